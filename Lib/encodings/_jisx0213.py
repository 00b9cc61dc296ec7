"""Where CPython's JIS X 0213 codecs (euc_jis_2004, euc_jisx0213,
shift_jis_2004, shift_jisx0213) differ from the C library's EUC-JISX0213
and SHIFT_JISX0213: adjustments() gives their
encodings/_multibyte.Adjustments.

- Three symbols: the C library reads 1-1-29 as an em dash and 1-2-54,
  1-2-55 as full-width white parentheses; CPython as a horizontal bar and
  white parentheses.
- The 2000 editions (euc_jisx0213, shift_jisx0213) lack the ten codes JIS
  X 0213:2004 added to plane 1, and read 2-94-27 as U+9B1D, not U+9B1C.
- CPython's EUC codecs also read and write JIS X 0212 (0x8F and two
  bytes, as in euc_jp) in the rows that JIS X 0213 plane 2 leaves free.
"""

from _iconv_codec import INCOMPLETE
from encodings._multibyte import Adjustments

# {the C library's character: CPython's}
_SYMBOLS = {"\u2014": "\u2015", "\uff5f": "\u2985", "\uff60": "\u2986"}

# The rows of JIS X 0213 plane 2; JIS X 0212 has none of them.
PLANE_2_ROWS = frozenset((1, 3, 4, 5, 8, 12, 13, 14, 15) + tuple(range(78, 95)))

# Plane 1 (row, cell) codes added in 2004, and their characters.
_ADDED_2004 = ((14, 1), (15, 94), (47, 52), (47, 94), (84, 7),
               (94, 90), (94, 91), (94, 92), (94, 93), (94, 94))
_ADDED_2004_CHARS = ("\u4ff1\u525d\U00020b9f\u541e\u5653\u59f8\u5c5b\u5e77"
                     "\u7626\u7e6b")


def _euc_code(row, cell):
    return bytes((row + 0xA0, cell + 0xA0))


def _sjis_code(row, cell):
    """The Shift JIS bytes of plane 1 (row, cell)."""
    lead = (row + 1) // 2 + (0x80 if row <= 62 else 0xC0)
    if row % 2:
        trail = cell + (0x3F if cell <= 63 else 0x40)
    else:
        trail = cell + 0x9E
    return bytes((lead, trail))


def _euc_length(byte):
    return 3 if byte == 0x8F else 2 if byte >= 0x80 else 1


def _sjis_length(byte):
    return 2 if 0x81 <= byte <= 0x9F or 0xE0 <= byte <= 0xFC else 1


class _Codes:
    """The sequences object: codes refused when decoding, and for EUC the
    JIS X 0212 codes (through the euc_jp codec).  Only read after it is
    made, so threads share it without a lock."""

    def __init__(self, length, refused, jisx0212, unencodable):
        self._length = length
        self._refused = refused
        self._jisx0212 = jisx0212
        # Characters the JIS X 0212 fallback must not encode either.
        self._unencodable = unencodable

    def _special(self, code):
        if code in self._refused:
            return True
        return (self._jisx0212 and code[0] == 0x8F
                and code[1] - 0xA0 not in PLANE_2_ROWS)

    def find(self, data, start, limit):
        """Where the first special code starts, stepping over whole
        characters from start (which is one's start)."""
        position = start
        while position < limit:
            size = self._length(data[position])
            if position + size > limit:
                # A cut character: the C library reports it.
                return limit
            if size > 1 and self._special(data[position:position + size]):
                return position
            position += size
        return limit

    def decode(self, data, position, converter):
        size = self._length(data[position])
        if position + size > len(data):
            return INCOMPLETE
        code = data[position:position + size]
        if size == 1 or code in self._refused:
            return None
        try:
            return code.decode("euc_jp"), position + size
        except UnicodeDecodeError:
            return None

    def encode(self, char, converter):
        if not self._jisx0212 or char in self._unencodable:
            return None
        try:
            code = char.encode("euc_jp")
        except UnicodeEncodeError:
            return None
        return code if code[0] == 0x8F else None


def adjustments(euc, edition, translate=None, refuse_chars="",
                extra_chars=None):
    """The Adjustments of the EUC (euc true) or Shift JIS codec of JIS X
    0213's `edition` (2000 or 2004); the other arguments add a codec's
    own adjustments."""
    code = _euc_code if euc else _sjis_code
    symbols = dict(_SYMBOLS)
    extra = {char: code(row, cell) for char, row, cell in
             (("\u2015", 1, 29), ("\u2985", 2, 54), ("\u2986", 2, 55))}
    refused_chars = "\u2014\uff5f\uff60\u2985\u2986"
    refused_codes = frozenset()
    unencodable = ""
    if edition == 2000:
        refused_codes = frozenset(code(row, cell) for row, cell in _ADDED_2004)
        unencodable = "\u9b1c" + _ADDED_2004_CHARS
        refused_chars += unencodable
        symbols["\u9b1c"] = "\u9b1d"
        extra["\u9b1d"] = b"\x8f\xfd\xbb" if euc else b"\xfc\x5a"
    symbols.update(translate or {})
    extra.update(extra_chars or {})
    return Adjustments(
        translate=str.maketrans(symbols),
        refuse_chars="[" + refused_chars + refuse_chars + "]",
        extra_chars=extra,
        sequences=_Codes(_euc_length if euc else _sjis_length,
                         refused_codes, euc, frozenset(unencodable)))
