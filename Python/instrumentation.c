/* Instrumentation: which events are due at an instruction, and
   sys.monitoring (PEP 669).

   The dispatch loop runs instructions through
   _PyEval_InstrumentInstruction only while its thread is instrumented
   (pycore_instruments.h).  This file decides from the code object and
   the instruction the frame ran before which events are due, and hands
   each to the sys.monitoring tools (ids 0-5, in order), then to the
   profile function, then to the trace function (legacy_tracing.c) -
   CPython's order, where the two legacy hooks are tools 6 and 7.

   Line events follow CPython 3.12+: an instruction "starts a line" when
   its line differs from the previous instruction's in code order (RESUME
   and the END_* instructions are transparent), or when it is reached by
   a jump or an exception handler; a LINE event fires at a line start
   unless the instruction the frame ran just before is on the same line
   (a RESUME does not count).  sys.settrace also gets a 'line' event on a
   backward jump to the same line (a one-line loop).

   Thread safety: the line tables are cached per thread (owner only).
   The monitoring state below is shared: it is written under
   `monitoring.mutex`; `monitoring.active` is read with atomics and a
   firing thread takes the mutex to read a callback and its reference. */
#include "Python.h"
#include "pycore_ceval_helpers.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_instruments.h"
#include "pycore_object.h"
#include "pycore_opcode.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include "cpython/namespaceobject.h"

/* ---- per-thread line tables -------------------------------------------- */

/* One-entry memo in front of the thread's cache dict (borrowed from it;
   reset whenever the dict is cleared). */
static __thread PyCodeObject *memo_code;
static __thread const int *memo_lines;

static PyObject *decode_lines(PyCodeObject *code)
{
    Py_ssize_t n = Py_SIZE(code);
    PyObject *table = PyBytes_FromStringAndSize(NULL, (n + 1) * (Py_ssize_t)sizeof(int));
    if (table == NULL) {
        return NULL;
    }
    int *lines = (int *)PyBytes_AS_STRING(table);
    for (Py_ssize_t i = 0; i <= n; i++) {
        lines[i] = -1;
    }
    PyCodeAddressRange range;
    _PyCode_InitAddressRange(code, &range);
    while (_PyLineTable_NextAddressRange(&range)) {
        int start = range.ar_start / (int)sizeof(_Py_CODEUNIT);
        int end = range.ar_end / (int)sizeof(_Py_CODEUNIT);
        for (int i = start; i < end && i < n; i++) {
            lines[i] = range.ar_line;
        }
    }
    return table;
}

const int *_PyInstrument_LineTable(PyThreadState *tstate, PyCodeObject *code)
{
    if (code == memo_code) {
        return memo_lines;
    }
    if (tstate->_trace_line_cache == NULL) {
        tstate->_trace_line_cache = PyDict_New();
        if (tstate->_trace_line_cache == NULL) {
            return NULL;
        }
    }
    PyObject *table;
    int found = PyDict_GetItemRef(tstate->_trace_line_cache, (PyObject *)code,
                                  &table);
    if (found < 0) {
        return NULL;
    }
    if (!found) {
        table = decode_lines(code);
        if (table == NULL
                || PyDict_SetItem(tstate->_trace_line_cache, (PyObject *)code,
                                  table) < 0) {
            Py_XDECREF(table);
            return NULL;
        }
    }
    /* The dict keeps the table alive until the cache is cleared. */
    Py_DECREF(table);
    memo_code = code;
    memo_lines = (const int *)PyBytes_AS_STRING(table);
    return memo_lines;
}

void _PyInstrument_ClearLineCache(PyThreadState *tstate)
{
    memo_code = NULL;
    memo_lines = NULL;
    Py_CLEAR(tstate->_trace_line_cache);
}

/* ---- the frame being told about an event ---------------------------------- */

static __thread _PyInterpreterFrame *event_frame;

_PyInterpreterFrame *_PyInstrument_EventFrame(void)
{
    return event_frame;
}

_PyInterpreterFrame *_PyInstrument_SetEventFrame(_PyInterpreterFrame *frame)
{
    _PyInterpreterFrame *previous = event_frame;
    event_frame = frame;
    return previous;
}

/* ---- the instrumented flag --------------------------------------------- */

int _PyEval_InstrumentationActive(PyThreadState *tstate)
{
    return tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL
           || _PyMonitoring_AnyActive();
}

void _PyEval_UpdateInstrumentedBit(PyThreadState *tstate)
{
    if (_PyEval_InstrumentationActive(tstate)) {
        _PyThreadState_SetEvalBreakerBit(tstate, _PY_EVAL_INSTRUMENTED_BIT);
    }
    else {
        _PyThreadState_ClearEvalBreakerBit(tstate, _PY_EVAL_INSTRUMENTED_BIT);
    }
}

/* ---- where line events fall -------------------------------------------- */

/* The function-start RESUME: nothing before it is instrumented
   (_co_firsttraceable is the index after it). */
static int first_instrumented(PyCodeObject *code)
{
    return code->_co_firsttraceable > 0 ? code->_co_firsttraceable - 1 : 0;
}

/* Instructions that never start a line and are transparent to the
   line-start scan. */
static int is_line_transparent(int opcode)
{
    return opcode == RESUME || opcode == END_FOR || opcode == END_SEND
           || opcode == END_ASYNC_FOR;
}

/* The instruction after `i` in code order (past EXTENDED_ARG prefixes and
   the instruction they extend). */
static int next_in_order(const _Py_CODEUNIT *instrs, int i)
{
    while (_Py_OPCODE(instrs[i]) == EXTENDED_ARG) {
        i++;
    }
    return i + 1;
}

/* JUMP_BACKWARD_NO_INTERRUPT (the yield-from loop) is not a loop edge
   for tracing, as in CPython, where it is never instrumented. */
static int is_backward_jump(int opcode)
{
    return opcode == JUMP_BACKWARD;
}

/* Whether a LINE event is due at `index`, the frame having run `prev`
   just before (-1: it flowed in from the previous instruction).  Sets
   *same_line_loop when only sys.settrace's backward-jump rule applies. */
static int line_due(PyCodeObject *code, const int *lines, int index, int prev,
                    int *same_line_loop)
{
    const _Py_CODEUNIT *instrs = _PyCode_CODE(code);
    int line = lines[index];
    *same_line_loop = 0;
    if (line < 0 || is_line_transparent(_Py_OPCODE(instrs[index]))) {
        return 0;
    }
    int in_order = prev < 0 || next_in_order(instrs, prev) == index;
    if (prev < 0) {
        prev = index - 1;
    }
    if (in_order) {
        /* Not a jump target here: a line start only if the line changed
           since the last non-transparent instruction. */
        int j = index - 1;
        int first = first_instrumented(code);
        while (j >= first && is_line_transparent(_Py_OPCODE(instrs[j]))) {
            j--;
        }
        int before = j >= first ? lines[j] : -1;
        if (before == line) {
            return 0;
        }
    }
    if (prev >= 0 && lines[prev] == line
            && _Py_OPCODE(instrs[prev]) != RESUME) {
        *same_line_loop = !in_order && index <= prev
                          && is_backward_jump(_Py_OPCODE(instrs[prev]));
        return 0;
    }
    return 1;
}

