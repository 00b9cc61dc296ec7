"""The TOML 1.1 parser: a recursive-descent reader over the document text.

The document is read statement by statement (key/value pairs and table
headers).  _Namespaces records which tables were declared and which
values are immutable, so that every redefinition TOML forbids is
reported.
"""

import string
from types import MappingProxyType

from ._re import (RE_DATETIME, RE_LOCALTIME, RE_NUMBER, match_to_datetime,
                  match_to_localtime, match_to_number)

ASCII_CTRL = frozenset(chr(i) for i in range(32)) | frozenset(chr(127))

# Control characters (tab excepted) may not appear in strings or
# comments; multi-line strings also allow newlines.
ILLEGAL_BASIC_STR_CHARS = ASCII_CTRL - frozenset("\t")
ILLEGAL_MULTILINE_BASIC_STR_CHARS = ASCII_CTRL - frozenset("\t\n")
ILLEGAL_LITERAL_STR_CHARS = ILLEGAL_BASIC_STR_CHARS
ILLEGAL_MULTILINE_LITERAL_STR_CHARS = ILLEGAL_MULTILINE_BASIC_STR_CHARS
ILLEGAL_COMMENT_CHARS = ILLEGAL_BASIC_STR_CHARS

TOML_WS = frozenset(" \t")
TOML_WS_AND_NEWLINE = TOML_WS | frozenset("\n")
BARE_KEY_CHARS = frozenset(string.ascii_letters + string.digits + "-_")
KEY_INITIAL_CHARS = BARE_KEY_CHARS | frozenset("\"'")
HEXDIGIT_CHARS = frozenset(string.hexdigits)

BASIC_STR_ESCAPE_REPLACEMENTS = MappingProxyType({
    "\\b": "\u0008",
    "\\e": "\u001B",
    "\\t": "\u0009",
    "\\n": "\u000A",
    "\\f": "\u000C",
    "\\r": "\u000D",
    '\\"': "\u0022",
    "\\\\": "\u005C",
})


# Marks a TOMLDecodeError argument left out.
_NOT_GIVEN = object()


class TOMLDecodeError(ValueError):
    """An error raised if a document is not valid TOML.

    msg: the bare message; doc: the document (with CRLF newlines
    normalised to LF); pos: the index in doc where parsing failed;
    lineno, colno: the 1-based line and column of pos.
    """

    def __init__(self, msg=_NOT_GIVEN, doc=_NOT_GIVEN, pos=_NOT_GIVEN, *args):
        if (args or not isinstance(msg, str) or not isinstance(doc, str)
                or not isinstance(pos, int)):
            # The pre-3.14 free-form call: still accepted, deprecated.
            import warnings
            warnings.warn("Free-form arguments for TOMLDecodeError are "
                          "deprecated. Please set 'msg' (str), 'doc' (str) "
                          "and 'pos' (int) arguments only.",
                          DeprecationWarning, stacklevel=2)
            given = [arg for arg in (msg, doc, pos) if arg is not _NOT_GIVEN]
            ValueError.__init__(self, *given, *args)
            return
        lineno = doc.count("\n", 0, pos) + 1
        if lineno == 1:
            colno = pos + 1
        else:
            colno = pos - doc.rindex("\n", 0, pos)
        if pos >= len(doc):
            where = "end of document"
        else:
            where = f"line {lineno}, column {colno}"
        ValueError.__init__(self, f"{msg} (at {where})")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


def load(fp, /, *, parse_float=float):
    """Parse TOML from a binary file object (opened with 'rb')."""
    b = fp.read()
    try:
        s = b.decode()
    except AttributeError:
        raise TypeError("File must be opened in binary mode, e.g. use "
                        "`open('foo.toml', 'rb')`") from None
    return loads(s, parse_float=parse_float)


def loads(s, /, *, parse_float=float):
    """Parse TOML from a string and return a dict.

    parse_float is called with the text of every float (e.g. to make
    decimal.Decimal values); it must not return a dict or a list.
    """
    if not isinstance(s, str):
        raise TypeError(f"Expected str object, not '{type(s).__qualname__}'")
    return _Parser(s.replace("\r\n", "\n"), _checked_float(parse_float)).parse()


def _checked_float(parse_float):
    if parse_float is float:
        return float

    def checked(text):
        value = parse_float(text)
        if isinstance(value, (dict, list)):
            raise ValueError("parse_float must not return dicts or lists")
        return value
    return checked


