"""Python codec iso2022_jp_2: Japanese and more (ISO-2022-JP-2, RFC 1554).

Converted by the C library's iconv ("ISO-2022-JP-2"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

# The designations (the bytes after ESC) this encoding accepts.
_ESCAPES = (
    b"(A", b"(B", b"(F", b"(J", b")A", b")B", b")F", b")J", b".A", b".B",
    b".F", b".J", b"$@", b"$A", b"$B", b"$C", b"$D", b"$(@", b"$(A",
    b"$(B", b"$(C", b"$(D", b"$)@", b"$)A", b"$)B", b"$)C", b"$)D",
)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_2", "ISO-2022-JP-2", escapes=_ESCAPES)
