/* _CData: the storage behind every ctypes instance.

   An instance either owns its memory (b_needsfree, allocated here and
   zeroed) or borrows it: from another instance (b_base, a structure's
   field or an array's item), from an exporter of the buffer protocol
   (kept alive through _objects), or from a raw address (from_address).
   _objects holds whatever the C data points into: bytes behind a
   c_char_p, the instances behind pointers, and so on.

   The type layer (Lib/ctypes/_types.py) tells this file an instance's
   size through the class attribute _ctypes_size_, and the PEP 3118 view
   through _ctypes_format_ and _ctypes_shape_.

   Thread safety: b_ptr and b_size change only in resize(), which runs in
   the instance's critical section and refuses while buffers are exported
   (the export count is kept in the same critical section).  _objects is
   replaced under the critical section too; the dict it usually is has
   its own per-object locking. */
#include "ctypes.h"

#ifdef HAVE_LIBFFI

#include <string.h>

#define CDATA(op) ((CDataObject *)(op))

/* The size a class declares for its instances; -1 with TypeError for the
   abstract bases, which declare none. */
static Py_ssize_t
declared_size(PyTypeObject *cls)
{
    PyObject *size = PyObject_GetAttrString((PyObject *)cls, "_ctypes_size_");
    if (size == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_SetString(PyExc_TypeError, "abstract class");
        }
        return -1;
    }
    Py_ssize_t n = PyLong_AsSsize_t(size);
    Py_DECREF(size);
    if (n < 0 && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_TypeError, "abstract class");
    }
    return n;
}

static PyObject *
cdata_new(PyTypeObject *cls, PyObject *args, PyObject *kwds)
{
    Py_ssize_t size = declared_size(cls);
    if (size < 0) {
        return NULL;
    }
    char *memory = PyMem_Calloc(1, size > 0 ? (size_t)size : 1);
    if (memory == NULL) {
        return PyErr_NoMemory();
    }
    CDataObject *self = (CDataObject *)cls->tp_alloc(cls, 0);
    if (self == NULL) {
        PyMem_Free(memory);
        return NULL;
    }
    self->b_ptr = memory;
    self->b_size = size;
    self->b_needsfree = 1;
    return (PyObject *)self;
}

static int
cdata_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(CDATA(op)->b_base);
    Py_VISIT(CDATA(op)->b_objects);
    return 0;
}

static int
cdata_clear(PyObject *op)
{
    Py_CLEAR(CDATA(op)->b_objects);
    Py_CLEAR(CDATA(op)->b_base);
    return 0;
}

static void
cdata_dealloc(PyObject *op)
{
    CDataObject *self = CDATA(op);
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (tp->tp_weaklistoffset) {
        PyObject_ClearWeakRefs(op);
    }
    cdata_clear(op);
    if (self->b_needsfree) {
        PyMem_Free(self->b_ptr);
    }
    self->b_ptr = NULL;
    /* A heap subclass's reference to its type is dropped by the
       subclass's own dealloc, which called this one. */
    tp->tp_free(op);
}

/* ---- attributes ------------------------------------------------------ */

static PyObject *
cdata_get_base(PyObject *op, void *closure)
{
    PyObject *base = CDATA(op)->b_base;
    return Py_NewRef(base ? base : Py_None);
}

static PyObject *
cdata_get_needsfree(PyObject *op, void *closure)
{
    return PyLong_FromLong(CDATA(op)->b_needsfree);
}

static PyObject *
cdata_get_objects(PyObject *op, void *closure)
{
    PyObject *objects;
    Py_BEGIN_CRITICAL_SECTION(op);
    objects = Py_NewRef(CDATA(op)->b_objects ? CDATA(op)->b_objects : Py_None);
    Py_END_CRITICAL_SECTION();
    return objects;
}

static int
cdata_set_objects(PyObject *op, PyObject *value, void *closure)
{
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(op);
    old = CDATA(op)->b_objects;
    CDATA(op)->b_objects = (value == NULL || value == Py_None) ? NULL : Py_NewRef(value);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return 0;
}

