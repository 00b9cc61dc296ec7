/* Tests of thread states, the GIL, stop-the-world, critical sections and
   reference-count hand-over at thread exit, with real pthreads calling in
   through PyGILState_Ensure / PyGILState_Release.  Worker threads call
   _Py_HandlePending whenever their eval breaker is set, as the VM does.
   The main thread detaches (Py_BEGIN_ALLOW_THREADS) while it joins. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_gil.h"
#include "pycore_lock.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"
#include "pycore_object.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 4

typedef void (*worker_body)(int index, void *arg);

typedef struct {
    worker_body body;
    int index;
    void *arg;
} worker;

static void check_eval_breaker(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    if (__atomic_load_n(&tstate->eval_breaker, __ATOMIC_RELAXED) != 0) {
        _Py_HandlePending(tstate);
    }
}

static void *worker_main(void *raw)
{
    worker *w = raw;
    PyGILState_STATE state = PyGILState_Ensure();
    w->body(w->index, w->arg);
    PyGILState_Release(state);
    return NULL;
}

/* Runs `body(i, arg)` in n new threads, each attached through
   PyGILState_Ensure, and waits for all of them detached. */
static void run_threads(int n, worker_body body, void *arg)
{
    worker workers[8];
    pthread_t threads[8];
    for (int i = 0; i < n; i++) {
        workers[i] = (worker){ body, i, arg };
        pthread_create(&threads[i], NULL, worker_main, &workers[i]);
    }
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < n; i++) {
        pthread_join(threads[i], NULL);
    }
    Py_END_ALLOW_THREADS
}

/* ---- built-in containers under concurrent mutation ------------------------ */

#define APPENDS 3000

static void append_many(int index, void *arg)
{
    PyObject *list = arg;
    for (int i = 0; i < APPENDS; i++) {
        PyObject *item = PyLong_FromLong((long)index * APPENDS + i);
        PyList_Append(list, item);
        Py_DECREF(item);
        check_eval_breaker();
    }
}

static void test_list_append(void)
{
    PyObject *list = PyList_New(0);
    run_threads(NTHREADS, append_many, list);
    CHECK(PyList_GET_SIZE(list) == NTHREADS * APPENDS);
    char *seen = calloc(NTHREADS * APPENDS, 1);
    int all_once = 1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(list, i));
        if (v < 0 || v >= NTHREADS * APPENDS || seen[v]) {
            all_once = 0;
            break;
        }
        seen[v] = 1;
    }
    CHECK(all_once);
    free(seen);
    Py_DECREF(list);
}

#define DICT_KEYS 2000

