/* The compiler pass that turns LOAD_FAST into LOAD_FAST_BORROW where a
   borrowed stack slot is safe (Include/internal/pycore_stackref.h has
   the rules the VM relies on).  It first turns the checked loads of
   locals bound on every path into plain loads (mark_bound_loads below),
   since only plain loads may borrow.

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

/* Drop every candidate still on the simulated stack. */
static void
drop_all(borrow_state *st)
{
    for (int i = 0; i < st->depth; i++) {
        if (st->slots[i] >= 0) {
            st->viable[st->slots[i]] = 0;
        }
    }
}

/* Drop the candidates on the stack that copy local `local`. */
static void
drop_local(borrow_state *st, basicblock *b, int local)
{
    for (int i = 0; i < st->depth; i++) {
        int pusher = st->slots[i];
        if (pusher >= 0 && b->b_instr[pusher].i_oparg == local) {
            st->viable[pusher] = 0;
        }
    }
}

/* Drop the candidates loaded under another handler than `instr` runs
   under. */
static void
drop_other_handlers(borrow_state *st, basicblock *b, cfg_instr *instr)
{
    for (int i = 0; i < st->depth; i++) {
        int pusher = st->slots[i];
        if (pusher >= 0 && b->b_instr[pusher].i_except != instr->i_except) {
            st->viable[pusher] = 0;
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

/* Simulate one instruction (index i of b). */
static void
simulate(borrow_state *st, basicblock *b, int i)
{
    cfg_instr *instr = &b->b_instr[i];
    drop_other_handlers(st, b, instr);
    if (instr->i_opcode == LOAD_FAST) {
        st->viable[i] = 1;
        st->slots[st->depth++] = i;
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
    for (int k = 0; k < popped && st->depth > 0; k++) {
        int pusher = st->slots[--st->depth];
        if (pusher >= 0 && !_PyStackRef_AcceptsBorrowed(
                instr->i_opcode, instr->i_oparg, popped - 1 - k)) {
            st->viable[pusher] = 0;
        }
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

/* ---- definitely bound locals ------------------------------------------

   The code generator checks every read of a local that is not a
   parameter (LOAD_FAST_CHECK, Python/codegen.c), and only unchecked
   loads may be borrowed.  A forward "must" analysis finds the checked
   loads whose local is bound on every path to them and makes them
   LOAD_FAST.  Locals the code ever deletes or clears (DELETE_FAST,
   LOAD_FAST_AND_CLEAR: `except ... as`, inlined comprehensions, whose
   restoring STORE_FAST may store NULL) keep all their checks.  Bound at
   entry: the locals read unchecked somewhere, i.e. the parameters. */

typedef uint64_t word_t;
#define WORD_BITS 64
/* Skip the analysis (keep every check) past this many state words. */
#define MAX_STATE_WORDS (1 << 20)

static inline int
bit_get(const word_t *set, int i)
{
    return (int)((set[i / WORD_BITS] >> (i % WORD_BITS)) & 1);
}

static inline void
bit_set(word_t *set, int i, int value)
{
    word_t mask = (word_t)1 << (i % WORD_BITS);
    if (value) {
        set[i / WORD_BITS] |= mask;
    }
    else {
        set[i / WORD_BITS] &= ~mask;
    }
}

/* The local slots instr reads, binds or unbinds: for sizing the sets. */
static int
local_operand_bound(cfg_instr *instr)
{
    switch (instr->i_opcode) {
    case LOAD_FAST: case LOAD_FAST_CHECK: case LOAD_FAST_BORROW:
    case STORE_FAST: case DELETE_FAST: case LOAD_FAST_AND_CLEAR:
    case MAKE_CELL:
        return instr->i_oparg + 1;
    case LOAD_FAST_LOAD_FAST: case LOAD_FAST_BORROW_LOAD_FAST_BORROW:
    case STORE_FAST_LOAD_FAST: case STORE_FAST_STORE_FAST:
        return 16;
    default:
        return 0;
    }
}

/* Apply instr's effect on the bound set. */
static void
bind_effect(cfg_instr *instr, word_t *bound)
{
    switch (instr->i_opcode) {
    case STORE_FAST:
    case LOAD_FAST_CHECK:       /* past it, the local was bound */
    case MAKE_CELL:
        bit_set(bound, instr->i_oparg, 1);
        break;
    case DELETE_FAST:
    case LOAD_FAST_AND_CLEAR:
        bit_set(bound, instr->i_oparg, 0);
        break;
    case STORE_FAST_LOAD_FAST:
        bit_set(bound, instr->i_oparg >> 4, 1);
        break;
    case STORE_FAST_STORE_FAST:
        bit_set(bound, instr->i_oparg >> 4, 1);
        bit_set(bound, instr->i_oparg & 15, 1);
        break;
    default:
        break;
    }
}

/* Meet `state` into block b's entry set; 1 if it shrank (or was new). */
static int
meet_into(word_t *entry, char *reached, basicblock *b, const word_t *state,
          int words)
{
    word_t *dst = entry + (size_t)b->b_label * (size_t)words;
    if (!reached[b->b_label]) {
        memcpy(dst, state, (size_t)words * sizeof(word_t));
        reached[b->b_label] = 1;
        return 1;
    }
    int changed = 0;
    for (int w = 0; w < words; w++) {
        word_t met = dst[w] & state[w];
        changed |= met != dst[w];
        dst[w] = met;
    }
    return changed;
}

static int
falls_through(basicblock *b)
{
    cfg_instr *last = _PyCfg_LastInstr(b);
    return last == NULL || !IS_TERMINATOR_OPCODE(last->i_opcode);
}

/* One pass over b from its entry set, feeding its successors (and the
   handlers of its instructions, with the set before each); 1 if any
   successor's set changed.  With `rewrite`, checked loads of locals in
   the set (and in `convertible`) become LOAD_FAST. */
static int
flow_block(basicblock *b, word_t *entry, char *reached, word_t *state,
           int words, const word_t *convertible, int rewrite)
{
    int changed = 0;
    memcpy(state, entry + (size_t)b->b_label * (size_t)words,
           (size_t)words * sizeof(word_t));
    for (int i = 0; i < b->b_iused; i++) {
        cfg_instr *instr = &b->b_instr[i];
        if (instr->i_except != NULL) {
            changed |= meet_into(entry, reached, instr->i_except, state, words);
        }
        if (rewrite && instr->i_opcode == LOAD_FAST_CHECK
                && bit_get(state, instr->i_oparg)
                && bit_get(convertible, instr->i_oparg)) {
            instr->i_opcode = LOAD_FAST;
        }
        bind_effect(instr, state);
        if (instr->i_target != NULL) {
            changed |= meet_into(entry, reached, instr->i_target, state, words);
        }
    }
    if (falls_through(b) && b->b_next != NULL) {
        changed |= meet_into(entry, reached, b->b_next, state, words);
    }
    return changed;
}

static int
mark_bound_loads(cfg_builder *g)
{
    int nlocals = 0;
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            int bound = local_operand_bound(&b->b_instr[i]);
            nlocals = bound > nlocals ? bound : nlocals;
        }
    }
    if (nlocals == 0) {
        return 0;
    }
    int words = (nlocals + WORD_BITS - 1) / WORD_BITS;
    if ((size_t)words * (size_t)(g->g_nblocks + 2) > MAX_STATE_WORDS) {
        return 0;
    }
    /* entry sets, then the convertible set, then a scratch set */
    word_t *entry = PyMem_Calloc((size_t)(g->g_nblocks + 2) * (size_t)words,
                                 sizeof(word_t));
    char *reached = PyMem_Calloc((size_t)g->g_nblocks + 1, 1);
    if (entry == NULL || reached == NULL) {
        PyMem_Free(entry);
        PyMem_Free(reached);
        PyErr_NoMemory();
        return -1;
    }
    word_t *convertible = entry + (size_t)g->g_nblocks * (size_t)words;
    word_t *state = convertible + words;
    for (int w = 0; w < words; w++) {
        convertible[w] = ~(word_t)0;
    }
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *instr = &b->b_instr[i];
            if (instr->i_opcode == LOAD_FAST) {
                bit_set(state, instr->i_oparg, 1);      /* a parameter */
            }
            else if (instr->i_opcode == DELETE_FAST
                     || instr->i_opcode == LOAD_FAST_AND_CLEAR) {
                bit_set(convertible, instr->i_oparg, 0);
            }
        }
    }
    (void)meet_into(entry, reached, g->g_entryblock, state, words);
    int changed = 1;
    while (changed) {
        changed = 0;
        for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
            if (reached[b->b_label]) {
                changed |= flow_block(b, entry, reached, state, words,
                                      convertible, 0);
            }
        }
    }
    for (basicblock *b = g->g_entryblock; b != NULL; b = b->b_next) {
        if (reached[b->b_label]) {
            (void)flow_block(b, entry, reached, state, words, convertible, 1);
        }
    }
    PyMem_Free(entry);
    PyMem_Free(reached);
    return 0;
}

/* ---- the pass ----------------------------------------------------------- */

int
_PyCfg_BorrowFastLoads(cfg_builder *g)
{
    borrow_state st = {NULL, 0, 0, NULL, 0};
    int rc = 0;
    if (mark_bound_loads(g) < 0) {
        return -1;
    }
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
