/* List objects.

   Storage: ob_item is an array of `allocated` slots, the first
   Py_SIZE(op) of which hold strong references (see the invariants in
   Include/cpython/listobject.h).  The array over-allocates so that
   appends run in amortised constant time.

   Thread safety (free-threaded build): every mutation happens inside the
   list's critical section, the two-object form when another list is read
   at the same time.  Reads of single items (indexing, iteration, `in`,
   index/count, PyList_GetItemRef, _PyList_GetItemRef) are lock-free; see
   "lock-free readers" below.  A method that calls out to arbitrary code
   (comparisons, __index__, destructors) may lose its critical section
   while that code runs, so after every call-out it re-reads the size and
   array instead of trusting earlier values.

   Removed references are released only once the list is consistent
   again: their destructors may look at the list. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_abstract.h"
#include "pycore_list.h"
#include "pycore_freelist.h"
#include "pycore_qsbr.h"
#include "pycore_tuple.h"
#include "pycore_slice.h"
#include "pycore_exceptions.h"     /* _PyArg_UnexpectedKeyword */

/* ---- atomic field stores ------------------------------------------------ */

static inline void
list_set_size(PyListObject *self, Py_ssize_t size)
{
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&self->ob_base.ob_size, size, __ATOMIC_RELAXED);
#else
    Py_SET_SIZE(self, size);
#endif
}

static inline Py_ssize_t
load_ssize(Py_ssize_t *p)
{
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(p, __ATOMIC_RELAXED);
#else
    return *p;
#endif
}

static inline void
store_ssize(Py_ssize_t *p, Py_ssize_t value)
{
#ifdef Py_GIL_DISABLED
    __atomic_store_n(p, value, __ATOMIC_RELAXED);
#else
    *p = value;
#endif
}

static inline void
list_set_array(PyListObject *self, PyObject **items, Py_ssize_t allocated)
{
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&self->ob_item, items, __ATOMIC_RELEASE);
#else
    self->ob_item = items;
#endif
    store_ssize(&self->allocated, allocated);
}

/* A slot of an array lock-free readers may be reading.  Release, so that
   a reader that loads the pointer also sees the object it points to. */
static inline void
slot_store(PyObject **slot, PyObject *value)
{
#ifdef Py_GIL_DISABLED
    __atomic_store_n(slot, value, __ATOMIC_RELEASE);
#else
    *slot = value;
#endif
}

/* memmove(dst, src, n pointers) within one array readers may be reading:
   pointer by pointer, so that a reader sees each slot whole (a stale or a
   duplicated item, both still owned by the list, never half a pointer). */
static void
items_move(PyObject **dst, PyObject **src, Py_ssize_t n)
{
#ifdef Py_GIL_DISABLED
    if (dst < src) {
        for (Py_ssize_t i = 0; i < n; i++) {
            slot_store(&dst[i], src[i]);
        }
    }
    else {
        for (Py_ssize_t i = n; --i >= 0;) {
            slot_store(&dst[i], src[i]);
        }
    }
#else
    memmove(dst, src, (size_t)n * sizeof(PyObject *));
#endif
}

static inline int
valid_index(Py_ssize_t i, Py_ssize_t limit)
{
    /* One unsigned comparison rejects both i < 0 and i >= limit. */
    return (size_t)i < (size_t)limit;
}

/* ---- item arrays -------------------------------------------------------

   Free-threaded build: an array is preceded by a header holding its
   capacity, so that a lock-free reader holding an array the list has
   since replaced never indexes past its end.  Slots at and beyond the
   size are NULL whenever the critical section is free.  Default build:
   a bare PyMem array, grown with realloc. */

#ifdef Py_GIL_DISABLED
typedef struct {
    Py_ssize_t allocated;
    PyObject *ob_item[];
} list_array;

#define ARRAY_HEADER_SIZE offsetof(list_array, ob_item)
/* _PyList_GetItemRef (pycore_list.h) reads the capacity at items[-1]. */
_Static_assert(ARRAY_HEADER_SIZE == sizeof(Py_ssize_t),
               "a list array's header is its capacity alone");

static inline list_array *
array_header(PyObject **items)
{
    return (list_array *)((char *)items - ARRAY_HEADER_SIZE);
}
#else
#define ARRAY_HEADER_SIZE 0
#endif

#define MAX_ARRAY_CAPACITY \
    ((Py_ssize_t)(((size_t)PY_SSIZE_T_MAX - ARRAY_HEADER_SIZE) \
                  / sizeof(PyObject *)))

/* An array with room for capacity > 0 items, all NULL when `zeroed` (in
   the free-threaded build the caller NULLs whatever it does not fill
   before publishing it).  NULL, without an exception, when out of
   memory. */
static PyObject **
items_alloc(Py_ssize_t capacity, int zeroed)
{
    if (capacity > MAX_ARRAY_CAPACITY) {
        return NULL;
    }
    size_t bytes = ARRAY_HEADER_SIZE + (size_t)capacity * sizeof(PyObject *);
#ifdef Py_GIL_DISABLED
    list_array *array = zeroed ? PyMem_Calloc(1, bytes) : PyMem_Malloc(bytes);
    if (array == NULL) {
        return NULL;
    }
    array->allocated = capacity;
    return array->ob_item;
#else
    return zeroed ? PyMem_Calloc(1, bytes) : PyMem_Malloc(bytes);
#endif
}

/* Free an array no lock-free reader can hold. */
static void
items_free(PyObject **items)
{
    if (items != NULL) {
#ifdef Py_GIL_DISABLED
        PyMem_Free(array_header(items));
#else
        PyMem_Free(items);
#endif
    }
}

/* ---- lock-free readers (free-threaded build) ---------------------------

   A reader loads the size, the array pointer, the array's capacity and
   the slot, takes the item with _Py_TryIncref, and re-checks that the
   array and the slot still hold it; when anything fails it falls back to
   the critical section.  What a reader may touch after a writer moved on
   must stay readable until the reader's next quiescent point:
   - an array the list stopped pointing at (resize, clear, sort) is freed
     through QSBR (_PyMem_FreeDelayed);
   - an item the list drops (or hands out: pop) gets one more reference
     that QSBR drops later (_PyObject_DecRefDelayed), so it stays alive,
     not just readable, until every reader passed a quiescent point: the
     VM keeps items read from such a list in locals without a reference
     (_PyList_GetItemQsbr below, pycore_stackref.h);
   - the slots a writer vacates are set to NULL, so no slot of a published
     array points at an object the list no longer owns once the critical
     section is free.
   Both the delayed free and the marking cost something, so they are done
   only for a list other threads may be reading: one a non-owner has read
   lock-free (_PyList_BITS_SHARED in ob_gc_bits, set by the reader before
   its first lock-free read), or one the writer does not own.  The reader
   sets the bit with a sequentially consistent read-modify-write and the
   writer reads it with another one after its stores, so either the writer
   sees the bit or the reader sees the writer's stores.  In the default
   build the GIL excludes readers and all of this compiles away. */

#ifdef Py_GIL_DISABLED
static inline void
list_note_lockfree_reader(PyListObject *self)
{
    /* Acquire: a reader that finds the bit set by another reader is
       ordered after every writer that decided it was not set. */
    if (!(__atomic_load_n(&self->ob_base.ob_base.ob_gc_bits, __ATOMIC_ACQUIRE)
          & _PyList_BITS_SHARED)) {
        __atomic_fetch_or(&self->ob_base.ob_base.ob_gc_bits,
                          (uint8_t)_PyList_BITS_SHARED, __ATOMIC_SEQ_CST);
    }
}
#endif

/* list_may_have_readers and prepare_drop_one are pycore_list.h's
   (the VM's list store shares them). */
#define list_may_have_readers _PyList_MayHaveReaders
#define prepare_drop_one _PyList_PrepareDropOne

/* Prepare op, which the list no longer holds, to be released by the
   caller: `care` is list_may_have_readers().  The delayed reference is
   taken while the caller still holds the list's, so op is alive; the
   caller's own release then never frees it. */
static inline void
prepare_drop(int care, PyObject *op)
{
#ifdef Py_GIL_DISABLED
    if (care && op != NULL && !_Py_IsImmortal(op)) {
        _PyObject_DecRefDelayed(Py_NewRef(op));
    }
#else
    (void)care;
    (void)op;
#endif
}

/* Whether a non-owner ever read self lock-free (list_dealloc: no
   concurrent reader is left, so a plain load). */
