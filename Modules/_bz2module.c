/* The _bz2 module: incremental bzip2 compression and decompression on
   libbzip2, behind Lib/bz2.py.

   Thread safety: each compressor and decompressor owns a bz_stream that
   libbzip2 mutates on every call, so all use of it happens with the
   object's `mutex` held (in both builds); the library calls themselves
   run detached so other threads go on meanwhile.  A thread waiting for
   the mutex waits detached too. */
#include "Python.h"
#include "pycore_pystate.h"       /* _PyMutex_LockDetached */

#ifdef HAVE_LIBBZ2

#include "pycore_lock.h"
#include "pycore_output_buffer.h"
#include "compression_common.h"

#include <bzlib.h>
#include <limits.h>
#include <string.h>

/* Output grows from this size, doubling, up to the caller's limit. */
#define INITIAL_OUTPUT 8192

typedef struct {
    _PyCompressorObject base;   /* its mutex guards bzs */
    bz_stream bzs;
} CompressorObject;

typedef struct {
    _PyDecompressorObject base; /* its mutex guards bzs */
    bz_stream bzs;
    int initialised;
} DecompressorObject;

static PyTypeObject Compressor_Type;
static PyTypeObject Decompressor_Type;

/* Raise the Python exception matching a libbzip2 error; 0 if none. */
static int catch_bz2_error(int bzerror)
{
    switch (bzerror) {
    case BZ_OK:
    case BZ_RUN_OK:
    case BZ_FLUSH_OK:
    case BZ_FINISH_OK:
    case BZ_STREAM_END:
        return 0;
    case BZ_PARAM_ERROR:
        PyErr_SetString(PyExc_ValueError,
                        "Internal error - invalid parameters passed to "
                        "libbzip2");
        return 1;
    case BZ_MEM_ERROR:
        PyErr_NoMemory();
        return 1;
    case BZ_DATA_ERROR:
    case BZ_DATA_ERROR_MAGIC:
        PyErr_SetString(PyExc_OSError, "Invalid data stream");
        return 1;
    case BZ_IO_ERROR:
        PyErr_SetString(PyExc_OSError, "Unknown I/O error");
        return 1;
    case BZ_UNEXPECTED_EOF:
        PyErr_SetString(PyExc_EOFError,
                        "Compressed file ended before the logical "
                        "end-of-stream was detected");
        return 1;
    case BZ_SEQUENCE_ERROR:
        PyErr_SetString(PyExc_RuntimeError,
                        "Internal error - Invalid sequence of commands sent "
                        "to libbzip2");
        return 1;
    default:
        PyErr_Format(PyExc_OSError,
                     "Unrecognized error from libbzip2: %d", bzerror);
        return 1;
    }
}

/* ---- output ------------------------------------------------------------- */

/* Point the stream's output at the buffer's free room (growing it when
   full).  Returns the room, 0 at the limit, -1 on error. */
static Py_ssize_t point_output(_PyOutputBuffer *out, bz_stream *bzs)
{
    void *next;
    Py_ssize_t room = _PyOutputBuffer_Reserve(out, &next);
    if (room < 0) {
        return -1;
    }
    bzs->next_out = next;
    bzs->avail_out = room > UINT_MAX ? UINT_MAX : (unsigned int)room;
    return room;
}

/* ---- compressor --------------------------------------------------------- */

/* Run BZ2_bzCompress over data[0:len] until the input is consumed
   (BZ_RUN) or, to finish, the stream ends (BZ_FINISH).  Mutex held. */
static PyObject *compress_locked(PyObject *op, const char *data,
                                 size_t len, int finish)
{
    CompressorObject *c = (CompressorObject *)op;
    int action = finish ? BZ_FINISH : BZ_RUN;
    _PyOutputBuffer out;
    if (_PyOutputBuffer_Init(&out, INITIAL_OUTPUT, -1) < 0) {
        return NULL;
    }
    c->bzs.next_in = (char *)data;
    c->bzs.avail_in = 0;
    for (;;) {
        if (c->bzs.avail_in == 0 && len > 0) {
            c->bzs.avail_in = len > UINT_MAX ? UINT_MAX : (unsigned int)len;
            len -= c->bzs.avail_in;
        }
        if (action == BZ_RUN && c->bzs.avail_in == 0) {
            break;
        }
        if (point_output(&out, &c->bzs) < 0) {
            goto error;
        }
        int ret;
        Py_BEGIN_ALLOW_THREADS
        ret = BZ2_bzCompress(&c->bzs, action);
        Py_END_ALLOW_THREADS
        _PyOutputBuffer_Commit(&out, c->bzs.next_out);
        if (catch_bz2_error(ret)) {
            goto error;
        }
        if (action == BZ_FINISH && ret == BZ_STREAM_END) {
            break;
        }
    }
    return _PyOutputBuffer_Finish(&out);
error:
    _PyOutputBuffer_Abandon(&out);
    return NULL;
}

static PyObject *compressor_new(PyTypeObject *type, PyObject *args,
                                PyObject *kwds)
{
    int compresslevel = 9;
    if (type == &Compressor_Type
        && !_PyArg_NoKeywords("BZ2Compressor", kwds)) {
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "|i:BZ2Compressor", &compresslevel)) {
        return NULL;
    }
    if (compresslevel < 1 || compresslevel > 9) {
        PyErr_SetString(PyExc_ValueError,
                        "compresslevel must be between 1 and 9");
        return NULL;
    }
    CompressorObject *c = (CompressorObject *)type->tp_alloc(type, 0);
    if (c == NULL) {
        return NULL;
    }
    c->base.mutex = (PyMutex){0};
    c->base.run = compress_locked;
    memset(&c->bzs, 0, sizeof(c->bzs));
    int ret = BZ2_bzCompressInit(&c->bzs, compresslevel, 0, 0);
    if (catch_bz2_error(ret)) {
        /* bzs holds nothing to free after a failed init. */
        c->base.flushed = -1;
        Py_DECREF(c);
        return NULL;
    }
    return (PyObject *)c;
}

