/* Function objects (Objects/funcobject.c) and the classmethod and
   staticmethod wrappers (Objects/classmethodobject.c). */
#ifndef Py_CPYTHON_FUNCOBJECT_H
#define Py_CPYTHON_FUNCOBJECT_H

/* A Python function.  func_globals, func_builtins, func_name and
   func_qualname are never NULL.  Fields written after creation
   (__defaults__, __kwdefaults__, __code__, __annotations__, ...) are
   replaced under the function's critical section; readers on the call
   path load the pointer once and take a reference. */
typedef struct {
    PyObject_HEAD
    PyObject *func_globals;       /* dict */
    PyObject *func_builtins;      /* usually a dict: globals["__builtins__"]
                                     may be any object (see
                                     _PyEval_BuiltinsFromGlobals) */
    PyObject *func_name;          /* str */
    PyObject *func_qualname;      /* str */
    PyObject *func_code;          /* code object */
    PyObject *func_defaults;      /* NULL or a tuple */
    PyObject *func_kwdefaults;    /* NULL or a dict */
    PyObject *func_closure;       /* NULL or a tuple of cells */
    PyObject *func_doc;           /* usually a str or None */
    PyObject *func_dict;          /* __dict__, NULL until needed */
    PyObject *func_weakreflist;
    PyObject *func_module;        /* __module__ */
    PyObject *func_annotations;   /* NULL or a dict */
    PyObject *func_annotate;      /* NULL, None or a callable (PEP 649) */
    PyObject *func_typeparams;    /* NULL or a tuple (PEP 695) */
    vectorcallfunc vectorcall;
    uint32_t func_version;
} PyFunctionObject;

PyAPI_DATA(PyTypeObject) PyFunction_Type;

#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)

PyAPI_FUNC(PyObject *) PyFunction_New(PyObject *code, PyObject *globals);
PyAPI_FUNC(PyObject *) PyFunction_NewWithQualName(PyObject *code,
                                                  PyObject *globals,
                                                  PyObject *qualname);
PyAPI_FUNC(PyObject *) PyFunction_GetCode(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetGlobals(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetModule(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetDefaults(PyObject *);
PyAPI_FUNC(int) PyFunction_SetDefaults(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetKwDefaults(PyObject *);
PyAPI_FUNC(int) PyFunction_SetKwDefaults(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetClosure(PyObject *);
PyAPI_FUNC(int) PyFunction_SetClosure(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetAnnotations(PyObject *);
PyAPI_FUNC(int) PyFunction_SetAnnotations(PyObject *, PyObject *);
PyAPI_FUNC(void) PyFunction_SetVectorcall(PyFunctionObject *, vectorcallfunc);
PyAPI_FUNC(PyObject *) _PyFunction_Vectorcall(PyObject *func,
                                              PyObject *const *stack,
                                              size_t nargsf,
                                              PyObject *kwnames);

#define PyFunction_GET_CODE(func) (((PyFunctionObject *)(func))->func_code)
#define PyFunction_GET_GLOBALS(func) (((PyFunctionObject *)(func))->func_globals)
#define PyFunction_GET_MODULE(func) (((PyFunctionObject *)(func))->func_module)
#define PyFunction_GET_DEFAULTS(func) (((PyFunctionObject *)(func))->func_defaults)
#define PyFunction_GET_KW_DEFAULTS(func) \
    (((PyFunctionObject *)(func))->func_kwdefaults)
#define PyFunction_GET_CLOSURE(func) (((PyFunctionObject *)(func))->func_closure)
#define PyFunction_GET_ANNOTATIONS(func) \
    (((PyFunctionObject *)(func))->func_annotations)

PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;

PyAPI_FUNC(PyObject *) PyClassMethod_New(PyObject *);
PyAPI_FUNC(PyObject *) PyStaticMethod_New(PyObject *);

#endif /* Py_CPYTHON_FUNCOBJECT_H */
