/* Running an extension module's entry point, and the GIL gate
   (DESIGN.md sections 7 and 10; Doc/internals/import.md).

   ExtensionFileLoader.create_module (and _imp.create_dynamic) come here
   with a spec; Python/dynload.c opens spec.origin and finds the entry
   point.  Three kinds of module result:
   - PEP 793: PyModExport_<name>() returns a slot array, made into a
     module by PyModule_FromSlotsAndSpec; exec_module runs PyModule_Exec.
   - PEP 489 multi-phase: PyInit_<name>() returns a PyModuleDef, made into
     a module by PyModule_FromDefAndSpec; exec_module runs
     PyModule_ExecDef.
   - single-phase: PyInit_<name>() returns the finished module.  Its
     definition and, for a module that cannot be initialised twice
     (m_size == -1), a copy of its namespace are remembered so that
     importing it again after it left sys.modules gives a module with the
     same contents without calling PyInit again, as CPython does.

   The free-threaded build runs a module that did not declare
   Py_MOD_GIL_NOT_USED with the GIL enabled for good: gil_gate() below
   is the whole of that policy.  Single-phase modules can only declare
   it (PyUnstable_Module_SetGIL) while PyInit runs, so PyInit runs with
   the GIL enabled transiently and gil_gate() either makes that permanent
   or ends it.

   Thread safety: the per-interpreter records (the warned-once flag and
   the single-phase cache) live in the interpreter's dict, which exists
   from start-up (the codec registry creates it); they are dicts, set
   with setdefault, so racing imports agree on one value.  The import
   lock of the module being imported keeps two threads from loading one
   name at once. */
#include "Python.h"
#include "pycore_gil.h"
#include "pycore_import.h"
#include "pycore_moduleobject.h"
#include "pycore_pystate.h"

typedef PyObject *(*init_function)(void);
typedef PySlot *(*export_hook)(void);


/* ---- per-interpreter records ------------------------------------------------ */

/* setdefault(key, value) on the interpreter's dict: 0 if this call
   stored value, 1 if key was there, -1 on error; *result (may be NULL)
   gets a new reference to the value now stored. */
static int interp_setdefault(const char *key, PyObject *value,
                             PyObject **result)
{
    PyObject *interp_dict = PyInterpreterState_GetDict(PyInterpreterState_Get());
    if (interp_dict == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "the interpreter has no dict");
        return -1;
    }
    PyObject *key_obj = PyUnicode_FromString(key);
    if (key_obj == NULL) {
        return -1;
    }
    int rc = PyDict_SetDefaultRef(interp_dict, key_obj, value, result);
    Py_DECREF(key_obj);
    return rc;
}

/* The single-phase cache: {(name, path): (definition address, namespace
   copy, needs the GIL)}, a new reference. */
static PyObject *singlephase_cache(void)
{
    PyObject *empty = PyDict_New();
    if (empty == NULL) {
        return NULL;
    }
    PyObject *cache = NULL;
    int rc = interp_setdefault("_weft_singlephase_extensions", empty, &cache);
    Py_DECREF(empty);
    return rc < 0 ? NULL : cache;
}


/* ---- capi: PyState_FindModule and friends ------------------------------------ */

/* {definition address: module} in the interpreter's dict, a new
   reference.  The dict synchronizes itself; FindModule's borrowed result
   stays valid while the entry does, as in CPython. */
static PyObject *state_modules(void)
{
    PyObject *empty = PyDict_New();
    if (empty == NULL) {
        return NULL;
    }
    PyObject *table = NULL;
    int rc = interp_setdefault("_weft_state_modules", empty, &table);
    Py_DECREF(empty);
    return rc < 0 ? NULL : table;
}

