/* Function objects.

   Thread safety: the attributes Python code may replace (__code__,
   __defaults__, __kwdefaults__, __name__, __qualname__, __doc__,
   __annotations__, __annotate__, __type_params__, __dict__) are swapped
   under the function's critical section; the old value is released after
   the swap.  The VM reads them on the call path without the lock: it
   loads each pointer once and takes a reference, and a function's fields
   are never freed while the function is alive (a replaced value can
   still be in use by a racing call only in the free-threaded build,
   where the replaced objects are deferred-reclaimed by QSBR once that
   exists; today the swap is safe because calls hold their own
   references from the frame). */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_code.h"
#include "pycore_moduleobject.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include "pycore_ceval.h"
#include "cpython/funcobject.h"
#include "cpython/classobject.h"

/* The builtins a function with these globals sees: globals["__builtins__"]
   (a module stands for its dict), else those of the running frame (the
   interpreter's when there is none; bpo-42990).  Any other
   object is kept as it is, as CPython does: names are then looked up in it
   with __getitem__, so a mapping works and a non-subscriptable object makes
   every builtin lookup raise TypeError.  Borrowed. */
PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals)
{
    /* An interned key: every function made (a lambda or generator
       expression per evaluation) looks it up. */
    PyObject *builtins = PyDict_GetItem(globals, _Py_INTERNED_ID(__builtins__));
    if (builtins == NULL) {
        return PyEval_GetBuiltins();
    }
    if (PyModule_Check(builtins)) {
        PyObject *dict = PyModule_GetDict(builtins);
        return dict != NULL ? dict : tstate->interp->builtins;
    }
    return builtins;
}

PyObject *PyFunction_NewWithQualName(PyObject *code, PyObject *globals,
                                     PyObject *qualname)
{
    if (!PyCode_Check(code) || !PyAnyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *builtins = _PyEval_BuiltinsFromGlobals(tstate, globals);
    if (builtins == NULL) {
        PyErr_SetString(PyExc_SystemError, "no builtins");
        return NULL;
    }
    PyObject *module = PyDict_GetItem(globals, _Py_INTERNED_ID(__name__));
    PyObject *doc = Py_None;
    if ((co->co_flags & CO_HAS_DOCSTRING) && PyTuple_GET_SIZE(co->co_consts) > 0) {
        doc = PyTuple_GET_ITEM(co->co_consts, 0);
    }
    PyFunctionObject *op = PyObject_GC_New(PyFunctionObject, &PyFunction_Type);
    if (op == NULL) {
        return NULL;
    }
    op->func_globals = Py_NewRef(globals);
    op->func_builtins = Py_NewRef(builtins);
    op->func_name = Py_NewRef(co->co_name);
    op->func_qualname = Py_NewRef(qualname ? qualname : co->co_qualname);
    op->func_code = Py_NewRef(code);
    op->func_defaults = NULL;
    op->func_kwdefaults = NULL;
    op->func_closure = NULL;
    op->func_doc = Py_NewRef(doc);
    op->func_dict = NULL;
    op->func_weakreflist = NULL;
    op->func_module = Py_XNewRef(module);
    op->func_annotations = NULL;
    op->func_annotate = NULL;
    op->func_typeparams = NULL;
    op->vectorcall = _PyFunction_Vectorcall;
    if (!(co->co_flags & CO_NESTED)) {
        _PyObject_SetDeferredRefcount((PyObject *)op);
    }
    op->func_version = 0;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyFunction_New(PyObject *code, PyObject *globals)
{
    return PyFunction_NewWithQualName(code, globals, NULL);
}

PyObject *_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack,
                                 size_t nargsf, PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return _PyEval_Vector(tstate, (PyFunctionObject *)func, NULL, stack,
                          PyVectorcall_NARGS(nargsf), kwnames);
}

/* ---- the C API accessors ---------------------------------------------- */

static int check_function(PyObject *op)
{
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return 0;
    }
    return 1;
}

PyObject *PyFunction_GetCode(PyObject *op)
{
    return check_function(op) ? PyFunction_GET_CODE(op) : NULL;
}