class _Namespaces:
    """What has been defined where, by absolute key (a tuple).

    declared: tables opened by a [header] or [[header]] (their own key
    only).  frozen: inline tables and arrays given as values; everything
    below them is immutable too.  pending: tables created by dotted keys
    in the current section; they become declared at the next header, so
    that later sections cannot reopen them.
    """

    def __init__(self):
        self.declared = set()
        self.frozen = set()
        self.pending = set()

    def is_frozen(self, key):
        return any(key[:i] in self.frozen for i in range(1, len(key) + 1))

    def is_declared(self, key):
        return key in self.declared

    def finalize_pending(self):
        self.declared |= self.pending
        self.pending.clear()

    def forget_below(self, key):
        # A new [[array]] element starts with no history of its own.
        n = len(key)
        self.declared = {k for k in self.declared if k[:n] != key}
        self.frozen = {k for k in self.frozen if k[:n] != key}


class _Parser:

    def __init__(self, src, parse_float):
        self.src = src
        self.pos = 0
        self.parse_float = parse_float
        self.data = {}
        self.ns = _Namespaces()

    # ---- errors and low-level scanning ----

    def error(self, msg, pos=None):
        return TOMLDecodeError(msg, self.src, self.pos if pos is None else pos)

    def char(self, offset=0):
        # The character at pos + offset, or '' past the end.
        return self.src[self.pos + offset:self.pos + offset + 1]

    def skip(self, chars):
        src = self.src
        pos = self.pos
        while pos < len(src) and src[pos] in chars:
            pos += 1
        self.pos = pos

    def skip_comment(self):
        if self.char() != "#":
            return
        end = self.src.find("\n", self.pos)
        if end == -1:
            end = len(self.src)
        for i in range(self.pos + 1, end):
            if self.src[i] in ILLEGAL_COMMENT_CHARS:
                raise self.error(f"Found invalid character {self.src[i]!r}", i)
        self.pos = end

    def skip_comments_and_array_ws(self):
        # Scans inline, calling no helper unless a comment starts: this runs
        # at the deepest point of nested arrays and inline tables, where each
        # extra frame lowers the nesting the recursion limit allows.
        src = self.src
        pos = self.pos
        while pos < len(src):
            c = src[pos]
            if c in TOML_WS_AND_NEWLINE:
                pos += 1
            elif c == "#":
                self.pos = pos
                self.skip_comment()
                pos = self.pos
            else:
                break
        self.pos = pos

    # ---- document structure ----

    def parse(self):
        header = ()
        while True:
            self.skip(TOML_WS)
            c = self.char()
            if not c:
                break
            if c == "\n":
                self.pos += 1
                continue
            if c in KEY_INITIAL_CHARS:
                self.key_value_rule(header)
            elif c == "[":
                self.ns.finalize_pending()
                if self.char(1) == "[":
                    header = self.create_list_rule()
                else:
                    header = self.create_dict_rule()
            elif c != "#":
                raise self.error("Invalid statement")
            self.skip(TOML_WS)
            self.skip_comment()
            c = self.char()
            if not c:
                break
            if c != "\n":
                raise self.error(
                    "Expected newline or end of document after a statement")
            self.pos += 1
        return self.data

    def nest(self, key, *, enter_arrays=True):
        """The table at key, creating missing tables on the way.  Arrays
        of tables lead to their last element.  KeyError if a non-table
        value is in the way."""
        cont = self.data
        for part in key:
            if part not in cont:
                cont[part] = {}
            cont = cont[part]
            if enter_arrays and isinstance(cont, list):
                cont = cont[-1]
            if not isinstance(cont, dict):
                raise KeyError("There is no nest behind this key")
        return cont

    def create_dict_rule(self):
        self.pos += 1
        self.skip(TOML_WS)
        key = self.parse_key()
        if self.ns.is_declared(key) or self.ns.is_frozen(key):
            raise self.error(f"Cannot declare {key} twice")
        self.ns.declared.add(key)
        try:
            self.nest(key)
        except KeyError:
            raise self.error("Cannot overwrite a value") from None
        if self.char() != "]":
            raise self.error("Expected ']' at the end of a table declaration")
        self.pos += 1
        return key

    def create_list_rule(self):
        self.pos += 2
        self.skip(TOML_WS)
        key = self.parse_key()
        if self.ns.is_frozen(key):
            raise self.error(f"Cannot mutate immutable namespace {key}")
        self.ns.forget_below(key)
        self.ns.declared.add(key)
        try:
            cont = self.nest(key[:-1])
        except KeyError:
            raise self.error("Cannot overwrite a value") from None
        last = key[-1]
        if last in cont:
            array = cont[last]
            if not isinstance(array, list):
                raise self.error("Cannot overwrite a value")
            array.append({})
        else:
            cont[last] = [{}]
        if self.src[self.pos:self.pos + 2] != "]]":
            raise self.error("Expected ']]' at the end of an array declaration")
        self.pos += 2
        return key

    def key_value_rule(self, header):
        # parse_key_value_pair() written out, to keep top-level values one
        # frame closer to the recursion limit (see skip_comments_and_array_ws).
        key = self.parse_key()
        if self.char() != "=":
            raise self.error("Expected '=' after a key in a key/value pair")
        self.pos += 1
        self.skip(TOML_WS)
        value = self.parse_value()
        parent, stem = key[:-1], key[-1]
        abs_parent = header + parent
        for i in range(1, len(key)):
            cont_key = header + key[:i]
            if self.ns.is_declared(cont_key):
                raise self.error(f"Cannot redefine namespace {cont_key}")
            # Tables made by dotted keys cannot be reopened later.
            self.ns.pending.add(cont_key)
        if self.ns.is_frozen(abs_parent):
            raise self.error(f"Cannot mutate immutable namespace {abs_parent}")
        try:
            nest = self.nest(abs_parent)
        except KeyError:
            raise self.error("Cannot overwrite a value") from None
        if stem in nest:
            raise self.error("Cannot overwrite a value")
        if isinstance(value, (dict, list)):
            self.ns.frozen.add(header + key)
        nest[stem] = value

    def parse_key_value_pair(self):
        key = self.parse_key()
        if self.char() != "=":
            raise self.error("Expected '=' after a key in a key/value pair")
        self.pos += 1
        self.skip(TOML_WS)
        return key, self.parse_value()

    # ---- keys ----

    def parse_key(self):
        parts = [self.parse_key_part()]
        self.skip(TOML_WS)
        while self.char() == ".":
            self.pos += 1
            self.skip(TOML_WS)
            parts.append(self.parse_key_part())
            self.skip(TOML_WS)
        return tuple(parts)

    def parse_key_part(self):
        c = self.char()
        if c and c in BARE_KEY_CHARS:
            start = self.pos
            self.skip(BARE_KEY_CHARS)
            return self.src[start:self.pos]
        if c == "'":
            return self.parse_literal_str()
        if c == '"':
            return self.parse_one_line_basic_str()
        raise self.error("Invalid initial character for a key part")

    # ---- strings ----

    def parse_one_line_basic_str(self):
        self.pos += 1
        return self.parse_basic_str(multiline=False)

    def parse_literal_str(self):
        self.pos += 1
        start = self.pos
        end = self.skip_until("'", ILLEGAL_LITERAL_STR_CHARS)
        self.pos = end + 1
        return self.src[start:end]

    def skip_until(self, expect, illegal):
        """Index of the next occurrence of expect, checking that no
        illegal character comes first."""
        end = self.src.find(expect, self.pos)
        if end == -1:
            end = len(self.src)
            for i in range(self.pos, end):
                if self.src[i] in illegal:
                    raise self.error(
                        f"Found invalid character {self.src[i]!r}", i)
            raise self.error(f"Expected {expect!r}", end)
        for i in range(self.pos, end):
            if self.src[i] in illegal:
                raise self.error(f"Found invalid character {self.src[i]!r}", i)
        return end

    def parse_multiline_str(self, literal):
        self.pos += 3
        if self.char() == "\n":
            # A newline right after the opening delimiter is trimmed.
            self.pos += 1
        if literal:
            delim = "'"
            start = self.pos
            end = self.skip_until("'''", ILLEGAL_MULTILINE_LITERAL_STR_CHARS)
            result = self.src[start:end]
            self.pos = end + 3
        else:
            delim = '"'
            result = self.parse_basic_str(multiline=True)
        # Up to two quotes may directly precede the closing delimiter.
        for _ in range(2):
            if self.char() != delim:
                break
            result += delim
            self.pos += 1
        return result

    def parse_basic_str(self, multiline):
        if multiline:
            illegal = ILLEGAL_MULTILINE_BASIC_STR_CHARS
        else:
            illegal = ILLEGAL_BASIC_STR_CHARS
        src = self.src
        parts = []
        start = self.pos
        while True:
            if self.pos >= len(src):
                raise self.error("Unterminated string")
            c = src[self.pos]
            if c == '"':
                if not multiline:
                    parts.append(src[start:self.pos])
                    self.pos += 1
                    return "".join(parts)
                if src.startswith('"""', self.pos):
                    parts.append(src[start:self.pos])
                    self.pos += 3
                    return "".join(parts)
                self.pos += 1
                continue
            if c == "\\":
                parts.append(src[start:self.pos])
                parts.append(self.parse_escape(multiline))
                start = self.pos
                continue
            if c in illegal:
                raise self.error(f"Illegal character {c!r}")
            self.pos += 1

    def parse_escape(self, multiline):
        src = self.src
        escape_id = src[self.pos:self.pos + 2]
        self.pos += 2
        if multiline and escape_id in {"\\ ", "\\\t", "\\\n"}:
            # A line-ending backslash swallows the newline and the
            # whitespace that follows it.
            if escape_id != "\\\n":
                self.skip(TOML_WS)
                if self.char() != "\n":
                    raise self.error("Unescaped '\\' in a string")
                self.pos += 1
            self.skip(TOML_WS_AND_NEWLINE)
            return ""
        if escape_id == "\\x":
            return self.parse_hex_char(2)
        if escape_id == "\\u":
            return self.parse_hex_char(4)
        if escape_id == "\\U":
            return self.parse_hex_char(8)
        try:
            return BASIC_STR_ESCAPE_REPLACEMENTS[escape_id]
        except KeyError:
            raise self.error("Unescaped '\\' in a string") from None

    def parse_hex_char(self, length):
        digits = self.src[self.pos:self.pos + length]
        if len(digits) != length or not HEXDIGIT_CHARS.issuperset(digits):
            raise self.error("Invalid hex value")
        self.pos += length
        value = int(digits, 16)
        if not (value <= 0xD7FF or 0xE000 <= value <= 0x10FFFF):
            raise self.error("Escaped character is not a Unicode scalar value")
        return chr(value)

    # ---- values ----

    def parse_value(self):
        src = self.src
        pos = self.pos
        c = self.char()
        if c == '"':
            if src.startswith('"""', pos):
                return self.parse_multiline_str(literal=False)
            return self.parse_one_line_basic_str()
        if c == "'":
            if src.startswith("'''", pos):
                return self.parse_multiline_str(literal=True)
            return self.parse_literal_str()
        if c == "t" and src.startswith("true", pos):
            self.pos += 4
            return True
        if c == "f" and src.startswith("false", pos):
            self.pos += 5
            return False
        if c == "[":
            return self.parse_array()
        if c == "{":
            return self.parse_inline_table()

        m = RE_DATETIME.match(src, pos)
        if m:
            try:
                value = match_to_datetime(m)
            except ValueError:
                raise self.error("Invalid date or datetime") from None
            self.pos = m.end()
            return value
        m = RE_LOCALTIME.match(src, pos)
        if m:
            self.pos = m.end()
            return match_to_localtime(m)
        m = RE_NUMBER.match(src, pos)
        if m:
            self.pos = m.end()
            return match_to_number(m, self.parse_float)

        # inf and nan, optionally signed.
        start = pos + 1 if c in ("+", "-") else pos
        if src[start:start + 3] in ("inf", "nan"):
            self.pos = start + 3
            return self.parse_float(src[pos:self.pos])
        raise self.error("Invalid value")

    def parse_array(self):
        self.pos += 1
        array = []
        self.skip_comments_and_array_ws()
        if self.char() == "]":
            self.pos += 1
            return array
        while True:
            array.append(self.parse_value())
            self.skip_comments_and_array_ws()
            c = self.char()
            if c == "]":
                self.pos += 1
                return array
            if c != ",":
                raise self.error("Unclosed array")
            self.pos += 1
            self.skip_comments_and_array_ws()
            if self.char() == "]":
                self.pos += 1
                return array

    def parse_inline_table(self):
        # TOML 1.1: newlines, comments and a trailing comma are allowed
        # between the members.
        self.pos += 1
        table = {}
        frozen = set()
        self.skip_comments_and_array_ws()
        if self.char() == "}":
            self.pos += 1
            return table
        while True:
            key, value = self.parse_key_value_pair()
            parent, stem = key[:-1], key[-1]
            if any(parent[:i] in frozen for i in range(1, len(parent) + 1)):
                raise self.error(f"Cannot mutate immutable namespace {parent}")
            cont = table
            try:
                for part in parent:
                    cont = cont.setdefault(part, {})
                    if not isinstance(cont, dict):
                        raise KeyError
            except KeyError:
                raise self.error("Cannot overwrite a value") from None
            if stem in cont:
                raise self.error(f"Duplicate inline table key {stem!r}")
            cont[stem] = value
            if isinstance(value, (dict, list)):
                frozen.add(key)
            self.skip_comments_and_array_ws()
            c = self.char()
            if c == "}":
                self.pos += 1
                return table
            if c != ",":
                raise self.error("Unclosed inline table")
            self.pos += 1
            self.skip_comments_and_array_ws()
            if self.char() == "}":
                self.pos += 1
                return table
