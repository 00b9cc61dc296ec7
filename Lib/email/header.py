"""RFC 2047 encoded headers: Header builds them, decode_header takes
them apart, make_header turns decode_header's output back into a Header."""

__all__ = ['Header', 'decode_header', 'make_header']

import re

from email import charset as _charset
from email.errors import HeaderParseError

Charset = _charset.Charset
USASCII = Charset('us-ascii')
UTF8 = Charset('utf-8')
NL = '\n'
SPACE = ' '
MAXLINELEN = 78

ecre = re.compile(r'=\?([^?]*?)\?([qQbB])\?(.*?)\?=', re.VERBOSE | re.MULTILINE)


def _decode_word(charset, encoding, text):
    if encoding.lower() == 'q':
        return _charset.q_decode(text)
    try:
        return _charset.b_decode(text)
    except Exception:
        raise HeaderParseError('Base64 decoding error')


def decode_header(header):
    """The parts of a header as (bytes-or-str, charset) pairs.

    A header without encoded words comes back as [(header, None)].
    Otherwise every part is bytes, whitespace between adjacent encoded
    words is dropped, and adjacent parts in one charset are merged.
    """
    if hasattr(header, '_chunks'):
        return [(text.encode(charset.output_codec or 'us-ascii',
                             'surrogateescape'), _charset_name(charset))
                for text, charset in header._chunks]
    if not ecre.search(header):
        return [(header, None)]
    header = re.sub(r'(\r\n|\r|\n)(?=[ \t])', '', header)
    parts = []     # (bytes, charset or None, was_encoded)
    pos = 0
    for match in ecre.finditer(header):
        between = header[pos:match.start()]
        if between and not (between.isspace() and parts and parts[-1][2]):
            parts.append((between.encode('raw-unicode-escape'), None, False))
        charset = match.group(1).lower().split('*', 1)[0]
        data = _decode_word(charset, match.group(2), match.group(3))
        parts.append((data, charset, True))
        pos = match.end()
    tail = header[pos:]
    if tail:
        parts.append((tail.encode('raw-unicode-escape'), None, False))
    merged = []
    for data, charset, _ in parts:
        if merged and merged[-1][1] == charset:
            merged[-1] = (merged[-1][0] + data, charset)
        else:
            merged.append((data, charset))
    # Unencoded text next to encoded words keeps a separating space only.
    result = []
    for i, (data, charset) in enumerate(merged):
        if charset is None and len(merged) > 1:
            if i > 0:
                data = b' ' + data.lstrip() if data.strip() else data
            if i < len(merged) - 1:
                data = data.rstrip() + b' ' if data.strip() else data
        result.append((data, charset))
    return result


def make_header(decoded_seq, maxlinelen=None, header_name=None,
                continuation_ws=' '):
    """A Header from a sequence of (text, charset) pairs as returned by
    decode_header()."""
    h = Header(maxlinelen=maxlinelen, header_name=header_name,
               continuation_ws=continuation_ws)
    for text, charset in decoded_seq:
        if charset is not None and not isinstance(charset, Charset):
            charset = Charset(charset)
        h.append(text, charset)
    return h


