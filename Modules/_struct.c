/* _struct: conversion between Python values and C structs packed in bytes.

   A format string compiles once into a Struct: a flat list of fields,
   each with its code, byte offset and width.  A compiled Struct never
   changes afterwards, so packing and unpacking read it without locks.

   The module keeps a cache of compiled formats for the module-level
   functions.  It is a dict created by the module's exec and never
   replaced; dict operations are atomic on their own (DESIGN.md section
   5), so concurrent lookups and insertions need no further lock.  Two
   threads compiling the same new format both succeed; PyDict_SetDefaultRef
   keeps one of the two. */
#include "Python.h"

#include <float.h>
#include <limits.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define MAX_CACHE 100

/* struct.error and the format cache: made by the first exec (under the
   import lock) and never replaced. */
static PyObject *struct_error;
static PyObject *format_cache;

static PyTypeObject Struct_Type;
static PyTypeObject UnpackIter_Type;

/* ---- format codes -------------------------------------------------------- */

enum byte_order { ORDER_NATIVE, ORDER_LITTLE, ORDER_BIG };

typedef enum {
    KIND_PAD, KIND_CHAR, KIND_BOOL, KIND_SIGNED, KIND_UNSIGNED,
    KIND_POINTER, KIND_HALF, KIND_FLOAT, KIND_DOUBLE,
    KIND_COMPLEX_FLOAT, KIND_COMPLEX_DOUBLE, KIND_STRING, KIND_PASCAL,
} Kind;

typedef struct {
    char code;
    Kind kind;
    unsigned char std_size;     /* 0: native mode only */
    unsigned char native_size;
    unsigned char native_align;
} CodeInfo;

static const CodeInfo code_table[] = {
    {'x', KIND_PAD, 1, 1, 1},
    {'c', KIND_CHAR, 1, 1, 1},
    {'b', KIND_SIGNED, 1, 1, 1},
    {'B', KIND_UNSIGNED, 1, 1, 1},
    {'?', KIND_BOOL, 1, sizeof(_Bool), alignof(_Bool)},
    {'h', KIND_SIGNED, 2, sizeof(short), alignof(short)},
    {'H', KIND_UNSIGNED, 2, sizeof(short), alignof(short)},
    {'i', KIND_SIGNED, 4, sizeof(int), alignof(int)},
    {'I', KIND_UNSIGNED, 4, sizeof(int), alignof(int)},
    {'l', KIND_SIGNED, 4, sizeof(long), alignof(long)},
    {'L', KIND_UNSIGNED, 4, sizeof(long), alignof(long)},
    {'q', KIND_SIGNED, 8, sizeof(long long), alignof(long long)},
    {'Q', KIND_UNSIGNED, 8, sizeof(long long), alignof(long long)},
    {'n', KIND_SIGNED, 0, sizeof(Py_ssize_t), alignof(Py_ssize_t)},
    {'N', KIND_UNSIGNED, 0, sizeof(size_t), alignof(size_t)},
    {'P', KIND_POINTER, 0, sizeof(void *), alignof(void *)},
    {'e', KIND_HALF, 2, 2, alignof(short)},
    {'f', KIND_FLOAT, 4, sizeof(float), alignof(float)},
    {'d', KIND_DOUBLE, 8, sizeof(double), alignof(double)},
    {'F', KIND_COMPLEX_FLOAT, 8, 2 * sizeof(float), alignof(float)},
    {'D', KIND_COMPLEX_DOUBLE, 16, 2 * sizeof(double), alignof(double)},
    {'s', KIND_STRING, 1, 1, 1},
    {'p', KIND_PASCAL, 1, 1, 1},
};

static const CodeInfo *
find_code(char c)
{
    for (size_t i = 0; i < sizeof(code_table) / sizeof(code_table[0]); i++) {
        if (code_table[i].code == c) {
            return &code_table[i];
        }
    }
    return NULL;
}

/* One code of a compiled format.  For 's' and 'p' `size` is the whole
   string length and `count` is 1; other codes stand for `count` values of
   `size` bytes each, packed one after the other from `offset`. */
typedef struct {
    const CodeInfo *info;
    Py_ssize_t offset;
    Py_ssize_t size;
    Py_ssize_t count;
} Field;

typedef struct {
    PyObject_HEAD
    PyObject *format;           /* str; immutable after creation */
    Py_ssize_t size;            /* bytes of packed data */
    Py_ssize_t nitems;          /* values packed and unpacked */
    enum byte_order order;
    Py_ssize_t nfields;
    Field *fields;              /* nfields entries; pads are left out */
    PyObject *weakreflist;
} StructObject;

/* Methods of a Struct whose __init__ never ran fail cleanly. */
static int
check_compiled(StructObject *s)
{
    if (s->format == NULL) {
        PyErr_SetString(PyExc_RuntimeError,
                        "Struct object is not initialized");
        return -1;
    }
    return 0;
}

