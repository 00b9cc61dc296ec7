/* _zstd.ZstdCompressor and _zstd.ZstdDecompressor: incremental
   Zstandard compression and decompression of one stream.

   Thread safety: each object owns a libzstd context that every call
   mutates, so all use of it (and of the object's other fields) happens
   with the object's `mutex` held, in both builds; the library calls run
   detached so other threads go on meanwhile, and a thread waiting for
   the mutex waits detached too. */
#include "zstd_module.h"

#ifdef HAVE_LIBZSTD

#include "pycore_output_buffer.h"

/* ---- compressor --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyMutex mutex;              /* guards everything below */
    ZSTD_CCtx *cctx;
    PyObject *dict;             /* the ZstdDict in use (owned), or NULL */
    int last_mode;              /* ZSTD_e_continue/flush/end */
} CompressorObject;

/* Run ZSTD_compressStream2 over data[0:len] with `mode` until the input
   is consumed and, for a flush or frame end, everything is written.
   Mutex held. */
static PyObject *compress_locked(CompressorObject *c, const char *data,
                                 size_t len, ZSTD_EndDirective mode)
{
    _PyOutputBuffer out;
    Py_ssize_t initial = mode == ZSTD_e_continue
        ? 4096 : (Py_ssize_t)ZSTD_compressBound(len) + 64;
    if (_PyOutputBuffer_Init(&out, initial, -1) < 0) {
        return NULL;
    }
    ZSTD_inBuffer in = {data, len, 0};
    for (;;) {
        void *next;
        Py_ssize_t room = _PyOutputBuffer_Reserve(&out, &next);
        if (room < 0) {
            goto error;
        }
        ZSTD_outBuffer ob = {next, (size_t)room, 0};
        size_t remaining;
        Py_BEGIN_ALLOW_THREADS
        remaining = ZSTD_compressStream2(c->cctx, &ob, &in, mode);
        Py_END_ALLOW_THREADS
        _PyOutputBuffer_Commit(&out, (char *)next + ob.pos);
        if (ZSTD_isError(remaining)) {
            /* A failed frame must not leave the context mid-frame. */
            ZSTD_CCtx_reset(c->cctx, ZSTD_reset_session_only);
            c->last_mode = ZSTD_e_end;
            _PyZstd_SetError("compress data", remaining);
            goto error;
        }
        if (mode == ZSTD_e_continue ? in.pos == in.size : remaining == 0) {
            break;
        }
    }
    c->last_mode = mode;
    return _PyOutputBuffer_Finish(&out);
error:
    _PyOutputBuffer_Abandon(&out);
    return NULL;
}

static PyObject *compressor_compress(PyObject *op, PyObject *args,
                                     PyObject *kwds)
{
    static char *keywords[] = {"data", "mode", NULL};
    CompressorObject *c = (CompressorObject *)op;
    Py_buffer view;
    int mode = ZSTD_e_continue;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|i:compress", keywords,
                                     &view, &mode)) {
        return NULL;
    }
    PyObject *result = NULL;
    if (mode != ZSTD_e_continue && mode != ZSTD_e_flush
        && mode != ZSTD_e_end) {
        PyErr_SetString(PyExc_ValueError,
                        "mode argument wrong value, it should be one of "
                        "ZstdCompressor.CONTINUE, "
                        "ZstdCompressor.FLUSH_BLOCK, "
                        "ZstdCompressor.FLUSH_FRAME.");
    }
    else {
        _PyMutex_LockDetached(&c->mutex);
        result = compress_locked(c, view.buf, (size_t)view.len,
                                 (ZSTD_EndDirective)mode);
        PyMutex_Unlock(&c->mutex);
    }
    PyBuffer_Release(&view);
    return result;
}

