/* Context objects' layout (Python/context.c), core only. */
#ifndef Py_INTERNAL_CONTEXT_H
#define Py_INTERNAL_CONTEXT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_hamt.h"

/* A context is current in at most one thread at a time (ctx_entered).
   ctx_vars is replaced only by the thread in which the context is
   current, inside the context's critical section; that thread reads it
   without locking, every other reader takes the critical section to get
   a reference to the (immutable) map. */
struct _pycontextobject {
    PyObject_HEAD
    PyContext *ctx_prev;            /* strong: context to restore on exit */
    PyHamtObject *ctx_vars;         /* strong */
    PyObject *ctx_weakreflist;
    int ctx_entered;                /* under the context's critical section */
};

/* Immutable after creation except the lookup cache, which exists only in
   the default build (the GIL serialises its readers and writers); the
   free-threaded build always looks the value up in the map. */
struct _pycontextvarobject {
    PyObject_HEAD
    PyObject *var_name;             /* strong str */
    PyObject *var_default;          /* strong or NULL */
#ifndef Py_GIL_DISABLED
    PyObject *var_cached;           /* borrowed from the cached context's map */
    uint64_t var_cached_tsid;       /* PyThreadState.id of the cache */
    uint64_t var_cached_tsver;      /* its context_ver at caching time */
#endif
};

struct _pycontexttokenobject {
    PyObject_HEAD
    PyContext *tok_ctx;             /* strong */
    PyContextVar *tok_var;          /* strong */
    PyObject *tok_oldval;           /* strong or NULL (the var was unset) */
    int tok_used;                   /* atomic (relaxed); written only where
                                       tok_ctx is current */
};

/* Token.MISSING. */
PyAPI_DATA(PyTypeObject) _PyContextTokenMissing_Type;
PyAPI_DATA(PyObject) _Py_ContextTokenMissingStruct;

/* Context.run as a plain C function (used by Modules/_contextvarsmodule.c
   and by code that runs a callable in a context). */
PyAPI_FUNC(PyObject *) _PyContext_Run(PyObject *ctx, PyObject *const *args,
                                      Py_ssize_t nargs, PyObject *kwnames);

/* Readies the context types (and Token.MISSING) once; 0 or -1. */
PyAPI_FUNC(int) _PyContext_InitTypes(void);

#endif /* Py_INTERNAL_CONTEXT_H */
