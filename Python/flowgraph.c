/* The control-flow graph (Include/internal/pycore_flowgraph.h): basic
   blocks of instructions, exception-handler resolution, unreachable-code
   removal, jump clean-up and stack-depth computation.  Private to the
   compiling thread. */
#include "Python.h"
#include "pycore_flowgraph.h"
#include "cpython/code.h"

int
_PyCfg_Init(cfg_builder *g)
{
    memset(g, 0, sizeof(*g));
    g->g_entryblock = _PyCfg_NewBlock(g);
    if (g->g_entryblock == NULL) {
        return -1;
    }
    g->g_curblock = g->g_entryblock;
    return 0;
}

void
_PyCfg_Fini(cfg_builder *g)
{
    basicblock *b = g->g_block_list;
    while (b != NULL) {
        basicblock *next = b->b_list;
        PyMem_Free(b->b_instr);
        PyMem_Free(b);
        b = next;
    }
    g->g_block_list = NULL;
}

basicblock *
_PyCfg_NewBlock(cfg_builder *g)
{
    basicblock *b = PyMem_Calloc(1, sizeof(basicblock));
    if (b == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    b->b_list = g->g_block_list;
    g->g_block_list = b;
    b->b_startdepth = -1;
    b->b_label = g->g_nblocks++;
    return b;
}

void
_PyCfg_UseBlock(cfg_builder *g, basicblock *b)
{
    g->g_curblock->b_next = b;
    g->g_curblock = b;
}

int
_PyCfg_Addop(cfg_builder *g, int opcode, int oparg, basicblock *target,
             _Py_SourceLocation loc)
{
    basicblock *b = g->g_curblock;
    if (b->b_iused >= b->b_ialloc) {
        int newalloc = b->b_ialloc ? b->b_ialloc * 2 : 16;
        cfg_instr *mem = PyMem_Realloc(b->b_instr,
                                       (size_t)newalloc * sizeof(cfg_instr));
        if (mem == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->b_instr = mem;
        b->b_ialloc = newalloc;
    }
    cfg_instr *i = &b->b_instr[b->b_iused++];
    i->i_opcode = opcode;
    i->i_oparg = oparg;
    i->i_loc = loc;
    i->i_target = target;
    i->i_except = NULL;
    return 0;
}

cfg_instr *
_PyCfg_LastInstr(basicblock *b)
{
    return b->b_iused > 0 ? &b->b_instr[b->b_iused - 1] : NULL;
}

static int
block_falls_through(basicblock *b)
{
    cfg_instr *last = _PyCfg_LastInstr(b);
    return last == NULL || !IS_TERMINATOR_OPCODE(last->i_opcode);
}

/* ---- exception handlers ------------------------------------------------ */

/* Walk the graph with a stack of active handlers: SETUP_* pushes its
   target, POP_BLOCK pops; every instruction records the innermost
   handler.  A handler block starts with the stack of its SETUP minus
   itself. */
typedef struct {
    basicblock **handlers;
    int depth;
} except_stack;

static int
label_exception_targets(cfg_builder *g)
{
    int nblocks = g->g_nblocks;
    basicblock **work = PyMem_Calloc((size_t)nblocks + 1, sizeof(basicblock *));
    except_stack **stacks = PyMem_Calloc((size_t)nblocks + 1, sizeof(except_stack *));
    int r = -1, sp = 0;
    if (work == NULL || stacks == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        b->b_visited = 0;
    }
    except_stack *entry = PyMem_Calloc(1, sizeof(except_stack));
    if (entry == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    entry->handlers = PyMem_Calloc(CO_MAXBLOCKS + 2, sizeof(basicblock *));
    if (entry->handlers == NULL) {
        PyMem_Free(entry);
        PyErr_NoMemory();
        goto done;
    }
    stacks[g->g_entryblock->b_label] = entry;
    work[sp++] = g->g_entryblock;
    g->g_entryblock->b_visited = 1;
    while (sp > 0) {
        basicblock *b = work[--sp];
        except_stack cur = *stacks[b->b_label];
        basicblock *handlers[CO_MAXBLOCKS + 2];
        memcpy(handlers, cur.handlers, sizeof(handlers));
        cur.handlers = handlers;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            basicblock *target = NULL;
            if (IS_BLOCK_PUSH_OPCODE(in->i_opcode)) {
                target = in->i_target;
                target->b_except_handler = 1;
                if (in->i_opcode != SETUP_FINALLY) {
                    target->b_preserve_lasti = 1;
                }
                in->i_except = cur.depth > 0 ? handlers[cur.depth - 1] : NULL;
                if (cur.depth >= CO_MAXBLOCKS + 1) {
                    PyErr_SetString(PyExc_SystemError, "too many handlers");
                    goto done;
                }
                handlers[cur.depth++] = target;
                /* The handler itself runs under the outer handlers. */
            }
            else if (in->i_opcode == POP_BLOCK) {
                in->i_except = cur.depth > 0 ? handlers[cur.depth - 1] : NULL;
                if (cur.depth > 0) {
                    cur.depth--;
                }
            }
            else {
                in->i_except = cur.depth > 0 ? handlers[cur.depth - 1] : NULL;
            }
            basicblock *succ[2] = { NULL, NULL };
            int nsucc = 0;
            if (target != NULL) {
                succ[nsucc++] = target;
            }
            else if (in->i_target != NULL && OPCODE_HAS_JUMP(in->i_opcode)) {
                succ[nsucc++] = in->i_target;
            }
            for (int k = 0; k < nsucc; k++) {
                basicblock *t = succ[k];
                if (t->b_visited) {
                    continue;
                }
                except_stack *copy = PyMem_Calloc(1, sizeof(except_stack));
                basicblock **hs = PyMem_Calloc(CO_MAXBLOCKS + 2, sizeof(basicblock *));
                if (copy == NULL || hs == NULL) {
                    PyMem_Free(copy);
                    PyMem_Free(hs);
                    PyErr_NoMemory();
                    goto done;
                }
                /* A SETUP's handler runs with the stack before the SETUP. */
                int d = target != NULL ? cur.depth - 1 : cur.depth;
                memcpy(hs, handlers, sizeof(basicblock *) * (size_t)d);
                copy->handlers = hs;
                copy->depth = d;
                stacks[t->b_label] = copy;
                t->b_visited = 1;
                work[sp++] = t;
            }
        }
        if (block_falls_through(b) && b->b_next && !b->b_next->b_visited) {
            except_stack *copy = PyMem_Calloc(1, sizeof(except_stack));
            basicblock **hs = PyMem_Calloc(CO_MAXBLOCKS + 2, sizeof(basicblock *));
            if (copy == NULL || hs == NULL) {
                PyMem_Free(copy);
                PyMem_Free(hs);
                PyErr_NoMemory();
                goto done;
            }
            memcpy(hs, handlers, sizeof(basicblock *) * (size_t)cur.depth);
            copy->handlers = hs;
            copy->depth = cur.depth;
            stacks[b->b_next->b_label] = copy;
            b->b_next->b_visited = 1;
            work[sp++] = b->b_next;
        }
    }
    r = 0;
done:
    if (stacks != NULL) {
        for (int i = 0; i <= nblocks; i++) {
            if (stacks[i] != NULL) {
                PyMem_Free(stacks[i]->handlers);
                PyMem_Free(stacks[i]);
            }
        }
    }
    PyMem_Free(stacks);
    PyMem_Free(work);
    return r;
}

/* ---- reachability and clean-up ----------------------------------------- */

static int
mark_reachable(cfg_builder *g)
{
    basicblock **work = PyMem_Calloc((size_t)g->g_nblocks + 1, sizeof(basicblock *));
    if (work == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        b->b_reachable = 0;
    }
    int sp = 0;
    work[sp++] = g->g_entryblock;
    g->g_entryblock->b_reachable = 1;
    while (sp > 0) {
        basicblock *b = work[--sp];
        for (int i = 0; i < b->b_iused; i++) {
            basicblock *t = b->b_instr[i].i_target;
            if (t != NULL && OPCODE_HAS_JUMP(b->b_instr[i].i_opcode) &&
                !t->b_reachable) {
                t->b_reachable = 1;
                work[sp++] = t;
            }
            /* Handlers stay reachable after SETUP_* became NOPs. */
            basicblock *h = b->b_instr[i].i_except;
            if (h != NULL && !h->b_reachable) {
                h->b_reachable = 1;
                work[sp++] = h;
            }
        }
        if (block_falls_through(b) && b->b_next && !b->b_next->b_reachable) {
            b->b_next->b_reachable = 1;
            work[sp++] = b->b_next;
        }
    }
    PyMem_Free(work);
    return 0;
}

/* Instructions after a terminator in the same block never run. */
static void
truncate_after_terminators(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            if (IS_TERMINATOR_OPCODE(b->b_instr[i].i_opcode)) {
                b->b_iused = i + 1;
                break;
            }
        }
    }
}

