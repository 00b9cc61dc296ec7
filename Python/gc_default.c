/* The generational collector of the default build (Doc/internals/gc.md).

   Tracked objects live in three generations, doubly linked through their
   PyGC_Head, plus a permanent generation for gc.freeze().  New objects go
   to generation 0; the survivors of a collection of generation g move to
   generation g + 1.  Generation 0 is collected when the number of GC
   allocations minus deallocations since its last collection passes its
   threshold; generation g > 0 when the number of collections of
   generation g - 1 since its own last one passes its threshold, and
   generation 2 only when that would examine at least 25% more objects
   than the last full collection left (so a growing heap does not make
   collection quadratic).

   Thread safety: everything here is protected by the GIL. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_object.h"
#include "pycore_pystate.h"

#ifndef Py_GIL_DISABLED

typedef struct {
    PyGC_Head head;         /* list sentinel */
    int threshold;
    Py_ssize_t count;
} gc_generation;

#define GEN_HEAD(n) (&generations[n].head)

static gc_generation generations[_PyGC_NUM_GENERATIONS] = {
    { { GEN_HEAD(0), GEN_HEAD(0) }, 2000, 0 },
    { { GEN_HEAD(1), GEN_HEAD(1) }, 10, 0 },
    { { GEN_HEAD(2), GEN_HEAD(2) }, 10, 0 },
};
static PyGC_Head permanent_generation = {
    &permanent_generation, &permanent_generation
};

/* Objects that survived a generation-1 collection since the last full
   one, and the survivors of that full collection. */
static Py_ssize_t long_lived_pending;
static Py_ssize_t long_lived_total;

/* ---- lists: gc_prev's low bit is the object's finalized flag --------- */

static inline PyGC_Head *prev_of(PyGC_Head *gc)
{
    return (PyGC_Head *)((uintptr_t)gc->gc_prev & ~_PyGC_PREV_MASK_FINALIZED);
}

static inline void set_prev(PyGC_Head *gc, PyGC_Head *prev)
{
    gc->gc_prev = (PyGC_Head *)((uintptr_t)prev
                                | ((uintptr_t)gc->gc_prev & _PyGC_PREV_MASK_FINALIZED));
}

static void list_append(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *last = prev_of(list);
    set_prev(node, last);
    node->gc_next = list;
    last->gc_next = node;
    set_prev(list, node);
}

static void list_remove(PyGC_Head *node)
{
    PyGC_Head *prev = prev_of(node);
    PyGC_Head *next = node->gc_next;
    prev->gc_next = next;
    set_prev(next, prev);
    node->gc_next = NULL;
    set_prev(node, NULL);
}

static int list_is_empty(PyGC_Head *list)
{
    return list->gc_next == list;
}

/* Move every node of `from` to the end of `to`; `from` ends up empty. */
static void list_merge(PyGC_Head *from, PyGC_Head *to)
{
    if (list_is_empty(from)) {
        return;
    }
    PyGC_Head *to_last = prev_of(to);
    PyGC_Head *first = from->gc_next;
    PyGC_Head *last = prev_of(from);
    to_last->gc_next = first;
    set_prev(first, to_last);
    last->gc_next = to;
    set_prev(to, last);
    from->gc_next = from;
    set_prev(from, from);
}

static Py_ssize_t list_size(PyGC_Head *list)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *gc = list->gc_next; gc != list; gc = gc->gc_next) {
        n++;
    }
    return n;
}

/* ---- hooks for Python/gc.c -------------------------------------------- */

void _PyGC_LinkTracked(PyObject *op)
{
    list_append(_Py_AS_GC(op), GEN_HEAD(0));
}

void _PyGC_UnlinkTracked(PyObject *op)
{
    list_remove(_Py_AS_GC(op));
}

void _PyGC_NoteAllocation(void)
{
    generations[0].count++;
}

void _PyGC_NoteDeallocation(void)
{
    if (generations[0].count > 0) {
        generations[0].count--;
    }
}

void _PyGC_StopWorld(PyThreadState *Py_UNUSED(tstate))
{
}

void _PyGC_StartWorld(PyThreadState *Py_UNUSED(tstate))
{
}

int _PyGC_AutomaticGeneration(void)
{
    if (generations[0].threshold == 0
            || generations[0].count <= generations[0].threshold) {
        return -1;
    }
    for (int i = _PyGC_NUM_GENERATIONS - 1; i > 0; i--) {
        if (generations[i].count <= generations[i].threshold) {
            continue;
        }
        if (i == _PyGC_NUM_GENERATIONS - 1
                && long_lived_pending < long_lived_total / 4) {
            continue;
        }
        return i;
    }
    return 0;
}

