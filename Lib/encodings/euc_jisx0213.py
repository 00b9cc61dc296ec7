"""Python codec euc_jisx0213: Japanese (EUC with JIS X 0213).

Converted by the C library's iconv ("EUC-JISX0213"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("euc_jisx0213", "EUC-JISX0213", pairs=True)
