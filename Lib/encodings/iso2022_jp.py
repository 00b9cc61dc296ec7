"""Python codec iso2022_jp: Japanese (ISO-2022-JP, RFC 1468).

Converted by the ISO-2022 state machine of encodings/_iso2022.py.
"""

from encodings._iso2022 import Config, build

# The designations (the bytes after ESC) this encoding reads.
_ESCAPES = (
    b"(B", b"(J", b")B", b")J", b"$@", b"$B", b"$(@", b"$(B", b"$)@",
    b"$)B",
)

# The sets its encoder tries, in order (by mark, see _iso2022): JIS X 0208,
# then JIS X 0201 Roman.
_CONFIG = Config(_ESCAPES, (0xC2, ord("J")))

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp", _CONFIG)
