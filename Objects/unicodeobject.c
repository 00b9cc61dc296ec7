/* str: storage, construction, interning, hashing and comparison, and the
   type object.

   The storage rules (PEP 393 compact kinds, canonical form, the caches and
   how they are published in the free-threaded build) are described in
   Include/internal/pycore_unicodeobject.h.  Strings are immutable once
   returned by a constructor, so nothing here takes a per-object lock; the
   only shared mutable state is the lazily filled caches (atomics) and the
   intern table (a PyMutex). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_unicodeobject.h"
#include "pycore_unicodectype.h"
#include "pycore_long.h"
#include "pycore_format.h"

/* ---- the static singletons --------------------------------------------- */

/* The empty string and the latin-1 characters are static objects whose
   headers make them immortal.  The ASCII ones are PyASCIIObjects; the
   others carry their 2-byte UTF-8 form inline so that AsUTF8 never has to
   fill a cache on them. */
typedef struct {
    PyASCIIObject ob;
    Py_UCS1 data[2];
} ascii_static_t;

typedef struct {
    PyCompactUnicodeObject ob;
    Py_UCS1 data[2];
    char utf8[3];
} latin1_static_t;

#define STATIC_STATE(is_ascii) \
    { SSTATE_NOT_INTERNED, PyUnicode_1BYTE_KIND, 1, (is_ascii), 1 }

static ascii_static_t empty_string = {
    .ob = {
        .ob_base = _PyObject_HEAD_INIT(&PyUnicode_Type),
        .length = 0,
        .hash = -1,
        .state = STATIC_STATE(1),
    },
    .data = { 0, 0 },
};

#define ASCII_CHAR(c) {                                                 \
        .ob = {                                                         \
            .ob_base = _PyObject_HEAD_INIT(&PyUnicode_Type),             \
            .length = 1,                                                \
            .hash = -1,                                                 \
            .state = STATIC_STATE(1),                                   \
        },                                                              \
        .data = { (c), 0 },                                             \
    }
#define ASCII_CHARS4(c) ASCII_CHAR(c), ASCII_CHAR((c) + 1), \
    ASCII_CHAR((c) + 2), ASCII_CHAR((c) + 3)
#define ASCII_CHARS16(c) ASCII_CHARS4(c), ASCII_CHARS4((c) + 4), \
    ASCII_CHARS4((c) + 8), ASCII_CHARS4((c) + 12)
#define ASCII_CHARS64(c) ASCII_CHARS16(c), ASCII_CHARS16((c) + 16), \
    ASCII_CHARS16((c) + 32), ASCII_CHARS16((c) + 48)

static ascii_static_t ascii_chars[128] = {
    ASCII_CHARS64(0), ASCII_CHARS64(64),
};

#define LATIN1_CHAR(c) {                                                \
        .ob = {                                                         \
            ._base = {                                                  \
                .ob_base = _PyObject_HEAD_INIT(&PyUnicode_Type),         \
                .length = 1,                                            \
                .hash = -1,                                             \
                .state = STATIC_STATE(0),                               \
            },                                                          \
            .utf8_length = 2,                                           \
            .utf8 = latin1_chars[(c) - 128].utf8,                       \
        },                                                              \
        .data = { (c), 0 },                                             \
        .utf8 = { (char)(0xC0 | ((c) >> 6)), (char)(0x80 | ((c) & 0x3F)), 0 }, \
    }
#define LATIN1_CHARS4(c) LATIN1_CHAR(c), LATIN1_CHAR((c) + 1), \
    LATIN1_CHAR((c) + 2), LATIN1_CHAR((c) + 3)
#define LATIN1_CHARS16(c) LATIN1_CHARS4(c), LATIN1_CHARS4((c) + 4), \
    LATIN1_CHARS4((c) + 8), LATIN1_CHARS4((c) + 12)
#define LATIN1_CHARS64(c) LATIN1_CHARS16(c), LATIN1_CHARS16((c) + 16), \
    LATIN1_CHARS16((c) + 32), LATIN1_CHARS16((c) + 48)

static latin1_static_t latin1_chars[128] = {
    LATIN1_CHARS64(128), LATIN1_CHARS64(192),
};

PyObject *
_PyUnicode_GetEmpty(void)
{
    return (PyObject *)&empty_string;
}

PyObject *
_PyUnicode_Latin1Char(Py_UCS1 ch)
{
    if (ch < 128) {
        return (PyObject *)&ascii_chars[ch];
    }
    return (PyObject *)&latin1_chars[ch - 128];
}

/* New references to the singletons (immortal, so no count is written). */
PyObject *
_Py_unicode_new_empty(void)
{
    return (PyObject *)&empty_string;
}

PyObject *
_Py_unicode_char(Py_UCS4 ch)
{
    if (ch < 256) {
        return _PyUnicode_Latin1Char((Py_UCS1)ch);
    }
    PyObject *s = PyUnicode_New(1, ch);
    if (s == NULL) {
        return NULL;
    }
    PyUnicode_WRITE(PyUnicode_KIND(s), PyUnicode_DATA(s), 0, ch);
    return s;
}

/* ---- allocation ---------------------------------------------------------- */

PyObject *
PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
{
    if (size == 0) {
        return _Py_unicode_new_empty();
    }
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyUnicode_New");
        return NULL;
    }
    if (maxchar > MAX_UNICODE) {
        PyErr_SetString(PyExc_SystemError,
                        "invalid maximum character passed to PyUnicode_New");
        return NULL;
    }
    int is_ascii = maxchar < 128;
    int kind = _Py_unicode_kind_for_maxchar(maxchar);
    size_t struct_size = is_ascii ? sizeof(PyASCIIObject)
                                  : sizeof(PyCompactUnicodeObject);
    if ((size_t)size > (PY_SSIZE_T_MAX - struct_size) / (size_t)kind - 1) {
        return PyErr_NoMemory();
    }
    PyObject *obj = PyObject_Malloc(struct_size + ((size_t)size + 1) * kind);
    if (obj == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init(obj, &PyUnicode_Type);
    PyASCIIObject *a = _PyASCIIObject_CAST(obj);
    a->length = size;
    a->hash = -1;
    a->state.interned = SSTATE_NOT_INTERNED;
    a->state.kind = (unsigned int)kind;
    a->state.compact = 1;
    a->state.ascii = (unsigned int)is_ascii;
    a->state.statically_allocated = 0;
    if (!is_ascii) {
        PyCompactUnicodeObject *c = _PyCompactUnicodeObject_CAST(obj);
        c->utf8 = NULL;
        c->utf8_length = 0;
    }
    PyUnicode_WRITE(kind, PyUnicode_DATA(obj), size, 0);
    return obj;
}

/* Shrink or grow a compact str nobody else can see yet (its only
   reference is the caller's) to `length` characters of the same kind.
   Returns the possibly moved object, or NULL (and frees it) on error. */
PyObject *
_Py_unicode_resize_compact(PyObject *unicode, Py_ssize_t length)
{
    int kind = PyUnicode_KIND(unicode);
    size_t struct_size = PyUnicode_IS_ASCII(unicode)
        ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
    if ((size_t)length > (PY_SSIZE_T_MAX - struct_size) / (size_t)kind - 1) {
        Py_DECREF(unicode);
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *resized = PyObject_Realloc(unicode,
                                         struct_size + ((size_t)length + 1) * kind);
    if (resized == NULL) {
        Py_DECREF(unicode);
        PyErr_NoMemory();
        return NULL;
    }
    _PyASCIIObject_CAST(resized)->length = length;
    _PyASCIIObject_CAST(resized)->hash = -1;
    PyUnicode_WRITE(kind, PyUnicode_DATA(resized), length, 0);
    return resized;
}

static void
unicode_dealloc(PyObject *unicode)
{
    if (PyUnicode_CHECK_INTERNED(unicode) != SSTATE_NOT_INTERNED
        || _PyASCIIObject_CAST(unicode)->state.statically_allocated) {
        /* Interned and static strings are immortal: reaching here means a
           reference count bug somewhere.  Restore immortality. */
        _Py_SetImmortal(unicode);
        return;
    }
    if (!PyUnicode_IS_ASCII(unicode)) {
        PyMem_Free(_PyCompactUnicodeObject_CAST(unicode)->utf8);
    }
    if (!PyUnicode_IS_COMPACT(unicode)) {
        PyObject_Free(_PyUnicodeObject_CAST(unicode)->data.any);
    }
    Py_TYPE(unicode)->tp_free(unicode);
}

/* ---- scanning buffers ---------------------------------------------------- */

Py_UCS4
_Py_ucs1_maxchar(const Py_UCS1 *s, Py_ssize_t n)
{
    Py_UCS1 max = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        max |= s[i];
    }
    /* The OR is a cheap upper bound; refine only when it crossed 127. */
    if (max < 128) {
        return max;
    }
    max = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] > max) {
            max = s[i];
        }
    }
    return max;
}

Py_UCS4
_Py_ucs2_maxchar(const Py_UCS2 *s, Py_ssize_t n)
{
    Py_UCS2 max = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] > max) {
            max = s[i];
        }
    }
    return max;
}

Py_UCS4
_Py_ucs4_maxchar(const Py_UCS4 *s, Py_ssize_t n)
{
    Py_UCS4 max = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] > max) {
            max = s[i];
        }
    }
    return max;
}

Py_UCS4
_Py_buffer_maxchar(int kind, const void *data, Py_ssize_t n)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        return _Py_ucs1_maxchar(data, n);
    case PyUnicode_2BYTE_KIND:
        return _Py_ucs2_maxchar(data, n);
    default:
        return _Py_ucs4_maxchar(data, n);
    }
}

Py_UCS4
_PyUnicode_FindMaxChar(PyObject *unicode, Py_ssize_t start, Py_ssize_t end)
{
    if (start >= end) {
        return 127;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        return 127;
    }
    int kind = PyUnicode_KIND(unicode);
    const char *data = PyUnicode_DATA(unicode);
    return _Py_buffer_maxchar(kind, data + start * kind, end - start);
}

/* Copy n characters between buffers of possibly different kinds; the
   destination kind must hold every source character. */
void
_Py_copy_characters(int to_kind, void *to, Py_ssize_t to_start,
                    int from_kind, const void *from, Py_ssize_t from_start,
                    Py_ssize_t n)
{
    if (n <= 0) {
        return;
    }
    if (to_kind == from_kind) {
        memmove((char *)to + to_start * to_kind,
                (const char *)from + from_start * from_kind,
                (size_t)n * to_kind);
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyUnicode_WRITE(to_kind, to, to_start + i,
                        PyUnicode_READ(from_kind, from, from_start + i));
    }
}

/* ---- construction from buffers ------------------------------------------- */

PyObject *
_PyUnicode_FromUCS1(const Py_UCS1 *s, Py_ssize_t size)
{
    if (size == 0) {
        return _Py_unicode_new_empty();
    }
    if (size == 1) {
        return _PyUnicode_Latin1Char(s[0]);
    }
    PyObject *res = PyUnicode_New(size, _Py_ucs1_maxchar(s, size));
    if (res == NULL) {
        return NULL;
    }
    memcpy(PyUnicode_1BYTE_DATA(res), s, (size_t)size);
    return res;
}

PyObject *
_PyUnicode_FromUCS2(const Py_UCS2 *s, Py_ssize_t size)
{
    if (size == 0) {
        return _Py_unicode_new_empty();
    }
    Py_UCS4 max = _Py_ucs2_maxchar(s, size);
    if (size == 1) {
        return _Py_unicode_char(max);
    }
    PyObject *res = PyUnicode_New(size, max);
    if (res == NULL) {
        return NULL;
    }
    if (max >= 256) {
        memcpy(PyUnicode_2BYTE_DATA(res), s, (size_t)size * 2);
    }
    else {
        _Py_copy_characters(PyUnicode_1BYTE_KIND, PyUnicode_DATA(res), 0,
                            PyUnicode_2BYTE_KIND, s, 0, size);
    }
    return res;
}

PyObject *
_PyUnicode_FromUCS4(const Py_UCS4 *s, Py_ssize_t size)
{
    if (size == 0) {
        return _Py_unicode_new_empty();
    }
    Py_UCS4 max = _Py_ucs4_maxchar(s, size);
    if (max > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError,
                        "character U+110000 is not in range [U+0000; U+10ffff]");
        return NULL;
    }
    if (size == 1) {
        return _Py_unicode_char(max);
    }
    PyObject *res = PyUnicode_New(size, max);
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    _Py_copy_characters(kind, PyUnicode_DATA(res), 0,
                        PyUnicode_4BYTE_KIND, s, 0, size);
    return res;
}

/* A new canonical str from any buffer of the given kind. */
PyObject *
_Py_unicode_from_kind(int kind, const void *data, Py_ssize_t size)
{
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        return _PyUnicode_FromUCS1(data, size);
    case PyUnicode_2BYTE_KIND:
        return _PyUnicode_FromUCS2(data, size);
    default:
        return _PyUnicode_FromUCS4(data, size);
    }
}

PyObject *
PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return NULL;
    }
    if (kind != PyUnicode_1BYTE_KIND && kind != PyUnicode_2BYTE_KIND
        && kind != PyUnicode_4BYTE_KIND) {
        PyErr_SetString(PyExc_SystemError, "invalid kind");
        return NULL;
    }
    return _Py_unicode_from_kind(kind, buffer, size);
}

PyObject *
_PyUnicode_FromASCII(const char *buffer, Py_ssize_t size)
{
    if (size == 1) {
        return _PyUnicode_Latin1Char((Py_UCS1)buffer[0]);
    }
    PyObject *res = PyUnicode_New(size, 127);
    if (res == NULL) {
        return NULL;
    }
    memcpy(PyUnicode_1BYTE_DATA(res), buffer, (size_t)size);
    return res;
}

PyObject *
PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    if (u != NULL) {
        return PyUnicode_DecodeUTF8Stateful(u, size, NULL, NULL);
    }
    if (size > 0) {
        PyErr_SetString(PyExc_SystemError,
                        "NULL string with positive size with NULL passed to "
                        "PyUnicode_FromStringAndSize");
        return NULL;
    }
    return _Py_unicode_new_empty();
}

PyObject *
PyUnicode_FromString(const char *u)
{
    size_t size = strlen(u);
    if (size > PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "input too long");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, (Py_ssize_t)size, NULL, NULL);
}

PyObject *
PyUnicode_FromOrdinal(int ordinal)
{
    if (ordinal < 0 || ordinal > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError,
                        "chr() arg not in range(0x110000)");
        return NULL;
    }
    return _Py_unicode_char((Py_UCS4)ordinal);
}

PyObject *
PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size)
{
    if (w == NULL && size != 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size == -1) {
        size = (Py_ssize_t)wcslen(w);
    }
    /* wchar_t is UTF-32 on every platform this builds on. */
    Py_BUILD_ASSERT(sizeof(wchar_t) == 4);
    return _PyUnicode_FromUCS4((const Py_UCS4 *)w, size);
}

