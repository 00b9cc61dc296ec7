/* bytearray: mutable sequences of bytes.

   Thread safety (free-threaded build): every field of a bytearray changes
   only inside its critical section, and every read of its storage happens
   inside the critical section too (the shared methods do this through
   _Py_BYTES_DATA_BEGIN).  Arguments that may run Python code (__index__,
   iteration, other buffers) are converted before the section is entered,
   so the storage pointer read inside stays valid.  While buffers are
   exported (ob_exports > 0) the size never changes, so the storage never
   moves. */
#include "Python.h"
#include "pycore_bytes_methods.h"
#include "pycore_object.h"
#include "pycore_abstract.h"

char _PyByteArray_empty_string[] = "";

#define SELF(op) ((PyByteArrayObject *)(op))

/* ---- storage ------------------------------------------------------------ */

/* Resize to `size` bytes; the caller holds self's critical section (or
   self is not yet shared).  Growth over-allocates by about 1/8 so that
   repeated appends are amortised O(1); moving data to the start of the
   allocation reclaims space freed by deletions at the front. */
static int resize_locked(PyObject *op, Py_ssize_t size)
{
    PyByteArrayObject *self = SELF(op);
    if (size < 0) {
        PyErr_Format(PyExc_ValueError, "Can only resize to positive sizes, got %zd", size);
        return -1;
    }
    if (size == Py_SIZE(self)) {
        return 0;
    }
    /* An exported buffer has a fixed length, so any resize is refused,
       even one that would not move the storage (as in CPython). */
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    Py_ssize_t logical_offset = self->ob_start - self->ob_bytes;
    Py_ssize_t alloc = self->ob_alloc;
    if (size + logical_offset + 1 <= alloc && size >= alloc / 2 - logical_offset) {
        Py_SET_SIZE(self, size);
        self->ob_start[size] = '\0';
        return 0;
    }
    Py_ssize_t new_alloc;
    if (size + 1 < alloc || size == 0) {
        new_alloc = size + 1;
    }
    else {
        if (size > PY_SSIZE_T_MAX - (size >> 3) - 7) {
            PyErr_NoMemory();
            return -1;
        }
        new_alloc = size + (size >> 3) + (size < 9 ? 3 : 6) + 1;
    }
    char *bytes;
    if (logical_offset > 0) {
        bytes = PyMem_Malloc((size_t)new_alloc);
        if (bytes == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(bytes, self->ob_start, (size_t)Py_MIN(size, Py_SIZE(self)));
        PyMem_Free(self->ob_bytes);
    }
    else {
        bytes = PyMem_Realloc(self->ob_bytes, (size_t)new_alloc);
        if (bytes == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    self->ob_bytes = self->ob_start = bytes;
    self->ob_alloc = new_alloc;
    Py_SET_SIZE(self, size);
    bytes[size] = '\0';
    return 0;
}

int PyByteArray_Resize(PyObject *self, Py_ssize_t size)
{
    if (!PyByteArray_Check(self)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int status;
    Py_BEGIN_CRITICAL_SECTION(self);
    status = resize_locked(self, size);
    Py_END_CRITICAL_SECTION();
    return status;
}

PyObject *PyByteArray_FromStringAndSize(const char *bytes, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    if (size == PY_SSIZE_T_MAX) {
        return PyErr_NoMemory();
    }
    PyByteArrayObject *self = PyObject_GC_New(PyByteArrayObject, &PyByteArray_Type);
    if (self == NULL) {
        return NULL;
    }
    self->ob_bytes = self->ob_start = NULL;
    self->ob_alloc = 0;
    self->ob_exports = 0;
    Py_SET_SIZE(self, 0);
    if (size > 0) {
        self->ob_bytes = PyMem_Malloc((size_t)size + 1);
        if (self->ob_bytes == NULL) {
            Py_DECREF(self);
            return PyErr_NoMemory();
        }
        self->ob_start = self->ob_bytes;
        self->ob_alloc = size + 1;
        Py_SET_SIZE(self, size);
        if (bytes != NULL) {
            memcpy(self->ob_bytes, bytes, (size_t)size);
        }
        self->ob_bytes[size] = '\0';
    }
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

Py_ssize_t PyByteArray_Size(PyObject *self)
{
    return Py_SIZE(self);
}

char *PyByteArray_AsString(PyObject *self)
{
    return PyByteArray_AS_STRING(self);
}

PyObject *PyByteArray_FromObject(PyObject *input)
{
    return PyObject_CallOneArg((PyObject *)&PyByteArray_Type, input);
}

PyObject *PyByteArray_Concat(PyObject *a, PyObject *b)
{
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) != 0
            || PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) != 0) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                         Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        }
        return NULL;
    }
    PyObject *result = NULL;
    if (va.len > PY_SSIZE_T_MAX - vb.len) {
        PyErr_NoMemory();
    }
    else if ((result = PyByteArray_FromStringAndSize(NULL, va.len + vb.len)) != NULL) {
        memcpy(SELF(result)->ob_bytes, va.buf, (size_t)va.len);
        memcpy(SELF(result)->ob_bytes + va.len, vb.buf, (size_t)vb.len);
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return result;
}

/* ---- object protocol ---------------------------------------------------- */

static void bytearray_dealloc(PyObject *op)
{
    PyByteArrayObject *self = SELF(op);
    PyObject_GC_UnTrack(op);
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_SystemError,
                        "deallocated bytearray object has exported buffers");
        PyErr_Print();
    }
    PyMem_Free(self->ob_bytes);
    Py_TYPE(op)->tp_free(op);
}

