"""Big5's ETEN block C6A1..C7FC (kana, Cyrillic, circled and bracketed
numbers) as CPython's big5 and cp950 read it, for
encodings/_multibyte.Adjustments.sequences.

The C library reads these codes as private-use characters (U+F6B1..), and
C7FD..C8FE too, which CPython's codecs refuse; codecs using this module
refuse U+F6B1..U+F848 when encoding.  A codec may name further codes to
refuse when decoding (`refused`).
"""

from _iconv_codec import INCOMPLETE

# (first code, first character, count): runs of consecutive characters
# laid out in Big5 order from the first code on.
_RUNS = (
    (0xC6A1, 0x30FE, 1),   # katakana voiced iteration mark
    (0xC6A2, 0x309D, 2),   # hiragana iteration marks
    (0xC6A4, 0x3005, 1),   # ideographic iteration mark
    (0xC6A5, 0x3041, 83),  # hiragana, small a .. n
    (0xC6F8, 0x30A1, 86),  # katakana, small a .. small ke
    (0xC7B1, 0x0414, 2),   # Cyrillic capitals De, Ie
    (0xC7B3, 0x0401, 1),   # Io
    (0xC7B4, 0x0416, 7),   # Zhe .. Em
    (0xC7BB, 0x0423, 19),  # U .. Ya, a .. ie
    (0xC7CE, 0x0451, 1),   # io
    (0xC7CF, 0x0436, 26),  # zhe .. ya
    (0xC7E9, 0x2460, 10),  # circled digits 1..10
    (0xC7F3, 0x2474, 10),  # parenthesized digits 1..10
)

# The private-use characters the C library gives for C6A1..C8FE.
PRIVATE_USE = "\uf6b1-\uf848"

_TRAILS = 157  # 0x40..0x7E and 0xA1..0xFE


def _index(code):
    """The place of a two-byte Big5 code in lead-byte-major order."""
    trail = code & 0xFF
    return (code >> 8) * _TRAILS + (trail - 0x40 if trail < 0x7F
                                    else trail - 0xA1 + 0x3F)


def _code(index):
    lead, trail = divmod(index, _TRAILS)
    return lead << 8 | (trail + 0x40 if trail < 0x3F else trail - 0x3F + 0xA1)


def _block():
    """{code: character} of the block."""
    table = {}
    for first, char, count in _RUNS:
        start = _index(first)
        for offset in range(count):
            table[_code(start + offset)] = chr(char + offset)
    return table


class EtenBlock:
    """The sequences object of a Big5 codec.  Its tables are built once
    and only read afterwards, so threads share it without a lock."""

    def __init__(self, refused=()):
        self._decoding = _block()
        self._encoding = {char: code.to_bytes(2, "big")
                          for code, char in self._decoding.items()}
        # C7FD..C8FE: private-use in the C library, undefined in CPython.
        self._refused = ((0xC7FD, 0xC8FE),) + tuple(refused)
        leads = {0xC6, 0xC7, 0xC8}
        for first, last in self._refused:
            leads.update(range(first >> 8, (last >> 8) + 1))
        self._leads = bytes(sorted(leads))

    def _special(self, code):
        return code in self._decoding or any(
            first <= code <= last for first, last in self._refused)

    def find(self, data, start, limit):
        """Where the first code of the block or a refused code starts,
        stepping over whole characters from start (which is one's start)."""
        if not any(lead in data[start:limit] for lead in self._leads):
            return limit
        position = start
        while position < limit:
            if data[position] < 0x80:
                position += 1
                continue
            if position + 1 == limit:
                return position if data[position] in self._leads else limit
            if self._special(data[position] << 8 | data[position + 1]):
                return position
            position += 2
        return limit

    def decode(self, data, position, converter):
        if position + 1 == len(data):
            if data[position] in self._leads:
                return INCOMPLETE
            return None
        char = self._decoding.get(data[position] << 8 | data[position + 1])
        return None if char is None else (char, position + 2)

    def encode(self, char, converter):
        return self._encoding.get(char)
