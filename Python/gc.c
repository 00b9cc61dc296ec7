/* The cycle collector: allocation and tracking of GC objects, the public
   and gc-module API, and the collection algorithm shared by both builds
   (Doc/internals/gc.md).

   Where candidates come from differs: the generations of the default
   build (Python/gc_default.c), every thread's list with the world stopped
   in the free-threaded build (Python/gc_free_threading.c).  What happens
   to them is the same and lives here: the gc_refs computation, then
   legacy finalizers, weak references, PEP 442 finalizers, resurrection
   and tp_clear.

   Thread safety: the collector's state below is written by the thread
   that holds `collecting` (an atomic flag, so at most one collection runs
   at a time) or with plain atomic stores for the flags the gc module
   sets; per-object scratch (gc_refs and the pass flags, kept in gc_prev
   while a pass runs) is written only with the GIL held (default build) or
   the world stopped (free-threaded). */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_lock.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"
#include "pycore_refcount.h"
#include "pycore_weakref.h"

/* ---- collector state -------------------------------------------------- */

static int gc_enabled = 1;          /* atomic */
static int gc_debug;                /* atomic */
static int gc_collecting;           /* atomic: 1 while a collection runs */
/* Held for the whole of a collection; `gc_collecting` mirrors it so that
   the allocation path can test for a running collection with one load.
   `gc_collector` (atomic) is the thread holding it, so that a finalizer
   or gc.callbacks entry calling gc.collect() does not wait for itself. */
static PyMutex gc_collection_mutex;
static PyThreadState *gc_collector;
static PyObject *gc_garbage;        /* gc.garbage: created once, kept */
static PyObject *gc_callbacks;      /* gc.callbacks: created once, kept */
static PyMutex gc_lists_mutex;      /* serialises creating the two lists */
/* gc.get_stats(): per generation, written by the collecting thread and
   read without a lock (a reader may see a collection half-counted). */
static Py_ssize_t gc_stats[_PyGC_NUM_GENERATIONS][3];

/* ---- object arrays ---------------------------------------------------- */

int _PyGC_ObjectArray_Push(_PyGC_ObjectArray *array, PyObject *op)
{
    if (array->size == array->capacity) {
        Py_ssize_t capacity = array->capacity ? array->capacity * 2 : 256;
        PyObject **items = PyMem_RawRealloc(array->items,
                                            (size_t)capacity * sizeof(PyObject *));
        if (items == NULL) {
            return -1;
        }
        array->items = items;
        array->capacity = capacity;
    }
    array->items[array->size++] = op;
    return 0;
}

void _PyGC_ObjectArray_Fini(_PyGC_ObjectArray *array)
{
    PyMem_RawFree(array->items);
    array->items = NULL;
    array->size = array->capacity = 0;
}

/* Room for n more items, so that later pushes cannot fail. */
static int array_reserve(_PyGC_ObjectArray *array, Py_ssize_t n)
{
    if (array->capacity - array->size >= n) {
        return 0;
    }
    Py_ssize_t capacity = array->size + n;
    PyObject **items = PyMem_RawRealloc(array->items,
                                        (size_t)(capacity ? capacity : 1)
                                        * sizeof(PyObject *));
    if (items == NULL) {
        return -1;
    }
    array->items = items;
    array->capacity = capacity;
    return 0;
}

/* ---- allocation and tracking ------------------------------------------ */

PyObject *_PyObject_GC_Malloc(size_t basicsize)
{
    size_t presize = _PyGC_PreHeaderSize();
    if (basicsize > (size_t)PY_SSIZE_T_MAX - presize) {
        return PyErr_NoMemory();
    }
    char *mem = PyObject_Malloc(presize + basicsize);
    if (mem == NULL) {
        return PyErr_NoMemory();
    }
    memset(mem, 0, presize);
    _PyGC_NoteAllocation();
    _PyGC_ScheduleIfNeeded();
    return (PyObject *)(mem + presize);
}

PyObject *_PyObject_GC_New(PyTypeObject *type)
{
    PyObject *op = _PyObject_GC_Malloc(_PyObject_SIZE(type));
    if (op != NULL) {
        _PyObject_Init(op, type);
    }
    return op;
}

PyVarObject *_PyObject_GC_NewVar(PyTypeObject *type, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (type->tp_itemsize != 0 && (size_t)nitems >
            ((size_t)PY_SSIZE_T_MAX - type->tp_basicsize) / type->tp_itemsize) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    PyVarObject *op = (PyVarObject *)_PyObject_GC_Malloc(_PyObject_VAR_SIZE(type, nitems));
    if (op != NULL) {
        _PyObject_InitVar(op, type, nitems);
    }
    return op;
}

