/* bytearray: the object layout (full API). */
#ifndef Py_CPYTHON_BYTEARRAYOBJECT_H
#define Py_CPYTHON_BYTEARRAYOBJECT_H

/* The value is ob_start[0 .. ob_size); ob_bytes is the allocation of
   ob_alloc bytes (ob_start may point past its beginning after deletions
   from the front).  All fields change only inside the object's critical
   section; while ob_exports > 0 (buffers handed out) the storage may not
   move. */
typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;
    char *ob_bytes;
    char *ob_start;
    Py_ssize_t ob_exports;
} PyByteArrayObject;

PyAPI_DATA(char) _PyByteArray_empty_string[];

static inline char *PyByteArray_AS_STRING(PyObject *op) {
    PyByteArrayObject *self = (PyByteArrayObject *)op;
    return Py_SIZE(self) ? self->ob_start : _PyByteArray_empty_string;
}
#define PyByteArray_AS_STRING(self) PyByteArray_AS_STRING(_PyObject_CAST(self))
static inline Py_ssize_t PyByteArray_GET_SIZE(PyObject *self) {
    return Py_SIZE(self);
}
#define PyByteArray_GET_SIZE(self) PyByteArray_GET_SIZE(_PyObject_CAST(self))

#endif /* Py_CPYTHON_BYTEARRAYOBJECT_H */
