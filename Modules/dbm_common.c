/* The library-independent parts of the _dbm and _gdbm database objects:
   see dbm_common.h.

   Thread safety: the handle is read and cleared only with the object's
   mutex held; the module error classes are created once under
   `init_mutex`. */
#include "dbm_common.h"
#include "pycore_pystate.h"       /* _PyMutex_LockDetached */

#include <limits.h>

static PyMutex init_mutex;

int _PyDbm_GetBytes(const _PyDbmKind *kind, PyObject *obj,
                    const char **ptr, int *size, Py_buffer *view,
                    const char *what)
{
    view->obj = NULL;
    if (PyUnicode_Check(obj)) {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &len);
        if (s == NULL) {
            return -1;
        }
        *ptr = s;
        *size = (int)len;
        return 0;
    }
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) < 0) {
        view->obj = NULL;
        PyErr_Format(PyExc_TypeError,
                     "%s %s must be bytes or string, not %.100s",
                     kind->name, what, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (view->len > INT_MAX) {
        PyBuffer_Release(view);
        view->obj = NULL;
        PyErr_Format(PyExc_OverflowError, "%s %s is too large",
                     kind->name, what);
        return -1;
    }
    *ptr = view->buf;
    *size = (int)view->len;
    return 0;
}

void _PyDbm_ReleaseBytes(Py_buffer *view)
{
    if (view->obj != NULL) {
        PyBuffer_Release(view);
    }
}

void *_PyDbm_LockOpen(_PyDbmObject *d)
{
    _PyMutex_LockDetached(&d->mutex);
    void *handle = d->handle;
    if (handle == NULL) {
        PyMutex_Unlock(&d->mutex);
        PyErr_SetString(*d->kind->error, d->kind->closed_message);
    }
    return handle;
}

PyObject *_PyDbm_Keys(PyObject *op, PyObject *Py_UNUSED(unused))
{
    return ((_PyDbmObject *)op)->kind->keys(op, NULL);
}

PyObject *_PyDbm_Get(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    const _PyDbmKind *kind = ((_PyDbmObject *)op)->kind;
    PyObject *result = kind->fetch(op, args[0], 1);
    if (result == NULL && !PyErr_Occurred()) {
        result = Py_NewRef(nargs > 1 ? args[1] : Py_None);
    }
    return result;
}

PyObject *_PyDbm_SetDefault(PyObject *op, PyObject *const *args,
                            Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setdefault", nargs, 1, 2)) {
        return NULL;
    }
    const _PyDbmKind *kind = ((_PyDbmObject *)op)->kind;
    PyObject *result = kind->fetch(op, args[0], 1);
    if (result != NULL || PyErr_Occurred()) {
        return result;
    }
    PyObject *dflt = nargs > 1 ? args[1] : Py_None;
    if (kind->store(op, args[0], dflt) < 0) {
        return NULL;
    }
    return Py_NewRef(dflt);
}

PyObject *_PyDbm_Clear(PyObject *op, PyObject *Py_UNUSED(unused))
{
    const _PyDbmKind *kind = ((_PyDbmObject *)op)->kind;
    PyObject *keys = kind->keys(op, NULL);
    if (keys == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keys); i++) {
        /* A key another thread deleted meanwhile is not an error. */
        if (kind->store(op, PyList_GET_ITEM(keys, i), NULL) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
                Py_DECREF(keys);
                return NULL;
            }
            PyErr_Clear();
        }
    }
    Py_DECREF(keys);
    Py_RETURN_NONE;
}

/* Close the handle once; the library call runs after the mutex is
   released, since no other call can reach the cleared handle. */
static void close_handle(_PyDbmObject *d)
{
    _PyMutex_LockDetached(&d->mutex);
    void *handle = d->handle;
    d->handle = NULL;
    PyMutex_Unlock(&d->mutex);
    if (handle != NULL) {
        d->kind->close(handle);
    }
}

PyObject *_PyDbm_CloseMethod(PyObject *op, PyObject *Py_UNUSED(unused))
{
    close_handle((_PyDbmObject *)op);
    Py_RETURN_NONE;
}

PyObject *_PyDbm_Enter(PyObject *op, PyObject *Py_UNUSED(unused))
{
    return Py_NewRef(op);
}

PyObject *_PyDbm_Exit(PyObject *op, PyObject *Py_UNUSED(args))
{
    close_handle((_PyDbmObject *)op);
    Py_RETURN_NONE;
}

void _PyDbm_Dealloc(PyObject *op)
{
    close_handle((_PyDbmObject *)op);
    Py_TYPE(op)->tp_free(op);
}

int _PyDbm_AddError(PyObject *module, PyObject **error, const char *name)
{
    _PyMutex_LockDetached(&init_mutex);
    if (*error == NULL) {
        *error = PyErr_NewException(name, PyExc_OSError, NULL);
    }
    PyMutex_Unlock(&init_mutex);
    if (*error == NULL) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "error", *error);
}
