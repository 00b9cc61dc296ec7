"""Python codec gbk: Simplified Chinese (GBK).

Converted by the C library's iconv ("GBK"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # A lone 0x80 (the C library's euro sign) is not GBK; as a second
    # byte it is.
    lone_bytes=b'\x80', lead_bytes=bytes(range(0x81, 0xFF)),
    refuse_chars='\u20ac')

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("gbk", "GBK", _ADJUSTMENTS)
