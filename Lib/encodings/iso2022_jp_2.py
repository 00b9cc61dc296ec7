"""Python codec iso2022_jp_2: Japanese and more (ISO-2022-JP-2, RFC 1554).

Converted by the ISO-2022 state machine of encodings/_iso2022.py.
"""

from encodings._iso2022 import Config, build

# The designations (the bytes after ESC) this encoding reads.
_ESCAPES = (
    b"(A", b"(B", b"(F", b"(J", b")A", b")B", b")F", b")J", b".A", b".B",
    b".F", b".J", b"$@", b"$A", b"$B", b"$C", b"$D", b"$(@", b"$(A",
    b"$(B", b"$(C", b"$(D", b"$)@", b"$)A", b"$)B", b"$)C", b"$)D",
)

# The sets its encoder tries, in order (by mark, see _iso2022): JIS X 0208,
# JIS X 0212, KS X 1001, GB 2312, then JIS X 0201 Roman; the ISO 8859 upper
# halves (ESC N) are read only.
_CONFIG = Config(_ESCAPES, (0xC2, 0xC4, 0xC3, 0xC1, ord("J")),
                 single_shift=True)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_2", _CONFIG)
