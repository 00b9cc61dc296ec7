/* The _gdbm module: GNU dbm databases (dbm.gnu) on the system libgdbm.

   Thread safety: a GDBM_FILE handle is not safe for concurrent use, so
   every use of an object's handle happens with its `mutex` held (in both
   builds), the library call running detached; the handle is closed and
   cleared under the same mutex, so no call sees a freed handle
   (dbm_common.c, which also creates the error class once). */
#include "Python.h"
#include "pycore_pystate.h"       /* _PyMutex_LockDetached */

#ifdef HAVE_LIBGDBM

#include "dbm_common.h"

#include <errno.h>
#include <fcntl.h>
#include <gdbm.h>
#include <stdlib.h>

static PyObject *GdbmError;    /* created once by _PyDbm_AddError */

/* The handle is a GDBM_FILE. */
typedef _PyDbmObject GdbmObject;

static PyTypeObject Gdbm_Type;

/* Raise the error of the last failed gdbm call (errno when it was a
   system error). */
static void set_gdbm_error(const char *filename)
{
    int code = gdbm_errno;
    if (gdbm_syserr[code] && errno != 0) {
        if (filename != NULL) {
            PyErr_SetFromErrnoWithFilename(GdbmError, filename);
        }
        else {
            PyErr_SetFromErrno(GdbmError);
        }
        return;
    }
    PyErr_SetString(GdbmError, gdbm_strerror(code));
}

static const _PyDbmKind gdbm_kind;

static GDBM_FILE lock_open(GdbmObject *g)
{
    return _PyDbm_LockOpen(g);
}

static int get_datum(PyObject *obj, datum *d, Py_buffer *view,
                     const char *what)
{
    const char *ptr;
    if (_PyDbm_GetBytes(&gdbm_kind, obj, &ptr, &d->dsize, view, what) < 0) {
        return -1;
    }
    d->dptr = (char *)ptr;
    return 0;
}

/* Bytes from a datum libgdbm allocated, which is freed here. */
static PyObject *take_datum(datum d)
{
    PyObject *result = PyBytes_FromStringAndSize(d.dptr, d.dsize);
    free(d.dptr);
    return result;
}

/* ---- mapping ------------------------------------------------------------ */

/* db[key] or NULL: with KeyError set unless `quiet_missing`, in which
   case no exception is set for a missing key. */
static PyObject *fetch(PyObject *op, PyObject *key, int quiet_missing)
{
    GdbmObject *g = (GdbmObject *)op;
    datum k;
    Py_buffer view;
    if (get_datum(key, &k, &view, "key") < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    GDBM_FILE dbf = lock_open(g);
    if (dbf != NULL) {
        datum v;
        Py_BEGIN_ALLOW_THREADS
        v = gdbm_fetch(dbf, k);
        Py_END_ALLOW_THREADS
        PyMutex_Unlock(&g->mutex);
        if (v.dptr != NULL) {
            result = take_datum(v);
        }
        else if (!quiet_missing) {
            PyErr_SetObject(PyExc_KeyError, key);
        }
    }
    _PyDbm_ReleaseBytes(&view);
    return result;
}

static PyObject *gdbm_subscript(PyObject *op, PyObject *key)
{
    return fetch(op, key, 0);
}

static int gdbm_ass_sub(PyObject *op, PyObject *key, PyObject *value)
{
    GdbmObject *g = (GdbmObject *)op;
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
    GDBM_FILE dbf = lock_open(g);
    if (dbf != NULL) {
        int ret;
        Py_BEGIN_ALLOW_THREADS
        ret = value == NULL ? gdbm_delete(dbf, k)
                            : gdbm_store(dbf, k, v, GDBM_REPLACE);
        Py_END_ALLOW_THREADS
        int code = gdbm_errno;
        PyMutex_Unlock(&g->mutex);
        if (ret == 0) {
            status = 0;
        }
        else if (value == NULL && code == GDBM_ITEM_NOT_FOUND) {
            PyErr_SetObject(PyExc_KeyError, key);
        }
        else {
            set_gdbm_error(NULL);
        }
    }
    _PyDbm_ReleaseBytes(&kview);
    _PyDbm_ReleaseBytes(&vview);
    return status;
}

static int gdbm_contains(PyObject *op, PyObject *key)
{
    GdbmObject *g = (GdbmObject *)op;
    datum k;
    Py_buffer view;
    if (get_datum(key, &k, &view, "key") < 0) {
        return -1;
    }
    int found = -1;
    GDBM_FILE dbf = lock_open(g);
    if (dbf != NULL) {
        Py_BEGIN_ALLOW_THREADS
        found = gdbm_exists(dbf, k) ? 1 : 0;
        Py_END_ALLOW_THREADS
        PyMutex_Unlock(&g->mutex);
    }
    _PyDbm_ReleaseBytes(&view);
    return found;
}

static Py_ssize_t gdbm_length(PyObject *op)
{
    GdbmObject *g = (GdbmObject *)op;
    GDBM_FILE dbf = lock_open(g);
    if (dbf == NULL) {
        return -1;
    }
    gdbm_count_t count;
    int ret;
    Py_BEGIN_ALLOW_THREADS
    ret = gdbm_count(dbf, &count);
    Py_END_ALLOW_THREADS
    PyMutex_Unlock(&g->mutex);
    if (ret < 0) {
        set_gdbm_error(NULL);
        return -1;
    }
    if (count > (gdbm_count_t)PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "count exceeds PY_SSIZE_T_MAX");
        return -1;
    }
    return (Py_ssize_t)count;
}

