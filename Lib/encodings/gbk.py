"""Python codec gbk: Simplified Chinese (GBK).

Converted by the C library's iconv ("GBK"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("gbk", "GBK")
