/* Built-in functions and methods: PyMethodDef and PyCFunction objects
   (Objects/methodobject.c). */
#ifndef Py_METHODOBJECT_H
#define Py_METHODOBJECT_H

PyAPI_DATA(PyTypeObject) PyCFunction_Type;
#define PyCFunction_CheckExact(op) Py_IS_TYPE((op), &PyCFunction_Type)
#define PyCFunction_Check(op) PyObject_TypeCheck((op), &PyCFunction_Type)

typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*PyCFunctionFastWithKeywords)(PyObject *, PyObject *const *,
                                                 Py_ssize_t, PyObject *);
typedef PyObject *(*PyCMethod)(PyObject *, PyTypeObject *, PyObject *const *,
                               size_t, PyObject *);
typedef PyCFunctionFast _PyCFunctionFast;
typedef PyCFunctionFastWithKeywords _PyCFunctionFastWithKeywords;

#define _PyCFunction_CAST(func) ((PyCFunction)(void (*)(void))(func))

PyAPI_FUNC(PyCFunction) PyCFunction_GetFunction(PyObject *);
PyAPI_FUNC(PyObject *) PyCFunction_GetSelf(PyObject *);
PyAPI_FUNC(int) PyCFunction_GetFlags(PyObject *);

struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
};
typedef struct PyMethodDef PyMethodDef;

PyAPI_FUNC(PyObject *) PyCFunction_New(PyMethodDef *, PyObject *);
PyAPI_FUNC(PyObject *) PyCFunction_NewEx(PyMethodDef *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyCMethod_New(PyMethodDef *, PyObject *, PyObject *,
                                     PyTypeObject *);

#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
#define METH_CLASS 0x0010
#define METH_STATIC 0x0020
#define METH_COEXIST 0x0040
#define METH_FASTCALL 0x0080
#define METH_STACKLESS 0x0000
#define METH_METHOD 0x0200

#ifndef Py_LIMITED_API
/* A built-in function or a built-in method bound to m_self.  m_ml is
   borrowed (PyMethodDef tables are static or outlive their functions);
   m_self and m_module are owned; nothing changes after creation. */
typedef struct {
    PyObject_HEAD
    PyMethodDef *m_ml;
    PyObject *m_self;
    PyObject *m_module;
    PyObject *m_weakreflist;
    vectorcallfunc vectorcall;
} PyCFunctionObject;

/* METH_METHOD functions also know the class that defined them. */
typedef struct {
    PyCFunctionObject func;
    PyTypeObject *mm_class;     /* owned */
} PyCMethodObject;

PyAPI_DATA(PyTypeObject) PyCMethod_Type;
#define PyCMethod_CheckExact(op) Py_IS_TYPE((op), &PyCMethod_Type)
#define PyCMethod_Check(op) PyObject_TypeCheck((op), &PyCMethod_Type)

#define _PyCFunctionObject_CAST(func) ((PyCFunctionObject *)(func))
#define PyCFunction_GET_FUNCTION(func) \
    (_PyCFunctionObject_CAST(func)->m_ml->ml_meth)
#define PyCFunction_GET_SELF(func)                                      \
    ((_PyCFunctionObject_CAST(func)->m_ml->ml_flags & METH_STATIC)      \
         ? NULL : _PyCFunctionObject_CAST(func)->m_self)
#define PyCFunction_GET_FLAGS(func) \
    (_PyCFunctionObject_CAST(func)->m_ml->ml_flags)
#define PyCFunction_GET_CLASS(func)                                     \
    ((_PyCFunctionObject_CAST(func)->m_ml->ml_flags & METH_METHOD)      \
         ? ((PyCMethodObject *)(func))->mm_class : NULL)
#endif /* !Py_LIMITED_API */

#endif /* Py_METHODOBJECT_H */