/* ---- compiling a format -------------------------------------------------- */

static int
is_format_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

static enum byte_order
native_order(void)
{
    const uint16_t one = 1;
    return *(const char *)&one ? ORDER_LITTLE : ORDER_BIG;
}

/* Read a repeat count at *pos, if any; -1 on overflow. */
static Py_ssize_t
read_count(const char *fmt, Py_ssize_t *pos, int *present)
{
    Py_ssize_t count = 0;
    *present = 0;
    while (fmt[*pos] >= '0' && fmt[*pos] <= '9') {
        int digit = fmt[*pos] - '0';
        if (count > (PY_SSIZE_T_MAX - digit) / 10) {
            return -1;
        }
        count = count * 10 + digit;
        (*pos)++;
        *present = 1;
    }
    return count;
}

static int
too_long(void)
{
    PyErr_SetString(struct_error, "total struct size too long");
    return -1;
}

/* Walk the format: with fields == NULL, count fields and compute the
   size; otherwise also fill fields[].  0 or -1 with struct.error set. */
static int
walk_format(const char *fmt, Py_ssize_t len, int native, Field *fields,
            Py_ssize_t *nfields_out, Py_ssize_t *size_out,
            Py_ssize_t *nitems_out)
{
    Py_ssize_t pos = 0, size = 0, nfields = 0, nitems = 0;
    if (len > 0 && strchr("@=<>!", fmt[0]) != NULL) {
        pos = 1;
    }
    while (pos < len) {
        if (is_format_space(fmt[pos])) {
            pos++;
            continue;
        }
        int present;
        Py_ssize_t count = read_count(fmt, &pos, &present);
        if (count < 0) {
            return too_long();
        }
        if (pos >= len) {
            PyErr_SetString(struct_error,
                            "repeat count given without format specifier");
            return -1;
        }
        if (!present) {
            count = 1;
        }
        const CodeInfo *info = find_code(fmt[pos++]);
        if (info == NULL || (!native && info->std_size == 0)) {
            PyErr_SetString(struct_error, "bad char in struct format");
            return -1;
        }
        Py_ssize_t width = native ? info->native_size : info->std_size;
        if (native && info->native_align > 1) {
            Py_ssize_t align = info->native_align;
            if (size > PY_SSIZE_T_MAX - align) {
                return too_long();
            }
            size = (size + align - 1) / align * align;
        }
        if (count > 0 && width > (PY_SSIZE_T_MAX - size) / count) {
            return too_long();
        }
        if (info->kind == KIND_STRING || info->kind == KIND_PASCAL) {
            if (fields != NULL) {
                fields[nfields] = (Field){info, size, count, 1};
            }
            nfields++;
            nitems++;
            size += count;
            continue;
        }
        /* A repeated code is one field, so a huge count costs nothing
           until values are packed. */
        if (info->kind != KIND_PAD && count > 0) {
            if (fields != NULL) {
                fields[nfields] = (Field){info, size, width, count};
            }
            nfields++;
            nitems += count;
        }
        size += width * count;
    }
    *nfields_out = nfields;
    *size_out = size;
    *nitems_out = nitems;
    return 0;
}

/* Compile `format` (str or bytes) into self; 0 or -1. */
static int
struct_compile(StructObject *self, PyObject *format)
{
    PyObject *text;
    if (PyUnicode_Check(format)) {
        text = Py_NewRef(format);
    }
    else if (PyBytes_Check(format)) {
        text = PyUnicode_DecodeASCII(PyBytes_AS_STRING(format),
                                     PyBytes_GET_SIZE(format), NULL);
        if (text == NULL) {
            return -1;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "Struct() argument 1 must be a str or bytes object, "
                     "not %.200s", Py_TYPE(format)->tp_name);
        return -1;
    }
    Py_ssize_t len;
    const char *fmt = PyUnicode_AsUTF8AndSize(text, &len);
    if (fmt == NULL) {
        Py_DECREF(text);
        return -1;
    }
    if ((Py_ssize_t)strlen(fmt) != len) {
        Py_DECREF(text);
        PyErr_SetString(struct_error, "embedded null character");
        return -1;
    }
    int native = len == 0 || fmt[0] == '@' ||
                 strchr("=<>!", fmt[0]) == NULL;
    Py_ssize_t nfields, size, nitems;
    if (walk_format(fmt, len, native, NULL, &nfields, &size, &nitems) < 0) {
        Py_DECREF(text);
        return -1;
    }
    Field *fields = PyMem_New(Field, nfields ? nfields : 1);
    if (fields == NULL) {
        Py_DECREF(text);
        PyErr_NoMemory();
        return -1;
    }
    walk_format(fmt, len, native, fields, &nfields, &size, &nitems);
    switch (len ? fmt[0] : '@') {
    case '<':
        self->order = ORDER_LITTLE;
        break;
    case '>':
    case '!':
        self->order = ORDER_BIG;
        break;
    case '=':
        self->order = native_order();
        break;
    default:
        self->order = ORDER_NATIVE;
    }
    PyMem_Free(self->fields);
    self->fields = fields;
    self->nfields = nfields;
    self->size = size;
    self->nitems = nitems;
    Py_XSETREF(self->format, text);
    return 0;
}

