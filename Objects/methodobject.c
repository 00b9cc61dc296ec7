/* Built-in functions and methods: PyCFunction objects, which pair a
   PyMethodDef with the object it is bound to (a module for module-level
   functions, an instance for built-in methods).  Every calling
   convention in ml_flags is served through vectorcall.

   A PyCFunction never changes after creation, so it needs no locking;
   its weak-reference list is managed by Objects/weakrefobject.c. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"

/* ---- calling --------------------------------------------------------------------- */

static int no_keywords(PyMethodDef *ml, PyObject *callable, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        return 1;
    }
    PyObject *funcstr = _PyObject_FunctionStr(callable);
    if (funcstr != NULL) {
        PyErr_Format(PyExc_TypeError, "%U takes no keyword arguments", funcstr);
        Py_DECREF(funcstr);
    }
    return 0;
}

static void wrong_count(PyObject *callable, const char *expected, Py_ssize_t given)
{
    PyObject *funcstr = _PyObject_FunctionStr(callable);
    if (funcstr != NULL) {
        PyErr_Format(PyExc_TypeError, "%U takes %s (%zd given)", funcstr,
                     expected, given);
        Py_DECREF(funcstr);
    }
}

/* METH_VARARGS: the arguments as a tuple (and keywords as a dict). */
static PyObject *call_varargs(PyMethodDef *ml, PyObject *self,
                              PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    }
    PyObject *res;
    if (ml->ml_flags & METH_KEYWORDS) {
        PyObject *kwargs = NULL;
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
            kwargs = _PyStack_AsDict(args + nargs, kwnames);
            if (kwargs == NULL) {
                Py_DECREF(tuple);
                return NULL;
            }
        }
        res = ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, tuple, kwargs);
        Py_XDECREF(kwargs);
    }
    else {
        res = ml->ml_meth(self, tuple);
    }
    Py_DECREF(tuple);
    return res;
}

PyObject *_PyMethodDef_Vectorcall(PyMethodDef *ml, PyObject *callable,
                                  PyObject *self, PyTypeObject *cls,
                                  PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    if (Py_EnterRecursiveCall(" while calling a Python object")) {
        return NULL;
    }
    PyObject *res = NULL;
    switch (flags) {
    case METH_VARARGS:
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments",
                         ml->ml_name);
            break;
        }
        res = call_varargs(ml, self, args, nargs, NULL);
        break;
    case METH_VARARGS | METH_KEYWORDS:
        res = call_varargs(ml, self, args, nargs, kwnames);
        break;
    case METH_FASTCALL:
        if (no_keywords(ml, callable, kwnames)) {
            res = ((PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
        }
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        res = ((PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(
            self, args, nargs, kwnames);
        break;
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        res = ((PyCMethod)(void (*)(void))ml->ml_meth)(self, cls, args,
                                                       (size_t)nargs, kwnames);
        break;
    case METH_NOARGS:
        if (!no_keywords(ml, callable, kwnames)) {
            break;
        }
        if (nargs != 0) {
            wrong_count(callable, "no arguments", nargs);
            break;
        }
        res = ml->ml_meth(self, NULL);
        break;
    case METH_O:
        if (!no_keywords(ml, callable, kwnames)) {
            break;
        }
        if (nargs != 1) {
            wrong_count(callable, "exactly one argument", nargs);
            break;
        }
        res = ml->ml_meth(self, args[0]);
        break;
    default:
        PyErr_Format(PyExc_SystemError, "%s() method: bad call flags",
                     ml->ml_name);
        break;
    }
    Py_LeaveRecursiveCall();
    return res;
}

static PyObject *cfunction_vectorcall(PyObject *func, PyObject *const *args,
                                      size_t nargsf, PyObject *kwnames)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    PyObject *self = (f->m_ml->ml_flags & METH_STATIC) ? NULL : f->m_self;
    PyTypeObject *cls = (f->m_ml->ml_flags & METH_METHOD)
                            ? ((PyCMethodObject *)func)->mm_class : NULL;
    return _PyMethodDef_Vectorcall(f->m_ml, func, self, cls, args, nargsf, kwnames);
}

/* tp_call: METH_VARARGS functions take the tuple as it is. */
static PyObject *cfunction_call(PyObject *func, PyObject *args, PyObject *kwargs)
{
    PyCFunctionObject *f = (PyCFunctionObject *)func;
    int flags = f->m_ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    if (!(flags == METH_VARARGS || flags == (METH_VARARGS | METH_KEYWORDS))) {
        return PyVectorcall_Call(func, args, kwargs);
    }
    PyObject *self = (f->m_ml->ml_flags & METH_STATIC) ? NULL : f->m_self;
    if (Py_EnterRecursiveCall(" while calling a Python object")) {
        return NULL;
    }
    PyObject *res;
    if (flags & METH_KEYWORDS) {
        res = ((PyCFunctionWithKeywords)(void (*)(void))f->m_ml->ml_meth)(
            self, args, kwargs);
    }
    else if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments",
                     f->m_ml->ml_name);
        res = NULL;
    }
    else {
        res = f->m_ml->ml_meth(self, args);
    }
    Py_LeaveRecursiveCall();
    return _Py_CheckFunctionResult(_PyThreadState_GET(), func, res, NULL);
}

