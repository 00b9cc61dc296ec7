/* sqlite3.Row: a tuple of column values also indexable by column name
   (case-insensitively).  Immutable once made, so safe to share between
   threads without locking. */
#include "module.h"

#ifdef HAVE_LIBSQLITE3

static PyObject *row_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *cursor, *data;
    if (type == &pysqlite_RowType && !_PyArg_NoKeywords("Row", kwds)) {
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "O!O!:Row", &pysqlite_CursorType, &cursor,
                          &PyTuple_Type, &data)) {
        return NULL;
    }
    PyObject *description = PyObject_GetAttrString(cursor, "description");
    if (description == NULL) {
        return NULL;
    }
    RowObject *self = (RowObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(description);
        return NULL;
    }
    self->data = Py_NewRef(data);
    self->description = description;
    return (PyObject *)self;
}

static int row_traverse(PyObject *op, visitproc visit, void *arg)
{
    RowObject *self = (RowObject *)op;
    Py_VISIT(self->data);
    Py_VISIT(self->description);
    return 0;
}

static int row_clear(PyObject *op)
{
    RowObject *self = (RowObject *)op;
    Py_CLEAR(self->data);
    Py_CLEAR(self->description);
    return 0;
}

static void row_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    row_clear(op);
    Py_TYPE(op)->tp_free(op);
}

/* Column names compare ASCII-case-insensitively, as in CPython. */
static int same_name_ignoring_case(PyObject *a, PyObject *b)
{
    Py_ssize_t la, lb;
    const char *sa = PyUnicode_AsUTF8AndSize(a, &la);
    const char *sb = PyUnicode_AsUTF8AndSize(b, &lb);
    if (sa == NULL || sb == NULL) {
        return -1;
    }
    if (la != lb) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < la; i++) {
        unsigned char ca = (unsigned char)sa[i], cb = (unsigned char)sb[i];
        if (ca >= 'A' && ca <= 'Z') {
            ca = (unsigned char)(ca - 'A' + 'a');
        }
        if (cb >= 'A' && cb <= 'Z') {
            cb = (unsigned char)(cb - 'A' + 'a');
        }
        if (ca != cb) {
            return 0;
        }
    }
    return 1;
}

static PyObject *row_by_name(RowObject *self, PyObject *key)
{
    if (PyTuple_Check(self->description)) {
        Py_ssize_t n = PyTuple_GET_SIZE(self->description);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *col = PyTuple_GET_ITEM(self->description, i);
            PyObject *name = PyTuple_Check(col) && PyTuple_GET_SIZE(col) > 0
                ? PyTuple_GET_ITEM(col, 0) : NULL;
            if (name == NULL || !PyUnicode_Check(name)) {
                continue;
            }
            int same = same_name_ignoring_case(name, key);
            if (same < 0) {
                return NULL;
            }
            if (same && i < PyTuple_GET_SIZE(self->data)) {
                return Py_NewRef(PyTuple_GET_ITEM(self->data, i));
            }
        }
    }
    PyErr_SetString(PyExc_IndexError, "No item with that key");
    return NULL;
}

static PyObject *row_subscript(PyObject *op, PyObject *key)
{
    RowObject *self = (RowObject *)op;
    if (PyLong_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += PyTuple_GET_SIZE(self->data);
        }
        if (i < 0 || i >= PyTuple_GET_SIZE(self->data)) {
            PyErr_SetString(PyExc_IndexError, "tuple index out of range");
            return NULL;
        }
        return Py_NewRef(PyTuple_GET_ITEM(self->data, i));
    }
    if (PyUnicode_Check(key)) {
        return row_by_name(self, key);
    }
    if (PySlice_Check(key)) {
        return PyObject_GetItem(self->data, key);
    }
    PyErr_SetString(PyExc_IndexError, "Index must be int or string");
    return NULL;
}

static Py_ssize_t row_length(PyObject *op)
{
    return PyTuple_GET_SIZE(((RowObject *)op)->data);
}

static PyObject *row_item(PyObject *op, Py_ssize_t i)
{
    RowObject *self = (RowObject *)op;
    if (i < 0 || i >= PyTuple_GET_SIZE(self->data)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(self->data, i));
}

static PyObject *row_keys(PyObject *op, PyObject *Py_UNUSED(a))
{
    RowObject *self = (RowObject *)op;
    PyObject *keys = PyList_New(0);
    if (keys == NULL || !PyTuple_Check(self->description)) {
        return keys;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(self->description);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *col = PyTuple_GET_ITEM(self->description, i);
        if (!PyTuple_Check(col) || PyTuple_GET_SIZE(col) == 0
            || PyList_Append(keys, PyTuple_GET_ITEM(col, 0)) < 0) {
            if (PyErr_Occurred()) {
                Py_DECREF(keys);
                return NULL;
            }
        }
    }
    return keys;
}

static PyObject *row_iter(PyObject *op)
{
    return PyObject_GetIter(((RowObject *)op)->data);
}

static Py_hash_t row_hash(PyObject *op)
{
    RowObject *self = (RowObject *)op;
    Py_hash_t a = PyObject_Hash(self->description);
    if (a == -1) {
        return -1;
    }
    Py_hash_t b = PyObject_Hash(self->data);
    if (b == -1) {
        return -1;
    }
    Py_hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static PyObject *row_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE)
        || !PyObject_TypeCheck(b, &pysqlite_RowType)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    RowObject *x = (RowObject *)a, *y = (RowObject *)b;
    int eq = PyObject_RichCompareBool(x->description, y->description, Py_EQ);
    if (eq < 0) {
        return NULL;
    }
    if (eq) {
        eq = PyObject_RichCompareBool(x->data, y->data, Py_EQ);
        if (eq < 0) {
            return NULL;
        }
    }
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyMappingMethods row_as_mapping = {
    .mp_length = row_length,
    .mp_subscript = row_subscript,
};

static PySequenceMethods row_as_sequence = {
    .sq_length = row_length,
    .sq_item = row_item,
};

static PyMethodDef row_methods[] = {
    {"keys", row_keys, METH_NOARGS,
     "keys($self, /)\n--\n\nReturn the column names as a list."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject pysqlite_RowType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.Row",
    .tp_basicsize = sizeof(RowObject),
    .tp_dealloc = row_dealloc,
    .tp_as_sequence = &row_as_sequence,
    .tp_as_mapping = &row_as_mapping,
    .tp_hash = row_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Row(cursor, data, /)\n--\n\n"
              "A row of a query result, indexable by position or by "
              "case-insensitive column name.",
    .tp_traverse = row_traverse,
    .tp_clear = row_clear,
    .tp_richcompare = row_richcompare,
    .tp_iter = row_iter,
    .tp_methods = row_methods,
    .tp_new = row_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

#endif /* HAVE_LIBSQLITE3 */
