/* Cell objects: the boxes that hold variables shared between a function
   and its closures (Objects/cellobject.c). */
#ifndef Py_CELLOBJECT_H
#define Py_CELLOBJECT_H

#ifndef Py_LIMITED_API

/* ob_ref is a strong reference or NULL (empty cell).  In the free-threaded
   build it is written inside the cell's critical section with a release
   store, so unlocked readers see either the old or the new object. */
typedef struct {
    PyObject_HEAD
    PyObject *ob_ref;
} PyCellObject;

PyAPI_DATA(PyTypeObject) PyCell_Type;

#define PyCell_Check(op) Py_IS_TYPE((op), &PyCell_Type)

/* A new cell holding a new reference to obj (which may be NULL). */
PyAPI_FUNC(PyObject *) PyCell_New(PyObject *obj);
/* New reference to the contents, or NULL (empty cell, no exception). */
PyAPI_FUNC(PyObject *) PyCell_Get(PyObject *cell);
/* Replace the contents with a new reference to value (may be NULL). */
PyAPI_FUNC(int) PyCell_Set(PyObject *cell, PyObject *value);

/* Borrowed contents, no checks and no lock. */
static inline PyObject *PyCell_GET(PyObject *op) {
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(&((PyCellObject *)op)->ob_ref, __ATOMIC_ACQUIRE);
#else
    return ((PyCellObject *)op)->ob_ref;
#endif
}
#define PyCell_GET(op) PyCell_GET(_PyObject_CAST(op))

/* Store value without touching any reference count: the caller manages
   both the old and the new contents. */
static inline void PyCell_SET(PyObject *op, PyObject *value) {
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&((PyCellObject *)op)->ob_ref, value, __ATOMIC_RELEASE);
#else
    ((PyCellObject *)op)->ob_ref = value;
#endif
}
#define PyCell_SET(op, value) PyCell_SET(_PyObject_CAST(op), (value))

#endif /* Py_LIMITED_API */

#endif /* Py_CELLOBJECT_H */
