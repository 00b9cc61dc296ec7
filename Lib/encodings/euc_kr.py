"""Python codec euc_kr: Korean (EUC-KR).

Converted by the C library's iconv ("EUC-KR"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("euc_kr", "EUC-KR")
