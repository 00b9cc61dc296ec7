/* Start-up configuration: PyConfig, the python command line, the PYTHON*
   environment variables, and running the main program (Py_RunMain).

   Everything here runs on the main thread before other threads exist
   (or, for Py_RunMain, after the configuration became read-only), so the
   one static configuration needs no lock. */
#include "Python.h"
#include <sys/stat.h>
#include <unistd.h>
#include "import.h"
#include "pycore_gil.h"
#include "pycore_initconfig.h"
#include "pycore_lock.h"
#include "pycore_lazyimport.h"
#include "pycore_long.h"
#include "pycore_parser.h"
#include "pycore_pystate.h"
#include "pycore_pathconfig.h"     /* PYTHONHOME */
#include "pycore_readline.h"      /* site/REPL: PyOS_Readline */
#include "pycore_stdio.h"
#include "pycore_sysmodule.h"

/* ---- PyStatus --------------------------------------------------------- */

PyStatus PyStatus_Ok(void)
{
    return (PyStatus){._type = _PyStatus_TYPE_OK};
}

PyStatus PyStatus_Error(const char *err_msg)
{
    return (PyStatus){._type = _PyStatus_TYPE_ERROR, .err_msg = err_msg};
}

static PyStatus status_error_in(const char *func, const char *err_msg)
{
    return (PyStatus){._type = _PyStatus_TYPE_ERROR, .func = func,
                      .err_msg = err_msg};
}

PyStatus PyStatus_NoMemory(void)
{
    return PyStatus_Error("memory allocation failed");
}

PyStatus PyStatus_Exit(int exitcode)
{
    return (PyStatus){._type = _PyStatus_TYPE_EXIT, .exitcode = exitcode};
}

int PyStatus_IsError(PyStatus err)
{
    return err._type == _PyStatus_TYPE_ERROR;
}

int PyStatus_IsExit(PyStatus err)
{
    return err._type == _PyStatus_TYPE_EXIT;
}

int PyStatus_Exception(PyStatus err)
{
    return err._type != _PyStatus_TYPE_OK;
}

/* A configuration error ends the process with status 1, like CPython's
   start-up errors (not an abort: nothing is wrong with the process). */
void Py_ExitStatusException(PyStatus err)
{
    if (PyStatus_IsExit(err)) {
        exit(err.exitcode);
    }
    fflush(stdout);
    if (err.func != NULL) {
        fprintf(stderr, "Fatal Python error: %s: %s\n", err.func, err.err_msg);
    }
    else {
        fprintf(stderr, "Fatal Python error: %s\n", err.err_msg);
    }
    fprintf(stderr, "Python runtime state: %s\n\n",
            Py_IsInitialized() ? "initialized" : "preinitialized");
    exit(1);
}

/* ---- wide strings ------------------------------------------------------ */

/* Configuration strings live in malloc memory: a PyConfig may be filled
   and cleared before the interpreter (and its allocators) exists. */
static wchar_t *wide_dup(const wchar_t *s)
{
    size_t size = (wcslen(s) + 1) * sizeof(wchar_t);
    wchar_t *copy = malloc(size);
    if (copy != NULL) {
        memcpy(copy, s, size);
    }
    return copy;
}

/* UTF-8 to wide; a byte that is not part of a valid sequence becomes the
   lone surrogate U+DC80+byte (surrogateescape), so nothing is lost. */
static wchar_t *decode_bytes(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text);
    wchar_t *out = malloc((len + 1) * sizeof(wchar_t));
    if (out == NULL) {
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        int extra = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : 0;
        if (c >= 0xF5) {
            extra = 0;
        }
        unsigned long cp = extra == 3 ? c & 0x07 : extra == 2 ? c & 0x0F : c & 0x1F;
        int ok = c < 0x80 || (extra > 0 && i + (size_t)extra < len + 1);
        for (int k = 1; ok && c >= 0x80 && k <= extra; k++) {
            if (i + (size_t)k >= len || (s[i + k] & 0xC0) != 0x80) {
                ok = 0;
                break;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (ok && c >= 0x80 && ((extra == 2 && (cp < 0x800
                                                || (cp >= 0xD800 && cp < 0xE000)))
                                || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))) {
            ok = 0;
        }
        if (c < 0x80) {
            out[n++] = c;
            i++;
        }
        else if (ok) {
            out[n++] = (wchar_t)cp;
            i += (size_t)extra + 1;
        }
        else {
            out[n++] = 0xDC00 + c;
            i++;
        }
    }
    out[n] = L'\0';
    return out;
}

