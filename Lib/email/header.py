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
    Otherwise every part is bytes; whitespace between two encoded words
    is dropped, leading whitespace of each line is dropped, and
    adjacent parts in one charset are merged (unencoded ones with a
    space between them).
    """
    if hasattr(header, '_chunks'):
        return [(text.encode(charset._codec_name(), 'surrogateescape'),
                 str(charset))
                for text, charset in header._chunks]
    if not ecre.search(header):
        return [(header, None)]
    words = _drop_space_between_encoded(_split_encoded_words(header))
    return _merge_same_charset(
        [_decode_one(text, encoding, charset)
         for text, encoding, charset in words])


def _split_encoded_words(header):
    """(text, encoding, charset) triples of header, line by line; plain
    text has encoding and charset None."""
    words = []
    for line in header.splitlines():
        parts = ecre.split(line)
        plain = parts[0].lstrip()
        if plain:
            words.append((plain, None, None))
        for i in range(1, len(parts), 4):
            charset, encoding, encoded, plain = parts[i:i + 4]
            words.append((encoded, encoding.lower(), charset.lower()))
            if plain:
                words.append((plain, None, None))
    return words


def _drop_space_between_encoded(words):
    """RFC 2047 6.2: whitespace separating two encoded words is not
    part of the text."""
    kept = []
    for word in words:
        if len(kept) >= 2 and word[1] and kept[-2][1] and \
                kept[-1][0].isspace():
            kept.pop()
        kept.append(word)
    return kept


def _decode_one(text, encoding, charset):
    """(bytes, charset) for one word; plain text stays unencoded."""
    if encoding is None:
        return text.encode('raw-unicode-escape'), None
    return _decode_word(charset, encoding, text), charset


def _merge_same_charset(decoded):
    """Runs of parts in one charset as one part; plain runs keep a
    space between their pieces."""
    merged = []
    for data, charset in decoded:
        if merged and merged[-1][1] == charset:
            sep = b' ' if charset is None else b''
            merged[-1] = (merged[-1][0] + sep + data, charset)
        else:
            merged.append((data, charset))
    return merged


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
        implies between encoded and unencoded parts; undecodable bytes
        of unknown-8bit chunks read as U+FFFD."""
        self._normalize()
        pieces = []
        previous = None        # charset of the last chunk (None: ASCII)
        ends_in_space = False
        for text, charset in self._chunks:
            this = charset
            if charset == _charset.UNKNOWN8BIT:
                text = text.encode('ascii', 'surrogateescape').decode(
                    'ascii', 'replace')
            if pieces:
                starts_in_space = bool(text) and _is_separator(text[0])
                if not _is_ascii(previous):
                    if _is_ascii(this) and not starts_in_space:
                        pieces.append(SPACE)
                        this = None
                elif not _is_ascii(this) and not ends_in_space:
                    pieces.append(SPACE)
            ends_in_space = bool(text) and _is_separator(text[-1])
            previous = this
            pieces.append(text)
        return ''.join(pieces)

    def _normalize(self):
        """Merge runs of chunks in one charset into one chunk, their
        texts joined by a space."""
        merged = []
        for text, charset in self._chunks:
            if merged and merged[-1][1] == charset:
                merged[-1] = (merged[-1][0] + SPACE + text, charset)
            else:
                merged.append((text, charset))
        self._chunks = merged

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

    def encode(self, splitchars=';, \t', maxlinelen=None, linesep='\n'):
        """The header as folded, RFC 2047 encoded text.

        Unencoded text is split preferably after the characters of
        splitchars (in that order of preference), encoded text wherever
        an encoded word is full.  maxlinelen 0 means no folding.
        """
        self._normalize()
        if maxlinelen is None:
            maxlinelen = self._maxlinelen
        if maxlinelen == 0:
            maxlinelen = 1000000
        formatter = _ValueFormatter(self._headerlen, maxlinelen,
                                    self._continuation_ws, splitchars)
        for i, (text, charset) in enumerate(self._chunks):
            if i and self._needs_transition(i):
                formatter.add_transition()
            self._feed_chunk(formatter, text, charset)
        if self._chunks:
            formatter.add_transition()
        value = formatter.text(linesep)
        if _EMBEDDED_HEADER.search(value):
            raise HeaderParseError(
                'header value appears to contain an embedded header: '
                '{!r}'.format(value))
        return value

    def _needs_transition(self, i):
        """Whether a space must separate chunk i from chunk i-1: between
        an encoded chunk and a chunk that is encoded too or does not
        start with a space, and before an encoded chunk that follows
        text not ending in a space."""
        before, before_cs = self._chunks[i - 1]
        text, charset = self._chunks[i]
        if not _is_ascii(before_cs):
            starts_in_space = bool(text) and _is_separator(text[0])
            return not starts_in_space or not _is_ascii(charset)
        ends_in_space = bool(before) and _is_separator(before[-1])
        return not _is_ascii(charset) and not ends_in_space

    def _feed_chunk(self, formatter, text, charset):
        """Give one chunk to formatter line by line; a line break in the
        text is kept as a fold."""
        lines = text.splitlines()
        formatter.feed('', lines[0] if lines else '', charset)
        for line in lines[1:]:
            formatter.newline()
            if charset.header_encoding is not None:
                formatter.feed(self._continuation_ws, ' ' + line.lstrip(),
                               charset)
            else:
                stripped = line.lstrip()
                formatter.feed(line[:len(line) - len(stripped)], stripped,
                               charset)
        if len(lines) > 1:
            formatter.newline()


