/* Buffered binary streams: BufferedReader, BufferedWriter, BufferedRandom
   (one implementation, selected by the readable/writable flags) and
   BufferedRWPair (a reader and a writer side by side).

   The buffer holds either bytes read ahead (buffer[read_pos:read_end],
   the raw stream standing at the end of them) or bytes waiting to be
   written (buffer[0:write_len], the raw stream standing where they go),
   never both.  `raw_pos` caches the raw stream's position (-1 unknown).

   Thread safety: every method that touches the buffer or calls the raw
   stream holds the object's `lock`, a PyMutex taken with the thread
   detached while it waits (the holder may be blocked in a system call
   for a long time).  `owner` is the thread state holding the lock; a
   thread that re-enters (a signal handler printing while print() is
   writing) gets RuntimeError instead of deadlocking.  `raw` is set by
   __init__ and kept until the object dies (detach() only clears `ok`),
   so the few readers that do not take the lock (closed, name, mode and
   the capability queries) always see a live object. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_long.h"
#include "_iomodule.h"
#include <errno.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    IOBASE_HEAD
    PyObject *raw;
    char ok;                    /* __init__ succeeded */
    char detached;
    char readable;
    char writable;
    char fast_raw;              /* raw is exactly a FileIO */
    char appending;             /* raw.mode has 'a': writes land at the end */
    char *buffer;
    Py_ssize_t buffer_size;
    Py_ssize_t read_pos, read_end;
    Py_ssize_t write_len;
    long long raw_pos;
    PyMutex lock;
    PyThreadState *owner;       /* written only by the lock holder */
} buffered;

#define BUFFERED(op) ((buffered *)(op))

/* ---- locking ---------------------------------------------------------------- */

static int try_lock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    return __atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* At shut-down a daemon thread may hold the lock forever (it never runs
   again).  During _PyIO_FlushAtExit the stream is simply skipped: only
   daemon threads are left, and CPython never flushes their streams
   either.  Elsewhere (a close during teardown) wait a second at most,
   detached, then stop the process with CPython's fatal error (named after
   CPython's function): the buffer's state is unknown, and going on could
   deadlock or lose data silently.  Returns -1 with an exception set for a
   skipped stream. */
static int lock_at_shutdown(buffered *self)
{
    if (_PyIO_FlushingAtExit()) {
        PyErr_Format(PyExc_RuntimeError,
                     "%R is in use by another thread at interpreter shutdown",
                     (PyObject *)self);
        return -1;
    }
    for (int tries = 0; tries < 1000; tries++) {
        if (try_lock(&self->lock)) {
            return 0;
        }
        Py_BEGIN_ALLOW_THREADS
        struct timespec pause = {0, 1000000};
        nanosleep(&pause, NULL);
        Py_END_ALLOW_THREADS
    }
    PyObject *ascii = PyObject_ASCII((PyObject *)self);
    const char *shown = ascii ? PyUnicode_AsUTF8(ascii) : NULL;
    _Py_FatalErrorFormat("_enter_buffered_busy", "could not acquire lock for "
                         "%s at interpreter shutdown, possibly due to daemon "
                         "threads", shown ? shown : "<ascii(self) failed>");
}

static int enter_buffered(buffered *self)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (__atomic_load_n(&self->owner, __ATOMIC_RELAXED) == tstate) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %R",
                     (PyObject *)self);
        return -1;
    }
    if (!try_lock(&self->lock)) {
        if (Py_IsFinalizing()) {
            if (lock_at_shutdown(self) < 0) {
                return -1;
            }
        }
        else {
            _PyMutex_LockDetached(&self->lock);
        }
    }
    __atomic_store_n(&self->owner, tstate, __ATOMIC_RELAXED);
    return 0;
}

static void leave_buffered(buffered *self)
{
    __atomic_store_n(&self->owner, NULL, __ATOMIC_RELAXED);
    PyMutex_Unlock(&self->lock);
}

static int check_initialized(buffered *self)
{
    if (!self->ok) {
        if (self->detached) {
            PyErr_SetString(PyExc_ValueError, "raw stream has been detached");
        }
        else {
            PyErr_SetString(PyExc_ValueError,
                            "I/O operation on uninitialized object");
        }
        return -1;
    }
    return 0;
}

/* 1 if the raw stream is closed; caller holds the lock or owns raw. */
static int raw_closed(buffered *self)
{
    if (self->fast_raw) {
        return _PyFileIO_Fd(self->raw) < 0;
    }
    return _PyIO_IsClosed(self->raw);
}

/* No lock needed: detach() keeps `raw` alive (see buffered_detach). */
int _PyBuffered_IsClosed(PyObject *op)
{
    buffered *self = BUFFERED(op);
    if (check_initialized(self) < 0) {
        return -1;
    }
    return raw_closed(self);
}

static int check_closed(buffered *self, const char *message)
{
    int closed = raw_closed(self);
    if (closed > 0) {
        PyErr_SetString(PyExc_ValueError, message);
        return -1;
    }
    return closed;
}

/* ---- raw stream access (lock held) -------------------------------------- */

/* Read into buf; count, 0 at EOF, -2 would block, -1 error. */
static Py_ssize_t raw_readinto(buffered *self, char *buf, Py_ssize_t len)
{
    if (self->fast_raw) {
        Py_ssize_t n = _PyFileIO_ReadInto(self->raw, buf, len);
        if (n > 0 && self->raw_pos >= 0) {
            self->raw_pos += n;
        }
        return n;
    }
    PyObject *view = PyMemoryView_FromMemory(buf, len, PyBUF_WRITE);
    if (view == NULL) {
        return -1;
    }
    PyObject *res;
    do {
        res = PyObject_CallMethodOneArg(self->raw, _PyIO_str_readinto, view);
    } while (res == NULL && PyErr_ExceptionMatches(PyExc_InterruptedError)
             && (PyErr_Clear(), PyErr_CheckSignals() == 0));
    Py_DECREF(view);
    if (res == NULL) {
        return -1;
    }
    if (res == Py_None) {
        Py_DECREF(res);
        return -2;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (n == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            _PyErr_FormatFromCause(PyExc_OSError, "raw readinto() failed");
        }
        return -1;
    }
    if (n < 0 || n > len) {
        PyErr_Format(PyExc_OSError,
                     "raw readinto() returned invalid length %zd "
                     "(should have been between 0 and %zd)", n, len);
        return -1;
    }
    if (n > 0 && self->raw_pos >= 0) {
        self->raw_pos += n;
    }
    return n;
}