Py_ssize_t
PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w, Py_ssize_t size)
{
    if (unicode == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (w == NULL) {
        return len + 1;
    }
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    Py_ssize_t n = len < size ? len : size;
    for (Py_ssize_t i = 0; i < n; i++) {
        w[i] = (wchar_t)PyUnicode_READ(kind, data, i);
    }
    if (n < size) {
        w[n] = 0;
    }
    return n;
}

wchar_t *
PyUnicode_AsWideCharString(PyObject *unicode, Py_ssize_t *size)
{
    if (unicode == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    wchar_t *buf = PyMem_New(wchar_t, len + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyUnicode_AsWideChar(unicode, buf, len + 1);
    if (size != NULL) {
        *size = len;
    }
    else if (wcslen(buf) != (size_t)len) {
        PyMem_Free(buf);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return buf;
}

Py_UCS4 *
PyUnicode_AsUCS4(PyObject *unicode, Py_UCS4 *buffer, Py_ssize_t buflen,
                 int copy_null)
{
    if (unicode == NULL || !PyUnicode_Check(unicode) || buffer == NULL
        || buflen < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (buflen < len + (copy_null != 0)) {
        PyErr_SetString(PyExc_SystemError, "string is longer than the buffer");
        if (copy_null && buflen > 0) {
            buffer[0] = 0;
        }
        return NULL;
    }
    _Py_copy_characters(PyUnicode_4BYTE_KIND, buffer, 0, PyUnicode_KIND(unicode),
                        PyUnicode_DATA(unicode), 0, len);
    if (copy_null) {
        buffer[len] = 0;
    }
    return buffer;
}

Py_UCS4 *
PyUnicode_AsUCS4Copy(PyObject *unicode)
{
    if (unicode == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    Py_UCS4 *buffer = PyMem_New(Py_UCS4, len + 1);
    if (buffer == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return PyUnicode_AsUCS4(unicode, buffer, len + 1, 1);
}

Py_ssize_t
PyUnicode_GetLength(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    return PyUnicode_GET_LENGTH(unicode);
}

Py_UCS4
PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return (Py_UCS4)-1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return (Py_UCS4)-1;
    }
    return PyUnicode_READ_CHAR(unicode, index);
}

/* Strings may be modified only while nobody else can see them: freshly
   made, exact str, not shared, not interned, hash not yet computed. */
static int
unicode_modifiable(PyObject *unicode)
{
    return PyUnicode_CheckExact(unicode)
           && _PyObject_IsUniquelyReferenced(unicode)
           && PyUnicode_CHECK_INTERNED(unicode) == SSTATE_NOT_INTERNED
           && !_PyASCIIObject_CAST(unicode)->state.statically_allocated
           && _PyASCIIObject_CAST(unicode)->hash == -1
           && (PyUnicode_IS_ASCII(unicode)
               || _PyCompactUnicodeObject_CAST(unicode)->utf8 == NULL);
}

int
PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 ch)
{
    if (!PyUnicode_Check(unicode) || !PyUnicode_IS_COMPACT(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (!unicode_modifiable(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (ch > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    PyUnicode_WRITE(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), index, ch);
    return 0;
}

Py_ssize_t
PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                         Py_ssize_t from_start, Py_ssize_t how_many)
{
    if (!PyUnicode_Check(from) || !PyUnicode_Check(to)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t from_len = PyUnicode_GET_LENGTH(from);
    Py_ssize_t to_len = PyUnicode_GET_LENGTH(to);
    if ((size_t)from_start > (size_t)from_len) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if ((size_t)to_start > (size_t)to_len) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    how_many = Py_MIN(from_len - from_start, how_many);
    how_many = Py_MIN(to_len - to_start, how_many);
    if (how_many <= 0) {
        return 0;
    }
    if (!unicode_modifiable(to)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    Py_UCS4 max = _PyUnicode_FindMaxChar(from, from_start, from_start + how_many);
    if (max > PyUnicode_MAX_CHAR_VALUE(to)) {
        PyErr_Format(PyExc_SystemError,
                     "Cannot write %zi characters at %zi in a string of "
                     "%zi characters", how_many, to_start, to_len);
        return -1;
    }
    _Py_copy_characters(PyUnicode_KIND(to), PyUnicode_DATA(to), to_start,
                        PyUnicode_KIND(from), PyUnicode_DATA(from), from_start,
                        how_many);
    return how_many;
}

Py_ssize_t
PyUnicode_Fill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length,
               Py_UCS4 fill_char)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!unicode_modifiable(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (fill_char > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "fill character is bigger than "
                        "the string maximum character");
        return -1;
    }
    if (start < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    Py_ssize_t maxlen = PyUnicode_GET_LENGTH(unicode) - start;
    length = Py_MIN(maxlen, length);
    if (length <= 0) {
        return 0;
    }
    _Py_fill_characters(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode),
                        fill_char, start, length);
    return length;
}

void
_Py_fill_characters(int kind, void *data, Py_UCS4 ch, Py_ssize_t start,
                    Py_ssize_t n)
{
    if (n <= 0) {
        return;
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        memset((Py_UCS1 *)data + start, (int)ch, (size_t)n);
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyUnicode_WRITE(kind, data, start + i, ch);
    }
}

int
PyUnicode_Resize(PyObject **p_unicode, Py_ssize_t length)
{
    if (p_unicode == NULL || *p_unicode == NULL || !PyUnicode_Check(*p_unicode)
        || length < 0) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *unicode = *p_unicode;
    Py_ssize_t old_length = PyUnicode_GET_LENGTH(unicode);
    if (old_length == length) {
        return 0;
    }
    if (length == 0) {
        Py_SETREF(*p_unicode, _Py_unicode_new_empty());
        return 0;
    }
    if (!unicode_modifiable(unicode) || !PyUnicode_IS_COMPACT(unicode)
        || (old_length == 1 && _PyASCIIObject_CAST(unicode)->state.statically_allocated)) {
        /* Copy into a new string. */
        PyObject *copy = PyUnicode_New(length, PyUnicode_MAX_CHAR_VALUE(unicode));
        if (copy == NULL) {
            return -1;
        }
        Py_ssize_t n = Py_MIN(length, old_length);
        _Py_copy_characters(PyUnicode_KIND(copy), PyUnicode_DATA(copy), 0,
                            PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), 0, n);
        Py_SETREF(*p_unicode, copy);
        return 0;
    }
    PyObject *resized = _Py_unicode_resize_compact(unicode, length);
    *p_unicode = resized;
    return resized == NULL ? -1 : 0;
}

PyObject *
PyUnicode_Substring(PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    if (!PyUnicode_Check(self)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(self);
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    end = Py_MIN(end, length);
    if (start == 0 && end == length) {
        return _Py_unicode_result_unchanged(self);
    }
    if (start >= end) {
        return _Py_unicode_new_empty();
    }
    int kind = PyUnicode_KIND(self);
    const char *data = PyUnicode_DATA(self);
    if (PyUnicode_IS_ASCII(self)) {
        return _PyUnicode_FromASCII(data + start, end - start);
    }
    return _Py_unicode_from_kind(kind, data + start * kind, end - start);
}

/* The result of an operation that left self unchanged: self itself when
   it is an exact str, else an exact copy (str methods never return a
   subclass instance). */
PyObject *
_Py_unicode_result_unchanged(PyObject *self)
{
    if (PyUnicode_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return _PyUnicode_Copy(self);
}

PyObject *
_PyUnicode_Copy(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(unicode);
    if (length == 0) {
        return _Py_unicode_new_empty();
    }
    if (length == 1) {
        return _Py_unicode_char(PyUnicode_READ_CHAR(unicode, 0));
    }
    PyObject *copy = PyUnicode_New(length, PyUnicode_MAX_CHAR_VALUE(unicode));
    if (copy == NULL) {
        return NULL;
    }
    memcpy(PyUnicode_DATA(copy), PyUnicode_DATA(unicode),
           (size_t)length * PyUnicode_KIND(unicode));
    return copy;
}

PyObject *
PyUnicode_FromObject(PyObject *obj)
{
    if (PyUnicode_CheckExact(obj)) {
        return Py_NewRef(obj);
    }
    if (PyUnicode_Check(obj)) {
        return _PyUnicode_Copy(obj);
    }
    PyErr_Format(PyExc_TypeError,
                 "Can't convert '%.100s' object to str implicitly",
                 Py_TYPE(obj)->tp_name);
    return NULL;
}

PyObject *
_PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode)
{
    if (PyUnicode_IS_ASCII(unicode)) {
        return Py_NewRef(unicode);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    PyObject *res = PyUnicode_New(len, 127);
    if (res == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(res);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 127) {
            out[i] = (Py_UCS1)ch;
        }
        else if (Py_UNICODE_ISSPACE(ch)) {
            out[i] = ' ';
        }
        else {
            int digit = _PyUnicode_ToDecimalDigit(ch);
            out[i] = digit < 0 ? '?' : (Py_UCS1)('0' + digit);
        }
    }
    return res;
}

/* ---- UTF-8 cache ---------------------------------------------------------- */

/* Build the UTF-8 cache of a non-ASCII string and publish it (see the
   header comment: compare-and-swap from NULL, the loser frees its copy).
   Returns the published buffer, or NULL with an exception (a lone
   surrogate cannot be encoded). */
static const char *
unicode_fill_utf8(PyObject *unicode)
{
    PyCompactUnicodeObject *c = _PyCompactUnicodeObject_CAST(unicode);
    Py_ssize_t size;
    char *buffer = _Py_unicode_encode_utf8_buffer(unicode, &size);
    if (buffer == NULL) {
        return NULL;
    }
    __atomic_store_n(&c->utf8_length, size, __ATOMIC_RELAXED);
    char *expected = NULL;
    if (!__atomic_compare_exchange_n(&c->utf8, &expected, buffer, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        PyMem_Free(buffer);
        return expected;
    }
    return buffer;
}

const char *
PyUnicode_AsUTF8AndSize(PyObject *unicode, Py_ssize_t *psize)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        if (psize != NULL) {
            *psize = -1;
        }
        return NULL;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        if (psize != NULL) {
            *psize = PyUnicode_GET_LENGTH(unicode);
        }
        return PyUnicode_DATA(unicode);
    }
    PyCompactUnicodeObject *c = _PyCompactUnicodeObject_CAST(unicode);
    const char *utf8 = __atomic_load_n(&c->utf8, __ATOMIC_ACQUIRE);
    if (utf8 == NULL) {
        utf8 = unicode_fill_utf8(unicode);
        if (utf8 == NULL) {
            if (psize != NULL) {
                *psize = -1;
            }
            return NULL;
        }
    }
    if (psize != NULL) {
        *psize = __atomic_load_n(&c->utf8_length, __ATOMIC_RELAXED);
    }
    return utf8;
}

const char *
PyUnicode_AsUTF8(PyObject *unicode)
{
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(unicode, &size);
    if (utf8 != NULL && strlen(utf8) != (size_t)size) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return utf8;
}

/* ---- interning ------------------------------------------------------------ */

/* The intern table: open addressing with linear probing over a power-of-
   two array of immortal strings, resized at 2/3 load.  Protected by
   intern_mutex in the free-threaded build and by the GIL otherwise; no
   operation under the lock runs Python code or can block. */
static struct {
    PyObject **slots;
    size_t mask;                /* capacity - 1; 0 while slots is NULL */
    size_t used;
#ifdef Py_GIL_DISABLED
    PyMutex mutex;
#endif
} interned;

static void
intern_lock(void)
{
#ifdef Py_GIL_DISABLED
    PyMutex_Lock(&interned.mutex);
#endif
}

static void
intern_unlock(void)
{
#ifdef Py_GIL_DISABLED
    PyMutex_Unlock(&interned.mutex);
#endif
}

/* The slot holding a string equal to s, or the empty slot where it would
   go.  Caller holds the lock; the table is not empty. */
static PyObject **
intern_find_slot(PyObject *s, Py_hash_t hash)
{
    size_t i = (size_t)hash & interned.mask;
    for (;;) {
        PyObject *t = interned.slots[i];
        if (t == NULL) {
            return &interned.slots[i];
        }
        if (_PyASCIIObject_CAST(t)->hash == hash && _PyUnicode_Equal(t, s)) {
            return &interned.slots[i];
        }
        i = (i + 1) & interned.mask;
    }
}

/* Double the table (or create it).  Caller holds the lock.  0 or -1. */
static int
intern_grow(void)
{
    size_t new_cap = interned.slots ? 2 * (interned.mask + 1) : 1024;
    PyObject **old = interned.slots;
    size_t old_cap = old ? interned.mask + 1 : 0;
    PyObject **slots = PyMem_RawCalloc(new_cap, sizeof(PyObject *));
    if (slots == NULL) {
        return -1;
    }
    interned.slots = slots;
    interned.mask = new_cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i] != NULL) {
            PyObject **slot = intern_find_slot(old[i], _PyASCIIObject_CAST(old[i])->hash);
            *slot = old[i];
        }
    }
    PyMem_RawFree(old);
    return 0;
}

/* Make s (which nobody else can reach) immortal and mark it interned. */
static void
intern_mark(PyObject *s)
{
    if (_PyASCIIObject_CAST(s)->state.statically_allocated) {
        __atomic_store_n(&_PyASCIIObject_CAST(s)->state.interned,
                         SSTATE_INTERNED_IMMORTAL_STATIC, __ATOMIC_RELAXED);
        return;
    }
    _Py_SetImmortal(s);
    __atomic_store_n(&_PyASCIIObject_CAST(s)->state.interned,
                     SSTATE_INTERNED_IMMORTAL, __ATOMIC_RELAXED);
}

/* Return a new reference to the interned string equal to s (an exact
   str), interning s itself or a private copy of it.  On memory failure,
   returns s unchanged (interning is an optimisation; CPython too gives
   up silently). */
static PyObject *
intern_common(PyObject *s)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(s);
    if (length == 0) {
        return _Py_unicode_new_empty();
    }
    if (length == 1 && PyUnicode_KIND(s) == PyUnicode_1BYTE_KIND) {
        /* Static singletons need no table entry to be unique. */
        PyObject *ch = _PyUnicode_Latin1Char(PyUnicode_1BYTE_DATA(s)[0]);
        intern_mark(ch);
        return ch;
    }
    Py_hash_t hash = _PyUnicode_Hash(s);
    intern_lock();
    if (interned.used * 3 >= interned.mask * 2 && intern_grow() < 0) {
        intern_unlock();
        return Py_NewRef(s);
    }
    PyObject **slot = intern_find_slot(s, hash);
    if (*slot != NULL) {
        PyObject *t = *slot;
        intern_unlock();
        return t;   /* immortal: no reference count to take */
    }
    PyObject *to_intern = s;
#ifdef Py_GIL_DISABLED
    if (!_PyObject_IsUniquelyReferenced(s)) {
        /* Other threads hold references and may be changing its count
           right now; intern a copy that only this thread can see.  (With
           the GIL nobody else runs, so s itself is made immortal.) */
        to_intern = _PyUnicode_Copy(s);
        if (to_intern == NULL) {
            intern_unlock();
            PyErr_Clear();
            return Py_NewRef(s);
        }
        _PyASCIIObject_CAST(to_intern)->hash = hash;
    }
#endif
    intern_mark(to_intern);
    *slot = to_intern;
    interned.used++;
    intern_unlock();
    if (to_intern == s) {
        return s;
    }
    return to_intern;
}

void
_PyUnicode_InternImmortal(PyInterpreterState *interp, PyObject **p)
{
    (void)interp;
    PyObject *s = *p;
    if (s == NULL || !PyUnicode_CheckExact(s)) {
        return;
    }
    if (PyUnicode_CHECK_INTERNED(s) != SSTATE_NOT_INTERNED) {
        return;
    }
    PyObject *t = intern_common(s);
    if (t != s) {
        Py_SETREF(*p, t);
    }
}

void
_PyUnicode_InternMortal(PyInterpreterState *interp, PyObject **p)
{
    /* All interned strings are immortal in this implementation. */
    _PyUnicode_InternImmortal(interp, p);
}

void
PyUnicode_InternInPlace(PyObject **p)
{
    _PyUnicode_InternImmortal(NULL, p);
}

void
PyUnicode_InternImmortal(PyObject **p)
{
    _PyUnicode_InternImmortal(NULL, p);
}

PyObject *
PyUnicode_InternFromString(const char *cp)
{
    PyObject *s = PyUnicode_FromString(cp);
    if (s == NULL) {
        return NULL;
    }
    PyUnicode_InternInPlace(&s);
    return s;
}

Py_ssize_t
_PyUnicode_InternedSize(void)
{
    intern_lock();
    Py_ssize_t n = (Py_ssize_t)interned.used;
    intern_unlock();
    return n;
}

void
_PyUnicode_Fini(void)
{
    intern_lock();
    PyMem_RawFree(interned.slots);
    interned.slots = NULL;
    interned.mask = 0;
    interned.used = 0;
    intern_unlock();
}

/* ---- hashing and comparison ----------------------------------------------- */

Py_hash_t
_PyUnicode_Hash(PyObject *unicode)
{
    PyASCIIObject *a = _PyASCIIObject_CAST(unicode);
    Py_hash_t hash = __atomic_load_n(&a->hash, __ATOMIC_RELAXED);
    if (hash != -1) {
        return hash;
    }
    hash = Py_HashBuffer(PyUnicode_DATA(unicode),
                         PyUnicode_GET_LENGTH(unicode) * PyUnicode_KIND(unicode));
    __atomic_store_n(&a->hash, hash, __ATOMIC_RELAXED);
    return hash;
}

static Py_hash_t
unicode_hash(PyObject *self)
{
    return _PyUnicode_Hash(self);
}

int
_PyUnicode_Equal(PyObject *a, PyObject *b)
{
    if (a == b) {
        return 1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(a);
    if (len != PyUnicode_GET_LENGTH(b)) {
        return 0;
    }
    int kind = PyUnicode_KIND(a);
    if (kind != PyUnicode_KIND(b)) {
        return 0;
    }
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)len * kind) == 0;
}

int
PyUnicode_Equal(PyObject *a, PyObject *b)
{
    if (!PyUnicode_Check(a)) {
        PyErr_Format(PyExc_TypeError, "first argument must be str, not %s",
                     Py_TYPE(a)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(b)) {
        PyErr_Format(PyExc_TypeError, "second argument must be str, not %s",
                     Py_TYPE(b)->tp_name);
        return -1;
    }
    return _PyUnicode_Equal(a, b);
}

/* -1, 0 or 1 comparing code point by code point. */
int
_Py_unicode_compare(PyObject *a, PyObject *b)
{
    if (a == b) {
        return 0;
    }
    int kind1 = PyUnicode_KIND(a), kind2 = PyUnicode_KIND(b);
    const void *data1 = PyUnicode_DATA(a), *data2 = PyUnicode_DATA(b);
    Py_ssize_t len1 = PyUnicode_GET_LENGTH(a), len2 = PyUnicode_GET_LENGTH(b);
    Py_ssize_t n = Py_MIN(len1, len2);
    if (kind1 == PyUnicode_1BYTE_KIND && kind2 == PyUnicode_1BYTE_KIND) {
        int cmp = memcmp(data1, data2, (size_t)n);
        if (cmp != 0) {
            return cmp < 0 ? -1 : 1;
        }
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c1 = PyUnicode_READ(kind1, data1, i);
            Py_UCS4 c2 = PyUnicode_READ(kind2, data2, i);
            if (c1 != c2) {
                return c1 < c2 ? -1 : 1;
            }
        }
    }
    return len1 < len2 ? -1 : len1 != len2;
}

int
PyUnicode_Compare(PyObject *left, PyObject *right)
{
    if (PyUnicode_Check(left) && PyUnicode_Check(right)) {
        return _Py_unicode_compare(left, right);
    }
    PyErr_Format(PyExc_TypeError, "Can't compare %.100s and %.100s",
                 Py_TYPE(left)->tp_name, Py_TYPE(right)->tp_name);
    return -1;
}

int
PyUnicode_CompareWithASCIIString(PyObject *uni, const char *str)
{
    int kind = PyUnicode_KIND(uni);
    const void *data = PyUnicode_DATA(uni);
    Py_ssize_t len = PyUnicode_GET_LENGTH(uni);
    Py_ssize_t i;
    for (i = 0; i < len && str[i]; i++) {
        Py_UCS4 c1 = PyUnicode_READ(kind, data, i);
        Py_UCS4 c2 = (unsigned char)str[i];
        if (c1 != c2) {
            return c1 < c2 ? -1 : 1;
        }
    }
    if (i < len) {
        return 1;   /* str is a prefix (or uni has an embedded NUL) */
    }
    return str[i] ? -1 : 0;
}

int
_PyUnicode_EqualToASCIIString(PyObject *unicode, const char *str)
{
    size_t len = strlen(str);
    if (!PyUnicode_IS_ASCII(unicode)
        || (size_t)PyUnicode_GET_LENGTH(unicode) != len) {
        return 0;
    }
    return memcmp(PyUnicode_DATA(unicode), str, len) == 0;
}

int
PyUnicode_EqualToUTF8AndSize(PyObject *unicode, const char *str, Py_ssize_t size)
{
    if (!PyUnicode_Check(unicode)) {
        return 0;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        return PyUnicode_GET_LENGTH(unicode) == size
               && memcmp(PyUnicode_DATA(unicode), str, (size_t)size) == 0;
    }
    /* Compare by decoding str on the fly, so that no cache is created and
       no error can be raised. */
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    Py_ssize_t pos = 0;
    const unsigned char *s = (const unsigned char *)str;
    const unsigned char *end = s + size;
    while (s < end) {
        Py_UCS4 ch;
        Py_ssize_t n = _Py_utf8_decode_one(s, end, &ch);
        if (n <= 0 || pos >= len || PyUnicode_READ(kind, data, pos) != ch) {
            return 0;
        }
        s += n;
        pos++;
    }
    return pos == len;
}

int
PyUnicode_EqualToUTF8(PyObject *unicode, const char *str)
{
    return PyUnicode_EqualToUTF8AndSize(unicode, str, (Py_ssize_t)strlen(str));
}

static PyObject *
unicode_richcompare(PyObject *left, PyObject *right, int op)
{
    if (!PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (op == Py_EQ || op == Py_NE) {
        int eq = _PyUnicode_Equal(left, right);
        if ((op == Py_EQ) == eq) {
            Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    int cmp = _Py_unicode_compare(left, right);
    Py_RETURN_RICHCOMPARE(cmp, 0, op);
}

PyObject *
PyUnicode_RichCompare(PyObject *left, PyObject *right, int op)
{
    return unicode_richcompare(left, right, op);
}

/* ---- _PyUnicodeWriter ------------------------------------------------------ */

void
_PyUnicodeWriter_Init(_PyUnicodeWriter *writer)
{
    memset(writer, 0, sizeof(*writer));
    writer->kind = PyUnicode_1BYTE_KIND;
}

static void
writer_update(_PyUnicodeWriter *writer)
{
    writer->maxchar = PyUnicode_MAX_CHAR_VALUE(writer->buffer);
    writer->data = PyUnicode_DATA(writer->buffer);
    writer->kind = PyUnicode_KIND(writer->buffer);
    writer->size = writer->readonly ? writer->pos
                                    : PyUnicode_GET_LENGTH(writer->buffer);
}

/* Replace the buffer with a fresh private one of new_size characters up
   to maxchar, keeping the pos characters written so far. */
static int
writer_reallocate(_PyUnicodeWriter *writer, Py_ssize_t new_size, Py_UCS4 maxchar)
{
    PyObject *fresh = PyUnicode_New(new_size, maxchar);
    if (fresh == NULL) {
        return -1;
    }
    if (writer->buffer != NULL) {
        _Py_copy_characters(PyUnicode_KIND(fresh), PyUnicode_DATA(fresh), 0,
                            writer->kind, writer->data, 0, writer->pos);
        Py_DECREF(writer->buffer);
    }
    writer->buffer = fresh;
    writer->readonly = 0;
    writer_update(writer);
    return 0;
}

int
_PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer, Py_ssize_t length,
                                 Py_UCS4 maxchar)
{
    if (length > PY_SSIZE_T_MAX - writer->pos) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t new_size = writer->pos + length;
    maxchar = Py_MAX(maxchar, writer->min_char);
    if (maxchar > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    if (writer->buffer == NULL || new_size > writer->size) {
        if (writer->overallocate && new_size <= PY_SSIZE_T_MAX - new_size / 2) {
            new_size += new_size / 2;
        }
        new_size = Py_MAX(new_size, writer->min_length);
        if (writer->buffer == NULL) {
            return writer_reallocate(writer, new_size, maxchar);
        }
        if (maxchar > writer->maxchar || writer->readonly) {
            return writer_reallocate(writer, new_size,
                                     Py_MAX(maxchar, writer->maxchar));
        }
        /* Same kind, more room: the buffer is private, so resize it. */
        PyObject *resized = _Py_unicode_resize_compact(writer->buffer, new_size);
        writer->buffer = resized;
        if (resized == NULL) {
            return -1;
        }
        writer_update(writer);
        return 0;
    }
    if (maxchar > writer->maxchar || writer->readonly) {
        return writer_reallocate(writer, writer->size,
                                 Py_MAX(maxchar, writer->maxchar));
    }
    return 0;
}

int
_PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer, int kind)
{
    Py_UCS4 maxchar = kind == PyUnicode_1BYTE_KIND ? 0xFF
                      : kind == PyUnicode_2BYTE_KIND ? 0xFFFF : MAX_UNICODE;
    return _PyUnicodeWriter_PrepareInternal(writer, 0, maxchar);
}

int
_PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch)
{
    if (ch > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError,
                        "character must be in range(0x110000)");
        return -1;
    }
    if (_PyUnicodeWriter_Prepare(writer, 1, ch) < 0) {
        return -1;
    }
    PyUnicode_WRITE(writer->kind, writer->data, writer->pos, ch);
    writer->pos++;
    return 0;
}

int
_PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (len == 0) {
        return 0;
    }
    Py_UCS4 maxchar = PyUnicode_MAX_CHAR_VALUE(str);
    if (maxchar > writer->maxchar || len > writer->size - writer->pos) {
        if (writer->buffer == NULL && !writer->overallocate
            && PyUnicode_CheckExact(str) && writer->min_length <= len
            && maxchar >= writer->min_char) {
            /* The whole result may be this string: share it until more
               is written. */
            writer->readonly = 1;
            writer->buffer = Py_NewRef(str);
            writer->pos = len;
            writer_update(writer);
            return 0;
        }
        if (_PyUnicodeWriter_PrepareInternal(writer, len, maxchar) < 0) {
            return -1;
        }
    }
    _Py_copy_characters(writer->kind, writer->data, writer->pos,
                        PyUnicode_KIND(str), PyUnicode_DATA(str), 0, len);
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str,
                                Py_ssize_t start, Py_ssize_t end)
{
    if (start == 0 && end == PyUnicode_GET_LENGTH(str)) {
        return _PyUnicodeWriter_WriteStr(writer, str);
    }
    if (end <= start) {
        return 0;
    }
    Py_UCS4 maxchar = _PyUnicode_FindMaxChar(str, start, end);
    if (_PyUnicodeWriter_Prepare(writer, end - start, maxchar) < 0) {
        return -1;
    }
    _Py_copy_characters(writer->kind, writer->data, writer->pos,
                        PyUnicode_KIND(str), PyUnicode_DATA(str), start,
                        end - start);
    writer->pos += end - start;
    return 0;
}

int
_PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer, const char *ascii,
                                  Py_ssize_t len)
{
    if (len == -1) {
        len = (Py_ssize_t)strlen(ascii);
    }
    if (len == 0) {
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(writer, len, 127) < 0) {
        return -1;
    }
    if (writer->kind == PyUnicode_1BYTE_KIND) {
        memcpy((Py_UCS1 *)writer->data + writer->pos, ascii, (size_t)len);
    }
    else {
        _Py_copy_characters(writer->kind, writer->data, writer->pos,
                            PyUnicode_1BYTE_KIND, ascii, 0, len);
    }
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer, const char *str,
                                   Py_ssize_t len)
{
    if (len == 0) {
        return 0;
    }
    Py_UCS4 maxchar = _Py_ucs1_maxchar((const Py_UCS1 *)str, len);
    if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0) {
        return -1;
    }
    _Py_copy_characters(writer->kind, writer->data, writer->pos,
                        PyUnicode_1BYTE_KIND, str, 0, len);
    writer->pos += len;
    return 0;
}

/* Make a finished buffer canonical: callers may have asked for a wider
   kind than the characters they finally wrote need. */
PyObject *
_Py_unicode_canonicalize(PyObject *str)
{
    if (PyUnicode_IS_ASCII(str)) {
        return str;
    }
    int kind = PyUnicode_KIND(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    Py_UCS4 max = _Py_buffer_maxchar(kind, PyUnicode_DATA(str), len);
    if (_Py_unicode_kind_for_maxchar(max) == kind && max >= 128) {
        return str;
    }
    PyObject *narrow = _Py_unicode_from_kind(kind, PyUnicode_DATA(str), len);
    Py_DECREF(str);
    return narrow;
}

PyObject *
_PyUnicodeWriter_Finish(_PyUnicodeWriter *writer)
{
    PyObject *str = writer->buffer;
    writer->buffer = NULL;
    if (writer->readonly) {
        return str;
    }
    if (writer->pos == 0) {
        Py_XDECREF(str);
        return _Py_unicode_new_empty();
    }
    if (writer->pos == 1) {
        Py_UCS4 ch = PyUnicode_READ(writer->kind, writer->data, 0);
        Py_DECREF(str);
        return _Py_unicode_char(ch);
    }
    if (PyUnicode_GET_LENGTH(str) != writer->pos) {
        str = _Py_unicode_resize_compact(str, writer->pos);
        if (str == NULL) {
            return NULL;
        }
    }
    return _Py_unicode_canonicalize(str);
}

void
_PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer)
{
    Py_CLEAR(writer->buffer);
}

/* ---- PyUnicodeWriter: the public, opaque form ------------------------------ */

struct PyUnicodeWriter {
    _PyUnicodeWriter w;
};

PyUnicodeWriter *
PyUnicodeWriter_Create(Py_ssize_t length)
{
    if (length < 0) {
        PyErr_SetString(PyExc_ValueError, "length must be positive");
        return NULL;
    }
    PyUnicodeWriter *pub = PyMem_Malloc(sizeof(*pub));
    if (pub == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyUnicodeWriter_Init(&pub->w);
    pub->w.overallocate = 1;
    if (length > 0 && _PyUnicodeWriter_Prepare(&pub->w, length, 127) < 0) {
        PyMem_Free(pub);
        return NULL;
    }
    return pub;
}

void
PyUnicodeWriter_Discard(PyUnicodeWriter *writer)
{
    if (writer == NULL) {
        return;
    }
    _PyUnicodeWriter_Dealloc(&writer->w);
    PyMem_Free(writer);
}

PyObject *
PyUnicodeWriter_Finish(PyUnicodeWriter *writer)
{
    PyObject *str = _PyUnicodeWriter_Finish(&writer->w);
    PyMem_Free(writer);
    return str;
}

int
PyUnicodeWriter_WriteChar(PyUnicodeWriter *writer, Py_UCS4 ch)
{
    return _PyUnicodeWriter_WriteChar(&writer->w, ch);
}

int
PyUnicodeWriter_WriteUTF8(PyUnicodeWriter *writer, const char *str,
                          Py_ssize_t size)
{
    if (size < 0) {
        size = (Py_ssize_t)strlen(str);
    }
    return _Py_utf8_decode_into(&writer->w, str, size, NULL, NULL);
}

int
PyUnicodeWriter_WriteASCII(PyUnicodeWriter *writer, const char *str,
                           Py_ssize_t size)
{
    return _PyUnicodeWriter_WriteASCIIString(&writer->w, str, size);
}

int
PyUnicodeWriter_WriteUCS4(PyUnicodeWriter *writer, Py_UCS4 *str, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return -1;
    }
    if (size == 0) {
        return 0;
    }
    Py_UCS4 maxchar = _Py_ucs4_maxchar(str, size);
    if (maxchar > MAX_UNICODE) {
        PyErr_Format(PyExc_ValueError,
                     "character must be in range(0x110000)");
        return -1;
    }
    if (_PyUnicodeWriter_Prepare(&writer->w, size, maxchar) < 0) {
        return -1;
    }
    _Py_copy_characters(writer->w.kind, writer->w.data, writer->w.pos,
                        PyUnicode_4BYTE_KIND, str, 0, size);
    writer->w.pos += size;
    return 0;
}

int
PyUnicodeWriter_WriteWideChar(PyUnicodeWriter *writer, const wchar_t *str,
                              Py_ssize_t size)
{
    if (size < 0) {
        size = (Py_ssize_t)wcslen(str);
    }
    return PyUnicodeWriter_WriteUCS4(writer, (Py_UCS4 *)str, size);
}

int
PyUnicodeWriter_WriteStr(PyUnicodeWriter *writer, PyObject *obj)
{
    if (PyUnicode_CheckExact(obj)) {
        return _PyUnicodeWriter_WriteStr(&writer->w, obj);
    }
    PyObject *str = PyObject_Str(obj);
    if (str == NULL) {
        return -1;
    }
    int res = _PyUnicodeWriter_WriteStr(&writer->w, str);
    Py_DECREF(str);
    return res;
}

int
PyUnicodeWriter_WriteRepr(PyUnicodeWriter *writer, PyObject *obj)
{
    PyObject *repr = PyObject_Repr(obj);
    if (repr == NULL) {
        return -1;
    }
    int res = _PyUnicodeWriter_WriteStr(&writer->w, repr);
    Py_DECREF(repr);
    return res;
}

int
PyUnicodeWriter_WriteSubstring(PyUnicodeWriter *writer, PyObject *str,
                               Py_ssize_t start, Py_ssize_t end)
{
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "expect str, not %s",
                     Py_TYPE(str)->tp_name);
        return -1;
    }
    if (start < 0 || start > end || end > PyUnicode_GET_LENGTH(str)) {
        PyErr_SetString(PyExc_ValueError, "invalid start argument");
        return -1;
    }
    return _PyUnicodeWriter_WriteSubstring(&writer->w, str, start, end);
}

int
PyUnicodeWriter_Format(PyUnicodeWriter *writer, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    int res = _Py_unicode_format_into(&writer->w, format, vargs);
    va_end(vargs);
    return res;
}

int
PyUnicodeWriter_DecodeUTF8Stateful(PyUnicodeWriter *writer, const char *string,
                                   Py_ssize_t length, const char *errors,
                                   Py_ssize_t *consumed)
{
    if (length < 0) {
        length = (Py_ssize_t)strlen(string);
    }
    return _Py_utf8_decode_into(&writer->w, string, length, errors, consumed);
}

/* ---- error handlers shared by the built-in codecs --------------------------- */

_Py_error_handler
_Py_GetErrorHandler(const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0) {
        return _Py_ERROR_STRICT;
    }
    if (strcmp(errors, "surrogateescape") == 0) {
        return _Py_ERROR_SURROGATEESCAPE;
    }
    if (strcmp(errors, "replace") == 0) {
        return _Py_ERROR_REPLACE;
    }
    if (strcmp(errors, "ignore") == 0) {
        return _Py_ERROR_IGNORE;
    }
    if (strcmp(errors, "backslashreplace") == 0) {
        return _Py_ERROR_BACKSLASHREPLACE;
    }
    if (strcmp(errors, "surrogatepass") == 0) {
        return _Py_ERROR_SURROGATEPASS;
    }
    if (strcmp(errors, "xmlcharrefreplace") == 0) {
        return _Py_ERROR_XMLCHARREFREPLACE;
    }
    if (strcmp(errors, "namereplace") == 0) {
        return _Py_ERROR_NAMEREPLACE;
    }
    return _Py_ERROR_OTHER;
}

static void
unknown_error_handler(const char *errors)
{
    PyErr_Format(PyExc_LookupError, "unknown error handler name '%.400s'",
                 errors);
}

/* A growable byte buffer for the encoders (PyMem memory). */
void
_Py_bytebuf_init(_Py_bytebuf *bb)
{
    bb->data = NULL;
    bb->len = 0;
    bb->cap = 0;
}

int
_Py_bytebuf_reserve(_Py_bytebuf *bb, Py_ssize_t n)
{
    if (bb->cap - bb->len >= n) {
        return 0;
    }
    if (n > PY_SSIZE_T_MAX - bb->len) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t need = bb->len + n;
    Py_ssize_t cap = bb->cap < PY_SSIZE_T_MAX / 2 ? Py_MAX(bb->cap * 2, need) : need;
    char *data = PyMem_Realloc(bb->data, (size_t)cap + 1);
    if (data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    bb->data = data;
    bb->cap = cap;
    return 0;
}

int
_Py_bytebuf_append(_Py_bytebuf *bb, const void *p, Py_ssize_t n)
{
    if (_Py_bytebuf_reserve(bb, n) < 0) {
        return -1;
    }
    memcpy(bb->data + bb->len, p, (size_t)n);
    bb->len += n;
    return 0;
}

void
_Py_bytebuf_free(_Py_bytebuf *bb)
{
    PyMem_Free(bb->data);
    bb->data = NULL;
    bb->len = bb->cap = 0;
}

PyObject *
_Py_bytebuf_finish(_Py_bytebuf *bb)
{
    PyObject *bytes = PyBytes_FromStringAndSize(bb->data ? bb->data : "", bb->len);
    _Py_bytebuf_free(bb);
    return bytes;
}

static void
raise_decode_error(const char *encoding, const char *input, Py_ssize_t insize,
                   Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *exc = PyUnicodeDecodeError_Create(encoding, input, insize,
                                                start, end, reason);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_UnicodeDecodeError, exc);
        Py_DECREF(exc);
    }
}

void
_Py_raise_encode_error(const char *encoding, PyObject *str, Py_ssize_t start,
                       Py_ssize_t end, const char *reason)
{
    PyObject *exc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns",
                                          encoding, str, start, end, reason);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
        Py_DECREF(exc);
    }
}

/* Length of the encoded surrogate the surrogatepass handler accepts at
   input[start:], or 0 if there is none; *ch gets the surrogate. */
static Py_ssize_t
surrogatepass_decode(_Py_codec codec, const unsigned char *p, Py_ssize_t avail,
                     Py_UCS4 *ch)
{
    Py_UCS4 c;
    switch (codec) {
    case _Py_CODEC_UTF8:
        if (avail < 3 || (p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80
            || (p[2] & 0xC0) != 0x80) {
            return 0;
        }
        c = ((Py_UCS4)(p[0] & 0x0F) << 12) | ((Py_UCS4)(p[1] & 0x3F) << 6)
            | (p[2] & 0x3F);
        *ch = c;
        return Py_UNICODE_IS_SURROGATE(c) ? 3 : 0;
    case _Py_CODEC_UTF16LE:
    case _Py_CODEC_UTF16BE:
        if (avail < 2) {
            return 0;
        }
        c = codec == _Py_CODEC_UTF16LE ? (Py_UCS4)(p[0] | (p[1] << 8))
                                       : (Py_UCS4)((p[0] << 8) | p[1]);
        *ch = c;
        return Py_UNICODE_IS_SURROGATE(c) ? 2 : 0;
    case _Py_CODEC_UTF32LE:
    case _Py_CODEC_UTF32BE:
        if (avail < 4) {
            return 0;
        }
        c = codec == _Py_CODEC_UTF32LE
            ? (Py_UCS4)p[0] | ((Py_UCS4)p[1] << 8) | ((Py_UCS4)p[2] << 16)
              | ((Py_UCS4)p[3] << 24)
            : ((Py_UCS4)p[0] << 24) | ((Py_UCS4)p[1] << 16)
              | ((Py_UCS4)p[2] << 8) | p[3];
        *ch = c;
        return Py_UNICODE_IS_SURROGATE(c) ? 4 : 0;
    default:
        return 0;
    }
}

Py_ssize_t
_Py_decode_error(_Py_error_handler *handler, const char *errors,
                 const char *encoding, const char *reason, _Py_codec codec,
                 const char *input, Py_ssize_t insize, Py_ssize_t start,
                 Py_ssize_t end, _PyUnicodeWriter *writer)
{
    if (*handler == _Py_ERROR_UNKNOWN) {
        *handler = _Py_GetErrorHandler(errors);
    }
    const unsigned char *p = (const unsigned char *)input;
    switch (*handler) {
    case _Py_ERROR_STRICT:
        break;
    case _Py_ERROR_IGNORE:
        return end;
    case _Py_ERROR_REPLACE:
        if (_PyUnicodeWriter_WriteChar(writer, Py_UNICODE_REPLACEMENT_CHARACTER) < 0) {
            return -1;
        }
        return end;
    case _Py_ERROR_SURROGATEESCAPE: {
        /* Bytes >= 128 become U+DC80..U+DCFF; an ASCII byte cannot be
           smuggled this way. */
        Py_ssize_t i = start;
        while (i < end && i - start < 4 && p[i] >= 128) {
            if (_PyUnicodeWriter_WriteChar(writer, 0xDC00 + p[i]) < 0) {
                return -1;
            }
            i++;
        }
        if (i > start) {
            return i;
        }
        break;
    }
    case _Py_ERROR_BACKSLASHREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            char buf[5];
            snprintf(buf, sizeof buf, "\\x%02x", p[i]);
            if (_PyUnicodeWriter_WriteASCIIString(writer, buf, 4) < 0) {
                return -1;
            }
        }
        return end;
    case _Py_ERROR_SURROGATEPASS: {
        Py_UCS4 ch;
        Py_ssize_t n = surrogatepass_decode(codec, p + start, insize - start, &ch);
        if (n > 0) {
            if (_PyUnicodeWriter_WriteChar(writer, ch) < 0) {
                return -1;
            }
            return start + n;
        }
        break;
    }
    case _Py_ERROR_XMLCHARREFREPLACE:
    case _Py_ERROR_NAMEREPLACE:
        PyErr_SetString(PyExc_TypeError,
                        "don't know how to handle UnicodeDecodeError in "
                        "error callback");
        return -1;
    default:
        unknown_error_handler(errors);
        return -1;
    }
    raise_decode_error(encoding, input, insize, start, end, reason);
    return -1;
}

