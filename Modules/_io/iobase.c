/* The C base classes of the io hierarchy: _IOBase, _RawIOBase,
   _BufferedIOBase and _TextIOBase, plus helpers shared by the concrete
   io types.  Lib/io.py builds the public ABCs on top of these.

   Thread safety: _IOBase's own state is the closed flag, a char written
   once by close() (a racing second close() only writes the same value
   again); everything else goes through method calls on the object. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_long.h"
#include "pycore_initconfig.h"
#include "_iomodule.h"

PyObject *_PyIO_unsupported_operation;
#define IO_DEFINE_STRING(n) PyObject *_PyIO_str_##n;
IO_STRINGS(IO_DEFINE_STRING)
#undef IO_DEFINE_STRING
PyObject *_PyIO_empty_str;
PyObject *_PyIO_empty_bytes;

/* Called once during start-up (single-threaded). */
int _PyIOBase_InitStrings(void)
{
#define IO_MAKE_STRING(n) \
    if ((_PyIO_str_##n = PyUnicode_InternFromString(#n)) == NULL) return -1;
    IO_STRINGS(IO_MAKE_STRING)
#undef IO_MAKE_STRING
    _PyIO_empty_str = PyUnicode_FromStringAndSize(NULL, 0);
    _PyIO_empty_bytes = PyBytes_FromStringAndSize(NULL, 0);
    if (_PyIO_empty_str == NULL || _PyIO_empty_bytes == NULL) {
        return -1;
    }
    PyObject *bases = PyTuple_Pack(2, PyExc_OSError, PyExc_ValueError);
    if (bases == NULL) {
        return -1;
    }
    _PyIO_unsupported_operation = PyErr_NewException("io.UnsupportedOperation",
                                                     bases, NULL);
    Py_DECREF(bases);
    return _PyIO_unsupported_operation == NULL ? -1 : 0;
}

/* ---- helpers -------------------------------------------------------------- */

PyObject *_PyIO_Unsupported(const char *message)
{
    PyErr_SetString(_PyIO_unsupported_operation, message);
    return NULL;
}

PyObject *_PyIO_ClosedError(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
    return NULL;
}

int _PyIO_IsClosed(PyObject *obj)
{
    PyObject *value = PyObject_GetAttr(obj, _PyIO_str_closed);
    if (value == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(value);
    Py_DECREF(value);
    return truth;
}

int _PyIO_CheckClosed(PyObject *obj)
{
    int closed = _PyIO_IsClosed(obj);
    if (closed > 0) {
        _PyIO_ClosedError();
        return -1;
    }
    return closed;
}

int _PyIO_CheckCapability(PyObject *obj, PyObject *method, const char *message)
{
    PyObject *result = PyObject_CallMethodNoArgs(obj, method);
    if (result == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(result);
    Py_DECREF(result);
    if (truth == 0) {
        _PyIO_Unsupported(message);
        return -1;
    }
    return truth < 0 ? -1 : 0;
}

int _PyIO_GetWritableBuffer(PyObject *arg, Py_buffer *view, const char *fname)
{
    if (PyObject_GetBuffer(arg, view, PyBUF_WRITABLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "%s() argument must be read-write bytes-like object, not %.50s",
                     fname, arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
        return -1;
    }
    return 0;
}

int _PyIO_ConvertSize(PyObject *arg, Py_ssize_t *size)
{
    if (arg == NULL || arg == Py_None) {
        *size = -1;
        return 0;
    }
    if (!PyIndex_Check(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be integer or None, not '%.200s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    Py_ssize_t value = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    *size = value < 0 ? -1 : value;
    return 0;
}

Py_ssize_t _PyIO_FindLineEnd(int kind, const void *data, Py_ssize_t start,
                             Py_ssize_t end, int mode, int final)
{
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\n') {
            if (mode == 0 || mode == '\n') {
                return i + 1;
            }
            if (mode == 'R' && i > start && PyUnicode_READ(kind, data, i - 1) == '\r') {
                return i + 1;
            }
        }
        else if (ch == '\r') {
            if (mode == '\r') {
                return i + 1;
            }
            if (mode == 0) {
                if (i + 1 < end) {
                    return PyUnicode_READ(kind, data, i + 1) == '\n' ? i + 2 : i + 1;
                }
                return final ? i + 1 : -1;
            }
        }
    }
    return -1;
}

/* ---- the exit-flush registry ---------------------------------------------- */

/* Borrowed pointers to the registered objects.  Thread safety: the array
   and every object's iob_registry index are read and written only with
   registry_mutex held.  An object unregisters itself at the start of its
   tp_dealloc; the exit flush takes references with _Py_TryIncref, which
   fails for an object whose count already reached zero. */
static PyMutex registry_mutex;
static PyObject **registry;
static Py_ssize_t registry_len, registry_cap;

int _PyIO_Register(PyObject *self)
{
    iobase *io = (iobase *)self;
    int rc = 0;
    PyMutex_Lock(&registry_mutex);
    if (io->iob_registry == 0) {
        if (registry_len == registry_cap) {
            Py_ssize_t cap = registry_cap ? registry_cap * 2 : 64;
            PyObject **grown = PyMem_RawRealloc(registry, (size_t)cap * sizeof(PyObject *));
            if (grown == NULL) {
                rc = -1;
            }
            else {
                registry = grown;
                registry_cap = cap;
            }
        }
        if (rc == 0) {
            registry[registry_len++] = self;
            io->iob_registry = registry_len;
        }
    }
    PyMutex_Unlock(&registry_mutex);
    if (rc < 0) {
        PyErr_NoMemory();
    }
    return rc;
}

void _PyIO_Unregister(PyObject *self)
{
    iobase *io = (iobase *)self;
    PyMutex_Lock(&registry_mutex);
    Py_ssize_t slot = io->iob_registry;
    if (slot > 0) {
        PyObject *last = registry[--registry_len];
        registry[slot - 1] = last;
        ((iobase *)last)->iob_registry = slot;
        io->iob_registry = 0;
    }
    PyMutex_Unlock(&registry_mutex);
}

static void flush_quietly(PyObject *obj)
{
    int closed = _PyIO_IsClosed(obj);
    if (closed == 0) {
        PyObject *res = PyObject_CallMethodNoArgs(obj, _PyIO_str_flush);
        Py_XDECREF(res);
    }
    PyErr_Clear();
}

/* Set by the finalizing thread while _PyIO_FlushAtExit runs; read by
   bufferedio.c's lock_at_shutdown (atomics: other threads may read it). */
static int flushing_at_exit;

int _PyIO_FlushingAtExit(void)
{
    return __atomic_load_n(&flushing_at_exit, __ATOMIC_ACQUIRE);
}

void _PyIO_FlushAtExit(void)
{
    PyObject **live = NULL;
    Py_ssize_t n = 0;
    PyMutex_Lock(&registry_mutex);
    if (registry_len > 0) {
        live = PyMem_RawMalloc((size_t)registry_len * sizeof(PyObject *));
    }
    for (Py_ssize_t i = 0; live != NULL && i < registry_len; i++) {
        if (_Py_TryIncref(registry[i])) {
            live[n++] = registry[i];
        }
    }
    PyMutex_Unlock(&registry_mutex);
    PyObject *exc = PyErr_GetRaisedException();
    __atomic_store_n(&flushing_at_exit, 1, __ATOMIC_RELEASE);
    for (int text_pass = 1; text_pass >= 0; text_pass--) {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyObject_TypeCheck(live[i], &PyTextIOWrapper_Type) == text_pass) {
                flush_quietly(live[i]);
            }
        }
    }
    __atomic_store_n(&flushing_at_exit, 0, __ATOMIC_RELEASE);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(live[i]);
    }
    PyMem_RawFree(live);
    PyErr_SetRaisedException(exc);
}

/* ---- _IOBase ---------------------------------------------------------------- */

static PyObject *iobase_unsupported(const char *message)
{
    return _PyIO_Unsupported(message);
}

static PyObject *iobase_seek(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return iobase_unsupported("seek");
}

static PyObject *iobase_tell(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyObject_CallMethod(self, "seek", "ii", 0, 1);
}

static PyObject *iobase_truncate(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return iobase_unsupported("truncate");
}

static PyObject *iobase_fileno(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    (void)self;
    return iobase_unsupported("fileno");
}

static PyObject *iobase_false(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    (void)self;
    Py_RETURN_FALSE;
}

static PyObject *iobase_isatty(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (_PyIO_CheckClosed(self) < 0) {
        return NULL;
    }
    Py_RETURN_FALSE;
}

static PyObject *iobase_flush(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (((iobase *)self)->iob_closed) {
        return _PyIO_ClosedError();
    }
    Py_RETURN_NONE;
}

static PyObject *iobase_close(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    iobase *io = (iobase *)self;
    if (io->iob_closed) {
        Py_RETURN_NONE;
    }
    PyObject *result = PyObject_CallMethodNoArgs(self, _PyIO_str_flush);
    io->iob_closed = 1;
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    Py_RETURN_NONE;
}

static PyObject *iobase_closed_get(PyObject *self, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(((iobase *)self)->iob_closed);
}

static PyObject *iobase_check_closed(PyObject *self, PyObject *args)
{
    (void)args;
    if (_PyIO_CheckClosed(self) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *check_capability(PyObject *self, PyObject *method,
                                  const char *message)
{
    if (_PyIO_CheckCapability(self, method, message) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *iobase_check_readable(PyObject *self, PyObject *args)
{
    (void)args;
    return check_capability(self, _PyIO_str_readable,
                            "File or stream is not readable.");
}

static PyObject *iobase_check_writable(PyObject *self, PyObject *args)
{
    (void)args;
    return check_capability(self, _PyIO_str_writable,
                            "File or stream is not writable.");
}

static PyObject *iobase_check_seekable(PyObject *self, PyObject *args)
{
    (void)args;
    return check_capability(self, _PyIO_str_seekable,
                            "File or stream is not seekable.");
}

PyObject *_PyIOBase_enter(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (_PyIO_CheckClosed(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

PyObject *_PyIOBase_exit(PyObject *self, PyObject *args)
{
    (void)args;
    return PyObject_CallMethodNoArgs(self, _PyIO_str_close);
}

static PyObject *iobase_iter(PyObject *self)
{
    if (_PyIO_CheckClosed(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

PyObject *_PyIOBase_iternext(PyObject *self)
{
    PyObject *line = PyObject_CallMethodNoArgs(self, _PyIO_str_readline);
    if (line == NULL) {
        return NULL;
    }
    Py_ssize_t len = PyObject_Size(line);
    if (len <= 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

/* One byte at a time unless the object can peek (then up to the newline
   within what peek() shows). */
static Py_ssize_t readline_chunk_size(PyObject *self, PyObject *peek_method,
                                      Py_ssize_t limit, Py_ssize_t have)
{
    Py_ssize_t want = 1;
    if (peek_method != NULL) {
        PyObject *ahead = PyObject_CallOneArg(peek_method, _PyLong_GetOne());
        if (ahead == NULL) {
            return -1;
        }
        if (!PyBytes_Check(ahead)) {
            PyErr_Format(PyExc_OSError, "peek() should have returned a bytes "
                         "object, not '%.200s'", Py_TYPE(ahead)->tp_name);
            Py_DECREF(ahead);
            return -1;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(ahead);
        if (n > 0) {
            const char *nl = memchr(PyBytes_AS_STRING(ahead), '\n', (size_t)n);
            want = nl ? nl - PyBytes_AS_STRING(ahead) + 1 : n;
        }
        Py_DECREF(ahead);
    }
    if (limit >= 0 && want > limit - have) {
        want = limit - have;
    }
    (void)self;
    return want;
}

static PyObject *iobase_readline(PyObject *self, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &limit) < 0) {
        return NULL;
    }
    PyObject *peek = NULL;
    if (PyObject_GetOptionalAttr(self, _PyIO_str_peek, &peek) < 0) {
        return NULL;
    }
    PyObject *line = PyByteArray_FromStringAndSize(NULL, 0);
    if (line == NULL) {
        goto fail;
    }
    while (limit < 0 || PyByteArray_GET_SIZE(line) < limit) {
        Py_ssize_t want = readline_chunk_size(self, peek, limit,
                                              PyByteArray_GET_SIZE(line));
        if (want < 0) {
            goto fail;
        }
        PyObject *chunk = PyObject_CallMethod(self, "read", "n", want);
        if (chunk == NULL) {
            goto fail;
        }
        if (!PyBytes_Check(chunk)) {
            PyErr_Format(PyExc_OSError, "read() should have returned a bytes "
                         "object, not '%.200s'", Py_TYPE(chunk)->tp_name);
            Py_DECREF(chunk);
            goto fail;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(chunk);
        if (n == 0) {
            Py_DECREF(chunk);
            break;
        }
        Py_ssize_t old = PyByteArray_GET_SIZE(line);
        if (PyByteArray_Resize(line, old + n) < 0) {
            Py_DECREF(chunk);
            goto fail;
        }
        memcpy(PyByteArray_AS_STRING(line) + old, PyBytes_AS_STRING(chunk), (size_t)n);
        int ends = PyBytes_AS_STRING(chunk)[n - 1] == '\n';
        Py_DECREF(chunk);
        if (ends) {
            break;
        }
    }
    Py_XDECREF(peek);
    PyObject *result = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(line),
                                                 PyByteArray_GET_SIZE(line));
    Py_DECREF(line);
    return result;

fail:
    Py_XDECREF(peek);
    Py_XDECREF(line);
    return NULL;
}

static PyObject *iobase_readlines(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs)
{
    Py_ssize_t hint = -1;
    if (!_PyArg_CheckPositional("readlines", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &hint) < 0) {
        return NULL;
    }
    PyObject *lines = PyList_New(0);
    PyObject *it = lines ? PyObject_GetIter(self) : NULL;
    if (it == NULL) {
        Py_XDECREF(lines);
        return NULL;
    }
    Py_ssize_t total = 0;
    PyObject *line;
    while ((line = PyIter_Next(it)) != NULL) {
        Py_ssize_t len = PyObject_Size(line);
        if (len < 0 || PyList_Append(lines, line) < 0) {
            Py_DECREF(line);
            goto fail;
        }
        Py_DECREF(line);
        total += len;
        if (hint > 0 && total >= hint) {
            break;
        }
    }
    if (PyErr_Occurred()) {
        goto fail;
    }
    Py_DECREF(it);
    return lines;

fail:
    Py_DECREF(it);
    Py_DECREF(lines);
    return NULL;
}

static PyObject *iobase_writelines(PyObject *self, PyObject *lines)
{
    if (_PyIO_CheckClosed(self) < 0) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL) {
        return NULL;
    }
    PyObject *line;
    while ((line = PyIter_Next(it)) != NULL) {
        PyObject *result = PyObject_CallMethodOneArg(self, _PyIO_str_write, line);
        Py_DECREF(line);
        if (result == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(result);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* tp_finalize: close the object if it is still open; errors are
   reported as unraisable, as a destructor cannot raise. */
int _PyIOBase_Finalize(PyObject *self)
{
    PyObject *exc = PyErr_GetRaisedException();
    int closed = _PyIO_IsClosed(self);
    if (closed < 0) {
        PyErr_Clear();
        closed = 1;
    }
    int rc = 0;
    if (!closed) {
        iobase *io = (iobase *)self;
        io->iob_finalizing = 1;
        PyObject *result = PyObject_CallMethodNoArgs(self, _PyIO_str_close);
        if (result == NULL) {
            /* As CPython 3.13+: close() errors of a dying file always go
               to sys.unraisablehook (before 3.13 only in dev mode). */
            PyErr_FormatUnraisable("Exception ignored while finalizing "
                                   "file %R", self);
            rc = -1;
        }
        Py_XDECREF(result);
    }
    PyErr_SetRaisedException(exc);
    return rc;
}

static void iobase_finalize(PyObject *self)
{
    (void)_PyIOBase_Finalize(self);
}

int _PyIOBase_DeallocStart(PyObject *self)
{
    _PyIO_Unregister(self);
    if (Py_TYPE(self)->tp_finalize != NULL
            && PyObject_CallFinalizerFromDealloc(self) < 0) {
        return 1;
    }
    PyObject_GC_UnTrack(self);
    if (((iobase *)self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    return 0;
}

int _PyIOBase_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((iobase *)self)->dict);
    return 0;
}

void _PyIOBase_clear(PyObject *self)
{
    Py_CLEAR(((iobase *)self)->dict);
}

static int iobase_traverse(PyObject *self, visitproc visit, void *arg)
{
    return _PyIOBase_traverse(self, visit, arg);
}

static int iobase_clear(PyObject *self)
{
    _PyIOBase_clear(self);
    return 0;
}

static void iobase_dealloc(PyObject *self)
{
    if (_PyIOBase_DeallocStart(self)) {
        return;
    }
    _PyIOBase_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *iobase_dict_get(PyObject *self, void *closure)
{
    return PyObject_GenericGetDict(self, closure);
}

static PyMethodDef iobase_methods[] = {
    {"seek", iobase_seek, METH_VARARGS, NULL},
    {"tell", iobase_tell, METH_NOARGS, NULL},
    {"truncate", iobase_truncate, METH_VARARGS, NULL},
    {"flush", iobase_flush, METH_NOARGS, NULL},
    {"close", iobase_close, METH_NOARGS, NULL},
    {"seekable", iobase_false, METH_NOARGS, NULL},
    {"readable", iobase_false, METH_NOARGS, NULL},
    {"writable", iobase_false, METH_NOARGS, NULL},
    {"_checkClosed", iobase_check_closed, METH_VARARGS, NULL},
    {"_checkSeekable", iobase_check_seekable, METH_VARARGS, NULL},
    {"_checkReadable", iobase_check_readable, METH_VARARGS, NULL},
    {"_checkWritable", iobase_check_writable, METH_VARARGS, NULL},
    {"fileno", iobase_fileno, METH_NOARGS, NULL},
    {"isatty", iobase_isatty, METH_NOARGS, NULL},
    {"__enter__", _PyIOBase_enter, METH_NOARGS, NULL},
    {"__exit__", _PyIOBase_exit, METH_VARARGS, NULL},
    {"readline", _PyCFunction_CAST(iobase_readline), METH_FASTCALL, NULL},
    {"readlines", _PyCFunction_CAST(iobase_readlines), METH_FASTCALL, NULL},
    {"writelines", iobase_writelines, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef iobase_getset[] = {
    {"__dict__", iobase_dict_get, NULL, NULL, NULL},
    {"closed", iobase_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define IO_BASE_FLAGS (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC)

PyTypeObject PyIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._IOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_dealloc = iobase_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = IO_BASE_FLAGS,
    .tp_doc = "The abstract base class for all I/O classes.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_weaklistoffset = offsetof(iobase, weakreflist),
    .tp_iter = iobase_iter,
    .tp_iternext = _PyIOBase_iternext,
    .tp_methods = iobase_methods,
    .tp_getset = iobase_getset,
    .tp_dictoffset = offsetof(iobase, dict),
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_finalize = iobase_finalize,
};

/* ---- _RawIOBase ------------------------------------------------------------- */

static PyObject *rawiobase_readall(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *all = PyByteArray_FromStringAndSize(NULL, 0);
    if (all == NULL) {
        return NULL;
    }
    for (;;) {
        PyObject *chunk = PyObject_CallMethod(self, "read", "n",
                                              (Py_ssize_t)DEFAULT_BUFFER_SIZE);
        if (chunk == NULL) {
            Py_DECREF(all);
            return NULL;
        }
        if (chunk == Py_None) {
            if (PyByteArray_GET_SIZE(all) == 0) {
                Py_DECREF(all);
                return chunk;
            }
            Py_DECREF(chunk);
            break;
        }
        if (!PyBytes_Check(chunk)) {
            PyErr_SetString(PyExc_TypeError, "read() should return bytes");
            Py_DECREF(chunk);
            Py_DECREF(all);
            return NULL;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(chunk);
        Py_ssize_t old = PyByteArray_GET_SIZE(all);
        if (n == 0) {
            Py_DECREF(chunk);
            break;
        }
        if (PyByteArray_Resize(all, old + n) < 0) {
            Py_DECREF(chunk);
            Py_DECREF(all);
            return NULL;
        }
        memcpy(PyByteArray_AS_STRING(all) + old, PyBytes_AS_STRING(chunk), (size_t)n);
        Py_DECREF(chunk);
    }
    PyObject *result = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(all),
                                                 PyByteArray_GET_SIZE(all));
    Py_DECREF(all);
    return result;
}

static PyObject *rawiobase_read(PyObject *self, PyObject *const *args,
                                Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &size) < 0) {
        return NULL;
    }
    if (size < 0) {
        return PyObject_CallMethodNoArgs(self, _PyIO_str_readall);
    }
    PyObject *buf = PyByteArray_FromStringAndSize(NULL, size);
    if (buf == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethodOneArg(self, _PyIO_str_readinto, buf);
    if (res == NULL || res == Py_None) {
        Py_DECREF(buf);
        return res;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (n == -1 && PyErr_Occurred()) {
        Py_DECREF(buf);
        return NULL;
    }
    if (n < 0 || n > size) {
        PyErr_Format(PyExc_ValueError,
                     "readinto returned %zd outside buffer size %zd", n, size);
        Py_DECREF(buf);
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(buf), n);
    Py_DECREF(buf);
    return result;
}

static PyMethodDef rawiobase_methods[] = {
    {"read", _PyCFunction_CAST(rawiobase_read), METH_FASTCALL, NULL},
    {"readall", rawiobase_readall, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyRawIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._RawIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_flags = IO_BASE_FLAGS,
    .tp_doc = "Base class for raw binary I/O.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_dealloc = iobase_dealloc,
    .tp_methods = rawiobase_methods,
    .tp_base = &PyIOBase_Type,
    .tp_finalize = iobase_finalize,
};

/* ---- _BufferedIOBase -------------------------------------------------------- */

static PyObject *bufferediobase_unsupported_read(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return _PyIO_Unsupported("read");
}

static PyObject *bufferediobase_unsupported_read1(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return _PyIO_Unsupported("read1");
}

static PyObject *bufferediobase_unsupported_write(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return _PyIO_Unsupported("write");
}

static PyObject *bufferediobase_detach(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return _PyIO_Unsupported("detach");
}

/* readinto(b) / readinto1(b) in terms of read(n) / read1(n). */
static PyObject *readinto_generic(PyObject *self, PyObject *arg,
                                  PyObject *method)
{
    Py_buffer view;
    if (_PyIO_GetWritableBuffer(arg, &view, method == _PyIO_str_read1
                                ? "readinto1" : "readinto") < 0) {
        return NULL;
    }
    PyObject *data = PyObject_CallMethod(self, PyUnicode_AsUTF8(method), "n",
                                         view.len);
    if (data == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    if (!PyBytes_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "read() should return bytes");
        goto fail;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(data);
    if (n > view.len) {
        PyErr_Format(PyExc_ValueError,
                     "read() returned too much data: %zd bytes requested, "
                     "%zd returned", view.len, n);
        goto fail;
    }
    memcpy(view.buf, PyBytes_AS_STRING(data), (size_t)n);
    PyBuffer_Release(&view);
    Py_DECREF(data);
    return PyLong_FromSsize_t(n);

fail:
    PyBuffer_Release(&view);
    Py_DECREF(data);
    return NULL;
}

static PyObject *bufferediobase_readinto(PyObject *self, PyObject *arg)
{
    return readinto_generic(self, arg, _PyIO_str_read);
}

static PyObject *bufferediobase_readinto1(PyObject *self, PyObject *arg)
{
    return readinto_generic(self, arg, _PyIO_str_read1);
}

static PyMethodDef bufferediobase_methods[] = {
    {"detach", bufferediobase_detach, METH_NOARGS, NULL},
    {"read", bufferediobase_unsupported_read, METH_VARARGS, NULL},
    {"read1", bufferediobase_unsupported_read1, METH_VARARGS, NULL},
    {"readinto", bufferediobase_readinto, METH_O, NULL},
    {"readinto1", bufferediobase_readinto1, METH_O, NULL},
    {"write", bufferediobase_unsupported_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBufferedIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BufferedIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_flags = IO_BASE_FLAGS,
    .tp_doc = "Base class for buffered IO objects.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_dealloc = iobase_dealloc,
    .tp_methods = bufferediobase_methods,
    .tp_base = &PyIOBase_Type,
    .tp_finalize = iobase_finalize,
};

/* ---- _TextIOBase ------------------------------------------------------------ */

static PyObject *textiobase_detach(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return _PyIO_Unsupported("detach");
}

static PyObject *textiobase_read(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return _PyIO_Unsupported("read");
}

static PyObject *textiobase_readline(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return _PyIO_Unsupported("readline");
}

static PyObject *textiobase_write(PyObject *self, PyObject *args)
{
    (void)self;
    (void)args;
    return _PyIO_Unsupported("write");
}

static PyObject *textiobase_none(PyObject *self, void *Py_UNUSED(closure))
{
    (void)self;
    Py_RETURN_NONE;
}

static PyMethodDef textiobase_methods[] = {
    {"detach", textiobase_detach, METH_NOARGS, NULL},
    {"read", textiobase_read, METH_VARARGS, NULL},
    {"readline", textiobase_readline, METH_VARARGS, NULL},
    {"write", textiobase_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef textiobase_getset[] = {
    {"encoding", textiobase_none, NULL, NULL, NULL},
    {"newlines", textiobase_none, NULL, NULL, NULL},
    {"errors", textiobase_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyTextIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._TextIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_flags = IO_BASE_FLAGS,
    .tp_doc = "Base class for text I/O.",
    .tp_traverse = iobase_traverse,
    .tp_clear = iobase_clear,
    .tp_dealloc = iobase_dealloc,
    .tp_methods = textiobase_methods,
    .tp_getset = textiobase_getset,
    .tp_base = &PyIOBase_Type,
    .tp_finalize = iobase_finalize,
};
