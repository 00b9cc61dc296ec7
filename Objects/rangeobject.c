/* range objects and their iterators.

   A range stores its bounds as ints of any size, plus its length
   computed once at creation, so len(), `in` (for ints), index() and
   slicing are O(1) whatever the magnitudes.  Iteration has two forms: a
   fast iterator on C longs when every value fits, and a general one on
   ints.

   A range is immutable, so it needs no lock in the free-threaded build.
   The fast iterator holds only C integers, updated with relaxed atomics:
   threads sharing one may see a value twice but cannot crash.  The int
   iterator swaps object references, so it takes its own critical
   section. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_abstract.h"
#include "pycore_long.h"
#include "pycore_range.h"
#include "pycore_slice.h"
#include "pycore_tuple.h"

/* All four fields are exact ints; step is never 0 and length >= 0. */
typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
    PyObject *step;
    PyObject *length;
} rangeobject;

/* ---- length arithmetic -------------------------------------------------- */

/* Number of items of range(lo, hi, step) on C longs, as an unsigned long
   (the count can exceed LONG_MAX).  Unsigned arithmetic keeps every
   intermediate value defined. */
static unsigned long
long_range_length(long lo, long hi, long step)
{
    if (step > 0 && lo < hi) {
        return 1 + ((unsigned long)hi - 1 - (unsigned long)lo)
                   / (unsigned long)step;
    }
    if (step < 0 && lo > hi) {
        return 1 + ((unsigned long)lo - 1 - (unsigned long)hi)
                   / (0UL - (unsigned long)step);
    }
    return 0;
}

/* len(range(start, stop, step)) as an int, for ints of any size. */
static PyObject *
compute_range_length(PyObject *start, PyObject *stop, PyObject *step)
{
    int overflow = 0;
    long lstart = PyLong_AsLongAndOverflow(start, &overflow);
    long lstop = overflow ? 0 : PyLong_AsLongAndOverflow(stop, &overflow);
    long lstep = overflow ? 0 : PyLong_AsLongAndOverflow(step, &overflow);
    if (!overflow) {
        if ((lstart == -1 || lstop == -1 || lstep == -1) && PyErr_Occurred()) {
            return NULL;
        }
        return PyLong_FromUnsignedLong(long_range_length(lstart, lstop, lstep));
    }
    /* Big values: (hi - lo - 1) // |step| + 1 when lo < hi, else 0. */
    PyObject *lo, *hi, *abs_step;
    if (_PyLong_Sign(step) > 0) {
        lo = start;
        hi = stop;
        abs_step = Py_NewRef(step);
    }
    else {
        lo = stop;
        hi = start;
        abs_step = PyNumber_Negative(step);
        if (abs_step == NULL) {
            return NULL;
        }
    }
    int empty = PyObject_RichCompareBool(lo, hi, Py_GE);
    if (empty != 0) {
        Py_DECREF(abs_step);
        return empty < 0 ? NULL : PyLong_FromLong(0);
    }
    PyObject *diff = PyNumber_Subtract(hi, lo);
    PyObject *result = NULL;
    if (diff != NULL) {
        PyObject *tmp = PyNumber_Subtract(diff, _PyLong_GetOne());
        Py_DECREF(diff);
        if (tmp != NULL) {
            PyObject *quot = PyNumber_FloorDivide(tmp, abs_step);
            Py_DECREF(tmp);
            if (quot != NULL) {
                result = PyNumber_Add(quot, _PyLong_GetOne());
                Py_DECREF(quot);
            }
        }
    }
    Py_DECREF(abs_step);
    return result;
}

