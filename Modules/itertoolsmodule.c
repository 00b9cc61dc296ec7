/* itertools: iterator building blocks.

   Thread safety: every iterator object runs its __next__ inside its own
   critical section (Py_BEGIN_CRITICAL_SECTION(self)), so one iterator
   shared between threads never corrupts its state; the values the
   threads see may interleave in any order.  The tee family shares one
   buffer, protected by the critical section of that shared tee_state.
   groupby and tee are documented as not thread-safe: sharing them gives
   unspecified results, but never a crash.  The module has no state. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_exceptions.h"     /* _PyArg_UnexpectedKeyword */

/* Each iterator's public __next__: run the locked step under the
   object's critical section. */
#define LOCKED_NEXT(prefix)                                          \
    static PyObject *                                                \
    prefix##_next(PyObject *op)                                      \
    {                                                                \
        PyObject *result;                                            \
        Py_BEGIN_CRITICAL_SECTION(op);                               \
        result = prefix##_next_locked(op);                           \
        Py_END_CRITICAL_SECTION();                                   \
        return result;                                               \
    }

/* The common dealloc: untrack, drop every reference tp_clear drops,
   free.  The types here are static: a Python subclass's reference to
   itself is dropped by subtype_dealloc, not here. */
#define GC_DEALLOC(prefix)                                           \
    static void                                                      \
    prefix##_dealloc(PyObject *op)                                   \
    {                                                                \
        PyTypeObject *type = Py_TYPE(op);                            \
        PyObject_GC_UnTrack(op);                                     \
        (void)prefix##_clear(op);                                    \
        type->tp_free(op);                                           \
    }

#define ITER_TYPE(prefix, pyname, doc_text)                          \
    static PyTypeObject prefix##_type = {                            \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                       \
        .tp_name = "itertools." pyname,                              \
        .tp_basicsize = sizeof(prefix##object),                      \
        .tp_dealloc = prefix##_dealloc,                              \
        .tp_getattro = PyObject_GenericGetAttr,                      \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC           \
                    | Py_TPFLAGS_BASETYPE,                           \
        .tp_doc = doc_text,                                          \
        .tp_traverse = prefix##_traverse,                            \
        .tp_clear = prefix##_clear,                                  \
        .tp_iter = PyObject_SelfIter,                                \
        .tp_iternext = prefix##_next,                                \
        .tp_new = prefix##_new,                                      \
        .tp_free = PyObject_GC_Del,                                  \
    };

/* Keywords are refused unless type is a subclass with its own __init__,
   which then receives them (as in CPython). */
static int
no_keywords(const char *name, PyTypeObject *type, PyTypeObject *exact,
            PyObject *kwds)
{
    if ((type == exact || type->tp_init == exact->tp_init)
            && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments",
                     name);
        return -1;
    }
    return 0;
}

/* The TypeError for a keyword other than the one allowed. */
static PyObject *
invalid_keyword(const char *name, PyObject *kwds, const char *allowed)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwds, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return NULL;
        }
        if (PyUnicode_CompareWithASCIIString(key, allowed) != 0) {
            _PyArg_UnexpectedKeyword(name, key, &allowed, 1);
            return NULL;
        }
    }
    PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument",
                 name);
    return NULL;
}

/* ---- count ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *current;      /* owned; the next value to return */
    PyObject *step;         /* owned */
} countobject;

static PyTypeObject count_type;

static int
is_number(PyObject *x)
{
    return PyNumber_Check(x) || PyLong_Check(x) || PyFloat_Check(x);
}

static PyObject *
count_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", "step", NULL};
    PyObject *start = NULL, *step = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:count", kwlist,
                                     &start, &step)) {
        return NULL;
    }
    if ((start != NULL && !is_number(start))
        || (step != NULL && !is_number(step))) {
        PyErr_SetString(PyExc_TypeError, "a number is required");
        return NULL;
    }
    countobject *self = (countobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->current = start ? Py_NewRef(start) : PyLong_FromLong(0);
    self->step = step ? Py_NewRef(step) : PyLong_FromLong(1);
    if (self->current == NULL || self->step == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int
count_traverse(PyObject *op, visitproc visit, void *arg)
{
    countobject *self = (countobject *)op;
    Py_VISIT(self->current);
    Py_VISIT(self->step);
    return 0;
}

static int
count_clear(PyObject *op)
{
    countobject *self = (countobject *)op;
    Py_CLEAR(self->current);
    Py_CLEAR(self->step);
    return 0;
}

GC_DEALLOC(count)

static PyObject *
count_next_locked(PyObject *op)
{
    countobject *self = (countobject *)op;
    PyObject *next = PyNumber_Add(self->current, self->step);
    if (next == NULL) {
        return NULL;
    }
    PyObject *result = self->current;
    self->current = next;
    return result;
}

LOCKED_NEXT(count)

static int
is_int_one(PyObject *x)
{
    if (!PyLong_CheckExact(x)) {
        return 0;
    }
    int overflow;
    return PyLong_AsLongAndOverflow(x, &overflow) == 1 && !overflow;
}

static PyObject *
count_repr(PyObject *op)
{
    countobject *self = (countobject *)op;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (is_int_one(self->step)) {
        result = PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(op)),
                                      self->current);
    }
    else {
        result = PyUnicode_FromFormat("%s(%R, %R)", _PyType_Name(Py_TYPE(op)),
                                      self->current, self->step);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyTypeObject count_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.count",
    .tp_basicsize = sizeof(countobject),
    .tp_dealloc = count_dealloc,
    .tp_repr = count_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "count(start=0, step=1)\n--\n\n"
              "Values start, start+step, start+2*step, ... without end.",
    .tp_traverse = count_traverse,
    .tp_clear = count_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = count_next,
    .tp_new = count_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- repeat ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *element;      /* owned */
    Py_ssize_t remaining;   /* -1: forever */
} repeatobject;

static PyTypeObject repeat_type;

static PyObject *
repeat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "times", NULL};
    PyObject *element;
    Py_ssize_t times = -1;
    int have_times = 0;
    PyObject *times_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:repeat", kwlist,
                                     &element, &times_obj)) {
        return NULL;
    }
    if (times_obj != NULL) {
        times = PyNumber_AsSsize_t(times_obj, PyExc_OverflowError);
        if (times == -1 && PyErr_Occurred()) {
            return NULL;
        }
        have_times = 1;
    }
    repeatobject *self = (repeatobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->element = Py_NewRef(element);
    /* A negative count repeats nothing. */
    self->remaining = have_times ? (times < 0 ? 0 : times) : -1;
    return (PyObject *)self;
}

static int
repeat_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((repeatobject *)op)->element);
    return 0;
}

static int
repeat_clear(PyObject *op)
{
    Py_CLEAR(((repeatobject *)op)->element);
    return 0;
}

GC_DEALLOC(repeat)

static PyObject *
repeat_next_locked(PyObject *op)
{
    repeatobject *self = (repeatobject *)op;
    if (self->remaining == 0) {
        return NULL;
    }
    if (self->remaining > 0) {
        __atomic_store_n(&self->remaining, self->remaining - 1,
                         __ATOMIC_RELAXED);
    }
    return Py_NewRef(self->element);
}

LOCKED_NEXT(repeat)

static PyObject *
repeat_repr(PyObject *op)
{
    repeatobject *self = (repeatobject *)op;
    Py_ssize_t remaining = __atomic_load_n(&self->remaining, __ATOMIC_RELAXED);
    if (remaining < 0) {
        return PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(op)),
                                    self->element);
    }
    return PyUnicode_FromFormat("%s(%R, %zd)", _PyType_Name(Py_TYPE(op)),
                                self->element, remaining);
}

static PyObject *
repeat_length_hint(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    /* Read without the critical section: a relaxed atomic load pairs
       with the atomic store in repeat_next_locked. */
    Py_ssize_t remaining =
        __atomic_load_n(&((repeatobject *)op)->remaining, __ATOMIC_RELAXED);
    if (remaining < 0) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return NULL;
    }
    return PyLong_FromSsize_t(remaining);
}

static PyMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject repeat_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.repeat",
    .tp_basicsize = sizeof(repeatobject),
    .tp_dealloc = repeat_dealloc,
    .tp_repr = repeat_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "repeat(object, times=None)\n--\n\n"
              "object, times times, or forever without times.",
    .tp_traverse = repeat_traverse,
    .tp_clear = repeat_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = repeat_next,
    .tp_methods = repeat_methods,
    .tp_new = repeat_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- cycle ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;           /* owned; NULL once exhausted */
    PyObject *saved;        /* owned list of what the first pass saw */
    Py_ssize_t index;       /* position in saved during later passes */
} cycleobject;

static PyTypeObject cycle_type;

static PyObject *
cycle_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (no_keywords("cycle", type, &cycle_type, kwds) < 0
        || !PyArg_UnpackTuple(args, "cycle", 1, 1, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *saved = PyList_New(0);
    cycleobject *self = saved ? (cycleobject *)type->tp_alloc(type, 0) : NULL;
    if (self == NULL) {
        Py_DECREF(it);
        Py_XDECREF(saved);
        return NULL;
    }
    self->it = it;
    self->saved = saved;
    self->index = 0;
    return (PyObject *)self;
}

static int
cycle_traverse(PyObject *op, visitproc visit, void *arg)
{
    cycleobject *self = (cycleobject *)op;
    Py_VISIT(self->it);
    Py_VISIT(self->saved);
    return 0;
}

static int
cycle_clear(PyObject *op)
{
    cycleobject *self = (cycleobject *)op;
    Py_CLEAR(self->it);
    Py_CLEAR(self->saved);
    return 0;
}

GC_DEALLOC(cycle)

static PyObject *
cycle_next_locked(PyObject *op)
{
    cycleobject *self = (cycleobject *)op;
    if (self->it != NULL) {
        PyObject *item = PyIter_Next(self->it);
        if (item != NULL) {
            if (PyList_Append(self->saved, item) < 0) {
                Py_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_CLEAR(self->it);
    }
    Py_ssize_t n = PyList_GET_SIZE(self->saved);
    if (n == 0) {
        return NULL;
    }
    if (self->index >= n) {
        self->index = 0;
    }
    return Py_NewRef(PyList_GET_ITEM(self->saved, self->index++));
}

LOCKED_NEXT(cycle)
ITER_TYPE(cycle, "cycle", "cycle(iterable, /)\n--\n\n"
          "The items of iterable, then the same again, forever.")

/* ---- accumulate ------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *it;           /* owned */
    PyObject *func;         /* owned or NULL: addition */
    PyObject *total;        /* owned or NULL before the first item */
    PyObject *initial;      /* owned or NULL: still to be returned */
} accumulateobject;

static PyTypeObject accumulate_type;

static PyObject *
accumulate_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "func", "initial", NULL};
    PyObject *iterable, *func = Py_None, *initial = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$O:accumulate", kwlist,
                                     &iterable, &func, &initial)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    accumulateobject *self = (accumulateobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    self->it = it;
    self->func = func == Py_None ? NULL : Py_NewRef(func);
    self->total = NULL;
    self->initial = initial == Py_None ? NULL : Py_NewRef(initial);
    return (PyObject *)self;
}

static int
accumulate_traverse(PyObject *op, visitproc visit, void *arg)
{
    accumulateobject *self = (accumulateobject *)op;
    Py_VISIT(self->it);
    Py_VISIT(self->func);
    Py_VISIT(self->total);
    Py_VISIT(self->initial);
    return 0;
}

static int
accumulate_clear(PyObject *op)
{
    accumulateobject *self = (accumulateobject *)op;
    Py_CLEAR(self->it);
    Py_CLEAR(self->func);
    Py_CLEAR(self->total);
    Py_CLEAR(self->initial);
    return 0;
}

GC_DEALLOC(accumulate)

static PyObject *
accumulate_next_locked(PyObject *op)
{
    accumulateobject *self = (accumulateobject *)op;
    if (self->initial != NULL) {
        self->total = self->initial;    /* reference moves */
        self->initial = NULL;
        return Py_NewRef(self->total);
    }
    PyObject *item = PyIter_Next(self->it);
    if (item == NULL) {
        return NULL;
    }
    if (self->total == NULL) {
        self->total = Py_NewRef(item);
        return item;
    }
    PyObject *total = self->func == NULL
        ? PyNumber_Add(self->total, item)
        : PyObject_CallFunctionObjArgs(self->func, self->total, item, NULL);
    Py_DECREF(item);
    if (total == NULL) {
        return NULL;
    }
    Py_SETREF(self->total, Py_NewRef(total));
    return total;
}

LOCKED_NEXT(accumulate)
ITER_TYPE(accumulate, "accumulate",
          "accumulate(iterable, func=None, *, initial=None)\n--\n\n"
          "Running totals of iterable, or running results of func.")

/* ---- batched --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;           /* owned; NULL once exhausted */
    Py_ssize_t n;
    int strict;
} batchedobject;

static PyTypeObject batched_type;

static PyObject *
batched_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "n", "strict", NULL};
    PyObject *iterable;
    Py_ssize_t n;
    int strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On|$p:batched", kwlist,
                                     &iterable, &n, &strict)) {
        return NULL;
    }
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "n must be at least one");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    batchedobject *self = (batchedobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    self->it = it;
    self->n = n;
    self->strict = strict;
    return (PyObject *)self;
}

/* Iterators whose one reference is their source `it`, first after the
   head (batched, islice), share their GC functions. */
typedef struct {
    PyObject_HEAD
    PyObject *it;
} sourceonlyobject;

static int
sourceonly_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((sourceonlyobject *)op)->it);
    return 0;
}

static int
sourceonly_clear(PyObject *op)
{
    Py_CLEAR(((sourceonlyobject *)op)->it);
    return 0;
}

_Static_assert(offsetof(batchedobject, it) == offsetof(sourceonlyobject, it),
               "batched layout");
#define batched_traverse sourceonly_traverse
#define batched_clear sourceonly_clear

GC_DEALLOC(batched)

static PyObject *
batched_next_locked(PyObject *op)
{
    batchedobject *self = (batchedobject *)op;
    if (self->it == NULL) {
        return NULL;
    }
    PyObject *batch = PyList_New(0);
    if (batch == NULL) {
        return NULL;
    }
    while (PyList_GET_SIZE(batch) < self->n) {
        PyObject *item = PyIter_Next(self->it);
        if (item == NULL) {
            break;
        }
        int rc = PyList_Append(batch, item);
        Py_DECREF(item);
        if (rc < 0) {
            Py_DECREF(batch);
            return NULL;
        }
    }
    if (PyErr_Occurred()) {
        Py_DECREF(batch);
        return NULL;
    }
    Py_ssize_t got = PyList_GET_SIZE(batch);
    if (got < self->n) {
        Py_CLEAR(self->it);
        if (got == 0) {
            Py_DECREF(batch);
            return NULL;
        }
        if (self->strict) {
            Py_DECREF(batch);
            PyErr_SetString(PyExc_ValueError, "batched(): incomplete batch");
            return NULL;
        }
    }
    PyObject *result = PyList_AsTuple(batch);
    Py_DECREF(batch);
    return result;
}

LOCKED_NEXT(batched)
ITER_TYPE(batched, "batched", "batched(iterable, n, *, strict=False)\n--\n\n"
          "Tuples of n consecutive items; the last may be shorter unless "
          "strict.")

/* ---- chain ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *sources;      /* owned iterator over the iterables */
    PyObject *active;       /* owned iterator of the current one, or NULL */
} chainobject;

static PyTypeObject chain_type;

static PyObject *
chain_from_sources(PyTypeObject *type, PyObject *sources)
{
    chainobject *self = (chainobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(sources);
        return NULL;
    }
    self->sources = sources;
    self->active = NULL;
    return (PyObject *)self;
}

static PyObject *
chain_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (no_keywords("chain", type, &chain_type, kwds) < 0) {
        return NULL;
    }
    PyObject *sources = PyObject_GetIter(args);
    if (sources == NULL) {
        return NULL;
    }
    return chain_from_sources(type, sources);
}

