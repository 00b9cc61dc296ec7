/* The _queue module: SimpleQueue, an unbounded FIFO queue whose put()
   never blocks, and the Empty exception that queue.py re-exports.

   A queue keeps its items in one circular buffer: `items[head]` is the
   oldest item and the others follow modulo `allocated`.

   Thread safety (free-threaded build): the buffer, `len`, `head` and
   `waiting` are read and written only inside the queue's critical
   section.  In the default build the GIL serialises the same code.
   put() runs no Python code and never waits, so it may be called from a
   __del__ method or a signal handler, even one that interrupted a get()
   on the same queue (re-entering the critical section already on top of
   the thread's stack takes no lock).

   Waiting: a consumer that finds the queue empty records the current
   `put_count`, counts itself in `waiting`, leaves the critical section,
   detaches its thread state and parks on &put_count expecting the value
   it saw.  put() bumps `put_count` (atomically, inside the critical
   section) and, when someone is waiting, unparks one waiter.  The park
   compares the word under the parking-lot bucket lock, so a put between
   the consumer's check and its sleep makes the park return at once: no
   wake-up is lost.  A waiter that was woken but leaves without an item
   (timeout, signal) passes the wake-up on to another waiter. */
#include "Python.h"
#include "pythread.h"
#include "pycore_lock.h"

#include <math.h>

static PyObject *EmptyError;    /* _queue.Empty, set once by the module exec */

typedef struct {
    PyObject_HEAD
    PyObject **items;       /* circular buffer of owned references */
    Py_ssize_t allocated;   /* capacity of items; 0 when items is NULL */
    Py_ssize_t head;        /* index of the oldest item */
    Py_ssize_t len;
    Py_ssize_t waiting;     /* consumers parked or about to park */
    uint32_t put_count;     /* parking word: bumped by every put */
    PyObject *weakreflist;
} simplequeueobject;

static PyTypeObject SimpleQueue_Type;

/* ---- the buffer (caller holds the critical section) ----------------- */

