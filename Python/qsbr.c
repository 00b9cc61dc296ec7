/* Quiescent-state-based reclamation (DESIGN.md section 5; the rules are
   in Include/internal/pycore_qsbr.h and Doc/internals/locking.md).

   The interpreter's write sequence wr_seq only grows.  A delayed free
   advances it and records the new value as the item's goal.  Each thread
   publishes, at every quiescent point, the wr_seq it saw (0 while
   detached).  An item may be freed once every attached thread's published
   sequence has reached its goal: each of them then passed a quiescent
   point after the pointer was unpublished, so none can still hold it.
   All sequence accesses are sequentially consistent, which makes a thread
   that attaches concurrently with a poll either visible to the poll or
   unable to have read the old pointer.

   Each thread keeps its own pending list (touched only by it); lists of
   exited threads become the interpreter's orphans, under orphans_mutex. */
#include "Python.h"
#include "pycore_pystate.h"

#ifdef Py_GIL_DISABLED

static _PyThreadStateImpl *impl_of(PyThreadState *tstate)
{
    return _PyThreadState_IMPL(tstate);
}

void _Py_qsbr_quiescent_state(PyThreadState *tstate)
{
    uint64_t seq = __atomic_load_n(&tstate->interp->qsbr.wr_seq, __ATOMIC_SEQ_CST);
    __atomic_store_n(&impl_of(tstate)->qsbr.seq, seq, __ATOMIC_SEQ_CST);
}

/* The first OS thread to attach is recorded; any other one switches the
   interpreter to multi-threaded before it can read a single object.  The
   exchange pairs with the read-modify-write in free_delayed: whichever
   comes second in the flag's modification order sees the other, so
   either free_delayed sees the flag and delays, or the new thread's
   later reads happen after the free, when the pointer was already
   unpublished. */
static void note_attaching_thread(PyInterpreterState *interp)
{
    struct _qsbr_shared *shared = &interp->qsbr;
    if (__atomic_load_n(&shared->multi_threaded, __ATOMIC_RELAXED)) {
        return;
    }
    uintptr_t me = _Py_ThreadId();
    uintptr_t first = 0;
    if (__atomic_compare_exchange_n(&shared->first_thread, &first, me, 0,
                                    __ATOMIC_RELAXED, __ATOMIC_RELAXED)
            || first == me) {
        return;
    }
    (void)__atomic_exchange_n(&shared->multi_threaded, 1, __ATOMIC_ACQ_REL);
}

void _Py_qsbr_attach(PyThreadState *tstate)
{
    note_attaching_thread(tstate->interp);
    _Py_qsbr_quiescent_state(tstate);
}

int _Py_qsbr_is_multi_threaded(PyInterpreterState *interp)
{
    return __atomic_load_n(&interp->qsbr.multi_threaded, __ATOMIC_RELAXED);
}

void _Py_qsbr_detach(PyThreadState *tstate)
{
    __atomic_store_n(&impl_of(tstate)->qsbr.seq, _Py_QSBR_OFFLINE, __ATOMIC_SEQ_CST);
}

/* The smallest sequence published by an attached thread (wr_seq if none
   is attached).  Threads lagging behind `goal` are asked to pass a
   quiescent point soon. */
static uint64_t poll_read_sequence(PyInterpreterState *interp, uint64_t goal)
{
    uint64_t min_seq = __atomic_load_n(&interp->qsbr.wr_seq, __ATOMIC_SEQ_CST);
    PyMutex_Lock(&interp->threads_mutex);
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        uint64_t seq = __atomic_load_n(&impl_of(t)->qsbr.seq, __ATOMIC_SEQ_CST);
        if (seq == _Py_QSBR_OFFLINE) {
            continue;
        }
        if (seq < min_seq) {
            min_seq = seq;
        }
        if (seq < goal) {
            _PyThreadState_SetEvalBreakerBit(t, _PY_EVAL_QSBR_REQUEST_BIT);
        }
    }
    PyMutex_Unlock(&interp->threads_mutex);
    __atomic_store_n(&interp->qsbr.rd_seq, min_seq, __ATOMIC_SEQ_CST);
    return min_seq;
}

static int list_push(_Py_qsbr_list *list, _Py_qsbr_item item)
{
    if (list->size == list->capacity) {
        Py_ssize_t capacity = list->capacity ? list->capacity * 2 : 16;
        _Py_qsbr_item *grown = PyMem_RawRealloc(list->items,
                                                capacity * sizeof(_Py_qsbr_item));
        if (grown == NULL) {
            return -1;
        }
        list->items = grown;
        list->capacity = capacity;
    }
    list->items[list->size++] = item;
    return 0;
}

/* A thread's own list is in goal order (it appends goals taken from the
   increasing write sequence), so the items `read_seq` reached are a
   prefix: free them and slide the rest down, touching nothing else. */
static void list_release_prefix(_Py_qsbr_list *list, uint64_t read_seq)
{
    Py_ssize_t ready = 0;
    while (ready < list->size && list->items[ready].goal <= read_seq) {
        list->items[ready].free_fn(list->items[ready].ptr);
        ready++;
    }
    if (ready > 0) {
        list->size -= ready;
        memmove(list->items, list->items + ready,
                (size_t)list->size * sizeof(_Py_qsbr_item));
    }
}

