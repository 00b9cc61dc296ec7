/* fcntl: fcntl(), ioctl(), flock() and lockf() on file descriptors.

   Thread safety: no module state.  Calls that may block (F_SETLKW,
   F_OFD_SETLKW, flock without LOCK_NB, ioctl) run detached and are
   retried after EINTR once signal handlers have run. */
#include "Python.h"
#include "pycore_fileobject.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Arguments passed by buffer are copied into a stack buffer of this
   size, as CPython does. */
#define BUFFER_ARGUMENT_MAX 1024

#define fd_converter _PyObject_FileDescriptorConverter

/* Runs call(fd, request, arg) detached until it stops failing with EINTR;
   -1 with OSError (or the signal handler's exception) set. */
static int
call_retrying(int (*call)(int, unsigned long, void *), int fd,
              unsigned long request, void *arg)
{
    for (;;) {
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = call(fd, request, arg);
        Py_END_ALLOW_THREADS
        if (rc != -1 || errno != EINTR) {
            if (rc == -1) {
                PyErr_SetFromErrno(PyExc_OSError);
            }
            return rc;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

static int
do_fcntl(int fd, unsigned long cmd, void *arg)
{
    return fcntl(fd, (int)cmd, arg);
}

static int
do_fcntl_int(int fd, unsigned long cmd, void *arg)
{
    return fcntl(fd, (int)cmd, (int)(intptr_t)arg);
}

static int
do_ioctl(int fd, unsigned long request, void *arg)
{
    return ioctl(fd, request, arg);
}

static int
do_ioctl_int(int fd, unsigned long request, void *arg)
{
    return ioctl(fd, request, (int)(intptr_t)arg);
}

/* An int argument: anything with __index__ (a C int, or an unsigned one
   for flag words with the top bit set). */
static int
int_argument(PyObject *arg, int *value)
{
    PyObject *index = PyNumber_Index(arg);
    if (index == NULL) {
        return -1;
    }
    long v = PyLong_AsLong(index);
    Py_DECREF(index);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < INT_MIN || v > (long)UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C int");
        return -1;
    }
    *value = (int)v;
    return 0;
}

/* fcntl(fd, cmd, arg=0, /) */
static PyObject *
fcntl_fcntl(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd, cmd;
    PyObject *arg = NULL;
    if (!PyArg_ParseTuple(args, "O&i|O:fcntl", fd_converter, &fd, &cmd, &arg)) {
        return NULL;
    }
    if (PySys_Audit("fcntl.fcntl", "iiO", fd, cmd, arg ? arg : Py_None) < 0) {
        return NULL;
    }
    if (arg != NULL && (PyUnicode_Check(arg) || PyObject_CheckBuffer(arg))) {
        Py_buffer view;
        PyObject *encoded = NULL;
        if (PyUnicode_Check(arg)) {
            encoded = PyUnicode_AsUTF8String(arg);
            if (encoded == NULL) {
                return NULL;
            }
            arg = encoded;
        }
        if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
            Py_XDECREF(encoded);
            return NULL;
        }
        if (view.len > BUFFER_ARGUMENT_MAX) {
            PyBuffer_Release(&view);
            Py_XDECREF(encoded);
            PyErr_SetString(PyExc_ValueError, "fcntl string arg too long");
            return NULL;
        }
        char buffer[BUFFER_ARGUMENT_MAX];
        Py_ssize_t len = view.len;
        memcpy(buffer, view.buf, (size_t)len);
        PyBuffer_Release(&view);
        Py_XDECREF(encoded);
        if (call_retrying(do_fcntl, fd, (unsigned long)cmd, buffer) < 0) {
            return NULL;
        }
        return PyBytes_FromStringAndSize(buffer, len);
    }
    int value = 0;
    if (arg != NULL && int_argument(arg, &value) < 0) {
        return NULL;
    }
    int rc = call_retrying(do_fcntl_int, fd, (unsigned long)cmd,
                           (void *)(intptr_t)value);
    return rc < 0 ? NULL : PyLong_FromLong(rc);
}

/* ioctl(fd, request, arg=0, mutate_flag=True, /) */
static PyObject *
fcntl_ioctl(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd, mutate = 1;
    unsigned long request;
    PyObject *arg = NULL;
    if (!PyArg_ParseTuple(args, "O&k|Op:ioctl", fd_converter, &fd, &request,
                          &arg, &mutate)) {
        return NULL;
    }
    if (PySys_Audit("fcntl.ioctl", "ikO", fd, request, arg ? arg : Py_None) < 0) {
        return NULL;
    }
    if (arg != NULL && PyObject_CheckBuffer(arg)) {
        Py_buffer view;
        int writable = mutate
                       && PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) == 0;
        if (!writable) {
            PyErr_Clear();
            if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
                return NULL;
            }
        }
        if (writable && view.len > BUFFER_ARGUMENT_MAX) {
            /* Too big to copy: the call works on the object's own bytes. */
            int rc = call_retrying(do_ioctl, fd, request, view.buf);
            PyBuffer_Release(&view);
            return rc < 0 ? NULL : PyLong_FromLong(rc);
        }
        if (view.len > BUFFER_ARGUMENT_MAX) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_ValueError, "ioctl string arg too long");
            return NULL;
        }
        char buffer[BUFFER_ARGUMENT_MAX + 1];
        Py_ssize_t len = view.len;
        memcpy(buffer, view.buf, (size_t)len);
        buffer[len] = '\0';
        int rc = call_retrying(do_ioctl, fd, request, buffer);
        if (rc >= 0 && writable) {
            memcpy(view.buf, buffer, (size_t)len);
        }
        PyBuffer_Release(&view);
        if (rc < 0) {
            return NULL;
        }
        return writable ? PyLong_FromLong(rc)
                        : PyBytes_FromStringAndSize(buffer, len);
    }
    if (arg != NULL && PyUnicode_Check(arg)) {
        /* A str is passed as its UTF-8 bytes, read-only. */
        PyObject *encoded = PyUnicode_AsUTF8String(arg);
        if (encoded == NULL) {
            return NULL;
        }
        PyObject *packed = Py_BuildValue("(OkOi)", PyTuple_GET_ITEM(args, 0),
                                         request, encoded, 0);
        Py_DECREF(encoded);
        if (packed == NULL) {
            return NULL;
        }
        PyObject *result = fcntl_ioctl(NULL, packed);
        Py_DECREF(packed);
        return result;
    }
    int value = 0;
    if (arg != NULL && int_argument(arg, &value) < 0) {
        return NULL;
    }
    int rc = call_retrying(do_ioctl_int, fd, request, (void *)(intptr_t)value);
    return rc < 0 ? NULL : PyLong_FromLong(rc);
}

