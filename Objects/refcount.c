/* Reference-count slow paths and the exported count functions.

   The inline fast paths live in Include/refcount.h; the rules are in
   Doc/internals/refcounting.md.  In the free-threaded build this file
   holds the biased-counting merge logic and the queue through which a
   non-owner hands an object whose shared count would go negative to its
   owning thread. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_object.h"
#include "pycore_refcount.h"
#include "pycore_pystate.h"

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

/* ---- deferred counting by immortalization (see pycore_object.h) -------

   The objects made immortal are recorded so that they stay reachable for
   leak checkers after finalization drops every other reference to them;
   they are never freed.  immortalized_done and the registry are written
   only with the world stopped. */
static int immortalized_done;
static PyObject **immortalized;
static Py_ssize_t immortalized_size, immortalized_capacity;

static void immortalize(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    if (immortalized_size == immortalized_capacity) {
        Py_ssize_t capacity = immortalized_capacity ? immortalized_capacity * 2 : 256;
        PyObject **grown = PyMem_RawRealloc(immortalized,
                                            capacity * sizeof(PyObject *));
        if (grown == NULL) {
            return;     /* stays mortal: only slower */
        }
        immortalized = grown;
        immortalized_capacity = capacity;
    }
    immortalized[immortalized_size++] = op;
    _Py_SetImmortal(op);
}

/* A code object's constants are loaded by LOAD_CONST in every thread that
   runs it, so each one is a shared count as contended as the function's
   (a float constant in a loop is a read-modify-write per iteration).  They
   are immutable by construction; nested code objects (a method's, a
   comprehension's) are constants too and get the same treatment. */
static void immortalize_code(PyCodeObject *code, int depth)
{
    if (_Py_IsImmortal((PyObject *)code) && depth > 0) {
        return;     /* already walked through another function */
    }
    immortalize((PyObject *)code);
    PyObject *consts = code->co_consts;
    if (consts == NULL || !PyTuple_Check(consts) || depth > 64) {
        return;
    }
    immortalize(consts);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(consts); i++) {
        PyObject *item = PyTuple_GET_ITEM(consts, i);
        if (PyCode_Check(item)) {
            immortalize_code((PyCodeObject *)item, depth + 1);
        }
        else if (PyFloat_CheckExact(item) || PyLong_CheckExact(item)
                 || PyUnicode_CheckExact(item) || PyBytes_CheckExact(item)
                 || PyComplex_CheckExact(item) || PyTuple_CheckExact(item)
                 || PyFrozenSet_CheckExact(item)) {
            immortalize(item);
        }
    }
}

static int immortalize_if_deferred(PyObject *op, void *Py_UNUSED(arg))
{
    if (!(op->ob_flags & _Py_OBFLAG_DEFERRED_REFCOUNT)) {
        return 1;
    }
    immortalize(op);
    /* Code objects are not tracked: reach them through their function. */
    if (PyFunction_Check(op)) {
        PyObject *code = ((PyFunctionObject *)op)->func_code;
        if (code->ob_flags & _Py_OBFLAG_DEFERRED_REFCOUNT) {
            immortalize_code((PyCodeObject *)code, 0);
        }
    }
    return 1;
}

void _Py_ImmortalizeDeferredObjects(void)
{
    if (__atomic_load_n(&immortalized_done, __ATOMIC_ACQUIRE)) {
        return;
    }
    /* Stops the world: no other thread touches a count meanwhile, and
       objects queued for a merge are skipped by the merge later. */
    PyUnstable_GC_VisitObjects(immortalize_if_deferred, NULL);
    __atomic_store_n(&immortalized_done, 1, __ATOMIC_RELEASE);
}

/* An object whose counts were merged was reachable by other threads, and a
   lock-free reader (a dict or list lookup, the method cache) may have
   loaded its address just before the last reference went away and be
   about to try _Py_TryIncref on it.  Its memory must therefore stay an
   object header until every thread has passed a quiescent point: the
   deallocation records the object here, and PyObject_Free and
   PyObject_GC_Del hand that one block to QSBR instead of freeing it.  An
   object that dies on the owner's fast path (shared count zero, never
   marked) was never visible to such a reader.  Thread-local, so no
   locking; nested deallocations save and restore it. */
__thread PyObject *_Py_merged_object_being_freed;

static void dealloc_merged(PyObject *op)
{
    PyObject *saved = _Py_merged_object_being_freed;
    _Py_merged_object_being_freed = op;
    _Py_Dealloc(op);
    _Py_merged_object_being_freed = saved;
}

