/* Core-only view of the cycle collector (Doc/internals/gc.md).

   Every GC object, in both builds, is preceded by a 16-byte PyGC_Head
   that links it into a list of tracked objects.  Default build: the lists
   are the generations, protected by the GIL.  Free-threaded build: the
   lists are per thread, each protected by a PyMutex of that list (never a
   global lock); the tracked bit and the list's number live in ob_gc_bits,
   so the fast query reads the object header only and untracking finds
   the list without a search.  The collector walks the lists with the GIL
   held or the world stopped, and borrows gc_prev for its scratch while
   it does (see below). */
#ifndef Py_INTERNAL_GC_H
#define Py_INTERNAL_GC_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* ob_gc_bits (free-threaded build).  Bit 7 is _PyList_BITS_SHARED. */
#define _PyGC_BITS_TRACKED (1 << 0)
#define _PyGC_BITS_FINALIZED (1 << 1)
#define _PyGC_BITS_FROZEN (1 << 2)
/* Bits 3-6: number of the thread list a tracked object is linked into
   (Python/gc_free_threading.c); zero while untracked. */
#define _PyGC_BITS_LIST_SHIFT 3
#define _PyGC_BITS_LIST_MASK (0xF << _PyGC_BITS_LIST_SHIFT)
#define _PyGC_NUM_THREAD_LISTS 16

/* Outside a collection: gc_next and gc_prev link the object into its
   list (gc_next == NULL: untracked).  Bit 0 of gc_prev is the object's
   PEP 442 "finalized" flag in the default build (the free-threaded build
   keeps it in ob_gc_bits).  While a collection examines the object
   (flag _PyGC_PREV_MASK_COLLECTING set; GIL held or world stopped)
   gc_prev holds instead gc_refs << _PyGC_PREV_SHIFT and the pass flags,
   keeping bit 0; the collector rebuilds the link from the gc_next chain
   (_PyGC_RepairList) before anything else may walk or change the list.
   Pointers to a PyGC_Head are at least 8-byte aligned, so a real link
   never has the flag bits set. */
typedef struct _PyGC_Head {
    struct _PyGC_Head *gc_next;
    struct _PyGC_Head *gc_prev;
} PyGC_Head;

#define _Py_AS_GC(op) ((PyGC_Head *)(op) - 1)
#define _Py_FROM_GC(gc) ((PyObject *)((PyGC_Head *)(gc) + 1))
#define _PyGC_PREV_MASK_FINALIZED ((uintptr_t)1)
#define _PyGC_PREV_MASK_COLLECTING ((uintptr_t)2)  /* in the pass's set */
#define _PyGC_PREV_MASK_REACHABLE ((uintptr_t)4)   /* proven reachable */
#define _PyGC_PREV_SHIFT 3

/* Start examining a tracked object: gc_refs = refs, only COLLECTING set.
   The caller holds the GIL or has stopped the world. */
static inline void _PyGC_BeginPass(PyGC_Head *gc, Py_ssize_t refs)
{
    uintptr_t finalized = (uintptr_t)gc->gc_prev & _PyGC_PREV_MASK_FINALIZED;
    gc->gc_prev = (PyGC_Head *)(((uintptr_t)refs << _PyGC_PREV_SHIFT)
                                | _PyGC_PREV_MASK_COLLECTING | finalized);
}

static inline uintptr_t _PyGC_PassFlags(PyGC_Head *gc)
{
    return (uintptr_t)gc->gc_prev
           & (_PyGC_PREV_MASK_COLLECTING | _PyGC_PREV_MASK_REACHABLE);
}

static inline Py_ssize_t _PyGC_Refs(PyGC_Head *gc)
{
    return (Py_ssize_t)((intptr_t)gc->gc_prev >> _PyGC_PREV_SHIFT);
}

/* Ends a pass over the list with sentinel `list`: rebuilds every gc_prev
   from the gc_next chain, keeping bit 0 (Python/gc.c). */
void _PyGC_RepairList(PyGC_Head *list);

/* Bytes in front of every GC object. */
static inline size_t _PyGC_PreHeaderSize(void) {
    return sizeof(PyGC_Head);
}

static inline int _PyObject_GC_IS_TRACKED(PyObject *op) {
#ifdef Py_GIL_DISABLED
    return (__atomic_load_n(&op->ob_gc_bits, __ATOMIC_RELAXED)
            & _PyGC_BITS_TRACKED) != 0;
#else
    return _Py_AS_GC(op)->gc_next != NULL;
#endif
}

/* Memory for a GC object of `size` bytes (the pre-header is added and
   zeroed; the object's own bytes are not initialised).  Sets MemoryError
   and returns NULL on failure.  Free with PyObject_GC_Del.  Every GC
   object, including those made by PyType_GenericAlloc, comes from here;
   it also counts towards the next automatic collection. */
PyObject *_PyObject_GC_Malloc(size_t size);

/* ---- the gc module's operations (wrapped by Modules/gcmodule.c) ------ */