/* Wide to UTF-8 (malloc'ed); escaped surrogates give back their byte. */
static char *encode_wide(const wchar_t *w)
{
    char *out = malloc(wcslen(w) * 4 + 1);
    if (out == NULL) {
        return NULL;
    }
    size_t n = 0;
    for (; *w; w++) {
        unsigned long cp = (unsigned long)*w;
        if (cp >= 0xDC80 && cp <= 0xDCFF) {
            out[n++] = (char)(cp - 0xDC00);
        }
        else if (cp < 0x80) {
            out[n++] = (char)cp;
        }
        else if (cp < 0x800) {
            out[n++] = (char)(0xC0 | (cp >> 6));
            out[n++] = (char)(0x80 | (cp & 0x3F));
        }
        else if (cp < 0x10000) {
            out[n++] = (char)(0xE0 | (cp >> 12));
            out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (cp & 0x3F));
        }
        else {
            out[n++] = (char)(0xF0 | (cp >> 18));
            out[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[n++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[n] = '\0';
    return out;
}

/* ---- PyWideStringList ---------------------------------------------------- */

PyStatus PyWideStringList_Insert(PyWideStringList *list, Py_ssize_t index,
                                 const wchar_t *item)
{
    if (index < 0) {
        index = 0;
    }
    if (index > list->length) {
        index = list->length;
    }
    wchar_t *copy = wide_dup(item);
    wchar_t **items = realloc(list->items,
                              (size_t)(list->length + 1) * sizeof(wchar_t *));
    if (copy == NULL || items == NULL) {
        free(copy);
        if (items != NULL) {
            list->items = items;
        }
        return PyStatus_NoMemory();
    }
    memmove(&items[index + 1], &items[index],
            (size_t)(list->length - index) * sizeof(wchar_t *));
    items[index] = copy;
    list->items = items;
    list->length++;
    return PyStatus_Ok();
}

PyStatus PyWideStringList_Append(PyWideStringList *list, const wchar_t *item)
{
    return PyWideStringList_Insert(list, list->length, item);
}

static void wide_list_clear(PyWideStringList *list)
{
    for (Py_ssize_t i = 0; i < list->length; i++) {
        free(list->items[i]);
    }
    free(list->items);
    list->items = NULL;
    list->length = 0;
}

static PyStatus wide_list_copy(PyWideStringList *dst,
                               const PyWideStringList *src)
{
    PyWideStringList copy = {0, NULL};
    for (Py_ssize_t i = 0; i < src->length; i++) {
        PyStatus status = PyWideStringList_Append(&copy, src->items[i]);
        if (PyStatus_Exception(status)) {
            wide_list_clear(&copy);
            return status;
        }
    }
    wide_list_clear(dst);
    *dst = copy;
    return PyStatus_Ok();
}

/* ---- PyConfig ------------------------------------------------------------ */

void PyConfig_InitPythonConfig(PyConfig *config)
{
    memset(config, 0, sizeof(*config));
    config->_config_init = 2;
    config->use_environment = 1;
    config->install_signal_handlers = 1;
    config->parse_argv = 1;
    config->site_import = 1;
    config->write_bytecode = 1;
    config->user_site_directory = 1;
    config->configure_c_stdio = 1;
    config->buffered_stdio = 1;
    config->int_max_str_digits = -1;
    /* UTF-8 Mode is on by default since 3.15 (PEP 686); -X utf8=0 and
       PYTHONUTF8=0 turn it off. */
    config->utf8_mode = 1;
    config->lazy_imports = -1;
    config->enable_gil = -1;
    config->code_debug_ranges = 1;
    config->thread_inherit_context = -1;
    config->context_aware_warnings = -1;
    config->_install_importlib = 1;
}

void PyConfig_InitIsolatedConfig(PyConfig *config)
{
    PyConfig_InitPythonConfig(config);
    config->_config_init = 3;
    config->isolated = 1;
    config->use_environment = 0;
    config->install_signal_handlers = 0;
    config->parse_argv = 0;
    config->user_site_directory = 0;
    config->configure_c_stdio = 0;
    config->safe_path = 1;
}

#define CONFIG_STRINGS(X) \
    X(program_name) X(home) X(pythonpath_env) X(run_command) X(run_module) \
    X(run_filename) X(check_hash_pycs_mode)

void PyConfig_Clear(PyConfig *config)
{
#define CLEAR_STRING(NAME) free(config->NAME); config->NAME = NULL;
    CONFIG_STRINGS(CLEAR_STRING)
#undef CLEAR_STRING
    wide_list_clear(&config->orig_argv);
    wide_list_clear(&config->argv);
    wide_list_clear(&config->xoptions);
    wide_list_clear(&config->warnoptions);
}

PyStatus PyConfig_SetString(PyConfig *config, wchar_t **config_str,
                            const wchar_t *str)
{
    (void)config;
    wchar_t *copy = NULL;
    if (str != NULL && (copy = wide_dup(str)) == NULL) {
        return PyStatus_NoMemory();
    }
    free(*config_str);
    *config_str = copy;
    return PyStatus_Ok();
}

PyStatus PyConfig_SetBytesString(PyConfig *config, wchar_t **config_str,
                                 const char *str)
{
    (void)config;
    wchar_t *copy = NULL;
    if (str != NULL && (copy = decode_bytes(str)) == NULL) {
        return PyStatus_NoMemory();
    }
    free(*config_str);
    *config_str = copy;
    return PyStatus_Ok();
}

PyStatus PyConfig_SetArgv(PyConfig *config, Py_ssize_t argc,
                          wchar_t *const *argv)
{
    PyWideStringList list = {argc, (wchar_t **)argv};
    return wide_list_copy(&config->argv, &list);
}

PyStatus PyConfig_SetBytesArgv(PyConfig *config, Py_ssize_t argc,
                               char *const *argv)
{
    PyWideStringList list = {0, NULL};
    for (Py_ssize_t i = 0; i < argc; i++) {
        wchar_t *arg = decode_bytes(argv[i]);
        PyStatus status = arg ? PyWideStringList_Append(&list, arg)
                              : PyStatus_NoMemory();
        free(arg);
        if (PyStatus_Exception(status)) {
            wide_list_clear(&list);
            return status;
        }
    }
    wide_list_clear(&config->argv);
    config->argv = list;
    return PyStatus_Ok();
}

/* capi (session 6): replace *list by a copy of items. */
PyStatus PyConfig_SetWideStringList(PyConfig *config, PyWideStringList *list,
                                    Py_ssize_t length, wchar_t **items)
{
    (void)config;
    PyWideStringList src = {length, items};
    return wide_list_copy(list, &src);
}

/* capi (session 6): the PyInitConfig API's conversions
   (Python/initconfig_api.c), malloc'ed; NULL when out of memory. */
wchar_t *_PyConfig_DecodeBytes(const char *text)
{
    return decode_bytes(text);
}

char *_PyConfig_EncodeWide(const wchar_t *text)
{
    return encode_wide(text);
}

static PyStatus config_copy(PyConfig *dst, const PyConfig *src)
{
    PyConfig_Clear(dst);
    *dst = *src;
#define NULL_STRING(NAME) dst->NAME = NULL;
    CONFIG_STRINGS(NULL_STRING)
#undef NULL_STRING
    memset(&dst->orig_argv, 0, sizeof(dst->orig_argv));
    memset(&dst->argv, 0, sizeof(dst->argv));
    memset(&dst->xoptions, 0, sizeof(dst->xoptions));
    memset(&dst->warnoptions, 0, sizeof(dst->warnoptions));
    PyStatus status = PyStatus_Ok();
#define COPY_STRING(NAME) \
    if (!PyStatus_Exception(status)) { \
        status = PyConfig_SetString(dst, &dst->NAME, src->NAME); \
    }
    CONFIG_STRINGS(COPY_STRING)
#undef COPY_STRING
    if (!PyStatus_Exception(status)) {
        status = wide_list_copy(&dst->orig_argv, &src->orig_argv);
    }
    if (!PyStatus_Exception(status)) {
        status = wide_list_copy(&dst->argv, &src->argv);
    }
    if (!PyStatus_Exception(status)) {
        status = wide_list_copy(&dst->xoptions, &src->xoptions);
    }
    if (!PyStatus_Exception(status)) {
        status = wide_list_copy(&dst->warnoptions, &src->warnoptions);
    }
    return status;
}

/* ---- the command line ---------------------------------------------------- */

static const char usage_line[] =
    "usage: %ls [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char usage_options[] =
"Options (environment variables with the same effect in brackets):\n"
"-b     : warn when bytes or bytearray meet str in str() or ==, and when\n"
"         bytes are compared with int (-bb: raise BytesWarning instead)\n"
"-B     : do not write .pyc files when importing [PYTHONDONTWRITEBYTECODE]\n"
"-c cmd : run the program given as a string (ends the option list)\n"
"-d     : parser debugging output (for interpreter developers)\n"
"-E     : ignore every PYTHON* environment variable\n"
"-h     : show this help and exit (also -? and --help)\n"
"-i     : after the program, enter the interactive prompt, even when stdin\n"
"         is not a terminal [PYTHONINSPECT]\n"
"-I     : isolated mode: like -E -P -s together\n"
"-m mod : run a library module as the main program (ends the option list)\n"
"-O     : skip assert statements and code depending on __debug__\n"
"         [PYTHONOPTIMIZE]\n"
"-OO    : like -O, and also drop docstrings\n"
"-P     : do not put the script's directory (or the current directory)\n"
"         in front of sys.path [PYTHONSAFEPATH]\n"
"-q     : no version banner at the interactive prompt\n"
"-s     : do not add the user site-packages directory [PYTHONNOUSERSITE]\n"
"-S     : do not import the site module at start-up\n"
"-u     : unbuffered stdout and stderr (stdin is unaffected)\n"
"         [PYTHONUNBUFFERED]\n"
"-v     : trace imports; repeat for more detail [PYTHONVERBOSE]\n"
"-V     : show the version and exit (also --version); -VV adds build\n"
"         details\n"
"-W arg : a warning filter, action:message:category:module:lineno\n"
"         [PYTHONWARNINGS]\n"
"-x     : ignore the first line of the source (for non-Unix #! lines)\n"
"-X opt : an implementation-specific option (see --help-xoptions)\n"
"--check-hash-based-pycs always|default|never:\n"
"         how hash-based .pyc files are validated\n"
"--help-env: describe the environment variables and exit\n"
"--help-xoptions: describe the -X options and exit\n"
"--help-all: all of the help text, then exit\n"
"\n"
"Arguments:\n"
"file   : the program, read from a file\n"
"-      : the program, read from stdin (the default; interactive on a tty)\n"
"arg ...: the program's arguments, sys.argv[1:]\n";

static const char usage_xoptions[] =
"Implementation-specific -X options:\n"
"-X dev : development mode, with extra run-time checks [PYTHONDEVMODE]\n"
"-X faulthandler: dump Python tracebacks on fatal signals\n"
"         [PYTHONFAULTHANDLER]\n"
"-X gil=[0|1]: force the GIL off (0, free-threaded build only) or on (1)\n"
"         [PYTHON_GIL]\n"
"-X importtime[=2]: report the time each import takes on stderr; with 2,\n"
"         also the imports of modules already imported [PYTHONPROFILEIMPORTTIME]\n"
"-X int_max_str_digits=N: the most decimal digits int<->str conversions\n"
"         accept; 0 means no limit [PYTHONINTMAXSTRDIGITS]\n"
"-X no_debug_ranges: code objects keep line numbers only, no columns\n"
"         [PYTHONNODEBUGRANGES]\n"
"-X lazy_imports=[all|none|normal]: make every potentially lazy import lazy,\n"
"         none of them, or only those marked `lazy` [PYTHON_LAZY_IMPORTS]\n"
"-X thread_inherit_context=[0|1]: new threads start with a copy of the\n"
"         context of the caller of Thread.start() (1) or an empty one (0);\n"
"         1 in the free-threaded build, 0 otherwise\n"
"         [PYTHON_THREAD_INHERIT_CONTEXT]\n"
"-X context_aware_warnings=[0|1]: warnings.catch_warnings and the filters\n"
"         use a context variable (1) or module globals (0); 1 in the\n"
"         free-threaded build, 0 otherwise [PYTHON_CONTEXT_AWARE_WARNINGS]\n"
"-X tracemalloc[=N]: trace Python memory allocations, keeping N frames\n"
"         of traceback (default 1) [PYTHONTRACEMALLOC]\n"
"-X utf8[=0|1]: UTF-8 mode on (1, the default value) or off [PYTHONUTF8]\n"
"-X warn_default_encoding: warn when open() and friends use the locale's\n"
"         encoding [PYTHONWARNDEFAULTENCODING]\n"
"Other -X options are kept in sys._xoptions.\n";

static const char usage_env[] =
"Environment variables:\n"
"PYTHONPATH      : directories (':'-separated) put in front of the default\n"
"                  module search path, sys.path\n"
"PYTHONHOME      : the installation <prefix> (or <prefix>:<exec_prefix>)\n"
"PYTHONSTARTUP   : a file run before the first interactive prompt\n"
"PYTHONSAFEPATH  : like -P\n"
"PYTHONINSPECT   : like -i\n"
"PYTHONOPTIMIZE  : like -O; an integer N acts like N times -O\n"
"PYTHONDONTWRITEBYTECODE: like -B\n"
"PYTHONUNBUFFERED: like -u\n"
"PYTHONVERBOSE   : like -v\n"
"PYTHONNOUSERSITE: like -s\n"
"PYTHONWARNINGS  : ','-separated -W arguments\n"
"PYTHONHASHSEED  : 'random' (the default) or an integer in [0,4294967295]\n"
"                  that fixes the seed of str and bytes hashes\n"
"PYTHONINTMAXSTRDIGITS: like -X int_max_str_digits\n"
"PYTHON_LAZY_IMPORTS: like -X lazy_imports\n"
"PYTHON_GIL      : like -X gil\n"
"PYTHON_THREAD_INHERIT_CONTEXT: like -X thread_inherit_context\n"
"PYTHON_CONTEXT_AWARE_WARNINGS: like -X context_aware_warnings\n"
"PYTHONDEVMODE   : like -X dev\n"
"PYTHONNODEBUGRANGES: like -X no_debug_ranges\n"
"PYTHONTRACEMALLOC: like -X tracemalloc=N\n"
"PYTHONUTF8      : like -X utf8\n"
"PYTHONWARNDEFAULTENCODING: like -X warn_default_encoding\n";

static const wchar_t *program_of(const PyConfig *config)
{
    if (config->program_name != NULL) {
        return config->program_name;
    }
    return config->argv.length > 0 ? config->argv.items[0] : L"python";
}

/* A command-line mistake: the message, the usage line, exit status 2. */
static PyStatus usage_error(const PyConfig *config, const char *format,
                            const wchar_t *detail)
{
    fflush(stdout);
    fprintf(stderr, format, detail);
    fprintf(stderr, usage_line, program_of(config));
    fprintf(stderr, "Try 'python -h' for more information.\n");
    return PyStatus_Exit(2);
}

enum help_request {
    HELP_NONE, HELP_USAGE, HELP_ENV, HELP_XOPTIONS, HELP_ALL
};

static void print_help(const PyConfig *config, enum help_request help)
{
    if (help == HELP_USAGE || help == HELP_ALL) {
        printf(usage_line, program_of(config));
        fputs(usage_options, stdout);
    }
    if (help == HELP_ALL) {
        putchar('\n');
    }
    if (help == HELP_ENV || help == HELP_ALL) {
        fputs(usage_env, stdout);
    }
    if (help == HELP_ALL) {
        putchar('\n');
    }
    if (help == HELP_XOPTIONS || help == HELP_ALL) {
        fputs(usage_xoptions, stdout);
    }
}

/* What the command line asked for besides the configuration itself. */
struct cmdline {
    enum help_request help;
    int version;                /* -V count */
    Py_ssize_t rest;            /* index of the first sys.argv entry */
    const wchar_t *argv0;       /* sys.argv[0] */
};

/* -c and -m: the value is the rest of this word or the next word. */
static const wchar_t *option_value(const PyWideStringList *args,
                                   Py_ssize_t *index, const wchar_t *word,
                                   size_t pos)
{
    if (word[pos + 1] != L'\0') {
        return &word[pos + 1];
    }
    if (*index + 1 < args->length) {
        *index += 1;
        return args->items[*index];
    }
    return NULL;
}

static PyStatus parse_long_option(PyConfig *config, struct cmdline *cl,
                                  const PyWideStringList *args,
                                  Py_ssize_t *index)
{
    const wchar_t *word = args->items[*index];
    if (wcscmp(word, L"--help") == 0) {
        cl->help = HELP_USAGE;
    }
    else if (wcscmp(word, L"--help-env") == 0) {
        cl->help = HELP_ENV;
    }
    else if (wcscmp(word, L"--help-xoptions") == 0) {
        cl->help = HELP_XOPTIONS;
    }
    else if (wcscmp(word, L"--help-all") == 0) {
        cl->help = HELP_ALL;
    }
    else if (wcscmp(word, L"--version") == 0) {
        cl->version++;
    }
    else if (wcscmp(word, L"--check-hash-based-pycs") == 0) {
        if (*index + 1 >= args->length) {
            return usage_error(config, "Argument expected for the %ls option\n",
                               word);
        }
        const wchar_t *mode = args->items[++*index];
        if (wcscmp(mode, L"always") != 0 && wcscmp(mode, L"never") != 0
                && wcscmp(mode, L"default") != 0) {
            return usage_error(config, "%ls must be one of 'default', "
                               "'always', or 'never'\n", word);
        }
        return PyConfig_SetString(config, &config->check_hash_pycs_mode, mode);
    }
    else {
        return usage_error(config, "unknown option %ls\n", word);
    }
    return PyStatus_Ok();
}

/* One word of single-letter options ("-Esc", "-Wd", "-Xdev").  Sets
   *stop when the word ended the options (-c, -m). */
static PyStatus parse_short_options(PyConfig *config, struct cmdline *cl,
                                    const PyWideStringList *args,
                                    Py_ssize_t *index, int *stop)
{
    const wchar_t *word = args->items[*index];
    for (size_t pos = 1; word[pos] != L'\0'; pos++) {
        wchar_t opt = word[pos];
        PyStatus status = PyStatus_Ok();
        switch (opt) {
        case L'c': case L'm': case L'W': case L'X': {
            const wchar_t *value = option_value(args, index, word, pos);
            if (value == NULL) {
                wchar_t name[3] = {L'-', opt, L'\0'};
                return usage_error(config,
                                   "Argument expected for the %ls option\n",
                                   name);
            }
            if (opt == L'c') {
                size_t len = wcslen(value);
                wchar_t *command = malloc((len + 2) * sizeof(wchar_t));
                if (command == NULL) {
                    return PyStatus_NoMemory();
                }
                wmemcpy(command, value, len);
                command[len] = L'\n';
                command[len + 1] = L'\0';
                free(config->run_command);
                config->run_command = command;
                cl->argv0 = L"-c";
                *stop = 1;
            }
            else if (opt == L'm') {
                status = PyConfig_SetString(config, &config->run_module, value);
                cl->argv0 = L"-m";
                *stop = 1;
            }
            else if (opt == L'W') {
                status = PyWideStringList_Append(&config->warnoptions, value);
            }
            else {
                status = PyWideStringList_Append(&config->xoptions, value);
            }
            return status;
        }
        case L'b': config->bytes_warning++; break;
        case L'B': config->write_bytecode = 0; break;
        case L'd': config->parser_debug++; break;
        case L'E': config->use_environment = 0; break;
        case L'h': case L'?': cl->help = HELP_USAGE; break;
        case L'i': config->inspect++; config->interactive++; break;
        case L'I':
            config->isolated = 1;
            config->use_environment = 0;
            config->user_site_directory = 0;
            config->safe_path = 1;
            break;
        case L'O': config->optimization_level++; break;
        case L'P': config->safe_path = 1; break;
        case L'q': config->quiet++; break;
        case L'R': break;       /* hash randomization is always on */
        case L's': config->user_site_directory = 0; break;
        case L'S': config->site_import = 0; break;
        case L'u': config->buffered_stdio = 0; break;
        case L'v': config->verbose++; break;
        case L'V': cl->version++; break;
        case L'x': config->skip_source_first_line = 1; break;
        default: {
            wchar_t name[3] = {L'-', opt, L'\0'};
            return usage_error(config, "unknown option %ls\n", name);
        }
        }
    }
    return PyStatus_Ok();
}

/* Parse config->argv as a python command line; on success argv becomes
   sys.argv.  Help and version requests end in PyStatus_Exit(0). */
static PyStatus parse_cmdline(PyConfig *config)
{
    const PyWideStringList *args = &config->argv;
    struct cmdline cl = {HELP_NONE, 0, 0, NULL};
    Py_ssize_t i = 1;
    int stop = 0;
    PyStatus status = PyStatus_Ok();
    if (config->program_name == NULL && args->length > 0) {
        status = PyConfig_SetString(config, &config->program_name,
                                    args->items[0]);
    }
    for (; !stop && !PyStatus_Exception(status) && i < args->length; i++) {
        const wchar_t *word = args->items[i];
        if (word[0] != L'-' || word[1] == L'\0') {
            break;
        }
        if (wcscmp(word, L"--") == 0) {
            i++;
            break;
        }
        if (word[1] == L'-') {
            status = parse_long_option(config, &cl, args, &i);
        }
        else {
            status = parse_short_options(config, &cl, args, &i, &stop);
        }
    }
    if (PyStatus_Exception(status)) {
        return status;
    }
    if (cl.help != HELP_NONE) {
        print_help(config, cl.help);
        return PyStatus_Exit(0);
    }
    if (cl.version) {
        printf("Python %s\n", cl.version >= 2 ? Py_GetVersion() : PY_VERSION);
        return PyStatus_Exit(0);
    }
    if (!stop && i < args->length) {
        /* The script (or "-" for stdin) is sys.argv[0]. */
        cl.argv0 = args->items[i];
        if (wcscmp(args->items[i], L"-") != 0) {
            status = PyConfig_SetString(config, &config->run_filename,
                                        args->items[i]);
        }
        i++;
    }
    if (PyStatus_Exception(status)) {
        return status;
    }
    PyWideStringList sys_argv = {0, NULL};
    status = PyWideStringList_Append(&sys_argv, cl.argv0 ? cl.argv0 : L"");
    for (; !PyStatus_Exception(status) && i < args->length; i++) {
        status = PyWideStringList_Append(&sys_argv, args->items[i]);
    }
    if (PyStatus_Exception(status)) {
        wide_list_clear(&sys_argv);
        return status;
    }
    wide_list_clear(&config->argv);
    config->argv = sys_argv;
    return PyStatus_Ok();
}

/* ---- -X options and the environment ---------------------------------- */

static const wchar_t *xoption_value(const PyConfig *config, const wchar_t *name)
{
    size_t len = wcslen(name);
    const wchar_t *found = NULL;
    for (Py_ssize_t i = 0; i < config->xoptions.length; i++) {
        const wchar_t *opt = config->xoptions.items[i];
        if (wcsncmp(opt, name, len) == 0
                && (opt[len] == L'\0' || opt[len] == L'=')) {
            found = opt[len] == L'=' ? &opt[len + 1] : L"";
        }
    }
    return found;       /* the last one wins */
}

static const char *env_value(const PyConfig *config, const char *name)
{
    if (!config->use_environment) {
        return NULL;
    }
    const char *value = getenv(name);
    return value != NULL && value[0] != '\0' ? value : NULL;
}

/* A PYTHON* flag variable: a positive integer sets the flag to at least
   that much; any other non-empty value counts as 1. */
static void env_flag(const PyConfig *config, int *flag, const char *name)
{
    const char *value = env_value(config, name);
    if (value == NULL) {
        return;
    }
    char *end;
    long n = strtol(value, &end, 10);
    int level = *end == '\0' && n >= 0 ? (n > INT_MAX ? INT_MAX : (int)n) : 1;
    if (*flag < level) {
        *flag = level;
    }
}

/* A decimal int in [0, INT_MAX] spanning the whole string, else -1. */
static long parse_count(const char *text)
{
    if (text[0] < '0' || text[0] > '9') {
        return -1;
    }
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    return *end != '\0' || errno != 0 || n > INT_MAX ? -1 : n;
}

/* A count given by -X NAME=N or, failing that, by the environment
   variable: *found is 0 when neither is set; else *count is the parsed
   value (-1 when the text is not a count) and *from_xoption says which
   of the two gave it. */
static PyStatus read_count_setting(PyConfig *config, const wchar_t *xname,
                                   const char *envname, int *found,
                                   long *count, int *from_xoption)
{
    const wchar_t *xvalue = xoption_value(config, xname);
    *found = 0;
    *from_xoption = xvalue != NULL;
    char *owned = NULL;
    const char *text;
    if (xvalue != NULL) {
        owned = encode_wide(xvalue);
        if (owned == NULL) {
            return PyStatus_NoMemory();
        }
        text = owned;
    }
    else {
        text = env_value(config, envname);
        if (text == NULL) {
            return PyStatus_Ok();
        }
    }
    *found = 1;
    *count = parse_count(text);
    free(owned);
    return PyStatus_Ok();
}

static PyStatus read_int_max_str_digits(PyConfig *config)
{
    int found, from_xoption;
    long n;
    PyStatus status = read_count_setting(config, L"int_max_str_digits",
                                         "PYTHONINTMAXSTRDIGITS", &found, &n,
                                         &from_xoption);
    if (PyStatus_Exception(status) || !found) {
        return status;
    }
    if (n < 0 || (n != 0 && n < _PY_LONG_MAX_STR_DIGITS_THRESHOLD)) {
        return status_error_in("config_init_int_max_str_digits",
            from_xoption
            ? "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited."
            : "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.");
    }
    config->int_max_str_digits = (int)n;
    return PyStatus_Ok();
}

/* -X importtime[=LEVEL] wins over PYTHONPROFILEIMPORTTIME=LEVEL: text
   that is not a count means 1; 2 also reports modules already imported;
   larger counts are refused, as in CPython 3.14. */
static PyStatus read_import_time(PyConfig *config)
{
    int found, from_xoption;
    long level;
    PyStatus status = read_count_setting(config, L"importtime",
                                         "PYTHONPROFILEIMPORTTIME", &found,
                                         &level, &from_xoption);
    if (PyStatus_Exception(status) || !found) {
        return status;
    }
    if (level > 2) {
        return status_error_in("config_init_import_time",
            from_xoption
            ? "-X importtime: numeric values other than 1 and 2 are reserved for future use."
            : "PYTHONPROFILEIMPORTTIME: numeric values other than 1 and 2 are reserved for future use.");
    }
    config->import_time = level < 0 ? 1 : (int)level;
    return PyStatus_Ok();
}

/* -X tracemalloc[=NFRAME] wins over PYTHONTRACEMALLOC=NFRAME. */
static PyStatus read_tracemalloc(PyConfig *config)
{
    const wchar_t *xvalue = xoption_value(config, L"tracemalloc");
    if (xvalue != NULL && xvalue[0] == L'\0') {
        config->tracemalloc = 1;
        return PyStatus_Ok();
    }
    int found, from_xoption;
    long n;
    PyStatus status = read_count_setting(config, L"tracemalloc",
                                         "PYTHONTRACEMALLOC", &found, &n,
                                         &from_xoption);
    if (PyStatus_Exception(status) || !found) {
        return status;
    }
    /* 0 leaves tracing off. */
    if (n < 0 || n > 65535) {
        return status_error_in("config_init_tracemalloc",
            from_xoption
            ? "-X tracemalloc=NFRAME: invalid number of frames"
            : "PYTHONTRACEMALLOC: invalid number of frames");
    }
    config->tracemalloc = (int)n;
    return PyStatus_Ok();
}

/* -X gil wins over PYTHON_GIL (DESIGN.md section 7). */
static PyStatus read_gil(PyConfig *config)
{
    const wchar_t *xvalue = xoption_value(config, L"gil");
    int value;
    if (xvalue != NULL) {
        value = wcscmp(xvalue, L"0") == 0 ? 0 : wcscmp(xvalue, L"1") == 0 ? 1 : 2;
    }
    else {
        const char *env = env_value(config, "PYTHON_GIL");
        if (env == NULL) {
            return PyStatus_Ok();
        }
        value = strcmp(env, "0") == 0 ? 0 : strcmp(env, "1") == 0 ? 1 : 2;
    }
    if (value == 2) {
        return status_error_in("config_read_gil",
                               "PYTHON_GIL / -X gil must be \"0\" or \"1\"");
    }
#ifndef Py_GIL_DISABLED
    if (value == 0) {
        return status_error_in("config_read_gil",
                               "Disabling the GIL is not supported by this build");
    }
#endif
    config->enable_gil = value;
    return PyStatus_Ok();
}

/* A 0/1 switch: -X NAME=V wins over the environment variable ENV=V; an
   unset switch takes the build's default (on in the free-threaded build,
   as in CPython 3.14). */
static PyStatus read_build_default_switch(PyConfig *config, int *field,
                                          const wchar_t *xname, const char *env,
                                          const char *xerror, const char *enverror)
{
#ifdef Py_GIL_DISABLED
    *field = 1;
#else
    *field = 0;
#endif
    const char *text = env_value(config, env);
    if (text != NULL) {
        if (strcmp(text, "0") != 0 && strcmp(text, "1") != 0) {
            return status_error_in("config_read_switch", enverror);
        }
        *field = text[0] == '1';
    }
    const wchar_t *xvalue = xoption_value(config, xname);
    if (xvalue != NULL) {
        if (wcscmp(xvalue, L"0") != 0 && wcscmp(xvalue, L"1") != 0) {
            return status_error_in("config_read_switch", xerror);
        }
        *field = xvalue[0] == L'1';
    }
    return PyStatus_Ok();
}

static PyStatus read_context_switches(PyConfig *config)
{
    PyStatus status = PyStatus_Ok();
    if (config->thread_inherit_context < 0) {
        status = read_build_default_switch(
            config, &config->thread_inherit_context, L"thread_inherit_context",
            "PYTHON_THREAD_INHERIT_CONTEXT",
            "-X thread_inherit_context=n option: n is missing or invalid",
            "PYTHON_THREAD_INHERIT_CONTEXT=N: N is missing or invalid");
    }
    if (!PyStatus_Exception(status) && config->context_aware_warnings < 0) {
        status = read_build_default_switch(
            config, &config->context_aware_warnings, L"context_aware_warnings",
            "PYTHON_CONTEXT_AWARE_WARNINGS",
            "-X context_aware_warnings=n option: n is missing or invalid",
            "PYTHON_CONTEXT_AWARE_WARNINGS=N: N is missing or invalid");
    }
    return status;
}

/* -X lazy_imports wins over PYTHON_LAZY_IMPORTS (PEP 810). */
static PyStatus read_lazy_imports(PyConfig *config)
{
    const wchar_t *xvalue = xoption_value(config, L"lazy_imports");
    const char *env = xvalue == NULL ? env_value(config, "PYTHON_LAZY_IMPORTS")
                                     : NULL;
    if (xvalue == NULL && (env == NULL || env[0] == '\0')) {
        return PyStatus_Ok();
    }
    static const wchar_t *const wide_names[] = {L"none", L"all", L"normal"};
    static const char *const names[] = {"none", "all", "normal"};
    for (int i = 0; i < 3; i++) {
        if (xvalue != NULL ? wcscmp(xvalue, wide_names[i]) == 0
                           : strcmp(env, names[i]) == 0) {
            config->lazy_imports = i == 2 ? -1 : i;
            return PyStatus_Ok();
        }
    }
    return status_error_in("config_read_lazy_imports", xvalue != NULL
        ? "-X lazy_imports: invalid value: expected 'all', 'none' or 'normal'"
        : "PYTHON_LAZY_IMPORTS: invalid value: expected 'all', 'none' or "
          "'normal'");
}

/* Checked here, with the same rules Python/pyhash.c applies, so that a bad
   value is a clean start-up error rather than a crash during init. */
static PyStatus read_hash_seed(PyConfig *config)
{
    const char *seed = env_value(config, "PYTHONHASHSEED");
    if (seed == NULL || strcmp(seed, "random") == 0) {
        config->use_hash_seed = 0;
        return PyStatus_Ok();
    }
    char *end;
    errno = 0;
    unsigned long n = strtoul(seed, &end, 10);
    if (seed[0] < '0' || seed[0] > '9' || *end != '\0' || errno != 0
            || n > 4294967295UL) {
        return status_error_in("config_init_hash_seed",
                               "PYTHONHASHSEED must be \"random\" or an integer "
                               "in range [0; 4294967295]");
    }
    config->use_hash_seed = 1;
    config->hash_seed = n;
    return PyStatus_Ok();
}

static PyStatus read_env_string(PyConfig *config, wchar_t **dst,
                                const char *name)
{
    const char *value = env_value(config, name);
    if (value == NULL || *dst != NULL) {
        return PyStatus_Ok();
    }
    return PyConfig_SetBytesString(config, dst, value);
}

/* PYTHONWARNINGS' comma-separated entries go before the -W options. */
static PyStatus read_env_warnings(PyConfig *config)
{
    const char *value = env_value(config, "PYTHONWARNINGS");
    Py_ssize_t at = 0;
    while (value != NULL && *value != '\0') {
        const char *comma = strchr(value, ',');
        size_t len = comma ? (size_t)(comma - value) : strlen(value);
        if (len > 0) {
            char *item = strndup(value, len);
            wchar_t *wide = item ? decode_bytes(item) : NULL;
            PyStatus status = wide ? PyWideStringList_Insert(&config->warnoptions,
                                                             at++, wide)
                                   : PyStatus_NoMemory();
            free(item);
            free(wide);
            if (PyStatus_Exception(status)) {
                return status;
            }
        }
        value = comma ? comma + 1 : NULL;
    }
    return PyStatus_Ok();
}

static void read_xflags(PyConfig *config)
{
    if (xoption_value(config, L"dev") != NULL) {
        config->dev_mode = 1;
    }
    if (xoption_value(config, L"faulthandler") != NULL) {
        config->faulthandler = 1;
    }
    if (xoption_value(config, L"no_debug_ranges") != NULL) {
        config->code_debug_ranges = 0;
    }
    if (xoption_value(config, L"warn_default_encoding") != NULL) {
        config->warn_default_encoding = 1;
    }
    const wchar_t *utf8 = xoption_value(config, L"utf8");
    if (utf8 != NULL) {
        config->utf8_mode = wcscmp(utf8, L"0") != 0;
    }
    else {
        const char *env = env_value(config, "PYTHONUTF8");
        if (env != NULL) {
            config->utf8_mode = strcmp(env, "0") != 0;
        }
    }
}

static void read_env_flags(PyConfig *config)
{
    int flag = 0;
    env_flag(config, &config->optimization_level, "PYTHONOPTIMIZE");
    env_flag(config, &config->inspect, "PYTHONINSPECT");
    env_flag(config, &config->verbose, "PYTHONVERBOSE");
    env_flag(config, &config->parser_debug, "PYTHONDEBUG");
    env_flag(config, &config->dev_mode, "PYTHONDEVMODE");
    env_flag(config, &config->faulthandler, "PYTHONFAULTHANDLER");
    env_flag(config, &config->safe_path, "PYTHONSAFEPATH");
    env_flag(config, &config->warn_default_encoding, "PYTHONWARNDEFAULTENCODING");
    if (env_value(config, "PYTHONNODEBUGRANGES") != NULL) {
        config->code_debug_ranges = 0;
    }
    env_flag(config, &flag, "PYTHONDONTWRITEBYTECODE");
    if (flag) {
        config->write_bytecode = 0;
    }
    flag = 0;
    env_flag(config, &flag, "PYTHONUNBUFFERED");
    if (flag) {
        config->buffered_stdio = 0;
    }
    flag = 0;
    env_flag(config, &flag, "PYTHONNOUSERSITE");
    if (flag) {
        config->user_site_directory = 0;
    }
}

PyStatus PyConfig_Read(PyConfig *config)
{
    PyStatus status = PyStatus_Ok();
    if (config->orig_argv.length == 0) {
        status = wide_list_copy(&config->orig_argv, &config->argv);
    }
    if (!PyStatus_Exception(status) && config->parse_argv == 1) {
        status = parse_cmdline(config);
        if (!PyStatus_Exception(status)) {
            /* argv now holds sys.argv: never parse it a second time. */
            config->parse_argv = 2;
        }
    }
    if (PyStatus_Exception(status)) {
        return status;
    }
    if (config->isolated) {
        config->use_environment = 0;
        config->user_site_directory = 0;
        config->safe_path = 1;
    }
    read_env_flags(config);
    read_xflags(config);
    if (config->dev_mode) {
        config->faulthandler = 1;
    }
    status = read_env_warnings(config);
    if (!PyStatus_Exception(status)) {
        status = read_env_string(config, &config->home, "PYTHONHOME");
    }
    if (!PyStatus_Exception(status)) {
        status = read_env_string(config, &config->pythonpath_env, "PYTHONPATH");
    }
    if (!PyStatus_Exception(status)) {
        status = read_hash_seed(config);
    }
    if (!PyStatus_Exception(status)) {
        status = read_gil(config);
    }
    if (!PyStatus_Exception(status)) {
        status = read_int_max_str_digits(config);
    }
    if (!PyStatus_Exception(status)) {
        status = read_tracemalloc(config);
    }
    if (!PyStatus_Exception(status)) {
        status = read_import_time(config);
    }
    if (!PyStatus_Exception(status)) {
        status = read_lazy_imports(config);
    }
    if (!PyStatus_Exception(status)) {
        status = read_context_switches(config);
    }
    if (!PyStatus_Exception(status) && config->argv.length == 0) {
        status = PyWideStringList_Append(&config->argv, L"");
    }
    return status;
}

/* ---- start-up -------------------------------------------------------------- */

/* The configuration in effect: written by Py_InitializeFromConfig before
   the interpreter starts, read-only afterwards. */
static PyConfig active_config;
static int active_config_set;

const PyConfig *_Py_GetConfig(void)
{
    if (!active_config_set) {
        PyConfig_InitPythonConfig(&active_config);
        active_config.parse_argv = 0;
        active_config_set = 1;
    }
    return &active_config;
}

/* Variables still read with getenv() elsewhere during Py_Initialize
   (PYTHONHASHSEED in pyhash.c, PYTHON_GIL in pylifecycle.c, PYTHONPATH in
   sysmodule.c, PYTHONHOME in getpath.c).  With -E / -I they are hidden for the duration of the
   start-up and put back after, so the program still sees its environment. */
static const char *const startup_env_names[] = {
    "PYTHONHASHSEED", "PYTHON_GIL", "PYTHONPATH", "PYTHONHOME",
};

struct hidden_env {
    char *values[Py_ARRAY_LENGTH(startup_env_names)];
};

static void hide_startup_env(struct hidden_env *saved)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(startup_env_names); i++) {
        const char *value = getenv(startup_env_names[i]);
        saved->values[i] = value ? strdup(value) : NULL;
        if (value != NULL) {
            unsetenv(startup_env_names[i]);
        }
    }
}

static void restore_startup_env(struct hidden_env *saved)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(startup_env_names); i++) {
        if (saved->values[i] != NULL) {
            setenv(startup_env_names[i], saved->values[i], 1);
            free(saved->values[i]);
        }
    }
}

