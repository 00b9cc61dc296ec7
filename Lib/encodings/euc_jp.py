"""Python codec euc_jp: Japanese (EUC-JP).

Converted by the C library's iconv ("EUC-JP"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("euc_jp", "EUC-JP")
