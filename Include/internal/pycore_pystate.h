/* Core-only access to the runtime, interpreter and thread states. */
#ifndef Py_INTERNAL_PYSTATE_H
#define Py_INTERNAL_PYSTATE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The interpreter.  Fields are written during start-up and finalization
   (single-threaded) unless a comment names the lock that protects them. */
struct _is {
    PyMutex threads_mutex;          /* protects threads_head */
    PyThreadState *threads_head;
    PyObject *modules;              /* sys.modules */
    PyObject *sysdict;
    PyObject *builtins;
    PyObject *dict;                 /* PyInterpreterState_GetDict() */
    int64_t id;
    int finalizing;
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

PyInterpreterState *_PyInterpreterState_Main(void);
PyThreadState *_PyThreadState_New(PyInterpreterState *interp);
void _PyThreadState_Bind(PyThreadState *tstate);
void _PyThreadState_Delete(PyThreadState *tstate);
void _PyInterpreterState_Init(PyInterpreterState *interp);

#endif /* Py_INTERNAL_PYSTATE_H */
