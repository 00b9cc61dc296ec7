/* _io.BytesIO: a binary stream over an in-memory byte buffer.

   getbuffer() returns a memoryview over a small exporter object
   (_io._BytesIOBuffer) that counts the live views; while any exists the
   buffer is pinned: write(), truncate() and close() raise BufferError
   instead of moving or freeing the memory under the view.

   Thread safety: every method runs inside the BytesIO's critical
   section, and so does the exporter's export counting (it locks the
   BytesIO it belongs to). */
#include "Python.h"
#include "pycore_object.h"
#include "_iomodule.h"
#include "memio_common.h"

typedef struct {
    IOBASE_HEAD
    char *buf;
    Py_ssize_t size;            /* logical length */
    Py_ssize_t alloc;
    Py_ssize_t pos;
    Py_ssize_t exports;         /* live getbuffer() views */
    char closed;
} bytesio;

typedef struct {
    PyObject_HEAD
    bytesio *source;            /* strong reference */
} bytesio_buffer;

#define BYTESIO(op) ((bytesio *)(op))

static int check_closed(bytesio *self)
{
    if (self->closed) {
        _PyIO_ClosedError();
        return -1;
    }
    return 0;
}

static int check_exports(bytesio *self)
{
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

/* Make room for `needed` bytes; 0 or -1. */
static int reserve(bytesio *self, Py_ssize_t needed)
{
    if (needed <= self->alloc) {
        return 0;
    }
    Py_ssize_t alloc = self->alloc < 64 ? 64 : self->alloc;
    while (alloc < needed) {
        if (alloc > PY_SSIZE_T_MAX / 2) {
            alloc = needed;
            break;
        }
        alloc *= 2;
    }
    char *grown = PyMem_Realloc(self->buf, (size_t)alloc);
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->buf = grown;
    self->alloc = alloc;
    return 0;
}

/* Write at the position (zero-filling any gap past the end). */
static Py_ssize_t write_bytes(bytesio *self, const char *data, Py_ssize_t len)
{
    if (check_closed(self) < 0 || check_exports(self) < 0) {
        return -1;
    }
    if (len == 0) {
        return 0;
    }
    if (self->pos > PY_SSIZE_T_MAX - len) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t end = self->pos + len;
    if (reserve(self, end) < 0) {
        return -1;
    }
    if (self->pos > self->size) {
        memset(self->buf + self->size, 0, (size_t)(self->pos - self->size));
    }
    memcpy(self->buf + self->pos, data, (size_t)len);
    self->pos = end;
    if (end > self->size) {
        self->size = end;
    }
    return len;
}

static int bytesio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"initial_bytes", NULL};
    PyObject *initial = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:BytesIO", kwlist, &initial)) {
        return -1;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    if (check_exports(self) < 0) {
        rc = -1;
    }
    else {
        self->size = self->pos = 0;
        self->closed = 0;
        if (initial != NULL && initial != Py_None) {
            Py_buffer view;
            if (PyObject_GetBuffer(initial, &view, PyBUF_SIMPLE) < 0) {
                rc = -1;
            }
            else {
                rc = write_bytes(self, view.buf, view.len) < 0 ? -1 : 0;
                PyBuffer_Release(&view);
                self->pos = 0;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static PyObject *bytesio_getvalue(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    if (check_closed(self) == 0) {
        res = PyBytes_FromStringAndSize(self->buf, self->size);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

/* Up to n bytes from the position (n < 0: all); lock held. */
static PyObject *read_locked(bytesio *self, Py_ssize_t n)
{
    if (check_closed(self) < 0) {
        return NULL;
    }
    Py_ssize_t avail = self->size > self->pos ? self->size - self->pos : 0;
    if (n < 0 || n > avail) {
        n = avail;
    }
    PyObject *res = PyBytes_FromStringAndSize(self->buf + self->pos, n);
    if (res != NULL) {
        self->pos += n;
    }
    return res;
}

static PyObject *bytesio_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &size) < 0) {
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = read_locked(BYTESIO(op), size);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* The length of the line at the position, limited to `limit` if >= 0. */
static Py_ssize_t line_length(bytesio *self, Py_ssize_t limit)
{
    if (self->pos >= self->size) {
        return 0;
    }
    Py_ssize_t avail = self->size - self->pos;
    if (limit >= 0 && limit < avail) {
        avail = limit;
    }
    const char *start = self->buf + self->pos;
    const char *nl = memchr(start, '\n', (size_t)avail);
    return nl ? nl - start + 1 : avail;
}

static PyObject *bytesio_readline(PyObject *op, PyObject *const *args,
                                  Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &limit) < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    if (check_closed(self) == 0) {
        res = read_locked(self, line_length(self, limit));
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *bytesio_readlines(PyObject *op, PyObject *const *args,
                                   Py_ssize_t nargs)
{
    Py_ssize_t hint = -1;
    if (!_PyArg_CheckPositional("readlines", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &hint) < 0) {
        return NULL;
    }
    PyObject *lines = PyList_New(0);
    if (lines == NULL) {
        return NULL;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    rc = check_closed(self);
    Py_ssize_t total = 0;
    while (rc == 0) {
        Py_ssize_t n = line_length(self, -1);
        if (n == 0) {
            break;
        }
        PyObject *line = read_locked(self, n);
        if (line == NULL || PyList_Append(lines, line) < 0) {
            Py_XDECREF(line);
            rc = -1;
            break;
        }
        Py_DECREF(line);
        total += n;
        if (hint > 0 && total >= hint) {
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        Py_DECREF(lines);
        return NULL;
    }
    return lines;
}

static PyObject *bytesio_readinto(PyObject *op, PyObject *arg)
{
    Py_buffer view;
    if (_PyIO_GetWritableBuffer(arg, &view, "readinto") < 0) {
        return NULL;
    }
    Py_ssize_t n = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    if (check_closed(self) == 0) {
        Py_ssize_t avail = self->size > self->pos ? self->size - self->pos : 0;
        n = view.len < avail ? view.len : avail;
        memcpy(view.buf, self->buf + self->pos, (size_t)n);
        self->pos += n;
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *bytesio_iternext(PyObject *op)
{
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    if (check_closed(self) == 0) {
        Py_ssize_t n = line_length(self, -1);
        res = n == 0 ? NULL : read_locked(self, n);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *bytesio_write(PyObject *op, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    Py_ssize_t n;
    Py_BEGIN_CRITICAL_SECTION(op);
    n = write_bytes(BYTESIO(op), view.buf, view.len);
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *bytesio_writelines(PyObject *op, PyObject *lines)
{
    int closed;
    Py_BEGIN_CRITICAL_SECTION(op);
    closed = check_closed(BYTESIO(op));
    Py_END_CRITICAL_SECTION();
    if (closed < 0) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL) {
        return NULL;
    }
    PyObject *line;
    while ((line = PyIter_Next(it)) != NULL) {
        PyObject *res = bytesio_write(op, line);
        Py_DECREF(line);
        if (res == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(res);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytesio_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2)) {
        return NULL;
    }
    Py_ssize_t pos = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (pos == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int whence = 0;
    if (nargs == 2) {
        whence = PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    if (check_closed(self) < 0) {
        goto done;
    }
    if (whence == 0 && pos < 0) {
        PyErr_Format(PyExc_ValueError, "negative seek value %zd", pos);
        goto done;
    }
    if (whence == 1) {
        pos = pos > PY_SSIZE_T_MAX - self->pos ? PY_SSIZE_T_MAX : self->pos + pos;
    }
    else if (whence == 2) {
        pos = pos > PY_SSIZE_T_MAX - self->size ? PY_SSIZE_T_MAX : self->size + pos;
    }
    else if (whence != 0) {
        PyErr_Format(PyExc_ValueError,
                     "invalid whence (%d, should be 0, 1 or 2)", whence);
        goto done;
    }
    self->pos = pos < 0 ? 0 : pos;
    res = PyLong_FromSsize_t(self->pos);
done:
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *bytesio_tell(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (check_closed(BYTESIO(op)) == 0) {
        res = PyLong_FromSsize_t(BYTESIO(op)->pos);
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *bytesio_truncate(PyObject *op, PyObject *const *args,
                                  Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    int given = _PyMemIO_TruncateArg(args, nargs, &size);
    if (given < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    if (check_closed(self) == 0 && check_exports(self) == 0) {
        res = _PyMemIO_Truncate(&self->size, self->pos, given, size,
                                "negative size value %zd");
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *bytesio_true_if_open(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_closed(BYTESIO(op)) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *bytesio_flush(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_closed(BYTESIO(op)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytesio_isatty(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_closed(BYTESIO(op)) < 0) {
        return NULL;
    }
    Py_RETURN_FALSE;
}

static PyObject *bytesio_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    int rc;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    rc = check_exports(self);
    if (rc == 0) {
        self->closed = 1;
        self->iob_closed = 1;
        PyMem_Free(self->buf);
        self->buf = NULL;
        self->size = self->alloc = self->pos = 0;
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytesio_closed_get(PyObject *op, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(BYTESIO(op)->closed);
}

static PyObject *bytesio_getbuffer(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_closed(BYTESIO(op)) < 0) {
        return NULL;
    }
    bytesio_buffer *exporter = PyObject_New(bytesio_buffer, &_PyBytesIOBuffer_Type);
    if (exporter == NULL) {
        return NULL;
    }
    exporter->source = (bytesio *)Py_NewRef(op);
    PyObject *view = PyMemoryView_FromObject((PyObject *)exporter);
    Py_DECREF(exporter);
    return view;
}

static PyObject *bytesio_getstate(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *value = bytesio_getvalue(op, NULL);
    if (value == NULL) {
        return NULL;
    }
    PyObject *dict = BYTESIO(op)->dict ? PyDict_Copy(BYTESIO(op)->dict)
                                       : Py_NewRef(Py_None);
    if (dict == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    return Py_BuildValue("(NnN)", value, BYTESIO(op)->pos, dict);
}

/* __setstate__((value, pos, dict)): the inverse of __getstate__, used by
   pickle and copy.  Runs in the object's critical section like every
   other method that touches the buffer. */
static PyObject *bytesio_setstate(PyObject *op, PyObject *state)
{
    Py_ssize_t pos;
    if (_PyMemIO_CheckState(op, state, 3) < 0
        || _PyMemIO_StatePosition(PyTuple_GET_ITEM(state, 1),
                                  "second item of state must be an integer, not %.200s",
                                  &pos) < 0) {
        return NULL;
    }
    PyObject *value = PyTuple_GET_ITEM(state, 0);
    PyObject *dict = PyTuple_GET_ITEM(state, 2);
    Py_buffer view;
    if (PyObject_GetBuffer(value, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    int rc = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytesio *self = BYTESIO(op);
    if (check_closed(self) == 0 && check_exports(self) == 0) {
        self->size = self->pos = 0;
        if (write_bytes(self, view.buf, view.len) >= 0) {
            self->pos = pos;
            rc = _PyMemIO_CheckStateDict(dict, "third") < 0
                 ? -1 : _PyMemIO_MergeStateDict(&self->dict, dict);
        }
    }
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&view);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytesio_sizeof(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t((Py_ssize_t)Py_TYPE(op)->tp_basicsize
                              + BYTESIO(op)->alloc);
}

static int bytesio_traverse(PyObject *op, visitproc visit, void *arg)
{
    return _PyIOBase_traverse(op, visit, arg);
}

static int bytesio_clear(PyObject *op)
{
    _PyIOBase_clear(op);
    return 0;
}

static void bytesio_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    if (BYTESIO(op)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    PyMem_Free(BYTESIO(op)->buf);
    _PyIOBase_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef bytesio_methods[] = {
    {"readable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"seekable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"writable", bytesio_true_if_open, METH_NOARGS, NULL},
    {"close", bytesio_close, METH_NOARGS, NULL},
    {"flush", bytesio_flush, METH_NOARGS, NULL},
    {"isatty", bytesio_isatty, METH_NOARGS, NULL},
    {"tell", bytesio_tell, METH_NOARGS, NULL},
    {"write", bytesio_write, METH_O, NULL},
    {"writelines", bytesio_writelines, METH_O, NULL},
    {"read1", _PyCFunction_CAST(bytesio_read), METH_FASTCALL, NULL},
    {"readinto", bytesio_readinto, METH_O, NULL},
    {"readline", _PyCFunction_CAST(bytesio_readline), METH_FASTCALL, NULL},
    {"readlines", _PyCFunction_CAST(bytesio_readlines), METH_FASTCALL, NULL},
    {"read", _PyCFunction_CAST(bytesio_read), METH_FASTCALL, NULL},
    {"getbuffer", bytesio_getbuffer, METH_NOARGS, NULL},
    {"getvalue", bytesio_getvalue, METH_NOARGS, NULL},
    {"seek", _PyCFunction_CAST(bytesio_seek), METH_FASTCALL, NULL},
    {"truncate", _PyCFunction_CAST(bytesio_truncate), METH_FASTCALL, NULL},
    {"__getstate__", bytesio_getstate, METH_NOARGS, NULL},
    {"__setstate__", bytesio_setstate, METH_O, NULL},
    {"__sizeof__", bytesio_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef bytesio_getset[] = {
    {"closed", bytesio_closed_get, NULL, "True if the file is closed.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyBytesIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(bytesio),
    .tp_dealloc = bytesio_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Buffered I/O implementation using an in-memory bytes buffer.",
    .tp_traverse = bytesio_traverse,
    .tp_clear = bytesio_clear,
    .tp_weaklistoffset = offsetof(bytesio, weakreflist),
    .tp_iternext = bytesio_iternext,
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getset,
    .tp_base = &PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(bytesio, dict),
    .tp_init = bytesio_init,
    .tp_new = PyType_GenericNew,
};

/* ---- the getbuffer() exporter ------------------------------------------- */

static int bytesio_buffer_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    bytesio *source = ((bytesio_buffer *)op)->source;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(source);
    static char empty[1];
    rc = PyBuffer_FillInfo(view, op, source->buf ? source->buf : empty,
                           source->size, 0, flags);
    if (rc == 0) {
        source->exports++;
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static void bytesio_buffer_releasebuffer(PyObject *op, Py_buffer *view)
{
    (void)view;
    bytesio *source = ((bytesio_buffer *)op)->source;
    Py_BEGIN_CRITICAL_SECTION(source);
    source->exports--;
    Py_END_CRITICAL_SECTION();
}

static void bytesio_buffer_dealloc(PyObject *op)
{
    Py_XDECREF(((bytesio_buffer *)op)->source);
    PyObject_Free(op);
}

static PyBufferProcs bytesio_buffer_as_buffer = {
    .bf_getbuffer = bytesio_buffer_getbuffer,
    .bf_releasebuffer = bytesio_buffer_releasebuffer,
};

PyTypeObject _PyBytesIOBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BytesIOBuffer",
    .tp_basicsize = sizeof(bytesio_buffer),
    .tp_dealloc = bytesio_buffer_dealloc,
    .tp_as_buffer = &bytesio_buffer_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};
