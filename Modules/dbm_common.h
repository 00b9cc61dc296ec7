/* What the database objects of _dbm (ndbm) and _gdbm have in common: the
   object head, turning keys and values into byte strings, the closed
   check, and the methods that are the same over either library (get,
   setdefault, clear, close, the context manager).  Each module supplies
   the library calls through a _PyDbmKind.

   Thread safety: a library handle is not safe for concurrent use, so
   every use of `handle` happens with the object's `mutex` held (in both
   builds); closing clears it under the same mutex. */
#ifndef WEFT_DBM_COMMON_H
#define WEFT_DBM_COMMON_H

#include "Python.h"
#include "pycore_lock.h"

typedef struct {
    const char *name;           /* "dbm" or "gdbm", for messages */
    const char *closed_message; /* when the object is used after close() */
    PyObject **error;           /* the module's error class */
    /* db[key]; NULL with KeyError set unless quiet_missing (then no
       exception for a missing key). */
    PyObject *(*fetch)(PyObject *op, PyObject *key, int quiet_missing);
    int (*store)(PyObject *op, PyObject *key, PyObject *value);
    PyObject *(*keys)(PyObject *op, PyObject *unused);
    void (*close)(void *handle);
} _PyDbmKind;

typedef struct {
    PyObject_HEAD
    PyMutex mutex;              /* guards `handle` */
    void *handle;               /* NULL once closed */
    const _PyDbmKind *kind;
} _PyDbmObject;

/* The bytes of a str (UTF-8) or bytes-like key or value (`what`); the
   caller passes *view to _PyDbm_ReleaseBytes after the call.  0, or -1
   with an exception set (nothing to release). */
int _PyDbm_GetBytes(const _PyDbmKind *kind, PyObject *obj,
                    const char **ptr, int *size, Py_buffer *view,
                    const char *what);
void _PyDbm_ReleaseBytes(Py_buffer *view);

/* Lock the object and return its handle; NULL (unlocked, error set)
   once closed. */
void *_PyDbm_LockOpen(_PyDbmObject *d);

/* Methods shared by both database types. */
PyObject *_PyDbm_Keys(PyObject *op, PyObject *unused);
PyObject *_PyDbm_Get(PyObject *op, PyObject *const *args, Py_ssize_t nargs);
PyObject *_PyDbm_SetDefault(PyObject *op, PyObject *const *args,
                            Py_ssize_t nargs);
PyObject *_PyDbm_Clear(PyObject *op, PyObject *unused);
PyObject *_PyDbm_CloseMethod(PyObject *op, PyObject *unused);
PyObject *_PyDbm_Enter(PyObject *op, PyObject *unused);
PyObject *_PyDbm_Exit(PyObject *op, PyObject *args);
void _PyDbm_Dealloc(PyObject *op);

/* The method table entries both database types have; each module's
   kind supplies `keys`. */
#define _PyDbm_METHODS                                                   \
    {"close", _PyDbm_CloseMethod, METH_NOARGS,                           \
     "close($self, /)\n--\n\nClose the database."},                      \
    {"keys", _PyDbm_Keys, METH_NOARGS,                                   \
     "keys($self, /)\n--\n\nReturn a list of all keys in the database."},\
    {"get", _PyCFunction_CAST(_PyDbm_Get), METH_FASTCALL,                \
     "get($self, key, default=None, /)\n--\n\n"                          \
     "Return db[key], or default when key is missing."},                 \
    {"setdefault", _PyCFunction_CAST(_PyDbm_SetDefault), METH_FASTCALL,  \
     "setdefault($self, key, default=None, /)\n--\n\n"                   \
     "Return db[key], storing default first when key is missing."},      \
    {"clear", _PyDbm_Clear, METH_NOARGS,                                 \
     "clear($self, /)\n--\n\nRemove all items from the database."},      \
    {"__enter__", _PyDbm_Enter, METH_NOARGS, NULL},                      \
    {"__exit__", _PyDbm_Exit, METH_VARARGS, NULL}

/* Create the module's error class once (under a lock shared by both
   modules) and add it as `error`.  0, or -1 with an exception set. */
int _PyDbm_AddError(PyObject *module, PyObject **error, const char *name);

#endif /* WEFT_DBM_COMMON_H */
