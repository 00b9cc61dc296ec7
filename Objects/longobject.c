/* int: arbitrary-precision integers -- the representation, the small-int
   cache, conversion to and from C types and byte strings, and the int type
   with its methods.  The arithmetic is in Objects/longarith.c, conversion
   to and from text in Objects/longformat.c; the three share the helpers of
   Include/internal/pycore_long_impl.h.  The representation (30-bit
   digits, a tag word with sign and digit count) is described in
   Include/cpython/longobject.h.

   Thread safety: an int never changes after its constructor returns, so no
   function here locks anything.  Objects under construction are private to
   the constructing thread until returned. */

#include "Python.h"
#include "pycore_long.h"
#include "pycore_long_impl.h"
#include "pycore_object.h"
#include "pycore_freelist.h"

#include <stddef.h>

/* ======================================================================
   The small-int cache and allocation
   ====================================================================== */

/* A static immortal int with value v, -2**30 < v < 2**30. */
#define SMALL_INT_INIT(v)                                               \
    {                                                                   \
        PyObject_HEAD_INIT(&PyLong_Type)                                \
        {                                                               \
            _PyLong_TAG((v) < 0 ? _PyLong_SIGN_NEGATIVE                 \
                        : (v) == 0 ? _PyLong_SIGN_ZERO                  \
                        : _PyLong_SIGN_POSITIVE, (v) != 0),             \
            { (digit)((v) < 0 ? -(v) : (v)) }                           \
        }                                                               \
    }
#define SMALL_INTS_4(v) SMALL_INT_INIT(v), SMALL_INT_INIT((v) + 1), \
    SMALL_INT_INIT((v) + 2), SMALL_INT_INIT((v) + 3)
#define SMALL_INTS_16(v) SMALL_INTS_4(v), SMALL_INTS_4((v) + 4), \
    SMALL_INTS_4((v) + 8), SMALL_INTS_4((v) + 12)
#define SMALL_INTS_64(v) SMALL_INTS_16(v), SMALL_INTS_16((v) + 16), \
    SMALL_INTS_16((v) + 32), SMALL_INTS_16((v) + 48)
#define SMALL_INTS_256(v) SMALL_INTS_64(v), SMALL_INTS_64((v) + 64), \
    SMALL_INTS_64((v) + 128), SMALL_INTS_64((v) + 192)

/* -5, -4..-1, 0..255, 256. */
PyLongObject _PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS] = {
    SMALL_INT_INIT(-5),
    SMALL_INTS_4(-4),
    SMALL_INTS_256(0),
    SMALL_INT_INIT(256),
};


/* Memory for an int of `allocated` (>= 1) digits, its header
   initialised; one-digit blocks come from the thread's free list first.
   Inline: the one-digit results of the VM's int forms come here through
   long_from_medium without _PyLong_New's size checks. */
