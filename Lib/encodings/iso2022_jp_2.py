"""Python codec iso2022_jp_2: Japanese and more (ISO-2022-JP-2, RFC 1554).

Converted by the C library's iconv ("ISO-2022-JP-2"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_2", "ISO-2022-JP-2")