#define _PyGC_NUM_GENERATIONS 3

/* gc.DEBUG_* flags. */
#define _PyGC_DEBUG_STATS (1 << 0)
#define _PyGC_DEBUG_COLLECTABLE (1 << 1)
#define _PyGC_DEBUG_UNCOLLECTABLE (1 << 2)
#define _PyGC_DEBUG_SAVEALL (1 << 5)
#define _PyGC_DEBUG_LEAK (_PyGC_DEBUG_COLLECTABLE | _PyGC_DEBUG_UNCOLLECTABLE \
                          | _PyGC_DEBUG_SAVEALL)

typedef enum {
    _Py_GC_REASON_HEAP,       /* automatic: allocation count passed threshold */
    _Py_GC_REASON_MANUAL,     /* gc.collect(), PyGC_Collect() */
    _Py_GC_REASON_SHUTDOWN,   /* interpreter finalization */
} _PyGC_Reason;

/* gc.collect(generation): collects generations 0..generation (0..2; the
   free-threaded build has two: 0 collects its young objects, 1 and 2
   everything).  Returns the number of
   unreachable objects found (collected plus uncollectable; objects a
   finalizer resurrected are not counted).  When another
   thread's collection is running, a _Py_GC_REASON_MANUAL collection waits
   for it (detached) and then runs; the other reasons return 0, as does a
   collection started from inside the caller's own running one.  Runs even
   when automatic collection is
   disabled.  Callbacks in gc.callbacks are called around it; exceptions
   from finalizers and callbacks are reported as unraisable, so this never
   fails.  The caller must be attached. */
PyAPI_FUNC(Py_ssize_t) _PyGC_Collect(PyThreadState *tstate, int generation,
                                     _PyGC_Reason reason);

/* In a forked child: a collection that another thread of the parent was
   running will never finish here, so the collector is made free again. */
PyAPI_FUNC(void) _PyGC_AfterFork(PyThreadState *tstate);

/* Called by the eval breaker when _PY_GC_SCHEDULED_BIT is set: clears the
   bit and runs the automatic collection the allocation counts ask for
   (nothing when disabled or already collecting). */
PyAPI_FUNC(void) _Py_RunGC(PyThreadState *tstate);

/* Allocation-driven scheduling: called for every GC allocation.  When
   collection is enabled and generation 0's count exceeds its threshold,
   sets _PY_GC_SCHEDULED_BIT on the caller's thread state. */
void _PyGC_ScheduleIfNeeded(void);

/* gc.get_count(): counts[i] for the three generations.  Free-threaded
   build: young-object count in counts[0], young collections since the
   last full one in counts[1], 0 in counts[2]. */
PyAPI_FUNC(void) _PyGC_GetCount(Py_ssize_t counts[_PyGC_NUM_GENERATIONS]);
/* gc.get_threshold() / gc.set_threshold(t0[, t1[, t2]]): n is the number
   of values given (1..3); the others are left unchanged. */
PyAPI_FUNC(void) _PyGC_GetThreshold(int thresholds[_PyGC_NUM_GENERATIONS]);
PyAPI_FUNC(void) _PyGC_SetThreshold(const int *thresholds, int n);
/* gc.get_stats(): for each generation, {collections, collected,
   uncollectable} since start-up (free-threaded build: young collections
   under 0, full ones under the generation asked for). */
PyAPI_FUNC(void) _PyGC_GetStats(Py_ssize_t stats[_PyGC_NUM_GENERATIONS][3]);
/* gc.set_debug / gc.get_debug. */
PyAPI_FUNC(void) _PyGC_SetDebug(int flags);
PyAPI_FUNC(int) _PyGC_GetDebug(void);

/* gc.freeze(): every tracked object moves to the permanent generation and
   is ignored by later collections.  gc.unfreeze() puts them back in the
   oldest generation.  gc.get_freeze_count(): how many are frozen. */
PyAPI_FUNC(void) _PyGC_Freeze(PyThreadState *tstate);
PyAPI_FUNC(void) _PyGC_Unfreeze(PyThreadState *tstate);
PyAPI_FUNC(Py_ssize_t) _PyGC_GetFreezeCount(void);

/* gc.get_objects(generation): a new list of the tracked objects in that
   generation, or in all of them when generation is -1 (frozen objects
   are not included; the free-threaded build ignores the generation
   except that any value other than -1 and 0..2 is an error).  NULL with
   ValueError/MemoryError set on failure. */
PyAPI_FUNC(PyObject *) _PyGC_GetObjects(PyThreadState *tstate,
                                        Py_ssize_t generation);
/* gc.get_referrers(*objs): new list of the tracked objects whose
   tp_traverse visits one of the items of the tuple objs. */
PyAPI_FUNC(PyObject *) _PyGC_GetReferrers(PyThreadState *tstate, PyObject *objs);
/* gc.get_referents(*objs): new list of what tp_traverse of each GC item of
   the tuple objs visits. */