/* Each thread sets its own keys, then deletes the odd ones. */
static void set_and_delete(int index, void *arg)
{
    PyObject *dict = arg;
    for (int i = 0; i < DICT_KEYS; i++) {
        PyObject *key = PyLong_FromLong((long)index * DICT_KEYS + i);
        PyObject *value = PyLong_FromLong(i * 3);
        PyDict_SetItem(dict, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        check_eval_breaker();
    }
    for (int i = 1; i < DICT_KEYS; i += 2) {
        PyObject *key = PyLong_FromLong((long)index * DICT_KEYS + i);
        PyDict_DelItem(dict, key);
        Py_DECREF(key);
        check_eval_breaker();
    }
}

static void test_dict_set_delete(void)
{
    PyObject *dict = PyDict_New();
    run_threads(NTHREADS, set_and_delete, dict);
    CHECK(PyDict_Size(dict) == NTHREADS * DICT_KEYS / 2);
    int exact = 1;
    for (long k = 0; k < NTHREADS * DICT_KEYS; k++) {
        PyObject *key = PyLong_FromLong(k);
        PyObject *value = PyDict_GetItemWithError(dict, key);
        Py_DECREF(key);
        long i = k % DICT_KEYS;
        if ((i % 2 == 1) != (value == NULL)
                || (value != NULL && PyLong_AsLong(value) != i * 3)) {
            exact = 0;
        }
    }
    CHECK(exact);
    Py_DECREF(dict);
}

#define SET_SPAN 2000

/* Thread i adds [i * SPAN/2, i * SPAN/2 + SPAN): neighbours overlap. */
static void add_overlapping(int index, void *arg)
{
    PyObject *set = arg;
    for (int i = 0; i < SET_SPAN; i++) {
        PyObject *item = PyLong_FromLong((long)index * (SET_SPAN / 2) + i);
        PySet_Add(set, item);
        Py_DECREF(item);
        check_eval_breaker();
    }
}

static void test_set_add(void)
{
    PyObject *set = PySet_New(NULL);
    run_threads(NTHREADS, add_overlapping, set);
    long expected = (NTHREADS - 1) * (SET_SPAN / 2) + SET_SPAN;
    CHECK(PySet_Size(set) == expected);
    PyObject *last = PyLong_FromLong(expected - 1);
    PyObject *past = PyLong_FromLong(expected);
    CHECK(PySet_Contains(set, last) == 1);
    CHECK(PySet_Contains(set, past) == 0);
    Py_DECREF(last);
    Py_DECREF(past);
    Py_DECREF(set);
}

#define EXTENDS 500

static void extend_many(int index, void *arg)
{
    PyObject *array = arg;
    char chunk[4];
    memset(chunk, 'a' + index, sizeof(chunk));
    PyObject *bytes = PyBytes_FromStringAndSize(chunk, sizeof(chunk));
    for (int i = 0; i < EXTENDS; i++) {
        PyObject *r = PyObject_CallMethod(array, "extend", "O", bytes);
        Py_XDECREF(r);
        check_eval_breaker();
    }
    Py_DECREF(bytes);
}

static void test_bytearray_extend(void)
{
    PyObject *array = PyByteArray_FromStringAndSize("", 0);
    run_threads(NTHREADS, extend_many, array);
    Py_ssize_t size = PyByteArray_Size(array);
    CHECK(size == NTHREADS * EXTENDS * 4);
    const char *data = PyByteArray_AsString(array);
    int counts[NTHREADS] = { 0 };
    int chunks_whole = 1;
    for (Py_ssize_t i = 0; i < size; i += 4) {
        int which = data[i] - 'a';
        if (which < 0 || which >= NTHREADS || memcmp(data + i, data + i + 1, 3) != 0) {
            chunks_whole = 0;
            break;
        }
        counts[which]++;
    }
    CHECK(chunks_whole);
    for (int t = 0; t < NTHREADS; t++) {
        CHECK(counts[t] == EXTENDS);
    }
    Py_DECREF(array);
}

/* ---- critical sections ------------------------------------------------------ */

typedef struct {
    PyObject *first;
    PyObject *second;
    long in_first;          /* protected by first's critical section */
    long in_second;         /* protected by second's critical section */
} pair;

#define NESTINGS 3000

/* Thread 0 nests first-then-second, thread 1 second-then-first.  Each
   counter is bumped right after its section was entered, so it is held. */
static void nest_in_order(int index, void *arg)
{
    pair *p = arg;
    PyObject *outer = index == 0 ? p->first : p->second;
    PyObject *inner = index == 0 ? p->second : p->first;
    long *outer_count = index == 0 ? &p->in_first : &p->in_second;
    long *inner_count = index == 0 ? &p->in_second : &p->in_first;
    (void)outer;                    /* unused where the sections are empty */
    (void)inner;
    for (int i = 0; i < NESTINGS; i++) {
        Py_BEGIN_CRITICAL_SECTION(outer);
        long v = *outer_count;
        if ((i & 63) == 0) {
            sched_yield();
        }
        *outer_count = v + 1;
        Py_BEGIN_CRITICAL_SECTION(inner);
        (*inner_count)++;
        Py_END_CRITICAL_SECTION();
        Py_END_CRITICAL_SECTION();
        check_eval_breaker();
    }
}

static void test_critical_sections_opposite_order(void)
{
    pair p = { PyList_New(0), PyList_New(0), 0, 0 };
    run_threads(2, nest_in_order, &p);
    CHECK(p.in_first == 2 * NESTINGS);
    CHECK(p.in_second == 2 * NESTINGS);
    Py_DECREF(p.first);
    Py_DECREF(p.second);
}

/* ---- stop-the-world ----------------------------------------------------------- */

typedef struct {
    long progress[2];               /* atomic: spinner iterations */
    int stop;                       /* atomic: spinners leave */
    int released;                   /* the blocked thread may continue */
    int reattached;                 /* atomic: it attached again */
    pthread_mutex_t mutex;
    pthread_cond_t cond;
} world;

static void spin_or_block(int index, void *arg)
{
    world *w = arg;
    if (index < 2) {
        while (!__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE)) {
            __atomic_fetch_add(&w->progress[index], 1, __ATOMIC_RELAXED);
            check_eval_breaker();
        }
        return;
    }
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&w->mutex);
    while (!w->released) {
        pthread_cond_wait(&w->cond, &w->mutex);
    }
    pthread_mutex_unlock(&w->mutex);
    Py_END_ALLOW_THREADS
    __atomic_store_n(&w->reattached, 1, __ATOMIC_RELEASE);
}

