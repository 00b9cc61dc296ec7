/* Generators, coroutines and async generators.

   Each owns the interpreter frame of its code (pycore_frame.h), copied
   out of the data stack by RETURN_GENERATOR.  Resuming pushes the sent
   value on that frame's stack and runs it as an entry frame; YIELD_VALUE
   returns to us with the frame suspended.

   The generator keeps its own "exception being handled" while suspended
   inside an except block (gi_exc_state) and swaps it with the caller's
   around each resumption, like CPython's exception-state stack.

   Thread safety: a generator runs in one thread at a time; gi_frame_state
   is claimed with an atomic compare-and-swap (SUSPENDED/CREATED ->
   EXECUTING; gen_claim, which skips it while no other thread can run),
   so a second thread resuming it gets "generator already executing"
   instead of corrupting the frame. */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_ceval.h"
#include "pycore_ceval_helpers.h"
#include "pycore_exceptions.h"
#include "pycore_frame.h"
#include "pycore_stackref.h"
#include "pycore_genobject.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"

enum {
    FRAME_CREATED = 0,
    FRAME_SUSPENDED = 1,
    FRAME_EXECUTING = 2,
    FRAME_COMPLETED = 3,
};

typedef struct {
    PyObject_VAR_HEAD
    PyObject *gi_weakreflist;
    PyObject *gi_name;
    PyObject *gi_qualname;
    PyObject *gi_exc_state;         /* handled exception while suspended */
    PyObject *gi_caller_exc;        /* borrowed, while running (also when
                                       resumed inline by the evaluator): the
                                       caller's handled exception */
    PyObject *ag_finalizer;         /* async generators: sys hooks */
    PyObject *cr_origin;            /* coroutines: where they were created */
    int8_t gi_frame_state;          /* atomic, see above */
    char ag_running_async;          /* an asend/athrow is in progress */
    char ag_closed;
    char ag_hooks_inited;           /* atomic: sys asyncgen hooks applied */
    unsigned char gi_handlers;      /* except handlers the frame is inside
                                       (bounded by the static block limit) */
    _PyInterpreterFrame gi_iframe;  /* must be last: variable size */
} PyGenObject;

/* Mark gen executing if its state is still `expected`: 1 when claimed, 0
   when it is not (another thread claimed or finished it meanwhile).
   Free-threaded build with a second thread state: a compare-and-swap, so
   two threads resuming gen at once cannot both run its frame.  Otherwise
   no other thread can be between the load and the store (the GIL; or,
   free-threaded, no second thread state has ever existed: locking.md,
   "One thread state only"), and nothing between them reaches a safe point
   or creates a thread state, so a load and a plain store do: the locked
   read-modify-write cost more than the rest of an inline resume (ftcore,
   session 13). */
static inline Py_ALWAYS_INLINE int gen_claim(PyGenObject *gen, int8_t expected)
{
#ifdef Py_GIL_DISABLED
    if (_Py_SeveralThreadStates()) {
        return __atomic_compare_exchange_n(&gen->gi_frame_state, &expected,
                                           FRAME_EXECUTING, 0,
                                           __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    }
#endif
    if (__atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE) != expected) {
        return 0;
    }
    __atomic_store_n(&gen->gi_frame_state, FRAME_EXECUTING, __ATOMIC_RELAXED);
    return 1;
}

static const char *kind_name(PyObject *gen)
{
    if (PyCoro_CheckExact(gen)) {
        return "coroutine";
    }
    if (PyAsyncGen_CheckExact(gen)) {
        return "async generator";
    }
    return "generator";
}

/* ---- creation ----------------------------------------------------------- */

/* cr_origin: ((filename, lineno, function), ...) for at most `depth`
   frames, innermost first, starting with the frame that called the
   coroutine function (sys.set_coroutine_origin_tracking_depth). */
static PyObject *compute_cr_origin(_PyInterpreterFrame *caller, int depth)
{
    int count = 0;
    for (_PyInterpreterFrame *f = caller; f != NULL && count < depth;
         f = f->previous) {
        count++;
    }
    PyObject *origin = PyTuple_New(count);
    _PyInterpreterFrame *f = caller;
    for (int i = 0; origin != NULL && i < count; i++, f = f->previous) {
        PyCodeObject *code = _PyFrame_GetCode(f);
        PyObject *entry = Py_BuildValue("(OiO)", code->co_filename,
                                        _PyInterpreterFrame_GetLine(f),
                                        code->co_name);
        if (entry == NULL) {
            Py_CLEAR(origin);
            break;
        }
        PyTuple_SET_ITEM(origin, i, entry);
    }
    return origin;
}

PyObject *_Py_MakeCoro(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    PyCodeObject *code = _PyFrame_GetCode(frame);
    PyTypeObject *type = (code->co_flags & CO_COROUTINE) ? &PyCoro_Type
                         : (code->co_flags & CO_ASYNC_GENERATOR) ? &PyAsyncGen_Type
                         : &PyGen_Type;
    Py_ssize_t slots = code->co_nlocalsplus + code->co_stacksize;
    PyObject *origin = NULL;
    if (type == &PyCoro_Type && tstate->coroutine_origin_tracking_depth > 0) {
        /* The coroutine's own frame may already be the current one. */
        _PyInterpreterFrame *caller = tstate->current_frame == frame
                                      ? frame->previous : tstate->current_frame;
        origin = compute_cr_origin(caller, tstate->coroutine_origin_tracking_depth);
        if (origin == NULL) {
            return NULL;
        }
    }
    PyGenObject *gen = PyObject_GC_NewVar(PyGenObject, type, slots);
    if (gen == NULL) {
        Py_XDECREF(origin);
        return NULL;
    }
    _PyFrame_Copy(frame, &gen->gi_iframe);
    gen->gi_iframe.owner = FRAME_OWNED_BY_GENERATOR;
    gen->gi_iframe.previous = NULL;
    gen->gi_iframe.is_entry = 0;
    gen->gi_iframe.yielded = 0;
    if (gen->gi_iframe.frame_obj != NULL) {
        gen->gi_iframe.frame_obj->f_frame = &gen->gi_iframe;
    }
    PyObject *func = frame->f_funcobj;
    if (func != NULL && PyFunction_Check(func)) {
        gen->gi_name = Py_NewRef(((PyFunctionObject *)func)->func_name);
        gen->gi_qualname = Py_NewRef(((PyFunctionObject *)func)->func_qualname);
    }
    else {
        gen->gi_name = Py_NewRef(code->co_name);
        gen->gi_qualname = Py_NewRef(code->co_qualname);
    }
    gen->gi_weakreflist = NULL;
    gen->gi_exc_state = NULL;
    gen->gi_caller_exc = NULL;
    gen->gi_handlers = 0;
    gen->ag_finalizer = NULL;
    gen->gi_frame_state = FRAME_CREATED;
    gen->ag_running_async = 0;
    gen->ag_closed = 0;
    gen->ag_hooks_inited = 0;
    gen->cr_origin = origin;
    PyObject_GC_Track(gen);
    return (PyObject *)gen;
}

