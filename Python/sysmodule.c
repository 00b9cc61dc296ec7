/* The sys module.

   Thread safety: sys's attributes live in its module dict
   (interp->sysdict), which protects itself; the functions here keep no
   state of their own.  The recursion limit is copied into each thread
   state; setrecursionlimit updates the calling thread's. */
#include "Python.h"
#include "sysmodule.h"
#include "pycore_exceptions.h"
#include "pycore_gc.h"             /* sys.getsizeof */
#include "pycore_import.h"
#include "pycore_initconfig.h"
#include "pycore_lazyimport.h"
#include "pycore_long.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_stdio.h"
#include "pycore_sysmodule.h"
#include "pycore_typeobject.h"
#include "cpython/namespaceobject.h"
#include <dlfcn.h>                /* sys.setdlopenflags */
#include <unistd.h>
#include <float.h>                /* sys.float_info */

#include "pycore_ceval.h"
#include "pycore_frame.h"        /* sys._current_frames */
#include "pycore_gil.h"          /* sys.setswitchinterval */
#include "pycore_instruments.h"  /* sys.settrace, sys.monitoring */
#include "pycore_pathconfig.h"    /* sys.prefix, the stdlib directory */

#define WEFT_VERSION "0.1.0"
#define WEFT_HEXVERSION 0x000100A0


/* ---- the C API ------------------------------------------------------ */

static PyObject *sys_dict(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return tstate == NULL ? NULL : tstate->interp->sysdict;
}

PyObject *PySys_GetObject(const char *name)
{
    PyObject *sd = sys_dict();
    if (sd == NULL) {
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *value = PyDict_GetItemString(sd, name);
    PyErr_SetRaisedException(exc);
    return value;
}

int PySys_SetObject(const char *name, PyObject *value)
{
    PyObject *sd = sys_dict();
    if (sd == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "no sys module");
        return -1;
    }
    if (value == NULL) {
        if (PyDict_GetItemString(sd, name) == NULL) {
            return 0;
        }
        return PyDict_DelItemString(sd, name);
    }
    return PyDict_SetItemString(sd, name, value);
}

int PySys_GetOptionalAttrString(const char *name, PyObject **result)
{
    PyObject *sd = sys_dict();
    if (sd == NULL) {
        *result = NULL;
        return 0;
    }
    PyObject *value = PyDict_GetItemString(sd, name);
    *result = Py_XNewRef(value);
    return value != NULL;
}

PyObject *PySys_GetAttrString(const char *name)
{
    PyObject *value;
    if (PySys_GetOptionalAttrString(name, &value) == 0) {
        PyErr_Format(PyExc_RuntimeError, "lost sys.%s", name);
    }
    return value;
}

/* Write text to sys.<name>, or to the C stream when it is missing or the
   write fails.  Keeps any pending exception. */
static void write_text(const char *name, FILE *fallback, PyObject *text)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *file = PySys_GetObject(name);
    int done = 0;
    if (file != NULL && file != Py_None && text != NULL) {
        PyObject *result = PyObject_CallMethod(file, "write", "O", text);
        done = result != NULL;
        Py_XDECREF(result);
        PyErr_Clear();
    }
    if (!done && text != NULL) {
        const char *utf8 = PyUnicode_AsUTF8(text);
        if (utf8 != NULL) {
            fputs(utf8, fallback);
        }
        PyErr_Clear();
    }
    PyErr_SetRaisedException(exc);
}

static void write_c_format(const char *name, FILE *fallback,
                           const char *format, va_list va)
{
    char buffer[1001];
    PyOS_vsnprintf(buffer, sizeof(buffer), format, va);
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *text = PyUnicode_DecodeUTF8(buffer, (Py_ssize_t)strlen(buffer),
                                          "replace");
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    write_text(name, fallback, text);
    Py_XDECREF(text);
}

void PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    write_c_format("stdout", stdout, format, va);
    va_end(va);
}

void PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    write_c_format("stderr", stderr, format, va);
    va_end(va);
}

static void write_py_format(const char *name, FILE *fallback,
                            const char *format, va_list va)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *text = PyUnicode_FromFormatV(format, va);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    write_text(name, fallback, text);
    Py_XDECREF(text);
}

void PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    write_py_format("stdout", stdout, format, va);
    va_end(va);
}

void PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    write_py_format("stderr", stderr, format, va);
    va_end(va);
}

/* ---- sys functions --------------------------------------------------- */

static PyObject *sys_exc_info(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL || exc == Py_None) {
        Py_XDECREF(exc);
        return Py_BuildValue("(OOO)", Py_None, Py_None, Py_None);
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *result = Py_BuildValue("(OON)", Py_TYPE(exc), exc,
                                     tb ? tb : Py_NewRef(Py_None));
    Py_DECREF(exc);
    return result;
}

static PyObject *sys_exception(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    (void)module;
    PyObject *exc = PyErr_GetHandledException();
    return exc ? exc : Py_NewRef(Py_None);
}

static PyObject *sys_exit(PyObject *module, PyObject *const *args,
                          Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("exit", nargs, 0, 1)) {
        return NULL;
    }
    PyErr_SetObject(PyExc_SystemExit, nargs ? args[0] : Py_None);
    return NULL;
}

static PyObject *sys_getrecursionlimit(PyObject *module,
                                       PyObject *Py_UNUSED(ignored))
{
    (void)module;
    return PyLong_FromLong(_PyThreadState_GET()->py_recursion_limit);
}