static Py_ssize_t raw_write(buffered *self, const char *buf, Py_ssize_t len)
{
    Py_ssize_t n;
    if (self->fast_raw) {
        n = _PyFileIO_Write(self->raw, buf, len);
    }
    else {
        PyObject *view = PyMemoryView_FromMemory((char *)buf, len, PyBUF_READ);
        if (view == NULL) {
            return -1;
        }
        PyObject *res;
        do {
            res = PyObject_CallMethodOneArg(self->raw, _PyIO_str_write, view);
        } while (res == NULL && PyErr_ExceptionMatches(PyExc_InterruptedError)
                 && (PyErr_Clear(), PyErr_CheckSignals() == 0));
        Py_DECREF(view);
        if (res == NULL) {
            return -1;
        }
        if (res == Py_None) {
            Py_DECREF(res);
            return -2;
        }
        n = PyNumber_AsSsize_t(res, PyExc_ValueError);
        Py_DECREF(res);
        if (n == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (n < 0 || n > len) {
            PyErr_Format(PyExc_OSError,
                         "raw write() returned invalid length %zd "
                         "(should have been between 0 and %zd)", n, len);
            return -1;
        }
    }
    if (n > 0 && self->raw_pos >= 0) {
        /* In append mode the system writes at the end of the file, not
           at the cached position: ask the raw stream next time. */
        self->raw_pos = self->appending ? -1 : self->raw_pos + n;
    }
    return n;
}

static long long raw_seek(buffered *self, long long pos, int whence)
{
    PyObject *res = PyObject_CallMethod(self->raw, "seek", "Li", pos, whence);
    if (res == NULL) {
        return -1;
    }
    long long n = PyLong_AsLongLong(res);
    Py_DECREF(res);
    if (n < 0) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_OSError,
                         "Raw stream returned invalid position %lld", n);
        }
        return -1;
    }
    self->raw_pos = n;
    return n;
}

static long long raw_tell(buffered *self)
{
    if (self->raw_pos >= 0) {
        return self->raw_pos;
    }
    PyObject *res = PyObject_CallMethodNoArgs(self->raw, _PyIO_str_tell);
    if (res == NULL) {
        return -1;
    }
    long long n = PyLong_AsLongLong(res);
    Py_DECREF(res);
    if (n < 0) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_OSError,
                         "Raw stream returned invalid position %lld", n);
        }
        return -1;
    }
    self->raw_pos = n;
    return n;
}

/* BlockingIOError(EAGAIN, message, written): a non-blocking raw stream
   refused bytes; `written` of the caller's bytes were accepted. */
static void set_write_would_block(Py_ssize_t written)
{
    PyObject *exc = PyObject_CallFunction(PyExc_BlockingIOError, "isn", EAGAIN,
                                          "write could not complete without blocking",
                                          written);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_BlockingIOError, exc);
        Py_DECREF(exc);
    }
}

/* Write out every pending byte; 0 or -1.  Bytes not yet written stay at
   the front of the buffer, so a later flush retries them. */
static int flush_writes(buffered *self)
{
    Py_ssize_t done = 0;
    int rc = 0;
    while (done < self->write_len) {
        Py_ssize_t n = raw_write(self, self->buffer + done, self->write_len - done);
        if (n == -2) {
            set_write_would_block(0);
            rc = -1;
            break;
        }
        if (n < 0) {
            rc = -1;
            break;
        }
        done += n;
        /* A signal can cut a write short without EINTR: run its handler
           before blocking again, possibly forever. */
        if (done < self->write_len && PyErr_CheckSignals() < 0) {
            rc = -1;
            break;
        }
    }
    if (done > 0) {
        memmove(self->buffer, self->buffer + done, (size_t)(self->write_len - done));
        self->write_len -= done;
    }
    return rc;
}

/* Drop read-ahead bytes, moving the raw stream back to the logical
   position when some are unread; 0 or -1. */
static int drop_read_buffer(buffered *self)
{
    Py_ssize_t unread = self->read_end - self->read_pos;
    if (unread > 0) {
        long long pos = raw_tell(self);
        if (pos < 0 || raw_seek(self, pos - unread, SEEK_SET) < 0) {
            return -1;
        }
    }
    self->read_pos = self->read_end = 0;
    return 0;
}

/* Make the buffer ready for reading: pending writes go out first. */
static int prepare_read(buffered *self)
{
    if (self->write_len > 0) {
        return flush_writes(self);
    }
    return 0;
}

/* Refill an empty read buffer once; count, 0 at EOF, -2, or -1. */
static Py_ssize_t fill_buffer(buffered *self)
{
    Py_ssize_t unread = self->read_end - self->read_pos;
    if (unread > 0 && self->read_pos > 0) {
        memmove(self->buffer, self->buffer + self->read_pos, (size_t)unread);
    }
    self->read_pos = 0;
    self->read_end = unread;
    Py_ssize_t n = raw_readinto(self, self->buffer + unread,
                                self->buffer_size - unread);
    if (n > 0) {
        self->read_end += n;
    }
    return n;
}

/* ---- construction ----------------------------------------------------------- */


/* Is raw open for appending (its mode has an 'a')?  A raw stream without
   a mode attribute is taken as not appending. */
static int raw_is_appending(PyObject *raw)
{
    PyObject *mode;
    if (PyObject_GetOptionalAttrString(raw, "mode", &mode) <= 0) {
        PyErr_Clear();
        return 0;
    }
    int appending = PyUnicode_Check(mode)
                    && PyUnicode_FindChar(mode, 'a', 0,
                                          PyUnicode_GET_LENGTH(mode), 1) >= 0;
    Py_DECREF(mode);
    return appending;
}

