/* The VM's out-of-line helpers (Python/ceval_helpers.c): the slower or
   larger parts of instructions, called from Python/ceval_ops.h.  Each
   returns a new reference or NULL/-1 with an exception, and never steals
   its arguments unless it says so. */
#ifndef Py_INTERNAL_CEVAL_HELPERS_H
#define Py_INTERNAL_CEVAL_HELPERS_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_frame.h"

void _PyEval_FormatUnboundLocal(PyCodeObject *code, int index);
void _PyEval_FormatUnboundDeref(PyCodeObject *code, int index);
void _PyEval_FormatKwargsError(PyThreadState *tstate, PyObject *func,
                               PyObject *kwargs);

PyObject *_PyEval_LoadName(PyThreadState *tstate, _PyInterpreterFrame *frame,
                           PyObject *name);
PyObject *_PyEval_LoadGlobal(PyThreadState *tstate, PyObject *globals,
                             PyObject *builtins, PyObject *name);
/* obj.name for a call: returns 1 and the unbound function in *method
   when the call should pass obj as the first argument, else 0 and the
   bound attribute; *method is NULL on error. */
int _PyEval_LoadMethod(PyObject *obj, PyObject *name, PyObject **method);
/* LOAD_SUPER_ATTR without a super object (speedb, session 9): -1 with an
   exception, 0 when the generic path must run (nothing done), 1 with
   *res the attribute, 2 with *res an unbound method to call with self. */
int _PyEval_SuperLookup(PyObject *global_super, PyObject *cls, PyObject *self,
                        PyObject *name, int method, PyObject **res);
/* As above for LOAD_SPECIAL's oparg (__enter__, __exit__, ...), with
   CPython's TypeError when the protocol is missing. */
int _PyEval_LoadSpecial(PyObject *obj, int oparg, PyObject **method);

PyObject *_PyEval_BinaryOp(int oparg, PyObject *lhs, PyObject *rhs);
/* Unpack seq into top[-1], top[-2], ... (argcnt items, then a list for
   the starred target and argcntafter more when argcntafter >= 0).
   1 on success, 0 with an exception. */
int _PyEval_UnpackIterable(PyThreadState *tstate, PyObject *seq, int argcnt,
                           int argcntafter, PyObject **top);
PyObject *_PyEval_GetYieldFromIter(PyCodeObject *code, PyObject *iterable);
PyObject *_PyEval_CallFunctionEx(PyThreadState *tstate, PyObject *func,
                                 PyObject *callargs, PyObject *kwargs);
PyObject *_PyEval_CallIntrinsic1(PyThreadState *tstate,
                                 _PyInterpreterFrame *frame, int oparg,
                                 PyObject *value);
PyObject *_PyEval_CallIntrinsic2(PyThreadState *tstate, int oparg,
                                 PyObject *value2, PyObject *value1);

PyObject *_PyEval_ImportName(PyThreadState *tstate, _PyInterpreterFrame *frame,
                             PyObject *name, PyObject *fromlist,
                             PyObject *level);
/* IMPORT_NAME with its lazy mode (pycore_lazyimport.h): a lazy_import
   object when the import is to be lazy, else the imported module. */
PyObject *_PyEval_ImportNameMaybeLazy(PyThreadState *tstate,
                                      _PyInterpreterFrame *frame,
                                      PyObject *name, PyObject *fromlist,
                                      PyObject *level, int mode);
/* Calls builtins['__import__'](name, globals, locals, fromlist, level);
   locals may be NULL (passed as None). */
PyObject *_PyEval_CallImport(PyObject *builtins, PyObject *globals,
                             PyObject *locals, PyObject *name,
                             PyObject *fromlist, PyObject *level);
PyObject *_PyEval_ImportFrom(PyThreadState *tstate, PyObject *module,
                             PyObject *name);

/* raise exc from cause (both stolen, either may be NULL).  Returns 1 for
   a bare re-raise (the traceback stays as it is), 0 otherwise; the
   exception is set in both cases. */
int _PyEval_DoRaise(PyThreadState *tstate, PyObject *exc, PyObject *cause);
int _PyEval_CheckExceptTypeValid(PyThreadState *tstate, PyObject *right);
int _PyEval_CheckExceptStarTypeValid(PyThreadState *tstate, PyObject *right);
int _PyEval_ExceptionGroupMatch(_PyInterpreterFrame *frame, PyObject *exc_value,
                                PyObject *match_type, PyObject **match,
                                PyObject **rest);

PyObject *_PyEval_GetAwaitable(PyObject *obj, int oparg);
PyObject *_PyEval_GetAIter(PyObject *obj);
PyObject *_PyEval_GetANext(PyObject *aiter);

PyObject *_PyEval_MatchKeys(PyThreadState *tstate, PyObject *map,
                            PyObject *keys);
/* NULL without an exception when the pattern does not match. */
PyObject *_PyEval_MatchClass(PyThreadState *tstate, PyObject *subject,
                             PyObject *type, Py_ssize_t nargs,
                             PyObject *kwargs);

/* Pop a frame whose references moved elsewhere (a generator took it). */
void _PyFrame_PopMoved(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* RETURN_GENERATOR: a generator, coroutine or async generator that owns
   a copy of `frame` (its references move). */
PyObject *_Py_MakeCoro(PyThreadState *tstate, _PyInterpreterFrame *frame);

#endif /* Py_INTERNAL_CEVAL_HELPERS_H */
