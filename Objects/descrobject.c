/* Descriptors for C-level attributes: method, class-method, member,
   getset and slot-wrapper descriptors; the bound slot wrapper
   ("method-wrapper"); the argument-unpacking wrappers behind slot
   wrappers; mappingproxy; property; and PyMember_GetOne/SetOne.

   Descriptors are immutable once created (their fields are set before
   they are published and never change), so they need no locking.  A
   mappingproxy is an immutable view; the mapping it wraps synchronises
   itself.  property objects are mutable only through __init__, which
   runs before the object is shared, and __set_name__, which stores the
   name under the object's critical section. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_specialize.h"
#include "pycore_typeobject.h"

/* ---- common descriptor machinery ----------------------------------------------- */

static PyObject *descr_new(PyTypeObject *descrtype, PyTypeObject *type,
                           const char *name)
{
    PyDescrObject *descr = (PyDescrObject *)PyType_GenericAlloc(descrtype, 0);
    if (descr == NULL) {
        return NULL;
    }
    descr->d_type = (PyTypeObject *)Py_XNewRef(type);
    descr->d_name = PyUnicode_InternFromString(name);
    if (descr->d_name == NULL) {
        Py_DECREF(descr);
        return NULL;
    }
    return (PyObject *)descr;
}

static void descr_dealloc(PyObject *self)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(descr->d_type);
    Py_XDECREF(descr->d_name);
    Py_XDECREF(descr->d_qualname);
    PyObject_GC_Del(self);
}

static int descr_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyDescrObject *)self)->d_type);
    return 0;
}

static const char *descr_owner_name(PyObject *self)
{
    PyTypeObject *type = PyDescr_TYPE(self);
    return type != NULL ? type->tp_name : "?";
}

static PyObject *descr_repr(PyObject *self, const char *kind)
{
    return PyUnicode_FromFormat("<%s '%U' of '%s' objects>", kind,
                                PyDescr_NAME(self), descr_owner_name(self));
}

/* Does obj belong to the descriptor's class?  1 yes; 0 with TypeError. */
static int descr_check(PyDescrObject *descr, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' for '%.100s' objects doesn't apply to "
                     "a '%.100s' object",
                     descr->d_name, descr->d_type->tp_name,
                     Py_TYPE(obj)->tp_name);
        return 0;
    }
    return 1;
}

/* __qualname__: "Owner.name", computed once.  Racing threads compute the
   same string; the first published one wins. */
static PyObject *descr_get_qualname(PyObject *self, void *closure)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    PyObject *qualname = __atomic_load_n(&descr->d_qualname, __ATOMIC_ACQUIRE);
    if (qualname != NULL) {
        return Py_NewRef(qualname);
    }
    if (descr->d_type == NULL) {
        return Py_NewRef(descr->d_name);
    }
    PyObject *type_qualname = PyObject_GetAttrString((PyObject *)descr->d_type,
                                                     "__qualname__");
    if (type_qualname == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(type_qualname)) {
        PyErr_SetString(PyExc_TypeError,
                        "<descriptor>.__objclass__.__qualname__ is not a unicode object");
        Py_DECREF(type_qualname);
        return NULL;
    }
    qualname = PyUnicode_FromFormat("%U.%U", type_qualname, descr->d_name);
    Py_DECREF(type_qualname);
    if (qualname == NULL) {
        return NULL;
    }
    PyObject *expected = NULL;
    Py_INCREF(qualname);
    if (!__atomic_compare_exchange_n(&descr->d_qualname, &expected, qualname, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        Py_DECREF(qualname);
    }
    return qualname;
}

/* (getattr, (owner, name)): descriptors pickle as the attribute lookup
   that finds them. */
static PyObject *reduce_as_getattr(PyObject *owner, PyObject *name)
{
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    PyObject *getattr = NULL;
    if (builtins == NULL
            || PyDict_GetItemRef(builtins, _Py_INTERNED_ID(getattr), &getattr) <= 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        }
        return NULL;
    }
    PyObject *res = Py_BuildValue("N(OO)", getattr, owner, name);
    return res;
}

static PyObject *descr_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return reduce_as_getattr((PyObject *)PyDescr_TYPE(self), PyDescr_NAME(self));
}

static PyMemberDef descr_members[] = {
    {"__objclass__", _Py_T_OBJECT, offsetof(PyDescrObject, d_type), Py_READONLY, NULL},
    {"__name__", _Py_T_OBJECT, offsetof(PyDescrObject, d_name), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef descr_methods[] = {
    {"__reduce__", descr_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* Docstrings of C definitions carry an optional "name(sig)\n--\n\n" head. */
static PyObject *doc_from_internal(const char *name, const char *doc)
{
    if (doc == NULL) {
        Py_RETURN_NONE;
    }
    return _PyType_GetDocFromInternalDoc(name, doc);
}

/* The docstring of a member or getset definition, which has no head. */
static PyObject *plain_doc(const char *doc)
{
    if (doc == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(doc);
}

static PyObject *signature_from_internal(const char *name, const char *doc)
{
    if (doc == NULL) {
        Py_RETURN_NONE;
    }
    return _PyType_GetTextSignatureFromInternalDoc(name, doc);
}

/* ---- method descriptors (list.append) -------------------------------------------- */

static PyObject *method_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (!descr_check((PyDescrObject *)descr, obj)) {
        return NULL;
    }
    if (descr->d_method->ml_flags & METH_METHOD) {
        return PyCMethod_New(descr->d_method, obj, NULL, descr->d_common.d_type);
    }
    return PyCFunction_NewEx(descr->d_method, obj, NULL);
}

/* list.append(lst, x): the first argument is self. */
static PyObject *method_vectorcall(PyObject *func, PyObject *const *args,
                                   size_t nargsf, PyObject *kwnames)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "unbound method %U needs an argument",
                         funcstr);
            Py_DECREF(funcstr);
        }
        return NULL;
    }
    if (!descr_check((PyDescrObject *)descr, args[0])) {
        return NULL;
    }
    PyTypeObject *cls = (descr->d_method->ml_flags & METH_METHOD)
                            ? descr->d_common.d_type : NULL;
    return _PyMethodDef_Vectorcall(descr->d_method, func, args[0], cls,
                                   args + 1, (size_t)(nargs - 1), kwnames);
}

