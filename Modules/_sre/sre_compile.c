/* Program checking: the pattern -> program step on the C side.

   Lib/re/_compiler.py turns a parsed pattern into a list of code words;
   this file checks such a list before the engine may run it.  The engine
   trusts its program completely (it never bounds-checks a jump or an
   operand while matching), so every property it relies on is proved here
   once, at compile time:

   - every instruction and operand lies inside the program;
   - every jump target is the start of an instruction;
   - no instruction can fall off the end;
   - slots, groups and counters are in range; sets are well formed;
   - a REPEAT_ONE wraps exactly one single-character instruction.

   A program that fails a check is a ValueError; it can only come from a
   caller building code by hand, never from re.compile. */
#include "sre.h"

typedef struct {
    SreProgram *prog;
    unsigned char *starts;    /* 1 where an instruction begins */
} Checker;

static int
bad_program(const char *why, Py_ssize_t pc)
{
    PyErr_Format(PyExc_ValueError, "invalid regular expression program: "
                 "%s at word %zd", why, pc);
    return -1;
}

static int
operands_fit(const Checker *c, Py_ssize_t pc, Py_ssize_t count)
{
    if (pc + count > c->prog->length) {
        return bad_program("truncated instruction", pc);
    }
    return 0;
}

/* Check the set items from pc; on success *after is the word after
   SET_END. */
static int
check_set(const Checker *c, Py_ssize_t pc, int folded, Py_ssize_t *after)
{
    const SreCode *code = c->prog->code;
    Py_ssize_t length = c->prog->length;
    if (pc < length && code[pc] == SRE_SET_NEGATE) {
        pc++;
    }
    while (pc < length) {
        switch (code[pc]) {
        case SRE_SET_END:
            *after = pc + 1;
            return 0;
        case SRE_SET_LITERAL:
            pc += 2;
            break;
        case SRE_SET_RANGE:
            if (pc + 2 < length && code[pc + 1] > code[pc + 2]) {
                return bad_program("empty range", pc);
            }
            pc += 3;
            break;
        case SRE_SET_CATEGORY:
            if (pc + 1 < length
                && ((code[pc + 1] & 7) > SRE_CAT_NOT_WORD
                    || (code[pc + 1] >> 3) > SRE_KIND_LOCALE)) {
                return bad_program("bad category", pc);
            }
            pc += 2;
            break;
        case SRE_SET_BITMAP:
            if (folded) {
                return bad_program("bitmap in a case-insensitive set", pc);
            }
            pc += 9;
            break;
        default:
            return bad_program("bad set item", pc);
        }
    }
    return bad_program("unterminated set", pc);
}

static int
check_single(const Checker *c, Py_ssize_t pc, Py_ssize_t *after)
{
    const SreCode *code = c->prog->code;
    switch (code[pc]) {
    case SRE_OP_ANY:
    case SRE_OP_ANY_ALL:
        *after = pc + 1;
        return 0;
    case SRE_OP_LITERAL:
    case SRE_OP_NOT_LITERAL:
        *after = pc + 2;
        return operands_fit(c, pc, 2);
    case SRE_OP_LITERAL_I:
    case SRE_OP_NOT_LITERAL_I:
        if (operands_fit(c, pc, 3) < 0) {
            return -1;
        }
        if (code[pc + 2] > SRE_KIND_LOCALE) {
            return bad_program("bad case mode", pc);
        }
        *after = pc + 3;
        return 0;
    case SRE_OP_IN:
    case SRE_OP_IN_I: {
        int folded = code[pc] == SRE_OP_IN_I;
        Py_ssize_t items = pc + (folded ? 3 : 2), set_end;
        if (operands_fit(c, pc, items - pc) < 0) {
            return -1;
        }
        if (folded && code[pc + 2] > SRE_KIND_LOCALE) {
            return bad_program("bad case mode", pc);
        }
        if (check_set(c, items, folded, &set_end) < 0) {
            return -1;
        }
        if ((Py_ssize_t)code[pc + 1] != set_end) {
            return bad_program("set length mismatch", pc);
        }
        *after = set_end;
        return 0;
    }
    default:
        return bad_program("not a single-character instruction", pc);
    }
}

static int
check_target(const Checker *c, Py_ssize_t from, SreCode target)
{
    if ((Py_ssize_t)target >= c->prog->length || !c->starts[target]) {
        return bad_program("jump to the middle of an instruction", from);
    }
    return 0;
}

/* First pass: instruction boundaries and operands.  Returns the length of
   the instruction at pc, or -1. */
