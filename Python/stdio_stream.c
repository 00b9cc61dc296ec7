/* A small text stream over a file descriptor for sys.stdin, sys.stdout
   and sys.stderr until the io module exists; io.TextIOWrapper replaces
   it then.  Text is encoded to UTF-8 (errors "strict", "backslashreplace"
   for stderr) and buffered; the buffer is written when it fills, on a
   newline with line buffering, on flush(), before reading stdin and at
   exit (_PyStdio_FlushAll).

   Thread safety: the buffer and the read-ahead are touched only inside
   the stream's critical section. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_stdio.h"
#include "sysmodule.h"
#include <unistd.h>

#define STREAM_BUFSIZE 8192

typedef struct {
    PyObject_HEAD
    int fd;
    int readable;
    int line_buffering;
    int write_through;          /* stderr: never hold text back */
    int closed;
    char *buf;                  /* pending output, or read-ahead input */
    Py_ssize_t len;
    Py_ssize_t pos;             /* read position in buf (input) */
    PyObject *pending;          /* decoded input not yet returned, or NULL */
    PyObject *name;             /* "<stdout>" */
    PyObject *errors;           /* str */
} stdio_stream;

/* Write all of data to fd, retrying on EINTR; 0 or -1 with OSError. */
static int write_all(int fd, const char *data, Py_ssize_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, (size_t)len);
        if (n < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0) {
                    return -1;
                }
                continue;
            }
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        data += n;
        len -= n;
    }
    return 0;
}

/* Caller holds the critical section. */
static int flush_locked(stdio_stream *self)
{
    if (self->readable || self->len == 0) {
        return 0;
    }
    Py_ssize_t len = self->len;
    self->len = 0;
    return write_all(self->fd, self->buf, len);
}

static int append_locked(stdio_stream *self, const char *data, Py_ssize_t len)
{
    if (self->len + len > STREAM_BUFSIZE && flush_locked(self) < 0) {
        return -1;
    }
    if (len > STREAM_BUFSIZE) {
        return write_all(self->fd, data, len);
    }
    memcpy(self->buf + self->len, data, (size_t)len);
    self->len += len;
    return 0;
}