PyObject *PyFunction_GetGlobals(PyObject *op)
{
    return check_function(op) ? PyFunction_GET_GLOBALS(op) : NULL;
}

PyObject *PyFunction_GetModule(PyObject *op)
{
    return check_function(op) ? PyFunction_GET_MODULE(op) : NULL;
}

PyObject *PyFunction_GetDefaults(PyObject *op)
{
    return check_function(op) ? PyFunction_GET_DEFAULTS(op) : NULL;
}

PyObject *PyFunction_GetKwDefaults(PyObject *op)
{
    return check_function(op) ? PyFunction_GET_KW_DEFAULTS(op) : NULL;
}

PyObject *PyFunction_GetClosure(PyObject *op)
{
    return check_function(op) ? PyFunction_GET_CLOSURE(op) : NULL;
}

/* ---- versions (call specialization, Python/specialize_call.c) --------- */

/* The next version to give out; 64 bits so that it never wraps: versions
   above UINT32_MAX are simply not given. */
static uint64_t next_func_version = 1;

/* A nonzero version naming func's current code, defaults and keyword
   defaults (0 when versions ran out).  A version is given lazily, never
   reused, and cleared by every change to those fields, so a call site
   that cached one may trust what it learnt from them while it matches.
   Thread safety: handed out with an atomic counter and published with a
   compare-and-swap against a concurrent clear (invalidate_version); the
   specialized call also checks the code object itself in the
   free-threaded build, since a clear and the swap it precedes are two
   stores a racing reader may see apart. */
