"""The small Python tokenizer inspect uses to find where a block of
source ends (getblock) and to check text-signature defaults.

It yields (type, string, start, end) tuples with tokenize's type names
and uses nothing but str methods.  Pure functions over their arguments:
no shared state, so safe to call from any thread.
"""

# Token types, as in the tokenize module.
_NAME, _OP, _STRING, _NUMBER, _COMMENT = 'NAME', 'OP', 'STRING', 'NUMBER', 'COMMENT'
_NL, _NEWLINE, _INDENT, _DEDENT, _ENDMARKER = 'NL', 'NEWLINE', 'INDENT', 'DEDENT', 'ENDMARKER'

_STRING_PREFIX_CHARS = frozenset('rRbBuUfFtT')


class _TokenizeError(Exception):
    pass


class _LineReader:
    """Physical lines with a cursor: (row is 1-based)."""

    def __init__(self, lines):
        self.lines = lines
        self.row = 0

    def next_line(self):
        if self.row >= len(self.lines):
            return None
        line = self.lines[self.row]
        self.row += 1
        return line


def _scan_string(reader, line, pos, row):
    """Scan the string literal whose prefix or quote starts at line[pos].

    Returns (line, end position, row) after the closing quote; the line
    changes when a triple-quoted or continued string spans lines.
    f- and t-strings may nest replacement fields holding other strings."""
    start = pos
    while line[pos] in _STRING_PREFIX_CHARS:
        pos += 1
    prefix = line[start:pos].lower()
    formatted = 'f' in prefix or 't' in prefix
    raw = 'r' in prefix
    quote = line[pos]
    triple = line[pos:pos + 3] == quote * 3
    delim = quote * 3 if triple else quote
    pos += len(delim)
    depth = 0
    while True:
        if pos >= len(line):
            if not triple and not (line.endswith('\\\n') or depth):
                return line, pos, row       # unterminated: stop at line end
            line = reader.next_line()
            row += 1
            if line is None:
                raise _TokenizeError('EOF in multi-line string')
            pos = 0
            continue
        c = line[pos]
        if c == '\\' and not raw:
            pos += 2
            continue
        if c == '\\':
            pos += 2 if pos + 1 < len(line) and line[pos + 1] in (quote, '\\') else 1
            continue
        if formatted and c == '{':
            if line[pos:pos + 2] == '{{' and depth == 0:
                pos += 2
                continue
            depth += 1
            pos += 1
            continue
        if formatted and c == '}' and depth:
            depth -= 1
            pos += 1
            continue
        if depth and (c in '\'"'):
            line, pos, row = _scan_string(reader, line, pos, row)
            continue
        if depth and (c.isalpha() and c in _STRING_PREFIX_CHARS and
                      pos + 1 < len(line) and line[pos + 1] in '\'"'):
            line, pos, row = _scan_string(reader, line, pos, row)
            continue
        if not depth and line.startswith(delim, pos):
            return line, pos + len(delim), row
        pos += 1


def _generate_tokens(lines):
    """Yield (type, string, (srow, scol), (erow, ecol)) tokens for a list of
    source lines: enough of tokenize.generate_tokens() for getblock()."""
    reader = _LineReader(lines)
    indents = [0]
    depth = 0
    continued = False
    row = 0
    while True:
        line = reader.next_line()
        if line is None:
            break
        row = reader.row
        pos = 0
        n = len(line)
        if depth == 0 and not continued:
            col = 0
            while pos < n and line[pos] in ' \t\f':
                col = col + 1 if line[pos] == ' ' else (
                    (col // 8 + 1) * 8 if line[pos] == '\t' else 0)
                pos += 1
            if pos >= n or line[pos] in '#\r\n':
                if pos < n and line[pos] == '#':
                    text = line[pos:].rstrip('\r\n')
                    yield (_COMMENT, text, (row, pos), (row, pos + len(text)))
                yield (_NL, '\n', (row, len(line.rstrip('\r\n'))), (row, n))
                continue
            if col > indents[-1]:
                indents.append(col)
                yield (_INDENT, line[:pos], (row, 0), (row, pos))
            while col < indents[-1]:
                indents.pop()
                yield (_DEDENT, '', (row, pos), (row, pos))
        continued = False
        while pos < n:
            c = line[pos]
            if c in ' \t\f':
                pos += 1
            elif c == '#':
                # The line ending after a comment still ends the logical line.
                text = line[pos:].rstrip('\r\n')
                yield (_COMMENT, text, (row, pos), (row, pos + len(text)))
                pos += len(text)
            elif c in '\r\n':
                if depth:
                    yield (_NL, c, (row, pos), (row, pos + 1))
                else:
                    yield (_NEWLINE, c, (row, pos), (row, pos + 1))
                pos = n
            elif c == '\\' and line[pos + 1:pos + 2] in ('\n', '\r', ''):
                continued = True
                pos = n
            elif c in '\'"' or (c in _STRING_PREFIX_CHARS and
                                _starts_string(line, pos)):
                start = (row, pos)
                line, end, row = _scan_string(reader, line, pos, row)
                n = len(line)
                yield (_STRING, '', start, (row, end))
                pos = end
            elif c.isidentifier() or c == '_' or ord(c) > 127:
                end = pos + 1
                while end < n and (line[end].isidentifier() or
                                   line[end].isdigit() or line[end] == '_' or
                                   ord(line[end]) > 127):
                    end += 1
                yield (_NAME, line[pos:end], (row, pos), (row, end))
                pos = end
            elif c.isdigit() or (c == '.' and line[pos + 1:pos + 2].isdigit()):
                end = pos + 1
                while end < n and (line[end].isalnum() or line[end] in '._' or
                                   (line[end] in '+-' and
                                    line[end - 1] in 'eE' and
                                    not line[pos:end].lower().startswith('0x'))):
                    end += 1
                yield (_NUMBER, line[pos:end], (row, pos), (row, end))
                pos = end
            else:
                if c in '([{':
                    depth += 1
                elif c in ')]}':
                    depth = max(depth - 1, 0)
                yield (_OP, c, (row, pos), (row, pos + 1))
                pos += 1
        if pos >= n and not line.endswith(('\n', '\r')) and not continued:
            # Last line without a newline: end the logical line anyway.
            if depth == 0:
                yield (_NEWLINE, '', (row, n), (row, n + 1))
    for _ in indents[1:]:
        yield (_DEDENT, '', (row + 1, 0), (row + 1, 0))
    yield (_ENDMARKER, '', (row + 1, 0), (row + 1, 0))


def _starts_string(line, pos):
    end = pos
    while end < len(line) and line[end] in _STRING_PREFIX_CHARS and end - pos < 3:
        end += 1
    if end >= len(line) or line[end] not in '\'"':
        return False
    prefix = line[pos:end].lower()
    return prefix in ('r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf',
                      'tr', 'rt')