static PyObject *method_repr(PyObject *self)
{
    return descr_repr(self, "method");
}

static PyObject *method_get_doc(PyObject *self, void *closure)
{
    PyMethodDef *ml = ((PyMethodDescrObject *)self)->d_method;
    return doc_from_internal(ml->ml_name, ml->ml_doc);
}

static PyObject *method_get_text_signature(PyObject *self, void *closure)
{
    PyMethodDef *ml = ((PyMethodDescrObject *)self)->d_method;
    return signature_from_internal(ml->ml_name, ml->ml_doc);
}

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", method_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
    .tp_free = PyObject_GC_Del,
};

PyObject *PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)descr_new(
        &PyMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
        descr->vectorcall = method_vectorcall;
    }
    return (PyObject *)descr;
}

/* ---- class-method descriptors (dict.fromkeys) ------------------------------------ */

static PyObject *classmethod_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (type == NULL) {
        if (obj == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "descriptor '%U' for type '%.100s' needs either an "
                         "object or a type", PyDescr_NAME(self),
                         descr_owner_name(self));
            return NULL;
        }
        type = (PyObject *)Py_TYPE(obj);
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' for type '%.100s' needs a type, not a "
                     "'%.100s' as arg 2", PyDescr_NAME(self),
                     descr_owner_name(self), Py_TYPE(type)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, PyDescr_TYPE(self))) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' requires a subtype of '%.100s' but "
                     "received '%.100s'", PyDescr_NAME(self),
                     descr_owner_name(self), ((PyTypeObject *)type)->tp_name);
        return NULL;
    }
    if (descr->d_method->ml_flags & METH_METHOD) {
        return PyCMethod_New(descr->d_method, type, NULL, PyDescr_TYPE(self));
    }
    return PyCFunction_NewEx(descr->d_method, type, NULL);
}

/* dict.__dict__['fromkeys'](dict, ...): bind to args[0], then call. */
static PyObject *classmethod_vectorcall(PyObject *func, PyObject *const *args,
                                        size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' of '%.100s' object needs an argument",
                     PyDescr_NAME(func), descr_owner_name(func));
        return NULL;
    }
    PyObject *bound = classmethod_get(func, NULL, args[0]);
    if (bound == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Vectorcall(bound, args + 1, (size_t)(nargs - 1),
                                        kwnames);
    Py_DECREF(bound);
    return res;
}

PyTypeObject PyClassMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = descr_traverse,
    /* No __reduce__: pickling the descriptor itself (not the bound
       dict.fromkeys) is refused, as in CPython. */
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_get,
    .tp_free = PyObject_GC_Del,
};

PyObject *PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)descr_new(
        &PyClassMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
        descr->vectorcall = classmethod_vectorcall;
    }
    return (PyObject *)descr;
}

/* ---- member descriptors (__slots__, PyMemberDef) ------------------------------- */

static PyObject *member_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (!descr_check((PyDescrObject *)descr, obj)) {
        return NULL;
    }
    return PyMember_GetOne((const char *)obj, descr->d_member);
}

static int member_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (!descr_check((PyDescrObject *)descr, obj)) {
        return -1;
    }
    return PyMember_SetOne((char *)obj, descr->d_member, value);
}

static PyObject *member_repr(PyObject *self)
{
    return descr_repr(self, "member");
}

static PyObject *member_get_doc(PyObject *self, void *closure)
{
    return plain_doc(((PyMemberDescrObject *)self)->d_member->doc);
}

static PyGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyMemberDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(PyMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_free = PyObject_GC_Del,
};

PyObject *PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member)
{
    if (member->flags & Py_RELATIVE_OFFSET) {
        PyErr_SetString(PyExc_SystemError,
                        "PyDescr_NewMember used with Py_RELATIVE_OFFSET");
        return NULL;
    }
    PyMemberDescrObject *descr = (PyMemberDescrObject *)descr_new(
        &PyMemberDescr_Type, type, member->name);
    if (descr != NULL) {
        descr->d_member = member;
    }
    return (PyObject *)descr;
}

/* ---- getset descriptors (PyGetSetDef) -------------------------------------------- */

static PyObject *getset_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (!descr_check((PyDescrObject *)descr, obj)) {
        return NULL;
    }
    if (descr->d_getset->get == NULL) {
        PyErr_Format(PyExc_AttributeError,
                     "attribute '%U' of '%.100s' objects is not readable",
                     PyDescr_NAME(self), descr_owner_name(self));
        return NULL;
    }
    return descr->d_getset->get(obj, descr->d_getset->closure);
}

static int getset_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (!descr_check((PyDescrObject *)descr, obj)) {
        return -1;
    }
    if (descr->d_getset->set == NULL) {
        PyErr_Format(PyExc_AttributeError,
                     "attribute '%U' of '%.100s' objects is not writable",
                     PyDescr_NAME(self), descr_owner_name(self));
        return -1;
    }
    return descr->d_getset->set(obj, value, descr->d_getset->closure);
}

static PyObject *getset_repr(PyObject *self)
{
    return descr_repr(self, "attribute");
}

static PyObject *getset_get_doc(PyObject *self, void *closure)
{
    return plain_doc(((PyGetSetDescrObject *)self)->d_getset->doc);
}

static PyGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyGetSetDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(PyGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_free = PyObject_GC_Del,
};

PyObject *PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)descr_new(
        &PyGetSetDescr_Type, type, getset->name);
    if (descr != NULL) {
        descr->d_getset = getset;
    }
    return (PyObject *)descr;
}

/* ---- slot wrapper descriptors (int.__add__) -------------------------------------- */

/* Call the wrapper of `base` for self with an argument tuple. */
static PyObject *call_wrapper(struct wrapperbase *base, void *wrapped,
                              PyObject *self, PyObject *args, PyObject *kwds)
{
    if (base->flags & PyWrapperFlag_KEYWORDS) {
        wrapperfunc_kwds wk = (wrapperfunc_kwds)(void (*)(void))base->wrapper;
        return wk(self, args, wrapped, kwds);
    }
    if (kwds != NULL && (!PyDict_Check(kwds) || PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_Format(PyExc_TypeError, "wrapper %s() takes no keyword arguments",
                     base->name);
        return NULL;
    }
    return base->wrapper(self, args, wrapped);
}

static PyObject *wrapperdescr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (!descr_check((PyDescrObject *)self, obj)) {
        return NULL;
    }
    return PyWrapper_New(self, obj);
}