static int bytearray_traverse(PyObject *self, visitproc visit, void *arg)
{
    return 0;
}

static PyObject *bytearray_repr(PyObject *self)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    size_t name_len = strlen(name);
    char *prefix = PyMem_Malloc(name_len + 3);
    if (prefix == NULL) {
        return PyErr_NoMemory();
    }
    memcpy(prefix, name, name_len);
    memcpy(prefix + name_len, "(b", 3);
    PyObject *result;
    _Py_BYTES_DATA_BEGIN(self, data, size)
    result = _Py_bytes_repr(data, size, 1, prefix, ")");
    _Py_BYTES_DATA_END()
    PyMem_Free(prefix);
    return result;
}

static int bytearray_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    PyByteArrayObject *self = SELF(op);
    int status;
    Py_BEGIN_CRITICAL_SECTION(op);
    char *data = Py_SIZE(self) ? self->ob_start : _PyByteArray_empty_string;
    status = PyBuffer_FillInfo(view, op, data, Py_SIZE(self), 0, flags);
    if (status == 0) {
        self->ob_exports++;
    }
    Py_END_CRITICAL_SECTION();
    return status;
}

static void bytearray_releasebuffer(PyObject *op, Py_buffer *view)
{
    Py_BEGIN_CRITICAL_SECTION(op);
    SELF(op)->ob_exports--;
    Py_END_CRITICAL_SECTION();
}

static Py_ssize_t bytearray_length(PyObject *self)
{
    return __atomic_load_n(&((PyVarObject *)self)->ob_size, __ATOMIC_RELAXED);
}

static PyObject *bytearray_item_locked(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)SELF(self)->ob_start[i]);
}