static PyObject *
chain_from_iterable(PyObject *cls, PyObject *iterable)
{
    PyObject *sources = PyObject_GetIter(iterable);
    if (sources == NULL) {
        return NULL;
    }
    return chain_from_sources((PyTypeObject *)cls, sources);
}

static int
chain_traverse(PyObject *op, visitproc visit, void *arg)
{
    chainobject *self = (chainobject *)op;
    Py_VISIT(self->sources);
    Py_VISIT(self->active);
    return 0;
}

static int
chain_clear(PyObject *op)
{
    chainobject *self = (chainobject *)op;
    Py_CLEAR(self->sources);
    Py_CLEAR(self->active);
    return 0;
}

GC_DEALLOC(chain)

static PyObject *
chain_next_locked(PyObject *op)
{
    chainobject *self = (chainobject *)op;
    while (self->sources != NULL) {
        if (self->active == NULL) {
            PyObject *iterable = PyIter_Next(self->sources);
            if (iterable == NULL) {
                Py_CLEAR(self->sources);
                return NULL;
            }
            self->active = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            if (self->active == NULL) {
                Py_CLEAR(self->sources);
                return NULL;
            }
        }
        PyObject *item = PyIter_Next(self->active);
        if (item != NULL || PyErr_Occurred()) {
            return item;
        }
        Py_CLEAR(self->active);
    }
    return NULL;
}

LOCKED_NEXT(chain)

static PyMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_O | METH_CLASS,
     "from_iterable($type, iterable, /)\n--\n\n"
     "A chain of the iterables that iterable produces, taken lazily."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject chain_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.chain",
    .tp_basicsize = sizeof(chainobject),
    .tp_dealloc = chain_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "chain(*iterables)\n--\n\n"
              "The items of the first iterable, then of the next, and so on.",
    .tp_traverse = chain_traverse,
    .tp_clear = chain_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = chain_next,
    .tp_methods = chain_methods,
    .tp_new = chain_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- compress -------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *data;         /* owned iterator */
    PyObject *selectors;    /* owned iterator */
} compressobject;

static PyTypeObject compress_type;

static PyObject *
compress_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "selectors", NULL};
    PyObject *data, *selectors;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:compress", kwlist,
                                     &data, &selectors)) {
        return NULL;
    }
    PyObject *data_it = PyObject_GetIter(data);
    if (data_it == NULL) {
        return NULL;
    }
    PyObject *sel_it = PyObject_GetIter(selectors);
    if (sel_it == NULL) {
        Py_DECREF(data_it);
        return NULL;
    }
    compressobject *self = (compressobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(data_it);
        Py_DECREF(sel_it);
        return NULL;
    }
    self->data = data_it;
    self->selectors = sel_it;
    return (PyObject *)self;
}

static int
compress_traverse(PyObject *op, visitproc visit, void *arg)
{
    compressobject *self = (compressobject *)op;
    Py_VISIT(self->data);
    Py_VISIT(self->selectors);
    return 0;
}

static int
compress_clear(PyObject *op)
{
    compressobject *self = (compressobject *)op;
    Py_CLEAR(self->data);
    Py_CLEAR(self->selectors);
    return 0;
}

GC_DEALLOC(compress)

static PyObject *
compress_next_locked(PyObject *op)
{
    compressobject *self = (compressobject *)op;
    for (;;) {
        PyObject *item = PyIter_Next(self->data);
        if (item == NULL) {
            return NULL;
        }
        PyObject *selector = PyIter_Next(self->selectors);
        if (selector == NULL) {
            Py_DECREF(item);
            return NULL;
        }
        int keep = PyObject_IsTrue(selector);
        Py_DECREF(selector);
        if (keep > 0) {
            return item;
        }
        Py_DECREF(item);
        if (keep < 0) {
            return NULL;
        }
    }
}

LOCKED_NEXT(compress)
ITER_TYPE(compress, "compress", "compress(data, selectors)\n--\n\n"
          "The items of data whose matching selector is true.")

/* ---- dropwhile, takewhile, filterfalse ------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *func;         /* owned; Py_None means truth of the item */
    PyObject *it;           /* owned */
    int done;               /* dropwhile: dropping over; takewhile: stopped */
} predicateobject;

typedef predicateobject dropwhileobject;
typedef predicateobject takewhileobject;
typedef predicateobject filterfalseobject;

static PyObject *
predicate_new(PyTypeObject *type, PyObject *args, PyObject *kwds,
              const char *name, PyTypeObject *exact)
{
    PyObject *func, *iterable;
    if (no_keywords(name, type, exact, kwds) < 0
        || !PyArg_UnpackTuple(args, name, 2, 2, &func, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    predicateobject *self = (predicateobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    self->func = Py_NewRef(func);
    self->it = it;
    self->done = 0;
    return (PyObject *)self;
}

static int
predicate_traverse(PyObject *op, visitproc visit, void *arg)
{
    predicateobject *self = (predicateobject *)op;
    Py_VISIT(self->func);
    Py_VISIT(self->it);
    return 0;
}

static int
predicate_clear(PyObject *op)
{
    predicateobject *self = (predicateobject *)op;
    Py_CLEAR(self->func);
    Py_CLEAR(self->it);
    return 0;
}

/* Truth of func(item), or of item itself when func is None. */
static int
predicate_test(PyObject *func, PyObject *item)
{
    if (func == Py_None || func == (PyObject *)&PyBool_Type) {
        return PyObject_IsTrue(item);
    }
    PyObject *verdict = PyObject_CallOneArg(func, item);
    if (verdict == NULL) {
        return -1;
    }
    int truth = PyObject_IsTrue(verdict);
    Py_DECREF(verdict);
    return truth;
}

static PyTypeObject dropwhile_type, takewhile_type, filterfalse_type;

static PyObject *
dropwhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return predicate_new(type, args, kwds, "dropwhile", &dropwhile_type);
}

static PyObject *
takewhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return predicate_new(type, args, kwds, "takewhile", &takewhile_type);
}

static PyObject *
filterfalse_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return predicate_new(type, args, kwds, "filterfalse", &filterfalse_type);
}

#define dropwhile_traverse predicate_traverse
#define dropwhile_clear predicate_clear
#define takewhile_traverse predicate_traverse
#define takewhile_clear predicate_clear
#define filterfalse_traverse predicate_traverse
#define filterfalse_clear predicate_clear
GC_DEALLOC(predicate)
#define dropwhile_dealloc predicate_dealloc
#define takewhile_dealloc predicate_dealloc
#define filterfalse_dealloc predicate_dealloc

static PyObject *
dropwhile_next_locked(PyObject *op)
{
    predicateobject *self = (predicateobject *)op;
    for (;;) {
        PyObject *item = PyIter_Next(self->it);
        if (item == NULL || self->done) {
            return item;
        }
        int truth = predicate_test(self->func, item);
        if (truth == 0) {
            self->done = 1;
            return item;
        }
        Py_DECREF(item);
        if (truth < 0) {
            return NULL;
        }
    }
}

static PyObject *
takewhile_next_locked(PyObject *op)
{
    predicateobject *self = (predicateobject *)op;
    if (self->done) {
        return NULL;
    }
    PyObject *item = PyIter_Next(self->it);
    if (item == NULL) {
        return NULL;
    }
    int truth = predicate_test(self->func, item);
    if (truth > 0) {
        return item;
    }
    Py_DECREF(item);
    if (truth == 0) {
        self->done = 1;
    }
    return NULL;
}

static PyObject *
filterfalse_next_locked(PyObject *op)
{
    predicateobject *self = (predicateobject *)op;
    for (;;) {
        PyObject *item = PyIter_Next(self->it);
        if (item == NULL) {
            return NULL;
        }
        int truth = predicate_test(self->func, item);
        if (truth == 0) {
            return item;
        }
        Py_DECREF(item);
        if (truth < 0) {
            return NULL;
        }
    }
}

LOCKED_NEXT(dropwhile)
LOCKED_NEXT(takewhile)
LOCKED_NEXT(filterfalse)
ITER_TYPE(dropwhile, "dropwhile", "dropwhile(predicate, iterable, /)\n--\n\n"
          "Skip items while predicate is true, then yield every item.")
