"""Python codec cp932: Japanese (Microsoft's Shift JIS).

Converted by the C library's iconv ("CP932"); see encodings/_multibyte.py.
"""

from _iconv_codec import DONE, Converter
from encodings._multibyte import Adjustments, build


def _nec_selected():
    """{character: code} of the NEC-selected IBM extensions (rows ED and
    EE), read from the C library's table.  Their characters are also IBM
    extensions (FA..FC), where the C library encodes them; CPython encodes
    them here.  U+FFE2 keeps its JIS X 0208 code 81CA."""
    decoder = Converter("CP932", decode=True)
    codes = {}
    for lead in (0xED, 0xEE):
        for trail in range(0x40, 0xFD):
            code = bytes((lead, trail))
            text, used, reason = decoder.decode(code)
            if reason == DONE and len(text) == 1 and text != "\uffe2":
                codes[text] = code
    return codes


_NEC_SELECTED = _nec_selected()

_ADJUSTMENTS = Adjustments(
    # Microsoft's single bytes 0x80, 0xA0 and 0xFD-0xFF, which the C
    # library leaves undefined; yen sign, overline and em dash are not in
    # the set.
    extra_bytes={0x80: '\x80', 0xA0: '\uf8f0', 0xFD: '\uf8f1',
                 0xFE: '\uf8f2', 0xFF: '\uf8f3'},
    refuse_chars='[\xa5\u203e\u2014' + ''.join(_NEC_SELECTED) + ']',
    extra_chars={'\x80': b'\x80', '\uf8f0': b'\xa0', '\uf8f1': b'\xfd',
                 '\uf8f2': b'\xfe', '\uf8f3': b'\xff', **_NEC_SELECTED})

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("cp932", "CP932", _ADJUSTMENTS)