/* Append an ASCII replacement text in the codec's output form. */
static int
emit_ascii(_Py_bytebuf *out, _Py_codec codec, const char *text, Py_ssize_t n)
{
    int width = _Py_codec_width(codec);
    if (_Py_bytebuf_reserve(out, n * width) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        _Py_codec_put(out, codec, (unsigned char)text[i]);
    }
    return 0;
}

int
_Py_codec_width(_Py_codec codec)
{
    switch (codec) {
    case _Py_CODEC_UTF16LE:
    case _Py_CODEC_UTF16BE:
        return 2;
    case _Py_CODEC_UTF32LE:
    case _Py_CODEC_UTF32BE:
        return 4;
    default:
        return 1;
    }
}

/* Store one code unit in the codec's byte order; room is reserved. */
void
_Py_codec_put(_Py_bytebuf *out, _Py_codec codec, Py_UCS4 unit)
{
    unsigned char *q = (unsigned char *)out->data + out->len;
    switch (codec) {
    case _Py_CODEC_UTF16LE:
        q[0] = (unsigned char)unit;
        q[1] = (unsigned char)(unit >> 8);
        out->len += 2;
        break;
    case _Py_CODEC_UTF16BE:
        q[0] = (unsigned char)(unit >> 8);
        q[1] = (unsigned char)unit;
        out->len += 2;
        break;
    case _Py_CODEC_UTF32LE:
        q[0] = (unsigned char)unit;
        q[1] = (unsigned char)(unit >> 8);
        q[2] = (unsigned char)(unit >> 16);
        q[3] = (unsigned char)(unit >> 24);
        out->len += 4;
        break;
    case _Py_CODEC_UTF32BE:
        q[0] = (unsigned char)(unit >> 24);
        q[1] = (unsigned char)(unit >> 16);
        q[2] = (unsigned char)(unit >> 8);
        q[3] = (unsigned char)unit;
        out->len += 4;
        break;
    default:
        q[0] = (unsigned char)unit;
        out->len += 1;
        break;
    }
}

int
_Py_encode_error(_Py_error_handler *handler, const char *errors,
                 const char *encoding, const char *reason, _Py_codec codec,
                 PyObject *str, Py_ssize_t start, Py_ssize_t end,
                 _Py_bytebuf *out)
{
    if (*handler == _Py_ERROR_UNKNOWN) {
        *handler = _Py_GetErrorHandler(errors);
    }
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    char buf[32];
    switch (*handler) {
    case _Py_ERROR_STRICT:
        break;
    case _Py_ERROR_IGNORE:
        return 0;
    case _Py_ERROR_REPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            if (emit_ascii(out, codec, "?", 1) < 0) {
                return -1;
            }
        }
        return 0;
    case _Py_ERROR_BACKSLASHREPLACE:
    case _Py_ERROR_NAMEREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            char name[256];
            int n;
            if (*handler == _Py_ERROR_NAMEREPLACE
                && _PyUnicode_GetName(ch, name, sizeof name)) {
                if (emit_ascii(out, codec, "\\N{", 3) < 0
                    || emit_ascii(out, codec, name, (Py_ssize_t)strlen(name)) < 0
                    || emit_ascii(out, codec, "}", 1) < 0) {
                    return -1;
                }
                continue;
            }
            if (ch < 0x100) {
                n = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)ch);
            }
            else if (ch < 0x10000) {
                n = snprintf(buf, sizeof buf, "\\u%04x", (unsigned)ch);
            }
            else {
                n = snprintf(buf, sizeof buf, "\\U%08x", (unsigned)ch);
            }
            if (emit_ascii(out, codec, buf, n) < 0) {
                return -1;
            }
        }
        return 0;
    case _Py_ERROR_XMLCHARREFREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            int n = snprintf(buf, sizeof buf, "&#%u;",
                             (unsigned)PyUnicode_READ(kind, data, i));
            if (emit_ascii(out, codec, buf, n) < 0) {
                return -1;
            }
        }
        return 0;
    case _Py_ERROR_SURROGATEESCAPE:
        if (_Py_codec_width(codec) != 1) {
            break;
        }
        if (_Py_bytebuf_reserve(out, end - start) < 0) {
            return -1;
        }
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch < 0xDC80 || ch > 0xDCFF) {
                /* The escaped prefix stays written; the error covers the
                   rest of the run, as in CPython. */
                start = i;
                goto raise;
            }
            out->data[out->len++] = (char)(ch - 0xDC00);
        }
        return 0;
    case _Py_ERROR_SURROGATEPASS:
        if (codec == _Py_CODEC_ASCII || codec == _Py_CODEC_LATIN1) {
            break;
        }
        for (Py_ssize_t i = start; i < end; i++) {
            if (!Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, data, i))) {
                goto raise;
            }
        }
        if (_Py_bytebuf_reserve(out, (end - start) * 4) < 0) {
            return -1;
        }
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (codec == _Py_CODEC_UTF8) {
                out->data[out->len++] = (char)(0xE0 | (ch >> 12));
                out->data[out->len++] = (char)(0x80 | ((ch >> 6) & 0x3F));
                out->data[out->len++] = (char)(0x80 | (ch & 0x3F));
            }
            else {
                _Py_codec_put(out, codec, ch);
            }
        }
        return 0;
    default:
        unknown_error_handler(errors);
        return -1;
    }
raise:
    _Py_raise_encode_error(encoding, str, start, end, reason);
    return -1;
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* Number of leading ASCII bytes of s[0:n], a word at a time. */
Py_ssize_t
_Py_ascii_prefix(const char *s, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    const uint64_t high = 0x8080808080808080ULL;
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        memcpy(&word, s + i, 8);
        if (word & high) {
            break;
        }
    }
    while (i < n && (unsigned char)s[i] < 128) {
        i++;
    }
    return i;
}

/* Decode the sequence at s.  Returns its length and *ch, or the negated
   length of the maximal invalid subpart (Unicode's "substitution of
   maximal subparts", as CPython does) with *reason; the subpart may end
   at `end`, which *reason then says. */
static Py_ssize_t
utf8_decode_seq(const unsigned char *s, const unsigned char *end, Py_UCS4 *ch,
                const char **reason)
{
    unsigned char b0 = s[0];
    Py_ssize_t need;
    Py_UCS4 c;
    unsigned char lo = 0x80, hi = 0xBF;  /* range of the second byte */
    if (b0 < 0x80) {
        *ch = b0;
        return 1;
    }
    if (b0 < 0xC2 || b0 > 0xF4) {
        *reason = "invalid start byte";
        return -1;
    }
    if (b0 < 0xE0) {
        need = 1;
        c = b0 & 0x1F;
    }
    else if (b0 < 0xF0) {
        need = 2;
        c = b0 & 0x0F;
        if (b0 == 0xE0) {
            lo = 0xA0;
        }
        else if (b0 == 0xED) {
            hi = 0x9F;  /* no surrogates */
        }
    }
    else {
        need = 3;
        c = b0 & 0x07;
        if (b0 == 0xF0) {
            lo = 0x90;
        }
        else if (b0 == 0xF4) {
            hi = 0x8F;  /* nothing above U+10FFFF */
        }
    }
    for (Py_ssize_t i = 1; i <= need; i++) {
        if (s + i >= end) {
            *reason = "unexpected end of data";
            return -i;
        }
        unsigned char b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) {
            *reason = "invalid continuation byte";
            return -i;
        }
        c = (c << 6) | (b & 0x3F);
    }
    *ch = c;
    return need + 1;
}

Py_ssize_t
_Py_utf8_decode_one(const unsigned char *s, const unsigned char *end, Py_UCS4 *ch)
{
    const char *reason;
    Py_ssize_t n = utf8_decode_seq(s, end, ch, &reason);
    return n > 0 ? n : 0;
}

int
_Py_utf8_decode_into(_PyUnicodeWriter *writer, const char *str, Py_ssize_t size,
                     const char *errors, Py_ssize_t *consumed)
{
    const unsigned char *s = (const unsigned char *)str;
    const unsigned char *end = s + size;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    Py_ssize_t old_overallocate = writer->overallocate;
    writer->overallocate = 1;
    Py_ssize_t pos = 0;
    while (pos < size) {
        Py_ssize_t run = _Py_ascii_prefix(str + pos, size - pos);
        if (run > 0) {
            if (_PyUnicodeWriter_WriteASCIIString(writer, str + pos, run) < 0) {
                goto error;
            }
            pos += run;
            continue;
        }
        Py_UCS4 ch;
        const char *reason;
        Py_ssize_t n = utf8_decode_seq(s + pos, end, &ch, &reason);
        if (n > 0) {
            if (_PyUnicodeWriter_WriteChar(writer, ch) < 0) {
                goto error;
            }
            pos += n;
            continue;
        }
        if (consumed != NULL && s + pos - n == end
            && reason[0] == 'u' /* unexpected end of data */) {
            break;  /* an incomplete sequence waits for more input */
        }
        pos = _Py_decode_error(&handler, errors, "utf-8", reason, _Py_CODEC_UTF8,
                               str, size, pos, pos - n, writer);
        if (pos < 0) {
            goto error;
        }
    }
    writer->overallocate = (unsigned char)old_overallocate;
    if (consumed != NULL) {
        *consumed = pos;
    }
    return 0;
error:
    writer->overallocate = (unsigned char)old_overallocate;
    return -1;
}

/* Fast path for valid input: count the characters and find the largest
   one; returns -1 at the first invalid or incomplete sequence. */
static Py_ssize_t
utf8_count_valid(const unsigned char *s, const unsigned char *end, Py_UCS4 *maxchar)
{
    Py_ssize_t count = 0;
    Py_UCS4 max = 0;
    while (s < end) {
        if (*s < 0x80) {
            s++;
        }
        else {
            Py_UCS4 ch;
            const char *reason;
            Py_ssize_t n = utf8_decode_seq(s, end, &ch, &reason);
            if (n < 0) {
                return -1;
            }
            if (ch > max) {
                max = ch;
            }
            s += n;
        }
        count++;
    }
    *maxchar = max;
    return count;
}

PyObject *
PyUnicode_DecodeUTF8Stateful(const char *str, Py_ssize_t size,
                             const char *errors, Py_ssize_t *consumed)
{
    if (size == 0) {
        if (consumed != NULL) {
            *consumed = 0;
        }
        return _Py_unicode_new_empty();
    }
    Py_ssize_t prefix = _Py_ascii_prefix(str, size);
    if (prefix == size) {
        if (consumed != NULL) {
            *consumed = size;
        }
        return _PyUnicode_FromASCII(str, size);
    }
    const unsigned char *s = (const unsigned char *)str;
    Py_UCS4 maxchar;
    Py_ssize_t rest = utf8_count_valid(s + prefix, s + size, &maxchar);
    if (rest >= 0) {
        /* Valid: decode straight into a string of the right kind. */
        PyObject *res = PyUnicode_New(prefix + rest, maxchar);
        if (res == NULL) {
            return NULL;
        }
        int kind = PyUnicode_KIND(res);
        void *data = PyUnicode_DATA(res);
        _Py_copy_characters(kind, data, 0, PyUnicode_1BYTE_KIND, str, 0, prefix);
        const unsigned char *p = s + prefix, *end = s + size;
        Py_ssize_t i = prefix;
        while (p < end) {
            Py_UCS4 ch;
            p += _Py_utf8_decode_one(p, end, &ch);
            PyUnicode_WRITE(kind, data, i++, ch);
        }
        if (consumed != NULL) {
            *consumed = size;
        }
        return res;
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    if (_Py_utf8_decode_into(&writer, str, size, errors, consumed) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

PyObject *
PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
}

/* Encode str as UTF-8 into out. */
static int
utf8_encode_into(PyObject *str, const char *errors, _Py_bytebuf *out)
{
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    int per_char = kind == PyUnicode_1BYTE_KIND ? 2
                   : kind == PyUnicode_2BYTE_KIND ? 3 : 4;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    if (len > (PY_SSIZE_T_MAX - 1) / per_char) {
        PyErr_NoMemory();
        return -1;
    }
    if (_Py_bytebuf_reserve(out, len * per_char) < 0) {
        return -1;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_IS_SURROGATE(ch)) {
            Py_ssize_t j = i + 1;
            while (j < len && Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, data, j))) {
                j++;
            }
            if (_Py_encode_error(&handler, errors, "utf-8", "surrogates not allowed",
                                 _Py_CODEC_UTF8, str, i, j, out) < 0) {
                return -1;
            }
            /* Replacements may have used the room reserved for the rest. */
            if (_Py_bytebuf_reserve(out, (len - j) * per_char) < 0) {
                return -1;
            }
            i = j;
            continue;
        }
        unsigned char *q = (unsigned char *)out->data + out->len;
        if (ch < 0x80) {
            q[0] = (unsigned char)ch;
            out->len += 1;
        }
        else if (ch < 0x800) {
            q[0] = (unsigned char)(0xC0 | (ch >> 6));
            q[1] = (unsigned char)(0x80 | (ch & 0x3F));
            out->len += 2;
        }
        else if (ch < 0x10000) {
            q[0] = (unsigned char)(0xE0 | (ch >> 12));
            q[1] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
            q[2] = (unsigned char)(0x80 | (ch & 0x3F));
            out->len += 3;
        }
        else {
            q[0] = (unsigned char)(0xF0 | (ch >> 18));
            q[1] = (unsigned char)(0x80 | ((ch >> 12) & 0x3F));
            q[2] = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
            q[3] = (unsigned char)(0x80 | (ch & 0x3F));
            out->len += 4;
        }
        i++;
    }
    return 0;
}

char *
_Py_unicode_encode_utf8_buffer(PyObject *unicode, Py_ssize_t *size)
{
    _Py_bytebuf out;
    _Py_bytebuf_init(&out);
    if (utf8_encode_into(unicode, NULL, &out) < 0) {
        _Py_bytebuf_free(&out);
        return NULL;
    }
    if (_Py_bytebuf_reserve(&out, 1) < 0) {
        _Py_bytebuf_free(&out);
        return NULL;
    }
    out.data[out.len] = '\0';
    *size = out.len;
    /* Trim the worst-case reservation: the cache lives as long as the str. */
    char *trimmed = PyMem_Realloc(out.data, (size_t)out.len + 1);
    return trimmed != NULL ? trimmed : out.data;
}

PyObject *
_PyUnicode_AsUTF8String(PyObject *unicode, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        return PyBytes_FromStringAndSize(PyUnicode_DATA(unicode),
                                         PyUnicode_GET_LENGTH(unicode));
    }
    const char *cached = __atomic_load_n(&_PyCompactUnicodeObject_CAST(unicode)->utf8,
                                         __ATOMIC_ACQUIRE);
    if (cached != NULL) {
        return PyBytes_FromStringAndSize(
            cached, __atomic_load_n(&_PyCompactUnicodeObject_CAST(unicode)->utf8_length,
                                    __ATOMIC_RELAXED));
    }
    _Py_bytebuf out;
    _Py_bytebuf_init(&out);
    if (utf8_encode_into(unicode, errors, &out) < 0) {
        _Py_bytebuf_free(&out);
        return NULL;
    }
    return _Py_bytebuf_finish(&out);
}

PyObject *
PyUnicode_AsUTF8String(PyObject *unicode)
{
    return _PyUnicode_AsUTF8String(unicode, NULL);
}

/* ---- ASCII and latin-1 ---------------------------------------------------- */

PyObject *
PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors)
{
    (void)errors;   /* every byte decodes */
    return _PyUnicode_FromUCS1((const Py_UCS1 *)s, size);
}

PyObject *
PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors)
{
    Py_ssize_t prefix = _Py_ascii_prefix(s, size);
    if (prefix == size) {
        if (size == 0) {
            return _Py_unicode_new_empty();
        }
        return _PyUnicode_FromASCII(s, size);
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    Py_ssize_t pos = 0;
    while (pos < size) {
        Py_ssize_t run = _Py_ascii_prefix(s + pos, size - pos);
        if (_PyUnicodeWriter_WriteASCIIString(&writer, s + pos, run) < 0) {
            goto error;
        }
        pos += run;
        if (pos < size) {
            pos = _Py_decode_error(&handler, errors, "ascii",
                                   "ordinal not in range(128)", _Py_CODEC_ASCII,
                                   s, size, pos, pos + 1, &writer);
            if (pos < 0) {
                goto error;
            }
        }
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

/* ASCII (limit 128) or latin-1 (limit 256) encoding. */
static PyObject *
encode_ucs1(PyObject *str, const char *errors, Py_UCS4 limit)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (PyUnicode_IS_ASCII(str) || (limit == 256 && kind == PyUnicode_1BYTE_KIND)) {
        return PyBytes_FromStringAndSize(data, len);
    }
    const char *encoding = limit == 128 ? "ascii" : "latin-1";
    const char *reason = limit == 128 ? "ordinal not in range(128)"
                                      : "ordinal not in range(256)";
    _Py_codec codec = limit == 128 ? _Py_CODEC_ASCII : _Py_CODEC_LATIN1;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _Py_bytebuf out;
    _Py_bytebuf_init(&out);
    if (_Py_bytebuf_reserve(&out, len) < 0) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < limit) {
            out.data[out.len++] = (char)ch;
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        while (j < len && PyUnicode_READ(kind, data, j) >= limit) {
            j++;
        }
        if (_Py_encode_error(&handler, errors, encoding, reason, codec, str,
                             i, j, &out) < 0
            || _Py_bytebuf_reserve(&out, len - j) < 0) {
            _Py_bytebuf_free(&out);
            return NULL;
        }
        i = j;
    }
    return _Py_bytebuf_finish(&out);
}

PyObject *
_PyUnicode_AsASCIIString(PyObject *unicode, const char *errors)
{
    return encode_ucs1(unicode, errors, 128);
}

PyObject *
PyUnicode_AsASCIIString(PyObject *unicode)
{
    return encode_ucs1(unicode, NULL, 128);
}

PyObject *
_PyUnicode_AsLatin1String(PyObject *unicode, const char *errors)
{
    return encode_ucs1(unicode, errors, 256);
}

PyObject *
PyUnicode_AsLatin1String(PyObject *unicode)
{
    return encode_ucs1(unicode, NULL, 256);
}

/* ---- PyUnicode_FromFormat ---------------------------------------------------- */

#define IS_ASCII_DIGIT(c) ((c) >= '0' && (c) <= '9')

/* Write str[:precision] padded to width characters (spaces; on the left
   unless left_align).  precision < 0 means no limit. */
int
_Py_unicode_write_padded(_PyUnicodeWriter *writer, PyObject *str, Py_ssize_t width,
                         Py_ssize_t precision, int left_align)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (precision >= 0 && precision < len) {
        len = precision;
    }
    Py_ssize_t fill = width > len ? width - len : 0;
    if (fill > 0) {
        if (_PyUnicodeWriter_Prepare(writer, len + fill,
                                     _PyUnicode_FindMaxChar(str, 0, len)) < 0) {
            return -1;
        }
    }
    if (fill > 0 && !left_align) {
        _Py_fill_characters(writer->kind, writer->data, ' ', writer->pos, fill);
        writer->pos += fill;
    }
    if (_PyUnicodeWriter_WriteSubstring(writer, str, 0, len) < 0) {
        return -1;
    }
    if (fill > 0 && left_align) {
        _Py_fill_characters(writer->kind, writer->data, ' ', writer->pos, fill);
        writer->pos += fill;
    }
    return 0;
}

/* Same for a new reference, consumed. */
static int
write_padded_steal(_PyUnicodeWriter *writer, PyObject *str, Py_ssize_t width,
                   Py_ssize_t precision, int left_align)
{
    if (str == NULL) {
        return -1;
    }
    int res = _Py_unicode_write_padded(writer, str, width, precision, left_align);
    Py_DECREF(str);
    return res;
}

/* The fully qualified name of a type with `sep` between module and
   qualified name; builtins and __main__ are left out (as %T does). */
static PyObject *
type_qualified_name(PyTypeObject *type, const char *sep)
{
    PyObject *qualname = PyType_GetQualName(type);
    if (qualname == NULL) {
        return NULL;
    }
    PyObject *module = PyType_GetModuleName(type);
    if (module == NULL) {
        Py_DECREF(qualname);
        return NULL;
    }
    PyObject *res;
    if (!PyUnicode_Check(module)
        || _PyUnicode_EqualToASCIIString(module, "builtins")
        || _PyUnicode_EqualToASCIIString(module, "__main__")) {
        res = Py_NewRef(qualname);
    }
    else {
        res = PyUnicode_FromFormat("%U%s%U", module, sep, qualname);
    }
    Py_DECREF(module);
    Py_DECREF(qualname);
    return res;
}

/* Format one integer conversion with C's printf (its rules for flags,
   width and precision are the ones CPython documents for these units). */
static int
format_integer(_PyUnicodeWriter *writer, char conv, const char *lenmod,
               int left, int zero, Py_ssize_t width, Py_ssize_t precision,
               va_list *vargs)
{
    char fmt[32];
    char small[128];
    int is_signed = conv == 'd' || conv == 'i';
    long long sval = 0;
    unsigned long long uval = 0;
    if (strcmp(lenmod, "l") == 0) {
        if (is_signed) sval = va_arg(*vargs, long);
        else uval = va_arg(*vargs, unsigned long);
    }
    else if (strcmp(lenmod, "ll") == 0) {
        if (is_signed) sval = va_arg(*vargs, long long);
        else uval = va_arg(*vargs, unsigned long long);
    }
    else if (strcmp(lenmod, "z") == 0) {
        if (is_signed) sval = va_arg(*vargs, Py_ssize_t);
        else uval = va_arg(*vargs, size_t);
    }
    else if (strcmp(lenmod, "t") == 0) {
        if (is_signed) sval = va_arg(*vargs, ptrdiff_t);
        else uval = (unsigned long long)va_arg(*vargs, ptrdiff_t);
    }
    else if (strcmp(lenmod, "j") == 0) {
        if (is_signed) sval = va_arg(*vargs, intmax_t);
        else uval = va_arg(*vargs, uintmax_t);
    }
    else {
        if (is_signed) sval = va_arg(*vargs, int);
        else uval = va_arg(*vargs, unsigned int);
    }
    if (width > 10000 || precision > 10000) {
        PyErr_SetString(PyExc_ValueError, "width or precision too big");
        return -1;
    }
    char *p = fmt;
    *p++ = '%';
    if (left) *p++ = '-';
    if (zero) *p++ = '0';
    p += sprintf(p, "*.*ll%c", conv == 'i' ? 'd' : conv);
    int w = (int)(width < 0 ? 0 : width);
    int prec = (int)precision;     /* negative: C's "no precision" */
    int n = is_signed ? snprintf(small, sizeof small, fmt, w, prec, sval)
                      : snprintf(small, sizeof small, fmt, w, prec, uval);
    if (n < (int)sizeof small) {
        return _PyUnicodeWriter_WriteASCIIString(writer, small, n);
    }
    char *big = PyMem_Malloc((size_t)n + 1);
    if (big == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (is_signed) {
        snprintf(big, (size_t)n + 1, fmt, w, prec, sval);
    }
    else {
        snprintf(big, (size_t)n + 1, fmt, w, prec, uval);
    }
    int res = _PyUnicodeWriter_WriteASCIIString(writer, big, n);
    PyMem_Free(big);
    return res;
}

/* A C string argument: UTF-8 decoded with "replace", at most precision
   bytes (an incomplete sequence at the cut is dropped). */
static PyObject *
decode_c_string(const char *s, Py_ssize_t precision)
{
    Py_ssize_t len;
    if (precision < 0) {
        len = (Py_ssize_t)strlen(s);
    }
    else {
        len = 0;
        while (len < precision && s[len] != '\0') {
            len++;
        }
    }
    Py_ssize_t consumed;
    return PyUnicode_DecodeUTF8Stateful(s, len, "replace",
                                        precision >= 0 ? &consumed : NULL);
}

static PyObject *
decode_wide_string(const wchar_t *s, Py_ssize_t precision)
{
    Py_ssize_t len = 0;
    while ((precision < 0 || len < precision) && s[len] != 0) {
        len++;
    }
    return PyUnicode_FromWideChar(s, len);
}

/* Parse and apply one conversion starting at f ('%'); returns the
   format position after it, or NULL with an exception. */
static const char *
format_one(_PyUnicodeWriter *writer, const char *f, va_list *vargs)
{
    const char *start = f;
    f++;
    if (*f == '%') {
        return _PyUnicodeWriter_WriteChar(writer, '%') < 0 ? NULL : f + 1;
    }
    int left = 0, zero = 0, alt = 0;
    for (;; f++) {
        if (*f == '-') left = 1;
        else if (*f == '0') zero = 1;
        else if (*f == '#') alt = 1;
        else break;
    }
    Py_ssize_t width = -1, precision = -1;
    if (*f == '*') {
        width = va_arg(*vargs, int);
        if (width < 0) {
            left = 1;
            width = -width;
        }
        f++;
    }
    else if (IS_ASCII_DIGIT(*f)) {
        width = 0;
        while (IS_ASCII_DIGIT(*f)) {
            if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "width too big");
                return NULL;
            }
            width = width * 10 + (*f++ - '0');
        }
    }
    if (*f == '.') {
        f++;
        if (*f == '*') {
            precision = va_arg(*vargs, int);
            if (precision < 0) {
                precision = -1;
            }
            f++;
        }
        else {
            precision = 0;
            while (IS_ASCII_DIGIT(*f)) {
                if (precision > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "precision too big");
                    return NULL;
                }
                precision = precision * 10 + (*f++ - '0');
            }
        }
    }
    char lenmod[3] = "";
    if (*f == 'l') {
        f++;
        if (*f == 'l') {
            strcpy(lenmod, "ll");
            f++;
        }
        else {
            strcpy(lenmod, "l");
        }
    }
    else if (*f == 'z' || *f == 't' || *f == 'j') {
        lenmod[0] = *f++;
    }
    char conv = *f;
    int res;
    switch (conv) {
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        res = format_integer(writer, conv, lenmod, left, zero, width,
                             precision, vargs);
        break;
    case 'c': {
        int ch = va_arg(*vargs, int);
        if (ch < 0 || ch > MAX_UNICODE) {
            PyErr_SetString(PyExc_OverflowError,
                            "character argument not in range(0x110000)");
            return NULL;
        }
        res = write_padded_steal(writer, _Py_unicode_char((Py_UCS4)ch),
                                 width, -1, left);
        break;
    }
    case 'p': {
        char buf[64];
        int n = snprintf(buf, sizeof buf, "0x%" PRIxPTR,
                         (uintptr_t)va_arg(*vargs, void *));
        res = write_padded_steal(writer, _PyUnicode_FromASCII(buf, n),
                                 width, -1, left);
        break;
    }
    case 's':
        if (lenmod[0] == 'l') {
            const wchar_t *ws = va_arg(*vargs, const wchar_t *);
            res = write_padded_steal(writer, decode_wide_string(ws, precision),
                                     width, -1, left);
        }
        else {
            const char *s = va_arg(*vargs, const char *);
            res = write_padded_steal(writer, decode_c_string(s, precision),
                                     width, -1, left);
        }
        break;
    case 'U': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        res = _Py_unicode_write_padded(writer, obj, width, precision, left);
        break;
    }
    case 'V': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        if (lenmod[0] == 'l') {
            const wchar_t *ws = va_arg(*vargs, const wchar_t *);
            res = obj ? _Py_unicode_write_padded(writer, obj, width, precision, left)
                      : write_padded_steal(writer, decode_wide_string(ws, precision),
                                           width, -1, left);
        }
        else {
            const char *s = va_arg(*vargs, const char *);
            res = obj ? _Py_unicode_write_padded(writer, obj, width, precision, left)
                      : write_padded_steal(writer, decode_c_string(s, precision),
                                           width, -1, left);
        }
        break;
    }
    case 'S':
        res = write_padded_steal(writer, PyObject_Str(va_arg(*vargs, PyObject *)),
                                 width, precision, left);
        break;
    case 'R':
        res = write_padded_steal(writer, PyObject_Repr(va_arg(*vargs, PyObject *)),
                                 width, precision, left);
        break;
    case 'A':
        res = write_padded_steal(writer, PyObject_ASCII(va_arg(*vargs, PyObject *)),
                                 width, precision, left);
        break;
    case 'T': {
        PyObject *obj = va_arg(*vargs, PyObject *);
        res = write_padded_steal(writer,
                                 type_qualified_name(Py_TYPE(obj), alt ? ":" : "."),
                                 width, precision, left);
        break;
    }
    case 'N': {
        PyObject *type = va_arg(*vargs, PyObject *);
        if (!PyType_Check(type)) {
            PyErr_Format(PyExc_TypeError, "%%N argument must be a type");
            return NULL;
        }
        res = write_padded_steal(writer,
                                 type_qualified_name((PyTypeObject *)type,
                                                     alt ? ":" : "."),
                                 width, precision, left);
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "invalid format string: %s", start);
        return NULL;
    }
    return res < 0 ? NULL : f + 1;
}

