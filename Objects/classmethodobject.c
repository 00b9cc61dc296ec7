/* classmethod and staticmethod: descriptors wrapping a callable.

   Created from Python (classmethod(f), staticmethod(f)), both copy the
   wrapped callable's __module__, __name__, __qualname__ and __doc__ into
   their own __dict__, as functools.wraps would.  PyClassMethod_New and
   PyStaticMethod_New copy nothing, as in CPython: they only allocate, so
   PyType_Ready can call them for METH_STATIC entries while the built-in
   types are still being made (an attribute lookup there would need types
   that are not ready yet).
   The wrapped callable is set by __init__ and otherwise never changes;
   __init__ on a shared wrapper replaces it under the critical section. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "cpython/funcobject.h"
#include "cpython/classobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *callable;
    PyObject *dict;
} wrapperobject;

static void wrapper_dealloc(PyObject *op)
{
    wrapperobject *self = (wrapperobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(self->callable);
    Py_XDECREF(self->dict);
    Py_TYPE(op)->tp_free(op);
}

static int wrapper_traverse(PyObject *op, visitproc visit, void *arg)
{
    wrapperobject *self = (wrapperobject *)op;
    Py_VISIT(self->callable);
    Py_VISIT(self->dict);
    return 0;
}

static int wrapper_clear(PyObject *op)
{
    wrapperobject *self = (wrapperobject *)op;
    Py_CLEAR(self->callable);
    Py_CLEAR(self->dict);
    return 0;
}

/* functools.wraps's attribute copy: missing attributes are skipped. */
static int copy_wrapped_attributes(PyObject *wrapper, PyObject *wrapped)
{
    static const char *const names[] = {
        "__module__", "__name__", "__qualname__", "__doc__",
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        PyObject *value;
        int found = PyObject_GetOptionalAttrString(wrapped, names[i], &value);
        if (found < 0) {
            return -1;
        }
        if (found == 0) {
            continue;
        }
        int rc = PyObject_SetAttrString(wrapper, names[i], value);
        Py_DECREF(value);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static int wrapper_init(PyObject *op, PyObject *args, PyObject *kwds,
                        const char *name)
{
    wrapperobject *self = (wrapperobject *)op;
    if (!_PyArg_NoKeywords(name, kwds)) {
        return -1;
    }
    PyObject *callable;
    if (!PyArg_UnpackTuple(args, name, 1, 1, &callable)) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_XSETREF(self->callable, Py_NewRef(callable));
    Py_END_CRITICAL_SECTION();
    return copy_wrapped_attributes(op, callable);
}

static int classmethod_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    return wrapper_init(op, args, kwds, "classmethod");
}

static int staticmethod_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    return wrapper_init(op, args, kwds, "staticmethod");
}

static PyObject *wrapper_repr(PyObject *op, const char *name)
{
    wrapperobject *self = (wrapperobject *)op;
    if (self->callable == NULL) {
        return PyUnicode_FromFormat("<%s(NULL)>", name);
    }
    return PyUnicode_FromFormat("<%s(%R)>", name, self->callable);
}

static PyObject *classmethod_repr(PyObject *op)
{
    return wrapper_repr(op, "classmethod");
}

static PyObject *staticmethod_repr(PyObject *op)
{
    return wrapper_repr(op, "staticmethod");
}

static PyObject *uninitialized(const char *name)
{
    PyErr_Format(PyExc_RuntimeError, "uninitialized %s object", name);
    return NULL;
}

static PyObject *classmethod_get(PyObject *op, PyObject *obj, PyObject *type)
{
    wrapperobject *self = (wrapperobject *)op;
    if (self->callable == NULL) {
        return uninitialized("classmethod");
    }
    if (type == NULL || type == Py_None) {
        type = (PyObject *)Py_TYPE(obj);
    }
    return PyMethod_New(self->callable, type);
}

static PyObject *staticmethod_get(PyObject *op, PyObject *obj, PyObject *type)
{
    (void)obj;
    (void)type;
    wrapperobject *self = (wrapperobject *)op;
    if (self->callable == NULL) {
        return uninitialized("staticmethod");
    }
    return Py_NewRef(self->callable);
}

static PyObject *staticmethod_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    wrapperobject *self = (wrapperobject *)op;
    if (self->callable == NULL) {
        return uninitialized("staticmethod");
    }
    return PyObject_Call(self->callable, args, kwds);
}

static PyObject *wrapper_isabstract(PyObject *op, void *closure)
{
    (void)closure;
    wrapperobject *self = (wrapperobject *)op;
    if (self->callable == NULL) {
        Py_RETURN_FALSE;
    }
    PyObject *value;
    int found = PyObject_GetOptionalAttrString(self->callable,
                                               "__isabstractmethod__", &value);
    if (found <= 0) {
        return found < 0 ? NULL : Py_NewRef(Py_False);
    }
    int truth = PyObject_IsTrue(value);
    Py_DECREF(value);
    if (truth < 0) {
        return NULL;
    }
    return PyBool_FromLong(truth);
}

static PyObject *wrapper_get_dict(PyObject *op, void *closure)
{
    (void)closure;
    wrapperobject *self = (wrapperobject *)op;
    PyObject *dict = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (self->dict == NULL) {
        self->dict = PyDict_New();
    }
    dict = Py_XNewRef(self->dict);
    Py_END_CRITICAL_SECTION();
    return dict;
}

