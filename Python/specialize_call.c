/* Adaptive specialization of CALL: choosing the specialized form of a
   call site from the callable and arguments it just saw
   (Include/internal/pycore_specialize.h; the bodies are in
   Python/ceval_specialized_call.h; the design is in
   Doc/internals/specialization.md, section "Calls").

   Like the other decisions (Python/specialize.c), this runs inside the
   base instruction on borrowed operands and neither raises nor runs
   Python code.

   Forms and their payloads:
   - Python functions (CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS) and
     bound methods of them (CALL_BOUND_METHOD_EXACT_ARGS): the function's
     version (Objects/funcobject.c) and, borrowed, its code object.  A
     matching version proves the code and defaults are those seen here.
   - len, isinstance and list.append (CALL_LEN, CALL_ISINSTANCE,
     CALL_LIST_APPEND): the object itself, pinned for the life of the
     process (a strong reference kept here), so the body's identity test
     can never match another object born at the same address.
   - The other forms have no payload: their bodies test the callable's
     type and flags on every run.

   Thread safety (free-threaded build): payloads are written once per
   instruction, exactly as in specialize.c (claimed with a compare-and-
   swap of the entry's state, published with a release store before the
   opcode); the pinned objects are published with a compare-and-swap. */
#include "Python.h"
#include "pycore_code.h"
#include "pycore_object.h"
#include "pycore_pystate.h"
#include "pycore_specialize.h"
#include "pycore_stackref.h"       /* borrowed call arguments */
#include "pycore_typeobject.h"
#include "cpython/classobject.h"
#include "cpython/funcobject.h"

/* ---- outcomes ------------------------------------------------------------ */

/* No form fits: back off (on a base opcode _PySpec_Deoptimize only backs
   off). */
static void
call_fail(_Py_CODEUNIT *instr, _PySpecEntry *entry)
{
    _PySpec_Deoptimize(instr, entry);
}

static void
call_succeed(_Py_CODEUNIT *instr, _PySpecEntry *entry, int opcode)
{
    if (_PySpec_TakeRepeatOfDeopt(entry, opcode)) {
        call_fail(instr, entry);    /* the same form just missed out */
        return;
    }
    __atomic_store_n(&entry->counter, (uint16_t)_PY_SPEC_MISSES,
                     __ATOMIC_RELAXED);
    _PySpec_SetOpcode(instr, opcode);
}

/* Fill the payload for `kind`; 0 when it may not be written (free-
   threaded build: another payload is already there). */
