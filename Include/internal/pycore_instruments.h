/* Instrumentation: sys.settrace / sys.setprofile (Python/legacy_tracing.c)
   and sys.monitoring, PEP 669 (Python/instrumentation.c).

   The VM has two dispatch tables.  The plain one runs instructions; the
   instrumented one sends every instruction through
   _PyEval_InstrumentInstruction first, which delivers the events due
   before it (call, line, opcode, return, yield).  A thread uses the
   instrumented table only while _PY_EVAL_INSTRUMENTED_BIT is set in its
   eval breaker, i.e. while it has a trace or profile function or any
   sys.monitoring event is on; otherwise nothing here runs
   (Doc/internals/tracing.md).

   Thread safety: trace and profile functions are per thread (owner
   writes, or writers stop the world).  The monitoring state is
   interpreter-wide, written under its mutex and read with atomics. */
#ifndef Py_INTERNAL_INSTRUMENTS_H
#define Py_INTERNAL_INSTRUMENTS_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_frame.h"

/* sys.monitoring event numbers (CPython 3.14's values). */
#define PY_MONITORING_EVENT_PY_START 0
#define PY_MONITORING_EVENT_PY_RESUME 1
#define PY_MONITORING_EVENT_PY_RETURN 2
#define PY_MONITORING_EVENT_PY_YIELD 3
#define PY_MONITORING_EVENT_CALL 4
#define PY_MONITORING_EVENT_LINE 5
#define PY_MONITORING_EVENT_INSTRUCTION 6
#define PY_MONITORING_EVENT_JUMP 7
#define PY_MONITORING_EVENT_BRANCH_LEFT 8
#define PY_MONITORING_EVENT_BRANCH_RIGHT 9
#define PY_MONITORING_EVENT_STOP_ITERATION 10
#define _PY_MONITORING_LOCAL_EVENTS 11
#define PY_MONITORING_EVENT_RAISE 11
#define PY_MONITORING_EVENT_EXCEPTION_HANDLED 12
#define PY_MONITORING_EVENT_PY_UNWIND 13
#define PY_MONITORING_EVENT_PY_THROW 14
#define PY_MONITORING_EVENT_RERAISE 15
#define PY_MONITORING_EVENT_C_RETURN 16
#define PY_MONITORING_EVENT_C_RAISE 17
#define PY_MONITORING_EVENT_BRANCH 18
#define _PY_MONITORING_EVENTS 19

/* Tool ids: 0-5 for sys.monitoring users; sys.setprofile and
   sys.settrace take the last two places in the calling order. */
#define PY_MONITORING_TOOL_IDS 6
#define PY_MONITORING_SYS_PROFILE_ID 6
#define PY_MONITORING_SYS_TRACE_ID 7

/* What _PyEval_InstrumentInstruction tells the dispatch loop. */
enum {
    _PY_INSTR_RUN = 0,          /* run the instruction at instr_ptr */
    _PY_INSTR_JUMPED = 1,       /* a callback moved instr_ptr: go there */
    _PY_INSTR_OFF = 2,          /* nothing is instrumented any more */
};

/* Release tstate's trace and profile functions and caches (for
   PyThreadState_Clear). */
PyAPI_FUNC(void) _PyEval_ClearThreadTracing(PyThreadState *tstate);
/* Frees sys.monitoring's per-code records at finalization. */
void _PyMonitoring_Fini(void);

/* Non-zero when `tstate` has a trace or profile function or any
   monitoring event is on (owner thread). */
int _PyEval_InstrumentationActive(PyThreadState *tstate);
/* Set or clear _PY_EVAL_INSTRUMENTED_BIT on `tstate` to match
   _PyEval_InstrumentationActive. */
void _PyEval_UpdateInstrumentedBit(PyThreadState *tstate);

/* Events due before the instruction at frame->instr_ptr.  `prev` is the
   instruction this frame ran last when the loop knows it, else NULL
   (then the one before instr_ptr is assumed).  stack_pointer is the
   frame's saved stack top (for return values).  Returns one of the
   _PY_INSTR_* values, or -1 with an exception set. */
int _PyEval_InstrumentInstruction(PyThreadState *tstate,
                                  _PyInterpreterFrame *frame,
                                  _Py_CODEUNIT *prev,
                                  PyObject **stack_pointer);
/* An exception (set) was raised in, or passed into, `frame`: the RAISE
   event / 'exception' trace event.  On failure the callback's exception
   replaces it.  0 or -1. */
