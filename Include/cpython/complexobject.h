/* The complex object layout and C-level complex arithmetic. */
#ifndef Py_CPYTHON_COMPLEXOBJECT_H
#define Py_CPYTHON_COMPLEXOBJECT_H

typedef struct {
    double real;
    double imag;
} Py_complex;

/* Complex arithmetic on C values.  _Py_c_quot and _Py_c_pow set errno to
   EDOM on division by zero (zero to a negative or complex power) and
   _Py_c_pow sets ERANGE on overflow; the others never fail. */
PyAPI_FUNC(Py_complex) _Py_c_sum(Py_complex, Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_diff(Py_complex, Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_neg(Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_prod(Py_complex, Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_quot(Py_complex, Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_pow(Py_complex, Py_complex);
PyAPI_FUNC(double) _Py_c_abs(Py_complex);

/* Mixed-mode forms (C99 Annex G): a real operand is not first widened to
   a complex with a +0.0 imaginary part, so signed zeros and infinities
   survive.  _cr_: complex op real, _rc_: real op complex. */
PyAPI_FUNC(Py_complex) _Py_cr_sum(Py_complex, double);
PyAPI_FUNC(Py_complex) _Py_cr_diff(Py_complex, double);
PyAPI_FUNC(Py_complex) _Py_rc_diff(double, Py_complex);
PyAPI_FUNC(Py_complex) _Py_cr_prod(Py_complex, double);
PyAPI_FUNC(Py_complex) _Py_cr_quot(Py_complex, double);
PyAPI_FUNC(Py_complex) _Py_rc_quot(double, Py_complex);

/* Immutable: cval is written once, before the object is shared. */
typedef struct {
    PyObject_HEAD
    Py_complex cval;
} PyComplexObject;

PyAPI_FUNC(PyObject *) PyComplex_FromCComplex(Py_complex);
/* The value of a complex, or of an object with __complex__, __float__ or
   __index__; real == -1.0 with an exception set on failure. */
PyAPI_FUNC(Py_complex) PyComplex_AsCComplex(PyObject *op);

#endif /* Py_CPYTHON_COMPLEXOBJECT_H */
