/* Key-sharing instance attributes (PEP 412 style), Objects/dictkeys_shared.c.

   A class made by a class statement whose instances get their __dict__
   slot from the class machinery (tp_dictoffset > 0, added by type_new
   itself, not by a built-in base) owns a *shared keys* object in
   ht_cached_keys: the attribute names its instances have set, in the
   order they were first set, at most _PY_SHARED_KEYS_MAX of them.  An
   instance then keeps only a values array in its __dict__ slot, tagged
   with the low bit: values[i] is the value of names[i] (NULL: not set).

   The __dict__ slot holds one of
     NULL                      nothing set yet;
     values | _PY_VALUES_TAG   the values array (this header's layout);
     a dict                    the instance dict, as for any other type.
   It only moves NULL -> values -> dict or NULL -> dict (and dict -> dict
   by __dict__ assignment), never back, except that the collector's
   tp_clear resets it to NULL.  The dict is made ("materialized") from
   the values when something needs a real dict: obj.__dict__, vars(),
   a name that is not an exact str, a store that would break insertion
   order, a full keys object, __class__ assignment.

   Order: a values array's present entries, in index order, are the
   instance's attributes in insertion order.  So a new attribute may only
   take an index >= `used` (every entry at or past `used` is NULL); a
   store into a hole below `used` materializes instead.

   Thread safety (free-threaded build): every change of the slot and of a
   values array happens inside the instance's critical section.  Readers
   do not lock: the shared keys only grow (an entry is complete before
   the index slot that publishes it is stored with release), a values
   array replaced by growth or materialization is freed through QSBR,
   and a value a writer drops goes through _PyObject_SetMaybeWeakref when
   a non-owner may be reading (the array's `shared` flag, set by such a
   reader before its first read, as for dicts).  A reader re-checks the
   slot and the entry after its _Py_TryIncref (an immortal value needs
   neither: _PyInstValues_LoadAt). */
#ifndef Py_INTERNAL_INSTVALUES_H
#define Py_INTERNAL_INSTVALUES_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_object.h"

#define _PY_SHARED_KEYS_MAX 30
#define _PY_SHARED_KEYS_SLOTS 64        /* power of two, > 2 * MAX */
#define _PY_VALUES_TAG ((uintptr_t)1)

typedef struct {
    uint32_t nkeys;                     /* atomic: published names; grows only */
    PyMutex mutex;                      /* serializes appends */
    int8_t index[_PY_SHARED_KEYS_SLOTS];/* atomic: -1 or a names[] position */
    PyObject *names[_PY_SHARED_KEYS_MAX];   /* owned exact str */
} _PySharedKeys;

typedef struct {
    uint8_t capacity;                   /* entries allocated; fixed */
    uint8_t used;                       /* entries at or past it are NULL */
    uint8_t shared;                     /* atomic: a non-owner read lock-free */
    PyObject *values[];                 /* atomic; owned references */
} _PyInstValues;

/* The immutable, empty keys object a class starts with: the first store
   swaps in a real one (ht_cached_keys is then never changed again). */
extern _PySharedKeys _PySharedKeys_Empty;

static inline int _PyInstValues_IsTagged(PyObject *slot) {
    return ((uintptr_t)slot & _PY_VALUES_TAG) != 0;
}

static inline _PyInstValues *_PyInstValues_Untag(PyObject *slot) {
    return (_PyInstValues *)((uintptr_t)slot & ~_PY_VALUES_TAG);
}

/* type's shared keys, or NULL when its instances never use values. */
static inline _PySharedKeys *_PyType_SharedKeys(PyTypeObject *type) {
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        return NULL;
    }
    return (_PySharedKeys *)__atomic_load_n(
        &((PyHeapTypeObject *)type)->ht_cached_keys, __ATOMIC_ACQUIRE);
}

/* Position of name (an exact str) in keys, or -1.  Lock-free. */
PyAPI_FUNC(Py_ssize_t) _PySharedKeys_Find(_PySharedKeys *keys, PyObject *name);

#ifdef Py_GIL_DISABLED
static inline void _PyInstValues_NoteReader(_PyInstValues *vals) {
    if (!__atomic_load_n(&vals->shared, __ATOMIC_RELAXED)) {
        __atomic_fetch_or(&vals->shared, 1, __ATOMIC_SEQ_CST);
    }
}
#endif

