/* Module objects and module definitions (Objects/moduleobject.c). */
#ifndef Py_MODULEOBJECT_H
#define Py_MODULEOBJECT_H

PyAPI_DATA(PyTypeObject) PyModule_Type;

#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)

typedef struct PyModuleDef PyModuleDef;
typedef struct PyModuleDef_Slot PyModuleDef_Slot;

PyAPI_FUNC(PyObject *) PyModule_NewObject(PyObject *name);
PyAPI_FUNC(PyObject *) PyModule_New(const char *name);
/* Borrowed reference to the module's namespace. */
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetNameObject(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetName(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetFilename(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetFilenameObject(PyObject *);
PyAPI_FUNC(PyModuleDef *) PyModule_GetDef(PyObject *);
PyAPI_FUNC(void *) PyModule_GetState(PyObject *);

/* Multi-phase initialisation (PEP 489). */
PyAPI_FUNC(PyObject *) PyModuleDef_Init(PyModuleDef *);
PyAPI_DATA(PyTypeObject) PyModuleDef_Type;

typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT {         \
    PyObject_HEAD_INIT(Py_NULL)         \
    Py_NULL, /* m_init */               \
    0,       /* m_index */              \
    Py_NULL, /* m_copy */               \
}

struct PyModuleDef_Slot {
    int slot;
    void *value;
};

#define Py_mod_create 1
#define Py_mod_exec 2
#define Py_mod_multiple_interpreters 3
#define Py_mod_gil 4
#ifndef Py_LIMITED_API
#  define _Py_mod_LAST_SLOT 4
#endif

/* Values of Py_mod_multiple_interpreters. */
#define Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED ((void *)0)
#define Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED ((void *)1)
#define Py_MOD_PER_INTERPRETER_GIL_SUPPORTED ((void *)2)
/* Values of Py_mod_gil (DESIGN.md section 7). */
#define Py_MOD_GIL_USED ((void *)0)
#define Py_MOD_GIL_NOT_USED ((void *)1)

struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
};

/* Single-phase creation and the pieces of multi-phase creation. */
PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *, int apiver);
PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *def,
                                                PyObject *spec,
                                                int module_api_version);
PyAPI_FUNC(int) PyModule_ExecDef(PyObject *module, PyModuleDef *def);

/* PYTHON_API_VERSION comes from modsupport.h. */
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_API_VERSION)
#define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)

#ifdef Py_GIL_DISABLED
/* Single-phase modules declare whether they need the GIL. */
PyAPI_FUNC(int) PyUnstable_Module_SetGIL(PyObject *module, void *gil);
#endif

#endif /* Py_MODULEOBJECT_H */