static int
do_flock(int fd, unsigned long operation, void *Py_UNUSED(arg))
{
    return flock(fd, (int)operation);
}

/* flock(fd, operation, /) */
static PyObject *
fcntl_flock(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd, operation;
    if (!PyArg_ParseTuple(args, "O&i:flock", fd_converter, &fd, &operation)) {
        return NULL;
    }
    if (PySys_Audit("fcntl.flock", "ii", fd, operation) < 0) {
        return NULL;
    }
    if (call_retrying(do_flock, fd, (unsigned long)operation, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* lockf(fd, cmd, len=0, start=0, whence=0, /): POSIX record locks
   through fcntl's F_SETLK / F_SETLKW. */
static PyObject *
fcntl_lockf(PyObject *Py_UNUSED(module), PyObject *args)
{
    int fd, code, whence = 0;
    PyObject *len_obj = NULL, *start_obj = NULL;
    if (!PyArg_ParseTuple(args, "O&i|OOi:lockf", fd_converter, &fd, &code,
                          &len_obj, &start_obj, &whence)) {
        return NULL;
    }
    if (PySys_Audit("fcntl.lockf", "iiOOi", fd, code,
                    len_obj ? len_obj : Py_None,
                    start_obj ? start_obj : Py_None, whence) < 0) {
        return NULL;
    }
    struct flock lock;
    memset(&lock, 0, sizeof(lock));
    /* As CPython reads cmd: LOCK_UN exactly, else the first of the
       LOCK_SH and LOCK_EX bits that is set. */
    if (code == LOCK_UN) {
        lock.l_type = F_UNLCK;
    }
    else if (code & LOCK_SH) {
        lock.l_type = F_RDLCK;
    }
    else if (code & LOCK_EX) {
        lock.l_type = F_WRLCK;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "unrecognized lockf argument");
        return NULL;
    }
    long long length = 0, start = 0;
    if (len_obj != NULL) {
        length = PyLong_AsLongLong(len_obj);
        if (length == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (start_obj != NULL) {
        start = PyLong_AsLongLong(start_obj);
        if (start == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    lock.l_len = (off_t)length;
    lock.l_start = (off_t)start;
    lock.l_whence = (short)whence;
    int cmd = (code & LOCK_NB) ? F_SETLK : F_SETLKW;
    if (call_retrying(do_fcntl, fd, (unsigned long)cmd, &lock) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef fcntl_methods[] = {
    {"fcntl", fcntl_fcntl, METH_VARARGS,
     "fcntl($module, fd, cmd, arg=0, /)\n--\n\n"
     "Apply fcntl command cmd to fd.  An int arg gives the int result; a\n"
     "bytes-like or str arg (at most 1024 bytes) is passed as a buffer and\n"
     "the buffer's contents after the call are returned as bytes."},
    {"ioctl", fcntl_ioctl, METH_VARARGS,
     "ioctl($module, fd, request, arg=0, mutate_flag=True, /)\n--\n\n"
     "Apply ioctl request to fd.  A writable buffer arg is updated in place\n"
     "(unless mutate_flag is false) and the int result returned; a\n"
     "read-only buffer's updated copy is returned as bytes."},
    {"flock", fcntl_flock, METH_VARARGS,
     "flock($module, fd, operation, /)\n--\n\n"
     "flock(2): LOCK_SH, LOCK_EX or LOCK_UN, optionally with LOCK_NB."},
    {"lockf", fcntl_lockf, METH_VARARGS,
     "lockf($module, fd, cmd, len=0, start=0, whence=0, /)\n--\n\n"
     "A POSIX record lock (through fcntl) on len bytes from start, relative\n"
     "to whence; cmd is LOCK_UN, LOCK_SH or LOCK_EX, optionally | LOCK_NB."},
    {NULL, NULL, 0, NULL},
};

#define C(name) {#name, (long)(name)}

static const struct {
    const char *name;
    long value;
} fcntl_constants[] = {
    C(LOCK_SH), C(LOCK_EX), C(LOCK_NB), C(LOCK_UN),
#ifdef LOCK_MAND
    C(LOCK_MAND), C(LOCK_READ), C(LOCK_WRITE), C(LOCK_RW),
#endif
    C(F_DUPFD), C(F_DUPFD_CLOEXEC), C(F_GETFD), C(F_SETFD), C(F_GETFL),
    C(F_SETFL), C(F_GETLK), C(F_SETLK), C(F_SETLKW), C(F_GETOWN), C(F_SETOWN),
    C(F_GETSIG), C(F_SETSIG), C(F_RDLCK), C(F_WRLCK), C(F_UNLCK),
    C(F_GETLK64), C(F_SETLK64), C(F_SETLKW64), C(FASYNC), C(F_SETLEASE),
    C(F_GETLEASE), C(F_NOTIFY), C(F_EXLCK), C(F_SHLCK), C(FD_CLOEXEC),
    C(DN_ACCESS), C(DN_MODIFY), C(DN_CREATE), C(DN_DELETE), C(DN_RENAME),
    C(DN_ATTRIB), C(DN_MULTISHOT), C(F_GETPIPE_SZ), C(F_SETPIPE_SZ),
    C(F_OFD_GETLK), C(F_OFD_SETLK), C(F_OFD_SETLKW),
    C(F_ADD_SEALS), C(F_GET_SEALS), C(F_SEAL_SEAL), C(F_SEAL_SHRINK),
    C(F_SEAL_GROW), C(F_SEAL_WRITE),
#ifdef F_SEAL_FUTURE_WRITE
    C(F_SEAL_FUTURE_WRITE),
#endif
};

#undef C

static int
fcntl_exec(PyObject *module)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(fcntl_constants); i++) {
        if (PyModule_AddIntConstant(module, fcntl_constants[i].name,
                                    fcntl_constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot fcntl_slots[] = {
    {Py_mod_exec, fcntl_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef fcntl_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "fcntl",
    .m_doc = "fcntl(), ioctl(), flock() and lockf() on file descriptors (ints, or\n"
             "objects with fileno()).",
    .m_size = 0,
    .m_methods = fcntl_methods,
    .m_slots = fcntl_slots,
};

PyMODINIT_FUNC
PyInit_fcntl(void)
{
    return PyModuleDef_Init(&fcntl_module);
}
