"""Python codec gb18030: Chinese (GB 18030).

Converted by the C library's iconv ("GB18030"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("gb18030", "GB18030")
