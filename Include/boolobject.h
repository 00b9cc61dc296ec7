/* bool: the int subclass with exactly two instances, False and True
   (Objects/boolobject.c).  Both are static and immortal, so returning one
   needs no new reference. */
#ifndef Py_BOOLOBJECT_H
#define Py_BOOLOBJECT_H

PyAPI_DATA(PyTypeObject) PyBool_Type;

#define PyBool_Check(x) Py_IS_TYPE((x), &PyBool_Type)

/* The singletons are int objects; their layout is private. */
PyAPI_DATA(PyLongObject) _Py_FalseStruct;
PyAPI_DATA(PyLongObject) _Py_TrueStruct;

#define Py_False _PyObject_CAST(&_Py_FalseStruct)
#define Py_True _PyObject_CAST(&_Py_TrueStruct)

PyAPI_FUNC(int) Py_IsTrue(PyObject *x);
#define Py_IsTrue(x) Py_Is((x), Py_True)
PyAPI_FUNC(int) Py_IsFalse(PyObject *x);
#define Py_IsFalse(x) Py_Is((x), Py_False)

#define Py_RETURN_TRUE return Py_True
#define Py_RETURN_FALSE return Py_False

/* Py_True if v is non-zero, else Py_False (a borrowed-or-new reference:
   the result is immortal either way). */
PyAPI_FUNC(PyObject *) PyBool_FromLong(long);

#endif /* Py_BOOLOBJECT_H */
