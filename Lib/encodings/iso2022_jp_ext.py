"""Python codec iso2022_jp_ext: Japanese (ISO-2022-JP with JIS X 0212 and the
JIS X 0201 half-width katakana set, ESC ( I).

Converted by the ISO-2022 state machine of encodings/_iso2022.py.
"""

from encodings._iso2022 import Config, build

# The designations (the bytes after ESC) this encoding reads.
_ESCAPES = (
    b"(B", b"(J", b")B", b")J", b"$@", b"$B", b"$D", b"$(@", b"$(B",
    b"$(D", b"$)@", b"$)B", b"$)D", b"(I",
)

# The sets its encoder tries, in order (by mark, see _iso2022): JIS X 0208,
# JIS X 0212, JIS X 0201 Roman, then the katakana.
_CONFIG = Config(_ESCAPES, (0xC2, 0xC4, ord("J"), ord("I")),
                 jisx0208_1990=True)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_ext", _CONFIG)
