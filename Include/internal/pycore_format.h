/* The format-spec mini-language (PEP 3101, Python/formatter.c): the
   engines behind int.__format__, float.__format__, complex.__format__ and
   str.__format__. */
#ifndef Py_INTERNAL_FORMAT_H
#define Py_INTERNAL_FORMAT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* Each returns a new str: value formatted per format_spec (a str), or NULL
   with ValueError for a bad spec.  An empty spec gives str(value). */
PyAPI_FUNC(PyObject *) _PyLong_FormatSpec(PyObject *value, PyObject *format_spec);
PyAPI_FUNC(PyObject *) _PyFloat_FormatSpec(PyObject *value, PyObject *format_spec);
PyAPI_FUNC(PyObject *) _PyComplex_FormatSpec(PyObject *value, PyObject *format_spec);
PyAPI_FUNC(PyObject *) _PyUnicode_FormatSpec(PyObject *str, PyObject *format_spec);

/* Digits of a finite double in decimal (Python/pystrtod.c).  digits (at
   least _Py_DG_MAXDIGITS + 1 chars) gets '0'-'9' characters without
   leading or trailing zeros and a NUL; the value is 0.DIGITS * 10**decpt,
   negative when *sign.  Zero gives "" with *decpt == 1.
   mode 0: the shortest string that reads back as x (ndigits ignored);
   mode 2: at most ndigits significant digits (ndigits >= 1);
   mode 3: rounded to ndigits places after the point (may be negative).
   Rounding is correct: half to even on the exact binary value.
   Returns the number of digits. */
#define _Py_DG_MAXDIGITS 800
Py_ssize_t _Py_dg_digits(double x, int mode, int ndigits,
                         char *digits, int *decpt, int *sign);

#endif /* Py_INTERNAL_FORMAT_H */
