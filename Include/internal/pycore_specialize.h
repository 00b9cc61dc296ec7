/* Adaptive specialization of the bytecode: the cache table and counters
   (Python/specialize.c decides; Python/ceval_ops.h and
   Python/ceval_specialized.h run the specialized forms).  The design, the
   cache layout and the free-threaded rules are in
   Doc/internals/specialization.md.

   In brief: a code object that gets warm (_co_warmup runs out) gets one
   _PySpecTable, published once with a compare-and-swap.  Every
   specializable instruction (the bases of _PY_OPCODES_SPECIALIZED) owns
   one _PySpecEntry, found through the table's per-code-unit slot array.
   A base instruction counts its entry's counter down and, at zero, asks
   specialize.c for a specialized form, which fills the entry and then
   stores the new opcode.  A specialized instruction checks its guards
   (type version, dict hint, operand types) every time and takes its base
   instruction's generic path on a miss; after _PY_SPEC_MISSES misses it
   goes back to its base opcode, which waits longer (exponential backoff)
   before trying again. */
#ifndef Py_INTERNAL_SPECIALIZE_H
#define Py_INTERNAL_SPECIALIZE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_code.h"
#include "pycore_dict.h"
#include "pycore_instvalues.h"
#include "pycore_long.h"
#include "pycore_object.h"
#include "pycore_opcode.h"
#include "pycore_pystate.h"

/* RESUMEs and backward jumps of a code object before it gets a table. */
#define _PY_SPEC_CODE_WARMUP 8
/* Executions of a base instruction before its first attempt. */
#define _PY_SPEC_ADAPTIVE_WARMUP 1
/* Misses a specialized instruction survives before it deoptimizes. */
#define _PY_SPEC_MISSES 52
/* After a failed attempt a base instruction waits 2**backoff - 1
   executions, backoff growing by one per failure up to this. */
#define _PY_SPEC_MAX_BACKOFF 12

/* Entry states (free-threaded build): the payload is written once. */
#define _PY_SPEC_EMPTY 0
#define _PY_SPEC_WRITING 1
#define _PY_SPEC_READY 2

/* One instruction's cache.  counter and backoff are updated with relaxed
   atomics by whichever thread runs the instruction (a lost update only
   shifts when the next attempt happens).  The payload (kind, version,
   index, obj) is written by specialize.c before the specialized opcode is
   stored; see Doc/internals/specialization.md for who may rewrite it. */
typedef struct {
    uint16_t counter;       /* base: runs until the next attempt;
                               specialized: misses left */
    uint8_t backoff;        /* exponent of the next wait */
    uint8_t state;          /* _PY_SPEC_*: free-threaded publication */
    uint32_t version;       /* a type version tag or dict keys version */
    int32_t index;          /* a dict entry hint or a slot offset */
    uint8_t kind;           /* the specialized opcode the payload is for */
    uint8_t deopted;        /* calls2: the specialized opcode that ran out
                               of misses here, until the next attempt */
    PyObject *obj;          /* borrowed: kept alive by what `version`
                               guards (the type's dict) */
} _PySpecEntry;             /* 24 bytes */

/* ftattr (session 12): the payloads of a polymorphic attribute site
   (LOAD_ATTR_INSTANCE_VALUE_POLY, LOAD_ATTR_METHOD_POLY), one *way* per
   class seen there, each what the monomorphic form would carry.  The
   entry's obj points to it.  Owned by the code object's table (linked
   through `next`, freed with it), never moved, so a body may hold it
   for the whole instruction.  A way's payload is written before its
   version, which is stored with release and read with acquire: a
   reader that finds a version also finds that way's index and obj.
   Free-threaded build: ways are claimed with a compare-and-swap of
   `claimed` and written once; they are cleared for reuse only while
   the calling thread is the interpreter's only one (specialize.c,
   spec_poly_add).  Default build: the GIL orders everything.  A way
   whose class later changes keeps a stale version that no class will
   have again (tags are never reused), so its obj is never read. */
#define _PY_SPEC_POLY_WAYS 4
typedef struct _PySpecPoly {
    struct _PySpecPoly *next;   /* the table's list (for freeing) */
    uint32_t claimed;           /* ways handed out to writers */
    uint32_t version[_PY_SPEC_POLY_WAYS];   /* 0: not (yet) written */
    int32_t index[_PY_SPEC_POLY_WAYS];
    PyObject *obj[_PY_SPEC_POLY_WAYS];      /* borrowed, as entry->obj */
} _PySpecPoly;