static PyGetSetDef cdata_getset[] = {
    {"_b_base_", cdata_get_base, NULL,
     "the base object whose memory this instance shares", NULL},
    {"_b_needsfree_", cdata_get_needsfree, NULL,
     "whether this instance owns its memory block", NULL},
    {"_objects", cdata_get_objects, cdata_set_objects,
     "the objects that must stay alive while this instance's memory is used", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- buffer protocol (PEP 3118) ------------------------------------- */

/* What one exported view holds on to: its format string and shape. */
typedef struct {
    PyObject *format;           /* str, strong */
    Py_ssize_t ndim;
    Py_ssize_t shape[1];        /* ndim entries, then ndim strides */
} view_info;

static view_info *
make_view_info(PyObject *cls, Py_ssize_t total, Py_ssize_t *itemsize)
{
    PyObject *format = PyObject_GetAttrString(cls, "_ctypes_format_");
    PyObject *shape = format ? PyObject_GetAttrString(cls, "_ctypes_shape_") : NULL;
    view_info *info = NULL;
    if (shape == NULL || !PyUnicode_Check(format) || !PyTuple_Check(shape)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "ctypes type has no buffer format");
        }
        goto done;
    }
    Py_ssize_t ndim = PyTuple_GET_SIZE(shape);
    info = PyMem_Malloc(sizeof(view_info) + 2 * (size_t)(ndim + 1) * sizeof(Py_ssize_t));
    if (info == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    info->ndim = ndim;
    Py_ssize_t items = 1;
    for (Py_ssize_t i = 0; i < ndim; i++) {
        info->shape[i] = PyLong_AsSsize_t(PyTuple_GET_ITEM(shape, i));
        if (info->shape[i] < 0) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "invalid ctypes buffer shape");
            }
            PyMem_Free(info);
            info = NULL;
            goto done;
        }
        items *= info->shape[i];
    }
    *itemsize = items > 0 ? total / items : total;
    /* C-contiguous strides, innermost last. */
    Py_ssize_t stride = *itemsize;
    for (Py_ssize_t i = ndim - 1; i >= 0; i--) {
        info->shape[ndim + i] = stride;
        stride *= info->shape[i];
    }
    info->format = Py_NewRef(format);
done:
    Py_XDECREF(format);
    Py_XDECREF(shape);
    return info;
}

static int
cdata_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    CDataObject *self = CDATA(op);
    Py_ssize_t itemsize = 1;
    Py_ssize_t type_size = declared_size(Py_TYPE(op));
    if (type_size < 0) {
        view->obj = NULL;
        return -1;
    }
    view_info *info = make_view_info((PyObject *)Py_TYPE(op), type_size, &itemsize);
    if (info == NULL) {
        view->obj = NULL;
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    view->buf = self->b_ptr;
    view->len = self->b_size;
    self->b_exports++;
    Py_END_CRITICAL_SECTION();
    view->obj = Py_NewRef(op);
    view->readonly = 0;
    view->internal = info;
    view->itemsize = itemsize;
    view->format = (flags & PyBUF_FORMAT) ? (char *)PyUnicode_AsUTF8(info->format) : NULL;
    view->ndim = (int)info->ndim;
    view->shape = info->shape;
    view->strides = info->shape + info->ndim;
    view->suboffsets = NULL;
    if (!(flags & PyBUF_ND)) {
        view->ndim = 1;
        view->shape = NULL;
        view->strides = NULL;
        view->itemsize = 1;
    }
    else if (!(flags & PyBUF_STRIDES)) {
        view->strides = NULL;
    }
    return 0;
}

static void
cdata_releasebuffer(PyObject *op, Py_buffer *view)
{
    view_info *info = view->internal;
    Py_BEGIN_CRITICAL_SECTION(op);
    CDATA(op)->b_exports--;
    Py_END_CRITICAL_SECTION();
    if (info != NULL) {
        Py_DECREF(info->format);
        PyMem_Free(info);
    }
}

/* Instances are mutable C memory: equal contents at two moments must not
   give two hashes, so there is no hash at all. */
static Py_hash_t
cdata_nohash(PyObject *op)
{
    PyErr_SetString(PyExc_TypeError, "unhashable type");
    return -1;
}

static PyBufferProcs cdata_as_buffer = {
    .bf_getbuffer = cdata_getbuffer,
    .bf_releasebuffer = cdata_releasebuffer,
};

PyTypeObject PyCData_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_ctypes._CData",
    .tp_basicsize = sizeof(CDataObject),
    .tp_dealloc = cdata_dealloc,
    .tp_hash = cdata_nohash,
    .tp_as_buffer = &cdata_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The storage common to all ctypes data instances.",
    .tp_traverse = cdata_traverse,
    .tp_clear = cdata_clear,
    .tp_getset = cdata_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = cdata_new,
    .tp_free = PyObject_GC_Del,
};

/* ---- module functions over instances -------------------------------- */

static CDataObject *
require_cdata(PyObject *obj)
{
    if (!CDataObject_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "invalid type");
        return NULL;
    }
    return CDATA(obj);
}