static PyObject *bytearray_item(PyObject *self, Py_ssize_t i)
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    result = bytearray_item_locked(self, i);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *bytearray_subscript(PyObject *self, PyObject *index)
{
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        PyObject *result;
        Py_BEGIN_CRITICAL_SECTION(self);
        if (i < 0) {
            i += Py_SIZE(self);
        }
        result = bytearray_item_locked(self, i);
        Py_END_CRITICAL_SECTION();
        return result;
    }
    if (!PySlice_Check(index)) {
        PyErr_Format(PyExc_TypeError,
                     "bytearray indices must be integers or slices, not %.200s",
                     Py_TYPE(index)->tp_name);
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(index, &start, &stop, &step) < 0) {
        return NULL;
    }
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t count = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    const char *src = SELF(self)->ob_start;
    if (step == 1) {
        result = PyByteArray_FromStringAndSize(src + start, count);
    }
    else {
        result = PyByteArray_FromStringAndSize(NULL, count);
        if (result != NULL) {
            char *dst = SELF(result)->ob_start;
            for (Py_ssize_t k = 0, i = start; k < count; k++, i += step) {
                dst[k] = src[i];
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* Replace self[low:high] with `count` bytes from `bytes` (a private copy
   or an exported buffer of another object).  Caller holds the section. */
static int replace_range_locked(PyObject *op, Py_ssize_t low, Py_ssize_t high,
                                const char *bytes, Py_ssize_t count)
{
    PyByteArrayObject *self = SELF(op);
    Py_ssize_t size = Py_SIZE(self);
    if (low < 0) {
        low = 0;
    }
    if (low > size) {
        low = size;
    }
    if (high < low) {
        high = low;
    }
    if (high > size) {
        high = size;
    }
    Py_ssize_t growth = count - (high - low);
    if (growth < 0) {
        if (self->ob_exports > 0) {
            PyErr_SetString(PyExc_BufferError,
                            "Existing exports of data: object cannot be re-sized");
            return -1;
        }
        if (low == 0) {
            /* Deleting from the front moves the start, not the data. */
            self->ob_start -= growth;
            Py_SET_SIZE(self, size + growth);
            self->ob_start[Py_SIZE(self)] = '\0';
        }
        else {
            memmove(self->ob_start + low + count, self->ob_start + high,
                    (size_t)(size - high));
            if (resize_locked(op, size + growth) < 0) {
                return -1;
            }
        }
    }
    else if (growth > 0) {
        if (size > PY_SSIZE_T_MAX - growth) {
            PyErr_NoMemory();
            return -1;
        }
        if (resize_locked(op, size + growth) < 0) {
            return -1;
        }
        memmove(self->ob_start + low + count, self->ob_start + high,
                (size_t)(size - high));
    }
    if (count > 0) {
        memcpy(self->ob_start + low, bytes, (size_t)count);
    }
    return 0;
}

/* A private copy of a bytes-like value, so that `x[a:b] = x` and values
   that alias self are safe.  Returns a new bytes object. */
static PyObject *bytes_copy_of(PyObject *value)
{
    if (PyByteArray_Check(value) || PyObject_CheckBuffer(value)) {
        return PyBytes_FromObject(value);
    }
    if (PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "can assign only bytes, buffers, or iterables "
                                         "of ints in range(0, 256)");
        return NULL;
    }
    if (PyIndex_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return NULL;
    }
    return PyBytes_FromObject(value);
}

static int assign_slice(PyObject *self, PyObject *slice, PyObject *value)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(slice, &start, &stop, &step) < 0) {
        return -1;
    }
    PyObject *bytes = NULL;
    if (value != NULL) {
        bytes = bytes_copy_of(value);
        if (bytes == NULL) {
            return -1;
        }
    }
    const char *data = bytes ? PyBytes_AS_STRING(bytes) : NULL;
    Py_ssize_t needed = bytes ? PyBytes_GET_SIZE(bytes) : 0;
    int status = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t count = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    if (step == 1) {
        status = replace_range_locked(self, start, stop, data, needed);
    }
    else if (needed == 0) {
        /* Delete an extended slice (assigning nothing to one deletes it,
           as in CPython): compact the bytes that are kept. */
        if (count > 0) {
            if (step < 0) {
                start += step * (count - 1);
                step = -step;
            }
            if (SELF(self)->ob_exports > 0) {
                PyErr_SetString(PyExc_BufferError,
                                "Existing exports of data: object cannot be re-sized");
                status = -1;
            }
            else {
                char *buf = SELF(self)->ob_start;
                Py_ssize_t size = Py_SIZE(self), kept = start;
                Py_ssize_t last = start + step * (count - 1);
                for (Py_ssize_t i = start; i < size; i++) {
                    int deleted = i <= last && (i - start) % step == 0;
                    if (!deleted) {
                        buf[kept++] = buf[i];
                    }
                }
                status = resize_locked(self, size - count);
            }
        }
    }
    else if (needed != count) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign bytes of size %zd to extended slice of size %zd",
                     needed, count);
        status = -1;
    }
    else {
        char *buf = SELF(self)->ob_start;
        for (Py_ssize_t k = 0, i = start; k < count; k++, i += step) {
            buf[i] = data[k];
        }
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(bytes);
    return status;
}

