/* int internals shared by the core: tag accessors, the small-int cache,
   arithmetic entry points for the VM, string conversion limits.

   Layout (Include/cpython/longobject.h has the full description):
   lv_tag = digit_count << 3 | sign_bits (0 positive, 1 zero, 2 negative);
   digits are 30-bit, little-endian, normalised (no leading zero digit).
   A "compact" int has at most one digit, |v| < 2**30; the VM and the fast
   paths below work on compact values as machine integers.

   Every int is immutable once it has been returned from a constructor, so
   none of this needs a lock in the free-threaded build.  The only shared
   mutable state is the int <-> str digit limit, read and written with
   relaxed atomics (a racing reader sees the old or the new limit).

   The implementation is split over Objects/longobject.c, longarith.c and
   longformat.c, which also share Include/internal/pycore_long_impl.h. */
#ifndef Py_INTERNAL_LONG_H
#define Py_INTERNAL_LONG_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The small-int cache: -5 .. 256, statically allocated and immortal.
   Every API that returns one of these values returns the cached object. */
#define _PY_NSMALLNEGINTS 5
#define _PY_NSMALLPOSINTS 257
extern PyLongObject _PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS];

/* Borrowed references to immortal objects. */
#define _PyLong_SMALL_INT(v) \
    ((PyObject *)&_PyLong_SMALL_INTS[_PY_NSMALLNEGINTS + (v)])
static inline PyObject *_PyLong_GetZero(void) { return _PyLong_SMALL_INT(0); }
static inline PyObject *_PyLong_GetOne(void) { return _PyLong_SMALL_INT(1); }

/* ---- tag accessors ---------------------------------------------------- */

#define _PyLong_SIGN_POSITIVE 0
#define _PyLong_SIGN_ZERO 1
#define _PyLong_SIGN_NEGATIVE 2

#define _PyLong_TAG(sign_bits, ndigits) \
    (((uintptr_t)(ndigits) << _PyLong_NON_SIZE_BITS) | (uintptr_t)(sign_bits))

static inline Py_ssize_t _PyLong_DigitCount(const PyLongObject *op) {
    return (Py_ssize_t)(op->long_value.lv_tag >> _PyLong_NON_SIZE_BITS);
}

/* Digit count with the sign of the value: the pre-3.12 "ob_size". */
static inline Py_ssize_t _PyLong_SignedDigitCount(const PyLongObject *op) {
    Py_ssize_t sign = 1 - (Py_ssize_t)(op->long_value.lv_tag & _PyLong_SIGN_MASK);
    return sign * _PyLong_DigitCount(op);
}

static inline int _PyLong_IsZero(const PyLongObject *op) {
    return (op->long_value.lv_tag & _PyLong_SIGN_MASK) == _PyLong_SIGN_ZERO;
}
static inline int _PyLong_IsNegative(const PyLongObject *op) {
    return (op->long_value.lv_tag & _PyLong_SIGN_MASK) == _PyLong_SIGN_NEGATIVE;
}
static inline int _PyLong_IsPositive(const PyLongObject *op) {
    return (op->long_value.lv_tag & _PyLong_SIGN_MASK) == _PyLong_SIGN_POSITIVE;
}
/* -1, 0 or 1. */
static inline int _PyLong_NonCompactSign(const PyLongObject *op) {
    return 1 - (int)(op->long_value.lv_tag & _PyLong_SIGN_MASK);
}
static inline int _PyLong_SameSign(const PyLongObject *a, const PyLongObject *b) {
    return (a->long_value.lv_tag & _PyLong_SIGN_MASK)
           == (b->long_value.lv_tag & _PyLong_SIGN_MASK);
}

static inline int _PyLong_IsCompact(const PyLongObject *op) {
    return op->long_value.lv_tag < (2 << _PyLong_NON_SIZE_BITS);
}
static inline int _PyLong_BothAreCompact(const PyLongObject *a,
                                         const PyLongObject *b) {
    return (a->long_value.lv_tag | b->long_value.lv_tag)
           < (2 << _PyLong_NON_SIZE_BITS);
}
static inline Py_ssize_t _PyLong_CompactValue(const PyLongObject *op) {
    Py_ssize_t sign = 1 - (Py_ssize_t)(op->long_value.lv_tag & _PyLong_SIGN_MASK);
    return sign * (Py_ssize_t)op->long_value.ob_digit[0];
}

/* Only for an object being built (not yet visible to anyone else).
   sign is -1, 0 or 1; zero must have size 0. */
static inline void _PyLong_SetSignAndDigitCount(PyLongObject *op, int sign,
                                                Py_ssize_t size) {
    op->long_value.lv_tag = _PyLong_TAG(1 - sign, size);
}
static inline void _PyLong_SetDigitCount(PyLongObject *op, Py_ssize_t size) {
    uintptr_t sign_bits = op->long_value.lv_tag & _PyLong_SIGN_MASK;
    op->long_value.lv_tag = _PyLong_TAG(sign_bits, size);
}
/* Negate in place; zero stays zero. */
static inline void _PyLong_FlipSign(PyLongObject *op) {
    uintptr_t flipped = 2 - (op->long_value.lv_tag & _PyLong_SIGN_MASK);
    op->long_value.lv_tag &= ~(uintptr_t)_PyLong_SIGN_MASK;
    op->long_value.lv_tag |= flipped;
}