/* ---- StopIteration values ------------------------------------------------ */

int _PyGen_SetStopIterationValue(PyObject *value)
{
    if (value == Py_None) {
        PyErr_SetNone(PyExc_StopIteration);
        return 0;
    }
    PyObject *exc = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (exc == NULL) {
        return -1;
    }
    PyErr_SetObject(PyExc_StopIteration, exc);
    Py_DECREF(exc);
    return 0;
}

int _PyGen_FetchStopIterationValue(PyObject **pvalue)
{
    PyObject *value = NULL;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *exc = PyErr_GetRaisedException();
        value = PyObject_GetAttrString(exc, "value");
        Py_DECREF(exc);
        if (value == NULL) {
            return -1;
        }
    }
    else if (PyErr_Occurred()) {
        return -1;
    }
    *pvalue = value ? value : Py_NewRef(Py_None);
    return 0;
}

PyObject *_PyGen_YieldFrom(PyObject *op)
{
    PyGenObject *gen = (PyGenObject *)op;
    if (__atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE) != FRAME_SUSPENDED) {
        return NULL;
    }
    _PyInterpreterFrame *frame = &gen->gi_iframe;
    _Py_CODEUNIT next = frame->instr_ptr[1];
    if (_Py_OPCODE(next) != RESUME
            || (_Py_OPARG(next) & RESUME_OPARG_LOCATION_MASK) < RESUME_AFTER_YIELD_FROM) {
        return NULL;
    }
    return _PyStackRef_Get(frame->localsplus[frame->stacktop - 1]);
}

/* ---- running ------------------------------------------------------------- */

static void gen_clear_frame(PyGenObject *gen)
{
    _PyInterpreterFrame *frame = &gen->gi_iframe;
    if (frame->frame_obj != NULL) {
        PyFrameObject *f = frame->frame_obj;
        frame->frame_obj = NULL;
        if (Py_REFCNT(f) > 1) {
            /* The frame object (kept by a traceback) takes the frame's
               references; the generator keeps its own reference to the
               code for gi_code. */
            _PyFrame_TakeOwnership(f, frame);
            Py_DECREF(f);
            Py_INCREF(frame->f_executable);
            frame->stacktop = 0;
            frame->f_funcobj = NULL;
            frame->f_locals = NULL;
            return;
        }
        f->f_frame = NULL;
        Py_DECREF(f);
    }
    _PyFrame_ClearExceptCode(frame);
}

/* Resume gen with `arg` (or raise the set exception into it when exc).
   Returns PYGEN_NEXT (yielded), PYGEN_RETURN or PYGEN_ERROR. */
static PySendResult gen_send_ex2(PyGenObject *gen, PyObject *arg,
                                 PyObject **presult, int exc, int closing)
{
    PyThreadState *tstate = _PyThreadState_GET();
    int8_t state = __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE);
    *presult = NULL;
    if (state == FRAME_CREATED && arg != NULL && arg != Py_None && !exc) {
        PyErr_Format(PyExc_TypeError,
                     "can't send non-None value to a just-started %s",
                     kind_name((PyObject *)gen));
        return PYGEN_ERROR;
    }
    if (state == FRAME_EXECUTING) {
        PyErr_Format(PyExc_ValueError, "%s already executing",
                     kind_name((PyObject *)gen));
        return PYGEN_ERROR;
    }
    if (state == FRAME_COMPLETED) {
        if (PyCoro_CheckExact(gen) && !closing) {
            PyErr_SetString(PyExc_RuntimeError,
                            "cannot reuse already awaited coroutine");
        }
        else if (arg != NULL && !exc) {
            *presult = Py_NewRef(Py_None);
            return PYGEN_RETURN;
        }
        return PYGEN_ERROR;
    }
    if (!gen_claim(gen, state)) {
        PyErr_Format(PyExc_ValueError, "%s already executing",
                     kind_name((PyObject *)gen));
        return PYGEN_ERROR;
    }
    _PyInterpreterFrame *frame = &gen->gi_iframe;
    frame->localsplus[frame->stacktop++] = Py_NewRef(arg ? arg : Py_None);

    /* Outside any except handler the generator sees its caller's
       handled exception; inside one, its own (kept while suspended). */
    PyObject *caller_exc = tstate->exc_info_value;
    PyObject *own_exc = gen->gi_exc_state;
    gen->gi_exc_state = NULL;
    gen->gi_caller_exc = caller_exc;
    tstate->exc_info_value = gen->gi_handlers ? own_exc : Py_XNewRef(caller_exc);
    if (!gen->gi_handlers) {
        Py_XDECREF(own_exc);
    }
    if (exc && gen->gi_handlers) {
        /* What is thrown in gets the generator's own handled exception
           as context, as if raised at the yield (not the caller's). */
        PyObject *thrown = _PyErr_GetRaisedException(tstate);
        _PyErr_SetObject(tstate, (PyObject *)Py_TYPE(thrown), thrown);
        Py_DECREF(thrown);
    }

    Py_INCREF(gen);
    PyObject *result = _PyEval_EvalFrame(tstate, frame, exc);
    int yielded = result != NULL && frame->yielded;

    PyObject *now = tstate->exc_info_value;
    if (yielded && gen->gi_handlers) {
        gen->gi_exc_state = now;
    }
    else {
        Py_XDECREF(now);
    }
    tstate->exc_info_value = caller_exc;
    gen->gi_caller_exc = NULL;

    if (yielded) {
        __atomic_store_n(&gen->gi_frame_state, FRAME_SUSPENDED, __ATOMIC_RELEASE);
        Py_DECREF(gen);
        *presult = result;
        return PYGEN_NEXT;
    }
    gen_clear_frame(gen);
    __atomic_store_n(&gen->gi_frame_state, FRAME_COMPLETED, __ATOMIC_RELEASE);
    Py_DECREF(gen);
    if (result != NULL) {
        *presult = result;
        return PYGEN_RETURN;
    }
    return PYGEN_ERROR;
}

/* ---- inline resumption (FOR_ITER and SEND in Python/ceval_ops.h) ------- */

/* The evaluator runs an exact generator's or coroutine's frame in its own
   loop, linked above the caller's frame, instead of calling gen_send_ex2
   (which enters the loop again in C).  These three do what gen_send_ex2
   does around _PyEval_EvalFrame, split at the points where the loop
   leaves the frame.  The caller's stack holds a reference to the
   generator throughout (FOR_ITER's iterator, SEND's receiver): the
   caller is suspended at that instruction until the generator's frame
   yields, returns or raises, and nothing else can pop its stack (a
   frame in the chain of an executing one cannot be cleared), so unlike
   gen_send_ex2 the generator takes no reference to itself while it
   runs. */

