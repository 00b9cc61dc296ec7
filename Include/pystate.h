/* Thread and interpreter states (Python/pystate.c). */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H

typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;

PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_GetUnchecked(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_Swap(PyThreadState *);
PyAPI_FUNC(PyObject *) PyThreadState_GetDict(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
PyAPI_FUNC(PyInterpreterState *) PyThreadState_GetInterpreter(PyThreadState *);
PyAPI_FUNC(uint64_t) PyThreadState_GetID(PyThreadState *);
PyAPI_FUNC(int64_t) PyInterpreterState_GetID(PyInterpreterState *);
PyAPI_FUNC(PyObject *) PyInterpreterState_GetDict(PyInterpreterState *);
#define PyThreadState_GET() PyThreadState_Get()

#ifndef Py_LIMITED_API
#  include "cpython/pystate.h"
#endif

#endif /* Py_PYSTATE_H */
