"""Python codec shift_jisx0213: Japanese (Shift JIS with JIS X 0213:2000).

Converted by the C library's iconv ("SHIFT_JISX0213"); see encodings/_multibyte.py
and, for where CPython's table differs, encodings/_jisx0213.py.
"""

from encodings._jisx0213 import adjustments
from encodings._multibyte import build

# Backslash and tilde are encoded as their JIS X 0213 full-width forms;
# the full-width reverse solidus and tilde decode as backslash and tilde.
_ADJUSTMENTS = adjustments(
    euc=False, edition=2000, translate={0xFF3C: '\\', 0xFF5E: '~'},
    refuse_chars='\\\\~\uff3c\uff5e',
    extra_chars={'\\': b'\x81_', '~': b'\x81\xb0'})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("shift_jisx0213", "SHIFT_JISX0213", _ADJUSTMENTS,
                      pairs=True)