static PyObject *sys_setrecursionlimit(PyObject *module, PyObject *arg)
{
    (void)module;
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    int new_limit = PyLong_AsInt(arg);
    if (new_limit == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (new_limit < 1) {
        PyErr_SetString(PyExc_ValueError,
                        "recursion limit must be greater or equal than 1");
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    int depth = tstate->py_recursion_limit - tstate->py_recursion_remaining;
    if (depth >= new_limit) {
        PyErr_Format(PyExc_RecursionError,
                     "cannot set the recursion limit to %i at the recursion "
                     "depth %i: the limit is too low", new_limit, depth);
        return NULL;
    }
    tstate->py_recursion_limit = new_limit;
    tstate->py_recursion_remaining = new_limit - depth;
    Py_RETURN_NONE;
}

static PyObject *sys_intern(PyObject *module, PyObject *s)
{
    (void)module;
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "intern() argument must be str, not %.50s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    if (!PyUnicode_CheckExact(s)) {
        PyErr_Format(PyExc_TypeError, "can't intern %.400s", Py_TYPE(s)->tp_name);
        return NULL;
    }
    Py_INCREF(s);
    PyUnicode_InternInPlace(&s);
    return s;
}

/* _is_interned(string): an interned string's state never goes back to
   "not interned", so reading it needs no lock. */
static PyObject *sys_is_interned(PyObject *Py_UNUSED(module), PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError,
                     "_is_interned() argument must be str, not %.50s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(PyUnicode_CHECK_INTERNED(s) != 0);
}

static PyObject *sys_getrefcount(PyObject *module, PyObject *obj)
{
    (void)module;
    return PyLong_FromSsize_t(Py_REFCNT(obj));
}

static PyObject *sys_getsizeof(PyObject *module, PyObject *const *args,
                               Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    static char *keywords[] = {"object", "default", NULL};
    PyObject *obj, *dflt = NULL;
    if (!_PyArg_ParseStackAndKeywords(args, nargs, kwnames, "O|O:getsizeof",
                                      keywords, &obj, &dflt)) {
        return NULL;
    }
    PyObject *method = _PyObject_LookupSpecial(obj, _Py_INTERNED_ID(__sizeof__));
    if (method == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError,
                         "Type %.100s doesn't define __sizeof__",
                         Py_TYPE(obj)->tp_name);
        }
    }
    PyObject *size = method ? PyObject_CallNoArgs(method) : NULL;
    Py_XDECREF(method);
    if (size == NULL) {
        if (dflt != NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return Py_NewRef(dflt);
        }
        return NULL;
    }
    Py_ssize_t n = PyLong_AsSsize_t(size);
    Py_DECREF(size);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "__sizeof__() should return >= 0");
        return NULL;
    }
    if (PyType_HasFeature(Py_TYPE(obj), Py_TPFLAGS_HAVE_GC)) {
        n += (Py_ssize_t)_PyGC_PreHeaderSize();     /* what the object really takes */
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *sys_getframe(PyObject *module, PyObject *const *args,
                              Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("_getframe", nargs, 0, 1)) {
        return NULL;
    }
    int depth = 0;
    if (nargs == 1) {
        depth = PyLong_AsInt(args[0]);
        if (depth == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    return _PyEval_GetFrameObject(depth);
}

/* sys.displayhook: print repr(value) to sys.stdout and keep it in
   builtins._ (None is not shown). */
static PyObject *sys_displayhook(PyObject *module, PyObject *value)
{
    (void)module;
    if (value == Py_None) {
        Py_RETURN_NONE;
    }
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    if (builtins == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost builtins module");
        return NULL;
    }
    if (PyDict_SetItemString(builtins, "_", Py_None) < 0) {
        return NULL;
    }
    PyObject *out = PySys_GetAttrString("stdout");
    if (out == NULL) {
        return NULL;
    }
    if (out == Py_None) {
        Py_DECREF(out);
        PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    PyObject *repr = PyObject_Repr(value);
    PyObject *result = repr ? PyObject_CallMethod(out, "write", "O", repr) : NULL;
    Py_XDECREF(repr);
    Py_XDECREF(result);
    if (result != NULL) {
        result = PyObject_CallMethod(out, "write", "s", "\n");
        Py_XDECREF(result);
    }
    Py_DECREF(out);
    if (result == NULL) {
        return NULL;
    }
    if (PyDict_SetItemString(builtins, "_", value) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *sys_excepthook(PyObject *module, PyObject *const *args,
                                Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("excepthook", nargs, 3, 3)) {
        return NULL;
    }
    _PyStdio_FlushAll();
    PyErr_Display(args[0], args[1], args[2]);
    Py_RETURN_NONE;
}

/* dbg: sys.breakpointhook.  $PYTHONBREAKPOINT is read on every call, as
   the docs promise: unset or empty means pdb.set_trace, "0" disables,
   otherwise a dotted "module.callable" (a bare name lives in builtins).
   Reads only the environment and imports; no state of its own. */
static PyObject *import_breakpoint_hook(const char *spec)
{
    const char *dot = strrchr(spec, '.');
    PyObject *modname = dot ? PyUnicode_FromStringAndSize(spec, dot - spec)
                            : PyUnicode_FromString("builtins");
    if (modname == NULL) {
        return NULL;
    }
    PyObject *module = PyImport_Import(modname);
    Py_DECREF(modname);
    if (module == NULL) {
        return NULL;
    }
    PyObject *hook = PyObject_GetAttrString(module, dot ? dot + 1 : spec);
    Py_DECREF(module);
    return hook;
}

static PyObject *sys_breakpointhook(PyObject *module, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames)
{
    (void)module;
    const char *spec = getenv("PYTHONBREAKPOINT");
    if (spec == NULL || spec[0] == '\0') {
        spec = "pdb.set_trace";
    }
    else if (strcmp(spec, "0") == 0) {
        Py_RETURN_NONE;
    }
    PyObject *hook = NULL;
    if (spec[0] != '.' && spec[strlen(spec) - 1] != '.') {
        hook = import_breakpoint_hook(spec);
    }
    if (hook == NULL) {
        if (PyErr_Occurred() &&
            !PyErr_ExceptionMatches(PyExc_ImportError) &&
            !PyErr_ExceptionMatches(PyExc_AttributeError)) {
            return NULL;
        }
        PyErr_Clear();
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 0,
                             "Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"",
                             spec) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *result = PyObject_Vectorcall(hook, args, nargsf, kwnames);
    Py_DECREF(hook);
    return result;
}

#ifdef Py_GIL_DISABLED
/* The runtime (Python/ceval_gil.c) knows whether the GIL is on. */
extern int _PyEval_IsGILEnabled(PyThreadState *tstate) __attribute__((weak));
#endif

/* ---- the GIL's switch interval, finalization ------------------------------ */

static PyObject *sys_setswitchinterval(PyObject *Py_UNUSED(module),
                                       PyObject *arg)
{
    double interval = PyFloat_AsDouble(arg);
    if (interval == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    if (!(interval > 0.0)) {
        PyErr_SetString(PyExc_ValueError,
                        "switch interval must be strictly positive");
        return NULL;
    }
    double microseconds = interval * 1e6;
    if (microseconds < 1.0) {
        microseconds = 1.0;
    }
    else if (microseconds > (double)ULONG_MAX) {
        microseconds = (double)ULONG_MAX;
    }
    _PyEval_SetSwitchInterval((unsigned long)microseconds);
    Py_RETURN_NONE;
}

static PyObject *sys_getswitchinterval(PyObject *Py_UNUSED(module),
                                       PyObject *Py_UNUSED(args))
{
    return PyFloat_FromDouble((double)_PyEval_GetSwitchInterval() / 1e6);
}

/* Read without a lock: finalization sets the flag once, from the thread
   running Py_FinalizeEx. */
static PyObject *sys_is_finalizing(PyObject *Py_UNUSED(module),
                                   PyObject *Py_UNUSED(args))
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    return PyBool_FromLong(__atomic_load_n(&interp->finalizing,
                                           __ATOMIC_RELAXED) != 0);
}

/* ---- async generator hooks (PEP 525) -------------------------------------------
   Per thread (PyThreadState.async_gen_firstiter/finalizer), read by
   Objects/genobject.c when an async generator first runs. */

static PyStructSequence_Field asyncgen_hooks_fields[] = {
    {"firstiter", "Hook to intercept first iteration"},
    {"finalizer", "Hook to intercept finalization"},
    {NULL, NULL},
};

static PyStructSequence_Desc asyncgen_hooks_desc = {
    "asyncgen_hooks", "asyncgen_hooks\n\nA named tuple providing "
    "information about asynchronous\ngenerators hooks.  The attributes "
    "are read only.", asyncgen_hooks_fields, 2,
};

static PyTypeObject AsyncGenHooksType = {
    _PyStructSequence_STATIC_TYPE("asyncgen_hooks", NULL)
};

static PyObject *sys_get_asyncgen_hooks(PyObject *Py_UNUSED(module),
                                        PyObject *Py_UNUSED(args))
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *hooks = PyStructSequence_New(&AsyncGenHooksType);
    if (hooks == NULL) {
        return NULL;
    }
    PyObject *firstiter = tstate->async_gen_firstiter;
    PyObject *finalizer = tstate->async_gen_finalizer;
    PyStructSequence_SetItem(hooks, 0, Py_NewRef(firstiter ? firstiter : Py_None));
    PyStructSequence_SetItem(hooks, 1, Py_NewRef(finalizer ? finalizer : Py_None));
    return hooks;
}

/* set_asyncgen_hooks([firstiter] [, finalizer]): an omitted hook keeps
   its value, None removes it. */
static PyObject *sys_set_asyncgen_hooks(PyObject *Py_UNUSED(module),
                                        PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"firstiter", "finalizer", NULL};
    PyObject *firstiter = NULL, *finalizer = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|OO:set_asyncgen_hooks",
                                     keywords, &firstiter, &finalizer)) {
        return NULL;
    }
    if (finalizer != NULL && finalizer != Py_None && !PyCallable_Check(finalizer)) {
        PyErr_Format(PyExc_TypeError, "callable finalizer expected, got %.50s",
                     Py_TYPE(finalizer)->tp_name);
        return NULL;
    }
    if (firstiter != NULL && firstiter != Py_None && !PyCallable_Check(firstiter)) {
        PyErr_Format(PyExc_TypeError, "callable firstiter expected, got %.50s",
                     Py_TYPE(firstiter)->tp_name);
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (finalizer != NULL) {
        Py_XSETREF(tstate->async_gen_finalizer,
                   finalizer == Py_None ? NULL : Py_NewRef(finalizer));
    }
    if (firstiter != NULL) {
        Py_XSETREF(tstate->async_gen_firstiter,
                   firstiter == Py_None ? NULL : Py_NewRef(firstiter));
    }
    Py_RETURN_NONE;
}

/* ---- coroutine origin tracking, other threads' frames ------------------- */

static PyObject *sys_set_coroutine_origin_tracking_depth(PyObject *Py_UNUSED(module),
                                                         PyObject *args,
                                                         PyObject *kwargs)
{
    static char *keywords[] = {"depth", NULL};
    int depth;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs,
                                     "i:set_coroutine_origin_tracking_depth",
                                     keywords, &depth)) {
        return NULL;
    }
    if (depth < 0) {
        PyErr_SetString(PyExc_ValueError, "depth must be >= 0");
        return NULL;
    }
    _PyThreadState_GET()->coroutine_origin_tracking_depth = depth;
    Py_RETURN_NONE;
}