/* int.__add__(1, 2) */
static PyObject *wrapperdescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs < 1) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' of '%.100s' object needs an argument",
                     PyDescr_NAME(self), descr_owner_name(self));
        return NULL;
    }
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    if (!PyObject_TypeCheck(obj, PyDescr_TYPE(self))) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' requires a '%.100s' object but received "
                     "a '%.100s'", PyDescr_NAME(self), descr_owner_name(self),
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, nargs);
    if (rest == NULL) {
        return NULL;
    }
    PyObject *res = call_wrapper(descr->d_base, descr->d_wrapped, obj, rest, kwds);
    Py_DECREF(rest);
    return res;
}

static PyObject *wrapperdescr_repr(PyObject *self)
{
    return descr_repr(self, "slot wrapper");
}

static PyObject *wrapperdescr_get_doc(PyObject *self, void *closure)
{
    struct wrapperbase *base = ((PyWrapperDescrObject *)self)->d_base;
    return doc_from_internal(base->name, base->doc);
}

static PyObject *wrapperdescr_get_text_signature(PyObject *self, void *closure)
{
    struct wrapperbase *base = ((PyWrapperDescrObject *)self)->d_base;
    return signature_from_internal(base->name, base->doc);
}

static PyGetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", wrapperdescr_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyWrapperDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(PyWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = wrapperdescr_get,
    .tp_free = PyObject_GC_Del,
};

PyObject *PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base,
                             void *wrapped)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)descr_new(
        &PyWrapperDescr_Type, type, base->name);
    if (descr != NULL) {
        descr->d_base = base;
        descr->d_wrapped = wrapped;
    }
    return (PyObject *)descr;
}

int PyDescr_IsData(PyObject *ob)
{
    return Py_TYPE(ob)->tp_descr_set != NULL;
}

/* ---- method-wrapper: a slot wrapper bound to an instance ------------------------ */

typedef struct {
    PyObject_HEAD
    PyWrapperDescrObject *descr;    /* owned */
    PyObject *self;                 /* owned */
} wrapperobject;

/* The trashcan bounds the C recursion of a long chain of wrappers
   (`f = f.__call__` a million times), each owning the next as its self. */
static void wrapper_dealloc(PyObject *op)
{
    wrapperobject *wp = (wrapperobject *)op;
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, wrapper_dealloc)
    Py_XDECREF(wp->descr);
    Py_XDECREF(wp->self);
    PyObject_GC_Del(op);
    Py_TRASHCAN_END
}

static int wrapper_traverse(PyObject *op, visitproc visit, void *arg)
{
    wrapperobject *wp = (wrapperobject *)op;
    Py_VISIT(wp->descr);
    Py_VISIT(wp->self);
    return 0;
}

static PyObject *wrapper_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE)
            || !Py_IS_TYPE(a, &_PyMethodWrapper_Type)
            || !Py_IS_TYPE(b, &_PyMethodWrapper_Type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    wrapperobject *wa = (wrapperobject *)a, *wb = (wrapperobject *)b;
    int eq = wa->descr == wb->descr && wa->self == wb->self;
    return Py_NewRef((eq == (op == Py_EQ)) ? Py_True : Py_False);
}

static Py_hash_t wrapper_hash(PyObject *op)
{
    wrapperobject *wp = (wrapperobject *)op;
    Py_hash_t x = Py_HashPointer(wp->self) ^ Py_HashPointer(wp->descr);
    return x == -1 ? -2 : x;
}

static PyObject *wrapper_repr(PyObject *op)
{
    wrapperobject *wp = (wrapperobject *)op;
    return PyUnicode_FromFormat("<method-wrapper '%s' of %s object at %p>",
                                wp->descr->d_base->name,
                                Py_TYPE(wp->self)->tp_name, wp->self);
}

static PyObject *wrapper_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    wrapperobject *wp = (wrapperobject *)op;
    return call_wrapper(wp->descr->d_base, wp->descr->d_wrapped, wp->self,
                        args, kwds);
}

static PyObject *wrapper_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    wrapperobject *wp = (wrapperobject *)op;
    return reduce_as_getattr(wp->self, PyDescr_NAME(wp->descr));
}

static PyObject *wrapper_objclass(PyObject *op, void *closure)
{
    return Py_NewRef(PyDescr_TYPE(((wrapperobject *)op)->descr));
}

static PyObject *wrapper_name(PyObject *op, void *closure)
{
    return Py_NewRef(PyDescr_NAME(((wrapperobject *)op)->descr));
}

static PyObject *wrapper_qualname(PyObject *op, void *closure)
{
    return descr_get_qualname((PyObject *)((wrapperobject *)op)->descr, NULL);
}

static PyObject *wrapper_doc(PyObject *op, void *closure)
{
    return wrapperdescr_get_doc((PyObject *)((wrapperobject *)op)->descr, NULL);
}

static PyObject *wrapper_text_signature(PyObject *op, void *closure)
{
    return wrapperdescr_get_text_signature((PyObject *)((wrapperobject *)op)->descr,
                                           NULL);
}

