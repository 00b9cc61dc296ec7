"""Python codec iso2022_jp: Japanese (ISO-2022-JP, RFC 1468).

Converted by the C library's iconv ("ISO-2022-JP"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

# The designations (the bytes after ESC) this encoding accepts.
_ESCAPES = (
    b"(B", b"(J", b")B", b")J", b"$@", b"$B", b"$(@", b"$(B", b"$)@",
    b"$)B",
)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp", "ISO-2022-JP", escapes=_ESCAPES)
