/* Core-only list helpers (Objects/listobject.c, Objects/listsort.c). */
#ifndef Py_INTERNAL_LIST_H
#define Py_INTERNAL_LIST_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_object.h"
#include "pycore_qsbr.h"          // _PyObject_DecRefDelayed

#define _PyList_ITEMS(op) (_PyList_CAST(op)->ob_item)

/* Free-threaded build: bit of ob_gc_bits that a thread other than the
   list's owner sets before its first lock-free read; writers that own the
   list then retire arrays and delay the references they drop through QSBR
   (Objects/listobject.c).
   The top bit, clear of the collector's bits (pycore_gc.h). */
#define _PyList_BITS_SHARED (1 << 7)

/* New reference to self[i], or NULL without an exception when i is out
   of range (negative indices are out of range).  Lock-free in the
   free-threaded build; for the VM's specialised list subscript and
   iteration.  The out-of-line version handles every case; the inline one
   below (always inlined: GCC would not inline it into the evaluator by
   itself) answers the common case of a list the calling thread owns. */
PyAPI_FUNC(PyObject *) _PyList_GetItemRefSlow(PyListObject *self, Py_ssize_t i);

#ifdef Py_GIL_DISABLED
/* self[i] without a reference, or NULL: see Objects/listobject.c.  Valid
   until the calling thread's next quiescent point. */
PyAPI_FUNC(PyObject *) _PyList_GetItemQsbr(PyListObject *self, Py_ssize_t i);
#endif

static inline Py_ALWAYS_INLINE PyObject *
_PyList_GetItemRef(PyListObject *self, Py_ssize_t i)
{
#ifdef Py_GIL_DISABLED
    /* The owner reads like any lock-free reader (Objects/listobject.c,
       "lock-free readers") but needs no shared bit: only other threads'
       writes can race with it, and a non-owner writer always frees what
       it removes through QSBR.  Every doubt goes to the full path. */
    if (!_Py_IsOwnedByCurrentThread((PyObject *)self)) {
        return _PyList_GetItemRefSlow(self, i);
    }
    if ((size_t)i >= (size_t)__atomic_load_n(&self->ob_base.ob_size,
                                             __ATOMIC_RELAXED)) {
        return NULL;
    }
    PyObject **items = __atomic_load_n(&self->ob_item, __ATOMIC_ACQUIRE);
    /* An array is preceded by its capacity (listobject.c's list_array):
       a stale size must not index past the array loaded. */
    if (items == NULL || (size_t)i >= (size_t)((Py_ssize_t *)items)[-1]) {
        return _PyList_GetItemRefSlow(self, i);
    }
    PyObject *item = __atomic_load_n(&items[i], __ATOMIC_ACQUIRE);
    if (item == NULL) {
        return _PyList_GetItemRefSlow(self, i);
    }
    /* An immortal item, or one this thread owns (every item of a
       single-threaded program), was the list's item at the load and
       cannot have died since: no re-check (ftcore, session 13; the array
       outlives a concurrent replacement through QSBR). */
    uint32_t local = __atomic_load_n(&item->ob_ref_local, __ATOMIC_RELAXED);
    if (_Py_IncrefUnraced(item, local)) {
        return item;
    }
    if (!_Py_TryIncrefLoaded(item, local)) {
        return _PyList_GetItemRefSlow(self, i);
    }
    if (item != __atomic_load_n(&items[i], __ATOMIC_ACQUIRE)
            || items != __atomic_load_n(&self->ob_item, __ATOMIC_ACQUIRE)) {
        Py_DECREF(item);
        return _PyList_GetItemRefSlow(self, i);
    }
    return item;
#else
    if ((size_t)i >= (size_t)Py_SIZE(self)) {
        return NULL;
    }
    return Py_NewRef(self->ob_item[i]);
#endif
}

/* Whether what a writer removes from self (items, a replaced array) may
   still be in a lock-free reader's hands (Objects/listobject.c,
   "lock-free readers").  Called, inside the critical section, after the
   stores that unpublished it.  A read-modify-write rather than a load:
   it must be ordered against the reader's fetch_or (ThreadSanitizer does
   not model fences).  Here rather than in listobject.c so that the VM's
   list store can replace an item inline (ftcost, session 10). */
static inline int
_PyList_MayHaveReaders(PyListObject *self)
{
#ifdef Py_GIL_DISABLED
    if (!_Py_IsOwnedByCurrentThread((PyObject *)self)) {
        return 1;
    }
    /* While only one thread state has ever existed (session 12) no other
       thread can read the list.  This thread's own uncounted reads
       (_PyList_GetItemQsbr) are of lists it does not own, and a thread
       state that moves to another OS thread made them counted when it
       detached. */
    if (!_Py_SeveralThreadStates()) {
        return 0;
    }
    return (__atomic_fetch_add(&self->ob_base.ob_base.ob_gc_bits, (uint8_t)0,
                               __ATOMIC_SEQ_CST) & _PyList_BITS_SHARED) != 0;
#else
    (void)self;
    return 0;
#endif
}

