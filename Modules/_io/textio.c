/* _io.TextIOWrapper (text over a buffered binary stream) and
   _io.IncrementalNewlineDecoder.

   UTF-8, ASCII and Latin-1 are encoded and decoded here directly with the
   str codecs; every other encoding goes through the codec registry's
   incremental encoder and decoder (Python/codecs.c).

   Encoded text waits in `pending` until a chunk is ready, a newline is
   written with line buffering, or the stream is flushed.  Decoded text
   waits in `decoded_chars` (from index `decoded_used`).  For tell(), the
   snapshot records where the bytes behind `decoded_chars` start and the
   decoder state there; tell() re-decodes a prefix of those bytes to find
   the byte offset of the current character (see cookie_* below).

   Thread safety: every method runs inside the wrapper's critical section.
   The section is released while the thread blocks in the buffer below,
   so no field is trusted across a call into the buffer: pending bytes are
   taken out of the object before they are handed on, and decoded text is
   installed only after the read returned. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_long.h"
#include "pycore_unicodeobject.h"
#include "pycore_codecs.h"
#include "pycore_initconfig.h"
#include "_iomodule.h"
#include <langinfo.h>
#include <locale.h>


enum { CODEC_UTF8, CODEC_LATIN1, CODEC_ASCII, CODEC_OTHER };
enum { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

#define CHUNK_SIZE 8192

typedef struct {
    IOBASE_HEAD
    char ok;
    char detached;
    char line_buffering;
    char write_through;
    char readuniversal;         /* newline None or '' */
    char readtranslate;         /* newline None */
    char seekable;
    char telling;               /* tell() allowed (not while iterating) */
    char fast_buffer;           /* buffer is a C BufferedWriter/Random */
    char fast_reader;           /* buffer is a C BufferedReader/Random */
    char has_read1;             /* buffer has read1(); else read() is used */
    char pending_cr;            /* a '\r' held back at the end of a chunk */
    char readable;              /* the buffer's answers when wrapped */
    char writable;
    int codec;
    int seen;                   /* SEEN_* bits for .newlines */
    int readnl_mode;            /* line end for readline: 0, '\n', '\r', 'R' */
    PyObject *buffer;
    PyObject *encoding;
    PyObject *errors;
    PyObject *readnl;           /* the newline argument (None or str) */
    PyObject *writenl;          /* str to write for '\n', or NULL: no change */
    PyObject *encoder;          /* CODEC_OTHER only */
    PyObject *decoder;
    PyObject *partial;          /* direct codecs: undecoded tail bytes */
    Py_ssize_t chunk_size;
    char *pending;              /* encoded, not yet given to the buffer */
    Py_ssize_t pending_len, pending_cap;
    PyObject *decoded_chars;
    Py_ssize_t decoded_used;
    /* tell() snapshot: decoder flags and the bytes fed since then */
    long long snapshot_pos;     /* -1: no snapshot */
    long long snapshot_flags;
    PyObject *snapshot_input;
    double b2cratio;            /* bytes per character in the last chunk */
} textio;

#define TEXTIO(op) ((textio *)(op))

/* ---- newline translation (shared with IncrementalNewlineDecoder) ---------- */

/* Apply universal-newline handling to freshly decoded text.  A '\r' at
   the end is held back (unless final) because a '\n' may follow in the
   next chunk.  Records which newlines were seen; with `translate` turns
   "\r\n" and "\r" into "\n".  Steals `output`. */
static PyObject *universal_newlines(PyObject *output, int final, int translate,
                                    char *pending_cr, int *seen)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(output);
    if (*pending_cr && (final || len > 0)) {
        PyObject *joined = PyUnicode_Concat(_Py_LATIN1_CHR('\r'), output);
        Py_DECREF(output);
        if (joined == NULL) {
            return NULL;
        }
        output = joined;
        len++;
        *pending_cr = 0;
    }
    if (!final && len > 0 && PyUnicode_READ_CHAR(output, len - 1) == '\r') {
        PyObject *cut = PyUnicode_Substring(output, 0, len - 1);
        Py_DECREF(output);
        if (cut == NULL) {
            return NULL;
        }
        output = cut;
        len--;
        *pending_cr = 1;
    }
    Py_ssize_t cr = PyUnicode_FindChar(output, '\r', 0, len, 1);
    if (cr == -2) {
        Py_DECREF(output);
        return NULL;
    }
    if (cr < 0) {
        if (!(*seen & SEEN_LF) && PyUnicode_FindChar(output, '\n', 0, len, 1) >= 0) {
            *seen |= SEEN_LF;
        }
        return output;
    }
    int kind = PyUnicode_KIND(output);
    const void *data = PyUnicode_DATA(output);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\n') {
            *seen |= SEEN_LF;
        }
        else if (ch == '\r') {
            if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
                *seen |= SEEN_CRLF;
                i++;
            }
            else {
                *seen |= SEEN_CR;
            }
        }
    }
    if (!translate) {
        return output;
    }
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(len);
    if (writer == NULL) {
        Py_DECREF(output);
        return NULL;
    }
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (PyUnicode_READ(kind, data, i) != '\r') {
            continue;
        }
        if (PyUnicodeWriter_WriteSubstring(writer, output, start, i) < 0
                || PyUnicodeWriter_WriteChar(writer, '\n') < 0) {
            PyUnicodeWriter_Discard(writer);
            Py_DECREF(output);
            return NULL;
        }
        if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
            i++;
        }
        start = i + 1;
    }
    if (PyUnicodeWriter_WriteSubstring(writer, output, start, len) < 0) {
        PyUnicodeWriter_Discard(writer);
        Py_DECREF(output);
        return NULL;
    }
    Py_DECREF(output);
    return PyUnicodeWriter_Finish(writer);
}

static PyObject *newlines_value(int seen)
{
    switch (seen) {
    case 0: Py_RETURN_NONE;
    case SEEN_LF: return PyUnicode_FromString("\n");
    case SEEN_CR: return PyUnicode_FromString("\r");
    case SEEN_CRLF: return PyUnicode_FromString("\r\n");
    case SEEN_LF | SEEN_CR: return Py_BuildValue("ss", "\r", "\n");
    case SEEN_LF | SEEN_CRLF: return Py_BuildValue("ss", "\n", "\r\n");
    case SEEN_CR | SEEN_CRLF: return Py_BuildValue("ss", "\r", "\r\n");
    default: return Py_BuildValue("sss", "\r", "\n", "\r\n");
    }
}

/* ---- IncrementalNewlineDecoder ---------------------------------------------- */

/* Thread safety: all state changes happen inside the object's critical
   section; the wrapped decoder is called inside it too. */
typedef struct {
    PyObject_HEAD
    PyObject *decoder;
    PyObject *errors;
    char translate;
    char pending_cr;
    int seen;
} nldecoder;

#define NLDECODER(op) ((nldecoder *)(op))

static int nldecoder_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"decoder", "translate", "errors", NULL};
    PyObject *decoder, *errors = NULL;
    int translate;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Op|O:IncrementalNewlineDecoder",
                                     kwlist, &decoder, &translate, &errors)) {
        return -1;
    }
    nldecoder *self = NLDECODER(op);
    Py_XSETREF(self->decoder, Py_NewRef(decoder));
    if (errors == NULL) {
        errors = PyUnicode_FromString("strict");
        if (errors == NULL) {
            return -1;
        }
    }
    else {
        Py_INCREF(errors);
    }
    Py_XSETREF(self->errors, errors);
    self->translate = (char)translate;
    self->pending_cr = 0;
    self->seen = 0;
    return 0;
}

static PyObject *nldecoder_decode_locked(nldecoder *self, PyObject *input, int final)
{
    if (self->decoder == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "IncrementalNewlineDecoder.__init__() not called");
        return NULL;
    }
    PyObject *output;
    if (self->decoder != Py_None) {
        output = PyObject_CallMethod(self->decoder, "decode", "Oi", input, final);
    }
    else {
        output = Py_NewRef(input);
    }
    if (output == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(output)) {
        PyErr_Format(PyExc_TypeError,
                     "decoder should return a string result, not '%.200s'",
                     Py_TYPE(output)->tp_name);
        Py_DECREF(output);
        return NULL;
    }
    return universal_newlines(output, final, self->translate, &self->pending_cr,
                              &self->seen);
}

static PyObject *nldecoder_decode(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"input", "final", NULL};
    PyObject *input;
    int final = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|p:decode", kwlist, &input,
                                     &final)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = nldecoder_decode_locked(NLDECODER(op), input, final);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *nldecoder_getstate(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    nldecoder *self = NLDECODER(op);
    PyObject *buffer;
    unsigned long long flags = 0;
    if (self->decoder != NULL && self->decoder != Py_None) {
        PyObject *state = PyObject_CallMethodNoArgs(self->decoder, _PyIO_str_getstate);
        if (state == NULL) {
            return NULL;
        }
        if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) != 2) {
            PyErr_SetString(PyExc_TypeError, "illegal decoder state");
            Py_DECREF(state);
            return NULL;
        }
        buffer = Py_NewRef(PyTuple_GET_ITEM(state, 0));
        flags = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(state, 1));
        Py_DECREF(state);
        if (flags == (unsigned long long)-1 && PyErr_Occurred()) {
            Py_DECREF(buffer);
            return NULL;
        }
    }
    else {
        buffer = Py_NewRef(_PyIO_empty_bytes);
    }
    flags = (flags << 1) | (self->pending_cr ? 1 : 0);
    return Py_BuildValue("NK", buffer, flags);
}