/* Only untracked objects may be resized: the list links would move. */
PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *type = Py_TYPE(op);
    size_t presize = _PyGC_PreHeaderSize();
    if (nitems < 0 || (type->tp_itemsize != 0 && (size_t)nitems >
            ((size_t)PY_SSIZE_T_MAX - type->tp_basicsize - presize) / type->tp_itemsize)) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    size_t size = presize + _PyObject_VAR_SIZE(type, nitems);
    char *mem = PyObject_Realloc((char *)op - presize, size);
    if (mem == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    op = (PyVarObject *)(mem + presize);
    Py_SET_SIZE(op, nitems);
    return op;
}

void PyObject_GC_Track(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    if (_PyObject_GC_IS_TRACKED(op)) {
        Py_FatalError("object already tracked by the garbage collector");
    }
    _PyGC_LinkTracked(op);
}

void PyObject_GC_UnTrack(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    if (_PyObject_GC_IS_TRACKED(op)) {
        _PyGC_UnlinkTracked(op);
    }
}

void PyObject_GC_Del(void *op_raw)
{
    PyObject *op = (PyObject *)op_raw;
    if (_PyObject_GC_IS_TRACKED(op)) {
        _PyGC_UnlinkTracked(op);
    }
    _PyGC_NoteDeallocation();
#ifdef Py_GIL_DISABLED
    /* A lock-free reader may still read this header: see refcount.c. */
    if (_PyObject_FreeIsDelayed(op)) {
        _PyMem_FreeDelayedRaw((char *)op - _PyGC_PreHeaderSize());
        return;
    }
#endif
    PyObject_Free((char *)op - _PyGC_PreHeaderSize());
}

int PyObject_GC_IsTracked(PyObject *op)
{
    return PyObject_IS_GC(op) && _PyObject_GC_IS_TRACKED(op);
}

int PyObject_GC_IsFinalized(PyObject *op)
{
    if (!PyObject_IS_GC(op)) {
        return 0;
    }
#ifdef Py_GIL_DISABLED
    return (op->ob_gc_bits & _PyGC_BITS_FINALIZED) != 0;
#else
    return ((uintptr_t)_Py_AS_GC(op)->gc_prev & _PyGC_PREV_MASK_FINALIZED) != 0;
#endif
}

int PyObject_IS_GC(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    return (type->tp_flags & Py_TPFLAGS_HAVE_GC)
           && (type->tp_is_gc == NULL || type->tp_is_gc(op));
}

/* ---- cycle detection -------------------------------------------------- */

/* Everything in this section runs with the GIL held (default build) or
   the world stopped (free-threaded build): it reads and writes the pass
   scratch in gc_prev (pycore_gc.h), which nothing else touches then. */

/* op takes part in the current pass: a tracked GC object flagged
   COLLECTING.  Immortal objects never are, and are rejected before the
   pre-header is read: statically allocated ones may not have one. */
static inline PyGC_Head *candidate_head(PyObject *op)
{
    if (op == NULL || _Py_IsImmortal(op) || !PyObject_IS_GC(op)
            || !_PyObject_GC_IS_TRACKED(op)) {
        return NULL;
    }
    PyGC_Head *gc = _Py_AS_GC(op);
    return (_PyGC_PassFlags(gc) & _PyGC_PREV_MASK_COLLECTING) ? gc : NULL;
}

static inline void set_pass_flag(PyGC_Head *gc, uintptr_t flag)
{
    gc->gc_prev = (PyGC_Head *)((uintptr_t)gc->gc_prev | flag);
}

static inline int has_pass_flag(PyGC_Head *gc, uintptr_t flag)
{
    return (_PyGC_PassFlags(gc) & flag) != 0;
}

void _PyGC_RepairList(PyGC_Head *list)
{
    PyGC_Head *prev = list;
    for (PyGC_Head *gc = list->gc_next; gc != list; gc = gc->gc_next) {
        gc->gc_prev = (PyGC_Head *)((uintptr_t)prev
                                    | ((uintptr_t)gc->gc_prev
                                       & _PyGC_PREV_MASK_FINALIZED));
        prev = gc;
    }
    list->gc_prev = prev;
}

/* A reference from inside the set: it does not keep the target alive.
   gc_refs sits above the flag bits, so it is decremented in steps of
   1 << _PyGC_PREV_SHIFT. */
