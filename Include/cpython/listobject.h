/* The list object layout and its unchecked accessors. */
#ifndef Py_CPYTHON_LISTOBJECT_H
#define Py_CPYTHON_LISTOBJECT_H

/* Invariants (Objects/listobject.c):
     0 <= Py_SIZE(op) <= allocated;
     ob_item[0:Py_SIZE(op)] are strong references (NULL only while a list
     returned by PyList_New is being filled by its creator);
     ob_item == NULL exactly when allocated == 0, except during a sort,
     when the array is detached and allocated is -1.
   In the free-threaded build ob_item and ob_size are written only inside
   the list's critical section, with atomic stores so that unlocked
   readers (len(), PyList_GET_SIZE) see whole values. */
typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;
    Py_ssize_t allocated;
} PyListObject;

#define _PyList_CAST(op) ((PyListObject *)(op))

static inline Py_ssize_t PyList_GET_SIZE(PyObject *op) {
#ifdef Py_GIL_DISABLED
    return __atomic_load_n(&_PyVarObject_CAST(op)->ob_size, __ATOMIC_RELAXED);
#else
    return Py_SIZE(op);
#endif
}
#define PyList_GET_SIZE(op) PyList_GET_SIZE(_PyObject_CAST(op))

#define PyList_GET_ITEM(op, index) (_PyList_CAST(op)->ob_item[(index)])

/* Steals the reference to value and does not drop the previous item:
   for filling a new list.  Not bounds-checked. */
static inline void PyList_SET_ITEM(PyObject *op, Py_ssize_t index,
                                   PyObject *value) {
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&_PyList_CAST(op)->ob_item[index], value,
                     __ATOMIC_RELEASE);
#else
    _PyList_CAST(op)->ob_item[index] = value;
#endif
}
#define PyList_SET_ITEM(op, index, value) \
    PyList_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))

/* list.extend(iterable); 0 or -1. */
PyAPI_FUNC(int) PyList_Extend(PyObject *list, PyObject *iterable);
/* del list[:]; 0 or -1. */
PyAPI_FUNC(int) PyList_Clear(PyObject *list);

#endif /* Py_CPYTHON_LISTOBJECT_H */
