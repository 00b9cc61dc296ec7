/* Core-only object helpers: header initialisation and inline tests. */
#ifndef Py_INTERNAL_OBJECT_H
#define Py_INTERNAL_OBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* Give freshly allocated memory its header: one reference, owned by the
   calling thread in the free-threaded build.  Nothing else can see the
   object yet, so plain stores suffice. */
static inline void _PyObject_InitHeader(PyObject *op, PyTypeObject *type) {
#ifdef Py_GIL_DISABLED
    op->ob_tid = _Py_ThreadId();
    op->ob_flags = 0;
    op->ob_mutex = (PyMutex){ 0 };
    op->ob_gc_bits = 0;
    op->ob_ref_local = 1;
    op->ob_ref_shared = 0;
#else
    op->ob_refcnt = 1;
#endif
    op->ob_type = type;
}

static inline void _PyObject_Init(PyObject *op, PyTypeObject *type) {
    _PyObject_InitHeader(op, type);
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_INCREF(type);
    }
}

static inline void _PyObject_InitVar(PyVarObject *op, PyTypeObject *type,
                                     Py_ssize_t size) {
    _PyObject_Init((PyObject *)op, type);
    op->ob_size = size;
}

/* True when op's only reference is the caller's: safe to mutate in place
   without anyone observing it. */
static inline int _PyObject_IsUniquelyReferenced(PyObject *op) {
#ifdef Py_GIL_DISABLED
    return _Py_IsOwnedByCurrentThread(op)
           && __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED) == 1
           && __atomic_load_n(&op->ob_ref_shared, __ATOMIC_RELAXED) == 0;
#else
    return op->ob_refcnt == 1;
#endif
}

/* Lock-free readers (DESIGN.md section 5): take a reference to op only if
   it is not already being destroyed.  Returns 1 on success. */
static inline int _Py_TryIncref(PyObject *op) {
#ifdef Py_GIL_DISABLED
    uint32_t local = __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return 1;
    }
    if (_Py_IsOwnedByCurrentThread(op)) {
        if (local == 0) {
            return 0;
        }
        __atomic_store_n(&op->ob_ref_local, local + 1, __ATOMIC_RELAXED);
        return 1;
    }
    Py_ssize_t shared = __atomic_load_n(&op->ob_ref_shared, __ATOMIC_RELAXED);
    for (;;) {
        /* A merged object with a zero count is dead or dying. */
        if (shared == 0 && local == 0) {
            return 0;
        }
        if (shared == _Py_REF_MERGED) {
            return 0;
        }
        if (__atomic_compare_exchange_n(&op->ob_ref_shared, &shared,
                                        shared + (1 << _Py_REF_SHARED_SHIFT), 0,
                                        __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
            return 1;
        }
    }
#else
    if (op->ob_refcnt == 0) {
        return 0;
    }
    Py_INCREF(op);
    return 1;
#endif
}

/* Drop a reference known not to be the last one. */
static inline void _Py_DECREF_NO_DEALLOC(PyObject *op) {
#ifdef Py_GIL_DISABLED
    Py_DECREF(op);
#else
    if (!_Py_IsImmortal(op)) {
        op->ob_refcnt--;
    }
#endif
}

void _PyTypes_InitStatic(void);

#endif /* Py_INTERNAL_OBJECT_H */
