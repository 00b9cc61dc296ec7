"""Python codec shift_jis: Japanese (Shift JIS).

Converted by the C library's iconv ("SJIS"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("shift_jis", "SJIS")
