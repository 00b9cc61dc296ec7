/* The import system's public C API (Python/import.c). */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H

/* sys.modules (borrowed). */
PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void);
/* sys.modules[name] as a new reference; NULL without an exception when
   the module is absent. */
PyAPI_FUNC(PyObject *) PyImport_GetModule(PyObject *name);

/* The module called name in sys.modules, created empty when absent.
   AddModuleRef returns a new reference, the other two a borrowed one. */
PyAPI_FUNC(PyObject *) PyImport_AddModuleRef(const char *name);
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *name);

PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *name);
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *name,
                                                  PyObject *globals,
                                                  PyObject *locals,
                                                  PyObject *fromlist,
                                                  int level);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevelObject(PyObject *name,
                                                        PyObject *globals,
                                                        PyObject *locals,
                                                        PyObject *fromlist,
                                                        int level);
/* getattr(import mod_name, attr_name), new reference (3.14 API). */
PyAPI_FUNC(PyObject *) PyImport_ImportModuleAttr(PyObject *mod_name,
                                                 PyObject *attr_name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleAttrString(const char *mod_name,
                                                       const char *attr_name);

/* Run code object co as the body of module name (created or reused in
   sys.modules); returns sys.modules[name] as a new reference. */
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModule(const char *name,
                                               PyObject *co);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleEx(const char *name,
                                                 PyObject *co,
                                                 const char *pathname);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleObject(PyObject *name,
                                                     PyObject *co,
                                                     PyObject *pathname,
                                                     PyObject *cpathname);

/* capi: the rest of CPython's import API (Python/import.c). */
#define PyImport_ImportModuleEx(name, globals, locals, fromlist) \
    PyImport_ImportModuleLevel((name), (globals), (locals), (fromlist), 0)
/* Like ExecCodeModuleEx; cpathname (the cache file) is accepted and
   unused, as in ExecCodeModuleObject. */
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleWithPathnames(
    const char *name, PyObject *co, const char *pathname,
    const char *cpathname);
/* importlib.reload(module), new reference. */
PyAPI_FUNC(PyObject *) PyImport_ReloadModule(PyObject *module);
/* The first 4 bytes of every bytecode file, read as a little-endian
   number; and sys.implementation.cache_tag. */
PyAPI_FUNC(long) PyImport_GetMagicNumber(void);
PyAPI_FUNC(const char *) PyImport_GetMagicTag(void);
/* The finder for sys.path entry path: sys.path_importer_cache[path], or
   the first of sys.path_hooks that accepts path (then cached); None (not
   cached) when no hook does.  New reference. */
PyAPI_FUNC(PyObject *) PyImport_GetImporter(PyObject *path);

/* The table of modules built into the interpreter.  Entries are added
   before Py_Initialize; initfunc returns a module or a PyModuleDef. */
struct _inittab {
    const char *name;
    PyObject *(*initfunc)(void);
};
PyAPI_DATA(struct _inittab *) PyImport_Inittab;
PyAPI_FUNC(int) PyImport_AppendInittab(const char *name,
                                       PyObject *(*initfunc)(void));
PyAPI_FUNC(int) PyImport_ExtendInittab(struct _inittab *newtab);

/* capi (session 6): lazy imports (PEP 810; Python/import_lazy.c). */
typedef enum {
    PyImport_LAZY_NORMAL,       /* only imports written `lazy` */
    PyImport_LAZY_ALL,          /* every potentially lazy import */
    PyImport_LAZY_NONE          /* none, not even those written `lazy` */
} PyImport_LazyImportsMode;

#ifndef Py_LIMITED_API
PyAPI_FUNC(int) PyImport_SetLazyImportsMode(PyImport_LazyImportsMode mode);
PyAPI_FUNC(int) PyImport_SetLazyImportsFilter(PyObject *filter);
PyAPI_FUNC(PyImport_LazyImportsMode) PyImport_GetLazyImportsMode(void);
PyAPI_FUNC(PyObject *) PyImport_GetLazyImportsFilter(void);

/* Weft has no frozen modules: both return 0 ("not found"). */
PyAPI_FUNC(int) PyImport_ImportFrozenModuleObject(PyObject *name);
PyAPI_FUNC(int) PyImport_ImportFrozenModule(const char *name);

/* The module for spec made by initfunc (a PyInit_* function): a module
   object not yet executed when initfunc returns a PyModuleDef.  Goes
   through the GIL gate like an extension module. */
PyAPI_FUNC(PyObject *) PyImport_CreateModuleFromInitfunc(
    PyObject *spec, PyObject *(*initfunc)(void));
#endif

#endif /* Py_IMPORT_H */