static PyObject *nldecoder_setstate(PyObject *op, PyObject *state)
{
    nldecoder *self = NLDECODER(op);
    PyObject *buffer;
    unsigned long long flags;
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state argument must be a tuple");
        return NULL;
    }
    if (!PyArg_ParseTuple(state, "OK;setstate(): illegal state argument",
                          &buffer, &flags)) {
        return NULL;
    }
    self->pending_cr = (char)(flags & 1);
    if (self->decoder != NULL && self->decoder != Py_None) {
        return PyObject_CallMethod(self->decoder, "setstate", "((OK))", buffer,
                                   flags >> 1);
    }
    Py_RETURN_NONE;
}

static PyObject *nldecoder_reset(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    nldecoder *self = NLDECODER(op);
    self->seen = 0;
    self->pending_cr = 0;
    if (self->decoder != NULL && self->decoder != Py_None) {
        return PyObject_CallMethodNoArgs(self->decoder, _PyIO_str_reset);
    }
    Py_RETURN_NONE;
}

static PyObject *nldecoder_newlines_get(PyObject *op, void *Py_UNUSED(closure))
{
    return newlines_value(NLDECODER(op)->seen);
}

static int nldecoder_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(NLDECODER(op)->decoder);
    Py_VISIT(NLDECODER(op)->errors);
    return 0;
}

static int nldecoder_clear(PyObject *op)
{
    Py_CLEAR(NLDECODER(op)->decoder);
    Py_CLEAR(NLDECODER(op)->errors);
    return 0;
}

static void nldecoder_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    nldecoder_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef nldecoder_methods[] = {
    {"decode", _PyCFunction_CAST(nldecoder_decode), METH_VARARGS | METH_KEYWORDS, NULL},
    {"getstate", nldecoder_getstate, METH_NOARGS, NULL},
    {"setstate", nldecoder_setstate, METH_O, NULL},
    {"reset", nldecoder_reset, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef nldecoder_getset[] = {
    {"newlines", nldecoder_newlines_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyIncrementalNewlineDecoder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.IncrementalNewlineDecoder",
    .tp_basicsize = sizeof(nldecoder),
    .tp_dealloc = nldecoder_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Codec used when reading a file in universal newlines mode.",
    .tp_traverse = nldecoder_traverse,
    .tp_clear = nldecoder_clear,
    .tp_methods = nldecoder_methods,
    .tp_getset = nldecoder_getset,
    .tp_init = nldecoder_init,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---- encodings -------------------------------------------------------------- */

/* Which direct codec an encoding name means (CODEC_OTHER if none). */
static int classify_encoding(const char *name)
{
    char norm[32];
    size_t n = 0;
    for (; name[n] && n < sizeof(norm) - 1; n++) {
        char c = name[n];
        norm[n] = c == '_' || c == ' ' ? '-' : (char)Py_TOLOWER(c);
    }
    if (name[n] != '\0') {
        return CODEC_OTHER;
    }
    norm[n] = '\0';
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1",
                                         "iso8859-1", "8859", "cp819", "l1",
                                         "latin", "iso-ir-100", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    for (int i = 0; utf8[i]; i++) {
        if (strcmp(norm, utf8[i]) == 0) {
            return CODEC_UTF8;
        }
    }
    for (int i = 0; latin1[i]; i++) {
        if (strcmp(norm, latin1[i]) == 0) {
            return CODEC_LATIN1;
        }
    }
    for (int i = 0; ascii[i]; i++) {
        if (strcmp(norm, ascii[i]) == 0) {
            return CODEC_ASCII;
        }
    }
    return CODEC_OTHER;
}

/* encoding="locale": the locale's codeset; the C/POSIX locale counts as
   UTF-8 (PEP 538 coerces it). */
static PyObject *locale_encoding(void)
{
    const char *codeset = NULL;
    char *saved = setlocale(LC_CTYPE, NULL);
    char *copy = saved ? strdup(saved) : NULL;
    if (setlocale(LC_CTYPE, "") != NULL) {
        codeset = nl_langinfo(CODESET);
    }
    PyObject *result;
    if (codeset == NULL || codeset[0] == '\0'
            || strcmp(codeset, "ANSI_X3.4-1968") == 0) {
        result = PyUnicode_FromString("utf-8");
    }
    else {
        result = PyUnicode_FromString(codeset);
    }
    if (copy != NULL) {
        setlocale(LC_CTYPE, copy);
        free(copy);
    }
    return result;
}

PyObject *_PyIO_text_encoding(PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("text_encoding", nargs, 1, 2)) {
        return NULL;
    }
    if (args[0] != Py_None) {
        return Py_NewRef(args[0]);
    }
    if (_Py_GetConfig()->warn_default_encoding) {
        Py_ssize_t stacklevel = 2;
        if (nargs == 2) {
            stacklevel = PyLong_AsSsize_t(args[1]);
            if (stacklevel == -1 && PyErr_Occurred()) {
                return NULL;
            }
        }
        if (PyErr_WarnEx(PyExc_EncodingWarning, "'encoding' argument not specified",
                         stacklevel) < 0) {
            return NULL;
        }
    }
    /* PEP 597/686: UTF-8 Mode (the default) means "utf-8"; without it
       the stream takes the locale's encoding. */
    return PyUnicode_FromString(_Py_GetConfig()->utf8_mode ? "utf-8" : "locale");
}

/* Set up encoder/decoder objects for a registry codec; 0 or -1. */
static int make_codecs(textio *self, int readable, int writable)
{
    Py_CLEAR(self->encoder);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->partial);
    if (self->codec != CODEC_OTHER) {
        return 0;
    }
    const char *enc = PyUnicode_AsUTF8(self->encoding);
    const char *err = PyUnicode_AsUTF8(self->errors);
    if (enc == NULL || err == NULL) {
        return -1;
    }
    PyObject *info = _PyCodec_LookupTextEncoding(enc, "codecs.open()");
    if (info == NULL) {
        return -1;
    }
    Py_DECREF(info);
    if (readable) {
        self->decoder = PyCodec_IncrementalDecoder(enc, err);
        if (self->decoder == NULL) {
            return -1;
        }
    }
    if (writable) {
        self->encoder = PyCodec_IncrementalEncoder(enc, err);
        if (self->encoder == NULL) {
            return -1;
        }
    }
    return 0;
}

/* A BOM belongs only at the very start of the stream: the encoder starts
   afresh at position 0 and is told it is past the start elsewhere
   (setstate(0)).  0 or -1. */
static int place_encoder(textio *self, long long position)
{
    if (self->encoder == NULL) {
        return 0;
    }
    PyObject *r = position == 0
                  ? PyObject_CallMethodNoArgs(self->encoder, _PyIO_str_reset)
                  : PyObject_CallMethod(self->encoder, "setstate", "i", 0);
    Py_XDECREF(r);
    return r == NULL ? -1 : 0;
}

/* place_encoder at the buffer's current position, for a new encoder on a
   seekable stream (open for appending, reconfigure()).  A buffer that
   cannot tell is left alone. */
static void place_new_encoder(textio *self)
{
    if (self->encoder == NULL || !self->seekable) {
        return;
    }
    PyObject *pos = PyObject_CallMethodNoArgs(self->buffer, _PyIO_str_tell);
    long long position = pos != NULL && PyLong_Check(pos) ? PyLong_AsLongLong(pos) : -1;
    Py_XDECREF(pos);
    if (position >= 0) {
        (void)place_encoder(self, position);
    }
    PyErr_Clear();
}

/* Encode text for the buffer; a new bytes object or NULL. */
static PyObject *encode_text(textio *self, PyObject *text)
{
    const char *errors = PyUnicode_AsUTF8(self->errors);
    if (errors == NULL) {
        return NULL;
    }
    switch (self->codec) {
    case CODEC_UTF8:
        return _PyUnicode_AsUTF8String(text, errors);
    case CODEC_LATIN1:
        return _PyUnicode_AsLatin1String(text, errors);
    case CODEC_ASCII:
        return _PyUnicode_AsASCIIString(text, errors);
    default:
        break;
    }
    if (self->encoder == NULL) {
        return _PyIO_Unsupported("not writable");
    }
    PyObject *bytes = PyObject_CallMethodOneArg(self->encoder, _PyIO_str_encode, text);
    if (bytes != NULL && !PyBytes_Check(bytes)) {
        PyErr_Format(PyExc_TypeError,
                     "encoder should return a bytes object, not '%.200s'",
                     Py_TYPE(bytes)->tp_name);
        Py_CLEAR(bytes);
    }
    return bytes;
}

/* Decode bytes (after `partial` for the direct codecs) and apply newline
   handling; state is the wrapper's own.  A new str or NULL. */
static PyObject *decode_bytes(textio *self, const char *data, Py_ssize_t len,
                              PyObject *bytes_obj, int final)
{
    const char *errors = PyUnicode_AsUTF8(self->errors);
    if (errors == NULL) {
        return NULL;
    }
    PyObject *joined = NULL;
    if (self->partial != NULL && PyBytes_GET_SIZE(self->partial) > 0) {
        joined = PyBytes_FromStringAndSize(NULL, PyBytes_GET_SIZE(self->partial) + len);
        if (joined == NULL) {
            return NULL;
        }
        memcpy(PyBytes_AS_STRING(joined), PyBytes_AS_STRING(self->partial),
               (size_t)PyBytes_GET_SIZE(self->partial));
        memcpy(PyBytes_AS_STRING(joined) + PyBytes_GET_SIZE(self->partial), data,
               (size_t)len);
        data = PyBytes_AS_STRING(joined);
        len = PyBytes_GET_SIZE(joined);
        bytes_obj = joined;
    }
    PyObject *output;
    Py_ssize_t consumed = len;
    switch (self->codec) {
    case CODEC_UTF8:
        output = PyUnicode_DecodeUTF8Stateful(data, len, errors,
                                              final ? NULL : &consumed);
        break;
    case CODEC_LATIN1:
        output = PyUnicode_DecodeLatin1(data, len, errors);
        break;
    case CODEC_ASCII:
        output = PyUnicode_DecodeASCII(data, len, errors);
        break;
    default:
        if (self->decoder == NULL) {
            Py_XDECREF(joined);
            return _PyIO_Unsupported("not readable");
        }
        if (bytes_obj == NULL) {
            bytes_obj = joined = PyBytes_FromStringAndSize(data, len);
            if (joined == NULL) {
                return NULL;
            }
        }
        output = PyObject_CallMethod(self->decoder, "decode", "Oi", bytes_obj, final);
        if (output != NULL && !PyUnicode_Check(output)) {
            PyErr_Format(PyExc_TypeError,
                         "decoder should return a string result, not '%.200s'",
                         Py_TYPE(output)->tp_name);
            Py_CLEAR(output);
        }
        break;
    }
    if (output == NULL) {
        Py_XDECREF(joined);
        return NULL;
    }
    if (self->codec != CODEC_OTHER) {
        PyObject *rest = consumed < len
                         ? PyBytes_FromStringAndSize(data + consumed, len - consumed)
                         : NULL;
        Py_XSETREF(self->partial, rest);
        if (rest == NULL && PyErr_Occurred()) {
            Py_DECREF(output);
            Py_XDECREF(joined);
            return NULL;
        }
    }
    Py_XDECREF(joined);
    if (self->readuniversal) {
        output = universal_newlines(output, final, self->readtranslate,
                                    &self->pending_cr, &self->seen);
    }
    return output;
}

/* Decoder state as flags (registry state << 1 | pending '\r'), with the
   bytes the decoder holds; for the direct codecs the held bytes are the
   partial tail. */
static int decoder_getstate(textio *self, PyObject **held, long long *flags)
{
    long long codec_flags = 0;
    if (self->codec != CODEC_OTHER) {
        *held = Py_NewRef(self->partial ? self->partial : _PyIO_empty_bytes);
    }
    else {
        PyObject *state = PyObject_CallMethodNoArgs(self->decoder, _PyIO_str_getstate);
        if (state == NULL) {
            return -1;
        }
        if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) != 2
                || !PyBytes_Check(PyTuple_GET_ITEM(state, 0))) {
            PyErr_SetString(PyExc_TypeError, "illegal decoder state");
            Py_DECREF(state);
            return -1;
        }
        *held = Py_NewRef(PyTuple_GET_ITEM(state, 0));
        codec_flags = PyLong_AsLongLong(PyTuple_GET_ITEM(state, 1));
        Py_DECREF(state);
        if (codec_flags == -1 && PyErr_Occurred()) {
            Py_DECREF(*held);
            return -1;
        }
    }
    *flags = (codec_flags << 1) | (self->pending_cr ? 1 : 0);
    return 0;
}

