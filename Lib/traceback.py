"""Extract, format and print Python stack traces and exceptions.

The text produced here is the same as the interpreter's own report of an
uncaught exception (Python/errors.c), so the two are kept in step: the
same frame lines, the same "[Previous line repeated N more times]"
collapsing, the same caret rule under the failing sub-expression and the
same boxes around exception groups.
"""

import collections.abc
import itertools
import linecache
import sys

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb', 'print_list']


class _Sentinel:
    """The default of value and tb: they are taken from exc."""

    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()

# A run of identical frames longer than this is summarised in one line.
_RECURSIVE_CUTOFF = 3

_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")
_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")


# ---- module-level helpers -------------------------------------------------

def print_list(extracted_list, file=None):
    """Print the entries of extract_tb() or extract_stack() to file."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """Format a list of FrameSummary objects or 4-tuples for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to limit entries of traceback tb to file."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """A shorthand for format_list(extract_tb(tb, limit))."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """A StackSummary of the entries of traceback tb, oldest first."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _sentinel:
        if exc is None:
            return None, None
        if isinstance(exc, BaseException):
            return exc, exc.__traceback__
        raise TypeError(f'Exception expected for value, '
                        f'{type(exc).__name__} found')
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True, **kwargs):
    """Print an exception, its traceback and its chain to file."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit,
                            compact=True)
    te.print(file=file, chain=chain)


# The limit of the interpreter's own display of uncaught exceptions:
# sys.tracebacklimit, counted from the most recent entry (as CPython's C
# renderer always did), where a limit given to the functions here counts
# from the oldest.
BUILTIN_EXCEPTION_LIMIT = object()


def _print_exception_bltin(exc, file=None, /):
    """The interpreter's display of an uncaught exception (PyErr_Display)."""
    if file is None:
        file = sys.stderr if sys.stderr is not None else sys.__stderr__
    return print_exception(exc, limit=BUILTIN_EXCEPTION_LIMIT, file=file)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True, **kwargs):
    """The lines print_exception() would print, as a list of strings."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit,
                            compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False,
                          **kwargs):
    """The last lines of a report: the exception type and message."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def _format_final_exc_line(etype, value, *, insert_final_newline=True):
    valuestr = _safe_string(value, 'exception')
    end = "\n" if insert_final_newline else ""
    if value is None or not valuestr:
        return f"{etype}{end}"
    return f"{etype}: {valuestr}{end}"


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except BaseException:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (sys.exception())."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """Like print_exc() but return a string."""
    return "".join(format_exception(sys.exception(), limit=limit,
                                    chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_exc)."""
    if not hasattr(sys, "last_exc") and not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    if hasattr(sys, "last_exc"):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    else:
        print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                        limit=limit, file=file, chain=chain)


def print_stack(f=None, limit=None, file=None):
    """Print the stack of frame f (the caller by default), oldest first."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """Like print_stack() but return a list of strings."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack of frame f, oldest first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clear the local variables of every frame of traceback tb."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            # The frame is still running.
            pass
        tb = tb.tb_next


# ---- frames ---------------------------------------------------------------

class FrameSummary:
    """One entry of a stack: where it was and, lazily, its source line.

    Compares equal to the 4-tuple (filename, lineno, name, line) too,
    as the old tuple-based API did.
    """

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_lines', 'locals', '_code')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None, **kwargs):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._code = kwargs.get("_code")
        self._lines = line
        if lookup_line:
            self.line
        self.locals = ({k: _safe_string(v, 'local', func=repr)
                        for k, v in locals.items()} if locals else None)

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name,
                    self.line) == other
        return NotImplemented

    __hash__ = None

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return (f"<FrameSummary file {self.filename}, "
                f"line {self.lineno} in {self.name}>")

    def __len__(self):
        return 4

    def _set_lines(self):
        if self._lines is None and self.lineno is not None:
            end = self.lineno if self.end_lineno is None else self.end_lineno
            lines = [linecache.getline(self.filename, n).rstrip('\n')
                     for n in range(self.lineno, max(end, self.lineno) + 1)]
            self._lines = "\n".join(lines)

    @property
    def _original_line(self):
        """The first source line as it is in the file, or None."""
        self._set_lines()
        if self._lines is None:
            return None
        return self._lines.partition("\n")[0]

    @property
    def line(self):
        """The first source line of the entry, stripped, or None."""
        self._set_lines()
        if self._lines is None:
            return None
        return self._lines.partition("\n")[0].strip()


def walk_stack(f):
    """An iterator of (frame, lineno) from frame f (the caller's by
    default) back through its callers."""
    # The caller's frame is found now: inside a generator, f_back would
    # be whoever first advances it.
    if f is None:
        f = sys._getframe().f_back
    return _walk_frames(f)