static PyMemberDef wrapper_members[] = {
    {"__self__", _Py_T_OBJECT, offsetof(wrapperobject, self), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef wrapper_getsets[] = {
    {"__objclass__", wrapper_objclass, NULL, NULL, NULL},
    {"__name__", wrapper_name, NULL, NULL, NULL},
    {"__qualname__", wrapper_qualname, NULL, NULL, NULL},
    {"__doc__", wrapper_doc, NULL, NULL, NULL},
    {"__text_signature__", wrapper_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef wrapper_methods[] = {
    {"__reduce__", wrapper_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyMethodWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(wrapperobject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_hash = wrapper_hash,
    .tp_call = wrapper_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapper_traverse,
    .tp_richcompare = wrapper_richcompare,
    .tp_methods = wrapper_methods,
    .tp_members = wrapper_members,
    .tp_getset = wrapper_getsets,
    .tp_free = PyObject_GC_Del,
};

PyObject *PyWrapper_New(PyObject *d, PyObject *self)
{
    if (!Py_IS_TYPE(d, &PyWrapperDescr_Type)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    wrapperobject *wp = PyObject_GC_New(wrapperobject, &_PyMethodWrapper_Type);
    if (wp == NULL) {
        return NULL;
    }
    wp->descr = (PyWrapperDescrObject *)Py_NewRef(d);
    wp->self = Py_NewRef(self);
    PyObject_GC_Track(wp);
    return (PyObject *)wp;
}

/* ---- wrappers: from an argument tuple to a C slot call ----------------------------- */

static int check_num_args(PyObject *args, Py_ssize_t n)
{
    if (!PyTuple_CheckExact(args)) {
        PyErr_SetString(PyExc_SystemError,
                        "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    Py_ssize_t got = PyTuple_GET_SIZE(args);
    if (got == n) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "expected %zd argument%s, got %zd",
                 n, n == 1 ? "" : "s", got);
    return 0;
}

PyObject *_Py_wrap_unaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    return ((unaryfunc)wrapped)(self);
}

PyObject *_Py_wrap_binaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    return ((binaryfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
}

PyObject *_Py_wrap_binaryfunc_l(PyObject *self, PyObject *args, void *wrapped)
{
    return _Py_wrap_binaryfunc(self, args, wrapped);
}

/* The reflected operator: __radd__(self, other) is other + self. */
PyObject *_Py_wrap_binaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    return ((binaryfunc)wrapped)(PyTuple_GET_ITEM(args, 0), self);
}

PyObject *_Py_wrap_ternaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third = Py_None;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &other, &third)) {
        return NULL;
    }
    return ((ternaryfunc)wrapped)(self, other, third);
}

PyObject *_Py_wrap_ternaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third = Py_None;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &other, &third)) {
        return NULL;
    }
    return ((ternaryfunc)wrapped)(other, self, third);
}

PyObject *_Py_wrap_inquirypred(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    int res = ((inquiry)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(res);
}

PyObject *_Py_wrap_lenfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    Py_ssize_t res = ((lenfunc)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(res);
}

/* sq_repeat: the count must be an index (OverflowError if too big). */
PyObject *_Py_wrap_indexargfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t i = PyNumber_AsSsize_t(PyTuple_GET_ITEM(args, 0),
                                      PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return ((ssizeargfunc)wrapped)(self, i);
}

/* A sequence index from a Python object; negative values count from the
   end, as sq_item does not do that itself. */
static Py_ssize_t sequence_index(PyObject *self, PyObject *arg)
{
    Py_ssize_t i = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (i < 0) {
        PySequenceMethods *sq = Py_TYPE(self)->tp_as_sequence;
        if (sq != NULL && sq->sq_length != NULL) {
            Py_ssize_t n = sq->sq_length(self);
            if (n < 0) {
                return -1;
            }
            i += n;
        }
    }
    return i;
}

PyObject *_Py_wrap_sq_item(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t i = sequence_index(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return ((ssizeargfunc)wrapped)(self, i);
}

PyObject *_Py_wrap_sq_setitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) {
        return NULL;
    }
    Py_ssize_t i = sequence_index(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (((ssizeobjargproc)wrapped)(self, i, PyTuple_GET_ITEM(args, 1)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *_Py_wrap_sq_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t i = sequence_index(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (((ssizeobjargproc)wrapped)(self, i, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *_Py_wrap_objobjproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    int res = ((objobjproc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(res);
}

PyObject *_Py_wrap_objobjargproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) {
        return NULL;
    }
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0),
                                 PyTuple_GET_ITEM(args, 1)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *_Py_wrap_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* object.__setattr__(int, 'x', 1) must not bypass type's own setattr:
   the wrapped function has to be the one self's type really uses (the
   nearest class that does not dispatch to a Python-level __setattr__). */
static int hackcheck(PyObject *self, setattrofunc func, const char *what)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mro = type->tp_mro;
    if (mro == NULL) {
        return 1;
    }
    PyTypeObject *defining = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(base->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
            defining = base;
            break;
        }
    }
    if (defining != NULL && defining->tp_setattro != func) {
        PyErr_Format(PyExc_TypeError, "can't apply this %s to %s object",
                     what, defining->tp_name);
        return 0;
    }
    return 1;
}

PyObject *_Py_wrap_setattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) {
        return NULL;
    }
    if (!hackcheck(self, (setattrofunc)wrapped, "__setattr__")) {
        return NULL;
    }
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0),
                                PyTuple_GET_ITEM(args, 1)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *_Py_wrap_delattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    if (!hackcheck(self, (setattrofunc)wrapped, "__delattr__")) {
        return NULL;
    }
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *_Py_wrap_hashfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    Py_hash_t res = ((hashfunc)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(res);
}

PyObject *_Py_wrap_call(PyObject *self, PyObject *args, void *wrapped,
                        PyObject *kwds)
{
    return ((ternaryfunc)wrapped)(self, args, kwds);
}

PyObject *_Py_wrap_del(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    ((destructor)wrapped)(self);
    Py_RETURN_NONE;
}

#define WRAP_RICHCMP(NAME, OP)                                              \
    PyObject *NAME(PyObject *self, PyObject *args, void *wrapped)           \
    {                                                                       \
        if (!check_num_args(args, 1)) {                                     \
            return NULL;                                                    \
        }                                                                   \
        return ((richcmpfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), OP); \
    }

WRAP_RICHCMP(_Py_wrap_richcmp_lt, Py_LT)
WRAP_RICHCMP(_Py_wrap_richcmp_le, Py_LE)
WRAP_RICHCMP(_Py_wrap_richcmp_eq, Py_EQ)
WRAP_RICHCMP(_Py_wrap_richcmp_ne, Py_NE)
WRAP_RICHCMP(_Py_wrap_richcmp_gt, Py_GT)
WRAP_RICHCMP(_Py_wrap_richcmp_ge, Py_GE)

/* tp_iternext returns NULL without an exception at the end. */
PyObject *_Py_wrap_next(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    PyObject *res = ((iternextfunc)wrapped)(self);
    if (res == NULL && !PyErr_Occurred()) {
        PyErr_SetNone(PyExc_StopIteration);
    }
    return res;
}

PyObject *_Py_wrap_descr_get(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *obj, *type = NULL;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &obj, &type)) {
        return NULL;
    }
    if (obj == Py_None) {
        obj = NULL;
    }
    if (type == Py_None) {
        type = NULL;
    }
    if (type == NULL && obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((descrgetfunc)wrapped)(self, obj, type);
}

PyObject *_Py_wrap_descr_set(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 2)) {
        return NULL;
    }
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0),
                                PyTuple_GET_ITEM(args, 1)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *_Py_wrap_descr_delete(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

PyObject *_Py_wrap_init(PyObject *self, PyObject *args, void *wrapped,
                        PyObject *kwds)
{
    if (((initproc)wrapped)(self, args, kwds) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- mappingproxy: a read-only view of a mapping ------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *mapping;      /* owned, never changes */
} mappingproxyobject;

static int mappingproxy_check_mapping(PyObject *mapping)
{
    if (!PyMapping_Check(mapping) || PyList_Check(mapping)
            || PyTuple_Check(mapping)) {
        PyErr_Format(PyExc_TypeError,
                     "mappingproxy() argument must be a mapping, not %s",
                     Py_TYPE(mapping)->tp_name);
        return -1;
    }
    return 0;
}

PyObject *PyDictProxy_New(PyObject *mapping)
{
    if (mappingproxy_check_mapping(mapping) < 0) {
        return NULL;
    }
    mappingproxyobject *pp = PyObject_GC_New(mappingproxyobject, &PyDictProxy_Type);
    if (pp == NULL) {
        return NULL;
    }
    pp->mapping = Py_NewRef(mapping);
    PyObject_GC_Track(pp);
    return (PyObject *)pp;
}

static PyObject *mappingproxy_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"mapping", NULL};
    PyObject *mapping;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:mappingproxy", kwlist,
                                     &mapping)) {
        return NULL;
    }
    return PyDictProxy_New(mapping);
}