/* Put the decoder in the state `flags` with nothing held, or back to its
   initial state (expecting a BOM, say) when `reset`; 0 or -1. */
static int decoder_setstate(textio *self, long long flags, int reset)
{
    self->pending_cr = (char)(flags & 1);
    Py_CLEAR(self->partial);
    if (self->codec != CODEC_OTHER || self->decoder == NULL) {
        return 0;
    }
    PyObject *res;
    if (reset) {
        res = PyObject_CallMethodNoArgs(self->decoder, _PyIO_str_reset);
    }
    else {
        res = PyObject_CallMethod(self->decoder, "setstate", "((OL))",
                                  _PyIO_empty_bytes, flags >> 1);
    }
    Py_XDECREF(res);
    return res == NULL ? -1 : 0;
}

/* ---- pending output ------------------------------------------------------- */

static int pending_append(textio *self, const char *data, Py_ssize_t len)
{
    if (len == 0) {
        /* Nothing to copy; the buffer may not even exist yet (memcpy
           with a NULL pointer is undefined even for 0 bytes). */
        return 0;
    }
    if (self->pending_len + len > self->pending_cap) {
        Py_ssize_t cap = self->pending_cap ? self->pending_cap : self->chunk_size;
        while (cap < self->pending_len + len) {
            cap *= 2;
        }
        char *grown = PyMem_Realloc(self->pending, (size_t)cap);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        self->pending = grown;
        self->pending_cap = cap;
    }
    memcpy(self->pending + self->pending_len, data, (size_t)len);
    self->pending_len += len;
    return 0;
}

/* Hand the pending bytes to the buffer.  They are taken out of the
   object first: the call may block, and others may write meanwhile. */
static int flush_pending(textio *self)
{
    if (self->pending_len == 0) {
        return 0;
    }
    char *data = self->pending;
    Py_ssize_t len = self->pending_len;
    Py_ssize_t cap = self->pending_cap;
    self->pending = NULL;
    self->pending_len = self->pending_cap = 0;
    int rc;
    if (self->fast_buffer) {
        rc = _PyBuffered_WriteBytes(self->buffer, data, len) < 0 ? -1 : 0;
    }
    else {
        PyObject *bytes = PyBytes_FromStringAndSize(data, len);
        PyObject *res = bytes ? PyObject_CallMethodOneArg(self->buffer,
                                                          _PyIO_str_write, bytes)
                              : NULL;
        Py_XDECREF(bytes);
        Py_XDECREF(res);
        rc = res == NULL ? -1 : 0;
    }
    if (self->pending == NULL) {
        self->pending = data;
        self->pending_cap = cap;
    }
    else {
        PyMem_Free(data);
    }
    return rc;
}

/* Add encoded output to the pending bytes.  Pending data is never grown
   past the chunk size by a write: what is pending goes to the buffer
   first, so that one buffer write() is at most a chunk or one caller's
   write (as in CPython, bpo-43260).  The buffer's write() may write to
   this stream again (gh-119506): what that left pending goes first too.
   Caller holds the stream's critical section.  0 or -1. */
static int pend_output(textio *self, const char *data, Py_ssize_t len)
{
    while (self->pending_len > 0 && self->pending_len + len > self->chunk_size) {
        if (flush_pending(self) < 0) {
            return -1;
        }
    }
    return pending_append(self, data, len);
}

/* ---- checks ----------------------------------------------------------------- */

