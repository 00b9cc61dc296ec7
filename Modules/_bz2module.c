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

#include <bzlib.h>
#include <limits.h>
#include <string.h>

/* Output grows from this size, doubling, up to the caller's limit. */
#define INITIAL_OUTPUT 8192

typedef struct {
    PyObject_HEAD
    PyMutex mutex;              /* guards everything below */
    bz_stream bzs;
    int flushed;
} CompressorObject;

typedef struct {
    PyObject_HEAD
    PyMutex mutex;              /* guards everything below */
    bz_stream bzs;
    int eof;                    /* -1 until the stream is initialised */
    int needs_input;
    PyObject *unused_data;      /* bytes; after the end of stream */
    char *input;                /* unconsumed input kept between calls */
    size_t input_len;           /* bytes of `input` not yet consumed */
    size_t input_offset;        /* where they start in `input` */
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

/* Run BZ2_bzCompress with `action` over data[0:len] until the input is
   consumed (BZ_RUN) or the stream ends (BZ_FINISH).  Mutex held. */
static PyObject *compress_locked(CompressorObject *c, const char *data,
                                 size_t len, int action)
{
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

/* The stream and `flushed` are only touched with the mutex held. */
static PyObject *compressor_compress(PyObject *op, PyObject *arg)
{
    CompressorObject *c = (CompressorObject *)op;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    _PyMutex_LockDetached(&c->mutex);
    if (c->flushed) {
        PyErr_SetString(PyExc_ValueError, "Compressor has been flushed");
    }
    else {
        result = compress_locked(c, view.buf, (size_t)view.len, BZ_RUN);
    }
    PyMutex_Unlock(&c->mutex);
    PyBuffer_Release(&view);
    return result;
}

static PyObject *compressor_flush(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    CompressorObject *c = (CompressorObject *)op;
    PyObject *result = NULL;
    _PyMutex_LockDetached(&c->mutex);
    if (c->flushed) {
        PyErr_SetString(PyExc_ValueError, "Repeated call to flush()");
    }
    else {
        c->flushed = 1;
        result = compress_locked(c, NULL, 0, BZ_FINISH);
    }
    PyMutex_Unlock(&c->mutex);
    return result;
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
    c->mutex = (PyMutex){0};
    memset(&c->bzs, 0, sizeof(c->bzs));
    int ret = BZ2_bzCompressInit(&c->bzs, compresslevel, 0, 0);
    if (catch_bz2_error(ret)) {
        /* bzs holds nothing to free after a failed init. */
        c->flushed = -1;
        Py_DECREF(c);
        return NULL;
    }
    return (PyObject *)c;
}

static void compressor_dealloc(PyObject *op)
{
    CompressorObject *c = (CompressorObject *)op;
    if (c->flushed >= 0) {
        BZ2_bzCompressEnd(&c->bzs);
    }
    Py_TYPE(op)->tp_free(op);
}

static PyObject *refuse_pickle(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.100s' object",
                 Py_TYPE(op)->tp_name);
    return NULL;
}

static PyMethodDef compressor_methods[] = {
    {"compress", compressor_compress, METH_O,
     "compress($self, data, /)\n--\n\nCompress data; returns what "
     "output is ready (maybe b''). Call flush() at the end."},
    {"flush", compressor_flush, METH_NOARGS,
     "flush($self, /)\n--\n\nEnd the stream and return the rest of "
     "the output; the compressor cannot be used afterwards."},
    {"__reduce__", refuse_pickle, METH_NOARGS, NULL},
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

/* Decompress from the stream's current input into at most `limit`
   bytes (negative: all).  Mutex held.  Returns the output or NULL. */
static PyObject *decompress_locked(DecompressorObject *d, size_t *avail_in,
                                   Py_ssize_t limit)
{
    _PyOutputBuffer out;
    if (_PyOutputBuffer_Init(&out, INITIAL_OUTPUT, limit) < 0) {
        return NULL;
    }
    bz_stream *bzs = &d->bzs;
    for (;;) {
        if (_PyOutputBuffer_IsFull(&out)) {
            break;
        }
        unsigned int chunk = *avail_in > UINT_MAX ? UINT_MAX
                                                  : (unsigned int)*avail_in;
        bzs->avail_in = chunk;
        if (point_output(&out, bzs) < 0) {
            goto error;
        }
        int ret;
        Py_BEGIN_ALLOW_THREADS
        ret = BZ2_bzDecompress(bzs);
        Py_END_ALLOW_THREADS
        *avail_in -= chunk - bzs->avail_in;
        _PyOutputBuffer_Commit(&out, bzs->next_out);
        if (catch_bz2_error(ret)) {
            goto error;
        }
        if (ret == BZ_STREAM_END) {
            d->eof = 1;
            break;
        }
        /* All input used and output not filled: nothing more pending. */
        if (*avail_in == 0 && bzs->avail_out > 0) {
            break;
        }
    }
    return _PyOutputBuffer_Finish(&out);
error:
    _PyOutputBuffer_Abandon(&out);
    return NULL;
}

/* Keep data[0:len] (unconsumed input) for the next call. */
static int keep_input(DecompressorObject *d, const char *data, size_t len)
{
    if (d->input != NULL && data >= d->input
        && data < d->input + d->input_offset + d->input_len) {
        /* Still inside our own buffer: just move the window. */
        d->input_offset = (size_t)(data - d->input);
        d->input_len = len;
        return 0;
    }
    char *copy = PyMem_Malloc(len ? len : 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, data, len);
    PyMem_Free(d->input);
    d->input = copy;
    d->input_offset = 0;
    d->input_len = len;
    return 0;
}

/* Concatenate kept input and new data into one buffer owned by d. */
static int join_input(DecompressorObject *d, Py_buffer *view)
{
    size_t total = d->input_len + (size_t)view->len;
    char *joined = PyMem_Malloc(total ? total : 1);
    if (joined == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(joined, d->input + d->input_offset, d->input_len);
    memcpy(joined + d->input_len, view->buf, (size_t)view->len);
    PyMem_Free(d->input);
    d->input = joined;
    d->input_offset = 0;
    d->input_len = total;
    return 0;
}

/* One decompress() call; the caller holds the mutex, which guards the
   stream, the kept input and the state flags. */
static PyObject *decompress_impl(DecompressorObject *d, Py_buffer *view,
                                 Py_ssize_t max_length)
{
    if (d->eof) {
        PyErr_SetString(PyExc_EOFError, "End of stream already reached");
        return NULL;
    }
    const char *start;
    size_t avail;
    if (d->input_len > 0) {
        if (join_input(d, view) < 0) {
            return NULL;
        }
        start = d->input;
        avail = d->input_len;
    }
    else {
        start = view->buf;
        avail = (size_t)view->len;
    }
    d->bzs.next_in = (char *)start;
    PyObject *result = decompress_locked(d, &avail, max_length);
    if (result == NULL) {
        return NULL;
    }
    const char *rest = d->bzs.next_in;
    if (d->eof) {
        d->needs_input = 0;
        if (avail > 0) {
            PyObject *unused = PyBytes_FromStringAndSize(rest,
                                                         (Py_ssize_t)avail);
            if (unused == NULL) {
                Py_DECREF(result);
                return NULL;
            }
            Py_SETREF(d->unused_data, unused);
        }
        d->input_len = 0;
    }
    else if (avail == 0) {
        d->input_len = 0;
        /* A full output buffer may leave output pending in the stream. */
        d->needs_input = !(max_length >= 0
                           && PyBytes_GET_SIZE(result) == max_length);
    }
    else {
        d->needs_input = 0;
        if (keep_input(d, rest, avail) < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *decompressor_decompress(PyObject *op, PyObject *args,
                                         PyObject *kwds)
{
    static char *keywords[] = {"data", "max_length", NULL};
    DecompressorObject *d = (DecompressorObject *)op;
    Py_buffer view;
    Py_ssize_t max_length = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|n:decompress", keywords,
                                     &view, &max_length)) {
        return NULL;
    }
    _PyMutex_LockDetached(&d->mutex);
    PyObject *result = decompress_impl(d, &view, max_length);
    PyMutex_Unlock(&d->mutex);
    PyBuffer_Release(&view);
    return result;
}

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
    d->mutex = (PyMutex){0};
    memset(&d->bzs, 0, sizeof(d->bzs));
    d->needs_input = 1;
    d->input = NULL;
    d->input_len = d->input_offset = 0;
    d->unused_data = PyBytes_FromStringAndSize(NULL, 0);
    d->eof = -1;                    /* not initialised: nothing to end */
    if (d->unused_data == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    if (catch_bz2_error(BZ2_bzDecompressInit(&d->bzs, 0, 0))) {
        Py_DECREF(d);
        return NULL;
    }
    d->eof = 0;
    return (PyObject *)d;
}

static void decompressor_dealloc(PyObject *op)
{
    DecompressorObject *d = (DecompressorObject *)op;
    if (d->eof >= 0) {
        BZ2_bzDecompressEnd(&d->bzs);
    }
    PyMem_Free(d->input);
    Py_XDECREF(d->unused_data);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *decompressor_get_eof(PyObject *op, void *Py_UNUSED(c))
{
    DecompressorObject *d = (DecompressorObject *)op;
    _PyMutex_LockDetached(&d->mutex);
    int eof = d->eof > 0;
    PyMutex_Unlock(&d->mutex);
    return PyBool_FromLong(eof);
}

static PyObject *decompressor_get_unused(PyObject *op, void *Py_UNUSED(c))
{
    DecompressorObject *d = (DecompressorObject *)op;
    _PyMutex_LockDetached(&d->mutex);
    PyObject *unused = Py_NewRef(d->unused_data);
    PyMutex_Unlock(&d->mutex);
    return unused;
}

static PyObject *decompressor_get_needs_input(PyObject *op,
                                              void *Py_UNUSED(c))
{
    DecompressorObject *d = (DecompressorObject *)op;
    _PyMutex_LockDetached(&d->mutex);
    int needs = d->needs_input;
    PyMutex_Unlock(&d->mutex);
    return PyBool_FromLong(needs);
}

static PyMethodDef decompressor_methods[] = {
    {"decompress", _PyCFunction_CAST(decompressor_decompress),
     METH_VARARGS | METH_KEYWORDS,
     "decompress($self, /, data, max_length=-1)\n--\n\n"
     "Decompress data and return at most max_length bytes (all when "
     "negative).\nneeds_input is False when more output is ready "
     "without new data;\nbytes after the end of the stream go to "
     "unused_data."},
    {"__reduce__", refuse_pickle, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef decompressor_getset[] = {
    {"eof", decompressor_get_eof, NULL,
     "True if the end-of-stream marker has been reached.", NULL},
    {"unused_data", decompressor_get_unused, NULL,
     "Data found after the end of the compressed stream.", NULL},
    {"needs_input", decompressor_get_needs_input, NULL,
     "True if more input is needed before more decompressed data can be "
     "produced.", NULL},
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