/* ---- integers ------------------------------------------------------------- */

static int
field_little(const StructObject *s)
{
    enum byte_order order = s->order == ORDER_NATIVE ? native_order()
                                                     : s->order;
    return order == ORDER_LITTLE;
}

static void
store_uint(char *p, uint64_t v, Py_ssize_t width, int little)
{
    for (Py_ssize_t i = 0; i < width; i++) {
        p[little ? i : width - 1 - i] = (char)(v & 0xff);
        v >>= 8;
    }
}

static uint64_t
load_uint(const char *p, Py_ssize_t width, int little)
{
    uint64_t v = 0;
    for (Py_ssize_t i = 0; i < width; i++) {
        v = (v << 8) | (unsigned char)p[little ? width - 1 - i : i];
    }
    return v;
}

static int
range_error(const Field *f)
{
    int bits = (int)(f->size * 8);
    char code = f->info->code;
    if (f->info->kind == KIND_SIGNED) {
        long long max = (long long)((~0ULL) >> (65 - bits));
        long long min = -max - 1;
        if (code == 'b' || code == 'h') {
            PyErr_Format(struct_error, "%s format requires %lld <= number "
                         "<= %lld", code == 'b' ? "byte" : "short", min, max);
        }
        else {
            PyErr_Format(struct_error, "'%c' format requires %lld <= number "
                         "<= %lld", code, min, max);
        }
    }
    else {
        unsigned long long max = (~0ULL) >> (64 - bits);
        if (code == 'B' || code == 'H') {
            PyErr_Format(struct_error, "%s format requires 0 <= number <= "
                         "%llu", code == 'B' ? "ubyte" : "ushort", max);
        }
        else {
            PyErr_Format(struct_error, "'%c' format requires 0 <= number <= "
                         "%llu", code, max);
        }
    }
    return -1;
}

/* The argument as an int, or struct.error if it has no __index__. */
static PyObject *
as_index(PyObject *v)
{
    if (PyLong_Check(v)) {
        return Py_NewRef(v);
    }
    if (Py_TYPE(v)->tp_as_number == NULL ||
        Py_TYPE(v)->tp_as_number->nb_index == NULL) {
        PyErr_SetString(struct_error, "required argument is not an integer");
        return NULL;
    }
    return PyNumber_Index(v);
}

static int
pack_integer(const StructObject *s, const Field *f, char *p, PyObject *v)
{
    PyObject *num = as_index(v);
    if (num == NULL) {
        return -1;
    }
    int bits = (int)(f->size * 8);
    uint64_t raw;
    if (f->info->kind == KIND_SIGNED) {
        int overflow;
        long long x = PyLong_AsLongLongAndOverflow(num, &overflow);
        Py_DECREF(num);
        if (x == -1 && PyErr_Occurred()) {
            return -1;
        }
        long long max = (long long)((~0ULL) >> (65 - bits));
        if (overflow || x > max || x < -max - 1) {
            return range_error(f);
        }
        raw = (uint64_t)x;
    }
    else {
        int negative = _PyLong_Sign(num) < 0;
        unsigned long long x = negative ? 0 : PyLong_AsUnsignedLongLong(num);
        Py_DECREF(num);
        if (x == (unsigned long long)-1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                return -1;
            }
            PyErr_Clear();
            return range_error(f);
        }
        if (negative || (bits < 64 && x > (~0ULL) >> (64 - bits))) {
            return range_error(f);
        }
        raw = x;
    }
    store_uint(p, raw, f->size, field_little(s));
    return 0;
}

static PyObject *
unpack_integer(const StructObject *s, const Field *f, const char *p)
{
    uint64_t raw = load_uint(p, f->size, field_little(s));
    if (f->info->kind == KIND_UNSIGNED) {
        return PyLong_FromUnsignedLongLong(raw);
    }
    int bits = (int)(f->size * 8);
    if (bits < 64 && (raw >> (bits - 1)) & 1) {
        raw |= ~0ULL << bits;
    }
    return PyLong_FromLongLong((long long)raw);
}

/* ---- floats --------------------------------------------------------------- */

static int
get_double(PyObject *v, double *out)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_SetString(struct_error, "required argument is not a float");
        }
        return -1;
    }
    *out = x;
    return 0;
}

static int
pack_real(char *p, double x, Py_ssize_t width, int little)
{
    switch (width) {
    case 2:
        return PyFloat_Pack2(x, p, little);
    case 4:
        return PyFloat_Pack4(x, p, little);
    default:
        return PyFloat_Pack8(x, p, little);
    }
}

