/* _codecs: the C half of the codecs module.  The registry functions
   forward to Python/codecs.c; the codec functions wrap the built-in
   codecs of Objects/unicode_codecs.c in the (result, length consumed)
   form that codecs.Codec and the encodings package expect.

   Every function works on its arguments only (the registry guards its
   own state), so the module holds no state and needs no lock. */
#include "Python.h"
#include "pycore_bytesobject.h"
#include "pycore_codecs.h"
#include "pycore_unicodeobject.h"

/* (value, length): the codec function result; steals value. */
static PyObject *
codec_tuple(PyObject *value, Py_ssize_t length)
{
    if (value == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", value, length);
}

/* ---- the registry ----------------------------------------------------- */

static PyObject *
codecs_register(PyObject *Py_UNUSED(module), PyObject *search_function)
{
    if (PyCodec_Register(search_function) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codecs_unregister(PyObject *Py_UNUSED(module), PyObject *search_function)
{
    if (PyCodec_Unregister(search_function) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codecs_lookup(PyObject *Py_UNUSED(module), PyObject *args)
{
    const char *encoding;
    if (!PyArg_ParseTuple(args, "s:lookup", &encoding)) {
        return NULL;
    }
    return _PyCodec_Lookup(encoding);
}

static PyObject *
codecs_encode(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"obj", "encoding", "errors", NULL};
    PyObject *obj;
    const char *encoding = "utf-8";
    const char *errors = "strict";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|ss:encode", kwlist,
                                     &obj, &encoding, &errors)) {
        return NULL;
    }
    return PyCodec_Encode(obj, encoding, errors);
}

static PyObject *
codecs_decode(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"obj", "encoding", "errors", NULL};
    PyObject *obj;
    const char *encoding = "utf-8";
    const char *errors = "strict";
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|ss:decode", kwlist,
                                     &obj, &encoding, &errors)) {
        return NULL;
    }
    return PyCodec_Decode(obj, encoding, errors);
}

static PyObject *
codecs_forget_codec(PyObject *Py_UNUSED(module), PyObject *args)
{
    const char *encoding;
    if (!PyArg_ParseTuple(args, "s:_forget_codec", &encoding)
        || _PyCodec_Forget(encoding) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codecs_register_error(PyObject *Py_UNUSED(module), PyObject *args)
{
    const char *name;
    PyObject *handler;
    if (!PyArg_ParseTuple(args, "sO:register_error", &name, &handler)
        || PyCodec_RegisterError(name, handler) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codecs_unregister_error(PyObject *Py_UNUSED(module), PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:_unregister_error", &name)) {
        return NULL;
    }
    int rc = _PyCodec_UnregisterError(name);
    if (rc < 0) {
        return NULL;
    }
    return PyBool_FromLong(rc);
}

static PyObject *
codecs_lookup_error(PyObject *Py_UNUSED(module), PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:lookup_error", &name)) {
        return NULL;
    }
    return PyCodec_LookupError(name);
}

/* ---- encoders: (str, errors=None) -> (bytes, len(str)) --------------------- */

typedef PyObject *(*str_encoder)(PyObject *str, const char *errors);

static PyObject *
run_encoder(PyObject *args, const char *format, str_encoder encoder)
{
    PyObject *str;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, format, &str, &errors)) {
        return NULL;
    }
    return codec_tuple(encoder(str, errors), PyUnicode_GET_LENGTH(str));
}

static PyObject *
encode_escaped(PyObject *str, const char *Py_UNUSED(errors))
{
    return PyUnicode_AsUnicodeEscapeString(str);
}

static PyObject *
encode_raw_escaped(PyObject *str, const char *Py_UNUSED(errors))
{
    return PyUnicode_AsRawUnicodeEscapeString(str);
}

