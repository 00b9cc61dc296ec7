"""The idna codec: internationalized domain names (RFC 3490, IDNA 2003).

Encoding applies ToASCII to each label (nameprep, then punycode with the
"xn--" prefix); decoding applies ToUnicode.  Nameprep (RFC 3491) uses this
interpreter's Unicode database: a character assigned after Unicode 3.2 is
accepted (queries allow unassigned code points), and mappings follow the
current case folding and NFKC.
"""

import codecs
import re
import unicodedata

_DOTS = re.compile("[\u002e\u3002\uff0e\uff61]")
_ACE_PREFIX = b"xn--"
_SACE_PREFIX = "xn--"

# RFC 3454 table B.1: characters mapped to nothing.
_MAPPED_TO_NOTHING = frozenset(
    [0x00AD, 0x034F, 0x1806, 0x180B, 0x180C, 0x180D, 0x200B, 0x200C, 0x200D,
     0x2060, 0xFEFF] + list(range(0xFE00, 0xFE10)))

# RFC 3454 tables C.1.2 to C.9 as (first, last) ranges: non-ASCII spaces
# and controls, private use, non-characters, surrogates, characters
# inappropriate for plain text or canonical form, display controls and
# tags.
_PROHIBITED = (
    (0x00A0, 0x00A0), (0x1680, 0x1680), (0x2000, 0x200B), (0x202F, 0x202F),
    (0x205F, 0x205F), (0x3000, 0x3000),
    (0x0080, 0x009F), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x180E, 0x180E),
    (0x200C, 0x200D), (0x2028, 0x2029), (0x2060, 0x2063), (0x206A, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFC), (0x1D173, 0x1D17A),
    (0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD),
    (0xFDD0, 0xFDEF),
    (0xD800, 0xDFFF),
    (0xFFFA, 0xFFFD),
    (0x2FF0, 0x2FFB),
    (0x0340, 0x0341), (0x200E, 0x200F), (0x202A, 0x202E),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)


def _prohibited(code):
    if (code & 0xFFFF) >= 0xFFFE:
        return True                     # the non-characters U+nFFFE/U+nFFFF
    return any(first <= code <= last for first, last in _PROHIBITED)


def _map_character(ch):
    """Table B.2: case folding suited to NFKC (fold, normalize, fold again
    while folding changes the normalized form)."""
    folded = ch.casefold()
    normalized = unicodedata.normalize("NFKC", folded)
    refolded = unicodedata.normalize("NFKC", normalized.casefold())
    return refolded if refolded != normalized else folded


def nameprep(label):
    """RFC 3491: map, normalize (NFKC), prohibit, check bidi."""
    mapped = "".join(_map_character(ch) for ch in label
                     if ord(ch) not in _MAPPED_TO_NOTHING)
    label = unicodedata.normalize("NFKC", mapped)
    for ch in label:
        if _prohibited(ord(ch)):
            raise UnicodeError("Invalid character %r" % ch)
    bidi = [unicodedata.bidirectional(ch) for ch in label]
    if any(kind in ("R", "AL") for kind in bidi):
        if any(kind == "L" for kind in bidi):
            raise UnicodeError("Violation of BIDI requirement 2")
        if bidi[0] not in ("R", "AL") or bidi[-1] not in ("R", "AL"):
            raise UnicodeError("Violation of BIDI requirement 3")
    return label


def ToASCII(label):
    """One label as ASCII bytes: itself if already ASCII, else nameprep
    and punycode behind 'xn--'."""
    try:
        encoded = label.encode("ascii")
    except UnicodeError:
        pass
    else:
        if 0 < len(encoded) < 64:
            return encoded
        raise UnicodeError("label empty or too long")
    label = nameprep(label)
    try:
        encoded = label.encode("ascii")
    except UnicodeError:
        pass
    else:
        if 0 < len(encoded) < 64:
            return encoded
        raise UnicodeError("label empty or too long")
    if label.startswith(_SACE_PREFIX):
        raise UnicodeError("Label starts with ACE prefix")
    encoded = _ACE_PREFIX + label.encode("punycode")
    if 0 < len(encoded) < 64:
        return encoded
    raise UnicodeError("label empty or too long")


