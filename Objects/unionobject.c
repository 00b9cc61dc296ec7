/* types.UnionType, which since 3.14 is also typing.Union: what int | str
   and Union[int, str] evaluate to.

   A union holds a flat tuple of distinct arguments: nested unions are
   spliced in, None is stored as NoneType, and duplicates (by equality)
   are dropped keeping the first.  A union of one argument is that
   argument itself.  Equality and hashing ignore argument order.

   Thread safety (free-threaded build): a union is immutable once made;
   the lazily computed __parameters__ tuple is published with a
   compare-and-swap, so a racing reader sees NULL or a complete tuple. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "pycore_typevarobject.h"   // _Py_typing_type_check
#include "pycore_unionobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *args;             /* owned tuple, flat and deduplicated */
    PyObject *parameters;       /* owned tuple, computed on first use */
    PyObject *weakreflist;
} unionobject;

#define UNION(op) ((unionobject *)(op))

PyObject *
_Py_union_args(PyObject *self)
{
    return UNION(self)->args;
}

/* What `|` accepts on either side. */
static int
is_unionable(PyObject *obj)
{
    return obj == Py_None || PyType_Check(obj) || _PyGenericAlias_Check(obj)
           || _PyUnion_Check(obj);
}

/* ---- building --------------------------------------------------------------- */

/* Append arg to the list unless an equal argument is already there. */
static int
add_distinct(PyObject *list, PyObject *arg)
{
    if (arg == Py_None) {
        arg = (PyObject *)Py_TYPE(Py_None);
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *have = PyList_GET_ITEM(list, i);
        if (have == arg) {
            return 0;
        }
        Py_INCREF(have);
        int eq = PyObject_RichCompareBool(have, arg, Py_EQ);
        Py_DECREF(have);
        if (eq != 0) {
            return eq < 0 ? -1 : 0;
        }
    }
    return PyList_Append(list, arg);
}

