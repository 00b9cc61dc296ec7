/* The public PyMutex_Lock waits detached (as CPython's does).  Compiled
   like an extension, without Py_BUILD_CORE, so PyMutex_Lock here is the
   public form.

   The scenario that needs it: thread A holds a PyMutex and blocks
   (detached) until the main thread says go; thread B wants the mutex; the
   main thread first runs a collection, which stops the world (or, in the
   default build, needs the GIL).  Had B parked attached (holding the
   GIL), the collection would wait for B, B for A, A for the main thread.
   A watchdog turns such a deadlock into a failure. */
#include "testlib.h"

#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    PyMutex mutex;
    pthread_mutex_t sync;
    pthread_cond_t cond;
    int held;           /* A holds mutex (under sync) */
    int release;        /* A may unlock it (under sync) */
    int wanting;        /* B is about to lock (under sync) */
    int got;            /* B holds it (atomic) */
} scene;

static void set_flag(scene *s, int *flag)
{
    pthread_mutex_lock(&s->sync);
    *flag = 1;
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->sync);
}

/* Blocks without touching Python: the caller is detached. */
static void wait_flag(scene *s, int *flag)
{
    pthread_mutex_lock(&s->sync);
    while (!*flag) {
        pthread_cond_wait(&s->cond, &s->sync);
    }
    pthread_mutex_unlock(&s->sync);
}

static void *holder_main(void *arg)
{
    scene *s = arg;
    PyGILState_STATE state = PyGILState_Ensure();
    PyMutex_Lock(&s->mutex);
    set_flag(s, &s->held);
    Py_BEGIN_ALLOW_THREADS
    wait_flag(s, &s->release);
    Py_END_ALLOW_THREADS
    PyMutex_Unlock(&s->mutex);
    PyGILState_Release(state);
    return NULL;
}

static void *waiter_main(void *arg)
{
    scene *s = arg;
    PyGILState_STATE state = PyGILState_Ensure();
    /* Attached here: the lock below must detach to wait. */
    PyObject *probe = PyList_New(0);
    set_flag(s, &s->wanting);
    PyMutex_Lock(&s->mutex);
    __atomic_store_n(&s->got, 1, __ATOMIC_SEQ_CST);
    /* Attached again: objects are usable. */
    int ok = probe != NULL && PyList_Append(probe, Py_None) == 0
             && PyList_GET_SIZE(probe) == 1;
    Py_XDECREF(probe);
    PyMutex_Unlock(&s->mutex);
    PyGILState_Release(state);
    return ok ? arg : NULL;
}

/* ---- watchdog ------------------------------------------------------------ */

static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t watch_cond = PTHREAD_COND_INITIALIZER;
static int watch_done;          /* under watch_lock */

static void *watchdog_main(void *arg)
{
    (void)arg;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 20;
    pthread_mutex_lock(&watch_lock);
    while (!watch_done) {
        if (pthread_cond_timedwait(&watch_cond, &watch_lock, &deadline) != 0) {
            fprintf(stderr, "test_mutex_detach: deadlock (a waiter on a "
                    "PyMutex held up the collection)\n");
            _exit(1);
        }
    }
    pthread_mutex_unlock(&watch_lock);
    return NULL;
}

static void watchdog_stop(pthread_t watchdog)
{
    pthread_mutex_lock(&watch_lock);
    watch_done = 1;
    pthread_cond_signal(&watch_cond);
    pthread_mutex_unlock(&watch_lock);
    pthread_join(watchdog, NULL);
}

/* ---- tests ----------------------------------------------------------------- */

