/* Functions shared by the fixture extension modules (ext_*.c): they
   call back into Python and raise exceptions, so the tests see that an
   extension loaded by the interpreter works both ways. */
#ifndef EXT_COMMON_H
#define EXT_COMMON_H

#include "Python.h"

/* call(f, *args) -> f(*args) */
static PyObject *ext_call(PyObject *module, PyObject *const *args,
                          Py_ssize_t nargs)
{
    (void)module;
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "call() needs a callable");
        return NULL;
    }
    return PyObject_Vectorcall(args[0], args + 1, (size_t)(nargs - 1), NULL);
}

/* map(f, iterable) -> [f(x) for x in iterable]; an exception from f or
   from the iteration propagates. */
static PyObject *ext_map(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *func, *iterable;
    if (!PyArg_ParseTuple(args, "OO:map", &func, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    PyObject *result = it ? PyList_New(0) : NULL;
    if (result == NULL) {
        Py_XDECREF(it);
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *value = PyObject_CallOneArg(func, item);
        Py_DECREF(item);
        if (value == NULL || PyList_Append(result, value) < 0) {
            Py_XDECREF(value);
            Py_CLEAR(result);
            break;
        }
        Py_DECREF(value);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_CLEAR(result);
    }
    return result;
}

/* raise_(exc_type, message): raises exc_type(message). */
static PyObject *ext_raise(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *type, *message;
    if (!PyArg_ParseTuple(args, "OU:raise_", &type, &message)) {
        return NULL;
    }
    if (!PyExceptionClass_Check(type)) {
        PyErr_Format(PyExc_TypeError, "raise_() needs an exception class, not %.100s",
                     Py_TYPE(type)->tp_name);
        return NULL;
    }
    PyErr_SetObject(type, message);
    return NULL;
}

#define EXT_COMMON_METHODS                                                   \
    {"call", (PyCFunction)(void (*)(void))ext_call, METH_FASTCALL,           \
     "call(f, *args) -> f(*args)"},                                          \
    {"map", ext_map, METH_VARARGS, "map(f, iterable) -> list"},              \
    {"raise_", ext_raise, METH_VARARGS, "raise_(exc_type, message)"}

#endif /* EXT_COMMON_H */
