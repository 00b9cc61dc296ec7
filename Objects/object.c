/* The generic object protocol (representation, comparison, hashing,
   truth, attribute access, dir(), finalizers, the trashcan), the `object`
   type itself with all its methods, and the singletons None,
   NotImplemented and Ellipsis.

   Everything here dispatches through the object's type; the type system
   itself (lookup along the MRO, slots, the method cache) lives in
   Objects/typeobject.c.

   Thread safety (free-threaded build): the functions in this file keep no
   shared state of their own.  The only shared mutable datum they touch is
   an instance's __dict__ slot (tp_dictoffset): it is written inside the
   instance's critical section and read lock-free with a re-check, so a
   reader never uses a dict that is being replaced and freed.  Dicts
   themselves synchronise their own contents; the slot may instead hold a
   values array, whose rules are in Include/internal/pycore_instvalues.h. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_freelist.h"
#include "pycore_gc.h"
#include "pycore_instvalues.h"
#include "pycore_moduleobject.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_refcount.h"
#include "pycore_typeobject.h"

#include <pthread.h>

/* ---- allocation --------------------------------------------------------- */

/* ---- per-thread free lists (Include/internal/pycore_freelist.h) ------- */

__thread struct _Py_freelists _Py_freelists_tls;

/* Written once under pthread_once, which also orders the writes before
   every later reader. */
static pthread_key_t freelists_key;
static int freelists_key_ok;
static pthread_once_t freelists_key_once = PTHREAD_ONCE_INIT;

static void free_list_empty(_Py_freelist *fl, void (*free_fn)(void *))
{
    PyObject *op;
    while ((op = _Py_freelist_pop(fl)) != NULL) {
        free_fn(op);
    }
}

/* Listed objects are untracked, so PyObject_GC_Del only frees them. */
void _Py_freelists_clear(void)
{
    struct _Py_freelists *lists = _Py_freelists_get();
    free_list_empty(&lists->floats, PyObject_Free);
    free_list_empty(&lists->ints, PyObject_Free);
    for (int i = 0; i < _Py_FREELIST_TUPLE_SIZES; i++) {
        free_list_empty(&lists->tuples[i], PyObject_GC_Del);
    }
    free_list_empty(&lists->slices, PyObject_GC_Del);
    free_list_empty(&lists->methods, PyObject_GC_Del);
    free_list_empty(&lists->lists, PyObject_GC_Del);
    free_list_empty(&lists->dicts, PyObject_GC_Del);
    free_list_empty(&lists->listiters, PyObject_GC_Del);
    free_list_empty(&lists->tupleiters, PyObject_GC_Del);
}

/* The pthread key destructor: runs in the exiting thread, after its
   thread state is gone, for objects freed since.  Clearing `registered`
   lets an object freed by a later destructor register the thread again
   (POSIX then runs the destructors once more). */
static void freelists_thread_exit(void *Py_UNUSED(marker))
{
    _Py_freelists_clear();
    _Py_freelists_tls.registered = 0;
}

static void freelists_make_key(void)
{
    freelists_key_ok = pthread_key_create(&freelists_key,
                                          freelists_thread_exit) == 0;
}

int _Py_freelists_register(void)
{
    struct _Py_freelists *lists = _Py_freelists_get();
    if (lists->registered == 0) {
        pthread_once(&freelists_key_once, freelists_make_key);
        lists->registered = freelists_key_ok
                            && pthread_setspecific(freelists_key, lists) == 0
                            ? 1 : -1;
    }
    return lists->registered > 0;
}


PyObject *PyObject_Init(PyObject *op, PyTypeObject *type)
{
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init(op, type);
    return op;
}

