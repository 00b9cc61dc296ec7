/* The _zstd module: Zstandard compression on the system libzstd, behind
   Lib/compression/zstd.  This file holds the module, its error, the
   parameter tables and the one-shot functions (frame inspection,
   dictionary training); stream.c has the compressor and decompressor,
   zdict.c the dictionary type.

   Thread safety: the module's globals (the error class and the two
   registered parameter enum classes) are written once, before or while
   the module is first executed or by set_parameter_types(), and
   published with atomic stores; everything else here is per call. */
#include "zstd_module.h"

#ifdef HAVE_LIBZSTD

#include <zdict.h>
#include <string.h>

PyObject *_PyZstd_Error;
PyObject *_PyZstd_CParameterType;
PyObject *_PyZstd_DParameterType;

void _PyZstd_SetError(const char *what, size_t code)
{
    PyErr_Format(_PyZstd_Error, "Unable to %s: %s", what,
                 ZSTD_getErrorName(code));
}

/* ---- parameters --------------------------------------------------------- */

typedef struct {
    int id;
    const char *name;
} ParamName;

static const ParamName cparam_names[] = {
    {ZSTD_c_compressionLevel, "compression_level"},
    {ZSTD_c_windowLog, "window_log"},
    {ZSTD_c_hashLog, "hash_log"},
    {ZSTD_c_chainLog, "chain_log"},
    {ZSTD_c_searchLog, "search_log"},
    {ZSTD_c_minMatch, "min_match"},
    {ZSTD_c_targetLength, "target_length"},
    {ZSTD_c_strategy, "strategy"},
    {ZSTD_c_enableLongDistanceMatching, "enable_long_distance_matching"},
    {ZSTD_c_ldmHashLog, "ldm_hash_log"},
    {ZSTD_c_ldmMinMatch, "ldm_min_match"},
    {ZSTD_c_ldmBucketSizeLog, "ldm_bucket_size_log"},
    {ZSTD_c_ldmHashRateLog, "ldm_hash_rate_log"},
    {ZSTD_c_contentSizeFlag, "content_size_flag"},
    {ZSTD_c_checksumFlag, "checksum_flag"},
    {ZSTD_c_dictIDFlag, "dict_id_flag"},
    {ZSTD_c_nbWorkers, "nb_workers"},
    {ZSTD_c_jobSize, "job_size"},
    {ZSTD_c_overlapLog, "overlap_log"},
    {0, NULL},
};

static const ParamName dparam_names[] = {
    {ZSTD_d_windowLogMax, "window_log_max"},
    {0, NULL},
};

static const char *param_name(const ParamName *table, int id)
{
    for (; table->name != NULL; table++) {
        if (table->id == id) {
            return table->name;
        }
    }
    return NULL;
}

/* Read one (key, value) option as C ints.  `wrong_type` is the enum
   class of the other direction's parameters, refused as keys. */
static int read_option(PyObject *key, PyObject *value, PyObject *wrong_type,
                       const char *kind, const char *wrong_name,
                       int *id, int *v)
{
    if (wrong_type != NULL) {
        int r = PyObject_IsInstance(key, wrong_type);
        if (r < 0) {
            return -1;
        }
        if (r) {
            PyErr_Format(PyExc_TypeError,
                         "%s options dictionary key must not be a "
                         "%s attribute", kind, wrong_name);
            return -1;
        }
    }
    if (!PyLong_Check(key) || !PyLong_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "%s options dictionary keys and values must be int",
                     kind);
        return -1;
    }
    int overflow;
    long k = PyLong_AsLongAndOverflow(key, &overflow);
    if (overflow || k < INT_MIN || k > INT_MAX) {
        k = -1;                 /* no such parameter: refused below */
    }
    long val = PyLong_AsLongAndOverflow(value, &overflow);
    if (overflow || val < INT_MIN || val > INT_MAX) {
        PyErr_Format(PyExc_OverflowError,
                     "%s parameter value must be in the range of a C int",
                     kind);
        return -1;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    *id = (int)k;
    *v = (int)val;
    return 0;
}

static void set_param_error(const char *kind, const char *name,
                            ZSTD_bounds b, int value)
{
    PyErr_Format(_PyZstd_Error,
                 "Error when setting zstd %s parameter \"%s\", it should "
                 "%d <= value <= %d, provided value is %d. "
                 "(zstd v%s)", kind, name, b.lowerBound, b.upperBound,
                 value, ZSTD_versionString());
}