static void
remove_unreachable(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (!b->b_reachable) {
            b->b_iused = 0;
        }
    }
}

/* Pseudo-instructions become real ones (or NOPs) once handlers are known. */
static void
convert_pseudo_ops(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            switch (in->i_opcode) {
            case SETUP_FINALLY: case SETUP_CLEANUP: case SETUP_WITH:
            case POP_BLOCK: case ANNOTATIONS_PLACEHOLDER:
                in->i_opcode = NOP;
                in->i_oparg = 0;
                in->i_target = NULL;
                break;
            case LOAD_CLOSURE:
                in->i_opcode = LOAD_FAST;
                break;
            case STORE_FAST_MAYBE_NULL:
                in->i_opcode = STORE_FAST;
                break;
            default:
                break;
            }
        }
    }
}

/* Drop NOPs whose location is shared with a neighbour (or absent); a NOP
   that alone carries a line (e.g. `pass`) stays so tracing sees it. */
static void
remove_redundant_nops(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        int dest = 0;
        for (int src = 0; src < b->b_iused; src++) {
            cfg_instr *in = &b->b_instr[src];
            if (in->i_opcode == NOP) {
                int line = in->i_loc.lineno;
                if (line < 0) {
                    continue;
                }
                if (dest > 0 && b->b_instr[dest - 1].i_loc.lineno == line) {
                    continue;
                }
                if (src + 1 < b->b_iused) {
                    cfg_instr *next = &b->b_instr[src + 1];
                    if (next->i_loc.lineno == line) {
                        continue;
                    }
                    if (next->i_loc.lineno < 0) {
                        next->i_loc = in->i_loc;
                        continue;
                    }
                }
            }
            b->b_instr[dest++] = *in;
        }
        b->b_iused = dest;
    }
}