static int
add_flattened(PyObject *list, PyObject *arg)
{
    if (!_PyUnion_Check(arg)) {
        return add_distinct(list, arg);
    }
    PyObject *args = UNION(arg)->args;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (add_distinct(list, PyTuple_GET_ITEM(args, i)) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
new_union(PyObject *args)
{
    unionobject *u = PyObject_GC_New(unionobject, &_PyUnion_Type);
    if (u == NULL) {
        return NULL;
    }
    u->args = Py_NewRef(args);
    u->parameters = NULL;
    u->weakreflist = NULL;
    PyObject_GC_Track(u);
    return (PyObject *)u;
}

/* The union of the items of a tuple, or the only distinct one. */
static PyObject *
union_from_tuple(PyObject *items)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(items); i++) {
        if (add_flattened(list, PyTuple_GET_ITEM(items, i)) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    if (PyList_GET_SIZE(list) == 1) {
        PyObject *only = Py_NewRef(PyList_GET_ITEM(list, 0));
        Py_DECREF(list);
        return only;
    }
    PyObject *args = PyList_AsTuple(list);
    Py_DECREF(list);
    if (args == NULL) {
        return NULL;
    }
    PyObject *res = new_union(args);
    Py_DECREF(args);
    return res;
}

PyObject *
_Py_union_type_or(PyObject *self, PyObject *other)
{
    if (!is_unionable(self) || !is_unionable(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *items = PyTuple_Pack(2, self, other);
    if (items == NULL) {
        return NULL;
    }
    PyObject *res = union_from_tuple(items);
    Py_DECREF(items);
    return res;
}

PyObject *
_Py_union_of_pair(PyObject *left, PyObject *right)
{
    PyObject *items = PyTuple_Pack(2, left, right);
    if (items == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetItem((PyObject *)&_PyUnion_Type, items);
    Py_DECREF(items);
    return res;
}

/* ---- slots -------------------------------------------------------------------- */

static void
union_dealloc(PyObject *self)
{
    unionobject *u = UNION(self);
    PyObject_GC_UnTrack(self);
    if (u->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(u->args);
    Py_XDECREF(u->parameters);
    PyObject_GC_Del(self);
}

static int
union_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(UNION(self)->args);
    Py_VISIT(UNION(self)->parameters);
    return 0;
}

static int
union_clear(PyObject *self)
{
    Py_CLEAR(UNION(self)->parameters);
    return 0;
}

static PyObject *
union_repr(PyObject *self)
{
    PyObject *args = UNION(self)->args;
    PyUnicodeWriter *writer = PyUnicodeWriter_Create(0);
    if (writer == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        if (i > 0 && PyUnicodeWriter_WriteASCII(writer, " | ", 3) < 0) {
            goto fail;
        }
        if (_Py_typing_type_repr(writer, PyTuple_GET_ITEM(args, i)) < 0) {
            goto fail;
        }
    }
    return PyUnicodeWriter_Finish(writer);
fail:
    PyUnicodeWriter_Discard(writer);
    return NULL;
}

/* Order-independent: the hash of the frozenset of the arguments. */
static Py_hash_t
union_hash(PyObject *self)
{
    PyObject *set = PyFrozenSet_New(UNION(self)->args);
    if (set == NULL) {
        return -1;
    }
    Py_hash_t h = PyObject_Hash(set);
    Py_DECREF(set);
    return h;
}

/* Is every argument of a also an argument of b? */
static int
args_included(PyObject *a, PyObject *b)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(a); i++) {
        int found = PySequence_Contains(b, PyTuple_GET_ITEM(a, i));
        if (found <= 0) {
            return found;
        }
    }
    return 1;
}

static PyObject *
union_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyUnion_Check(b) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *aargs = UNION(a)->args, *bargs = UNION(b)->args;
    /* Both are deduplicated, so equal sets have equal sizes. */
    int eq = PyTuple_GET_SIZE(aargs) == PyTuple_GET_SIZE(bargs);
    if (eq) {
        eq = args_included(aargs, bargs);
    }
    if (eq > 0) {
        eq = args_included(bargs, aargs);
    }
    if (eq < 0) {
        return NULL;
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *
union_parameters(PyObject *self, void *Py_UNUSED(closure))
{
    unionobject *u = UNION(self);
    PyObject *params = __atomic_load_n(&u->parameters, __ATOMIC_ACQUIRE);
    if (params != NULL) {
        return Py_NewRef(params);
    }
    params = _Py_make_parameters(u->args);
    if (params == NULL) {
        return NULL;
    }
    PyObject *expected = NULL;
    if (__atomic_compare_exchange_n(&u->parameters, &expected, params, 0,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        return Py_NewRef(params);       /* the cache keeps the first ref */
    }
    Py_DECREF(params);
    return Py_NewRef(expected);
}

/* (int | T)[str] -> int | str */
static PyObject *
union_getitem(PyObject *self, PyObject *item)
{
    PyObject *params = union_parameters(self, NULL);
    if (params == NULL) {
        return NULL;
    }
    PyObject *newargs = _Py_subs_parameters(self, UNION(self)->args, params,
                                            item);
    Py_DECREF(params);
    if (newargs == NULL) {
        return NULL;
    }
    PyObject *res = union_from_tuple(newargs);
    Py_DECREF(newargs);
    return res;
}

/* items with each passed through typing._type_check, as Union[...] (not
   the | operator) does: a string becomes a ForwardRef, a special form
   that is no type is refused.  A new tuple. */
static PyObject *
checked_arguments(PyObject *items)
{
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    PyObject *res = PyTuple_New(n);
    for (Py_ssize_t i = 0; res != NULL && i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(items, i);
        PyObject *checked = item == Py_None ? Py_NewRef(item)
            : _Py_typing_type_check(
                  item, "Union[arg, ...]: each arg must be a type.");
        if (checked == NULL) {
            Py_CLEAR(res);
            break;
        }
        PyTuple_SET_ITEM(res, i, checked);
    }
    return res;
}

/* Union[int, str]; Union[X] is X itself. */
static PyObject *
union_class_getitem(PyObject *Py_UNUSED(cls), PyObject *args)
{
    PyObject *items = PyTuple_Check(args) ? Py_NewRef(args)
                                          : PyTuple_Pack(1, args);
    if (items == NULL) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(items) == 0) {
        PyErr_SetString(PyExc_TypeError, "Cannot take a Union of no types.");
        Py_DECREF(items);
        return NULL;
    }
    Py_SETREF(items, checked_arguments(items));
    if (items == NULL) {
        return NULL;
    }
    PyObject *res = union_from_tuple(items);
    Py_DECREF(items);
    return res;
}

static PyObject *
union_mro_entries(PyObject *self, PyObject *Py_UNUSED(bases))
{
    PyErr_Format(PyExc_TypeError, "Cannot subclass %R", self);
    return NULL;
}

static PyObject *
union_origin(PyObject *self, void *Py_UNUSED(closure))
{
    return Py_NewRef(Py_TYPE(self));
}

static PyObject *
union_args_get(PyObject *self, void *Py_UNUSED(closure))
{
    return Py_NewRef(UNION(self)->args);
}

static PyGetSetDef union_getset[] = {
    {"__args__", union_args_get, NULL, NULL, NULL},
    {"__parameters__", union_parameters, NULL,
     "Type variables in the types.UnionType.", NULL},
    {"__origin__", union_origin, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef union_methods[] = {
    {"__mro_entries__", union_mro_entries, METH_O, NULL},
    {"__class_getitem__", union_class_getitem, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods union_as_number = {
    .nb_or = _Py_union_type_or,
};

static PyMappingMethods union_as_mapping = {
    .mp_subscript = union_getitem,
};

PyTypeObject _PyUnion_Type = {
    .tp_name = "typing.Union",
    .tp_basicsize = sizeof(unionobject),
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_as_mapping = &union_as_mapping,
    .tp_hash = union_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a union type\n\n"
              "E.g. for int | str",
    .tp_traverse = union_traverse,
    .tp_clear = union_clear,
    .tp_richcompare = union_richcompare,
    .tp_weaklistoffset = offsetof(unionobject, weakreflist),
    .tp_methods = union_methods,
    .tp_getset = union_getset,
    .ob_base = PyVarObject_HEAD_INIT(&PyType_Type, 0)
};