int _PyEval_InstrumentRaise(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* An exception (set) is about to leave `frame` (PY_UNWIND / 'return'
   with None).  0 or -1. */
int _PyEval_InstrumentUnwind(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* An exception (set) is thrown into a suspended generator frame
   (PY_THROW / 'call').  0 or -1. */
int _PyEval_InstrumentThrow(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* A handler at `handler` caught the exception in `frame`
   (EXCEPTION_HANDLED); the exception is the one on the stack top. */
int _PyEval_InstrumentHandled(PyThreadState *tstate, _PyInterpreterFrame *frame,
                              PyObject *exc);
/* RERAISE / bare raise of the set exception. */
int _PyEval_InstrumentReraise(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* A call made by the CALL family from `frame` while instrumented: the
   CALL event, 'c_call' / 'c_return' / 'c_exception' around a C callable,
   C_RETURN / C_RAISE.  Same contract as PyObject_Vectorcall. */
PyObject *_PyEval_InstrumentedCall(PyThreadState *tstate,
                                   _PyInterpreterFrame *frame,
                                   PyObject *callable, PyObject *const *args,
                                   size_t nargsf, PyObject *kwnames);
/* The CALL event for a Python function the loop calls inline. */
int _PyEval_InstrumentPyCall(PyThreadState *tstate, _PyInterpreterFrame *frame,
                             PyObject *callable, PyObject *arg0);
/* The same for CALL_FUNCTION_EX: positional args tuple, kwargs or NULL. */
PyObject *_PyEval_InstrumentedCallEx(PyThreadState *tstate,
                                     _PyInterpreterFrame *frame,
                                     PyObject *callable, PyObject *callargs,
                                     PyObject *kwargs);

/* SEND while instrumented: like PyIter_Send, but a receiver other than a
   generator or coroutine is driven as CPython drives it (its iternext or
   send method) and a StopIteration it raises is a RAISE event. */
PySendResult _PyEval_InstrumentedSend(PyThreadState *tstate,
                                      _PyInterpreterFrame *frame,
                                      PyObject *receiver, PyObject *value,
                                      PyObject **result);

/* ---- per-code line data (Python/instrumentation.c) ---------------------- */

/* The source line of every code unit of `code` (-1: none), cached per
   thread while instrumentation is on; borrowed, valid until the thread's
   next instrumentation call.  NULL with MemoryError. */
const int *_PyInstrument_LineTable(PyThreadState *tstate, PyCodeObject *code);
/* Drop the thread's cache (when it stops being instrumented). */
void _PyInstrument_ClearLineCache(PyThreadState *tstate);

/* ---- the legacy hooks, called by instrumentation.c --------------------- */

/* True when no trace event but 'call' would reach a function for
   `frame` (sys.settrace's function and no frame.f_trace). */
int _PyLegacy_TraceIgnoresFrame(PyThreadState *tstate,
                                _PyInterpreterFrame *frame);

/* Deliver a PyTrace_* event to the profile (is_trace 0) or trace
   function of tstate; `line` > 0 sets frame.f_lineno for the call.
   `event` is the monitoring event behind it (for f_lineno's rules). */
int _PyLegacy_Deliver(PyThreadState *tstate, int is_trace,
                      _PyInterpreterFrame *frame, int what, PyObject *arg,
                      int line, int event);

/* ---- monitoring, called by the dispatcher ------------------------------ */

/* Events on for `code` (global and local), union over tools. */
uint32_t _PyMonitoring_CodeEvents(PyCodeObject *code);
/* Call the tools' callbacks for `event` at `offset` (code units) in
   `code`, with the extra arguments; handles DISABLE.  0 or -1. */
int _PyMonitoring_Fire(PyThreadState *tstate, _PyInterpreterFrame *frame,
                       int event, int offset, PyObject *const *extra,
                       Py_ssize_t nextra);
/* Any monitoring event on anywhere (atomic read). */
int _PyMonitoring_AnyActive(void);
/* Non-zero while any monitoring event is on (atomic; written under the
   monitoring mutex).  The loop reads it on entry so that a thread started
   after set_events is monitored too. */
extern int _PyMonitoring_Active;

/* sys.monitoring namespace, for sys (Python/sysmodule.c). */
PyObject *_PyMonitoring_CreateNamespace(void);
/* Add settrace & co. to the sys module. */
int _PySys_AddTracingFunctions(PyObject *sysmod);

/* The frame whose event is being delivered on this thread (innermost
   callback), or NULL. */
_PyInterpreterFrame *_PyInstrument_EventFrame(void);
/* Swap the event frame around a callback; returns the previous one. */
_PyInterpreterFrame *_PyInstrument_SetEventFrame(_PyInterpreterFrame *frame);

/* f_lineno's setter checks which event is being delivered. */
#define _PyInstrument_CurrentEvent(tstate) \
    ((tstate)->tracing > 0 ? (tstate)->what_event : -1)

#endif /* Py_INTERNAL_INSTRUMENTS_H */
