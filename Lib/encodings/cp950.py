"""Python codec cp950: Traditional Chinese (Microsoft's Big5).

Converted by the C library's iconv ("CP950"); see encodings/_multibyte.py.
CPython's table differs from the C library's in the ETEN block C6A1..C7FC
(encodings/_big5_eten.py).
"""

from encodings._big5_eten import PRIVATE_USE, EtenBlock
from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # 0x80 is not CP950; cent, pound, yen and overline have codes, and
    # five symbols are encoded as their look-alikes (one way only).
    refuse_bytes=rb'\x80', refuse_chars="[\x80" + PRIVATE_USE + "]",
    extra_chars={'\xa2': b'\xa2F', '\xa3': b'\xa2G', '\xa5': b'\xa2D',
                 '\u203e': b'\xa1\xc2', '\u2022': b'\xa1E',
                 '\uff64': b'\xa1N', '\u223c': b'\xa1\xe3',
                 '\u2641': b'\xa1\xf2', '\u2609': b'\xa1\xf3'},
    sequences=EtenBlock())

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("cp950", "CP950", _ADJUSTMENTS)
