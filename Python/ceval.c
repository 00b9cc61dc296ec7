/* The bytecode interpreter: CPython 3.14's instruction set (see
   Include/internal/pycore_opcode.h) run by one dispatch loop with
   computed gotos.

   Frames live on the thread's data stack (pycore_frame.h).  A call from
   Python to a Python function pushes the callee's frame and continues in
   the same C activation, so deep Python recursion does not recurse in C;
   the loop returns to its C caller only when its entry frame returns,
   yields or raises.  Exceptions are handled with the code object's
   zero-cost exception table.

   Thread safety: the loop touches only the running thread's frames and
   objects through their own APIs; globals and builtins are read with
   ordinary dict look-ups (each dict protects itself), so nothing here
   needs a lock of its own.  The one shared mutable thing is the
   instruction stream itself: adaptive specialization (Python/specialize.c,
   Doc/internals/specialization.md) rewrites opcodes in co_code_adaptive
   with atomic stores, so the free-threaded build loads instruction words
   atomically (relaxed; the entry a specialized opcode uses is acquired
   separately, _PySpec_Ready). */
#include "Python.h"
#include "sysmodule.h"
#include "pycore_call.h"
#include "pycore_ceval.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_genobject.h"
#include "pycore_object.h"
#include "pycore_opcode.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include "pycore_list.h"
#include "pycore_dict.h"
#include "pycore_exceptions.h"
#include "cpython/classobject.h"
#include "cpython/funcobject.h"
#include "pycore_ceval_helpers.h"
#include "pycore_instruments.h"  /* tracing hooks */
#include "pycore_template.h"       /* typ: BUILD_TEMPLATE */
#include "pycore_specialize.h"
#include "pycore_lazyimport.h"
#include "pycore_long.h"
#include "pycore_unicodeobject.h"
#include "pycore_moduleobject.h"   /* spec: LOAD_ATTR_MODULE */
#include "pycore_range.h"          /* spec: FOR_ITER_RANGE */
#include "pycore_tuple.h"          /* spec: FOR_ITER_TUPLE */
#include "pycore_stackref.h"       /* borrowed stack slots */

/* ---- frames and calls ---------------------------------------------------- */

/* Push and initialise a frame for func called with args (references
   consumed) and kwnames; func's reference is consumed too.  NULL with an
   exception (the frame, if pushed, is popped again). */
static _PyInterpreterFrame *
push_function_frame(PyThreadState *tstate, PyFunctionObject *func,
                    PyObject *locals, PyObject *const *args,
                    Py_ssize_t argcount, PyObject *kwnames)
{
    /* Loaded once: the frame and the binding use the same code even if
       __code__ is assigned meanwhile (free-threaded build). */
    PyObject *code = __atomic_load_n(&func->func_code, __ATOMIC_ACQUIRE);
    /* A function made from module or class code (FunctionType(code, g))
       looks its names up in its globals, as CPython's does. */
    if (locals == NULL && !(((PyCodeObject *)code)->co_flags & CO_OPTIMIZED)) {
        locals = func->func_globals;
    }
    _PyInterpreterFrame *frame = _PyFrame_PushUnchecked(
        tstate, (PyObject *)func, code, func->func_globals, func->func_builtins,
        locals);
    if (frame == NULL) {
        Py_ssize_t total = argcount + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
        for (Py_ssize_t i = 0; i < total; i++) {
            Py_DECREF(args[i]);
        }
        return NULL;
    }
    if (_PyEval_InitializeLocals(tstate, func, (PyCodeObject *)code,
                                 frame->localsplus, args,
                                 argcount, kwnames) < 0) {
        frame->stacktop = ((PyCodeObject *)code)->co_nlocalsplus;
        _PyFrame_ClearAndPop(tstate, frame);
        return NULL;
    }
    /* Start before the first instruction: the loop resumes at
       instr_ptr + 1. */
    frame->instr_ptr = _PyCode_CODE((PyCodeObject *)code) - 1;
    return frame;
}

PyObject *_PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func,
                         PyObject *locals, PyObject *const *args,
                         size_t argcount, PyObject *kwnames)
{
    Py_ssize_t total = (Py_ssize_t)argcount
                       + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    for (Py_ssize_t i = 0; i < total; i++) {
        Py_INCREF(args[i]);
    }
    _PyInterpreterFrame *frame = push_function_frame(
        tstate, (PyFunctionObject *)Py_NewRef(func), locals, args,
        (Py_ssize_t)argcount, kwnames);
    if (frame == NULL) {
        return NULL;
    }
    return _PyEval_EvalFrame(tstate, frame, 0);
}

PyObject *PyEval_EvalCode(PyObject *code, PyObject *globals, PyObject *locals)
{
    /* A frozendict may be the globals (3.15); it cannot take
       __builtins__, so its code sees the interpreter's builtins. */
    if (!PyCode_Check(code) || !PyAnyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyFrozenDict_Check(globals)
            && PyDict_GetItemString(globals, "__builtins__") == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        PyObject *builtins = tstate->interp->builtins;
        PyObject *mod = builtins ? PyDict_GetItemString(tstate->interp->modules,
                                                        "builtins") : NULL;
        if (PyDict_SetItemString(globals, "__builtins__",
                                 mod ? mod : builtins) < 0) {
            return NULL;
        }
    }
    if (locals == NULL) {
        locals = globals;
    }
    PyObject *func = PyFunction_New(code, globals);
    if (func == NULL) {
        return NULL;
    }
    PyObject *result = _PyEval_Vector(tstate, (PyFunctionObject *)func, locals,
                                      NULL, 0, NULL);
    Py_DECREF(func);
    return result;
}

