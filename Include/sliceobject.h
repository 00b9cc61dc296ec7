/* slice objects (Objects/sliceobject.c).  The Ellipsis singleton and its
   type live in Objects/object.c. */
#ifndef Py_SLICEOBJECT_H
#define Py_SLICEOBJECT_H

PyAPI_DATA(PyTypeObject) PyEllipsis_Type;

#ifndef Py_LIMITED_API
/* start, stop and step are never NULL (Py_None when omitted); a slice is
   immutable once created. */
typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step;
} PySliceObject;
#endif

PyAPI_DATA(PyTypeObject) PySlice_Type;

#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)

/* Any argument may be NULL, meaning None. */
PyAPI_FUNC(PyObject *) PySlice_New(PyObject *start, PyObject *stop,
                                   PyObject *step);
PyAPI_FUNC(int) PySlice_GetIndices(PyObject *r, Py_ssize_t length,
                                   Py_ssize_t *start, Py_ssize_t *stop,
                                   Py_ssize_t *step);
PyAPI_FUNC(int) PySlice_GetIndicesEx(PyObject *r, Py_ssize_t length,
                                     Py_ssize_t *start, Py_ssize_t *stop,
                                     Py_ssize_t *step,
                                     Py_ssize_t *slicelength);
/* The two halves of PySlice_GetIndicesEx: read the slice's fields as
   Py_ssize_t (clamped; may run arbitrary __index__ code), then clip them
   to a sequence of the given length and return the slice length. */
PyAPI_FUNC(int) PySlice_Unpack(PyObject *slice, Py_ssize_t *start,
                               Py_ssize_t *stop, Py_ssize_t *step);
PyAPI_FUNC(Py_ssize_t) PySlice_AdjustIndices(Py_ssize_t length,
                                             Py_ssize_t *start,
                                             Py_ssize_t *stop,
                                             Py_ssize_t step);

/* Unpack before looking at the length, so that __index__ code that
   shrinks the sequence cannot leave stale indices. */
#define PySlice_GetIndicesEx(slice, length, start, stop, step, slicelen)     \
    (PySlice_Unpack((slice), (start), (stop), (step)) < 0                    \
         ? ((*(slicelen) = 0), -1)                                           \
         : ((*(slicelen) = PySlice_AdjustIndices((length), (start), (stop),  \
                                                 *(step))),                  \
            0))

#ifndef Py_LIMITED_API
/* slice(start, stop) from C integers. */
PyAPI_FUNC(PyObject *) _PySlice_FromIndices(Py_ssize_t start, Py_ssize_t stop);
/* slice.indices(length) with arbitrary-size ints: new references in the
   three outputs, or -1 with an exception set. */
PyAPI_FUNC(int) _PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                                        PyObject **start_ptr,
                                        PyObject **stop_ptr,
                                        PyObject **step_ptr);
#endif

#endif /* Py_SLICEOBJECT_H */