static void *run_spinners(void *raw)
{
    world *w = raw;
    worker workers[3];
    pthread_t threads[3];
    for (int i = 0; i < 3; i++) {
        workers[i] = (worker){ spin_or_block, i, w };
        pthread_create(&threads[i], NULL, worker_main, &workers[i]);
    }
    for (int i = 0; i < 3; i++) {
        pthread_join(threads[i], NULL);
    }
    return NULL;
}

static long progress_of(world *w, int i)
{
    return __atomic_load_n(&w->progress[i], __ATOMIC_RELAXED);
}

static void wait_detached_ms(int ms)
{
    Py_BEGIN_ALLOW_THREADS
    usleep(ms * 1000);
    Py_END_ALLOW_THREADS
}

static void test_stop_the_world(void)
{
    world w = { { 0, 0 }, 0, 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
    unsigned long interval = _PyEval_GetSwitchInterval();
    _PyEval_SetSwitchInterval(200);
    pthread_t runner;
    pthread_create(&runner, NULL, run_spinners, &w);
    /* Let both spinners get going. */
    for (int tries = 0; tries < 200 && (progress_of(&w, 0) == 0 || progress_of(&w, 1) == 0);
         tries++) {
        wait_detached_ms(2);
    }
    CHECK(progress_of(&w, 0) > 0 && progress_of(&w, 1) > 0);

    PyInterpreterState *interp = PyInterpreterState_Get();
    _PyEval_StopTheWorld(interp);
    long p0 = progress_of(&w, 0), p1 = progress_of(&w, 1);
    pthread_mutex_lock(&w.mutex);
    w.released = 1;
    pthread_cond_signal(&w.cond);
    pthread_mutex_unlock(&w.mutex);
    usleep(20000);
    /* Nobody ran, and the released thread could not attach. */
    CHECK(progress_of(&w, 0) == p0 && progress_of(&w, 1) == p1);
    CHECK(!__atomic_load_n(&w.reattached, __ATOMIC_ACQUIRE));
    int others = 0, all_stopped = 1;
    PyMutex_Lock(&interp->threads_mutex);
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        if (t != PyThreadState_Get()) {
            others++;
            all_stopped &= __atomic_load_n(&t->state, __ATOMIC_SEQ_CST)
                           == _Py_THREAD_SUSPENDED;
        }
    }
    PyMutex_Unlock(&interp->threads_mutex);
    CHECK(others == 3);
    CHECK(all_stopped);
    _PyEval_StartTheWorld(interp);

    for (int tries = 0; tries < 200 && !__atomic_load_n(&w.reattached, __ATOMIC_ACQUIRE);
         tries++) {
        wait_detached_ms(2);
    }
    CHECK(__atomic_load_n(&w.reattached, __ATOMIC_ACQUIRE));
    for (int tries = 0; tries < 200 && progress_of(&w, 0) == p0; tries++) {
        wait_detached_ms(2);
    }
    CHECK(progress_of(&w, 0) > p0);
    __atomic_store_n(&w.stop, 1, __ATOMIC_RELEASE);
    Py_BEGIN_ALLOW_THREADS
    pthread_join(runner, NULL);
    Py_END_ALLOW_THREADS
    _PyEval_SetSwitchInterval(interval);
}

