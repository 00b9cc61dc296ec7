"""Python codec shift_jis_2004: Japanese (Shift JIS with JIS X 0213:2004).

Converted by the C library's iconv ("SHIFT_JISX0213"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("shift_jis_2004", "SHIFT_JISX0213")
