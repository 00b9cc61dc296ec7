/* string.templatelib.Template (PEP 750): what a t-string evaluates to.

   A template holds a tuple of n+1 literal strings and a tuple of n
   Interpolation objects that sit between them.  Both tuples are set at
   creation and never change, so templates need no locking; the iterator
   keeps its position in a field only its owner is meant to advance; if
   threads share one anyway, a race on `index` can only repeat or skip an
   item, never read out of bounds (it only grows and is bounds-checked on
   every step), and the template it reads stays alive until dealloc. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_template.h"
#include "pycore_typeobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *strings;          /* owned tuple of str, never empty */
    PyObject *interpolations;   /* owned tuple of Interpolation */
} templateobject;

typedef struct {
    PyObject_HEAD
    PyObject *template;         /* owned templateobject, kept until dealloc */
    Py_ssize_t index;           /* next slot: 2*i a string, 2*i+1 an interp */
} templateiterobject;

#define TEMPLATE(op) ((templateobject *)(op))

/* Takes new references to both tuples. */
static PyObject *
template_alloc(PyTypeObject *type, PyObject *strings, PyObject *interpolations)
{
    templateobject *self = (templateobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->strings = Py_NewRef(strings);
    self->interpolations = Py_NewRef(interpolations);
    return (PyObject *)self;
}

PyObject *
_PyTemplate_Build(PyObject *strings, PyObject *interpolations)
{
    return template_alloc(&_PyTemplate_Type, strings, interpolations);
}

/* ---- construction from *args ------------------------------------------- */

/* Append `s` to the string being accumulated in *pending (owned, may be
   NULL for "none yet"). */
static int
extend_pending(PyObject **pending, PyObject *s)
{
    if (*pending == NULL) {
        *pending = Py_NewRef(s);
        return 0;
    }
    PyObject *joined = PyUnicode_Concat(*pending, s);
    Py_SETREF(*pending, joined);
    return joined == NULL ? -1 : 0;
}

/* Close the current literal: append it (or '' when there was none). */
static int
flush_pending(PyObject *strings, PyObject **pending)
{
    PyObject *s = *pending != NULL ? *pending : PyUnicode_FromString("");
    *pending = NULL;
    if (s == NULL) {
        return -1;
    }
    int rc = PyList_Append(strings, s);
    Py_DECREF(s);
    return rc;
}

static PyObject *
template_from_parts(PyTypeObject *type, PyObject *parts)
{
    PyObject *strings = PyList_New(0);
    PyObject *interps = PyList_New(0);
    PyObject *pending = NULL;
    PyObject *res = NULL;
    if (strings == NULL || interps == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(parts); i++) {
        PyObject *item = PyTuple_GET_ITEM(parts, i);
        if (PyUnicode_Check(item)) {
            if (extend_pending(&pending, item) < 0) {
                goto done;
            }
        }
        else if (PyObject_TypeCheck(item, &_PyInterpolation_Type)) {
            if (flush_pending(strings, &pending) < 0
                    || PyList_Append(interps, item) < 0) {
                goto done;
            }
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "Template.__new__ *args need to be of type 'str' or "
                         "'Interpolation', got %T", item);
            goto done;
        }
    }
    if (flush_pending(strings, &pending) < 0) {
        goto done;
    }
    PyObject *st = PyList_AsTuple(strings);
    PyObject *it = st ? PyList_AsTuple(interps) : NULL;
    if (it != NULL) {
        res = template_alloc(type, st, it);
    }
    Py_XDECREF(st);
    Py_XDECREF(it);
done:
    Py_XDECREF(pending);
    Py_XDECREF(strings);
    Py_XDECREF(interps);
    return res;
}

static PyObject *
template_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError,
                        "Template.__new__ only accepts *args arguments");
        return NULL;
    }
    return template_from_parts(type, args);
}

static void
template_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(TEMPLATE(self)->strings);
    Py_CLEAR(TEMPLATE(self)->interpolations);
    Py_TYPE(self)->tp_free(self);
}

static int
template_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(TEMPLATE(self)->strings);
    Py_VISIT(TEMPLATE(self)->interpolations);
    return 0;
}

static int
template_clear(PyObject *self)
{
    /* Only the interpolations can reach back to the template; the strings
       tuple stays so the object remains printable. */
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return -1;
    }
    Py_SETREF(TEMPLATE(self)->interpolations, empty);
    return 0;
}

static PyObject *
template_repr(PyObject *self)
{
    return PyUnicode_FromFormat("%s(strings=%R, interpolations=%R)",
                                _PyType_Name(Py_TYPE(self)),
                                TEMPLATE(self)->strings,
                                TEMPLATE(self)->interpolations);
}

/* ---- concatenation ----------------------------------------------------- */

/* a + b: the last literal of a and the first of b merge into one. */
static PyObject *
template_concat_templates(templateobject *a, templateobject *b)
{
    Py_ssize_t na = PyTuple_GET_SIZE(a->strings);
    Py_ssize_t nb = PyTuple_GET_SIZE(b->strings);
    PyObject *joined = PyUnicode_Concat(PyTuple_GET_ITEM(a->strings, na - 1),
                                        PyTuple_GET_ITEM(b->strings, 0));
    if (joined == NULL) {
        return NULL;
    }
    PyObject *strings = PyTuple_New(na + nb - 1);
    if (strings == NULL) {
        Py_DECREF(joined);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < na - 1; i++) {
        PyTuple_SET_ITEM(strings, i, Py_NewRef(PyTuple_GET_ITEM(a->strings, i)));
    }
    PyTuple_SET_ITEM(strings, na - 1, joined);
    for (Py_ssize_t i = 1; i < nb; i++) {
        PyTuple_SET_ITEM(strings, na - 1 + i,
                         Py_NewRef(PyTuple_GET_ITEM(b->strings, i)));
    }
    PyObject *interps = PySequence_Concat(a->interpolations, b->interpolations);
    PyObject *res = interps ? _PyTemplate_Build(strings, interps) : NULL;
    Py_DECREF(strings);
    Py_XDECREF(interps);
    return res;
}

