/* Tearing the modules down at exit (Py_FinalizeEx), so that objects the
   program left in modules, __main__ first of all, are finalized while the
   interpreter still works: their __del__ methods run and the files they
   hold are flushed and closed, as in CPython.

   The steps:
     1. collect garbage; in the free-threaded build the collection stops
        the world, which parks every daemon thread for good (they hang when
        they next attach: pystate.c, must_hang), so from here on only the
        finalizing thread runs Python;
     2. replace every module in sys.modules by None, keeping a weak
        reference to each, so an import now fails instead of reloading;
        the unresolved lazy imports in their dicts drop the frame of
        their declaration, which would keep __main__'s globals alive
        through its f_back chain (the module's frame links to its
        importer's);
     3. collect garbage: modules only reachable from each other are
        collected whole, their objects' finalizers running with every
        module dict still intact;
     4. clear __main__'s dict if something still keeps it alive, then the
        dicts of the other modules still alive, last imported first (in
        each, the names starting with one underscore before the others, as
        the language reference promises), then collect again.
   sys and builtins are left alone: printing and the final flush of the
   standard streams need them. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_lazyimport.h"
#include "pycore_pystate.h"

/* The finalizing thread is the only one running Python (step 1), so the
   dicts below are not shared with another thread while this runs. */

static int is_kept(PyObject *name)
{
    return PyUnicode_Check(name)
           && (PyUnicode_EqualToUTF8(name, "sys")
               || PyUnicode_EqualToUTF8(name, "builtins"));
}

/* Step 2 for one module's dict: its lazy imports forget their frames. */
static void forget_lazy_declarations(PyObject *module)
{
    PyObject *dict = PyModule_GetDict(module);          /* borrowed */
    PyObject *key, *value;                              /* borrowed */
    Py_ssize_t pos = 0;
    while (dict != NULL && PyDict_Next(dict, &pos, &key, &value)) {
        if (PyLazyImport_CheckExact(value)) {
            _PyLazyImport_ForgetDeclaration(value);
        }
    }
}

/* Step 2: a new list of weak references to the modules that were in
   sys.modules, in import order; NULL with an error set on failure. */
static PyObject *detach_modules(PyObject *modules)
{
    PyObject *weaklist = PyList_New(0);
    PyObject *names = weaklist ? PyDict_Keys(modules) : NULL;
    if (names == NULL) {
        Py_XDECREF(weaklist);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
        PyObject *name = PyList_GET_ITEM(names, i);     /* borrowed */
        if (is_kept(name)) {
            continue;
        }
        PyObject *module;
        if (PyDict_GetItemRef(modules, name, &module) <= 0) {
            PyErr_Clear();
            continue;
        }
        if (PyModule_Check(module)) {
            forget_lazy_declarations(module);
            PyObject *ref = PyWeakref_NewRef(module, NULL);
            if (ref == NULL || PyList_Append(weaklist, ref) < 0) {
                PyErr_Clear();
            }
            Py_XDECREF(ref);
        }
        Py_DECREF(module);
        if (PyDict_SetItem(modules, name, Py_None) < 0) {
            PyErr_Clear();
        }
    }
    Py_DECREF(names);
    return weaklist;
}

/* Set the values of dict to None: with underscores_first, only the names
   starting with one underscore, else all the others; __builtins__ stays
   so that finalizers can still call builtins. */
static void clear_dict_pass(PyObject *dict, int underscores_first)
{
    PyObject *names = PyDict_Keys(dict);
    if (names == NULL) {
        PyErr_Clear();
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
        PyObject *name = PyList_GET_ITEM(names, i);     /* borrowed */
        if (!PyUnicode_Check(name)
            || PyUnicode_EqualToUTF8(name, "__builtins__")) {
            continue;
        }
        int underscore = PyUnicode_GET_LENGTH(name) > 1
                         && PyUnicode_READ_CHAR(name, 0) == '_'
                         && PyUnicode_READ_CHAR(name, 1) != '_';
        if (underscore != underscores_first) {
            continue;
        }
        if (PyDict_SetItem(dict, name, Py_None) < 0) {
            PyErr_FormatUnraisable("Exception ignored while clearing module dict");
        }
    }
    Py_DECREF(names);
}

static void clear_dict(PyObject *dict)
{
    clear_dict_pass(dict, 1);
    clear_dict_pass(dict, 0);
}

/* Step 4 for one module, if it is still alive. */
static void clear_module(PyObject *ref)
{
    PyObject *module;
    if (PyWeakref_GetRef(ref, &module) <= 0) {
        PyErr_Clear();
        return;
    }
    PyObject *dict = PyModule_GetDict(module);          /* borrowed */
    if (dict != NULL) {
        clear_dict(dict);
    }
    Py_DECREF(module);
}

/* A weak reference through which __main__'s dict can still be reached
   after step 3 if, and only if, something else keeps it alive (a daemon
   thread parked inside the program's code, say): a function whose
   globals are that dict, stored in the dict itself.  The two form a
   cycle, so when nothing else holds the dict, step 3 collects both and the
   program's objects are finalized with their module intact.  NULL if
   there is no __main__. */
static PyObject *main_dict_anchor(PyObject *modules)
{
    PyObject *module;
    if (PyDict_GetItemStringRef(modules, "__main__", &module) <= 0) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *ref = NULL;
    PyObject *dict = PyModule_Check(module) ? PyModule_GetDict(module) : NULL;
    PyObject *code = dict ? Py_CompileString("None", "<teardown>", Py_eval_input)
                          : NULL;
    PyObject *anchor = code ? PyFunction_New(code, dict) : NULL;
    if (anchor != NULL
        && PyDict_SetItemString(dict, "__teardown_anchor__", anchor) == 0) {
        ref = PyWeakref_NewRef(anchor, NULL);
    }
    if (ref == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(anchor);
    Py_XDECREF(code);
    Py_DECREF(module);
    return ref;
}

/* Step 4 for __main__: its dict, if the anchor shows it is still alive. */
static void clear_main_dict(PyObject *anchor_ref)
{
    PyObject *anchor;
    if (PyWeakref_GetRef(anchor_ref, &anchor) <= 0) {
        PyErr_Clear();
        return;
    }
    PyObject *dict = PyFunction_GetGlobals(anchor);     /* borrowed */
    Py_INCREF(dict);
    Py_DECREF(anchor);
    clear_dict(dict);
    Py_DECREF(dict);
}

void _PyImport_FinalizeModules(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    _PyGC_Collect(tstate, 2, _Py_GC_REASON_SHUTDOWN);
    PyObject *modules = interp->modules;
    if (modules == NULL || !PyDict_Check(modules)) {
        return;
    }
    Py_INCREF(modules);
    PyObject *main_anchor = main_dict_anchor(modules);
    PyObject *weaklist = detach_modules(modules);
    if (weaklist == NULL) {
        PyErr_Clear();
    }
    _PyGC_Collect(tstate, 2, _Py_GC_REASON_SHUTDOWN);
    /* The program's objects go first, while every other module still works. */
    if (main_anchor != NULL) {
        clear_main_dict(main_anchor);
        Py_DECREF(main_anchor);
    }
    if (weaklist != NULL) {
        for (Py_ssize_t i = PyList_GET_SIZE(weaklist) - 1; i >= 0; i--) {
            clear_module(PyList_GET_ITEM(weaklist, i));
        }
        Py_DECREF(weaklist);
    }
    Py_DECREF(modules);
    _PyGC_Collect(tstate, 2, _Py_GC_REASON_SHUTDOWN);
}
