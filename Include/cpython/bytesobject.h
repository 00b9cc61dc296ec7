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

#endif /* Py_CPYTHON_BYTESOBJECT_H */
