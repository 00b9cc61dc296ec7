/* The compiler pass that turns LOAD_FAST into LOAD_FAST_BORROW where a
   borrowed stack slot is safe (Include/internal/pycore_stackref.h has
   the rules the VM relies on).  Only plain loads may borrow: the
   definite-assignment pass (check_unbound_loads in Python/flowgraph.c)
   runs first and leaves LOAD_FAST_CHECK only where a local may be
   unbound.

   Each basic block is simulated on its own with a stack of "who pushed
   this slot": the index of the LOAD_FAST that did, or -1.  A load stays
   a candidate while its value is on the stack, and is dropped when

   - the local is rebound or cleared (STORE_FAST, DELETE_FAST,
     LOAD_FAST_AND_CLEAR, MAKE_CELL and the store superinstructions)
     while the value is on the stack,
   - an instruction pops the value that does not accept a borrowed
     input there (_PyStackRef_AcceptsBorrowed; copies and swaps "pop"
     what they read, so they drop it too),
   - an instruction runs under another exception handler than the load:
     an inner handler (an inlined comprehension's cleanup) could start
     with the value still on the stack, in a block not simulated here,
   - the value is still on the stack after a jump or at the block's end,
     (a method's self, which LOAD_ATTR passes on, counts as the value
     loaded for its owner: it is followed up to the call),
   - an instruction's stack effect is unknown.

   Writes to the local from outside the frame's code (frame.f_locals,
   which trace functions and exec use) are made safe by the proxy, not
   here: Objects/frameobject.c keeps the replaced value alive.  CPython
   3.14 draws the same line: its pass looks only at the frame's own
   stores, and the change that added it (gh-130704) also changed the
   f_locals setter.

   Two adjacent borrowed loads of one line become the pair form.  Runs
   last in _PyCfg_Optimize, on the final blocks; it changes no stack
   depth, jump target or line.  Private to the compiling thread. */
#include "Python.h"
#include "pycore_flowgraph.h"
#include "pycore_stackref.h"

/* The simulation's working arrays, grown as blocks need. */
typedef struct {
    int *slots;         /* pusher's instruction index, or -1 */
    int depth;
    int capacity;
    char *viable;       /* per instruction of the block: still a candidate */
    int viable_capacity;
    int live;           /* slots on the stack holding a candidate (>= 0) */
} borrow_state;

