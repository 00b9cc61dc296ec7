/* Core-only error helpers: the thread-state forms of the PyErr_* API
   (Python/errors.c) and exception internals shared between core files
   (Objects/exceptions.c).

   The raised exception lives in tstate->current_exception as one owned,
   normalized exception instance.  Only the owning thread reads or writes
   it, so none of this needs a lock. */
#ifndef Py_INTERNAL_EXCEPTIONS_H
#define Py_INTERNAL_EXCEPTIONS_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_pystate.h"

/* Borrowed type of the raised exception, or NULL. */
static inline PyObject *_PyErr_Occurred(PyThreadState *tstate) {
    PyObject *exc = tstate->current_exception;
    return exc == NULL ? NULL : (PyObject *)Py_TYPE(exc);
}

/* Takes the raised exception (new reference, or NULL) and clears it. */
static inline PyObject *_PyErr_GetRaisedException(PyThreadState *tstate) {
    PyObject *exc = tstate->current_exception;
    tstate->current_exception = NULL;
    return exc;
}

/* Steals exc (which may be NULL: clears). */
static inline void _PyErr_SetRaisedException(PyThreadState *tstate,
                                             PyObject *exc) {
    PyObject *old = tstate->current_exception;
    tstate->current_exception = exc;
    Py_XDECREF(old);
}

static inline void _PyErr_Clear(PyThreadState *tstate) {
    _PyErr_SetRaisedException(tstate, NULL);
}

void _PyErr_SetObject(PyThreadState *tstate, PyObject *type, PyObject *value);
void _PyErr_SetString(PyThreadState *tstate, PyObject *type, const char *text);
void _PyErr_SetNone(PyThreadState *tstate, PyObject *type);
PyObject *_PyErr_Format(PyThreadState *tstate, PyObject *type,
                        const char *format, ...);
PyObject *_PyErr_NoMemory(PyThreadState *tstate);
int _PyErr_ExceptionMatches(PyThreadState *tstate, PyObject *exc);
void _PyErr_Fetch(PyThreadState *tstate, PyObject **type, PyObject **value,
                  PyObject **tb);
void _PyErr_Restore(PyThreadState *tstate, PyObject *type, PyObject *value,
                    PyObject *tb);

/* Build an instance of exception_type from a legacy "value": NULL or None
   (no arguments), a tuple (the arguments) or anything else (the single
   argument).  New reference or NULL with an exception set. */
PyObject *_PyErr_CreateException(PyObject *exception_type, PyObject *value);

/* Print exc (and its chain, notes and group members) the way an uncaught
   exception is shown, to the C stderr. */
void _PyErr_DisplayToFile(FILE *file, PyObject *exc);

/* sys.unraisablehook's argument type and default hook (Python/errors.c);
   the sys module installs them. */
extern PyMethodDef _PyErr_UnraisableHookDef;
int _PyErr_InitUnraisableHookArgsType(void);

/* A MemoryError instance that needs no allocation when possible (the
   last-resort one is an immortal static).  New reference; never NULL. */
PyObject *_PyExc_NewMemoryError(void);

/* The OSError subclass for an errno value (borrowed; OSError itself when
   there is no specific one). */
PyObject *_PyExc_OSErrorTypeForErrno(int errnum);

/* Whether obj is a traceback object (false for everything until the
   traceback type exists in this build). */
int _PyTraceBack_CheckWeak(PyObject *obj);

/* Python/suggestions.c.  The str in list `candidates` nearest to `name`
   by edit distance, when close enough to be a likely typo: a new
   reference, or NULL (an exception only if one was raised). */
PyObject *_Py_CalculateSuggestions(PyObject *candidates, PyObject *name);
/* Raises "f() got an unexpected keyword argument 'k'", with ". Did you
   mean 'x'?" when a parameter of func is close to `keyword`. */
void _PyErr_UnexpectedKeyword(PyThreadState *tstate, PyFunctionObject *func,
                              PyObject *keyword);
/* Python/getargs.c.  The same error for a C function `fname` (NULL:
   "this function") whose keyword parameters are names[0..count) (empty
   strings, for positional-only parameters, are skipped). */
void _PyArg_UnexpectedKeyword(const char *fname, PyObject *keyword,
                              const char *const *names, Py_ssize_t count);

#endif /* Py_INTERNAL_EXCEPTIONS_H */
