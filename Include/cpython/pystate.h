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
};

#define Py_C_RECURSION_LIMIT 8000

PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *where);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);

#endif /* Py_CPYTHON_PYSTATE_H */
