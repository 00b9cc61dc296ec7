/* Thread and interpreter states, attach/detach and stop-the-world
   (DESIGN.md section 6; the rules are in Doc/internals/locking.md).

   Weft has one interpreter.  Its list of thread states is protected by
   interp->threads_mutex.  Each state's fields belong to its own thread
   except `state` and `eval_breaker`, which other threads read and change
   atomically (sequentially consistent), and the merge queue (its own
   mutex).

   States: a thread touches objects only while ATTACHED.  Only the owner
   moves its state out of ATTACHED.  A stop-the-world requester moves
   DETACHED states to SUSPENDED; _PyEval_StartTheWorld moves every
   SUSPENDED state back to DETACHED.  A thread that finds a stop requested
   while attaching or detaching suspends itself and counts itself off the
   requester's countdown; the requester counts every thread it did not
   suspend itself, so the two always balance. */
#include "Python.h"
#include "pycore_critical_section.h"
#include "pycore_gc.h"
#include "pycore_instruments.h"
#include "pycore_lock.h"
#include "pycore_frame.h"
#include "pycore_freelist.h"    /* churn: free-list teardown */
#include "pycore_pystate.h"
#include "pycore_refcount.h"

#include <limits.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

__thread PyThreadState *_Py_tss_tstate;

/* The thread state PyGILState_Ensure uses for this OS thread: the first
   one bound to it. */
static __thread PyThreadState *gilstate_tstate;

static PyInterpreterState main_interpreter;
static uint64_t next_thread_id = 1;     /* under main_interpreter.threads_mutex */
static pthread_t main_thread;           /* written once by _PyInterpreterState_Init */
static int (*signal_handler)(PyThreadState *);  /* set once by the signal module */
/* The main thread's bound state, for signal handlers (atomic). */
static PyThreadState *main_thread_tstate;

PyInterpreterState *_PyInterpreterState_Main(void)
{
    return &main_interpreter;
}

void _PyInterpreterState_Init(PyInterpreterState *interp)
{
    memset(interp, 0, sizeof(*interp));
    interp->qsbr.wr_seq = _Py_QSBR_INITIAL;
    interp->qsbr.rd_seq = _Py_QSBR_INITIAL;
    main_thread = pthread_self();
    _PyConfig_ReadGIL(interp);
#ifdef Py_GIL_DISABLED
    _PyEval_InitGIL(interp, interp->config_enable_gil == _PyConfig_GIL_ENABLE ? INT_MAX : 0);
#else
    _PyEval_InitGIL(interp, 1);
#endif
}

void _PyInterpreterState_Fini(PyInterpreterState *interp)
{
    _Py_qsbr_fini(interp);
    /* Daemon threads may still be blocked on the GIL: keep it then. */
    if (interp->threads_head == NULL) {
        _PyEval_FiniGIL(interp);
    }
}

static int load_state(PyThreadState *tstate)
{
    return __atomic_load_n(&tstate->state, __ATOMIC_SEQ_CST);
}

static void store_state(PyThreadState *tstate, int state)
{
    __atomic_store_n(&tstate->state, state, __ATOMIC_SEQ_CST);
}

