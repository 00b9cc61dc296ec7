/* _io.FileIO: raw, unbuffered binary I/O on an operating-system file
   descriptor.

   Every blocking system call runs with the thread state detached
   (Py_BEGIN_ALLOW_THREADS) and is retried after EINTR once pending
   signal handlers have run.

   Thread safety: the descriptor and the mode bits are written only by
   __init__ (before the object is shared) and by close(), which stores -1
   atomically; a method racing close() may see the old descriptor and get
   EBADF from the kernel, as in CPython, but never touches freed memory.
   The seekable cache is a benign race (every writer stores the same
   answer). */
#include "Python.h"
#include "pycore_object.h"
#include "_iomodule.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>


typedef struct {
    IOBASE_HEAD
    int fd;
    char readable;
    char writable;
    char appending;
    char created;
    char closefd;
    signed char seekable;       /* -1 until first asked */
    Py_ssize_t blksize;
} fileio;

#define FILEIO(op) ((fileio *)(op))

static int load_fd(fileio *self)
{
    return __atomic_load_n(&self->fd, __ATOMIC_RELAXED);
}

static PyObject *err_closed(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
    return NULL;
}

static PyObject *err_mode(const char *action)
{
    PyErr_Format(_PyIO_unsupported_operation, "File not open for %s", action);
    return NULL;
}

/* ---- construction ----------------------------------------------------------- */

/* Parse a FileIO mode string into open(2) flags; 0 or -1 with ValueError. */
static int parse_mode(fileio *self, const char *mode, int *flags)
{
    int rwa = 0, plus = 0;
    *flags = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
            rwa++;
            self->created = self->writable = 1;
            *flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            rwa++;
            self->readable = 1;
            break;
        case 'w':
            rwa++;
            self->writable = 1;
            *flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            rwa++;
            self->writable = self->appending = 1;
            *flags |= O_APPEND | O_CREAT;
            break;
        case 'b':
            break;
        case '+':
            if (plus) {
                goto bad_mode;
            }
            self->readable = self->writable = 1;
            plus = 1;
            break;
        default:
            PyErr_Format(PyExc_ValueError, "invalid mode: %.200s", mode);
            return -1;
        }
        if (rwa > 1) {
            goto bad_mode;
        }
    }
    if (rwa != 1) {
        goto bad_mode;
    }
    if (self->readable && self->writable) {
        *flags |= O_RDWR;
    }
    else {
        *flags |= self->readable ? O_RDONLY : O_WRONLY;
    }
    *flags |= O_CLOEXEC;
    return 0;

bad_mode:
    PyErr_SetString(PyExc_ValueError,
                    "Must have exactly one of create/read/write/append "
                    "mode and at most one plus");
    return -1;
}

/* The path as bytes for open(2); a new reference or NULL. */
static PyObject *path_to_bytes(PyObject *file)
{
    PyObject *path = NULL;
    if (PyUnicode_Check(file) || PyBytes_Check(file)) {
        path = Py_NewRef(file);
    }
    else {
        path = PyOS_FSPath(file);
    }
    if (path == NULL) {
        return NULL;
    }
    PyObject *bytes = NULL;
    if (!PyUnicode_FSConverter(path, &bytes)) {
        Py_DECREF(path);
        return NULL;
    }
    Py_DECREF(path);
    return bytes;
}

static int open_with_opener(PyObject *opener, PyObject *file, int flags)
{
    PyObject *result = PyObject_CallFunction(opener, "Oi", file, flags);
    if (result == NULL) {
        return -1;
    }
    if (!PyLong_Check(result)) {
        PyErr_SetString(PyExc_TypeError, "expected integer from opener");
        Py_DECREF(result);
        return -1;
    }
    int fd = PyLong_AsInt(result);
    Py_DECREF(result);
    if (fd < 0) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_ValueError, "opener returned %d", fd);
        }
        return -1;
    }
    return fd;
}

static int open_path(PyObject *file, PyObject *bytes, int flags)
{
    const char *path = PyBytes_AS_STRING(bytes);
    int fd;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        fd = open(path, flags, 0666);
        Py_END_ALLOW_THREADS
        if (fd >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
    if (fd < 0) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, file);
        return -1;
    }
    return fd;
}

/* fstat the new descriptor: directories are refused, blksize noted. */
static int check_opened(fileio *self, PyObject *file)
{
    struct stat st;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = fstat(self->fd, &st);
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        if (errno == EBADF) {
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, file);
        return -1;
    }
    if (st.st_blksize > 1) {
        self->blksize = st.st_blksize;
    }
    return 0;
}

