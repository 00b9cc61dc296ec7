/* str, full API: the object layout, the access macros, the character
   property functions and PyUnicodeWriter.

   Storage (PEP 393).  A str is immutable and stores its characters in the
   narrowest of three fixed widths that holds its largest code point:
   1 byte (latin-1, U+0000..U+00FF), 2 bytes (UCS-2, up to U+FFFF) or
   4 bytes (UCS-4).  Indexing is therefore O(1), and the representation is
   canonical: two equal strings have the same kind and the same bytes.
   The full story, and who may write which field, is in
   Include/internal/pycore_unicodeobject.h. */
#ifndef Py_CPYTHON_UNICODEOBJECT_H
#define Py_CPYTHON_UNICODEOBJECT_H

/* The legacy code unit type, kept for source compatibility. */
typedef wchar_t Py_UNICODE;

/* ---- surrogates ---------------------------------------------------------- */

#define Py_UNICODE_IS_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_IS_HIGH_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDBFF)
#define Py_UNICODE_IS_LOW_SURROGATE(ch) (0xDC00 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_JOIN_SURROGATES(high, low) \
    ((Py_UCS4)(((((Py_UCS4)(high) & 0x03FF) << 10) | \
                ((Py_UCS4)(low) & 0x03FF)) + 0x10000))
#define Py_UNICODE_HIGH_SURROGATE(ch) ((Py_UCS4)(0xD800 - (0x10000 >> 10) + ((ch) >> 10)))
#define Py_UNICODE_LOW_SURROGATE(ch) ((Py_UCS4)(0xDC00 + ((ch) & 0x3FF)))

/* ---- the object layout --------------------------------------------------- */

/* PyASCIIObject.state.interned */
#define SSTATE_NOT_INTERNED 0
#define SSTATE_INTERNED_MORTAL 1
#define SSTATE_INTERNED_IMMORTAL 2
#define SSTATE_INTERNED_IMMORTAL_STATIC 3

/* A string all of whose characters are below 128.  When compact, its
   characters (NUL-terminated) follow the structure directly and double as
   its UTF-8 form. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t length;          /* number of code points */
    Py_hash_t hash;             /* -1 until computed; see pycore_unicodeobject.h */
    struct {
        /* SSTATE_*; written under the intern lock, read atomically. */
        unsigned char interned;
        /* PyUnicode_1BYTE_KIND, _2BYTE_KIND or _4BYTE_KIND. */
        unsigned int kind:3;
        /* 1: the characters follow the structure (every exact str);
           0: a str subclass instance, characters in PyUnicodeObject.data. */
        unsigned int compact:1;
        /* 1: every character is below 128 (then kind is 1BYTE). */
        unsigned int ascii:1;
        /* 1: a static object (the empty string, the latin-1 characters). */
        unsigned int statically_allocated:1;
    } state;
} PyASCIIObject;

/* A non-ASCII string.  utf8 is a lazily built, cached UTF-8 copy
   (NUL-terminated, owned by the string), NULL until first asked for. */
typedef struct {
    PyASCIIObject _base;
    Py_ssize_t utf8_length;
    char *utf8;
} PyCompactUnicodeObject;

/* A str subclass instance: the characters live in a separate buffer. */
typedef struct {
    PyCompactUnicodeObject _base;
    union {
        void *any;
        Py_UCS1 *latin1;
        Py_UCS2 *ucs2;
        Py_UCS4 *ucs4;
    } data;
} PyUnicodeObject;

#define _PyASCIIObject_CAST(op) ((PyASCIIObject *)(op))
#define _PyCompactUnicodeObject_CAST(op) ((PyCompactUnicodeObject *)(op))
#define _PyUnicodeObject_CAST(op) ((PyUnicodeObject *)(op))

enum PyUnicode_Kind {
    PyUnicode_1BYTE_KIND = 1,
    PyUnicode_2BYTE_KIND = 2,
    PyUnicode_4BYTE_KIND = 4,
};

static inline unsigned int PyUnicode_CHECK_INTERNED(PyObject *op) {
    return __atomic_load_n(&_PyASCIIObject_CAST(op)->state.interned,
                           __ATOMIC_RELAXED);
}
#define PyUnicode_CHECK_INTERNED(op) PyUnicode_CHECK_INTERNED(_PyObject_CAST(op))

/* Every string is "ready" (PEP 393's legacy strings do not exist here). */
static inline unsigned int PyUnicode_IS_READY(PyObject *Py_UNUSED(op)) { return 1; }
#define PyUnicode_IS_READY(op) PyUnicode_IS_READY(_PyObject_CAST(op))
#define PyUnicode_READY(op) 0