/* What differs between the options of the two directions. */
typedef struct {
    int is_compress;
    const char *kind;           /* "compression" or "decompression" */
    const char *wrong_name;     /* the other direction's enum class */
    PyObject **wrong_type;      /* where that class is published */
    const ParamName *names;
} OptionKind;

static const OptionKind compress_options = {
    1, "compression", "DecompressionParameter", &_PyZstd_DParameterType,
    cparam_names,
};

static const OptionKind decompress_options = {
    0, "decompression", "CompressionParameter", &_PyZstd_CParameterType,
    dparam_names,
};

static ZSTD_bounds param_bounds(int is_compress, int id)
{
    return is_compress ? ZSTD_cParam_getBounds((ZSTD_cParameter)id)
                       : ZSTD_dParam_getBounds((ZSTD_dParameter)id);
}

/* Set one parameter on a context of the kind's direction; a zstd
   result code. */
static size_t set_param(const OptionKind *ok, void *ctx, int id, int v)
{
    return ok->is_compress
        ? ZSTD_CCtx_setParameter(ctx, (ZSTD_cParameter)id, v)
        : ZSTD_DCtx_setParameter(ctx, (ZSTD_dParameter)id, v);
}

/* Apply every option of the dict to ctx; *level (when not NULL) gets
   the compression level among them. */
static int set_parameters(const OptionKind *ok, void *ctx, PyObject *options,
                          int *level)
{
    if (!PyDict_Check(options)) {
        PyErr_SetString(PyExc_TypeError,
                        "invalid type for options, expected dict");
        return -1;
    }
    PyObject *wrong = __atomic_load_n(ok->wrong_type, __ATOMIC_ACQUIRE);
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    int status = 0;
    /* Iterating a dict the caller may share: hold its critical section. */
    Py_BEGIN_CRITICAL_SECTION(options);
    while (PyDict_Next(options, &pos, &key, &value)) {
        int id, v;
        if (read_option(key, value, wrong, ok->kind, ok->wrong_name,
                        &id, &v) < 0) {
            status = -1;
            break;
        }
        const char *name = param_name(ok->names, id);
        if (name == NULL) {
            PyErr_Format(PyExc_ValueError, "invalid %s parameter: %d",
                         ok->kind, id);
            status = -1;
            break;
        }
        if (level != NULL && id == ZSTD_c_compressionLevel) {
            *level = v;
        }
        size_t ret = set_param(ok, ctx, id, v);
        if (ZSTD_isError(ret)) {
            set_param_error(ok->kind, name, param_bounds(ok->is_compress, id),
                            v);
            status = -1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    return status;
}

int _PyZstd_SetCParameters(ZSTD_CCtx *cctx, PyObject *options, int *level)
{
    return set_parameters(&compress_options, cctx, options, level);
}

int _PyZstd_SetDParameters(ZSTD_DCtx *dctx, PyObject *options)
{
    return set_parameters(&decompress_options, dctx, options, NULL);
}

static PyObject *zstd_get_param_bounds(PyObject *module, PyObject *args,
                                       PyObject *kwds)
{
    static char *keywords[] = {"parameter", "is_compress", NULL};
    int parameter, is_compress;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "ip:get_param_bounds",
                                     keywords, &parameter, &is_compress)) {
        return NULL;
    }
    ZSTD_bounds b = param_bounds(is_compress, parameter);
    if (ZSTD_isError(b.error)) {
        _PyZstd_SetError(is_compress ? "get compression parameter bounds"
                                     : "get decompression parameter bounds",
                         b.error);
        return NULL;
    }
    return Py_BuildValue("(ii)", b.lowerBound, b.upperBound);
}

static PyObject *zstd_set_parameter_types(PyObject *module, PyObject *args,
                                          PyObject *kwds)
{
    static char *keywords[] = {"c_parameter_type", "d_parameter_type", NULL};
    PyObject *ctype, *dtype;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!:set_parameter_types",
                                     keywords, &PyType_Type, &ctype,
                                     &PyType_Type, &dtype)) {
        return NULL;
    }
    /* The classes stay alive for the process: a replaced one is leaked
       on purpose, since another thread may still be reading it. */
    __atomic_store_n(&_PyZstd_CParameterType, Py_NewRef(ctype),
                     __ATOMIC_RELEASE);
    __atomic_store_n(&_PyZstd_DParameterType, Py_NewRef(dtype),
                     __ATOMIC_RELEASE);
    Py_RETURN_NONE;
}

