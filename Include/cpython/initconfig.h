/* Start-up configuration for embedders and ./python (Python/initconfig.c):
   fill a PyConfig, then Py_InitializeFromConfig.  Strings are wide
   (wchar_t) and owned by the config: set them only with the setters. */
#ifndef Py_CPYTHON_INITCONFIG_H
#define Py_CPYTHON_INITCONFIG_H

#include <wchar.h>

typedef struct {
    enum {
        _PyStatus_TYPE_OK = 0,
        _PyStatus_TYPE_ERROR = 1,
        _PyStatus_TYPE_EXIT = 2
    } _type;
    const char *func;           /* where the error was found */
    const char *err_msg;        /* static text */
    int exitcode;
} PyStatus;

PyAPI_FUNC(PyStatus) PyStatus_Ok(void);
PyAPI_FUNC(PyStatus) PyStatus_Error(const char *err_msg);
PyAPI_FUNC(PyStatus) PyStatus_NoMemory(void);
PyAPI_FUNC(PyStatus) PyStatus_Exit(int exitcode);
PyAPI_FUNC(int) PyStatus_IsError(PyStatus err);
PyAPI_FUNC(int) PyStatus_IsExit(PyStatus err);
PyAPI_FUNC(int) PyStatus_Exception(PyStatus err);
PyAPI_FUNC(_Py_NO_RETURN void) Py_ExitStatusException(PyStatus err);

typedef struct {
    Py_ssize_t length;
    wchar_t **items;
} PyWideStringList;

PyAPI_FUNC(PyStatus) PyWideStringList_Append(PyWideStringList *list,
                                             const wchar_t *item);
PyAPI_FUNC(PyStatus) PyWideStringList_Insert(PyWideStringList *list,
                                             Py_ssize_t index,
                                             const wchar_t *item);

typedef struct PyConfig {
    int _config_init;           /* which PyConfig_Init* filled it */
    int isolated;               /* -I */
    int use_environment;        /* 0 with -E / -I */
    int dev_mode;               /* -X dev */
    int install_signal_handlers;
    int use_hash_seed;          /* PYTHONHASHSEED is a number */
    unsigned long hash_seed;
    int faulthandler;           /* -X faulthandler */
    int tracemalloc;
    int import_time;            /* -X importtime */
    int code_debug_ranges;
    int show_ref_count;
    int dump_refs;
    int malloc_stats;
    int utf8_mode;              /* -X utf8 */
    int warn_default_encoding;
    int parse_argv;             /* argv holds a python command line */
    PyWideStringList orig_argv;
    PyWideStringList argv;      /* the command line, then sys.argv */
    PyWideStringList xoptions;  /* -X values, in order */
    PyWideStringList warnoptions; /* PYTHONWARNINGS, then -W, in order */
    int site_import;            /* 0 with -S */
    int bytes_warning;          /* -b count */
    int inspect;                /* -i, PYTHONINSPECT */
    int interactive;            /* -i */
    int optimization_level;     /* -O count, PYTHONOPTIMIZE */
    int parser_debug;           /* -d */
    int write_bytecode;         /* 0 with -B, PYTHONDONTWRITEBYTECODE */
    int verbose;                /* -v count, PYTHONVERBOSE */
    int quiet;                  /* -q */
    int user_site_directory;    /* 0 with -s / -I */
    int configure_c_stdio;
    int buffered_stdio;         /* 0 with -u, PYTHONUNBUFFERED */
    int safe_path;              /* -P, PYTHONSAFEPATH */
    int int_max_str_digits;     /* -1: default */
    int lazy_imports;           /* PEP 810 mode: -1 normal, 0 none, 1 all */
    int skip_source_first_line; /* -x */
    wchar_t *program_name;
    wchar_t *home;              /* PYTHONHOME */
    wchar_t *pythonpath_env;    /* PYTHONPATH */
    wchar_t *run_command;       /* -c: the command, with "\n" appended */
    wchar_t *run_module;        /* -m */
    wchar_t *run_filename;      /* the script, or NULL */
    wchar_t *check_hash_pycs_mode; /* --check-hash-based-pycs, or NULL */
    int enable_gil;             /* -1 unset, 0 off, 1 on (-X gil, PYTHON_GIL) */
    int thread_inherit_context; /* -X thread_inherit_context; -1: the build's default */
    int context_aware_warnings; /* -X context_aware_warnings; -1: the build's default */
    int _install_importlib;
} PyConfig;

PyAPI_FUNC(void) PyConfig_InitPythonConfig(PyConfig *config);
PyAPI_FUNC(void) PyConfig_InitIsolatedConfig(PyConfig *config);
PyAPI_FUNC(void) PyConfig_Clear(PyConfig *config);
PyAPI_FUNC(PyStatus) PyConfig_SetString(PyConfig *config, wchar_t **config_str,
                                        const wchar_t *str);
PyAPI_FUNC(PyStatus) PyConfig_SetBytesString(PyConfig *config,
                                             wchar_t **config_str,
                                             const char *str);
PyAPI_FUNC(PyStatus) PyConfig_SetArgv(PyConfig *config, Py_ssize_t argc,
                                      wchar_t *const *argv);
PyAPI_FUNC(PyStatus) PyConfig_SetBytesArgv(PyConfig *config, Py_ssize_t argc,
                                           char *const *argv);
PyAPI_FUNC(PyStatus) PyConfig_Read(PyConfig *config);
PyAPI_FUNC(PyStatus) Py_InitializeFromConfig(const PyConfig *config);

/* Run the command, module, file or stdin that the configuration given to
   Py_InitializeFromConfig named, then finalize; returns the exit status. */
PyAPI_FUNC(int) Py_RunMain(void);

#endif /* Py_CPYTHON_INITCONFIG_H */
