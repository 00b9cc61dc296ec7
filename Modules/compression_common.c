/* The parts of the _bz2, _lzma and _zstd stream objects that do not
   depend on the library: see compression_common.h.

   Thread safety: each function here that reads or writes an object's
   fields takes that object's mutex first (detached, so a waiter does
   not hold up a stop-the-world pause); the module's run function is
   called with it held. */
#include "compression_common.h"
#include "pycore_pystate.h"       /* _PyMutex_LockDetached */

#include <string.h>

/* ---- compressors ------------------------------------------------------- */

PyObject *_PyCompressor_Compress(PyObject *op, PyObject *data)
{
    _PyCompressorObject *c = (_PyCompressorObject *)op;
    Py_buffer view;
    if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    _PyMutex_LockDetached(&c->mutex);
    if (c->flushed) {
        PyErr_SetString(PyExc_ValueError, "Compressor has been flushed");
    }
    else {
        result = c->run(op, view.buf, (size_t)view.len, 0);
    }
    PyMutex_Unlock(&c->mutex);
    PyBuffer_Release(&view);
    return result;
}

PyObject *_PyCompressor_Flush(PyObject *op, PyObject *Py_UNUSED(unused))
{
    _PyCompressorObject *c = (_PyCompressorObject *)op;
    PyObject *result = NULL;
    _PyMutex_LockDetached(&c->mutex);
    if (c->flushed) {
        PyErr_SetString(PyExc_ValueError, "Repeated call to flush()");
    }
    else {
        c->flushed = 1;
        result = c->run(op, NULL, 0, 1);
    }
    PyMutex_Unlock(&c->mutex);
    return result;
}

/* ---- decompressors: kept input ----------------------------------------- */

int _PyDecompressor_InitHead(_PyDecompressorObject *d,
                             const _PyDecompressorKind *kind)
{
    d->mutex = (PyMutex){0};
    d->kind = kind;
    d->eof = 0;
    d->needs_input = 1;
    d->input = NULL;
    d->input_len = 0;
    d->unused_data = PyBytes_FromStringAndSize(NULL, 0);
    return d->unused_data == NULL ? -1 : 0;
}

void _PyDecompressor_ClearHead(_PyDecompressorObject *d)
{
    PyMem_Free(d->input);
    d->input = NULL;
    Py_CLEAR(d->unused_data);
}

/* The input of this call: the new data alone, or appended to what an
   earlier call left over (then in d->input, which the head owns). */
static int take_input(_PyDecompressorObject *d, const Py_buffer *view,
                      const char **data, size_t *len)
{
    if (d->input_len == 0) {
        *data = view->buf;
        *len = (size_t)view->len;
        return 0;
    }
    size_t total = d->input_len + (size_t)view->len;
    char *joined = PyMem_Realloc(d->input, total);
    if (joined == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(joined + d->input_len, view->buf, (size_t)view->len);
    d->input = joined;
    d->input_len = total;
    *data = joined;
    *len = total;
    return 0;
}

/* Keep rest[0:len] for the next call; rest may lie inside d->input. */
static int keep_input(_PyDecompressorObject *d, const char *rest, size_t len)
{
    if (d->input != NULL && rest >= d->input
        && rest < d->input + d->input_len) {
        memmove(d->input, rest, len);
        d->input_len = len;
        return 0;
    }
    char *copy = PyMem_Realloc(d->input, len);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, rest, len);
    d->input = copy;
    d->input_len = len;
    return 0;
}

/* After a successful run: rest[0:left] is the unconsumed input.  Past
   the end of the stream it becomes unused_data; otherwise it is kept,
   and needs_input says whether the next call needs new data (a full
   output buffer may leave output pending in the library). */
static int settle_input(_PyDecompressorObject *d, const char *rest,
                        size_t left, Py_ssize_t max_length,
                        PyObject *result)
{
    if (d->eof) {
        d->needs_input = 0;
        d->input_len = 0;
        if (left == 0) {
            return 0;
        }
        PyObject *unused = PyBytes_FromStringAndSize(rest, (Py_ssize_t)left);
        if (unused == NULL) {
            return -1;
        }
        Py_SETREF(d->unused_data, unused);
        return 0;
    }
    if (left == 0) {
        d->input_len = 0;
        d->needs_input = !(max_length >= 0
                           && PyBytes_GET_SIZE(result) == max_length);
        return 0;
    }
    d->needs_input = 0;
    return keep_input(d, rest, left);
}

/* One decompress() call; the caller holds the mutex. */
static PyObject *decompress_locked(_PyDecompressorObject *d, Py_buffer *view,
                                   Py_ssize_t max_length)
{
    const _PyDecompressorKind *kind = d->kind;
    if (d->eof) {
        PyErr_SetString(PyExc_EOFError, kind->eof_message);
        return NULL;
    }
    const char *data;
    size_t len;
    if (take_input(d, view, &data, &len) < 0) {
        return NULL;
    }
    size_t left = len;
    PyObject *result = kind->run((PyObject *)d, data, &left, max_length);
    if (result == NULL) {
        /* The stream is broken: what was kept cannot be used again. */
        d->input_len = 0;
        return NULL;
    }
    if (settle_input(d, data + (len - left), left, max_length, result) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

PyObject *_PyDecompressor_Decompress(PyObject *op, PyObject *args,
                                     PyObject *kwds)
{
    static char *keywords[] = {"data", "max_length", NULL};
    _PyDecompressorObject *d = (_PyDecompressorObject *)op;
    Py_buffer view;
    Py_ssize_t max_length = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|n:decompress", keywords,
                                     &view, &max_length)) {
        return NULL;
    }
    _PyMutex_LockDetached(&d->mutex);
    PyObject *result = decompress_locked(d, &view, max_length);
    PyMutex_Unlock(&d->mutex);
    PyBuffer_Release(&view);
    return result;
}

/* ---- decompressors: attributes ----------------------------------------- */

/* The readers take the mutex so they never see a half-made update from
   another thread's decompress(). */
PyObject *_PyDecompressor_GetEof(PyObject *op, void *Py_UNUSED(closure))
{
    _PyDecompressorObject *d = (_PyDecompressorObject *)op;
    _PyMutex_LockDetached(&d->mutex);
    int eof = d->eof;
    PyMutex_Unlock(&d->mutex);
    return PyBool_FromLong(eof);
}

PyObject *_PyDecompressor_GetNeedsInput(PyObject *op,
                                        void *Py_UNUSED(closure))
{
    _PyDecompressorObject *d = (_PyDecompressorObject *)op;
    _PyMutex_LockDetached(&d->mutex);
    int needs = d->needs_input;
    PyMutex_Unlock(&d->mutex);
    return PyBool_FromLong(needs);
}

PyObject *_PyDecompressor_GetUnusedData(PyObject *op,
                                        void *Py_UNUSED(closure))
{
    _PyDecompressorObject *d = (_PyDecompressorObject *)op;
    _PyMutex_LockDetached(&d->mutex);
    PyObject *unused = Py_NewRef(d->unused_data);
    PyMutex_Unlock(&d->mutex);
    return unused;
}

PyObject *_PyCompression_RefusePickle(PyObject *op,
                                      PyObject *Py_UNUSED(unused))
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.100s' object",
                 Py_TYPE(op)->tp_name);
    return NULL;
}