static inline PyGenObject *gen_of_frame(_PyInterpreterFrame *frame)
{
    return (PyGenObject *)((char *)frame - offsetof(PyGenObject, gi_iframe));
}

/* Claim op (an exact generator or coroutine) to run with `arg` sent in:
   mark it executing (the compare-and-swap excludes other threads), push
   arg on its frame and install its exception state.  On success the
   frame takes the caller's reference to arg (SEND's popped value; FOR_ITER
   sends None, immortal, whose count is never written), so the caller
   neither releases it nor the generator takes another.  Its frame, or
   NULL when it cannot be resumed this way (not suspended, or just created
   and arg is not None): nothing changed then, arg is still the caller's,
   and gen_send_ex2 gives the answer, errors included. */
_PyInterpreterFrame *_PyGen_ResumeInline(PyThreadState *tstate, PyObject *op,
                                         PyObject *arg)
{
    PyGenObject *gen = (PyGenObject *)op;
    int8_t state = __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE);
    if (state != FRAME_SUSPENDED
            && (state != FRAME_CREATED || arg != Py_None)) {
        return NULL;
    }
    if (!gen_claim(gen, state)) {
        return NULL;
    }
    _PyInterpreterFrame *frame = &gen->gi_iframe;
    frame->localsplus[frame->stacktop++] = arg;
    PyObject *caller_exc = tstate->exc_info_value;
    PyObject *own_exc = gen->gi_exc_state;
    gen->gi_exc_state = NULL;
    gen->gi_caller_exc = caller_exc;
    /* As gen_send_ex2: the generator's own handled exception only inside
       one of its except handlers. */
    tstate->exc_info_value = gen->gi_handlers ? own_exc : Py_XNewRef(caller_exc);
    if (!gen->gi_handlers) {
        Py_XDECREF(own_exc);
    }
    frame->is_entry = 0;
    frame->yielded = 0;
    return frame;
}

/* Give the caller's exception state back; the generator keeps what it is
   handling when it is suspended (keep), else it is dropped.  Always
   inline: it runs on every inline yield. */
static inline Py_ALWAYS_INLINE void
restore_caller_exc(PyThreadState *tstate, PyGenObject *gen,
                   int keep)
{
    PyObject *now = tstate->exc_info_value;
    PyObject *caller_exc = gen->gi_caller_exc;
    gen->gi_caller_exc = NULL;
    if (keep && gen->gi_handlers) {
        gen->gi_exc_state = now;
    }
    else {
        Py_XDECREF(now);
    }
    tstate->exc_info_value = caller_exc;
}

/* The frame resumed by _PyGen_ResumeInline yielded (its stack saved, its
   `previous` already unlinked). */
void _PyGen_SuspendInline(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    PyGenObject *gen = gen_of_frame(frame);
    restore_caller_exc(tstate, gen, 1);
    __atomic_store_n(&gen->gi_frame_state, FRAME_SUSPENDED, __ATOMIC_RELEASE);
}

/* The frame resumed by _PyGen_ResumeInline returned or raised: the
   generator is finished, as gen_send_ex2 leaves it. */
void _PyGen_FinishInline(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    PyGenObject *gen = gen_of_frame(frame);
    restore_caller_exc(tstate, gen, 0);
    gen_clear_frame(gen);
    __atomic_store_n(&gen->gi_frame_state, FRAME_COMPLETED, __ATOMIC_RELEASE);
}

/* See pycore_genobject.h.  Only the thread running the generator touches
   these fields (gi_frame_state is EXECUTING). */
void _PyGen_HandlerEntered(_PyInterpreterFrame *frame)
{
    gen_of_frame(frame)->gi_handlers++;
}

PyObject *_PyGen_HandlerLeft(_PyInterpreterFrame *frame, PyObject *saved)
{
    PyGenObject *gen = gen_of_frame(frame);
    if (gen->gi_handlers == 0 || --gen->gi_handlers > 0) {
        return saved;
    }
    Py_DECREF(saved);
    return Py_NewRef(gen->gi_caller_exc ? gen->gi_caller_exc : Py_None);
}

/* send()/__next__: a yielded value, or NULL with StopIteration (or
   StopAsyncIteration for async generators) carrying the return value. */
static PyObject *gen_send_ex(PyGenObject *gen, PyObject *arg, int exc,
                             int closing)
{
    PyObject *result;
    PySendResult status = gen_send_ex2(gen, arg, &result, exc, closing);
    if (status == PYGEN_NEXT) {
        return result;
    }
    if (status == PYGEN_RETURN) {
        if (PyAsyncGen_CheckExact(gen)) {
            Py_DECREF(result);
            PyErr_SetNone(PyExc_StopAsyncIteration);
        }
        else {
            _PyGen_SetStopIterationValue(result);
            Py_DECREF(result);
        }
    }
    else if (!PyErr_Occurred() && !PyAsyncGen_CheckExact(gen)) {
        PyErr_SetNone(PyExc_StopIteration);
    }
    else if (!PyErr_Occurred()) {
        PyErr_SetNone(PyExc_StopAsyncIteration);
    }
    return NULL;
}

static PySendResult gen_am_send(PyObject *op, PyObject *arg, PyObject **presult)
{
    return gen_send_ex2((PyGenObject *)op, arg, presult, 0, 0);
}

static PyObject *gen_iternext(PyObject *op)
{
    PyObject *result;
    PySendResult status = gen_send_ex2((PyGenObject *)op, NULL, &result, 0, 0);
    if (status == PYGEN_RETURN) {
        if (result != Py_None) {
            _PyGen_SetStopIterationValue(result);
        }
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *gen_send(PyObject *op, PyObject *arg)
{
    return gen_send_ex((PyGenObject *)op, arg, 0, 0);
}

/* Close a sub-iterator we delegate to; 0 or -1. */
static int gen_close_iter(PyObject *yf)
{
    PyObject *retval = NULL;
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        retval = PyObject_CallMethod(yf, "close", NULL);
        if (retval == NULL) {
            return -1;
        }
    }
    else {
        PyObject *meth;
        if (PyObject_GetOptionalAttrString(yf, "close", &meth) < 0) {
            PyErr_WriteUnraisable(yf);
        }
        if (meth != NULL) {
            retval = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (retval == NULL) {
                return -1;
            }
        }
    }
    Py_XDECREF(retval);
    return 0;
}

static PyObject *gen_throw_in(PyGenObject *gen, PyObject *typ, PyObject *val,
                              PyObject *tb, int close_on_genexit);

/* Raise (typ, val, tb) in the generator's frame. */
static PyObject *throw_here(PyGenObject *gen, PyObject *typ, PyObject *val,
                            PyObject *tb)
{
    if (tb == Py_None) {
        tb = NULL;
    }
    else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError,
                        "throw() third argument must be a traceback object");
        return NULL;
    }
    PyObject *exc;
    if (PyExceptionClass_Check(typ)) {
        if (val == NULL || val == Py_None) {
            exc = PyObject_CallNoArgs(typ);
        }
        else if (PyExceptionInstance_Check(val)
                 && PyObject_IsInstance(val, typ) == 1) {
            exc = Py_NewRef(val);
        }
        else {
            exc = PyTuple_Check(val) ? PyObject_Call(typ, val, NULL)
                                     : PyObject_CallOneArg(typ, val);
        }
        if (exc != NULL && !PyExceptionInstance_Check(exc)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of "
                         "BaseException, not %s", typ, Py_TYPE(exc)->tp_name);
            Py_CLEAR(exc);
        }
        if (exc == NULL) {
            /* As in CPython, the failure to make the exception is what
               the generator receives at its yield. */
            exc = PyErr_GetRaisedException();
        }
    }
    else if (PyExceptionInstance_Check(typ)) {
        if (val != NULL && val != Py_None) {
            PyErr_SetString(PyExc_TypeError,
                            "instance exception may not have a separate value");
            return NULL;
        }
        exc = Py_NewRef(typ);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "exceptions must be classes or instances deriving from "
                     "BaseException, not %s", Py_TYPE(typ)->tp_name);
        return NULL;
    }
    if (tb != NULL) {
        PyException_SetTraceback(exc, tb);
    }
    PyErr_SetRaisedException(exc);
    return gen_send_ex(gen, Py_None, 1, 0);
}