static int cas_state(PyThreadState *tstate, int from, int to)
{
    return __atomic_compare_exchange_n(&tstate->state, &from, to, 0,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

#ifdef Py_GIL_DISABLED
/* 0 while at most one thread state has ever existed in the process, 1
   for good from the creation of the second (session 12).  While it is 0
   at most one thread is attached at any time, and attach and detach
   order one thread's turn after another's, so what only guards against
   other threads may be skipped: the collector's list mutexes, leaf
   critical sections, a list writer's test for lock-free readers
   (Include/cpython/critical_section.h, pycore_list.h,
   Python/gc_free_threading.c).  Such code never spans a safe point or a
   thread state's creation.  Read relaxed (_Py_SeveralThreadStates): a
   thread that could race with another reads 1, as argued below. */
int _Py_several_thread_states;
static int states_created;          /* atomic: counted while the flag is 0 */

/* The first state changes nothing.  For the second, the flag is set
   before anything can attach the new state:
   - a creator that is attached is, by the invariant above, the only
     attached thread, so it is inside none of the code that skipped a
     lock; it stores the flag before the state exists, and whoever
     attaches the state later got it from this thread (thread start,
     threads_mutex), so it reads 1, as the creator does afterwards;
   - a creator that is not attached (PyGILState_Ensure on a foreign
     thread) stops the world of the main interpreter, where the only
     state lives: its thread, if attached, waits at a safe point, and
     reads 1 once the world restarts. */
static void note_new_thread_state(void)
{
    if (__atomic_load_n(&_Py_several_thread_states, __ATOMIC_ACQUIRE)) {
        return;
    }
    if (__atomic_fetch_add(&states_created, 1, __ATOMIC_ACQ_REL) == 0) {
        return;
    }
    PyInterpreterState *main_interp = _PyInterpreterState_Main();
    if (_Py_tss_tstate != NULL || main_interp == NULL) {
        __atomic_store_n(&_Py_several_thread_states, 1, __ATOMIC_SEQ_CST);
        return;
    }
    _PyEval_StopTheWorld(main_interp);
    __atomic_store_n(&_Py_several_thread_states, 1, __ATOMIC_SEQ_CST);
    _PyEval_StartTheWorld(main_interp);
}
#endif

PyThreadState *_PyThreadState_New(PyInterpreterState *interp)
{
#ifdef Py_GIL_DISABLED
    note_new_thread_state();   /* before anything can attach the state */
#endif
    _PyThreadStateImpl *impl = PyMem_RawCalloc(1, sizeof(_PyThreadStateImpl));
    if (impl == NULL) {
        return NULL;
    }
    PyThreadState *tstate = &impl->base;
    tstate->interp = interp;
    tstate->py_recursion_limit = 1000;
    tstate->py_recursion_remaining = 1000;
    tstate->c_recursion_remaining = Py_C_RECURSION_LIMIT;
    impl->gilstate_counter = 1;

    PyMutex_Lock(&interp->threads_mutex);
    tstate->id = next_thread_id++;
    /* A stop in progress did not count this state: it starts suspended. */
    tstate->state = __atomic_load_n(&interp->stw.requested, __ATOMIC_SEQ_CST)
                    ? _Py_THREAD_SUSPENDED : _Py_THREAD_DETACHED;
    tstate->next = interp->threads_head;
    if (interp->threads_head) {
        interp->threads_head->prev = tstate;
    }
    interp->threads_head = tstate;
    PyMutex_Unlock(&interp->threads_mutex);
    return tstate;
}

void _PyThreadState_Bind(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    /* Under threads_mutex: merge-queue lookups read fast_thread_id. */
    PyMutex_Lock(&interp->threads_mutex);
    tstate->thread_id = (unsigned long)pthread_self();
    tstate->native_thread_id = (unsigned long)syscall(SYS_gettid);
    tstate->fast_thread_id = _PyThread_FastId();
    _PyThreadState_IMPL(tstate)->bound = 1;
    PyMutex_Unlock(&interp->threads_mutex);
    if (gilstate_tstate == NULL) {
        gilstate_tstate = tstate;
    }
    if (pthread_equal(pthread_self(), main_thread)
            && __atomic_load_n(&main_thread_tstate, __ATOMIC_SEQ_CST) == NULL) {
        __atomic_store_n(&main_thread_tstate, tstate, __ATOMIC_SEQ_CST);
    }
}

static void unlink_state(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    if (tstate->prev) {
        tstate->prev->next = tstate->next;
    }
    else {
        interp->threads_head = tstate->next;
    }
    if (tstate->next) {
        tstate->next->prev = tstate->prev;
    }
    tstate->prev = tstate->next = NULL;
}

/* ---- stop-the-world ------------------------------------------------------ */

static int stop_requested_for(PyThreadState *tstate)
{
    struct _stoptheworld_state *stw = &tstate->interp->stw;
    return __atomic_load_n(&stw->requested, __ATOMIC_SEQ_CST)
           && __atomic_load_n(&stw->requester, __ATOMIC_SEQ_CST) != tstate;
}

static void count_off(struct _stoptheworld_state *stw)
{
    if (__atomic_sub_fetch(&stw->countdown, 1, __ATOMIC_SEQ_CST) == 0) {
        _PyParkingLot_UnparkAll(&stw->countdown);
    }
}

/* tstate has just left ATTACHED (it is DETACHED): if a stop is in
   progress, suspend it unless the requester already did. */
static void suspend_if_requested(PyThreadState *tstate)
{
    if (stop_requested_for(tstate)
            && cas_state(tstate, _Py_THREAD_DETACHED, _Py_THREAD_SUSPENDED)) {
        count_off(&tstate->interp->stw);
    }
}

static void wait_while_suspended(PyThreadState *tstate)
{
    int suspended = _Py_THREAD_SUSPENDED;
    while (load_state(tstate) == _Py_THREAD_SUSPENDED) {
        _PyParkingLot_Park(&tstate->state, &suspended, sizeof(int), -1, NULL);
    }
}

static int mutex_try_lock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    return __atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void _PyEval_StopTheWorld(PyInterpreterState *interp)
{
    struct _stoptheworld_state *stw = &interp->stw;
    PyThreadState *self = _PyThreadState_GET();
    if (self != NULL && __atomic_load_n(&stw->requester, __ATOMIC_SEQ_CST) == self) {
        Py_FatalError("the world is already stopped by this thread");
    }
    /* The collector may run while the world is stopped: it must count
       this thread's QSBR-borrowed locals as references. */
    if (self != NULL) {
        _PyFrame_PromoteQsbrLocals(self);
    }
    /* Another requester may be waiting for this thread: wait detached. */
    _PyMutex_LockDetached(&stw->mutex);
    PyMutex_Lock(&interp->threads_mutex);
    __atomic_store_n(&stw->requester, self, __ATOMIC_SEQ_CST);
    __atomic_store_n(&stw->requested, 1, __ATOMIC_SEQ_CST);
    int running = 0;
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        if (t == self || cas_state(t, _Py_THREAD_DETACHED, _Py_THREAD_SUSPENDED)) {
            continue;
        }
        /* Attached, or it suspended itself and counted itself off. */
        running++;
        _PyThreadState_SetEvalBreakerBit(t, _PY_EVAL_PLEASE_STOP_BIT);
    }
    int left = __atomic_add_fetch(&stw->countdown, running, __ATOMIC_SEQ_CST);
    PyMutex_Unlock(&interp->threads_mutex);
    while (left > 0) {
        _PyParkingLot_Park(&stw->countdown, &left, sizeof(int), -1, NULL);
        left = __atomic_load_n(&stw->countdown, __ATOMIC_SEQ_CST);
    }
    stw->world_stopped = 1;
}

void _PyEval_StartTheWorld(PyInterpreterState *interp)
{
    struct _stoptheworld_state *stw = &interp->stw;
    PyMutex_Lock(&interp->threads_mutex);
    stw->world_stopped = 0;
    __atomic_store_n(&stw->requested, 0, __ATOMIC_SEQ_CST);
    __atomic_store_n(&stw->requester, NULL, __ATOMIC_SEQ_CST);
    __atomic_store_n(&stw->countdown, 0, __ATOMIC_SEQ_CST);
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        _PyThreadState_ClearEvalBreakerBit(t, _PY_EVAL_PLEASE_STOP_BIT);
        if (cas_state(t, _Py_THREAD_SUSPENDED, _Py_THREAD_DETACHED)) {
            _PyParkingLot_UnparkAll(&t->state);
        }
    }
    PyMutex_Unlock(&interp->threads_mutex);
    PyMutex_Unlock(&stw->mutex);
}