static void mark_attached(int index, void *arg)
{
    (void)index;
    __atomic_store_n((int *)arg, 1, __ATOMIC_SEQ_CST);
}

/* A thread that first calls in while the world is stopped waits. */
static void test_new_thread_waits_for_restart(void)
{
    int attached = 0;
    PyInterpreterState *interp = PyInterpreterState_Get();
    _PyEval_StopTheWorld(interp);
    worker w = { mark_attached, 0, &attached };
    pthread_t thread;
    pthread_create(&thread, NULL, worker_main, &w);
    usleep(10000);
    CHECK(!__atomic_load_n(&attached, __ATOMIC_SEQ_CST));
    _PyEval_StartTheWorld(interp);
    Py_BEGIN_ALLOW_THREADS
    pthread_join(thread, NULL);
    Py_END_ALLOW_THREADS
    CHECK(__atomic_load_n(&attached, __ATOMIC_SEQ_CST));
}

/* A mutex held across a detach by one thread and wanted by another: the
   waiter waits detached, so the world can still be stopped. */
typedef struct {
    PyMutex mutex;
    int held;                       /* under sync */
    int release;                    /* under sync */
    int got;                        /* atomic */
    pthread_mutex_t sync;
    pthread_cond_t cond;
} held_lock;

static void wait_flag_detached(held_lock *h, int *flag)
{
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&h->sync);
    while (!*flag) {
        pthread_cond_wait(&h->cond, &h->sync);
    }
    pthread_mutex_unlock(&h->sync);
    Py_END_ALLOW_THREADS
}

static void set_flag(held_lock *h, int *flag)
{
    pthread_mutex_lock(&h->sync);
    *flag = 1;
    pthread_cond_broadcast(&h->cond);
    pthread_mutex_unlock(&h->sync);
}

static void hold_or_want(int index, void *arg)
{
    held_lock *h = arg;
    if (index == 0) {
        PyMutex_Lock(&h->mutex);
        set_flag(h, &h->held);
        wait_flag_detached(h, &h->release);
        PyMutex_Unlock(&h->mutex);
        return;
    }
    wait_flag_detached(h, &h->held);
    _PyMutex_LockDetached(&h->mutex);
    __atomic_store_n(&h->got, 1, __ATOMIC_SEQ_CST);
    PyMutex_Unlock(&h->mutex);
}

static void test_lock_detached_allows_stop(void)
{
    held_lock h = { { 0 }, 0, 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
    worker workers[2];
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        workers[i] = (worker){ hold_or_want, i, &h };
        pthread_create(&threads[i], NULL, worker_main, &workers[i]);
    }
    wait_flag_detached(&h, &h.held);
    wait_detached_ms(10);           /* let the second thread block */
    PyInterpreterState *interp = PyInterpreterState_Get();
    _PyEval_StopTheWorld(interp);
    CHECK(!__atomic_load_n(&h.got, __ATOMIC_SEQ_CST));
    _PyEval_StartTheWorld(interp);
    set_flag(&h, &h.release);
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
    }
    Py_END_ALLOW_THREADS
    CHECK(__atomic_load_n(&h.got, __ATOMIC_SEQ_CST));
    CHECK(!PyMutex_IsLocked(&h.mutex));
}

/* ---- detaching around a blocking call ---------------------------------------- */

typedef struct {
    PyObject *list;
    int done;                       /* under mutex */
    pthread_mutex_t mutex;
    pthread_cond_t cond;
} blocking_call;

static void *append_then_signal(void *raw)
{
    blocking_call *b = raw;
    PyGILState_STATE state = PyGILState_Ensure();
    CHECK(state == PyGILState_UNLOCKED);
    CHECK(PyGILState_Check());
    PyObject *item = PyUnicode_FromString("from another thread");
    PyList_Append(b->list, item);
    Py_DECREF(item);
    PyGILState_Release(state);
    CHECK(PyGILState_GetThisThreadState() == NULL);
    pthread_mutex_lock(&b->mutex);
    b->done = 1;
    pthread_cond_signal(&b->cond);
    pthread_mutex_unlock(&b->mutex);
    return NULL;
}