PyObject *PyEval_EvalCodeEx(PyObject *code, PyObject *globals, PyObject *locals,
                            PyObject *const *args, int argc,
                            PyObject *const *kwds, int kwdc,
                            PyObject *const *defs, int defc,
                            PyObject *kwdefs, PyObject *closure)
{
    if (!PyCode_Check(code) || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *func = PyFunction_New(code, globals);
    if (func == NULL) {
        return NULL;
    }
    PyObject *defaults = defc > 0 ? PyTuple_New(defc) : NULL;
    PyObject *kwnames = kwdc > 0 ? PyTuple_New(kwdc) : NULL;
    PyObject **stack = PyMem_Malloc(((size_t)argc + (size_t)kwdc + 1)
                                    * sizeof(PyObject *));
    PyObject *result = NULL;
    if ((defc > 0 && defaults == NULL) || (kwdc > 0 && kwnames == NULL)
            || stack == NULL) {
        if (stack == NULL) {
            PyErr_NoMemory();
        }
        goto done;
    }
    for (int i = 0; i < defc; i++) {
        PyTuple_SET_ITEM(defaults, i, Py_NewRef(defs[i]));
    }
    for (int i = 0; i < argc; i++) {
        stack[i] = args[i];
    }
    for (int i = 0; i < kwdc; i++) {
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(kwds[2 * i]));
        stack[argc + i] = kwds[2 * i + 1];
    }
    if (PyFunction_SetDefaults(func, defaults) < 0
            || PyFunction_SetKwDefaults(func, kwdefs) < 0
            || PyFunction_SetClosure(func, closure) < 0) {
        goto done;
    }
    result = _PyEval_Vector(_PyThreadState_GET(), (PyFunctionObject *)func,
                            locals, stack, (size_t)argc, kwnames);
done:
    PyMem_Free(stack);
    Py_XDECREF(defaults);
    Py_XDECREF(kwnames);
    Py_DECREF(func);
    return result;
}

/* ---- the running frame --------------------------------------------------- */

_PyInterpreterFrame *_PyEval_GetFrame(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return tstate ? tstate->current_frame : NULL;
}

PyObject *PyEval_GetGlobals(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    return frame ? frame->f_globals : NULL;
}

PyObject *PyEval_GetBuiltins(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame != NULL) {
        return frame->f_builtins;
    }
    return _PyInterpreterState_GET()->builtins;
}

PyObject *PyEval_GetFrameGlobals(void)
{
    return Py_XNewRef(PyEval_GetGlobals());
}

PyObject *PyEval_GetFrameBuiltins(void)
{
    return Py_XNewRef(PyEval_GetBuiltins());
}

/* locals(): a function's snapshot also holds the names set through its
   FrameLocalsProxy that are not variables (f_extra_locals, PEP 667).
   Only the running thread reads its own frame here. */
PyObject *PyEval_GetFrameLocals(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    PyObject *dict = _PyFrame_GetLocalsDict(frame);
    PyFrameObject *f = frame->frame_obj;
    if (dict != NULL && f != NULL && f->f_extra_locals != NULL
            && (_PyFrame_GetCode(frame)->co_flags & CO_OPTIMIZED)
            && PyDict_Update(dict, f->f_extra_locals) < 0) {
        Py_CLEAR(dict);
    }
    return dict;
}

/* Borrowed: module and class bodies return their namespace; function
   frames a snapshot kept alive by the frame object. */
PyObject *PyEval_GetLocals(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    if (frame->f_locals != NULL
            && !(_PyFrame_GetCode(frame)->co_flags & CO_OPTIMIZED)) {
        return frame->f_locals;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        return NULL;
    }
    PyObject *snapshot = _PyFrame_GetLocalsDict(frame);
    if (snapshot == NULL) {
        return NULL;
    }
    Py_XSETREF(f->f_locals_cache, snapshot);
    return snapshot;
}

PyObject *_PyEval_GetFrameObject(int depth)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    while (depth > 0 && frame != NULL) {
        frame = frame->previous;
        depth--;
    }
    if (frame == NULL) {
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    return Py_XNewRef((PyObject *)_PyFrame_GetFrameObject(frame));
}

const char *PyEval_GetFuncName(PyObject *func)
{
    if (PyMethod_Check(func)) {
        return PyEval_GetFuncName(PyMethod_GET_FUNCTION(func));
    }
    if (PyFunction_Check(func)) {
        return PyUnicode_AsUTF8(((PyFunctionObject *)func)->func_name);
    }
    if (PyCFunction_Check(func)) {
        return ((PyCFunctionObject *)func)->m_ml->ml_name;
    }
    return Py_TYPE(func)->tp_name;
}

const char *PyEval_GetFuncDesc(PyObject *func)
{
    if (PyMethod_Check(func) || PyFunction_Check(func)
            || PyCFunction_Check(func)) {
        return "()";
    }
    return " object";
}

/* ---- specialization helpers ---------------------------------------------- */

/* A specialized instruction missed: count it, and at the last allowed
   miss put the base opcode back. */
static void
spec_missed(PyThreadState *tstate, PyCodeObject *code, _Py_CODEUNIT *instr)
{
    _PySpecEntry *entry = _PySpec_EntryOf(code, instr);
    if (_PySpec_MissTick(entry, tstate)) {
        _PySpec_Deoptimize(instr, entry);
    }
}

/* A new reference to obj, a borrowed cache payload that type's dict keeps
   alive while type's version is `version`; NULL when the version moved.
   Free-threaded build: the reference is taken with _Py_TryIncref (obj was
   marked for it when cached, and its memory outlives a concurrent
   replacement through QSBR), then the version is checked again, so an
   object replaced in between is never returned.  An immortal object (a
   class's functions once threads started; ftst, session 11) or one this
   thread owns (every method of a single-threaded program; ftcore, session
   13) needs no second check (_Py_IncrefUnraced): obj was the cached
   object when the version matched, and this thread allocates nothing and
   passes no quiescent point between that check and the test.
   Forced inline: GCC kept an outlined copy in the free-threaded
   evaluator, a call per method load. */
static inline Py_ALWAYS_INLINE PyObject *
spec_borrow(PyObject *obj, PyTypeObject *type, uint32_t version)
{
    if (_PySpec_TypeVersion(type) != version) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    uint32_t local = __atomic_load_n(&obj->ob_ref_local, __ATOMIC_RELAXED);
    if (_Py_IncrefUnraced(obj, local)) {
        return obj;
    }
    if (!_Py_TryIncrefLoaded(obj, local)) {
        return NULL;
    }
    if (_PySpec_TypeVersion(type) != version) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
#else
    return Py_NewRef(obj);
#endif
}

