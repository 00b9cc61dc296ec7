/* memoryview: a view of another object's buffer (PEP 3118).

   A memoryview holds one export of the underlying object through a
   managed buffer, shared by every view sliced or cast from it; the
   export is released when the last view is released or freed.

   Thread safety (free-threaded build): a view's own fields change only
   when it is created or released; release takes the view's critical
   section and refuses while the view itself has exported buffers
   (`exports`, also changed under that section).  The bytes it shows
   belong to the exporter and may be written concurrently, as in CPython:
   the exporter keeps the memory alive while exported. */
#include "Python.h"
#include "pycore_bytes_methods.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"

#define MEMORYVIEW_RELEASED 0x001
#define MEMORYVIEW_C 0x002
#define MEMORYVIEW_FORTRAN 0x004
#define MEMORYVIEW_SCALAR 0x008
#define MEMORYVIEW_PIL 0x010

/* ---- the managed buffer -------------------------------------------------- */

static void mbuf_release(_PyManagedBufferObject *mbuf)
{
    if (!(mbuf->flags & MEMORYVIEW_RELEASED)) {
        mbuf->flags |= MEMORYVIEW_RELEASED;
        PyBuffer_Release(&mbuf->master);
    }
}

static void mbuf_dealloc(PyObject *self)
{
    _PyManagedBufferObject *mbuf = (_PyManagedBufferObject *)self;
    PyObject_GC_UnTrack(self);
    mbuf_release(mbuf);
    PyObject_GC_Del(self);
}

static int mbuf_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyManagedBufferObject *)self)->master.obj);
    return 0;
}

static int mbuf_clear(PyObject *self)
{
    mbuf_release((_PyManagedBufferObject *)self);
    return 0;
}

PyTypeObject _PyManagedBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(_PyManagedBufferObject),
    .tp_dealloc = mbuf_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = mbuf_traverse,
    .tp_clear = mbuf_clear,
};

static _PyManagedBufferObject *mbuf_alloc(void)
{
    _PyManagedBufferObject *mbuf = PyObject_GC_New(_PyManagedBufferObject,
                                                   &_PyManagedBuffer_Type);
    if (mbuf == NULL) {
        return NULL;
    }
    mbuf->flags = 0;
    mbuf->exports = 0;
    mbuf->master.obj = NULL;
    PyObject_GC_Track(mbuf);
    return mbuf;
}

static _PyManagedBufferObject *mbuf_from_object(PyObject *base)
{
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    if (PyObject_GetBuffer(base, &mbuf->master, PyBUF_FULL_RO) < 0) {
        mbuf->master.obj = NULL;
        Py_DECREF(mbuf);
        return NULL;
    }
    return mbuf;
}

/* ---- creating views ----------------------------------------------------- */

#define VIEW(op) ((PyMemoryViewObject *)(op))

static PyMemoryViewObject *memory_alloc(int ndim)
{
    PyMemoryViewObject *mv = (PyMemoryViewObject *)
        PyObject_GC_NewVar(PyMemoryViewObject, &PyMemoryView_Type, 3 * ndim);
    if (mv == NULL) {
        return NULL;
    }
    mv->mbuf = NULL;
    mv->hash = -1;
    mv->flags = 0;
    mv->exports = 0;
    mv->weakreflist = NULL;
    mv->view.ndim = ndim;
    mv->view.shape = mv->ob_array;
    mv->view.strides = mv->ob_array + ndim;
    mv->view.suboffsets = mv->ob_array + 2 * ndim;
    return mv;
}

static void init_flags(PyMemoryViewObject *mv)
{
    const Py_buffer *view = &mv->view;
    int flags = 0;
    if (view->ndim == 0) {
        flags |= MEMORYVIEW_SCALAR | MEMORYVIEW_C | MEMORYVIEW_FORTRAN;
    }
    else {
        if (PyBuffer_IsContiguous(view, 'C')) {
            flags |= MEMORYVIEW_C;
        }
        if (PyBuffer_IsContiguous(view, 'F')) {
            flags |= MEMORYVIEW_FORTRAN;
        }
    }
    if (view->suboffsets) {
        flags |= MEMORYVIEW_PIL;
        flags &= ~(MEMORYVIEW_C | MEMORYVIEW_FORTRAN);
    }
    mv->flags = flags;
}

/* Copy the description of `src` into the view's own arrays, filling in
   shape and strides where the exporter left them out. */
static void copy_description(PyMemoryViewObject *mv, const Py_buffer *src)
{
    Py_buffer *dest = &mv->view;
    dest->obj = src->obj;
    dest->buf = src->buf;
    dest->len = src->len;
    dest->itemsize = src->itemsize;
    dest->readonly = src->readonly;
    dest->format = src->format ? src->format : "B";
    dest->internal = src->internal;
    int ndim = src->ndim;
    if (src->shape == NULL) {
        if (ndim == 1) {
            dest->shape[0] = src->itemsize ? src->len / src->itemsize : 0;
        }
    }
    else {
        for (int i = 0; i < ndim; i++) {
            dest->shape[i] = src->shape[i];
        }
    }
    if (src->strides == NULL) {
        PyBuffer_FillContiguousStrides(ndim, dest->shape, dest->strides,
                                       (int)dest->itemsize, 'C');
    }
    else {
        for (int i = 0; i < ndim; i++) {
            dest->strides[i] = src->strides[i];
        }
    }
    if (src->suboffsets == NULL) {
        dest->suboffsets = NULL;
    }
    else {
        for (int i = 0; i < ndim; i++) {
            dest->suboffsets[i] = src->suboffsets[i];
        }
    }
}

static PyObject *memory_from_mbuf(_PyManagedBufferObject *mbuf, const Py_buffer *src)
{
    PyMemoryViewObject *mv = memory_alloc(src->ndim);
    if (mv == NULL) {
        return NULL;
    }
    copy_description(mv, src);
    init_flags(mv);
    mv->mbuf = (_PyManagedBufferObject *)Py_NewRef((PyObject *)mbuf);
    mbuf->exports++;
    PyObject_GC_Track(mv);
    return (PyObject *)mv;
}