/* start + i * step for an int i, with a C fast path. */
static PyObject *
compute_item(rangeobject *r, PyObject *i)
{
    int overflow = 0;
    long li = PyLong_AsLongAndOverflow(i, &overflow);
    long ls = overflow ? 0 : PyLong_AsLongAndOverflow(r->start, &overflow);
    long lst = overflow ? 0 : PyLong_AsLongAndOverflow(r->step, &overflow);
    long product, sum;
    if (!overflow && !PyErr_Occurred()
        && !__builtin_mul_overflow(li, lst, &product)
        && !__builtin_add_overflow(ls, product, &sum)) {
        return PyLong_FromLong(sum);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyObject *offset = PyNumber_Multiply(i, r->step);
    if (offset == NULL) {
        return NULL;
    }
    PyObject *result = PyNumber_Add(r->start, offset);
    Py_DECREF(offset);
    return result;
}

/* ---- creation ----------------------------------------------------------- */

/* Takes over the three references (also on failure). */
static PyObject *
make_range(PyObject *start, PyObject *stop, PyObject *step)
{
    PyObject *length = compute_range_length(start, stop, step);
    if (length == NULL) {
        goto fail;
    }
    rangeobject *r = PyObject_New(rangeobject, &PyRange_Type);
    if (r == NULL) {
        Py_DECREF(length);
        goto fail;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return (PyObject *)r;

fail:
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(step);
    return NULL;
}

/* range(stop) or range(start, stop[, step]) */
static PyObject *
range_from_args(PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError,
                     nargs < 1 ? "range expected at least 1 argument, got %zd"
                               : "range expected at most 3 arguments, got %zd",
                     nargs);
        return NULL;
    }
    PyObject *start, *stop, *step;
    if (nargs == 1) {
        stop = PyNumber_Index(args[0]);
        if (stop == NULL) {
            return NULL;
        }
        return make_range(Py_NewRef(_PyLong_GetZero()), stop,
                          Py_NewRef(_PyLong_GetOne()));
    }
    start = PyNumber_Index(args[0]);
    if (start == NULL) {
        return NULL;
    }
    stop = PyNumber_Index(args[1]);
    if (stop == NULL) {
        Py_DECREF(start);
        return NULL;
    }
    step = nargs == 3 ? PyNumber_Index(args[2]) : Py_NewRef(_PyLong_GetOne());
    if (step == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        return NULL;
    }
    if (_PyLong_Sign(step) == 0) {
        PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        return NULL;
    }
    return make_range(start, stop, step);
}

static PyObject *
range_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwargs)
{
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    return range_from_args(_PyTuple_ITEMS(args), PyTuple_GET_SIZE(args));
}

static PyObject *
range_vectorcall(PyObject *Py_UNUSED(type), PyObject *const *args,
                 size_t nargsf, PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    return range_from_args(args, PyVectorcall_NARGS(nargsf));
}

static void
range_dealloc(PyObject *op)
{
    rangeobject *r = (rangeobject *)op;
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    Py_DECREF(r->step);
    Py_DECREF(r->length);
    PyObject_Free(r);
}

/* ---- sequence behaviour ------------------------------------------------- */

/* OverflowError when the length does not fit a Py_ssize_t. */
static Py_ssize_t
range_length(PyObject *op)
{
    return PyLong_AsSsize_t(((rangeobject *)op)->length);
}

static int
range_bool(PyObject *op)
{
    return _PyLong_Sign(((rangeobject *)op)->length) != 0;
}

/* r[i] for an int i already known to be non-negative or to be used as
   is (no wrap-around): IndexError unless 0 <= i < len(r). */
static PyObject *
range_item_checked(rangeobject *r, PyObject *i)
{
    int in_range = _PyLong_Sign(i) >= 0;
    if (in_range) {
        in_range = PyObject_RichCompareBool(i, r->length, Py_LT);
        if (in_range < 0) {
            return NULL;
        }
    }
    if (!in_range) {
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
        return NULL;
    }
    return compute_item(r, i);
}

static PyObject *
range_item(PyObject *op, Py_ssize_t i)
{
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return NULL;
    }
    PyObject *result = range_item_checked((rangeobject *)op, index);
    Py_DECREF(index);
    return result;
}

/* r[slice]: the items picked by the slice form another range. */
static PyObject *
range_slice(rangeobject *r, PyObject *slice)
{
    PyObject *start, *stop, *step;
    if (_PySlice_GetLongIndices((PySliceObject *)slice, r->length,
                                &start, &stop, &step) < 0) {
        return NULL;
    }
    PyObject *substart = compute_item(r, start);
    PyObject *substop = substart ? compute_item(r, stop) : NULL;
    PyObject *substep = substop ? PyNumber_Multiply(step, r->step) : NULL;
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(step);
    if (substep == NULL) {
        Py_XDECREF(substart);
        Py_XDECREF(substop);
        return NULL;
    }
    return make_range(substart, substop, substep);
}