uint32_t _PyFunction_GetVersionForCurrentState(PyFunctionObject *func)
{
    uint32_t version = __atomic_load_n(&func->func_version, __ATOMIC_ACQUIRE);
    if (version != 0) {
        return version;
    }
    uint64_t fresh = __atomic_fetch_add(&next_func_version, 1, __ATOMIC_RELAXED);
    if (fresh > UINT32_MAX) {
        return 0;
    }
    uint32_t expected = 0;
    if (!__atomic_compare_exchange_n(&func->func_version, &expected,
                                     (uint32_t)fresh, 0, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        return expected;    /* another thread gave one first */
    }
    return (uint32_t)fresh;
}

static inline void invalidate_version(PyObject *func)
{
    __atomic_store_n(&((PyFunctionObject *)func)->func_version, 0,
                     __ATOMIC_RELEASE);
}

/* Replace *slot with value (a new reference taken) under the critical
   section; NULL or None clears it. */
static void swap_field(PyObject *func, PyObject **slot, PyObject *value)
{
    if (value == Py_None) {
        value = NULL;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(func);
    old = *slot;
    *slot = Py_XNewRef(value);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
}

/* swap_field for the fields a call site's specialization depends on:
   the version is cleared before the new value is visible. */
static void swap_versioned_field(PyObject *func, PyObject **slot,
                                 PyObject *value)
{
    if (value == Py_None) {
        value = NULL;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(func);
    invalidate_version(func);
    old = *slot;
    __atomic_store_n(slot, Py_XNewRef(value), __ATOMIC_RELEASE);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
}

int PyFunction_SetDefaults(PyObject *op, PyObject *defaults)
{
    if (!check_function(op)) {
        return -1;
    }
    if (defaults != NULL && defaults != Py_None && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_SystemError, "non-tuple default args");
        return -1;
    }
    swap_versioned_field(op, &((PyFunctionObject *)op)->func_defaults,
                         defaults);
    return 0;
}

int PyFunction_SetKwDefaults(PyObject *op, PyObject *defaults)
{
    if (!check_function(op)) {
        return -1;
    }
    if (defaults != NULL && defaults != Py_None && !PyDict_Check(defaults)) {
        PyErr_SetString(PyExc_SystemError, "non-dict keyword only default args");
        return -1;
    }
    swap_versioned_field(op, &((PyFunctionObject *)op)->func_kwdefaults,
                         defaults);
    return 0;
}

int PyFunction_SetClosure(PyObject *op, PyObject *closure)
{
    if (!check_function(op)) {
        return -1;
    }
    if (closure != NULL && closure != Py_None && !PyTuple_Check(closure)) {
        PyErr_Format(PyExc_SystemError, "expected tuple for closure, got '%.100s'",
                     Py_TYPE(closure)->tp_name);
        return -1;
    }
    swap_field(op, &((PyFunctionObject *)op)->func_closure, closure);
    return 0;
}

PyObject *PyFunction_GetAnnotations(PyObject *op)
{
    return check_function(op) ? PyFunction_GET_ANNOTATIONS(op) : NULL;
}

int PyFunction_SetAnnotations(PyObject *op, PyObject *annotations)
{
    if (!check_function(op)) {
        return -1;
    }
    if (annotations != NULL && annotations != Py_None
            && !PyDict_Check(annotations)) {
        PyErr_SetString(PyExc_SystemError, "non-dict annotations");
        return -1;
    }
    PyFunctionObject *func = (PyFunctionObject *)op;
    swap_field(op, &func->func_annotations, annotations);
    swap_field(op, &func->func_annotate, NULL);
    return 0;
}

void PyFunction_SetVectorcall(PyFunctionObject *func, vectorcallfunc vectorcall)
{
    invalidate_version((PyObject *)func);
    func->vectorcall = vectorcall;
}

/* ---- Python-level attributes ---------------------------------------- */

static PyObject *func_get_code(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *code;
    Py_BEGIN_CRITICAL_SECTION(op);
    code = Py_NewRef(((PyFunctionObject *)op)->func_code);
    Py_END_CRITICAL_SECTION();
    return code;
}

/* DeprecationWarning (as CPython 3.13+) when the new code is of another
   kind (plain function, generator, coroutine, async generator) than the
   current one.  The current code is read with a reference of its own
   (func_get_code), so a concurrent assignment cannot free it under us. */
static int warn_code_kind_change(PyObject *op, PyCodeObject *code)
{
    const int kinds = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
    PyObject *old = func_get_code(op, NULL);
    int changed = (((PyCodeObject *)old)->co_flags & kinds)
                  != (code->co_flags & kinds);
    Py_DECREF(old);
    if (changed && PyErr_WarnEx(PyExc_DeprecationWarning,
                                "Assigning a code object of non-matching type "
                                "is deprecated (e.g., from a generator to a "
                                "plain function)", 1) < 0) {
        return -1;
    }
    return 0;
}

static int func_set_code(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    PyFunctionObject *func = (PyFunctionObject *)op;
    if (value == NULL || !PyCode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    Py_ssize_t nfree = ((PyCodeObject *)value)->co_nfreevars;
    Py_ssize_t nclosure = func->func_closure == NULL
                          ? 0 : PyTuple_GET_SIZE(func->func_closure);
    if (nclosure != nfree) {
        PyErr_Format(PyExc_ValueError,
                     "%U() requires a code object with %zd free vars, not %zd",
                     func->func_name, nclosure, nfree);
        return -1;
    }
    if (warn_code_kind_change(op, (PyCodeObject *)value) < 0) {
        return -1;
    }
    swap_versioned_field(op, &func->func_code, value);
    return 0;
}

static PyObject *func_get_defaults(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = ((PyFunctionObject *)op)->func_defaults;
    value = Py_NewRef(value ? value : Py_None);
    Py_END_CRITICAL_SECTION();
    return value;
}

static int func_set_defaults(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value != NULL && value != Py_None && !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "__defaults__ must be set to a tuple object");
        return -1;
    }
    swap_versioned_field(op, &((PyFunctionObject *)op)->func_defaults, value);
    return 0;
}

static PyObject *func_get_kwdefaults(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = ((PyFunctionObject *)op)->func_kwdefaults;
    value = Py_NewRef(value ? value : Py_None);
    Py_END_CRITICAL_SECTION();
    return value;
}

static int func_set_kwdefaults(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value != NULL && value != Py_None && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    swap_versioned_field(op, &((PyFunctionObject *)op)->func_kwdefaults,
                         value);
    return 0;
}

static PyObject *func_get_closure(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *value = ((PyFunctionObject *)op)->func_closure;
    return Py_NewRef(value ? value : Py_None);
}

static PyObject *func_get_name(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = Py_NewRef(((PyFunctionObject *)op)->func_name);
    Py_END_CRITICAL_SECTION();
    return value;
}

static int func_set_name(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    swap_field(op, &((PyFunctionObject *)op)->func_name, value);
    return 0;
}

static PyObject *func_get_qualname(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = Py_NewRef(((PyFunctionObject *)op)->func_qualname);
    Py_END_CRITICAL_SECTION();
    return value;
}

static int func_set_qualname(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "__qualname__ must be set to a string object");
        return -1;
    }
    swap_field(op, &((PyFunctionObject *)op)->func_qualname, value);
    return 0;
}