static int buffered_setup(buffered *self, PyObject *raw, Py_ssize_t buffer_size,
                          int readable, int writable)
{
    if (buffer_size <= 0) {
        PyErr_SetString(PyExc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    if (readable && _PyIO_CheckCapability(raw, _PyIO_str_readable,
                                          "File or stream is not readable.") < 0) {
        return -1;
    }
    if (writable && _PyIO_CheckCapability(raw, _PyIO_str_writable,
                                          "File or stream is not writable.") < 0) {
        return -1;
    }
    if (readable && writable
            && _PyIO_CheckCapability(raw, _PyIO_str_seekable,
                                     "File or stream is not seekable.") < 0) {
        return -1;
    }
    char *buffer = PyMem_Malloc((size_t)buffer_size);
    if (buffer == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyMem_Free(self->buffer);
    self->buffer = buffer;
    self->buffer_size = buffer_size;
    Py_XSETREF(self->raw, Py_NewRef(raw));
    self->readable = (char)readable;
    self->writable = (char)writable;
    self->fast_raw = Py_IS_TYPE(raw, &PyFileIO_Type);
    self->appending = writable && raw_is_appending(raw);
    self->read_pos = self->read_end = self->write_len = 0;
    self->raw_pos = -1;
    self->detached = 0;
    self->ok = 1;
    return writable ? _PyIO_Register((PyObject *)self) : 0;
}

static int buffered_init_common(PyObject *op, PyObject *args, PyObject *kwds,
                                const char *name, int readable, int writable)
{
    static char *kwlist[] = {"raw", "buffer_size", NULL};
    char format[48];
    PyObject *raw;
    Py_ssize_t buffer_size = DEFAULT_BUFFER_SIZE;
    PyOS_snprintf(format, sizeof(format), "O|n:%s", name);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, format, kwlist, &raw,
                                     &buffer_size)) {
        return -1;
    }
    buffered *self = BUFFERED(op);
    self->ok = 0;
    return buffered_setup(self, raw, buffer_size, readable, writable);
}

static int reader_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    return buffered_init_common(op, args, kwds, "BufferedReader", 1, 0);
}

static int writer_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    return buffered_init_common(op, args, kwds, "BufferedWriter", 0, 1);
}

static int random_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    return buffered_init_common(op, args, kwds, "BufferedRandom", 1, 1);
}

/* ---- reading ---------------------------------------------------------------- */

/* Everything to EOF; lock held.  NULL, or None when the raw stream would
   block before giving anything. */
static PyObject *read_all_locked(buffered *self)
{
    Py_ssize_t have = self->read_end - self->read_pos;
    PyObject *head = PyBytes_FromStringAndSize(self->buffer + self->read_pos, have);
    if (head == NULL) {
        return NULL;
    }
    self->read_pos = self->read_end = 0;
    PyObject *rest = NULL;
    if (self->fast_raw) {
        rest = PyObject_CallMethodNoArgs(self->raw, _PyIO_str_readall);
        self->raw_pos = -1;
    }
    else {
        PyObject *readall;
        if (PyObject_GetOptionalAttr(self->raw, _PyIO_str_readall, &readall) < 0) {
            Py_DECREF(head);
            return NULL;
        }
        if (readall != NULL) {
            rest = PyObject_CallNoArgs(readall);
            Py_DECREF(readall);
        }
        else {
            rest = PyObject_CallMethodNoArgs(self->raw, _PyIO_str_read);
        }
        self->raw_pos = -1;
    }
    if (rest == NULL) {
        Py_DECREF(head);
        return NULL;
    }
    if (rest == Py_None) {
        if (have > 0) {
            Py_DECREF(rest);
            return head;
        }
        Py_DECREF(head);
        return rest;
    }
    if (!PyBytes_Check(rest)) {
        PyErr_SetString(PyExc_TypeError, "readall() should return bytes");
        Py_DECREF(rest);
        Py_DECREF(head);
        return NULL;
    }
    if (have == 0) {
        Py_DECREF(head);
        return rest;
    }
    PyBytes_ConcatAndDel(&head, rest);
    return head;
}

/* Up to size bytes, blocking until size or EOF; lock held. */
static PyObject *read_sized_locked(buffered *self, Py_ssize_t size)
{
    Py_ssize_t have = self->read_end - self->read_pos;
    if (size <= have) {
        PyObject *res = PyBytes_FromStringAndSize(self->buffer + self->read_pos, size);
        if (res != NULL) {
            self->read_pos += size;
        }
        return res;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, size);
    if (res == NULL) {
        return NULL;
    }
    char *out = PyBytes_AS_STRING(res);
    memcpy(out, self->buffer + self->read_pos, (size_t)have);
    Py_ssize_t got = have;
    self->read_pos = self->read_end = 0;
    while (got < size) {
        Py_ssize_t want = size - got;
        Py_ssize_t n;
        if (want >= self->buffer_size) {
            /* Large reads bypass the buffer, in whole blocks. */
            n = raw_readinto(self, out + got, want - want % self->buffer_size);
        }
        else {
            n = fill_buffer(self);
            if (n > 0) {
                Py_ssize_t take = n < want ? n : want;
                memcpy(out + got, self->buffer, (size_t)take);
                self->read_pos = take;
                got += take;
                continue;
            }
        }
        if (n == -1) {
            Py_DECREF(res);
            return NULL;
        }
        if (n == -2) {
            if (got == 0) {
                Py_DECREF(res);
                Py_RETURN_NONE;
            }
            break;
        }
        if (n == 0) {
            break;
        }
        got += n;
    }
    if (got != size && _PyBytes_Resize(&res, got) < 0) {
        return NULL;
    }
    return res;
}

static int begin_read(buffered *self, const char *closed_message)
{
    if (check_initialized(self) < 0) {
        return -1;
    }
    if (!self->readable) {
        _PyIO_Unsupported("read");
        return -1;
    }
    if (enter_buffered(self) < 0) {
        return -1;
    }
    if ((self->read_end == self->read_pos && check_closed(self, closed_message) < 0)
            || prepare_read(self) < 0) {
        leave_buffered(self);
        return -1;
    }
    return 0;
}

static PyObject *buffered_read(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *self = BUFFERED(op);
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1)) {
        return NULL;
    }
    if (nargs && args[0] != Py_None) {
        size = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (size < -1) {
            PyErr_SetString(PyExc_ValueError,
                            "read length must be non-negative or -1");
            return NULL;
        }
    }
    if (begin_read(self, "read of closed file") < 0) {
        return NULL;
    }
    PyObject *res = size < 0 ? read_all_locked(self) : read_sized_locked(self, size);
    leave_buffered(self);
    return res;
}