PyAPI_FUNC(PyObject *) _PyGC_GetReferents(PyThreadState *tstate, PyObject *objs);

/* gc.garbage and gc.callbacks: borrowed references to the interpreter's
   lists (created on first use; NULL with MemoryError set on failure).
   Callbacks are called as callback(phase, info) with phase "start" or
   "stop" and info {"generation", "collected", "uncollectable"}. */
PyAPI_FUNC(PyObject *) _PyGC_GetGarbage(void);
PyAPI_FUNC(PyObject *) _PyGC_GetCallbacks(void);
/* Interpreter finalization, after the last collection: drops the two
   lists.  Py_FinalizeEx should first run
   _PyGC_Collect(tstate, 2, _Py_GC_REASON_SHUTDOWN). */
void _PyGC_Fini(void);

/* PyUnstable_GC_VisitObjects (public in CPython's cpython/objimpl.h):
   calls callback(op, arg) for every tracked object until it returns 0.
   The callback must not create or destroy GC objects. */
typedef int (*gcvisitobjects_t)(PyObject *, void *);
PyAPI_FUNC(void) PyUnstable_GC_VisitObjects(gcvisitobjects_t callback, void *arg);

/* ---- between Python/gc.c and the per-build collectors ---------------- */

/* Python/gc_default.c or Python/gc_free_threading.c: link a freshly
   tracked object into its list / unlink it. */
void _PyGC_LinkTracked(PyObject *op);
void _PyGC_UnlinkTracked(PyObject *op);

/* The candidates of one collection, gathered by the per-build collector:
   strong references are NOT held; the array belongs to the caller. */
typedef struct {
    PyObject **items;
    Py_ssize_t size;
    Py_ssize_t capacity;
} _PyGC_ObjectArray;

int _PyGC_ObjectArray_Push(_PyGC_ObjectArray *array, PyObject *op);
void _PyGC_ObjectArray_Fini(_PyGC_ObjectArray *array);

/* The count the collector starts from (both halves of a biased count). */
static inline Py_ssize_t _PyGC_RefCount(PyObject *op) {
#ifdef Py_GIL_DISABLED
    return (Py_ssize_t)op->ob_ref_local + (op->ob_ref_shared >> _Py_REF_SHARED_SHIFT);
#else
    return op->ob_refcnt;
#endif
}

/* The garbage one collection found. */
typedef struct {
    _PyGC_ObjectArray objects;      /* a strong reference to each */
    _PyGC_ObjectArray callbacks;    /* cleared weak references whose
                                       callbacks are due: strong references */
    char *fate;                     /* per object: what becomes of it */
    Py_ssize_t uncollectable;       /* held back for gc.garbage */
} _PyGC_Garbage;

/* Python/gc.c, GIL held or world stopped: cycle detection over the
   candidates (each must have begun the pass, _PyGC_BeginPass, with its
   count), then what must happen before any Python code runs: legacy
   finalizers are sorted out and the weak references to the garbage are
   cleared.  Fills *garbage (zero-initialised by the caller).  -1 on memory
   error (nothing collected).  Either way the pass scratch is left in
   gc_prev: the caller must _PyGC_RepairList every list it gathered from
   before anything else walks or changes them. */
int _PyGC_FindGarbage(_PyGC_ObjectArray *candidates, _PyGC_Garbage *garbage);
/* Python/gc.c, lists repaired and (free-threaded) the world running:
   weak reference callbacks, PEP 442 finalizers, resurrection, tp_clear,
   gc.garbage.  Consumes the references and frees *garbage's memory.
   Returns the number of objects found, less those a finalizer
   resurrected (as CPython counts them). */
Py_ssize_t _PyGC_HandleGarbage(PyThreadState *tstate, _PyGC_Garbage *garbage);
/* Free-threaded hooks used around the phases that must see a stopped
   world (no-ops in the default build). */
void _PyGC_StopWorld(PyThreadState *tstate);
void _PyGC_StartWorld(PyThreadState *tstate);

/* The per-build collectors. */
Py_ssize_t _PyGC_CollectGenerations(PyThreadState *tstate, int generation,
                                    Py_ssize_t *uncollectable);
int _PyGC_AutomaticGeneration(void);   /* -1: no collection due */
void _PyGC_NoteAllocation(void);
void _PyGC_NoteDeallocation(void);
/* Calls visit(op, arg) for every tracked object of `generation`
   (_PyGC_GEN_ALL: every generation but the permanent one;
   _PyGC_GEN_PERMANENT: the frozen objects) until it returns 0; returns 0
   if stopped early.  The caller holds the GIL or has stopped the world,
   and visit must not track or untrack anything. */
#define _PyGC_GEN_ALL (-1)
#define _PyGC_GEN_PERMANENT _PyGC_NUM_GENERATIONS
int _PyGC_VisitTracked(int generation, int (*visit)(PyObject *, void *),
                       void *arg);

#endif /* Py_INTERNAL_GC_H */