static int visit_decref(PyObject *op, void *Py_UNUSED(arg))
{
    PyGC_Head *gc = candidate_head(op);
    if (gc != NULL) {
        gc->gc_prev = (PyGC_Head *)((uintptr_t)gc->gc_prev
                                    - ((uintptr_t)1 << _PyGC_PREV_SHIFT));
    }
    return 0;
}

static int visit_reachable(PyObject *op, void *arg)
{
    PyGC_Head *gc = candidate_head(op);
    if (gc != NULL && !has_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE)) {
        set_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE);
        /* Cannot fail: the stack was reserved for every candidate. */
        (void)_PyGC_ObjectArray_Push((_PyGC_ObjectArray *)arg, op);
    }
    return 0;
}

static void traverse(PyObject *op, visitproc visit, void *arg)
{
    traverseproc tp_traverse = Py_TYPE(op)->tp_traverse;
    if (tp_traverse != NULL) {
        (void)tp_traverse(op, visit, arg);
    }
}

/* Given candidates that began the pass with their counts as gc_refs, set
   REACHABLE on every one that something outside the set keeps alive,
   directly or through other candidates.  -1 on memory error. */
static int mark_reachable(_PyGC_ObjectArray *candidates)
{
    for (Py_ssize_t i = 0; i < candidates->size; i++) {
        traverse(candidates->items[i], visit_decref, NULL);
    }
    _PyGC_ObjectArray stack = { NULL, 0, 0 };
    if (array_reserve(&stack, candidates->size) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < candidates->size; i++) {
        PyObject *op = candidates->items[i];
        PyGC_Head *gc = _Py_AS_GC(op);
        if (_PyGC_Refs(gc) > 0 && !has_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE)) {
            set_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE);
            stack.items[stack.size++] = op;
        }
    }
    while (stack.size > 0) {
        PyObject *op = stack.items[--stack.size];
        traverse(op, visit_reachable, &stack);
    }
    _PyGC_ObjectArray_Fini(&stack);
    return 0;
}

/* Take a strong reference to a garbage object.  Free-threaded build
   (world stopped): the two halves of the count are merged and ownership
   dropped, so the collector's last decref frees the object right away on
   this thread instead of queueing it to its owner. */
static void own_garbage(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    Py_ssize_t count = _PyGC_RefCount(op) + 1;
    op->ob_ref_local = 0;
    op->ob_tid = 0;
    op->ob_ref_shared = _Py_REF_SHARED(count, _Py_REF_MERGED);
#else
    Py_INCREF(op);
#endif
}

/* Leaves the pass: gc_prev keeps only the finalized bit until the list
   is repaired. */
static void end_pass(PyGC_Head *gc)
{
    gc->gc_prev = (PyGC_Head *)((uintptr_t)gc->gc_prev
                                & _PyGC_PREV_MASK_FINALIZED);
}

/* The garbage: candidates not marked REACHABLE, each with a strong
   reference, still COLLECTING (that is what marks it unreachable from now
   on) and with REACHABLE clear; the reachable candidates leave the pass.
   -1 on memory error (nothing taken). */
static int take_unreachable(_PyGC_ObjectArray *candidates, _PyGC_Garbage *garbage)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < candidates->size; i++) {
        PyGC_Head *gc = _Py_AS_GC(candidates->items[i]);
        count += !has_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE);
    }
    if (array_reserve(&garbage->objects, count) < 0) {
        return -1;
    }
    garbage->fate = PyMem_RawCalloc((size_t)(count ? count : 1), 1);
    if (garbage->fate == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < candidates->size; i++) {
        PyObject *op = candidates->items[i];
        PyGC_Head *gc = _Py_AS_GC(op);
        if (has_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE)) {
            end_pass(gc);
        }
        else {
            own_garbage(op);
            garbage->objects.items[garbage->objects.size++] = op;
        }
    }
    return 0;
}

/* ---- what happens to the garbage -------------------------------------- */

/* What becomes of each garbage object (_PyGC_Garbage.fate). */
enum { FATE_DELETE = 0, FATE_RESURRECTED = 1, FATE_LEGACY = 2 };

/* During _PyGC_FindGarbage, after take_unreachable: op is garbage. */
static int is_unreachable(PyObject *op)
{
    return candidate_head(op) != NULL;
}

/* Marks garbage REACHABLE (here meaning "held back for gc.garbage") and
   pushes it for its own traversal; the stack has room for all garbage and
   each object is pushed once. */
static int visit_legacy(PyObject *op, void *arg)
{
    PyGC_Head *gc = candidate_head(op);
    if (gc != NULL && !has_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE)) {
        set_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE);
        (void)_PyGC_ObjectArray_Push((_PyGC_ObjectArray *)arg, op);
    }
    return 0;
}

