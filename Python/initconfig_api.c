/* Options by name (capi, session 6): PyConfig_Get/GetInt/Names/Set for a
   running interpreter (3.14), and the PEP 741 PyInitConfig API that
   builds a configuration before start-up.

   One table names every option, its type, its PyConfig field (if Weft's
   PyConfig has one) and, for the "public" options, where the running
   interpreter keeps it: a sys attribute or a sys.flags field.  Public
   options are read from there (the program may have changed them) and
   PyConfig_Set writes them there; the others are read from the
   configuration the interpreter started with, which no longer changes.

   Thread safety: PyConfig_Get/Set run with the caller attached to the
   interpreter and touch only sys attributes (each set is one atomic dict
   store; sys.flags is replaced, never mutated) and the start-up
   configuration, which is read-only once running.  A PyInitConfig
   belongs to the one thread building it. */
#include "Python.h"
#include "pycore_long.h"
#include "pycore_sysmodule.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const PyConfig *_Py_GetConfig(void);

typedef enum {
    OPT_INT,        /* int */
    OPT_UINT,       /* int, never negative */
    OPT_BOOL,       /* int 0/1, shown as bool */
    OPT_ULONG,      /* unsigned long (hash_seed) */
    OPT_STR,        /* wchar_t *, or constant text */
    OPT_STR_OPT,    /* wchar_t *, may be NULL (None) */
    OPT_LIST,       /* PyWideStringList */
    OPT_DICT,       /* PyWideStringList of "key[=value]" shown as a dict */
} option_type;

/* Where a public option lives while the interpreter runs. */
typedef enum {
    LIVE_NONE,      /* read-only: the start-up configuration */
    LIVE_SYS,       /* sys.<attr> */
    LIVE_FLAG,      /* sys.flags.<attr> */
    LIVE_NOT_FLAG,  /* not sys.flags.<attr> (use_environment) */
    LIVE_NOT_SYS,   /* not sys.<attr> (write_bytecode) */
    LIVE_INT_DIGITS,/* sys.get/set_int_max_str_digits() */
} live_kind;

#define NO_FIELD ((size_t)-1)

typedef struct {
    const char *name;
    option_type type;
    size_t offset;              /* in PyConfig, or NO_FIELD */
    live_kind live;
    const char *attr;           /* sys attribute or sys.flags field */
    const char *constant;       /* OPT_STR without a field: Weft's value */
} option;

#define FIELD(f) offsetof(PyConfig, f)