static PyObject *func_get_annotate(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = ((PyFunctionObject *)op)->func_annotate;
    value = Py_NewRef(value ? value : Py_None);
    Py_END_CRITICAL_SECTION();
    return value;
}

static int func_set_annotate(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    PyFunctionObject *func = (PyFunctionObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "__annotate__ cannot be deleted");
        return -1;
    }
    if (value != Py_None && !PyCallable_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "__annotate__ must be callable or None");
        return -1;
    }
    swap_field(op, &func->func_annotate, value);
    if (value != Py_None) {
        swap_field(op, &func->func_annotations, NULL);
    }
    return 0;
}

/* PEP 649: __annotations__ is computed on first access by calling
   __annotate__(1) (VALUE format) and cached. */
static PyObject *func_get_annotations(PyObject *op, void *closure)
{
    (void)closure;
    PyFunctionObject *func = (PyFunctionObject *)op;
    PyObject *annotations = NULL, *annotate = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    annotations = Py_XNewRef(func->func_annotations);
    annotate = Py_XNewRef(func->func_annotate);
    Py_END_CRITICAL_SECTION();
    if (annotations != NULL) {
        Py_XDECREF(annotate);
        return annotations;
    }
    annotations = _PyAnnotate_CallValue(annotate);
    Py_XDECREF(annotate);
    if (annotations == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    if (func->func_annotations == NULL) {
        func->func_annotations = Py_NewRef(annotations);
    }
    Py_END_CRITICAL_SECTION();
    return annotations;
}

static int func_set_annotations(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == Py_None) {
        value = NULL;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "__annotations__ must be set to a dict object");
        return -1;
    }
    PyFunctionObject *func = (PyFunctionObject *)op;
    swap_field(op, &func->func_annotations, value);
    swap_field(op, &func->func_annotate, NULL);
    return 0;
}

static PyObject *func_get_type_params(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = ((PyFunctionObject *)op)->func_typeparams;
    Py_END_CRITICAL_SECTION();
    if (value == NULL) {
        return PyTuple_New(0);
    }
    return Py_NewRef(value);
}

static int func_set_type_params(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL || !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "__type_params__ must be set to a tuple");
        return -1;
    }
    swap_field(op, &((PyFunctionObject *)op)->func_typeparams, value);
    return 0;
}

static PyObject *func_get_builtins(PyObject *op, void *closure)
{
    (void)closure;
    return Py_NewRef(((PyFunctionObject *)op)->func_builtins);
}

static PyGetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__annotate__", func_get_annotate, func_set_annotate, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__type_params__", func_get_type_params, func_set_type_params, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef func_members[] = {
    {"__globals__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_globals),
     Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_doc), 0, NULL},
    {"__module__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_module), 0,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- type slots --------------------------------------------------------- */

static PyObject *func_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<function %U at %p>",
                                ((PyFunctionObject *)op)->func_qualname, op);
}

static int func_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyFunctionObject *f = (PyFunctionObject *)op;
    Py_VISIT(f->func_code);
    Py_VISIT(f->func_globals);
    Py_VISIT(f->func_builtins);
    Py_VISIT(f->func_module);
    Py_VISIT(f->func_defaults);
    Py_VISIT(f->func_kwdefaults);
    Py_VISIT(f->func_doc);
    Py_VISIT(f->func_name);
    Py_VISIT(f->func_dict);
    Py_VISIT(f->func_closure);
    Py_VISIT(f->func_annotations);
    Py_VISIT(f->func_annotate);
    Py_VISIT(f->func_typeparams);
    Py_VISIT(f->func_qualname);
    return 0;
}