def _walk_frames(f):
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Yield (frame, lineno) for each entry of traceback tb."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    if instruction_index < 0:
        return (None, None, None, None)
    positions = code.co_positions()
    return next(itertools.islice(positions, instruction_index // 2, None))


def _walk_tb_with_full_positions(tb):
    # (frame, (lineno, end_lineno, colno, end_colno)) of each entry.
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            positions = (tb.tb_lineno,) + tuple(positions[1:])
        yield tb.tb_frame, positions
        tb = tb.tb_next


# ---- caret anchors --------------------------------------------------------
#
# The interpreter's report marks the failing part of a line with '^', or
# with '~' and '^' under the operator of a binary operation, or the
# brackets of a call or subscript.  Finding those needs a little of the
# expression grammar; the small parser below knows just enough of it to
# tell those three shapes apart and where their pieces start and end.
# It works on the line's UTF-8 bytes (decoded as latin-1, one character
# per byte) because code positions are UTF-8 byte offsets.

_KEYWORDS = frozenset("""False None True and as assert async await break
    class continue def del elif else except finally for from global if
    import in is lambda nonlocal not or pass raise return try while with
    yield""".split())
_OPERATORS = sorted("""** // << >> <= >= == != -> := ... **= //= >>= <<=
    += -= *= /= %= &= |= ^= @= + - * / % @ & | ^ ~ < > ( ) [ ] { } , : ;
    . = !""".split(), key=len, reverse=True)
_STRING_PREFIX = frozenset("rRbBuUfFtT")
_BINARY_LEVELS = (('|',), ('^',), ('&',), ('<<', '>>'), ('+', '-'),
                  ('*', '/', '//', '%', '@'))
_COMPARISONS = frozenset(('<', '>', '==', '>=', '<=', '!=', 'in', 'is',
                          'not'))


class _ParseFail(Exception):
    pass


def _is_name_char(c):
    return c.isalnum() or c == '_' or c >= '\x80'


def _tokenize(s):
    """(kind, text, start, end) tuples; kind is 'name', 'number', 'string'
    or 'op'.  Comments are skipped."""
    tokens = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c in ' \t\f\r\n\\':
            i += 1
            continue
        if c == '#':
            # A comment ends its line; a multi-line segment goes on.
            while i < n and s[i] != '\n':
                i += 1
            continue
        start = i
        j = i
        while j < n and j - i < 2 and s[j] in _STRING_PREFIX:
            j += 1
        if j < n and s[j] in '\'"':
            i = _skip_string(s, j)
            tokens.append(('string', s[start:i], start, i))
            continue
        if c.isdigit() or (c == '.' and i + 1 < n and s[i + 1].isdigit()):
            i = _skip_number(s, i)
            tokens.append(('number', s[start:i], start, i))
            continue
        if _is_name_char(c):
            while i < n and _is_name_char(s[i]):
                i += 1
            tokens.append(('name', s[start:i], start, i))
            continue
        for op in _OPERATORS:
            if s.startswith(op, i):
                i += len(op)
                tokens.append(('op', op, start, i))
                break
        else:
            raise _ParseFail
    return tokens


def _skip_string(s, i):
    quote = s[i:i + 3] if s[i:i + 3] in ('"""', "'''") else s[i]
    i += len(quote)
    while i < len(s):
        if s[i] == '\\':
            i += 2
        elif s.startswith(quote, i):
            return i + len(quote)
        else:
            i += 1
    raise _ParseFail


def _skip_number(s, i):
    radix = s[i:i + 2].lower() in ('0x', '0o', '0b')
    while i < len(s):
        c = s[i]
        if c in 'eE' and not radix and s[i + 1:i + 2] in ('+', '-'):
            i += 2
        elif c.isalnum() or c in '._':
            i += 1
        else:
            break
    return i


class _Node:
    __slots__ = ('kind', 'start', 'end', 'left', 'right', 'head')

    def __init__(self, kind, start, end, left=None, right=None, head=None):
        self.kind = kind
        self.start = start
        self.end = end
        self.left = left
        self.right = right
        self.head = head


class _ExprParser:
    """Recursive descent over the tokens of one line of an expression."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self, offset=0):
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else (None, None, 0, 0)

    def at(self, *texts):
        kind, text, _, _ = self.peek()
        return kind in ('op', 'name') and text in texts

    def take(self):
        token = self.peek()
        if token[0] is None:
            raise _ParseFail
        self.pos += 1
        return token

    def expect(self, text):
        if not self.at(text):
            raise _ParseFail
        return self.take()

    def done(self):
        return self.pos >= len(self.tokens)

    def expression_list(self):
        first = self.expression()
        if not self.at(','):
            return first
        last = first
        while self.at(','):
            end = self.take()[3]
            if self.done() or self.at(')', ']', '}', '=', ';'):
                return _Node('tuple', first.start, end)
            last = self.expression()
        return _Node('tuple', first.start, last.end)

    def expression(self):
        if self.at('lambda'):
            start = self.take()[2]
            while not self.at(':'):
                self.take()
            self.take()
            body = self.expression()
            return _Node('lambda', start, body.end)
        node = self.disjunction()
        if self.at('if'):
            self.take()
            self.disjunction()
            self.expect('else')
            other = self.expression()
            return _Node('ifexp', node.start, other.end)
        return node

    def disjunction(self):
        node = self.conjunction()
        while self.at('or'):
            self.take()
            node = _Node('boolop', node.start, self.conjunction().end)
        return node

    def conjunction(self):
        node = self.inversion()
        while self.at('and'):
            self.take()
            node = _Node('boolop', node.start, self.inversion().end)
        return node

    def inversion(self):
        if self.at('not'):
            start = self.take()[2]
            return _Node('unary', start, self.inversion().end)
        return self.comparison()

    def comparison(self):
        node = self.binary(0)
        while self.peek()[0] in ('op', 'name') and \
                self.peek()[1] in _COMPARISONS:
            op = self.take()[1]
            if op == 'not':
                self.expect('in')
            elif op == 'is' and self.at('not'):
                self.take()
            node = _Node('compare', node.start, self.binary(0).end)
        return node

    def binary(self, level):
        if level == len(_BINARY_LEVELS):
            return self.factor()
        node = self.binary(level + 1)
        while self.peek()[0] == 'op' and \
                self.peek()[1] in _BINARY_LEVELS[level]:
            self.take()
            right = self.binary(level + 1)
            node = _Node('binop', node.start, right.end, node, right)
        return node

    def factor(self):
        if self.at('+', '-', '~'):
            start = self.take()[2]
            return _Node('unary', start, self.factor().end)
        return self.power()

    def power(self):
        node = self.await_primary()
        if self.at('**'):
            self.take()
            right = self.factor()
            node = _Node('binop', node.start, right.end, node, right)
        return node

    def await_primary(self):
        if self.at('await'):
            start = self.take()[2]
            return _Node('await', start, self.primary().end)
        return self.primary()

    def primary(self):
        node = self.atom()
        while True:
            if self.at('.'):
                self.take()
                kind, _, _, end = self.take()
                if kind != 'name':
                    raise _ParseFail
                node = _Node('attribute', node.start, end)
            elif self.at('(', '['):
                kind = 'call' if self.peek()[1] == '(' else 'subscript'
                end = self.skip_brackets()
                node = _Node(kind, node.start, end, head=node)
            else:
                return node

    def skip_brackets(self):
        """Skip a balanced bracketed group; the offset after it."""
        depth = 0
        while True:
            kind, text, _, end = self.take()
            if kind == 'op' and text in '([{':
                depth += 1
            elif kind == 'op' and text in ')]}':
                depth -= 1
                if depth == 0:
                    return end

    def atom(self):
        kind, text, start, end = self.peek()
        if kind == 'name' and (text not in _KEYWORDS or
                               text in ('True', 'False', 'None')):
            self.take()
            return _Node('name', start, end)
        if kind == 'number' or (kind == 'op' and text == '...'):
            self.take()
            return _Node('constant', start, end)
        if kind == 'string':
            while self.peek()[0] == 'string':
                end = self.take()[3]
            return _Node('constant', start, end)
        if kind == 'op' and text == '(':
            return self.parenthesized()
        if kind == 'op' and text in ('[', '{'):
            return _Node('display', start, self.skip_brackets())
        raise _ParseFail

    def parenthesized(self):
        # A parenthesized expression's node spans the inner expression
        # only; tuples, generators and the like keep their parentheses.
        saved = self.pos
        self.take()
        try:
            inner = self.expression()
            if self.at(')'):
                self.take()
                return inner
        except _ParseFail:
            pass
        self.pos = saved
        start = self.peek()[2]
        return _Node('group', start, self.skip_brackets())


def _parse_expression(text):
    """The top node of text parsed as one expression, or None."""
    try:
        parser = _ExprParser(_tokenize(text))
        node = parser.expression_list()
        if not parser.done():
            return None
        return node
    except (_ParseFail, RecursionError):
        return None


def _skip_closing(seg, pos):
    """The first position from pos that is not white space, a closing
    parenthesis, a line continuation or a comment."""
    while pos < len(seg):
        if seg[pos] == '#':
            while pos < len(seg) and seg[pos] != '\n':
                pos += 1
        elif seg[pos] in ' \t\f\r\n)\\':
            pos += 1
        else:
            break
    return pos


def _caret_anchors(seg):
    """(left, right) offsets of the anchor in seg, or None."""
    node = _parse_expression(seg)
    if node is None:
        return None
    if node.kind == 'binop':
        op = _skip_closing(seg, node.left.end)
        end = op + 1
        if end < node.right.start and end < len(seg) and \
                seg[end] not in ' \t\f\r\n\\#':
            end += 1
        return (op, end) if op < len(seg) else None
    if node.kind in ('call', 'subscript'):
        left = _skip_closing(seg, node.head.end)
        return (left, node.end) if left < node.end else None
    return None


def _statement_is_whole_call(line, start, end):
    """Whether line is "return name(...)" or "name = f(...)" whose call
    is exactly [start, end): such lines get no carets."""
    try:
        tokens = _tokenize(line)
    except _ParseFail:
        return False
    if len(tokens) >= 2 and tokens[0][:2] == ('name', 'return'):
        rest = tokens[1:]
        need_name_func = True
    elif (len(tokens) >= 3 and tokens[0][0] == 'name' and
          tokens[0][1] not in _KEYWORDS and tokens[1][:2] == ('op', '=')):
        rest = tokens[2:]
        need_name_func = False
    else:
        return False
    cut = len(rest)
    for i, token in enumerate(rest):
        if token[:2] == ('op', ';'):
            cut = i
            break
    try:
        parser = _ExprParser(rest[:cut])
        node = parser.expression_list()
        if not parser.done():
            return False
    except (_ParseFail, RecursionError):
        return False
    if node.kind != 'call':
        return False
    if need_name_func and node.head.kind != 'name':
        return False
    return node.start == start and node.end == end


def _caret_line(line, start, end):
    """The marker line for bytes [start, end) of the stripped line (a
    latin-1 view of its UTF-8 bytes), or None when none is shown."""
    if end > len(line):
        end = len(line)
    if start >= end:
        return None
    seg = line[start:end]
    anchors = _caret_anchors(seg)
    if _statement_is_whole_call(line, start, end):
        return None
    if anchors is None and not line[:start].strip(' \t') and \
            not line[end:].strip(' \t'):
        return None
    width = _char_count(line[:start])
    marks = []
    for rel, c in enumerate(seg):
        if '\x80' <= c <= '\xbf':
            continue
        anchor = anchors is None or anchors[0] <= rel < anchors[1]
        marks.append(('^' if anchor else '~') * _columns(line, start + rel))
    return '    ' + ' ' * width + ''.join(marks)


# ---- stacks ---------------------------------------------------------------

class StackSummary(list):
    """A list of FrameSummary objects ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """A StackSummary from an iterable of (frame, lineno) pairs."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True,
                                         capture_locals=False):
        builtin_limit = limit is BUILTIN_EXCEPTION_LIMIT
        if limit is None or builtin_limit:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if builtin_limit:
                # The last `limit` entries (none for 0; limit may be
                # any int).
                entries = list(frame_gen)
                frame_gen = entries[max(len(entries) - limit, 0):]
            elif limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                frame_gen = collections.deque(frame_gen, maxlen=-limit)

        result = klass()
        filenames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            code = f.f_code
            filename = code.co_filename
            filenames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(
                filename, lineno, code.co_name, lookup_line=False,
                locals=f_locals, end_lineno=end_lineno, colno=colno,
                end_colno=end_colno, _code=code))
        for filename in filenames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary from FrameSummary objects or 4-tuples."""
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name,
                                           line=line))
        return result

    def format_frame_summary(self, frame_summary, **kwargs):
        """The lines for one entry: the File line, its source line and
        the caret line when the instruction covers part of the line.  An
        instruction spanning several lines shows them (3.13+), long runs
        abbreviated."""
        filename = frame_summary.filename
        if filename.startswith("<stdin>-"):
            # A statement typed at the prompt (its linecache name).
            filename = "<stdin>"
        row = [f'  File "{filename}", line '
               f'{frame_summary.lineno}, in {frame_summary.name}\n']
        source = frame_summary._original_line
        fs = frame_summary
        if (source and fs.colno is not None and fs.end_colno is not None
                and fs.end_lineno is not None and fs.end_lineno > fs.lineno):
            row.extend(_format_line_range(fs))
        elif source:
            text = source.encode('utf-8', 'surrogateescape').decode(
                'latin-1')
            stripped = text.lstrip(' \t\f')
            indent = len(text) - len(stripped)
            stripped = stripped.rstrip('\n\r \t')
            if stripped:
                row.append('    ' + _from_bytes_view(stripped) + '\n')
                carets = self._caret_row(frame_summary, stripped, indent)
                if carets is not None:
                    row.append(carets + '\n')
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append(f'    {name} = {value}\n')
        return ''.join(row)

    @staticmethod
    def _caret_row(fs, stripped, indent):
        colno, end_colno = fs.colno, fs.end_colno
        if colno is None or end_colno is None:
            return None
        if fs.end_lineno != fs.lineno or colno < indent or \
                end_colno <= colno:
            return None
        line = _caret_line(stripped, colno - indent, end_colno - indent)
        return line

    def format(self, **kwargs):
        """The formatted lines of the stack, one string per entry, with
        long runs of one identical entry summarised."""
        result = []
        last = None
        count = 0
        for fs in self:
            formatted = self.format_frame_summary(fs, **kwargs)
            if formatted is None:
                continue
            key = (fs.filename, fs.lineno, fs.name)
            if last is None or key != last or None in key:
                _append_repeat_summary(result, count)
                last = key
                count = 0
            count += 1
            if count <= _RECURSIVE_CUTOFF:
                result.append(formatted)
        _append_repeat_summary(result, count)
        return result