static int bytearray_ass_subscript(PyObject *self, PyObject *index, PyObject *value)
{
    if (PySlice_Check(index)) {
        return assign_slice(self, index, value);
    }
    if (!PyIndex_Check(index)) {
        PyErr_Format(PyExc_TypeError,
                     "bytearray indices must be integers or slices, not %.200s",
                     Py_TYPE(index)->tp_name);
        return -1;
    }
    Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    int byte = 0;
    if (value != NULL) {
        byte = _Py_bytes_getbytevalue(value);
        if (byte < 0) {
            return -1;
        }
    }
    int status = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (i < 0) {
        i += size;
    }
    if (i < 0 || i >= size) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        status = -1;
    }
    else if (value == NULL) {
        status = replace_range_locked(self, i, i + 1, NULL, 0);
    }
    else {
        SELF(self)->ob_start[i] = (char)byte;
    }
    Py_END_CRITICAL_SECTION();
    return status;
}

static int bytearray_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    PyObject *index = PyLong_FromSsize_t(i);
    if (index == NULL) {
        return -1;
    }
    int status = bytearray_ass_subscript(self, index, value);
    Py_DECREF(index);
    return status;
}

static PyObject *bytearray_concat(PyObject *self, PyObject *other)
{
    return _Py_bytes_concat(self, other);
}

static PyObject *bytearray_inplace_concat(PyObject *self, PyObject *other)
{
    PyObject *bytes = NULL;
    if (!PyObject_CheckBuffer(other)) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s",
                     Py_TYPE(other)->tp_name, Py_TYPE(self)->tp_name);
        return NULL;
    }
    bytes = PyBytes_FromObject(other);
    if (bytes == NULL) {
        return NULL;
    }
    int status;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    status = replace_range_locked(self, size, size, PyBytes_AS_STRING(bytes),
                                  PyBytes_GET_SIZE(bytes));
    Py_END_CRITICAL_SECTION();
    Py_DECREF(bytes);
    return status < 0 ? NULL : Py_NewRef(self);
}