static int check_attached(textio *self)
{
    if (!self->ok) {
        PyErr_SetString(PyExc_ValueError, self->detached
                        ? "underlying buffer has been detached"
                        : "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

static int check_open(textio *self)
{
    if (check_attached(self) < 0) {
        return -1;
    }
    int closed = self->fast_buffer || self->fast_reader
                 ? _PyBuffered_IsClosed(self->buffer)
                 : _PyIO_IsClosed(self->buffer);
    if (closed > 0) {
        _PyIO_ClosedError();
        return -1;
    }
    return closed;
}

/* ---- construction ----------------------------------------------------------- */

static int set_newline(textio *self, PyObject *newline)
{
    if (newline != Py_None && !PyUnicode_Check(newline)) {
        PyErr_Format(PyExc_TypeError,
                     "TextIOWrapper() argument 'newline' must be str or None, "
                     "not %.100s", Py_TYPE(newline)->tp_name);
        return -1;
    }
    const char *nl = newline == Py_None ? NULL : PyUnicode_AsUTF8(newline);
    if (newline != Py_None && nl == NULL) {
        return -1;
    }
    if (nl != NULL && strcmp(nl, "") != 0 && strcmp(nl, "\n") != 0
            && strcmp(nl, "\r") != 0 && strcmp(nl, "\r\n") != 0) {
        PyErr_Format(PyExc_ValueError, "illegal newline value: %U", newline);
        return -1;
    }
    Py_XSETREF(self->readnl, Py_NewRef(newline));
    self->readuniversal = nl == NULL || nl[0] == '\0';
    self->readtranslate = nl == NULL;
    if (nl == NULL || nl[0] == '\0') {
        self->readnl_mode = nl == NULL ? '\n' : 0;
    }
    else {
        self->readnl_mode = strcmp(nl, "\r\n") == 0 ? 'R' : nl[0];
    }
    Py_CLEAR(self->writenl);
    if (nl != NULL && (strcmp(nl, "\r") == 0 || strcmp(nl, "\r\n") == 0)) {
        self->writenl = Py_NewRef(newline);
    }
    return 0;
}

/* A str or None argument: -1 with TypeError (or UnicodeEncodeError for a
   lone surrogate), 1 if the text holds a NUL (no exception set; the
   caller says what that means), else 0. */
static int check_str_or_none(PyObject *value, const char *what)
{
    if (value == NULL || value == Py_None) {
        return 0;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "TextIOWrapper() argument '%s' must be str or None, not %.100s",
                     what, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(value, &len);
    if (s == NULL) {
        return -1;
    }
    return (Py_ssize_t)strlen(s) != len;
}

/* check_str_or_none where a NUL is a ValueError; 0 or -1. */
static int check_text_arg(PyObject *value, const char *what)
{
    int rc = check_str_or_none(value, what);
    if (rc > 0) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    return rc;
}

/* In development mode, as in CPython, an unknown error handler name is
   reported when the stream is made rather than at the first encoding
   error; 0 or -1 with LookupError. */
static int check_errors_handler(PyObject *errors)
{
    if (errors == Py_None || !_Py_GetConfig()->dev_mode) {
        return 0;
    }
    const char *name = PyUnicode_AsUTF8(errors);
    PyObject *handler = name != NULL ? PyCodec_LookupError(name) : NULL;
    if (handler == NULL) {
        return -1;
    }
    Py_DECREF(handler);
    return 0;
}

/* reconfigure(encoding=...): the codec registry reads the name as a C
   string, so a name with a NUL in it names no codec; 0 or -1. */
static int check_codec_name(PyObject *encoding)
{
    int rc = check_str_or_none(encoding, "encoding");
    if (rc > 0) {
        PyErr_Format(PyExc_LookupError, "unknown encoding: %R", encoding);
        return -1;
    }
    return rc;
}

/* encoding and errors: store them and classify the codec; 0 or -1. */
static int set_encoding(textio *self, PyObject *encoding, PyObject *errors)
{
    PyObject *enc;
    if (encoding == NULL || encoding == Py_None) {
        enc = PyUnicode_FromString("utf-8");
    }
    else if (PyUnicode_EqualToUTF8(encoding, "locale")) {
        enc = locale_encoding();
    }
    else {
        enc = Py_NewRef(encoding);
    }
    if (enc == NULL) {
        return -1;
    }
    const char *name = PyUnicode_AsUTF8(enc);
    if (name == NULL) {
        Py_DECREF(enc);
        return -1;
    }
    Py_XSETREF(self->encoding, enc);
    self->codec = classify_encoding(name);
    PyObject *err = errors == NULL || errors == Py_None
                    ? PyUnicode_FromString("strict") : Py_NewRef(errors);
    if (err == NULL) {
        return -1;
    }
    Py_XSETREF(self->errors, err);
    return 0;
}

static int capability(PyObject *buffer, PyObject *name)
{
    PyObject *res = PyObject_CallMethodNoArgs(buffer, name);
    if (res == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(res);
    Py_DECREF(res);
    return truth;
}

static int textio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"buffer", "encoding", "errors", "newline",
                             "line_buffering", "write_through", NULL};
    textio *self = TEXTIO(op);
    PyObject *buffer, *encoding = Py_None, *errors = Py_None, *newline = Py_None;
    int line_buffering = 0, write_through = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOOpp:TextIOWrapper", kwlist,
                                     &buffer, &encoding, &errors, &newline,
                                     &line_buffering, &write_through)) {
        return -1;
    }
    self->ok = 0;
    self->detached = 0;
    if (encoding == Py_None && _Py_GetConfig()->warn_default_encoding
            && PyErr_WarnEx(PyExc_EncodingWarning,
                            "'encoding' argument not specified", 1) < 0) {
        return -1;
    }
    if (check_text_arg(encoding, "encoding") < 0
            || check_text_arg(errors, "errors") < 0
            || check_errors_handler(errors) < 0
            || set_newline(self, newline) < 0
            || set_encoding(self, encoding, errors) < 0) {
        return -1;
    }
    int readable = capability(buffer, _PyIO_str_readable);
    int writable = readable < 0 ? -1 : capability(buffer, _PyIO_str_writable);
    int seekable = writable < 0 ? -1 : capability(buffer, _PyIO_str_seekable);
    if (seekable < 0 || make_codecs(self, readable, writable) < 0) {
        return -1;
    }
    Py_XSETREF(self->buffer, Py_NewRef(buffer));
    self->readable = (char)readable;
    self->writable = (char)writable;
    self->line_buffering = (char)line_buffering;
    self->write_through = (char)write_through;
    self->seekable = self->telling = (char)seekable;
    self->fast_buffer = Py_IS_TYPE(buffer, &PyBufferedWriter_Type)
                        || Py_IS_TYPE(buffer, &PyBufferedRandom_Type);
    self->fast_reader = Py_IS_TYPE(buffer, &PyBufferedReader_Type)
                        || Py_IS_TYPE(buffer, &PyBufferedRandom_Type);
    /* A raw stream (as subprocess makes for unbuffered text pipes) has
       no read1(). */
    PyObject *read1 = NULL;
    if (PyObject_GetOptionalAttrString(buffer, "read1", &read1) < 0) {
        return -1;
    }
    self->has_read1 = read1 != NULL;
    Py_XDECREF(read1);
    self->chunk_size = CHUNK_SIZE;
    self->pending_len = 0;
    self->pending_cr = 0;
    self->seen = 0;
    Py_CLEAR(self->decoded_chars);
    self->decoded_used = 0;
    self->snapshot_pos = -1;
    Py_CLEAR(self->snapshot_input);
    /* Appending to a file that already has data: no second BOM. */
    place_new_encoder(self);
    self->ok = 1;
    return _PyIO_Register(op);
}

/* ---- writing ---------------------------------------------------------------- */

static PyObject *write_locked(textio *self, PyObject *text)
{
    if (check_open(self) < 0) {
        return NULL;
    }
    if (!self->writable) {
        return _PyIO_Unsupported("not writable");
    }
    Py_ssize_t textlen = PyUnicode_GET_LENGTH(text);
    int has_lf = PyUnicode_FindChar(text, '\n', 0, textlen, 1) >= 0;
    int needflush = self->line_buffering
                    && (has_lf || PyUnicode_FindChar(text, '\r', 0, textlen, 1) >= 0);
    PyObject *owned = NULL;
    if (has_lf && self->writenl != NULL) {
        owned = PyUnicode_Replace(text, _Py_LATIN1_CHR('\n'), self->writenl, -1);
        if (owned == NULL) {
            return NULL;
        }
        text = owned;
    }
    int rc;
    if (PyUnicode_IS_ASCII(text) && self->codec != CODEC_OTHER) {
        rc = pend_output(self, PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text));
    }
    else {
        PyObject *bytes = encode_text(self, text);
        rc = bytes == NULL ? -1
             : pend_output(self, PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes));
        Py_XDECREF(bytes);
    }
    Py_XDECREF(owned);
    if (rc < 0) {
        return NULL;
    }
    if (self->pending_len >= self->chunk_size || needflush || self->write_through) {
        if (flush_pending(self) < 0) {
            return NULL;
        }
    }
    if (needflush) {
        PyObject *res = PyObject_CallMethodNoArgs(self->buffer, _PyIO_str_flush);
        if (res == NULL) {
            return NULL;
        }
        Py_DECREF(res);
    }
    if (self->decoded_chars != NULL || self->snapshot_pos >= 0) {
        /* As CPython: a seekable stream (one with a snapshot) drops its
           read-ahead, now stale; a non-seekable one (a BufferedRWPair,
           whose reader and writer are separate streams) keeps the text
           already decoded for the next read.  The decoder restarts. */
        if (self->snapshot_pos >= 0) {
            Py_CLEAR(self->decoded_chars);
            self->decoded_used = 0;
            self->snapshot_pos = -1;
            Py_CLEAR(self->snapshot_input);
        }
        if (decoder_setstate(self, 0, 1) < 0) {
            return NULL;
        }
    }
    return PyLong_FromSsize_t(textlen);
}