static PyObject *
template_add(PyObject *a, PyObject *b)
{
    int a_is = PyObject_TypeCheck(a, &_PyTemplate_Type);
    int b_is = PyObject_TypeCheck(b, &_PyTemplate_Type);
    if (a_is && b_is) {
        return template_concat_templates(TEMPLATE(a), TEMPLATE(b));
    }
    if (a_is && PyUnicode_Check(b)) {
        PyErr_Format(PyExc_TypeError,
                     "can only concatenate string.templatelib.Template "
                     "(not \"%T\") to string.templatelib.Template", b);
        return NULL;
    }
    /* str + Template: str's own concatenation reports the error. */
    Py_RETURN_NOTIMPLEMENTED;
}

/* ---- attributes, pickling, iteration ----------------------------------- */

static PyObject *
template_values(PyObject *self, void *Py_UNUSED(closure))
{
    PyObject *interps = TEMPLATE(self)->interpolations;
    Py_ssize_t n = PyTuple_GET_SIZE(interps);
    PyObject *values = PyTuple_New(n);
    if (values == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = _PyInterpolation_GetValue(PyTuple_GET_ITEM(interps, i));
        PyTuple_SET_ITEM(values, i, Py_NewRef(v ? v : Py_None));
    }
    return values;
}

/* The constructor's arguments, literals and interpolations interleaved:
   Template(*args) rebuilds an equal template. */
static PyObject *
template_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *strings = TEMPLATE(self)->strings;
    PyObject *interps = TEMPLATE(self)->interpolations;
    Py_ssize_t n = PyTuple_GET_SIZE(interps);
    PyObject *args = PyTuple_New(2 * n + 1);
    if (args == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, 2 * i, Py_NewRef(PyTuple_GET_ITEM(strings, i)));
        PyTuple_SET_ITEM(args, 2 * i + 1, Py_NewRef(PyTuple_GET_ITEM(interps, i)));
    }
    PyTuple_SET_ITEM(args, 2 * n, Py_NewRef(PyTuple_GET_ITEM(strings, n)));
    PyObject *res = PyTuple_Pack(2, (PyObject *)Py_TYPE(self), args);
    Py_DECREF(args);
    return res;
}

static PyObject *
template_iter(PyObject *self)
{
    templateiterobject *it = PyObject_GC_New(templateiterobject,
                                             &_PyTemplateIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->template = Py_NewRef(self);
    it->index = 0;
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *
templateiter_next(PyObject *op)
{
    templateiterobject *it = (templateiterobject *)op;
    PyObject *t = it->template;
    PyObject *strings = TEMPLATE(t)->strings;
    PyObject *interps = TEMPLATE(t)->interpolations;
    for (;;) {
        Py_ssize_t k = it->index++;
        Py_ssize_t slot = k / 2;
        if (k % 2 == 0) {
            if (slot >= PyTuple_GET_SIZE(strings)) {
                break;
            }
            PyObject *s = PyTuple_GET_ITEM(strings, slot);
            if (PyUnicode_GET_LENGTH(s) > 0) {
                return Py_NewRef(s);
            }
        }
        else {
            if (slot >= PyTuple_GET_SIZE(interps)) {
                break;
            }
            return Py_NewRef(PyTuple_GET_ITEM(interps, slot));
        }
    }
    return NULL;
}

static void
templateiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((templateiterobject *)op)->template);
    PyObject_GC_Del(op);
}

static int
templateiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((templateiterobject *)op)->template);
    return 0;
}

PyTypeObject _PyTemplateIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "string.templatelib.TemplateIter",
    .tp_basicsize = sizeof(templateiterobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_dealloc = templateiter_dealloc,
    .tp_traverse = templateiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = templateiter_next,
};

static PyMethodDef template_methods[] = {
    {"__reduce__", template_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef template_members[] = {
    {"strings", Py_T_OBJECT_EX, offsetof(templateobject, strings), Py_READONLY,
     "Strings"},
    {"interpolations", Py_T_OBJECT_EX, offsetof(templateobject, interpolations),
     Py_READONLY, "Interpolations"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef template_getset[] = {
    {"values", template_values, NULL,
     "Values of interpolations", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods template_as_number = {
    .nb_add = template_add,
};

PyTypeObject _PyTemplate_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "string.templatelib.Template",
    .tp_doc = "Template object",
    .tp_basicsize = sizeof(templateobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_as_number = &template_as_number,
    .tp_new = template_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_dealloc = template_dealloc,
    .tp_free = PyObject_GC_Del,
    .tp_repr = template_repr,
    .tp_members = template_members,
    .tp_methods = template_methods,
    .tp_getset = template_getset,
    .tp_iter = template_iter,
    .tp_traverse = template_traverse,
    .tp_clear = template_clear,
};
