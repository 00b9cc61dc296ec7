/* lazy_import objects (PEP 810): what `lazy import` binds instead of a
   module until the name is first used.

   Two forms share the type.  A root stands for one import statement's
   IMPORT_NAME (module name as written, fromlist, level, and the globals
   and builtins of the importing frame).  An attribute form stands for
   IMPORT_FROM applied to a root (`lazy from m import x`, or the steps of
   `lazy import a.b as c`): its source is the root and attr the name.

   Immutable after creation except lz_resolved, the result cached when
   the root is first resolved.  It is published with an atomic
   compare-and-swap so that threads resolving at once agree on one value
   without a lock; resolving twice is harmless because the import system
   itself makes the second import find the first one's module. */
#include "Python.h"
#include "pycore_ceval_helpers.h"
#include "pycore_frame.h"
#include "pycore_lazyimport.h"
#include "pycore_object.h"
#include "pycore_pystate.h"

typedef struct {
    PyObject_HEAD
    PyObject *lz_builtins;  /* root: builtins dict of the importing frame */
    PyObject *lz_globals;   /* root: globals dict of the importing frame */
    PyObject *lz_name;      /* root: module name as written (str) */
    PyObject *lz_fromlist;  /* root: tuple of names, or None */
    PyObject *lz_level;     /* root: int */
    PyObject *lz_source;    /* attribute form: the root; NULL in a root */
    PyObject *lz_attr;      /* attribute form: the name (str) */
    PyObject *lz_frame;     /* frame object of the declaration, or NULL */
    int lz_lasti;           /* its instruction offset in bytes */
    int lz_lineno;          /* its line, -1 if unknown */
    PyObject *lz_resolved;  /* root: the import's result once known */
} PyLazyImportObject;

static PyLazyImportObject *lazy_alloc(void)
{
    PyLazyImportObject *lz = PyObject_GC_New(PyLazyImportObject,
                                             &PyLazyImport_Type);
    if (lz == NULL) {
        return NULL;
    }
    lz->lz_builtins = lz->lz_globals = lz->lz_name = NULL;
    lz->lz_fromlist = lz->lz_level = lz->lz_source = lz->lz_attr = NULL;
    lz->lz_frame = lz->lz_resolved = NULL;
    lz->lz_lasti = -1;
    lz->lz_lineno = -1;
    return lz;
}

PyObject *_PyLazyImport_New(_PyInterpreterFrame *frame, PyObject *name,
                            PyObject *fromlist, PyObject *level)
{
    PyFrameObject *frame_object = _PyFrame_GetFrameObject(frame);
    if (frame_object == NULL) {
        return NULL;
    }
    PyLazyImportObject *lz = lazy_alloc();
    if (lz == NULL) {
        return NULL;
    }
    lz->lz_builtins = Py_NewRef(frame->f_builtins);
    lz->lz_globals = Py_NewRef(frame->f_globals);
    lz->lz_name = Py_NewRef(name);
    lz->lz_fromlist = Py_NewRef(fromlist);
    lz->lz_level = Py_NewRef(level);
    lz->lz_frame = Py_NewRef((PyObject *)frame_object);
    int lasti = _PyInterpreterFrame_LASTI(frame);
    lz->lz_lasti = lasti * (int)sizeof(_Py_CODEUNIT);
    lz->lz_lineno = PyCode_Addr2Line(_PyFrame_GetCode(frame), lz->lz_lasti);
    PyObject_GC_Track(lz);
    return (PyObject *)lz;
}

PyObject *_PyLazyImport_NewAttribute(PyObject *source, PyObject *attr)
{
    PyLazyImportObject *src = (PyLazyImportObject *)source;
    PyLazyImportObject *lz = lazy_alloc();
    if (lz == NULL) {
        return NULL;
    }
    lz->lz_source = Py_NewRef(source);
    lz->lz_attr = Py_NewRef(attr);
    lz->lz_frame = Py_XNewRef(src->lz_frame);
    lz->lz_lasti = src->lz_lasti;
    lz->lz_lineno = src->lz_lineno;
    PyObject_GC_Track(lz);
    return (PyObject *)lz;
}

/* The name of the module a root stands for as written, with one leading
   dot per level of a relative import. */