PyObject *_PyBuffered_Read1(PyObject *op, Py_ssize_t size)
{
    buffered *self = BUFFERED(op);
    if (begin_read(self, "read of closed file") < 0) {
        return NULL;
    }
    if (size < 0) {
        size = self->buffer_size;
    }
    PyObject *res;
    Py_ssize_t have = self->read_end - self->read_pos;
    if (have == 0 && size > 0) {
        if (size > self->buffer_size) {
            res = PyBytes_FromStringAndSize(NULL, size);
            Py_ssize_t n = res ? raw_readinto(self, PyBytes_AS_STRING(res), size) : -1;
            if (n < 0) {
                Py_XDECREF(res);
                res = n == -2 ? Py_NewRef(Py_None) : NULL;
            }
            else if (n != size) {
                (void)_PyBytes_Resize(&res, n);
            }
            leave_buffered(self);
            return res;
        }
        Py_ssize_t n = fill_buffer(self);
        if (n == -1) {
            leave_buffered(self);
            return NULL;
        }
        have = self->read_end - self->read_pos;
    }
    if (size > have) {
        size = have;
    }
    res = PyBytes_FromStringAndSize(self->buffer + self->read_pos, size);
    if (res != NULL) {
        self->read_pos += size;
    }
    leave_buffered(self);
    return res;
}

static PyObject *buffered_read1(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read1", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &size) < 0) {
        return NULL;
    }
    return _PyBuffered_Read1(op, size);
}

static PyObject *buffered_peek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *self = BUFFERED(op);
    if (!_PyArg_CheckPositional("peek", nargs, 0, 1)) {
        return NULL;
    }
    if (begin_read(self, "peek of closed file") < 0) {
        return NULL;
    }
    if (self->read_end == self->read_pos && fill_buffer(self) == -1) {
        leave_buffered(self);
        return NULL;
    }
    PyObject *res = PyBytes_FromStringAndSize(self->buffer + self->read_pos,
                                              self->read_end - self->read_pos);
    leave_buffered(self);
    return res;
}

static PyObject *readinto_common(PyObject *op, PyObject *arg, int once)
{
    buffered *self = BUFFERED(op);
    Py_buffer view;
    if (_PyIO_GetWritableBuffer(arg, &view, once ? "readinto1" : "readinto") < 0) {
        return NULL;
    }
    if (begin_read(self, "readinto of closed file") < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    char *out = view.buf;
    Py_ssize_t got = 0, n = 0;
    while (got < view.len) {
        Py_ssize_t have = self->read_end - self->read_pos;
        if (have > 0) {
            Py_ssize_t take = have < view.len - got ? have : view.len - got;
            memcpy(out + got, self->buffer + self->read_pos, (size_t)take);
            self->read_pos += take;
            got += take;
            continue;
        }
        /* More room than the buffer holds: read straight into the caller's
           memory.  readinto1 makes at most one raw read, and does not fill
           the buffer once it has bytes to return. */
        if (view.len - got > self->buffer_size) {
            n = raw_readinto(self, out + got, view.len - got);
            if (n > 0) {
                got += n;
            }
        }
        else if (once && got > 0) {
            break;
        }
        else {
            n = fill_buffer(self);
        }
        if (n <= 0 || once) {
            if (once && n > 0 && self->read_end > self->read_pos) {
                continue;
            }
            break;
        }
    }
    leave_buffered(self);
    PyBuffer_Release(&view);
    if (n == -1) {
        return NULL;
    }
    if (n == -2 && got == 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(got);
}

static PyObject *buffered_readinto(PyObject *op, PyObject *arg)
{
    return readinto_common(op, arg, 0);
}

static PyObject *buffered_readinto1(PyObject *op, PyObject *arg)
{
    return readinto_common(op, arg, 1);
}

/* One line (through b'\n'), at most limit bytes when limit >= 0. */
static PyObject *readline_locked(buffered *self, Py_ssize_t limit)
{
    const char *start = self->buffer + self->read_pos;
    Py_ssize_t have = self->read_end - self->read_pos;
    Py_ssize_t scan = limit >= 0 && limit < have ? limit : have;
    const char *nl = memchr(start, '\n', (size_t)scan);
    if (nl != NULL || scan == limit) {
        Py_ssize_t len = nl ? nl - start + 1 : scan;
        self->read_pos += len;
        return PyBytes_FromStringAndSize(start, len);
    }
    PyObject *line = PyByteArray_FromStringAndSize(start, have);
    if (line == NULL) {
        return NULL;
    }
    self->read_pos = self->read_end;
    for (;;) {
        Py_ssize_t n = fill_buffer(self);
        if (n == -1) {
            Py_DECREF(line);
            return NULL;
        }
        if (n <= 0) {
            break;
        }
        Py_ssize_t got = PyByteArray_GET_SIZE(line);
        scan = self->read_end - self->read_pos;
        if (limit >= 0 && scan > limit - got) {
            scan = limit - got;
        }
        start = self->buffer + self->read_pos;
        nl = memchr(start, '\n', (size_t)scan);
        Py_ssize_t take = nl ? nl - start + 1 : scan;
        if (PyByteArray_Resize(line, got + take) < 0) {
            Py_DECREF(line);
            return NULL;
        }
        memcpy(PyByteArray_AS_STRING(line) + got, start, (size_t)take);
        self->read_pos += take;
        if (nl != NULL || (limit >= 0 && got + take >= limit)) {
            break;
        }
    }
    PyObject *res = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(line),
                                              PyByteArray_GET_SIZE(line));
    Py_DECREF(line);
    return res;
}

static PyObject *buffered_readline_impl(buffered *self, Py_ssize_t limit)
{
    if (begin_read(self, "readline of closed file") < 0) {
        return NULL;
    }
    PyObject *res = readline_locked(self, limit);
    leave_buffered(self);
    return res;
}

static PyObject *buffered_readline(PyObject *op, PyObject *const *args,
                                   Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1)
            || _PyIO_ConvertSize(nargs ? args[0] : NULL, &limit) < 0) {
        return NULL;
    }
    return buffered_readline_impl(BUFFERED(op), limit);
}

