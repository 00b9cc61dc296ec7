/* Reading and writing one C value of a ctypes `_type_` code at an address.

   The codes are CPython's: b B h H i I l L q Q (integers), ? (_Bool),
   f d g (float, double, long double), F D G (their complex types, where
   libffi supports them), c (char), u (wchar_t), z (char *),
   Z (wchar_t *), P (void *), O (PyObject *), v (VARIANT_BOOL: a short
   holding 0 or -1, read as a bool).  Integers may be bit fields
   (bitsize > 0, counted from the least significant bit of the storage
   unit) and any arithmetic value may be stored in the other byte order.

   Thread safety: these functions touch only the memory they are given;
   whoever owns that memory decides who may write it, as in C. */
#include "ctypes.h"

#ifdef HAVE_LIBFFI

#include <stdbool.h>
#include <string.h>
#ifdef FFI_TARGET_HAS_COMPLEX_TYPE
#  include <complex.h>
#endif
#include <wchar.h>

typedef struct {
    char code;
    Py_ssize_t size;
    Py_ssize_t align;
    ffi_type *ffi;
    int is_signed;              /* integer codes only */
} code_info;

#define ALIGN_OF(t) ((Py_ssize_t)_Alignof(t))
#define ENTRY(c, t, f, s) {c, sizeof(t), ALIGN_OF(t), &f, s}

static const code_info code_table[] = {
    ENTRY('b', signed char, ffi_type_schar, 1),
    ENTRY('B', unsigned char, ffi_type_uchar, 0),
    ENTRY('h', short, ffi_type_sshort, 1),
    ENTRY('H', unsigned short, ffi_type_ushort, 0),
    ENTRY('i', int, ffi_type_sint, 1),
    ENTRY('I', unsigned int, ffi_type_uint, 0),
    ENTRY('l', long, ffi_type_slong, 1),
    ENTRY('L', unsigned long, ffi_type_ulong, 0),
    ENTRY('q', long long, ffi_type_sint64, 1),
    ENTRY('Q', unsigned long long, ffi_type_uint64, 0),
    ENTRY('?', bool, ffi_type_uchar, 0),
    ENTRY('f', float, ffi_type_float, 0),
    ENTRY('d', double, ffi_type_double, 0),
    ENTRY('g', long double, ffi_type_longdouble, 0),
    ENTRY('c', char, ffi_type_schar, 1),
    ENTRY('u', wchar_t, ffi_type_sint32, 1),
    ENTRY('z', char *, ffi_type_pointer, 0),
    ENTRY('Z', wchar_t *, ffi_type_pointer, 0),
    ENTRY('P', void *, ffi_type_pointer, 0),
    ENTRY('O', PyObject *, ffi_type_pointer, 0),
    ENTRY('v', short, ffi_type_sshort, 1),
#ifdef FFI_TARGET_HAS_COMPLEX_TYPE
    ENTRY('F', float _Complex, ffi_type_complex_float, 0),
    ENTRY('D', double _Complex, ffi_type_complex_double, 0),
    ENTRY('G', long double _Complex, ffi_type_complex_longdouble, 0),
#endif
};

#undef ENTRY

static const code_info *
find_code(char code)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(code_table); i++) {
        if (code_table[i].code == code) {
            return &code_table[i];
        }
    }
    return NULL;
}

static const code_info *
require_code(char code)
{
    const code_info *info = find_code(code);
    if (info == NULL) {
        PyErr_Format(PyExc_ValueError, "unknown ctypes type code '%c'", code);
    }
    return info;
}

int
_ctypes_code_info(char code, Py_ssize_t *size, Py_ssize_t *align)
{
    const code_info *info = require_code(code);
    if (info == NULL) {
        return -1;
    }
    *size = info->size;
    *align = info->align;
    return 0;
}

ffi_type *
_ctypes_code_ffi(char code)
{
    const code_info *info = find_code(code);
    return info ? info->ffi : NULL;
}

static int
is_integer_code(char code)
{
    return strchr("bBhHiIlLqQ", code) != NULL;
}

/* Copy n bytes, reversing their order when swap is set. */
static void
copy_bytes(void *dst, const void *src, Py_ssize_t n, int swap)
{
    if (!swap) {
        memcpy(dst, src, (size_t)n);
        return;
    }
    const unsigned char *s = src;
    unsigned char *d = dst;
    for (Py_ssize_t i = 0; i < n; i++) {
        d[i] = s[n - 1 - i];
    }
}