static int
ensure_capacity(borrow_state *st, int slots, int instrs)
{
    if (slots > st->capacity) {
        int *grown = PyMem_Realloc(st->slots, (size_t)slots * sizeof(int));
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        st->slots = grown;
        st->capacity = slots;
    }
    if (instrs > st->viable_capacity) {
        char *grown = PyMem_Realloc(st->viable, (size_t)instrs);
        if (grown == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        st->viable = grown;
        st->viable_capacity = instrs;
    }
    return 0;
}

/* Drop the candidate in stack slot i: the load keeps its reference, and
   the slot stops being tracked (so the scans below skip the stack once
   no candidate is left on it: a deep stack of other values, e.g. the
   parts of a long f-string, would make them quadratic). */
static void
drop_slot(borrow_state *st, int i)
{
    st->viable[st->slots[i]] = 0;
    st->slots[i] = -1;
    st->live--;
}

/* Drop every candidate still on the simulated stack. */
static void
drop_all(borrow_state *st)
{
    for (int i = 0; i < st->depth && st->live > 0; i++) {
        if (st->slots[i] >= 0) {
            drop_slot(st, i);
        }
    }
}

/* Drop the candidates on the stack that copy local `local`. */
static void
drop_local(borrow_state *st, basicblock *b, int local)
{
    for (int i = 0; i < st->depth && st->live > 0; i++) {
        int pusher = st->slots[i];
        if (pusher >= 0 && b->b_instr[pusher].i_oparg == local) {
            drop_slot(st, i);
        }
    }
}

/* Drop the candidates loaded under another handler than instr (index i
   of b) runs under.  After each instruction every candidate left was
   loaded under that instruction's handler, so there is nothing to do
   unless the handler changes here. */
static void
drop_other_handlers(borrow_state *st, basicblock *b, int i)
{
    cfg_instr *instr = &b->b_instr[i];
    if (i > 0 && b->b_instr[i - 1].i_except == instr->i_except) {
        return;
    }
    for (int k = 0; k < st->depth && st->live > 0; k++) {
        int pusher = st->slots[k];
        if (pusher >= 0 && b->b_instr[pusher].i_except != instr->i_except) {
            drop_slot(st, k);
        }
    }
}

/* The locals instr rebinds or clears: up to two, -1 for none. */
static void
killed_locals(cfg_instr *instr, int *first, int *second)
{
    *first = *second = -1;
    switch (instr->i_opcode) {
    case STORE_FAST:
    case DELETE_FAST:
    case LOAD_FAST_AND_CLEAR:
    case MAKE_CELL:
        *first = instr->i_oparg;
        break;
    case STORE_FAST_LOAD_FAST:
        *first = instr->i_oparg >> 4;
        break;
    case STORE_FAST_STORE_FAST:
        *first = instr->i_oparg >> 4;
        *second = instr->i_oparg & 15;
        break;
    default:
        break;
    }
}

/* LOAD_ATTR's method form pushes [method, self] and self is its input
   slot unchanged (borrowed or not), which the call then consumes. */
static int
passes_owner_on(cfg_instr *instr)
{
    return instr->i_opcode == LOAD_ATTR && (instr->i_oparg & 1);
}

/* Simulate one instruction (index i of b). */
static void
simulate(borrow_state *st, basicblock *b, int i)
{
    cfg_instr *instr = &b->b_instr[i];
    drop_other_handlers(st, b, i);
    if (instr->i_opcode == LOAD_FAST) {
        st->viable[i] = 1;
        st->slots[st->depth++] = i;
        st->live++;
        return;
    }
    int popped = _PyOpcode_NumPopped(instr->i_opcode, instr->i_oparg);
    int pushed = _PyOpcode_NumPushed(instr->i_opcode, instr->i_oparg);
    if (popped < 0 || pushed < 0) {
        drop_all(st);
        st->depth = 0;
        return;
    }
    /* Inputs are numbered from the deepest (0); those below the block's
       own pushes were made elsewhere and are never candidates. */
    int deepest_input = -1;
    for (int k = 0; k < popped && st->depth > 0; k++) {
        int pusher = st->slots[--st->depth];
        if (pusher >= 0) {
            st->live--;
            if (!_PyStackRef_AcceptsBorrowed(instr->i_opcode, instr->i_oparg,
                                             popped - 1 - k)) {
                st->viable[pusher] = 0;
                pusher = -1;
            }
        }
        deepest_input = pusher;
    }
    int first, second;
    killed_locals(instr, &first, &second);
    if (first >= 0) {
        drop_local(st, b, first);
    }
    if (second >= 0) {
        drop_local(st, b, second);
    }
    if (instr->i_target != NULL) {
        drop_all(st);   /* live across the jump */
    }
    for (int k = 0; k < pushed; k++) {
        st->slots[st->depth++] = -1;
    }
    if (passes_owner_on(instr) && popped == 1 && pushed == 2) {
        /* [method, self]: self is the owner's slot, so the load it came
           from stays a candidate until the call consumes it. */
        st->slots[st->depth - 1] = deepest_input;
        if (deepest_input >= 0) {
            st->live++;
        }
    }
}

/* Two adjacent borrowed loads of the same line and handler, of locals
   below 16, become one LOAD_FAST_BORROW_LOAD_FAST_BORROW (one dispatch
   instead of two).  Jumps target blocks, never instructions, so the
   block's array can close up. */
static void
pair_borrowed_loads(basicblock *b)
{
    int out = 0;
    for (int i = 0; i < b->b_iused; i++) {
        cfg_instr *first = &b->b_instr[i];
        cfg_instr *second = i + 1 < b->b_iused ? &b->b_instr[i + 1] : NULL;
        b->b_instr[out] = *first;
        if (second != NULL && first->i_opcode == LOAD_FAST_BORROW
                && second->i_opcode == LOAD_FAST_BORROW
                && first->i_oparg < 16 && second->i_oparg < 16
                && first->i_loc.lineno == second->i_loc.lineno
                && first->i_except == second->i_except) {
            b->b_instr[out].i_opcode = LOAD_FAST_BORROW_LOAD_FAST_BORROW;
            b->b_instr[out].i_oparg = (first->i_oparg << 4) | second->i_oparg;
            i++;
        }
        out++;
    }
    b->b_iused = out;
}

static int
borrow_block(borrow_state *st, basicblock *b)
{
    /* The simulated depth never exceeds the block's total pushes. */
    int bound = 0;
    for (int i = 0; i < b->b_iused; i++) {
        int pushed = _PyOpcode_NumPushed(b->b_instr[i].i_opcode,
                                         b->b_instr[i].i_oparg);
        bound += pushed > 0 ? pushed : 0;
    }
    if (ensure_capacity(st, bound + 1, b->b_iused) < 0) {
        return -1;
    }
    st->depth = 0;
    st->live = 0;
    memset(st->viable, 0, (size_t)b->b_iused);
    for (int i = 0; i < b->b_iused; i++) {
        simulate(st, b, i);
    }
    drop_all(st);       /* live at the block's end */
    for (int i = 0; i < b->b_iused; i++) {
        if (st->viable[i]) {
            b->b_instr[i].i_opcode = LOAD_FAST_BORROW;
        }
    }
    pair_borrowed_loads(b);
    return 0;
}

/* ---- the pass ----------------------------------------------------------- */

int
_PyCfg_BorrowFastLoads(cfg_builder *g)
{
    borrow_state st = {NULL, 0, 0, NULL, 0, 0};
    int rc = 0;
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        if (b->b_iused > 0 && borrow_block(&st, b) < 0) {
            rc = -1;
            break;
        }
    }
    PyMem_Free(st.slots);
    PyMem_Free(st.viable);
    return rc;
}