ITER_TYPE(takewhile, "takewhile", "takewhile(predicate, iterable, /)\n--\n\n"
          "Items while predicate is true; stop at the first false one.")
ITER_TYPE(filterfalse, "filterfalse",
          "filterfalse(function, iterable, /)\n--\n\n"
          "Items for which function (or truth, if None) is false.")

/* ---- starmap --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *func;         /* owned */
    PyObject *it;           /* owned */
} starmapobject;

static PyTypeObject starmap_type;

static PyObject *
starmap_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func, *iterable;
    if (no_keywords("starmap", type, &starmap_type, kwds) < 0
        || !PyArg_UnpackTuple(args, "starmap", 2, 2, &func, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    starmapobject *self = (starmapobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    self->func = Py_NewRef(func);
    self->it = it;
    return (PyObject *)self;
}

static int
starmap_traverse(PyObject *op, visitproc visit, void *arg)
{
    starmapobject *self = (starmapobject *)op;
    Py_VISIT(self->func);
    Py_VISIT(self->it);
    return 0;
}

static int
starmap_clear(PyObject *op)
{
    starmapobject *self = (starmapobject *)op;
    Py_CLEAR(self->func);
    Py_CLEAR(self->it);
    return 0;
}

GC_DEALLOC(starmap)

static PyObject *
starmap_next_locked(PyObject *op)
{
    starmapobject *self = (starmapobject *)op;
    PyObject *item = PyIter_Next(self->it);
    if (item == NULL) {
        return NULL;
    }
    PyObject *call_args = PySequence_Tuple(item);
    Py_DECREF(item);
    if (call_args == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(self->func, call_args, NULL);
    Py_DECREF(call_args);
    return result;
}

LOCKED_NEXT(starmap)
ITER_TYPE(starmap, "starmap", "starmap(function, iterable, /)\n--\n\n"
          "function(*args) for each args tuple of iterable.")

/* ---- pairwise -------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;           /* owned; NULL once exhausted */
    PyObject *previous;     /* owned or NULL before the first item */
} pairwiseobject;

static PyTypeObject pairwise_type;

static PyObject *
pairwise_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (no_keywords("pairwise", type, &pairwise_type, kwds) < 0
        || !PyArg_UnpackTuple(args, "pairwise", 1, 1, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    pairwiseobject *self = (pairwiseobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    self->it = it;
    self->previous = NULL;
    return (PyObject *)self;
}

static int
pairwise_traverse(PyObject *op, visitproc visit, void *arg)
{
    pairwiseobject *self = (pairwiseobject *)op;
    Py_VISIT(self->it);
    Py_VISIT(self->previous);
    return 0;
}

static int
pairwise_clear(PyObject *op)
{
    pairwiseobject *self = (pairwiseobject *)op;
    Py_CLEAR(self->it);
    Py_CLEAR(self->previous);
    return 0;
}

GC_DEALLOC(pairwise)

static PyObject *
pairwise_next_locked(PyObject *op)
{
    pairwiseobject *self = (pairwiseobject *)op;
    if (self->it == NULL) {
        return NULL;
    }
    if (self->previous == NULL) {
        self->previous = PyIter_Next(self->it);
        if (self->previous == NULL) {
            Py_CLEAR(self->it);
            return NULL;
        }
    }
    /* Hold our own references: the source may re-enter us. */
    PyObject *first = Py_NewRef(self->previous);
    PyObject *second = self->it ? PyIter_Next(self->it) : NULL;
    if (second == NULL) {
        Py_DECREF(first);
        Py_CLEAR(self->it);
        Py_CLEAR(self->previous);
        return NULL;
    }
    Py_XSETREF(self->previous, Py_NewRef(second));
    PyObject *pair = PyTuple_Pack(2, first, second);
    Py_DECREF(first);
    Py_DECREF(second);
    return pair;
}

LOCKED_NEXT(pairwise)
ITER_TYPE(pairwise, "pairwise", "pairwise(iterable, /)\n--\n\n"
          "Successive overlapping pairs: (s0, s1), (s1, s2), ...")

/* ---- islice ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;           /* owned; NULL once done */
    Py_ssize_t next;        /* index of the next item to yield */
    Py_ssize_t stop;        /* -1: no stop */
    Py_ssize_t step;
    Py_ssize_t count;       /* items consumed from it so far */
} isliceobject;

static PyTypeObject islice_type;

static int
islice_index(PyObject *arg, Py_ssize_t deflt, const char *message,
             Py_ssize_t *out)
{
    if (arg == Py_None) {
        *out = deflt;
        return 0;
    }
    Py_ssize_t value = -1;
    if (PyIndex_Check(arg)) {
        value = PyNumber_AsSsize_t(arg, NULL);
        if (value == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            value = -1;
        }
    }
    if (value < 0) {
        PyErr_SetString(PyExc_ValueError, message);
        return -1;
    }
    *out = value;
    return 0;
}

#define ISLICE_STOP_MSG "Stop argument for islice() must be None or an " \
    "integer: 0 <= x <= sys.maxsize."
#define ISLICE_INDEX_MSG "Indices for islice() must be None or an " \
    "integer: 0 <= x <= sys.maxsize."

static PyObject *
islice_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable, *a1 = NULL, *a2 = NULL, *a3 = NULL;
    if (no_keywords("islice", type, &islice_type, kwds) < 0
        || !PyArg_UnpackTuple(args, "islice", 2, 4, &iterable, &a1, &a2, &a3)) {
        return NULL;
    }
    Py_ssize_t start = 0, stop = -1, step = 1;
    if (a2 == NULL) {
        if (islice_index(a1, -1, ISLICE_STOP_MSG, &stop) < 0) {
            return NULL;
        }
    }
    else {
        if (islice_index(a1, 0, ISLICE_INDEX_MSG, &start) < 0
            || islice_index(a2, -1, ISLICE_INDEX_MSG, &stop) < 0) {
            return NULL;
        }
        if (a3 != NULL && a3 != Py_None) {
            step = -1;
            if (PyIndex_Check(a3)) {
                step = PyNumber_AsSsize_t(a3, NULL);
                if (step == -1 && PyErr_Occurred()) {
                    PyErr_Clear();
                }
            }
            if (step < 1) {
                PyErr_SetString(PyExc_ValueError, "Step for islice() must "
                                "be a positive integer or None.");
                return NULL;
            }
        }
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    isliceobject *self = (isliceobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    self->it = it;
    self->next = start;
    self->stop = stop;
    self->step = step;
    self->count = 0;
    return (PyObject *)self;
}

_Static_assert(offsetof(isliceobject, it) == offsetof(sourceonlyobject, it),
               "islice layout");
#define islice_traverse sourceonly_traverse
#define islice_clear sourceonly_clear

GC_DEALLOC(islice)

static PyObject *
islice_next_locked(PyObject *op)
{
    isliceobject *self = (isliceobject *)op;
    if (self->it == NULL) {
        return NULL;
    }
    /* Skip to the next wanted index, never past stop. */
    while (self->count < self->next
           && (self->stop < 0 || self->count < self->stop)) {
        PyObject *skipped = PyIter_Next(self->it);
        if (skipped == NULL) {
            goto exhausted;
        }
        Py_DECREF(skipped);
        self->count++;
    }
    if (self->stop >= 0 && self->count >= self->stop) {
        goto exhausted;
    }
    PyObject *item = PyIter_Next(self->it);
    if (item == NULL) {
        goto exhausted;
    }
    self->count++;
    Py_ssize_t next = self->next + self->step;
    /* Past PY_SSIZE_T_MAX, or past stop: nothing more to yield. */
    if (next < self->next || (self->stop >= 0 && next > self->stop)) {
        next = self->stop >= 0 ? self->stop : PY_SSIZE_T_MAX;
    }
    self->next = next;
    return item;
exhausted:
    Py_CLEAR(self->it);
    return NULL;
}

LOCKED_NEXT(islice)
ITER_TYPE(islice, "islice",
          "islice(iterable, stop)\nislice(iterable, start, stop[, step])\n\n"
          "Selected items of iterable, like seq[start:stop:step] on a "
          "sequence.")

/* ---- zip_longest ----------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *iterators;    /* owned tuple; exhausted slots hold None */
    Py_ssize_t active;      /* how many are not exhausted */
    PyObject *fillvalue;    /* owned */
} zip_longestobject;

static PyTypeObject zip_longest_type;

static PyObject *
zip_longest_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fillvalue = Py_None;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *value = PyDict_GetItemString(kwds, "fillvalue");
        if (value == NULL || PyDict_GET_SIZE(kwds) > 1) {
            PyErr_SetString(PyExc_TypeError,
                "zip_longest() got an unexpected keyword argument");
            return NULL;
        }
        fillvalue = value;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *iterators = PyTuple_New(n);
    if (iterators == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (it == NULL) {
            Py_DECREF(iterators);
            return NULL;
        }
        PyTuple_SET_ITEM(iterators, i, it);
    }
    zip_longestobject *self = (zip_longestobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(iterators);
        return NULL;
    }
    self->iterators = iterators;
    self->active = n;
    self->fillvalue = Py_NewRef(fillvalue);
    return (PyObject *)self;
}

static int
zip_longest_traverse(PyObject *op, visitproc visit, void *arg)
{
    zip_longestobject *self = (zip_longestobject *)op;
    Py_VISIT(self->iterators);
    Py_VISIT(self->fillvalue);
    return 0;
}

static int
zip_longest_clear(PyObject *op)
{
    zip_longestobject *self = (zip_longestobject *)op;
    Py_CLEAR(self->iterators);
    Py_CLEAR(self->fillvalue);
    return 0;
}

GC_DEALLOC(zip_longest)

/* The tuple is private to this object, so replacing an exhausted
   iterator by None in place is safe under our critical section. */
static PyObject *
zip_longest_next_locked(PyObject *op)
{
    zip_longestobject *self = (zip_longestobject *)op;
    if (self->iterators == NULL || self->active == 0) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(self->iterators);
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyTuple_GET_ITEM(self->iterators, i);
        PyObject *item = NULL;
        if (it != Py_None) {
            item = PyIter_Next(it);
            if (item == NULL) {
                if (PyErr_Occurred()) {
                    Py_DECREF(result);
                    self->active = 0;
                    return NULL;
                }
                PyTuple_SET_ITEM(self->iterators, i, Py_NewRef(Py_None));
                Py_DECREF(it);
                if (--self->active == 0) {
                    Py_DECREF(result);
                    return NULL;
                }
            }
        }
        PyTuple_SET_ITEM(result, i, item ? item : Py_NewRef(self->fillvalue));
    }
    return result;
}

LOCKED_NEXT(zip_longest)
ITER_TYPE(zip_longest, "zip_longest",
          "zip_longest(*iterables, fillvalue=None)\n--\n\n"
          "Tuples of the i-th items of each iterable, until the longest "
          "ends; missing values are fillvalue.")

/* ---- groupby --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it;           /* owned */
    PyObject *keyfunc;      /* owned; Py_None for identity */
    PyObject *target_key;   /* owned; key of the group handed out last */
    PyObject *current_key;  /* owned; key of current_value */
    PyObject *current_value;/* owned; item read but not yet yielded */
    PyObject *current_grouper; /* borrowed marker of the live _grouper */
} groupbyobject;