static PyObject *compressor_flush(PyObject *op, PyObject *args,
                                  PyObject *kwds)
{
    static char *keywords[] = {"mode", NULL};
    CompressorObject *c = (CompressorObject *)op;
    int mode = ZSTD_e_end;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:flush", keywords,
                                     &mode)) {
        return NULL;
    }
    if (mode != ZSTD_e_flush && mode != ZSTD_e_end) {
        PyErr_SetString(PyExc_ValueError,
                        "mode argument wrong value, it should be "
                        "ZstdCompressor.FLUSH_FRAME or "
                        "ZstdCompressor.FLUSH_BLOCK.");
        return NULL;
    }
    _PyMutex_LockDetached(&c->mutex);
    PyObject *result = compress_locked(c, NULL, 0, (ZSTD_EndDirective)mode);
    PyMutex_Unlock(&c->mutex);
    return result;
}

static PyObject *compressor_set_pledged_input_size(PyObject *op,
                                                   PyObject *arg)
{
    CompressorObject *c = (CompressorObject *)op;
    unsigned long long size = ZSTD_CONTENTSIZE_UNKNOWN;
    if (arg != Py_None) {
        if (!PyLong_Check(arg)) {
            PyErr_SetString(PyExc_TypeError,
                            "size argument should be a positive int "
                            "less than 18446744073709551615");
            return NULL;
        }
        size = PyLong_AsUnsignedLongLong(arg);
        if ((size == (unsigned long long)-1 && PyErr_Occurred())
            || size == ZSTD_CONTENTSIZE_UNKNOWN) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError,
                            "size argument should be a positive int "
                            "less than 18446744073709551615");
            return NULL;
        }
    }
    PyObject *result = NULL;
    _PyMutex_LockDetached(&c->mutex);
    if (c->last_mode != ZSTD_e_end) {
        PyErr_SetString(PyExc_ValueError,
                        "set_pledged_input_size() method must be called "
                        "when last_mode == FLUSH_FRAME");
    }
    else {
        size_t ret = ZSTD_CCtx_setPledgedSrcSize(c->cctx, size);
        if (ZSTD_isError(ret)) {
            _PyZstd_SetError("set pledged uncompressed data size", ret);
        }
        else {
            result = Py_NewRef(Py_None);
        }
    }
    PyMutex_Unlock(&c->mutex);
    return result;
}

static PyObject *compressor_get_last_mode(PyObject *op, void *Py_UNUSED(x))
{
    CompressorObject *c = (CompressorObject *)op;
    _PyMutex_LockDetached(&c->mutex);
    int mode = c->last_mode;
    PyMutex_Unlock(&c->mutex);
    return PyLong_FromLong(mode);
}

/* Set up a new compressor's context from the constructor arguments. */
static int compressor_init_context(CompressorObject *c, PyObject *level,
                                   PyObject *options, PyObject *zstd_dict)
{
    int clevel = ZSTD_CLEVEL_DEFAULT;
    if (level != Py_None) {
        if (!PyLong_Check(level)) {
            PyErr_SetString(PyExc_TypeError,
                            "invalid type for level, expected int");
            return -1;
        }
        int overflow;
        long v = PyLong_AsLongAndOverflow(level, &overflow);
        ZSTD_bounds b = ZSTD_cParam_getBounds(ZSTD_c_compressionLevel);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (overflow || v < b.lowerBound || v > b.upperBound) {
            PyErr_Format(PyExc_ValueError,
                         "%zd not in valid range %d <= compression level "
                         "<= %d.", overflow ? (Py_ssize_t)-1 : (Py_ssize_t)v,
                         b.lowerBound, b.upperBound);
            return -1;
        }
        clevel = (int)v;
        size_t ret = ZSTD_CCtx_setParameter(c->cctx, ZSTD_c_compressionLevel,
                                            clevel);
        if (ZSTD_isError(ret)) {
            _PyZstd_SetError("set compression level", ret);
            return -1;
        }
    }
    else if (options != Py_None) {
        if (_PyZstd_SetCParameters(c->cctx, options, &clevel) < 0) {
            return -1;
        }
    }
    if (zstd_dict != Py_None) {
        ZstdDictObject *dict;
        int kind;
        if (_PyZstd_ParseDict(zstd_dict, ZSTD_DICT_UNDIGESTED,
                              &dict, &kind) < 0) {
            return -1;
        }
        if (_PyZstd_LoadCDict(c->cctx, dict, kind, clevel) < 0) {
            return -1;
        }
        c->dict = Py_NewRef((PyObject *)dict);
    }
    return 0;
}