/* ---- delivering to every listener ---------------------------------------- */

static int offset_bytes(int index)
{
    return index * (int)sizeof(_Py_CODEUNIT);
}

static int frame_index(_PyInterpreterFrame *frame)
{
    return _PyInterpreterFrame_LASTI(frame);
}

/* Monitoring event `event` with arguments (code, offset, extra...). */
static int fire_offset(PyThreadState *tstate, _PyInterpreterFrame *frame,
                       uint32_t events, int event, int index,
                       PyObject *const *extra, Py_ssize_t nextra)
{
    if (!(events & (1u << event))) {
        return 0;
    }
    return _PyMonitoring_Fire(tstate, frame, event, index, extra, nextra);
}

/* PY_START / PY_RESUME, then 'call' to the profile and trace functions. */
static int fire_start(PyThreadState *tstate, _PyInterpreterFrame *frame,
                      uint32_t events, int event, int index)
{
    if (fire_offset(tstate, frame, events, event, index, NULL, 0) < 0
            || _PyLegacy_Deliver(tstate, 0, frame, PyTrace_CALL, Py_None, 0,
                                 event) < 0
            || _PyLegacy_Deliver(tstate, 1, frame, PyTrace_CALL, Py_None, 0,
                                 event) < 0) {
        return -1;
    }
    return 0;
}

/* PY_RETURN / PY_YIELD with `value`, then 'return'. */
static int fire_return(PyThreadState *tstate, _PyInterpreterFrame *frame,
                       uint32_t events, int event, int index, PyObject *value)
{
    if (fire_offset(tstate, frame, events, event, index, &value, 1) < 0
            || _PyLegacy_Deliver(tstate, 0, frame, PyTrace_RETURN, value, 0,
                                 event) < 0) {
        return -1;
    }
    if (_PyLegacy_TraceIgnoresFrame(tstate, frame)) {
        return 0;
    }
    return _PyLegacy_Deliver(tstate, 1, frame, PyTrace_RETURN, value, 0, event);
}

/* A generator or coroutine that `yield from` / `await` drove returned
   `value`: CPython reports the StopIteration that PEP 380 implies
   (STOP_ITERATION, and 'exception' for the trace function). */
static int fire_stop_iteration(PyThreadState *tstate,
                               _PyInterpreterFrame *frame, uint32_t events,
                               int index, PyObject *value)
{
    if (fire_offset(tstate, frame, events, PY_MONITORING_EVENT_STOP_ITERATION,
                    index, &value, 1) < 0) {
        return -1;
    }
    if (tstate->c_tracefunc == NULL
            || _PyLegacy_TraceIgnoresFrame(tstate, frame)) {
        return 0;
    }
    PyObject *exc = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (exc == NULL) {
        return -1;
    }
    PyObject *info = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, Py_None);
    Py_DECREF(exc);
    if (info == NULL) {
        return -1;
    }
    int err = _PyLegacy_Deliver(tstate, 1, frame, PyTrace_EXCEPTION, info, 0,
                                PY_MONITORING_EVENT_STOP_ITERATION);
    Py_DECREF(info);
    return err;
}

/* JUMP / BRANCH_LEFT / BRANCH_RIGHT for the control transfer that the
   instruction `prev` made to `index`. */
static int fire_branch(PyThreadState *tstate, _PyInterpreterFrame *frame,
                       uint32_t events, PyCodeObject *code, int prev, int index)
{
    const _Py_CODEUNIT *instrs = _PyCode_CODE(code);
    int op_index = prev;
    while (_Py_OPCODE(instrs[op_index]) == EXTENDED_ARG) {
        op_index++;
    }
    /* spec: a specialized FOR_ITER branches as its base does. */
    int opcode = _PyOpcode_Deopt[_Py_OPCODE(instrs[op_index])];
    int event;
    switch (opcode) {
    case JUMP_FORWARD:
    case JUMP_BACKWARD:
        event = PY_MONITORING_EVENT_JUMP;
        break;
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE:
    case FOR_ITER:
        event = next_in_order(instrs, prev) == index
                ? PY_MONITORING_EVENT_BRANCH_LEFT
                : PY_MONITORING_EVENT_BRANCH_RIGHT;
        break;
    default:
        return 0;
    }
    if (!(events & (1u << event))) {
        return 0;
    }
    PyObject *dest = PyLong_FromLong(offset_bytes(index));
    if (dest == NULL) {
        return -1;
    }
    int err = _PyMonitoring_Fire(tstate, frame, event, prev, &dest, 1);
    Py_DECREF(dest);
    return err;
}

#define JUMP_EVENTS ((1u << PY_MONITORING_EVENT_JUMP) \
                      | (1u << PY_MONITORING_EVENT_BRANCH_LEFT) \
                      | (1u << PY_MONITORING_EVENT_BRANCH_RIGHT))

/* LINE for the monitoring tools, then 'line' for the trace function. */
static int fire_line(PyThreadState *tstate, _PyInterpreterFrame *frame,
                     uint32_t events, PyCodeObject *code, int index, int prev)
{
    int has_trace = tstate->c_tracefunc != NULL;
    if (!has_trace && !(events & (1u << PY_MONITORING_EVENT_LINE))) {
        return 0;
    }
    const int *lines = _PyInstrument_LineTable(tstate, code);
    if (lines == NULL) {
        return -1;
    }
    int same_line_loop;
    int due = line_due(code, lines, index, prev, &same_line_loop);
    int line = lines[index];
    if (due && (events & (1u << PY_MONITORING_EVENT_LINE))) {
        /* LINE's arguments are (code, line): the offset is replaced. */
        if (_PyMonitoring_Fire(tstate, frame, PY_MONITORING_EVENT_LINE,
                               -1 - line, NULL, 0) < 0) {
            return -1;
        }
    }
    if (!(due || same_line_loop) || !has_trace
            || _PyLegacy_TraceIgnoresFrame(tstate, frame)) {
        return 0;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f != NULL && !f->f_trace_lines) {
        return 0;
    }
    return _PyLegacy_Deliver(tstate, 1, frame, PyTrace_LINE, Py_None, line,
                             due ? PY_MONITORING_EVENT_LINE
                                 : PY_MONITORING_EVENT_JUMP);
}

