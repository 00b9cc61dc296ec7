"""Python codec iso2022_jp_3: Japanese (ISO-2022 with JIS X 0213:2000).

Converted by the ISO-2022 state machine of encodings/_iso2022.py.
"""

from encodings._iso2022 import JISX0213_2000_ENCODE_FIXES, Config, build

# The designations (the bytes after ESC) this encoding reads.
_ESCAPES = (
    b"(B", b")B", b"$B", b"$O", b"$P", b"$(B", b"$(O", b"$(P", b"$)B",
    b"$)O", b"$)P",
)

# The sets its encoder tries, in order (by mark, see _iso2022): JIS X 0208,
# then JIS X 0213 planes 1 and 2.
_CONFIG = Config(_ESCAPES, (0xC2, 0xCF, 0xD0), pairs_mark=0xCF,
                 encode_fixes=JISX0213_2000_ENCODE_FIXES)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_3", _CONFIG)
