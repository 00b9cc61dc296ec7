/* The two iterators the language makes for objects that have no __iter__
   of their own (Objects/iterobject.c):
   - iter(seq) for a type with only __getitem__ ('iterator');
   - iter(callable, sentinel) ('callable_iterator'). */
#ifndef Py_ITEROBJECT_H
#define Py_ITEROBJECT_H

PyAPI_DATA(PyTypeObject) PySeqIter_Type;
PyAPI_DATA(PyTypeObject) PyCallIter_Type;

#define PySeqIter_Check(op) Py_IS_TYPE((op), &PySeqIter_Type)
#define PyCallIter_Check(op) Py_IS_TYPE((op), &PyCallIter_Type)

PyAPI_FUNC(PyObject *) PySeqIter_New(PyObject *seq);
PyAPI_FUNC(PyObject *) PyCallIter_New(PyObject *callable, PyObject *sentinel);

#endif /* Py_ITEROBJECT_H */