/* A jump to an empty or jump-only block goes straight to its target. */
static basicblock *
skip_empty(basicblock *b)
{
    int guard = 0;
    while (b != NULL && b->b_iused == 0 && b->b_next != NULL && guard++ < 10000) {
        b = b->b_next;
    }
    return b;
}

static void
retarget_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_target != NULL) {
                in->i_target = skip_empty(in->i_target);
            }
            if (in->i_except != NULL) {
                in->i_except = skip_empty(in->i_except);
            }
        }
    }
}

/* The block `b` leads to when it is a lone JUMP without a line of its
   own (the end of an if/else arm), else NULL. */
static basicblock *
lineless_jump_target(basicblock *b, cfg_instr **jump)
{
    b = skip_empty(b);
    if (b == NULL || b->b_iused != 1) {
        return NULL;
    }
    cfg_instr *in = &b->b_instr[0];
    if ((in->i_opcode != JUMP && in->i_opcode != JUMP_NO_INTERRUPT)
            || in->i_loc.lineno >= 0 || in->i_target == NULL) {
        return NULL;
    }
    *jump = in;
    return in->i_target;
}

/* Follows lone jumps without a line from `in`'s target; the last target
   reached, and whether one of the jumps checked the eval breaker. */
static basicblock *
final_target(cfg_instr *in, int *interrupting)
{
    basicblock *target = in->i_target;
    basicblock *next;
    cfg_instr *via;
    *interrupting = 0;
    for (int guard = 0;
         guard < 100 && (next = lineless_jump_target(target, &via)) != NULL
             && via != in;
         guard++) {
        *interrupting |= via->i_opcode == JUMP;
        target = next;
    }
    return target;
}