/* Make room for one more item, keeping the order. */
static int
buffer_grow(simplequeueobject *q)
{
    if (q->len < q->allocated) {
        return 0;
    }
    Py_ssize_t newsize = q->allocated < 8 ? 8 : q->allocated * 2;
    if (newsize > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **fresh = PyMem_Malloc(newsize * sizeof(PyObject *));
    if (fresh == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < q->len; i++) {
        fresh[i] = q->items[(q->head + i) % q->allocated];
    }
    PyMem_Free(q->items);
    q->items = fresh;
    q->allocated = newsize;
    q->head = 0;
    return 0;
}

/* Appends a new reference to item.  Runs no Python code. */
static int
buffer_push(simplequeueobject *q, PyObject *item)
{
    if (buffer_grow(q) < 0) {
        return -1;
    }
    q->items[(q->head + q->len) % q->allocated] = Py_NewRef(item);
    q->len++;
    return 0;
}

/* Removes the oldest item and hands its reference to the caller; the
   queue must not be empty. */
static PyObject *
buffer_pop(simplequeueobject *q)
{
    PyObject *item = q->items[q->head];
    q->items[q->head] = NULL;
    q->head = (q->head + 1) % q->allocated;
    q->len--;
    if (q->len == 0) {
        q->head = 0;
    }
    return item;
}

/* ---- waking and waiting --------------------------------------------- */

/* The parking word was already bumped by the put: nothing to update
   under the bucket lock. */
static void
unpark_nothing(void *arg, void *park_arg, int has_more_waiters)
{
    (void)arg;
    (void)park_arg;
    (void)has_more_waiters;
}

static void
wake_one_waiter(simplequeueobject *q)
{
    if (q->waiting > 0) {
        _PyParkingLot_Unpark(&q->put_count, unpark_nothing, NULL);
    }
}

/* Converts get()'s (block, timeout) to nanoseconds: 0 only tries, -1
   waits for ever.  -1 with an exception on a bad timeout. */
static int
parse_get_timeout(int block, PyObject *timeout_obj, int64_t *out)
{
    if (!block) {
        *out = 0;
        return 0;
    }
    if (timeout_obj == Py_None) {
        *out = -1;
        return 0;
    }
    double timeout = PyFloat_AsDouble(timeout_obj);
    if (timeout == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (timeout < 0 || isnan(timeout)) {
        PyErr_SetString(PyExc_ValueError,
                        "'timeout' must be a non-negative number");
        return -1;
    }
    if (timeout > (double)PY_TIMEOUT_MAX / 1e6) {
        PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
        return -1;
    }
    *out = (int64_t)(timeout * 1e9);
    return 0;
}

/* One attempt at taking an item inside the critical section.  `counted`:
   the caller is still counted in `waiting` from its previous park and
   leaves the count first.  When the queue is empty and the caller will
   wait, counts it in `waiting` and stores the parking word in *seen. */
static PyObject *
try_take(simplequeueobject *q, int counted, int will_wait, uint32_t *seen)
{
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(q);
    if (counted) {
        q->waiting--;
    }
    if (q->len > 0) {
        item = buffer_pop(q);
    }
    else if (will_wait) {
        *seen = __atomic_load_n(&q->put_count, __ATOMIC_SEQ_CST);
        q->waiting++;
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

/* A waiter leaves the waiting count; `pass_on` (it was woken but takes
   no item) hands its wake-up to another waiter if an item is there. */
static void
stop_waiting(simplequeueobject *q, int pass_on)
{
    Py_BEGIN_CRITICAL_SECTION(q);
    q->waiting--;
    if (pass_on && q->len > 0) {
        wake_one_waiter(q);
    }
    Py_END_CRITICAL_SECTION();
}

/* Parks detached until a put, the deadline (0: none) or a signal. */
static _PyParkResult
park_for_put(simplequeueobject *q, uint32_t seen, int64_t deadline)
{
    int64_t remaining = -1;
    if (deadline != 0) {
        remaining = deadline - _PyTime_MonotonicNanoseconds();
        if (remaining <= 0) {
            return Py_PARK_TIMEOUT;
        }
    }
    _PyParkResult rc;
    Py_BEGIN_ALLOW_THREADS
    rc = _PyParkingLot_ParkEx(&q->put_count, &seen, sizeof(seen), remaining,
                              NULL, 1);
    Py_END_ALLOW_THREADS
    return rc;
}

/* Takes the oldest item, waiting up to timeout_ns for one.  Returns a new
   reference, or NULL with Empty (time ran out) or the exception a signal
   handler raised (sig: the main thread's wait is interruptible). */
static PyObject *
queue_take(simplequeueobject *q, int64_t timeout_ns)
{
    int64_t deadline = timeout_ns > 0
        ? _PyTime_MonotonicNanoseconds() + timeout_ns : 0;
    int counted = 0;
    for (;;) {
        uint32_t seen = 0;
        PyObject *item = try_take(q, counted, timeout_ns != 0, &seen);
        if (item != NULL) {
            return item;
        }
        if (timeout_ns == 0) {
            PyErr_SetNone(EmptyError);
            return NULL;
        }
        counted = 1;
        _PyParkResult rc = park_for_put(q, seen, deadline);
        if (rc == Py_PARK_TIMEOUT) {
            stop_waiting(q, 0);
            PyErr_SetNone(EmptyError);
            return NULL;
        }
        if (rc == Py_PARK_INTR && PyErr_CheckSignals() < 0) {
            stop_waiting(q, 1);
            return NULL;
        }
    }
}

/* ---- methods -------------------------------------------------------- */

static PyObject *
simplequeue_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* Subclasses may take arguments in their own __init__. */
    if (type == &SimpleQueue_Type) {
        if (args != NULL && PyTuple_GET_SIZE(args) != 0) {
            PyErr_SetString(PyExc_TypeError,
                            "SimpleQueue() takes no positional arguments");
            return NULL;
        }
        if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
            PyErr_SetString(PyExc_TypeError,
                            "SimpleQueue() takes no keyword arguments");
            return NULL;
        }
    }
    simplequeueobject *q = (simplequeueobject *)type->tp_alloc(type, 0);
    if (q == NULL) {
        return NULL;
    }
    q->items = NULL;
    q->allocated = q->head = q->len = q->waiting = 0;
    q->put_count = 0;
    q->weakreflist = NULL;
    return (PyObject *)q;
}

/* Drops every item; the caller owns the only reference to q or holds its
   critical section.  The references are released after the buffer is
   detached, so a __del__ that touches the queue sees it empty. */
static void
simplequeue_drop_items(simplequeueobject *q)
{
    PyObject **items = q->items;
    Py_ssize_t head = q->head, len = q->len, allocated = q->allocated;
    q->items = NULL;
    q->allocated = q->head = q->len = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_DECREF(items[(head + i) % allocated]);
    }
    PyMem_Free(items);
}

static int
simplequeue_clear(PyObject *self)
{
    simplequeueobject *q = (simplequeueobject *)self;
    PyObject **items;
    Py_ssize_t head, len, allocated;
    Py_BEGIN_CRITICAL_SECTION(q);
    items = q->items;
    head = q->head;
    len = q->len;
    allocated = q->allocated;
    q->items = NULL;
    q->allocated = q->head = q->len = 0;
    Py_END_CRITICAL_SECTION();
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_DECREF(items[(head + i) % allocated]);
    }
    PyMem_Free(items);
    return 0;
}

