/* Core-only entry points of the VM (Python/ceval.c). */
#ifndef Py_INTERNAL_CEVAL_H
#define Py_INTERNAL_CEVAL_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "ceval.h"
#include "pycore_frame.h"
#include "cpython/funcobject.h"

/* Call func with a vectorcall argument array (borrowed references);
   locals is the namespace of a class body, else NULL. */
PyAPI_FUNC(PyObject *) _PyEval_Vector(PyThreadState *tstate,
                                      PyFunctionObject *func,
                                      PyObject *locals,
                                      PyObject *const *args, size_t argcount,
                                      PyObject *kwnames);
/* Run `frame` (already initialised) until it returns or yields; with
   throwflag the exception already set is raised at the frame's current
   instruction.  The frame is entered as an entry frame. */
PyAPI_FUNC(PyObject *) _PyEval_EvalFrame(PyThreadState *tstate,
                                         _PyInterpreterFrame *frame,
                                         int throwflag);
/* Bind args/kwnames to func's parameters in localsplus, a frame for co
   (func's code when the frame was pushed: a racing __code__ assignment
   must not change the shape between push and binding).  The references
   in args are consumed, even on error.  0 or -1 with TypeError. */
int _PyEval_InitializeLocals(PyThreadState *tstate, PyFunctionObject *func,
                             PyCodeObject *co,
                             PyObject **localsplus, PyObject *const *args,
                             Py_ssize_t argcount, PyObject *kwnames);
/* The builtins dict for a globals dict (borrowed). */
PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals);
/* The frame object `depth` calls up (0: the caller), a new reference;
   ValueError "call stack is not deep enough". */
PyAPI_FUNC(PyObject *) _PyEval_GetFrameObject(int depth);
/* The innermost frame that is not an incomplete one, or NULL. */
_PyInterpreterFrame *_PyEval_GetFrame(void);

/* Exceptions the VM raises in several places. */
void _PyEval_FormatExcCheckArg(PyThreadState *tstate, PyObject *exc,
                               const char *format, PyObject *name);

#endif /* Py_INTERNAL_CEVAL_H */