static inline PyLongObject *
long_alloc(Py_ssize_t allocated)
{
    PyLongObject *v = NULL;
    if (allocated == 1) {
        v = (PyLongObject *)_Py_freelist_pop(&_Py_freelists_get()->ints);
    }
    if (v == NULL) {
        v = PyObject_Malloc(offsetof(PyLongObject, long_value.ob_digit)
                            + (size_t)allocated * sizeof(digit));
        if (v == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    _PyObject_Init((PyObject *)v, &PyLong_Type);
    return v;
}

PyLongObject *
_PyLong_New(Py_ssize_t size)
{
    assert(size >= 0);
    if (size > (Py_ssize_t)MAX_LONG_DIGITS) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    /* One digit is always allocated so that a zero reads as 0 through
       the compact-value formula. */
    PyLongObject *v = long_alloc(size > 0 ? size : 1);
    if (v == NULL) {
        return NULL;
    }
    v->long_value.lv_tag = _PyLong_TAG(size > 0 ? _PyLong_SIGN_POSITIVE
                                       : _PyLong_SIGN_ZERO, size);
    v->long_value.ob_digit[0] = 0;
    return v;
}

/* Drop leading zero digits of an int under construction. */
void
_PyLong_Normalize(PyLongObject *v)
{
    Py_ssize_t n = NDIGITS(v);
    while (n > 0 && DIGITS(v)[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        v->long_value.lv_tag = _PyLong_TAG(_PyLong_SIGN_ZERO, 0);
    }
    else {
        _PyLong_SetDigitCount(v, n);
    }
}

/* Finish an int under construction: normalise it and hand back the
   cached object instead when the value is small.  Steals v; NULL passes
   through. */
PyObject *
_PyLong_Finish(PyLongObject *v)
{
    if (v == NULL) {
        return NULL;
    }
    _PyLong_Normalize(v);
    if (_PyLong_IsCompact(v)) {
        Py_ssize_t ival = _PyLong_CompactValue(v);
        if (IS_SMALL_INT(ival)) {
            Py_DECREF(v);
            return small_int(ival);
        }
    }
    return (PyObject *)v;
}

/* An int holding a single digit's worth, |ival| < 2**30. */
static inline PyObject *
long_from_medium(sdigit ival)
{
    if (IS_SMALL_INT(ival)) {
        return small_int(ival);
    }
    PyLongObject *v = long_alloc(1);
    if (v == NULL) {
        return NULL;
    }
    DIGITS(v)[0] = ival < 0 ? (digit)0 - (digit)ival : (digit)ival;
    _PyLong_SetSignAndDigitCount(v, ival < 0 ? -1 : 1, 1);
    return (PyObject *)v;
}

/* An int from a sign and a 64-bit magnitude. */
static PyObject *
long_from_magnitude(uint64_t magnitude, int negative)
{
    if (magnitude < PyLong_BASE) {
        sdigit ival = (sdigit)magnitude;
        return long_from_medium(negative ? -ival : ival);
    }
    Py_ssize_t ndigits = 0;
    for (uint64_t t = magnitude; t != 0; t >>= PyLong_SHIFT) {
        ndigits++;
    }
    PyLongObject *v = _PyLong_New(ndigits);
    if (v == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < ndigits; i++) {
        DIGITS(v)[i] = (digit)(magnitude & PyLong_MASK);
        magnitude >>= PyLong_SHIFT;
    }
    _PyLong_SetSignAndDigitCount(v, negative ? -1 : 1, ndigits);
    return (PyObject *)v;
}

PyObject *
_PyLong_FromSTwoDigits(int64_t ival)
{
    if (ival > -(int64_t)PyLong_BASE && ival < (int64_t)PyLong_BASE) {
        return long_from_medium((sdigit)ival);   /* the VM's common case */
    }
    /* 0 - (uint64_t)ival is |ival| even for INT64_MIN. */
    if (ival < 0) {
        return long_from_magnitude((uint64_t)0 - (uint64_t)ival, 1);
    }
    return long_from_magnitude((uint64_t)ival, 0);
}


PyObject *
_PyLong_FromDigits(int negative, Py_ssize_t digit_count, const digit *digits)
{
    PyLongObject *v = _PyLong_New(digit_count);
    if (v == NULL) {
        return NULL;
    }
    memcpy(DIGITS(v), digits, (size_t)digit_count * sizeof(digit));
    if (digit_count > 0) {
        _PyLong_SetSignAndDigitCount(v, negative ? -1 : 1, digit_count);
    }
    return _PyLong_Finish(v);
}

/* A private mutable copy of |src| (an exact int, refcount 1). */
PyLongObject *
_PyLong_CopyAbs(const PyLongObject *src)
{
    Py_ssize_t n = NDIGITS(src);
    PyLongObject *v = _PyLong_New(n);
    if (v == NULL) {
        return NULL;
    }
    if (n > 0) {
        memcpy(DIGITS(v), DIGITS(src), (size_t)n * sizeof(digit));
    }
    return v;
}

PyObject *
_PyLong_Copy(PyLongObject *src)
{
    assert(src != NULL && PyLong_Check(src));
    if (_PyLong_IsCompact(src)) {
        Py_ssize_t ival = _PyLong_CompactValue(src);
        if (IS_SMALL_INT(ival)) {
            return small_int(ival);
        }
    }
    PyLongObject *v = _PyLong_CopyAbs(src);
    if (v != NULL) {
        v->long_value.lv_tag = src->long_value.lv_tag;
    }
    return (PyObject *)v;
}

/* |a| as a new reference. */
PyObject *
_PyLong_AbsValue(PyLongObject *a)
{
    if (!_PyLong_IsNegative(a)) {
        return Py_NewRef(a);
    }
    return _PyLong_Finish(_PyLong_CopyAbs(a));
}

/* A new exact int equal to op (op itself if it is already exact). */
PyObject *
_PyLong_Exact(PyObject *op)
{
    if (PyLong_CheckExact(op)) {
        return Py_NewRef(op);
    }
    return _PyLong_Copy((PyLongObject *)op);
}

/* Exact ints of at most one digit go on the thread's free list: every
   int block has room for one digit at least (see _PyLong_New). */
void
_PyLong_ExactDealloc(PyObject *self)
{
    assert(PyLong_CheckExact(self));
    if (!_PyLong_IsCompact((PyLongObject *)self)
            || !_Py_freelist_push(&_Py_freelists_get()->ints, self,
                                  _Py_FREELIST_INTS)) {
        PyObject_Free(self);
    }
}

static void
long_dealloc(PyObject *self)
{
    /* Small ints and the bools are immortal and never get here. */
    assert(!_Py_IsImmortal(self));
    if (PyLong_CheckExact(self)) {
        _PyLong_ExactDealloc(self);
        return;
    }
    Py_TYPE(self)->tp_free(self);
}

/* ======================================================================
   From C numbers
   ====================================================================== */

PyObject *
PyLong_FromLong(long ival)
{
    return _PyLong_FromSTwoDigits((int64_t)ival);
}

PyObject *
PyLong_FromUnsignedLong(unsigned long ival)
{
    return long_from_magnitude((uint64_t)ival, 0);
}

PyObject *
PyLong_FromLongLong(long long ival)
{
    return _PyLong_FromSTwoDigits((int64_t)ival);
}

PyObject *
PyLong_FromUnsignedLongLong(unsigned long long ival)
{
    return long_from_magnitude((uint64_t)ival, 0);
}

PyObject *
PyLong_FromSsize_t(Py_ssize_t ival)
{
    return _PyLong_FromSTwoDigits((int64_t)ival);
}

PyObject *
PyLong_FromSize_t(size_t ival)
{
    return long_from_magnitude((uint64_t)ival, 0);
}

PyObject *
PyLong_FromInt32(int32_t value)
{
    return _PyLong_FromSTwoDigits(value);
}

PyObject *
PyLong_FromUInt32(uint32_t value)
{
    return long_from_magnitude(value, 0);
}

PyObject *
PyLong_FromInt64(int64_t value)
{
    return _PyLong_FromSTwoDigits(value);
}

PyObject *
PyLong_FromUInt64(uint64_t value)
{
    return long_from_magnitude(value, 0);
}

PyObject *
PyLong_FromVoidPtr(void *p)
{
    return long_from_magnitude((uint64_t)(uintptr_t)p, 0);
}

/* Truncates toward zero, as int(float) does. */
PyObject *
PyLong_FromDouble(double dval)
{
    /* Every double in (-2**63, 2**63) converts exactly through int64_t. */
    if (dval > -9223372036854775808.0 && dval < 9223372036854775808.0) {
        return _PyLong_FromSTwoDigits((int64_t)dval);
    }
    if (isinf(dval)) {
        PyErr_SetString(PyExc_OverflowError,
                        "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(dval)) {
        PyErr_SetString(PyExc_ValueError,
                        "cannot convert float NaN to integer");
        return NULL;
    }
    int negative = dval < 0.0;
    int exponent;
    /* |dval| = fraction * 2**exponent, 0.5 <= fraction < 1, exponent > 63:
       peel off 30 bits at a time from the top. */
    double fraction = frexp(fabs(dval), &exponent);
    Py_ssize_t ndigits = (exponent - 1) / PyLong_SHIFT + 1;
    PyLongObject *v = _PyLong_New(ndigits);
    if (v == NULL) {
        return NULL;
    }
    fraction = ldexp(fraction, (exponent - 1) % PyLong_SHIFT + 1);
    for (Py_ssize_t i = ndigits - 1; i >= 0; i--) {
        digit bits = (digit)fraction;
        DIGITS(v)[i] = bits;
        fraction = ldexp(fraction - (double)bits, PyLong_SHIFT);
    }
    _PyLong_SetSignAndDigitCount(v, negative ? -1 : 1, ndigits);
    return (PyObject *)v;
}

/* ======================================================================
   To C numbers
   ====================================================================== */

/* |v| as a uint64_t: 0, or -1 when it needs more than 64 bits. */
int
_PyLong_MagnitudeAsU64(const PyLongObject *v, uint64_t *out)
{
    uint64_t x = 0;
    for (Py_ssize_t i = NDIGITS(v) - 1; i >= 0; i--) {
        if (x >> (64 - PyLong_SHIFT)) {
            return -1;
        }
        x = (x << PyLong_SHIFT) | DIGITS(v)[i];
    }
    *out = x;
    return 0;
}

/* v as an int64_t: returns 0, or the sign of v (1 or -1) when it does not
   fit. */
int
_PyLong_AsI64(const PyLongObject *v, int64_t *out)
{
    if (_PyLong_IsCompact(v)) {
        *out = _PyLong_CompactValue(v);
        return 0;
    }
    int negative = _PyLong_IsNegative(v);
    uint64_t magnitude;
    if (_PyLong_MagnitudeAsU64(v, &magnitude) < 0) {
        return negative ? -1 : 1;
    }
    if (negative) {
        if (magnitude > (uint64_t)INT64_MAX + 1) {
            return -1;
        }
        /* Written so that INT64_MIN does not overflow. */
        *out = -(int64_t)(magnitude - 1) - 1;
        return 0;
    }
    if (magnitude > (uint64_t)INT64_MAX) {
        return 1;
    }
    *out = (int64_t)magnitude;
    return 0;
}

/* The low 64 bits of v's two's complement. */
static uint64_t
long_low_u64(const PyLongObject *v)
{
    uint64_t x = 0;
    Py_ssize_t n = NDIGITS(v);
    /* Digits above bit 64 cannot contribute. */
    Py_ssize_t start = n < 3 ? n : 3;
    for (Py_ssize_t i = start - 1; i >= 0; i--) {
        x = (x << PyLong_SHIFT) | DIGITS(v)[i];
    }
    return _PyLong_IsNegative(v) ? (uint64_t)0 - x : x;
}

/* obj as an int: a new reference to obj if it is one, else the result of
   its __index__. */
static PyLongObject *
long_from_index(PyObject *obj)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyLong_Check(obj)) {
        return (PyLongObject *)Py_NewRef(obj);
    }
    return (PyLongObject *)PyNumber_Index(obj);
}


long long
PyLong_AsLongLongAndOverflow(PyObject *obj, int *overflow)
{
    *overflow = 0;
    PyLongObject *v = long_from_index(obj);
    if (v == NULL) {
        return -1;
    }
    int64_t result;
    *overflow = _PyLong_AsI64(v, &result);
    Py_DECREF(v);
    return *overflow ? -1 : (long long)result;
}

long
PyLong_AsLongAndOverflow(PyObject *obj, int *overflow)
{
    long long result = PyLong_AsLongLongAndOverflow(obj, overflow);
    if (*overflow == 0 && (result < LONG_MIN || result > LONG_MAX)) {
        *overflow = result < 0 ? -1 : 1;
        return -1;
    }
    return (long)result;
}

long
PyLong_AsLong(PyObject *obj)
{
    int overflow;
    long result = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C long");
    }
    return result;
}

int
PyLong_AsInt(PyObject *obj)
{
    int overflow;
    long result = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow || result > INT_MAX || result < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C int");
        return -1;
    }
    return (int)result;
}