static PyObject *textio_write(PyObject *op, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = write_locked(TEXTIO(op), text);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *flush_locked(textio *self)
{
    if (check_open(self) < 0) {
        return NULL;
    }
    self->telling = self->seekable;
    if (flush_pending(self) < 0) {
        return NULL;
    }
    return PyObject_CallMethodNoArgs(self->buffer, _PyIO_str_flush);
}

static PyObject *textio_flush(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = check_attached(TEXTIO(op)) < 0 ? NULL : flush_locked(TEXTIO(op));
    Py_END_CRITICAL_SECTION();
    return res;
}

/* ---- reading ---------------------------------------------------------------- */

static int check_readable(textio *self)
{
    if (check_open(self) < 0) {
        return -1;
    }
    if (!self->readable) {
        _PyIO_Unsupported("not readable");
        return -1;
    }
    return 0;
}

/* Read and decode one chunk; 1 if text came, 0 at end of file, -1.  The
   snapshot moves to the start of these bytes when tell() is allowed. */
static int read_chunk(textio *self, Py_ssize_t size_hint)
{
    PyObject *held = NULL;
    long long flags = 0;
    long long start = -1;
    if (self->telling) {
        if (decoder_getstate(self, &held, &flags) < 0) {
            return -1;
        }
    }
    Py_ssize_t size = self->chunk_size;
    if (size_hint > size) {
        size = size_hint;
    }
    PyObject *input;
    if (self->fast_reader) {
        input = _PyBuffered_Read1(self->buffer, size);
    }
    else {
        input = PyObject_CallMethod(self->buffer, self->has_read1 ? "read1" : "read",
                                    "n", size);
    }
    if (input == NULL) {
        Py_XDECREF(held);
        return -1;
    }
    if (input == Py_None) {
        Py_DECREF(input);
        Py_XDECREF(held);
        return 0;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(input, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Format(PyExc_TypeError, "underlying %s() should have returned "
                     "a bytes-like object, not '%.200s'",
                     self->has_read1 ? "read1" : "read", Py_TYPE(input)->tp_name);
        Py_DECREF(input);
        Py_XDECREF(held);
        return -1;
    }
    int eof = view.len == 0;
    PyObject *decoded = decode_bytes(self, view.buf, view.len,
                                     PyBytes_Check(input) ? input : NULL, eof);
    if (decoded == NULL) {
        PyBuffer_Release(&view);
        Py_DECREF(input);
        Py_XDECREF(held);
        return -1;
    }
    if (held != NULL) {
        /* The snapshot: where `held` started, and held + input. */
        PyObject *pos = PyObject_CallMethodNoArgs(self->buffer, _PyIO_str_tell);
        if (pos != NULL) {
            start = PyLong_AsLongLong(pos);
            Py_DECREF(pos);
        }
        if (start < 0) {
            PyErr_Clear();
            self->snapshot_pos = -1;
            Py_CLEAR(self->snapshot_input);
        }
        else {
            PyObject *fed = PyBytes_FromStringAndSize(NULL,
                                                      PyBytes_GET_SIZE(held) + view.len);
            if (fed == NULL) {
                PyBuffer_Release(&view);
                Py_DECREF(input);
                Py_DECREF(held);
                Py_DECREF(decoded);
                return -1;
            }
            memcpy(PyBytes_AS_STRING(fed), PyBytes_AS_STRING(held),
                   (size_t)PyBytes_GET_SIZE(held));
            memcpy(PyBytes_AS_STRING(fed) + PyBytes_GET_SIZE(held), view.buf,
                   (size_t)view.len);
            self->snapshot_pos = start - PyBytes_GET_SIZE(fed);
            self->snapshot_flags = flags;
            Py_XSETREF(self->snapshot_input, fed);
        }
        Py_DECREF(held);
    }
    Py_ssize_t nchars = PyUnicode_GET_LENGTH(decoded);
    self->b2cratio = nchars > 0 ? (double)view.len / (double)nchars : 0.0;
    PyBuffer_Release(&view);
    Py_DECREF(input);
    Py_XSETREF(self->decoded_chars, decoded);
    self->decoded_used = 0;
    return eof ? 0 : 1;
}

/* Take up to n characters (all when n < 0) of the decoded text. */
static PyObject *take_decoded(textio *self, Py_ssize_t n)
{
    if (self->decoded_chars == NULL) {
        return Py_NewRef(_PyIO_empty_str);
    }
    Py_ssize_t avail = PyUnicode_GET_LENGTH(self->decoded_chars) - self->decoded_used;
    if (n < 0 || n > avail) {
        n = avail;
    }
    PyObject *res;
    if (self->decoded_used == 0 && n == PyUnicode_GET_LENGTH(self->decoded_chars)) {
        res = Py_NewRef(self->decoded_chars);
    }
    else {
        res = PyUnicode_Substring(self->decoded_chars, self->decoded_used,
                                  self->decoded_used + n);
    }
    if (res != NULL) {
        self->decoded_used += n;
    }
    return res;
}

static PyObject *read_all_locked(textio *self)
{
    PyObject *head = take_decoded(self, -1);
    if (head == NULL) {
        return NULL;
    }
    PyObject *rest = PyObject_CallMethodNoArgs(self->buffer, _PyIO_str_read);
    if (rest == NULL) {
        Py_DECREF(head);
        return NULL;
    }
    Py_buffer view = {0};
    PyObject *decoded;
    if (rest == Py_None) {
        decoded = decode_bytes(self, "", 0, NULL, 1);
    }
    else if (PyObject_GetBuffer(rest, &view, PyBUF_SIMPLE) < 0) {
        decoded = NULL;
    }
    else {
        decoded = decode_bytes(self, view.buf, view.len,
                               PyBytes_Check(rest) ? rest : NULL, 1);
        PyBuffer_Release(&view);
    }
    Py_DECREF(rest);
    Py_CLEAR(self->decoded_chars);
    self->decoded_used = 0;
    self->snapshot_pos = -1;
    Py_CLEAR(self->snapshot_input);
    if (decoded == NULL) {
        Py_DECREF(head);
        return NULL;
    }
    PyObject *res = PyUnicode_Concat(head, decoded);
    Py_DECREF(head);
    Py_DECREF(decoded);
    return res;
}

static PyObject *read_locked(textio *self, Py_ssize_t size)
{
    if (check_readable(self) < 0 || flush_pending(self) < 0) {
        return NULL;
    }
    if (size < 0) {
        return read_all_locked(self);
    }
    PyObject *result = take_decoded(self, size);
    if (result == NULL) {
        return NULL;
    }
    while (PyUnicode_GET_LENGTH(result) < size) {
        int got = read_chunk(self, size - PyUnicode_GET_LENGTH(result));
        if (got < 0) {
            Py_DECREF(result);
            return NULL;
        }
        PyObject *more = take_decoded(self, size - PyUnicode_GET_LENGTH(result));
        if (more == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        Py_SETREF(result, PyUnicode_Concat(result, more));
        Py_DECREF(more);
        if (result == NULL || got == 0) {
            break;
        }
    }
    return result;
}

static PyObject *textio_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &size) < 0) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = check_attached(TEXTIO(op)) < 0 ? NULL : read_locked(TEXTIO(op), size);
    Py_END_CRITICAL_SECTION();
    return res;
}

static Py_ssize_t find_line_end(textio *self, PyObject *text, Py_ssize_t start)
{
    Py_ssize_t end = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (self->readnl_mode == '\n' && kind == PyUnicode_1BYTE_KIND) {
        const char *p = memchr((const char *)data + start, '\n', (size_t)(end - start));
        return p ? p - (const char *)data + 1 : -1;
    }
    return _PyIO_FindLineEnd(kind, data, start, end, self->readnl_mode, 1);
}

static PyObject *readline_locked(textio *self, Py_ssize_t limit)
{
    if (check_readable(self) < 0 || flush_pending(self) < 0) {
        return NULL;
    }
    PyObject *acc = NULL;       /* the line so far, when it spans chunks */
    for (;;) {
        if (self->decoded_chars != NULL) {
            Py_ssize_t start = self->decoded_used;
            Py_ssize_t len = PyUnicode_GET_LENGTH(self->decoded_chars);
            Py_ssize_t end = find_line_end(self, self->decoded_chars, start);
            /* A '\r' ending the text may be the start of "\r\n". */
            if (end == len && self->readnl_mode == 'R' && !self->readuniversal
                    && PyUnicode_READ_CHAR(self->decoded_chars, len - 1) == '\r') {
                end = -1;
            }
            Py_ssize_t have = acc ? PyUnicode_GET_LENGTH(acc) : 0;
            Py_ssize_t take = end >= 0 ? end - start : len - start;
            int done = end >= 0;
            if (limit >= 0 && have + take >= limit) {
                take = limit - have;
                done = 1;
            }
            PyObject *piece = take_decoded(self, take);
            if (piece == NULL) {
                Py_XDECREF(acc);
                return NULL;
            }
            if (acc == NULL) {
                acc = piece;
            }
            else {
                Py_SETREF(acc, PyUnicode_Concat(acc, piece));
                Py_DECREF(piece);
                if (acc == NULL) {
                    return NULL;
                }
            }
            if (done) {
                return acc;
            }
        }
        int got = read_chunk(self, 0);
        if (got < 0) {
            Py_XDECREF(acc);
            return NULL;
        }
        if (got == 0 && (self->decoded_chars == NULL
                         || PyUnicode_GET_LENGTH(self->decoded_chars) == 0)) {
            Py_CLEAR(self->decoded_chars);
            self->decoded_used = 0;
            self->snapshot_pos = -1;
            Py_CLEAR(self->snapshot_input);
            return acc ? acc : Py_NewRef(_PyIO_empty_str);
        }
    }
}

