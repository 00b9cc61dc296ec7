/* Slice objects, and the index arithmetic every sequence type uses to
   interpret them.

   A slice is immutable once created (start, stop and step are never
   NULL: an omitted bound is None), so it needs no lock in the
   free-threaded build.  The Ellipsis singleton lives in Objects/object.c. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_freelist.h"
#include "pycore_abstract.h"
#include "pycore_slice.h"
#include "pycore_tuple.h"

/* ---- creation ----------------------------------------------------------- */

/* Takes over the three references (also on failure). */
static PyObject *
slice_new_steal(PyObject *start, PyObject *stop, PyObject *step)
{
    PySliceObject *obj = (PySliceObject *)_Py_freelist_pop_gc(
        &_Py_freelists_get()->slices, &PySlice_Type);
    if (obj == NULL) {
        obj = PyObject_GC_New(PySliceObject, &PySlice_Type);
    }
    if (obj == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        return NULL;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

PyObject *
PySlice_New(PyObject *start, PyObject *stop, PyObject *step)
{
    return slice_new_steal(Py_NewRef(start ? start : Py_None),
                           Py_NewRef(stop ? stop : Py_None),
                           Py_NewRef(step ? step : Py_None));
}

PyObject *
_PyBuildSlice_ConsumeRefs(PyObject *start, PyObject *stop)
{
    return slice_new_steal(start, stop, Py_None);
}

PyObject *
_PySlice_FromIndices(Py_ssize_t istart, Py_ssize_t istop)
{
    PyObject *start = PyLong_FromSsize_t(istart);
    if (start == NULL) {
        return NULL;
    }
    PyObject *stop = PyLong_FromSsize_t(istop);
    if (stop == NULL) {
        Py_DECREF(start);
        return NULL;
    }
    return slice_new_steal(start, stop, Py_None);
}

/* ---- index arithmetic with Py_ssize_t ----------------------------------- */

int
_PySlice_ClampIndex(PyObject *v, Py_ssize_t *pi)
{
    if (!_PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or "
                        "have an __index__ method");
        return -1;
    }
    /* With no exception type, out-of-range values are clamped. */
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    *pi = x;
    return 0;
}

/* A slice field as a clamped Py_ssize_t; None is the caller's business. */
static int
unpack_field(PyObject *v, Py_ssize_t *pi)
{
    if (!_PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or "
                        "have an __index__ method");
        return -1;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred()) {
        return -1;
    }
    *pi = x;
    return 0;
}

int
PySlice_Unpack(PyObject *op, Py_ssize_t *start, Py_ssize_t *stop,
               Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)op;
    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (unpack_field(r->step, step) < 0) {
            return -1;
        }
        if (*step == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* Keep -step representable, so callers may negate it. */
        if (*step < -PY_SSIZE_T_MAX) {
            *step = -PY_SSIZE_T_MAX;
        }
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? PY_SSIZE_T_MAX : 0;
    }
    else if (unpack_field(r->start, start) < 0) {
        return -1;
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    else if (unpack_field(r->stop, stop) < 0) {
        return -1;
    }
    return 0;
}

/* Clip one bound to the positions a walk in direction `step` can start
   or stop at: [0, length] going up, [-1, length - 1] going down. */
static Py_ssize_t
clip_bound(Py_ssize_t bound, Py_ssize_t length, Py_ssize_t step)
{
    if (bound < 0) {
        bound += length;
        if (bound < 0) {
            bound = step < 0 ? -1 : 0;
        }
    }
    else if (bound >= length) {
        bound = step < 0 ? length - 1 : length;
    }
    return bound;
}

