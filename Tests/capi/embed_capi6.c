/* An embedding program for the checks that need a process of their own
   (Tests/cmdline/cases_capi6.sh runs it):
     main ARGS...      Py_Main with the arguments, decoded to wide strings
     initconfig        PEP 741: PyInitConfig options, an added module
     gil-gate          built-in modules added with PyImport_AppendInittab
                       go through the GIL gate
     debug-hooks       PyMem_SetupDebugHooks before Py_Initialize, then a
                       program; "debug-overflow" and "debug-mixed" then
                       write past a block / free it through another
                       domain, which must end the process
     preinit-malloc    Py_PreInitialize with PYMEM_ALLOCATOR_MALLOC_DEBUG */
#include "Python.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_main(int argc, char **argv)
{
    wchar_t **wide = calloc((size_t)argc + 1, sizeof(wchar_t *));
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]) + 1;
        wide[i] = calloc(n, sizeof(wchar_t));
        mbstowcs(wide[i], argv[i], n);
    }
    return Py_Main(argc, wide);
}

/* ---- PEP 741 ------------------------------------------------------------------- */

static PyObject *init_inittab_module(void)
{
    static PyModuleDef def = {PyModuleDef_HEAD_INIT, "capi6_inittab", NULL, -1,
                              NULL, NULL, NULL, NULL, NULL};
    PyObject *module = PyModule_Create(&def);
#ifdef Py_GIL_DISABLED
    if (module != NULL) {
        PyUnstable_Module_SetGIL(module, Py_MOD_GIL_NOT_USED);
    }
#endif
    if (module != NULL && PyModule_AddIntConstant(module, "VALUE", 741) < 0) {
        Py_CLEAR(module);
    }
    return module;
}

static int fail_with(PyInitConfig *config)
{
    const char *msg;
    PyInitConfig_GetError(config, &msg);
    printf("error: %s\n", msg ? msg : "(none)");
    PyInitConfig_Free(config);
    return 1;
}

static int run_initconfig(void)
{
    PyInitConfig *config = PyInitConfig_Create();
    if (config == NULL) {
        return 1;
    }
    const char *msg;
    /* Errors are kept in the configuration, not raised. */
    if (PyInitConfig_SetInt(config, "no_such_option", 1) != -1
            || !PyInitConfig_GetError(config, &msg)) {
        return fail_with(config);
    }
    printf("unknown: %s\n", msg);
    if (PyInitConfig_SetStr(config, "verbose", "x") != -1) {
        return fail_with(config);
    }
    PyInitConfig_GetError(config, &msg);
    printf("wrong type: %s\n", msg);
    printf("has: %d %d %d\n", PyInitConfig_HasOption(config, "argv"),
           PyInitConfig_HasOption(config, "allocator"),
           PyInitConfig_HasOption(config, "no_such_option"));
    char *argv[] = {"embed", "first", "s\303\251cond"};
    if (PyInitConfig_SetStrList(config, "argv", 3, argv) < 0
            || PyInitConfig_SetInt(config, "write_bytecode", 0) < 0
            || PyInitConfig_SetInt(config, "site_import", 0) < 0
            || PyInitConfig_SetStr(config, "program_name", "embedded") < 0
            || PyInitConfig_AddModule(config, "capi6_inittab",
                                      init_inittab_module) < 0) {
        return fail_with(config);
    }
    int64_t isolated = -1, site = -1;
    char *name = NULL;
    size_t n = 0;
    char **items = NULL;
    if (PyInitConfig_GetInt(config, "isolated", &isolated) < 0
            || PyInitConfig_GetInt(config, "site_import", &site) < 0
            || PyInitConfig_GetStr(config, "program_name", &name) < 0
            || PyInitConfig_GetStrList(config, "argv", &n, &items) < 0) {
        return fail_with(config);
    }
    printf("read back: %d %d %s %zu %s\n", (int)isolated, (int)site, name, n,
           items[2]);
    free(name);
    PyInitConfig_FreeStrList(n, items);
    fflush(stdout);             /* before Python writes to the same fd */
    if (Py_InitializeFromInitConfig(config) < 0) {
        return fail_with(config);
    }
    PyInitConfig_Free(config);
    PyRun_SimpleString(
        "import sys, capi6_inittab\n"
        "print(sys.argv, sys.dont_write_bytecode, sys.flags.isolated,\n"
        "      sys.flags.no_site, capi6_inittab.VALUE)\n");
    return Py_FinalizeEx() < 0 ? 120 : 0;
}

