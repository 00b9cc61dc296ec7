/* The standard streams: sys.stdin, sys.stdout and sys.stderr are
   io.TextIOWrapper objects over BufferedReader/BufferedWriter over FileIO
   for descriptors 0, 1 and 2, made here at start-up from the C io types
   (which need no import), as CPython's create_stdio does:

   - encoding UTF-8 (the locale's without UTF-8 Mode), or
     PYTHONIOENCODING ("encoding[:errors]", whose errors part applies to
     stdin and stdout); stderr always uses "backslashreplace";
   - made by a start-up hook that runs after the import system's, since
     the PYTHONIOENCODING codec may have to be imported;
   - newline "\n" (no translation either way);
   - stdout is line-buffered when it is a terminal, stderr always;
   - with -u / PYTHONUNBUFFERED (config.buffered_stdio == 0) stdout and
     stderr have no binary buffer and write through;
   - a descriptor that is not open gives None.

   Before the streams exist (and for fatal errors) the C library's stderr
   is used directly.  Thread safety: the streams are created before any
   other thread runs; afterwards they are ordinary io objects with their
   own locks. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_stdio.h"
#include "pycore_io.h"
#include "pycore_initconfig.h"
#include "sysmodule.h"
#include <errno.h>
#include <fcntl.h>
#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <strings.h>
#include <signal.h>
#include <unistd.h>
#include <wchar.h>

extern PyTypeObject PyFileIO_Type;
extern PyTypeObject PyBufferedReader_Type;
extern PyTypeObject PyBufferedWriter_Type;
extern PyTypeObject PyTextIOWrapper_Type;

/* PYTHONIOENCODING split into encoding and errors (either may be NULL);
   both point into `copy`, which the caller frees. */
static void read_ioencoding(char **copy, const char **encoding, const char **errors)
{
    *copy = NULL;
    *encoding = *errors = NULL;
    if (!_Py_GetConfig()->use_environment) {
        return;
    }
    const char *env = getenv("PYTHONIOENCODING");
    if (env == NULL || env[0] == '\0') {
        return;
    }
    *copy = strdup(env);
    if (*copy == NULL) {
        return;
    }
    char *colon = strchr(*copy, ':');
    if (colon != NULL) {
        *colon = '\0';
        if (colon[1] != '\0') {
            *errors = colon + 1;
        }
    }
    if ((*copy)[0] != '\0') {
        *encoding = *copy;
    }
}

static PyObject *make_raw(int fd, int readable, const char *name)
{
    PyObject *raw = PyObject_CallFunction((PyObject *)&PyFileIO_Type, "isO", fd,
                                          readable ? "rb" : "wb", Py_False);
    if (raw == NULL) {
        return NULL;
    }
    PyObject *label = PyUnicode_FromString(name);
    if (label == NULL || PyObject_SetAttrString(raw, "name", label) < 0) {
        Py_XDECREF(label);
        Py_DECREF(raw);
        return NULL;
    }
    Py_DECREF(label);
    return raw;
}

/* UTF-8 Mode is on unless -X utf8=0 or PYTHONUTF8=0 turned it off
   (PEP 686); it makes "surrogateescape" the default error handler of
   stdin and stdout. */
static int utf8_mode_disabled(const PyConfig *config)
{
    for (Py_ssize_t i = 0; i < config->xoptions.length; i++) {
        const wchar_t *option = config->xoptions.items[i];
        if (wcsncmp(option, L"utf8", 4) == 0 && (option[4] == L'=' || option[4] == 0)) {
            return option[4] == L'=' && wcscmp(option + 5, L"0") == 0;
        }
    }
    const char *env = config->use_environment ? getenv("PYTHONUTF8") : NULL;
    return env != NULL && strcmp(env, "0") == 0;
}

/* Without UTF-8 Mode the legacy C/POSIX locale, and the UTF-8 locales
   Python coerces it to, still escape undecodable bytes on stdin and
   stdout (as CPython's config_get_stdio_errors does). */
