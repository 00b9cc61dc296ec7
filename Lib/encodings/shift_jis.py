"""Python codec shift_jis: Japanese (Shift JIS).

Converted by the C library's iconv ("SJIS"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # Bytes 0x5C and 0x7E are ASCII, as in CPython, not JIS X 0201 Roman.
    translate={0xA5: '\\', 0x203E: '~'})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("shift_jis", "SJIS", _ADJUSTMENTS)
