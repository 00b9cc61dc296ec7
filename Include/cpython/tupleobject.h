/* The tuple object layout and its unchecked accessors. */
#ifndef Py_CPYTHON_TUPLEOBJECT_H
#define Py_CPYTHON_TUPLEOBJECT_H

/* ob_item holds Py_SIZE(op) strong references, NULL only while a tuple
   returned by PyTuple_New is being filled by its creator.  ob_hash caches
   the hash (-1, or 0 as left by a zeroing allocator: not yet computed); it
   is published with an atomic store, and every thread computes the same
   value, so a race only repeats work. */
typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_hash;
    PyObject *ob_item[1];
} PyTupleObject;

#define _PyTuple_CAST(op) ((PyTupleObject *)(op))

/* A tuple's size never changes once other code can see it. */
static inline Py_ssize_t PyTuple_GET_SIZE(PyObject *op) {
    return Py_SIZE(op);
}
#define PyTuple_GET_SIZE(op) PyTuple_GET_SIZE(_PyObject_CAST(op))

#define PyTuple_GET_ITEM(op, index) (_PyTuple_CAST(op)->ob_item[(index)])

/* Steals the reference to value; does not drop the previous item.  Only
   for filling a tuple that nobody else has seen. */
static inline void PyTuple_SET_ITEM(PyObject *op, Py_ssize_t index,
                                    PyObject *value) {
    _PyTuple_CAST(op)->ob_item[index] = value;
}
#define PyTuple_SET_ITEM(op, index, value) \
    PyTuple_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))

#define _PyTuple_ITEMS(op) (_PyTuple_CAST(op)->ob_item)

/* Grow or shrink a tuple that only the caller references.  On failure
   *p is released, set to NULL, and -1 returned. */
PyAPI_FUNC(int) _PyTuple_Resize(PyObject **p, Py_ssize_t newsize);

/* A new tuple holding new references to array[0:size]. */
PyAPI_FUNC(PyObject *) PyTuple_FromArray(PyObject *const *array,
                                         Py_ssize_t size);
#define _PyTuple_FromArray PyTuple_FromArray

#endif /* Py_CPYTHON_TUPLEOBJECT_H */
