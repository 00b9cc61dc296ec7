/* The _thread module: OS threads running Python callables, the lock and
   RLock types, thread handles for joining, identities, stack size.

   Thread safety: a lock object is a PyMutex plus, for RLock, an owner and
   a count that only the owning thread writes (others read the owner
   atomically).  A thread handle's completion is a byte that moves once
   from 0 to 1 and is waited for in the parking lot.  The count of running
   threads is an atomic integer.  Every wait detaches the thread state
   (Py_BEGIN_ALLOW_THREADS) so that other threads, the GIL hand-off and
   stop-the-world requests never wait for a blocked thread. */
#include "Python.h"
#include "pycore_object.h"
#include "pythread.h"
#include "pycore_lock.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"         /* _PyObject_Generic*AttrWithDict */

#include <float.h>
#include <signal.h>              /* sig: SIGINT */
#include <math.h>

/* Threads started through this module and still running. */
static Py_ssize_t running_threads;

/* Converts (blocking, timeout) as lock.acquire accepts them to a timeout
   in nanoseconds: 0 only tries, -1 waits for ever.  -1 with an
   exception on bad values. */
static int parse_timeout(int blocking, PyObject *timeout_obj, int64_t *out)
{
    double timeout = -1;
    if (timeout_obj != NULL && timeout_obj != Py_None) {
        timeout = PyFloat_AsDouble(timeout_obj);
        if (timeout == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    if (!blocking) {
        if (timeout != -1) {
            PyErr_SetString(PyExc_ValueError,
                            "can't specify a timeout for a non-blocking call");
            return -1;
        }
        *out = 0;
        return 0;
    }
    if (timeout == -1) {
        *out = -1;
        return 0;
    }
    if (timeout < 0 || isnan(timeout)) {
        PyErr_SetString(PyExc_ValueError,
                        "timeout value must be a non-negative number");
        return -1;
    }
    if (timeout > (double)PY_TIMEOUT_MAX / 1e6) {
        PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
        return -1;
    }
    *out = (int64_t)(timeout * 1e9);
    return 0;
}

static int parse_acquire_args(PyObject *args, PyObject *kwds, int64_t *timeout_ns)
{
    static char *keywords[] = {"blocking", "timeout", NULL};
    int blocking = 1;
    PyObject *timeout = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pO:acquire", keywords,
                                     &blocking, &timeout)) {
        return -1;
    }
    return parse_timeout(blocking, timeout, timeout_ns);
}

/* Locks m within timeout_ns: 1 when locked, 0 when the time ran out.  Only
   a wait that cannot succeed at once detaches the thread state.
   sig: with `intr`, a signal interrupting the main thread's wait runs the
   handlers; if one raises, returns -1 with its exception set, otherwise
   the wait resumes with the time left. */
static int lock_mutex_intr(PyMutex *m, int64_t timeout_ns, int intr)
{
    if (_PyMutex_LockTimed(m, 0)) {
        return 1;
    }
    if (timeout_ns == 0) {
        return 0;
    }
    int64_t deadline = timeout_ns > 0
        ? _PyTime_MonotonicNanoseconds() + timeout_ns : 0;
    for (;;) {
        int rc;
        Py_BEGIN_ALLOW_THREADS
        rc = _PyMutex_LockTimedEx(m, timeout_ns, intr);
        Py_END_ALLOW_THREADS
        if (rc >= 0) {
            return rc;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
        if (timeout_ns > 0) {
            timeout_ns = deadline - _PyTime_MonotonicNanoseconds();
            if (timeout_ns <= 0) {
                return _PyMutex_LockTimed(m, 0);
            }
        }
    }
}

static int lock_mutex(PyMutex *m, int64_t timeout_ns)
{
    return lock_mutex_intr(m, timeout_ns, 0);
}

/* ---- lock ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyMutex mutex;
    PyObject *weakreflist;
} lockobject;

static PyTypeObject Lock_Type;

static PyObject *lock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((args != NULL && PyTuple_GET_SIZE(args) != 0) ||
        (kwds != NULL && PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_SetString(PyExc_TypeError, "lock() takes no arguments");
        return NULL;
    }
    lockobject *self = (lockobject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->mutex = (PyMutex){0};
        self->weakreflist = NULL;
    }
    return (PyObject *)self;
}

static void lock_dealloc(PyObject *op)
{
    lockobject *self = (lockobject *)op;
    PyTypeObject *type = Py_TYPE(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    /* A static type: a Python subclass's reference to itself is dropped
       by subtype_dealloc, not here. */
    type->tp_free(op);
}

static PyObject *lock_acquire(PyObject *op, PyObject *args, PyObject *kwds)
{
    int64_t timeout_ns;
    if (parse_acquire_args(args, kwds, &timeout_ns) < 0) {
        return NULL;
    }
    int rc = lock_mutex_intr(&((lockobject *)op)->mutex, timeout_ns, 1);
    return rc < 0 ? NULL : PyBool_FromLong(rc);
}

static PyObject *lock_release(PyObject *op, PyObject *unused)
{
    lockobject *self = (lockobject *)op;
    if (!PyMutex_IsLocked(&self->mutex)) {
        PyErr_SetString(PyExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    PyMutex_Unlock(&self->mutex);
    Py_RETURN_NONE;
}

static PyObject *lock_exit(PyObject *op, PyObject *args)
{
    return lock_release(op, NULL);
}

static PyObject *lock_locked(PyObject *op, PyObject *unused)
{
    return PyBool_FromLong(PyMutex_IsLocked(&((lockobject *)op)->mutex));
}

/* After fork the child has one thread: whatever the parent's threads held
   is released by fiat. */
static PyObject *lock_at_fork_reinit(PyObject *op, PyObject *unused)
{
    ((lockobject *)op)->mutex = (PyMutex){0};
    Py_RETURN_NONE;
}

static PyObject *lock_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<%s %s object at %p>",
        PyMutex_IsLocked(&((lockobject *)op)->mutex) ? "locked" : "unlocked",
        Py_TYPE(op)->tp_name, op);
}

