/* _zstd.ZstdDict: a Zstandard dictionary shared by compressors and
   decompressors, and the code that attaches one to a context.

   Thread safety: the content and id never change after creation.  The
   digested forms (one ZSTD_CDict per compression level, one ZSTD_DDict)
   are made on first use under the dictionary's `mutex`; once made they
   are read-only for libzstd and live as long as the dictionary, which
   every context using them holds a reference to. */
#include "zstd_module.h"

#ifdef HAVE_LIBZSTD

#include <string.h>

static PyObject *zstd_dict_new(PyTypeObject *type, PyObject *args,
                               PyObject *kwds)
{
    static char *keywords[] = {"", "is_raw", NULL};
    Py_buffer view;
    int is_raw = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|$p:ZstdDict", keywords,
                                     &view, &is_raw)) {
        return NULL;
    }
    ZstdDictObject *d = NULL;
    if (view.len < 8) {
        PyErr_SetString(PyExc_ValueError,
                        "Zstandard dictionary content too short "
                        "(must have at least eight bytes)");
        goto done;
    }
    uint32_t dict_id = ZSTD_getDictID_fromDict(view.buf, (size_t)view.len);
    if (dict_id == 0 && !is_raw) {
        PyErr_SetString(PyExc_ValueError,
                        "invalid Zstandard dictionary and is_raw not set.");
        goto done;
    }
    d = (ZstdDictObject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        goto done;
    }
    d->mutex = (PyMutex){0};
    d->dict_id = dict_id;
    d->content = PyBytes_FromStringAndSize(view.buf, view.len);
    if (d->content == NULL) {
        Py_CLEAR(d);
    }
done:
    PyBuffer_Release(&view);
    return (PyObject *)d;
}

static void zstd_dict_dealloc(PyObject *op)
{
    ZstdDictObject *d = (ZstdDictObject *)op;
    CDictEntry *e = d->cdicts;
    while (e != NULL) {
        CDictEntry *next = e->next;
        ZSTD_freeCDict(e->cdict);
        PyMem_Free(e);
        e = next;
    }
    if (d->ddict != NULL) {
        ZSTD_freeDDict(d->ddict);
    }
    Py_XDECREF(d->content);
    Py_TYPE(op)->tp_free(op);
}

static Py_ssize_t zstd_dict_length(PyObject *op)
{
    return PyBytes_GET_SIZE(((ZstdDictObject *)op)->content);
}

static PyObject *zstd_dict_repr(PyObject *op)
{
    ZstdDictObject *d = (ZstdDictObject *)op;
    return PyUnicode_FromFormat("<ZstdDict dict_id=%u dict_size=%zd>",
                                (unsigned int)d->dict_id,
                                PyBytes_GET_SIZE(d->content));
}

static PyObject *zstd_dict_get_content(PyObject *op, void *Py_UNUSED(c))
{
    return Py_NewRef(((ZstdDictObject *)op)->content);
}

static PyObject *zstd_dict_get_id(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromUnsignedLong(((ZstdDictObject *)op)->dict_id);
}

static PyObject *make_pair(PyObject *op, int kind)
{
    return Py_BuildValue("(Oi)", op, kind);
}

static PyObject *zstd_dict_as_digested(PyObject *op, void *Py_UNUSED(c))
{
    return make_pair(op, ZSTD_DICT_DIGESTED);
}

static PyObject *zstd_dict_as_undigested(PyObject *op, void *Py_UNUSED(c))
{
    return make_pair(op, ZSTD_DICT_UNDIGESTED);
}

static PyObject *zstd_dict_as_prefix(PyObject *op, void *Py_UNUSED(c))
{
    return make_pair(op, ZSTD_DICT_PREFIX);
}

