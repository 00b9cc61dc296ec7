/* What BytesIO and StringIO (bytesio.c, stringio.c) share: truncate()
   and the checks of a pickled __setstate__ state.  _PyMemIO_Truncate and
   _PyMemIO_MergeStateDict change the object and run inside its critical
   section; the argument checks run before it is entered. */
#ifndef WEFT_IO_MEMIO_COMMON_H
#define WEFT_IO_MEMIO_COMMON_H

#include "Python.h"

/* truncate([size]): 1 with *size set when a size other than None was
   given, 0 when not (the caller uses its position), -1 on error. */
static inline int
_PyMemIO_TruncateArg(PyObject *const *args, Py_ssize_t nargs,
                     Py_ssize_t *size)
{
    if (!_PyArg_CheckPositional("truncate", nargs, 0, 1)) {
        return -1;
    }
    if (nargs == 0 || args[0] == Py_None) {
        return 0;
    }
    *size = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (*size == -1 && PyErr_Occurred()) {
        return -1;
    }
    return 1;
}

/* truncate() once the object is known usable: cut *length to `size`
   (the position `pos` when no size was given) and return the size.
   `negative` is the ValueError format for a negative size. */
static inline PyObject *
_PyMemIO_Truncate(Py_ssize_t *length, Py_ssize_t pos, int given,
                  Py_ssize_t size, const char *negative)
{
    if (!given) {
        size = pos;
    }
    if (size < 0) {
        PyErr_Format(PyExc_ValueError, negative, size);
        return NULL;
    }
    if (size < *length) {
        *length = size;
    }
    return PyLong_FromSsize_t(size);
}

/* The state must be a tuple of at least `n` items. */
static inline int
_PyMemIO_CheckState(PyObject *op, PyObject *state, int n)
{
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) < n) {
        PyErr_Format(PyExc_TypeError,
                     "%.200s.__setstate__ argument should be %d-tuple, "
                     "got %.200s",
                     Py_TYPE(op)->tp_name, n, Py_TYPE(state)->tp_name);
        return -1;
    }
    return 0;
}

/* The position item of a state: a non-negative int.  `type_error` is
   the message (with a %.200s for the type's name) for a non-int. */
static inline int
_PyMemIO_StatePosition(PyObject *position, const char *type_error,
                       Py_ssize_t *pos)
{
    if (!PyLong_Check(position)) {
        PyErr_Format(PyExc_TypeError, type_error,
                     Py_TYPE(position)->tp_name);
        return -1;
    }
    *pos = PyLong_AsSsize_t(position);
    if (*pos == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (*pos < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "position value cannot be negative");
        return -1;
    }
    return 0;
}

/* The dict item of a state must be a dict or None; `which` names it. */
static inline int
_PyMemIO_CheckStateDict(PyObject *dict, const char *which)
{
    if (dict != Py_None && !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError,
                     "%s item of state should be a dict, got a %.200s",
                     which, Py_TYPE(dict)->tp_name);
        return -1;
    }
    return 0;
}

/* Merge a checked state dict (or None) into the instance dict *slot,
   creating it when missing.  The caller holds the object's critical
   section. */
static inline int
_PyMemIO_MergeStateDict(PyObject **slot, PyObject *dict)
{
    if (dict == Py_None) {
        return 0;
    }
    if (*slot == NULL) {
        *slot = PyDict_Copy(dict);
        return *slot == NULL ? -1 : 0;
    }
    return PyDict_Update(*slot, dict);
}

#endif /* WEFT_IO_MEMIO_COMMON_H */
