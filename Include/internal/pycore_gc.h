/* Core-only view of the cycle collector's per-object state.

   Default build: every GC object is preceded by a PyGC_Head linking it
   into the list of tracked objects.  Free-threaded build: no prefix; the
   tracked bit lives in ob_gc_bits and the collector walks mimalloc's heaps
   with the world stopped (DESIGN.md section 8). */
#ifndef Py_INTERNAL_GC_H
#define Py_INTERNAL_GC_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#define _PyGC_BITS_TRACKED (1 << 0)
#define _PyGC_BITS_FINALIZED (1 << 1)

#ifndef Py_GIL_DISABLED
typedef struct _PyGC_Head {
    struct _PyGC_Head *gc_next;
    struct _PyGC_Head *gc_prev;     /* low bit: finalized (PEP 442) */
} PyGC_Head;

#define _Py_AS_GC(op) ((PyGC_Head *)(op) - 1)
#define _Py_FROM_GC(gc) ((PyObject *)((PyGC_Head *)(gc) + 1))
#define _PyGC_PREV_MASK_FINALIZED ((uintptr_t)1)
#endif

/* Bytes in front of every GC object. */
static inline size_t _PyGC_PreHeaderSize(void) {
#ifdef Py_GIL_DISABLED
    return 0;
#else
    return sizeof(PyGC_Head);
#endif
}

static inline int _PyObject_GC_IS_TRACKED(PyObject *op) {
#ifdef Py_GIL_DISABLED
    return (op->ob_gc_bits & _PyGC_BITS_TRACKED) != 0;
#else
    return _Py_AS_GC(op)->gc_next != NULL;
#endif
}

/* Memory for a GC object of `size` bytes (the pre-header is added and
   zeroed; the object's own bytes are not initialised).  Sets MemoryError
   and returns NULL on failure.  Free with PyObject_GC_Del.  Every GC
   object, including those made by PyType_GenericAlloc, comes from here. */
PyObject *_PyObject_GC_Malloc(size_t size);

#endif /* Py_INTERNAL_GC_H */