static Py_ssize_t
check_instruction(Checker *c, Py_ssize_t pc)
{
    SreProgram *prog = c->prog;
    const SreCode *code = prog->code;
    Py_ssize_t after;
    switch (code[pc]) {
    case SRE_OP_FAILURE:
    case SRE_OP_SUCCESS:
    case SRE_OP_ASSERT_END:
        return 1;
    case SRE_OP_ANY: case SRE_OP_ANY_ALL:
    case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_I: case SRE_OP_NOT_LITERAL_I:
    case SRE_OP_IN: case SRE_OP_IN_I:
        return check_single(c, pc, &after) < 0 ? -1 : after - pc;
    case SRE_OP_AT:
        if (operands_fit(c, pc, 3) < 0) {
            return -1;
        }
        if (code[pc + 1] > SRE_AT_NON_BOUNDARY || code[pc + 2] > SRE_KIND_LOCALE) {
            return bad_program("bad position kind", pc);
        }
        return 3;
    case SRE_OP_JUMP:
        return operands_fit(c, pc, 2) < 0 ? -1 : 2;
    case SRE_OP_SPLIT:
        return operands_fit(c, pc, 3) < 0 ? -1 : 3;
    case SRE_OP_MARK:
        if (operands_fit(c, pc, 2) < 0) {
            return -1;
        }
        if ((Py_ssize_t)code[pc + 1] >= 2 * (prog->ngroups + 1)) {
            return bad_program("bad slot", pc);
        }
        return 2;
    case SRE_OP_REPEAT_ONE:
        if (operands_fit(c, pc, 6) < 0 || check_single(c, pc + 5, &after) < 0) {
            return -1;
        }
        if (code[pc + 1] != after || code[pc + 2] > code[pc + 3]
            || code[pc + 4] > SRE_POSSESSIVE) {
            return bad_program("bad single-character repeat", pc);
        }
        return after - pc;
    case SRE_OP_REPEAT_INIT:
    case SRE_OP_REPEAT_LOOP:
        if (operands_fit(c, pc, code[pc] == SRE_OP_REPEAT_INIT ? 2 : 7) < 0) {
            return -1;
        }
        if (code[pc + 1] >= (1u << 24)) {
            return bad_program("too many repeats", pc);
        }
        if (code[pc + 1] >= prog->ncounters) {
            prog->ncounters = code[pc + 1] + 1;
        }
        if (code[pc] == SRE_OP_REPEAT_INIT) {
            return 2;
        }
        if (code[pc + 2] > code[pc + 3] || code[pc + 4] > SRE_LAZY) {
            return bad_program("bad repeat", pc);
        }
        return 7;
    case SRE_OP_GROUPREF:
    case SRE_OP_GROUPREF_I:
    case SRE_OP_GROUPREF_EXISTS: {
        Py_ssize_t size = code[pc] == SRE_OP_GROUPREF ? 2 : 3;
        if (operands_fit(c, pc, size) < 0) {
            return -1;
        }
        if (code[pc + 1] < 1 || (Py_ssize_t)code[pc + 1] > prog->ngroups) {
            return bad_program("bad group", pc);
        }
        if (code[pc] == SRE_OP_GROUPREF_I && code[pc + 2] > SRE_KIND_LOCALE) {
            return bad_program("bad case mode", pc);
        }
        return size;
    }
    case SRE_OP_ASSERT:
        if (operands_fit(c, pc, 4) < 0) {
            return -1;
        }
        if (code[pc + 1] > SRE_ASSERT_ATOMIC) {
            return bad_program("bad assertion", pc);
        }
        return 4;
    default:
        return bad_program("unknown opcode", pc);
    }
}

/* Second pass: targets, fall-through, and the optimisation hints. */
static int
check_targets(Checker *c, Py_ssize_t pc, Py_ssize_t size)
{
    const SreCode *code = c->prog->code;
    switch (code[pc]) {
    case SRE_OP_JUMP:
        return check_target(c, pc, code[pc + 1]);
    case SRE_OP_SPLIT:
        if (check_target(c, pc, code[pc + 1]) < 0) {
            return -1;
        }
        return check_target(c, pc, code[pc + 2]);
    case SRE_OP_REPEAT_LOOP:
        if (check_target(c, pc, code[pc + 5]) < 0) {
            return -1;
        }
        return check_target(c, pc, code[pc + 6]);
    case SRE_OP_GROUPREF_EXISTS:
    case SRE_OP_ASSERT:
        if (check_target(c, pc, code[pc + (code[pc] == SRE_OP_ASSERT ? 3 : 2)]) < 0) {
            return -1;
        }
        break;
    case SRE_OP_SUCCESS:
    case SRE_OP_FAILURE:
        return 0;
    default:
        break;
    }
    if (pc + size >= c->prog->length) {
        return bad_program("falls off the end", pc);
    }
    return 0;
}