static void test_save_restore_thread(void)
{
    blocking_call b = { PyList_New(0), 0, PTHREAD_MUTEX_INITIALIZER,
                        PTHREAD_COND_INITIALIZER };
    PyThreadState *before = PyThreadState_Get();
    pthread_t thread;
    pthread_create(&thread, NULL, append_then_signal, &b);
    PyThreadState *saved = PyEval_SaveThread();
    CHECK(saved == before);
    CHECK(PyThreadState_GetUnchecked() == NULL);
    CHECK(!PyGILState_Check());
    /* The blocking call: the other thread can only finish if this one
       really let go (in the default build it needs the GIL). */
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 5;
    pthread_mutex_lock(&b.mutex);
    while (!b.done) {
        if (pthread_cond_timedwait(&b.cond, &b.mutex, &deadline) != 0) {
            break;
        }
    }
    int done = b.done;
    pthread_mutex_unlock(&b.mutex);
    pthread_join(thread, NULL);
    PyEval_RestoreThread(saved);
    CHECK(done);
    CHECK(PyThreadState_Get() == before);
    CHECK(PyGILState_Check());
    CHECK(PyList_GET_SIZE(b.list) == 1);
    Py_DECREF(b.list);
}

/* Embedding: threads the interpreter did not create run Python source
   through PyRun_SimpleString (each attached with PyGILState_Ensure) while
   the main thread is detached with PyEval_SaveThread.  They share a list
   and a lock-protected counter in __main__, so lost updates would show. */
#define EMBED_THREADS 4
#define EMBED_ROUNDS 50

static void *run_source(void *raw)
{
    int *failures = raw;
    char code[200];
    for (int round = 0; round < EMBED_ROUNDS; round++) {
        PyGILState_STATE state = PyGILState_Ensure();
        snprintf(code, sizeof(code),
                 "with _embed_lock:\n"
                 "    _embed_count += 1\n"
                 "_embed_items.append(%d)\n", round);
        if (PyRun_SimpleString(code) != 0) {
            __atomic_add_fetch(failures, 1, __ATOMIC_RELAXED);
        }
        PyGILState_Release(state);
    }
    return NULL;
}

static void *raise_in_source(void *raw)
{
    int *raised = raw;
    PyGILState_STATE state = PyGILState_Ensure();
    /* Silence the traceback PyRun_SimpleString prints to stderr. */
    PyRun_SimpleString("import sys, io\n_embed_err, sys.stderr = sys.stderr, io.StringIO()\n");
    int rc = PyRun_SimpleString("raise KeyError('from a foreign thread')\n");
    PyRun_SimpleString("import sys\nsys.stderr = _embed_err\ndel _embed_err\n");
    *raised = rc == -1 && !PyErr_Occurred();
    PyGILState_Release(state);
    return NULL;
}

static void test_embedding_threads_run_source(void)
{
    CHECK(PyRun_SimpleString("import threading\n"
                             "_embed_lock = threading.Lock()\n"
                             "_embed_count = 0\n"
                             "_embed_items = []\n") == 0);
    int failures = 0;
    pthread_t threads[EMBED_THREADS];
    for (int i = 0; i < EMBED_THREADS; i++) {
        pthread_create(&threads[i], NULL, run_source, &failures);
    }
    PyThreadState *saved = PyEval_SaveThread();
    for (int i = 0; i < EMBED_THREADS; i++) {
        pthread_join(threads[i], NULL);
    }
    PyEval_RestoreThread(saved);
    CHECK(failures == 0);
    CHECK(PyRun_SimpleString(
        "assert _embed_count == 200, _embed_count\n"
        "assert len(_embed_items) == 200\n"
        "assert sorted(set(_embed_items)) == list(range(50))\n"
        "del _embed_lock, _embed_count, _embed_items\n") == 0);
    /* A Python exception in a foreign thread is printed, not propagated:
       PyRun_SimpleString returns -1 and leaves no error set. */
    int raised = 0;
    pthread_t thread;
    pthread_create(&thread, NULL, raise_in_source, &raised);
    Py_BEGIN_ALLOW_THREADS
    pthread_join(thread, NULL);
    Py_END_ALLOW_THREADS
    CHECK(raised == 1);
}

