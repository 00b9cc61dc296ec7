/* The collector of the free-threaded build (Doc/internals/gc.md).

   Each thread links the objects it tracks into its own list, guarded by
   that list's PyMutex: tracking is an uncontended lock of a lock no
   other thread normally touches, and untracking from another thread
   (an object freed elsewhere) contends only with that one owner.  Lists
   are never freed: when a thread exits its list is released, keeping its
   objects, and the next new thread adopts it.  A collection stops the
   world, walks the lists, computes gc_refs from both halves of each
   biased count, takes ownership of the garbage, and restarts the world
   before running callbacks and finalizers (Python/gc.c).

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

typedef struct gc_thread_list {
    PyMutex mutex;                  /* protects the links of both lists */
    int in_use;                     /* atomic: a live thread owns it */
    PyGC_Head young;                /* sentinel: tracked since the last collection */
    PyGC_Head old;                  /* sentinel: survived a collection */
    struct gc_thread_list *next;    /* registry link, immutable once set */
} gc_thread_list;

/* Every list ever made, pushed with compare-and-swap, never removed. */
static gc_thread_list *registry;
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

static void release_list(void *arg)
{
    __atomic_store_n(&((gc_thread_list *)arg)->in_use, 0, __ATOMIC_RELEASE);
}

static void make_release_key(void)
{
    if (pthread_key_create(&release_key, release_list) != 0) {
        Py_FatalError("cannot create the GC list key");
    }
}

static gc_thread_list *adopt_released_list(void)
{
    for (gc_thread_list *list = __atomic_load_n(&registry, __ATOMIC_ACQUIRE);
         list != NULL; list = list->next) {
        int expected = 0;
        if (__atomic_compare_exchange_n(&list->in_use, &expected, 1, 0,
                                        __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
            return list;
        }
    }
    return NULL;
}

static gc_thread_list *new_list(void)
{
    gc_thread_list *list = PyMem_RawCalloc(1, sizeof(gc_thread_list));
    if (list == NULL) {
        Py_FatalError("out of memory allocating a GC list");
    }
    list->in_use = 1;
    list->young.gc_next = list->young.gc_prev = &list->young;
    list->old.gc_next = list->old.gc_prev = &list->old;
    gc_thread_list *head = __atomic_load_n(&registry, __ATOMIC_RELAXED);
    do {
        list->next = head;
    } while (!__atomic_compare_exchange_n(&registry, &head, list, 0,
                                          __ATOMIC_RELEASE, __ATOMIC_RELAXED));
    return list;
}

/* A thread's first tracked object: adopt or make its list.  Out of line
   (ftcost, session 9) so that _PyGC_LinkTracked's common path saves no
   registers: every container allocation runs it. */
static Py_NO_INLINE gc_thread_list *attach_list(void)
{
    pthread_once(&release_key_once, make_release_key);
    gc_thread_list *list = adopt_released_list();
    if (list == NULL) {
        list = new_list();
    }
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

static inline gc_thread_list *list_of(PyGC_Head *gc)
{
    return (gc_thread_list *)(gc->gc_state & ~_PyGC_STATE_FLAGS);
}

/* ---- hooks for Python/gc.c -------------------------------------------- */

void _PyGC_LinkTracked(PyObject *op)
{
    gc_thread_list *list = current_list();
    PyGC_Head *gc = _Py_AS_GC(op);
    PyMutex_Lock(&list->mutex);
    PyGC_Head *last = list->young.gc_prev;
    gc->gc_prev = last;
    gc->gc_next = &list->young;
    last->gc_next = gc;
    list->young.gc_prev = gc;
    gc->gc_state = (uintptr_t)list;
    __atomic_fetch_or(&op->ob_gc_bits, (uint8_t)_PyGC_BITS_TRACKED, __ATOMIC_RELAXED);
    PyMutex_Unlock(&list->mutex);
}

void _PyGC_UnlinkTracked(PyObject *op)
{
    PyGC_Head *gc = _Py_AS_GC(op);
    gc_thread_list *list = list_of(gc);
    PyMutex_Lock(&list->mutex);
    gc->gc_prev->gc_next = gc->gc_next;
    gc->gc_next->gc_prev = gc->gc_prev;
    gc->gc_next = NULL;
    gc->gc_prev = NULL;
    __atomic_fetch_and(&op->ob_gc_bits, (uint8_t)~_PyGC_BITS_TRACKED, __ATOMIC_RELAXED);
    PyMutex_Unlock(&list->mutex);
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

/* ---- collection (world stopped from gather to detection) ------------- */

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
        gc->gc_refs = refs;
        gc->gc_state |= _PyGC_STATE_COLLECTING;
    }
    return 0;
}

/* The young objects of every thread, and the old ones too when `full`. */
static int gather_candidates(_PyGC_ObjectArray *candidates, int full)
{
    for (gc_thread_list *list = __atomic_load_n(&registry, __ATOMIC_ACQUIRE);
         list != NULL; list = list->next) {
        if (gather_list(&list->young, candidates) < 0
                || (full && gather_list(&list->old, candidates) < 0)) {
            for (Py_ssize_t j = 0; j < candidates->size; j++) {
                _Py_AS_GC(candidates->items[j])->gc_state &= ~_PyGC_STATE_FLAGS;
            }
            return -1;
        }
    }
    return 0;
}

/* Move every young object to its thread's old list (world stopped).  The
   garbage moves too: it is untracked as it is freed, wherever it is. */
static void promote_young(void)
{
    for (gc_thread_list *list = __atomic_load_n(&registry, __ATOMIC_ACQUIRE);
         list != NULL; list = list->next) {
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
    /* Objects other threads queued to this one are merged first, so they
       can be recognised as garbage in this collection. */
    _Py_brc_merge_queued(_Py_ThreadId());
    _PyGC_ObjectArray candidates = { NULL, 0, 0 };
    _PyGC_ObjectArray garbage = { NULL, 0, 0 };
    _PyGC_StopWorld(tstate);
    __atomic_store_n(&young_count, 0, __ATOMIC_RELAXED);
    count_delta = 0;
    if (gather_candidates(&candidates, full) < 0
            || _PyGC_FindUnreachable(&candidates, &garbage) < 0) {
        _PyGC_StartWorld(tstate);
        _PyGC_ObjectArray_Fini(&candidates);
        return 0;
    }
    promote_young();
    note_survivors(full, candidates.size - garbage.size);
    _PyGC_ObjectArray_Fini(&candidates);
    /* Returns with the world restarted. */
    Py_ssize_t found = _PyGC_HandleUnreachable(tstate, &garbage, uncollectable);
    _PyGC_ObjectArray_Fini(&garbage);
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
    for (gc_thread_list *list = __atomic_load_n(&registry, __ATOMIC_ACQUIRE);
         list != NULL; list = list->next) {
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
    for (gc_thread_list *list = __atomic_load_n(&registry, __ATOMIC_ACQUIRE);
         list != NULL; list = list->next) {
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