/* ---- hints for the matcher ------------------------------------------- */

static int
is_set_op(SreCode op)
{
    return op == SRE_OP_IN || op == SRE_OP_IN_I;
}

static Py_ssize_t
instruction_size(const SreProgram *prog, Py_ssize_t pc)
{
    Checker c = {(SreProgram *)prog, NULL};
    return check_instruction(&c, pc);
}

/* The pc of the set instruction at pc (directly, or as the body of a
   REPEAT_ONE), or -1. */
static Py_ssize_t
set_at(const SreCode *code, Py_ssize_t pc)
{
    if (is_set_op(code[pc])) {
        return pc;
    }
    if (code[pc] == SRE_OP_REPEAT_ONE && is_set_op(code[pc + 5])) {
        return pc + 5;
    }
    return -1;
}

/* Give every set instruction its bitmap for the characters 0..255 so the
   matcher answers most membership tests with one bit test.  Runs on a
   checked program, whose instructions all start where the walk lands. */
static int
build_set_maps(SreProgram *prog)
{
    const SreCode *code = prog->code;
    Py_ssize_t pc, nsets = 0;
    int32_t used = 0;
    for (pc = 0; pc < prog->length; pc += instruction_size(prog, pc)) {
        nsets += set_at(code, pc) >= 0;
    }
    if (nsets == 0) {
        return 0;
    }
    prog->set_map_of = PyMem_Malloc(sizeof(int32_t) * (size_t)prog->length);
    prog->set_maps = PyMem_Malloc(sizeof(uint32_t) * 8 * (size_t)nsets);
    if (prog->set_map_of == NULL || prog->set_maps == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (pc = 0; pc < prog->length; pc++) {
        prog->set_map_of[pc] = -1;
    }
    for (pc = 0; pc < prog->length; pc += instruction_size(prog, pc)) {
        Py_ssize_t spc = set_at(code, pc);
        if (spc >= 0 && _PySre_SetLowMap(code, spc, prog->set_maps + 8 * used)) {
            prog->set_map_of[spc] = used++;
        }
    }
    return 0;
}

/* Where the first character of any match is tested: skip the zero-width
   instructions at the start (group marks and positions: they consume
   nothing, so the character at the start position must still pass the
   first consuming one), then take a single-character instruction, or the
   body of a single-character repeat that needs at least one character. */
static Py_ssize_t
find_first_pc(const SreCode *code)
{
    Py_ssize_t pc = 0;
    for (;;) {
        switch (code[pc]) {
        case SRE_OP_MARK:
            pc += 2;
            continue;
        case SRE_OP_AT:
            pc += 3;
            continue;
        case SRE_OP_ANY: case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
        case SRE_OP_LITERAL_I: case SRE_OP_NOT_LITERAL_I:
        case SRE_OP_IN: case SRE_OP_IN_I:
            return pc;
        case SRE_OP_REPEAT_ONE:
            return code[pc + 2] >= 1 ? pc + 5 : -1;
        default:
            return -1;
        }
    }
}

void
_PySre_FreeProgram(SreProgram *prog)
{
    PyMem_Free(prog->set_map_of);
    PyMem_Free(prog->set_maps);
    prog->set_map_of = NULL;
    prog->set_maps = NULL;
}

int
_PySre_CheckProgram(SreProgram *prog)
{
    Checker c = {prog, NULL};
    Py_ssize_t pc, size;
    prog->set_map_of = NULL;
    prog->set_maps = NULL;
    prog->first_pc = -1;
    if (prog->length == 0) {
        return bad_program("empty program", 0);
    }
    c.starts = PyMem_Calloc((size_t)prog->length, 1);
    if (c.starts == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    prog->ncounters = 0;
    for (pc = 0; pc < prog->length; pc += size) {
        c.starts[pc] = 1;
        size = check_instruction(&c, pc);
        if (size < 0) {
            goto error;
        }
    }
    for (pc = 0; pc < prog->length; pc += size) {
        size = check_instruction(&c, pc);
        if (check_targets(&c, pc, size) < 0) {
            goto error;
        }
    }
    PyMem_Free(c.starts);
    prog->first_pc = find_first_pc(prog->code);
    return build_set_maps(prog);

error:
    PyMem_Free(c.starts);
    return -1;
}
