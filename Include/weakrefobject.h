/* Weak references: weakref.ref and the proxies (Objects/weakrefobject.c). */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H

typedef struct _PyWeakReference PyWeakReference;

PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || \
     Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) \
    (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

/* callback (may be NULL or None) is called with the reference when the
   referent dies. */
PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
/* Borrowed reference to the referent, or None once it is dead. */
Py_DEPRECATED(3.13) PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref);
/* 1 and a new reference in *pobj while the referent lives, 0 and NULL
   once it is dead, -1 and NULL if ref is not a weak reference. */
PyAPI_FUNC(int) PyWeakref_GetRef(PyObject *ref, PyObject **pobj);

#ifndef Py_LIMITED_API
#  include "cpython/weakrefobject.h"
#endif

#endif /* Py_WEAKREFOBJECT_H */
