/* The codecs built into str: UTF-8, ASCII, latin-1, UTF-16, UTF-32,
   unicode_escape and raw_unicode_escape, the error handlers they share,
   and choosing a codec by name (the codecs registry builds on these).

   Encoders and decoders work on immutable inputs and private outputs, so
   nothing here needs a lock. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_unicodectype.h"
#include "pycore_codecs.h"       /* codecs: registry fallback */
#include "pycore_initconfig.h"   /* dev mode */

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

/* The handler replaced the input (exc.object): decode the rest of the
   new input, from newpos, with the same codec and handler, and write it
   out; the caller then counts its own input as consumed.  0 or -1. */
static int
decode_replaced_input(PyObject *new_input, Py_ssize_t newpos,
                      const char *encoding, const char *errors,
                      _PyUnicodeWriter *writer)
{
    /* The escape codecs report themselves under CPython's names, which
       the registry does not know. */
    if (strcmp(encoding, "unicodeescape") == 0) {
        encoding = "unicode_escape";
    }
    else if (strcmp(encoding, "rawunicodeescape") == 0) {
        encoding = "raw_unicode_escape";
    }
    PyObject *rest = PyUnicode_Decode(PyBytes_AS_STRING(new_input) + newpos,
                                      PyBytes_GET_SIZE(new_input) - newpos,
                                      encoding, errors);
    if (rest == NULL) {
        return -1;
    }
    int rc = _PyUnicodeWriter_WriteStr(writer, rest);
    Py_DECREF(rest);
    return rc;
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
    default: {
        /* codecs: a handler registered with codecs.register_error. */
        PyObject *replacement, *new_input;
        Py_ssize_t newpos;
        if (_PyCodec_CallDecodeErrorHandler(errors, encoding, reason, input,
                                            insize, start, end, &replacement,
                                            &newpos, &new_input) < 0) {
            return -1;
        }
        int rc = _PyUnicodeWriter_WriteStr(writer, replacement);
        Py_DECREF(replacement);
        if (rc < 0 || new_input == NULL) {
            Py_XDECREF(new_input);
            return rc < 0 ? -1 : newpos;
        }
        rc = decode_replaced_input(new_input, newpos, encoding, errors, writer);
        Py_DECREF(new_input);
        return rc < 0 ? -1 : insize;
    }
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

/* codecs: append a registered handler's str replacement in the codec's
   form; a character the codec cannot hold fails as the input did, and so
   does any non-ASCII one for the UTF codecs (as in CPython). */
static int
emit_replacement_str(_Py_bytebuf *out, _Py_codec codec, PyObject *rep)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(rep);
    if (_Py_bytebuf_reserve(out, n * 4) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(rep, i);
        if ((codec == _Py_CODEC_ASCII && ch >= 0x80)
            || (codec == _Py_CODEC_LATIN1 && ch >= 0x100)
            || (codec != _Py_CODEC_ASCII && codec != _Py_CODEC_LATIN1
                && ch >= 0x80)) {
            return 1;
        }
        unsigned char *q = (unsigned char *)out->data + out->len;
        if (codec != _Py_CODEC_UTF8 || ch < 0x80) {
            if (_Py_codec_width(codec) == 2 && ch >= 0x10000) {
                _Py_codec_put(out, codec, Py_UNICODE_HIGH_SURROGATE(ch));
                _Py_codec_put(out, codec, Py_UNICODE_LOW_SURROGATE(ch));
            }
            else {
                _Py_codec_put(out, codec, ch);
            }
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
    }
    return 0;
}

/* codecs: run a handler registered with codecs.register_error for
   str[start:end]: the position to resume at (anywhere in str, as the
   handler asks), or -1. */
static Py_ssize_t
call_registered_encode_handler(const char *errors, const char *encoding,
                               const char *reason, _Py_codec codec,
                               PyObject *str, Py_ssize_t start, Py_ssize_t end,
                               _Py_bytebuf *out)
{
    PyObject *replacement;
    Py_ssize_t newpos;
    if (_PyCodec_CallEncodeErrorHandler(errors, encoding, reason, str, start,
                                        end, &replacement, &newpos) < 0) {
        return -1;
    }
    int rc;
    if (PyBytes_Check(replacement)
        && PyBytes_GET_SIZE(replacement) % _Py_codec_width(codec) != 0) {
        /* Not a whole number of code units (UTF-16/32): as in CPython,
           the input's error is raised. */
        _Py_raise_encode_error(encoding, str, start, end, reason);
        rc = -1;
    }
    else if (PyBytes_Check(replacement)) {
        rc = _Py_bytebuf_append(out, PyBytes_AS_STRING(replacement),
                                PyBytes_GET_SIZE(replacement));
    }
    else {
        rc = emit_replacement_str(out, codec, replacement);
        if (rc > 0) {
            _Py_raise_encode_error(encoding, str, start, end, reason);
            rc = -1;
        }
    }
    Py_DECREF(replacement);
    return rc < 0 ? -1 : newpos;
}

Py_ssize_t
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
        return end;
    case _Py_ERROR_REPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            if (emit_ascii(out, codec, "?", 1) < 0) {
                return -1;
            }
        }
        return end;
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
        return end;
    case _Py_ERROR_XMLCHARREFREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            int n = snprintf(buf, sizeof buf, "&#%u;",
                             (unsigned)PyUnicode_READ(kind, data, i));
            if (emit_ascii(out, codec, buf, n) < 0) {
                return -1;
            }
        }
        return end;
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
        return end;
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
        return end;
    default:
        return call_registered_encode_handler(errors, encoding, reason, codec,
                                              str, start, end, out);
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
        if (consumed != NULL && end - (s + pos) == 2 && s[pos] == 0xED
            && s[pos + 1] >= 0xA0 && s[pos + 1] <= 0xBF) {
            /* Two bytes of an encoded surrogate at the end: as in CPython
               they wait too, so that a handler (surrogatepass) sees the
               whole sequence once the third byte comes (bpo-24214). */
            break;
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
            j = _Py_encode_error(&handler, errors, "utf-8", "surrogates not allowed",
                                 _Py_CODEC_UTF8, str, i, j, out);
            if (j < 0) {
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
        j = _Py_encode_error(&handler, errors, encoding, reason, codec, str,
                             i, j, &out);
        if (j < 0 || _Py_bytebuf_reserve(&out, len - j) < 0) {
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

/* What one step of UTF-16/32 decoding found at s[pos:size]. */
typedef struct {
    Py_UCS4 ch;                 /* the code point (DECODED) */
    Py_ssize_t len;             /* its bytes (DECODED) */
    const char *reason;         /* the error (otherwise) */
    Py_ssize_t err_end;         /* where the bad bytes end (otherwise) */
} decode_step;

enum { DECODED, CUT_SHORT, INVALID };

/* One UTF-16 code point, a surrogate pair counting as one.  CUT_SHORT:
   the data ends inside it (a stateful decoder waits for more). */
static inline int
utf16_step(const unsigned char *s, Py_ssize_t pos, Py_ssize_t size,
           int little, decode_step *st)
{
    if (size - pos < 2) {
        st->reason = "truncated data";
        st->err_end = size;
        return CUT_SHORT;
    }
    Py_UCS4 u = read_unit(s + pos, 2, little);
    if (!Py_UNICODE_IS_SURROGATE(u)) {
        st->ch = u;
        st->len = 2;
        return DECODED;
    }
    if (Py_UNICODE_IS_LOW_SURROGATE(u)) {
        st->reason = "illegal encoding";
        st->err_end = pos + 2;
        return INVALID;
    }
    if (size - pos < 4) {
        st->reason = "unexpected end of data";
        st->err_end = size;
        return CUT_SHORT;
    }
    Py_UCS4 u2 = read_unit(s + pos + 2, 2, little);
    if (!Py_UNICODE_IS_LOW_SURROGATE(u2)) {
        st->reason = "illegal UTF-16 surrogate";
        st->err_end = pos + 2;
        return INVALID;
    }
    st->ch = Py_UNICODE_JOIN_SURROGATES(u, u2);
    st->len = 4;
    return DECODED;
}

static inline int
utf32_step(const unsigned char *s, Py_ssize_t pos, Py_ssize_t size,
           int little, decode_step *st)
{
    if (size - pos < 4) {
        st->reason = "truncated data";
        st->err_end = size;
        return CUT_SHORT;
    }
    Py_UCS4 ch = read_unit(s + pos, 4, little);
    if (ch <= MAX_UNICODE && !Py_UNICODE_IS_SURROGATE(ch)) {
        st->ch = ch;
        st->len = 4;
        return DECODED;
    }
    st->reason = ch > MAX_UNICODE
        ? "code point not in range(0x110000)"
        : "code point in surrogate code point range(0xd800, 0xe000)";
    st->err_end = pos + 4;
    return INVALID;
}

/* The UTF-16 (width 2) or UTF-32 (width 4) decoder; inlined into each
   of its two callers so that `width` is a constant there. */
static inline PyObject *
decode_utf16_32(const char *str, Py_ssize_t size, const char *errors,
                int *byteorder, Py_ssize_t *consumed, int width)
{
    const unsigned char *s = (const unsigned char *)str;
    Py_ssize_t pos;
    int bo = detect_byte_order(s, size, width, byteorder, &pos);
    int little = bo < 0;
    const char *encoding = width == 2 ? (little ? "utf-16-le" : "utf-16-be")
                                      : (little ? "utf-32-le" : "utf-32-be");
    _Py_codec codec = width == 2
        ? (little ? _Py_CODEC_UTF16LE : _Py_CODEC_UTF16BE)
        : (little ? _Py_CODEC_UTF32LE : _Py_CODEC_UTF32BE);
    _Py_error_handler handler = _Py_ERROR_UNKNOWN;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = (size - pos) / width;
    writer.overallocate = 1;
    while (pos < size) {
        decode_step st;
        int found = width == 2 ? utf16_step(s, pos, size, little, &st)
                               : utf32_step(s, pos, size, little, &st);
        if (found == DECODED) {
            if (_PyUnicodeWriter_WriteChar(&writer, st.ch) < 0) {
                goto error;
            }
            pos += st.len;
            continue;
        }
        if (found == CUT_SHORT && consumed != NULL) {
            break;
        }
        pos = _Py_decode_error(&handler, errors, encoding, st.reason, codec,
                               str, size, pos, st.err_end, &writer);
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
PyUnicode_DecodeUTF16Stateful(const char *str, Py_ssize_t size,
                              const char *errors, int *byteorder,
                              Py_ssize_t *consumed)
{
    return decode_utf16_32(str, size, errors, byteorder, consumed, 2);
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
    return decode_utf16_32(str, size, errors, byteorder, consumed, 4);
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
            j = _Py_encode_error(&handler, errors, encoding, "surrogates not allowed",
                                 codec, str, i, j, &out);
            if (j < 0 || _Py_bytebuf_reserve(&out, (len - j) * 4) < 0) {
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

/* Development mode (-X dev): an unknown encoding or error handler is an
   error even where nothing needs it (empty input, no encoding error), as
   in CPython (bpo-37388).  Outside it, or while finalizing, no lookup is
   made.  The common built-in error handlers need none either. */
int
_Py_check_encoding_errors(const char *encoding, const char *errors)
{
    if ((encoding == NULL && errors == NULL) || !_Py_GetConfig()->dev_mode
            || Py_IsFinalizing()) {
        return 0;
    }
    if (encoding != NULL && _Py_lookup_encoding(encoding) < 0) {
        PyErr_Clear();
        PyObject *codec = _PyCodec_Lookup(encoding);
        if (codec == NULL) {
            return -1;
        }
        Py_DECREF(codec);
    }
    static const char *const builtin[] = {
        "strict", "ignore", "replace", "surrogateescape", "surrogatepass",
        NULL };
    if (errors == NULL) {
        return 0;
    }
    for (int i = 0; builtin[i] != NULL; i++) {
        if (strcmp(errors, builtin[i]) == 0) {
            return 0;
        }
    }
    PyObject *handler = PyCodec_LookupError(errors);
    if (handler == NULL) {
        return -1;
    }
    Py_DECREF(handler);
    return 0;
}

PyObject *
PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding,
                 const char *errors)
{
    int bo;
    if (_Py_check_encoding_errors(encoding, errors) < 0) {
        return NULL;
    }
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
        /* codecs: any other encoding goes through the codec registry. */
        PyErr_Clear();
        return _PyCodec_DecodeBytesViaRegistry(s, size, encoding, errors);
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
    if (_Py_check_encoding_errors(encoding, errors) < 0) {
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
        /* codecs: any other encoding goes through the codec registry. */
        PyErr_Clear();
        return _PyCodec_EncodeStrViaRegistry(unicode, encoding, errors);
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

/* Check an escape encoder's argument and reserve its worst case, ten
   bytes (\UXXXXXXXX) a character.  0, or -1 with an exception set. */
static int
begin_escape_encoding(PyObject *unicode, _Py_bytebuf *out)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    _Py_bytebuf_init(out);
    if (len > PY_SSIZE_T_MAX / 10 || _Py_bytebuf_reserve(out, len * 10) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return -1;
    }
    return 0;
}

PyObject *
PyUnicode_AsUnicodeEscapeString(PyObject *unicode)
{
    _Py_bytebuf out;
    if (begin_escape_encoding(unicode, &out) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
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
    _Py_bytebuf out;
    if (begin_escape_encoding(unicode, &out) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
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
                /* U+FFFE means "undefined", as in a str value. */
                if (v != 0xFFFE) {
                    if (_PyUnicodeWriter_WriteChar(&writer, (Py_UCS4)v) < 0) {
                        goto error;
                    }
                    defined = 1;
                }
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

/* charmap: run a handler registered with codecs.register_error for
   unicode[start:end].  A bytes replacement goes out as it is; a str one
   is mapped through the table too, and a character the table lacks fails
   as the input did (as in CPython).  The position to resume at, or -1. */
static Py_ssize_t
charmap_call_registered_handler(const char *errors, PyObject *unicode,
                                PyObject *mapping, Py_ssize_t start,
                                Py_ssize_t end, _Py_bytebuf *out)
{
    static const char reason[] = "character maps to <undefined>";
    PyObject *replacement;
    Py_ssize_t newpos;
    if (_PyCodec_CallEncodeErrorHandler(errors, "charmap", reason, unicode,
                                        start, end, &replacement,
                                        &newpos) < 0) {
        return -1;
    }
    int rc = 0;
    if (PyBytes_Check(replacement)) {
        rc = _Py_bytebuf_append(out, PyBytes_AS_STRING(replacement),
                                PyBytes_GET_SIZE(replacement));
    }
    for (Py_ssize_t k = 0; PyUnicode_Check(replacement)
                           && k < PyUnicode_GET_LENGTH(replacement); k++) {
        int r = charmap_encode_char(mapping,
                                    PyUnicode_READ_CHAR(replacement, k), out);
        if (r <= 0) {
            if (r == 0) {
                _Py_raise_encode_error("charmap", unicode, start, end, reason);
            }
            rc = -1;
            break;
        }
    }
    Py_DECREF(replacement);
    return rc < 0 ? -1 : newpos;
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
        if (handler == _Py_ERROR_OTHER) {
            j = charmap_call_registered_handler(errors, unicode, mapping, i, j,
                                                &out);
        }
        else {
            j = _Py_encode_error(&handler, errors, "charmap",
                                 "character maps to <undefined>",
                                 _Py_CODEC_LATIN1, unicode, i, j, &out);
        }
        if (j < 0) {
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

/* Whether a converted path holds a NUL, which no OS path can: 1 with
   ValueError set (or another error from the search), 0 if not. */
static int
has_embedded_null(PyObject *output, int is_bytes)
{
    if (is_bytes) {
        if (strlen(PyBytes_AS_STRING(output))
                == (size_t)PyBytes_GET_SIZE(output)) {
            return 0;
        }
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return 1;
    }
    if (PyUnicode_FindChar(output, 0, 0, PyUnicode_GET_LENGTH(output),
                           1) == -1) {
        return 0;
    }
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
    }
    return 1;
}

/* The "O&" converter of a path to bytes (to_bytes) or str: the
   os.fspath() of arg, encoded or decoded with the filesystem encoding
   when it is of the other type; a NULL arg releases an earlier result. */
static int
fs_convert(PyObject *arg, void *addr, int to_bytes)
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
    if (to_bytes ? PyBytes_Check(path) : PyUnicode_Check(path)) {
        output = path;
    }
    else {
        output = to_bytes
            ? PyUnicode_EncodeFSDefault(path)
            : PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(path),
                                               PyBytes_GET_SIZE(path));
        Py_DECREF(path);
        if (output == NULL) {
            return 0;
        }
    }
    if (has_embedded_null(output, to_bytes)) {
        Py_DECREF(output);
        return 0;
    }
    *(PyObject **)addr = output;
    return Py_CLEANUP_SUPPORTED;
}

int
PyUnicode_FSConverter(PyObject *arg, void *addr)
{
    return fs_convert(arg, addr, 1);
}

int
PyUnicode_FSDecoder(PyObject *arg, void *addr)
{
    return fs_convert(arg, addr, 0);
}