/* The orphans mix several threads' items, in no goal order: free every
   item whose goal `read_seq` reached and keep the rest in order. */
static void list_release(_Py_qsbr_list *list, uint64_t read_seq)
{
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < list->size; i++) {
        _Py_qsbr_item item = list->items[i];
        if (item.goal <= read_seq) {
            item.free_fn(item.ptr);
        }
        else {
            list->items[kept++] = item;
        }
    }
    list->size = kept;
}

static uint64_t highest_goal(_Py_qsbr_list *list)
{
    return list->size ? list->items[list->size - 1].goal : 0;
}

static void process_orphans(PyInterpreterState *interp, uint64_t read_seq)
{
    struct _qsbr_shared *shared = &interp->qsbr;
    PyMutex_Lock(&shared->orphans_mutex);
    list_release(&shared->orphans, read_seq);
    __atomic_store_n(&shared->has_orphans, shared->orphans.size != 0, __ATOMIC_RELAXED);
    PyMutex_Unlock(&shared->orphans_mutex);
}

void _PyMem_ProcessDelayed(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    _Py_qsbr_list *pending = &impl_of(tstate)->qsbr.pending;
    int has_orphans = __atomic_load_n(&interp->qsbr.has_orphans, __ATOMIC_RELAXED);
    if (pending->size == 0 && !has_orphans) {
        return;
    }
    uint64_t read_seq = poll_read_sequence(interp, highest_goal(pending));
    list_release_prefix(pending, read_seq);
    /* Items still waiting for other threads are not rescanned on every
       push: the next attempt comes once the list has doubled (at least a
       batch later), so pushing stays amortised O(1) however long the
       readers take. */
    pending->process_at = pending->size + (pending->size > _Py_QSBR_BATCH
                                           ? pending->size : _Py_QSBR_BATCH);
    if (has_orphans) {
        process_orphans(interp, read_seq);
    }
}

/* Append ptr to `list`, one of this thread's own delay lists (only the
   owning thread touches it), with the next write sequence as its goal:
   a reader that started before this call may still hold ptr, and the
   sequence orders it after them.  Releasing ptr now could hand such a
   reader freed memory, so running out of memory here is fatal. */
static void record_delayed(PyThreadState *tstate, _Py_qsbr_list *list,
                           void *ptr, void (*free_fn)(void *))
{
    uint64_t goal = __atomic_add_fetch(&tstate->interp->qsbr.wr_seq, 1,
                                       __ATOMIC_SEQ_CST);
    _Py_qsbr_item item = { ptr, free_fn, goal };
    if (list_push(list, item) < 0) {
        Py_FatalError("out of memory recording a delayed free or reference");
    }
}

static void free_delayed(void *ptr, void (*free_fn)(void *))
{
    if (ptr == NULL) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        /* Nowhere to record it: only reached outside any thread state
           (late finalization), when no other thread runs Python. */
        free_fn(ptr);
        return;
    }
    struct _qsbr_shared *shared = &tstate->interp->qsbr;
    if (!__atomic_load_n(&shared->multi_threaded, __ATOMIC_RELAXED)
            && !__atomic_fetch_add(&shared->multi_threaded, 0, __ATOMIC_ACQ_REL)) {
        /* Only this thread has ever attached, so no reader can hold ptr;
           the read-modify-write orders the caller's unpublishing store
           before any later attach of another thread
           (note_attaching_thread). */
        free_fn(ptr);
        return;
    }
    _Py_qsbr_list *pending = &impl_of(tstate)->qsbr.pending;
    record_delayed(tstate, pending, ptr, free_fn);
    if (pending->size >= pending->process_at) {
        _PyMem_ProcessDelayed(tstate);
    }
}

/* ---- delayed references ------------------------------------------------

   Kept apart from the delayed frees because a decrement may run a
   destructor, hence any code: the frees are processed inside the calls
   that record them (in the middle of a resize), these only at
   eval-breaker checks.  Items have no free_fn. */

void _PyObject_DecRefDelayed(PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL || tstate->interp->finalizing) {
        /* Finalization: no other thread runs Python code any more.  The
           caller still holds another reference (prepare_drop in
           Objects/listobject.c), so this cannot free op under it. */
        Py_DECREF(op);
        return;
    }
    _Py_qsbr_list *decrefs = &impl_of(tstate)->qsbr.decrefs;
    record_delayed(tstate, decrefs, op, NULL);
    if (decrefs->size % _Py_QSBR_BATCH == 0) {
        /* Come back to the eval-breaker check soon to drain them. */
        _PyThreadState_SetEvalBreakerBit(tstate, _PY_EVAL_QSBR_REQUEST_BIT);
    }
}

/* Move the items of `from` whose goal `read_seq` reached to `to`, keeping
   the others in order.  On a failed allocation the rest stays put. */