/* The storage unit of an integer code, zero-extended, in native order. */
static unsigned long long
load_unsigned(const char *addr, Py_ssize_t size, int swap)
{
    unsigned char buf[8];
    copy_bytes(buf, addr, size, swap);
    switch (size) {
    case 1: return *(uint8_t *)buf;
    case 2: { uint16_t v; memcpy(&v, buf, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, buf, 4); return v; }
    default: { uint64_t v; memcpy(&v, buf, 8); return v; }
    }
}

static void
store_unsigned(char *addr, Py_ssize_t size, unsigned long long value, int swap)
{
    unsigned char buf[8];
    switch (size) {
    case 1: buf[0] = (uint8_t)value; break;
    case 2: { uint16_t v = (uint16_t)value; memcpy(buf, &v, 2); break; }
    case 4: { uint32_t v = (uint32_t)value; memcpy(buf, &v, 4); break; }
    default: { uint64_t v = value; memcpy(buf, &v, 8); break; }
    }
    copy_bytes(addr, buf, size, swap);
}

static PyObject *
read_integer(const char *addr, const code_info *info, int swap,
             int bitsize, int bitoffset)
{
    int width = (int)info->size * 8;
    unsigned long long raw = load_unsigned(addr, info->size, swap);
    if (bitsize > 0) {
        width = bitsize;
        raw >>= bitoffset;
    }
    if (width < 64) {
        raw &= (1ULL << width) - 1;
    }
    if (info->is_signed) {
        long long value = (long long)raw;
        if (width < 64 && (raw >> (width - 1)) & 1) {
            value = (long long)(raw | ~((1ULL << width) - 1));
        }
        return PyLong_FromLongLong(value);
    }
    return PyLong_FromUnsignedLongLong(raw);
}

/* Integers are stored modulo 2**width, as C conversion does. */
static int
write_integer(char *addr, const code_info *info, PyObject *value, int swap,
              int bitsize, int bitoffset)
{
    PyObject *index = PyNumber_Index(value);
    if (index == NULL) {
        return -1;
    }
    unsigned long long bits = PyLong_AsUnsignedLongLongMask(index);
    Py_DECREF(index);
    if (bits == (unsigned long long)-1 && PyErr_Occurred()) {
        return -1;
    }
    if (bitsize > 0) {
        unsigned long long mask = (bitsize < 64 ? (1ULL << bitsize) - 1 : ~0ULL);
        unsigned long long unit = load_unsigned(addr, info->size, swap);
        unit &= ~(mask << bitoffset);
        unit |= (bits & mask) << bitoffset;
        bits = unit;
    }
    store_unsigned(addr, info->size, bits, swap);
    return 0;
}

static PyObject *
read_float(const char *addr, char code, int swap)
{
    switch (code) {
    case 'f': { float v; copy_bytes(&v, addr, sizeof v, swap); return PyFloat_FromDouble(v); }
    case 'd': { double v; copy_bytes(&v, addr, sizeof v, swap); return PyFloat_FromDouble(v); }
    default: { long double v; memcpy(&v, addr, sizeof v); return PyFloat_FromDouble((double)v); }
    }
}

static int
write_float(char *addr, char code, PyObject *value, int swap)
{
    double d = PyFloat_AsDouble(value);
    if (d == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "must be real number, not %.200s",
                         Py_TYPE(value)->tp_name);
        }
        return -1;
    }
    switch (code) {
    case 'f': { float v = (float)d; copy_bytes(addr, &v, sizeof v, swap); break; }
    case 'd': copy_bytes(addr, &d, sizeof d, swap); break;
    default: { long double v = d; memcpy(addr, &v, sizeof v); break; }
    }
    return 0;
}

#ifdef FFI_TARGET_HAS_COMPLEX_TYPE
static PyObject *
read_complex(const char *addr, char code)
{
    switch (code) {
    case 'F': { float _Complex v; memcpy(&v, addr, sizeof v);
                return PyComplex_FromDoubles(crealf(v), cimagf(v)); }
    case 'D': { double _Complex v; memcpy(&v, addr, sizeof v);
                return PyComplex_FromDoubles(creal(v), cimag(v)); }
    default: { long double _Complex v; memcpy(&v, addr, sizeof v);
               return PyComplex_FromDoubles((double)creall(v), (double)cimagl(v)); }
    }
}