typedef struct {
    PyObject_HEAD
    PyObject *parent;       /* owned groupby */
    PyObject *key;          /* owned; the group's key */
} _grouperobject;

static PyTypeObject groupby_type, _grouper_type;

static PyObject *
groupby_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "key", NULL};
    PyObject *iterable, *key = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:groupby", kwlist,
                                     &iterable, &key)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    groupbyobject *self = (groupbyobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    self->it = it;
    self->keyfunc = Py_NewRef(key);
    self->target_key = NULL;
    self->current_key = NULL;
    self->current_value = NULL;
    self->current_grouper = NULL;
    return (PyObject *)self;
}

static int
groupby_traverse(PyObject *op, visitproc visit, void *arg)
{
    groupbyobject *self = (groupbyobject *)op;
    Py_VISIT(self->it);
    Py_VISIT(self->keyfunc);
    Py_VISIT(self->target_key);
    Py_VISIT(self->current_key);
    Py_VISIT(self->current_value);
    return 0;
}

static int
groupby_clear(PyObject *op)
{
    groupbyobject *self = (groupbyobject *)op;
    Py_CLEAR(self->it);
    Py_CLEAR(self->keyfunc);
    Py_CLEAR(self->target_key);
    Py_CLEAR(self->current_key);
    Py_CLEAR(self->current_value);
    return 0;
}

GC_DEALLOC(groupby)

/* Read the next item and its key into current_value/current_key.
   Returns 1, 0 at the end, -1 on error. */
static int
groupby_step(groupbyobject *self)
{
    PyObject *value = PyIter_Next(self->it);
    if (value == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    PyObject *key = self->keyfunc == Py_None
        ? Py_NewRef(value) : PyObject_CallOneArg(self->keyfunc, value);
    if (key == NULL) {
        Py_DECREF(value);
        return -1;
    }
    Py_XSETREF(self->current_value, value);
    Py_XSETREF(self->current_key, key);
    return 1;
}

static PyObject *
grouper_create(groupbyobject *parent, PyObject *key)
{
    _grouperobject *grouper = PyObject_GC_New(_grouperobject, &_grouper_type);
    if (grouper == NULL) {
        return NULL;
    }
    grouper->parent = Py_NewRef(parent);
    grouper->key = Py_NewRef(key);
    parent->current_grouper = (PyObject *)grouper;
    PyObject_GC_Track(grouper);
    return (PyObject *)grouper;
}

static PyObject *
groupby_next_locked(PyObject *op)
{
    groupbyobject *self = (groupbyobject *)op;
    self->current_grouper = NULL;   /* the old group ends here */
    /* Skip the rest of the group handed out last. */
    for (;;) {
        if (self->current_key == NULL) {
            int rc = groupby_step(self);
            if (rc <= 0) {
                return NULL;
            }
        }
        if (self->target_key == NULL) {
            break;
        }
        int same = PyObject_RichCompareBool(self->target_key,
                                            self->current_key, Py_EQ);
        if (same < 0) {
            return NULL;
        }
        if (!same) {
            break;
        }
        Py_CLEAR(self->current_key);
    }
    Py_XSETREF(self->target_key, Py_NewRef(self->current_key));
    PyObject *grouper = grouper_create(self, self->target_key);
    if (grouper == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, self->current_key, grouper);
    Py_DECREF(grouper);
    return result;
}

LOCKED_NEXT(groupby)
ITER_TYPE(groupby, "groupby", "groupby(iterable, key=None)\n--\n\n"
          "(key, group) pairs for runs of consecutive items with equal "
          "keys.")

static int
_grouper_traverse(PyObject *op, visitproc visit, void *arg)
{
    _grouperobject *self = (_grouperobject *)op;
    Py_VISIT(self->parent);
    Py_VISIT(self->key);
    return 0;
}

static int
_grouper_clear(PyObject *op)
{
    _grouperobject *self = (_grouperobject *)op;
    Py_CLEAR(self->parent);
    Py_CLEAR(self->key);
    return 0;
}

GC_DEALLOC(_grouper)

/* A group is live only while its parent has not moved on; the parent's
   critical section covers both. */
static PyObject *
grouper_next_in_parent(_grouperobject *self)
{
    groupbyobject *parent = (groupbyobject *)self->parent;
    if (parent->current_grouper != (PyObject *)self) {
        return NULL;
    }
    if (parent->current_value == NULL || parent->current_key == NULL) {
        if (groupby_step(parent) <= 0) {
            return NULL;
        }
    }
    int same = PyObject_RichCompareBool(self->key, parent->current_key, Py_EQ);
    if (same <= 0) {
        return NULL;
    }
    PyObject *value = parent->current_value;    /* reference moves */
    parent->current_value = NULL;
    Py_CLEAR(parent->current_key);
    return value;
}

static PyObject *
_grouper_next(PyObject *op)
{
    _grouperobject *self = (_grouperobject *)op;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self->parent);
    result = grouper_next_in_parent(self);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyTypeObject _grouper_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._grouper",
    .tp_basicsize = sizeof(_grouperobject),
    .tp_dealloc = _grouper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = _grouper_traverse,
    .tp_clear = _grouper_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = _grouper_next,
    .tp_free = PyObject_GC_Del,
};

