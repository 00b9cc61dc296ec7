"""Python codec iso2022_kr: Korean (ISO-2022-KR, RFC 1557).

Converted by the C library's iconv ("ISO-2022-KR"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

# The designations (the bytes after ESC) this encoding accepts.
_ESCAPES = (
    b"(B", b")B", b"$C", b"$(C", b"$)C",
)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_kr", "ISO-2022-KR", escapes=_ESCAPES)
