/* str internals shared by the core (Objects/unicodeobject.c and the files
   split from it).

   ---- Storage (PEP 393) ------------------------------------------------------

   Every str is immutable and stores its characters as an array of fixed
   width chosen by its largest code point:

       largest code point   kind                    struct before the data
       < U+0080             1 byte, state.ascii=1   PyASCIIObject
       < U+0100             1 byte (latin-1)        PyCompactUnicodeObject
       < U+10000            2 bytes (UCS-2)         PyCompactUnicodeObject
       <= U+10FFFF          4 bytes (UCS-4)         PyCompactUnicodeObject

   The array is NUL-terminated and, for exact str objects ("compact"),
   directly follows the struct in the same allocation.  Instances of str
   subclasses are allocated by their type's tp_alloc with room for
   __dict__ and __weakref__, so their characters live in a separate
   PyObject_Malloc buffer (PyUnicodeObject.data, state.compact == 0).

   The representation is canonical: a string is never stored in a wider
   kind than its characters need.  Equal strings therefore have equal
   kinds and equal bytes, which makes equality a memcmp() and lets the hash
   be Py_HashBuffer() of the character bytes (so an ASCII str hashes equal
   to the bytes object with the same content).

   Lazily filled caches, and how they are published without the GIL:
   - hash: -1 until computed.  Every thread computes the same value, so it
     is stored and loaded with relaxed atomics; a racing reader sees -1
     (and computes it too) or the value.
   - utf8 (non-ASCII strings): built on first PyUnicode_AsUTF8AndSize().
     utf8_length is stored (relaxed) before the buffer pointer is
     published with a compare-and-swap from NULL (release); readers load
     the pointer with acquire.  A thread that loses the race frees its own
     buffer and uses the winner's, so no buffer leaks and no reader sees a
     partial one.  ASCII strings need no cache: their data is UTF-8.

   Singletons, all statically allocated and immortal: the empty string and
   the 256 one-character latin-1 strings.  Every constructor returns them
   for such results.

   Interning: the intern table maps text to its one interned str.
   Interned strings are immortal.  The table is protected by a PyMutex in
   the free-threaded build (by the GIL otherwise).  In the free-threaded
   build a string that other threads may reference is never made immortal
   in place: a private copy is interned instead, so no thread's reference
   count update can race with the switch to immortality.  With the GIL the
   string itself is interned. */
#ifndef Py_INTERNAL_UNICODEOBJECT_H
#define Py_INTERNAL_UNICODEOBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The immortal one-character string for a latin-1 code point (borrowed). */
PyAPI_FUNC(PyObject *) _PyUnicode_Latin1Char(Py_UCS1 ch);
#define _Py_LATIN1_CHR(ch) _PyUnicode_Latin1Char((Py_UCS1)(ch))
/* The immortal empty string (borrowed). */
PyAPI_FUNC(PyObject *) _PyUnicode_GetEmpty(void);

/* The largest code point of str[start:end]. */
PyAPI_FUNC(Py_UCS4) _PyUnicode_FindMaxChar(PyObject *unicode, Py_ssize_t start,
                                           Py_ssize_t end);
/* A new str from a buffer of the given kind, in canonical form. */
PyAPI_FUNC(PyObject *) _PyUnicode_FromUCS1(const Py_UCS1 *s, Py_ssize_t size);
PyAPI_FUNC(PyObject *) _PyUnicode_FromUCS2(const Py_UCS2 *s, Py_ssize_t size);
PyAPI_FUNC(PyObject *) _PyUnicode_FromUCS4(const Py_UCS4 *s, Py_ssize_t size);

/* Interning.  Both steal the reference *p and store the interned string. */
PyAPI_FUNC(void) _PyUnicode_InternImmortal(PyInterpreterState *interp,
                                           PyObject **p);
PyAPI_FUNC(void) _PyUnicode_InternMortal(PyInterpreterState *interp,
                                         PyObject **p);
/* Number of interned strings (for tests and sys.getallocatedblocks-like
   statistics). */
PyAPI_FUNC(Py_ssize_t) _PyUnicode_InternedSize(void);

/* a == b for two str objects (exact or subclasses); never fails. */
PyAPI_FUNC(int) _PyUnicode_Equal(PyObject *a, PyObject *b);
/* a == the NUL-terminated ASCII text b; never fails. */
PyAPI_FUNC(int) _PyUnicode_EqualToASCIIString(PyObject *a, const char *b);
/* The str hash, cached (see above). */
PyAPI_FUNC(Py_hash_t) _PyUnicode_Hash(PyObject *unicode);

/* Error handlers known to the built-in codecs. */
typedef enum {
    _Py_ERROR_UNKNOWN = 0,
    _Py_ERROR_STRICT,
    _Py_ERROR_SURROGATEESCAPE,
    _Py_ERROR_REPLACE,
    _Py_ERROR_IGNORE,
    _Py_ERROR_BACKSLASHREPLACE,
    _Py_ERROR_SURROGATEPASS,
    _Py_ERROR_XMLCHARREFREPLACE,
    _Py_ERROR_NAMEREPLACE,
    _Py_ERROR_OTHER,
} _Py_error_handler;
/* NULL means "strict". */
PyAPI_FUNC(_Py_error_handler) _Py_GetErrorHandler(const char *errors);

