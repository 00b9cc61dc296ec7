"""Tokenization of Python source.

tokenize(readline) reads bytes lines and yields TokenInfo tuples, the
first being the ENCODING token; generate_tokens(readline) does the same
for str lines.  The tokens come from the interpreter's own tokenizer
(the _tokenize module), so they agree with what the parser sees.
"""

import collections
import io
import itertools
import re
import sys
from builtins import open as _builtin_open   # open() below shadows it
from codecs import BOM_UTF8, lookup

import token
from token import *
from token import EXACT_TOKEN_TYPES
import _tokenize

__all__ = token.__all__ + ["tokenize", "generate_tokens", "detect_encoding",
                           "untokenize", "TokenInfo", "open", "TokenError"]
del token

cookie_re = re.compile(r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', re.ASCII)
blank_re = re.compile(br'^[ \t\f]*(?:[#\r\n]|$)', re.ASCII)


class TokenInfo(collections.namedtuple('TokenInfo',
                                       'type string start end line')):
    def __repr__(self):
        annotated_type = '%d (%s)' % (self.type, tok_name[self.type])
        return ('TokenInfo(type=%s, string=%r, start=%r, end=%r, line=%r)' %
                self._replace(type=annotated_type))

    @property
    def exact_type(self):
        if self.type == OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


class TokenError(Exception):
    pass


class StopTokenizing(Exception):
    pass


# ---- untokenize -------------------------------------------------------------

# A run of backslashes followed by N{...}; with an odd run, the braces
# belong to a named escape ('\N{BULLET}') and are written once.
_named_escape = re.compile(r'(\\+)N\{[^{}]*\}')


def _double_braces(text):
    return text.replace('{', '{{').replace('}', '}}')


def _escape_braces(text):
    """A literal part of an f-string as it reads in source: the tokenizer
    reports a doubled brace once, but a named escape's braces are single."""
    parts = []
    pos = 0
    for match in _named_escape.finditer(text):
        if len(match.group(1)) % 2 == 0:
            continue
        parts.append(_double_braces(text[pos:match.start()]))
        parts.append(match.group())
        pos = match.end()
    parts.append(_double_braces(text[pos:]))
    return ''.join(parts)


class Untokenizer:
    """Source text from tokens: exact positions from full 5-tuples, a
    readable spacing from bare (type, string) pairs."""

    def __init__(self):
        self.tokens = []
        self.prev_row = 1
        self.prev_col = 0
        self.prev_type = None
        self.prev_line = ""
        self.encoding = None

    def add_whitespace(self, start):
        row, col = start
        if row < self.prev_row or (row == self.prev_row and col < self.prev_col):
            raise ValueError("start ({},{}) precedes previous end ({},{})"
                             .format(row, col, self.prev_row, self.prev_col))
        self.add_backslash_continuation(start)
        col_offset = col - self.prev_col
        if col_offset:
            self.tokens.append(" " * col_offset)

    def add_backslash_continuation(self, start):
        """Rows skipped inside a logical line were joined by backslashes."""
        row, col = start
        row_offset = row - self.prev_row
        if row_offset == 0:
            return
        newline = '\r\n' if self.prev_line.endswith('\r\n') else '\n'
        line = self.prev_line.rstrip('\\\r\n')
        # Keep the blanks written before the backslash.
        whitespace = line[len(line.rstrip(' \t\f')):]
        self.tokens.append(whitespace + ("\\" + newline) * row_offset)
        self.prev_row = row
        self.prev_col = 0

    def untokenize(self, iterable):
        it = iter(iterable)
        indents = []
        startline = False
        for t in it:
            if len(t) == 2:
                self.compat(t, it)
                break
            tok_type, text, start, end, line = t
            if tok_type == ENCODING:
                self.encoding = text
                continue
            if tok_type == ENDMARKER:
                break
            if tok_type == INDENT:
                indents.append(text)
                continue
            if tok_type == DEDENT:
                indents.pop()
                self.prev_row, self.prev_col = end
                continue
            if tok_type in (NEWLINE, NL):
                startline = True
            elif startline and indents:
                indent = indents[-1]
                if start[1] >= len(indent):
                    self.tokens.append(indent)
                    self.prev_col = len(indent)
                startline = False
            elif tok_type in (FSTRING_MIDDLE, TSTRING_MIDDLE):
                if '{' in text or '}' in text:
                    escaped = _escape_braces(text)
                    end = (end[0], end[1] + len(escaped) - len(text))
                    text = escaped
            self.add_whitespace(start)
            self.tokens.append(text)
            self.prev_row, self.prev_col = end
            if tok_type in (NEWLINE, NL):
                self.prev_row += 1
                self.prev_col = 0
            self.prev_type = tok_type
            self.prev_line = line
        return "".join(self.tokens)

    def compat(self, token, iterable):
        indents = []
        toks_append = self.tokens.append
        startline = token[0] in (NEWLINE, NL)
        prevstring = False
        in_fstring_or_tstring = 0

        for tok in itertools.chain([token], iterable):
            toknum, tokval = tok[:2]
            if toknum == ENCODING:
                self.encoding = tokval
                continue
            if toknum in (NAME, NUMBER):
                tokval += ' '
            # Adjacent string literals ('' f'' '') need a space between
            # them, or two quotes would read back as a triple quote.
            if toknum in (STRING, FSTRING_START, TSTRING_START) and prevstring:
                tokval = ' ' + tokval
            prevstring = toknum in (STRING, FSTRING_END, TSTRING_END)
            if toknum in (FSTRING_START, TSTRING_START):
                in_fstring_or_tstring += 1
            elif toknum in (FSTRING_END, TSTRING_END):
                in_fstring_or_tstring -= 1
            if toknum == INDENT:
                indents.append(tokval)
                continue
            elif toknum == DEDENT:
                indents.pop()
                continue
            elif toknum in (NEWLINE, NL):
                startline = True
            elif startline and indents:
                toks_append(indents[-1])
                startline = False
            elif toknum in (FSTRING_MIDDLE, TSTRING_MIDDLE):
                tokval = _escape_braces(tokval)
            # Two brace operators in a row inside an f-string ('{' '{'
            # opening a set or dict display, '}' '}' closing one) would
            # read back as an escaped, doubled brace: keep them apart.  A
            # literal part ending in an escaped '{{' needs no space.
            if (tokval in ('{', '}') and in_fstring_or_tstring and self.tokens
                    and self.tokens[-1] == tokval):
                tokval = ' ' + tokval
            toks_append(tokval)


def untokenize(iterable):
    """Source text from an iterable of tokens (5-tuples or (type, string)
    pairs); bytes encoded with the ENCODING token's encoding if there is
    one.  Tokenizing the result gives the same types and strings."""
    ut = Untokenizer()
    out = ut.untokenize(iterable)
    if ut.encoding is not None:
        out = out.encode(ut.encoding)
    return out


# ---- encodings ----------------------------------------------------------------

def _get_normal_name(orig_enc):
    """The codec name Python itself uses for common spellings."""
    enc = orig_enc[:12].lower().replace("_", "-")
    if enc == "utf-8" or enc.startswith("utf-8-"):
        return "utf-8"
    if enc in ("latin-1", "iso-8859-1", "iso-latin-1") or \
       enc.startswith(("latin-1-", "iso-8859-1-", "iso-latin-1-")):
        return "iso-8859-1"
    return orig_enc


def detect_encoding(readline):
    """Read up to two lines with readline (bytes) and return the source
    encoding (BOM, PEP 263 cookie, or 'utf-8') and the lines read."""
    try:
        filename = readline.__self__.name
    except AttributeError:
        filename = None
    bom_found = False
    encoding = None
    default = 'utf-8'

    def read_or_stop():
        try:
            return readline()
        except StopIteration:
            return b''

    def find_cookie(line):
        try:
            line_string = line.decode('utf-8')
        except UnicodeDecodeError:
            msg = "invalid or missing encoding declaration"
            if filename is not None:
                msg = '{} for {!r}'.format(msg, filename)
            raise SyntaxError(msg)
        match = cookie_re.match(line_string)
        if not match:
            return None
        encoding = _get_normal_name(match.group(1))
        try:
            lookup(encoding)
        except LookupError:
            if filename is None:
                msg = "unknown encoding: " + encoding
            else:
                msg = "unknown encoding for {!r}: {}".format(filename, encoding)
            raise SyntaxError(msg)
        if bom_found:
            if encoding != 'utf-8':
                if filename is None:
                    msg = 'encoding problem: utf-8'
                else:
                    msg = 'encoding problem for {!r}: utf-8'.format(filename)
                raise SyntaxError(msg)
            encoding += '-sig'
        return encoding

    first = read_or_stop()
    if first.startswith(BOM_UTF8):
        bom_found = True
        first = first[3:]
        default = 'utf-8-sig'
    if not first:
        return default, []
    encoding = find_cookie(first)
    if encoding:
        return encoding, [first]
    if not blank_re.match(first):
        return default, [first]
    second = read_or_stop()
    if not second:
        return default, [first]
    encoding = find_cookie(second)
    if encoding:
        return encoding, [first, second]
    return default, [first, second]


def open(filename):
    """Open a Python source file read-only, as text in the encoding that
    detect_encoding() finds."""
    buffer = _builtin_open(filename, 'rb')
    try:
        encoding, lines = detect_encoding(buffer.readline)
        buffer.seek(0)
        text = io.TextIOWrapper(buffer, encoding, line_buffering=True)
        text.mode = 'r'
        return text
    except:
        buffer.close()
        raise


# ---- tokenizing -------------------------------------------------------------

def tokenize(readline):
    """Tokenize bytes source read with readline (like a binary file's
    readline).  The first token is ENCODING."""
    encoding, consumed = detect_encoding(readline)
    rest = iter(readline, b"")
    lines = itertools.chain(consumed, rest)
    if encoding is not None:
        if encoding == "utf-8-sig":
            # detect_encoding removed the BOM already.
            encoding = "utf-8"
        yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), '')
    yield from _generate_tokens_from_c_tokenizer(lines.__next__, encoding,
                                                 extra_tokens=True)


