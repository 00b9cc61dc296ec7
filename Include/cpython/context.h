/* Context variables (PEP 567): the public C API (Python/context.c). */
#ifndef Py_LIMITED_API
#ifndef Py_CONTEXT_H
#define Py_CONTEXT_H

PyAPI_DATA(PyTypeObject) PyContext_Type;
typedef struct _pycontextobject PyContext;

PyAPI_DATA(PyTypeObject) PyContextVar_Type;
typedef struct _pycontextvarobject PyContextVar;

PyAPI_DATA(PyTypeObject) PyContextToken_Type;
typedef struct _pycontexttokenobject PyContextToken;

#define PyContext_CheckExact(o) Py_IS_TYPE((o), &PyContext_Type)
#define PyContextVar_CheckExact(o) Py_IS_TYPE((o), &PyContextVar_Type)
#define PyContextToken_CheckExact(o) Py_IS_TYPE((o), &PyContextToken_Type)

/* A new empty context. */
PyAPI_FUNC(PyObject *) PyContext_New(void);
/* A shallow copy of ctx, or of the calling thread's current context. */
PyAPI_FUNC(PyObject *) PyContext_Copy(PyObject *ctx);
PyAPI_FUNC(PyObject *) PyContext_CopyCurrent(void);

/* Make ctx the calling thread's current context / restore the previous
   one.  0 on success, -1 with an exception set (RuntimeError when ctx
   is already entered, or is not the current context on exit). */
PyAPI_FUNC(int) PyContext_Enter(PyObject *ctx);
PyAPI_FUNC(int) PyContext_Exit(PyObject *ctx);

/* A new ContextVar named name; def may be NULL (no default). */
PyAPI_FUNC(PyObject *) PyContextVar_New(const char *name, PyObject *def);

/* Looks var up in the current context: *value receives a new reference
   to its value, else to default_value, else the var's default, else
   NULL.  Returns -1 only on error (then *value is NULL). */
PyAPI_FUNC(int) PyContextVar_Get(PyObject *var, PyObject *default_value,
                                 PyObject **value);

/* Binds var to value in the current context; returns a new Token or
   NULL with an exception set. */
PyAPI_FUNC(PyObject *) PyContextVar_Set(PyObject *var, PyObject *value);

/* Restores var to the state before the set that returned token. */
PyAPI_FUNC(int) PyContextVar_Reset(PyObject *var, PyObject *token);

#endif /* Py_CONTEXT_H */
#endif /* !Py_LIMITED_API */