static PyObject *
range_subscript(PyObject *op, PyObject *item)
{
    rangeobject *r = (rangeobject *)op;
    if (_PyIndex_Check(item)) {
        PyObject *i = PyNumber_Index(item);
        if (i == NULL) {
            return NULL;
        }
        if (_PyLong_Sign(i) < 0) {
            Py_SETREF(i, PyNumber_Add(i, r->length));
            if (i == NULL) {
                return NULL;
            }
        }
        PyObject *result = range_item_checked(r, i);
        Py_DECREF(i);
        return result;
    }
    if (PySlice_Check(item)) {
        return range_slice(r, item);
    }
    PyErr_Format(PyExc_TypeError,
                 "range indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* Is the int ob one of r's values?  O(1): a bounds check and a
   divisibility test.  1, 0 or -1. */
static int
range_contains_long(rangeobject *r, PyObject *ob)
{
    int step_positive = _PyLong_Sign(r->step) > 0;
    int low_ok, high_ok;
    if (step_positive) {
        low_ok = PyObject_RichCompareBool(r->start, ob, Py_LE);
        high_ok = low_ok > 0 ? PyObject_RichCompareBool(ob, r->stop, Py_LT)
                             : low_ok;
    }
    else {
        low_ok = PyObject_RichCompareBool(ob, r->start, Py_LE);
        high_ok = low_ok > 0 ? PyObject_RichCompareBool(r->stop, ob, Py_LT)
                             : low_ok;
    }
    if (high_ok <= 0) {
        return high_ok;
    }
    PyObject *offset = PyNumber_Subtract(ob, r->start);
    if (offset == NULL) {
        return -1;
    }
    PyObject *rem = PyNumber_Remainder(offset, r->step);
    Py_DECREF(offset);
    if (rem == NULL) {
        return -1;
    }
    int result = _PyLong_Sign(rem) == 0;
    Py_DECREF(rem);
    return result;
}

/* ints (and bools) are tested arithmetically; anything else may compare
   equal to an int in its own way, so it is searched for. */
static inline int
is_plain_int(PyObject *ob)
{
    return PyLong_CheckExact(ob) || PyBool_Check(ob);
}

static int
range_contains(PyObject *op, PyObject *ob)
{
    if (is_plain_int(ob)) {
        return range_contains_long((rangeobject *)op, ob);
    }
    return (int)_PySequence_IterSearch(op, ob, PY_ITERSEARCH_CONTAINS);
}

static PyObject *
range_count(PyObject *op, PyObject *ob)
{
    if (is_plain_int(ob)) {
        int found = range_contains_long((rangeobject *)op, ob);
        return found < 0 ? NULL : PyLong_FromLong(found);
    }
    Py_ssize_t count = _PySequence_IterSearch(op, ob, PY_ITERSEARCH_COUNT);
    return count < 0 ? NULL : PyLong_FromSsize_t(count);
}

static PyObject *
range_index(PyObject *op, PyObject *ob)
{
    rangeobject *r = (rangeobject *)op;
    if (!is_plain_int(ob)) {
        Py_ssize_t index = _PySequence_IterSearch(op, ob, PY_ITERSEARCH_INDEX);
        return index < 0 ? NULL : PyLong_FromSsize_t(index);
    }
    int found = range_contains_long(r, ob);
    if (found <= 0) {
        if (found == 0) {
            PyErr_Format(PyExc_ValueError, "%R is not in range", ob);
        }
        return NULL;
    }
    PyObject *offset = PyNumber_Subtract(ob, r->start);
    if (offset == NULL) {
        return NULL;
    }
    PyObject *result = PyNumber_FloorDivide(offset, r->step);
    Py_DECREF(offset);
    return result;
}

/* ---- comparison, hash, repr --------------------------------------------- */

/* Ranges are equal when they produce the same sequence of values. */
static int
range_equals(rangeobject *a, rangeobject *b)
{
    if (a == b) {
        return 1;
    }
    int cmp = PyObject_RichCompareBool(a->length, b->length, Py_EQ);
    if (cmp <= 0) {
        return cmp;
    }
    if (_PyLong_Sign(a->length) == 0) {
        return 1;
    }
    cmp = PyObject_RichCompareBool(a->start, b->start, Py_EQ);
    if (cmp <= 0) {
        return cmp;
    }
    cmp = PyObject_RichCompareBool(a->length, _PyLong_GetOne(), Py_EQ);
    if (cmp != 0) {
        return cmp;  /* one item each, and it is the same */
    }
    return PyObject_RichCompareBool(a->step, b->step, Py_EQ);
}

static PyObject *
range_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyRange_Check(a) || !PyRange_Check(b)
        || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int eq = range_equals((rangeobject *)a, (rangeobject *)b);
    if (eq < 0) {
        return NULL;
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

/* Consistent with range_equals: only the values produced matter, so the
   hash covers (len, first, step) with the parts an equal range may
   differ in replaced by None. */
static Py_hash_t
range_hash(PyObject *op)
{
    rangeobject *r = (rangeobject *)op;
    PyObject *parts[3] = {r->length, Py_None, Py_None};
    if (_PyLong_Sign(r->length) != 0) {
        parts[1] = r->start;
        int single = PyObject_RichCompareBool(r->length, _PyLong_GetOne(),
                                              Py_EQ);
        if (single < 0) {
            return -1;
        }
        if (!single) {
            parts[2] = r->step;
        }
    }
    return _PyTuple_HashItems(parts, 3);
}

static PyObject *
range_repr(PyObject *op)
{
    rangeobject *r = (rangeobject *)op;
    int step_is_one = PyObject_RichCompareBool(r->step, _PyLong_GetOne(),
                                               Py_EQ);
    if (step_is_one < 0) {
        return NULL;
    }
    if (step_is_one) {
        return PyUnicode_FromFormat("range(%R, %R)", r->start, r->stop);
    }
    return PyUnicode_FromFormat("range(%R, %R, %R)",
                                r->start, r->stop, r->step);
}

static PyObject *
range_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    rangeobject *r = (rangeobject *)op;
    PyObject *args = PyTuple_Pack(3, r->start, r->stop, r->step);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, (PyObject *)Py_TYPE(op), args);
    Py_DECREF(args);
    return result;
}

/* Pickle an iterator as iter(range(start, start + len*step, step)): the
   values it has left.  The arguments are borrowed. */
static PyObject *
reduce_remaining(PyObject *start, PyObject *step, PyObject *len)
{
    PyObject *span = PyNumber_Multiply(len, step);
    if (span == NULL) {
        return NULL;
    }
    PyObject *stop = PyNumber_Add(start, span);
    Py_DECREF(span);
    if (stop == NULL) {
        return NULL;
    }
    PyObject *range = PyObject_CallFunctionObjArgs((PyObject *)&PyRange_Type,
                                                   start, stop, step, NULL);
    Py_DECREF(stop);
    if (range == NULL) {
        return NULL;
    }
    PyObject *iter = _PyIter_Builtin("iter");
    if (iter == NULL) {
        Py_DECREF(range);
        return NULL;
    }
    PyObject *result = _PyIter_ReduceIndexed(iter, range, 0);
    Py_DECREF(range);
    return result;
}

/* ---- the fast iterator (C longs) ---------------------------------------- */

/* spec (session 6): the layout is in pycore_range.h for FOR_ITER_RANGE. */
typedef _PyRangeIterObject rangeiterobject;

static inline long
load_long(long *p)
{
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(p, __ATOMIC_RELAXED);
#else
    return *p;
#endif
}

static inline void
store_long(long *p, long value)
{
#ifdef Py_GIL_DISABLED
    __atomic_store_n(p, value, __ATOMIC_RELAXED);
#else
    *p = value;
#endif
}

static PyObject *
make_rangeiter(long start, long step, long len)
{
    rangeiterobject *it = PyObject_New(rangeiterobject, &PyRangeIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->start = start;
    it->step = step;
    it->len = len;
    return (PyObject *)it;
}

static void
rangeiter_dealloc(PyObject *op)
{
    PyObject_Free(op);
}

static PyObject *
rangeiter_next(PyObject *op)
{
    rangeiterobject *it = (rangeiterobject *)op;
    long len = load_long(&it->len);
    if (len <= 0) {
        return NULL;
    }
    long value = load_long(&it->start);
    /* The step past the last value may leave the range of long: wrap
       it harmlessly in unsigned arithmetic, it is never returned. */
    store_long(&it->start,
               (long)((unsigned long)value + (unsigned long)it->step));
    store_long(&it->len, len - 1);
    return PyLong_FromLong(value);
}

static PyObject *
rangeiter_length_hint(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    long len = load_long(&((rangeiterobject *)op)->len);
    return PyLong_FromLong(len > 0 ? len : 0);
}

/* The fields are read atomically; a racing next() may make the snapshot
   one value stale, as it would be a moment later anyway. */
static PyObject *
rangeiter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    rangeiterobject *it = (rangeiterobject *)op;
    long len = load_long(&it->len);
    PyObject *start = PyLong_FromLong(load_long(&it->start));
    PyObject *step = PyLong_FromLong(it->step);
    PyObject *count = PyLong_FromLong(len > 0 ? len : 0);
    PyObject *result = NULL;
    if (start != NULL && step != NULL && count != NULL) {
        result = reduce_remaining(start, step, count);
    }
    Py_XDECREF(start);
    Py_XDECREF(step);
    Py_XDECREF(count);
    return result;
}

/* Skip the first `state` values (clamped to what is left). */
static PyObject *
rangeiter_setstate(PyObject *op, PyObject *state)
{
    rangeiterobject *it = (rangeiterobject *)op;
    long len = load_long(&it->len);
    Py_ssize_t skip;
    if (_PyIter_StateIndex(state, 0, len > 0 ? len : 0, &skip) < 0) {
        return NULL;
    }
    unsigned long start = (unsigned long)load_long(&it->start);
    store_long(&it->start, (long)(start + (unsigned long)skip
                                          * (unsigned long)it->step));
    store_long(&it->len, len - (long)skip);
    Py_RETURN_NONE;
}

static PyMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", rangeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", rangeiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyRangeIter_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiterobject),
    .tp_dealloc = rangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
    .tp_free = PyObject_Free,
};

