/* The collector of the free-threaded build (Doc/internals/gc.md).

   Each thread links the objects it tracks into its own list, guarded by
   that list's PyMutex: tracking is an uncontended lock of a lock no
   other thread normally touches, and untracking from another thread
   (an object freed elsewhere) contends only with that one owner.  There
   are _PyGC_NUM_THREAD_LISTS lists, statically allocated and never
   freed; a tracked object's ob_gc_bits hold the number of its list, so
   untracking finds the list with no search and the 16-byte pre-header
   holds only the two links.  When a thread exits its list is released,
   keeping its objects, and the next new thread adopts it; while every
   list has a live thread, further threads share lists round robin (the
   mutex keeps that correct; it only adds contention).  A collection stops
   the world, walks the lists, computes gc_refs from both halves of each
   biased count, takes ownership of the garbage, repairs the lists, and
   restarts the world before running callbacks and finalizers
   (Python/gc.c).

   Two generations: each thread list is really two lists sharing one
   mutex, `young` (where tracking links an object) and `old`.  A young
   collection examines only the young lists, treating every reference
   from an old object as external; afterwards, world still stopped, every
   young list is spliced onto its old list.  A full collection examines
   both.  So an allocation-heavy program holding a large heap pays, per
   collection, for what it allocated since the last one, not for the heap. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_refcount.h"

#ifdef Py_GIL_DISABLED

#include <pthread.h>

/* One cache line each, so that threads tracking into different lists
   never share the line holding a mutex, and an index scales by a shift. */
typedef struct gc_thread_list {
    _Alignas(64) PyMutex mutex;     /* protects the links of both lists */
    uint8_t tracked_bits;           /* immutable: what tracking ors into
                                       ob_gc_bits (the list's number) */
    int users;                      /* atomic: live threads tracking into it */
    PyGC_Head young;                /* sentinel: tracked since the last collection */
    PyGC_Head old;                  /* sentinel: survived a collection */
} gc_thread_list;

#if _PyGC_NUM_THREAD_LISTS != 16
#  error "thread_lists below is written out for 16 lists"
#endif
#define LIST_INIT(i) { { 0 },                                                 \
                       (uint8_t)(_PyGC_BITS_TRACKED | ((i) << _PyGC_BITS_LIST_SHIFT)), \
                       0,                                                     \
                       { &thread_lists[i].young, &thread_lists[i].young },   \
                       { &thread_lists[i].old, &thread_lists[i].old } }
/* Numbered by their index, which tracked objects keep in ob_gc_bits. */
static gc_thread_list thread_lists[_PyGC_NUM_THREAD_LISTS] = {
    LIST_INIT(0), LIST_INIT(1), LIST_INIT(2), LIST_INIT(3),
    LIST_INIT(4), LIST_INIT(5), LIST_INIT(6), LIST_INIT(7),
    LIST_INIT(8), LIST_INIT(9), LIST_INIT(10), LIST_INIT(11),
    LIST_INIT(12), LIST_INIT(13), LIST_INIT(14), LIST_INIT(15),
};
#define FOR_EACH_LIST(list) \
    for (gc_thread_list *list = thread_lists; \
         list < thread_lists + _PyGC_NUM_THREAD_LISTS; list++)

static unsigned int next_shared_list;   /* atomic: round robin when all are used */
static __thread gc_thread_list *thread_list;
static pthread_once_t release_key_once = PTHREAD_ONCE_INIT;
static pthread_key_t release_key;

/* A young collection is due when the young count (GC allocations minus
   deallocations since the last collection, flushed from per-thread
   deltas so the fast path writes no shared cache line) passes
   thresholds[0].  Every thresholds[1]-th one becomes a full collection,
   if the objects promoted since the last full one are at least a quarter
   of those the full one left (long_lived_total), so that a steadily
   growing heap is not rescanned whole again and again.  thresholds[1] ==
   0 asks for CPython's free-threaded rule instead: every collection is
   full. */
static Py_ssize_t young_count;      /* atomic */
static int thresholds[_PyGC_NUM_GENERATIONS] = { 2000, 10, 0 };  /* atomic */

