"""Parse a regular expression into a tree for re._compiler.

The tree is made of tuples whose first item names the node:

    ('lit', code, casemode)          one character; casemode is None unless
                                     it matches case-insensitively
    ('set', negate, items, casemode) a class; items are ('lit', c),
                                     ('range', lo, hi) and ('cat', category)
    ('any', dotall)
    ('at', kind, wordkind)           ^ $ \\A \\Z \\b \\B
    ('group', number, node)
    ('seq', [node, ...])
    ('alt', [node, ...])
    ('repeat', min, max, mode, node)
    ('ref', number, casemode)
    ('cond', number, yes, no)
    ('assert', kind, node, width)    look-ahead/behind, atomic group; width
                                     is the look-behind's fixed width

Flags are resolved while parsing, so every node carries what it needs and
the compiler never looks at flags.  Patterns of bytes are parsed as the
Latin-1 text with the same code points.
"""

import _sre
from re._constants import *

_SPECIAL = frozenset('.\\[{()*+?^$|')
_REPEAT_CHARS = frozenset('*+?{')
_OCTDIGITS = frozenset('01234567')
_DIGITS = frozenset('0123456789')
_HEXDIGITS = frozenset('0123456789abcdefABCDEF')
_WHITESPACE = frozenset(' \t\n\r\v\f')
_ASCII_LETTERS = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')

_SIMPLE_ESCAPES = {
    'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11, '\\': 92,
}
_CATEGORY_ESCAPES = {
    'd': CAT_DIGIT, 'D': CAT_NOT_DIGIT, 's': CAT_SPACE, 'S': CAT_NOT_SPACE,
    'w': CAT_WORD, 'W': CAT_NOT_WORD,
}
_FLAG_LETTERS = {
    'i': SRE_FLAG_IGNORECASE, 'L': SRE_FLAG_LOCALE, 'm': SRE_FLAG_MULTILINE,
    's': SRE_FLAG_DOTALL, 'x': SRE_FLAG_VERBOSE, 'a': SRE_FLAG_ASCII,
    't': 1, 'u': SRE_FLAG_UNICODE,
}
_TYPE_FLAGS = SRE_FLAG_ASCII | SRE_FLAG_LOCALE | SRE_FLAG_UNICODE
_SCOPED_OFF_FLAGS = (SRE_FLAG_IGNORECASE | SRE_FLAG_MULTILINE
                     | SRE_FLAG_DOTALL | SRE_FLAG_VERBOSE)

_UNKNOWN_WIDTH = None


def char_kind(flags, isbytes):
    """How \\w, \\d, \\s and case folding behave under these flags."""
    if flags & SRE_FLAG_LOCALE:
        return KIND_LOCALE
    if isbytes or flags & SRE_FLAG_ASCII:
        return KIND_ASCII
    return KIND_UNICODE


def _alternation(branches):
    """'a|b|c' is the set '[abc]': one instruction, and a repeat of it is
    a fast single-character loop."""
    casemodes = {b[2] for b in branches if b[0] == 'lit'}
    if len(casemodes) == 1 and all(b[0] == 'lit' for b in branches):
        return ('set', False, [('lit', b[1]) for b in branches], casemodes.pop())
    return ('alt', branches)


class Parsed:
    """The result of parsing: the tree and what Pattern objects report."""

    __slots__ = ('tree', 'flags', 'groups', 'groupindex')

    def __init__(self, tree, flags, groups, groupindex):
        self.tree = tree
        self.flags = flags
        self.groups = groups
        self.groupindex = groupindex


# The largest operand a code word can hold (the engine's words are 32 bits).
_MAX_CODE = 2**32 - 1

_SET_OPERATIONS = {'-': 'difference', '&': 'intersection',
                   '~': 'symmetric difference', '|': 'union'}


def _future_syntax_warning(message):
    import os
    import warnings
    # Attribute the warning to the first caller outside the re package.
    warnings.warn(message, FutureWarning,
                  skip_file_prefixes=(os.path.dirname(__file__),))


