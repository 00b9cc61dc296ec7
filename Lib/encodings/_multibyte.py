"""The codec classes shared by the multibyte encodings (shift_jis, gbk,
big5, euc_kr, iso2022_jp, ...).

The conversion itself is the C library's iconv (the _iconv_codec module),
or for the ISO-2022 encodings the state machine of encodings/_iso2022.py
(over the EUC codecs); this layer turns their stop positions into calls of
the codec error handlers, so "replace", "ignore", "backslashreplace",
"xmlcharrefreplace", "surrogateescape" and registered handlers all work.
Each codec module calls build() with its Python name and the C library's
name for it (or _iso2022.build()).

An incremental encoder or decoder, or a stream reader or writer, keeps its
own converter (ISO-2022 encodings carry a shift state between calls) and
is meant for one thread at a time, like the file objects that use them.
Incremental encoders and decoders report that state with getstate() in
CPython's layout.
"""

import codecs
import re

from _iconv_codec import DONE, ILLEGAL, INCOMPLETE, Converter
from encodings._module_level import adopt

_ILLEGAL_REASON = "illegal multibyte sequence"
_INCOMPLETE_REASON = "incomplete multibyte sequence"


def _checked_result(result, replacement_types, message):
    """An error handler's (replacement, position), or TypeError."""
    if (not isinstance(result, tuple) or len(result) != 2
            or not isinstance(result[0], replacement_types)
            or not isinstance(result[1], int)):
        raise TypeError(message)
    return result


def _handler_position(position, length):
    return position + length if position < 0 else position


def _encode(converter, name, text, errors, final):
    """text encoded through converter, errors resolved by the handler."""
    pieces = []
    position = 0
    handler = None
    while True:
        chunk, consumed, reason = converter.encode(text[position:], final)
        pieces.append(chunk)
        position += consumed
        if reason == DONE:
            return b"".join(pieces)
        error = UnicodeEncodeError(name, text, position, position + 1,
                                   _ILLEGAL_REASON)
        if handler is None:
            handler = codecs.lookup_error(errors)
        replacement, resume = _checked_result(
            handler(error), (str, bytes),
            "encoding error handler must return (str/bytes, int) tuple")
        if isinstance(replacement, str):
            encoded, used, reason = converter.encode(replacement, False)
            if reason != DONE:
                raise error
            pieces.append(encoded)
        else:
            pieces.append(bytes(replacement))
        position = _handler_position(resume, len(text))
        if not 0 <= position <= len(text):
            raise IndexError("position %d from error handler out of range"
                             % resume)


def _decode(converter, name, data, errors, final):
    """(text, bytes consumed): with final false, a truncated sequence at
    the end is left unconsumed for the next call."""
    # Only a bytes-like object (bytes() would take 42 as a length).
    data = bytes(memoryview(data))
    pieces = []
    position = 0
    handler = None
    while True:
        chunk, consumed, reason = converter.decode(data[position:])
        pieces.append(chunk)
        position += consumed
        if reason == DONE:
            break
        if reason == INCOMPLETE and not final:
            break
        if reason == ILLEGAL:
            end = position + getattr(converter, "illegal_length", 1)
        else:
            end = len(data)
        error = UnicodeDecodeError(
            name, data, position, end,
            _ILLEGAL_REASON if reason == ILLEGAL else _INCOMPLETE_REASON)
        if handler is None:
            handler = codecs.lookup_error(errors)
        replacement, resume = _checked_result(
            handler(error), str,
            "decoding error handler must return (str, int) tuple")
        pieces.append(replacement)
        position = _handler_position(resume, len(data))
        if not 0 <= position <= len(data):
            raise IndexError("position %d from error handler out of range"
                             % resume)
    return "".join(pieces), position


