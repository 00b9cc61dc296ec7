/* The buffer protocol (PEP 3118): requesting, describing and copying the
   memory that bytes-like objects export.

   These functions touch only the Py_buffer the caller owns and the
   exporter's bf_getbuffer/bf_releasebuffer, which protect their own
   object (e.g. bytearray counts exports in its critical section). */
#include "Python.h"

int PyObject_CheckBuffer(PyObject *obj)
{
    PyBufferProcs *procs = Py_TYPE(obj)->tp_as_buffer;
    return procs != NULL && procs->bf_getbuffer != NULL;
}

int PyObject_GetBuffer(PyObject *obj, Py_buffer *view, int flags)
{
    PyBufferProcs *procs = Py_TYPE(obj)->tp_as_buffer;
    if (procs == NULL || procs->bf_getbuffer == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return procs->bf_getbuffer(obj, view, flags);
}

void PyBuffer_Release(Py_buffer *view)
{
    PyObject *obj = view->obj;
    if (obj == NULL) {
        return;
    }
    PyBufferProcs *procs = Py_TYPE(obj)->tp_as_buffer;
    if (procs != NULL && procs->bf_releasebuffer != NULL) {
        procs->bf_releasebuffer(obj, view);
    }
    view->obj = NULL;
    Py_DECREF(obj);
}

/* Describe a one-dimensional contiguous byte buffer.  A NULL view only
   checks that the request could be satisfied. */
int PyBuffer_FillInfo(Py_buffer *view, PyObject *obj, void *buf, Py_ssize_t len,
                      int readonly, int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError,
                        "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if (flags != PyBUF_SIMPLE) {
        if (flags == PyBUF_READ || flags == PyBUF_WRITE) {
            PyErr_BadInternalCall();
            return -1;
        }
    }
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = Py_XNewRef(obj);
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? "B" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? &view->len : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &view->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static int is_c_contiguous(const Py_buffer *view)
{
    if (view->len == 0 || view->strides == NULL) {
        return 1;
    }
    Py_ssize_t expected = view->itemsize;
    for (int i = view->ndim - 1; i >= 0; i--) {
        if (view->shape[i] > 1 && view->strides[i] != expected) {
            return 0;
        }
        expected *= view->shape[i];
    }
    return 1;
}

static int is_f_contiguous(const Py_buffer *view)
{
    if (view->len == 0) {
        return 1;
    }
    if (view->strides == NULL) {
        if (view->ndim <= 1) {
            return 1;
        }
        /* C-ordered without strides: Fortran order only if at most one
           dimension is longer than one. */
        Py_ssize_t longer = 0;
        for (int i = 0; i < view->ndim; i++) {
            longer += view->shape[i] > 1;
        }
        return longer <= 1;
    }
    Py_ssize_t expected = view->itemsize;
    for (int i = 0; i < view->ndim; i++) {
        if (view->shape[i] > 1 && view->strides[i] != expected) {
            return 0;
        }
        expected *= view->shape[i];
    }
    return 1;
}

int PyBuffer_IsContiguous(const Py_buffer *view, char order)
{
    if (view->suboffsets != NULL) {
        return 0;
    }
    if (order == 'C') {
        return is_c_contiguous(view);
    }
    if (order == 'F') {
        return is_f_contiguous(view);
    }
    if (order == 'A') {
        return is_c_contiguous(view) || is_f_contiguous(view);
    }
    return 0;
}

void *PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices)
{
    char *pointer = (char *)view->buf;
    for (int i = 0; i < view->ndim; i++) {
        Py_ssize_t stride = view->strides ? view->strides[i] : view->itemsize;
        pointer += stride * indices[i];
        if (view->suboffsets != NULL && view->suboffsets[i] >= 0) {
            pointer = *((char **)pointer) + view->suboffsets[i];
        }
    }
    return pointer;
}