static PyObject *bytearray_repeat(PyObject *self, Py_ssize_t count)
{
    PyObject *result = NULL;
    if (count < 0) {
        count = 0;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (size && count > PY_SSIZE_T_MAX / size) {
        PyErr_NoMemory();
    }
    else if ((result = PyByteArray_FromStringAndSize(NULL, size * count)) != NULL
             && size > 0) {
        for (Py_ssize_t k = 0; k < count; k++) {
            memcpy(SELF(result)->ob_start + k * size, SELF(self)->ob_start, (size_t)size);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *bytearray_inplace_repeat(PyObject *self, Py_ssize_t count)
{
    int status = 0;
    if (count < 0) {
        count = 0;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (size && count > PY_SSIZE_T_MAX / size) {
        PyErr_NoMemory();
        status = -1;
    }
    else if ((status = resize_locked(self, size * count)) == 0 && size > 0) {
        for (Py_ssize_t k = 1; k < count; k++) {
            memcpy(SELF(self)->ob_start + k * size, SELF(self)->ob_start, (size_t)size);
        }
    }
    Py_END_CRITICAL_SECTION();
    return status < 0 ? NULL : Py_NewRef(self);
}

static int bytearray_contains(PyObject *self, PyObject *arg)
{
    return _Py_bytes_contains(self, arg);
}

static PyObject *bytearray_remainder(PyObject *self, PyObject *args)
{
    if (!PyByteArray_Check(self)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *copy = PyBytes_FromObject(self);
    if (copy == NULL) {
        return NULL;
    }
    PyObject *formatted = _Py_bytes_format(PyBytes_AS_STRING(copy),
                                           PyBytes_GET_SIZE(copy), args);
    Py_DECREF(copy);
    if (formatted == NULL) {
        return NULL;
    }
    PyObject *result = PyByteArray_FromStringAndSize(PyBytes_AS_STRING(formatted),
                                                     PyBytes_GET_SIZE(formatted));
    Py_DECREF(formatted);
    return result;
}

/* ---- construction ------------------------------------------------------- */

static PyObject *bytearray_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyByteArrayObject *self = (PyByteArrayObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->ob_bytes = self->ob_start = NULL;
    self->ob_alloc = 0;
    self->ob_exports = 0;
    Py_SET_SIZE(self, 0);
    return (PyObject *)self;
}

/* The value a constructor argument stands for, as bytes. */
static PyObject *initial_value(PyObject *source, PyObject *encoding, PyObject *errors)
{
    if (source == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError,
                            encoding != NULL ? "encoding without a string argument"
                                             : "errors without a string argument");
            return NULL;
        }
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    if (PyUnicode_Check(source)) {
        if (encoding == NULL) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return NULL;
        }
        const char *enc = PyUnicode_AsUTF8(encoding);
        const char *err = errors ? PyUnicode_AsUTF8(errors) : NULL;
        if (enc == NULL || (errors != NULL && err == NULL)) {
            return NULL;
        }
        return PyUnicode_AsEncodedString(source, enc, err);
    }
    if (encoding != NULL || errors != NULL) {
        PyErr_SetString(PyExc_TypeError,
                        encoding != NULL ? "encoding without a string argument"
                                         : "errors without a string argument");
        return NULL;
    }
    if (PyIndex_Check(source)) {
        Py_ssize_t count = PyNumber_AsSsize_t(source, PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
                return NULL;
            }
            PyErr_Clear();
        }
        else {
            if (count < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return NULL;
            }
            PyObject *zeros = PyBytes_FromStringAndSize(NULL, count);
            if (zeros != NULL && count > 0) {
                memset(PyBytes_AS_STRING(zeros), 0, (size_t)count);
            }
            return zeros;
        }
    }
    if (PyObject_CheckBuffer(source) || !PyUnicode_Check(source)) {
        PyObject *value = PyBytes_FromObject(source);
        if (value == NULL && PyErr_ExceptionMatches(PyExc_TypeError)
                && !PyObject_CheckBuffer(source)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytearray",
                         Py_TYPE(source)->tp_name);
        }
        return value;
    }
    return NULL;
}

static int bytearray_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *argv[3];
    if (_Py_bytes_constructor_args("bytearray", args, kwargs, argv) < 0) {
        return -1;
    }
    PyObject *value = initial_value(argv[0], argv[1], argv[2]);
    if (value == NULL) {
        return -1;
    }
    int status;
    Py_BEGIN_CRITICAL_SECTION(self);
    status = replace_range_locked(self, 0, Py_SIZE(self), PyBytes_AS_STRING(value),
                                  PyBytes_GET_SIZE(value));
    Py_END_CRITICAL_SECTION();
    Py_DECREF(value);
    return status;
}

/* ---- methods that mutate ------------------------------------------------- */

static PyObject *bytearray_append(PyObject *self, PyObject *item)
{
    int byte = _Py_bytes_getbytevalue(item);
    if (byte < 0) {
        return NULL;
    }
    int status;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    status = size == PY_SSIZE_T_MAX ? -1 : resize_locked(self, size + 1);
    if (status == 0) {
        SELF(self)->ob_start[size] = (char)byte;
    }
    else if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_OverflowError, "cannot add more objects to bytearray");
    }
    Py_END_CRITICAL_SECTION();
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytearray_extend(PyObject *self, PyObject *iterable)
{
    if (PyUnicode_Check(iterable)) {
        PyErr_SetString(PyExc_TypeError, "expected iterable of integers; got: 'str'");
        return NULL;
    }
    PyObject *bytes = PyBytes_FromObject(iterable);
    if (bytes == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && !PyObject_CheckBuffer(iterable)) {
            /* Neither a buffer nor iterable: CPython's own message.  The
               probe runs with no exception pending (one pending would be
               reported as ignored). */
            PyObject *exc = PyErr_GetRaisedException();
            int iterable_like = PyObject_HasAttrStringWithError(iterable, "__iter__");
            if (iterable_like == 0) {
                PyErr_Format(PyExc_TypeError, "can't extend bytearray with %.100s",
                             Py_TYPE(iterable)->tp_name);
            }
            if (iterable_like > 0) {
                PyErr_SetRaisedException(exc);
            }
            else {
                Py_DECREF(exc);
            }
        }
        return NULL;
    }
    int status;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    status = replace_range_locked(self, size, size, PyBytes_AS_STRING(bytes),
                                  PyBytes_GET_SIZE(bytes));
    Py_END_CRITICAL_SECTION();
    Py_DECREF(bytes);
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytearray_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "insert expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    Py_ssize_t where = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (where == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int byte = _Py_bytes_getbytevalue(args[1]);
    if (byte < 0) {
        return NULL;
    }
    char c = (char)byte;
    int status;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (where < 0) {
        where += size;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > size) {
        where = size;
    }
    status = replace_range_locked(self, where, where, &c, 1);
    Py_END_CRITICAL_SECTION();
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytearray_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "pop expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    Py_ssize_t where = -1;
    if (nargs == 1) {
        where = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (where == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    int byte = -1;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (size == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty bytearray");
    }
    else {
        if (where < 0) {
            where += size;
        }
        if (where < 0 || where >= size) {
            PyErr_SetString(PyExc_IndexError, "pop index out of range");
        }
        else {
            byte = (unsigned char)SELF(self)->ob_start[where];
            if (replace_range_locked(self, where, where + 1, NULL, 0) < 0) {
                byte = -1;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return byte < 0 ? NULL : PyLong_FromLong(byte);
}

static PyObject *bytearray_remove(PyObject *self, PyObject *arg)
{
    int byte = _Py_bytes_getbytevalue(arg);
    if (byte < 0) {
        return NULL;
    }
    int status = -1;
    Py_BEGIN_CRITICAL_SECTION(self);
    const char *start = SELF(self)->ob_start;
    const char *at = Py_SIZE(self) ? memchr(start, byte, (size_t)Py_SIZE(self)) : NULL;
    if (at == NULL) {
        PyErr_SetString(PyExc_ValueError, "value not found in bytearray");
    }
    else {
        status = replace_range_locked(self, at - start, at - start + 1, NULL, 0);
    }
    Py_END_CRITICAL_SECTION();
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytearray_reverse(PyObject *self, PyObject *unused)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    char *lo = SELF(self)->ob_start, *hi = lo + Py_SIZE(self) - 1;
    for (; Py_SIZE(self) > 0 && lo < hi; lo++, hi--) {
        char tmp = *lo;
        *lo = *hi;
        *hi = tmp;
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *bytearray_clear(PyObject *self, PyObject *unused)
{
    int status;
    Py_BEGIN_CRITICAL_SECTION(self);
    status = resize_locked(self, 0);
    Py_END_CRITICAL_SECTION();
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytearray_copy(PyObject *self, PyObject *unused)
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    result = PyByteArray_FromStringAndSize(SELF(self)->ob_start, Py_SIZE(self));
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *bytearray_resize(PyObject *self, PyObject *arg)
{
    Py_ssize_t size = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (size == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int status;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t old = Py_SIZE(self);
    status = resize_locked(self, size);
    if (status == 0 && size > old) {
        memset(SELF(self)->ob_start + old, 0, (size_t)(size - old));
    }
    Py_END_CRITICAL_SECTION();
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* take_bytes(n=None): remove the first n bytes and return them. */
static PyObject *bytearray_take_bytes(PyObject *self, PyObject *const *args,
                                      Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "take_bytes expected at most 1 argument, got %zd",
                     nargs);
        return NULL;
    }
    int take_all = nargs == 0 || args[0] == Py_None;
    Py_ssize_t n = 0;
    if (!take_all) {
        n = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    if (take_all) {
        n = size;
    }
    else if (n < 0) {
        n += size;
    }
    if (n < 0 || n > size) {
        PyErr_Format(PyExc_IndexError, "can't take %zd bytes outside size %zd", n, size);
    }
    else if (SELF(self)->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "Existing exports of data: object cannot be re-sized");
    }
    else if ((result = PyBytes_FromStringAndSize(SELF(self)->ob_start, n)) != NULL) {
        if (replace_range_locked(self, 0, n, NULL, 0) < 0) {
            Py_CLEAR(result);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *bytearray_alloc(PyObject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(__atomic_load_n(&SELF(self)->ob_alloc, __ATOMIC_RELAXED));
}

static PyObject *bytearray_sizeof(PyObject *self, PyObject *unused)
{
    Py_ssize_t size = (Py_ssize_t)Py_TYPE(self)->tp_basicsize
                      + __atomic_load_n(&SELF(self)->ob_alloc, __ATOMIC_RELAXED);
    return PyLong_FromSsize_t(size);
}

static PyObject *bytearray_reduce_ex(PyObject *self, PyObject *const *args,
                                     Py_ssize_t nargs)
{
    int protocol = 0;
    if (nargs > 0) {
        protocol = PyLong_AsInt(args[0]);
        if (protocol == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    /* The instance's state as object.__getstate__ gives it: the __dict__
       and, for subclasses with __slots__, the slot values too. */
    PyObject *state = _PyObject_GetState(self);
    if (state == NULL) {
        return NULL;
    }
    PyObject *payload;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (protocol < 3) {
        /* Older protocols cannot carry bytes: latin-1 text survives them. */
        PyObject *text = PyUnicode_DecodeLatin1(SELF(self)->ob_start
                                                ? SELF(self)->ob_start : "",
                                                Py_SIZE(self), NULL);
        payload = text ? Py_BuildValue("(Ns)", text, "latin-1") : NULL;
    }
    else {
        PyObject *bytes = PyBytes_FromStringAndSize(SELF(self)->ob_start, Py_SIZE(self));
        payload = bytes ? PyTuple_Pack(1, bytes) : NULL;
        Py_XDECREF(bytes);
    }
    Py_END_CRITICAL_SECTION();
    if (payload == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    return Py_BuildValue("(ONN)", Py_TYPE(self), payload, state);
}

static PyObject *bytearray_reduce(PyObject *self, PyObject *unused)
{
    return bytearray_reduce_ex(self, NULL, 0);
}

static PyObject *bytearray_fromhex(PyObject *cls, PyObject *string)
{
    PyObject *bytes = _Py_bytes_fromhex(string);
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallOneArg(cls, bytes);
    Py_DECREF(bytes);
    return result;
}

static PyObject *bytearray_maketrans(PyObject *unused, PyObject *const *args,
                                     Py_ssize_t nargs)
{
    return _Py_bytes_maketrans(NULL, args, nargs);
}

static PyMethodDef bytearray_methods[] = {
    _Py_BYTES_SHARED_METHODDEFS
    {"__alloc__", bytearray_alloc, METH_NOARGS,
     "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__reduce__", bytearray_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__reduce_ex__", _PyCFunction_CAST(bytearray_reduce_ex), METH_FASTCALL,
     "Return state information for pickling."},
    {"__sizeof__", bytearray_sizeof, METH_NOARGS,
     "Returns the size of the bytearray object in memory, in bytes."},
    {"append", bytearray_append, METH_O, "Append a single item to the end of the bytearray."},
    {"clear", bytearray_clear, METH_NOARGS, "Remove all items from the bytearray."},
    {"copy", bytearray_copy, METH_NOARGS, "Return a copy of B."},
    {"extend", bytearray_extend, METH_O,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"fromhex", bytearray_fromhex, METH_O | METH_CLASS,
     "Create a bytearray object from a string of hexadecimal numbers."},
    {"insert", _PyCFunction_CAST(bytearray_insert), METH_FASTCALL,
     "Insert a single item into the bytearray before the given index."},
    {"maketrans", _PyCFunction_CAST(bytearray_maketrans), METH_FASTCALL | METH_STATIC,
     "Return a translation table usable for the bytes or bytearray translate method."},
    {"pop", _PyCFunction_CAST(bytearray_pop), METH_FASTCALL,
     "Remove and return a single item from B."},
    {"remove", bytearray_remove, METH_O, "Remove the first occurrence of a value in the bytearray."},
    {"resize", bytearray_resize, METH_O, "Resize the internal buffer of bytearray to len."},
    {"reverse", bytearray_reverse, METH_NOARGS, "Reverse the order of the values in B in place."},
    {"take_bytes", _PyCFunction_CAST(bytearray_take_bytes), METH_FASTCALL,
     "Take the first n bytes as an immutable bytes object."},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_remainder,
};

static PySequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_item,
    .sq_ass_item = bytearray_ass_item,
    .sq_contains = bytearray_contains,
    .sq_inplace_concat = bytearray_inplace_concat,
    .sq_inplace_repeat = bytearray_inplace_repeat,
};

static PyMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static PyBufferProcs bytearray_as_buffer = {
    .bf_getbuffer = bytearray_getbuffer,
    .bf_releasebuffer = bytearray_releasebuffer,
};

/* ---- iterator ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;       /* advanced under the bytearray's critical section */
    PyObject *seq;          /* owned; NULL once exhausted (default build) */
} bytearray_iterator;

static void bytearray_iterator_dealloc(PyObject *self)
{
    bytearray_iterator *it = (bytearray_iterator *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->seq);
    PyObject_GC_Del(it);
}

static int bytearray_iterator_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((bytearray_iterator *)self)->seq);
    return 0;
}

static PyObject *bytearray_iterator_next(PyObject *self)
{
    bytearray_iterator *it = (bytearray_iterator *)self;
    PyObject *seq = it->seq;
    int byte = -1;
    if (seq == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(seq);
    if (it->index < Py_SIZE(seq)) {
        byte = (unsigned char)SELF(seq)->ob_start[it->index++];
    }
    else {
        /* Exhausted for good, even if the bytearray grows later. */
        it->index = PY_SSIZE_T_MAX;
    }
    Py_END_CRITICAL_SECTION();
    if (byte >= 0) {
        return PyLong_FromLong(byte);
    }
#ifndef Py_GIL_DISABLED
    /* With the GIL nobody else reads seq: released at exhaustion as in
       CPython, cleared first since the decref may re-enter via __del__. */
    it->seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *bytearray_iterator_length_hint(PyObject *self, PyObject *unused)
{
    bytearray_iterator *it = (bytearray_iterator *)self;
    if (it->seq == NULL) {
        return PyLong_FromLong(0);
    }
    Py_ssize_t remaining = Py_SIZE(it->seq) - it->index;
    return PyLong_FromSsize_t(remaining > 0 ? remaining : 0);
}

/* index is read and written under the bytearray's critical section. */
static PyObject *bytearray_iterator_reduce(PyObject *self, PyObject *unused)
{
    bytearray_iterator *it = (bytearray_iterator *)self;
    PyObject *iter = _PyIter_Builtin("iter");
    if (iter == NULL) {
        return NULL;
    }
    PyObject *seq = it->seq;
    Py_ssize_t index = PY_SSIZE_T_MAX;
    if (seq != NULL) {
        Py_BEGIN_CRITICAL_SECTION(seq);
        index = it->index;
        Py_END_CRITICAL_SECTION();
    }
    return _PyIter_ReduceIndexed(iter, index == PY_SSIZE_T_MAX ? NULL : seq,
                                 index);
}

static PyObject *bytearray_iterator_setstate(PyObject *self, PyObject *state)
{
    bytearray_iterator *it = (bytearray_iterator *)self;
    PyObject *seq = it->seq;
    Py_ssize_t index;
    if (_PyIter_StateIndex(state, 0, PY_SSIZE_T_MAX - 1, &index) < 0) {
        return NULL;
    }
    if (seq == NULL) {
        Py_RETURN_NONE;
    }
    Py_BEGIN_CRITICAL_SECTION(seq);
    if (it->index != PY_SSIZE_T_MAX) {
        it->index = index > Py_SIZE(seq) ? Py_SIZE(seq) : index;
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyMethodDef bytearray_iterator_methods[] = {
    {"__length_hint__", bytearray_iterator_length_hint, METH_NOARGS, NULL},
    {"__reduce__", bytearray_iterator_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", bytearray_iterator_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyByteArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(bytearray_iterator),
    .tp_dealloc = bytearray_iterator_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytearray_iterator_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytearray_iterator_next,
    .tp_methods = bytearray_iterator_methods,
};

static PyObject *bytearray_iter(PyObject *seq)
{
    bytearray_iterator *it = PyObject_GC_New(bytearray_iterator, &PyByteArrayIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->index = 0;
    it->seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

PyTypeObject PyByteArray_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PyByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = bytearray_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC
                | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array",
    .tp_traverse = bytearray_traverse,
    .tp_richcompare = _Py_bytes_richcompare,
    .tp_iter = bytearray_iter,
    .tp_methods = bytearray_methods,
    .tp_init = bytearray_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = bytearray_new,
    .tp_free = PyObject_GC_Del,
};