/* LOAD_ATTR_INSTANCE_VALUE's read, for one payload `index` of a class
   whose version the caller checked against that payload (the class's
   dict offset is positive and no data descriptor shadows `name`): a new
   reference to owner's attribute, or NULL for a miss (no exception).
   `index` is an encoded values position (< -1) or a dict entry hint
   (specialize.c, instance_attr_index); the name is names[ni], read only
   on the dict path.  Lock-free in the free-threaded
   build: _PyInstValues_LoadAt and the dict hint read recheck what they
   read (Doc/internals/specialization.md).  Shared by the monomorphic and
   polymorphic forms (ftattr, session 12). */
static inline Py_ALWAYS_INLINE PyObject *
spec_instance_attr(PyObject *owner, PyTypeObject *type, PyObject *names,
                   int ni, int32_t index)
{
    PyObject *v = NULL;
    if (index < -1) {
        PyObject **slotp = (PyObject **)((char *)owner + type->tp_dictoffset);
        if (_PyInstValues_LoadAt(owner, slotp,
                                 _PyInstValues_DecodePosition(index), &v) <= 0) {
            return NULL;
        }
        return v;
    }
    PyObject *dict;
    if (_PySpec_InstanceDict(owner, type, &dict) <= 0) {
        return NULL;
    }
    v = _PySpec_DictGetAtHint(dict, PyTuple_GET_ITEM(names, ni), index);
    _PySpec_ReleaseDict(dict);
    return v;
}

/* Whether owner's own attribute `name` may shadow a method of its class
   (LOAD_ATTR_METHOD's `index`: 0, no __dict__ slot; 1 + n, the class's
   shared keys lacked the name when they had n names and only grow; 1,
   look in the dict): 1 shadowed or unknown (a miss), 0 not.  Lock-free:
   acquire loads of the slot and of the keys' count; a dict is referenced
   as _PySpec_InstanceDict says. */
static inline Py_ALWAYS_INLINE int
spec_method_shadowed(PyObject *owner, PyTypeObject *type, PyObject *names,
                     int ni, int32_t index)
{
    if (index == 0) {
        return 0;
    }
    PyObject **slotp = (PyObject **)((char *)owner + type->tp_dictoffset);
    PyObject *raw = __atomic_load_n(slotp, __ATOMIC_ACQUIRE);
    if (_PyInstValues_IsTagged(raw)) {
        _PySharedKeys *keys = _PyType_SharedKeys(type);
        return __atomic_load_n(&keys->nkeys, __ATOMIC_ACQUIRE) + 1
               != (uint32_t)index;
    }
    PyObject *dict = NULL;
    int has_dict = _PySpec_InstanceDict(owner, type, &dict);
    if (has_dict <= 0) {
        return has_dict < 0;
    }
    int found = PyDict_Contains(dict, PyTuple_GET_ITEM(names, ni));
    _PySpec_ReleaseDict(dict);
    if (found < 0) {
        PyErr_Clear();
    }
    return found != 0;
}

/* op's value as a double when op is a float or a compact int (one
   digit, exact as a double, as float's own conversion gives it). */
static inline int
spec_float_value(PyObject *op, double *value)
{
    if (PyFloat_CheckExact(op)) {
        *value = PyFloat_AS_DOUBLE(op);
        return 1;
    }
    if (PyLong_CheckExact(op) && _PyLong_IsCompact((PyLongObject *)op)) {
        *value = (double)_PyLong_CompactValue((PyLongObject *)op);
        return 1;
    }
    return 0;
}

/* A float form whose operands are not two floats: 1 with the result in
   *value when one is a float and the other a compact int, and the
   operator (BINARY_OP's oparg) is the form's; 0 for a miss (also a zero
   divisor: the generic path raises).  Out of line: the forms' bodies stay
   as small as when they took floats only. */
static Py_NO_INLINE int
spec_mixed_float_result(int oparg, PyObject *lhs, PyObject *rhs,
                        double *value)
{
    double x, y;
    if (!(PyFloat_CheckExact(lhs) || PyFloat_CheckExact(rhs))
            || !spec_float_value(lhs, &x) || !spec_float_value(rhs, &y)) {
        return 0;
    }
    switch (oparg) {
    case NB_ADD: case NB_INPLACE_ADD:
        *value = x + y;
        return 1;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT:
        *value = x - y;
        return 1;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY:
        *value = x * y;
        return 1;
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
        if (y == 0.0) {
            return 0;
        }
        *value = x / y;
        return 1;
    default:
        return 0;
    }
}

/* BINARY_OP_INT_WORD's operators (%, //, &, |, ^, <<, >> and their
   in-place forms, which ints do not have) on |x|, |y| < 2**60, in 64-bit
   arithmetic with int's semantics (floor division, arithmetic shifts):
   1 with the result in *value, or 0 for the generic path: a zero divisor
   or a negative shift count (it raises), a left shift whose result would
   not fit in 63 bits (it makes a wider int). */
static int
spec_int_word_result(int oparg, int64_t x, int64_t y, int64_t *value)
{
    int op = oparg >= NB_INPLACE_ADD ? oparg - NB_INPLACE_ADD : oparg;
    switch (op) {
    case NB_REMAINDER:
    case NB_FLOOR_DIVIDE: {
        if (y == 0) {
            return 0;
        }
        int64_t q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            q -= 1;
            r += y;
        }
        *value = op == NB_REMAINDER ? r : q;
        return 1;
    }
    case NB_AND:
        *value = x & y;
        return 1;
    case NB_OR:
        *value = x | y;
        return 1;
    case NB_XOR:
        *value = x ^ y;
        return 1;
    case NB_RSHIFT:
        if (y < 0) {
            return 0;
        }
        /* >> of a negative int64_t is arithmetic (floor) with GCC and
           Clang, as int's >> is; 63 places leave only the sign. */
        *value = x >> (y > 63 ? 63 : y);
        return 1;
    case NB_LSHIFT:
        if (y < 0 || y > 62 || x > (INT64_MAX >> y) || x < (INT64_MIN >> y)) {
            return 0;
        }
        *value = x * ((int64_t)1 << y);
        return 1;
    default:
        return 0;
    }
}

