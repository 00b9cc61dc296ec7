/* Locale-independent conversions between doubles and text
   (Python/pystrtod.c). */
#ifndef Py_PYSTRTOD_H
#define Py_PYSTRTOD_H


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

#endif /* Py_PYSTRTOD_H */
