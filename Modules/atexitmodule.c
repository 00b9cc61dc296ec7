/* atexit: functions to call when the interpreter shuts down.

   The callbacks live in one process-wide list of (func, args, kwargs)
   tuples, so Py_FinalizeEx can run them whether or not the module was
   ever imported again after registration.  Every access to the list
   holds callbacks_mutex; no Python code ever runs while it is held
   (tuples are built and callbacks are called outside it), so a
   callback or a finalizer may register or unregister freely. */
#include "Python.h"

static PyMutex callbacks_mutex;
/* Owned list of 3-tuples, oldest first; NULL until the first register.
   Guarded by callbacks_mutex. */
static PyObject *callbacks;

/* Takes the list away under the lock, so callbacks registered while the
   old ones run land in a fresh list (CPython runs only the snapshot).
   Returns a new reference or NULL when nothing is registered. */
static PyObject *take_callbacks(void)
{
    PyMutex_Lock(&callbacks_mutex);
    PyObject *taken = callbacks;
    callbacks = NULL;
    PyMutex_Unlock(&callbacks_mutex);
    return taken;
}

static void call_one(PyObject *entry)
{
    PyObject *func = PyTuple_GET_ITEM(entry, 0);
    PyObject *args = PyTuple_GET_ITEM(entry, 1);
    PyObject *kwargs = PyTuple_GET_ITEM(entry, 2);
    PyObject *result = PyObject_Call(func, args,
                                     kwargs == Py_None ? NULL : kwargs);
    if (result == NULL) {
        PyErr_FormatUnraisable("Exception ignored in atexit callback %R",
                               func);
    }
    Py_XDECREF(result);
}

/* Runs the registered callbacks, last registered first; an exception is
   reported through sys.unraisablehook and the remaining ones still run.
   Safe from any thread: the list is detached under the lock first. */
void _PyAtExit_Call(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *taken = take_callbacks();
    if (taken != NULL) {
        for (Py_ssize_t i = PyList_GET_SIZE(taken) - 1; i >= 0; i--) {
            call_one(PyList_GET_ITEM(taken, i));
        }
        Py_DECREF(taken);
    }
    PyErr_SetRaisedException(exc);
}

static PyObject *atexit_register(PyObject *module, PyObject *args,
                                 PyObject *kwargs)
{
    (void)module;
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError,
                        "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError,
                        "the first argument must be callable");
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    PyObject *kw = kwargs != NULL && PyDict_GET_SIZE(kwargs) > 0
                   ? PyDict_Copy(kwargs) : Py_NewRef(Py_None);
    PyObject *entry = rest && kw ? PyTuple_Pack(3, func, rest, kw) : NULL;
    Py_XDECREF(rest);
    Py_XDECREF(kw);
    if (entry == NULL) {
        return NULL;
    }
    int status = 0;
    PyMutex_Lock(&callbacks_mutex);
    if (callbacks == NULL) {
        callbacks = PyList_New(0);
    }
    status = callbacks == NULL ? -1 : PyList_Append(callbacks, entry);
    PyMutex_Unlock(&callbacks_mutex);
    Py_DECREF(entry);
    if (status < 0) {
        return NULL;
    }
    return Py_NewRef(func);
}

/* Snapshot of the list for comparisons that may run Python code. */
static PyObject *copy_callbacks(void)
{
    PyMutex_Lock(&callbacks_mutex);
    PyObject *copy = callbacks ? PyList_GetSlice(callbacks, 0,
                                                 PyList_GET_SIZE(callbacks))
                               : PyList_New(0);
    PyMutex_Unlock(&callbacks_mutex);
    return copy;
}

/* Drops, under the lock, every entry whose tuple is in doomed (compared
   by identity, so no Python code runs while the lock is held). */
static int remove_entries(PyObject *doomed)
{
    int status = 0;
    PyMutex_Lock(&callbacks_mutex);
    for (Py_ssize_t i = callbacks ? PyList_GET_SIZE(callbacks) - 1 : -1;
         i >= 0 && status == 0; i--) {
        PyObject *entry = PyList_GET_ITEM(callbacks, i);
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(doomed); j++) {
            if (PyList_GET_ITEM(doomed, j) == entry) {
                status = PyList_SetSlice(callbacks, i, i + 1, NULL);
                break;
            }
        }
    }
    PyMutex_Unlock(&callbacks_mutex);
    return status;
}

static PyObject *atexit_unregister(PyObject *module, PyObject *func)
{
    (void)module;
    PyObject *snapshot = copy_callbacks();
    PyObject *doomed = snapshot ? PyList_New(0) : NULL;
    if (doomed == NULL) {
        Py_XDECREF(snapshot);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(snapshot); i++) {
        PyObject *entry = PyList_GET_ITEM(snapshot, i);
        int eq = PyObject_RichCompareBool(PyTuple_GET_ITEM(entry, 0), func,
                                          Py_EQ);
        if (eq < 0 || (eq > 0 && PyList_Append(doomed, entry) < 0)) {
            Py_DECREF(snapshot);
            Py_DECREF(doomed);
            return NULL;
        }
    }
    int status = remove_entries(doomed);
    Py_DECREF(snapshot);
    Py_DECREF(doomed);
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *atexit_run_exitfuncs(PyObject *module,
                                      PyObject *Py_UNUSED(ignored))
{
    (void)module;
    _PyAtExit_Call();
    Py_RETURN_NONE;
}

static PyObject *atexit_clear(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    PyObject *taken = take_callbacks();
    Py_XDECREF(taken);
    Py_RETURN_NONE;
}

static PyObject *atexit_ncallbacks(PyObject *module,
                                   PyObject *Py_UNUSED(ignored))
{
    (void)module;
    PyMutex_Lock(&callbacks_mutex);
    Py_ssize_t n = callbacks ? PyList_GET_SIZE(callbacks) : 0;
    PyMutex_Unlock(&callbacks_mutex);
    return PyLong_FromSsize_t(n);
}

static PyMethodDef atexit_methods[] = {
    {"register", _PyCFunction_CAST(atexit_register),
     METH_VARARGS | METH_KEYWORDS,
     "register($module, func, /, *args, **kwargs)\n--\n\n"
     "Register a function to be executed upon normal program termination.\n"
     "func is returned to facilitate usage as a decorator."},
    {"unregister", atexit_unregister, METH_O,
     "unregister($module, func, /)\n--\n\n"
     "Unregister an exit function which was previously registered using\n"
     "atexit.register"},
    {"_run_exitfuncs", atexit_run_exitfuncs, METH_NOARGS,
     "_run_exitfuncs($module, /)\n--\n\nRun all registered exit functions."},
    {"_clear", atexit_clear, METH_NOARGS,
     "_clear($module, /)\n--\n\nClear the list of previously registered "
     "exit functions."},
    {"_ncallbacks", atexit_ncallbacks, METH_NOARGS,
     "_ncallbacks($module, /)\n--\n\nReturn the number of registered exit "
     "functions."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot atexit_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef atexit_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "atexit",
    .m_doc = "allow programmer to define multiple exit functions to be "
             "executed\nupon normal program termination.\n\nTwo public "
             "functions, register and unregister, are defined.\n",
    .m_size = 0,
    .m_methods = atexit_methods,
    .m_slots = atexit_slots,
};

PyMODINIT_FUNC PyInit_atexit(void)
{
    return PyModuleDef_Init(&atexit_module);
}
