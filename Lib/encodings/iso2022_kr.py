"""Python codec iso2022_kr: Korean (ISO-2022-KR, RFC 1557).

Converted by the ISO-2022 state machine of encodings/_iso2022.py.
"""

from encodings._iso2022 import Config, build

# The designations (the bytes after ESC) this encoding reads.
_ESCAPES = (
    b"(B", b")B", b"$C", b"$(C", b"$)C",
)

# The sets its encoder tries, in order (by mark, see _iso2022): KS X 1001, in
# G1 through SO and SI.
_CONFIG = Config(_ESCAPES, (0xC3,), shift=True)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_kr", _CONFIG)
