/* The _lzma module: .xz, .lzma and raw LZMA streams on liblzma, behind
   Lib/lzma.py.

   Filter chains cross the boundary as sequences of dicts ("filter
   specifiers"): parse_filter_chain turns them into lzma_filter arrays
   (whose options this module allocates and free_filter_chain frees),
   build_filter_spec turns a decoded filter back into a dict.

   Thread safety: each compressor and decompressor owns an lzma_stream
   that liblzma mutates on every call, so it is used only with the
   object's `mutex` held (in both builds); liblzma runs detached so
   other threads go on meanwhile, and waiters for the mutex wait
   detached. */
#include "Python.h"
#include "pycore_pystate.h"       /* _PyMutex_LockDetached */

#ifdef HAVE_LIBLZMA

#include "pycore_lock.h"
#include "pycore_output_buffer.h"
#include "compression_common.h"

#include <lzma.h>
#include <limits.h>
#include <string.h>

#define INITIAL_OUTPUT 8192

enum { FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW };
#define LZMA_CHECK_UNKNOWN (LZMA_CHECK_ID_MAX + 1)

static PyObject *LZMAError;     /* created once by module exec */

/* Raise LZMAError (or MemoryError) for a liblzma result; 0 if none. */
static int catch_lzma_error(lzma_ret ret)
{
    switch (ret) {
    case LZMA_OK:
    case LZMA_GET_CHECK:
    case LZMA_NO_CHECK:
    case LZMA_STREAM_END:
        return 0;
    case LZMA_UNSUPPORTED_CHECK:
        PyErr_SetString(LZMAError, "Unsupported integrity check");
        return 1;
    case LZMA_MEM_ERROR:
        PyErr_NoMemory();
        return 1;
    case LZMA_MEMLIMIT_ERROR:
        PyErr_SetString(LZMAError, "Memory usage limit exceeded");
        return 1;
    case LZMA_FORMAT_ERROR:
        PyErr_SetString(LZMAError, "Input format not supported by decoder");
        return 1;
    case LZMA_OPTIONS_ERROR:
        PyErr_SetString(LZMAError, "Invalid or unsupported options");
        return 1;
    case LZMA_DATA_ERROR:
        PyErr_SetString(LZMAError, "Corrupt input data");
        return 1;
    case LZMA_BUF_ERROR:
        PyErr_SetString(LZMAError, "Insufficient buffer space");
        return 1;
    case LZMA_PROG_ERROR:
        PyErr_SetString(LZMAError, "Internal error");
        return 1;
    default:
        PyErr_Format(LZMAError, "Unrecognized error from liblzma: %d",
                     (int)ret);
        return 1;
    }
}

/* ---- filter specifiers -------------------------------------------------- */

static int uint32_value(PyObject *obj, uint32_t *out)
{
    unsigned long long v = PyLong_AsUnsignedLongLong(obj);
    if (v == (unsigned long long)-1 && PyErr_Occurred()) {
        return -1;
    }
    if (v > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError,
                        "Value too large for uint32_t type");
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

/* Look up one name of `names` in the spec; -1 with ValueError for a
   key that is neither "id" nor one of them. */
static int check_spec_keys(PyObject *spec, const char *const *names,
                           const char *kind)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(spec, &pos, &key, &value)) {
        const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key)
                                                : NULL;
        int known = name != NULL && strcmp(name, "id") == 0;
        for (size_t i = 0; names[i] != NULL && name != NULL && !known; i++) {
            known = strcmp(name, names[i]) == 0;
        }
        if (!known) {
            PyErr_Clear();
            PyErr_Format(PyExc_ValueError,
                         "Invalid filter specifier for %s filter", kind);
            return -1;
        }
    }
    return 0;
}

/* Read an optional uint32 entry; leaves *out unchanged when absent. */
static int spec_uint32(PyObject *spec, const char *name, uint32_t *out)
{
    PyObject *value = PyDict_GetItemString(spec, name);
    if (value == NULL) {
        return 0;
    }
    return uint32_value(value, out);
}