int
_Py_unicode_format_into(_PyUnicodeWriter *writer, const char *format,
                        va_list vargs)
{
    va_list args;
    va_copy(args, vargs);
    const char *f = format;
    while (*f) {
        if (*f == '%') {
            f = format_one(writer, f, &args);
            if (f == NULL) {
                va_end(args);
                return -1;
            }
            continue;
        }
        const char *run = f;
        while (*f && *f != '%') {
            if ((unsigned char)*f >= 128) {
                PyErr_Format(PyExc_ValueError,
                             "PyUnicode_FromFormatV() expects an ASCII-encoded "
                             "format string, got a non-ASCII byte: 0x%02x",
                             (unsigned char)*f);
                va_end(args);
                return -1;
            }
            f++;
        }
        if (_PyUnicodeWriter_WriteASCIIString(writer, run, f - run) < 0) {
            va_end(args);
            return -1;
        }
    }
    va_end(args);
    return 0;
}

PyObject *
PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = (Py_ssize_t)strlen(format) + 16;
    writer.overallocate = 1;
    if (_Py_unicode_format_into(&writer, format, vargs) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

PyObject *
PyUnicode_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *res = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    return res;
}

/* ---- repr -------------------------------------------------------------------- */

PyObject *
_PyUnicode_Repr(PyObject *unicode)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    /* Single quotes unless the text has single quotes and no doubles. */
    Py_ssize_t squotes = 0, dquotes = 0;
    Py_ssize_t outlen = 2;
    Py_UCS4 maxchar = 127;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        Py_ssize_t incr;
        if (ch == '\'') { squotes++; incr = 1; }
        else if (ch == '"') { dquotes++; incr = 1; }
        else if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') incr = 2;
        else if (ch < ' ' || ch == 0x7F) incr = 4;
        else if (ch < 0x7F) incr = 1;
        else if (Py_UNICODE_ISPRINTABLE(ch)) {
            incr = 1;
            if (ch > maxchar) maxchar = ch;
        }
        else if (ch < 0x100) incr = 4;
        else if (ch < 0x10000) incr = 6;
        else incr = 10;
        if (outlen > PY_SSIZE_T_MAX - incr) {
            PyErr_SetString(PyExc_OverflowError, "string is too long to generate repr");
            return NULL;
        }
        outlen += incr;
    }
    Py_UCS4 quote = '\'';
    if (squotes && !dquotes) {
        quote = '"';
    }
    else if (squotes) {
        outlen += squotes;  /* each ' becomes \' */
    }
    PyObject *repr = PyUnicode_New(outlen, maxchar);
    if (repr == NULL) {
        return NULL;
    }
    int okind = PyUnicode_KIND(repr);
    void *odata = PyUnicode_DATA(repr);
    static const char hexdigits[] = "0123456789abcdef";
    Py_ssize_t o = 0;
    PyUnicode_WRITE(okind, odata, o++, quote);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == quote || ch == '\\') {
            PyUnicode_WRITE(okind, odata, o++, '\\');
            PyUnicode_WRITE(okind, odata, o++, ch);
        }
        else if (ch == '\t' || ch == '\n' || ch == '\r') {
            PyUnicode_WRITE(okind, odata, o++, '\\');
            PyUnicode_WRITE(okind, odata, o++, ch == '\t' ? 't' : ch == '\n' ? 'n' : 'r');
        }
        else if ((ch >= ' ' && ch < 0x7F) || (ch > 0x7F && Py_UNICODE_ISPRINTABLE(ch))) {
            PyUnicode_WRITE(okind, odata, o++, ch);
        }
        else {
            int digits = ch < 0x100 ? 2 : ch < 0x10000 ? 4 : 8;
            PyUnicode_WRITE(okind, odata, o++, '\\');
            PyUnicode_WRITE(okind, odata, o++, digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
            for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
                PyUnicode_WRITE(okind, odata, o++, hexdigits[(ch >> shift) & 0xF]);
            }
        }
    }
    PyUnicode_WRITE(okind, odata, o++, quote);
    return repr;
}

static PyObject *
unicode_repr(PyObject *unicode)
{
    return _PyUnicode_Repr(unicode);
}

/* ---- concatenation, repetition, join -------------------------------------- */

PyObject *
PyUnicode_Concat(PyObject *left, PyObject *right)
{
    if (!PyUnicode_Check(left)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s",
                     Py_TYPE(left)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(right)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(right)->tp_name);
        return NULL;
    }
    Py_ssize_t llen = PyUnicode_GET_LENGTH(left);
    Py_ssize_t rlen = PyUnicode_GET_LENGTH(right);
    if (llen == 0) {
        return _Py_unicode_result_unchanged(right);
    }
    if (rlen == 0) {
        return _Py_unicode_result_unchanged(left);
    }
    if (llen > PY_SSIZE_T_MAX - rlen) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(left),
                             PyUnicode_MAX_CHAR_VALUE(right));
    PyObject *res = PyUnicode_New(llen + rlen, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    void *data = PyUnicode_DATA(res);
    _Py_copy_characters(kind, data, 0, PyUnicode_KIND(left),
                        PyUnicode_DATA(left), 0, llen);
    _Py_copy_characters(kind, data, llen, PyUnicode_KIND(right),
                        PyUnicode_DATA(right), 0, rlen);
    return res;
}

void
PyUnicode_Append(PyObject **p_left, PyObject *right)
{
    if (p_left == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_BadInternalCall();
        }
        return;
    }
    PyObject *left = *p_left;
    if (right == NULL || left == NULL || !PyUnicode_Check(left)
        || !PyUnicode_Check(right)) {
        if (!PyErr_Occurred()) {
            PyErr_BadInternalCall();
        }
        Py_CLEAR(*p_left);
        return;
    }
    Py_ssize_t llen = PyUnicode_GET_LENGTH(left);
    Py_ssize_t rlen = PyUnicode_GET_LENGTH(right);
    if (rlen > 0 && llen > 0 && unicode_modifiable(left)
        && PyUnicode_IS_COMPACT(left)
        && PyUnicode_KIND(right) <= PyUnicode_KIND(left)
        && !(PyUnicode_IS_ASCII(left) && !PyUnicode_IS_ASCII(right))
        && llen <= PY_SSIZE_T_MAX - rlen) {
        /* Nobody else sees left: grow it in place (amortises s += t). */
        PyObject *res = _Py_unicode_resize_compact(left, llen + rlen);
        *p_left = res;
        if (res == NULL) {
            return;
        }
        _Py_copy_characters(PyUnicode_KIND(res), PyUnicode_DATA(res), llen,
                            PyUnicode_KIND(right), PyUnicode_DATA(right), 0, rlen);
        return;
    }
    PyObject *res = PyUnicode_Concat(left, right);
    Py_SETREF(*p_left, res);
}

void
PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right)
{
    PyUnicode_Append(pleft, right);
    Py_XDECREF(right);
}

static PyObject *
unicode_concat(PyObject *left, PyObject *right)
{
    return PyUnicode_Concat(left, right);
}

PyObject *
_Py_unicode_repeat(PyObject *str, Py_ssize_t n)
{
    if (n < 1) {
        return _Py_unicode_new_empty();
    }
    if (n == 1) {
        return _Py_unicode_result_unchanged(str);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (len == 0) {
        return _Py_unicode_new_empty();
    }
    if (len > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    Py_ssize_t total = len * n;
    PyObject *res = PyUnicode_New(total, PyUnicode_MAX_CHAR_VALUE(str));
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(str);
    char *to = PyUnicode_DATA(res);
    if (len == 1 && kind == PyUnicode_1BYTE_KIND) {
        memset(to, PyUnicode_1BYTE_DATA(str)[0], (size_t)total);
        return res;
    }
    /* Copy once, then double the filled prefix. */
    size_t done = (size_t)len * kind, all = (size_t)total * kind;
    memcpy(to, PyUnicode_DATA(str), done);
    while (done < all) {
        size_t chunk = Py_MIN(done, all - done);
        memcpy(to + done, to, chunk);
        done += chunk;
    }
    return res;
}

static PyObject *
unicode_repeat(PyObject *str, Py_ssize_t n)
{
    return _Py_unicode_repeat(str, n);
}

PyObject *
_PyUnicode_JoinArray(PyObject *separator, PyObject *const *items,
                     Py_ssize_t seqlen)
{
    if (seqlen == 0) {
        return _Py_unicode_new_empty();
    }
    PyObject *sep = NULL;
    Py_ssize_t seplen = 0;
    if (seqlen > 1) {
        if (separator == NULL) {
            sep = _PyUnicode_Latin1Char(' ');
        }
        else if (!PyUnicode_Check(separator)) {
            PyErr_Format(PyExc_TypeError, "separator: expected str instance,"
                         " %.80s found", Py_TYPE(separator)->tp_name);
            return NULL;
        }
        else {
            sep = separator;
        }
        seplen = PyUnicode_GET_LENGTH(sep);
    }
    if (seqlen == 1 && PyUnicode_CheckExact(items[0])) {
        return Py_NewRef(items[0]);
    }
    Py_UCS4 maxchar = sep != NULL && seplen ? PyUnicode_MAX_CHAR_VALUE(sep) : 0;
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < seqlen; i++) {
        PyObject *item = items[i];
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError,
                         "sequence item %zd: expected str instance,"
                         " %.80s found", i, Py_TYPE(item)->tp_name);
            return NULL;
        }
        Py_ssize_t add = PyUnicode_GET_LENGTH(item) + (i ? seplen : 0);
        if (total > PY_SSIZE_T_MAX - add) {
            PyErr_SetString(PyExc_OverflowError, "join() result is too long");
            return NULL;
        }
        total += add;
        if (PyUnicode_GET_LENGTH(item)) {
            maxchar = Py_MAX(maxchar, PyUnicode_MAX_CHAR_VALUE(item));
        }
    }
    PyObject *res = PyUnicode_New(total, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    void *data = PyUnicode_DATA(res);
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < seqlen; i++) {
        if (i && seplen) {
            _Py_copy_characters(kind, data, pos, PyUnicode_KIND(sep),
                                PyUnicode_DATA(sep), 0, seplen);
            pos += seplen;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(items[i]);
        _Py_copy_characters(kind, data, pos, PyUnicode_KIND(items[i]),
                            PyUnicode_DATA(items[i]), 0, n);
        pos += n;
    }
    return res;
}

PyObject *
PyUnicode_Join(PyObject *separator, PyObject *seq)
{
    PyObject *fseq = PySequence_Fast(seq, "can only join an iterable");
    if (fseq == NULL) {
        return NULL;
    }
    PyObject *res;
    /* A list may be mutated by another thread while we read it. */
    Py_BEGIN_CRITICAL_SECTION(fseq);
    res = _PyUnicode_JoinArray(separator, PySequence_Fast_ITEMS(fseq),
                               PySequence_Fast_GET_SIZE(fseq));
    Py_END_CRITICAL_SECTION();
    Py_DECREF(fseq);
    return res;
}

/* ---- indexing ------------------------------------------------------------------ */

static Py_ssize_t
unicode_length(PyObject *self)
{
    return PyUnicode_GET_LENGTH(self);
}

static PyObject *
unicode_getitem(PyObject *self, Py_ssize_t index)
{
    if (index < 0 || index >= PyUnicode_GET_LENGTH(self)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    return _Py_unicode_char(PyUnicode_READ_CHAR(self, index));
}

static PyObject *
unicode_slice(PyObject *self, Py_ssize_t start, Py_ssize_t step,
              Py_ssize_t slicelength)
{
    if (slicelength <= 0) {
        return _Py_unicode_new_empty();
    }
    if (step == 1) {
        return PyUnicode_Substring(self, start, start + slicelength);
    }
    int kind = PyUnicode_KIND(self);
    const void *src = PyUnicode_DATA(self);
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = 0, cur = start; i < slicelength; i++, cur += step) {
        Py_UCS4 ch = PyUnicode_READ(kind, src, cur);
        if (ch > maxchar) {
            maxchar = ch;
            if (maxchar >= (Py_UCS4)PyUnicode_MAX_CHAR_VALUE(self)) {
                break;
            }
        }
    }
    if (slicelength == 1) {
        return _Py_unicode_char(PyUnicode_READ(kind, src, start));
    }
    PyObject *res = PyUnicode_New(slicelength, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int rkind = PyUnicode_KIND(res);
    void *dst = PyUnicode_DATA(res);
    for (Py_ssize_t i = 0, cur = start; i < slicelength; i++, cur += step) {
        PyUnicode_WRITE(rkind, dst, i, PyUnicode_READ(kind, src, cur));
    }
    return res;
}

static PyObject *
unicode_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += PyUnicode_GET_LENGTH(self);
        }
        return unicode_getitem(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t slicelength = PySlice_AdjustIndices(
            PyUnicode_GET_LENGTH(self), &start, &stop, step);
        if (start == 0 && step == 1 && slicelength == PyUnicode_GET_LENGTH(self)) {
            return _Py_unicode_result_unchanged(self);
        }
        return unicode_slice(self, start, step, slicelength);
    }
    PyErr_Format(PyExc_TypeError, "string indices must be integers, not '%.200s'",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* ---- construction from Python: str(), decoding objects ---------------------- */

PyObject *
PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding,
                            const char *errors)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_Check(obj)) {
        if (PyBytes_GET_SIZE(obj) == 0) {
            if (_Py_lookup_encoding(encoding) < 0) {
                return NULL;
            }
            return _Py_unicode_new_empty();
        }
        return PyUnicode_Decode(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj),
                                encoding, errors);
    }
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Format(PyExc_TypeError,
                     "decoding to str: need a bytes-like object, %.80s found",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *res;
    if (view.len == 0) {
        res = _Py_lookup_encoding(encoding) < 0 ? NULL : _Py_unicode_new_empty();
    }
    else {
        res = PyUnicode_Decode(view.buf, view.len, encoding, errors);
    }
    PyBuffer_Release(&view);
    return res;
}

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict'),
   always an exact str. */
static PyObject *
unicode_new_exact(PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "encoding", "errors", NULL};
    PyObject *obj = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:str", kwlist,
                                     &obj, &encoding, &errors)) {
        return NULL;
    }
    if (obj == NULL) {
        return _Py_unicode_new_empty();
    }
    if (encoding == NULL && errors == NULL) {
        return PyObject_Str(obj);
    }
    return PyUnicode_FromEncodedObject(obj, encoding, errors);
}

/* A str subclass instance: tp_alloc makes room for __dict__ and the
   like, so the characters go in a separate buffer (state.compact = 0). */
static PyObject *
unicode_subtype_new(PyTypeObject *type, PyObject *unicode)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    void *data = PyObject_Malloc(((size_t)len + 1) * kind);
    if (data == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        PyObject_Free(data);
        return NULL;
    }
    memcpy(data, PyUnicode_DATA(unicode), ((size_t)len + 1) * kind);
    PyUnicodeObject *u = _PyUnicodeObject_CAST(self);
    PyASCIIObject *a = _PyASCIIObject_CAST(self);
    a->length = len;
    a->hash = __atomic_load_n(&_PyASCIIObject_CAST(unicode)->hash, __ATOMIC_RELAXED);
    a->state.interned = SSTATE_NOT_INTERNED;
    a->state.kind = (unsigned int)kind;
    a->state.compact = 0;
    a->state.ascii = PyUnicode_IS_ASCII(unicode);
    a->state.statically_allocated = 0;
    u->_base.utf8 = NULL;
    u->_base.utf8_length = 0;
    u->data.any = data;
    return self;
}

static PyObject *
unicode_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *unicode = unicode_new_exact(args, kwds);
    if (unicode == NULL || type == &PyUnicode_Type) {
        return unicode;
    }
    PyObject *self = unicode_subtype_new(type, unicode);
    Py_DECREF(unicode);
    return self;
}

static PyObject *
unicode_str(PyObject *self)
{
    return _Py_unicode_result_unchanged(self);
}

static PyObject *
unicode_mod(PyObject *v, PyObject *w)
{
    if (!PyUnicode_Check(v)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyUnicode_Format(v, w);
}

static int
unicode_contains(PyObject *container, PyObject *element)
{
    return PyUnicode_Contains(container, element);
}

/* ---- the iterator ----------------------------------------------------------------- */

/* it_index is advanced with relaxed atomics: racing next() calls may
   return the same character twice but always read in bounds, and the
   string (immutable) is kept until the iterator dies. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;   /* a str, owned */
} unicodeiterobject;