PyVarObject *PyObject_InitVar(PyVarObject *op, PyTypeObject *type,
                              Py_ssize_t size)
{
    if (op == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    _PyObject_InitVar(op, type, size);
    return op;
}

PyObject *_PyObject_New(PyTypeObject *type)
{
    PyObject *op = PyObject_Malloc(_PyObject_SIZE(type));
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init(op, type);
    return op;
}

PyVarObject *_PyObject_NewVar(PyTypeObject *type, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (type->tp_itemsize != 0 && (size_t)nitems >
            ((size_t)PY_SSIZE_T_MAX - (size_t)type->tp_basicsize)
                / (size_t)type->tp_itemsize) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    PyVarObject *op = PyObject_Malloc(_PyObject_VAR_SIZE(type, nitems));
    if (op == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    _PyObject_InitVar(op, type, nitems);
    return op;
}

/* ---- representation ----------------------------------------------------- */

PyObject *PyObject_Repr(PyObject *v)
{
    if (v == NULL) {
        return PyUnicode_FromString("<NULL>");
    }
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_repr == NULL) {
        return PyUnicode_FromFormat("<%s object at %p>", tp->tp_name, v);
    }
    if (Py_EnterRecursiveCall(" while getting the repr of an object")) {
        return NULL;
    }
    PyObject *res = tp->tp_repr(v);
    Py_LeaveRecursiveCall();
    if (res == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError,
                     "__repr__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *PyObject_Str(PyObject *v)
{
    if (v == NULL) {
        return PyUnicode_FromString("<NULL>");
    }
    if (PyUnicode_CheckExact(v)) {
        return Py_NewRef(v);
    }
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_str == NULL) {
        return PyObject_Repr(v);
    }
    if (Py_EnterRecursiveCall(" while getting the str of an object")) {
        return NULL;
    }
    PyObject *res = tp->tp_str(v);
    Py_LeaveRecursiveCall();
    if (res == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError,
                     "__str__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* repr() with every non-ASCII character escaped (\xNN, \uNNNN, \UNNNNNNNN). */
PyObject *PyObject_ASCII(PyObject *v)
{
    PyObject *repr = PyObject_Repr(v);
    if (repr == NULL || PyUnicode_IS_ASCII(repr)) {
        return repr;
    }
    PyObject *bytes = PyUnicode_AsEncodedString(repr, "ascii",
                                                "backslashreplace");
    Py_DECREF(repr);
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_DecodeASCII(PyBytes_AS_STRING(bytes),
                                          PyBytes_GET_SIZE(bytes), NULL);
    Py_DECREF(bytes);
    return res;
}

PyObject *PyObject_Bytes(PyObject *v)
{
    if (v == NULL) {
        return PyBytes_FromString("<NULL>");
    }
    if (PyBytes_CheckExact(v)) {
        return Py_NewRef(v);
    }
    PyObject *method = _PyObject_LookupSpecial(v, _Py_INTERNED_ID(__bytes__));
    if (method != NULL) {
        PyObject *res = _PyObject_CallNoArgs(method);
        Py_DECREF(method);
        if (res != NULL && !PyBytes_Check(res)) {
            PyErr_Format(PyExc_TypeError,
                         "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(res)->tp_name);
            Py_CLEAR(res);
        }
        return res;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBytes_FromObject(v);
}

/* Write str(op) (flags & Py_PRINT_RAW) or repr(op) to fp as UTF-8. */
int PyObject_Print(PyObject *op, FILE *fp, int flags)
{
    clearerr(fp);
    if (op == NULL) {
        fputs("<nil>", fp);
    }
    else {
        PyObject *s = (flags & Py_PRINT_RAW) ? PyObject_Str(op)
                                             : PyObject_Repr(op);
        if (s == NULL) {
            return -1;
        }
        PyObject *b = PyUnicode_AsEncodedString(s, "utf-8", "backslashreplace");
        Py_DECREF(s);
        if (b == NULL) {
            return -1;
        }
        fwrite(PyBytes_AS_STRING(b), 1, (size_t)PyBytes_GET_SIZE(b), fp);
        Py_DECREF(b);
    }
    if (ferror(fp)) {
        PyErr_SetFromErrno(PyExc_OSError);
        clearerr(fp);
        return -1;
    }
    return 0;
}

/* A debugging aid: never raises, prints whatever it can to stderr. */
void _PyObject_Dump(PyObject *op)
{
    if (op == NULL) {
        fprintf(stderr, "<object at NULL>\n");
        return;
    }
    PyTypeObject *type = Py_TYPE(op);
    fprintf(stderr, "object address  : %p\n", (void *)op);
    fprintf(stderr, "object refcount : %zd\n", Py_REFCNT(op));
    fprintf(stderr, "object type     : %p\n", (void *)type);
    fprintf(stderr, "object type name: %s\n",
            type == NULL ? "NULL" : type->tp_name);
    PyObject *exc = PyErr_GetRaisedException();
    fprintf(stderr, "object repr     : ");
    fflush(stderr);
    if (PyObject_Print(op, stderr, 0) < 0) {
        PyErr_Clear();
    }
    fprintf(stderr, "\n");
    fflush(stderr);
    PyErr_SetRaisedException(exc);
}

/* "qualname()" or "module.qualname()" naming a callable in error
   messages; str(func) when it has no __qualname__. */
PyObject *_PyObject_FunctionStr(PyObject *func)
{
    PyObject *qualname;
    if (PyObject_GetOptionalAttr(func, _Py_INTERNED_ID(__qualname__), &qualname) < 0) {
        return NULL;
    }
    if (qualname == NULL) {
        return PyObject_Str(func);
    }
    PyObject *module, *result = NULL;
    if (PyObject_GetOptionalAttr(func, _Py_INTERNED_ID(__module__), &module) < 0) {
        Py_DECREF(qualname);
        return NULL;
    }
    if (module != NULL && module != Py_None
            && !(PyUnicode_Check(module)
                 && _PyUnicode_EqualToASCIIString(module, "builtins"))) {
        result = PyUnicode_FromFormat("%S.%S()", module, qualname);
    }
    else {
        result = PyUnicode_FromFormat("%S()", qualname);
    }
    Py_XDECREF(module);
    Py_DECREF(qualname);
    return result;
}

/* ---- recursion guard for container reprs ------------------------------- */

/* The objects whose repr is in progress on this thread live in a list in
   the thread-state dict, so no lock is needed: only this thread sees it. */
static PyObject *repr_list(void)
{
    PyObject *dict = PyThreadState_GetDict();
    if (dict == NULL) {
        return NULL;
    }
    PyObject *list;
    if (PyDict_GetItemRef(dict, _Py_INTERNED_ID(Py_Repr), &list) < 0) {
        return NULL;
    }
    if (list == NULL) {
        list = PyList_New(0);
        if (list == NULL) {
            return NULL;
        }
        if (PyDict_SetItem(dict, _Py_INTERNED_ID(Py_Repr), list) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* 1 when obj's repr is already being computed (a cycle), 0 after marking
   it, -1 on error. */
int Py_ReprEnter(PyObject *obj)
{
    PyObject *list = repr_list();
    if (list == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        if (PyList_GET_ITEM(list, i) == obj) {
            Py_DECREF(list);
            return 1;
        }
    }
    int err = PyList_Append(list, obj);
    Py_DECREF(list);
    return err < 0 ? -1 : 0;
}

/* Unmark obj; keeps any pending exception intact. */
void Py_ReprLeave(PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *list = repr_list();
    if (list != NULL) {
        Py_ssize_t n = PyList_GET_SIZE(list);
        for (Py_ssize_t i = n - 1; i >= 0; i--) {
            if (PyList_GET_ITEM(list, i) == obj) {
                PyList_SetSlice(list, i, i + 1, NULL);
                break;
            }
        }
        Py_DECREF(list);
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

/* ---- rich comparison ---------------------------------------------------- */

int _Py_SwappedOp[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};

static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

/* type's tp_richcompare, read atomically: assigning __eq__, __lt__, ...
   to a class rewrites the slot (Objects/typeslots.c, a release store)
   while other threads may be comparing its instances. */
static richcmpfunc richcompare_slot(PyTypeObject *type)
{
    return __atomic_load_n(&type->tp_richcompare, __ATOMIC_RELAXED);
}

/* Try v's comparison, w's reflected one (first, when w's type is a proper
   subclass of v's that overrides it), then fall back to identity for ==
   and != and TypeError for the orderings. */
static PyObject *do_richcompare(PyObject *v, PyObject *w, int op)
{
    richcmpfunc f;
    PyObject *res;
    int checked_reverse_op = 0;

    if (!Py_IS_TYPE(v, Py_TYPE(w))
            && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v))
            && (f = richcompare_slot(Py_TYPE(w))) != NULL) {
        checked_reverse_op = 1;
        res = f(w, v, _Py_SwappedOp[op]);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    if ((f = richcompare_slot(Py_TYPE(v))) != NULL) {
        res = f(v, w, op);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    if (!checked_reverse_op && (f = richcompare_slot(Py_TYPE(w))) != NULL) {
        res = f(w, v, _Py_SwappedOp[op]);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    switch (op) {
    case Py_EQ:
        return Py_NewRef(v == w ? Py_True : Py_False);
    case Py_NE:
        return Py_NewRef(v != w ? Py_True : Py_False);
    default:
        PyErr_Format(PyExc_TypeError,
                     "'%s' not supported between instances of '%.100s' and '%.100s'",
                     opstrings[op], Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
        return NULL;
    }
}

PyObject *PyObject_RichCompare(PyObject *v, PyObject *w, int op)
{
    if (v == NULL || w == NULL || op < Py_LT || op > Py_GE) {
        if (!PyErr_Occurred()) {
            PyErr_BadInternalCall();
        }
        return NULL;
    }
    if (Py_EnterRecursiveCall(" in comparison")) {
        return NULL;
    }
    PyObject *res = do_richcompare(v, w, op);
    Py_LeaveRecursiveCall();
    return res;
}

/* Identity implies equality here (not in PyObject_RichCompare): containers
   rely on it so that x in [x] holds even for NaN-like objects. */
int PyObject_RichCompareBool(PyObject *v, PyObject *w, int op)
{
    if (v == w) {
        if (op == Py_EQ) {
            return 1;
        }
        if (op == Py_NE) {
            return 0;
        }
    }
    PyObject *res = PyObject_RichCompare(v, w, op);
    if (res == NULL) {
        return -1;
    }
    int ok;
    if (PyBool_Check(res)) {
        ok = (res == Py_True);
    }
    else {
        ok = PyObject_IsTrue(res);
    }
    Py_DECREF(res);
    return ok;
}

/* ---- hashing, truth, calling -------------------------------------------- */

Py_hash_t PyObject_HashNotImplemented(PyObject *v)
{
    PyErr_Format(PyExc_TypeError, "unhashable type: '%.200s'",
                 Py_TYPE(v)->tp_name);
    return -1;
}

Py_hash_t PyObject_Hash(PyObject *v)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_hash != NULL) {
        return tp->tp_hash(v);
    }
    /* A static type used before PyType_Ready inherited object's hash. */
    if (!(tp->tp_flags & Py_TPFLAGS_READY)) {
        if (PyType_Ready(tp) < 0) {
            return -1;
        }
        if (tp->tp_hash != NULL) {
            return tp->tp_hash(v);
        }
    }
    return PyObject_HashNotImplemented(v);
}

int PyObject_IsTrue(PyObject *v)
{
    if (v == Py_True) {
        return 1;
    }
    if (v == Py_False || v == Py_None) {
        return 0;
    }
    PyTypeObject *tp = Py_TYPE(v);
    Py_ssize_t res;
    if (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL) {
        res = tp->tp_as_number->nb_bool(v);
    }
    else if (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL) {
        res = tp->tp_as_mapping->mp_length(v);
    }
    else if (tp->tp_as_sequence != NULL
             && tp->tp_as_sequence->sq_length != NULL) {
        res = tp->tp_as_sequence->sq_length(v);
    }
    else {
        return 1;
    }
    return res > 0 ? 1 : (int)res;
}

int PyObject_Not(PyObject *v)
{
    int res = PyObject_IsTrue(v);
    if (res < 0) {
        return res;
    }
    return res == 0;
}

int PyCallable_Check(PyObject *x)
{
    if (x == NULL) {
        return 0;
    }
    return Py_TYPE(x)->tp_call != NULL;
}

PyObject *PyObject_SelfIter(PyObject *obj)
{
    return Py_NewRef(obj);
}

#undef Py_IsNone
int Py_IsNone(PyObject *x)
{
    return x == Py_None;
}

/* ---- attribute access ---------------------------------------------------- */

static int check_attr_name(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError,
                     "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

/* Give a pending AttributeError its .name and .obj, unless set already. */
int _PyObject_SetAttributeErrorContext(PyObject *obj, PyObject *name)
{
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
        return 0;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyErr_GivenExceptionMatches(exc, PyExc_AttributeError)) {
        PyObject *old = NULL;
        if (PyObject_GetOptionalAttrString(exc, "name", &old) == 1
                && old == Py_None) {
            if (PyObject_SetAttrString(exc, "name", name) < 0
                    || PyObject_SetAttrString(exc, "obj", obj) < 0) {
                PyErr_Clear();
            }
        }
        Py_XDECREF(old);
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
    return 0;
}

PyObject *PyObject_GetAttr(PyObject *v, PyObject *name)
{
    if (check_attr_name(name) < 0) {
        return NULL;
    }
    PyTypeObject *tp = Py_TYPE(v);
    PyObject *result;
    if (tp->tp_getattro != NULL) {
        result = tp->tp_getattro(v, name);
    }
    else if (tp->tp_getattr != NULL) {
        const char *name_str = PyUnicode_AsUTF8(name);
        if (name_str == NULL) {
            return NULL;
        }
        result = tp->tp_getattr(v, (char *)name_str);
    }
    else {
        PyErr_Format(PyExc_AttributeError,
                     "'%.100s' object has no attribute '%U'",
                     tp->tp_name, name);
        result = NULL;
    }
    if (result == NULL) {
        _PyObject_SetAttributeErrorContext(v, name);
    }
    return result;
}

PyObject *PyObject_GetAttrString(PyObject *v, const char *name)
{
    PyObject *name_obj = PyUnicode_FromString(name);
    if (name_obj == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetAttr(v, name_obj);
    Py_DECREF(name_obj);
    return res;
}

int PyObject_GetOptionalAttr(PyObject *v, PyObject *name, PyObject **result)
{
    if (check_attr_name(name) < 0) {
        *result = NULL;
        return -1;
    }
    getattrofunc getattro = Py_TYPE(v)->tp_getattro;
    if (getattro == PyObject_GenericGetAttr) {
        *result = _PyObject_GenericGetAttrWithDict(v, name, NULL, 1);
    }
    else if (getattro == _Py_type_getattro) {
        *result = _Py_type_getattro_impl((PyTypeObject *)v, name, 1);
    }
    else if (getattro == _Py_module_getattro) {
        *result = _Py_module_getattro_impl(v, name, 1);
    }
    else {
        *result = PyObject_GetAttr(v, name);
        if (*result == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            return 0;
        }
    }
    if (*result != NULL) {
        return 1;
    }
    return PyErr_Occurred() ? -1 : 0;
}

int PyObject_GetOptionalAttrString(PyObject *v, const char *name,
                                   PyObject **result)
{
    PyObject *name_obj = PyUnicode_FromString(name);
    if (name_obj == NULL) {
        *result = NULL;
        return -1;
    }
    int res = PyObject_GetOptionalAttr(v, name_obj, result);
    Py_DECREF(name_obj);
    return res;
}

int PyObject_HasAttrWithError(PyObject *v, PyObject *name)
{
    PyObject *res;
    int rc = PyObject_GetOptionalAttr(v, name, &res);
    Py_XDECREF(res);
    return rc;
}

int PyObject_HasAttrStringWithError(PyObject *v, const char *name)
{
    PyObject *res;
    int rc = PyObject_GetOptionalAttrString(v, name, &res);
    Py_XDECREF(res);
    return rc;
}

/* Errors other than a missing attribute are reported as unraisable, as
   CPython does since 3.13. */
int PyObject_HasAttr(PyObject *v, PyObject *name)
{
    int rc = PyObject_HasAttrWithError(v, name);
    if (rc < 0) {
        PyErr_FormatUnraisable("Exception ignored in PyObject_HasAttr(); "
                               "consider using PyObject_HasAttrWithError()");
        return 0;
    }
    return rc;
}

int PyObject_HasAttrString(PyObject *v, const char *name)
{
    int rc = PyObject_HasAttrStringWithError(v, name);
    if (rc < 0) {
        PyErr_FormatUnraisable("Exception ignored in PyObject_HasAttrString(); "
                               "consider using PyObject_HasAttrStringWithError()");
        return 0;
    }
    return rc;
}

int PyObject_SetAttr(PyObject *v, PyObject *name, PyObject *value)
{
    if (check_attr_name(name) < 0) {
        return -1;
    }
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_setattro != NULL) {
        return tp->tp_setattro(v, name, value);
    }
    if (tp->tp_setattr != NULL) {
        const char *name_str = PyUnicode_AsUTF8(name);
        if (name_str == NULL) {
            return -1;
        }
        return tp->tp_setattr(v, (char *)name_str, value);
    }
    if (tp->tp_getattr == NULL && tp->tp_getattro == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'%.100s' object has no attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "'%.100s' object has only read-only attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    }
    return -1;
}

int PyObject_SetAttrString(PyObject *v, const char *name, PyObject *w)
{
    PyObject *name_obj = PyUnicode_FromString(name);
    if (name_obj == NULL) {
        return -1;
    }
    /* calls2: interned, as CPython's PyObject_SetAttr interns, so that a
       module function's key in its module dict (builtins' len, max, ...)
       is the code's own name object: the specialized global loads find
       names at a dict hint by identity. */
    PyUnicode_InternInPlace(&name_obj);
    int res = PyObject_SetAttr(v, name_obj, w);
    Py_DECREF(name_obj);
    return res;
}

int PyObject_DelAttr(PyObject *v, PyObject *name)
{
    return PyObject_SetAttr(v, name, NULL);
}

int PyObject_DelAttrString(PyObject *v, const char *name)
{
    return PyObject_SetAttrString(v, name, NULL);
}

/* ---- instance dicts ------------------------------------------------------ */

/* The number of items of a variable-size object, which fixes where a
   negative tp_dictoffset points.  Ints keep their digit count in lv_tag
   rather than ob_size (Include/cpython/longobject.h). */
static Py_ssize_t var_object_items(PyObject *obj)
{
    if (PyType_FastSubclass(Py_TYPE(obj), Py_TPFLAGS_LONG_SUBCLASS)) {
        uintptr_t tag = ((PyLongObject *)obj)->long_value.lv_tag;
        return (Py_ssize_t)(tag >> _PyLong_NON_SIZE_BITS);
    }
    Py_ssize_t n = Py_SIZE(obj);
    return n < 0 ? -n : n;
}

PyObject **_PyObject_ComputedDictPointer(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    Py_ssize_t offset = tp->tp_dictoffset;
    if (offset == 0) {
        return NULL;
    }
    if (offset < 0) {
        size_t size = _PyObject_VAR_SIZE(tp, var_object_items(obj));
        offset += (Py_ssize_t)size;
    }
    return (PyObject **)((char *)obj + offset);
}

/* The caller will read the slot as a dict: an instance keeping its
   attributes in a values array gets its dict now.  On failure (out of
   memory) the slot is reported missing, as the API allows. */
PyObject **_PyObject_GetDictPtr(PyObject *obj)
{
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr == NULL
            || !_PyInstValues_IsTagged(__atomic_load_n(dictptr, __ATOMIC_ACQUIRE))) {
        return dictptr;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(obj);
    rc = _PyInstValues_MaterializeLocked(obj, dictptr);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        PyErr_Clear();
        return NULL;
    }
    return dictptr;
}

/* A new reference to the dict in *dictptr (NULL when none yet, or when
   the slot holds a values array: see pycore_instvalues.h).

   Free-threaded build: read lock-free first.  Once installed, the dict
   changes only by __dict__ assignment, which marks the old dict before
   dropping it (PyObject_GenericSetDict), so its memory outlives this
   read and _Py_TryIncref either takes a valid reference or refuses; the
   re-load then confirms it is still the instance's dict.  Otherwise the
   instance's critical section keeps a concurrent assignment from freeing
   the dict between the load and the incref, and marks the dict so that
   this thread's next read succeeds lock-free. */
static PyObject *load_instance_dict(PyObject *obj, PyObject **dictptr)
{
    PyObject *dict;
#ifdef Py_GIL_DISABLED
    dict = __atomic_load_n(dictptr, __ATOMIC_ACQUIRE);
    if (dict != NULL && !_PyInstValues_IsTagged(dict) && _Py_TryIncref(dict)) {
        if (__atomic_load_n(dictptr, __ATOMIC_ACQUIRE) == dict) {
            return dict;
        }
        Py_DECREF(dict);
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(obj);
    dict = *dictptr;
    dict = _PyInstValues_IsTagged(dict) ? NULL : Py_XNewRef(dict);
#ifdef Py_GIL_DISABLED
    if (dict != NULL && !_Py_IsOwnedByCurrentThread(dict)) {
        _PyObject_SetMaybeWeakref(dict);
    }
#endif
    Py_END_CRITICAL_SECTION();
    return dict;
}

/* The instance dict (new reference), created on first use under the
   instance's critical section so that two threads cannot both install
   one.  NULL without an exception when the type has no instance dict. */
PyObject *_PyObject_GetOrCreateInstanceDict(PyObject *obj)
{
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr == NULL) {
        return NULL;
    }
    PyObject *dict = load_instance_dict(obj, dictptr);
    if (dict != NULL) {
        return dict;
    }
    Py_BEGIN_CRITICAL_SECTION(obj);
    if (_PyInstValues_MaterializeLocked(obj, dictptr) == 0) {
        dict = *dictptr;
        if (dict == NULL) {
            dict = PyDict_New();
            /* Release: a lock-free reader sees the dict initialised. */
            __atomic_store_n(dictptr, dict, __ATOMIC_RELEASE);
        }
        Py_XINCREF(dict);
    }
    Py_END_CRITICAL_SECTION();
    return dict;
}

int _PyObject_LookupInstanceAttr(PyObject *obj, PyObject *name,
                                 PyObject **out)
{
    *out = NULL;
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr == NULL) {
        return 0;
    }
    int found = _PyInstValues_Lookup(obj, dictptr, name, out);
    if (found != 2) {
        return found;
    }
    PyObject *dict = load_instance_dict(obj, dictptr);
    if (dict == NULL) {
        return 0;
    }
    found = PyDict_GetItemRef(dict, name, out);
    Py_DECREF(dict);
    return found;
}

PyObject *PyObject_GenericGetDict(PyObject *obj, void *context)
{
    PyObject *dict = _PyObject_GetOrCreateInstanceDict(obj);
    if (dict == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_AttributeError,
                        "This object has no __dict__");
    }
    return dict;
}

/* Stores value (a dict, or NULL to delete) in obj's __dict__ slot.  The
   store is atomic under obj's critical section; a lock-free reader may
   still hold the old dict's (or values') address (load_instance_dict,
   _PyInstValues_LoadAt), which _PyInstValues_ClearSlot keeps safe. */
int _PyObject_SetInstanceDict(PyObject *obj, PyObject *value)
{
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError,
                        "This object has no __dict__");
        return -1;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(obj);
    old = *dictptr;
    __atomic_store_n(dictptr, Py_XNewRef(value), __ATOMIC_RELEASE);
    Py_END_CRITICAL_SECTION();
    _PyInstValues_ClearSlot(&old, 1);
    return 0;
}

int PyObject_GenericSetDict(PyObject *obj, PyObject *value, void *context)
{
    (void)context;
    if (value == NULL && _PyObject_ComputedDictPointer(obj) != NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    return _PyObject_SetInstanceDict(obj, value);
}

/* ---- the generic getattr/setattr ----------------------------------------- */

/* Lookup order: a data descriptor on the type, then the instance dict,
   then a non-data descriptor or plain class attribute. */
PyObject *_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name,
                                           PyObject *dict, int suppress)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (check_attr_name(name) < 0) {
        return NULL;
    }
    if (!(tp->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(tp) < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    descrgetfunc get = NULL;
    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        get = Py_TYPE(descr)->tp_descr_get;
        if (get != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
            res = get(descr, obj, (PyObject *)tp);
            if (res == NULL && suppress
                    && PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
            }
            goto done;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
        if (dictptr != NULL) {
            int found = _PyInstValues_Lookup(obj, dictptr, name, &res);
            if (found == 2) {
                dict = load_instance_dict(obj, dictptr);    /* a dict slot */
            }
            else if (found != 0) {
                goto done;      /* found among the values, or an error */
            }
        }
    }
    else {
        Py_INCREF(dict);
    }
    if (dict != NULL) {
        int found = PyDict_GetItemRef(dict, name, &res);
        Py_DECREF(dict);
        if (found != 0) {
            goto done;          /* found, or an error in the lookup */
        }
    }
    if (get != NULL) {
        res = get(descr, obj, (PyObject *)tp);
        if (res == NULL && suppress
                && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
        }
        goto done;
    }
    if (descr != NULL) {
        res = descr;
        descr = NULL;
        goto done;
    }
    if (!suppress) {
        PyErr_Format(PyExc_AttributeError,
                     "'%.100s' object has no attribute '%U'",
                     tp->tp_name, name);
        _PyObject_SetAttributeErrorContext(obj, name);
    }
done:
    Py_XDECREF(descr);
    return res;
}

PyObject *PyObject_GenericGetAttr(PyObject *obj, PyObject *name)
{
    return _PyObject_GenericGetAttrWithDict(obj, name, NULL, 0);
}

/* Store into (or delete from, value == NULL) the instance dict. */
static int set_in_instance_dict(PyObject *obj, PyObject *dict,
                                PyObject *name, PyObject *value)
{
    if (value != NULL) {
        return PyDict_SetItem(dict, name, value);
    }
    int rc = PyDict_Pop(dict, name, NULL);
    if (rc == 0) {
        PyErr_Format(PyExc_AttributeError,
                     "'%.100s' object has no attribute '%U'",
                     Py_TYPE(obj)->tp_name, name);
        _PyObject_SetAttributeErrorContext(obj, name);
        return -1;
    }
    return rc < 0 ? -1 : 0;
}

int _PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name,
                                     PyObject *value, PyObject *dict)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (check_attr_name(name) < 0) {
        return -1;
    }
    if (!(tp->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(tp) < 0) {
        return -1;
    }
    int res = -1;
    Py_INCREF(name);
    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        descrsetfunc set = Py_TYPE(descr)->tp_descr_set;
        if (set != NULL) {
            res = set(descr, obj, value);
            goto done;
        }
    }
    if (dict != NULL) {
        res = set_in_instance_dict(obj, dict, name, value);
        goto done;
    }
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr == NULL) {
        if (descr != NULL) {
            PyErr_Format(PyExc_AttributeError,
                         "'%.100s' object attribute '%U' is read-only",
                         tp->tp_name, name);
        }
        else if (tp->tp_setattro == PyObject_GenericSetAttr) {
            PyErr_Format(PyExc_AttributeError,
                         "'%.100s' object has no attribute '%U' and no "
                         "__dict__ for setting new attributes",
                         tp->tp_name, name);
            _PyObject_SetAttributeErrorContext(obj, name);
        }
        else {
            PyErr_Format(PyExc_AttributeError,
                         "'%.100s' object has no attribute '%U'",
                         tp->tp_name, name);
            _PyObject_SetAttributeErrorContext(obj, name);
        }
        goto done;
    }
    res = _PyInstValues_Store(obj, dictptr, name, value);
    if (res != 1) {
        goto done;
    }
    res = -1;
    dict = _PyObject_GetOrCreateInstanceDict(obj);
    if (dict == NULL) {
        goto done;
    }
    res = set_in_instance_dict(obj, dict, name, value);
    Py_DECREF(dict);
done:
    Py_XDECREF(descr);
    Py_DECREF(name);
    return res;
}

int PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value)
{
    return _PyObject_GenericSetAttrWithDict(obj, name, value, NULL);
}

/* ---- dir() --------------------------------------------------------------- */

/* dir() with no argument lists the caller's local names: that needs a
   running frame, which only the evaluation loop has. */
extern PyObject *PyEval_GetFrameLocals(void) __attribute__((weak));

static PyObject *dir_locals(void)
{
    if (PyEval_GetFrameLocals == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    PyObject *locals = PyEval_GetFrameLocals();
    if (locals == NULL) {
        return NULL;
    }
    PyObject *names = PyMapping_Keys(locals);
    Py_DECREF(locals);
    if (names == NULL) {
        return NULL;
    }
    if (!PyList_Check(names)) {
        PyErr_Format(PyExc_TypeError,
                     "dir(): expected keys() of locals to be a list, "
                     "not '%.200s'", Py_TYPE(names)->tp_name);
        Py_DECREF(names);
        return NULL;
    }
    if (PyList_Sort(names) < 0) {
        Py_DECREF(names);
        return NULL;
    }
    return names;
}

/* sorted(type(obj).__dir__(obj)) */
static PyObject *dir_object(PyObject *obj)
{
    PyObject *dirfunc = _PyObject_LookupSpecial(obj, _Py_INTERNED_ID(__dir__));
    if (dirfunc == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "object does not provide __dir__");
        }
        return NULL;
    }
    PyObject *result = _PyObject_CallNoArgs(dirfunc);
    Py_DECREF(dirfunc);
    if (result == NULL) {
        return NULL;
    }
    PyObject *sorted = PySequence_List(result);
    Py_DECREF(result);
    if (sorted == NULL) {
        return NULL;
    }
    if (PyList_Sort(sorted) < 0) {
        Py_DECREF(sorted);
        return NULL;
    }
    return sorted;
}

PyObject *PyObject_Dir(PyObject *obj)
{
    return obj == NULL ? dir_locals() : dir_object(obj);
}

/* ---- finalizers (PEP 442) ---------------------------------------------- */

static void mark_finalized(PyObject *op)
{
    if (!PyObject_IS_GC(op)) {
        return;
    }
#ifdef Py_GIL_DISABLED
    op->ob_gc_bits |= _PyGC_BITS_FINALIZED;
#else
    PyGC_Head *gc = _Py_AS_GC(op);
    gc->gc_prev = (PyGC_Head *)((uintptr_t)gc->gc_prev
                                | _PyGC_PREV_MASK_FINALIZED);
#endif
}

/* Run tp_finalize once per object (GC objects remember it). */
void PyObject_CallFinalizer(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (tp->tp_finalize == NULL) {
        return;
    }
    if (PyObject_IS_GC(self) && PyObject_GC_IsFinalized(self)) {
        return;
    }
    tp->tp_finalize(self);
    mark_finalized(self);
}

/* Give a dying object (count zero) one temporary reference owned by this
   thread, so that its finalizer can run and possibly resurrect it. */
static void resurrect_start(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&op->ob_tid, _Py_ThreadId(), __ATOMIC_RELAXED);
    __atomic_store_n(&op->ob_ref_local, 1, __ATOMIC_RELAXED);
    __atomic_store_n(&op->ob_ref_shared, 0, __ATOMIC_RELAXED);
#else
    op->ob_refcnt = 1;
#endif
}

/* Drop the temporary reference.  Returns 1 when the finalizer stored a
   new reference somewhere (the object lives on; in the free-threaded
   build the counts are merged so the other holders own it), 0 when the
   object is still dying. */
static int resurrect_end(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    uint32_t local = __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED);
    Py_ssize_t shared = __atomic_load_n(&op->ob_ref_shared, __ATOMIC_ACQUIRE);
    if (local == 1 && shared == 0) {
        __atomic_store_n(&op->ob_ref_local, 0, __ATOMIC_RELAXED);
        return 0;
    }
    _Py_ExplicitMergeRefcount(op, -1);
    return 1;
#else
    return --op->ob_refcnt != 0;
#endif
}

/* For tp_dealloc: run the finalizer of an object whose count dropped to
   zero.  Returns -1 when it was resurrected (the caller must stop
   deallocating), 0 otherwise.  Any exception is reported as unraisable. */
int PyObject_CallFinalizerFromDealloc(PyObject *self)
{
    resurrect_start(self);
    PyObject *exc = PyErr_GetRaisedException();
    PyObject_CallFinalizer(self);
    PyErr_SetRaisedException(exc);
    if (resurrect_end(self)) {
        return -1;
    }
    return 0;
}

/* ---- object: construction ---------------------------------------------------------- */

static PyObject *object_new(PyTypeObject *type, PyObject *args, PyObject *kwds);

static int excess_args(PyObject *args, PyObject *kwds)
{
    return PyTuple_GET_SIZE(args) != 0
           || (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0);
}

/* object.__init__ accepts extra arguments only when __new__ is
   overridden and __init__ is not (so the arguments were meant for
   __new__). */
static int object_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = Py_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != object_init) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__init__() takes exactly one argument "
                            "(the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.__init__() takes exactly one argument "
                         "(the instance to initialize)", type->tp_name);
            return -1;
        }
    }
    return 0;
}