/* The other classic way in: a thread makes its own state explicitly. */
static void *explicit_state(void *raw)
{
    PyObject *list = raw;
    PyThreadState *tstate = PyThreadState_New(PyInterpreterState_Head());
    CHECK(PyThreadState_GetUnchecked() == NULL);
    PyEval_RestoreThread(tstate);
    CHECK(PyThreadState_Get() == tstate);
    CHECK(PyThreadState_GetInterpreter(tstate) == PyInterpreterState_Head());
    PyObject *item = PyLong_FromLong(7);
    PyList_Append(list, item);
    Py_DECREF(item);
    PyThreadState_Clear(tstate);
    PyThreadState_DeleteCurrent();
    CHECK(PyThreadState_GetUnchecked() == NULL);
    return NULL;
}

static void test_explicit_thread_state(void)
{
    PyObject *list = PyList_New(0);
    PyInterpreterState *interp = PyInterpreterState_Get();
    PyThreadState *self = PyThreadState_Get();
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        pthread_create(&threads[i], NULL, explicit_state, list);
    }
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
    }
    Py_END_ALLOW_THREADS
    CHECK(PyList_GET_SIZE(list) == 2);
    /* Both states are gone again: only this thread's is listed. */
    CHECK(PyInterpreterState_ThreadHead(interp) == self);
    CHECK(PyThreadState_Next(self) == NULL);
    Py_DECREF(list);
}

static void test_gilstate_nesting(void)
{
    PyThreadState *main_state = PyThreadState_Get();
    CHECK(PyGILState_GetThisThreadState() == main_state);
    PyGILState_STATE outer = PyGILState_Ensure();
    CHECK(outer == PyGILState_LOCKED);
    PyGILState_STATE inner = PyGILState_Ensure();
    CHECK(inner == PyGILState_LOCKED);
    PyGILState_Release(inner);
    PyGILState_Release(outer);
    CHECK(PyThreadState_Get() == main_state);
    PyThreadState *swapped_out = PyThreadState_Swap(NULL);
    CHECK(swapped_out == main_state);
    CHECK(PyThreadState_GetUnchecked() == NULL);
    PyGILState_STATE again = PyGILState_Ensure();
    CHECK(again == PyGILState_UNLOCKED);
    CHECK(PyThreadState_GetUnchecked() == main_state);
    PyGILState_Release(again);
    CHECK(PyThreadState_GetUnchecked() == NULL);
    CHECK(PyThreadState_Swap(main_state) == NULL);
    CHECK(PyThreadState_Get() == main_state);
}

/* ---- the GIL ----------------------------------------------------------------------- */

#define GIL_ROUNDS 20000

typedef struct {
    long counter;                   /* protected by the GIL alone */
} gil_counter;

static void increment_unlocked(int index, void *arg)
{
    (void)index;
    gil_counter *c = arg;
    for (int i = 0; i < GIL_ROUNDS; i++) {
        long v = *(volatile long *)&c->counter;
        if ((i & 255) == 0) {
            sched_yield();
        }
        *(volatile long *)&c->counter = v + 1;
        check_eval_breaker();
    }
}