static void move_ready(_Py_qsbr_list *from, uint64_t read_seq, _Py_qsbr_list *to)
{
    Py_ssize_t kept = 0;
    for (Py_ssize_t i = 0; i < from->size; i++) {
        _Py_qsbr_item item = from->items[i];
        if (item.goal > read_seq || list_push(to, item) < 0) {
            from->items[kept++] = item;
        }
    }
    from->size = kept;
}

void _PyObject_ProcessDelayedDecrefs(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    struct _qsbr_shared *shared = &interp->qsbr;
    _Py_qsbr_list *own = &impl_of(tstate)->qsbr.decrefs;
    int orphans = __atomic_load_n(&shared->has_orphan_decrefs, __ATOMIC_RELAXED);
    if (own->size == 0 && !orphans) {
        return;
    }
    uint64_t read_seq = poll_read_sequence(interp, highest_goal(own));
    /* Taken out of the lists first: the decrements may run code that
       records more (and the orphans' mutex must not be held then). */
    _Py_qsbr_list ready = { NULL, 0, 0, 0 };
    move_ready(own, read_seq, &ready);
    if (orphans) {
        PyMutex_Lock(&shared->orphans_mutex);
        move_ready(&shared->orphan_decrefs, read_seq, &ready);
        __atomic_store_n(&shared->has_orphan_decrefs,
                         shared->orphan_decrefs.size != 0, __ATOMIC_RELAXED);
        PyMutex_Unlock(&shared->orphans_mutex);
    }
    for (Py_ssize_t i = 0; i < ready.size; i++) {
        Py_DECREF((PyObject *)ready.items[i].ptr);
    }
    PyMem_RawFree(ready.items);
}

/* An exiting thread's lists go to the interpreter's orphans, which the
   other threads process. */
static void orphan_list(struct _qsbr_shared *shared, _Py_qsbr_list *list,
                        _Py_qsbr_list *orphans, int *flag)
{
    if (list->size > 0) {
        PyMutex_Lock(&shared->orphans_mutex);
        for (Py_ssize_t i = 0; i < list->size; i++) {
            if (list_push(orphans, list->items[i]) < 0) {
                Py_FatalError("out of memory keeping delayed frees");
            }
        }
        __atomic_store_n(flag, 1, __ATOMIC_RELAXED);
        PyMutex_Unlock(&shared->orphans_mutex);
    }
    PyMem_RawFree(list->items);
    list->items = NULL;
    list->size = list->capacity = 0;
}

void _Py_qsbr_thread_exit(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    struct _qsbr_shared *shared = &interp->qsbr;
    _Py_qsbr_detach(tstate);
    orphan_list(shared, &impl_of(tstate)->qsbr.pending, &shared->orphans,
                &shared->has_orphans);
    orphan_list(shared, &impl_of(tstate)->qsbr.decrefs,
                &shared->orphan_decrefs, &shared->has_orphan_decrefs);
}

/* Finalization: no other thread runs, so nothing can be read any more. */
void _Py_qsbr_fini(PyInterpreterState *interp)
{
    struct _qsbr_shared *shared = &interp->qsbr;
    list_release(&shared->orphans, UINT64_MAX);
    shared->has_orphans = 0;
    PyMem_RawFree(shared->orphans.items);
    shared->orphans.items = NULL;
    shared->orphans.capacity = 0;
    /* References still delayed here (a daemon thread held the goal back
       at the last processing) are leaked: no thread state is left to run
       a destructor with. */
    PyMem_RawFree(shared->orphan_decrefs.items);
    shared->orphan_decrefs.items = NULL;
    shared->orphan_decrefs.size = shared->orphan_decrefs.capacity = 0;
    shared->has_orphan_decrefs = 0;
}

#else /* default build: readers hold the GIL, so nothing needs delaying */

static void free_delayed(void *ptr, void (*free_fn)(void *))
{
    free_fn(ptr);
}

void _Py_qsbr_quiescent_state(PyThreadState *tstate) { (void)tstate; }
void _Py_qsbr_attach(PyThreadState *tstate) { (void)tstate; }
int _Py_qsbr_is_multi_threaded(PyInterpreterState *interp) { (void)interp; return 0; }
void _Py_qsbr_detach(PyThreadState *tstate) { (void)tstate; }
void _PyMem_ProcessDelayed(PyThreadState *tstate) { (void)tstate; }
void _PyObject_DecRefDelayed(PyObject *op) { Py_DECREF(op); }
void _PyObject_ProcessDelayedDecrefs(PyThreadState *tstate) { (void)tstate; }
void _Py_qsbr_thread_exit(PyThreadState *tstate) { (void)tstate; }
void _Py_qsbr_fini(PyInterpreterState *interp) { (void)interp; }

#endif /* Py_GIL_DISABLED */

void _PyMem_FreeDelayed(void *ptr)
{
    free_delayed(ptr, PyMem_Free);
}

void _PyObject_FreeDelayed(void *ptr)
{
    free_delayed(ptr, PyObject_Free);
}

void _PyMem_FreeDelayedRaw(void *ptr)
{
    free_delayed(ptr, _PyObject_FreeNow);
}
