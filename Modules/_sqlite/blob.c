/* sqlite3.Blob: incremental I/O on one BLOB value, file-like (read, write,
   seek, tell) and indexable like a bytearray of fixed length.

   Thread safety: the sqlite3_blob handle and the offset are used only
   with the connection's lock held (module.h); Connection.close() closes
   open blobs under the same lock. */
#include "module.h"

#ifdef HAVE_LIBSQLITE3

#include <string.h>

/* Lock the connection and check the blob is usable; blob_leave() after. */
static int blob_enter(BlobObject *self)
{
    if (self->connection == NULL) {
        /* Only after the garbage collector cleared a cycle. */
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Cannot operate on a closed blob.");
        return -1;
    }
    if (pysqlite_connection_enter(self->connection) < 0) {
        return -1;
    }
    if (self->blob == NULL) {
        pysqlite_connection_leave(self->connection);
        PyErr_SetString(pysqlite_ProgrammingError,
                        "Cannot operate on a closed blob.");
        return -1;
    }
    return 0;
}

static void blob_leave(BlobObject *self)
{
    pysqlite_connection_leave(self->connection);
}

/* Read n bytes at `offset` into a new bytes object.  Entered. */
static PyObject *read_at(BlobObject *self, int offset, int n)
{
    PyObject *buf = PyBytes_FromStringAndSize(NULL, n);
    if (buf == NULL) {
        return NULL;
    }
    int rc;
    char *dst = PyBytes_AS_STRING(buf);
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_blob_read(self->blob, dst, n, offset);
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_OK) {
        Py_DECREF(buf);
        pysqlite_set_error(self->connection->db);
        return NULL;
    }
    return buf;
}

static int write_at(BlobObject *self, const void *data, int n, int offset)
{
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_blob_write(self->blob, data, n, offset);
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_OK) {
        pysqlite_set_error(self->connection->db);
        return -1;
    }
    return 0;
}

static PyObject *blob_read(PyObject *op, PyObject *args)
{
    BlobObject *self = (BlobObject *)op;
    int length = -1;
    if (!PyArg_ParseTuple(args, "|i:read", &length)
        || blob_enter(self) < 0) {
        return NULL;
    }
    int remaining = sqlite3_blob_bytes(self->blob) - self->offset;
    if (length < 0 || length > remaining) {
        length = remaining;
    }
    PyObject *res = read_at(self, self->offset, length);
    if (res != NULL) {
        self->offset += length;
    }
    blob_leave(self);
    return res;
}