static PyObject *stream_write(PyObject *op, PyObject *text)
{
    stdio_stream *self = (stdio_stream *)op;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (self->readable) {
        PyErr_SetString(PyExc_OSError, "not writable");
        return NULL;
    }
    if (self->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return NULL;
    }
    PyObject *bytes = _PyUnicode_AsUTF8String(text, PyUnicode_AsUTF8(self->errors));
    if (bytes == NULL) {
        return NULL;
    }
    const char *data = PyBytes_AS_STRING(bytes);
    Py_ssize_t len = PyBytes_GET_SIZE(bytes);
    int rc;
    Py_BEGIN_CRITICAL_SECTION(op);
    rc = append_locked(self, data, len);
    if (rc == 0 && (self->write_through
                    || (self->line_buffering && memchr(data, '\n', (size_t)len)))) {
        rc = flush_locked(self);
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(bytes);
    if (rc < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(text));
}

static PyObject *stream_flush(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    int rc;
    Py_BEGIN_CRITICAL_SECTION(op);
    rc = flush_locked((stdio_stream *)op);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Read one line (through '\n' or to end of file) as bytes; caller holds
   the critical section.  NULL with an exception on error. */
static PyObject *read_line_locked(stdio_stream *self, Py_ssize_t limit)
{
    PyObject *line = PyBytes_FromStringAndSize(NULL, 0);
    for (;;) {
        if (line == NULL) {
            return NULL;
        }
        if (self->pos == self->len) {
            ssize_t n = read(self->fd, self->buf, STREAM_BUFSIZE);
            if (n < 0) {
                if (errno == EINTR) {
                    if (PyErr_CheckSignals() < 0) {
                        Py_DECREF(line);
                        return NULL;
                    }
                    continue;
                }
                Py_DECREF(line);
                return PyErr_SetFromErrno(PyExc_OSError);
            }
            self->pos = 0;
            self->len = n;
            if (n == 0) {
                return line;
            }
        }
        const char *start = self->buf + self->pos;
        Py_ssize_t avail = self->len - self->pos;
        if (limit >= 0 && avail > limit - PyBytes_GET_SIZE(line)) {
            avail = limit - PyBytes_GET_SIZE(line);
        }
        const char *nl = memchr(start, '\n', (size_t)avail);
        Py_ssize_t take = nl ? nl - start + 1 : avail;
        PyObject *piece = PyBytes_FromStringAndSize(start, take);
        self->pos += take;
        PyBytes_ConcatAndDel(&line, piece);
        if (line == NULL || nl != NULL
                || (limit >= 0 && PyBytes_GET_SIZE(line) >= limit)) {
            return line;
        }
    }
}

/* Return the first part of `text` (through the first newline when
   `to_newline`, at most `limit` characters when limit >= 0) and keep the
   rest as pending input.  Steals `text`. */
static PyObject *split_pending(stdio_stream *self, PyObject *text,
                               Py_ssize_t limit, int to_newline)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    Py_ssize_t cut = len;
    if (to_newline) {
        Py_ssize_t nl = PyUnicode_FindChar(text, '\n', 0, len, 1);
        if (nl == -2) {
            Py_DECREF(text);
            return NULL;
        }
        if (nl >= 0) {
            cut = nl + 1;
        }
    }
    if (limit >= 0 && limit < cut) {
        cut = limit;
    }
    if (cut == len) {
        return text;
    }
    PyObject *head = PyUnicode_Substring(text, 0, cut);
    PyObject *rest = PyUnicode_Substring(text, cut, len);
    Py_DECREF(text);
    if (head == NULL || rest == NULL) {
        Py_XDECREF(head);
        Py_XDECREF(rest);
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->pending != NULL) {
        PyObject *joined = PyUnicode_Concat(rest, self->pending);
        if (joined == NULL) {
            PyErr_Clear();
        }
        else {
            Py_SETREF(rest, joined);
        }
    }
    Py_XSETREF(self->pending, rest);
    Py_END_CRITICAL_SECTION();
    return head;
}

static PyObject *stream_readline(PyObject *op, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    stdio_stream *self = (stdio_stream *)op;
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs == 1 && args[0] != Py_None) {
        limit = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (limit == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (!self->readable) {
        PyErr_SetString(PyExc_OSError, "not readable");
        return NULL;
    }
    _PyStdio_FlushAll();
    PyObject *held = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    held = self->pending;
    self->pending = NULL;
    Py_END_CRITICAL_SECTION();
    if (held != NULL) {
        return split_pending(self, held, limit, 1);
    }
    PyObject *bytes;
    Py_BEGIN_CRITICAL_SECTION(op);
    bytes = read_line_locked(self, limit);
    Py_END_CRITICAL_SECTION();
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *text = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(bytes),
                                          PyBytes_GET_SIZE(bytes),
                                          PyUnicode_AsUTF8(self->errors));
    Py_DECREF(bytes);
    return text;
}

static PyObject *stream_read(PyObject *op, PyObject *const *args,
                             Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("read", nargs, 0, 1)) {
        return NULL;
    }
    Py_ssize_t size = -1;
    if (nargs == 1 && args[0] != Py_None) {
        size = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *all = PyUnicode_FromString("");
    for (;;) {
        PyObject *line = stream_readline(op, NULL, 0);
        if (line == NULL) {
            Py_XDECREF(all);
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(line) == 0) {
            Py_DECREF(line);
            return all;
        }
        Py_SETREF(all, PyUnicode_Concat(all, line));
        Py_DECREF(line);
        if (all == NULL) {
            return NULL;
        }
        if (size >= 0 && PyUnicode_GET_LENGTH(all) >= size) {
            return split_pending((stdio_stream *)op, all, size, 0);
        }
    }
}

static PyObject *stream_fileno(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(((stdio_stream *)op)->fd);
}

static PyObject *stream_isatty(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(isatty(((stdio_stream *)op)->fd));
}

static PyObject *stream_readable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(((stdio_stream *)op)->readable);
}

static PyObject *stream_writable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(!((stdio_stream *)op)->readable);
}

static PyObject *stream_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *result = stream_flush(op, NULL);
    ((stdio_stream *)op)->closed = 1;
    return result;
}

