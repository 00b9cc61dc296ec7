/* Core-only reference-count machinery (Objects/refcount.c). */
#ifndef Py_INTERNAL_REFCOUNT_H
#define Py_INTERNAL_REFCOUNT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#ifdef Py_GIL_DISABLED
PyAPI_FUNC(void) _Py_ExplicitMergeRefcount(PyObject *op, Py_ssize_t extra);
PyAPI_FUNC(void) _Py_brc_queue_object(PyObject *op);
/* Merge every object other threads queued to `tstate` (its owner calls
   this at eval-breaker checks and when the thread state is cleared), or
   to the calling thread whose _Py_ThreadId() is `owner`. */
PyAPI_FUNC(void) _Py_brc_merge_tstate(PyThreadState *tstate);
PyAPI_FUNC(void) _Py_brc_merge_queued(uintptr_t owner);
/* Merge what was queued to every thread of `interp` (collections do, so
   objects whose owner is blocked can die); stops the world if needed. */
PyAPI_FUNC(void) _Py_brc_merge_all_queued(PyInterpreterState *interp);
/* The object whose counts were merged and which the calling thread is
   deallocating, if any: its memory goes to QSBR, not straight back to
   the allocator (see Objects/refcount.c).  Thread-local. */
extern __thread PyObject *_Py_merged_object_being_freed;

static inline int _PyObject_FreeIsDelayed(PyObject *op) {
    return op == _Py_merged_object_being_freed;
}
#endif

#endif /* Py_INTERNAL_REFCOUNT_H */