static const option options[] = {
    {"argv", OPT_LIST, FIELD(argv), LIVE_SYS, "argv", NULL},
    {"base_exec_prefix", OPT_STR_OPT, NO_FIELD, LIVE_SYS, "base_exec_prefix", NULL},
    {"base_executable", OPT_STR_OPT, NO_FIELD, LIVE_SYS, "_base_executable", NULL},
    {"base_prefix", OPT_STR_OPT, NO_FIELD, LIVE_SYS, "base_prefix", NULL},
    {"buffered_stdio", OPT_BOOL, FIELD(buffered_stdio), LIVE_NONE, NULL, NULL},
    {"bytes_warning", OPT_UINT, FIELD(bytes_warning), LIVE_FLAG, "bytes_warning", NULL},
    {"check_hash_pycs_mode", OPT_STR_OPT, FIELD(check_hash_pycs_mode), LIVE_NONE, NULL, NULL},
    {"code_debug_ranges", OPT_BOOL, FIELD(code_debug_ranges), LIVE_NONE, NULL, NULL},
    {"configure_c_stdio", OPT_BOOL, FIELD(configure_c_stdio), LIVE_NONE, NULL, NULL},
    {"context_aware_warnings", OPT_INT, FIELD(context_aware_warnings), LIVE_NONE, NULL, NULL},
    {"dev_mode", OPT_BOOL, FIELD(dev_mode), LIVE_NONE, NULL, NULL},
    {"dump_refs", OPT_BOOL, FIELD(dump_refs), LIVE_NONE, NULL, NULL},
#ifdef Py_GIL_DISABLED
    {"enable_gil", OPT_INT, FIELD(enable_gil), LIVE_NONE, NULL, NULL},
#endif
    {"exec_prefix", OPT_STR_OPT, NO_FIELD, LIVE_SYS, "exec_prefix", NULL},
    {"executable", OPT_STR_OPT, NO_FIELD, LIVE_SYS, "executable", NULL},
    {"faulthandler", OPT_BOOL, FIELD(faulthandler), LIVE_NONE, NULL, NULL},
    {"filesystem_encoding", OPT_STR, NO_FIELD, LIVE_NONE, NULL, "utf-8"},
    {"filesystem_errors", OPT_STR, NO_FIELD, LIVE_NONE, NULL, "surrogateescape"},
    {"hash_seed", OPT_ULONG, FIELD(hash_seed), LIVE_NONE, NULL, NULL},
    {"home", OPT_STR_OPT, FIELD(home), LIVE_NONE, NULL, NULL},
    {"import_time", OPT_UINT, FIELD(import_time), LIVE_NONE, NULL, NULL},
    {"inspect", OPT_BOOL, FIELD(inspect), LIVE_FLAG, "inspect", NULL},
    {"install_signal_handlers", OPT_BOOL, FIELD(install_signal_handlers), LIVE_NONE, NULL, NULL},
    {"int_max_str_digits", OPT_INT, FIELD(int_max_str_digits), LIVE_INT_DIGITS, NULL, NULL},
    {"interactive", OPT_BOOL, FIELD(interactive), LIVE_FLAG, "interactive", NULL},
    {"isolated", OPT_BOOL, FIELD(isolated), LIVE_NONE, NULL, NULL},
    {"lazy_imports", OPT_INT, FIELD(lazy_imports), LIVE_NONE, NULL, NULL},
    {"malloc_stats", OPT_BOOL, FIELD(malloc_stats), LIVE_NONE, NULL, NULL},
    {"module_search_paths", OPT_LIST, NO_FIELD, LIVE_SYS, "path", NULL},
    {"optimization_level", OPT_UINT, FIELD(optimization_level), LIVE_FLAG, "optimize", NULL},
    {"orig_argv", OPT_LIST, FIELD(orig_argv), LIVE_SYS, "orig_argv", NULL},
    {"parse_argv", OPT_BOOL, FIELD(parse_argv), LIVE_NONE, NULL, NULL},
    {"parser_debug", OPT_BOOL, FIELD(parser_debug), LIVE_FLAG, "debug", NULL},
    {"platlibdir", OPT_STR, NO_FIELD, LIVE_SYS, "platlibdir", NULL},
    {"prefix", OPT_STR_OPT, NO_FIELD, LIVE_SYS, "prefix", NULL},
    {"program_name", OPT_STR_OPT, FIELD(program_name), LIVE_NONE, NULL, NULL},
    {"pycache_prefix", OPT_STR_OPT, NO_FIELD, LIVE_SYS, "pycache_prefix", NULL},
    {"pythonpath_env", OPT_STR_OPT, FIELD(pythonpath_env), LIVE_NONE, NULL, NULL},
    {"quiet", OPT_BOOL, FIELD(quiet), LIVE_FLAG, "quiet", NULL},
    {"run_command", OPT_STR_OPT, FIELD(run_command), LIVE_NONE, NULL, NULL},
    {"run_filename", OPT_STR_OPT, FIELD(run_filename), LIVE_NONE, NULL, NULL},
    {"run_module", OPT_STR_OPT, FIELD(run_module), LIVE_NONE, NULL, NULL},
    {"safe_path", OPT_BOOL, FIELD(safe_path), LIVE_NONE, NULL, NULL},
    {"show_ref_count", OPT_BOOL, FIELD(show_ref_count), LIVE_NONE, NULL, NULL},
    {"site_import", OPT_BOOL, FIELD(site_import), LIVE_NONE, NULL, NULL},
    {"skip_source_first_line", OPT_BOOL, FIELD(skip_source_first_line), LIVE_NONE, NULL, NULL},
    {"stdlib_dir", OPT_STR_OPT, NO_FIELD, LIVE_SYS, "_stdlib_dir", NULL},
    {"thread_inherit_context", OPT_INT, FIELD(thread_inherit_context), LIVE_NONE, NULL, NULL},
    {"tracemalloc", OPT_UINT, FIELD(tracemalloc), LIVE_NONE, NULL, NULL},
    {"use_environment", OPT_BOOL, FIELD(use_environment), LIVE_NOT_FLAG, "ignore_environment", NULL},
    {"use_hash_seed", OPT_BOOL, FIELD(use_hash_seed), LIVE_NONE, NULL, NULL},
    {"user_site_directory", OPT_BOOL, FIELD(user_site_directory), LIVE_NONE, NULL, NULL},
    {"utf8_mode", OPT_BOOL, FIELD(utf8_mode), LIVE_NONE, NULL, NULL},
    {"verbose", OPT_UINT, FIELD(verbose), LIVE_FLAG, "verbose", NULL},
    {"warn_default_encoding", OPT_BOOL, FIELD(warn_default_encoding), LIVE_NONE, NULL, NULL},
    {"warnoptions", OPT_LIST, FIELD(warnoptions), LIVE_SYS, "warnoptions", NULL},
    {"write_bytecode", OPT_BOOL, FIELD(write_bytecode), LIVE_NOT_SYS, "dont_write_bytecode", NULL},
    {"xoptions", OPT_DICT, FIELD(xoptions), LIVE_SYS, "_xoptions", NULL},
};

static const option *find_option(const char *name)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(options); i++) {
        if (strcmp(options[i].name, name) == 0) {
            return &options[i];
        }
    }
    return NULL;
}

static void *field_of(const PyConfig *config, const option *opt)
{
    return (char *)config + opt->offset;
}

/* ---- values as Python objects ---------------------------------------------- */