static PyObject *stream_repr(PyObject *op)
{
    stdio_stream *self = (stdio_stream *)op;
    return PyUnicode_FromFormat("<_io.TextIOWrapper name='%U' mode='%s' "
                                "encoding='utf-8'>",
                                self->name, self->readable ? "r" : "w");
}

static void stream_dealloc(PyObject *op)
{
    stdio_stream *self = (stdio_stream *)op;
    if (!self->readable && self->len > 0) {
        PyObject *exc = PyErr_GetRaisedException();
        if (flush_locked(self) < 0) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
    }
    PyMem_Free(self->buf);
    Py_XDECREF(self->pending);
    Py_XDECREF(self->name);
    Py_XDECREF(self->errors);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *get_encoding(PyObject *op, void *closure)
{
    (void)op;
    (void)closure;
    return PyUnicode_FromString("utf-8");
}

static PyObject *get_errors(PyObject *op, void *closure)
{
    (void)closure;
    return Py_NewRef(((stdio_stream *)op)->errors);
}

static PyObject *get_name(PyObject *op, void *closure)
{
    (void)closure;
    return Py_NewRef(((stdio_stream *)op)->name);
}

static PyObject *get_mode(PyObject *op, void *closure)
{
    (void)closure;
    return PyUnicode_FromString(((stdio_stream *)op)->readable ? "r" : "w");
}

static PyObject *get_line_buffering(PyObject *op, void *closure)
{
    (void)closure;
    return PyBool_FromLong(((stdio_stream *)op)->line_buffering);
}

static PyObject *get_closed(PyObject *op, void *closure)
{
    (void)closure;
    return PyBool_FromLong(((stdio_stream *)op)->closed);
}

static PyGetSetDef stream_getset[] = {
    {"encoding", get_encoding, NULL, NULL, NULL},
    {"errors", get_errors, NULL, NULL, NULL},
    {"name", get_name, NULL, NULL, NULL},
    {"mode", get_mode, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {"closed", get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef stream_methods[] = {
    {"write", stream_write, METH_O, NULL},
    {"flush", stream_flush, METH_NOARGS, NULL},
    {"readline", _PyCFunction_CAST(stream_readline), METH_FASTCALL, NULL},
    {"read", _PyCFunction_CAST(stream_read), METH_FASTCALL, NULL},
    {"fileno", stream_fileno, METH_NOARGS, NULL},
    {"isatty", stream_isatty, METH_NOARGS, NULL},
    {"readable", stream_readable, METH_NOARGS, NULL},
    {"writable", stream_writable, METH_NOARGS, NULL},
    {"close", stream_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyStdioStream_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(stdio_stream),
    .tp_dealloc = stream_dealloc,
    .tp_repr = stream_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = stream_methods,
    .tp_getset = stream_getset,
    .tp_free = PyObject_Free,
};

PyObject *_PyStdio_NewStream(int fd, int readable, const char *name,
                             const char *errors)
{
    stdio_stream *self = PyObject_New(stdio_stream, &_PyStdioStream_Type);
    if (self == NULL) {
        return NULL;
    }
    self->fd = fd;
    self->readable = readable;
    self->line_buffering = !readable && isatty(fd);
    self->write_through = !readable && fd == 2;
    self->closed = 0;
    self->len = self->pos = 0;
    self->pending = NULL;
    self->buf = PyMem_Malloc(STREAM_BUFSIZE);
    self->name = PyUnicode_FromString(name);
    self->errors = PyUnicode_FromString(errors);
    if (self->buf == NULL || self->name == NULL || self->errors == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return (PyObject *)self;
}

/* Flush sys.stdout and sys.stderr (whatever objects they are now);
   errors are discarded, as at interpreter exit. */
void _PyStdio_FlushAll(void)
{
    static const char *const names[] = {"stdout", "stderr"};
    PyObject *exc = PyErr_GetRaisedException();
    for (size_t i = 0; i < 2; i++) {
        PyObject *file = PySys_GetObject(names[i]);
        if (file == NULL || file == Py_None) {
            continue;
        }
        PyObject *result = PyObject_CallMethod(file, "flush", NULL);
        if (result == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(result);
    }
    PyErr_SetRaisedException(exc);
}
