/* _multiprocessing: SemLock, the semaphore under multiprocessing's Lock,
   RLock, Semaphore, BoundedSemaphore, Condition, Event and Barrier, and
   sem_unlink().

   A SemLock wraps a POSIX named semaphore (sem_open).  The semaphore lives
   in shared memory, so a forked child sees the same one through the same
   sem_t pointer, and any other process can open it by name (_rebuild).

   Per-process bookkeeping sits next to the handle: `count` (how many
   times this process holds it: the recursion depth of a recursive mutex,
   or acquisitions minus releases for a semaphore) and `last_tid` (the
   thread that last acquired it), which give _is_mine() and the
   recursive-lock behaviour.

   Thread safety without the GIL: the semaphore itself is thread-safe;
   `count` and `last_tid` are read and written only inside the object's
   critical section, which is never held while waiting on the semaphore.
   For a recursive mutex only the owning thread changes them, so the
   check-then-act in acquire/release cannot race with another owner.  The
   handle, kind, maxvalue and name are set at creation and never change
   (except by _after_fork, which runs while the child is single-threaded).
   The module has no state. */
#include "Python.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <semaphore.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

enum { RECURSIVE_MUTEX = 0, SEMAPHORE = 1 };

#ifndef SEM_VALUE_MAX
#  define SEM_VALUE_MAX INT_MAX
#endif

typedef struct {
    PyObject_HEAD
    sem_t *handle;
    unsigned long last_tid;   /* under the critical section */
    int count;                /* under the critical section */
    int maxvalue;
    int kind;
    int borrowed;             /* the handle is an inherited one: never closed */
    char *name;               /* PyMem-owned copy, or NULL once unlinked */
} SemLockObject;

#define SEMLOCK(op) ((SemLockObject *)(op))

static int semlock_is_mine_locked(SemLockObject *self)
{
    return self->count > 0 && self->last_tid == PyThread_get_thread_ident();
}

static int semlock_is_mine(SemLockObject *self)
{
    int mine;
    Py_BEGIN_CRITICAL_SECTION(self);
    mine = semlock_is_mine_locked(self);
    Py_END_CRITICAL_SECTION();
    return mine;
}

static void semlock_note_acquired(SemLockObject *self)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    self->count++;
    self->last_tid = PyThread_get_thread_ident();
    Py_END_CRITICAL_SECTION();
}

/* Adds delta to count; returns the new count. */
static int semlock_add_count(SemLockObject *self, int delta)
{
    int now;
    Py_BEGIN_CRITICAL_SECTION(self);
    self->count += delta;
    now = self->count;
    Py_END_CRITICAL_SECTION();
    return now;
}

/* Converts acquire's (block, timeout) into a relative timeout in seconds:
   -1 waits for ever, 0 only tries.  A negative timeout means "try once",
   as multiprocessing documents. */
static int parse_wait(int block, PyObject *timeout_obj, double *out)
{
    if (!block) {
        *out = 0;
        return 0;
    }
    if (timeout_obj == NULL || timeout_obj == Py_None) {
        *out = -1;
        return 0;
    }
    double timeout = PyFloat_AsDouble(timeout_obj);
    if (timeout == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (isnan(timeout)) {
        PyErr_SetString(PyExc_ValueError, "timeout must not be NaN");
        return -1;
    }
    *out = timeout < 0 ? 0 : timeout;
    return 0;
}

/* sem_timedwait takes an absolute CLOCK_REALTIME deadline. */
static struct timespec deadline_after(double seconds)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    double whole = floor(seconds);
    long nsec = now.tv_nsec + (long)((seconds - whole) * 1e9);
    struct timespec deadline;
    if (whole > (double)(INT32_MAX)) {
        whole = (double)INT32_MAX;
    }
    deadline.tv_sec = now.tv_sec + (time_t)whole + nsec / 1000000000L;
    deadline.tv_nsec = nsec % 1000000000L;
    return deadline;
}

/* Waits on the semaphore, detached, retrying after signals whose handlers
   succeed.  Returns 1 when acquired, 0 on timeout, -1 with an exception
   set (a handler raised, or a system error). */
