/* The import system's C API (Python/import.c): sys.modules access,
   executing code as a module, imports by name, and the per-module import
   lock (several threads importing one slow module run it once). */
/* Py_file_input lives in pycore_compile.h until a public header has it. */
#define Py_BUILD_CORE 1
#include "testlib.h"
#include "pycore_compile.h"
#include "import.h"
#include "pystate.h"
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static PyObject *compile_text(const char *text)
{
    return Py_CompileString(text, "<test_import>", Py_file_input);
}

static void test_module_dict_is_sys_modules(void)
{
    PyObject *modules = PyImport_GetModuleDict();
    CHECK(modules != NULL && modules == PySys_GetObject("modules"));
    PyObject *name = PyUnicode_FromString("sys");
    PyObject *sys = PyImport_GetModule(name);
    CHECK(sys != NULL && PyModule_Check(sys));
    Py_XDECREF(sys);
    Py_DECREF(name);
    name = PyUnicode_FromString("test_import_absent_module");
    CHECK(PyImport_GetModule(name) == NULL && !PyErr_Occurred());
    Py_DECREF(name);
}

static void test_add_module(void)
{
    PyObject *first = PyImport_AddModuleRef("test_import_added");
    CHECK(first != NULL && PyModule_Check(first));
    PyObject *again = PyImport_AddModuleRef("test_import_added");
    CHECK(again == first);
    PyObject *name = PyUnicode_FromString("test_import_added");
    CHECK(PyImport_AddModuleObject(name) == first);
    CHECK(PyDict_GetItemString(PyImport_GetModuleDict(), "test_import_added")
          == first);
    CHECK_STR(PyObject_GetAttrString(first, "__name__"), "test_import_added");
    CHECK(PyDict_DelItem(PyImport_GetModuleDict(), name) == 0);
    Py_DECREF(name);
    Py_XDECREF(again);
    Py_XDECREF(first);
}

static void test_exec_code_module(void)
{
    PyObject *code = compile_text("x = 6 * 7\nname = __name__\n");
    PyObject *name = PyUnicode_FromString("test_import_exec");
    PyObject *path = PyUnicode_FromString("/nowhere/test_import_exec.py");
    PyObject *mod = PyImport_ExecCodeModuleObject(name, code, path, NULL);
    CHECK(mod != NULL);
    if (mod != NULL) {
        PyObject *x = PyObject_GetAttrString(mod, "x");
        CHECK(x != NULL && PyLong_AsLong(x) == 42);
        Py_XDECREF(x);
        CHECK_STR(PyObject_GetAttrString(mod, "name"), "test_import_exec");
        CHECK_STR(PyObject_GetAttrString(mod, "__file__"),
                  "/nowhere/test_import_exec.py");
        CHECK(PyImport_GetModule(name) == mod);
        Py_DECREF(mod);   /* the reference GetModule returned */
        Py_DECREF(mod);
    }
    PyDict_DelItem(PyImport_GetModuleDict(), name);
    Py_DECREF(path);
    Py_DECREF(name);
    Py_XDECREF(code);
}

static void test_exec_code_module_failure_unregisters(void)
{
    PyObject *code = compile_text("raise KeyError('boom')\n");
    CHECK(PyImport_ExecCodeModule("test_import_failing", code) == NULL);
    CHECK_RAISES(PyExc_KeyError);
    PyObject *name = PyUnicode_FromString("test_import_failing");
    CHECK(PyImport_GetModule(name) == NULL && !PyErr_Occurred());
    Py_DECREF(name);
    Py_XDECREF(code);
}

static void test_import_module(void)
{
    PyObject *sys = PyImport_ImportModule("sys");
    CHECK(sys != NULL && PyDict_GetItemString(PyImport_GetModuleDict(),
                                              "sys") == sys);
    Py_XDECREF(sys);
    CHECK(PyImport_ImportModule("test_import_no_such_module") == NULL);
    CHECK(PyErr_ExceptionMatches(PyExc_ModuleNotFoundError));
    PyObject *exc = PyErr_GetRaisedException();
    CHECK_STR(PyObject_Str(exc), "No module named 'test_import_no_such_module'");
    CHECK_STR(PyObject_GetAttrString(exc, "name"), "test_import_no_such_module");
    Py_XDECREF(exc);
}