static int check_released(PyObject *self)
{
    if ((VIEW(self)->flags & MEMORYVIEW_RELEASED)
            || (VIEW(self)->mbuf->flags & MEMORYVIEW_RELEASED)) {
        PyErr_SetString(PyExc_ValueError,
                        "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

PyObject *PyMemoryView_FromObject(PyObject *base)
{
    if (PyMemoryView_Check(base)) {
        if (check_released(base) < 0) {
            return NULL;
        }
        return memory_from_mbuf(VIEW(base)->mbuf, &VIEW(base)->view);
    }
    if (!PyObject_CheckBuffer(base)) {
        PyErr_Format(PyExc_TypeError,
                     "memoryview: a bytes-like object is required, not '%.200s'",
                     Py_TYPE(base)->tp_name);
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_from_object(base);
    if (mbuf == NULL) {
        return NULL;
    }
    PyObject *mv = memory_from_mbuf(mbuf, &mbuf->master);
    Py_DECREF(mbuf);
    return mv;
}

PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags)
{
    if (flags != PyBUF_READ && flags != PyBUF_WRITE) {
        PyErr_SetString(PyExc_SystemError,
                        "PyMemoryView_FromMemory: flags must be PyBUF_READ or PyBUF_WRITE");
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    PyBuffer_FillInfo(&mbuf->master, NULL, mem, size, flags == PyBUF_READ, PyBUF_FULL_RO);
    PyObject *mv = memory_from_mbuf(mbuf, &mbuf->master);
    Py_DECREF(mbuf);
    return mv;
}

PyObject *PyMemoryView_FromBuffer(const Py_buffer *info)
{
    if (info->buf == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "PyMemoryView_FromBuffer(): info->buf must not be NULL");
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    /* The caller keeps ownership of info->obj: the view does not release it. */
    mbuf->master = *info;
    mbuf->master.obj = NULL;
    PyObject *mv = memory_from_mbuf(mbuf, &mbuf->master);
    Py_DECREF(mbuf);
    return mv;
}

PyObject *PyMemoryView_GetContiguous(PyObject *base, int buffertype, char order)
{
    PyObject *mv = PyMemoryView_FromObject(base);
    if (mv == NULL) {
        return NULL;
    }
    Py_buffer *view = &VIEW(mv)->view;
    if (buffertype == PyBUF_WRITE && view->readonly) {
        Py_DECREF(mv);
        PyErr_SetString(PyExc_BufferError, "underlying buffer is not writable");
        return NULL;
    }
    if (PyBuffer_IsContiguous(view, order)) {
        return mv;
    }
    if (buffertype == PyBUF_WRITE) {
        Py_DECREF(mv);
        PyErr_SetString(PyExc_BufferError,
                        "writable contiguous buffer requested for a non-contiguous object.");
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, view->len);
    if (bytes != NULL
            && PyBuffer_ToContiguous(PyBytes_AS_STRING(bytes), view, view->len, order) < 0) {
        Py_CLEAR(bytes);
    }
    Py_DECREF(mv);
    if (bytes == NULL) {
        return NULL;
    }
    mv = PyMemoryView_FromObject(bytes);
    Py_DECREF(bytes);
    return mv;
}

/* ---- items -------------------------------------------------------------- */

/* The single native format character of a view, or 0 if the format is
   not one memoryview can unpack ('@' prefix allowed). */
static char native_format(const char *format)
{
    if (format[0] == '@') {
        format++;
    }
    if (format[0] == '\0' || format[1] != '\0') {
        return 0;
    }
    return strchr("cbB?hHiIlLqQnNfdeP", format[0]) ? format[0] : 0;
}

static Py_ssize_t native_size(char format)
{
    switch (format) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': return sizeof(size_t);
    case 'P': return sizeof(void *);
    default: return -1;
    }
}

/* IEEE 754 binary16 to double. */
static double half_to_double(uint16_t h)
{
    int sign = h >> 15, exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
    double value;
    if (exponent == 0) {
        value = ldexp(mantissa, -24);
    }
    else if (exponent == 31) {
        value = mantissa ? NAN : INFINITY;
    }
    else {
        value = ldexp(mantissa + 1024, exponent - 25);
    }
    return sign ? -value : value;
}

/* double to binary16, round-half-even; -1 with OverflowError if too big. */
static int double_to_half(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return 0;
    }
    double a = fabs(x);
    if (isinf(x)) {
        *out = sign | 0x7c00;
        return 0;
    }
    int e;
    double m = frexp(a, &e);    /* a = m * 2**e, 0.5 <= m < 1 */
    if (a == 0.0) {
        *out = sign;
        return 0;
    }
    int exponent = e + 14;      /* biased exponent of 1.f form */
    double scaled;
    if (exponent <= 0) {
        scaled = ldexp(a, 24);  /* subnormal: units of 2**-24 */
        exponent = 0;
    }
    else {
        scaled = ldexp(m * 2.0 - 1.0, 10);
    }
    double rounded = nearbyint(scaled);
    unsigned bits = (unsigned)rounded;
    if (exponent == 0) {
        if (bits >= 1024) {
            exponent = 1;
            bits -= 1024;
        }
    }
    else if (bits >= 1024) {
        bits = 0;
        exponent++;
    }
    if (exponent >= 31) {
        PyErr_SetString(PyExc_OverflowError,
                        "float too large to pack with e format");
        return -1;
    }
    *out = (uint16_t)(sign | (exponent << 10) | bits);
    return 0;
}

static PyObject *unpack_item(const char *ptr, char format)
{
    switch (format) {
    case 'c': return PyBytes_FromStringAndSize(ptr, 1);
    case 'b': return PyLong_FromLong(*(const signed char *)ptr);
    case 'B': return PyLong_FromLong(*(const unsigned char *)ptr);
    case '?': return PyBool_FromLong(*(const unsigned char *)ptr != 0);
    }
#define UNPACK(ctype, maker) { ctype v; memcpy(&v, ptr, sizeof(v)); return maker(v); }
    switch (format) {
    case 'h': UNPACK(short, PyLong_FromLong)
    case 'H': UNPACK(unsigned short, PyLong_FromLong)
    case 'i': UNPACK(int, PyLong_FromLong)
    case 'I': UNPACK(unsigned int, PyLong_FromUnsignedLong)
    case 'l': UNPACK(long, PyLong_FromLong)
    case 'L': UNPACK(unsigned long, PyLong_FromUnsignedLong)
    case 'q': UNPACK(long long, PyLong_FromLongLong)
    case 'Q': UNPACK(unsigned long long, PyLong_FromUnsignedLongLong)
    case 'n': UNPACK(Py_ssize_t, PyLong_FromSsize_t)
    case 'N': UNPACK(size_t, PyLong_FromSize_t)
    case 'f': UNPACK(float, PyFloat_FromDouble)
    case 'd': UNPACK(double, PyFloat_FromDouble)
    case 'P': UNPACK(void *, PyLong_FromVoidPtr)
    case 'e': { uint16_t v; memcpy(&v, ptr, 2); return PyFloat_FromDouble(half_to_double(v)); }
    }
#undef UNPACK
    PyErr_SetString(PyExc_NotImplementedError, "memoryview: unsupported format");
    return NULL;
}

static int type_error_for_format(char format, PyObject *value)
{
    PyErr_Format(PyExc_TypeError, "memoryview: invalid type for format '%c'", format);
    (void)value;
    return -1;
}

/* Integer items: range-checked like struct.pack. */
static int pack_integer(char *ptr, char format, PyObject *value)
{
    if (!PyIndex_Check(value)) {
        return type_error_for_format(format, value);
    }
    PyObject *index = PyNumber_Index(value);
    if (index == NULL) {
        return -1;
    }
    int is_unsigned = strchr("BHILQNP", format) != NULL;
    int status = 0;
    if (is_unsigned) {
        unsigned long long v = PyLong_AsUnsignedLongLong(index);
        if (v == (unsigned long long)-1 && PyErr_Occurred()) {
            status = -1;
        }
        Py_ssize_t size = native_size(format);
        if (status == 0 && size < 8 && v >> (size * 8)) {
            status = -1;
            PyErr_SetNone(PyExc_OverflowError);
        }
        if (status == 0) {
            switch (size) {
            case 1: { unsigned char c = (unsigned char)v; memcpy(ptr, &c, 1); break; }
            case 2: { unsigned short c = (unsigned short)v; memcpy(ptr, &c, 2); break; }
            case 4: { unsigned int c = (unsigned int)v; memcpy(ptr, &c, 4); break; }
            default: memcpy(ptr, &v, 8); break;
            }
        }
    }
    else {
        long long v = PyLong_AsLongLong(index);
        if (v == -1 && PyErr_Occurred()) {
            status = -1;
        }
        Py_ssize_t size = native_size(format);
        if (status == 0 && size < 8) {
            long long limit = 1LL << (size * 8 - 1);
            if (v < -limit || v >= limit) {
                status = -1;
                PyErr_SetNone(PyExc_OverflowError);
            }
        }
        if (status == 0) {
            switch (size) {
            case 1: { signed char c = (signed char)v; memcpy(ptr, &c, 1); break; }
            case 2: { short c = (short)v; memcpy(ptr, &c, 2); break; }
            case 4: { int c = (int)v; memcpy(ptr, &c, 4); break; }
            default: memcpy(ptr, &v, 8); break;
            }
        }
    }
    Py_DECREF(index);
    if (status < 0 && PyErr_ExceptionMatches(PyExc_OverflowError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError,
                     "memoryview: invalid value for format '%c'", format);
    }
    return status;
}

static int pack_item(char *ptr, char format, PyObject *value)
{
    switch (format) {
    case 'c':
        if (!PyBytes_Check(value) || PyBytes_GET_SIZE(value) != 1) {
            if (PyBytes_Check(value)) {
                PyErr_Format(PyExc_ValueError,
                             "memoryview: invalid value for format '%c'", format);
                return -1;
            }
            return type_error_for_format(format, value);
        }
        *ptr = PyBytes_AS_STRING(value)[0];
        return 0;
    case '?': {
        int truth = PyObject_IsTrue(value);
        if (truth < 0) {
            return -1;
        }
        *ptr = (char)truth;
        return 0;
    }
    case 'f': case 'd': case 'e': {
        double d = PyFloat_AsDouble(value);
        if (d == -1.0 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                return type_error_for_format(format, value);
            }
            return -1;
        }
        if (format == 'd') {
            memcpy(ptr, &d, 8);
        }
        else if (format == 'f') {
            float f = (float)d;
            memcpy(ptr, &f, 4);
        }
        else {
            uint16_t h;
            if (double_to_half(d, &h) < 0) {
                return -1;
            }
            memcpy(ptr, &h, 2);
        }
        return 0;
    }
    default:
        return pack_integer(ptr, format, value);
    }
}

static char require_native_format(const Py_buffer *view)
{
    char format = native_format(view->format);
    if (format == 0) {
        PyErr_Format(PyExc_NotImplementedError,
                     "memoryview: format %s not supported", view->format);
    }
    return format;
}

/* Pointer to item `index` of the first dimension. */
static char *item_pointer(const Py_buffer *view, Py_ssize_t index)
{
    char *ptr = (char *)view->buf + view->strides[0] * index;
    if (view->suboffsets && view->suboffsets[0] >= 0) {
        ptr = *(char **)ptr + view->suboffsets[0];
    }
    return ptr;
}

static int normalize_index(const Py_buffer *view, PyObject *key, Py_ssize_t dim,
                           Py_ssize_t *out)
{
    Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (index == -1 && PyErr_Occurred()) {
        return -1;
    }
    Py_ssize_t n = view->shape[dim];
    if (index < 0) {
        index += n;
    }
    if (index < 0 || index >= n) {
        PyErr_Format(PyExc_IndexError, "index out of bounds on dimension %d", (int)dim + 1);
        return -1;
    }
    *out = index;
    return 0;
}

/* Pointer to the item addressed by a tuple of indices (all dimensions). */
static char *tuple_item_pointer(const Py_buffer *view, PyObject *key)
{
    Py_ssize_t n = PyTuple_GET_SIZE(key);
    if (n < view->ndim) {
        PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
        return NULL;
    }
    if (n > view->ndim) {
        PyErr_Format(PyExc_TypeError,
                     "cannot index %d-dimension view with %zd-element tuple",
                     view->ndim, n);
        return NULL;
    }
    char *ptr = (char *)view->buf;
    for (Py_ssize_t d = 0; d < n; d++) {
        PyObject *k = PyTuple_GET_ITEM(key, d);
        if (!PyIndex_Check(k)) {
            PyErr_SetString(PyExc_TypeError,
                            "memoryview: invalid slice key");
            return NULL;
        }
        Py_ssize_t index;
        if (normalize_index(view, k, d, &index) < 0) {
            return NULL;
        }
        ptr += view->strides[d] * index;
        if (view->suboffsets && view->suboffsets[d] >= 0) {
            ptr = *(char **)ptr + view->suboffsets[d];
        }
    }
    return ptr;
}

static Py_ssize_t memory_length(PyObject *self)
{
    if (check_released(self) < 0) {
        return -1;
    }
    Py_buffer *view = &VIEW(self)->view;
    if (view->ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "0-dim memory has no length");
        return -1;
    }
    return view->shape[0];
}

