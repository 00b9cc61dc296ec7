/* PyOS_Readline: how the interactive prompt and input() read a line.

   On a terminal (stdin and stdout both ttys) the line goes through
   PyOS_ReadlineFunctionPointer, which is the line editor
   (Parser/line_editor.c) unless an embedder replaced it; otherwise it is
   read plainly, with the prompt on stderr, by PyOS_StdioReadline.  Either
   way the GIL is released while waiting.

   Results are PyMem_RawMalloc'd strings: the line with its newline, ""
   at end of input, or NULL with KeyboardInterrupt set after Ctrl-C (or
   MemoryError).

   Thread safety: one thread reads the terminal at a time; reader_lock
   makes a second reader wait (CPython raises instead; waiting is
   friendlier and equally safe). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_readline.h"
#include "pycore_stdio.h"

#include <unistd.h>

int (*PyOS_InputHook)(void) = NULL;

static PyMutex reader_lock;

static char *raw_copy(const char *text, size_t n)
{
    char *copy = PyMem_RawMalloc(n + 1);
    if (copy != NULL) {
        memcpy(copy, text, n);
        copy[n] = '\0';
    }
    return copy;
}

/* Read up to and including a newline from fp; "" at end of input. */
char *PyOS_StdioReadline(FILE *sys_stdin, FILE *sys_stdout, const char *prompt)
{
    (void)sys_stdout;
    if (prompt != NULL && prompt[0] != '\0') {
        fputs(prompt, stderr);
        fflush(stderr);
    }
    if (PyOS_InputHook != NULL) {
        PyOS_InputHook();
    }
    size_t cap = 128, len = 0;
    char *line = PyMem_RawMalloc(cap);
    if (line == NULL) {
        return NULL;
    }
    int ch;
    while ((ch = getc(sys_stdin)) != EOF) {
        if (len + 2 > cap) {
            char *bigger = PyMem_RawRealloc(line, cap * 2);
            if (bigger == NULL) {
                PyMem_RawFree(line);
                return NULL;
            }
            line = bigger;
            cap *= 2;
        }
        line[len++] = (char)ch;
        if (ch == '\n') {
            break;
        }
    }
    clearerr(sys_stdin);
    line[len] = '\0';
    return line;
}

/* The default terminal reader: the line editor.  Its status says why
   there is no line; interrupts are reported to PyOS_Readline through
   `interrupted` since no exception may be set without the GIL. */
static int interrupted;

static char *editor_readline(FILE *sys_stdin, FILE *sys_stdout,
                             const char *prompt)
{
    int status;
    fflush(sys_stdout);
    char *line = _PyLineEditor_ReadLine(prompt, fileno(sys_stdin),
                                        fileno(sys_stdout), &status);
    if (line == NULL) {
        if (status == 1) {
            return raw_copy("", 0);
        }
        if (status == 2) {
            interrupted = 1;
            return NULL;
        }
        /* The terminal refused raw mode: read it plainly. */
        return PyOS_StdioReadline(sys_stdin, sys_stdout, prompt);
    }
    size_t n = strlen(line);
    char *result = PyMem_RawMalloc(n + 2);
    if (result != NULL) {
        memcpy(result, line, n);
        result[n] = '\n';
        result[n + 1] = '\0';
    }
    free(line);
    return result;
}

char *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *) =
    editor_readline;

static int is_terminal(FILE *fp)
{
    return fp != NULL && isatty(fileno(fp));
}

char *PyOS_Readline(FILE *sys_stdin, FILE *sys_stdout, const char *prompt)
{
    char *(*reader)(FILE *, FILE *, const char *) = PyOS_StdioReadline;
    if (is_terminal(sys_stdin) && is_terminal(sys_stdout)
            && PyOS_ReadlineFunctionPointer != NULL) {
        reader = PyOS_ReadlineFunctionPointer;
    }
    char *line;
    int was_interrupted;
    Py_BEGIN_ALLOW_THREADS
    PyMutex_Lock(&reader_lock);
    interrupted = 0;
    line = reader(sys_stdin, sys_stdout, prompt);
    was_interrupted = interrupted;
    PyMutex_Unlock(&reader_lock);
    Py_END_ALLOW_THREADS
    if (line == NULL && !PyErr_Occurred()) {
        if (was_interrupted) {
            PyErr_SetNone(PyExc_KeyboardInterrupt);
        }
        else {
            PyErr_NoMemory();
        }
    }
    return line;
}

/* ---- the REPL ------------------------------------------------------------ */