/* ---- the general iterator (ints of any size) ---------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *start;   /* the next value */
    PyObject *step;
    PyObject *len;     /* values left */
} longrangeiterobject;

/* Takes over the three references (also on failure). */
static PyObject *
make_longrangeiter(PyObject *start, PyObject *step, PyObject *len)
{
    longrangeiterobject *it = PyObject_New(longrangeiterobject,
                                           &PyLongRangeIter_Type);
    if (it == NULL) {
        Py_DECREF(start);
        Py_DECREF(step);
        Py_DECREF(len);
        return NULL;
    }
    it->start = start;
    it->step = step;
    it->len = len;
    return (PyObject *)it;
}

static void
longrangeiter_dealloc(PyObject *op)
{
    longrangeiterobject *it = (longrangeiterobject *)op;
    Py_XDECREF(it->start);
    Py_XDECREF(it->step);
    Py_XDECREF(it->len);
    PyObject_Free(it);
}

static PyObject *
longrangeiter_next(PyObject *op)
{
    longrangeiterobject *it = (longrangeiterobject *)op;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(it);
    if (_PyLong_Sign(it->len) > 0) {
        PyObject *next_start = PyNumber_Add(it->start, it->step);
        PyObject *next_len = next_start
                             ? PyNumber_Subtract(it->len, _PyLong_GetOne())
                             : NULL;
        if (next_len == NULL) {
            Py_XDECREF(next_start);
        }
        else {
            /* The iterator's reference to the old start moves to the
               caller. */
            result = it->start;
            it->start = next_start;
            Py_SETREF(it->len, next_len);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
longrangeiter_length_hint(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *len;
    Py_BEGIN_CRITICAL_SECTION(op);
    len = Py_NewRef(((longrangeiterobject *)op)->len);
    Py_END_CRITICAL_SECTION();
    return len;
}

/* The fields are replaced under the iterator's critical section. */
static PyObject *
longrangeiter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    longrangeiterobject *it = (longrangeiterobject *)op;
    PyObject *start, *step, *len;
    Py_BEGIN_CRITICAL_SECTION(op);
    start = Py_NewRef(it->start);
    step = Py_NewRef(it->step);
    len = Py_NewRef(it->len);
    Py_END_CRITICAL_SECTION();
    PyObject *result;
    if (_PyLong_Sign(len) < 0) {
        Py_SETREF(len, PyLong_FromLong(0));
    }
    result = len == NULL ? NULL : reduce_remaining(start, step, len);
    Py_DECREF(start);
    Py_DECREF(step);
    Py_XDECREF(len);
    return result;
}

/* Skip the first `state` values, clamped to 0..len as CPython does.
   state is borrowed; the fields are replaced under the iterator's
   critical section, where next() replaces them too. */
static PyObject *
longrangeiter_setstate(PyObject *op, PyObject *state)
{
    longrangeiterobject *it = (longrangeiterobject *)op;
    PyObject *skip = PyNumber_Index(state);
    if (skip == NULL) {
        return NULL;
    }
    if (_PyLong_Sign(skip) < 0) {
        Py_SETREF(skip, PyLong_FromLong(0));
    }
    int failed = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    int beyond = PyObject_RichCompareBool(skip, it->len, Py_GT);
    if (beyond > 0) {
        Py_SETREF(skip, Py_NewRef(it->len));
    }
    PyObject *span = beyond < 0 ? NULL : PyNumber_Multiply(skip, it->step);
    PyObject *start = span ? PyNumber_Add(it->start, span) : NULL;
    PyObject *len = start ? PyNumber_Subtract(it->len, skip) : NULL;
    Py_XDECREF(span);
    if (len == NULL) {
        Py_XDECREF(start);
        failed = 1;
    }
    else {
        Py_SETREF(it->start, start);
        Py_SETREF(it->len, len);
    }
    Py_END_CRITICAL_SECTION();
    Py_DECREF(skip);
    if (failed) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", longrangeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", longrangeiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyLongRangeIter_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrangeiterobject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
    .tp_free = PyObject_Free,
};

/* ---- choosing an iterator ----------------------------------------------- */

/* Iterate from `first` by `step` for `len` values (all new references,
   consumed), with the fast iterator when every value fits a C long. */
static PyObject *
iter_from(PyObject *first, PyObject *step, PyObject *len)
{
    int overflow = 0;
    long lfirst = PyLong_AsLongAndOverflow(first, &overflow);
    long lstep = overflow ? 0 : PyLong_AsLongAndOverflow(step, &overflow);
    long llen = overflow ? 0 : PyLong_AsLongAndOverflow(len, &overflow);
    if (PyErr_Occurred()) {
        Py_DECREF(first);
        Py_DECREF(step);
        Py_DECREF(len);
        return NULL;
    }
    long span, last;
    if (!overflow && llen > 0
        && (__builtin_mul_overflow(llen - 1, lstep, &span)
            || __builtin_add_overflow(lfirst, span, &last))) {
        overflow = 1;  /* the values leave the range of long */
    }
    if (!overflow) {
        /* Every value returned lies between first and last, so it fits;
           only the step past the last may not, and that is never
           returned. */
        Py_DECREF(first);
        Py_DECREF(step);
        Py_DECREF(len);
        return make_rangeiter(lfirst, lstep, llen);
    }
    return make_longrangeiter(first, step, len);
}

static PyObject *
range_iter(PyObject *op)
{
    rangeobject *r = (rangeobject *)op;
    return iter_from(Py_NewRef(r->start), Py_NewRef(r->step),
                     Py_NewRef(r->length));
}

/* reversed(r): from the last value, by -step. */
static PyObject *
range_reversed(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    rangeobject *r = (rangeobject *)op;
    PyObject *last_index = PyNumber_Subtract(r->length, _PyLong_GetOne());
    if (last_index == NULL) {
        return NULL;
    }
    PyObject *last = compute_item(r, last_index);
    Py_DECREF(last_index);
    if (last == NULL) {
        return NULL;
    }
    PyObject *neg_step = PyNumber_Negative(r->step);
    if (neg_step == NULL) {
        Py_DECREF(last);
        return NULL;
    }
    return iter_from(last, neg_step, Py_NewRef(r->length));
}

/* ---- the type ----------------------------------------------------------- */

static PyNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static PySequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static PyMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

static PyMethodDef range_methods[] = {
    {"__reversed__", range_reversed, METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", range_reduce, METH_NOARGS, NULL},
    {"count", range_count, METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences "
     "of value"},
    {"index", range_index, METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef range_members[] = {
    {"start", Py_T_OBJECT_EX, offsetof(rangeobject, start), Py_READONLY, NULL},
    {"stop", Py_T_OBJECT_EX, offsetof(rangeobject, stop), Py_READONLY, NULL},
    {"step", Py_T_OBJECT_EX, offsetof(rangeobject, step), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyRange_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "range",
    .tp_basicsize = sizeof(rangeobject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from "
              "start (inclusive)\nto stop (exclusive) by step.  "
              "range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces "
              "0, 1, 2, 3.\nThese are exactly the valid indices for a list "
              "of 4 elements.\nWhen step is given, it specifies the "
              "increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = range_vectorcall,
};