Py_ssize_t
PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                      Py_ssize_t step)
{
    /* PySlice_Unpack guarantees step != 0 and step > PY_SSIZE_T_MIN. */
    *start = clip_bound(*start, length, step);
    *stop = clip_bound(*stop, length, step);
    if (step < 0) {
        if (*stop < *start) {
            return (*start - *stop - 1) / (-step) + 1;
        }
    }
    else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

#undef PySlice_GetIndicesEx

int
PySlice_GetIndicesEx(PyObject *op, Py_ssize_t length, Py_ssize_t *start,
                     Py_ssize_t *stop, Py_ssize_t *step,
                     Py_ssize_t *slicelength)
{
    if (PySlice_Unpack(op, start, stop, step) < 0) {
        *slicelength = 0;
        return -1;
    }
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}

/* The old interface: only exact ints are accepted, and indices out of
   range are an error (-1) rather than clipped.  No exception is set
   except when converting an int fails. */
int
PySlice_GetIndices(PyObject *op, Py_ssize_t length, Py_ssize_t *start,
                   Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)op;
    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (!PyLong_Check(r->step)) {
            return -1;
        }
        *step = PyLong_AsSsize_t(r->step);
        if (*step == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? length - 1 : 0;
    }
    else {
        if (!PyLong_Check(r->start)) {
            return -1;
        }
        *start = PyLong_AsSsize_t(r->start);
        if (*start == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (*start < 0) {
            *start += length;
        }
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? -1 : length;
    }
    else {
        if (!PyLong_Check(r->stop)) {
            return -1;
        }
        *stop = PyLong_AsSsize_t(r->stop);
        if (*stop == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (*stop < 0) {
            *stop += length;
        }
    }
    if (*stop > length || *start >= length || *step == 0) {
        return -1;
    }
    return 0;
}

/* ---- index arithmetic with ints of any size ----------------------------- */

/* operator.index(v) with the slice error message. */
static PyObject *
long_field(PyObject *v)
{
    if (!_PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or "
                        "have an __index__ method");
        return NULL;
    }
    return PyNumber_Index(v);
}

/* 1 if the int v is negative, 0 if not, -1 on error. */
static int
long_is_negative(PyObject *v)
{
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        return -1;
    }
    int result = PyObject_RichCompareBool(v, zero, Py_LT);
    Py_DECREF(zero);
    return result;
}

/* Normalise one bound (a new reference to an int) the way clip_bound
   does, with lower/upper the clipping interval; consumes *bound. */
static int
clip_long_bound(PyObject **bound, PyObject *length, PyObject *lower,
                PyObject *upper)
{
    int negative = long_is_negative(*bound);
    if (negative < 0) {
        return -1;
    }
    if (negative) {
        Py_SETREF(*bound, PyNumber_Add(*bound, length));
        if (*bound == NULL) {
            return -1;
        }
        int below = PyObject_RichCompareBool(*bound, lower, Py_LT);
        if (below < 0) {
            return -1;
        }
        if (below) {
            Py_SETREF(*bound, Py_NewRef(lower));
        }
        return 0;
    }
    int above = PyObject_RichCompareBool(*bound, upper, Py_GT);
    if (above < 0) {
        return -1;
    }
    if (above) {
        Py_SETREF(*bound, Py_NewRef(upper));
    }
    return 0;
}

int
_PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                        PyObject **start_ptr, PyObject **stop_ptr,
                        PyObject **step_ptr)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    PyObject *lower = NULL, *upper = NULL;
    int step_negative = 0;

    if (self->step == Py_None) {
        step = PyLong_FromLong(1);
        if (step == NULL) {
            goto error;
        }
    }
    else {
        step = long_field(self->step);
        if (step == NULL) {
            goto error;
        }
        int is_zero = PyObject_Not(step);
        if (is_zero < 0) {
            goto error;
        }
        if (is_zero) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            goto error;
        }
        step_negative = long_is_negative(step);
        if (step_negative < 0) {
            goto error;
        }
    }

    /* A downward walk may start at length - 1 and stop at -1; an upward
       one starts at 0 at the earliest and stops at length. */
    if (step_negative) {
        lower = PyLong_FromLong(-1);
        if (lower == NULL) {
            goto error;
        }
        upper = PyNumber_Add(length, lower);
    }
    else {
        lower = PyLong_FromLong(0);
        if (lower == NULL) {
            goto error;
        }
        upper = Py_NewRef(length);
    }
    if (upper == NULL) {
        goto error;
    }

    if (self->start == Py_None) {
        start = Py_NewRef(step_negative ? upper : lower);
    }
    else {
        start = long_field(self->start);
        if (start == NULL
            || clip_long_bound(&start, length, lower, upper) < 0) {
            goto error;
        }
    }
    if (self->stop == Py_None) {
        stop = Py_NewRef(step_negative ? lower : upper);
    }
    else {
        stop = long_field(self->stop);
        if (stop == NULL || clip_long_bound(&stop, length, lower, upper) < 0) {
            goto error;
        }
    }
    Py_DECREF(lower);
    Py_DECREF(upper);
    *start_ptr = start;
    *stop_ptr = stop;
    *step_ptr = step;
    return 0;

error:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(lower);
    Py_XDECREF(upper);
    return -1;
}

/* ---- Python-visible behaviour ------------------------------------------- */