static PyObject *sys_get_coroutine_origin_tracking_depth(PyObject *Py_UNUSED(module),
                                                         PyObject *Py_UNUSED(args))
{
    return PyLong_FromLong(_PyThreadState_GET()->coroutine_origin_tracking_depth);
}

/* {thread id: value} over every thread with a Python frame running, the
   value made by `pick` from its state (NULL: skip that thread).  The
   world is stopped meanwhile, so no other thread's frames or exception
   change under us; the calling thread's own state is read as it is. */
static PyObject *per_thread_map(PyObject *(*pick)(PyThreadState *))
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    _PyEval_StopTheWorld(interp);
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        PyObject *value = pick(t);
        if (value == NULL) {
            if (PyErr_Occurred()) {
                Py_CLEAR(result);
                break;
            }
            continue;
        }
        PyObject *key = PyLong_FromUnsignedLong(t->thread_id);
        int rc = key != NULL ? PyDict_SetItem(result, key, value) : -1;
        Py_XDECREF(key);
        Py_DECREF(value);
        if (rc < 0) {
            Py_CLEAR(result);
            break;
        }
    }
    _PyEval_StartTheWorld(interp);
    return result;
}

static PyObject *pick_frame(PyThreadState *t)
{
    _PyInterpreterFrame *frame = t->current_frame;
    if (frame == NULL) {
        return NULL;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    return Py_XNewRef((PyObject *)f);
}

static PyObject *pick_exception(PyThreadState *t)
{
    PyObject *exc = t->exc_info_value;
    if (t->current_frame == NULL) {
        return NULL;
    }
    return Py_NewRef(exc != NULL ? exc : Py_None);
}

static PyObject *sys_current_frames(PyObject *Py_UNUSED(module),
                                    PyObject *Py_UNUSED(args))
{
    return per_thread_map(pick_frame);
}

static PyObject *sys_current_exceptions(PyObject *Py_UNUSED(module),
                                        PyObject *Py_UNUSED(args))
{
    return per_thread_map(pick_exception);
}

static PyObject *sys_clear_type_cache(PyObject *Py_UNUSED(module),
                                      PyObject *Py_UNUSED(args))
{
    PyType_ClearCache();
    Py_RETURN_NONE;
}

/* Blocks come from mimalloc (or the C library), which keeps no count
   this interpreter could report cheaply: 0, as CPython documents for
   builds that do not use its own small-object allocator. */
static PyObject *sys_getallocatedblocks(PyObject *Py_UNUSED(module),
                                        PyObject *Py_UNUSED(args))
{
    return PyLong_FromLong(0);
}

/* The dlopen() flags for extension modules; read by the loader.  A plain
   int, written and read with relaxed atomics. */
static int dlopen_flags = RTLD_NOW;

int _PySys_GetDlopenFlags(void)
{
    return __atomic_load_n(&dlopen_flags, __ATOMIC_RELAXED);
}

static PyObject *sys_setdlopenflags(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int flags = PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred()) {
        return NULL;
    }
    __atomic_store_n(&dlopen_flags, flags, __ATOMIC_RELAXED);
    Py_RETURN_NONE;
}

static PyObject *sys_getdlopenflags(PyObject *Py_UNUSED(module),
                                    PyObject *Py_UNUSED(args))
{
    return PyLong_FromLong(_PySys_GetDlopenFlags());
}

/* ---- audit hooks (PEP 578) ---------------------------------------------------

   The hooks are a list owned by this file.  Adding one and taking a
   snapshot to call are done under audit_hooks_mutex; hooks are called
   with no lock held, so a hook may itself audit or add hooks.  Hooks are
   never removed (as in CPython). */
static PyMutex audit_hooks_mutex;
static PyObject *audit_hooks;       /* list, created by the first addaudithook */

static PyObject *audit_hooks_snapshot(void)
{
    PyObject *snapshot = NULL;
    PyMutex_Lock(&audit_hooks_mutex);
    if (audit_hooks != NULL) {
        snapshot = PyList_AsTuple(audit_hooks);
    }
    PyMutex_Unlock(&audit_hooks_mutex);
    return snapshot;
}

/* Call every hook with (event, args); -1 with the exception of the first
   hook that raised. */