/* obj's value number ix, from the __dict__ slot at slotp: 1 and a new
   reference in *out; 0 when the instance uses values but has none there;
   -1 (no exception) when the slot holds no values array or the read lost
   a race (the caller takes a slower path).  Lock-free, never runs code. */
static inline Py_ALWAYS_INLINE int
_PyInstValues_LoadAt(PyObject *obj, PyObject **slotp, Py_ssize_t ix,
                     PyObject **out)
{
    PyObject *raw = __atomic_load_n(slotp, __ATOMIC_ACQUIRE);
    if (!_PyInstValues_IsTagged(raw)) {
        return -1;
    }
    _PyInstValues *vals = _PyInstValues_Untag(raw);
    if ((size_t)ix >= vals->capacity) {
        return 0;
    }
#ifdef Py_GIL_DISABLED
    if (!_Py_IsOwnedByCurrentThread(obj)) {
        _PyInstValues_NoteReader(vals);
    }
#else
    (void)obj;
#endif
    PyObject *v = __atomic_load_n(&vals->values[ix], __ATOMIC_ACQUIRE);
    if (v == NULL) {
        return 0;
    }
#ifdef Py_GIL_DISABLED
    /* An immortal value (None, True, a small int, an interned str, a
       class or function made immortal when threads started; ftst,
       session 11) or one this thread owns (ftattr, session 12) needs no
       re-check (_Py_IncrefUnraced): slot ix of vals only ever holds
       values of one attribute (shared keys only grow), and vals stays
       readable until this thread's next quiescent point (QSBR), so v was
       the attribute's value at some moment after raw was loaded, even if
       vals was replaced since; nothing is allocated in between. */
    uint32_t local = __atomic_load_n(&v->ob_ref_local, __ATOMIC_RELAXED);
    if (_Py_IncrefUnraced(v, local)) {
        *out = v;
        return 1;
    }
    if (!_Py_TryIncrefLoaded(v, local)) {
        return -1;
    }
    if (__atomic_load_n(slotp, __ATOMIC_ACQUIRE) != raw
            || __atomic_load_n(&vals->values[ix], __ATOMIC_ACQUIRE) != v) {
        Py_DECREF(v);
        return -1;
    }
#else
    if (!_Py_TryIncref(v)) {
        return -1;
    }
#endif
    *out = v;
    return 1;
}

/* The VM's attribute caches (LOAD_ATTR_INSTANCE_VALUE,
   STORE_ATTR_INSTANCE_VALUE) keep a values position p as -2 - p, apart
   from a dict entry hint (>= 0) and "none" (-1): a hint is checked
   against the entry's key, a position is not checked at all. */
static inline int32_t _PyInstValues_EncodePosition(Py_ssize_t pos) {
    return (int32_t)(-2 - pos);
}

static inline Py_ssize_t _PyInstValues_DecodePosition(int32_t index) {
    return -2 - (Py_ssize_t)index;
}

/* STORE_ATTR_INSTANCE_VALUE's common case: replace the value at ix of
   obj's values array (the __dict__ slot at slotp) by value (a new
   reference is taken).  1 done, 0 not this case (nothing changed).

   Default build: the GIL stands for the critical section.  Free-threaded
   build (ftcost, session 9; before, every store called
   _PyInstValues_StoreAt and its helpers out of line): the same steps as
   _PyInstValues_StoreAt's replacing case, inside obj's critical section
   as every change of a values array is; the value dropped is marked for
   lock-free readers as Objects/dictkeys_shared.c's drop_value does, and
   released after the section ends (its destructor may run any code). */
