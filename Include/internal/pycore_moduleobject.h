/* Core-only layout of module objects (Objects/moduleobject.c). */
#ifndef Py_INTERNAL_MODULEOBJECT_H
#define Py_INTERNAL_MODULEOBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* md_dict never changes after creation (it is the module's namespace and
   synchronises itself); md_def and md_state are set while the module is
   being created, before other threads can see it. */
typedef struct {
    PyObject_HEAD
    PyObject *md_dict;          /* owned */
    PyModuleDef *md_def;        /* borrowed; static or owned by an extension */
    void *md_state;             /* PyMem_Calloc'ed, m_size bytes */
    PyObject *md_weaklist;
    PyObject *md_name;          /* owned; the name at creation, for errors */
#ifdef Py_GIL_DISABLED
    void *md_gil;               /* Py_MOD_GIL_USED / Py_MOD_GIL_NOT_USED */
#endif
} PyModuleObject;

/* A new reference to annotate(1) (PEP 649's VALUE format), checked to be
   a dict; an empty dict when annotate is NULL or not callable. */
PyObject *_PyAnnotate_CallValue(PyObject *annotate);

static inline PyObject *_PyModule_GetDict(PyObject *mod) {
    return ((PyModuleObject *)mod)->md_dict;
}

static inline PyModuleDef *_PyModule_GetDef(PyObject *mod) {
    return ((PyModuleObject *)mod)->md_def;
}

static inline void *_PyModule_GetState(PyObject *mod) {
    return ((PyModuleObject *)mod)->md_state;
}

#endif /* Py_INTERNAL_MODULEOBJECT_H */