static PyObject *wide_to_str(const wchar_t *w)
{
    return PyUnicode_FromWideChar(w, -1);
}

static PyObject *wide_list_to_list(const PyWideStringList *list)
{
    PyObject *result = PyList_New(list->length);
    for (Py_ssize_t i = 0; result != NULL && i < list->length; i++) {
        PyObject *item = wide_to_str(list->items[i]);
        if (item == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, i, item);
    }
    return result;
}

/* sys._xoptions: "name=value" -> {name: value}, a bare "name" -> True. */
static PyObject *make_xoptions(const PyWideStringList *xoptions)
{
    PyObject *dict = PyDict_New();
    for (Py_ssize_t i = 0; dict != NULL && i < xoptions->length; i++) {
        const wchar_t *opt = xoptions->items[i];
        const wchar_t *eq = wcschr(opt, L'=');
        PyObject *key = PyUnicode_FromWideChar(opt, eq ? eq - opt : -1);
        PyObject *value = eq ? wide_to_str(eq + 1) : Py_NewRef(Py_True);
        if (key == NULL || value == NULL
                || PyDict_SetItem(dict, key, value) < 0) {
            Py_CLEAR(dict);
        }
        Py_XDECREF(key);
        Py_XDECREF(value);
    }
    return dict;
}