/* An int form's result: the cached small int without a call, else
   _PyLong_FromSTwoDigits (which also hands out the cached ones). */
static inline PyObject *
spec_int_result(int64_t value)
{
    if (-_PY_NSMALLNEGINTS <= value && value < _PY_NSMALLPOSINTS) {
        return _PyLong_SMALL_INT(value);
    }
    return _PyLong_FromSTwoDigits(value);
}

/* Whether a float operator may write its result into the operand in
   stack slot `ref`: the slot is owned and holds the object's only
   reference, so nobody can observe the change.  A borrowed slot's count
   is its local's, which the count does not tell apart from the stack's
   (the mixed forms never offer their int operand).  Forced inline: GCC
   outlines such helpers in the free-threaded build (callgrind,
   spectral_norm: +1% instructions). */
static inline Py_ALWAYS_INLINE int
spec_float_reusable(PyObject *ref)
{
    return !_PyStackRef_IsBorrowed(ref) && _PyObject_IsUniquelyReferenced(ref);
}

/* BINARY_SLICE / STORE_SLICE on an exact list or tuple: a bound that
   needs no __index__ call, as PySlice_Unpack reads it for step 1 (None
   is `dflt`, an exact compact int is its value).  0 for anything else:
   the generic path builds the slice object. */
static inline int
plain_slice_bound(PyObject *v, Py_ssize_t dflt, Py_ssize_t *out)
{
    if (v == Py_None) {
        *out = dflt;
        return 1;
    }
    if (PyLong_CheckExact(v) && _PyLong_IsCompact((PyLongObject *)v)) {
        *out = _PyLong_CompactValue((PyLongObject *)v);
        return 1;
    }
    return 0;
}

/* UNPACK_EX of the n items at `items` (a tuple's, or a list's under its
   critical section): the first `before` and last `after` items and a new
   list of the rest go to the stack slots above `base`, as
   _PyEval_UnpackIterable leaves them.  1 when done, 0 when there are too
   few items (nothing written: the generic path words the error), -1 on
   MemoryError. */
static int
unpack_ex_items(PyObject *const *items, Py_ssize_t n, int before, int after,
                PyObject **base)
{
    if (n < before + after) {
        return 0;
    }
    Py_ssize_t nmiddle = n - before - after;
    PyObject *middle = PyList_New(nmiddle);
    if (middle == NULL) {
        return -1;
    }
    for (Py_ssize_t k = 0; k < nmiddle; k++) {
        PyList_SET_ITEM(middle, k, Py_NewRef(items[before + k]));
    }
    int top = before + after;
    for (int i = 0; i < before; i++) {
        base[top - i] = Py_NewRef(items[i]);
    }
    base[after] = middle;
    for (int j = 0; j < after; j++) {
        base[after - 1 - j] = Py_NewRef(items[n - after + j]);
    }
    return 1;
}

/* ---- calls (session 6) ------------------------------------------------------ */

/* The code of the Python function `callable` (exact type checked by the
   caller) when its version is still the one the call site's entry
   cached, else NULL.  Default build: the version alone proves it (the
   GIL orders a __code__ assignment, which clears the version, against
   this read).  Free-threaded build: the assignment clears the version
   and then stores the code, two stores a reader may see apart, so the
   code itself is compared with the one cached next to the version; it
   is immutable, so its argument counts are then the ones checked at
   specialization. */
static inline PyCodeObject *
spec_function_code(PyObject *callable, _PySpecEntry *entry)
{
    PyFunctionObject *func = (PyFunctionObject *)callable;
    if (__atomic_load_n(&func->func_version, __ATOMIC_ACQUIRE)
            != entry->version) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyObject *co = __atomic_load_n(&func->func_code, __ATOMIC_ACQUIRE);
    return co == entry->obj ? (PyCodeObject *)co : NULL;
#else
    return (PyCodeObject *)func->func_code;
#endif
}

/* Push a frame for func (code co) whose first nargs locals are the
   arguments at args; their references (a new one for a borrowed slot)
   and the caller's reference to func move into the frame.  A borrowed
   slot whose bit is set in `lend` (local i: bit i) stays borrowed in the
   callee: specialize_call.c's borrowable_parameters proved co never
   releases that local, and the caller's frame outlives the callee's
   (pycore_stackref.h, "borrowed parameters").  NULL with MemoryError
   when the data stack cannot grow; nothing is consumed then.  Forced
   inline: GCC, out of budget in the evaluation loop, otherwise calls an
   outlined copy (callgrind, richards: +3% instructions).  The common
   case writes the frame in place on the current chunk; a new chunk goes
   through _PyFrame_PushUnchecked. */
static inline Py_ALWAYS_INLINE _PyInterpreterFrame *
push_frame_positional(PyThreadState *tstate, PyFunctionObject *func,
                      PyCodeObject *co, PyObject **args, int nargs,
                      uint32_t lend)
{
    int slots = _PyFrame_NumSlotsForCode(co);
    _PyInterpreterFrame *callee;
    if (tstate->datastack_top != NULL
            && tstate->datastack_limit - tstate->datastack_top >= slots) {
        callee = (_PyInterpreterFrame *)tstate->datastack_top;
        tstate->datastack_top += slots;
        callee->f_executable = Py_NewRef(co);
        callee->f_funcobj = (PyObject *)func;
        callee->f_globals = func->func_globals;
        callee->f_builtins = func->func_builtins;
        callee->f_locals = NULL;
        callee->frame_obj = NULL;
        callee->stacktop = co->co_nlocalsplus;
        callee->owner = FRAME_OWNED_BY_THREAD;
        callee->is_entry = 0;
        callee->yielded = 0;
        callee->is_init = 0;
    }
    else {
        callee = _PyFrame_PushUnchecked(
            tstate, Py_NewRef(func), (PyObject *)co, func->func_globals,
            func->func_builtins, NULL);
        if (callee == NULL) {
            return NULL;
        }
        Py_DECREF(func);    /* the frame holds its own reference */
    }
    int i = 0;
    for (; i < nargs; i++) {
        PyObject *arg = args[i];
        callee->localsplus[i] = (lend >> i) & 1 ? arg : _PyStackRef_Steal(arg);
    }
    for (; i < co->co_nlocalsplus; i++) {
        callee->localsplus[i] = NULL;
    }
    /* The loop resumes at instr_ptr + 1. */
    callee->instr_ptr = _PyCode_CODE(co) - 1;
    return callee;
}