#define ACQUIRE_DOC(name) \
    name "($self, /, blocking=True, timeout=-1)\n--\n\n" \
    "Lock the lock.  Without arguments wait until it is free; with blocking\n" \
    "false only try; with a timeout wait at most that many seconds.\n" \
    "Return whether the lock was acquired."

static PyMethodDef lock_methods[] = {
    {"acquire", (PyCFunction)(void (*)(void))lock_acquire,
     METH_VARARGS | METH_KEYWORDS, ACQUIRE_DOC("acquire")},
    {"acquire_lock", (PyCFunction)(void (*)(void))lock_acquire,
     METH_VARARGS | METH_KEYWORDS, ACQUIRE_DOC("acquire_lock")},
    {"__enter__", (PyCFunction)(void (*)(void))lock_acquire,
     METH_VARARGS | METH_KEYWORDS, ACQUIRE_DOC("__enter__")},
    {"release", lock_release, METH_NOARGS,
     "release($self, /)\n--\n\nRelease the lock; RuntimeError if unlocked."},
    {"release_lock", lock_release, METH_NOARGS,
     "release_lock($self, /)\n--\n\nRelease the lock."},
    {"__exit__", lock_exit, METH_VARARGS,
     "__exit__($self, /, *exc_info)\n--\n\nRelease the lock."},
    {"locked", lock_locked, METH_NOARGS,
     "locked($self, /)\n--\n\nWhether the lock is held."},
    {"locked_lock", lock_locked, METH_NOARGS,
     "locked_lock($self, /)\n--\n\nWhether the lock is held."},
    {"_at_fork_reinit", lock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Lock_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(lockobject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "lock()\n--\n\nA lock: at most one thread holds it at a time; "
              "any thread may release it.",
    .tp_weaklistoffset = offsetof(lockobject, weakreflist),
    .tp_methods = lock_methods,
    .tp_new = lock_new,
};

/* ---- RLock ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyMutex mutex;
    unsigned long owner;        /* 0 when free; written by the holder only */
    unsigned long count;        /* recursion depth, holder only */
    PyObject *weakreflist;
} rlockobject;

static PyTypeObject RLock_Type;

static unsigned long rlock_owner(rlockobject *self)
{
    return __atomic_load_n(&self->owner, __ATOMIC_RELAXED);
}

static PyObject *rlock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    rlockobject *self = (rlockobject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->mutex = (PyMutex){0};
        self->owner = 0;
        self->count = 0;
        self->weakreflist = NULL;
    }
    return (PyObject *)self;
}

static void rlock_dealloc(PyObject *op)
{
    rlockobject *self = (rlockobject *)op;
    PyTypeObject *type = Py_TYPE(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    /* A static type: a Python subclass's reference to itself is dropped
       by subtype_dealloc, not here. */
    type->tp_free(op);
}

/* Takes the lock for the calling thread (count more levels if it already
   holds it).  1 if acquired, 0 if the time ran out, -1 if a signal
   handler raised (sig). */
static int rlock_take(rlockobject *self, int64_t timeout_ns, unsigned long count)
{
    unsigned long me = PyThread_get_thread_ident();
    if (rlock_owner(self) == me) {
        self->count += count;
        return 1;
    }
    int rc = lock_mutex_intr(&self->mutex, timeout_ns, 1);
    if (rc <= 0) {
        return rc;
    }
    __atomic_store_n(&self->owner, me, __ATOMIC_RELAXED);
    self->count = count;
    return 1;
}

static PyObject *rlock_acquire(PyObject *op, PyObject *args, PyObject *kwds)
{
    int64_t timeout_ns;
    if (parse_acquire_args(args, kwds, &timeout_ns) < 0) {
        return NULL;
    }
    int rc = rlock_take((rlockobject *)op, timeout_ns, 1);
    return rc < 0 ? NULL : PyBool_FromLong(rc);
}

static int check_owned(rlockobject *self)
{
    if (self->count == 0 || rlock_owner(self) != PyThread_get_thread_ident()) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return -1;
    }
    return 0;
}

static void rlock_drop(rlockobject *self)
{
    __atomic_store_n(&self->owner, 0, __ATOMIC_RELAXED);
    self->count = 0;
    PyMutex_Unlock(&self->mutex);
}

static PyObject *rlock_release(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    if (check_owned(self) < 0) {
        return NULL;
    }
    if (--self->count == 0) {
        rlock_drop(self);
    }
    Py_RETURN_NONE;
}

static PyObject *rlock_exit(PyObject *op, PyObject *args)
{
    return rlock_release(op, NULL);
}

static PyObject *rlock_locked(PyObject *op, PyObject *unused)
{
    return PyBool_FromLong(PyMutex_IsLocked(&((rlockobject *)op)->mutex));
}

