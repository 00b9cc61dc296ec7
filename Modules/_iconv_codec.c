/* _iconv_codec: the C library's iconv(3) as the engine of the multibyte
   codecs (encodings/_multibyte.py: shift_jis, gbk, big5, euc_kr, ...).

   A Converter wraps one iconv descriptor, in one direction: to the
   encoding (encode) or from it (decode).  It converts as far as it can
   and reports where and why it stopped; the Python layer calls the codec
   error handler and resumes, so every error handler works.

   Thread safety: an iconv descriptor carries conversion state (the shift
   state of ISO-2022 encodings) and must not be used by two threads at
   once.  Each Converter guards its descriptor with its critical section;
   one-shot encode()/decode() calls make their own Converter. */
#include "Python.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

/* Why a conversion stopped (the third item of the result tuples). */
enum stop_reason {
    STOP_DONE = 0,          /* all input converted */
    STOP_ILLEGAL = 1,       /* input at the stop position cannot be converted */
    STOP_INCOMPLETE = 2,    /* the input ends inside a multibyte sequence */
};

typedef struct {
    PyObject_HEAD
    iconv_t descriptor;     /* protected by the object's critical section */
    int decoding;           /* 1: bytes in the encoding -> str */
    PyObject *encoding;     /* the iconv name, for repr() */
} ConverterObject;

/* UTF-32 in the machine's order, so that a code point is one uint32_t. */
#if PY_LITTLE_ENDIAN
#  define UNICODE_SIDE "UTF-32LE"
#else
#  define UNICODE_SIDE "UTF-32BE"
#endif

static PyObject *converter_new(PyTypeObject *type, PyObject *args,
                               PyObject *kwargs)
{
    static char *keywords[] = {"encoding", "decode", NULL};
    const char *encoding;
    int decoding = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "s|p:Converter", keywords,
                                     &encoding, &decoding)) {
        return NULL;
    }
    iconv_t descriptor = decoding ? iconv_open(UNICODE_SIDE, encoding)
                                  : iconv_open(encoding, UNICODE_SIDE);
    if (descriptor == (iconv_t)-1) {
        if (errno == EINVAL) {
            return PyErr_Format(PyExc_LookupError,
                                "the C library cannot convert %s", encoding);
        }
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    ConverterObject *self = (ConverterObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        iconv_close(descriptor);
        return NULL;
    }
    self->descriptor = descriptor;
    self->decoding = decoding;
    self->encoding = PyUnicode_FromString(encoding);
    if (self->encoding == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void converter_dealloc(PyObject *op)
{
    ConverterObject *self = (ConverterObject *)op;
    PyTypeObject *type = Py_TYPE(op);
    if (self->descriptor != NULL && self->descriptor != (iconv_t)-1) {
        iconv_close(self->descriptor);
    }
    Py_XDECREF(self->encoding);
    type->tp_free(op);
    Py_DECREF(type);    /* instances of a heap type own a reference to it */
}

/* An output buffer that grows as iconv asks for room (E2BIG). */
typedef struct {
    char *data;
    size_t size;
    char *next;             /* where iconv writes next */
    size_t left;            /* room after next */
} OutputBuffer;

static int output_init(OutputBuffer *out, size_t size_hint)
{
    out->size = size_hint < 64 ? 64 : size_hint;
    out->data = PyMem_Malloc(out->size);
    if (out->data == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    out->next = out->data;
    out->left = out->size;
    return 0;
}

static int output_grow(OutputBuffer *out)
{
    size_t used = (size_t)(out->next - out->data);
    if (out->size > PY_SSIZE_T_MAX / 2) {
        PyErr_NoMemory();
        return -1;
    }
    char *bigger = PyMem_Realloc(out->data, out->size * 2);
    if (bigger == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    out->data = bigger;
    out->size *= 2;
    out->next = bigger + used;
    out->left = out->size - used;
    return 0;
}

/* Run iconv over [*input, *input + *input_left) into out until the input
   is used up or iconv stops on bad input; with input == NULL, write the
   sequence that returns a stateful encoding to its initial state.
   Returns the stop reason, or -1 with an exception set. */
static int convert(iconv_t descriptor, char **input, size_t *input_left,
                   OutputBuffer *out)
{
    for (;;) {
        size_t done = iconv(descriptor, input, input_left,
                            &out->next, &out->left);
        if (done != (size_t)-1) {
            return STOP_DONE;
        }
        switch (errno) {
        case E2BIG:
            if (output_grow(out) < 0) {
                return -1;
            }
            break;
        case EILSEQ:
            return STOP_ILLEGAL;
        case EINVAL:
            return STOP_INCOMPLETE;
        default:
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
    }
}

/* The index of the first lone surrogate in text at or after start, or
   the length: UTF-32 cannot carry surrogates, so they stop encoding. */
static Py_ssize_t first_surrogate(PyObject *text, Py_ssize_t length)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (kind == PyUnicode_1BYTE_KIND) {
        return length;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch >= 0xD800 && ch <= 0xDFFF) {
            return i;
        }
    }
    return length;
}

static PyObject *make_result(PyObject *output, Py_ssize_t consumed, int reason)
{
    if (output == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nni)", output, consumed, reason);
}

/* encode(text, final) -> (bytes, characters consumed, stop reason).
   Caller holds the converter's critical section. */
static PyObject *encode_locked(ConverterObject *self, PyObject *text, int final)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t convertible = first_surrogate(text, length);
    Py_UCS4 *code_points = PyUnicode_AsUCS4Copy(text);
    if (code_points == NULL) {
        return NULL;
    }
    OutputBuffer out;
    if (output_init(&out, (size_t)convertible * 2 + 8) < 0) {
        PyMem_Free(code_points);
        return NULL;
    }
    char *input = (char *)code_points;
    size_t input_left = (size_t)convertible * sizeof(Py_UCS4);
    int reason = convert(self->descriptor, &input, &input_left, &out);
    Py_ssize_t consumed = (Py_ssize_t)((Py_UCS4 *)input - code_points);
    if (reason == STOP_DONE && consumed < length) {
        reason = STOP_ILLEGAL;          /* stopped at a surrogate */
    }
    if (reason == STOP_INCOMPLETE) {
        reason = STOP_ILLEGAL;          /* cannot happen with whole code points */
    }
    if (reason == STOP_DONE && final) {
        reason = convert(self->descriptor, NULL, NULL, &out);
    }
    PyMem_Free(code_points);
    PyObject *result = reason < 0 ? NULL
        : make_result(PyBytes_FromStringAndSize(out.data, out.next - out.data),
                      consumed, reason);
    PyMem_Free(out.data);
    return result;
}

/* decode(data, final) -> (str, bytes consumed, stop reason).
   STOP_INCOMPLETE is reported only when final is false or when the
   caller must raise for a truncated sequence at the end.
   Caller holds the converter's critical section. */
static PyObject *decode_locked(ConverterObject *self, Py_buffer *view)
{
    OutputBuffer out;
    if (output_init(&out, (size_t)view->len * 4 + 8) < 0) {
        return NULL;
    }
    char *input = view->buf;
    size_t input_left = (size_t)view->len;
    int reason = convert(self->descriptor, &input, &input_left, &out);
    Py_ssize_t consumed = input - (char *)view->buf;
    PyObject *result = NULL;
    if (reason >= 0) {
        Py_ssize_t produced = (out.next - out.data) / (Py_ssize_t)sizeof(Py_UCS4);
        result = make_result(
            PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out.data, produced),
            consumed, reason);
    }
    PyMem_Free(out.data);
    return result;
}

static PyObject *converter_encode(PyObject *op, PyObject *args)
{
    ConverterObject *self = (ConverterObject *)op;
    PyObject *text;
    int final = 0;
    if (!PyArg_ParseTuple(args, "U|p:encode", &text, &final)) {
        return NULL;
    }
    if (self->decoding) {
        PyErr_SetString(PyExc_ValueError, "this converter decodes");
        return NULL;
    }
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(op);
    result = encode_locked(self, text, final);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *converter_decode(PyObject *op, PyObject *args)
{
    ConverterObject *self = (ConverterObject *)op;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "y*:decode", &view)) {
        return NULL;
    }
    if (!self->decoding) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "this converter encodes");
        return NULL;
    }
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(op);
    result = decode_locked(self, &view);
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    return result;
}