/* Combine the owner's local count with the shared count and give up
   ownership.  `extra` is added to the shared count (the queue's reference
   is -1).  Deallocates when the merged count is zero.  Called only by the
   owning thread, or for an abandoned object by the thread that found it. */
static Py_ssize_t merge_counts(PyObject *op, Py_ssize_t extra);

void _Py_ExplicitMergeRefcount(PyObject *op, Py_ssize_t extra)
{
    if (_Py_IsImmortal(op)) {
        return;     /* queued before it was made immortal */
    }
    if (merge_counts(op, extra) == 0) {
        dealloc_merged(op);
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
        /* Every object death of a single-threaded program comes here:
           straight to the type's dealloc, one call less. */
        Py_TYPE(op)->tp_dealloc(op);
        return;
    }
    __atomic_store_n(&op->ob_tid, 0, __ATOMIC_RELAXED);
    Py_ssize_t merged;
    do {
        merged = (shared & ~(Py_ssize_t)_Py_REF_SHARED_FLAG_MASK) | _Py_REF_MERGED;
    } while (!__atomic_compare_exchange_n(&op->ob_ref_shared, &shared, merged,
                                          0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    if (merged == _Py_REF_MERGED) {
        dealloc_merged(op);
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
        dealloc_merged(op);
    }
}

/* The merge queue.  Each thread state holds the objects queued to it
   (_PyThreadStateImpl.brc_objects).  A queuer looks the owner up and pushes
   while holding interp->threads_mutex, and an exiting thread leaves the
   list under the same mutex before draining its queue for the last time,
   so an entry is never stranded on a dead thread.  An object whose owner
   is not in the list (it exited) is merged at once by the queuer, still
   under threads_mutex so that a new thread that happens to reuse the dead
   one's id cannot start using the object as its own half-way through. */

static PyThreadState *find_owner(PyInterpreterState *interp, uintptr_t tid)
{
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        if (_PyThreadState_IMPL(t)->bound && t->fast_thread_id == tid) {
            return t;
        }
    }
    return NULL;
}

static int brc_push(_PyThreadStateImpl *owner, PyObject *op)
{
    if (owner->brc_size == owner->brc_capacity) {
        Py_ssize_t capacity = owner->brc_capacity ? owner->brc_capacity * 2 : 32;
        PyObject **grown = PyMem_RawRealloc(owner->brc_objects,
                                            capacity * sizeof(PyObject *));
        if (grown == NULL) {
            return -1;
        }
        owner->brc_objects = grown;
        owner->brc_capacity = capacity;
    }
    owner->brc_objects[owner->brc_size++] = op;
    return 0;
}

/* Merge and disown without deallocating; returns the merged count. */
static Py_ssize_t merge_counts(PyObject *op, Py_ssize_t extra)
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
    return merged >> _Py_REF_SHARED_SHIFT;
}

void _Py_brc_queue_object(PyObject *op)
{
    PyInterpreterState *interp = _PyInterpreterState_Main();
    uintptr_t tid = __atomic_load_n(&op->ob_tid, __ATOMIC_RELAXED);
    Py_ssize_t merged = -1;
    int queue_full = 0;
    PyMutex_Lock(&interp->threads_mutex);
    PyThreadState *owner = tid != 0 ? find_owner(interp, tid) : NULL;
    if (owner != NULL) {
        _PyThreadStateImpl *impl = _PyThreadState_IMPL(owner);
        PyMutex_Lock(&impl->brc_mutex);
        queue_full = brc_push(impl, op);
        PyMutex_Unlock(&impl->brc_mutex);
        if (!queue_full) {
            _PyThreadState_SetEvalBreakerBit(owner, _PY_EVAL_EXPLICIT_MERGE_BIT);
        }
    }
    else {
        /* Nobody will drain it: merge now, dropping the queue's reference. */
        merged = merge_counts(op, -1);
    }
    PyMutex_Unlock(&interp->threads_mutex);
    if (queue_full) {
        /* No memory to queue it: with the world stopped the owner cannot
           be writing ob_ref_local, so this thread may merge for it (and
           may already have stopped it, e.g. inside a collection). */
        PyThreadState *self = _PyThreadState_GET();
        int stopped_here = self == NULL
            || __atomic_load_n(&interp->stw.requester, __ATOMIC_SEQ_CST) != self;
        if (stopped_here) {
            _PyEval_StopTheWorld(interp);
        }
        merged = merge_counts(op, -1);
        if (stopped_here) {
            _PyEval_StartTheWorld(interp);
        }
    }
    if (merged == 0) {
        dealloc_merged(op);
    }
}

/* Run by the owning thread (or for a state whose thread has exited): merge
   every object queued to `tstate`.  Deallocations run with no lock held. */
