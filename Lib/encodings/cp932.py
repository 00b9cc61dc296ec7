"""Python codec cp932: Japanese (Microsoft's Shift JIS).

Converted by the C library's iconv ("CP932"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("cp932", "CP932")