#define DEFINE_ENCODER(pyname, encoder)                                   \
    static PyObject *                                                     \
    codecs_##pyname(PyObject *Py_UNUSED(module), PyObject *args)          \
    {                                                                     \
        return run_encoder(args, "U|z:" #pyname, encoder);                \
    }

DEFINE_ENCODER(utf_8_encode, _PyUnicode_AsUTF8String)
DEFINE_ENCODER(utf_7_encode, _PyUnicode_EncodeUTF7)   /* capi (session 6) */
DEFINE_ENCODER(ascii_encode, _PyUnicode_AsASCIIString)
DEFINE_ENCODER(latin_1_encode, _PyUnicode_AsLatin1String)
DEFINE_ENCODER(unicode_escape_encode, encode_escaped)
DEFINE_ENCODER(raw_unicode_escape_encode, encode_raw_escaped)

/* utf_16_encode(str, errors=None, byteorder=0) and the fixed-order
   variants; byteorder 0 writes a BOM and the machine's order. */
static PyObject *
run_utf_encoder(PyObject *args, const char *format, int width, int fixed_order)
{
    PyObject *str;
    const char *errors = NULL;
    int byteorder = fixed_order;
    if (fixed_order != 0) {
        if (!PyArg_ParseTuple(args, format, &str, &errors)) {
            return NULL;
        }
    }
    else if (!PyArg_ParseTuple(args, format, &str, &errors, &byteorder)) {
        return NULL;
    }
    PyObject *bytes = width == 2 ? _PyUnicode_EncodeUTF16(str, errors, byteorder)
                                 : _PyUnicode_EncodeUTF32(str, errors, byteorder);
    return codec_tuple(bytes, PyUnicode_GET_LENGTH(str));
}

static PyObject *
codecs_utf_16_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_encoder(args, "U|zi:utf_16_encode", 2, 0);
}

static PyObject *
codecs_utf_16_le_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_encoder(args, "U|z:utf_16_le_encode", 2, -1);
}

static PyObject *
codecs_utf_16_be_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_encoder(args, "U|z:utf_16_be_encode", 2, 1);
}

static PyObject *
codecs_utf_32_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_encoder(args, "U|zi:utf_32_encode", 4, 0);
}

static PyObject *
codecs_utf_32_le_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_encoder(args, "U|z:utf_32_le_encode", 4, -1);
}

static PyObject *
codecs_utf_32_be_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_encoder(args, "U|z:utf_32_be_encode", 4, 1);
}

static PyObject *
codecs_charmap_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *str;
    const char *errors = NULL;
    PyObject *mapping = Py_None;
    if (!PyArg_ParseTuple(args, "U|zO:charmap_encode", &str, &errors, &mapping)) {
        return NULL;
    }
    return codec_tuple(_PyUnicode_EncodeCharmap(str, mapping, errors),
                       PyUnicode_GET_LENGTH(str));
}

static PyObject *
codecs_charmap_build(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *map;
    if (!PyArg_ParseTuple(args, "U:charmap_build", &map)) {
        return NULL;
    }
    return PyUnicode_BuildEncodingMap(map);
}

/* ---- decoders: (data, errors=None[, final]) -> (str, bytes consumed) -------- */

static PyObject *
codecs_utf_8_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 0;
    if (!PyArg_ParseTuple(args, "y*|zp:utf_8_decode", &data, &errors, &final)) {
        return NULL;
    }
    Py_ssize_t consumed = data.len;
    PyObject *str = PyUnicode_DecodeUTF8Stateful(data.buf, data.len, errors,
                                                 final ? NULL : &consumed);
    PyBuffer_Release(&data);
    return codec_tuple(str, consumed);
}

/* capi (session 6): utf_7_decode(data, errors=None, final=False). */
static PyObject *
codecs_utf_7_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 0;
    if (!PyArg_ParseTuple(args, "y*|zp:utf_7_decode", &data, &errors, &final)) {
        return NULL;
    }
    Py_ssize_t consumed = data.len;
    PyObject *str = PyUnicode_DecodeUTF7Stateful(data.buf, data.len, errors,
                                                 final ? NULL : &consumed);
    PyBuffer_Release(&data);
    return codec_tuple(str, consumed);
}

