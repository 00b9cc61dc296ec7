"""The ISO-2022 encodings (iso2022_jp, _jp_1, _jp_2, _jp_3, _jp_2004,
_jp_ext, _kr) as a state machine over the graphic character sets.

ISO-2022 text switches between character sets with escape sequences: a
designation (ESC ( B, ESC $ B, ESC $ ) C, ...) puts a set into one of the
slots G0, G1 or G2; plain bytes are read in G0, or in G1 after SO (shift
out) until SI (shift in) or a newline; ESC N reads one byte in G2.  The
double-byte sets are the 7-bit form of the EUC encodings (JIS X 0208 is
EUC-JP with the high bits cleared), so each set converts through the
matching EUC codec.

The state is kept as CPython keeps it, 8 bytes: the marks of G0..G3 and
a flags byte, where a set's mark is the final byte of its designation,
plus 0x80 for a double-byte set.  getstate() on the incremental encoder
and decoder returns it in CPython's layout.

A converter serves one codec object (an incremental encoder or decoder, a
stream reader or writer), used by one thread at a time like the file
objects that own them.  The conversion caches are shared: each entry is
written whole by a single dict store, so threads at worst compute one
twice.
"""

import codecs
import re

from _iconv_codec import DONE, ILLEGAL, INCOMPLETE
from encodings._jisx0213 import PLANE_2_ROWS
from encodings._multibyte import (COMBINING_MARKS, build_with_converter,
                                  encoder_state, parse_encoder_state)

ESC, SO, SI, LF = 0x1B, 0x0E, 0x0F, 0x0A
_DBCS = 0x80
_ASCII = ord("B")
_SHIFTED = 0x01             # flags bit: SO is in force (G1 is read)
_ESC_THROUGH = 0x02         # flags bit: a lone ESC was passed through
_MAX_ESCAPE = 16            # an escape longer than this is illegal
_STATE_BYTES = 8


# ---- character sets --------------------------------------------------------

class _Charset:
    """One graphic character set: `mark` (its designation's final byte,
    | 0x80 when double-byte) and `width`; decode() takes `width` 7-bit
    bytes and gives the text or None, encode() takes one character and
    gives its 7-bit bytes or None."""

    def __init__(self, mark, width, decode, encode, fixes=None, euc=None):
        self.mark = mark
        self.width = width
        self._decode = decode
        self._encode = encode
        # The EUC codec that converts whole runs of this set at once, or
        # None when the set needs prefixes, refusals or fixes.
        self._euc = euc
        # The caches start with the fixes: entries where the EUC codec
        # (the C library's table) differs from CPython's table of the set.
        decoded, encoded = fixes or ({}, {})
        self._decoded = dict(decoded)
        self._encoded = dict(encoded)

    def decode(self, code):
        try:
            return self._decoded[code]
        except KeyError:
            text = self._decoded[code] = self._decode(code)
            return text

    def encode(self, char):
        try:
            return self._encoded[char]
        except KeyError:
            code = self._encoded[char] = self._encode(char)
            return code

    def encode_run(self, text):
        """The 7-bit codes of all of `text`, or None when some character
        is not in the set: from the cache when it knows every character,
        else (for a set with a run form) from one codec call, whose
        results then go to the cache."""
        get = self._encoded.get
        codes = [get(char, _MISSING) for char in text]
        if _MISSING not in codes:
            return None if None in codes else b"".join(codes)
        if self._euc is None:
            return None
        try:
            raw = codecs.encode(text, self._euc)
        except UnicodeEncodeError:
            return None
        if len(raw) != 2 * len(text) or min(raw) < 0xA1 or max(raw) > 0xFE:
            return None
        code = raw.translate(_CLEAR_HIGH)
        for index, char in enumerate(text):
            self._encoded[char] = code[2 * index:2 * index + 2]
        return code

    def decode_run(self, code):
        """The text of a run of 7-bit codes (an even number of bytes in
        0x21-0x7E), or None when some code is not in the set: from the
        cache when it knows every code, else (for a set with a run form)
        from one codec call."""
        get = self._decoded.get
        texts = [get(code[i:i + 2], _MISSING) for i in range(0, len(code), 2)]
        if _MISSING not in texts:
            return None if None in texts else "".join(texts)
        if self._euc is None:
            return None
        try:
            text = codecs.decode(code.translate(_SET_HIGH), self._euc)
        except UnicodeDecodeError:
            return None
        if len(text) * 2 != len(code):
            return None
        for index, char in enumerate(text):
            self._decoded[code[2 * index:2 * index + 2]] = char
        return text