PyObject *
_ctypes_addressof(PyObject *module, PyObject *obj)
{
    CDataObject *self = require_cdata(obj);
    if (self == NULL) {
        return NULL;
    }
    return PyLong_FromVoidPtr(self->b_ptr);
}

/* _keep_alive(obj, key, value): obj._objects[key] = value, making
   _objects a dict first if needed (an earlier single object is kept under
   the key "").  The critical section makes the check-and-create atomic, so
   two threads storing into one instance both keep their objects. */
PyObject *
_ctypes_keep_alive(PyObject *module, PyObject *args)
{
    PyObject *obj, *key, *value;
    if (!PyArg_ParseTuple(args, "OUO:_keep_alive", &obj, &key, &value)) {
        return NULL;
    }
    CDataObject *self = require_cdata(obj);
    if (self == NULL) {
        return NULL;
    }
    int status = 0;
    Py_BEGIN_CRITICAL_SECTION(obj);
    if (self->b_objects == NULL || !PyDict_Check(self->b_objects)) {
        PyObject *dict = PyDict_New();
        if (dict == NULL
            || (self->b_objects != NULL
                && PyDict_SetItemString(dict, "", self->b_objects) < 0)) {
            Py_XDECREF(dict);
            status = -1;
        }
        else {
            Py_XSETREF(self->b_objects, dict);
        }
    }
    if (status == 0) {
        status = PyDict_SetItem(self->b_objects, key, value);
    }
    Py_END_CRITICAL_SECTION();
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* _cdata_size(obj): the bytes an instance's memory block holds now. */
PyObject *
_ctypes_cdata_size(PyObject *module, PyObject *obj)
{
    CDataObject *self = require_cdata(obj);
    if (self == NULL) {
        return NULL;
    }
    Py_ssize_t size;
    Py_BEGIN_CRITICAL_SECTION(obj);
    size = self->b_size;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(size);
}

/* resize(obj, size): grow the memory block an instance owns. */
PyObject *
_ctypes_resize(PyObject *module, PyObject *args)
{
    PyObject *obj;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "On:resize", &obj, &size)) {
        return NULL;
    }
    CDataObject *self = require_cdata(obj);
    if (self == NULL) {
        return NULL;
    }
    Py_ssize_t minimum = declared_size(Py_TYPE(obj));
    if (minimum < 0) {
        return NULL;
    }
    if (size < minimum) {
        return PyErr_Format(PyExc_ValueError, "minimum size is %zd", minimum);
    }
    int ok = 0;
    Py_BEGIN_CRITICAL_SECTION(obj);
    if (!self->b_needsfree) {
        PyErr_SetString(PyExc_ValueError,
                        "Memory cannot be resized because this object doesn't own it");
    }
    else if (self->b_exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "cannot resize while buffers are exported");
    }
    else {
        char *grown = PyMem_Realloc(self->b_ptr, size > 0 ? (size_t)size : 1);
        if (grown == NULL) {
            PyErr_NoMemory();
        }
        else {
            if (size > self->b_size) {
                memset(grown + self->b_size, 0, (size_t)(size - self->b_size));
            }
            self->b_ptr = grown;
            self->b_size = size;
            ok = 1;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* _at(cls, address, base=None): an instance of cls over memory it does not
   own; base (another instance) is kept alive as _b_base_. */
PyObject *
_ctypes_at(PyObject *module, PyObject *args)
{
    PyObject *cls, *address, *base = Py_None;
    if (!PyArg_ParseTuple(args, "OO|O:_at", &cls, &address, &base)) {
        return NULL;
    }
    if (!PyType_Check(cls) || !PyType_IsSubtype((PyTypeObject *)cls, &PyCData_Type)) {
        PyErr_SetString(PyExc_TypeError, "expected a ctypes type");
        return NULL;
    }
    void *p = PyLong_AsVoidPtr(address);
    if (p == NULL && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t size = declared_size((PyTypeObject *)cls);
    if (size < 0) {
        return NULL;
    }
    if (p == NULL && size > 0) {
        PyErr_SetString(PyExc_ValueError, "NULL pointer access");
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)cls;
    CDataObject *self = (CDataObject *)tp->tp_alloc(tp, 0);
    if (self == NULL) {
        return NULL;
    }
    self->b_ptr = p;
    self->b_size = size;
    self->b_needsfree = 0;
    self->b_base = base == Py_None ? NULL : Py_NewRef(base);
    return (PyObject *)self;
}

#endif /* HAVE_LIBFFI */
