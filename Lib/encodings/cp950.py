"""Python codec cp950: Traditional Chinese (Microsoft's Big5).

Converted by the C library's iconv ("CP950"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("cp950", "CP950")