static int run_audit_hooks(PyObject *event, PyObject *args)
{
    if (__atomic_load_n(&audit_hooks, __ATOMIC_ACQUIRE) == NULL) {
        return 0;
    }
    PyObject *hooks = audit_hooks_snapshot();
    if (hooks == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    int status = 0;
    for (Py_ssize_t i = 0; status == 0 && i < PyTuple_GET_SIZE(hooks); i++) {
        PyObject *res = PyObject_CallFunctionObjArgs(PyTuple_GET_ITEM(hooks, i),
                                                     event, args, NULL);
        if (res == NULL) {
            status = -1;
        }
        Py_XDECREF(res);
    }
    Py_DECREF(hooks);
    return status;
}

static PyObject *sys_audit(PyObject *Py_UNUSED(module), PyObject *const *args,
                           Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError,
                        "audit() missing 1 required positional argument: 'event'");
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError,
                     "expected str for argument 'event', not %.200s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    if (__atomic_load_n(&audit_hooks, __ATOMIC_ACQUIRE) == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *event_args = PyTuple_FromArray(args + 1, nargs - 1);
    if (event_args == NULL) {
        return NULL;
    }
    int status = run_audit_hooks(args[0], event_args);
    Py_DECREF(event_args);
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

int PySys_AuditTuple(const char *event, PyObject *args)
{
    if (__atomic_load_n(&audit_hooks, __ATOMIC_ACQUIRE) == NULL) {
        return 0;
    }
    PyObject *name = PyUnicode_FromString(event);
    if (name == NULL) {
        return -1;
    }
    PyObject *owned = args != NULL ? Py_NewRef(args) : PyTuple_New(0);
    int status = owned == NULL ? -1 : run_audit_hooks(name, owned);
    Py_XDECREF(owned);
    Py_DECREF(name);
    return status;
}

int PySys_Audit(const char *event, const char *format, ...)
{
    if (__atomic_load_n(&audit_hooks, __ATOMIC_ACQUIRE) == NULL) {
        return 0;
    }
    PyObject *args;
    if (format == NULL || *format == '\0') {
        args = PyTuple_New(0);
    }
    else {
        va_list va;
        va_start(va, format);
        args = Py_VaBuildValue(format, va);
        va_end(va);
        if (args != NULL && !PyTuple_Check(args)) {
            Py_SETREF(args, PyTuple_Pack(1, args));
        }
    }
    if (args == NULL) {
        return -1;
    }
    int status = PySys_AuditTuple(event, args);
    Py_DECREF(args);
    return status;
}

/* Adding a hook is itself audited ("sys.addaudithook"); a hook that
   raises RuntimeError there vetoes the addition silently, any other
   exception propagates, as CPython documents. */
static PyObject *sys_addaudithook(PyObject *Py_UNUSED(module), PyObject *hook)
{
    PyObject *none = PyTuple_New(0);
    if (none == NULL) {
        return NULL;
    }
    PyObject *event = PyUnicode_FromString("sys.addaudithook");
    int status = event ? run_audit_hooks(event, none) : -1;
    Py_XDECREF(event);
    Py_DECREF(none);
    if (status < 0) {
        if (PyErr_ExceptionMatches(PyExc_RuntimeError)) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        return NULL;
    }
    int rc = 0;
    PyMutex_Lock(&audit_hooks_mutex);
    if (audit_hooks == NULL) {
        PyObject *list = PyList_New(0);
        if (list == NULL) {
            rc = -1;
        }
        else {
            __atomic_store_n(&audit_hooks, list, __ATOMIC_RELEASE);
        }
    }
    if (rc == 0) {
        rc = PyList_Append(audit_hooks, hook);
    }
    PyMutex_Unlock(&audit_hooks_mutex);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *sys_is_gil_enabled(PyObject *module,
                                    PyObject *Py_UNUSED(ignored))
{
    (void)module;
#ifdef Py_GIL_DISABLED
    if (_PyEval_IsGILEnabled != NULL) {
        return PyBool_FromLong(_PyEval_IsGILEnabled(_PyThreadState_GET()));
    }
    Py_RETURN_FALSE;
#else
    Py_RETURN_TRUE;
#endif
}

static PyObject *sys_get_int_max_str_digits(PyObject *module,
                                            PyObject *Py_UNUSED(ignored))
{
    (void)module;
    return PyLong_FromLong(_Py_GetIntMaxStrDigits());
}

static PyObject *sys_set_int_max_str_digits(PyObject *module,
                                            PyObject *const *args,
                                            Py_ssize_t nargs, PyObject *kwnames)
{
    (void)module;
    static char *keywords[] = {"maxdigits", NULL};
    int maxdigits;
    if (!_PyArg_ParseStackAndKeywords(args, nargs, kwnames,
                                      "i:set_int_max_str_digits", keywords,
                                      &maxdigits)) {
        return NULL;
    }
    if (_Py_SetIntMaxStrDigits(maxdigits) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *sys_getdefaultencoding(PyObject *module,
                                        PyObject *Py_UNUSED(ignored))
{
    (void)module;
    return PyUnicode_FromString("utf-8");
}

static PyObject *sys_getfilesystemencoding(PyObject *module,
                                           PyObject *Py_UNUSED(ignored))
{
    (void)module;
    return PyUnicode_FromString("utf-8");
}

static PyObject *sys_getfilesystemencodeerrors(PyObject *module,
                                               PyObject *Py_UNUSED(ignored))
{
    (void)module;
    return PyUnicode_FromString("surrogateescape");
}

static PyMethodDef sys_methods[] = {
    {"exc_info", sys_exc_info, METH_NOARGS,
     "exc_info($module, /)\n--\n\nReturn current exception information: "
     "(type, value, traceback)."},
    {"exception", sys_exception, METH_NOARGS,
     "exception($module, /)\n--\n\nReturn the current exception."},
    {"exit", _PyCFunction_CAST(sys_exit), METH_FASTCALL,
     "exit($module, status=None, /)\n--\n\nExit the interpreter by raising "
     "SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS,
     "getrecursionlimit($module, /)\n--\n\nReturn the current value of the "
     "recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, METH_O,
     "setrecursionlimit($module, limit, /)\n--\n\nSet the maximum depth of "
     "the Python interpreter stack to n."},
    {"intern", sys_intern, METH_O,
     "intern($module, string, /)\n--\n\n``Intern'' the given string."},
    {"_is_interned", sys_is_interned, METH_O,
     "_is_interned($module, string, /)\n--\n\nReturn True if the given "
     "string is \"interned\"."},
    {"getrefcount", sys_getrefcount, METH_O,
     "getrefcount($module, object, /)\n--\n\nReturn the reference count of "
     "object."},
    {"getsizeof", _PyCFunction_CAST(sys_getsizeof), METH_FASTCALL | METH_KEYWORDS,
     "getsizeof(object [, default]) -> int"},
    {"_getframe", _PyCFunction_CAST(sys_getframe), METH_FASTCALL,
     "_getframe($module, depth=0, /)\n--\n\nReturn a frame object from the "
     "call stack."},
    {"displayhook", sys_displayhook, METH_O,
     "displayhook($module, object, /)\n--\n\nPrint an object to sys.stdout "
     "and also save it in builtins._"},
    {"excepthook", _PyCFunction_CAST(sys_excepthook), METH_FASTCALL,
     "excepthook($module, exctype, value, traceback, /)\n--\n\nHandle an "
     "exception by displaying it with a traceback on sys.stderr."},
    {"breakpointhook", _PyCFunction_CAST(sys_breakpointhook),   /* dbg: */
     METH_FASTCALL | METH_KEYWORDS,
     "breakpointhook($module, /, *args, **kws)\n--\n\nThis hook function is "
     "called by built-in breakpoint()."},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, METH_NOARGS,
     "get_asyncgen_hooks($module, /)\n--\n\nReturn the installed "
     "asynchronous generators hooks.\n\nThis returns a namedtuple of the "
     "form (firstiter, finalizer)."},
    {"set_asyncgen_hooks", _PyCFunction_CAST(sys_set_asyncgen_hooks),
     METH_VARARGS | METH_KEYWORDS,
     "set_asyncgen_hooks([firstiter] [, finalizer])\n\nSet a finalizer "
     "for async generators objects."},
    {"set_coroutine_origin_tracking_depth",
     _PyCFunction_CAST(sys_set_coroutine_origin_tracking_depth),
     METH_VARARGS | METH_KEYWORDS,
     "set_coroutine_origin_tracking_depth($module, /, depth)\n--\n\nEnable "
     "or disable origin tracking for coroutine objects in this thread.\n\n"
     "Coroutine objects will track 'depth' frames of traceback information\n"
     "about where they came from, available in their cr_origin attribute.\n\n"
     "Set a depth of 0 to disable."},
    {"get_coroutine_origin_tracking_depth",
     sys_get_coroutine_origin_tracking_depth, METH_NOARGS,
     "get_coroutine_origin_tracking_depth($module, /)\n--\n\nCheck status "
     "of origin tracking for coroutine objects in this thread."},
    {"_current_frames", sys_current_frames, METH_NOARGS,
     "_current_frames($module, /)\n--\n\nReturn a dict mapping each "
     "thread's thread id to its current stack frame.\n\nThis function "
     "should be used for specialized purposes only."},
    {"_current_exceptions", sys_current_exceptions, METH_NOARGS,
     "_current_exceptions($module, /)\n--\n\nReturn a dict mapping each "
     "thread's identifier to its current raised exception.\n\nThis "
     "function should be used for specialized purposes only."},
    {"_clear_type_cache", sys_clear_type_cache, METH_NOARGS,
     "_clear_type_cache($module, /)\n--\n\nClear the internal type lookup "
     "cache."},
    {"getallocatedblocks", sys_getallocatedblocks, METH_NOARGS,
     "getallocatedblocks($module, /)\n--\n\nReturn the number of memory "
     "blocks currently allocated."},
    {"setdlopenflags", sys_setdlopenflags, METH_O,
     "setdlopenflags($module, flags, /)\n--\n\nSet the flags used by the "
     "interpreter for dlopen calls."},
    {"getdlopenflags", sys_getdlopenflags, METH_NOARGS,
     "getdlopenflags($module, /)\n--\n\nReturn the current value of the "
     "flags that are used for dlopen calls."},
    {"setswitchinterval", sys_setswitchinterval, METH_O,
     "setswitchinterval($module, interval, /)\n--\n\nSet the ideal thread "
     "switching delay inside the Python interpreter.\n\nThe actual frequency "
     "of switching threads can be lower if the\ninterpreter executes long "
     "sequences of uninterruptible code\n(this is implementation-specific "
     "and workload-dependent).\n\nThe parameter must represent the desired "
     "switching delay in seconds\nA typical value is 0.005 (5 milliseconds)."},
    {"getswitchinterval", sys_getswitchinterval, METH_NOARGS,
     "getswitchinterval($module, /)\n--\n\nReturn the current thread "
     "switch interval; see sys.setswitchinterval()."},
    {"is_finalizing", sys_is_finalizing, METH_NOARGS,
     "is_finalizing($module, /)\n--\n\nReturn True if Python is exiting."},
    {"audit", _PyCFunction_CAST(sys_audit), METH_FASTCALL,
     "audit($module, event, /, *args)\n--\n\nPasses the event to any audit "
     "hooks that are attached."},
    {"addaudithook", sys_addaudithook, METH_O,
     "addaudithook($module, hook, /)\n--\n\nAdds a new audit hook callback."},
    {"_is_gil_enabled", sys_is_gil_enabled, METH_NOARGS,
     "_is_gil_enabled($module, /)\n--\n\nReturn True if the GIL is currently "
     "enabled and False otherwise."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS,
     "get_int_max_str_digits($module, /)\n--\n\nReturn the maximum string "
     "digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", _PyCFunction_CAST(sys_set_int_max_str_digits),
     METH_FASTCALL | METH_KEYWORDS,
     "set_int_max_str_digits($module, /, maxdigits)\n--\n\nSet the maximum "
     "string digits limit for non-binary int<->str conversions."},
    {"getdefaultencoding", sys_getdefaultencoding, METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_getfilesystemencoding, METH_NOARGS, NULL},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, METH_NOARGS,
     NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- struct sequences: version_info, flags, float_info, int_info,
   hash_info, thread_info.  Real struct sequence types (os engineer,
   Include/structseq.h): version_info and flags are readied early by the
   static type table; _PySys_InitHook finishes all of them. */

static PyStructSequence_Field version_info_fields[] = {
    {"major", "Major release number"},
    {"minor", "Minor release number"},
    {"micro", "Patch release number"},
    {"releaselevel", "'alpha', 'beta', 'candidate', or 'final'"},
    {"serial", "Serial release number"},
    {NULL, NULL},
};

static PyStructSequence_Desc version_info_desc = {
    "sys.version_info", "sys.version_info\n\nVersion information as a "
    "named tuple.", version_info_fields, 5,
};

static PyStructSequence_Field flags_fields[] = {
    {"debug", "-d"}, {"inspect", "-i"}, {"interactive", "-i"},
    {"optimize", "-O or -OO"}, {"dont_write_bytecode", "-B"},
    {"no_user_site", "-s"}, {"no_site", "-S"}, {"ignore_environment", "-E"},
    {"verbose", "-v"}, {"bytes_warning", "-b"}, {"quiet", "-q"},
    {"hash_randomization", "-R"}, {"isolated", "-I"},
    {"dev_mode", "-X dev"}, {"utf8_mode", "-X utf8"},
    {"warn_default_encoding", "-X warn_default_encoding"},
    {"safe_path", "-P"}, {"int_max_str_digits", "-X int_max_str_digits"},
    {"gil", "-X gil"}, {"thread_inherit_context", "-X thread_inherit_context"},
    {"context_aware_warnings", "-X context_aware_warnings"},
    {NULL, NULL},
};

static PyStructSequence_Desc flags_desc = {
    "sys.flags", "sys.flags\n\nFlags provided through command line "
    "arguments or environment vars.", flags_fields, 21,
};

static PyStructSequence_Field float_info_fields[] = {
    {"max", "DBL_MAX -- maximum representable finite float"},
    {"max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) "
     "is representable"},
    {"max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e "
     "is representable"},
    {"min", "DBL_MIN -- Minimum positive normalized float"},
    {"min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) "
     "is a normalized float"},
    {"min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is "
     "a normalized float"},
    {"dig", "DBL_DIG -- maximum number of decimal digits that can be "
     "faithfully represented in a float"},
    {"mant_dig", "DBL_MANT_DIG -- mantissa digits"},
    {"epsilon", "DBL_EPSILON -- Difference between 1 and the next "
     "representable float"},
    {"radix", "FLT_RADIX -- radix of exponent"},
    {"rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"},
    {NULL, NULL},
};

static PyStructSequence_Desc float_info_desc = {
    "sys.float_info", "sys.float_info\n\nA named tuple holding "
    "information about the float type.", float_info_fields, 11,
};

static PyStructSequence_Field int_info_fields[] = {
    {"bits_per_digit", "size of a digit in bits"},
    {"sizeof_digit", "size in bytes of the C type used to represent a digit"},
    {"default_max_str_digits", "maximum string conversion digits limitation"},
    {"str_digits_check_threshold", "minimum positive value for "
     "int_max_str_digits"},
    {NULL, NULL},
};

static PyStructSequence_Desc int_info_desc = {
    "sys.int_info", "sys.int_info\n\nA named tuple that holds "
    "information about Python's\ninternal representation of integers.",
    int_info_fields, 4,
};

static PyStructSequence_Field hash_info_fields[] = {
    {"width", "width of the type used for hashing, in bits"},
    {"modulus", "prime number giving the modulus on which the hash "
     "function is based"},
    {"inf", "value to be used for hash of a positive infinity"},
    {"nan", "value to be used for hash of a nan"},
    {"imag", "multiplier used for the imaginary part of a complex number"},
    {"algorithm", "name of the algorithm for hashing of str, bytes and "
     "memoryviews"},
    {"hash_bits", "internal output size of hash algorithm"},
    {"seed_bits", "seed size of hash algorithm"},
    {"cutoff", "small string optimization cutoff"},
    {NULL, NULL},
};

static PyStructSequence_Desc hash_info_desc = {
    "sys.hash_info", "hash_info\n\nA named tuple providing parameters "
    "used for computing\nhashes. The attributes are read only.",
    hash_info_fields, 9,
};

static PyStructSequence_Field thread_info_fields[] = {
    {"name", "name of the thread implementation"},
    {"lock", "name of the lock implementation"},
    {"version", "name and version of the thread library"},
    {NULL, NULL},
};

static PyStructSequence_Desc thread_info_desc = {
    "sys.thread_info", "sys.thread_info\n\nA named tuple holding "
    "information about the thread implementation.", thread_info_fields, 3,
};

PyTypeObject _PySys_VersionInfoType = {
    _PyStructSequence_STATIC_TYPE("sys.version_info", NULL)
};

PyTypeObject _PySys_FlagsType = {
    _PyStructSequence_STATIC_TYPE("sys.flags", NULL)
};

static PyTypeObject FloatInfoType = {
    _PyStructSequence_STATIC_TYPE("sys.float_info", NULL)
};

static PyTypeObject IntInfoType = {
    _PyStructSequence_STATIC_TYPE("sys.int_info", NULL)
};

static PyTypeObject HashInfoType = {
    _PyStructSequence_STATIC_TYPE("sys.hash_info", NULL)
};

static PyTypeObject ThreadInfoType = {
    _PyStructSequence_STATIC_TYPE("sys.thread_info", NULL)
};

static int finish_struct_sequences(void)
{
    struct { PyTypeObject *type; PyStructSequence_Desc *desc; } all[] = {
        {&_PySys_VersionInfoType, &version_info_desc},
        {&_PySys_FlagsType, &flags_desc},
        {&FloatInfoType, &float_info_desc},
        {&IntInfoType, &int_info_desc},
        {&HashInfoType, &hash_info_desc},
        {&ThreadInfoType, &thread_info_desc},
        {&AsyncGenHooksType, &asyncgen_hooks_desc},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(all); i++) {
        all[i].type->tp_doc = all[i].desc->doc;
        if (_PyStructSequence_FinishBuiltin(all[i].type, all[i].desc) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A new instance of a named tuple type holding the values of `items`. */
static PyObject *make_named(PyTypeObject *type, PyObject *items)
{
    if (items == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    PyObject *result = type->tp_alloc(type, n);
    if (result != NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(items, i)));
        }
    }
    Py_DECREF(items);
    return result;
}

static PyObject *make_float_info(void)
{
    return make_named(&FloatInfoType, Py_BuildValue(
        "(diidiiiidii)",
        DBL_MAX, DBL_MAX_EXP, DBL_MAX_10_EXP, DBL_MIN, DBL_MIN_EXP,
        DBL_MIN_10_EXP, DBL_DIG, DBL_MANT_DIG, DBL_EPSILON, FLT_RADIX,
        FLT_ROUNDS));
}

static PyObject *make_int_info(void)
{
    _PyLongIntInfo info = _PyLong_GetIntInfo();
    return make_named(&IntInfoType, Py_BuildValue(
        "(iiii)", info.bits_per_digit, info.sizeof_digit,
        info.default_max_str_digits, info.str_digits_check_threshold));
}

static PyObject *make_hash_info(void)
{
    PyHash_FuncDef *def = PyHash_GetFuncDef();
    return make_named(&HashInfoType, Py_BuildValue(
        "(inllksiii)", (int)(8 * sizeof(Py_hash_t)),
        (Py_ssize_t)PyHASH_MODULUS, (long)PyHASH_INF, 0L,
        (unsigned long)PyHASH_IMAG, def->name, def->hash_bits,
        def->seed_bits, 0));
}

static PyObject *make_thread_info(void)
{
    char version[128];
    size_t len = confstr(_CS_GNU_LIBPTHREAD_VERSION, version, sizeof(version));
    PyObject *v = len > 0 && len <= sizeof(version)
                  ? PyUnicode_FromString(version) : Py_NewRef(Py_None);
    if (v == NULL) {
        return NULL;
    }
    return make_named(&ThreadInfoType,
                      Py_BuildValue("(ssN)", "pthread", "mutex+cond", v));
}

static const char *release_level_name(int level)
{
    switch (level) {
    case 0xA: return "alpha";
    case 0xB: return "beta";
    case 0xC: return "candidate";
    default: return "final";
    }
}

PyObject *_PySys_GilFlag(int enable_gil)
{
#ifdef Py_GIL_DISABLED
    if (enable_gil < 0) {
        return Py_NewRef(Py_None);
    }
    return PyLong_FromLong(enable_gil);
#else
    (void)enable_gil;
    return PyLong_FromLong(1);
#endif
}

static PyObject *make_flags(void)
{
    /* -X gil / PYTHON_GIL as the start-up configuration resolved them;
       Python/initconfig.c refreshes all of sys.flags once sys exists. */
    PyObject *gil = _PySys_GilFlag(_Py_GetConfig()->enable_gil);
    PyObject *items = Py_BuildValue(
        "(iiiiiiiiiiiiiOiiiiNOO)",
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, Py_False, 0, 0, 0,
        _Py_GetIntMaxStrDigits(), gil,
#ifdef Py_GIL_DISABLED
        Py_True, Py_True
#else
        Py_False, Py_False
#endif
        );
    return make_named(&_PySys_FlagsType, items);
}

static PyObject *make_implementation(void)
{
    /* A sys.version_info-shaped value, as PEP 421 asks. */
    PyObject *version = make_named(&_PySys_VersionInfoType,
                                   Py_BuildValue("(iiisi)", 0, 1, 0,
                                                 "alpha", 0));
    if (version == NULL) {
        return NULL;
    }
    PyObject *ns_dict = Py_BuildValue(
        "{sssssNsksss" "O}",
        "name", "weft",
        "cache_tag", "weft-315",
        "version", version,
        "hexversion", (unsigned long)WEFT_HEXVERSION,
        "_multiarch", "x86_64-linux-gnu",
        "supports_isolated_interpreters", Py_False);
    if (ns_dict == NULL) {
        return NULL;
    }
    PyObject *ns = _PyNamespace_New(ns_dict);
    Py_DECREF(ns_dict);
    return ns;
}

/* sys.abi_info (3.15): what distinguishes builds that can coexist on one
   machine. */
static PyObject *make_abi_info(const char *byteorder)
{
    PyObject *ns_dict = Py_BuildValue(
        "{sisOsOss}",
        "pointer_bits", (int)(8 * sizeof(void *)),
#ifdef Py_GIL_DISABLED
        "free_threaded", Py_True,
#else
        "free_threaded", Py_False,
#endif
#ifdef Py_DEBUG
        "debug", Py_True,
#else
        "debug", Py_False,
#endif
        "byteorder", byteorder);
    if (ns_dict == NULL) {
        return NULL;
    }
    PyObject *ns = _PyNamespace_New(ns_dict);
    Py_DECREF(ns_dict);
    return ns;
}

/* ---- the module ------------------------------------------------------ */

static struct PyModuleDef sysmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sys",
    .m_doc = "This module provides access to some objects used or maintained "
             "by the\ninterpreter and to functions that interact strongly "
             "with the interpreter.",
    .m_size = -1,
    .m_methods = sys_methods,
};

static int set_new(PyObject *dict, const char *name, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(dict, name, value);
    Py_DECREF(value);
    return rc;
}

static PyObject *make_version_string(void)
{
    return PyUnicode_FromFormat("%s (weft %s, %s, %s) [GCC %s]", PY_VERSION,
                                WEFT_VERSION, __DATE__, __TIME__, __VERSION__);
}

static int add_streams(PyObject *dict)
{
    static const struct {
        const char *name, *dunder, *label, *errors;
        int fd, readable;
    } streams[] = {
        {"stdin", "__stdin__", "<stdin>", "strict", 0, 1},
        {"stdout", "__stdout__", "<stdout>", "strict", 1, 0},
        {"stderr", "__stderr__", "<stderr>", "backslashreplace", 2, 0},
    };
    for (size_t i = 0; i < 3; i++) {
        PyObject *stream = _PyStdio_NewStream(streams[i].fd, streams[i].readable,
                                              streams[i].label,
                                              streams[i].errors);
        if (stream == NULL
                || PyDict_SetItemString(dict, streams[i].name, stream) < 0
                || PyDict_SetItemString(dict, streams[i].dunder, stream) < 0) {
            Py_XDECREF(stream);
            return -1;
        }
        Py_DECREF(stream);
    }
    return 0;
}

#include "stdlib_module_names.h"

/* sys.stdlib_module_names: a frozenset of str. */
static PyObject *make_stdlib_module_names(void)
{
    PyObject *names = PyFrozenSet_New(NULL);
    for (size_t i = 0; names != NULL && i < Py_ARRAY_LENGTH(stdlib_module_names); i++) {
        PyObject *name = PyUnicode_InternFromString(stdlib_module_names[i]);
        if (name == NULL || PySet_Add(names, name) < 0) {
            Py_CLEAR(names);
        }
        Py_XDECREF(name);
    }
    return names;
}

/* sys.unraisablehook is defined next to the code that calls it. */
static int add_unraisable_hook(PyObject *dict)
{
    if (_PyErr_InitUnraisableHookArgsType() < 0) {
        return -1;
    }
    PyObject *name = PyUnicode_FromString("sys");
    PyObject *hook = name ? PyCFunction_NewEx(&_PyErr_UnraisableHookDef,
                                              NULL, name) : NULL;
    Py_XDECREF(name);
    return set_new(dict, "unraisablehook", hook);
}

static int add_hooks(PyObject *dict)
{
    static const char *const hooks[] = {"displayhook", "excepthook",
                                        "breakpointhook",  /* dbg: */
                                        "unraisablehook"};
    if (add_unraisable_hook(dict) < 0) {
        return -1;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(hooks); i++) {
        PyObject *hook = PyDict_GetItemString(dict, hooks[i]);
        char dunder[32];
        snprintf(dunder, sizeof(dunder), "__%s__", hooks[i]);
        if (hook == NULL || PyDict_SetItemString(dict, dunder, hook) < 0) {
            return -1;
        }
    }
    return 0;
}

/* sys.path before the script's directory is put in front of it:
   PYTHONPATH's entries (':'-separated, empty ones skipped), then the
   standard library directory the build recorded (Python/import.c). */
static PyObject *make_path(void)
{
    PyObject *path = PyList_New(0);
    const char *env = getenv("PYTHONPATH");
    while (path != NULL && env != NULL && *env != '\0') {
        const char *colon = strchr(env, ':');
        size_t len = colon ? (size_t)(colon - env) : strlen(env);
        if (len > 0) {
            PyObject *entry = PyUnicode_DecodeFSDefaultAndSize(
                env, (Py_ssize_t)len);
            if (entry == NULL || PyList_Append(path, entry) < 0) {
                Py_CLEAR(path);
            }
            Py_XDECREF(entry);
        }
        env = colon ? colon + 1 : NULL;
    }
    const char *stdlib = _PyImport_StdlibDir();
    if (path != NULL && stdlib != NULL) {
        PyObject *entry = PyUnicode_DecodeFSDefault(stdlib);
        if (entry == NULL || PyList_Append(path, entry) < 0) {
            Py_CLEAR(path);
        }
        Py_XDECREF(entry);
    }
    return path;
}

static int add_values(PyObject *dict)
{
    const _PyPathConfig *paths = _PyPathConfig_Get();
    const char *byteorder =
        __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big";
    if (finish_struct_sequences() < 0   /* os engineer: struct sequences */
        || set_new(dict, "float_info", make_float_info()) < 0
        || set_new(dict, "int_info", make_int_info()) < 0
        || set_new(dict, "hash_info", make_hash_info()) < 0
        || set_new(dict, "thread_info", make_thread_info()) < 0) {
        return -1;
    }
    if (set_new(dict, "version", make_version_string()) < 0
        || set_new(dict, "version_info",
                   make_named(&_PySys_VersionInfoType,
                              Py_BuildValue("(iiisi)", PY_MAJOR_VERSION,
                                            PY_MINOR_VERSION, PY_MICRO_VERSION,
                                            release_level_name(PY_RELEASE_LEVEL),
                                            PY_RELEASE_SERIAL))) < 0
        || set_new(dict, "hexversion", PyLong_FromLong(PY_VERSION_HEX)) < 0
        || set_new(dict, "api_version", PyLong_FromLong(PYTHON_API_VERSION)) < 0
        || set_new(dict, "implementation", make_implementation()) < 0
        || set_new(dict, "flags", make_flags()) < 0
        || set_new(dict, "maxsize", PyLong_FromSsize_t(PY_SSIZE_T_MAX)) < 0
        || set_new(dict, "maxunicode", PyLong_FromLong(0x10FFFF)) < 0
        || set_new(dict, "byteorder", PyUnicode_FromString(byteorder)) < 0
        || set_new(dict, "abi_info", make_abi_info(byteorder)) < 0
        || set_new(dict, "platform", PyUnicode_FromString("linux")) < 0
        || set_new(dict, "abiflags", PyUnicode_FromString(
#ifdef Py_GIL_DISABLED
                                         "t"
#else
                                         ""
#endif
                                         )) < 0
        /* (implementation, tag, revision): the build records no
           version-control information, so the last two are empty. */
        || set_new(dict, "_git", Py_BuildValue("(sss)", "Weft", "", "")) < 0
        /* The macOS framework name; empty: Weft builds no framework. */
        || set_new(dict, "_framework", PyUnicode_FromString("")) < 0
        || set_new(dict, "copyright", PyUnicode_FromString(
               "Copyright (c) the Weft authors.\nAll Rights Reserved.")) < 0
        || set_new(dict, "argv", Py_BuildValue("[s]", "")) < 0
        || set_new(dict, "orig_argv", PyList_New(0)) < 0
        || set_new(dict, "path", make_path()) < 0
        || set_new(dict, "meta_path", PyList_New(0)) < 0
        || set_new(dict, "path_hooks", PyList_New(0)) < 0
        || set_new(dict, "path_importer_cache", PyDict_New()) < 0
        || set_new(dict, "warnoptions", PyList_New(0)) < 0
        || set_new(dict, "_xoptions", PyDict_New()) < 0
        || set_new(dict, "builtin_module_names",
                   _PyImport_BuiltinModuleNames()) < 0
        || set_new(dict, "stdlib_module_names", make_stdlib_module_names()) < 0
        || set_new(dict, "platlibdir", PyUnicode_FromString("lib")) < 0
        || set_new(dict, "_stdlib_dir",
                   PyUnicode_DecodeFSDefault(_PyImport_StdlibDir())) < 0
        || set_new(dict, "dont_write_bytecode", Py_NewRef(Py_False)) < 0
        || set_new(dict, "executable", PyUnicode_FromString("")) < 0
        || set_new(dict, "prefix", PyUnicode_DecodeFSDefault(paths->prefix)) < 0
        || set_new(dict, "exec_prefix",
                   PyUnicode_DecodeFSDefault(paths->exec_prefix)) < 0
        || set_new(dict, "base_prefix", PyUnicode_DecodeFSDefault(paths->prefix)) < 0
        || set_new(dict, "base_exec_prefix",
                   PyUnicode_DecodeFSDefault(paths->exec_prefix)) < 0
        || set_new(dict, "float_repr_style", PyUnicode_FromString("short")) < 0) {
        return -1;
    }
    return 0;
}

/* Init hook (Python/pylifecycle.c): create sys, after builtins.  Runs
   single-threaded at start-up. */
int _PySys_InitHook(PyInterpreterState *interp)
{
    PyObject *mod = PyModule_Create(&sysmodule);
    if (mod == NULL) {
        return -1;
    }
    /* lead: PEP 810 switches (Python/import_lazy.c) */
    if (PyModule_AddFunctions(mod, _PyImport_LazySysMethods) < 0) {
        Py_DECREF(mod);
        return -1;
    }
    PyObject *dict = PyModule_GetDict(mod);
    if (interp->modules == NULL) {
        interp->modules = PyDict_New();
        if (interp->modules == NULL) {
            Py_DECREF(mod);
            return -1;
        }
    }
    Py_XSETREF(interp->sysdict, Py_NewRef(dict));
    if (PyDict_SetItemString(dict, "modules", interp->modules) < 0
            || add_values(dict) < 0 || add_hooks(dict) < 0
            || _PySys_AddTracingFunctions(mod) < 0   /* settrace & co. */
            || PyDict_SetItemString(interp->modules, "sys", mod) < 0) {
        Py_DECREF(mod);
        return -1;
    }
    Py_DECREF(mod);
    return 0;
}

/* sys.stdin, sys.stdout, sys.stderr and their __dunder__ copies.  A
   start-up hook of its own that runs after the import system's: the
   PYTHONIOENCODING codec may live in the encodings package. */
int _PySys_InitStdioHook(PyInterpreterState *interp)
{
    if (interp->sysdict == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "sys module not initialized");
        return -1;
    }
    return add_streams(interp->sysdict);
}

/* Set sys.argv (and sys.orig_argv, sys.executable, sys.path[0]) from the
   command line: argv[0] is what the script sees as sys.argv[0]. */
int _PySys_SetArgv(int argc, char **argv, const char *executable,
                   const char *path0, char **orig, int norig)
{
    PyObject *list = PyList_New(argc > 0 ? argc : 1);
    if (list == NULL) {
        return -1;
    }
    if (argc == 0) {
        PyList_SET_ITEM(list, 0, PyUnicode_FromString(""));
    }
    for (int i = 0; i < argc; i++) {
        PyObject *arg = PyUnicode_DecodeFSDefault(argv[i]);
        if (arg == NULL) {
            Py_DECREF(list);
            return -1;
        }
        PyList_SET_ITEM(list, i, arg);
    }
    PyObject *orig_list = PyList_New(norig);
    for (int i = 0; orig_list != NULL && i < norig; i++) {
        PyObject *arg = PyUnicode_DecodeFSDefault(orig[i]);
        if (arg == NULL) {
            Py_CLEAR(orig_list);
            break;
        }
        PyList_SET_ITEM(orig_list, i, arg);
    }
    if (orig_list == NULL || PySys_SetObject("argv", list) < 0
            || PySys_SetObject("orig_argv", orig_list) < 0) {
        Py_DECREF(list);
        Py_XDECREF(orig_list);
        return -1;
    }
    Py_DECREF(list);
    Py_DECREF(orig_list);
    PyObject *exe = PyUnicode_DecodeFSDefault(executable ? executable : "");
    if (exe == NULL || PySys_SetObject("executable", exe) < 0
            || PySys_SetObject("_base_executable", exe) < 0) {
        Py_XDECREF(exe);
        return -1;
    }
    Py_DECREF(exe);
    PyObject *path = PySys_GetObject("path");
    if (path != NULL && PyList_Check(path) && path0 != NULL) {
        PyObject *entry = PyUnicode_DecodeFSDefault(path0);
        if (entry == NULL || PyList_Insert(path, 0, entry) < 0) {
            Py_XDECREF(entry);
            return -1;
        }
        Py_DECREF(entry);
    }
    return 0;
}

/* capi (session 6): a new sys.float_info-like struct sequence, whatever
   the program has since bound to sys.float_info. */
PyObject *PyFloat_GetInfo(void)
{
    return make_float_info();
}