/* sys.flags, in the field order of Python/sysmodule.c's _PySys_FlagsType. */
static PyObject *make_flags(const PyConfig *c)
{
    PyObject *gil = _PySys_GilFlag(c->enable_gil);
    int hash_randomization = !(c->use_hash_seed && c->hash_seed == 0);
    PyObject *items = Py_BuildValue(
        "(iiiiiiiiiiiiiOiiOiNii)",
        c->parser_debug, c->inspect, c->interactive, c->optimization_level,
        !c->write_bytecode, !c->user_site_directory, !c->site_import,
        !c->use_environment, c->verbose, c->bytes_warning, c->quiet,
        hash_randomization, c->isolated, c->dev_mode ? Py_True : Py_False,
        c->utf8_mode, c->warn_default_encoding,
        c->safe_path ? Py_True : Py_False, c->int_max_str_digits, gil,
        c->thread_inherit_context, c->context_aware_warnings);
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    PyObject *flags = _PySys_FlagsType.tp_alloc(&_PySys_FlagsType, n);
    for (Py_ssize_t i = 0; flags != NULL && i < n; i++) {
        PyTuple_SET_ITEM(flags, i, Py_NewRef(PyTuple_GET_ITEM(items, i)));
    }
    Py_DECREF(items);
    return flags;
}