class Adjustments:
    """Where a codec must differ from the C library's conversion to give
    CPython's results (the C library follows other vendors' tables for a
    few characters, mostly in the ASCII and C1 ranges):

    translate      str.translate table applied to decoded text, for
                   characters the C library gives for single bytes
                   (Shift JIS 0x5C is a backslash, not a yen sign);
    refuse_bytes   a bytes regex of bytes that are invalid wherever they
                   stand (no multibyte sequence contains them);
    lone_bytes     bytes that are invalid at the start of a character but
                   may be second bytes of a pair, with lead_bytes the bytes
                   that start a pair;
    extra_bytes    {byte: character} decoded where the C library refuses;
    refuse_chars   a str regex of characters that are not encodable;
    extra_chars    {character: bytes} encoded where the C library refuses
                   (or is overruled by refuse_chars);
    sequences      an object for multi-character byte sequences the C
                   library does not know: find(data, start, limit) gives
                   where the first starts (or limit), decode(data, position,
                   converter) gives (text, new position), INCOMPLETE, or
                   None to decode normally, and encode(char, converter)
                   gives bytes or None.
    """

    def __init__(self, translate=None, refuse_bytes=None, lone_bytes=b"",
                 lead_bytes=b"", extra_bytes=None, refuse_chars=None,
                 extra_chars=None, sequences=None):
        self.translate = translate
        self.refuse_bytes = re.compile(refuse_bytes) if refuse_bytes else None
        self.lone_bytes = frozenset(lone_bytes)
        self.lead_bytes = frozenset(lead_bytes)
        self.extra_bytes = extra_bytes or {}
        self.refuse_chars = re.compile(refuse_chars) if refuse_chars else None
        self.extra_chars = extra_chars or {}
        self.sequences = sequences

    def first_refused_byte(self, data, start):
        """The position of the first refused byte at or after start."""
        limit = len(data)
        if self.refuse_bytes is not None:
            match = self.refuse_bytes.search(data, start)
            if match:
                limit = match.start()
        if self.lone_bytes and any(byte in data for byte in self.lone_bytes):
            position = start
            while position < limit:
                byte = data[position]
                if byte in self.lone_bytes:
                    return position
                position += 2 if byte in self.lead_bytes else 1
        if self.sequences is not None:
            limit = self.sequences.find(data, start, limit)
        return limit

    def first_refused_char(self, text, start):
        if self.refuse_chars is None:
            return len(text)
        match = self.refuse_chars.search(text, start)
        return match.start() if match else len(text)


class _AdjustedConverter:
    """A Converter whose results are corrected by Adjustments; used only
    for stateless encodings, where characters can be converted apart."""

    def __init__(self, converter, adjustments):
        self._converter = converter
        self._adjust = adjustments

    def reset(self):
        self._converter.reset()

    def encode(self, text, final=False):
        pieces = []
        position = 0
        while True:
            limit = self._adjust.first_refused_char(text, position)
            chunk, used, reason = self._converter.encode(text[position:limit],
                                                         final)
            pieces.append(chunk)
            position += used
            if position == len(text):
                return b"".join(pieces), position, DONE
            extra = self._adjust.extra_chars.get(text[position])
            if extra is None and self._adjust.sequences is not None:
                extra = self._adjust.sequences.encode(text[position],
                                                      self._converter)
            if extra is None:
                return b"".join(pieces), position, ILLEGAL
            pieces.append(extra)
            position += 1

    def decode(self, data):
        pieces = []
        position = 0
        translate = self._adjust.translate
        while True:
            limit = self._adjust.first_refused_byte(data, position)
            text, used, reason = self._converter.decode(data[position:limit])
            pieces.append(text.translate(translate) if translate else text)
            position += used
            if position == len(data):
                return "".join(pieces), position, DONE
            if reason == DONE and self._adjust.sequences is not None:
                decoded = self._adjust.sequences.decode(data, position,
                                                        self._converter)
                if decoded == INCOMPLETE:
                    return "".join(pieces), position, INCOMPLETE
                if decoded is not None:
                    text, position = decoded
                    pieces.append(text)
                    continue
            if reason == DONE or (reason == INCOMPLETE and limit < len(data)):
                # Stopped at a refused byte, or a pair cut by one.
                return "".join(pieces), position, ILLEGAL
            extra = self._adjust.extra_bytes.get(data[position])
            if reason == ILLEGAL and extra is not None:
                pieces.append(extra)
                position += 1
                continue
            return "".join(pieces), position, reason


# The bytes that, after ESC, start a designation in ISO 2022 text:
# ESC ( F, ESC ) F, ESC . F, ESC $ F, ESC $ ( F and ESC $ ) F.
# ---- incremental encoder state ---------------------------------------------
#
# CPython's multibyte incremental encoders report their state as one int:
# the little-endian reading of [n] + n bytes of held (pending) text in
# UTF-8 + the codec's 8 state bytes (the ISO-2022 shift state).

_PENDING_MAX = 8
_STATE_BYTES = 8