static PyObject *memory_slice(PyObject *self, PyObject *key)
{
    Py_buffer *view = &VIEW(self)->view;
    if (view->ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "multi-dimensional slicing is not implemented");
        return NULL;
    }
    /* The new view is made first: it keeps the exporter's buffer alive
       even if the slice's __index__ releases this view. */
    PyObject *result = memory_from_mbuf(VIEW(self)->mbuf, view);
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    /* Read the copied description: this view may be released by now. */
    Py_buffer *sliced = &VIEW(result)->view;
    Py_ssize_t stride = sliced->strides[0];
    Py_ssize_t count = PySlice_AdjustIndices(sliced->shape[0], &start, &stop, step);
    sliced->buf = (char *)sliced->buf + start * stride;
    sliced->shape[0] = count;
    sliced->strides[0] = stride * step;
    sliced->len = count * sliced->itemsize;
    init_flags(VIEW(result));
    return result;
}

/* A key that is a tuple of slices only. */
static int is_multislice(PyObject *key)
{
    Py_ssize_t n = PyTuple_GET_SIZE(key);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PySlice_Check(PyTuple_GET_ITEM(key, i))) {
            return 0;
        }
    }
    return n > 0;
}

/* Store value at ptr.  Converting the value may run Python code (__index__,
   __float__, __bool__) that releases the view and frees its memory, so it
   is packed aside first and copied in only if the view is still alive. */
static int pack_checked(PyObject *self, char *ptr, char format, PyObject *value)
{
    _Alignas(16) char item[32];
    Py_ssize_t size = VIEW(self)->view.itemsize;
    if (size <= 0 || size > (Py_ssize_t)sizeof(item)) {
        return pack_item(ptr, format, value);
    }
    if (pack_item(item, format, value) < 0 || check_released(self) < 0) {
        return -1;
    }
    memcpy(ptr, item, (size_t)size);
    return 0;
}

/* sq_item, for reversed() and the sequence protocol: item i of a
   one-dimensional view. */
