"""Python codec big5hkscs: Traditional Chinese with the Hong Kong supplement.

Converted by the C library's iconv ("BIG5-HKSCS"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("big5hkscs", "BIG5-HKSCS")