/* "Can't instantiate abstract class C without an implementation for
   abstract method 'f'" (names sorted, quoted). */
static void abstract_instantiation_error(PyTypeObject *type)
{
    PyObject *methods = PyObject_GetAttr((PyObject *)type,
                                         _Py_INTERNED_ID(__abstractmethods__));
    if (methods == NULL) {
        return;
    }
    PyObject *sorted = PySequence_List(methods);
    Py_DECREF(methods);
    if (sorted == NULL) {
        return;
    }
    if (PyList_Sort(sorted) < 0) {
        Py_DECREF(sorted);
        return;
    }
    Py_ssize_t n = PyList_GET_SIZE(sorted);
    PyObject *quoted = PyList_New(n);
    if (quoted == NULL) {
        Py_DECREF(sorted);
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *q = PyUnicode_FromFormat("'%S'", PyList_GET_ITEM(sorted, i));
        if (q == NULL) {
            Py_DECREF(quoted);
            Py_DECREF(sorted);
            return;
        }
        PyList_SET_ITEM(quoted, i, q);
    }
    Py_DECREF(sorted);
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep != NULL ? PyUnicode_Join(sep, quoted) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(quoted);
    if (joined == NULL) {
        return;
    }
    PyErr_Format(PyExc_TypeError,
                 "Can't instantiate abstract class %s without an "
                 "implementation for abstract method%s %U",
                 type->tp_name, n > 1 ? "s" : "", joined);
    Py_DECREF(joined);
}

