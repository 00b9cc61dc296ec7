/* Frame objects: the public, version-specific API (Objects/frameobject.c).
   The layout stays private (Include/internal/pycore_frame.h). */
#ifndef Py_CPYTHON_FRAMEOBJECT_H
#define Py_CPYTHON_FRAMEOBJECT_H

#ifndef Py_LIMITED_API

struct _frame;

/* The calling thread's innermost frame object (borrowed), or NULL. */
PyAPI_FUNC(struct _frame *) PyEval_GetFrame(void);
/* tstate's innermost frame object (a new reference), or NULL. */
PyAPI_FUNC(struct _frame *) PyThreadState_GetFrame(PyThreadState *tstate);
/* The byte offset of the last instruction started, or -1. */
PyAPI_FUNC(int) PyFrame_GetLasti(struct _frame *frame);
/* A local, cell or free variable of the frame (a new reference); NameError
   when unbound or unknown. */
PyAPI_FUNC(PyObject *) PyFrame_GetVar(struct _frame *frame, PyObject *name);
PyAPI_FUNC(PyObject *) PyFrame_GetVarString(struct _frame *frame,
                                            const char *name);

#endif /* !Py_LIMITED_API */
#endif /* Py_CPYTHON_FRAMEOBJECT_H */