/* sys.__interactivehook__ runs once, before the first prompt (site sets
   it to load the history).  Its failure is reported and the session goes
   on.  Only the thread running the REPL reads or sets hook_ran. */
static int hook_ran;

static void run_interactive_hook(void)
{
    if (hook_ran) {
        return;
    }
    hook_ran = 1;
    PyObject *hook = PySys_GetObject("__interactivehook__");   /* borrowed */
    if (hook == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *result = PyObject_CallNoArgs(hook);
    if (result == NULL) {
        fprintf(stderr, "Failed calling sys.__interactivehook__\n");
        PyErr_Print();
    }
    Py_XDECREF(result);
}

/* str(sys.<name>) as UTF-8 in a malloc'd string; fallback if unset or
   unprintable. */
static char *prompt_text(const char *name, const char *fallback)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *prompt = PySys_GetObject(name);
    PyObject *text = prompt ? PyObject_Str(prompt) : NULL;
    const char *utf8 = text ? PyUnicode_AsUTF8(text) : NULL;
    PyErr_Clear();
    char *copy = strdup(utf8 ? utf8 : fallback);
    Py_XDECREF(text);
    PyErr_SetRaisedException(exc);
    return copy;
}

char *_PyOS_InteractiveReadLine(const char *prompt_name, const char *fallback)
{
    run_interactive_hook();
    _PyStdio_FlushAll();
    char *prompt = prompt_text(prompt_name, fallback);
    if (prompt == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *line = PyOS_Readline(stdin, stdout, prompt);
    free(prompt);
    if (line == NULL) {
        return NULL;
    }
    char *result = NULL;
    if (line[0] != '\0') {
        result = strdup(line);
        if (result == NULL) {
            PyErr_NoMemory();
        }
    }
    PyMem_RawFree(line);
    return result;
}

/* ---- input() ------------------------------------------------------------- */

static int file_is_fd(PyObject *file, int fd)
{
    PyObject *number = PyObject_CallMethod(file, "fileno", NULL);
    if (number == NULL) {
        PyErr_Clear();
        return 0;
    }
    long value = PyLong_Check(number) ? PyLong_AsLong(number) : -1;
    Py_DECREF(number);
    PyErr_Clear();
    return value == fd;
}

int _PyOS_IsConsole(PyObject *fin, PyObject *fout)
{
    return file_is_fd(fin, fileno(stdin)) && file_is_fd(fout, fileno(stdout))
           && isatty(fileno(stdin)) && isatty(fileno(stdout));
}

/* The encoding and errors handler of sys.stdin, for decoding the line. */
static PyObject *text_attr(PyObject *file, const char *name)
{
    PyObject *value = PyObject_GetAttrString(file, name);
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_Clear();
        Py_XDECREF(value);
        return NULL;
    }
    return value;
}

PyObject *_PyOS_ReadConsoleInput(PyObject *prompt, PyObject *fin)
{
    PyObject *prompt_str = NULL;
    const char *prompt_utf8 = "";
    if (prompt != NULL && prompt != Py_None) {
        prompt_str = PyObject_Str(prompt);
        if (prompt_str == NULL) {
            return NULL;
        }
        Py_ssize_t size;
        prompt_utf8 = PyUnicode_AsUTF8AndSize(prompt_str, &size);
        if (prompt_utf8 == NULL) {
            Py_DECREF(prompt_str);
            return NULL;
        }
        if (strlen(prompt_utf8) != (size_t)size) {
            Py_DECREF(prompt_str);
            PyErr_SetString(PyExc_ValueError,
                            "input: prompt string cannot contain null "
                            "characters");
            return NULL;
        }
    }
    _PyStdio_FlushAll();
    char *line = PyOS_Readline(stdin, stdout, prompt_utf8);
    Py_XDECREF(prompt_str);
    if (line == NULL) {
        return NULL;
    }
    size_t len = strlen(line);
    if (len == 0) {
        PyMem_RawFree(line);
        PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (line[len - 1] == '\n') {
        len--;
    }
    PyObject *encoding = text_attr(fin, "encoding");
    PyObject *errors = text_attr(fin, "errors");
    PyObject *result = PyUnicode_Decode(
        line, (Py_ssize_t)len,
        encoding ? PyUnicode_AsUTF8(encoding) : "utf-8",
        errors ? PyUnicode_AsUTF8(errors) : "strict");
    Py_XDECREF(encoding);
    Py_XDECREF(errors);
    PyMem_RawFree(line);
    return result;
}