int _PyEval_InstrumentInstruction(PyThreadState *tstate,
                                  _PyInterpreterFrame *frame,
                                  _Py_CODEUNIT *prev_instr,
                                  PyObject **stack_pointer)
{
    if (!_PyEval_InstrumentationActive(tstate)) {
        /* Nothing listens any more (maybe switched off by another thread):
           drop this thread's bit and line tables.  No caller holds a line
           table across a callback, so this is safe even when nested. */
        _PyEval_UpdateInstrumentedBit(tstate);
        _PyInstrument_ClearLineCache(tstate);
        return _PY_INSTR_OFF;
    }
    if (tstate->tracing) {
        return _PY_INSTR_RUN;
    }
    PyCodeObject *code = _PyFrame_GetCode(frame);
    _Py_CODEUNIT *instrs = _PyCode_CODE(code);
    _Py_CODEUNIT *here = frame->instr_ptr;
    int index = (int)(here - instrs);
    if (index < first_instrumented(code)) {
        return _PY_INSTR_RUN;
    }
    int opcode = _Py_OPCODE(*here);
    uint32_t events = _PyMonitoring_CodeEvents(code);
    if (opcode == RESUME) {
        int event = _Py_OPARG(*here) == RESUME_AT_FUNC_START
                    ? PY_MONITORING_EVENT_PY_START
                    : PY_MONITORING_EVENT_PY_RESUME;
        if (fire_start(tstate, frame, events, event, index) < 0) {
            return -1;
        }
        return frame->instr_ptr != here ? _PY_INSTR_JUMPED : _PY_INSTR_RUN;
    }
    int prev = prev_instr != NULL ? (int)(prev_instr - instrs) : -1;
    if (prev >= 0 && (events & JUMP_EVENTS)
            && fire_branch(tstate, frame, events, code, prev, index) < 0) {
        return -1;
    }
    if (fire_line(tstate, frame, events, code, index, prev) < 0) {
        return -1;
    }
    if (frame->instr_ptr != here) {
        return _PY_INSTR_JUMPED;
    }
    if (fire_offset(tstate, frame, events, PY_MONITORING_EVENT_INSTRUCTION,
                    index, NULL, 0) < 0) {
        return -1;
    }
    PyFrameObject *f = frame->frame_obj;
    if (f != NULL && f->f_trace_opcodes && tstate->c_tracefunc != NULL
            && !_PyLegacy_TraceIgnoresFrame(tstate, frame)) {
        if (_PyLegacy_Deliver(tstate, 1, frame, PyTrace_OPCODE, Py_None, 0,
                              PY_MONITORING_EVENT_INSTRUCTION) < 0) {
            return -1;
        }
    }
    if (frame->instr_ptr != here) {
        return _PY_INSTR_JUMPED;
    }
    if (opcode == END_SEND && (PyGen_Check(stack_pointer[-2])
                               || PyCoro_CheckExact(stack_pointer[-2]))) {
        if (fire_stop_iteration(tstate, frame, events, index,
                                stack_pointer[-1]) < 0) {
            return -1;
        }
    }
    if (opcode == RETURN_VALUE || opcode == YIELD_VALUE) {
        int event = opcode == RETURN_VALUE ? PY_MONITORING_EVENT_PY_RETURN
                                           : PY_MONITORING_EVENT_PY_YIELD;
        if (fire_return(tstate, frame, events, event, index,
                        stack_pointer[-1]) < 0) {
            return -1;
        }
        /* f_lineno's setter refuses these events, so the frame is still
           at the instruction; keep it there whatever a callback did. */
        frame->instr_ptr = here;
    }
    return _PY_INSTR_RUN;
}

/* ---- exceptions ------------------------------------------------------------ */

/* Run `deliver` with the set exception saved: it is restored when the
   listeners succeed, replaced by theirs when one fails. */
typedef int (*exc_listener)(PyThreadState *, _PyInterpreterFrame *, PyObject *);

static int with_saved_exception(PyThreadState *tstate,
                                _PyInterpreterFrame *frame,
                                exc_listener deliver)
{
    if (tstate->tracing || !_PyEval_InstrumentationActive(tstate)) {
        return 0;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return 0;
    }
    int err = deliver(tstate, frame, exc);
    if (err < 0) {
        Py_DECREF(exc);
        return -1;
    }
    PyErr_SetRaisedException(exc);
    return 0;
}

static int deliver_raise(PyThreadState *tstate, _PyInterpreterFrame *frame,
                         PyObject *exc)
{
    uint32_t events = _PyMonitoring_CodeEvents(_PyFrame_GetCode(frame));
    if (fire_offset(tstate, frame, events, PY_MONITORING_EVENT_RAISE,
                    frame_index(frame), &exc, 1) < 0) {
        return -1;
    }
    if (tstate->c_tracefunc == NULL
            || _PyLegacy_TraceIgnoresFrame(tstate, frame)) {
        return 0;
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *info = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc,
                                  tb ? tb : Py_None);
    Py_XDECREF(tb);
    if (info == NULL) {
        return -1;
    }
    int err = _PyLegacy_Deliver(tstate, 1, frame, PyTrace_EXCEPTION, info, 0,
                                PY_MONITORING_EVENT_RAISE);
    Py_DECREF(info);
    return err;
}

static int deliver_unwind(PyThreadState *tstate, _PyInterpreterFrame *frame,
                          PyObject *exc)
{
    uint32_t events = _PyMonitoring_CodeEvents(_PyFrame_GetCode(frame));
    if (fire_offset(tstate, frame, events, PY_MONITORING_EVENT_PY_UNWIND,
                    frame_index(frame), &exc, 1) < 0
            || _PyLegacy_Deliver(tstate, 0, frame, PyTrace_RETURN, Py_None, 0,
                                 PY_MONITORING_EVENT_PY_UNWIND) < 0) {
        return -1;
    }
    if (_PyLegacy_TraceIgnoresFrame(tstate, frame)) {
        return 0;
    }
    return _PyLegacy_Deliver(tstate, 1, frame, PyTrace_RETURN, Py_None, 0,
                             PY_MONITORING_EVENT_PY_UNWIND);
}

static int deliver_throw(PyThreadState *tstate, _PyInterpreterFrame *frame,
                         PyObject *exc)
{
    uint32_t events = _PyMonitoring_CodeEvents(_PyFrame_GetCode(frame));
    if (fire_offset(tstate, frame, events, PY_MONITORING_EVENT_PY_THROW,
                    frame_index(frame), &exc, 1) < 0
            || _PyLegacy_Deliver(tstate, 0, frame, PyTrace_CALL, Py_None, 0,
                                 PY_MONITORING_EVENT_PY_THROW) < 0
            || _PyLegacy_Deliver(tstate, 1, frame, PyTrace_CALL, Py_None, 0,
                                 PY_MONITORING_EVENT_PY_THROW) < 0) {
        return -1;
    }
    return 0;
}

static int deliver_reraise(PyThreadState *tstate, _PyInterpreterFrame *frame,
                           PyObject *exc)
{
    uint32_t events = _PyMonitoring_CodeEvents(_PyFrame_GetCode(frame));
    return fire_offset(tstate, frame, events, PY_MONITORING_EVENT_RERAISE,
                       frame_index(frame), &exc, 1);
}

int _PyEval_InstrumentRaise(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    return with_saved_exception(tstate, frame, deliver_raise);
}

int _PyEval_InstrumentUnwind(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    return with_saved_exception(tstate, frame, deliver_unwind);
}

int _PyEval_InstrumentThrow(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    return with_saved_exception(tstate, frame, deliver_throw);
}

int _PyEval_InstrumentReraise(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    return with_saved_exception(tstate, frame, deliver_reraise);
}