def _bytes_view(text):
    return text.encode('utf-8', 'surrogateescape').decode('latin-1')


def _columns(view, pos):
    """The terminal columns of the character whose UTF-8 encoding starts
    at pos of a latin-1 view: 2 for East Asian wide and full-width ones
    (as CPython lines carets up under them), else 1."""
    if view[pos] < '\xc0':
        return 1
    end = pos + 1
    while end < len(view) and '\x80' <= view[end] <= '\xbf':
        end += 1
    char = view[pos:end].encode('latin-1').decode('utf-8', 'replace')
    import unicodedata
    return 2 if unicodedata.east_asian_width(char[0]) in ('W', 'F') else 1


def _char_count(text):
    """Terminal columns of a latin-1 view of UTF-8 bytes (see
    _columns())."""
    return sum(_columns(text, i) for i, c in enumerate(text)
               if not '\x80' <= c <= '\xbf')


def _format_line_range(fs):
    """The source lines fs.lineno..fs.end_lineno of a multi-line
    instruction, dedented together, each followed by its marker line
    when markers are shown.  Shown are the first and last lines and those
    next to the anchor's ends; a single skipped line is shown anyway, a
    longer run becomes "...<N lines>...".  Works on latin-1 views of the
    UTF-8 lines, since code positions are byte offsets."""
    fs._set_lines()
    count = fs.end_lineno - fs.lineno + 1
    original = [_bytes_view(line) for line in fs._lines.split("\n")][:count]
    if len(original) < count or not "".join(original).strip():
        return []
    margin = None
    for line in original:
        if line.strip():
            lead = line[:len(line) - len(line.lstrip(' \t\f'))]
            if margin is None:
                margin = lead
            else:
                while not lead.startswith(margin):
                    margin = margin[:-1]
    lines = [line[len(margin):] if line.startswith(margin) else line.lstrip()
             for line in original]
    start = max(0, fs.colno - len(margin))
    end = max(0, fs.end_colno - len(margin))
    joined = "\n".join(lines)
    last_base = len(joined) - len(lines[-1])
    segment = joined[start:last_base + end]
    anchors = _caret_anchors(segment)
    if _statement_is_whole_call(joined, start, last_base + end):
        marks = False
    else:
        marks = anchors is not None or bool(lines[0][:start].strip() or
                                            lines[-1][end:].strip())
    if anchors is not None:
        anchors = tuple(_line_and_column(joined, start + a)
                        for a in anchors)
    shown = {0, len(lines) - 1}
    if anchors is not None:
        for anchor_line, _ in anchors:
            shown.update((anchor_line - 1, anchor_line, anchor_line + 1))
    shown = sorted(i for i in shown if 0 <= i < len(lines))
    out = []
    for k, i in enumerate(shown):
        if k:
            gap = i - shown[k - 1]
            if gap == 2:
                _range_line(out, lines, i - 1, start, end, anchors, marks)
            elif gap > 2:
                out.append(f"...<{gap - 1} lines>...")
        _range_line(out, lines, i, start, end, anchors, marks)
    return ['    ' + _from_bytes_view(line) + '\n' if line.strip()
            else '    \n' for line in out]


