/* Running source code (Python/pythonrun.c). */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H

#include <stdio.h>
#include <wchar.h>

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
/* capi (session 6): Py_BytesMain with a decoded (wide) command line. */
PyAPI_FUNC(int) Py_Main(int argc, wchar_t **argv);

/* capi (session 6): a frame object's code, run again from its start in
   the frame's globals and locals (Python/pythonrun.c says why). */
typedef struct _frame PyFrameObject;
PyAPI_FUNC(PyObject *) PyEval_EvalFrame(PyFrameObject *f);
PyAPI_FUNC(PyObject *) PyEval_EvalFrameEx(PyFrameObject *f, int throwflag);

#ifndef Py_LIMITED_API
/* capi (session 6): a file, or the interactive loop when fp is a
   terminal (Py_FdIsInteractive); filename NULL is shown as "???". */
PyAPI_FUNC(int) PyRun_AnyFileExFlags(FILE *fp, const char *filename,
                                     int closeit, PyCompilerFlags *flags);
#define PyRun_AnyFile(fp, name) PyRun_AnyFileExFlags((fp), (name), 0, NULL)
#define PyRun_AnyFileEx(fp, name, closeit) \
    PyRun_AnyFileExFlags((fp), (name), (closeit), NULL)
#define PyRun_AnyFileFlags(fp, name, flags) \
    PyRun_AnyFileExFlags((fp), (name), 0, (flags))

/* Read one statement from fp (prompts str(sys.ps1) and str(sys.ps2)),
   run it in __main__: 0 when it ran, -1 after printing its exception,
   11 (CPython's E_EOF) at the end of the input. */
PyAPI_FUNC(int) PyRun_InteractiveOneObject(FILE *fp, PyObject *filename,
                                           PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_InteractiveOneFlags(FILE *fp, const char *filename,
                                          PyCompilerFlags *flags);
#define PyRun_InteractiveOne(fp, name) PyRun_InteractiveOneFlags((fp), (name), NULL)
/* Statements until the end of fp; sys.ps1/ps2 default to ">>> "/"... ".
   Returns 0 at the end of the input, -1 if reading the stream fails. */
PyAPI_FUNC(int) PyRun_InteractiveLoopFlags(FILE *fp, const char *filename,
                                           PyCompilerFlags *flags);
#define PyRun_InteractiveLoop(fp, name) \
    PyRun_InteractiveLoopFlags((fp), (name), NULL)

/* The __future__ features a code object carries into compiled code. */
#define PyCF_MASK (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | \
                   CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION | \
                   CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL | \
                   CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS)
/* Adds the running code's __future__ features to cf->cf_flags; returns
   whether cf_flags is then non-zero. */
PyAPI_FUNC(int) PyEval_MergeCompilerFlags(PyCompilerFlags *cf);
#endif

#endif /* Py_PYTHONRUN_H */
