/* The sequence iterator ('iterator') and the callable iterator
   ('callable_iterator').

   Thread safety (free-threaded build): an iterator may be shared between
   threads.  Its fields are read and written only inside the iterator's
   critical section, but the critical section is never held across a call
   into Python code (sq_item, the callable, __eq__), so a re-entrant call on
   the same iterator cannot deadlock.  A thread claims the next index
   before fetching it, so two threads never return the same position.
   References dropped when an iterator is exhausted are released after the
   critical section ends, because a destructor may run arbitrary code. */
#include "Python.h"
#include "pycore_abstract.h"
#include "pycore_call.h"
#include "pycore_object.h"
#include "pycore_pystate.h"

/* builtins.<name> (a new reference), for __reduce__: the builtins of
   the running frame (a mapping given to eval() included), as CPython's
   _PyEval_GetBuiltin; AttributeError(name) when it has none. */
static PyObject *
get_builtin(const char *name)
{
    PyObject *builtins = PyEval_GetBuiltins();     /* borrowed */
    PyObject *result = NULL;
    if (builtins == NULL) {
        return NULL;
    }
    if (PyMapping_GetOptionalItemString(builtins, name, &result) < 0) {
        return NULL;
    }
    if (result == NULL) {
        PyErr_SetString(PyExc_AttributeError, name);
    }
    return result;
}

/* ---- pickling helpers shared by the built-in containers' iterators ------ */

/* builtins.<name>, a new reference.  Iterators look it up before they
   read their own state: the lookup can run Python code (a str subclass
   key in the builtins dict) that advances or exhausts the iterator. */
PyObject *
_PyIter_Builtin(const char *name)
{
    return get_builtin(name);
}

/* (func, (seq,), index): an iterator at position index of seq, rebuilt by
   func(seq) and __setstate__(index); (func, ((),)) when seq is NULL, the
   iterator being exhausted.  func (from _PyIter_Builtin) is stolen, seq
   is borrowed. */
PyObject *
_PyIter_ReduceIndexed(PyObject *func, PyObject *seq, Py_ssize_t index)
{
    if (seq == NULL) {
        return Py_BuildValue("N(())", func);
    }
    return Py_BuildValue("N(O)n", func, seq, index);
}

/* (iter, (items,)): an iterator over what is left, listed in items (a
   reference this steals; NULL passes an error through). */
PyObject *
_PyIter_ReduceItems(PyObject *items)
{
    if (items == NULL) {
        return NULL;
    }
    PyObject *iter = get_builtin("iter");
    if (iter == NULL) {
        Py_DECREF(items);
        return NULL;
    }
    return Py_BuildValue("N(N)", iter, items);
}

/* The index a __setstate__ argument asks for, clamped to low..high. */
int
_PyIter_StateIndex(PyObject *state, Py_ssize_t low, Py_ssize_t high,
                   Py_ssize_t *index)
{
    Py_ssize_t value = PyLong_AsSsize_t(state);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    *index = value < low ? low : (value > high ? high : value);
    return 0;
}

/* ---- iter(sequence) ------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;    /* the next index to fetch */
    PyObject *it_seq;       /* owned; NULL once exhausted */
} seqiterobject;

PyObject *
PySeqIter_New(PyObject *seq)
{
    if (!PySequence_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    seqiterobject *it = PyObject_GC_New(seqiterobject, &PySeqIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
iter_dealloc(PyObject *op)
{
    seqiterobject *it = (seqiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(op);
}

static int
iter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((seqiterobject *)op)->it_seq);
    return 0;
}

static int
iter_clear(PyObject *op)
{
    Py_CLEAR(((seqiterobject *)op)->it_seq);
    return 0;
}

/* Forget the sequence if it is still `seq`; the caller drops the reference
   this returns (or NULL when another thread already did). */
static PyObject *
seqiter_detach(seqiterobject *it, PyObject *seq)
{
    PyObject *old = NULL;
    Py_BEGIN_CRITICAL_SECTION(it);
    if (it->it_seq == seq) {
        old = seq;
        it->it_seq = NULL;
    }
    Py_END_CRITICAL_SECTION();
    return old;
}

static PyObject *
iter_iternext(PyObject *op)
{
    seqiterobject *it = (seqiterobject *)op;
    PyObject *seq;
    Py_ssize_t index = -1;
    Py_BEGIN_CRITICAL_SECTION(it);
    seq = Py_XNewRef(it->it_seq);
    if (seq != NULL && it->it_index != PY_SSIZE_T_MAX) {
        index = it->it_index++;
    }
    Py_END_CRITICAL_SECTION();
    if (seq == NULL) {
        return NULL;
    }
    if (index < 0) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_OverflowError, "iter index too large");
        return NULL;
    }
    PyObject *result = PySequence_GetItem(seq, index);
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_IndexError)
                || PyErr_ExceptionMatches(PyExc_StopIteration)) {
            PyErr_Clear();
            Py_XDECREF(seqiter_detach(it, seq));
        }
        else {
            /* A failed fetch does not consume its index, unless another
               thread has moved on meanwhile. */
            Py_BEGIN_CRITICAL_SECTION(it);
            if (it->it_index == index + 1) {
                it->it_index = index;
            }
            Py_END_CRITICAL_SECTION();
        }
    }
    Py_DECREF(seq);
    return result;
}