PyObject *
_PyUnicode_Iter(PyObject *seq)
{
    if (!PyUnicode_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    unicodeiterobject *it = PyObject_GC_New(unicodeiterobject, &PyUnicodeIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
unicodeiter_dealloc(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
unicodeiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((unicodeiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
unicodeiter_next(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t i = __atomic_load_n(&it->it_index, __ATOMIC_RELAXED);
    PyObject *seq = it->it_seq;
    if (i >= PyUnicode_GET_LENGTH(seq)) {
        return NULL;
    }
    __atomic_store_n(&it->it_index, i + 1, __ATOMIC_RELAXED);
    return _Py_unicode_char(PyUnicode_READ_CHAR(seq, i));
}

static PyObject *
unicodeiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t left = PyUnicode_GET_LENGTH(it->it_seq)
                      - __atomic_load_n(&it->it_index, __ATOMIC_RELAXED);
    return PyLong_FromSsize_t(left > 0 ? left : 0);
}

static PyMethodDef unicodeiter_methods[] = {
    {"__length_hint__", unicodeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyUnicodeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};

static PyObject *
unicode_iter(PyObject *seq)
{
    return _PyUnicode_Iter(seq);
}

/* ---- UTF-16 and UTF-32 --------------------------------------------------------- */

static Py_UCS4
read_unit(const unsigned char *p, int width, int little)
{
    if (width == 2) {
        return little ? (Py_UCS4)(p[0] | (p[1] << 8)) : (Py_UCS4)((p[0] << 8) | p[1]);
    }
    if (little) {
        return (Py_UCS4)p[0] | ((Py_UCS4)p[1] << 8) | ((Py_UCS4)p[2] << 16)
               | ((Py_UCS4)p[3] << 24);
    }
    return ((Py_UCS4)p[0] << 24) | ((Py_UCS4)p[1] << 16) | ((Py_UCS4)p[2] << 8)
           | (Py_UCS4)p[3];
}

/* The byte order to decode with: *byteorder (-1 little, 1 big, 0 or
   NULL: from a BOM, little-endian without one).  Skips a BOM. */
static int
detect_byte_order(const unsigned char *s, Py_ssize_t size, int width,
                  int *byteorder, Py_ssize_t *pos)
{
    int bo = byteorder != NULL ? *byteorder : 0;
    *pos = 0;
    if (bo == 0 && size >= width) {
        Py_UCS4 bom = read_unit(s, width, 1);
        if (bom == 0xFEFF) {
            bo = -1;
            *pos = width;
        }
        else if (width == 2 ? bom == 0xFFFE : bom == 0xFFFE0000) {
            bo = 1;
            *pos = width;
        }
    }
    return bo == 0 ? -1 : bo;
}

PyObject *
PyUnicode_DecodeUTF16Stateful(const char *str, Py_ssize_t size,
                              const char *errors, int *byteorder,
                              Py_ssize_t *consumed)
{
    const unsigned char *s = (const unsigned char *)str;
    Py_ssize_t pos;
    int bo = detect_byte_order(s, size, 2, byteorder, &pos);
    int little = bo < 0;
    const char *encoding = little ? "utf-16-le" : "utf-16-be";
    _Py_codec codec = little ? _Py_CODEC_UTF16LE : _Py_CODEC_UTF16BE;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = (size - pos) / 2;
    writer.overallocate = 1;
    while (pos < size) {
        const char *reason;
        Py_ssize_t err_end;
        if (size - pos < 2) {
            if (consumed != NULL) {
                break;
            }
            reason = "truncated data";
            err_end = size;
        }
        else {
            Py_UCS4 u = read_unit(s + pos, 2, little);
            if (!Py_UNICODE_IS_SURROGATE(u)) {
                if (_PyUnicodeWriter_WriteChar(&writer, u) < 0) {
                    goto error;
                }
                pos += 2;
                continue;
            }
            if (Py_UNICODE_IS_LOW_SURROGATE(u)) {
                reason = "illegal encoding";
                err_end = pos + 2;
            }
            else if (size - pos < 4) {
                if (consumed != NULL) {
                    break;
                }
                reason = "unexpected end of data";
                err_end = size;
            }
            else {
                Py_UCS4 u2 = read_unit(s + pos + 2, 2, little);
                if (Py_UNICODE_IS_LOW_SURROGATE(u2)) {
                    if (_PyUnicodeWriter_WriteChar(
                            &writer, Py_UNICODE_JOIN_SURROGATES(u, u2)) < 0) {
                        goto error;
                    }
                    pos += 4;
                    continue;
                }
                reason = "illegal UTF-16 surrogate";
                err_end = pos + 2;
            }
        }
        pos = _Py_decode_error(&handler, errors, encoding, reason, codec,
                               str, size, pos, err_end, &writer);
        if (pos < 0) {
            goto error;
        }
    }
    if (byteorder != NULL) {
        *byteorder = bo;
    }
    if (consumed != NULL) {
        *consumed = pos;
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors,
                      int *byteorder)
{
    return PyUnicode_DecodeUTF16Stateful(s, size, errors, byteorder, NULL);
}

PyObject *
PyUnicode_DecodeUTF32Stateful(const char *str, Py_ssize_t size,
                              const char *errors, int *byteorder,
                              Py_ssize_t *consumed)
{
    const unsigned char *s = (const unsigned char *)str;
    Py_ssize_t pos;
    int bo = detect_byte_order(s, size, 4, byteorder, &pos);
    int little = bo < 0;
    const char *encoding = little ? "utf-32-le" : "utf-32-be";
    _Py_codec codec = little ? _Py_CODEC_UTF32LE : _Py_CODEC_UTF32BE;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = (size - pos) / 4;
    writer.overallocate = 1;
    while (pos < size) {
        const char *reason;
        Py_ssize_t err_end;
        if (size - pos < 4) {
            if (consumed != NULL) {
                break;
            }
            reason = "truncated data";
            err_end = size;
        }
        else {
            Py_UCS4 ch = read_unit(s + pos, 4, little);
            if (ch <= MAX_UNICODE && !Py_UNICODE_IS_SURROGATE(ch)) {
                if (_PyUnicodeWriter_WriteChar(&writer, ch) < 0) {
                    goto error;
                }
                pos += 4;
                continue;
            }
            reason = ch > MAX_UNICODE
                ? "code point not in range(0x110000)"
                : "code point in surrogate code point range(0xd800, 0xe000)";
            err_end = pos + 4;
        }
        pos = _Py_decode_error(&handler, errors, encoding, reason, codec,
                               str, size, pos, err_end, &writer);
        if (pos < 0) {
            goto error;
        }
    }
    if (byteorder != NULL) {
        *byteorder = bo;
    }
    if (consumed != NULL) {
        *consumed = pos;
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors,
                      int *byteorder)
{
    return PyUnicode_DecodeUTF32Stateful(s, size, errors, byteorder, NULL);
}

/* UTF-16 (width 2) or UTF-32 (width 4).  byteorder 0 writes a BOM and
   then little-endian; -1 little-endian, 1 big-endian, without BOM. */
static PyObject *
encode_utf16_32(PyObject *str, const char *errors, int byteorder, int width)
{
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return NULL;
    }
    int little = byteorder <= 0;
    _Py_codec codec = width == 2 ? (little ? _Py_CODEC_UTF16LE : _Py_CODEC_UTF16BE)
                                 : (little ? _Py_CODEC_UTF32LE : _Py_CODEC_UTF32BE);
    const char *encoding = width == 2
        ? (byteorder == 0 ? "utf-16" : little ? "utf-16-le" : "utf-16-be")
        : (byteorder == 0 ? "utf-32" : little ? "utf-32-le" : "utf-32-be");
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _Py_bytebuf out;
    _Py_bytebuf_init(&out);
    /* Worst case: every character a surrogate pair (4 bytes either way). */
    if (len > PY_SSIZE_T_MAX / 4 - 1 || _Py_bytebuf_reserve(&out, len * 4 + 4) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return NULL;
    }
    if (byteorder == 0) {
        _Py_codec_put(&out, codec, 0xFEFF);
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_IS_SURROGATE(ch)) {
            /* One character at a time, as CPython reports them here. */
            Py_ssize_t j = i + 1;
            if (_Py_encode_error(&handler, errors, encoding, "surrogates not allowed",
                                 codec, str, i, j, &out) < 0
                || _Py_bytebuf_reserve(&out, (len - j) * 4) < 0) {
                _Py_bytebuf_free(&out);
                return NULL;
            }
            i = j;
            continue;
        }
        if (width == 2 && ch >= 0x10000) {
            _Py_codec_put(&out, codec, Py_UNICODE_HIGH_SURROGATE(ch));
            _Py_codec_put(&out, codec, Py_UNICODE_LOW_SURROGATE(ch));
        }
        else {
            _Py_codec_put(&out, codec, ch);
        }
        i++;
    }
    return _Py_bytebuf_finish(&out);
}

PyObject *
_PyUnicode_EncodeUTF16(PyObject *str, const char *errors, int byteorder)
{
    return encode_utf16_32(str, errors, byteorder, 2);
}

PyObject *
_PyUnicode_EncodeUTF32(PyObject *str, const char *errors, int byteorder)
{
    return encode_utf16_32(str, errors, byteorder, 4);
}

PyObject *
PyUnicode_AsUTF16String(PyObject *unicode)
{
    return encode_utf16_32(unicode, NULL, 0, 2);
}

PyObject *
PyUnicode_AsUTF32String(PyObject *unicode)
{
    return encode_utf16_32(unicode, NULL, 0, 4);
}

/* ---- choosing a codec by name ----------------------------------------------------- */

int
_Py_normalize_encoding(const char *encoding, char *lower, size_t lower_len)
{
    size_t i = 0;
    for (const char *e = encoding; *e; e++) {
        if (i + 1 >= lower_len) {
            return 0;
        }
        char c = *e;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        else if (c == '-' || c == ' ') {
            c = '_';
        }
        lower[i++] = c;
    }
    lower[i] = '\0';
    return 1;
}

typedef enum {
    ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE,
    ENC_UTF32, ENC_UTF32LE, ENC_UTF32BE, ENC_UNICODE_ESCAPE,
    ENC_RAW_UNICODE_ESCAPE,
} builtin_encoding;

static const struct {
    const char *name;
    builtin_encoding id;
} encoding_aliases[] = {
    {"utf_8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"u8", ENC_UTF8}, {"utf", ENC_UTF8},
    {"utf8_ucs2", ENC_UTF8}, {"utf8_ucs4", ENC_UTF8}, {"cp65001", ENC_UTF8},
    {"ascii", ENC_ASCII}, {"us_ascii", ENC_ASCII}, {"646", ENC_ASCII},
    {"us", ENC_ASCII}, {"csascii", ENC_ASCII}, {"cp367", ENC_ASCII},
    {"ibm367", ENC_ASCII}, {"iso646_us", ENC_ASCII}, {"iso_ir_6", ENC_ASCII},
    {"ansi_x3.4_1968", ENC_ASCII}, {"ansi_x3_4_1968", ENC_ASCII},
    {"ansi_x3.4_1986", ENC_ASCII}, {"iso_646.irv_1991", ENC_ASCII},
    {"latin_1", ENC_LATIN1}, {"latin1", ENC_LATIN1}, {"latin", ENC_LATIN1},
    {"l1", ENC_LATIN1}, {"iso8859_1", ENC_LATIN1}, {"iso_8859_1", ENC_LATIN1},
    {"iso8859", ENC_LATIN1}, {"8859", ENC_LATIN1}, {"cp819", ENC_LATIN1},
    {"ibm819", ENC_LATIN1}, {"csisolatin1", ENC_LATIN1},
    {"iso_8859_1_1987", ENC_LATIN1}, {"iso_ir_100", ENC_LATIN1},
    {"utf_16", ENC_UTF16}, {"utf16", ENC_UTF16}, {"u16", ENC_UTF16},
    {"utf_16_le", ENC_UTF16LE}, {"utf_16le", ENC_UTF16LE},
    {"unicodelittleunmarked", ENC_UTF16LE},
    {"utf_16_be", ENC_UTF16BE}, {"utf_16be", ENC_UTF16BE},
    {"unicodebigunmarked", ENC_UTF16BE},
    {"utf_32", ENC_UTF32}, {"utf32", ENC_UTF32}, {"u32", ENC_UTF32},
    {"utf_32_le", ENC_UTF32LE}, {"utf_32le", ENC_UTF32LE},
    {"utf_32_be", ENC_UTF32BE}, {"utf_32be", ENC_UTF32BE},
    {"unicode_escape", ENC_UNICODE_ESCAPE},
    {"raw_unicode_escape", ENC_RAW_UNICODE_ESCAPE},
};

/* The built-in codec for an encoding name (NULL: UTF-8), or -1 with
   LookupError "unknown encoding: NAME". */
int
_Py_lookup_encoding(const char *encoding)
{
    if (encoding == NULL) {
        return ENC_UTF8;
    }
    char lower[64];
    if (_Py_normalize_encoding(encoding, lower, sizeof lower)) {
        for (size_t i = 0; i < Py_ARRAY_LENGTH(encoding_aliases); i++) {
            if (strcmp(lower, encoding_aliases[i].name) == 0) {
                return (int)encoding_aliases[i].id;
            }
        }
    }
    PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
    return -1;
}

PyObject *
PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding,
                 const char *errors)
{
    int bo;
    switch (_Py_lookup_encoding(encoding)) {
    case ENC_UTF8:
        return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
    case ENC_ASCII:
        return PyUnicode_DecodeASCII(s, size, errors);
    case ENC_LATIN1:
        return PyUnicode_DecodeLatin1(s, size, errors);
    case ENC_UTF16:
        bo = 0;
        return PyUnicode_DecodeUTF16(s, size, errors, &bo);
    case ENC_UTF16LE:
        bo = -1;
        return PyUnicode_DecodeUTF16(s, size, errors, &bo);
    case ENC_UTF16BE:
        bo = 1;
        return PyUnicode_DecodeUTF16(s, size, errors, &bo);
    case ENC_UTF32:
        bo = 0;
        return PyUnicode_DecodeUTF32(s, size, errors, &bo);
    case ENC_UTF32LE:
        bo = -1;
        return PyUnicode_DecodeUTF32(s, size, errors, &bo);
    case ENC_UTF32BE:
        bo = 1;
        return PyUnicode_DecodeUTF32(s, size, errors, &bo);
    case ENC_UNICODE_ESCAPE:
        return PyUnicode_DecodeUnicodeEscape(s, size, errors);
    case ENC_RAW_UNICODE_ESCAPE:
        return PyUnicode_DecodeRawUnicodeEscape(s, size, errors);
    default:
        return NULL;
    }
}

PyObject *
PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding,
                          const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    switch (_Py_lookup_encoding(encoding)) {
    case ENC_UTF8:
        return _PyUnicode_AsUTF8String(unicode, errors);
    case ENC_ASCII:
        return _PyUnicode_AsASCIIString(unicode, errors);
    case ENC_LATIN1:
        return _PyUnicode_AsLatin1String(unicode, errors);
    case ENC_UTF16:
        return _PyUnicode_EncodeUTF16(unicode, errors, 0);
    case ENC_UTF16LE:
        return _PyUnicode_EncodeUTF16(unicode, errors, -1);
    case ENC_UTF16BE:
        return _PyUnicode_EncodeUTF16(unicode, errors, 1);
    case ENC_UTF32:
        return _PyUnicode_EncodeUTF32(unicode, errors, 0);
    case ENC_UTF32LE:
        return _PyUnicode_EncodeUTF32(unicode, errors, -1);
    case ENC_UTF32BE:
        return _PyUnicode_EncodeUTF32(unicode, errors, 1);
    case ENC_UNICODE_ESCAPE:
        return PyUnicode_AsUnicodeEscapeString(unicode);
    case ENC_RAW_UNICODE_ESCAPE:
        return PyUnicode_AsRawUnicodeEscapeString(unicode);
    default:
        return NULL;
    }
}

PyObject *
PyUnicode_AsEncodedObject(PyObject *unicode, const char *encoding,
                          const char *errors)
{
    return PyUnicode_AsEncodedString(unicode, encoding, errors);
}

const char *
PyUnicode_GetDefaultEncoding(void)
{
    return "utf-8";
}

/* The file system and locale encodings are UTF-8 with surrogateescape
   (Python's UTF-8 mode, the only mode this implementation has). */
PyObject *
PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, "surrogateescape", NULL);
}

PyObject *
PyUnicode_DecodeFSDefault(const char *s)
{
    return PyUnicode_DecodeFSDefaultAndSize(s, (Py_ssize_t)strlen(s));
}

PyObject *
PyUnicode_EncodeFSDefault(PyObject *unicode)
{
    return _PyUnicode_AsUTF8String(unicode, "surrogateescape");
}

PyObject *
PyUnicode_DecodeLocaleAndSize(const char *str, Py_ssize_t len, const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") != 0) {
        errors = "surrogateescape";
    }
    return PyUnicode_DecodeUTF8Stateful(str, len, errors, NULL);
}

PyObject *
PyUnicode_DecodeLocale(const char *str, const char *errors)
{
    return PyUnicode_DecodeLocaleAndSize(str, (Py_ssize_t)strlen(str), errors);
}

PyObject *
PyUnicode_EncodeLocale(PyObject *unicode, const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") != 0) {
        errors = "surrogateescape";
    }
    return _PyUnicode_AsUTF8String(unicode, errors);
}

/* ---- searching ---------------------------------------------------------------- */

#define SEARCH_CHAR Py_UCS1
#define SEARCH(name) ucs1_##name
#include "unicode_search.h"
#undef SEARCH_CHAR
#undef SEARCH
#define SEARCH_CHAR Py_UCS2
#define SEARCH(name) ucs2_##name
#include "unicode_search.h"
#undef SEARCH_CHAR
#undef SEARCH
#define SEARCH_CHAR Py_UCS4
#define SEARCH(name) ucs4_##name
#include "unicode_search.h"
#undef SEARCH_CHAR
#undef SEARCH

/* Clamp start/end like a slice of a sequence of length len. */
void
_Py_adjust_indices(Py_ssize_t len, Py_ssize_t *start, Py_ssize_t *end)
{
    if (*end > len) {
        *end = len;
    }
    else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

/* The characters of needle in the code units of `kind`: needle's own
   buffer when the kinds agree, else a PyMem copy (*owned set).  NULL when
   needle has a character the kind cannot hold (so it cannot occur). */
static const void *
needle_as_kind(PyObject *needle, int kind, void **owned)
{
    *owned = NULL;
    int nkind = PyUnicode_KIND(needle);
    if (nkind == kind) {
        return PyUnicode_DATA(needle);
    }
    if (nkind > kind) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(needle);
    void *buf = PyMem_Malloc((size_t)(len ? len : 1) * kind);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _Py_copy_characters(kind, buf, 0, nkind, PyUnicode_DATA(needle), 0, len);
    *owned = buf;
    return buf;
}

/* Index of needle in hay[start:end] (direction > 0: first, else last),
   -1 if absent, -2 on error.  start/end are already adjusted. */
Py_ssize_t
_Py_unicode_find_sub(PyObject *hay, PyObject *needle, Py_ssize_t start,
                     Py_ssize_t end, int direction)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(needle);
    if (end - start < m) {
        return -1;
    }
    if (m == 0) {
        return direction > 0 ? start : end;
    }
    int kind = PyUnicode_KIND(hay);
    const char *s = (const char *)PyUnicode_DATA(hay) + start * kind;
    Py_ssize_t n = end - start;
    Py_ssize_t res;
    if (m == 1) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(needle, 0);
        switch (kind) {
        case PyUnicode_1BYTE_KIND:
            res = direction > 0 ? ucs1_find_char((const Py_UCS1 *)s, n, ch)
                                : ucs1_rfind_char((const Py_UCS1 *)s, n, ch);
            break;
        case PyUnicode_2BYTE_KIND:
            res = direction > 0 ? ucs2_find_char((const Py_UCS2 *)s, n, ch)
                                : ucs2_rfind_char((const Py_UCS2 *)s, n, ch);
            break;
        default:
            res = direction > 0 ? ucs4_find_char((const Py_UCS4 *)s, n, ch)
                                : ucs4_rfind_char((const Py_UCS4 *)s, n, ch);
            break;
        }
        return res < 0 ? -1 : res + start;
    }
    void *owned;
    const void *p = needle_as_kind(needle, kind, &owned);
    if (p == NULL) {
        return PyErr_Occurred() ? -2 : -1;
    }
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        res = direction > 0 ? ucs1_find((const Py_UCS1 *)s, n, p, m)
                            : ucs1_rfind((const Py_UCS1 *)s, n, p, m);
        break;
    case PyUnicode_2BYTE_KIND:
        res = direction > 0 ? ucs2_find((const Py_UCS2 *)s, n, p, m)
                            : ucs2_rfind((const Py_UCS2 *)s, n, p, m);
        break;
    default:
        res = direction > 0 ? ucs4_find((const Py_UCS4 *)s, n, p, m)
                            : ucs4_rfind((const Py_UCS4 *)s, n, p, m);
        break;
    }
    PyMem_Free(owned);
    return res < 0 ? -1 : res + start;
}

/* Non-overlapping occurrences of needle in hay[start:end] (adjusted), at
   most maxcount; an empty needle matches between every two characters.
   -1 on error. */
Py_ssize_t
_Py_unicode_count_sub(PyObject *hay, PyObject *needle, Py_ssize_t start,
                      Py_ssize_t end, Py_ssize_t maxcount)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(needle);
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    if (end - start < m) {
        return 0;
    }
    if (m == 0) {
        return Py_MIN(end - start + 1, maxcount);
    }
    int kind = PyUnicode_KIND(hay);
    const char *s = (const char *)PyUnicode_DATA(hay) + start * kind;
    void *owned;
    const void *p = needle_as_kind(needle, kind, &owned);
    if (p == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    Py_ssize_t res;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        res = ucs1_count((const Py_UCS1 *)s, end - start, p, m, maxcount);
        break;
    case PyUnicode_2BYTE_KIND:
        res = ucs2_count((const Py_UCS2 *)s, end - start, p, m, maxcount);
        break;
    default:
        res = ucs4_count((const Py_UCS4 *)s, end - start, p, m, maxcount);
        break;
    }
    PyMem_Free(owned);
    return res;
}

int
PyUnicode_Contains(PyObject *str, PyObject *substr)
{
    if (!PyUnicode_Check(substr)) {
        PyErr_Format(PyExc_TypeError,
                     "'in <string>' requires string as left operand, not %.100s",
                     Py_TYPE(substr)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s",
                     Py_TYPE(str)->tp_name);
        return -1;
    }
    Py_ssize_t res = _Py_unicode_find_sub(str, substr, 0,
                                          PyUnicode_GET_LENGTH(str), 1);
    return res == -2 ? -1 : res >= 0;
}

Py_ssize_t
PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start,
               Py_ssize_t end, int direction)
{
    if (_Py_unicode_ensure(str) < 0 || _Py_unicode_ensure(substr) < 0) {
        return -2;
    }
    _Py_adjust_indices(PyUnicode_GET_LENGTH(str), &start, &end);
    return _Py_unicode_find_sub(str, substr, start, end, direction);
}

Py_ssize_t
PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end,
                   int direction)
{
    if (_Py_unicode_ensure(str) < 0) {
        return -2;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -2;
    }
    end = Py_MIN(end, len);
    if (start >= end) {
        return -1;
    }
    int kind = PyUnicode_KIND(str);
    const char *s = (const char *)PyUnicode_DATA(str) + start * kind;
    Py_ssize_t n = end - start, res;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        res = direction > 0 ? ucs1_find_char((const Py_UCS1 *)s, n, ch)
                            : ucs1_rfind_char((const Py_UCS1 *)s, n, ch);
        break;
    case PyUnicode_2BYTE_KIND:
        res = direction > 0 ? ucs2_find_char((const Py_UCS2 *)s, n, ch)
                            : ucs2_rfind_char((const Py_UCS2 *)s, n, ch);
        break;
    default:
        res = direction > 0 ? ucs4_find_char((const Py_UCS4 *)s, n, ch)
                            : ucs4_rfind_char((const Py_UCS4 *)s, n, ch);
        break;
    }
    return res < 0 ? -1 : res + start;
}

Py_ssize_t
PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end)
{
    if (_Py_unicode_ensure(str) < 0 || _Py_unicode_ensure(substr) < 0) {
        return -1;
    }
    _Py_adjust_indices(PyUnicode_GET_LENGTH(str), &start, &end);
    return _Py_unicode_count_sub(str, substr, start, end, -1);
}

/* Does str[start:end] (adjusted) start (direction < 0) or end
   (direction > 0) with substr? */
static int
tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end,
          int direction)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(substr);
    _Py_adjust_indices(PyUnicode_GET_LENGTH(str), &start, &end);
    end -= m;
    if (end < start) {
        return 0;
    }
    if (m == 0) {
        return 1;
    }
    Py_ssize_t offset = direction > 0 ? end : start;
    int kind = PyUnicode_KIND(str), skind = PyUnicode_KIND(substr);
    const void *data = PyUnicode_DATA(str), *sdata = PyUnicode_DATA(substr);
    if (kind == skind) {
        return memcmp((const char *)data + offset * kind, sdata,
                      (size_t)m * kind) == 0;
    }
    for (Py_ssize_t i = 0; i < m; i++) {
        if (PyUnicode_READ(kind, data, offset + i) != PyUnicode_READ(skind, sdata, i)) {
            return 0;
        }
    }
    return 1;
}

Py_ssize_t
PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start,
                    Py_ssize_t end, int direction)
{
    if (_Py_unicode_ensure(str) < 0 || _Py_unicode_ensure(substr) < 0) {
        return -1;
    }
    return tailmatch(str, substr, start, end, direction);
}

/* ---- argument helpers for the methods ---------------------------------------------- */

/* "NAME expected at least N arguments, got M" as CPython words it. */
static int
check_positional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                     name, min == max ? "" : "at least ", min,
                     min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs > max) {
        PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd",
                     name, min == max ? "" : "at most ", max,
                     max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}

/* Bind positional and keyword arguments of a METH_FASTCALL|METH_KEYWORDS
   method to out[0..nparams) (NULL for absent ones).  The first `posonly`
   parameters cannot be given by name; the first `required` must be
   given. */
static int
bind_arguments(const char *fname, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames, const char *const *params, int nparams,
               int posonly, int required, PyObject **out)
{
    for (int i = 0; i < nparams; i++) {
        out[i] = NULL;
    }
    Py_ssize_t nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs > nparams) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d argument%s (%zd given)",
                     fname, nparams, nparams == 1 ? "" : "s", nargs + nkw);
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int found = -1;
        for (int i = posonly; i < nparams; i++) {
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, params[i])) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            PyErr_Format(PyExc_TypeError, "'%S' is an invalid keyword argument for %s()",
                         key, fname);
            return 0;
        }
        if (out[found] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)",
                         fname, params[found], found + 1);
            return 0;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < required; i++) {
        if (out[i] == NULL) {
            if (i < nargs || i >= posonly) {
                PyErr_Format(PyExc_TypeError,
                             "%s() missing required argument '%s' (pos %d)",
                             fname, params[i], i + 1);
            }
            else {
                PyErr_Format(PyExc_TypeError, "%s() takes at least %d positional "
                             "argument%s (%zd given)", fname, required,
                             required == 1 ? "" : "s", nargs);
            }
            return 0;
        }
    }
    return 1;
}

/* A slice-style index argument: None leaves *out alone. */
static int
parse_slice_index(PyObject *obj, Py_ssize_t *out)
{
    if (obj == NULL || obj == Py_None) {
        return 1;
    }
    if (!PyIndex_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "slice indices must be integers or "
                        "None or have an __index__ method");
        return 0;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(obj, NULL);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    *out = v;
    return 1;
}

/* sub[, start[, end]] for find, count, index, startswith, ... */
static int
parse_sub_start_end(const char *name, PyObject *const *args, Py_ssize_t nargs,
                    PyObject **sub, Py_ssize_t *start, Py_ssize_t *end)
{
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError,
                         "%s() takes at least 1 argument (0 given)", name);
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "%s() takes at most 3 arguments (%zd given)", name, nargs);
        }
        return 0;
    }
    *sub = args[0];
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    return parse_slice_index(nargs > 1 ? args[1] : NULL, start)
           && parse_slice_index(nargs > 2 ? args[2] : NULL, end);
}

/* An integer argument (anything with __index__). */
static int
parse_ssize(PyObject *obj, Py_ssize_t *out)
{
    Py_ssize_t v = PyNumber_AsSsize_t(obj, PyExc_OverflowError);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    *out = v;
    return 1;
}

static int
parse_str_arg(const char *fname, const char *pname, PyObject *obj,
              const char **out)
{
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str, not %.50s",
                     fname, pname, Py_TYPE(obj)->tp_name);
        return 0;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(obj, &len);
    if (s == NULL) {
        return 0;
    }
    if (strlen(s) != (size_t)len) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return 0;
    }
    *out = s;
    return 1;
}

/* ---- case mapping ------------------------------------------------------------------ */

/* Lowercase of U+03A3 at index i: final sigma when a cased letter
   precedes it and none follows (case-ignorable characters skipped), as
   SpecialCasing.txt's Final_Sigma condition says. */
static Py_UCS4
handle_capital_sigma(int kind, const void *data, Py_ssize_t length, Py_ssize_t i)
{
    Py_ssize_t j;
    Py_UCS4 c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = PyUnicode_READ(kind, data, j);
        if (!_PyUnicode_IsCaseIgnorable(c)) {
            break;
        }
    }
    int final_sigma = j >= 0 && _PyUnicode_IsCased(c);
    if (final_sigma) {
        for (j = i + 1; j < length; j++) {
            c = PyUnicode_READ(kind, data, j);
            if (!_PyUnicode_IsCaseIgnorable(c)) {
                break;
            }
        }
        final_sigma = j == length || !_PyUnicode_IsCased(c);
    }
    return final_sigma ? 0x3C2 : 0x3C3;
}

static int
lower_full(int kind, const void *data, Py_ssize_t length, Py_ssize_t i,
           Py_UCS4 c, Py_UCS4 *mapped)
{
    if (c == 0x3A3) {
        mapped[0] = handle_capital_sigma(kind, data, length, i);
        return 1;
    }
    return _PyUnicode_ToLowerFull(c, mapped);
}

typedef enum { CASE_LOWER, CASE_UPPER, CASE_CASEFOLD, CASE_SWAPCASE,
               CASE_TITLE, CASE_CAPITALIZE } case_op;

/* The full mapping of character i for operation op; *previous_is_cased
   carries title()'s state between characters. */
static int
map_case(case_op op, int kind, const void *data, Py_ssize_t length,
         Py_ssize_t i, int *previous_is_cased, Py_UCS4 *mapped)
{
    Py_UCS4 c = PyUnicode_READ(kind, data, i);
    int n;
    switch (op) {
    case CASE_LOWER:
        return lower_full(kind, data, length, i, c, mapped);
    case CASE_UPPER:
        return _PyUnicode_ToUpperFull(c, mapped);
    case CASE_CASEFOLD:
        return _PyUnicode_ToFoldedFull(c, mapped);
    case CASE_SWAPCASE:
        if (_PyUnicode_IsUppercase(c)) {
            return lower_full(kind, data, length, i, c, mapped);
        }
        if (_PyUnicode_IsLowercase(c)) {
            return _PyUnicode_ToUpperFull(c, mapped);
        }
        mapped[0] = c;
        return 1;
    case CASE_TITLE:
        n = *previous_is_cased ? lower_full(kind, data, length, i, c, mapped)
                               : _PyUnicode_ToTitleFull(c, mapped);
        *previous_is_cased = _PyUnicode_IsCased(c);
        return n;
    default: /* CASE_CAPITALIZE */
        return i == 0 ? _PyUnicode_ToTitleFull(c, mapped)
                      : lower_full(kind, data, length, i, c, mapped);
    }
}

static PyObject *
case_operation(PyObject *self, case_op op)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (PyUnicode_IS_ASCII(self) && op != CASE_TITLE && op != CASE_CAPITALIZE
        && op != CASE_SWAPCASE) {
        /* ASCII maps one to one. */
        PyObject *res = PyUnicode_New(length, 127);
        if (res == NULL) {
            return NULL;
        }
        const Py_UCS1 *src = data;
        Py_UCS1 *dst = PyUnicode_1BYTE_DATA(res);
        for (Py_ssize_t i = 0; i < length; i++) {
            Py_UCS1 c = src[i];
            if (op == CASE_UPPER) {
                dst[i] = (c >= 'a' && c <= 'z') ? (Py_UCS1)(c - 32) : c;
            }
            else {
                dst[i] = (c >= 'A' && c <= 'Z') ? (Py_UCS1)(c + 32) : c;
            }
        }
        return res;
    }
    if (length > PY_SSIZE_T_MAX / (3 * (Py_ssize_t)sizeof(Py_UCS4))) {
        PyErr_SetString(PyExc_OverflowError, "string is too long");
        return NULL;
    }
    Py_UCS4 *tmp = PyMem_Malloc(sizeof(Py_UCS4) * 3 * (size_t)(length ? length : 1));
    if (tmp == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = 0;
    int previous_is_cased = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 mapped[3];
        int k = map_case(op, kind, data, length, i, &previous_is_cased, mapped);
        for (int j = 0; j < k; j++) {
            tmp[n++] = mapped[j];
        }
    }
    PyObject *res = _PyUnicode_FromUCS4(tmp, n);
    PyMem_Free(tmp);
    return res;
}

static PyObject *
unicode_lower(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_LOWER);
}

static PyObject *
unicode_upper(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_UPPER);
}

static PyObject *
unicode_casefold(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_CASEFOLD);
}

static PyObject *
unicode_swapcase(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_SWAPCASE);
}

static PyObject *
unicode_title(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return case_operation(self, CASE_TITLE);
}

static PyObject *
unicode_capitalize(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyUnicode_GET_LENGTH(self) == 0) {
        return _Py_unicode_new_empty();
    }
    return case_operation(self, CASE_CAPITALIZE);
}

/* ---- predicates ---------------------------------------------------------------------- */

typedef int (*char_predicate)(Py_UCS4);

static int is_space(Py_UCS4 ch) { return Py_UNICODE_ISSPACE(ch); }
static int is_alnum(Py_UCS4 ch) { return Py_UNICODE_ISALNUM(ch); }

/* True if every character satisfies pred; false_if_empty for the
   is*() methods that say False on the empty string. */
static PyObject *
all_chars(PyObject *self, char_predicate pred, int false_if_empty)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (len == 0 && false_if_empty) {
        Py_RETURN_FALSE;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        if (!pred(PyUnicode_READ(kind, data, i))) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

static PyObject *
unicode_isspace(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, is_space, 1);
}

static PyObject *
unicode_isalpha(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsAlpha, 1);
}

static PyObject *
unicode_isalnum(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, is_alnum, 1);
}

static PyObject *
unicode_isdecimal(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsDecimalDigit, 1);
}

static PyObject *
unicode_isdigit(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsDigit, 1);
}

static PyObject *
unicode_isnumeric(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsNumeric, 1);
}

static PyObject *
unicode_isprintable(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return all_chars(self, _PyUnicode_IsPrintable, 0);
}

static PyObject *
unicode_isascii(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(PyUnicode_IS_ASCII(self));
}

static PyObject *
unicode_islower(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            Py_RETURN_FALSE;
        }
        if (!cased && _PyUnicode_IsLowercase(ch)) {
            cased = 1;
        }
    }
    return PyBool_FromLong(cased);
}