def ToUnicode(label):
    """One label back to Unicode; an 'xn--' label must round-trip."""
    if len(label) > 1024:
        raise UnicodeError("label way too long")
    if isinstance(label, bytes):
        pure_ascii = True
    else:
        try:
            label = label.encode("ascii")
            pure_ascii = True
        except UnicodeError:
            pure_ascii = False
    if not pure_ascii:
        label = nameprep(label)
        try:
            label = label.encode("ascii")
        except UnicodeError:
            raise UnicodeError("Invalid character in IDN label")
    if not label.startswith(_ACE_PREFIX):
        return str(label, "ascii")
    decoded = label[len(_ACE_PREFIX):].decode("punycode")
    again = ToASCII(decoded)
    if str(label, "ascii").lower() != str(again, "ascii"):
        raise UnicodeError("IDNA does not round-trip", label, again)
    return decoded


def _check_ascii_labels(labels):
    for label in labels[:-1]:
        if not 0 < len(label) < 64:
            raise UnicodeError("label empty or too long")
    if len(labels[-1]) >= 64:
        raise UnicodeError("label too long")


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        if errors != 'strict':
            raise UnicodeError(f"Unsupported error handling: {errors}")
        if not input:
            return b'', 0
        try:
            result = input.encode('ascii')
        except UnicodeEncodeError:
            pass
        else:
            _check_ascii_labels(result.split(b'.'))
            return result, len(input)
        labels = _DOTS.split(input)
        trailing_dot = b''
        if labels and not labels[-1]:
            trailing_dot = b'.'
            del labels[-1]
        return b'.'.join(ToASCII(label) for label in labels) + trailing_dot, \
            len(input)

    def decode(self, input, errors='strict'):
        if errors != 'strict':
            raise UnicodeError(f"Unsupported error handling: {errors}")
        if not input:
            return "", 0
        if not isinstance(input, bytes):
            input = bytes(input)
        if _ACE_PREFIX not in input.lower():
            try:
                return input.decode('ascii'), len(input)
            except UnicodeDecodeError:
                pass
        labels = input.split(b".")
        trailing_dot = ''
        if labels and len(labels[-1]) == 0:
            trailing_dot = '.'
            del labels[-1]
        return '.'.join(ToUnicode(label) for label in labels) + trailing_dot, \
            len(input)


class IncrementalEncoder(codecs.BufferedIncrementalEncoder):
    def _buffer_encode(self, input, errors, final):
        if errors != 'strict':
            raise UnicodeError(f"Unsupported error handling: {errors}")
        if not input:
            return b'', 0
        labels = _DOTS.split(input)
        trailing_dot = b''
        if labels:
            if not labels[-1]:
                trailing_dot = b'.'
                del labels[-1]
            elif not final:
                # The last label may continue in the next chunk.
                del labels[-1]
                if labels:
                    trailing_dot = b'.'
        result = [ToASCII(label) for label in labels]
        consumed = sum(len(label) + 1 for label in labels)
        if not trailing_dot and labels:
            consumed -= 1
        return b'.'.join(result) + trailing_dot, consumed


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, input, errors, final):
        if errors != 'strict':
            raise UnicodeError(f"Unsupported error handling: {errors}")
        if not input:
            return "", 0
        if isinstance(input, str):
            labels = _DOTS.split(input)
        else:
            input = str(input, "ascii")
            labels = input.split(".")
        trailing_dot = ''
        if labels:
            if not labels[-1]:
                trailing_dot = '.'
                del labels[-1]
            elif not final:
                del labels[-1]
                if labels:
                    trailing_dot = '.'
        result = [ToUnicode(label) for label in labels]
        consumed = sum(len(label) + 1 for label in labels)
        if not trailing_dot and labels:
            consumed -= 1
        return '.'.join(result) + trailing_dot, consumed


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='idna',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )
