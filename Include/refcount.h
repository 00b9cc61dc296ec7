/* Reference counting: Py_INCREF, Py_DECREF and friends, for both object
   headers.  The rules are written out in Doc/internals/refcounting.md.

   Default build: a plain count in ob_refcnt; an object whose count is at or
   above _Py_IMMORTAL_MINIMUM_REFCNT is immortal and never written.

   Free-threaded build (biased reference counting): the owning thread
   (ob_tid) updates ob_ref_local without atomics; every other thread adds
   to ob_ref_shared atomically, in units of 1 << _Py_REF_SHARED_SHIFT.  The
   low two bits of ob_ref_shared say whether the counts have been merged or
   the object queued to its owner for merging.  ob_ref_local == UINT32_MAX
   marks an immortal object. */
#ifndef Py_REFCOUNT_H
#define Py_REFCOUNT_H

#define _Py_IMMORTAL_INITIAL_REFCNT ((Py_ssize_t)(3ULL << 30))
#define _Py_IMMORTAL_MINIMUM_REFCNT ((Py_ssize_t)(1ULL << 31))
#define _Py_IMMORTAL_REFCNT_LOCAL UINT32_MAX
#define _Py_REF_SHARED_SHIFT 2
#define _Py_REF_SHARED_FLAG_MASK 0x3
/* ob_ref_shared state bits. */
#define _Py_REF_SHARED_INIT 0x0
#define _Py_REF_MAYBE_WEAKREF 0x1
#define _Py_REF_QUEUED 0x2
#define _Py_REF_MERGED 0x3
#define _Py_REF_SHARED(refcnt, flags) \
    (((refcnt) << _Py_REF_SHARED_SHIFT) + (flags))

PyAPI_FUNC(void) _Py_Dealloc(PyObject *);
/* Debug builds: a count went below zero; reports op and aborts. */
PyAPI_FUNC(_Py_NO_RETURN void) _Py_NegativeRefcount(PyObject *op);
PyAPI_FUNC(void) Py_IncRef(PyObject *);
PyAPI_FUNC(void) Py_DecRef(PyObject *);
/* The same, under the names CPython's Limited API headers call
   (Objects/moduleslots.c). */
PyAPI_FUNC(void) _Py_IncRef(PyObject *);
PyAPI_FUNC(void) _Py_DecRef(PyObject *);
PyAPI_FUNC(Py_ssize_t) Py_REFCNT(PyObject *ob);
PyAPI_FUNC(int) _Py_IsImmortal_Export(PyObject *ob);
#define Py_REFCNT(ob) Py_REFCNT(_PyObject_CAST(ob))

#if defined(Py_TARGET_ABI3T)

/* abi3t: the layout is hidden, so every count change is a call. */
static inline void Py_INCREF(PyObject *op) { Py_IncRef(op); }
static inline void Py_DECREF(PyObject *op) { Py_DecRef(op); }

#else /* the header is visible */

#ifdef Py_GIL_DISABLED
/* The caller's thread id: the thread-pointer register, unique per live
   thread and readable without a call. */
static inline uintptr_t _Py_ThreadId(void) {
    uintptr_t tid;
#if defined(__x86_64__)
    __asm__("movq %%fs:0, %0" : "=r"(tid));
#elif defined(__aarch64__)
    __asm__("mrs %0, tpidr_el0" : "=r"(tid));
#else
    static __thread char marker;
    tid = (uintptr_t)&marker;
#endif
    return tid;
}

/* Relaxed atomic: a merge clears ob_tid while other threads may ask. */
static inline int _Py_IsOwnedByCurrentThread(PyObject *ob) {
    return __atomic_load_n(&ob->ob_tid, __ATOMIC_RELAXED) == _Py_ThreadId();
}

static inline int _Py_IsImmortal(PyObject *op) {
    return __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED)
           == _Py_IMMORTAL_REFCNT_LOCAL;
}

/* Slow paths, Objects/refcount.c. */
PyAPI_FUNC(void) _Py_MergeZeroLocalRefcount(PyObject *);
PyAPI_FUNC(void) _Py_DecRefShared(PyObject *);

/* Inside the core the two fast paths are always inlined: the evaluator
   is large enough that GCC's inliner runs out of budget in it and calls
   an outlined copy from its hot paths.  Measured with callgrind: 7-13%
   of the instructions of six benchmarks (Doc/internals/refcounting.md). */
#ifdef Py_BUILD_CORE
#  define _Py_REFCNT_INLINE Py_ALWAYS_INLINE
#else
#  define _Py_REFCNT_INLINE
#endif

/* The owner's local count of op just reached zero.  In the core
   (Py_BUILD_CORE without the limited API) _Py_DecRefZeroLocal, defined in
   object.h once PyTypeObject is complete, calls the type's dealloc
   itself when no other thread ever held a reference; elsewhere the
   out-of-line _Py_MergeZeroLocalRefcount decides. */
#if defined(Py_BUILD_CORE) && !defined(Py_LIMITED_API)
static inline Py_ALWAYS_INLINE void _Py_DecRefZeroLocal(PyObject *op);
#  define _Py_DECREF_ZERO_LOCAL(op) _Py_DecRefZeroLocal(op)
#else
#  define _Py_DECREF_ZERO_LOCAL(op) _Py_MergeZeroLocalRefcount(op)
#endif