static PyObject *
unicode_isupper(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsLowercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            Py_RETURN_FALSE;
        }
        if (!cased && _PyUnicode_IsUppercase(ch)) {
            cased = 1;
        }
    }
    return PyBool_FromLong(cased);
}

/* Uppercase and titlecase letters only after uncased characters,
   lowercase ones only after cased characters, and at least one cased. */
static PyObject *
unicode_istitle(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0, previous_is_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            if (previous_is_cased) {
                Py_RETURN_FALSE;
            }
            previous_is_cased = cased = 1;
        }
        else if (_PyUnicode_IsLowercase(ch)) {
            if (!previous_is_cased) {
                Py_RETURN_FALSE;
            }
            previous_is_cased = cased = 1;
        }
        else {
            previous_is_cased = 0;
        }
    }
    return PyBool_FromLong(cased);
}

Py_ssize_t
_PyUnicode_ScanIdentifier(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len == 0) {
        return 0;
    }
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_UCS4 ch = PyUnicode_READ(kind, data, 0);
    if (!_PyUnicode_IsXidStart(ch) && ch != '_') {
        return 0;
    }
    Py_ssize_t i;
    for (i = 1; i < len; i++) {
        if (!_PyUnicode_IsXidContinue(PyUnicode_READ(kind, data, i))) {
            break;
        }
    }
    return i;
}

int
PyUnicode_IsIdentifier(PyObject *self)
{
    Py_ssize_t i = _PyUnicode_ScanIdentifier(self);
    return i > 0 && i == PyUnicode_GET_LENGTH(self);
}

static PyObject *
unicode_isidentifier(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(PyUnicode_IsIdentifier(self));
}

int
_PyUnicode_IsWhitespaceString(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    for (Py_ssize_t i = 0; i < len; i++) {
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            return 0;
        }
    }
    return 1;
}

/* ---- padding ---------------------------------------------------------------------------- */

/* self with `left` and `right` copies of fill around it. */
static PyObject *
pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return _Py_unicode_result_unchanged(self);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (left > PY_SSIZE_T_MAX - len || right > PY_SSIZE_T_MAX - (left + len)) {
        PyErr_SetString(PyExc_OverflowError, "padded string is too long");
        return NULL;
    }
    Py_UCS4 maxchar = Py_MAX(_PyUnicode_FindMaxChar(self, 0, len), fill);
    PyObject *res = PyUnicode_New(left + len + right, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    void *data = PyUnicode_DATA(res);
    _Py_fill_characters(kind, data, fill, 0, left);
    _Py_copy_characters(kind, data, left, PyUnicode_KIND(self),
                        PyUnicode_DATA(self), 0, len);
    _Py_fill_characters(kind, data, fill, left + len, right);
    return res;
}

/* width[, fillchar] of center, ljust and rjust. */
static int
parse_width_fill(const char *name, PyObject *const *args, Py_ssize_t nargs,
                 Py_ssize_t *width, Py_UCS4 *fill)
{
    if (!check_positional(name, nargs, 1, 2) || !parse_ssize(args[0], width)) {
        return 0;
    }
    *fill = ' ';
    if (nargs == 2) {
        PyObject *f = args[1];
        if (!PyUnicode_Check(f)) {
            PyErr_Format(PyExc_TypeError,
                         "%s() argument 2 must be a unicode character, not %.50s",
                         name, Py_TYPE(f)->tp_name);
            return 0;
        }
        if (PyUnicode_GET_LENGTH(f) != 1) {
            PyErr_SetString(PyExc_TypeError,
                            "The fill character must be exactly one character long");
            return 0;
        }
        *fill = PyUnicode_READ_CHAR(f, 0);
    }
    return 1;
}

static PyObject *
unicode_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_width_fill("center", args, nargs, &width, &fill)) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (width <= len) {
        return _Py_unicode_result_unchanged(self);
    }
    Py_ssize_t marg = width - len;
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static PyObject *
unicode_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_width_fill("ljust", args, nargs, &width, &fill)) {
        return NULL;
    }
    return pad(self, 0, width - PyUnicode_GET_LENGTH(self), fill);
}

static PyObject *
unicode_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_width_fill("rjust", args, nargs, &width, &fill)) {
        return NULL;
    }
    return pad(self, width - PyUnicode_GET_LENGTH(self), 0, fill);
}

static PyObject *
unicode_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width;
    if (!parse_ssize(arg, &width)) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len >= width) {
        return _Py_unicode_result_unchanged(self);
    }
    PyObject *res = pad(self, width - len, 0, '0');
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    void *data = PyUnicode_DATA(res);
    Py_ssize_t fill = width - len;
    Py_UCS4 first = PyUnicode_READ(kind, data, fill);
    if (first == '+' || first == '-') {
        /* The sign moves in front of the zeros. */
        PyUnicode_WRITE(kind, data, 0, first);
        PyUnicode_WRITE(kind, data, fill, '0');
    }
    return res;
}

static PyObject *
unicode_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames)
{
    static const char *const params[] = {"tabsize"};
    PyObject *argv[1];
    Py_ssize_t tabsize = 8;
    if (!bind_arguments("expandtabs", args, nargs, kwnames, params, 1, 0, 0, argv)
        || (argv[0] != NULL && !parse_ssize(argv[0], &tabsize))) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    /* First pass: the result length, with overflow checks. */
    Py_ssize_t total = 0, column = 0;
    int found = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\t') {
            found = 1;
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (column % tabsize);
                if (column > PY_SSIZE_T_MAX - incr || total > PY_SSIZE_T_MAX - incr) {
                    goto overflow;
                }
                column += incr;
                total += incr;
            }
        }
        else {
            if (total > PY_SSIZE_T_MAX - 1) {
                goto overflow;
            }
            total++;
            column = (ch == '\n' || ch == '\r') ? 0 : column + 1;
        }
    }
    if (!found) {
        return _Py_unicode_result_unchanged(self);
    }
    PyObject *res = PyUnicode_New(total, _PyUnicode_FindMaxChar(self, 0, len));
    if (res == NULL) {
        return NULL;
    }
    int rkind = PyUnicode_KIND(res);
    void *rdata = PyUnicode_DATA(res);
    Py_ssize_t j = 0;
    column = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (column % tabsize);
                _Py_fill_characters(rkind, rdata, ' ', j, incr);
                j += incr;
                column += incr;
            }
        }
        else {
            PyUnicode_WRITE(rkind, rdata, j++, ch);
            column = (ch == '\n' || ch == '\r') ? 0 : column + 1;
        }
    }
    return res;
overflow:
    PyErr_SetString(PyExc_OverflowError, "result too long");
    return NULL;
}

/* ---- find, count, index, startswith ----------------------------------------------------- */

static Py_ssize_t
find_helper(const char *name, PyObject *self, PyObject *const *args,
            Py_ssize_t nargs, int direction)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (!parse_sub_start_end(name, args, nargs, &sub, &start, &end)
        || _Py_unicode_ensure(sub) < 0) {
        return -2;
    }
    _Py_adjust_indices(PyUnicode_GET_LENGTH(self), &start, &end);
    return _Py_unicode_find_sub(self, sub, start, end, direction);
}

static PyObject *
unicode_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_helper("find", self, args, nargs, 1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
unicode_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_helper("rfind", self, args, nargs, -1);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
unicode_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_helper("index", self, args, nargs, 1);
    if (r == -1) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
    }
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
unicode_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t r = find_helper("rindex", self, args, nargs, -1);
    if (r == -1) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
    }
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
unicode_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (!parse_sub_start_end("count", args, nargs, &sub, &start, &end)
        || _Py_unicode_ensure(sub) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    _Py_adjust_indices(len, &start, &end);
    if (start > len) {
        return PyLong_FromLong(0);
    }
    Py_ssize_t r = _Py_unicode_count_sub(self, sub, start, end, -1);
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
startswith_endswith(const char *name, PyObject *self, PyObject *const *args,
                    Py_ssize_t nargs, int direction)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (!parse_sub_start_end(name, args, nargs, &sub, &start, &end)) {
        return NULL;
    }
    if (PyTuple_Check(sub)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sub); i++) {
            PyObject *item = PyTuple_GET_ITEM(sub, i);
            if (!PyUnicode_Check(item)) {
                PyErr_Format(PyExc_TypeError,
                             "tuple for %s must only contain str, not %.100s",
                             name, Py_TYPE(item)->tp_name);
                return NULL;
            }
            if (tailmatch(self, item, start, end, direction)) {
                Py_RETURN_TRUE;
            }
        }
        Py_RETURN_FALSE;
    }
    if (!PyUnicode_Check(sub)) {
        PyErr_Format(PyExc_TypeError,
                     "%s first arg must be str or a tuple of str, not %.100s",
                     name, Py_TYPE(sub)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(tailmatch(self, sub, start, end, direction));
}

static PyObject *
unicode_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return startswith_endswith("startswith", self, args, nargs, -1);
}

static PyObject *
unicode_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return startswith_endswith("endswith", self, args, nargs, 1);
}

static PyObject *
unicode_removeprefix(PyObject *self, PyObject *prefix)
{
    if (!PyUnicode_Check(prefix)) {
        PyErr_Format(PyExc_TypeError,
                     "removeprefix() argument must be str, not %.100s",
                     Py_TYPE(prefix)->tp_name);
        return NULL;
    }
    if (tailmatch(self, prefix, 0, PY_SSIZE_T_MAX, -1)) {
        return PyUnicode_Substring(self, PyUnicode_GET_LENGTH(prefix),
                                   PyUnicode_GET_LENGTH(self));
    }
    return _Py_unicode_result_unchanged(self);
}

static PyObject *
unicode_removesuffix(PyObject *self, PyObject *suffix)
{
    if (!PyUnicode_Check(suffix)) {
        PyErr_Format(PyExc_TypeError,
                     "removesuffix() argument must be str, not %.100s",
                     Py_TYPE(suffix)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(suffix) && tailmatch(self, suffix, 0, PY_SSIZE_T_MAX, 1)) {
        return PyUnicode_Substring(self, 0, PyUnicode_GET_LENGTH(self)
                                            - PyUnicode_GET_LENGTH(suffix));
    }
    return _Py_unicode_result_unchanged(self);
}

/* ---- strip ------------------------------------------------------------------------------- */

#define LEFTSTRIP 0
#define RIGHTSTRIP 1
#define BOTHSTRIP 2

static int
char_in_str(PyObject *set, Py_UCS4 ch)
{
    return PyUnicode_FindChar(set, ch, 0, PyUnicode_GET_LENGTH(set), 1) >= 0;
}

PyObject *
_PyUnicode_XStrip(PyObject *self, int striptype, PyObject *sepobj)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_ssize_t i = 0, j = len;
    if (striptype != RIGHTSTRIP) {
        while (i < len) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (sepobj ? !char_in_str(sepobj, ch) : !Py_UNICODE_ISSPACE(ch)) {
                break;
            }
            i++;
        }
    }
    if (striptype != LEFTSTRIP) {
        while (j > i) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, j - 1);
            if (sepobj ? !char_in_str(sepobj, ch) : !Py_UNICODE_ISSPACE(ch)) {
                break;
            }
            j--;
        }
    }
    return PyUnicode_Substring(self, i, j);
}

static PyObject *
do_strip(const char *name, PyObject *self, PyObject *const *args,
         Py_ssize_t nargs, int striptype)
{
    if (!check_positional(name, nargs, 0, 1)) {
        return NULL;
    }
    PyObject *chars = nargs ? args[0] : Py_None;
    if (chars == Py_None) {
        return _PyUnicode_XStrip(self, striptype, NULL);
    }
    if (!PyUnicode_Check(chars)) {
        PyErr_Format(PyExc_TypeError, "%s arg must be None or str", name);
        return NULL;
    }
    return _PyUnicode_XStrip(self, striptype, chars);
}

static PyObject *
unicode_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip("strip", self, args, nargs, BOTHSTRIP);
}

static PyObject *
unicode_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip("lstrip", self, args, nargs, LEFTSTRIP);
}

static PyObject *
unicode_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_strip("rstrip", self, args, nargs, RIGHTSTRIP);
}

/* ---- split, partition, replace ------------------------------------------------------------ */

/* Append self[start:end] to list; 0 or -1. */
static int
append_slice(PyObject *list, PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *item = (start == 0 && end == PyUnicode_GET_LENGTH(self)
                      && PyUnicode_CheckExact(self))
                     ? Py_NewRef(self) : PyUnicode_Substring(self, start, end);
    if (item == NULL) {
        return -1;
    }
    int res = PyList_Append(list, item);
    Py_DECREF(item);
    return res;
}

static PyObject *
split_whitespace(PyObject *self, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (maxcount-- > 0) {
        while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        if (i == len) {
            break;
        }
        Py_ssize_t j = i++;
        while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        if (append_slice(list, self, j, i) < 0) {
            goto error;
        }
    }
    while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
        i++;
    }
    if (i < len && append_slice(list, self, i, len) < 0) {
        goto error;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
rsplit_whitespace(PyObject *self, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = len;
    while (maxcount-- > 0) {
        while (i > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1))) {
            i--;
        }
        if (i == 0) {
            break;
        }
        Py_ssize_t j = i--;
        while (i > 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1))) {
            i--;
        }
        if (append_slice(list, self, i, j) < 0) {
            goto error;
        }
    }
    while (i > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1))) {
        i--;
    }
    if (i > 0 && append_slice(list, self, 0, i) < 0) {
        goto error;
    }
    if (PyList_Reverse(list) < 0) {
        goto error;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
split_impl(PyObject *self, PyObject *sep, Py_ssize_t maxcount, int direction)
{
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    if (sep == NULL || sep == Py_None) {
        return direction > 0 ? split_whitespace(self, maxcount)
                             : rsplit_whitespace(self, maxcount);
    }
    if (_Py_unicode_ensure(sep) < 0) {
        return NULL;
    }
    Py_ssize_t seplen = PyUnicode_GET_LENGTH(sep);
    if (seplen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (direction > 0) {
        Py_ssize_t i = 0;
        while (maxcount-- > 0) {
            Py_ssize_t pos = _Py_unicode_find_sub(self, sep, i, len, 1);
            if (pos == -2) {
                goto error;
            }
            if (pos < 0) {
                break;
            }
            if (append_slice(list, self, i, pos) < 0) {
                goto error;
            }
            i = pos + seplen;
        }
        if (append_slice(list, self, i, len) < 0) {
            goto error;
        }
    }
    else {
        Py_ssize_t j = len;
        while (maxcount-- > 0) {
            Py_ssize_t pos = _Py_unicode_find_sub(self, sep, 0, j, -1);
            if (pos == -2) {
                goto error;
            }
            if (pos < 0) {
                break;
            }
            if (append_slice(list, self, pos + seplen, j) < 0) {
                goto error;
            }
            j = pos;
        }
        if (append_slice(list, self, 0, j) < 0 || PyList_Reverse(list) < 0) {
            goto error;
        }
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
split_method(const char *name, PyObject *self, PyObject *const *args,
             Py_ssize_t nargs, PyObject *kwnames, int direction)
{
    static const char *const params[] = {"sep", "maxsplit"};
    PyObject *argv[2];
    Py_ssize_t maxsplit = -1;
    if (!bind_arguments(name, args, nargs, kwnames, params, 2, 0, 0, argv)
        || (argv[1] != NULL && !parse_ssize(argv[1], &maxsplit))) {
        return NULL;
    }
    return split_impl(self, argv[0], maxsplit, direction);
}

static PyObject *
unicode_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
              PyObject *kwnames)
{
    return split_method("split", self, args, nargs, kwnames, 1);
}

static PyObject *
unicode_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames)
{
    return split_method("rsplit", self, args, nargs, kwnames, -1);
}

PyObject *
PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (_Py_unicode_ensure(s) < 0 || (sep != NULL && _Py_unicode_ensure(sep) < 0)) {
        return NULL;
    }
    return split_impl(s, sep, maxsplit, 1);
}

PyObject *
PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (_Py_unicode_ensure(s) < 0 || (sep != NULL && _Py_unicode_ensure(sep) < 0)) {
        return NULL;
    }
    return split_impl(s, sep, maxsplit, -1);
}

PyObject *
PyUnicode_Splitlines(PyObject *self, int keepends)
{
    if (_Py_unicode_ensure(self) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t j = i;
        while (i < len && !Py_UNICODE_ISLINEBREAK(PyUnicode_READ(kind, data, i))) {
            i++;
        }
        Py_ssize_t eol = i;
        if (i < len) {
            if (PyUnicode_READ(kind, data, i) == '\r' && i + 1 < len
                && PyUnicode_READ(kind, data, i + 1) == '\n') {
                i += 2;
            }
            else {
                i++;
            }
            if (keepends) {
                eol = i;
            }
        }
        if (append_slice(list, self, j, eol) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyObject *
unicode_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames)
{
    static const char *const params[] = {"keepends"};
    PyObject *argv[1];
    if (!bind_arguments("splitlines", args, nargs, kwnames, params, 1, 0, 0, argv)) {
        return NULL;
    }
    int keepends = 0;
    if (argv[0] != NULL) {
        keepends = PyObject_IsTrue(argv[0]);
        if (keepends < 0) {
            return NULL;
        }
    }
    return PyUnicode_Splitlines(self, keepends);
}

static PyObject *
partition_impl(PyObject *self, PyObject *sep, int direction)
{
    if (_Py_unicode_ensure(sep) < 0) {
        return NULL;
    }
    Py_ssize_t seplen = PyUnicode_GET_LENGTH(sep);
    if (seplen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    Py_ssize_t pos = _Py_unicode_find_sub(self, sep, 0, len, direction);
    if (pos == -2) {
        return NULL;
    }
    PyObject *empty = _Py_unicode_new_empty();
    if (pos < 0) {
        PyObject *whole = _Py_unicode_result_unchanged(self);
        if (whole == NULL) {
            return NULL;
        }
        PyObject *res = direction > 0 ? PyTuple_Pack(3, whole, empty, empty)
                                      : PyTuple_Pack(3, empty, empty, whole);
        Py_DECREF(whole);
        return res;
    }
    PyObject *before = PyUnicode_Substring(self, 0, pos);
    PyObject *after = PyUnicode_Substring(self, pos + seplen, len);
    PyObject *mid = _Py_unicode_result_unchanged(sep);
    PyObject *res = NULL;
    if (before != NULL && after != NULL && mid != NULL) {
        res = PyTuple_Pack(3, before, mid, after);
    }
    Py_XDECREF(before);
    Py_XDECREF(after);
    Py_XDECREF(mid);
    return res;
}

PyObject *
PyUnicode_Partition(PyObject *s, PyObject *sep)
{
    if (_Py_unicode_ensure(s) < 0) {
        return NULL;
    }
    return partition_impl(s, sep, 1);
}

PyObject *
PyUnicode_RPartition(PyObject *s, PyObject *sep)
{
    if (_Py_unicode_ensure(s) < 0) {
        return NULL;
    }
    return partition_impl(s, sep, -1);
}

static PyObject *
unicode_partition(PyObject *self, PyObject *sep)
{
    return partition_impl(self, sep, 1);
}

static PyObject *
unicode_rpartition(PyObject *self, PyObject *sep)
{
    return partition_impl(self, sep, -1);
}

static PyObject *
replace_impl(PyObject *self, PyObject *old, PyObject *new_, Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    Py_ssize_t oldlen = PyUnicode_GET_LENGTH(old);
    Py_ssize_t newlen = PyUnicode_GET_LENGTH(new_);
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    Py_ssize_t n = maxcount == 0 ? 0 : _Py_unicode_count_sub(self, old, 0, len, maxcount);
    if (n < 0) {
        return NULL;
    }
    if (n == 0 || (oldlen == newlen && _PyUnicode_Equal(old, new_))) {
        return _Py_unicode_result_unchanged(self);
    }
    /* result length = len + n * (newlen - oldlen), checked for overflow */
    Py_ssize_t delta = newlen - oldlen;
    if (delta > 0 && n > (PY_SSIZE_T_MAX - len) / delta) {
        PyErr_SetString(PyExc_OverflowError, "replace string is too long");
        return NULL;
    }
    Py_ssize_t total = len + n * delta;
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(self),
                             newlen ? PyUnicode_MAX_CHAR_VALUE(new_) : 0);
    PyObject *res = PyUnicode_New(total, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int rkind = PyUnicode_KIND(res), kind = PyUnicode_KIND(self);
    int nkind = PyUnicode_KIND(new_);
    void *rdata = PyUnicode_DATA(res);
    const void *data = PyUnicode_DATA(self), *ndata = PyUnicode_DATA(new_);
    Py_ssize_t i = 0, o = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t pos;
        if (oldlen == 0) {
            pos = i;
        }
        else {
            pos = _Py_unicode_find_sub(self, old, i, len, 1);
            if (pos < 0) {
                Py_DECREF(res);
                return NULL;    /* -2: an error; -1 cannot happen (counted) */
            }
        }
        _Py_copy_characters(rkind, rdata, o, kind, data, i, pos - i);
        o += pos - i;
        _Py_copy_characters(rkind, rdata, o, nkind, ndata, 0, newlen);
        o += newlen;
        i = pos + oldlen;
        if (oldlen == 0 && i < len) {
            /* An empty pattern matches between characters: keep one. */
            PyUnicode_WRITE(rkind, rdata, o++, PyUnicode_READ(kind, data, i));
            i++;
        }
    }
    _Py_copy_characters(rkind, rdata, o, kind, data, i, len - i);
    /* Replacing every widest character can narrow the result. */
    return _Py_unicode_canonicalize(res);
}

PyObject *
PyUnicode_Replace(PyObject *str, PyObject *substr, PyObject *replstr,
                  Py_ssize_t maxcount)
{
    if (_Py_unicode_ensure(str) < 0 || _Py_unicode_ensure(substr) < 0
        || _Py_unicode_ensure(replstr) < 0) {
        return NULL;
    }
    return replace_impl(str, substr, replstr, maxcount);
}

static PyObject *
unicode_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                PyObject *kwnames)
{
    static const char *const params[] = {"old", "new", "count"};
    PyObject *argv[3];
    Py_ssize_t count = -1;
    if (nargs < 2 && (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)) {
        check_positional("replace", nargs, 2, 3);
        return NULL;
    }
    if (!bind_arguments("replace", args, nargs, kwnames, params, 3, 2, 2, argv)
        || (argv[2] != NULL && !parse_ssize(argv[2], &count))) {
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (!PyUnicode_Check(argv[i])) {
            PyErr_Format(PyExc_TypeError,
                         "replace() argument %d must be str, not %.50s",
                         i + 1, Py_TYPE(argv[i])->tp_name);
            return NULL;
        }
    }
    return replace_impl(self, argv[0], argv[1], count);
}

/* ---- join, encode, translate -------------------------------------------------------------- */

static PyObject *
unicode_join(PyObject *self, PyObject *iterable)
{
    return PyUnicode_Join(self, iterable);
}

static PyObject *
unicode_encode(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames)
{
    static const char *const params[] = {"encoding", "errors"};
    PyObject *argv[2];
    const char *encoding = NULL, *errors = NULL;
    if (!bind_arguments("encode", args, nargs, kwnames, params, 2, 0, 0, argv)
        || (argv[0] != NULL && !parse_str_arg("encode", "encoding", argv[0], &encoding))
        || (argv[1] != NULL && !parse_str_arg("encode", "errors", argv[1], &errors))) {
        return NULL;
    }
    return PyUnicode_AsEncodedString(self, encoding, errors);
}

/* Look ch up in a translation table: 1 and *result (a new reference:
   an int, a str or None), 0 if the table has no entry, -1 on error. */
static int
translate_lookup(PyObject *table, Py_UCS4 ch, PyObject **result)
{
    PyObject *key = PyLong_FromLong((long)ch);
    if (key == NULL) {
        return -1;
    }
    PyObject *value = PyObject_GetItem(table, key);
    Py_DECREF(key);
    if (value == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    if (value == Py_None || PyUnicode_Check(value)) {
        *result = value;
        return 1;
    }
    if (PyLong_Check(value)) {
        long v = PyLong_AsLong(value);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(value);
            return -1;
        }
        if (v < 0 || v > MAX_UNICODE) {
            PyErr_SetString(PyExc_ValueError,
                            "character mapping must be in range(0x110000)");
            Py_DECREF(value);
            return -1;
        }
        *result = value;
        return 1;
    }
    Py_DECREF(value);
    PyErr_SetString(PyExc_TypeError,
                    "character mapping must return integer, None or str");
    return -1;
}

PyObject *
PyUnicode_Translate(PyObject *self, PyObject *table, const char *errors)
{
    (void)errors;   /* a mapping to str cannot fail to encode */
    if (_Py_unicode_ensure(self) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    /* Results for ASCII characters, looked up once each. */
    PyObject *ascii_cache[128] = {NULL};
    PyObject *const untouched = Py_Ellipsis;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = len;
    writer.overallocate = 1;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        PyObject *value = NULL;
        if (ch < 128 && ascii_cache[ch] != NULL) {
            value = ascii_cache[ch];
        }
        else {
            int found = translate_lookup(table, ch, &value);
            if (found < 0) {
                goto error;
            }
            if (!found) {
                value = untouched;
            }
            if (ch < 128) {
                ascii_cache[ch] = value;    /* owns the reference now */
            }
        }
        int res;
        if (value == untouched) {
            res = _PyUnicodeWriter_WriteChar(&writer, ch);
        }
        else if (value == Py_None) {
            res = 0;
        }
        else if (PyUnicode_Check(value)) {
            res = _PyUnicodeWriter_WriteStr(&writer, value);
        }
        else {
            res = _PyUnicodeWriter_WriteChar(&writer, (Py_UCS4)PyLong_AsLong(value));
        }
        if (ch >= 128 && value != untouched) {
            Py_DECREF(value);
        }
        if (res < 0) {
            goto error;
        }
    }
    for (int c = 0; c < 128; c++) {
        if (ascii_cache[c] != NULL && ascii_cache[c] != untouched) {
            Py_DECREF(ascii_cache[c]);
        }
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    for (int c = 0; c < 128; c++) {
        if (ascii_cache[c] != NULL && ascii_cache[c] != untouched) {
            Py_DECREF(ascii_cache[c]);
        }
    }
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static PyObject *
unicode_translate(PyObject *self, PyObject *table)
{
    return PyUnicode_Translate(self, table, NULL);
}

static PyObject *
unicode_maketrans(PyObject *Py_UNUSED(null), PyObject *const *args, Py_ssize_t nargs)
{
    if (!check_positional("maketrans", nargs, 1, 3)) {
        return NULL;
    }
    PyObject *x = args[0];
    PyObject *new_ = PyDict_New();
    if (new_ == NULL) {
        return NULL;
    }
    if (nargs >= 2) {
        PyObject *y = args[1];
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "first maketrans argument must be "
                            "a string if there is a second argument");
            goto error;
        }
        if (!PyUnicode_Check(y)) {
            PyErr_Format(PyExc_TypeError,
                         "maketrans() argument 2 must be str, not %.50s",
                         Py_TYPE(y)->tp_name);
            goto error;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(x);
        if (n != PyUnicode_GET_LENGTH(y)) {
            PyErr_SetString(PyExc_ValueError, "the first two maketrans "
                            "arguments must have equal length");
            goto error;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(x, i));
            PyObject *v = PyLong_FromLong((long)PyUnicode_READ_CHAR(y, i));
            int res = (k && v) ? PyDict_SetItem(new_, k, v) : -1;
            Py_XDECREF(k);
            Py_XDECREF(v);
            if (res < 0) {
                goto error;
            }
        }
        if (nargs == 3) {
            PyObject *z = args[2];
            if (!PyUnicode_Check(z)) {
                PyErr_Format(PyExc_TypeError,
                             "maketrans() argument 3 must be str, not %.50s",
                             Py_TYPE(z)->tp_name);
                goto error;
            }
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(z); i++) {
                PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(z, i));
                int res = k ? PyDict_SetItem(new_, k, Py_None) : -1;
                Py_XDECREF(k);
                if (res < 0) {
                    goto error;
                }
            }
        }
        return new_;
    }
    if (!PyDict_CheckExact(x)) {
        PyErr_SetString(PyExc_TypeError, "if you give only one argument "
                        "to maketrans it must be a dict");
        goto error;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(x, &pos, &key, &value)) {
        PyObject *newkey;
        if (PyUnicode_Check(key)) {
            if (PyUnicode_GET_LENGTH(key) != 1) {
                PyErr_SetString(PyExc_ValueError, "string keys in translate "
                                "table must be of length 1");
                goto error;
            }
            newkey = PyLong_FromLong((long)PyUnicode_READ_CHAR(key, 0));
        }
        else if (PyLong_Check(key)) {
            newkey = Py_NewRef(key);
        }
        else {
            PyErr_SetString(PyExc_TypeError, "keys in translate table must "
                            "be strings or integers");
            goto error;
        }
        int res = newkey ? PyDict_SetItem(new_, newkey, value) : -1;
        Py_XDECREF(newkey);
        if (res < 0) {
            goto error;
        }
    }
    return new_;
