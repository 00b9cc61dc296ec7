"""Python codec iso2022_jp_3: Japanese (ISO-2022 with JIS X 0213).

Converted by the C library's iconv ("ISO-2022-JP-3"); see encodings/_multibyte.py.
"""

from encodings._multibyte import build

# The designations (the bytes after ESC) this encoding accepts.
_ESCAPES = (
    b"(B", b")B", b"$B", b"$O", b"$P", b"$(B", b"$(O", b"$(P", b"$)B",
    b"$)O", b"$)P",
)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_3", "ISO-2022-JP-3", escapes=_ESCAPES)
