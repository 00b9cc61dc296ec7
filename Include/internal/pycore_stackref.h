/* Stack references: the slots of the VM's value stack.

   A slot of a frame's value stack (pycore_frame.h: localsplus after the
   co_nlocalsplus locals) holds a `PyObject *` that is either

   - owned: the slot holds one reference to the object (every slot
     before session 7, and still most of them), or
   - borrowed: the pointer's low bit is set, and the slot holds no
     reference; a fast local of the same frame does, and the compiler
     proved it keeps doing so until the slot is consumed.

   Only LOAD_FAST_BORROW and LOAD_FAST_BORROW_LOAD_FAST_BORROW
   (Python/ceval_ops.h) make borrowed slots, and Python/flowgraph_borrow.c
   emits them only when two things hold for each pushed value: (1) within its basic block, nothing rebinds or clears
   the local before an instruction consumes the value (STORE_FAST,
   DELETE_FAST, LOAD_FAST_AND_CLEAR, MAKE_CELL of that local; the value
   is not live at the block's end nor when an inner exception handler
   starts covering the code), and (2) the consumer is one of the
   instructions _PyStackRef_AcceptsBorrowed names, for that input.  So a
   borrowed slot is only ever read by code written for it; every other
   instruction, the C API, vectorcall argument arrays and containers see
   owned, untagged pointers only (a callee's parameters may stay
   borrowed: "call arguments" below).

   Rebinding the local from outside the frame's own instructions goes
   through frame.f_locals (the write-through proxy of PEP 667: trace
   functions, exec with f_locals, a generator's gi_frame): the proxy does
   not release the value it replaces while the frame can still run, it
   keeps it in the frame object (f_overwritten, Objects/frameobject.c)
   until the frame's next JUMP_BACKWARD (no borrowed slot outlives its
   basic block, so none crosses a jump) or the frame object's death, so
   a borrowed copy on the stack stays valid.  (CPython 3.14's proxy
   setter also takes care of this case, by its own means.)

   Why a tag in `PyObject *` rather than a separate slot type: locals and
   stack share one array, which frames, generators, frame objects and
   the GC walk; a tag leaves every owned slot bit-identical to before, so
   only the code that can meet a borrowed slot changes.  The tag is live
   in both builds, with the same code: the default build saves the
   increment and decrement (and their stores) too; the free-threaded
   build also stops writing the counts of objects that several threads
   read through their own locals (shared dicts, lists, instances), which
   is what made them scale badly (Doc/internals/refcounting.md).

   Contract for an instruction body (the lead converts new instructions
   by this text):

   - An instruction that _PyStackRef_AcceptsBorrowed does NOT name for an
     input sees owned, untagged pointers there and needs no change.
   - An instruction that does accept a borrowed input reads the object
     with _PyStackRef_Get(slot) (never the raw slot), releases the input
     with _PyStackRef_Close / _PyStackRef_XClose (never Py_DECREF), and
     when it must keep the value (store it in a container, push it again
     as another instruction's input, move it into a frame) converts it
     with _PyStackRef_Steal, which yields an owned reference.  It never
     reuses a borrowed operand's memory in place: its count does not
     include the stack's use (spec_float_reusable in Python/ceval.c).
   - Code that walks a frame's slots (unwinding, clearing, GC traversal,
     copies, f_lineno jumps) uses _PyStackRef_XClose and
     _PyStackRef_IsBorrowed; moving a slot's bits to another slot of the
     same frame (copy of a frame, SWAP) keeps its meaning.
   - A specializer or helper given a stack value gets _PyStackRef_Get
     of it.

   Thread safety: a stack slot belongs to the thread running its frame
   (or to the suspended generator, which one thread at a time resumes);
   these helpers touch only the slot's bits and, for owned slots, the
   object's count through Py_DECREF / Py_NewRef. */
#ifndef Py_INTERNAL_STACKREF_H
#define Py_INTERNAL_STACKREF_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_opcode.h"

