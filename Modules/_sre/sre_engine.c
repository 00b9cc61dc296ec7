/* The matcher: runs a checked program (sre_compile.c) against a subject.

   A backtracking machine whose only memory is an SreState: the capture
   slots, the repeat counters and an explicit, heap-allocated backtrack
   stack.  Nothing here recurses, so neither a long subject nor a deeply
   nested pattern can exhaust the C stack; a catastrophic pattern only costs
   time, and the signal check every few thousand steps lets Ctrl-C stop it.

   The backtrack stack holds two sorts of frames.  Choice frames (BRANCH,
   LAZY_ENTER, REPEAT_ONE, MIN_REPEAT_ONE, BARRIER) say where to resume when
   the current path fails.  Undo frames (MARK, COUNTER) record a value that
   was overwritten, and are applied while popping, so that every resumed
   path sees the slots and counters exactly as they were when its choice
   was pushed.

   Thread safety: the program is read-only and the subject is an immutable
   snapshot; all else is in the SreState of the calling thread. */
#include "sre.h"
#include <ctype.h>

enum {
    BT_BRANCH,          /* resume at pc, pos */
    BT_LAZY_ENTER,      /* resume by entering the body of REPEAT_LOOP at pc */
    BT_REPEAT_ONE,      /* greedy single-char loop at pc from pos: count a */
    BT_MIN_REPEAT_ONE,  /* lazy single-char loop at pc from pos: count a */
    BT_BARRIER,         /* ASSERT at pc entered at pos */
    BT_MARK,            /* undo: slot a was b, lastindex was pos */
    BT_COUNTER,         /* undo: counter a was b, its last start was pos */
};

#define SIGNAL_CHECK_MASK 0xFFFFUL

static inline Py_UCS4
char_at(const SreState *st, Py_ssize_t i)
{
    switch (st->charsize) {
    case 1: return ((const Py_UCS1 *)st->data)[i];
    case 2: return ((const Py_UCS2 *)st->data)[i];
    default: return ((const Py_UCS4 *)st->data)[i];
    }
}

/* ---- character classes ---------------------------------------------- */

static Py_UCS4
lower_of(Py_UCS4 ch, int casemode)
{
    switch (casemode) {
    case SRE_KIND_ASCII:
        return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
    case SRE_KIND_LOCALE:
        return ch < 256 ? (Py_UCS4)tolower((int)ch) : ch;
    default:
        return _PyUnicode_ToLowercase(ch);
    }
}

static Py_UCS4
upper_of(Py_UCS4 ch, int casemode)
{
    switch (casemode) {
    case SRE_KIND_ASCII:
        return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
    case SRE_KIND_LOCALE:
        return ch < 256 ? (Py_UCS4)toupper((int)ch) : ch;
    default:
        return _PyUnicode_ToUppercase(ch);
    }
}

/* Two characters match case-insensitively when their folds are equal.
   Going through the upper case first also joins the characters that share
   an upper case but not a lower case ('s' and U+017F, 'i' and U+0131,
   U+00B5 and U+03BC, ...), which simple lowercasing alone would miss. */
Py_UCS4
_PySre_Fold(Py_UCS4 ch, int casemode)
{
    if (casemode == SRE_KIND_UNICODE) {
        /* Three pairs are equal only through their full (multi-character)
           upper cases, which the simple mappings do not see. */
        switch (ch) {
        case 0x1FD3: return 0x390;
        case 0x1FE3: return 0x3B0;
        case 0xFB05: return 0xFB06;
        default:
            return _PyUnicode_ToLowercase(_PyUnicode_ToUppercase(ch));
        }
    }
    return lower_of(ch, casemode);
}

/* [0-9A-Za-z_] as a bitmap over the ASCII characters: the word characters
   below 128 are the same under every kind but LOCALE. */
static const uint32_t ascii_word_map[4] = {
    0x00000000u, 0x03FF0000u, 0x87FFFFFEu, 0x07FFFFFEu,
};