static void test_waiter_does_not_block_collection(void)
{
    scene s = { {0}, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                0, 0, 0, 0 };
    pthread_t watchdog, holder, waiter;
    void *waiter_result = NULL;
    watch_done = 0;
    pthread_create(&watchdog, NULL, watchdog_main, NULL);

    Py_BEGIN_ALLOW_THREADS
    pthread_create(&holder, NULL, holder_main, &s);
    wait_flag(&s, &s.held);
    pthread_create(&waiter, NULL, waiter_main, &s);
    wait_flag(&s, &s.wanting);
    usleep(30000);              /* let the waiter get to its park */
    Py_END_ALLOW_THREADS

    CHECK(PyMutex_IsLocked(&s.mutex));
    CHECK(!__atomic_load_n(&s.got, __ATOMIC_SEQ_CST));
    /* Stops the world in the free-threaded build, needs the GIL in the
       default one: either waits for B unless B waits detached. */
    Py_ssize_t collected = PyGC_Collect();
    CHECK(collected >= 0);
    CHECK(!__atomic_load_n(&s.got, __ATOMIC_SEQ_CST));

    Py_BEGIN_ALLOW_THREADS
    set_flag(&s, &s.release);
    pthread_join(holder, NULL);
    pthread_join(waiter, &waiter_result);
    Py_END_ALLOW_THREADS
    watchdog_stop(watchdog);

    CHECK(__atomic_load_n(&s.got, __ATOMIC_SEQ_CST));
    CHECK(waiter_result == &s);
    CHECK(!PyMutex_IsLocked(&s.mutex));
}

/* The same from Python: gc.collect() in the main thread while a waiter
   is parked. */
static void test_waiter_and_python_gc(void)
{
    scene s = { {0}, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                0, 0, 0, 0 };
    pthread_t watchdog, holder, waiter;
    watch_done = 0;
    pthread_create(&watchdog, NULL, watchdog_main, NULL);

    Py_BEGIN_ALLOW_THREADS
    pthread_create(&holder, NULL, holder_main, &s);
    wait_flag(&s, &s.held);
    pthread_create(&waiter, NULL, waiter_main, &s);
    wait_flag(&s, &s.wanting);
    usleep(30000);
    Py_END_ALLOW_THREADS

    PyObject *gc = PyImport_ImportModule("gc");
    CHECK(gc != NULL);
    PyObject *result = gc ? PyObject_CallMethod(gc, "collect", NULL) : NULL;
    CHECK(result != NULL && PyLong_Check(result));
    Py_XDECREF(result);
    Py_XDECREF(gc);

    Py_BEGIN_ALLOW_THREADS
    set_flag(&s, &s.release);
    pthread_join(holder, NULL);
    pthread_join(waiter, NULL);
    Py_END_ALLOW_THREADS
    watchdog_stop(watchdog);
    CHECK(__atomic_load_n(&s.got, __ATOMIC_SEQ_CST));
}

/* A thread that is already detached locks a contended mutex too. */
static void *detached_locker_main(void *arg)
{
    scene *s = arg;
    set_flag(s, &s->wanting);
    PyMutex_Lock(&s->mutex);
    __atomic_store_n(&s->got, 1, __ATOMIC_SEQ_CST);
    PyMutex_Unlock(&s->mutex);
    return NULL;
}

static void test_lock_without_thread_state(void)
{
    scene s = { {0}, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                0, 0, 0, 0 };
    pthread_t locker;
    PyMutex_Lock(&s.mutex);
    pthread_create(&locker, NULL, detached_locker_main, &s);
    Py_BEGIN_ALLOW_THREADS
    wait_flag(&s, &s.wanting);
    usleep(10000);
    Py_END_ALLOW_THREADS
    CHECK(!__atomic_load_n(&s.got, __ATOMIC_SEQ_CST));
    PyMutex_Unlock(&s.mutex);
    Py_BEGIN_ALLOW_THREADS
    pthread_join(locker, NULL);
    Py_END_ALLOW_THREADS
    CHECK(__atomic_load_n(&s.got, __ATOMIC_SEQ_CST));
    CHECK(!PyMutex_IsLocked(&s.mutex));
}

/* Uncontended: the inline fast path and the exported function agree. */
static void test_uncontended(void)
{
    PyMutex m = {0};
    PyMutex_Lock(&m);
    CHECK(PyMutex_IsLocked(&m));
    PyMutex_Unlock(&m);
    CHECK(!PyMutex_IsLocked(&m));
    (PyMutex_Lock)(&m);
    CHECK((PyMutex_IsLocked)(&m));
    (PyMutex_Unlock)(&m);
    CHECK(!PyMutex_IsLocked(&m));
}

void suite_mutex_detach(void)
{
    RUN(test_uncontended);
    RUN(test_lock_without_thread_state);
    RUN(test_waiter_does_not_block_collection);
    RUN(test_waiter_and_python_gc);
}
