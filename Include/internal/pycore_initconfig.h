/* Core-only access to the start-up configuration (Python/initconfig.c). */
#ifndef Py_INTERNAL_INITCONFIG_H
#define Py_INTERNAL_INITCONFIG_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "cpython/initconfig.h"

/* The configuration the interpreter was started with (never NULL; the
   Python defaults when Py_Initialize was called without one).  Read-only
   after start-up, so any thread may read it without a lock. */
PyAPI_FUNC(const PyConfig *) _Py_GetConfig(void);

#endif /* Py_INTERNAL_INITCONFIG_H */