/* A copy of unicode for int() and float() parsing: white space becomes
   ' ', decimal digits (any script) become '0'-'9', other non-ASCII
   characters become '?'.  An ASCII str is returned as it is. */
PyAPI_FUNC(PyObject *) _PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode);

/* The unicode-escape decoder behind string literals: like
   PyUnicode_DecodeUnicodeEscape, but an invalid escape ("\d") is kept
   as written and *first_invalid_escape points at its backslash (NULL if
   none), so the compiler can warn.  consumed may be NULL. */
PyAPI_FUNC(PyObject *) _PyUnicode_DecodeUnicodeEscapeInternal(
    const char *s, Py_ssize_t size, const char *errors, Py_ssize_t *consumed,
    const char **first_invalid_escape);

/* Normalise an encoding name as the built-in codecs compare it: lower
   case, '-' and ' ' to '_'.  Returns 0 if it did not fit in lower_len. */
PyAPI_FUNC(int) _Py_normalize_encoding(const char *encoding, char *lower,
                                       size_t lower_len);

/* repr() of a str. */
PyAPI_FUNC(PyObject *) _PyUnicode_Repr(PyObject *unicode);

/* str.strip-style helper: striptype 0 left, 1 right, 2 both; sepobj a str
   of characters to strip, or NULL for white space. */
PyAPI_FUNC(PyObject *) _PyUnicode_XStrip(PyObject *self, int striptype,
                                         PyObject *sepobj);

/* str % args (printf-style formatting). */
PyAPI_FUNC(PyObject *) _PyUnicode_Format(PyObject *format, PyObject *args);

/* The length of the longest prefix of str that is a valid identifier
   (XID_Start/'_' then XID_Continue).  For the tokenizer. */
PyAPI_FUNC(Py_ssize_t) _PyUnicode_ScanIdentifier(PyObject *str);

/* The shared iterator type of str (PyUnicodeIter_Type) creation. */
PyAPI_FUNC(PyObject *) _PyUnicode_Iter(PyObject *str);

/* Free the intern table at the very end of finalization.  The interned
   strings themselves stay valid (they are immortal). */
void _PyUnicode_Fini(void);

/* ---- shared by the files implementing str only ---------------------------- */

#define MAX_UNICODE 0x10FFFF

/* The kind that holds maxchar. */
static inline int _Py_unicode_kind_for_maxchar(Py_UCS4 maxchar) {
    if (maxchar < 256) {
        return PyUnicode_1BYTE_KIND;
    }
    if (maxchar < 0x10000) {
        return PyUnicode_2BYTE_KIND;
    }
    return PyUnicode_4BYTE_KIND;
}

