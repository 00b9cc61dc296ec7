/* int, full API: the object layout and version-specific functions.

   Representation (see also Include/internal/pycore_long.h):

   An int is a sign and a magnitude.  The magnitude is stored little-endian
   in base 2**30: ob_digit[0] is the least significant "digit", each digit a
   uint32_t holding 30 bits (the top two bits are always zero, which leaves
   room for carries in the arithmetic loops).  lv_tag packs the rest:

       lv_tag = (number_of_digits << 3) | sign_bits
       sign_bits: 0 = positive, 1 = zero, 2 = negative  (bit 2 unused)

   The magnitude is normalised: ob_digit[number_of_digits - 1] != 0, and
   zero has no digits.  At least one digit is always allocated, and a zero
   has ob_digit[0] == 0, so a value with at most one digit ("compact") is
   read as (1 - sign_bits) * ob_digit[0] without a branch. */
#ifndef Py_CPYTHON_LONGOBJECT_H
#define Py_CPYTHON_LONGOBJECT_H

typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;

#define PyLong_SHIFT 30
#define _PyLong_DECIMAL_SHIFT 9
#define _PyLong_DECIMAL_BASE ((digit)1000000000)
#define PyLong_BASE ((digit)1 << PyLong_SHIFT)
#define PyLong_MASK ((digit)(PyLong_BASE - 1))

typedef struct _PyLongValue {
    uintptr_t lv_tag;
    digit ob_digit[1];
} _PyLongValue;

struct _longobject {
    PyObject_HEAD
    _PyLongValue long_value;
};

#define _PyLong_SIGN_MASK 3
#define _PyLong_NON_SIZE_BITS 3

/* True when op holds at most one digit: |op| < 2**30. */
static inline int PyUnstable_Long_IsCompact(const PyLongObject *op) {
    return op->long_value.lv_tag < (2 << _PyLong_NON_SIZE_BITS);
}
#define PyUnstable_Long_IsCompact(op) \
    PyUnstable_Long_IsCompact(_Py_CAST(const PyLongObject *, (op)))

/* The value of a compact int (PyUnstable_Long_IsCompact is true). */
static inline Py_ssize_t PyUnstable_Long_CompactValue(const PyLongObject *op) {
    Py_ssize_t sign = 1 - (Py_ssize_t)(op->long_value.lv_tag & _PyLong_SIGN_MASK);
    return sign * (Py_ssize_t)op->long_value.ob_digit[0];
}
#define PyUnstable_Long_CompactValue(op) \
    PyUnstable_Long_CompactValue(_Py_CAST(const PyLongObject *, (op)))

PyAPI_FUNC(PyObject *) PyLong_FromUnicodeObject(PyObject *u, int base);

/* Sign tests (3.14): 1 or 0; -1 with TypeError if obj is not an int. */
PyAPI_FUNC(int) PyLong_IsPositive(PyObject *obj);
PyAPI_FUNC(int) PyLong_IsNegative(PyObject *obj);
PyAPI_FUNC(int) PyLong_IsZero(PyObject *obj);
/* Store -1, 0 or 1 in *sign; -1 with TypeError if obj is not an int. */
PyAPI_FUNC(int) PyLong_GetSign(PyObject *obj, int *sign);

/* -1, 0 or 1.  v must be an int. */
PyAPI_FUNC(int) _PyLong_Sign(PyObject *v);

/* Two's-complement (is_signed) or unsigned byte strings <-> int. */
PyAPI_FUNC(PyObject *) _PyLong_FromByteArray(const unsigned char *bytes,
                                             size_t n, int little_endian,
                                             int is_signed);
/* Returns 0, or -1 with OverflowError set when v does not fit (if
   with_exceptions is false, -1 without an exception and the low bytes
   written). */
PyAPI_FUNC(int) _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes,
                                    size_t n, int little_endian,
                                    int is_signed, int with_exceptions);

/* PEP 757: import and export of the magnitude as an array of digits. */
typedef struct PyLongLayout {
    uint8_t bits_per_digit;
    uint8_t digit_size;
    int8_t digits_order;
    int8_t digit_endianness;
} PyLongLayout;

PyAPI_FUNC(const PyLongLayout *) PyLong_GetNativeLayout(void);

typedef struct PyLongExport {
    int64_t value;
    uint8_t negative;
    Py_ssize_t ndigits;
    const void *digits;
    /* Private: the exported object, released by PyLong_FreeExport. */
    uintptr_t _reserved;
} PyLongExport;

PyAPI_FUNC(int) PyLong_Export(PyObject *obj, PyLongExport *export_long);
PyAPI_FUNC(void) PyLong_FreeExport(PyLongExport *export_long);

typedef struct PyLongWriter PyLongWriter;
PyAPI_FUNC(PyLongWriter *) PyLongWriter_Create(int negative,
                                               Py_ssize_t ndigits,
                                               void **digits);
PyAPI_FUNC(PyObject *) PyLongWriter_Finish(PyLongWriter *writer);
PyAPI_FUNC(void) PyLongWriter_Discard(PyLongWriter *writer);

#endif /* Py_CPYTHON_LONGOBJECT_H */
