/* bytes: the object layout (full API). */
#ifndef Py_CPYTHON_BYTESOBJECT_H
#define Py_CPYTHON_BYTESOBJECT_H

/* ob_sval holds ob_size bytes followed by a NUL that is not part of the
   value.  The object is immutable once returned from its constructor. */
typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;     /* -1 until computed; racing writers agree */
    char ob_sval[1];
} PyBytesObject;

PyAPI_FUNC(int) _PyBytes_Resize(PyObject **, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyBytes_Join(PyObject *sep, PyObject *iterable);
PyAPI_FUNC(PyObject *) _PyBytes_Join(PyObject *sep, PyObject *iterable);

static inline char *PyBytes_AS_STRING(PyObject *op) {
    return ((PyBytesObject *)op)->ob_sval;
}
#define PyBytes_AS_STRING(op) PyBytes_AS_STRING(_PyObject_CAST(op))
static inline Py_ssize_t PyBytes_GET_SIZE(PyObject *op) {
    return Py_SIZE(op);
}
#define PyBytes_GET_SIZE(op) PyBytes_GET_SIZE(_PyObject_CAST(op))

/* capi: PyBytesWriter (PEP 782, 3.15; Objects/bytesobject.c).  Builds a
   bytes object in place: Create(size) gives `size` writable bytes at
   GetData(); Resize/Grow change the size (keeping the content, new bytes
   uninitialized; GetData may move); Finish returns the bytes and frees
   the writer, Discard frees it on error.  One thread at a time. */
typedef struct PyBytesWriter PyBytesWriter;
PyAPI_FUNC(PyBytesWriter *) PyBytesWriter_Create(Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyBytesWriter_Finish(PyBytesWriter *writer);
PyAPI_FUNC(PyObject *) PyBytesWriter_FinishWithSize(PyBytesWriter *writer,
                                                    Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyBytesWriter_FinishWithPointer(PyBytesWriter *writer,
                                                       void *buf);
PyAPI_FUNC(void) PyBytesWriter_Discard(PyBytesWriter *writer);
PyAPI_FUNC(void *) PyBytesWriter_GetData(PyBytesWriter *writer);
PyAPI_FUNC(Py_ssize_t) PyBytesWriter_GetSize(PyBytesWriter *writer);
PyAPI_FUNC(int) PyBytesWriter_Resize(PyBytesWriter *writer, Py_ssize_t size);
PyAPI_FUNC(int) PyBytesWriter_Grow(PyBytesWriter *writer, Py_ssize_t grow);
PyAPI_FUNC(void *) PyBytesWriter_GrowAndUpdatePointer(PyBytesWriter *writer,
                                                      Py_ssize_t size,
                                                      void *buf);
/* Append size bytes (size -1: strlen(bytes)). */
PyAPI_FUNC(int) PyBytesWriter_WriteBytes(PyBytesWriter *writer,
                                         const void *bytes, Py_ssize_t size);
/* Append PyBytes_FromFormat(format, ...). */
PyAPI_FUNC(int) PyBytesWriter_Format(PyBytesWriter *writer,
                                     const char *format, ...);

#endif /* Py_CPYTHON_BYTESOBJECT_H */