static void mappingproxy_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_DECREF(((mappingproxyobject *)self)->mapping);
    PyObject_GC_Del(self);
}

static int mappingproxy_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((mappingproxyobject *)self)->mapping);
    return 0;
}

#define PROXIED(self) (((mappingproxyobject *)(self))->mapping)

static Py_ssize_t mappingproxy_len(PyObject *self)
{
    return PyObject_Size(PROXIED(self));
}

static PyObject *mappingproxy_getitem(PyObject *self, PyObject *key)
{
    return PyObject_GetItem(PROXIED(self), key);
}

static int mappingproxy_contains(PyObject *self, PyObject *key)
{
    if (PyDict_CheckExact(PROXIED(self))) {
        return PyDict_Contains(PROXIED(self), key);
    }
    return PySequence_Contains(PROXIED(self), key);
}

static PyObject *mappingproxy_iter(PyObject *self)
{
    return PyObject_GetIter(PROXIED(self));
}

static PyObject *mappingproxy_str(PyObject *self)
{
    return PyObject_Str(PROXIED(self));
}

static PyObject *mappingproxy_repr(PyObject *self)
{
    return PyUnicode_FromFormat("mappingproxy(%R)", PROXIED(self));
}

static PyObject *mappingproxy_richcompare(PyObject *self, PyObject *other, int op)
{
    return PyObject_RichCompare(PROXIED(self), other, op);
}

/* A proxy hashes as its mapping (unhashable if the mapping is): the proxy
   adds no state, and the mapping is immutable for it. */
static Py_hash_t mappingproxy_hash(PyObject *self)
{
    return PyObject_Hash(PROXIED(self));
}

/* proxy | other and other | proxy give a new dict (the mapping's own |). */
static PyObject *mappingproxy_or(PyObject *left, PyObject *right)
{
    if (PyObject_TypeCheck(left, &PyDictProxy_Type)) {
        left = PROXIED(left);
    }
    if (PyObject_TypeCheck(right, &PyDictProxy_Type)) {
        right = PROXIED(right);
    }
    return PyNumber_Or(left, right);
}

static PyObject *mappingproxy_ior(PyObject *self, PyObject *other)
{
    PyErr_Format(PyExc_TypeError,
                 "'|=' is not supported by %s; use '|' instead",
                 Py_TYPE(self)->tp_name);
    return NULL;
}