static PyObject *wide_to_object(const wchar_t *text)
{
    if (text == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromWideChar(text, -1);
}

static PyObject *wide_list_to_object(const PyWideStringList *list)
{
    PyObject *result = PyList_New(list->length);
    for (Py_ssize_t i = 0; result != NULL && i < list->length; i++) {
        PyObject *item = PyUnicode_FromWideChar(list->items[i], -1);
        if (item == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyList_SET_ITEM(result, i, item);
    }
    return result;
}

/* -X options as sys._xoptions shows them: "a=b" -> {"a": "b"}, "a" ->
   {"a": True}. */
static PyObject *wide_list_to_dict(const PyWideStringList *list)
{
    PyObject *dict = PyDict_New();
    for (Py_ssize_t i = 0; dict != NULL && i < list->length; i++) {
        const wchar_t *item = list->items[i];
        const wchar_t *eq = wcschr(item, L'=');
        PyObject *key = PyUnicode_FromWideChar(item, eq ? eq - item : -1);
        PyObject *value = eq ? PyUnicode_FromWideChar(eq + 1, -1)
                             : Py_NewRef(Py_True);
        if (key == NULL || value == NULL || PyDict_SetItem(dict, key, value) < 0) {
            Py_CLEAR(dict);
        }
        Py_XDECREF(key);
        Py_XDECREF(value);
    }
    return dict;
}

/* The start-up value of opt (a new reference). */
static PyObject *startup_value(const option *opt)
{
    if (opt->offset == NO_FIELD) {
        return PyUnicode_FromString(opt->constant);
    }
    const void *field = field_of(_Py_GetConfig(), opt);
    switch (opt->type) {
    case OPT_INT:
    case OPT_UINT:
        return PyLong_FromLong(*(const int *)field);
    case OPT_BOOL:
        return PyBool_FromLong(*(const int *)field);
    case OPT_ULONG:
        return PyLong_FromUnsignedLong(*(const unsigned long *)field);
    case OPT_STR:
    case OPT_STR_OPT:
        return wide_to_object(*(wchar_t *const *)field);
    case OPT_LIST:
        return wide_list_to_object(field);
    case OPT_DICT:
        return wide_list_to_dict(field);
    }
    Py_UNREACHABLE();
}

static PyObject *sys_value(const char *attr)
{
    PyObject *value = PySys_GetObject(attr);
    if (value == NULL) {
        PyErr_Format(PyExc_RuntimeError, "lost sys.%s", attr);
        return NULL;
    }
    return Py_NewRef(value);
}

static PyObject *flag_value(const char *field)
{
    PyObject *flags = sys_value("flags");
    if (flags == NULL) {
        return NULL;
    }
    PyObject *value = PyObject_GetAttrString(flags, field);
    Py_DECREF(flags);
    return value;
}

/* A copy the caller may change: lists and dicts are not shared with sys. */
static PyObject *copy_container(PyObject *value)
{
    if (value == NULL) {
        return NULL;
    }
    PyObject *copy = PyList_Check(value) ? PySequence_List(value)
                     : PyDict_Check(value) ? PyDict_Copy(value)
                     : Py_NewRef(value);
    Py_DECREF(value);
    return copy;
}

static PyObject *bool_of(PyObject *value, int negate)
{
    if (value == NULL) {
        return NULL;
    }
    int truth = PyObject_IsTrue(value);
    Py_DECREF(value);
    return truth < 0 ? NULL : PyBool_FromLong(negate ? !truth : truth);
}

static PyObject *option_value(const option *opt)
{
    switch (opt->live) {
    case LIVE_NONE:
        return startup_value(opt);
    case LIVE_SYS:
        /* An interpreter started with Py_Initialize rather than from a
           PyConfig may lack an optional path attribute: unset, None. */
        if (opt->type == OPT_STR_OPT && PySys_GetObject(opt->attr) == NULL) {
            Py_RETURN_NONE;
        }
        return copy_container(sys_value(opt->attr));
    case LIVE_FLAG: {
        PyObject *value = flag_value(opt->attr);
        return opt->type == OPT_BOOL ? bool_of(value, 0) : value;
    }
    case LIVE_NOT_FLAG:
        return bool_of(flag_value(opt->attr), 1);
    case LIVE_NOT_SYS:
        return bool_of(sys_value(opt->attr), 1);
    case LIVE_INT_DIGITS:
        return PyLong_FromLong(_Py_GetIntMaxStrDigits());
    }
    Py_UNREACHABLE();
}

static const option *known_option(const char *name)
{
    const option *opt = find_option(name);
    if (opt == NULL) {
        PyErr_Format(PyExc_ValueError, "unknown config option name: %s", name);
    }
    return opt;
}

PyObject *PyConfig_Get(const char *name)
{
    const option *opt = known_option(name);
    return opt ? option_value(opt) : NULL;
}

int PyConfig_GetInt(const char *name, int *value)
{
    PyObject *obj = PyConfig_Get(name);
    if (obj == NULL) {
        return -1;
    }
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "config option %s is not an int", name);
        Py_DECREF(obj);
        return -1;
    }
    int result = PyLong_AsInt(obj);
    Py_DECREF(obj);
    if (result == -1 && PyErr_Occurred()) {
        return -1;
    }
    *value = result;
    return 0;
}