static PyObject *root_name(PyLazyImportObject *root)
{
    Py_ssize_t level = PyLong_AsSsize_t(root->lz_level);
    if (level <= 0) {
        PyErr_Clear();
        return Py_NewRef(root->lz_name);
    }
    PyObject *dots = PyUnicode_FromOrdinal('.');
    PyObject *prefix = dots ? PySequence_Repeat(dots, level) : NULL;
    Py_XDECREF(dots);
    PyObject *name = prefix ? PyUnicode_Concat(prefix, root->lz_name) : NULL;
    Py_XDECREF(prefix);
    return name;
}

/* The dotted name of what an object resolves to: "json" for a root,
   "json.loads" for an attribute of it.  A root without fromlist
   (`import a.b.c`) resolves to the top-level package, so attributes
   taken from it (`import a.b.c as d`) start from "a". */
static PyObject *resolved_name(PyLazyImportObject *lz)
{
    if (lz->lz_source == NULL) {
        PyObject *name = root_name(lz);
        if (name == NULL || lz->lz_fromlist != Py_None) {
            return name;
        }
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0,
                                            PyUnicode_GET_LENGTH(name), 1);
        if (dot > 0) {
            Py_SETREF(name, PyUnicode_Substring(name, 0, dot));
        }
        return name;
    }
    PyObject *base = resolved_name((PyLazyImportObject *)lz->lz_source);
    if (base == NULL) {
        return NULL;
    }
    PyObject *full = PyUnicode_FromFormat("%U.%U", base, lz->lz_attr);
    Py_DECREF(base);
    return full;
}

/* The name shown in reprs and errors: the module as written for a root,
   the dotted path for an attribute. */
static PyObject *lazy_full_name(PyLazyImportObject *lz)
{
    return lz->lz_source == NULL ? root_name(lz) : resolved_name(lz);
}

/* Chains a cause to the exception being raised: an ImportError whose
   traceback is the line of the lazy import statement, so the report shows
   both where the import was declared and where it was first used. */
static void add_declaration_cause(PyLazyImportObject *lz)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *name = lazy_full_name(lz);
    PyObject *cause = name == NULL ? NULL : PyObject_CallFunction(
        PyExc_ImportError, "N", PyUnicode_FromFormat(
            "lazy import of '%U' raised an exception during resolution", name));
    Py_XDECREF(name);
    if (cause != NULL && lz->lz_frame != NULL) {
        PyObject *tb = PyObject_CallFunction((PyObject *)&PyTraceBack_Type,
                                             "OOii", Py_None, lz->lz_frame,
                                             lz->lz_lasti, lz->lz_lineno);
        if (tb == NULL || PyException_SetTraceback(cause, tb) < 0) {
            Py_CLEAR(cause);
        }
        Py_XDECREF(tb);
    }
    if (cause == NULL) {
        /* Reporting the import's own error matters more than the note. */
        PyErr_Clear();
    }
    else {
        PyException_SetCause(exc, cause);
    }
    PyErr_SetRaisedException(exc);
}