static PyObject *object_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != object_new) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__new__() takes exactly one argument "
                            "(the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == object_init) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments",
                         type->tp_name);
            return NULL;
        }
    }
    if (type->tp_flags & Py_TPFLAGS_IS_ABSTRACT) {
        abstract_instantiation_error(type);
        return NULL;
    }
    return type->tp_alloc(type, 0);
}

static void object_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

/* ---- object: representation and comparison -------------------------------------- */

/* "<module.Qualname object at 0x...>", or "<name object at 0x...>" for
   built-in types. */
static PyObject *object_repr(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mod = PyType_GetModuleName(type);
    if (mod == NULL) {
        PyErr_Clear();
    }
    else if (!PyUnicode_Check(mod)) {
        Py_CLEAR(mod);
    }
    PyObject *name = PyType_GetQualName(type);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *res;
    if (mod != NULL && !_PyUnicode_EqualToASCIIString(mod, "builtins")) {
        res = PyUnicode_FromFormat("<%U.%U object at %p>", mod, name, self);
    }
    else {
        res = PyUnicode_FromFormat("<%s object at %p>", type->tp_name, self);
    }
    Py_XDECREF(mod);
    Py_DECREF(name);
    return res;
}

static PyObject *object_str(PyObject *self)
{
    unaryfunc f = Py_TYPE(self)->tp_repr;
    if (f == NULL) {
        f = object_repr;
    }
    return f(self);
}

