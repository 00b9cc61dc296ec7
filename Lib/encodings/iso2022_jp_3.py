"""Python codec iso2022_jp_3: Japanese (ISO-2022 with JIS X 0213).

Converted by the C library's iconv ("ISO-2022-JP-3"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_3", "ISO-2022-JP-3")
