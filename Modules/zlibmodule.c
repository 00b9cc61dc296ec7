/* zlib: deflate compression on the system zlib library.

   Module functions (compress, decompress, crc32, adler32) own their
   z_stream for the duration of the call, so they share nothing.

   Thread safety of the stream objects (Compress, Decompress,
   _ZlibDecompressor): every method runs with the object's PyMutex
   `lock` held, taken with _PyMutex_LockDetached because the thread
   detaches (Py_BEGIN_ALLOW_THREADS) around the long zlib calls while it
   still holds the lock.  Fields marked "lock" below are only read or
   written under it, attribute getters included, so two threads sharing
   one object are serialised and never see a half-updated stream.  The
   output bytes object belongs to the running call alone until it is
   returned, so writing into it while detached is safe. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_output_buffer.h"

#include <limits.h>
#include <string.h>
#include <zlib.h>

#define DEF_BUF_SIZE (16 * 1024)
#define DEF_MEM_LEVEL 8

/* zlib.error: created by the first exec of the module (under the import
   lock, before any function can run) and never replaced. */
static PyObject *zlib_error;

static PyTypeObject Compress_Type;
static PyTypeObject Decompress_Type;
static PyTypeObject ZlibDecompressor_Type;

/* ---- errors ------------------------------------------------------------- */

/* Raise zlib.error "Error <err> <while_doing>[: <reason>]". */
static void
set_zlib_error(z_stream *zst, int err, const char *while_doing)
{
    const char *reason = NULL;
    if (err == Z_VERSION_ERROR) {
        reason = "library version mismatch";
    }
    if (reason == NULL) {
        reason = zst->msg;
    }
    if (reason == NULL) {
        switch (err) {
        case Z_BUF_ERROR:
            reason = "incomplete or truncated stream";
            break;
        case Z_STREAM_ERROR:
            reason = "inconsistent stream state";
            break;
        case Z_DATA_ERROR:
            reason = "invalid input data";
            break;
        }
    }
    if (reason == NULL) {
        PyErr_Format(zlib_error, "Error %d %s", err, while_doing);
    }
    else {
        PyErr_Format(zlib_error, "Error %d %s: %.200s", err, while_doing,
                     reason);
    }
}

/* ---- output ------------------------------------------------------------- */

/* The output of one call (pycore_output_buffer.h): zlib writes into it
   through zst->next_out. */
typedef _PyOutputBuffer OutBuf;

static uInt
clamp_uint(Py_ssize_t n)
{
    return n > (Py_ssize_t)UINT_MAX ? UINT_MAX : (uInt)n;
}

/* Point zlib's output at the buffer's free room.  1: zst->avail_out > 0;
   0: the limit is reached; -1: error. */
static int
outbuf_point(OutBuf *ob, z_stream *zst)
{
    void *next;
    Py_ssize_t room = _PyOutputBuffer_Reserve(ob, &next);
    if (room < 0) {
        return -1;
    }
    zst->next_out = next;
    zst->avail_out = clamp_uint(room);
    return room > 0;
}

static int
outbuf_start(OutBuf *ob, z_stream *zst, Py_ssize_t initial, Py_ssize_t limit)
{
    if (_PyOutputBuffer_Init(ob, initial, limit) < 0) {
        return -1;
    }
    if (outbuf_point(ob, zst) < 0) {
        _PyOutputBuffer_Abandon(ob);
        return -1;
    }
    return 0;
}

/* Make room for more output when zlib has filled what it was given.
   1: zst->avail_out > 0; 0: the limit is reached; -1: error. */
static int
outbuf_make_room(OutBuf *ob, z_stream *zst)
{
    if (zst->avail_out > 0) {
        return 1;
    }
    _PyOutputBuffer_Commit(ob, zst->next_out);
    return outbuf_point(ob, zst);
}

/* Trim to what was written; returns the owned bytes (NULL on error). */
static PyObject *
outbuf_finish(OutBuf *ob, z_stream *zst)
{
    _PyOutputBuffer_Commit(ob, zst->next_out);
    return _PyOutputBuffer_Finish(ob);
}

static void
outbuf_abandon(OutBuf *ob)
{
    _PyOutputBuffer_Abandon(ob);
}

/* ---- input feeding -------------------------------------------------------- */

/* Input bigger than a uInt is fed in slices: `pending` counts the bytes
   not yet handed to zlib. */
typedef struct {
    const Bytef *next;
    Py_ssize_t pending;
} Input;

static void
input_feed(Input *in, z_stream *zst)
{
    if (zst->avail_in == 0 && in->pending > 0) {
        uInt n = clamp_uint(in->pending);
        zst->next_in = (Bytef *)in->next;
        zst->avail_in = n;
        in->next += n;
        in->pending -= n;
    }
}

/* Bytes of input still unconsumed, in zst->avail_in and beyond. */
static Py_ssize_t
input_left(Input *in, z_stream *zst)
{
    return in->pending + (Py_ssize_t)zst->avail_in;
}

/* ---- checksums -------------------------------------------------------------- */

typedef uLong (*checksum_func)(uLong, const Bytef *, uInt);