PyObject *PyState_FindModule(PyModuleDef *def)
{
    if (def == NULL || def->m_slots != NULL) {
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *table = state_modules();
    PyObject *key = table ? PyLong_FromVoidPtr(def) : NULL;
    PyObject *module = key ? PyDict_GetItemWithError(table, key) : NULL;
    Py_XDECREF(key);
    Py_XDECREF(table);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    return module;                  /* borrowed from the table */
}

int PyState_AddModule(PyObject *module, PyModuleDef *def)
{
    if (module == NULL || def == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyState_AddModule called with NULL module or definition");
        return -1;
    }
    if (def->m_slots != NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyState_AddModule called on module with slots");
        return -1;
    }
    PyObject *table = state_modules();
    PyObject *key = table ? PyLong_FromVoidPtr(def) : NULL;
    int rc = key ? PyDict_SetItem(table, key, module) : -1;
    Py_XDECREF(key);
    Py_XDECREF(table);
    return rc;
}

int PyState_RemoveModule(PyModuleDef *def)
{
    if (def == NULL || def->m_slots != NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyState_RemoveModule called on module with slots");
        return -1;
    }
    PyObject *table = state_modules();
    PyObject *key = table ? PyLong_FromVoidPtr(def) : NULL;
    int rc = key ? PyDict_DelItem(table, key) : -1;
    if (rc < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_SetString(PyExc_SystemError,
                        "PyState_RemoveModule: the module was never added");
    }
    Py_XDECREF(key);
    Py_XDECREF(table);
    return rc;
}


/* ---- the GIL gate (DESIGN.md section 7) --------------------------------------- */

#ifdef Py_GIL_DISABLED
/* A module needs the GIL unless it is a module object that declared
   Py_MOD_GIL_NOT_USED (a create slot may return any object). */
static int module_needs_gil(PyObject *module)
{
    return !PyModule_Check(module)
           || ((PyModuleObject *)module)->md_gil != Py_MOD_GIL_NOT_USED;
}

/* 1 for the first module of this interpreter that enabled the GIL, 0
   after it, -1 on error: a key put in the interpreter's dict with
   setdefault, so two threads cannot both be first. */
static int first_gil_module(void)
{
    int present = interp_setdefault("_weft_extension_gil_warned", Py_True,
                                    NULL);
    return present < 0 ? -1 : !present;
}
#endif

/* The import-time GIL policy, all of it.  Called once per extension
   module load, after its module object exists (module NULL when the
   load failed or produced no module in this step).  `transient` says
   the caller enabled the GIL transiently for a single-phase PyInit;
   this call ends that state either way.

   Free-threaded build, unless the user forced the setting with
   PYTHON_GIL / -X gil (then nothing happens, as the transient enable
   did nothing either): a module that needs the GIL turns it on for good
   with the world stopped, is reported under -v, and the first such
   module warns.  Default build: nothing to do.  Returns -1 if the
   warning was turned into an error. */
static int gil_gate(PyObject *module, PyObject *name, int transient)
{
#ifdef Py_GIL_DISABLED
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->interp->config_enable_gil != _PyConfig_GIL_DEFAULT) {
        return 0;
    }
    if (module == NULL || !module_needs_gil(module)) {
        if (transient) {
            _PyEval_DisableGIL(tstate);
        }
        return 0;
    }
    _PyEval_EnableGILPermanent(tstate);
    int first = first_gil_module();
    if (first < 0) {
        return -1;
    }
    if (first && PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
            "The global interpreter lock (GIL) has been enabled to load "
            "module '%U', which has not declared that it can run safely "
            "without the GIL. To override this behavior and keep the GIL "
            "disabled (at your own risk), run with PYTHON_GIL=0 or -Xgil=0.",
            name) < 0) {
        return -1;
    }
    if (_PyImport_Verbose()) {
        PySys_FormatStderr("# loading module '%U', which requires the GIL\n",
                           name);
    }
    return 0;
#else
    (void)module;
    (void)name;
    (void)transient;
    return 0;
#endif
}


/* ---- single-phase modules ------------------------------------------------------ */

#ifdef Py_GIL_DISABLED
#  define MODULE_NEEDS_GIL(m) module_needs_gil(m)
#  define SET_MODULE_GIL(m, needs) \
       (((PyModuleObject *)(m))->md_gil = (needs) ? Py_MOD_GIL_USED : Py_MOD_GIL_NOT_USED)
#else
#  define MODULE_NEEDS_GIL(m) 1
#  define SET_MODULE_GIL(m, needs) ((void)(m), (void)(needs))
#endif

/* Remembers a single-phase module that cannot be initialised twice
   (m_size == -1): its definition, a copy of its namespace and whether it
   needs the GIL.  Modules with m_size >= 0 are made again by PyInit. */