/* ---- attach / detach ------------------------------------------------------ */

/* A daemon thread attaching during finalization: it must never run Python
   again, and must not exit either (its C callers still hold resources),
   so it sleeps forever, detached. */
static int must_hang(PyThreadState *tstate)
{
    PyThreadState *finalizer = __atomic_load_n(&tstate->interp->finalizing_tstate,
                                               __ATOMIC_SEQ_CST);
    return finalizer != NULL && finalizer != tstate;
}

/* `held` is a mutex the thread took while detached, just before this
   attach (NULL if none).  It guards nothing the thread has touched yet,
   so it is released: a daemon thread parked here for good must not keep
   the finalizing thread (or anyone) waiting on it. */
static void hang_forever(PyMutex *held)
{
    if (held != NULL) {
        _PyMutex_Unlock(held);
    }
    for (;;) {
        pause();
    }
}

static void attach(PyThreadState *tstate, int resume_sections, PyMutex *held)
{
    PyThreadState *current = _Py_tss_tstate;
    if (current != NULL && current != tstate) {
        Py_FatalError("another thread state is attached to this thread");
    }
    for (;;) {
        if (must_hang(tstate)) {
            hang_forever(held);
        }
        _PyEval_TakeGIL(tstate);
        if (cas_state(tstate, _Py_THREAD_DETACHED, _Py_THREAD_ATTACHED)) {
            if (must_hang(tstate)) {
                /* Finalization began while this thread waited for the GIL. */
                store_state(tstate, _Py_THREAD_DETACHED);
                suspend_if_requested(tstate);
                _PyEval_DropGIL(tstate);
                hang_forever(held);
            }
            if (!stop_requested_for(tstate)) {
                break;
            }
            /* Counted by the requester (or it will see us suspended). */
            store_state(tstate, _Py_THREAD_SUSPENDED);
            count_off(&tstate->interp->stw);
        }
        _PyEval_DropGIL(tstate);
        wait_while_suspended(tstate);
    }
    _Py_tss_tstate = tstate;
    _Py_qsbr_attach(tstate);
    if (resume_sections) {
        _PyCriticalSection_Resume(tstate);
    }
}