static void test_import_module_attr(void)
{
    PyObject *modules = PyImport_ImportModuleAttrString("sys", "modules");
    CHECK(modules != NULL && modules == PyImport_GetModuleDict());
    Py_XDECREF(modules);
    CHECK(PyImport_ImportModuleAttrString("sys", "no_such_attribute") == NULL);
    CHECK_RAISES(PyExc_AttributeError);
    PyObject *mod = PyUnicode_FromString("sys");
    PyObject *attr = PyUnicode_FromString("path");
    PyObject *path = PyImport_ImportModuleAttr(mod, attr);
    CHECK(path != NULL && path == PySys_GetObject("path"));
    Py_XDECREF(path);
    Py_DECREF(attr);
    Py_DECREF(mod);
}

static void test_import_level_errors(void)
{
    PyObject *globals = Py_BuildValue("{s:s}", "__name__", "toplevel");
    CHECK(PyImport_ImportModuleLevel("x", globals, NULL, NULL, 1) == NULL);
    PyObject *exc = PyErr_GetRaisedException();
    CHECK(exc != NULL && PyErr_GivenExceptionMatches(exc, PyExc_ImportError));
    CHECK_STR(PyObject_Str(exc),
              "attempted relative import with no known parent package");
    Py_XDECREF(exc);
    Py_DECREF(globals);
    CHECK(PyImport_ImportModuleLevel("", NULL, NULL, NULL, 0) == NULL);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyImport_ImportModuleLevel("sys", NULL, NULL, NULL, -1) == NULL);
    CHECK_RAISES(PyExc_ValueError);
}

static void test_builtin_module_names(void)
{
    PyObject *names = PySys_GetObject("builtin_module_names");
    CHECK(names != NULL && PyTuple_Check(names));
    PyObject *sys = PyUnicode_FromString("sys");
    PyObject *builtins = PyUnicode_FromString("builtins");
    CHECK(PySequence_Contains(names, sys) == 1);
    CHECK(PySequence_Contains(names, builtins) == 1);
    Py_DECREF(sys);
    Py_DECREF(builtins);
}

/* ---- imports from several threads ---------------------------------------- */

#define IMPORTERS 4

struct importer {
    const char *module;
    PyObject *result;           /* owned */
    int saw_complete;           /* the module had its last attribute */
};

static void *run_importer(void *arg)
{
    struct importer *job = arg;
    PyGILState_STATE state = PyGILState_Ensure();
    job->result = PyImport_ImportModule(job->module);
    if (job->result != NULL) {
        job->saw_complete = PyObject_HasAttrString(job->result, "DONE");
    }
    else {
        PyErr_Clear();
    }
    PyGILState_Release(state);
    return NULL;
}

static void run_importers(struct importer *jobs, int n)
{
    pthread_t threads[IMPORTERS];
    PyThreadState *saved = PyEval_SaveThread();
    for (int i = 0; i < n; i++) {
        pthread_create(&threads[i], NULL, run_importer, &jobs[i]);
    }
    for (int i = 0; i < n; i++) {
        pthread_join(threads[i], NULL);
    }
    PyEval_RestoreThread(saved);
}

/* A module that counts its runs in sys, spins a while (so importing
   threads overlap), imports `then` if given and finally sets DONE. */
static int write_module(const char *dir, const char *name, const char *then)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s.py", dir, name);
    FILE *fp = fopen(path, "w");
    if (fp == NULL) {
        return -1;
    }
    fprintf(fp, "import sys\n"
                "sys.%s_runs = getattr(sys, '%s_runs', 0) + 1\n"
                "total = 0\n"
                "for i in range(100000):\n"
                "    total += i\n"
                "%s%s\n"
                "DONE = True\n", name, name, then ? "import " : "",
            then ? then : "");
    fclose(fp);
    return 0;
}