typedef PyObject *(*simple_decoder)(const char *s, Py_ssize_t size,
                                    const char *errors);

static PyObject *
run_simple_decoder(PyObject *args, const char *format, simple_decoder decoder)
{
    Py_buffer data;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, format, &data, &errors)) {
        return NULL;
    }
    PyObject *str = decoder(data.buf, data.len, errors);
    Py_ssize_t length = data.len;
    PyBuffer_Release(&data);
    return codec_tuple(str, length);
}

static PyObject *
codecs_ascii_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_simple_decoder(args, "y*|z:ascii_decode", PyUnicode_DecodeASCII);
}

static PyObject *
codecs_latin_1_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_simple_decoder(args, "y*|z:latin_1_decode", PyUnicode_DecodeLatin1);
}

static PyObject *
codecs_charmap_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    PyObject *mapping = Py_None;
    if (!PyArg_ParseTuple(args, "y*|zO:charmap_decode", &data, &errors, &mapping)) {
        return NULL;
    }
    PyObject *str = PyUnicode_DecodeCharmap(data.buf, data.len, mapping, errors);
    Py_ssize_t length = data.len;
    PyBuffer_Release(&data);
    return codec_tuple(str, length);
}

/* UTF-16/32 decoding with a byte order: *byteorder 0 detects a BOM and
   reports the order found; -1 little, 1 big endian. */
static PyObject *
decode_utf(int width, Py_buffer *data, const char *errors, int *byteorder,
           int final, Py_ssize_t *consumed)
{
    *consumed = data->len;
    if (width == 2) {
        return PyUnicode_DecodeUTF16Stateful(data->buf, data->len, errors,
                                             byteorder, final ? NULL : consumed);
    }
    return PyUnicode_DecodeUTF32Stateful(data->buf, data->len, errors,
                                         byteorder, final ? NULL : consumed);
}

static PyObject *
run_utf_decoder(PyObject *args, const char *format, int width, int byteorder)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 0;
    if (!PyArg_ParseTuple(args, format, &data, &errors, &final)) {
        return NULL;
    }
    Py_ssize_t consumed;
    PyObject *str = decode_utf(width, &data, errors, &byteorder, final, &consumed);
    PyBuffer_Release(&data);
    return codec_tuple(str, consumed);
}

/* The byte order a BOM at the start of data announces: -1 little, 1 big
   endian, 0 when data does not start with a complete BOM. */
static int
bom_byteorder(const Py_buffer *data, int width)
{
    const unsigned char *p = data->buf;
    if (data->len < width) {
        return 0;
    }
    if (width == 2) {
        return p[0] == 0xFF && p[1] == 0xFE ? -1
               : p[0] == 0xFE && p[1] == 0xFF ? 1 : 0;
    }
    if (p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
        return -1;
    }
    return p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF ? 1 : 0;
}

/* utf_16_ex_decode(data, errors=None, byteorder=0, final=False) ->
   (str, consumed, byteorder): with byteorder 0 the order comes from a
   BOM, and stays 0 (reported as such) while none has been seen. */
static PyObject *
run_utf_ex_decoder(PyObject *args, const char *format, int width)
{
    Py_buffer data;
    const char *errors = NULL;
    int byteorder = 0;
    int final = 0;
    if (!PyArg_ParseTuple(args, format, &data, &errors, &byteorder, &final)) {
        return NULL;
    }
    int detect = byteorder == 0;
    int announced = detect ? bom_byteorder(&data, width) : byteorder;
    Py_ssize_t consumed;
    PyObject *str = decode_utf(width, &data, errors, &byteorder, final, &consumed);
    PyBuffer_Release(&data);
    if (str == NULL) {
        return NULL;
    }
    if (detect) {
        byteorder = announced;
    }
    return Py_BuildValue("(Nni)", str, consumed, byteorder);
}