/* Big buffers are summed detached: the buffer is pinned by the view. */
static PyObject *
checksum(PyObject *const *args, Py_ssize_t nargs, const char *name,
         checksum_func func, uLong start)
{
    if (!_PyArg_CheckPositional(name, nargs, 1, 2)) {
        return NULL;
    }
    uLong value = start;
    if (nargs == 2) {
        value = (uLong)(PyLong_AsUnsignedLongMask(args[1]) & 0xffffffffU);
        if (PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    const Bytef *p = view.buf;
    Py_ssize_t len = view.len;
    if (len > 5 * 1024) {
        Py_BEGIN_ALLOW_THREADS
        while (len > 0) {
            uInt n = clamp_uint(len);
            value = func(value, p, n);
            p += n;
            len -= n;
        }
        Py_END_ALLOW_THREADS
    }
    else if (len > 0) {
        value = func(value, p, (uInt)len);
    }
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(value & 0xffffffffU);
}

static PyObject *
zlib_crc32(PyObject *Py_UNUSED(module), PyObject *const *args,
           Py_ssize_t nargs)
{
    return checksum(args, nargs, "crc32", crc32, 0);
}

static PyObject *
zlib_adler32(PyObject *Py_UNUSED(module), PyObject *const *args,
             Py_ssize_t nargs)
{
    return checksum(args, nargs, "adler32", adler32, 1);
}

typedef uLong (*combine_func)(uLong, uLong, z_off_t);

static PyObject *
checksum_combine(PyObject *const *args, Py_ssize_t nargs, const char *name,
                 combine_func func)
{
    if (!_PyArg_CheckPositional(name, nargs, 3, 3)) {
        return NULL;
    }
    unsigned long first = PyLong_AsUnsignedLongMask(args[0]);
    if (first == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    unsigned long second = PyLong_AsUnsignedLongMask(args[1]);
    if (second == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t len2 = PyLong_AsSsize_t(args[2]);
    if (len2 == -1 && PyErr_Occurred()) {
        return NULL;
    }
    uLong r = func(first & 0xffffffffU, second & 0xffffffffU, (z_off_t)len2);
    return PyLong_FromUnsignedLong(r & 0xffffffffU);
}

static PyObject *
zlib_crc32_combine(PyObject *Py_UNUSED(module), PyObject *const *args,
                   Py_ssize_t nargs)
{
    return checksum_combine(args, nargs, "crc32_combine", crc32_combine);
}

static PyObject *
zlib_adler32_combine(PyObject *Py_UNUSED(module), PyObject *const *args,
                     Py_ssize_t nargs)
{
    return checksum_combine(args, nargs, "adler32_combine", adler32_combine);
}

/* ---- running deflate and inflate -------------------------------------------- */

/* Deflate all of `in` with `flush` (Z_NO_FLUSH for plain input) and append
   the output to ob.  Returns zlib's last status, or Z_ERRNO with a Python
   exception set when the output buffer cannot grow.  With flush ==
   Z_FINISH the loop runs until the stream end. */
static int
run_deflate(z_stream *zst, Input *in, int flush, OutBuf *ob)
{
    int err = Z_OK;
    do {
        input_feed(in, zst);
        int step_flush = in->pending > 0 ? Z_NO_FLUSH : flush;
        do {
            if (outbuf_make_room(ob, zst) < 0) {
                return Z_ERRNO;
            }
            Py_BEGIN_ALLOW_THREADS
            err = deflate(zst, step_flush);
            Py_END_ALLOW_THREADS
            if (err == Z_STREAM_ERROR) {
                return err;
            }
        } while (zst->avail_out == 0 && err != Z_STREAM_END);
    } while (in->pending > 0);
    return err;
}

/* Set the inflate dictionary from zdict (a buffer); 0 or -1. */
static int
set_inflate_dict(z_stream *zst, PyObject *zdict)
{
    Py_buffer view;
    if (PyObject_GetBuffer(zdict, &view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    if ((size_t)view.len > UINT_MAX) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_OverflowError,
                        "zdict length does not fit in an unsigned int");
        return -1;
    }
    int err = inflateSetDictionary(zst, view.buf, (uInt)view.len);
    PyBuffer_Release(&view);
    if (err != Z_OK) {
        set_zlib_error(zst, err, "while setting zdict");
        return -1;
    }
    return 0;
}

/* Inflate from `in` into ob until the input is used up, the stream ends
   or ob reaches its limit.  A Z_NEED_DICT is answered from zdict.
   Returns zlib's last status (Z_OK, Z_BUF_ERROR or Z_STREAM_END), or -100
   with a Python exception set. */
#define INFLATE_FAILED (-100)

static int
run_inflate(z_stream *zst, Input *in, int flush, OutBuf *ob, PyObject *zdict)
{
    int err = Z_OK;
    for (;;) {
        input_feed(in, zst);
        int room = outbuf_make_room(ob, zst);
        if (room < 0) {
            return INFLATE_FAILED;
        }
        if (room == 0) {
            return err;
        }
        Py_BEGIN_ALLOW_THREADS
        err = inflate(zst, flush);
        Py_END_ALLOW_THREADS
        switch (err) {
        case Z_OK:
        case Z_BUF_ERROR:
            break;
        case Z_STREAM_END:
            return err;
        case Z_NEED_DICT:
            if (zdict == NULL) {
                set_zlib_error(zst, err, "while decompressing data");
                return INFLATE_FAILED;
            }
            if (set_inflate_dict(zst, zdict) < 0) {
                return INFLATE_FAILED;
            }
            err = Z_OK;
            continue;
        default:
            set_zlib_error(zst, err, "while decompressing data");
            return INFLATE_FAILED;
        }
        /* Progress stops when zlib has output room left but no input. */
        if (zst->avail_out > 0 && input_left(in, zst) == 0) {
            return err;
        }
        if (err == Z_BUF_ERROR && zst->avail_out > 0) {
            return err;
        }
    }
}

/* ---- one-shot functions ----------------------------------------------------- */

static PyObject *
zlib_compress(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"", "level", "wbits", NULL};
    Py_buffer data;
    int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|ii:compress", keywords,
                                     &data, &level, &wbits)) {
        return NULL;
    }
    z_stream zst;
    memset(&zst, 0, sizeof(zst));
    int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, DEF_MEM_LEVEL,
                           Z_DEFAULT_STRATEGY);
    if (err != Z_OK) {
        PyBuffer_Release(&data);
        if (err == Z_MEM_ERROR) {
            PyErr_SetString(PyExc_MemoryError,
                            "Out of memory while compressing data");
        }
        else if (err == Z_STREAM_ERROR) {
            PyErr_SetString(zlib_error, "Bad compression level");
        }
        else {
            set_zlib_error(&zst, err, "while compressing data");
        }
        return NULL;
    }
    OutBuf ob = {NULL, 0, -1};
    Input in = {data.buf, data.len};
    PyObject *result = NULL;
    if (outbuf_start(&ob, &zst, DEF_BUF_SIZE, -1) == 0) {
        err = run_deflate(&zst, &in, Z_FINISH, &ob);
        if (err == Z_STREAM_END) {
            result = outbuf_finish(&ob, &zst);
        }
        else if (err != Z_ERRNO) {
            set_zlib_error(&zst, err, "while compressing data");
        }
    }
    outbuf_abandon(&ob);
    deflateEnd(&zst);
    PyBuffer_Release(&data);
    return result;
}