static PyObject *mappingproxy_get(PyObject *self, PyObject *const *args,
                                  Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *newargs[3] = {PROXIED(self), args[0],
                            nargs == 2 ? args[1] : Py_None};
    return PyObject_VectorcallMethod(_Py_INTERNED_ID(get), newargs,
                                     3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

#define PROXY_METHOD0(FUNCNAME, METHOD)                                     \
    static PyObject *FUNCNAME(PyObject *self, PyObject *Py_UNUSED(ignored)) \
    {                                                                       \
        return PyObject_CallMethodNoArgs(PROXIED(self),                     \
                                         _Py_INTERNED_ID(METHOD));          \
    }

PROXY_METHOD0(mappingproxy_keys, keys)
PROXY_METHOD0(mappingproxy_values, values)
PROXY_METHOD0(mappingproxy_items, items)
PROXY_METHOD0(mappingproxy_copy, copy)

static PyObject *mappingproxy_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *func;
    if (PyObject_GetOptionalAttr(PROXIED(self), _Py_INTERNED_ID(__reversed__),
                                 &func) < 0) {
        return NULL;
    }
    if (func == NULL) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *res = _PyObject_CallNoArgs(func);
    Py_DECREF(func);
    return res;
}

static PyMethodDef mappingproxy_methods[] = {
    {"get", _PyCFunction_CAST(mappingproxy_get), METH_FASTCALL,
     "get($self, key, default=None, /)\n--\n\n"
     "Return the value for key if key is in the mapping, else default."},
    {"keys", mappingproxy_keys, METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", mappingproxy_values, METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"items", mappingproxy_items, METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"copy", mappingproxy_copy, METH_NOARGS,
     "D.copy() -> a shallow copy of D"},
    {"__reversed__", mappingproxy_reversed, METH_NOARGS,
     "D.__reversed__() -> reverse iterator"},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods mappingproxy_as_number = {
    .nb_or = mappingproxy_or,
    .nb_inplace_or = mappingproxy_ior,
};

static PyMappingMethods mappingproxy_as_mapping = {
    .mp_length = mappingproxy_len,
    .mp_subscript = mappingproxy_getitem,
};

static PySequenceMethods mappingproxy_as_sequence = {
    .sq_contains = mappingproxy_contains,
};

PyTypeObject PyDictProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxyobject),
    .tp_dealloc = mappingproxy_dealloc,
    .tp_repr = mappingproxy_repr,
    .tp_as_number = &mappingproxy_as_number,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_str = mappingproxy_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_doc = "mappingproxy(mapping)\n--\n\n"
              "Read-only proxy of a mapping.",
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_hash = mappingproxy_hash,
    .tp_iter = mappingproxy_iter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- PyMemberDef access ---------------------------------------------------------- */

/* Object-valued members of a shared object are read and written inside
   that object's critical section, so a reader never takes a reference
   to a value a concurrent writer has already released. */
static PyObject *member_load_object(const char *obj_addr, PyObject **addr)
{
    PyObject *v;
    Py_BEGIN_CRITICAL_SECTION((PyObject *)obj_addr);
    v = Py_XNewRef(*addr);
    Py_END_CRITICAL_SECTION();
    return v;
}

PyObject *PyMember_GetOne(const char *obj_addr, PyMemberDef *l)
{
    if (l->flags & Py_RELATIVE_OFFSET) {
        PyErr_SetString(PyExc_SystemError,
                        "PyMember_GetOne used with Py_RELATIVE_OFFSET");
        return NULL;
    }
    const char *addr = obj_addr + l->offset;
    PyObject *v;
    switch (l->type) {
    case Py_T_BOOL:
        return PyBool_FromLong(*(const char *)addr);
    case Py_T_BYTE:
        return PyLong_FromLong(*(const signed char *)addr);
    case Py_T_UBYTE:
        return PyLong_FromUnsignedLong(*(const unsigned char *)addr);
    case Py_T_SHORT:
        return PyLong_FromLong(*(const short *)addr);
    case Py_T_USHORT:
        return PyLong_FromUnsignedLong(*(const unsigned short *)addr);
    case Py_T_INT:
        return PyLong_FromLong(*(const int *)addr);
    case Py_T_UINT:
        return PyLong_FromUnsignedLong(*(const unsigned int *)addr);
    case Py_T_LONG:
        return PyLong_FromLong(*(const long *)addr);
    case Py_T_ULONG:
        return PyLong_FromUnsignedLong(*(const unsigned long *)addr);
    case Py_T_PYSSIZET:
        return PyLong_FromSsize_t(*(const Py_ssize_t *)addr);
    case Py_T_LONGLONG:
        return PyLong_FromLongLong(*(const long long *)addr);
    case Py_T_ULONGLONG:
        return PyLong_FromUnsignedLongLong(*(const unsigned long long *)addr);
    case Py_T_FLOAT:
        return PyFloat_FromDouble(*(const float *)addr);
    case Py_T_DOUBLE:
        return PyFloat_FromDouble(*(const double *)addr);
    case Py_T_STRING: {
        const char *s = *(char *const *)addr;
        if (s == NULL) {
            Py_RETURN_NONE;
        }
        return PyUnicode_FromString(s);
    }
    case Py_T_STRING_INPLACE:
        return PyUnicode_FromString(addr);
    case Py_T_CHAR:
        return PyUnicode_FromStringAndSize(addr, 1);
    case _Py_T_OBJECT:
        v = member_load_object(obj_addr, (PyObject **)addr);
        return v != NULL ? v : Py_NewRef(Py_None);
    case Py_T_OBJECT_EX:
        v = member_load_object(obj_addr, (PyObject **)addr);
        if (v == NULL) {
            /* The type's fully qualified name, as CPython 3.13+. */
            PyErr_Format(PyExc_AttributeError,
                         "'%T' object has no attribute '%s'",
                         (PyObject *)obj_addr, l->name);
        }
        return v;
    case _Py_T_NONE:
        Py_RETURN_NONE;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        return NULL;
    }
}

/* An int member value: the C long, with a RuntimeWarning when it does
   not fit the field (as CPython). */
static int member_long(PyObject *v, long *out, long min, long max,
                       const char *ctype)
{
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (x < min || x > max) {
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                             "Truncation of value to %s", ctype) < 0) {
            return -1;
        }
    }
    *out = x;
    return 0;
}

