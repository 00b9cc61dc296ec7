/* Core-only access to the runtime, interpreter and thread states. */
#ifndef Py_INTERNAL_PYSTATE_H
#define Py_INTERNAL_PYSTATE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_gil.h"
#include "pycore_qsbr.h"

/* Stop-the-world bookkeeping (Python/pystate.c).  `mutex` serialises
   requesters and is held from _PyEval_StopTheWorld to
   _PyEval_StartTheWorld. */
struct _stoptheworld_state {
    PyMutex mutex;
    int requested;                  /* atomic (seq_cst): a stop is in progress */
    int world_stopped;              /* requester only */
    int countdown;                  /* atomic: threads still to suspend themselves */
    PyThreadState *requester;
};

/* The interpreter.  Fields are written during start-up and finalization
   (single-threaded) unless a comment names the lock that protects them. */
struct _is {
    PyMutex threads_mutex;          /* protects threads_head and the list links */
    PyThreadState *threads_head;
    struct _gil_runtime_state gil;
    struct _stoptheworld_state stw;
    struct _qsbr_shared qsbr;
    int config_enable_gil;          /* _PyConfig_GIL_DEFAULT / DISABLE / ENABLE */
    PyObject *modules;              /* sys.modules */
    PyObject *sysdict;
    PyObject *builtins;
    PyObject *dict;                 /* PyInterpreterState_GetDict() */
    int64_t id;
    int finalizing;
    /* The thread running Py_FinalizeEx (atomic); any other thread that
       tries to attach after it was set blocks for good (daemon threads
       never run Python again). */
    PyThreadState *finalizing_tstate;
};

/* The attached thread's state; NULL when none is attached. */
extern __thread PyThreadState *_Py_tss_tstate;

static inline PyThreadState *_PyThreadState_GET(void) {
    return _Py_tss_tstate;
}

static inline PyInterpreterState *_PyInterpreterState_GET(void) {
    return _Py_tss_tstate->interp;
}

/* PyThreadState.eval_breaker bits: requests another thread makes of this
   one, acted on at its next eval-breaker check (DESIGN.md section 6). */
#define _PY_SIGNALS_PENDING_BIT (1 << 0)
#define _PY_GIL_DROP_REQUEST_BIT (1 << 1)
#define _PY_EVAL_PLEASE_STOP_BIT (1 << 2)
#define _PY_EVAL_EXPLICIT_MERGE_BIT (1 << 3)
#define _PY_ASYNC_EXCEPTION_BIT (1 << 4)
#define _PY_GC_SCHEDULED_BIT (1 << 5)
/* A delayed free waits for this thread to pass a quiescent point. */
#define _PY_EVAL_QSBR_REQUEST_BIT (1 << 6)
/* Tracing, profiling or sys.monitoring is on for this thread: stays set
   while it is, so every check re-selects the instrumented dispatch
   (Python/legacy_tracing.c, Doc/internals/tracing.md). */
#define _PY_EVAL_INSTRUMENTED_BIT (1 << 7)

/* Core-only per-thread state, allocated around the public PyThreadState
   (whose layout the VM may extend at its end). */
typedef struct {
    PyThreadState base;
    struct _qsbr_thread_state qsbr;
    int holds_gil;                  /* owner only */
    int gilstate_counter;           /* PyGILState_Ensure nesting, owner only */
    int bound;                      /* thread ids set by _PyThreadState_Bind */
    PyObject *async_exc;            /* atomic exchange: PyThreadState_SetAsyncExc */
#ifdef Py_GIL_DISABLED
    /* Objects other threads queued for a reference-count merge
       (Objects/refcount.c).  Pushers hold interp->threads_mutex and then
       brc_mutex, so nothing is pushed once the state left the list. */
    /* Set when the VM stores a QSBR-borrowed local (pycore_stackref.h),
       cleared by _PyFrame_PromoteQsbrLocals: owner only. */
    int qsbr_locals;
    PyMutex brc_mutex;
    PyObject **brc_objects;         /* under brc_mutex */
    Py_ssize_t brc_size;
    Py_ssize_t brc_capacity;
    /* Sampled specialization counters (Include/internal/pycore_specialize.h):
       owner only. */
    struct _py_spec_sampler {
        int32_t budget;             /* sampled ticks before the next write */
        uint32_t interval;          /* the ticks the current budget stands for */
        uint32_t seed;              /* xorshift state drawing intervals */
    } spec_sampler;
#endif
} _PyThreadStateImpl;

#define _PyThreadState_IMPL(tstate) ((_PyThreadStateImpl *)(tstate))

