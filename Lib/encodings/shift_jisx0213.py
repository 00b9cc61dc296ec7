"""Python codec shift_jisx0213: Japanese (Shift JIS with JIS X 0213).

Converted by the C library's iconv ("SHIFT_JISX0213"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # Backslash and tilde are encoded as their JIS X 0213 full-width forms,
    # and the full-width reverse solidus decodes as a backslash.
    translate={0xFF3C: '\\'},
    refuse_chars='[\\\\~\uff3c\uff5e]',
    extra_chars={'\\': b'\x81_', '~': b'\x81\xb0'})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("shift_jisx0213", "SHIFT_JISX0213", _ADJUSTMENTS,
                   pairs=True)