static long runs_of(const char *name)
{
    char attr[64];
    snprintf(attr, sizeof(attr), "%s_runs", name);
    PyObject *runs = PySys_GetObject(attr);
    long n = runs != NULL ? PyLong_AsLong(runs) : -1;
    PySys_SetObject(attr, NULL);
    PyDict_DelItemString(PyImport_GetModuleDict(), name);
    PyErr_Clear();
    return n;
}

static void remove_module_file(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s.py", dir, name);
    unlink(path);
}

/* Puts a fresh temporary directory at sys.path[0]; *entry owns its
   str. */
static int push_temp_dir(char *dir, PyObject **entry)
{
    *entry = NULL;
    if (mkdtemp(dir) == NULL) {
        return -1;
    }
    *entry = PyUnicode_FromString(dir);
    PyObject *path = PySys_GetObject("path");
    return *entry != NULL && path != NULL
           && PyList_Insert(path, 0, *entry) == 0 ? 0 : -1;
}

/* Removes dir/__pycache__ and what the bytecode cache wrote in it. */
static void remove_pycache(const char *dir)
{
    char cache[512];
    snprintf(cache, sizeof(cache), "%s/__pycache__", dir);
    DIR *d = opendir(cache);
    if (d == NULL) {
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (entry->d_name[0] != '.') {
            char file[1024];
            snprintf(file, sizeof(file), "%s/%s", cache, entry->d_name);
            unlink(file);
        }
    }
    closedir(d);
    rmdir(cache);
}

static void pop_temp_dir(const char *dir, PyObject *entry)
{
    remove_pycache(dir);
    PyObject *path = PySys_GetObject("path");
    Py_ssize_t at = path && entry ? PySequence_Index(path, entry) : -1;
    if (at >= 0) {
        PySequence_DelItem(path, at);
    }
    PyErr_Clear();
    Py_XDECREF(entry);
    rmdir(dir);
}

static void test_threads_run_module_once(void)
{
    char dir[] = "/tmp/weft_test_import_XXXXXX";
    PyObject *entry;
    CHECK(push_temp_dir(dir, &entry) == 0);
    CHECK(write_module(dir, "test_import_slow", NULL) == 0);
    struct importer jobs[IMPORTERS];
    for (int i = 0; i < IMPORTERS; i++) {
        jobs[i] = (struct importer){"test_import_slow", NULL, 0};
    }
    run_importers(jobs, IMPORTERS);
    for (int i = 0; i < IMPORTERS; i++) {
        CHECK(jobs[i].result != NULL && jobs[i].result == jobs[0].result);
        CHECK(jobs[i].saw_complete);
    }
    for (int i = 0; i < IMPORTERS; i++) {
        Py_XDECREF(jobs[i].result);
    }
    CHECK(runs_of("test_import_slow") == 1);
    remove_module_file(dir, "test_import_slow");
    pop_temp_dir(dir, entry);
}

/* Two threads importing two modules that import each other: whichever
   way the imports interleave, both finish (a thread that would wait for
   the other forever takes the partial module instead) and each module
   runs once. */
static void test_threads_circular_import(void)
{
    char dir[] = "/tmp/weft_test_import_XXXXXX";
    PyObject *entry;
    CHECK(push_temp_dir(dir, &entry) == 0);
    CHECK(write_module(dir, "test_import_ping", "test_import_pong") == 0);
    CHECK(write_module(dir, "test_import_pong", "test_import_ping") == 0);
    struct importer jobs[2] = {{"test_import_ping", NULL, 0},
                               {"test_import_pong", NULL, 0}};
    run_importers(jobs, 2);
    for (int i = 0; i < 2; i++) {
        CHECK(jobs[i].result != NULL && jobs[i].saw_complete);
        Py_XDECREF(jobs[i].result);
    }
    CHECK(runs_of("test_import_ping") == 1);
    CHECK(runs_of("test_import_pong") == 1);
    remove_module_file(dir, "test_import_ping");
    remove_module_file(dir, "test_import_pong");
    pop_temp_dir(dir, entry);
}