/* ---- tee ------------------------------------------------------------- */

/* The values one tee family has read, in a singly linked list of chunks.
   Every _tee of the family holds a reference to the chunk it reads from,
   so chunks no one will read again are freed.  All chunk fields are
   protected by the critical section of the family's tee_state. */
#define TEE_CHUNK 57

typedef struct teechunk {
    PyObject_HEAD
    PyObject *values[TEE_CHUNK];    /* owned; the first `filled` are set */
    int filled;
    PyObject *next;                 /* owned chunk, or NULL */
} _tee_dataobject;

/* What a family shares: the source iterator and the newest chunk. */
typedef struct {
    PyObject_HEAD
    PyObject *it;           /* owned */
    PyObject *tail;         /* owned; the chunk being filled */
    int running;            /* guards against re-entrant reads */
} teestateobject;

typedef struct {
    PyObject_HEAD
    PyObject *state;        /* owned teestate */
    PyObject *chunk;        /* owned; where this iterator reads */
    int index;              /* next value in chunk */
    PyObject *weakreflist;
} _teeobject;

static PyTypeObject _tee_dataobject_type, teestate_type, _tee_type;

static PyObject *
teechunk_new(void)
{
    _tee_dataobject *chunk = PyObject_GC_New(_tee_dataobject,
                                             &_tee_dataobject_type);
    if (chunk == NULL) {
        return NULL;
    }
    chunk->filled = 0;
    chunk->next = NULL;
    PyObject_GC_Track(chunk);
    return (PyObject *)chunk;
}

static int
_tee_dataobject_traverse(PyObject *op, visitproc visit, void *arg)
{
    _tee_dataobject *chunk = (_tee_dataobject *)op;
    for (int i = 0; i < chunk->filled; i++) {
        Py_VISIT(chunk->values[i]);
    }
    Py_VISIT(chunk->next);
    return 0;
}

/* Frees the chain after this chunk iteratively: a long chain that only
   we reference would otherwise recurse once per chunk. */
static int
_tee_dataobject_clear(PyObject *op)
{
    _tee_dataobject *chunk = (_tee_dataobject *)op;
    int filled = chunk->filled;
    chunk->filled = 0;
    for (int i = 0; i < filled; i++) {
        Py_CLEAR(chunk->values[i]);
    }
    PyObject *next = chunk->next;
    chunk->next = NULL;
    while (next != NULL && Py_REFCNT(next) == 1) {
        _tee_dataobject *n = (_tee_dataobject *)next;
        PyObject *after = n->next;
        n->next = NULL;
        Py_DECREF(next);
        next = after;
    }
    Py_XDECREF(next);
    return 0;
}

GC_DEALLOC(_tee_dataobject)

static PyTypeObject _tee_dataobject_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(_tee_dataobject),
    .tp_dealloc = _tee_dataobject_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = _tee_dataobject_traverse,
    .tp_clear = _tee_dataobject_clear,
    .tp_free = PyObject_GC_Del,
};

static int
teestate_traverse(PyObject *op, visitproc visit, void *arg)
{
    teestateobject *self = (teestateobject *)op;
    Py_VISIT(self->it);
    Py_VISIT(self->tail);
    return 0;
}

static int
teestate_clear(PyObject *op)
{
    teestateobject *self = (teestateobject *)op;
    Py_CLEAR(self->it);
    Py_CLEAR(self->tail);
    return 0;
}

GC_DEALLOC(teestate)

static PyTypeObject teestate_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee_state",
    .tp_basicsize = sizeof(teestateobject),
    .tp_dealloc = teestate_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = teestate_traverse,
    .tp_clear = teestate_clear,
    .tp_free = PyObject_GC_Del,
};

/* A _tee reading a fresh family over iterable's iterator. */
static PyObject *
tee_from_iterable(PyTypeObject *type, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    teestateobject *state = PyObject_GC_New(teestateobject, &teestate_type);
    if (state == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    state->it = it;
    state->running = 0;
    state->tail = teechunk_new();
    PyObject_GC_Track(state);
    if (state->tail == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    _teeobject *self = (_teeobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    self->chunk = Py_NewRef(state->tail);
    self->state = (PyObject *)state;
    self->index = 0;
    self->weakreflist = NULL;
    return (PyObject *)self;
}

static PyObject *
tee_copy_locked(_teeobject *self)
{
    _teeobject *copy = (_teeobject *)_tee_type.tp_alloc(&_tee_type, 0);
    if (copy == NULL) {
        return NULL;
    }
    copy->state = Py_NewRef(self->state);
    copy->chunk = Py_NewRef(self->chunk);
    copy->index = self->index;
    copy->weakreflist = NULL;
    return (PyObject *)copy;
}

static PyObject *
_tee_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    _teeobject *self = (_teeobject *)op;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self->state);
    result = tee_copy_locked(self);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
_tee_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (no_keywords("_tee", type, &_tee_type, kwds) < 0
        || !PyArg_UnpackTuple(args, "_tee", 1, 1, &iterable)) {
        return NULL;
    }
    if (PyObject_TypeCheck(iterable, &_tee_type)) {
        return _tee_copy(iterable, NULL);
    }
    return tee_from_iterable(type, iterable);
}

static int
_tee_traverse(PyObject *op, visitproc visit, void *arg)
{
    _teeobject *self = (_teeobject *)op;
    Py_VISIT(self->state);
    Py_VISIT(self->chunk);
    return 0;
}

static int
_tee_clear(PyObject *op)
{
    _teeobject *self = (_teeobject *)op;
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    Py_CLEAR(self->chunk);
    Py_CLEAR(self->state);
    return 0;
}

GC_DEALLOC(_tee)

static PyObject *
tee_next_in_state(_teeobject *self)
{
    teestateobject *state = (teestateobject *)self->state;
    _tee_dataobject *chunk = (_tee_dataobject *)self->chunk;
    if (self->index == TEE_CHUNK) {
        /* This chunk is full and read: move to the next one, which the
           reader that filled this one created. */
        if (chunk->next == NULL) {
            chunk->next = teechunk_new();
            if (chunk->next == NULL) {
                return NULL;
            }
            Py_SETREF(state->tail, Py_NewRef(chunk->next));
        }
        Py_SETREF(self->chunk, Py_NewRef(chunk->next));
        chunk = (_tee_dataobject *)self->chunk;
        self->index = 0;
    }
    if (self->index < chunk->filled) {
        return Py_NewRef(chunk->values[self->index++]);
    }
    if (state->it == NULL) {
        return NULL;
    }
    if (state->running) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot re-enter the tee iterator");
        return NULL;
    }
    state->running = 1;
    PyObject *value = PyIter_Next(state->it);
    state->running = 0;
    if (value == NULL) {
        return NULL;
    }
    chunk->values[chunk->filled++] = Py_NewRef(value);
    self->index++;
    return value;
}