/* Objects with a legacy tp_del, and the garbage they reach, cannot be
   collected safely (tp_del may see any of them half-cleared): they go to
   gc.garbage (fate FATE_LEGACY) and count as uncollectable. */
static void mark_legacy_finalizers(_PyGC_Garbage *garbage)
{
    _PyGC_ObjectArray *objects = &garbage->objects;
    _PyGC_ObjectArray stack = { NULL, 0, 0 };
    if (array_reserve(&stack, objects->size) < 0) {
        return;     /* nothing is moved; tp_del objects are then cleared */
    }
    for (Py_ssize_t i = 0; i < objects->size; i++) {
        PyObject *op = objects->items[i];
        if (Py_TYPE(op)->tp_del != NULL) {
            visit_legacy(op, &stack);
        }
    }
    while (stack.size > 0) {
        traverse(stack.items[--stack.size], visit_legacy, &stack);
    }
    _PyGC_ObjectArray_Fini(&stack);
    for (Py_ssize_t i = 0; i < objects->size; i++) {
        if (has_pass_flag(_Py_AS_GC(objects->items[i]), _PyGC_PREV_MASK_REACHABLE)) {
            garbage->fate[i] = FATE_LEGACY;
            garbage->uncollectable++;
        }
    }
}

/* Clear every weak reference to the garbage before any finalizer runs, so
   no Python code can reach a half-destroyed object through one.  A
   reference that is itself garbage is cleared with no callback (its
   callback could see the garbage); the others with a callback are
   collected, with a new reference, into garbage->callbacks. */
static void clear_weakrefs(_PyGC_Garbage *garbage)
{
    _PyGC_ObjectArray *objects = &garbage->objects;
    for (Py_ssize_t i = 0; i < objects->size; i++) {
        PyObject *op = objects->items[i];
        if (garbage->fate[i] != FATE_LEGACY && PyWeakref_Check(op)) {
            _PyWeakref_ClearRef((PyWeakReference *)op);
        }
    }
    for (Py_ssize_t i = 0; i < objects->size; i++) {
        PyObject *op = objects->items[i];
        if (garbage->fate[i] == FATE_LEGACY) {
            continue;
        }
        PyWeakReference **list = _PyObject_GET_WEAKREFS_LISTPTR(op);
        if (list == NULL) {
            continue;
        }
        while (*list != NULL) {
            PyWeakReference *ref = *list;
            _PyWeakref_ClearRef(ref);
            if (ref->wr_callback != NULL && !is_unreachable((PyObject *)ref)
                && _PyGC_ObjectArray_Push(&garbage->callbacks,
                                          (PyObject *)ref) == 0) {
                Py_INCREF(ref);
            }
        }
    }
}

int _PyGC_FindGarbage(_PyGC_ObjectArray *candidates, _PyGC_Garbage *garbage)
{
    if (mark_reachable(candidates) < 0
            || take_unreachable(candidates, garbage) < 0) {
        _PyGC_ObjectArray_Fini(&garbage->objects);
        PyMem_RawFree(garbage->fate);
        garbage->fate = NULL;
        return -1;
    }
    mark_legacy_finalizers(garbage);
    clear_weakrefs(garbage);
    return 0;
}

static void call_weakref_callbacks(_PyGC_ObjectArray *callbacks)
{
    for (Py_ssize_t i = 0; i < callbacks->size; i++) {
        PyWeakReference *ref = (PyWeakReference *)callbacks->items[i];
        PyObject *callback = Py_XNewRef(ref->wr_callback);
        if (callback != NULL) {
            PyObject *result = PyObject_CallOneArg(callback, (PyObject *)ref);
            if (result == NULL) {
                PyErr_FormatUnraisable("Exception ignored while calling "
                                       "weakref callback %R", callback);
            }
            Py_XDECREF(result);
            Py_DECREF(callback);
        }
        Py_DECREF(ref);
    }
}

/* PEP 442: each finalizer runs once in the object's life, before any of
   the garbage is cleared, so every finalizer sees intact objects. */
static void call_finalizers(_PyGC_Garbage *garbage)
{
    for (Py_ssize_t i = 0; i < garbage->objects.size; i++) {
        PyObject *op = garbage->objects.items[i];
        if (garbage->fate[i] == FATE_LEGACY || Py_TYPE(op)->tp_finalize == NULL
                || PyObject_GC_IsFinalized(op)) {
            continue;
        }
        PyObject_CallFinalizer(op);
        if (PyErr_Occurred()) {
            PyErr_WriteUnraisable(op);
        }
    }
}