static PyObject *gen_throw_in(PyGenObject *gen, PyObject *typ, PyObject *val,
                              PyObject *tb, int close_on_genexit)
{
    PyObject *yf = _PyGen_YieldFrom((PyObject *)gen);
    if (yf == NULL) {
        return throw_here(gen, typ, val, tb);
    }
    Py_INCREF(yf);
    PyObject *ret;
    if (close_on_genexit
            && PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit)) {
        __atomic_store_n(&gen->gi_frame_state, FRAME_EXECUTING, __ATOMIC_RELEASE);
        int err = gen_close_iter(yf);
        __atomic_store_n(&gen->gi_frame_state, FRAME_SUSPENDED, __ATOMIC_RELEASE);
        Py_DECREF(yf);
        if (err < 0) {
            return gen_send_ex(gen, Py_None, 1, 0);
        }
        return throw_here(gen, typ, val, tb);
    }
    __atomic_store_n(&gen->gi_frame_state, FRAME_EXECUTING, __ATOMIC_RELEASE);
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        /* Our frame stays on this thread's frame stack while the
           sub-generator runs, so its tracebacks and stack walks see the
           whole chain, as they do for send(). */
        PyThreadState *tstate = _PyThreadState_GET();
        _PyInterpreterFrame *frame = &gen->gi_iframe;
        _PyInterpreterFrame *prev = tstate->current_frame;
        frame->previous = prev;
        tstate->current_frame = frame;
        ret = gen_throw_in((PyGenObject *)yf, typ, val, tb, close_on_genexit);
        tstate->current_frame = prev;
        frame->previous = NULL;
    }
    else {
        PyObject *meth;
        if (PyObject_GetOptionalAttrString(yf, "throw", &meth) < 0) {
            __atomic_store_n(&gen->gi_frame_state, FRAME_SUSPENDED, __ATOMIC_RELEASE);
            Py_DECREF(yf);
            return NULL;
        }
        if (meth == NULL) {
            __atomic_store_n(&gen->gi_frame_state, FRAME_SUSPENDED, __ATOMIC_RELEASE);
            Py_DECREF(yf);
            return throw_here(gen, typ, val, tb);
        }
        ret = PyObject_CallFunctionObjArgs(meth, typ, val ? val : Py_None,
                                           tb ? tb : Py_None, NULL);
        Py_DECREF(meth);
    }
    __atomic_store_n(&gen->gi_frame_state, FRAME_SUSPENDED, __ATOMIC_RELEASE);
    Py_DECREF(yf);
    if (ret == NULL) {
        /* The sub-iterator finished or failed: the exception (a
           StopIteration carrying its result included) is raised at our
           yield, where CLEANUP_THROW sorts it out. */
        return gen_send_ex(gen, Py_None, 1, 0);
    }
    return ret;
}

static PyObject *gen_throw(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("throw", nargs, 1, 3)) {
        return NULL;
    }
    if (nargs > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of throw() is deprecated, "
                         "use the single-arg signature instead.", 1) < 0) {
            return NULL;
        }
    }
    return gen_throw_in((PyGenObject *)op, args[0], nargs > 1 ? args[1] : NULL,
                        nargs > 2 ? args[2] : NULL, 1);
}

/* Whether a generator suspended at the yield at `yield_instr` would only
   be unwound by an exception thrown in there: a plain yield (not a
   `yield from` / `await`) that no handler covers but the one the
   compiler wraps every generator body in (CALL_INTRINSIC_1
   INTRINSIC_STOPITERATION_ERROR, then RERAISE), and no handled exception
   kept.  The instructions read are never specialized or rewritten. */
static int gen_yield_unwinds_only(PyGenObject *gen, _Py_CODEUNIT *yield_instr)
{
    PyCodeObject *code = _PyFrame_GetCode(&gen->gi_iframe);
    _Py_CODEUNIT *first = _PyCode_CODE(code);
    _Py_CODEUNIT resume = yield_instr[1];
    if (gen->gi_handlers != 0 || gen->gi_exc_state != NULL
            || _Py_OPCODE(yield_instr[0]) != YIELD_VALUE
            || _Py_OPCODE(resume) != RESUME
            || (_Py_OPARG(resume) & RESUME_OPARG_LOCATION_MASK)
               != RESUME_AFTER_YIELD) {
        return 0;
    }
    int depth, lasti;
    int handler = _PyCode_FindHandler(code, (int)(yield_instr - first),
                                      &depth, &lasti);
    return handler >= 0 && _Py_OPCODE(first[handler]) == CALL_INTRINSIC_1
           && _Py_OPARG(first[handler]) == INTRINSIC_STOPITERATION_ERROR;
}

/* close() without throwing GeneratorExit in, where that would only unwind
   the frame (CPython 3.12+ does the same): a generator left unfinished,
   such as `all(x < y for x in items)` stopping early, used to run its
   frame once more to raise and unwind (go: 7% of its instructions).
   Exact generators only; as in CPython, also while tracing or
   profiling, which then see no events for the frame (the throw would
   fire a call and a return).  1 when the generator was finished here, 0 to
   take the general path.  Free-threaded build: the compare-and-swap
   claims the generator against a thread resuming it, as gen_send_ex2's
   does; the frame is cleared before COMPLETED is published. */