def _line_and_column(text, pos):
    line = text.count("\n", 0, pos)
    return line, pos - (text.rfind("\n", 0, pos) + 1)


def _range_line(out, lines, i, start, end, anchors, marks):
    line = lines[i]
    out.append(line)
    if not marks:
        return
    indent = len(line) - len(line.lstrip(' \t\f'))
    first = max(indent, start) if i == 0 else indent
    stop = end if i == len(lines) - 1 else len(line)
    row = [' ' * _char_count(line[:first])]
    for col in range(first, min(stop, len(line))):
        if '\x80' <= line[col] <= '\xbf':
            continue
        inside = anchors is None or anchors[0] <= (i, col) < anchors[1]
        row.append(('^' if inside else '~') * _columns(line, col))
    out.append(''.join(row))


def _from_bytes_view(text):
    return text.encode('latin-1').decode('utf-8', 'surrogateescape')


def _append_repeat_summary(result, count):
    if count > _RECURSIVE_CUTOFF:
        more = count - _RECURSIVE_CUTOFF
        result.append(f'  [Previous line repeated {more} more '
                      f'time{"s" if more > 1 else ""}]\n')


# ---- mistyped keywords in a SyntaxError ------------------------------------

def _keyword_typo_words(code):
    """(row, start column, end column, word) of the NAME tokens of code
    that are no keywords; rows count from 1."""
    import io
    import keyword
    import tokenize
    words = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type == tokenize.NAME and tok.start[0] == tok.end[0] \
                    and not keyword.iskeyword(tok.string):
                words.append((tok.start[0], tok.start[1], tok.end[1],
                              tok.string))
    except (tokenize.TokenError, SyntaxError):
        pass
    return words


