"""Python codec iso2022_jp_2004: Japanese (ISO-2022 with JIS X 0213:2004).

Converted by the ISO-2022 state machine of encodings/_iso2022.py.
"""

from encodings._iso2022 import Config, build

# The designations (the bytes after ESC) this encoding reads.
_ESCAPES = (
    b"(B", b")B", b"$B", b"$P", b"$Q", b"$(B", b"$(P", b"$(Q", b"$)B",
    b"$)P", b"$)Q",
)

# The sets its encoder tries, in order (by mark, see _iso2022): JIS X 0208,
# then JIS X 0213 planes 1 and 2.
_CONFIG = Config(_ESCAPES, (0xC2, 0xD1, 0xD0), pairs_mark=0xD1)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_2004", _CONFIG)