static PyObject *
codecs_utf_16_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_decoder(args, "y*|zp:utf_16_decode", 2, 0);
}

static PyObject *
codecs_utf_16_le_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_decoder(args, "y*|zp:utf_16_le_decode", 2, -1);
}

static PyObject *
codecs_utf_16_be_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_decoder(args, "y*|zp:utf_16_be_decode", 2, 1);
}

static PyObject *
codecs_utf_16_ex_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_ex_decoder(args, "y*|zip:utf_16_ex_decode", 2);
}

static PyObject *
codecs_utf_32_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_decoder(args, "y*|zp:utf_32_decode", 4, 0);
}

static PyObject *
codecs_utf_32_le_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_decoder(args, "y*|zp:utf_32_le_decode", 4, -1);
}

static PyObject *
codecs_utf_32_be_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_decoder(args, "y*|zp:utf_32_be_decode", 4, 1);
}

static PyObject *
codecs_utf_32_ex_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    return run_utf_ex_decoder(args, "y*|zip:utf_32_ex_decode", 4);
}

/* The DeprecationWarning for the first invalid escape of the escape
   codecs, as CPython words it; `backslash` points at it (NULL: none).
   0 or -1 (the warning was turned into an error). */
static int warn_invalid_escape(const char *backslash)
{
    if (backslash == NULL) {
        return 0;
    }
    unsigned char c = (unsigned char)backslash[1];
    if (c >= '0' && c <= '7') {
        return PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                "\"\\%.3s\" is an invalid octal escape "
                                "sequence. Such sequences will not work in "
                                "the future. ", backslash + 1);
    }
    return PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                            "\"\\%c\" is an invalid escape sequence. Such "
                            "sequences will not work in the future. ", c);
}

/* unicode_escape_decode(data, errors=None, final=True): a trailing
   incomplete escape is left unconsumed when final is false.  Warns once
   about the first invalid escape, as CPython. */
static PyObject *
codecs_unicode_escape_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 1;
    if (!PyArg_ParseTuple(args, "s*|zp:unicode_escape_decode", &data, &errors,
                          &final)) {
        return NULL;
    }
    Py_ssize_t consumed = data.len;
    const char *invalid = NULL;
    PyObject *str = _PyUnicode_DecodeUnicodeEscapeInternal(
        data.buf, data.len, errors, final ? NULL : &consumed, &invalid);
    if (str != NULL && warn_invalid_escape(invalid) < 0) {
        Py_CLEAR(str);
    }
    PyBuffer_Release(&data);
    return codec_tuple(str, consumed);
}

static int
is_hex_digit(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
           || (c >= 'A' && c <= 'F');
}

/* Where an unfinished \uXXXX or \UXXXXXXXX escape starts at the end of
   s[0:size], or size if there is none.  The backslash starts an escape
   only when an even number of backslashes precede it. */
static Py_ssize_t
raw_escape_cut(const unsigned char *s, Py_ssize_t size)
{
    for (Py_ssize_t back = 1; back <= 10 && back <= size; back++) {
        Py_ssize_t start = size - back;
        if (s[start] != '\\') {
            continue;
        }
        Py_ssize_t preceding = 0;
        while (start - preceding > 0 && s[start - preceding - 1] == '\\') {
            preceding++;
        }
        if (preceding % 2 != 0) {
            continue;
        }
        if (back == 1) {
            return start;
        }
        int digits = s[start + 1] == 'u' ? 4 : s[start + 1] == 'U' ? 8 : 0;
        if (digits == 0 || back - 2 >= digits) {
            return size;
        }
        for (Py_ssize_t i = start + 2; i < size; i++) {
            if (!is_hex_digit(s[i])) {
                return size;
            }
        }
        return start;
    }
    return size;
}

