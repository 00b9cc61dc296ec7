/* Core-only reference-count machinery (Objects/refcount.c). */
#ifndef Py_INTERNAL_REFCOUNT_H
#define Py_INTERNAL_REFCOUNT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#ifdef Py_GIL_DISABLED
PyAPI_FUNC(void) _Py_ExplicitMergeRefcount(PyObject *op, Py_ssize_t extra);
PyAPI_FUNC(void) _Py_brc_queue_object(PyObject *op);
PyAPI_FUNC(void) _Py_brc_merge_queued(uintptr_t owner);
/* Python/pystate.c: is `tid` the _Py_ThreadId() of a live thread state?
   and ask that thread to drain its merge queue at its next check. */
int _PyThreadState_IsLiveThreadId(uintptr_t tid);
void _PyThreadState_SignalMerge(uintptr_t tid);
#endif

#endif /* Py_INTERNAL_REFCOUNT_H */
