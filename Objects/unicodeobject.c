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
#include "pycore_abstract.h"
#include "pycore_codecs.h"
#include "pycore_initconfig.h"
#include "pycore_pystate.h"
#include "pycore_unicodeobject.h"
#include "pycore_unicodectype.h"

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

/* Make s immortal and mark it interned.  Free-threaded build: s is owned
   by this thread (intern_common), so only the local count is written, and
   atomically: other threads may hold references and be changing the
   shared count right now, which immortality makes irrelevant (a merge they
   queue meanwhile skips an immortal object, _Py_ExplicitMergeRefcount). */
static void
intern_mark(PyObject *s)
{
    if (_PyASCIIObject_CAST(s)->state.statically_allocated) {
        __atomic_store_n(&_PyASCIIObject_CAST(s)->state.interned,
                         SSTATE_INTERNED_IMMORTAL_STATIC, __ATOMIC_RELAXED);
        return;
    }
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&s->ob_ref_local, _Py_IMMORTAL_REFCNT_LOCAL, __ATOMIC_RELAXED);
#else
    _Py_SetImmortal(s);
#endif
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
    if (!_Py_IsOwnedByCurrentThread(s)) {
        /* Another thread writes its local count: intern a copy this
           thread owns.  (With the GIL s itself is always made immortal,
           as sys.intern(s) is s promises.) */
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
        /* Empty input: no codec runs, so a name is only checked in
           development mode (as CPython). */
        if (PyBytes_GET_SIZE(obj) == 0) {
            if (_Py_check_encoding_errors(encoding, errors) < 0) {
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
        res = _Py_check_encoding_errors(encoding, errors) < 0
              ? NULL : _Py_unicode_new_empty();
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
    PyObject *obj = NULL, *encoding_obj = NULL, *errors_obj = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOO:str", kwlist,
                                     &obj, &encoding_obj, &errors_obj)) {
        return NULL;
    }
    /* Checked here so the message names the parameter, as CPython's does. */
    PyObject *given[2] = {encoding_obj, errors_obj};
    const char **out[2] = {&encoding, &errors};
    for (int i = 0; i < 2; i++) {
        if (given[i] == NULL) {
            continue;
        }
        if (!PyUnicode_Check(given[i])) {
            PyErr_Format(PyExc_TypeError,
                         "str() argument '%s' must be str, not %.50s",
                         kwlist[i + 1], Py_TYPE(given[i])->tp_name);
            return NULL;
        }
        *out[i] = PyUnicode_AsUTF8(given[i]);
        if (*out[i] == NULL) {
            return NULL;
        }
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
    /* str(...) without keywords reports too many arguments as CPython's
       vectorcall path does ("str expected at most 3 arguments, got 4");
       subclasses and keyword calls keep the parser's message. */
    if (type == &PyUnicode_Type && (kwds == NULL || PyDict_GET_SIZE(kwds) == 0)
            && !_PyArg_CheckPositional("str", PyTuple_GET_SIZE(args), 0, 3)) {
        return NULL;
    }
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
    if (seq == NULL) {
        return NULL;
    }
    if (i >= PyUnicode_GET_LENGTH(seq)) {
#ifdef Py_GIL_DISABLED
        /* Another thread may be reading it_seq: exhaustion is marked in
           the index instead, which __setstate__ then leaves alone. */
        __atomic_store_n(&it->it_index, PY_SSIZE_T_MAX, __ATOMIC_RELAXED);
#else
        /* Released at exhaustion with the GIL (nobody else reads it),
           cleared before the decref that may re-enter through __del__. */
        it->it_seq = NULL;
        Py_DECREF(seq);
#endif
        return NULL;
    }
    __atomic_store_n(&it->it_index, i + 1, __ATOMIC_RELAXED);
    return _Py_unicode_char(PyUnicode_READ_CHAR(seq, i));
}

static PyObject *
unicodeiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    if (it->it_seq == NULL) {
        return PyLong_FromLong(0);
    }
    Py_ssize_t left = PyUnicode_GET_LENGTH(it->it_seq)
                      - __atomic_load_n(&it->it_index, __ATOMIC_RELAXED);
    return PyLong_FromSsize_t(left > 0 ? left : 0);
}

/* The iterator keeps its immutable str; only the index is shared
   state, read and written atomically. */
static PyObject *
unicodeiter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject *iter = _PyIter_Builtin("iter");
    if (iter == NULL) {
        return NULL;
    }
    Py_ssize_t index = __atomic_load_n(&it->it_index, __ATOMIC_RELAXED);
    if (it->it_seq == NULL || index >= PyUnicode_GET_LENGTH(it->it_seq)) {
        /* Exhausted: pickled as an iterator over the empty string. */
        return Py_BuildValue("N(N)", iter, _Py_unicode_new_empty());
    }
    return _PyIter_ReduceIndexed(iter, it->it_seq, index);
}

static PyObject *
unicodeiter_setstate(PyObject *op, PyObject *state)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t index;
    Py_ssize_t length = it->it_seq ? PyUnicode_GET_LENGTH(it->it_seq) : 0;
    if (_PyIter_StateIndex(state, 0, length, &index) < 0) {
        return NULL;
    }
    Py_ssize_t current = __atomic_load_n(&it->it_index, __ATOMIC_RELAXED);
    while (current != PY_SSIZE_T_MAX
           && !__atomic_compare_exchange_n(&it->it_index, &current, index, 0,
                                           __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
    }
    Py_RETURN_NONE;
}

static PyMethodDef unicodeiter_methods[] = {
    {"__length_hint__", unicodeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", unicodeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", unicodeiter_setstate, METH_O,
     "Set state information for unpickling."},
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

