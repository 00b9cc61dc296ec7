/* Core-only entry points of the sys and builtins modules
   (Python/sysmodule.c, Python/bltinmodule.c). */
#ifndef Py_INTERNAL_SYSMODULE_H
#define Py_INTERNAL_SYSMODULE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "bltinmodule.h"
#include "enumobject.h"
#include "cpython/classobject.h"
#include "cpython/funcobject.h"
#include "cpython/namespaceobject.h"
#include "pycore_genobject.h"
#include "pycore_stdio.h"
#include "pycore_frame.h"
#include "cpython/genobject.h"

/* builtins' compile, eval, exec, globals, locals, __build_class__ and
   __import__ (Python/bltin_eval.c). */
int _PyBuiltin_AddEvalFunctions(PyObject *module);

/* sys.version_info and sys.flags. */
extern PyTypeObject _PySys_VersionInfoType;
extern PyTypeObject _PySys_FlagsType;

/* sys.flags.gil for the start-up value of PyConfig.enable_gil (new
   reference): the default build always runs with the GIL, so 1; the
   free-threaded build gives None when neither -X gil nor PYTHON_GIL was
   set, as CPython does. */
PyObject *_PySys_GilFlag(int enable_gil);

/* Start-up hooks run by Python/pylifecycle.c, builtins first. */
int _PyBuiltin_InitHook(PyInterpreterState *interp);
int _PySys_InitHook(PyInterpreterState *interp);
int _PySys_InitStdioHook(PyInterpreterState *interp);

/* sys.argv = argv[0..argc), sys.orig_argv = orig[0..norig),
   sys.executable, and path0 (when not NULL) prepended to sys.path. */
PyAPI_FUNC(int) _PySys_SetArgv(int argc, char **argv, const char *executable,
                               const char *path0, char **orig, int norig);

/* sys.setdlopenflags' value, for the extension-module loader. */
int _PySys_GetDlopenFlags(void);

#endif /* Py_INTERNAL_SYSMODULE_H */