/* The generic CALL's fast path for a Python function called with npos
   positional arguments and no keywords: when func's signature needs no
   binding beyond copying them and its positional defaults (no *args,
   **kwargs or keyword-only parameters), push its frame as the specialized
   forms do (references move as push_frame_positional says).  NULL
   without an exception when the shape does not fit (nothing consumed,
   the caller binds generically); NULL with MemoryError when the frame
   could not be pushed (nothing consumed either).  func's fields are read
   once each, as the generic binding does. */
static inline Py_ALWAYS_INLINE _PyInterpreterFrame *
push_frame_simple(PyThreadState *tstate, PyFunctionObject *func,
                  PyObject **args, int npos)
{
    PyCodeObject *co = __atomic_load_n((PyCodeObject **)&func->func_code,
                                       __ATOMIC_ACQUIRE);
    /* Not CO_OPTIMIZED (module code made a function): its frame needs
       the globals as locals, which the generic path gives it. */
    if ((co->co_flags & (CO_VARARGS | CO_VARKEYWORDS | CO_OPTIMIZED))
                != CO_OPTIMIZED
            || co->co_kwonlyargcount != 0 || npos > co->co_argcount) {
        return NULL;
    }
    PyObject *defaults = NULL;
    int first_default = co->co_argcount;
    if (npos < co->co_argcount) {
        defaults = __atomic_load_n(&func->func_defaults, __ATOMIC_ACQUIRE);
        first_default -= defaults ? (int)PyTuple_GET_SIZE(defaults) : 0;
        if (npos < first_default) {
            return NULL;    /* missing arguments: the generic message */
        }
    }
    _PyInterpreterFrame *callee = push_frame_positional(tstate, func, co,
                                                        args, npos, 0);
    if (callee == NULL) {
        return NULL;
    }
    for (int i = npos; i < co->co_argcount; i++) {
        callee->localsplus[i] =
            Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
    }
    return callee;
}

/* Release a finished frame and pop it.  The common case (thread-owned,
   no frame object, not the first frame of its chunk) is done here;
   the rest by _PyFrame_ClearAndPop.  The frame is no longer the
   thread's current frame, so code run by a finalizer below pushes its
   frames above it and pops them again before it is popped.  Always
   inline (ftcost, session 10): once per Python return, and GCC kept an
   out-of-line copy in the free-threaded evaluator, whose larger count
   operations put it over the inliner's budget (a call, with its register
   saves, per return: 6% of deltablue's instructions ran in that copy). */
static inline Py_ALWAYS_INLINE void
pop_finished_frame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (frame->frame_obj != NULL || frame->owner != FRAME_OWNED_BY_THREAD
            || (PyObject **)frame == tstate->datastack_chunk->data) {
        _PyFrame_ClearAndPop(tstate, frame);
        return;
    }
    for (int i = 0; i < frame->stacktop; i++) {
        _PyStackRef_XClose(frame->localsplus[i]);
    }
    Py_XDECREF(frame->f_locals);
    Py_XDECREF(frame->f_funcobj);
    Py_DECREF(frame->f_executable);
    tstate->datastack_top = (PyObject **)frame;
}

/* A C call's recursion check (Py_EnterRecursiveCall, without the call
   while there is room). */
static inline int
enter_c_call(PyThreadState *tstate)
{
    if (tstate->c_recursion_remaining > 1) {
        tstate->c_recursion_remaining--;
        return 0;
    }
    return Py_EnterRecursiveCall(" while calling a Python object");
}

static inline void
leave_c_call(PyThreadState *tstate)
{
    tstate->c_recursion_remaining++;
}

/* ---- the dispatch loop --------------------------------------------------- */

/* Free-threaded build: an acquire load (the same machine code as a plain
   load on x86-64), pairing with _PySpec_SetOpcode's release store.  A
   specialized opcode with a payload is stored only after its entry was
   published (state READY, Python/specialize.c spec_write and
   specialize_call.c call_write), so a body reached through this load
   reads a complete payload without testing the state again
   (_PySpec_Ready; ftcost, session 10). */
#ifdef Py_GIL_DISABLED
#  define READ_WORD(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#else
#  define READ_WORD(p) (*(p))
#endif

#define TARGET(op) TARGET_##op:
#define DISPATCH()                                          \
    do {                                                    \
        frame->instr_ptr = next_instr;                      \
        word = READ_WORD(next_instr);                       \
        next_instr++;                                       \
        opcode = _Py_OPCODE(word);                          \
        oparg = _Py_OPARG(word);                            \
        goto *dispatch_table[opcode];                       \
    } while (0)
/* DISPATCH of the word w the instruction already read at next_instr. */
#define DISPATCH_WORD(w)                                    \
    do {                                                    \
        frame->instr_ptr = next_instr;                      \
        word = (w);                                         \
        next_instr++;                                       \
        opcode = _Py_OPCODE(word);                          \
        oparg = _Py_OPARG(word);                            \
        goto *dispatch_table[opcode];                       \
    } while (0)
#define JUMPBY(n) (next_instr += (n))

/* Push a test's bool result (its operands already popped).  In untraced
   code, when the next instruction is POP_JUMP_IF_FALSE / POP_JUMP_IF_TRUE
   (`if a < b:`, `while x is not None:`), do that jump here instead: the
   bool never reaches the stack and the jump costs no dispatch (CPython
   3.11's COMPARE_OP_*_JUMP forms).  Traced code (another dispatch table)
   runs the jump so that its events are seen.  The jump is read, not
   rewritten: nothing here changes the code. */