static void test_gil_exclusive(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    unsigned long interval = _PyEval_GetSwitchInterval();
    _PyEval_SetSwitchInterval(1234);
    CHECK(_PyEval_GetSwitchInterval() == 1234);
    _PyEval_SetSwitchInterval(100);
#ifdef Py_GIL_DISABLED
    int was_enabled = _PyEval_IsGILEnabled(tstate);
    int turned_on = _PyEval_EnableGILTransient(tstate);
    CHECK(turned_on == !was_enabled
          || tstate->interp->config_enable_gil != _PyConfig_GIL_DEFAULT);
#endif
    if (_PyEval_IsGILEnabled(tstate)) {
        gil_counter c = { 0 };
        run_threads(NTHREADS, increment_unlocked, &c);
        CHECK(c.counter == (long)NTHREADS * GIL_ROUNDS);
    }
#ifdef Py_GIL_DISABLED
    if (turned_on) {
        CHECK(_PyEval_DisableGIL(tstate) == 1);
        CHECK(!_PyEval_IsGILEnabled(tstate));
    }
#else
    CHECK(_PyEval_IsGILEnabled(tstate));
    CHECK(_PyEval_EnableGILTransient(tstate) == 0);
    CHECK(_PyEval_DisableGIL(tstate) == 0);
#endif
    _PyEval_SetSwitchInterval(interval);
}

/* ---- thread exit hands owned objects over ------------------------------------------ */

static int deaths;                  /* atomic */

static void probe_dealloc(PyObject *op)
{
    __atomic_fetch_add(&deaths, 1, __ATOMIC_SEQ_CST);
    PyObject_Free(op);
}

static PyTypeObject probe_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "thread_probe",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = probe_dealloc,
};

static PyObject *new_probe(void)
{
    PyObject *op = PyObject_Malloc(sizeof(PyObject));
    _PyObject_Init(op, &probe_type);
    return op;
}

#define PROBES 100

typedef struct {
    PyObject *list;                 /* made by the exiting thread */
    PyObject *queued;               /* one reference handed over */
    PyObject *kept;                 /* a list holding its other reference */
    int handed;                     /* under mutex */
    int dropped;                    /* under mutex */
    pthread_mutex_t mutex;
    pthread_cond_t cond;
} handover;

static void make_and_exit(int index, void *arg)
{
    (void)index;
    handover *h = arg;
    h->list = PyList_New(0);
    for (int i = 0; i < PROBES; i++) {
        PyObject *probe = new_probe();
        PyList_Append(h->list, probe);
        Py_DECREF(probe);
    }
    h->queued = new_probe();
    h->kept = PyList_New(0);
    PyList_Append(h->kept, h->queued);  /* owner's local count is 2 */
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&h->mutex);
    h->handed = 1;
    pthread_cond_broadcast(&h->cond);
    while (!h->dropped) {
        pthread_cond_wait(&h->cond, &h->mutex);
    }
    pthread_mutex_unlock(&h->mutex);
    Py_END_ALLOW_THREADS
    /* Exits holding no reference: PyGILState_Release deletes the state. */
}

static void *run_handover(void *raw)
{
    worker w = { make_and_exit, 0, raw };
    return worker_main(&w);
}

static void test_thread_exit_hands_over(void)
{
    __atomic_store_n(&deaths, 0, __ATOMIC_SEQ_CST);
    handover h = { NULL, NULL, NULL, 0, 0, PTHREAD_MUTEX_INITIALIZER,
                   PTHREAD_COND_INITIALIZER };
    pthread_t thread;
    pthread_create(&thread, NULL, run_handover, &h);
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&h.mutex);
    while (!h.handed) {
        pthread_cond_wait(&h.cond, &h.mutex);
    }
    pthread_mutex_unlock(&h.mutex);
    Py_END_ALLOW_THREADS
    /* A reference the owner counted locally, dropped here: in the
       free-threaded build it goes to the (live) owner's merge queue. */
    PyObject *first = PyList_GET_ITEM(h.list, 0);
    Py_INCREF(first);                   /* shared +1, taken while the owner lives */
    Py_DECREF(h.queued);
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&h.mutex);
    h.dropped = 1;
    pthread_cond_broadcast(&h.cond);
    pthread_mutex_unlock(&h.mutex);
    pthread_join(thread, NULL);
    Py_END_ALLOW_THREADS

    CHECK(__atomic_load_n(&deaths, __ATOMIC_SEQ_CST) == 0);
    CHECK(Py_REFCNT(h.queued) == 1);
#ifdef Py_GIL_DISABLED
    /* The exiting thread merged its queue and gave the object up. */
    CHECK(h.queued->ob_tid == 0);