static int member_set_number(char *addr, PyMemberDef *l, PyObject *v)
{
    long x;
    switch (l->type) {
    case Py_T_BOOL:
        if (!PyBool_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = (char)(v == Py_True);
        return 0;
    case Py_T_BYTE:
        if (member_long(v, &x, SCHAR_MIN, SCHAR_MAX, "char") < 0) return -1;
        *(signed char *)addr = (signed char)x;
        return 0;
    case Py_T_UBYTE:
        if (member_long(v, &x, 0, UCHAR_MAX, "unsigned char") < 0) return -1;
        *(unsigned char *)addr = (unsigned char)x;
        return 0;
    case Py_T_SHORT:
        if (member_long(v, &x, SHRT_MIN, SHRT_MAX, "short") < 0) return -1;
        *(short *)addr = (short)x;
        return 0;
    case Py_T_USHORT:
        if (member_long(v, &x, 0, USHRT_MAX, "unsigned short") < 0) return -1;
        *(unsigned short *)addr = (unsigned short)x;
        return 0;
    case Py_T_INT:
        if (member_long(v, &x, INT_MIN, INT_MAX, "int") < 0) return -1;
        *(int *)addr = (int)x;
        return 0;
    case Py_T_UINT:
        if (member_long(v, &x, 0, (long)UINT_MAX, "unsigned int") < 0) return -1;
        *(unsigned int *)addr = (unsigned int)x;
        return 0;
    case Py_T_LONG:
        x = PyLong_AsLong(v);
        if (x == -1 && PyErr_Occurred()) return -1;
        *(long *)addr = x;
        return 0;
    case Py_T_ULONG: {
        unsigned long u = PyLong_AsUnsignedLong(v);
        if (u == (unsigned long)-1 && PyErr_Occurred()) return -1;
        *(unsigned long *)addr = u;
        return 0;
    }
    case Py_T_PYSSIZET: {
        Py_ssize_t s = PyLong_AsSsize_t(v);
        if (s == -1 && PyErr_Occurred()) return -1;
        *(Py_ssize_t *)addr = s;
        return 0;
    }
    case Py_T_LONGLONG: {
        long long ll = PyLong_AsLongLong(v);
        if (ll == -1 && PyErr_Occurred()) return -1;
        *(long long *)addr = ll;
        return 0;
    }
    case Py_T_ULONGLONG: {
        unsigned long long ull = PyLong_AsUnsignedLongLong(v);
        if (ull == (unsigned long long)-1 && PyErr_Occurred()) return -1;
        *(unsigned long long *)addr = ull;
        return 0;
    }
    case Py_T_FLOAT: {
        double d = PyFloat_AsDouble(v);
        if (d == -1 && PyErr_Occurred()) return -1;
        *(float *)addr = (float)d;
        return 0;
    }
    case Py_T_DOUBLE: {
        double d = PyFloat_AsDouble(v);
        if (d == -1 && PyErr_Occurred()) return -1;
        *(double *)addr = d;
        return 0;
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", l->name);
        return -1;
    }
}

int PyMember_SetOne(char *obj_addr, PyMemberDef *l, PyObject *v)
{
    if (l->flags & Py_READONLY) {
        PyErr_SetString(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (l->flags & Py_RELATIVE_OFFSET) {
        PyErr_SetString(PyExc_SystemError,
                        "PyMember_SetOne used with Py_RELATIVE_OFFSET");
        return -1;
    }
    char *addr = obj_addr + l->offset;
    if (l->type == _Py_T_OBJECT || l->type == Py_T_OBJECT_EX) {
        PyObject *old;
        int missing = 0;
        Py_BEGIN_CRITICAL_SECTION((PyObject *)obj_addr);
        old = *(PyObject **)addr;
        if (v == NULL && l->type == Py_T_OBJECT_EX && old == NULL) {
            missing = 1;
        }
        else {
            *(PyObject **)addr = Py_XNewRef(v);
        }
        Py_END_CRITICAL_SECTION();
        if (missing) {
            PyErr_SetString(PyExc_AttributeError, l->name);
            return -1;
        }
        Py_XDECREF(old);
        return 0;
    }
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (l->type) {
    case Py_T_CHAR: {
        Py_ssize_t len;
        const char *s = PyUnicode_Check(v) ? PyUnicode_AsUTF8AndSize(v, &len) : NULL;
        if (s == NULL || len != 1) {
            if (s != NULL || !PyErr_Occurred()) {
                PyErr_Clear();
                PyErr_BadArgument();
            }
            return -1;
        }
        *addr = s[0];
        return 0;
    }
    case Py_T_STRING:
    case Py_T_STRING_INPLACE:
        PyErr_SetString(PyExc_TypeError, "readonly attribute");
        return -1;
    default:
        return member_set_number(addr, l, v);
    }
}

/* ---- property ---------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;    /* from __set_name__, for error messages */
    int getter_doc;         /* prop_doc was taken from fget.__doc__ */
} propertyobject;

static void property_dealloc(PyObject *self)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(gs->prop_get);
    Py_XDECREF(gs->prop_set);
    Py_XDECREF(gs->prop_del);
    Py_XDECREF(gs->prop_doc);
    Py_XDECREF(gs->prop_name);
    Py_TYPE(self)->tp_free(self);
}

static int property_traverse(PyObject *self, visitproc visit, void *arg)
{
    propertyobject *pp = (propertyobject *)self;
    Py_VISIT(pp->prop_get);
    Py_VISIT(pp->prop_set);
    Py_VISIT(pp->prop_del);
    Py_VISIT(pp->prop_doc);
    Py_VISIT(pp->prop_name);
    return 0;
}

static int property_clear(PyObject *self)
{
    propertyobject *pp = (propertyobject *)self;
    Py_CLEAR(pp->prop_doc);
    return 0;
}

/* "property 'x' of 'C' object has no getter" (without the name when the
   property was never given one). */
static void property_error(propertyobject *gs, PyObject *obj, const char *what)
{
    PyObject *qualname = PyType_GetQualName(Py_TYPE(obj));
    if (qualname == NULL) {
        return;
    }
    PyObject *name = gs->prop_name;
    if (name == NULL && gs->prop_get != NULL) {
        if (PyObject_GetOptionalAttr(gs->prop_get, _Py_INTERNED_ID(__name__), &name) < 0) {
            PyErr_Clear();
        }
    }
    else {
        Py_XINCREF(name);
    }
    if (name != NULL) {
        PyErr_Format(PyExc_AttributeError, "property %R of %R object has no %s",
                     name, qualname, what);
    }
    else {
        PyErr_Format(PyExc_AttributeError, "property of %R object has no %s",
                     qualname, what);
    }
    Py_XDECREF(name);
    Py_DECREF(qualname);
}

static PyObject *property_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL || obj == Py_None) {
        return Py_NewRef(self);
    }
    propertyobject *gs = (propertyobject *)self;
    if (gs->prop_get == NULL) {
        property_error(gs, obj, "getter");
        return NULL;
    }
    return PyObject_CallOneArg(gs->prop_get, obj);
}

/* Borrowed: the property keeps it.  Read as property_descr_get reads it
   (no lock): property_init, which replaces it, is the one writer, and a
   property being re-initialised while other threads read it is a race on
   the generic path as well. */
PyObject *_PyProperty_Getter(PyObject *prop)
{
    return __atomic_load_n(&((propertyobject *)prop)->prop_get,
                           __ATOMIC_ACQUIRE);
}