# The combining marks that follow a kana or letter in JIS X 0213's
# two-character codes.
COMBINING_MARKS = ("\u309a", "\u0300", "\u0301", "\u02e5", "\u02e9")


def encoder_state(pending, state_bytes):
    """The getstate() int of held text `pending` and `state_bytes`."""
    raw = pending.encode("utf-8")
    return int.from_bytes(bytes([len(raw)]) + raw + bytes(state_bytes),
                          "little")


def parse_encoder_state(state):
    """(held text, 8 state bytes) of a setstate() int, checked as CPython
    checks it: UnicodeError for too much held text, UnicodeDecodeError
    for text that is not UTF-8."""
    raw = state.to_bytes(1 + _PENDING_MAX + _STATE_BYTES, "little")
    size = raw[0]
    if size > _PENDING_MAX:
        raise UnicodeError("pending buffer too large")
    pending = raw[1:1 + size].decode("utf-8")
    return pending, bytearray(raw[1 + size:1 + size + _STATE_BYTES])


def _pair_probe(encode_text):
    """may_start_pair(char) for an encoding with two-character codes:
    does char followed by some combining mark encode as one code (as many
    bytes as char alone)?  Answers are cached; each is one dict store, so
    threads racing on a character at worst both compute it."""
    cache = {}

    def length(text):
        try:
            return len(encode_text(text))
        except UnicodeEncodeError:
            return None

    def may_start_pair(char):
        if ord(char) < 0x80:
            return False
        try:
            return cache[char]
        except KeyError:
            pass
        alone = length(char)
        answer = alone is not None and any(
            length(char + mark) == alone for mark in COMBINING_MARKS)
        cache[char] = answer
        return answer
    return may_start_pair


class _HeldTextConverter:
    """An encoding converter of the C library's with CPython's held-text
    state: text given to setstate() is encoded ahead of the next input,
    and, for the JIS X 0213 encodings (`may_start_pair` given), a final
    character that may start a two-character code is held back until the
    next call shows what follows it.  Those encodings have no shift state,
    so the C library's converter is then always told the text ends, and
    holds nothing itself."""

    def __init__(self, converter, may_start_pair=None):
        self._converter = converter
        self._may_start_pair = may_start_pair
        self.pending = ""
        self.illegal_length = 1

    def reset(self):
        self._converter.reset()
        self.pending = ""

    def getstate(self):
        return encoder_state(self.pending, bytes(_STATE_BYTES))

    def setstate(self, state):
        self.pending = parse_encoder_state(state)[0]
        self._converter.reset()

    def encode(self, text, final=False):
        held = len(self.pending)
        text = self.pending + text
        self.pending = ""
        if self._may_start_pair is not None:
            if not final and text and self._may_start_pair(text[-1]):
                self.pending = text[-1]
                text = text[:-1]
            final = True
        encoded, used, reason = self._converter.encode(text, final)
        if reason == DONE:
            used = len(text) + len(self.pending)
        return encoded, max(used - held, 0), reason


def build(name, iconv_name, adjustments=None, pairs=False):
    """The classes of the codec `name` over the C library's `iconv_name`:
    (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
    StreamReader, getregentry).  The ISO-2022 encodings have their own
    converters (encodings._iso2022).  `pairs` marks the JIS X 0213
    encodings, with their two-character codes."""
    if adjustments is None:
        return build_with_converter(
            name, lambda decode: Converter(iconv_name, decode=decode), pairs)
    return build_with_converter(
        name, lambda decode: _AdjustedConverter(
            Converter(iconv_name, decode=decode), adjustments), pairs)


def _errors_attribute():
    """The errors attribute of the codec objects: a str that can be
    replaced but not deleted, as on CPython's multibyte codecs."""

    def get(self):
        return self._errors

    def set(self, value):
        if not isinstance(value, str):
            raise TypeError("errors must be a string, not %s"
                            % type(value).__name__)
        self._errors = value

    def delete(self):
        raise AttributeError("cannot delete attribute")

    return property(get, set, delete)


_MAX_PENDING_BYTES = 8


def _checked_decoder_state(state):
    """(buffer, flags) from an incremental decoder's setstate() argument,
    checked as CPython's multibyte decoders check it."""
    if (not isinstance(state, tuple) or len(state) != 2
            or not isinstance(state[0], bytes)
            or not isinstance(state[1], int)):
        raise TypeError("setstate(): illegal state argument")
    buffer, flags = state
    if len(buffer) > _MAX_PENDING_BYTES:
        raise UnicodeError("pending buffer too large")
    return buffer, flags


