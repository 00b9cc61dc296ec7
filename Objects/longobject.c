/* int: arbitrary-precision integers.

   The representation (30-bit digits, a tag word with sign and digit count)
   is described in Include/cpython/longobject.h and pycore_long.h.  This
   file holds construction, conversion to and from C types, the arithmetic
   and the int type object; text conversion (str(), int(str)) lives at the
   end of the file.

   Thread safety: an int never changes after its constructor returns, so no
   function here locks anything.  Objects under construction are private to
   the constructing thread until returned. */

#include "Python.h"
#include "pycore_long.h"
#include "pycore_object.h"

#include <float.h>
#include <stddef.h>

/* Shorthands used throughout: the digit array and its length. */
#define DIGITS(v) ((v)->long_value.ob_digit)
#define NDIGITS(v) _PyLong_DigitCount(v)
#define IS_SMALL_INT(ival) \
    (-_PY_NSMALLNEGINTS <= (ival) && (ival) < _PY_NSMALLPOSINTS)

/* Both operands of a binary slot must be ints, or the other type gets
   its turn. */
#define CHECK_BINOP(v, w)                               \
    do {                                                \
        if (!PyLong_Check(v) || !PyLong_Check(w)) {     \
            Py_RETURN_NOTIMPLEMENTED;                   \
        }                                               \
    } while (0)

/* Multiplication switches from the schoolbook method to Karatsuba when
   both operands have at least this many digits. */
#define KARATSUBA_CUTOFF 70

/* Exponents with more bits than this use a 5-bit window. */
#define HUGE_EXP_CUTOFF 60
#define EXP_WINDOW_SIZE 5
#define EXP_TABLE_LEN (1 << (EXP_WINDOW_SIZE - 1))

#define MAX_LONG_DIGITS \
    ((PY_SSIZE_T_MAX - offsetof(PyLongObject, long_value.ob_digit)) / sizeof(digit))

static int bit_length_digit(digit d);
static int long_compare(const PyLongObject *a, const PyLongObject *b);

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

/* The cached object for a small value; immortal, so no reference is
   taken. */