static int
call_write(_PySpecEntry *entry, int kind, uint32_t version, int32_t index,
           PyObject *obj)
{
#ifdef Py_GIL_DISABLED
    uint8_t state = _PY_SPEC_EMPTY;
    if (!__atomic_compare_exchange_n(&entry->state, &state, _PY_SPEC_WRITING,
                                     0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
        return state == _PY_SPEC_READY && entry->kind == kind
               && entry->version == version && entry->obj == obj
               && entry->index == index;
    }
#endif
    entry->kind = (uint8_t)kind;
    entry->version = version;
    entry->index = index;
    entry->obj = obj;
#ifdef Py_GIL_DISABLED
    __atomic_store_n(&entry->state, _PY_SPEC_READY, __ATOMIC_RELEASE);
#endif
    return 1;
}

static void
call_with_payload(_Py_CODEUNIT *instr, _PySpecEntry *entry, int kind,
                  uint32_t version, int32_t index, PyObject *obj)
{
    if (_PySpec_PayloadDiffers(entry, kind, version, index, obj)) {
        /* Another function or class: not a repeat of the form that
           deoptimized. */
        __atomic_store_n(&entry->deopted, (uint8_t)0, __ATOMIC_RELAXED);
    }
    if (call_write(entry, kind, version, index, obj)) {
        call_succeed(instr, entry, kind);
    }
    else {
        call_fail(instr, entry);
    }
}

/* ---- Python functions ------------------------------------------------------ */

/* The code of a function whose frame the specialized forms may set up by
   copying positional arguments: no *args, **kwargs or keyword-only
   parameters (cells and free variables are made by the code's own
   MAKE_CELL / COPY_FREE_VARS). */
static int
simple_signature(PyCodeObject *co)
{
    /* Not CO_OPTIMIZED: module code made a function, whose frame needs
       its globals as locals (ceval.c, push_function_frame). */
    return (co->co_flags & (CO_VARARGS | CO_VARKEYWORDS | CO_OPTIMIZED))
               == CO_OPTIMIZED
           && co->co_kwonlyargcount == 0;
}

/* A call of func with `total` positional arguments: the form, or 0. */
static int
python_call_form(PyFunctionObject *func, int total, int bound)
{
    if (func->vectorcall != _PyFunction_Vectorcall) {
        return 0;
    }
    PyCodeObject *co = __atomic_load_n((PyCodeObject **)&func->func_code,
                                       __ATOMIC_ACQUIRE);
    if (!simple_signature(co)) {
        return 0;
    }
    if (total == co->co_argcount) {
        return bound ? CALL_BOUND_METHOD_EXACT_ARGS : CALL_PY_EXACT_ARGS;
    }
    PyObject *defaults = __atomic_load_n(&func->func_defaults,
                                         __ATOMIC_ACQUIRE);
    Py_ssize_t ndefaults = defaults ? PyTuple_GET_SIZE(defaults) : 0;
    if (!bound && total < co->co_argcount
            && total >= co->co_argcount - ndefaults) {
        return CALL_PY_WITH_DEFAULTS;
    }
    return 0;
}

/* A call of func with `total` arguments, the last ones passed by the
   names in kwnames (calls2): CALL_KW_PY / CALL_KW_BOUND_METHOD when they
   bind by copying (pycore_specialize.h, _PySpec_CopyBindingFits), else
   0. */
static int
python_kw_call_form(PyFunctionObject *func, int total, PyObject *kwnames,
                    int bound)
{
    if (func->vectorcall != _PyFunction_Vectorcall) {
        return 0;
    }
    PyCodeObject *co = __atomic_load_n((PyCodeObject **)&func->func_code,
                                       __ATOMIC_ACQUIRE);
    PyObject *defaults = __atomic_load_n(&func->func_defaults,
                                         __ATOMIC_ACQUIRE);
    if (!_PySpec_CopyBindingFits(co, defaults, total, kwnames)) {
        return 0;
    }
    return bound ? CALL_KW_BOUND_METHOD : CALL_KW_PY;
}

/* Clear bit `local` of *mask (locals past 30 have no bit). */
static void
drop_parameter(uint32_t *mask, int local)
{
    if (local >= 0 && local < 31) {
        *mask &= ~(1u << local);
    }
}

/* The parameters of co that CALL_PY_EXACT_ARGS and
   CALL_BOUND_METHOD_EXACT_ARGS may leave borrowed in its frame (bit i:
   local i), kept in the entry's index (pycore_stackref.h, "borrowed
   parameters"): none for a generator or coroutine, whose frame outlives
   the call; else those below 31 that are not cells and that no
   instruction of co rebinds, deletes, clears or wraps in a cell, so the
   frame's own code never releases them.  co is immutable: the answer is
   the same every time (two threads specializing one site agree). */
static int32_t
borrowable_parameters(PyCodeObject *co)
{
    if (co->co_flags & _PY_SPEC_UNCOPYABLE_FLAGS) {
        return 0;
    }
    int n = co->co_argcount < 31 ? co->co_argcount : 31;
    uint32_t mask = n > 0 ? (1u << n) - 1 : 0;
    for (int i = 0; i < n; i++) {
        if (_PyLocals_GetKind(co->co_localspluskinds, i)
                & (CO_FAST_CELL | CO_FAST_FREE)) {
            drop_parameter(&mask, i);
        }
    }
    if (mask == 0) {
        return 0;
    }
    Py_ssize_t size = Py_SIZE(co);
    _Py_CODEUNIT *units = PyMem_Malloc((size_t)size * sizeof(_Py_CODEUNIT));
    if (units == NULL) {
        return 0;       /* borrowing is only an optimisation */
    }
    _PyCode_CopyUnspecialized(co, units);
    int extended = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        int opcode = _Py_OPCODE(units[i]);
        int oparg = _Py_OPARG(units[i]) | extended;
        extended = opcode == EXTENDED_ARG ? oparg << 8 : 0;
        switch (opcode) {
        case STORE_FAST:
        case DELETE_FAST:
        case LOAD_FAST_AND_CLEAR:
        case MAKE_CELL:
            drop_parameter(&mask, oparg);
            break;
        case STORE_FAST_LOAD_FAST:
            drop_parameter(&mask, oparg >> 4);
            break;
        case STORE_FAST_STORE_FAST:
            drop_parameter(&mask, oparg >> 4);
            drop_parameter(&mask, oparg & 15);
            break;
        default:
            break;
        }
    }
    PyMem_Free(units);
    return (int32_t)mask;
}

