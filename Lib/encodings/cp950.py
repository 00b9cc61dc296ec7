"""Python codec cp950: Traditional Chinese (Microsoft's Big5).

Converted by the C library's iconv ("CP950"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # 0x80 is not CP950; cent, pound, yen and overline have codes.
    refuse_bytes=rb'\x80', refuse_chars='\x80',
    extra_chars={'\xa2': b'\xa2F', '\xa3': b'\xa2G', '\xa5': b'\xa2D',
                 '\u203e': b'\xa1\xc2'})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("cp950", "CP950", _ADJUSTMENTS)
