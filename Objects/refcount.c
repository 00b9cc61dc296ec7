/* Reference-count slow paths and the exported count functions.

   The inline fast paths live in Include/refcount.h; the rules are in
   Doc/internals/refcounting.md.  In the free-threaded build this file
   holds the biased-counting merge logic and the queue through which a
   non-owner hands an object whose shared count would go negative to its
   owning thread. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_refcount.h"

void _Py_Dealloc(PyObject *op)
{
    destructor dealloc = Py_TYPE(op)->tp_dealloc;
#ifdef Py_DEBUG
    if (dealloc == NULL) {
        Py_FatalError("_Py_Dealloc: type without tp_dealloc");
    }
#endif
    dealloc(op);
}

void _Py_NegativeRefcount(PyObject *op)
{
    fprintf(stderr, "Fatal Python error: object at %p of type %s has a negative "
                    "reference count\n", (void *)op, Py_TYPE(op)->tp_name);
    fflush(stderr);
    abort();
}

void Py_IncRef(PyObject *op)
{
    Py_XINCREF(op);
}

void Py_DecRef(PyObject *op)
{
    Py_XDECREF(op);
}

PyTypeObject *_Py_TYPE_Export(PyObject *op)
{
    return Py_TYPE(op);
}

Py_ssize_t _Py_SIZE_Export(PyObject *op)
{
    return Py_SIZE(op);
}

int _Py_IsImmortal_Export(PyObject *op)
{
    return _Py_IsImmortal(op);
}

int PyUnstable_IsImmortal(PyObject *op)
{
    return _Py_IsImmortal(op);
}

#undef Py_REFCNT
Py_ssize_t Py_REFCNT(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    uint32_t local = __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return _Py_IMMORTAL_INITIAL_REFCNT;
    }
    Py_ssize_t shared = __atomic_load_n(&op->ob_ref_shared, __ATOMIC_RELAXED);
    return (Py_ssize_t)local + (shared >> _Py_REF_SHARED_SHIFT);
#else
    return op->ob_refcnt;
#endif
}

int PyUnstable_Object_IsUniquelyReferenced(PyObject *op)
{
    return _PyObject_IsUniquelyReferenced(op);
}

#ifdef Py_GIL_DISABLED

/* Combine the owner's local count with the shared count and give up
   ownership.  `extra` is added to the shared count (the queue's reference
   is -1).  Deallocates when the merged count is zero.  Called only by the
   owning thread, or for an abandoned object by the thread that found it. */
