"""Python codec iso2022_jp_2004: Japanese (ISO-2022 with JIS X 0213:2004).

Converted by the C library's iconv ("ISO-2022-JP-3"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

# The designations (the bytes after ESC) this encoding accepts.
_ESCAPES = (
    b"(B", b")B", b"$B", b"$P", b"$Q", b"$(B", b"$(P", b"$(Q", b"$)B",
    b"$)P", b"$)Q",
)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_2004", "ISO-2022-JP-3", escapes=_ESCAPES)