int _PyEval_InstrumentHandled(PyThreadState *tstate, _PyInterpreterFrame *frame,
                              PyObject *exc)
{
    if (tstate->tracing || !_PyMonitoring_AnyActive()) {
        return 0;
    }
    uint32_t events = _PyMonitoring_CodeEvents(_PyFrame_GetCode(frame));
    return fire_offset(tstate, frame, events,
                       PY_MONITORING_EVENT_EXCEPTION_HANDLED,
                       frame_index(frame), &exc, 1);
}

/* ---- calls ------------------------------------------------------------------ */

static PyObject *missing_sentinel(void);

/* What the profile function is told a C call calls: the builtin itself,
   or for a method descriptor the bound method (as CPython reports it);
   NULL (no exception) when the callable is not a C function. */
static PyObject *profiled_c_function(PyObject *callable, PyObject *self_arg)
{
    if (PyCFunction_Check(callable)) {
        return Py_NewRef(callable);
    }
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && self_arg != NULL) {
        return Py_TYPE(callable)->tp_descr_get(callable, self_arg,
                                               (PyObject *)Py_TYPE(self_arg));
    }
    return NULL;
}

/* The C_RETURN / C_RAISE events and 'c_return' / 'c_exception'. */
static int after_c_call(PyThreadState *tstate, _PyInterpreterFrame *frame,
                        uint32_t events, PyObject *callable, PyObject *arg0,
                        PyObject *cfunc, int raised)
{
    PyObject *extra[2] = {callable, arg0};
    int event = raised ? PY_MONITORING_EVENT_C_RAISE
                       : PY_MONITORING_EVENT_C_RETURN;
    if ((events & (1u << PY_MONITORING_EVENT_CALL))
            && _PyMonitoring_Fire(tstate, frame, event, frame_index(frame),
                                  extra, 2) < 0) {
        return -1;
    }
    if (cfunc != NULL
            && _PyLegacy_Deliver(tstate, 0, frame,
                                 raised ? PyTrace_C_EXCEPTION : PyTrace_C_RETURN,
                                 cfunc, 0, event) < 0) {
        return -1;
    }
    return 0;
}

typedef struct {
    PyObject *const *args;
    size_t nargsf;
    PyObject *kwnames;
    PyObject *callargs;
    PyObject *kwargs;
} call_shape;

static PyObject *perform(PyThreadState *tstate, PyObject *callable,
                         call_shape *shape)
{
    if (shape->callargs != NULL) {
        return _PyEval_CallFunctionEx(tstate, callable, shape->callargs,
                                      shape->kwargs);
    }
    return PyObject_Vectorcall(callable, shape->args, shape->nargsf,
                               shape->kwnames);
}

static PyObject *instrumented_call(PyThreadState *tstate,
                                   _PyInterpreterFrame *frame,
                                   PyObject *callable, PyObject *arg0,
                                   call_shape *shape)
{
    if (tstate->tracing || !_PyEval_InstrumentationActive(tstate)) {
        return perform(tstate, callable, shape);
    }
    uint32_t events = _PyMonitoring_CodeEvents(_PyFrame_GetCode(frame));
    PyObject *shown_arg0 = arg0 ? arg0 : missing_sentinel();
    PyObject *extra[2] = {callable, shown_arg0};
    if ((events & (1u << PY_MONITORING_EVENT_CALL))
            && _PyMonitoring_Fire(tstate, frame, PY_MONITORING_EVENT_CALL,
                                  frame_index(frame), extra, 2) < 0) {
        return NULL;
    }
    int is_c = !PyFunction_Check(callable) && !PyMethod_Check(callable);
    PyObject *cfunc = NULL;
    if (is_c && tstate->c_profilefunc != NULL) {
        cfunc = profiled_c_function(callable, arg0);
        if (cfunc == NULL && PyErr_Occurred()) {
            return NULL;
        }
        if (cfunc != NULL
                && _PyLegacy_Deliver(tstate, 0, frame, PyTrace_C_CALL, cfunc,
                                     0, PY_MONITORING_EVENT_CALL) < 0) {
            Py_DECREF(cfunc);
            return NULL;
        }
    }
    PyObject *res = perform(tstate, callable, shape);
    if (is_c && (cfunc != NULL || (events & (1u << PY_MONITORING_EVENT_CALL)))) {
        if (res == NULL) {
            PyObject *exc = PyErr_GetRaisedException();
            if (after_c_call(tstate, frame, events, callable, shown_arg0,
                             cfunc, 1) < 0) {
                Py_XDECREF(exc);
            }
            else {
                PyErr_SetRaisedException(exc);
            }
        }
        else if (after_c_call(tstate, frame, events, callable, shown_arg0,
                              cfunc, 0) < 0) {
            Py_CLEAR(res);
        }
    }
    Py_XDECREF(cfunc);
    return res;
}

PyObject *_PyEval_InstrumentedCall(PyThreadState *tstate,
                                   _PyInterpreterFrame *frame,
                                   PyObject *callable, PyObject *const *args,
                                   size_t nargsf, PyObject *kwnames)
{
    call_shape shape = {args, nargsf, kwnames, NULL, NULL};
    PyObject *arg0 = PyVectorcall_NARGS(nargsf) > 0 ? args[0] : NULL;
    return instrumented_call(tstate, frame, callable, arg0, &shape);
}

int _PyEval_InstrumentPyCall(PyThreadState *tstate, _PyInterpreterFrame *frame,
                             PyObject *callable, PyObject *arg0)
{
    if (tstate->tracing || !_PyMonitoring_AnyActive()) {
        return 0;
    }
    uint32_t events = _PyMonitoring_CodeEvents(_PyFrame_GetCode(frame));
    if (!(events & (1u << PY_MONITORING_EVENT_CALL))) {
        return 0;
    }
    PyObject *extra[2] = {callable, arg0 ? arg0 : missing_sentinel()};
    return _PyMonitoring_Fire(tstate, frame, PY_MONITORING_EVENT_CALL,
                              frame_index(frame), extra, 2);
}

PyObject *_PyEval_InstrumentedCallEx(PyThreadState *tstate,
                                     _PyInterpreterFrame *frame,
                                     PyObject *callable, PyObject *callargs,
                                     PyObject *kwargs)
{
    call_shape shape = {NULL, 0, NULL, callargs, kwargs};
    PyObject *arg0 = PyTuple_Check(callargs) && PyTuple_GET_SIZE(callargs) > 0
                     ? PyTuple_GET_ITEM(callargs, 0) : NULL;
    return instrumented_call(tstate, frame, callable, arg0, &shape);
}

PySendResult _PyEval_InstrumentedSend(PyThreadState *tstate,
                                      _PyInterpreterFrame *frame,
                                      PyObject *receiver, PyObject *value,
                                      PyObject **result)
{
    if (PyGen_CheckExact(receiver) || PyCoro_CheckExact(receiver)) {
        /* Their return is reported at END_SEND (STOP_ITERATION). */
        return PyIter_Send(receiver, value, result);
    }
    if (value == Py_None && PyIter_Check(receiver)) {
        *result = Py_TYPE(receiver)->tp_iternext(receiver);
    }
    else {
        *result = PyObject_CallMethodOneArg(receiver, _Py_INTERNED_ID(send),
                                            value);
    }
    if (*result != NULL) {
        return PYGEN_NEXT;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration)
            && _PyEval_InstrumentRaise(tstate, frame) < 0) {
        return PYGEN_ERROR;
    }
    return _PyGen_FetchStopIterationValue(result) == 0 ? PYGEN_RETURN
                                                        : PYGEN_ERROR;
}

