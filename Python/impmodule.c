/* The _imp module: the low-level helpers importlib uses (CPython's
   names): the global import lock, built-in module creation, extension
   suffixes, frozen-module queries (Weft has no frozen modules) and
   _fix_co_filename.

   Thread safety: the only state is the global import lock, a reentrant
   lock made of `lock` (held while count > 0) and `owner`/`count`, which
   only the holder writes; other threads read `owner` atomically just to
   learn that they are not it. */
#include "Python.h"
#include "import.h"
#include "cpython/code.h"
#include "cpython/lock.h"
#include "pycore_import.h"
#include "pycore_pystate.h"
#include "pycore_pyc.h"

static PyMutex import_lock;
static PyThreadState *lock_owner;   /* atomic; written by the holder */
static long lock_count;             /* the holder's recursion depth */

static PyObject *imp_acquire_lock(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    PyThreadState *me = _PyThreadState_GET();
    if (__atomic_load_n(&lock_owner, __ATOMIC_ACQUIRE) == me) {
        lock_count++;
        Py_RETURN_NONE;
    }
    Py_BEGIN_ALLOW_THREADS
    PyMutex_Lock(&import_lock);
    Py_END_ALLOW_THREADS
    __atomic_store_n(&lock_owner, me, __ATOMIC_RELEASE);
    lock_count = 1;
    Py_RETURN_NONE;
}

static PyObject *imp_release_lock(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    if (__atomic_load_n(&lock_owner, __ATOMIC_ACQUIRE) != _PyThreadState_GET()) {
        PyErr_SetString(PyExc_RuntimeError, "not holding the import lock");
        return NULL;
    }
    if (--lock_count == 0) {
        __atomic_store_n(&lock_owner, NULL, __ATOMIC_RELEASE);
        PyMutex_Unlock(&import_lock);
    }
    Py_RETURN_NONE;
}

static PyObject *imp_lock_held(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    return PyBool_FromLong(__atomic_load_n(&lock_owner, __ATOMIC_ACQUIRE) != NULL);
}

static PyObject *imp_is_builtin(PyObject *module, PyObject *name)
{
    (void)module;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "is_builtin() argument must be str, "
                     "not %.100s", Py_TYPE(name)->tp_name);
        return NULL;
    }
    return PyLong_FromLong(_PyImport_IsBuiltin(name));
}

static PyObject *imp_create_builtin(PyObject *module, PyObject *spec)
{
    (void)module;
    return _PyImport_CreateBuiltin(spec);
}

static PyObject *imp_exec_builtin(PyObject *module, PyObject *mod)
{
    (void)module;
    if (_PyImport_ExecBuiltin(mod) < 0) {
        return NULL;
    }
    return PyLong_FromLong(0);
}

static PyObject *imp_create_dynamic(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *spec, *file = NULL;
    if (!PyArg_ParseTuple(args, "O|O:create_dynamic", &spec, &file)) {
        return NULL;
    }
    return _PyImport_CreateExtension(spec);
}

static PyObject *imp_exec_dynamic(PyObject *module, PyObject *mod)
{
    (void)module;
    if (_PyImport_ExecExtension(mod) < 0) {
        return NULL;
    }
    return PyLong_FromLong(0);
}

static PyObject *imp_extension_suffixes(PyObject *module,
                                        PyObject *Py_UNUSED(ignored))
{
    (void)module;
    return _PyImport_ExtensionSuffixes();
}

static PyObject *imp_false(PyObject *module, PyObject *name)
{
    (void)module;
    (void)name;
    Py_RETURN_FALSE;
}

static PyObject *imp_find_frozen(PyObject *module, PyObject *args,
                                 PyObject *kwds)
{
    (void)module;
    static char *kwlist[] = {"name", "withdata", NULL};
    PyObject *name;
    int withdata = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|$p:find_frozen", kwlist,
                                     &name, &withdata)) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *no_frozen(PyObject *name)
{
    PyObject *msg = PyUnicode_FromFormat("No such frozen object named %R",
                                         name);
    if (msg != NULL) {
        PyErr_SetImportError(msg, name, NULL);
        Py_DECREF(msg);
    }
    return NULL;
}

static PyObject *imp_get_frozen_object(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *name, *data = Py_None;
    if (!PyArg_ParseTuple(args, "U|O:get_frozen_object", &name, &data)) {
        return NULL;
    }
    return no_frozen(name);
}

static PyObject *imp_init_frozen(PyObject *module, PyObject *name)
{
    (void)module;
    return no_frozen(name);
}

/* CPython's test helpers switch frozen stdlib modules on or off with
   this (test.support.import_helper); Weft freezes none, so the switch
   has nothing to act on, but it takes and checks the same argument. */
