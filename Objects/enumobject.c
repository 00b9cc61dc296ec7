/* enumerate and reversed.

   Thread safety: an enumerate object's counter and a reversed object's
   index change on every next(); both are updated inside the object's
   critical section so that two threads sharing one iterator never see
   the same index twice. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "pycore_tuple.h"
#include "enumobject.h"

/* ---- enumerate --------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;       /* next index while it fits in a C integer */
    PyObject *long_index;   /* the index as an int once it overflows */
    PyObject *it;
    /* The (index, item) tuple handed out last, refilled when the caller
       dropped it (_PyTuple_Recycle); set at creation, never replaced. */
    PyObject *result;
} enumobject;

static PyObject *enum_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"iterable", "start", NULL};
    PyObject *iterable, *start = NULL;
    if (PyTuple_GET_SIZE(args) == 0 && (kwds == NULL || PyDict_GET_SIZE(kwds) == 0)) {
        PyErr_SetString(PyExc_TypeError,
                        "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:enumerate", keywords,
                                     &iterable, &start)) {
        return NULL;
    }
    Py_ssize_t index = 0;
    PyObject *long_index = NULL;
    if (start != NULL) {
        start = PyNumber_Index(start);
        if (start == NULL) {
            return NULL;
        }
        index = PyLong_AsSsize_t(start);
        if (index == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            long_index = start;
            index = PY_SSIZE_T_MAX;
        }
        else {
            Py_DECREF(start);
        }
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        Py_XDECREF(long_index);
        return NULL;
    }
    enumobject *self = (enumobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(it);
        Py_XDECREF(long_index);
        return NULL;
    }
    self->index = index;
    self->long_index = long_index;
    self->it = it;
    self->result = PyTuple_Pack(2, Py_None, Py_None);
    if (self->result == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void enum_dealloc(PyObject *op)
{
    enumobject *self = (enumobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(self->it);
    Py_XDECREF(self->long_index);
    Py_XDECREF(self->result);
    Py_TYPE(op)->tp_free(op);
}

static int enum_traverse(PyObject *op, visitproc visit, void *arg)
{
    enumobject *self = (enumobject *)op;
    Py_VISIT(self->it);
    Py_VISIT(self->long_index);
    Py_VISIT(self->result);
    return 0;
}

static int enum_clear(PyObject *op)
{
    enumobject *self = (enumobject *)op;
    Py_CLEAR(self->it);
    Py_CLEAR(self->long_index);
    Py_CLEAR(self->result);
    return 0;
}

/* Take the current index and advance it; a new reference or NULL. */
static PyObject *enum_take_index(enumobject *self)
{
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (self->long_index == NULL && self->index < PY_SSIZE_T_MAX) {
        result = PyLong_FromSsize_t(self->index++);
    }
    else {
        if (self->long_index == NULL) {
            self->long_index = PyLong_FromSsize_t(self->index);
        }
        if (self->long_index != NULL) {
            PyObject *one = PyLong_FromLong(1);
            PyObject *next = one ? PyNumber_Add(self->long_index, one) : NULL;
            Py_XDECREF(one);
            if (next != NULL) {
                result = self->long_index;
                self->long_index = next;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *enum_next(PyObject *op)
{
    enumobject *self = (enumobject *)op;
    PyObject *item = Py_TYPE(self->it)->tp_iternext(self->it);
    if (item == NULL) {
        return NULL;
    }
    PyObject *index = enum_take_index(self);
    if (index == NULL) {
        Py_DECREF(item);
        return NULL;
    }
    PyObject *pair[2] = {index, item};
    return _PyTuple_Recycle(self->result, pair, 2);
}

static PyObject *enum_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    enumobject *self = (enumobject *)op;
    if (self->long_index != NULL) {
        return Py_BuildValue("O(OO)", Py_TYPE(op), self->it, self->long_index);
    }
    return Py_BuildValue("O(On)", Py_TYPE(op), self->it, self->index);
}

static PyMethodDef enum_methods[] = {
    {"__reduce__", enum_reduce, METH_NOARGS, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyEnum_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumobject),
    .tp_dealloc = enum_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "enumerate(iterable, start=0)\n--\n\n"
              "Return an enumerate object.",
    .tp_traverse = enum_traverse,
    .tp_clear = enum_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = enum_next,
    .tp_methods = enum_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = enum_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- reversed ---------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;   /* next index to fetch; -1 when exhausted */
    PyObject *seq;      /* NULL once exhausted */
} reversedobject;

static PyObject *reversed_new(PyTypeObject *type, PyObject *args,
                              PyObject *kwds)
{
    if (type == &PyReversed_Type && !_PyArg_NoKeywords("reversed", kwds)) {
        return NULL;
    }
    PyObject *seq;
    if (!PyArg_UnpackTuple(args, "reversed", 1, 1, &seq)) {
        return NULL;
    }
    PyObject *method = _PyObject_LookupSpecial(seq,
                                               _Py_INTERNED_ID(__reversed__));
    if (method == Py_None) {
        Py_DECREF(method);
        method = NULL;
        goto not_reversible;
    }
    if (method != NULL) {
        PyObject *result = PyObject_CallNoArgs(method);
        Py_DECREF(method);
        return result;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (!PySequence_Check(seq) || PyDict_Check(seq)) {
        goto not_reversible;
    }
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0) {
        return NULL;
    }
    reversedobject *self = (reversedobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->index = n - 1;
    self->seq = Py_NewRef(seq);
    return (PyObject *)self;

not_reversible:
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible",
                 Py_TYPE(seq)->tp_name);
    return NULL;
}

static void reversed_dealloc(PyObject *op)
{
    reversedobject *self = (reversedobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(self->seq);
    Py_TYPE(op)->tp_free(op);
}

static int reversed_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((reversedobject *)op)->seq);
    return 0;
}

static int reversed_clear(PyObject *op)
{
    Py_CLEAR(((reversedobject *)op)->seq);
    return 0;
}

static PyObject *reversed_next(PyObject *op)
{
    reversedobject *self = (reversedobject *)op;
    PyObject *seq = NULL;
    PyObject *dropped = NULL;
    Py_ssize_t index = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->seq != NULL && self->index >= 0) {
        index = self->index--;
        seq = Py_NewRef(self->seq);
    }
    else {
        /* An empty sequence is exhausted at the first call: let it go now. */
        dropped = self->seq;
        self->seq = NULL;
    }
    Py_END_CRITICAL_SECTION();
    if (seq == NULL) {
        Py_XDECREF(dropped);
        return NULL;
    }
    PyObject *item = PySequence_GetItem(seq, index);
    if (item == NULL && (PyErr_ExceptionMatches(PyExc_IndexError)
                         || PyErr_ExceptionMatches(PyExc_StopIteration))) {
        PyErr_Clear();
    }
    if (item == NULL || index == 0) {
        Py_BEGIN_CRITICAL_SECTION(op);
        self->index = -1;
        Py_CLEAR(self->seq);
        Py_END_CRITICAL_SECTION();
    }
    Py_DECREF(seq);
    return item;
}

static PyObject *reversed_length_hint(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    reversedobject *self = (reversedobject *)op;
    if (self->seq == NULL) {
        return PyLong_FromLong(0);
    }
    Py_ssize_t size = PySequence_Size(self->seq);
    if (size < 0) {
        return NULL;
    }
    Py_ssize_t remaining = self->index + 1;
    return PyLong_FromSsize_t(remaining < size ? remaining : size);
}

static PyObject *reversed_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    reversedobject *self = (reversedobject *)op;
    if (self->seq == NULL) {
        return Py_BuildValue("O(())", Py_TYPE(op));
    }
    return Py_BuildValue("O(O)n", Py_TYPE(op), self->seq, self->index);
}

static PyObject *reversed_setstate(PyObject *op, PyObject *state)
{
    reversedobject *self = (reversedobject *)op;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (self->seq != NULL) {
        Py_ssize_t n = PySequence_Size(self->seq);
        if (n < 0) {
            return NULL;
        }
        if (index < -1) {
            index = -1;
        }
        else if (index > n - 1) {
            index = n - 1;
        }
        self->index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, METH_NOARGS, NULL},
    {"__reduce__", reversed_reduce, METH_NOARGS, NULL},
    {"__setstate__", reversed_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyReversed_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversedobject),
    .tp_dealloc = reversed_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "reversed(sequence, /)\n--\n\n"
              "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_clear = reversed_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = reversed_new,
    .tp_free = PyObject_GC_Del,
};