static PyObject *
zlib_decompress(PyObject *Py_UNUSED(module), PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"", "wbits", "bufsize", NULL};
    Py_buffer data;
    int wbits = MAX_WBITS;
    Py_ssize_t bufsize = DEF_BUF_SIZE;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|in:decompress",
                                     keywords, &data, &wbits, &bufsize)) {
        return NULL;
    }
    if (bufsize < 0) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "bufsize must be non-negative");
        return NULL;
    }
    z_stream zst;
    memset(&zst, 0, sizeof(zst));
    int err = inflateInit2(&zst, wbits);
    if (err != Z_OK) {
        PyBuffer_Release(&data);
        if (err == Z_MEM_ERROR) {
            PyErr_SetString(PyExc_MemoryError,
                            "Out of memory while decompressing data");
        }
        else {
            set_zlib_error(&zst, err, "while preparing to decompress data");
        }
        inflateEnd(&zst);
        return NULL;
    }
    OutBuf ob = {NULL, 0, -1};
    Input in = {data.buf, data.len};
    PyObject *result = NULL;
    if (outbuf_start(&ob, &zst, bufsize == 0 ? 1 : bufsize, -1) == 0) {
        err = run_inflate(&zst, &in, Z_NO_FLUSH, &ob, NULL);
        if (err == Z_STREAM_END) {
            result = outbuf_finish(&ob, &zst);
        }
        else if (err != INFLATE_FAILED) {
            set_zlib_error(&zst, Z_BUF_ERROR, "while decompressing data");
        }
    }
    outbuf_abandon(&ob);
    inflateEnd(&zst);
    PyBuffer_Release(&data);
    return result;
}

/* ---- stream objects ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyMutex lock;
    z_stream zst;               /* lock */
    int initialised;            /* lock: zst holds zlib state to free */
    char eof;                   /* lock */
    char needs_input;           /* lock (_ZlibDecompressor only) */
    PyObject *unused_data;      /* lock; bytes after the end of stream */
    PyObject *unconsumed_tail;  /* lock (Decompress only) */
    PyObject *zdict;            /* immutable after creation; may be NULL */
    /* _ZlibDecompressor: input kept between calls (lock). */
    char *pending;
    Py_ssize_t pending_len;
} ZStreamObject;

static void
zstream_lock(ZStreamObject *self)
{
    _PyMutex_LockDetached(&self->lock);
}

static void
zstream_unlock(ZStreamObject *self)
{
    PyMutex_Unlock(&self->lock);
}