/* Condition.wait: release every level, returning (count, owner). */
static PyObject *rlock_release_save(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    if (self->count == 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    unsigned long count = self->count, owner = rlock_owner(self);
    rlock_drop(self);
    return Py_BuildValue("(kk)", count, owner);
}

static PyObject *rlock_acquire_restore(PyObject *op, PyObject *state)
{
    unsigned long count, owner;
    if (!PyArg_ParseTuple(state, "kk:_acquire_restore", &count, &owner)) {
        return NULL;
    }
    rlockobject *self = (rlockobject *)op;
    (void)lock_mutex(&self->mutex, -1);
    __atomic_store_n(&self->owner, owner, __ATOMIC_RELAXED);
    self->count = count;
    Py_RETURN_NONE;
}

static PyObject *rlock_is_owned(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    return PyBool_FromLong(self->count > 0 &&
                           rlock_owner(self) == PyThread_get_thread_ident());
}

static PyObject *rlock_recursion_count(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    unsigned long mine = rlock_owner(self) == PyThread_get_thread_ident()
                         ? self->count : 0;
    return PyLong_FromUnsignedLong(mine);
}

static PyObject *rlock_at_fork_reinit(PyObject *op, PyObject *unused)
{
    rlockobject *self = (rlockobject *)op;
    self->mutex = (PyMutex){0};
    self->owner = 0;
    self->count = 0;
    Py_RETURN_NONE;
}

static PyObject *rlock_repr(PyObject *op)
{
    rlockobject *self = (rlockobject *)op;
    unsigned long owner = rlock_owner(self);
    return PyUnicode_FromFormat("<%s %s object owner=%lu count=%lu at %p>",
                                owner ? "locked" : "unlocked",
                                Py_TYPE(op)->tp_name, owner,
                                owner ? self->count : 0UL, op);
}

static PyMethodDef rlock_methods[] = {
    {"acquire", (PyCFunction)(void (*)(void))rlock_acquire,
     METH_VARARGS | METH_KEYWORDS, ACQUIRE_DOC("acquire")},
    {"__enter__", (PyCFunction)(void (*)(void))rlock_acquire,
     METH_VARARGS | METH_KEYWORDS, ACQUIRE_DOC("__enter__")},
    {"release", rlock_release, METH_NOARGS,
     "release($self, /)\n--\n\nRelease one level of the lock."},
    {"__exit__", rlock_exit, METH_VARARGS,
     "__exit__($self, /, *exc_info)\n--\n\nRelease one level of the lock."},
    {"locked", rlock_locked, METH_NOARGS,
     "locked($self, /)\n--\n\nWhether some thread holds the lock."},
    {"_release_save", rlock_release_save, METH_NOARGS, NULL},
    {"_acquire_restore", rlock_acquire_restore, METH_O, NULL},
    {"_is_owned", rlock_is_owned, METH_NOARGS, NULL},
    {"_recursion_count", rlock_recursion_count, METH_NOARGS, NULL},
    {"_at_fork_reinit", rlock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RLock_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(rlockobject),
    .tp_dealloc = rlock_dealloc,
    .tp_repr = rlock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "RLock()\n--\n\nA reentrant lock: the thread holding it may "
              "acquire it again and must release it as many times.",
    .tp_weaklistoffset = offsetof(rlockobject, weakreflist),
    .tp_methods = rlock_methods,
    .tp_new = rlock_new,
};

/* ---- thread handles -------------------------------------------------- */

/* Shared by the handle object and the running thread, which outlives the
   object or not: freed by whichever drops the last of the two
   references (an atomic count). */
typedef struct handle_state {
    int refs;
    uint8_t done;               /* 0 -> 1 once, when the thread has ended */
    unsigned long ident;
    /* Links in running_handles while the thread runs; NULL otherwise.
       Under running_handles_lock. */
    struct handle_state *prev, *next;
} handle_state;

/* The handles of threads started here that have not ended, so that a
   forked child can mark them done: their threads do not exist there.  A
   circular list through this sentinel.  A state is unlinked (by
   handle_state_set_done) before its thread drops its reference, so the
   list never holds a freed state. */
static PyMutex running_handles_lock;
static handle_state running_handles = {
    .prev = &running_handles, .next = &running_handles,
};

static void running_handles_link(handle_state *state)
{
    PyMutex_Lock(&running_handles_lock);
    state->next = &running_handles;
    state->prev = running_handles.prev;
    running_handles.prev->next = state;
    running_handles.prev = state;
    PyMutex_Unlock(&running_handles_lock);
}

/* Caller holds running_handles_lock. */
static void running_handles_unlink_locked(handle_state *state)
{
    if (state->next != NULL) {
        state->prev->next = state->next;
        state->next->prev = state->prev;
        state->prev = state->next = NULL;
    }
}

static void running_handles_unlink(handle_state *state)
{
    PyMutex_Lock(&running_handles_lock);
    running_handles_unlink_locked(state);
    PyMutex_Unlock(&running_handles_lock);
}

static handle_state *handle_state_new(void)
{
    handle_state *state = PyMem_RawCalloc(1, sizeof(*state));
    if (state != NULL) {
        state->refs = 1;
    }
    return state;
}

static void handle_state_decref(handle_state *state)
{
    if (__atomic_sub_fetch(&state->refs, 1, __ATOMIC_ACQ_REL) == 0) {
        PyMem_RawFree(state);
    }
}

static void handle_state_set_done(handle_state *state)
{
    running_handles_unlink(state);
    __atomic_store_n(&state->done, 1, __ATOMIC_RELEASE);
    _PyParkingLot_UnparkAll(&state->done);
}

static int handle_state_is_done(handle_state *state)
{
    return __atomic_load_n(&state->done, __ATOMIC_ACQUIRE);
}

/* Waits for done within timeout_ns (-1: for ever), detached.  Returns
   whether it is done, or -1 with an exception set when a signal handler
   run during the wait raised (sig: interruptible on the main thread). */
static int handle_state_wait(handle_state *state, int64_t timeout_ns)
{
    int64_t deadline = timeout_ns > 0
        ? _PyTime_MonotonicNanoseconds() + timeout_ns : 0;
    for (;;) {
        int interrupted = 0;
        Py_BEGIN_ALLOW_THREADS
        while (!handle_state_is_done(state)) {
            int64_t remaining = -1;
            if (timeout_ns >= 0) {
                remaining = deadline - _PyTime_MonotonicNanoseconds();
                if (timeout_ns == 0 || remaining <= 0) {
                    break;
                }
            }
            uint8_t expected = 0;
            if (_PyParkingLot_ParkEx(&state->done, &expected, 1, remaining,
                                     NULL, 1) == Py_PARK_INTR) {
                interrupted = 1;
                break;
            }
        }
        Py_END_ALLOW_THREADS
        if (!interrupted) {
            return handle_state_is_done(state);
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
}

typedef struct {
    PyObject_HEAD
    handle_state *state;
} handleobject;

static PyTypeObject ThreadHandle_Type;

static PyObject *handle_wrap(handle_state *state)
{
    handleobject *self = PyObject_New(handleobject, &ThreadHandle_Type);
    if (self == NULL) {
        return NULL;
    }
    __atomic_add_fetch(&state->refs, 1, __ATOMIC_RELAXED);
    self->state = state;
    return (PyObject *)self;
}

static void handle_dealloc(PyObject *op)
{
    handle_state_decref(((handleobject *)op)->state);
    PyObject_Free(op);
}

static PyObject *handle_get_ident(PyObject *op, void *closure)
{
    return PyLong_FromUnsignedLong(((handleobject *)op)->state->ident);
}

static PyObject *handle_join(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"timeout", NULL};
    PyObject *timeout_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:join", keywords,
                                     &timeout_obj)) {
        return NULL;
    }
    handle_state *state = ((handleobject *)op)->state;
    int64_t timeout_ns = -1;
    if (timeout_obj != Py_None) {
        double timeout = PyFloat_AsDouble(timeout_obj);
        if (timeout == -1 && PyErr_Occurred()) {
            return NULL;
        }
        timeout_ns = timeout <= 0 ? 0 : timeout > 9e9 ? -1
                     : (int64_t)(timeout * 1e9);
    }
    if (!handle_state_is_done(state) &&
        state->ident == PyThread_get_thread_ident()) {
        PyErr_SetString(PyExc_RuntimeError, "Cannot join current thread");
        return NULL;
    }
    if (handle_state_wait(state, timeout_ns) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *handle_is_done(PyObject *op, PyObject *unused)
{
    return PyBool_FromLong(handle_state_is_done(((handleobject *)op)->state));
}

static PyObject *handle_set_done(PyObject *op, PyObject *unused)
{
    handle_state_set_done(((handleobject *)op)->state);
    Py_RETURN_NONE;
}

static PyObject *handle_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<_thread._ThreadHandle object: ident=%lu>",
                                ((handleobject *)op)->state->ident);
}

static PyMethodDef handle_methods[] = {
    {"join", (PyCFunction)(void (*)(void))handle_join,
     METH_VARARGS | METH_KEYWORDS,
     "join($self, /, timeout=None)\n--\n\nWait until the thread ends or the "
     "timeout (seconds) expires."},
    {"is_done", handle_is_done, METH_NOARGS,
     "is_done($self, /)\n--\n\nWhether the thread has ended."},
    {"_set_done", handle_set_done, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef handle_getset[] = {
    {"ident", handle_get_ident, NULL, "the thread's identity", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject ThreadHandle_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread._ThreadHandle",
    .tp_basicsize = sizeof(handleobject),
    .tp_dealloc = handle_dealloc,
    .tp_repr = handle_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = handle_methods,
    .tp_getset = handle_getset,
};

/* ---- starting threads -------------------------------------------------- */

/* What a new OS thread needs; owned by that thread once it starts. */
typedef struct {
    PyThreadState *tstate;      /* created by the starting thread */
    PyObject *func, *args, *kwargs;
    handle_state *handle;       /* holds one reference */
    int report_errors;          /* start_new_thread: unraisable hook */
} bootstate;

static void bootstate_free(bootstate *boot)
{
    Py_XDECREF(boot->func);
    Py_XDECREF(boot->args);
    Py_XDECREF(boot->kwargs);
    PyMem_RawFree(boot);
}

/* Runs on the new OS thread.  The handle is marked done only after the
   thread state is gone, so a joiner never sees this thread run Python
   again. */
static void thread_run(void *raw)
{
    bootstate *boot = raw;
    PyThreadState *tstate = boot->tstate;
    handle_state *handle = boot->handle;
    _PyThreadState_Bind(tstate);
    _PyThreadState_Attach(tstate);
    PyObject *result = PyObject_Call(boot->func, boot->args, boot->kwargs);
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
            PyErr_Clear();
        }
        else if (boot->report_errors) {
            PyErr_FormatUnraisable("Exception ignored in thread started by %R",
                                   boot->func);
        }
        else {
            PyErr_Clear();
        }
    }
    Py_XDECREF(result);
    bootstate_free(boot);
    __atomic_sub_fetch(&running_threads, 1, __ATOMIC_RELAXED);
    PyThreadState_Clear(tstate);
    _PyThreadState_DeleteCurrent(tstate);
    handle_state_set_done(handle);
    handle_state_decref(handle);
}

/* Starts func(*args, **kwargs) on a new thread; returns its handle state
   (one reference for the caller) or NULL with an exception. */
static handle_state *start_thread(PyObject *func, PyObject *args,
                                  PyObject *kwargs, int report_errors)
{
    /* As CPython: once finalization has begun (the flag is set once, by
       the finalizing thread, before modules are torn down) a new thread
       would run on a half-destroyed interpreter. */
    if (_PyInterpreterState_GET()->finalizing) {
        PyErr_SetString(PyExc_PythonFinalizationError,
                        "can't create new thread at interpreter shutdown");
        return NULL;
    }
    /* From now on threads share functions, types and modules: stop
       counting references to them (deferred counting, pycore_object.h). */
    _Py_ImmortalizeDeferredObjects();
    bootstate *boot = PyMem_RawCalloc(1, sizeof(*boot));
    handle_state *handle = handle_state_new();
    if (boot == NULL || handle == NULL) {
        PyMem_RawFree(boot);
        PyMem_RawFree(handle);
        PyErr_NoMemory();
        return NULL;
    }
    boot->tstate = _PyThreadState_New(_PyInterpreterState_GET());
    if (boot->tstate == NULL) {
        PyMem_RawFree(boot);
        PyMem_RawFree(handle);
        PyErr_NoMemory();
        return NULL;
    }
    boot->func = Py_NewRef(func);
    boot->args = Py_NewRef(args);
    boot->kwargs = Py_XNewRef(kwargs);
    boot->report_errors = report_errors;
    boot->handle = handle;
    handle->refs = 2;           /* the caller's and the thread's */
    running_handles_link(handle);
    __atomic_add_fetch(&running_threads, 1, __ATOMIC_RELAXED);
    /* The identity is the new thread's pthread_t, known on return and
       stored before the handle is shared with anyone. */
    unsigned long ident = PyThread_start_new_thread(thread_run, boot);
    if (ident == PYTHREAD_INVALID_THREAD_ID) {
        __atomic_sub_fetch(&running_threads, 1, __ATOMIC_RELAXED);
        running_handles_unlink(handle);
        PyThreadState_Delete(boot->tstate);
        bootstate_free(boot);
        PyMem_RawFree(handle);
        PyErr_SetString(PyExc_RuntimeError, "can't start new thread");
        return NULL;
    }
    handle->ident = ident;
    return handle;
}

static PyObject *thread_start_new_thread(PyObject *module, PyObject *fargs)
{
    PyObject *func, *args, *kwargs = NULL;
    if (!PyArg_UnpackTuple(fargs, "start_new_thread", 2, 3, &func, &args,
                           &kwargs)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    handle_state *handle = start_thread(func, args, kwargs, 1);
    if (handle == NULL) {
        return NULL;
    }
    unsigned long ident = handle->ident;
    handle_state_decref(handle);
    return PyLong_FromUnsignedLong(ident);
}

static PyObject *thread_start_joinable_thread(PyObject *module, PyObject *args,
                                              PyObject *kwds)
{
    static char *keywords[] = {"function", "handle", "daemon", NULL};
    PyObject *func, *handle_obj = Py_None;
    int daemon = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|Op:start_joinable_thread",
                                     keywords, &func, &handle_obj, &daemon)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "thread function must be callable");
        return NULL;
    }
    if (handle_obj != Py_None) {
        PyErr_SetString(PyExc_TypeError,
                        "'handle' must be None: the handle is returned");
        return NULL;
    }
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return NULL;
    }
    handle_state *handle = start_thread(func, empty, NULL, 1);
    Py_DECREF(empty);
    if (handle == NULL) {
        return NULL;
    }
    PyObject *result = handle_wrap(handle);
    handle_state_decref(handle);
    return result;
}