static int set_sys_new(const char *name, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int rc = PySys_SetObject(name, value);
    Py_DECREF(value);
    return rc;
}

/* An absolute version of path (malloc'ed), without leading "./"s. */
static char *absolute_path(const char *path)
{
    char cwd[4096];
    if (path[0] == '/' || getcwd(cwd, sizeof(cwd)) == NULL) {
        return strdup(path);
    }
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
    }
    size_t len = strlen(cwd) + strlen(path) + 2;
    char *result = malloc(len);
    if (result != NULL) {
        snprintf(result, len, "%s/%s", cwd, path);
    }
    return result;
}

/* The first executable file called name in the directories of PATH, as
   the shell found it (not resolved through symbolic links, so that an
   interpreter linked into a virtual environment finds its pyvenv.cfg);
   NULL when there is none.  Malloc'ed. */
static char *search_path(const char *name)
{
    const char *path = getenv("PATH");
    while (path != NULL && *path != '\0') {
        const char *colon = strchr(path, ':');
        size_t dirlen = colon ? (size_t)(colon - path) : strlen(path);
        size_t len = dirlen + strlen(name) + 2;
        char *candidate = malloc(len);
        if (candidate == NULL) {
            return NULL;
        }
        /* An empty entry means the current directory. */
        snprintf(candidate, len, "%.*s/%s", (int)(dirlen ? dirlen : 1),
                 dirlen ? path : ".", name);
        if (access(candidate, X_OK) == 0) {
            char *full = absolute_path(candidate);
            free(candidate);
            return full;
        }
        free(candidate);
        path = colon ? colon + 1 : NULL;
    }
    return NULL;
}