/* Everything but name, qualname, code, globals and builtins, which stay
   valid (never NULL) while the object exists. */
static int func_clear(PyObject *op)
{
    PyFunctionObject *f = (PyFunctionObject *)op;
    Py_CLEAR(f->func_module);
    Py_CLEAR(f->func_defaults);
    Py_CLEAR(f->func_kwdefaults);
    Py_CLEAR(f->func_doc);
    Py_CLEAR(f->func_dict);
    Py_CLEAR(f->func_closure);
    Py_CLEAR(f->func_annotations);
    Py_CLEAR(f->func_annotate);
    Py_CLEAR(f->func_typeparams);
    return 0;
}

static void func_dealloc(PyObject *op)
{
    PyFunctionObject *f = (PyFunctionObject *)op;
    PyObject_GC_UnTrack(op);
    if (f->func_weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    func_clear(op);
    Py_DECREF(f->func_code);
    Py_DECREF(f->func_globals);
    Py_DECREF(f->func_builtins);
    Py_DECREF(f->func_name);
    Py_DECREF(f->func_qualname);
    PyObject_GC_Del(op);
}

static PyObject *func_descr_get(PyObject *func, PyObject *obj, PyObject *type)
{
    (void)type;
    if (obj == Py_None || obj == NULL) {
        return Py_NewRef(func);
    }
    return PyMethod_New(func, obj);
}

/* function(code, globals, name=None, argdefs=None, closure=None,
            kwdefaults=None) */
static PyObject *func_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)type;
    static char *keywords[] = {"code", "globals", "name", "argdefs", "closure",
                               "kwdefaults", NULL};
    PyObject *code, *globals, *name = Py_None, *defaults = Py_None;
    PyObject *closure = Py_None, *kwdefaults = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!|OOOO:function", keywords,
                                     &PyCode_Type, &code, &PyDict_Type, &globals,
                                     &name, &defaults, &closure, &kwdefaults)) {
        return NULL;
    }
    if (name != Py_None && !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defaults != Py_None && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    Py_ssize_t nfree = ((PyCodeObject *)code)->co_nfreevars;
    Py_ssize_t nclosure = closure == Py_None ? 0
                          : PyTuple_Check(closure) ? PyTuple_GET_SIZE(closure) : -1;
    if (nclosure < 0) {
        PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be tuple");
        return NULL;
    }
    if (nfree != nclosure) {
        return PyErr_Format(PyExc_ValueError,
                            "%U requires closure of length %zd, not %zd",
                            ((PyCodeObject *)code)->co_name, nfree, nclosure);
    }
    if (kwdefaults != Py_None && !PyDict_Check(kwdefaults)) {
        PyErr_SetString(PyExc_TypeError,
                        "arg 6 (kwdefaults) must be None or dict");
        return NULL;
    }
    PyObject *func = PyFunction_New(code, globals);
    if (func == NULL) {
        return NULL;
    }
    PyFunctionObject *f = (PyFunctionObject *)func;
    if (name != Py_None) {
        Py_SETREF(f->func_name, Py_NewRef(name));
    }
    if (defaults != Py_None) {
        f->func_defaults = Py_NewRef(defaults);
    }
    if (closure != Py_None) {
        f->func_closure = Py_NewRef(closure);
    }
    if (kwdefaults != Py_None) {
        f->func_kwdefaults = Py_NewRef(kwdefaults);
    }
    return func;
}

PyTypeObject PyFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",
    .tp_basicsize = sizeof(PyFunctionObject),
    .tp_dealloc = func_dealloc,
    .tp_vectorcall_offset = offsetof(PyFunctionObject, vectorcall),
    .tp_repr = func_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "function(code, globals, name=None, argdefs=None, closure=None, "
              "kwdefaults=None)\n--\n\nCreate a function object.",
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_weaklistoffset = offsetof(PyFunctionObject, func_weakreflist),
    .tp_members = func_members,
    .tp_getset = func_getset,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(PyFunctionObject, func_dict),
    .tp_new = func_new,
};
