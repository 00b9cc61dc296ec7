/* Running source code (Python/pythonrun.c). */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H

#include <stdio.h>

typedef struct {
    int cf_flags;               /* PyCF_* and CO_FUTURE_* bits */
    int cf_feature_version;     /* minor Python version (PyCF_ONLY_AST) */
} PyCompilerFlags;

#define _PyCompilerFlags_INIT \
    (PyCompilerFlags){.cf_flags = 0, .cf_feature_version = PY_MINOR_VERSION}

PyAPI_FUNC(int) PyRun_SimpleStringFlags(const char *command,
                                        PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_SimpleFileExFlags(FILE *fp, const char *filename,
                                        int closeit, PyCompilerFlags *flags);
PyAPI_FUNC(PyObject *) PyRun_StringFlags(const char *str, int start,
                                         PyObject *globals, PyObject *locals,
                                         PyCompilerFlags *flags);
PyAPI_FUNC(PyObject *) PyRun_FileExFlags(FILE *fp, const char *filename,
                                         int start, PyObject *globals,
                                         PyObject *locals, int closeit,
                                         PyCompilerFlags *flags);
PyAPI_FUNC(PyObject *) Py_CompileStringExFlags(const char *str,
                                               const char *filename, int start,
                                               PyCompilerFlags *flags,
                                               int optimize);
PyAPI_FUNC(PyObject *) Py_CompileStringObject(const char *str,
                                              PyObject *filename, int start,
                                              PyCompilerFlags *flags,
                                              int optimize);

#define PyRun_SimpleString(s) PyRun_SimpleStringFlags((s), NULL)
#define PyRun_String(str, s, g, l) PyRun_StringFlags((str), (s), (g), (l), NULL)
#define PyRun_SimpleFile(f, p) PyRun_SimpleFileExFlags((f), (p), 0, NULL)
#define PyRun_File(fp, p, s, g, l) \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, NULL)
/* capi: the remaining shorthands of CPython's PyRun_*File* family. */
#define PyRun_SimpleFileEx(f, p, c) PyRun_SimpleFileExFlags((f), (p), (c), NULL)
#define PyRun_FileEx(fp, p, s, g, l, c) \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), (c), NULL)
#define PyRun_FileFlags(fp, p, s, g, l, flags) \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, (flags))
#define Py_CompileString(str, p, s) Py_CompileStringExFlags((str), (p), (s), NULL, -1)
#define Py_CompileStringFlags(str, p, s, f) \
    Py_CompileStringExFlags((str), (p), (s), (f), -1)

/* ./python's main: run argv the CPython way; returns the exit status. */
PyAPI_FUNC(int) Py_RunMain(void);
PyAPI_FUNC(int) Py_BytesMain(int argc, char **argv);

#endif /* Py_PYTHONRUN_H */
