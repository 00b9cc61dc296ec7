/* types.SimpleNamespace: an object whose attributes live in its __dict__,
   with a readable repr and equality by attributes.  The dict protects
   itself; the namespace adds no state of its own. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "cpython/namespaceobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *ns_dict;
} namespaceobject;

static PyObject *namespace_new(PyTypeObject *type, PyObject *args,
                               PyObject *kwds)
{
    (void)args;
    (void)kwds;
    namespaceobject *self = (namespaceobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->ns_dict = PyDict_New();
    if (self->ns_dict == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int namespace_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    namespaceobject *self = (namespaceobject *)op;
    PyObject *mapping = NULL;
    if (!PyArg_UnpackTuple(args, Py_TYPE(op)->tp_name, 0, 1, &mapping)) {
        return -1;
    }
    if (mapping != NULL) {
        PyObject *dict = PyDict_New();
        if (dict == NULL) {
            return -1;
        }
        int has_keys = PyObject_HasAttrWithError(mapping,
                                                 _Py_INTERNED_ID(keys));
        int rc = has_keys < 0 ? -1
                 : has_keys ? PyDict_Update(dict, mapping)
                            : PyDict_MergeFromSeq2(dict, mapping, 1);
        if (rc == 0) {
            rc = PyArg_ValidateKeywordArguments(dict)
                 ? PyDict_Update(self->ns_dict, dict) : -1;
        }
        Py_DECREF(dict);
        if (rc < 0) {
            return -1;
        }
    }
    if (kwds == NULL) {
        return 0;
    }
    if (!PyArg_ValidateKeywordArguments(kwds)) {
        return -1;
    }
    return PyDict_Update(self->ns_dict, kwds);
}

static void namespace_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((namespaceobject *)op)->ns_dict);
    Py_TYPE(op)->tp_free(op);
}

static int namespace_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((namespaceobject *)op)->ns_dict);
    return 0;
}

static int namespace_clear(PyObject *op)
{
    Py_CLEAR(((namespaceobject *)op)->ns_dict);
    return 0;
}

static PyObject *namespace_repr(PyObject *op)
{
    const char *name = Py_IS_TYPE(op, &_PyNamespace_Type)
                       ? "namespace" : Py_TYPE(op)->tp_name;
    int rc = Py_ReprEnter(op);
    if (rc != 0) {
        return rc > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    }
    PyObject *dict = ((namespaceobject *)op)->ns_dict;
    PyObject *parts = PyList_New(0);
    PyObject *key, *value, *result = NULL;
    Py_ssize_t pos = 0;
    if (parts == NULL) {
        goto done;
    }
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0) {
            continue;
        }
        PyObject *part = PyUnicode_FromFormat("%U=%R", key, value);
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            goto done;
        }
        Py_DECREF(part);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    if (joined != NULL) {
        result = PyUnicode_FromFormat("%s(%U)", name, joined);
        Py_DECREF(joined);
    }
done:
    Py_XDECREF(parts);
    Py_ReprLeave(op);
    return result;
}

static PyObject *namespace_richcompare(PyObject *a, PyObject *b, int op)
{
    if (PyObject_TypeCheck(a, &_PyNamespace_Type)
            && PyObject_TypeCheck(b, &_PyNamespace_Type)) {
        return PyObject_RichCompare(((namespaceobject *)a)->ns_dict,
                                    ((namespaceobject *)b)->ns_dict, op);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *namespace_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("(O()O)", Py_TYPE(op), ((namespaceobject *)op)->ns_dict);
}

/* copy.replace(ns, **changes): a new namespace of the same type with ns's
   attributes, then the changes.  Both dicts lock themselves while copied
   (PyDict_Update), so this is safe without the GIL. */
static PyObject *namespace_replace(PyObject *op, PyObject *args,
                                   PyObject *kwargs)
{
    if (!_PyArg_NoPositional("__replace__", args)) {
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs((PyObject *)Py_TYPE(op));
    if (result == NULL) {
        return NULL;
    }
    if (!PyObject_TypeCheck(result, &_PyNamespace_Type)) {
        PyErr_Format(PyExc_TypeError, "%s() returned %T, not a namespace",
                     Py_TYPE(op)->tp_name, result);
        Py_DECREF(result);
        return NULL;
    }
    PyObject *dict = ((namespaceobject *)result)->ns_dict;
    if (PyDict_Update(dict, ((namespaceobject *)op)->ns_dict) < 0
        || (kwargs != NULL && PyDict_Update(dict, kwargs) < 0)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyMethodDef namespace_methods[] = {
    {"__reduce__", namespace_reduce, METH_NOARGS, NULL},
    {"__replace__", _PyCFunction_CAST(namespace_replace),
     METH_VARARGS | METH_KEYWORDS,
     "__replace__($self, /, **changes)\n--\n\n"
     "Return a copy of the namespace object with new values for the "
     "specified attributes."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef namespace_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(namespaceobject, ns_dict), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyNamespace_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(namespaceobject),
    .tp_dealloc = namespace_dealloc,
    .tp_repr = namespace_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "SimpleNamespace(mapping_or_iterable=(), /, **kwargs)\n--\n\n"
              "A simple attribute-based namespace.",
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_richcompare = namespace_richcompare,
    .tp_methods = namespace_methods,
    .tp_members = namespace_members,
    .tp_dictoffset = offsetof(namespaceobject, ns_dict),
    .tp_init = namespace_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = namespace_new,
    .tp_free = PyObject_GC_Del,
};

PyObject *_PyNamespace_New(PyObject *kwds)
{
    PyObject *ns = namespace_new(&_PyNamespace_Type, NULL, NULL);
    if (ns == NULL || kwds == NULL) {
        return ns;
    }
    if (PyDict_Update(((namespaceobject *)ns)->ns_dict, kwds) < 0) {
        Py_DECREF(ns);
        return NULL;
    }
    return ns;
}