void _Py_brc_merge_tstate(PyThreadState *tstate)
{
    _PyThreadStateImpl *impl = _PyThreadState_IMPL(tstate);
    _PyThreadState_ClearEvalBreakerBit(tstate, _PY_EVAL_EXPLICIT_MERGE_BIT);
    for (;;) {
        PyMutex_Lock(&impl->brc_mutex);
        PyObject **objects = impl->brc_objects;
        Py_ssize_t size = impl->brc_size;
        impl->brc_objects = NULL;
        impl->brc_size = impl->brc_capacity = 0;
        PyMutex_Unlock(&impl->brc_mutex);
        if (objects == NULL) {
            return;
        }
        for (Py_ssize_t i = 0; i < size; i++) {
            _Py_ExplicitMergeRefcount(objects[i], -1);
        }
        PyMem_RawFree(objects);
    }
}

/* The calling thread, whose id is `owner`, merges what was queued to it. */
void _Py_brc_merge_queued(uintptr_t owner)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL || tstate->fast_thread_id != owner) {
        PyInterpreterState *interp = _PyInterpreterState_Main();
        PyMutex_Lock(&interp->threads_mutex);
        tstate = find_owner(interp, owner);
        PyMutex_Unlock(&interp->threads_mutex);
    }
    if (tstate != NULL) {
        _Py_brc_merge_tstate(tstate);
    }
}

/* Take the objects queued to every thread into `taken`, merging their
   counts.  The world is stopped: no owner is changing a local count, so
   this thread may merge for it.  The queue's reference is kept (extra 0)
   and becomes the caller's, so nothing dies while the world is stopped.
   Returns -1 when `taken` could not grow; what is left stays queued. */
static int take_all_queued(PyInterpreterState *interp, PyObject ***taken,
                           Py_ssize_t *count)
{
    Py_ssize_t capacity = 0;
    int status = 0;
    PyMutex_Lock(&interp->threads_mutex);
    for (PyThreadState *t = interp->threads_head; t != NULL && status == 0;
         t = t->next) {
        _PyThreadStateImpl *impl = _PyThreadState_IMPL(t);
        PyMutex_Lock(&impl->brc_mutex);
        while (impl->brc_size > 0) {
            if (*count == capacity) {
                Py_ssize_t grown_capacity = capacity ? capacity * 2 : 64;
                PyObject **grown = PyMem_RawRealloc(
                    *taken, grown_capacity * sizeof(PyObject *));
                if (grown == NULL) {
                    status = -1;
                    break;
                }
                *taken = grown;
                capacity = grown_capacity;
            }
            PyObject *op = impl->brc_objects[--impl->brc_size];
            if (!_Py_IsImmortal(op)) {
                merge_counts(op, 0);
                (*taken)[(*count)++] = op;
            }
        }
        PyMutex_Unlock(&impl->brc_mutex);
    }
    PyMutex_Unlock(&interp->threads_mutex);
    return status;
}

static int any_queued(PyInterpreterState *interp)
{
    int found = 0;
    PyMutex_Lock(&interp->threads_mutex);
    for (PyThreadState *t = interp->threads_head; t != NULL && !found;
         t = t->next) {
        _PyThreadStateImpl *impl = _PyThreadState_IMPL(t);
        PyMutex_Lock(&impl->brc_mutex);
        found = impl->brc_size > 0;
        PyMutex_Unlock(&impl->brc_mutex);
    }
    PyMutex_Unlock(&interp->threads_mutex);
    return found;
}

/* A collection merges what was queued to every thread, as CPython's does.
   An owner blocked outside Python code (waiting on a lock, a queue, I/O)
   reaches no eval-breaker check, so objects other threads queued to it
   would otherwise outlive gc.collect() (and their weakref callbacks
   would not run) until it woke.  Stops the world only when some queue
   is non-empty; the taken references are dropped after it restarts, so
   deallocations and finalizers run with every thread free to go.  Called
   attached, holding no lock. */
void _Py_brc_merge_all_queued(PyInterpreterState *interp)
{
    if (!any_queued(interp)) {
        return;
    }
    PyObject **taken = NULL;
    Py_ssize_t count = 0;
    _PyEval_StopTheWorld(interp);
    (void)take_all_queued(interp, &taken, &count);
    _PyEval_StartTheWorld(interp);
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_DECREF(taken[i]);
    }
    PyMem_RawFree(taken);
}

#else /* default build: the GIL already serialises counting */

void _Py_ImmortalizeDeferredObjects(void)
{
}

#endif /* Py_GIL_DISABLED */