static int
write_complex(char *addr, char code, PyObject *value)
{
    Py_complex c = PyComplex_AsCComplex(value);
    if (c.real == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "must be complex, not %.200s",
                         Py_TYPE(value)->tp_name);
        }
        return -1;
    }
    switch (code) {
    case 'F': { float _Complex v = CMPLXF((float)c.real, (float)c.imag);
                memcpy(addr, &v, sizeof v); break; }
    case 'D': { double _Complex v = CMPLX(c.real, c.imag);
                memcpy(addr, &v, sizeof v); break; }
    default: { long double _Complex v = CMPLXL(c.real, c.imag);
               memcpy(addr, &v, sizeof v); break; }
    }
    return 0;
}
#endif

static int
write_char(char *addr, PyObject *value)
{
    if (PyBytes_Check(value) && PyBytes_GET_SIZE(value) == 1) {
        *addr = PyBytes_AS_STRING(value)[0];
        return 0;
    }
    if (PyByteArray_Check(value) && PyByteArray_GET_SIZE(value) == 1) {
        *addr = PyByteArray_AS_STRING(value)[0];
        return 0;
    }
    if (PyLong_Check(value)) {
        long v = PyLong_AsLong(value);
        if (v >= 0 && v < 256) {
            *addr = (char)v;
            return 0;
        }
        if (v == -1 && PyErr_Occurred()) {
            PyErr_Clear();
        }
    }
    PyErr_SetString(PyExc_TypeError,
                    "one character bytes, bytearray or integer expected");
    return -1;
}

static int
write_wchar(char *addr, PyObject *value)
{
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "unicode string expected instead of %.200s instance",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    if (PyUnicode_GET_LENGTH(value) != 1) {
        PyErr_SetString(PyExc_TypeError, "one character unicode string expected");
        return -1;
    }
    wchar_t c = (wchar_t)PyUnicode_READ_CHAR(value, 0);
    memcpy(addr, &c, sizeof c);
    return 0;
}

static PyObject *
read_pointer_value(const char *addr)
{
    void *p;
    memcpy(&p, addr, sizeof p);
    if (p == NULL) {
        Py_RETURN_NONE;
    }
    return PyLong_FromVoidPtr(p);
}

static int
store_pointer(char *addr, const void *p)
{
    memcpy(addr, &p, sizeof p);
    return 0;
}

/* An int or None as an address; 1 if value was one of those. */
static int
integer_address(PyObject *value, void **out)
{
    if (value == Py_None) {
        *out = NULL;
        return 1;
    }
    if (PyLong_Check(value)) {
        *out = PyLong_AsVoidPtr(value);
        if (*out == NULL && PyErr_Occurred()) {
            /* Negative addresses wrap, as a C cast would. */
            PyErr_Clear();
            *out = (void *)(uintptr_t)PyLong_AsUnsignedLongLongMask(value);
        }
        return 1;
    }
    return 0;
}

static int
write_char_p(char *addr, PyObject *value, PyObject **keep)
{
    void *p;
    if (integer_address(value, &p)) {
        return store_pointer(addr, p);
    }
    if (PyBytes_Check(value)) {
        *keep = Py_NewRef(value);
        return store_pointer(addr, PyBytes_AS_STRING(value));
    }
    PyErr_Format(PyExc_TypeError,
                 "bytes or integer address expected instead of %.200s instance",
                 Py_TYPE(value)->tp_name);
    return -1;
}

/* A str is copied into a NUL-terminated wchar_t array held by a bytes
   object, which the caller keeps alive in _objects. */