static inline int
is_ascii_word(Py_UCS4 ch)
{
    return (ascii_word_map[ch >> 5] >> (ch & 31)) & 1;
}

static int
is_word(Py_UCS4 ch, int kind)
{
    if (ch < 128 && kind != SRE_KIND_LOCALE) {
        return is_ascii_word(ch);
    }
    switch (kind) {
    case SRE_KIND_ASCII:
        return 0;
    case SRE_KIND_LOCALE:
        return ch < 256 && (isalnum((int)ch) || ch == '_');
    default:
        return ch == '_' || _PyUnicode_IsAlpha(ch)
            || _PyUnicode_IsDecimalDigit(ch) || _PyUnicode_IsDigit(ch)
            || _PyUnicode_IsNumeric(ch);
    }
}

static int
is_digit(Py_UCS4 ch, int kind)
{
    if (kind == SRE_KIND_UNICODE && ch >= 128) {
        return _PyUnicode_IsDecimalDigit(ch);
    }
    return ch >= '0' && ch <= '9';
}

static int
is_space(Py_UCS4 ch, int kind)
{
    switch (kind) {
    case SRE_KIND_ASCII:
        return ch == ' ' || (ch >= '\t' && ch <= '\r');
    case SRE_KIND_LOCALE:
        return ch < 256 && isspace((int)ch);
    default:
        return Py_UNICODE_ISSPACE(ch);
    }
}

int
_PySre_Category(Py_UCS4 ch, int category)
{
    int kind = category >> 3;
    switch (category & 7) {
    case SRE_CAT_DIGIT: return is_digit(ch, kind);
    case SRE_CAT_NOT_DIGIT: return !is_digit(ch, kind);
    case SRE_CAT_SPACE: return is_space(ch, kind);
    case SRE_CAT_NOT_SPACE: return !is_space(ch, kind);
    case SRE_CAT_WORD: return is_word(ch, kind);
    default: return !is_word(ch, kind);
    }
}

/* Whether ch is in the set whose items start at code[pc].  With
   casemode >= 0 (IN_I) literal items are stored folded and a range also
   matches through the lower, upper or folded form of ch. */
static int
set_contains(const SreCode *code, Py_ssize_t pc, Py_UCS4 ch, int casemode)
{
    int negate = 0;
    Py_UCS4 folded = casemode >= 0 ? _PySre_Fold(ch, casemode) : ch;
    if (code[pc] == SRE_SET_NEGATE) {
        negate = 1;
        pc++;
    }
    for (;;) {
        switch (code[pc]) {
        case SRE_SET_END:
            return negate;
        case SRE_SET_LITERAL:
            if (ch == code[pc + 1] || folded == code[pc + 1]) {
                return !negate;
            }
            pc += 2;
            break;
        case SRE_SET_RANGE: {
            Py_UCS4 lo = code[pc + 1], hi = code[pc + 2];
            if (lo <= ch && ch <= hi) {
                return !negate;
            }
            if (casemode >= 0) {
                Py_UCS4 l = lower_of(ch, casemode), u = upper_of(ch, casemode);
                Py_UCS4 uf = upper_of(folded, casemode);
                if ((lo <= l && l <= hi) || (lo <= u && u <= hi)
                    || (lo <= folded && folded <= hi) || (lo <= uf && uf <= hi)) {
                    return !negate;
                }
            }
            pc += 3;
            break;
        }
        case SRE_SET_CATEGORY:
            if (_PySre_Category(ch, (int)code[pc + 1])) {
                return !negate;
            }
            pc += 2;
            break;
        case SRE_SET_BITMAP:
            if (ch < 256 && (code[pc + 1 + (ch >> 5)] >> (ch & 31)) & 1) {
                return !negate;
            }
            pc += 9;
            break;
        default:
            /* The checker admits no other item. */
            return 0;
        }
    }
}

