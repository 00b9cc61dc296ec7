/* The global interpreter lock (DESIGN.md section 7).

   The GIL is a flag protected by a pthread mutex, with one condition
   variable for threads waiting to take it and one for the holder waiting
   to see it taken (forced switching).  A waiter that has waited a whole
   switch interval without the GIL changing hands sets the drop-request
   bit in the holder's eval breaker; the holder then releases the GIL at
   its next check and does not compete for it again until another thread
   has taken it, so a CPU-bound thread cannot starve the others.

   Default build: the GIL is always enabled.  Free-threaded build:
   `enabled` is 0 unless PYTHON_GIL=1 / -X gil=1 or an extension module
   that needs it turned it on; it is only changed with the world stopped,
   so no thread is attached while it changes. */
#include "Python.h"
#include "pycore_pystate.h"

#include <limits.h>
#include <time.h>

static struct _gil_runtime_state *gil_of(PyThreadState *tstate)
{
    return &tstate->interp->gil;
}

/* The GIL's mutex and condition variables, new and unowned.  The
   conditions measure time with CLOCK_MONOTONIC, as the deadlines of the
   timed waits below do. */
static void init_gil_sync(struct _gil_runtime_state *gil)
{
    pthread_mutex_init(&gil->mutex, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&gil->cond, &attr);
    pthread_cond_init(&gil->switch_cond, &attr);
    pthread_condattr_destroy(&attr);
}

/* In a forked child: the parent's waiters are gone and the mutex may have
   been held by a thread that does not exist there. */
void _PyEval_ReinitGILAfterFork(PyInterpreterState *interp)
{
    init_gil_sync(&interp->gil);
    interp->gil.waiters = 0;
}

void _PyEval_InitGIL(PyInterpreterState *interp, int enable)
{
    struct _gil_runtime_state *gil = &interp->gil;
    init_gil_sync(gil);
    gil->locked = 0;
    gil->waiters = 0;
    gil->switch_number = 0;
    gil->last_holder = NULL;
    gil->interval = _Py_DEFAULT_SWITCH_INTERVAL;
    gil->enabled = enable;
    gil->initialized = 1;
}

void _PyEval_FiniGIL(PyInterpreterState *interp)
{
    struct _gil_runtime_state *gil = &interp->gil;
    if (!gil->initialized) {
        return;
    }
    pthread_cond_destroy(&gil->switch_cond);
    pthread_cond_destroy(&gil->cond);
    pthread_mutex_destroy(&gil->mutex);
    gil->initialized = 0;
}

static int gil_enabled(struct _gil_runtime_state *gil)
{
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(&gil->enabled, __ATOMIC_SEQ_CST) != 0;
#else
    (void)gil;
    return 1;
#endif
}

static void deadline_after(struct timespec *ts, unsigned long microseconds)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    long long nsec = ts->tv_nsec + (long long)microseconds * 1000;
    ts->tv_sec += (time_t)(nsec / 1000000000);
    ts->tv_nsec = (long)(nsec % 1000000000);
}

/* Blocks until the calling thread holds the GIL, or until the GIL is
   found disabled (free-threaded build).  Must not be called by a thread
   that holds it. */
int _PyEval_TakeGIL(PyThreadState *tstate)
{
    struct _gil_runtime_state *gil = gil_of(tstate);
    if (!gil_enabled(gil)) {
        return 0;
    }
    pthread_mutex_lock(&gil->mutex);
    gil->waiters++;
    while (gil->locked && gil_enabled(gil)) {
        unsigned long seen = gil->switch_number;
        struct timespec deadline;
        deadline_after(&deadline, __atomic_load_n(&gil->interval, __ATOMIC_RELAXED));
        int rc = pthread_cond_timedwait(&gil->cond, &gil->mutex, &deadline);
        /* A whole interval without a switch: ask the holder to let go. */
        if (rc != 0 && gil->locked && gil->switch_number == seen
                && gil->last_holder != NULL) {
            _PyThreadState_SetEvalBreakerBit(gil->last_holder,
                                             _PY_GIL_DROP_REQUEST_BIT);
        }
    }
    gil->waiters--;
    if (!gil_enabled(gil)) {
        pthread_mutex_unlock(&gil->mutex);
        return 0;
    }
    __atomic_store_n(&gil->locked, 1, __ATOMIC_SEQ_CST);
    gil->last_holder = tstate;
    gil->switch_number++;
    _PyThreadState_IMPL(tstate)->holds_gil = 1;
    /* A request aimed at this thread's previous turn is stale. */
    _PyThreadState_ClearEvalBreakerBit(tstate, _PY_GIL_DROP_REQUEST_BIT);
    pthread_cond_broadcast(&gil->switch_cond);
    pthread_mutex_unlock(&gil->mutex);
    return 1;
}

