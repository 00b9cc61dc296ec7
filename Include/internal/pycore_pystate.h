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

PyInterpreterState *_PyInterpreterState_Main(void);
PyThreadState *_PyThreadState_New(PyInterpreterState *interp);
void _PyThreadState_Bind(PyThreadState *tstate);
void _PyThreadState_Delete(PyThreadState *tstate);
void _PyInterpreterState_Init(PyInterpreterState *interp);

#endif /* Py_INTERNAL_PYSTATE_H */