void PyBuffer_FillContiguousStrides(int ndim, Py_ssize_t *shape, Py_ssize_t *strides,
                                    int itemsize, char order)
{
    Py_ssize_t stride = itemsize;
    if (order == 'F') {
        for (int i = 0; i < ndim; i++) {
            strides[i] = stride;
            stride *= shape[i];
        }
    }
    else {
        for (int i = ndim - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
    }
}

/* Visit every item of `view` in C (last index fastest) or Fortran order,
   copying between the item and a contiguous byte cursor. */
static void copy_items(const Py_buffer *view, char *contiguous, char order,
                       int to_contiguous)
{
    Py_ssize_t indices[PyBUF_MAX_NDIM] = { 0 };
    Py_ssize_t items = view->itemsize ? view->len / view->itemsize : 0;
    int ndim = view->ndim;
    for (Py_ssize_t k = 0; k < items; k++) {
        char *item = PyBuffer_GetPointer(view, indices);
        if (to_contiguous) {
            memcpy(contiguous, item, (size_t)view->itemsize);
        }
        else {
            memcpy(item, contiguous, (size_t)view->itemsize);
        }
        contiguous += view->itemsize;
        if (order == 'F') {
            for (int d = 0; d < ndim; d++) {
                if (++indices[d] < view->shape[d]) {
                    break;
                }
                indices[d] = 0;
            }
        }
        else {
            for (int d = ndim - 1; d >= 0; d--) {
                if (++indices[d] < view->shape[d]) {
                    break;
                }
                indices[d] = 0;
            }
        }
    }
}

int PyBuffer_ToContiguous(void *buf, const Py_buffer *view, Py_ssize_t len, char order)
{
    if (len > view->len) {
        len = view->len;
    }
    if (PyBuffer_IsContiguous(view, order) || (view->ndim <= 1 && view->strides == NULL)) {
        memcpy(buf, view->buf, (size_t)len);
        return 0;
    }
    if (view->shape == NULL) {
        PyErr_SetString(PyExc_BufferError, "buffer has no shape");
        return -1;
    }
    if (len < view->len) {
        char *full = PyMem_Malloc((size_t)view->len);
        if (full == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        copy_items(view, full, order == 'F' ? 'F' : 'C', 1);
        memcpy(buf, full, (size_t)len);
        PyMem_Free(full);
        return 0;
    }
    copy_items(view, buf, order == 'F' ? 'F' : 'C', 1);
    return 0;
}

int PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len,
                            char order)
{
    if (len > view->len) {
        len = view->len;
    }
    if (PyBuffer_IsContiguous(view, order) || (view->ndim <= 1 && view->strides == NULL)) {
        memcpy(view->buf, buf, (size_t)len);
        return 0;
    }
    if (len < view->len) {
        PyErr_SetString(PyExc_BufferError,
                        "partial copy into a non-contiguous buffer is not supported");
        return -1;
    }
    copy_items(view, (char *)buf, order == 'F' ? 'F' : 'C', 0);
    return 0;
}

int PyObject_CopyData(PyObject *dest, PyObject *src)
{
    Py_buffer view_dest, view_src;
    if (!PyObject_CheckBuffer(dest) || !PyObject_CheckBuffer(src)) {
        PyErr_SetString(PyExc_TypeError, "both destination and source must be "
                                         "bytes-like objects");
        return -1;
    }
    if (PyObject_GetBuffer(dest, &view_dest, PyBUF_FULL) != 0) {
        return -1;
    }
    if (PyObject_GetBuffer(src, &view_src, PyBUF_FULL_RO) != 0) {
        PyBuffer_Release(&view_dest);
        return -1;
    }
    int status = -1;
    if (view_dest.len < view_src.len) {
        PyErr_SetString(PyExc_BufferError, "destination is too small to receive data from source");
    }
    else {
        char *staging = PyMem_Malloc(view_src.len ? (size_t)view_src.len : 1);
        if (staging == NULL) {
            PyErr_NoMemory();
        }
        else {
            status = PyBuffer_ToContiguous(staging, &view_src, view_src.len, 'C');
            if (status == 0) {
                status = PyBuffer_FromContiguous(&view_dest, staging, view_src.len, 'C');
            }
            PyMem_Free(staging);
        }
    }
    PyBuffer_Release(&view_dest);
    PyBuffer_Release(&view_src);
    return status;
}

/* Item size of a struct-module format holding one native item, e.g. "i",
   "@d", "<H", "2f".  The struct module generalises this later. */
Py_ssize_t PyBuffer_SizeFromFormat(const char *format)
{
    const char *p = format;
    int native = 1;
    if (*p == '@' || *p == '=' || *p == '<' || *p == '>' || *p == '!') {
        native = (*p == '@');
        p++;
    }
    Py_ssize_t count = 0;
    while (*p >= '0' && *p <= '9') {
        count = count * 10 + (*p++ - '0');
    }
    if (count == 0) {
        count = 1;
    }
    Py_ssize_t size;
    switch (*p) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': size = 1; break;
    case 'h': case 'H': case 'e': size = 2; break;
    case 'i': case 'I': size = 4; break;
    case 'l': case 'L': size = native ? (Py_ssize_t)sizeof(long) : 4; break;
    case 'q': case 'Q': size = 8; break;
    case 'n': case 'N': size = native ? (Py_ssize_t)sizeof(size_t) : -1; break;
    case 'f': size = 4; break;
    case 'd': size = 8; break;
    case 'P': size = native ? (Py_ssize_t)sizeof(void *) : -1; break;
    default: size = -1; break;
    }
    if (size < 0 || p[1] != '\0') {
        PyErr_Format(PyExc_ValueError, "unsupported buffer format: '%s'", format);
        return -1;
    }
    return size * count;
}
