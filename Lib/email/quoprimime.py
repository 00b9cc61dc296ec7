"""Quoted-printable for MIME: RFC 2047 'Q' encoded header words and
RFC 2045 quoted-printable bodies, on str (one character per byte)."""

__all__ = ['body_decode', 'body_encode', 'body_length', 'decode',
           'decodestring', 'header_decode', 'header_encode',
           'header_length', 'quote', 'unquote']

import re
from string import ascii_letters, digits, hexdigits

CRLF = '\r\n'
NL = '\n'
EMPTYSTRING = ''

# Byte values left as themselves in headers and in bodies.
_HEADER_SAFE = frozenset(map(ord, '-!*+/' + ascii_letters + digits))
_BODY_SAFE = frozenset(range(33, 127)) - {ord('=')} | {ord(' '), ord('\t')}


def header_check(octet):
    """Whether the byte value octet needs quoting in a header."""
    return octet not in _HEADER_SAFE


def body_check(octet):
    """Whether the byte value octet needs quoting in a body."""
    return octet not in _BODY_SAFE


def header_length(bytearray):
    """The length of the 'Q' form of bytearray."""
    return sum(1 if (b in _HEADER_SAFE or b == 32) else 3 for b in bytearray)


def body_length(bytearray):
    """The length of the quoted-printable body form of bytearray
    (without soft line breaks)."""
    return sum(1 if b in _BODY_SAFE else 3 for b in bytearray)


def quote(c):
    """'=XX' for the one-character string c."""
    return '=%02X' % ord(c)


def unquote(s):
    """The character of an '=XX' escape."""
    return chr(int(s[1:3], 16))


def header_encode(header_bytes, charset='iso-8859-1'):
    """header_bytes as one 'Q' encoded word."""
    if not header_bytes:
        return ''
    encoded = ''.join('_' if b == 32 else
                      chr(b) if b in _HEADER_SAFE else '=%02X' % b
                      for b in header_bytes)
    return '=?%s?q?%s?=' % (charset, encoded)


def _quote_body_char(ch):
    """ch as it appears in a quoted-printable body; line breaks stay
    (the caller splits lines after quoting, so a quoted U+0085 or
    U+2028 is not taken for one)."""
    o = ord(ch)
    if o in _BODY_SAFE or ch in CRLF or o > 255:
        return ch
    return '=%02X' % o


def _cut_line(line, maxlinelen, out):
    """Append to out the soft-broken pieces of the quoted line, never
    cutting an '=XX' escape (a line may end at an escape's '=', which
    then serves as the soft break and starts the next piece); return
    the index where the unwritten rest starts."""
    start = 0
    last_start = len(line) - 1 - maxlinelen
    while start <= last_start:
        stop = start + maxlinelen - 1
        if line[stop - 2] == '=':
            out.append(line[start:stop - 1])
            start = stop - 2
        elif line[stop - 1] == '=':
            out.append(line[start:stop])
            start = stop - 1
        else:
            out.append(line[start:stop] + '=')
            start = stop
    return start, last_start


def _end_of_line(line, start, last_start, eol):
    """The rest of line from start; a final space or tab is quoted or
    followed by a soft break, whichever fits."""
    if not line or line[-1] not in ' \t':
        return line[start:]
    room = start - last_start
    if room >= 3:
        tail = quote(line[-1])
    elif room == 2:
        tail = line[-1] + '=' + eol
    else:
        tail = '=' + eol + quote(line[-1])
    return line[start:-1] + tail


def body_encode(body, maxlinelen=76, eol=NL):
    """body (str, one character per byte) quoted-printable, in lines of
    at most maxlinelen characters joined by eol."""
    if maxlinelen < 4:
        raise ValueError('maxlinelen must be at least 4')
    if not body:
        return body
    quoted = ''.join(map(_quote_body_char, body))
    out = []
    for line in quoted.splitlines():
        start, last_start = _cut_line(line, maxlinelen, out)
        out.append(_end_of_line(line, start, last_start, eol))
    if body[-1] in CRLF:
        out.append('')
    return eol.join(out)


def decode(encoded, eol=NL):
    """Undo quoted-printable: soft breaks joined, escapes decoded,
    lines ended by eol."""
    if not encoded:
        return encoded
    decoded = ''
    for line in encoded.splitlines():
        line = line.rstrip()
        if not line:
            decoded += eol
            continue
        i = 0
        n = len(line)
        while i < n:
            c = line[i]
            if c != '=':
                decoded += c
                i += 1
            elif i + 1 == n:
                # A soft line break: the next line continues this one.
                i += 1
                continue
            elif (i + 2 < n and line[i + 1] in hexdigits
                  and line[i + 2] in hexdigits):
                decoded += unquote(line[i:i + 3])
                i += 3
            else:
                decoded += c
                i += 1
            if i == n:
                decoded += eol
    if encoded[-1] not in '\r\n' and decoded.endswith(eol):
        decoded = decoded[:-len(eol)]
    return decoded


body_decode = decode
decodestring = decode


def header_decode(s):
    """The text of a 'Q' encoded word's payload ('_' is a space)."""
    s = s.replace('_', ' ')
    return re.sub(r'=[a-fA-F0-9]{2}', lambda m: unquote(m.group(0)), s,
                  flags=re.ASCII)