error:
    Py_DECREF(new_);
    return NULL;
}

static PyObject *
unicode_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = _PyUnicode_Copy(self);
    if (copy == NULL) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return res;
}

static PyObject *
unicode_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t size;
    Py_ssize_t chars = (PyUnicode_GET_LENGTH(self) + 1) * PyUnicode_KIND(self);
    if (PyUnicode_IS_COMPACT_ASCII(self)) {
        size = (Py_ssize_t)sizeof(PyASCIIObject) + chars;
    }
    else if (PyUnicode_IS_COMPACT(self)) {
        size = (Py_ssize_t)sizeof(PyCompactUnicodeObject) + chars;
    }
    else {
        size = Py_TYPE(self)->tp_basicsize + chars;
    }
    if (!PyUnicode_IS_ASCII(self)) {
        PyCompactUnicodeObject *c = _PyCompactUnicodeObject_CAST(self);
        if (__atomic_load_n(&c->utf8, __ATOMIC_ACQUIRE) != NULL) {
            size += __atomic_load_n(&c->utf8_length, __ATOMIC_RELAXED) + 1;
        }
    }
    return PyLong_FromSsize_t(size);
}

/* The methods of str (the type object in unicodeobject.c points here). */
PyMethodDef _Py_unicode_methods[] = {
    {"encode", _PyCFunction_CAST(unicode_encode), METH_FASTCALL | METH_KEYWORDS,
     "encode($self, /, encoding='utf-8', errors='strict')\n--\n\nEncode the string using the codec registered for encoding."},
    {"replace", _PyCFunction_CAST(unicode_replace), METH_FASTCALL | METH_KEYWORDS,
     "replace($self, old, new, /, count=-1)\n--\n\nReturn a copy with all occurrences of substring old replaced by new."},
    {"split", _PyCFunction_CAST(unicode_split), METH_FASTCALL | METH_KEYWORDS,
     "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", _PyCFunction_CAST(unicode_rsplit), METH_FASTCALL | METH_KEYWORDS,
     "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string."},
    {"join", unicode_join, METH_O,
     "join($self, iterable, /)\n--\n\nConcatenate any number of strings."},
    {"capitalize", unicode_capitalize, METH_NOARGS,
     "capitalize($self, /)\n--\n\nReturn a capitalized version of the string."},
    {"casefold", unicode_casefold, METH_NOARGS,
     "casefold($self, /)\n--\n\nReturn a version of the string suitable for caseless comparisons."},
    {"title", unicode_title, METH_NOARGS,
     "title($self, /)\n--\n\nReturn a version of the string where each word is titlecased."},
    {"center", _PyCFunction_CAST(unicode_center), METH_FASTCALL,
     "center($self, width, fillchar=' ', /)\n--\n\nReturn a centered string of length width."},
    {"count", _PyCFunction_CAST(unicode_count), METH_FASTCALL,
     "S.count(sub[, start[, end]]) -> int\n\nReturn the number of non-overlapping occurrences of substring sub in string S[start:end]."},
    {"expandtabs", _PyCFunction_CAST(unicode_expandtabs), METH_FASTCALL | METH_KEYWORDS,
     "expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces."},
    {"find", _PyCFunction_CAST(unicode_find), METH_FASTCALL,
     "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found, or -1."},
    {"partition", unicode_partition, METH_O,
     "partition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator."},
    {"index", _PyCFunction_CAST(unicode_index), METH_FASTCALL,
     "S.index(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found; raise ValueError if absent."},
    {"ljust", _PyCFunction_CAST(unicode_ljust), METH_FASTCALL,
     "ljust($self, width, fillchar=' ', /)\n--\n\nReturn a left-justified string of length width."},
    {"lower", unicode_lower, METH_NOARGS,
     "lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase."},
    {"lstrip", _PyCFunction_CAST(unicode_lstrip), METH_FASTCALL,
     "lstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading whitespace removed."},
    {"rfind", _PyCFunction_CAST(unicode_rfind), METH_FASTCALL,
     "S.rfind(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found, or -1."},
    {"rindex", _PyCFunction_CAST(unicode_rindex), METH_FASTCALL,
     "S.rindex(sub[, start[, end]]) -> int\n\nReturn the highest index in S where substring sub is found; raise ValueError if absent."},
    {"rjust", _PyCFunction_CAST(unicode_rjust), METH_FASTCALL,
     "rjust($self, width, fillchar=' ', /)\n--\n\nReturn a right-justified string of length width."},
    {"rstrip", _PyCFunction_CAST(unicode_rstrip), METH_FASTCALL,
     "rstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with trailing whitespace removed."},
    {"rpartition", unicode_rpartition, METH_O,
     "rpartition($self, sep, /)\n--\n\nPartition the string into three parts using the given separator, from the right."},
    {"splitlines", _PyCFunction_CAST(unicode_splitlines), METH_FASTCALL | METH_KEYWORDS,
     "splitlines($self, /, keepends=False)\n--\n\nReturn a list of the lines in the string, breaking at line boundaries."},
    {"strip", _PyCFunction_CAST(unicode_strip), METH_FASTCALL,
     "strip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", unicode_swapcase, METH_NOARGS,
     "swapcase($self, /)\n--\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", unicode_translate, METH_O,
     "translate($self, table, /)\n--\n\nReplace each character in the string using the given translation table."},
    {"upper", unicode_upper, METH_NOARGS,
     "upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase."},
    {"startswith", _PyCFunction_CAST(unicode_startswith), METH_FASTCALL,
     "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if the string starts with the specified prefix, False otherwise."},
    {"endswith", _PyCFunction_CAST(unicode_endswith), METH_FASTCALL,
     "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if the string ends with the specified suffix, False otherwise."},
    {"removeprefix", unicode_removeprefix, METH_O,
     "removeprefix($self, prefix, /)\n--\n\nReturn a str with the given prefix string removed if present."},
    {"removesuffix", unicode_removesuffix, METH_O,
     "removesuffix($self, suffix, /)\n--\n\nReturn a str with the given suffix string removed if present."},
    {"isascii", unicode_isascii, METH_NOARGS,
     "isascii($self, /)\n--\n\nReturn True if all characters in the string are ASCII, False otherwise."},
    {"islower", unicode_islower, METH_NOARGS,
     "islower($self, /)\n--\n\nReturn True if the string is a lowercase string, False otherwise."},
    {"isupper", unicode_isupper, METH_NOARGS,
     "isupper($self, /)\n--\n\nReturn True if the string is an uppercase string, False otherwise."},
    {"istitle", unicode_istitle, METH_NOARGS,
     "istitle($self, /)\n--\n\nReturn True if the string is a title-cased string, False otherwise."},
    {"isspace", unicode_isspace, METH_NOARGS,
     "isspace($self, /)\n--\n\nReturn True if the string is a whitespace string, False otherwise."},
    {"isdecimal", unicode_isdecimal, METH_NOARGS,
     "isdecimal($self, /)\n--\n\nReturn True if the string is a decimal string, False otherwise."},
    {"isdigit", unicode_isdigit, METH_NOARGS,
     "isdigit($self, /)\n--\n\nReturn True if the string is a digit string, False otherwise."},
    {"isnumeric", unicode_isnumeric, METH_NOARGS,
     "isnumeric($self, /)\n--\n\nReturn True if the string is a numeric string, False otherwise."},
    {"isalpha", unicode_isalpha, METH_NOARGS,
     "isalpha($self, /)\n--\n\nReturn True if the string is an alphabetic string, False otherwise."},
    {"isalnum", unicode_isalnum, METH_NOARGS,
     "isalnum($self, /)\n--\n\nReturn True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", unicode_isidentifier, METH_NOARGS,
     "isidentifier($self, /)\n--\n\nReturn True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", unicode_isprintable, METH_NOARGS,
     "isprintable($self, /)\n--\n\nReturn True if all characters in the string are printable, False otherwise."},
    {"zfill", unicode_zfill, METH_O,
     "zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", _PyCFunction_CAST(_Py_unicode_format_method), METH_VARARGS | METH_KEYWORDS,
     "S.format(*args, **kwargs) -> str\n\nReturn a formatted version of the string, using substitutions from args and kwargs."},
    {"format_map", _Py_unicode_format_map, METH_O,
     "S.format_map(mapping) -> str\n\nReturn a formatted version of the string, using substitutions from mapping."},
    {"__format__", _Py_unicode___format__, METH_O,
     "__format__($self, format_spec, /)\n--\n\nReturn a formatted version of the string as described by format_spec."},
    {"maketrans", _PyCFunction_CAST(unicode_maketrans), METH_FASTCALL | METH_STATIC,
     "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\nReturn a translation table usable for str.translate()."},
    {"__sizeof__", unicode_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nReturn the size of the string in memory, in bytes."},
    {"__getnewargs__", unicode_getnewargs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- str.format and format_map ----------------------------------------------------------- */

/* The arguments of one format() call and its field numbering mode. */
typedef struct {
    PyObject *args;         /* tuple, or NULL for format_map */
    PyObject *kwargs;       /* mapping, or NULL */
    int numbering;          /* 0 undecided, 1 automatic, 2 manual */
    Py_ssize_t auto_index;
} format_state;

static void
format_error(const char *msg)
{
    PyErr_SetString(PyExc_ValueError, msg);
}

/* A non-negative decimal integer s[start:end], or -1 if it is not one
   (then the text is a name), -2 with an exception on overflow. */
static Py_ssize_t
parse_field_number(PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    if (start >= end) {
        return -1;
    }
    Py_ssize_t value = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i);
        int digit = _PyUnicode_ToDecimalDigit(ch);
        if (digit < 0) {
            return -1;
        }
        if (value > (PY_SSIZE_T_MAX - digit) / 10) {
            format_error("Too many decimal digits in format string");
            return -2;
        }
        value = value * 10 + digit;
    }
    return value;
}

/* The object that field name s[start:end] designates (a new reference). */
static PyObject *
get_field_object(format_state *st, PyObject *s, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i);
        if (ch == '.' || ch == '[') {
            break;
        }
        i++;
    }
    PyObject *obj;
    Py_ssize_t index = parse_field_number(s, start, i);
    if (index == -2) {
        return NULL;
    }
    if (start == i) {
        if (st->numbering == 2) {
            format_error("cannot switch from manual field specification to "
                         "automatic field numbering");
            return NULL;
        }
        st->numbering = 1;
        index = st->auto_index++;
    }
    else if (index >= 0) {
        if (st->numbering == 1) {
            format_error("cannot switch from automatic field numbering to "
                         "manual field specification");
            return NULL;
        }
        st->numbering = 2;
    }
    if (index >= 0) {
        if (st->args == NULL) {
            format_error("Format string contains positional fields");
            return NULL;
        }
        if (index >= PyTuple_GET_SIZE(st->args)) {
            PyErr_Format(PyExc_IndexError, "Replacement index %zd out of range "
                         "for positional args tuple", index);
            return NULL;
        }
        obj = Py_NewRef(PyTuple_GET_ITEM(st->args, index));
    }
    else {
        PyObject *key = PyUnicode_Substring(s, start, i);
        if (key == NULL) {
            return NULL;
        }
        if (st->kwargs == NULL) {
            PyErr_SetObject(PyExc_KeyError, key);
            Py_DECREF(key);
            return NULL;
        }
        obj = PyObject_GetItem(st->kwargs, key);
        Py_DECREF(key);
        if (obj == NULL) {
            return NULL;
        }
    }
    /* Accessors: .name and [key]. */
    while (i < end) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i++);
        Py_ssize_t name_start = i;
        PyObject *next;
        if (ch == '.') {
            while (i < end) {
                Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
                if (c == '.' || c == '[') {
                    break;
                }
                i++;
            }
            if (i == name_start) {
                format_error("Empty attribute in format string");
                Py_DECREF(obj);
                return NULL;
            }
            PyObject *name = PyUnicode_Substring(s, name_start, i);
            next = name ? PyObject_GetAttr(obj, name) : NULL;
            Py_XDECREF(name);
        }
        else if (ch == '[') {
            while (i < end && PyUnicode_READ_CHAR(s, i) != ']') {
                i++;
            }
            if (i == end) {
                format_error("Missing ']' in format string");
                Py_DECREF(obj);
                return NULL;
            }
            if (i == name_start) {
                format_error("Empty attribute in format string");
                Py_DECREF(obj);
                return NULL;
            }
            Py_ssize_t n = parse_field_number(s, name_start, i);
            PyObject *key;
            if (n == -2) {
                key = NULL;
            }
            else if (n >= 0) {
                key = PyLong_FromSsize_t(n);
            }
            else {
                key = PyUnicode_Substring(s, name_start, i);
            }
            next = key ? PyObject_GetItem(obj, key) : NULL;
            Py_XDECREF(key);
            i++;    /* the ']' */
            if (next != NULL && i < end) {
                Py_UCS4 c = PyUnicode_READ_CHAR(s, i);
                if (c != '.' && c != '[') {
                    format_error("Only '.' or '[' may follow ']' in format "
                                 "field specifier");
                    Py_DECREF(next);
                    next = NULL;
                }
            }
        }
        else {
            format_error("Only '.' or '[' may follow ']' in format field specifier");
            next = NULL;
        }
        Py_DECREF(obj);
        if (next == NULL) {
            return NULL;
        }
        obj = next;
    }
    return obj;
}

static int render_format(format_state *st, PyObject *s, Py_ssize_t start,
                         Py_ssize_t end, int depth, _PyUnicodeWriter *writer);

/* One replacement field s[start:end] (between the braces). */
static int
render_field(format_state *st, PyObject *s, Py_ssize_t start, Py_ssize_t end,
             int depth, _PyUnicodeWriter *writer)
{
    /* Split into name, conversion and spec; brackets in the name may
       hold any character. */
    Py_ssize_t i = start;
    while (i < end) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(s, i);
        if (ch == '[') {
            while (i < end && PyUnicode_READ_CHAR(s, i) != ']') {
                i++;
            }
            continue;
        }
        if (ch == '{') {
            format_error("unexpected '{' in field name");
            return -1;
        }
        if (ch == '!' || ch == ':') {
            break;
        }
        i++;
    }
    Py_ssize_t name_end = i;
    Py_UCS4 conversion = 0;
    if (i < end && PyUnicode_READ_CHAR(s, i) == '!') {
        if (i + 1 >= end) {
            format_error("end of string while looking for conversion specifier");
            return -1;
        }
        conversion = PyUnicode_READ_CHAR(s, i + 1);
        i += 2;
        if (i < end && PyUnicode_READ_CHAR(s, i) != ':') {
            format_error("expected ':' after conversion specifier");
            return -1;
        }
    }
    Py_ssize_t spec_start = i < end ? i + 1 : end;
    PyObject *obj = get_field_object(st, s, start, name_end);
    if (obj == NULL) {
        return -1;
    }
    if (conversion) {
        PyObject *converted;
        switch (conversion) {
        case 'r':
            converted = PyObject_Repr(obj);
            break;
        case 's':
            converted = PyObject_Str(obj);
            break;
        case 'a':
            converted = PyObject_ASCII(obj);
            break;
        default:
            if (conversion > 32 && conversion < 127) {
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c",
                             (char)conversion);
            }
            else {
                PyErr_Format(PyExc_ValueError,
                             "Unknown conversion specifier \\x%x",
                             (unsigned int)conversion);
            }
            converted = NULL;
        }
        Py_SETREF(obj, converted);
        if (obj == NULL) {
            return -1;
        }
    }
    if (spec_start == end && PyUnicode_CheckExact(obj)) {
        int res = _PyUnicodeWriter_WriteStr(writer, obj);
        Py_DECREF(obj);
        return res;
    }
    /* The spec may itself contain fields. */
    PyObject *spec;
    if (depth <= 1) {
        for (Py_ssize_t k = spec_start; k < end; k++) {
            if (PyUnicode_READ_CHAR(s, k) == '{') {
                format_error("Max string recursion exceeded");
                Py_DECREF(obj);
                return -1;
            }
        }
        spec = PyUnicode_Substring(s, spec_start, end);
    }
    else {
        _PyUnicodeWriter spec_writer;
        _PyUnicodeWriter_Init(&spec_writer);
        if (render_format(st, s, spec_start, end, depth - 1, &spec_writer) < 0) {
            _PyUnicodeWriter_Dealloc(&spec_writer);
            Py_DECREF(obj);
            return -1;
        }
        spec = _PyUnicodeWriter_Finish(&spec_writer);
    }
    if (spec == NULL) {
        Py_DECREF(obj);
        return -1;
    }
    PyObject *formatted = PyObject_Format(obj, spec);
    Py_DECREF(spec);
    Py_DECREF(obj);
    if (formatted == NULL) {
        return -1;
    }
    int res = _PyUnicodeWriter_WriteStr(writer, formatted);
    Py_DECREF(formatted);
    return res;
}

/* Render s[start:end]: literal text with {{ and }} escapes, and fields. */
static int
render_format(format_state *st, PyObject *s, Py_ssize_t start, Py_ssize_t end,
              int depth, _PyUnicodeWriter *writer)
{
    Py_ssize_t i = start;
    while (i < end) {
        Py_ssize_t literal = i;
        Py_UCS4 ch = 0;
        while (i < end) {
            ch = PyUnicode_READ_CHAR(s, i);
            if (ch == '{' || ch == '}') {
                break;
            }
            i++;
        }
        if (_PyUnicodeWriter_WriteSubstring(writer, s, literal, i) < 0) {
            return -1;
        }
        if (i == end) {
            break;
        }
        Py_UCS4 next = i + 1 < end ? PyUnicode_READ_CHAR(s, i + 1) : 0;
        if (ch == '}') {
            if (next != '}') {
                format_error("Single '}' encountered in format string");
                return -1;
            }
            if (_PyUnicodeWriter_WriteChar(writer, '}') < 0) {
                return -1;
            }
            i += 2;
            continue;
        }
        if (next == '{') {
            if (_PyUnicodeWriter_WriteChar(writer, '{') < 0) {
                return -1;
            }
            i += 2;
            continue;
        }
        if (i + 1 >= end) {
            format_error("Single '{' encountered in format string");
            return -1;
        }
        /* Find the matching '}', counting nested fields in the spec and
           skipping [...] in the field name. */
        Py_ssize_t field_start = i + 1, j = field_start;
        int nesting = 1, in_spec = 0;
        while (j < end) {
            Py_UCS4 c = PyUnicode_READ_CHAR(s, j);
            if (!in_spec && c == '[') {
                while (j < end && PyUnicode_READ_CHAR(s, j) != ']') {
                    j++;
                }
                if (j == end) {
                    break;
                }
            }
            else if (c == ':' || c == '!') {
                in_spec = 1;
            }
            else if (c == '{') {
                if (!in_spec) {
                    format_error("unexpected '{' in field name");
                    return -1;
                }
                nesting++;
            }
            else if (c == '}') {
                if (--nesting == 0) {
                    break;
                }
            }
            j++;
        }
        if (j >= end) {
            format_error("expected '}' before end of string");
            return -1;
        }
        if (render_field(st, s, field_start, j, depth, writer) < 0) {
            return -1;
        }
        i = j + 1;
    }
    return 0;
}

static PyObject *
do_format(PyObject *self, PyObject *args, PyObject *kwargs)
{
    format_state st = { args, kwargs, 0, 0 };
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = PyUnicode_GET_LENGTH(self) + 16;
    writer.overallocate = 1;
    if (render_format(&st, self, 0, PyUnicode_GET_LENGTH(self), 2, &writer) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

PyObject *
_Py_unicode_format_method(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return do_format(self, args, kwargs);
}

PyObject *
_Py_unicode_format_map(PyObject *self, PyObject *mapping)
{
    return do_format(self, NULL, mapping);
}

PyObject *
_Py_unicode___format__(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyUnicode_FormatSpec(self, spec);
}

/* ---- printf-style formatting: str % args ---------------------------------------------------- */

#define F_LJUST (1 << 0)
#define F_SIGN (1 << 1)
#define F_BLANK (1 << 2)
#define F_ALT (1 << 3)
#define F_ZERO (1 << 4)

/* The state of one `format % args` evaluation. */
typedef struct {
    PyObject *args;         /* the right operand */
    PyObject *dict;         /* args when it is a mapping used by %(key) */
    Py_ssize_t argidx;      /* next item of a tuple args */
    Py_ssize_t arglen;      /* -1: args is a single value */
    int args_used;          /* a single value was consumed */
} percent_state;

static PyObject *
next_arg(percent_state *st)
{
    if (st->arglen < 0) {
        if (!st->args_used) {
            st->args_used = 1;
            return st->args;
        }
    }
    else if (st->argidx < st->arglen) {
        return PyTuple_GET_ITEM(st->args, st->argidx++);
    }
    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* %d %i %u %x %X %o of an int: sign, prefix, precision zeros, width. */
static PyObject *
format_int_value(PyObject *value, Py_UCS4 type, int flags, Py_ssize_t width,
                 Py_ssize_t precision)
{
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    int negative = PyObject_RichCompareBool(value, _PyLong_GetZero(), Py_LT);
    if (negative < 0) {
        return NULL;
    }
    PyObject *absval = negative ? PyNumber_Negative(value) : Py_NewRef(value);
    if (absval == NULL) {
        return NULL;
    }
    PyObject *digits = _PyLong_Format(absval, base);
    Py_DECREF(absval);
    if (digits == NULL) {
        return NULL;
    }
    Py_ssize_t skip = base == 10 ? 0 : 2;   /* _PyLong_Format's "0x" */
    Py_ssize_t ndigits = PyUnicode_GET_LENGTH(digits) - skip;
    const char *prefix = "";
    if (flags & F_ALT) {
        prefix = base == 8 ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
    }
    const char *sign = negative ? "-" : (flags & F_SIGN) ? "+"
                       : (flags & F_BLANK) ? " " : "";
    Py_ssize_t zeros = precision > ndigits ? precision - ndigits : 0;
    Py_ssize_t body = (Py_ssize_t)(strlen(sign) + strlen(prefix)) + zeros + ndigits;
    if ((flags & F_ZERO) && !(flags & F_LJUST) && width > body) {
        zeros += width - body;
        body = width;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    int ok = _PyUnicodeWriter_WriteASCIIString(&w, sign, -1) == 0
             && _PyUnicodeWriter_WriteASCIIString(&w, prefix, -1) == 0
             && _PyUnicodeWriter_Prepare(&w, zeros, '0') == 0;
    if (ok) {
        _Py_fill_characters(w.kind, w.data, '0', w.pos, zeros);
        w.pos += zeros;
        ok = _PyUnicodeWriter_WriteSubstring(&w, digits, skip, skip + ndigits) == 0;
    }
    if (ok && type == 'X') {
        for (Py_ssize_t k = w.pos - ndigits; k < w.pos; k++) {
            Py_UCS4 c = PyUnicode_READ(w.kind, w.data, k);
            if (c >= 'a' && c <= 'f') {
                PyUnicode_WRITE(w.kind, w.data, k, c - 'a' + 'A');
            }
        }
    }
    Py_DECREF(digits);
    if (!ok) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* The int to format for %d-like types: an int, or int(x) for numbers
   (%d of a float truncates); %x and %o want an integer (__index__). */
static PyObject *
int_for_format(PyObject *v, Py_UCS4 type)
{
    if (PyLong_Check(v)) {
        return Py_NewRef(v);
    }
    PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
    if (type == 'x' || type == 'X' || type == 'o') {
        if (nb == NULL || nb->nb_index == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%%%c format: an integer is required, not %.200s",
                         (int)type, Py_TYPE(v)->tp_name);
            return NULL;
        }
        return PyNumber_Index(v);
    }
    if (nb == NULL || (nb->nb_index == NULL && nb->nb_int == NULL
                       && nb->nb_float == NULL)) {
        PyErr_Format(PyExc_TypeError,
                     "%%%c format: a real number is required, not %.200s",
                     (int)type, Py_TYPE(v)->tp_name);
        return NULL;
    }
    if (nb->nb_index != NULL) {
        return PyNumber_Index(v);
    }
    return PyNumber_Long(v);
}

/* %e %f %g ...: delegated to float.__format__ with the equivalent spec. */
static PyObject *
format_float_value(PyObject *v, Py_UCS4 type, int flags, Py_ssize_t width,
                   Py_ssize_t precision)
{
    PyObject *f;
    if (PyFloat_Check(v)) {
        f = Py_NewRef(v);
    }
    else {
        PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
        if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
            PyErr_Format(PyExc_TypeError, "must be real number, not %.50s",
                         Py_TYPE(v)->tp_name);
            return NULL;
        }
        f = PyNumber_Float(v);
        if (f == NULL) {
            return NULL;
        }
    }
    char spec[64];
    char *p = spec;
    if (flags & F_LJUST) *p++ = '<';
    if (flags & F_SIGN) *p++ = '+';
    else if (flags & F_BLANK) *p++ = ' ';
    if (flags & F_ALT) *p++ = '#';
    if ((flags & F_ZERO) && !(flags & F_LJUST)) *p++ = '0';
    if (width > 0) p += sprintf(p, "%zd", width);
    p += sprintf(p, ".%zd%c", precision < 0 ? (Py_ssize_t)6 : precision, (char)type);
    PyObject *specobj = PyUnicode_FromString(spec);
    if (specobj == NULL) {
        Py_DECREF(f);
        return NULL;
    }
    PyObject *res = _PyFloat_FormatSpec(f, specobj);
    Py_DECREF(specobj);
    Py_DECREF(f);
    return res;
}

/* One conversion at format[*pos] (just after the '%'). */
static int
percent_one(percent_state *st, PyObject *format, Py_ssize_t *pos,
            _PyUnicodeWriter *writer)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(format);
    Py_ssize_t i = *pos;
    PyObject *value = NULL;     /* borrowed unless from a mapping */
    PyObject *owned_value = NULL;
    int flags = 0;
    Py_ssize_t width = -1, precision = -1;
#define NEXT_CHAR() (i < len ? PyUnicode_READ_CHAR(format, i++) : (i++, (Py_UCS4)0))
    if (i < len && PyUnicode_READ_CHAR(format, i) == '(') {
        if (st->dict == NULL) {
            PyErr_SetString(PyExc_TypeError, "format requires a mapping");
            return -1;
        }
        Py_ssize_t keystart = ++i;
        int depth = 1;
        while (i < len && depth > 0) {
            Py_UCS4 c = PyUnicode_READ_CHAR(format, i);
            if (c == ')') depth--;
            else if (c == '(') depth++;
            i++;
        }
        if (depth > 0) {
            PyErr_SetString(PyExc_ValueError, "incomplete format key");
            return -1;
        }
        PyObject *key = PyUnicode_Substring(format, keystart, i - 1);
        if (key == NULL) {
            return -1;
        }
        owned_value = PyObject_GetItem(st->dict, key);
        Py_DECREF(key);
        if (owned_value == NULL) {
            return -1;
        }
        value = owned_value;
        /* With a key, the arguments are the mapping, not a sequence. */
        st->arglen = -1;
        st->args_used = 1;
    }
    for (;;) {
        Py_UCS4 c = i < len ? PyUnicode_READ_CHAR(format, i) : 0;
        if (c == '-') flags |= F_LJUST;
        else if (c == '+') flags |= F_SIGN;
        else if (c == ' ') flags |= F_BLANK;
        else if (c == '#') flags |= F_ALT;
        else if (c == '0') flags |= F_ZERO;
        else break;
        i++;
    }
    Py_UCS4 c = NEXT_CHAR();
    if (c == '*') {
        PyObject *w = next_arg(st);
        if (w == NULL) goto error;
        if (!PyLong_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "* wants int");
            goto error;
        }
        width = PyLong_AsSsize_t(w);
        if (width == -1 && PyErr_Occurred()) goto error;
        if (width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
        c = NEXT_CHAR();
    }
    else if (c >= '0' && c <= '9') {
        width = 0;
        while (c >= '0' && c <= '9') {
            if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "width too big");
                goto error;
            }
            width = width * 10 + (c - '0');
            c = NEXT_CHAR();
        }
    }
    if (c == '.') {
        precision = 0;
        c = NEXT_CHAR();
        if (c == '*') {
            PyObject *p = next_arg(st);
            if (p == NULL) goto error;
            if (!PyLong_Check(p)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto error;
            }
            precision = PyLong_AsSsize_t(p);
            if (precision == -1 && PyErr_Occurred()) goto error;
            if (precision < 0) precision = 0;
            c = NEXT_CHAR();
        }
        else {
            while (c >= '0' && c <= '9') {
                if (precision > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "precision too big");
                    goto error;
                }
                precision = precision * 10 + (c - '0');
                c = NEXT_CHAR();
            }
        }
    }
    while (c == 'h' || c == 'l' || c == 'L') {
        c = NEXT_CHAR();
    }