#endif
    CHECK(Py_REFCNT(first) == 2);
    Py_DECREF(first);
    CHECK(Py_REFCNT(first) == 1);
    CHECK(__atomic_load_n(&deaths, __ATOMIC_SEQ_CST) == 0);
    Py_DECREF(h.list);                  /* every probe's owner is gone */
    CHECK(__atomic_load_n(&deaths, __ATOMIC_SEQ_CST) == PROBES);
    Py_DECREF(h.kept);
    CHECK(__atomic_load_n(&deaths, __ATOMIC_SEQ_CST) == PROBES + 1);
}

/* ---- QSBR ------------------------------------------------------------------------------ */

#ifdef Py_GIL_DISABLED
static void free_delayed_and_exit(int index, void *arg)
{
    (void)index;
    (void)arg;
    _PyMem_FreeDelayed(PyMem_Malloc(32));
}
#endif

static void test_delayed_free(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    /* Earlier tests leave delayed frees of their own (objects that died
       after a merge): a quiescent point releases them first. */
    _Py_HandlePending(tstate);
    void *block = PyMem_Malloc(64);
    CHECK(block != NULL);
    _PyMem_FreeDelayed(block);
    _PyMem_FreeDelayed(NULL);
#ifdef Py_GIL_DISABLED
    _PyThreadStateImpl *impl = _PyThreadState_IMPL(tstate);
    /* Not yet: this thread has not passed a quiescent point. */
    _PyMem_ProcessDelayed(tstate);
    CHECK(impl->qsbr.pending.size == 1);
    uint64_t goal = impl->qsbr.pending.items[0].goal;
    CHECK(goal > impl->qsbr.seq);
    _Py_HandlePending(tstate);
    CHECK(impl->qsbr.seq >= goal);
    CHECK(impl->qsbr.pending.size == 0);
    /* A thread that exits with a pending free leaves it to the others. */
    run_threads(1, free_delayed_and_exit, NULL);
    CHECK(__atomic_load_n(&tstate->interp->qsbr.has_orphans, __ATOMIC_SEQ_CST));
    _Py_HandlePending(tstate);
    CHECK(!__atomic_load_n(&tstate->interp->qsbr.has_orphans, __ATOMIC_SEQ_CST));
    CHECK(tstate->interp->qsbr.orphans.size == 0);
#else
    CHECK(_Py_HandlePending(tstate) == 0);
#endif
}

static void test_async_exception(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    CHECK(PyThreadState_SetAsyncExc(tstate->thread_id, PyExc_KeyError) == 1);
    CHECK(tstate->eval_breaker & _PY_ASYNC_EXCEPTION_BIT);
    CHECK(_Py_HandlePending(tstate) == -1);
    CHECK_RAISES(PyExc_KeyError);
    CHECK(_Py_HandlePending(tstate) == 0);
    /* Cancelled before it was delivered. */
    CHECK(PyThreadState_SetAsyncExc(tstate->thread_id, PyExc_ValueError) == 1);
    CHECK(PyThreadState_SetAsyncExc(tstate->thread_id, NULL) == 1);
    CHECK(_Py_HandlePending(tstate) == 0);
    CHECK(!PyErr_Occurred());
    CHECK(PyThreadState_SetAsyncExc(0, PyExc_KeyError) == 0);
}

void suite_threads(void)
{
    PyType_Ready(&probe_type);
    RUN(test_list_append);
    RUN(test_dict_set_delete);
    RUN(test_set_add);
    RUN(test_bytearray_extend);
    RUN(test_critical_sections_opposite_order);
    RUN(test_stop_the_world);
    RUN(test_lock_detached_allows_stop);
    RUN(test_new_thread_waits_for_restart);
    RUN(test_save_restore_thread);
    RUN(test_embedding_threads_run_source);
    RUN(test_gilstate_nesting);
    RUN(test_explicit_thread_state);
    RUN(test_gil_exclusive);
    RUN(test_thread_exit_hands_over);
    RUN(test_delayed_free);
    RUN(test_async_exception);
}