static int wrapper_set_dict(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    wrapperobject *self = (wrapperobject *)op;
    if (value == NULL || !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        value ? "__dict__ must be set to a dictionary"
                              : "cannot delete __dict__");
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_XSETREF(self->dict, Py_NewRef(value));
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *wrapper_get_func(PyObject *op, void *closure)
{
    (void)closure;
    wrapperobject *self = (wrapperobject *)op;
    if (self->callable == NULL) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(self->callable);
}

/* __annotations__ and __annotate__ are read from the wrapped callable
   on first use and then kept in the wrapper's __dict__ (where a setter
   also puts them), as CPython does.  The dict operations are atomic per
   call, and the first value stored wins (setdefault), so two threads
   reading at once return the same object. */
static PyObject *wrapper_lazy_get(PyObject *op, const char *name)
{
    wrapperobject *self = (wrapperobject *)op;
    PyObject *dict = wrapper_get_dict(op, NULL);   /* strong */
    if (dict == NULL) {
        return NULL;
    }
    PyObject *value;
    if (PyDict_GetItemStringRef(dict, name, &value) != 0) {
        Py_DECREF(dict);
        return value;     /* found (strong) or error (NULL) */
    }
    if (self->callable == NULL) {
        Py_DECREF(dict);
        PyErr_Format(PyExc_AttributeError, "'%s' object has no attribute '%s'",
                     Py_TYPE(op)->tp_name, name);
        return NULL;
    }
    value = PyObject_GetAttrString(self->callable, name);
    if (value == NULL) {
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *key = PyUnicode_FromString(name);
    PyObject *stored = NULL;
    if (key != NULL) {
        PyDict_SetDefaultRef(dict, key, value, &stored);
    }
    Py_XDECREF(key);
    Py_DECREF(value);
    Py_DECREF(dict);
    return stored;
}

static int wrapper_lazy_set(PyObject *op, const char *name, PyObject *value)
{
    PyObject *dict = wrapper_get_dict(op, NULL);   /* strong */
    if (dict == NULL) {
        return -1;
    }
    int rc;
    if (value != NULL) {
        rc = PyDict_SetItemString(dict, name, value);
    }
    else {
        int found = PyDict_PopString(dict, name, NULL);
        if (found == 0) {
            PyErr_SetString(PyExc_AttributeError, name);
        }
        rc = found == 1 ? 0 : -1;
    }
    Py_DECREF(dict);
    return rc;
}

static PyObject *wrapper_get_annotations(PyObject *op, void *Py_UNUSED(c))
{
    return wrapper_lazy_get(op, "__annotations__");
}

static int wrapper_set_annotations(PyObject *op, PyObject *value,
                                   void *Py_UNUSED(c))
{
    return wrapper_lazy_set(op, "__annotations__", value);
}

static PyObject *wrapper_get_annotate(PyObject *op, void *Py_UNUSED(c))
{
    return wrapper_lazy_get(op, "__annotate__");
}

static int wrapper_set_annotate(PyObject *op, PyObject *value,
                                void *Py_UNUSED(c))
{
    return wrapper_lazy_set(op, "__annotate__", value);
}

static PyGetSetDef wrapper_getset[] = {
    {"__annotations__", wrapper_get_annotations, wrapper_set_annotations,
     NULL, NULL},
    {"__annotate__", wrapper_get_annotate, wrapper_set_annotate, NULL, NULL},
    {"__func__", wrapper_get_func, NULL, NULL, NULL},
    {"__wrapped__", wrapper_get_func, NULL, NULL, NULL},
    {"__isabstractmethod__", wrapper_isabstract, NULL, NULL, NULL},
    {"__dict__", wrapper_get_dict, wrapper_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyClassMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(wrapperobject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = classmethod_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function, /)\n--\n\n"
              "Convert a function to be a class method.",
    .tp_traverse = wrapper_traverse,
    .tp_clear = wrapper_clear,
    .tp_getset = wrapper_getset,
    .tp_descr_get = classmethod_get,
    .tp_dictoffset = offsetof(wrapperobject, dict),
    .tp_init = classmethod_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject PyStaticMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(wrapperobject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = staticmethod_repr,
    .tp_call = staticmethod_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function, /)\n--\n\n"
              "Convert a function to be a static method.",
    .tp_traverse = wrapper_traverse,
    .tp_clear = wrapper_clear,
    .tp_getset = wrapper_getset,
    .tp_descr_get = staticmethod_get,
    .tp_dictoffset = offsetof(wrapperobject, dict),
    .tp_init = staticmethod_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

static PyObject *wrap_callable(PyTypeObject *type, PyObject *callable)
{
    wrapperobject *self = (wrapperobject *)PyType_GenericAlloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->callable = Py_NewRef(callable);
    return (PyObject *)self;
}

PyObject *PyClassMethod_New(PyObject *callable)
{
    return wrap_callable(&PyClassMethod_Type, callable);
}

PyObject *PyStaticMethod_New(PyObject *callable)
{
    return wrap_callable(&PyStaticMethod_Type, callable);
}