#define PUSH_TRUTH(truth)                                                   \
    do {                                                                    \
        int truth_ = (truth);                                               \
        if (dispatch_table == opcode_targets) {                             \
            _Py_CODEUNIT jump_ = READ_WORD(next_instr);                     \
            if (_Py_OPCODE(jump_) == POP_JUMP_IF_FALSE) {                   \
                next_instr += 1 + (truth_ ? 0 : _Py_OPARG(jump_));          \
                DISPATCH();                                                 \
            }                                                               \
            if (_Py_OPCODE(jump_) == POP_JUMP_IF_TRUE) {                    \
                next_instr += 1 + (truth_ ? _Py_OPARG(jump_) : 0);          \
                DISPATCH();                                                 \
            }                                                               \
        }                                                                   \
        PUSH(truth_ ? Py_True : Py_False);                                  \
        DISPATCH();                                                         \
    } while (0)

#define STACK_LEVEL() ((int)(stack_pointer - _PyFrame_Stackbase(frame)))
#define PUSH(v) do { PyObject *pushed_ = (v); *stack_pointer++ = pushed_; } while (0)
#define POP() (*--stack_pointer)
#define TOP() (stack_pointer[-1])
#define SECOND() (stack_pointer[-2])
#define PEEK(n) (stack_pointer[-(n)])
#define SET_TOP(v) (stack_pointer[-1] = (v))
#define SET_SECOND(v) (stack_pointer[-2] = (v))
#define STACK_SHRINK(n) (stack_pointer -= (n))
#define GETLOCAL(i) (frame->localsplus[i])

/* Store v in local i, then release the old value.  Free-threaded build: a
   local may hold a QSBR-borrowed item (pycore_stackref.h), released with
   no decrement; the default build never makes one and keeps the plain
   form. */
#ifdef Py_GIL_DISABLED
#  define SETLOCAL(i, v)                                                \
    do {                                                                \
        PyObject *old_local_ = GETLOCAL(i);                             \
        GETLOCAL(i) = (v);                                              \
        _PyStackRef_XClose(old_local_);                                 \
    } while (0)
/* The item a list instruction is about to push from `list` may stay
   QSBR-borrowed: the list is another thread's (the owner's counts are
   cheap; tested first, so single-thread code pays one compare) and the
   next instruction stores the item in a local of a frame on this
   thread's stack, where _PyFrame_PromoteQsbrLocals finds it.  Nothing
   runs in between: DISPATCH checks no eval breaker. */
#  define QSBR_STORE_FOLLOWS(list)                                      \
    (!_Py_IsOwnedByCurrentThread((PyObject *)(list))                    \
     && _Py_OPCODE(READ_WORD(next_instr)) == STORE_FAST                 \
     && frame->owner == FRAME_OWNED_BY_THREAD)
/* The same for a subscript's result (BINARY_OP_SUBSCR_LIST_INT/_DICT),
   which may also go to CALL_PY_EXACT_ARGS as its last argument: that form
   moves it into the callee's parameter, a local of a frame on this
   thread's stack (a lent parameter, pycore_stackref.h), or makes it owned
   as it copies it, and on a miss makes it owned before the generic path
   runs anything (CALL_QSBR_MISS).  Only in the plain dispatch table (the
   instrumented one maps the form to CALL).  Sets w to the next word; the
   producer dispatches that very word (DISPATCH_WORD), so a concurrent
   re-specialization of the call cannot hand the slot to another form. */
#  define QSBR_CONSUMER_FOLLOWS(container, w)                             \
    (!_Py_IsOwnedByCurrentThread((PyObject *)(container))               \
     && frame->owner == FRAME_OWNED_BY_THREAD                           \
     && ((w) = READ_WORD(next_instr),                                   \
         _Py_OPCODE(w) == STORE_FAST                                    \
         || (_Py_OPCODE(w) == CALL_PY_EXACT_ARGS                        \
             && dispatch_table == opcode_targets)))
#  define NOTE_QSBR_LOCAL() (_PyThreadState_IMPL(tstate)->qsbr_locals = 1)
#else
#  define SETLOCAL(i, v) Py_XSETREF(GETLOCAL(i), (v))
#endif

/* Load the frame's state into the loop's registers. */
#define LOAD_FRAME()                                                    \
    do {                                                                \
        code = _PyFrame_GetCode(frame);                                 \
        first_instr = _PyCode_CODE(code);                               \
        stack_pointer = frame->localsplus + frame->stacktop;            \
        next_instr = frame->instr_ptr + 1;                              \
    } while (0)
#define SAVE_STACK() (frame->stacktop = (int)(stack_pointer - frame->localsplus))

#define ERROR_IF(cond) do { if (cond) goto error; } while (0)

/* A base instruction with specialized forms: count its entry down and at
   zero run `attempt` (which may use spec_entry_).  Continues with the
   generic body either way. */
#define SPEC_ADAPT(attempt)                                                 \
    do {                                                                    \
        _PySpecEntry *spec_entry_ = _PySpec_EntryAt(code, frame->instr_ptr); \
        if (spec_entry_ != NULL                                             \
                && _PySpec_AdaptiveTick(spec_entry_, tstate)) {             \
            attempt;                                                        \
        }                                                                   \
    } while (0)
/* A specialized form's guard failed: the stack is untouched; run the
   base instruction's generic body. */
#define SPEC_MISS(base)                                                     \
    do {                                                                    \
        spec_missed(tstate, code, frame->instr_ptr);                        \
        goto generic_##base;                                                \
    } while (0)

/* FOR_ITER / SEND on an exact generator (or coroutine) `gen`, in
   untraced code: run its frame in this loop above the current one
   instead of entering the loop again in C (Objects/genobject.c, "inline
   resumption").  Its YIELD_VALUE comes back after this instruction; its
   return jumps by this instruction's oparg with the value pushed, which
   FOR_ITER's END_FOR then drops and SEND's END_SEND keeps; an exception
   is raised at this instruction (exit_unwind).  The return re-reads the
   oparg from the instruction word, so an oparg widened by EXTENDED_ARG
   takes the generic path.  `arg` is a reference the generator's frame
   takes when it resumes (FOR_ITER passes the immortal None).  Falls
   through, with nothing changed and arg still the caller's, when the
   generator cannot be resumed this way. */