static PyObject *textio_readline(PyObject *op, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs && args[0] != Py_None) {
        if (!PyIndex_Check(args[0])) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted "
                         "as an integer", Py_TYPE(args[0])->tp_name);
            return NULL;
        }
        if (_PyIO_ConvertSize(args[0], &limit) < 0) {
            return NULL;
        }
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = check_attached(TEXTIO(op)) < 0 ? NULL : readline_locked(TEXTIO(op), limit);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *textio_iternext(PyObject *op)
{
    textio *self = TEXTIO(op);
    PyObject *line;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_attached(self) < 0) {
        line = NULL;
    }
    else {
        self->telling = 0;
        if (Py_IS_TYPE(op, &PyTextIOWrapper_Type)) {
            line = readline_locked(self, -1);
        }
        else {
            line = PyObject_CallMethodNoArgs(op, _PyIO_str_readline);
            if (line != NULL && !PyUnicode_Check(line)) {
                PyErr_Format(PyExc_OSError, "readline() should have returned a "
                             "str object, not '%.200s'", Py_TYPE(line)->tp_name);
                Py_CLEAR(line);
            }
        }
        if (line == NULL || PyUnicode_GET_LENGTH(line) == 0) {
            self->snapshot_pos = -1;
            Py_CLEAR(self->snapshot_input);
            self->telling = self->seekable;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (line != NULL && PyUnicode_GET_LENGTH(line) == 0) {
        Py_CLEAR(line);
    }
    return line;
}

/* ---- tell and seek ---------------------------------------------------------- */

/* A cookie packs where decoding must restart and how far to go from
   there, laid out as CPython's: little-endian int64 start_pos, int32
   dec_flags, int32 bytes_to_feed, int32 chars_to_skip, one byte need_eof.
   A position where the decoder is clean is just the byte offset. */
typedef struct {
    long long start_pos;
    int dec_flags;
    int bytes_to_feed;
    int chars_to_skip;
    int need_eof;
} cookie_t;

#define COOKIE_BYTES 21

static PyObject *cookie_pack(const cookie_t *c)
{
    unsigned char bytes[COOKIE_BYTES];
    unsigned long long start = (unsigned long long)c->start_pos;
    unsigned int fields[3] = {(unsigned int)c->dec_flags,
                              (unsigned int)c->bytes_to_feed,
                              (unsigned int)c->chars_to_skip};
    for (int b = 0; b < 8; b++) {
        bytes[b] = (unsigned char)(start >> (8 * b));
    }
    for (int f = 0; f < 3; f++) {
        for (int b = 0; b < 4; b++) {
            bytes[8 + 4 * f + b] = (unsigned char)(fields[f] >> (8 * b));
        }
    }
    bytes[20] = (unsigned char)c->need_eof;
    return _PyLong_FromByteArray(bytes, sizeof(bytes), 1, 0);
}

static int cookie_unpack(PyObject *cookie, cookie_t *c)
{
    unsigned char bytes[COOKIE_BYTES];
    if (_PyLong_AsByteArray((PyLongObject *)cookie, bytes, sizeof(bytes), 1, 0, 1) < 0) {
        return -1;
    }
    unsigned long long start = 0;
    for (int b = 7; b >= 0; b--) {
        start = (start << 8) | bytes[b];
    }
    unsigned int fields[3];
    for (int f = 0; f < 3; f++) {
        unsigned int v = 0;
        for (int b = 3; b >= 0; b--) {
            v = (v << 8) | bytes[8 + 4 * f + b];
        }
        fields[f] = v;
    }
    c->start_pos = (long long)start;
    c->dec_flags = (int)fields[0];
    c->bytes_to_feed = (int)fields[1];
    c->chars_to_skip = (int)fields[2];
    c->need_eof = bytes[20];
    return 0;
}

/* Decode n bytes incrementally from the decoder's current state; the
   number of characters, or -1.  `seen` is left as it was: this is only a
   trial decode. */
static Py_ssize_t trial_decode(textio *self, const char *data, Py_ssize_t n,
                               int final)
{
    int seen = self->seen;
    PyObject *out = decode_bytes(self, data, n, NULL, final);
    self->seen = seen;
    if (out == NULL) {
        return -1;
    }
    Py_ssize_t count = PyUnicode_GET_LENGTH(out);
    Py_DECREF(out);
    return count;
}

/* The number of bytes the decoder holds and its flags; -1 on error. */
static Py_ssize_t decoder_held(textio *self, long long *flags)
{
    PyObject *held;
    if (decoder_getstate(self, &held, flags) < 0) {
        return -1;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(held);
    Py_DECREF(held);
    return n;
}

/* Put back a state saved by decoder_getstate, held bytes included;
   steals `held`.  0 or -1. */
static int restore_decoder(textio *self, PyObject *held, long long flags)
{
    self->pending_cr = (char)(flags & 1);
    if (self->codec != CODEC_OTHER) {
        Py_XSETREF(self->partial, held);
        return 0;
    }
    PyObject *res = PyObject_CallMethod(self->decoder, "setstate", "((NL))",
                                        held, flags >> 1);
    Py_XDECREF(res);
    return res == NULL ? -1 : 0;
}

/* The cookie for `to_skip` characters into the text decoded from the
   snapshot bytes `input` (CPython's search, so cookies are the same
   numbers): guess a byte offset from the bytes-per-character ratio and
   back off until the decoder is clean there with no more than `to_skip`
   characters out; then feed one byte at a time, moving the start to every
   later clean point, until enough characters came out. */
static PyObject *search_cookie(textio *self, PyObject *input, Py_ssize_t to_skip)
{
    cookie_t c = {self->snapshot_pos, (int)self->snapshot_flags, 0, 0, 0};
    const char *data = PyBytes_AS_STRING(input);
    Py_ssize_t size = PyBytes_GET_SIZE(input);
    Py_ssize_t skip_bytes = (Py_ssize_t)(self->b2cratio * (double)to_skip);
    Py_ssize_t skip_back = 1;
    long long flags;
    if (skip_bytes > size) {
        skip_bytes = size;
    }
    while (skip_bytes > 0) {
        if (decoder_setstate(self, c.dec_flags, 0) < 0) {
            return NULL;
        }
        Py_ssize_t decoded = trial_decode(self, data, skip_bytes, 0);
        if (decoded < 0) {
            return NULL;
        }
        if (decoded <= to_skip) {
            Py_ssize_t held = decoder_held(self, &flags);
            if (held < 0) {
                return NULL;
            }
            if (held == 0) {
                c.dec_flags = (int)flags;
                to_skip -= decoded;
                break;
            }
            skip_bytes -= held;
            skip_back = 1;
        }
        else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if (skip_bytes <= 0) {
        skip_bytes = 0;
        if (decoder_setstate(self, c.dec_flags, 0) < 0) {
            return NULL;
        }
    }
    c.start_pos += skip_bytes;
    if (to_skip > 0) {
        Py_ssize_t decoded = 0;
        Py_ssize_t i = skip_bytes;
        for (; i < size; i++) {
            Py_ssize_t n = trial_decode(self, data + i, 1, 0);
            if (n < 0) {
                return NULL;
            }
            decoded += n;
            c.bytes_to_feed++;
            Py_ssize_t held = decoder_held(self, &flags);
            if (held < 0) {
                return NULL;
            }
            if (held == 0 && decoded <= to_skip) {
                /* Nothing buffered: a safe point to start from. */
                c.start_pos += c.bytes_to_feed;
                to_skip -= decoded;
                c.dec_flags = (int)flags;
                c.bytes_to_feed = 0;
                decoded = 0;
            }
            if (decoded >= to_skip) {
                break;
            }
        }
        if (i == size) {
            /* Not enough characters yet: the end of input releases them. */
            Py_ssize_t n = trial_decode(self, "", 0, 1);
            if (n < 0) {
                return NULL;
            }
            decoded += n;
            c.need_eof = 1;
            if (decoded < to_skip) {
                PyErr_SetString(PyExc_OSError,
                                "can't reconstruct logical file position");
                return NULL;
            }
        }
    }
    c.chars_to_skip = (int)to_skip;
    return cookie_pack(&c);
}

static PyObject *tell_locked(textio *self)
{
    if (check_open(self) < 0) {
        return NULL;
    }
    if (!self->seekable) {
        return _PyIO_Unsupported("underlying stream is not seekable");
    }
    if (!self->telling) {
        PyErr_SetString(PyExc_OSError, "telling position disabled by next() call");
        return NULL;
    }
    PyObject *res = flush_locked(self);
    if (res == NULL) {
        return NULL;
    }
    Py_DECREF(res);
    PyObject *posobj = PyObject_CallMethodNoArgs(self->buffer, _PyIO_str_tell);
    if (posobj == NULL) {
        return NULL;
    }
    if (self->snapshot_pos < 0 || self->decoded_chars == NULL) {
        return posobj;
    }
    Py_DECREF(posobj);
    Py_ssize_t used = self->decoded_used;
    if (used == 0) {
        cookie_t c = {self->snapshot_pos, (int)self->snapshot_flags, 0, 0, 0};
        return cookie_pack(&c);
    }
    /* Save the live decoder state, search, then put it back. */
    PyObject *live_held;
    long long live_flags;
    if (decoder_getstate(self, &live_held, &live_flags) < 0) {
        return NULL;
    }
    PyObject *input = Py_NewRef(self->snapshot_input);
    PyObject *cookie = search_cookie(self, input, used);
    Py_DECREF(input);
    PyObject *exc = cookie == NULL ? PyErr_GetRaisedException() : NULL;
    if (restore_decoder(self, live_held, live_flags) < 0) {
        Py_XDECREF(cookie);
        Py_XDECREF(exc);
        return NULL;
    }
    if (exc != NULL) {
        PyErr_SetRaisedException(exc);
    }
    return cookie;
}

static PyObject *textio_tell(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = check_attached(TEXTIO(op)) < 0 ? NULL : tell_locked(TEXTIO(op));
    Py_END_CRITICAL_SECTION();
    return res;
}

static void reset_read_state(textio *self)
{
    Py_CLEAR(self->decoded_chars);
    self->decoded_used = 0;
    self->snapshot_pos = -1;
    Py_CLEAR(self->snapshot_input);
}

static PyObject *seek_locked(textio *self, PyObject *cookie, int whence)
{
    if (check_open(self) < 0) {
        return NULL;
    }
    if (!self->seekable) {
        return _PyIO_Unsupported("underlying stream is not seekable");
    }
    if (whence == SEEK_CUR || whence == SEEK_END) {
        int zero = PyObject_RichCompareBool(cookie, _PyLong_GetZero(), Py_EQ);
        if (zero < 0) {
            return NULL;
        }
        if (!zero) {
            return _PyIO_Unsupported(whence == SEEK_CUR
                                     ? "can't do nonzero cur-relative seeks"
                                     : "can't do nonzero end-relative seeks");
        }
    }
    if (whence == SEEK_CUR) {
        return tell_locked(self);
    }
    PyObject *res = flush_locked(self);
    if (res == NULL) {
        return NULL;
    }
    Py_DECREF(res);
    if (whence == SEEK_END) {
        reset_read_state(self);
        if (decoder_setstate(self, 0, 1) < 0) {
            return NULL;
        }
        PyObject *end = PyObject_CallMethod(self->buffer, "seek", "ii", 0, 2);
        long long position = end != NULL && PyLong_Check(end) ? PyLong_AsLongLong(end) : -1;
        if (end != NULL && position >= 0 && place_encoder(self, position) < 0) {
            Py_CLEAR(end);
        }
        return end;
    }
    if (whence != SEEK_SET) {
        PyErr_Format(PyExc_ValueError,
                     "invalid whence (%d, should be 0, 1 or 2)", whence);
        return NULL;
    }
    int negative = PyObject_RichCompareBool(cookie, _PyLong_GetZero(), Py_LT);
    if (negative < 0) {
        return NULL;
    }
    if (negative) {
        PyErr_Format(PyExc_ValueError, "negative seek position %R", cookie);
        return NULL;
    }
    cookie_t c;
    if (cookie_unpack(cookie, &c) < 0) {
        return NULL;
    }
    res = PyObject_CallMethod(self->buffer, "seek", "L", c.start_pos);
    if (res == NULL) {
        return NULL;
    }
    Py_DECREF(res);
    int at_zero = c.start_pos == 0 && c.dec_flags == 0 && c.bytes_to_feed == 0
                  && c.chars_to_skip == 0 && c.need_eof == 0;
    reset_read_state(self);
    if (decoder_setstate(self, c.dec_flags, at_zero) < 0) {
        return NULL;
    }
    if (place_encoder(self, at_zero ? 0 : 1) < 0) {
        return NULL;
    }
    if (c.chars_to_skip > 0 || c.bytes_to_feed > 0 || c.need_eof) {
        PyObject *input = PyObject_CallMethod(self->buffer, "read", "i",
                                              c.bytes_to_feed);
        if (input == NULL) {
            return NULL;
        }
        if (!PyBytes_Check(input)) {
            Py_DECREF(input);
            PyErr_SetString(PyExc_TypeError, "underlying read() should have "
                            "returned a bytes object");
            return NULL;
        }
        self->snapshot_pos = c.start_pos;
        self->snapshot_flags = c.dec_flags;
        Py_XSETREF(self->snapshot_input, Py_NewRef(input));
        PyObject *decoded = decode_bytes(self, PyBytes_AS_STRING(input),
                                         PyBytes_GET_SIZE(input), input,
                                         c.need_eof);
        Py_DECREF(input);
        if (decoded == NULL) {
            return NULL;
        }
        self->decoded_chars = decoded;
        if (PyUnicode_GET_LENGTH(decoded) < c.chars_to_skip) {
            PyErr_SetString(PyExc_OSError, "can't restore logical file position");
            return NULL;
        }
        self->decoded_used = c.chars_to_skip;
    }
    return Py_NewRef(cookie);
}

static PyObject *textio_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2)) {
        return NULL;
    }
    int whence = 0;
    if (nargs == 2) {
        whence = PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *cookie = PyNumber_Index(args[0]);
    if (cookie == NULL) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = check_attached(TEXTIO(op)) < 0 ? NULL
          : seek_locked(TEXTIO(op), cookie, whence);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(cookie);
    return res;
}

/* ---- other methods ---------------------------------------------------------- */

static PyObject *textio_truncate(PyObject *op, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1)) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    textio *self = TEXTIO(op);
    res = check_attached(self) < 0 ? NULL : flush_locked(self);
    if (res != NULL) {
        Py_DECREF(res);
        PyObject *pos = nargs ? args[0] : Py_None;
        res = PyObject_CallMethodOneArg(self->buffer, _PyIO_str_truncate, pos);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *textio_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    textio *self = TEXTIO(op);
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_attached(self) == 0) {
        int closed = _PyIO_IsClosed(self->buffer);
        if (closed != 0) {
            res = closed < 0 ? NULL : Py_NewRef(Py_None);
        }
        else {
            if (self->iob_finalizing) {
                PyObject *r = PyObject_CallMethodOneArg(self->buffer,
                                                        _PyIO_str__dealloc_warn, op);
                Py_XDECREF(r);
                PyErr_Clear();
            }
            /* Looked up, so that a subclass's or an instance's flush runs. */
            PyObject *flushed = PyObject_CallMethodNoArgs(op, _PyIO_str_flush);
            PyObject *exc = flushed == NULL ? PyErr_GetRaisedException() : NULL;
            Py_XDECREF(flushed);
            res = PyObject_CallMethodNoArgs(self->buffer, _PyIO_str_close);
            if (exc != NULL) {
                if (res == NULL) {
                    PyObject *later = PyErr_GetRaisedException();
                    PyException_SetContext(later, exc);
                    PyErr_SetRaisedException(later);
                }
                else {
                    Py_CLEAR(res);
                    PyErr_SetRaisedException(exc);
                }
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *textio_detach(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    textio *self = TEXTIO(op);
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_attached(self) == 0) {
        res = PyObject_CallMethodNoArgs(op, _PyIO_str_flush);
        if (res != NULL) {
            /* `buffer` stays referenced until the wrapper dies: getters
               that run outside the critical section may still read it
               (they fail on `ok`), so it must not be freed under them. */
            Py_DECREF(res);
            res = Py_NewRef(self->buffer);
            self->ok = 0;
            self->detached = 1;
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *buffer_call(PyObject *op, PyObject *name)
{
    textio *self = TEXTIO(op);
    if (check_attached(self) < 0) {
        return NULL;
    }
    return PyObject_CallMethodNoArgs(self->buffer, name);
}

static PyObject *textio_fileno(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return buffer_call(op, _PyIO_str_fileno);
}

static PyObject *textio_isatty(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return buffer_call(op, _PyIO_str_isatty);
}

static PyObject *textio_readable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return buffer_call(op, _PyIO_str_readable);
}

static PyObject *textio_writable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return buffer_call(op, _PyIO_str_writable);
}

static PyObject *textio_seekable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    textio *self = TEXTIO(op);
    if (check_open(self) < 0) {
        return NULL;
    }
    return PyBool_FromLong(self->seekable);
}

static PyObject *textio_reconfigure(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "errors", "newline", "line_buffering",
                             "write_through", NULL};
    PyObject *encoding = Py_None, *errors = Py_None, *newline = NULL;
    PyObject *line_buffering = Py_None, *write_through = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$OOOOO:reconfigure", kwlist,
                                     &encoding, &errors, &newline,
                                     &line_buffering, &write_through)) {
        return NULL;
    }
    if (check_codec_name(encoding) < 0 || check_text_arg(errors, "errors") < 0) {
        return NULL;
    }
    textio *self = TEXTIO(op);
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_attached(self) < 0) {
        goto done;
    }
    if ((encoding != Py_None || errors != Py_None || newline != NULL)
            && self->decoded_chars != NULL) {
        _PyIO_Unsupported("It is not possible to set the encoding or newline "
                          "of stream after the first read");
        goto done;
    }
    PyObject *flushed = flush_locked(self);
    if (flushed == NULL) {
        goto done;
    }
    Py_DECREF(flushed);
    if (newline != NULL && set_newline(self, newline) < 0) {
        goto done;
    }
    if (encoding != Py_None || errors != Py_None) {
        PyObject *new_errors = errors;
        if (encoding != Py_None && errors == Py_None) {
            new_errors = NULL;
        }
        else if (errors == Py_None) {
            new_errors = self->errors;
        }
        PyObject *enc = encoding != Py_None ? encoding : self->encoding;
        Py_INCREF(enc);
        Py_XINCREF(new_errors);
        int rc = set_encoding(self, enc, new_errors);
        Py_DECREF(enc);
        Py_XDECREF(new_errors);
        if (rc < 0) {
            goto done;
        }
        int readable = capability(self->buffer, _PyIO_str_readable);
        int writable = readable < 0 ? -1 : capability(self->buffer, _PyIO_str_writable);
        if (writable < 0 || make_codecs(self, readable, writable) < 0) {
            goto done;
        }
        place_new_encoder(self);
    }
    if (line_buffering != Py_None) {
        int v = PyObject_IsTrue(line_buffering);
        if (v < 0) {
            goto done;
        }
        self->line_buffering = (char)v;
    }
    if (write_through != Py_None) {
        int v = PyObject_IsTrue(write_through);
        if (v < 0) {
            goto done;
        }
        self->write_through = (char)v;
    }
    res = Py_NewRef(Py_None);