typedef struct {
    Py_ssize_t nentries;
    uint16_t *slot;         /* per code unit: entry number + 1, or 0 */
    _PySpecPoly *polys;     /* ftattr: the polymorphic payloads, pushed
                               with a compare-and-swap */
    Py_ssize_t npolys;      /* their number (at most nentries: a site
                               whose kinds keep changing cannot make the
                               list grow without bound) */
    _PySpecEntry entries[];
} _PySpecTable;

/* The way of poly written for type version `version` (nonzero): its
   number, or -1.  Lock-free: acquire loads of the versions (see
   _PySpecPoly); a way being written reads as absent. */
static inline int
_PySpec_PolyFind(_PySpecPoly *poly, uint32_t version)
{
    if (version == 0) {
        return -1;      /* a class without a version matches no way */
    }
    for (int i = 0; i < _PY_SPEC_POLY_WAYS; i++) {
        if (__atomic_load_n(&poly->version[i], __ATOMIC_ACQUIRE) == version) {
            return i;
        }
    }
    return -1;
}

/* ---- the table ------------------------------------------------------------ */

/* Build and publish co's table (a racing loser frees its copy).  Never
   fails visibly: without memory the code just stays unspecialized. */
PyAPI_FUNC(void) _PySpec_InitTable(PyCodeObject *co);
PyAPI_FUNC(void) _PySpec_FreeTable(void *table);
/* Write co's instructions with every opcode unspecialized to dest
   (Py_SIZE(co) code units): what co_code shows. */
PyAPI_FUNC(void) _PyCode_CopyUnspecialized(PyCodeObject *co,
                                           _Py_CODEUNIT *dest);

static inline _PySpecTable *
_PySpec_Table(PyCodeObject *co)
{
    return (_PySpecTable *)__atomic_load_n(&co->_co_spec, __ATOMIC_ACQUIRE);
}

/* RESUME / JUMP_BACKWARD: count co towards its table. */
static inline void
_PySpec_Warm(PyCodeObject *co)
{
    int left = __atomic_load_n(&co->_co_warmup, __ATOMIC_RELAXED);
    if (left > 0) {
        __atomic_store_n(&co->_co_warmup, left - 1, __ATOMIC_RELAXED);
        if (left == 1) {
            _PySpec_InitTable(co);
        }
    }
}

/* The entry of the instruction at `instr`, or NULL when it has none
   (no table yet, or not a specializable instruction). */
static inline _PySpecEntry *
_PySpec_EntryAt(PyCodeObject *co, const _Py_CODEUNIT *instr)
{
    _PySpecTable *table = _PySpec_Table(co);
    if (table == NULL) {
        return NULL;
    }
    uint16_t slot = table->slot[instr - _PyCode_CODE(co)];
    return slot ? &table->entries[slot - 1] : NULL;
}

/* A specialized instruction's entry: it exists, since the opcode was
   stored after the table was published. */
static inline _PySpecEntry *
_PySpec_EntryOf(PyCodeObject *co, const _Py_CODEUNIT *instr)
{
    _PySpecTable *table = _PySpec_Table(co);
    return &table->entries[table->slot[instr - _PyCode_CODE(co)] - 1];
}

/* ---- counters ---------------------------------------------------------------
   A counter holds the runs left before a base instruction's next attempt,
   or the misses a specialized instruction has left.  Both builds count
   small values exactly: a warming instruction's first attempts come on
   time.  Free-threaded build: a counter above _PY_SPEC_EXACT_TICKS is
   sampled instead of written on every tick, since the entry lives in the
   code object's table that every thread running the code shares, and a
   store per execution would bounce its cache line between them (and the
   line's specialized neighbours, which are only read).  Each thread
   draws an interval from _PY_SPEC_SAMPLE_MIN to _PY_SPEC_SAMPLE_MAX and
   counts its sampled ticks down in its own state; the tick that ends an
   interval takes the whole interval off the entry it falls on.  Every
   tick is equally likely to end an interval, so an entry loses on
   average one per run, as when counted exactly, with one shared write per
   interval instead of one per run.  Random lengths keep a loop whose
   ticks repeat with a fixed period from charging every interval to the
   same instruction. */

/* Counter values counted exactly (free-threaded: higher ones are sampled). */
#define _PY_SPEC_EXACT_TICKS 15
/* Free-threaded build: sampled ticks per shared write (SAMPLE_MAX + 1 -
   SAMPLE_MIN must be a power of two). */
