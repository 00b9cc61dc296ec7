"""Character sets as the email package sees them: which encoding a
charset uses in headers (RFC 2047) and in bodies, and under which name.
"""

__all__ = ['Charset', 'add_alias', 'add_charset', 'add_codec']

import base64
import binascii
import re

from email import errors
from email.encoders import encode_7or8bit

QP = 1          # quoted-printable
BASE64 = 2      # base64
SHORTEST = 3    # whichever of the two is shorter (headers only)

RFC2047_CHROME_LEN = 7   # the '=?', '?x?' and '?=' around an encoded word
DEFAULT_CHARSET = 'us-ascii'
UNKNOWN8BIT = 'unknown-8bit'
EMPTYSTRING = ''

# charset name -> (header encoding, body encoding, output charset)
CHARSETS = {
    'iso-8859-1': (QP, QP, None),
    'iso-8859-2': (QP, QP, None),
    'iso-8859-3': (QP, QP, None),
    'iso-8859-4': (QP, QP, None),
    'iso-8859-9': (QP, QP, None),
    'iso-8859-10': (QP, QP, None),
    'iso-8859-13': (QP, QP, None),
    'iso-8859-14': (QP, QP, None),
    'iso-8859-15': (QP, QP, None),
    'iso-8859-16': (QP, QP, None),
    'windows-1252': (QP, QP, None),
    'viscii': (QP, QP, None),
    'us-ascii': (None, None, None),
    'big5': (BASE64, BASE64, None),
    'gb2312': (BASE64, BASE64, None),
    'euc-jp': (BASE64, None, 'iso-2022-jp'),
    'shift_jis': (BASE64, None, 'iso-2022-jp'),
    'iso-2022-jp': (BASE64, None, None),
    'koi8-r': (BASE64, BASE64, None),
    'utf-8': (SHORTEST, BASE64, 'utf-8'),
}

ALIASES = {
    'latin_1': 'iso-8859-1', 'latin-1': 'iso-8859-1',
    'latin_2': 'iso-8859-2', 'latin-2': 'iso-8859-2',
    'latin_3': 'iso-8859-3', 'latin-3': 'iso-8859-3',
    'latin_4': 'iso-8859-4', 'latin-4': 'iso-8859-4',
    'latin_5': 'iso-8859-9', 'latin-5': 'iso-8859-9',
    'latin_6': 'iso-8859-10', 'latin-6': 'iso-8859-10',
    'latin_7': 'iso-8859-13', 'latin-7': 'iso-8859-13',
    'latin_8': 'iso-8859-14', 'latin-8': 'iso-8859-14',
    'latin_9': 'iso-8859-15', 'latin-9': 'iso-8859-15',
    'latin_10': 'iso-8859-16', 'latin-10': 'iso-8859-16',
    'cp949': 'ks_c_5601-1987',
    'euc_jp': 'euc-jp', 'euc_kr': 'euc-kr',
    'ascii': 'us-ascii',
}

# charset name -> Python codec name (None: no conversion possible)
CODEC_MAP = {
    'gb2312': 'eucgb2312_cn',
    'big5': 'big5_tw',
    'us-ascii': None,
}


def add_charset(charset, header_enc=None, body_enc=None, output_charset=None):
    """Register how charset is encoded in headers and bodies."""
    if body_enc == SHORTEST:
        raise ValueError('SHORTEST not allowed for body_enc')
    CHARSETS[charset] = (header_enc, body_enc, output_charset)


def add_alias(alias, canonical):
    """Make alias another name for the charset canonical."""
    ALIASES[alias] = canonical


def add_codec(charset, codecname):
    """Use the Python codec codecname for charset."""
    CODEC_MAP[charset] = codecname


# -- RFC 2047 'Q' and 'B' encodings ---------------------------------------

_Q_SAFE = frozenset(b'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
                    b'0123456789!*+-/')


def q_encode(data):
    """The RFC 2047 'Q' form of bytes data (no chrome)."""
    out = []
    for byte in data:
        if byte == 0x20:
            out.append('_')
        elif byte in _Q_SAFE:
            out.append(chr(byte))
        else:
            out.append('=%02X' % byte)
    return ''.join(out)


def q_decode(text):
    """Bytes from the RFC 2047 'Q' form text."""
    text = text.replace('_', ' ')
    return re.sub(rb'=([0-9A-Fa-f]{2})',
                  lambda m: bytes((int(m.group(1), 16),)),
                  text.encode('ascii', 'surrogateescape'))