#define RESUME_GEN_INLINE(gen, arg)                                         \
    do {                                                                    \
        if (dispatch_table == opcode_targets                                \
                && oparg == _Py_OPARG(READ_WORD(frame->instr_ptr))) {       \
            _PyInterpreterFrame *gen_frame_ =                               \
                _PyGen_ResumeInline(tstate, (gen), (arg));                  \
            if (gen_frame_ != NULL) {   /* it took arg's reference */       \
                SAVE_STACK();                                               \
                gen_frame_->previous = frame;                               \
                frame = gen_frame_;                                         \
                tstate->current_frame = frame;                              \
                LOAD_FRAME();                                               \
                goto start_frame;                                           \
            }                                                               \
        }                                                                   \
    } while (0)

/* Eval-breaker check: the runtime serves drop requests, stop-the-world,
   merges, GC and signals.  _PY_EVAL_INSTRUMENTED_BIT stays set while the
   thread is traced, profiled or monitored: the check then (re)selects the
   instrumented dispatch table (Doc/internals/tracing.md). */
#define CHECK_EVAL_BREAKER()                                                \
    do {                                                                    \
        uintptr_t bits_ = __atomic_load_n(&tstate->eval_breaker,           \
                                          __ATOMIC_RELAXED);                \
        if (bits_ != 0) {                                                   \
            SAVE_STACK();                                                   \
            if ((bits_ & ~(uintptr_t)_PY_EVAL_INSTRUMENTED_BIT)             \
                    && _Py_HandlePending(tstate) < 0) {                     \
                goto error;                                                 \
            }                                                               \
            dispatch_table = select_dispatch(tstate, opcode_targets,        \
                                             instrumented_targets);         \
        }                                                                   \
    } while (0)

/* The table for `tstate` now: instrumented while its bit is set, except
   inside an event callback (which is never itself traced). */
static inline void **select_dispatch(PyThreadState *tstate, void **plain,
                                     void **instrumented)
{
    uintptr_t bits = __atomic_load_n(&tstate->eval_breaker, __ATOMIC_RELAXED);
    return (bits & _PY_EVAL_INSTRUMENTED_BIT) && tstate->tracing == 0
           ? instrumented : plain;
}

static int enter_python_frame(PyThreadState *tstate)
{
    if (--tstate->py_recursion_remaining < 0) {
        if (tstate->recursion_headroom) {
            if (tstate->py_recursion_remaining < -50) {
                Py_FatalError("Cannot recover from stack overflow.");
            }
            return 0;
        }
        tstate->recursion_headroom++;
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded");
        tstate->recursion_headroom--;
        /* The count stays taken: the caller unwinds this frame through
           exit_unwind, whose leave_python_frame gives it back. */
        return -1;
    }
    return 0;
}

static inline void leave_python_frame(PyThreadState *tstate)
{
    tstate->py_recursion_remaining++;
}

PyObject *_PyEval_EvalFrame(PyThreadState *tstate, _PyInterpreterFrame *frame,
                            int throwflag)
{
    /* Every byte value has a target: the range default is overridden by
       the real opcodes, which is what the diagnostic would flag. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *opcode_targets[256] = {
        [0 ... 255] = &&unknown_opcode,
#define _TARGET_ENTRY(name) [name] = &&TARGET_##name,
#define _SPEC_TARGET_ENTRY(name, base) [name] = &&TARGET_##name,
        _PY_OPCODES_NOARG(_TARGET_ENTRY)
        _PY_OPCODES_ARG(_TARGET_ENTRY)
        _PY_OPCODES_SPECIALIZED(_SPEC_TARGET_ENTRY)
#undef _TARGET_ENTRY
#undef _SPEC_TARGET_ENTRY
    };
    /* Tracing hooks: every opcode first visits the instrumentation. */
    static void *instrumented_targets[256] = {
        [0 ... 255] = &&instrumented_instruction,
    };
#pragma GCC diagnostic pop

    _Py_CODEUNIT *next_instr;
    _Py_CODEUNIT *first_instr;
    PyObject **stack_pointer;
    PyCodeObject *code;
    _Py_CODEUNIT word;
    int opcode, oparg;
    PyObject *retval = NULL;
    if (__atomic_load_n(&_PyMonitoring_Active, __ATOMIC_RELAXED)) {
        /* sys.monitoring is on: this thread (maybe new) takes part. */
        _PyThreadState_SetEvalBreakerBit(tstate, _PY_EVAL_INSTRUMENTED_BIT);
    }
    void **dispatch_table = select_dispatch(tstate, opcode_targets,
                                            instrumented_targets);
    /* Instrumented only: the instruction last run in instr_prev_frame
       (line events depend on where the frame came from). */
    _Py_CODEUNIT *instr_prev = NULL;
    _PyInterpreterFrame *instr_prev_frame = NULL;

    if (tstate->c_recursion_remaining-- <= 0) {
        tstate->c_recursion_remaining++;
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded");
        if (frame->owner == FRAME_OWNED_BY_THREAD) {
            _PyFrame_ClearAndPop(tstate, frame);
        }
        return NULL;
    }
    frame->is_entry = 1;
    frame->yielded = 0;
    frame->previous = tstate->current_frame;
    tstate->current_frame = frame;
    if (enter_python_frame(tstate) < 0) {
        LOAD_FRAME();
        goto exit_unwind;
    }
    LOAD_FRAME();
    if (throwflag) {
        if (dispatch_table != opcode_targets) {
            /* Either way an exception is set: the thrown one or the
               listener's. */
            (void)_PyEval_InstrumentThrow(tstate, frame);
        }
        goto error;
    }
    DISPATCH();

start_frame:
    /* A Python call pushed `frame`; check the depth, then run it. */
    if (enter_python_frame(tstate) < 0) {
        goto exit_unwind;
    }
    DISPATCH();

#include "ceval_ops.h"
#include "ceval_specialized.h"
#include "ceval_specialized_call.h"

instrumented_instruction:
    /* DISPATCH loaded the instruction at frame->instr_ptr; deliver the
       events due before it, then run it (or go where a trace function
       moved the frame with f_lineno). */
    {
        SAVE_STACK();
        int status = _PyEval_InstrumentInstruction(
            tstate, frame, instr_prev_frame == frame ? instr_prev : NULL,
            stack_pointer);
        instr_prev_frame = frame;
        /* Traced code runs the base forms (they may still specialize). */
        opcode = _PyOpcode_Deopt[opcode];
        if (status == _PY_INSTR_RUN) {
            instr_prev = frame->instr_ptr;
            goto *opcode_targets[opcode];
        }
        if (status == _PY_INSTR_OFF) {
            dispatch_table = opcode_targets;
            goto *opcode_targets[opcode];
        }
        if (status == _PY_INSTR_JUMPED) {
            /* The f_lineno setter rewound the stack to the target's. */
            stack_pointer = frame->localsplus + frame->stacktop;
            next_instr = frame->instr_ptr;
            instr_prev = next_instr;
            DISPATCH();
        }
        goto error;
    }

unknown_opcode:
    PyErr_Format(PyExc_SystemError, "%U:%d: unknown opcode %d",
                 code->co_filename, PyCode_Addr2Line(code,
                     (int)(frame->instr_ptr - first_instr) * 2), opcode);
    goto error;

error:
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError,
                        "error return without exception set");
    }
    {
        PyFrameObject *f = _PyFrame_GetFrameObject(frame);
        if (f != NULL) {
            PyTraceBack_Here(f);
        }
    }
    if (dispatch_table != opcode_targets) {
        SAVE_STACK();
        (void)_PyEval_InstrumentRaise(tstate, frame);
    }