static PyObject *
_tee_next(PyObject *op)
{
    _teeobject *self = (_teeobject *)op;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self->state);
    result = tee_next_in_state(self);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyMethodDef _tee_methods[] = {
    {"__copy__", _tee_copy, METH_NOARGS,
     "__copy__($self, /)\n--\n\nAn independent iterator at the same place."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject _tee_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(_teeobject),
    .tp_dealloc = _tee_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "_tee(iterable, /)\n--\n\nIterator wrapped to make it copyable.",
    .tp_traverse = _tee_traverse,
    .tp_clear = _tee_clear,
    .tp_weaklistoffset = offsetof(_teeobject, weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = _tee_next,
    .tp_methods = _tee_methods,
    .tp_new = _tee_new,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
itertools_tee(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *iterable, *n_obj = NULL;
    Py_ssize_t n = 2;
    if (!PyArg_UnpackTuple(args, "tee", 1, 2, &iterable, &n_obj)) {
        return NULL;
    }
    if (n_obj != NULL) {
        n = PyNumber_AsSsize_t(n_obj, PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL || n == 0) {
        return result;
    }
    PyObject *first = PyObject_GetIter(iterable);
    if (first == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    /* An iterator that can copy itself is used as is; others are
       wrapped in a _tee, which can. */
    PyObject *copy_name = PyUnicode_InternFromString("__copy__");
    PyObject *method = NULL;
    if (copy_name == NULL
        || PyObject_GetOptionalAttr(first, copy_name, &method) < 0) {
        goto fail;
    }
    if (method == NULL) {
        PyObject *wrapped = tee_from_iterable(&_tee_type, first);
        Py_SETREF(first, wrapped);
        if (first == NULL) {
            goto fail;
        }
    }
    Py_XDECREF(method);
    PyTuple_SET_ITEM(result, 0, first);
    first = NULL;
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *copy = PyObject_CallMethodNoArgs(PyTuple_GET_ITEM(result, 0),
                                                   copy_name);
        if (copy == NULL) {
            goto fail;
        }
        PyTuple_SET_ITEM(result, i, copy);
    }
    Py_DECREF(copy_name);
    return result;
fail:
    Py_XDECREF(copy_name);
    Py_XDECREF(first);
    Py_DECREF(result);
    return NULL;
}

/* ---- product --------------------------------------------------------- */

/* The combinatoric iterators share a shape: a tuple of the pool(s), an
   array of indices, the last result, and a flag once exhausted. */
typedef struct {
    PyObject_HEAD
    PyObject *pools;        /* owned tuple of tuples (product) or a tuple */
    Py_ssize_t *indices;    /* PyMem; length depends on the iterator */
    Py_ssize_t *cycles;     /* PyMem; permutations only */
    Py_ssize_t r;
    PyObject *result;       /* owned last result, or NULL before first */
    int stopped;
} combiobject;

typedef combiobject productobject;
typedef combiobject permutationsobject;
typedef combiobject combinationsobject;
typedef combiobject cwrobject;

static int
combi_traverse(PyObject *op, visitproc visit, void *arg)
{
    combiobject *self = (combiobject *)op;
    Py_VISIT(self->pools);
    Py_VISIT(self->result);
    return 0;
}

static int
combi_clear(PyObject *op)
{
    combiobject *self = (combiobject *)op;
    Py_CLEAR(self->pools);
    Py_CLEAR(self->result);
    PyMem_Free(self->indices);
    self->indices = NULL;
    PyMem_Free(self->cycles);
    self->cycles = NULL;
    return 0;
}

GC_DEALLOC(combi)

static combiobject *
combi_alloc(PyTypeObject *type, PyObject *pools, Py_ssize_t r,
            Py_ssize_t n_indices, int want_cycles)
{
    combiobject *self = (combiobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(pools);
        return NULL;
    }
    self->pools = pools;
    self->r = r;
    self->result = NULL;
    self->stopped = 0;
    self->cycles = NULL;
    self->indices = PyMem_Calloc(n_indices ? n_indices : 1,
                                 sizeof(Py_ssize_t));
    if (want_cycles) {
        self->cycles = PyMem_Calloc(r ? r : 1, sizeof(Py_ssize_t));
    }
    if (self->indices == NULL || (want_cycles && self->cycles == NULL)) {
        Py_DECREF(self);
        PyErr_NoMemory();
        return NULL;
    }
    return self;
}

/* A new result tuple: the previous one, if we are its only owner, is
   reused as CPython does; otherwise a copy.  The uniqueness test is the
   one that is exact in the free-threaded build, where another thread's
   references may sit in the shared count. */
static PyObject *
fresh_result(combiobject *self)
{
    if (_PyObject_IsUniquelyReferenced(self->result)) {
        return self->result;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(self->result);
    PyObject *copy = PyTuple_New(n);
    if (copy == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(copy, i,
                         Py_NewRef(PyTuple_GET_ITEM(self->result, i)));
    }
    Py_SETREF(self->result, copy);
    return copy;
}

static void
set_result_item(PyObject *result, Py_ssize_t i, PyObject *value)
{
    PyObject *old = PyTuple_GET_ITEM(result, i);
    PyTuple_SET_ITEM(result, i, Py_NewRef(value));
    Py_XDECREF(old);
}

static PyTypeObject product_type;

static PyObject *
product_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t repeat = 1;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *value = PyDict_GetItemString(kwds, "repeat");
        if (value == NULL || PyDict_GET_SIZE(kwds) > 1) {
            return invalid_keyword("product", kwds, "repeat");
        }
        repeat = PyNumber_AsSsize_t(value, PyExc_OverflowError);
        if (repeat == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (repeat < 0) {
            PyErr_SetString(PyExc_ValueError,
                            "repeat argument cannot be negative");
            return NULL;
        }
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (repeat && nargs > PY_SSIZE_T_MAX / 8 / repeat) {
        PyErr_SetString(PyExc_OverflowError, "repeat argument too large");
        return NULL;
    }
    Py_ssize_t n = nargs * repeat;
    PyObject *pools = PyTuple_New(n);
    if (pools == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *pool = PySequence_Tuple(PyTuple_GET_ITEM(args, i));
        if (pool == NULL) {
            Py_DECREF(pools);
            return NULL;
        }
        for (Py_ssize_t j = 0; j < repeat; j++) {
            PyTuple_SET_ITEM(pools, i + j * nargs, Py_NewRef(pool));
        }
        Py_DECREF(pool);
    }
    return (PyObject *)combi_alloc(type, pools, n, n, 0);
}

static PyObject *
product_next_locked(PyObject *op)
{
    combiobject *self = (combiobject *)op;
    if (self->stopped) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(self->pools);
    if (self->result == NULL) {
        PyObject *result = PyTuple_New(n);
        if (result == NULL) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *pool = PyTuple_GET_ITEM(self->pools, i);
            if (PyTuple_GET_SIZE(pool) == 0) {
                Py_DECREF(result);
                self->stopped = 1;
                return NULL;
            }
            PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, 0)));
        }
        self->result = result;
        return Py_NewRef(result);
    }
    PyObject *result = fresh_result(self);
    if (result == NULL) {
        return NULL;
    }
    /* Advance like an odometer: the rightmost index that can move moves,
       and every index to its right wraps to 0. */
    Py_ssize_t i = n - 1;
    for (; i >= 0; i--) {
        PyObject *pool = PyTuple_GET_ITEM(self->pools, i);
        if (++self->indices[i] < PyTuple_GET_SIZE(pool)) {
            set_result_item(result, i,
                            PyTuple_GET_ITEM(pool, self->indices[i]));
            break;
        }
        self->indices[i] = 0;
        set_result_item(result, i, PyTuple_GET_ITEM(pool, 0));
    }
    if (i < 0) {
        self->stopped = 1;
        return NULL;
    }
    return Py_NewRef(result);
}

#define product_dealloc combi_dealloc
#define product_traverse combi_traverse
#define product_clear combi_clear
LOCKED_NEXT(product)
ITER_TYPE(product, "product", "product(*iterables, repeat=1)\n--\n\n"
          "Cartesian product of the iterables, as tuples in lexicographic "
          "order.")

/* ---- combinations, combinations_with_replacement, permutations -------- */

static PyObject *
pool_and_r(PyObject *args, PyObject *kwds, const char *format,
           Py_ssize_t *r, int r_optional)
{
    static char *kwlist[] = {"iterable", "r", NULL};
    PyObject *iterable, *r_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, format, kwlist,
                                     &iterable, &r_obj)) {
        return NULL;
    }
    PyObject *pool = PySequence_Tuple(iterable);
    if (pool == NULL) {
        return NULL;
    }
    if (r_optional && r_obj == Py_None) {
        *r = PyTuple_GET_SIZE(pool);
        return pool;
    }
    *r = PyNumber_AsSsize_t(r_obj, PyExc_OverflowError);
    if (*r == -1 && PyErr_Occurred()) {
        Py_DECREF(pool);
        return NULL;
    }
    if (*r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        Py_DECREF(pool);
        return NULL;
    }
    return pool;
}