def build_with_converter(name, make_converter, pairs=False):
    """The classes of the codec `name` over converters from
    make_converter(decode), objects with _iconv_codec.Converter's methods
    (encode, decode, reset)."""

    def encoder():
        return make_converter(False)

    def decoder():
        return make_converter(True)

    may_start_pair = _pair_probe(
        lambda text: _encode(encoder(), name, text, "strict", True)) \
        if pairs else None

    class Codec(codecs.Codec):

        def encode(self, input, errors="strict"):
            return _encode(encoder(), name, input, errors, True), len(input)

        def decode(self, input, errors="strict"):
            return _decode(decoder(), name, input, errors, True)

    class IncrementalEncoder(codecs.IncrementalEncoder):

        errors = _errors_attribute()

        def __init__(self, errors="strict"):
            super().__init__(errors)
            # The converter keeps the state: held text (`pending`) and,
            # for ISO-2022, the shift state, both in CPython's layout.
            converter = encoder()
            if not hasattr(converter, "getstate"):
                converter = _HeldTextConverter(converter, may_start_pair)
            self._converter = converter

        def encode(self, input, final=False):
            pending = self._converter.pending
            try:
                return _encode(self._converter, name, input, self.errors,
                               final)
            except BaseException:
                # As in CPython, a failed call keeps the held text.
                self._converter.pending = pending
                raise

        def reset(self):
            self._converter.reset()

        def getstate(self):
            return self._converter.getstate()

        def setstate(self, state):
            self._converter.setstate(state)

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):

        errors = _errors_attribute()

        def __init__(self, errors="strict"):
            super().__init__(errors)
            self._converter = decoder()
            self._flags = 0

        def _buffer_decode(self, input, errors, final):
            return _decode(self._converter, name, input, errors, final)

        def reset(self):
            super().reset()
            self._converter.reset()
            self._flags = 0

        def getstate(self):
            """(undecoded bytes, state as an int): the converter's shift
            state when it has one, else what setstate() was given."""
            getstate = getattr(self._converter, "getstate", None)
            flags = self._flags if getstate is None else getstate()
            return (bytes(self.buffer), flags)

        def setstate(self, state):
            buffer, flags = _checked_decoder_state(state)
            self.buffer = buffer
            setstate = getattr(self._converter, "setstate", None)
            if setstate is None:
                self._flags = flags
            else:
                setstate(flags)

    class StreamWriter(Codec, codecs.StreamWriter):

        errors = _errors_attribute()

        def __init__(self, stream, errors="strict"):
            super().__init__(stream, errors)
            self._converter = encoder()

        def encode(self, input, errors="strict"):
            return _encode(self._converter, name, input, errors, False), len(input)

        def reset(self):
            # Return a stateful encoding to its initial shift state.
            self.stream.write(_encode(self._converter, name, "", self.errors, True))
            self._converter.reset()

    class StreamReader(Codec, codecs.StreamReader):

        errors = _errors_attribute()

        def __init__(self, stream, errors="strict"):
            super().__init__(stream, errors)
            self._converter = decoder()

        def read(self, size=-1, chars=-1, firstline=False):
            return super().read(-1 if size is None else size, chars, firstline)

        def readlines(self, sizehint=None, keepends=True):
            return super().readlines(sizehint, keepends)

        def decode(self, input, errors="strict"):
            return _decode(self._converter, name, input, errors, False)

        def _read_more(self, size, firstline=False):
            more = super()._read_more(size, firstline)
            if not more and self.bytebuffer:
                # The stream ended inside a multibyte sequence: reported
                # (or given to the error handler) as in CPython.
                text, used = _decode(self._converter, name, self.bytebuffer,
                                     self.errors, True)
                self.bytebuffer = self.bytebuffer[used:]
                self.charbuffer += text
            return more

        def reset(self):
            super().reset()
            self._converter.reset()

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=Codec().encode,
            decode=Codec().decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    adopt(Codec=Codec, IncrementalEncoder=IncrementalEncoder,
          IncrementalDecoder=IncrementalDecoder, StreamWriter=StreamWriter,
          StreamReader=StreamReader, getregentry=getregentry)
    return (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
            StreamReader, getregentry)