static PyObject *
slice_indices(PyObject *self, PyObject *len)
{
    PyObject *length = PyNumber_Index(len);
    if (length == NULL) {
        return NULL;
    }
    int negative = long_is_negative(length);
    if (negative != 0) {
        if (negative > 0) {
            PyErr_SetString(PyExc_ValueError,
                            "length should not be negative");
        }
        Py_DECREF(length);
        return NULL;
    }
    PyObject *start, *stop, *step;
    int rc = _PySlice_GetLongIndices((PySliceObject *)self, length,
                                     &start, &stop, &step);
    Py_DECREF(length);
    if (rc < 0) {
        return NULL;
    }
    PyObject *items[3] = {start, stop, step};
    return _PyTuple_FromArraySteal(items, 3);
}

static PyObject *
slice_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PySliceObject *self = (PySliceObject *)op;
    PyObject *args = PyTuple_Pack(3, self->start, self->stop, self->step);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, (PyObject *)Py_TYPE(op), args);
    Py_DECREF(args);
    return result;
}

static PyObject *
slice_repr(PyObject *op)
{
    PySliceObject *self = (PySliceObject *)op;
    return PyUnicode_FromFormat("slice(%R, %R, %R)",
                                self->start, self->stop, self->step);
}

/* Slices compare and hash as the tuples (start, stop, step). */
static PyObject *
slice_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PySlice_Check(v) || !PySlice_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (v == w) {
        return PyBool_FromLong(op == Py_EQ || op == Py_LE || op == Py_GE);
    }
    PySliceObject *a = (PySliceObject *)v, *b = (PySliceObject *)w;
    PyObject *ta = PyTuple_Pack(3, a->start, a->stop, a->step);
    if (ta == NULL) {
        return NULL;
    }
    PyObject *tb = PyTuple_Pack(3, b->start, b->stop, b->step);
    if (tb == NULL) {
        Py_DECREF(ta);
        return NULL;
    }
    PyObject *result = PyObject_RichCompare(ta, tb, op);
    Py_DECREF(ta);
    Py_DECREF(tb);
    return result;
}

static Py_hash_t
slice_hash(PyObject *op)
{
    PySliceObject *self = (PySliceObject *)op;
    PyObject *items[3] = {self->start, self->stop, self->step};
    return _PyTuple_HashItems(items, 3);
}

/* slice(stop) or slice(start, stop[, step]) */
static PyObject *
slice_from_args(PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError,
                     nargs < 1 ? "slice expected at least 1 argument, got %zd"
                               : "slice expected at most 3 arguments, got %zd",
                     nargs);
        return NULL;
    }
    if (nargs == 1) {
        return PySlice_New(Py_None, args[0], Py_None);
    }
    return PySlice_New(args[0], args[1], nargs == 3 ? args[2] : Py_None);
}

static PyObject *
slice_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwargs)
{
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    return slice_from_args(_PyTuple_ITEMS(args), PyTuple_GET_SIZE(args));
}

static PyObject *
slice_vectorcall(PyObject *Py_UNUSED(type), PyObject *const *args,
                 size_t nargsf, PyObject *kwnames)
{
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    return slice_from_args(args, PyVectorcall_NARGS(nargsf));
}

static void
slice_dealloc(PyObject *op)
{
    PySliceObject *self = (PySliceObject *)op;
    PyObject_GC_UnTrack(self);
    Py_DECREF(self->start);
    Py_DECREF(self->stop);
    Py_DECREF(self->step);
    if (!_Py_freelist_push(&_Py_freelists_get()->slices, op, _Py_FREELIST_SLICES)) {
        PyObject_GC_Del(self);
    }
}

static int
slice_traverse(PyObject *op, visitproc visit, void *arg)
{
    PySliceObject *self = (PySliceObject *)op;
    Py_VISIT(self->start);
    Py_VISIT(self->stop);
    Py_VISIT(self->step);
    return 0;
}

static PyMemberDef slice_members[] = {
    {"start", Py_T_OBJECT_EX, offsetof(PySliceObject, start), Py_READONLY,
     NULL},
    {"stop", Py_T_OBJECT_EX, offsetof(PySliceObject, stop), Py_READONLY,
     NULL},
    {"step", Py_T_OBJECT_EX, offsetof(PySliceObject, step), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef slice_methods[] = {
    {"indices", slice_indices, METH_O,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", slice_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PySlice_Type = {
    .ob_base = { .ob_base = _PyObject_HEAD_INIT(&PyType_Type), .ob_size = 0 },
    .tp_name = "slice",
    .tp_basicsize = sizeof(PySliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = slice_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing "
              "(e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = slice_vectorcall,
};
