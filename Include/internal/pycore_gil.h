/* The global interpreter lock (Python/ceval_gil.c, DESIGN.md section 7).

   Default build: always enabled; a thread holds it while attached.
   Free-threaded build: it exists but is normally off; `enabled` counts
   the reasons it is on (INT_MAX: on for good), and it is switched only
   with the world stopped, so an attached thread never sees it change. */
#ifndef Py_INTERNAL_GIL_H
#define Py_INTERNAL_GIL_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include <pthread.h>

#define _Py_DEFAULT_SWITCH_INTERVAL 5000    /* microseconds */

struct _gil_runtime_state {
    pthread_mutex_t mutex;          /* protects every field below but the atomics */
    pthread_cond_t cond;            /* signalled when the GIL is released */
    pthread_cond_t switch_cond;     /* signalled when a new thread took it */
    int initialized;
    int locked;                     /* atomic reads allowed */
    int waiters;                    /* threads blocked in take_gil */
    unsigned long switch_number;    /* times the GIL was taken */
    PyThreadState *last_holder;
    unsigned long interval;         /* atomic: switch interval in microseconds */
    int enabled;                    /* atomic; changed only with the world stopped */
};

/* Start-up policy (PYTHON_GIL / -X gil): unset, forced off, forced on. */
#define _PyConfig_GIL_DEFAULT (-1)
#define _PyConfig_GIL_DISABLE 0
#define _PyConfig_GIL_ENABLE 1

/* The -X gil value, stored by the command line before Py_Initialize; it
   wins over PYTHON_GIL.  NULL when the option was not given. */
PyAPI_DATA(const char *) _Py_xoption_gil;

void _PyEval_InitGIL(PyInterpreterState *interp, int enable);
/* Re-create the GIL's mutex and conditions in a forked child
   (PyOS_AfterFork_Child). */
void _PyEval_ReinitGILAfterFork(PyInterpreterState *interp);
void _PyEval_FiniGIL(PyInterpreterState *interp);

/* Take / release the GIL for an attaching / detaching thread.  take
   returns 1 if the thread now holds it, 0 if the GIL is disabled. */
int _PyEval_TakeGIL(PyThreadState *tstate);
void _PyEval_DropGIL(PyThreadState *tstate);

PyAPI_FUNC(void) _PyEval_SetSwitchInterval(unsigned long microseconds);
PyAPI_FUNC(unsigned long) _PyEval_GetSwitchInterval(void);

/* 1 if threads must hold the GIL to run (always in the default build). */
PyAPI_FUNC(int) _PyEval_IsGILEnabled(PyThreadState *tstate);

/* Free-threaded build: turn the GIL on for an extension module that did
   not declare Py_MOD_GIL_NOT_USED (transient: undone by _PyEval_DisableGIL
   if the module fails to load), or for good.  Each returns 1 if the GIL
   was off and is now on, 0 otherwise; _PyEval_DisableGIL returns 1 if it
   turned the GIL off.  They do nothing when the user forced the setting
   (PYTHON_GIL / -X gil) and always return 0 in the default build. */
PyAPI_FUNC(int) _PyEval_EnableGILTransient(PyThreadState *tstate);
PyAPI_FUNC(int) _PyEval_EnableGILPermanent(PyThreadState *tstate);
PyAPI_FUNC(int) _PyEval_DisableGIL(PyThreadState *tstate);

#endif /* Py_INTERNAL_GIL_H */