/* After finalizers, some garbage may be referenced from outside again
   (resurrected), and with it whatever garbage it reaches.  A second pass
   over the garbage, its gc_refs discounting the collector's own
   reference, marks those FATE_RESURRECTED.  The garbage lies scattered
   over the lists, so instead of repairing whole lists afterwards each
   object's gc_prev is saved and put back.  World stopped.  On memory
   error everything counts as resurrected, which is safe. */
static void find_resurrected(_PyGC_Garbage *garbage)
{
    _PyGC_ObjectArray *objects = &garbage->objects;
    char *fate = garbage->fate;
    _PyGC_ObjectArray candidates = { NULL, 0, 0 };
    PyGC_Head **saved = PyMem_RawMalloc(sizeof(PyGC_Head *)
                                        * (size_t)(objects->size ? objects->size : 1));
    int status = saved == NULL ? -1 : array_reserve(&candidates, objects->size);
    for (Py_ssize_t i = 0; i < objects->size && status == 0; i++) {
        PyObject *op = objects->items[i];
        if (fate[i] == FATE_LEGACY) {
            continue;
        }
        if (!_PyObject_GC_IS_TRACKED(op)) {
            /* A finalizer untracked it: nothing can be proven. */
            fate[i] = FATE_RESURRECTED;
            continue;
        }
        PyGC_Head *gc = _Py_AS_GC(op);
        saved[candidates.size] = gc->gc_prev;
        _PyGC_BeginPass(gc, _PyGC_RefCount(op) - 1);
        candidates.items[candidates.size++] = op;
    }
    if (status == 0) {
        status = mark_reachable(&candidates);
    }
    for (Py_ssize_t i = 0, j = 0; i < objects->size; i++) {
        PyObject *op = objects->items[i];
        if (j < candidates.size && candidates.items[j] == op) {
            PyGC_Head *gc = _Py_AS_GC(op);
            if (fate[i] == FATE_DELETE
                    && has_pass_flag(gc, _PyGC_PREV_MASK_REACHABLE)) {
                fate[i] = FATE_RESURRECTED;
            }
            gc->gc_prev = saved[j++];
        }
        if (status < 0 && fate[i] == FATE_DELETE) {
            fate[i] = FATE_RESURRECTED;
        }
    }
    PyMem_RawFree(saved);
    _PyGC_ObjectArray_Fini(&candidates);
}

static PyObject *get_or_make_list(PyObject **slot)
{
    PyObject *list = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (list != NULL) {
        return list;
    }
    PyMutex_Lock(&gc_lists_mutex);
    list = *slot;
    if (list == NULL) {
        list = PyList_New(0);
        if (list != NULL) {
            __atomic_store_n(slot, list, __ATOMIC_RELEASE);
        }
    }
    PyMutex_Unlock(&gc_lists_mutex);
    return list;
}

PyObject *_PyGC_GetGarbage(void)
{
    return get_or_make_list(&gc_garbage);
}

PyObject *_PyGC_GetCallbacks(void)
{
    return get_or_make_list(&gc_callbacks);
}

void _PyGC_Fini(void)
{
    Py_CLEAR(gc_garbage);
    Py_CLEAR(gc_callbacks);
}

static void save_to_garbage(PyObject *op)
{
    PyObject *garbage = _PyGC_GetGarbage();
    if (garbage == NULL || PyList_Append(garbage, op) < 0) {
        PyErr_WriteUnraisable(NULL);
    }
}

/* Break the cycles: tp_clear drops each object's references, after which
   the collector's own references are the last ones. */
static void delete_garbage(PyObject *op)
{
    if (__atomic_load_n(&gc_debug, __ATOMIC_RELAXED) & _PyGC_DEBUG_SAVEALL) {
        save_to_garbage(op);
        return;
    }
    /* Weak references made by finalizers die without callbacks. */
    if (_PyObject_GET_WEAKREFS_LISTPTR(op) != NULL) {
        _PyWeakref_ClearWeakRefsNoCallbacks(op);
    }
    inquiry clear = Py_TYPE(op)->tp_clear;
    if (clear != NULL) {
        (void)clear(op);
        if (PyErr_Occurred()) {
            PyErr_WriteUnraisable(op);
        }
    }
}

/* gc.DEBUG_COLLECTABLE / DEBUG_UNCOLLECTABLE output, as CPython prints it. */
static void debug_report(const char *what, PyObject *op)
{
    fprintf(stderr, "gc: %s <%s %p>\n", what, Py_TYPE(op)->tp_name, (void *)op);
}