static PyObject *memory_item(PyObject *self, Py_ssize_t i)
{
    if (check_released(self) < 0) {
        return NULL;
    }
    Py_buffer *view = &VIEW(self)->view;
    if (view->ndim != 1) {
        PyErr_SetString(view->ndim == 0 ? PyExc_TypeError
                                        : PyExc_NotImplementedError,
                        view->ndim == 0 ? "invalid indexing of 0-dim memory"
                                        : "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    char format = require_native_format(view);
    if (format == 0) {
        return NULL;
    }
    if (i < 0) {
        i += view->shape[0];
    }
    if (i < 0 || i >= view->shape[0]) {
        PyErr_SetString(PyExc_IndexError, "index out of bounds on dimension 1");
        return NULL;
    }
    return unpack_item(item_pointer(view, i), format);
}

static PyObject *memory_subscript(PyObject *self, PyObject *key)
{
    if (check_released(self) < 0) {
        return NULL;
    }
    Py_buffer *view = &VIEW(self)->view;
    if (view->ndim == 0) {
        if (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0) {
            char format = require_native_format(view);
            return format ? unpack_item(view->buf, format) : NULL;
        }
        if (key == Py_Ellipsis) {
            return Py_NewRef(self);
        }
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (PyIndex_Check(key)) {
        if (view->ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "multi-dimensional sub-views are not implemented");
            return NULL;
        }
        char format = require_native_format(view);
        Py_ssize_t index;
        if (format == 0 || normalize_index(view, key, 0, &index) < 0) {
            return NULL;
        }
        /* __index__ may have released the view. */
        if (check_released(self) < 0) {
            return NULL;
        }
        return unpack_item(item_pointer(view, index), format);
    }
    if (PySlice_Check(key)) {
        return memory_slice(self, key);
    }
    if (key == Py_Ellipsis) {
        return Py_NewRef(self);
    }
    if (PyTuple_Check(key)) {
        if (is_multislice(key)) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "multi-dimensional slicing is not implemented");
            return NULL;
        }
        char format = require_native_format(view);
        char *ptr = format ? tuple_item_pointer(view, key) : NULL;
        if (ptr == NULL || check_released(self) < 0) {
            return NULL;
        }
        return unpack_item(ptr, format);
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

static int memory_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    if (check_released(self) < 0) {
        return -1;
    }
    Py_buffer *view = &VIEW(self)->view;
    if (view->readonly) {
        PyErr_SetString(PyExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete memory");
        return -1;
    }
    char format = require_native_format(view);
    if (format == 0) {
        return -1;
    }
    if (view->ndim == 0) {
        if (key == Py_Ellipsis || (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0)) {
            return pack_checked(self, view->buf, format, value);
        }
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (PyIndex_Check(key)) {
        if (view->ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "sub-views are not implemented");
            return -1;
        }
        Py_ssize_t index;
        if (normalize_index(view, key, 0, &index) < 0) {
            return -1;
        }
        return pack_checked(self, item_pointer(view, index), format, value);
    }
    if (PyTuple_Check(key)) {
        if (is_multislice(key)) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "memoryview slice assignments are currently "
                            "restricted to ndim = 1");
            return -1;
        }
        char *ptr = tuple_item_pointer(view, key);
        return ptr ? pack_checked(self, ptr, format, value) : -1;
    }
    if (!PySlice_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    if (view->ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    Py_buffer src;
    if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0) {
        return -1;
    }
    int status = -1;
    Py_ssize_t start, stop, step;
    /* The slice's __index__ may release the view and free its memory. */
    if (PySlice_Unpack(key, &start, &stop, &step) == 0 &&
        check_released(self) == 0) {
        Py_ssize_t count = PySlice_AdjustIndices(view->shape[0], &start, &stop, step);
        const char *src_format = src.format ? src.format : "B";
        if (strcmp(src_format, view->format) != 0 && native_format(src_format) != format) {
            PyErr_SetString(PyExc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
        }
        else if (src.ndim != 1 || src.len / (src.itemsize ? src.itemsize : 1) != count
                 || src.itemsize != view->itemsize) {
            PyErr_SetString(PyExc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
        }
        else {
            /* Stage through a contiguous copy: source and target may overlap. */
            char *staging = PyMem_Malloc(src.len ? (size_t)src.len : 1);
            if (staging == NULL) {
                PyErr_NoMemory();
            }
            else if (PyBuffer_ToContiguous(staging, &src, src.len, 'C') == 0) {
                for (Py_ssize_t k = 0; k < count; k++) {
                    memcpy(item_pointer(view, start + k * step),
                           staging + k * view->itemsize, (size_t)view->itemsize);
                }
                status = 0;
            }
            PyMem_Free(staging);
        }
    }
    PyBuffer_Release(&src);
    return status;
}

/* ---- conversion methods ------------------------------------------------- */

static PyObject *tolist_dimension(const Py_buffer *view, char *ptr, int dim, char format)
{
    Py_ssize_t n = view->shape[dim];
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        char *item = ptr + view->strides[dim] * i;
        if (view->suboffsets && view->suboffsets[dim] >= 0) {
            item = *(char **)item + view->suboffsets[dim];
        }
        PyObject *value = dim + 1 == view->ndim ? unpack_item(item, format)
                                                : tolist_dimension(view, item, dim + 1, format);
        if (value == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, value);
    }
    return list;
}

static PyObject *memory_tolist(PyObject *self, PyObject *unused)
{
    if (check_released(self) < 0) {
        return NULL;
    }
    Py_buffer *view = &VIEW(self)->view;
    char format = require_native_format(view);
    if (format == 0) {
        return NULL;
    }
    if (view->ndim == 0) {
        return unpack_item(view->buf, format);
    }
    return tolist_dimension(view, view->buf, 0, format);
}

static PyObject *memory_tobytes(PyObject *self, PyObject *const *args,
                                Py_ssize_t nargs, PyObject *kwnames)
{
    if (check_released(self) < 0) {
        return NULL;
    }
    char order = 'C';
    PyObject *order_arg = nargs > 0 ? args[0] : NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) == 1
            && PyUnicode_EqualToUTF8(PyTuple_GET_ITEM(kwnames, 0), "order")) {
        order_arg = args[nargs];
    }
    else if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        PyErr_SetString(PyExc_TypeError, "tobytes() got an unexpected keyword argument");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "tobytes() takes at most 1 argument");
        return NULL;
    }
    if (order_arg != NULL && order_arg != Py_None) {
        const char *text = PyUnicode_Check(order_arg) ? PyUnicode_AsUTF8(order_arg) : NULL;
        if (text == NULL || (strcmp(text, "C") && strcmp(text, "F") && strcmp(text, "A"))) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
        order = text[0];
    }
    Py_buffer *view = &VIEW(self)->view;
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, view->len);
    if (bytes == NULL) {
        return NULL;
    }
    if (order == 'A') {
        order = PyBuffer_IsContiguous(view, 'F') && !PyBuffer_IsContiguous(view, 'C')
                ? 'F' : 'C';
    }
    if (PyBuffer_ToContiguous(PyBytes_AS_STRING(bytes), view, view->len, order) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

/* The view's bytes in C order: a new bytes object. */
static PyObject *contiguous_bytes(PyObject *self)
{
    return memory_tobytes(self, NULL, 0, NULL);
}

static PyObject *memory_hex(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *kwnames)
{
    PyObject *sep = NULL, *bytes_per_sep = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "hex() takes at most 2 arguments");
        return NULL;
    }
    sep = nargs > 0 ? args[0] : NULL;
    bytes_per_sep = nargs > 1 ? args[1] : NULL;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        if (PyUnicode_EqualToUTF8(name, "sep")) {
            sep = args[nargs + k];
        }
        else if (PyUnicode_EqualToUTF8(name, "bytes_per_sep")) {
            bytes_per_sep = args[nargs + k];
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "hex() got an unexpected keyword argument '%U'", name);
            return NULL;
        }
    }
    PyObject *bytes = contiguous_bytes(self);
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *result = _Py_bytes_hex(PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes),
                                     sep, bytes_per_sep);
    Py_DECREF(bytes);
    return result;
}