/* The type name of obj.attr (obj.attr must exist). */
static void check_attr_type(PyObject *obj, const char *attr, const char *type)
{
    PyObject *value = PyObject_GetAttrString(obj, attr);
    CHECK(value != NULL);
    if (value != NULL) {
        CHECK(strcmp(Py_TYPE(value)->tp_name, type) == 0);
        Py_DECREF(value);
    }
    PyErr_Clear();
}

static void test_default_finders(void)
{
    PyObject *meta_path = PySys_GetObject("meta_path");
    CHECK(meta_path != NULL && PyList_Check(meta_path)
          && PyList_GET_SIZE(meta_path) == 2);
    if (meta_path != NULL && PyList_Check(meta_path)
            && PyList_GET_SIZE(meta_path) == 2) {
        CHECK(PyType_Check(PyList_GET_ITEM(meta_path, 0)));
        CHECK(strcmp(((PyTypeObject *)PyList_GET_ITEM(meta_path, 0))->tp_name,
                     "_frozen_importlib.BuiltinImporter") == 0);
        CHECK(strcmp(((PyTypeObject *)PyList_GET_ITEM(meta_path, 1))->tp_name,
                     "_frozen_importlib_external.PathFinder") == 0);
    }
    PyObject *hooks = PySys_GetObject("path_hooks");
    /* The ZIP archive hook, then FileFinder's. */
    CHECK(hooks != NULL && PyList_Check(hooks) && PyList_GET_SIZE(hooks) == 2);
    CHECK(PyDict_Check(PySys_GetObject("path_importer_cache")));
}

static void test_builtin_module_spec(void)
{
    PyObject *imp = PyImport_ImportModule("_imp");
    CHECK(imp != NULL);
    if (imp == NULL) {
        PyErr_Clear();
        return;
    }
    check_attr_type(imp, "__spec__", "_frozen_importlib.ModuleSpec");
    PyObject *spec = PyObject_GetAttrString(imp, "__spec__");
    CHECK_STR(PyObject_GetAttrString(spec, "origin"), "built-in");
    CHECK_STR(PyObject_GetAttrString(spec, "name"), "_imp");
    PyObject *loader = PyObject_GetAttrString(imp, "__loader__");
    PyObject *meta_path = PySys_GetObject("meta_path");
    CHECK(loader != NULL && loader == PyList_GET_ITEM(meta_path, 0));
    CHECK_STR(PyObject_GetAttrString(imp, "__package__"), "");
    Py_XDECREF(loader);
    Py_XDECREF(spec);
    Py_DECREF(imp);
}

static int write_text(const char *dir, const char *file, const char *text)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, file);
    FILE *fp = fopen(path, "w");
    if (fp == NULL) {
        return -1;
    }
    fputs(text, fp);
    fclose(fp);
    return 0;
}

static void test_source_module_attributes(void)
{
    char dir[] = "/tmp/weft_test_import_XXXXXX";
    PyObject *entry;
    CHECK(push_temp_dir(dir, &entry) == 0);
    CHECK(write_text(dir, "test_import_attrs.py", "VALUE = 7\n") == 0);
    PyObject *mod = PyImport_ImportModule("test_import_attrs");
    CHECK(mod != NULL);
    if (mod != NULL) {
        char expected[600];
        snprintf(expected, sizeof(expected), "%s/test_import_attrs.py", dir);
        CHECK_STR(PyObject_GetAttrString(mod, "__file__"), expected);
        check_attr_type(mod, "__loader__",
                        "_frozen_importlib_external.SourceFileLoader");
        PyObject *spec = PyObject_GetAttrString(mod, "__spec__");
        CHECK(spec != NULL);
        if (spec != NULL) {
            CHECK_STR(PyObject_GetAttrString(spec, "origin"), expected);
            PyObject *cached = PyObject_GetAttrString(mod, "__cached__");
            CHECK(cached != NULL && PyUnicode_Check(cached));
            PyObject *from_spec = PyObject_GetAttrString(spec, "cached");
            CHECK(from_spec != NULL
                  && PyObject_RichCompareBool(cached, from_spec, Py_EQ) == 1);
            Py_XDECREF(from_spec);
            Py_XDECREF(cached);
            Py_DECREF(spec);
        }
        Py_DECREF(mod);
    }
    PyErr_Clear();
    PyDict_DelItemString(PyImport_GetModuleDict(), "test_import_attrs");
    remove_module_file(dir, "test_import_attrs");
    pop_temp_dir(dir, entry);
}