static void compressor_dealloc(PyObject *op)
{
    CompressorObject *c = (CompressorObject *)op;
    if (c->base.flushed >= 0) {
        BZ2_bzCompressEnd(&c->bzs);
    }
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef compressor_methods[] = {
    _PyCompressor_METHODS,
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Compressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_bz2.BZ2Compressor",
    .tp_basicsize = sizeof(CompressorObject),
    .tp_dealloc = compressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "BZ2Compressor(compresslevel=9, /)\n--\n\n"
              "An incremental bzip2 compressor; compresslevel is 1 to 9.",
    .tp_methods = compressor_methods,
    .tp_new = compressor_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* ---- decompressor ------------------------------------------------------- */

/* Decompress data[0:*len] into at most `limit` bytes (negative: all);
   *len becomes the count left unconsumed.  Mutex held. */
static PyObject *decompress_locked(PyObject *op, const char *data,
                                   size_t *len, Py_ssize_t limit)
{
    DecompressorObject *d = (DecompressorObject *)op;
    _PyOutputBuffer out;
    if (_PyOutputBuffer_Init(&out, INITIAL_OUTPUT, limit) < 0) {
        return NULL;
    }
    bz_stream *bzs = &d->bzs;
    bzs->next_in = (char *)data;
    for (;;) {
        if (_PyOutputBuffer_IsFull(&out)) {
            break;
        }
        unsigned int chunk = *len > UINT_MAX ? UINT_MAX : (unsigned int)*len;
        bzs->avail_in = chunk;
        if (point_output(&out, bzs) < 0) {
            goto error;
        }
        int ret;
        Py_BEGIN_ALLOW_THREADS
        ret = BZ2_bzDecompress(bzs);
        Py_END_ALLOW_THREADS
        *len -= chunk - bzs->avail_in;
        _PyOutputBuffer_Commit(&out, bzs->next_out);
        if (catch_bz2_error(ret)) {
            goto error;
        }
        if (ret == BZ_STREAM_END) {
            d->base.eof = 1;
            break;
        }
        /* All input used and output not filled: nothing more pending. */
        if (*len == 0 && bzs->avail_out > 0) {
            break;
        }
    }
    return _PyOutputBuffer_Finish(&out);
error:
    _PyOutputBuffer_Abandon(&out);
    return NULL;
}

static const _PyDecompressorKind bz2_decompressor = {
    .eof_message = "End of stream already reached",
    .run = decompress_locked,
};

static PyObject *decompressor_new(PyTypeObject *type, PyObject *args,
                                  PyObject *kwds)
{
    if (type == &Decompressor_Type
        && (!_PyArg_NoPositional("BZ2Decompressor", args)
            || !_PyArg_NoKeywords("BZ2Decompressor", kwds))) {
        return NULL;
    }
    DecompressorObject *d = (DecompressorObject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    memset(&d->bzs, 0, sizeof(d->bzs));
    if (_PyDecompressor_InitHead(&d->base, &bz2_decompressor) < 0
        || catch_bz2_error(BZ2_bzDecompressInit(&d->bzs, 0, 0))) {
        Py_DECREF(d);
        return NULL;
    }
    d->initialised = 1;
    return (PyObject *)d;
}

static void decompressor_dealloc(PyObject *op)
{
    DecompressorObject *d = (DecompressorObject *)op;
    if (d->initialised) {
        BZ2_bzDecompressEnd(&d->bzs);
    }
    _PyDecompressor_ClearHead(&d->base);
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef decompressor_methods[] = {
    {"decompress", _PyCFunction_CAST(_PyDecompressor_Decompress),
     METH_VARARGS | METH_KEYWORDS,
     "decompress($self, /, data, max_length=-1)\n--\n\n"
     "Decompress data and return at most max_length bytes (all when "
     "negative).\nneeds_input is False when more output is ready "
     "without new data;\nbytes after the end of the stream go to "
     "unused_data."},
    {"__reduce__", _PyCompression_RefusePickle, METH_NOARGS,
     "__reduce__($self, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef decompressor_getset[] = {
    _PyDecompressor_GETSET,
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Decompressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_bz2.BZ2Decompressor",
    .tp_basicsize = sizeof(DecompressorObject),
    .tp_dealloc = decompressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "BZ2Decompressor()\n--\n\n"
              "An incremental bzip2 decompressor for one stream.",
    .tp_methods = decompressor_methods,
    .tp_getset = decompressor_getset,
    .tp_new = decompressor_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* ---- module ------------------------------------------------------------- */

static int bz2_exec(PyObject *module)
{
    PyTypeObject *types[] = {&Compressor_Type, &Decompressor_Type};
    for (size_t i = 0; i < 2; i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
        const char *dot = strrchr(types[i]->tp_name, '.');
        if (PyModule_AddObjectRef(module, dot + 1,
                                  (PyObject *)types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot bz2_slots[] = {
    {Py_mod_exec, bz2_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef bz2_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_bz2",
    .m_size = 0,
    .m_slots = bz2_slots,
};

PyMODINIT_FUNC
PyInit__bz2(void)
{
    return PyModuleDef_Init(&bz2_module);
}

#endif /* HAVE_LIBBZ2 */