static PyObject *buffered_iternext(PyObject *op)
{
    buffered *self = BUFFERED(op);
    PyObject *line;
    if (Py_IS_TYPE(op, &PyBufferedReader_Type)
            || Py_IS_TYPE(op, &PyBufferedRandom_Type)) {
        line = buffered_readline_impl(self, -1);
    }
    else {
        line = PyObject_CallMethodNoArgs(op, _PyIO_str_readline);
        if (line != NULL && !PyBytes_Check(line)) {
            PyErr_Format(PyExc_OSError, "readline() should have returned a "
                         "bytes object, not '%.200s'", Py_TYPE(line)->tp_name);
            Py_DECREF(line);
            return NULL;
        }
    }
    if (line == NULL || PyBytes_GET_SIZE(line) == 0) {
        Py_XDECREF(line);
        return NULL;
    }
    return line;
}

/* ---- writing ---------------------------------------------------------------- */

/* Append data; lock held.  Returns len or -1. */
/* Buffers what fits, else flushes and writes whole buffer-sized runs
   straight through.  When a non-blocking raw stream refuses bytes, as
   much as the buffer can hold is kept and BlockingIOError tells how many
   of the caller's bytes were taken (characters_written). */
static Py_ssize_t write_locked(buffered *self, const char *data, Py_ssize_t len)
{
    if (self->read_end > 0 && drop_read_buffer(self) < 0) {
        return -1;
    }
    if (len <= self->buffer_size - self->write_len) {
        memcpy(self->buffer + self->write_len, data, (size_t)len);
        self->write_len += len;
        return len;
    }
    if (flush_writes(self) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_BlockingIOError)) {
            return -1;
        }
        /* flush_writes left the unwritten bytes at the front. */
        Py_ssize_t avail = self->buffer_size - self->write_len;
        Py_ssize_t taken = len <= avail ? len : avail;
        memcpy(self->buffer + self->write_len, data, (size_t)taken);
        self->write_len += taken;
        if (taken == len) {
            PyErr_Clear();
            return len;
        }
        PyErr_Clear();
        set_write_would_block(taken);
        return -1;
    }
    Py_ssize_t done = 0;
    while (len - done > self->buffer_size) {
        Py_ssize_t n = raw_write(self, data + done, len - done);
        if (n == -2) {
            memcpy(self->buffer, data + done, (size_t)self->buffer_size);
            self->write_len = self->buffer_size;
            set_write_would_block(done + self->buffer_size);
            return -1;
        }
        if (n < 0) {
            return -1;
        }
        done += n;
        /* As in flush_writes: a short write may hide a pending signal. */
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
    memcpy(self->buffer, data + done, (size_t)(len - done));
    self->write_len = len - done;
    return len;
}

static int begin_write(buffered *self)
{
    if (check_initialized(self) < 0) {
        return -1;
    }
    if (!self->writable) {
        _PyIO_Unsupported("write");
        return -1;
    }
    if (enter_buffered(self) < 0) {
        return -1;
    }
    if (check_closed(self, "write to closed file") < 0) {
        leave_buffered(self);
        return -1;
    }
    return 0;
}

Py_ssize_t _PyBuffered_WriteBytes(PyObject *op, const char *data, Py_ssize_t len)
{
    buffered *self = BUFFERED(op);
    if (begin_write(self) < 0) {
        return -1;
    }
    Py_ssize_t n = write_locked(self, data, len);
    leave_buffered(self);
    return n;
}