static int fileio_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "mode", "closefd", "opener", NULL};
    fileio *self = FILEIO(op);
    PyObject *file, *opener = Py_None;
    const char *mode = "r";
    int closefd = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|spO:FileIO", kwlist,
                                     &file, &mode, &closefd, &opener)) {
        return -1;
    }
    if (self->fd >= 0) {
        /* Re-initialising an open FileIO closes the old descriptor. */
        if (self->closefd) {
            close(self->fd);
        }
        self->fd = -1;
    }
    self->readable = self->writable = self->appending = self->created = 0;
    self->seekable = -1;
    self->blksize = DEFAULT_BUFFER_SIZE;
    if (PyBool_Check(file)
            && PyErr_WarnEx(PyExc_RuntimeWarning,
                            "bool is used as a file descriptor", 1) < 0) {
        return -1;
    }
    int fd = -1;
    if (PyLong_Check(file)) {
        fd = PyLong_AsInt(file);
        if (fd == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
    }
    int flags;
    if (parse_mode(self, mode, &flags) < 0) {
        return -1;
    }
    if (fd >= 0) {
        self->fd = fd;
        self->closefd = (char)closefd;
    }
    else {
        self->closefd = 1;
        if (!closefd) {
            PyErr_SetString(PyExc_ValueError,
                            "Cannot use closefd=False with file name");
            return -1;
        }
        if (opener != Py_None) {
            self->fd = open_with_opener(opener, file, flags);
        }
        else {
            PyObject *bytes = path_to_bytes(file);
            if (bytes == NULL) {
                return -1;
            }
            self->fd = open_path(file, bytes, flags);
            Py_DECREF(bytes);
        }
        if (self->fd < 0) {
            return -1;
        }
    }
    if (check_opened(self, file) < 0) {
        goto fail;
    }
    if (PyObject_SetAttr(op, _PyIO_str_name, file) < 0) {
        goto fail;
    }
    if (self->appending) {
        /* O_APPEND does not move the position before the first write;
           tell() must report the end from the start. */
        Py_BEGIN_ALLOW_THREADS
        lseek(self->fd, 0, SEEK_END);
        Py_END_ALLOW_THREADS
    }
    return 0;

fail:
    /* A descriptor the caller passed in stays theirs when init fails, even
       with closefd=True: they will close it themselves. */
    if (fd < 0) {
        close(self->fd);
    }
    self->fd = -1;
    return -1;
}

static PyObject *fileio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)args;
    (void)kwds;
    fileio *self = (fileio *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->fd = -1;
        self->seekable = -1;
        self->closefd = 1;
        self->blksize = DEFAULT_BUFFER_SIZE;
    }
    return (PyObject *)self;
}

/* ---- raw operations used by the buffered layer ---------------------------- */

int _PyFileIO_Fd(PyObject *self)
{
    return load_fd(FILEIO(self));
}

