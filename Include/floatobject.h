/* The float type (Objects/floatobject.c) and the locale-independent
   conversions between doubles and text (Python/pystrtod.c). */
#ifndef Py_FLOATOBJECT_H
#define Py_FLOATOBJECT_H

/* IEEE 754 special values and tests.  CPython keeps these in pymath.h and
   pyport.h; they live here because floats are their main user. */
#ifndef Py_INFINITY
#  define Py_INFINITY ((double)INFINITY)
#endif
#ifndef Py_HUGE_VAL
#  define Py_HUGE_VAL HUGE_VAL
#endif
#ifndef Py_NAN
#  define Py_NAN ((double)NAN)
#endif
#ifndef Py_IS_NAN
#  define Py_IS_NAN(X) isnan(X)
#endif
#ifndef Py_IS_INFINITY
#  define Py_IS_INFINITY(X) isinf(X)
#endif
#ifndef Py_IS_FINITE
#  define Py_IS_FINITE(X) isfinite(X)
#endif

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

/* ---- text conversions (Python/pystrtod.c; CPython's pystrtod.h) ---- */

/* Parse a float literal at the start of s in the C locale: an optional
   sign, then digits with an optional '.' and exponent, or "inf",
   "infinity", "nan" (any case).  No whitespace, no underscores.  With
   endptr NULL the whole string must be consumed; else *endptr is set past
   the number (to s when there is none).  On overflow: returns +-HUGE_VAL
   when overflow_exception is NULL, else raises it.  Raises ValueError on
   a syntax error. */
PyAPI_FUNC(double) PyOS_string_to_double(const char *str, char **endptr,
                                         PyObject *overflow_exception);

/* Format val into a new PyMem_Malloc'd string (free with PyMem_Free).
   format_code: 'e', 'E', 'f', 'F', 'g', 'G' (with precision) or 'r'
   (shortest repr, precision must be 0).  *type, when not NULL, receives
   Py_DTST_FINITE, Py_DTST_INFINITE or Py_DTST_NAN.  NULL with an
   exception set on failure. */
PyAPI_FUNC(char *) PyOS_double_to_string(double val, char format_code,
                                         int precision, int flags, int *type);

/* PyOS_double_to_string flags. */
#define Py_DTSF_SIGN 0x01       /* always give a sign */
#define Py_DTSF_ADD_DOT_0 0x02  /* make integral results look like floats */
#define Py_DTSF_ALT 0x04        /* the '#' alternate form */
#define Py_DTSF_NO_NEG_0 0x08   /* negative zero after rounding prints as 0 */

/* PyOS_double_to_string *type results. */
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2

#ifndef Py_LIMITED_API
#  include "cpython/floatobject.h"
#endif

#endif /* Py_FLOATOBJECT_H */