void _PyThreadState_Attach(PyThreadState *tstate)
{
    attach(tstate, 1, NULL);
}

void _PyThreadState_AttachKeepSections(PyThreadState *tstate, PyMutex *held)
{
    attach(tstate, 0, held);
}

void _PyThreadState_AttachHolding(PyThreadState *tstate, PyMutex *held)
{
    attach(tstate, 1, held);
}

void _PyThreadState_Detach(PyThreadState *tstate)
{
    if (load_state(tstate) != _Py_THREAD_ATTACHED) {
        Py_FatalError("detaching a thread state that is not attached");
    }
    _PyCriticalSection_SuspendAll(tstate);
    _PyFrame_PromoteQsbrLocals(tstate);
    _Py_qsbr_detach(tstate);
    store_state(tstate, _Py_THREAD_DETACHED);
    suspend_if_requested(tstate);
    _PyEval_DropGIL(tstate);
    _Py_tss_tstate = NULL;
}

void _PyMutex_LockDetached(PyMutex *m)
{
    if (mutex_try_lock(m)) {
        return;
    }
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        PyMutex_Lock(m);
        return;
    }
    _PyThreadState_Detach(tstate);
    PyMutex_Lock(m);
    _PyThreadState_AttachHolding(tstate, m);
}

void _PyThreadState_Suspend(PyThreadState *tstate)
{
    _PyThreadState_Detach(tstate);
}

/* ---- the eval breaker's slow path ----------------------------------------- */

void _PyEval_SetSignalHandler(int (*handler)(PyThreadState *))
{
    signal_handler = handler;
}

void _PyEval_SignalReceived(void)
{
    /* Async-signal-safe: atomic loads and one atomic or, no lock. */
    PyThreadState *t = __atomic_load_n(&main_thread_tstate, __ATOMIC_SEQ_CST);
    if (t != NULL) {
        _PyThreadState_SetEvalBreakerBit(t, _PY_SIGNALS_PENDING_BIT);
    }
}

static int raise_async_exception(PyThreadState *tstate)
{
    PyObject *exc = __atomic_exchange_n(&_PyThreadState_IMPL(tstate)->async_exc,
                                        NULL, __ATOMIC_SEQ_CST);
    if (exc == NULL) {
        return 0;
    }
    if (PyExceptionInstance_Check(exc)) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    }
    else {
        PyErr_SetNone(exc);
    }
    Py_DECREF(exc);
    return -1;
}