#define _PY_SPEC_SAMPLE_MIN 32
#define _PY_SPEC_SAMPLE_MAX 95

#ifdef Py_GIL_DISABLED
/* The tick ending the calling thread's interval: take the interval off
   entry's counter (which read `left`) and draw the next one. */
PyAPI_FUNC(void) _PySpec_SampledTick(_PySpecEntry *entry,
                                     struct _py_spec_sampler *sampler,
                                     uint16_t left);
#endif

/* One tick of entry's counter on tstate's thread: 1 when the counter had
   run out (the caller acts: attempt or deoptimize), else 0.  The counter
   is read and written with relaxed atomics; a lost update only moves the
   next attempt. */
static inline int
_PySpec_Tick(_PySpecEntry *entry, PyThreadState *tstate)
{
    uint16_t left = __atomic_load_n(&entry->counter, __ATOMIC_RELAXED);
    if (left == 0) {
        return 1;
    }
#ifdef Py_GIL_DISABLED
    if (left > _PY_SPEC_EXACT_TICKS) {
        struct _py_spec_sampler *sampler =
            &_PyThreadState_IMPL(tstate)->spec_sampler;
        if (--sampler->budget <= 0) {
            _PySpec_SampledTick(entry, sampler, left);
        }
        return 0;
    }
#else
    (void)tstate;
#endif
    __atomic_store_n(&entry->counter, (uint16_t)(left - 1), __ATOMIC_RELAXED);
    return 0;
}

/* A base instruction ran: 1 when it should try to specialize now. */
static inline int
_PySpec_AdaptiveTick(_PySpecEntry *entry, PyThreadState *tstate)
{
    return _PySpec_Tick(entry, tstate);
}

/* A specialized instruction missed: 1 when it should deoptimize now. */
static inline int
_PySpec_MissTick(_PySpecEntry *entry, PyThreadState *tstate)
{
    return _PySpec_Tick(entry, tstate);
}

/* ---- the instruction word ---------------------------------------------------- */

/* Store `opcode` over the instruction at instr, keeping its oparg.  A
   release store: whoever dispatches on the new opcode also finds the
   entry written before it. */
static inline void
_PySpec_SetOpcode(_Py_CODEUNIT *instr, int opcode)
{
    _Py_CODEUNIT word = __atomic_load_n(instr, __ATOMIC_RELAXED);
    _Py_CODEUNIT new_word = (_Py_CODEUNIT)((word & 0xFF00) | (opcode & 0xFF));
    __atomic_store_n(instr, new_word, __ATOMIC_RELEASE);
}

/* The specialized instruction at instr missed too often: back to its base
   opcode, which tries again at its next execution (on a base opcode: wait
   before the next attempt). */
PyAPI_FUNC(void) _PySpec_Deoptimize(_Py_CODEUNIT *instr, _PySpecEntry *entry);

/* calls2: the first attempt after `opcode` ran out of misses chose that
   same form again (with the payload the entry holds): the misses came
   from values (a negative int, a zero divisor, an unset slot, another
   argument count), not from new types, so that attempt counts as a
   failure and backs off.  One-shot: the mark is cleared by the attempt
   that reads it. */
static inline int
_PySpec_TakeRepeatOfDeopt(_PySpecEntry *entry, int opcode)
{
    uint8_t deopted = __atomic_load_n(&entry->deopted, __ATOMIC_RELAXED);
    if (deopted == 0) {
        return 0;
    }
    __atomic_store_n(&entry->deopted, (uint8_t)0, __ATOMIC_RELAXED);
    return deopted == opcode;
}

/* calls2: the payload the entry holds is not (kind, version, index,
   obj).  Free-threaded build: read only once published. */
static inline int
_PySpec_PayloadDiffers(_PySpecEntry *entry, int kind, uint32_t version,
                       Py_ssize_t index, PyObject *obj)
{
#ifdef Py_GIL_DISABLED
    if (__atomic_load_n(&entry->state, __ATOMIC_ACQUIRE) != _PY_SPEC_READY) {
        return 1;
    }
#endif
    return entry->kind != kind || entry->version != version
           || entry->index != index || entry->obj != obj;
}

/* ---- payload access ------------------------------------------------------------ */

/* A specialized instruction may read its entry's payload: in the
   free-threaded build only once it is published.  Always true for a body
   the dispatch loop reached: the specializers store a payload form's
   opcode (release) only after its entry's state became READY (release),
   and the loop loads the instruction word with acquire (READ_WORD in
   Python/ceval.c), which orders the payload reads after it; a payload is
   rewritten only while no other thread exists (spec_rewrite_alone).  So
   the test is an assertion (ftcost, session 10: the acquire load of the
   state in every specialized body was 1.7% of deltablue's instructions
   in the free-threaded build). */
static inline int
_PySpec_Ready(_PySpecEntry *entry)
{
#if defined(Py_GIL_DISABLED) && defined(Py_DEBUG)
    assert(__atomic_load_n(&entry->state, __ATOMIC_ACQUIRE) == _PY_SPEC_READY);
#endif
    (void)entry;
    return 1;
}

/* mp[key] as a new reference when key is the key of mp's entry number
   ix, else NULL (no exception).  Default build: the GIL holds off
   writers, so the fields are read directly.  Always inlined (ftsingle,
   session 8): GCC made an out-of-line copy in the free-threaded
   evaluator, a call per specialized global and attribute load (4-5% of
   deltablue's and richards's instructions there). */
static inline Py_ALWAYS_INLINE PyObject *
_PySpec_DictGetAtHint(PyObject *mp, PyObject *key, Py_ssize_t ix)
{
#ifdef Py_GIL_DISABLED
    PyObject *value;
    (void)_PyDict_GetItemAtHint((PyDictObject *)mp, key, ix, &value);
    return value;
#else
    PyDictKeysObject *dk = ((PyDictObject *)mp)->ma_keys;
    if ((size_t)ix >= (size_t)dk->dk_nentries) {
        return NULL;
    }
    PyDictKeyEntry *ep = &DK_ENTRIES(dk)[ix];
    if (ep->me_key != key || ep->me_value == NULL) {
        return NULL;
    }
    return Py_NewRef(ep->me_value);
#endif
}

/* owner's instance dict (type's tp_dictoffset > 0) for one look-up:
   returns 1 with it in *dict (release it with _PySpec_ReleaseDict), 0
   when owner has none yet, -1 when it cannot be read now (free-threaded:
   being replaced; the generic path copes) or the slot holds a values
   array (pycore_instvalues.h).  Default build: borrowed, the
   GIL keeps it.  Free-threaded build: a reference taken the way
   Objects/object.c's load_instance_dict does (a __dict__ assignment marks
   the old dict before dropping it, so _Py_TryIncref is safe, and the
   re-load confirms it is still owner's dict). */
static inline int
_PySpec_InstanceDict(PyObject *owner, PyTypeObject *type, PyObject **dict)
{
    PyObject **dictptr = (PyObject **)((char *)owner + type->tp_dictoffset);
    *dict = __atomic_load_n(dictptr, __ATOMIC_ACQUIRE);
    if (*dict == NULL) {
        return 0;
    }
    if (_PyInstValues_IsTagged(*dict)) {
        return -1;      /* a values array, not a dict */
    }
#ifdef Py_GIL_DISABLED
    if (!_Py_TryIncref(*dict)) {
        return -1;
    }
    if (__atomic_load_n(dictptr, __ATOMIC_ACQUIRE) != *dict) {
        Py_DECREF(*dict);
        return -1;
    }
#endif
    return 1;
}

static inline void
_PySpec_ReleaseDict(PyObject *dict)
{
#ifdef Py_GIL_DISABLED
    Py_DECREF(dict);
#else
    (void)dict;
#endif
}

/* mp's keys version now, for a guard (_PyDict_CurrentKeysVersion's
   lock-free read).  Inline in the free-threaded build too (ftcost,
   session 9): LOAD_GLOBAL_BUILTIN runs it on every hit. */
static inline uint32_t
_PySpec_KeysVersion(PyObject *mp)
{
#ifdef Py_GIL_DISABLED
    _PyDict_NoteLockFreeReader((PyDictObject *)mp);
    PyDictKeysObject *dk = __atomic_load_n(&((PyDictObject *)mp)->ma_keys,
                                           __ATOMIC_ACQUIRE);
    return __atomic_load_n(&dk->dk_version, __ATOMIC_RELAXED);
#else
    return ((PyDictObject *)mp)->ma_keys->dk_version;
#endif
}

static inline unsigned int
_PySpec_TypeVersion(PyTypeObject *type)
{
    return __atomic_load_n(&type->tp_version_tag, __ATOMIC_ACQUIRE);
}

/* ---- the decisions (Python/specialize.c) -------------------------------------
   Each is called by a base instruction whose counter ran out, with the
   instruction, its entry and its operands (borrowed).  It either stores a
   specialized opcode (after filling the entry) or sets the backoff.  None
   raises; none runs Python code. */
