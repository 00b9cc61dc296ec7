/* Thread state layout (full API).  Fields other threads may read are
   marked; everything else is touched only by the owning thread. */
#ifndef Py_CPYTHON_PYSTATE_H
#define Py_CPYTHON_PYSTATE_H

/* _ts.state: a thread touches Python objects only while ATTACHED. */
#define _Py_THREAD_DETACHED 0
#define _Py_THREAD_ATTACHED 1
#define _Py_THREAD_SUSPENDED 2

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
    int trash_delete_nesting;
    PyObject *trash_delete_later;

    /* The VM (Include/internal/pycore_frame.h), owner thread only: the
       executing frame and the per-thread data stack its frames live in.
       Zero-initialised; the first call allocates the first chunk. */
    struct _PyInterpreterFrame *current_frame;
    struct _PyStackChunk *datastack_chunk;
    PyObject **datastack_top;
    PyObject **datastack_limit;
};

#define Py_C_RECURSION_LIMIT 8000

PyAPI_FUNC(void) PyThreadState_DeleteCurrent(void);

/* Iteration over interpreters and their thread states (Weft has one
   interpreter). */
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Head(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Next(PyInterpreterState *);
PyAPI_FUNC(PyThreadState *) PyInterpreterState_ThreadHead(PyInterpreterState *);
PyAPI_FUNC(PyThreadState *) PyThreadState_Next(PyThreadState *);

PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *where);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);

#endif /* Py_CPYTHON_PYSTATE_H */