static ZStreamObject *
zstream_alloc(PyTypeObject *type)
{
    ZStreamObject *self = (ZStreamObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->unused_data = PyBytes_FromStringAndSize(NULL, 0);
    self->unconsumed_tail = PyBytes_FromStringAndSize(NULL, 0);
    if (self->unused_data == NULL || self->unconsumed_tail == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    self->needs_input = 1;
    return self;
}

/* Deallocation: no other thread can hold a reference, so no lock. */
static void
zstream_dealloc(PyObject *op)
{
    ZStreamObject *self = (ZStreamObject *)op;
    if (self->initialised) {
        if (Py_IS_TYPE(op, &Compress_Type)) {
            deflateEnd(&self->zst);
        }
        else {
            inflateEnd(&self->zst);
        }
    }
    Py_XDECREF(self->unused_data);
    Py_XDECREF(self->unconsumed_tail);
    Py_XDECREF(self->zdict);
    PyMem_Free(self->pending);
    PyTypeObject *type = Py_TYPE(op);
    type->tp_free(op);
}

static int
check_zdict(PyObject *zdict)
{
    if (!PyObject_CheckBuffer(zdict)) {
        PyErr_SetString(PyExc_TypeError,
                        "zdict argument must support the buffer protocol");
        return -1;
    }
    return 0;
}

static PyObject *
zlib_compressobj(PyObject *Py_UNUSED(module), PyObject *args,
                 PyObject *kwargs)
{
    static char *keywords[] = {"level", "method", "wbits", "memLevel",
                               "strategy", "zdict", NULL};
    int level = Z_DEFAULT_COMPRESSION, method = Z_DEFLATED;
    int wbits = MAX_WBITS, mem_level = DEF_MEM_LEVEL;
    int strategy = Z_DEFAULT_STRATEGY;
    Py_buffer zdict = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|iiiiiy*:compressobj",
                                     keywords, &level, &method, &wbits,
                                     &mem_level, &strategy, &zdict)) {
        return NULL;
    }
    if (zdict.buf != NULL && (size_t)zdict.len > UINT_MAX) {
        PyBuffer_Release(&zdict);
        PyErr_SetString(PyExc_OverflowError,
                        "zdict length does not fit in an unsigned int");
        return NULL;
    }
    ZStreamObject *self = zstream_alloc(&Compress_Type);
    if (self == NULL) {
        goto done;
    }
    int err = deflateInit2(&self->zst, level, method, wbits, mem_level,
                           strategy);
    if (err == Z_OK) {
        self->initialised = 1;
        if (zdict.buf != NULL) {
            err = deflateSetDictionary(&self->zst, zdict.buf,
                                       (uInt)zdict.len);
            if (err != Z_OK) {
                PyErr_SetString(PyExc_ValueError, "Invalid dictionary");
                Py_CLEAR(self);
            }
        }
    }
    else if (err == Z_MEM_ERROR) {
        PyErr_SetString(PyExc_MemoryError,
                        "Can't allocate memory for compression object");
        Py_CLEAR(self);
    }
    else if (err == Z_STREAM_ERROR) {
        PyErr_SetString(PyExc_ValueError, "Invalid initialization option");
        Py_CLEAR(self);
    }
    else {
        set_zlib_error(&self->zst, err, "while creating compression object");
        Py_CLEAR(self);
    }
done:
    if (zdict.buf != NULL) {
        PyBuffer_Release(&zdict);
    }
    return (PyObject *)self;
}

/* Start inflating in a fresh object; raw streams take the dictionary at
   once, zlib streams when they ask for it. */
static ZStreamObject *
new_decompressor(PyTypeObject *type, int wbits, PyObject *zdict)
{
    if (zdict != NULL && check_zdict(zdict) < 0) {
        return NULL;
    }
    ZStreamObject *self = zstream_alloc(type);
    if (self == NULL) {
        return NULL;
    }
    self->zdict = Py_XNewRef(zdict);
    int err = inflateInit2(&self->zst, wbits);
    if (err == Z_OK) {
        self->initialised = 1;
        if (zdict != NULL && wbits < 0 &&
            set_inflate_dict(&self->zst, zdict) < 0) {
            Py_DECREF(self);
            return NULL;
        }
        return self;
    }
    if (err == Z_STREAM_ERROR) {
        PyErr_SetString(PyExc_ValueError, "Invalid initialization option");
    }
    else if (err == Z_MEM_ERROR) {
        PyErr_SetString(PyExc_MemoryError,
                        "Can't allocate memory for decompression object");
    }
    else {
        set_zlib_error(&self->zst, err, "while creating decompression object");
    }
    Py_DECREF(self);
    return NULL;
}

static PyObject *
zlib_decompressobj(PyObject *Py_UNUSED(module), PyObject *args,
                   PyObject *kwargs)
{
    static char *keywords[] = {"wbits", "zdict", NULL};
    int wbits = MAX_WBITS;
    PyObject *zdict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|iO:decompressobj",
                                     keywords, &wbits, &zdict)) {
        return NULL;
    }
    return (PyObject *)new_decompressor(&Decompress_Type, wbits, zdict);
}

/* ---- Compress methods ------------------------------------------------------ */