def q_length(data):
    return sum(1 if (b in _Q_SAFE or b == 0x20) else 3 for b in data)


def b_length(data):
    return (len(data) + 2) // 3 * 4


def b_decode(text):
    """Bytes from base64 text, tolerating missing padding."""
    text = text.strip()
    missing = -len(text) % 4
    try:
        return base64.b64decode(text + '=' * missing)
    except binascii.Error:
        return base64.b64decode(text + '=' * missing, validate=False)


class Charset:
    """A charset and how email encodes text in it.

    input_charset is the name given (canonicalized); output_charset the
    charset text is converted to before encoding; header_encoding and
    body_encoding are QP, BASE64, SHORTEST or None.
    """

    def __init__(self, input_charset=DEFAULT_CHARSET):
        try:
            if isinstance(input_charset, str):
                input_charset.encode('ascii')
            else:
                input_charset = str(input_charset, 'ascii')
        except UnicodeError:
            raise errors.CharsetError(input_charset)
        input_charset = input_charset.lower()
        self.input_charset = ALIASES.get(input_charset, input_charset)
        henc, benc, conv = CHARSETS.get(self.input_charset,
                                        (SHORTEST, BASE64, None))
        if not conv:
            conv = self.input_charset
        self.header_encoding = henc
        self.body_encoding = benc
        self.output_charset = ALIASES.get(conv, conv)
        self.input_codec = CODEC_MAP.get(self.input_charset,
                                         self.input_charset)
        self.output_codec = CODEC_MAP.get(self.output_charset,
                                          self.output_charset)

    def __repr__(self):
        return self.input_charset.lower()

    __str__ = __repr__

    def __eq__(self, other):
        return str(self) == str(other).lower()

    def __hash__(self):
        return hash(str(self))

    def get_body_encoding(self):
        """The Content-Transfer-Encoding for bodies in this charset: a
        string, or encode_7or8bit when no encoding is needed."""
        assert self.body_encoding != SHORTEST
        if self.body_encoding == QP:
            return 'quoted-printable'
        if self.body_encoding == BASE64:
            return 'base64'
        return encode_7or8bit

    def get_output_charset(self):
        return self.output_charset or self.input_charset

    def _codec_name(self):
        # unknown-8bit text holds raw bytes as surrogates; see utils.
        if self.output_codec in (None, UNKNOWN8BIT):
            return 'us-ascii'
        return self.output_codec

    def _uses_base64(self, data):
        """Whether data is written as 'B' (else 'Q') encoded words."""
        if self.header_encoding == SHORTEST:
            return b_length(data) < q_length(data)
        return self.header_encoding == BASE64

    def _encoded_word(self, data, use_b):
        charset = self.get_output_charset()
        if use_b:
            body = base64.b64encode(data).decode('ascii')
            return f'=?{charset}?b?{body}?='
        return f'=?{charset}?q?{q_encode(data)}?='

    def header_encode(self, string):
        """string as one RFC 2047 encoded word (or unchanged if this
        charset needs no header encoding)."""
        data = string.encode(self._codec_name(), 'surrogateescape')
        if self.header_encoding is None:
            return string           # the encode above checked it fits
        return self._encoded_word(data, self._uses_base64(data))

    def header_encode_lines(self, string, maxlengths):
        """string as a list of encoded words, each fitting the next
        length taken from the iterator maxlengths.  One encoding ('B' or
        'Q', chosen for the whole string) is used for all of them."""
        codec = self._codec_name()
        use_b = self._uses_base64(string.encode(codec, 'surrogateescape'))

        def encode(text):
            return self._encoded_word(text.encode(codec, 'surrogateescape'),
                                      use_b)
        # The first element is None when not even one character fits
        # in the first length (the caller then starts a new line).
        lines = []
        current = ''
        maxlen = next(maxlengths)
        for ch in string:
            candidate = current + ch
            if len(encode(candidate)) > maxlen:
                lines.append(encode(current) if lines or current else None)
                maxlen = next(maxlengths)
                current = ch
            else:
                current = candidate
        lines.append(encode(current))
        return lines

    def body_encode(self, string):
        """Encode a body (str) with this charset's body encoding."""
        if not string:
            return string
        if self.body_encoding == BASE64:
            if isinstance(string, str):
                string = string.encode(self.output_charset)
            return base64.encodebytes(string).decode('ascii')
        if self.body_encoding == QP:
            if isinstance(string, str):
                string = string.encode(self.output_charset)
            return binascii.b2a_qp(string).decode('latin-1')
        return string