static PyObject *memory_toreadonly(PyObject *self, PyObject *unused)
{
    if (check_released(self) < 0) {
        return NULL;
    }
    PyObject *result = memory_from_mbuf(VIEW(self)->mbuf, &VIEW(self)->view);
    if (result != NULL) {
        VIEW(result)->view.readonly = 1;
    }
    return result;
}

/* Release the view's hold on the managed buffer.  Refused while buffers
   exported from this view are alive.  Safe to race: the view's critical
   section serialises releases. */
static int memory_release_impl(PyObject *self)
{
    PyMemoryViewObject *mv = VIEW(self);
    int status = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (!(mv->flags & MEMORYVIEW_RELEASED)) {
        if (mv->exports > 0) {
            PyErr_Format(PyExc_BufferError,
                         "memoryview has %zd exported buffer%s", mv->exports,
                         mv->exports == 1 ? "" : "s");
            status = -1;
        }
        else {
            mv->flags |= MEMORYVIEW_RELEASED;
            if (--mv->mbuf->exports == 0) {
                mbuf_release(mv->mbuf);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return status;
}

static PyObject *memory_release(PyObject *self, PyObject *unused)
{
    if (memory_release_impl(self) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *memory_enter(PyObject *self, PyObject *unused)
{
    if (check_released(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *memory_exit(PyObject *self, PyObject *args)
{
    return memory_release(self, NULL);
}

/* cast(format[, shape]): only to and from byte formats, C-contiguous. */
static PyObject *memory_cast(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    PyObject *format_obj = nargs > 0 ? args[0] : NULL;
    PyObject *shape_obj = nargs > 1 ? args[1] : NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k);
        if (PyUnicode_EqualToUTF8(name, "format")) {
            format_obj = args[nargs + k];
        }
        else if (PyUnicode_EqualToUTF8(name, "shape")) {
            shape_obj = args[nargs + k];
        }
        else {
            PyErr_Format(PyExc_TypeError,
                         "cast() got an unexpected keyword argument '%U'", name);
            return NULL;
        }
    }
    if (format_obj == NULL || !PyUnicode_Check(format_obj)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: format argument must be a string");
        return NULL;
    }
    if (check_released(self) < 0) {
        return NULL;
    }
    Py_buffer *view = &VIEW(self)->view;
    if (!PyBuffer_IsContiguous(view, 'C')) {
        PyErr_SetString(PyExc_TypeError,
                        "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    const char *format_text = PyUnicode_AsUTF8(format_obj);
    if (format_text == NULL) {
        return NULL;
    }
    char format = native_format(format_text);
    if (format == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: destination format must be a native single character "
                        "format prefixed with an optional '@'");
        return NULL;
    }
    char source = native_format(view->format);
    int byte_format = strchr("Bbc", format) != NULL;
    if (!byte_format && (source == 0 || strchr("Bbc", source) == NULL)) {
        PyErr_SetString(PyExc_TypeError,
                        "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    Py_ssize_t itemsize = native_size(format);
    Py_ssize_t shape[PyBUF_MAX_NDIM];
    int ndim = 1;
    if (shape_obj != NULL) {
        PyObject *seq = PySequence_Fast(shape_obj, "shape must be a list or a tuple");
        if (seq == NULL) {
            return NULL;
        }
        ndim = (int)PySequence_Fast_GET_SIZE(seq);
        if (ndim > PyBUF_MAX_NDIM) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_ValueError,
                            "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
        Py_ssize_t product = itemsize;
        for (int i = 0; i < ndim; i++) {
            shape[i] = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(seq, i));
            if (shape[i] <= 0) {
                Py_DECREF(seq);
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_ValueError,
                                    "memoryview.cast(): elements of shape must be integers > 0");
                }
                return NULL;
            }
            product *= shape[i];
        }
        Py_DECREF(seq);
        if (product != view->len) {
            PyErr_SetString(PyExc_TypeError,
                            "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
    }
    else {
        if (view->len % itemsize != 0) {
            PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
            return NULL;
        }
        shape[0] = view->len / itemsize;
    }
    PyMemoryViewObject *mv = memory_alloc(ndim);
    if (mv == NULL) {
        return NULL;
    }
    Py_buffer *dest = &mv->view;
    dest->obj = view->obj;
    dest->buf = view->buf;
    dest->len = view->len;
    dest->readonly = view->readonly;
    dest->itemsize = itemsize;
    /* Constant strings: a view's format must outlive the view. */
    static const char *const format_strings[] = {
        "c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q",
        "n", "N", "f", "d", "e", "P",
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(format_strings); i++) {
        if (format_strings[i][0] == format) {
            dest->format = (char *)format_strings[i];
        }
    }
    dest->internal = NULL;
    dest->suboffsets = NULL;
    for (int i = 0; i < ndim; i++) {
        dest->shape[i] = shape[i];
    }
    PyBuffer_FillContiguousStrides(ndim, dest->shape, dest->strides, (int)itemsize, 'C');
    init_flags(mv);
    mv->mbuf = (_PyManagedBufferObject *)Py_NewRef((PyObject *)VIEW(self)->mbuf);
    mv->mbuf->exports++;
    PyObject_GC_Track(mv);
    return (PyObject *)mv;
}

static PyObject *memory_count(PyObject *self, PyObject *value)
{
    PyObject *list = memory_tolist(self, NULL);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t count = PySequence_Count(list, value);
    Py_DECREF(list);
    return count < 0 ? NULL : PyLong_FromSsize_t(count);
}

static PyObject *memory_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "index expected at least 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *list = memory_tolist(self, NULL);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(list), start = 0, stop = n;
    if ((nargs > 1 && (start = PyNumber_AsSsize_t(args[1], NULL)) == -1 && PyErr_Occurred())
            || (nargs > 2 && (stop = PyNumber_AsSsize_t(args[2], NULL)) == -1
                && PyErr_Occurred())) {
        Py_DECREF(list);
        return NULL;
    }
    if (start < 0) {
        start = start + n < 0 ? 0 : start + n;
    }
    if (stop < 0) {
        stop = stop + n < 0 ? 0 : stop + n;
    }
    for (Py_ssize_t i = start; i < stop && i < n; i++) {
        int eq = PyObject_RichCompareBool(PyList_GET_ITEM(list, i), args[0], Py_EQ);
        if (eq != 0) {
            Py_DECREF(list);
            return eq < 0 ? NULL : PyLong_FromSsize_t(i);
        }
    }
    Py_DECREF(list);
    PyErr_SetString(PyExc_ValueError, "memoryview.index(x): x not found");
    return NULL;
}

/* ---- attributes ---------------------------------------------------------- */

static PyObject *ssize_tuple(const Py_ssize_t *values, int n)
{
    if (values == NULL) {
        return PyTuple_New(0);
    }
    PyObject *tuple = PyTuple_New(n);
    if (tuple == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(values[i]);
        if (v == NULL) {
            Py_DECREF(tuple);
            return NULL;
        }
        PyTuple_SET_ITEM(tuple, i, v);
    }
    return tuple;
}

#define CHECKED_GETTER(name, expression)                            \
    static PyObject *name(PyObject *self, void *closure)            \
    {                                                               \
        if (check_released(self) < 0) {                             \
            return NULL;                                            \
        }                                                           \
        Py_buffer *view = &VIEW(self)->view;                        \
        (void)view;                                                 \
        return expression;                                          \
    }

static PyObject *exporter_of(PyObject *obj);
CHECKED_GETTER(memory_obj_get, Py_XNewRef(view->obj ? exporter_of(view->obj) : Py_None))
CHECKED_GETTER(memory_nbytes_get, PyLong_FromSsize_t(view->len))
CHECKED_GETTER(memory_readonly_get, PyBool_FromLong(view->readonly))
CHECKED_GETTER(memory_itemsize_get, PyLong_FromSsize_t(view->itemsize))
CHECKED_GETTER(memory_format_get, PyUnicode_FromString(view->format))
CHECKED_GETTER(memory_ndim_get, PyLong_FromLong(view->ndim))
CHECKED_GETTER(memory_shape_get, ssize_tuple(view->shape, view->ndim))
CHECKED_GETTER(memory_strides_get, ssize_tuple(view->strides, view->ndim))
CHECKED_GETTER(memory_suboffsets_get, ssize_tuple(view->suboffsets, view->ndim))
CHECKED_GETTER(memory_c_contiguous_get,
               PyBool_FromLong(VIEW(self)->flags & (MEMORYVIEW_C | MEMORYVIEW_SCALAR)))
CHECKED_GETTER(memory_f_contiguous_get,
               PyBool_FromLong(VIEW(self)->flags & (MEMORYVIEW_FORTRAN | MEMORYVIEW_SCALAR)))
CHECKED_GETTER(memory_contiguous_get,
               PyBool_FromLong(VIEW(self)->flags
                               & (MEMORYVIEW_C | MEMORYVIEW_FORTRAN | MEMORYVIEW_SCALAR)))

static PyObject *memory_released_get(PyObject *self, void *closure)
{
    return PyBool_FromLong((VIEW(self)->flags & MEMORYVIEW_RELEASED)
                           || (VIEW(self)->mbuf->flags & MEMORYVIEW_RELEASED));
}

static PyGetSetDef memory_getset[] = {
    {"obj", memory_obj_get, NULL, "The underlying object of the memoryview.", NULL},
    {"nbytes", memory_nbytes_get, NULL, "The amount of space in bytes that the array would use in a contiguous representation.", NULL},
    {"readonly", memory_readonly_get, NULL, "A bool indicating whether the memory is read only.", NULL},
    {"itemsize", memory_itemsize_get, NULL, "The size in bytes of each element of the memoryview.", NULL},
    {"format", memory_format_get, NULL, "A string containing the format (in struct module style) for each element in the view.", NULL},
    {"ndim", memory_ndim_get, NULL, "An integer indicating how many dimensions of a multi-dimensional array the memory represents.", NULL},
    {"shape", memory_shape_get, NULL, "A tuple of ndim integers giving the shape of the memory as an N-dimensional array.", NULL},
    {"strides", memory_strides_get, NULL, "A tuple of ndim integers giving the size in bytes to access each element for each dimension of the array.", NULL},
    {"suboffsets", memory_suboffsets_get, NULL, "A tuple of integers used internally for PIL-style arrays.", NULL},
    {"c_contiguous", memory_c_contiguous_get, NULL, "A bool indicating whether the memory is C contiguous.", NULL},
    {"f_contiguous", memory_f_contiguous_get, NULL, "A bool indicating whether the memory is Fortran contiguous.", NULL},
    {"contiguous", memory_contiguous_get, NULL, "A bool indicating whether the memory is contiguous.", NULL},
    {"released", memory_released_get, NULL, "A bool indicating whether the memoryview has been released.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef memory_methods[] = {
    /* memoryview[int] (3.14): a generic alias, for annotations. */
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {"release", memory_release, METH_NOARGS, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", _PyCFunction_CAST(memory_tobytes), METH_FASTCALL | METH_KEYWORDS, "Return the data in the buffer as a byte string."},
    {"hex", _PyCFunction_CAST(memory_hex), METH_FASTCALL | METH_KEYWORDS, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", memory_tolist, METH_NOARGS, "Return the data in the buffer as a list of elements."},
    {"cast", _PyCFunction_CAST(memory_cast), METH_FASTCALL | METH_KEYWORDS, "Cast a memoryview to a new format or shape."},
    {"toreadonly", memory_toreadonly, METH_NOARGS, "Return a readonly version of the memoryview."},
    {"count", memory_count, METH_O, "Count the number of occurrences of a value."},
    {"index", _PyCFunction_CAST(memory_index), METH_FASTCALL, "Return the index of the first occurrence of a value."},
    {"__enter__", memory_enter, METH_NOARGS, NULL},
    {"__exit__", memory_exit, METH_VARARGS, "Release the underlying buffer exposed by the memoryview object."},
    {NULL, NULL, 0, NULL},
};

/* ---- protocol slots ------------------------------------------------------ */

static PyObject *memory_repr(PyObject *self)
{
    int released = (VIEW(self)->flags & MEMORYVIEW_RELEASED)
                   || (VIEW(self)->mbuf->flags & MEMORYVIEW_RELEASED);
    return PyUnicode_FromFormat(released ? "<released memory at %p>" : "<memory at %p>",
                                self);
}

static Py_hash_t memory_hash(PyObject *self)
{
    PyMemoryViewObject *mv = VIEW(self);
    Py_hash_t hash = __atomic_load_n(&mv->hash, __ATOMIC_RELAXED);
    if (hash != -1) {
        return hash;
    }
    if (check_released(self) < 0) {
        return -1;
    }
    if (!mv->view.readonly) {
        PyErr_SetString(PyExc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    char format = native_format(mv->view.format);
    if (format != 'B' && format != 'b' && format != 'c') {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    /* Equal to the hash of the same bytes, as the language promises. */
    PyObject *bytes = contiguous_bytes(self);
    if (bytes == NULL) {
        return -1;
    }
    hash = PyObject_Hash(bytes);
    Py_DECREF(bytes);
    if (hash != -1) {
        __atomic_store_n(&mv->hash, hash, __ATOMIC_RELAXED);
    }
    return hash;
}

/* Equality compares item values (as tolist() would), so views of
   different formats holding equal numbers are equal. */
static PyObject *memory_richcompare(PyObject *self, PyObject *other, int op)
{
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (self == other) {
        return PyBool_FromLong(op == Py_EQ);
    }
    if ((VIEW(self)->flags & MEMORYVIEW_RELEASED)
            || (VIEW(self)->mbuf->flags & MEMORYVIEW_RELEASED)) {
        return PyBool_FromLong(op == Py_NE);
    }
    PyObject *other_view;
    if (PyMemoryView_Check(other)) {
        if ((VIEW(other)->flags & MEMORYVIEW_RELEASED)
                || (VIEW(other)->mbuf->flags & MEMORYVIEW_RELEASED)) {
            return PyBool_FromLong(op == Py_NE);
        }
        other_view = Py_NewRef(other);
    }
    else if (PyObject_CheckBuffer(other)) {
        other_view = PyMemoryView_FromObject(other);
        if (other_view == NULL) {
            return NULL;
        }
    }
    else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_buffer *a = &VIEW(self)->view, *b = &VIEW(other_view)->view;
    int equal = a->ndim == b->ndim;
    for (int i = 0; equal && i < a->ndim; i++) {
        equal = a->shape[i] == b->shape[i];
    }
    PyObject *result = NULL;
    if (!equal) {
        result = PyBool_FromLong(op == Py_NE);
    }
    else if (native_format(a->format) == 0 || native_format(b->format) == 0) {
        /* Unknown struct formats: equal only if formats and bytes agree. */
        PyObject *ba = contiguous_bytes(self), *bb = contiguous_bytes(other_view);
        if (ba != NULL && bb != NULL) {
            int same = strcmp(a->format, b->format) == 0
                       && PyObject_RichCompareBool(ba, bb, Py_EQ) == 1;
            result = PyBool_FromLong(same == (op == Py_EQ));
        }
        Py_XDECREF(ba);
        Py_XDECREF(bb);
    }
    else {
        PyObject *la = memory_tolist(self, NULL), *lb = memory_tolist(other_view, NULL);
        if (la != NULL && lb != NULL) {
            result = PyObject_RichCompare(la, lb, op);
        }
        Py_XDECREF(la);
        Py_XDECREF(lb);
    }
    Py_DECREF(other_view);
    return result;
}

static int memory_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    PyMemoryViewObject *mv = VIEW(self);
    if (check_released(self) < 0) {
        return -1;
    }
    Py_buffer *base = &mv->view;
    if ((flags & PyBUF_WRITABLE) && base->readonly) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !PyBuffer_IsContiguous(base, 'C')) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !PyBuffer_IsContiguous(base, 'F')) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not Fortran contiguous");
        return -1;
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !PyBuffer_IsContiguous(base, 'A')) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not contiguous");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES && !PyBuffer_IsContiguous(base, 'C')) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    *view = *base;
    view->obj = Py_NewRef(self);
    if (!(flags & PyBUF_FORMAT)) {
        view->format = NULL;
    }
    if ((flags & PyBUF_ND) != PyBUF_ND) {
        view->shape = NULL;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        view->strides = NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    mv->exports++;
    Py_END_CRITICAL_SECTION();
    return 0;
}

static void memory_releasebuffer(PyObject *self, Py_buffer *view)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    VIEW(self)->exports--;
    Py_END_CRITICAL_SECTION();
}

static PyObject *memory_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *object = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 && (kwargs == NULL || PyDict_Size(kwargs) == 0)) {
        object = PyTuple_GET_ITEM(args, 0);
    }
    else if (nargs == 0 && kwargs != NULL && PyDict_Size(kwargs) == 1) {
        object = PyDict_GetItemString(kwargs, "object");
    }
    if (object == NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "memoryview() takes exactly one argument 'object'");
        return NULL;
    }
    return PyMemoryView_FromObject(object);
}

static void memory_dealloc(PyObject *self)
{
    PyMemoryViewObject *mv = VIEW(self);
    PyObject_GC_UnTrack(self);
    if (!(mv->flags & MEMORYVIEW_RELEASED) && mv->mbuf != NULL) {
        mv->flags |= MEMORYVIEW_RELEASED;
        if (--mv->mbuf->exports == 0) {
            mbuf_release(mv->mbuf);
        }
    }
    Py_CLEAR(mv->mbuf);
    if (mv->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    PyObject_GC_Del(self);
}

static int memory_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(VIEW(self)->mbuf);
    return 0;
}

static int memory_clear(PyObject *self)
{
    PyMemoryViewObject *mv = VIEW(self);
    if (!(mv->flags & MEMORYVIEW_RELEASED) && mv->mbuf != NULL) {
        mv->flags |= MEMORYVIEW_RELEASED;
        if (--mv->mbuf->exports == 0) {
            mbuf_release(mv->mbuf);
        }
    }
    Py_CLEAR(mv->mbuf);
    return 0;
}

/* Iteration over a one-dimensional view. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t index;       /* advanced atomically: safe to share */
    PyObject *view;         /* owned */
    char format;
} memory_iterator;

static void memory_iterator_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((memory_iterator *)self)->view);
    PyObject_GC_Del(self);
}

static int memory_iterator_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((memory_iterator *)self)->view);
    return 0;
}

static PyObject *memory_iterator_next(PyObject *self)
{
    memory_iterator *it = (memory_iterator *)self;
    if (check_released(it->view) < 0) {
        return NULL;
    }
    Py_buffer *view = &VIEW(it->view)->view;
    Py_ssize_t index = __atomic_fetch_add(&it->index, 1, __ATOMIC_RELAXED);
    if (index >= view->shape[0]) {
        return NULL;
    }
    return unpack_item(item_pointer(view, index), it->format);
}

PyTypeObject _PyMemoryIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(memory_iterator),
    .tp_dealloc = memory_iterator_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = memory_iterator_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = memory_iterator_next,
};