def _keyword_candidates(word):
    """Up to three keywords word may be a typo of, the likeliest first."""
    import difflib
    import keyword
    found = []
    nearest = _nearest_name(word, keyword.kwlist)
    if nearest is not None:
        found.append(nearest)
    for close in difflib.get_close_matches(word, keyword.kwlist, n=3,
                                           cutoff=0.5):
        if close not in found:
            found.append(close)
    return [k for k in found[:3] if k != word]


def _compiles_or_incomplete(code):
    """Whether code parses, or only lacks more lines."""
    import codeop
    try:
        codeop.compile_command(code, symbol="exec",
                               flags=codeop.PyCF_ONLY_AST)
    except (SyntaxError, ValueError, OverflowError):
        return False
    return True


# ---- "Did you mean" -------------------------------------------------------

_MAX_CANDIDATE_ITEMS = 750
_MAX_STRING_SIZE = 40
_MOVE_COST = 2
_CASE_COST = 1


def _substitution_cost(a, b):
    if a == b:
        return 0
    if a.lower() == b.lower():
        return _CASE_COST
    return _MOVE_COST


def _levenshtein_distance(a, b, max_cost):
    """The edit distance of a and b (insertions and deletions cost 2, a
    change of case 1), or max_cost + 1 when it is larger than max_cost."""
    if a == b:
        return 0
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    a, b = a[prefix:], b[prefix:]
    suffix = 0
    while suffix < min(len(a), len(b)) and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    if suffix:
        a, b = a[:-suffix], b[:-suffix]
    if not a or not b:
        return _MOVE_COST * (len(a) + len(b))
    if len(a) > _MAX_STRING_SIZE or len(b) > _MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > max_cost:
        return max_cost + 1
    # previous[i]: distance between the part of b seen so far and a[:i].
    previous = [i * _MOVE_COST for i in range(len(a) + 1)]
    for j, bchar in enumerate(b, 1):
        current = [j * _MOVE_COST]
        for i, achar in enumerate(a, 1):
            current.append(min(previous[i] + _MOVE_COST,
                               current[i - 1] + _MOVE_COST,
                               previous[i - 1] + _substitution_cost(achar,
                                                                    bchar)))
        if min(current) > max_cost:
            return max_cost + 1
        previous = current
    return previous[-1]