static PyObject *
compress_compress(PyObject *op, PyObject *arg)
{
    ZStreamObject *self = (ZStreamObject *)op;
    Py_buffer data;
    if (PyObject_GetBuffer(arg, &data, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    OutBuf ob = {NULL, 0, -1};
    Input in = {data.buf, data.len};
    zstream_lock(self);
    if (outbuf_start(&ob, &self->zst, DEF_BUF_SIZE, -1) == 0) {
        int err = run_deflate(&self->zst, &in, Z_NO_FLUSH, &ob);
        if (err == Z_OK || err == Z_BUF_ERROR) {
            result = outbuf_finish(&ob, &self->zst);
        }
        else if (err != Z_ERRNO) {
            set_zlib_error(&self->zst, err, "while compressing data");
        }
    }
    zstream_unlock(self);
    outbuf_abandon(&ob);
    PyBuffer_Release(&data);
    return result;
}

static PyObject *
compress_flush(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    ZStreamObject *self = (ZStreamObject *)op;
    if (!_PyArg_CheckPositional("flush", nargs, 0, 1)) {
        return NULL;
    }
    int mode = Z_FINISH;
    if (nargs == 1) {
        mode = PyLong_AsInt(args[0]);
        if (mode == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (mode == Z_NO_FLUSH) {
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    PyObject *result = NULL;
    OutBuf ob = {NULL, 0, -1};
    Input in = {NULL, 0};
    zstream_lock(self);
    self->zst.avail_in = 0;
    if (outbuf_start(&ob, &self->zst, DEF_BUF_SIZE, -1) == 0) {
        int err = run_deflate(&self->zst, &in, mode, &ob);
        if (err == Z_STREAM_END && mode == Z_FINISH) {
            err = deflateEnd(&self->zst);
            self->initialised = 0;
            if (err != Z_OK) {
                set_zlib_error(&self->zst, err, "while finishing compression");
            }
            else {
                result = outbuf_finish(&ob, &self->zst);
            }
        }
        else if (err == Z_OK || err == Z_BUF_ERROR || err == Z_STREAM_END) {
            result = outbuf_finish(&ob, &self->zst);
        }
        else if (err != Z_ERRNO) {
            set_zlib_error(&self->zst, err, "while flushing");
        }
    }
    zstream_unlock(self);
    outbuf_abandon(&ob);
    return result;
}

/* copy() for both directions: a new object with a duplicate stream. */
static PyObject *
zstream_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    ZStreamObject *self = (ZStreamObject *)op;
    int compressing = Py_IS_TYPE(op, &Compress_Type);
    ZStreamObject *copy = zstream_alloc(Py_TYPE(op));
    if (copy == NULL) {
        return NULL;
    }
    zstream_lock(self);
    int err = Z_STREAM_ERROR;
    if (self->initialised) {
        err = compressing ? deflateCopy(&copy->zst, &self->zst)
                          : inflateCopy(&copy->zst, &self->zst);
    }
    if (err == Z_OK) {
        copy->initialised = 1;
        Py_SETREF(copy->unused_data, Py_NewRef(self->unused_data));
        Py_SETREF(copy->unconsumed_tail, Py_NewRef(self->unconsumed_tail));
        copy->zdict = Py_XNewRef(self->zdict);
        copy->eof = self->eof;
    }
    else if (err == Z_STREAM_ERROR) {
        PyErr_SetString(PyExc_ValueError, "Inconsistent stream state");
    }
    else if (err == Z_MEM_ERROR) {
        PyErr_SetString(PyExc_MemoryError,
                        compressing
                        ? "Can't allocate memory for compression object"
                        : "Can't allocate memory for decompression object");
    }
    else {
        set_zlib_error(&self->zst, err, "while copying compression object");
    }
    zstream_unlock(self);
    if (err != Z_OK) {
        Py_DECREF(copy);
        return NULL;
    }
    return (PyObject *)copy;
}

static PyObject *
zstream_deepcopy(PyObject *op, PyObject *Py_UNUSED(memo))
{
    return zstream_copy(op, NULL);
}

/* ---- Decompress methods ---------------------------------------------------- */

/* After inflating: input beyond the stream end joins unused_data; input
   left because the output limit was hit becomes unconsumed_tail.  Caller
   holds the lock. */
static int
save_unconsumed(ZStreamObject *self, Input *in, int err)
{
    Py_ssize_t left = input_left(in, &self->zst);
    const char *start = (const char *)self->zst.next_in;
    if (err == Z_STREAM_END) {
        if (left > 0) {
            PyObject *joined = PyBytes_FromStringAndSize(NULL,
                PyBytes_GET_SIZE(self->unused_data) + left);
            if (joined == NULL) {
                return -1;
            }
            memcpy(PyBytes_AS_STRING(joined),
                   PyBytes_AS_STRING(self->unused_data),
                   PyBytes_GET_SIZE(self->unused_data));
            memcpy(PyBytes_AS_STRING(joined) +
                   PyBytes_GET_SIZE(self->unused_data), start, left);
            Py_SETREF(self->unused_data, joined);
        }
    }
    /* As in CPython, a tail left from an earlier call is replaced by the
       leftover even at the stream end, so the leftover then shows in
       both attributes. */
    if ((left > 0 && err != Z_STREAM_END) ||
        PyBytes_GET_SIZE(self->unconsumed_tail) > 0) {
        PyObject *tail = PyBytes_FromStringAndSize(start, left);
        if (tail == NULL) {
            return -1;
        }
        Py_SETREF(self->unconsumed_tail, tail);
    }
    self->zst.avail_in = 0;
    return 0;
}

/* Inflate `data` (len bytes; the caller keeps it alive) into at most
   `limit` bytes (negative: any), updating unused_data, unconsumed_tail
   and eof.  Caller holds the lock. */
static PyObject *
decompress_locked(ZStreamObject *self, const char *data, Py_ssize_t len,
                  Py_ssize_t limit, int flush, Py_ssize_t initial)
{
    OutBuf ob = {NULL, 0, -1};
    Input in = {(const Bytef *)data, len};
    self->zst.avail_in = 0;
    if (outbuf_start(&ob, &self->zst, initial, limit) < 0) {
        return NULL;
    }
    int err = run_inflate(&self->zst, &in, flush, &ob, self->zdict);
    if (err == INFLATE_FAILED || save_unconsumed(self, &in, err) < 0) {
        outbuf_abandon(&ob);
        return NULL;
    }
    if (err == Z_STREAM_END) {
        self->eof = 1;
    }
    return outbuf_finish(&ob, &self->zst);
}

static PyObject *
decompress_decompress(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"", "max_length", NULL};
    ZStreamObject *self = (ZStreamObject *)op;
    Py_buffer data;
    Py_ssize_t max_length = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|n:decompress",
                                     keywords, &data, &max_length)) {
        return NULL;
    }
    if (max_length < 0) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "max_length must be non-negative");
        return NULL;
    }
    Py_ssize_t limit = max_length == 0 ? -1 : max_length;
    zstream_lock(self);
    PyObject *result = decompress_locked(self, data.buf, data.len, limit,
                                         Z_SYNC_FLUSH, DEF_BUF_SIZE);
    zstream_unlock(self);
    PyBuffer_Release(&data);
    return result;
}