/* A module written after a failed import of it is found once the caches
   are invalidated (the directory's mtime may not have moved within its
   clock tick, so CPython's rule applies: call invalidate_caches()). */
static void test_finder_sees_new_file(void)
{
    char dir[] = "/tmp/weft_test_import_XXXXXX";
    PyObject *entry;
    CHECK(push_temp_dir(dir, &entry) == 0);
    CHECK(PyImport_ImportModule("test_import_late") == NULL);
    CHECK_RAISES(PyExc_ModuleNotFoundError);
    CHECK(write_text(dir, "test_import_late.py", "LATE = True\n") == 0);
    PyObject *invalidate = PyImport_ImportModuleAttrString(
        "_frozen_importlib_external", "PathFinder");
    PyObject *res = invalidate ? PyObject_CallMethod(invalidate,
                                                     "invalidate_caches", NULL)
                               : NULL;
    CHECK(res == Py_None);
    Py_XDECREF(res);
    Py_XDECREF(invalidate);
    PyObject *mod = PyImport_ImportModule("test_import_late");
    CHECK(mod != NULL && PyObject_HasAttrString(mod, "LATE"));
    Py_XDECREF(mod);
    PyErr_Clear();
    PyDict_DelItemString(PyImport_GetModuleDict(), "test_import_late");
    remove_module_file(dir, "test_import_late");
    pop_temp_dir(dir, entry);
}

/* Threads importing different modules of one directory share its
   FileFinder and its listing; each gets its own module. */
static void test_threads_share_finder(void)
{
    char dir[] = "/tmp/weft_test_import_XXXXXX";
    PyObject *entry;
    CHECK(push_temp_dir(dir, &entry) == 0);
    static const char *const names[IMPORTERS] = {
        "test_import_par0", "test_import_par1", "test_import_par2",
        "test_import_par3",
    };
    struct importer jobs[IMPORTERS];
    for (int i = 0; i < IMPORTERS; i++) {
        CHECK(write_module(dir, names[i], NULL) == 0);
        jobs[i] = (struct importer){names[i], NULL, 0};
    }
    run_importers(jobs, IMPORTERS);
    for (int i = 0; i < IMPORTERS; i++) {
        CHECK(jobs[i].result != NULL && jobs[i].saw_complete);
        Py_XDECREF(jobs[i].result);
        CHECK(runs_of(names[i]) == 1);
        remove_module_file(dir, names[i]);
    }
    PyObject *cache = PySys_GetObject("path_importer_cache");
    PyObject *finder = cache ? PyDict_GetItemString(cache, dir) : NULL;
    CHECK(finder != NULL
          && strcmp(Py_TYPE(finder)->tp_name,
                    "_frozen_importlib_external.FileFinder") == 0);
    pop_temp_dir(dir, entry);
}

void suite_import(void)
{
    RUN(test_default_finders);
    RUN(test_builtin_module_spec);
    RUN(test_source_module_attributes);
    RUN(test_finder_sees_new_file);
    RUN(test_threads_share_finder);
    RUN(test_module_dict_is_sys_modules);
    RUN(test_add_module);
    RUN(test_exec_code_module);
    RUN(test_exec_code_module_failure_unregisters);
    RUN(test_import_module);
    RUN(test_import_module_attr);
    RUN(test_import_level_errors);
    RUN(test_builtin_module_names);
    RUN(test_threads_run_module_once);
    RUN(test_threads_circular_import);
}