class Header:
    """A header value made of chunks, each in its own charset."""

    def __init__(self, s=None, charset=None, maxlinelen=None,
                 header_name=None, continuation_ws=' ', errors='strict'):
        if charset is None:
            charset = USASCII
        elif not isinstance(charset, Charset):
            charset = Charset(charset)
        self._charset = charset
        self._continuation_ws = continuation_ws
        self._chunks = []
        if s is not None:
            self.append(s, charset, errors)
        if maxlinelen is None:
            maxlinelen = MAXLINELEN
        self._maxlinelen = maxlinelen
        self._headerlen = 0 if header_name is None else len(header_name) + 2

    def __str__(self):
        """The header as text, chunks joined with the spaces RFC 2047
        implies between encoded and unencoded parts."""
        pieces = []
        previous = None
        for text, charset in self._chunks:
            this = str(charset)
            if pieces and previous is not None:
                # A space separates an unencoded chunk from its neighbour.
                if (previous in ('us-ascii', None)) != \
                        (this in ('us-ascii', None)):
                    if not pieces[-1].endswith((' ', '\t')) and \
                            not text.startswith((' ', '\t')):
                        pieces.append(SPACE)
            pieces.append(text)
            previous = this
        return ''.join(pieces)

    def __eq__(self, other):
        return other == str(self)

    def __hash__(self):
        return hash(str(self))

    def append(self, s, charset=None, errors='strict'):
        """Add s; bytes are decoded with charset, and text that does not
        fit charset moves to utf-8."""
        if charset is None:
            charset = self._charset
        elif not isinstance(charset, Charset):
            charset = Charset(charset)
        if not isinstance(s, str):
            codec = charset.input_codec or 'us-ascii'
            if codec == _charset.UNKNOWN8BIT:
                s = s.decode('ascii', 'surrogateescape')
            else:
                s = s.decode(codec, errors)
        output = charset.output_codec or 'us-ascii'
        if output == _charset.UNKNOWN8BIT:
            pass
        else:
            try:
                s.encode(output, errors)
            except UnicodeEncodeError:
                if output != 'us-ascii':
                    raise
                charset = UTF8
        self._chunks.append((s, charset))

    def _words(self):
        """(text, charset) runs: ASCII chunks split into words, others
        kept whole so they become encoded words."""
        for text, charset in self._chunks:
            if charset.header_encoding is None:
                yield text, None
            else:
                yield text, charset

    def _line_budgets(self, maxlinelen):
        """Room for encoded words: the first line holds the header name,
        the others start with the continuation whitespace."""
        first = max(maxlinelen - self._headerlen, 20)
        rest = max(maxlinelen - len(self._continuation_ws), 20)
        return _budgets(first, rest)

    def encode(self, splitchars=';, \t', maxlinelen=None, linesep='\n'):
        """The header as folded, RFC 2047 encoded text."""
        if maxlinelen is None:
            maxlinelen = self._maxlinelen
        if maxlinelen == 0:
            maxlinelen = 1000000
        pieces = []
        for text, charset in self._words():
            if charset is None:
                if _charset_needs_8bit(text):
                    pieces.append(_unknown8bit_word(text))
                    continue
                pieces.append(text)
            else:
                words = charset.header_encode_lines(
                    text, self._line_budgets(maxlinelen))
                pieces.append(SPACE.join(words))
        value = ''
        for piece in pieces:
            if value and not value.endswith((' ', '\t')) and \
                    not piece.startswith((' ', '\t')):
                value += SPACE
            value += piece
        return _fold_text(value, maxlinelen, self._headerlen,
                          self._continuation_ws, linesep, splitchars)


def _budgets(first, rest):
    yield first
    while True:
        yield rest


def _charset_name(charset):
    name = str(charset)
    return None if name == 'us-ascii' else name


def _charset_needs_8bit(text):
    try:
        text.encode('ascii')
        return False
    except UnicodeEncodeError:
        return True


def _unknown8bit_word(text):
    data = text.encode('ascii', 'surrogateescape')
    return '=?unknown-8bit?q?%s?=' % _charset.q_encode(data)


def _fold_text(value, maxlinelen, first_offset, continuation_ws, linesep,
               splitchars=' \t'):
    """Fold value into lines of at most maxlinelen characters, breaking
    before whitespace; a word longer than a line is left whole."""
    if '\n' in value or '\r' in value:
        lines = re.split(r'\r\n|\r|\n', value)
        return linesep.join(lines)
    words = re.split(r'(?=[ \t])', value)
    lines = []
    current = ''
    limit = maxlinelen - first_offset
    for word in words:
        if current and len(current) + len(word) > limit:
            lines.append(current)
            current = word if word[:1] in (' ', '\t') else \
                continuation_ws + word
            limit = maxlinelen
        else:
            current += word
    lines.append(current)
    return linesep.join(lines)