static int gen_close_without_throw(PyGenObject *gen)
{
    if (!PyGen_CheckExact(gen)) {
        return 0;
    }
    if (!gen_claim(gen, FRAME_SUSPENDED)) {
        return 0;
    }
    if (!gen_yield_unwinds_only(gen, gen->gi_iframe.instr_ptr)) {
        __atomic_store_n(&gen->gi_frame_state, FRAME_SUSPENDED, __ATOMIC_RELEASE);
        return 0;
    }
    gen_clear_frame(gen);
    __atomic_store_n(&gen->gi_frame_state, FRAME_COMPLETED, __ATOMIC_RELEASE);
    return 1;
}

static PyObject *gen_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyGenObject *gen = (PyGenObject *)op;
    int8_t state = __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE);
    if (state == FRAME_CREATED) {
        gen_clear_frame(gen);
        __atomic_store_n(&gen->gi_frame_state, FRAME_COMPLETED, __ATOMIC_RELEASE);
        Py_RETURN_NONE;
    }
    if (state == FRAME_COMPLETED || gen_close_without_throw(gen)) {
        Py_RETURN_NONE;
    }
    PyObject *result = gen_throw_in(gen, PyExc_GeneratorExit, NULL, NULL, 1);
    if (result != NULL) {
        Py_DECREF(result);
        PyErr_Format(PyExc_RuntimeError, "%s ignored GeneratorExit",
                     kind_name(op));
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *value;
        if (_PyGen_FetchStopIterationValue(&value) < 0) {
            return NULL;
        }
        return value;
    }
    if (PyErr_ExceptionMatches(PyExc_GeneratorExit)
            || PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

/* A coroutine collected before it ever ran: RuntimeWarning "coroutine
   'name' was never awaited", through warnings._warn_unawaited_coroutine
   when the warnings module is loaded (it adds where the coroutine was
   created), else directly.  A failure is reported as unraisable; a hook
   that fails (other than by raising the warning as an error) is followed
   by the direct warning, as in CPython. */
static void warn_unawaited_coroutine(PyObject *coro)
{
    PyObject *exc = PyErr_GetRaisedException();
    int failed = 0, warned = 0;
    PyObject *name = PyUnicode_FromString("warnings");
    PyObject *warnings = name != NULL ? PyImport_GetModule(name) : NULL;
    Py_XDECREF(name);
    PyObject *hook = NULL;
    if (warnings != NULL
            && PyObject_GetOptionalAttrString(warnings, "_warn_unawaited_coroutine",
                                              &hook) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(warnings);
    if (hook != NULL) {
        PyObject *res = PyObject_CallOneArg(hook, coro);
        warned = res != NULL || PyErr_ExceptionMatches(PyExc_RuntimeWarning);
        Py_XDECREF(res);
        Py_DECREF(hook);
        if (PyErr_Occurred()) {
            PyErr_WriteUnraisable(coro);
        }
    }
    PyErr_Clear();
    if (!warned) {
        failed = PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                                  "coroutine '%S' was never awaited",
                                  ((PyGenObject *)coro)->gi_qualname) < 0;
    }
    if (failed) {
        PyErr_WriteUnraisable(coro);
    }
    PyErr_SetRaisedException(exc);
}

/* Whether gen_finalize has anything to do for gen in `state`: close a
   suspended or running frame, or warn about a coroutine never awaited.
   A finished generator (the common death) and a generator never started
   have nothing to close. */
static int gen_finalizer_needed(PyGenObject *gen, int8_t state)
{
    if (state == FRAME_CREATED) {
        return PyCoro_CheckExact(gen);
    }
    return state != FRAME_COMPLETED;
}

/* PEP 442 finalizer: close a generator abandoned while suspended. */
static void gen_finalize(PyObject *op)
{
    PyGenObject *gen = (PyGenObject *)op;
    int8_t state = __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE);
    if (!gen_finalizer_needed(gen, state)) {
        return;
    }
    if (state == FRAME_CREATED) {
        warn_unawaited_coroutine(op);   /* a coroutine, never awaited */
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyAsyncGen_CheckExact(op) && gen->ag_finalizer != NULL) {
        PyObject *res = PyObject_CallOneArg(gen->ag_finalizer, op);
        if (res == NULL) {
            PyErr_WriteUnraisable(op);
        }
        Py_XDECREF(res);
    }
    else {
        PyObject *res = gen_close(op, NULL);
        if (res == NULL) {
            if (PyErr_Occurred()) {
                PyErr_WriteUnraisable(op);
            }
        }
        else {
            Py_DECREF(res);
        }
    }
    PyErr_SetRaisedException(exc);
}

/* ---- object protocol ------------------------------------------------------ */

/* Only the thread dropping the last reference runs this, so the state
   read cannot race with a resumption. */
static void gen_dealloc(PyObject *op)
{
    PyGenObject *gen = (PyGenObject *)op;
    PyObject_GC_UnTrack(op);
    if (gen->gi_weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    int8_t state = __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE);
    if (gen_finalizer_needed(gen, state)) {
        /* The finalizer may resurrect gen: it must be tracked again
           while it runs (PEP 442). */
        PyObject_GC_Track(op);
        if (PyObject_CallFinalizerFromDealloc(op) < 0) {
            return;     /* resurrected */
        }
        PyObject_GC_UnTrack(op);
        state = __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE);
    }
    if (state != FRAME_COMPLETED) {
        gen_clear_frame(gen);
    }
    Py_CLEAR(gen->gi_iframe.f_executable);
    Py_CLEAR(gen->gi_name);
    Py_CLEAR(gen->gi_qualname);
    Py_CLEAR(gen->gi_exc_state);
    Py_CLEAR(gen->ag_finalizer);
    Py_CLEAR(gen->cr_origin);
    PyObject_GC_Del(op);
}

static int gen_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyGenObject *gen = (PyGenObject *)op;
    Py_VISIT(gen->gi_name);
    Py_VISIT(gen->gi_qualname);
    Py_VISIT(gen->gi_exc_state);
    Py_VISIT(gen->ag_finalizer);
    Py_VISIT(gen->cr_origin);
    Py_VISIT(gen->gi_iframe.f_executable);
    int8_t state = __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE);
    if (state != FRAME_COMPLETED) {
        _PyInterpreterFrame *frame = &gen->gi_iframe;
        Py_VISIT(frame->f_funcobj);
        Py_VISIT(frame->f_locals);
        Py_VISIT(frame->frame_obj);
        /* While the frame runs, the evaluator keeps its stack pointer in a
           register and stores the depth only at some points (calls,
           yields, eval-breaker checks), so stacktop may still count slots
           popped and freed since: only the locals are current.  Leaving
           the running stack unvisited is safe: its objects then look
           referenced from outside, which keeps them alive. */
        int depth = frame->stacktop;
        int nlocals = _PyFrame_GetCode(frame)->co_nlocalsplus;
        if (state == FRAME_EXECUTING && depth > nlocals) {
            depth = nlocals;
        }
        /* A borrowed stack slot holds no reference (the local it
           copies is visited). */
        for (int i = 0; i < depth; i++) {
            if (!_PyStackRef_IsBorrowed(frame->localsplus[i])) {
                Py_VISIT(frame->localsplus[i]);
            }
        }
    }
    return 0;
}