PyObject *PyConfig_Names(void)
{
    PyObject *names = PyFrozenSet_New(NULL);
    for (size_t i = 0; names != NULL && i < Py_ARRAY_LENGTH(options); i++) {
        PyObject *name = PyUnicode_FromString(options[i].name);
        if (name == NULL || PySet_Add(names, name) < 0) {
            Py_CLEAR(names);
        }
        Py_XDECREF(name);
    }
    return names;
}

/* ---- PyConfig_Set ---------------------------------------------------------------- */

/* sys.flags is immutable: a new one with `field` replaced takes its place. */
static int set_flag(const char *field, PyObject *value)
{
    PyObject *flags = sys_value("flags");
    if (flags == NULL) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(flags);
    PyTypeObject *type = Py_TYPE(flags);
    Py_ssize_t index = -1;
    for (Py_ssize_t i = 0; i < n && type->tp_members[i].name != NULL; i++) {
        if (strcmp(type->tp_members[i].name, field) == 0) {
            index = i;
            break;
        }
    }
    PyObject *fresh = index < 0 ? NULL : type->tp_alloc(type, n);
    if (fresh == NULL) {
        if (index < 0) {
            PyErr_Format(PyExc_RuntimeError, "sys.flags has no field %s", field);
        }
        Py_DECREF(flags);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = i == index ? value : PyTuple_GET_ITEM(flags, i);
        PyTuple_SET_ITEM(fresh, i, Py_NewRef(item));
    }
    Py_DECREF(flags);
    int rc = PySys_SetObject("flags", fresh);
    Py_DECREF(fresh);
    return rc;
}

static int check_type(const option *opt, PyObject *value)
{
    const char *expected = NULL;
    switch (opt->type) {
    case OPT_BOOL:
    case OPT_INT:
    case OPT_UINT:
    case OPT_ULONG:
        if (!PyLong_Check(value)) {
            expected = opt->type == OPT_BOOL ? "bool" : "int";
        }
        else if (opt->type == OPT_UINT) {
            long v = PyLong_AsLong(value);
            if (v == -1 && PyErr_Occurred()) {
                return -1;
            }
            if (v < 0) {
                PyErr_Format(PyExc_ValueError, "%s must be positive", opt->name);
                return -1;
            }
        }
        break;
    case OPT_STR:
        if (!PyUnicode_Check(value)) {
            expected = "str";
        }
        break;
    case OPT_STR_OPT:
        if (value != Py_None && !PyUnicode_Check(value)) {
            expected = "str or None";
        }
        break;
    case OPT_LIST:
        if (!PyList_Check(value)) {
            expected = "list[str]";
            break;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(value); i++) {
            if (!PyUnicode_Check(PyList_GET_ITEM(value, i))) {
                expected = "list[str]";
            }
        }
        break;
    case OPT_DICT:
        if (!PyDict_Check(value)) {
            expected = "dict";
        }
        break;
    }
    if (expected != NULL) {
        PyErr_Format(PyExc_TypeError, "%s must be %s, not %T",
                     opt->name, expected, value);
        return -1;
    }
    return 0;
}