def _innermost_frame(tb):
    if tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame


def _suggestion_candidates(exc_value, tb, wrong_name):
    """The names near which wrong_name is looked for, or a finished
    suggestion string ("self.x"), or None."""
    if isinstance(exc_value, AttributeError):
        obj = exc_value.obj
        try:
            names = dir(obj)
        except Exception:
            return None, None
        hide = wrong_name[:1] != '_'
        frame = _innermost_frame(tb)
        if hide and frame is not None:
            f_locals = frame.f_locals
            if 'self' in f_locals and f_locals['self'] is obj:
                hide = False
        if hide:
            names = [x for x in names if x[:1] != '_']
        return names, None
    if isinstance(exc_value, ImportError):
        try:
            mod = sys.modules[exc_value.name]
            names = dir(mod)
        except Exception:
            return None, None
        if wrong_name[:1] != '_':
            names = [x for x in names if x[:1] != '_']
        return names, None
    frame = _innermost_frame(tb)
    if frame is None:
        return None, None
    names = (list(frame.f_locals) + list(frame.f_globals) +
             list(frame.f_builtins))
    if 'self' in frame.f_locals:
        try:
            found = hasattr(frame.f_locals['self'], wrong_name)
        except Exception:
            found = False
        if found:
            return None, f"self.{wrong_name}"
    return names, None


def _compute_suggestion_error(exc_value, tb, wrong_name):
    if wrong_name is None or not isinstance(wrong_name, str):
        return None
    names, ready = _suggestion_candidates(exc_value, tb, wrong_name)
    if ready is not None or names is None:
        return ready
    if len(names) > _MAX_CANDIDATE_ITEMS:
        return None
    return _nearest_name(wrong_name, names)


