"""Compile a parsed regular expression into an re.Pattern (an _sre object).

The program is a flat list of code words (opcodes and operands, see
re._constants and Modules/_sre/sre.h).  Jump operands are absolute
indices, filled in once their target is known.
"""

import _sre
from re._constants import *

_SINGLE_TAGS = ('lit', 'set', 'any')


def _is_cased(code, casemode):
    if casemode == KIND_UNICODE:
        ch = chr(code)
        return ch.lower() != ch or ch.upper() != ch or _sre.fold(code, casemode) != code
    if casemode == KIND_ASCII:
        return code < 128 and chr(code).isalpha()
    return code < 256


# Where the code points lie that share a case fold with a character their
# own simple case mappings do not reach (U+212A KELVIN SIGN and 'k',
# U+017F and 's', U+00B5 and U+03BC, ...).
_FOLD_EXCEPTION_SPANS = ((0, 0x2200), (0xFB00, 0xFB07))


def _simple_case(ch, mapped):
    return mapped if len(mapped) == 1 else ch


def _range_fold_literals(lo, hi, casemode):
    """Folds the engine must also accept for the range lo..hi: those of its
    members that no character reaches through its lower, upper or folded
    form (see set_contains in Modules/_sre/sre_engine.c)."""
    folds = []
    for start, stop in _FOLD_EXCEPTION_SPANS:
        for code in range(max(lo, start), min(hi + 1, stop)):
            fold = _sre.fold(code, casemode)
            if fold == code:
                continue
            f = chr(fold)
            reachable = (f, _simple_case(f, f.lower()), _simple_case(f, f.upper()))
            if chr(code) not in reachable and fold not in folds:
                folds.append(fold)
    return folds


class _Emitter:
    def __init__(self):
        self.code = []
        self.counters = 0

    def here(self):
        return len(self.code)

    def emit(self, *words):
        self.code.extend(words)

    def hole(self):
        """Emit a placeholder operand; returns its index to patch."""
        self.code.append(0)
        return len(self.code) - 1

    def patch(self, index, value=None):
        self.code[index] = self.here() if value is None else value

    # -- nodes ----------------------------------------------------------

    def node(self, node):
        getattr(self, 'node_' + node[0])(node)

    def node_lit(self, node):
        _, code, casemode = node
        if casemode is not None and _is_cased(code, casemode):
            self.emit(LITERAL_I, _sre.fold(code, casemode), casemode)
        else:
            self.emit(LITERAL, code)

    def node_any(self, node):
        self.emit(ANY_ALL if node[1] else ANY)

    def node_set(self, node):
        _, negate, items, casemode = node
        if len(items) == 1 and items[0][0] == 'lit':
            code = items[0][1]
            if casemode is not None and _is_cased(code, casemode):
                op = NOT_LITERAL_I if negate else LITERAL_I
                self.emit(op, _sre.fold(code, casemode), casemode)
            else:
                self.emit(NOT_LITERAL if negate else LITERAL, code)
            return
        if casemode is None:
            self.emit(IN)
            start = self.hole()
        else:
            self.emit(IN_I)
            start = self.hole()
            self.emit(casemode)
        if negate:
            self.emit(SET_NEGATE)
        self.set_items(items, casemode)
        self.emit(SET_END)
        self.patch(start)

    def set_items(self, items, casemode):
        if casemode is None:
            bits, rest = _bitmap(items)
            if bits is not None:
                self.emit(SET_BITMAP, *bits)
                items = rest
        for item in items:
            if item[0] == 'lit':
                code = item[1]
                if casemode is not None:
                    code = _sre.fold(code, casemode)
                self.emit(SET_LITERAL, code)
            elif item[0] == 'range':
                self.emit(SET_RANGE, item[1], item[2])
                if casemode == KIND_UNICODE:
                    for fold in _range_fold_literals(item[1], item[2], casemode):
                        self.emit(SET_LITERAL, fold)
            else:
                self.emit(SET_CATEGORY, item[1])

    def node_at(self, node):
        self.emit(AT, node[1], node[2])

    def node_group(self, node):
        self.emit(MARK, 2 * node[1])
        self.node(node[2])
        self.emit(MARK, 2 * node[1] + 1)

    def node_seq(self, node):
        for item in node[1]:
            self.node(item)

    def node_alt(self, node):
        ends = []
        branches = node[1]
        for i, branch in enumerate(branches):
            if i < len(branches) - 1:
                self.emit(SPLIT, self.here() + 3)
                other = self.hole()
                self.node(branch)
                self.emit(JUMP)
                ends.append(self.hole())
                self.patch(other)
            else:
                self.node(branch)
        for hole in ends:
            self.patch(hole)

    def node_repeat(self, node):
        _, lo, hi, mode, body = node
        if hi == 0:
            return
        if body[0] in _SINGLE_TAGS:
            self.emit(REPEAT_ONE)
            after = self.hole()
            self.emit(lo, hi, mode)
            self.node(body)
            self.patch(after)
            return
        if mode == POSSESSIVE:
            # As CPython does it: every iteration is atomic too, so a later
            # iteration can never make an earlier one give back characters.
            atomic_body = ('assert', ASSERT_ATOMIC, body, 0)
            self.node(('assert', ASSERT_ATOMIC,
                       ('repeat', lo, hi, GREEDY, atomic_body), 0))
            return
        if lo == hi == 1:
            self.node(body)
            return
        if lo == 0 and hi == 1:
            self.emit(SPLIT)
            first = self.hole()
            second = self.hole()
            self.patch(first if mode == GREEDY else second)
            self.node(body)
            self.patch(second if mode == GREEDY else first)
            return
        counter = self.counters
        self.counters += 1
        self.emit(REPEAT_INIT, counter)
        loop = self.here()
        self.emit(REPEAT_LOOP, counter, lo, hi, mode, loop + 7)
        exit_hole = self.hole()
        self.node(body)
        self.emit(JUMP, loop)
        self.patch(exit_hole)

    def node_ref(self, node):
        if node[2] is None:
            self.emit(GROUPREF, node[1])
        else:
            self.emit(GROUPREF_I, node[1], node[2])

    def node_cond(self, node):
        _, group, yes, no = node
        self.emit(GROUPREF_EXISTS, group)
        no_hole = self.hole()
        self.node(yes)
        self.emit(JUMP)
        end_hole = self.hole()
        self.patch(no_hole)
        self.node(no)
        self.patch(end_hole)

    def node_assert(self, node):
        _, kind, body, width = node
        self.emit(ASSERT, kind, width)
        end_hole = self.hole()
        self.node(body)
        self.emit(ASSERT_END)
        self.patch(end_hole)