done:
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *textio_repr(PyObject *op)
{
    textio *self = TEXTIO(op);
    const char *type_name = Py_TYPE(op)->tp_name;
    /* As in CPython, an uninitialized wrapper has no repr; a detached
       one still shows its encoding. */
    if (!self->ok && !self->detached) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    if (Py_ReprEnter(op) > 0) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                     type_name);
        return NULL;
    }
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(0);
    PyObject *name = NULL, *mode = NULL;
    if (writer == NULL || PyUnicodeWriter_Format(writer, "<%s", type_name) < 0) {
        goto fail;
    }
    if (PyObject_GetOptionalAttr(op, _PyIO_str_name, &name) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_Exception)) {
            goto fail;
        }
        PyErr_Clear();
    }
    if (name != NULL && PyUnicodeWriter_Format(writer, " name=%R", name) < 0) {
        goto fail;
    }
    if (PyObject_GetOptionalAttr(op, _PyIO_str_mode, &mode) < 0) {
        goto fail;
    }
    if (mode != NULL && PyUnicodeWriter_Format(writer, " mode=%R", mode) < 0) {
        goto fail;
    }
    if (PyUnicodeWriter_Format(writer, " encoding=%R>", self->encoding) < 0) {
        goto fail;
    }
    Py_XDECREF(name);
    Py_XDECREF(mode);
    Py_ReprLeave(op);
    return PyUnicodeWriter_Finish(writer);