int _Py_HandlePending(PyThreadState *tstate)
{
    uintptr_t bits = __atomic_load_n(&tstate->eval_breaker, __ATOMIC_SEQ_CST);
    if (bits & (_PY_EVAL_PLEASE_STOP_BIT | _PY_GIL_DROP_REQUEST_BIT)) {
        /* Detaching suspends the thread if a stop is in progress and
           hands the GIL over if another thread asked for it. */
        _PyThreadState_ClearEvalBreakerBit(tstate, _PY_EVAL_PLEASE_STOP_BIT);
        _PyThreadState_Detach(tstate);
        _PyThreadState_Attach(tstate);
        if (!_PyThreadState_IMPL(tstate)->holds_gil) {
            _PyThreadState_ClearEvalBreakerBit(tstate, _PY_GIL_DROP_REQUEST_BIT);
        }
    }
#ifdef Py_GIL_DISABLED
    if (bits & _PY_EVAL_EXPLICIT_MERGE_BIT) {
        _Py_brc_merge_tstate(tstate);
    }
#endif
    if (bits & _PY_GC_SCHEDULED_BIT) {
        _PyThreadState_ClearEvalBreakerBit(tstate, _PY_GC_SCHEDULED_BIT);
        _Py_RunGC(tstate);
    }
    /* Every eval-breaker check is a quiescent point. */
    _PyThreadState_ClearEvalBreakerBit(tstate, _PY_EVAL_QSBR_REQUEST_BIT);
    _PyFrame_PromoteQsbrLocals(tstate);
    _Py_qsbr_quiescent_state(tstate);
    _PyMem_ProcessDelayed(tstate);
    _PyObject_ProcessDelayedDecrefs(tstate);
    if (bits & _PY_ASYNC_EXCEPTION_BIT) {
        _PyThreadState_ClearEvalBreakerBit(tstate, _PY_ASYNC_EXCEPTION_BIT);
        if (raise_async_exception(tstate) < 0) {
            return -1;
        }
    }
    if ((bits & _PY_SIGNALS_PENDING_BIT) && pthread_equal(pthread_self(), main_thread)) {
        _PyThreadState_ClearEvalBreakerBit(tstate, _PY_SIGNALS_PENDING_BIT);
        if (signal_handler != NULL && signal_handler(tstate) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ---- life cycle ------------------------------------------------------------ */

PyThreadState *PyThreadState_New(PyInterpreterState *interp)
{
    PyThreadState *tstate = _PyThreadState_New(interp);
    if (tstate != NULL) {
        _PyThreadState_Bind(tstate);
    }
    return tstate;
}

/* Drops the references the state owns.  Called by the owning thread
   (attached), or by any attached thread once the owner has exited. */
void PyThreadState_Clear(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = _PyThreadState_IMPL(tstate);
    if (tstate->critical_section != 0) {
        Py_FatalError("thread state cleared inside a critical section");
    }
    Py_CLEAR(tstate->current_exception);
    Py_CLEAR(tstate->exc_info_value);
    Py_CLEAR(tstate->dict);
    Py_CLEAR(tstate->async_gen_firstiter);
    Py_CLEAR(tstate->async_gen_finalizer);
    Py_CLEAR(tstate->context);      /* contextvars */
    _PyEval_ClearThreadTracing(tstate);
    PyObject *async_exc = __atomic_exchange_n(&impl->async_exc, NULL, __ATOMIC_SEQ_CST);
    Py_XDECREF(async_exc);
#ifdef Py_GIL_DISABLED
    _Py_brc_merge_tstate(tstate);
#endif
}

static void free_state(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = _PyThreadState_IMPL(tstate);
    _Py_qsbr_thread_exit(tstate);
    /* churn: the calling OS thread's free lists (pycore_freelist.h); they
       are only a cache, so emptying them for another thread's state is
       harmless. */
    _Py_freelists_clear();
    /* The frames' memory; no frame of this thread is live any more. */
    _PyThreadState_FreeDataStack(tstate);
#ifdef Py_GIL_DISABLED
    PyMem_RawFree(impl->brc_objects);
#endif
    if (gilstate_tstate == tstate) {
        gilstate_tstate = NULL;
    }
    PyThreadState *expected = tstate;
    __atomic_compare_exchange_n(&main_thread_tstate, &expected, NULL, 0,
                                __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    PyMem_RawFree(impl);
}

/* Deletes a state that no thread has attached. */
void PyThreadState_Delete(PyThreadState *tstate)
{
    if (tstate == _Py_tss_tstate) {
        Py_FatalError("tstate is still current");
    }
    PyInterpreterState *interp = tstate->interp;
    PyMutex_Lock(&interp->threads_mutex);
    unlink_state(tstate);
    PyMutex_Unlock(&interp->threads_mutex);
#ifdef Py_GIL_DISABLED
    /* Entries queued before the unlink; none can arrive after it. */
    _Py_brc_merge_tstate(tstate);
#endif
    free_state(tstate);
}

#ifdef Py_GIL_DISABLED
static int merge_queue_empty(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = _PyThreadState_IMPL(tstate);
    PyMutex_Lock(&impl->brc_mutex);
    int empty = impl->brc_size == 0;
    PyMutex_Unlock(&impl->brc_mutex);
    return empty;
}
#endif

/* Deletes the calling thread's attached state and leaves the thread with
   none.  Objects queued to it are merged while it is still attached; it
   leaves the thread list only once its queue is empty (under
   threads_mutex, which every queuer holds), so no merge is stranded.
   Objects it still owns keep their local counts: the first thread that
   would queue one finds the owner gone and merges it itself. */
void _PyThreadState_DeleteCurrent(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    for (;;) {
#ifdef Py_GIL_DISABLED
        _Py_brc_merge_tstate(tstate);
#endif
        _PyThreadState_Detach(tstate);
        PyMutex_Lock(&interp->threads_mutex);
#ifdef Py_GIL_DISABLED
        if (!merge_queue_empty(tstate)) {
            PyMutex_Unlock(&interp->threads_mutex);
            _PyThreadState_Attach(tstate);
            continue;
        }
#endif
        unlink_state(tstate);
        PyMutex_Unlock(&interp->threads_mutex);
        break;
    }
    free_state(tstate);
}

void PyThreadState_DeleteCurrent(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        Py_FatalError("the function must be called with an attached thread state");
    }
    _PyThreadState_DeleteCurrent(tstate);
}

void _PyThreadState_Delete(PyThreadState *tstate)
{
    PyThreadState_Clear(tstate);
    if (tstate == _Py_tss_tstate) {
        _PyThreadState_DeleteCurrent(tstate);
    }
    else {
        PyThreadState_Delete(tstate);
    }
}

PyInterpreterState *PyInterpreterState_Head(void)
{
    return &main_interpreter;
}

/* capi: the only interpreter is the main one. */
PyInterpreterState *PyInterpreterState_Main(void)
{
    return &main_interpreter;
}

PyInterpreterState *PyInterpreterState_Next(PyInterpreterState *interp)
{
    (void)interp;
    return NULL;
}

/* Unlocked walks, as in CPython: the caller must keep the states alive
   (for instance by stopping the world). */
PyThreadState *PyInterpreterState_ThreadHead(PyInterpreterState *interp)
{
    return interp->threads_head;
}

PyThreadState *PyThreadState_Next(PyThreadState *tstate)
{
    return tstate->next;
}

/* ---- current thread state and the GIL ------------------------------------- */

PyThreadState *PyThreadState_GetUnchecked(void)
{
    return _Py_tss_tstate;
}

PyThreadState *PyThreadState_Get(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        Py_FatalError("the function must be called with the GIL held, after "
                      "Python initialization and before Python finalization, "
                      "but the GIL is released (the current Python thread "
                      "state is NULL)");
    }
    return tstate;
}

PyThreadState *PyThreadState_Swap(PyThreadState *new_tstate)
{
    PyThreadState *old = _Py_tss_tstate;
    if (old == new_tstate) {
        return old;
    }
    if (old != NULL) {
        _PyThreadState_Detach(old);
    }
    if (new_tstate != NULL) {
        _PyThreadState_Attach(new_tstate);
    }
    return old;
}

PyThreadState *PyEval_SaveThread(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    _PyThreadState_Detach(tstate);
    return tstate;
}

void PyEval_RestoreThread(PyThreadState *tstate)
{
    if (tstate == NULL) {
        Py_FatalError("NULL thread state");
    }
    /* Callers read errno after Py_END_ALLOW_THREADS: attaching (which may
       wait for the GIL or a stop-the-world) must not change it. */
    int saved_errno = errno;
    _PyThreadState_Attach(tstate);
    errno = saved_errno;
}

void PyEval_AcquireThread(PyThreadState *tstate)
{
    PyEval_RestoreThread(tstate);
}

void PyEval_ReleaseThread(PyThreadState *tstate)
{
    if (tstate == NULL || tstate != _Py_tss_tstate) {
        Py_FatalError("wrong thread state");
    }
    _PyThreadState_Detach(tstate);
}

void PyEval_InitThreads(void)
{
}

int PyEval_ThreadsInitialized(void)
{
    return 1;
}

/* Lets a thread the interpreter did not create call into it: makes (once)
   and attaches this OS thread's own thread state.  Nested calls only
   count; the matching PyGILState_Release deletes a state made here. */
PyGILState_STATE PyGILState_Ensure(void)
{
    PyThreadState *tstate = gilstate_tstate;
    int had_state = 1;
    if (tstate == NULL) {
        tstate = _PyThreadState_New(&main_interpreter);
        if (tstate == NULL) {
            Py_FatalError("cannot create a thread state");
        }
        _PyThreadState_Bind(tstate);
        /* Deleted by the PyGILState_Release that balances this call. */
        _PyThreadState_IMPL(tstate)->gilstate_counter = 0;
        had_state = 0;
    }
    int attached = had_state && tstate == _Py_tss_tstate;
    if (!attached) {
        PyThreadState_Swap(tstate);
    }
    _PyThreadState_IMPL(tstate)->gilstate_counter++;
    return attached ? PyGILState_LOCKED : PyGILState_UNLOCKED;
}

void PyGILState_Release(PyGILState_STATE oldstate)
{
    PyThreadState *tstate = gilstate_tstate;
    if (tstate == NULL || tstate != _Py_tss_tstate) {
        Py_FatalError("this thread state must be current when releasing");
    }
    _PyThreadStateImpl *impl = _PyThreadState_IMPL(tstate);
    impl->gilstate_counter--;
    if (impl->gilstate_counter == 0) {
        PyThreadState_Clear(tstate);
        _PyThreadState_DeleteCurrent(tstate);
    }
    else if (oldstate == PyGILState_UNLOCKED) {
        _PyThreadState_Detach(tstate);
    }
}

PyThreadState *PyGILState_GetThisThreadState(void)
{
    return gilstate_tstate;
}

int PyGILState_Check(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    return tstate != NULL && tstate == gilstate_tstate;
}

/* Raise `exc` (a type, or NULL to cancel) in the thread whose
   thread_id is `id` at its next eval-breaker check.  Returns the number
   of thread states changed. */
int PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    int found = 0;
    PyThreadState *target = NULL;
    PyMutex_Lock(&interp->threads_mutex);
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        if (t->thread_id == id) {
            target = t;
            found = 1;
            break;
        }
    }
    PyObject *old = NULL;
    if (target != NULL) {
        old = __atomic_exchange_n(&_PyThreadState_IMPL(target)->async_exc,
                                  Py_XNewRef(exc), __ATOMIC_SEQ_CST);
        if (exc != NULL) {
            _PyThreadState_SetEvalBreakerBit(target, _PY_ASYNC_EXCEPTION_BIT);
        }
    }
    PyMutex_Unlock(&interp->threads_mutex);
    Py_XDECREF(old);
    return found;
}