static PyTypeObject combinations_type, cwr_type, permutations_type;

static PyObject *
combinations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t r;
    PyObject *pool = pool_and_r(args, kwds, "OO:combinations", &r, 0);
    if (pool == NULL) {
        return NULL;
    }
    combiobject *self = combi_alloc(type, pool, r, r, 0);
    if (self != NULL) {
        for (Py_ssize_t i = 0; i < r; i++) {
            self->indices[i] = i;
        }
        self->stopped = r > PyTuple_GET_SIZE(pool);
    }
    return (PyObject *)self;
}

/* The first result: pool items at the current indices. */
static PyObject *
first_result(combiobject *self)
{
    PyObject *result = PyTuple_New(self->r);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < self->r; i++) {
        PyTuple_SET_ITEM(result, i, Py_NewRef(
            PyTuple_GET_ITEM(self->pools, self->indices[i])));
    }
    self->result = result;
    return Py_NewRef(result);
}

static PyObject *
combinations_next_locked(PyObject *op)
{
    combiobject *self = (combiobject *)op;
    if (self->stopped) {
        return NULL;
    }
    if (self->result == NULL) {
        return first_result(self);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(self->pools), r = self->r;
    /* The rightmost index not at its maximum (n - r + i) moves up one;
       the ones after it follow consecutively. */
    Py_ssize_t i = r - 1;
    while (i >= 0 && self->indices[i] == i + n - r) {
        i--;
    }
    if (i < 0) {
        self->stopped = 1;
        return NULL;
    }
    PyObject *result = fresh_result(self);
    if (result == NULL) {
        return NULL;
    }
    self->indices[i]++;
    for (Py_ssize_t j = i + 1; j < r; j++) {
        self->indices[j] = self->indices[j - 1] + 1;
    }
    for (Py_ssize_t j = i; j < r; j++) {
        set_result_item(result, j,
                        PyTuple_GET_ITEM(self->pools, self->indices[j]));
    }
    return Py_NewRef(result);
}

#define combinations_dealloc combi_dealloc
#define combinations_traverse combi_traverse
#define combinations_clear combi_clear
LOCKED_NEXT(combinations)
ITER_TYPE(combinations, "combinations",
          "combinations(iterable, r)\n--\n\n"
          "r-length tuples of items of iterable, in sorted order, without "
          "repeated elements.")

static PyObject *
cwr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t r;
    PyObject *pool = pool_and_r(args, kwds,
                                "OO:combinations_with_replacement", &r, 0);
    if (pool == NULL) {
        return NULL;
    }
    combiobject *self = combi_alloc(type, pool, r, r, 0);
    if (self != NULL) {
        self->stopped = PyTuple_GET_SIZE(pool) == 0 && r > 0;
    }
    return (PyObject *)self;
}

static PyObject *
cwr_next_locked(PyObject *op)
{
    combiobject *self = (combiobject *)op;
    if (self->stopped) {
        return NULL;
    }
    if (self->result == NULL) {
        return first_result(self);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(self->pools), r = self->r;
    Py_ssize_t i = r - 1;
    while (i >= 0 && self->indices[i] == n - 1) {
        i--;
    }
    if (i < 0) {
        self->stopped = 1;
        return NULL;
    }
    PyObject *result = fresh_result(self);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t value = self->indices[i] + 1;
    for (Py_ssize_t j = i; j < r; j++) {
        self->indices[j] = value;
        set_result_item(result, j, PyTuple_GET_ITEM(self->pools, value));
    }
    return Py_NewRef(result);
}

#define cwr_dealloc combi_dealloc
#define cwr_traverse combi_traverse
#define cwr_clear combi_clear
LOCKED_NEXT(cwr)

static PyTypeObject cwr_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools.combinations_with_replacement",
    .tp_basicsize = sizeof(combiobject),
    .tp_dealloc = combi_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "combinations_with_replacement(iterable, r)\n--\n\n"
              "r-length tuples of items of iterable, in sorted order, "
              "items may repeat.",
    .tp_traverse = combi_traverse,
    .tp_clear = combi_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = cwr_next,
    .tp_new = cwr_new,
    .tp_free = PyObject_GC_Del,
};

static PyObject *
permutations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t r;
    PyObject *pool = pool_and_r(args, kwds, "O|O:permutations", &r, 1);
    if (pool == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    combiobject *self = combi_alloc(type, pool, r, n, 1);
    if (self != NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            self->indices[i] = i;
        }
        for (Py_ssize_t i = 0; i < r && i < n; i++) {
            self->cycles[i] = n - i;
        }
        self->stopped = r > n;
    }
    return (PyObject *)self;
}

/* indices holds a permutation of range(n) whose first r entries are the
   result; cycles[i] counts how many more values position i takes before
   it resets (the classic rotation algorithm). */
static PyObject *
permutations_next_locked(PyObject *op)
{
    combiobject *self = (combiobject *)op;
    if (self->stopped) {
        return NULL;
    }
    if (self->result == NULL) {
        return first_result(self);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(self->pools), r = self->r;
    Py_ssize_t *ix = self->indices;
    Py_ssize_t i = r - 1;
    for (; i >= 0; i--) {
        if (--self->cycles[i] == 0) {
            /* rotate ix[i:] left by one */
            Py_ssize_t first = ix[i];
            memmove(&ix[i], &ix[i + 1], (n - i - 1) * sizeof(Py_ssize_t));
            ix[n - 1] = first;
            self->cycles[i] = n - i;
        }
        else {
            Py_ssize_t j = n - self->cycles[i];
            Py_ssize_t t = ix[i]; ix[i] = ix[j]; ix[j] = t;
            break;
        }
    }
    if (i < 0) {
        self->stopped = 1;
        return NULL;
    }
    PyObject *result = fresh_result(self);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = i; k < r; k++) {
        set_result_item(result, k, PyTuple_GET_ITEM(self->pools, ix[k]));
    }
    return Py_NewRef(result);
}

#define permutations_dealloc combi_dealloc
#define permutations_traverse combi_traverse
#define permutations_clear combi_clear
LOCKED_NEXT(permutations)
ITER_TYPE(permutations, "permutations",
          "permutations(iterable, r=None)\n--\n\n"
          "r-length tuples of items of iterable in every order, without "
          "repeated elements.")

/* ---- module ---------------------------------------------------------- */

static PyMethodDef itertools_methods[] = {
    {"tee", itertools_tee, METH_VARARGS,
     "tee($module, iterable, n=2, /)\n--\n\n"
     "n independent iterators over the items of iterable."},
    {NULL, NULL, 0, NULL},
};

static int
itertools_exec(PyObject *module)
{
    PyTypeObject *public_types[] = {
        &accumulate_type, &batched_type, &chain_type, &combinations_type,
        &cwr_type, &compress_type, &count_type, &cycle_type,
        &dropwhile_type, &filterfalse_type, &groupby_type, &islice_type,
        &pairwise_type, &permutations_type, &product_type, &repeat_type,
        &starmap_type, &takewhile_type, &zip_longest_type, &_grouper_type,
        &_tee_type, &_tee_dataobject_type,
    };
    if (PyType_Ready(&teestate_type) < 0) {
        return -1;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(public_types); i++) {
        PyTypeObject *type = public_types[i];
        if (PyType_Ready(type) < 0) {
            return -1;
        }
        const char *name = strrchr(type->tp_name, '.') + 1;
        if (PyModule_AddObjectRef(module, name, (PyObject *)type) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyModuleDef_Slot itertools_slots[] = {
    {Py_mod_exec, itertools_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef itertools_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "itertools",
    .m_doc = "Iterator building blocks: infinite, terminating on the "
             "shortest input, and combinatoric.",
    .m_size = 0,
    .m_methods = itertools_methods,
    .m_slots = itertools_slots,
};

PyMODINIT_FUNC
PyInit_itertools(void)
{
    return PyModuleDef_Init(&itertools_module);
}
