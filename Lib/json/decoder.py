"""JSON decoding: JSONDecoder, JSONDecodeError and the pure-Python parsers
for strings, objects and arrays (used when the _json accelerator is
missing, and by callers that replace parts of the parser)."""

import re

from json import scanner

try:
    from _json import scanstring as c_scanstring
except ImportError:
    c_scanstring = None

__all__ = ['JSONDecoder', 'JSONDecodeError']

FLAGS = re.VERBOSE | re.MULTILINE | re.DOTALL

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """ValueError subclass raised for malformed JSON.

    msg: the bare error message; doc: the JSON document being parsed;
    pos: index in doc where parsing failed; lineno, colno: the line and
    column (both 1-based) of pos.
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__('%s: line %d column %d (char %d)'
                         % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

HEXDIGITS = frozenset('0123456789abcdefABCDEF')
STRINGCHUNK = re.compile(r'(.*?)(["\\\x00-\x1f])', FLAGS)
BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}


def _decode_uXXXX(s, pos):
    """The code unit of the \\uXXXX escape whose 'u' is at s[pos]."""
    digits = s[pos + 1:pos + 5]
    if len(digits) == 4 and all(c in HEXDIGITS for c in digits):
        return int(digits, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def py_scanstring(s, end, strict=True,
                  _b=BACKSLASH, _m=STRINGCHUNK.match):
    """Scan the JSON string whose opening quote is at s[end - 1].

    Returns (text, index just past the closing quote).  Unless strict is
    false, control characters inside the string are an error.
    """
    chunks = []
    append = chunks.append
    begin = end - 1
    while True:
        chunk = _m(s, end)
        if chunk is None:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        end = chunk.end()
        content, terminator = chunk.groups()
        if content:
            append(content)
        if terminator == '"':
            break
        if terminator != '\\':
            if strict:
                raise JSONDecodeError("Invalid control character at",
                                      s, end - 1)
            append(terminator)
            continue
        try:
            esc = s[end]
        except IndexError:
            raise JSONDecodeError("Unterminated string starting at",
                                  s, begin) from None
        if esc != 'u':
            try:
                char = _b[esc]
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, end - 1) from None
            end += 1
        else:
            uni = _decode_uXXXX(s, end)
            end += 5
            if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                low = _decode_uXXXX(s, end + 1)
                if 0xdc00 <= low <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (low - 0xdc00))
                    end += 6
            char = chr(uni)
        append(char)
    return ''.join(chunks), end


scanstring = c_scanstring or py_scanstring

WHITESPACE = re.compile(r'[ \t\n\r]*', FLAGS)
WHITESPACE_STR = ' \t\n\r'


def JSONObject(s_and_end, strict, scan_once, object_hook, object_pairs_hook,
               memo=None, _w=WHITESPACE.match, _ws=WHITESPACE_STR):
    """Parse the members of an object whose '{' precedes s_and_end[1]."""
    s, end = s_and_end
    pairs = []
    if memo is None:
        memo = {}
    end = _w(s, end).end()
    nextchar = s[end:end + 1]
    if nextchar != '"':
        if nextchar == '}':
            return _finish_object(pairs, object_hook, object_pairs_hook), end + 1
        raise JSONDecodeError(
            "Expecting property name enclosed in double quotes", s, end)
    end += 1
    while True:
        key, end = scanstring(s, end, strict)
        # Equal keys share one string object across the document.
        key = memo.setdefault(key, key)
        end = _w(s, end).end()
        if s[end:end + 1] != ':':
            raise JSONDecodeError("Expecting ':' delimiter", s, end)
        end = _w(s, end + 1).end()
        try:
            value, end = scan_once(s, end)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        pairs.append((key, value))
        end = _w(s, end).end()
        nextchar = s[end:end + 1]
        if nextchar == '}':
            end += 1
            break
        if nextchar != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end)
        comma = end
        end = _w(s, end + 1).end()
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar == '}':
                raise JSONDecodeError(
                    "Illegal trailing comma before end of object", s, comma)
            raise JSONDecodeError(
                "Expecting property name enclosed in double quotes", s, end)
        end += 1
    return _finish_object(pairs, object_hook, object_pairs_hook), end


def _finish_object(pairs, object_hook, object_pairs_hook):
    if object_pairs_hook is not None:
        return object_pairs_hook(pairs)
    obj = dict(pairs)
    if object_hook is not None:
        obj = object_hook(obj)
    return obj


def JSONArray(s_and_end, scan_once, array_hook=None, _w=WHITESPACE.match,
              _ws=WHITESPACE_STR):
    """Parse the elements of an array whose '[' precedes s_and_end[1];
    array_hook, if not None, replaces the list with its result."""
    s, end = s_and_end
    values = []
    end = _w(s, end).end()
    if s[end:end + 1] == ']':
        return _finish_array(values, array_hook), end + 1
    while True:
        try:
            value, end = scan_once(s, end)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        values.append(value)
        end = _w(s, end).end()
        nextchar = s[end:end + 1]
        if nextchar == ']':
            return _finish_array(values, array_hook), end + 1
        if nextchar != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end)
        comma = end
        end = _w(s, end + 1).end()
        if s[end:end + 1] == ']':
            raise JSONDecodeError(
                "Illegal trailing comma before end of array", s, comma)


def _finish_array(values, array_hook):
    return values if array_hook is None else array_hook(values)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder.

    Decodes objects to dict, arrays to list, strings to str, integers to
    int, other numbers to float, true/false to True/False, null to None,
    and the extensions NaN, Infinity and -Infinity to floats.

    object_hook and object_pairs_hook replace the dict built for each
    object (the latter gets the ordered list of pairs and takes priority);
    array_hook replaces the list built for each array.
    parse_float, parse_int and parse_constant convert number text and the
    three constants.  strict=False lets strings contain control characters.
    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None, array_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.array_hook = array_hook
        self.parse_object = JSONObject
        self.parse_array = JSONArray
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s, _w=WHITESPACE.match):
        """Return the Python object for the JSON document s (a str)."""
        obj, end = self.raw_decode(s, idx=_w(s, 0).end())
        end = _w(s, end).end()
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON value starting at s[idx]; return (object, index
        just past it).  Text after the value is ignored."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
