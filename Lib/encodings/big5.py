"""Python codec big5: Traditional Chinese (Big5).

Converted by the C library's iconv ("BIG5"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # 0x80 is not Big5; cent, pound, yen and overline have Big5 codes.
    refuse_bytes=rb'\x80', refuse_chars='[\x80\xaf\uffe5\uff5e]',
    extra_chars={'\xa2': b'\xa2F', '\xa3': b'\xa2G', '\xa5': b'\xa2D',
                 '\u203e': b'\xa1\xc2'})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("big5", "BIG5", _ADJUSTMENTS)