int PyConfig_Set(const char *name, PyObject *value)
{
    const option *opt = known_option(name);
    if (opt == NULL) {
        return -1;
    }
    if (opt->live == LIVE_NONE) {
        PyErr_Format(PyExc_ValueError, "cannot set read-only option %s", name);
        return -1;
    }
    if (check_type(opt, value) < 0) {
        return -1;
    }
    switch (opt->live) {
    case LIVE_SYS: {
        /* sys keeps its own copy, as when the option was set at start-up. */
        PyObject *copy = opt->type == OPT_LIST ? PySequence_List(value)
                         : opt->type == OPT_DICT ? PyDict_Copy(value)
                         : Py_NewRef(value);
        int rc = copy ? PySys_SetObject(opt->attr, copy) : -1;
        Py_XDECREF(copy);
        return rc;
    }
    case LIVE_FLAG: {
        PyObject *flag = opt->type == OPT_BOOL
                         ? PyLong_FromLong(PyObject_IsTrue(value)) : Py_NewRef(value);
        int rc = flag ? set_flag(opt->attr, flag) : -1;
        Py_XDECREF(flag);
        return rc;
    }
    case LIVE_NOT_FLAG: {
        PyObject *flag = PyLong_FromLong(!PyObject_IsTrue(value));
        int rc = flag ? set_flag(opt->attr, flag) : -1;
        Py_XDECREF(flag);
        return rc;
    }
    case LIVE_NOT_SYS: {
        PyObject *negated = PyBool_FromLong(!PyObject_IsTrue(value));
        PyObject *flag = PyLong_FromLong(!PyObject_IsTrue(value));
        int rc = flag == NULL || PySys_SetObject(opt->attr, negated) < 0
                 || set_flag(opt->attr, flag) < 0 ? -1 : 0;
        Py_DECREF(negated);
        Py_XDECREF(flag);
        return rc;
    }
    case LIVE_INT_DIGITS: {
        int digits = PyLong_AsInt(value);
        if (digits == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (_Py_SetIntMaxStrDigits(digits) < 0) {
            return -1;
        }
        PyObject *flag = PyLong_FromLong(digits);
        int rc = flag ? set_flag("int_max_str_digits", flag) : -1;
        Py_XDECREF(flag);
        return rc;
    }
    case LIVE_NONE:
        break;
    }
    Py_UNREACHABLE();
}

/* ---- PyPreConfig and Py_PreInitialize -------------------------------------------

   Pre-initialization chooses the memory allocators, configures the
   LC_CTYPE locale and settles UTF-8 mode, before anything is allocated.
   It happens once per process (later calls return success and change
   nothing), from the thread that will initialize Python. */

int _PyMem_SetupAllocators(PyMemAllocatorName name);
void _Py_ConfigureLocale(void);

static PyPreConfig runtime_preconfig;
static int preinitialized;

void PyPreConfig_InitPythonConfig(PyPreConfig *config)
{
    memset(config, 0, sizeof(*config));
    config->_config_init = 2;
    config->parse_argv = 1;
    config->isolated = 0;
    config->use_environment = 1;
    config->configure_locale = 1;
    config->coerce_c_locale = -1;
    config->coerce_c_locale_warn = -1;
    config->utf8_mode = -1;
    config->dev_mode = -1;
    config->allocator = PYMEM_ALLOCATOR_NOT_SET;
}

void PyPreConfig_InitIsolatedConfig(PyPreConfig *config)
{
    memset(config, 0, sizeof(*config));
    config->_config_init = 3;
    config->isolated = 1;
    config->utf8_mode = 0;
    config->allocator = PYMEM_ALLOCATOR_NOT_SET;
}

/* PYTHONMALLOC's names, as CPython spells them. */
static int allocator_by_name(const char *name, int *allocator)
{
    static const struct { const char *name; PyMemAllocatorName value; } names[] = {
        {"default", PYMEM_ALLOCATOR_DEFAULT},
        {"debug", PYMEM_ALLOCATOR_DEBUG},
        {"malloc", PYMEM_ALLOCATOR_MALLOC},
        {"malloc_debug", PYMEM_ALLOCATOR_MALLOC_DEBUG},
        {"pymalloc", PYMEM_ALLOCATOR_PYMALLOC},
        {"pymalloc_debug", PYMEM_ALLOCATOR_PYMALLOC_DEBUG},
        {"mimalloc", PYMEM_ALLOCATOR_MIMALLOC},
        {"mimalloc_debug", PYMEM_ALLOCATOR_MIMALLOC_DEBUG},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(names); i++) {
        if (strcmp(name, names[i].name) == 0) {
            *allocator = names[i].value;
            return 0;
        }
    }
    return -1;
}

/* The options of a python command line that pre-initialization reads:
   -E, -I, -X utf8[=0|1], -X dev.  Scanning stops at the first argument
   that is not an option, and at -c or -m (the rest is the program's). */
typedef const char *(*arg_text)(const void *argv, Py_ssize_t i, char *buf,
                                size_t size);

static void scan_xoption(PyPreConfig *config, const char *value)
{
    if (strcmp(value, "dev") == 0) {
        config->dev_mode = 1;
    }
    else if (strcmp(value, "utf8") == 0 || strcmp(value, "utf8=1") == 0) {
        config->utf8_mode = 1;
    }
    else if (strcmp(value, "utf8=0") == 0) {
        config->utf8_mode = 0;
    }
}

static void scan_args(PyPreConfig *config, Py_ssize_t argc, const void *argv,
                      arg_text text_of)
{
    char buf[64], next[64];
    for (Py_ssize_t i = 1; i < argc; i++) {
        const char *arg = text_of(argv, i, buf, sizeof(buf));
        if (arg[0] != '-' || arg[1] == '\0' || strcmp(arg, "--") == 0) {
            return;
        }
        if (arg[1] == '-') {
            if (strcmp(arg, "--check-hash-based-pycs") == 0) {
                i++;            /* takes a value */
            }
            continue;
        }
        for (const char *p = arg + 1; *p; p++) {
            if (*p == 'c' || *p == 'm') {
                return;
            }
            if (*p == 'E') {
                config->use_environment = 0;
            }
            else if (*p == 'I') {
                config->isolated = 1;
                config->use_environment = 0;
            }
            else if (*p == 'X' || *p == 'W') {
                const char *value = p[1] ? p + 1
                    : (i + 1 < argc ? text_of(argv, ++i, next, sizeof(next)) : "");
                if (*p == 'X') {
                    scan_xoption(config, value);
                }
                break;
            }
        }
    }
}

static const char *bytes_arg(const void *argv, Py_ssize_t i, char *buf,
                             size_t size)
{
    (void)buf;
    (void)size;
    return ((char *const *)argv)[i];
}

/* Wide arguments are only looked at for ASCII option letters. */
static const char *wide_arg(const void *argv, Py_ssize_t i, char *buf,
                            size_t size)
{
    const wchar_t *w = ((wchar_t *const *)argv)[i];
    size_t n = 0;
    for (; w[n] != L'\0' && n + 1 < size; n++) {
        buf[n] = w[n] < 128 ? (char)w[n] : '?';
    }
    buf[n] = '\0';
    return buf;
}

static PyStatus preinitialize(const PyPreConfig *src, Py_ssize_t argc,
                              const void *argv, arg_text text_of)
{
    if (preinitialized || Py_IsInitialized()) {
        return PyStatus_Ok();
    }
    PyPreConfig config = *src;
    if (config.parse_argv && argv != NULL) {
        scan_args(&config, argc, argv, text_of);
    }
    if (config.use_environment) {
        const char *name = getenv("PYTHONMALLOC");
        if (name != NULL && *name && config.allocator == PYMEM_ALLOCATOR_NOT_SET
                && allocator_by_name(name, &config.allocator) < 0) {
            return PyStatus_Error("PYTHONMALLOC: unknown allocator");
        }
        const char *utf8 = getenv("PYTHONUTF8");
        if (utf8 != NULL && *utf8 && config.utf8_mode < 0) {
            config.utf8_mode = strcmp(utf8, "0") != 0;
        }
        const char *dev = getenv("PYTHONDEVMODE");
        if (dev != NULL && *dev && config.dev_mode < 0) {
            config.dev_mode = 1;
        }
    }
    if (_PyMem_SetupAllocators((PyMemAllocatorName)config.allocator) < 0) {
        return PyStatus_Error("the memory allocator is not available in Weft "
                              "(it has no pymalloc)");
    }
    if (config.configure_locale) {
        _Py_ConfigureLocale();
    }
    /* Weft decodes and encodes the locale as UTF-8 always. */
    config.utf8_mode = 1;
    if (config.dev_mode < 0) {
        config.dev_mode = 0;
    }
    runtime_preconfig = config;
    preinitialized = 1;
    return PyStatus_Ok();
}

PyStatus Py_PreInitialize(const PyPreConfig *src_config)
{
    return preinitialize(src_config, 0, NULL, bytes_arg);
}

PyStatus Py_PreInitializeFromBytesArgs(const PyPreConfig *src_config,
                                       Py_ssize_t argc, char **argv)
{
    return preinitialize(src_config, argc, argv, bytes_arg);
}

PyStatus Py_PreInitializeFromArgs(const PyPreConfig *src_config,
                                  Py_ssize_t argc, wchar_t **argv)
{
    return preinitialize(src_config, argc, argv, wide_arg);
}

/* ---- PyInitConfig (PEP 741) -----------------------------------------------------

   A PyConfig and a PyPreConfig behind names, with the error or exit code
   of the last failed call kept in the object (there is no interpreter to
   raise an exception in yet). */

wchar_t *_PyConfig_DecodeBytes(const char *text);
char *_PyConfig_EncodeWide(const wchar_t *text);

struct _inittab_entry {
    char *name;                 /* malloc'ed; lives as long as the process */
    PyObject *(*initfunc)(void);
};

struct PyInitConfig {
    PyPreConfig preconfig;
    PyConfig config;
    struct _inittab_entry *modules;
    size_t nmodules;
    const char *err_msg;        /* NULL: no error; points into err_buf or static */
    char err_buf[160];
    int exitcode;
    int has_exitcode;
};

/* The PyPreConfig options, beside the PyConfig ones in `options`. */
static const struct {
    const char *name;
    size_t offset;
} preconfig_options[] = {
    {"allocator", offsetof(PyPreConfig, allocator)},
    {"configure_locale", offsetof(PyPreConfig, configure_locale)},
    {"coerce_c_locale", offsetof(PyPreConfig, coerce_c_locale)},
    {"coerce_c_locale_warn", offsetof(PyPreConfig, coerce_c_locale_warn)},
};

static int *preconfig_field(PyInitConfig *config, const char *name)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(preconfig_options); i++) {
        if (strcmp(preconfig_options[i].name, name) == 0) {
            return (int *)((char *)&config->preconfig + preconfig_options[i].offset);
        }
    }
    return NULL;
}

