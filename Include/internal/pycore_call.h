/* Core-only calling helpers (Objects/call.c, Python/modsupport.c).

   Argument stacks: a "stack" is a C array of borrowed references; the
   vectorcall convention passes positional arguments followed by keyword
   values, with the keyword names in a tuple (kwnames). */
#ifndef Py_INTERNAL_CALL_H
#define Py_INTERNAL_CALL_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_pystate.h"

/* Arrays of up to this many arguments live on the C stack. */
#define _PY_FASTCALL_SMALL_STACK 5

/* Turn a NULL result without an exception, or a result with an exception
   set, into SystemError; returns result (possibly replaced by NULL). */
PyAPI_FUNC(PyObject *) _Py_CheckFunctionResult(PyThreadState *tstate,
                                               PyObject *callable,
                                               PyObject *result,
                                               const char *where);

/* Call through tp_call.  keywords is NULL, a dict, or a tuple of names
   whose values follow the nargs positional arguments in args. */
PyAPI_FUNC(PyObject *) _PyObject_MakeTpCall(PyThreadState *tstate,
                                            PyObject *callable,
                                            PyObject *const *args,
                                            Py_ssize_t nargs,
                                            PyObject *keywords);

static inline PyObject *
_PyObject_VectorcallTstate(PyThreadState *tstate, PyObject *callable,
                           PyObject *const *args, size_t nargsf,
                           PyObject *kwnames)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        return _PyObject_MakeTpCall(tstate, callable, args, nargs, kwnames);
    }
    PyObject *res = func(callable, args, nargsf, kwnames);
    return _Py_CheckFunctionResult(tstate, callable, res, NULL);
}

static inline PyObject *
_PyObject_CallNoArgsTstate(PyThreadState *tstate, PyObject *func)
{
    return _PyObject_VectorcallTstate(tstate, func, NULL, 0, NULL);
}

static inline PyObject *
_PyObject_CallNoArgs(PyObject *func)
{
    return _PyObject_VectorcallTstate(_PyThreadState_GET(), func, NULL, 0,
                                      NULL);
}

PyAPI_FUNC(PyObject *) _PyObject_Call(PyThreadState *tstate,
                                      PyObject *callable, PyObject *args,
                                      PyObject *kwargs);
PyAPI_FUNC(PyObject *) _PyObject_FastCallDictTstate(PyThreadState *tstate,
                                                    PyObject *callable,
                                                    PyObject *const *args,
                                                    size_t nargsf,
                                                    PyObject *kwargs);
/* callable(obj, *args, **kwargs): used by slot wrappers and bound methods. */
PyAPI_FUNC(PyObject *) _PyObject_Call_Prepend(PyThreadState *tstate,
                                              PyObject *callable,
                                              PyObject *obj, PyObject *args,
                                              PyObject *kwargs);
/* callable(arg, *args) for a vectorcall stack, using args[-1] when the
   caller allowed it (PY_VECTORCALL_ARGUMENTS_OFFSET). */
PyAPI_FUNC(PyObject *) _PyObject_VectorcallPrepend(PyThreadState *tstate,
                                                   PyObject *callable,
                                                   PyObject *arg,
                                                   PyObject *const *args,
                                                   size_t nargsf,
                                                   PyObject *kwnames);
/* obj.name(*Py_BuildValue(format, ...)), name a str. */
PyAPI_FUNC(PyObject *) _PyObject_CallMethod(PyObject *obj, PyObject *name,
                                            const char *format, ...);
/* func(*args, **kwargs) where func supports vectorcall. */
PyAPI_FUNC(PyObject *) _PyVectorcall_Call(PyThreadState *tstate,
                                          vectorcallfunc func,
                                          PyObject *callable,
                                          PyObject *tuple, PyObject *kwargs);

/* A new dict {kwnames[i]: values[i]}. */
PyAPI_FUNC(PyObject *) _PyStack_AsDict(PyObject *const *values,
                                       PyObject *kwnames);
/* Convert (args, nargs, kwargs dict) to a vectorcall stack: returns a new
   array of new references (positional then keyword values) with one free
   slot before it, and the names in *p_kwnames (NULL when none).  Release
   it with _PyStack_UnpackDict_Free. */
PyAPI_FUNC(PyObject *const *) _PyStack_UnpackDict(PyThreadState *tstate,
                                                  PyObject *const *args,
                                                  Py_ssize_t nargs,
                                                  PyObject *kwargs,
                                                  PyObject **p_kwnames);
PyAPI_FUNC(void) _PyStack_UnpackDict_Free(PyObject *const *stack,
                                          Py_ssize_t nargs,
                                          PyObject *kwnames);
/* As above, for a stack whose references were already given away. */
PyAPI_FUNC(void) _PyStack_UnpackDict_FreeNoDecRef(PyObject *const *stack,
                                                  PyObject *kwnames);

/* Build a vectorcall stack from a Py_BuildValue format (modsupport.c).
   Returns small_stack when n fits in small_len, else a PyMem_Malloc'ed
   array; the items are new references.  NULL on error. */
PyAPI_FUNC(PyObject **) _Py_VaBuildStack(PyObject **small_stack,
                                         Py_ssize_t small_len,
                                         const char *format, va_list va,
                                         Py_ssize_t *p_nargs);

#endif /* Py_INTERNAL_CALL_H */