/* 0 if obj is a str, else -1 with TypeError "must be str, not T". */
static inline int _Py_unicode_ensure(PyObject *obj) {
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

/* New references to the singletons, and a one-character str. */
PyObject *_Py_unicode_new_empty(void);
PyObject *_Py_unicode_char(Py_UCS4 ch);
/* Resize a compact str only the caller can see; frees it on failure. */
PyObject *_Py_unicode_resize_compact(PyObject *unicode, Py_ssize_t length);
/* self if an exact str, else an exact copy. */
PyObject *_Py_unicode_result_unchanged(PyObject *self);
/* A canonical str from a buffer of any kind. */
PyObject *_Py_unicode_from_kind(int kind, const void *data, Py_ssize_t size);
Py_UCS4 _Py_ucs1_maxchar(const Py_UCS1 *s, Py_ssize_t n);
Py_UCS4 _Py_ucs2_maxchar(const Py_UCS2 *s, Py_ssize_t n);
Py_UCS4 _Py_ucs4_maxchar(const Py_UCS4 *s, Py_ssize_t n);
Py_UCS4 _Py_buffer_maxchar(int kind, const void *data, Py_ssize_t n);
void _Py_copy_characters(int to_kind, void *to, Py_ssize_t to_start,
                         int from_kind, const void *from, Py_ssize_t from_start,
                         Py_ssize_t n);
void _Py_fill_characters(int kind, void *data, Py_UCS4 ch, Py_ssize_t start,
                         Py_ssize_t n);
/* -1, 0, 1 comparing two str by code points. */
int _Py_unicode_compare(PyObject *a, PyObject *b);
/* Decode one UTF-8 sequence at s (s < end): the number of bytes used and
   *ch, or 0 if the bytes there are not valid UTF-8. */
Py_ssize_t _Py_utf8_decode_one(const unsigned char *s, const unsigned char *end,
                               Py_UCS4 *ch);
/* The strict UTF-8 form of a str in a new PyMem buffer (NUL-terminated);
   NULL with UnicodeEncodeError for lone surrogates. */
char *_Py_unicode_encode_utf8_buffer(PyObject *unicode, Py_ssize_t *size);

/* The built-in codecs' output forms, for the shared error handling. */
typedef enum {
    _Py_CODEC_UTF8,
    _Py_CODEC_ASCII,
    _Py_CODEC_LATIN1,
    _Py_CODEC_UTF16LE,
    _Py_CODEC_UTF16BE,
    _Py_CODEC_UTF32LE,
    _Py_CODEC_UTF32BE,
} _Py_codec;

/* A growable byte buffer (PyMem memory) that encoders fill; finish turns
   it into a bytes object and frees it. */
typedef struct {
    char *data;
    Py_ssize_t len;
    Py_ssize_t cap;
} _Py_bytebuf;
void _Py_bytebuf_init(_Py_bytebuf *bb);
int _Py_bytebuf_reserve(_Py_bytebuf *bb, Py_ssize_t n);
int _Py_bytebuf_append(_Py_bytebuf *bb, const void *p, Py_ssize_t n);
void _Py_bytebuf_free(_Py_bytebuf *bb);
PyObject *_Py_bytebuf_finish(_Py_bytebuf *bb);
/* Bytes per code unit of a codec, and storing one unit (room reserved). */
int _Py_codec_width(_Py_codec codec);
void _Py_codec_put(_Py_bytebuf *out, _Py_codec codec, Py_UCS4 unit);

/* Apply the error handler to the undecodable input[start:end]: write the
   replacement to writer and return the position to resume at, or -1 with
   an exception.  *handler caches the parsed `errors` (start with
   _Py_ERROR_UNKNOWN). */
Py_ssize_t _Py_decode_error(_Py_error_handler *handler, const char *errors,
                            const char *encoding, const char *reason,
                            _Py_codec codec, const char *input,
                            Py_ssize_t insize, Py_ssize_t start,
                            Py_ssize_t end, _PyUnicodeWriter *writer);
/* Apply the error handler to the unencodable str[start:end], appending
   the replacement to out.  The position in str to resume at (end, or
   where a registered handler asks), or -1. */
Py_ssize_t _Py_encode_error(_Py_error_handler *handler, const char *errors,
                     const char *encoding, const char *reason, _Py_codec codec,
                     PyObject *str, Py_ssize_t start, Py_ssize_t end,
                     _Py_bytebuf *out);
void _Py_raise_encode_error(const char *encoding, PyObject *str,
                            Py_ssize_t start, Py_ssize_t end,
                            const char *reason);
/* Leading ASCII bytes of s[0:n]. */
Py_ssize_t _Py_ascii_prefix(const char *s, Py_ssize_t n);
/* Decode UTF-8 into a writer (errors as for PyUnicode_DecodeUTF8Stateful). */
int _Py_utf8_decode_into(_PyUnicodeWriter *writer, const char *s,
                         Py_ssize_t size, const char *errors,
                         Py_ssize_t *consumed);
/* The built-in codec for an encoding name (NULL: UTF-8): an internal
   codec number >= 0, or -1 with LookupError "unknown encoding: NAME". */
int _Py_lookup_encoding(const char *encoding);
/* -X dev only: 0, or -1 with LookupError when the encoding or the error
   handler does not exist (checked even when unused, as CPython). */
int _Py_check_encoding_errors(const char *encoding, const char *errors);
/* str * n. */
PyObject *_Py_unicode_repeat(PyObject *str, Py_ssize_t n);
/* A finished str in canonical form (narrowed if its characters allow);
   consumes str. */
PyObject *_Py_unicode_canonicalize(PyObject *str);
/* Write str[:precision] padded with spaces to width (on the left unless
   left_align); precision < 0: no limit.  0 or -1. */
int _Py_unicode_write_padded(_PyUnicodeWriter *writer, PyObject *str,
                             Py_ssize_t width, Py_ssize_t precision,
                             int left_align);
/* Searching (unicode_methods.c): the index of needle in hay[start:end]
   (start/end already clamped) from the left (direction > 0) or right,
   -1 if absent, -2 on error; and the number of non-overlapping
   occurrences, at most maxcount (< 0: no limit), -1 on error. */
Py_ssize_t _Py_unicode_find_sub(PyObject *hay, PyObject *needle,
                                Py_ssize_t start, Py_ssize_t end, int direction);
Py_ssize_t _Py_unicode_count_sub(PyObject *hay, PyObject *needle,
                                 Py_ssize_t start, Py_ssize_t end,
                                 Py_ssize_t maxcount);
/* Clamp start/end like slice bounds of a sequence of length len. */
void _Py_adjust_indices(Py_ssize_t len, Py_ssize_t *start, Py_ssize_t *end);
/* The method table of str, and the formatting methods it lists. */
extern PyMethodDef _Py_unicode_methods[];
PyObject *_Py_unicode_format_method(PyObject *self, PyObject *args,
                                    PyObject *kwargs);
PyObject *_Py_unicode_format_map(PyObject *self, PyObject *mapping);
PyObject *_Py_unicode___format__(PyObject *self, PyObject *spec);
/* PyUnicode_FromFormatV into a writer.  0 or -1. */
int _Py_unicode_format_into(_PyUnicodeWriter *writer, const char *format,
                            va_list vargs);

#endif /* Py_INTERNAL_UNICODEOBJECT_H */
