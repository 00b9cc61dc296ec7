"""Python codec big5: Traditional Chinese (Big5).

Converted by the C library's iconv ("BIG5"); see encodings/_multibyte.py.
CPython's table differs from the C library's in the ETEN block C6A1..C7FC
(encodings/_big5_eten.py) and in a few symbols.
"""

from encodings._big5_eten import PRIVATE_USE, EtenBlock
from encodings._multibyte import Adjustments, build

# {code's character in the C library: the character in CPython}.
_SYMBOLS = {
    "\u2027": "\u2022",  # A145 bullet
    "\ufe51": "\uff64",  # A14E halfwidth ideographic comma
    "\u00af": "\u203e",  # A1C2 overline
    "\uff5e": "\u223c",  # A1E3 tilde operator
    "\u2295": "\u2641",  # A1F2 earth
    "\u2299": "\u2609",  # A1F3 sun
    "\u2215": "\uff0f",  # A241 fullwidth solidus
    "\ufe68": "\uff3c",  # A242 fullwidth reverse solidus
    "\uffe5": "\u00a5",  # A244 yen sign
    "\uffe0": "\u00a2",  # A246 cent sign
    "\uffe1": "\u00a3",  # A247 pound sign
}

_ADJUSTMENTS = Adjustments(
    translate=str.maketrans(_SYMBOLS),
    # 0x80 is not Big5.
    refuse_bytes=rb'\x80',
    # The C library's symbols above; its euro sign (A3E1), its ETEN
    # hanzi and box drawing (F9D6..F9FE) and private-use characters.
    refuse_chars=("[\x80" + "".join(_SYMBOLS) + "\uff0f\uff3c\u20ac"
                  "\u2551-\u255d\u255f\u2560\u2562-\u2569\u256b\u256c\u2593"
                  "\u58bb\u5afa\u6052\u7881\u7ca7\u88cf\u92b9"
                  + PRIVATE_USE + "]"),
    extra_chars={"\u2022": b"\xa1E", "\uff64": b"\xa1N", "\u203e": b"\xa1\xc2",
                 "\u223c": b"\xa1\xe3", "\u2641": b"\xa1\xf2",
                 "\u2609": b"\xa1\xf3", "\uff0f": b"\xa2A", "\uff3c": b"\xa2B",
                 "\xa5": b"\xa2D", "\xa2": b"\xa2F", "\xa3": b"\xa2G"},
    sequences=EtenBlock(refused=((0xA3E1, 0xA3E1), (0xF9D6, 0xF9FE))))

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("big5", "BIG5", _ADJUSTMENTS)