/* The membership bitmap for characters 0..255 of the set at pc, or NULL. */
static inline const uint32_t *
low_map(const SreProgram *prog, Py_ssize_t pc)
{
    int32_t m = prog->set_map_of[pc];
    return m < 0 ? NULL : prog->set_maps + 8 * m;
}

int
_PySre_SetLowMap(const SreCode *code, Py_ssize_t pc, uint32_t map[8])
{
    int casemode = code[pc] == SRE_OP_IN_I ? (int)code[pc + 2] : -1;
    Py_ssize_t items = pc + (casemode >= 0 ? 3 : 2), i = items;
    if (casemode == SRE_KIND_LOCALE) {
        return 0;
    }
    if (code[i] == SRE_SET_NEGATE) {
        i++;
    }
    while (code[i] != SRE_SET_END) {
        switch (code[i]) {
        case SRE_SET_CATEGORY:
            if ((code[i + 1] >> 3) == SRE_KIND_LOCALE) {
                return 0;
            }
            i += 2;
            break;
        case SRE_SET_LITERAL: i += 2; break;
        case SRE_SET_RANGE: i += 3; break;
        default: i += 9; break;
        }
    }
    /* Without the locale, membership is a pure function of ch. */
    memset(map, 0, 8 * sizeof(uint32_t));
    for (Py_UCS4 ch = 0; ch < 256; ch++) {
        if (set_contains(code, items, ch, casemode)) {
            map[ch >> 5] |= 1u << (ch & 31);
        }
    }
    return 1;
}

static inline int
in_set(const SreProgram *prog, Py_ssize_t pc, Py_UCS4 ch)
{
    const SreCode *code = prog->code;
    if (ch < 256) {
        const uint32_t *map = low_map(prog, pc);
        if (map != NULL) {
            return (map[ch >> 5] >> (ch & 31)) & 1;
        }
    }
    if (code[pc] == SRE_OP_IN) {
        return set_contains(code, pc + 2, ch, -1);
    }
    return set_contains(code, pc + 3, ch, (int)code[pc + 2]);
}

/* Whether ch satisfies the single-character opcode at code[pc]. */
static inline int
match_one(const SreProgram *prog, Py_ssize_t pc, Py_UCS4 ch)
{
    const SreCode *code = prog->code;
    switch (code[pc]) {
    case SRE_OP_ANY: return ch != '\n';
    case SRE_OP_ANY_ALL: return 1;
    case SRE_OP_LITERAL: return ch == code[pc + 1];
    case SRE_OP_NOT_LITERAL: return ch != code[pc + 1];
    case SRE_OP_LITERAL_I:
        return ch == code[pc + 1]
            || _PySre_Fold(ch, (int)code[pc + 2]) == code[pc + 1];
    case SRE_OP_NOT_LITERAL_I:
        return ch != code[pc + 1]
            && _PySre_Fold(ch, (int)code[pc + 2]) != code[pc + 1];
    case SRE_OP_IN:
    case SRE_OP_IN_I:
        return in_set(prog, pc, ch);
    default: return 0;
    }
}

/* How many characters from pos (at most limit) the single-char op at pc
   matches in a row. */
static Py_ssize_t
count_run(const SreState *st, Py_ssize_t pc, Py_ssize_t pos, Py_ssize_t limit)
{
    const SreCode *code = st->prog->code;
    Py_ssize_t n = 0;
    switch (code[pc]) {
    case SRE_OP_ANY_ALL:
        return limit;
    case SRE_OP_LITERAL: {
        Py_UCS4 c = code[pc + 1];
        while (n < limit && char_at(st, pos + n) == c) {
            n++;
        }
        return n;
    }
    case SRE_OP_ANY:
        while (n < limit && char_at(st, pos + n) != '\n') {
            n++;
        }
        return n;
    case SRE_OP_IN:
    case SRE_OP_IN_I: {
        const uint32_t *map = low_map(st->prog, pc);
        if (map != NULL && st->charsize == 1) {
            const Py_UCS1 *data = (const Py_UCS1 *)st->data + pos;
            while (n < limit && ((map[data[n] >> 5] >> (data[n] & 31)) & 1)) {
                n++;
            }
            return n;
        }
        while (n < limit && in_set(st->prog, pc, char_at(st, pos + n))) {
            n++;
        }
        return n;
    }
    default:
        while (n < limit && match_one(st->prog, pc, char_at(st, pos + n))) {
            n++;
        }
        return n;
    }
}