static int remember_singlephase(PyObject *name, PyObject *path,
                                PyObject *module, PyModuleDef *def)
{
    if (def->m_size != -1) {
        return 0;
    }
    PyObject *cache = singlephase_cache();
    if (cache == NULL) {
        return -1;
    }
    PyObject *def_ptr = PyLong_FromVoidPtr(def);
    PyObject *copy = def_ptr ? PyDict_Copy(PyModule_GetDict(module)) : NULL;
    PyObject *entry = copy ? PyTuple_Pack(3, def_ptr, copy,
                                          MODULE_NEEDS_GIL(module) ? Py_True
                                                                   : Py_False)
                           : NULL;
    Py_XDECREF(def_ptr);
    Py_XDECREF(copy);
    PyObject *key = entry ? PyTuple_Pack(2, name, path) : NULL;
    int rc = key ? PyDict_SetItem(cache, key, entry) : -1;
    Py_XDECREF(key);
    Py_XDECREF(entry);
    Py_DECREF(cache);
    return rc;
}

/* A new module made from the remembered copy for (name, path), gated as
   the first load was; NULL with no error when nothing is remembered. */
static PyObject *reload_singlephase(PyObject *name, PyObject *path)
{
    PyObject *cache = singlephase_cache();
    PyObject *key = cache ? PyTuple_Pack(2, name, path) : NULL;
    PyObject *entry = NULL;
    int found = key ? PyDict_GetItemRef(cache, key, &entry) : -1;
    Py_XDECREF(key);
    Py_XDECREF(cache);
    if (found <= 0) {
        return NULL;
    }
    PyObject *module = PyModule_NewObject(name);
    void *def = PyLong_AsVoidPtr(PyTuple_GET_ITEM(entry, 0));
    if (module == NULL || def == NULL
            || PyDict_Update(PyModule_GetDict(module),
                             PyTuple_GET_ITEM(entry, 1)) < 0) {
        goto error;
    }
    ((PyModuleObject *)module)->md_def = def;
    SET_MODULE_GIL(module, PyTuple_GET_ITEM(entry, 2) == Py_True);
    if (gil_gate(module, name, 0) < 0) {
        goto error;
    }
    Py_DECREF(entry);
    return module;
error:
    Py_XDECREF(module);
    Py_DECREF(entry);
    return NULL;
}

/* Finishes a module PyInit returned (single-phase): records the
   definition for re-initialisation, sets __file__ and remembers it. */
static int finish_singlephase(PyObject *module, init_function init,
                              PyObject *name, PyObject *path)
{
    PyModuleDef *def = PyModule_Check(module) ? _PyModule_GetDef(module) : NULL;
    if (def == NULL) {
        PyErr_Format(PyExc_SystemError,
                     "initialization of %U did not return an extension module",
                     name);
        return -1;
    }
    /* Racing loads of one file under two names store the same value. */
    def->m_base.m_init = init;
    /* path is NULL for a built-in module (capi, session 6): no file. */
    if (path != NULL && PyModule_AddObjectRef(module, "__file__", path) < 0) {
        return -1;
    }
    if (PyState_AddModule(module, def) < 0) {   /* capi: as CPython does */
        return -1;
    }
    return path ? remember_singlephase(name, path, module, def) : 0;
}


/* ---- running the entry point --------------------------------------------------- */

/* CPython's checks on what an init or export hook returned: a result
   and an exception, or neither, is a bug in the extension. */
static int check_hook_result(void *result, const char *what, PyObject *name)
{
    if (result == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_SystemError,
                     "%s of %U failed without raising an exception", what, name);
        return -1;
    }
    if (result != NULL && PyErr_Occurred()) {
        PyErr_Format(PyExc_SystemError,
                     "%s of %U raised unreported exception", what, name);
        return -1;
    }
    return result == NULL ? -1 : 0;
}

/* PyInit_<name>: a PyModuleDef (multi-phase) or a finished module
   (single-phase).  The GIL is on transiently while it runs, since a
   single-phase module may touch shared state before it can declare
   itself free-threading safe. */
