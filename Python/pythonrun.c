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
#include "pycore_frame.h"
#include "pycore_readline.h"
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

/* ---- any file, and interactive input (capi, session 6) ---------------------- */

int PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit,
                         PyCompilerFlags *flags)
{
    if (filename == NULL) {
        filename = "???";
    }
    if (!Py_FdIsInteractive(fp, filename)) {
        return PyRun_SimpleFileExFlags(fp, filename, closeit, flags);
    }
    int status = PyRun_InteractiveLoopFlags(fp, filename, flags);
    if (closeit) {
        fclose(fp);
    }
    return status;
}

/* CPython's E_EOF (errcode.h): what InteractiveOne returns at the end of
   the input. */
#define INTERACTIVE_EOF 11

/* str(sys.<name>) as a PyMem_RawMalloc'd UTF-8 string; "" when unset or
   unprintable, as CPython shows no prompt then. */
static char *prompt_text(const char *name)
{
    PyObject *value = PySys_GetObject(name);
    PyObject *text = value ? PyObject_Str(value) : NULL;
    const char *utf8 = text ? PyUnicode_AsUTF8(text) : NULL;
    if (utf8 == NULL) {
        PyErr_Clear();
        utf8 = "";
    }
    size_t size = strlen(utf8) + 1;
    char *copy = PyMem_RawMalloc(size);
    if (copy != NULL) {
        memcpy(copy, utf8, size);
    }
    Py_XDECREF(text);
    return copy;
}

/* One line from fp after the prompt sys.<prompt_name> (written to stderr,
   or edited on a terminal, by PyOS_Readline): a PyMem_RawMalloc'd string,
   "" at the end of input, NULL with an exception. */
static char *read_prompted_line(FILE *fp, const char *prompt_name)
{
    char *prompt = prompt_text(prompt_name);
    if (prompt == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyStdio_FlushAll();
    char *line = PyOS_Readline(fp, stdout, prompt);
    PyMem_RawFree(prompt);
    if (line == NULL && !PyErr_Occurred()) {
        PyErr_NoMemory();
    }
    return line;
}

/* 1 when `source` is an unfinished statement: the parser wants more, or
   the last line was indented (only a blank line closes a block). */
static int statement_is_open(const char *source, PyObject *filename,
                             int last_indented, PyCompilerFlags *flags)
{
    PyCompilerFlags probe = flags ? *flags : _PyCompilerFlags_INIT;
    probe.cf_flags |= PyCF_ALLOW_INCOMPLETE_INPUT;
    PyObject *code = Py_CompileStringObject(source, filename, Py_single_input,
                                            &probe, -1);
    int incomplete = code == NULL
                     && PyErr_ExceptionMatches(PyExc_IncompleteInputError);
    Py_XDECREF(code);
    PyErr_Clear();
    return incomplete || last_indented;
}

/* Gather one statement: NULL at the end of input (nothing read) or with
   an exception; else a PyMem_RawMalloc'd source text. */
static char *read_statement(FILE *fp, PyObject *filename,
                            PyCompilerFlags *flags)
{
    char *source = NULL;
    size_t len = 0;
    for (;;) {
        char *line = read_prompted_line(fp, source ? "ps2" : "ps1");
        if (line == NULL) {
            PyMem_RawFree(source);
            return NULL;
        }
        if (line[0] == '\0') {
            /* End of input: an open statement runs as it stands. */
            PyMem_RawFree(line);
            return source;
        }
        int blank = line[strspn(line, " \t\r\n")] == '\0';
        int indented = source != NULL && (line[0] == ' ' || line[0] == '\t');
        size_t add = strlen(line);
        char *grown = PyMem_RawRealloc(source, len + add + 1);
        if (grown == NULL) {
            PyMem_RawFree(line);
            PyMem_RawFree(source);
            PyErr_NoMemory();
            return NULL;
        }
        source = grown;
        memcpy(source + len, line, add + 1);
        len += add;
        PyMem_RawFree(line);
        if (len == add && blank) {
            /* Blank lines before a statement are skipped, at "ps1". */
            PyMem_RawFree(source);
            source = NULL;
            len = 0;
            continue;
        }
        if (blank || !statement_is_open(source, filename, indented, flags)) {
            return source;
        }
    }
}

int PyRun_InteractiveOneObject(FILE *fp, PyObject *filename,
                               PyCompilerFlags *flags)
{
    PyObject *dict = main_dict();
    if (dict == NULL) {
        print_uncaught();
        return -1;
    }
    char *source = read_statement(fp, filename, flags);
    if (source == NULL) {
        if (!PyErr_Occurred()) {
            return INTERACTIVE_EOF;
        }
        print_uncaught();
        return -1;
    }
    PyObject *code = Py_CompileStringObject(source, filename, Py_single_input,
                                            flags, -1);
    PyMem_RawFree(source);
    PyObject *result = code ? PyEval_EvalCode(code, dict, dict) : NULL;
    Py_XDECREF(code);
    if (result == NULL) {
        print_uncaught();
        return -1;
    }
    Py_DECREF(result);
    _PyStdio_FlushAll();
    return 0;
}

int PyRun_InteractiveOneFlags(FILE *fp, const char *filename,
                              PyCompilerFlags *flags)
{
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        PyErr_Print();
        return -1;
    }
    int status = PyRun_InteractiveOneObject(fp, name, flags);
    Py_DECREF(name);
    return status;
}