/* sys.executable: the program's absolute path, as it was invoked. */
static char *executable_path(const PyConfig *c)
{
    char *name = c->program_name ? encode_wide(c->program_name) : NULL;
    if (name != NULL && strchr(name, '/') != NULL) {
        char *full = absolute_path(name);
        free(name);
        return full;
    }
    if (name != NULL && name[0] != '\0') {
        char *found = search_path(name);
        if (found != NULL) {
            free(name);
            return found;
        }
    }
    free(name);
    char buffer[4096];
    ssize_t len = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
    if (len < 0) {
        return strdup("");
    }
    buffer[len] = '\0';
    return strdup(buffer);
}

/* Whether the end-of-central-directory signature of a ZIP archive is in
   the last 64 KiB of `fp` (where the archive comment allows it). */
static int has_zip_directory(FILE *fp)
{
    enum { TAIL = 65536 + 22 };
    if (fseek(fp, 0, SEEK_END) != 0) {
        return 0;
    }
    long size = ftell(fp);
    long start = size > TAIL ? size - TAIL : 0;
    char *tail = size > 0 ? malloc((size_t)(size - start)) : NULL;
    int found = 0;
    if (tail != NULL && fseek(fp, start, SEEK_SET) == 0) {
        size_t got = fread(tail, 1, (size_t)(size - start), fp);
        for (size_t i = got >= 22 ? got - 22 + 1 : 0; i-- > 0 && !found; ) {
            found = memcmp(tail + i, "PK\x05\x06", 4) == 0;
        }
    }
    free(tail);
    return found;
}

/* A script argument naming a directory or a ZIP archive (a zipapp) runs
   the __main__ module inside it, as in CPython. */
static int is_main_container(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        return 1;
    }
    FILE *fp = S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
    int zip = fp != NULL && has_zip_directory(fp);
    if (fp != NULL) {
        fclose(fp);
    }
    return zip;
}

/* sys.path[0]: the script's directory (the directory or archive itself
   when it holds __main__), '' for -c, stdin and the REPL, the current
   directory for -m; nothing with -P / PYTHONSAFEPATH. */
static char *path0_of(const PyConfig *c)
{
    if (c->safe_path) {
        return NULL;
    }
    if (c->run_module != NULL) {
        char cwd[4096];
        return strdup(getcwd(cwd, sizeof(cwd)) ? cwd : "");
    }
    if (c->run_filename == NULL) {
        return strdup("");
    }
    char *script = encode_wide(c->run_filename);
    char *full = script ? absolute_path(script) : NULL;
    int container = script != NULL && is_main_container(script);
    free(script);
    if (container) {
        return full;
    }
    char *slash = full ? strrchr(full, '/') : NULL;
    if (slash != NULL) {
        slash[slash == full ? 1 : 0] = '\0';
    }
    return full;
}

static void free_bytes_list(char **list, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; list != NULL && i < n; i++) {
        free(list[i]);
    }
    free(list);
}

static char **wide_list_to_bytes(const PyWideStringList *list)
{
    char **result = calloc((size_t)list->length + 1, sizeof(char *));
    for (Py_ssize_t i = 0; result != NULL && i < list->length; i++) {
        result[i] = encode_wide(list->items[i]);
        if (result[i] == NULL) {
            free_bytes_list(result, i);
            return NULL;
        }
    }
    return result;
}

/* pyc: sys.pycache_prefix for Python/pyc_cache.c: -X pycache_prefix=DIR,
   else PYTHONPYCACHEPREFIX, else None (an empty value also means None). */
static PyObject *pycache_prefix_of(const PyConfig *c)
{
    const wchar_t *xvalue = xoption_value(c, L"pycache_prefix");
    if (xvalue != NULL) {
        return xvalue[0] != L'\0' ? PyUnicode_FromWideChar(xvalue, -1)
                                  : Py_NewRef(Py_None);
    }
    const char *env = env_value(c, "PYTHONPYCACHEPREFIX");
    return env != NULL ? PyUnicode_DecodeFSDefault(env) : Py_NewRef(Py_None);
}

/* sys.argv, sys.orig_argv, sys.executable and sys.path[0] go through
   _PySys_SetArgv, which owns sys.path; the rest is set here. */
static int init_sys_from_config(const PyConfig *c)
{
    char **argv = wide_list_to_bytes(&c->argv);
    char **orig = wide_list_to_bytes(&c->orig_argv);
    char *executable = executable_path(c);
    char *path0 = path0_of(c);
    int rc = -1;
    if (argv != NULL && orig != NULL && executable != NULL) {
        rc = _PySys_SetArgv((int)c->argv.length, argv, executable, path0,
                            orig, (int)c->orig_argv.length);
    }
    else {
        PyErr_NoMemory();
    }
    free_bytes_list(argv, c->argv.length);
    free_bytes_list(orig, c->orig_argv.length);
    free(executable);
    free(path0);
    if (rc < 0
            || set_sys_new("flags", make_flags(c)) < 0
            || set_sys_new("_xoptions", make_xoptions(&c->xoptions)) < 0
            || set_sys_new("warnoptions", wide_list_to_list(&c->warnoptions)) < 0
            || set_sys_new("dont_write_bytecode",
                           PyBool_FromLong(!c->write_bytecode)) < 0
            || set_sys_new("pycache_prefix", pycache_prefix_of(c)) < 0) {
        return -1;
    }
    if (c->int_max_str_digits >= 0
            && _Py_SetIntMaxStrDigits(c->int_max_str_digits) < 0) {
        return -1;
    }
    if (c->lazy_imports >= 0 && _PyImport_SetLazyImportsMode(
            c->lazy_imports ? "all" : "none") < 0) {
        return -1;
    }
    return 0;
}