/* ---- positions ------------------------------------------------------- */

static int
at_position(const SreState *st, Py_ssize_t pos, int kind, int wordkind)
{
    Py_ssize_t end = st->end;
    switch (kind) {
    case SRE_AT_BEGINNING:
        return pos == 0;
    case SRE_AT_BEGINNING_LINE:
        return pos == 0 || char_at(st, pos - 1) == '\n';
    case SRE_AT_END:
        return pos == end || (pos == end - 1 && char_at(st, pos) == '\n');
    case SRE_AT_END_LINE:
        return pos == end || char_at(st, pos) == '\n';
    case SRE_AT_END_STRING:
        return pos == end;
    default: {
        int before = pos > 0 && pos <= end
                     && is_word(char_at(st, pos - 1), wordkind);
        int after = pos < end && is_word(char_at(st, pos), wordkind);
        return kind == SRE_AT_BOUNDARY ? before != after : before == after;
    }
    }
}

/* ---- the state ------------------------------------------------------- */

int
_PySre_StateInit(SreState *st, const SreProgram *prog, const void *data,
                 int charsize, Py_ssize_t end)
{
    Py_ssize_t nmarks = 2 * (prog->ngroups + 1);
    memset(st, 0, sizeof(*st));
    st->prog = prog;
    st->data = data;
    st->charsize = charsize;
    st->end = end;
    st->marks = PyMem_Malloc(sizeof(Py_ssize_t) * nmarks);
    st->counters = PyMem_Malloc(sizeof(Py_ssize_t) * (2 * prog->ncounters + 1));
    st->stack_size = 64;
    st->stack = PyMem_Malloc(sizeof(SreFrame) * st->stack_size);
    if (st->marks == NULL || st->counters == NULL || st->stack == NULL) {
        _PySre_StateFini(st);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

void
_PySre_StateFini(SreState *st)
{
    PyMem_Free(st->marks);
    PyMem_Free(st->counters);
    PyMem_Free(st->stack);
    st->marks = NULL;
    st->counters = NULL;
    st->stack = NULL;
}

static int
grow_stack(SreState *st)
{
    Py_ssize_t size = st->stack_size * 2;
    SreFrame *grown;
    if (size > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(SreFrame)) {
        PyErr_NoMemory();
        return -1;
    }
    grown = PyMem_Realloc(st->stack, sizeof(SreFrame) * size);
    if (grown == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    st->stack = grown;
    st->stack_size = size;
    return 0;
}

static inline int
push(SreState *st, int kind, Py_ssize_t pc, Py_ssize_t pos,
     Py_ssize_t a, Py_ssize_t b)
{
    if (st->stack_top == st->stack_size && grow_stack(st) < 0) {
        return -1;
    }
    SreFrame *f = &st->stack[st->stack_top++];
    f->kind = kind;
    f->pc = pc;
    f->pos = pos;
    f->a = a;
    f->b = b;
    return 0;
}

#define PUSH(kind, pc_, pos_, a_, b_) \
    do { \
        if (push(st, (kind), (pc_), (pos_), (a_), (b_)) < 0) { \
            return -1; \
        } \
    } while (0)

static void
apply_undo(SreState *st, const SreFrame *f)
{
    if (f->kind == BT_MARK) {
        st->marks[f->a] = f->b;
        st->lastindex = f->pos;
    }
    else {
        st->counters[2 * f->a] = f->b;
        st->counters[2 * f->a + 1] = f->pos;
    }
}

static Py_ssize_t
find_barrier(const SreState *st)
{
    for (Py_ssize_t i = st->stack_top - 1; i >= 0; i--) {
        if (st->stack[i].kind == BT_BARRIER) {
            return i;
        }
    }
    return -1;
}

/* A look-around or atomic group succeeded: drop the choices made inside
   it (it is not re-entered on backtracking) but keep their undo frames,
   which still have to restore slots when a later failure backs up past
   the group. */
static void
cut_to_barrier(SreState *st, Py_ssize_t barrier)
{
    Py_ssize_t keep = barrier;
    for (Py_ssize_t i = barrier + 1; i < st->stack_top; i++) {
        int kind = st->stack[i].kind;
        if (kind == BT_MARK || kind == BT_COUNTER) {
            st->stack[keep++] = st->stack[i];
        }
    }
    st->stack_top = keep;
}

/* A negative look-around's body matched: undo everything it did. */
static void
unwind_to_barrier(SreState *st, Py_ssize_t barrier)
{
    while (st->stack_top > barrier) {
        const SreFrame *f = &st->stack[--st->stack_top];
        if (f->kind == BT_MARK || f->kind == BT_COUNTER) {
            apply_undo(st, f);
        }
    }
}

static int
compare_group(const SreState *st, Py_ssize_t pos, Py_ssize_t group,
              int casemode, Py_ssize_t *newpos)
{
    Py_ssize_t s = st->marks[2 * group], e = st->marks[2 * group + 1];
    if (s < 0 || e < 0 || e < s || pos + (e - s) > st->end) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < e - s; i++) {
        Py_UCS4 a = char_at(st, s + i), b = char_at(st, pos + i);
        if (a != b && (casemode < 0 || _PySre_Fold(a, casemode)
                                        != _PySre_Fold(b, casemode))) {
            return 0;
        }
    }
    *newpos = pos + (e - s);
    return 1;
}

/* Where a greedy single-char loop resumes with n repetitions: back off
   further while the following literal cannot match. */
static Py_ssize_t
repeat_one_fit(const SreState *st, Py_ssize_t pc, Py_ssize_t start,
               Py_ssize_t n)
{
    const SreCode *code = st->prog->code;
    Py_ssize_t next = code[pc + 1];
    Py_ssize_t min = code[pc + 2];
    if (code[next] == SRE_OP_LITERAL) {
        Py_UCS4 c = code[next + 1];
        while (n >= min && (start + n >= st->end
                            || char_at(st, start + n) != c)) {
            n--;
        }
    }
    return n;
}

/* Start one more iteration of the REPEAT_LOOP at pc, from pos.  Only an
   optional iteration (beyond the minimum) records where it started: the
   loop stops when an optional iteration matches nothing, while the
   mandatory ones may all be empty (CPython's rule, which decides how
   groups come out of loops like '(|a)+'). */
static int
enter_repeat_body(SreState *st, Py_ssize_t pc, Py_ssize_t pos, int optional)
{
    Py_ssize_t r = st->prog->code[pc + 1];
    PUSH(BT_COUNTER, 0, st->counters[2 * r + 1], r, st->counters[2 * r]);
    st->counters[2 * r] += 1;
    if (optional) {
        st->counters[2 * r + 1] = pos;
    }
    return 0;
}

/* ---- the machine ----------------------------------------------------- */

/* Try to match at exactly start.  1 match, 0 none, -1 error. */
static int
match_at(SreState *st, Py_ssize_t start, int fullmatch)
{
    const SreCode *code = st->prog->code;
    Py_ssize_t nmarks = 2 * (st->prog->ngroups + 1);
    Py_ssize_t pc = 0, pos = start, end = st->end;

    for (Py_ssize_t i = 0; i < nmarks; i++) {
        st->marks[i] = -1;
    }
    st->lastindex = -1;
    st->stack_top = 0;

    for (;;) {
        if ((++st->steps & SIGNAL_CHECK_MASK) == 0 && PyErr_CheckSignals() < 0) {
            return -1;
        }
        switch (code[pc]) {
        case SRE_OP_FAILURE:
            goto fail;
        case SRE_OP_SUCCESS:
            if ((fullmatch && pos != end)
                || (pos == start && start == st->no_empty_at)) {
                goto fail;
            }
            st->marks[0] = start;
            st->marks[1] = pos;
            return 1;
        case SRE_OP_ANY:
            if (pos >= end || char_at(st, pos) == '\n') {
                goto fail;
            }
            pos++;
            pc += 1;
            continue;
        case SRE_OP_ANY_ALL:
            if (pos >= end) {
                goto fail;
            }
            pos++;
            pc += 1;
            continue;
        case SRE_OP_LITERAL:
            if (pos >= end || char_at(st, pos) != code[pc + 1]) {
                goto fail;
            }
            pos++;
            pc += 2;
            continue;
        case SRE_OP_NOT_LITERAL:
            if (pos >= end || char_at(st, pos) == code[pc + 1]) {
                goto fail;
            }
            pos++;
            pc += 2;
            continue;
        case SRE_OP_LITERAL_I:
        case SRE_OP_NOT_LITERAL_I:
            if (pos >= end || !match_one(st->prog, pc, char_at(st, pos))) {
                goto fail;
            }
            pos++;
            pc += 3;
            continue;
        case SRE_OP_IN:
        case SRE_OP_IN_I:
            if (pos >= end || !match_one(st->prog, pc, char_at(st, pos))) {
                goto fail;
            }
            pos++;
            pc = code[pc + 1];
            continue;
        case SRE_OP_AT:
            if (!at_position(st, pos, (int)code[pc + 1], (int)code[pc + 2])) {
                goto fail;
            }
            pc += 3;
            continue;
        case SRE_OP_JUMP:
            pc = code[pc + 1];
            continue;
        case SRE_OP_SPLIT:
            PUSH(BT_BRANCH, code[pc + 2], pos, 0, 0);
            pc = code[pc + 1];
            continue;
        case SRE_OP_MARK: {
            Py_ssize_t slot = code[pc + 1];
            PUSH(BT_MARK, 0, st->lastindex, slot, st->marks[slot]);
            st->marks[slot] = pos;
            if (slot & 1) {
                st->lastindex = slot / 2;
            }
            pc += 2;
            continue;
        }
        case SRE_OP_REPEAT_ONE: {
            Py_ssize_t min = code[pc + 2];
            Py_ssize_t max = code[pc + 3] == SRE_MAXREPEAT
                             ? PY_SSIZE_T_MAX : (Py_ssize_t)code[pc + 3];
            int mode = (int)code[pc + 4];
            Py_ssize_t limit = end - pos;
            Py_ssize_t n;
            if (mode == SRE_LAZY && limit > min) {
                limit = min;
            }
            if (limit > max) {
                limit = max;
            }
            n = count_run(st, pc + 5, pos, limit);
            if (n < min) {
                goto fail;
            }
            if (mode == SRE_LAZY) {
                if (n < max) {
                    PUSH(BT_MIN_REPEAT_ONE, pc, pos, n, 0);
                }
            }
            else if (mode == SRE_GREEDY) {
                n = repeat_one_fit(st, pc, pos, n);
                if (n < min) {
                    goto fail;
                }
                if (n > min) {
                    PUSH(BT_REPEAT_ONE, pc, pos, n, 0);
                }
            }
            pos += n;
            pc = code[pc + 1];
            continue;
        }
        case SRE_OP_REPEAT_INIT: {
            Py_ssize_t r = code[pc + 1];
            PUSH(BT_COUNTER, 0, st->counters[2 * r + 1], r, st->counters[2 * r]);
            st->counters[2 * r] = 0;
            st->counters[2 * r + 1] = -1;
            pc += 2;
            continue;
        }
        case SRE_OP_REPEAT_LOOP: {
            Py_ssize_t r = code[pc + 1];
            Py_ssize_t k = st->counters[2 * r];
            Py_ssize_t last = st->counters[2 * r + 1];
            Py_ssize_t min = code[pc + 2];
            Py_ssize_t max = code[pc + 3] == SRE_MAXREPEAT
                             ? PY_SSIZE_T_MAX : (Py_ssize_t)code[pc + 3];
            if (k >= min) {
                /* An iteration that matched nothing would only repeat
                   itself forever: stop iterating. */
                if (k >= max || pos == last) {
                    pc = code[pc + 6];
                    continue;
                }
                if (code[pc + 4] == SRE_LAZY) {
                    PUSH(BT_LAZY_ENTER, pc, pos, 0, 0);
                    pc = code[pc + 6];
                    continue;
                }
                PUSH(BT_BRANCH, code[pc + 6], pos, 0, 0);
            }
            if (enter_repeat_body(st, pc, pos, k >= min) < 0) {
                return -1;
            }
            pc = code[pc + 5];
            continue;
        }
        case SRE_OP_GROUPREF:
            if (!compare_group(st, pos, code[pc + 1], -1, &pos)) {
                goto fail;
            }
            pc += 2;
            continue;
        case SRE_OP_GROUPREF_I:
            if (!compare_group(st, pos, code[pc + 1], (int)code[pc + 2], &pos)) {
                goto fail;
            }
            pc += 3;
            continue;
        case SRE_OP_GROUPREF_EXISTS: {
            Py_ssize_t g = code[pc + 1];
            if (st->marks[2 * g] >= 0 && st->marks[2 * g + 1] >= 0) {
                pc += 3;
            }
            else {
                pc = code[pc + 2];
            }
            continue;
        }
        case SRE_OP_ASSERT: {
            int kind = (int)code[pc + 1];
            Py_ssize_t width = code[pc + 2];
            if (kind == SRE_ASSERT_BEHIND || kind == SRE_ASSERT_NOT_BEHIND) {
                if (pos < width) {
                    if (kind == SRE_ASSERT_BEHIND) {
                        goto fail;
                    }
                    pc = code[pc + 3];
                    continue;
                }
                PUSH(BT_BARRIER, pc, pos, 0, 0);
                pos -= width;
            }
            else {
                PUSH(BT_BARRIER, pc, pos, 0, 0);
            }
            pc += 4;
            continue;
        }
        case SRE_OP_ASSERT_END: {
            Py_ssize_t b = find_barrier(st);
            if (b < 0) {
                PyErr_SetString(PyExc_RuntimeError,
                                "internal error in regular expression engine");
                return -1;
            }
            Py_ssize_t apc = st->stack[b].pc;
            int kind = (int)code[apc + 1];
            if (kind == SRE_ASSERT_NOT_AHEAD || kind == SRE_ASSERT_NOT_BEHIND) {
                unwind_to_barrier(st, b);
                goto fail;
            }
            if (kind != SRE_ASSERT_ATOMIC) {
                pos = st->stack[b].pos;
            }
            cut_to_barrier(st, b);
            pc += 1;
            continue;
        }
        default:
            PyErr_SetString(PyExc_RuntimeError,
                            "internal error in regular expression engine");
            return -1;
        }

    fail:
        for (;;) {
            SreFrame *f;
            if (st->stack_top == 0) {
                return 0;
            }
            f = &st->stack[--st->stack_top];
            switch (f->kind) {
            case BT_MARK:
            case BT_COUNTER:
                apply_undo(st, f);
                continue;
            case BT_BRANCH:
                pc = f->pc;
                pos = f->pos;
                break;
            case BT_LAZY_ENTER:
                pc = f->pc;
                pos = f->pos;
                if (enter_repeat_body(st, pc, pos, 1) < 0) {
                    return -1;
                }
                pc = code[pc + 5];
                break;
            case BT_BARRIER: {
                int kind = (int)code[f->pc + 1];
                if (kind != SRE_ASSERT_NOT_AHEAD && kind != SRE_ASSERT_NOT_BEHIND) {
                    continue;
                }
                pos = f->pos;
                pc = code[f->pc + 3];
                break;
            }
            case BT_REPEAT_ONE: {
                Py_ssize_t fpc = f->pc, start = f->pos;
                Py_ssize_t n = repeat_one_fit(st, fpc, start, f->a - 1);
                if (n < (Py_ssize_t)code[fpc + 2]) {
                    continue;
                }
                if (n > (Py_ssize_t)code[fpc + 2]) {
                    f->a = n;
                    st->stack_top++;
                }
                pc = code[fpc + 1];
                pos = start + n;
                break;
            }
            case BT_MIN_REPEAT_ONE: {
                Py_ssize_t fpc = f->pc, start = f->pos, n = f->a;
                Py_ssize_t max = code[fpc + 3] == SRE_MAXREPEAT
                                 ? PY_SSIZE_T_MAX : (Py_ssize_t)code[fpc + 3];
                if (start + n >= end
                    || !match_one(st->prog, fpc + 5, char_at(st, start + n))) {
                    continue;
                }
                n++;
                if (n < max) {
                    f->a = n;
                    st->stack_top++;
                }
                pc = code[fpc + 1];
                pos = start + n;
                break;
            }
            default:
                continue;
            }
            break;
        }
    }
}

/* The first index >= from of character c before the end, or -1. */
static Py_ssize_t
find_char(const SreState *st, Py_ssize_t from, Py_UCS4 c)
{
    if (from >= st->end) {
        return -1;
    }
    if (st->charsize == 1) {
        const Py_UCS1 *data = st->data;
        const Py_UCS1 *hit;
        if (c > 0xFF) {
            return -1;
        }
        hit = memchr(data + from, (int)c, (size_t)(st->end - from));
        return hit == NULL ? -1 : hit - data;
    }
    for (Py_ssize_t i = from; i < st->end; i++) {
        if (char_at(st, i) == c) {
            return i;
        }
    }
    return -1;
}

/* The first index >= from whose character passes the program's first
   character test, or -1.  A match must consume a character there, so the
   positions skipped could never start one. */
static Py_ssize_t
skip_to_first(const SreState *st, Py_ssize_t from)
{
    const SreProgram *prog = st->prog;
    Py_ssize_t fpc = prog->first_pc, end = st->end;
    const uint32_t *map = NULL;
    if (prog->code[fpc] == SRE_OP_LITERAL) {
        return find_char(st, from, prog->code[fpc + 1]);
    }
    if (prog->code[fpc] == SRE_OP_IN || prog->code[fpc] == SRE_OP_IN_I) {
        map = low_map(prog, fpc);
    }
    if (map != NULL && st->charsize == 1) {
        const Py_UCS1 *data = st->data;
        for (Py_ssize_t i = from; i < end; i++) {
            if ((map[data[i] >> 5] >> (data[i] & 31)) & 1) {
                return i;
            }
        }
        return -1;
    }
    for (Py_ssize_t i = from; i < end; i++) {
        if (match_one(prog, fpc, char_at(st, i))) {
            return i;
        }
    }
    return -1;
}

int
_PySre_Run(SreState *st, Py_ssize_t pos, int mode)
{
    const SreProgram *prog = st->prog;
    st->no_empty_at = (mode & SRE_MODE_MUST_ADVANCE) ? pos : -1;
    mode &= ~SRE_MODE_MUST_ADVANCE;
    if (mode != SRE_MODE_SEARCH) {
        return match_at(st, pos, mode == SRE_MODE_FULLMATCH);
    }
    for (Py_ssize_t s = pos; s <= st->end; s++) {
        int r;
        if (prog->anchored && s > 0) {
            return 0;
        }
        if (prog->prefix_char >= 0) {
            s = find_char(st, s, (Py_UCS4)prog->prefix_char);
            if (s < 0) {
                return 0;
            }
        }
        else if (prog->first_pc >= 0 && !prog->anchored) {
            s = skip_to_first(st, s);
            if (s < 0) {
                return 0;
            }
        }
        r = match_at(st, s, 0);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}