/* ==== sys.monitoring (PEP 669) ============================================ */

#define NUM_TOOLS PY_MONITORING_TOOL_IDS

/* Per code object: local events of each tool (written under the mutex
   with atomic stores, read lock-free), and the locations where a callback
   returned DISABLE (one bit per local event, per code unit; under the
   mutex). */
typedef struct {
    uint32_t local_events[NUM_TOOLS];
    uint16_t *disabled[NUM_TOOLS];  /* PyMem, Py_SIZE(code) entries, or NULL */
    Py_ssize_t size;
} code_monitoring;

static struct {
    PyMutex mutex;
    PyObject *tool_names[NUM_TOOLS];                    /* strong, or NULL */
    PyObject *callbacks[NUM_TOOLS][_PY_MONITORING_EVENTS]; /* strong, or NULL */
    uint32_t global_events[NUM_TOOLS];
    uint32_t global_union;          /* atomic: union of global_events */
    PyObject *per_code;             /* dict: code -> int address of its code_monitoring (PyMem, kept for the process) */
    int local_users;                /* atomic: codes with local events */
    PyObject *disable;              /* sys.monitoring.DISABLE */
    PyObject *missing;              /* sys.monitoring.MISSING */
} monitoring;

static PyObject *missing_sentinel(void)
{
    return monitoring.missing ? monitoring.missing : Py_None;
}

int _PyMonitoring_Active = 0;

/* Under the mutex, after global_union or local_users changed. */
static void publish_active(void)
{
    int active = __atomic_load_n(&monitoring.global_union, __ATOMIC_RELAXED) != 0
                 || __atomic_load_n(&monitoring.local_users, __ATOMIC_RELAXED) != 0;
    __atomic_store_n(&_PyMonitoring_Active, active, __ATOMIC_RELAXED);
}

int _PyMonitoring_AnyActive(void)
{
    return __atomic_load_n(&monitoring.global_union, __ATOMIC_RELAXED) != 0
           || __atomic_load_n(&monitoring.local_users, __ATOMIC_RELAXED) != 0;
}

