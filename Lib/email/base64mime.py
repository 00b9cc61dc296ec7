"""Base64 for MIME: RFC 2047 'B' encoded header words and base64
bodies in lines of limited length."""

__all__ = ['body_decode', 'body_encode', 'decode', 'decodestring',
           'header_encode', 'header_length']

import base64
import binascii
from base64 import b64encode
from binascii import b2a_base64, a2b_base64

from email import errors

CRLF = '\r\n'
NL = '\n'
EMPTYSTRING = ''
MISC_LEN = 7   # the '=?', '?b?' and '?=' around an encoded word


def header_length(bytearray):
    """The length of the base64 form of bytearray."""
    groups, leftover = divmod(len(bytearray), 3)
    return groups * 4 + (4 if leftover else 0)


def header_encode(header_bytes, charset='iso-8859-1'):
    """header_bytes (or a str, encoded in charset) as one 'B' word."""
    if not header_bytes:
        return ''
    if isinstance(header_bytes, str):
        header_bytes = header_bytes.encode(charset)
    encoded = b64encode(header_bytes).decode('ascii')
    return '=?%s?b?%s?=' % (charset, encoded)


def body_encode(s, maxlinelen=76, eol=NL):
    """The bytes s in base64 lines of at most maxlinelen characters,
    each ended by eol."""
    if not s:
        return ''
    per_line = max(maxlinelen * 3 // 4 // 3 * 3, 3)
    lines = []
    for i in range(0, len(s), per_line):
        line = b2a_base64(s[i:i + per_line]).decode('ascii')
        if line.endswith(NL) and eol != NL:
            line = line[:-1] + eol
        lines.append(line)
    return EMPTYSTRING.join(lines)


def decode(string):
    """The bytes of base64 text (str or bytes); '' gives b''."""
    if not string:
        return bytes()
    if isinstance(string, str):
        return a2b_base64(string.encode('raw-unicode-escape'))
    return a2b_base64(string)


body_decode = decode
decodestring = decode


def _decode_with_defects(encoded):
    """(bytes, defects) for base64 bytes that may be damaged, as the
    modern parser decodes them: missing padding is added, characters
    outside the alphabet are skipped, and data that cannot be decoded
    (one character too many for a whole group) comes back unchanged."""
    missing = -len(encoded) % 4
    try:
        value = base64.b64decode(encoded + b'=' * missing, validate=True)
        return value, [errors.InvalidBase64PaddingDefect()] if missing else []
    except binascii.Error:
        pass
    # Not the padding, so characters outside the alphabet: we cannot
    # tell how many, so try without padding, then with the most needed.
    try:
        return (base64.b64decode(encoded, validate=False),
                [errors.InvalidBase64CharactersDefect()])
    except binascii.Error:
        pass
    try:
        return (base64.b64decode(encoded + b'==', validate=False),
                [errors.InvalidBase64CharactersDefect(),
                 errors.InvalidBase64PaddingDefect()])
    except binascii.Error:
        return encoded, [errors.InvalidBase64LengthDefect()]
