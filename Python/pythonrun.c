/* Running source: strings, files and the main program.  Uncaught
   exceptions are printed with PyErr_Print (which exits for SystemExit)
   after flushing sys.stdout, and the program's exit status becomes 1. */
#include "Python.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "sysmodule.h"
#include "pythonrun.h"
#include "pycore_ceval.h"
#include "pycore_compile.h"
#include "pycore_pystate.h"
#include "pycore_stdio.h"
#include "pycore_sysmodule.h"

static int compiler_flags(PyCompilerFlags *flags)
{
    return flags ? flags->cf_flags : 0;
}

PyObject *Py_CompileStringObject(const char *str, PyObject *filename,
                                 int start, PyCompilerFlags *flags,
                                 int optimize)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    int cf = compiler_flags(flags);
    mod_ty mod = _PyParser_ParseString(str, filename, start, cf, arena);
    if (mod == NULL) {
        _PyArena_Free(arena);
        return NULL;
    }
    if (cf & PyCF_ONLY_AST) {
        _PyArena_Free(arena);
        PyErr_SetString(PyExc_SystemError,
                        "PyCF_ONLY_AST needs the ast module's node classes");
        return NULL;
    }
    PyObject *code = _PyAST_Compile(mod, filename, optimize, cf, arena);
    _PyArena_Free(arena);
    return code;
}

PyObject *Py_CompileStringExFlags(const char *str, const char *filename,
                                  int start, PyCompilerFlags *flags,
                                  int optimize)
{
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        return NULL;
    }
    PyObject *code = Py_CompileStringObject(str, name, start, flags, optimize);
    Py_DECREF(name);
    return code;
}

static PyObject *run_mod(mod_ty mod, PyObject *filename, PyObject *globals,
                         PyObject *locals, PyCompilerFlags *flags,
                         PyArena *arena)
{
    PyObject *code = _PyAST_Compile(mod, filename, -1, compiler_flags(flags),
                                    arena);
    if (code == NULL) {
        return NULL;
    }
    PyObject *result = PyEval_EvalCode(code, globals, locals);
    Py_DECREF(code);
    return result;
}

static PyObject *run_string_object(const char *str, PyObject *filename,
                                   int start, PyObject *globals,
                                   PyObject *locals, PyCompilerFlags *flags)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    mod_ty mod = _PyParser_ParseString(str, filename, start,
                                       compiler_flags(flags), arena);
    PyObject *result = mod ? run_mod(mod, filename, globals, locals, flags, arena)
                           : NULL;
    _PyArena_Free(arena);
    return result;
}

PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals,
                            PyObject *locals, PyCompilerFlags *flags)
{
    PyObject *filename = PyUnicode_FromString("<string>");
    if (filename == NULL) {
        return NULL;
    }
    PyObject *result = run_string_object(str, filename, start, globals, locals,
                                         flags);
    Py_DECREF(filename);
    return result;
}

PyObject *PyRun_FileExFlags(FILE *fp, const char *filename, int start,
                            PyObject *globals, PyObject *locals, int closeit,
                            PyCompilerFlags *flags)
{
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    PyArena *arena = name ? _PyArena_New() : NULL;
    PyObject *result = NULL;
    if (arena != NULL) {
        mod_ty mod = _PyParser_ParseFile(fp, name, start, compiler_flags(flags),
                                         arena);
        if (closeit) {
            fclose(fp);
            closeit = 0;
        }
        if (mod != NULL) {
            result = run_mod(mod, name, globals, locals, flags, arena);
        }
        _PyArena_Free(arena);
    }
    if (closeit) {
        fclose(fp);
    }
    Py_XDECREF(name);
    return result;
}

/* The __main__ module's dict (borrowed), created on first use. */
static PyObject *main_dict(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *main = PyDict_GetItemString(interp->modules, "__main__");
    if (main == NULL) {
        main = PyModule_New("__main__");
        if (main == NULL) {
            return NULL;
        }
        int err = PyDict_SetItemString(interp->modules, "__main__", main);
        Py_DECREF(main);
        if (err < 0) {
            return NULL;
        }
    }
    PyObject *dict = PyModule_GetDict(main);
    if (PyDict_GetItemString(dict, "__builtins__") == NULL) {
        PyObject *builtins = PyDict_GetItemString(interp->modules, "builtins");
        if (builtins == NULL
                || PyDict_SetItemString(dict, "__builtins__", builtins) < 0) {
            return NULL;
        }
    }
    return dict;
}