/* Cache func's version and code for `form` (0: none fits). */
static void
specialize_python_form(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                       PyFunctionObject *func, int form)
{
    uint32_t version = form ? _PyFunction_GetVersionForCurrentState(func) : 0;
    if (version == 0) {
        call_fail(instr, entry);
        return;
    }
    /* The code is read after the version: a racing __code__ assignment
       cleared the version before storing its code, so a stale pairing
       here fails the body's code check (free-threaded build). */
    PyObject *co = __atomic_load_n(&func->func_code, __ATOMIC_ACQUIRE);
    int32_t borrowable = 0;
    if (form == CALL_PY_EXACT_ARGS || form == CALL_BOUND_METHOD_EXACT_ARGS) {
        borrowable = borrowable_parameters((PyCodeObject *)co);
    }
    call_with_payload(instr, entry, form, version, borrowable, co);
}

static void
specialize_python(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                  PyFunctionObject *func, int total, int bound)
{
    specialize_python_form(instr, entry, func,
                           python_call_form(func, total, bound));
}

/* ---- pinned builtins -------------------------------------------------------- */

static PyObject *pinned_len;
static PyObject *pinned_isinstance;
static PyObject *pinned_list_append;

/* obj, if it is (or now becomes) the object pinned in *slot; else NULL.
   A pinned object keeps the reference taken here forever. */
static PyObject *
pin(PyObject **slot, PyObject *obj)
{
    PyObject *current = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (current == NULL) {
        Py_INCREF(obj);
        if (__atomic_compare_exchange_n(slot, &current, obj, 0,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            return obj;
        }
        Py_DECREF(obj);     /* another thread pinned first */
    }
    return current == obj ? obj : NULL;
}

/* 1 when obj is builtins' `name` (a borrowed look-up in the
   interpreter's builtins dict; str keys run no Python code). */
static int
is_builtin(PyObject *obj, const char *name)
{
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    if (builtins == NULL || !PyDict_CheckExact(builtins)) {
        return 0;
    }
    PyObject *found;
    if (PyDict_GetItemStringRef(builtins, name, &found) <= 0) {
        PyErr_Clear();
        return 0;
    }
    Py_DECREF(found);
    return found == obj;
}

/* ---- builtin functions and method descriptors --------------------------- */

static int
builtin_function_form(PyObject *callable, int total)
{
    int flags = ((PyCFunctionObject *)callable)->m_ml->ml_flags;
    if (total == 1 && is_builtin(callable, "len")
            && pin(&pinned_len, callable)) {
        return CALL_LEN;
    }
    if (total == 2 && is_builtin(callable, "isinstance")
            && pin(&pinned_isinstance, callable)) {
        return CALL_ISINSTANCE;
    }
    switch (flags) {
    case METH_O:
        return total == 1 ? CALL_BUILTIN_O : 0;
    case METH_FASTCALL:
        return CALL_BUILTIN_FAST;
    case METH_FASTCALL | METH_KEYWORDS:
        return CALL_BUILTIN_FAST_WITH_KEYWORDS;
    default:
        return 0;
    }
}

static int
method_descriptor_form(PyObject *callable, PyObject *const *args, int total)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)callable;
    if (total < 1 || !PyObject_TypeCheck(_PyStackRef_Get(args[0]),
                                         PyDescr_TYPE(descr))) {
        return 0;
    }
    if (PyDescr_TYPE(descr) == &PyList_Type && total == 2
            && PyList_CheckExact(_PyStackRef_Get(args[0]))
            && strcmp(descr->d_method->ml_name, "append") == 0
            && pin(&pinned_list_append, callable)) {
        return CALL_LIST_APPEND;
    }
    switch (descr->d_method->ml_flags) {
    case METH_O:
        return total == 2 ? CALL_METHOD_DESCRIPTOR_O : 0;
    case METH_NOARGS:
        return total == 1 ? CALL_METHOD_DESCRIPTOR_NOARGS : 0;
    case METH_FASTCALL:
        return CALL_METHOD_DESCRIPTOR_FAST;
    case METH_FASTCALL | METH_KEYWORDS:
        return CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS;
    default:
        return 0;
    }
}