long long
PyLong_AsLongLong(PyObject *obj)
{
    int overflow;
    long long result = PyLong_AsLongLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
    }
    return result;
}

Py_ssize_t
PyLong_AsSsize_t(PyObject *obj)
{
    if (_PyLong_RequireInt(obj) < 0) {
        return -1;
    }
    int64_t result;
    if (_PyLong_AsI64((PyLongObject *)obj, &result) != 0
        || result < PY_SSIZE_T_MIN || result > PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (Py_ssize_t)result;
}

/* |obj| as an unsigned 64-bit value for the unsigned conversions, which
   take only ints and reject negative values. */
static int
long_as_unsigned(PyObject *obj, uint64_t max, const char *negative_message,
                 const char *overflow_message, uint64_t *out)
{
    if (_PyLong_RequireInt(obj) < 0) {
        return -1;
    }
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsNegative(v)) {
        PyErr_SetString(PyExc_OverflowError, negative_message);
        return -1;
    }
    if (_PyLong_MagnitudeAsU64(v, out) < 0 || *out > max) {
        PyErr_SetString(PyExc_OverflowError, overflow_message);
        return -1;
    }
    return 0;
}

unsigned long
PyLong_AsUnsignedLong(PyObject *obj)
{
    uint64_t result;
    if (long_as_unsigned(obj, ULONG_MAX,
                         "can't convert negative value to unsigned int",
                         "Python int too large to convert to C unsigned long",
                         &result) < 0) {
        return (unsigned long)-1;
    }
    return (unsigned long)result;
}

