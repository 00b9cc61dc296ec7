/* Session 6's C API additions: type watchers, object and GC helpers,
   PyFloat_GetInfo, PySignal_SetWakeupFd, tracing suspension, the
   frozen/lazy/initfunc import API, UTF-7, options by name
   (PyConfig_Get/Set), and running statements from a FILE*. */
#include "testlib.h"
#include <float.h>
#include <stdio.h>
#include <unistd.h>

/* Runs Python statements in a fresh namespace; returns it (a new
   reference) or NULL. */
static PyObject *run_in_namespace(const char *source)
{
    PyObject *ns = PyDict_New();
    if (ns == NULL) {
        return NULL;
    }
    PyObject *builtins = PyEval_GetBuiltins();
    PyDict_SetItemString(ns, "__builtins__", builtins);
    PyObject *result = PyRun_String(source, Py_file_input, ns, ns);
    if (result == NULL) {
        Py_DECREF(ns);
        return NULL;
    }
    Py_DECREF(result);
    return ns;
}

/* ---- type watchers ---------------------------------------------------------- */

static PyTypeObject *seen_types[8];
static int seen_count;

static int record_type(PyTypeObject *type)
{
    if (seen_count < 8) {
        seen_types[seen_count] = type;
    }
    seen_count++;
    return 0;
}

static int failing_watcher(PyTypeObject *type)
{
    (void)type;
    PyErr_SetString(PyExc_ValueError, "watcher failed");
    return -1;
}

static void test_type_watchers(void)
{
    PyObject *ns = run_in_namespace("class A: pass\nclass B(A): pass\n");
    CHECK(ns != NULL);
    if (ns == NULL) {
        return;
    }
    PyObject *a = PyDict_GetItemString(ns, "A");
    PyObject *b = PyDict_GetItemString(ns, "B");
    int id = PyType_AddWatcher(record_type);
    CHECK(id >= 0);
    seen_count = 0;
    CHECK(PyType_Watch(id, b) == 0);
    /* Modifying the watched type itself fires once. */
    CHECK(PyObject_SetAttrString(b, "x", Py_None) == 0);
    CHECK(seen_count == 1 && seen_types[0] == (PyTypeObject *)b);
    /* A modified base invalidates the watched subclass too. */
    PyUnstable_Type_AssignVersionTag((PyTypeObject *)b);
    seen_count = 0;
    CHECK(PyObject_SetAttrString(a, "y", Py_None) == 0);
    CHECK(seen_count == 1 && seen_types[0] == (PyTypeObject *)b);
    /* A watched base is not told about its subclass. */
    CHECK(PyType_Unwatch(id, b) == 0);
    CHECK(PyType_Watch(id, a) == 0);
    seen_count = 0;
    CHECK(PyObject_SetAttrString(b, "z", Py_None) == 0);
    CHECK(seen_count == 0);
    CHECK(PyType_Unwatch(id, a) == 0);
    PyUnstable_Type_AssignVersionTag((PyTypeObject *)a);
    CHECK(PyObject_SetAttrString(a, "w", Py_None) == 0);
    CHECK(seen_count == 0);
    /* A failing callback is reported, not propagated. */
    int bad = PyType_AddWatcher(failing_watcher);
    CHECK(bad >= 0 && PyType_Watch(bad, a) == 0);
    CHECK(PyObject_SetAttrString(a, "v", Py_None) == 0 && !PyErr_Occurred());
    CHECK(PyType_ClearWatcher(bad) == 0);
    CHECK(PyType_ClearWatcher(id) == 0);
    CHECK(PyType_ClearWatcher(id) == -1);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyType_Watch(99, a) == -1);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyType_Watch(0, Py_None) == -1);
    CHECK_RAISES(PyExc_ValueError);
    Py_DECREF(ns);
}

static void test_type_watcher_ids_run_out(void)
{
    int ids[9];
    int n = 0;
    while (n < 9 && (ids[n] = PyType_AddWatcher(record_type)) >= 0) {
        n++;
    }
    CHECK(n == 8);
    CHECK_RAISES(PyExc_RuntimeError);
    for (int i = 0; i < n; i++) {
        CHECK(PyType_ClearWatcher(ids[i]) == 0);
    }
}

/* ---- object helpers ------------------------------------------------------------ */

