"""Python codec hz: HZ-GB-2312 (RFC 1843), GB 2312 in 7-bit text.

Text is ASCII until "~{", then pairs of bytes 0x21-0x7E, each pair a GB 2312
character with the high bits cleared, until "~}".  "~~" is a tilde and
"~" before a newline continues the line.  The GB 2312 characters are
converted by the gb2312 codec's engine (encodings/_multibyte.py).
"""

from _iconv_codec import DONE, ILLEGAL, INCOMPLETE, Converter
from encodings._multibyte import build_with_converter

_TILDE = 0x7E


class _HZConverter:
    """The HZ state machine with _iconv_codec.Converter's interface; the
    mode (ASCII or GB) persists between calls, as in an incremental codec."""

    def __init__(self, decode):
        self._gb = Converter("EUC-CN", decode=decode)
        self._in_gb = False

    def reset(self):
        self._in_gb = False

    def encode(self, text, final=False):
        out = bytearray()
        for index, char in enumerate(text):
            if ord(char) < 0x80:
                if self._in_gb:
                    out += b"~}"
                    self._in_gb = False
                out += b"~~" if char == "~" else char.encode("ascii")
                continue
            pair, used, reason = self._gb.encode(char)
            if reason != DONE or len(pair) != 2:
                return bytes(out), index, ILLEGAL
            if not self._in_gb:
                out += b"~{"
                self._in_gb = True
            out += bytes(byte & 0x7F for byte in pair)
        if final and self._in_gb:
            out += b"~}"
            self._in_gb = False
        return bytes(out), len(text), DONE

    def decode(self, data):
        out = []
        position = 0
        while position < len(data):
            byte = data[position]
            if byte & 0x80:
                return "".join(out), position, ILLEGAL
            if byte == _TILDE:
                if position + 1 >= len(data):
                    return "".join(out), position, INCOMPLETE
                following = data[position + 1]
                if self._in_gb:
                    if following != ord("}"):
                        return "".join(out), position, ILLEGAL
                    self._in_gb = False
                elif following == _TILDE:
                    out.append("~")
                elif following == ord("{"):
                    self._in_gb = True
                elif following != ord("\n"):
                    return "".join(out), position, ILLEGAL
                position += 2
            elif not self._in_gb:
                out.append(chr(byte))
                position += 1
            else:
                if position + 1 >= len(data):
                    return "".join(out), position, INCOMPLETE
                pair = bytes((byte | 0x80, data[position + 1] | 0x80))
                if byte < 0x21 or not 0x21 <= data[position + 1] <= 0x7E:
                    return "".join(out), position, ILLEGAL
                text, used, reason = self._gb.decode(pair)
                if reason != DONE:
                    return "".join(out), position, ILLEGAL
                out.append(text)
                position += 2
        return "".join(out), position, DONE


(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build_with_converter("hz", _HZConverter)