static PyObject *blob_write(PyObject *op, PyObject *arg)
{
    BlobObject *self = (BlobObject *)op;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (blob_enter(self) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    int rc = -1;
    int remaining = sqlite3_blob_bytes(self->blob) - self->offset;
    if (view.len > remaining) {
        PyErr_SetString(PyExc_ValueError, "data longer than blob length");
    }
    else if (write_at(self, view.buf, (int)view.len, self->offset) == 0) {
        self->offset += (int)view.len;
        rc = 0;
    }
    blob_leave(self);
    PyBuffer_Release(&view);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *blob_seek(PyObject *op, PyObject *args)
{
    BlobObject *self = (BlobObject *)op;
    int offset, origin = 0;
    if (!PyArg_ParseTuple(args, "i|i:seek", &offset, &origin)
        || blob_enter(self) < 0) {
        return NULL;
    }
    int length = sqlite3_blob_bytes(self->blob);
    long long target;
    switch (origin) {
    case 0:
        target = offset;
        break;
    case 1:
        target = (long long)self->offset + offset;
        break;
    case 2:
        target = (long long)length + offset;
        break;
    default:
        blob_leave(self);
        PyErr_SetString(PyExc_ValueError,
                        "'origin' should be os.SEEK_SET, os.SEEK_CUR, or "
                        "os.SEEK_END");
        return NULL;
    }
    if (target > INT_MAX) {
        blob_leave(self);
        PyErr_SetString(PyExc_OverflowError,
                        "seek offset results in overflow");
        return NULL;
    }
    if (target < 0 || target > length) {
        blob_leave(self);
        PyErr_SetString(PyExc_ValueError, "offset out of blob range");
        return NULL;
    }
    self->offset = (int)target;
    blob_leave(self);
    Py_RETURN_NONE;
}

static PyObject *blob_tell(PyObject *op, PyObject *Py_UNUSED(a))
{
    BlobObject *self = (BlobObject *)op;
    if (blob_enter(self) < 0) {
        return NULL;
    }
    int offset = self->offset;
    blob_leave(self);
    return PyLong_FromLong(offset);
}

static PyObject *blob_close(PyObject *op, PyObject *Py_UNUSED(a))
{
    BlobObject *self = (BlobObject *)op;
    if (self->connection == NULL) {
        Py_RETURN_NONE;
    }
    if (pysqlite_connection_enter(self->connection) < 0) {
        return NULL;
    }
    if (self->blob != NULL) {
        sqlite3_blob_close(self->blob);
        self->blob = NULL;
    }
    pysqlite_connection_leave(self->connection);
    Py_RETURN_NONE;
}

static PyObject *blob_enter_cm(PyObject *op, PyObject *Py_UNUSED(a))
{
    BlobObject *self = (BlobObject *)op;
    if (blob_enter(self) < 0) {
        return NULL;
    }
    blob_leave(self);
    return Py_NewRef(op);
}

static PyObject *blob_exit_cm(PyObject *op, PyObject *args)
{
    /* Like every other method, __exit__ on a closed blob is an error (as
       in CPython); close() alone may be repeated.  The exception triple
       is taken (and checked) but not used. */
    PyObject *type, *val, *tb;
    if (!PyArg_UnpackTuple(args, "__exit__", 3, 3, &type, &val, &tb)) {
        return NULL;
    }
    PyObject *entered = blob_enter_cm(op, NULL);
    if (entered == NULL) {
        return NULL;
    }
    Py_DECREF(entered);
    PyObject *res = blob_close(op, NULL);
    if (res == NULL) {
        return NULL;
    }
    Py_DECREF(res);
    Py_RETURN_FALSE;
}

/* ---- mapping protocol --------------------------------------------------- */

static Py_ssize_t blob_length(PyObject *op)
{
    BlobObject *self = (BlobObject *)op;
    if (blob_enter(self) < 0) {
        return -1;
    }
    int length = sqlite3_blob_bytes(self->blob);
    blob_leave(self);
    return length;
}

/* Normalise a (possibly negative) index against `length`. */
static int blob_index(PyObject *item, int length, int *index)
{
    Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (i < 0) {
        i += length;
    }
    if (i < 0 || i >= length) {
        PyErr_SetString(PyExc_IndexError, "Blob index out of range");
        return -1;
    }
    *index = (int)i;
    return 0;
}

static PyObject *subscript_locked(BlobObject *self, PyObject *item)
{
    int length = sqlite3_blob_bytes(self->blob);
    if (PyIndex_Check(item)) {
        int i;
        if (blob_index(item, length, &i) < 0) {
            return NULL;
        }
        unsigned char byte;
        PyObject *one = read_at(self, i, 1);
        if (one == NULL) {
            return NULL;
        }
        byte = (unsigned char)PyBytes_AS_STRING(one)[0];
        Py_DECREF(one);
        return PyLong_FromLong(byte);
    }
    if (!PySlice_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "Blob indices must be integers");
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
        return NULL;
    }
    Py_ssize_t count = PySlice_AdjustIndices(length, &start, &stop, step);
    if (count <= 0) {
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    if (step == 1) {
        return read_at(self, (int)start, (int)count);
    }
    PyObject *all = read_at(self, 0, length);
    if (all == NULL) {
        return NULL;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, count);
    if (res != NULL) {
        const char *src = PyBytes_AS_STRING(all);
        char *dst = PyBytes_AS_STRING(res);
        for (Py_ssize_t k = 0, i = start; k < count; k++, i += step) {
            dst[k] = src[i];
        }
    }
    Py_DECREF(all);
    return res;
}

static PyObject *blob_subscript(PyObject *op, PyObject *item)
{
    BlobObject *self = (BlobObject *)op;
    if (blob_enter(self) < 0) {
        return NULL;
    }
    PyObject *res = subscript_locked(self, item);
    blob_leave(self);
    return res;
}

static int assign_index(BlobObject *self, PyObject *item, PyObject *value,
                        int length)
{
    int i;
    if (blob_index(item, length, &i) < 0) {
        return -1;
    }
    int overflow;
    long v = PyLong_AsLongAndOverflow(value, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    /* An int beyond C long is out of range too (ValueError, as in
       CPython, not OverflowError). */
    if (overflow || v < 0 || v > 255) {
        PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    unsigned char byte = (unsigned char)v;
    return write_at(self, &byte, 1, i);
}

static int assign_slice(BlobObject *self, PyObject *item, PyObject *value,
                        int length)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
        return -1;
    }
    Py_ssize_t count = PySlice_AdjustIndices(length, &start, &stop, step);
    Py_buffer view;
    if (PyObject_GetBuffer(value, &view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    int rc = -1;
    if (view.len != count) {
        PyErr_SetString(PyExc_IndexError,
                        "Blob slice assignment is wrong size");
    }
    else if (count == 0) {
        rc = 0;
    }
    else if (step == 1) {
        rc = write_at(self, view.buf, (int)count, (int)start);
    }
    else {
        PyObject *all = read_at(self, 0, length);
        if (all != NULL) {
            char *buf = PyBytes_AS_STRING(all);
            const char *src = view.buf;
            for (Py_ssize_t k = 0, i = start; k < count; k++, i += step) {
                buf[i] = src[k];
            }
            rc = write_at(self, buf, length, 0);
            Py_DECREF(all);
        }
    }
    PyBuffer_Release(&view);
    return rc;
}

static int blob_ass_subscript(PyObject *op, PyObject *item, PyObject *value)
{
    BlobObject *self = (BlobObject *)op;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "Blob doesn't support item deletion");
        return -1;
    }
    if (!PyIndex_Check(item) && !PySlice_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "Blob indices must be integers");
        return -1;
    }
    if (blob_enter(self) < 0) {
        return -1;
    }
    int length = sqlite3_blob_bytes(self->blob);
    int rc = PyIndex_Check(item) ? assign_index(self, item, value, length)
                                 : assign_slice(self, item, value, length);
    blob_leave(self);
    return rc;
}

/* ---- life cycle --------------------------------------------------------- */

static int blob_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((BlobObject *)op)->connection);
    return 0;
}