static PyObject *gen_repr(PyObject *op)
{
    return PyUnicode_FromFormat("<%s object %U at %p>", kind_name(op),
                                ((PyGenObject *)op)->gi_qualname, op);
}

static PyObject *gen_get_name(PyObject *op, void *closure)
{
    (void)closure;
    return Py_NewRef(((PyGenObject *)op)->gi_name);
}

static int gen_set_name(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyGenObject *)op)->gi_name, Py_NewRef(value));
    return 0;
}

static PyObject *gen_get_qualname(PyObject *op, void *closure)
{
    (void)closure;
    return Py_NewRef(((PyGenObject *)op)->gi_qualname);
}

static int gen_set_qualname(PyObject *op, PyObject *value, void *closure)
{
    (void)closure;
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(((PyGenObject *)op)->gi_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *gen_get_frame(PyObject *op, void *closure)
{
    (void)closure;
    PyGenObject *gen = (PyGenObject *)op;
    if (__atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE) == FRAME_COMPLETED) {
        Py_RETURN_NONE;
    }
    return Py_XNewRef((PyObject *)_PyFrame_GetFrameObject(&gen->gi_iframe));
}

static PyObject *gen_get_running(PyObject *op, void *closure)
{
    (void)closure;
    int8_t state = __atomic_load_n(&((PyGenObject *)op)->gi_frame_state,
                                   __ATOMIC_ACQUIRE);
    return PyBool_FromLong(state == FRAME_EXECUTING);
}

static PyObject *gen_get_suspended(PyObject *op, void *closure)
{
    (void)closure;
    int8_t state = __atomic_load_n(&((PyGenObject *)op)->gi_frame_state,
                                   __ATOMIC_ACQUIRE);
    return PyBool_FromLong(state == FRAME_SUSPENDED);
}

static PyObject *gen_get_code(PyObject *op, void *closure)
{
    (void)closure;
    return Py_NewRef(((PyGenObject *)op)->gi_iframe.f_executable);
}

static PyObject *gen_get_yieldfrom(PyObject *op, void *closure)
{
    (void)closure;
    PyObject *yf = _PyGen_YieldFrom(op);
    return Py_NewRef(yf ? yf : Py_None);
}

static PyObject *ag_get_running(PyObject *op, void *closure)
{
    (void)closure;
    return PyBool_FromLong(((PyGenObject *)op)->ag_running_async);
}

static PyGetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the generator", NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname,
     "qualified name of the generator", NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *coro_get_origin(PyObject *op, void *Py_UNUSED(closure))
{
    PyObject *origin = ((PyGenObject *)op)->cr_origin;
    return Py_NewRef(origin != NULL ? origin : Py_None);
}

static PyGetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the coroutine", NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname,
     "qualified name of the coroutine", NULL},
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyGetSetDef ag_getset[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the async generator", NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname,
     "qualified name of the async generator", NULL},
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_running", ag_get_running, NULL, NULL, NULL},
    {"ag_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef gen_methods[] = {
    {"send", gen_send, METH_O, "send(arg) -> send 'arg' into generator,\n"
     "return next yielded value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(gen_throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside "
     "generator."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods gen_as_async = {
    .am_send = gen_am_send,
};

PyTypeObject PyGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe)
                    + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &gen_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_finalize = gen_finalize,
};

/* ---- coroutines ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyGenObject *cw_coroutine;
} coro_wrapper;

static PyObject *coro_await(PyObject *coro)
{
    coro_wrapper *cw = PyObject_GC_New(coro_wrapper, &_PyCoroWrapper_Type);
    if (cw == NULL) {
        return NULL;
    }
    cw->cw_coroutine = (PyGenObject *)Py_NewRef(coro);
    PyObject_GC_Track(cw);
    return (PyObject *)cw;
}

static PyMethodDef coro_methods[] = {
    {"send", gen_send, METH_O, "send(arg) -> send 'arg' into coroutine,\n"
     "return next iterated value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(gen_throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in "
     "coroutine."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside "
     "coroutine."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods coro_as_async = {
    .am_await = coro_await,
    .am_send = gen_am_send,
};

PyTypeObject PyCoro_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe)
                    + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .tp_finalize = gen_finalize,
};

static void cw_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((coro_wrapper *)op)->cw_coroutine);
    PyObject_GC_Del(op);
}

static int cw_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((coro_wrapper *)op)->cw_coroutine);
    return 0;
}

static PyObject *cw_iternext(PyObject *op)
{
    return gen_send_ex(((coro_wrapper *)op)->cw_coroutine, Py_None, 0, 0);
}

static PyObject *cw_send(PyObject *op, PyObject *arg)
{
    return gen_send_ex(((coro_wrapper *)op)->cw_coroutine, arg, 0, 0);
}

static PyObject *cw_throw(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    return gen_throw((PyObject *)((coro_wrapper *)op)->cw_coroutine, args, nargs);
}

static PyObject *cw_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return gen_close((PyObject *)((coro_wrapper *)op)->cw_coroutine, NULL);
}

static PyMethodDef cw_methods[] = {
    {"send", cw_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(cw_throw), METH_FASTCALL, NULL},
    {"close", cw_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyCoroWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(coro_wrapper),
    .tp_dealloc = cw_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = cw_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
};

PyObject *_PyCoro_GetAwaitableIter(PyObject *o)
{
    if (PyCoro_CheckExact(o)) {
        return Py_NewRef(o);
    }
    if (PyGen_CheckExact(o)) {
        PyCodeObject *code = _PyFrame_GetCode(&((PyGenObject *)o)->gi_iframe);
        if (code->co_flags & CO_ITERABLE_COROUTINE) {
            return Py_NewRef(o);
        }
    }
    PyTypeObject *type = Py_TYPE(o);
    if (type->tp_as_async != NULL && type->tp_as_async->am_await != NULL) {
        PyObject *res = type->tp_as_async->am_await(o);
        if (res == NULL) {
            return NULL;
        }
        if (PyCoro_CheckExact(res)) {
            PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
            Py_DECREF(res);
            return NULL;
        }
        if (!PyIter_Check(res)) {
            PyErr_Format(PyExc_TypeError,
                         "__await__() returned non-iterator of type '%.100s'",
                         Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return NULL;
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "'%.100s' object can't be awaited",
                 type->tp_name);
    return NULL;
}

/* ---- async generators ------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    PyObject *agw_val;
} wrapped_value;

PyObject *_PyAsyncGenValueWrapperNew(PyObject *value)
{
    wrapped_value *w = PyObject_GC_New(wrapped_value, &_PyAsyncGenWrappedValue_Type);
    if (w == NULL) {
        return NULL;
    }
    w->agw_val = Py_NewRef(value);
    PyObject_GC_Track(w);
    return (PyObject *)w;
}

static void wv_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((wrapped_value *)op)->agw_val);
    PyObject_GC_Del(op);
}

static int wv_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((wrapped_value *)op)->agw_val);
    return 0;
}

PyTypeObject _PyAsyncGenWrappedValue_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(wrapped_value),
    .tp_dealloc = wv_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wv_traverse,
};

/* The result of one step of an async generator as seen by its awaiter:
   a wrapped value ends the asend/athrow with StopIteration(value); any
   other yielded value passes through (an inner await); NULL passes on
   (StopAsyncIteration when the generator returned). */