#define _PY_STACKREF_BORROWED ((uintptr_t)1)
/* With the borrowed bit: "borrowed from a list under QSBR" (below). */
#define _PY_STACKREF_QSBR ((uintptr_t)2)
#define _PY_STACKREF_TAGS (_PY_STACKREF_BORROWED | _PY_STACKREF_QSBR)

/* A borrowed slot for obj (not NULL); no count changes.  Borrowing a
   QSBR slot yields a QSBR slot (the bits are or-ed). */
static inline PyObject *_PyStackRef_Borrow(PyObject *obj)
{
    return (PyObject *)((uintptr_t)obj | _PY_STACKREF_BORROWED);
}

static inline int _PyStackRef_IsBorrowed(PyObject *ref)
{
    return ((uintptr_t)ref & _PY_STACKREF_BORROWED) != 0;
}

/* The object a slot names, owned or not (NULL stays NULL). */
static inline PyObject *_PyStackRef_Get(PyObject *ref)
{
    return (PyObject *)((uintptr_t)ref & ~_PY_STACKREF_TAGS);
}

/* ---- QSBR-borrowed locals (free-threaded build, session 10) ----

   FOR_ITER_LIST and BINARY_OP_SUBSCR_LIST_INT, when the next instruction
   is STORE_FAST, the frame is on its thread's stack (not a generator's)
   and the list belongs to another thread, push the item with both tag
   bits set and no reference (_PyList_GetItemQsbr); STORE_FAST stores it
   as it is.  The object is alive until the thread's next quiescent
   point: the list set _PyList_BITS_SHARED before the read, and a writer
   that drops an item from such a list hands its reference to QSBR
   (_PyObject_DecRefDelayed), so the count cannot reach zero before every
   thread passed a quiescent point.  Before this thread passes one
   (_Py_HandlePending, a detach, a stop-the-world it requests),
   _PyFrame_PromoteQsbrLocals turns every such local of its frames into
   an owned one.  Hence the slot is "borrowed" for everything else: it is
   closed without a decrement, read through _PyStackRef_Get, and made
   owned by _PyStackRef_Steal.  The few places that move a local out of
   its slot without a LOAD_FAST* (LOAD_FAST_AND_CLEAR, the f_locals
   proxy's overwrite) promote it first (_PyStackRef_PromoteQsbr).  The
   default build never makes such slots. */
static inline int _PyStackRef_IsQsbr(PyObject *ref)
{
    return ((uintptr_t)ref & _PY_STACKREF_TAGS) == _PY_STACKREF_TAGS;
}

static inline PyObject *_PyStackRef_QsbrBorrow(PyObject *obj)
{
    return (PyObject *)((uintptr_t)obj | _PY_STACKREF_TAGS);
}

/* Make the local at *slot owned if it is QSBR-borrowed.  Only by the
   thread running the frame, before its next quiescent point. */
static inline void _PyStackRef_PromoteQsbr(PyObject **slot)
{
    if (_PyStackRef_IsQsbr(*slot)) {
        *slot = Py_NewRef(_PyStackRef_Get(*slot));
    }
}

/* Release a slot popped from the stack: the reference if it owns one. */
static inline void _PyStackRef_Close(PyObject *ref)
{
    if (!_PyStackRef_IsBorrowed(ref)) {
        Py_DECREF(ref);
    }
}

static inline void _PyStackRef_XClose(PyObject *ref)
{
    if (!_PyStackRef_IsBorrowed(ref)) {
        Py_XDECREF(ref);
    }
}

/* An owned reference for a slot popped from the stack: the slot's own
   when it has one (moved), else a new one. */
static inline PyObject *_PyStackRef_Steal(PyObject *ref)
{
    if (_PyStackRef_IsBorrowed(ref)) {
        return Py_NewRef(_PyStackRef_Get(ref));
    }
    return ref;
}

