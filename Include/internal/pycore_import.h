/* Core-only parts of the import system (Python/import.c). */
#ifndef Py_INTERNAL_IMPORT_H
#define Py_INTERNAL_IMPORT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* The built-in modules (Modules/config.c), ending with a NULL name. */
extern struct _inittab _PyImport_Inittab[];

/* A new tuple of the names in PyImport_Inittab, sorted (for
   sys.builtin_module_names). */
PyObject *_PyImport_BuiltinModuleNames(void);

/* Directory of the standard library in the source tree, or NULL when the
   build did not record one. */
const char *_PyImport_StdlibDir(void);

#endif /* Py_INTERNAL_IMPORT_H */
