/* Core-only parts of the import system (Python/import.c). */
#ifndef Py_INTERNAL_IMPORT_H
#define Py_INTERNAL_IMPORT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "cpython/critical_section.h"

/* The built-in modules (Modules/config.c), ending with a NULL name. */
extern struct _inittab _PyImport_Inittab[];

/* A new tuple of the names in PyImport_Inittab, sorted (for
   sys.builtin_module_names). */
PyObject *_PyImport_BuiltinModuleNames(void);

/* Directory of the standard library in the source tree, or NULL when the
   build did not record one. */
const char *_PyImport_StdlibDir(void);

/* A new reference to the object field *field of op, read inside op's
   critical section so a concurrent store cannot free it under us; and
   the matching store.  For fields that C code writes after an object
   is shared (Python code writes them through member descriptors, which
   lock the same way). */
static inline PyObject *_PyImport_LoadRef(PyObject *op, PyObject **field)
{
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = Py_XNewRef(*field);
    Py_END_CRITICAL_SECTION();
    return value;
}

static inline void _PyImport_StoreRef(PyObject *op, PyObject **field,
                                      PyObject *value)
{
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(op);
    old = *field;
    *field = Py_XNewRef(value);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
}

/* ---- the finder/loader protocol (Python/import.c) -------------------- */

/* _imp.is_builtin: 1 for an inittab module that can be created, -1 for
   one made by the runtime (sys, builtins), 0 for an unknown name. */
int _PyImport_IsBuiltin(PyObject *name);
/* _imp.create_builtin(spec) / _imp.exec_builtin(module). */
PyObject *_PyImport_CreateBuiltin(PyObject *spec);
int _PyImport_ExecBuiltin(PyObject *module);

/* importlib._bootstrap's algorithm, as CPython names it: _find_spec
   (path and target may be NULL), module_from_spec, _init_module_attrs,
   _load and _exec.  All return new references. */
PyObject *_PyImport_FindSpec(PyObject *name, PyObject *path, PyObject *target);
PyObject *_PyImport_ModuleFromSpec(PyObject *spec);
int _PyImport_InitModuleAttrs(PyObject *spec, PyObject *module, int override);
PyObject *_PyImport_LoadSpec(PyObject *spec);
PyObject *_PyImport_ExecSpec(PyObject *spec, PyObject *module);
/* A loader's deprecated load_module(name). */
PyObject *_PyImport_LoadModuleShim(PyObject *loader, PyObject *name);

/* Init hook (Python/pylifecycle.c), after sys: creates _frozen_importlib
   and _frozen_importlib_external, fills sys.meta_path and
   sys.path_hooks, and gives sys and builtins their specs. */
int _PyImport_InitHook(PyInterpreterState *interp);

/* ---- the C finders and loaders (Python/import_machinery.c) ------------ */

extern PyTypeObject _PyModuleSpec_Type;
extern PyTypeObject _PyBuiltinImporter_Type;
extern PyTypeObject _PyPathFinder_Type;
extern PyTypeObject _PyFileFinder_Type;
extern PyTypeObject _PyFileFinderHook_Type;
extern PyTypeObject _PyFileLoader_Type;
extern PyTypeObject _PySourceFileLoader_Type;
extern PyTypeObject _PySourcelessFileLoader_Type;
extern PyTypeObject _PyExtensionFileLoader_Type;
extern PyTypeObject _PyNamespaceLoader_Type;
extern PyTypeObject _PyNamespacePath_Type;

/* sys.flags.verbose. */
int _PyImport_Verbose(void);
/* ModuleSpec(name, loader, origin=origin, is_package=is_package). */
PyObject *_PyModuleSpec_New(PyObject *name, PyObject *loader,
                            PyObject *origin, int is_package);
/* A spec's attributes, read directly from an exact ModuleSpec (new
   references; any other object is asked with getattr). */
enum _PySpecField {
    _PySpec_NAME, _PySpec_LOADER, _PySpec_ORIGIN, _PySpec_LOCATIONS,
    _PySpec_PARENT, _PySpec_HAS_LOCATION, _PySpec_CACHED,
};
PyObject *_PyModuleSpec_Get(PyObject *spec, enum _PySpecField field);
int _PyModuleSpec_SetInitializing(PyObject *spec, PyObject *value);
int _PyModuleSpec_SetLoader(PyObject *spec, PyObject *loader);
int _PyModuleSpec_SetLocations(PyObject *spec, PyObject *locations);
int _PyModuleSpec_SetHasLocation(PyObject *spec, int flag);
/* BuiltinImporter.find_spec / PathFinder.find_spec (path may be NULL). */
PyObject *_PyImport_BuiltinFindSpec(PyObject *fullname);
PyObject *_PyImport_PathFinderFindSpec(PyObject *fullname, PyObject *path,
                                       PyObject *target);
/* Is loader one of the C loaders whose create/exec steps the import
   algorithm runs directly (exact types only, so overrides are honoured)?
   The Fast* functions return 1 when they did the step, 0 when the loader
   must be called through Python, -1 on error. */
