/* Tests of reference counting: immortality, the count arithmetic of both
   object headers, and (free-threaded build) biased counting across real
   threads: shared-count updates, merging, queueing to the owner, and the
   moment an object dies. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_object.h"
#include "pycore_refcount.h"

#include <pthread.h>

/* A counted object whose death the tests can observe. */
static int deaths;

static void probe_dealloc(PyObject *op)
{
    deaths++;
    PyObject_Free(op);
}

static PyTypeObject probe_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "refcount_probe",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = probe_dealloc,
};

static PyObject *new_probe(void)
{
    PyObject *op = PyObject_Malloc(sizeof(PyObject));
    _PyObject_Init(op, &probe_type);
    return op;
}

static void test_immortal_singletons(void)
{
    PyObject *singletons[] = { Py_None, Py_True, Py_False, Py_Ellipsis,
                               Py_NotImplemented };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(singletons); i++) {
        PyObject *op = singletons[i];
        CHECK(_Py_IsImmortal(op));
        Py_ssize_t before = Py_REFCNT(op);
        for (int k = 0; k < 1000; k++) {
            Py_INCREF(op);
        }
        for (int k = 0; k < 2000; k++) {
            Py_DECREF(op);
        }
        CHECK(Py_REFCNT(op) == before);
        CHECK(PyUnstable_IsImmortal(op));
    }
    CHECK(_Py_IsImmortal((PyObject *)&PyType_Type));
}

static void test_count_arithmetic(void)
{
    deaths = 0;
    PyObject *op = new_probe();
    CHECK(Py_REFCNT(op) == 1);
    CHECK(!_Py_IsImmortal(op));
    CHECK(PyUnstable_Object_IsUniquelyReferenced(op));
    Py_INCREF(op);
    Py_XINCREF(op);
    CHECK(Py_REFCNT(op) == 3);
    CHECK(!PyUnstable_Object_IsUniquelyReferenced(op));
    Py_DECREF(op);
    Py_XDECREF(op);
    CHECK(Py_REFCNT(op) == 1);
    CHECK(deaths == 0);
    Py_DECREF(op);
    CHECK(deaths == 1);
}

static void test_clear_and_setref(void)
{
    deaths = 0;
    PyObject *a = new_probe();
    PyObject *b = new_probe();
    PyObject *slot = Py_NewRef(a);
    CHECK(Py_REFCNT(a) == 2);
    Py_SETREF(slot, b);          /* steals b, drops one of a's */
    CHECK(Py_REFCNT(a) == 1);
    CHECK(slot == b);
    Py_CLEAR(slot);
    CHECK(slot == NULL);
    CHECK(deaths == 1);
    Py_CLEAR(slot);              /* NULL is fine */
    Py_XSETREF(slot, a);
    CHECK(slot == a);
    Py_XSETREF(slot, NULL);
    CHECK(deaths == 2);
}

static void test_exported_functions(void)
{
    deaths = 0;
    PyObject *op = new_probe();
    Py_IncRef(op);
    CHECK(Py_REFCNT(op) == 2);
    Py_DecRef(op);
    Py_DecRef(NULL);
    Py_IncRef(NULL);
    CHECK(_Py_TYPE_Export(op) == &probe_type);
    Py_DecRef(op);
    CHECK(deaths == 1);
}

#ifdef Py_GIL_DISABLED

/* Count updates from threads that do not own the object. */
typedef struct {
    PyObject *op;
    int rounds;
} hammer_args;

static void *hammer(void *raw)
{
    hammer_args *args = raw;
    for (int i = 0; i < args->rounds; i++) {
        Py_INCREF(args->op);
        Py_INCREF(args->op);
        Py_DECREF(args->op);
        Py_DECREF(args->op);
    }
    return NULL;
}

