/* Core-only tuple helpers (Objects/tupleobject.c). */
#ifndef Py_INTERNAL_TUPLE_H
#define Py_INTERNAL_TUPLE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* A new tuple that takes over the n references in src[0:n] (they are
   released even on failure). */
PyAPI_FUNC(PyObject *) _PyTuple_FromArraySteal(PyObject *const *src,
                                               Py_ssize_t n);

/* An iterator's result tuple `cache` (size n <= 4) refilled with the n
   stolen items when the caller's reference is its only one, else a new
   tuple of them (Objects/tupleobject.c says why this is safe). */
PyAPI_FUNC(PyObject *) _PyTuple_Recycle(PyObject *cache,
                                        PyObject *const *items,
                                        Py_ssize_t n);

/* The hash of a tuple of these n items, computed without building one
   (slices hash this way); -1 with an exception if an item is
   unhashable. */
PyAPI_FUNC(Py_hash_t) _PyTuple_HashItems(PyObject *const *items,
                                         Py_ssize_t n);

/* a[start:stop] with the bounds as PySlice_Unpack leaves them for step 1
   (BINARY_SLICE's fast path). */
PyAPI_FUNC(PyObject *) _PyTuple_SliceUnpacked(PyTupleObject *a,
                                              Py_ssize_t start,
                                              Py_ssize_t stop);

/* tuple iterator: it_seq is a strong reference, dropped on exhaustion in
   the default build and kept until deallocation in the free-threaded one
   (where it_index is read and written with relaxed atomics). */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyTupleObject *it_seq;
} _PyTupleIterObject;

#endif /* Py_INTERNAL_TUPLE_H */