/* ---- creation ------------------------------------------------------------------- */

PyObject *PyCMethod_New(PyMethodDef *ml, PyObject *self, PyObject *module,
                        PyTypeObject *cls)
{
    PyCFunctionObject *op;
    if (ml->ml_flags & METH_METHOD) {
        if (cls == NULL) {
            PyErr_SetString(PyExc_SystemError,
                            "attempting to create PyCMethod with a METH_METHOD "
                            "flag but no class");
            return NULL;
        }
        PyCMethodObject *om = PyObject_GC_New(PyCMethodObject, &PyCMethod_Type);
        if (om == NULL) {
            return NULL;
        }
        om->mm_class = (PyTypeObject *)Py_NewRef(cls);
        op = (PyCFunctionObject *)om;
    }
    else {
        if (cls != NULL) {
            PyErr_SetString(PyExc_SystemError,
                            "attempting to create PyCFunction with class "
                            "but no METH_METHOD flag");
            return NULL;
        }
        op = PyObject_GC_New(PyCFunctionObject, &PyCFunction_Type);
        if (op == NULL) {
            return NULL;
        }
    }
    op->m_weakreflist = NULL;
    op->m_ml = ml;
    op->m_self = Py_XNewRef(self);
    op->m_module = Py_XNewRef(module);
    op->vectorcall = cfunction_vectorcall;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module)
{
    return PyCMethod_New(ml, self, module, NULL);
}

PyObject *PyCFunction_New(PyMethodDef *ml, PyObject *self)
{
    return PyCFunction_NewEx(ml, self, NULL);
}

PyCFunction PyCFunction_GetFunction(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyCFunction_GET_FUNCTION(op);
}

PyObject *PyCFunction_GetSelf(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyCFunction_GET_SELF(op);
}

int PyCFunction_GetFlags(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyCFunction_GET_FLAGS(op);
}

/* ---- the type --------------------------------------------------------------------- */

/* Under the trashcan: a chain of built-in methods bound to one another
   (each the next one's m_self) is freed in bounded C depth. */
static void meth_dealloc(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, meth_dealloc)
    if (m->m_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    if (m->m_ml->ml_flags & METH_METHOD) {
        Py_XDECREF(((PyCMethodObject *)self)->mm_class);
    }
    Py_XDECREF(m->m_self);
    Py_XDECREF(m->m_module);
    PyObject_GC_Del(self);
    Py_TRASHCAN_END
}

static int meth_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_ml->ml_flags & METH_METHOD) {
        Py_VISIT(((PyCMethodObject *)self)->mm_class);
    }
    Py_VISIT(m->m_self);
    Py_VISIT(m->m_module);
    return 0;
}

/* A function of a module (or of nothing) rather than a bound method. */
static int is_plain_function(PyCFunctionObject *m)
{
    return m->m_self == NULL || PyModule_Check(m->m_self);
}

static PyObject *meth_repr(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (is_plain_function(m)) {
        return PyUnicode_FromFormat("<built-in function %s>", m->m_ml->ml_name);
    }
    return PyUnicode_FromFormat("<built-in method %s of %s object at %p>",
                                m->m_ml->ml_name, Py_TYPE(m->m_self)->tp_name,
                                m->m_self);
}

static PyObject *meth_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCFunction_Check(self)
            || !PyCFunction_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyCFunctionObject *a = (PyCFunctionObject *)self;
    PyCFunctionObject *b = (PyCFunctionObject *)other;
    int eq = a->m_self == b->m_self && a->m_ml->ml_meth == b->m_ml->ml_meth;
    return Py_NewRef((eq == (op == Py_EQ)) ? Py_True : Py_False);
}

