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
   it is not already being destroyed.  Returns 1 on success.

   A non-owner may only add to a shared count that is already non-zero and
   not merged-to-zero: while the shared count is zero the owner drops its
   last local reference with a plain store and frees the object at once,
   so an increment racing with that would resurrect freed memory.  Objects
   that lock-free readers are meant to find are therefore marked first
   (_PyObject_SetMaybeWeakref), which forces their final merge through a
   compare-and-swap that this increment can win or lose cleanly.

   Always inlined (ftcost, session 9): GCC kept one out-of-line copy,
   called from the evaluator's attribute, list and dict reads (3-4 M
   instructions of a 0.05 richards or deltablue run in call overhead).
   The shared count's compare-and-swap loop stays inline too: as a call
   it made list_get_item_ref save four more registers on every read. */
#ifdef Py_GIL_DISABLED
/* _Py_TryIncref with op's local count already loaded (relaxed) by the
   caller, for readers that test for immortality first (an immortal value
   needs no re-check either): the compiler then tests it once. */
static inline Py_ALWAYS_INLINE int
_Py_TryIncrefLoaded(PyObject *op, uint32_t local) {
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
        if (shared == 0 || shared == _Py_REF_MERGED) {
            return 0;
        }
        if (__atomic_compare_exchange_n(&op->ob_ref_shared, &shared,
                                        shared + (1 << _Py_REF_SHARED_SHIFT), 0,
                                        __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
            return 1;
        }
    }
}
/* For a lock-free reader that loaded op from a shared slot, with op's
   local count `local` loaded (relaxed): 1 when op needs no re-check of the
   slot, with the reference taken; 0 (nothing taken) when the caller must
   use _Py_TryIncrefLoaded and re-check the slot.  No re-check is needed
   when op, which was the slot's value at the load,
   - is immortal: never freed, and it needs no reference;
   - is owned by this thread with a nonzero local count: only the owner
     changes that count, and op is freed only after this thread drops
     its last local reference or merges op (other threads' releases go
     to the shared count or queue op to its owner), which it does not
     do here; the owner's plain increment takes the reference.  Memory of
     an op freed meanwhile and reused by another thread is not owned by
     this one; the caller must allocate nothing, and pass no quiescent
     point, between the load of op and this test.
   Shared by the attribute, cache and list readers (ftattr, session 12;
   ftcore, session 13). */
static inline Py_ALWAYS_INLINE int
_Py_IncrefUnraced(PyObject *op, uint32_t local) {
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return 1;
    }
    if (local != 0 && _Py_IsOwnedByCurrentThread(op)) {
        __atomic_store_n(&op->ob_ref_local, local + 1, __ATOMIC_RELAXED);
        return 1;
    }
    return 0;
}
#endif

static inline Py_ALWAYS_INLINE int _Py_TryIncref(PyObject *op) {
#ifdef Py_GIL_DISABLED
    return _Py_TryIncrefLoaded(
        op, __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED));
#else
    if (op->ob_refcnt == 0) {
        return 0;
    }
    Py_INCREF(op);
    return 1;
#endif
}

/* Mark op as reachable without a counted reference (through a weak
   reference, or by a lock-free reader of a shared container), so that
   _Py_TryIncref may succeed on it and its final merge is a
   compare-and-swap.  Any thread may call it: the flag is set atomically
   and only while no state bit is set yet. */
static inline void _PyObject_SetMaybeWeakref(PyObject *op) {
#ifdef Py_GIL_DISABLED
    if (_Py_IsImmortal(op)) {
        return;
    }
    Py_ssize_t shared = __atomic_load_n(&op->ob_ref_shared, __ATOMIC_RELAXED);
    while ((shared & _Py_REF_SHARED_FLAG_MASK) == 0) {
        if (__atomic_compare_exchange_n(&op->ob_ref_shared, &shared,
                                        shared | _Py_REF_MAYBE_WEAKREF, 0,
                                        __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
            return;
        }
    }
#else
    (void)op;
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

/* Deferred reference counting (DESIGN.md section 4), free-threaded build.
   Functions defined outside any function, their code, heap types and
   modules are touched by every thread that calls or instantiates them.
   Such objects are flagged when created; when the interpreter starts its
   first extra thread, every flagged object alive then is made immortal
   with the world stopped (Objects/refcount.c), so threads sharing them
   no longer contend on their counts.  This is the interim form of
   deferred counting; the flag is also what a stack-reference
   implementation will key on.  Set by the creating thread before the
   object is published. */
#define _Py_OBFLAG_DEFERRED_REFCOUNT (1 << 0)

static inline void _PyObject_SetDeferredRefcount(PyObject *op) {
#ifdef Py_GIL_DISABLED
    op->ob_flags |= _Py_OBFLAG_DEFERRED_REFCOUNT;
#else
    (void)op;
#endif
}

/* Called before the interpreter's first extra thread starts (and by
   nothing else); idempotent.  No-op in the default build. */
PyAPI_FUNC(void) _Py_ImmortalizeDeferredObjects(void);

void _PyTypes_InitStatic(void);

/* The __dict__ setter of classes' instances (Objects/object.c): like
   PyObject_GenericSetDict, but value NULL (`del obj.__dict__`) empties
   the slot, as CPython allows; the next access makes a new dict. */
int _PyObject_SetInstanceDict(PyObject *obj, PyObject *value);

#endif /* Py_INTERNAL_OBJECT_H */