static int init_error(PyInitConfig *config, const char *format, const char *name)
{
    snprintf(config->err_buf, sizeof(config->err_buf), format, name);
    config->err_msg = config->err_buf;
    return -1;
}

/* The PyConfig option `name` that a PyInitConfig can hold, or NULL with
   the error set in config. */
static const option *init_option(PyInitConfig *config, const char *name)
{
    const option *opt = find_option(name);
    if (opt == NULL || opt->offset == NO_FIELD) {
        init_error(config, "unknown config option name: %s", name);
        return NULL;
    }
    return opt;
}

PyInitConfig *PyInitConfig_Create(void)
{
    PyInitConfig *config = calloc(1, sizeof(*config));
    if (config == NULL) {
        return NULL;
    }
    PyPreConfig_InitIsolatedConfig(&config->preconfig);
    PyConfig_InitIsolatedConfig(&config->config);
    return config;
}

void PyInitConfig_Free(PyInitConfig *config)
{
    if (config == NULL) {
        return;
    }
    PyConfig_Clear(&config->config);
    /* Module names already handed to PyImport_AppendInittab stay. */
    if (config->modules != NULL && !Py_IsInitialized()) {
        for (size_t i = 0; i < config->nmodules; i++) {
            free(config->modules[i].name);
        }
    }
    free(config->modules);
    free(config);
}