static inline unsigned int PyUnicode_IS_ASCII(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.ascii;
}
#define PyUnicode_IS_ASCII(op) PyUnicode_IS_ASCII(_PyObject_CAST(op))

static inline unsigned int PyUnicode_IS_COMPACT(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.compact;
}
#define PyUnicode_IS_COMPACT(op) PyUnicode_IS_COMPACT(_PyObject_CAST(op))

static inline int PyUnicode_IS_COMPACT_ASCII(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.ascii && PyUnicode_IS_COMPACT(op);
}
#define PyUnicode_IS_COMPACT_ASCII(op) PyUnicode_IS_COMPACT_ASCII(_PyObject_CAST(op))

#define PyUnicode_KIND(op) ((int)_PyASCIIObject_CAST(op)->state.kind)

static inline void *_PyUnicode_COMPACT_DATA(PyObject *op) {
    if (PyUnicode_IS_ASCII(op)) {
        return _PyASCIIObject_CAST(op) + 1;
    }
    return _PyCompactUnicodeObject_CAST(op) + 1;
}

static inline void *_PyUnicode_NONCOMPACT_DATA(PyObject *op) {
    return _PyUnicodeObject_CAST(op)->data.any;
}

static inline void *PyUnicode_DATA(PyObject *op) {
    if (PyUnicode_IS_COMPACT(op)) {
        return _PyUnicode_COMPACT_DATA(op);
    }
    return _PyUnicode_NONCOMPACT_DATA(op);
}
#define PyUnicode_DATA(op) PyUnicode_DATA(_PyObject_CAST(op))

#define PyUnicode_1BYTE_DATA(op) ((Py_UCS1 *)PyUnicode_DATA(op))
#define PyUnicode_2BYTE_DATA(op) ((Py_UCS2 *)PyUnicode_DATA(op))
#define PyUnicode_4BYTE_DATA(op) ((Py_UCS4 *)PyUnicode_DATA(op))

static inline Py_ssize_t PyUnicode_GET_LENGTH(PyObject *op) {
    return _PyASCIIObject_CAST(op)->length;
}
#define PyUnicode_GET_LENGTH(op) PyUnicode_GET_LENGTH(_PyObject_CAST(op))

/* Store ch at index of a buffer of the given kind; ch must fit the kind. */
static inline void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index,
                                   Py_UCS4 value) {
    if (kind == PyUnicode_1BYTE_KIND) {
        ((Py_UCS1 *)data)[index] = (Py_UCS1)value;
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        ((Py_UCS2 *)data)[index] = (Py_UCS2)value;
    }
    else {
        ((Py_UCS4 *)data)[index] = value;
    }
}
#define PyUnicode_WRITE(kind, data, index, value) \
    PyUnicode_WRITE((int)(kind), (void *)(data), (index), (Py_UCS4)(value))

static inline Py_UCS4 PyUnicode_READ(int kind, const void *data,
                                     Py_ssize_t index) {
    if (kind == PyUnicode_1BYTE_KIND) {
        return ((const Py_UCS1 *)data)[index];
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        return ((const Py_UCS2 *)data)[index];
    }
    return ((const Py_UCS4 *)data)[index];
}
#define PyUnicode_READ(kind, data, index) \
    PyUnicode_READ((int)(kind), (const void *)(data), (index))

static inline Py_UCS4 PyUnicode_READ_CHAR(PyObject *unicode, Py_ssize_t index) {
    return PyUnicode_READ(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode),
                          index);
}
#define PyUnicode_READ_CHAR(unicode, index) \
    PyUnicode_READ_CHAR(_PyObject_CAST(unicode), (index))

/* An upper bound of the string's largest code point, from its kind. */
static inline Py_UCS4 PyUnicode_MAX_CHAR_VALUE(PyObject *op) {
    if (PyUnicode_IS_ASCII(op)) {
        return 0x7F;
    }
    int kind = PyUnicode_KIND(op);
    if (kind == PyUnicode_1BYTE_KIND) {
        return 0xFF;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        return 0xFFFF;
    }
    return 0x10FFFF;
}
#define PyUnicode_MAX_CHAR_VALUE(op) PyUnicode_MAX_CHAR_VALUE(_PyObject_CAST(op))

/* ---- full-API functions -------------------------------------------------- */

/* A new, uninitialised string of `size` characters whose kind fits
   maxchar; the caller fills it (it must then contain a character that
   needs that kind, so the representation stays canonical). */
PyAPI_FUNC(PyObject *) PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar);
PyAPI_FUNC(PyObject *) PyUnicode_FromKindAndData(int kind, const void *buffer,
                                                 Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start,
                                                PyObject *from,
                                                Py_ssize_t from_start,
                                                Py_ssize_t how_many);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Fill(PyObject *unicode, Py_ssize_t start,
                                      Py_ssize_t length, Py_UCS4 fill_char);
