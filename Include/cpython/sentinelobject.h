/* sentinel objects (PEP 661): Objects/sentinelobject.c. */
#ifndef Py_CPYTHON_SENTINELOBJECT_H
#define Py_CPYTHON_SENTINELOBJECT_H

#ifndef Py_LIMITED_API

PyAPI_DATA(PyTypeObject) PySentinel_Type;

/* sentinel cannot be subclassed, so both checks are exact. */
#define PySentinel_CheckExact(op) Py_IS_TYPE((op), &PySentinel_Type)
#define PySentinel_Check(op) PySentinel_CheckExact(op)

/* A new sentinel: repr() is `repr`, or `name` when repr is NULL;
   __module__ is module_name, or None when it is NULL. */
PyAPI_FUNC(PyObject *) PySentinel_New(const char *name,
                                      const char *module_name,
                                      const char *repr);

#endif /* !Py_LIMITED_API */
#endif /* Py_CPYTHON_SENTINELOBJECT_H */
