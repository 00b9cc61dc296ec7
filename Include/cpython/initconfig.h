/* Start-up configuration for embedders and ./python (Python/initconfig.c):
   fill a PyConfig, then Py_InitializeFromConfig.  Strings are wide
   (wchar_t) and owned by the config: set them only with the setters. */
#ifndef Py_CPYTHON_INITCONFIG_H
#define Py_CPYTHON_INITCONFIG_H

#include <stdint.h>
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

/* capi (session 6): replace *list (a list of config) by a copy of items. */
PyAPI_FUNC(PyStatus) PyConfig_SetWideStringList(PyConfig *config,
                                                PyWideStringList *list,
                                                Py_ssize_t length,
                                                wchar_t **items);

/* ---- pre-initialization (capi, session 6; Python/initconfig_api.c) ----
   The allocators (allocator, PYTHONMALLOC), the LC_CTYPE locale
   (configure_locale) and UTF-8 mode, settled once per process before
   Py_InitializeFromConfig.  Weft is always in UTF-8 mode; -X dev does not
   install the debug hooks (PYTHONMALLOC=debug does). */
typedef struct PyPreConfig {
    int _config_init;
    int parse_argv;             /* read -E, -I, -X utf8, -X dev from argv */
    int isolated;
    int use_environment;        /* read PYTHONMALLOC, PYTHONUTF8, PYTHONDEVMODE */
    int configure_locale;       /* LC_CTYPE from the user's locale */
    int coerce_c_locale;
    int coerce_c_locale_warn;
    int utf8_mode;
    int dev_mode;
    int allocator;              /* a PyMemAllocatorName */
} PyPreConfig;

PyAPI_FUNC(void) PyPreConfig_InitPythonConfig(PyPreConfig *config);
PyAPI_FUNC(void) PyPreConfig_InitIsolatedConfig(PyPreConfig *config);
PyAPI_FUNC(PyStatus) Py_PreInitialize(const PyPreConfig *src_config);
PyAPI_FUNC(PyStatus) Py_PreInitializeFromBytesArgs(const PyPreConfig *src_config,
                                                   Py_ssize_t argc, char **argv);
PyAPI_FUNC(PyStatus) Py_PreInitializeFromArgs(const PyPreConfig *src_config,
                                              Py_ssize_t argc, wchar_t **argv);

/* ---- options by name, while running (3.14) ---------------------------
   Public options (argv, executable, flags such as verbose, ...) are read
   from and written to sys; the others are the start-up values. */
PyAPI_FUNC(PyObject *) PyConfig_Get(const char *name);
PyAPI_FUNC(int) PyConfig_GetInt(const char *name, int *value);
PyAPI_FUNC(PyObject *) PyConfig_Names(void);
PyAPI_FUNC(int) PyConfig_Set(const char *name, PyObject *value);

/* ---- PEP 741: a configuration built by option names --------------------
   Strings are UTF-8; the defaults are the isolated configuration's.  On
   failure a call returns -1 and the message is read with GetError. */
typedef struct PyInitConfig PyInitConfig;

PyAPI_FUNC(PyInitConfig *) PyInitConfig_Create(void);
PyAPI_FUNC(void) PyInitConfig_Free(PyInitConfig *config);
PyAPI_FUNC(int) PyInitConfig_GetError(PyInitConfig *config, const char **err_msg);
PyAPI_FUNC(int) PyInitConfig_GetExitCode(PyInitConfig *config, int *exitcode);
PyAPI_FUNC(int) PyInitConfig_HasOption(PyInitConfig *config, const char *name);
PyAPI_FUNC(int) PyInitConfig_GetInt(PyInitConfig *config, const char *name,
                                    int64_t *value);
/* *value is malloc'ed (free() it), or NULL for an unset string. */
PyAPI_FUNC(int) PyInitConfig_GetStr(PyInitConfig *config, const char *name,
                                    char **value);
PyAPI_FUNC(int) PyInitConfig_GetStrList(PyInitConfig *config, const char *name,
                                        size_t *length, char ***items);
PyAPI_FUNC(void) PyInitConfig_FreeStrList(size_t length, char **items);
PyAPI_FUNC(int) PyInitConfig_SetInt(PyInitConfig *config, const char *name,
                                    int64_t value);
PyAPI_FUNC(int) PyInitConfig_SetStr(PyInitConfig *config, const char *name,
                                    const char *value);
PyAPI_FUNC(int) PyInitConfig_SetStrList(PyInitConfig *config, const char *name,
                                        size_t length, char *const *items);
/* A built-in module made by initfunc (as PyImport_AppendInittab). */
PyAPI_FUNC(int) PyInitConfig_AddModule(PyInitConfig *config, const char *name,
                                       PyObject *(*initfunc)(void));
/* 0, or -1 with the error or the exit code kept in config. */
PyAPI_FUNC(int) Py_InitializeFromInitConfig(PyInitConfig *config);

/* Run the command, module, file or stdin that the configuration given to
   Py_InitializeFromConfig named, then finalize; returns the exit status. */
PyAPI_FUNC(int) Py_RunMain(void);

#endif /* Py_CPYTHON_INITCONFIG_H */