static PyObject *buffered_write(PyObject *op, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    Py_ssize_t n = _PyBuffered_WriteBytes(op, view.buf, view.len);
    PyBuffer_Release(&view);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

/* flush(): pending writes out; a BufferedRandom's raw stream is moved back
   to the logical position.  Lock held. */
static int flush_locked(buffered *self)
{
    if (flush_writes(self) < 0) {
        return -1;
    }
    if (self->writable && self->readable && self->read_end > 0) {
        return drop_read_buffer(self);
    }
    return 0;
}

static PyObject *buffered_flush(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    buffered *self = BUFFERED(op);
    if (check_initialized(self) < 0 || enter_buffered(self) < 0) {
        return NULL;
    }
    int rc = check_closed(self, "flush of closed file");
    if (rc == 0) {
        rc = flush_locked(self);
    }
    leave_buffered(self);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- positioning ------------------------------------------------------------ */

static long long tell_locked(buffered *self)
{
    long long pos = raw_tell(self);
    if (pos < 0) {
        return -1;
    }
    pos += self->write_len - (self->read_end - self->read_pos);
    return pos < 0 ? 0 : pos;
}

/* tell() asks the raw stream each time, as CPython does: a character
   device (or a raw stream moved behind our back) reports a position the
   cached one does not know.  Called with the buffer's lock held. */
static PyObject *buffered_tell(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    buffered *self = BUFFERED(op);
    if (check_initialized(self) < 0 || enter_buffered(self) < 0) {
        return NULL;
    }
    self->raw_pos = -1;
    long long pos = tell_locked(self);
    leave_buffered(self);
    return pos < 0 ? NULL : PyLong_FromLongLong(pos);
}

static PyObject *buffered_seek(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    buffered *self = BUFFERED(op);
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
    if (whence < 0 || whence > 2) {
        PyErr_Format(PyExc_ValueError,
                     "whence value %d unsupported", whence);
        return NULL;
    }
    if (check_initialized(self) < 0) {
        return NULL;
    }
    if (!PyIndex_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    long long target = PyLong_AsLongLong(args[0]);
    if (target == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (enter_buffered(self) < 0) {
        return NULL;
    }
    long long result = -1;
    if (check_closed(self, "seek of closed file") < 0) {
        goto done;
    }
    if (_PyIO_CheckCapability(self->raw, _PyIO_str_seekable,
                              "File or stream is not seekable.") < 0) {
        goto done;
    }
    if (whence != SEEK_END && self->write_len == 0 && self->read_end > 0
            && self->raw_pos >= 0) {
        /* Inside the read-ahead: move within the buffer, no system call. */
        long long buffer_start = self->raw_pos - self->read_end;
        long long wanted = whence == SEEK_SET
                           ? target : buffer_start + self->read_pos + target;
        if (wanted >= buffer_start && wanted <= self->raw_pos) {
            self->read_pos = (Py_ssize_t)(wanted - buffer_start);
            /* A character device's raw position stays 0: never negative
               (GH-95782). */
            result = wanted < 0 ? 0 : wanted;
            goto done;
        }
    }
    if (flush_writes(self) < 0) {
        goto done;
    }
    if (whence == SEEK_CUR) {
        target -= self->read_end - self->read_pos;
    }
    self->read_pos = self->read_end = 0;
    result = raw_seek(self, target, whence);
done:
    leave_buffered(self);
    return result < 0 ? NULL : PyLong_FromLongLong(result);
}

static PyObject *buffered_truncate(PyObject *op, PyObject *const *args,
                                   Py_ssize_t nargs)
{
    buffered *self = BUFFERED(op);
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1)) {
        return NULL;
    }
    if (check_initialized(self) < 0) {
        return NULL;
    }
    if (!self->writable) {
        return _PyIO_Unsupported("truncate");
    }
    if (enter_buffered(self) < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    if (check_closed(self, "truncate of closed file") < 0
            || flush_locked(self) < 0) {
        goto done;
    }
    PyObject *pos = nargs && args[0] != Py_None ? Py_NewRef(args[0]) : NULL;
    if (pos == NULL) {
        long long here = tell_locked(self);
        if (here < 0) {
            goto done;
        }
        pos = PyLong_FromLongLong(here);
        if (pos == NULL) {
            goto done;
        }
    }
    res = PyObject_CallMethodOneArg(self->raw, _PyIO_str_truncate, pos);
    Py_DECREF(pos);
    self->raw_pos = -1;
done:
    leave_buffered(self);
    return res;
}

/* ---- closing and delegation ---------------------------------------------- */

static PyObject *buffered_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    buffered *self = BUFFERED(op);
    if (check_initialized(self) < 0 || enter_buffered(self) < 0) {
        return NULL;
    }
    int closed = raw_closed(self);
    if (closed != 0) {
        leave_buffered(self);
        if (closed < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (self->iob_finalizing) {
        PyObject *r = PyObject_CallMethodOneArg(self->raw, _PyIO_str__dealloc_warn, op);
        Py_XDECREF(r);
        PyErr_Clear();
    }
    /* flush() is looked up on the object, so a subclass's or an
       instance's own flush runs; it takes the lock itself. */
    leave_buffered(self);
    PyObject *exc = NULL;
    PyObject *flushed = PyObject_CallMethodNoArgs(op, _PyIO_str_flush);
    if (flushed == NULL) {
        exc = PyErr_GetRaisedException();
    }
    Py_XDECREF(flushed);
    if (enter_buffered(self) < 0) {
        if (exc != NULL) {
            _PyErr_ChainExceptions1(exc);
        }
        return NULL;
    }
    /* The raw stream is closed even when the flush failed; what could not
       be written is dropped. */
    self->write_len = 0;
    self->read_pos = self->read_end = 0;
    PyObject *res = PyObject_CallMethodNoArgs(self->raw, _PyIO_str_close);
    leave_buffered(self);
    if (exc != NULL) {
        if (res == NULL) {
            PyObject *later = PyErr_GetRaisedException();
            PyException_SetContext(later, exc);
            PyErr_SetRaisedException(later);
        }
        else {
            Py_DECREF(res);
            PyErr_SetRaisedException(exc);
        }
        return NULL;
    }
    return res;
}

static PyObject *buffered_detach(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    buffered *self = BUFFERED(op);
    if (check_initialized(self) < 0 || enter_buffered(self) < 0) {
        return NULL;
    }
    int rc = flush_locked(self);
    PyObject *raw = NULL;
    if (rc == 0) {
        /* The object keeps its own reference until it dies, so that
           methods racing detach() in other threads, which read `raw`
           without the lock, never see it freed; they fail on `ok`. */
        raw = Py_NewRef(self->raw);
        self->ok = 0;
        self->detached = 1;
    }
    leave_buffered(self);
    return raw;
}

/* Methods that ask the raw stream directly. */
static PyObject *delegate(PyObject *op, PyObject *name)
{
    buffered *self = BUFFERED(op);
    if (check_initialized(self) < 0) {
        return NULL;
    }
    return PyObject_CallMethodNoArgs(self->raw, name);
}

static PyObject *buffered_fileno(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return delegate(op, _PyIO_str_fileno);
}

static PyObject *buffered_isatty(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return delegate(op, _PyIO_str_isatty);
}

static PyObject *buffered_seekable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return delegate(op, _PyIO_str_seekable);
}

static PyObject *buffered_readable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return delegate(op, _PyIO_str_readable);
}

static PyObject *buffered_writable(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return delegate(op, _PyIO_str_writable);
}

static PyObject *buffered_dealloc_warn(PyObject *op, PyObject *source)
{
    buffered *self = BUFFERED(op);
    if (self->ok && self->raw != NULL) {
        PyObject *r = PyObject_CallMethodOneArg(self->raw, _PyIO_str__dealloc_warn,
                                                source);
        Py_XDECREF(r);
        PyErr_Clear();
    }
    Py_RETURN_NONE;
}

static PyObject *raw_attr(PyObject *op, PyObject *name)
{
    buffered *self = BUFFERED(op);
    if (check_initialized(self) < 0) {
        return NULL;
    }
    return PyObject_GetAttr(self->raw, name);
}

static PyObject *buffered_closed_get(PyObject *op, void *Py_UNUSED(closure))
{
    return raw_attr(op, _PyIO_str_closed);
}

static PyObject *buffered_name_get(PyObject *op, void *Py_UNUSED(closure))
{
    return raw_attr(op, _PyIO_str_name);
}

static PyObject *buffered_mode_get(PyObject *op, void *Py_UNUSED(closure))
{
    return raw_attr(op, _PyIO_str_mode);
}

static PyObject *buffered_raw_get(PyObject *op, void *Py_UNUSED(closure))
{
    buffered *self = BUFFERED(op);
    if (check_initialized(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self->raw);
}

static PyObject *buffered_repr(PyObject *op)
{
    buffered *self = BUFFERED(op);
    const char *type_name = Py_TYPE(op)->tp_name;
    if (!self->ok) {
        return PyUnicode_FromFormat("<%s>", type_name);
    }
    PyObject *name;
    if (PyObject_GetOptionalAttr(op, _PyIO_str_name, &name) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError)) {
            return NULL;
        }
        PyErr_Clear();
        name = NULL;
    }
    if (name == NULL) {
        return PyUnicode_FromFormat("<%s>", type_name);
    }
    PyObject *res;
    if (Py_ReprEnter(op) > 0) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__",
                     type_name);
        res = NULL;
    }
    else {
        res = PyUnicode_FromFormat("<%s name=%R>", type_name, name);
        Py_ReprLeave(op);
    }
    Py_DECREF(name);
    return res;
}