static inline int
list_was_read_shared(PyListObject *self)
{
#ifdef Py_GIL_DISABLED
    return (__atomic_load_n(&self->ob_base.ob_base.ob_gc_bits, __ATOMIC_ACQUIRE)
            & _PyList_BITS_SHARED) != 0;
#else
    (void)self;
    return 0;
#endif
}

/* Free an array self no longer points at. */
static void
retire_items(int care, PyObject **items)
{
#ifdef Py_GIL_DISABLED
    if (care && items != NULL) {
        _PyMem_FreeDelayed(array_header(items));
        return;
    }
#else
    (void)care;
#endif
    items_free(items);
}

/* In the free-threaded build: NULL the slots [from, to) a shrinking
   writer vacated (they hold stale copies of items that moved). */
static inline void
clear_vacated(PyObject **items, Py_ssize_t from, Py_ssize_t to)
{
#ifdef Py_GIL_DISABLED
    for (Py_ssize_t i = from; i < to; i++) {
        slot_store(&items[i], NULL);
    }
#else
    (void)items;
    (void)from;
    (void)to;
#endif
}

/* ---- storage ------------------------------------------------------------ */

/* Give self an array of `capacity` slots (0: none) holding the first
   `keep` items of the current one; the size is left to the caller.  The
   old array is retired (free-threaded build) or reallocated in place.
   0, or -1 without an exception and nothing changed. */
static int
list_replace_array(PyListObject *self, Py_ssize_t capacity, Py_ssize_t keep)
{
    PyObject **old = self->ob_item;
#ifdef Py_GIL_DISABLED
    PyObject **items = NULL;
    if (capacity > 0) {
        items = items_alloc(capacity, 0);
        if (items == NULL) {
            return -1;
        }
        if (keep > 0) {
            memcpy(items, old, (size_t)keep * sizeof(PyObject *));
        }
        memset(items + keep, 0, (size_t)(capacity - keep) * sizeof(PyObject *));
    }
    list_set_array(self, items, capacity);
    retire_items(old != NULL && list_may_have_readers(self), old);
#else
    (void)keep;
    PyObject **items = NULL;
    if (capacity > 0) {
        if (capacity > MAX_ARRAY_CAPACITY) {
            return -1;
        }
        items = PyMem_Realloc(old, (size_t)capacity * sizeof(PyObject *));
        if (items == NULL) {
            return -1;
        }
    }
    else {
        PyMem_Free(old);
    }
    list_set_array(self, items, capacity);
#endif
    return 0;
}

/* Make room for newsize items and set the size; the caller holds the
   critical section and fills or has already released the slots between the
   old and the new size.  Growth over-allocates by about 1/8 so a run of
   appends reallocates O(log n) times; a list shrinks its array only when
   less than half of it would be used.  0, or -1 with MemoryError (and
   nothing changed). */
static int
list_resize(PyListObject *self, Py_ssize_t newsize)
{
    Py_ssize_t allocated = self->allocated;
    Py_ssize_t oldsize = Py_SIZE(self);
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        list_set_size(self, newsize);
        clear_vacated(self->ob_item, newsize, oldsize);
        return 0;
    }
    size_t target = 0;
    if (newsize > 0) {
        target = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
        /* A single large jump (extend by a big sequence) gets an exact
           fit: over-allocating it would only waste memory. */
        size_t growth = (size_t)newsize - (size_t)oldsize;
        if (growth > target - (size_t)newsize) {
            target = ((size_t)newsize + 3) & ~(size_t)3;
        }
    }
    if (target > (size_t)MAX_ARRAY_CAPACITY) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t keep = oldsize < newsize ? oldsize : newsize;
    if (list_replace_array(self, (Py_ssize_t)target, keep) < 0) {
        if (newsize <= allocated) {
            /* Could not shrink: keep the larger array. */
            list_set_size(self, newsize);
            clear_vacated(self->ob_item, newsize, oldsize);
            return 0;
        }
        PyErr_NoMemory();
        return -1;
    }
    list_set_size(self, newsize);
    return 0;
}

/* Ensure room for at least `capacity` items without changing the size. */
static int
list_reserve(PyListObject *self, Py_ssize_t capacity)
{
    if (capacity <= self->allocated) {
        return 0;
    }
    if (list_replace_array(self, capacity, Py_SIZE(self)) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

/* A tracked list of `size` items in an array of `capacity` slots, the
   items NULL when `zeroed` (else the caller fills them before anyone else
   sees the list; the free-threaded build always zeroes, since its slots
   past the size must be NULL).  The object comes from the thread's free
   list when it has one (list_dealloc keeps exact lists there). */
static PyListObject *
list_new_with_capacity(Py_ssize_t size, Py_ssize_t capacity, int zeroed)
{
    if (capacity > MAX_ARRAY_CAPACITY) {
        PyErr_NoMemory();
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    zeroed = 1;
#endif
    PyObject **items = NULL;
    if (capacity > 0) {
        items = items_alloc(capacity, zeroed);
        if (items == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    PyListObject *op = (PyListObject *)_Py_freelist_pop_gc(
        &_Py_freelists_get()->lists, &PyList_Type);
    if (op == NULL) {
        op = PyObject_GC_New(PyListObject, &PyList_Type);
        if (op == NULL) {
            items_free(items);
            return NULL;
        }
    }
    op->ob_item = items;
    op->allocated = capacity;
    Py_SET_SIZE(op, size);
    PyObject_GC_Track(op);
    return op;
}

/* An empty, tracked list with room for `capacity` items. */
static PyListObject *
list_new_prealloc(Py_ssize_t capacity)
{
    return list_new_with_capacity(0, capacity, 0);
}

PyObject *
PyList_New(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return (PyObject *)list_new_with_capacity(size, size, 1);
}

PyObject *
_PyList_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    PyListObject *op = list_new_prealloc(n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_DECREF(src[i]);
        }
        return NULL;
    }
    if (n > 0) {
        memcpy(op->ob_item, src, (size_t)n * sizeof(PyObject *));
    }
    list_set_size(op, n);
    return (PyObject *)op;
}

/* Drop every item, leaving an empty list with no array.  The caller holds
   the critical section.  The list is emptied before any item is released,
   so destructors see an empty list. */
static void
list_clear_locked(PyListObject *self)
{
    PyObject **items = self->ob_item;
    Py_ssize_t n = Py_SIZE(self);
    if (items == NULL) {
        return;
    }
    list_set_size(self, 0);
    list_set_array(self, NULL, 0);
    /* Decided once: the check is an atomic read-modify-write. */
    int care = list_may_have_readers(self);
    while (--n >= 0) {
        prepare_drop(care, items[n]);
        Py_XDECREF(items[n]);
    }
    retire_items(care, items);
}

/* ---- lifetime and the collector ----------------------------------------- */

static void
list_dealloc(PyObject *self)
{
    PyListObject *op = (PyListObject *)self;
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, list_dealloc)
    if (op->ob_item != NULL) {
        Py_ssize_t i = Py_SIZE(op);
        /* A reader that dropped its reference to the list may still hold
           an item QSBR-borrowed; the bit it set is visible here, since
           its release of the list happened before this. */
        int care = list_was_read_shared(op);
        while (--i >= 0) {
            prepare_drop(care, op->ob_item[i]);
            Py_XDECREF(op->ob_item[i]);
        }
        /* Lock-free readers hold a reference to the list: none is left. */
        items_free(op->ob_item);
        op->ob_item = NULL;
    }
#ifdef Py_GIL_DISABLED
    /* A list reused from the free list starts private again.  Atomic
       like the readers' fetch_or, though none is left. */
    if (list_was_read_shared(op)) {
        __atomic_fetch_and(&op->ob_base.ob_base.ob_gc_bits,
                           (uint8_t)~_PyList_BITS_SHARED, __ATOMIC_RELAXED);
    }
#endif
    /* Only exact lists are kept: a subclass's instance has its own size
       and free function. */
    if (!PyList_CheckExact(op)
            || !_Py_freelist_push(&_Py_freelists_get()->lists, self,
                                  _Py_FREELIST_LISTS)) {
        Py_TYPE(op)->tp_free((PyObject *)op);
    }
    Py_TRASHCAN_END
}

static int
list_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyListObject *op = (PyListObject *)self;
    for (Py_ssize_t i = Py_SIZE(op); --i >= 0;) {
        Py_VISIT(op->ob_item[i]);
    }
    return 0;
}

static int
list_tp_clear(PyObject *self)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    list_clear_locked((PyListObject *)self);
    Py_END_CRITICAL_SECTION();
    return 0;
}

/* ---- reading items ------------------------------------------------------ */