class _Parser:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.isbytes = not isinstance(pattern, str)
        self.text = pattern.decode('latin-1') if self.isbytes else pattern
        self.pos = 0
        self.flags = flags
        self.group_count = 0
        self.groupindex = {}
        self.open_groups = set()
        self.group_widths = {}
        self.lookbehind_starts = []

    # -- reading --------------------------------------------------------

    def error(self, msg, pos=None):
        return PatternError(msg, self.pattern, self.pos if pos is None else pos)

    def peek(self):
        if self.pos < len(self.text):
            return self.text[self.pos]
        return None

    def next(self):
        ch = self.peek()
        if ch is not None:
            self.pos += 1
        return ch

    def accept(self, ch):
        if self.peek() == ch:
            self.pos += 1
            return True
        return False

    def skip_verbose(self, flags):
        if not flags & SRE_FLAG_VERBOSE:
            return
        text = self.text
        while self.pos < len(text):
            ch = text[self.pos]
            if ch in _WHITESPACE:
                self.pos += 1
            elif ch == '#':
                while self.pos < len(text) and text[self.pos] != '\n':
                    self.pos += 1
            else:
                break

    def take_while(self, charset, limit=None):
        start = self.pos
        text = self.text
        while self.pos < len(text) and text[self.pos] in charset:
            if limit is not None and self.pos - start >= limit:
                break
            self.pos += 1
        return text[start:self.pos]

    def take_name(self, terminator, what):
        start = self.pos
        if self.peek() in (None, terminator):
            raise self.error(f'missing {what}', start)
        end = self.text.find(terminator, start)
        if end < 0:
            raise self.error(f'missing {terminator}, unterminated name', start)
        self.pos = end + 1
        return self.text[start:end], start

    def check_group_name(self, name, start):
        if not name.isidentifier() or (self.isbytes and not name.isascii()):
            # A bytes pattern's name is shown by its byte values (the text
            # here is its latin-1 decoding), as CPython does.
            shown = ascii(name) if self.isbytes else repr(name)
            raise self.error(f'bad character in group name {shown}', start)

    # -- structure ------------------------------------------------------

    def parse(self):
        node, _ = self.parse_alternation(self.flags, top=True)
        if self.pos < len(self.text):
            assert self.text[self.pos] == ')'
            raise self.error('unbalanced parenthesis')
        return node

    def parse_alternation(self, flags, top=False):
        branches = []
        while True:
            node, flags = self.parse_sequence(flags, top and not branches)
            branches.append(node)
            if not self.accept('|'):
                break
        if len(branches) == 1:
            return branches[0], flags
        return _alternation(branches), flags

    def parse_sequence(self, flags, may_set_global):
        items = []
        quantified = False      # whether items[-1] came with a quantifier
        while True:
            self.skip_verbose(flags)
            ch = self.peek()
            if ch is None or ch == '|' or ch == ')':
                break
            start = self.pos
            if ch == '(' and self.text.startswith('(?', start):
                global_flags = self.try_global_flags(flags)
                if global_flags is not None:
                    if not may_set_global or items:
                        raise self.error(
                            'global flags not at the start of the expression',
                            start)
                    flags = global_flags
                    self.flags = flags
                    continue
            atom = self.parse_atom(flags)
            if atom is None:
                # A comment: a quantifier after it applies to the item before.
                if items and self.peek() in _REPEAT_CHARS:
                    items[-1], quantified = self.parse_quantifiers(
                        items[-1], flags, quantified)
                continue
            node, quantified = self.parse_quantifiers(atom, flags, False)
            items.append(node)
        if len(items) == 1:
            return items[0], flags
        return ('seq', items), flags

    def parse_quantifiers(self, atom, flags, repeated):
        """Apply the quantifiers that follow; returns (node, repeated)."""
        while True:
            self.skip_verbose(flags)
            ch = self.peek()
            if ch is None or ch not in _REPEAT_CHARS:
                return atom, repeated
            here = self.pos
            bounds = self.parse_repeat_bounds()
            if bounds is None:
                return atom, repeated
            if atom[0] == 'at':
                raise self.error('nothing to repeat', here)
            if repeated:
                raise self.error('multiple repeat', here)
            repeated = True
            lo, hi = bounds
            mode = GREEDY
            if self.accept('?'):
                mode = LAZY
            elif self.accept('+'):
                mode = POSSESSIVE
            atom = ('repeat', lo, hi, mode, atom)

    def parse_repeat_bounds(self):
        """Read a quantifier at pos and return (min, max), or None when a
        '{' does not start a valid quantifier (it is then a literal)."""
        ch = self.next()
        if ch == '*':
            return 0, MAXREPEAT
        if ch == '+':
            return 1, MAXREPEAT
        if ch == '?':
            return 0, 1
        start = self.pos - 1
        lo_text = self.take_while(_DIGITS)
        if self.accept(','):
            hi_text = self.take_while(_DIGITS)
        else:
            hi_text = lo_text
        if not self.accept('}') or (start + 2 == self.pos):
            self.pos = start
            return None
        lo = int(lo_text) if lo_text else 0
        hi = int(hi_text) if hi_text else MAXREPEAT
        if lo >= MAXREPEAT or (hi_text and hi >= MAXREPEAT):
            raise OverflowError('the repetition number is too large')
        if hi < lo:
            raise self.error('min repeat greater than max repeat', start + 1)
        return lo, hi

    def parse_atom(self, flags):
        start = self.pos
        ch = self.next()
        if ch == '(':
            return self.parse_group(flags, start)
        if ch == '[':
            return self.parse_set(flags, start)
        if ch == '.':
            return ('any', bool(flags & SRE_FLAG_DOTALL))
        if ch == '^':
            kind = AT_BEGINNING_LINE if flags & SRE_FLAG_MULTILINE else AT_BEGINNING
            return ('at', kind, 0)
        if ch == '$':
            kind = AT_END_LINE if flags & SRE_FLAG_MULTILINE else AT_END
            return ('at', kind, 0)
        if ch == '\\':
            return self.parse_escape(flags, start)
        if ch in _REPEAT_CHARS:
            if ch == '{':
                self.pos = start
                if self.parse_repeat_bounds() is None:
                    self.pos = start + 1
                    return self.literal(ord(ch), flags)
            raise self.error('nothing to repeat', start)
        return self.literal(ord(ch), flags)

    def literal(self, code, flags):
        if flags & SRE_FLAG_IGNORECASE:
            return ('lit', code, char_kind(flags, self.isbytes))
        return ('lit', code, None)

    # -- groups ---------------------------------------------------------

    def parse_group(self, flags, start):
        if not self.accept('?'):
            return self.parse_capture(flags, start, None)
        ch = self.next()
        if ch is None:
            raise self.error('unexpected end of pattern')
        if ch == ':':
            return self.parse_body(flags, start)
        if ch == 'P':
            return self.parse_p_group(flags, start)
        if ch == '#':
            end = self.text.find(')', self.pos)
            if end < 0:
                raise self.error('missing ), unterminated comment', start)
            self.pos = end + 1
            return None
        if ch in '=!':
            kind = ASSERT_AHEAD if ch == '=' else ASSERT_NOT_AHEAD
            return ('assert', kind, self.parse_body(flags, start), 0)
        if ch == '<':
            ch = self.next()
            if ch is None:
                raise self.error('unexpected end of pattern')
            if ch not in '=!':
                raise self.error(f'unknown extension ?<{ch}', start + 1)
            kind = ASSERT_BEHIND if ch == '=' else ASSERT_NOT_BEHIND
            # Groups numbered above this were opened inside the look-behind.
            self.lookbehind_starts.append(self.group_count)
            try:
                body = self.parse_body(flags, start)
            finally:
                self.lookbehind_starts.pop()
            lo, hi = self.width(body)
            if lo != hi:
                raise PatternError('look-behind requires fixed-width pattern')
            if lo > _MAX_CODE:
                raise PatternError('looks too much behind')
            return ('assert', kind, body, lo)
        if ch == '>':
            return ('assert', ASSERT_ATOMIC, self.parse_body(flags, start), 0)
        if ch == '(':
            return self.parse_conditional(flags, start)
        if ch in _FLAG_LETTERS or ch == '-':
            self.pos -= 1
            return self.parse_scoped_flags(flags, start)
        raise self.error(f'unknown extension ?{ch}', start + 1)

    def parse_body(self, flags, start):
        """The rest of a group up to and including its ')'."""
        node, _ = self.parse_alternation(flags)
        if not self.accept(')'):
            raise self.error('missing ), unterminated subpattern', start)
        if node[0] == 'at':
            # '(?:^)*' is allowed where '^*' is not: keep the group visible.
            return ('seq', [node])
        return node

    def parse_capture(self, flags, start, name):
        self.group_count += 1
        number = self.group_count
        if number >= MAXGROUPS:
            raise self.error('too many groups')
        if name is not None:
            self.groupindex[name] = number
        self.open_groups.add(number)
        body = self.parse_body(flags, start)
        self.open_groups.discard(number)
        self.group_widths[number] = self.width(body)
        return ('group', number, body)

    def parse_p_group(self, flags, start):
        ch = self.next()
        if ch == '<':
            name, name_start = self.take_name('>', 'group name')
            self.check_group_name(name, name_start)
            if name in self.groupindex:
                raise self.error(
                    f'redefinition of group name {name!r} as group '
                    f'{self.group_count + 1}; was group {self.groupindex[name]}',
                    name_start)
            return self.parse_capture(flags, start, name)
        if ch == '=':
            name, name_start = self.take_name(')', 'group name')
            self.check_group_name(name, name_start)
            number = self.groupindex.get(name)
            if number is None:
                raise self.error(f'unknown group name {name!r}', name_start)
            if number in self.open_groups:
                raise self.error('cannot refer to an open group', name_start)
            return self.reference(number, flags)
        if ch is None:
            raise self.error('unexpected end of pattern')
        raise self.error(f'unknown extension ?P{ch}', start + 1)

    def reference(self, number, flags):
        if self.lookbehind_starts and number > self.lookbehind_starts[0]:
            raise self.error('cannot refer to group defined in the same '
                             'lookbehind subpattern')
        casemode = None
        if flags & SRE_FLAG_IGNORECASE:
            casemode = char_kind(flags, self.isbytes)
        return ('ref', number, casemode)

    def parse_conditional(self, flags, start):
        name, name_start = self.take_name(')', 'group name')
        if name.isdecimal() and name.isascii():
            number = int(name)
            if number == 0:
                raise self.error('bad group number', name_start)
            if number >= MAXGROUPS:
                raise self.error(f'invalid group reference {number}', name_start)
        else:
            self.check_group_name(name, name_start)
            number = self.groupindex.get(name)
            if number is None:
                raise self.error(f'unknown group name {name!r}', name_start)
        if self.lookbehind_starts:
            if number > self.group_count or number in self.open_groups:
                raise self.error('cannot refer to an open group')
            if number > self.lookbehind_starts[0]:
                raise self.error('cannot refer to group defined in the same '
                                 'lookbehind subpattern')
        yes, _ = self.parse_sequence(flags, False)
        no = ('seq', [])
        if self.accept('|'):
            no, _ = self.parse_sequence(flags, False)
            if self.peek() == '|':
                raise self.error(
                    'conditional backref with more than two branches')
        if not self.accept(')'):
            raise self.error('missing ), unterminated subpattern', start)
        if number > self.group_count:
            self.pending_conditions.append((number, name_start))
        return ('cond', number, yes, no)

    pending_conditions = None

    def read_flag_letters(self):
        value = 0
        while True:
            ch = self.peek()
            if ch is None:
                raise self.error('missing -, : or )')
            if ch not in _FLAG_LETTERS or ch == 't':
                return value
            self.pos += 1
            flag = _FLAG_LETTERS[ch]
            if flag & SRE_FLAG_LOCALE and not self.isbytes:
                raise self.error(
                    "bad inline flags: cannot use 'L' flag with a str pattern")
            if flag & SRE_FLAG_UNICODE and self.isbytes:
                raise self.error(
                    "bad inline flags: cannot use 'u' flag with a bytes pattern")
            if flag & _TYPE_FLAGS and (value | flag) & _TYPE_FLAGS != flag:
                raise self.error(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            value |= flag

    def parse_flag_spec(self):
        """Read '[flags][-flags]' and return (on, off, terminator)."""
        on = self.read_flag_letters()
        off = 0
        if self.accept('-'):
            ch = self.peek()
            if ch is None:
                raise self.error('missing flag')
            if ch not in _FLAG_LETTERS:
                msg = 'unknown flag' if ch.isalpha() else 'missing flag'
                raise self.error(msg)
            while True:
                ch = self.peek()
                if ch is None:
                    raise self.error('missing :')
                if ch not in _FLAG_LETTERS:
                    if ch not in ':)':
                        raise self.error('unknown flag' if ch.isalpha()
                                         else 'missing :')
                    break
                flag = _FLAG_LETTERS[ch]
                self.pos += 1
                if flag & _TYPE_FLAGS:
                    raise self.error("bad inline flags: cannot turn off flags "
                                     "'a', 'u' and 'L'")
                off |= flag
            if off & on:
                raise self.error('bad inline flags: flag turned on and off')
        ch = self.peek()
        if ch is None:
            raise self.error('missing -, : or )')
        if ch not in ':)':
            msg = 'unknown flag' if ch.isalpha() else 'missing -, : or )'
            raise self.error(msg)
        return on, off, ch

    def try_global_flags(self, flags):
        """At '(?': if a global flags group '(?aiLmsux)' follows, consume
        it and return the new flags; otherwise leave pos alone."""
        start = self.pos
        self.pos += 2
        ch = self.peek()
        if ch is None or ch not in _FLAG_LETTERS or ch == 't':
            self.pos = start
            return None
        on, off, end = self.parse_flag_spec()
        if end != ')':
            self.pos = start
            return None
        if off:
            raise self.error('missing :')
        self.pos += 1
        # Type flags add up here; parse() rejects a conflicting pair.
        return flags | on

    def parse_scoped_flags(self, flags, start):
        on, off, end = self.parse_flag_spec()
        if end == ')':
            if off:
                raise self.error('missing :')
            raise self.error('global flags not at the start of the expression',
                             start)
        self.pos += 1
        new = (flags | on) & ~off
        if on & _TYPE_FLAGS:
            new = (new & ~_TYPE_FLAGS) | (on & _TYPE_FLAGS)
        return self.parse_body(new, start)

    # -- escapes --------------------------------------------------------

    def parse_escape(self, flags, start):
        ch = self.next()
        if ch is None:
            raise self.error('bad escape (end of pattern)', start)
        if ch in _CATEGORY_ESCAPES:
            category = _CATEGORY_ESCAPES[ch] + 8 * char_kind(flags, self.isbytes)
            return ('set', False, [('cat', category)], None)
        if ch == 'A':
            return ('at', AT_BEGINNING, 0)
        if ch in 'Zz':
            return ('at', AT_END_STRING, 0)
        if ch in 'bB':
            kind = AT_BOUNDARY if ch == 'b' else AT_NON_BOUNDARY
            return ('at', kind, char_kind(flags, self.isbytes))
        if ch in _DIGITS:
            return self.parse_numeric_escape(ch, flags, start)
        code = self.parse_char_escape(ch, start)
        return self.literal(code, flags)

    def parse_numeric_escape(self, ch, flags, start):
        if ch == '0':
            digits = ch + self.take_while(_OCTDIGITS, 2)
            return self.literal(int(digits, 8), flags)
        digits = ch + self.take_while(_DIGITS, 1)
        if (len(digits) == 2 and digits[0] in _OCTDIGITS
                and digits[1] in _OCTDIGITS and self.peek() in _OCTDIGITS):
            digits += self.next()
            value = int(digits, 8)
            if value > 0o377:
                raise self.error(f'octal escape value \\{digits} outside of '
                                 f'range 0-0o377', start)
            return self.literal(value, flags)
        number = int(digits)
        if number > self.group_count:
            raise self.error(f'invalid group reference {number}', start + 1)
        if number in self.open_groups:
            raise self.error('cannot refer to an open group', start)
        return self.reference(number, flags)

    def parse_char_escape(self, ch, start):
        """An escape that stands for one character (in or out of a set)."""
        if ch in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[ch]
        if ch == 'x':
            return self.parse_hex_escape(ch, 2, start)
        if ch in 'uU' and not self.isbytes:
            return self.parse_hex_escape(ch, 4 if ch == 'u' else 8, start)
        if ch == 'N' and not self.isbytes:
            return self.parse_named_escape(start)
        if ch in _ASCII_LETTERS:
            raise self.error(f'bad escape \\{ch}', start)
        return ord(ch)

    def parse_hex_escape(self, ch, size, start):
        digits = self.take_while(_HEXDIGITS, size)
        if len(digits) != size:
            raise self.error(f'incomplete escape \\{ch}{digits}', start)
        value = int(digits, 16)
        if value > 0x10FFFF:
            raise self.error(f'bad escape \\{ch}{digits}', start)
        return value

    def parse_named_escape(self, start):
        if not self.accept('{'):
            raise self.error('missing {')
        name, name_start = self.take_name('}', 'character name')
        try:
            return _sre.lookup_name(name)
        except KeyError:
            raise self.error(f'undefined character name {name!r}',
                             start) from None

    # -- sets -----------------------------------------------------------

    def parse_set(self, flags, start):
        items = []
        if self.peek() == '[':
            _future_syntax_warning(f'Possible nested set at position {self.pos}')
        negate = self.accept('^')
        first = True
        while True:
            ch = self.peek()
            if ch is None:
                raise self.error('unterminated character set', start)
            if ch == ']' and not first:
                self.pos += 1
                break
            if not first:
                self.warn_set_operation(ch)
            first = False
            item_start = self.pos
            low = self.parse_set_item(flags)
            if self.peek() == '-' and self.text[self.pos + 1:self.pos + 2] not in (']', ''):
                self.warn_set_operation('-')
                self.pos += 1
                high = self.parse_set_item(flags)
                if low[0] != 'lit' or high[0] != 'lit':
                    text = self.text[item_start:self.pos]
                    raise self.error(f'bad character range {text}', item_start)
                if high[1] < low[1]:
                    text = self.text[item_start:self.pos]
                    raise self.error(f'bad character range {text}', item_start)
                items.append(('range', low[1], high[1]))
            else:
                if self.peek() == '-' and self.pos + 1 >= len(self.text):
                    raise self.error('unterminated character set', start)
                items.append(low)
        casemode = None
        if flags & SRE_FLAG_IGNORECASE:
            casemode = char_kind(flags, self.isbytes)
        return ('set', negate, items, casemode)

    def warn_set_operation(self, ch):
        """Warn when a doubled operator at self.pos could mean a set operation
        in a future version of the syntax."""
        if ch in _SET_OPERATIONS and self.text[self.pos + 1:self.pos + 2] == ch:
            _future_syntax_warning(f'Possible set {_SET_OPERATIONS[ch]} '
                                   f'at position {self.pos}')

    def parse_set_item(self, flags):
        start = self.pos
        ch = self.next()
        if ch != '\\':
            return ('lit', ord(ch))
        ch = self.next()
        if ch is None:
            raise self.error('bad escape (end of pattern)', start)
        if ch in _CATEGORY_ESCAPES:
            category = _CATEGORY_ESCAPES[ch] + 8 * char_kind(flags, self.isbytes)
            return ('cat', category)
        if ch in _OCTDIGITS:
            digits = ch + self.take_while(_OCTDIGITS, 2)
            value = int(digits, 8)
            if value > 0o377:
                raise self.error(f'octal escape value \\{digits} outside of '
                                 f'range 0-0o377', start)
            return ('lit', value)
        if ch in _DIGITS:
            raise self.error(f'bad escape \\{ch}', start)
        if ch == 'b':
            return ('lit', 8)
        return ('lit', self.parse_char_escape(ch, start))

    # -- widths ---------------------------------------------------------

    def width(self, node):
        """(min, max) characters node can match; max None if unbounded."""
        tag = node[0]
        if tag in ('lit', 'set', 'any'):
            return 1, 1
        if tag in ('at', 'assert'):
            if tag == 'assert' and node[1] == ASSERT_ATOMIC:
                return self.width(node[2])
            return 0, 0
        if tag == 'group':
            return self.width(node[2])
        if tag == 'seq':
            lo = hi = 0
            for item in node[1]:
                a, b = self.width(item)
                lo += a
                hi = None if hi is None or b is None else hi + b
            return lo, hi
        if tag == 'alt':
            widths = [self.width(item) for item in node[1]]
            lo = min(w[0] for w in widths)
            his = [w[1] for w in widths]
            return lo, None if None in his else max(his)
        if tag == 'repeat':
            a, b = self.width(node[4])
            hi = None if b is None or node[2] == MAXREPEAT else b * node[2]
            return a * node[1], hi
        if tag == 'ref':
            return self.group_widths.get(node[1], (0, None))
        if tag == 'cond':
            a = self.width(node[2])
            b = self.width(node[3])
            hi = None if a[1] is None or b[1] is None else max(a[1], b[1])
            return min(a[0], b[0]), hi
        return 0, None


def _check_type_flags(flags, isbytes):
    if isbytes:
        if flags & SRE_FLAG_UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & SRE_FLAG_LOCALE and flags & SRE_FLAG_ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    else:
        if flags & SRE_FLAG_LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if flags & SRE_FLAG_ASCII and flags & SRE_FLAG_UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")


def parse(pattern, flags=0):
    """Parse pattern under flags; return a Parsed."""
    parser = _Parser(pattern, flags)
    parser.pending_conditions = []
    tree = parser.parse()
    for number, pos in parser.pending_conditions:
        if number > parser.group_count:
            raise PatternError(f'invalid group reference {number}', pattern, pos)
    final = parser.flags
    _check_type_flags(final, parser.isbytes)
    if not parser.isbytes and not final & (SRE_FLAG_ASCII | SRE_FLAG_LOCALE):
        final |= SRE_FLAG_UNICODE
    if final & SRE_FLAG_DEBUG:
        dump(tree)
    return Parsed(tree, final, parser.group_count, dict(parser.groupindex))


_CATEGORY_NAMES = ['DIGIT', 'NOT_DIGIT', 'SPACE', 'NOT_SPACE', 'WORD', 'NOT_WORD']
_AT_NAMES = ['AT_BEGINNING', 'AT_BEGINNING_LINE', 'AT_END', 'AT_END_LINE',
             'AT_END_STRING', 'AT_BOUNDARY', 'AT_NON_BOUNDARY']
_ASSERT_NAMES = ['ASSERT 0', 'ASSERT_NOT 0', 'ASSERT -1', 'ASSERT_NOT -1', 'ATOMIC_GROUP']
_REPEAT_NAMES = ['MAX_REPEAT', 'MIN_REPEAT', 'POSSESSIVE_REPEAT']


def _category_name(category):
    kind = ('', 'UNI_', 'LOC_')[category >> 3]
    return f'CATEGORY_{kind}{_CATEGORY_NAMES[category & 7]}'


def dump(node, level=0):
    """Print the tree (the re.DEBUG output), one node a line, children
    indented."""
    pad = '  ' * level
    tag = node[0]
    if tag == 'seq':
        for item in node[1]:
            dump(item, level)
    elif tag == 'alt':
        print(pad + 'BRANCH')
        for i, item in enumerate(node[1]):
            if i:
                print(pad + 'OR')
            dump(item, level + 1)
    elif tag == 'lit':
        print(f'{pad}{"LITERAL" if node[2] is None else "LITERAL_IGNORE"} {node[1]}')
    elif tag == 'any':
        print(pad + ('ANY_ALL' if node[1] else 'ANY'))
    elif tag == 'set':
        print(pad + ('IN' if node[3] is None else 'IN_IGNORE'))
        if node[1]:
            print(pad + '  NEGATE')
        for item in node[2]:
            if item[0] == 'lit':
                print(f'{pad}  LITERAL {item[1]}')
            elif item[0] == 'range':
                print(f'{pad}  RANGE ({item[1]}, {item[2]})')
            else:
                print(f'{pad}  CATEGORY {_category_name(item[1])}')
    elif tag == 'at':
        print(f'{pad}AT {_AT_NAMES[node[1]]}')
    elif tag == 'group':
        print(f'{pad}SUBPATTERN {node[1]}')
        dump(node[2], level + 1)
    elif tag == 'repeat':
        hi = 'MAXREPEAT' if node[2] == MAXREPEAT else node[2]
        print(f'{pad}{_REPEAT_NAMES[node[3]]} {node[1]} {hi}')
        dump(node[4], level + 1)
    elif tag == 'assert':
        print(pad + _ASSERT_NAMES[node[1]])
        dump(node[2], level + 1)
    elif tag == 'ref':
        print(f'{pad}{"GROUPREF" if node[2] is None else "GROUPREF_IGNORE"} {node[1]}')
    elif tag == 'cond':
        print(f'{pad}GROUPREF_EXISTS {node[1]}')
        dump(node[2], level + 1)
        print(pad + 'ELSE')
        dump(node[3], level + 1)