/* A jump to a lone jump without a line goes straight to its target, as in
   CPython: an exit block reached that way then has the jumps leading to
   it as its own predecessors, so it can take their lines.  A threaded
   JUMP checks the eval breaker if any jump it went through did; a
   conditional jump is threaded only forward (POP_JUMP_IF_* never checks
   it, and a backward one must stay a block's last instruction for
   normalize_backward_conditionals). */
static void
thread_jumps(cfg_builder *g)
{
    int pos = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        b->b_offset = pos++;
    }
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            int uncond = in->i_opcode == JUMP || in->i_opcode == JUMP_NO_INTERRUPT;
            if (in->i_target == NULL ||
                !(uncond || IS_CONDITIONAL_JUMP_OPCODE(in->i_opcode))) {
                continue;
            }
            int interrupting;
            basicblock *target = final_target(in, &interrupting);
            if (target == in->i_target) {
                continue;
            }
            if (uncond) {
                if (interrupting) {
                    in->i_opcode = JUMP;
                }
                in->i_target = target;
            }
            else if (target->b_offset > b->b_offset) {
                in->i_target = target;
            }
        }
    }
}

static int is_exit_without_line(basicblock *b);

/* Replaces b's final JUMP to `exit` (a short `return None` without a line)
   by a copy of exit's instructions: the return then continues b's line
   run, so it is reported on b's last line and a debugger jump to that
   line cannot land on a detached copy (CPython inlines such blocks the
   same way). */
static int
inline_exit(cfg_builder *g, basicblock *b, basicblock *exit)
{
    /* The jump's own line, if it has one, stays with the first copy. */
    _Py_SourceLocation first = _PyCfg_LastInstr(b)->i_loc;
    basicblock *saved = g->g_curblock;
    b->b_iused--;
    g->g_curblock = b;
    for (int i = 0; i < exit->b_iused; i++) {
        cfg_instr *in = &exit->b_instr[i];
        basicblock *except = in->i_except;
        _Py_SourceLocation loc = i == 0 && first.lineno >= 0 ? first : in->i_loc;
        if (_PyCfg_Addop(g, in->i_opcode, in->i_oparg, in->i_target, loc) < 0) {
            g->g_curblock = saved;
            return -1;
        }
        _PyCfg_LastInstr(b)->i_except = except;
    }
    g->g_curblock = saved;
    return 0;
}

static int
inline_exit_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        cfg_instr *last = _PyCfg_LastInstr(b);
        if (last == NULL || (last->i_opcode != JUMP &&
                             last->i_opcode != JUMP_NO_INTERRUPT)) {
            continue;
        }
        basicblock *exit = skip_empty(last->i_target);
        if (exit != NULL && exit != b && is_exit_without_line(exit) &&
            inline_exit(g, b, exit) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A JUMP to the very next instruction is a NOP. */
static void
remove_jumps_to_next(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        cfg_instr *last = _PyCfg_LastInstr(b);
        if (last == NULL || (last->i_opcode != JUMP &&
                             last->i_opcode != JUMP_NO_INTERRUPT)) {
            continue;
        }
        basicblock *next = b->b_next;
        while (next != NULL && next->b_iused == 0) {
            next = next->b_next;
        }
        if (next == last->i_target) {
            last->i_opcode = NOP;
            last->i_target = NULL;
        }
    }
}

/* ---- reads of possibly unbound locals ----------------------------------- */

/* Definite assignment: a forward data-flow pass decides, for every read of
   a fast local, whether the local may be unbound there.  Such reads become
   LOAD_FAST_CHECK (which raises UnboundLocalError); all others stay plain
   LOAD_FAST, which the VM executes without a test.  Locals are analysed in
   groups of 64, so a block's state is one mask: bit k set means local
   (base + k) may be unbound when the block starts.  States only grow
   (union over predecessors), so the worklist reaches a fixed point. */