PyAPI_FUNC(PyObject *) _PyUnicode_Copy(PyObject *unicode);
PyAPI_FUNC(int) _PyUnicode_Equal(PyObject *str1, PyObject *str2);
PyAPI_FUNC(int) _PyUnicode_EqualToASCIIString(PyObject *left, const char *right);
PyAPI_FUNC(PyObject *) _PyUnicode_FromASCII(const char *buffer, Py_ssize_t size);
PyAPI_FUNC(PyObject *) _PyUnicode_JoinArray(PyObject *separator,
                                            PyObject *const *items,
                                            Py_ssize_t seqlen);
PyAPI_FUNC(PyObject *) _PyUnicode_AsASCIIString(PyObject *unicode,
                                                const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_AsLatin1String(PyObject *unicode,
                                                 const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_AsUTF8String(PyObject *unicode,
                                               const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_EncodeUTF7(PyObject *unicode,
                                             const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_EncodeUTF16(PyObject *unicode,
                                              const char *errors, int byteorder);
PyAPI_FUNC(PyObject *) _PyUnicode_EncodeUTF32(PyObject *unicode,
                                              const char *errors, int byteorder);
PyAPI_FUNC(PyObject *) _PyUnicode_EncodeCharmap(PyObject *unicode,
                                                PyObject *mapping,
                                                const char *errors);
PyAPI_FUNC(int) _PyUnicode_IsWhitespaceString(PyObject *unicode);
#define _PyUnicode_AsString PyUnicode_AsUTF8

/* ---- character properties (Objects/unicodectype.c) ----------------------- */

/* For each ASCII code point, 1 if it is white space. */
PyAPI_DATA(const unsigned char) _Py_ascii_whitespace[];

PyAPI_FUNC(int) _PyUnicode_IsLowercase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsUppercase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsTitlecase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsXidStart(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsXidContinue(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsWhitespace(const Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsLinebreak(const Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToLowercase(Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToUppercase(Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToTitlecase(Py_UCS4 ch);
/* The full mappings write up to 3 code points to res and return how many. */
PyAPI_FUNC(int) _PyUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_IsCaseIgnorable(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsCased(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_ToDecimalDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_ToDigit(Py_UCS4 ch);
PyAPI_FUNC(double) _PyUnicode_ToNumeric(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsDecimalDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsNumeric(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsPrintable(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsAlpha(Py_UCS4 ch);

static inline int Py_UNICODE_ISSPACE(Py_UCS4 ch) {
    if (ch < 128) {
        return _Py_ascii_whitespace[ch];
    }
    return _PyUnicode_IsWhitespace(ch);
}
#define Py_UNICODE_ISLOWER(ch) _PyUnicode_IsLowercase(ch)
#define Py_UNICODE_ISUPPER(ch) _PyUnicode_IsUppercase(ch)
#define Py_UNICODE_ISTITLE(ch) _PyUnicode_IsTitlecase(ch)
#define Py_UNICODE_ISLINEBREAK(ch) _PyUnicode_IsLinebreak(ch)
#define Py_UNICODE_TOLOWER(ch) _PyUnicode_ToLowercase(ch)
#define Py_UNICODE_TOUPPER(ch) _PyUnicode_ToUppercase(ch)
#define Py_UNICODE_TOTITLE(ch) _PyUnicode_ToTitlecase(ch)
#define Py_UNICODE_ISDECIMAL(ch) _PyUnicode_IsDecimalDigit(ch)
#define Py_UNICODE_ISDIGIT(ch) _PyUnicode_IsDigit(ch)
#define Py_UNICODE_ISNUMERIC(ch) _PyUnicode_IsNumeric(ch)
#define Py_UNICODE_ISPRINTABLE(ch) _PyUnicode_IsPrintable(ch)
#define Py_UNICODE_TODECIMAL(ch) _PyUnicode_ToDecimalDigit(ch)
#define Py_UNICODE_TODIGIT(ch) _PyUnicode_ToDigit(ch)
#define Py_UNICODE_TONUMERIC(ch) _PyUnicode_ToNumeric(ch)
#define Py_UNICODE_ISALPHA(ch) _PyUnicode_IsAlpha(ch)
static inline int Py_UNICODE_ISALNUM(Py_UCS4 ch) {
    return Py_UNICODE_ISALPHA(ch) || Py_UNICODE_ISDECIMAL(ch)
           || Py_UNICODE_ISDIGIT(ch) || Py_UNICODE_ISNUMERIC(ch);
}

/* ---- PyUnicodeWriter: building a str piece by piece ---------------------- */

/* The public, opaque writer (CPython 3.14 API).  Create, write, then
   either Finish (returns the str, frees the writer) or Discard. */
typedef struct PyUnicodeWriter PyUnicodeWriter;

PyAPI_FUNC(PyUnicodeWriter *) PyUnicodeWriter_Create(Py_ssize_t length);
PyAPI_FUNC(PyObject *) PyUnicodeWriter_Finish(PyUnicodeWriter *writer);
PyAPI_FUNC(void) PyUnicodeWriter_Discard(PyUnicodeWriter *writer);
PyAPI_FUNC(int) PyUnicodeWriter_WriteChar(PyUnicodeWriter *writer, Py_UCS4 ch);
PyAPI_FUNC(int) PyUnicodeWriter_WriteUTF8(PyUnicodeWriter *writer,
                                          const char *str, Py_ssize_t size);
PyAPI_FUNC(int) PyUnicodeWriter_WriteASCII(PyUnicodeWriter *writer,
                                           const char *str, Py_ssize_t size);
PyAPI_FUNC(int) PyUnicodeWriter_WriteWideChar(PyUnicodeWriter *writer,
                                              const wchar_t *str,
                                              Py_ssize_t size);
PyAPI_FUNC(int) PyUnicodeWriter_WriteUCS4(PyUnicodeWriter *writer,
                                          Py_UCS4 *str, Py_ssize_t size);
PyAPI_FUNC(int) PyUnicodeWriter_WriteStr(PyUnicodeWriter *writer, PyObject *obj);
PyAPI_FUNC(int) PyUnicodeWriter_WriteRepr(PyUnicodeWriter *writer, PyObject *obj);
PyAPI_FUNC(int) PyUnicodeWriter_WriteSubstring(PyUnicodeWriter *writer,
                                               PyObject *str, Py_ssize_t start,
                                               Py_ssize_t end);
PyAPI_FUNC(int) PyUnicodeWriter_Format(PyUnicodeWriter *writer,
                                       const char *format, ...);
PyAPI_FUNC(int) PyUnicodeWriter_DecodeUTF8Stateful(PyUnicodeWriter *writer,
                                                   const char *string,
                                                   Py_ssize_t length,
                                                   const char *errors,
                                                   Py_ssize_t *consumed);

/* The internal writer the public one wraps; core code may embed it on
   the stack.  buffer is a private, uniquely referenced str of `size`
   characters (with room to spare when overallocate is set) whose first
   pos characters are written; data/kind/maxchar describe it.  When
   readonly is set, buffer is a shared str written whole by WriteStr and
   must be copied before anything else is appended. */
typedef struct {
    PyObject *buffer;
    void *data;
    int kind;
    Py_UCS4 maxchar;
    Py_ssize_t size;
    Py_ssize_t pos;
    /* Finish() and growth allocate at least this many characters. */
    Py_ssize_t min_length;
    /* The buffer's kind is at least the one for this character. */
    Py_UCS4 min_char;
    /* Grow by half again instead of exactly, for many small writes. */
    unsigned char overallocate;
    unsigned char readonly;
} _PyUnicodeWriter;

PyAPI_FUNC(void) _PyUnicodeWriter_Init(_PyUnicodeWriter *writer);
/* Make room for `length` more characters up to maxchar; 0 or -1. */
PyAPI_FUNC(int) _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer,
                                                 Py_ssize_t length,
                                                 Py_UCS4 maxchar);
static inline int _PyUnicodeWriter_Prepare(_PyUnicodeWriter *writer,
                                           Py_ssize_t length, Py_UCS4 maxchar) {
    if (maxchar <= writer->maxchar && length <= writer->size - writer->pos) {
        return 0;
    }
    if (length == 0) {
        return 0;
    }
    return _PyUnicodeWriter_PrepareInternal(writer, length, maxchar);
}
#define _PyUnicodeWriter_Prepare(writer, length, maxchar) \
    _PyUnicodeWriter_Prepare((writer), (length), (Py_UCS4)(maxchar))
PyAPI_FUNC(int) _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer,
                                                     int kind);
static inline int _PyUnicodeWriter_PrepareKind(_PyUnicodeWriter *writer,
                                               int kind) {
    if (kind <= writer->kind) {
        return 0;
    }
    return _PyUnicodeWriter_PrepareKindInternal(writer, kind);
}
PyAPI_FUNC(int) _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer,
                                                PyObject *str, Py_ssize_t start,
                                                Py_ssize_t end);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer,
                                                  const char *str,
                                                  Py_ssize_t len);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer,
                                                   const char *str,
                                                   Py_ssize_t len);
PyAPI_FUNC(PyObject *) _PyUnicodeWriter_Finish(_PyUnicodeWriter *writer);
PyAPI_FUNC(void) _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer);

#endif /* Py_CPYTHON_UNICODEOBJECT_H */
