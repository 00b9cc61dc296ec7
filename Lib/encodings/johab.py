"""Python codec johab: Korean (Johab).

Converted by the C library's iconv ("JOHAB"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("johab", "JOHAB")