enum { BLOCK_UNSEEN, BLOCK_QUEUED, BLOCK_DONE };

typedef struct {
    uint64_t *entry;            /* per block label: may-be-unbound on entry */
    char *mark;                 /* per block label: BLOCK_* */
    basicblock **work;
    int sp;
    int base;                   /* first local of the group */
} unbound_state;

static void
merge_unbound(unbound_state *st, basicblock *b, uint64_t mask)
{
    uint64_t *entry = &st->entry[b->b_label];
    char *mark = &st->mark[b->b_label];
    if (*mark == BLOCK_QUEUED ||
        (*mark == BLOCK_DONE && (*entry | mask) == *entry)) {
        *entry |= mask;
        return;
    }
    *entry |= mask;
    *mark = BLOCK_QUEUED;
    st->work[st->sp++] = b;
}

/* The group's bit for a local, or 0 when the local is in another group. */
static uint64_t
local_bit(const unbound_state *st, int local)
{
    int k = local - st->base;
    return (k >= 0 && k < 64) ? (uint64_t)1 << k : 0;
}

/* Runs block `b` from its entry state.  Handlers receive the state before
   each instruction they cover (the instruction may raise before its
   effect).  With `rewrite`, reads get their final opcode. */
static void
scan_unbound(unbound_state *st, basicblock *b, int rewrite)
{
    uint64_t mask = st->entry[b->b_label];
    for (int i = 0; i < b->b_iused; i++) {
        cfg_instr *in = &b->b_instr[i];
        if (in->i_except != NULL) {
            merge_unbound(st, in->i_except, mask);
        }
        uint64_t bit = OPCODE_HAS_LOCAL(in->i_opcode)
                           ? local_bit(st, in->i_oparg) : 0;
        switch (in->i_opcode) {
        case LOAD_FAST:
        case LOAD_FAST_CHECK:
        case LOAD_FAST_BORROW:
            if (rewrite && bit != 0) {
                if (mask & bit) {
                    in->i_opcode = LOAD_FAST_CHECK;
                }
                else if (in->i_opcode == LOAD_FAST_CHECK) {
                    in->i_opcode = LOAD_FAST;
                }
            }
            /* Past a checked read the local is bound (or we raised). */
            mask &= ~bit;
            break;
        case STORE_FAST:
            mask &= ~bit;
            break;
        case DELETE_FAST:
        case LOAD_FAST_AND_CLEAR:
        case STORE_FAST_MAYBE_NULL:
            mask |= bit;
            break;
        default:
            break;
        }
        if (in->i_target != NULL && OPCODE_HAS_JUMP(in->i_opcode)) {
            merge_unbound(st, in->i_target, mask);
        }
    }
    if (block_falls_through(b) && b->b_next != NULL) {
        merge_unbound(st, b->b_next, mask);
    }
}

static void
check_unbound_group(cfg_builder *g, unbound_state *st, int nlocals,
                    int nparams)
{
    memset(st->entry, 0, (size_t)g->g_nblocks * sizeof(uint64_t));
    memset(st->mark, BLOCK_UNSEEN, (size_t)g->g_nblocks);
    uint64_t start = 0;
    for (int k = 0; k < 64 && st->base + k < nlocals; k++) {
        if (st->base + k >= nparams) {
            start |= (uint64_t)1 << k;
        }
    }
    st->sp = 0;
    merge_unbound(st, g->g_entryblock, start);
    /* Every reachable block is scanned at least once; the others are
       empty by now. */
    while (st->sp > 0) {
        basicblock *b = st->work[--st->sp];
        st->mark[b->b_label] = BLOCK_DONE;
        scan_unbound(st, b, 0);
    }
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (st->mark[b->b_label] == BLOCK_DONE) {
            scan_unbound(st, b, 1);
        }
    }
}

