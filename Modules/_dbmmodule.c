/* The _dbm module: ndbm-interface databases (dbm.ndbm) on gdbm's ndbm
   compatibility library (libgdbm_compat).

   Thread safety: a DBM handle is not safe for concurrent use, and the
   datums ndbm returns point into the handle's own storage until the
   next call, so every use of the handle, including copying a returned
   datum, happens with the object's `mutex` held (in both builds).  The
   handle is closed and cleared under the same mutex (dbm_common.c, which
   also creates the error class once). */
#include "Python.h"
#include "pycore_pystate.h"       /* _PyMutex_LockDetached */

#ifdef HAVE_LIBNDBM

#include "dbm_common.h"

#include <errno.h>
#include <fcntl.h>
#include <gdbm-ndbm.h>
#include <string.h>

static PyObject *DbmError;     /* created once by _PyDbm_AddError */

/* The handle is a DBM *. */
typedef struct {
    _PyDbmObject base;
    int readonly;
} DbmObject;

static PyTypeObject Dbm_Type;

static int get_datum(PyObject *obj, datum *dt, Py_buffer *view,
                     const char *what);

/* db[key]; NULL with KeyError set unless `quiet_missing` (then no
   exception for a missing key). */
static PyObject *fetch(PyObject *op, PyObject *key, int quiet_missing)
{
    DbmObject *d = (DbmObject *)op;
    datum k;
    Py_buffer view;
    if (get_datum(key, &k, &view, "key") < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    DBM *db = _PyDbm_LockOpen(&d->base);
    if (db != NULL) {
        datum v = dbm_fetch(db, k);
        if (v.dptr != NULL) {
            result = PyBytes_FromStringAndSize(v.dptr, v.dsize);
        }
        else if (!quiet_missing) {
            PyErr_SetObject(PyExc_KeyError, key);
        }
        PyMutex_Unlock(&d->base.mutex);
    }
    _PyDbm_ReleaseBytes(&view);
    return result;
}

static PyObject *dbm_subscript(PyObject *op, PyObject *key)
{
    return fetch(op, key, 0);
}

static int dbm_ass_sub(PyObject *op, PyObject *key, PyObject *value)
{
    DbmObject *d = (DbmObject *)op;
    datum k, v;
    Py_buffer kview, vview;
    if (get_datum(key, &k, &kview, "key") < 0) {
        return -1;
    }
    vview.obj = NULL;
    if (value != NULL && get_datum(value, &v, &vview, "value") < 0) {
        _PyDbm_ReleaseBytes(&kview);
        return -1;
    }
    int status = -1;
    DBM *db = _PyDbm_LockOpen(&d->base);
    if (db != NULL) {
        errno = 0;
        int ret = value == NULL ? dbm_delete(db, k)
                                : dbm_store(db, k, v, DBM_REPLACE);
        int saved_errno = errno;
        if (ret >= 0) {
            status = 0;
        }
        dbm_clearerr(db);
        PyMutex_Unlock(&d->base.mutex);
        if (status == 0) {
            /* stored or deleted */
        }
        else if (value == NULL && !d->readonly) {
            PyErr_SetObject(PyExc_KeyError, key);
        }
        else if (saved_errno != 0) {
            errno = saved_errno;
            PyErr_SetFromErrno(DbmError);
        }
        else {
            PyErr_SetString(DbmError, value == NULL
                            ? "cannot delete item from database"
                            : "cannot add item to database");
        }
    }
    _PyDbm_ReleaseBytes(&kview);
    _PyDbm_ReleaseBytes(&vview);
    return status;
}

static int dbm_contains(PyObject *op, PyObject *key)
{
    PyObject *v = fetch(op, key, 1);
    if (v == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    Py_DECREF(v);
    return 1;
}

/* All keys as a list of bytes. */
static PyObject *dbm_keys(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    DbmObject *d = (DbmObject *)op;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    DBM *db = _PyDbm_LockOpen(&d->base);
    if (db == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    for (datum k = dbm_firstkey(db); k.dptr != NULL; k = dbm_nextkey(db)) {
        PyObject *item = PyBytes_FromStringAndSize(k.dptr, k.dsize);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(item);
    }
    PyMutex_Unlock(&d->base.mutex);
    return list;
}

static Py_ssize_t dbm_length(PyObject *op)
{
    PyObject *keys = dbm_keys(op, NULL);
    if (keys == NULL) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(keys);
    Py_DECREF(keys);
    return n;
}

static void close_dbm(void *handle)
{
    dbm_close(handle);
}

static const _PyDbmKind dbm_kind = {
    .name = "dbm",
    .closed_message = "DBM object has already been closed",
    .error = &DbmError,
    .fetch = fetch,
    .store = dbm_ass_sub,
    .keys = dbm_keys,
    .close = close_dbm,
};

static int get_datum(PyObject *obj, datum *dt, Py_buffer *view,
                     const char *what)
{
    const char *ptr;
    if (_PyDbm_GetBytes(&dbm_kind, obj, &ptr, &dt->dsize, view, what) < 0) {
        return -1;
    }
    dt->dptr = (char *)ptr;
    return 0;
}

static PyMethodDef dbm_methods[] = {
    _PyDbm_METHODS,
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods dbm_as_mapping = {
    .mp_length = dbm_length,
    .mp_subscript = dbm_subscript,
    .mp_ass_subscript = dbm_ass_sub,
};

static PySequenceMethods dbm_as_sequence = {
    .sq_contains = dbm_contains,
};

static PyTypeObject Dbm_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_dbm.dbm",
    .tp_basicsize = sizeof(DbmObject),
    .tp_dealloc = _PyDbm_Dealloc,
    .tp_as_sequence = &dbm_as_sequence,
    .tp_as_mapping = &dbm_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "An open ndbm database.",
    .tp_methods = dbm_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

static PyObject *dbm_open_function(PyObject *module, PyObject *args)
{
    PyObject *path;
    const char *flag = "r";
    int mode = 0666;
    if (!PyArg_ParseTuple(args, "O&|si:open", PyUnicode_FSConverter, &path,
                          &flag, &mode)) {
        return NULL;
    }
    int flags;
    if (strcmp(flag, "r") == 0) {
        flags = O_RDONLY;
    }
    else if (strcmp(flag, "w") == 0 || strcmp(flag, "rw") == 0) {
        /* "rw" is the historical spelling of "w", still accepted. */
        flags = O_RDWR;
    }
    else if (strcmp(flag, "c") == 0) {
        flags = O_RDWR | O_CREAT;
    }
    else if (strcmp(flag, "n") == 0) {
        flags = O_RDWR | O_CREAT | O_TRUNC;
    }
    else {
        Py_DECREF(path);
        PyErr_SetString(DbmError,
                        "arg 2 to open should be 'r', 'w', 'c', or 'n'");
        return NULL;
    }
    DbmObject *d = PyObject_New(DbmObject, &Dbm_Type);
    if (d == NULL) {
        Py_DECREF(path);
        return NULL;
    }
    d->base.mutex = (PyMutex){0};
    d->base.kind = &dbm_kind;
    d->readonly = flags == O_RDONLY;
    const char *name = PyBytes_AS_STRING(path);
    errno = 0;
    DBM *db;
    Py_BEGIN_ALLOW_THREADS
    db = dbm_open((char *)name, flags, mode);
    Py_END_ALLOW_THREADS
    d->base.handle = db;
    if (db == NULL) {
        if (errno == 0) {
            errno = ENOENT;
        }
        PyErr_SetFromErrnoWithFilename(DbmError, name);
        Py_DECREF(d);
        Py_DECREF(path);
        return NULL;
    }
    Py_DECREF(path);
    return (PyObject *)d;
}

static PyMethodDef dbm_functions[] = {
    {"open", dbm_open_function, METH_VARARGS,
     "open($module, filename, flag='r', mode=0o666, /)\n--\n\n"
     "Open an ndbm database; flag is 'r', 'w', 'c' or 'n'."},
    {NULL, NULL, 0, NULL},
};

static int dbm_exec(PyObject *module)
{
    if (PyType_Ready(&Dbm_Type) < 0
        || _PyDbm_AddError(module, &DbmError, "_dbm.error") < 0
        || PyModule_AddStringConstant(module, "library", "GNU gdbm") < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot dbm_slots[] = {
    {Py_mod_exec, dbm_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef dbm_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_dbm",
    .m_doc = "ndbm databases on gdbm's compatibility library.",
    .m_size = 0,
    .m_methods = dbm_functions,
    .m_slots = dbm_slots,
};

PyMODINIT_FUNC
PyInit__dbm(void)
{
    return PyModuleDef_Init(&dbm_module);
}

#endif /* HAVE_LIBNDBM */