int PyInitConfig_GetError(PyInitConfig *config, const char **err_msg)
{
    if (config->err_msg == NULL) {
        *err_msg = NULL;
        return 0;
    }
    *err_msg = config->err_msg;
    return 1;
}

int PyInitConfig_GetExitCode(PyInitConfig *config, int *exitcode)
{
    if (!config->has_exitcode) {
        return 0;
    }
    *exitcode = config->exitcode;
    return 1;
}

int PyInitConfig_HasOption(PyInitConfig *config, const char *name)
{
    if (preconfig_field(config, name) != NULL) {
        return 1;
    }
    const option *opt = find_option(name);
    return opt != NULL && opt->offset != NO_FIELD;
}

static int is_int_option(const option *opt)
{
    return opt->type == OPT_INT || opt->type == OPT_UINT
           || opt->type == OPT_BOOL || opt->type == OPT_ULONG;
}

int PyInitConfig_GetInt(PyInitConfig *config, const char *name, int64_t *value)
{
    int *pre = preconfig_field(config, name);
    if (pre != NULL) {
        *value = *pre;
        return 0;
    }
    const option *opt = init_option(config, name);
    if (opt == NULL) {
        return -1;
    }
    if (!is_int_option(opt)) {
        return init_error(config, "config option type is not int: %s", name);
    }
    void *field = field_of(&config->config, opt);
    *value = opt->type == OPT_ULONG ? (int64_t)*(unsigned long *)field
                                    : *(int *)field;
    return 0;
}

static int is_str_option(const option *opt)
{
    return opt->type == OPT_STR || opt->type == OPT_STR_OPT;
}

static int is_list_option(const option *opt)
{
    return opt->type == OPT_LIST || opt->type == OPT_DICT;
}

int PyInitConfig_GetStr(PyInitConfig *config, const char *name, char **value)
{
    const option *opt = init_option(config, name);
    if (opt == NULL) {
        return -1;
    }
    if (!is_str_option(opt)) {
        return init_error(config, "config option type is not string: %s", name);
    }
    const wchar_t *text = *(wchar_t **)field_of(&config->config, opt);
    if (text == NULL) {
        *value = NULL;
        return 0;
    }
    *value = _PyConfig_EncodeWide(text);
    if (*value == NULL) {
        config->err_msg = "out of memory";
        return -1;
    }
    return 0;
}

void PyInitConfig_FreeStrList(size_t length, char **items)
{
    for (size_t i = 0; i < length; i++) {
        free(items[i]);
    }
    free(items);
}

int PyInitConfig_GetStrList(PyInitConfig *config, const char *name,
                            size_t *length, char ***items)
{
    const option *opt = init_option(config, name);
    if (opt == NULL) {
        return -1;
    }
    if (!is_list_option(opt)) {
        return init_error(config, "config option type is not strings list: %s",
                          name);
    }
    const PyWideStringList *list = field_of(&config->config, opt);
    char **result = calloc((size_t)list->length + 1, sizeof(char *));
    for (Py_ssize_t i = 0; result != NULL && i < list->length; i++) {
        result[i] = _PyConfig_EncodeWide(list->items[i]);
        if (result[i] == NULL) {
            PyInitConfig_FreeStrList((size_t)i, result);
            result = NULL;
        }
    }
    if (result == NULL) {
        config->err_msg = "out of memory";
        return -1;
    }
    *length = (size_t)list->length;
    *items = result;
    return 0;
}

