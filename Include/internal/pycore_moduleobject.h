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
    /* abi3t (Objects/moduleslots.c): a module made from a slot array owns
       md_def, a definition built from the slots (PyMem), and
       PyModule_GetDef hides it; md_token is its Py_mod_token. */
    int md_def_owned;
    void *md_token;
} PyModuleObject;

/* A new reference to annotate(1) (PEP 649's VALUE format), checked to be
   a dict; an empty dict when annotate is NULL or not callable. */
PyObject *_PyAnnotate_CallValue(PyObject *annotate);

static inline PyObject *_PyModule_GetDict(PyObject *mod) {
    return ((PyModuleObject *)mod)->md_dict;
}

/* 1 while a module's code is still running (its __spec__._initializing is
   true), else 0; never an error (Objects/moduleobject.c). */
int _PyModule_IsInitializing(PyObject *module);

/* abi3t: module slot IDs 1-4 of a PyModuleDef_Slot array are the
   pre-3.15 numbers of Py_mod_create ... Py_mod_gil. */
static inline int _PyModuleSlot_ResolveID(int id) {
    return (id >= 1 && id <= 4) ? id - 1 + Py_mod_create : id;
}

/* abi3t (Objects/moduleslots.c): the part of PyModule_FromDefAndSpec2's
   slot check for slots that are not PEP 489's: Py_mod_abi is checked,
   the others are errors in a PyModuleDef.  name is spec.name. */
int _PyModule_CheckDefSlot(PyObject *name, const PyModuleDef_Slot *slot);
/* Objects/moduleobject.c, shared with moduleslots.c. */
int _PyModule_AddFunctionsToObject(PyObject *module, PyObject *name,
                                   PyMethodDef *functions);
int _PyModule_SetDocToObject(PyObject *module, const char *doc);

/* abi3t: what PyModule_GetToken answers (the definition, for a module
   made from one). */
static inline void *_PyModule_GetToken(PyObject *mod) {
    PyModuleObject *m = (PyModuleObject *)mod;
    return m->md_def_owned ? m->md_token : (void *)m->md_def;
}

static inline PyModuleDef *_PyModule_GetDef(PyObject *mod) {
    return ((PyModuleObject *)mod)->md_def;
}

static inline void *_PyModule_GetState(PyObject *mod) {
    return ((PyModuleObject *)mod)->md_state;
}

#endif /* Py_INTERNAL_MODULEOBJECT_H */
