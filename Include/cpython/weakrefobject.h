/* The full (version-specific) weak reference API: the object layout. */
#ifndef Py_CPYTHON_WEAKREFOBJECT_H
#define Py_CPYTHON_WEAKREFOBJECT_H

/* Every weak reference to an object is on a doubly linked list whose head
   is at the object's tp_weaklistoffset.  wr_object is Py_None once the
   referent is dead (the reference is then off the list).  In the
   free-threaded build the list, wr_object and wr_callback are protected
   by the striped lock weakrefs_lock points at, chosen by the referent's
   address when the reference is made. */
struct _PyWeakReference {
    PyObject_HEAD
    PyObject *wr_object;            /* borrowed; Py_None when dead */
    PyObject *wr_callback;          /* owned; NULL when none or already run */
    Py_hash_t hash;                 /* cached hash of the referent, or -1 */
    PyWeakReference *wr_prev;
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
#ifdef Py_GIL_DISABLED
    PyMutex *weakrefs_lock;
#endif
};

Py_DEPRECATED(3.13) static inline PyObject *PyWeakref_GET_OBJECT(PyObject *ref) {
    PyObject *obj = ((PyWeakReference *)ref)->wr_object;
    /* A dead referent whose memory is being reused reads as None. */
    if (Py_REFCNT(obj) > 0) {
        return obj;
    }
    return Py_None;
}
#define PyWeakref_GET_OBJECT(ref) PyWeakref_GET_OBJECT(_PyObject_CAST(ref))

/* capi: 1 if the referent of ref is gone, 0 if it lives, -1 with
   TypeError if ref is not a weak reference (3.14). */
PyAPI_FUNC(int) PyWeakref_IsDead(PyObject *ref);

/* Unlink a reference without calling its callback (the collector calls
   it later); the callback is kept. */
PyAPI_FUNC(void) _PyWeakref_ClearRef(PyWeakReference *self);

#endif /* Py_CPYTHON_WEAKREFOBJECT_H */