PyStatus Py_InitializeFromConfig(const PyConfig *config)
{
    if (Py_IsInitialized()) {
        return PyStatus_Ok();
    }
    PyConfig copy;
    PyConfig_InitPythonConfig(&copy);
    PyStatus status = config_copy(&copy, config);
    if (!PyStatus_Exception(status)) {
        status = PyConfig_Read(&copy);
    }
    if (PyStatus_Exception(status)) {
        PyConfig_Clear(&copy);
        return status;
    }
    if (active_config_set) {
        PyConfig_Clear(&active_config);
    }
    active_config = copy;
    active_config_set = 1;
    const PyConfig *c = &active_config;
    /* The runtime reads -X gil from here (pycore_gil.h); the value was
       checked above, so start-up cannot fail on it. */
    _Py_xoption_gil = c->enable_gil == 0 ? "0" : c->enable_gil == 1 ? "1" : NULL;
    struct hidden_env hidden;
    if (!c->use_environment) {
        hide_startup_env(&hidden);
    }
    char *home = c->home != NULL ? encode_wide(c->home) : NULL;
    _PyPathConfig_Init(home);
    free(home);
    Py_InitializeEx(c->install_signal_handlers);
    if (!c->use_environment) {
        restore_startup_env(&hidden);
    }
    if (init_sys_from_config(c) < 0) {
        PyErr_Print();
        return status_error_in("init_sys_from_config",
                               "can't initialize the sys module");
    }
    _Py_InitMainModules(c);     /* site/warnings: -W filters, import site */
    return PyStatus_Ok();
}

/* ---- running the main program ------------------------------------------- */

/* __main__'s dict (borrowed), with __builtins__ in it. */
static PyObject *main_dict(void)
{
    PyObject *main = PyImport_AddModule("__main__");
    if (main == NULL) {
        return NULL;
    }
    PyObject *dict = PyModule_GetDict(main);
    if (PyDict_GetItemString(dict, "__builtins__") == NULL) {
        PyObject *builtins = PyImport_AddModule("builtins");
        if (builtins == NULL
                || PyDict_SetItemString(dict, "__builtins__", builtins) < 0) {
            return NULL;
        }
    }
    return dict;
}

/* Set when the program ended with an uncaught KeyboardInterrupt: the
   process then dies of SIGINT, as CPython's does (status 130). */
static int died_of_keyboard_interrupt;

/* Print the pending exception as the top level does (stdout first, so
   the output keeps its order); SystemExit ends the process there. */
static void print_uncaught(void)
{
    if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
        died_of_keyboard_interrupt = 1;
    }
    PyObject *exc = PyErr_GetRaisedException();
    _PyStdio_FlushAll();
    PyErr_SetRaisedException(exc);
    PyErr_Print();
}

/* Compile source with the configured optimization level (-O, -OO) and
   run it in __main__.  Returns the exit status: 0, or 1 after printing
   an uncaught exception. */
static int run_source(const char *source, const char *filename)
{
    PyObject *dict = main_dict();
    PyObject *name = dict ? PyUnicode_DecodeFSDefault(filename) : NULL;
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    PyObject *code = name ? Py_CompileStringObject(source, name, Py_file_input,
                                                   &flags,
                                                   active_config.optimization_level)
                          : NULL;
    PyObject *result = code ? PyEval_EvalCode(code, dict, dict) : NULL;
    Py_XDECREF(name);
    Py_XDECREF(code);
    if (result == NULL) {
        print_uncaught();
        return 1;
    }
    Py_DECREF(result);
    return 0;
}

/* -x: drop the first line of fp but keep its newline, so line numbers
   stay (as CPython's runner does). */
static void skip_first_line_of(FILE *fp)
{
    int ch;
    while ((ch = getc(fp)) != EOF) {
        if (ch == '\n') {
            ungetc(ch, fp);
            break;
        }
    }
}

/* Run what fp holds in __main__, as `filename`.  Parsing from the file
   (not from a C string) keeps a NUL byte from cutting the program short
   and gives the file forms of the source errors ("source code cannot
   contain null bytes", "Non-UTF-8 code starting with ...").  With
   `closeit`, fp is closed once parsed, before the program runs (it must
   not hold a descriptor the program could see, as in CPython). */
static int run_stream(FILE *fp, const char *filename, int skip_first,
                      int closeit)
{
    if (skip_first) {
        skip_first_line_of(fp);
    }
    PyObject *dict = main_dict();
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    PyObject *result = dict == NULL ? NULL
        : PyRun_FileExFlags(fp, filename, Py_file_input, dict, dict,
                            closeit, &flags);
    if (dict == NULL && closeit) {
        fclose(fp);
    }
    if (result == NULL) {
        print_uncaught();
        return 1;
    }
    Py_DECREF(result);
    return 0;
}

static int run_file_path(const char *path, const char *display_name)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int err = errno;
        char *program = encode_wide(program_of(&active_config));
        char *full = absolute_path(path);
        _PyStdio_FlushAll();
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                program ? program : "python", full ? full : path, err,
                strerror(err));
        free(program);
        free(full);
        return 2;
    }
    PyObject *dict = main_dict();
    PyObject *file = dict ? PyUnicode_DecodeFSDefault(display_name) : NULL;
    int status;
    if (file == NULL || PyDict_SetItemString(dict, "__file__", file) < 0) {
        print_uncaught();
        fclose(fp);
        status = 1;
    }
    else {
        status = run_stream(fp, display_name,
                            active_config.skip_source_first_line, 1);
    }
    Py_XDECREF(file);
    return status;
}

/* The __main__ module of a directory or archive that sys.path[0] names,
   run by runpy as CPython does. */
static int run_main_container(void)
{
    PyObject *runpy = main_dict() == NULL ? NULL
                      : PyImport_ImportModule("runpy");
    PyObject *result = runpy == NULL ? NULL
        : PyObject_CallMethod(runpy, "_run_module_as_main", "(si)",
                              "__main__", 0);
    Py_XDECREF(runpy);
    if (result != NULL) {
        Py_DECREF(result);
        return 0;
    }
    print_uncaught();
    return 1;
}

static int run_script(const wchar_t *script)
{
    char *path = encode_wide(script);
    char *full = path ? absolute_path(path) : NULL;
    if (full != NULL && is_main_container(path)) {
        int status = run_main_container();
        free(path);
        free(full);
        return status;
    }
    int status = full ? run_file_path(path, full) : 1;
    free(path);
    free(full);
    return status;
}

/* The file -m runs for `name` (malloc'ed, or NULL): the first sys.path
   entry holding name.py or the package name/__main__.py. */
static char *find_module_file(const char *name)
{
    PyObject *path = PySys_GetObject("path");
    char *relative = strdup(name);
    for (char *p = relative; p != NULL && *p; p++) {
        if (*p == '.') {
            *p = '/';
        }
    }
    for (Py_ssize_t i = 0; relative != NULL && path != NULL && PyList_Check(path)
                           && i < PyList_GET_SIZE(path); i++) {
        PyObject *entry = PyList_GET_ITEM(path, i);
        const char *dir = PyUnicode_Check(entry) ? PyUnicode_AsUTF8(entry) : NULL;
        if (dir == NULL) {
            PyErr_Clear();
            continue;
        }
        static const char *const forms[] = {"%s%s%s.py", "%s%s%s/__main__.py"};
        for (size_t k = 0; k < 2; k++) {
            char candidate[4096];
            snprintf(candidate, sizeof(candidate), forms[k], dir,
                     dir[0] ? "/" : "", relative);
            if (access(candidate, R_OK) == 0) {
                free(relative);
                return absolute_path(candidate);
            }
        }
    }
    free(relative);
    return NULL;
}

/* -m: runpy when the standard library provides it; until then the module's
   file is found on sys.path and run as __main__. */
