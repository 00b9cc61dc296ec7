/* The PyThread API (Include/pythread.h) on POSIX threads.

   Locks are PyMutexes (a byte and the parking lot), allocated on the raw
   heap because they are used without a thread state.  A PyThread lock may
   be released by a thread other than its owner, as CPython allows, which
   PyMutex permits.  Nothing here touches Python objects except
   PyThread_GetInfo, so no function needs an attached thread state. */
#include "Python.h"
#include "pythread.h"
#include "pycore_lock.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Stack size for new threads, 0 for the system default; written by
   PyThread_set_stacksize, read when a thread starts (atomically). */
static size_t thread_stack_size;

/* The smallest stack threading.stack_size accepts, as CPython. */
#define THREAD_STACK_MIN 0x8000

void PyThread_init_thread(void)
{
}

/* ---- starting threads ----------------------------------------------- */

typedef struct {
    void (*func)(void *);
    void *arg;
} start_record;

static void *thread_entry(void *raw)
{
    start_record record = *(start_record *)raw;
    PyMem_RawFree(raw);
    record.func(record.arg);
    return NULL;
}

/* Creates a thread running func(arg): 0 with *out set, else -1. */
static int create_thread(void (*func)(void *), void *arg, pthread_t *out)
{
    start_record *record = PyMem_RawMalloc(sizeof(*record));
    if (record == NULL) {
        return -1;
    }
    record->func = func;
    record->arg = arg;
    pthread_attr_t attrs;
    if (pthread_attr_init(&attrs) != 0) {
        PyMem_RawFree(record);
        return -1;
    }
    size_t stack = __atomic_load_n(&thread_stack_size, __ATOMIC_RELAXED);
    int err = stack != 0 ? pthread_attr_setstacksize(&attrs, stack) : 0;
    if (err == 0) {
        err = pthread_create(out, &attrs, thread_entry, record);
    }
    pthread_attr_destroy(&attrs);
    if (err != 0) {
        PyMem_RawFree(record);
        return -1;
    }
    return 0;
}

int PyThread_start_joinable_thread(void (*func)(void *), void *arg,
                                   PyThread_ident_t *ident,
                                   PyThread_handle_t *handle)
{
    pthread_t thread;
    if (create_thread(func, arg, &thread) < 0) {
        return -1;
    }
    *ident = (PyThread_ident_t)thread;
    *handle = (PyThread_handle_t)thread;
    return 0;
}

unsigned long PyThread_start_new_thread(void (*func)(void *), void *arg)
{
    pthread_t thread;
    if (create_thread(func, arg, &thread) < 0) {
        return PYTHREAD_INVALID_THREAD_ID;
    }
    pthread_detach(thread);
    return (unsigned long)thread;
}

int PyThread_join_thread(PyThread_handle_t handle)
{
    return pthread_join((pthread_t)handle, NULL) == 0 ? 0 : -1;
}

int PyThread_detach_thread(PyThread_handle_t handle)
{
    return pthread_detach((pthread_t)handle) == 0 ? 0 : -1;
}

void PyThread_exit_thread(void)
{
    pthread_exit(NULL);
}

unsigned long PyThread_get_thread_ident(void)
{
    return (unsigned long)pthread_self();
}

PyThread_ident_t PyThread_get_thread_ident_ex(void)
{
    return (PyThread_ident_t)pthread_self();
}

unsigned long PyThread_get_thread_native_id(void)
{
    return (unsigned long)syscall(SYS_gettid);
}

size_t PyThread_get_stacksize(void)
{
    return __atomic_load_n(&thread_stack_size, __ATOMIC_RELAXED);
}

/* 0 on success, -1 for a size the system refuses, -2 when sizes cannot be
   set (never on POSIX). */
int PyThread_set_stacksize(size_t size)
{
    if (size != 0) {
        if (size < THREAD_STACK_MIN) {
            return -1;
        }
        pthread_attr_t attrs;
        if (pthread_attr_init(&attrs) != 0) {
            return -1;
        }
        int err = pthread_attr_setstacksize(&attrs, size);
        pthread_attr_destroy(&attrs);
        if (err != 0) {
            return -1;
        }
    }
    __atomic_store_n(&thread_stack_size, size, __ATOMIC_RELAXED);
    return 0;
}

/* ---- locks ---------------------------------------------------------- */

PyThread_type_lock PyThread_allocate_lock(void)
{
    return PyMem_RawCalloc(1, sizeof(PyMutex));
}

void PyThread_free_lock(PyThread_type_lock lock)
{
    PyMem_RawFree(lock);
}

PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock lock,
                                         PY_TIMEOUT_T microseconds,
                                         int intr_flag)
{
    int64_t timeout_ns = microseconds < 0 ? -1 : (int64_t)microseconds * 1000;
    /* sig: with intr_flag a signal for the main thread's handlers ends
       the wait with PY_LOCK_INTR. */
    int rc = _PyMutex_LockTimedEx((PyMutex *)lock, timeout_ns, intr_flag);
    return rc > 0 ? PY_LOCK_ACQUIRED : rc < 0 ? PY_LOCK_INTR : PY_LOCK_FAILURE;
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag)
{
    return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0)
           == PY_LOCK_ACQUIRED;
}

void PyThread_release_lock(PyThread_type_lock lock)
{
    PyMutex_Unlock((PyMutex *)lock);
}

/* ---- thread specific storage (PEP 539) ------------------------------ */

Py_tss_t *PyThread_tss_alloc(void)
{
    return PyMem_RawCalloc(1, sizeof(Py_tss_t));
}

void PyThread_tss_free(Py_tss_t *key)
{
    if (key != NULL) {
        PyThread_tss_delete(key);
        PyMem_RawFree(key);
    }
}

int PyThread_tss_is_created(Py_tss_t *key)
{
    return key->_is_initialized;
}

int PyThread_tss_create(Py_tss_t *key)
{
    if (key->_is_initialized) {
        return 0;
    }
    if (pthread_key_create(&key->_key, NULL) != 0) {
        return -1;
    }
    key->_is_initialized = 1;
    return 0;
}

void PyThread_tss_delete(Py_tss_t *key)
{
    if (key->_is_initialized) {
        pthread_key_delete(key->_key);
        key->_is_initialized = 0;
    }
}

int PyThread_tss_set(Py_tss_t *key, void *value)
{
    return pthread_setspecific(key->_key, value) == 0 ? 0 : -1;
}

void *PyThread_tss_get(Py_tss_t *key)
{
    return pthread_getspecific(key->_key);
}

/* ---- sys.thread_info -------------------------------------------------- */

/* The struct sequence is built by Python/sysmodule.c with the rest of sys;
   a new reference, or NULL with an exception. */
PyObject *PyThread_GetInfo(void)
{
    PyObject *info = PySys_GetObject("thread_info");
    if (info == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.thread_info");
        }
        return NULL;
    }
    return Py_NewRef(info);
}