static Py_hash_t meth_hash(PyObject *self)
{
    PyCFunctionObject *a = (PyCFunctionObject *)self;
    Py_hash_t x = Py_HashPointer(a->m_self);
    Py_hash_t y = Py_HashPointer((void *)a->m_ml->ml_meth);
    x ^= y;
    return x == -1 ? -2 : x;
}

static PyObject *meth_get_doc(PyObject *self, void *closure)
{
    PyMethodDef *ml = ((PyCFunctionObject *)self)->m_ml;
    if (ml->ml_doc == NULL) {
        Py_RETURN_NONE;
    }
    return _PyType_GetDocFromInternalDoc(ml->ml_name, ml->ml_doc);
}

static PyObject *meth_get_text_signature(PyObject *self, void *closure)
{
    PyMethodDef *ml = ((PyCFunctionObject *)self)->m_ml;
    if (ml->ml_doc == NULL) {
        Py_RETURN_NONE;
    }
    return _PyType_GetTextSignatureFromInternalDoc(ml->ml_name, ml->ml_doc);
}

static PyObject *meth_get_name(PyObject *self, void *closure)
{
    return PyUnicode_FromString(((PyCFunctionObject *)self)->m_ml->ml_name);
}

/* "name" for functions; "Type.name" for methods (the type itself for
   class methods bound to a type). */
static PyObject *meth_get_qualname(PyObject *self, void *closure)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (is_plain_function(m)) {
        return PyUnicode_FromString(m->m_ml->ml_name);
    }
    PyObject *type = PyType_Check(m->m_self) ? m->m_self
                                             : (PyObject *)Py_TYPE(m->m_self);
    PyObject *type_qualname = PyObject_GetAttr(type, _Py_INTERNED_ID(__qualname__));
    if (type_qualname == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(type_qualname)) {
        PyErr_SetString(PyExc_TypeError,
                        "<method>.__class__.__qualname__ is not a unicode object");
        Py_DECREF(type_qualname);
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("%U.%s", type_qualname, m->m_ml->ml_name);
    Py_DECREF(type_qualname);
    return res;
}

static PyObject *meth_get_self(PyObject *self, void *closure)
{
    PyObject *s = PyCFunction_GET_SELF(self);
    return Py_NewRef(s != NULL ? s : Py_None);
}

static PyObject *meth_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (is_plain_function(m)) {
        return PyUnicode_FromString(m->m_ml->ml_name);
    }
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    PyObject *getattr = NULL;
    if (builtins == NULL
            || PyDict_GetItemRef(builtins, _Py_INTERNED_ID(getattr), &getattr) <= 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "lost builtins.getattr");
        }
        return NULL;
    }
    return Py_BuildValue("N(Os)", getattr, m->m_self, m->m_ml->ml_name);
}

static PyMethodDef meth_methods[] = {
    {"__reduce__", meth_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef meth_getsets[] = {
    {"__doc__", meth_get_doc, NULL, NULL, NULL},
    {"__name__", meth_get_name, NULL, NULL, NULL},
    {"__qualname__", meth_get_qualname, NULL, NULL, NULL},
    {"__self__", meth_get_self, NULL, NULL, NULL},
    {"__text_signature__", meth_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef meth_members[] = {
    {"__module__", _Py_T_OBJECT, offsetof(PyCFunctionObject, m_module), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyCFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(PyCFunctionObject),
    .tp_dealloc = meth_dealloc,
    .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
    .tp_repr = meth_repr,
    .tp_hash = meth_hash,
    .tp_call = cfunction_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = meth_traverse,
    .tp_richcompare = meth_richcompare,
    .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist),
    .tp_methods = meth_methods,
    .tp_members = meth_members,
    .tp_getset = meth_getsets,
    .tp_free = PyObject_GC_Del,
};

/* METH_METHOD functions: the same object with the defining class. */
PyTypeObject PyCMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_method",
    .tp_basicsize = sizeof(PyCMethodObject),
    .tp_dealloc = meth_dealloc,
    .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
    .tp_call = cfunction_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = meth_traverse,
    .tp_base = &PyCFunction_Type,
    .tp_free = PyObject_GC_Del,
};
