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


def _bidi_error(bidi):
    """Index of the character breaking RFC 3454's bidi rules, with the
    rule's message, or None."""
    if not any(kind in ("R", "AL") for kind in bidi):
        return None
    if "L" in bidi:
        return bidi.index("L"), "Violation of BIDI requirement 2"
    if bidi[0] not in ("R", "AL"):
        return 0, "Violation of BIDI requirement 3"
    if bidi[-1] not in ("R", "AL"):
        return len(bidi) - 1, "Violation of BIDI requirement 3"
    return None


def nameprep(label):
    """RFC 3491: map, normalize (NFKC), prohibit, check bidi.  Errors are
    UnicodeEncodeError over label, at the offending character."""
    mapped = "".join(_map_character(ch) for ch in label
                     if ord(ch) not in _MAPPED_TO_NOTHING)
    prepared = unicodedata.normalize("NFKC", mapped)
    for index, ch in enumerate(prepared):
        if _prohibited(ord(ch)):
            raise UnicodeEncodeError("idna", label, index, index + 1,
                                     "Invalid character %r" % ch)
    bidi = [unicodedata.bidirectional(ch) for ch in prepared]
    error = _bidi_error(bidi)
    if error is not None:
        index, reason = error
        raise UnicodeEncodeError("idna", label, index, index + 1, reason)
    return prepared


def _label_error(label, reason):
    """An error about a whole label: UnicodeEncodeError for text,
    UnicodeDecodeError for bytes (a plain UnicodeError otherwise)."""
    if isinstance(label, str):
        return UnicodeEncodeError("idna", label, 0, max(len(label), 1), reason)
    if isinstance(label, bytes):
        return UnicodeDecodeError("idna", label, 0, max(len(label), 1), reason)
    return UnicodeError(reason)


def _checked_length(encoded, label):
    if not encoded:
        raise _label_error(label, "label empty")
    if len(encoded) >= 64:
        raise _label_error(label, "label too long")
    return encoded


def ToASCII(label):
    """One label as ASCII bytes: itself if already ASCII, else nameprep
    and punycode behind 'xn--'.  Errors are UnicodeEncodeError over the
    label."""
    try:
        return _checked_length(label.encode("ascii"), label)
    except UnicodeEncodeError as exc:
        if exc.reason.startswith("label"):
            raise
    prepared = nameprep(label)
    try:
        return _checked_length(prepared.encode("ascii"), label)
    except UnicodeEncodeError as exc:
        if exc.reason.startswith("label"):
            raise
    if prepared.startswith(_SACE_PREFIX):
        raise _label_error(label, "Label starts with ACE prefix")
    return _checked_length(_ACE_PREFIX + prepared.encode("punycode"), label)


def _first_non_ascii(data):
    """Index of the first byte >= 0x80 in data, or -1."""
    for index, byte in enumerate(data):
        if byte >= 0x80:
            return index
    return -1


def _check_ascii_bytes(data):
    index = _first_non_ascii(data)
    if index >= 0:
        raise UnicodeDecodeError("idna", data, index, index + 1,
                                 "ordinal not in range(128)")


def _punycode_label(label):
    """Decode the part of an ASCII 'xn--' label after the prefix; a
    punycode error is moved to the label's coordinates."""
    try:
        return label[len(_ACE_PREFIX):].decode("punycode")
    except UnicodeDecodeError as exc:
        offset = len(_ACE_PREFIX)
        raise UnicodeDecodeError("idna", label, offset + exc.start,
                                 offset + exc.end, exc.reason) from None


def ToUnicode(label):
    """One label back to Unicode; an 'xn--' label must round-trip.  For a
    bytes label errors are UnicodeDecodeError over that label."""
    if len(label) > 1024:
        raise _label_error(label, "label way too long")
    if isinstance(label, (bytes, bytearray)):
        label = bytes(label)
        _check_ascii_bytes(label)
    else:
        try:
            label = label.encode("ascii")
        except UnicodeError:
            try:
                label = nameprep(label).encode("ascii")
            except UnicodeError:
                raise UnicodeError("Invalid character in IDN label") from None
    if not label[:len(_ACE_PREFIX)].lower() == _ACE_PREFIX:
        return str(label, "ascii")
    decoded = _punycode_label(label)
    try:
        again = ToASCII(decoded)
    except UnicodeError as exc:
        raise _label_error(label, str(exc)) from None
    if str(label, "ascii").lower() != str(again, "ascii"):
        raise _label_error(label, "IDNA does not round-trip, %r != %r"
                           % (label, again))
    return decoded


