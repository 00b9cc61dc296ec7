"""Python codec iso2022_jp_ext: Japanese (ISO-2022-JP with JIS X 0212 and
the JIS X 0201 half-width katakana set, ESC ( I).

The C library has no converter for it: the katakana set is handled here,
everything else by the C library's "ISO-2022-JP-2" (a superset) limited
to the designations of this encoding; see encodings/_multibyte.py.
"""

from _iconv_codec import DONE, ILLEGAL, INCOMPLETE, Converter
from encodings._multibyte import _EscapeCheckedConverter, build_with_converter

# The designations (the bytes after ESC) this encoding accepts, besides
# the katakana set's "(I".
_ESCAPES = (
    b"(B", b"(J", b")B", b")J", b"$@", b"$B", b"$D", b"$(@", b"$(B",
    b"$(D", b"$)@", b"$)B", b"$)D",
)
_KATAKANA = b"\x1b(I"
_TO_ASCII = b"\x1b(B"
# JIS X 0201 katakana: bytes 0x21-0x5F are U+FF61-U+FF9F.
_FIRST_BYTE, _LAST_BYTE, _FIRST_CHAR = 0x21, 0x5F, 0xFF61


class _KatakanaConverter:
    """The ISO-2022-JP-2 converter with the katakana set added.  In
    katakana mode, which lasts until the next designation, bytes below
    0x20 are control characters as in ASCII.  One object serves one
    thread at a time, like the codec objects that own it."""

    def __init__(self, decode):
        self._inner = _EscapeCheckedConverter(
            Converter("ISO-2022-JP-2", decode=decode), _ESCAPES + (b"(I",),
            None if decode else _ESCAPES)
        self._katakana = False
        self.illegal_length = 1

    def reset(self):
        self._inner.reset()
        self._katakana = False

    def decode(self, data):
        pieces = []
        position = 0
        while position < len(data):
            if self._katakana:
                byte = data[position]
                if byte == 0x1B:
                    if len(data) - position < 3:
                        return "".join(pieces), position, INCOMPLETE
                    if data[position:position + 3] == _KATAKANA:
                        position += 3
                        continue
                    self._katakana = False
                    continue
                if byte < 0x20:
                    pieces.append(chr(byte))
                elif _FIRST_BYTE <= byte <= _LAST_BYTE:
                    pieces.append(chr(_FIRST_CHAR + byte - _FIRST_BYTE))
                else:
                    self.illegal_length = 1
                    return "".join(pieces), position, ILLEGAL
                position += 1
                continue
            start = data.find(_KATAKANA, position)
            end = len(data) if start < 0 else start
            text, used, reason = self._inner.decode(data[position:end])
            pieces.append(text)
            self.illegal_length = self._inner.illegal_length
            if reason != DONE or position + used < end:
                return "".join(pieces), position + used, reason
            position = end
            if start >= 0:
                self._katakana = True
                position += 3
        return "".join(pieces), position, DONE

    def encode(self, text, final=False):
        pieces = []
        position = 0
        while position < len(text):
            code = ord(text[position])
            if _FIRST_CHAR <= code <= _FIRST_CHAR + _LAST_BYTE - _FIRST_BYTE:
                if not self._katakana:
                    pieces.append(_KATAKANA)
                    self._katakana = True
                pieces.append(bytes([code - _FIRST_CHAR + _FIRST_BYTE]))
                position += 1
                continue
            leaving_katakana = self._katakana
            if leaving_katakana:
                # The inner converter starts over in ASCII: it designates
                # any other set itself, ASCII needs ESC ( B from here.
                self._inner.reset()
                self._katakana = False
            end = position
            while end < len(text) and not (
                    _FIRST_CHAR <= ord(text[end])
                    <= _FIRST_CHAR + _LAST_BYTE - _FIRST_BYTE):
                end += 1
            encoded, used, reason = self._inner.encode(
                text[position:end], final and end == len(text))
            if leaving_katakana and not encoded.startswith(b"\x1b"):
                pieces.append(_TO_ASCII)
            pieces.append(encoded)
            if reason != DONE:
                return b"".join(pieces), position + used, reason
            position = end
        if final and self._katakana:
            pieces.append(_TO_ASCII)
            self._inner.reset()
            self._katakana = False
        return b"".join(pieces), len(text), DONE


(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build_with_converter("iso2022_jp_ext", _KatakanaConverter)
