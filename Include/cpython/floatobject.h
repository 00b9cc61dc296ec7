/* The float object layout and the full-API float helpers. */
#ifndef Py_CPYTHON_FLOATOBJECT_H
#define Py_CPYTHON_FLOATOBJECT_H

/* Immutable: ob_fval is written once, before the object is shared. */
typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;

#define _PyFloat_CAST(op) ((PyFloatObject *)(op))

/* Unchecked: op must be a float (or subclass instance). */
static inline double PyFloat_AS_DOUBLE(PyObject *op) {
    return _PyFloat_CAST(op)->ob_fval;
}
#define PyFloat_AS_DOUBLE(op) PyFloat_AS_DOUBLE(_PyObject_CAST(op))

/* IEEE 754 binary16/32/64 in little-endian (le != 0) or big-endian byte
   order, as used by struct and array.  Pack returns 0, or -1 with
   OverflowError when x does not fit; Unpack returns -1.0 with an exception
   on failure (binary16 and binary32 NaN payloads are kept where they
   fit). */
PyAPI_FUNC(int) PyFloat_Pack2(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack4(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack8(double x, char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack2(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack4(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack8(const char *p, int le);

/* Parse s[0:len] as a number after removing PEP 515 underscores (only
   between digits), with innerfunc(text, len, obj) doing the conversion;
   what_type names the target in error messages.  Used by float() and
   complex() on strings. */
PyAPI_FUNC(PyObject *) _Py_string_to_number_with_underscores(
    const char *str, Py_ssize_t len, const char *what, PyObject *obj,
    void *arg, PyObject *(*innerfunc)(const char *, Py_ssize_t, void *));

/* Parse "inf", "infinity" or "nan" (any case, optional sign) at the start
   of p; sets *endptr past it (to p when there is none) and returns the
   value (-1.0 and *endptr == p on no match). */
PyAPI_FUNC(double) _Py_parse_inf_or_nan(const char *p, char **endptr);

#endif /* Py_CPYTHON_FLOATOBJECT_H */
