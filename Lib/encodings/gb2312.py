"""Python codec gb2312: Simplified Chinese (GB 2312 in EUC form).

Converted by the C library's iconv ("EUC-CN"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("gb2312", "EUC-CN")