/* The first `nparams` locals are bound on entry (arguments).  Runs after
   label_exception_targets (it needs i_except) and before pseudo-ops are
   converted (LOAD_CLOSURE, a cell, must not be mistaken for a read) and
   before reads are fused into superinstructions, which have no checked
   form.  A LOAD_FAST_BORROW that may find its local unbound becomes
   LOAD_FAST_CHECK, so the order relative to the borrowing pass does not
   matter for safety. */
static int
check_unbound_loads(cfg_builder *g, int nparams)
{
    int nlocals = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            int op = b->b_instr[i].i_opcode;
            if ((op == LOAD_FAST || op == LOAD_FAST_CHECK ||
                 op == LOAD_FAST_BORROW) &&
                b->b_instr[i].i_oparg >= nlocals) {
                nlocals = b->b_instr[i].i_oparg + 1;
            }
        }
    }
    if (nlocals == 0) {
        return 0;
    }
    size_t n = (size_t)g->g_nblocks + 1;
    unbound_state st = {
        .entry = PyMem_Calloc(n, sizeof(uint64_t)),
        .mark = PyMem_Calloc(n, 1),
        /* A block is queued at most once at a time. */
        .work = PyMem_Calloc(n, sizeof(basicblock *)),
    };
    if (st.entry == NULL || st.mark == NULL || st.work == NULL) {
        PyMem_Free(st.entry);
        PyMem_Free(st.mark);
        PyMem_Free(st.work);
        PyErr_NoMemory();
        return -1;
    }
    for (st.base = 0; st.base < nlocals; st.base += 64) {
        check_unbound_group(g, &st, nlocals, nparams);
    }
    PyMem_Free(st.entry);
    PyMem_Free(st.mark);
    PyMem_Free(st.work);
    return 0;
}

/* ---- stack depth ------------------------------------------------------- */

static int
stackdepth(cfg_builder *g, int *result)
{
    basicblock **work = PyMem_Calloc((size_t)g->g_nblocks + 1, sizeof(basicblock *));
    if (work == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        b->b_startdepth = -1;
    }
    int sp = 0, maxdepth = 0;
    g->g_entryblock->b_startdepth = 0;
    work[sp++] = g->g_entryblock;
#define PUSH_BLOCK(T, D)                                            \
    do {                                                            \
        if ((T)->b_startdepth < 0) {                                \
            (T)->b_startdepth = (D);                                \
            work[sp++] = (T);                                       \
        }                                                           \
        else if ((T)->b_startdepth != (D)) {                        \
            PyErr_Format(PyExc_SystemError,                         \
                         "compiler: inconsistent stack depth %d/%d at block %d", \
                         (T)->b_startdepth, (D), (T)->b_label);     \
            PyMem_Free(work);                                       \
            return -1;                                              \
        }                                                           \
    } while (0)
    while (sp > 0) {
        basicblock *b = work[--sp];
        int depth = b->b_startdepth;
        int falls = 1;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            int effect = _PyOpcode_StackEffect(in->i_opcode, in->i_oparg, 0);
            if (effect == PY_INVALID_STACK_EFFECT) {
                PyErr_Format(PyExc_SystemError, "compiler: bad opcode %d",
                             in->i_opcode);
                PyMem_Free(work);
                return -1;
            }
            int popped = _PyOpcode_NumPopped(in->i_opcode, in->i_oparg);
            if (depth - popped < 0) {
                PyErr_Format(PyExc_SystemError,
                             "compiler: stack underflow at %s",
                             _PyOpcode_Name(in->i_opcode));
                PyMem_Free(work);
                return -1;
            }
            if (in->i_target != NULL && OPCODE_HAS_JUMP(in->i_opcode)) {
                int jeffect = _PyOpcode_StackEffect(in->i_opcode, in->i_oparg, 1);
                int target_depth = depth + jeffect;
                if (target_depth > maxdepth) {
                    maxdepth = target_depth;
                }
                PUSH_BLOCK(in->i_target, target_depth);
            }
            depth += effect;
            if (depth > maxdepth) {
                maxdepth = depth;
            }
            if (IS_TERMINATOR_OPCODE(in->i_opcode)) {
                falls = 0;
                break;
            }
        }
        if (falls && b->b_next != NULL) {
            PUSH_BLOCK(b->b_next, depth);
        }
    }