def generate_tokens(readline):
    """Tokenize str source read with readline (like a text file's
    readline); no ENCODING token."""
    return _generate_tokens_from_c_tokenizer(readline, extra_tokens=True)


def _transform_msg(msg):
    if "unterminated triple-quoted string literal" in msg:
        return "EOF in multi-line string"
    return msg


def _generate_tokens_from_c_tokenizer(source, encoding=None, extra_tokens=False):
    if encoding is None:
        it = _tokenize.TokenizerIter(source, extra_tokens=extra_tokens)
    else:
        it = _tokenize.TokenizerIter(source, encoding=encoding,
                                     extra_tokens=extra_tokens)
    try:
        for info in it:
            yield TokenInfo._make(info)
    except SyntaxError as e:
        if type(e) is not SyntaxError:
            raise e from None
        msg = _transform_msg(e.msg)
        raise TokenError(msg, (e.lineno, e.offset)) from None


# ---- python -m tokenize -------------------------------------------------------

def _main(args=None):
    import argparse

    def perror(message):
        sys.stderr.write(message)
        sys.stderr.write('\n')

    def error(message, filename=None, location=None):
        if location:
            args = (filename,) + location + (message,)
            perror("%s:%d:%d: error: %s" % args)
        elif filename:
            perror("%s: error: %s" % (filename, message))
        else:
            perror("error: %s" % message)
        sys.exit(1)

    parser = argparse.ArgumentParser()
    parser.add_argument(dest='filename', nargs='?',
                        metavar='filename.py',
                        help='the file to tokenize; defaults to stdin')
    parser.add_argument('-e', '--exact', dest='exact', action='store_true',
                        help='display token names using the exact type')
    args = parser.parse_args(args)

    try:
        if args.filename:
            filename = args.filename
            with _builtin_open(filename, 'rb') as f:
                tokens = list(tokenize(f.readline))
        else:
            filename = "<stdin>"
            tokens = _generate_tokens_from_c_tokenizer(
                sys.stdin.readline, extra_tokens=True)

        for tok in tokens:
            token_type = tok.type
            if args.exact:
                token_type = tok.exact_type
            token_range = "%d,%d-%d,%d:" % (tok.start + tok.end)
            print("%-20s%-15s%-15r" %
                  (token_range, tok_name[token_type], tok.string))
    except IndentationError as err:
        line, column = err.args[1][1:3]
        error(err.args[0], filename, (line, column))
    except TokenError as err:
        line, column = err.args[1]
        error(err.args[0], filename, (line, column))
    except SyntaxError as err:
        error(err, filename)
    except OSError as err:
        error(err)
    except KeyboardInterrupt:
        print("interrupted\n")
    except Exception as err:
        perror("unexpected error: %s" % err)
        raise


if __name__ == "__main__":
    _main()