Py_ssize_t _PyFileIO_ReadInto(PyObject *op, char *buf, Py_ssize_t len)
{
    fileio *self = FILEIO(op);
    int fd = load_fd(self);
    if (fd < 0) {
        err_closed();
        return -1;
    }
    if (!self->readable) {
        err_mode("reading");
        return -1;
    }
    for (;;) {
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = read(fd, buf, (size_t)len);
        Py_END_ALLOW_THREADS
        if (n >= 0) {
            return n;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return -2;
        }
        if (errno != EINTR) {
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

Py_ssize_t _PyFileIO_Write(PyObject *op, const char *buf, Py_ssize_t len)
{
    fileio *self = FILEIO(op);
    int fd = load_fd(self);
    if (fd < 0) {
        err_closed();
        return -1;
    }
    if (!self->writable) {
        err_mode("writing");
        return -1;
    }
    for (;;) {
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = write(fd, buf, (size_t)len);
        Py_END_ALLOW_THREADS
        if (n >= 0) {
            return n;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return -2;
        }
        if (errno != EINTR) {
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

/* ---- methods ---------------------------------------------------------------- */

static int check_open(fileio *self)
{
    if (load_fd(self) < 0) {
        err_closed();
        return -1;
    }
    return 0;
}

static PyObject *fileio_readinto(PyObject *op, PyObject *arg)
{
    fileio *self = FILEIO(op);
    if (check_open(self) < 0) {
        return NULL;
    }
    if (!self->readable) {
        return err_mode("reading");
    }
    Py_buffer view;
    if (_PyIO_GetWritableBuffer(arg, &view, "readinto") < 0) {
        return NULL;
    }
    Py_ssize_t n = _PyFileIO_ReadInto(op, view.buf, view.len);
    PyBuffer_Release(&view);
    if (n == -1) {
        return NULL;
    }
    if (n == -2) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(n);
}

/* How much is left to read, from fstat and the position; a guess. */
static Py_ssize_t remaining_size(int fd)
{
    struct stat st;
    off_t pos;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = fstat(fd, &st);
    pos = lseek(fd, 0, SEEK_CUR);
    Py_END_ALLOW_THREADS
    if (rc < 0 || pos < 0 || !S_ISREG(st.st_mode) || st.st_size < pos) {
        return -1;
    }
    return (Py_ssize_t)(st.st_size - pos);
}

static PyObject *fileio_readall(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    fileio *self = FILEIO(op);
    int fd = load_fd(self);
    if (fd < 0) {
        return err_closed();
    }
    if (!self->readable) {
        return err_mode("reading");
    }
    Py_ssize_t guess = remaining_size(fd);
    Py_ssize_t cap = guess >= 0 ? guess + 1 : 8192;
    PyObject *result = PyBytes_FromStringAndSize(NULL, cap);
    Py_ssize_t len = 0;
    while (result != NULL) {
        if (len == cap) {
            cap += cap < 65536 ? cap : cap / 2 + 65536;
            if (_PyBytes_Resize(&result, cap) < 0) {
                return NULL;
            }
        }
        Py_ssize_t n = _PyFileIO_ReadInto(op, PyBytes_AS_STRING(result) + len,
                                          cap - len);
        if (n == -1) {
            Py_DECREF(result);
            return NULL;
        }
        if (n == -2) {
            if (len == 0) {
                Py_DECREF(result);
                Py_RETURN_NONE;
            }
            break;
        }
        if (n == 0) {
            break;
        }
        len += n;
    }
    if (result != NULL && len != cap && _PyBytes_Resize(&result, len) < 0) {
        return NULL;
    }
    return result;
}

static PyObject *fileio_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    fileio *self = FILEIO(op);
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &size) < 0) {
        return NULL;
    }
    if (check_open(self) < 0) {
        return NULL;
    }
    if (!self->readable) {
        return err_mode("reading");
    }
    if (size < 0) {
        return fileio_readall(op, NULL);
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, size);
    if (bytes == NULL) {
        return NULL;
    }
    Py_ssize_t n = _PyFileIO_ReadInto(op, PyBytes_AS_STRING(bytes), size);
    if (n < 0) {
        Py_DECREF(bytes);
        if (n == -2) {
            Py_RETURN_NONE;
        }
        return NULL;
    }
    if (n != size && _PyBytes_Resize(&bytes, n) < 0) {
        return NULL;
    }
    return bytes;
}

static PyObject *fileio_write(PyObject *op, PyObject *arg)
{
    fileio *self = FILEIO(op);
    if (check_open(self) < 0) {
        return NULL;
    }
    if (!self->writable) {
        return err_mode("writing");
    }
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    Py_ssize_t n = _PyFileIO_Write(op, view.buf, view.len);
    PyBuffer_Release(&view);
    if (n == -1) {
        return NULL;
    }
    if (n == -2) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *seek_fd(int fd, off_t pos, int whence)
{
    off_t result;
    Py_BEGIN_ALLOW_THREADS
    result = lseek(fd, pos, whence);
    Py_END_ALLOW_THREADS
    if (result < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLongLong((long long)result);
}

static PyObject *fileio_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    fileio *self = FILEIO(op);
    if (!_PyArg_CheckPositional("seek", nargs, 1, 2)) {
        return NULL;
    }
    int whence = 0;
    if (nargs == 2) {
        whence = PyLong_AsInt(args[1]);
        if (whence == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (check_open(self) < 0) {
        return NULL;
    }
    if (PyFloat_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    long long pos = PyLong_AsLongLong(args[0]);
    if (pos == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return seek_fd(load_fd(self), (off_t)pos, whence);
}

static PyObject *fileio_tell(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    fileio *self = FILEIO(op);
    if (check_open(self) < 0) {
        return NULL;
    }
    return seek_fd(load_fd(self), 0, SEEK_CUR);
}

static PyObject *fileio_truncate(PyObject *op, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    fileio *self = FILEIO(op);
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1)) {
        return NULL;
    }
    if (check_open(self) < 0) {
        return NULL;
    }
    if (!self->writable) {
        return err_mode("writing");
    }
    int fd = load_fd(self);
    PyObject *size = nargs && args[0] != Py_None ? Py_NewRef(args[0])
                                                  : seek_fd(fd, 0, SEEK_CUR);
    if (size == NULL) {
        return NULL;
    }
    long long length = PyLong_AsLongLong(size);
    if (length == -1 && PyErr_Occurred()) {
        Py_DECREF(size);
        return NULL;
    }
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = ftruncate(fd, (off_t)length);
    Py_END_ALLOW_THREADS
    if (rc < 0) {
        Py_DECREF(size);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return size;
}

static PyObject *fileio_seekable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    fileio *self = FILEIO(op);
    if (check_open(self) < 0) {
        return NULL;
    }
    if (self->seekable < 0) {
        off_t pos;
        Py_BEGIN_ALLOW_THREADS
        pos = lseek(load_fd(self), 0, SEEK_CUR);
        Py_END_ALLOW_THREADS
        self->seekable = pos >= 0;
    }
    return PyBool_FromLong(self->seekable);
}

static PyObject *fileio_readable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_open(FILEIO(op)) < 0) {
        return NULL;
    }
    return PyBool_FromLong(FILEIO(op)->readable);
}

static PyObject *fileio_writable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_open(FILEIO(op)) < 0) {
        return NULL;
    }
    return PyBool_FromLong(FILEIO(op)->writable);
}

static PyObject *fileio_fileno(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_open(FILEIO(op)) < 0) {
        return NULL;
    }
    return PyLong_FromLong(load_fd(FILEIO(op)));
}

static PyObject *fileio_isatty(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_open(FILEIO(op)) < 0) {
        return NULL;
    }
    int tty;
    Py_BEGIN_ALLOW_THREADS
    tty = isatty(load_fd(FILEIO(op)));
    Py_END_ALLOW_THREADS
    return PyBool_FromLong(tty);
}