Py_ssize_t _PyGC_HandleGarbage(PyThreadState *tstate, _PyGC_Garbage *garbage)
{
    _PyGC_ObjectArray *objects = &garbage->objects;
    Py_ssize_t found = objects->size;
    call_weakref_callbacks(&garbage->callbacks);
    _PyGC_ObjectArray_Fini(&garbage->callbacks);
    call_finalizers(garbage);

    _PyGC_StopWorld(tstate);
    find_resurrected(garbage);
    _PyGC_StartWorld(tstate);
    int debug = __atomic_load_n(&gc_debug, __ATOMIC_RELAXED);
    for (Py_ssize_t i = 0; i < objects->size; i++) {
        PyObject *op = objects->items[i];
        if (garbage->fate[i] == FATE_RESURRECTED) {
            found--;
        }
        else if (garbage->fate[i] == FATE_LEGACY) {
            if (debug & _PyGC_DEBUG_UNCOLLECTABLE) {
                debug_report("uncollectable", op);
            }
            save_to_garbage(op);
        }
        else if (garbage->fate[i] == FATE_DELETE) {
            if (debug & _PyGC_DEBUG_COLLECTABLE) {
                debug_report("collectable", op);
            }
            delete_garbage(op);
        }
    }
    PyMem_RawFree(garbage->fate);
    garbage->fate = NULL;
    for (Py_ssize_t i = 0; i < objects->size; i++) {
        Py_DECREF(objects->items[i]);
    }
    _PyGC_ObjectArray_Fini(objects);
    return found;
}
/* ---- running collections ---------------------------------------------- */

static void invoke_callbacks(const char *phase, int generation,
                             Py_ssize_t collected, Py_ssize_t uncollectable)
{
    PyObject *callbacks = __atomic_load_n(&gc_callbacks, __ATOMIC_ACQUIRE);
    if (callbacks == NULL || PyList_GET_SIZE(callbacks) == 0) {
        return;
    }
    PyObject *info = Py_BuildValue("{sisnsn}", "generation", generation,
                                   "collected", collected,
                                   "uncollectable", uncollectable);
    PyObject *snapshot = info ? PySequence_List(callbacks) : NULL;
    if (snapshot == NULL) {
        PyErr_WriteUnraisable(NULL);
        Py_XDECREF(info);
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(snapshot); i++) {
        PyObject *callback = PyList_GET_ITEM(snapshot, i);
        PyObject *result = PyObject_CallFunction(callback, "sO", phase, info);
        if (result == NULL) {
            PyErr_WriteUnraisable(callback);
        }
        Py_XDECREF(result);
    }
    Py_DECREF(snapshot);
    Py_DECREF(info);
}

/* Takes the collection mutex.  An automatic or shutdown collection gives
   way to one already running (returns 0).  A manual one (gc.collect())
   waits detached for it and then runs its own, so that gc.collect()
   always means "a full collection started after this call did", however
   many threads allocate meanwhile: CPython returns 0 at once instead,
   which makes `gc.collect(); assert ref() is None` flaky under threads.
   The one exception is a collection started from inside a running one
   (a finalizer or callback in the collecting thread), which returns 0.
   The wait is bounded (MANUAL_COLLECTION_WAIT_NS): a finalizer of the
   running collection may need a lock the waiting thread holds, and then
   giving up (returning 0, as CPython would have at once) is the only way
   out of the deadlock. */
#define MANUAL_COLLECTION_WAIT_NS ((int64_t)2000000000)

static int begin_collection(PyThreadState *tstate, _PyGC_Reason reason)
{
    if (_PyMutex_LockTimed(&gc_collection_mutex, 0) != 1) {
        if (reason != _Py_GC_REASON_MANUAL || tstate == NULL
                || __atomic_load_n(&gc_collector, __ATOMIC_RELAXED) == tstate) {
            return 0;
        }
        _PyThreadState_Detach(tstate);
        int taken = _PyMutex_LockTimed(&gc_collection_mutex,
                                       MANUAL_COLLECTION_WAIT_NS);
        _PyThreadState_AttachHolding(tstate,
                                     taken == 1 ? &gc_collection_mutex : NULL);
        if (taken != 1) {
            return 0;
        }
    }
    __atomic_store_n(&gc_collector, tstate, __ATOMIC_RELAXED);
    __atomic_store_n(&gc_collecting, 1, __ATOMIC_RELEASE);
    return 1;
}

static void end_collection(void)
{
    __atomic_store_n(&gc_collecting, 0, __ATOMIC_RELEASE);
    __atomic_store_n(&gc_collector, NULL, __ATOMIC_RELAXED);
    PyMutex_Unlock(&gc_collection_mutex);
}