static void test_is_gc_and_float_info(void)
{
    CHECK(PyType_IS_GC(&PyList_Type));
    CHECK(!PyType_IS_GC(&PyLong_Type));
    PyObject *info = PyFloat_GetInfo();
    CHECK(info != NULL);
    if (info != NULL) {
        PyObject *max = PyObject_GetAttrString(info, "max");
        PyObject *dig = PyObject_GetAttrString(info, "dig");
        CHECK(max != NULL && PyFloat_AsDouble(max) == DBL_MAX);
        CHECK(dig != NULL && PyLong_AsLong(dig) == DBL_DIG);
        Py_XDECREF(max);
        Py_XDECREF(dig);
        Py_DECREF(info);
    }
}

static void test_set_wakeup_fd(void)
{
    int old = PySignal_SetWakeupFd(7);
    CHECK(PySignal_SetWakeupFd(old) == 7);
    CHECK(PySignal_SetWakeupFd(old) == old);
}

static int traced_events;

static int count_events(PyObject *obj, PyFrameObject *frame, int what,
                        PyObject *arg)
{
    (void)obj;
    (void)frame;
    (void)what;
    (void)arg;
    traced_events++;
    return 0;
}

static void test_enter_leave_tracing(void)
{
    PyObject *ns = run_in_namespace("def f():\n    return 1\n");
    PyObject *f = ns ? PyDict_GetItemString(ns, "f") : NULL;
    CHECK(f != NULL);
    if (f == NULL) {
        Py_XDECREF(ns);
        return;
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyEval_SetProfile(count_events, NULL);
    traced_events = 0;
    PyThreadState_EnterTracing(tstate);
    PyObject *r = PyObject_CallNoArgs(f);
    Py_XDECREF(r);
    int while_suspended = traced_events;
    PyThreadState_LeaveTracing(tstate);
    r = PyObject_CallNoArgs(f);
    Py_XDECREF(r);
    int after = traced_events;
    PyEval_SetProfile(NULL, NULL);
    CHECK(while_suspended == 0);
    CHECK(after > 0);
    Py_DECREF(ns);
}

typedef struct {
    PyObject_VAR_HEAD
    int tag;
} items_object;

static void test_get_item_data(void)
{
    PyType_Slot slots[] = {{0, NULL}};
    PyType_Spec spec = {"capi6.Items", sizeof(items_object), 8,
                        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_ITEMS_AT_END, slots};
    PyObject *type = PyType_FromSpec(&spec);
    CHECK(type != NULL);
    if (type == NULL) {
        return;
    }
    PyObject *obj = PyType_GenericAlloc((PyTypeObject *)type, 3);
    CHECK(obj != NULL);
    if (obj != NULL) {
        char *data = PyObject_GetItemData(obj);
        CHECK(data == (char *)obj + ((PyTypeObject *)type)->tp_basicsize);
        Py_DECREF(obj);
    }
    PyObject *plain = PyList_New(0);
    CHECK(PyObject_GetItemData(plain) == NULL);
    CHECK_RAISES(PyExc_TypeError);
    Py_DECREF(plain);
    Py_DECREF(type);
}

static int managed_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    return PyObject_VisitManagedDict(self, visit, arg);
}

static int managed_clear(PyObject *self)
{
    PyObject_ClearManagedDict(self);
    return 0;
}

static PyObject *visited;

static int note_visit(PyObject *op, void *arg)
{
    (void)arg;
    if (PyDict_Check(op)) {
        visited = op;
    }
    return 0;
}

static void test_managed_dict(void)
{
    PyType_Slot slots[] = {{Py_tp_traverse, managed_traverse},
                           {Py_tp_clear, managed_clear}, {0, NULL}};
    PyType_Spec spec = {"capi6.Managed", sizeof(PyObject), 0,
                        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC
                        | Py_TPFLAGS_MANAGED_DICT, slots};
    PyObject *type = PyType_FromSpec(&spec);
    CHECK(type != NULL);
    if (type == NULL) {
        return;
    }
    PyObject *obj = PyObject_CallNoArgs(type);
    CHECK(obj != NULL);
    if (obj != NULL) {
        CHECK(PyObject_SetAttrString(obj, "colour", Py_True) == 0);
        visited = NULL;
        Py_TYPE(obj)->tp_traverse(obj, note_visit, NULL);
        CHECK(visited != NULL && PyDict_GetItemString(visited, "colour") == Py_True);
        PyObject_ClearManagedDict(obj);
        CHECK(PyObject_GetAttrString(obj, "colour") == NULL);
        CHECK_RAISES(PyExc_AttributeError);
        Py_DECREF(obj);
    }
    Py_DECREF(type);
}