static int semlock_wait(SemLockObject *self, double timeout)
{
    int rc;
    do {
        rc = sem_trywait(self->handle);
    } while (rc < 0 && errno == EINTR);
    if (rc == 0) {
        return 1;
    }
    if (errno != EAGAIN) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    if (timeout == 0) {
        return 0;
    }
    struct timespec deadline = {0, 0};
    if (timeout > 0) {
        deadline = deadline_after(timeout);
    }
    for (;;) {
        int err;
        Py_BEGIN_ALLOW_THREADS
        rc = timeout < 0 ? sem_wait(self->handle)
                         : sem_timedwait(self->handle, &deadline);
        err = errno;
        Py_END_ALLOW_THREADS
        if (rc == 0) {
            return 1;
        }
        if (err == ETIMEDOUT) {
            return 0;
        }
        if (err != EINTR) {
            errno = err;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

static PyObject *semlock_acquire(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"block", "timeout", NULL};
    SemLockObject *self = SEMLOCK(op);
    int block = 1;
    PyObject *timeout_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pO:acquire", keywords,
                                     &block, &timeout_obj)) {
        return NULL;
    }
    if (self->kind == RECURSIVE_MUTEX) {
        /* Only the owner can see itself as owner, so no one else can
           change count between this test and the increment. */
        int mine;
        Py_BEGIN_CRITICAL_SECTION(self);
        mine = semlock_is_mine_locked(self);
        if (mine) {
            self->count++;
        }
        Py_END_CRITICAL_SECTION();
        if (mine) {
            Py_RETURN_TRUE;
        }
    }
    double timeout;
    if (parse_wait(block, timeout_obj, &timeout) < 0) {
        return NULL;
    }
    int rc = semlock_wait(self, timeout);
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        Py_RETURN_FALSE;
    }
    semlock_note_acquired(self);
    Py_RETURN_TRUE;
}