static void *parse_lzma_options(PyObject *spec)
{
    static const char *const names[] = {
        "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len", "mf",
        "depth", NULL,
    };
    if (check_spec_keys(spec, names, "LZMA") < 0) {
        return NULL;
    }
    uint32_t preset = LZMA_PRESET_DEFAULT;
    if (spec_uint32(spec, "preset", &preset) < 0) {
        return NULL;
    }
    lzma_options_lzma *opts = PyMem_Calloc(1, sizeof(*opts));
    if (opts == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (lzma_lzma_preset(opts, preset)) {
        PyMem_Free(opts);
        PyErr_Format(LZMAError, "Invalid compression preset: %u", preset);
        return NULL;
    }
    uint32_t mode = opts->mode, mf = opts->mf;
    if (spec_uint32(spec, "dict_size", &opts->dict_size) < 0
        || spec_uint32(spec, "lc", &opts->lc) < 0
        || spec_uint32(spec, "lp", &opts->lp) < 0
        || spec_uint32(spec, "pb", &opts->pb) < 0
        || spec_uint32(spec, "mode", &mode) < 0
        || spec_uint32(spec, "nice_len", &opts->nice_len) < 0
        || spec_uint32(spec, "mf", &mf) < 0
        || spec_uint32(spec, "depth", &opts->depth) < 0) {
        PyMem_Free(opts);
        return NULL;
    }
    opts->mode = (lzma_mode)mode;
    opts->mf = (lzma_match_finder)mf;
    return opts;
}

static void *parse_delta_options(PyObject *spec)
{
    static const char *const names[] = {"dist", NULL};
    uint32_t dist = 1;
    if (check_spec_keys(spec, names, "delta") < 0
        || spec_uint32(spec, "dist", &dist) < 0) {
        return NULL;
    }
    lzma_options_delta *opts = PyMem_Calloc(1, sizeof(*opts));
    if (opts == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    opts->type = LZMA_DELTA_TYPE_BYTE;
    opts->dist = dist;
    return opts;
}

static void *parse_bcj_options(PyObject *spec)
{
    static const char *const names[] = {"start_offset", NULL};
    uint32_t start_offset = 0;
    if (check_spec_keys(spec, names, "BCJ") < 0
        || spec_uint32(spec, "start_offset", &start_offset) < 0) {
        return NULL;
    }
    lzma_options_bcj *opts = PyMem_Calloc(1, sizeof(*opts));
    if (opts == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    opts->start_offset = start_offset;
    return opts;
}

static int is_bcj_filter(lzma_vli id)
{
    return id == LZMA_FILTER_X86 || id == LZMA_FILTER_POWERPC
           || id == LZMA_FILTER_IA64 || id == LZMA_FILTER_ARM
           || id == LZMA_FILTER_ARMTHUMB || id == LZMA_FILTER_SPARC;
}

/* Fill `f` from a filter specifier (a mapping with an "id" entry). */
static int parse_filter_spec(PyObject *obj, lzma_filter *f)
{
    if (!PyMapping_Check(obj) || PyUnicode_Check(obj) || PyBytes_Check(obj)) {
        PyErr_SetString(PyExc_TypeError,
                        "Filter specifier must be a dict or dict-like object");
        return -1;
    }
    PyObject *spec = PyDict_Check(obj) ? Py_NewRef(obj)
                                       : PyObject_CallOneArg(
                                             (PyObject *)&PyDict_Type, obj);
    if (spec == NULL) {
        return -1;
    }
    int result = -1;
    PyObject *id_obj = PyDict_GetItemString(spec, "id");
    if (id_obj == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "Filter specifier must have an \"id\" entry");
        goto done;
    }
    unsigned long long id = PyLong_AsUnsignedLongLong(id_obj);
    if (id == (unsigned long long)-1 && PyErr_Occurred()) {
        goto done;
    }
    f->id = id;
    if (id == LZMA_FILTER_LZMA1 || id == LZMA_FILTER_LZMA2) {
        f->options = parse_lzma_options(spec);
    }
    else if (id == LZMA_FILTER_DELTA) {
        f->options = parse_delta_options(spec);
    }
    else if (is_bcj_filter(id)) {
        f->options = parse_bcj_options(spec);
    }
    else {
        PyErr_Format(PyExc_ValueError, "Invalid filter ID: %llu", id);
        goto done;
    }
    result = f->options == NULL ? -1 : 0;
done:
    Py_DECREF(spec);
    return result;
}

static void free_filter_chain(lzma_filter *filters)
{
    for (int i = 0; filters[i].id != LZMA_VLI_UNKNOWN; i++) {
        PyMem_Free(filters[i].options);
    }
}

/* filters must have LZMA_FILTERS_MAX + 1 entries. */
static int parse_filter_chain(PyObject *chain, lzma_filter *filters)
{
    if (!PySequence_Check(chain) || PyDict_Check(chain)) {
        PyErr_Format(PyExc_TypeError, "%.200s is not a sequence",
                     Py_TYPE(chain)->tp_name);
        return -1;
    }
    PyObject *seq = PySequence_Fast(chain, "filters must be a sequence");
    if (seq == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if (n > LZMA_FILTERS_MAX) {
        Py_DECREF(seq);
        PyErr_Format(PyExc_ValueError,
                     "Too many filters - liblzma supports a maximum of %d",
                     LZMA_FILTERS_MAX);
        return -1;
    }
    filters[0].id = LZMA_VLI_UNKNOWN;
    for (Py_ssize_t i = 0; i < n; i++) {
        filters[i].options = NULL;
        if (parse_filter_spec(PySequence_Fast_GET_ITEM(seq, i),
                              &filters[i]) < 0) {
            filters[i].id = LZMA_VLI_UNKNOWN;
            free_filter_chain(filters);
            Py_DECREF(seq);
            return -1;
        }
        filters[i + 1].id = LZMA_VLI_UNKNOWN;
    }
    Py_DECREF(seq);
    return 0;
}

static int spec_set(PyObject *spec, const char *name, unsigned long long v)
{
    PyObject *value = PyLong_FromUnsignedLongLong(v);
    if (value == NULL) {
        return -1;
    }
    int err = PyDict_SetItemString(spec, name, value);
    Py_DECREF(value);
    return err;
}

static PyObject *build_filter_spec(const lzma_filter *f)
{
    PyObject *spec = PyDict_New();
    if (spec == NULL || spec_set(spec, "id", f->id) < 0) {
        goto error;
    }
    if (f->id == LZMA_FILTER_LZMA1) {
        const lzma_options_lzma *o = f->options;
        if (spec_set(spec, "lc", o->lc) < 0 || spec_set(spec, "lp", o->lp) < 0
            || spec_set(spec, "pb", o->pb) < 0
            || spec_set(spec, "dict_size", o->dict_size) < 0) {
            goto error;
        }
    }
    else if (f->id == LZMA_FILTER_LZMA2) {
        const lzma_options_lzma *o = f->options;
        if (spec_set(spec, "dict_size", o->dict_size) < 0) {
            goto error;
        }
    }
    else if (f->id == LZMA_FILTER_DELTA) {
        const lzma_options_delta *o = f->options;
        if (spec_set(spec, "dist", o->dist) < 0) {
            goto error;
        }
    }
    else if (f->options != NULL) {
        const lzma_options_bcj *o = f->options;
        if (o->start_offset != 0
            && spec_set(spec, "start_offset", o->start_offset) < 0) {
            goto error;
        }
    }
    return spec;
error:
    Py_XDECREF(spec);
    return NULL;
}

/* ---- output ------------------------------------------------------------- */

/* Point the stream's output at the buffer's free room (growing it when
   full); 0, or -1 with an exception set. */
static int point_output(_PyOutputBuffer *out, lzma_stream *lzs)
{
    void *next;
    Py_ssize_t room = _PyOutputBuffer_Reserve(out, &next);
    if (room < 0) {
        return -1;
    }
    lzs->next_out = next;
    lzs->avail_out = (size_t)room;
    return 0;
}

static lzma_ret run_detached(lzma_stream *lzs, lzma_action action,
                             _PyOutputBuffer *out)
{
    lzma_ret ret;
    Py_BEGIN_ALLOW_THREADS
    ret = lzma_code(lzs, action);
    Py_END_ALLOW_THREADS
    _PyOutputBuffer_Commit(out, lzs->next_out);
    return ret;
}

/* ---- compressor --------------------------------------------------------- */

typedef struct {
    _PyCompressorObject base;   /* its mutex guards the fields below */
    lzma_stream lzs;
    int initialised;
} CompressorObject;

static PyTypeObject Compressor_Type;

/* Run lzma_code over data[0:len] until the input is consumed or, to
   finish, the stream ends.  Mutex held. */
static PyObject *compress_locked(PyObject *op, const char *data,
                                 size_t len, int finish)
{
    CompressorObject *c = (CompressorObject *)op;
    lzma_action action = finish ? LZMA_FINISH : LZMA_RUN;
    _PyOutputBuffer out;
    if (_PyOutputBuffer_Init(&out, INITIAL_OUTPUT, -1) < 0) {
        return NULL;
    }
    c->lzs.next_in = (const uint8_t *)data;
    c->lzs.avail_in = len;
    for (;;) {
        if (point_output(&out, &c->lzs) < 0) {
            goto error;
        }
        lzma_ret ret = run_detached(&c->lzs, action, &out);
        if (ret == LZMA_BUF_ERROR && len == 0 && c->lzs.avail_out > 0) {
            ret = LZMA_OK;      /* nothing to do for empty input */
        }
        if (catch_lzma_error(ret)) {
            goto error;
        }
        if (action == LZMA_RUN && c->lzs.avail_in == 0
            && c->lzs.avail_out > 0) {
            break;
        }
        if (action == LZMA_FINISH && ret == LZMA_STREAM_END) {
            break;
        }
    }
    return _PyOutputBuffer_Finish(&out);
error:
    _PyOutputBuffer_Abandon(&out);
    return NULL;
}

static int init_alone_encoder(lzma_stream *lzs, uint32_t preset,
                              PyObject *filterspecs)
{
    lzma_ret ret;
    if (filterspecs == Py_None) {
        lzma_options_lzma options;
        if (lzma_lzma_preset(&options, preset)) {
            PyErr_Format(LZMAError, "Invalid compression preset: %u", preset);
            return -1;
        }
        ret = lzma_alone_encoder(lzs, &options);
    }
    else {
        lzma_filter filters[LZMA_FILTERS_MAX + 1];
        if (parse_filter_chain(filterspecs, filters) < 0) {
            return -1;
        }
        if (filters[0].id == LZMA_FILTER_LZMA1
            && filters[1].id == LZMA_VLI_UNKNOWN) {
            ret = lzma_alone_encoder(lzs, filters[0].options);
        }
        else {
            free_filter_chain(filters);
            PyErr_SetString(PyExc_ValueError,
                            "Invalid filter chain for FORMAT_ALONE - "
                            "must be a single LZMA1 filter");
            return -1;
        }
        free_filter_chain(filters);
    }
    return catch_lzma_error(ret) ? -1 : 0;
}

static int init_encoder(lzma_stream *lzs, int format, int check,
                        uint32_t preset, PyObject *filterspecs)
{
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    lzma_ret ret;
    switch (format) {
    case FORMAT_XZ:
        if (check == -1) {
            check = LZMA_CHECK_CRC64;
        }
        if (filterspecs == Py_None) {
            ret = lzma_easy_encoder(lzs, preset, (lzma_check)check);
            break;
        }
        if (parse_filter_chain(filterspecs, filters) < 0) {
            return -1;
        }
        ret = lzma_stream_encoder(lzs, filters, (lzma_check)check);
        free_filter_chain(filters);
        break;
    case FORMAT_ALONE:
        return init_alone_encoder(lzs, preset, filterspecs);
    default:
        if (filterspecs == Py_None) {
            PyErr_SetString(PyExc_ValueError,
                            "Must specify filters for FORMAT_RAW");
            return -1;
        }
        if (parse_filter_chain(filterspecs, filters) < 0) {
            return -1;
        }
        ret = lzma_raw_encoder(lzs, filters);
        free_filter_chain(filters);
        break;
    }
    return catch_lzma_error(ret) ? -1 : 0;
}

static PyObject *compressor_new(PyTypeObject *type, PyObject *args,
                                PyObject *kwds)
{
    static char *keywords[] = {"format", "check", "preset", "filters", NULL};
    int format = FORMAT_XZ, check = -1;
    PyObject *preset_obj = Py_None, *filterspecs = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iiOO:LZMACompressor",
                                     keywords, &format, &check, &preset_obj,
                                     &filterspecs)) {
        return NULL;
    }
    if (format != FORMAT_XZ && format != FORMAT_ALONE
        && format != FORMAT_RAW) {
        PyErr_Format(PyExc_ValueError, "Invalid container format: %d",
                     format);
        return NULL;
    }
    if (format != FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE) {
        PyErr_SetString(PyExc_ValueError,
                        "Integrity checks are only supported by FORMAT_XZ");
        return NULL;
    }
    if (preset_obj != Py_None && filterspecs != Py_None) {
        PyErr_SetString(PyExc_ValueError,
                        "Cannot specify both preset and filter chain");
        return NULL;
    }
    uint32_t preset = LZMA_PRESET_DEFAULT;
    if (preset_obj != Py_None && uint32_value(preset_obj, &preset) < 0) {
        return NULL;
    }
    CompressorObject *c = (CompressorObject *)type->tp_alloc(type, 0);
    if (c == NULL) {
        return NULL;
    }
    c->base.mutex = (PyMutex){0};
    c->base.run = compress_locked;
    c->lzs = (lzma_stream)LZMA_STREAM_INIT;
    if (init_encoder(&c->lzs, format, check, preset, filterspecs) < 0) {
        Py_DECREF(c);
        return NULL;
    }
    c->initialised = 1;
    return (PyObject *)c;
}

static void compressor_dealloc(PyObject *op)
{
    CompressorObject *c = (CompressorObject *)op;
    if (c->initialised) {
        lzma_end(&c->lzs);
    }
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef compressor_methods[] = {
    _PyCompressor_METHODS,
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Compressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_lzma.LZMACompressor",
    .tp_basicsize = sizeof(CompressorObject),
    .tp_dealloc = compressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, "
              "filters=None)\n--\n\n"
              "An incremental compressor for .xz, .lzma or raw streams.",
    .tp_methods = compressor_methods,
    .tp_new = compressor_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* ---- decompressor ------------------------------------------------------- */

typedef struct {
    _PyDecompressorObject base; /* its mutex guards the fields below */
    lzma_stream lzs;
    int initialised;
    int check;
} DecompressorObject;

static PyTypeObject Decompressor_Type;

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
    lzma_stream *lzs = &d->lzs;
    lzs->next_in = (const uint8_t *)data;
    lzs->avail_in = *len;
    while (limit < 0 || out.used < limit) {
        if (point_output(&out, lzs) < 0) {
            goto error;
        }
        lzma_ret ret = run_detached(lzs, LZMA_RUN, &out);
        if (ret == LZMA_BUF_ERROR && lzs->avail_in == 0
            && lzs->avail_out > 0) {
            ret = LZMA_OK;      /* partial input: wait for more */
        }
        if (catch_lzma_error(ret)) {
            goto error;
        }
        if (ret == LZMA_GET_CHECK || ret == LZMA_NO_CHECK) {
            d->check = (int)lzma_get_check(lzs);
        }
        if (ret == LZMA_STREAM_END) {
            d->base.eof = 1;
            break;
        }
        if (lzs->avail_in == 0 && lzs->avail_out > 0) {
            break;
        }
    }
    *len = lzs->avail_in;
    /* The input belongs to this call only. */
    lzs->next_in = NULL;
    lzs->avail_in = 0;
    return _PyOutputBuffer_Finish(&out);
error:
    lzs->next_in = NULL;
    lzs->avail_in = 0;
    _PyOutputBuffer_Abandon(&out);
    return NULL;
}

static const _PyDecompressorKind lzma_decompressor = {
    .eof_message = "Already at end of stream",
    .run = decompress_locked,
};

static int init_decoder(DecompressorObject *d, int format, uint64_t memlimit,
                        PyObject *filterspecs)
{
    const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    lzma_ret ret;
    switch (format) {
    case FORMAT_AUTO:
        ret = lzma_auto_decoder(&d->lzs, memlimit, flags);
        break;
    case FORMAT_XZ:
        ret = lzma_stream_decoder(&d->lzs, memlimit, flags);
        break;
    case FORMAT_ALONE:
        d->check = LZMA_CHECK_NONE;
        ret = lzma_alone_decoder(&d->lzs, memlimit);
        break;
    default: {
        lzma_filter filters[LZMA_FILTERS_MAX + 1];
        d->check = LZMA_CHECK_NONE;
        if (parse_filter_chain(filterspecs, filters) < 0) {
            return -1;
        }
        ret = lzma_raw_decoder(&d->lzs, filters);
        free_filter_chain(filters);
        break;
    }
    }
    return catch_lzma_error(ret) ? -1 : 0;
}

static int check_decoder_args(int format, PyObject *memlimit_obj,
                              PyObject *filterspecs)
{
    if (format < FORMAT_AUTO || format > FORMAT_RAW) {
        PyErr_Format(PyExc_ValueError, "Invalid container format: %d",
                     format);
        return -1;
    }
    if (format == FORMAT_RAW && memlimit_obj != Py_None) {
        PyErr_SetString(PyExc_ValueError,
                        "Cannot specify memory limit with FORMAT_RAW");
        return -1;
    }
    if (format == FORMAT_RAW && filterspecs == Py_None) {
        PyErr_SetString(PyExc_ValueError,
                        "Must specify filters for FORMAT_RAW");
        return -1;
    }
    if (format != FORMAT_RAW && filterspecs != Py_None) {
        PyErr_SetString(PyExc_ValueError,
                        "Cannot specify filters except with FORMAT_RAW");
        return -1;
    }
    return 0;
}

static PyObject *decompressor_new(PyTypeObject *type, PyObject *args,
                                  PyObject *kwds)
{
    static char *keywords[] = {"format", "memlimit", "filters", NULL};
    int format = FORMAT_AUTO;
    PyObject *memlimit_obj = Py_None, *filterspecs = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iOO:LZMADecompressor",
                                     keywords, &format, &memlimit_obj,
                                     &filterspecs)
        || check_decoder_args(format, memlimit_obj, filterspecs) < 0) {
        return NULL;
    }
    uint64_t memlimit = UINT64_MAX;
    if (memlimit_obj != Py_None) {
        memlimit = PyLong_AsUnsignedLongLong(memlimit_obj);
        if (memlimit == (uint64_t)-1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    DecompressorObject *d = (DecompressorObject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    d->lzs = (lzma_stream)LZMA_STREAM_INIT;
    d->check = LZMA_CHECK_UNKNOWN;
    if (_PyDecompressor_InitHead(&d->base, &lzma_decompressor) < 0
        || init_decoder(d, format, memlimit, filterspecs) < 0) {
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
        lzma_end(&d->lzs);
    }
    _PyDecompressor_ClearHead(&d->base);
    Py_TYPE(op)->tp_free(op);
}

/* The attribute readers take the mutex so they never see a half-made
   update from another thread's decompress(). */
static PyObject *decompressor_get_check(PyObject *op, void *Py_UNUSED(c))
{
    DecompressorObject *d = (DecompressorObject *)op;
    _PyMutex_LockDetached(&d->base.mutex);
    int check = d->check;
    PyMutex_Unlock(&d->base.mutex);
    return PyLong_FromLong(check);
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
    {"check", decompressor_get_check, NULL,
     "ID of the integrity check used by the input stream.", NULL},
    _PyDecompressor_GETSET,
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Decompressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_lzma.LZMADecompressor",
    .tp_basicsize = sizeof(DecompressorObject),
    .tp_dealloc = decompressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "LZMADecompressor(format=FORMAT_AUTO, memlimit=None, "
              "filters=None)\n--\n\n"
              "An incremental decompressor for one .xz, .lzma or raw stream.",
    .tp_methods = decompressor_methods,
    .tp_getset = decompressor_getset,
    .tp_new = decompressor_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* ---- module functions --------------------------------------------------- */

static PyObject *lzma_is_check_supported(PyObject *Py_UNUSED(module),
                                         PyObject *arg)
{
    int check_id = PyLong_AsInt(arg);
    if (check_id == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(check_id >= 0
                           && lzma_check_is_supported((lzma_check)check_id));
}

static PyObject *lzma_encode_filter_properties(PyObject *Py_UNUSED(module),
                                               PyObject *spec)
{
    lzma_filter filter[2] = {{LZMA_VLI_UNKNOWN, NULL},
                             {LZMA_VLI_UNKNOWN, NULL}};
    if (parse_filter_spec(spec, &filter[0]) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    uint32_t size;
    lzma_ret ret = lzma_properties_size(&size, &filter[0]);
    if (!catch_lzma_error(ret)) {
        result = PyBytes_FromStringAndSize(NULL, size);
        if (result != NULL) {
            ret = lzma_properties_encode(
                &filter[0], (uint8_t *)PyBytes_AS_STRING(result));
            if (catch_lzma_error(ret)) {
                Py_CLEAR(result);
            }
        }
    }
    PyMem_Free(filter[0].options);
    return result;
}

static PyObject *lzma_decode_filter_properties(PyObject *Py_UNUSED(module),
                                               PyObject *args)
{
    unsigned long long id;
    Py_buffer props;
    if (!PyArg_ParseTuple(args, "Ky*:_decode_filter_properties", &id,
                          &props)) {
        return NULL;
    }
    lzma_filter filter = {id, NULL};
    lzma_ret ret = lzma_properties_decode(&filter, NULL, props.buf,
                                          (size_t)props.len);
    PyBuffer_Release(&props);
    if (catch_lzma_error(ret)) {
        return NULL;
    }
    PyObject *spec = build_filter_spec(&filter);
    /* liblzma allocated the options with malloc (NULL allocator). */
    free(filter.options);
    return spec;
}

static PyMethodDef lzma_functions[] = {
    {"is_check_supported", lzma_is_check_supported, METH_O,
     "is_check_supported($module, check_id, /)\n--\n\nWhether this "
     "liblzma can verify the integrity check check_id."},
    {"_encode_filter_properties", lzma_encode_filter_properties, METH_O,
     "_encode_filter_properties($module, filter, /)\n--\n\nThe "
     "encoded options of a filter specifier (without its ID)."},
    {"_decode_filter_properties", lzma_decode_filter_properties,
     METH_VARARGS,
     "_decode_filter_properties($module, filter_id, encoded_props, /)\n"
     "--\n\nThe filter specifier (a dict) for encoded options."},
    {NULL, NULL, 0, NULL},
};

static int add_constants(PyObject *module)
{
    const struct { const char *name; unsigned long long value; } ints[] = {
        {"FORMAT_AUTO", FORMAT_AUTO}, {"FORMAT_XZ", FORMAT_XZ},
        {"FORMAT_ALONE", FORMAT_ALONE}, {"FORMAT_RAW", FORMAT_RAW},
        {"CHECK_NONE", LZMA_CHECK_NONE}, {"CHECK_CRC32", LZMA_CHECK_CRC32},
        {"CHECK_CRC64", LZMA_CHECK_CRC64},
        {"CHECK_SHA256", LZMA_CHECK_SHA256},
        {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
        {"CHECK_UNKNOWN", LZMA_CHECK_UNKNOWN},
        {"FILTER_LZMA1", LZMA_FILTER_LZMA1},
        {"FILTER_LZMA2", LZMA_FILTER_LZMA2},
        {"FILTER_DELTA", LZMA_FILTER_DELTA},
        {"FILTER_X86", LZMA_FILTER_X86}, {"FILTER_IA64", LZMA_FILTER_IA64},
        {"FILTER_ARM", LZMA_FILTER_ARM},
        {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
        {"FILTER_POWERPC", LZMA_FILTER_POWERPC},
        {"FILTER_SPARC", LZMA_FILTER_SPARC},
        {"MF_HC3", LZMA_MF_HC3}, {"MF_HC4", LZMA_MF_HC4},
        {"MF_BT2", LZMA_MF_BT2}, {"MF_BT3", LZMA_MF_BT3},
        {"MF_BT4", LZMA_MF_BT4},
        {"MODE_FAST", LZMA_MODE_FAST}, {"MODE_NORMAL", LZMA_MODE_NORMAL},
        {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
        {"PRESET_EXTREME", LZMA_PRESET_EXTREME},
    };
    for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
        PyObject *value = PyLong_FromUnsignedLongLong(ints[i].value);
        if (PyModule_Add(module, ints[i].name, value) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The exception and the static types are made once; later module
   instances share them. */
static int lzma_exec(PyObject *module)
{
    if (LZMAError == NULL) {
        LZMAError = PyErr_NewExceptionWithDoc(
            "_lzma.LZMAError", "An error reported by liblzma.", NULL, NULL);
        if (LZMAError == NULL) {
            return -1;
        }
    }
    PyTypeObject *types[] = {&Compressor_Type, &Decompressor_Type};
    for (size_t i = 0; i < 2; i++) {
        const char *dot = strrchr(types[i]->tp_name, '.');
        if (PyType_Ready(types[i]) < 0
            || PyModule_AddObjectRef(module, dot + 1,
                                     (PyObject *)types[i]) < 0) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "LZMAError", LZMAError) < 0) {
        return -1;
    }
    return add_constants(module);
}

static PyModuleDef_Slot lzma_slots[] = {
    {Py_mod_exec, lzma_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef lzma_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_lzma",
    .m_size = 0,
    .m_methods = lzma_functions,
    .m_slots = lzma_slots,
};

PyMODINIT_FUNC
PyInit__lzma(void)
{
    return PyModuleDef_Init(&lzma_module);
}

#endif /* HAVE_LIBLZMA */