/* sys.ps1 and sys.ps2 get their defaults when unset. */
static int set_prompt_default(const char *name, const char *text)
{
    if (PySys_GetObject(name) != NULL) {
        return 0;
    }
    PyObject *value = PyUnicode_FromString(text);
    int rc = value ? PySys_SetObject(name, value) : -1;
    Py_XDECREF(value);
    return rc;
}

int PyRun_InteractiveLoopFlags(FILE *fp, const char *filename,
                               PyCompilerFlags *flags)
{
    if (filename == NULL) {
        filename = "???";
    }
    if (set_prompt_default("ps1", ">>> ") < 0
            || set_prompt_default("ps2", "... ") < 0) {
        PyErr_Print();
        return -1;
    }
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        PyErr_Print();
        return -1;
    }
    /* Errors are reported and the loop goes on, as at the prompt, unless
       the stream itself failed (reading again would fail forever). */
    int status;
    while ((status = PyRun_InteractiveOneObject(fp, name, flags))
               != INTERACTIVE_EOF) {
        if (status < 0 && ferror(fp)) {
            break;
        }
    }
    Py_DECREF(name);
    return status == INTERACTIVE_EOF ? 0 : -1;
}

/* ---- frames and compiler flags (capi, session 6) ------------------------------ */

/* Weft creates frames only for calls, and a finished frame cannot be
   resumed: evaluating a frame object runs its code again from the start,
   in the frame's globals and (for unoptimized code) its locals.  With
   throwflag the pending exception is raised at once, as it would be at
   the frame's first instruction without a handler. */
PyObject *PyEval_EvalFrameEx(PyFrameObject *f, int throwflag)
{
    if (throwflag) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError,
                            "PyEval_EvalFrameEx: throwflag without an exception");
        }
        return NULL;
    }
    _PyInterpreterFrame *frame = f->f_frame;
    PyObject *globals = frame->f_globals;
    PyObject *locals = frame->f_locals ? frame->f_locals : globals;
    return PyEval_EvalCode(frame->f_executable, globals, locals);
}

PyObject *PyEval_EvalFrame(PyFrameObject *f)
{
    return PyEval_EvalFrameEx(f, 0);
}

/* The running Python code's __future__ features are added to cf. */
int PyEval_MergeCompilerFlags(PyCompilerFlags *cf)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    int result = cf->cf_flags != 0;
    if (frame != NULL) {
        int features = _PyFrame_GetCode(frame)->co_flags & PyCF_MASK;
        if (features) {
            cf->cf_flags |= features;
            result = 1;
        }
    }
    return result;
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
/* capi (session 6): pre-initialization's locale step
   (Python/initconfig_api.c). */
void _Py_ConfigureLocale(void)
{
    configure_locale();
}

static int run_main(PyConfig *config, PyStatus status);

/* Both mains pre-initialize from the command line first: the locale,
   and the allocator PYTHONMALLOC names. */
int Py_BytesMain(int argc, char **argv)
{
    PyPreConfig preconfig;
    PyPreConfig_InitPythonConfig(&preconfig);
    PyStatus status = Py_PreInitializeFromBytesArgs(&preconfig, argc, argv);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    return run_main(&config, PyConfig_SetBytesArgv(&config, argc, argv));
}

/* capi (session 6): the same, with the command line already decoded. */
int Py_Main(int argc, wchar_t **argv)
{
    PyPreConfig preconfig;
    PyPreConfig_InitPythonConfig(&preconfig);
    PyStatus status = Py_PreInitializeFromArgs(&preconfig, argc, argv);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    return run_main(&config, PyConfig_SetArgv(&config, argc, argv));
}

/* The rest of both: status says whether the arguments were stored. */
static int run_main(PyConfig *config, PyStatus status)
{
    if (!PyStatus_Exception(status)) {
        status = Py_InitializeFromConfig(config);
    }
    PyConfig_Clear(config);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    return Py_RunMain();
}
