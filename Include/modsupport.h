/* Support for writing C functions and modules: argument parsing
   (Python/getargs.c), value building and module population
   (Python/modsupport.c). */
#ifndef Py_MODSUPPORT_H
#define Py_MODSUPPORT_H

#include <stdarg.h>

/* ---- Argument parsing ---------------------------------------------------- */

PyAPI_FUNC(int) PyArg_Parse(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw,
                                            const char *format,
                                            char * const *keywords, ...);
PyAPI_FUNC(int) PyArg_VaParse(PyObject *args, const char *format,
                              va_list va);
PyAPI_FUNC(int) PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw,
                                              const char *format,
                                              char * const *keywords,
                                              va_list va);
PyAPI_FUNC(int) PyArg_ValidateKeywordArguments(PyObject *kw);
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *args, const char *name,
                                  Py_ssize_t min, Py_ssize_t max, ...);

/* An "O&" converter returning this asks to be called again as
   converter(NULL, addr) when a later argument fails, to free what it
   allocated. */
#define Py_CLEANUP_SUPPORTED 0x20000

/* The _SizeT spellings of old: '#' lengths are always Py_ssize_t now. */
PyAPI_FUNC(int) _PyArg_Parse_SizeT(PyObject *, const char *, ...);
PyAPI_FUNC(int) _PyArg_ParseTuple_SizeT(PyObject *, const char *, ...);
PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywords_SizeT(PyObject *, PyObject *,
                                                   const char *,
                                                   char * const *, ...);
PyAPI_FUNC(int) _PyArg_VaParse_SizeT(PyObject *, const char *, va_list);
PyAPI_FUNC(int) _PyArg_VaParseTupleAndKeywords_SizeT(PyObject *, PyObject *,
                                                     const char *,
                                                     char * const *, va_list);

/* ---- Building values ----------------------------------------------------- */

PyAPI_FUNC(PyObject *) Py_BuildValue(const char *format, ...);
PyAPI_FUNC(PyObject *) _Py_BuildValue_SizeT(const char *format, ...);
PyAPI_FUNC(PyObject *) Py_VaBuildValue(const char *format, va_list va);
PyAPI_FUNC(PyObject *) _Py_VaBuildValue_SizeT(const char *format, va_list va);

/* ---- Populating modules -------------------------------------------------- */

/* Adds a new reference to value (value may be NULL with an exception set:
   then it fails). */
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *mod, const char *name,
                                      PyObject *value);
/* Like PyModule_AddObjectRef but steals value, even on failure. */
PyAPI_FUNC(int) PyModule_Add(PyObject *mod, const char *name, PyObject *value);
/* Steals value only on success (the historical, error-prone contract). */
PyAPI_FUNC(int) PyModule_AddObject(PyObject *mod, const char *name,
                                   PyObject *value);
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *mod, const char *name,
                                        long value);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *mod, const char *name,
                                           const char *value);
PyAPI_FUNC(int) PyModule_AddType(PyObject *module, PyTypeObject *type);
PyAPI_FUNC(int) PyModule_AddFunctions(PyObject *module, PyMethodDef *functions);
PyAPI_FUNC(int) PyModule_SetDocString(PyObject *module, const char *doc);

#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))

#ifndef PYTHON_API_VERSION
#  define PYTHON_API_VERSION 1013
#  define PYTHON_API_STRING "1013"
#endif
#ifndef PYTHON_ABI_VERSION
#  define PYTHON_ABI_VERSION 3
#  define PYTHON_ABI_STRING "3"
#endif

#ifndef Py_LIMITED_API
/* ---- Helpers for hand-written and generated argument parsing ------------- */

/* Raise TypeError "funcname() takes no keyword arguments" unless kwargs is
   NULL or an empty dict; 1 when fine, 0 with the error set. */
PyAPI_FUNC(int) _PyArg_NoKeywords(const char *funcname, PyObject *kwargs);
PyAPI_FUNC(int) _PyArg_NoKwnames(const char *funcname, PyObject *kwnames);
PyAPI_FUNC(int) _PyArg_NoPositional(const char *funcname, PyObject *args);
#define _PyArg_NoKeywords(funcname, kwargs) \
    ((kwargs) == NULL || _PyArg_NoKeywords((funcname), (kwargs)))
#define _PyArg_NoKwnames(funcname, kwnames) \
    ((kwnames) == NULL || _PyArg_NoKwnames((funcname), (kwnames)))
#define _PyArg_NoPositional(funcname, args) \
    ((args) == NULL || _PyArg_NoPositional((funcname), (args)))

/* 1 when min <= nargs <= max, else 0 with CPython's TypeError. */
PyAPI_FUNC(int) _PyArg_CheckPositional(const char *name, Py_ssize_t nargs,
                                       Py_ssize_t min, Py_ssize_t max);
#define _PyArg_CheckPositional(funcname, nargs, min, max)             \
    ((!((nargs) < (min) || (max) < (nargs))) ||                       \
     _PyArg_CheckPositional((funcname), (nargs), (min), (max)))

/* TypeError "fname() <displayname> must be <expected>, not <type>",
   displayname being e.g. "argument 1" or "argument 'x'". */
PyAPI_FUNC(void) _PyArg_BadArgument(const char *fname,
                                    const char *displayname,
                                    const char *expected, PyObject *arg);

/* PyArg_UnpackTuple for a vectorcall argument array. */
PyAPI_FUNC(int) _PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs,
                                   const char *name, Py_ssize_t min,
                                   Py_ssize_t max, ...);
/* PyArg_ParseTuple for a vectorcall argument array (no keywords). */
PyAPI_FUNC(int) _PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs,
                                  const char *format, ...);
/* PyArg_ParseTupleAndKeywords for a vectorcall call: positional args,
   then keyword values named by kwnames (may be NULL). */
PyAPI_FUNC(int) _PyArg_ParseStackAndKeywords(PyObject *const *args,
                                             Py_ssize_t nargs,
                                             PyObject *kwnames,
                                             const char *format,
                                             char * const *keywords, ...);

#endif /* !Py_LIMITED_API */

#endif /* Py_MODSUPPORT_H */
