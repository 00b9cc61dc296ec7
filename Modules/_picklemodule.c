/* The _pickle module: its functions, its exceptions and the state that
   Modules/_pickle.c (Pickler) and Modules/_unpickler.c (Unpickler) share.
   The state is filled once and read-only afterwards. */

#include "Python.h"
#include "_pickle.h"

PickleState _Py_pickle_state;

/* Serialises the one-time filling of _Py_pickle_state. */
static PyMutex pickle_state_lock;

static PyMethodDef pickle_methods[] = {
    {"dump", _PyCFunction_CAST(_Py_pickle_dump), METH_VARARGS | METH_KEYWORDS,
     "dump($module, /, obj, file, protocol=None, *, fix_imports=True,\n"
     "     buffer_callback=None)\n--\n\n"
     "Write a pickled representation of obj to the open file object file."},
    {"dumps", _PyCFunction_CAST(_Py_pickle_dumps), METH_VARARGS | METH_KEYWORDS,
     "dumps($module, /, obj, protocol=None, *, fix_imports=True,\n"
     "      buffer_callback=None)\n--\n\n"
     "Return the pickled representation of the object as a bytes object."},
    {"load", _PyCFunction_CAST(_Py_pickle_load), METH_VARARGS | METH_KEYWORDS,
     "load($module, /, file, *, fix_imports=True, encoding='ASCII',\n"
     "     errors='strict', buffers=())\n--\n\n"
     "Read and return an object from the pickle data stored in a file."},
    {"loads", _PyCFunction_CAST(_Py_pickle_loads),
     METH_VARARGS | METH_KEYWORDS,
     "loads($module, data, /, *, fix_imports=True, encoding='ASCII',\n"
     "      errors='strict', buffers=())\n--\n\n"
     "Read and return an object from the given pickle data."},
    {NULL, NULL, 0, NULL},
};

/* ---- module state and init ---- */

static int
fetch_attr(const char *module, const char *name, PyObject **slot)
{
    *slot = PyImport_ImportModuleAttrString(module, name);
    return *slot == NULL ? -1 : 0;
}

static int
fetch_dict(const char *module, const char *name, PyObject **slot)
{
    if (fetch_attr(module, name, slot) < 0) {
        return -1;
    }
    if (!PyDict_Check(*slot)) {
        PyErr_Format(PyExc_RuntimeError, "%s.%s should be a dict, not %.200s",
                     module, name, Py_TYPE(*slot)->tp_name);
        Py_CLEAR(*slot);
        return -1;
    }
    return 0;
}

/* Fills _Py_pickle_state once, under pickle_state_lock (two threads may
   import the module at once in the free-threaded build). */
static int
pickle_state_init(void)
{
    PickleState *st = &_Py_pickle_state;
    int rc = 0;
    PyMutex_Lock(&pickle_state_lock);
    if (__atomic_load_n(&st->ready, __ATOMIC_ACQUIRE)) {
        goto done;
    }
    PickleState fresh;
    memset(&fresh, 0, sizeof(fresh));
    rc = -1;
    fresh.PickleError = PyErr_NewExceptionWithDoc(
        "_pickle.PickleError",
        "A common base class for the other pickling exceptions.", NULL, NULL);
    if (fresh.PickleError == NULL) {
        goto fail;
    }
    fresh.PicklingError = PyErr_NewExceptionWithDoc(
        "_pickle.PicklingError",
        "This exception is raised when an unpicklable object is passed to "
        "the dump() method.", fresh.PickleError, NULL);
    fresh.UnpicklingError = PyErr_NewExceptionWithDoc(
        "_pickle.UnpicklingError",
        "This exception is raised when there is a problem unpickling an "
        "object, such as a security violation.", fresh.PickleError, NULL);
    if (fresh.PicklingError == NULL || fresh.UnpicklingError == NULL) {
        goto fail;
    }
    if (fetch_dict("copyreg", "dispatch_table", &fresh.dispatch_table) < 0
        || fetch_dict("copyreg", "_extension_registry",
                      &fresh.extension_registry) < 0
        || fetch_dict("copyreg", "_inverted_registry",
                      &fresh.inverted_registry) < 0
        || fetch_dict("copyreg", "_extension_cache",
                      &fresh.extension_cache) < 0
        || fetch_dict("_compat_pickle", "NAME_MAPPING",
                      &fresh.name_mapping_2to3) < 0
        || fetch_dict("_compat_pickle", "IMPORT_MAPPING",
                      &fresh.import_mapping_2to3) < 0
        || fetch_dict("_compat_pickle", "REVERSE_NAME_MAPPING",
                      &fresh.name_mapping_3to2) < 0
        || fetch_dict("_compat_pickle", "REVERSE_IMPORT_MAPPING",
                      &fresh.import_mapping_3to2) < 0
        || fetch_attr("codecs", "encode", &fresh.codecs_encode) < 0
        || fetch_attr("builtins", "getattr", &fresh.getattr) < 0
        || fetch_attr("functools", "partial", &fresh.partial) < 0) {
        goto fail;
    }
    fresh.latin1 = PyUnicode_InternFromString("latin1");
    if (fresh.latin1 == NULL) {
        goto fail;
    }
    fresh.ready = 0;
    *st = fresh;
    __atomic_store_n(&st->ready, 1, __ATOMIC_RELEASE);
    rc = 0;
    goto done;
fail:
    for (PyObject **slot = &fresh.PickleError;
         slot <= &fresh.partial; slot++) {
        Py_CLEAR(*slot);
    }
done:
    PyMutex_Unlock(&pickle_state_lock);
    return rc;
}

static int
pickle_exec(PyObject *module)
{
    if (pickle_state_init() < 0) {
        return -1;
    }
    PickleState *st = &_Py_pickle_state;
    if (PyType_Ready(&_PyPickler_Type) < 0
        || PyType_Ready(&_PyPicklerMemoProxy_Type) < 0
        || PyType_Ready(&_PyUnpickler_Type) < 0
        || PyType_Ready(&_PyUnpicklerMemoProxy_Type) < 0
        || PyType_Ready(&_PyPickleBuffer_Type) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "PickleError", st->PickleError) < 0
        || PyModule_AddObjectRef(module, "PicklingError",
                                 st->PicklingError) < 0
        || PyModule_AddObjectRef(module, "UnpicklingError",
                                 st->UnpicklingError) < 0
        || PyModule_AddObjectRef(module, "Pickler",
                                 (PyObject *)&_PyPickler_Type) < 0
        || PyModule_AddObjectRef(module, "Unpickler",
                                 (PyObject *)&_PyUnpickler_Type) < 0
        || PyModule_AddObjectRef(module, "PickleBuffer",
                                 (PyObject *)&_PyPickleBuffer_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot pickle_slots[] = {
    {Py_mod_exec, pickle_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef pickle_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_pickle",
    .m_doc = "Optimized C implementation for the Python pickle module.",
    .m_size = 0,
    .m_methods = pickle_methods,
    .m_slots = pickle_slots,
};

PyMODINIT_FUNC
PyInit__pickle(void)
{
    return PyModuleDef_Init(&pickle_module);
}