static PyObject *run_init_function(init_function init, PyObject *name,
                                   PyObject *path, PyObject *spec)
{
    _PyEval_EnableGILTransient(_PyThreadState_GET());
    PyObject *result = init();
    if (check_hook_result(result, "initialization", name) < 0) {
        /* A definition is static and not ours to release. */
        if (result != NULL && !PyObject_TypeCheck(result, &PyModuleDef_Type)) {
            Py_DECREF(result);
        }
        gil_gate(NULL, name, 1);
        return NULL;
    }
    if (PyObject_TypeCheck(result, &PyModuleDef_Type)) {
        /* Multi-phase: the definition's Py_mod_gil slot decides, once the
           module exists; the definition itself is static, not owned. */
        gil_gate(NULL, name, 1);
        PyObject *module = PyModule_FromDefAndSpec((PyModuleDef *)result, spec);
        if (module != NULL && gil_gate(module, name, 0) < 0) {
            Py_CLEAR(module);
        }
        return module;
    }
    if (finish_singlephase(result, init, name, path) < 0) {
        Py_DECREF(result);
        gil_gate(NULL, name, 1);
        return NULL;
    }
    if (gil_gate(result, name, 1) < 0) {
        Py_CLEAR(result);
    }
    return result;
}

/* PyModExport_<name>: a slot array, which says everything about the
   module, its Py_mod_gil declaration included, before any of the
   module's code runs; so no transient GIL. */
static PyObject *run_export_hook(export_hook hook, PyObject *name,
                                 PyObject *spec)
{
    PySlot *slots = hook();
    if (check_hook_result(slots, "module export hook", name) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_FromSlotsAndSpec(slots, spec);
    if (module != NULL && gil_gate(module, name, 0) < 0) {
        Py_CLEAR(module);
    }
    return module;
}

/* capi (session 6): a built-in module's init function (the inittab's,
   or an embedder's) runs exactly as an extension's PyInit does, through
   the GIL gate, but without a file: no __file__, no single-phase cache. */
PyObject *_PyImport_RunInitFunction(PyObject *(*init)(void), PyObject *name,
                                    PyObject *spec)
{
    return run_init_function(init, name, NULL, spec);
}

PyObject *PyImport_CreateModuleFromInitfunc(PyObject *spec,
                                            PyObject *(*initfunc)(void))
{
    PyObject *name = _PyModuleSpec_Get(spec, _PySpec_NAME);
    if (name == NULL) {
        return NULL;
    }
    PyObject *module = NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "name must be string, not %.200s",
                     Py_TYPE(name)->tp_name);
    }
    else {
        module = run_init_function(initfunc, name, NULL, spec);
    }
    Py_DECREF(name);
    return module;
}

/* ExtensionFileLoader.create_module(spec) / _imp.create_dynamic(spec):
   a new reference to the module for spec.name loaded from spec.origin. */
PyObject *_PyImport_CreateExtension(PyObject *spec)
{
    PyObject *name = _PyModuleSpec_Get(spec, _PySpec_NAME);
    PyObject *path = name ? _PyModuleSpec_Get(spec, _PySpec_ORIGIN) : NULL;
    PyObject *module = NULL;
    if (path == NULL) {
        goto done;
    }
    if (!PyUnicode_Check(name) || !PyUnicode_Check(path)) {
        PyErr_Format(PyExc_TypeError, "extension module spec needs a str name "
                     "and origin, not %.100s and %.100s",
                     Py_TYPE(name)->tp_name, Py_TYPE(path)->tp_name);
        goto done;
    }
    module = reload_singlephase(name, path);
    if (module != NULL || PyErr_Occurred()) {
        goto done;
    }
    int is_export = 0;
    void *entry = _PyImport_FindExtensionEntry(name, path, &is_export);
    if (entry == NULL) {
        goto done;
    }
    if (is_export) {
        module = run_export_hook((export_hook)entry, name, spec);
    }
    else {
        module = run_init_function((init_function)entry, name, path, spec);
    }
done:
    Py_XDECREF(name);
    Py_XDECREF(path);
    return module;
}

/* ExtensionFileLoader.exec_module / _imp.exec_dynamic: runs the module's
   exec slots once (PyModule_Exec serves modules made from slots and from
   a PyModuleDef alike).  A single-phase module, or one whose state
   already exists, was executed already. */
int _PyImport_ExecExtension(PyObject *module)
{
    if (!PyModule_Check(module)) {
        return 0;
    }
    if (_PyModule_GetDef(module) == NULL || _PyModule_GetState(module) != NULL) {
        return 0;
    }
    return PyModule_Exec(module);
}