exception_unwind:
    {
        /* The handler is looked up for the instruction that failed (a
           RERAISE may have moved instr_ptr back to the original raise,
           for the traceback's line); lasti records instr_ptr. */
        int offset = (int)(next_instr - 1 - first_instr);
        int frame_lasti = (int)(frame->instr_ptr - first_instr);
        int depth, lasti;
        int handler = offset < 0 ? -1
                      : _PyCode_FindHandler(code, offset, &depth, &lasti);
        PyObject **stackbase = _PyFrame_Stackbase(frame);
        if (handler < 0) {
            while (stack_pointer > stackbase) {
                PyObject *v = POP();
                _PyStackRef_XClose(v);
            }
            if (dispatch_table != opcode_targets) {
                SAVE_STACK();
                (void)_PyEval_InstrumentUnwind(tstate, frame);
            }
            goto exit_unwind;
        }
        while (stack_pointer > stackbase + depth) {
            PyObject *v = POP();
            _PyStackRef_XClose(v);
        }
        if (lasti) {
            PyObject *lasti_obj = PyLong_FromLong(frame_lasti);
            if (lasti_obj == NULL) {
                goto exception_unwind;
            }
            PUSH(lasti_obj);
        }
        PyObject *exc = PyErr_GetRaisedException();
        PUSH(exc);
        if (dispatch_table != opcode_targets) {
            /* The handler's first line event compares with the line that
               raised. */
            instr_prev = frame->instr_ptr;
            instr_prev_frame = frame;
            SAVE_STACK();
            if (_PyEval_InstrumentHandled(tstate, frame, exc) < 0) {
                goto exception_unwind;
            }
        }
        next_instr = first_instr + handler;
        DISPATCH();
    }

exit_unwind:
    /* The frame finished with an exception. */
    SAVE_STACK();
    leave_python_frame(tstate);
    tstate->current_frame = frame->previous;
    if (frame->is_entry) {
        /* A frame object kept alive (e.g. by a traceback) takes its
           f_back from `previous` while being popped. */
        if (frame->owner == FRAME_OWNED_BY_THREAD) {
            _PyFrame_ClearAndPop(tstate, frame);
        }
        else {
            frame->previous = NULL;
        }
        tstate->c_recursion_remaining++;
        return NULL;
    }
    {
        _PyInterpreterFrame *caller = frame->previous;
        if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
            /* Resumed inline (RESUME_GEN_INLINE): the caller's FOR_ITER
               or SEND raises. */
            frame->previous = NULL;
            _PyGen_FinishInline(tstate, frame);
        }
        else {
            _PyFrame_ClearAndPop(tstate, frame);
        }
        frame = caller;
        LOAD_FRAME();
        /* The caller is still at its CALL instruction. */
        goto error;
    }

return_from_frame:
    /* retval (a new reference) leaves the frame. */
    SAVE_STACK();
    leave_python_frame(tstate);
    tstate->current_frame = frame->previous;
    if (frame->is_entry) {
        /* A frame object kept alive (e.g. by a traceback) takes its
           f_back from `previous` while being popped. */
        if (frame->owner == FRAME_OWNED_BY_THREAD) {
            _PyFrame_ClearAndPop(tstate, frame);
        }
        else {
            frame->previous = NULL;
        }
        tstate->c_recursion_remaining++;
        return retval;
    }
    if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
        /* Resumed inline (RESUME_GEN_INLINE) and returned: the caller's
           FOR_ITER or SEND jumps by its oparg with the value pushed. */
        _PyInterpreterFrame *caller = frame->previous;
        frame->previous = NULL;
        _PyGen_FinishInline(tstate, frame);
        frame = caller;
        LOAD_FRAME();
        JUMPBY(_Py_OPARG(READ_WORD(frame->instr_ptr)));
        PUSH(retval);
        DISPATCH();
    }
    {
        _PyInterpreterFrame *caller = frame->previous;
        int is_init = frame->is_init;
        pop_finished_frame(tstate, frame);
        frame = caller;
        LOAD_FRAME();
        if (is_init) {
            if (is_init == _PY_FRAME_RETURNS_TO_OPERATOR) {
                /* ftsingle hook: Python/ceval_specialized.h */
                goto operator_frame_returned;
            }
            /* calls2 hook: Python/ceval_specialized_call.h */
            goto init_frame_returned;
        }
        PUSH(retval);
        DISPATCH();
    }
}