static int buffered_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(BUFFERED(op)->raw);
    return _PyIOBase_traverse(op, visit, arg);
}

static int buffered_clear(PyObject *op)
{
    BUFFERED(op)->ok = 0;
    Py_CLEAR(BUFFERED(op)->raw);
    _PyIOBase_clear(op);
    return 0;
}

static void buffered_dealloc(PyObject *op)
{
    if (_PyIOBase_DeallocStart(op)) {
        return;
    }
    buffered *self = BUFFERED(op);
    self->ok = 0;
    PyMem_Free(self->buffer);
    self->buffer = NULL;
    Py_CLEAR(self->raw);
    _PyIOBase_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static void buffered_finalize(PyObject *op)
{
    if (BUFFERED(op)->ok) {
        (void)_PyIOBase_Finalize(op);
    }
}

static PyObject *buffered_sizeof(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t((Py_ssize_t)Py_TYPE(op)->tp_basicsize
                              + BUFFERED(op)->buffer_size);
}

#define COMMON_METHODS \
    {"close", buffered_close, METH_NOARGS, NULL}, \
    {"detach", buffered_detach, METH_NOARGS, NULL}, \
    {"flush", buffered_flush, METH_NOARGS, NULL}, \
    {"seekable", buffered_seekable, METH_NOARGS, NULL}, \
    {"fileno", buffered_fileno, METH_NOARGS, NULL}, \
    {"isatty", buffered_isatty, METH_NOARGS, NULL}, \
    {"seek", _PyCFunction_CAST(buffered_seek), METH_FASTCALL, NULL}, \
    {"tell", buffered_tell, METH_NOARGS, NULL}, \
    {"truncate", _PyCFunction_CAST(buffered_truncate), METH_FASTCALL, NULL}, \
    {"_dealloc_warn", buffered_dealloc_warn, METH_O, NULL}, \
    {"__sizeof__", buffered_sizeof, METH_NOARGS, NULL},

/* A reader answers readable() from its raw stream and a writer
   writable(); the other question gets _IOBase's False, as in CPython. */
#define READ_METHODS \
    {"readable", buffered_readable, METH_NOARGS, NULL}, \
    {"read", _PyCFunction_CAST(buffered_read), METH_FASTCALL, NULL}, \
    {"read1", _PyCFunction_CAST(buffered_read1), METH_FASTCALL, NULL}, \
    {"peek", _PyCFunction_CAST(buffered_peek), METH_FASTCALL, NULL}, \
    {"readinto", buffered_readinto, METH_O, NULL}, \
    {"readinto1", buffered_readinto1, METH_O, NULL}, \
    {"readline", _PyCFunction_CAST(buffered_readline), METH_FASTCALL, NULL},

#define WRITE_METHODS \
    {"writable", buffered_writable, METH_NOARGS, NULL}, \
    {"write", buffered_write, METH_O, NULL},

static PyMethodDef reader_methods[] = {
    COMMON_METHODS
    READ_METHODS
    {NULL, NULL, 0, NULL},
};

static PyMethodDef writer_methods[] = {
    COMMON_METHODS
    WRITE_METHODS
    {NULL, NULL, 0, NULL},
};

static PyMethodDef random_methods[] = {
    COMMON_METHODS
    READ_METHODS
    WRITE_METHODS
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef buffered_getset[] = {
    {"closed", buffered_closed_get, NULL, NULL, NULL},
    {"name", buffered_name_get, NULL, NULL, NULL},
    {"mode", buffered_mode_get, NULL, NULL, NULL},
    {"raw", buffered_raw_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(NAME, DOC, METHODS, INIT) { \
    PyVarObject_HEAD_INIT(&PyType_Type, 0) \
    .tp_name = "_io." NAME, \
    .tp_basicsize = sizeof(buffered), \
    .tp_dealloc = buffered_dealloc, \
    .tp_repr = buffered_repr, \
    .tp_getattro = PyObject_GenericGetAttr, \
    .tp_setattro = PyObject_GenericSetAttr, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
    .tp_doc = DOC, \
    .tp_traverse = buffered_traverse, \
    .tp_clear = buffered_clear, \
    .tp_weaklistoffset = offsetof(buffered, weakreflist), \
    .tp_iter = NULL, \
    .tp_iternext = buffered_iternext, \
    .tp_methods = METHODS, \
    .tp_getset = buffered_getset, \
    .tp_base = &PyBufferedIOBase_Type, \
    .tp_dictoffset = offsetof(buffered, dict), \
    .tp_init = INIT, \
    .tp_new = PyType_GenericNew, \
    .tp_finalize = buffered_finalize, \
}

PyTypeObject PyBufferedReader_Type = BUFFERED_TYPE(
    "BufferedReader", "Create a new buffered reader using the given readable raw IO object.",
    reader_methods, reader_init);
PyTypeObject PyBufferedWriter_Type = BUFFERED_TYPE(
    "BufferedWriter", "A buffer for a writeable sequential RawIO object.",
    writer_methods, writer_init);
PyTypeObject PyBufferedRandom_Type = BUFFERED_TYPE(
    "BufferedRandom", "A buffered interface to random access streams.",
    random_methods, random_init);

/* ---- BufferedRWPair --------------------------------------------------------- */

/* A reader and a writer over two raw streams.  Thread safety: the two
   fields are set by __init__ only; each side locks itself. */
typedef struct {
    IOBASE_HEAD
    PyObject *reader;
    PyObject *writer;
} rwpair;

#define RWPAIR(op) ((rwpair *)(op))

static int rwpair_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"reader", "writer", "buffer_size", NULL};
    PyObject *reader, *writer;
    Py_ssize_t buffer_size = DEFAULT_BUFFER_SIZE;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|n:BufferedRWPair", kwlist,
                                     &reader, &writer, &buffer_size)) {
        return -1;
    }
    PyObject *r = PyObject_CallFunction((PyObject *)&PyBufferedReader_Type, "On",
                                        reader, buffer_size);
    if (r == NULL) {
        return -1;
    }
    PyObject *w = PyObject_CallFunction((PyObject *)&PyBufferedWriter_Type, "On",
                                        writer, buffer_size);
    if (w == NULL) {
        Py_DECREF(r);
        return -1;
    }
    Py_XSETREF(RWPAIR(op)->reader, r);
    Py_XSETREF(RWPAIR(op)->writer, w);
    return 0;
}