#undef PUSH_BLOCK
    PyMem_Free(work);
    *result = maxdepth;
    return 0;
}

/* POP_JUMP_IF_* only jump forward: a backward conditional jump becomes
   the inverse jump over a new JUMP block placed right after it. */
static int
normalize_backward_conditionals(cfg_builder *g)
{
    /* Number blocks in layout order to tell directions. */
    int pos = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        b->b_offset = pos++;
    }
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        cfg_instr *last = _PyCfg_LastInstr(b);
        if (last == NULL || !IS_CONDITIONAL_JUMP_OPCODE(last->i_opcode) ||
            last->i_target->b_offset > b->b_offset) {
            continue;
        }
        int inverse;
        switch (last->i_opcode) {
        case POP_JUMP_IF_FALSE: inverse = POP_JUMP_IF_TRUE; break;
        case POP_JUMP_IF_TRUE: inverse = POP_JUMP_IF_FALSE; break;
        case POP_JUMP_IF_NONE: inverse = POP_JUMP_IF_NOT_NONE; break;
        case POP_JUMP_IF_NOT_NONE: inverse = POP_JUMP_IF_NONE; break;
        default: continue;
        }
        basicblock *backward = _PyCfg_NewBlock(g);
        if (backward == NULL) {
            return -1;
        }
        basicblock *saved = g->g_curblock;
        g->g_curblock = backward;
        if (_PyCfg_Addop(g, JUMP, 0, last->i_target, last->i_loc) < 0) {
            return -1;
        }
        g->g_curblock = saved;
        backward->b_instr[0].i_except = last->i_except;
        backward->b_offset = b->b_offset;
        backward->b_reachable = 1;
        last->i_opcode = inverse;
        last->i_target = b->b_next;
        backward->b_next = b->b_next;
        b->b_next = backward;
    }
    return 0;
}

/* ---- line numbers of instructions the code generator left without ---- */

/* Incoming edges of every block, by b_label, into `counts` (size
   g->g_nblocks): fall-through, jumps and exception-handler edges; the
   effective target of an edge skips empty blocks. */
static void
count_predecessors(cfg_builder *g, int *counts)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0) {
            continue;
        }
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_target != NULL && OPCODE_HAS_JUMP(in->i_opcode)) {
                counts[skip_empty(in->i_target)->b_label]++;
            }
            if (in->i_except != NULL) {
                counts[in->i_except->b_label]++;
            }
        }
        if (block_falls_through(b) && b->b_next != NULL) {
            counts[skip_empty(b->b_next)->b_label]++;
        }
    }
}

/* A short block ending the code (an implicit `return None`) with no line
   of its own: it takes the line of whatever leads to it. */
static int
is_exit_without_line(basicblock *b)
{
    cfg_instr *last = _PyCfg_LastInstr(b);
    return last != NULL && last->i_opcode == RETURN_VALUE && b->b_iused <= 4
           && b->b_instr[0].i_loc.lineno < 0;
}

/* A copy of `exit` placed after `*tail` (it never falls through), whose
   first instruction takes the line of `jump`, the jump now leading to it. */
static int
copy_exit_for(cfg_builder *g, basicblock *exit, cfg_instr *jump,
              basicblock **tail)
{
    basicblock *copy = _PyCfg_NewBlock(g);
    if (copy == NULL) {
        return -1;
    }
    basicblock *saved = g->g_curblock;
    g->g_curblock = copy;
    for (int i = 0; i < exit->b_iused; i++) {
        cfg_instr *in = &exit->b_instr[i];
        if (_PyCfg_Addop(g, in->i_opcode, in->i_oparg, in->i_target,
                         in->i_loc) < 0) {
            g->g_curblock = saved;
            return -1;
        }
        copy->b_instr[i].i_except = in->i_except;
    }
    g->g_curblock = saved;
    copy->b_instr[0].i_loc = jump->i_loc;
    copy->b_reachable = 1;
    copy->b_startdepth = exit->b_startdepth;
    (*tail)->b_next = copy;
    *tail = copy;
    jump->i_target = copy;
    return 0;
}