/* ---- the GIL gate for built-in modules --------------------------------------------- */

static PyObject *init_needs_gil(void)
{
    static PyModuleDef def = {PyModuleDef_HEAD_INIT, "capi6_needs_gil", NULL, -1,
                              NULL, NULL, NULL, NULL, NULL};
    return PyModule_Create(&def);
}

static PyModuleDef_Slot free_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef free_def = {PyModuleDef_HEAD_INIT, "capi6_no_gil", NULL, 0,
                               NULL, free_slots, NULL, NULL, NULL};

static PyObject *init_no_gil(void)
{
    return PyModuleDef_Init(&free_def);
}

static int run_gil_gate(void)
{
    if (PyImport_AppendInittab("capi6_needs_gil", init_needs_gil) < 0
            || PyImport_AppendInittab("capi6_no_gil", init_no_gil) < 0) {
        return 1;
    }
    Py_Initialize();
    int rc = PyRun_SimpleString(
        "import sys, warnings\n"
        "gil = getattr(sys, '_is_gil_enabled', lambda: True)\n"
        "import capi6_no_gil\n"
        "print('after no_gil:', gil())\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    warnings.simplefilter('always')\n"
        "    import capi6_needs_gil\n"
        "print('after needs_gil:', gil())\n"
        "print([str(w.message)[:60] for w in caught])\n");
    return Py_FinalizeEx() < 0 || rc < 0 ? 1 : 0;
}

/* ---- memory debug hooks ---------------------------------------------------------------- */

static int run_debug_hooks(const char *mode)
{
    PyMem_SetupDebugHooks();
    Py_Initialize();
    int rc = PyRun_SimpleString(
        "import json, collections\n"
        "data = {str(i): [i] * (i % 7) for i in range(2000)}\n"
        "text = json.dumps(data)\n"
        "assert json.loads(text) == data\n"
        "c = collections.Counter(text)\n"
        "print('ran', len(text) > 1000, c['['] > 0)\n"
        "import sys; sys.stdout.flush()\n");
    if (strcmp(mode, "debug-overflow") == 0) {
        char *p = PyMem_Malloc(8);
        memset(p, 'x', 9);      /* one byte past the end */
        PyMem_Free(p);
        puts("not reached");
        fflush(stdout);
    }
    else if (strcmp(mode, "debug-mixed") == 0) {
        void *p = PyObject_Malloc(8);
        PyMem_Free(p);          /* allocated in the object domain */
        puts("not reached");
        fflush(stdout);
    }
    else if (strcmp(mode, "debug-fill") == 0) {
        unsigned char *p = PyMem_Malloc(4);
        printf("fill %02x\n", p[0]);
        fflush(stdout);
        PyMem_Free(p);
    }
    return Py_FinalizeEx() < 0 || rc < 0 ? 1 : 0;
}

static int run_preinit_malloc(void)
{
    PyMemAllocatorEx before, after;
    PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &before);
    PyPreConfig preconfig;
    PyPreConfig_InitIsolatedConfig(&preconfig);
    preconfig.allocator = PYMEM_ALLOCATOR_MALLOC_DEBUG;
    PyStatus status = Py_PreInitialize(&preconfig);
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
    PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &after);
    printf("allocator changed: %d\n", before.malloc != after.malloc);
    PyPreConfig_InitIsolatedConfig(&preconfig);
    preconfig.allocator = PYMEM_ALLOCATOR_PYMALLOC;
    /* Pre-initialization happens once: a second call changes nothing. */
    status = Py_PreInitialize(&preconfig);
    printf("second call ok: %d\n", !PyStatus_Exception(status));
    fflush(stdout);             /* before Python writes to the same fd */
    Py_Initialize();
    int rc = PyRun_SimpleString("print(sum(range(10 ** 4)))\n");
    return Py_FinalizeEx() < 0 || rc < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s MODE [ARGS...]\n", argv[0]);
        return 2;
    }
    const char *mode = argv[1];
    if (strcmp(mode, "main") == 0) {
        return run_main(argc - 1, argv + 1);
    }
    if (strcmp(mode, "initconfig") == 0) {
        return run_initconfig();
    }
    if (strcmp(mode, "gil-gate") == 0) {
        return run_gil_gate();
    }
    if (strncmp(mode, "debug-", 6) == 0) {
        return run_debug_hooks(mode);
    }
    if (strcmp(mode, "preinit-malloc") == 0) {
        return run_preinit_malloc();
    }
    fprintf(stderr, "unknown mode %s\n", mode);
    return 2;
}