/* ---- methods ------------------------------------------------------------ */

/* The first key (prev == NULL) or the one after *prev; dptr is NULL at
   the end.  Handle locked by the caller. */
static datum next_key(GDBM_FILE dbf, const datum *prev)
{
    datum k;
    Py_BEGIN_ALLOW_THREADS
    k = prev == NULL ? gdbm_firstkey(dbf) : gdbm_nextkey(dbf, *prev);
    Py_END_ALLOW_THREADS
    return k;
}

static PyObject *gdbm_keys(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    GdbmObject *g = (GdbmObject *)op;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    GDBM_FILE dbf = lock_open(g);
    if (dbf == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    datum k = next_key(dbf, NULL);
    while (k.dptr != NULL) {
        PyObject *item = PyBytes_FromStringAndSize(k.dptr, k.dsize);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            free(k.dptr);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(item);
        datum next = next_key(dbf, &k);
        free(k.dptr);
        k = next;
    }
    PyMutex_Unlock(&g->mutex);
    return list;
}

static PyObject *gdbmobj_firstkey(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    GdbmObject *g = (GdbmObject *)op;
    GDBM_FILE dbf = lock_open(g);
    if (dbf == NULL) {
        return NULL;
    }
    datum k = next_key(dbf, NULL);
    PyMutex_Unlock(&g->mutex);
    if (k.dptr == NULL) {
        Py_RETURN_NONE;
    }
    return take_datum(k);
}

static PyObject *gdbmobj_nextkey(PyObject *op, PyObject *arg)
{
    GdbmObject *g = (GdbmObject *)op;
    datum prev;
    Py_buffer view;
    if (get_datum(arg, &prev, &view, "key") < 0) {
        return NULL;
    }
    GDBM_FILE dbf = lock_open(g);
    if (dbf == NULL) {
        _PyDbm_ReleaseBytes(&view);
        return NULL;
    }
    datum k = next_key(dbf, &prev);
    PyMutex_Unlock(&g->mutex);
    _PyDbm_ReleaseBytes(&view);
    if (k.dptr == NULL) {
        Py_RETURN_NONE;
    }
    return take_datum(k);
}

/* Run a whole-database operation (reorganize, sync). */
static PyObject *run_op(GdbmObject *g, int (*op)(GDBM_FILE))
{
    GDBM_FILE dbf = lock_open(g);
    if (dbf == NULL) {
        return NULL;
    }
    int ret;
    Py_BEGIN_ALLOW_THREADS
    ret = op(dbf);
    Py_END_ALLOW_THREADS
    PyMutex_Unlock(&g->mutex);
    if (ret < 0) {
        set_gdbm_error(NULL);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *gdbm_reorganize_method(PyObject *op, PyObject *Py_UNUSED(x))
{
    return run_op((GdbmObject *)op, gdbm_reorganize);
}

static PyObject *gdbm_sync_method(PyObject *op, PyObject *Py_UNUSED(x))
{
    return run_op((GdbmObject *)op, gdbm_sync);
}

static void close_gdbm(void *handle)
{
    gdbm_close(handle);
}

static const _PyDbmKind gdbm_kind = {
    .name = "gdbm",
    .closed_message = "GDBM object has already been closed",
    .error = &GdbmError,
    .fetch = fetch,
    .store = gdbm_ass_sub,
    .keys = gdbm_keys,
    .close = close_gdbm,
};

static PyMethodDef gdbm_methods[] = {
    _PyDbm_METHODS,
    {"firstkey", gdbmobj_firstkey, METH_NOARGS,
     "firstkey($self, /)\n--\n\nReturn the first key of a walk over the "
     "database, or None."},
    {"nextkey", gdbmobj_nextkey, METH_O,
     "nextkey($self, key, /)\n--\n\nReturn the key after key in the walk, "
     "or None at the end."},
    {"reorganize", gdbm_reorganize_method, METH_NOARGS,
     "reorganize($self, /)\n--\n\nShrink the file after many deletions."},
    {"sync", gdbm_sync_method, METH_NOARGS,
     "sync($self, /)\n--\n\nWrite unwritten data to the disk."},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods gdbm_as_mapping = {
    .mp_length = gdbm_length,
    .mp_subscript = gdbm_subscript,
    .mp_ass_subscript = gdbm_ass_sub,
};

static PySequenceMethods gdbm_as_sequence = {
    .sq_contains = gdbm_contains,
};

static PyTypeObject Gdbm_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_gdbm.gdbm",
    .tp_basicsize = sizeof(GdbmObject),
    .tp_dealloc = _PyDbm_Dealloc,
    .tp_as_sequence = &gdbm_as_sequence,
    .tp_as_mapping = &gdbm_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "An open GNU dbm database.",
    .tp_methods = gdbm_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_Free,
};

/* ---- module ------------------------------------------------------------- */

/* Translate open()'s flag string into gdbm_open flags; -1 on error. */
static int parse_flags(const char *flag)
{
    int flags;
    switch (flag[0]) {
    case 'r': flags = GDBM_READER; break;
    case 'w': flags = GDBM_WRITER; break;
    case 'c': flags = GDBM_WRCREAT; break;
    case 'n': flags = GDBM_NEWDB; break;
    default:
        PyErr_SetString(GdbmError,
                        "First flag must be one of 'r', 'w', 'c' or 'n'");
        return -1;
    }
    for (const char *p = flag + 1; *p != '\0'; p++) {
        switch (*p) {
        case 'f': flags |= GDBM_FAST; break;
        case 's': flags |= GDBM_SYNC; break;
        case 'u': flags |= GDBM_NOLOCK; break;
        default:
            PyErr_Format(GdbmError, "Flag '%c' is not supported.", *p);
            return -1;
        }
    }
    return flags;
}

static PyObject *gdbm_open_function(PyObject *module, PyObject *args)
{
    PyObject *path;
    const char *flag = "r";
    int mode = 0666;
    if (!PyArg_ParseTuple(args, "O&|si:open", PyUnicode_FSConverter, &path,
                          &flag, &mode)) {
        return NULL;
    }
    PyObject *result = NULL;
    int flags = parse_flags(flag);
    if (flags < 0) {
        goto done;
    }
    GdbmObject *g = PyObject_New(GdbmObject, &Gdbm_Type);
    if (g == NULL) {
        goto done;
    }
    g->mutex = (PyMutex){0};
    g->kind = &gdbm_kind;
    const char *name = PyBytes_AS_STRING(path);
    errno = 0;
    GDBM_FILE dbf;
    Py_BEGIN_ALLOW_THREADS
    dbf = gdbm_open(name, 0, flags, mode, NULL);
    Py_END_ALLOW_THREADS
    g->handle = dbf;
    if (dbf == NULL) {
        set_gdbm_error(name);
        Py_DECREF(g);
        goto done;
    }
    result = (PyObject *)g;
done:
    Py_DECREF(path);
    return result;
}

static PyMethodDef gdbm_functions[] = {
    {"open", gdbm_open_function, METH_VARARGS,
     "open($module, filename, flag='r', mode=0o666, /)\n--\n\n"
     "Open a GNU dbm database.  flag is 'r', 'w', 'c' or 'n', followed\n"
     "by any of 'f' (fast), 's' (synchronized) and 'u' (no locking)."},
    {NULL, NULL, 0, NULL},
};

static int gdbm_exec(PyObject *module)
{
    if (PyType_Ready(&Gdbm_Type) < 0
        || _PyDbm_AddError(module, &GdbmError, "_gdbm.error") < 0
        || PyModule_AddStringConstant(module, "open_flags", "rwcnfsu") < 0) {
        return -1;
    }
    PyObject *version = Py_BuildValue("(iii)", GDBM_VERSION_MAJOR,
                                      GDBM_VERSION_MINOR,
                                      GDBM_VERSION_PATCH);
    return PyModule_Add(module, "_GDBM_VERSION", version);
}

static PyModuleDef_Slot gdbm_slots[] = {
    {Py_mod_exec, gdbm_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef gdbm_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_gdbm",
    .m_doc = "GNU dbm databases on the system libgdbm.",
    .m_size = 0,
    .m_methods = gdbm_functions,
    .m_slots = gdbm_slots,
};

PyMODINIT_FUNC
PyInit__gdbm(void)
{
    return PyModuleDef_Init(&gdbm_module);
}

#endif /* HAVE_LIBGDBM */