static int
simplequeue_traverse(PyObject *self, visitproc visit, void *arg)
{
    /* The collector runs with the world stopped (free-threaded) or under
       the GIL, so the buffer cannot change underneath. */
    simplequeueobject *q = (simplequeueobject *)self;
    for (Py_ssize_t i = 0; i < q->len; i++) {
        Py_VISIT(q->items[(q->head + i) % q->allocated]);
    }
    return 0;
}

static void
simplequeue_dealloc(PyObject *self)
{
    simplequeueobject *q = (simplequeueobject *)self;
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (q->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    simplequeue_drop_items(q);
    /* A static type: a Python subclass's reference to itself is dropped
       by subtype_dealloc, not here. */
    type->tp_free(self);
}

static PyObject *
queue_put_item(simplequeueobject *q, PyObject *item)
{
    int rc;
    Py_BEGIN_CRITICAL_SECTION(q);
    rc = buffer_push(q, item);
    if (rc == 0) {
        __atomic_add_fetch(&q->put_count, 1, __ATOMIC_SEQ_CST);
        wake_one_waiter(q);
    }
    Py_END_CRITICAL_SECTION();
    return rc < 0 ? NULL : Py_NewRef(Py_None);
}

/* Matches vectorcall arguments to the parameter names (all optional
   here; the caller checks required ones are non-NULL) without allocating
   anything: an allocation could run the collector, whose finalizers may
   put() into this queue before the item being put (bpo-14976). */
static int
parse_put_args(const char *func, const char *const *names, Py_ssize_t max,
               PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
               PyObject **out)
{
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    if (nargs > max) {
        PyErr_Format(PyExc_TypeError,
                     "%s() takes at most %zd argument%s (%zd given)",
                     func, max, max == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        Py_ssize_t i = 0;
        while (i < max && !PyUnicode_EqualToUTF8(key, names[i])) {
            i++;
        }
        if (i == max) {
            PyErr_Format(PyExc_TypeError,
                         "%s() got an unexpected keyword argument '%U'",
                         func, key);
            return -1;
        }
        if (out[i] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and "
                         "position (%zd)", func, names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

static PyObject *
simplequeue_put(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                PyObject *kwnames)
{
    static const char *const names[] = {"item", "block", "timeout"};
    /* block and timeout exist for compatibility with Queue.put: an
       unbounded queue never blocks. */
    PyObject *params[3] = {NULL, NULL, NULL};
    if (parse_put_args("put", names, 3, args, nargs, kwnames, params) < 0) {
        return NULL;
    }
    if (params[0] == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "put() missing required argument 'item' (pos 1)");
        return NULL;
    }
    return queue_put_item((simplequeueobject *)self, params[0]);
}

static PyObject *
simplequeue_put_nowait(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                       PyObject *kwnames)
{
    static const char *const names[] = {"item"};
    PyObject *params[1] = {NULL};
    if (parse_put_args("put_nowait", names, 1, args, nargs, kwnames,
                       params) < 0) {
        return NULL;
    }
    if (params[0] == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "put_nowait() missing required argument 'item' (pos 1)");
        return NULL;
    }
    return queue_put_item((simplequeueobject *)self, params[0]);
}

static PyObject *
simplequeue_get(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"block", "timeout", NULL};
    int block = 1;
    PyObject *timeout = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pO:get", keywords,
                                     &block, &timeout)) {
        return NULL;
    }
    int64_t timeout_ns;
    if (parse_get_timeout(block, timeout, &timeout_ns) < 0) {
        return NULL;
    }
    return queue_take((simplequeueobject *)self, timeout_ns);
}

static PyObject *
simplequeue_get_nowait(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return queue_take((simplequeueobject *)self, 0);
}