fail:
    Py_XDECREF(name);
    Py_XDECREF(mode);
    if (writer != NULL) {
        PyUnicodeWriter_Discard(writer);
    }
    Py_ReprLeave(op);
    return NULL;
}

/* ---- attributes ------------------------------------------------------------- */

static PyObject *textio_encoding_get(PyObject *op, void *Py_UNUSED(closure))
{
    textio *self = TEXTIO(op);
    return self->encoding ? Py_NewRef(self->encoding) : Py_NewRef(Py_None);
}

static PyObject *textio_errors_get(PyObject *op, void *Py_UNUSED(closure))
{
    textio *self = TEXTIO(op);
    return self->errors ? Py_NewRef(self->errors) : Py_NewRef(Py_None);
}

static PyObject *textio_line_buffering_get(PyObject *op, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(TEXTIO(op)->line_buffering);
}

static PyObject *textio_write_through_get(PyObject *op, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(TEXTIO(op)->write_through);
}

static PyObject *textio_buffer_get(PyObject *op, void *Py_UNUSED(closure))
{
    textio *self = TEXTIO(op);
    if (check_attached(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self->buffer);
}

static PyObject *textio_closed_get(PyObject *op, void *Py_UNUSED(closure))
{
    textio *self = TEXTIO(op);
    if (check_attached(self) < 0) {
        return NULL;
    }
    return PyObject_GetAttr(self->buffer, _PyIO_str_closed);
}

static PyObject *textio_name_get(PyObject *op, void *Py_UNUSED(closure))
{
    textio *self = TEXTIO(op);
    if (check_attached(self) < 0) {
        return NULL;
    }
    return PyObject_GetAttr(self->buffer, _PyIO_str_name);
}

static PyObject *textio_newlines_get(PyObject *op, void *Py_UNUSED(closure))
{
    textio *self = TEXTIO(op);
    if (self->codec == CODEC_OTHER && self->decoder == NULL) {
        Py_RETURN_NONE;
    }
    if (!self->readuniversal) {
        Py_RETURN_NONE;
    }
    return newlines_value(self->seen);
}

static PyObject *textio_chunk_size_get(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(TEXTIO(op)->chunk_size);
}

static int textio_chunk_size_set(PyObject *op, PyObject *value, void *Py_UNUSED(c))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(value, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (n <= 0) {
        PyErr_SetString(PyExc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    TEXTIO(op)->chunk_size = n;
    return 0;
}

/* ---- lifetime --------------------------------------------------------------- */

static int textio_traverse(PyObject *op, visitproc visit, void *arg)
{
    textio *self = TEXTIO(op);
    Py_VISIT(self->buffer);
    Py_VISIT(self->encoder);
    Py_VISIT(self->decoder);
    Py_VISIT(self->readnl);
    return _PyIOBase_traverse(op, visit, arg);
}

static int textio_clear(PyObject *op)
{
    textio *self = TEXTIO(op);
    self->ok = 0;
    Py_CLEAR(self->buffer);
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->errors);
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->writenl);
    Py_CLEAR(self->encoder);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->partial);
    Py_CLEAR(self->decoded_chars);
    Py_CLEAR(self->snapshot_input);
    _PyIOBase_clear(op);
    return 0;
}

static void textio_dealloc(PyObject *op)
{
    if (_PyIOBase_DeallocStart(op)) {
        return;
    }
    textio_clear(op);
    PyMem_Free(TEXTIO(op)->pending);
    TEXTIO(op)->pending = NULL;
    Py_TYPE(op)->tp_free(op);
}

static void textio_finalize(PyObject *op)
{
    if (TEXTIO(op)->ok) {
        (void)_PyIOBase_Finalize(op);
    }
}

static PyMethodDef textio_methods[] = {
    {"detach", textio_detach, METH_NOARGS, NULL},
    {"reconfigure", _PyCFunction_CAST(textio_reconfigure),
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"write", textio_write, METH_O, NULL},
    {"read", _PyCFunction_CAST(textio_read), METH_FASTCALL, NULL},
    {"readline", _PyCFunction_CAST(textio_readline), METH_FASTCALL, NULL},
    {"flush", textio_flush, METH_NOARGS, NULL},
    {"close", textio_close, METH_NOARGS, NULL},
    {"fileno", textio_fileno, METH_NOARGS, NULL},
    {"seekable", textio_seekable, METH_NOARGS, NULL},
    {"readable", textio_readable, METH_NOARGS, NULL},
    {"writable", textio_writable, METH_NOARGS, NULL},
    {"isatty", textio_isatty, METH_NOARGS, NULL},
    {"seek", _PyCFunction_CAST(textio_seek), METH_FASTCALL, NULL},
    {"tell", textio_tell, METH_NOARGS, NULL},
    {"truncate", _PyCFunction_CAST(textio_truncate), METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef textio_getset[] = {
    {"encoding", textio_encoding_get, NULL, NULL, NULL},
    {"errors", textio_errors_get, NULL, NULL, NULL},
    {"line_buffering", textio_line_buffering_get, NULL, NULL, NULL},
    {"write_through", textio_write_through_get, NULL, NULL, NULL},
    {"buffer", textio_buffer_get, NULL, NULL, NULL},
    {"name", textio_name_get, NULL, NULL, NULL},
    {"closed", textio_closed_get, NULL, NULL, NULL},
    {"newlines", textio_newlines_get, NULL, NULL, NULL},
    {"_CHUNK_SIZE", textio_chunk_size_get, textio_chunk_size_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyTextIOWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(textio),
    .tp_dealloc = textio_dealloc,
    .tp_repr = textio_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Character and line based layer over a BufferedIOBase object, buffer.",
    .tp_traverse = textio_traverse,
    .tp_clear = textio_clear,
    .tp_weaklistoffset = offsetof(textio, weakreflist),
    .tp_iternext = textio_iternext,
    .tp_methods = textio_methods,
    .tp_getset = textio_getset,
    .tp_base = &PyTextIOBase_Type,
    .tp_dictoffset = offsetof(textio, dict),
    .tp_init = textio_init,
    .tp_new = PyType_GenericNew,
    .tp_finalize = textio_finalize,
};
