"""General functions for HTML: escaping and unescaping text."""

import re as _re
from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace &, < and > in s by HTML-safe sequences; with quote true
    (the default) also " and ', so the result fits in an attribute value."""
    s = s.replace('&', '&amp;')
    s = s.replace('<', '&lt;')
    s = s.replace('>', '&gt;')
    if quote:
        s = s.replace('"', '&quot;')
        s = s.replace("'", '&#x27;')
    return s


def _numeric_replacements():
    """HTML5's fix-ups for numeric references to C1 controls: most name
    the character windows-1252 puts at that byte, the way old pages meant
    them; the few windows-1252 leaves undefined stay as they are."""
    table = {0x00: '\ufffd', 0x0d: '\r'}
    for code in range(0x80, 0xa0):
        try:
            table[code] = bytes([code]).decode('cp1252')
        except UnicodeDecodeError:
            table[code] = chr(code)
    return table


_NUMERIC_REPLACEMENTS = _numeric_replacements()


def _is_dropped_codepoint(code):
    # Controls and noncharacters that a numeric reference may not produce.
    return (0x01 <= code <= 0x08 or code == 0x0b or 0x0e <= code <= 0x1f
            or 0x7f <= code <= 0x9f or 0xfdd0 <= code <= 0xfdef
            or (code & 0xfffe) == 0xfffe)


def _replace_numeric(digits):
    if digits[0] in 'xX':
        code = int(digits[1:].rstrip(';'), 16)
    else:
        code = int(digits.rstrip(';'))
    if code in _NUMERIC_REPLACEMENTS:
        return _NUMERIC_REPLACEMENTS[code]
    if 0xd800 <= code <= 0xdfff or code > 0x10ffff:
        return '\ufffd'
    if _is_dropped_codepoint(code):
        return ''
    return chr(code)


def _replace_named(name):
    if name in _html5:
        return _html5[name]
    # A legacy reference like "&notit;" means "&not" followed by "it;":
    # take the longest known prefix.
    for end in range(len(name) - 1, 1, -1):
        prefix = name[:end]
        if prefix in _html5:
            return _html5[prefix] + name[end:]
    return '&' + name


def _replace_charref(match):
    ref = match.group(1)
    if ref[0] == '#':
        return _replace_numeric(ref[1:])
    return _replace_named(ref)


_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    """Replace every named and numeric character reference in s (&gt;,
    &#62;, &#x3e;) by its character, following the HTML5 rules."""
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