static inline Py_ALWAYS_INLINE int
_PyInstValues_TryReplace(PyObject *obj, PyObject **slotp, Py_ssize_t ix,
                         PyObject *value)
{
#ifdef Py_GIL_DISABLED
    PyObject *old = NULL;
    /* A leaf section (critical_section.h): loads, stores, atomic marks. */
    _Py_BEGIN_LEAF_CRITICAL_SECTION(obj);
    PyObject *raw = *slotp;
    if (_PyInstValues_IsTagged(raw)) {
        _PyInstValues *vals = _PyInstValues_Untag(raw);
        if ((size_t)ix < vals->capacity) {
            old = vals->values[ix];
        }
        if (old != NULL) {
            __atomic_store_n(&vals->values[ix], Py_NewRef(value),
                             __ATOMIC_RELEASE);
            /* A read-modify-write, ordered against a reader's fetch_or
               in _PyInstValues_NoteReader. */
            if (!_Py_IsOwnedByCurrentThread(obj)
                    || __atomic_fetch_add(&vals->shared, 0, __ATOMIC_SEQ_CST)) {
                _PyObject_SetMaybeWeakref(old);
            }
        }
    }
    _Py_END_LEAF_CRITICAL_SECTION();
    if (old == NULL) {
        return 0;
    }
    Py_DECREF(old);
    return 1;
#else
    (void)obj;
    PyObject *raw = *slotp;
    if (!_PyInstValues_IsTagged(raw)) {
        return 0;
    }
    _PyInstValues *vals = _PyInstValues_Untag(raw);
    if ((size_t)ix >= vals->capacity || vals->values[ix] == NULL) {
        return 0;
    }
    PyObject *old = vals->values[ix];
    vals->values[ix] = Py_NewRef(value);
    Py_DECREF(old);
    return 1;
#endif
}

/* The generic paths (Objects/object.c).  slotp is obj's __dict__ slot.

   Look name up among obj's values: 1 found (new reference in *out), 0
   absent, 2 the slot holds no values array (use the dict). */
PyAPI_FUNC(int) _PyInstValues_Lookup(PyObject *obj, PyObject **slotp,
                                     PyObject *name, PyObject **out);
/* Store (value NULL: delete) name among obj's values: 0 done, -1 error
   (AttributeError for a missing name), 1 the instance needs a dict (it
   has been materialized if it had values): use the dict path.  Takes the
   instance's critical section. */
PyAPI_FUNC(int) _PyInstValues_Store(PyObject *obj, PyObject **slotp,
                                    PyObject *name, PyObject *value);
/* As _PyInstValues_Store for a name known to be at position ix of the
   type's keys (the VM's STORE_ATTR_INSTANCE_VALUE): 0 stored, 1 not
   possible here (nothing changed), never an error.  The caller's
   reference to value is not taken. */
PyAPI_FUNC(int) _PyInstValues_StoreAt(PyObject *obj, PyObject **slotp,
                                      Py_ssize_t ix, PyObject *value);
/* Replace a values array in *slotp by a dict holding the same items.
   The caller holds obj's critical section.  0, or -1 with an exception. */
PyAPI_FUNC(int) _PyInstValues_MaterializeLocked(PyObject *obj,
                                                PyObject **slotp);
/* A new dict with obj's attributes (values array at raw), for
   __getstate__ and copies; the instance keeps its values. */
PyAPI_FUNC(PyObject *) _PyInstValues_AsDict(PyObject *obj, PyObject *raw);
/* obj's own attribute `name` (from its values or its dict, without
   making a dict), Objects/object.c: 1 and a new reference, 0 absent, -1
   error. */
PyAPI_FUNC(int) _PyObject_LookupInstanceAttr(PyObject *obj, PyObject *name,
                                             PyObject **out);
/* Garbage collection and deallocation of a slot holding values. */
PyAPI_FUNC(int) _PyInstValues_Traverse(PyObject *raw, visitproc visit,
                                       void *arg);
/* Empty *slotp (values or dict) and drop what it held; with
   may_have_readers (a __dict__ assignment on a live instance), so that
   lock-free readers' _Py_TryIncref stays safe. */
PyAPI_FUNC(void) _PyInstValues_ClearSlot(PyObject **slotp,
                                         int may_have_readers);
/* Called by type_new: give type a (still empty) shared keys object when
   its instances' __dict__ slot belongs to the class machinery. */
PyAPI_FUNC(void) _PyType_InitSharedKeys(PyTypeObject *type);
PyAPI_FUNC(void) _PyType_FreeSharedKeys(PyTypeObject *type);

#endif /* Py_INTERNAL_INSTVALUES_H */