static PyObject *
codecs_raw_unicode_escape_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 1;
    if (!PyArg_ParseTuple(args, "s*|zp:raw_unicode_escape_decode", &data,
                          &errors, &final)) {
        return NULL;
    }
    Py_ssize_t consumed = data.len;
    if (!final) {
        consumed = raw_escape_cut(data.buf, data.len);
    }
    PyObject *str = PyUnicode_DecodeRawUnicodeEscape(data.buf, consumed, errors);
    PyBuffer_Release(&data);
    return codec_tuple(str, consumed);
}

/* ---- bytes to bytes -------------------------------------------------------- */

/* escape_encode(bytes, errors=None): the body of the bytes' repr. */
static PyObject *
codecs_escape_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *data;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "O!|z:escape_encode", &PyBytes_Type, &data,
                          &errors)) {
        return NULL;
    }
    PyObject *repr = PyBytes_Repr(data, 0);
    if (repr == NULL) {
        return NULL;
    }
    /* b'...': drop the prefix and the quotes; the body is ASCII. */
    Py_ssize_t len = PyUnicode_GET_LENGTH(repr);
    PyObject *body = PyBytes_FromStringAndSize(
        (const char *)PyUnicode_DATA(repr) + 2, len - 3);
    Py_DECREF(repr);
    return codec_tuple(body, PyBytes_GET_SIZE(data));
}

static PyObject *
codecs_escape_decode(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "s*|z:escape_decode", &data, &errors)) {
        return NULL;
    }
    const char *invalid;
    PyObject *bytes = _PyBytes_DecodeEscape2(data.buf, data.len, errors, &invalid);
    if (bytes != NULL && warn_invalid_escape(invalid) < 0) {
        Py_CLEAR(bytes);
    }
    Py_ssize_t length = data.len;
    PyBuffer_Release(&data);
    return codec_tuple(bytes, length);
}

static PyObject *
codecs_readbuffer_encode(PyObject *Py_UNUSED(module), PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "s*|z:readbuffer_encode", &data, &errors)) {
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(data.buf, data.len);
    Py_ssize_t length = data.len;
    PyBuffer_Release(&data);
    return codec_tuple(bytes, length);
}

