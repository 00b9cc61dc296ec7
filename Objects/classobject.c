/* Bound methods: a callable paired with the instance it was looked up on.
   Immutable after creation, so shared use needs no locking. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_object.h"
#include "pycore_freelist.h"
#include "pycore_pystate.h"
#include "cpython/classobject.h"

static PyObject *method_vectorcall(PyObject *op, PyObject *const *args,
                                   size_t nargsf, PyObject *kwnames)
{
    PyMethodObject *self = (PyMethodObject *)op;
    return _PyObject_VectorcallPrepend(_PyThreadState_GET(), self->im_func,
                                       self->im_self, args, nargsf, kwnames);
}

PyObject *PyMethod_New(PyObject *func, PyObject *self)
{
    if (self == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyMethodObject *im = (PyMethodObject *)_Py_freelist_pop_gc(
        &_Py_freelists_get()->methods, &PyMethod_Type);
    if (im == NULL) {
        im = PyObject_GC_New(PyMethodObject, &PyMethod_Type);
    }
    if (im == NULL) {
        return NULL;
    }
    im->im_weakreflist = NULL;
    im->im_func = Py_NewRef(func);
    im->im_self = Py_NewRef(self);
    im->vectorcall = method_vectorcall;
    PyObject_GC_Track(im);
    return (PyObject *)im;
}

PyObject *PyMethod_Function(PyObject *im)
{
    if (!PyMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyMethod_GET_FUNCTION(im);
}

PyObject *PyMethod_Self(PyObject *im)
{
    if (!PyMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyMethod_GET_SELF(im);
}

static void method_dealloc(PyObject *op)
{
    PyMethodObject *im = (PyMethodObject *)op;
    PyObject_GC_UnTrack(op);
    if (im->im_weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    Py_DECREF(im->im_func);
    Py_DECREF(im->im_self);
    if (!_Py_freelist_push(&_Py_freelists_get()->methods, op, _Py_FREELIST_METHODS)) {
        PyObject_GC_Del(op);
    }
}

static int method_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyMethodObject *im = (PyMethodObject *)op;
    Py_VISIT(im->im_func);
    Py_VISIT(im->im_self);
    return 0;
}

static PyObject *method_repr(PyObject *op)
{
    PyMethodObject *im = (PyMethodObject *)op;
    PyObject *name;
    if (PyObject_GetOptionalAttrString(im->im_func, "__qualname__", &name) < 0) {
        return NULL;
    }
    if (name == NULL
            && PyObject_GetOptionalAttrString(im->im_func, "__name__", &name) < 0) {
        return NULL;
    }
    if (name != NULL && !PyUnicode_Check(name)) {
        Py_CLEAR(name);
    }
    PyObject *result = PyUnicode_FromFormat("<bound method %U of %R>",
                                            name ? name : PyUnicode_FromString("?"),
                                            im->im_self);
    Py_XDECREF(name);
    return result;
}

static PyObject *method_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyMethod_Check(a) || !PyMethod_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyMethodObject *x = (PyMethodObject *)a, *y = (PyMethodObject *)b;
    int equal = PyObject_RichCompareBool(x->im_func, y->im_func, Py_EQ);
    if (equal < 0) {
        return NULL;
    }
    equal = equal && x->im_self == y->im_self;
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static Py_hash_t method_hash(PyObject *op)
{
    PyMethodObject *im = (PyMethodObject *)op;
    Py_hash_t x = Py_HashPointer(im->im_self);
    Py_hash_t y = PyObject_Hash(im->im_func);
    if (y == -1) {
        return -1;
    }
    x ^= y;
    return x == -1 ? -2 : x;
}

/* Attributes not found on the method itself come from the function. */
static PyObject *method_getattro(PyObject *op, PyObject *name)
{
    PyMethodObject *im = (PyMethodObject *)op;
    PyTypeObject *type = Py_TYPE(op);
    PyObject *descr = _PyType_Lookup(type, name);
    if (descr != NULL) {
        descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
        if (get != NULL) {
            return get(descr, op, (PyObject *)type);
        }
        return Py_NewRef(descr);
    }
    return PyObject_GetAttr(im->im_func, name);
}

static PyObject *method_descr_get(PyObject *op, PyObject *obj, PyObject *type)
{
    (void)obj;
    (void)type;
    return Py_NewRef(op);
}

static PyObject *method_get_doc(PyObject *op, void *closure)
{
    (void)closure;
    return PyObject_GetAttrString(((PyMethodObject *)op)->im_func, "__doc__");
}

static PyObject *method_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyMethodObject *im = (PyMethodObject *)op;
    PyObject *name = PyObject_GetAttrString(im->im_func, "__name__");
    if (name == NULL) {
        return NULL;
    }
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    PyObject *getattr_func = builtins ? PyDict_GetItemString(builtins, "getattr")
                                      : NULL;
    if (getattr_func == NULL) {
        Py_DECREF(name);
        PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        return NULL;
    }
    return Py_BuildValue("O(ON)", getattr_func, im->im_self, name);
}

static PyMethodDef method_methods[] = {
    {"__reduce__", method_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef method_members[] = {
    {"__func__", Py_T_OBJECT_EX, offsetof(PyMethodObject, im_func),
     Py_READONLY, "the function (or other callable) implementing a method"},
    {"__self__", Py_T_OBJECT_EX, offsetof(PyMethodObject, im_self),
     Py_READONLY, "the instance to which a method is bound"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *method_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)type;
    if (!_PyArg_NoKeywords("method", kwds)) {
        return NULL;
    }
    PyObject *func, *self;
    if (!PyArg_UnpackTuple(args, "method", 2, 2, &func, &self)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (self == Py_None) {
        PyErr_SetString(PyExc_TypeError, "instance must not be None");
        return NULL;
    }
    return PyMethod_New(func, self);
}

PyTypeObject PyMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method",
    .tp_basicsize = sizeof(PyMethodObject),
    .tp_dealloc = method_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodObject, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = method_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "method(function, instance, /)\n--\n\n"
              "Create a bound instance method object.",
    .tp_traverse = method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(PyMethodObject, im_weakreflist),
    .tp_methods = method_methods,
    .tp_members = method_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_descr_get,
    .tp_new = method_new,
};
