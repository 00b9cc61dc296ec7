"""Python codec cp932: Japanese (Microsoft's Shift JIS).

Converted by the C library's iconv ("CP932"); see encodings/_multibyte.py.
"""

from encodings._multibyte import Adjustments, build

_ADJUSTMENTS = Adjustments(
    # Microsoft's single bytes 0x80, 0xA0 and 0xFD-0xFF, which the C
    # library leaves undefined; yen sign and overline are not in the set.
    extra_bytes={0x80: '\x80', 0xA0: '\uf8f0', 0xFD: '\uf8f1',
                 0xFE: '\uf8f2', 0xFF: '\uf8f3'},
    refuse_chars='[\xa5\u203e]',
    extra_chars={'\x80': b'\x80', '\uf8f0': b'\xa0', '\uf8f1': b'\xfd',
                 '\uf8f2': b'\xfe', '\uf8f3': b'\xff'})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("cp932", "CP932", _ADJUSTMENTS)