static PyObject *memory_iter(PyObject *self)
{
    if (check_released(self) < 0) {
        return NULL;
    }
    Py_buffer *view = &VIEW(self)->view;
    if (view->ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (view->ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    char format = require_native_format(view);
    if (format == 0) {
        return NULL;
    }
    memory_iterator *it = PyObject_GC_New(memory_iterator, &_PyMemoryIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->index = 0;
    it->view = Py_NewRef(self);
    it->format = format;
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PySequenceMethods memory_as_sequence = {
    .sq_length = memory_length,
    .sq_item = memory_item,
};

static PyMappingMethods memory_as_mapping = {
    .mp_length = memory_length,
    .mp_subscript = memory_subscript,
    .mp_ass_subscript = memory_ass_subscript,
};

static PyBufferProcs memory_as_buffer = {
    .bf_getbuffer = memory_getbuffer,
    .bf_releasebuffer = memory_releasebuffer,
};

PyTypeObject PyMemoryView_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memoryview",
    .tp_basicsize = offsetof(PyMemoryViewObject, ob_array),
    .tp_itemsize = sizeof(Py_ssize_t),
    .tp_dealloc = memory_dealloc,
    .tp_repr = memory_repr,
    .tp_as_sequence = &memory_as_sequence,
    .tp_as_mapping = &memory_as_mapping,
    .tp_hash = memory_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &memory_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_traverse = memory_traverse,
    .tp_clear = memory_clear,
    .tp_richcompare = memory_richcompare,
    .tp_weaklistoffset = offsetof(PyMemoryViewObject, weakreflist),
    .tp_iter = memory_iter,
    .tp_methods = memory_methods,
    .tp_getset = memory_getset,
    .tp_new = memory_new,
};


/* ---- PEP 688: __buffer__ and __release_buffer__ ----------------------------- */

/* Built-in exporters show their bf_getbuffer as __buffer__(flags): a
   memoryview over the buffer that this very slot function (`wrapped`)
   exports.  Calling the slot itself, not PyObject_GetBuffer, keeps
   super().__buffer__() in a subclass from calling the subclass again. */
PyObject *_Py_wrap_getbuffer(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *flags_obj;
    if (!PyArg_UnpackTuple(args, "__buffer__", 1, 1, &flags_obj)) {
        return NULL;
    }
    long flags = PyLong_AsLong(flags_obj);
    if (flags == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (flags < INT_MIN || flags > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "buffer flags out of range");
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    if (((getbufferproc)wrapped)(self, &mbuf->master, (int)flags) < 0) {
        mbuf->master.obj = NULL;
        Py_DECREF(mbuf);
        return NULL;
    }
    PyObject *mv = memory_from_mbuf(mbuf, &mbuf->master);
    Py_DECREF(mbuf);
    return mv;
}

/* __release_buffer__(view) of a built-in exporter: view must be a
   memoryview of self's buffer; releasing it gives the export back (the
   exporter's bf_releasebuffer runs when the last view goes). */
PyObject *_Py_wrap_releasebuffer(PyObject *self, PyObject *args, void *wrapped)
{
    (void)wrapped;
    PyObject *view;
    if (!PyArg_UnpackTuple(args, "__release_buffer__", 1, 1, &view)) {
        return NULL;
    }
    if (!PyMemoryView_Check(view)) {
        PyErr_SetString(PyExc_TypeError, "expected a memoryview object");
        return NULL;
    }
    if (VIEW(view)->mbuf->master.obj != self) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview's buffer is not this object");
        return NULL;
    }
    if (memory_release_impl(view) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* The Py_buffer.obj of a buffer that a Python class's __buffer__
   exported: it owns the memoryview __buffer__ returned (whose export the
   buffer holds) and the exporting object, so that releasing the buffer
   can call the object's __release_buffer__ with that memoryview.  Both
   fields are set at creation and cleared only by dealloc/clear: no lock
   is needed. */
typedef struct {
    PyObject_HEAD
    PyObject *owner;   /* the object whose __buffer__ was called */
    PyObject *view;    /* the memoryview it returned */
} bufferwrapper;

static void bufferwrapper_dealloc(PyObject *op)
{
    bufferwrapper *self = (bufferwrapper *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(self->owner);
    Py_XDECREF(self->view);
    PyObject_GC_Del(op);
}

static int bufferwrapper_traverse(PyObject *op, visitproc visit, void *arg)
{
    bufferwrapper *self = (bufferwrapper *)op;
    Py_VISIT(self->owner);
    Py_VISIT(self->view);
    return 0;
}

static int bufferwrapper_clear(PyObject *op)
{
    bufferwrapper *self = (bufferwrapper *)op;
    Py_CLEAR(self->owner);
    Py_CLEAR(self->view);
    return 0;
}

/* Is __release_buffer__ of type(obj) written in Python (not a built-in
   base's wrapper)?  Only then is there a method to call here: a C base's
   release runs when the memoryview itself lets go. */
static int has_python_release(PyObject *obj)
{
    PyBufferProcs *procs = Py_TYPE(obj)->tp_as_buffer;
    return procs != NULL && procs->bf_releasebuffer == _Py_slot_bf_releasebuffer;
}

/* type(self).name(self, arg), looked up on the type as special methods
   are. */
static PyObject *call_special_one(PyObject *self, PyObject *name, PyObject *arg)
{
    int unbound;
    PyObject *func = _PyObject_LookupSpecialMethod(self, name, &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_AttributeError, name);
        }
        return NULL;
    }
    PyObject *res = unbound ? PyObject_CallFunctionObjArgs(func, self, arg, NULL)
                            : PyObject_CallOneArg(func, arg);
    Py_DECREF(func);
    return res;
}

static void call_release_buffer(PyObject *owner, PyObject *view)
{
    PyObject *res = call_special_one(owner, _Py_INTERNED_ID(__release_buffer__),
                                     view);
    if (res == NULL) {
        PyErr_FormatUnraisable("Exception ignored in __release_buffer__ of %R",
                               owner);
    }
    Py_XDECREF(res);
}

/* The memoryview's export is given back first, so that
   __release_buffer__ may release the memoryview itself. */
static void bufferwrapper_releasebuffer(PyObject *op, Py_buffer *buffer)
{
    (void)buffer;
    bufferwrapper *self = (bufferwrapper *)op;
    if (self->view == NULL) {
        return;
    }
    memory_releasebuffer(self->view, NULL);
    if (self->owner != NULL && has_python_release(self->owner)) {
        PyObject *exc = PyErr_GetRaisedException();
        call_release_buffer(self->owner, self->view);
        PyErr_SetRaisedException(exc);
    }
}

static PyBufferProcs bufferwrapper_as_buffer = {
    .bf_releasebuffer = bufferwrapper_releasebuffer,
};

PyTypeObject _PyBufferWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_buffer_wrapper",
    .tp_basicsize = sizeof(bufferwrapper),
    .tp_dealloc = bufferwrapper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bufferwrapper_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bufferwrapper_traverse,
    .tp_clear = bufferwrapper_clear,
};

/* bf_getbuffer of a class that defines __buffer__ in Python: the
   memoryview it returns provides the memory; buffer->obj becomes a
   wrapper that keeps that memoryview and self. */
int _Py_slot_bf_getbuffer(PyObject *self, Py_buffer *buffer, int flags)
{
    PyObject *flags_obj = PyLong_FromLong(flags);
    if (flags_obj == NULL) {
        return -1;
    }
    PyObject *view = call_special_one(self, _Py_INTERNED_ID(__buffer__),
                                      flags_obj);
    Py_DECREF(flags_obj);
    if (view == NULL) {
        return -1;
    }
    if (!PyMemoryView_Check(view)) {
        PyErr_SetString(PyExc_TypeError,
                        "__buffer__ returned non-memoryview object");
        Py_DECREF(view);
        return -1;
    }
    bufferwrapper *wrapper = PyObject_GC_New(bufferwrapper, &_PyBufferWrapper_Type);
    if (wrapper == NULL) {
        Py_DECREF(view);
        return -1;
    }
    wrapper->owner = Py_NewRef(self);
    wrapper->view = NULL;
    PyObject_GC_Track(wrapper);
    if (PyObject_GetBuffer(view, buffer, flags) < 0) {
        Py_DECREF(view);
        Py_DECREF(wrapper);
        return -1;
    }
    /* buffer->obj held a reference to view: it passes to the wrapper. */
    wrapper->view = buffer->obj;
    buffer->obj = (PyObject *)wrapper;
    Py_DECREF(view);
    return 0;
}

/* bf_releasebuffer of a class that defines __release_buffer__ in Python
   and gets its buffers from a built-in base (buffer->obj is self; buffers
   from a Python __buffer__ are released by their wrapper instead).  The
   method sees a memoryview of the buffer, released right after, then
   the base's own release runs. */
void _Py_slot_bf_releasebuffer(PyObject *self, Py_buffer *buffer)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *view = PyMemoryView_FromBuffer(buffer);
    if (view == NULL) {
        PyErr_FormatUnraisable("Exception ignored in __release_buffer__ of %R",
                               self);
    }
    else {
        call_release_buffer(self, view);
        if (memory_release_impl(view) < 0) {
            PyErr_Clear();
        }
        Py_DECREF(view);
    }
    for (PyTypeObject *base = Py_TYPE(self)->tp_base; base != NULL;
         base = base->tp_base) {
        PyBufferProcs *procs = base->tp_as_buffer;
        if (procs != NULL && procs->bf_releasebuffer != NULL
                && procs->bf_releasebuffer != _Py_slot_bf_releasebuffer) {
            procs->bf_releasebuffer(self, buffer);
            break;
        }
    }
    PyErr_SetRaisedException(exc);
}

/* The exporting object behind a view: for buffers from a Python class's
   __buffer__, that object, not the internal wrapper. */
static PyObject *exporter_of(PyObject *obj)
{
    if (obj != NULL && Py_IS_TYPE(obj, &_PyBufferWrapper_Type)) {
        return ((bufferwrapper *)obj)->owner;
    }
    return obj;
}