/* The per-thread dict for extension state (e.g. Py_ReprEnter's list).
   Borrowed reference; NULL without an exception if it cannot be made. */
PyObject *PyThreadState_GetDict(void)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate == NULL) {
        return NULL;
    }
    if (tstate->dict == NULL) {
        tstate->dict = PyDict_New();
        if (tstate->dict == NULL) {
            PyErr_Clear();
        }
    }
    return tstate->dict;
}

PyInterpreterState *PyInterpreterState_Get(void)
{
    return PyThreadState_Get()->interp;
}

PyInterpreterState *PyThreadState_GetInterpreter(PyThreadState *tstate)
{
    return tstate->interp;
}

uint64_t PyThreadState_GetID(PyThreadState *tstate)
{
    return tstate->id;
}

int64_t PyInterpreterState_GetID(PyInterpreterState *interp)
{
    return interp->id;
}

PyObject *PyInterpreterState_GetDict(PyInterpreterState *interp)
{
    if (interp->dict == NULL) {
        interp->dict = PyDict_New();
        if (interp->dict == NULL) {
            PyErr_Clear();
        }
    }
    return interp->dict;
}

/* C recursion guard: each nested C-level recursion (repr of nested
   containers, deep comparisons) spends one unit. */
int Py_EnterRecursiveCall(const char *where)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (--tstate->c_recursion_remaining < 0) {
        if (tstate->recursion_headroom) {
            return 0;
        }
        tstate->c_recursion_remaining++;
        tstate->recursion_headroom++;
        PyErr_Format(PyExc_RecursionError,
                     "maximum recursion depth exceeded%s", where);
        tstate->recursion_headroom--;
        return -1;
    }
    return 0;
}

void Py_LeaveRecursiveCall(void)
{
    _Py_tss_tstate->c_recursion_remaining++;
}


/* capi (session 6): suspend and resume tracing and profiling callbacks
   for this thread (the counter legacy tracing and sys.monitoring test);
   tstate is the calling thread's own, so no lock is needed. */
void PyThreadState_EnterTracing(PyThreadState *tstate)
{
    tstate->tracing++;
}

void PyThreadState_LeaveTracing(PyThreadState *tstate)
{
    tstate->tracing--;
}