static PyObject *unwrap_step(PyGenObject *gen, PyObject *result)
{
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration)
                || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
            gen->ag_closed = 1;
        }
        gen->ag_running_async = 0;
        return NULL;
    }
    if (Py_IS_TYPE(result, &_PyAsyncGenWrappedValue_Type)) {
        _PyGen_SetStopIterationValue(((wrapped_value *)result)->agw_val);
        Py_DECREF(result);
        gen->ag_running_async = 0;
        return NULL;
    }
    return result;
}

enum { AWAITABLE_INIT, AWAITABLE_ITER, AWAITABLE_CLOSED };

/* asend(value) and athrow(...) awaitables share one layout. */
typedef struct {
    PyObject_HEAD
    PyGenObject *gen;
    PyObject *sendval;      /* asend: first value; athrow: args tuple or NULL
                               for aclose() */
    int state;
    int is_throw;
} ag_awaitable;

/* sys.set_asyncgen_hooks: the first asend/athrow/aclose/__anext__ of an
   async generator records the calling thread's finalizer (called, instead
   of closing it, when the generator is collected while suspended) and
   passes the generator to its firstiter hook.  The atomic exchange makes
   this happen once even if two threads race on a new generator. */
static int ag_init_hooks(PyGenObject *gen)
{
    if (__atomic_exchange_n(&gen->ag_hooks_inited, 1, __ATOMIC_ACQ_REL)) {
        return 0;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->async_gen_finalizer != NULL) {
        gen->ag_finalizer = Py_NewRef(tstate->async_gen_finalizer);
    }
    PyObject *firstiter = Py_XNewRef(tstate->async_gen_firstiter);
    if (firstiter == NULL) {
        return 0;
    }
    PyObject *res = PyObject_CallOneArg(firstiter, (PyObject *)gen);
    Py_DECREF(firstiter);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *ag_awaitable_new(PyTypeObject *type, PyGenObject *gen,
                                  PyObject *val, int is_throw)
{
    if (ag_init_hooks(gen) < 0) {
        return NULL;
    }
    ag_awaitable *a = PyObject_GC_New(ag_awaitable, type);
    if (a == NULL) {
        return NULL;
    }
    a->gen = (PyGenObject *)Py_NewRef(gen);
    a->sendval = Py_XNewRef(val);
    a->state = AWAITABLE_INIT;
    a->is_throw = is_throw;
    PyObject_GC_Track(a);
    return (PyObject *)a;
}

static void aga_dealloc(PyObject *op)
{
    ag_awaitable *a = (ag_awaitable *)op;
    if (a->state == AWAITABLE_INIT
            && PyObject_CallFinalizerFromDealloc(op) < 0) {
        return;     /* resurrected by the warning machinery */
    }
    PyObject_GC_UnTrack(op);
    Py_CLEAR(a->gen);
    Py_CLEAR(a->sendval);
    PyObject_GC_Del(op);
}

static int aga_traverse(PyObject *op, visitproc visit, void *arg)
{
    ag_awaitable *a = (ag_awaitable *)op;
    Py_VISIT(a->gen);
    Py_VISIT(a->sendval);
    return 0;
}

static PyObject *asend_send(PyObject *op, PyObject *arg)
{
    ag_awaitable *a = (ag_awaitable *)op;
    if (a->state == AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (a->state == AWAITABLE_INIT) {
        if (a->gen->ag_running_async) {
            a->state = AWAITABLE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None) {
            arg = a->sendval;
        }
        a->state = AWAITABLE_ITER;
    }
    a->gen->ag_running_async = 1;
    PyObject *result = unwrap_step(a->gen, gen_send_ex(a->gen, arg, 0, 0));
    if (result == NULL) {
        a->state = AWAITABLE_CLOSED;
    }
    return result;
}

static PyObject *asend_iternext(PyObject *op)
{
    return asend_send(op, NULL);
}

/* The first step of an awaitable (state INIT): refused with RuntimeError
   `running` while another awaitable of the generator is running; else
   the generator is marked running.  An awaitable is driven by its one
   awaiter; ag_running_async is the generator's flag, as in asend_send. */
static int aga_start(ag_awaitable *a, const char *running)
{
    if (a->gen->ag_running_async) {
        a->state = AWAITABLE_CLOSED;
        PyErr_SetString(PyExc_RuntimeError, running);
        return -1;
    }
    a->state = AWAITABLE_ITER;
    a->gen->ag_running_async = 1;
    return 0;
}

/* asend(...).throw(): throws into the generator, as CPython's
   async_gen_asend_throw. */
static PyObject *asend_throw(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    ag_awaitable *a = (ag_awaitable *)op;
    if (a->state == AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (a->state == AWAITABLE_INIT
            && aga_start(a, "anext(): asynchronous generator is already "
                            "running") < 0) {
        return NULL;
    }
    PyObject *result = unwrap_step(a->gen, gen_throw((PyObject *)a->gen,
                                                     args, nargs));
    if (result == NULL) {
        a->state = AWAITABLE_CLOSED;
    }
    return result;
}

/* close() of an awaitable: GeneratorExit thrown in through its own
   throw(); a value yielded instead means the generator ignored it. */
static PyObject *aga_close_via(PyObject *op,
                               PyObject *(*throw)(PyObject *, PyObject *const *,
                                                  Py_ssize_t))
{
    if (((ag_awaitable *)op)->state == AWAITABLE_CLOSED) {
        Py_RETURN_NONE;
    }
    PyObject *exc = PyExc_GeneratorExit;
    PyObject *result = throw(op, &exc, 1);
    if (result != NULL) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit");
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration)
            || PyErr_ExceptionMatches(PyExc_StopAsyncIteration)
            || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyObject *asend_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return aga_close_via(op, asend_throw);
}

/* PEP 442 finalizer: an awaitable collected before its first step warns
   "coroutine method 'asend' of '<qualname>' was never awaited", as
   CPython 3.13+ (the generator itself is untouched). */
static void aga_finalize(PyObject *op)
{
    ag_awaitable *a = (ag_awaitable *)op;
    if (a->state != AWAITABLE_INIT) {
        return;
    }
    const char *method = Py_IS_TYPE(op, &_PyAsyncGenASend_Type) ? "asend"
                         : a->sendval == NULL ? "aclose" : "athrow";
    PyObject *exc = PyErr_GetRaisedException();
    if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                         "coroutine method '%s' of %R was never awaited",
                         method, a->gen->gi_qualname) < 0) {
        PyErr_WriteUnraisable((PyObject *)a->gen);
    }
    PyErr_SetRaisedException(exc);
}