static double
unpack_real(const char *p, Py_ssize_t width, int little)
{
    switch (width) {
    case 2:
        return PyFloat_Unpack2(p, little);
    case 4:
        return PyFloat_Unpack4(p, little);
    default:
        return PyFloat_Unpack8(p, little);
    }
}

static int
pack_complex(const StructObject *s, const Field *f, char *p, PyObject *v)
{
    Py_complex c = PyComplex_AsCComplex(v);
    if (c.real == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_SetString(struct_error,
                            "required argument is not a complex");
        }
        return -1;
    }
    Py_ssize_t half = f->size / 2;
    int little = field_little(s);
    if (pack_real(p, c.real, half, little) < 0) {
        return -1;
    }
    return pack_real(p + half, c.imag, half, little);
}

/* ---- packing and unpacking ------------------------------------------------ */

static int
pack_string(const Field *f, char *p, PyObject *v)
{
    const char *data;
    Py_ssize_t len;
    if (PyBytes_Check(v)) {
        data = PyBytes_AS_STRING(v);
        len = PyBytes_GET_SIZE(v);
    }
    else if (PyByteArray_Check(v)) {
        data = PyByteArray_AS_STRING(v);
        len = PyByteArray_GET_SIZE(v);
    }
    else {
        PyErr_Format(struct_error, "argument for '%c' must be a bytes object",
                     f->info->code);
        return -1;
    }
    Py_ssize_t room = f->size;
    char *dest = p;
    if (f->info->kind == KIND_PASCAL) {
        if (room == 0) {
            return 0;
        }
        room--;
        dest++;
    }
    Py_ssize_t n = len < room ? len : room;
    memcpy(dest, data, n);
    if (f->info->kind == KIND_PASCAL) {
        *p = (char)(unsigned char)(n > 255 ? 255 : n);
    }
    return 0;
}

/* Pack one value into the field at p (already zeroed). */
static int
pack_field(const StructObject *s, const Field *f, char *p, PyObject *v)
{
    double x;
    switch (f->info->kind) {
    case KIND_CHAR:
        if (!PyBytes_Check(v) || PyBytes_GET_SIZE(v) != 1) {
            PyErr_SetString(struct_error,
                            "char format requires a bytes object of length 1");
            return -1;
        }
        *p = PyBytes_AS_STRING(v)[0];
        return 0;
    case KIND_BOOL: {
        int truth = PyObject_IsTrue(v);
        if (truth < 0) {
            return -1;
        }
        *p = (char)truth;
        return 0;
    }
    case KIND_SIGNED:
    case KIND_UNSIGNED:
        return pack_integer(s, f, p, v);
    case KIND_POINTER: {
        PyObject *num = as_index(v);
        if (num == NULL) {
            return -1;
        }
        void *ptr = PyLong_AsVoidPtr(num);
        Py_DECREF(num);
        if (ptr == NULL && PyErr_Occurred()) {
            return -1;
        }
        memcpy(p, &ptr, sizeof(ptr));
        return 0;
    }
    case KIND_HALF:
    case KIND_FLOAT:
    case KIND_DOUBLE:
        if (get_double(v, &x) < 0) {
            return -1;
        }
        return pack_real(p, x, f->size, field_little(s));
    case KIND_COMPLEX_FLOAT:
    case KIND_COMPLEX_DOUBLE:
        return pack_complex(s, f, p, v);
    case KIND_STRING:
    case KIND_PASCAL:
        return pack_string(f, p, v);
    case KIND_PAD:
        break;
    }
    return 0;
}

