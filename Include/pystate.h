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

PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *);
PyAPI_FUNC(void) PyThreadState_Clear(PyThreadState *);
PyAPI_FUNC(void) PyThreadState_Delete(PyThreadState *);
PyAPI_FUNC(int) PyThreadState_SetAsyncExc(unsigned long, PyObject *);

/* Threads the interpreter did not create call in with
   PyGILState_Ensure() ... PyGILState_Release(state). */
typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
PyAPI_FUNC(PyGILState_STATE) PyGILState_Ensure(void);
PyAPI_FUNC(void) PyGILState_Release(PyGILState_STATE);
PyAPI_FUNC(PyThreadState *) PyGILState_GetThisThreadState(void);
PyAPI_FUNC(int) PyGILState_Check(void);

/* capi: single-phase modules by definition (Python/import_extension.c).
   Importing a single-phase extension adds its module; FindModule returns
   a borrowed reference or NULL (no exception; always NULL for a
   definition with slots). */
PyAPI_FUNC(PyObject *) PyState_FindModule(PyModuleDef *def);
PyAPI_FUNC(int) PyState_AddModule(PyObject *module, PyModuleDef *def);
PyAPI_FUNC(int) PyState_RemoveModule(PyModuleDef *def);

#ifndef Py_LIMITED_API
#  include "cpython/pystate.h"
#endif

#endif /* Py_PYSTATE_H */