static PyObject *converter_reset(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ConverterObject *self = (ConverterObject *)op;
    Py_BEGIN_CRITICAL_SECTION(op);
    iconv(self->descriptor, NULL, NULL, NULL, NULL);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *converter_repr(PyObject *op)
{
    ConverterObject *self = (ConverterObject *)op;
    return PyUnicode_FromFormat("<_iconv_codec.Converter %s %U>",
                                self->decoding ? "from" : "to", self->encoding);
}

static PyMethodDef converter_methods[] = {
    {"encode", converter_encode, METH_VARARGS,
     "encode(text, final=False) -> (bytes, consumed, reason)\n\n"
     "Convert text as far as possible; reason is 0 when all of it was\n"
     "converted, 1 when text[consumed] cannot be encoded.  With final,\n"
     "a stateful encoding is returned to its initial state."},
    {"decode", converter_decode, METH_VARARGS,
     "decode(data) -> (str, consumed, reason)\n\n"
     "Convert data as far as possible; reason is 0 when all of it was\n"
     "converted, 1 when data[consumed:] starts with an invalid sequence,\n"
     "2 when data ends inside a multibyte sequence."},
    {"reset", converter_reset, METH_NOARGS,
     "Return the converter to its initial shift state."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot converter_slots[] = {
    {Py_tp_new, converter_new},
    {Py_tp_dealloc, converter_dealloc},
    {Py_tp_repr, converter_repr},
    {Py_tp_methods, converter_methods},
    {Py_tp_doc, "Converter(encoding, decode=False): one iconv descriptor\n"
                "between str and the named encoding."},
    {0, NULL},
};

static PyType_Spec converter_spec = {
    .name = "_iconv_codec.Converter",
    .basicsize = sizeof(ConverterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = converter_slots,
};

static int iconv_codec_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &converter_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    int status = PyModule_AddObjectRef(module, "Converter", type);
    Py_DECREF(type);
    if (status < 0) {
        return -1;
    }
    if (PyModule_AddIntConstant(module, "DONE", STOP_DONE) < 0
        || PyModule_AddIntConstant(module, "ILLEGAL", STOP_ILLEGAL) < 0
        || PyModule_AddIntConstant(module, "INCOMPLETE", STOP_INCOMPLETE) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot iconv_codec_slots[] = {
    {Py_mod_exec, iconv_codec_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef iconv_codec_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_iconv_codec",
    .m_doc = "The C library's iconv(3), the engine of the multibyte codecs.",
    .m_size = 0,
    .m_slots = iconv_codec_slots,
};

PyMODINIT_FUNC
PyInit__iconv_codec(void)
{
    return PyModuleDef_Init(&iconv_codec_module);
}
