"""Python codec cp949: Korean (Microsoft's Unified Hangul Code).

Converted by the C library's iconv ("CP949"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("cp949", "CP949")
