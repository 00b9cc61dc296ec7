/* super(): attribute lookup that continues along type(obj).__mro__ after
   a given class.

   A super object is immutable once __init__ has run (which happens before
   it is shared), so it needs no locking; the lookup itself goes through
   the class dicts, which synchronise themselves. */
#include "Python.h"
#include "pycore_ceval.h"
#include "pycore_frame.h"
#include "pycore_object.h"
#include "pycore_stackref.h"       /* borrowed parameters */
#include "pycore_typeobject.h"

/* super(type, obj): attribute lookup along type(obj).__mro__ starting
   after `type`.  Immutable after __init__ (which runs before sharing). */
typedef struct {
    PyObject_HEAD
    PyTypeObject *type;         /* the class to start after */
    PyObject *obj;              /* the instance or class bound, or NULL */
    PyTypeObject *obj_type;     /* the class whose MRO is walked, or NULL */
} superobject;

static void super_dealloc(PyObject *self)
{
    superobject *su = (superobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(su->obj);
    Py_XDECREF(su->type);
    Py_XDECREF(su->obj_type);
    Py_TYPE(self)->tp_free(self);
}

static int super_traverse(PyObject *self, visitproc visit, void *arg)
{
    superobject *su = (superobject *)self;
    Py_VISIT(su->obj);
    Py_VISIT(su->type);
    Py_VISIT(su->obj_type);
    return 0;
}

static PyObject *super_repr(PyObject *self)
{
    superobject *su = (superobject *)self;
    const char *name = su->type != NULL ? su->type->tp_name : "NULL";
    if (su->obj_type != NULL) {
        return PyUnicode_FromFormat("<super: <class '%s'>, <%s object>>",
                                    name, su->obj_type->tp_name);
    }
    return PyUnicode_FromFormat("<super: <class '%s'>, NULL>", name);
}

/* The class whose MRO super(type, obj) walks: obj itself when it is a
   subclass of type, else type(obj) (or obj.__class__). */
static PyTypeObject *supercheck(PyTypeObject *type, PyObject *obj)
{
    if (PyType_Check(obj) && PyType_IsSubtype((PyTypeObject *)obj, type)) {
        return (PyTypeObject *)Py_NewRef(obj);
    }
    if (PyType_IsSubtype(Py_TYPE(obj), type)) {
        return (PyTypeObject *)Py_NewRef(Py_TYPE(obj));
    }
    PyObject *class_attr;
    if (PyObject_GetOptionalAttr(obj, _Py_INTERNED_ID(__class__), &class_attr) < 0) {
        return NULL;
    }
    if (class_attr != NULL && PyType_Check(class_attr)
            && (PyTypeObject *)class_attr != Py_TYPE(obj)
            && PyType_IsSubtype((PyTypeObject *)class_attr, type)) {
        return (PyTypeObject *)class_attr;
    }
    Py_XDECREF(class_attr);
    const char *kind = PyType_Check(obj) ? "type" : "instance of";
    const char *name = PyType_Check(obj) ? ((PyTypeObject *)obj)->tp_name
                                         : Py_TYPE(obj)->tp_name;
    PyErr_Format(PyExc_TypeError,
                 "super(type, obj): obj (%s %.200s) is not an instance or "
                 "subtype of type (%.200s).", kind, name, type->tp_name);
    return NULL;
}

static int super_init_impl(superobject *su, PyTypeObject *type, PyObject *obj)
{
    PyTypeObject *obj_type = NULL;
    if (obj == Py_None) {
        obj = NULL;
    }
    if (obj != NULL) {
        obj_type = supercheck(type, obj);
        if (obj_type == NULL) {
            return -1;
        }
        Py_INCREF(obj);
    }
    Py_XSETREF(su->type, (PyTypeObject *)Py_NewRef(type));
    Py_XSETREF(su->obj, obj);
    Py_XSETREF(su->obj_type, obj_type);
    return 0;
}

/* The zero-argument form: the running function's first argument and the
   class from its __class__ cell (the compiler creates that cell for any
   method that mentions super or __class__).  Sets *type_out and *obj_out
   to borrowed references; returns -1 with RuntimeError otherwise.  The
   frame belongs to the calling thread, so reading it needs no lock. */
static int super_from_frame(PyObject **type_out, PyObject **obj_out)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    PyCodeObject *code = _PyFrame_GetCode(frame);
    if (code->co_argcount == 0) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    /* The first argument may be borrowed from the caller
       (pycore_stackref.h, "borrowed parameters"). */
    PyObject *first = _PyStackRef_Get(frame->localsplus[0]);
    const unsigned char *kinds =
        (const unsigned char *)PyBytes_AS_STRING(code->co_localspluskinds);
    /* A first argument that is also captured by a closure lives in a cell. */
    if (first != NULL && (kinds[0] & CO_FAST_CELL) && PyCell_Check(first)) {
        first = PyCell_GET(first);
    }
    if (first == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < code->co_nlocalsplus; i++) {
        PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, i);
        if (!(kinds[i] & CO_FAST_FREE) || !_PyUnicode_EqualToASCIIString(name, "__class__")) {
            continue;
        }
        PyObject *cell = frame->localsplus[i];
        if (cell == NULL || !PyCell_Check(cell)) {
            PyErr_SetString(PyExc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        PyObject *type = PyCell_GET(cell);
        if (type == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!PyType_Check(type)) {
            PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)",
                         Py_TYPE(type)->tp_name);
            return -1;
        }
        *type_out = type;
        *obj_out = first;
        return 0;
    }
    PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