def _nearest_name(wrong_name, names):
    """The name of names closest to wrong_name by edit distance, if one
    is close enough to be a likely typo, else None."""
    if len(wrong_name) > _MAX_STRING_SIZE:
        return None
    best_distance = len(wrong_name)
    suggestion = None
    for candidate in names:
        if not isinstance(candidate, str) or candidate == wrong_name:
            continue
        max_distance = ((len(candidate) + len(wrong_name) + 3) *
                        _MOVE_COST // 6)
        max_distance = min(max_distance, best_distance - 1)
        distance = _levenshtein_distance(wrong_name, candidate,
                                         max_distance)
        if distance > max_distance:
            continue
        if suggestion is None or distance < best_distance:
            suggestion = candidate
            best_distance = distance
    return suggestion


def _suggestion_suffix(exc_type, exc_value, tb):
    """". Did you mean: 'x'?" and friends, or ''."""
    if issubclass(exc_type, ImportError):
        wrong = getattr(exc_value, "name_from", None)
        if wrong is None:
            return ''
        suggestion = _compute_suggestion_error(exc_value, tb, wrong)
        return f". Did you mean: '{suggestion}'?" if suggestion else ''
    if not issubclass(exc_type, (NameError, AttributeError)):
        return ''
    wrong = getattr(exc_value, "name", None)
    if wrong is None:
        return ''
    suggestion = _compute_suggestion_error(exc_value, tb, wrong)
    suffix = f". Did you mean: '{suggestion}'?" if suggestion else ''
    if issubclass(exc_type, NameError) and \
            wrong in getattr(sys, 'stdlib_module_names', ()):
        if suggestion:
            suffix += f" Or did you forget to import '{wrong}'?"
        else:
            suffix += f". Did you forget to import '{wrong}'?"
    return suffix


# ---- exceptions -----------------------------------------------------------

class _ExceptionPrintContext:
    """Indentation and box margins while drawing exception groups."""

    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        prefix = self.indent()
        if self.exception_group_depth:
            prefix += margin_char + ' '
        if isinstance(text_gen, str):
            text_gen = [text_gen]
        for text in text_gen:
            yield ''.join(prefix + line
                          for line in text.splitlines(keepends=True))


class TracebackException:
    """An exception captured for later formatting: its type, message,
    stack, notes, chained exceptions and group members, without holding
    on to the exception itself or its frames."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10,
                 save_exc_type=True, _seen=None):
        # Chains and groups are built without recursion, through a work
        # list, so that a long __context__ chain cannot overflow the stack.
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback), limit=limit,
            lookup_lines=lookup_lines, capture_locals=capture_locals)
        self._exc_type = exc_type if save_exc_type else None
        self._load(exc_type, exc_value, exc_traceback)
        self._options = dict(limit=limit, lookup_lines=lookup_lines,
                             capture_locals=capture_locals,
                             max_group_width=max_group_width,
                             max_group_depth=max_group_depth)
        _seen.add(id(exc_value))
        self.__cause__ = self.__context__ = None
        self.__suppress_context__ = (exc_value.__suppress_context__
                                     if exc_value is not None else False)
        self.exceptions = None
        if is_recursive_call:
            return
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            te._link(e, compact, _seen, queue)

    def _load(self, exc_type, exc_value, exc_traceback):
        self._have_exc_type = exc_type is not None
        if exc_type is not None:
            self.exc_type_qualname = exc_type.__qualname__
            self.exc_type_module = exc_type.__module__
        else:
            self.exc_type_qualname = None
            self.exc_type_module = None
        self._str = _safe_string(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = [f'Ignored error getting __notes__: '
                              f'{_safe_string(e, "__notes__", repr)}']
        self._is_syntax_error = False
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
            self._is_syntax_error = True
            metadata = getattr(exc_value, '_metadata', None)
            if metadata is not None:
                try:
                    self._suggest_keyword(metadata)
                except Exception:
                    pass
        elif exc_type is not None and exc_value is not None:
            try:
                self._str += _suggestion_suffix(exc_type, exc_value,
                                                exc_traceback)
            except Exception:
                pass
            stdlib_names = getattr(sys, 'stdlib_module_names', None)
            if issubclass(exc_type, ModuleNotFoundError) and \
                    sys.flags.no_site and stdlib_names is not None and \
                    getattr(exc_value, "name", None) not in stdlib_names:
                self._str += (". Site initialization is disabled, did you "
                              "forget to add the site-packages directory "
                              "to sys.path?")

    def _child(self, e, seen):
        return TracebackException(type(e), e, e.__traceback__,
                                  _seen=seen, **self._options)

    def _link(self, e, compact, seen, queue):
        """Build this exception's cause, context and group members."""
        if e is None:
            return
        cause = e.__cause__
        if cause is not None and id(cause) not in seen:
            self.__cause__ = self._child(cause, seen)
            queue.append((self.__cause__, cause))
        need_context = (not compact or
                        (self.__cause__ is None and
                         not e.__suppress_context__))
        context = e.__context__
        if context is not None and need_context and id(context) not in seen:
            self.__context__ = self._child(context, seen)
            queue.append((self.__context__, context))
        if isinstance(e, BaseExceptionGroup):
            self.exceptions = []
            for member in e.exceptions:
                te = self._child(member, seen)
                self.exceptions.append(te)
                queue.append((te, member))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """A TracebackException for exc and its traceback."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type(self):
        import warnings
        warnings.warn('Deprecated in 3.13. Use exc_type_str instead.',
                      DeprecationWarning, stacklevel=2)
        return self._exc_type

    @property
    def exc_type_str(self):
        if not self._have_exc_type:
            return None
        stype = self.exc_type_qualname
        smod = self.exc_type_module
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype
        return stype

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __str__(self):
        return self._str

    def _suggest_keyword(self, metadata):
        """A plain "invalid syntax" caused by a mistyped keyword ("whille
        x:") becomes "invalid syntax. Did you mean 'while'?", located at
        the word, when putting the keyword there makes the code valid.
        metadata is the parser's SyntaxError._metadata: where the last
        good statement started, and the source (None: read the file)."""
        if self.msg != "invalid syntax" and \
                "Perhaps you forgot a comma" not in self.msg:
            return
        first, _column, source = metadata
        error_line = int(self.lineno) if self.lineno is not None else 0
        if source is None:
            if not self.filename:
                return
            try:
                with open(self.filename, encoding='utf-8') as f:
                    lines = f.read().splitlines()
            except (OSError, UnicodeDecodeError, ValueError):
                return
        else:
            lines = source.splitlines()
        first = max(first, 1)
        import textwrap
        region = textwrap.dedent('\n'.join(lines[first - 1:error_line]))
        if len(region) > 1024:
            return
        region_lines = region.splitlines()
        # Only words on the error's own line are retyped.
        wanted_row = error_line - first + 1
        words = _keyword_typo_words(region)
        for row, start, end, word in words[:10]:
            if row != wanted_row:
                continue
            for keyword in _keyword_candidates(word):
                candidate = region_lines.copy()
                text = candidate[row - 1]
                candidate[row - 1] = text[:start] + keyword + text[end:]
                if not _compiles_or_incomplete('\n'.join(candidate)):
                    continue
                self.text = lines[first + row - 2] + '\n' \
                    if first + row - 2 < len(lines) else self.text
                indent = len(self.text) - len(self.text.lstrip(' \t\f'))
                shift = indent - (len(text) - len(text.lstrip(' \t\f')))
                self.lineno = self.end_lineno = str(first + row - 1)
                self.offset = start + shift + 1
                self.end_offset = end + shift + 1
                self.msg = f"invalid syntax. Did you mean '{keyword}'?"
                return

    def format_exception_only(self, *, show_group=False, _depth=0,
                              **kwargs):
        """Yield the lines of the exception's type and message (and, for
        SyntaxError, where it is), then its notes; with show_group, the
        same for each member of a group, indented."""
        indent = 3 * _depth * ' '
        if not self._have_exc_type:
            yield indent + _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type_str
        if self._is_syntax_error:
            for line in self._format_syntax_error(stype):
                yield indent + line
        elif _depth > 0:
            text = _format_final_exc_line(stype, self._str,
                                          insert_final_newline=False)
            for line in text.split('\n'):
                yield indent + line + '\n'
        else:
            yield _format_final_exc_line(stype, self._str)

        notes = self.__notes__
        if isinstance(notes, collections.abc.Sequence) and \
                not isinstance(notes, (str, bytes)):
            for note in notes:
                note = _safe_string(note, 'note')
                for line in note.split('\n'):
                    yield indent + line + '\n'
        elif notes is not None:
            yield indent + _safe_string(notes, '__notes__', func=repr) + '\n'

        if self.exceptions and show_group:
            for ex in self.exceptions:
                yield from ex.format_exception_only(show_group=show_group,
                                                    _depth=_depth + 1)

    def _format_syntax_error(self, stype):
        """The File line, source line and carets of a SyntaxError, then
        its "Type: message" line."""
        filename_suffix = ''
        if self.lineno is not None:
            yield f'  File "{self.filename or "<string>"}", ' \
                  f'line {self.lineno}\n'
        elif self.filename is not None:
            filename_suffix = f' ({self.filename})'
        text = self.text
        if isinstance(text, str):
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield f'    {ltext}\n'
            if isinstance(self.offset, int):
                yield from self._syntax_carets(text, rtext, ltext, spaces)
        msg = self.msg or "<no detail available>"
        yield f"{stype}: {msg}{filename_suffix}\n"

    def _syntax_carets(self, text, rtext, ltext, spaces):
        offset = self.offset
        if self.lineno == self.end_lineno:
            end_offset = self.end_offset
            if not isinstance(end_offset, int) or end_offset == 0:
                end_offset = offset
        else:
            end_offset = len(rtext) + 1
        if text and offset > len(text):
            offset = len(rtext) + 1
        if text and end_offset > len(text):
            end_offset = len(rtext) + 1
        if offset >= end_offset or end_offset < 0:
            end_offset = offset + 1
        colno = offset - 1 - spaces
        end_colno = end_offset - 1 - spaces
        if colno >= 0:
            # Tabs stay tabs so that the carets line up with the text.
            space = ''.join(c if c.isspace() else ' ' for c in ltext[:colno])
            yield f"    {space}{'^' * (end_colno - colno)}\n"

    def print(self, *, file=None, chain=True, **kwargs):
        """Print the result of self.format(chain=chain) to file."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")

    def format(self, *, chain=True, _ctx=None, **kwargs):
        """Yield the lines of the full report, oldest chained exception
        first, exception groups drawn as boxes."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()
        links = []
        exc = self
        while exc is not None:
            if not chain:
                links.append((None, exc))
                break
            if exc.__cause__ is not None:
                message, following = _cause_message, exc.__cause__
            elif exc.__context__ is not None and \
                    not exc.__suppress_context__:
                message, following = _context_message, exc.__context__
            else:
                message, following = None, None
            links.append((message, exc))
            exc = following
        for message, exc in reversed(links):
            if message is not None:
                yield from _ctx.emit(message)
            yield from exc._format_one(chain, _ctx)

    def _format_one(self, chain, _ctx):
        if self.exceptions is None:
            if self.stack:
                yield from _ctx.emit('Traceback (most recent call last):\n')
                yield from _ctx.emit(self.stack.format())
            yield from _ctx.emit(self.format_exception_only())
            return
        if _ctx.exception_group_depth > self.max_group_depth:
            yield from _ctx.emit(
                f"... (max_group_depth is {self.max_group_depth})\n")
            return
        toplevel = _ctx.exception_group_depth == 0
        if toplevel:
            _ctx.exception_group_depth += 1
        if self.stack:
            yield from _ctx.emit(
                'Exception Group Traceback (most recent call last):\n',
                margin_char='+' if toplevel else None)
            yield from _ctx.emit(self.stack.format())
        yield from _ctx.emit(self.format_exception_only())
        yield from self._format_members(chain, _ctx)
        if toplevel:
            _ctx.exception_group_depth = 0

    def _format_members(self, chain, _ctx):
        count = len(self.exceptions)
        width = self.max_group_width
        shown = count if count <= width else width + 1
        _ctx.need_close = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                # A nested group drawn last closes both boxes at once.
                _ctx.need_close = True
            truncated = i >= width
            title = '...' if truncated else f'{i + 1}'
            yield (_ctx.indent() + ('+-' if i == 0 else '  ') +
                   f'+---------------- {title} ----------------\n')
            _ctx.exception_group_depth += 1
            if truncated:
                more = count - width
                yield from _ctx.emit(
                    f"and {more} more exception{'s' if more > 1 else ''}\n")
            else:
                yield from self.exceptions[i].format(chain=chain, _ctx=_ctx)
            if last and _ctx.need_close:
                yield _ctx.indent() + "+------------------------------------\n"
                _ctx.need_close = False
            _ctx.exception_group_depth -= 1
