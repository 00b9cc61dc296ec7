/* Thread state layout (full API).  Fields other threads may read are
   marked; everything else is touched only by the owning thread. */
#ifndef Py_CPYTHON_PYSTATE_H
#define Py_CPYTHON_PYSTATE_H

/* _ts.state: a thread touches Python objects only while ATTACHED. */
#define _Py_THREAD_DETACHED 0
#define _Py_THREAD_ATTACHED 1
#define _Py_THREAD_SUSPENDED 2

struct _frame;                      /* PyFrameObject, for Py_tracefunc */

struct _ts {
    struct _ts *prev;               /* interpreter list, under its mutex */
    struct _ts *next;
    PyInterpreterState *interp;
    int state;                      /* atomic: read by stop-the-world */
    uintptr_t eval_breaker;         /* atomic: set by other threads */
    unsigned long thread_id;        /* pthread_self() */
    unsigned long native_thread_id; /* gettid() */
    uint64_t id;
    uintptr_t fast_thread_id;       /* _Py_ThreadId() of the owner */

    PyObject *current_exception;    /* the exception being raised, owned */
    PyObject *exc_info_value;       /* the exception being handled, owned */

    int py_recursion_remaining;
    int py_recursion_limit;
    int c_recursion_remaining;
    int recursion_headroom;         /* handling RecursionError itself */

    uintptr_t critical_section;     /* top of the critical-section stack */

    PyObject *dict;                 /* PyThreadState_GetDict(), owned */
    /* sys.set_asyncgen_hooks, owned; this thread's only. */
    PyObject *async_gen_firstiter;
    PyObject *async_gen_finalizer;
    /* sys.set_coroutine_origin_tracking_depth; this thread's only. */
    int coroutine_origin_tracking_depth;
    int trash_delete_nesting;
    PyObject *trash_delete_later;

    /* The VM (Include/internal/pycore_frame.h), owner thread only: the
       executing frame and the per-thread data stack its frames live in.
       Zero-initialised; the first call allocates the first chunk. */
    struct _PyInterpreterFrame *current_frame;
    struct _PyStackChunk *datastack_chunk;
    PyObject **datastack_top;
    PyObject **datastack_limit;

    /* Tracing and profiling (Python/legacy_tracing.c): written by the
       owner thread, or by PyEval_SetTraceAllThreads with the world
       stopped; read by the owner thread only. */
    int (*c_profilefunc)(PyObject *, struct _frame *, int, PyObject *);
    int (*c_tracefunc)(PyObject *, struct _frame *, int, PyObject *);
    PyObject *c_profileobj;         /* strong */
    PyObject *c_traceobj;           /* strong */
    int tracing;                    /* >0 while an event callback runs */
    int what_event;                 /* monitoring event being delivered, or -1 */
    PyObject *_trace_line_cache;    /* owner only: code -> line table */

    /* contextvars (Python/context.c): the current Context, owned, NULL
       until first used; context_ver changes whenever it or its variables
       change.  Private to the owning thread: no lock needed. */
    PyObject *context;
    uint64_t context_ver;
};

/* Trace and profile functions (Python/legacy_tracing.c). */
typedef int (*Py_tracefunc)(PyObject *, struct _frame *, int, PyObject *);

#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7

PyAPI_FUNC(void) PyEval_SetProfile(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetProfileAllThreads(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetTrace(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetTraceAllThreads(Py_tracefunc func, PyObject *obj);
/* capi (session 6): no trace/profile callback runs in tstate (the calling
   thread's own) between these two calls; they nest. */
PyAPI_FUNC(void) PyThreadState_EnterTracing(PyThreadState *tstate);
PyAPI_FUNC(void) PyThreadState_LeaveTracing(PyThreadState *tstate);

/* Under AddressSanitizer every C frame is several times larger, so the
   same depth of C recursion needs a lower limit to stay on the stack. */
#if defined(__SANITIZE_ADDRESS__)
#  define Py_C_RECURSION_LIMIT 3000
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    define Py_C_RECURSION_LIMIT 3000
#  else
#    define Py_C_RECURSION_LIMIT 8000
#  endif
#else
#  define Py_C_RECURSION_LIMIT 8000
#endif

PyAPI_FUNC(void) PyThreadState_DeleteCurrent(void);

/* Iteration over interpreters and their thread states (Weft has one
   interpreter). */
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Head(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Main(void);   /* capi */
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Next(PyInterpreterState *);
PyAPI_FUNC(PyThreadState *) PyInterpreterState_ThreadHead(PyInterpreterState *);
PyAPI_FUNC(PyThreadState *) PyThreadState_Next(PyThreadState *);

PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *where);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);

#endif /* Py_CPYTHON_PYSTATE_H */