/* type(x), str(x), tuple(x), bool(x), int(x) with one argument; else a builtin
   class with a vectorcall constructor (range, list, dict, float, ...),
   which cannot change since its type is immutable, and whose metatype is
   type itself (a metaclass could define __call__). */
static int
type_call_form(PyObject *callable, int total)
{
    if (total == 1) {
        if (callable == (PyObject *)&PyType_Type) {
            return CALL_TYPE_1;
        }
        if (callable == (PyObject *)&PyUnicode_Type) {
            return CALL_STR_1;
        }
        if (callable == (PyObject *)&PyTuple_Type) {
            return CALL_TUPLE_1;
        }
        if (callable == (PyObject *)&PyBool_Type) {
            return CALL_BOOL_1;
        }
        if (callable == (PyObject *)&PyLong_Type) {
            return CALL_INT_1;      /* calls2: int has no vectorcall */
        }
    }
    PyTypeObject *type = (PyTypeObject *)callable;
    if (Py_IS_TYPE(callable, &PyType_Type)
            && (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)
            && type->tp_vectorcall != NULL) {
        return CALL_BUILTIN_CLASS;
    }
    return 0;
}

/* ---- classes: CALL_ALLOC_AND_ENTER_INIT (calls2) -------------------------- */

/* An object the payload keeps borrowed: a thread that loads it takes its
   reference with _Py_TryIncref (ceval.c's spec_borrow), which needs the
   object marked when that thread does not own it (pycore_object.h). */
static void
prepare_borrowed(PyObject *obj)
{
#ifdef Py_GIL_DISABLED
    _PyObject_SetMaybeWeakref(obj);
#else
    (void)obj;
#endif
}

/* type(args) where calling the class is type_call, __new__ is
   object.__new__ (which ignores the arguments when __init__ is
   overridden), the instance comes from PyType_GenericAlloc and
   __init__ is a Python function that takes the instance and the `total`
   arguments by copying.  The payload is the type's version and, borrowed,
   the __init__ function, which the type's dict keeps alive while that
   version holds; a version also proves tp_new, tp_alloc and the abstract
   flag unchanged.  __init__'s code and defaults are checked again on
   every call (they may change without the type changing).  0 when it
   does not apply (then the other class forms are tried), 1 when done. */
static int
specialize_class_init(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                      PyTypeObject *type, int total)
{
    if (!Py_IS_TYPE((PyObject *)type, &PyType_Type)
            || !(type->tp_flags & Py_TPFLAGS_HEAPTYPE)
            || (type->tp_flags & Py_TPFLAGS_IS_ABSTRACT)
            || type->tp_new != PyBaseObject_Type.tp_new
            || type->tp_alloc != PyType_GenericAlloc) {
        return 0;
    }
    unsigned int version = _PyType_GetVersionTag(type);
    PyObject *init = version
        ? _PyType_LookupRef(type, _Py_INTERNED_ID(__init__)) : NULL;
    if (init == NULL) {
        return 0;
    }
    int fits = 0;
    if (Py_IS_TYPE(init, &PyFunction_Type)
            && ((PyFunctionObject *)init)->vectorcall == _PyFunction_Vectorcall) {
        PyFunctionObject *func = (PyFunctionObject *)init;
        PyCodeObject *co = __atomic_load_n((PyCodeObject **)&func->func_code,
                                           __ATOMIC_ACQUIRE);
        PyObject *defaults = __atomic_load_n(&func->func_defaults,
                                             __ATOMIC_ACQUIRE);
        fits = !(co->co_flags & _PY_SPEC_UNCOPYABLE_FLAGS)
               && _PySpec_CopyBindingFits(co, defaults, total + 1, NULL);
    }
    if (!fits || _PySpec_TypeVersion(type) != version) {
        Py_DECREF(init);
        return 0;
    }
    prepare_borrowed(init);
    call_with_payload(instr, entry, CALL_ALLOC_AND_ENTER_INIT, version, 0,
                      init);
    Py_DECREF(init);
    return 1;
}

/* ---- the decision ------------------------------------------------------------ */