static PyObject *semlock_release(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    SemLockObject *self = SEMLOCK(op);
    if (self->kind == RECURSIVE_MUTEX) {
        int owned_more = 0, mine;
        Py_BEGIN_CRITICAL_SECTION(self);
        mine = semlock_is_mine_locked(self);
        if (mine && self->count > 1) {
            self->count--;
            owned_more = 1;
        }
        Py_END_CRITICAL_SECTION();
        if (!mine) {
            PyErr_SetString(PyExc_AssertionError,
                            "attempt to release recursive lock not owned "
                            "by thread");
            return NULL;
        }
        if (owned_more) {
            Py_RETURN_NONE;
        }
    }
    else {
        int value;
        if (sem_getvalue(self->handle, &value) < 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (value >= self->maxvalue) {
            PyErr_SetString(PyExc_ValueError,
                            "semaphore or lock released too many times");
            return NULL;
        }
    }
    if (sem_post(self->handle) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    semlock_add_count(self, -1);
    Py_RETURN_NONE;
}

static PyObject *semlock_enter(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return NULL;
    }
    PyObject *result = semlock_acquire(op, empty, NULL);
    Py_DECREF(empty);
    return result;
}

static PyObject *semlock_exit(PyObject *op, PyObject *Py_UNUSED(args))
{
    return semlock_release(op, NULL);
}

static PyObject *semlock_count(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(semlock_add_count(SEMLOCK(op), 0));
}

static PyObject *semlock_is_mine_meth(PyObject *op,
                                      PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(semlock_is_mine(SEMLOCK(op)));
}

static int semlock_value(SemLockObject *self, int *value)
{
    if (sem_getvalue(self->handle, value) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    /* Some systems report waiters as a negative value. */
    if (*value < 0) {
        *value = 0;
    }
    return 0;
}

static PyObject *semlock_get_value(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    int value;
    if (semlock_value(SEMLOCK(op), &value) < 0) {
        return NULL;
    }
    return PyLong_FromLong(value);
}

static PyObject *semlock_is_zero(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    int value;
    if (semlock_value(SEMLOCK(op), &value) < 0) {
        return NULL;
    }
    return PyBool_FromLong(value == 0);
}

/* Called in a child after fork: the parent's holdings are not the child's. */
static PyObject *semlock_after_fork(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    SemLockObject *self = SEMLOCK(op);
    Py_BEGIN_CRITICAL_SECTION(self);
    self->count = 0;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static char *copy_name(const char *name)
{
    size_t size = strlen(name) + 1;
    char *copy = PyMem_Malloc(size);
    if (copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(copy, name, size);
    return copy;
}

/* Wraps handle; takes ownership of name (PyMem) and of the handle. */
static PyObject *semlock_wrap(PyTypeObject *type, sem_t *handle, int kind,
                              int maxvalue, char *name)
{
    SemLockObject *self = (SemLockObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        sem_close(handle);
        PyMem_Free(name);
        return NULL;
    }
    self->handle = handle;
    self->kind = kind;
    self->maxvalue = maxvalue;
    self->name = name;
    self->borrowed = 0;
    self->count = 0;
    self->last_tid = 0;
    return (PyObject *)self;
}

static PyObject *semlock_new(PyTypeObject *type, PyObject *args,
                             PyObject *kwds)
{
    static char *keywords[] = {"kind", "value", "maxvalue", "name",
                               "unlink", NULL};
    int kind, value, maxvalue, unlink;
    const char *name;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "iiisp:SemLock", keywords,
                                     &kind, &value, &maxvalue, &name,
                                     &unlink)) {
        return NULL;
    }
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
        PyErr_SetString(PyExc_ValueError, "unrecognized kind");
        return NULL;
    }
    if (value < 0 || value > SEM_VALUE_MAX) {
        PyErr_SetString(PyExc_ValueError, "invalid value");
        return NULL;
    }
    char *name_copy = NULL;
    if (!unlink) {
        name_copy = copy_name(name);
        if (name_copy == NULL) {
            return NULL;
        }
    }
    sem_t *handle;
    Py_BEGIN_ALLOW_THREADS
    handle = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned int)value);
    Py_END_ALLOW_THREADS
    if (handle == SEM_FAILED) {
        PyMem_Free(name_copy);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (unlink && sem_unlink(name) < 0) {
        sem_close(handle);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return semlock_wrap(type, handle, kind, maxvalue, name_copy);
}

/* _rebuild(handle, kind, maxvalue, name): the same semaphore in another
   process: by name when it has one, else the inherited (forked) handle. */
static PyObject *semlock_rebuild(PyObject *cls, PyObject *args)
{
    PyObject *handle_obj, *name_obj;
    int kind, maxvalue;
    if (!PyArg_ParseTuple(args, "OiiO:_rebuild", &handle_obj, &kind,
                          &maxvalue, &name_obj)) {
        return NULL;
    }
    char *name_copy = NULL;
    sem_t *handle;
    if (name_obj != Py_None) {
        const char *name = PyUnicode_AsUTF8(name_obj);
        if (name == NULL) {
            return NULL;
        }
        name_copy = copy_name(name);
        if (name_copy == NULL) {
            return NULL;
        }
        Py_BEGIN_ALLOW_THREADS
        handle = sem_open(name, 0);
        Py_END_ALLOW_THREADS
        if (handle == SEM_FAILED) {
            PyMem_Free(name_copy);
            return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError,
                                                        name_obj);
        }
    }
    else {
        handle = PyLong_AsVoidPtr(handle_obj);
        if (handle == NULL && PyErr_Occurred()) {
            return NULL;
        }
        if (handle == NULL) {
            PyErr_SetString(PyExc_ValueError, "invalid semaphore handle");
            return NULL;
        }
        /* The inherited handle is also the parent's object's handle in
           this process: closing it here would unmap it under that one. */
    }
    PyObject *result = semlock_wrap((PyTypeObject *)cls, handle, kind,
                                    maxvalue, name_copy);
    if (result != NULL && name_obj == Py_None) {
        SEMLOCK(result)->borrowed = 1;
    }
    return result;
}

