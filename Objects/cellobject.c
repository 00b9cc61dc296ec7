/* Cell objects: one mutable slot shared by a function and its closures.

   Thread safety (free-threaded build): ob_ref changes only inside the
   cell's critical section, with a release store.  Readers that need a
   reference (PyCell_Get, cell_contents, comparisons, repr) take the
   critical section too, so the contents cannot be freed between the load
   and the incref; the VM's lock-free fast path for closures arrives with
   QSBR-style deferred freeing in the runtime. */
#include "Python.h"
#include "pycore_object.h"

PyObject *
PyCell_New(PyObject *obj)
{
    PyCellObject *op = PyObject_GC_New(PyCellObject, &PyCell_Type);
    if (op == NULL) {
        return NULL;
    }
    op->ob_ref = Py_XNewRef(obj);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* New reference to the contents, or NULL for an empty cell. */
static PyObject *
cell_get_ref(PyCellObject *cell)
{
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(cell);
    value = Py_XNewRef(cell->ob_ref);
    Py_END_CRITICAL_SECTION();
    return value;
}

/* Store a new reference to value (may be NULL); the old contents are
   released after the lock is dropped, since their destructor may run
   arbitrary code. */
static void
cell_set_ref(PyCellObject *cell, PyObject *value)
{
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(cell);
    old = cell->ob_ref;
    PyCell_SET(cell, Py_XNewRef(value));
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
}

PyObject *
PyCell_Get(PyObject *op)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return cell_get_ref((PyCellObject *)op);
}

int
PyCell_Set(PyObject *op, PyObject *value)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    cell_set_ref((PyCellObject *)op, value);
    return 0;
}

static void
cell_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((PyCellObject *)op)->ob_ref);
    PyObject_GC_Del(op);
}

static int
cell_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyCellObject *)op)->ob_ref);
    return 0;
}

static int
cell_clear(PyObject *op)
{
    cell_set_ref((PyCellObject *)op, NULL);
    return 0;
}

/* Cells compare by contents; an empty cell orders before a full one and
   equals another empty one. */
static PyObject *
cell_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyCell_Check(a) || !PyCell_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *va = cell_get_ref((PyCellObject *)a);
    PyObject *vb = cell_get_ref((PyCellObject *)b);
    PyObject *result;
    if (va != NULL && vb != NULL) {
        result = PyObject_RichCompare(va, vb, op);
    }
    else {
        int fa = va != NULL, fb = vb != NULL;
        switch (op) {
        case Py_LT: result = PyBool_FromLong(fa < fb); break;
        case Py_LE: result = PyBool_FromLong(fa <= fb); break;
        case Py_EQ: result = PyBool_FromLong(fa == fb); break;
        case Py_NE: result = PyBool_FromLong(fa != fb); break;
        case Py_GT: result = PyBool_FromLong(fa > fb); break;
        default: result = PyBool_FromLong(fa >= fb); break;
        }
    }
    Py_XDECREF(va);
    Py_XDECREF(vb);
    return result;
}

static PyObject *
cell_repr(PyObject *op)
{
    PyObject *value = cell_get_ref((PyCellObject *)op);
    if (value == NULL) {
        return PyUnicode_FromFormat("<cell at %p: empty>", op);
    }
    PyObject *result = PyUnicode_FromFormat("<cell at %p: %.80s object at %p>",
                                            op, Py_TYPE(value)->tp_name,
                                            value);
    Py_DECREF(value);
    return result;
}

static PyObject *
cell_get_contents(PyObject *op, void *Py_UNUSED(closure))
{
    PyObject *value = cell_get_ref((PyCellObject *)op);
    if (value == NULL) {
        PyErr_SetString(PyExc_ValueError, "Cell is empty");
    }
    return value;
}

/* Assigning sets the contents; deleting (value NULL) empties the cell. */
static int
cell_set_contents(PyObject *op, PyObject *value, void *Py_UNUSED(closure))
{
    cell_set_ref((PyCellObject *)op, value);
    return 0;
}

/* cell(contents=<empty>, /) */
static PyObject *
cell_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwargs)
{
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "cell() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "cell expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    return PyCell_New(nargs ? PyTuple_GET_ITEM(args, 0) : NULL);
}

static PyGetSetDef cell_getsetlist[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyCell_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "cell",
    .tp_basicsize = sizeof(PyCellObject),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.\n\n"
              "  contents\n"
              "    the contents of the cell. If not specified, the cell will "
              "be empty,\n"
              "    and further attempts to access its cell_contents "
              "attribute will\n"
              "    raise a ValueError.",
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getsetlist,
    .tp_new = cell_new,
    .tp_free = PyObject_GC_Del,
};
