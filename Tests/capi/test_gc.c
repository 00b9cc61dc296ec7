/* The cycle collector: cycles are found and freed, finalizers run once,
   resurrection is respected, weak reference callbacks fire only when
   they should, and the gc module's knobs behave as CPython documents. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_gc.h"
#include "pycore_pystate.h"

#include <pthread.h>

/* ---- a counting heap type ------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *ref;
    PyObject *ref2;
    PyObject *weakreflist;
} Node;

static int deallocs;        /* Node instances freed */
static int finalizes;       /* Node finalizers run */
/* While resurrect_enabled, the first finalizer to run stores its object
   here (a new reference), resurrecting it. */
static PyObject *resurrect_into;
static int resurrect_enabled;

static int node_traverse(PyObject *self, visitproc visit, void *arg)
{
    Node *node = (Node *)self;
    Py_VISIT(node->ref);
    Py_VISIT(node->ref2);
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static int node_clear(PyObject *self)
{
    Node *node = (Node *)self;
    Py_CLEAR(node->ref);
    Py_CLEAR(node->ref2);
    return 0;
}

static void node_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (type->tp_finalize != NULL) {
        PyObject_GC_Track(self);
        if (PyObject_CallFinalizerFromDealloc(self) < 0) {
            return;
        }
        PyObject_GC_UnTrack(self);
    }
    if (((Node *)self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    node_clear(self);
    __atomic_fetch_add(&deallocs, 1, __ATOMIC_RELAXED);
    type->tp_free(self);
    Py_DECREF(type);
}

static int finalized_intact;    /* finalizers that found their link intact */

static void node_finalize(PyObject *self)
{
    __atomic_fetch_add(&finalizes, 1, __ATOMIC_RELAXED);
    /* PEP 442: no garbage is cleared before every finalizer has run. */
    PyObject *other = ((Node *)self)->ref;
    if (other != NULL && ((Node *)other)->ref == self) {
        finalized_intact++;
    }
    if (resurrect_enabled && resurrect_into == NULL) {
        resurrect_into = Py_NewRef(self);
    }
}

static void node_del(PyObject *Py_UNUSED(self))
{
}

static PyMemberDef node_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(Node, weakreflist), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot plain_slots[] = {
    {Py_tp_dealloc, node_dealloc},
    {Py_tp_traverse, node_traverse},
    {Py_tp_clear, node_clear},
    {Py_tp_members, node_members},
    {0, NULL},
};

static PyType_Slot finalizer_slots[] = {
    {Py_tp_dealloc, node_dealloc},
    {Py_tp_traverse, node_traverse},
    {Py_tp_clear, node_clear},
    {Py_tp_members, node_members},
    {Py_tp_finalize, node_finalize},
    {0, NULL},
};

static PyType_Slot legacy_slots[] = {
    {Py_tp_dealloc, node_dealloc},
    {Py_tp_traverse, node_traverse},
    {Py_tp_clear, node_clear},
    {Py_tp_members, node_members},
    {Py_tp_del, node_del},
    {0, NULL},
};

static PyObject *make_type(const char *name, PyType_Slot *slots)
{
    PyType_Spec spec = {
        name, sizeof(Node), 0,
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, slots,
    };
    return PyType_FromSpec(&spec);
}

static PyObject *new_node(PyObject *type)
{
    PyTypeObject *tp = (PyTypeObject *)type;
    return tp->tp_alloc(tp, 0);
}

/* Two nodes referring to each other; the caller owns both references. */
static void make_pair(PyObject *type, PyObject **a, PyObject **b)
{
    *a = new_node(type);
    *b = new_node(type);
    ((Node *)*a)->ref = Py_NewRef(*b);
    ((Node *)*b)->ref = Py_NewRef(*a);
}

static Py_ssize_t collect(void)
{
    return _PyGC_Collect(PyThreadState_Get(), 2, _Py_GC_REASON_MANUAL);
}

/* ---- tests ------------------------------------------------------------------ */

static void test_list_and_dict_cycles(void)
{
    collect();
    PyObject *list = PyList_New(0);
    CHECK(PyList_Append(list, list) == 0);
    Py_DECREF(list);
    CHECK(collect() == 1);

    PyObject *dict = PyDict_New();
    CHECK(PyDict_SetItemString(dict, "self", dict) == 0);
    Py_DECREF(dict);
    CHECK(collect() == 1);

    /* [l1] -> l2 -> {d} -> l1, three objects. */
    PyObject *l1 = PyList_New(0), *l2 = PyList_New(0), *d = PyDict_New();
    CHECK(PyList_Append(l1, l2) == 0);
    CHECK(PyList_Append(l2, d) == 0);
    CHECK(PyDict_SetItemString(d, "back", l1) == 0);
    Py_DECREF(l1);
    Py_DECREF(l2);
    Py_DECREF(d);
    CHECK(collect() == 3);
    CHECK(collect() == 0);
}

static void test_heap_type_cycle(void)
{
    PyObject *type = make_type("gctest.Plain", plain_slots);
    CHECK(type != NULL);
    collect();
    Py_ssize_t stats[_PyGC_NUM_GENERATIONS][3];
    _PyGC_GetStats(stats);
    Py_ssize_t collections = stats[2][0], collected = stats[2][1];
    PyObject *a, *b;
    make_pair(type, &a, &b);
    int before = deallocs;
    Py_DECREF(a);
    Py_DECREF(b);
    CHECK(deallocs == before);
    CHECK(collect() == 2);
    CHECK(deallocs == before + 2);
    _PyGC_GetStats(stats);
    CHECK(stats[2][0] == collections + 1);
    CHECK(stats[2][1] == collected + 2);
    Py_DECREF(type);
}

static void test_type_call_instances(void)
{
    collect();
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O){}",
                                          "Cyclic", (PyObject *)&PyBaseObject_Type);
    CHECK(cls != NULL);
    if (cls == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *a = PyObject_CallNoArgs(cls);
    PyObject *b = PyObject_CallNoArgs(cls);
    CHECK(a != NULL && b != NULL);
    CHECK(PyObject_SetAttrString(a, "other", b) == 0);
    CHECK(PyObject_SetAttrString(b, "other", a) == 0);
    PyObject *wa = PyWeakref_NewRef(a, NULL);
    CHECK(wa != NULL);
    Py_DECREF(a);
    Py_DECREF(b);
    PyObject *alive = NULL;
    CHECK(PyWeakref_GetRef(wa, &alive) == 1);
    Py_XDECREF(alive);
    CHECK(collect() >= 2);
    CHECK(PyWeakref_GetRef(wa, &alive) == 0 && alive == NULL);
    Py_DECREF(wa);
    Py_DECREF(cls);
    collect();
}

static void test_finalizer_runs_once(void)
{
    PyObject *type = make_type("gctest.Finalized", finalizer_slots);
    collect();
    PyObject *a, *b;
    make_pair(type, &a, &b);
    int fin = finalizes, dead = deallocs, intact = finalized_intact;
    Py_DECREF(a);
    Py_DECREF(b);
    CHECK(collect() == 2);
    CHECK(finalizes == fin + 2);
    CHECK(finalized_intact == intact + 2);
    CHECK(deallocs == dead + 2);
    CHECK(collect() == 0);
    CHECK(finalizes == fin + 2);
    Py_DECREF(type);
}

static void test_resurrection(void)
{
    PyObject *type = make_type("gctest.Phoenix", finalizer_slots);
    collect();
    PyObject *a, *b;
    make_pair(type, &a, &b);
    int fin = finalizes, dead = deallocs;
    resurrect_enabled = 1;
    Py_DECREF(a);
    Py_DECREF(b);
    /* Found, finalized, resurrected: not counted (CPython's count). */
    CHECK(collect() == 0);
    resurrect_enabled = 0;
    CHECK(finalizes == fin + 2);
    /* Both live on: one is referenced from the global, the other from it. */
    CHECK(deallocs == dead);
    CHECK(resurrect_into != NULL);
    if (resurrect_into == NULL) {
        return;
    }
    Node *saved = (Node *)resurrect_into;
    CHECK(saved->ref != NULL && ((Node *)saved->ref)->ref == (PyObject *)saved);
    CHECK(PyObject_GC_IsTracked(resurrect_into));
    CHECK(PyObject_GC_IsFinalized(resurrect_into));
    CHECK(collect() == 0);
    /* Dropped again: collected without a second finalizer call. */
    Py_CLEAR(resurrect_into);
    CHECK(collect() == 2);
    CHECK(finalizes == fin + 2);
    CHECK(deallocs == dead + 2);
    Py_DECREF(type);
}

static int callback_calls;
static PyObject *callback_last_arg;

static PyObject *weakref_callback(PyObject *Py_UNUSED(self), PyObject *ref)
{
    __atomic_fetch_add(&callback_calls, 1, __ATOMIC_RELAXED);
    callback_last_arg = ref;
    return Py_NewRef(Py_None);
}

static PyMethodDef callback_def = {"cb", weakref_callback, METH_O, NULL};

static void test_weakref_callbacks(void)
{
    PyObject *type = make_type("gctest.Weak", plain_slots);
    PyObject *callback = PyCFunction_New(&callback_def, NULL);
    CHECK(callback != NULL);
    collect();

    /* A live weak reference to garbage: cleared, callback called. */
    PyObject *a, *b;
    make_pair(type, &a, &b);
    PyObject *ref = PyWeakref_NewRef(a, callback);
    CHECK(ref != NULL);
    Py_DECREF(a);
    Py_DECREF(b);
    callback_calls = 0;
    CHECK(collect() == 2);
    CHECK(callback_calls == 1);
    CHECK(callback_last_arg == ref);
    PyObject *target = NULL;
    CHECK(PyWeakref_GetRef(ref, &target) == 0 && target == NULL);
    Py_DECREF(ref);

    /* A weak reference that is itself garbage: no callback. */
    make_pair(type, &a, &b);
    ref = PyWeakref_NewRef(b, callback);
    ((Node *)a)->ref2 = ref;    /* a owns the reference */
    Py_DECREF(a);
    Py_DECREF(b);
    callback_calls = 0;
    CHECK(collect() == 3);
    CHECK(callback_calls == 0);

    Py_DECREF(callback);
    Py_DECREF(type);
}

static void test_reachable_untouched(void)
{
    PyObject *type = make_type("gctest.Keep", plain_slots);
    collect();
    /* The garbage pair refers to a node kept alive from here. */
    PyObject *kept = new_node(type);
    PyObject *list = PyList_New(0);
    CHECK(PyList_Append(list, kept) == 0);
    Py_ssize_t kept_refs = Py_REFCNT(kept);
    PyObject *a, *b;
    make_pair(type, &a, &b);
    ((Node *)a)->ref2 = Py_NewRef(kept);
    Py_DECREF(a);
    Py_DECREF(b);
    int dead = deallocs;
    CHECK(collect() == 2);
    CHECK(deallocs == dead + 2);
    CHECK(Py_REFCNT(kept) == kept_refs);
    CHECK(PyList_GET_SIZE(list) == 1 && PyList_GET_ITEM(list, 0) == kept);
    CHECK(PyObject_GC_IsTracked(list));
    /* An object that is garbage but not in a cycle is not the
       collector's business: it dies by reference counting. */
    Py_DECREF(list);
    Py_DECREF(kept);
    CHECK(deallocs == dead + 3);
    CHECK(collect() == 0);
    Py_DECREF(type);
}

static void test_disabled_means_no_automatic_collection(void)
{
    PyObject *type = make_type("gctest.Auto", plain_slots);
    PyThreadState *tstate = PyThreadState_Get();
    int saved[_PyGC_NUM_GENERATIONS];
    _PyGC_GetThreshold(saved);
    collect();
    /* threshold[1] == 0: due at threshold[0] whatever survived before. */
    int thresholds_now[2] = { 50, 0 };
    int threshold = thresholds_now[0];
    _PyGC_SetThreshold(thresholds_now, 2);

    CHECK(PyGC_Disable() == 1);
    CHECK(!PyGC_IsEnabled());
    __atomic_fetch_and(&tstate->eval_breaker, ~(uintptr_t)_PY_GC_SCHEDULED_BIT,
                       __ATOMIC_RELAXED);
    PyObject *a, *b;
    make_pair(type, &a, &b);
    Py_DECREF(a);
    Py_DECREF(b);
    int dead = deallocs;
    /* Kept alive, so the allocation count passes the threshold. */
    PyObject *keep = PyList_New(0);
    for (int i = 0; i < 300; i++) {
        PyObject *item = PyList_New(0);
        CHECK(PyList_Append(keep, item) == 0);
        Py_DECREF(item);
    }
    Py_ssize_t counts[_PyGC_NUM_GENERATIONS];
    _PyGC_GetCount(counts);
    CHECK(counts[0] > threshold);
    CHECK(!(tstate->eval_breaker & _PY_GC_SCHEDULED_BIT));
    _Py_RunGC(tstate);
    CHECK(deallocs == dead);
    CHECK(PyGC_Collect() == 0);     /* disabled: PyGC_Collect does nothing */
    CHECK(deallocs == dead);

    CHECK(PyGC_Enable() == 0);
    for (int i = 0; i < 100; i++) {
        PyObject *item = PyList_New(0);
        CHECK(PyList_Append(keep, item) == 0);
        Py_DECREF(item);
    }
    CHECK(tstate->eval_breaker & _PY_GC_SCHEDULED_BIT);
    CHECK(_Py_HandlePending(tstate) == 0);
    CHECK(!(tstate->eval_breaker & _PY_GC_SCHEDULED_BIT));
    CHECK(deallocs == dead + 2);
    Py_DECREF(keep);
    _PyGC_SetThreshold(saved, _PyGC_NUM_GENERATIONS);
    Py_DECREF(type);
}

static void test_tracking_queries(void)
{
    PyObject *list = PyList_New(0);
    PyObject *num = PyLong_FromLong(12345);
    CHECK(PyObject_GC_IsTracked(list));
    CHECK(!PyObject_GC_IsTracked(num));
    CHECK(!PyObject_GC_IsFinalized(list));
    PyObject_GC_UnTrack(list);
    CHECK(!PyObject_GC_IsTracked(list));
    PyObject_GC_UnTrack(list);      /* untracking twice is allowed */
    PyObject_GC_Track(list);
    CHECK(PyObject_GC_IsTracked(list));
    Py_DECREF(list);
    Py_DECREF(num);
}

static void test_freeze(void)
{
    PyObject *type = make_type("gctest.Frozen", plain_slots);
    collect();
    Py_ssize_t before = _PyGC_GetFreezeCount();
    PyObject *a, *b;
    make_pair(type, &a, &b);
    _PyGC_Freeze(PyThreadState_Get());
    CHECK(_PyGC_GetFreezeCount() >= before + 2);
    Py_DECREF(a);
    Py_DECREF(b);
    int dead = deallocs;
    CHECK(collect() == 0);
    CHECK(deallocs == dead);
    _PyGC_Unfreeze(PyThreadState_Get());
    CHECK(_PyGC_GetFreezeCount() == 0);
    CHECK(collect() == 2);
    CHECK(deallocs == dead + 2);
    Py_DECREF(type);
}

static void test_saveall_and_legacy_garbage(void)
{
    PyObject *garbage = _PyGC_GetGarbage();
    CHECK(garbage != NULL && PyList_GET_SIZE(garbage) == 0);
    collect();

    _PyGC_SetDebug(_PyGC_DEBUG_SAVEALL);
    PyObject *list = PyList_New(0);
    CHECK(PyList_Append(list, list) == 0);
    Py_DECREF(list);
    CHECK(collect() == 1);
    _PyGC_SetDebug(0);
    CHECK(PyList_GET_SIZE(garbage) == 1 && PyList_GET_ITEM(garbage, 0) == list);
    CHECK(PyList_SetSlice(garbage, 0, PyList_GET_SIZE(garbage), NULL) == 0);
    CHECK(collect() == 1);

    /* Objects with a legacy tp_del cannot be collected: gc.garbage. */
    PyObject *type = make_type("gctest.Legacy", legacy_slots);
    PyObject *a, *b;
    make_pair(type, &a, &b);
    Py_DECREF(a);
    Py_DECREF(b);
    int dead = deallocs;
    CHECK(collect() == 2);
    CHECK(deallocs == dead);
    CHECK(PyList_GET_SIZE(garbage) == 2);
    CHECK(PySequence_Contains(garbage, a) == 1);
    Py_CLEAR(((Node *)a)->ref);     /* break the cycle by hand */
    CHECK(PyList_SetSlice(garbage, 0, PyList_GET_SIZE(garbage), NULL) == 0);
    CHECK(deallocs == dead + 2);
    Py_DECREF(type);
}

static void test_introspection(void)
{
    PyObject *item = PyList_New(0);
    PyObject *holder = PyList_New(0);
    CHECK(PyList_Append(holder, item) == 0);

    PyObject *args = PyTuple_Pack(1, holder);
    PyObject *referents = _PyGC_GetReferents(PyThreadState_Get(), args);
    CHECK(referents != NULL && PySequence_Contains(referents, item) == 1);
    Py_XDECREF(referents);
    Py_DECREF(args);

    args = PyTuple_Pack(1, item);
    PyObject *referrers = _PyGC_GetReferrers(PyThreadState_Get(), args);
    CHECK(referrers != NULL && PySequence_Contains(referrers, holder) == 1);
    CHECK(referrers != NULL && PySequence_Contains(referrers, args) == 0);
    Py_XDECREF(referrers);
    Py_DECREF(args);

    PyObject *all = _PyGC_GetObjects(PyThreadState_Get(), -1);
    CHECK(all != NULL && PySequence_Contains(all, holder) == 1);
    Py_XDECREF(all);
    /* New objects are in the youngest generation until collected. */
    PyObject *young = _PyGC_GetObjects(PyThreadState_Get(), 0);
    CHECK(young != NULL && PySequence_Contains(young, holder) == 1);
    Py_XDECREF(young);
#ifndef Py_GIL_DISABLED
    collect();
    young = _PyGC_GetObjects(PyThreadState_Get(), 0);
    PyObject *old = _PyGC_GetObjects(PyThreadState_Get(), 2);
    CHECK(young != NULL && PySequence_Contains(young, holder) == 0);
    CHECK(old != NULL && PySequence_Contains(old, holder) == 1);
    Py_XDECREF(young);
    Py_XDECREF(old);
#endif
    CHECK(_PyGC_GetObjects(PyThreadState_Get(), 3) == NULL);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(_PyGC_GetObjects(PyThreadState_Get(), -2) == NULL);
    CHECK_RAISES(PyExc_ValueError);

    Py_DECREF(holder);
    Py_DECREF(item);
}

static int visit_find(PyObject *op, void *arg)
{
    PyObject **target = (PyObject **)arg;
    if (op == *target) {
        *target = NULL;
        return 0;
    }
    return 1;
}

static void test_visit_objects(void)
{
    PyObject *list = PyList_New(0);
    PyObject *target = list;
    PyUnstable_GC_VisitObjects(visit_find, &target);
    CHECK(target == NULL);
    Py_DECREF(list);
}

static int gc_callback_calls;
static PyObject *gc_callback(PyObject *Py_UNUSED(self), PyObject *args)
{
    const char *phase;
    PyObject *info;
    if (!PyArg_ParseTuple(args, "sO", &phase, &info)) {
        return NULL;
    }
    if (strcmp(phase, "start") == 0 || strcmp(phase, "stop") == 0) {
        if (PyDict_GetItemString(info, "generation") != NULL) {
            gc_callback_calls++;
        }
    }
    return Py_NewRef(Py_None);
}

static PyMethodDef gc_callback_def = {"gc_cb", gc_callback, METH_VARARGS, NULL};

static void test_callbacks_and_counts(void)
{
    PyObject *callbacks = _PyGC_GetCallbacks();
    PyObject *callback = PyCFunction_New(&gc_callback_def, NULL);
    CHECK(PyList_Append(callbacks, callback) == 0);
    gc_callback_calls = 0;
    collect();
    CHECK(gc_callback_calls == 2);
    CHECK(PyList_SetSlice(callbacks, 0, PyList_GET_SIZE(callbacks), NULL) == 0);
    Py_DECREF(callback);

    int saved[_PyGC_NUM_GENERATIONS], values[_PyGC_NUM_GENERATIONS] = { 700, 11, 12 };
    int now[_PyGC_NUM_GENERATIONS];
    _PyGC_GetThreshold(saved);
    _PyGC_SetThreshold(values, 3);
    _PyGC_GetThreshold(now);
    CHECK(now[0] == 700 && now[1] == 11 && now[2] == 12);
    _PyGC_SetThreshold(saved, 3);

    Py_ssize_t counts[_PyGC_NUM_GENERATIONS];
    collect();
    _PyGC_GetCount(counts);
    Py_ssize_t base = counts[0];
    PyObject *lists[200];
    /* Sets: an object taken from a free list (lists, tuples) is not
       counted as an allocation. */
    for (int i = 0; i < 200; i++) {
        lists[i] = PySet_New(NULL);
    }
    _PyGC_GetCount(counts);
    CHECK(counts[0] >= base + 200 - 64);
    for (int i = 0; i < 200; i++) {
        Py_DECREF(lists[i]);
    }
}

/* ---- threads: cycles built across threads, collected while others run */

#define GC_THREADS 4
#define GC_ROUNDS 300

typedef struct {
    PyObject *type;
    PyObject *shared;       /* list every thread appends to */
    PyObject *callback;
    int index;
} gc_worker;

/* Each round makes a pair with a finalizer and a weak reference with a
   callback to one of them.  Even rounds keep the pair alive through the
   shared list (other threads then hold references to it); odd rounds drop
   it at once, so collections run by thread 0 find garbage owned by
   threads that are still running. */
static void *gc_worker_main(void *raw)
{
    gc_worker *w = raw;
    PyGILState_STATE state = PyGILState_Ensure();
    PyThreadState *tstate = PyThreadState_Get();
    for (int i = 0; i < GC_ROUNDS; i++) {
        PyObject *a, *b;
        make_pair(w->type, &a, &b);
        PyObject *ref = PyWeakref_NewRef(b, w->callback);
        PyList_Append(w->shared, ref);
        Py_DECREF(ref);
        if (i % 2 == 0) {
            PyList_Append(w->shared, a);
        }
        Py_DECREF(a);
        Py_DECREF(b);
        if (w->index == 0 && i % 50 == 0) {
            collect();
        }
        if (__atomic_load_n(&tstate->eval_breaker, __ATOMIC_RELAXED) != 0) {
            _Py_HandlePending(tstate);
        }
    }
    PyGILState_Release(state);
    return NULL;
}

static void test_threads_make_cycles(void)
{
    PyObject *type = make_type("gctest.Threaded", finalizer_slots);
    PyObject *callback = PyCFunction_New(&callback_def, NULL);
    PyObject *shared = PyList_New(0);
    collect();
    int dead = __atomic_load_n(&deallocs, __ATOMIC_RELAXED);
    int fin = __atomic_load_n(&finalizes, __ATOMIC_RELAXED);
    __atomic_store_n(&callback_calls, 0, __ATOMIC_RELAXED);
    gc_worker workers[GC_THREADS];
    pthread_t threads[GC_THREADS];
    for (int i = 0; i < GC_THREADS; i++) {
        workers[i] = (gc_worker){ type, shared, callback, i };
        pthread_create(&threads[i], NULL, gc_worker_main, &workers[i]);
    }
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < GC_THREADS; i++) {
        pthread_join(threads[i], NULL);
    }
    Py_END_ALLOW_THREADS
    int pairs = GC_THREADS * GC_ROUNDS;
    CHECK(PyList_GET_SIZE(shared) == pairs + pairs / 2);
    /* Garbage made by threads that have exited is found too. */
    collect();
    CHECK(__atomic_load_n(&deallocs, __ATOMIC_RELAXED) == dead + pairs);
    CHECK(__atomic_load_n(&callback_calls, __ATOMIC_RELAXED) == pairs / 2);
    Py_DECREF(shared);
    collect();
    CHECK(__atomic_load_n(&deallocs, __ATOMIC_RELAXED) == dead + 2 * pairs);
    CHECK(__atomic_load_n(&finalizes, __ATOMIC_RELAXED) == fin + 2 * pairs);
    Py_DECREF(callback);
    Py_DECREF(type);
}

void suite_gc(void)
{
    RUN(test_list_and_dict_cycles);
    RUN(test_heap_type_cycle);
    RUN(test_type_call_instances);
    RUN(test_finalizer_runs_once);
    RUN(test_resurrection);
    RUN(test_weakref_callbacks);
    RUN(test_reachable_untouched);
    RUN(test_disabled_means_no_automatic_collection);
    RUN(test_tracking_queries);
    RUN(test_freeze);
    RUN(test_saveall_and_legacy_garbage);
    RUN(test_introspection);
    RUN(test_visit_objects);
    RUN(test_callbacks_and_counts);
    RUN(test_threads_make_cycles);
}
