"""Python codec euc_jp: Japanese (EUC-JP).

Converted by the C library's iconv ("EUC-JP"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # JIS X 0212's 0x2237 is a tilde in CPython, a full-width one in the C
    # library (which has no other code for U+FF5E).
    translate={0xFF5E: "~"},
    # C1 controls are not part of EUC-JP (0x8E and 0x8F are its shifts).
    refuse_bytes=rb'[\x80-\x8d\x90-\x9f]',
    refuse_chars='[\x80-\x8d\x90-\x9f\uff5e]')

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("euc_jp", "EUC-JP", _ADJUSTMENTS)