static PyMethodDef codecs_methods[] = {
    {"register", codecs_register, METH_O,
     "register($module, search_function, /)\n--\n\n"
     "Add a function mapping a normalised encoding name to a CodecInfo\n"
     "(or None) to the codec registry."},
    {"unregister", codecs_unregister, METH_O,
     "unregister($module, search_function, /)\n--\n\n"
     "Remove a search function; cached lookups are forgotten."},
    {"lookup", codecs_lookup, METH_VARARGS,
     "lookup($module, encoding, /)\n--\n\n"
     "The CodecInfo of the codec for encoding (LookupError if none)."},
    {"encode", _PyCFunction_CAST(codecs_encode), METH_VARARGS | METH_KEYWORDS,
     "encode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\n"
     "Run the encoder of the codec for encoding on obj; errors names the\n"
     "error handler."},
    {"decode", _PyCFunction_CAST(codecs_decode), METH_VARARGS | METH_KEYWORDS,
     "decode($module, /, obj, encoding='utf-8', errors='strict')\n--\n\n"
     "Run the decoder of the codec for encoding on obj; errors names the\n"
     "error handler."},
    {"_forget_codec", codecs_forget_codec, METH_VARARGS,
     "_forget_codec($module, encoding, /)\n--\n\n"
     "Drop encoding's entry from the registry's lookup cache."},
    {"register_error", codecs_register_error, METH_VARARGS,
     "register_error($module, errors, handler, /)\n--\n\n"
     "Make handler, a callable taking a UnicodeError and returning\n"
     "(replacement, resume position), the error handler named errors."},
    {"_unregister_error", codecs_unregister_error, METH_VARARGS,
     "_unregister_error($module, errors, /)\n--\n\n"
     "Un-register a custom error handler: True if one was removed, False "
     "if there was none; the built-in handlers cannot be removed."},
    {"lookup_error", codecs_lookup_error, METH_VARARGS,
     "lookup_error($module, name, /)\n--\n\n"
     "The error handler registered as name (LookupError if none)."},
    {"utf_7_encode", codecs_utf_7_encode, METH_VARARGS, NULL},
    {"utf_7_decode", codecs_utf_7_decode, METH_VARARGS, NULL},
    {"utf_8_encode", codecs_utf_8_encode, METH_VARARGS, NULL},
    {"utf_8_decode", codecs_utf_8_decode, METH_VARARGS, NULL},
    {"utf_16_encode", codecs_utf_16_encode, METH_VARARGS, NULL},
    {"utf_16_le_encode", codecs_utf_16_le_encode, METH_VARARGS, NULL},
    {"utf_16_be_encode", codecs_utf_16_be_encode, METH_VARARGS, NULL},
    {"utf_16_decode", codecs_utf_16_decode, METH_VARARGS, NULL},
    {"utf_16_le_decode", codecs_utf_16_le_decode, METH_VARARGS, NULL},
    {"utf_16_be_decode", codecs_utf_16_be_decode, METH_VARARGS, NULL},
    {"utf_16_ex_decode", codecs_utf_16_ex_decode, METH_VARARGS, NULL},
    {"utf_32_encode", codecs_utf_32_encode, METH_VARARGS, NULL},
    {"utf_32_le_encode", codecs_utf_32_le_encode, METH_VARARGS, NULL},
    {"utf_32_be_encode", codecs_utf_32_be_encode, METH_VARARGS, NULL},
    {"utf_32_decode", codecs_utf_32_decode, METH_VARARGS, NULL},
    {"utf_32_le_decode", codecs_utf_32_le_decode, METH_VARARGS, NULL},
    {"utf_32_be_decode", codecs_utf_32_be_decode, METH_VARARGS, NULL},
    {"utf_32_ex_decode", codecs_utf_32_ex_decode, METH_VARARGS, NULL},
    {"ascii_encode", codecs_ascii_encode, METH_VARARGS, NULL},
    {"ascii_decode", codecs_ascii_decode, METH_VARARGS, NULL},
    {"latin_1_encode", codecs_latin_1_encode, METH_VARARGS, NULL},
    {"latin_1_decode", codecs_latin_1_decode, METH_VARARGS, NULL},
    {"charmap_encode", codecs_charmap_encode, METH_VARARGS, NULL},
    {"charmap_decode", codecs_charmap_decode, METH_VARARGS, NULL},
    {"charmap_build", codecs_charmap_build, METH_VARARGS, NULL},
    {"unicode_escape_encode", codecs_unicode_escape_encode, METH_VARARGS, NULL},
    {"unicode_escape_decode", codecs_unicode_escape_decode, METH_VARARGS, NULL},
    {"raw_unicode_escape_encode", codecs_raw_unicode_escape_encode,
     METH_VARARGS, NULL},
    {"raw_unicode_escape_decode", codecs_raw_unicode_escape_decode,
     METH_VARARGS, NULL},
    {"escape_encode", codecs_escape_encode, METH_VARARGS, NULL},
    {"escape_decode", codecs_escape_decode, METH_VARARGS, NULL},
    {"readbuffer_encode", codecs_readbuffer_encode, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot codecs_slots[] = {
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef codecs_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_codecs",
    .m_doc = "The C half of the codecs module: the codec registry and the "
             "built-in codecs.",
    .m_size = 0,
    .m_methods = codecs_methods,
    .m_slots = codecs_slots,
};

PyMODINIT_FUNC
PyInit__codecs(void)
{
    return PyModuleDef_Init(&codecs_module);
}