static void semlock_dealloc(PyObject *op)
{
    SemLockObject *self = SEMLOCK(op);
    PyTypeObject *tp = Py_TYPE(op);
    if (self->handle != NULL && !self->borrowed) {
        sem_close(self->handle);
    }
    PyMem_Free(self->name);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *semlock_get_handle(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromVoidPtr(SEMLOCK(op)->handle);
}

static PyObject *semlock_get_kind(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromLong(SEMLOCK(op)->kind);
}

static PyObject *semlock_get_maxvalue(PyObject *op, void *Py_UNUSED(c))
{
    return PyLong_FromLong(SEMLOCK(op)->maxvalue);
}

static PyObject *semlock_get_name(PyObject *op, void *Py_UNUSED(c))
{
    if (SEMLOCK(op)->name == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(SEMLOCK(op)->name);
}

static PyGetSetDef semlock_getset[] = {
    {"handle", semlock_get_handle, NULL, "the semaphore's address", NULL},
    {"kind", semlock_get_kind, NULL, "0: recursive mutex, 1: semaphore",
     NULL},
    {"maxvalue", semlock_get_maxvalue, NULL, "the largest value", NULL},
    {"name", semlock_get_name, NULL, "the semaphore's name, or None", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef semlock_methods[] = {
    {"acquire", (PyCFunction)(void (*)(void))semlock_acquire,
     METH_VARARGS | METH_KEYWORDS,
     "acquire($self, /, block=True, timeout=None)\n--\n\n"
     "Acquire the semaphore or lock; False when the timeout ran out."},
    {"release", semlock_release, METH_NOARGS,
     "release($self, /)\n--\n\nRelease the semaphore or lock."},
    {"__enter__", semlock_enter, METH_NOARGS,
     "__enter__($self, /)\n--\n\nAcquire, blocking."},
    {"__exit__", semlock_exit, METH_VARARGS,
     "__exit__($self, /, *args)\n--\n\nRelease."},
    {"_count", semlock_count, METH_NOARGS,
     "_count($self, /)\n--\n\nHow many times this process holds it."},
    {"_is_mine", semlock_is_mine_meth, METH_NOARGS,
     "_is_mine($self, /)\n--\n\nWhether the calling thread holds it."},
    {"_get_value", semlock_get_value, METH_NOARGS,
     "_get_value($self, /)\n--\n\nThe semaphore's value."},
    {"_is_zero", semlock_is_zero, METH_NOARGS,
     "_is_zero($self, /)\n--\n\nWhether the value is zero."},
    {"_rebuild", semlock_rebuild, METH_VARARGS | METH_CLASS,
     "_rebuild(handle, kind, maxvalue, name, /)\n--\n\n"
     "The same semaphore in this process."},
    {"_after_fork", semlock_after_fork, METH_NOARGS,
     "_after_fork($self, /)\n--\n\nForget the parent's holdings."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot semlock_slots[] = {
    {Py_tp_new, semlock_new},
    {Py_tp_dealloc, semlock_dealloc},
    {Py_tp_methods, semlock_methods},
    {Py_tp_getset, semlock_getset},
    {Py_tp_doc, "SemLock(kind, value, maxvalue, name, unlink)\n--\n\n"
                "A semaphore shared between processes."},
    {0, NULL},
};

static PyType_Spec semlock_spec = {
    .name = "_multiprocessing.SemLock",
    .basicsize = sizeof(SemLockObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = semlock_slots,
};

static PyObject *mp_sem_unlink(PyObject *Py_UNUSED(module), PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8(arg);
    if (name == NULL) {
        return NULL;
    }
    if (sem_unlink(name) < 0) {
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, arg);
    }
    Py_RETURN_NONE;
}

static PyMethodDef mp_methods[] = {
    {"sem_unlink", mp_sem_unlink, METH_O,
     "sem_unlink(name, /)\n--\n\nRemove the named semaphore."},
    {NULL, NULL, 0, NULL},
};

static int add_int(PyObject *dict, const char *key, long value)
{
    PyObject *v = PyLong_FromLong(value);
    if (v == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(dict, key, v);
    Py_DECREF(v);
    return rc;
}

static int mp_exec(PyObject *module)
{
    PyObject *type = PyType_FromModuleAndSpec(module, &semlock_spec, NULL);
    if (type == NULL) {
        return -1;
    }
    PyObject *max = PyLong_FromLong(SEM_VALUE_MAX);
    int rc = max == NULL ? -1 : PyObject_SetAttrString(type, "SEM_VALUE_MAX",
                                                       max);
    Py_XDECREF(max);
    if (rc == 0) {
        rc = PyModule_AddObjectRef(module, "SemLock", type);
    }
    Py_DECREF(type);
    if (rc < 0) {
        return -1;
    }
    PyObject *flags = PyDict_New();
    if (flags == NULL) {
        return -1;
    }
    if (add_int(flags, "HAVE_SEM_OPEN", 1) < 0
        || add_int(flags, "HAVE_SEM_TIMEDWAIT", 1) < 0) {
        Py_DECREF(flags);
        return -1;
    }
    return PyModule_Add(module, "flags", flags);
}

static PyModuleDef_Slot mp_slots[] = {
    {Py_mod_exec, mp_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef mp_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_multiprocessing",
    .m_doc = "C support for multiprocessing: SemLock, a semaphore shared\n"
             "between processes, and sem_unlink().",
    .m_size = 0,
    .m_methods = mp_methods,
    .m_slots = mp_slots,
};

PyMODINIT_FUNC PyInit__multiprocessing(void)
{
    return PyModuleDef_Init(&mp_module);
}
