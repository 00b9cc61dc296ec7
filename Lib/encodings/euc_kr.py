"""Python codec euc_kr: Korean (EUC-KR).

Converted by the C library's iconv ("EUC-KR"); see encodings/_multibyte.py.
"""

from _iconv_codec import DONE, INCOMPLETE
from encodings._multibyte import Adjustments, build

# Hangul syllables outside KS X 1001's 2350 are written as eight bytes
# (KS X 1001:1998 annex 3): the Hangul filler, then the initial, medial and
# final jamo (the filler again when there is no final).
_FILLER = "\u3164"
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "".join(chr(c) for c in range(0x314F, 0x3164))
_FINALS = _FILLER + "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_MAKEUP_START = b"\xa4\xd4"


def _jamo_bytes(jamo, converter):
    encoded, used, reason = converter.encode(jamo)
    return encoded if reason == DONE else None


class _MakeupSequences:
    """The eight-byte syllables, for encodings/_multibyte.Adjustments."""

    def find(self, data, start, limit):
        if _MAKEUP_START not in data[start:limit]:
            return limit
        position = start
        while position < limit - 1:
            if data[position] < 0x80:
                position += 1
            elif data[position:position + 2] == _MAKEUP_START:
                return position
            else:
                position += 2
        return limit

    def decode(self, data, position, converter):
        if data[position:position + 2] != _MAKEUP_START:
            return None
        if len(data) - position < 8:
            return INCOMPLETE
        text, used, reason = converter.decode(data[position + 2:position + 8])
        if reason != DONE or len(text) != 3:
            return None
        initial, medial, final = text
        if (initial not in _INITIALS or medial not in _MEDIALS
                or final not in _FINALS):
            return None
        syllable = 0xAC00 + (_INITIALS.index(initial) * 21
                             + _MEDIALS.index(medial)) * 28 + _FINALS.index(final)
        return chr(syllable), position + 8

    def encode(self, char, converter):
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            return None
        jamo = (_FILLER + _INITIALS[code // 588] + _MEDIALS[code % 588 // 28]
                + _FINALS[code % 28])
        return _jamo_bytes(jamo, converter)


_ADJUSTMENTS = Adjustments(
    # C1 controls are not part of EUC-KR.
    refuse_bytes=rb'[\x80-\x9f]', refuse_chars='[\x80-\x9f]',
    sequences=_MakeupSequences())

(Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
 getregentry) = build("euc_kr", "EUC-KR", _ADJUSTMENTS)