/* ---- call arguments (stage 2, session 8) ----

   CALL and CALL_KW accept borrowed slots for self and every argument
   (not the callable, not kwnames).  LOAD_ATTR's method form pushes its
   owner as the self slot unchanged, so a borrowed owner stays borrowed
   up to the call: the compiler's pass follows it there and checks the
   local is not rebound by the arguments' code (flowgraph_borrow.c).

   - A Python callee's locals are owned: the slots are stolen
     (_PyStackRef_Steal) as they are copied into its frame, which costs
     the increment the load used to make, no more.  Except borrowed
     parameters: CALL_PY_EXACT_ARGS and CALL_BOUND_METHOD_EXACT_ARGS leave
     a borrowed slot borrowed in a parameter that the callee's code never
     rebinds, deletes, clears or puts in a cell (not in generators or
     coroutines); the caller outlives the callee's frame, a frame object
     that outlives it steals its locals first (_PyFrame_TakeOwnership),
     and the few readers of locals outside LOAD_FAST* untag them
     (Doc/internals/refcounting.md, "Borrowed parameters").
   - A C callee gets an untagged view (_PyStackRef_CallArgs) and
     consumes nothing; the caller's slot, still tagged, is closed after
     the call, so a borrowed argument is never counted at all.  The
     local that owns it cannot be rebound before the call returns: the
     frame's own code is suspended in CALL, and frame.f_locals keeps a
     replaced value alive until the frame's next backward jump. */

/* Room for the untagged copies of a C call's arguments, plus the
   PY_VECTORCALL_ARGUMENTS_OFFSET slot in front. */
#define _PY_STACKREF_CALL_BUFFER 8

/* The n arguments at args as a C callee must see them: args itself when
   no slot is borrowed; else untagged copies in buf[1..n] (buf holds
   _PY_STACKREF_CALL_BUFFER + 1 pointers; buf[0] is the writable slot
   that PY_VECTORCALL_ARGUMENTS_OFFSET grants).  With more arguments than
   fit, the borrowed slots are made owned in place.  The returned array
   is valid while the stack slots are. */
static inline PyObject *const *
_PyStackRef_CallArgs(PyObject **args, int n, PyObject **buf)
{
    uintptr_t tags = 0;
    for (int i = 0; i < n; i++) {
        tags |= (uintptr_t)args[i];
    }
    if (!(tags & _PY_STACKREF_BORROWED)) {
        return args;
    }
    if (n > _PY_STACKREF_CALL_BUFFER) {
        for (int i = 0; i < n; i++) {
            args[i] = _PyStackRef_Steal(args[i]);
        }
        return args;
    }
    buf[0] = NULL;
    for (int i = 0; i < n; i++) {
        buf[i + 1] = _PyStackRef_Get(args[i]);
    }
    return buf + 1;
}

/* Make the n slots at args owned, in place (a callee whose binding
   consumes them: _PyEval_InitializeLocals, the generic path). */
static inline void
_PyStackRef_OwnSlots(PyObject **args, int n)
{
    for (int i = 0; i < n; i++) {
        args[i] = _PyStackRef_Steal(args[i]);
    }
}

/* Whether instruction `opcode` (a base opcode, as the compiler emits it)
   may find a borrowed slot as its input `input`, counted from the
   deepest of the items it pops (0) upwards.  The compiler's pass and
   the VM's bodies agree through this function; every specialized form
   of a base named here accepts the same inputs. */
static inline int _PyStackRef_AcceptsBorrowed(int opcode, int oparg, int input)
{
    switch (opcode) {
    case POP_TOP:
    case LOAD_ATTR:             /* owner; a method's self passes on as is */
    case BINARY_OP:
    case COMPARE_OP:
    case IS_OP:
    case CONTAINS_OP:
    case TO_BOOL:
    case UNARY_NOT:
    case UNARY_NEGATIVE:
    case UNARY_INVERT:
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE:
    case GET_ITER:
    case BINARY_SLICE:          /* container, start, stop */
        return 1;
    case STORE_ATTR:            /* [value, owner]: the owner only */
        return input == 1;
    case STORE_SUBSCR:          /* [value, container, sub] */
        return input >= 1;
    case CALL:                  /* [callable, self_or_null, args...] */
        return input >= 1;
    case CALL_KW:               /* [callable, self_or_null, args..., kwnames] */
        return input >= 1 && input <= oparg + 1;
    default:
        return 0;
    }
}

#endif /* Py_INTERNAL_STACKREF_H */
