"""Python codec johab: Korean (Johab).

Converted by the C library's iconv ("JOHAB"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # Byte 0x5C is the ASCII backslash, as in CPython, not a won sign.
    translate={0x20A9: '\\'}, extra_chars={'\\': b'\\'})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("johab", "JOHAB", _ADJUSTMENTS)