int PyInitConfig_SetInt(PyInitConfig *config, const char *name, int64_t value)
{
    int *pre = preconfig_field(config, name);
    if (pre != NULL) {
        if (value < INT_MIN || value > INT_MAX) {
            return init_error(config, "config option value is out of int range: %s",
                              name);
        }
        *pre = (int)value;
        return 0;
    }
    const option *opt = init_option(config, name);
    if (opt == NULL) {
        return -1;
    }
    if (!is_int_option(opt)) {
        return init_error(config, "config option type is not int: %s", name);
    }
    void *field = field_of(&config->config, opt);
    if (opt->type == OPT_ULONG) {
        if (value < 0 || (uint64_t)value > ULONG_MAX) {
            return init_error(config, "config option value is out of range: %s",
                              name);
        }
        *(unsigned long *)field = (unsigned long)value;
        return 0;
    }
    int64_t low = opt->type == OPT_INT ? INT_MIN : 0;
    int64_t high = opt->type == OPT_BOOL ? 1 : INT_MAX;
    if (value < low || value > high) {
        return init_error(config, "config option value is out of range: %s", name);
    }
    *(int *)field = (int)value;
    /* A few options are both pre-configuration and configuration. */
    if (strcmp(name, "isolated") == 0) {
        config->preconfig.isolated = (int)value;
    }
    else if (strcmp(name, "use_environment") == 0) {
        config->preconfig.use_environment = (int)value;
    }
    else if (strcmp(name, "dev_mode") == 0) {
        config->preconfig.dev_mode = (int)value;
    }
    else if (strcmp(name, "utf8_mode") == 0) {
        config->preconfig.utf8_mode = (int)value;
    }
    else if (strcmp(name, "parse_argv") == 0) {
        config->preconfig.parse_argv = (int)value;
    }
    return 0;
}

int PyInitConfig_SetStr(PyInitConfig *config, const char *name, const char *value)
{
    const option *opt = init_option(config, name);
    if (opt == NULL) {
        return -1;
    }
    if (!is_str_option(opt)) {
        return init_error(config, "config option type is not string: %s", name);
    }
    wchar_t **field = field_of(&config->config, opt);
    if (value == NULL) {
        if (opt->type != OPT_STR_OPT) {
            return init_error(config, "config option %s cannot be NULL", name);
        }
        PyConfig_SetString(&config->config, field, NULL);
        return 0;
    }
    wchar_t *wide = _PyConfig_DecodeBytes(value);
    PyStatus status = wide ? PyConfig_SetString(&config->config, field, wide)
                           : PyStatus_NoMemory();
    free(wide);
    if (PyStatus_Exception(status)) {
        config->err_msg = status.err_msg;
        return -1;
    }
    return 0;
}

int PyInitConfig_SetStrList(PyInitConfig *config, const char *name,
                            size_t length, char *const *items)
{
    const option *opt = init_option(config, name);
    if (opt == NULL) {
        return -1;
    }
    if (!is_list_option(opt)) {
        return init_error(config, "config option type is not strings list: %s",
                          name);
    }
    PyWideStringList list = {0, NULL};
    PyStatus status = PyStatus_Ok();
    for (size_t i = 0; i < length && !PyStatus_Exception(status); i++) {
        wchar_t *wide = _PyConfig_DecodeBytes(items[i]);
        status = wide ? PyWideStringList_Append(&list, wide) : PyStatus_NoMemory();
        free(wide);
    }
    if (!PyStatus_Exception(status)) {
        status = PyConfig_SetWideStringList(&config->config,
                                            field_of(&config->config, opt),
                                            list.length, list.items);
    }
    for (Py_ssize_t i = 0; i < list.length; i++) {
        free(list.items[i]);
    }
    free(list.items);
    if (PyStatus_Exception(status)) {
        config->err_msg = status.err_msg;
        return -1;
    }
    return 0;
}

int PyInitConfig_AddModule(PyInitConfig *config, const char *name,
                           PyObject *(*initfunc)(void))
{
    struct _inittab_entry *grown = realloc(
        config->modules, (config->nmodules + 1) * sizeof(*grown));
    char *copy = strdup(name);
    if (grown == NULL || copy == NULL) {
        if (grown != NULL) {
            config->modules = grown;
        }
        free(copy);
        config->err_msg = "out of memory";
        return -1;
    }
    config->modules = grown;
    config->modules[config->nmodules].name = copy;
    config->modules[config->nmodules].initfunc = initfunc;
    config->nmodules++;
    return 0;
}

static int init_status(PyInitConfig *config, PyStatus status)
{
    if (!PyStatus_Exception(status)) {
        return 0;
    }
    if (PyStatus_IsExit(status)) {
        config->exitcode = status.exitcode;
        config->has_exitcode = 1;
        config->err_msg = "exit";
    }
    else {
        config->err_msg = status.err_msg ? status.err_msg : "initialization failed";
    }
    return -1;
}

int Py_InitializeFromInitConfig(PyInitConfig *config)
{
    if (Py_IsInitialized()) {
        config->err_msg = "Python is already initialized";
        return -1;
    }
    if (init_status(config, Py_PreInitialize(&config->preconfig)) < 0) {
        return -1;
    }
    for (size_t i = 0; i < config->nmodules; i++) {
        if (PyImport_AppendInittab(config->modules[i].name,
                                   config->modules[i].initfunc) < 0) {
            config->err_msg = "cannot add a built-in module";
            return -1;
        }
    }
    return init_status(config, Py_InitializeFromConfig(&config->config));
}