static PyObject *is_temporary(PyObject *self, PyObject *arg)
{
    (void)self;
    return PyBool_FromLong(PyUnstable_Object_IsUniqueReferencedTemporary(arg));
}

static PyMethodDef is_temporary_def = {"is_temporary", is_temporary, METH_O, NULL};

static void test_unique_temporary(void)
{
    PyObject *fn = PyCFunction_New(&is_temporary_def, NULL);
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins());
    PyDict_SetItemString(ns, "is_temporary", fn);
    PyObject *r = PyRun_String(
        "def check():\n"
        "    named = object()\n"
        "    return is_temporary(object()), is_temporary(named)\n"
        "result = check()\n", Py_file_input, ns, ns);
    CHECK(r != NULL);
    Py_XDECREF(r);
    PyObject *result = PyDict_GetItemString(ns, "result");
    CHECK(result != NULL && PyTuple_Check(result));
    if (result != NULL && PyTuple_Check(result)) {
        CHECK(PyTuple_GET_ITEM(result, 0) == Py_True);
        CHECK(PyTuple_GET_ITEM(result, 1) == Py_False);
    }
    /* Called from C, outside any Python frame's stack: never. */
    PyObject *obj = PyList_New(0);
    CHECK(!PyUnstable_Object_IsUniqueReferencedTemporary(obj));
    Py_DECREF(obj);
    Py_DECREF(ns);
    Py_DECREF(fn);
}

static void test_refcount_helpers(void)
{
    PyObject *obj = PyList_New(0);
    PyUnstable_EnableTryIncRef(obj);
    CHECK(PyUnstable_TryIncRef(obj) == 1);
    CHECK(Py_REFCNT(obj) == 2);
    Py_INCREF(obj);
    Py_SET_REFCNT(obj, 1);
    CHECK(Py_REFCNT(obj) == 1);
    Py_DECREF(obj);
    Py_ssize_t before = Py_REFCNT(Py_None);
    Py_SET_REFCNT(Py_None, 5);
    CHECK(Py_REFCNT(Py_None) == before);
}

static int extra_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static PyObject *wanted;
static int found_wanted;

static int find_wanted(PyObject *op, void *arg)
{
    (void)arg;
    if (op == wanted) {
        found_wanted = 1;
        return 0;
    }
    return 1;
}

static void test_gc_extra_data_and_visit(void)
{
    PyType_Slot slots[] = {{Py_tp_traverse, extra_traverse}, {0, NULL}};
    PyType_Spec spec = {"capi6.Extra", sizeof(PyObject), 0,
                        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, slots};
    PyObject *type = PyType_FromSpec(&spec);
    CHECK(type != NULL);
    if (type == NULL) {
        return;
    }
    PyObject *obj = PyUnstable_Object_GC_NewWithExtraData((PyTypeObject *)type, 40);
    CHECK(obj != NULL);
    if (obj != NULL) {
        unsigned char *extra = (unsigned char *)obj + sizeof(PyObject);
        int zero = 1;
        for (int i = 0; i < 40; i++) {
            zero &= extra[i] == 0;
        }
        CHECK(zero);
        CHECK(Py_TYPE(obj) == (PyTypeObject *)type);
        PyObject_GC_Track(obj);
        wanted = obj;
        found_wanted = 0;
        gcvisitobjects_t visit = find_wanted;
        PyUnstable_GC_VisitObjects(visit, NULL);
        CHECK(found_wanted);
        Py_DECREF(obj);
    }
    Py_DECREF(type);
}

/* ---- import ---------------------------------------------------------------------- */

static void test_frozen_modules(void)
{
    CHECK(PyImport_ImportFrozenModule("__hello__") == 0);
    PyObject *name = PyUnicode_FromString("os");
    CHECK(PyImport_ImportFrozenModuleObject(name) == 0 && !PyErr_Occurred());
    Py_DECREF(name);
}

