"""Python codec iso2022_jp_1: Japanese (ISO-2022-JP-1, RFC 2237): ISO-2022-JP
with JIS X 0212.

Converted by the ISO-2022 state machine of encodings/_iso2022.py.
"""

from encodings._iso2022 import Config, build

# The designations (the bytes after ESC) this encoding reads.
_ESCAPES = (
    b"(B", b"(J", b")B", b")J", b"$@", b"$B", b"$D", b"$(@", b"$(B",
    b"$(D", b"$)@", b"$)B", b"$)D",
)

# The sets its encoder tries, in order (by mark, see _iso2022): JIS X 0208,
# JIS X 0212, then JIS X 0201 Roman.
_CONFIG = Config(_ESCAPES, (0xC2, 0xC4, ord("J")))

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_1", _CONFIG)