_EMBEDDED_HEADER = re.compile(r'\n[^ \t]+:')
_FWS = ' \t'


def _is_ascii(charset):
    return charset in (None, 'us-ascii')


def _is_separator(ch):
    """Characters after which no space is added between chunks."""
    return ch.isspace() or ch in ('(', ')', '\\')


class _Line(list):
    """The line being built: (whitespace, text) parts after a prefix of
    prefix_len characters (the header name, first line only)."""

    def __init__(self, prefix_len=0):
        super().__init__()
        self.prefix_len = prefix_len

    def push(self, fws, text):
        self.append((fws, text))

    def pop_last(self):
        return self.pop() if self.part_count() else ('', '')

    def pop_from(self, i):
        tail = self[i:]
        del self[i:]
        return tail

    def width(self):
        return self.prefix_len + sum(len(fws) + len(text)
                                     for fws, text in self)

    def __str__(self):
        return ''.join(fws + text for fws, text in self)

    def reset(self, parts=()):
        self[:] = parts
        self.prefix_len = 0

    def is_only_space(self):
        return self.prefix_len == 0 and (not self or str(self).isspace())

    def part_count(self):
        return list.__len__(self)


class _ValueFormatter:
    """Builds the folded lines of a Header.  Not shared: each encode()
    call has its own."""

    def __init__(self, headerlen, maxlen, continuation_ws, splitchars):
        self._maxlen = maxlen
        self._continuation_ws = continuation_ws
        self._splitchars = splitchars
        self._lines = []
        self._current = _Line(headerlen)

    def text(self, linesep):
        self.newline()
        return linesep.join(self._lines)

    def newline(self):
        """End the current line (dropping a pending transition space);
        a line of only whitespace joins the previous line."""
        last = self._current.pop_last()
        if last != (' ', ''):
            self._current.push(*last)
        if self._current.width() > 0:
            if self._current.is_only_space() and self._lines:
                self._lines[-1] += str(self._current)
            else:
                self._lines.append(str(self._current))
        self._current.reset()

    def add_transition(self):
        self._current.push(' ', '')

    def feed(self, fws, text, charset):
        if charset.header_encoding is None:
            self._ascii_split(fws, text)
            return
        words = charset.header_encode_lines(text, self._room())
        if not words:
            return
        first = words.pop(0)
        if first is not None:
            self._append_chunk(fws, first)
        if not words:
            return
        last = words.pop()
        self.newline()
        self._current.push(self._continuation_ws, last)
        for word in words:
            self._lines.append(self._continuation_ws + word)

    def _room(self):
        """Widths for encoded words: the rest of this line, then whole
        continuation lines."""
        yield self._maxlen - self._current.width()
        while True:
            yield self._maxlen - len(self._continuation_ws)

    def _ascii_split(self, fws, text):
        parts = re.split('([' + _FWS + ']+)', fws + text)
        if parts[0]:
            parts.insert(0, '')
        else:
            parts.pop(0)
        for i in range(0, len(parts), 2):
            self._append_chunk(parts[i], parts[i + 1])

    def _split_point(self):
        """Index of the part to start the next line with: the last place
        after a splitchar (earlier splitchars preferred), or None."""
        line = self._current
        for ch in self._splitchars:
            for i in range(line.part_count() - 1, 0, -1):
                if ch.isspace() and line[i][0][:1] == ch:
                    return i
                before = line[i - 1][1]
                if before and before[-1] == ch:
                    return i
        return None

    def _append_chunk(self, fws, text):
        self._current.push(fws, text)
        if self._current.width() <= self._maxlen:
            return
        i = self._split_point()
        if i is None:
            # Nothing to split at: an over-long word goes on its own
            # line, unless it already starts the value.
            fws, text = self._current.pop_last()
            if self._current.prefix_len > 0:
                self.newline()
                if not fws:
                    fws = ' '
            self._current.push(fws, text)
            return
        rest = self._current.pop_from(i)
        self._lines.append(str(self._current))
        self._current.reset(rest)