Py_ssize_t _PyGC_Collect(PyThreadState *tstate, int generation,
                         _PyGC_Reason reason)
{
    if (!begin_collection(tstate, reason)) {
        return 0;
    }
    if (generation < 0 || generation >= _PyGC_NUM_GENERATIONS) {
        generation = _PyGC_NUM_GENERATIONS - 1;
    }
    int debug = __atomic_load_n(&gc_debug, __ATOMIC_RELAXED);
    PyObject *saved = PyErr_GetRaisedException();
    if (reason != _Py_GC_REASON_SHUTDOWN) {
        invoke_callbacks("start", generation, 0, 0);
    }
    if (debug & _PyGC_DEBUG_STATS) {
        fprintf(stderr, "gc: collecting generation %d...\n", generation);
    }
    Py_ssize_t uncollectable = 0;
    Py_ssize_t found = _PyGC_CollectGenerations(tstate, generation, &uncollectable);
    if (debug & _PyGC_DEBUG_STATS) {
        fprintf(stderr, "gc: done, %zd unreachable, %zd uncollectable\n",
                found, uncollectable);
    }
    gc_stats[generation][0]++;
    gc_stats[generation][1] += found - uncollectable;
    gc_stats[generation][2] += uncollectable;
    if (reason != _Py_GC_REASON_SHUTDOWN) {
        invoke_callbacks("stop", generation, found - uncollectable, uncollectable);
    }
    PyErr_SetRaisedException(saved);
    end_collection();
    return found;
}

void _PyGC_AfterFork(PyThreadState *tstate)
{
    if (__atomic_load_n(&gc_collector, __ATOMIC_RELAXED) != tstate) {
        gc_collection_mutex = (PyMutex){0};
        gc_collecting = 0;
        gc_collector = NULL;
    }
}

Py_ssize_t PyGC_Collect(void)
{
    if (!PyGC_IsEnabled()) {
        return 0;
    }
    return _PyGC_Collect(_PyThreadState_GET(), _PyGC_NUM_GENERATIONS - 1,
                         _Py_GC_REASON_MANUAL);
}

void _PyGC_ScheduleIfNeeded(void)
{
    if (!__atomic_load_n(&gc_enabled, __ATOMIC_RELAXED)
            || __atomic_load_n(&gc_collecting, __ATOMIC_RELAXED)) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL || _PyGC_AutomaticGeneration() < 0) {
        return;
    }
    if (!(__atomic_load_n(&tstate->eval_breaker, __ATOMIC_RELAXED)
          & _PY_GC_SCHEDULED_BIT)) {
        __atomic_fetch_or(&tstate->eval_breaker, (uintptr_t)_PY_GC_SCHEDULED_BIT,
                          __ATOMIC_RELAXED);
    }
}

void _Py_RunGC(PyThreadState *tstate)
{
    __atomic_fetch_and(&tstate->eval_breaker, ~(uintptr_t)_PY_GC_SCHEDULED_BIT,
                       __ATOMIC_RELAXED);
    if (!PyGC_IsEnabled()) {
        return;
    }
    int generation = _PyGC_AutomaticGeneration();
    if (generation >= 0) {
        (void)_PyGC_Collect(tstate, generation, _Py_GC_REASON_HEAP);
    }
}

int PyGC_Enable(void)
{
    return __atomic_exchange_n(&gc_enabled, 1, __ATOMIC_RELAXED);
}

int PyGC_Disable(void)
{
    return __atomic_exchange_n(&gc_enabled, 0, __ATOMIC_RELAXED);
}

int PyGC_IsEnabled(void)
{
    return __atomic_load_n(&gc_enabled, __ATOMIC_RELAXED);
}

void _PyGC_GetStats(Py_ssize_t stats[_PyGC_NUM_GENERATIONS][3])
{
    memcpy(stats, gc_stats, sizeof(gc_stats));
}

void _PyGC_SetDebug(int flags)
{
    __atomic_store_n(&gc_debug, flags, __ATOMIC_RELAXED);
}

int _PyGC_GetDebug(void)
{
    return __atomic_load_n(&gc_debug, __ATOMIC_RELAXED);
}

/* ---- introspection ---------------------------------------------------- */

/* Snapshots are taken with the world stopped (free-threaded) and a new
   reference to each object, so the objects stay valid after it restarts.
   Objects whose count already reached zero are being destroyed and are
   left out. */
typedef struct {
    _PyGC_ObjectArray array;
    int failed;
    PyObject *filter;       /* get_referrers: the tuple of targets */
} snapshot_state;