static PyObject *
simplequeue_empty(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    /* A relaxed read: the answer may be stale by the time it is used,
       as documented for Queue.empty(). */
    simplequeueobject *q = (simplequeueobject *)self;
    Py_ssize_t len;
    Py_BEGIN_CRITICAL_SECTION(q);
    len = q->len;
    Py_END_CRITICAL_SECTION();
    return PyBool_FromLong(len == 0);
}

static PyObject *
simplequeue_qsize(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    simplequeueobject *q = (simplequeueobject *)self;
    Py_ssize_t len;
    Py_BEGIN_CRITICAL_SECTION(q);
    len = q->len;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(len);
}

static PyMethodDef simplequeue_methods[] = {
    {"put", (PyCFunction)(void (*)(void))simplequeue_put,
     METH_FASTCALL | METH_KEYWORDS,
     "put($self, /, item, block=True, timeout=None)\n--\n\n"
     "Put the item on the queue.\n\n"
     "The optional 'block' and 'timeout' arguments are ignored, as this "
     "method\nnever blocks.  They are provided for compatibility with the "
     "Queue class."},
    {"put_nowait", (PyCFunction)(void (*)(void))simplequeue_put_nowait,
     METH_FASTCALL | METH_KEYWORDS,
     "put_nowait($self, /, item)\n--\n\n"
     "Put an item into the queue without blocking.\n\n"
     "This is exactly equivalent to `put(item)` and is only provided\n"
     "for compatibility with the Queue class."},
    {"get", (PyCFunction)(void (*)(void))simplequeue_get,
     METH_VARARGS | METH_KEYWORDS,
     "get($self, /, block=True, timeout=None)\n--\n\n"
     "Remove and return an item from the queue.\n\n"
     "If optional args 'block' is true and 'timeout' is None (the "
     "default),\nblock if necessary until an item is available. If "
     "'timeout' is\na non-negative number, it blocks at most 'timeout' "
     "seconds and raises\nthe Empty exception if no item was available "
     "within that time.\nOtherwise ('block' is false), return an item if "
     "one is immediately\navailable, else raise the Empty exception "
     "('timeout' is ignored\nin that case)."},
    {"get_nowait", simplequeue_get_nowait, METH_NOARGS,
     "get_nowait($self, /)\n--\n\n"
     "Remove and return an item from the queue without blocking.\n\n"
     "Only get an item if one is immediately available. Otherwise\n"
     "raise the Empty exception."},
    {"empty", simplequeue_empty, METH_NOARGS,
     "empty($self, /)\n--\n\n"
     "Return True if the queue is empty, False otherwise (not reliable!)."},
    {"qsize", simplequeue_qsize, METH_NOARGS,
     "qsize($self, /)\n--\n\n"
     "Return the approximate size of the queue (not reliable!)."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject SimpleQueue_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_queue.SimpleQueue",
    .tp_basicsize = sizeof(simplequeueobject),
    .tp_dealloc = simplequeue_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "SimpleQueue()\n--\n\nSimple, unbounded, reentrant FIFO queue.",
    .tp_traverse = simplequeue_traverse,
    .tp_clear = simplequeue_clear,
    .tp_weaklistoffset = offsetof(simplequeueobject, weakreflist),
    .tp_methods = simplequeue_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = simplequeue_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- module --------------------------------------------------------- */

static int
queue_exec(PyObject *module)
{
    if (PyType_Ready(&SimpleQueue_Type) < 0) {
        return -1;
    }
    /* The exception class is created by the first import and shared by
       every later one; imports are serialised by the import lock. */
    if (EmptyError == NULL) {
        PyObject *dict = Py_BuildValue(
            "{ss}", "__doc__",
            "Exception raised by Queue.get(block=0)/get_nowait().");
        if (dict == NULL) {
            return -1;
        }
        EmptyError = PyErr_NewException("_queue.Empty", NULL, dict);
        Py_DECREF(dict);
        if (EmptyError == NULL) {
            return -1;
        }
    }
    if (PyModule_AddObjectRef(module, "SimpleQueue",
                              (PyObject *)&SimpleQueue_Type) < 0 ||
        PyModule_AddObjectRef(module, "Empty", EmptyError) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot queue_slots[] = {
    {Py_mod_exec, queue_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef queue_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_queue",
    .m_doc = "C implementation of the Python queue module.\n"
             "This module is an implementation detail, please do not use "
             "it directly.",
    .m_size = 0,
    .m_slots = queue_slots,
};

PyMODINIT_FUNC
PyInit__queue(void)
{
    return PyModuleDef_Init(&queue_module);
}