/* Written with the world stopped, read atomically. */
static Py_ssize_t long_lived_total;     /* old objects after the last full one */
static Py_ssize_t long_lived_pending;   /* promoted since then */
static int young_collections;           /* since the last full one */
static __thread int count_delta;
#define COUNT_FLUSH 64

/* Thread-specific-data destructor of a thread that tracked objects. */
static void release_list(void *arg)
{
    __atomic_fetch_sub(&((gc_thread_list *)arg)->users, 1, __ATOMIC_RELEASE);
}

static void make_release_key(void)
{
    if (pthread_key_create(&release_key, release_list) != 0) {
        Py_FatalError("cannot create the GC list key");
    }
}

/* A list no live thread uses, or (all in use) the next one round robin. */
static gc_thread_list *claim_list(void)
{
    FOR_EACH_LIST(list) {
        int expected = 0;
        if (__atomic_compare_exchange_n(&list->users, &expected, 1, 0,
                                        __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
            return list;
        }
    }
    unsigned int n = __atomic_fetch_add(&next_shared_list, 1, __ATOMIC_RELAXED);
    gc_thread_list *list = &thread_lists[n % _PyGC_NUM_THREAD_LISTS];
    __atomic_fetch_add(&list->users, 1, __ATOMIC_ACQ_REL);
    return list;
}

/* A thread's first tracked object: claim a list.  Out of line (ftcost,
   session 9) so that _PyGC_LinkTracked's common path saves no registers:
   every container allocation runs it. */
static Py_NO_INLINE gc_thread_list *attach_list(void)
{
    pthread_once(&release_key_once, make_release_key);
    gc_thread_list *list = claim_list();
    pthread_setspecific(release_key, list);
    thread_list = list;
    return list;
}

static inline gc_thread_list *current_list(void)
{
    gc_thread_list *list = thread_list;
    if (Py_UNLIKELY(list == NULL)) {
        list = attach_list();
    }
    return list;
}

/* The list a tracked object is linked into.  Its number was stored by
   _PyGC_LinkTracked, which happened before this untrack (the caller
   serialises tracking and untracking of one object). */
_Static_assert(sizeof(gc_thread_list) == 64 && _PyGC_BITS_LIST_SHIFT <= 6,
               "list_of scales the masked bits straight to a byte offset");

static inline gc_thread_list *list_of(PyObject *op)
{
    uint8_t bits = __atomic_load_n(&op->ob_gc_bits, __ATOMIC_RELAXED);
    size_t offset = (size_t)(bits & _PyGC_BITS_LIST_MASK) << (6 - _PyGC_BITS_LIST_SHIFT);
    return (gc_thread_list *)((char *)thread_lists + offset);
}

/* ---- hooks for Python/gc.c -------------------------------------------- */

/* ob_gc_bits = (ob_gc_bits & keep) | set: atomically when other threads
   may change other bits concurrently (`shared`), else with a plain load
   and store (one thread state only: _Py_SeveralThreadStates). */
static inline void update_gc_bits(PyObject *op, uint8_t keep, uint8_t set,
                                  int shared)
{
    if (shared) {
        if (set) {
            __atomic_fetch_or(&op->ob_gc_bits, set, __ATOMIC_RELAXED);
        }
        else {
            __atomic_fetch_and(&op->ob_gc_bits, keep, __ATOMIC_RELAXED);
        }
        return;
    }
    uint8_t bits = __atomic_load_n(&op->ob_gc_bits, __ATOMIC_RELAXED);
    __atomic_store_n(&op->ob_gc_bits, (uint8_t)((bits & keep) | set),
                     __ATOMIC_RELAXED);
}

/* The list operations themselves; the caller holds the list's mutex or
   no other thread state has ever existed. */
static inline void link_young(gc_thread_list *list, PyObject *op, int shared)
{
    PyGC_Head *gc = _Py_AS_GC(op);
    PyGC_Head *last = list->young.gc_prev;
    gc->gc_prev = last;
    gc->gc_next = &list->young;
    last->gc_next = gc;
    list->young.gc_prev = gc;
    update_gc_bits(op, 0xff, list->tracked_bits, shared);
}

static inline void unlink_tracked(PyObject *op, int shared)
{
    PyGC_Head *gc = _Py_AS_GC(op);
    gc->gc_prev->gc_next = gc->gc_next;
    gc->gc_next->gc_prev = gc->gc_prev;
    gc->gc_next = NULL;
    gc->gc_prev = NULL;
    update_gc_bits(op, (uint8_t)~(_PyGC_BITS_TRACKED | _PyGC_BITS_LIST_MASK),
                   0, shared);
}

/* The paths with other thread states: under the list's mutex, with
   atomic updates of ob_gc_bits.  Out of line so that the one-thread
   paths below save no registers (ftcore, session 13: half of their
   instructions were the pushes and pops this path needs). */
static Py_NO_INLINE void link_tracked_shared(gc_thread_list *list, PyObject *op)
{
    PyMutex_Lock(&list->mutex);
    link_young(list, op, 1);
    PyMutex_Unlock(&list->mutex);
}

static Py_NO_INLINE void unlink_tracked_shared(gc_thread_list *list,
                                               PyObject *op)
{
    PyMutex_Lock(&list->mutex);
    unlink_tracked(op, 1);
    PyMutex_Unlock(&list->mutex);
}

/* Links op at the end of the calling thread's young list under that
   list's mutex, and records the list's number with the tracked bit.
   While only one thread state has ever existed (_Py_SeveralThreadStates,
   Python/pystate.c) no other thread can touch the lists: no mutex, and
   plain updates of ob_gc_bits (session 12: the three atomic
   read-modify-writes were a quarter of fannkuch's time). */
void _PyGC_LinkTracked(PyObject *op)
{
    gc_thread_list *list = current_list();
    if (_Py_SeveralThreadStates()) {
        link_tracked_shared(list, op);
        return;
    }
    link_young(list, op, 0);
}

/* Unlinks op under its list's mutex (none while one thread only), from
   whichever thread. */
void _PyGC_UnlinkTracked(PyObject *op)
{
    gc_thread_list *list = list_of(op);
    if (_Py_SeveralThreadStates()) {
        unlink_tracked_shared(list, op);
        return;
    }
    unlink_tracked(op, 0);
}

static void flush_count(void)
{
    __atomic_fetch_add(&young_count, (Py_ssize_t)count_delta, __ATOMIC_RELAXED);
    count_delta = 0;
}

void _PyGC_NoteAllocation(void)
{
    if (++count_delta >= COUNT_FLUSH) {
        flush_count();
    }
}

void _PyGC_NoteDeallocation(void)
{
    if (--count_delta <= -COUNT_FLUSH) {
        flush_count();
    }
}

void _PyGC_StopWorld(PyThreadState *tstate)
{
    _PyEval_StopTheWorld(tstate ? tstate->interp : _PyInterpreterState_Main());
}

void _PyGC_StartWorld(PyThreadState *tstate)
{
    _PyEval_StartTheWorld(tstate ? tstate->interp : _PyInterpreterState_Main());
}

/* Young collection (0), full collection (_PyGC_NUM_GENERATIONS - 1), or
   -1 when none is due; see the thresholds above. */
int _PyGC_AutomaticGeneration(void)
{
    int threshold = __atomic_load_n(&thresholds[0], __ATOMIC_RELAXED);
    Py_ssize_t young = __atomic_load_n(&young_count, __ATOMIC_RELAXED);
    if (threshold == 0 || young <= threshold) {
        return -1;
    }
    int full_every = __atomic_load_n(&thresholds[1], __ATOMIC_RELAXED);
    if (full_every == 0) {
        return _PyGC_NUM_GENERATIONS - 1;
    }
    if (__atomic_load_n(&young_collections, __ATOMIC_RELAXED) >= full_every
            && __atomic_load_n(&long_lived_pending, __ATOMIC_RELAXED)
               >= __atomic_load_n(&long_lived_total, __ATOMIC_RELAXED) / 4) {
        return _PyGC_NUM_GENERATIONS - 1;
    }
    return 0;
}

/* ---- collection (world stopped from gather to list repair) ----------- */

/* Add the objects of one list to the candidates.  Walked without the
   list's lock: the world is stopped, and no thread detaches while holding
   a list's mutex.  Left out: frozen and immortal objects, and those whose
   count is zero (a dealloc running a finalizer owns them).  The count
   includes the reference an object queued for merging still carries, so
   such an object is never garbage until its owner has merged it. */
static int gather_list(PyGC_Head *sentinel, _PyGC_ObjectArray *candidates)
{
    for (PyGC_Head *gc = sentinel->gc_next; gc != sentinel; gc = gc->gc_next) {
        PyObject *op = _Py_FROM_GC(gc);
        if ((op->ob_gc_bits & _PyGC_BITS_FROZEN) || _Py_IsImmortal(op)) {
            continue;
        }
        Py_ssize_t refs = _PyGC_RefCount(op);
        if (refs <= 0) {
            continue;
        }
        if (_PyGC_ObjectArray_Push(candidates, op) < 0) {
            return -1;
        }
        _PyGC_BeginPass(gc, refs);
    }
    return 0;
}

/* The young objects of every thread, and the old ones too when `full`.
   Either way the caller repairs the lists (repair_lists). */
static int gather_candidates(_PyGC_ObjectArray *candidates, int full)
{
    FOR_EACH_LIST(list) {
        if (gather_list(&list->young, candidates) < 0
                || (full && gather_list(&list->old, candidates) < 0)) {
            return -1;
        }
    }
    return 0;
}

/* Ends the pass over the lists gather_candidates walked. */
static void repair_lists(int full)
{
    FOR_EACH_LIST(list) {
        _PyGC_RepairList(&list->young);
        if (full) {
            _PyGC_RepairList(&list->old);
        }
    }
}

/* Move every young object to its thread's old list (world stopped).  The
   garbage moves too: it is untracked as it is freed, wherever it is. */
static void promote_young(void)
{
    FOR_EACH_LIST(list) {
        PyGC_Head *first = list->young.gc_next;
        if (first == &list->young) {
            continue;
        }
        PyGC_Head *last = list->young.gc_prev;
        PyGC_Head *old_last = list->old.gc_prev;
        old_last->gc_next = first;
        first->gc_prev = old_last;
        last->gc_next = &list->old;
        list->old.gc_prev = last;
        list->young.gc_next = list->young.gc_prev = &list->young;
    }
}

/* Survivor bookkeeping for the next _PyGC_AutomaticGeneration (world
   stopped; the atomics are for its readers). */
static void note_survivors(int full, Py_ssize_t survivors)
{
    if (full) {
        __atomic_store_n(&long_lived_total, survivors, __ATOMIC_RELAXED);
        __atomic_store_n(&long_lived_pending, 0, __ATOMIC_RELAXED);
        __atomic_store_n(&young_collections, 0, __ATOMIC_RELAXED);
    }
    else {
        __atomic_store_n(&long_lived_pending, long_lived_pending + survivors,
                         __ATOMIC_RELAXED);
        __atomic_store_n(&young_collections, young_collections + 1,
                         __ATOMIC_RELAXED);
    }
}

/* generation 0 is a young collection; 1 and 2 are full ones (objects
   that survived one collection are all alike here). */
Py_ssize_t _PyGC_CollectGenerations(PyThreadState *tstate, int generation,
                                    Py_ssize_t *uncollectable)
{
    *uncollectable = 0;
    int full = generation > 0;
    /* Objects other threads queued to this one, then to any thread, are
       merged first, so they can be recognised as garbage in this
       collection. */
    _Py_brc_merge_queued(_Py_ThreadId());
    _Py_brc_merge_all_queued(tstate ? tstate->interp
                                    : _PyInterpreterState_Main());
    _PyGC_ObjectArray candidates = { NULL, 0, 0 };
    _PyGC_Garbage garbage = { { NULL, 0, 0 }, { NULL, 0, 0 }, NULL, 0 };
    _PyGC_StopWorld(tstate);
    __atomic_store_n(&young_count, 0, __ATOMIC_RELAXED);
    count_delta = 0;
    int status = gather_candidates(&candidates, full);
    if (status == 0) {
        status = _PyGC_FindGarbage(&candidates, &garbage);
    }
    repair_lists(full);
    if (status == 0) {
        promote_young();
        note_survivors(full, candidates.size - garbage.objects.size);
    }
    _PyGC_StartWorld(tstate);
    _PyGC_ObjectArray_Fini(&candidates);
    if (status < 0) {
        return 0;
    }
    Py_ssize_t found = _PyGC_HandleGarbage(tstate, &garbage);
    *uncollectable = garbage.uncollectable;
    return found;
}

/* Calls visit on the tracked objects, young ones first, until it returns
   0 (then returns 0).  The caller has stopped the world. */
static int visit_list(PyGC_Head *sentinel, int want_frozen,
                      int (*visit)(PyObject *, void *), void *arg)
{
    for (PyGC_Head *gc = sentinel->gc_next; gc != sentinel; gc = gc->gc_next) {
        PyObject *op = _Py_FROM_GC(gc);
        int frozen = (op->ob_gc_bits & _PyGC_BITS_FROZEN) != 0;
        if (frozen == want_frozen && !visit(op, arg)) {
            return 0;
        }
    }
    return 1;
}

int _PyGC_VisitTracked(int generation, int (*visit)(PyObject *, void *),
                       void *arg)
{
    int want_frozen = generation == _PyGC_GEN_PERMANENT;
    FOR_EACH_LIST(list) {
        if (!visit_list(&list->young, want_frozen, visit, arg)
                || !visit_list(&list->old, want_frozen, visit, arg)) {
            return 0;
        }
    }
    return 1;
}

/* ---- the gc module's knobs -------------------------------------------- */

void _PyGC_GetCount(Py_ssize_t counts[_PyGC_NUM_GENERATIONS])
{
    /* Frees since the last collection can outnumber allocations. */
    Py_ssize_t young = __atomic_load_n(&young_count, __ATOMIC_RELAXED) + count_delta;
    counts[0] = young > 0 ? young : 0;
    counts[1] = __atomic_load_n(&young_collections, __ATOMIC_RELAXED);
    counts[2] = 0;
}

void _PyGC_GetThreshold(int values[_PyGC_NUM_GENERATIONS])
{
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        values[i] = __atomic_load_n(&thresholds[i], __ATOMIC_RELAXED);
    }
}