#ifdef Py_GIL_DISABLED
/* New reference to self[i], or NULL (no exception) when i is out of
   range, under the critical section: the lock-free read's fallback. */
static PyObject *
list_get_item_locked(PyListObject *self, Py_ssize_t i)
{
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (valid_index(i, Py_SIZE(self))) {
        item = Py_XNewRef(self->ob_item[i]);
        /* _Py_TryIncref refuses an unmarked object another thread owns:
           mark it so that this thread's next read is lock-free. */
        if (item != NULL && !_Py_IsOwnedByCurrentThread(item)) {
            _PyObject_SetMaybeWeakref(item);
        }
    }
    Py_END_CRITICAL_SECTION();
    return item;
}
#endif

/* New reference to self[i], or NULL (no exception) when i is out of
   range.  Lock-free in the free-threaded build (see "lock-free readers"
   above): safe because the array and the item stay readable until this
   thread's next quiescent point, and nothing here can detach or run
   Python code.  The answer is linearizable: self[i] held the item, or i
   was out of range, at some moment during the call. */
static inline PyObject *
list_get_item_ref(PyListObject *self, Py_ssize_t i)
{
#ifdef Py_GIL_DISABLED
    if (!_Py_IsOwnedByCurrentThread((PyObject *)self)) {
        list_note_lockfree_reader(self);
    }
    if (!valid_index(i, PyList_GET_SIZE(self))) {
        return NULL;
    }
    PyObject **items = __atomic_load_n(&self->ob_item, __ATOMIC_ACQUIRE);
    if (items == NULL) {
        return NULL;        /* emptied (cleared, or being sorted) meanwhile */
    }
    if (!valid_index(i, array_header(items)->allocated)) {
        return list_get_item_locked(self, i);
    }
    PyObject *item = __atomic_load_n(&items[i], __ATOMIC_ACQUIRE);
    if (item == NULL || !_Py_TryIncref(item)) {
        return list_get_item_locked(self, i);
    }
    if (item != __atomic_load_n(&items[i], __ATOMIC_ACQUIRE)
        || items != __atomic_load_n(&self->ob_item, __ATOMIC_ACQUIRE)) {
        Py_DECREF(item);
        return list_get_item_locked(self, i);
    }
    return item;
#else
    if (!valid_index(i, Py_SIZE(self))) {
        return NULL;
    }
    return Py_NewRef(self->ob_item[i]);
#endif
}

PyObject *
_PyList_GetItemRefSlow(PyListObject *self, Py_ssize_t i)
{
    return list_get_item_ref(self, i);
}

#ifdef Py_GIL_DISABLED
/* self[i] with no reference taken, or NULL when i is out of range (or the
   slot was just vacated), for a caller that set the shared bit first
   (list_note_lockfree_reader): the item is then alive until the calling
   thread's next quiescent point (see _PyList_GetItemQsbr below). */
static inline PyObject *
load_item_noted(PyListObject *self, Py_ssize_t i)
{
    if (!valid_index(i, PyList_GET_SIZE(self))) {
        return NULL;
    }
    PyObject **items = __atomic_load_n(&self->ob_item, __ATOMIC_ACQUIRE);
    if (items == NULL || !valid_index(i, array_header(items)->allocated)) {
        return NULL;
    }
    return __atomic_load_n(&items[i], __ATOMIC_ACQUIRE);
}
#endif

#ifdef Py_GIL_DISABLED
/* self[i] with no reference taken, for the VM to keep in a QSBR-borrowed
   local (pycore_stackref.h), or NULL when the caller should take the
   ordinary path: self is the calling thread's (its counts are cheap),
   i is out of range, or the item is immortal or the caller's own.
   Safe without the lock: the shared bit is set (sequentially consistent)
   before the loads, so a writer that removed the item after they saw it
   saw the bit and delayed its reference (prepare_drop); one that removed
   it before made its stores visible to them.  Arrays read here are
   retired through QSBR too. */
PyObject *
_PyList_GetItemQsbr(PyListObject *self, Py_ssize_t i)
{
    if (_Py_IsOwnedByCurrentThread((PyObject *)self)) {
        return NULL;
    }
    list_note_lockfree_reader(self);
    PyObject *item = load_item_noted(self, i);
    if (item == NULL || _Py_IsImmortal(item)
            || _Py_IsOwnedByCurrentThread(item)) {
        return NULL;
    }
    return item;
}
#endif

Py_ssize_t
PyList_Size(PyObject *op)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyList_GET_SIZE(op);
}

/* Borrowed: the caller must know nobody else removes the item. */
PyObject *
PyList_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!valid_index(i, PyList_GET_SIZE(op))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return _PyList_CAST(op)->ob_item[i];
}

PyObject *
PyList_GetItemRef(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    PyObject *item = list_get_item_ref((PyListObject *)op, i);
    if (item == NULL) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
    }
    return item;
}

static PyObject *
list_item(PyObject *self, Py_ssize_t i)
{
    PyObject *item = list_get_item_ref((PyListObject *)self, i);
    if (item == NULL) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
    }
    return item;
}

static Py_ssize_t
list_length(PyObject *self)
{
    return PyList_GET_SIZE(self);
}

/* A new list of self[ilow:ihigh] (clipped); critical section held. */
static PyObject *
list_slice_locked(PyListObject *self, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    Py_ssize_t size = Py_SIZE(self);
    if (ilow < 0) {
        ilow = 0;
    }
    else if (ilow > size) {
        ilow = size;
    }
    if (ihigh < ilow) {
        ihigh = ilow;
    }
    else if (ihigh > size) {
        ihigh = size;
    }
    Py_ssize_t len = ihigh - ilow;
    PyListObject *np = list_new_prealloc(len);
    if (np == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        np->ob_item[i] = Py_NewRef(self->ob_item[ilow + i]);
    }
    list_set_size(np, len);
    return (PyObject *)np;
}

PyObject *
PyList_GetSlice(PyObject *op, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(op);
    result = list_slice_locked((PyListObject *)op, ilow, ihigh);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
list_copy_of(PyListObject *self)
{
    return PyList_GetSlice((PyObject *)self, 0, PY_SSIZE_T_MAX);
}

PyObject *
PyList_AsTuple(PyObject *op)
{
    if (op == NULL || !PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(op);
    result = PyTuple_FromArray(_PyList_CAST(op)->ob_item, Py_SIZE(op));
    Py_END_CRITICAL_SECTION();
    return result;
}

PyObject *
_PyList_AsTupleAndClear(PyListObject *self)
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    PyObject **items = self->ob_item;
    Py_ssize_t n = Py_SIZE(self);
    list_set_size(self, 0);
    list_set_array(self, NULL, 0);
    /* The items move to the tuple, which may die soon after. */
    int care = list_may_have_readers(self);
    for (Py_ssize_t i = 0; i < n; i++) {
        prepare_drop(care, items[i]);
    }
    result = _PyTuple_FromArraySteal(items, n);
    retire_items(care, items);
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ---- writing items ------------------------------------------------------ */

int
PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *old;
    if (!_PyList_ReplaceItem((PyListObject *)op, i, newitem, &old)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError,
                        "list assignment index out of range");
        return -1;
    }
    Py_XDECREF(old);
    return 0;
}

/* Insert a new reference to v before index `where` (clamped); critical
   section held. */
static int
list_insert_locked(PyListObject *self, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(self);
    if (n == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError,
                        "cannot add more objects to list");
        return -1;
    }
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    PyObject **items = self->ob_item;
    items_move(&items[where + 1], &items[where], n - where);
    PyList_SET_ITEM(self, where, Py_NewRef(v));
    return 0;
}

int
PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *newitem)
{
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(op);
    rc = list_insert_locked((PyListObject *)op, where, newitem);
    Py_END_CRITICAL_SECTION();
    return rc;
}

int
_PyList_AppendTakeRefListResize(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t n = Py_SIZE(self);
    if (n == PY_SSIZE_T_MAX) {
        Py_DECREF(newitem);
        PyErr_SetString(PyExc_OverflowError,
                        "cannot add more objects to list");
        return -1;
    }
    if (list_resize(self, n + 1) < 0) {
        Py_DECREF(newitem);
        return -1;
    }
    PyList_SET_ITEM(self, n, newitem);
    return 0;
}

