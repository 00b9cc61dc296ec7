/* memoryview (Objects/memoryobject.c). */
#ifndef Py_MEMORYOBJECT_H
#define Py_MEMORYOBJECT_H

PyAPI_DATA(PyTypeObject) PyMemoryView_Type;
#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)

PyAPI_FUNC(PyObject *) PyMemoryView_FromObject(PyObject *base);
PyAPI_FUNC(PyObject *) PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags);
PyAPI_FUNC(PyObject *) PyMemoryView_FromBuffer(const Py_buffer *info);
PyAPI_FUNC(PyObject *) PyMemoryView_GetContiguous(PyObject *base, int buffertype,
                                                  char order);

#ifndef Py_LIMITED_API
/* The managed buffer: one export from the underlying object, shared by
   every memoryview sliced or cast from it. */
typedef struct {
    PyObject_HEAD
    int flags;
    Py_ssize_t exports;     /* memoryviews referring to it */
    Py_buffer master;
} _PyManagedBufferObject;

typedef struct {
    PyObject_VAR_HEAD
    _PyManagedBufferObject *mbuf;
    Py_hash_t hash;
    int flags;
    Py_ssize_t exports;     /* buffers exported from this view */
    Py_buffer view;
    PyObject *weakreflist;
    Py_ssize_t ob_array[1]; /* shape, strides, suboffsets */
} PyMemoryViewObject;

PyAPI_DATA(PyTypeObject) _PyManagedBuffer_Type;
PyAPI_DATA(PyTypeObject) _PyMemoryIter_Type;
/* Py_buffer.obj of buffers exported through a Python __buffer__ (PEP 688). */
PyAPI_DATA(PyTypeObject) _PyBufferWrapper_Type;

#define PyMemoryView_GET_BUFFER(op) (&((PyMemoryViewObject *)(op))->view)
#define PyMemoryView_GET_BASE(op) (((PyMemoryViewObject *)(op))->view.obj)
#endif

#endif /* Py_MEMORYOBJECT_H */
