/* The float type (Objects/floatobject.c). */
#ifndef Py_FLOATOBJECT_H
#define Py_FLOATOBJECT_H

PyAPI_DATA(PyTypeObject) PyFloat_Type;

#define PyFloat_Check(op) PyObject_TypeCheck((op), &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)

#define Py_RETURN_NAN return PyFloat_FromDouble(Py_NAN)
#define Py_RETURN_INF(sign)                                     \
    do {                                                        \
        if (copysign(1., (sign)) == 1.) {                       \
            return PyFloat_FromDouble(Py_INFINITY);             \
        }                                                       \
        return PyFloat_FromDouble(-Py_INFINITY);                \
    } while (0)

PyAPI_FUNC(double) PyFloat_GetMax(void);
PyAPI_FUNC(double) PyFloat_GetMin(void);
/* A new float from a str, bytes, bytearray or other buffer holding a
   Python float literal (surrounding whitespace and PEP 515 underscores
   allowed); ValueError "could not convert string to float: ..." else. */
PyAPI_FUNC(PyObject *) PyFloat_FromString(PyObject *);
PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double);
/* The value of a float, or of any object with __float__ or __index__;
   -1.0 with an exception set on failure. */
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *);
/* capi (session 6): a struct sequence like sys.float_info. */
PyAPI_FUNC(PyObject *) PyFloat_GetInfo(void);

#ifndef Py_LIMITED_API
#  include "cpython/floatobject.h"
#endif

#endif /* Py_FLOATOBJECT_H */