static void test_shared_counts_are_atomic(void)
{
    deaths = 0;
    PyObject *op = new_probe();
    /* Keep the shared count above zero so no thread ever queues. */
    Py_INCREF(op);
    hammer_args args = { op, 200000 };
    pthread_t threads[3];
    for (int i = 0; i < 3; i++) {
        pthread_create(&threads[i], NULL, hammer, &args);
    }
    for (int i = 0; i < 200000; i++) {
        Py_INCREF(op);
        Py_DECREF(op);
    }
    for (int i = 0; i < 3; i++) {
        pthread_join(threads[i], NULL);
    }
    CHECK(op->ob_ref_local == 2);
    CHECK(op->ob_ref_shared == 0);
    CHECK(Py_REFCNT(op) == 2);
    CHECK(_Py_IsOwnedByCurrentThread(op));
    Py_DECREF(op);
    Py_DECREF(op);
    CHECK(deaths == 1);
}

static void *take_one(void *raw)
{
    Py_INCREF((PyObject *)raw);
    return NULL;
}

static void *drop_one(void *raw)
{
    Py_DECREF((PyObject *)raw);
    return NULL;
}

/* A non-owner drops a reference while the shared count is zero: the
   object goes to its owner's queue, and the owner's merge accounts for
   the dropped reference. */
static void test_queue_to_owner(void)
{
    deaths = 0;
    PyObject *op = new_probe();
    Py_INCREF(op);                      /* the reference thread B drops */
    pthread_t thread;
    pthread_create(&thread, NULL, drop_one, op);
    pthread_join(thread, NULL);
    CHECK((op->ob_ref_shared & _Py_REF_SHARED_FLAG_MASK) == _Py_REF_QUEUED);
    CHECK(op->ob_ref_local == 2);
    CHECK(deaths == 0);
    _Py_brc_merge_queued(_Py_ThreadId());
    /* Merged: no owner, one reference left, in the shared field. */
    CHECK(op->ob_tid == 0);
    CHECK((op->ob_ref_shared & _Py_REF_SHARED_FLAG_MASK) == _Py_REF_MERGED);
    CHECK(Py_REFCNT(op) == 1);
    CHECK(deaths == 0);
    Py_DECREF(op);
    CHECK(deaths == 1);
}

/* The owner's last local reference goes while another thread still holds
   one: ownership is given up and the other thread's decrement frees it. */
static void test_owner_releases_first(void)
{
    deaths = 0;
    PyObject *op = new_probe();
    /* Thread B takes a reference (shared +1) ... */
    pthread_t thread;
    pthread_create(&thread, NULL, take_one, op);
    pthread_join(thread, NULL);
    CHECK(op->ob_ref_shared == (1 << _Py_REF_SHARED_SHIFT));
    /* ... the owner drops its only one ... */
    Py_DECREF(op);
    CHECK(deaths == 0);
    CHECK(op->ob_tid == 0);
    CHECK(Py_REFCNT(op) == 1);
    /* ... and the last holder frees it. */
    pthread_create(&thread, NULL, drop_one, op);
    pthread_join(thread, NULL);
    CHECK(deaths == 1);
}

static void test_dead_owner_merges_at_once(void)
{
    deaths = 0;
    PyObject *op = new_probe();
    /* Pretend the owner is a thread that has exited. */
    op->ob_tid = 0x10;
    op->ob_ref_local = 1;
    pthread_t thread;
    pthread_create(&thread, NULL, drop_one, op);
    pthread_join(thread, NULL);
    CHECK(deaths == 1);
}

#endif /* Py_GIL_DISABLED */

void suite_refcount(void)
{
    RUN(test_immortal_singletons);
    RUN(test_count_arithmetic);
    RUN(test_clear_and_setref);
    RUN(test_exported_functions);
#ifdef Py_GIL_DISABLED
    RUN(test_shared_counts_are_atomic);
    RUN(test_queue_to_owner);
    RUN(test_owner_releases_first);
    RUN(test_dead_owner_merges_at_once);
#endif
}