_MISSING = object()
_CLEAR_HIGH = bytes(byte & 0x7F for byte in range(256))
_SET_HIGH = bytes(byte | 0x80 for byte in range(256))
# Runs the converters hand to the EUC codecs in one call.
_GRAPHIC_RUN = re.compile(rb"[\x21-\x7e]*")
_PRINTABLE_RUN = re.compile(rb"[\x20-\x7e]*")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]*")
_ASCII_RUN = re.compile(r"[\x00-\x7f]*")


def _euc_decoder(encoding, prefix=b""):
    """7-bit codes to text through an EUC codec: the high bits set, and
    `prefix` (0x8F for a supplementary plane) in front."""
    decode = codecs.getdecoder(encoding)

    def convert(code):
        if any(byte < 0x21 or byte > 0x7E for byte in code):
            return None
        try:
            text = decode(prefix + bytes(byte | 0x80 for byte in code))[0]
        except UnicodeDecodeError:
            return None
        return text or None
    return convert


def _euc_encoder(encoding, prefix=b"", refused=frozenset()):
    """Text to 7-bit codes through an EUC codec: only results of the form
    prefix + two bytes in 0xA1-0xFE belong to the set; `refused` lists
    codes the set lacks though the codec has them."""
    encode = codecs.getencoder(encoding)

    def convert(text):
        try:
            raw = encode(text)[0]
        except UnicodeEncodeError:
            return None
        if len(raw) != len(prefix) + 2 or not raw.startswith(prefix):
            return None
        code = raw[len(prefix):]
        if not all(0xA1 <= byte <= 0xFE for byte in code):
            return None
        code = bytes(byte & 0x7F for byte in code)
        return None if code in refused else code
    return convert


def _dbcs(final, encoding, prefix=b"", refused=frozenset(), fixes=None):
    decode = _euc_decoder(encoding, prefix)
    plain = not prefix and not refused and fixes is None
    return _Charset(ord(final) | _DBCS, 2,
                    lambda code: None if code in refused else decode(code),
                    _euc_encoder(encoding, prefix, refused), fixes,
                    encoding if plain else None)


# Where the C library's tables differ from CPython's: (decoding fixes
# {code: text or None}, encoding fixes {char: code or None}).
_KSX1001_FIXES = ({b"\x22\x68": None, b"\x24\x54": "\u3164"},
                  {"\u20a9": None, "\u327e": None})
# (JIS X 0213's other differences are the euc_jis_2004 codec's own.)
_JISX0213_1_FIXES = ({b"\x22\x32": "~"}, {"\uff5e": None})
# ISO-2022-JP-3 (JIS X 0213:2000) only: code 0x7D3B of plane 2 encodes
# U+9B1D there, U+9B1C in the 2004 edition (see Config.encode_fixes).
JISX0213_2000_ENCODE_FIXES = {"\u9b1c": None,
                              "\u9b1d": (ord("P") | _DBCS, b"\x7d\x3b")}


def _ascii_decode(code):
    return chr(code[0])


def _ascii_encode(char):
    return bytes([ord(char)]) if ord(char) < 0x80 else None


# JIS X 0201 Roman: ASCII with the yen sign and the overline at 0x5C, 0x7E.
_ROMAN_DECODE = {0x5C: "\xa5", 0x7E: "\u203e"}
_ROMAN_ENCODE = {"\xa5": b"\x5c", "\u203e": b"\x7e"}


def _roman_decode(code):
    return _ROMAN_DECODE.get(code[0], chr(code[0]))


def _roman_encode(char):
    if char in _ROMAN_ENCODE:
        return _ROMAN_ENCODE[char]
    if ord(char) < 0x80 and ord(char) not in _ROMAN_DECODE:
        return bytes([ord(char)])
    return None


# JIS X 0201 katakana: bytes 0x21-0x5F are U+FF61-U+FF9F.
def _katakana_decode(code):
    return chr(0xFF61 + code[0] - 0x21) if 0x21 <= code[0] <= 0x5F else None


def _katakana_encode(char):
    index = ord(char) - 0xFF61
    return bytes([0x21 + index]) if 0 <= index <= 0x5F - 0x21 else None