/* ---- frames ------------------------------------------------------------- */

static PyObject *zstd_get_frame_info(PyObject *module, PyObject *args,
                                     PyObject *kwds)
{
    static char *keywords[] = {"frame_buffer", NULL};
    Py_buffer view;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*:get_frame_info",
                                     keywords, &view)) {
        return NULL;
    }
    PyObject *result = NULL;
    unsigned long long size = ZSTD_getFrameContentSize(view.buf,
                                                       (size_t)view.len);
    if (size == ZSTD_CONTENTSIZE_ERROR) {
        PyErr_SetString(_PyZstd_Error,
                        "Error when getting information from the header of "
                        "a Zstandard frame. Make sure the frame_buffer "
                        "argument starts from the beginning of a frame, and "
                        "its length is not less than the frame header "
                        "(6~18 bytes).");
    }
    else {
        unsigned int dict_id = ZSTD_getDictID_fromFrame(view.buf,
                                                        (size_t)view.len);
        if (size == ZSTD_CONTENTSIZE_UNKNOWN) {
            result = Py_BuildValue("(OI)", Py_None, dict_id);
        }
        else {
            result = Py_BuildValue("(KI)", size, dict_id);
        }
    }
    PyBuffer_Release(&view);
    return result;
}

static PyObject *zstd_get_frame_size(PyObject *module, PyObject *args,
                                     PyObject *kwds)
{
    static char *keywords[] = {"frame_buffer", NULL};
    Py_buffer view;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*:get_frame_size",
                                     keywords, &view)) {
        return NULL;
    }
    size_t size = ZSTD_findFrameCompressedSize(view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    if (ZSTD_isError(size)) {
        _PyZstd_SetError("get the frame size", size);
        return NULL;
    }
    return PyLong_FromSize_t(size);
}

/* ---- dictionary training ------------------------------------------------ */

/* The sample sizes tuple as a C array whose sum must be the length of
   the samples; *count gets its length.  NULL with an exception set. */
