/* The sentinel built-in (PEP 661, Python 3.15): unique named placeholder
   values such as MISSING = sentinel("MISSING").

   A sentinel is truthy, equal only to itself, copied as itself and pickled
   by reference (its module and name), like a class or a function.  Its
   repr is its name unless a repr= string was given.

   Thread safety: __name__ and the repr are fixed at creation.  __module__
   is writable; it is one pointer swapped with an atomic exchange, and a
   reader takes its reference under the object's critical section, so a
   racing writer never frees the value a reader is about to return. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "pycore_unionobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *name;         /* owned str */
    PyObject *module;       /* owned str or None; writable (see above) */
    PyObject *repr;         /* owned str, or NULL: the repr is the name */
} sentinelobject;

#define SENTINEL(op) ((sentinelobject *)(op))

/* The __name__ of the module whose code is running (the caller of
   sentinel()), or None outside any Python frame.  New reference. */
static PyObject *
calling_module_name(void)
{
    PyObject *globals = PyEval_GetGlobals();
    if (globals == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *name;
    if (PyDict_GetItemStringRef(globals, "__name__", &name) < 0) {
        return NULL;
    }
    return name != NULL ? name : Py_NewRef(Py_None);
}

static PyObject *
sentinel_from_parts(PyObject *name, PyObject *module, PyObject *repr)
{
    sentinelobject *self = PyObject_GC_New(sentinelobject, &PySentinel_Type);
    if (self == NULL) {
        return NULL;
    }
    self->name = Py_NewRef(name);
    self->module = Py_NewRef(module);
    self->repr = Py_XNewRef(repr);
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

/* sentinel(name, /, *, repr=None) */
static PyObject *
sentinel_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"", "repr", NULL};
    PyObject *name, *repr = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|$O:sentinel", keywords,
                                     &name, &repr)) {
        return NULL;
    }
    if (repr != Py_None && !PyUnicode_Check(repr)) {
        PyErr_Format(PyExc_TypeError,
                     "sentinel() argument 'repr' must be str or None, not %.200s",
                     Py_TYPE(repr)->tp_name);
        return NULL;
    }
    PyObject *module = calling_module_name();
    if (module == NULL) {
        return NULL;
    }
    PyObject *self = sentinel_from_parts(name, module,
                                         repr == Py_None ? NULL : repr);
    Py_DECREF(module);
    return self;
}

PyObject *
PySentinel_New(const char *name, const char *module_name, const char *repr)
{
    PyObject *name_obj = PyUnicode_FromString(name);
    PyObject *module = module_name != NULL ? PyUnicode_FromString(module_name)
                                           : Py_NewRef(Py_None);
    PyObject *repr_obj = repr != NULL ? PyUnicode_FromString(repr) : NULL;
    PyObject *self = NULL;
    if (name_obj != NULL && module != NULL && (repr == NULL || repr_obj != NULL)) {
        self = sentinel_from_parts(name_obj, module, repr_obj);
    }
    Py_XDECREF(name_obj);
    Py_XDECREF(module);
    Py_XDECREF(repr_obj);
    return self;
}

static int
sentinel_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(SENTINEL(self)->module);
    return 0;
}

/* __module__ is the only reference that can close a cycle; it becomes
   None, so the getter never meets NULL. */
static int
sentinel_clear(PyObject *self)
{
    Py_SETREF(SENTINEL(self)->module, Py_NewRef(Py_None));
    return 0;
}

static void
sentinel_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(SENTINEL(self)->name);
    Py_CLEAR(SENTINEL(self)->module);
    Py_CLEAR(SENTINEL(self)->repr);
    PyObject_GC_Del(self);
}

static PyObject *
sentinel_repr(PyObject *self)
{
    PyObject *repr = SENTINEL(self)->repr;
    return Py_NewRef(repr != NULL ? repr : SENTINEL(self)->name);
}

/* Pickled by reference: a str from __reduce__ names a global of the
   object's __module__. */
static PyObject *
sentinel_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(SENTINEL(self)->name);
}

static PyObject *
sentinel_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(self);
}

static PyObject *
sentinel_deepcopy(PyObject *self, PyObject *Py_UNUSED(memo))
{
    return Py_NewRef(self);
}

/* `MISSING | int` and `int | MISSING` make a typing.Union, as for None. */
static PyObject *
sentinel_or(PyObject *left, PyObject *right)
{
    return _Py_union_of_pair(left, right);
}

static PyObject *
sentinel_get_module(PyObject *self, void *Py_UNUSED(closure))
{
    PyObject *module;
    Py_BEGIN_CRITICAL_SECTION(self);
    module = Py_NewRef(SENTINEL(self)->module);
    Py_END_CRITICAL_SECTION();
    return module;
}

static int
sentinel_set_module(PyObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete __module__");
        return -1;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(self);
    old = SENTINEL(self)->module;
    SENTINEL(self)->module = Py_NewRef(value);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(old);
    return 0;
}

static PyObject *
sentinel_get_name(PyObject *self, void *Py_UNUSED(closure))
{
    return Py_NewRef(SENTINEL(self)->name);
}

static PyGetSetDef sentinel_getset[] = {
    {"__name__", sentinel_get_name, NULL, "The sentinel's name.", NULL},
    {"__module__", sentinel_get_module, sentinel_set_module,
     "The module the sentinel was created in; pickle looks it up there.",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef sentinel_methods[] = {
    {"__reduce__", sentinel_reduce, METH_NOARGS, NULL},
    {"__copy__", sentinel_copy, METH_NOARGS, NULL},
    {"__deepcopy__", sentinel_deepcopy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods sentinel_as_number = {
    .nb_or = sentinel_or,
};

PyTypeObject PySentinel_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sentinel",
    .tp_basicsize = sizeof(sentinelobject),
    .tp_dealloc = sentinel_dealloc,
    .tp_repr = sentinel_repr,
    .tp_as_number = &sentinel_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "sentinel(name, /, *, repr=None)\n--\n\n"
              "Create a unique sentinel object with the given name.",
    .tp_traverse = sentinel_traverse,
    .tp_clear = sentinel_clear,
    .tp_methods = sentinel_methods,
    .tp_getset = sentinel_getset,
    .tp_new = sentinel_new,
};