/* Gives each jump (conditional ones too) into a shared exit block without
   a line its own copy, so that the copy can take the jump's line (a
   `return` event or a traceback then names the last line that ran, as in
   CPython).  New blocks go at the end of the layout. */
static int
duplicate_exits_without_line(cfg_builder *g, int *counts, int limit)
{
    basicblock *tail = g->g_entryblock;
    while (tail->b_next != NULL) {
        tail = tail->b_next;
    }
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_target == NULL ||
                !(IS_CONDITIONAL_JUMP_OPCODE(in->i_opcode) ||
                  IS_UNCONDITIONAL_JUMP_OPCODE(in->i_opcode))) {
                continue;
            }
            basicblock *exit = skip_empty(in->i_target);
            if (!is_exit_without_line(exit) || counts[exit->b_label] < 2
                    || g->g_nblocks >= limit) {
                continue;
            }
            if (copy_exit_for(g, exit, in, &tail) < 0) {
                return -1;
            }
            counts[exit->b_label]--;
            counts[tail->b_label] = 1;
        }
    }
    return 0;
}

/* The first instruction of n, when n has a single way in and no line of
   its own, takes the line of the edge leading to it. */
static void
give_line_to_successor(basicblock *n, const int *counts, _Py_SourceLocation loc)
{
    if (n != NULL && n->b_iused > 0 && counts[n->b_label] == 1
            && n->b_instr[0].i_loc.lineno < 0) {
        n->b_instr[0].i_loc = loc;
    }
}

/* An instruction without a line takes the previous one's in its block;
   the first instruction of a block with a single way in takes the line
   of the jump or fall-through leading to it.  A conditional jump may sit
   mid-block here (the builder does not end blocks at jumps). */
static void
propagate_lines(cfg_builder *g, const int *counts)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0) {
            continue;
        }
        _Py_SourceLocation prev = NO_LOCATION;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *in = &b->b_instr[i];
            if (in->i_loc.lineno < 0) {
                in->i_loc = prev;
            }
            else {
                prev = in->i_loc;
            }
            if (in->i_target != NULL && OPCODE_HAS_JUMP(in->i_opcode)) {
                give_line_to_successor(skip_empty(in->i_target), counts, prev);
            }
        }
        if (block_falls_through(b) && b->b_next != NULL) {
            give_line_to_successor(skip_empty(b->b_next), counts, prev);
        }
    }
}

static int
resolve_missing_lines(cfg_builder *g)
{
    /* Room for one copy per block, plus the blocks there are. */
    int limit = 2 * g->g_nblocks + 1;
    int *counts = PyMem_Calloc((size_t)limit, sizeof(int));
    if (counts == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    count_predecessors(g, counts);
    int rc = duplicate_exits_without_line(g, counts, limit);
    if (rc == 0) {
        propagate_lines(g, counts);
    }
    PyMem_Free(counts);
    return rc;
}

int
_PyCfg_Optimize(cfg_builder *g, int nparams, int *stacksize)
{
    truncate_after_terminators(g);
    if (mark_reachable(g) < 0) {
        return -1;
    }
    remove_unreachable(g);
    if (label_exception_targets(g) < 0) {
        return -1;
    }
    if (check_unbound_loads(g, nparams) < 0) {
        return -1;
    }
    if (stackdepth(g, stacksize) < 0) {
        return -1;
    }
    convert_pseudo_ops(g);
    retarget_jumps(g);
    thread_jumps(g);
    remove_jumps_to_next(g);
    remove_redundant_nops(g);
    if (inline_exit_jumps(g) < 0) {
        return -1;
    }
    if (mark_reachable(g) < 0) {
        return -1;
    }
    remove_unreachable(g);
    if (resolve_missing_lines(g) < 0) {
        return -1;
    }
    if (normalize_backward_conditionals(g) < 0) {
        return -1;
    }
    return _PyCfg_BorrowFastLoads(g);   /* Python/flowgraph_borrow.c */
}