static PyObject *imp_override_frozen_modules_for_tests(PyObject *module,
                                                       PyObject *arg)
{
    (void)module;
    int override = PyLong_AsInt(arg);
    if (override == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The setting tests make to allow single-phase extension modules in
   subinterpreters; returns the previous one.  Weft runs one interpreter,
   so the value is only remembered.  Guarded by the atomic exchange. */
static int multi_interp_extensions_override;

static PyObject *imp_override_multi_interp_extensions_check(PyObject *module,
                                                            PyObject *arg)
{
    (void)module;
    int override = PyLong_AsInt(arg);
    if (override == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int previous = __atomic_exchange_n(&multi_interp_extensions_override,
                                       override, __ATOMIC_SEQ_CST);
    return PyLong_FromLong(previous);
}

/* Points co_filename of code and of every code object in its constants
   at path.  Used on code that is not yet running anywhere (just read
   from a bytecode file), so nothing else can be reading the field. */
static void fix_filenames(PyCodeObject *code, PyObject *old, PyObject *path)
{
    if (PyUnicode_Compare(code->co_filename, old) != 0) {
        return;
    }
    Py_SETREF(code->co_filename, Py_NewRef(path));
    Py_ssize_t n = PyTuple_GET_SIZE(code->co_consts);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(code->co_consts, i);
        if (PyCode_Check(item)) {
            fix_filenames((PyCodeObject *)item, old, path);
        }
    }
}

/* source_hash(key, source): the 8-byte SipHash-1-3 of a hash-based .pyc
   (PEP 552), little-endian, as importlib.util.source_hash returns it. */
static PyObject *imp_source_hash(PyObject *Py_UNUSED(module), PyObject *args,
                                 PyObject *kwargs)
{
    static char *keywords[] = {"key", "source", NULL};
    long key;
    Py_buffer source;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ly*:source_hash",
                                     keywords, &key, &source)) {
        return NULL;
    }
    uint64_t hash = _PyPyc_SourceHash((uint64_t)key, source.buf,
                                      source.len);
    PyBuffer_Release(&source);
    unsigned char bytes[8];
    for (int i = 0; i < 8; i++) {
        bytes[i] = (unsigned char)(hash >> (8 * i));
    }
    return PyBytes_FromStringAndSize((const char *)bytes, 8);
}

static PyObject *imp_fix_co_filename(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *code, *path;
    if (!PyArg_ParseTuple(args, "O!U:_fix_co_filename", &PyCode_Type, &code,
                          &path)) {
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    if (PyUnicode_Compare(co->co_filename, path) != 0) {
        PyObject *old = Py_NewRef(co->co_filename);
        fix_filenames(co, old, path);
        Py_DECREF(old);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef imp_functions[] = {
    {"acquire_lock", imp_acquire_lock, METH_NOARGS,
     "Acquires the interpreter's import lock for the current thread.\n\n"
     "This lock should be used by import hooks to ensure thread-safety "
     "when importing modules."},
    {"release_lock", imp_release_lock, METH_NOARGS,
     "Release the interpreter's import lock."},
    {"lock_held", imp_lock_held, METH_NOARGS,
     "Return True if the import lock is currently held, else False."},
    {"is_builtin", imp_is_builtin, METH_O,
     "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin", imp_create_builtin, METH_O,
     "Create an extension module."},
    {"exec_builtin", imp_exec_builtin, METH_O,
     "Initialize a built-in module."},
    {"create_dynamic", imp_create_dynamic, METH_VARARGS,
     "Create an extension module."},
    {"exec_dynamic", imp_exec_dynamic, METH_O,
     "Initialize an extension module."},
    {"extension_suffixes", imp_extension_suffixes, METH_NOARGS,
     "Returns the list of file suffixes used to identify extension "
     "modules."},
    {"is_frozen", imp_false, METH_O,
     "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", imp_false, METH_O,
     "Returns True if the module name is of a frozen package."},
    {"find_frozen", _PyCFunction_CAST(imp_find_frozen),
     METH_VARARGS | METH_KEYWORDS,
     "Return info about the corresponding frozen module (if there is "
     "one) or None."},
    {"get_frozen_object", imp_get_frozen_object, METH_VARARGS,
     "Create a code object for a frozen module."},
    {"init_frozen", imp_init_frozen, METH_O,
     "Initializes a frozen module."},
    {"source_hash", _PyCFunction_CAST(imp_source_hash),
     METH_VARARGS | METH_KEYWORDS,
     "source_hash($module, /, key, source)\n--\n\n"},
    {"_fix_co_filename", imp_fix_co_filename, METH_VARARGS,
     "Changes code.co_filename to specify the passed-in file path."},
    {"_override_frozen_modules_for_tests",
     imp_override_frozen_modules_for_tests, METH_O,
     "(internal-only) Override PyConfig.use_frozen_modules.\n\n"
     "(-1: \"off\", 1: \"on\", 0: no override)"},
    {"_override_multi_interp_extensions_check",
     imp_override_multi_interp_extensions_check, METH_O,
     "(internal-only) Override PyInterpreterConfig.check_multi_interp_extensions.\n\n"
     "(-1: \"never\", 1: \"always\", 0: no override)"},
    {NULL, NULL, 0, NULL},
};

static int imp_exec(PyObject *module)
{
    return PyModule_Add(module, "check_hash_based_pycs",
                        PyUnicode_FromString("default"));
}

static PyModuleDef_Slot imp_slots[] = {
    {Py_mod_exec, imp_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef imp_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_imp",
    .m_doc = "(Extremely) low-level import machinery bits as used by "
             "importlib.",
    .m_size = 0,
    .m_methods = imp_functions,
    .m_slots = imp_slots,
};

PyObject *PyInit__imp(void)
{
    return PyModuleDef_Init(&imp_module);
}