/* ---- thread-local data ------------------------------------------------- */

/* Every thread that touches a _local gets one "thread key": an object kept
   in its thread-state dict, so it dies when the thread state is cleared at
   the thread's end.  A _local maps the key's number to the pair (weak
   reference to the key, the thread's attribute dict); that weak
   reference's callback drops the pair when the thread ends.  The thread
   holds no reference to the _local, and the _local only weak references
   to the keys, so neither keeps the other alive.

   Free-threaded build: a thread's attribute dict is used only by that
   thread (and by the collector with the world stopped).  The shared map
   of a _local is a dict, whose inserts and removals lock it and whose
   lookups are lock-free: an attribute read takes no lock. */

typedef struct {
    PyObject_HEAD
    PyObject *number;           /* a PyLong never reused; immutable */
    PyObject *weakreflist;
} threadkeyobject;

typedef struct {
    PyObject_HEAD
    PyObject *args;             /* constructor arguments, for __init__ in */
    PyObject *kwargs;           /* other threads; immutable, kwargs NULL-able */
    PyObject *dicts;            /* {key number: (weakref to key, attr dict)} */
    PyObject *weakreflist;
} localobject;

static PyTypeObject ThreadKey_Type;
static PyTypeObject Local_Type;

/* Numbers handed to thread keys: atomic, so two threads starting at once
   never share one. */