/* super(type[, obj]), or super() inside a method. */
static int super_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("super", kwds)) {
        return -1;
    }
    PyObject *type = NULL, *obj = NULL;
    if (!PyArg_UnpackTuple(args, "super", 0, 2, &type, &obj)) {
        return -1;
    }
    if (type == NULL && super_from_frame(&type, &obj) < 0) {
        return -1;
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError,
                     "super() argument 1 must be a type, not %.200s",
                     Py_TYPE(type)->tp_name);
        return -1;
    }
    return super_init_impl((superobject *)self, (PyTypeObject *)type, obj);
}

static PyObject *super_getattro(PyObject *self, PyObject *name)
{
    superobject *su = (superobject *)self;
    PyTypeObject *starttype = su->obj_type;
    /* super().__class__ is the super object's own class. */
    if (starttype == NULL || !PyUnicode_Check(name)
            || _PyUnicode_EqualToASCIIString(name, "__class__")) {
        return PyObject_GenericGetAttr(self, name);
    }
    PyObject *res = _PyType_LookupAfter(starttype, su->type, name);
    if (res == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        return PyObject_GenericGetAttr(self, name);
    }
    descrgetfunc get = Py_TYPE(res)->tp_descr_get;
    if (get != NULL) {
        PyObject *obj = su->obj == (PyObject *)starttype ? NULL : su->obj;
        Py_SETREF(res, get(res, obj, (PyObject *)starttype));
    }
    return res;
}

/* An unbound super object used as a descriptor binds to the instance. */
static PyObject *super_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    superobject *su = (superobject *)self;
    if (obj == NULL || obj == Py_None || su->obj != NULL) {
        return Py_NewRef(self);
    }
    if (!Py_IS_TYPE(su, &PySuper_Type)) {
        return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(su), su->type,
                                            obj, NULL);
    }
    superobject *newobj = (superobject *)PySuper_Type.tp_new(&PySuper_Type, NULL, NULL);
    if (newobj == NULL) {
        return NULL;
    }
    if (super_init_impl(newobj, su->type, obj) < 0) {
        Py_DECREF(newobj);
        return NULL;
    }
    return (PyObject *)newobj;
}

static PyMemberDef super_members[] = {
    {"__thisclass__", _Py_T_OBJECT, offsetof(superobject, type), Py_READONLY,
     "the class invoking super()"},
    {"__self__", _Py_T_OBJECT, offsetof(superobject, obj), Py_READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", _Py_T_OBJECT, offsetof(superobject, obj_type), Py_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PySuper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "super",
    .tp_basicsize = sizeof(superobject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

