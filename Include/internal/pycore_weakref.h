/* Core-only weak reference helpers (Objects/weakrefobject.c): for the
   future _weakref module and the cycle collector. */
#ifndef Py_INTERNAL_WEAKREF_H
#define Py_INTERNAL_WEAKREF_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The head of obj's weak reference list, or NULL if its type does not
   support weak references. */
static inline PyWeakReference **_PyObject_GET_WEAKREFS_LISTPTR(PyObject *obj) {
    Py_ssize_t offset = Py_TYPE(obj)->tp_weaklistoffset;
    if (offset <= 0) {
        return NULL;
    }
    return (PyWeakReference **)((char *)obj + offset);
}

/* True once the reference's referent is gone. */
PyAPI_FUNC(int) _PyWeakref_IS_DEAD(PyObject *ref);
/* Number of live weak references (and proxies) to obj. */
PyAPI_FUNC(Py_ssize_t) _PyWeakref_GetWeakrefCount(PyObject *obj);
/* A new list of the weak references (and proxies) to obj. */
PyAPI_FUNC(PyObject *) _PyWeakref_GetWeakrefs(PyObject *obj);
/* Clear every weak reference to obj without calling callbacks. */
PyAPI_FUNC(void) _PyWeakref_ClearWeakRefsNoCallbacks(PyObject *obj);

#endif /* Py_INTERNAL_WEAKREF_H */