static int run_module(const wchar_t *module)
{
    PyObject *runpy = PyImport_ImportModule("runpy");
    if (runpy != NULL) {
        PyObject *result = PyObject_CallMethod(runpy, "_run_module_as_main",
                                               "(Ni)", wide_to_str(module), 1);
        Py_DECREF(runpy);
        if (result == NULL) {
            print_uncaught();
            return 1;
        }
        Py_DECREF(result);
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
        print_uncaught();
        return 1;
    }
    PyErr_Clear();
    char *name = encode_wide(module);
    char *file = name ? find_module_file(name) : NULL;
    int status;
    if (file == NULL) {
        char *program = encode_wide(program_of(&active_config));
        _PyStdio_FlushAll();
        fprintf(stderr, "%s: No module named %s\n",
                program ? program : "python", name ? name : "?");
        free(program);
        status = 1;
    }
    else {
        PyObject *argv = PySys_GetObject("argv");
        PyObject *argv0 = PyUnicode_DecodeFSDefault(file);
        if (argv0 == NULL || argv == NULL || !PyList_Check(argv)
                || PyList_SetItem(argv, 0, argv0) < 0) {
            print_uncaught();
            status = 1;
        }
        else {
            status = run_file_path(file, file);
        }
    }
    free(name);
    free(file);
    return status;
}

/* One line from stdin after showing str(sys.ps1) or str(sys.ps2); NULL at
   end of input, or with KeyboardInterrupt set after Ctrl-C.  site/REPL:
   read through PyOS_Readline (Parser/myreadline.c), which edits the line
   on a terminal. */
static char *read_line(const char *prompt_name, const char *fallback)
{
    return _PyOS_InteractiveReadLine(prompt_name, fallback);
}

/* 1 if the statement gathered so far needs more lines: the parser says
   the input is incomplete, or the statement is an open block (an indented
   line came last; without a tokenizer mode that keeps blocks open at the
   end of input, only a blank line ends a compound statement). */
static int needs_more_input(const char *source, int last_indented)
{
    PyObject *name = PyUnicode_FromString("<stdin>");
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    flags.cf_flags |= PyCF_ALLOW_INCOMPLETE_INPUT;
    PyObject *code = name ? Py_CompileStringObject(source, name, Py_single_input,
                                                   &flags,
                                                   active_config.optimization_level)
                          : NULL;
    Py_XDECREF(name);
    int incomplete = code == NULL
                     && PyErr_ExceptionMatches(PyExc_IncompleteInputError);
    Py_XDECREF(code);
    PyErr_Clear();
    return incomplete || last_indented;
}

/* As in CPython 3.13, each statement typed at the prompt gets its own file
   name, "<stdin>-N", and its source goes into linecache
   (linecache._register_code), so inspect.getsource() finds the functions
   defined there; tracebacks still show "<stdin>" (Lib/traceback.py).
   Failing to register only loses that source: the statement still runs.
   Only the main thread runs the REPL, so the counter needs no lock. */
static PyObject *interactive_name(void)
{
    static unsigned long counter;
    return PyUnicode_FromFormat("<stdin>-%lu", counter++);
}

static void register_interactive_source(const char *source, PyObject *name)
{
    PyObject *text = PyUnicode_DecodeUTF8(source, (Py_ssize_t)strlen(source),
                                          "replace");
    PyObject *func = text ? PyImport_ImportModuleAttrString("linecache",
                                                            "_register_code")
                          : NULL;
    PyObject *res = func ? PyObject_CallFunctionObjArgs(func, name, text, name,
                                                        NULL)
                         : NULL;
    if (res == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(res);
    Py_XDECREF(func);
    Py_XDECREF(text);
}

/* A syntax error in a statement typed at the prompt names "<stdin>", as
   in CPython, not the statement's linecache name. */
static void show_as_stdin(PyObject *name)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *filename = NULL;
    PyObject *shown = NULL;
    if (PyObject_GetOptionalAttrString(exc, "filename", &filename) > 0
        && PyUnicode_Check(filename)
        && PyUnicode_Compare(filename, name) == 0
        && (shown = PyUnicode_FromString("<stdin>")) != NULL) {
        (void)PyObject_SetAttrString(exc, "filename", shown);
    }
    PyErr_Clear();      /* the statement's own error matters, not these */
    Py_XDECREF(shown);
    Py_XDECREF(filename);
    PyErr_SetRaisedException(exc);
}

/* Compile one interactive statement and run it in __main__ (expression
   values go to sys.displayhook); errors are printed and the loop goes on. */
static void run_statement(const char *source, PyObject *dict)
{
    if (source[strspn(source, " \t\r\n")] == '\0') {
        return;
    }
    PyObject *name = interactive_name();
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    PyObject *code = name ? Py_CompileStringObject(source, name, Py_single_input,
                                                   &flags,
                                                   active_config.optimization_level)
                          : NULL;
    if (code != NULL) {
        register_interactive_source(source, name);
    }
    else if (name != NULL && PyErr_ExceptionMatches(PyExc_SyntaxError)) {
        show_as_stdin(name);
    }
    PyObject *result = code ? PyEval_EvalCode(code, dict, dict) : NULL;
    if (result == NULL) {
        print_uncaught();
    }
    Py_XDECREF(result);
    Py_XDECREF(code);
    Py_XDECREF(name);
    _PyStdio_FlushAll();
}

/* sys.ps1 and sys.ps2 exist in interactive mode; the user may change
   them (even to non-strings: their str() is shown). */
static int set_default_prompts(void)
{
    if (PySys_GetObject("ps1") == NULL
            && set_sys_new("ps1", PyUnicode_FromString(">>> ")) < 0) {
        return -1;
    }
    if (PySys_GetObject("ps2") == NULL
            && set_sys_new("ps2", PyUnicode_FromString("... ")) < 0) {
        return -1;
    }
    return 0;
}

/* The interactive loop: ">>> " for a new statement, "... " while it is
   incomplete; a blank line ends a compound statement.  A statement still
   open at the end of input is run as it stands. */
static int run_repl(void)
{
    PyObject *dict = main_dict();
    if (dict == NULL || set_default_prompts() < 0) {
        print_uncaught();
        return 1;
    }
    size_t len = 0;
    char *buffer = NULL;
    for (;;) {
        char *line = buffer == NULL ? read_line("ps1", ">>> ")
                                    : read_line("ps2", "... ");
        if (line == NULL && PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
            /* site/REPL: Ctrl-C drops the statement being typed. */
            print_uncaught();
            free(buffer);
            buffer = NULL;
            len = 0;
            continue;
        }
        if (line == NULL) {
            if (buffer != NULL) {
                run_statement(buffer, dict);
            }
            fputc('\n', stderr);
            break;
        }
        int blank = line[strspn(line, " \t\r\n")] == '\0';
        int indented = buffer != NULL && (line[0] == ' ' || line[0] == '\t');
        size_t add = strlen(line);
        char *grown = realloc(buffer, len + add + 1);
        if (grown == NULL) {
            free(line);
            break;
        }
        buffer = grown;
        memcpy(buffer + len, line, add + 1);
        len += add;
        free(line);
        if (!blank && needs_more_input(buffer, indented)) {
            continue;
        }
        run_statement(buffer, dict);
        free(buffer);
        buffer = NULL;
        len = 0;
    }
    free(buffer);
    return 0;
}

static void print_banner(void)
{
    if (!active_config.quiet) {
        fprintf(stderr, "Python %s on %s\n", Py_GetVersion(), Py_GetPlatform());
        fprintf(stderr, "Type \"help\", \"copyright\", \"credits\" or "
                        "\"license\" for more information.\n");
    }
}

/* PYTHONSTARTUP: a file run in __main__ before the first prompt; its
   errors are reported and the session goes on. */
static void run_startup_file(void)
{
    const char *path = env_value(&active_config, "PYTHONSTARTUP");
    if (path == NULL) {
        return;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
        _PyStdio_FlushAll();
        fprintf(stderr, "Could not open PYTHONSTARTUP\n");
        print_uncaught();
        return;
    }
    run_stream(fp, path, 0, 1);
}

static int run_stdin(void)
{
    if (isatty(0) || active_config.interactive) {
        print_banner();
        run_startup_file();
        return run_repl();
    }
    return run_stream(stdin, "<stdin>", active_config.skip_source_first_line,
                      0);
}

int Py_RunMain(void)
{
    const PyConfig *c = _Py_GetConfig();
    int status;
    if (c->run_command != NULL) {
        char *command = encode_wide(c->run_command);
        status = command ? run_source(command, "<string>") : 1;
        free(command);
    }
    else if (c->run_module != NULL) {
        status = run_module(c->run_module);
    }
    else if (c->run_filename != NULL) {
        status = run_script(c->run_filename);
    }
    else {
        status = run_stdin();
    }
    /* -i / PYTHONINSPECT: the prompt after the program, whatever its fate. */
    if (c->inspect && (c->run_command || c->run_module || c->run_filename)) {
        status = run_repl();
    }
    /* sys.stdout and sys.stderr are flushed by Py_FinalizeEx, after the
       threads are joined and with finalizing set, as in CPython: a
       daemon thread stuck holding a stream's lock then meets the bounded
       wait of Modules/_io/bufferedio.c, not a deadlock here. */
    if (Py_FinalizeEx() < 0 && status == 0) {
        status = 120;
    }
    if (died_of_keyboard_interrupt && status == 1) {
        status = _PySignal_ExitSigint();
    }
    return status;
}
