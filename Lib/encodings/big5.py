"""Python codec big5: Traditional Chinese (Big5).

Converted by the C library's iconv ("BIG5"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("big5", "BIG5")