def _upper_half(encoding):
    """A 96-character set read through ESC N: byte | 0x80 in `encoding`."""
    decode = codecs.getdecoder(encoding)
    encode = codecs.getencoder(encoding)

    def to_text(code):
        try:
            return decode(bytes([code[0] | 0x80]))[0] or None
        except UnicodeDecodeError:
            return None

    def to_code(char):
        try:
            raw = encode(char)[0]
        except UnicodeEncodeError:
            return None
        return bytes([raw[0] & 0x7F]) if len(raw) == 1 and raw[0] >= 0xA0 \
            else None
    return to_text, to_code


# The codes JIS X 0213:2004 added to plane 1: the 2000 edition (ESC $ ( O)
# lacks them.
_JISX0213_2004_ADDITIONS = frozenset(bytes(pair) for pair in (
    (0x2E, 0x21), (0x2F, 0x7E), (0x4F, 0x54), (0x4F, 0x7E), (0x74, 0x27),
    (0x7E, 0x7A), (0x7E, 0x7B), (0x7E, 0x7C), (0x7E, 0x7D), (0x7E, 0x7E)))


class _NotPlane2:
    """The codes of euc_jis_2004's 0x8F page outside JIS X 0213 plane 2
    (its JIS X 0212 rows), as `refused` of the plane 2 set."""

    def __contains__(self, code):
        return code[0] - 0x20 not in PLANE_2_ROWS


def _charsets():
    """Every set by mark, made once on first use."""
    sets = [
        _Charset(_ASCII, 1, _ascii_decode, _ascii_encode),
        _Charset(ord("J"), 1, _roman_decode, _roman_encode),
        _Charset(ord("I"), 1, _katakana_decode, _katakana_encode),
        _Charset(ord("A"), 1, *_upper_half("latin-1")),
        _Charset(ord("F"), 1, *_upper_half("iso8859_7")),
        _dbcs("B", "euc_jp"),                       # JIS X 0208-1983
        _dbcs("@", "euc_jp"),                       # JIS X 0208-1978
        _dbcs("D", "euc_jp", b"\x8f"),
        _dbcs("C", "euc_kr", fixes=_KSX1001_FIXES),
        _dbcs("A", "gb2312"),                       # GB 2312
        # JIS X 0213 plane 1, editions 2000 and 2004, and plane 2.
        _dbcs("O", "euc_jis_2004", refused=_JISX0213_2004_ADDITIONS,
              fixes=_JISX0213_1_FIXES),
        _dbcs("Q", "euc_jis_2004", fixes=_JISX0213_1_FIXES),
        _dbcs("P", "euc_jis_2004", b"\x8f", refused=_NotPlane2()),
    ]
    return {charset.mark: charset for charset in sets}


_CHARSETS = None


def _charset(mark):
    """The set of `mark`, or None for a mark no encoding uses (a state
    given to setstate() may hold anything)."""
    global _CHARSETS
    if _CHARSETS is None:
        _CHARSETS = _charsets()
    return _CHARSETS.get(mark)


# ---- designations ----------------------------------------------------------

def _parse_designation(escape):
    """(slot, mark) of a designation (the bytes after ESC), or None."""
    if len(escape) == 2 and escape[0] == ord("$"):
        return 0, escape[1] | _DBCS
    if len(escape) == 2:
        slot = {ord("("): 0, ord(")"): 1, ord("."): 2}.get(escape[0])
        return None if slot is None else (slot, escape[1])
    if len(escape) == 3 and escape[0] == ord("$"):
        slot = {ord("("): 0, ord(")"): 1}.get(escape[1])
        return None if slot is None else (slot, escape[2] | _DBCS)
    return None


def _designation_escape(mark, slot):
    """The escape sequence putting the set `mark` into `slot`."""
    final = bytes([mark & 0x7F])
    if mark & _DBCS:
        if slot == 0 and final in b"@B":
            return b"\x1b$" + final
        return b"\x1b$" + b"()"[slot:slot + 1] + final
    return b"\x1b" + b"()."[slot:slot + 1] + final


class Config:
    """What one encoding allows: `escapes`, the designations it reads
    (bytes after ESC); `encode_order`, the marks of the sets its encoder
    tries, in order; `shift`, whether SO/SI switch to G1 (else they are
    plain control characters); `single_shift`, whether ESC N reads G2;
    `pairs_mark`, the JIS X 0213 plane-1 set whose two-character
    sequences (a kana and a combining mark) are single codes;
    `jisx0208_1990`, whether ESC & @ ESC $ B designates JIS X 0208;
    `encode_fixes`, {char: (mark, code) or None} taking precedence over
    the sets (where an edition of a set maps a character differently)."""

    def __init__(self, escapes, encode_order, shift=False,
                 single_shift=False, pairs_mark=None, jisx0208_1990=False,
                 encode_fixes=None):
        self.designations = {}
        for escape in escapes:
            self.designations[escape] = _parse_designation(escape)
        self.encode_order = tuple(mark for mark in encode_order)
        self.shift = shift
        self.single_shift = single_shift
        self.pairs_mark = pairs_mark
        self.jisx0208_1990 = jisx0208_1990
        self.encode_fixes = encode_fixes or {}