static PyObject *
decompress_flush(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    ZStreamObject *self = (ZStreamObject *)op;
    if (!_PyArg_CheckPositional("flush", nargs, 0, 1)) {
        return NULL;
    }
    Py_ssize_t length = DEF_BUF_SIZE;
    if (nargs == 1) {
        length = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (length == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (length <= 0) {
        PyErr_SetString(PyExc_ValueError, "length must be greater than zero");
        return NULL;
    }
    zstream_lock(self);
    if (!self->initialised) {
        /* An earlier flush saw the end of the stream: nothing is left. */
        zstream_unlock(self);
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    /* The tail is replaced by save_unconsumed; keep it alive meanwhile. */
    PyObject *tail = Py_NewRef(self->unconsumed_tail);
    PyObject *result = decompress_locked(self, PyBytes_AS_STRING(tail),
                                         PyBytes_GET_SIZE(tail), -1,
                                         Z_FINISH, length);
    if (result != NULL && self->eof && self->initialised) {
        inflateEnd(&self->zst);
        self->initialised = 0;
    }
    zstream_unlock(self);
    Py_DECREF(tail);
    return result;
}

/* Attribute getters take the lock: the fields are replaced under it. */
static PyObject *
get_unused_data(PyObject *op, void *Py_UNUSED(closure))
{
    ZStreamObject *self = (ZStreamObject *)op;
    zstream_lock(self);
    PyObject *value = Py_NewRef(self->unused_data);
    zstream_unlock(self);
    return value;
}

static PyObject *
get_unconsumed_tail(PyObject *op, void *Py_UNUSED(closure))
{
    ZStreamObject *self = (ZStreamObject *)op;
    zstream_lock(self);
    PyObject *value = Py_NewRef(self->unconsumed_tail);
    zstream_unlock(self);
    return value;
}

static PyObject *
get_eof(PyObject *op, void *Py_UNUSED(closure))
{
    ZStreamObject *self = (ZStreamObject *)op;
    zstream_lock(self);
    int eof = self->eof;
    zstream_unlock(self);
    return PyBool_FromLong(eof);
}

static PyObject *
get_needs_input(PyObject *op, void *Py_UNUSED(closure))
{
    ZStreamObject *self = (ZStreamObject *)op;
    zstream_lock(self);
    int needs = self->needs_input;
    zstream_unlock(self);
    return PyBool_FromLong(needs);
}

/* ---- _ZlibDecompressor --------------------------------------------------- */

static PyObject *
zlibdecompressor_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"wbits", "zdict", NULL};
    int wbits = MAX_WBITS;
    PyObject *zdict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|iO:_ZlibDecompressor",
                                     keywords, &wbits, &zdict)) {
        return NULL;
    }
    return (PyObject *)new_decompressor(type, wbits, zdict);
}

/* Keep `left` bytes at `start` as the input of the next call.  `start`
   may point into the old pending buffer. */