/* Give up the descriptor: exactly one caller gets it (atomic exchange), so
   two threads closing one FileIO close the descriptor once. */
static int take_fd(fileio *self)
{
    return __atomic_exchange_n(&self->fd, -1, __ATOMIC_ACQ_REL);
}

/* _dealloc_warn(source): the ResourceWarning "unclosed file" for a file
   (this one, or the buffered or text object over it) that is being
   collected while open.  The exception in flight is kept; a warning
   turned into an error is reported as unraisable. */
static PyObject *fileio_dealloc_warn(PyObject *op, PyObject *source)
{
    fileio *self = FILEIO(op);
    if (load_fd(self) >= 0 && self->closefd) {
        PyObject *exc = PyErr_GetRaisedException();
        if (PyErr_ResourceWarning(source, 1, "unclosed file %R", source) < 0) {
            if (PyErr_ExceptionMatches(PyExc_Warning)) {
                PyErr_WriteUnraisable(op);
            }
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
    }
    Py_RETURN_NONE;
}

static PyObject *fileio_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    fileio *self = FILEIO(op);
    if (load_fd(self) < 0) {
        Py_RETURN_NONE;
    }
    if (self->iob_finalizing) {
        Py_XDECREF(fileio_dealloc_warn(op, op));
    }
    /* _RawIOBase.close() runs flush() and sets the base closed flag;
       subclasses may override flush(). */
    PyObject *result = PyObject_CallMethodNoArgs(op, _PyIO_str_flush);
    PyObject *exc = result == NULL ? PyErr_GetRaisedException() : NULL;
    Py_XDECREF(result);
    self->iob_closed = 1;
    int fd = take_fd(self);
    if (fd >= 0 && self->closefd) {
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = close(fd);
        Py_END_ALLOW_THREADS
        if (rc < 0 && exc == NULL) {
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
    }
    if (exc != NULL) {
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *fileio_flush(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    if (check_open(FILEIO(op)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}


static PyObject *mode_string(fileio *self)
{
    const char *mode;
    if (self->created) {
        mode = self->readable ? "xb+" : "xb";
    }
    else if (self->appending) {
        mode = self->readable ? "ab+" : "ab";
    }
    else if (self->readable) {
        mode = self->writable ? "rb+" : "rb";
    }
    else {
        mode = "wb";
    }
    return PyUnicode_FromString(mode);
}

static PyObject *fileio_mode_get(PyObject *op, void *Py_UNUSED(closure))
{
    return mode_string(FILEIO(op));
}

static PyObject *fileio_closed_get(PyObject *op, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(load_fd(FILEIO(op)) < 0);
}

static PyObject *fileio_closefd_get(PyObject *op, void *Py_UNUSED(closure))
{
    return PyBool_FromLong(FILEIO(op)->closefd);
}

static PyObject *fileio_blksize_get(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(FILEIO(op)->blksize);
}

static PyObject *fileio_repr(PyObject *op)
{
    fileio *self = FILEIO(op);
    const char *type_name = Py_TYPE(op)->tp_name;
    if (load_fd(self) < 0) {
        return PyUnicode_FromFormat("<%s [closed]>", type_name);
    }
    PyObject *name;
    if (PyObject_GetOptionalAttr(op, _PyIO_str_name, &name) < 0) {
        return NULL;
    }
    PyObject *mode = mode_string(self);
    if (mode == NULL) {
        Py_XDECREF(name);
        return NULL;
    }
    const char *closefd = self->closefd ? "True" : "False";
    PyObject *result;
    if (name == NULL) {
        result = PyUnicode_FromFormat("<%s fd=%d mode='%U' closefd=%s>",
                                      type_name, load_fd(self), mode, closefd);
    }
    else {
        if (Py_ReprEnter(op) > 0) {
            PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                         type_name);
            result = NULL;
        }
        else {
            result = PyUnicode_FromFormat("<%s name=%R mode='%U' closefd=%s>",
                                          type_name, name, mode, closefd);
            Py_ReprLeave(op);
        }
        Py_DECREF(name);
    }
    Py_DECREF(mode);
    return result;
}

static int fileio_traverse(PyObject *op, visitproc visit, void *arg)
{
    return _PyIOBase_traverse(op, visit, arg);
}

static int fileio_clear(PyObject *op)
{
    _PyIOBase_clear(op);
    return 0;
}

static void fileio_dealloc(PyObject *op)
{
    if (_PyIOBase_DeallocStart(op)) {
        return;
    }
    fileio *self = FILEIO(op);
    int fd = take_fd(self);
    if (fd >= 0 && self->closefd) {
        close(fd);
    }
    _PyIOBase_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static void fileio_finalize(PyObject *op)
{
    (void)_PyIOBase_Finalize(op);
}

static PyMethodDef fileio_methods[] = {
    {"read", _PyCFunction_CAST(fileio_read), METH_FASTCALL, NULL},
    {"readall", fileio_readall, METH_NOARGS, NULL},
    {"readinto", fileio_readinto, METH_O, NULL},
    {"write", fileio_write, METH_O, NULL},
    {"seek", _PyCFunction_CAST(fileio_seek), METH_FASTCALL, NULL},
    {"tell", fileio_tell, METH_NOARGS, NULL},
    {"truncate", _PyCFunction_CAST(fileio_truncate), METH_FASTCALL, NULL},
    {"close", fileio_close, METH_NOARGS, NULL},
    {"flush", fileio_flush, METH_NOARGS, NULL},
    {"seekable", fileio_seekable, METH_NOARGS, NULL},
    {"readable", fileio_readable, METH_NOARGS, NULL},
    {"writable", fileio_writable, METH_NOARGS, NULL},
    {"fileno", fileio_fileno, METH_NOARGS, NULL},
    {"isatty", fileio_isatty, METH_NOARGS, NULL},
    {"_dealloc_warn", fileio_dealloc_warn, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef fileio_getset[] = {
    {"closed", fileio_closed_get, NULL, "True if the file is closed", NULL},
    {"closefd", fileio_closefd_get, NULL, NULL, NULL},
    {"mode", fileio_mode_get, NULL, "String giving the file mode", NULL},
    {"_blksize", fileio_blksize_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyFileIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(fileio),
    .tp_dealloc = fileio_dealloc,
    .tp_repr = fileio_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Open a file.",
    .tp_traverse = fileio_traverse,
    .tp_clear = fileio_clear,
    .tp_weaklistoffset = offsetof(fileio, weakreflist),
    .tp_methods = fileio_methods,
    .tp_getset = fileio_getset,
    .tp_base = &PyRawIOBase_Type,
    .tp_dictoffset = offsetof(fileio, dict),
    .tp_init = fileio_init,
    .tp_new = fileio_new,
    .tp_finalize = fileio_finalize,
};