def _initial_state(g2):
    state = bytearray(_STATE_BYTES)
    state[0] = state[1] = _ASCII
    state[2] = g2
    return state


# ---- decoding --------------------------------------------------------------

_ESCAPE_STARTS = b"()$.&"


def _escape_length(data, start):
    """Length of the escape sequence at data[start] (ESC, then bytes up to
    a final byte '@' or 'A'-'Z'); 0 when data ends first, -1 when none
    comes within _MAX_ESCAPE bytes."""
    for offset in range(1, _MAX_ESCAPE):
        if start + offset >= len(data):
            return 0
        byte = data[start + offset]
        if byte == 0x40 or 0x41 <= byte <= 0x5A:
            return offset + 1
    return -1


class Decoder:
    """Converter interface of encodings._multibyte: decode(data) gives
    (text, bytes used, DONE/ILLEGAL/INCOMPLETE) with the length of an
    illegal sequence in illegal_length."""

    _JISX0208_1990 = b"\x1b&@\x1b$B"

    def __init__(self, config):
        self._config = config
        self.illegal_length = 1
        self.reset()

    def reset(self):
        self.state = _initial_state(_ASCII)

    def getstate(self):
        return int.from_bytes(self.state, "little")

    def setstate(self, flags):
        self.state = bytearray(flags.to_bytes(_STATE_BYTES, "little"))

    def _illegal(self, pieces, position, length):
        self.illegal_length = length
        return "".join(pieces), position, ILLEGAL

    def _designate(self, data, position):
        """Bytes used by the escape at `position` (> 0), 0 when it is cut
        by the end of data, or -length when it is illegal."""
        if self._config.jisx0208_1990 and data[position + 1] == ord("&"):
            wanted = self._JISX0208_1990
            if len(data) - position < len(wanted):
                return 0 if wanted.startswith(data[position:]) else -3
            if data[position:position + len(wanted)] != wanted:
                return -len(wanted)
            self.state[0] = ord("B") | _DBCS
            return len(wanted)
        length = _escape_length(data, position)
        if length <= 0:
            return length
        escape = bytes(data[position + 1:position + length])
        designation = self._config.designations.get(escape)
        if designation is None:
            return -length
        slot, mark = designation
        self.state[slot] = mark
        return length

    def _single_shift(self, data, position):
        """The character ESC N gives, or None when its byte is not in G2."""
        byte = data[position + 2]
        charset = _charset(self.state[2])
        if byte >= 0x80 or charset is None or charset.width != 1:
            return None
        return charset.decode(bytes([byte]))

    def decode(self, data):
        pieces = []
        position = 0
        state = self.state
        config = self._config
        while position < len(data):
            byte = data[position]
            if byte == ESC:
                if position + 1 >= len(data):
                    return "".join(pieces), position, INCOMPLETE
                follower = data[position + 1]
                if follower in _ESCAPE_STARTS:
                    used = self._designate(data, position)
                    if used == 0:
                        return "".join(pieces), position, INCOMPLETE
                    if used < 0:
                        return self._illegal(pieces, position,
                                             1 if used == -1 else -used)
                    position += used
                elif config.single_shift and follower == ord("N"):
                    if position + 2 >= len(data):
                        return "".join(pieces), position, INCOMPLETE
                    char = self._single_shift(data, position)
                    if char is None:
                        return self._illegal(pieces, position, 3)
                    pieces.append(char)
                    position += 3
                else:
                    pieces.append("\x1b")
                    state[4] |= _ESC_THROUGH
                    position += 1
                continue
            if config.shift and byte in (SO, SI):
                if byte == SO:
                    state[4] |= _SHIFTED
                else:
                    state[4] &= ~_SHIFTED
                position += 1
                continue
            if byte == LF:
                state[4] &= ~_SHIFTED
            if byte < 0x20:
                pieces.append(chr(byte))
                position += 1
                continue
            if byte >= 0x80:
                return self._illegal(pieces, position, 1)
            mark = state[1] if state[4] & _SHIFTED else state[0]
            if mark == _ASCII:
                end = _PRINTABLE_RUN.match(data, position).end()
                pieces.append(data[position:end].decode("ascii"))
                position = end
                continue
            charset = _charset(mark)
            if charset is None:
                return self._illegal(pieces, position, 1)
            end = _GRAPHIC_RUN.match(data, position).end()
            end -= (end - position) % charset.width
            if end - position > charset.width:
                text = charset.decode_run(bytes(data[position:end]))
                if text is not None:
                    pieces.append(text)
                    position = end
                    continue
            if position + charset.width > len(data):
                return "".join(pieces), position, INCOMPLETE
            code = bytes(data[position:position + charset.width])
            text = charset.decode(code)
            if text is None:
                return self._illegal(pieces, position, charset.width)
            pieces.append(text)
            position += charset.width
        return "".join(pieces), position, DONE


