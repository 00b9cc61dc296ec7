/* Interpreter start-up and shut-down (Python/pylifecycle.c). */
#ifndef Py_PYLIFECYCLE_H
#define Py_PYLIFECYCLE_H

PyAPI_FUNC(void) Py_Initialize(void);
PyAPI_FUNC(void) Py_InitializeEx(int);
PyAPI_FUNC(void) Py_Finalize(void);
PyAPI_FUNC(int) Py_FinalizeEx(void);
PyAPI_FUNC(int) Py_IsInitialized(void);
PyAPI_FUNC(int) Py_IsFinalizing(void);
PyAPI_FUNC(_Py_NO_RETURN void) Py_Exit(int);
PyAPI_FUNC(int) Py_AtExit(void (*func)(void));
PyAPI_FUNC(const char *) Py_GetVersion(void);
PyAPI_FUNC(const char *) Py_GetPlatform(void);
PyAPI_FUNC(const char *) Py_GetCompiler(void);
PyAPI_FUNC(const char *) Py_GetBuildInfo(void);
PyAPI_FUNC(const char *) Py_GetCopyright(void);   /* capi: sys.copyright */

#endif /* Py_PYLIFECYCLE_H */
