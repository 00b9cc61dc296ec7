/* Core-only declarations for generators, coroutines and the awaitables
   built on them (Objects/genobject.c, Objects/anextawaitable.c). */
#ifndef Py_INTERNAL_GENOBJECT_H
#define Py_INTERNAL_GENOBJECT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* anext(aiterator, default): an awaitable that awaits `awaitable` and turns
   its StopAsyncIteration into a StopIteration carrying `default_value`. */
extern PyTypeObject _PyAnextAwaitable_Type;
PyObject *_PyAnextAwaitable_New(PyObject *awaitable, PyObject *default_value);

/* The iterator that `await obj` drives: obj.__await__() for an ordinary
   awaitable (TypeError when obj is not awaitable). */
PyObject *_PyCoro_GetAwaitableIter(PyObject *obj);

#include "cpython/genobject.h"

/* The object an async generator's `yield v` produces (INTRINSIC_ASYNC_
   GEN_WRAP), which asend() turns back into a StopIteration(v). */
PyObject *_PyAsyncGenValueWrapperNew(PyObject *value);

/* FOR_ITER and SEND run an exact generator's or coroutine's frame inside
   the evaluation loop (Objects/genobject.c, "inline resumption"):
   _PyGen_ResumeInline claims it and returns its frame (NULL: take the
   generic path), and the loop calls _PyGen_SuspendInline when the frame
   yields, _PyGen_FinishInline when it returns or raises. */
struct _PyInterpreterFrame;
struct _PyInterpreterFrame *_PyGen_ResumeInline(PyThreadState *tstate,
                                                PyObject *gen, PyObject *arg);
void _PyGen_SuspendInline(PyThreadState *tstate,
                          struct _PyInterpreterFrame *frame);
void _PyGen_FinishInline(PyThreadState *tstate,
                         struct _PyInterpreterFrame *frame);

/* PUSH_EXC_INFO / POP_EXCEPT in a generator's frame (owner
   FRAME_OWNED_BY_GENERATOR): the generator counts the except handlers it
   is inside, so that at a yield it knows whether the handled exception is
   its own (kept while suspended) or its caller's.  Leaving the outermost
   handler restores the caller's current handled exception rather than
   the one saved on entry, which is stale when the generator was resumed
   from elsewhere meanwhile.  HandlerLeft steals `saved` (Py_None for
   none) and returns the value to install, a new reference. */
void _PyGen_HandlerEntered(struct _PyInterpreterFrame *frame);
PyObject *_PyGen_HandlerLeft(struct _PyInterpreterFrame *frame, PyObject *saved);

#endif /* Py_INTERNAL_GENOBJECT_H */