PyAPI_FUNC(void) _PySpec_LoadGlobal(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                    PyObject *globals, PyObject *builtins,
                                    PyObject *name);
PyAPI_FUNC(void) _PySpec_LoadAttr(PyCodeObject *co, _Py_CODEUNIT *instr,
                                  _PySpecEntry *entry, PyObject *owner,
                                  PyObject *name, int oparg);
/* ftattr: a _POLY form of LOAD_ATTR found no way for owner's class
   (the body then takes the generic path, counting the miss): while a
   way is free, give it owner's class when that class takes the same
   form.  Never backs off, raises or runs code. */
PyAPI_FUNC(void) _PySpec_LoadAttrPolyMiss(_PySpecEntry *entry,
                                          PyObject *owner, PyObject *name,
                                          int oparg);
PyAPI_FUNC(void) _PySpec_BinaryOp(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                  PyObject *lhs, PyObject *rhs, int oparg);
PyAPI_FUNC(void) _PySpec_CompareOp(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                   PyObject *lhs, PyObject *rhs, int oparg);
/* ftsingle (session 8): the rest of the operator protocol after a
   class's dunder, entered by BINARY_OP_PY_DUNDER / COMPARE_OP_PY_DUNDER,
   returned NotImplemented (Python/specialize.c).  New reference or NULL. */
PyAPI_FUNC(PyObject *) _PySpec_BinaryDunderFallback(int oparg, PyObject *lhs,
                                                    PyObject *rhs);
PyAPI_FUNC(PyObject *) _PySpec_CompareDunderFallback(int cmp, PyObject *lhs,
                                                     PyObject *rhs);
/* spec (session 6) */
PyAPI_FUNC(void) _PySpec_StoreAttr(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                   PyObject *owner, PyObject *name);
PyAPI_FUNC(void) _PySpec_ForIter(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                 PyObject *iter);
PyAPI_FUNC(void) _PySpec_UnpackSequence(_Py_CODEUNIT *instr,
                                        _PySpecEntry *entry, PyObject *seq,
                                        int oparg);
PyAPI_FUNC(void) _PySpec_ToBool(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                PyObject *value);
PyAPI_FUNC(void) _PySpec_ContainsOp(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                    PyObject *item, PyObject *container);
PyAPI_FUNC(void) _PySpec_StoreSubscr(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                     PyObject *container, PyObject *sub);

/* calls (session 6): Python/specialize_call.c.  base points at the call's
   [callable, self_or_null] pair, followed by oparg arguments. */
PyAPI_FUNC(void) _PySpec_Call(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                              PyObject **base, int oparg);
/* calls2 (session 7): CALL_KW's decision.  base points at the call's
   [callable, self_or_null] pair, followed by oparg arguments (the last
   ones the keyword values) and the tuple of keyword names. */
PyAPI_FUNC(void) _PySpec_CallKw(_Py_CODEUNIT *instr, _PySpecEntry *entry,
                                PyObject **base, int oparg);

/* Code flags that keep a function from being entered by copying its
   arguments into a fresh frame (calls2): *args / **kwargs take the
   general binder; a generator, coroutine or async generator __init__ is
   left to type_call, whose result check names the generator. */
#define _PY_SPEC_UNCOPYABLE_FLAGS                                       \
    (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE          \
     | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE)

/* How a call of co with `total` arguments, the last `nkw` of them passed
   by the names in kwnames (NULL: none), binds by copying (calls2): the
   keywords must name, in order and by identity (parameter names and
   keyword names are interned), the parameters that follow the
   positional arguments, and none of those may be positional-only.
   Returns 1 when the arguments then fill the first `total` parameters
   and the parameters from `total` to co_argcount take their defaults
   from `defaults` (its last items).  0 when the call needs the general
   binder: any keyword-only parameter left out (its default lives in
   __kwdefaults__), too few or too many arguments, a keyword out of
   order.  Reads only immutable fields of co and the tuples, so a caller
   that loaded co and defaults once may use it without a lock. */