static inline void _PyThreadState_SetEvalBreakerBit(PyThreadState *tstate, uintptr_t bit) {
    __atomic_fetch_or(&tstate->eval_breaker, bit, __ATOMIC_SEQ_CST);
}

static inline void _PyThreadState_ClearEvalBreakerBit(PyThreadState *tstate, uintptr_t bit) {
    __atomic_fetch_and(&tstate->eval_breaker, ~bit, __ATOMIC_SEQ_CST);
}

/* The caller's thread identity as stored in ob_tid (free-threaded) or
   for diagnostics (default build). */
static inline uintptr_t _PyThread_FastId(void) {
#ifdef Py_GIL_DISABLED
    return _Py_ThreadId();
#else
    static __thread char marker;
    return (uintptr_t)&marker;
#endif
}

/* Stop-the-world (DESIGN.md section 6): on return every other thread of
   the interpreter is detached or suspended and cannot attach until
   _PyEval_StartTheWorld.  The caller must be attached.  In the default
   build holding the GIL is enough and these only mark the state. */
PyAPI_FUNC(void) _PyEval_StopTheWorld(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyEval_StartTheWorld(PyInterpreterState *interp);

/* The eval breaker's slow path: the VM calls it when
   tstate->eval_breaker is non-zero (on backward jumps and function entry);
   it serves GIL drop requests, stop-the-world requests, reference-count
   merges, scheduled collections and (main thread) signals.  Returns 0, or
   -1 with an exception set (e.g. KeyboardInterrupt). */
PyAPI_FUNC(int) _Py_HandlePending(PyThreadState *tstate);

/* Attach: make tstate the calling thread's current state and let it touch
   objects.  Waits while a stop-the-world is in progress, takes the GIL
   when it is enabled, re-acquires the innermost suspended critical
   section.  Detach: the reverse; the thread must not touch objects until
   it attaches again.  Every blocking call is wrapped in a detach/attach
   pair (Py_BEGIN_ALLOW_THREADS). */
PyAPI_FUNC(void) _PyThreadState_Attach(PyThreadState *tstate);
PyAPI_FUNC(void) _PyThreadState_Detach(PyThreadState *tstate);
/* Attach after taking `held` while detached: a thread that may not run
   again (a daemon thread during finalization) releases `held` before it
   parks for good, so nobody waits for it on that mutex. */
PyAPI_FUNC(void) _PyThreadState_AttachHolding(PyThreadState *tstate, PyMutex *held);
/* The same without resuming critical sections (the critical-section slow
   path re-acquires them itself). */
void _PyThreadState_AttachKeepSections(PyThreadState *tstate, PyMutex *held);
/* PyMutex_Lock for a mutex that may be held across a detach (a lock kept
   while blocking, e.g. an import lock): if it is taken, wait detached so
   that a stop-the-world or a GIL hand-off never waits for this thread,
   which would deadlock against a holder that cannot re-attach.  The
   caller's critical sections are suspended meanwhile and the innermost is
   re-acquired after. */
PyAPI_FUNC(void) _PyMutex_LockDetached(PyMutex *m);
/* Detach into the SUSPENDED state to honour a stop-the-world request. */
void _PyThreadState_Suspend(PyThreadState *tstate);

/* The signal module registers the main thread's handler for the
   _PY_SIGNALS_PENDING_BIT; it returns 0, or -1 with an exception set. */
PyAPI_FUNC(void) _PyEval_SetSignalHandler(int (*handler)(PyThreadState *));
/* Ask the main thread to run the signal handler at its next check. */
PyAPI_FUNC(void) _PyEval_SignalReceived(void);

PyInterpreterState *_PyInterpreterState_Main(void);
PyThreadState *_PyThreadState_New(PyInterpreterState *interp);
/* Make tstate belong to the calling OS thread (ids, ob_tid ownership,
   the PyGILState thread state if the thread had none).  Does not attach. */
void _PyThreadState_Bind(PyThreadState *tstate);
void _PyThreadState_Delete(PyThreadState *tstate);
/* Clear first; detaches and frees the calling thread's state. */
void _PyThreadState_DeleteCurrent(PyThreadState *tstate);
void _PyInterpreterState_Init(PyInterpreterState *interp);
void _PyInterpreterState_Fini(PyInterpreterState *interp);
/* Start-up: read PYTHON_GIL / -X gil into interp->config_enable_gil;
   exits with a fatal error on an invalid value. */
void _PyConfig_ReadGIL(PyInterpreterState *interp);

#endif /* Py_INTERNAL_PYSTATE_H */
