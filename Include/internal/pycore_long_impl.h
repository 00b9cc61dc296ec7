/* Helpers shared by the three files that implement int:
   Objects/longobject.c (representation, C conversions, the type),
   Objects/longarith.c (arithmetic) and Objects/longformat.c (text).
   Not for other callers: the rest of the core uses pycore_long.h.

   "Under construction" below means an int returned by _PyLong_New and not
   yet handed out: its creator may still write its digits and tag. */
#ifndef Py_INTERNAL_LONG_IMPL_H
#define Py_INTERNAL_LONG_IMPL_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_long.h"

/* The digit array of an int and its length. */
#define DIGITS(v) ((v)->long_value.ob_digit)
#define NDIGITS(v) _PyLong_DigitCount(v)

#define IS_SMALL_INT(ival) \
    (-_PY_NSMALLNEGINTS <= (ival) && (ival) < _PY_NSMALLPOSINTS)

/* The most digits an int can have (its size must fit in Py_ssize_t). */
#define MAX_LONG_DIGITS \
    ((PY_SSIZE_T_MAX - offsetof(PyLongObject, long_value.ob_digit)) / sizeof(digit))

/* The cached object for a small value; immortal, so no reference is
   taken. */
static inline PyObject *
small_int(Py_ssize_t ival)
{
    assert(IS_SMALL_INT(ival));
    return _PyLong_SMALL_INT(ival);
}

static inline int
bit_length_digit(digit d)
{
    return d == 0 ? 0 : 32 - __builtin_clz(d);
}

/* Bits in a magnitude given as a normalised digit array. */
static inline int64_t
digits_bit_length(const digit *d, Py_ssize_t n)
{
    if (n == 0) {
        return 0;
    }
    return (int64_t)(n - 1) * PyLong_SHIFT + bit_length_digit(d[n - 1]);
}

/* Length of a digit array without its leading zeros. */
static inline Py_ssize_t
digits_normalized_length(const digit *a, Py_ssize_t n)
{
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

/* 0, or -1 with TypeError unless obj is an int (the conversions that do
   not call __index__). */
static inline int
_PyLong_RequireInt(PyObject *obj)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyLong_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    return 0;
}

/* ---- Objects/longobject.c ---------------------------------------------- */

/* Drop the leading zero digits of an int under construction. */
void _PyLong_Normalize(PyLongObject *v);
/* Normalise an int under construction and return it, or the cached
   object for a small value.  Steals v; NULL passes through. */
PyObject *_PyLong_Finish(PyLongObject *v);
/* |src| as a new int under construction. */
PyLongObject *_PyLong_CopyAbs(const PyLongObject *src);
/* |a|, a new reference (a itself when it is not negative). */
PyObject *_PyLong_AbsValue(PyLongObject *a);
/* A new exact int equal to op (op itself if it is already exact). */
PyObject *_PyLong_Exact(PyObject *op);
/* |v| as a uint64_t: 0, or -1 when it needs more than 64 bits. */
int _PyLong_MagnitudeAsU64(const PyLongObject *v, uint64_t *out);
/* v as an int64_t: 0, or the sign of v (1 or -1) when it does not fit. */
int _PyLong_AsI64(const PyLongObject *v, int64_t *out);
int _PyLong_MagnitudeIsPowerOfTwo(const PyLongObject *v);

/* ---- Objects/longarith.c ----------------------------------------------- */

extern PyNumberMethods _PyLong_NumberMethods;
Py_hash_t _PyLong_Hash(PyObject *v);
PyObject *_PyLong_RichCompare(PyObject *a, PyObject *b, int op);
/* -v, a new reference. */
PyObject *_PyLong_Negative(PyObject *v);
/* a**b for b >= 0. */
PyObject *_PyLong_Power(PyLongObject *a, PyLongObject *b);

/* ---- Objects/longformat.c ---------------------------------------------- */

/* str(v) in decimal (int's tp_repr). */
PyObject *_PyLong_ToDecimalString(PyObject *v);

#endif /* Py_INTERNAL_LONG_IMPL_H */