/* Print the pending exception the way the top level does; stdout is
   flushed first so output order matches a terminal. */
static void print_uncaught(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    _PyStdio_FlushAll();
    PyErr_SetRaisedException(exc);
    PyErr_Print();
}

int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags)
{
    PyObject *dict = main_dict();
    if (dict == NULL) {
        print_uncaught();
        return -1;
    }
    PyObject *result = PyRun_StringFlags(command, Py_file_input, dict, dict,
                                         flags);
    if (result == NULL) {
        print_uncaught();
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

int PyRun_SimpleFileExFlags(FILE *fp, const char *filename, int closeit,
                            PyCompilerFlags *flags)
{
    PyObject *dict = main_dict();
    if (dict == NULL) {
        if (closeit) {
            fclose(fp);
        }
        print_uncaught();
        return -1;
    }
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL || PyDict_SetItemString(dict, "__file__", name) < 0) {
        Py_XDECREF(name);
        if (closeit) {
            fclose(fp);
        }
        print_uncaught();
        return -1;
    }
    Py_DECREF(name);
    PyObject *result = PyRun_FileExFlags(fp, filename, Py_file_input, dict,
                                         dict, closeit, flags);
    if (result == NULL) {
        print_uncaught();
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* ---- the main program ----------------------------------------------------- */

/* PEP 538: a program started in the plain "C" or "POSIX" character-type
   locale runs in a UTF-8 one instead, and says so in LC_CTYPE for the
   processes it starts, unless LC_ALL pins the locale or
   PYTHONCOERCECLOCALE=0 turns this off (=warn reports it). */
static void coerce_c_locale(const char *ctype)
{
    if (strcmp(ctype, "C") != 0 && strcmp(ctype, "POSIX") != 0) {
        return;
    }
    const char *mode = getenv("PYTHONCOERCECLOCALE");
    int warn = mode != NULL && strcmp(mode, "warn") == 0;
    const char *all = getenv("LC_ALL");
    if ((mode != NULL && strcmp(mode, "0") == 0) || (all != NULL && *all)) {
        if (warn) {
            fprintf(stderr, "Python runtime initialized with LC_CTYPE=C (a locale "
                    "with default ASCII encoding), which may cause Unicode "
                    "compatibility problems. Using C.UTF-8, C.utf8, or UTF-8 (if "
                    "available) as alternative Unicode-compatible locales is "
                    "recommended.\n");
        }
        return;
    }
    static const char *const targets[] = {"C.UTF-8", "C.utf8", "UTF-8", NULL};
    for (int i = 0; targets[i] != NULL; i++) {
        if (setlocale(LC_CTYPE, targets[i]) == NULL) {
            continue;
        }
        setenv("LC_CTYPE", targets[i], 1);
        if (warn) {
            fprintf(stderr, "Python detected LC_CTYPE=C: LC_CTYPE coerced to %s "
                    "(set another locale or PYTHONCOERCECLOCALE=0 to disable "
                    "this locale coercion behavior).\n", targets[i]);
        }
        return;
    }
}

/* The C library starts every program in the "C" locale; Python programs
   start in the user's character-type locale (PyPreConfig.configure_locale
   in CPython), which locale.getlocale() and multibyte conversions read.
   Runs before any thread exists. */
static void configure_locale(void)
{
    const char *ctype = setlocale(LC_CTYPE, "");
    if (ctype != NULL) {
        coerce_c_locale(ctype);
    }
}

/* `python [options] ...` with its exit status: the command line becomes a
   PyConfig (Python/initconfig.c parses it), then Py_RunMain runs the
   program and finalizes. */
int Py_BytesMain(int argc, char **argv)
{
    configure_locale();
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    PyStatus status = PyConfig_SetBytesArgv(&config, argc, argv);
    if (!PyStatus_Exception(status)) {
        status = Py_InitializeFromConfig(&config);
    }
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    return Py_RunMain();
}