/* The candidates are generations 0..generation, merged into the list of
   `generation`, each beginning the pass.  Objects whose count is zero are
   being destroyed (their dealloc is running a finalizer) and immortal
   ones never die: both are left out, which only makes what they
   reference look reachable.  Either way the caller repairs the list. */
static int gather_candidates(int generation, _PyGC_ObjectArray *candidates)
{
    PyGC_Head *list = GEN_HEAD(generation);
    for (int i = 0; i < generation; i++) {
        list_merge(GEN_HEAD(i), list);
    }
    for (PyGC_Head *gc = list->gc_next; gc != list; gc = gc->gc_next) {
        PyObject *op = _Py_FROM_GC(gc);
        if (_Py_IsImmortal(op) || op->ob_refcnt == 0) {
            continue;
        }
        if (_PyGC_ObjectArray_Push(candidates, op) < 0) {
            return -1;
        }
        _PyGC_BeginPass(gc, op->ob_refcnt);
    }
    return 0;
}

Py_ssize_t _PyGC_CollectGenerations(PyThreadState *tstate, int generation,
                                    Py_ssize_t *uncollectable)
{
    *uncollectable = 0;
    if (generation + 1 < _PyGC_NUM_GENERATIONS) {
        generations[generation + 1].count++;
    }
    for (int i = 0; i <= generation; i++) {
        generations[i].count = 0;
    }
    _PyGC_ObjectArray candidates = { NULL, 0, 0 };
    _PyGC_Garbage garbage = { { NULL, 0, 0 }, { NULL, 0, 0 }, NULL, 0 };
    int status = gather_candidates(generation, &candidates);
    if (status == 0) {
        status = _PyGC_FindGarbage(&candidates, &garbage);
    }
    _PyGC_RepairList(GEN_HEAD(generation));
    Py_ssize_t survivors = candidates.size - garbage.objects.size;
    _PyGC_ObjectArray_Fini(&candidates);
    if (status < 0) {
        return 0;
    }
    /* Survivors age; the garbage goes along and leaves the list when it
       is freed (or stays there, resurrected). */
    if (generation + 1 < _PyGC_NUM_GENERATIONS) {
        list_merge(GEN_HEAD(generation), GEN_HEAD(generation + 1));
    }
    if (generation == _PyGC_NUM_GENERATIONS - 2) {
        long_lived_pending += survivors;
    }
    else if (generation == _PyGC_NUM_GENERATIONS - 1) {
        long_lived_pending = 0;
        long_lived_total = survivors;
    }
    Py_ssize_t found = _PyGC_HandleGarbage(tstate, &garbage);
    *uncollectable = garbage.uncollectable;
    return found;
}

int _PyGC_VisitTracked(int generation, int (*visit)(PyObject *, void *),
                       void *arg)
{
    int first = generation == _PyGC_GEN_ALL ? 0 : generation;
    int last = generation == _PyGC_GEN_ALL ? _PyGC_NUM_GENERATIONS - 1 : generation;
    for (int i = first; i <= last; i++) {
        PyGC_Head *list = i == _PyGC_GEN_PERMANENT ? &permanent_generation
                                                   : GEN_HEAD(i);
        for (PyGC_Head *gc = list->gc_next; gc != list; gc = gc->gc_next) {
            if (!visit(_Py_FROM_GC(gc), arg)) {
                return 0;
            }
        }
    }
    return 1;
}

/* ---- the gc module's knobs -------------------------------------------- */

void _PyGC_GetCount(Py_ssize_t counts[_PyGC_NUM_GENERATIONS])
{
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        counts[i] = generations[i].count;
    }
}

void _PyGC_GetThreshold(int thresholds[_PyGC_NUM_GENERATIONS])
{
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        thresholds[i] = generations[i].threshold;
    }
}

void _PyGC_SetThreshold(const int *thresholds, int n)
{
    for (int i = 0; i < n && i < _PyGC_NUM_GENERATIONS; i++) {
        generations[i].threshold = thresholds[i];
    }
}

void _PyGC_Freeze(PyThreadState *Py_UNUSED(tstate))
{
    for (int i = 0; i < _PyGC_NUM_GENERATIONS; i++) {
        list_merge(GEN_HEAD(i), &permanent_generation);
        generations[i].count = 0;
    }
}

void _PyGC_Unfreeze(PyThreadState *Py_UNUSED(tstate))
{
    list_merge(&permanent_generation, GEN_HEAD(_PyGC_NUM_GENERATIONS - 1));
}

Py_ssize_t _PyGC_GetFreezeCount(void)
{
    return list_size(&permanent_generation);
}

#endif /* !Py_GIL_DISABLED */