static int blob_clear(PyObject *op)
{
    BlobObject *self = (BlobObject *)op;
    if (self->blob != NULL) {
        /* sqlite3_blob_close takes the database mutex itself. */
        sqlite3_blob_close(self->blob);
        self->blob = NULL;
    }
    Py_CLEAR(self->connection);
    return 0;
}

static void blob_dealloc(PyObject *op)
{
    BlobObject *self = (BlobObject *)op;
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    blob_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static PyMethodDef blob_methods[] = {
    {"read", blob_read, METH_VARARGS,
     "read($self, length=-1, /)\n--\n\n"
     "Read up to length bytes from the current offset."},
    {"write", blob_write, METH_O,
     "write($self, data, /)\n--\n\nWrite data at the current offset."},
    {"seek", blob_seek, METH_VARARGS,
     "seek($self, offset, origin=0, /)\n--\n\nSet the current offset."},
    {"tell", blob_tell, METH_NOARGS,
     "tell($self, /)\n--\n\nReturn the current offset."},
    {"close", blob_close, METH_NOARGS,
     "close($self, /)\n--\n\nClose the blob."},
    {"__enter__", blob_enter_cm, METH_NOARGS, "__enter__($self, /)\n--\n\n"},
    {"__exit__", blob_exit_cm, METH_VARARGS,
     "__exit__($self, type, val, tb, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods blob_as_mapping = {
    .mp_length = blob_length,
    .mp_subscript = blob_subscript,
    .mp_ass_subscript = blob_ass_subscript,
};

static PySequenceMethods blob_as_sequence = {
    .sq_length = blob_length,
};

PyTypeObject pysqlite_BlobType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.Blob",
    .tp_basicsize = sizeof(BlobObject),
    .tp_dealloc = blob_dealloc,
    .tp_as_sequence = &blob_as_sequence,
    .tp_as_mapping = &blob_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "An open BLOB, from Connection.blobopen().",
    .tp_traverse = blob_traverse,
    .tp_clear = blob_clear,
    .tp_weaklistoffset = offsetof(BlobObject, weakreflist),
    .tp_methods = blob_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

#endif /* HAVE_LIBSQLITE3 */