size_t
PyLong_AsSize_t(PyObject *obj)
{
    uint64_t result;
    if (long_as_unsigned(obj, SIZE_MAX,
                         "can't convert negative value to size_t",
                         "Python int too large to convert to C size_t",
                         &result) < 0) {
        return (size_t)-1;
    }
    return (size_t)result;
}

unsigned long long
PyLong_AsUnsignedLongLong(PyObject *obj)
{
    uint64_t result;
    if (long_as_unsigned(obj, ULLONG_MAX,
                         "can't convert negative int to unsigned",
                         "int too big to convert", &result) < 0) {
        return (unsigned long long)-1;
    }
    return (unsigned long long)result;
}

unsigned long long
PyLong_AsUnsignedLongLongMask(PyObject *obj)
{
    PyLongObject *v = long_from_index(obj);
    if (v == NULL) {
        return (unsigned long long)-1;
    }
    uint64_t result = long_low_u64(v);
    Py_DECREF(v);
    return (unsigned long long)result;
}

unsigned long
PyLong_AsUnsignedLongMask(PyObject *obj)
{
    return (unsigned long)PyLong_AsUnsignedLongLongMask(obj);
}

/* capi: the struct sequence lives in the sys module (Python/sysmodule.c). */
PyObject *
PyLong_GetInfo(void)
{
    PyObject *info = PySys_GetObject("int_info");
    if (info == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.int_info");
        return NULL;
    }
    return Py_NewRef(info);
}