/* ---- construction ----------------------------------------------------- */

/* A new exact int with room for size digits, tag set to "positive, size
   digits"; the caller fills the digits, then normalises.  NULL with
   MemoryError/OverflowError on failure. */
PyLongObject *_PyLong_New(Py_ssize_t size);
/* An int from a digit array (little-endian, base 2**30, may have leading
   zeros); returns the cached small int where one applies. */
PyAPI_FUNC(PyObject *) _PyLong_FromDigits(int negative, Py_ssize_t digit_count,
                                          const digit *digits);
/* A new exact int equal to src (which may be a subclass instance). */
PyAPI_FUNC(PyObject *) _PyLong_Copy(PyLongObject *src);
/* From a C integer too wide for PyLong_FromLong's fast path callers. */
PyAPI_FUNC(PyObject *) _PyLong_FromSTwoDigits(stwodigits x);
/* Release an exact int whose count just reached zero. */
PyAPI_FUNC(void) _PyLong_ExactDealloc(PyObject *self);

/* ---- arithmetic used by the VM's specialised instructions ------------- */

PyAPI_FUNC(PyObject *) _PyLong_Add(PyLongObject *left, PyLongObject *right);
PyAPI_FUNC(PyObject *) _PyLong_Subtract(PyLongObject *left, PyLongObject *right);
PyAPI_FUNC(PyObject *) _PyLong_Multiply(PyLongObject *left, PyLongObject *right);

/* a << shiftby and a >> shiftby for shiftby >= 0 (Python semantics:
   right shift floors).  a is an int. */
PyAPI_FUNC(PyObject *) _PyLong_Lshift(PyObject *a, int64_t shiftby);
PyAPI_FUNC(PyObject *) _PyLong_Rshift(PyObject *a, int64_t shiftby);

/* (q, r) with q = round(a / b) to nearest, ties to even, and r = a - q*b;
   a and b are ints, b != 0.  Used by round() and datetime.timedelta. */
PyAPI_FUNC(PyObject *) _PyLong_DivmodNear(PyObject *a, PyObject *b);

/* gcd(a, b) >= 0 of two ints. */
PyAPI_FUNC(PyObject *) _PyLong_GCD(PyObject *a, PyObject *b);

/* Number of bits in |v| (0 for zero).  v is an int; never fails. */
PyAPI_FUNC(int64_t) _PyLong_NumBits(PyObject *v);

/* m * 2**e with 0.5 <= |m| < 1 correctly rounded (half to even) to a
   double's precision; *e may exceed a double's exponent range.  Returns
   -1.0 with OverflowError only if *e would not fit in int64_t. */
PyAPI_FUNC(double) _PyLong_Frexp(PyLongObject *a, int64_t *e);

/* ---- conversion to and from text -------------------------------------- */

/* str(obj) in base 2, 8, 10 or 16 with the "0b"/"0o"/"0x" prefix for the
   non-decimal bases (bin(), oct(), hex()).  obj must be an int. */
PyAPI_FUNC(PyObject *) _PyLong_Format(PyObject *obj, int base);

/* int(bytes, base): parse a byte string (used by int() and
   PyNumber_Long for bytes and buffers).  The error message shows the
   bytes object's repr. */
PyAPI_FUNC(PyObject *) _PyLong_FromBytes(const char *s, Py_ssize_t len, int base);

/* int.__format__ minus the integer part: Python/formatter.c implements it.
   value is an int, format_spec a str. */
PyAPI_FUNC(PyObject *) _PyLong_FormatSpec(PyObject *value, PyObject *format_spec);

/* The limit on decimal digits for int <-> str conversion (sys.
   set_int_max_str_digits, PYTHONINTMAXSTRDIGITS, -X int_max_str_digits).
   0 means no limit.  Bases that are powers of two are never limited. */
#define _PY_LONG_DEFAULT_MAX_STR_DIGITS 4300
#define _PY_LONG_MAX_STR_DIGITS_THRESHOLD 640

PyAPI_FUNC(int) _Py_GetIntMaxStrDigits(void);
/* Sets the limit; -1 with ValueError "maxdigits must be 0 or larger than
   640" if maxdigits is neither 0 nor >= the threshold. */
PyAPI_FUNC(int) _Py_SetIntMaxStrDigits(int maxdigits);

/* The values of sys.int_info. */
typedef struct {
    int bits_per_digit;
    int sizeof_digit;
    int default_max_str_digits;
    int str_digits_check_threshold;
} _PyLongIntInfo;
PyAPI_FUNC(_PyLongIntInfo) _PyLong_GetIntInfo(void);

/* ---- Argument Clinic-style converters (for "O&" in PyArg_Parse*) -----
   Store an unsigned C integer from a non-negative int; 1 on success, 0
   with ValueError/OverflowError/TypeError set. */
PyAPI_FUNC(int) _PyLong_UnsignedShort_Converter(PyObject *, void *);
PyAPI_FUNC(int) _PyLong_UnsignedInt_Converter(PyObject *, void *);
PyAPI_FUNC(int) _PyLong_UnsignedLong_Converter(PyObject *, void *);
PyAPI_FUNC(int) _PyLong_UnsignedLongLong_Converter(PyObject *, void *);
PyAPI_FUNC(int) _PyLong_Size_t_Converter(PyObject *, void *);

#endif /* Py_INTERNAL_LONG_H */
