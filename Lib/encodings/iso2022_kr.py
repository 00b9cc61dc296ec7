"""Python codec iso2022_kr: Korean (ISO-2022-KR, RFC 1557).

Converted by the C library's iconv ("ISO-2022-KR"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_kr", "ISO-2022-KR")
