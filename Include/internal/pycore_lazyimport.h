/* Lazy imports (PEP 810): the lazy_import objects bound by `lazy import`
   and `lazy from ... import`, and the switches that decide whether a
   potentially lazy import is lazy (Objects/lazyimportobject.c,
   Python/import_lazy.c). */
#ifndef Py_INTERNAL_LAZYIMPORT_H
#define Py_INTERNAL_LAZYIMPORT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_frame.h"

extern PyTypeObject PyLazyImport_Type;
#define PyLazyImport_CheckExact(op) Py_IS_TYPE((op), &PyLazyImport_Type)

/* How an IMPORT_NAME may be lazy; the low two bits of its oparg (the
   name index is oparg >> 2). */
enum {
    _PyImport_EAGER = 0,            /* in a function, class or try block */
    _PyImport_POTENTIALLY_LAZY = 1, /* module level: lazy under "all" or
                                       __lazy_modules__ */
    _PyImport_EXPLICITLY_LAZY = 2,  /* written with the `lazy` keyword */
};

/* A new lazy object for `import name` / `from name import fromlist` at
   level, executed by frame (its globals and builtins are kept for the
   import, its current line for error reports). */
PyObject *_PyLazyImport_New(_PyInterpreterFrame *frame, PyObject *name,
                            PyObject *fromlist, PyObject *level);

/* A new lazy object for attribute `attr` of the lazy module `source`
   (IMPORT_FROM applied to a lazy object). */
PyObject *_PyLazyImport_NewAttribute(PyObject *source, PyObject *attr);

/* Imports what the lazy object stands for: a new reference, or NULL with
   the import's exception, its __cause__ naming the declaration site. */
PyObject *_PyLazyImport_Resolve(PyObject *lazy);

/* Resolves lazy, found as dict[name], and replaces the dict's entry with
   the result if it still holds lazy.  A new reference or NULL. */
PyObject *_PyLazyImport_ResolveInDict(PyObject *dict, PyObject *name,
                                      PyObject *lazy);

/* Drops the frame object lazy keeps for its error reports (interpreter
   exit only: it would keep the importers' frames and globals alive). */
void _PyLazyImport_ForgetDeclaration(PyObject *lazy);

/* 1 if the import of name (as written, at level, with fromlist) by code
   whose globals are `globals` is to be lazy given its IMPORT_NAME mode
   and the interpreter's switches, 0 if eager, -1 on error. */
int _PyImport_IsLazy(PyObject *globals, PyObject *name, PyObject *fromlist,
                     PyObject *level, int mode);

/* The absolute name of `name` imported at level from code whose globals
   are `globals` (Python/import.c): a new reference, or NULL. */
PyObject *_PyImport_ResolveName(PyObject *name, PyObject *globals, int level);

/* sys.set_lazy_imports & co., added to the sys module at start-up. */
extern PyMethodDef _PyImport_LazySysMethods[];

/* The -X lazy_imports / PYTHON_LAZY_IMPORTS setting: "normal", "all" or
   "none"; 0 on success, -1 (ValueError) for another value. */
int _PyImport_SetLazyImportsMode(const char *mode);

#endif /* Py_INTERNAL_LAZYIMPORT_H */
