"""Python codec euc_jisx0213: Japanese (EUC with JIS X 0213:2000).

Converted by the C library's iconv ("EUC-JISX0213"); see encodings/_multibyte.py
and, for where CPython's table differs, encodings/_jisx0213.py.
"""

from encodings._jisx0213 import adjustments
from encodings._multibyte import build

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("euc_jisx0213", "EUC-JISX0213", adjustments(euc=True, edition=2000),
                      pairs=True)