void
_PySpec_Call(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject **base,
             int oparg)
{
    PyObject *callable = base[0];
    int has_self = base[1] != NULL;
    int total = oparg + has_self;
    PyObject *const *args = base + 2 - has_self;
    int form = 0;
    if (Py_IS_TYPE(callable, &PyFunction_Type)) {
        specialize_python(instr, entry, (PyFunctionObject *)callable, total, 0);
        return;
    }
    if (Py_IS_TYPE(callable, &PyMethod_Type) && !has_self) {
        PyObject *func = PyMethod_GET_FUNCTION(callable);
        if (Py_IS_TYPE(func, &PyFunction_Type)) {
            specialize_python(instr, entry, (PyFunctionObject *)func,
                              total + 1, 1);
            return;
        }
    }
    else if (Py_IS_TYPE(callable, &PyCFunction_Type)) {
        form = builtin_function_form(callable, total);
    }
    else if (Py_IS_TYPE(callable, &PyMethodDescr_Type)) {
        form = method_descriptor_form(callable, args, total);
    }
    else if (PyType_Check(callable)) {
        if (!has_self && specialize_class_init(instr, entry,
                                               (PyTypeObject *)callable,
                                               total)) {
            return;
        }
        form = type_call_form(callable, total);
    }
    if (form == 0) {
        call_fail(instr, entry);
    }
    else if (form == CALL_LEN || form == CALL_ISINSTANCE
             || form == CALL_LIST_APPEND) {
        call_with_payload(instr, entry, form, 0, 0, callable);
    }
    else {
        call_succeed(instr, entry, form);
    }
}


/* ---- CALL_KW (calls2, session 7) ---------------------------------------- */

/* A builtin function or method descriptor taking keywords, or a builtin
   class with a vectorcall constructor: the form, or 0.  These forms have
   no payload; their bodies check the callable on every run. */
static int
builtin_kw_call_form(PyObject *callable, PyObject *const *args, int npos)
{
    int fast_kw = METH_FASTCALL | METH_KEYWORDS;
    if (Py_IS_TYPE(callable, &PyCFunction_Type)) {
        int flags = ((PyCFunctionObject *)callable)->m_ml->ml_flags;
        return flags == fast_kw ? CALL_KW_BUILTIN_FAST_WITH_KEYWORDS : 0;
    }
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type)) {
        PyMethodDescrObject *descr = (PyMethodDescrObject *)callable;
        if (npos >= 1 && descr->d_method->ml_flags == fast_kw
                && PyObject_TypeCheck(_PyStackRef_Get(args[0]),
                                      PyDescr_TYPE(descr))) {
            return CALL_KW_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS;
        }
        return 0;
    }
    PyTypeObject *type = (PyTypeObject *)callable;
    if (Py_IS_TYPE(callable, &PyType_Type)
            && (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)
            && type->tp_vectorcall != NULL) {
        return CALL_KW_BUILTIN_CLASS;
    }
    return 0;
}

void
_PySpec_CallKw(_Py_CODEUNIT *instr, _PySpecEntry *entry, PyObject **base,
               int oparg)
{
    PyObject *callable = base[0];
    int has_self = base[1] != NULL;
    int total = oparg + has_self;
    PyObject *const *args = base + 2 - has_self;
    PyObject *kwnames = base[2 + oparg];
    if (!PyTuple_CheckExact(kwnames)) {
        call_fail(instr, entry);
        return;
    }
    int npos = total - (int)PyTuple_GET_SIZE(kwnames);
    if (Py_IS_TYPE(callable, &PyFunction_Type)) {
        PyFunctionObject *func = (PyFunctionObject *)callable;
        specialize_python_form(instr, entry, func,
                               python_kw_call_form(func, total, kwnames, 0));
        return;
    }
    if (Py_IS_TYPE(callable, &PyMethod_Type) && !has_self) {
        PyObject *func = PyMethod_GET_FUNCTION(callable);
        if (Py_IS_TYPE(func, &PyFunction_Type)) {
            specialize_python_form(
                instr, entry, (PyFunctionObject *)func,
                python_kw_call_form((PyFunctionObject *)func, total + 1,
                                    kwnames, 1));
            return;
        }
        call_fail(instr, entry);
        return;
    }
    int form = builtin_kw_call_form(callable, args, npos);
    if (form == 0) {
        call_fail(instr, entry);
    }
    else {
        call_succeed(instr, entry, form);
    }
}