# ---- encoding --------------------------------------------------------------

class Encoder:
    """Converter interface of encodings._multibyte: encode(text, final)
    gives (bytes, characters used, DONE/ILLEGAL).  A character that may
    start a two-character code is held back (pending) until the next
    call shows what follows it, or a final call."""

    def __init__(self, config):
        self._config = config
        self.reset()

    def reset(self):
        self.state = _initial_state(0)
        self.pending = ""

    def getstate(self):
        """CPython's layout: the pending characters' UTF-8 length and
        bytes, then the 8 state bytes, read as a little-endian int."""
        return encoder_state(self.pending, self.state)

    def setstate(self, state):
        self.pending, self.state = parse_encoder_state(state)

    def _pair_code(self, pair):
        """The plane-1 code of a two-character sequence, or None."""
        return _charset(self._config.pairs_mark).encode(pair) \
            if len(pair) == 2 else None

    def _may_start_pair(self, char):
        if self._config.pairs_mark is None or ord(char) < 0x80:
            return False
        return any(self._pair_code(char + mark) for mark in COMBINING_MARKS)

    def _to_ascii(self, out):
        state = self.state
        if state[4] & _SHIFTED:
            out.append(SI)
            state[4] &= ~_SHIFTED
        if state[0] != _ASCII:
            out += _designation_escape(_ASCII, 0)
            state[0] = _ASCII

    def _emit(self, out, mark, code):
        """Write `code` of the set `mark`, designating and shifting first
        as the set's slot needs."""
        state = self.state
        if mark in (ord("A"), ord("F")):
            if state[2] != mark:
                out += _designation_escape(mark, 2)
                state[2] = mark
            out += b"\x1bN"
        elif self._config.shift:
            if state[1] != mark:
                out += _designation_escape(mark, 1)
                state[1] = mark
            if not state[4] & _SHIFTED:
                out.append(SO)
                state[4] |= _SHIFTED
        elif state[0] != mark:
            out += _designation_escape(mark, 0)
            state[0] = mark
        out += code

    def _find(self, char):
        if char in self._config.encode_fixes:
            return self._config.encode_fixes[char]
        for mark in self._config.encode_order:
            code = _charset(mark).encode(char)
            if code is not None:
                return mark, code
        return None

    def encode(self, text, final=False):
        held = len(self.pending)
        text = self.pending + text
        self.pending = ""
        out = bytearray()
        position = 0
        one_by_one = 0          # characters before this go one at a time
        while position < len(text):
            char = text[position]
            if ord(char) < 0x80:
                self._to_ascii(out)
                end = _ASCII_RUN.match(text, position).end()
                out += text[position:end].encode("ascii")
                position = end
                continue
            if position >= one_by_one and self._config.pairs_mark is None:
                # A run the first set holds whole: one codec call.
                end = _NON_ASCII_RUN.match(text, position).end()
                mark = self._config.encode_order[0]
                code = _charset(mark).encode_run(text[position:end])
                if code is not None:
                    self._emit(out, mark, code)
                    position = end
                    continue
                one_by_one = end
            if self._may_start_pair(char):
                if position + 1 == len(text) and not final:
                    self.pending = char
                    position += 1
                    break
                code = self._pair_code(text[position:position + 2])
                if code is not None:
                    self._emit(out, self._config.pairs_mark, code)
                    position += 2
                    continue
            found = self._find(char)
            if found is None:
                return bytes(out), max(position - held, 0), ILLEGAL
            self._emit(out, *found)
            position += 1
        if final:
            self._to_ascii(out)
        return bytes(out), len(text) - held, DONE


def build(name, config):
    """The codec classes of `name` (see encodings._multibyte)."""
    return build_with_converter(
        name, lambda decode: Decoder(config) if decode else Encoder(config))
