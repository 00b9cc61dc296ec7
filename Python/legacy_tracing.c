/* sys.settrace and sys.setprofile: the classic per-thread trace and
   profile functions, delivered by the instrumented dispatch
   (Python/instrumentation.c decides which event is due; this file turns
   it into a call of the C-level Py_tracefunc, and for the Python-level
   functions, into a call of the Python callable).

   Events, as CPython 3.12+ derives them from sys.monitoring:
     trace:   call (start, resume, throw), line, return (return, yield,
              unwind with None), exception (raise), opcode;
     profile: call, return, c_call, c_return, c_exception.
   A trace function's 'call' result becomes the frame's local trace
   function (frame.f_trace); later events of that frame go to f_trace.
   A Python trace or profile function that raises is removed and its
   exception propagates.

   Thread safety: a thread's functions are read by that thread only.
   They are written by that thread (sys.settrace), or for every thread
   by PyEval_Set*AllThreads with the world stopped, so no thread runs
   Python while its pointers change.  The old objects are released after
   the world restarts. */
#include "Python.h"
#include "pycore_frame.h"
#include "pycore_instruments.h"
#include "pycore_object.h"
#include "pycore_pystate.h"

/* ---- delivering an event --------------------------------------------- */

int _PyLegacy_Deliver(PyThreadState *tstate, int is_trace,
                      _PyInterpreterFrame *frame, int what, PyObject *arg,
                      int line, int event)
{
    Py_tracefunc func = is_trace ? tstate->c_tracefunc : tstate->c_profilefunc;
    if (func == NULL) {
        return 0;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    /* The callback may replace or clear the function (settrace(None)):
       keep both it and the frame alive across the call. */
    PyObject *obj = Py_XNewRef(is_trace ? tstate->c_traceobj
                                        : tstate->c_profileobj);
    Py_INCREF(f);
    int saved_event = tstate->what_event;
    _PyInterpreterFrame *saved_frame = _PyInstrument_SetEventFrame(frame);
    tstate->what_event = event;
    tstate->tracing++;
    if (line > 0) {
        f->f_lineno = line;
    }
    int err = func(obj, f, what, arg);
    f->f_lineno = 0;
    tstate->tracing--;
    tstate->what_event = saved_event;
    _PyInstrument_SetEventFrame(saved_frame);
    Py_DECREF(f);
    Py_XDECREF(obj);
    return err ? -1 : 0;
}

/* ---- the Python-level trampolines ------------------------------------ */

static PyObject *event_name(int what)
{
    static const char *const names[] = {
        [PyTrace_CALL] = "call", [PyTrace_EXCEPTION] = "exception",
        [PyTrace_LINE] = "line", [PyTrace_RETURN] = "return",
        [PyTrace_C_CALL] = "c_call", [PyTrace_C_EXCEPTION] = "c_exception",
        [PyTrace_C_RETURN] = "c_return", [PyTrace_OPCODE] = "opcode",
    };
    return PyUnicode_InternFromString(names[what]);
}

/* callback(frame, event, arg): a new reference, or NULL. */
static PyObject *call_trampoline(PyObject *callback, PyFrameObject *frame,
                                 int what, PyObject *arg)
{
    PyObject *name = event_name(what);
    if (name == NULL) {
        return NULL;
    }
    PyObject *args[3] = {(PyObject *)frame, name, arg ? arg : Py_None};
    PyObject *result = PyObject_Vectorcall(callback, args, 3, NULL);
    Py_DECREF(name);
    return result;
}

static int profile_trampoline(PyObject *self, PyFrameObject *frame, int what,
                              PyObject *arg)
{
    PyObject *result = call_trampoline(self, frame, what, arg);
    if (result == NULL) {
        PyEval_SetProfile(NULL, NULL);
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* Swap frame.f_trace; the old value is returned (a reference). */
static PyObject *exchange_local_trace(PyFrameObject *frame, PyObject *value)
{
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(frame);
    old = frame->f_trace;
    frame->f_trace = value;
    Py_END_CRITICAL_SECTION();
    return old;
}

static int trace_trampoline(PyObject *self, PyFrameObject *frame, int what,
                            PyObject *arg)
{
    PyObject *callback;
    if (what == PyTrace_CALL) {
        callback = Py_NewRef(self);
    }
    else {
        Py_BEGIN_CRITICAL_SECTION(frame);
        callback = Py_XNewRef(frame->f_trace);
        Py_END_CRITICAL_SECTION();
        if (callback == NULL) {
            return 0;
        }
    }
    PyObject *result = call_trampoline(callback, frame, what, arg);
    Py_DECREF(callback);
    if (result == NULL) {
        PyEval_SetTrace(NULL, NULL);
        Py_XDECREF(exchange_local_trace(frame, NULL));
        return -1;
    }
    if (result != Py_None) {
        Py_XDECREF(exchange_local_trace(frame, result));
    }
    else {
        Py_DECREF(result);
    }
    return 0;
}

/* True when the trace function is sys.settrace's and `frame` has no local
   trace function: every non-call event would be dropped, so the
   instrumentation need not build a frame object for it. */
int _PyLegacy_TraceIgnoresFrame(PyThreadState *tstate,
                                _PyInterpreterFrame *frame)
{
    if (tstate->c_tracefunc != trace_trampoline) {
        return tstate->c_tracefunc == NULL;
    }
    PyFrameObject *f = frame->frame_obj;
    return f == NULL || f->f_trace == NULL;
}

/* ---- setting the functions ------------------------------------------- */

/* Install func/obj on `tstate`.  The caller holds the world stopped when
   tstate is not its own.  The previous object is returned (a reference)
   so that the caller releases it outside any stop. */
static PyObject *install(PyThreadState *tstate, int is_trace,
                         Py_tracefunc func, PyObject *obj)
{
    PyObject *old;
    if (is_trace) {
        old = tstate->c_traceobj;
        tstate->c_tracefunc = func;
        tstate->c_traceobj = func ? Py_XNewRef(obj) : NULL;
    }
    else {
        old = tstate->c_profileobj;
        tstate->c_profilefunc = func;
        tstate->c_profileobj = func ? Py_XNewRef(obj) : NULL;
    }
    _PyEval_UpdateInstrumentedBit(tstate);
    return old;
}

static void set_current(int is_trace, Py_tracefunc func, PyObject *obj)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *old = install(tstate, is_trace, func, obj);
    if (!_PyEval_InstrumentationActive(tstate)) {
        _PyInstrument_ClearLineCache(tstate);
    }
    Py_XDECREF(old);
}

/* Every thread of the interpreter, with the world stopped: no other
   thread runs while its fields change, and the list cannot change
   (threads_mutex is taken by thread creation, which a stopped world
   excludes). */
static void set_all(int is_trace, Py_tracefunc func, PyObject *obj)
{
    PyThreadState *self = _PyThreadState_GET();
    PyInterpreterState *interp = self->interp;
    PyObject *olds = PyList_New(0);
    _PyEval_StopTheWorld(interp);
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        PyObject *old = install(t, is_trace, func, obj);
        /* Released after the restart (a destructor may run code); the
           list keeps it alive until then.  Out of memory, it goes now. */
        if (old != NULL && olds != NULL && PyList_Append(olds, old) < 0) {
            Py_CLEAR(olds);
        }
        Py_XDECREF(old);
    }
    _PyEval_StartTheWorld(interp);
    if (olds == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(olds);
}

void PyEval_SetProfile(Py_tracefunc func, PyObject *obj)
{
    set_current(0, func, obj);
}

void PyEval_SetTrace(Py_tracefunc func, PyObject *obj)
{
    set_current(1, func, obj);
}

void PyEval_SetProfileAllThreads(Py_tracefunc func, PyObject *obj)
{
    set_all(0, func, obj);
}

void PyEval_SetTraceAllThreads(Py_tracefunc func, PyObject *obj)
{
    set_all(1, func, obj);
}

/* Thread-state clearing: drop the functions and the line-table cache.
   Called for a thread that no longer runs Python (its owner, or the
   finalizing thread), so nothing reads the fields concurrently. */
void _PyEval_ClearThreadTracing(PyThreadState *tstate)
{
    tstate->c_tracefunc = NULL;
    tstate->c_profilefunc = NULL;
    Py_CLEAR(tstate->c_traceobj);
    Py_CLEAR(tstate->c_profileobj);
    if (tstate == _PyThreadState_GET()) {
        _PyInstrument_ClearLineCache(tstate);
    }
    else {
        Py_CLEAR(tstate->_trace_line_cache);
    }
}

/* ---- the sys functions ------------------------------------------------ */

static PyObject *sys_settrace(PyObject *module, PyObject *func)
{
    PyEval_SetTrace(func == Py_None ? NULL : trace_trampoline,
                    func == Py_None ? NULL : func);
    Py_RETURN_NONE;
}

static PyObject *sys_gettrace(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = _PyThreadState_GET()->c_traceobj;
    return Py_NewRef(obj ? obj : Py_None);
}

static PyObject *sys_setprofile(PyObject *module, PyObject *func)
{
    PyEval_SetProfile(func == Py_None ? NULL : profile_trampoline,
                      func == Py_None ? NULL : func);
    Py_RETURN_NONE;
}

static PyObject *sys_getprofile(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = _PyThreadState_GET()->c_profileobj;
    return Py_NewRef(obj ? obj : Py_None);
}

static PyObject *sys_settraceallthreads(PyObject *module, PyObject *func)
{
    PyEval_SetTraceAllThreads(func == Py_None ? NULL : trace_trampoline,
                              func == Py_None ? NULL : func);
    Py_RETURN_NONE;
}

static PyObject *sys_setprofileallthreads(PyObject *module, PyObject *func)
{
    PyEval_SetProfileAllThreads(func == Py_None ? NULL : profile_trampoline,
                                func == Py_None ? NULL : func);
    Py_RETURN_NONE;
}

/* call_tracing(func, args): run func(*args) with tracing on even inside a
   trace function (the debugger's recursive debugging). */
static PyObject *sys_call_tracing(PyObject *module, PyObject *const *args,
                                  Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError,
                     "call_tracing expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (!PyTuple_Check(args[1])) {
        PyErr_Format(PyExc_TypeError,
                     "call_tracing() argument 2 must be tuple, not %.200s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    int saved_tracing = tstate->tracing;
    int saved_event = tstate->what_event;
    tstate->tracing = 0;
    PyObject *result = PyObject_Call(args[0], args[1], NULL);
    tstate->tracing = saved_tracing;
    tstate->what_event = saved_event;
    return result;
}

static PyMethodDef tracing_methods[] = {
    {"settrace", sys_settrace, METH_O,
     "settrace($module, function, /)\n--\n\nSet the global debug tracing "
     "function.\n\nIt will be called on each function call.  See the "
     "debugger chapter\nin the library manual."},
    {"gettrace", sys_gettrace, METH_NOARGS,
     "gettrace($module, /)\n--\n\nReturn the global debug tracing function "
     "set with sys.settrace."},
    {"setprofile", sys_setprofile, METH_O,
     "setprofile($module, function, /)\n--\n\nSet the profiling function.\n\n"
     "It will be called on each function call and return.  See the "
     "profiler\nchapter in the library manual."},
    {"getprofile", sys_getprofile, METH_NOARGS,
     "getprofile($module, /)\n--\n\nReturn the profiling function set with "
     "sys.setprofile."},
    {"_settraceallthreads", sys_settraceallthreads, METH_O,
     "_settraceallthreads($module, function, /)\n--\n\nSet the global debug "
     "tracing function in all running threads belonging to the current "
     "interpreter."},
    {"_setprofileallthreads", sys_setprofileallthreads, METH_O,
     "_setprofileallthreads($module, function, /)\n--\n\nSet the profiling "
     "function in all running threads belonging to the current "
     "interpreter."},
    {"call_tracing", _PyCFunction_CAST(sys_call_tracing), METH_FASTCALL,
     "call_tracing($module, func, args, /)\n--\n\nCall func(*args), while "
     "tracing is enabled.\n\nThe tracing state is saved, and restored "
     "afterwards.  This is intended\nto be called from a debugger from a "
     "checkpoint, to recursively debug\nsome other code."},
    {NULL, NULL, 0, NULL},
};

int _PySys_AddTracingFunctions(PyObject *sysmod)
{
    if (PyModule_AddFunctions(sysmod, tracing_methods) < 0) {
        return -1;
    }
    PyObject *monitoring = _PyMonitoring_CreateNamespace();
    if (monitoring == NULL) {
        return -1;
    }
    return PyModule_Add(sysmod, "monitoring", monitoring);
}