static PyObject *rwpair_side(PyObject *op, int writer_side)
{
    PyObject *side = writer_side ? RWPAIR(op)->writer : RWPAIR(op)->reader;
    if (side == NULL) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
    }
    return side;
}

static PyObject *rwpair_forward(PyObject *op, int writer_side, const char *name,
                                PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *side = rwpair_side(op, writer_side);
    if (side == NULL) {
        return NULL;
    }
    PyObject *method = PyObject_GetAttrString(side, name);
    if (method == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Vectorcall(method, args, (size_t)nargs, NULL);
    Py_DECREF(method);
    return res;
}

#define RWPAIR_FORWARD(NAME, WRITER) \
    static PyObject *rwpair_##NAME(PyObject *op, PyObject *const *args, \
                                   Py_ssize_t nargs) \
    { \
        return rwpair_forward(op, WRITER, #NAME, args, nargs); \
    }

RWPAIR_FORWARD(read, 0)
RWPAIR_FORWARD(peek, 0)
RWPAIR_FORWARD(read1, 0)
RWPAIR_FORWARD(readinto, 0)
RWPAIR_FORWARD(readinto1, 0)
RWPAIR_FORWARD(readline, 0)
RWPAIR_FORWARD(readable, 0)
RWPAIR_FORWARD(write, 1)
RWPAIR_FORWARD(flush, 1)
RWPAIR_FORWARD(writable, 1)

static PyObject *rwpair_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *w = rwpair_forward(op, 1, "close", NULL, 0);
    PyObject *exc = w == NULL ? PyErr_GetRaisedException() : NULL;
    Py_XDECREF(w);
    PyObject *r = rwpair_forward(op, 0, "close", NULL, 0);
    if (exc != NULL) {
        if (r == NULL) {
            PyObject *later = PyErr_GetRaisedException();
            PyException_SetContext(later, exc);
            PyErr_SetRaisedException(later);
        }
        else {
            Py_DECREF(r);
            PyErr_SetRaisedException(exc);
        }
        return NULL;
    }
    return r;
}

static PyObject *rwpair_isatty(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *w = rwpair_forward(op, 1, "isatty", NULL, 0);
    if (w == NULL || w != Py_False) {
        return w;
    }
    Py_DECREF(w);
    return rwpair_forward(op, 0, "isatty", NULL, 0);
}

static PyObject *rwpair_closed_get(PyObject *op, void *Py_UNUSED(closure))
{
    PyObject *side = rwpair_side(op, 1);
    if (side == NULL) {
        PyErr_SetString(PyExc_RuntimeError,
                        "the BufferedRWPair object is being garbage-collected");
        return NULL;
    }
    return PyObject_GetAttr(side, _PyIO_str_closed);
}

static PyObject *rwpair_iternext(PyObject *op)
{
    PyObject *side = rwpair_side(op, 0);
    return side ? buffered_iternext(side) : NULL;
}

static int rwpair_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(RWPAIR(op)->reader);
    Py_VISIT(RWPAIR(op)->writer);
    return _PyIOBase_traverse(op, visit, arg);
}

static int rwpair_clear(PyObject *op)
{
    Py_CLEAR(RWPAIR(op)->reader);
    Py_CLEAR(RWPAIR(op)->writer);
    _PyIOBase_clear(op);
    return 0;
}

static void rwpair_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    if (RWPAIR(op)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    rwpair_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef rwpair_methods[] = {
    {"read", _PyCFunction_CAST(rwpair_read), METH_FASTCALL, NULL},
    {"peek", _PyCFunction_CAST(rwpair_peek), METH_FASTCALL, NULL},
    {"read1", _PyCFunction_CAST(rwpair_read1), METH_FASTCALL, NULL},
    {"readinto", _PyCFunction_CAST(rwpair_readinto), METH_FASTCALL, NULL},
    {"readinto1", _PyCFunction_CAST(rwpair_readinto1), METH_FASTCALL, NULL},
    {"readline", _PyCFunction_CAST(rwpair_readline), METH_FASTCALL, NULL},
    {"readable", _PyCFunction_CAST(rwpair_readable), METH_FASTCALL, NULL},
    {"write", _PyCFunction_CAST(rwpair_write), METH_FASTCALL, NULL},
    {"flush", _PyCFunction_CAST(rwpair_flush), METH_FASTCALL, NULL},
    {"writable", _PyCFunction_CAST(rwpair_writable), METH_FASTCALL, NULL},
    {"close", rwpair_close, METH_NOARGS, NULL},
    {"isatty", rwpair_isatty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef rwpair_getset[] = {
    {"closed", rwpair_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyBufferedRWPair_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BufferedRWPair",
    .tp_basicsize = sizeof(rwpair),
    .tp_dealloc = rwpair_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A buffered reader and writer object together.",
    .tp_traverse = rwpair_traverse,
    .tp_clear = rwpair_clear,
    .tp_weaklistoffset = offsetof(rwpair, weakreflist),
    .tp_iternext = rwpair_iternext,
    .tp_methods = rwpair_methods,
    .tp_getset = rwpair_getset,
    .tp_base = &PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(rwpair, dict),
    .tp_init = rwpair_init,
    .tp_new = PyType_GenericNew,
};