static PyObject *resolve_root(PyLazyImportObject *lz)
{
    PyObject *done = __atomic_load_n(&lz->lz_resolved, __ATOMIC_ACQUIRE);
    if (done != NULL) {
        return Py_NewRef(done);
    }
    PyObject *result = _PyEval_CallImport(lz->lz_builtins, lz->lz_globals,
                                          lz->lz_globals, lz->lz_name,
                                          lz->lz_fromlist, lz->lz_level);
    if (result == NULL) {
        return NULL;
    }
    PyObject *expected = NULL;
    Py_INCREF(result);
    if (!__atomic_compare_exchange_n(&lz->lz_resolved, &expected, result, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        /* Another thread published first: use its value. */
        Py_DECREF(result);
        Py_SETREF(result, Py_NewRef(expected));
    }
    return result;
}

static PyObject *resolve_any(PyLazyImportObject *lz)
{
    if (lz->lz_source == NULL) {
        return resolve_root(lz);
    }
    PyObject *module = resolve_any((PyLazyImportObject *)lz->lz_source);
    if (module == NULL) {
        return NULL;
    }
    PyObject *value = _PyEval_ImportFrom(_PyThreadState_GET(), module,
                                         lz->lz_attr);
    Py_DECREF(module);
    return value;
}

PyObject *_PyLazyImport_Resolve(PyObject *lazy)
{
    PyLazyImportObject *lz = (PyLazyImportObject *)lazy;
    PyObject *value = resolve_any(lz);
    if (value == NULL) {
        add_declaration_cause(lz);
    }
    return value;
}

/* Safe without the GIL: the compare and the store happen inside the
   dict's critical section, so a concurrent rebinding of the name is
   never overwritten. */
PyObject *_PyLazyImport_ResolveInDict(PyObject *dict, PyObject *name,
                                      PyObject *lazy)
{
    PyObject *value = _PyLazyImport_Resolve(lazy);
    if (value == NULL || !PyDict_Check(dict)) {
        return value;
    }
    int err = 0;
    Py_BEGIN_CRITICAL_SECTION(dict);
    PyObject *current;
    int found = PyDict_GetItemRef(dict, name, &current);
    if (found < 0) {
        err = -1;
    }
    else if (found) {
        if (current == lazy) {
            err = PyDict_SetItem(dict, name, value);
        }
        Py_DECREF(current);
    }
    Py_END_CRITICAL_SECTION();
    if (err < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

/* ---- the type -------------------------------------------------------- */

static PyObject *lazy_repr(PyObject *op)
{
    PyObject *name = lazy_full_name((PyLazyImportObject *)op);
    if (name == NULL) {
        return NULL;
    }
    PyObject *repr = PyUnicode_FromFormat("<lazy_import '%U'>", name);
    Py_DECREF(name);
    return repr;
}

static PyObject *lazy_resolve_method(PyObject *op, PyObject *unused)
{
    (void)unused;
    return _PyLazyImport_Resolve(op);
}

/* Interpreter exit (Python/finalize_modules.c): the declaration's frame
   object links, through f_back, to the frames of the importers, __main__'s
   among them, and so would keep their globals alive past the collection
   that lets the program's objects die with their modules intact.  Only
   the error report of a later resolution loses its declaration line.
   Safe without the GIL: the finalizing thread is the only one running
   Python then. */
void _PyLazyImport_ForgetDeclaration(PyObject *lazy)
{
    PyLazyImportObject *lz = (PyLazyImportObject *)lazy;
    Py_CLEAR(lz->lz_frame);
}

static int lazy_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyLazyImportObject *lz = (PyLazyImportObject *)op;
    Py_VISIT(lz->lz_builtins);
    Py_VISIT(lz->lz_globals);
    Py_VISIT(lz->lz_name);
    Py_VISIT(lz->lz_fromlist);
    Py_VISIT(lz->lz_level);
    Py_VISIT(lz->lz_source);
    Py_VISIT(lz->lz_attr);
    Py_VISIT(lz->lz_frame);
    Py_VISIT(lz->lz_resolved);
    return 0;
}

static int lazy_clear(PyObject *op)
{
    PyLazyImportObject *lz = (PyLazyImportObject *)op;
    Py_CLEAR(lz->lz_builtins);
    Py_CLEAR(lz->lz_globals);
    Py_CLEAR(lz->lz_name);
    Py_CLEAR(lz->lz_fromlist);
    Py_CLEAR(lz->lz_level);
    Py_CLEAR(lz->lz_source);
    Py_CLEAR(lz->lz_attr);
    Py_CLEAR(lz->lz_frame);
    Py_CLEAR(lz->lz_resolved);
    return 0;
}

static void lazy_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    (void)lazy_clear(op);
    PyObject_GC_Del(op);
}

static PyMethodDef lazy_methods[] = {
    {"resolve", lazy_resolve_method, METH_NOARGS,
     "resolve($self, /)\n--\n\nImport what this lazy import stands for and "
     "return it."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyLazyImport_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "lazy_import",
    .tp_basicsize = sizeof(PyLazyImportObject),
    .tp_dealloc = lazy_dealloc,
    .tp_repr = lazy_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A lazy import (PEP 810), resolved when its name is first used.",
    .tp_traverse = lazy_traverse,
    .tp_clear = lazy_clear,
    .tp_methods = lazy_methods,
};
