/* The complex type (Objects/complexobject.c). */
#ifndef Py_COMPLEXOBJECT_H
#define Py_COMPLEXOBJECT_H

PyAPI_DATA(PyTypeObject) PyComplex_Type;

#define PyComplex_Check(op) PyObject_TypeCheck((op), &PyComplex_Type)
#define PyComplex_CheckExact(op) Py_IS_TYPE((op), &PyComplex_Type)

PyAPI_FUNC(PyObject *) PyComplex_FromDoubles(double real, double imag);
/* The real (imaginary) part of a complex, or of any object convertible
   with __complex__, __float__ or __index__; -1.0 with an exception set on
   failure. */
PyAPI_FUNC(double) PyComplex_RealAsDouble(PyObject *op);
PyAPI_FUNC(double) PyComplex_ImagAsDouble(PyObject *op);

#ifndef Py_LIMITED_API
#  include "cpython/complexobject.h"
#endif

#endif /* Py_COMPLEXOBJECT_H */