static PyMethodDef zstd_dict_methods[] = {
    {"__reduce__", _PyCompression_RefusePickle, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef zstd_dict_getset[] = {
    {"dict_content", zstd_dict_get_content, NULL,
     "The content of the dictionary, as bytes.", NULL},
    {"dict_id", zstd_dict_get_id, NULL,
     "The dictionary's ID, or 0 for a raw-content dictionary.", NULL},
    {"as_digested_dict", zstd_dict_as_digested, NULL,
     "Load as a digested dictionary: slow to load, fast to use.", NULL},
    {"as_undigested_dict", zstd_dict_as_undigested, NULL,
     "Load as an undigested dictionary: fast to load, slower to use.",
     NULL},
    {"as_prefix", zstd_dict_as_prefix, NULL,
     "Use the content as a prefix for one frame only.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods zstd_dict_as_sequence = {
    .sq_length = zstd_dict_length,
};

PyTypeObject _PyZstdDict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "compression.zstd.ZstdDict",
    .tp_basicsize = sizeof(ZstdDictObject),
    .tp_dealloc = zstd_dict_dealloc,
    .tp_repr = zstd_dict_repr,
    .tp_as_sequence = &zstd_dict_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "ZstdDict(dict_content, /, *, is_raw=False)\n--\n\n"
              "A Zstandard dictionary, shared by compressors and "
              "decompressors.\nis_raw accepts content that is not a "
              "dictionary made by zstd's trainer.",
    .tp_methods = zstd_dict_methods,
    .tp_getset = zstd_dict_getset,
    .tp_new = zstd_dict_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* ---- attaching a dictionary --------------------------------------------- */

int _PyZstd_ParseDict(PyObject *zstd_dict, int dflt,
                      ZstdDictObject **dict, int *kind)
{
    if (PyObject_TypeCheck(zstd_dict, &_PyZstdDict_Type)) {
        *dict = (ZstdDictObject *)zstd_dict;
        *kind = dflt;
        return 0;
    }
    if (PyTuple_Check(zstd_dict) && PyTuple_GET_SIZE(zstd_dict) == 2
        && PyObject_TypeCheck(PyTuple_GET_ITEM(zstd_dict, 0),
                              &_PyZstdDict_Type)
        && PyLong_Check(PyTuple_GET_ITEM(zstd_dict, 1))) {
        long k = PyLong_AsLong(PyTuple_GET_ITEM(zstd_dict, 1));
        if (k >= ZSTD_DICT_DIGESTED && k <= ZSTD_DICT_PREFIX) {
            *dict = (ZstdDictObject *)PyTuple_GET_ITEM(zstd_dict, 0);
            *kind = (int)k;
            return 0;
        }
        PyErr_Clear();
    }
    PyErr_SetString(PyExc_TypeError,
                    "zstd_dict argument should be a ZstdDict object.");
    return -1;
}

/* The dictionary digested for `level`, made on first use.  Borrowed
   from the dictionary, which frees it; NULL with an exception set. */
static ZSTD_CDict *get_cdict(ZstdDictObject *d, int level)
{
    _PyMutex_LockDetached(&d->mutex);
    CDictEntry *e = d->cdicts;
    while (e != NULL && e->level != level) {
        e = e->next;
    }
    ZSTD_CDict *cdict = e != NULL ? e->cdict : NULL;
    if (cdict == NULL) {
        e = PyMem_Malloc(sizeof(*e));
        if (e == NULL) {
            PyErr_NoMemory();
        }
        else {
            const char *buf = PyBytes_AS_STRING(d->content);
            size_t len = (size_t)PyBytes_GET_SIZE(d->content);
            Py_BEGIN_ALLOW_THREADS
            cdict = ZSTD_createCDict(buf, len, level);
            Py_END_ALLOW_THREADS
            if (cdict == NULL) {
                PyMem_Free(e);
                PyErr_SetString(_PyZstd_Error,
                                "Failed to create a ZSTD_CDict instance "
                                "from Zstandard dictionary content.");
            }
            else {
                e->level = level;
                e->cdict = cdict;
                e->next = d->cdicts;
                d->cdicts = e;
            }
        }
    }
    PyMutex_Unlock(&d->mutex);
    return cdict;
}

/* The dictionary digested for decompression, made on first use. */
static ZSTD_DDict *get_ddict(ZstdDictObject *d)
{
    _PyMutex_LockDetached(&d->mutex);
    if (d->ddict == NULL) {
        const char *buf = PyBytes_AS_STRING(d->content);
        size_t len = (size_t)PyBytes_GET_SIZE(d->content);
        ZSTD_DDict *ddict;
        Py_BEGIN_ALLOW_THREADS
        ddict = ZSTD_createDDict(buf, len);
        Py_END_ALLOW_THREADS
        if (ddict == NULL) {
            PyErr_SetString(_PyZstd_Error,
                            "Failed to create a ZSTD_DDict instance "
                            "from Zstandard dictionary content.");
        }
        d->ddict = ddict;
    }
    ZSTD_DDict *ddict = d->ddict;
    PyMutex_Unlock(&d->mutex);
    return ddict;
}

int _PyZstd_LoadCDict(ZSTD_CCtx *cctx, ZstdDictObject *dict, int kind,
                      int level)
{
    const char *buf = PyBytes_AS_STRING(dict->content);
    size_t len = (size_t)PyBytes_GET_SIZE(dict->content);
    size_t ret;
    if (kind == ZSTD_DICT_DIGESTED) {
        ZSTD_CDict *cdict = get_cdict(dict, level);
        if (cdict == NULL) {
            return -1;
        }
        ret = ZSTD_CCtx_refCDict(cctx, cdict);
    }
    else if (kind == ZSTD_DICT_UNDIGESTED) {
        ret = ZSTD_CCtx_loadDictionary(cctx, buf, len);
    }
    else {
        /* The content is immutable bytes kept alive by the compressor. */
        ret = ZSTD_CCtx_refPrefix(cctx, buf, len);
    }
    if (ZSTD_isError(ret)) {
        _PyZstd_SetError("load Zstandard dictionary", ret);
        return -1;
    }
    return 0;
}

int _PyZstd_LoadDDict(ZSTD_DCtx *dctx, ZstdDictObject *dict, int kind)
{
    const char *buf = PyBytes_AS_STRING(dict->content);
    size_t len = (size_t)PyBytes_GET_SIZE(dict->content);
    size_t ret;
    if (kind == ZSTD_DICT_DIGESTED) {
        ZSTD_DDict *ddict = get_ddict(dict);
        if (ddict == NULL) {
            return -1;
        }
        ret = ZSTD_DCtx_refDDict(dctx, ddict);
    }
    else if (kind == ZSTD_DICT_UNDIGESTED) {
        ret = ZSTD_DCtx_loadDictionary(dctx, buf, len);
    }
    else {
        ret = ZSTD_DCtx_refPrefix(dctx, buf, len);
    }
    if (ZSTD_isError(ret)) {
        _PyZstd_SetError("load Zstandard dictionary", ret);
        return -1;
    }
    return 0;
}

#endif /* HAVE_LIBZSTD */