#undef NEXT_CHAR
    if (i > len) {
        PyErr_SetString(PyExc_ValueError, "incomplete format");
        goto error;
    }
    if (c == '%') {
        Py_XDECREF(owned_value);
        *pos = i;
        return _PyUnicodeWriter_WriteChar(writer, '%');
    }
    if (value == NULL) {
        value = next_arg(st);
        if (value == NULL) goto error;
    }
    PyObject *text;
    switch (c) {
    case 's':
        text = PyUnicode_CheckExact(value) ? Py_NewRef(value) : PyObject_Str(value);
        break;
    case 'r':
        text = PyObject_Repr(value);
        break;
    case 'a':
        text = PyObject_ASCII(value);
        break;
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        PyObject *iv = int_for_format(value, c == 'i' || c == 'u' ? 'd' : c);
        if (iv == NULL) goto error;
        text = format_int_value(iv, c, flags, width, precision);
        Py_DECREF(iv);
        precision = -1;     /* used for the digits */
        break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        text = format_float_value(value, c, flags, width, precision);
        precision = -1;
        break;
    case 'c':
        if (PyUnicode_Check(value)) {
            if (PyUnicode_GET_LENGTH(value) != 1) {
                PyErr_SetString(PyExc_TypeError, "%c requires int or char");
                goto error;
            }
            text = Py_NewRef(value);
        }
        else if (PyLong_Check(value)) {
            long ch = PyLong_AsLong(value);
            if (ch == -1 && PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                    PyErr_SetString(PyExc_OverflowError,
                                    "%c arg not in range(0x110000)");
                }
                goto error;
            }
            if (ch < 0 || ch > MAX_UNICODE) {
                PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
                goto error;
            }
            text = _Py_unicode_char((Py_UCS4)ch);
        }
        else {
            PyErr_SetString(PyExc_TypeError, "%c requires int or char");
            goto error;
        }
        precision = -1;     /* meaningless for one character */
        break;
    default:
        if (c > 32 && c < 127) {
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zd",
                         (int)c, (unsigned int)c, i - 1);
        }
        else {
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character %R (0x%x) at index %zd",
                         _Py_unicode_char(c), (unsigned int)c, i - 1);
        }
        goto error;
    }
    if (text == NULL) goto error;
    int res = _Py_unicode_write_padded(writer, text, width, precision, flags & F_LJUST);
    Py_DECREF(text);
    Py_XDECREF(owned_value);
    *pos = i;
    return res;
error:
    Py_XDECREF(owned_value);
    return -1;
}

PyObject *
_PyUnicode_Format(PyObject *format, PyObject *args)
{
    percent_state st;
    st.args = args;
    st.argidx = 0;
    st.args_used = 0;
    if (PyTuple_Check(args)) {
        st.arglen = PyTuple_GET_SIZE(args);
    }
    else {
        st.arglen = -1;
    }
    st.dict = NULL;
    if (PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)) {
        st.dict = args;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(format);
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = len + 16;
    writer.overallocate = 1;
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t run = PyUnicode_FindChar(format, '%', i, len, 1);
        if (run < 0) {
            run = len;
        }
        if (_PyUnicodeWriter_WriteSubstring(&writer, format, i, run) < 0) {
            goto error;
        }
        if (run == len) {
            break;
        }
        i = run + 1;
        if (percent_one(&st, format, &i, &writer) < 0) {
            goto error;
        }
    }
    if ((st.arglen >= 0 && st.argidx < st.arglen)
        || (st.arglen < 0 && !st.args_used && st.dict == NULL)) {
        PyErr_SetString(PyExc_TypeError,
                        "not all arguments converted during string formatting");
        goto error;
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_Format(PyObject *format, PyObject *args)
{
    if (format == NULL || args == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (_Py_unicode_ensure(format) < 0) {
        return NULL;
    }
    return _PyUnicode_Format(format, args);
}

/* ---- the type object ---------------------------------------------------------------------- */


static PyNumberMethods unicode_as_number = {
    .nb_remainder = unicode_mod,
};

static PySequenceMethods unicode_as_sequence = {
    .sq_length = unicode_length,
    .sq_concat = unicode_concat,
    .sq_repeat = unicode_repeat,
    .sq_item = unicode_getitem,
    .sq_contains = unicode_contains,
};

static PyMappingMethods unicode_as_mapping = {
    .mp_length = unicode_length,
    .mp_subscript = unicode_subscript,
};

PyTypeObject PyUnicode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str",
    .tp_basicsize = sizeof(PyUnicodeObject),
    .tp_dealloc = unicode_dealloc,
    .tp_repr = unicode_repr,
    .tp_as_number = &unicode_as_number,
    .tp_as_sequence = &unicode_as_sequence,
    .tp_as_mapping = &unicode_as_mapping,
    .tp_hash = unicode_hash,
    .tp_str = unicode_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_UNICODE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "str(object='') -> str\n"
              "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If encoding or\n"
              "errors is specified, then the object must expose a data buffer\n"
              "that will be decoded using the given encoding and error handler.\n"
              "Otherwise, returns the result of object.__str__() (if defined)\n"
              "or repr(object).\n"
              "encoding defaults to 'utf-8'.\n"
              "errors defaults to 'strict'.",
    .tp_richcompare = unicode_richcompare,
    .tp_iter = unicode_iter,
    .tp_methods = _Py_unicode_methods,
    .tp_new = unicode_new,
    .tp_free = PyObject_Free,
};

/* ---- unicode_escape and raw_unicode_escape ------------------------------------------------- */

static int
hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Read exactly `digits` hex digits at s[*pos]; -1 if fewer are there
   (*pos then points past the valid ones). */
static long
read_hex(const unsigned char *s, Py_ssize_t size, Py_ssize_t *pos, int digits)
{
    long value = 0;
    for (int k = 0; k < digits; k++) {
        int d = *pos < size ? hex_value(s[*pos]) : -1;
        if (d < 0) {
            return -1;
        }
        value = value * 16 + d;
        (*pos)++;
    }
    return value;
}

PyObject *
_PyUnicode_DecodeUnicodeEscapeInternal(const char *str, Py_ssize_t size,
                                       const char *errors, Py_ssize_t *consumed,
                                       const char **first_invalid_escape)
{
    const unsigned char *s = (const unsigned char *)str;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    writer.overallocate = 1;
    if (first_invalid_escape != NULL) {
        *first_invalid_escape = NULL;
    }
    Py_ssize_t pos = 0;
    while (pos < size) {
        if (s[pos] != '\\') {
            Py_ssize_t run = pos;
            while (run < size && s[run] != '\\') {
                run++;
            }
            if (_PyUnicodeWriter_WriteLatin1String(&writer, str + pos, run - pos) < 0) {
                goto error;
            }
            pos = run;
            continue;
        }
        Py_ssize_t start = pos++;
        if (pos >= size) {
            if (consumed != NULL) {
                pos = start;
                break;
            }
            pos = _Py_decode_error(&handler, errors, "unicodeescape",
                                   "\\ at end of string", _Py_CODEC_LATIN1,
                                   str, size, start, size, &writer);
            if (pos < 0) {
                goto error;
            }
            continue;
        }
        unsigned char c = s[pos++];
        Py_UCS4 ch;
        const char *message = NULL;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 't': ch = '\t'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 'v': ch = '\v'; break;
        case 'a': ch = '\a'; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            ch = c - '0';
            if (pos < size && s[pos] >= '0' && s[pos] <= '7') {
                ch = (ch << 3) + s[pos++] - '0';
                if (pos < size && s[pos] >= '0' && s[pos] <= '7') {
                    ch = (ch << 3) + s[pos++] - '0';
                }
            }
            if (ch > 0377 && first_invalid_escape != NULL
                && *first_invalid_escape == NULL) {
                *first_invalid_escape = str + start;
            }
            break;
        case 'x': case 'u': case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            long v = read_hex(s, size, &pos, digits);
            if (v < 0) {
                if (consumed != NULL && pos == size) {
                    pos = start;
                    goto done;
                }
                message = c == 'x' ? "truncated \\xXX escape"
                          : c == 'u' ? "truncated \\uXXXX escape"
                                     : "truncated \\UXXXXXXXX escape";
            }
            else if (v > MAX_UNICODE) {
                message = "illegal Unicode character";
            }
            else {
                ch = (Py_UCS4)v;
            }
            break;
        }
        case 'N':
            message = "malformed \\N character escape";
            if (pos < size && s[pos] == '{') {
                Py_ssize_t close = pos + 1;
                while (close < size && s[close] != '}') {
                    close++;
                }
                if (close < size && close > pos + 1) {
                    Py_UCS4 named;
                    if (_PyUnicode_LookupName(str + pos + 1,
                                              (size_t)(close - pos - 1), 1,
                                              &named)) {
                        ch = named;
                        message = NULL;
                    }
                    else {
                        message = "unknown Unicode character name";
                    }
                    pos = close + 1;
                }
            }
            break;
        default:
            /* Unknown escapes are kept as written. */
            if (first_invalid_escape != NULL && *first_invalid_escape == NULL) {
                *first_invalid_escape = str + start;
            }
            if (_PyUnicodeWriter_WriteChar(&writer, '\\') < 0
                || _PyUnicodeWriter_WriteChar(&writer, c) < 0) {
                goto error;
            }
            continue;
        }
        if (message != NULL) {
            pos = _Py_decode_error(&handler, errors, "unicodeescape", message,
                                   _Py_CODEC_LATIN1, str, size, start, pos, &writer);
            if (pos < 0) {
                goto error;
            }
            continue;
        }
        if (_PyUnicodeWriter_WriteChar(&writer, ch) < 0) {
            goto error;
        }
    }
done:
    if (consumed != NULL) {
        *consumed = pos;
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    const char *first_invalid;
    PyObject *res = _PyUnicode_DecodeUnicodeEscapeInternal(s, size, errors, NULL,
                                                           &first_invalid);
    if (res != NULL && first_invalid != NULL) {
        unsigned char c = (unsigned char)first_invalid[1];
        int warned;
        if (c >= '0' && c <= '7') {
            warned = PyErr_WarnFormat(
                PyExc_DeprecationWarning, 1,
                "\"\\%.3s\" is an invalid octal escape sequence. Such sequences "
                "will not work in the future. Did you mean \"\\\\%.3s\"? A raw "
                "string is also an option.", first_invalid + 1, first_invalid + 1);
        }
        else {
            warned = PyErr_WarnFormat(
                PyExc_DeprecationWarning, 1,
                "\"\\%c\" is an invalid escape sequence. Such sequences will not "
                "work in the future. Did you mean \"\\\\%c\"? A raw string is "
                "also an option.", c, c);
        }
        if (warned < 0) {
            Py_DECREF(res);
            return NULL;
        }
    }
    return res;
}

PyObject *
PyUnicode_DecodeRawUnicodeEscape(const char *str, Py_ssize_t size,
                                 const char *errors)
{
    const unsigned char *s = (const unsigned char *)str;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    writer.overallocate = 1;
    Py_ssize_t pos = 0;
    while (pos < size) {
        /* \u and \U are escapes only after an odd number of backslashes. */
        if (s[pos] != '\\') {
            if (_PyUnicodeWriter_WriteChar(&writer, s[pos++]) < 0) {
                goto error;
            }
            continue;
        }
        Py_ssize_t run = pos;
        while (run < size && s[run] == '\\') {
            run++;
        }
        Py_ssize_t count = run - pos;
        if (count % 2 == 0 || run == size || (s[run] != 'u' && s[run] != 'U')) {
            if (_PyUnicodeWriter_WriteLatin1String(&writer, str + pos, count) < 0) {
                goto error;
            }
            pos = run;
            continue;
        }
        if (_PyUnicodeWriter_WriteLatin1String(&writer, str + pos, count - 1) < 0) {
            goto error;
        }
        Py_ssize_t start = run - 1;
        int digits = s[run] == 'u' ? 4 : 8;
        pos = run + 1;
        long v = read_hex(s, size, &pos, digits);
        const char *message = NULL;
        if (v < 0) {
            message = digits == 4 ? "truncated \\uXXXX escape"
                                  : "truncated \\UXXXXXXXX escape";
        }
        else if (v > MAX_UNICODE) {
            message = "\\Uxxxxxxxx out of range";
        }
        if (message != NULL) {
            pos = _Py_decode_error(&handler, errors, "rawunicodeescape", message,
                                   _Py_CODEC_LATIN1, str, size, start, pos, &writer);
            if (pos < 0) {
                goto error;
            }
            continue;
        }
        if (_PyUnicodeWriter_WriteChar(&writer, (Py_UCS4)v) < 0) {
            goto error;
        }
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

/* Append \xhh, \uhhhh or \Uhhhhhhhh for ch. */
static void
append_hex_escape(_Py_bytebuf *out, Py_UCS4 ch)
{
    static const char hexdigits[] = "0123456789abcdef";
    int digits = ch < 0x100 ? 2 : ch < 0x10000 ? 4 : 8;
    char *q = out->data + out->len;
    *q++ = '\\';
    *q++ = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        *q++ = hexdigits[(ch >> shift) & 0xF];
    }
    out->len = q - out->data;
}

PyObject *
PyUnicode_AsUnicodeEscapeString(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    _Py_bytebuf out;
    _Py_bytebuf_init(&out);
    if (len > PY_SSIZE_T_MAX / 10 || _Py_bytebuf_reserve(&out, len * 10) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
            out.data[out.len++] = '\\';
            out.data[out.len++] = ch == '\\' ? '\\' : ch == '\t' ? 't'
                                  : ch == '\n' ? 'n' : 'r';
        }
        else if (ch >= ' ' && ch < 0x7F) {
            out.data[out.len++] = (char)ch;
        }
        else {
            append_hex_escape(&out, ch);
        }
    }
    return _Py_bytebuf_finish(&out);
}

PyObject *
PyUnicode_AsRawUnicodeEscapeString(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    _Py_bytebuf out;
    _Py_bytebuf_init(&out);
    if (len > PY_SSIZE_T_MAX / 10 || _Py_bytebuf_reserve(&out, len * 10) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 0x100) {
            out.data[out.len++] = (char)ch;
        }
        else {
            append_hex_escape(&out, ch);
        }
    }
    return _Py_bytebuf_finish(&out);
}

/* ---- charmap: single-byte encodings defined by a table ------------------------------------ */

/* Decoding: mapping is None (latin-1), a str of up to 256 characters
   indexed by byte (U+FFFE marks an undefined byte), or any mapping from
   byte values to an int, a str or None. */
PyObject *
PyUnicode_DecodeCharmap(const char *str, Py_ssize_t size, PyObject *mapping,
                        const char *errors)
{
    if (mapping == NULL || mapping == Py_None) {
        return PyUnicode_DecodeLatin1(str, size, errors);
    }
    const unsigned char *s = (const unsigned char *)str;
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    writer.overallocate = 1;
    int is_table = PyUnicode_Check(mapping);
    Py_ssize_t pos = 0;
    while (pos < size) {
        unsigned char b = s[pos];
        int defined = 0;
        if (is_table) {
            if (b < PyUnicode_GET_LENGTH(mapping)) {
                Py_UCS4 ch = PyUnicode_READ_CHAR(mapping, b);
                if (ch != 0xFFFE) {
                    if (_PyUnicodeWriter_WriteChar(&writer, ch) < 0) {
                        goto error;
                    }
                    defined = 1;
                }
            }
        }
        else {
            PyObject *key = PyLong_FromLong(b);
            PyObject *value = key ? PyObject_GetItem(mapping, key) : NULL;
            Py_XDECREF(key);
            if (value == NULL) {
                if (!PyErr_ExceptionMatches(PyExc_LookupError)) {
                    goto error;
                }
                PyErr_Clear();
            }
            else if (PyLong_Check(value)) {
                long v = PyLong_AsLong(value);
                Py_DECREF(value);
                if (v < 0 || v > MAX_UNICODE) {
                    if (!PyErr_Occurred()) {
                        PyErr_SetString(PyExc_TypeError,
                                        "character mapping must be in range(0x110000)");
                    }
                    goto error;
                }
                if (_PyUnicodeWriter_WriteChar(&writer, (Py_UCS4)v) < 0) {
                    goto error;
                }
                defined = 1;
            }
            else if (PyUnicode_Check(value)) {
                if (!(PyUnicode_GET_LENGTH(value) == 1
                      && PyUnicode_READ_CHAR(value, 0) == 0xFFFE)) {
                    if (_PyUnicodeWriter_WriteStr(&writer, value) < 0) {
                        Py_DECREF(value);
                        goto error;
                    }
                    defined = 1;
                }
                Py_DECREF(value);
            }
            else if (value != Py_None) {
                Py_DECREF(value);
                PyErr_SetString(PyExc_TypeError,
                                "character mapping must return integer, None or str");
                goto error;
            }
            else {
                Py_DECREF(value);
            }
        }
        if (defined) {
            pos++;
            continue;
        }
        pos = _Py_decode_error(&handler, errors, "charmap",
                               "character maps to <undefined>", _Py_CODEC_LATIN1,
                               str, size, pos, pos + 1, &writer);
        if (pos < 0) {
            goto error;
        }
    }
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

/* Encode one character through mapping: 1 (appended), 0 (undefined),
   -1 (error). */
static int
charmap_encode_char(PyObject *mapping, Py_UCS4 ch, _Py_bytebuf *out)
{
    PyObject *key = PyLong_FromLong((long)ch);
    PyObject *value = key ? PyObject_GetItem(mapping, key) : NULL;
    Py_XDECREF(key);
    if (value == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    int res;
    if (value == Py_None) {
        res = 0;
    }
    else if (PyLong_Check(value)) {
        long v = PyLong_AsLong(value);
        if (v < 0 || v > 255) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "character mapping must be in range(256)");
            }
            res = -1;
        }
        else {
            char c = (char)v;
            res = _Py_bytebuf_append(out, &c, 1) < 0 ? -1 : 1;
        }
    }
    else if (PyBytes_Check(value)) {
        res = _Py_bytebuf_append(out, PyBytes_AS_STRING(value),
                                 PyBytes_GET_SIZE(value)) < 0 ? -1 : 1;
    }
    else {
        PyErr_Format(PyExc_TypeError, "character mapping must return integer, "
                     "bytes or None, not %.400s", Py_TYPE(value)->tp_name);
        res = -1;
    }
    Py_DECREF(value);
    return res;
}

PyObject *
_PyUnicode_EncodeCharmap(PyObject *unicode, PyObject *mapping, const char *errors)
{
    if (_Py_unicode_ensure(unicode) < 0) {
        return NULL;
    }
    if (mapping == NULL || mapping == Py_None) {
        return _PyUnicode_AsLatin1String(unicode, errors);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    _Py_error_handler handler = _Py_GetErrorHandler(errors);
    _Py_bytebuf out;
    _Py_bytebuf_init(&out);
    Py_ssize_t i = 0;
    while (i < len) {
        int r = charmap_encode_char(mapping, PyUnicode_READ(kind, data, i), &out);
        if (r < 0) {
            goto error;
        }
        if (r > 0) {
            i++;
            continue;
        }
        /* A run of unencodable characters. */
        Py_ssize_t j = i + 1;
        while (j < len) {
            _Py_bytebuf probe;
            _Py_bytebuf_init(&probe);
            r = charmap_encode_char(mapping, PyUnicode_READ(kind, data, j), &probe);
            _Py_bytebuf_free(&probe);
            if (r < 0) {
                goto error;
            }
            if (r > 0) {
                break;
            }
            j++;
        }
        if (handler == _Py_ERROR_IGNORE) {
            i = j;
            continue;
        }
        if (handler == _Py_ERROR_REPLACE || handler == _Py_ERROR_BACKSLASHREPLACE
            || handler == _Py_ERROR_XMLCHARREFREPLACE || handler == _Py_ERROR_NAMEREPLACE
            || handler == _Py_ERROR_SURROGATEESCAPE) {
            /* Produce the replacement as latin-1 bytes, then map those
               characters through the table too (surrogateescape's bytes
               are written as they are). */
            _Py_bytebuf repl;
            _Py_bytebuf_init(&repl);
            _Py_error_handler h = handler;
            if (_Py_encode_error(&h, errors, "charmap", "character maps to <undefined>",
                                 _Py_CODEC_LATIN1, unicode, i, j, &repl) < 0) {
                _Py_bytebuf_free(&repl);
                goto error;
            }
            for (Py_ssize_t k = 0; k < repl.len; k++) {
                if (handler == _Py_ERROR_SURROGATEESCAPE) {
                    if (_Py_bytebuf_append(&out, repl.data + k, 1) < 0) {
                        _Py_bytebuf_free(&repl);
                        goto error;
                    }
                    continue;
                }
                r = charmap_encode_char(mapping, (unsigned char)repl.data[k], &out);
                if (r <= 0) {
                    _Py_bytebuf_free(&repl);
                    if (r == 0) {
                        _Py_raise_encode_error("charmap", unicode, i, j,
                                               "character maps to <undefined>");
                    }
                    goto error;
                }
            }
            _Py_bytebuf_free(&repl);
            i = j;
            continue;
        }
        if (_Py_encode_error(&handler, errors, "charmap", "character maps to <undefined>",
                             _Py_CODEC_LATIN1, unicode, i, j, &out) < 0) {
            goto error;
        }
        i = j;
    }
    return _Py_bytebuf_finish(&out);
error:
    _Py_bytebuf_free(&out);
    return NULL;
}

PyObject *
PyUnicode_AsCharmapString(PyObject *unicode, PyObject *mapping)
{
    if (unicode == NULL || mapping == NULL) {
        PyErr_BadArgument();
        return NULL;
    }
    return _PyUnicode_EncodeCharmap(unicode, mapping, NULL);
}

/* The inverse of a decoding table: {ord(table[i]): i}, for encoding. */
PyObject *
PyUnicode_BuildEncodingMap(PyObject *string)
{
    if (_Py_unicode_ensure(string) < 0) {
        return NULL;
    }
    PyObject *map = PyDict_New();
    if (map == NULL) {
        return NULL;
    }
    Py_ssize_t len = Py_MIN(PyUnicode_GET_LENGTH(string), 256);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(string, i);
        if (ch == 0xFFFE) {
            continue;
        }
        PyObject *key = PyLong_FromLong((long)ch);
        PyObject *value = PyLong_FromSsize_t(i);
        int res = (key && value) ? PyDict_SetItem(map, key, value) : -1;
        Py_XDECREF(key);
        Py_XDECREF(value);
        if (res < 0) {
            Py_DECREF(map);
            return NULL;
        }
    }
    return map;
}

/* ---- path arguments (PyArg_Parse "O&" converters) ------------------------------------------ */

/* os.fspath(path): a str or bytes, or the result of __fspath__. */
static PyObject *
fspath(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path)) {
        return Py_NewRef(path);
    }
    int has = PyObject_HasAttrStringWithError((PyObject *)Py_TYPE(path), "__fspath__");
    if (has < 0) {
        return NULL;
    }
    if (!has) {
        PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike "
                     "object, not %.200s", Py_TYPE(path)->tp_name);
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(path, "__fspath__", NULL);
    if (res != NULL && !PyUnicode_Check(res) && !PyBytes_Check(res)) {
        PyErr_Format(PyExc_TypeError, "expected %.200s.__fspath__() to return "
                     "str or bytes, not %.200s", Py_TYPE(path)->tp_name,
                     Py_TYPE(res)->tp_name);
        Py_CLEAR(res);
    }
    return res;
}

int
PyUnicode_FSConverter(PyObject *arg, void *addr)
{
    if (arg == NULL) {
        Py_CLEAR(*(PyObject **)addr);
        return 1;
    }
    PyObject *path = fspath(arg);
    if (path == NULL) {
        return 0;
    }
    PyObject *output;
    if (PyBytes_Check(path)) {
        output = path;
    }
    else {
        output = PyUnicode_EncodeFSDefault(path);
        Py_DECREF(path);
        if (output == NULL) {
            return 0;
        }
    }
    if (strlen(PyBytes_AS_STRING(output)) != (size_t)PyBytes_GET_SIZE(output)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(output);
        return 0;
    }
    *(PyObject **)addr = output;
    return Py_CLEANUP_SUPPORTED;
}

int
PyUnicode_FSDecoder(PyObject *arg, void *addr)
{
    if (arg == NULL) {
        Py_CLEAR(*(PyObject **)addr);
        return 1;
    }
    PyObject *path = fspath(arg);
    if (path == NULL) {
        return 0;
    }
    PyObject *output;
    if (PyUnicode_Check(path)) {
        output = path;
    }
    else {
        output = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(path),
                                                  PyBytes_GET_SIZE(path));
        Py_DECREF(path);
        if (output == NULL) {
            return 0;
        }
    }
    if (PyUnicode_FindChar(output, 0, 0, PyUnicode_GET_LENGTH(output), 1) != -1) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
        }
        Py_DECREF(output);
        return 0;
    }
    *(PyObject **)addr = output;
    return Py_CLEANUP_SUPPORTED;
}