/* == is identity; != inverts whatever __eq__ says. */
static PyObject *object_richcompare(PyObject *self, PyObject *other, int op)
{
    switch (op) {
    case Py_EQ:
        if (self == other) {
            Py_RETURN_TRUE;
        }
        Py_RETURN_NOTIMPLEMENTED;
    case Py_NE: {
        richcmpfunc eq = Py_TYPE(self)->tp_richcompare;
        if (eq == NULL) {
            Py_RETURN_NOTIMPLEMENTED;
        }
        PyObject *res = eq(self, other, Py_EQ);
        if (res != NULL && res != Py_NotImplemented) {
            int ok = PyObject_IsTrue(res);
            Py_DECREF(res);
            if (ok < 0) {
                return NULL;
            }
            return Py_NewRef(ok ? Py_False : Py_True);
        }
        return res;
    }
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

static Py_hash_t object_hash(PyObject *self)
{
    return Py_HashPointer(self);
}

/* ---- object: __class__ --------------------------------------------------------------- */

static PyObject *object_get_class(PyObject *self, void *closure)
{
    return Py_NewRef(Py_TYPE(self));
}

/* ob_type is one pointer-sized store inside the instance's critical
   section, so a concurrent reader sees the old or the new type.  A reader
   that saw the old type holds no reference to it; like CPython, Weft
   relies on heap types dying only through the cycle collector (they sit
   in a reference cycle with their own MRO), which runs with the world
   stopped. */
/* Every thread reads ob_type without a lock (Py_TYPE), so in the
   free-threaded build the store happens with the world stopped, as in
   CPython: no thread runs Python code while the class changes, and
   restarting the world publishes the new class to all of them.  The store
   is made only if the class is still `expected` (another thread may have
   assigned __class__ since the caller checked it); returns whether it
   was. */
static int swap_class_stopped(PyObject *self, PyTypeObject *expected,
                              PyTypeObject *newto)
{
#ifdef Py_GIL_DISABLED
    PyInterpreterState *interp = _PyInterpreterState_GET();
    _PyEval_StopTheWorld(interp);
#endif
    int unchanged = Py_TYPE(self) == expected;
    if (unchanged) {
        Py_SET_TYPE(self, newto);
    }
#ifdef Py_GIL_DISABLED
    _PyEval_StartTheWorld(interp);
#endif
    return unchanged;
}

/* The checks object.__class__ assignment makes against the current class
   oldto; 0, or -1 with TypeError set. */
static int check_class_assignment(PyTypeObject *oldto, PyTypeObject *newto)
{
    int module_like = PyType_IsSubtype(newto, &PyModule_Type)
                      && PyType_IsSubtype(oldto, &PyModule_Type);
    if (!module_like && ((newto->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)
                         || (oldto->tp_flags & Py_TPFLAGS_IMMUTABLETYPE))) {
        PyErr_Format(PyExc_TypeError,
                     "__class__ assignment only supported for mutable types "
                     "or ModuleType subclasses");
        return -1;
    }
    return _PyType_CompatibleForAssignment(oldto, newto, "__class__") ? 0 : -1;
}

static int object_set_class(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!PyType_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "__class__ must be set to a class, not '%s' object",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyTypeObject *newto = (PyTypeObject *)value;
    PyTypeObject *oldto;
    /* Retried only when another thread assigned __class__ between the
       checks and the store. */
    do {
        oldto = Py_TYPE(self);
        if (check_class_assignment(oldto, newto) < 0) {
            return -1;
        }
        /* A values array is indexed by the old class's shared keys: the
           instance takes a dict first (pycore_instvalues.h); it keeps
           the dict from then on. */
        PyObject **dictptr = _PyObject_ComputedDictPointer(self);
        int rc = 0;
        Py_BEGIN_CRITICAL_SECTION(self);
        if (dictptr != NULL) {
            rc = _PyInstValues_MaterializeLocked(self, dictptr);
        }
        Py_END_CRITICAL_SECTION();
        if (rc < 0) {
            return -1;
        }
    } while (!swap_class_stopped(self, oldto, newto));
    /* The instance's reference to its class moves from oldto to newto. */
    if (newto->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_INCREF(newto);
    }
    if (oldto->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(oldto);
    }
    return 0;
}

static PyGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class,
     "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- object: pickling support (__getstate__, __reduce__, __reduce_ex__) ------------ */

/* The import system is a separate component that may not be linked in
   yet; reduce protocols need copyreg's helpers from it.  A weak reference
   keeps the type system linkable on its own. */
extern PyObject *PyImport_ImportModule(const char *name) __attribute__((weak));
extern PyObject *PyImport_GetModule(PyObject *name) __attribute__((weak));

/* sys.modules['copyreg'], whatever it is, as CPython's import_copyreg
   finds it first (session 11: the full import statement cost about 6,000
   instructions, paid by every object.__reduce_ex__, so per object that
   copy.deepcopy copies); the import when it is absent, or a module whose
   code is still running (the import waits for the thread running it). */
static PyObject *import_copyreg(void)
{
    if (PyImport_ImportModule == NULL || PyImport_GetModule == NULL) {
        PyErr_SetString(PyExc_ImportError, "No module named 'copyreg'");
        return NULL;
    }
    PyObject *mod = PyImport_GetModule(_Py_INTERNED_ID(copyreg));
    if (mod != NULL
            && !(PyModule_Check(mod) && _PyModule_IsInitializing(mod))) {
        return mod;
    }
    Py_XDECREF(mod);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyImport_ImportModule("copyreg");
}

/* The names of type's slots that pickling saves, as CPython finds them:
   type.__dict__['__slotnames__'] when the class has one (copyreg caches
   it there), else copyreg._slotnames(type).  A new reference to a list
   or None. */
static PyObject *slot_names(PyTypeObject *type)
{
    PyObject *names;
    PyObject *dict = type->tp_dict;
    if (dict != NULL &&
        PyDict_GetItemRef(dict, _Py_INTERNED_ID(__slotnames__), &names) < 0) {
        return NULL;
    }
    if ((dict == NULL || names == NULL)
            && !(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        /* A static type has no __slots__ and cannot cache the answer, so
           copyreg._slotnames would return [] again on every copy of a set
           or a frozenset: answer without the call. */
        return PyList_New(0);
    }
    if (dict == NULL || names == NULL) {
        PyObject *copyreg = import_copyreg();
        if (copyreg == NULL) {
            return NULL;
        }
        names = PyObject_CallMethod(copyreg, "_slotnames", "O", (PyObject *)type);
        Py_DECREF(copyreg);
        if (names == NULL) {
            return NULL;
        }
        if (names != Py_None && !PyList_Check(names)) {
            Py_DECREF(names);
            PyErr_SetString(PyExc_TypeError,
                            "copyreg._slotnames didn't return a list or None");
            return NULL;
        }
        return names;
    }
    if (names != Py_None && !PyList_Check(names)) {
        PyErr_Format(PyExc_TypeError,
                     "%.200s.__slotnames__ should be a list or None, not %.200s",
                     type->tp_name, Py_TYPE(names)->tp_name);
        Py_DECREF(names);
        return NULL;
    }
    return names;
}

/* object.__getstate__(): the instance dict (or None) and, with __slots__,
   a (dict, slots) pair.  `required`: the object has no other way to be
   rebuilt, so C-level state that cannot be captured is an error. */
static PyObject *object_getstate_default(PyObject *obj, int required)
{
    PyTypeObject *type = Py_TYPE(obj);
    if (required && type->tp_itemsize) {
        return PyErr_Format(PyExc_TypeError, "cannot pickle %.200s objects",
                            type->tp_name);
    }
    PyObject *state = NULL;
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    PyObject *raw = dictptr == NULL ? NULL
                    : __atomic_load_n(dictptr, __ATOMIC_ACQUIRE);
    if (_PyInstValues_IsTagged(raw)) {
        /* A copy, so the instance keeps its values array. */
        state = _PyInstValues_AsDict(obj, raw);
        if (state == NULL) {
            return NULL;
        }
        if (PyDict_GET_SIZE(state) == 0) {
            Py_SETREF(state, NULL);
        }
    }
    else if (dictptr != NULL) {
        PyObject *dict = _PyObject_GetOrCreateInstanceDict(obj);
        if (dict == NULL) {
            return NULL;
        }
        if (PyDict_GET_SIZE(dict) != 0) {
            state = PyDict_Copy(dict);
        }
        Py_DECREF(dict);
        if (state == NULL && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (state == NULL) {
        state = Py_None;
    }
    PyObject *names = slot_names(type);
    if (names == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    if (required) {
        Py_ssize_t basicsize = PyBaseObject_Type.tp_basicsize;
        if (type->tp_dictoffset > 0) {
            basicsize += sizeof(PyObject *);
        }
        if (type->tp_weaklistoffset > 0) {
            basicsize += sizeof(PyObject *);
        }
        if (names != Py_None) {
            basicsize += sizeof(PyObject *) * PyList_GET_SIZE(names);
        }
        if (type->tp_basicsize > basicsize) {
            Py_DECREF(names);
            Py_DECREF(state);
            return PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object",
                                type->tp_name);
        }
    }
    if (names != Py_None && PyList_GET_SIZE(names) > 0) {
        PyObject *slots = PyDict_New();
        if (slots == NULL) {
            goto error;
        }
        /* getattr may run Python code that changes the list (even
           __slotnames__ itself): hold each name while it is used. */
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
            PyObject *name = PyList_GetItemRef(names, i);
            if (name == NULL) {
                Py_DECREF(slots);
                goto error;
            }
            PyObject *value;
            int rc = PyObject_GetOptionalAttr(obj, name, &value);
            if (rc < 0 || (rc > 0 && PyDict_SetItem(slots, name, value) < 0)) {
                Py_XDECREF(value);
                Py_DECREF(name);
                Py_DECREF(slots);
                goto error;
            }
            Py_XDECREF(value);
            Py_DECREF(name);
        }
        if (PyDict_GET_SIZE(slots) > 0) {
            PyObject *pair = PyTuple_Pack(2, state, slots);
            Py_SETREF(state, pair);
        }
        Py_DECREF(slots);
        if (state == NULL) {
            goto error;
        }
    }
    Py_DECREF(names);
    return state;
error:
    Py_DECREF(names);
    Py_XDECREF(state);
    return NULL;
}

static PyObject *object___getstate__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return object_getstate_default(self, 0);
}

/* obj.__getstate__(), short-circuiting object's own implementation so
   that `required` can be honoured. */
static PyObject *object_getstate(PyObject *obj, int required)
{
    PyObject *getstate = PyObject_GetAttr(obj, _Py_INTERNED_ID(__getstate__));
    if (getstate == NULL) {
        return NULL;
    }
    if (PyCFunction_Check(getstate)
            && PyCFunction_GET_SELF(getstate) == obj
            && PyCFunction_GET_FUNCTION(getstate) == object___getstate__) {
        Py_DECREF(getstate);
        return object_getstate_default(obj, required);
    }
    PyObject *state = _PyObject_CallNoArgs(getstate);
    Py_DECREF(getstate);
    return state;
}

PyObject *_PyObject_GetState(PyObject *obj)
{
    return object_getstate(obj, 0);
}

/* __getnewargs_ex__ / __getnewargs__: new references to (args, kwargs);
   both NULL when the object defines neither.  Both are special methods,
   looked up on the type as CPython does (an instance __getattr__ is never
   asked for them). */
static int get_new_arguments(PyObject *obj, PyObject **args, PyObject **kwargs)
{
    *args = *kwargs = NULL;
    PyObject *meth = _PyObject_LookupSpecial(obj, _Py_INTERNED_ID(__getnewargs_ex__));
    if (meth == NULL && PyErr_Occurred()) {
        return -1;
    }
    if (meth != NULL) {
        PyObject *res = _PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (res == NULL) {
            return -1;
        }
        if (!PyTuple_Check(res)) {
            PyErr_Format(PyExc_TypeError,
                         "__getnewargs_ex__ should return a tuple, not '%.200s'",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return -1;
        }
        if (PyTuple_GET_SIZE(res) != 2) {
            PyErr_Format(PyExc_ValueError,
                         "__getnewargs_ex__ should return a tuple of length 2, "
                         "not %zd", PyTuple_GET_SIZE(res));
            Py_DECREF(res);
            return -1;
        }
        PyObject *a = PyTuple_GET_ITEM(res, 0), *k = PyTuple_GET_ITEM(res, 1);
        if (!PyTuple_Check(a)) {
            PyErr_Format(PyExc_TypeError,
                         "first item of the tuple returned by __getnewargs_ex__ "
                         "must be a tuple, not '%.200s'", Py_TYPE(a)->tp_name);
            Py_DECREF(res);
            return -1;
        }
        if (!PyDict_Check(k)) {
            PyErr_Format(PyExc_TypeError,
                         "second item of the tuple returned by __getnewargs_ex__ "
                         "must be a dict, not '%.200s'", Py_TYPE(k)->tp_name);
            Py_DECREF(res);
            return -1;
        }
        *args = Py_NewRef(a);
        *kwargs = Py_NewRef(k);
        Py_DECREF(res);
        return 0;
    }
    meth = _PyObject_LookupSpecial(obj, _Py_INTERNED_ID(__getnewargs__));
    if (meth == NULL && PyErr_Occurred()) {
        return -1;
    }
    if (meth != NULL) {
        PyObject *res = _PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (res == NULL) {
            return -1;
        }
        if (!PyTuple_Check(res)) {
            PyErr_Format(PyExc_TypeError,
                         "__getnewargs__ should return a tuple, not '%.200s'",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return -1;
        }
        *args = res;
    }
    return 0;
}

/* Protocol 2+: (copyreg.__newobj__, (cls, *args), state, listitems,
   dictitems), or __newobj_ex__ when there are keyword arguments. */
static PyObject *reduce_newobj(PyObject *obj)
{
    PyTypeObject *type = Py_TYPE(obj);
    if (type->tp_new == NULL) {
        return PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object",
                            type->tp_name);
    }
    PyObject *args, *kwargs;
    if (get_new_arguments(obj, &args, &kwargs) < 0) {
        return NULL;
    }
    int hasargs = args != NULL;
    PyObject *copyreg = import_copyreg();
    PyObject *newobj = NULL, *newargs = NULL, *state = NULL, *result = NULL;
    PyObject *listitems = NULL, *dictitems = NULL;
    if (copyreg == NULL) {
        goto done;
    }
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        newobj = PyObject_GetAttr(copyreg, _Py_INTERNED_ID(__newobj__));
        Py_ssize_t n = args == NULL ? 0 : PyTuple_GET_SIZE(args);
        newargs = newobj == NULL ? NULL : PyTuple_New(n + 1);
        if (newargs != NULL) {
            PyTuple_SET_ITEM(newargs, 0, Py_NewRef(type));
            for (Py_ssize_t i = 0; i < n; i++) {
                PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
            }
        }
    }
    else {
        newobj = PyObject_GetAttr(copyreg, _Py_INTERNED_ID(__newobj_ex__));
        newargs = newobj == NULL ? NULL : PyTuple_Pack(3, type, args, kwargs);
    }
    if (newargs == NULL) {
        goto done;
    }
    state = object_getstate(obj, !(hasargs || PyList_Check(obj) || PyDict_Check(obj)));
    if (state == NULL) {
        goto done;
    }
    listitems = PyList_Check(obj) ? PyObject_GetIter(obj) : Py_None;
    if (listitems == NULL) {
        goto done;
    }
    if (PyDict_Check(obj)) {
        PyObject *items = PyObject_CallMethodNoArgs(obj, _Py_INTERNED_ID(items));
        dictitems = items == NULL ? NULL : PyObject_GetIter(items);
        Py_XDECREF(items);
        if (dictitems == NULL) {
            goto done;
        }
    }
    else {
        dictitems = Py_None;
    }
    result = PyTuple_Pack(5, newobj, newargs, state, listitems, dictitems);
done:
    Py_XDECREF(copyreg);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    Py_XDECREF(newobj);
    Py_XDECREF(newargs);
    Py_XDECREF(state);
    Py_XDECREF(listitems);
    Py_XDECREF(dictitems);
    return result;
}

static PyObject *common_reduce(PyObject *self, int proto)
{
    if (proto >= 2) {
        return reduce_newobj(self);
    }
    PyObject *copyreg = import_copyreg();
    if (copyreg == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(copyreg, "_reduce_ex", "Oi", self, proto);
    Py_DECREF(copyreg);
    return res;
}

static PyObject *object___reduce__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return common_reduce(self, 0);
}

/* Use a __reduce__ that the class overrides; else the generic one. */
static PyObject *object___reduce_ex__(PyObject *self, PyObject *protocol_obj)
{
    int protocol = PyLong_AsInt(protocol_obj);
    if (protocol == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *reduce;
    if (PyObject_GetOptionalAttr(self, _Py_INTERNED_ID(__reduce__), &reduce) < 0) {
        return NULL;
    }
    if (reduce != NULL) {
        PyObject *cls_reduce = PyObject_GetAttr((PyObject *)Py_TYPE(self),
                                                _Py_INTERNED_ID(__reduce__));
        if (cls_reduce == NULL) {
            Py_DECREF(reduce);
            return NULL;
        }
        PyObject *obj_reduce = NULL;
        int rc = PyDict_GetItemRef(PyBaseObject_Type.tp_dict,
                                   _Py_INTERNED_ID(__reduce__), &obj_reduce);
        int override = rc >= 0 && cls_reduce != obj_reduce;
        Py_DECREF(cls_reduce);
        Py_XDECREF(obj_reduce);
        if (rc < 0) {
            Py_DECREF(reduce);
            return NULL;
        }
        if (override) {
            PyObject *res = _PyObject_CallNoArgs(reduce);
            Py_DECREF(reduce);
            return res;
        }
        Py_DECREF(reduce);
    }
    return common_reduce(self, protocol);
}

/* ---- object: the other methods --------------------------------------------------- */

static PyObject *object___subclasshook__(PyObject *cls, PyObject *args)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *object___init_subclass__(PyObject *cls, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyObject *object___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        return PyErr_Format(PyExc_TypeError,
                            "__format__() argument must be str, not %.200s",
                            Py_TYPE(format_spec)->tp_name);
    }
    if (PyUnicode_GET_LENGTH(format_spec) > 0) {
        return PyErr_Format(PyExc_TypeError,
                            "unsupported format string passed to %.200s.__format__",
                            Py_TYPE(self)->tp_name);
    }
    return PyObject_Str(self);
}

static PyObject *object___sizeof__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyTypeObject *type = Py_TYPE(self);
    Py_ssize_t size = type->tp_basicsize;
    if (type->tp_itemsize > 0) {
        Py_ssize_t n = Py_SIZE(self);
        size += (n < 0 ? -n : n) * type->tp_itemsize;
    }
    return PyLong_FromSsize_t(size);
}

/* dict.update(aclass.__dict__) for aclass and, recursively, its bases. */
int _PyType_MergeClassDict(PyObject *dict, PyObject *aclass)
{
    PyObject *classdict;
    if (PyObject_GetOptionalAttr(aclass, _Py_INTERNED_ID(__dict__), &classdict) < 0) {
        return -1;
    }
    if (classdict != NULL) {
        int rc = PyDict_Merge(dict, classdict, 1);
        Py_DECREF(classdict);
        if (rc < 0) {
            return -1;
        }
    }
    PyObject *bases;
    if (PyObject_GetOptionalAttr(aclass, _Py_INTERNED_ID(__bases__), &bases) < 0) {
        return -1;
    }
    if (bases == NULL) {
        return 0;
    }
    Py_ssize_t n = PySequence_Size(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PySequence_GetItem(bases, i);
        if (base == NULL || _PyType_MergeClassDict(dict, base) < 0) {
            Py_XDECREF(base);
            Py_DECREF(bases);
            return -1;
        }
        Py_DECREF(base);
    }
    Py_DECREF(bases);
    return n < 0 ? -1 : 0;
}

/* The instance's attribute names plus those of its class and bases. */
static PyObject *object___dir__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict;
    if (PyObject_GetOptionalAttr(self, _Py_INTERNED_ID(__dict__), &dict) < 0) {
        return NULL;
    }
    if (dict != NULL && PyDict_Check(dict)) {
        Py_SETREF(dict, PyDict_Copy(dict));
    }
    else {
        Py_XSETREF(dict, PyDict_New());
    }
    if (dict == NULL) {
        return NULL;
    }
    PyObject *itsclass;
    if (PyObject_GetOptionalAttr(self, _Py_INTERNED_ID(__class__), &itsclass) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    if (itsclass != NULL) {
        int rc = _PyType_MergeClassDict(dict, itsclass);
        Py_DECREF(itsclass);
        if (rc < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    PyObject *result = PyDict_Keys(dict);
    Py_DECREF(dict);
    return result;
}

static PyMethodDef object_methods[] = {
    {"__reduce_ex__", object___reduce_ex__, METH_O,
     "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."},
    {"__reduce__", object___reduce__, METH_NOARGS,
     "__reduce__($self, /)\n--\n\nHelper for pickle."},
    {"__getstate__", object___getstate__, METH_NOARGS,
     "__getstate__($self, /)\n--\n\nHelper for pickle."},
    {"__subclasshook__", object___subclasshook__, METH_CLASS | METH_VARARGS,
     "Abstract classes can override this to customize issubclass().\n\n"
     "This is invoked early on by abc.ABCMeta.__subclasscheck__().\n"
     "It should return True, False or NotImplemented.  If it returns\n"
     "NotImplemented, the normal algorithm is used.  Otherwise, it\n"
     "overrides the normal algorithm (and the outcome is cached).\n"},
    {"__init_subclass__", object___init_subclass__, METH_CLASS | METH_NOARGS,
     "This method is called when a class is subclassed.\n\n"
     "The default implementation does nothing. It may be\n"
     "overridden to extend subclasses.\n"},
    {"__format__", object___format__, METH_O,
     "__format__($self, format_spec, /)\n--\n\nDefault object formatter.\n\n"
     "Return str(self) if format_spec is empty. Raise TypeError otherwise."},
    {"__sizeof__", object___sizeof__, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."},
    {"__dir__", object___dir__, METH_NOARGS,
     "__dir__($self, /)\n--\n\nDefault dir() implementation."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBaseObject_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "object",
    .tp_basicsize = sizeof(PyObject),
    .tp_itemsize = 0,
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "object()\n--\n\n"
              "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = object_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = object_new,
    .tp_free = PyObject_Free,
};

/* ---- None ---------------------------------------------------------------- */

static PyObject *none_repr(PyObject *op)
{
    return PyUnicode_FromString("None");
}

static int none_bool(PyObject *v)
{
    return 0;
}

static Py_hash_t none_hash(PyObject *v)
{
    /* CPython's fixed hash for None, stable across runs. */
    return 0xFCA86420;
}

static PyObject *none_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NoneType takes no arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

static void singleton_dealloc(PyObject *op)
{
    /* Immortal: the count never reaches zero, so this cannot run. */
    Py_FatalError("deallocating an immortal singleton");
}

static PyNumberMethods none_as_number = {
    .nb_bool = none_bool,
};

PyTypeObject _PyNone_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoneType",
    .tp_basicsize = 0,
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = none_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The type of the None singleton.",
    .tp_new = none_new,
};

PyObject _Py_NoneStruct = _PyObject_HEAD_INIT(&_PyNone_Type);

/* ---- NotImplemented ------------------------------------------------------ */

static PyObject *notimplemented_repr(PyObject *op)
{
    return PyUnicode_FromString("NotImplemented");
}

static PyObject *notimplemented_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("NotImplemented");
}

static int notimplemented_bool(PyObject *v)
{
    PyErr_SetString(PyExc_TypeError,
                    "NotImplemented should not be used in a boolean context");
    return -1;
}

static PyObject *notimplemented_new(PyTypeObject *type, PyObject *args,
                                    PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError,
                        "NotImplementedType takes no arguments");
        return NULL;
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyMethodDef notimplemented_methods[] = {
    {"__reduce__", notimplemented_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods notimplemented_as_number = {
    .nb_bool = notimplemented_bool,
};

PyTypeObject _PyNotImplemented_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NotImplementedType",
    .tp_basicsize = 0,
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimplemented_repr,
    .tp_as_number = &notimplemented_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The type of the NotImplemented singleton.",
    .tp_methods = notimplemented_methods,
    .tp_new = notimplemented_new,
};

PyObject _Py_NotImplementedStruct = _PyObject_HEAD_INIT(&_PyNotImplemented_Type);

/* ---- Ellipsis ------------------------------------------------------------ */

static PyObject *ellipsis_repr(PyObject *op)
{
    return PyUnicode_FromString("Ellipsis");
}

static PyObject *ellipsis_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("Ellipsis");
}

static PyObject *ellipsis_new(PyTypeObject *type, PyObject *args,
                              PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "ellipsis takes no arguments");
        return NULL;
    }
    return Py_NewRef(Py_Ellipsis);
}

static PyMethodDef ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyEllipsis_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ellipsis",
    .tp_basicsize = 0,
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The type of the Ellipsis singleton.",
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};

PyObject _Py_EllipsisObject = _PyObject_HEAD_INIT(&PyEllipsis_Type);

/* ---- the trashcan: bounded-depth deallocation ------------------------------------- */

/* Deallocating a deeply nested container (a list of a list of ...) would
   recurse once per level.  Py_TRASHCAN_BEGIN counts the depth per thread;
   past this limit the object is parked on the thread's list instead and
   destroyed once the outermost deallocation finishes.  The list is
   per-thread, so it needs no lock. */
#define TRASHCAN_DEPTH_LIMIT 50

/* A dead object's link to the next parked one lives in a header field
   nothing else reads any more: the GC list pointer (it is untracked) in
   the default build, the owner thread id in the free-threaded one. */
static void trash_set_next(PyObject *op, PyObject *next)
{
#ifdef Py_GIL_DISABLED
    op->ob_tid = (uintptr_t)next;
#else
    _Py_AS_GC(op)->gc_prev = (PyGC_Head *)next;
#endif
}

static PyObject *trash_get_next(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    return (PyObject *)op->ob_tid;
#else
    return (PyObject *)_Py_AS_GC(op)->gc_prev;
#endif
}

int _PyTrash_begin(PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->trash_delete_nesting >= TRASHCAN_DEPTH_LIMIT) {
        trash_set_next(op, tstate->trash_delete_later);
        tstate->trash_delete_later = op;
        return 1;
    }
    tstate->trash_delete_nesting++;
    return 0;
}

void _PyTrash_end(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    tstate->trash_delete_nesting--;
    if (tstate->trash_delete_nesting > 0 || tstate->trash_delete_later == NULL) {
        return;
    }
    /* Destroy the parked objects one level down, so what they park in
       turn lands on the same list and is handled by this loop. */
    tstate->trash_delete_nesting++;
    while (tstate->trash_delete_later != NULL) {
        PyObject *op = tstate->trash_delete_later;
        tstate->trash_delete_later = trash_get_next(op);
        trash_set_next(op, NULL);
        Py_TYPE(op)->tp_dealloc(op);
    }
    tstate->trash_delete_nesting--;
}