def _with_offsets(pieces):
    """(offset, label) for each label split from one text at one-character
    dots; offsets index that text."""
    result = []
    offset = 0
    for piece in pieces:
        result.append((offset, piece))
        offset += len(piece) + 1
    return result


def _moved(exc, whole, offset):
    """exc (raised over one label) re-raised over the whole input."""
    cls = type(exc)
    if cls not in (UnicodeEncodeError, UnicodeDecodeError):
        return exc
    return cls("idna", whole, offset + exc.start, offset + exc.end,
               exc.reason)


def _convert_labels(whole, labels, convert):
    """convert() applied to each (offset, label); errors point into whole."""
    result = []
    for offset, label in labels:
        try:
            result.append(convert(label))
        except UnicodeError as exc:
            raise _moved(exc, whole, offset) from None
    return result


def _split_trailing(labels, final):
    """Drop a trailing empty label (the trailing dot) and, when more input
    may follow, the last unfinished label.  Returns (labels, trailing)."""
    if not labels:
        return labels, False
    if not labels[-1][1]:
        return labels[:-1], True
    if not final:
        kept = labels[:-1]
        return kept, bool(kept)
    return labels, False


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        if errors != 'strict':
            raise UnicodeError(f"Unsupported error handling: {errors}")
        if not input:
            return b'', 0
        labels, trailing = _split_trailing(_with_offsets(_DOTS.split(input)),
                                           True)
        if len(labels) == 1 and not labels[0][1] and trailing:
            # "." alone: its one label is empty, not a trailing dot.
            labels, trailing = [(0, "")], False
        encoded = _convert_labels(input, labels, ToASCII)
        return b'.'.join(encoded) + (b'.' if trailing else b''), len(input)

    def decode(self, input, errors='strict'):
        if errors != 'strict':
            raise UnicodeError(f"Unsupported error handling: {errors}")
        if not input:
            return "", 0
        input = bytes(input)
        _check_ascii_bytes(input)
        labels, trailing = _split_trailing(_with_offsets(input.split(b".")),
                                           True)
        decoded = _convert_labels(input, labels, ToUnicode)
        return '.'.join(decoded) + ('.' if trailing else ''), len(input)


def _consumed(labels, trailing):
    """Input used by the converted labels and the dot after each."""
    used = sum(len(label) + 1 for _, label in labels)
    return used if trailing or not labels else used - 1


class IncrementalEncoder(codecs.BufferedIncrementalEncoder):
    def _buffer_encode(self, input, errors, final):
        if errors != 'strict':
            raise UnicodeError(f"Unsupported error handling: {errors}")
        if not input:
            return b'', 0
        labels, trailing = _split_trailing(_with_offsets(_DOTS.split(input)),
                                           final)
        encoded = _convert_labels(input, labels, ToASCII)
        return (b'.'.join(encoded) + (b'.' if trailing else b''),
                _consumed(labels, trailing))


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, input, errors, final):
        if errors != 'strict':
            raise UnicodeError(f"Unsupported error handling: {errors}")
        if not input:
            return "", 0
        if isinstance(input, str):
            labels = _with_offsets(_DOTS.split(input))
        else:
            input = bytes(input)
            # Checked before labels are complete, as CPython: a bad byte is
            # reported as soon as it arrives.
            _check_ascii_bytes(input)
            labels = _with_offsets(input.split(b"."))
        labels, trailing = _split_trailing(labels, final)
        decoded = _convert_labels(input, labels, ToUnicode)
        return ('.'.join(decoded) + ('.' if trailing else ''),
                _consumed(labels, trailing))


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