/* Under the mutex: the record of `code`, created when `create`. */
static code_monitoring *code_record(PyCodeObject *code, int create)
{
    if (monitoring.per_code == NULL) {
        if (!create) {
            return NULL;
        }
        monitoring.per_code = PyDict_New();
        if (monitoring.per_code == NULL) {
            return NULL;
        }
    }
    PyObject *capsule;
    int found = PyDict_GetItemRef(monitoring.per_code, (PyObject *)code,
                                  &capsule);
    if (found < 0) {
        return NULL;
    }
    if (found) {
        code_monitoring *rec = PyLong_AsVoidPtr(capsule);
        Py_DECREF(capsule);
        return rec;
    }
    if (!create) {
        return NULL;
    }
    code_monitoring *rec = PyMem_Calloc(1, sizeof(code_monitoring));
    if (rec == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    rec->size = Py_SIZE(code);
    capsule = PyLong_FromVoidPtr(rec);
    if (capsule == NULL
            || PyDict_SetItem(monitoring.per_code, (PyObject *)code,
                              capsule) < 0) {
        Py_XDECREF(capsule);
        PyMem_Free(rec);
        return NULL;
    }
    Py_DECREF(capsule);
    return rec;
}

static void free_record_contents(code_monitoring *rec)
{
    for (int t = 0; t < NUM_TOOLS; t++) {
        PyMem_Free(rec->disabled[t]);
        rec->disabled[t] = NULL;
    }
}

/* At finalization, once no other thread runs Python: frees the per-code
   records (kept for the whole run otherwise, see the memo below) and
   drops the tools' callbacks. */
void _PyMonitoring_Fini(void)
{
    PyMutex_Lock(&monitoring.mutex);
    PyObject *per_code = monitoring.per_code;
    monitoring.per_code = NULL;
    PyMutex_Unlock(&monitoring.mutex);
    if (per_code != NULL) {
        Py_ssize_t pos = 0;
        PyObject *code, *address;
        while (PyDict_Next(per_code, &pos, &code, &address)) {
            code_monitoring *rec = PyLong_AsVoidPtr(address);
            if (rec != NULL) {
                free_record_contents(rec);
                PyMem_Free(rec);
            }
        }
        Py_DECREF(per_code);
    }
    for (int t = 0; t < NUM_TOOLS; t++) {
        Py_CLEAR(monitoring.tool_names[t]);
        for (int e = 0; e < _PY_MONITORING_EVENTS; e++) {
            Py_CLEAR(monitoring.callbacks[t][e]);
        }
    }
}

/* Under the mutex: events of `tool` for `code`. */
static uint32_t tool_events(int tool, code_monitoring *rec)
{
    uint32_t ev = monitoring.global_events[tool];
    if (rec != NULL) {
        ev |= rec->local_events[tool];
    }
    return ev;
}

/* Per-thread memo of the last record found: records are never freed and
   the dict keeps their code objects alive, so the pair stays valid. */
static __thread PyCodeObject *record_memo_code;
static __thread code_monitoring *record_memo;

/* The record of `code`, or NULL when it has none.  A pending exception
   is left as it was. */
static code_monitoring *lookup_record(PyCodeObject *code)
{
    if (code == record_memo_code) {
        return record_memo;
    }
    PyObject *saved = PyErr_GetRaisedException();
    PyMutex_Lock(&monitoring.mutex);
    code_monitoring *rec = monitoring.per_code ? code_record(code, 0) : NULL;
    PyMutex_Unlock(&monitoring.mutex);
    PyErr_Clear();
    PyErr_SetRaisedException(saved);
    if (rec != NULL) {
        record_memo_code = code;
        record_memo = rec;
    }
    return rec;
}

uint32_t _PyMonitoring_CodeEvents(PyCodeObject *code)
{
    if (!_PyMonitoring_AnyActive()) {
        return 0;
    }
    uint32_t ev = __atomic_load_n(&monitoring.global_union, __ATOMIC_RELAXED);
    if (__atomic_load_n(&monitoring.local_users, __ATOMIC_RELAXED) != 0) {
        code_monitoring *rec = lookup_record(code);
        for (int t = 0; rec != NULL && t < NUM_TOOLS; t++) {
            ev |= __atomic_load_n(&rec->local_events[t], __ATOMIC_RELAXED);
        }
    }
    /* C_RETURN and C_RAISE ride on CALL. */
    if (ev & ((1u << PY_MONITORING_EVENT_C_RETURN)
              | (1u << PY_MONITORING_EVENT_C_RAISE))) {
        ev |= 1u << PY_MONITORING_EVENT_CALL;
    }
    return ev;
}

/* Under the mutex: whether `tool` disabled `event` at `index`. */
static int is_disabled(code_monitoring *rec, int tool, int event, int index)
{
    return rec != NULL && rec->disabled[tool] != NULL && index >= 0
           && index < rec->size
           && (rec->disabled[tool][index] & (1u << event));
}

static int disable_location(PyCodeObject *code, int tool, int event, int index)
{
    int err = 0;
    PyMutex_Lock(&monitoring.mutex);
    code_monitoring *rec = code_record(code, 1);
    if (rec == NULL) {
        err = -1;
    }
    else if (index >= 0 && index < rec->size) {
        if (rec->disabled[tool] == NULL) {
            rec->disabled[tool] = PyMem_Calloc((size_t)rec->size,
                                               sizeof(uint16_t));
        }
        if (rec->disabled[tool] == NULL) {
            PyErr_NoMemory();
            err = -1;
        }
        else {
            rec->disabled[tool][index] |= (uint16_t)(1u << event);
        }
    }
    PyMutex_Unlock(&monitoring.mutex);
    return err;
}

static const char *const event_names[_PY_MONITORING_EVENTS] = {
    "PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "CALL", "LINE",
    "INSTRUCTION", "JUMP", "BRANCH_LEFT", "BRANCH_RIGHT", "STOP_ITERATION",
    "RAISE", "EXCEPTION_HANDLED", "PY_UNWIND", "PY_THROW", "RERAISE",
    "C_RETURN", "C_RAISE", "BRANCH",
};

/* `index` < 0 encodes a line number (-1 - line) for LINE events. */
int _PyMonitoring_Fire(PyThreadState *tstate, _PyInterpreterFrame *frame,
                       int event, int index, PyObject *const *extra,
                       Py_ssize_t nextra)
{
    PyCodeObject *code = _PyFrame_GetCode(frame);
    int location = index >= 0 ? index : frame_index(frame);
    PyObject *second = PyLong_FromLong(index >= 0 ? offset_bytes(index)
                                                  : -1 - index);
    if (second == NULL) {
        return -1;
    }
    int err = 0;
    for (int tool = 0; tool < NUM_TOOLS && err == 0; tool++) {
        PyMutex_Lock(&monitoring.mutex);
        /* Records exist for codes with local events or DISABLEd spots. */
        code_monitoring *rec = monitoring.per_code ? code_record(code, 0)
                                                   : NULL;
        PyObject *callback = NULL;
        if ((tool_events(tool, rec) & (1u << event))
                && !(event < _PY_MONITORING_LOCAL_EVENTS
                     && is_disabled(rec, tool, event, location))) {
            callback = Py_XNewRef(monitoring.callbacks[tool][event]);
        }
        PyMutex_Unlock(&monitoring.mutex);
        if (callback == NULL) {
            if (PyErr_Occurred()) {
                err = -1;
            }
            continue;
        }
        PyObject *args[4] = {(PyObject *)code, second, NULL, NULL};
        for (Py_ssize_t i = 0; i < nextra && i < 2; i++) {
            args[2 + i] = extra[i];
        }
        int saved_event = tstate->what_event;
        _PyInterpreterFrame *saved_frame = _PyInstrument_SetEventFrame(frame);
        tstate->what_event = event;
        tstate->tracing++;
        PyObject *res = PyObject_Vectorcall(callback, args,
                                            (size_t)(2 + nextra), NULL);
        tstate->tracing--;
        tstate->what_event = saved_event;
        _PyInstrument_SetEventFrame(saved_frame);
        if (frame->frame_obj != NULL) {
            /* An f_lineno jump left the target line there. */
            frame->frame_obj->f_lineno = 0;
        }
        if (res == NULL) {
            err = -1;
        }
        else if (res == monitoring.disable) {
            if (event < _PY_MONITORING_LOCAL_EVENTS) {
                err = disable_location(code, tool, event, location);
            }
            else {
                PyErr_Format(PyExc_ValueError,
                             "Cannot disable %s events. Callback removed.",
                             event_names[event]);
                PyMutex_Lock(&monitoring.mutex);
                Py_CLEAR(monitoring.callbacks[tool][event]);
                PyMutex_Unlock(&monitoring.mutex);
                err = -1;
            }
        }
        Py_XDECREF(res);
        Py_DECREF(callback);
    }
    Py_DECREF(second);
    return err;
}

/* ---- the sys.monitoring functions ------------------------------------------ */

/* Every thread re-checks whether it is instrumented at its next eval
   breaker check: set the bit everywhere (a thread with nothing on clears
   its own).  Walks the thread list under its mutex; the bit is atomic. */
static void wake_all_threads(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyMutex_Lock(&interp->threads_mutex);
    for (PyThreadState *t = interp->threads_head; t != NULL; t = t->next) {
        _PyThreadState_SetEvalBreakerBit(t, _PY_EVAL_INSTRUMENTED_BIT);
    }
    PyMutex_Unlock(&interp->threads_mutex);
}

static int check_tool(int tool)
{
    if (tool < 0 || tool >= NUM_TOOLS) {
        PyErr_Format(PyExc_ValueError,
                     "invalid tool %d (must be between 0 and 5)", tool);
        return -1;
    }
    return 0;
}

/* Under the mutex. */
static int check_in_use(int tool)
{
    if (monitoring.tool_names[tool] == NULL) {
        PyErr_Format(PyExc_ValueError, "tool %d is not in use", tool);
        return -1;
    }
    return 0;
}

static int parse_tool(PyObject *arg, int *tool)
{
    int value = PyLong_AsInt(arg);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    *tool = value;
    return check_tool(value);
}

/* Validate an event set: C_RETURN / C_RAISE only come with CALL, the
   deprecated BRANCH means both branch directions. */
static int parse_event_set(PyObject *arg, uint32_t *out, int local)
{
    long value = PyLong_AsLong(arg);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (value < 0 || value >= (1L << _PY_MONITORING_EVENTS)) {
        PyErr_Format(PyExc_ValueError, "invalid event set 0x%lx", value);
        return -1;
    }
    uint32_t ev = (uint32_t)value;
    if (ev & (1u << PY_MONITORING_EVENT_BRANCH)) {
        ev &= ~(1u << PY_MONITORING_EVENT_BRANCH);
        ev |= (1u << PY_MONITORING_EVENT_BRANCH_LEFT)
              | (1u << PY_MONITORING_EVENT_BRANCH_RIGHT);
    }
    if ((ev & ((1u << PY_MONITORING_EVENT_C_RETURN)
               | (1u << PY_MONITORING_EVENT_C_RAISE)))
            && !(ev & (1u << PY_MONITORING_EVENT_CALL))) {
        PyErr_SetString(PyExc_ValueError,
                        "cannot set C_RETURN or C_RAISE events independently");
        return -1;
    }
    if (local && (ev & ~((1u << _PY_MONITORING_LOCAL_EVENTS) - 1)
                  & ~((1u << PY_MONITORING_EVENT_C_RETURN)
                      | (1u << PY_MONITORING_EVENT_C_RAISE)))) {
        PyErr_Format(PyExc_ValueError, "invalid local event set 0x%lx", value);
        return -1;
    }
    *out = ev;
    return 0;
}

/* Under the mutex. */
static void recompute_union(void)
{
    uint32_t all = 0;
    for (int t = 0; t < NUM_TOOLS; t++) {
        all |= monitoring.global_events[t];
    }
    __atomic_store_n(&monitoring.global_union, all, __ATOMIC_RELAXED);
    publish_active();
}

static PyObject *mon_use_tool_id(PyObject *self, PyObject *const *args,
                                 Py_ssize_t nargs)
{
    int tool;
    if (!_PyArg_CheckPositional("use_tool_id", nargs, 2, 2)
            || parse_tool(args[0], &tool) < 0) {
        return NULL;
    }
    if (!PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_ValueError, "tool name must be a str");
        return NULL;
    }
    int err = 0;
    PyMutex_Lock(&monitoring.mutex);
    if (monitoring.tool_names[tool] != NULL) {
        PyErr_Format(PyExc_ValueError, "tool %d is already in use", tool);
        err = -1;
    }
    else {
        monitoring.tool_names[tool] = Py_NewRef(args[1]);
    }
    PyMutex_Unlock(&monitoring.mutex);
    if (err) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Drop the tool's callbacks and events (global and local); the
   references are released after the mutex. */
static void clear_tool(int tool)
{
    PyObject *dropped[_PY_MONITORING_EVENTS];
    PyMutex_Lock(&monitoring.mutex);
    for (int e = 0; e < _PY_MONITORING_EVENTS; e++) {
        dropped[e] = monitoring.callbacks[tool][e];
        monitoring.callbacks[tool][e] = NULL;
    }
    monitoring.global_events[tool] = 0;
    recompute_union();
    if (monitoring.per_code != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *capsule;
        while (PyDict_Next(monitoring.per_code, &pos, &key, &capsule)) {
            code_monitoring *rec = PyLong_AsVoidPtr(capsule);
            if (rec->local_events[tool] != 0) {
                __atomic_store_n(&rec->local_events[tool], 0, __ATOMIC_RELAXED);
                int still = 0;
                for (int t = 0; t < NUM_TOOLS; t++) {
                    still |= rec->local_events[t] != 0;
                }
                if (!still) {
                    __atomic_fetch_sub(&monitoring.local_users, 1,
                                       __ATOMIC_RELAXED);
                    publish_active();
                }
            }
            PyMem_Free(rec->disabled[tool]);
            rec->disabled[tool] = NULL;
        }
    }
    PyMutex_Unlock(&monitoring.mutex);
    for (int e = 0; e < _PY_MONITORING_EVENTS; e++) {
        Py_XDECREF(dropped[e]);
    }
}

static PyObject *mon_clear_tool_id(PyObject *self, PyObject *arg)
{
    int tool;
    if (parse_tool(arg, &tool) < 0) {
        return NULL;
    }
    clear_tool(tool);
    Py_RETURN_NONE;
}

static PyObject *mon_free_tool_id(PyObject *self, PyObject *arg)
{
    int tool;
    if (parse_tool(arg, &tool) < 0) {
        return NULL;
    }
    clear_tool(tool);
    PyMutex_Lock(&monitoring.mutex);
    PyObject *name = monitoring.tool_names[tool];
    monitoring.tool_names[tool] = NULL;
    PyMutex_Unlock(&monitoring.mutex);
    Py_XDECREF(name);
    Py_RETURN_NONE;
}

static PyObject *mon_get_tool(PyObject *self, PyObject *arg)
{
    int tool;
    if (parse_tool(arg, &tool) < 0) {
        return NULL;
    }
    PyMutex_Lock(&monitoring.mutex);
    PyObject *name = Py_XNewRef(monitoring.tool_names[tool]);
    PyMutex_Unlock(&monitoring.mutex);
    return name ? name : Py_NewRef(Py_None);
}

static PyObject *mon_register_callback(PyObject *self, PyObject *const *args,
                                       Py_ssize_t nargs)
{
    int tool;
    if (!_PyArg_CheckPositional("register_callback", nargs, 3, 3)
            || parse_tool(args[0], &tool) < 0) {
        return NULL;
    }
    long ev = PyLong_AsLong(args[1]);
    if (ev == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (ev <= 0 || (ev & (ev - 1)) != 0 || ev >= (1L << _PY_MONITORING_EVENTS)) {
        PyErr_SetString(PyExc_ValueError,
                        "The callback can only be set for one event at a time");
        return NULL;
    }
    int event = 0;
    while ((1L << event) != ev) {
        event++;
    }
    PyObject *func = args[2] == Py_None ? NULL : args[2];
    PyObject *old[2] = {NULL, NULL};
    PyMutex_Lock(&monitoring.mutex);
    if (event == PY_MONITORING_EVENT_BRANCH) {
        /* The deprecated BRANCH stands for both directions. */
        old[0] = monitoring.callbacks[tool][PY_MONITORING_EVENT_BRANCH_LEFT];
        old[1] = monitoring.callbacks[tool][PY_MONITORING_EVENT_BRANCH_RIGHT];
        monitoring.callbacks[tool][PY_MONITORING_EVENT_BRANCH_LEFT] = Py_XNewRef(func);
        monitoring.callbacks[tool][PY_MONITORING_EVENT_BRANCH_RIGHT] = Py_XNewRef(func);
    }
    else {
        old[0] = monitoring.callbacks[tool][event];
        monitoring.callbacks[tool][event] = Py_XNewRef(func);
    }
    PyMutex_Unlock(&monitoring.mutex);
    Py_XDECREF(old[1]);
    return old[0] ? old[0] : Py_NewRef(Py_None);
}

static PyObject *mon_get_events(PyObject *self, PyObject *arg)
{
    int tool;
    if (parse_tool(arg, &tool) < 0) {
        return NULL;
    }
    PyMutex_Lock(&monitoring.mutex);
    uint32_t ev = monitoring.global_events[tool];
    PyMutex_Unlock(&monitoring.mutex);
    return PyLong_FromUnsignedLong(ev);
}

static PyObject *mon_set_events(PyObject *self, PyObject *const *args,
                                Py_ssize_t nargs)
{
    int tool;
    uint32_t ev;
    if (!_PyArg_CheckPositional("set_events", nargs, 2, 2)
            || parse_tool(args[0], &tool) < 0
            || parse_event_set(args[1], &ev, 0) < 0) {
        return NULL;
    }
    int err;
    PyMutex_Lock(&monitoring.mutex);
    err = check_in_use(tool);
    if (err == 0) {
        monitoring.global_events[tool] = ev;
        recompute_union();
    }
    PyMutex_Unlock(&monitoring.mutex);
    if (err) {
        return NULL;
    }
    wake_all_threads();
    Py_RETURN_NONE;
}

static int parse_code(PyObject *arg, PyCodeObject **code)
{
    if (!PyCode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "code must be a code object, not %.200s",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    *code = (PyCodeObject *)arg;
    return 0;
}

static PyObject *mon_get_local_events(PyObject *self, PyObject *const *args,
                                      Py_ssize_t nargs)
{
    int tool;
    PyCodeObject *code;
    if (!_PyArg_CheckPositional("get_local_events", nargs, 2, 2)
            || parse_tool(args[0], &tool) < 0
            || parse_code(args[1], &code) < 0) {
        return NULL;
    }
    PyMutex_Lock(&monitoring.mutex);
    code_monitoring *rec = code_record(code, 0);
    uint32_t ev = rec ? rec->local_events[tool] : 0;
    PyMutex_Unlock(&monitoring.mutex);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(ev);
}

static PyObject *mon_set_local_events(PyObject *self, PyObject *const *args,
                                      Py_ssize_t nargs)
{
    int tool;
    PyCodeObject *code;
    uint32_t ev;
    if (!_PyArg_CheckPositional("set_local_events", nargs, 3, 3)
            || parse_tool(args[0], &tool) < 0
            || parse_code(args[1], &code) < 0
            || parse_event_set(args[2], &ev, 1) < 0) {
        return NULL;
    }
    int err;
    PyMutex_Lock(&monitoring.mutex);
    err = check_in_use(tool);
    code_monitoring *rec = err ? NULL : code_record(code, 1);
    if (rec == NULL) {
        err = -1;
    }
    else {
        int before = 0, after = 0;
        for (int t = 0; t < NUM_TOOLS; t++) {
            before |= rec->local_events[t] != 0;
        }
        __atomic_store_n(&rec->local_events[tool], ev, __ATOMIC_RELAXED);
        for (int t = 0; t < NUM_TOOLS; t++) {
            after |= rec->local_events[t] != 0;
        }
        if (before != after) {
            __atomic_fetch_add(&monitoring.local_users, after ? 1 : -1,
                               __ATOMIC_RELAXED);
            publish_active();
        }
    }
    PyMutex_Unlock(&monitoring.mutex);
    if (err) {
        return NULL;
    }
    wake_all_threads();
    Py_RETURN_NONE;
}

static PyObject *mon_restart_events(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyMutex_Lock(&monitoring.mutex);
    if (monitoring.per_code != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *capsule;
        while (PyDict_Next(monitoring.per_code, &pos, &key, &capsule)) {
            free_record_contents(PyLong_AsVoidPtr(capsule));
        }
    }
    PyMutex_Unlock(&monitoring.mutex);
    Py_RETURN_NONE;
}

static PyObject *mon_all_events(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    PyMutex_Lock(&monitoring.mutex);
    uint32_t events[NUM_TOOLS];
    PyObject *names[NUM_TOOLS];
    for (int t = 0; t < NUM_TOOLS; t++) {
        events[t] = monitoring.global_events[t];
        names[t] = Py_XNewRef(monitoring.tool_names[t]);
    }
    PyMutex_Unlock(&monitoring.mutex);
    int err = 0;
    for (int e = 0; e < _PY_MONITORING_EVENTS && err == 0; e++) {
        int users = 0;
        for (int t = 0; t < NUM_TOOLS; t++) {
            if (events[t] & (1u << e)) {
                users |= 1 << t;
            }
        }
        if (users) {
            PyObject *v = PyLong_FromLong(users);
            err = v == NULL || PyDict_SetItemString(result, event_names[e], v) < 0;
            Py_XDECREF(v);
        }
    }
    for (int t = 0; t < NUM_TOOLS; t++) {
        Py_XDECREF(names[t]);
    }
    if (err) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyMethodDef monitoring_methods[] = {
    {"use_tool_id", _PyCFunction_CAST(mon_use_tool_id), METH_FASTCALL,
     "use_tool_id($module, tool_id, name, /)\n--\n\nReserve tool_id for the "
     "tool called name."},
    {"clear_tool_id", mon_clear_tool_id, METH_O,
     "clear_tool_id($module, tool_id, /)\n--\n\nUnregister the tool's events "
     "and callbacks."},
    {"free_tool_id", mon_free_tool_id, METH_O,
     "free_tool_id($module, tool_id, /)\n--\n\nRelease tool_id."},
    {"get_tool", mon_get_tool, METH_O,
     "get_tool($module, tool_id, /)\n--\n\nThe name of the tool using "
     "tool_id, or None."},
    {"register_callback", _PyCFunction_CAST(mon_register_callback),
     METH_FASTCALL,
     "register_callback($module, tool_id, event, func, /)\n--\n\nRegister "
     "func for event; return the previous callback."},
    {"get_events", mon_get_events, METH_O,
     "get_events($module, tool_id, /)\n--\n\nThe tool's global events."},
    {"set_events", _PyCFunction_CAST(mon_set_events), METH_FASTCALL,
     "set_events($module, tool_id, event_set, /)\n--\n\nSet the tool's "
     "global events."},
    {"get_local_events", _PyCFunction_CAST(mon_get_local_events),
     METH_FASTCALL,
     "get_local_events($module, tool_id, code, /)\n--\n\nThe tool's events "
     "for one code object."},
    {"set_local_events", _PyCFunction_CAST(mon_set_local_events),
     METH_FASTCALL,
     "set_local_events($module, tool_id, code, event_set, /)\n--\n\nSet the "
     "tool's events for one code object."},
    {"restart_events", mon_restart_events, METH_NOARGS,
     "restart_events($module, /)\n--\n\nRe-enable every location a callback "
     "disabled."},
    {"_all_events", mon_all_events, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef monitoring_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sys.monitoring",
    .m_size = -1,
    .m_methods = monitoring_methods,
};

static int add_int(PyObject *dict, const char *name, long value)
{
    PyObject *v = PyLong_FromLong(value);
    int err = v == NULL || PyDict_SetItemString(dict, name, v) < 0;
    Py_XDECREF(v);
    return err ? -1 : 0;
}

static PyObject *make_events_namespace(void)
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    for (int e = 0; e < _PY_MONITORING_EVENTS; e++) {
        if (add_int(dict, event_names[e], 1L << e) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    if (add_int(dict, "NO_EVENTS", 0) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *ns = _PyNamespace_New(dict);
    Py_DECREF(dict);
    return ns;
}

/* Called once, single-threaded, while sys is created. */
PyObject *_PyMonitoring_CreateNamespace(void)
{
    PyObject *mod = PyModule_Create(&monitoring_def);
    if (mod == NULL) {
        return NULL;
    }
    if (monitoring.disable == NULL) {
        monitoring.disable = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
        monitoring.missing = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
        if (monitoring.disable == NULL || monitoring.missing == NULL) {
            Py_DECREF(mod);
            return NULL;
        }
    }
    if (PyModule_AddObjectRef(mod, "DISABLE", monitoring.disable) < 0
            || PyModule_AddObjectRef(mod, "MISSING", monitoring.missing) < 0
            || PyModule_Add(mod, "events", make_events_namespace()) < 0
            || PyModule_AddIntConstant(mod, "DEBUGGER_ID", 0) < 0
            || PyModule_AddIntConstant(mod, "COVERAGE_ID", 1) < 0
            || PyModule_AddIntConstant(mod, "PROFILER_ID", 2) < 0
            || PyModule_AddIntConstant(mod, "OPTIMIZER_ID", 5) < 0) {
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}