static uint64_t next_key_number;

static void threadkey_dealloc(PyObject *op)
{
    threadkeyobject *self = (threadkeyobject *)op;
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    Py_XDECREF(self->number);
    PyObject_Free(op);
}

static PyTypeObject ThreadKey_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread._localkey",
    .tp_basicsize = sizeof(threadkeyobject),
    .tp_dealloc = threadkey_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_weaklistoffset = offsetof(threadkeyobject, weakreflist),
};

static PyObject *threadkey_new(void)
{
    uint64_t number = __atomic_add_fetch(&next_key_number, 1, __ATOMIC_RELAXED);
    threadkeyobject *self = PyObject_New(threadkeyobject, &ThreadKey_Type);
    if (self == NULL) {
        return NULL;
    }
    self->weakreflist = NULL;
    self->number = PyLong_FromUnsignedLongLong(number);
    if (self->number == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* The calling thread's key, made on first use (new reference).  The
   thread-state dict is keyed by the key type itself, which nothing else
   uses as a key.  Only the owning thread stores into its dict. */
static PyObject *current_thread_key(void)
{
    PyObject *tdict = PyThreadState_GetDict();
    if (tdict == NULL) {
        PyErr_SetString(PyExc_RuntimeError,
                        "thread-local data needs a thread state dictionary");
        return NULL;
    }
    PyObject *key;
    int found = PyDict_GetItemRef(tdict, (PyObject *)&ThreadKey_Type, &key);
    if (found != 0) {
        return found < 0 ? NULL : key;
    }
    key = threadkey_new();
    if (key == NULL || PyDict_SetItem(tdict, (PyObject *)&ThreadKey_Type, key) < 0) {
        Py_XDECREF(key);
        return NULL;
    }
    return key;
}

/* Weak reference callback: a thread's key died, so the thread ended and
   its attribute dict goes.  `state` is (weakref to the _local, number). */
static PyObject *local_thread_ended(PyObject *state, PyObject *dead_ref)
{
    PyObject *local;
    if (PyWeakref_GetRef(PyTuple_GET_ITEM(state, 0), &local) <= 0) {
        PyErr_Clear();
        Py_RETURN_NONE;         /* the _local died first: nothing left */
    }
    PyObject *dicts = ((localobject *)local)->dicts;
    int rc = dicts == NULL ? 0 : PyDict_Pop(dicts, PyTuple_GET_ITEM(state, 1), NULL);
    /* The attribute dict may have held the last reference to the _local
       through a cycle: it dies here, after the dict is gone. */
    Py_DECREF(local);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef local_thread_ended_def = {
    "_local_thread_ended", local_thread_ended, METH_O, NULL,
};

/* Registers a fresh attribute dict for the thread owning `key`; returns
   it (new reference). */
static PyObject *local_add_dict(localobject *self, PyObject *key)
{
    PyObject *number = ((threadkeyobject *)key)->number;
    PyObject *ldict = NULL, *self_ref = NULL, *state = NULL;
    PyObject *callback = NULL, *key_ref = NULL, *entry = NULL;
    if ((ldict = PyDict_New()) == NULL ||
        (self_ref = PyWeakref_NewRef((PyObject *)self, NULL)) == NULL ||
        (state = PyTuple_Pack(2, self_ref, number)) == NULL ||
        (callback = PyCFunction_NewEx(&local_thread_ended_def, state, NULL)) == NULL ||
        (key_ref = PyWeakref_NewRef(key, callback)) == NULL ||
        (entry = PyTuple_Pack(2, key_ref, ldict)) == NULL ||
        PyDict_SetItem(self->dicts, number, entry) < 0) {
        Py_CLEAR(ldict);
    }
    Py_XDECREF(self_ref);
    Py_XDECREF(state);
    Py_XDECREF(callback);
    Py_XDECREF(key_ref);
    Py_XDECREF(entry);
    return ldict;
}

/* Runs __init__ with the constructor's arguments for a thread's first
   touch; on failure the thread's dict is dropped so that the next touch
   tries again. */
static int local_init_for_thread(localobject *self, PyObject *number)
{
    initproc init = Py_TYPE(self)->tp_init;
    if (init == NULL || init == PyBaseObject_Type.tp_init) {
        return 0;
    }
    if (init((PyObject *)self, self->args, self->kwargs) == 0) {
        return 0;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyDict_Pop(self->dicts, number, NULL) < 0) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
    return -1;
}

/* The calling thread's attribute dict (new reference), made and
   initialised on the thread's first touch.  The common path is two
   lock-free dict lookups. */
static PyObject *local_dict(localobject *self)
{
    if (self->dicts == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "thread-local object was cleared");
        return NULL;
    }
    PyObject *key = current_thread_key();
    if (key == NULL) {
        return NULL;
    }
    PyObject *number = ((threadkeyobject *)key)->number;
    PyObject *entry, *ldict = NULL;
    int found = PyDict_GetItemRef(self->dicts, number, &entry);
    if (found > 0) {
        ldict = Py_NewRef(PyTuple_GET_ITEM(entry, 1));
        Py_DECREF(entry);
    }
    else if (found == 0) {
        ldict = local_add_dict(self, key);
        if (ldict != NULL && local_init_for_thread(self, number) < 0) {
            Py_CLEAR(ldict);
        }
    }
    Py_DECREF(key);
    return ldict;
}

static PyObject *local_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int has_args = PyTuple_GET_SIZE(args) != 0 ||
                   (kwds != NULL && PyDict_GET_SIZE(kwds) != 0);
    if (has_args && type->tp_init == PyBaseObject_Type.tp_init) {
        PyErr_SetString(PyExc_TypeError,
                        "Initialization arguments are not supported");
        return NULL;
    }
    localobject *self = (localobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->args = Py_NewRef(args);
    self->kwargs = kwds != NULL ? PyDict_Copy(kwds) : NULL;
    self->dicts = PyDict_New();
    if ((kwds != NULL && self->kwargs == NULL) || self->dicts == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    /* The creating thread's dict exists at once: its __init__ is the
       constructor's own call. */
    PyObject *key = current_thread_key();
    PyObject *ldict = key != NULL ? local_add_dict(self, key) : NULL;
    Py_XDECREF(key);
    if (ldict == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    Py_DECREF(ldict);
    return (PyObject *)self;
}

static int local_traverse(PyObject *op, visitproc visit, void *arg)
{
    localobject *self = (localobject *)op;
    /* A Python subclass's instance visits its type in subtype_traverse. */
    Py_VISIT(self->args);
    Py_VISIT(self->kwargs);
    Py_VISIT(self->dicts);
    return 0;
}

static int local_clear(PyObject *op)
{
    localobject *self = (localobject *)op;
    Py_CLEAR(self->args);
    Py_CLEAR(self->kwargs);
    Py_CLEAR(self->dicts);
    return 0;
}

/* Weak references to the _local die first, so that a thread ending
   meanwhile finds no _local to update; dropping the map then drops the
   weak references to the thread keys without their callbacks running. */
static void local_dealloc(PyObject *op)
{
    localobject *self = (localobject *)op;
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    (void)local_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int is_dict_name(PyObject *name)
{
    return PyUnicode_Check(name) && PyUnicode_EqualToUTF8(name, "__dict__");
}

static PyObject *local_getattro(PyObject *op, PyObject *name)
{
    PyObject *ldict = local_dict((localobject *)op);
    if (ldict == NULL) {
        return NULL;
    }
    if (is_dict_name(name)) {
        return ldict;
    }
    PyObject *value = _PyObject_GenericGetAttrWithDict(op, name, ldict, 0);
    Py_DECREF(ldict);
    return value;
}

static int local_setattro(PyObject *op, PyObject *name, PyObject *value)
{
    if (is_dict_name(name)) {
        PyErr_Format(PyExc_AttributeError,
                     "'%.100s' object attribute '%U' is read-only",
                     Py_TYPE(op)->tp_name, name);
        return -1;
    }
    PyObject *ldict = local_dict((localobject *)op);
    if (ldict == NULL) {
        return -1;
    }
    int rc = _PyObject_GenericSetAttrWithDict(op, name, value, ldict);
    Py_DECREF(ldict);
    return rc;
}

static PyTypeObject Local_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(localobject),
    .tp_dealloc = local_dealloc,
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "_local()\n--\n\nThread-local data: each thread sees its own "
              "attributes; a subclass's\n__init__ runs again, with the "
              "constructor's arguments, in each thread\nthat first touches "
              "the object.",
    .tp_traverse = local_traverse,
    .tp_clear = local_clear,
    .tp_weaklistoffset = offsetof(localobject, weakreflist),
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = local_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- module functions -------------------------------------------------- */

static unsigned long main_thread_ident;

static PyObject *thread_get_ident(PyObject *module, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_ident());
}

static PyObject *thread_get_native_id(PyObject *module, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_native_id());
}

static PyObject *thread_get_main_thread_ident(PyObject *module, PyObject *unused)
{
    return PyLong_FromUnsignedLong(main_thread_ident);
}

static PyObject *thread_count(PyObject *module, PyObject *unused)
{
    return PyLong_FromSsize_t(__atomic_load_n(&running_threads,
                                              __ATOMIC_RELAXED));
}

static PyObject *thread_allocate_lock(PyObject *module, PyObject *unused)
{
    return lock_new(&Lock_Type, NULL, NULL);
}

static PyObject *thread_exit(PyObject *module, PyObject *unused)
{
    PyErr_SetNone(PyExc_SystemExit);
    return NULL;
}

static PyObject *thread_stack_size(PyObject *module, PyObject *args)
{
    Py_ssize_t size = 0;
    if (!PyArg_ParseTuple(args, "|n:stack_size", &size)) {
        return NULL;
    }
    size_t old = PyThread_get_stacksize();
    if (PyTuple_GET_SIZE(args) == 0) {
        return PyLong_FromSize_t(old);
    }
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be 0 or a positive value");
        return NULL;
    }
    if (PyThread_set_stacksize((size_t)size) < 0) {
        PyErr_Format(PyExc_ValueError, "size not valid: %zd bytes", size);
        return NULL;
    }
    return PyLong_FromSize_t(old);
}

static PyObject *thread_daemon_threads_allowed(PyObject *module, PyObject *unused)
{
    Py_RETURN_TRUE;
}

static PyObject *thread_is_main_interpreter(PyObject *module, PyObject *unused)
{
    Py_RETURN_TRUE;
}

/* The OS thread name is limited to 15 bytes on Linux: the name is cut at
   a character boundary to fit. */
static PyObject *thread_set_name(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"name", NULL};
    PyObject *name;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U:set_name", keywords, &name)) {
        return NULL;
    }
    PyObject *encoded = PyUnicode_AsEncodedString(name, "utf-8", "replace");
    if (encoded == NULL) {
        return NULL;
    }
    char buffer[16];
    Py_ssize_t len = PyBytes_GET_SIZE(encoded);
    if (len > 15) {
        len = 15;
        const unsigned char *bytes = (const unsigned char *)PyBytes_AS_STRING(encoded);
        while (len > 0 && (bytes[len] & 0xC0) == 0x80) {
            len--;
        }
    }
    memcpy(buffer, PyBytes_AS_STRING(encoded), (size_t)len);
    buffer[len] = '\0';
    Py_DECREF(encoded);
    int err = pthread_setname_np(pthread_self(), buffer);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *thread_make_thread_handle(PyObject *module, PyObject *ident)
{
    unsigned long value = PyLong_AsUnsignedLong(ident);
    if (value == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    handle_state *state = handle_state_new();
    if (state == NULL) {
        return PyErr_NoMemory();
    }
    state->ident = value;
    PyObject *handle = handle_wrap(state);
    handle_state_decref(state);
    return handle;
}

/* In a forked child only the calling thread exists: every other
   thread's handle is marked done, so is_alive() and join() see them
   ended.  The lock may have been held by a thread that is gone, and no
   one can be parked on a handle here, so both are reset without
   waking anyone. */
static PyObject *thread_after_fork_child(PyObject *module, PyObject *unused)
{
    unsigned long me = PyThread_get_thread_ident();
    running_handles_lock = (PyMutex){0};
    handle_state *state = running_handles.next;
    while (state != &running_handles) {
        handle_state *next = state->next;
        if (state->ident != me) {
            running_handles_unlink_locked(state);
            __atomic_store_n(&state->done, 1, __ATOMIC_RELEASE);
        }
        state = next;
    }
    Py_RETURN_NONE;
}

/* sig: simulate the arrival of a signal for the main thread's handlers. */
static PyObject *thread_interrupt_main(PyObject *Py_UNUSED(m), PyObject *args,
                                       PyObject *kwds)
{
    static char *keywords[] = {"signum", NULL};
    int signum = SIGINT;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:interrupt_main", keywords,
                                     &signum)) {
        return NULL;
    }
    if (PyErr_SetInterruptEx(signum) < 0) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef thread_methods[] = {
    {"interrupt_main", (PyCFunction)(void (*)(void))thread_interrupt_main,
     METH_VARARGS | METH_KEYWORDS,
     "interrupt_main($module, /, signum=signal.SIGINT)\n--\n\n"
     "Simulate the arrival of the given signal in the main thread, where "
     "the\ncorresponding signal handler will be executed."},
    {"start_new_thread", thread_start_new_thread, METH_VARARGS,
     "start_new_thread($module, function, args, kwargs={}, /)\n--\n\n"
     "Start a thread running function(*args, **kwargs); return its identity."},
    {"start_new", thread_start_new_thread, METH_VARARGS,
     "start_new($module, function, args, kwargs={}, /)\n--\n\n"
     "An alias of start_new_thread."},
    {"start_joinable_thread", (PyCFunction)(void (*)(void))thread_start_joinable_thread,
     METH_VARARGS | METH_KEYWORDS,
     "start_joinable_thread($module, /, function, handle=None, daemon=True)\n"
     "--\n\nStart a thread running function(); return its _ThreadHandle."},
    {"allocate_lock", thread_allocate_lock, METH_NOARGS,
     "allocate_lock($module, /)\n--\n\nA new lock object."},
    {"allocate", thread_allocate_lock, METH_NOARGS,
     "allocate($module, /)\n--\n\nAn alias of allocate_lock."},
    {"get_ident", thread_get_ident, METH_NOARGS,
     "get_ident($module, /)\n--\n\nThe calling thread's identity, a nonzero "
     "integer."},
    {"get_native_id", thread_get_native_id, METH_NOARGS,
     "get_native_id($module, /)\n--\n\nThe calling thread's id as the "
     "kernel knows it."},
    {"_get_main_thread_ident", thread_get_main_thread_ident, METH_NOARGS, NULL},
    {"_count", thread_count, METH_NOARGS,
     "_count($module, /)\n--\n\nThe number of threads started here that are "
     "still running."},
    {"exit", thread_exit, METH_NOARGS,
     "exit($module, /)\n--\n\nEnd the calling thread (raises SystemExit)."},
    {"exit_thread", thread_exit, METH_NOARGS,
     "exit_thread($module, /)\n--\n\nAn alias of exit."},
    {"stack_size", thread_stack_size, METH_VARARGS,
     "stack_size($module, size=0, /)\n--\n\nReturn the stack size used for "
     "new threads; with an argument, set it (0: the system default)."},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, METH_NOARGS, NULL},
    {"_is_main_interpreter", thread_is_main_interpreter, METH_NOARGS, NULL},
    {"set_name", (PyCFunction)(void (*)(void))thread_set_name,
     METH_VARARGS | METH_KEYWORDS,
     "set_name($module, /, name)\n--\n\nSet the name of the calling OS thread."},
    {"_make_thread_handle", thread_make_thread_handle, METH_O, NULL},
    {"_after_fork_child", thread_after_fork_child, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int thread_exec(PyObject *module)
{
    /* The first import happens on the main thread, during start-up or
       from the main program. */
    if (main_thread_ident == 0) {
        main_thread_ident = PyThread_get_thread_ident();
    }
    PyTypeObject *types[] = {&Lock_Type, &RLock_Type, &ThreadHandle_Type,
                             &ThreadKey_Type, &Local_Type};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "lock", (PyObject *)&Lock_Type) < 0 ||
        PyModule_AddObjectRef(module, "LockType", (PyObject *)&Lock_Type) < 0 ||
        PyModule_AddObjectRef(module, "RLock", (PyObject *)&RLock_Type) < 0 ||
        PyModule_AddObjectRef(module, "_ThreadHandle",
                              (PyObject *)&ThreadHandle_Type) < 0 ||
        PyModule_AddObjectRef(module, "_local", (PyObject *)&Local_Type) < 0 ||
        PyModule_AddObjectRef(module, "error", PyExc_RuntimeError) < 0 ||
        PyModule_Add(module, "TIMEOUT_MAX",
                     PyFloat_FromDouble((double)PY_TIMEOUT_MAX / 1e6)) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot thread_slots[] = {
    {Py_mod_exec, thread_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef thread_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_thread",
    .m_doc = "Low-level threads: start OS threads running Python callables, "
             "and the locks to coordinate them.",
    .m_size = 0,
    .m_methods = thread_methods,
    .m_slots = thread_slots,
};

PyMODINIT_FUNC PyInit__thread(void)
{
    return PyModuleDef_Init(&thread_module);
}