static PyObject *compressor_new(PyTypeObject *type, PyObject *args,
                                PyObject *kwds)
{
    static char *keywords[] = {"level", "options", "zstd_dict", NULL};
    PyObject *level = Py_None, *options = Py_None, *zstd_dict = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOO:ZstdCompressor",
                                     keywords, &level, &options,
                                     &zstd_dict)) {
        return NULL;
    }
    if (level != Py_None && options != Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "Only one of level or options should be used.");
        return NULL;
    }
    CompressorObject *c = (CompressorObject *)type->tp_alloc(type, 0);
    if (c == NULL) {
        return NULL;
    }
    c->mutex = (PyMutex){0};
    c->last_mode = ZSTD_e_end;
    c->cctx = ZSTD_createCCtx();
    if (c->cctx == NULL) {
        PyErr_SetString(_PyZstd_Error,
                        "Unable to create ZSTD_CCtx instance.");
        Py_DECREF(c);
        return NULL;
    }
    if (compressor_init_context(c, level, options, zstd_dict) < 0) {
        Py_DECREF(c);
        return NULL;
    }
    return (PyObject *)c;
}

static void compressor_dealloc(PyObject *op)
{
    CompressorObject *c = (CompressorObject *)op;
    if (c->cctx != NULL) {
        ZSTD_freeCCtx(c->cctx);
    }
    Py_XDECREF(c->dict);
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef compressor_methods[] = {
    {"compress", _PyCFunction_CAST(compressor_compress),
     METH_VARARGS | METH_KEYWORDS,
     "compress($self, /, data, mode=ZstdCompressor.CONTINUE)\n--\n\n"
     "Compress data and return what output is ready.\n"
     "FLUSH_BLOCK ends the current block, FLUSH_FRAME the frame."},
    {"flush", _PyCFunction_CAST(compressor_flush),
     METH_VARARGS | METH_KEYWORDS,
     "flush($self, /, mode=ZstdCompressor.FLUSH_FRAME)\n--\n\n"
     "Finish the current block or frame and return the output.\n"
     "The compressor stays usable for further frames."},
    {"set_pledged_input_size", compressor_set_pledged_input_size, METH_O,
     "set_pledged_input_size($self, size, /)\n--\n\n"
     "Announce the uncompressed size of the next frame (None: "
     "unknown);\nit is written in the frame header."},
    {"__reduce__", _PyCompression_RefusePickle, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef compressor_getset[] = {
    {"last_mode", compressor_get_last_mode, NULL,
     "The mode of the last compress() or flush() call; FLUSH_FRAME "
     "at first.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyZstdCompressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "compression.zstd.ZstdCompressor",
    .tp_basicsize = sizeof(CompressorObject),
    .tp_dealloc = compressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "ZstdCompressor(level=None, options=None, zstd_dict=None)"
              "\n--\n\nAn incremental Zstandard compressor.",
    .tp_methods = compressor_methods,
    .tp_getset = compressor_getset,
    .tp_new = compressor_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* ---- decompressor ------------------------------------------------------- */

typedef struct {
    _PyDecompressorObject base; /* its mutex guards the fields below */
    ZSTD_DCtx *dctx;
    PyObject *dict;             /* the ZstdDict in use (owned), or NULL */
} DecompressorObject;

/* Decompress data[0:*len] into at most `limit` bytes (negative: all),
   stopping at the end of the frame; *len becomes the count left
   unconsumed.  Mutex held. */
static PyObject *decompress_locked(PyObject *op, const char *data,
                                   size_t *len, Py_ssize_t limit)
{
    DecompressorObject *d = (DecompressorObject *)op;
    _PyOutputBuffer out;
    Py_ssize_t initial = (Py_ssize_t)ZSTD_DStreamOutSize();
    if (_PyOutputBuffer_Init(&out, initial, limit) < 0) {
        return NULL;
    }
    ZSTD_inBuffer in = {data, *len, 0};
    for (;;) {
        void *next;
        Py_ssize_t room = _PyOutputBuffer_Reserve(&out, &next);
        if (room < 0) {
            goto error;
        }
        if (room == 0) {
            break;
        }
        ZSTD_outBuffer ob = {next, (size_t)room, 0};
        size_t ret;
        Py_BEGIN_ALLOW_THREADS
        ret = ZSTD_decompressStream(d->dctx, &ob, &in);
        Py_END_ALLOW_THREADS
        _PyOutputBuffer_Commit(&out, (char *)next + ob.pos);
        if (ZSTD_isError(ret)) {
            _PyZstd_SetError("decompress Zstandard data", ret);
            goto error;
        }
        if (ret == 0) {
            d->base.eof = 1;
            break;
        }
        /* Input used up and room left over: nothing more is pending. */
        if (in.pos == in.size && ob.pos < ob.size) {
            break;
        }
    }
    *len = in.size - in.pos;
    return _PyOutputBuffer_Finish(&out);
error:
    _PyOutputBuffer_Abandon(&out);
    return NULL;
}

static const _PyDecompressorKind zstd_decompressor = {
    .eof_message = "Already at the end of a Zstandard frame.",
    .run = decompress_locked,
};

static PyObject *decompressor_new(PyTypeObject *type, PyObject *args,
                                  PyObject *kwds)
{
    static char *keywords[] = {"zstd_dict", "options", NULL};
    PyObject *zstd_dict = Py_None, *options = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:ZstdDecompressor",
                                     keywords, &zstd_dict, &options)) {
        return NULL;
    }
    DecompressorObject *d = (DecompressorObject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    if (_PyDecompressor_InitHead(&d->base, &zstd_decompressor) < 0) {
        goto error;
    }
    d->dctx = ZSTD_createDCtx();
    if (d->dctx == NULL) {
        PyErr_SetString(_PyZstd_Error,
                        "Unable to create ZSTD_DCtx instance.");
        goto error;
    }
    if (options != Py_None
        && _PyZstd_SetDParameters(d->dctx, options) < 0) {
        goto error;
    }
    if (zstd_dict != Py_None) {
        ZstdDictObject *dict;
        int kind;
        if (_PyZstd_ParseDict(zstd_dict, ZSTD_DICT_DIGESTED,
                              &dict, &kind) < 0
            || _PyZstd_LoadDDict(d->dctx, dict, kind) < 0) {
            goto error;
        }
        d->dict = Py_NewRef((PyObject *)dict);
    }
    return (PyObject *)d;
error:
    Py_DECREF(d);
    return NULL;
}

static void decompressor_dealloc(PyObject *op)
{
    DecompressorObject *d = (DecompressorObject *)op;
    if (d->dctx != NULL) {
        ZSTD_freeDCtx(d->dctx);
    }
    Py_XDECREF(d->dict);
    _PyDecompressor_ClearHead(&d->base);
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef decompressor_methods[] = {
    {"decompress", _PyCFunction_CAST(_PyDecompressor_Decompress),
     METH_VARARGS | METH_KEYWORDS,
     "decompress($self, /, data, max_length=-1)\n--\n\n"
     "Decompress data of one frame and return at most max_length bytes\n"
     "(all when negative); bytes after the frame go to unused_data."},
    {"__reduce__", _PyCompression_RefusePickle, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef decompressor_getset[] = {
    {"eof", _PyDecompressor_GetEof, NULL,
     "True once the end of the frame has been reached.", NULL},
    {"unused_data", _PyDecompressor_GetUnusedData, NULL,
     "Data found after the end of the frame.", NULL},
    {"needs_input", _PyDecompressor_GetNeedsInput, NULL,
     "False when more output is ready without new input.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyZstdDecompressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "compression.zstd.ZstdDecompressor",
    .tp_basicsize = sizeof(DecompressorObject),
    .tp_dealloc = decompressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "ZstdDecompressor(zstd_dict=None, options=None)\n--\n\n"
              "An incremental decompressor of one Zstandard frame.",
    .tp_methods = decompressor_methods,
    .tp_getset = decompressor_getset,
    .tp_new = decompressor_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

#endif /* HAVE_LIBZSTD */