/* Releases the GIL held by tstate.  When another thread asked for it
   (drop request), waits until some thread has taken it: forced switching. */
void _PyEval_DropGIL(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = _PyThreadState_IMPL(tstate);
    if (!impl->holds_gil) {
        return;
    }
    struct _gil_runtime_state *gil = gil_of(tstate);
    pthread_mutex_lock(&gil->mutex);
    impl->holds_gil = 0;
    __atomic_store_n(&gil->locked, 0, __ATOMIC_SEQ_CST);
    pthread_cond_signal(&gil->cond);
    uintptr_t bits = __atomic_load_n(&tstate->eval_breaker, __ATOMIC_SEQ_CST);
    if (bits & _PY_GIL_DROP_REQUEST_BIT) {
        _PyThreadState_ClearEvalBreakerBit(tstate, _PY_GIL_DROP_REQUEST_BIT);
        while (gil->last_holder == tstate && !gil->locked && gil->waiters > 0
               && gil_enabled(gil)) {
            pthread_cond_wait(&gil->switch_cond, &gil->mutex);
        }
    }
    pthread_mutex_unlock(&gil->mutex);
}

void _PyEval_SetSwitchInterval(unsigned long microseconds)
{
    PyInterpreterState *interp = _PyInterpreterState_Main();
    /* 0 would make every waiter request a drop continuously. */
    if (microseconds == 0) {
        microseconds = 1;
    }
    __atomic_store_n(&interp->gil.interval, microseconds, __ATOMIC_RELAXED);
}

unsigned long _PyEval_GetSwitchInterval(void)
{
    return __atomic_load_n(&_PyInterpreterState_Main()->gil.interval,
                           __ATOMIC_RELAXED);
}

int _PyEval_IsGILEnabled(PyThreadState *tstate)
{
    return gil_enabled(gil_of(tstate));
}

#ifdef Py_GIL_DISABLED

/* With the world stopped, set the GIL's enable count; the requester takes
   or releases the GIL itself so that it leaves consistent with the new
   setting.  Threads blocked in _PyEval_TakeGIL are woken to re-check.
   Returns the previous count. */
static int set_enabled(PyThreadState *tstate, int (*update)(int old))
{
    PyInterpreterState *interp = tstate->interp;
    struct _gil_runtime_state *gil = &interp->gil;
    _PyEval_StopTheWorld(interp);
    int old = __atomic_load_n(&gil->enabled, __ATOMIC_SEQ_CST);
    int now = update(old);
    __atomic_store_n(&gil->enabled, now, __ATOMIC_SEQ_CST);
    if (old == 0 && now != 0) {
        _PyEval_TakeGIL(tstate);
    }
    else if (old != 0 && now == 0) {
        _PyEval_DropGIL(tstate);
        pthread_mutex_lock(&gil->mutex);
        pthread_cond_broadcast(&gil->cond);
        pthread_mutex_unlock(&gil->mutex);
    }
    _PyEval_StartTheWorld(interp);
    return old;
}

static int add_transient(int old)
{
    return old == INT_MAX ? old : old + 1;
}

static int make_permanent(int old)
{
    (void)old;
    return INT_MAX;
}

static int remove_transient(int old)
{
    return (old == INT_MAX || old == 0) ? old : old - 1;
}

static int policy_forced(PyThreadState *tstate)
{
    return tstate->interp->config_enable_gil != _PyConfig_GIL_DEFAULT;
}

int _PyEval_EnableGILTransient(PyThreadState *tstate)
{
    if (policy_forced(tstate)) {
        return 0;
    }
    return set_enabled(tstate, add_transient) == 0;
}

int _PyEval_EnableGILPermanent(PyThreadState *tstate)
{
    if (policy_forced(tstate)) {
        return 0;
    }
    return set_enabled(tstate, make_permanent) == 0;
}

int _PyEval_DisableGIL(PyThreadState *tstate)
{
    if (policy_forced(tstate)) {
        return 0;
    }
    return set_enabled(tstate, remove_transient) == 1;
}

#else /* default build: the GIL cannot be switched */

int _PyEval_EnableGILTransient(PyThreadState *tstate)
{
    (void)tstate;
    return 0;
}

int _PyEval_EnableGILPermanent(PyThreadState *tstate)
{
    (void)tstate;
    return 0;
}

int _PyEval_DisableGIL(PyThreadState *tstate)
{
    (void)tstate;
    return 0;
}

#endif /* Py_GIL_DISABLED */
