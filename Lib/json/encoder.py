"""JSON encoding: JSONEncoder and the pure-Python serializer (used when the
_json accelerator is missing, and always for iterencode() streaming)."""

import re

try:
    from _json import encode_basestring_ascii as c_encode_basestring_ascii
except ImportError:
    c_encode_basestring_ascii = None
try:
    from _json import encode_basestring as c_encode_basestring
except ImportError:
    c_encode_basestring = None
try:
    from _json import make_encoder as c_make_encoder
except ImportError:
    c_make_encoder = None

__all__ = ['JSONEncoder']

ESCAPE = re.compile(r'[\x00-\x1f\\"\b\f\n\r\t]')
ESCAPE_ASCII = re.compile(r'([\\"]|[^\ -~])')
HAS_UTF8 = re.compile(b'[\x80-\xff]')
ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i

INFINITY = float('inf')


def py_encode_basestring(s):
    """Return the JSON string literal for s, non-ASCII characters kept."""
    return '"' + ESCAPE.sub(lambda m: ESCAPE_DCT[m.group(0)], s) + '"'


encode_basestring = c_encode_basestring or py_encode_basestring


def _escape_ascii_char(match):
    ch = match.group(0)
    try:
        return ESCAPE_DCT[ch]
    except KeyError:
        n = ord(ch)
        if n < 0x10000:
            return '\\u{0:04x}'.format(n)
        # Outside the BMP: a UTF-16 surrogate pair.
        n -= 0x10000
        high = 0xd800 | ((n >> 10) & 0x3ff)
        low = 0xdc00 | (n & 0x3ff)
        return '\\u{0:04x}\\u{1:04x}'.format(high, low)


def py_encode_basestring_ascii(s):
    """Return the JSON string literal for s using only ASCII characters."""
    return '"' + ESCAPE_ASCII.sub(_escape_ascii_char, s) + '"'


encode_basestring_ascii = c_encode_basestring_ascii or py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data.

    Serializes dict, list, tuple, str, int, float, True, False and None
    (plus int and float subclasses, enums among them).  Subclass and
    override default() to support other objects.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        """skipkeys: silently skip dict keys that are not str, int, float,
        bool or None (else TypeError).  ensure_ascii: escape non-ASCII
        characters.  check_circular: detect cycles in containers.
        allow_nan: write NaN/Infinity/-Infinity (else ValueError).
        sort_keys: sort dict items by key.  indent: a non-negative int
        (spaces) or a str used for each indentation level; None for the
        most compact layout.  separators: an (item_separator,
        key_separator) tuple; defaults to (', ', ': '), or (',', ': ')
        when indenting.  default: a function returning a serializable
        version of an object that is not, or raising TypeError.
        """
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for o, or raise TypeError.

        Subclasses override this; the base implementation always raises.
        """
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return the JSON text for o as a str."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Serialize o piece by piece: an iterator of str chunks whose
        concatenation is encode(o), for writing large documents without
        building them in memory."""
        markers = {} if self.check_circular else None
        _encoder = (encode_basestring_ascii if self.ensure_ascii
                    else encode_basestring)
        allow_nan = self.allow_nan

        def floatstr(o, _repr=float.__repr__, _inf=INFINITY, _neginf=-INFINITY):
            if o != o:
                text = 'NaN'
            elif o == _inf:
                text = 'Infinity'
            elif o == _neginf:
                text = '-Infinity'
            else:
                return _repr(o)
            if not allow_nan:
                raise ValueError("Out of range float values are not JSON "
                                 "compliant: " + repr(o))
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        if _one_shot and c_make_encoder is not None:
            _iterencode = c_make_encoder(
                markers, self.default, _encoder, indent,
                self.key_separator, self.item_separator, self.sort_keys,
                self.skipkeys, self.allow_nan)
        else:
            _iterencode = _make_iterencode(
                markers, self.default, _encoder, indent, floatstr,
                self.key_separator, self.item_separator, self.sort_keys,
                self.skipkeys, _one_shot)
        return _iterencode(o, 0)


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr,
                     _key_separator, _item_separator, _sort_keys, _skipkeys,
                     _one_shot,
                     ValueError=ValueError, dict=dict, float=float, id=id,
                     int=int, isinstance=isinstance, list=list, str=str,
                     tuple=tuple, _intstr=int.__repr__):
    """Return a generator function serializing one object in chunks.

    markers maps id() of the containers being serialized to the
    containers (None disables the cycle check); it belongs to a single
    iterencode() call.
    """

    def enter(o):
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = o
            return key
        return None

    def leave(key):
        if key is not None:
            del markers[key]

    def scalar(o):
        # The text of a non-container JSON value, or None.
        if isinstance(o, str):
            return _encoder(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return _intstr(o)
        if isinstance(o, float):
            return _floatstr(o)
        return None

    def _iterencode_list(lst, _current_indent_level):
        if not lst:
            yield '[]'
            return
        marker = enter(lst)
        buf = '['
        if _indent is not None:
            _current_indent_level += 1
            newline_indent = '\n' + _indent * _current_indent_level
            separator = _item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = _item_separator
        for i, value in enumerate(lst):
            if i:
                buf = separator
            try:
                text = scalar(value)
                if text is not None:
                    yield buf + text
                else:
                    yield buf
                    yield from _iterencode(value, _current_indent_level)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(lst).__name__} item {i}')
                raise
        if newline_indent is not None:
            _current_indent_level -= 1
            yield '\n' + _indent * _current_indent_level
        yield ']'
        leave(marker)

    def _iterencode_dict(dct, _current_indent_level):
        if not dct:
            yield '{}'
            return
        marker = enter(dct)
        yield '{'
        if _indent is not None:
            _current_indent_level += 1
            newline_indent = '\n' + _indent * _current_indent_level
            item_separator = _item_separator + newline_indent
            yield newline_indent
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        items = sorted(dct.items()) if _sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = _intstr(key)
            elif _skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                yield item_separator
            yield _encoder(key)
            yield _key_separator
            try:
                text = scalar(value)
                if text is not None:
                    yield text
                else:
                    yield from _iterencode(value, _current_indent_level)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(dct).__name__} '
                             f'item {key!r}')
                raise
        if newline_indent is not None:
            _current_indent_level -= 1
            yield '\n' + _indent * _current_indent_level
        yield '}'
        leave(marker)

    def _iterencode(o, _current_indent_level):
        text = scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from _iterencode_list(o, _current_indent_level)
        elif isinstance(o, (dict, frozendict)):
            yield from _iterencode_dict(o, _current_indent_level)
        else:
            marker = enter(o)
            newobj = _default(o)
            try:
                yield from _iterencode(newobj, _current_indent_level)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(o).__name__} object')
                raise
            leave(marker)

    return _iterencode