static void test_lazy_imports_api(void)
{
    CHECK(PyImport_GetLazyImportsMode() == PyImport_LAZY_NORMAL);
    CHECK(PyImport_SetLazyImportsMode(PyImport_LAZY_ALL) == 0);
    CHECK_STR(PyObject_CallMethod(PyImport_AddModule("sys"), "get_lazy_imports",
                                  NULL), "all");
    CHECK(PyImport_GetLazyImportsMode() == PyImport_LAZY_ALL);
    CHECK(PyImport_SetLazyImportsMode(PyImport_LAZY_NORMAL) == 0);
    CHECK(PyImport_SetLazyImportsMode((PyImport_LazyImportsMode)9) == -1);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyImport_GetLazyImportsFilter() == NULL && !PyErr_Occurred());
    PyObject *filter = PyObject_GetAttrString(PyEval_GetBuiltins() ?
                                              PyImport_AddModule("builtins") : NULL,
                                              "bool");
    CHECK(PyImport_SetLazyImportsFilter(filter) == 0);
    PyObject *got = PyImport_GetLazyImportsFilter();
    CHECK(got == filter);
    Py_XDECREF(got);
    CHECK(PyImport_SetLazyImportsFilter(Py_True) == -1);
    CHECK_RAISES(PyExc_TypeError);
    CHECK(PyImport_SetLazyImportsFilter(NULL) == 0);
    CHECK(PyImport_GetLazyImportsFilter() == NULL);
    Py_XDECREF(filter);
}

static int made_exec_ran;

static int made_exec(PyObject *module)
{
    made_exec_ran = 1;
    return PyModule_AddIntConstant(module, "answer", 42);
}