static int snapshot_add(snapshot_state *state, PyObject *op)
{
    if (_PyGC_RefCount(op) <= 0 && !_Py_IsImmortal(op)) {
        return 1;
    }
    if (_PyGC_ObjectArray_Push(&state->array, op) < 0) {
        state->failed = 1;
        return 0;
    }
    Py_INCREF(op);
    return 1;
}

static int visit_snapshot(PyObject *op, void *arg)
{
    return snapshot_add((snapshot_state *)arg, op);
}

static int visit_is_target(PyObject *op, void *arg)
{
    PyObject *targets = (PyObject *)arg;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(targets); i++) {
        if (PyTuple_GET_ITEM(targets, i) == op) {
            return 1;
        }
    }
    return 0;
}

static int visit_referrer(PyObject *op, void *arg)
{
    snapshot_state *state = (snapshot_state *)arg;
    if (op == state->filter) {
        return 1;
    }
    traverseproc tp_traverse = Py_TYPE(op)->tp_traverse;
    if (tp_traverse != NULL && tp_traverse(op, visit_is_target, state->filter)) {
        return snapshot_add(state, op);
    }
    return 1;
}

static int visit_referent(PyObject *op, void *arg)
{
    return snapshot_add((snapshot_state *)arg, op) ? 0 : -1;
}

/* The snapshot as a new list; consumes the array's references. */
static PyObject *snapshot_to_list(snapshot_state *state)
{
    PyObject *list = NULL;
    if (!state->failed) {
        list = PyList_New(state->array.size);
    }
    for (Py_ssize_t i = 0; i < state->array.size; i++) {
        if (list != NULL) {
            PyList_SET_ITEM(list, i, state->array.items[i]);
        }
        else {
            Py_DECREF(state->array.items[i]);
        }
    }
    _PyGC_ObjectArray_Fini(&state->array);
    if (list == NULL && !PyErr_Occurred()) {
        PyErr_NoMemory();
    }
    return list;
}

PyObject *_PyGC_GetObjects(PyThreadState *tstate, Py_ssize_t generation)
{
    if (generation >= _PyGC_NUM_GENERATIONS) {
        PyErr_Format(PyExc_ValueError, "generation parameter must be less than "
                     "the number of available generations (%i)",
                     _PyGC_NUM_GENERATIONS);
        return NULL;
    }
    if (generation < -1) {
        PyErr_SetString(PyExc_ValueError, "generation parameter cannot be negative");
        return NULL;
    }
    snapshot_state state = { { NULL, 0, 0 }, 0, NULL };
    _PyGC_StopWorld(tstate);
    _PyGC_VisitTracked((int)generation, visit_snapshot, &state);
    _PyGC_StartWorld(tstate);
    return snapshot_to_list(&state);
}

PyObject *_PyGC_GetReferrers(PyThreadState *tstate, PyObject *objs)
{
    snapshot_state state = { { NULL, 0, 0 }, 0, objs };
    _PyGC_StopWorld(tstate);
    _PyGC_VisitTracked(_PyGC_GEN_ALL, visit_referrer, &state);
    _PyGC_VisitTracked(_PyGC_GEN_PERMANENT, visit_referrer, &state);
    _PyGC_StartWorld(tstate);
    return snapshot_to_list(&state);
}

PyObject *_PyGC_GetReferents(PyThreadState *tstate, PyObject *objs)
{
    snapshot_state state = { { NULL, 0, 0 }, 0, NULL };
    _PyGC_StopWorld(tstate);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(objs) && !state.failed; i++) {
        PyObject *op = PyTuple_GET_ITEM(objs, i);
        if (PyObject_IS_GC(op)) {
            traverse(op, visit_referent, &state);
        }
    }
    _PyGC_StartWorld(tstate);
    return snapshot_to_list(&state);
}

typedef struct {
    gcvisitobjects_t callback;
    void *arg;
} visit_objects_state;

static int visit_objects_trampoline(PyObject *op, void *arg)
{
    visit_objects_state *state = (visit_objects_state *)arg;
    return state->callback(op, state->arg);
}

void PyUnstable_GC_VisitObjects(gcvisitobjects_t callback, void *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    visit_objects_state state = { callback, arg };
    _PyGC_StopWorld(tstate);
    if (_PyGC_VisitTracked(_PyGC_GEN_ALL, visit_objects_trampoline, &state)) {
        _PyGC_VisitTracked(_PyGC_GEN_PERMANENT, visit_objects_trampoline, &state);
    }
    _PyGC_StartWorld(tstate);
}