static inline _Py_REFCNT_INLINE void Py_INCREF(PyObject *op) {
    uint32_t local = __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED);
    uint32_t new_local = local + 1;
    if (new_local == 0) {
        return;  /* immortal: UINT32_MAX wrapped */
    }
    if (_Py_IsOwnedByCurrentThread(op)) {
        __atomic_store_n(&op->ob_ref_local, new_local, __ATOMIC_RELAXED);
    }
    else {
        __atomic_fetch_add(&op->ob_ref_shared,
                           (Py_ssize_t)1 << _Py_REF_SHARED_SHIFT,
                           __ATOMIC_RELAXED);
    }
}

static inline _Py_REFCNT_INLINE void Py_DECREF(PyObject *op) {
    uint32_t local = __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return;
    }
    if (_Py_IsOwnedByCurrentThread(op)) {
#ifdef Py_DEBUG
        if (local == 0) {
            _Py_NegativeRefcount(op);
        }
#endif
        local--;
        __atomic_store_n(&op->ob_ref_local, local, __ATOMIC_RELAXED);
        if (local == 0) {
            _Py_DECREF_ZERO_LOCAL(op);
        }
    }
    else {
        _Py_DecRefShared(op);
    }
}

static inline void _Py_SetImmortal(PyObject *op) {
    op->ob_tid = 0;
    op->ob_ref_local = _Py_IMMORTAL_REFCNT_LOCAL;
    op->ob_ref_shared = 0;
}

#else /* default build */

static inline int _Py_IsImmortal(PyObject *op) {
    return op->ob_refcnt >= _Py_IMMORTAL_MINIMUM_REFCNT;
}

static inline void Py_INCREF(PyObject *op) {
    if (_Py_IsImmortal(op)) {
        return;
    }
    op->ob_refcnt++;
}

static inline void Py_DECREF(PyObject *op) {
    if (_Py_IsImmortal(op)) {
        return;
    }
    if (--op->ob_refcnt == 0) {
        _Py_Dealloc(op);
    }
#ifdef Py_DEBUG
    else if (op->ob_refcnt < 0) {
        _Py_NegativeRefcount(op);
    }
#endif
}

static inline void _Py_SetImmortal(PyObject *op) {
    op->ob_refcnt = _Py_IMMORTAL_INITIAL_REFCNT;
}

#endif /* Py_GIL_DISABLED */

#define _Py_IsImmortal(op) _Py_IsImmortal(_PyObject_CAST(op))

#endif /* Py_TARGET_ABI3T */

#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))

/* The wrappers below are forced inline where the fast paths are (the
   free-threaded core): GCC otherwise kept out-of-line copies of Py_NewRef
   and of Py_XDECREF's non-NULL part there, called from the evaluator and
   from list stores (ftcost, session 9: 2-5 M instructions of a 0.05
   deltablue or nbody run). */
#if defined(Py_GIL_DISABLED) && defined(Py_BUILD_CORE) \
    && !defined(Py_TARGET_ABI3T)
#  define _Py_REFCNT_WRAPPER Py_ALWAYS_INLINE
#else
#  define _Py_REFCNT_WRAPPER
#endif

static inline _Py_REFCNT_WRAPPER void Py_XINCREF(PyObject *op) {
    if (op != NULL) {
        Py_INCREF(op);
    }
}
#define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))

static inline _Py_REFCNT_WRAPPER void Py_XDECREF(PyObject *op) {
    if (op != NULL) {
        Py_DECREF(op);
    }
}
#define Py_XDECREF(op) Py_XDECREF(_PyObject_CAST(op))

static inline _Py_REFCNT_WRAPPER PyObject *Py_NewRef(PyObject *obj) {
    Py_INCREF(obj);
    return obj;
}
static inline _Py_REFCNT_WRAPPER PyObject *Py_XNewRef(PyObject *obj) {
    Py_XINCREF(obj);
    return obj;
}
#define Py_NewRef(obj) Py_NewRef(_PyObject_CAST(obj))
#define Py_XNewRef(obj) Py_XNewRef(_PyObject_CAST(obj))

/* Clear *op before dropping the reference, so a destructor that reaches
   the same variable sees NULL. */
#define Py_CLEAR(op)                                    \
    do {                                                \
        PyObject **_py_clear_ptr = (PyObject **)&(op);  \
        PyObject *_py_clear_tmp = *_py_clear_ptr;       \
        if (_py_clear_tmp != NULL) {                    \
            *_py_clear_ptr = NULL;                      \
            Py_DECREF(_py_clear_tmp);                   \
        }                                               \
    } while (0)

/* Replace the reference before dropping the old one, for the same reason. */
#define Py_SETREF(dst, src)                             \
    do {                                                \
        PyObject **_py_tmp_ptr = (PyObject **)&(dst);   \
        PyObject *_py_tmp_old = *_py_tmp_ptr;           \
        *_py_tmp_ptr = _PyObject_CAST(src);             \
        Py_DECREF(_py_tmp_old);                         \
    } while (0)

#define Py_XSETREF(dst, src)                            \
    do {                                                \
        PyObject **_py_tmp_ptr = (PyObject **)&(dst);   \
        PyObject *_py_tmp_old = *_py_tmp_ptr;           \
        *_py_tmp_ptr = _PyObject_CAST(src);             \
        Py_XDECREF(_py_tmp_old);                        \
    } while (0)

/* capi (session 6): Py_SET_REFCNT, a call in every target
   (Objects/object_unstable.c). */
PyAPI_FUNC(void) _Py_SetRefcnt(PyObject *ob, Py_ssize_t refcnt);
#define Py_SET_REFCNT(ob, refcnt) _Py_SetRefcnt(_PyObject_CAST(ob), (refcnt))

#endif /* Py_REFCOUNT_H */