static PyObject *
iter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    seqiterobject *it = (seqiterobject *)op;
    PyObject *seq;
    Py_ssize_t index;
    Py_BEGIN_CRITICAL_SECTION(it);
    seq = Py_XNewRef(it->it_seq);
    index = it->it_index;
    Py_END_CRITICAL_SECTION();
    if (seq == NULL) {
        return PyLong_FromLong(0);
    }
    if (!_PyObject_HasLen(seq)) {
        Py_DECREF(seq);
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t seqsize = PySequence_Size(seq);
    Py_DECREF(seq);
    if (seqsize == -1) {
        return NULL;
    }
    Py_ssize_t len = seqsize - index;
    return PyLong_FromSsize_t(len >= 0 ? len : 0);
}

static PyObject *
iter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    seqiterobject *it = (seqiterobject *)op;
    PyObject *iter = get_builtin("iter");
    if (iter == NULL) {
        return NULL;
    }
    PyObject *seq;
    Py_ssize_t index;
    Py_BEGIN_CRITICAL_SECTION(it);
    seq = Py_XNewRef(it->it_seq);
    index = it->it_index;
    Py_END_CRITICAL_SECTION();
    if (seq == NULL) {
        return Py_BuildValue("N(())", iter);
    }
    return Py_BuildValue("N(N)n", iter, seq, index);
}

static PyObject *
iter_setstate(PyObject *op, PyObject *state)
{
    seqiterobject *it = (seqiterobject *)op;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(it);
    if (it->it_seq != NULL) {
        it->it_index = index < 0 ? 0 : index;
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyMethodDef seqiter_methods[] = {
    {"__length_hint__", iter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", iter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", iter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PySeqIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiterobject),
    .tp_dealloc = iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = iter_traverse,
    .tp_clear = iter_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = iter_iternext,
    .tp_methods = seqiter_methods,
};

/* ---- iter(callable, sentinel) ------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *it_callable;  /* owned; NULL once exhausted */
    PyObject *it_sentinel;  /* owned; NULL once exhausted */
} calliterobject;

PyObject *
PyCallIter_New(PyObject *callable, PyObject *sentinel)
{
    calliterobject *it = PyObject_GC_New(calliterobject, &PyCallIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_callable = Py_NewRef(callable);
    it->it_sentinel = Py_NewRef(sentinel);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
calliter_dealloc(PyObject *op)
{
    calliterobject *it = (calliterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_callable);
    Py_XDECREF(it->it_sentinel);
    PyObject_GC_Del(op);
}

static int
calliter_traverse(PyObject *op, visitproc visit, void *arg)
{
    calliterobject *it = (calliterobject *)op;
    Py_VISIT(it->it_callable);
    Py_VISIT(it->it_sentinel);
    return 0;
}

static int
calliter_clear(PyObject *op)
{
    calliterobject *it = (calliterobject *)op;
    Py_CLEAR(it->it_callable);
    Py_CLEAR(it->it_sentinel);
    return 0;
}

/* Mark the iterator exhausted, dropping its references outside the
   critical section. */
static void
calliter_exhaust(calliterobject *it)
{
    PyObject *callable, *sentinel;
    Py_BEGIN_CRITICAL_SECTION(it);
    callable = it->it_callable;
    sentinel = it->it_sentinel;
    it->it_callable = NULL;
    it->it_sentinel = NULL;
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(callable);
    Py_XDECREF(sentinel);
}

static PyObject *
calliter_iternext(PyObject *op)
{
    calliterobject *it = (calliterobject *)op;
    PyObject *callable, *sentinel;
    Py_BEGIN_CRITICAL_SECTION(it);
    callable = Py_XNewRef(it->it_callable);
    sentinel = Py_XNewRef(it->it_sentinel);
    Py_END_CRITICAL_SECTION();
    if (callable == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs(callable);
    if (result != NULL) {
        /* The call itself may have exhausted this iterator. */
        int exhausted;
        Py_BEGIN_CRITICAL_SECTION(it);
        exhausted = it->it_callable == NULL;
        Py_END_CRITICAL_SECTION();
        if (exhausted) {
            Py_DECREF(result);
            Py_DECREF(callable);
            Py_DECREF(sentinel);
            return NULL;
        }
        int ok = PyObject_RichCompareBool(sentinel, result, Py_EQ);
        if (ok != 0) {
            Py_CLEAR(result);
            if (ok > 0) {
                calliter_exhaust(it);
            }
        }
    }
    else if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        calliter_exhaust(it);
    }
    Py_DECREF(callable);
    Py_DECREF(sentinel);
    return result;
}

static PyObject *
calliter_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    calliterobject *it = (calliterobject *)op;
    PyObject *iter = get_builtin("iter");
    if (iter == NULL) {
        return NULL;
    }
    PyObject *callable, *sentinel;
    Py_BEGIN_CRITICAL_SECTION(it);
    callable = Py_XNewRef(it->it_callable);
    sentinel = Py_XNewRef(it->it_sentinel);
    Py_END_CRITICAL_SECTION();
    if (callable == NULL) {
        return Py_BuildValue("N(())", iter);
    }
    return Py_BuildValue("N(NN)", iter, callable, sentinel);
}

static PyMethodDef calliter_methods[] = {
    {"__reduce__", calliter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyCallIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(calliterobject),
    .tp_dealloc = calliter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_clear = calliter_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = calliter_iternext,
    .tp_methods = calliter_methods,
};