static size_t *read_sample_sizes(PyObject *sizes, Py_ssize_t total,
                                 unsigned int *count)
{
    if (!PyTuple_Check(sizes)) {
        PyErr_SetString(PyExc_TypeError, "samples_sizes must be a tuple");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(sizes);
    if (n == 0 || n > (Py_ssize_t)UINT_MAX) {
        PyErr_SetString(PyExc_ValueError,
                        "The samples are empty content, can't train "
                        "dictionary.");
        return NULL;
    }
    size_t *array = PyMem_New(size_t, n);
    if (array == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t sum = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        array[i] = PyLong_AsSize_t(PyTuple_GET_ITEM(sizes, i));
        if (array[i] == (size_t)-1 && PyErr_Occurred()) {
            PyMem_Free(array);
            PyErr_SetString(PyExc_ValueError,
                            "Items in samples_sizes should be an int "
                            "object, with a value between 0 and "
                            "2**64-1.");
            return NULL;
        }
        sum += array[i];
    }
    if (sum != (size_t)total) {
        PyMem_Free(array);
        PyErr_SetString(PyExc_ValueError,
                        "The samples size tuple doesn't match the "
                        "concatenation's size.");
        return NULL;
    }
    *count = (unsigned int)n;
    return array;
}

/* Train (content == NULL) or finalize a dictionary of at most dict_size
   bytes over the samples. */
static PyObject *build_dict(Py_buffer *content, PyObject *samples,
                            PyObject *sizes, Py_ssize_t dict_size,
                            int level)
{
    if (dict_size <= 0) {
        PyErr_SetString(PyExc_ValueError,
                        "dict_size argument should be positive number.");
        return NULL;
    }
    if (!PyBytes_Check(samples)) {
        PyErr_SetString(PyExc_TypeError, "samples_bytes must be bytes");
        return NULL;
    }
    unsigned int count;
    size_t *array = read_sample_sizes(sizes, PyBytes_GET_SIZE(samples),
                                      &count);
    if (array == NULL) {
        return NULL;
    }
    PyObject *dict = PyBytes_FromStringAndSize(NULL, dict_size);
    if (dict == NULL) {
        PyMem_Free(array);
        return NULL;
    }
    /* `samples` is immutable bytes and `content` a held buffer: both stay
       valid while the thread is detached. */
    const char *sample_data = PyBytes_AS_STRING(samples);
    char *out = PyBytes_AS_STRING(dict);
    size_t ret;
    Py_BEGIN_ALLOW_THREADS
    if (content == NULL) {
        ret = ZDICT_trainFromBuffer(out, (size_t)dict_size, sample_data,
                                    array, count);
    }
    else {
        ZDICT_params_t params;
        memset(&params, 0, sizeof(params));
        params.compressionLevel = level;
        ret = ZDICT_finalizeDictionary(out, (size_t)dict_size,
                                       content->buf, (size_t)content->len,
                                       sample_data, array, count, params);
    }
    Py_END_ALLOW_THREADS
    PyMem_Free(array);
    if (ZDICT_isError(ret)) {
        Py_DECREF(dict);
        PyErr_Format(_PyZstd_Error, "Unable to %s the Zstandard "
                     "dictionary: %s",
                     content == NULL ? "train" : "finalize",
                     ZDICT_getErrorName(ret));
        return NULL;
    }
    if (_PyBytes_Resize(&dict, (Py_ssize_t)ret) < 0) {
        return NULL;
    }
    return dict;
}

static PyObject *zstd_train_dict(PyObject *module, PyObject *args)
{
    PyObject *samples, *sizes;
    Py_ssize_t dict_size;
    if (!PyArg_ParseTuple(args, "OOn:train_dict", &samples, &sizes,
                          &dict_size)) {
        return NULL;
    }
    return build_dict(NULL, samples, sizes, dict_size, 0);
}

static PyObject *zstd_finalize_dict(PyObject *module, PyObject *args)
{
    Py_buffer content;
    PyObject *samples, *sizes;
    Py_ssize_t dict_size;
    int level;
    if (!PyArg_ParseTuple(args, "y*OOni:finalize_dict", &content, &samples,
                          &sizes, &dict_size, &level)) {
        return NULL;
    }
    PyObject *result = build_dict(&content, samples, sizes, dict_size,
                                  level);
    PyBuffer_Release(&content);
    return result;
}

/* ---- module ------------------------------------------------------------- */

static PyMethodDef zstd_functions[] = {
    {"get_frame_info", _PyCFunction_CAST(zstd_get_frame_info),
     METH_VARARGS | METH_KEYWORDS,
     "get_frame_info($module, /, frame_buffer)\n--\n\n"
     "Return (decompressed_size, dict_id) from a frame header; the size "
     "is None\nwhen the header does not record it."},
    {"get_frame_size", _PyCFunction_CAST(zstd_get_frame_size),
     METH_VARARGS | METH_KEYWORDS,
     "get_frame_size($module, /, frame_buffer)\n--\n\n"
     "Return the size of the compressed frame that frame_buffer starts "
     "with."},
    {"get_param_bounds", _PyCFunction_CAST(zstd_get_param_bounds),
     METH_VARARGS | METH_KEYWORDS,
     "get_param_bounds($module, /, parameter, is_compress)\n--\n\n"
     "Return the (lower, upper) bounds of a (de)compression parameter."},
    {"set_parameter_types", _PyCFunction_CAST(zstd_set_parameter_types),
     METH_VARARGS | METH_KEYWORDS,
     "set_parameter_types($module, /, c_parameter_type, "
     "d_parameter_type)\n--\n\n"
     "Register the CompressionParameter and DecompressionParameter "
     "classes."},
    {"train_dict", zstd_train_dict, METH_VARARGS,
     "train_dict($module, samples_bytes, samples_sizes, dict_size, /)"
     "\n--\n\nTrain a dictionary on concatenated samples; return its "
     "content."},
    {"finalize_dict", zstd_finalize_dict, METH_VARARGS,
     "finalize_dict($module, custom_dict_bytes, samples_bytes, "
     "samples_sizes, dict_size, compression_level, /)\n--\n\n"
     "Turn custom content into a dictionary tuned on the samples."},
    {NULL, NULL, 0, NULL},
};

static int add_int_constants(PyObject *module)
{
    static const struct { const char *name; long value; } constants[] = {
        {"ZSTD_CLEVEL_DEFAULT", ZSTD_CLEVEL_DEFAULT},
        {"ZSTD_DStreamOutSize", 0},     /* filled in below */
        {"ZSTD_fast", ZSTD_fast},
        {"ZSTD_dfast", ZSTD_dfast},
        {"ZSTD_greedy", ZSTD_greedy},
        {"ZSTD_lazy", ZSTD_lazy},
        {"ZSTD_lazy2", ZSTD_lazy2},
        {"ZSTD_btlazy2", ZSTD_btlazy2},
        {"ZSTD_btopt", ZSTD_btopt},
        {"ZSTD_btultra", ZSTD_btultra},
        {"ZSTD_btultra2", ZSTD_btultra2},
        {NULL, 0},
    };
    for (int i = 0; constants[i].name != NULL; i++) {
        long value = constants[i].value;
        if (strcmp(constants[i].name, "ZSTD_DStreamOutSize") == 0) {
            value = (long)ZSTD_DStreamOutSize();
        }
        if (PyModule_AddIntConstant(module, constants[i].name, value) < 0) {
            return -1;
        }
    }
    /* Parameter ids under their Python names: ZSTD_c_window_log etc. */
    const ParamName *tables[] = {cparam_names, dparam_names};
    const char *prefixes[] = {"ZSTD_c_", "ZSTD_d_"};
    for (int t = 0; t < 2; t++) {
        for (const ParamName *p = tables[t]; p->name != NULL; p++) {
            char name[64];
            PyOS_snprintf(name, sizeof(name), "%s%s", prefixes[t], p->name);
            if (PyModule_AddIntConstant(module, name, p->id) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int add_type(PyObject *module, PyTypeObject *type)
{
    if (PyType_Ready(type) < 0) {
        return -1;
    }
    const char *dot = strrchr(type->tp_name, '.');
    return PyModule_AddObjectRef(module, dot + 1, (PyObject *)type);
}

static PyMutex error_init_mutex;    /* guards the creation of the error */

static int zstd_exec(PyObject *module)
{
    _PyMutex_LockDetached(&error_init_mutex);
    if (_PyZstd_Error == NULL) {
        _PyZstd_Error = PyErr_NewExceptionWithDoc(
            "compression.zstd.ZstdError",
            "An error occurred in the zstd library.", NULL, NULL);
    }
    PyMutex_Unlock(&error_init_mutex);
    if (_PyZstd_Error == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "ZstdError", _PyZstd_Error) < 0
        || add_type(module, &_PyZstdDict_Type) < 0
        || add_type(module, &_PyZstdCompressor_Type) < 0
        || add_type(module, &_PyZstdDecompressor_Type) < 0
        || add_int_constants(module) < 0) {
        return -1;
    }
    /* The class constants go straight into the static type's dict (its
       setattr refuses them); setting the same values again when the
       module is executed again is harmless. */
    PyTypeObject *compressor = &_PyZstdCompressor_Type;
    static const struct { const char *name; int mode; } modes[] = {
        {"CONTINUE", ZSTD_e_continue},
        {"FLUSH_BLOCK", ZSTD_e_flush},
        {"FLUSH_FRAME", ZSTD_e_end},
    };
    for (int i = 0; i < 3; i++) {
        PyObject *v = PyLong_FromLong(modes[i].mode);
        if (v == NULL) {
            return -1;
        }
        int r = PyDict_SetItemString(compressor->tp_dict, modes[i].name, v);
        Py_DECREF(v);
        if (r < 0) {
            return -1;
        }
    }
    PyType_Modified(compressor);
    unsigned int version = ZSTD_versionNumber();
    if (PyModule_AddStringConstant(module, "zstd_version",
                                   ZSTD_versionString()) < 0
        || PyModule_AddIntConstant(module, "zstd_version_number",
                                   (long)version) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot zstd_slots[] = {
    {Py_mod_exec, zstd_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef zstd_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_zstd",
    .m_doc = "Zstandard compression on the system libzstd.",
    .m_size = 0,
    .m_methods = zstd_functions,
    .m_slots = zstd_slots,
};

PyMODINIT_FUNC
PyInit__zstd(void)
{
    return PyModuleDef_Init(&zstd_module);
}

#endif /* HAVE_LIBZSTD */
