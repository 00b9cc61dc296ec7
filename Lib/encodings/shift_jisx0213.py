"""Python codec shift_jisx0213: Japanese (Shift JIS with JIS X 0213).

Converted by the C library's iconv ("SHIFT_JISX0213"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("shift_jisx0213", "SHIFT_JISX0213")