static inline int
_PySpec_CopyBindingFits(PyCodeObject *co, PyObject *defaults, int total,
                       PyObject *kwnames)
{
    int nkw = kwnames ? (int)PyTuple_GET_SIZE(kwnames) : 0;
    int npos = total - nkw;
    int argcount = co->co_argcount;
    int nparams = argcount + co->co_kwonlyargcount;
    /* Not CO_OPTIMIZED: the frame needs the globals as locals. */
    if ((co->co_flags & (CO_VARARGS | CO_VARKEYWORDS | CO_OPTIMIZED))
                != CO_OPTIMIZED || npos > argcount
            || total > nparams
            || (nkw > 0 && npos < co->co_posonlyargcount)) {
        return 0;
    }
    PyObject *names = co->co_localsplusnames;
    for (int i = 0; i < nkw; i++) {
        if (PyTuple_GET_ITEM(kwnames, i) != PyTuple_GET_ITEM(names, npos + i)) {
            return 0;
        }
    }
    if (total == nparams) {
        return 1;
    }
    int ndefaults = defaults ? (int)PyTuple_GET_SIZE(defaults) : 0;
    if (co->co_kwonlyargcount != 0 || total < argcount - ndefaults) {
        return 0;
    }
    return 1;
}

/* ---- BINARY_OP_INT_WORD's operands (session 10; masks: session 11) ------
   Ints are immutable, so these read nothing another thread could be
   changing.  Shared by the specializer and the instruction body. */

/* The value of an exact int of at most two digits (|value| < 2**60) in
   *value: 1, or 0 for anything else.  Forced inline, as the caller below:
   GCC outlines it from the evaluation loop (callgrind, text_processing:
   49 instructions a call). */
static inline Py_ALWAYS_INLINE int
_PySpec_IntWordValue(PyObject *op, int64_t *value)
{
    if (!PyLong_CheckExact(op)) {
        return 0;
    }
    const PyLongObject *v = (const PyLongObject *)op;
    Py_ssize_t ndigits = _PyLong_DigitCount(v);
    if (ndigits > 2) {
        return 0;
    }
    int64_t magnitude = ndigits == 0 ? 0 : (int64_t)v->long_value.ob_digit[0];
    if (ndigits == 2) {
        magnitude |= (int64_t)v->long_value.ob_digit[1] << PyLong_SHIFT;
    }
    *value = _PyLong_IsNegative(v) ? -magnitude : magnitude;
    return 1;
}

/* `big & mask` (a linear congruential generator's `(s * a + c) & m`):
   mask a word int >= 0 (below 2**60, so only big's two low digits reach
   the result) and big any non-negative exact int.  1 with big's low two
   digits in *low and the mask in *mask_value, else 0. */
static inline int
_PySpec_IntMaskOperands(PyObject *big, PyObject *mask, int64_t *low,
                        int64_t *mask_value)
{
    if (!_PySpec_IntWordValue(mask, mask_value) || *mask_value < 0
            || !PyLong_CheckExact(big)
            || _PyLong_IsNegative((const PyLongObject *)big)) {
        return 0;
    }
    const PyLongObject *v = (const PyLongObject *)big;
    Py_ssize_t ndigits = _PyLong_DigitCount(v);
    *low = ndigits == 0 ? 0 : (int64_t)v->long_value.ob_digit[0];
    if (ndigits >= 2) {
        *low |= (int64_t)v->long_value.ob_digit[1] << PyLong_SHIFT;
    }
    return 1;
}

/* The 64-bit operands x, y that BINARY_OP_INT_WORD computes `lhs op rhs`
   with: two word ints, or for `&` a word mask >= 0 and a non-negative
   int of any size (its low word stands for it).  1, or 0 when neither
   fits. */
static inline Py_ALWAYS_INLINE int
_PySpec_IntWordOperands(int oparg, PyObject *lhs, PyObject *rhs,
                        int64_t *x, int64_t *y)
{
    if (_PySpec_IntWordValue(lhs, x) && _PySpec_IntWordValue(rhs, y)) {
        return 1;
    }
    if (oparg != NB_AND && oparg != NB_INPLACE_AND) {
        return 0;
    }
    return _PySpec_IntMaskOperands(lhs, rhs, x, y)
           || _PySpec_IntMaskOperands(rhs, lhs, y, x);
}

/* Objects/funcobject.c: func's version, given now if it has none (0 when
   versions ran out).  Cleared when __code__, __defaults__,
   __kwdefaults__ or the vectorcall change. */
PyAPI_FUNC(uint32_t) _PyFunction_GetVersionForCurrentState(
    PyFunctionObject *func);

/* Objects/descrobject.c: a property's getter (borrowed; NULL when it has
   none), for LOAD_ATTR_PROPERTY. */
PyAPI_FUNC(PyObject *) _PyProperty_Getter(PyObject *prop);

#endif /* Py_INTERNAL_SPECIALIZE_H */
