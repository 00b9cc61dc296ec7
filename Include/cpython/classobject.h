/* Bound methods (Objects/classobject.c). */
#ifndef Py_CPYTHON_CLASSOBJECT_H
#define Py_CPYTHON_CLASSOBJECT_H

/* im_func and im_self are set at creation and never change. */
typedef struct {
    PyObject_HEAD
    PyObject *im_func;          /* the callable */
    PyObject *im_self;          /* the instance it is bound to */
    PyObject *im_weakreflist;
    vectorcallfunc vectorcall;
} PyMethodObject;

PyAPI_DATA(PyTypeObject) PyMethod_Type;

#define PyMethod_Check(op) Py_IS_TYPE((op), &PyMethod_Type)

PyAPI_FUNC(PyObject *) PyMethod_New(PyObject *func, PyObject *self);
PyAPI_FUNC(PyObject *) PyMethod_Function(PyObject *);
PyAPI_FUNC(PyObject *) PyMethod_Self(PyObject *);

#define PyMethod_GET_FUNCTION(meth) (((PyMethodObject *)(meth))->im_func)
#define PyMethod_GET_SELF(meth) (((PyMethodObject *)(meth))->im_self)

#endif /* Py_CPYTHON_CLASSOBJECT_H */
