/* Generators, coroutines and async generators (Objects/genobject.c). */
#ifndef Py_CPYTHON_GENOBJECT_H
#define Py_CPYTHON_GENOBJECT_H

PyAPI_DATA(PyTypeObject) PyGen_Type;
PyAPI_DATA(PyTypeObject) PyCoro_Type;
PyAPI_DATA(PyTypeObject) PyAsyncGen_Type;
PyAPI_DATA(PyTypeObject) _PyCoroWrapper_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenASend_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenAThrow_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenWrappedValue_Type;

#define PyGen_Check(op) PyObject_TypeCheck((op), &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE((op), &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE((op), &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE((op), &PyAsyncGen_Type)

/* Raise StopIteration carrying value (wrapped in a tuple when it is an
   exception or tuple, so it survives normalisation); 0 or -1. */
PyAPI_FUNC(int) _PyGen_SetStopIterationValue(PyObject *value);
/* Take the value of a raised StopIteration (None when none); 0, or -1
   when another exception is set. */
PyAPI_FUNC(int) _PyGen_FetchStopIterationValue(PyObject **pvalue);
/* The sub-iterator a suspended generator delegates to (borrowed) or
   NULL. */
PyAPI_FUNC(PyObject *) _PyGen_YieldFrom(PyObject *gen);

#endif /* Py_CPYTHON_GENOBJECT_H */