static PyModuleDef_Slot made_slots[] = {
    {Py_mod_exec, made_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef made_def = {
    PyModuleDef_HEAD_INIT, "capi6_made", NULL, 0, NULL, made_slots,
    NULL, NULL, NULL,
};

static PyObject *init_made(void)
{
    return PyModuleDef_Init(&made_def);
}

static PyObject *init_failing(void)
{
    PyErr_SetString(PyExc_KeyError, "init failed");
    return NULL;
}

static PyObject *make_spec(const char *name)
{
    PyObject *machinery = PyImport_ImportModule("importlib.machinery");
    PyObject *spec = machinery ? PyObject_CallMethod(machinery, "ModuleSpec",
                                                     "sO", name, Py_None)
                               : NULL;
    Py_XDECREF(machinery);
    return spec;
}

static void test_create_module_from_initfunc(void)
{
    PyObject *spec = make_spec("capi6_made");
    CHECK(spec != NULL);
    if (spec == NULL) {
        return;
    }
    made_exec_ran = 0;
    PyObject *module = PyImport_CreateModuleFromInitfunc(spec, init_made);
    CHECK(module != NULL && PyModule_Check(module) && !made_exec_ran);
    if (module != NULL) {
        CHECK_STR(PyModule_GetNameObject(module), "capi6_made");
        CHECK(PyModule_ExecDef(module, &made_def) == 0 && made_exec_ran);
        Py_DECREF(module);
    }
    CHECK(PyImport_CreateModuleFromInitfunc(spec, init_failing) == NULL);
    CHECK_RAISES(PyExc_KeyError);
    Py_DECREF(spec);
}

/* ---- UTF-7 ------------------------------------------------------------------------- */

static void test_decode_utf7(void)
{
    CHECK_STR(PyUnicode_DecodeUTF7("Hi Mom -+Jjo--!", 15, NULL), "Hi Mom -\xe2\x98\xba-!");
    CHECK_STR(PyUnicode_DecodeUTF7("A+ImIDkQ.", 9, "strict"),
              "A\xe2\x89\xa2\xce\x91.");
    CHECK_STR(PyUnicode_DecodeUTF7("1 +- 1", 6, NULL), "1 + 1");
    /* Stateful: an unfinished run is left for the next call. */
    Py_ssize_t consumed = -1;
    CHECK_STR(PyUnicode_DecodeUTF7Stateful("ab+Jj", 5, NULL, &consumed), "ab");
    CHECK(consumed == 2);
    CHECK(PyUnicode_DecodeUTF7("+Jj", 3, NULL) == NULL);
    CHECK_RAISES(PyExc_UnicodeDecodeError);
    CHECK_STR(PyUnicode_DecodeUTF7("a\xffz", 3, "replace"), "a\xef\xbf\xbdz");
}

/* ---- options by name ---------------------------------------------------------------- */

static void test_config_get(void)
{
    PyObject *argv = PyConfig_Get("argv");
    CHECK(argv != NULL && PyList_Check(argv));
    CHECK(argv != PySys_GetObject("argv"));
    Py_XDECREF(argv);
    int verbose = -1;
    CHECK(PyConfig_GetInt("verbose", &verbose) == 0 && verbose == 0);
    PyObject *site = PyConfig_Get("site_import");
    CHECK(site == Py_True || site == Py_False);
    Py_XDECREF(site);
    CHECK(PyConfig_Get("no_such_option") == NULL);
    CHECK_RAISES(PyExc_ValueError);
    int dummy;
    CHECK(PyConfig_GetInt("executable", &dummy) == -1);
    CHECK_RAISES(PyExc_TypeError);
    CHECK_STR(PyConfig_Get("filesystem_encoding"), "utf-8");
    PyObject *names = PyConfig_Names();
    CHECK(names != NULL && PyFrozenSet_Check(names));
    PyObject *name = PyUnicode_FromString("module_search_paths");
    CHECK(names != NULL && PySet_Contains(names, name) == 1);
    Py_XDECREF(name);
    /* Every listed option can be read. */
    PyObject *iter = names ? PyObject_GetIter(names) : NULL;
    PyObject *item;
    int readable = iter != NULL;
    while (iter != NULL && (item = PyIter_Next(iter)) != NULL) {
        PyObject *value = PyConfig_Get(PyUnicode_AsUTF8(item));
        if (value == NULL) {
            fprintf(stderr, "  PyConfig_Get(%s) failed\n", PyUnicode_AsUTF8(item));
            PyErr_Clear();
            readable = 0;
        }
        Py_XDECREF(value);
        Py_DECREF(item);
    }
    CHECK(readable);
    Py_XDECREF(iter);
    Py_XDECREF(names);
}

static void test_config_set(void)
{
    PyObject *one = PyLong_FromLong(1), *zero = PyLong_FromLong(0);
    CHECK(PyConfig_Set("verbose", one) == 0);
    int verbose = -1;
    CHECK(PyConfig_GetInt("verbose", &verbose) == 0 && verbose == 1);
    PyObject *flags = PySys_GetObject("flags");
    PyObject *flag = flags ? PyObject_GetAttrString(flags, "verbose") : NULL;
    CHECK(flag != NULL && PyLong_AsLong(flag) == 1);
    Py_XDECREF(flag);
    CHECK(PyConfig_Set("verbose", zero) == 0);
    CHECK(PyConfig_Set("write_bytecode", Py_False) == 0);
    CHECK(PySys_GetObject("dont_write_bytecode") == Py_True);
    CHECK(PyConfig_Set("write_bytecode", Py_True) == 0);
    CHECK(PySys_GetObject("dont_write_bytecode") == Py_False);
    CHECK(PyConfig_Set("isolated", one) == -1);
    CHECK_RAISES(PyExc_ValueError);
    CHECK(PyConfig_Set("verbose", Py_None) == -1);
    CHECK_RAISES(PyExc_TypeError);
    PyObject *saved = PyConfig_Get("argv");
    PyObject *fresh = Py_BuildValue("[s]", "prog");
    CHECK(PyConfig_Set("argv", fresh) == 0);
    CHECK(PyObject_RichCompareBool(PySys_GetObject("argv"), fresh, Py_EQ) == 1);
    CHECK(saved != NULL && PyConfig_Set("argv", saved) == 0);
    Py_XDECREF(fresh);
    Py_XDECREF(saved);
    Py_DECREF(one);
    Py_DECREF(zero);
}

/* ---- statements from a FILE* ------------------------------------------------------- */

static FILE *file_with(const char *text)
{
    FILE *fp = tmpfile();
    if (fp != NULL) {
        fputs(text, fp);
        rewind(fp);
    }
    return fp;
}

static long main_long(const char *name)
{
    PyObject *main = PyImport_AddModule("__main__");
    PyObject *value = main ? PyObject_GetAttrString(main, name) : NULL;
    long result = value ? PyLong_AsLong(value) : -999;
    Py_XDECREF(value);
    PyErr_Clear();
    return result;
}

static void quiet_prompts(void)
{
    PyObject *empty = PyUnicode_FromString("");
    PySys_SetObject("ps1", empty);
    PySys_SetObject("ps2", empty);
    Py_DECREF(empty);
}

static void test_interactive_one_and_loop(void)
{
    quiet_prompts();
    FILE *fp = file_with("\ncapi6_x = 6 * 7\nif True:\n    capi6_y = 1\n"
                         "    capi6_y += 1\n\ncapi6_z = 3\n");
    CHECK(fp != NULL);
    if (fp == NULL) {
        return;
    }
    CHECK(PyRun_InteractiveOne(fp, "<capi6>") == 0);
    CHECK(main_long("capi6_x") == 42);
    CHECK(PyRun_InteractiveOneFlags(fp, "<capi6>", NULL) == 0);
    CHECK(main_long("capi6_y") == 2);
    CHECK(PyRun_InteractiveOne(fp, "<capi6>") == 0);
    CHECK(main_long("capi6_z") == 3);
    CHECK(PyRun_InteractiveOne(fp, "<capi6>") == 11);
    fclose(fp);
    fp = file_with("capi6_n = 1\ncapi6_n += 1\ncapi6_n += 1\n");
    CHECK(PyRun_InteractiveLoop(fp, "<capi6>") == 0);
    CHECK(main_long("capi6_n") == 3);
    fclose(fp);
    /* A regular file is run whole by PyRun_AnyFile. */
    fp = file_with("capi6_any = 5\nfor i in range(3):\n    capi6_any += i\n");
    CHECK(PyRun_AnyFileExFlags(fp, "capi6_any.py", 1, NULL) == 0);
    CHECK(main_long("capi6_any") == 8);
    PyObject *sys = PyImport_AddModule("sys");
    PyObject_DelAttrString(sys, "ps1");
    PyObject_DelAttrString(sys, "ps2");
    PyErr_Clear();
}

static PyObject *merged_flags(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyCompilerFlags cf = {0, PY_MINOR_VERSION};
    int any = PyEval_MergeCompilerFlags(&cf);
    return Py_BuildValue("ii", any, cf.cf_flags);
}

static PyMethodDef merged_flags_def = {"merged_flags", merged_flags, METH_NOARGS, NULL};

static void test_merge_compiler_flags(void)
{
    PyCompilerFlags cf = {0, PY_MINOR_VERSION};
    CHECK(PyEval_MergeCompilerFlags(&cf) == 0 && cf.cf_flags == 0);
    PyObject *fn = PyCFunction_New(&merged_flags_def, NULL);
    PyObject *ns = PyDict_New();
    PyDict_SetItemString(ns, "__builtins__", PyEval_GetBuiltins());
    PyDict_SetItemString(ns, "merged_flags", fn);
    PyObject *r = PyRun_String("from __future__ import annotations\n"
                               "result = merged_flags()\n",
                               Py_file_input, ns, ns);
    CHECK(r != NULL);
    Py_XDECREF(r);
    PyObject *result = PyDict_GetItemString(ns, "result");
    int any = 0, flags = 0;
    CHECK(result != NULL && PyArg_ParseTuple(result, "ii", &any, &flags));
    CHECK(any == 1 && (flags & CO_FUTURE_ANNOTATIONS));
    Py_DECREF(ns);
    Py_DECREF(fn);
}

static void test_eval_frame(void)
{
    PyObject *ns = run_in_namespace("import sys\ncount = 0\n");
    CHECK(ns != NULL);
    if (ns == NULL) {
        return;
    }
    PyObject *r = PyRun_String("count += 1\nframe = sys._getframe()\n",
                               Py_file_input, ns, ns);
    Py_XDECREF(r);
    PyObject *frame = PyDict_GetItemString(ns, "frame");
    CHECK(frame != NULL);
    if (frame != NULL) {
        Py_INCREF(frame);
        r = PyEval_EvalFrame((PyFrameObject *)frame);
        CHECK(r == Py_None);
        Py_XDECREF(r);
        PyObject *count = PyDict_GetItemString(ns, "count");
        CHECK(count != NULL && PyLong_AsLong(count) == 2);
        PyErr_SetString(PyExc_OSError, "thrown");
        CHECK(PyEval_EvalFrameEx((PyFrameObject *)frame, 1) == NULL);
        CHECK_RAISES(PyExc_OSError);
        Py_DECREF(frame);
    }
    Py_DECREF(ns);
}

void suite_capi6(void)
{
    RUN(test_type_watchers);
    RUN(test_type_watcher_ids_run_out);
    RUN(test_is_gc_and_float_info);
    RUN(test_set_wakeup_fd);
    RUN(test_enter_leave_tracing);
    RUN(test_get_item_data);
    RUN(test_managed_dict);
    RUN(test_unique_temporary);
    RUN(test_refcount_helpers);
    RUN(test_gc_extra_data_and_visit);
    RUN(test_frozen_modules);
    RUN(test_lazy_imports_api);
    RUN(test_create_module_from_initfunc);
    RUN(test_decode_utf7);
    RUN(test_config_get);
    RUN(test_config_set);
    RUN(test_interactive_one_and_loop);
    RUN(test_merge_compiler_flags);
    RUN(test_eval_frame);
}
