/* Whether a potentially lazy import is lazy (PEP 810): the interpreter's
   mode ("normal", "all" or "none", from -X lazy_imports,
   PYTHON_LAZY_IMPORTS or sys.set_lazy_imports), the module's
   __lazy_modules__, and the filter set with sys.set_lazy_imports_filter.

   Thread safety: the mode is one int read and written atomically; the
   filter is a reference guarded by filter_mutex, and a caller takes its
   own reference before calling it, so a concurrent replacement never
   frees a filter that is running. */
#include "Python.h"
#include "cpython/lock.h"
#include "pycore_import.h"
#include "pycore_lazyimport.h"

enum { MODE_NORMAL, MODE_ALL, MODE_NONE };
static const char *const mode_names[] = {"normal", "all", "none"};

static int lazy_mode = MODE_NORMAL;
static PyObject *lazy_filter;   /* guarded by filter_mutex; NULL: none */
static PyMutex filter_mutex;

static int get_mode(void)
{
    return __atomic_load_n(&lazy_mode, __ATOMIC_RELAXED);
}

int _PyImport_SetLazyImportsMode(const char *mode)
{
    for (int i = 0; i < (int)Py_ARRAY_LENGTH(mode_names); i++) {
        if (strcmp(mode, mode_names[i]) == 0) {
            __atomic_store_n(&lazy_mode, i, __ATOMIC_RELAXED);
            return 0;
        }
    }
    PyErr_SetString(PyExc_ValueError,
                    "lazy imports mode must be 'normal', 'all' or 'none'");
    return -1;
}

/* A new reference to the filter, or NULL (no error) when none is set. */
static PyObject *get_filter(void)
{
    PyMutex_Lock(&filter_mutex);
    PyObject *filter = Py_XNewRef(lazy_filter);
    PyMutex_Unlock(&filter_mutex);
    return filter;
}

/* 1 if `resolved` is listed in the module's __lazy_modules__. */
static int listed_in_lazy_modules(PyObject *globals, PyObject *resolved)
{
    PyObject *listed;
    int found = PyDict_GetItemStringRef(globals, "__lazy_modules__", &listed);
    if (found <= 0) {
        return found;
    }
    int contains = PySequence_Contains(listed, resolved);
    Py_DECREF(listed);
    return contains;
}

static int ask_filter(PyObject *filter, PyObject *globals, PyObject *resolved,
                      PyObject *fromlist)
{
    PyObject *importer;
    if (PyDict_GetItemStringRef(globals, "__name__", &importer) < 0) {
        return -1;
    }
    PyObject *result = PyObject_CallFunctionObjArgs(
        filter, importer ? importer : Py_None, resolved, fromlist, NULL);
    Py_XDECREF(importer);
    if (result == NULL) {
        return -1;
    }
    int lazy = PyObject_IsTrue(result);
    Py_DECREF(result);
    return lazy;
}

int _PyImport_IsLazy(PyObject *globals, PyObject *name, PyObject *fromlist,
                     PyObject *level, int mode)
{
    int interp_mode = get_mode();
    if (mode == _PyImport_EAGER || interp_mode == MODE_NONE) {
        return 0;
    }
    PyObject *filter = get_filter();
    int needs_name = filter != NULL ||
        (mode == _PyImport_POTENTIALLY_LAZY && interp_mode != MODE_ALL);
    if (!needs_name) {
        return 1;
    }
    int level_value = PyLong_AsInt(level);
    PyObject *resolved = level_value == -1 && PyErr_Occurred() ? NULL
        : _PyImport_ResolveName(name, globals, level_value);
    if (resolved == NULL) {
        Py_XDECREF(filter);
        return -1;
    }
    int lazy = 1;
    if (mode == _PyImport_POTENTIALLY_LAZY && interp_mode != MODE_ALL) {
        lazy = listed_in_lazy_modules(globals, resolved);
    }
    if (lazy == 1 && filter != NULL) {
        lazy = ask_filter(filter, globals, resolved, fromlist);
    }
    Py_DECREF(resolved);
    Py_XDECREF(filter);
    return lazy;
}

/* ---- sys functions ---------------------------------------------------- */

static PyObject *sys_set_lazy_imports(PyObject *module, PyObject *mode)
{
    if (!PyUnicode_Check(mode)) {
        PyErr_Format(PyExc_TypeError,
                     "set_lazy_imports() argument must be str, not %.200s",
                     Py_TYPE(mode)->tp_name);
        return NULL;
    }
    const char *text = PyUnicode_AsUTF8(mode);
    if (text == NULL || _PyImport_SetLazyImportsMode(text) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *sys_get_lazy_imports(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString(mode_names[get_mode()]);
}

static PyObject *sys_set_lazy_imports_filter(PyObject *module, PyObject *filter)
{
    if (filter != Py_None && !PyCallable_Check(filter)) {
        PyErr_SetString(PyExc_TypeError,
                        "filter must be callable or None");
        return NULL;
    }
    PyMutex_Lock(&filter_mutex);
    PyObject *old = lazy_filter;
    lazy_filter = filter == Py_None ? NULL : Py_NewRef(filter);
    PyMutex_Unlock(&filter_mutex);
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyObject *sys_get_lazy_imports_filter(PyObject *module, PyObject *unused)
{
    PyObject *filter = get_filter();
    return filter != NULL ? filter : Py_NewRef(Py_None);
}

PyMethodDef _PyImport_LazySysMethods[] = {
    {"set_lazy_imports", sys_set_lazy_imports, METH_O,
     "set_lazy_imports($module, mode, /)\n--\n\n"
     "Set the lazy imports mode: 'normal' (only imports marked lazy), "
     "'all' (every potentially lazy import) or 'none' (no lazy imports)."},
    {"get_lazy_imports", sys_get_lazy_imports, METH_NOARGS,
     "get_lazy_imports($module, /)\n--\n\nReturn the lazy imports mode."},
    {"set_lazy_imports_filter", sys_set_lazy_imports_filter, METH_O,
     "set_lazy_imports_filter($module, filter, /)\n--\n\n"
     "Set the function called as filter(importer, name, fromlist) for each "
     "potentially lazy import; the import stays lazy only if it returns "
     "true.  None removes the filter."},
    {"get_lazy_imports_filter", sys_get_lazy_imports_filter, METH_NOARGS,
     "get_lazy_imports_filter($module, /)\n--\n\n"
     "Return the lazy imports filter, or None."},
    {NULL, NULL, 0, NULL},
};

/* ---- the C API (PEP 810; capi, session 6) ------------------------------------
   The enum's values are the indexes of mode_names. */

int PyImport_SetLazyImportsMode(PyImport_LazyImportsMode mode)
{
    if ((int)mode < 0 || (int)mode >= (int)Py_ARRAY_LENGTH(mode_names)) {
        PyErr_SetString(PyExc_ValueError, "invalid lazy imports mode");
        return -1;
    }
    __atomic_store_n(&lazy_mode, (int)mode, __ATOMIC_RELAXED);
    return 0;
}

PyImport_LazyImportsMode PyImport_GetLazyImportsMode(void)
{
    return (PyImport_LazyImportsMode)get_mode();
}

/* NULL or None removes the filter. */
int PyImport_SetLazyImportsFilter(PyObject *filter)
{
    PyObject *result = sys_set_lazy_imports_filter(NULL,
                                                   filter ? filter : Py_None);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* A new reference to the filter; NULL, without an exception, when none. */
PyObject *PyImport_GetLazyImportsFilter(void)
{
    return get_filter();
}
