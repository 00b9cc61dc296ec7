/* Module state for the multi-phase fixtures: a counter and the module's
   own exception class, reached from the functions through their module
   (self), traversed and cleared by the module's GC hooks. */
#ifndef EXT_STATE_H
#define EXT_STATE_H

#include "ext_common.h"

typedef struct {
    long bumps;         /* atomic: functions may run in parallel */
    PyObject *error;    /* the module's Error class */
} ext_state;

static ext_state *ext_get_state(PyObject *module)
{
    return (ext_state *)PyModule_GetState(module);
}

/* bump() -> the counter after adding one */
static PyObject *ext_bump(PyObject *module, PyObject *unused)
{
    (void)unused;
    ext_state *st = ext_get_state(module);
    return PyLong_FromLong(__atomic_add_fetch(&st->bumps, 1, __ATOMIC_RELAXED));
}

/* fail(message): raises the module's Error(message). */
static PyObject *ext_fail(PyObject *module, PyObject *message)
{
    PyErr_SetObject(ext_get_state(module)->error, message);
    return NULL;
}

static PyMethodDef ext_state_methods[] = {
    EXT_COMMON_METHODS,
    {"bump", ext_bump, METH_NOARGS, "bump() -> int"},
    {"fail", ext_fail, METH_O, "fail(message): raise Error(message)"},
    {NULL, NULL, 0, NULL},
};

static int ext_state_exec(PyObject *module)
{
    ext_state *st = ext_get_state(module);
    PyObject *name = PyModule_GetNameObject(module);
    PyObject *qualified = name ? PyUnicode_FromFormat("%U.Error", name) : NULL;
    Py_XDECREF(name);
    if (qualified == NULL) {
        return -1;
    }
    st->error = PyErr_NewException(PyUnicode_AsUTF8(qualified),
                                   PyExc_ValueError, NULL);
    Py_DECREF(qualified);
    if (st->error == NULL
            || PyModule_AddObjectRef(module, "Error", st->error) < 0
            || PyModule_AddIntConstant(module, "ANSWER", 42) < 0) {
        return -1;
    }
    return 0;
}

static int ext_state_traverse(PyObject *module, visitproc visit, void *arg)
{
    ext_state *st = ext_get_state(module);
    Py_VISIT(st->error);
    return 0;
}

static int ext_state_clear(PyObject *module)
{
    Py_CLEAR(ext_get_state(module)->error);
    return 0;
}

static void ext_state_free(void *module)
{
    ext_state_clear((PyObject *)module);
}

#endif /* EXT_STATE_H */
