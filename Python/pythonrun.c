/* Running source: strings, files and the main program.  Uncaught
   exceptions are printed with PyErr_Print (which exits for SystemExit)
   after flushing sys.stdout, and the program's exit status becomes 1. */
#include "Python.h"
#include <unistd.h>
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

static void usage(FILE *out, const char *program)
{
    fprintf(out,
            "usage: %s [option] ... [-c cmd | file | -] [arg] ...\n"
            "Options (and corresponding environment variables):\n"
            "-c cmd : program passed in as string (terminates option list)\n"
            "-h     : print this help message and exit (also -? or --help)\n"
            "-V     : print the Python version number and exit (also --version)\n"
            "file   : program read from script file\n"
            "-      : program read from stdin (default; interactive mode if a tty)\n"
            "arg ...: arguments passed to program in sys.argv[1:]\n",
            program);
}

static int run_stdin(void)
{
    return PyRun_SimpleFileExFlags(stdin, "<stdin>", 0, NULL) < 0 ? 1 : 0;
}

/* The script's absolute path (as CPython shows it in tracebacks and
   __file__), malloc'ed; NULL when out of memory. */
static char *absolute_path(const char *path)
{
    if (path[0] == '/') {
        return strdup(path);
    }
    char cwd[4096];
    if (getcwd(cwd, sizeof(cwd)) == NULL) {
        return strdup(path);
    }
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
    }
    size_t len = strlen(cwd) + 1 + strlen(path) + 1;
    char *result = malloc(len);
    if (result != NULL) {
        snprintf(result, len, "%s/%s", cwd, path);
    }
    return result;
}

static int run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        _PyStdio_FlushAll();
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                "python", path, errno, strerror(errno));
        return 2;
    }
    char *full = absolute_path(path);
    int status = PyRun_SimpleFileExFlags(fp, full ? full : path, 1, NULL) < 0;
    free(full);
    return status;
}

/* ./python [-c cmd | file | -] [args]: returns the exit status. */
int Py_BytesMain(int argc, char **argv)
{
    const char *command = NULL, *script = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
            printf("Python %s\n", PY_VERSION);
            return 0;
        }
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "-?") == 0
                || strcmp(arg, "--help") == 0) {
            usage(stdout, argv[0]);
            return 0;
        }
        if (strcmp(arg, "-c") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "Argument expected for the -c option\n");
                usage(stderr, argv[0]);
                return 2;
            }
            command = argv[i + 1];
            i++;
            break;
        }
        if (strcmp(arg, "-") == 0 || arg[0] != '-') {
            script = arg;
            break;
        }
        fprintf(stderr, "Unknown option: %s\n", arg);
        usage(stderr, argv[0]);
        return 2;
    }
    Py_Initialize();
    /* sys.argv: ['-c', args...] / [script, args...] / [''] */
    int first = i < argc ? i : argc;
    int script_argc = argc - first;
    char **script_argv = malloc(sizeof(char *) * (size_t)(script_argc + 1));
    if (script_argv == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (int k = 0; k < script_argc; k++) {
        script_argv[k] = argv[first + k];
    }
    if (command != NULL) {
        script_argv[0] = "-c";
    }
    const char *path0 = "";
    char *dir = NULL;
    if (script != NULL && strcmp(script, "-") != 0) {
        char *full = absolute_path(script);
        char *slash = full ? strrchr(full, '/') : NULL;
        if (slash != NULL) {
            *slash = '\0';
            dir = full;
            path0 = full[0] ? full : "/";
        }
        else {
            free(full);
        }
    }
    int status;
    if (_PySys_SetArgv(script_argc, script_argv, argv[0], path0, argv, argc) < 0) {
        print_uncaught();
        status = 1;
    }
    else if (command != NULL) {
        status = PyRun_SimpleStringFlags(command, NULL) < 0 ? 1 : 0;
    }
    else if (script != NULL && strcmp(script, "-") != 0) {
        status = run_file(script);
    }
    else {
        status = run_stdin();
    }
    free(dir);
    free(script_argv);
    _PyStdio_FlushAll();
    if (Py_FinalizeEx() < 0 && status == 0) {
        status = 120;
    }
    return status;
}