static PyObject *aga_await(PyObject *op)
{
    return Py_NewRef(op);
}

static PyMethodDef asend_methods[] = {
    {"send", asend_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(asend_throw), METH_FASTCALL, NULL},
    {"close", asend_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods aga_as_async = {
    .am_await = aga_await,
};

PyTypeObject _PyAsyncGenASend_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(ag_awaitable),
    .tp_dealloc = aga_dealloc,
    .tp_finalize = aga_finalize,
    .tp_as_async = &aga_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = aga_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

/* athrow(...) / aclose(): throw on the first step, then behave like
   asend; aclose() turns a clean exit into StopIteration and a further
   yield into RuntimeError. */
static PyObject *athrow_step(ag_awaitable *a, PyObject *result);

static PyObject *athrow_send(PyObject *op, PyObject *arg)
{
    ag_awaitable *a = (ag_awaitable *)op;
    PyGenObject *gen = a->gen;
    PyObject *result;
    if (a->state == AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (a->state == AWAITABLE_INIT) {
        if (gen->ag_running_async) {
            a->state = AWAITABLE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            a->sendval == NULL
                            ? "aclose(): asynchronous generator is already running"
                            : "athrow(): asynchronous generator is already running");
            return NULL;
        }
        if (gen->ag_closed
                || __atomic_load_n(&gen->gi_frame_state, __ATOMIC_ACQUIRE)
                   == FRAME_COMPLETED) {
            a->state = AWAITABLE_CLOSED;
            PyErr_SetNone(PyExc_StopIteration);
            return NULL;
        }
        a->state = AWAITABLE_ITER;
        gen->ag_running_async = 1;
        if (a->sendval == NULL) {
            gen->ag_closed = 1;
            result = gen_throw_in(gen, PyExc_GeneratorExit, NULL, NULL, 0);
        }
        else {
            /* athrow() already warned about three arguments. */
            Py_ssize_t n = PyTuple_GET_SIZE(a->sendval);
            result = gen_throw_in(gen, PyTuple_GET_ITEM(a->sendval, 0),
                                  n > 1 ? PyTuple_GET_ITEM(a->sendval, 1) : NULL,
                                  n > 2 ? PyTuple_GET_ITEM(a->sendval, 2) : NULL,
                                  1);
        }
    }
    else {
        result = gen_send_ex(gen, arg, 0, 0);
    }
    return athrow_step(a, result);
}

/* athrow(...).throw(): as CPython's async_gen_athrow_throw. */
static PyObject *athrow_throw(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    ag_awaitable *a = (ag_awaitable *)op;
    if (a->state == AWAITABLE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError,
                        "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (a->state == AWAITABLE_INIT
            && aga_start(a, a->sendval == NULL
                         ? "aclose(): asynchronous generator is already running"
                         : "athrow(): asynchronous generator is already running")
               < 0) {
        return NULL;
    }
    return athrow_step(a, gen_throw((PyObject *)a->gen, args, nargs));
}

static PyObject *athrow_close(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return aga_close_via(op, athrow_throw);
}

/* The result of one step of athrow/aclose as its awaiter sees it (owns
   `result`). */
static PyObject *athrow_step(ag_awaitable *a, PyObject *result)
{
    PyGenObject *gen = a->gen;
    if (a->sendval == NULL && result != NULL
            && Py_IS_TYPE(result, &_PyAsyncGenWrappedValue_Type)) {
        Py_DECREF(result);
        gen->ag_running_async = 0;
        a->state = AWAITABLE_CLOSED;
        PyErr_SetString(PyExc_RuntimeError,
                        "async generator ignored GeneratorExit");
        return NULL;
    }
    if (a->sendval == NULL && result == NULL
            && (PyErr_ExceptionMatches(PyExc_StopAsyncIteration)
                || PyErr_ExceptionMatches(PyExc_GeneratorExit))) {
        PyErr_Clear();
        gen->ag_running_async = 0;
        a->state = AWAITABLE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    result = unwrap_step(gen, result);
    if (result == NULL) {
        a->state = AWAITABLE_CLOSED;
    }
    return result;
}

static PyObject *athrow_iternext(PyObject *op)
{
    return athrow_send(op, Py_None);
}

static PyMethodDef athrow_methods[] = {
    {"send", athrow_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(athrow_throw), METH_FASTCALL, NULL},
    {"close", athrow_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyAsyncGenAThrow_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(ag_awaitable),
    .tp_dealloc = aga_dealloc,
    .tp_finalize = aga_finalize,
    .tp_as_async = &aga_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = aga_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

static PyObject *ag_anext(PyObject *op)
{
    return ag_awaitable_new(&_PyAsyncGenASend_Type, (PyGenObject *)op, Py_None, 0);
}

static PyObject *ag_asend(PyObject *op, PyObject *arg)
{
    return ag_awaitable_new(&_PyAsyncGenASend_Type, (PyGenObject *)op, arg, 0);
}

static PyObject *ag_athrow(PyObject *op, PyObject *args)
{
    if (!_PyArg_CheckPositional("athrow", PyTuple_GET_SIZE(args), 1, 3)) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) > 1
            && PyErr_WarnEx(PyExc_DeprecationWarning,
                            "the (type, exc, tb) signature of athrow() is "
                            "deprecated, use the single-arg signature "
                            "instead.", 1) < 0) {
        return NULL;
    }
    return ag_awaitable_new(&_PyAsyncGenAThrow_Type, (PyGenObject *)op, args, 1);
}

static PyObject *ag_aclose(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return ag_awaitable_new(&_PyAsyncGenAThrow_Type, (PyGenObject *)op, NULL, 1);
}

static PyMethodDef ag_methods[] = {
    {"asend", ag_asend, METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", ag_athrow, METH_VARARGS,
     "athrow(value)\nathrow(type[,value[,tb]])\n\nraise exception in generator."},
    {"aclose", ag_aclose, METH_NOARGS,
     "aclose() -> raise GeneratorExit inside generator."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods ag_as_async = {
    .am_aiter = PyObject_SelfIter,
    .am_anext = ag_anext,
};

PyTypeObject PyAsyncGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe)
                    + offsetof(_PyInterpreterFrame, localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &ag_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_methods = ag_methods,
    .tp_getset = ag_getset,
    .tp_finalize = gen_finalize,
};