/* Prepare op, a single item self no longer holds, to be released by the
   caller after the critical section: when self may have lock-free
   readers, an extra reference is handed to QSBR (_PyObject_DecRefDelayed)
   so a reader's borrowed copy outlives the caller's release; decided only
   when it matters.  Taken while the caller still holds the list's
   reference, so op is alive. */
static inline void
_PyList_PrepareDropOne(PyListObject *self, PyObject *op)
{
#ifdef Py_GIL_DISABLED
    if (op != NULL && !_Py_IsImmortal(op) && _PyList_MayHaveReaders(self)) {
        _PyObject_DecRefDelayed(Py_NewRef(op));
    }
#else
    (void)self;
    (void)op;
#endif
}

/* self[i] = v, taking the caller's reference to v: 1 with the item it
   replaced in *old (NULL for a slot of a list still being filled; the
   caller releases it, after the critical section since its destructor
   may run any code), or 0 when i is out of range (negative included;
   nothing changed, v not taken).  Inside self's critical section, as
   every change of a list; the store is a release store for lock-free
   readers.  Always inline: PyList_SetItem and the VM's
   STORE_SUBSCR_LIST_INT share it, and the VM's call of PyList_SetItem
   cost about a third of each store in the free-threaded build. */
static inline Py_ALWAYS_INLINE int
_PyList_ReplaceItem(PyListObject *self, Py_ssize_t i, PyObject *v,
                    PyObject **old)
{
    int done = 0;
    *old = NULL;
    /* A leaf section (critical_section.h): loads, a store, atomic marks. */
    _Py_BEGIN_LEAF_CRITICAL_SECTION(self);
    if ((size_t)i < (size_t)Py_SIZE(self)) {
        *old = self->ob_item[i];
        PyList_SET_ITEM(self, i, v);
        _PyList_PrepareDropOne(self, *old);
        done = 1;
    }
    _Py_END_LEAF_CRITICAL_SECTION();
    return done;
}

/* Slow path of _PyList_AppendTakeRef: grows the array.  Consumes newitem
   even on failure. */
PyAPI_FUNC(int) _PyList_AppendTakeRefListResize(PyListObject *self,
                                                PyObject *newitem);

/* Append, consuming the reference to newitem (also on failure).  The
   caller holds self's critical section or is its only user (a list it is
   still building). */
static inline int _PyList_AppendTakeRef(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t len = Py_SIZE(self);
    if (self->allocated > len) {
        PyList_SET_ITEM(self, len, newitem);
#ifdef Py_GIL_DISABLED
        __atomic_store_n(&self->ob_base.ob_size, len + 1, __ATOMIC_RELAXED);
#else
        Py_SET_SIZE(self, len + 1);
#endif
        return 0;
    }
    return _PyList_AppendTakeRefListResize(self, newitem);
}

/* self.extend(iterable); 0 or -1.  Takes the critical sections itself. */
PyAPI_FUNC(int) _PyList_Extend(PyListObject *self, PyObject *iterable);

/* A new list that takes over the n references in src[0:n] (they are
   released even on failure). */
PyAPI_FUNC(PyObject *) _PyList_FromArraySteal(PyObject *const *src,
                                              Py_ssize_t n);

/* tuple(self) that moves the items out, leaving self empty. */
PyAPI_FUNC(PyObject *) _PyList_AsTupleAndClear(PyListObject *self);

/* self[start:stop] and self[start:stop] = value (del when value is NULL)
   with the bounds as PySlice_Unpack leaves them for step 1, adjusted to
   the size inside the list's critical section (BINARY_SLICE and
   STORE_SLICE skip the slice object with these). */
PyAPI_FUNC(PyObject *) _PyList_SliceUnpacked(PyListObject *self,
                                             Py_ssize_t start,
                                             Py_ssize_t stop);
PyAPI_FUNC(int) _PyList_AssignSliceUnpacked(PyListObject *self,
                                            Py_ssize_t start, Py_ssize_t stop,
                                            PyObject *value);

/* list iterator: it_seq is a strong reference, dropped on exhaustion in
   the default build; in the free-threaded build exhaustion is marked by
   it_index == -1 (relaxed atomics) and it_seq lives until deallocation. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq;
} _PyListIterObject;

/* Timsort (Objects/listsort.c).  Stable ascending sort of keys[0:n] by
   PyObject_RichCompare(..., Py_LT), moving values[0:n] in step (values may
   be NULL when the keys are the items themselves).  Each comparison may
   run arbitrary code; the arrays must not be reachable from it.  Returns
   0, or -1 with an exception set, in which case the arrays still hold a
   permutation of their original contents. */
extern int _PyList_TimSort(PyObject **keys, PyObject **values, Py_ssize_t n);

#endif /* Py_INTERNAL_LIST_H */