static int
write_wchar_p(char *addr, PyObject *value, PyObject **keep)
{
    void *p;
    if (integer_address(value, &p)) {
        return store_pointer(addr, p);
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "unicode string or integer address expected instead of "
                     "%.200s instance", Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(value);
    PyObject *holder = PyBytes_FromStringAndSize(NULL, (n + 1) * (Py_ssize_t)sizeof(wchar_t));
    if (holder == NULL) {
        return -1;
    }
    wchar_t *w = (wchar_t *)PyBytes_AS_STRING(holder);
    if (PyUnicode_AsWideChar(value, w, n + 1) < 0) {
        Py_DECREF(holder);
        return -1;
    }
    w[n] = 0;
    *keep = holder;
    return store_pointer(addr, w);
}

static PyObject *
read_char_p(const char *addr)
{
    const char *p;
    memcpy(&p, addr, sizeof p);
    if (p == NULL) {
        Py_RETURN_NONE;
    }
    return PyBytes_FromString(p);
}

static PyObject *
read_wchar_p(const char *addr)
{
    const wchar_t *p;
    memcpy(&p, addr, sizeof p);
    if (p == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromWideChar(p, (Py_ssize_t)wcslen(p));
}

static PyObject *
read_object(const char *addr)
{
    PyObject *p;
    memcpy(&p, addr, sizeof p);
    if (p == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyObject is NULL");
        return NULL;
    }
    return Py_NewRef(p);
}

PyObject *
_ctypes_read(const char *addr, char code, int swap, int bitsize, int bitoffset)
{
    const code_info *info = require_code(code);
    if (info == NULL) {
        return NULL;
    }
    if (is_integer_code(code)) {
        return read_integer(addr, info, swap, bitsize, bitoffset);
    }
    switch (code) {
    case '?': {
        unsigned long long raw = load_unsigned(addr, 1, 0);
        if (bitsize > 0) {
            raw = (raw >> bitoffset) & ((1ULL << bitsize) - 1);
        }
        return PyBool_FromLong(raw != 0);
    }
    case 'f': case 'd': case 'g':
        return read_float(addr, code, swap);
#ifdef FFI_TARGET_HAS_COMPLEX_TYPE
    case 'F': case 'D': case 'G':
        return read_complex(addr, code);
#endif
    case 'v': {
        short v;
        memcpy(&v, addr, sizeof v);
        return PyBool_FromLong(v != 0);
    }
    case 'c':
        return PyBytes_FromStringAndSize(addr, 1);
    case 'u': {
        wchar_t c;
        memcpy(&c, addr, sizeof c);
        return PyUnicode_FromWideChar(&c, 1);
    }
    case 'z': return read_char_p(addr);
    case 'Z': return read_wchar_p(addr);
    case 'P': return read_pointer_value(addr);
    default: return read_object(addr);
    }
}

int
_ctypes_write(char *addr, char code, PyObject *value, int swap,
              int bitsize, int bitoffset, PyObject **keep)
{
    *keep = NULL;
    const code_info *info = require_code(code);
    if (info == NULL) {
        return -1;
    }
    if (is_integer_code(code)) {
        return write_integer(addr, info, value, swap, bitsize, bitoffset);
    }
    switch (code) {
    case '?': {
        int truth = PyObject_IsTrue(value);
        if (truth < 0) {
            return -1;
        }
        if (bitsize > 0) {
            unsigned char unit = (unsigned char)*addr;
            unit &= (unsigned char)~(((1U << bitsize) - 1) << bitoffset);
            unit |= (unsigned char)(truth << bitoffset);
            *addr = (char)unit;
        }
        else {
            *(bool *)addr = truth;
        }
        return 0;
    }
    case 'f': case 'd': case 'g':
        return write_float(addr, code, value, swap);
#ifdef FFI_TARGET_HAS_COMPLEX_TYPE
    case 'F': case 'D': case 'G':
        return write_complex(addr, code, value);
#endif
    case 'v': {
        int truth = PyObject_IsTrue(value);
        if (truth < 0) {
            return -1;
        }
        short v = truth ? -1 : 0;
        memcpy(addr, &v, sizeof v);
        return 0;
    }
    case 'c':
        return write_char(addr, value);
    case 'u':
        return write_wchar(addr, value);
    case 'z':
        return write_char_p(addr, value, keep);
    case 'Z':
        return write_wchar_p(addr, value, keep);
    case 'P': {
        void *p;
        if (integer_address(value, &p)) {
            return store_pointer(addr, p);
        }
        PyErr_SetString(PyExc_TypeError, "cannot be converted to pointer");
        return -1;
    }
    default:
        /* The stored reference is borrowed: *keep holds the object. */
        *keep = Py_NewRef(value);
        return store_pointer(addr, value);
    }
}

#endif /* HAVE_LIBFFI */