int _PyImport_IsFastLoader(PyObject *loader);
int _PyImport_FastCreateModule(PyObject *loader, PyObject *spec,
                               PyObject **module);
int _PyImport_FastExecModule(PyObject *loader, PyObject *module);
/* _LoaderBasics.exec_module: exec(get_code(name), module.__dict__). */
int _PyImport_LoaderExecCode(PyObject *loader, PyObject *module);
/* At exit: drop the modules from sys.modules, collect, and clear the
   dicts of those still alive (Python/finalize_modules.c).  Called by
   Py_FinalizeEx in the finalizing thread. */
void _PyImport_FinalizeModules(PyThreadState *tstate);
/* exec(code, module.__dict__) with __builtins__ supplied. */
int _PyImport_ExecCodeInModule(PyObject *module, PyObject *code);
/* A NamespaceLoader whose _path is path (for _init_module_attrs). */
PyObject *_PyImport_NamespaceLoaderFor(PyObject *path);
PyObject *_PyImport_NamespacePathNew(PyObject *name, PyObject *path,
                                     PyObject *finder);
/* spec_from_file_location; locations NULL means "ask is_package()". */
PyObject *_PyImport_SpecFromFileLocation(PyObject *name, PyObject *location,
                                         PyObject *loader, PyObject *locations);
/* EXTENSION_SUFFIXES as a new list; the default FileFinder loaders as a
   list of (loader, suffixes); the default path hook. */
PyObject *_PyImport_ExtensionSuffixes(void);
PyObject *_PyImport_SupportedFileLoaders(void);
PyObject *_PyImport_DefaultPathHook(void);
/* sys.path_hooks[0]: hands ZIP archive entries to zipimport.zipimporter. */
PyObject *_PyImport_ZipPathHook(void);
/* importlib.util.cache_from_source(path) and decode_source(data). */
PyObject *_PyImport_CacheFromSource(PyObject *source, PyObject *optimization);
PyObject *_PyImport_DecodeSource(PyObject *data);
/* Adds the classes and functions of _frozen_importlib_external. */
int _PyImport_FillExternalModule(PyObject *module);

/* ---- shared by Python/import_machinery.c and Python/import_finders.c --- */
/* New reference to sys.<name>, or NULL (exception set only on error). */
PyObject *_PyImport_SysAttr(const char *name);
/* The part of name after its last dot (new reference). */
PyObject *_PyImport_NameTail(PyObject *name);
/* os.getcwd() as a str (new reference). */
PyObject *_PyImport_CurrentDir(void);
/* dir + "/" + tail, without doubling a trailing slash. */
PyObject *_PyImport_PathJoin(PyObject *dir, PyObject *tail);
/* An absolute spelling of path (new reference). */
PyObject *_PyImport_PathAbsolute(PyObject *path);
/* os.fspath(path) as a str (bytes are decoded), new reference. */
PyObject *_PyImport_FSPathStr(PyObject *path);
/* stat(path): 1 with *st filled, 0 when it does not exist, -1 on error. */
struct stat;
int _PyImport_StatPath(PyObject *path, struct stat *st);
int _PyImport_PathIsFile(PyObject *path);
int _PyImport_PathIsDir(PyObject *path);
/* A ModuleSpec with has_location true (locations may be NULL). */
PyObject *_PyImport_FileSpecNew(PyObject *name, PyObject *loader,
                                PyObject *origin, PyObject *locations);
/* A new loader of exactly `type` (a FileLoader subclass) for name/path. */
PyObject *_PyImport_LoaderNewExact(PyTypeObject *type, PyObject *name,
                                   PyObject *path);
/* Makes every _NamespacePath recompute itself (invalidate_caches). */
void _PyImport_InvalidateNamespacePaths(void);

/* ---- extension modules (Python/dynload.c, Python/import_extension.c) ---- */
/* dlopen()s path and returns its PyModExport_<name> (*is_export = 1) or
   PyInit_<name> (*is_export = 0) function; NULL with ImportError set. */
void *_PyImport_FindExtensionEntry(PyObject *name, PyObject *path,
                                   int *is_export);
/* FileFinder's last word: 1 with ImportError set when the directory holds
   `tail` built only for the other build's ABI, 0 otherwise, -1 on error. */
int _PyImport_RefuseForeignExtension(PyObject *fullname, PyObject *dir,
                                     PyObject *tail, PyObject *listing,
                                     PyObject *loaders);
/* ExtensionFileLoader.create_module / exec_module, with the GIL gate. */
PyObject *_PyImport_CreateExtension(PyObject *spec);
/* capi (session 6): run a built-in's init function the way an
   extension's PyInit runs, GIL gate included (Python/import_extension.c). */
PyObject *_PyImport_RunInitFunction(PyObject *(*init)(void), PyObject *name,
                                    PyObject *spec);
int _PyImport_ExecExtension(PyObject *module);

#endif /* Py_INTERNAL_IMPORT_H */