static int
keep_pending(ZStreamObject *self, const char *start, Py_ssize_t left)
{
    char *kept = NULL;
    if (left > 0) {
        kept = PyMem_Malloc(left);
        if (kept == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(kept, start, left);
    }
    PyMem_Free(self->pending);
    self->pending = kept;
    self->pending_len = left;
    return 0;
}

/* The stream-end leftovers become unused_data; other leftovers wait in
   `pending` for the next call.  Caller holds the lock. */
static int
zlibdecompressor_run(ZStreamObject *self, const char *data, Py_ssize_t len,
                     Py_ssize_t limit, PyObject **result)
{
    OutBuf ob = {NULL, 0, -1};
    Input in = {(const Bytef *)data, len};
    self->zst.avail_in = 0;
    Py_ssize_t initial = limit >= 0 && limit < DEF_BUF_SIZE ? limit
                                                           : DEF_BUF_SIZE;
    if (outbuf_start(&ob, &self->zst, initial, limit) < 0) {
        return -1;
    }
    int err = Z_OK;
    if (limit != 0) {
        err = run_inflate(&self->zst, &in, Z_SYNC_FLUSH, &ob, self->zdict);
    }
    if (err == INFLATE_FAILED) {
        outbuf_abandon(&ob);
        return -1;
    }
    Py_ssize_t left = limit == 0 ? len : input_left(&in, &self->zst);
    const char *start = limit == 0 ? data : (const char *)self->zst.next_in;
    self->zst.avail_in = 0;
    PyObject *out = outbuf_finish(&ob, &self->zst);
    if (out == NULL) {
        return -1;
    }
    int rc;
    if (err == Z_STREAM_END) {
        self->eof = 1;
        self->needs_input = 0;
        PyObject *rest = PyBytes_FromStringAndSize(start, left);
        rc = rest == NULL ? -1 : keep_pending(self, NULL, 0);
        if (rest != NULL) {
            Py_SETREF(self->unused_data, rest);
        }
    }
    else {
        rc = keep_pending(self, start, left);
        self->needs_input = left == 0 &&
            !(limit >= 0 && PyBytes_GET_SIZE(out) == limit);
    }
    if (rc < 0) {
        Py_DECREF(out);
        return -1;
    }
    *result = out;
    return 0;
}

static PyObject *
zlibdecompressor_decompress(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"data", "max_length", NULL};
    ZStreamObject *self = (ZStreamObject *)op;
    Py_buffer data;
    Py_ssize_t max_length = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|n:decompress",
                                     keywords, &data, &max_length)) {
        return NULL;
    }
    PyObject *result = NULL;
    zstream_lock(self);
    if (self->eof) {
        PyErr_SetString(PyExc_EOFError, "End of stream already reached");
    }
    else if (self->pending_len == 0) {
        zlibdecompressor_run(self, data.buf, data.len, max_length, &result);
    }
    else {
        Py_ssize_t total = self->pending_len + data.len;
        char *joined = PyMem_Malloc(total ? total : 1);
        if (joined == NULL) {
            PyErr_NoMemory();
        }
        else {
            memcpy(joined, self->pending, self->pending_len);
            memcpy(joined + self->pending_len, data.buf, data.len);
            zlibdecompressor_run(self, joined, total, max_length, &result);
            PyMem_Free(joined);
        }
    }
    zstream_unlock(self);
    PyBuffer_Release(&data);
    return result;
}

/* ---- type objects ----------------------------------------------------------- */