def _bitmap(items):
    """Split set items into a 256-bit bitmap of the literals and ranges
    below 256 and the items that remain."""
    bits = [0] * 8
    rest = []
    used = False
    for item in items:
        if item[0] == 'lit' and item[1] < 256:
            bits[item[1] >> 5] |= 1 << (item[1] & 31)
            used = True
        elif item[0] == 'range' and item[1] < 256:
            for code in range(item[1], min(item[2], 255) + 1):
                bits[code >> 5] |= 1 << (code & 31)
            used = True
            if item[2] > 255:
                rest.append(('range', 256, item[2]))
        else:
            rest.append(item)
    return (bits if used else None), rest


def _first_char(node):
    """A character that every match must start with, or -1."""
    while True:
        tag = node[0]
        if tag == 'lit':
            return node[1] if node[2] is None else -1
        if tag == 'group':
            node = node[2]
        elif tag == 'seq':
            if not node[1]:
                return -1
            node = node[1][0]
        elif tag == 'repeat' and node[1] >= 1:
            node = node[4]
        elif tag == 'assert' and node[1] == ASSERT_ATOMIC:
            node = node[2]
        else:
            return -1


def _anchored(node):
    while True:
        tag = node[0]
        if tag == 'at':
            return node[1] == AT_BEGINNING
        if tag == 'group':
            node = node[2]
        elif tag == 'seq':
            if not node[1]:
                return False
            node = node[1][0]
        else:
            return False


def compile_parsed(pattern, parsed):
    """Build the Pattern object for pattern, parsed into a re._parser.Parsed."""
    emitter = _Emitter()
    emitter.node(parsed.tree)
    emitter.emit(SUCCESS)
    indexgroup = [None] * (parsed.groups + 1)
    for name, number in parsed.groupindex.items():
        indexgroup[number] = name
    return _sre.compile(pattern, parsed.flags, emitter.code, parsed.groups,
                        parsed.groupindex, tuple(indexgroup),
                        _first_char(parsed.tree), _anchored(parsed.tree))