void *
PyLong_AsVoidPtr(PyObject *obj)
{
    /* Pointers round-trip through either signed or unsigned values. */
    if (PyLong_Check(obj) && _PyLong_IsNegative((PyLongObject *)obj)) {
        long long x = PyLong_AsLongLong(obj);
        if (x == -1 && PyErr_Occurred()) {
            return NULL;
        }
        return (void *)(intptr_t)x;
    }
    unsigned long long x = PyLong_AsUnsignedLongLong(obj);
    if (x == (unsigned long long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    return (void *)(uintptr_t)x;
}

/* The fixed-width conversions go through PyLong_AsNativeBytes, which also
   accepts __index__. */
static int
long_as_fixed(PyObject *obj, void *value, size_t size, int is_unsigned,
              const char *type_name)
{
    int flags = Py_ASNATIVEBYTES_NATIVE_ENDIAN | Py_ASNATIVEBYTES_ALLOW_INDEX;
    if (is_unsigned) {
        flags |= Py_ASNATIVEBYTES_UNSIGNED_BUFFER | Py_ASNATIVEBYTES_REJECT_NEGATIVE;
    }
    unsigned char buffer[8];
    Py_ssize_t needed = PyLong_AsNativeBytes(obj, buffer, (Py_ssize_t)size, flags);
    if (needed < 0) {
        return -1;
    }
    if ((size_t)needed > size) {
        PyErr_Format(PyExc_OverflowError,
                     "Python int too large to convert to %s", type_name);
        return -1;
    }
    memcpy(value, buffer, size);
    return 0;
}

int
PyLong_AsInt32(PyObject *obj, int32_t *value)
{
    return long_as_fixed(obj, value, sizeof(*value), 0, "C int32_t");
}

int
PyLong_AsUInt32(PyObject *obj, uint32_t *value)
{
    return long_as_fixed(obj, value, sizeof(*value), 1, "C uint32_t");
}

int
PyLong_AsInt64(PyObject *obj, int64_t *value)
{
    return long_as_fixed(obj, value, sizeof(*value), 0, "C int64_t");
}

int
PyLong_AsUInt64(PyObject *obj, uint64_t *value)
{
    return long_as_fixed(obj, value, sizeof(*value), 1, "C uint64_t");
}

/* ---- sign and size ---------------------------------------------------- */

int
_PyLong_Sign(PyObject *v)
{
    assert(v != NULL && PyLong_Check(v));
    return _PyLong_NonCompactSign((PyLongObject *)v);
}

static int
long_sign_check(PyObject *obj)
{
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expect int, got %s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

int
PyLong_GetSign(PyObject *obj, int *sign)
{
    if (long_sign_check(obj) < 0) {
        return -1;
    }
    *sign = _PyLong_NonCompactSign((PyLongObject *)obj);
    return 0;
}

int
PyLong_IsPositive(PyObject *obj)
{
    if (long_sign_check(obj) < 0) {
        return -1;
    }
    return _PyLong_IsPositive((PyLongObject *)obj);
}

int
PyLong_IsNegative(PyObject *obj)
{
    if (long_sign_check(obj) < 0) {
        return -1;
    }
    return _PyLong_IsNegative((PyLongObject *)obj);
}

int
PyLong_IsZero(PyObject *obj)
{
    if (long_sign_check(obj) < 0) {
        return -1;
    }
    return _PyLong_IsZero((PyLongObject *)obj);
}



int64_t
_PyLong_NumBits(PyObject *v)
{
    assert(v != NULL && PyLong_Check(v));
    PyLongObject *lv = (PyLongObject *)v;
    return digits_bit_length(DIGITS(lv), NDIGITS(lv));
}

/* True when the magnitude is a power of two. */
int
_PyLong_MagnitudeIsPowerOfTwo(const PyLongObject *v)
{
    Py_ssize_t n = NDIGITS(v);
    if (n == 0) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < n - 1; i++) {
        if (DIGITS(v)[i] != 0) {
            return 0;
        }
    }
    digit top = DIGITS(v)[n - 1];
    return (top & (top - 1)) == 0;
}

/* ======================================================================
   Byte strings: two's complement or unsigned, either byte order
   ====================================================================== */

PyObject *
_PyLong_FromByteArray(const unsigned char *bytes, size_t n,
                      int little_endian, int is_signed)
{
    if (n == 0) {
        return small_int(0);
    }
    /* Walk from the least significant byte. */
    const unsigned char *p = little_endian ? bytes : bytes + n - 1;
    ptrdiff_t step = little_endian ? 1 : -1;
    unsigned char msb = little_endian ? bytes[n - 1] : bytes[0];
    int negative = is_signed && (msb & 0x80);

    if (n > (PY_SSIZE_T_MAX - PyLong_SHIFT) / 8) {
        PyErr_SetString(PyExc_OverflowError,
                        "byte array too long to convert to int");
        return NULL;
    }
    Py_ssize_t ndigits = (Py_ssize_t)((n * 8 + PyLong_SHIFT - 1) / PyLong_SHIFT);
    PyLongObject *v = _PyLong_New(ndigits);
    if (v == NULL) {
        return NULL;
    }
    /* A negative value's magnitude is its complement plus one, formed
       byte by byte with a running carry. */
    unsigned int carry = 1;
    twodigits accum = 0;
    int accum_bits = 0;
    Py_ssize_t idigit = 0;
    for (size_t i = 0; i < n; i++, p += step) {
        unsigned int byte = *p;
        if (negative) {
            byte = (byte ^ 0xFFu) + carry;
            carry = byte >> 8;
            byte &= 0xFFu;
        }
        accum |= (twodigits)byte << accum_bits;
        accum_bits += 8;
        if (accum_bits >= PyLong_SHIFT) {
            DIGITS(v)[idigit++] = (digit)(accum & PyLong_MASK);
            accum >>= PyLong_SHIFT;
            accum_bits -= PyLong_SHIFT;
        }
    }
    if (accum_bits > 0) {
        DIGITS(v)[idigit++] = (digit)accum;
    }
    while (idigit < ndigits) {
        DIGITS(v)[idigit++] = 0;
    }
    _PyLong_SetSignAndDigitCount(v, negative ? -1 : 1, ndigits);
    return _PyLong_Finish(v);
}

/* Bytes needed for v in two's complement (signed) or as an unsigned
   number; 0 for zero. */
static int64_t
long_bits_needed(const PyLongObject *v, int is_signed)
{
    int64_t nbits = digits_bit_length(DIGITS(v), NDIGITS(v));
    if (_PyLong_IsNegative(v)) {
        /* b bits of two's complement hold -2**(b-1) and up, so -m with
           2**(k-1) <= m < 2**k needs k bits if m is 2**(k-1), else k+1. */
        return _PyLong_MagnitudeIsPowerOfTwo(v) ? nbits : nbits + 1;
    }
    return is_signed && nbits > 0 ? nbits + 1 : nbits;
}

/* Write the low n bytes of v's two's complement (sign-extended as far as
   needed) in the given byte order. */
static void
long_write_bytes(const PyLongObject *v, unsigned char *bytes, size_t n,
                 int little_endian)
{
    int negative = _PyLong_IsNegative(v);
    Py_ssize_t ndigits = NDIGITS(v);
    unsigned char *p = little_endian ? bytes : bytes + n - 1;
    ptrdiff_t step = little_endian ? 1 : -1;
    twodigits accum = 0;
    int accum_bits = 0;
    digit carry = 1;
    Py_ssize_t idigit = 0;
    for (size_t i = 0; i < n; i++, p += step) {
        if (accum_bits < 8) {
            digit d = idigit < ndigits ? DIGITS(v)[idigit] : 0;
            idigit++;
            if (negative) {
                d = (d ^ PyLong_MASK) + carry;
                carry = d >> PyLong_SHIFT;
                d &= PyLong_MASK;
            }
            accum |= (twodigits)d << accum_bits;
            accum_bits += PyLong_SHIFT;
        }
        *p = (unsigned char)(accum & 0xFF);
        accum >>= 8;
        accum_bits -= 8;
    }
}

int
_PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n,
                    int little_endian, int is_signed, int with_exceptions)
{
    int status = 0;
    if (_PyLong_IsNegative(v) && !is_signed) {
        if (with_exceptions) {
            PyErr_SetString(PyExc_OverflowError,
                            "can't convert negative int to unsigned");
            return -1;
        }
        status = -1;
    }
    else if (long_bits_needed(v, is_signed) > (int64_t)n * 8) {
        if (with_exceptions) {
            PyErr_SetString(PyExc_OverflowError, "int too big to convert");
            return -1;
        }
        status = -1;
    }
    long_write_bytes(v, bytes, n, little_endian);
    return status;
}

/* ---- native bytes (3.13) ---------------------------------------------- */

static int
native_little_endian(int flags)
{
    if (flags == -1 || (flags & Py_ASNATIVEBYTES_NATIVE_ENDIAN)
                           == Py_ASNATIVEBYTES_NATIVE_ENDIAN) {
#ifdef WORDS_BIGENDIAN
        return 0;
#else
        return 1;
#endif
    }
    return flags & Py_ASNATIVEBYTES_LITTLE_ENDIAN;
}

Py_ssize_t
PyLong_AsNativeBytes(PyObject *obj, void *buffer, Py_ssize_t n_bytes, int flags)
{
    if (n_bytes < 0 || (buffer == NULL && n_bytes > 0)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyLongObject *v;
    if (PyLong_Check(obj)) {
        v = (PyLongObject *)Py_NewRef(obj);
    }
    else if (flags != -1 && (flags & Py_ASNATIVEBYTES_ALLOW_INDEX)) {
        v = (PyLongObject *)PyNumber_Index(obj);
        if (v == NULL) {
            return -1;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "expect int, got %s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (flags != -1 && (flags & Py_ASNATIVEBYTES_REJECT_NEGATIVE)
        && _PyLong_IsNegative(v)) {
        PyErr_SetString(PyExc_ValueError, "Cannot convert negative int");
        Py_DECREF(v);
        return -1;
    }
    /* A zero sign bit is left out only for unsigned buffers; negative
       values always need their sign bit. */
    int unsigned_buffer = flags != -1 && (flags & Py_ASNATIVEBYTES_UNSIGNED_BUFFER);
    int64_t nbits = long_bits_needed(v, !unsigned_buffer);
    int64_t needed = (nbits + 7) / 8;
    if (needed == 0) {
        needed = 1;
    }
    if (n_bytes > 0) {
        long_write_bytes(v, buffer, (size_t)n_bytes, native_little_endian(flags));
    }
    Py_DECREF(v);
    return (Py_ssize_t)needed;
}

PyObject *
PyLong_FromNativeBytes(const void *buffer, size_t n_bytes, int flags)
{
    if (buffer == NULL && n_bytes > 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    int is_signed = flags == -1 || !(flags & Py_ASNATIVEBYTES_UNSIGNED_BUFFER);
    return _PyLong_FromByteArray(buffer, n_bytes, native_little_endian(flags),
                                 is_signed);
}

PyObject *
PyLong_FromUnsignedNativeBytes(const void *buffer, size_t n_bytes, int flags)
{
    if (buffer == NULL && n_bytes > 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return _PyLong_FromByteArray(buffer, n_bytes, native_little_endian(flags), 0);
}

/* ---- PEP 757 import/export -------------------------------------------- */

static const PyLongLayout native_layout = {
    .bits_per_digit = PyLong_SHIFT,
    .digit_size = sizeof(digit),
    .digits_order = -1,
#ifdef WORDS_BIGENDIAN
    .digit_endianness = 1,
#else
    .digit_endianness = -1,
#endif
};

const PyLongLayout *
PyLong_GetNativeLayout(void)
{
    return &native_layout;
}

int
PyLong_Export(PyObject *obj, PyLongExport *export_long)
{
    if (!PyLong_Check(obj)) {
        memset(export_long, 0, sizeof(*export_long));
        PyErr_Format(PyExc_TypeError, "expect int, got %s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    PyLongObject *v = (PyLongObject *)obj;
    int64_t value;
    if (_PyLong_AsI64(v, &value) == 0) {
        export_long->value = value;
        export_long->negative = 0;
        export_long->ndigits = 0;
        export_long->digits = NULL;
        export_long->_reserved = 0;
        return 0;
    }
    /* The digits stay valid while the export holds its reference (ints
       are immutable). */
    export_long->value = 0;
    export_long->negative = _PyLong_IsNegative(v);
    export_long->ndigits = NDIGITS(v);
    export_long->digits = DIGITS(v);
    export_long->_reserved = (uintptr_t)Py_NewRef(obj);
    return 0;
}

void
PyLong_FreeExport(PyLongExport *export_long)
{
    PyObject *obj = (PyObject *)export_long->_reserved;
    if (obj != NULL) {
        export_long->_reserved = 0;
        Py_DECREF(obj);
    }
}

/* A writer is an int under construction, private to its creator until
   PyLongWriter_Finish. */
PyLongWriter *
PyLongWriter_Create(int negative, Py_ssize_t ndigits, void **digits)
{
    if (ndigits <= 0) {
        PyErr_SetString(PyExc_ValueError, "ndigits must be positive");
        return NULL;
    }
    assert(digits != NULL);
    PyLongObject *v = _PyLong_New(ndigits);
    if (v == NULL) {
        return NULL;
    }
    _PyLong_SetSignAndDigitCount(v, negative ? -1 : 1, ndigits);
    *digits = DIGITS(v);
    return (PyLongWriter *)v;
}

PyObject *
PyLongWriter_Finish(PyLongWriter *writer)
{
    return _PyLong_Finish((PyLongObject *)writer);
}

void
PyLongWriter_Discard(PyLongWriter *writer)
{
    if (writer != NULL) {
        Py_DECREF((PyObject *)writer);
    }
}

/* ======================================================================
   The int type
   ====================================================================== */



static PyObject *long_new_impl(PyTypeObject *type, PyObject *x, PyObject *obase);

/* int(x) for a subclass: build the value as an exact int, then copy it
   into an instance of type. */
static PyObject *
long_subtype_new(PyTypeObject *type, PyObject *x, PyObject *obase)
{
    assert(PyType_IsSubtype(type, &PyLong_Type));
    PyLongObject *value = (PyLongObject *)long_new_impl(&PyLong_Type, x, obase);
    if (value == NULL) {
        return NULL;
    }
    assert(PyLong_CheckExact(value));
    Py_ssize_t n = NDIGITS(value);
    PyLongObject *result = (PyLongObject *)type->tp_alloc(type, n > 0 ? n : 1);
    if (result == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    /* tp_alloc may have written an item count over the tag. */
    result->long_value.lv_tag = value->long_value.lv_tag;
    DIGITS(result)[0] = 0;
    if (n > 0) {
        memcpy(DIGITS(result), DIGITS(value), (size_t)n * sizeof(digit));
    }
    Py_DECREF(value);
    return (PyObject *)result;
}

static PyObject *
long_new_impl(PyTypeObject *type, PyObject *x, PyObject *obase)
{
    if (type != &PyLong_Type) {
        return long_subtype_new(type, x, obase);
    }
    if (x == NULL) {
        if (obase != NULL) {
            PyErr_SetString(PyExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return small_int(0);
    }
    if (obase == NULL) {
        return PyNumber_Long(x);
    }
    Py_ssize_t base = PyNumber_AsSsize_t(obase, NULL);
    if (base == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError,
                        "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (PyUnicode_Check(x)) {
        return PyLong_FromUnicodeObject(x, (int)base);
    }
    if (PyBytes_Check(x)) {
        return _PyLong_FromBytes(PyBytes_AS_STRING(x), PyBytes_GET_SIZE(x), (int)base);
    }
    if (PyByteArray_Check(x)) {
        return _PyLong_FromBytes(PyByteArray_AS_STRING(x), PyByteArray_GET_SIZE(x),
                                 (int)base);
    }
    PyErr_SetString(PyExc_TypeError,
                    "int() can't convert non-string with explicit base");
    return NULL;
}

static PyObject *
long_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "base", NULL};
    PyObject *x = NULL, *obase = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:int", kwlist, &x, &obase)) {
        return NULL;
    }
    return long_new_impl(type, x, obase);
}

/* ---- methods ---------------------------------------------------------- */

static PyObject *
int_bit_length(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromInt64(_PyLong_NumBits(self));
}

static PyObject *
int_bit_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyLongObject *v = (PyLongObject *)self;
    int64_t count = 0;
    for (Py_ssize_t i = 0; i < NDIGITS(v); i++) {
        count += __builtin_popcount(DIGITS(v)[i]);
    }
    return PyLong_FromInt64(count);
}

static PyObject *
int_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *numerator = _PyLong_Exact(self);
    if (numerator == NULL) {
        return NULL;
    }
    PyObject *ratio = PyTuple_New(2);
    if (ratio == NULL) {
        Py_DECREF(numerator);
        return NULL;
    }
    PyTuple_SET_ITEM(ratio, 0, numerator);
    PyTuple_SET_ITEM(ratio, 1, small_int(1));
    return ratio;
}

static PyObject *
int_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_TRUE;
}

static PyObject *
int_exact_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyLong_Exact(self);
}

static PyObject *
int_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *value = _PyLong_Exact(self);
    if (value == NULL) {
        return NULL;
    }
    PyObject *args = PyTuple_New(1);
    if (args == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    PyTuple_SET_ITEM(args, 0, value);
    return args;
}

static PyObject *
int_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t ndigits = NDIGITS((PyLongObject *)self);
    Py_ssize_t size = Py_TYPE(self)->tp_basicsize
                      + Py_MAX(ndigits, 1) * (Py_ssize_t)sizeof(digit);
    return PyLong_FromSsize_t(size);
}

/* round(self, ndigits): for ndigits < 0, round to a multiple of
   10**-ndigits, ties to even. */
static PyObject *
int_round(PyObject *self, PyObject *args)
{
    PyObject *ndigits_obj = NULL;
    if (!PyArg_ParseTuple(args, "|O:__round__", &ndigits_obj)) {
        return NULL;
    }
    if (ndigits_obj == NULL || ndigits_obj == Py_None) {
        return _PyLong_Exact(self);
    }
    PyLongObject *ndigits = (PyLongObject *)PyNumber_Index(ndigits_obj);
    if (ndigits == NULL) {
        return NULL;
    }
    if (!_PyLong_IsNegative(ndigits)) {
        Py_DECREF(ndigits);
        return _PyLong_Exact(self);
    }
    /* 10**k > 2 * |self| once 3k > bits + 1: then the result is 0. */
    int64_t k;
    int too_big = _PyLong_AsI64(ndigits, &k) != 0;
    Py_DECREF(ndigits);
    k = -k;
    if (too_big || k / 3 > _PyLong_NumBits(self) + 1) {
        return small_int(0);
    }
    PyObject *exponent = PyLong_FromInt64(k);
    if (exponent == NULL) {
        return NULL;
    }
    PyObject *scale = _PyLong_Power((PyLongObject *)small_int(10),
                                     (PyLongObject *)exponent);
    Py_DECREF(exponent);
    if (scale == NULL) {
        return NULL;
    }
    PyObject *qr = _PyLong_DivmodNear(self, scale);
    Py_DECREF(scale);
    if (qr == NULL) {
        return NULL;
    }
    PyObject *result = _PyLong_Subtract((PyLongObject *)self,
                                        (PyLongObject *)PyTuple_GET_ITEM(qr, 1));
    Py_DECREF(qr);
    return result;
}

/* The byteorder argument of to_bytes/from_bytes: 1 for 'little', 0 for
   'big' (the default when NULL). */
static int
parse_byteorder(PyObject *byteorder, const char *fname, int *little_endian)
{
    if (byteorder == NULL) {
        *little_endian = 0;
        return 0;
    }
    if (!PyUnicode_Check(byteorder)) {
        PyErr_Format(PyExc_TypeError,
                     "%s() argument 'byteorder' must be str, not %.50s",
                     fname, Py_TYPE(byteorder)->tp_name);
        return -1;
    }
    if (PyUnicode_EqualToUTF8(byteorder, "little")) {
        *little_endian = 1;
    }
    else if (PyUnicode_EqualToUTF8(byteorder, "big")) {
        *little_endian = 0;
    }
    else {
        PyErr_SetString(PyExc_ValueError,
                        "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static PyObject *
int_to_bytes(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"length", "byteorder", "signed", NULL};
    Py_ssize_t length = 1;
    PyObject *byteorder = NULL;
    int is_signed = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|nO$p:to_bytes", kwlist,
                                     &length, &byteorder, &is_signed)) {
        return NULL;
    }
    int little_endian;
    if (parse_byteorder(byteorder, "to_bytes", &little_endian) < 0) {
        return NULL;
    }
    if (length < 0) {
        PyErr_SetString(PyExc_ValueError, "length argument must be non-negative");
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, length);
    if (bytes == NULL) {
        return NULL;
    }
    if (_PyLong_AsByteArray((PyLongObject *)self,
                            (unsigned char *)PyBytes_AS_STRING(bytes),
                            (size_t)length, little_endian, is_signed, 1) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

static PyObject *
int_from_bytes(PyObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"bytes", "byteorder", "signed", NULL};
    PyObject *bytes_obj, *byteorder = NULL;
    int is_signed = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$p:from_bytes", kwlist,
                                     &bytes_obj, &byteorder, &is_signed)) {
        return NULL;
    }
    int little_endian;
    if (parse_byteorder(byteorder, "from_bytes", &little_endian) < 0) {
        return NULL;
    }
    /* bytes(), so buffers and iterables of small ints are accepted. */
    PyObject *bytes = PyObject_Bytes(bytes_obj);
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *value = _PyLong_FromByteArray(
        (const unsigned char *)PyBytes_AS_STRING(bytes),
        (size_t)PyBytes_GET_SIZE(bytes), little_endian, is_signed);
    Py_DECREF(bytes);
    if (value != NULL && type != (PyObject *)&PyLong_Type) {
        Py_SETREF(value, PyObject_CallOneArg(type, value));
    }
    return value;
}

static PyObject *
int_format(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError,
                     "__format__() argument must be str, not %.50s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    return _PyLong_FormatSpec(self, format_spec);
}

static PyMethodDef long_methods[] = {
    {"conjugate", int_exact_copy, METH_NOARGS,
     "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, METH_NOARGS,
     "Number of bits necessary to represent self in binary.\n\n"
     ">>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"},
    {"bit_count", int_bit_count, METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self.\n\n"
     "Also known as the population count.\n\n"
     ">>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"},
    {"to_bytes", _PyCFunction_CAST(int_to_bytes), METH_VARARGS | METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", _PyCFunction_CAST(int_from_bytes),
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, METH_NOARGS,
     "Return a pair of integers, whose ratio is equal to the original int.\n\n"
     "The ratio is in lowest terms and has a positive denominator.\n\n"
     ">>> (10).as_integer_ratio()\n(10, 1)"},
    {"is_integer", int_is_integer, METH_NOARGS,
     "Returns True. Exists for duck type compatibility with float.is_integer."},
    {"__trunc__", int_exact_copy, METH_NOARGS,
     "Truncating an Integral returns itself."},
    {"__floor__", int_exact_copy, METH_NOARGS,
     "Flooring an Integral returns itself."},
    {"__ceil__", int_exact_copy, METH_NOARGS,
     "Ceiling of an Integral returns itself."},
    {"__round__", int_round, METH_VARARGS,
     "Rounding an Integral returns itself.\n\n"
     "Rounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", int_getnewargs, METH_NOARGS, NULL},
    {"__format__", int_format, METH_O,
     "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, METH_NOARGS,
     "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static PyObject *
long_get_self(PyObject *self, void *Py_UNUSED(context))
{
    return _PyLong_Exact(self);
}

static PyObject *
long_get_zero(PyObject *self, void *Py_UNUSED(context))
{
    return small_int(0);
}

static PyObject *
long_get_one(PyObject *self, void *Py_UNUSED(context))
{
    return small_int(1);
}

static PyGetSetDef long_getset[] = {
    {"real", long_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", long_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", long_get_self, NULL,
     "the numerator of a rational number in lowest terms", NULL},
    {"denominator", long_get_one, NULL,
     "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};


static const char long_doc[] =
"int([x]) -> integer\n"
"int(x, base=10) -> integer\n"
"\n"
"Convert a number or string to an integer, or return 0 if no arguments\n"
"are given.  If x is a number, return x.__int__().  For floating-point\n"
"numbers, this truncates towards zero.\n"
"\n"
"If x is not a number or if base is given, then x must be a string,\n"
"bytes, or bytearray instance representing an integer literal in the\n"
"given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
"by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
"Base 0 means to interpret the base from the string as an integer literal.\n"
">>> int('0b100', base=0)\n"
"4";

/* str() is left to object's, which calls tp_repr: bool inherits int's
   slots and must keep its own repr for str(). */
PyTypeObject PyLong_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "int",
    .tp_basicsize = offsetof(PyLongObject, long_value.ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_dealloc = long_dealloc,
    .tp_repr = _PyLong_ToDecimalString,
    .tp_as_number = &_PyLong_NumberMethods,
    .tp_hash = _PyLong_Hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = long_doc,
    .tp_richcompare = _PyLong_RichCompare,
    .tp_methods = long_methods,
    .tp_getset = long_getset,
    .tp_new = long_new,
    .tp_free = PyObject_Free,
};

/* ======================================================================
   Argument converters ("O&")
   ====================================================================== */

/* An unsigned value of at most max from obj (an int or __index__). */
static int
unsigned_converter(PyObject *obj, uint64_t max, const char *type_name,
                   uint64_t *out)
{
    PyLongObject *v = long_from_index(obj);
    if (v == NULL) {
        return 0;
    }
    if (_PyLong_IsNegative(v)) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return 0;
    }
    int fits = _PyLong_MagnitudeAsU64(v, out) == 0 && *out <= max;
    Py_DECREF(v);
    if (!fits) {
        PyErr_Format(PyExc_OverflowError,
                     "Python int too large for C %s", type_name);
        return 0;
    }
    return 1;
}

int
_PyLong_UnsignedShort_Converter(PyObject *obj, void *ptr)
{
    uint64_t value;
    if (!unsigned_converter(obj, USHRT_MAX, "unsigned short", &value)) {
        return 0;
    }
    *(unsigned short *)ptr = (unsigned short)value;
    return 1;
}

int
_PyLong_UnsignedInt_Converter(PyObject *obj, void *ptr)
{
    uint64_t value;
    if (!unsigned_converter(obj, UINT_MAX, "unsigned int", &value)) {
        return 0;
    }
    *(unsigned int *)ptr = (unsigned int)value;
    return 1;
}

int
_PyLong_UnsignedLong_Converter(PyObject *obj, void *ptr)
{
    uint64_t value;
    if (!unsigned_converter(obj, ULONG_MAX, "unsigned long", &value)) {
        return 0;
    }
    *(unsigned long *)ptr = (unsigned long)value;
    return 1;
}

int
_PyLong_UnsignedLongLong_Converter(PyObject *obj, void *ptr)
{
    uint64_t value;
    if (!unsigned_converter(obj, ULLONG_MAX, "unsigned long long", &value)) {
        return 0;
    }
    *(unsigned long long *)ptr = (unsigned long long)value;
    return 1;
}

int
_PyLong_Size_t_Converter(PyObject *obj, void *ptr)
{
    uint64_t value;
    if (!unsigned_converter(obj, SIZE_MAX, "size_t", &value)) {
        return 0;
    }
    *(size_t *)ptr = (size_t)value;
    return 1;
}
