"""Python codec big5hkscs: Traditional Chinese with the Hong Kong supplement.

Converted by the C library's iconv ("BIG5-HKSCS"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # 0x80 is not Big5-HKSCS; the full-width macron has a code.
    refuse_bytes=rb'\x80', refuse_chars='\x80',
    extra_chars={'\uffe3': b'\xa1\xc3'})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("big5hkscs", "BIG5-HKSCS", _ADJUSTMENTS)