static PyObject *
unpack_field(const StructObject *s, const Field *f, const char *p)
{
    int little = field_little(s);
    switch (f->info->kind) {
    case KIND_CHAR:
        return PyBytes_FromStringAndSize(p, 1);
    case KIND_BOOL:
        return PyBool_FromLong(*p != 0);
    case KIND_SIGNED:
    case KIND_UNSIGNED:
        return unpack_integer(s, f, p);
    case KIND_POINTER: {
        void *ptr;
        memcpy(&ptr, p, sizeof(ptr));
        return PyLong_FromVoidPtr(ptr);
    }
    case KIND_HALF:
    case KIND_FLOAT:
    case KIND_DOUBLE: {
        double x = unpack_real(p, f->size, little);
        if (x == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return PyFloat_FromDouble(x);
    }
    case KIND_COMPLEX_FLOAT:
    case KIND_COMPLEX_DOUBLE: {
        Py_ssize_t half = f->size / 2;
        double re = unpack_real(p, half, little);
        double im = unpack_real(p + half, half, little);
        if (PyErr_Occurred()) {
            return NULL;
        }
        return PyComplex_FromDoubles(re, im);
    }
    case KIND_STRING:
        return PyBytes_FromStringAndSize(p, f->size);
    case KIND_PASCAL: {
        if (f->size == 0) {
            return PyBytes_FromStringAndSize(NULL, 0);
        }
        Py_ssize_t n = (unsigned char)p[0];
        if (n >= f->size) {
            n = f->size - 1;
        }
        return PyBytes_FromStringAndSize(p + 1, n);
    }
    case KIND_PAD:
        break;
    }
    Py_RETURN_NONE;
}

/* Pack values[0..nitems) into buf (s->size bytes). */
static int
pack_values(const StructObject *s, char *buf, PyObject *const *values)
{
    memset(buf, 0, s->size);
    Py_ssize_t v = 0;
    for (Py_ssize_t i = 0; i < s->nfields; i++) {
        const Field *f = &s->fields[i];
        for (Py_ssize_t k = 0; k < f->count; k++) {
            if (pack_field(s, f, buf + f->offset + k * f->size, values[v++]) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static PyObject *
unpack_values(const StructObject *s, const char *buf)
{
    PyObject *result = PyTuple_New(s->nitems);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < s->nfields; i++) {
        const Field *f = &s->fields[i];
        for (Py_ssize_t k = 0; k < f->count; k++) {
            PyObject *v = unpack_field(s, f, buf + f->offset + k * f->size);
            if (v == NULL) {
                Py_DECREF(result);
                return NULL;
            }
            PyTuple_SET_ITEM(result, n++, v);
        }
    }
    return result;
}

/* ---- Struct methods -------------------------------------------------------- */

static PyObject *
s_pack_impl(StructObject *s, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_compiled(s) < 0) {
        return NULL;
    }
    if (nargs != s->nitems) {
        PyErr_Format(struct_error,
                     "pack expected %zd items for packing (got %zd)",
                     s->nitems, nargs);
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, s->size);
    if (result == NULL) {
        return NULL;
    }
    if (pack_values(s, PyBytes_AS_STRING(result), args) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* Resolve a possibly negative offset into a buffer of buflen bytes for
   `need` bytes; -1 with struct.error set when it does not fit. */
static Py_ssize_t
resolve_offset(const char *what, Py_ssize_t offset, Py_ssize_t need,
               Py_ssize_t buflen)
{
    int packing = what[0] == 'p';
    if (offset < 0) {
        if (offset + need > 0) {
            PyErr_Format(struct_error, packing
                         ? "no space to pack %zd bytes at offset %zd"
                         : "not enough data to unpack %zd bytes at offset %zd",
                         need, offset);
            return -1;
        }
        if (offset + buflen < 0) {
            PyErr_Format(struct_error, "offset %zd out of range for %zd-byte "
                         "buffer", offset, buflen);
            return -1;
        }
        offset += buflen;
    }
    if (buflen - offset < need) {
        PyErr_Format(struct_error, packing
                     ? "pack_into requires a buffer of at least %zu bytes for "
                       "packing %zd bytes at offset %zd (actual buffer size "
                       "is %zd)"
                     : "unpack_from requires a buffer of at least %zu bytes "
                       "for unpacking %zd bytes at offset %zd (actual buffer "
                       "size is %zd)",
                     (size_t)need + (size_t)offset, need, offset, buflen);
        return -1;
    }
    return offset;
}

static PyObject *
s_pack_into_impl(StructObject *s, PyObject *const *args, Py_ssize_t nargs)
{
    if (check_compiled(s) < 0) {
        return NULL;
    }
    if (nargs != s->nitems + 2) {
        if (nargs == 0) {
            PyErr_SetString(struct_error, "pack_into expected buffer "
                            "argument");
        }
        else if (nargs == 1) {
            PyErr_SetString(struct_error, "pack_into expected offset "
                            "argument");
        }
        else {
            PyErr_Format(struct_error, "pack_into expected %zd items for "
                         "packing (got %zd)", s->nitems, nargs - 2);
        }
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_WRITABLE) < 0) {
        if (PyErr_ExceptionMatches(PyExc_BufferError) ||
            PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "argument must be read-write "
                         "bytes-like object, not %.100s",
                         Py_TYPE(args[0])->tp_name);
        }
        return NULL;
    }
    Py_ssize_t offset = PyNumber_AsSsize_t(args[1], PyExc_IndexError);
    if (offset == -1 && PyErr_Occurred()) {
        PyBuffer_Release(&view);
        return NULL;
    }
    offset = resolve_offset("pack_into", offset, s->size, view.len);
    if (offset < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    /* Pack into a private copy first: a failing value leaves the target
       untouched and other threads never see a half-packed record. */
    char small[64];
    char *tmp = s->size <= (Py_ssize_t)sizeof(small) ? small
                                                     : PyMem_Malloc(s->size);
    if (tmp == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    int rc = pack_values(s, tmp, args + 2);
    if (rc == 0) {
        memcpy((char *)view.buf + offset, tmp, s->size);
    }
    if (tmp != small) {
        PyMem_Free(tmp);
    }
    PyBuffer_Release(&view);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
s_unpack_impl(StructObject *s, PyObject *buffer)
{
    if (check_compiled(s) < 0) {
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    if (view.len != s->size) {
        PyErr_Format(struct_error, "unpack requires a buffer of %zd bytes",
                     s->size);
    }
    else {
        result = unpack_values(s, view.buf);
    }
    PyBuffer_Release(&view);
    return result;
}

static PyObject *
s_unpack_from_impl(StructObject *s, PyObject *buffer, Py_ssize_t offset)
{
    if (check_compiled(s) < 0) {
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    offset = resolve_offset("unpack_from", offset, s->size, view.len);
    if (offset >= 0) {
        result = unpack_values(s, (const char *)view.buf + offset);
    }
    PyBuffer_Release(&view);
    return result;
}

/* ---- the unpack iterator ------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    StructObject *s;            /* owned; immutable */
    Py_buffer view;             /* released when exhausted (critical section) */
    Py_ssize_t index;           /* next offset; guarded by the critical
                                   section in the free-threaded build */
} UnpackIterObject;

static PyObject *
s_iter_unpack_impl(StructObject *s, PyObject *buffer)
{
    if (check_compiled(s) < 0) {
        return NULL;
    }
    if (s->size == 0) {
        PyErr_SetString(struct_error,
                        "cannot iteratively unpack with a struct of length 0");
        return NULL;
    }
    UnpackIterObject *it = PyObject_GC_New(UnpackIterObject,
                                           &UnpackIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->s = NULL;
    it->index = 0;
    if (PyObject_GetBuffer(buffer, &it->view, PyBUF_SIMPLE) < 0) {
        it->view.obj = NULL;
        Py_DECREF(it);
        return NULL;
    }
    if (it->view.len % s->size != 0) {
        PyErr_Format(struct_error, "iterative unpacking requires a buffer of "
                     "a multiple of %zd bytes", s->size);
        Py_DECREF(it);
        return NULL;
    }
    it->s = (StructObject *)Py_NewRef(s);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
unpackiter_dealloc(PyObject *op)
{
    UnpackIterObject *it = (UnpackIterObject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->s);
    if (it->view.obj != NULL) {
        PyBuffer_Release(&it->view);
    }
    PyObject_GC_Del(op);
}

static int
unpackiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    UnpackIterObject *it = (UnpackIterObject *)op;
    Py_VISIT(it->s);
    Py_VISIT(it->view.obj);
    return 0;
}

static PyObject *
unpackiter_next(PyObject *op)
{
    UnpackIterObject *it = (UnpackIterObject *)op;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (it->view.obj != NULL) {
        if (it->index + it->s->size <= it->view.len) {
            result = unpack_values(it->s, (const char *)it->view.buf +
                                          it->index);
            it->index += it->s->size;
        }
        else {
            PyBuffer_Release(&it->view);
            it->view.obj = NULL;
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
unpackiter_length_hint(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    UnpackIterObject *it = (UnpackIterObject *)op;
    Py_ssize_t left = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (it->view.obj != NULL) {
        left = (it->view.len - it->index) / it->s->size;
    }
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(left);
}

static PyMethodDef unpackiter_methods[] = {
    {"__length_hint__", unpackiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject UnpackIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(UnpackIterObject),
    .tp_dealloc = unpackiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = unpackiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unpackiter_next,
    .tp_methods = unpackiter_methods,
    .tp_free = PyObject_GC_Del,
};

/* ---- the Struct type ------------------------------------------------------- */

/* A subclass whose __init__ takes other arguments gets an uncompiled
   object here and compiles it in Struct.__init__. */
static PyObject *
struct_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"format", NULL};
    PyObject *format;
    int custom_init = type != &Struct_Type &&
                      type->tp_init != Struct_Type.tp_init;
    Py_ssize_t given = PyTuple_GET_SIZE(args) +
                       (kwargs != NULL ? PyDict_GET_SIZE(kwargs) : 0);
    if (custom_init && given != 1) {
        return type->tp_alloc(type, 0);
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:Struct", keywords,
                                     &format)) {
        return NULL;
    }
    StructObject *self = (StructObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    if (struct_compile(self, format) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* Compiles a Struct that __new__ left uncompiled; otherwise only checks
   its arguments, so that a compiled Struct, which other threads may be
   reading, never changes. */
static int
struct_init(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"format", NULL};
    StructObject *self = (StructObject *)op;
    PyObject *format;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:Struct", keywords,
                                     &format)) {
        return -1;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->format == NULL) {
        rc = struct_compile(self, format);
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static void
struct_dealloc(PyObject *op)
{
    StructObject *self = (StructObject *)op;
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    Py_XDECREF(self->format);
    PyMem_Free(self->fields);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *
struct_pack(PyObject *op, PyObject *const *args, Py_ssize_t nargs,
            PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("pack", kwnames)) {
        return NULL;
    }
    return s_pack_impl((StructObject *)op, args, nargs);
}

static PyObject *
struct_pack_into(PyObject *op, PyObject *const *args, Py_ssize_t nargs,
                 PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("pack_into", kwnames)) {
        return NULL;
    }
    return s_pack_into_impl((StructObject *)op, args, nargs);
}

static PyObject *
struct_unpack(PyObject *op, PyObject *buffer)
{
    return s_unpack_impl((StructObject *)op, buffer);
}

static PyObject *
struct_unpack_from(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"buffer", "offset", NULL};
    PyObject *buffer;
    Py_ssize_t offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|n:unpack_from",
                                     keywords, &buffer, &offset)) {
        return NULL;
    }
    return s_unpack_from_impl((StructObject *)op, buffer, offset);
}

static PyObject *
struct_iter_unpack(PyObject *op, PyObject *buffer)
{
    return s_iter_unpack_impl((StructObject *)op, buffer);
}

static PyObject *
struct_sizeof(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    StructObject *self = (StructObject *)op;
    size_t size = (size_t)Py_TYPE(op)->tp_basicsize +
                  (size_t)self->nfields * sizeof(Field);
    return PyLong_FromSize_t(size);
}

static PyObject *
struct_get_format(PyObject *op, void *Py_UNUSED(closure))
{
    StructObject *self = (StructObject *)op;
    if (check_compiled(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self->format);
}

static PyObject *
struct_get_size(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(((StructObject *)op)->size);
}

static PyObject *
struct_repr(PyObject *op)
{
    StructObject *self = (StructObject *)op;
    if (self->format == NULL) {
        return PyUnicode_FromFormat("<%s object at %p>",
                                    Py_TYPE(op)->tp_name, op);
    }
    return PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(op)),
                                self->format);
}

static PyMethodDef struct_methods[] = {
    {"iter_unpack", struct_iter_unpack, METH_O,
     "iter_unpack($self, buffer, /)\n--\n\n"
     "Return an iterator yielding tuples."},
    {"pack", _PyCFunction_CAST(struct_pack), METH_FASTCALL | METH_KEYWORDS,
     "S.pack(v1, v2, ...) -> bytes\n\n"
     "Return a bytes object containing values v1, v2, ... packed according "
     "to the format string S.format."},
    {"pack_into", _PyCFunction_CAST(struct_pack_into),
     METH_FASTCALL | METH_KEYWORDS,
     "S.pack_into(buffer, offset, v1, v2, ...)\n\n"
     "Pack the values v1, v2, ... according to the format string S.format "
     "and write the packed bytes into the writable buffer buf starting at "
     "offset."},
    {"unpack", struct_unpack, METH_O,
     "unpack($self, buffer, /)\n--\n\n"
     "Return a tuple containing unpacked values."},
    {"unpack_from", _PyCFunction_CAST(struct_unpack_from),
     METH_VARARGS | METH_KEYWORDS,
     "unpack_from($self, /, buffer, offset=0)\n--\n\n"
     "Return a tuple containing unpacked values."},
    {"__sizeof__", struct_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nThe memory this Struct uses, in bytes."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef struct_getset[] = {
    {"format", struct_get_format, NULL, "struct format string", NULL},
    {"size", struct_get_size, NULL, "struct size in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Struct_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(StructObject),
    .tp_dealloc = struct_dealloc,
    .tp_repr = struct_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Struct(format)\n--\n\n"
              "Create a compiled struct object.\n\n"
              "Return a new Struct object which writes and reads binary data "
              "according to the format string.",
    .tp_weaklistoffset = offsetof(StructObject, weakreflist),
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
    .tp_init = struct_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = struct_new,
    .tp_free = PyObject_Free,
};

/* ---- module functions (through the cache) --------------------------------- */

/* A new reference to the compiled Struct for `format`. */
static StructObject *
cached_struct(PyObject *format)
{
    PyObject *s;
    if (PyDict_GetItemRef(format_cache, format, &s) < 0) {
        return NULL;
    }
    if (s != NULL) {
        return (StructObject *)s;
    }
    s = PyObject_CallOneArg((PyObject *)&Struct_Type, format);
    if (s == NULL) {
        return NULL;
    }
    if (PyDict_GET_SIZE(format_cache) >= MAX_CACHE) {
        PyDict_Clear(format_cache);
    }
    PyObject *kept;
    if (PyDict_SetDefaultRef(format_cache, format, s, &kept) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    Py_DECREF(s);
    return (StructObject *)kept;
}

static PyObject *
mod_pack(PyObject *Py_UNUSED(module), PyObject *const *args,
         Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    StructObject *s = cached_struct(args[0]);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = s_pack_impl(s, args + 1, nargs - 1);
    Py_DECREF(s);
    return result;
}

static PyObject *
mod_pack_into(PyObject *Py_UNUSED(module), PyObject *const *args,
              Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    StructObject *s = cached_struct(args[0]);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = s_pack_into_impl(s, args + 1, nargs - 1);
    Py_DECREF(s);
    return result;
}

static PyObject *
mod_unpack(PyObject *Py_UNUSED(module), PyObject *const *args,
           Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("unpack", nargs, 2, 2)) {
        return NULL;
    }
    StructObject *s = cached_struct(args[0]);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = s_unpack_impl(s, args[1]);
    Py_DECREF(s);
    return result;
}

static PyObject *
mod_unpack_from(PyObject *Py_UNUSED(module), PyObject *args,
                PyObject *kwargs)
{
    static char *keywords[] = {"", "buffer", "offset", NULL};
    PyObject *format, *buffer;
    Py_ssize_t offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|n:unpack_from",
                                     keywords, &format, &buffer, &offset)) {
        return NULL;
    }
    StructObject *s = cached_struct(format);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = s_unpack_from_impl(s, buffer, offset);
    Py_DECREF(s);
    return result;
}

static PyObject *
mod_iter_unpack(PyObject *Py_UNUSED(module), PyObject *const *args,
                Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("iter_unpack", nargs, 2, 2)) {
        return NULL;
    }
    StructObject *s = cached_struct(args[0]);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = s_iter_unpack_impl(s, args[1]);
    Py_DECREF(s);
    return result;
}

static PyObject *
mod_calcsize(PyObject *Py_UNUSED(module), PyObject *format)
{
    StructObject *s = cached_struct(format);
    if (s == NULL) {
        return NULL;
    }
    Py_ssize_t size = s->size;
    Py_DECREF(s);
    return PyLong_FromSsize_t(size);
}

static PyObject *
mod_clearcache(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear(format_cache);
    Py_RETURN_NONE;
}

static PyMethodDef struct_module_methods[] = {
    {"_clearcache", mod_clearcache, METH_NOARGS,
     "_clearcache($module, /)\n--\n\nClear the internal cache."},
    {"calcsize", mod_calcsize, METH_O,
     "calcsize($module, format, /)\n--\n\n"
     "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", _PyCFunction_CAST(mod_iter_unpack), METH_FASTCALL,
     "iter_unpack($module, format, buffer, /)\n--\n\n"
     "Return an iterator yielding tuples unpacked from the given bytes."},
    {"pack", _PyCFunction_CAST(mod_pack), METH_FASTCALL,
     "pack(format, v1, v2, ...) -> bytes\n\n"
     "Return a bytes object containing the values v1, v2, ... packed "
     "according to the format string."},
    {"pack_into", _PyCFunction_CAST(mod_pack_into), METH_FASTCALL,
     "pack_into(format, buffer, offset, v1, v2, ...)\n\n"
     "Pack the values v1, v2, ... according to the format string and write "
     "the packed bytes into the writable buffer buf starting at offset."},
    {"unpack", _PyCFunction_CAST(mod_unpack), METH_FASTCALL,
     "unpack($module, format, buffer, /)\n--\n\n"
     "Return a tuple containing values unpacked according to the format "
     "string."},
    {"unpack_from", _PyCFunction_CAST(mod_unpack_from),
     METH_VARARGS | METH_KEYWORDS,
     "unpack_from($module, format, /, buffer, offset=0)\n--\n\n"
     "Return a tuple containing values unpacked according to the format "
     "string."},
    {NULL, NULL, 0, NULL},
};

static int
struct_exec(PyObject *module)
{
    if (struct_error == NULL) {
        struct_error = PyErr_NewException("struct.error", NULL, NULL);
        if (struct_error == NULL) {
            return -1;
        }
    }
    if (format_cache == NULL) {
        format_cache = PyDict_New();
        if (format_cache == NULL) {
            return -1;
        }
    }
    if (PyType_Ready(&Struct_Type) < 0 ||
        PyType_Ready(&UnpackIter_Type) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "error", struct_error) < 0 ||
        PyModule_AddObjectRef(module, "Struct",
                              (PyObject *)&Struct_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot struct_slots[] = {
    {Py_mod_exec, struct_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef struct_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_struct",
    .m_doc = "Functions to convert between Python values and C structs.\n"
             "Python bytes objects are used to hold the data representing "
             "the C struct\nand also as format strings (explained below) to "
             "describe the layout of data\nin the C struct.",
    .m_size = 0,
    .m_methods = struct_module_methods,
    .m_slots = struct_slots,
};

PyMODINIT_FUNC
PyInit__struct(void)
{
    return PyModuleDef_Init(&struct_module);
}