int
PyList_Append(PyObject *op, PyObject *newitem)
{
    if (!PyList_Check(op) || newitem == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(op);
    rc = _PyList_AppendTakeRef((PyListObject *)op, Py_NewRef(newitem));
    Py_END_CRITICAL_SECTION();
    return rc;
}

/* Replace self[ilow:ihigh] (clipped) by new references to items[0:n].
   The critical section is held; `items` must not point into self's own
   array (callers snapshot the source first).  The replaced references are
   released after the list is consistent again. */
static int
list_replace_slice_locked(PyListObject *self, Py_ssize_t ilow,
                          Py_ssize_t ihigh, PyObject *const *items,
                          Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(self);
    if (ilow < 0) {
        ilow = 0;
    }
    else if (ilow > size) {
        ilow = size;
    }
    if (ihigh < ilow) {
        ihigh = ilow;
    }
    else if (ihigh > size) {
        ihigh = size;
    }
    Py_ssize_t norig = ihigh - ilow;
    if (n == 0 && norig == size) {
        list_clear_locked(self);
        return 0;
    }
    if (n == 0 && norig == 0) {
        return 0;
    }
    Py_ssize_t delta = n - norig;

    PyObject *small_recycle[8];
    PyObject **recycle = small_recycle;
    if ((size_t)norig > Py_ARRAY_LENGTH(small_recycle)) {
        recycle = PyMem_Malloc((size_t)norig * sizeof(PyObject *));
        if (recycle == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    if (norig > 0) {
        memcpy(recycle, &self->ob_item[ilow],
               (size_t)norig * sizeof(PyObject *));
    }
    if (delta < 0) {
        items_move(&self->ob_item[ihigh + delta], &self->ob_item[ihigh],
                   size - ihigh);
        (void)list_resize(self, size + delta);  /* shrinking cannot fail */
    }
    else if (delta > 0) {
        if (size > PY_SSIZE_T_MAX - delta
            || list_resize(self, size + delta) < 0) {
            if (!PyErr_Occurred()) {
                PyErr_NoMemory();
            }
            if (recycle != small_recycle) {
                PyMem_Free(recycle);
            }
            return -1;
        }
        items_move(&self->ob_item[ihigh + delta], &self->ob_item[ihigh],
                   size - ihigh);
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyList_SET_ITEM(self, ilow + k, Py_NewRef(items[k]));
    }
    int care = norig > 0 && list_may_have_readers(self);
    for (Py_ssize_t k = norig - 1; k >= 0; k--) {
        prepare_drop(care, recycle[k]);
        Py_XDECREF(recycle[k]);
    }
    if (recycle != small_recycle) {
        PyMem_Free(recycle);
    }
    return 0;
}

/* A sequence whose items can be read without any lock: a new reference
   to v itself when it is a tuple, else a private list (a copy taken under
   v's critical section when v is a list, so v may be the target). */
static PyObject *
sequence_snapshot(PyObject *v, const char *message)
{
    if (PyTuple_Check(v)) {
        return Py_NewRef(v);
    }
    if (PyList_Check(v)) {
        return list_copy_of((PyListObject *)v);
    }
    return PySequence_Fast(v, message);
}

static inline PyObject **
snapshot_items(PyObject *seq)
{
    return PyList_Check(seq) ? _PyList_ITEMS(seq) : _PyTuple_ITEMS(seq);
}

static inline Py_ssize_t
snapshot_size(PyObject *seq)
{
    return Py_SIZE(seq);
}

/* self[ilow:ihigh] = v, or del self[ilow:ihigh] when v is NULL. */
static int
list_ass_slice(PyListObject *self, Py_ssize_t ilow, Py_ssize_t ihigh,
               PyObject *v)
{
    PyObject *seq = NULL;
    if (v != NULL) {
        seq = sequence_snapshot(v, "can only assign an iterable");
        if (seq == NULL) {
            return -1;
        }
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (seq == NULL) {
        rc = list_replace_slice_locked(self, ilow, ihigh, NULL, 0);
    }
    else {
        rc = list_replace_slice_locked(self, ilow, ihigh,
                                       snapshot_items(seq),
                                       snapshot_size(seq));
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(seq);
    return rc;
}

int
PyList_SetSlice(PyObject *op, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_ass_slice((PyListObject *)op, ilow, ihigh, v);
}

int
PyList_Clear(PyObject *op)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    list_clear_locked((PyListObject *)op);
    Py_END_CRITICAL_SECTION();
    return 0;
}

/* self[i] = v, or del self[i] when v is NULL. */
static int
list_ass_item(PyObject *op, Py_ssize_t i, PyObject *v)
{
    PyListObject *self = (PyListObject *)op;
    PyObject *old = NULL;
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (!valid_index(i, Py_SIZE(self))) {
        PyErr_SetString(PyExc_IndexError,
                        "list assignment index out of range");
        rc = -1;
    }
    else if (v == NULL) {
        rc = list_replace_slice_locked(self, i, i + 1, NULL, 0);
    }
    else {
        old = self->ob_item[i];
        PyList_SET_ITEM(self, i, Py_NewRef(v));
        prepare_drop_one(self, old);
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return rc;
}

/* ---- reversal ----------------------------------------------------------- */

/* Readers may see an item twice while this runs, never a torn slot. */
static void
reverse_slice(PyObject **lo, PyObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        PyObject *tmp = *lo;
        slot_store(lo, *hi);
        slot_store(hi, tmp);
    }
}

int
PyList_Reverse(PyObject *op)
{
    if (op == NULL || !PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    PyListObject *self = (PyListObject *)op;
    if (Py_SIZE(self) > 1) {
        reverse_slice(self->ob_item, self->ob_item + Py_SIZE(self));
    }
    Py_END_CRITICAL_SECTION();
    return 0;
}

/* ---- extend ------------------------------------------------------------- */

/* Append new references to items[0:n]; critical section held. */
static int
list_append_array_locked(PyListObject *self, PyObject *const *items,
                         Py_ssize_t n)
{
    Py_ssize_t m = Py_SIZE(self);
    if (n == 0) {
        return 0;
    }
    if (m > PY_SSIZE_T_MAX - n) {
        PyErr_NoMemory();
        return -1;
    }
    if (list_resize(self, m + n) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyList_SET_ITEM(self, m + i, Py_NewRef(items[i]));
    }
    return 0;
}

static int
list_extend_from_list(PyListObject *self, PyListObject *other)
{
    int rc;
    if (self == other) {
        Py_BEGIN_CRITICAL_SECTION(self);
        /* Duplicating in place: the array may move while growing, so
           index it afresh rather than through a saved pointer. */
        Py_ssize_t n = Py_SIZE(self);
        rc = 0;
        if (n > 0) {
            if (n > PY_SSIZE_T_MAX - n) {
                PyErr_NoMemory();
                rc = -1;
            }
            else if ((rc = list_resize(self, 2 * n)) == 0) {
                for (Py_ssize_t i = 0; i < n; i++) {
                    PyList_SET_ITEM(self, n + i, Py_NewRef(self->ob_item[i]));
                }
            }
        }
        Py_END_CRITICAL_SECTION();
        return rc;
    }
    Py_BEGIN_CRITICAL_SECTION2(self, other);
    rc = list_append_array_locked(self, other->ob_item, Py_SIZE(other));
    Py_END_CRITICAL_SECTION2();
    return rc;
}

/* Extend from an arbitrary iterable.  The critical section is held across
   the loop (iteration may suspend it); __length_hint__ presizes the array
   and the unused tail is trimmed at the end. */
static int
list_extend_from_iter(PyListObject *self, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    Py_ssize_t hint = PyObject_LengthHint(iterable, 8);
    if (hint < 0) {
        Py_DECREF(it);
        return -1;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t m = Py_SIZE(self);
    if (hint > 0 && m <= PY_SSIZE_T_MAX - hint) {
        /* Presizing is only an optimisation: ignore its failure. */
        if (list_reserve(self, m + hint) < 0) {
            PyErr_Clear();
        }
    }
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
                    PyErr_Clear();
                }
                else {
                    rc = -1;
                }
            }
            break;
        }
        if (_PyList_AppendTakeRef(self, item) < 0) {
            rc = -1;
            break;
        }
    }
    /* Give back what the hint over-estimated. */
    if (Py_SIZE(self) < self->allocated) {
        (void)list_resize(self, Py_SIZE(self));
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(it);
    return rc;
}

/* Extend from an exact set or frozenset, or the keys of an exact dict:
   the items are copied inside both critical sections, so a concurrent
   mutation of the source can neither make the copy fail ("changed size
   during iteration") nor tear it. */
static int
list_extend_from_set_or_dict(PyListObject *self, PyObject *source)
{
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION2(self, source);
    int is_dict = PyDict_CheckExact(source);
    Py_ssize_t n = is_dict ? PyDict_GET_SIZE(source) : PySet_GET_SIZE(source);
    Py_ssize_t m = Py_SIZE(self);
    if (n > PY_SSIZE_T_MAX - m || list_reserve(self, m + n) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        rc = -1;
    }
    else {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        Py_hash_t hash;
        while (rc == 0 && (is_dict ? PyDict_Next(source, &pos, &key, &value)
                                   : _PySet_NextEntry(source, &pos, &key, &hash))) {
            rc = _PyList_AppendTakeRef(self, Py_NewRef(key));
        }
    }
    Py_END_CRITICAL_SECTION2();
    return rc;
}

int
_PyList_Extend(PyListObject *self, PyObject *iterable)
{
    /* x.extend(x) must copy even for a list subclass: iterating over a
       list while appending to it would never end. */
    if (PyList_CheckExact(iterable) || (PyObject *)self == iterable) {
        return list_extend_from_list(self, (PyListObject *)iterable);
    }
    if (PyTuple_CheckExact(iterable)) {
        int rc;
        Py_BEGIN_CRITICAL_SECTION(self);
        rc = list_append_array_locked(self, _PyTuple_ITEMS(iterable),
                                      Py_SIZE(iterable));
        Py_END_CRITICAL_SECTION();
        return rc;
    }
    if (PyAnySet_CheckExact(iterable) || PyDict_CheckExact(iterable)) {
        return list_extend_from_set_or_dict(self, iterable);
    }
    return list_extend_from_iter(self, iterable);
}

int
PyList_Extend(PyObject *op, PyObject *iterable)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return _PyList_Extend((PyListObject *)op, iterable);
}

/* ---- sorting ------------------------------------------------------------ */

/* Sort self in place.  The items are detached from the list for the
   duration (the list looks empty, allocated == -1), so comparisons that
   mutate the list cannot corrupt the sort; a mutation is detected
   afterwards and reported.  Readers that loaded the array before it was
   detached may still be reading it (free-threaded build): the sort then
   works on a private copy and the original goes through QSBR, so they
   see a valid array, just not the sorted one.  With reverse, the list is
   reversed before and after an ascending sort, which keeps equal items
   in their original order.  Keys are computed once per item. */
static int
list_sort_impl(PyListObject *self, PyObject *keyfunc, int reverse)
{
    int rc = 0;
    PyObject **intruders;
    Py_ssize_t intruder_count;
    Py_BEGIN_CRITICAL_SECTION(self);
    PyObject **saved_items = self->ob_item;
    Py_ssize_t saved_size = Py_SIZE(self);
    Py_ssize_t saved_allocated = self->allocated;
    list_set_size(self, 0);
    list_set_array(self, NULL, -1);
    if (saved_items != NULL && list_may_have_readers(self)) {
        PyObject **copy = items_alloc(saved_allocated, 0);
        if (copy == NULL) {
            PyErr_NoMemory();
            rc = -1;
        }
        else {
            /* Slots beyond the size are NULL: copying them keeps it so. */
            memcpy(copy, saved_items,
                   (size_t)saved_allocated * sizeof(PyObject *));
            retire_items(1, saved_items);
            saved_items = copy;
        }
    }

    PyObject **keys = NULL;
    if (rc == 0 && keyfunc != NULL && saved_size > 0) {
        keys = PyMem_Malloc((size_t)saved_size * sizeof(PyObject *));
        if (keys == NULL) {
            PyErr_NoMemory();
            rc = -1;
        }
        for (Py_ssize_t i = 0; rc == 0 && i < saved_size; i++) {
            keys[i] = PyObject_CallOneArg(keyfunc, saved_items[i]);
            if (keys[i] == NULL) {
                for (Py_ssize_t j = 0; j < i; j++) {
                    Py_DECREF(keys[j]);
                }
                PyMem_Free(keys);
                keys = NULL;
                rc = -1;
            }
        }
    }
    if (rc == 0 && saved_size > 1) {
        if (reverse) {
            reverse_slice(saved_items, saved_items + saved_size);
            if (keys != NULL) {
                reverse_slice(keys, keys + saved_size);
            }
        }
        if (keys != NULL) {
            rc = _PyList_TimSort(keys, saved_items, saved_size);
        }
        else {
            rc = _PyList_TimSort(saved_items, NULL, saved_size);
        }
        if (reverse) {
            reverse_slice(saved_items, saved_items + saved_size);
        }
    }
    if (keys != NULL) {
        for (Py_ssize_t i = 0; i < saved_size; i++) {
            Py_DECREF(keys[i]);
        }
        PyMem_Free(keys);
    }

    /* Whatever comparisons stored in the list meanwhile is dropped. */
    intruders = self->ob_item;
    intruder_count = Py_SIZE(self);
    if (self->allocated != -1 && rc == 0) {
        PyErr_SetString(PyExc_ValueError, "list modified during sort");
        rc = -1;
    }
    list_set_array(self, saved_items, saved_allocated);
    list_set_size(self, saved_size);
    if (intruders != NULL) {
        /* The list is consistent again: destructors may look at it. */
        int care = list_may_have_readers(self);
        while (--intruder_count >= 0) {
            prepare_drop(care, intruders[intruder_count]);
            Py_XDECREF(intruders[intruder_count]);
        }
        retire_items(care, intruders);
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

int
PyList_Sort(PyObject *op)
{
    if (op == NULL || !PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_sort_impl((PyListObject *)op, NULL, 0);
}

/* list.sort(*, key=None, reverse=False) */
static PyObject *
list_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
          PyObject *kwnames)
{
    if (nargs > 0) {
        PyErr_SetString(PyExc_TypeError,
                        "sort() takes no positional arguments");
        return NULL;
    }
    PyObject *keyfunc = NULL, *reverse_obj = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_EqualToUTF8(name, "key")) {
            keyfunc = args[i];
        }
        else if (PyUnicode_EqualToUTF8(name, "reverse")) {
            reverse_obj = args[i];
        }
        else {
            static const char *const names[] = { "key", "reverse" };
            _PyArg_UnexpectedKeyword("sort", name, names, 2);
            return NULL;
        }
    }
    if (keyfunc == Py_None) {
        keyfunc = NULL;
    }
    int reverse = 0;
    if (reverse_obj != NULL) {
        reverse = PyLong_AsInt(reverse_obj);
        if (reverse == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (list_sort_impl((PyListObject *)self, keyfunc, reverse != 0) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- repr and comparison ------------------------------------------------ */

static PyObject *
list_repr(PyObject *self)
{
    if (PyList_GET_SIZE(self) == 0) {
        return PyUnicode_FromString("[]");
    }
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromString("[...]") : NULL;
    }
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(
        1 + 3 * PyList_GET_SIZE(self));
    if (writer == NULL) {
        goto error;
    }
    if (PyUnicodeWriter_WriteChar(writer, '[') < 0) {
        goto error;
    }
    /* An item's repr may change the list: re-check the size each time. */
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item = list_get_item_ref((PyListObject *)self, i);
        if (item == NULL) {
            break;
        }
        int err = (i > 0 && PyUnicodeWriter_WriteUTF8(writer, ", ", 2) < 0)
                  || PyUnicodeWriter_WriteRepr(writer, item) < 0;
        Py_DECREF(item);
        if (err) {
            goto error;
        }
    }
    if (PyUnicodeWriter_WriteChar(writer, ']') < 0) {
        goto error;
    }
    Py_ReprLeave(self);
    return PyUnicodeWriter_Finish(writer);

error:
    if (writer != NULL) {
        PyUnicodeWriter_Discard(writer);
    }
    Py_ReprLeave(self);
    return NULL;
}

static PyObject *
list_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyList_Check(v) || !PyList_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyListObject *vl = (PyListObject *)v, *wl = (PyListObject *)w;
    if (PyList_GET_SIZE(vl) != PyList_GET_SIZE(wl)
        && (op == Py_EQ || op == Py_NE)) {
        return PyBool_FromLong(op == Py_NE);
    }
    /* Find the first index where the items differ; comparisons may
       change either list, so each step re-reads both. */
    PyObject *vitem = NULL, *witem = NULL;
    Py_ssize_t i;
    for (i = 0;; i++) {
        vitem = list_get_item_ref(vl, i);
        witem = list_get_item_ref(wl, i);
        if (vitem == NULL || witem == NULL) {
            break;
        }
        int k = PyObject_RichCompareBool(vitem, witem, Py_EQ);
        if (k <= 0) {
            if (k < 0) {
                Py_DECREF(vitem);
                Py_DECREF(witem);
                return NULL;
            }
            break;
        }
        Py_DECREF(vitem);
        Py_DECREF(witem);
    }
    /* One list is a prefix of the other, or the comparison that found
       the difference shrank a list past it (as CPython): compare sizes. */
    if (vitem == NULL || witem == NULL
            || i >= PyList_GET_SIZE(vl) || i >= PyList_GET_SIZE(wl)) {
        Py_XDECREF(vitem);
        Py_XDECREF(witem);
        Py_ssize_t vs = PyList_GET_SIZE(vl), ws = PyList_GET_SIZE(wl);
        Py_RETURN_RICHCOMPARE(vs, ws, op);
    }
    PyObject *result;
    if (op == Py_EQ) {
        result = Py_NewRef(Py_False);
    }
    else if (op == Py_NE) {
        result = Py_NewRef(Py_True);
    }
    else {
        result = PyObject_RichCompare(vitem, witem, op);
    }
    Py_DECREF(vitem);
    Py_DECREF(witem);
    return result;
}

/* ---- sequence protocol -------------------------------------------------- */

#ifdef Py_GIL_DISABLED
/* Whether comparing value for equality with an object of its own type
   runs no code of any kind (no destructor, no detach): exact int, float
   and str. */
static inline int
compares_without_code(PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(value);
    return tp == &PyLong_Type || tp == &PyFloat_Type || tp == &PyUnicode_Type;
}

/* `value in self` for a list another thread owns, writing no item's
   count: an item of value's type is compared without a reference, which
   is safe because the shared bit is set first (the item stays alive until
   this thread's next quiescent point, _PyList_GetItemQsbr) and the
   comparison reaches none.  Other items are counted as list_contains
   does, since comparing them may run code. */
static int
contains_uncounted(PyListObject *self, PyObject *value)
{
    list_note_lockfree_reader(self);
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item = load_item_noted(self, i);
        if (item == value) {
            return 1;
        }
        if (item != NULL && Py_IS_TYPE(item, Py_TYPE(value))) {
            int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
            if (cmp != 0) {
                return cmp;
            }
            continue;
        }
        item = list_get_item_ref(self, i);
        if (item == NULL) {
            return 0;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0) {
            return cmp;
        }
    }
}
#endif

static int
list_contains(PyObject *self, PyObject *value)
{
#ifdef Py_GIL_DISABLED
    if (!_Py_IsOwnedByCurrentThread(self) && compares_without_code(value)) {
        return contains_uncounted((PyListObject *)self, value);
    }
#endif
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item = list_get_item_ref((PyListObject *)self, i);
        if (item == NULL) {
            return 0;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0) {
            return cmp;
        }
    }
}

static PyObject *
list_concat(PyObject *a, PyObject *b)
{
    if (!PyList_Check(b)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate list (not \"%.200s\") to list",
                     Py_TYPE(b)->tp_name);
        return NULL;
    }
    PyListObject *np = NULL;
    Py_BEGIN_CRITICAL_SECTION2(a, b);
    Py_ssize_t na = Py_SIZE(a), nb = Py_SIZE(b);
    if (na > PY_SSIZE_T_MAX - nb) {
        PyErr_NoMemory();
    }
    else if ((np = list_new_prealloc(na + nb)) != NULL) {
        PyObject **dest = np->ob_item;
        for (Py_ssize_t i = 0; i < na; i++) {
            dest[i] = Py_NewRef(_PyList_ITEMS(a)[i]);
        }
        for (Py_ssize_t i = 0; i < nb; i++) {
            dest[na + i] = Py_NewRef(_PyList_ITEMS(b)[i]);
        }
        list_set_size(np, na + nb);
    }
    Py_END_CRITICAL_SECTION2();
    return (PyObject *)np;
}

static PyObject *
list_repeat(PyObject *self, Py_ssize_t n)
{
    PyListObject *np = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (n <= 0 || size == 0) {
        np = (PyListObject *)PyList_New(0);
    }
    else if (size > PY_SSIZE_T_MAX / n) {
        PyErr_NoMemory();
    }
    else if ((np = list_new_prealloc(size * n)) != NULL) {
        PyObject **src = _PyList_ITEMS(self), **dest = np->ob_item;
        for (Py_ssize_t r = 0; r < n; r++) {
            for (Py_ssize_t i = 0; i < size; i++) {
                *dest++ = Py_NewRef(src[i]);
            }
        }
        list_set_size(np, size * n);
    }
    Py_END_CRITICAL_SECTION();
    return (PyObject *)np;
}

static PyObject *
list_inplace_concat(PyObject *self, PyObject *other)
{
    if (_PyList_Extend((PyListObject *)self, other) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
list_inplace_repeat(PyObject *op, Py_ssize_t n)
{
    PyListObject *self = (PyListObject *)op;
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (n <= 0) {
        list_clear_locked(self);
    }
    else if (n > 1 && size > 0) {
        if (size > PY_SSIZE_T_MAX / n) {
            PyErr_NoMemory();
            rc = -1;
        }
        else if ((rc = list_resize(self, size * n)) == 0) {
            PyObject **items = self->ob_item;
            for (Py_ssize_t r = 1; r < n; r++) {
                for (Py_ssize_t i = 0; i < size; i++) {
                    slot_store(&items[r * size + i], Py_NewRef(items[i]));
                }
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

/* ---- subscripts --------------------------------------------------------- */

/* A new list of self[start::step] with `len` items (step != 1). */
static PyObject *
list_extended_slice(PyListObject *self, Py_ssize_t start, Py_ssize_t stop,
                    Py_ssize_t step)
{
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t len = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop,
                                           step);
    if (step == 1) {
        result = list_slice_locked(self, start, stop);
    }
    else {
        PyListObject *np = list_new_prealloc(len);
        if (np != NULL) {
            for (Py_ssize_t i = 0, cur = start; i < len; i++, cur += step) {
                np->ob_item[i] = Py_NewRef(self->ob_item[cur]);
            }
            list_set_size(np, len);
        }
        result = (PyObject *)np;
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* self[start:stop] with the bounds as PySlice_Unpack leaves them (not yet
   adjusted to the size): BINARY_SLICE's fast path, which skips the slice
   object.  The critical section adjusts and copies against one size. */
PyObject *
_PyList_SliceUnpacked(PyListObject *self, Py_ssize_t start, Py_ssize_t stop)
{
    return list_extended_slice(self, start, stop, 1);
}

static PyObject *
list_subscript(PyObject *self, PyObject *item)
{
    if (_PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += PyList_GET_SIZE(self);
        }
        return list_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        return list_extended_slice((PyListObject *)self, start, stop, step);
    }
    PyErr_Format(PyExc_TypeError,
                 "list indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* del self[start:stop:step] for step != 1; critical section held.  The
   survivors are compacted in one pass; the removed references are moved
   to *garbage (a PyMem array the caller releases) and counted in
   *ngarbage. */
static int
list_delete_extended_locked(PyListObject *self, Py_ssize_t start,
                            Py_ssize_t stop, Py_ssize_t step,
                            PyObject ***garbage, Py_ssize_t *ngarbage)
{
    Py_ssize_t size = Py_SIZE(self);
    Py_ssize_t len = PySlice_AdjustIndices(size, &start, &stop, step);
    *garbage = NULL;
    *ngarbage = 0;
    if (len <= 0) {
        return 0;
    }
    if (step < 0) {
        /* The same positions, visited in ascending order. */
        start += step * (len - 1);
        step = -step;
    }
    PyObject **removed = PyMem_Malloc((size_t)len * sizeof(PyObject *));
    if (removed == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = self->ob_item;
    Py_ssize_t write = start, next_removed = start, nremoved = 0;
    for (Py_ssize_t read = start; read < size; read++) {
        if (nremoved < len && read == next_removed) {
            removed[nremoved++] = items[read];
            next_removed += step;
        }
        else {
            slot_store(&items[write++], items[read]);
        }
    }
    (void)list_resize(self, size - len);  /* shrinking cannot fail */
    int care = list_may_have_readers(self);
    for (Py_ssize_t i = 0; i < len; i++) {
        prepare_drop(care, removed[i]);
    }
    *garbage = removed;
    *ngarbage = len;
    return 0;
}

/* self[start:stop:step] = seq for step != 1; critical section held.  The
   replaced references go to *garbage as above. */
static int
list_assign_extended_locked(PyListObject *self, Py_ssize_t start,
                            Py_ssize_t stop, Py_ssize_t step,
                            PyObject *seq,
                            PyObject ***garbage, Py_ssize_t *ngarbage)
{
    Py_ssize_t len = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop,
                                           step);
    Py_ssize_t n = snapshot_size(seq);
    *garbage = NULL;
    *ngarbage = 0;
    if (n != len) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign sequence of size %zd "
                     "to extended slice of size %zd", n, len);
        return -1;
    }
    if (len == 0) {
        return 0;
    }
    PyObject **replaced = PyMem_Malloc((size_t)len * sizeof(PyObject *));
    if (replaced == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **src = snapshot_items(seq);
    for (Py_ssize_t i = 0, cur = start; i < len; i++, cur += step) {
        replaced[i] = self->ob_item[cur];
        PyList_SET_ITEM(self, cur, Py_NewRef(src[i]));
    }
    int care = list_may_have_readers(self);
    for (Py_ssize_t i = 0; i < len; i++) {
        prepare_drop(care, replaced[i]);
    }
    *garbage = replaced;
    *ngarbage = len;
    return 0;
}

/* self[start:stop] = value (del when value is NULL) with the bounds as
   PySlice_Unpack leaves them; list_ass_subscript_slice and STORE_SLICE's
   fast path.  Another list is copied from inside both lists' critical
   sections, with no snapshot: nothing in list_replace_slice_locked runs
   code before the new references are taken.  Anything else (and self
   itself, which the replacement moves) is snapshotted first, since that
   may run code. */
int
_PyList_AssignSliceUnpacked(PyListObject *self, Py_ssize_t start,
                            Py_ssize_t stop, PyObject *value)
{
    int rc;
    if (value != NULL && PyList_Check(value) && value != (PyObject *)self) {
        Py_BEGIN_CRITICAL_SECTION2(self, value);
        /* Adjusted indices have stop >= start or an empty slice, which
           the replacement clips to an insertion at start (a[5:2] = x). */
        (void)PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, 1);
        rc = list_replace_slice_locked(self, start, stop, _PyList_ITEMS(value),
                                       Py_SIZE(value));
        Py_END_CRITICAL_SECTION2();
        return rc;
    }
    PyObject *seq = NULL;
    if (value != NULL) {
        seq = sequence_snapshot(value, "can only assign an iterable");
        if (seq == NULL) {
            return -1;
        }
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    (void)PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, 1);
    rc = list_replace_slice_locked(self, start, stop,
                                   seq ? snapshot_items(seq) : NULL,
                                   seq ? snapshot_size(seq) : 0);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(seq);
    return rc;
}

/* self[slice] = value, or del self[slice] when value is NULL.  Indices
   are unpacked and the source snapshotted (both may run arbitrary code)
   before the lock is taken and the indices clipped to the current size. */
static int
list_ass_subscript_slice(PyListObject *self, PyObject *slice,
                         PyObject *value)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(slice, &start, &stop, &step) < 0) {
        return -1;
    }
    if (step == 1) {
        return _PyList_AssignSliceUnpacked(self, start, stop, value);
    }
    PyObject *seq = NULL;
    if (value != NULL) {
        seq = sequence_snapshot(value,
                                "must assign iterable to extended slice");
        if (seq == NULL) {
            return -1;
        }
    }
    PyObject **garbage;
    Py_ssize_t ngarbage;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (seq == NULL) {
        rc = list_delete_extended_locked(self, start, stop, step,
                                         &garbage, &ngarbage);
    }
    else {
        rc = list_assign_extended_locked(self, start, stop, step, seq,
                                         &garbage, &ngarbage);
    }
    Py_END_CRITICAL_SECTION();
    for (Py_ssize_t i = 0; i < ngarbage; i++) {
        Py_DECREF(garbage[i]);
    }
    PyMem_Free(garbage);
    Py_XDECREF(seq);
    return rc;
}

static int
list_ass_subscript(PyObject *self, PyObject *item, PyObject *value)
{
    if (_PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (i < 0) {
            i += PyList_GET_SIZE(self);
        }
        return list_ass_item(self, i, value);
    }
    if (PySlice_Check(item)) {
        return list_ass_subscript_slice((PyListObject *)self, item, value);
    }
    PyErr_Format(PyExc_TypeError,
                 "list indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return -1;
}

/* ---- methods ------------------------------------------------------------ */

static PyObject *
list_append(PyObject *self, PyObject *object)
{
    if (PyList_Append(self, object) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* An index argument as Py_ssize_t, OverflowError when out of range. */
static int
index_argument(PyObject *arg, Py_ssize_t *result)
{
    PyObject *index = PyNumber_Index(arg);
    if (index == NULL) {
        return -1;
    }
    Py_ssize_t value = PyLong_AsSsize_t(index);
    Py_DECREF(index);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    *result = value;
    return 0;
}

/* list.insert(index, object, /) */
static PyObject *
list_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "insert expected 2 arguments, got %zd",
                     nargs);
        return NULL;
    }
    Py_ssize_t where;
    if (index_argument(args[0], &where) < 0) {
        return NULL;
    }
    if (PyList_Insert(self, where, args[1]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
list_extend(PyObject *self, PyObject *iterable)
{
    if (_PyList_Extend((PyListObject *)self, iterable) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* list.pop(index=-1, /) */
static PyObject *
list_pop(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "pop expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    Py_ssize_t index = -1;
    if (nargs == 1 && index_argument(args[0], &index) < 0) {
        return NULL;
    }
    PyListObject *self = (PyListObject *)op;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (size == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
    }
    else {
        if (index < 0) {
            index += size;
        }
        if (!valid_index(index, size)) {
            PyErr_SetString(PyExc_IndexError, "pop index out of range");
        }
        else {
            /* The reference moves from the list to the caller. */
            result = self->ob_item[index];
            items_move(&self->ob_item[index], &self->ob_item[index + 1],
                       size - index - 1);
            (void)list_resize(self, size - 1);  /* shrinking cannot fail */
            prepare_drop_one(self, result);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
list_remove(PyObject *op, PyObject *value)
{
    PyListObject *self = (PyListObject *)op;
    PyObject *result = NULL;
    int found = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *item = Py_NewRef(self->ob_item[i]);
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            found = -1;
            break;
        }
        /* The comparison may have shrunk the list; deleting clips i. */
        if (cmp > 0) {
            if (list_replace_slice_locked(self, i, i + 1, NULL, 0) == 0) {
                result = Py_None;
            }
            found = 1;
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (found == 0) {
        PyErr_SetString(PyExc_ValueError, "list.remove(x): x not in list");
    }
    return result;
}

/* list.index(value, start=0, stop=sys.maxsize, /) */
static PyObject *
list_index(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError,
                     nargs < 1 ? "index expected at least 1 argument, got %zd"
                               : "index expected at most 3 arguments, got %zd",
                     nargs);
        return NULL;
    }
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs >= 2 && _PySlice_ClampIndex(args[1], &start) < 0) {
        return NULL;
    }
    if (nargs >= 3 && _PySlice_ClampIndex(args[2], &stop) < 0) {
        return NULL;
    }
    PyListObject *self = (PyListObject *)op;
    PyObject *value = args[0];
    Py_ssize_t size = PyList_GET_SIZE(self);
    if (start < 0) {
        start += size;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += size;
    }
    for (Py_ssize_t i = start; i < stop; i++) {
        PyObject *item = list_get_item_ref(self, i);
        if (item == NULL) {
            break;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0) {
            return PyLong_FromSsize_t(i);
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    PyErr_Format(PyExc_ValueError, "%R is not in list", value);
    return NULL;
}

static PyObject *
list_count(PyObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item = list_get_item_ref((PyListObject *)self, i);
        if (item == NULL) {
            break;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            return NULL;
        }
        count += cmp;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
list_clear_method(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    (void)PyList_Clear(self);
    Py_RETURN_NONE;
}

static PyObject *
list_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return list_copy_of((PyListObject *)self);
}

static PyObject *
list_reverse(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    (void)PyList_Reverse(self);
    Py_RETURN_NONE;
}

static PyObject *
list_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t allocated = load_ssize(&((PyListObject *)self)->allocated);
    if (allocated < 0) {
        allocated = 0;  /* detached during a sort */
    }
    return PyLong_FromSsize_t(Py_TYPE(self)->tp_basicsize
                              + allocated * (Py_ssize_t)sizeof(PyObject *));
}

/* list[int]: a types.GenericAlias (PEP 585). */
static PyObject *
list_class_getitem(PyObject *cls, PyObject *args)
{
    return Py_GenericAlias(cls, args);
}

static PyObject *list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored));

/* ---- construction ------------------------------------------------------- */

/* list.__init__(self, iterable=(), /): empties self, then extends it. */
static int
list_init_impl(PyListObject *self, PyObject *iterable)
{
    if (PyList_GET_SIZE(self) != 0 || load_ssize(&self->allocated) != 0) {
        (void)PyList_Clear((PyObject *)self);
    }
    if (iterable != NULL) {
        return _PyList_Extend(self, iterable);
    }
    return 0;
}

static int
list_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    /* A subclass that keeps list's __new__ takes no keywords either. */
    if ((Py_IS_TYPE(self, &PyList_Type)
         || Py_TYPE(self)->tp_new == PyList_Type.tp_new)
        && kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "list expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    return list_init_impl((PyListObject *)self,
                          nargs ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyObject *
list_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "list() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "list expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)type;
    PyObject *list = tp == &PyList_Type ? PyList_New(0)
                                        : tp->tp_alloc(tp, 0);
    if (list == NULL) {
        return NULL;
    }
    if (nargs == 1 && list_init_impl((PyListObject *)list, args[0]) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* ---- iterators ---------------------------------------------------------- */

static PyObject *
list_iter(PyObject *seq)
{
    if (!PyList_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    /* Every `for` over a list makes one: reuse a dead one of this
       thread's (pycore_freelist.h) before asking the allocator. */
    _PyListIterObject *it = (_PyListIterObject *)_Py_freelist_pop_gc(
        &_Py_freelists_get()->listiters, &PyListIter_Type);
    if (it == NULL) {
        it = PyObject_GC_New(_PyListIterObject, &PyListIter_Type);
        if (it == NULL) {
            return NULL;
        }
    }
    it->it_index = 0;
    it->it_seq = (PyListObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
listiter_dealloc(PyObject *self)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    /* Only forward iterators are kept: list_iter is the one taker.  The
       list is the calling thread's own, so no lock (pycore_freelist.h). */
    if (!Py_IS_TYPE(self, &PyListIter_Type)
            || !_Py_freelist_push(&_Py_freelists_get()->listiters, self,
                                  _Py_FREELIST_LISTITERS)) {
        PyObject_GC_Del(it);
    }
}

static int
listiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyListIterObject *)self)->it_seq);
    return 0;
}

/* An exhausted iterator stays exhausted even if the list grows later:
   the default build drops it_seq, the free-threaded one (where another
   thread may be reading it_seq) sets it_index to -1. */
static PyObject *
listiter_next(PyObject *self)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    PyListObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t index = load_ssize(&it->it_index);
    if (index < 0) {
        return NULL;
    }
    PyObject *item = list_get_item_ref(seq, index);
    if (item != NULL) {
        store_ssize(&it->it_index, index + 1);
        return item;
    }
#ifdef Py_GIL_DISABLED
    store_ssize(&it->it_index, -1);
#else
    it->it_seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *
listiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    Py_ssize_t index = load_ssize(&it->it_index);
    Py_ssize_t len = 0;
    if (it->it_seq != NULL && index >= 0) {
        len = PyList_GET_SIZE(it->it_seq) - index;
        if (len < 0) {
            len = 0;
        }
    }
    return PyLong_FromSsize_t(len);
}

/* it_seq is only cleared by listiter_next in the default build, which
   has the GIL; the free-threaded build marks exhaustion with a negative
   it_index instead, read atomically. */
static PyObject *
listiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    PyObject *iter = _PyIter_Builtin("iter");
    if (iter == NULL) {
        return NULL;
    }
    Py_ssize_t index = load_ssize(&it->it_index);
    PyObject *seq = index < 0 ? NULL : (PyObject *)it->it_seq;
    if (seq == NULL) {
        /* Exhausted: pickled as an iterator over an empty list. */
        return Py_BuildValue("N(N)", iter, PyList_New(0));
    }
    return _PyIter_ReduceIndexed(iter, seq, index);
}

static PyObject *
listiter_setstate(PyObject *self, PyObject *state)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    Py_ssize_t index;
    if (_PyIter_StateIndex(state, 0, PY_SSIZE_T_MAX, &index) < 0) {
        return NULL;
    }
    if (it->it_seq != NULL && load_ssize(&it->it_index) >= 0) {
        Py_ssize_t size = PyList_GET_SIZE(it->it_seq);
        store_ssize(&it->it_index, index > size ? size : index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", listiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", listiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyListIter_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(_PyListIterObject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
    .tp_free = PyObject_GC_Del,
};

/* reversed(list): it_index counts down to -1, which marks exhaustion in
   both builds; an index beyond a list that shrank meanwhile also ends the
   iteration. */
static PyObject *
list_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyListIterObject *it = PyObject_GC_New(_PyListIterObject,
                                            &PyListRevIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = PyList_GET_SIZE(self) - 1;
    it->it_seq = (PyListObject *)Py_NewRef(self);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
listreviter_next(PyObject *self)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    PyListObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t index = load_ssize(&it->it_index);
    if (index >= 0) {
        PyObject *item = list_get_item_ref(seq, index);
        if (item != NULL) {
            store_ssize(&it->it_index, index - 1);
            return item;
        }
    }
    store_ssize(&it->it_index, -1);
#ifndef Py_GIL_DISABLED
    it->it_seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *
listreviter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    Py_ssize_t len = 0;
    if (it->it_seq != NULL) {
        len = load_ssize(&it->it_index) + 1;
        if (len > PyList_GET_SIZE(it->it_seq) || len < 0) {
            len = 0;
        }
    }
    return PyLong_FromSsize_t(len);
}

/* Safe without a lock for the reasons given at listiter_reduce. */
static PyObject *
listreviter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    PyObject *reversed = _PyIter_Builtin("reversed");
    if (reversed == NULL) {
        return NULL;
    }
    Py_ssize_t index = load_ssize(&it->it_index);
    PyObject *seq = index < 0 ? NULL : (PyObject *)it->it_seq;
    if (seq == NULL) {
        /* Exhausted: still a reversed iterator, over an empty list. */
        return Py_BuildValue("N(N)", reversed, PyList_New(0));
    }
    return _PyIter_ReduceIndexed(reversed, seq, index);
}

static PyObject *
listreviter_setstate(PyObject *self, PyObject *state)
{
    _PyListIterObject *it = (_PyListIterObject *)self;
    Py_ssize_t index;
    if (_PyIter_StateIndex(state, -1, PY_SSIZE_T_MAX, &index) < 0) {
        return NULL;
    }
    if (it->it_seq != NULL) {
        Py_ssize_t last = PyList_GET_SIZE(it->it_seq) - 1;
        store_ssize(&it->it_index, index > last ? last : index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", listreviter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", listreviter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyListRevIter_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(_PyListIterObject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
    .tp_free = PyObject_GC_Del,
};

/* ---- the type ----------------------------------------------------------- */

static PySequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static PyMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

static PyMethodDef list_methods[] = {
    {"__reversed__", list_reversed, METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", list_sizeof, METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", list_clear_method, METH_NOARGS,
     "Remove all items from list."},
    {"copy", list_copy, METH_NOARGS,
     "Return a shallow copy of the list."},
    {"append", list_append, METH_O,
     "Append object to the end of the list."},
    {"insert", _PyCFunction_CAST(list_insert), METH_FASTCALL,
     "Insert object before index."},
    {"extend", list_extend, METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", _PyCFunction_CAST(list_pop), METH_FASTCALL,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", list_remove, METH_O,
     "Remove first occurrence of value.\n\n"
     "Raises ValueError if the value is not present."},
    {"index", _PyCFunction_CAST(list_index), METH_FASTCALL,
     "Return first index of value.\n\n"
     "Raises ValueError if the value is not present."},
    {"count", list_count, METH_O,
     "Return number of occurrences of value."},
    {"reverse", list_reverse, METH_NOARGS,
     "Reverse *IN PLACE*."},
    {"sort", _PyCFunction_CAST(list_sort), METH_FASTCALL | METH_KEYWORDS,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable "
     "(i.e. the\norder of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and "
     "sort them,\nascending or descending, according to their function "
     "values.\n\nThe reverse flag can be set to sort in descending order."},
    {"__class_getitem__", list_class_getitem, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyList_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "list",
    .tp_basicsize = sizeof(PyListObject),
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE
                | Py_TPFLAGS_LIST_SUBCLASS | _Py_TPFLAGS_MATCH_SELF
                | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty "
              "list.\n"
              "The argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = list_vectorcall,
};