static inline PyObject *
small_int(Py_ssize_t ival)
{
    assert(IS_SMALL_INT(ival));
    return _PyLong_SMALL_INT(ival);
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
    Py_ssize_t allocated = size > 0 ? size : 1;
    PyLongObject *v = PyObject_Malloc(offsetof(PyLongObject, long_value.ob_digit)
                                      + (size_t)allocated * sizeof(digit));
    if (v == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyObject_Init((PyObject *)v, &PyLong_Type);
    v->long_value.lv_tag = _PyLong_TAG(size > 0 ? _PyLong_SIGN_POSITIVE
                                       : _PyLong_SIGN_ZERO, size);
    v->long_value.ob_digit[0] = 0;
    return v;
}

/* Drop leading zero digits of an int under construction. */
static void
long_normalize(PyLongObject *v)
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
static PyObject *
long_finish(PyLongObject *v)
{
    if (v == NULL) {
        return NULL;
    }
    long_normalize(v);
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
static PyObject *
long_from_medium(sdigit ival)
{
    if (IS_SMALL_INT(ival)) {
        return small_int(ival);
    }
    PyLongObject *v = _PyLong_New(1);
    if (v == NULL) {
        return NULL;
    }
    digit magnitude = ival < 0 ? (digit)0 - (digit)ival : (digit)ival;
    DIGITS(v)[0] = magnitude;
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

static PyObject *
long_from_i64(int64_t ival)
{
    if (IS_SMALL_INT(ival)) {
        return small_int((Py_ssize_t)ival);
    }
    /* 0 - (uint64_t)ival is |ival| even for INT64_MIN. */
    if (ival < 0) {
        return long_from_magnitude((uint64_t)0 - (uint64_t)ival, 1);
    }
    return long_from_magnitude((uint64_t)ival, 0);
}

PyObject *
_PyLong_FromSTwoDigits(stwodigits x)
{
    return long_from_i64(x);
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
    return long_finish(v);
}

/* A private mutable copy of |src| (an exact int, refcount 1). */
static PyLongObject *
long_copy_abs(const PyLongObject *src)
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
    PyLongObject *v = long_copy_abs(src);
    if (v != NULL) {
        v->long_value.lv_tag = src->long_value.lv_tag;
    }
    return (PyObject *)v;
}

/* |a| as a new reference. */
static PyObject *
long_abs_value(PyLongObject *a)
{
    if (!_PyLong_IsNegative(a)) {
        return Py_NewRef(a);
    }
    return long_finish(long_copy_abs(a));
}

/* A new exact int equal to op (op itself if it is already exact). */
static PyObject *
long_exact(PyObject *op)
{
    if (PyLong_CheckExact(op)) {
        return Py_NewRef(op);
    }
    return _PyLong_Copy((PyLongObject *)op);
}

void
_PyLong_ExactDealloc(PyObject *self)
{
    assert(PyLong_CheckExact(self));
    PyObject_Free(self);
}

static void
long_dealloc(PyObject *self)
{
    /* Small ints and the bools are immortal and never get here. */
    assert(!_Py_IsImmortal(self));
    Py_TYPE(self)->tp_free(self);
}

/* ======================================================================
   From C numbers
   ====================================================================== */

PyObject *
PyLong_FromLong(long ival)
{
    return long_from_i64((int64_t)ival);
}

PyObject *
PyLong_FromUnsignedLong(unsigned long ival)
{
    return long_from_magnitude((uint64_t)ival, 0);
}

PyObject *
PyLong_FromLongLong(long long ival)
{
    return long_from_i64((int64_t)ival);
}

PyObject *
PyLong_FromUnsignedLongLong(unsigned long long ival)
{
    return long_from_magnitude((uint64_t)ival, 0);
}

PyObject *
PyLong_FromSsize_t(Py_ssize_t ival)
{
    return long_from_i64((int64_t)ival);
}

PyObject *
PyLong_FromSize_t(size_t ival)
{
    return long_from_magnitude((uint64_t)ival, 0);
}

PyObject *
PyLong_FromInt32(int32_t value)
{
    return long_from_i64(value);
}

PyObject *
PyLong_FromUInt32(uint32_t value)
{
    return long_from_magnitude(value, 0);
}

PyObject *
PyLong_FromInt64(int64_t value)
{
    return long_from_i64(value);
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
        return long_from_i64((int64_t)dval);
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
static int
magnitude_as_u64(const PyLongObject *v, uint64_t *out)
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
static int
long_as_i64(const PyLongObject *v, int64_t *out)
{
    if (_PyLong_IsCompact(v)) {
        *out = _PyLong_CompactValue(v);
        return 0;
    }
    int negative = _PyLong_IsNegative(v);
    uint64_t magnitude;
    if (magnitude_as_u64(v, &magnitude) < 0) {
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

/* The checks of the functions that take only real ints. */
static int
require_int(PyObject *obj)
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

long long
PyLong_AsLongLongAndOverflow(PyObject *obj, int *overflow)
{
    *overflow = 0;
    PyLongObject *v = long_from_index(obj);
    if (v == NULL) {
        return -1;
    }
    int64_t result;
    *overflow = long_as_i64(v, &result);
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
    if (require_int(obj) < 0) {
        return -1;
    }
    int64_t result;
    if (long_as_i64((PyLongObject *)obj, &result) != 0
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
    if (require_int(obj) < 0) {
        return -1;
    }
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsNegative(v)) {
        PyErr_SetString(PyExc_OverflowError, negative_message);
        return -1;
    }
    if (magnitude_as_u64(v, out) < 0 || *out > max) {
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

static int
bit_length_digit(digit d)
{
    return d == 0 ? 0 : 32 - __builtin_clz(d);
}

/* Bits in a magnitude given as a normalised digit array. */
static int64_t
digits_bit_length(const digit *d, Py_ssize_t n)
{
    if (n == 0) {
        return 0;
    }
    return (int64_t)(n - 1) * PyLong_SHIFT + bit_length_digit(d[n - 1]);
}

int64_t
_PyLong_NumBits(PyObject *v)
{
    assert(v != NULL && PyLong_Check(v));
    PyLongObject *lv = (PyLongObject *)v;
    return digits_bit_length(DIGITS(lv), NDIGITS(lv));
}

/* True when the magnitude is a power of two. */
static int
magnitude_is_power_of_two(const PyLongObject *v)
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
    return long_finish(v);
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
        return magnitude_is_power_of_two(v) ? nbits : nbits + 1;
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
    if (long_as_i64(v, &value) == 0) {
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
    return long_finish((PyLongObject *)writer);
}

void
PyLongWriter_Discard(PyLongWriter *writer)
{
    if (writer != NULL) {
        Py_DECREF((PyObject *)writer);
    }
}

/* ======================================================================
   Magnitude arithmetic on digit arrays
   ====================================================================== */

/* z[0:na] = a[0:na] + b[0:nb] for na >= nb; returns the carry out.  z may
   alias a. */
static digit
digits_add(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    digit carry = 0;
    Py_ssize_t i = 0;
    for (; i < nb; i++) {
        carry += a[i] + b[i];
        z[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        z[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    return carry;
}

/* z[0:na] = a[0:na] - b[0:nb] for na >= nb; returns the borrow out (1 if
   b > a, z then holding the BASE**na complement).  z may alias a. */
static digit
digits_sub(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    digit borrow = 0;
    Py_ssize_t i = 0;
    for (; i < nb; i++) {
        borrow = a[i] - b[i] - borrow;
        z[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = a[i] - borrow;
        z[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    return borrow;
}

/* Compare magnitudes of equal length n: -1, 0 or 1. */
static int
digits_cmp(const digit *a, const digit *b, Py_ssize_t n)
{
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

/* Length of a digit array without its leading zeros. */
static Py_ssize_t
digits_normalized_length(const digit *a, Py_ssize_t n)
{
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

/* z[0:na+nb] = a * b by the schoolbook method.  z must not overlap. */
static void
digits_mul_school(digit *z, const digit *a, Py_ssize_t na,
                  const digit *b, Py_ssize_t nb)
{
    memset(z, 0, (size_t)(na + nb) * sizeof(digit));
    for (Py_ssize_t i = 0; i < na; i++) {
        twodigits ai = a[i];
        if (ai == 0) {
            continue;
        }
        /* Row i touches z[i .. i+nb]; z[i+nb] is still zero here.  The
           sum fits: digit + digit*digit + carry < 2**61. */
        digit *row = z + i;
        twodigits carry = 0;
        for (Py_ssize_t j = 0; j < nb; j++) {
            carry += row[j] + ai * b[j];
            row[j] = (digit)(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
        }
        row[nb] = (digit)carry;
    }
}

/* z[0:na+nb] += ...: add a[0:n] into z starting at offset, propagating the
   carry; the true sum must fit in z[0:nz]. */
static void
digits_add_into(digit *z, Py_ssize_t nz, const digit *a, Py_ssize_t n)
{
    digit carry = digits_add(z, z, n, a, n);
    for (Py_ssize_t i = n; carry && i < nz; i++) {
        carry += z[i];
        z[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
}

static int digits_mul(digit *z, const digit *a, Py_ssize_t na,
                      const digit *b, Py_ssize_t nb);

/* a much longer than b (na >= 2 * nb): multiply b by nb-digit slices of a,
   each a balanced product. */
static int
digits_mul_lopsided(digit *z, const digit *a, Py_ssize_t na,
                    const digit *b, Py_ssize_t nb)
{
    digit *product = PyMem_Malloc((size_t)(2 * nb) * sizeof(digit));
    if (product == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(z, 0, (size_t)(na + nb) * sizeof(digit));
    for (Py_ssize_t offset = 0; offset < na; offset += nb) {
        Py_ssize_t slice = Py_MIN(nb, na - offset);
        if (digits_mul(product, b, nb, a + offset, slice) < 0) {
            PyMem_Free(product);
            return -1;
        }
        digits_add_into(z + offset, na + nb - offset, product, slice + nb);
    }
    PyMem_Free(product);
    return 0;
}

/* Karatsuba with a split at s digits, na >= nb > s:
   a = ah*B**s + al, b = bh*B**s + bl,
   a*b = ah*bh*B**2s + ((al+ah)(bl+bh) - al*bl - ah*bh)*B**s + al*bl.
   The outer products are computed straight into z. */
static int
digits_mul_karatsuba(digit *z, const digit *a, Py_ssize_t na,
                     const digit *b, Py_ssize_t nb)
{
    int square = a == b && na == nb;
    Py_ssize_t s = na / 2;
    Py_ssize_t nah = na - s, nbh = nb - s;
    Py_ssize_t nsa = nah + 1;                  /* al + ah */
    Py_ssize_t nsb = Py_MAX(s, nbh) + 1;       /* bl + bh */
    Py_ssize_t nmid = nsa + nsb;
    digit *buffer = PyMem_Malloc((size_t)(nsa + nsb + nmid) * sizeof(digit));
    if (buffer == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    digit *sum_a = buffer, *sum_b = buffer + nsa, *mid = buffer + nsa + nsb;

    /* z[0:2s] = al*bl and z[2s:na+nb] = ah*bh. */
    if (digits_mul(z, a, s, b, s) < 0
        || digits_mul(z + 2 * s, a + s, nah, b + s, nbh) < 0) {
        goto error;
    }
    sum_a[nah] = digits_add(sum_a, a + s, nah, a, s);
    if (square) {
        if (digits_mul(mid, sum_a, nsa, sum_a, nsa) < 0) {
            goto error;
        }
        nmid = 2 * nsa;
    }
    else {
        if (nbh >= s) {
            sum_b[nbh] = digits_add(sum_b, b + s, nbh, b, s);
        }
        else {
            sum_b[s] = digits_add(sum_b, b, s, b + s, nbh);
        }
        if (digits_mul(mid, sum_a, nsa, sum_b, nsb) < 0) {
            goto error;
        }
    }
    /* mid -= al*bl and ah*bh; the difference is non-negative. */
    (void)digits_sub(mid, mid, nmid, z, 2 * s);
    (void)digits_sub(mid, mid, nmid, z + 2 * s, nah + nbh);
    nmid = digits_normalized_length(mid, nmid);
    digits_add_into(z + s, na + nb - s, mid, nmid);
    PyMem_Free(buffer);
    return 0;

error:
    PyMem_Free(buffer);
    return -1;
}

/* z[0:na+nb] = a * b.  z must not overlap a or b.  Returns 0, or -1 with
   MemoryError set. */
static int
digits_mul(digit *z, const digit *a, Py_ssize_t na, const digit *b, Py_ssize_t nb)
{
    if (na < nb) {
        const digit *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF) {
        if (nb == 0) {
            memset(z, 0, (size_t)na * sizeof(digit));
            return 0;
        }
        digits_mul_school(z, a, na, b, nb);
        return 0;
    }
    if (2 * nb <= na) {
        return digits_mul_lopsided(z, a, na, b, nb);
    }
    return digits_mul_karatsuba(z, a, na, b, nb);
}

/* q[0:n] = a[0:n] // d, returning a % d.  q may alias a. */
static digit
digits_divrem1(digit *q, const digit *a, Py_ssize_t n, digit d)
{
    twodigits rem = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        rem = (rem << PyLong_SHIFT) | a[i];
        q[i] = (digit)(rem / d);
        rem %= d;
    }
    return (digit)rem;
}

/* a[0:n] = a * m + add in place; returns the carry digit. */
static digit
digits_muladd1(digit *a, Py_ssize_t n, digit m, digit add)
{
    twodigits carry = add;
    for (Py_ssize_t i = 0; i < n; i++) {
        carry += (twodigits)a[i] * m;
        a[i] = (digit)(carry & PyLong_MASK);
        carry >>= PyLong_SHIFT;
    }
    return (digit)carry;
}

/* z[0:n] = a[0:n] << shift (0 <= shift < PyLong_SHIFT); returns the bits
   shifted out of the top. */
static digit
digits_lshift(digit *z, const digit *a, Py_ssize_t n, int shift)
{
    digit carry = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        twodigits acc = ((twodigits)a[i] << shift) | carry;
        z[i] = (digit)acc & PyLong_MASK;
        carry = (digit)(acc >> PyLong_SHIFT);
    }
    return carry;
}

/* z[0:n] = a[0:n] >> shift (0 <= shift < PyLong_SHIFT); returns the bits
   shifted out of the bottom, in the low bits. */
static digit
digits_rshift(digit *z, const digit *a, Py_ssize_t n, int shift)
{
    digit carry = 0;
    digit mask = ((digit)1 << shift) - 1;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        twodigits acc = ((twodigits)carry << PyLong_SHIFT) | a[i];
        carry = a[i] & mask;
        z[i] = (digit)(acc >> shift);
    }
    return carry;
}

/* Knuth's algorithm D (TAOCP 4.3.1): q = a // b, r = a % b for magnitudes
   with nb >= 2 and na >= nb.  q has na - nb + 1 digits, r has nb digits.
   Returns 0, or -1 with MemoryError set. */
static int
digits_divrem_knuth(digit *q, digit *r, const digit *a, Py_ssize_t na,
                    const digit *b, Py_ssize_t nb)
{
    /* Normalise so the divisor's top digit has its high bit set; then
       the quotient-digit estimate is at most 2 too large. */
    int shift = PyLong_SHIFT - bit_length_digit(b[nb - 1]);
    digit *u = PyMem_Malloc((size_t)(na + 1 + nb) * sizeof(digit));
    if (u == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    digit *v = u + na + 1;
    (void)digits_lshift(v, b, nb, shift);
    u[na] = digits_lshift(u, a, na, shift);

    digit vtop = v[nb - 1], vnext = v[nb - 2];
    for (Py_ssize_t j = na - nb; j >= 0; j--) {
        digit *window = u + j;          /* window[0 .. nb] */
        twodigits top = ((twodigits)window[nb] << PyLong_SHIFT) | window[nb - 1];
        twodigits qhat = top / vtop;
        twodigits rhat = top % vtop;
        while (qhat >= PyLong_BASE
               || qhat * vnext > ((rhat << PyLong_SHIFT) | window[nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= PyLong_BASE) {
                break;
            }
        }
        /* window -= qhat * v */
        stwodigits borrow = 0;
        twodigits carry = 0;
        for (Py_ssize_t i = 0; i < nb; i++) {
            twodigits product = qhat * v[i] + carry;
            carry = product >> PyLong_SHIFT;
            stwodigits t = (stwodigits)window[i]
                           - (stwodigits)(product & PyLong_MASK) + borrow;
            window[i] = (digit)t & PyLong_MASK;
            borrow = Py_ARITHMETIC_RIGHT_SHIFT(stwodigits, t, PyLong_SHIFT);
        }
        stwodigits t = (stwodigits)window[nb] - (stwodigits)carry + borrow;
        window[nb] = (digit)t & PyLong_MASK;
        if (t < 0) {
            /* qhat was one too large (rare): add v back. */
            qhat--;
            digit c = digits_add(window, window, nb, v, nb);
            window[nb] = (window[nb] + c) & PyLong_MASK;
        }
        q[j] = (digit)qhat;
    }
    (void)digits_rshift(r, u, nb, shift);
    PyMem_Free(u);
    return 0;
}

/* ======================================================================
   Signed arithmetic on int objects
   ====================================================================== */

/* |a| + |b| as a new positive int under construction. */
static PyLongObject *
long_add_abs(const PyLongObject *a, const PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    if (na < nb) {
        const PyLongObject *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    PyLongObject *z = _PyLong_New(na + 1);
    if (z == NULL) {
        return NULL;
    }
    DIGITS(z)[na] = digits_add(DIGITS(z), DIGITS(a), na, DIGITS(b), nb);
    return z;
}

/* |a| - |b| as a new int under construction (negative if |b| > |a|). */
static PyLongObject *
long_sub_abs(const PyLongObject *a, const PyLongObject *b)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    int negative = 0;
    if (na < nb || (na == nb && digits_cmp(DIGITS(a), DIGITS(b), na) < 0)) {
        const PyLongObject *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
        negative = 1;
    }
    PyLongObject *z = _PyLong_New(na);
    if (z == NULL) {
        return NULL;
    }
    (void)digits_sub(DIGITS(z), DIGITS(a), na, DIGITS(b), nb);
    if (negative) {
        _PyLong_FlipSign(z);
    }
    return z;
}

/* a + b, or a - b when negate_b. */
static PyObject *
long_add_signed(PyLongObject *a, PyLongObject *b, int negate_b)
{
    if (_PyLong_BothAreCompact(a, b)) {
        stwodigits x = _PyLong_CompactValue(a);
        stwodigits y = _PyLong_CompactValue(b);
        return long_from_i64(negate_b ? x - y : x + y);
    }
    int a_negative = _PyLong_IsNegative(a);
    int b_negative = _PyLong_IsNegative(b) != negate_b && !_PyLong_IsZero(b);
    PyLongObject *z;
    if (a_negative == b_negative) {
        z = long_add_abs(a, b);
        if (z != NULL && a_negative) {
            _PyLong_FlipSign(z);
        }
    }
    else {
        z = a_negative ? long_sub_abs(b, a) : long_sub_abs(a, b);
    }
    return long_finish(z);
}

PyObject *
_PyLong_Add(PyLongObject *a, PyLongObject *b)
{
    return long_add_signed(a, b, 0);
}

PyObject *
_PyLong_Subtract(PyLongObject *a, PyLongObject *b)
{
    return long_add_signed(a, b, 1);
}

PyObject *
_PyLong_Multiply(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b)) {
        stwodigits x = _PyLong_CompactValue(a);
        stwodigits y = _PyLong_CompactValue(b);
        return long_from_i64(x * y);
    }
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    if (na == 0 || nb == 0) {
        return small_int(0);
    }
    PyLongObject *z = _PyLong_New(na + nb);
    if (z == NULL) {
        return NULL;
    }
    if (digits_mul(DIGITS(z), DIGITS(a), na, DIGITS(b), nb) < 0) {
        Py_DECREF(z);
        return NULL;
    }
    if (_PyLong_IsNegative(a) != _PyLong_IsNegative(b)) {
        _PyLong_FlipSign(z);
    }
    return long_finish(z);
}

static PyObject *
long_add(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Add((PyLongObject *)a, (PyLongObject *)b);
}

static PyObject *
long_sub(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Subtract((PyLongObject *)a, (PyLongObject *)b);
}

static PyObject *
long_mul(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Multiply((PyLongObject *)a, (PyLongObject *)b);
}

/* ---- division --------------------------------------------------------- */

static void
raise_zero_division(void)
{
    PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
}

/* Truncating division of magnitudes, |a| = q*|b| + r, b != 0.  Either
   output may be NULL when not wanted.  Results are positive ints under
   construction (not normalised). */
static int
long_divrem_abs(const PyLongObject *a, const PyLongObject *b,
                PyLongObject **pq, PyLongObject **pr)
{
    Py_ssize_t na = NDIGITS(a), nb = NDIGITS(b);
    assert(nb > 0);
    PyLongObject *q = NULL, *r = NULL;
    if (na < nb || (na == nb && digits_cmp(DIGITS(a), DIGITS(b), na) < 0)) {
        /* Quotient zero, remainder a. */
        q = _PyLong_New(0);
        r = long_copy_abs(a);
        if (q == NULL || r == NULL) {
            goto error;
        }
    }
    else if (nb == 1) {
        q = _PyLong_New(na);
        r = _PyLong_New(1);
        if (q == NULL || r == NULL) {
            goto error;
        }
        DIGITS(r)[0] = digits_divrem1(DIGITS(q), DIGITS(a), na, DIGITS(b)[0]);
    }
    else {
        q = _PyLong_New(na - nb + 1);
        r = _PyLong_New(nb);
        if (q == NULL || r == NULL) {
            goto error;
        }
        if (digits_divrem_knuth(DIGITS(q), DIGITS(r), DIGITS(a), na,
                                DIGITS(b), nb) < 0) {
            goto error;
        }
    }
    long_normalize(q);
    long_normalize(r);
    if (pq != NULL) {
        *pq = q;
    }
    else {
        Py_DECREF(q);
    }
    if (pr != NULL) {
        *pr = r;
    }
    else {
        Py_DECREF(r);
    }
    return 0;

error:
    Py_XDECREF(q);
    Py_XDECREF(r);
    return -1;
}

/* Floor division: a = q*b + r with r having b's sign (or zero).  Either
   output may be NULL.  Returns 0, or -1 with an exception set. */
static int
long_divmod_floor(PyLongObject *a, PyLongObject *b,
                  PyObject **pq, PyObject **pr)
{
    if (_PyLong_IsZero(b)) {
        raise_zero_division();
        return -1;
    }
    if (_PyLong_BothAreCompact(a, b)) {
        stwodigits x = _PyLong_CompactValue(a);
        stwodigits y = _PyLong_CompactValue(b);
        stwodigits q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            q -= 1;
            r += y;
        }
        PyObject *qo = NULL, *ro = NULL;
        if (pq != NULL && (qo = long_from_i64(q)) == NULL) {
            return -1;
        }
        if (pr != NULL && (ro = long_from_i64(r)) == NULL) {
            Py_XDECREF(qo);
            return -1;
        }
        if (pq != NULL) {
            *pq = qo;
        }
        if (pr != NULL) {
            *pr = ro;
        }
        return 0;
    }
    PyLongObject *q, *r;
    if (long_divrem_abs(a, b, &q, &r) < 0) {
        return -1;
    }
    int a_negative = _PyLong_IsNegative(a), b_negative = _PyLong_IsNegative(b);
    /* Signs of the truncated results. */
    if (a_negative != b_negative && !_PyLong_IsZero(q)) {
        _PyLong_FlipSign(q);
    }
    if (a_negative && !_PyLong_IsZero(r)) {
        _PyLong_FlipSign(r);
    }
    /* Truncation rounded toward zero; floor needs one step further when
       the remainder's sign differs from the divisor's. */
    if (!_PyLong_IsZero(r) && a_negative != b_negative) {
        PyObject *one = small_int(1);
        PyObject *q2 = _PyLong_Subtract(q, (PyLongObject *)one);
        PyObject *r2 = q2 == NULL ? NULL : _PyLong_Add(r, b);
        Py_DECREF(q);
        Py_DECREF(r);
        if (r2 == NULL) {
            Py_XDECREF(q2);
            return -1;
        }
        q = (PyLongObject *)q2;
        r = (PyLongObject *)r2;
    }
    else {
        q = (PyLongObject *)long_finish(q);
        r = (PyLongObject *)long_finish(r);
    }
    if (pq != NULL) {
        *pq = (PyObject *)q;
    }
    else {
        Py_DECREF(q);
    }
    if (pr != NULL) {
        *pr = (PyObject *)r;
    }
    else {
        Py_DECREF(r);
    }
    return 0;
}

static PyObject *
long_floordiv(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *q;
    if (long_divmod_floor((PyLongObject *)a, (PyLongObject *)b, &q, NULL) < 0) {
        return NULL;
    }
    return q;
}

static PyObject *
long_mod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *r;
    if (long_divmod_floor((PyLongObject *)a, (PyLongObject *)b, NULL, &r) < 0) {
        return NULL;
    }
    return r;
}

static PyObject *
long_divmod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    PyObject *q, *r;
    if (long_divmod_floor((PyLongObject *)a, (PyLongObject *)b, &q, &r) < 0) {
        return NULL;
    }
    PyObject *pair = PyTuple_New(2);
    if (pair == NULL) {
        Py_DECREF(q);
        Py_DECREF(r);
        return NULL;
    }
    PyTuple_SET_ITEM(pair, 0, q);
    PyTuple_SET_ITEM(pair, 1, r);
    return pair;
}

/* Round-half-to-even division: q = round(a / b), r = a - q*b. */
PyObject *
_PyLong_DivmodNear(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(a) || !PyLong_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "non-integer arguments in division");
        return NULL;
    }
    PyLongObject *lb = (PyLongObject *)b;
    PyObject *q, *r;
    if (long_divmod_floor((PyLongObject *)a, lb, &q, &r) < 0) {
        return NULL;
    }
    /* a/b = q + r/b with 0 <= r/b < 1: round up when r/b > 1/2, or when
       r/b == 1/2 and q is odd.  r/b > 1/2 is 2r > b, reversed if b < 0. */
    PyObject *twice_r = _PyLong_Lshift(r, 1);
    if (twice_r == NULL) {
        goto error;
    }
    int cmp = long_compare((PyLongObject *)twice_r, lb);
    Py_DECREF(twice_r);
    if (_PyLong_IsNegative(lb)) {
        cmp = -cmp;
    }
    int q_odd = (DIGITS((PyLongObject *)q)[0] & 1) != 0;
    if (cmp > 0 || (cmp == 0 && q_odd)) {
        Py_SETREF(q, _PyLong_Add((PyLongObject *)q, (PyLongObject *)small_int(1)));
        if (q == NULL) {
            goto error;
        }
        Py_SETREF(r, _PyLong_Subtract((PyLongObject *)r, lb));
        if (r == NULL) {
            goto error;
        }
    }
    PyObject *result = PyTuple_New(2);
    if (result == NULL) {
        goto error;
    }
    PyTuple_SET_ITEM(result, 0, q);
    PyTuple_SET_ITEM(result, 1, r);
    return result;

error:
    Py_XDECREF(q);
    Py_XDECREF(r);
    return NULL;
}

/* ---- true division ---------------------------------------------------- */

/* The correctly rounded a / b (round half to even), including subnormal
   results.  The quotient is computed as an integer with at least
   DBL_MANT_DIG + 2 significant bits plus a sticky bit for the discarded
   remainder, then rounded once to the precision the result's exponent
   allows. */
static PyObject *
long_true_divide(PyObject *v, PyObject *w)
{
    CHECK_BINOP(v, w);
    PyLongObject *a = (PyLongObject *)v, *b = (PyLongObject *)w;
    if (_PyLong_IsZero(b)) {
        raise_zero_division();
        return NULL;
    }
    int negative = _PyLong_IsNegative(a) != _PyLong_IsNegative(b);
    if (_PyLong_IsZero(a)) {
        return PyFloat_FromDouble(negative ? -0.0 : 0.0);
    }
    int64_t a_bits = _PyLong_NumBits(v), b_bits = _PyLong_NumBits(w);

    /* Operands exactly representable as doubles: one IEEE division is
       already correctly rounded. */
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        uint64_t x = 0, y = 0;
        (void)magnitude_as_u64(a, &x);
        (void)magnitude_as_u64(b, &y);
        double result = (double)x / (double)y;
        return PyFloat_FromDouble(negative ? -result : result);
    }

    /* |a/b| lies in [2**(diff-1), 2**(diff+1)). */
    int64_t diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP) {
        goto overflow;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
        return PyFloat_FromDouble(negative ? -0.0 : 0.0);
    }

    /* q = floor(|a| * 2**-shift / |b|) has DBL_MANT_DIG + 2 or + 3 bits. */
    int64_t shift = diff - (DBL_MANT_DIG + 2);
    PyObject *abs_a = long_abs_value(a), *abs_b = long_abs_value(b);
    PyObject *num = NULL, *den = NULL, *q = NULL, *r = NULL;
    if (abs_a == NULL || abs_b == NULL) {
        goto error;
    }
    if (shift < 0) {
        num = _PyLong_Lshift(abs_a, -shift);
        den = Py_NewRef(abs_b);
    }
    else {
        num = Py_NewRef(abs_a);
        den = _PyLong_Lshift(abs_b, shift);
    }
    if (num == NULL || den == NULL
        || long_divmod_floor((PyLongObject *)num, (PyLongObject *)den, &q, &r) < 0) {
        goto error;
    }
    uint64_t qbits = 0;
    (void)magnitude_as_u64((PyLongObject *)q, &qbits);
    int sticky = !_PyLong_IsZero((PyLongObject *)r);
    Py_DECREF(abs_a);
    Py_DECREF(abs_b);
    Py_DECREF(num);
    Py_DECREF(den);
    Py_DECREF(q);
    Py_DECREF(r);

    /* Drop enough low bits to leave DBL_MANT_DIG, or more when the result
       is subnormal (its last bit must weigh at least 2**-1074). */
    int qlen = 64 - __builtin_clzll(qbits);
    int64_t drop = qlen - DBL_MANT_DIG;
    int64_t min_drop = (DBL_MIN_EXP - DBL_MANT_DIG) - shift;
    if (drop < min_drop) {
        drop = min_drop;
    }
    uint64_t rounded;
    if (drop >= 64) {
        rounded = 0;
    }
    else {
        uint64_t half = (uint64_t)1 << (drop - 1);
        uint64_t rest = qbits & ((half << 1) - 1);
        rounded = qbits >> drop;
        if (rest > half || (rest == half && (sticky || (rounded & 1)))) {
            rounded++;
        }
    }
    double result = ldexp((double)rounded, (int)(shift + drop));
    if (isinf(result)) {
        goto overflow;
    }
    return PyFloat_FromDouble(negative ? -result : result);

error:
    Py_XDECREF(abs_a);
    Py_XDECREF(abs_b);
    Py_XDECREF(num);
    Py_XDECREF(den);
    Py_XDECREF(q);
    Py_XDECREF(r);
    return NULL;

overflow:
    PyErr_SetString(PyExc_OverflowError,
                    "integer division result too large for a float");
    return NULL;
}

/* ---- shifts ----------------------------------------------------------- */

PyObject *
_PyLong_Lshift(PyObject *obj, int64_t shiftby)
{
    PyLongObject *a = (PyLongObject *)obj;
    assert(shiftby >= 0);
    if (_PyLong_IsZero(a)) {
        return small_int(0);
    }
    if (shiftby == 0) {
        return long_exact(obj);
    }
    if (_PyLong_IsCompact(a) && shiftby < 32) {
        /* |value| < 2**30, so the product stays below 2**62. */
        return long_from_i64((int64_t)_PyLong_CompactValue(a) * ((int64_t)1 << shiftby));
    }
    int64_t wordshift = shiftby / PyLong_SHIFT;
    int remshift = (int)(shiftby % PyLong_SHIFT);
    Py_ssize_t n = NDIGITS(a);
    if (wordshift > (int64_t)MAX_LONG_DIGITS - n - 1) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    Py_ssize_t newsize = n + (Py_ssize_t)wordshift + 1;
    PyLongObject *z = _PyLong_New(newsize);
    if (z == NULL) {
        return NULL;
    }
    memset(DIGITS(z), 0, (size_t)wordshift * sizeof(digit));
    DIGITS(z)[newsize - 1] = digits_lshift(DIGITS(z) + wordshift, DIGITS(a), n,
                                           remshift);
    if (_PyLong_IsNegative(a)) {
        _PyLong_FlipSign(z);
    }
    return long_finish(z);
}

/* Floors, like Python's >>: -5 >> 1 == -3. */
PyObject *
_PyLong_Rshift(PyObject *obj, int64_t shiftby)
{
    PyLongObject *a = (PyLongObject *)obj;
    assert(shiftby >= 0);
    if (shiftby == 0) {
        return long_exact(obj);
    }
    int negative = _PyLong_IsNegative(a);
    if (_PyLong_IsCompact(a)) {
        int64_t value = _PyLong_CompactValue(a);
        if (shiftby >= 63) {
            return small_int(negative ? -1 : 0);
        }
        return long_from_i64(Py_ARITHMETIC_RIGHT_SHIFT(int64_t, value, shiftby));
    }
    int64_t wordshift = shiftby / PyLong_SHIFT;
    int remshift = (int)(shiftby % PyLong_SHIFT);
    Py_ssize_t n = NDIGITS(a);
    if (wordshift >= n) {
        return small_int(negative ? -1 : 0);
    }
    Py_ssize_t newsize = n - (Py_ssize_t)wordshift;
    /* One spare digit for the carry of the negative rounding step. */
    PyLongObject *z = _PyLong_New(newsize + 1);
    if (z == NULL) {
        return NULL;
    }
    digit lost = digits_rshift(DIGITS(z), DIGITS(a) + wordshift, newsize, remshift);
    DIGITS(z)[newsize] = 0;
    if (negative) {
        /* floor(-m / 2**s) == -ceil(m / 2**s): round the magnitude up when
           any 1 bit was shifted out. */
        for (Py_ssize_t i = 0; !lost && i < wordshift; i++) {
            lost = DIGITS(a)[i];
        }
        if (lost) {
            digit one = 1;
            DIGITS(z)[newsize] = digits_add(DIGITS(z), DIGITS(z), newsize, &one, 1);
        }
        _PyLong_FlipSign(z);
    }
    return long_finish(z);
}

/* The shift count of a << b or a >> b; -1 with ValueError when negative.
   *too_big is set when b does not fit in int64_t. */
static int
shift_count(PyLongObject *b, int64_t *count, int *too_big)
{
    *too_big = 0;
    if (_PyLong_IsNegative(b)) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return -1;
    }
    if (long_as_i64(b, count) != 0) {
        *too_big = 1;
    }
    return 0;
}

static PyObject *
long_lshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int64_t count;
    int too_big;
    if (shift_count((PyLongObject *)b, &count, &too_big) < 0) {
        return NULL;
    }
    if (_PyLong_IsZero((PyLongObject *)a)) {
        return small_int(0);
    }
    if (too_big) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    return _PyLong_Lshift(a, count);
}

static PyObject *
long_rshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int64_t count;
    int too_big;
    if (shift_count((PyLongObject *)b, &count, &too_big) < 0) {
        return NULL;
    }
    if (too_big) {
        return small_int(_PyLong_IsNegative((PyLongObject *)a) ? -1 : 0);
    }
    return _PyLong_Rshift(a, count);
}

/* ---- bitwise operations ----------------------------------------------- */

/* The next digit of v's infinite two's complement: for a negative v the
   complement of the magnitude plus one, with the +1 rippling through
   *carry. */
static inline digit
twos_digit(const PyLongObject *v, Py_ssize_t i, int negative, digit *carry)
{
    digit d = i < NDIGITS(v) ? DIGITS(v)[i] : 0;
    if (negative) {
        d = (d ^ PyLong_MASK) + *carry;
        *carry = d >> PyLong_SHIFT;
        d &= PyLong_MASK;
    }
    return d;
}

/* a & b, a | b or a ^ b (op is '&', '|' or '^') on the two's complement
   values.  One digit beyond the longer operand holds the sign. */
static PyObject *
long_bitwise(PyLongObject *a, char op, PyLongObject *b)
{
    if (_PyLong_BothAreCompact(a, b)) {
        Py_ssize_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        Py_ssize_t r = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
        return long_from_i64(r);
    }
    int a_negative = _PyLong_IsNegative(a), b_negative = _PyLong_IsNegative(b);
    Py_ssize_t n = Py_MAX(NDIGITS(a), NDIGITS(b)) + 1;
    PyLongObject *z = _PyLong_New(n);
    if (z == NULL) {
        return NULL;
    }
    digit carry_a = 1, carry_b = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        digit x = twos_digit(a, i, a_negative, &carry_a);
        digit y = twos_digit(b, i, b_negative, &carry_b);
        DIGITS(z)[i] = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
    }
    /* The top digit is all sign bits; a negative result is turned back
       into a magnitude the same way. */
    if (DIGITS(z)[n - 1] == PyLong_MASK) {
        digit carry = 1;
        for (Py_ssize_t i = 0; i < n; i++) {
            digit d = (DIGITS(z)[i] ^ PyLong_MASK) + carry;
            carry = d >> PyLong_SHIFT;
            DIGITS(z)[i] = d & PyLong_MASK;
        }
        _PyLong_FlipSign(z);
    }
    return long_finish(z);
}

static PyObject *
long_and(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise((PyLongObject *)a, '&', (PyLongObject *)b);
}

static PyObject *
long_or(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise((PyLongObject *)a, '|', (PyLongObject *)b);
}

static PyObject *
long_xor(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return long_bitwise((PyLongObject *)a, '^', (PyLongObject *)b);
}

/* ---- unary operations ------------------------------------------------- */

static PyObject *
long_neg(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        return long_from_i64(-(int64_t)_PyLong_CompactValue(v));
    }
    PyLongObject *z = long_copy_abs(v);
    if (z != NULL && !_PyLong_IsNegative(v)) {
        _PyLong_FlipSign(z);
    }
    return (PyObject *)z;
}

static PyObject *
long_pos(PyObject *obj)
{
    return long_exact(obj);
}

static PyObject *
long_abs(PyObject *obj)
{
    if (_PyLong_IsNegative((PyLongObject *)obj)) {
        return long_neg(obj);
    }
    return long_exact(obj);
}

/* ~x == -(x + 1). */
static PyObject *
long_invert(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        return long_from_i64(~(int64_t)_PyLong_CompactValue(v));
    }
    PyObject *plus_one = _PyLong_Add(v, (PyLongObject *)small_int(1));
    if (plus_one == NULL) {
        return NULL;
    }
    PyObject *result = long_neg(plus_one);
    Py_DECREF(plus_one);
    return result;
}

static int
long_bool(PyObject *v)
{
    return !_PyLong_IsZero((PyLongObject *)v);
}

/* ---- comparison and hashing ------------------------------------------- */

static int
long_compare(const PyLongObject *a, const PyLongObject *b)
{
    if (a == b) {
        return 0;
    }
    if (_PyLong_BothAreCompact(a, b)) {
        Py_ssize_t x = _PyLong_CompactValue(a), y = _PyLong_CompactValue(b);
        return (x > y) - (x < y);
    }
    Py_ssize_t sa = _PyLong_SignedDigitCount(a), sb = _PyLong_SignedDigitCount(b);
    if (sa != sb) {
        return sa < sb ? -1 : 1;
    }
    int cmp = digits_cmp(DIGITS(a), DIGITS(b), NDIGITS(a));
    return _PyLong_IsNegative(a) ? -cmp : cmp;
}

static PyObject *
long_richcompare(PyObject *a, PyObject *b, int op)
{
    CHECK_BINOP(a, b);
    int cmp = long_compare((PyLongObject *)a, (PyLongObject *)b);
    Py_RETURN_RICHCOMPARE(cmp, 0, op);
}

/* hash(v) == v mod (2**61 - 1) for v >= 0 and -hash(-v) for v < 0, except
   that -1 (the error value) becomes -2.  Multiplying by 2**30 modulo the
   Mersenne prime 2**61 - 1 is a 61-bit rotation. */
static Py_hash_t
long_hash(PyObject *obj)
{
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        Py_hash_t x = _PyLong_CompactValue(v);
        return x == -1 ? -2 : x;
    }
    Py_uhash_t x = 0;
    for (Py_ssize_t i = NDIGITS(v) - 1; i >= 0; i--) {
        x = ((x << PyLong_SHIFT) & PyHASH_MODULUS)
            | (x >> (PyHASH_BITS - PyLong_SHIFT));
        x += DIGITS(v)[i];
        if (x >= PyHASH_MODULUS) {
            x -= PyHASH_MODULUS;
        }
    }
    Py_hash_t result = (Py_hash_t)x;
    if (_PyLong_IsNegative(v)) {
        result = -result;
    }
    return result == -1 ? -2 : result;
}

/* ---- powers ----------------------------------------------------------- */

/* a mod m for m > 0, in [0, m).  New reference. */
static PyObject *
long_mod_positive(PyLongObject *a, PyLongObject *m)
{
    PyObject *r;
    if (long_divmod_floor(a, m, NULL, &r) < 0) {
        return NULL;
    }
    return r;
}

/* a * b mod m (m > 0).  New reference. */
static PyObject *
long_mulmod(PyObject *a, PyObject *b, PyLongObject *m)
{
    PyObject *product = _PyLong_Multiply((PyLongObject *)a, (PyLongObject *)b);
    if (product == NULL) {
        return NULL;
    }
    PyObject *r = long_mod_positive((PyLongObject *)product, m);
    Py_DECREF(product);
    return r;
}

/* Bit i of the magnitude of v. */
static inline int
magnitude_bit(const PyLongObject *v, int64_t i)
{
    return (DIGITS(v)[i / PyLong_SHIFT] >> (i % PyLong_SHIFT)) & 1;
}

/* base**e mod m for a one-digit modulus: all in machine integers.
   0 <= base < m < 2**30, e > 0. */
static PyObject *
long_powmod_small(uint64_t base, const PyLongObject *e, uint64_t m)
{
    uint64_t result = 1 % m;
    for (int64_t i = digits_bit_length(DIGITS(e), NDIGITS(e)) - 1; i >= 0; i--) {
        result = result * result % m;
        if (magnitude_bit(e, i)) {
            result = result * base % m;
        }
    }
    return long_from_magnitude(result, 0);
}

/* base**e mod m, 0 <= base < m, e > 0, m > 1.  Left-to-right binary
   exponentiation; for long exponents, a sliding window over the bits with
   a table of the odd powers base**1, base**3, ..., base**(2*LEN - 1). */
static PyObject *
long_powmod(PyObject *base, PyLongObject *e, PyLongObject *m)
{
    int64_t nbits = digits_bit_length(DIGITS(e), NDIGITS(e));
    PyObject *table[EXP_TABLE_LEN] = { NULL };
    PyObject *result = small_int(1);

    if (nbits <= HUGE_EXP_CUTOFF) {
        for (int64_t i = nbits - 1; i >= 0; i--) {
            Py_SETREF(result, long_mulmod(result, result, m));
            if (result != NULL && magnitude_bit(e, i)) {
                Py_SETREF(result, long_mulmod(result, base, m));
            }
            if (result == NULL) {
                return NULL;
            }
        }
        return result;
    }

    PyObject *square = long_mulmod(base, base, m);
    if (square == NULL) {
        return NULL;
    }
    table[0] = Py_NewRef(base);
    for (int k = 1; k < EXP_TABLE_LEN; k++) {
        table[k] = long_mulmod(table[k - 1], square, m);
        if (table[k] == NULL) {
            Py_DECREF(square);
            goto error;
        }
    }
    Py_DECREF(square);

    int64_t i = nbits - 1;
    while (i >= 0) {
        if (!magnitude_bit(e, i)) {
            Py_SETREF(result, long_mulmod(result, result, m));
            if (result == NULL) {
                goto error;
            }
            i--;
            continue;
        }
        /* The longest window of at most EXP_WINDOW_SIZE bits starting at
           bit i and ending in a 1 bit. */
        int64_t low = i - EXP_WINDOW_SIZE + 1;
        if (low < 0) {
            low = 0;
        }
        while (!magnitude_bit(e, low)) {
            low++;
        }
        int window = 0;
        for (int64_t j = i; j >= low; j--) {
            Py_SETREF(result, long_mulmod(result, result, m));
            if (result == NULL) {
                goto error;
            }
            window = (window << 1) | magnitude_bit(e, j);
        }
        Py_SETREF(result, long_mulmod(result, table[window >> 1], m));
        if (result == NULL) {
            goto error;
        }
        i = low - 1;
    }
    for (int k = 0; k < EXP_TABLE_LEN; k++) {
        Py_XDECREF(table[k]);
    }
    return result;

error:
    Py_XDECREF(result);
    for (int k = 0; k < EXP_TABLE_LEN; k++) {
        Py_XDECREF(table[k]);
    }
    return NULL;
}

/* The inverse of a modulo m > 1 by the extended Euclidean algorithm;
   ValueError when gcd(a, m) != 1. */
static PyObject *
long_invmod(PyLongObject *a, PyLongObject *m)
{
    PyObject *r0 = Py_NewRef(m);
    PyObject *r1 = long_mod_positive(a, m);
    /* Invariant: r0 == s0*a (mod m) and r1 == s1*a (mod m). */
    PyObject *s0 = small_int(0), *s1 = small_int(1);
    PyObject *q = NULL, *r2 = NULL, *s2 = NULL, *t = NULL;
    if (r1 == NULL) {
        goto error;
    }
    while (!_PyLong_IsZero((PyLongObject *)r1)) {
        if (long_divmod_floor((PyLongObject *)r0, (PyLongObject *)r1, &q, &r2) < 0) {
            goto error;
        }
        t = _PyLong_Multiply((PyLongObject *)q, (PyLongObject *)s1);
        Py_CLEAR(q);
        if (t == NULL) {
            goto error;
        }
        s2 = _PyLong_Subtract((PyLongObject *)s0, (PyLongObject *)t);
        Py_CLEAR(t);
        if (s2 == NULL) {
            goto error;
        }
        Py_SETREF(r0, r1);
        r1 = r2;
        r2 = NULL;
        Py_SETREF(s0, s1);
        s1 = s2;
        s2 = NULL;
    }
    if (long_compare((PyLongObject *)r0, (PyLongObject *)small_int(1)) != 0) {
        PyErr_SetString(PyExc_ValueError,
                        "base is not invertible for the given modulus");
        goto error;
    }
    PyObject *result = long_mod_positive((PyLongObject *)s0, m);
    Py_DECREF(r0);
    Py_DECREF(r1);
    Py_DECREF(s0);
    Py_DECREF(s1);
    return result;

error:
    Py_XDECREF(r0);
    Py_XDECREF(r1);
    Py_XDECREF(s0);
    Py_XDECREF(s1);
    return NULL;
}

/* pow(a, b, c) with c an int. */
static PyObject *
long_pow_modular(PyLongObject *a, PyLongObject *b, PyLongObject *c)
{
    if (_PyLong_IsZero(c)) {
        PyErr_SetString(PyExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    /* Work modulo m = |c|; a negative modulus maps the result into
       (c, 0] at the end. */
    PyObject *m = long_abs_value(c);
    PyObject *base = NULL, *exponent = NULL, *result = NULL;
    if (m == NULL) {
        return NULL;
    }
    PyLongObject *lm = (PyLongObject *)m;
    if (_PyLong_IsCompact(lm) && _PyLong_CompactValue(lm) == 1) {
        Py_DECREF(m);
        return small_int(0);
    }
    if (_PyLong_IsNegative(b)) {
        PyObject *inverse = long_invmod(a, lm);
        if (inverse == NULL) {
            goto done;
        }
        base = inverse;
        exponent = long_neg((PyObject *)b);
    }
    else {
        base = long_mod_positive(a, lm);
        exponent = Py_NewRef(b);
    }
    if (base == NULL || exponent == NULL) {
        goto done;
    }
    PyLongObject *le = (PyLongObject *)exponent;
    if (_PyLong_IsZero(le)) {
        result = small_int(1);
    }
    else if (_PyLong_IsCompact(lm)) {
        uint64_t small_base = (uint64_t)_PyLong_CompactValue((PyLongObject *)base);
        result = long_powmod_small(small_base, le, (uint64_t)_PyLong_CompactValue(lm));
    }
    else {
        result = long_powmod(base, le, lm);
    }
    if (result != NULL && _PyLong_IsNegative(c)
        && !_PyLong_IsZero((PyLongObject *)result)) {
        Py_SETREF(result, _PyLong_Subtract((PyLongObject *)result, lm));
    }

done:
    Py_DECREF(m);
    Py_XDECREF(base);
    Py_XDECREF(exponent);
    return result;
}

/* a**b for b >= 0, no modulus. */
static PyObject *
long_pow_plain(PyLongObject *a, PyLongObject *b)
{
    if (_PyLong_IsZero(b)) {
        return small_int(1);
    }
    int negative_result = _PyLong_IsNegative(a) && (DIGITS(b)[0] & 1);
    if (_PyLong_IsZero(a)) {
        return small_int(0);
    }
    if (_PyLong_IsCompact(a) && (_PyLong_CompactValue(a) == 1
                                 || _PyLong_CompactValue(a) == -1)) {
        return small_int(negative_result ? -1 : 1);
    }
    int64_t e;
    if (long_as_i64(b, &e) != 0) {
        /* |a| >= 2: the result would have more than 2**63 bits. */
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }

    /* |a| == 2**k: the result is a shift. */
    if (magnitude_is_power_of_two(a)) {
        int64_t k = _PyLong_NumBits((PyObject *)a) - 1;
        if (k > INT64_MAX / e) {
            PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
            return NULL;
        }
        PyObject *result = _PyLong_Lshift(small_int(1), k * e);
        if (result != NULL && negative_result) {
            Py_SETREF(result, long_neg(result));
        }
        return result;
    }

    /* Machine-integer fast path while the result fits in 63 bits. */
    if (_PyLong_IsCompact(a) && e < 64) {
        int64_t base = _PyLong_CompactValue(a), result = 1;
        int overflow = 0;
        for (int64_t i = 0; i < e && !overflow; i++) {
            overflow = __builtin_mul_overflow(result, base, &result);
        }
        if (!overflow) {
            return long_from_i64(result);
        }
    }

    /* Left to right over the bits of e; the top bit is the initial a. */
    PyObject *result = Py_NewRef(a);
    int top = 63 - __builtin_clzll((uint64_t)e);
    for (int i = top - 1; i >= 0; i--) {
        Py_SETREF(result, _PyLong_Multiply((PyLongObject *)result,
                                           (PyLongObject *)result));
        if (result != NULL && ((e >> i) & 1)) {
            Py_SETREF(result, _PyLong_Multiply((PyLongObject *)result, a));
        }
        if (result == NULL) {
            return NULL;
        }
    }
    return result;
}

static PyObject *
long_pow(PyObject *v, PyObject *w, PyObject *x)
{
    CHECK_BINOP(v, w);
    PyLongObject *a = (PyLongObject *)v, *b = (PyLongObject *)w;
    if (x != Py_None && !PyLong_Check(x)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (x != Py_None) {
        return long_pow_modular(a, b, (PyLongObject *)x);
    }
    if (_PyLong_IsNegative(b)) {
        /* A negative exponent without modulus gives a float. */
        return PyFloat_Type.tp_as_number->nb_power(v, w, x);
    }
    return long_pow_plain(a, b);
}

/* ---- gcd -------------------------------------------------------------- */

PyObject *
_PyLong_GCD(PyObject *aobj, PyObject *bobj)
{
    PyObject *a = long_abs_value((PyLongObject *)aobj);
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = long_abs_value((PyLongObject *)bobj);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    /* Euclid on objects until both fit in 64 bits, then on machine
       integers. */
    for (;;) {
        uint64_t x = 0, y = 0;
        if (magnitude_as_u64((PyLongObject *)a, &x) == 0
            && magnitude_as_u64((PyLongObject *)b, &y) == 0) {
            while (y != 0) {
                uint64_t t = x % y;
                x = y;
                y = t;
            }
            Py_DECREF(a);
            Py_DECREF(b);
            return long_from_magnitude(x, 0);
        }
        if (_PyLong_IsZero((PyLongObject *)b)) {
            PyObject *result = long_exact(a);
            Py_DECREF(a);
            Py_DECREF(b);
            return result;
        }
        PyObject *r = long_mod_positive((PyLongObject *)a, (PyLongObject *)b);
        if (r == NULL) {
            Py_DECREF(a);
            Py_DECREF(b);
            return NULL;
        }
        Py_SETREF(a, b);
        b = r;
    }
}

/* ======================================================================
   Conversion to float
   ====================================================================== */

double
_PyLong_Frexp(PyLongObject *a, int64_t *e)
{
    int64_t nbits = digits_bit_length(DIGITS(a), NDIGITS(a));
    if (nbits == 0) {
        *e = 0;
        return 0.0;
    }
    /* x: the top DBL_MANT_DIG + 2 bits of |a|, with a sticky low bit
       standing for everything below them.  Then one rounding, half to
       even, to DBL_MANT_DIG bits. */
    const int keep = DBL_MANT_DIG + 2;
    uint64_t x = 0;
    int sticky = 0;
    if (nbits <= keep) {
        (void)magnitude_as_u64(a, &x);
        x <<= keep - nbits;
    }
    else {
        int64_t shift = nbits - keep;
        Py_ssize_t start = (Py_ssize_t)(shift / PyLong_SHIFT);
        int offset = (int)(shift % PyLong_SHIFT);
        Py_ssize_t n = NDIGITS(a);
        const digit *d = DIGITS(a);
        /* Two digits of |a| >> shift hold all keep <= 60 bits. */
        twodigits lo = d[start] >> offset;
        if (start + 1 < n) {
            lo |= ((twodigits)d[start + 1] << (PyLong_SHIFT - offset));
        }
        if (start + 2 < n) {
            lo |= ((twodigits)d[start + 2] << (2 * PyLong_SHIFT - offset));
        }
        x = lo & (((uint64_t)1 << keep) - 1);
        sticky = (d[start] & (((digit)1 << offset) - 1)) != 0;
        for (Py_ssize_t i = 0; !sticky && i < start; i++) {
            sticky = d[i] != 0;
        }
    }
    if (sticky) {
        x |= 1;
    }
    uint64_t mantissa = x >> 2;
    unsigned rest = (unsigned)(x & 3);
    if (rest > 2 || (rest == 2 && (mantissa & 1))) {
        mantissa++;
    }
    double m = ldexp((double)mantissa, -DBL_MANT_DIG);
    if (m == 1.0) {
        /* Rounding carried into a new top bit. */
        m = 0.5;
        nbits++;
    }
    *e = nbits;
    return _PyLong_IsNegative(a) ? -m : m;
}

double
PyLong_AsDouble(PyObject *obj)
{
    if (require_int(obj) < 0) {
        return -1.0;
    }
    PyLongObject *v = (PyLongObject *)obj;
    if (_PyLong_IsCompact(v)) {
        return (double)_PyLong_CompactValue(v);
    }
    int64_t exponent;
    double m = _PyLong_Frexp(v, &exponent);
    if (exponent > DBL_MAX_EXP) {
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(m, (int)exponent);
}

/* ======================================================================
   Text: int -> str and str -> int
   ====================================================================== */

/* The int <-> str digit limit; 0 disables it.  Relaxed atomics: a racing
   conversion sees the old or the new limit, either of which is valid. */
static int int_max_str_digits = _PY_LONG_DEFAULT_MAX_STR_DIGITS;

int
_Py_GetIntMaxStrDigits(void)
{
    return __atomic_load_n(&int_max_str_digits, __ATOMIC_RELAXED);
}

int
_Py_SetIntMaxStrDigits(int maxdigits)
{
    if (maxdigits != 0 && maxdigits < _PY_LONG_MAX_STR_DIGITS_THRESHOLD) {
        PyErr_Format(PyExc_ValueError,
                     "maxdigits must be 0 or larger than %d",
                     _PY_LONG_MAX_STR_DIGITS_THRESHOLD);
        return -1;
    }
    __atomic_store_n(&int_max_str_digits, maxdigits, __ATOMIC_RELAXED);
    return 0;
}

_PyLongIntInfo
_PyLong_GetIntInfo(void)
{
    _PyLongIntInfo info = {
        .bits_per_digit = PyLong_SHIFT,
        .sizeof_digit = (int)sizeof(digit),
        .default_max_str_digits = _PY_LONG_DEFAULT_MAX_STR_DIGITS,
        .str_digits_check_threshold = _PY_LONG_MAX_STR_DIGITS_THRESHOLD,
    };
    return info;
}

static void
raise_str_limit_to_str(int limit)
{
    PyErr_Format(PyExc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit",
                 limit);
}

static void
raise_str_limit_to_int(int limit, Py_ssize_t ndigits)
{
    PyErr_Format(PyExc_ValueError,
                 "Exceeds the limit (%d digits) for integer string conversion: "
                 "value has %zd digits; use sys.set_int_max_str_digits() "
                 "to increase the limit", limit, ndigits);
}

/* An ASCII str holding text[0:len]. */
static PyObject *
ascii_str(const char *text, Py_ssize_t len)
{
    PyObject *s = PyUnicode_New(len, 127);
    if (s != NULL) {
        memcpy(PyUnicode_1BYTE_DATA(s), text, (size_t)len);
    }
    return s;
}

/* ---- base 10**9 arithmetic for int -> str --------------------------------

   The decimal conversion works on "limbs": uint32_t values below 10**9,
   least significant first.  Small ints are converted by the quadratic
   method; bigger ones are split in binary at k = 2**j digits, both halves
   converted recursively and recombined in decimal as hi * 2**(30k) + lo,
   which makes the conversion as fast as multiplication (Karatsuba) times
   a log factor. */

typedef uint32_t limb;
#define LIMB_BASE ((twodigits)_PyLong_DECIMAL_BASE)

/* Binary digits below which conversion uses the quadratic method. */
#define DECIMAL_SPLIT_CUTOFF 512
/* Limbs below which decimal multiplication is schoolbook. */
#define DECIMAL_KARATSUBA_CUTOFF 48

/* z[0:na] = a + b for na >= nb; returns the carry.  z may alias a. */
static limb
limbs_add(limb *z, const limb *a, Py_ssize_t na, const limb *b, Py_ssize_t nb)
{
    limb carry = 0;
    for (Py_ssize_t i = 0; i < na; i++) {
        limb sum = a[i] + (i < nb ? b[i] : 0) + carry;
        carry = sum >= LIMB_BASE;
        z[i] = carry ? sum - (limb)LIMB_BASE : sum;
    }
    return carry;
}

/* z[0:na] = a - b for a >= b, na >= nb.  z may alias a. */
static void
limbs_sub(limb *z, const limb *a, Py_ssize_t na, const limb *b, Py_ssize_t nb)
{
    limb borrow = 0;
    for (Py_ssize_t i = 0; i < na; i++) {
        limb sub = (i < nb ? b[i] : 0) + borrow;
        borrow = a[i] < sub;
        z[i] = borrow ? a[i] + (limb)LIMB_BASE - sub : a[i] - sub;
    }
}

/* z[0:nz] += a[0:n], n <= nz, the sum fitting in nz limbs. */
static void
limbs_add_into(limb *z, Py_ssize_t nz, const limb *a, Py_ssize_t n)
{
    limb carry = limbs_add(z, z, n, a, n);
    for (Py_ssize_t i = n; carry && i < nz; i++) {
        limb sum = z[i] + carry;
        carry = sum >= LIMB_BASE;
        z[i] = carry ? sum - (limb)LIMB_BASE : sum;
    }
}

static void
limbs_mul_school(limb *z, const limb *a, Py_ssize_t na, const limb *b, Py_ssize_t nb)
{
    memset(z, 0, (size_t)(na + nb) * sizeof(limb));
    for (Py_ssize_t i = 0; i < na; i++) {
        twodigits ai = a[i], carry = 0;
        if (ai == 0) {
            continue;
        }
        /* limb + limb*limb + carry < 10**18 + 2*10**9: no overflow. */
        for (Py_ssize_t j = 0; j < nb; j++) {
            twodigits t = z[i + j] + ai * b[j] + carry;
            carry = t / LIMB_BASE;
            z[i + j] = (limb)(t - carry * LIMB_BASE);
        }
        z[i + nb] = (limb)carry;
    }
}

/* z[0:na+nb] = a * b in base 10**9 (Karatsuba, as digits_mul). */
static int
limbs_mul(limb *z, const limb *a, Py_ssize_t na, const limb *b, Py_ssize_t nb)
{
    if (na < nb) {
        const limb *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < DECIMAL_KARATSUBA_CUTOFF) {
        limbs_mul_school(z, a, na, b, nb);
        return 0;
    }
    if (2 * nb <= na) {
        /* Lopsided: nb-limb slices of a, each a balanced product. */
        limb *product = PyMem_Malloc((size_t)(2 * nb) * sizeof(limb));
        if (product == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memset(z, 0, (size_t)(na + nb) * sizeof(limb));
        for (Py_ssize_t offset = 0; offset < na; offset += nb) {
            Py_ssize_t slice = Py_MIN(nb, na - offset);
            if (limbs_mul(product, b, nb, a + offset, slice) < 0) {
                PyMem_Free(product);
                return -1;
            }
            limbs_add_into(z + offset, na + nb - offset, product, slice + nb);
        }
        PyMem_Free(product);
        return 0;
    }
    Py_ssize_t s = na / 2;
    Py_ssize_t nah = na - s, nbh = nb - s;
    Py_ssize_t nsa = nah + 1, nsb = Py_MAX(s, nbh) + 1;
    limb *buffer = PyMem_Malloc((size_t)(2 * (nsa + nsb)) * sizeof(limb));
    if (buffer == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    limb *sum_a = buffer, *sum_b = buffer + nsa, *mid = buffer + nsa + nsb;
    if (limbs_mul(z, a, s, b, s) < 0
        || limbs_mul(z + 2 * s, a + s, nah, b + s, nbh) < 0) {
        PyMem_Free(buffer);
        return -1;
    }
    sum_a[nah] = limbs_add(sum_a, a + s, nah, a, s);
    if (nbh >= s) {
        sum_b[nbh] = limbs_add(sum_b, b + s, nbh, b, s);
    }
    else {
        sum_b[s] = limbs_add(sum_b, b, s, b + s, nbh);
    }
    if (limbs_mul(mid, sum_a, nsa, sum_b, nsb) < 0) {
        PyMem_Free(buffer);
        return -1;
    }
    Py_ssize_t nmid = nsa + nsb;
    limbs_sub(mid, mid, nmid, z, 2 * s);
    limbs_sub(mid, mid, nmid, z + 2 * s, nah + nbh);
    while (nmid > 0 && mid[nmid - 1] == 0) {
        nmid--;
    }
    limbs_add_into(z + s, na + nb - s, mid, nmid);
    PyMem_Free(buffer);
    return 0;
}

/* d[0:n] in limbs by the quadratic method: each digit is folded in by
   multiplying the limbs so far by 2**30 and adding it.  out needs room
   for n + n/20 + 2 limbs; returns the count used (at least 1). */
static Py_ssize_t
digits_to_limbs_quadratic(limb *out, const digit *d, Py_ssize_t n)
{
    Py_ssize_t size = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        twodigits carry = d[i];
        for (Py_ssize_t j = 0; j < size; j++) {
            twodigits z = ((twodigits)out[j] << PyLong_SHIFT) | carry;
            carry = z / LIMB_BASE;
            out[j] = (limb)(z - carry * LIMB_BASE);
        }
        while (carry) {
            out[size++] = (limb)(carry % LIMB_BASE);
            carry /= LIMB_BASE;
        }
    }
    if (size == 0) {
        out[size++] = 0;
    }
    return size;
}

/* Room for the limbs of an n-digit magnitude: 2**30 < 10**9.04. */
static Py_ssize_t
limbs_capacity(Py_ssize_t n)
{
    return n + n / 20 + 2;
}

/* powers[j] = 2**(30 * 2**j) in limbs, computed on demand by squaring. */
typedef struct {
    limb *value[64];
    Py_ssize_t size[64];
} limb_powers;

static const limb *
limb_power(limb_powers *powers, int j, Py_ssize_t *size)
{
    if (powers->value[j] == NULL) {
        limb *v;
        Py_ssize_t n;
        if (j == 0) {
            v = PyMem_Malloc(2 * sizeof(limb));
            if (v == NULL) {
                PyErr_NoMemory();
                return NULL;
            }
            v[0] = (limb)(PyLong_BASE % LIMB_BASE);
            v[1] = (limb)(PyLong_BASE / LIMB_BASE);
            n = 2;
        }
        else {
            Py_ssize_t half;
            const limb *h = limb_power(powers, j - 1, &half);
            if (h == NULL) {
                return NULL;
            }
            v = PyMem_Malloc((size_t)(2 * half) * sizeof(limb));
            if (v == NULL) {
                PyErr_NoMemory();
                return NULL;
            }
            if (limbs_mul(v, h, half, h, half) < 0) {
                PyMem_Free(v);
                return NULL;
            }
            n = 2 * half;
            while (n > 1 && v[n - 1] == 0) {
                n--;
            }
        }
        powers->value[j] = v;
        powers->size[j] = n;
    }
    *size = powers->size[j];
    return powers->value[j];
}

/* d[0:n] in limbs into out (room for limbs_capacity(n)); returns the
   number of limbs, or -1 with an exception set. */
static Py_ssize_t
digits_to_limbs(limb *out, const digit *d, Py_ssize_t n, limb_powers *powers)
{
    n = digits_normalized_length(d, n);
    if (n <= DECIMAL_SPLIT_CUTOFF) {
        return digits_to_limbs_quadratic(out, d, n);
    }
    /* d = hi * 2**(30k) + lo with k the largest power of two below n. */
    int j = 0;
    while (((Py_ssize_t)2 << j) < n) {
        j++;
    }
    Py_ssize_t k = (Py_ssize_t)1 << j;
    Py_ssize_t power_size;
    const limb *power = limb_power(powers, j, &power_size);
    if (power == NULL) {
        return -1;
    }
    limb *hi = PyMem_Malloc((size_t)limbs_capacity(n - k) * sizeof(limb));
    if (hi == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t nhi = digits_to_limbs(hi, d + k, n - k, powers);
    Py_ssize_t nlo = nhi < 0 ? -1 : digits_to_limbs(out, d, k, powers);
    if (nlo < 0) {
        PyMem_Free(hi);
        return -1;
    }
    /* out = hi * power + lo: the product goes to a scratch buffer. */
    limb *product = PyMem_Malloc((size_t)(nhi + power_size) * sizeof(limb));
    if (product == NULL || limbs_mul(product, hi, nhi, power, power_size) < 0) {
        if (product == NULL) {
            PyErr_NoMemory();
        }
        PyMem_Free(product);
        PyMem_Free(hi);
        return -1;
    }
    PyMem_Free(hi);
    Py_ssize_t nresult = nhi + power_size;
    while (nresult > 1 && product[nresult - 1] == 0) {
        nresult--;
    }
    limbs_add_into(product, nresult, out, nlo);
    assert(nresult <= limbs_capacity(n));
    memcpy(out, product, (size_t)nresult * sizeof(limb));
    PyMem_Free(product);
    return nresult;
}

/* The limbs of |a| as a new PyMem buffer. */
static limb *
long_to_decimal_limbs(const PyLongObject *a, Py_ssize_t *nlimbs)
{
    Py_ssize_t n = NDIGITS(a);
    limb *limbs = PyMem_Malloc((size_t)limbs_capacity(n) * sizeof(limb));
    if (limbs == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    limb_powers powers;
    memset(&powers, 0, sizeof(powers));
    Py_ssize_t size = digits_to_limbs(limbs, DIGITS(a), n, &powers);
    for (int j = 0; j < 64; j++) {
        PyMem_Free(powers.value[j]);
    }
    if (size < 0) {
        PyMem_Free(limbs);
        return NULL;
    }
    *nlimbs = size;
    return limbs;
}

/* Decimal text of a, with a '-' for negatives, into a new PyMem buffer;
   enforces the digit limit. */
static char *
long_to_decimal_text(const PyLongObject *a, Py_ssize_t *plen)
{
    int limit = _Py_GetIntMaxStrDigits();
    Py_ssize_t n = NDIGITS(a);
    /* Cheap early rejection: n digits carry more than
       (n - 1) * 30 * log10(2) > 9.03 * (n - 1) decimal digits. */
    if (limit > 0 && n > 2 && (n - 1) / 10 * 90 > (Py_ssize_t)limit + 90) {
        raise_str_limit_to_str(limit);
        return NULL;
    }
    Py_ssize_t nlimbs;
    limb *limbs = long_to_decimal_limbs(a, &nlimbs);
    if (limbs == NULL) {
        return NULL;
    }
    int top_len = 1;
    for (uint32_t t = limbs[nlimbs - 1]; t >= 10; t /= 10) {
        top_len++;
    }
    Py_ssize_t ndigits = (nlimbs - 1) * _PyLong_DECIMAL_SHIFT + top_len;
    if (limit > 0 && ndigits > limit) {
        PyMem_Free(limbs);
        raise_str_limit_to_str(limit);
        return NULL;
    }
    int negative = _PyLong_IsNegative(a);
    Py_ssize_t len = ndigits + negative;
    char *text = PyMem_Malloc((size_t)len + 1);
    if (text == NULL) {
        PyMem_Free(limbs);
        PyErr_NoMemory();
        return NULL;
    }
    char *p = text + len;
    *p = '\0';
    for (Py_ssize_t j = 0; j < nlimbs - 1; j++) {
        uint32_t limb = limbs[j];
        for (int k = 0; k < _PyLong_DECIMAL_SHIFT; k++) {
            *--p = (char)('0' + limb % 10);
            limb /= 10;
        }
    }
    uint32_t top = limbs[nlimbs - 1];
    for (int k = 0; k < top_len; k++) {
        *--p = (char)('0' + top % 10);
        top /= 10;
    }
    if (negative) {
        *--p = '-';
    }
    assert(p == text);
    PyMem_Free(limbs);
    *plen = len;
    return text;
}

static PyObject *
long_to_decimal_string(PyObject *obj)
{
    PyLongObject *a = (PyLongObject *)obj;
    if (_PyLong_IsCompact(a)) {
        char buffer[16];
        int len = snprintf(buffer, sizeof(buffer), "%zd", _PyLong_CompactValue(a));
        return ascii_str(buffer, len);
    }
    Py_ssize_t len;
    char *text = long_to_decimal_text(a, &len);
    if (text == NULL) {
        return NULL;
    }
    PyObject *result = ascii_str(text, len);
    PyMem_Free(text);
    return result;
}

/* Base 2, 8 or 16 with its prefix: bits are peeled from the bottom. */
static PyObject *
long_to_power_of_two_string(PyLongObject *a, int base)
{
    int bits_per_char = base == 16 ? 4 : base == 8 ? 3 : 1;
    char prefix = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    int negative = _PyLong_IsNegative(a);
    int64_t nbits = digits_bit_length(DIGITS(a), NDIGITS(a));
    int64_t nchars = nbits == 0 ? 1 : (nbits + bits_per_char - 1) / bits_per_char;
    int64_t len = negative + 2 + nchars;
    if (len > PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "int too large to format");
        return NULL;
    }
    PyObject *s = PyUnicode_New((Py_ssize_t)len, 127);
    if (s == NULL) {
        return NULL;
    }
    Py_UCS1 *p = PyUnicode_1BYTE_DATA(s) + len;
    twodigits accum = 0;
    int accum_bits = 0;
    Py_ssize_t idigit = 0;
    for (int64_t i = 0; i < nchars; i++) {
        if (accum_bits < bits_per_char && idigit < NDIGITS(a)) {
            accum |= (twodigits)DIGITS(a)[idigit++] << accum_bits;
            accum_bits += PyLong_SHIFT;
        }
        unsigned value = (unsigned)(accum & (unsigned)(base - 1));
        *--p = (Py_UCS1)"0123456789abcdef"[value];
        accum >>= bits_per_char;
        accum_bits -= bits_per_char;
    }
    *--p = (Py_UCS1)prefix;
    *--p = '0';
    if (negative) {
        *--p = '-';
    }
    return s;
}

PyObject *
_PyLong_Format(PyObject *obj, int base)
{
    if (obj == NULL || !PyLong_Check(obj)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (base == 10) {
        return long_to_decimal_string(obj);
    }
    if (base != 2 && base != 8 && base != 16) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return long_to_power_of_two_string((PyLongObject *)obj, base);
}

/* ---- parsing ---------------------------------------------------------- */

/* Value of an ASCII digit character in bases up to 36; 37 for anything
   else. */
static int
digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 37;
}

static int
is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Power-of-two base: pack the bits from the least significant character. */
static PyLongObject *
parse_power_of_two(const unsigned char *values, Py_ssize_t n, int base)
{
    int bits_per_char = 0;
    while ((1 << bits_per_char) < base) {
        bits_per_char++;
    }
    if (n > (PY_SSIZE_T_MAX - PyLong_SHIFT) / bits_per_char) {
        PyErr_SetString(PyExc_ValueError, "int string too large to convert");
        return NULL;
    }
    Py_ssize_t ndigits = (n * bits_per_char + PyLong_SHIFT - 1) / PyLong_SHIFT;
    PyLongObject *z = _PyLong_New(ndigits);
    if (z == NULL) {
        return NULL;
    }
    twodigits accum = 0;
    int accum_bits = 0;
    Py_ssize_t idigit = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        accum |= (twodigits)values[i] << accum_bits;
        accum_bits += bits_per_char;
        if (accum_bits >= PyLong_SHIFT) {
            DIGITS(z)[idigit++] = (digit)(accum & PyLong_MASK);
            accum >>= PyLong_SHIFT;
            accum_bits -= PyLong_SHIFT;
        }
    }
    if (accum_bits > 0) {
        DIGITS(z)[idigit++] = (digit)accum;
    }
    while (idigit < ndigits) {
        DIGITS(z)[idigit++] = 0;
    }
    return z;
}

/* Other bases, quadratic: fold in chunks of k characters, base**k being
   the largest power of base that fits in a digit. */
static PyLongObject *
parse_chunked(const unsigned char *values, Py_ssize_t n, int base)
{
    int chunk = 0;
    twodigits chunk_base = 1;
    while (chunk_base * (twodigits)base <= PyLong_BASE) {
        chunk_base *= (twodigits)base;
        chunk++;
    }
    /* Digits needed: n * log(base) / log(2**30), with margin. */
    double estimate = (double)n * log((double)base) / log((double)PyLong_BASE);
    if (estimate >= (double)MAX_LONG_DIGITS) {
        PyErr_SetString(PyExc_ValueError, "int string too large to convert");
        return NULL;
    }
    Py_ssize_t capacity = (Py_ssize_t)estimate + 2;
    PyLongObject *z = _PyLong_New(capacity);
    if (z == NULL) {
        return NULL;
    }
    Py_ssize_t size = 0;
    Py_ssize_t i = 0;
    Py_ssize_t first = n % chunk == 0 ? chunk : n % chunk;
    while (i < n) {
        Py_ssize_t take = i == 0 ? first : chunk;
        digit value = 0, scale = 1;
        for (Py_ssize_t j = 0; j < take; j++) {
            value = value * (digit)base + values[i + j];
            scale *= (digit)base;
        }
        i += take;
        digit carry = digits_muladd1(DIGITS(z), size, scale, value);
        if (carry) {
            assert(size < capacity);
            DIGITS(z)[size++] = carry;
        }
    }
    for (Py_ssize_t j = size; j < capacity; j++) {
        DIGITS(z)[j] = 0;
    }
    _PyLong_SetDigitCount(z, capacity);
    return z;
}

/* Characters above which parsing splits the string in two and combines
   the halves as hi * base**len(lo) + lo (subquadratic with Karatsuba). */
#define PARSE_SPLIT_CUTOFF 3000

static PyObject *
parse_digit_values(const unsigned char *values, Py_ssize_t n, int base)
{
    if ((base & (base - 1)) == 0) {
        return long_finish(parse_power_of_two(values, n, base));
    }
    if (n <= PARSE_SPLIT_CUTOFF) {
        return long_finish(parse_chunked(values, n, base));
    }
    Py_ssize_t nlow = n / 2;
    PyObject *high = parse_digit_values(values, n - nlow, base);
    if (high == NULL) {
        return NULL;
    }
    PyObject *low = parse_digit_values(values + n - nlow, nlow, base);
    if (low == NULL) {
        Py_DECREF(high);
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *scale = NULL;
    PyObject *exponent = PyLong_FromSsize_t(nlow);
    if (exponent != NULL) {
        scale = long_pow_plain((PyLongObject *)small_int(base),
                               (PyLongObject *)exponent);
        Py_DECREF(exponent);
    }
    if (scale != NULL) {
        PyObject *shifted = _PyLong_Multiply((PyLongObject *)high,
                                             (PyLongObject *)scale);
        if (shifted != NULL) {
            result = _PyLong_Add((PyLongObject *)shifted, (PyLongObject *)low);
            Py_DECREF(shifted);
        }
        Py_DECREF(scale);
    }
    Py_DECREF(high);
    Py_DECREF(low);
    return result;
}

/* Parse s[0:len] as an int literal in base 0 or 2..36: surrounding ASCII
   whitespace, a sign, a prefix (0x/0o/0b: required to pick the base when
   base is 0, optional when it matches), digits with single underscores
   between them (and one allowed right after a prefix).  With base 0 a
   decimal literal may not have leading zeros unless it is all zeros.
   A syntax error returns NULL with *syntax_error set and no exception;
   anything else that fails returns NULL with an exception. */
static PyObject *
long_parse(const char *text, Py_ssize_t len, int base, int *syntax_error)
{
    const unsigned char *s = (const unsigned char *)text;
    const unsigned char *end = s + len;
    *syntax_error = 1;

    while (s < end && is_ascii_space(*s)) {
        s++;
    }
    int negative = 0;
    if (s < end && (*s == '+' || *s == '-')) {
        negative = *s == '-';
        s++;
    }
    int underscore_allowed = 0;  /* right after a prefix */
    int zeros_only = 0;
    if (s + 1 < end && s[0] == '0') {
        unsigned char c = (unsigned char)(s[1] | 0x20);
        int prefix_base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
            base = prefix_base;
            s += 2;
            underscore_allowed = 1;
        }
    }
    if (base == 0) {
        base = 10;
        zeros_only = s < end && *s == '0';
    }

    /* First pass: validate and count the digits. */
    const unsigned char *start = s;
    Py_ssize_t ndigits = 0;
    int after_underscore = 0;
    for (; s < end; s++) {
        if (*s == '_') {
            if (after_underscore || (ndigits == 0 && !underscore_allowed)) {
                return NULL;
            }
            after_underscore = 1;
            continue;
        }
        int value = digit_value(*s);
        if (value >= base) {
            break;
        }
        if (zeros_only && value != 0) {
            return NULL;
        }
        ndigits++;
        after_underscore = 0;
    }
    if (ndigits == 0 || after_underscore) {
        return NULL;
    }
    const unsigned char *digits_end = s;
    while (s < end && is_ascii_space(*s)) {
        s++;
    }
    if (s != end) {
        return NULL;
    }
    *syntax_error = 0;

    int limit = _Py_GetIntMaxStrDigits();
    if (limit > 0 && (base & (base - 1)) != 0 && ndigits > limit) {
        raise_str_limit_to_int(limit, ndigits);
        return NULL;
    }

    /* Second pass: the digit values without underscores. */
    unsigned char *values = PyMem_Malloc((size_t)ndigits);
    if (values == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t k = 0;
    for (const unsigned char *p = start; p < digits_end; p++) {
        if (*p != '_') {
            values[k++] = (unsigned char)digit_value(*p);
        }
    }
    PyObject *result = parse_digit_values(values, ndigits, base);
    PyMem_Free(values);
    if (result != NULL && negative) {
        Py_SETREF(result, long_neg(result));
    }
    return result;
}

static void
raise_invalid_literal(int base, PyObject *text_obj)
{
    if (text_obj != NULL) {
        PyErr_Format(PyExc_ValueError,
                     "invalid literal for int() with base %d: %.200R",
                     base, text_obj);
    }
}

static int
check_base(int base)
{
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError,
                        "int() arg 2 must be >= 2 and <= 36");
        return -1;
    }
    return 0;
}

PyObject *
PyLong_FromString(const char *str, char **pend, int base)
{
    if (check_base(base) < 0) {
        return NULL;
    }
    size_t len = strlen(str);
    int syntax_error;
    PyObject *result = long_parse(str, (Py_ssize_t)len, base, &syntax_error);
    if (pend != NULL) {
        *pend = (char *)str + len;
    }
    if (result == NULL && syntax_error) {
        PyObject *text_obj = PyUnicode_DecodeUTF8(str, (Py_ssize_t)Py_MIN(len, 200),
                                                  "replace");
        raise_invalid_literal(base, text_obj);
        Py_XDECREF(text_obj);
    }
    return result;
}

PyObject *
_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)
{
    if (check_base(base) < 0) {
        return NULL;
    }
    int syntax_error;
    PyObject *result = long_parse(s, len, base, &syntax_error);
    if (result == NULL && syntax_error) {
        PyObject *bytes = PyBytes_FromStringAndSize(s, len);
        raise_invalid_literal(base, bytes);
        Py_XDECREF(bytes);
    }
    return result;
}

/* A str is first reduced to ASCII: Unicode decimal digits become '0'-'9',
   Unicode whitespace becomes ' ', and any other non-ASCII character makes
   the literal invalid. */
PyObject *
PyLong_FromUnicodeObject(PyObject *u, int base)
{
    if (check_base(base) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(u);
    int kind = PyUnicode_KIND(u);
    const void *data = PyUnicode_DATA(u);
    char *ascii = PyMem_Malloc((size_t)len + 1);
    if (ascii == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int convertible = 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128) {
            ascii[i] = (char)ch;
        }
        else if (Py_UNICODE_ISSPACE(ch)) {
            ascii[i] = ' ';
        }
        else {
            int decimal = Py_UNICODE_TODECIMAL(ch);
            if (decimal < 0) {
                convertible = 0;
                break;
            }
            ascii[i] = (char)('0' + decimal);
        }
    }
    PyObject *result = NULL;
    int syntax_error = 1;
    if (convertible) {
        result = long_parse(ascii, len, base, &syntax_error);
    }
    PyMem_Free(ascii);
    if (result == NULL && syntax_error) {
        raise_invalid_literal(base, u);
    }
    return result;
}

/* ======================================================================
   The int type
   ====================================================================== */

static PyObject *
long_long(PyObject *self)
{
    return long_exact(self);
}

static PyObject *
long_float(PyObject *self)
{
    double result = PyLong_AsDouble(self);
    if (result == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(result);
}

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
    PyObject *numerator = long_exact(self);
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
    return long_exact(self);
}

static PyObject *
int_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *value = long_exact(self);
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
        return long_exact(self);
    }
    PyLongObject *ndigits = (PyLongObject *)PyNumber_Index(ndigits_obj);
    if (ndigits == NULL) {
        return NULL;
    }
    if (!_PyLong_IsNegative(ndigits)) {
        Py_DECREF(ndigits);
        return long_exact(self);
    }
    /* 10**k > 2 * |self| once 3k > bits + 1: then the result is 0. */
    int64_t k;
    int too_big = long_as_i64(ndigits, &k) != 0;
    Py_DECREF(ndigits);
    k = -k;
    if (too_big || k / 3 > _PyLong_NumBits(self) + 1) {
        return small_int(0);
    }
    PyObject *exponent = PyLong_FromInt64(k);
    if (exponent == NULL) {
        return NULL;
    }
    PyObject *scale = long_pow_plain((PyLongObject *)small_int(10),
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
    return long_exact(self);
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

static PyNumberMethods long_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_pos,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_floordiv,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
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
    .tp_repr = long_to_decimal_string,
    .tp_as_number = &long_as_number,
    .tp_hash = long_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = long_doc,
    .tp_richcompare = long_richcompare,
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
    int fits = magnitude_as_u64(v, out) == 0 && *out <= max;
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
