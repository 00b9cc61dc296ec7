/* _weakref: the weak reference types of Objects/weakrefobject.c and the
   few functions weakref.py builds on.  The module has no state; the
   weak reference lists it reads are guarded by weakrefobject.c. */
#include "Python.h"
#include "pycore_weakref.h"

static PyObject *
weakref_getweakrefcount(PyObject *Py_UNUSED(module), PyObject *object)
{
    return PyLong_FromSsize_t(_PyWeakref_GetWeakrefCount(object));
}

static PyObject *
weakref_getweakrefs(PyObject *Py_UNUSED(module), PyObject *object)
{
    return _PyWeakref_GetWeakrefs(object);
}

static PyObject *
weakref_proxy(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *object;
    PyObject *callback = NULL;
    if (!PyArg_UnpackTuple(args, "proxy", 1, 2, &object, &callback)) {
        return NULL;
    }
    return PyWeakref_NewProxy(object, callback);
}

/* The value under key is a weak reference whose referent is gone. */
static int
is_dead_weakref(PyObject *value)
{
    if (!PyWeakref_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "not a weakref");
        return -1;
    }
    return _PyWeakref_IS_DEAD(value);
}

/* Delete dct[key] if it is a dead weak reference.  The dict's critical
   section makes the check and the deletion one step, so an entry that
   another thread stored meanwhile is never removed; a key that is gone
   already is fine (weak-value dicts clean up from callbacks). */
static PyObject *
weakref_remove_dead_weakref(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *dct;
    PyObject *key;
    if (!PyArg_ParseTuple(args, "O!O:_remove_dead_weakref", &PyDict_Type, &dct,
                          &key)) {
        return NULL;
    }
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(dct);
    PyObject *value;
    rc = PyDict_GetItemRef(dct, key, &value);
    if (rc > 0) {
        rc = is_dead_weakref(value);
        Py_DECREF(value);
        if (rc > 0) {
            rc = PyDict_DelItem(dct, key);
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef weakref_methods[] = {
    {"getweakrefcount", weakref_getweakrefcount, METH_O,
     "getweakrefcount($module, object, /)\n--\n\n"
     "How many weak references and proxies refer to object."},
    {"getweakrefs", weakref_getweakrefs, METH_O,
     "getweakrefs($module, object, /)\n--\n\n"
     "A list of the weak references and proxies that refer to object."},
    {"proxy", weakref_proxy, METH_VARARGS,
     "proxy($module, object, callback=None, /)\n--\n\n"
     "A proxy that forwards to object while it lives, without keeping it\n"
     "alive; callback, if given, is called with the proxy when object dies."},
    {"_remove_dead_weakref", weakref_remove_dead_weakref, METH_VARARGS,
     "_remove_dead_weakref($module, dct, key, /)\n--\n\n"
     "Delete dct[key] if it is a dead weak reference, in one step."},
    {NULL, NULL, 0, NULL},
};

static int
weakref_exec(PyObject *module)
{
    if (PyModule_AddObjectRef(module, "ref", (PyObject *)&_PyWeakref_RefType) < 0
        || PyModule_AddObjectRef(module, "ReferenceType",
                                 (PyObject *)&_PyWeakref_RefType) < 0
        || PyModule_AddObjectRef(module, "ProxyType",
                                 (PyObject *)&_PyWeakref_ProxyType) < 0
        || PyModule_AddObjectRef(module, "CallableProxyType",
                                 (PyObject *)&_PyWeakref_CallableProxyType) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot weakref_slots[] = {
    {Py_mod_exec, weakref_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef weakref_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_weakref",
    .m_doc = "The weak reference types and helpers behind weakref.",
    .m_size = 0,
    .m_methods = weakref_methods,
    .m_slots = weakref_slots,
};

PyMODINIT_FUNC
PyInit__weakref(void)
{
    return PyModuleDef_Init(&weakref_module);
}
