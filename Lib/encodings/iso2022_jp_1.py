"""Python codec iso2022_jp_1: Japanese (ISO-2022-JP-1, RFC 2237).

ISO-2022-JP with JIS X 0212 added.  Converted by the C library's iconv
("ISO-2022-JP-2", a superset), limited to the designations of
ISO-2022-JP-1; see encodings/_multibyte.py.
"""

from encodings._multibyte import build

# The designations (the bytes after ESC) this encoding accepts.
_ESCAPES = (
    b"(B", b"(J", b")B", b")J", b"$@", b"$B", b"$D", b"$(@", b"$(B",
    b"$(D", b"$)@", b"$)B", b"$)D",
)

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("iso2022_jp_1", "ISO-2022-JP-2", escapes=_ESCAPES,
                      encode_escapes=_ESCAPES)