static int locale_escapes_surrogates(void)
{
    static const char *const names[] = {"C", "POSIX", "C.UTF-8", "C.utf8", "UTF-8", NULL};
    const char *ctype = setlocale(LC_CTYPE, NULL);
    for (int i = 0; ctype != NULL && names[i] != NULL; i++) {
        if (strcmp(ctype, names[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Without UTF-8 Mode the streams use the locale's encoding, spelled as
   CPython spells it: "ascii" for the C locale's ANSI_X3.4-1968, "utf-8",
   otherwise the codeset lowercased.  Writes into buf (size bytes). */
static const char *locale_stdio_encoding(char *buf, size_t size)
{
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || codeset[0] == '\0'
            || strcmp(codeset, "ANSI_X3.4-1968") == 0) {
        return "ascii";
    }
    if (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0) {
        return "utf-8";
    }
    size_t i = 0;
    for (; codeset[i] != '\0' && i + 1 < size; i++) {
        buf[i] = (char)tolower((unsigned char)codeset[i]);
    }
    buf[i] = '\0';
    return buf;
}

/* A new text stream over fd, or None when fd is not open. */
PyObject *_PyStdio_NewStream(int fd, int readable, const char *name,
                             const char *errors)
{
    if (_PyIO_InitTypes() < 0) {
        return NULL;
    }
    if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
        Py_RETURN_NONE;
    }
    const PyConfig *config = _Py_GetConfig();
    int buffered = readable || config->buffered_stdio;
    PyObject *raw = make_raw(fd, readable, name);
    if (raw == NULL) {
        return NULL;
    }
    PyObject *tty = PyObject_CallMethod(raw, "isatty", NULL);
    if (tty == NULL) {
        Py_DECREF(raw);
        return NULL;
    }
    int isatty = tty == Py_True;
    Py_DECREF(tty);
    PyObject *binary;
    if (buffered) {
        PyTypeObject *kind = readable ? &PyBufferedReader_Type : &PyBufferedWriter_Type;
        binary = PyObject_CallOneArg((PyObject *)kind, raw);
        Py_DECREF(raw);
        if (binary == NULL) {
            return NULL;
        }
    }
    else {
        binary = raw;
    }
    char *copy;
    const char *encoding, *env_errors;
    read_ioencoding(&copy, &encoding, &env_errors);
    int utf8_mode = !utf8_mode_disabled(config);
    int env_encoding = encoding != NULL;
    char locale_buf[64];
    if (encoding == NULL && !utf8_mode) {
        encoding = locale_stdio_encoding(locale_buf, sizeof(locale_buf));
    }
    if (env_errors != NULL && fd != 2) {
        errors = env_errors;
    }
    /* An encoding named in PYTHONIOENCODING without an error handler
       keeps "strict", as in CPython. */
    else if (fd != 2 && strcmp(errors, "strict") == 0 && !env_encoding
             && (utf8_mode || locale_escapes_surrogates())) {
        errors = "surrogateescape";
    }
    int line_buffering = !readable && buffered && (isatty || fd == 2);
    PyObject *stream = PyObject_CallFunction(
        (PyObject *)&PyTextIOWrapper_Type, "OsssOO", binary,
        encoding ? encoding : "utf-8", errors, "\n",
        line_buffering ? Py_True : Py_False, buffered ? Py_False : Py_True);
    free(copy);
    Py_DECREF(binary);
    if (stream == NULL) {
        return NULL;
    }
    PyObject *mode = PyUnicode_FromString(readable ? "r" : "w");
    if (mode == NULL || PyObject_SetAttrString(stream, "mode", mode) < 0) {
        Py_XDECREF(mode);
        Py_DECREF(stream);
        return NULL;
    }
    Py_DECREF(mode);
    return stream;
}

/* Flush one standard stream; -1 with an exception if that failed. */
static int flush_stream(const char *name)
{
    PyObject *file = PySys_GetObject(name);
    if (file == NULL || file == Py_None) {
        return 0;
    }
    Py_INCREF(file);
    int closed = 0;
    PyObject *value = PyObject_GetAttrString(file, "closed");
    if (value == NULL) {
        PyErr_Clear();
    }
    else {
        closed = PyObject_IsTrue(value) > 0;
        Py_DECREF(value);
    }
    PyObject *result = closed ? Py_NewRef(Py_None)
                              : PyObject_CallMethod(file, "flush", NULL);
    Py_DECREF(file);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* Flush sys.stdout and sys.stderr (whatever objects they are now);
   errors are discarded, and any raised exception is kept. */
void _PyStdio_FlushAll(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (flush_stream("stdout") < 0) {
        PyErr_Clear();
    }
    if (flush_stream("stderr") < 0) {
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

int _PyIO_FlushStdFiles(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    int status = 0;
    if (flush_stream("stdout") < 0) {
        PyErr_FormatUnraisable("Exception ignored on flushing sys.stdout");
        status = -1;
    }
    if (flush_stream("stderr") < 0) {
        PyErr_Clear();
        status = -1;
    }
    /* Files the program left open: nothing may destroy them at shut-down. */
    _PyIO_FlushAtExit();
    PyErr_SetRaisedException(exc);
    return status;
}

int _PyIO_InitHook(PyInterpreterState *interp)
{
    (void)interp;
    if (_PyIO_InitTypes() < 0) {
        return -1;
    }
    /* Like CPython, a write to a closed pipe is an EPIPE error
       (BrokenPipeError), not a signal that kills the process. */
    if (_Py_GetConfig()->install_signal_handlers) {
        signal(SIGPIPE, SIG_IGN);
    }
    PyObject *builtins = PyImport_AddModule("builtins");
    if (builtins == NULL) {
        return -1;
    }
    return PyObject_SetAttrString(builtins, "open", _PyIO_GetOpen());
}