static PyMethodDef compress_methods[] = {
    {"compress", compress_compress, METH_O,
     "compress($self, data, /)\n--\n\n"
     "Returns a bytes object containing compressed data."},
    {"flush", _PyCFunction_CAST(compress_flush), METH_FASTCALL,
     "flush($self, mode=zlib.Z_FINISH, /)\n--\n\n"
     "Return a bytes object containing any remaining compressed data."},
    {"copy", zstream_copy, METH_NOARGS,
     "copy($self, /)\n--\n\nReturn a copy of the compression object."},
    {"__copy__", zstream_copy, METH_NOARGS, "__copy__($self, /)\n--\n\n"},
    {"__deepcopy__", zstream_deepcopy, METH_O,
     "__deepcopy__($self, memo, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef decompress_methods[] = {
    {"decompress", _PyCFunction_CAST(decompress_decompress),
     METH_VARARGS | METH_KEYWORDS,
     "decompress($self, data, /, max_length=0)\n--\n\n"
     "Return a bytes object containing the decompressed version of the "
     "data."},
    {"flush", _PyCFunction_CAST(decompress_flush), METH_FASTCALL,
     "flush($self, length=zlib.DEF_BUF_SIZE, /)\n--\n\n"
     "Return a bytes object containing any remaining decompressed data."},
    {"copy", zstream_copy, METH_NOARGS,
     "copy($self, /)\n--\n\nReturn a copy of the decompression object."},
    {"__copy__", zstream_copy, METH_NOARGS, "__copy__($self, /)\n--\n\n"},
    {"__deepcopy__", zstream_deepcopy, METH_O,
     "__deepcopy__($self, memo, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef decompress_getset[] = {
    {"unused_data", get_unused_data, NULL, NULL, NULL},
    {"unconsumed_tail", get_unconsumed_tail, NULL, NULL, NULL},
    {"eof", get_eof, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef zlibdecompressor_methods[] = {
    {"decompress", _PyCFunction_CAST(zlibdecompressor_decompress),
     METH_VARARGS | METH_KEYWORDS,
     "decompress($self, /, data, max_length=-1)\n--\n\n"
     "Decompress *data*, returning uncompressed data as bytes."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef zlibdecompressor_getset[] = {
    {"unused_data", get_unused_data, NULL, "Data found after the end of "
     "the compressed stream.", NULL},
    {"eof", get_eof, NULL, "True if the end-of-stream marker has been "
     "reached.", NULL},
    {"needs_input", get_needs_input, NULL, "True if more input is needed "
     "before more decompressed data can be produced.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Compress_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zlib.Compress",
    .tp_basicsize = sizeof(ZStreamObject),
    .tp_dealloc = zstream_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = compress_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

static PyTypeObject Decompress_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zlib.Decompress",
    .tp_basicsize = sizeof(ZStreamObject),
    .tp_dealloc = zstream_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = decompress_methods,
    .tp_getset = decompress_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

static PyTypeObject ZlibDecompressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zlib._ZlibDecompressor",
    .tp_basicsize = sizeof(ZStreamObject),
    .tp_dealloc = zstream_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "_ZlibDecompressor(wbits=15, zdict=b'')\n--\n\n"
              "Create a decompressor object for decompressing data "
              "incrementally.",
    .tp_methods = zlibdecompressor_methods,
    .tp_getset = zlibdecompressor_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = zlibdecompressor_new,
    .tp_free = PyObject_Free,
};

/* ---- module ------------------------------------------------------------------ */

static PyMethodDef zlib_methods[] = {
    {"adler32", _PyCFunction_CAST(zlib_adler32), METH_FASTCALL,
     "adler32($module, data, value=1, /)\n--\n\n"
     "Compute an Adler-32 checksum of data."},
    {"adler32_combine", _PyCFunction_CAST(zlib_adler32_combine),
     METH_FASTCALL,
     "adler32_combine($module, adler1, adler2, len2, /)\n--\n\n"
     "Combine two Adler-32 check values into one."},
    {"compress", _PyCFunction_CAST(zlib_compress),
     METH_VARARGS | METH_KEYWORDS,
     "compress($module, data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)"
     "\n--\n\nReturns a bytes object containing compressed data."},
    {"compressobj", _PyCFunction_CAST(zlib_compressobj),
     METH_VARARGS | METH_KEYWORDS,
     "compressobj($module, /, level=Z_DEFAULT_COMPRESSION, method=DEFLATED, "
     "wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, "
     "zdict=None)\n--\n\n"
     "Return a compressor object."},
    {"crc32", _PyCFunction_CAST(zlib_crc32), METH_FASTCALL,
     "crc32($module, data, value=0, /)\n--\n\n"
     "Compute a CRC-32 checksum of data."},
    {"crc32_combine", _PyCFunction_CAST(zlib_crc32_combine), METH_FASTCALL,
     "crc32_combine($module, crc1, crc2, len2, /)\n--\n\n"
     "Combine two CRC-32 check values into one."},
    {"decompress", _PyCFunction_CAST(zlib_decompress),
     METH_VARARGS | METH_KEYWORDS,
     "decompress($module, data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)"
     "\n--\n\nReturns a bytes object containing the uncompressed data."},
    {"decompressobj", _PyCFunction_CAST(zlib_decompressobj),
     METH_VARARGS | METH_KEYWORDS,
     "decompressobj($module, /, wbits=MAX_WBITS, zdict=b'')\n--\n\n"
     "Return a decompressor object."},
    {NULL, NULL, 0, NULL},
};

static int
add_int_constants(PyObject *module)
{
    static const struct { const char *name; long value; } constants[] = {
        {"MAX_WBITS", MAX_WBITS},
        {"DEFLATED", Z_DEFLATED},
        {"DEF_MEM_LEVEL", DEF_MEM_LEVEL},
        {"DEF_BUF_SIZE", DEF_BUF_SIZE},
        {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
        {"Z_BEST_SPEED", Z_BEST_SPEED},
        {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
        {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
        {"Z_FILTERED", Z_FILTERED},
        {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
        {"Z_RLE", Z_RLE},
        {"Z_FIXED", Z_FIXED},
        {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
        {"Z_NO_FLUSH", Z_NO_FLUSH},
        {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
        {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
        {"Z_FULL_FLUSH", Z_FULL_FLUSH},
        {"Z_FINISH", Z_FINISH},
        {"Z_BLOCK", Z_BLOCK},
        {"Z_TREES", Z_TREES},
    };
    for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
        if (PyModule_AddIntConstant(module, constants[i].name,
                                    constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
zlib_exec(PyObject *module)
{
    if (zlib_error == NULL) {
        zlib_error = PyErr_NewException("zlib.error", NULL, NULL);
        if (zlib_error == NULL) {
            return -1;
        }
    }
    if (PyType_Ready(&Compress_Type) < 0 ||
        PyType_Ready(&Decompress_Type) < 0 ||
        PyType_Ready(&ZlibDecompressor_Type) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "error", zlib_error) < 0 ||
        PyModule_AddObjectRef(module, "_ZlibDecompressor",
                              (PyObject *)&ZlibDecompressor_Type) < 0 ||
        add_int_constants(module) < 0 ||
        PyModule_AddStringConstant(module, "ZLIB_VERSION",
                                   ZLIB_VERSION) < 0 ||
        PyModule_AddStringConstant(module, "ZLIB_RUNTIME_VERSION",
                                   zlibVersion()) < 0 ||
        PyModule_AddStringConstant(module, "__version__", "1.0") < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot zlib_slots[] = {
    {Py_mod_exec, zlib_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef zlib_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "zlib",
    .m_doc = "The functions in this module allow compression and "
             "decompression using the\nzlib library, which is based on GNU "
             "zip.",
    .m_size = 0,
    .m_methods = zlib_methods,
    .m_slots = zlib_slots,
};

PyMODINIT_FUNC
PyInit_zlib(void)
{
    return PyModuleDef_Init(&zlib_module);
}