void _PyGC_SetThreshold(const int *values, int n)
{
    for (int i = 0; i < n && i < _PyGC_NUM_GENERATIONS; i++) {
        __atomic_store_n(&thresholds[i], values[i], __ATOMIC_RELAXED);
    }
}

static void set_frozen_bits(PyGC_Head *sentinel, int frozen)
{
    for (PyGC_Head *gc = sentinel->gc_next; gc != sentinel; gc = gc->gc_next) {
        PyObject *op = _Py_FROM_GC(gc);
        if (frozen) {
            op->ob_gc_bits |= _PyGC_BITS_FROZEN;
        }
        else {
            op->ob_gc_bits &= (uint8_t)~_PyGC_BITS_FROZEN;
        }
    }
}

/* The frozen bit is written with the world stopped and read by the
   collector with the world stopped.  Unfrozen objects count as old. */
static void set_frozen(PyThreadState *tstate, int frozen)
{
    _PyGC_StopWorld(tstate);
    FOR_EACH_LIST(list) {
        set_frozen_bits(&list->young, frozen);
        set_frozen_bits(&list->old, frozen);
    }
    promote_young();
    if (frozen) {
        __atomic_store_n(&young_count, 0, __ATOMIC_RELAXED);
    }
    _PyGC_StartWorld(tstate);
}

void _PyGC_Freeze(PyThreadState *tstate)
{
    set_frozen(tstate, 1);
}

void _PyGC_Unfreeze(PyThreadState *tstate)
{
    set_frozen(tstate, 0);
}

static int count_visit(PyObject *Py_UNUSED(op), void *arg)
{
    (*(Py_ssize_t *)arg)++;
    return 1;
}

Py_ssize_t _PyGC_GetFreezeCount(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    Py_ssize_t count = 0;
    _PyGC_StopWorld(tstate);
    _PyGC_VisitTracked(_PyGC_GEN_PERMANENT, count_visit, &count);
    _PyGC_StartWorld(tstate);
    return count;
}

#endif /* Py_GIL_DISABLED */