static int property_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject *func = value == NULL ? gs->prop_del : gs->prop_set;
    if (func == NULL) {
        property_error(gs, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    PyObject *res;
    if (value == NULL) {
        res = PyObject_CallOneArg(func, obj);
    }
    else {
        PyObject *args[2] = {obj, value};
        res = PyObject_Vectorcall(func, args, 2, NULL);
    }
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

/* fget, fset, fdel, doc: None means absent.  With no doc, fget's
   docstring is used. */
static int property_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    PyObject *fget = NULL, *fset = NULL, *fdel = NULL, *doc = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOOO:property", kwlist,
                                     &fget, &fset, &fdel, &doc)) {
        return -1;
    }
    propertyobject *prop = (propertyobject *)self;
    Py_XSETREF(prop->prop_get, fget == Py_None ? NULL : Py_XNewRef(fget));
    Py_XSETREF(prop->prop_set, fset == Py_None ? NULL : Py_XNewRef(fset));
    Py_XSETREF(prop->prop_del, fdel == Py_None ? NULL : Py_XNewRef(fdel));
    Py_CLEAR(prop->prop_doc);
    prop->getter_doc = 0;
    PyObject *prop_doc = NULL;
    if (doc != NULL && doc != Py_None) {
        prop_doc = Py_NewRef(doc);
    }
    else if (fget != NULL && fget != Py_None) {
        if (PyObject_GetOptionalAttr(fget, _Py_INTERNED_ID(__doc__), &prop_doc) < 0) {
            return -1;
        }
        if (prop_doc == Py_None) {
            Py_CLEAR(prop_doc);
        }
        if (prop_doc != NULL) {
            prop->getter_doc = 1;
        }
    }
    if (Py_IS_TYPE(self, &PyProperty_Type)) {
        prop->prop_doc = prop_doc;
        return 0;
    }
    /* A subclass keeps __doc__ in its instance dict, where its own
       __doc__ class attribute would otherwise shadow it. */
    if (prop_doc == NULL) {
        prop_doc = Py_NewRef(Py_None);
    }
    int err = PyObject_SetAttr(self, _Py_INTERNED_ID(__doc__), prop_doc);
    Py_DECREF(prop_doc);
    /* A subclass whose __slots__ leave no room for __doc__ drops an
       explicit doc silently (as before 3.12); a getter's docstring that
       cannot be stored stays an error, as in CPython. */
    if (err < 0 && !prop->getter_doc
            && PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        err = 0;
    }
    return err;
}

/* A copy with one accessor replaced: type(self)(fget, fset, fdel, doc). */
static PyObject *property_copy(PyObject *old, PyObject *get, PyObject *set,
                               PyObject *del)
{
    propertyobject *pold = (propertyobject *)old;
    if (get == NULL || get == Py_None) get = pold->prop_get ? pold->prop_get : Py_None;
    if (set == NULL || set == Py_None) set = pold->prop_set ? pold->prop_set : Py_None;
    if (del == NULL || del == Py_None) del = pold->prop_del ? pold->prop_del : Py_None;
    PyObject *doc = (pold->getter_doc && get != Py_None) || pold->prop_doc == NULL
                        ? Py_None : pold->prop_doc;
    PyObject *type = (PyObject *)Py_TYPE(old);
    PyObject *new = PyObject_CallFunctionObjArgs(type, get, set, del, doc, NULL);
    if (new == NULL) {
        return NULL;
    }
    if (PyObject_TypeCheck(new, &PyProperty_Type)) {
        Py_XSETREF(((propertyobject *)new)->prop_name, Py_XNewRef(pold->prop_name));
    }
    return new;
}

static PyObject *property_getter(PyObject *self, PyObject *getter)
{
    return property_copy(self, getter, NULL, NULL);
}

static PyObject *property_setter(PyObject *self, PyObject *setter)
{
    return property_copy(self, NULL, setter, NULL);
}

static PyObject *property_deleter(PyObject *self, PyObject *deleter)
{
    return property_copy(self, NULL, NULL, deleter);
}

static PyObject *property_set_name(PyObject *self, PyObject *args)
{
    /* CPython's own wording, not PyArg_UnpackTuple's. */
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_Format(PyExc_TypeError,
                     "__set_name__() takes 2 positional arguments but %zd "
                     "were given", PyTuple_GET_SIZE(args));
        return NULL;
    }
    PyObject *name = PyTuple_GET_ITEM(args, 1);
    propertyobject *prop = (propertyobject *)self;
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(self);
    old = prop->prop_name;
    prop->prop_name = Py_NewRef(name);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *property_get_name(PyObject *self, void *closure)
{
    propertyobject *prop = (propertyobject *)self;
    if (prop->prop_name != NULL) {
        return Py_NewRef(prop->prop_name);
    }
    /* The getter's name; a getter without one (or none) makes the
       error the property's own, as CPython's. */
    if (prop->prop_get != NULL) {
        PyObject *name;
        int found = PyObject_GetOptionalAttr(prop->prop_get,
                                             _Py_INTERNED_ID(__name__), &name);
        if (found != 0) {
            return found < 0 ? NULL : name;
        }
    }
    PyErr_Format(PyExc_AttributeError, "'property' object has no attribute '__name__'");
    return NULL;
}

static int property_set_name_attr(PyObject *self, PyObject *value, void *closure)
{
    propertyobject *prop = (propertyobject *)self;
    Py_XSETREF(prop->prop_name, Py_XNewRef(value));
    return 0;
}

/* True when any accessor is itself abstract. */
static PyObject *property_get_isabstract(PyObject *self, void *closure)
{
    propertyobject *prop = (propertyobject *)self;
    PyObject *funcs[3] = {prop->prop_get, prop->prop_set, prop->prop_del};
    for (int i = 0; i < 3; i++) {
        if (funcs[i] == NULL) {
            continue;
        }
        PyObject *flag;
        if (PyObject_GetOptionalAttr(funcs[i], _Py_INTERNED_ID(__isabstractmethod__),
                                     &flag) < 0) {
            return NULL;
        }
        if (flag == NULL) {
            continue;
        }
        int true_ = PyObject_IsTrue(flag);
        Py_DECREF(flag);
        if (true_ < 0) {
            return NULL;
        }
        if (true_) {
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyMemberDef property_members[] = {
    {"fget", _Py_T_OBJECT, offsetof(propertyobject, prop_get), Py_READONLY, NULL},
    {"fset", _Py_T_OBJECT, offsetof(propertyobject, prop_set), Py_READONLY, NULL},
    {"fdel", _Py_T_OBJECT, offsetof(propertyobject, prop_del), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(propertyobject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef property_getsets[] = {
    {"__name__", property_get_name, property_set_name_attr, NULL, NULL},
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef property_methods[] = {
    {"getter", property_getter, METH_O,
     "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, METH_O,
     "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, METH_O,
     "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, METH_VARARGS,
     "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyProperty_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "property",
    .tp_basicsize = sizeof(propertyobject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\n"
              "Property attribute.\n\n"
              "  fget\n    function to be used for getting an attribute value\n"
              "  fset\n    function to be used for setting an attribute value\n"
              "  fdel\n    function to be used for del'ing an attribute\n"
              "  doc\n    docstring\n",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsets,
    .tp_descr_get = property_descr_get,
    .tp_descr_set = property_descr_set,
    .tp_init = property_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