void _Py_ExplicitMergeRefcount(PyObject *op, Py_ssize_t extra)
{
    Py_ssize_t local = (Py_ssize_t)__atomic_load_n(&op->ob_ref_local,
                                                    __ATOMIC_RELAXED);
    Py_ssize_t shared = __atomic_load_n(&op->ob_ref_shared, __ATOMIC_RELAXED);
    Py_ssize_t merged;
    do {
        Py_ssize_t count = (shared >> _Py_REF_SHARED_SHIFT) + local + extra;
        merged = _Py_REF_SHARED(count, _Py_REF_MERGED);
    } while (!__atomic_compare_exchange_n(&op->ob_ref_shared, &shared, merged,
                                          0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    __atomic_store_n(&op->ob_ref_local, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&op->ob_tid, 0, __ATOMIC_RELAXED);
    if ((merged >> _Py_REF_SHARED_SHIFT) == 0) {
        _Py_Dealloc(op);
    }
}

/* The owner's local count reached zero.  If no other thread ever took a
   reference, the object dies here without a single atomic write;
   otherwise the counts are merged and ownership released, so later
   decrements all go to the shared count. */
void _Py_MergeZeroLocalRefcount(PyObject *op)
{
    Py_ssize_t shared = __atomic_load_n(&op->ob_ref_shared, __ATOMIC_ACQUIRE);
    if (shared == 0) {
        _Py_Dealloc(op);
        return;
    }
    __atomic_store_n(&op->ob_tid, 0, __ATOMIC_RELAXED);
    Py_ssize_t merged;
    do {
        merged = (shared & ~(Py_ssize_t)_Py_REF_SHARED_FLAG_MASK) | _Py_REF_MERGED;
    } while (!__atomic_compare_exchange_n(&op->ob_ref_shared, &shared, merged,
                                          0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    if (merged == _Py_REF_MERGED) {
        _Py_Dealloc(op);
    }
}

/* A non-owner drops a reference.  The shared count may legitimately go
   negative (the owner still holds local references); but when it is zero
   and unmerged, this thread cannot know whether the object is dead, so it
   queues the object to its owner instead of subtracting: the queue then
   holds the reference being dropped, and the owner merges. */
void _Py_DecRefShared(PyObject *op)
{
    Py_ssize_t shared = __atomic_load_n(&op->ob_ref_shared, __ATOMIC_RELAXED);
    Py_ssize_t new_shared;
    int should_queue;
    do {
        should_queue = (shared == 0 || shared == _Py_REF_MAYBE_WEAKREF);
        if (should_queue) {
            new_shared = _Py_REF_QUEUED;
        }
        else {
            new_shared = shared - ((Py_ssize_t)1 << _Py_REF_SHARED_SHIFT);
        }
    } while (!__atomic_compare_exchange_n(&op->ob_ref_shared, &shared, new_shared,
                                          0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    if (should_queue) {
        _Py_brc_queue_object(op);
    }
    else if (new_shared == _Py_REF_MERGED) {
        _Py_Dealloc(op);
    }
}

/* The merge queue.  One list, protected by queue_mutex, holding
   (object, owner) pairs; each owner drains its own entries when it passes
   an eval-breaker check or exits (_Py_brc_merge_queued).  An object whose
   owner has exited is merged at once by the queuing thread. */
typedef struct {
    PyObject *object;
    uintptr_t owner;
} brc_entry;

static PyMutex queue_mutex;
static brc_entry *queue_entries;     /* under queue_mutex */
static Py_ssize_t queue_size;        /* under queue_mutex */
static Py_ssize_t queue_capacity;    /* under queue_mutex */

static int queue_push(PyObject *op, uintptr_t owner)
{
    if (queue_size == queue_capacity) {
        Py_ssize_t capacity = queue_capacity ? queue_capacity * 2 : 64;
        brc_entry *grown = PyMem_RawRealloc(queue_entries,
                                            capacity * sizeof(brc_entry));
        if (grown == NULL) {
            return -1;
        }
        queue_entries = grown;
        queue_capacity = capacity;
    }
    queue_entries[queue_size].object = op;
    queue_entries[queue_size].owner = owner;
    queue_size++;
    return 0;
}

void _Py_brc_queue_object(PyObject *op)
{
    uintptr_t owner = __atomic_load_n(&op->ob_tid, __ATOMIC_RELAXED);
    if (owner == 0 || !_PyThreadState_IsLiveThreadId(owner)) {
        /* Nobody will drain it: merge now, dropping the queue's reference. */
        _Py_ExplicitMergeRefcount(op, -1);
        return;
    }
    PyMutex_Lock(&queue_mutex);
    int failed = queue_push(op, owner);
    PyMutex_Unlock(&queue_mutex);
    if (failed) {
        Py_FatalError("out of memory queuing an object for reference merging");
    }
    _PyThreadState_SignalMerge(owner);
}

/* Run by the owning thread: merge every object queued to it. */
void _Py_brc_merge_queued(uintptr_t owner)
{
    for (;;) {
        PyObject *op = NULL;
        PyMutex_Lock(&queue_mutex);
        for (Py_ssize_t i = 0; i < queue_size; i++) {
            if (queue_entries[i].owner == owner) {
                op = queue_entries[i].object;
                queue_entries[i] = queue_entries[--queue_size];
                break;
            }
        }
        PyMutex_Unlock(&queue_mutex);
        if (op == NULL) {
            return;
        }
        _Py_ExplicitMergeRefcount(op, -1);
    }
}

#endif /* Py_GIL_DISABLED */
