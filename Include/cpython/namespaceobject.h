/* types.SimpleNamespace (Objects/namespaceobject.c). */
#ifndef Py_CPYTHON_NAMESPACEOBJECT_H
#define Py_CPYTHON_NAMESPACEOBJECT_H

PyAPI_DATA(PyTypeObject) _PyNamespace_Type;

/* A new namespace whose attributes are a copy of kwds (a dict or NULL). */
PyAPI_FUNC(PyObject *) _PyNamespace_New(PyObject *kwds);

#endif /* Py_CPYTHON_NAMESPACEOBJECT_H */
