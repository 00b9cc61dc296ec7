"""The codec classes shared by the multibyte encodings (shift_jis, gbk,
big5, euc_kr, iso2022_jp, ...).

The conversion itself is the C library's iconv (the _iconv_codec module);
this layer turns its stop positions into calls of the codec error
handlers, so "replace", "ignore", "backslashreplace", "xmlcharrefreplace",
"surrogateescape" and registered handlers all work.  Each codec module
calls build() with its Python name and the C library's name for it.

An incremental encoder or decoder, or a stream reader or writer, keeps its
own converter (ISO-2022 encodings carry a shift state between calls) and
is meant for one thread at a time, like the file objects that use them.
"""

import codecs
import re

from _iconv_codec import DONE, ILLEGAL, INCOMPLETE, Converter

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
_DESIGNATION_STARTS = b"$()."


class _EscapeCheckedConverter:
    """An ISO-2022 Converter that accepts only the designations its
    encoding defines (`escapes`, the bytes after ESC): the C library keeps
    unknown ones as text, CPython reports them as illegal sequences.  ESC
    followed by anything but a designation start stays text, as in
    CPython.  With `encode_escapes` set, encoding refuses the characters
    for which the converter would designate a set outside them (the C
    library's converter covers a superset of the encoding)."""

    def __init__(self, converter, escapes, encode_escapes=None):
        self._converter = converter
        self._escapes = frozenset(escapes)
        self._encode_escapes = (frozenset(encode_escapes)
                                if encode_escapes is not None else None)
        self.illegal_length = 1

    def reset(self):
        self._converter.reset()

    def _first_bad_escape(self, data):
        """(position, length) of the first designation not in escapes,
        or None; an escape cut by the end of data is left to the
        converter, which reports it as incomplete."""
        position = data.find(b"\x1b")
        while position >= 0:
            if position + 2 >= len(data):
                return None
            introducer = data[position + 1]
            if introducer in _DESIGNATION_STARTS:
                length = 3
                if introducer == 0x24 and data[position + 2] in b"()":
                    length = 4
                if position + length > len(data):
                    return None
                if data[position + 1:position + length] not in self._escapes:
                    return position, length
            position = data.find(b"\x1b", position + 1)
        return None

    def decode(self, data):
        self.illegal_length = 1
        bad = self._first_bad_escape(data)
        if bad is None:
            return self._converter.decode(data)
        position, length = bad
        text, used, reason = self._converter.decode(data[:position])
        if used < position or reason != DONE:
            return text, used, reason
        self.illegal_length = length
        return text, position, ILLEGAL

    def _allowed_output(self, encoded):
        position = encoded.find(b"\x1b")
        while position >= 0:
            length = 4 if encoded[position + 2:position + 3] in (b"(", b")") \
                and encoded[position + 1] == 0x24 else 3
            if encoded[position + 1:position + length] not in self._encode_escapes:
                return False
            position = encoded.find(b"\x1b", position + 1)
        return True

    def encode(self, text, final=False):
        if self._encode_escapes is None:
            return self._converter.encode(text, final)
        # One character at a time, so that a refused one is found where it
        # stands; the converter's shift state carries across the calls.
        pieces = []
        for position, char in enumerate(text):
            encoded, used, reason = self._converter.encode(char, False)
            if reason != DONE or not self._allowed_output(encoded):
                return b"".join(pieces), position, ILLEGAL
            pieces.append(encoded)
        if final:
            encoded, used, reason = self._converter.encode("", True)
            pieces.append(encoded)
        return b"".join(pieces), len(text), DONE


def build(name, iconv_name, adjustments=None, escapes=None,
          encode_escapes=None):
    """The classes of the codec `name` over the C library's `iconv_name`:
    (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
    StreamReader, getregentry).  For ISO-2022 encodings, escapes lists
    the designations they accept (see _EscapeCheckedConverter)."""
    if escapes is not None:
        return build_with_converter(
            name, lambda decode: _EscapeCheckedConverter(
                Converter(iconv_name, decode=decode), escapes, encode_escapes))
    if adjustments is None:
        return build_with_converter(
            name, lambda decode: Converter(iconv_name, decode=decode))
    return build_with_converter(
        name, lambda decode: _AdjustedConverter(
            Converter(iconv_name, decode=decode), adjustments))


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


def build_with_converter(name, make_converter):
    """The classes of the codec `name` over converters from
    make_converter(decode), objects with _iconv_codec.Converter's methods
    (encode, decode, reset)."""

    def encoder():
        return make_converter(False)

    def decoder():
        return make_converter(True)

    class Codec(codecs.Codec):

        def encode(self, input, errors="strict"):
            return _encode(encoder(), name, input, errors, True), len(input)

        def decode(self, input, errors="strict"):
            return _decode(decoder(), name, input, errors, True)

    class IncrementalEncoder(codecs.IncrementalEncoder):

        errors = _errors_attribute()

        def __init__(self, errors="strict"):
            super().__init__(errors)
            self._converter = encoder()

        def encode(self, input, final=False):
            return _encode(self._converter, name, input, self.errors, final)

        def reset(self):
            self._converter.reset()

        def setstate(self, state):
            # getstate() is always 0 (the initial state: the C library
            # keeps held characters and the shift state out of sight), so
            # 0 is the one state there is to return to; it drops what the
            # converter holds, as TextIOWrapper.seek() needs.
            if state != 0:
                raise ValueError(f"{name} encoder: unknown state {state!r}")
            self._converter.reset()

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):

        errors = _errors_attribute()

        def __init__(self, errors="strict"):
            super().__init__(errors)
            self._converter = decoder()

        def _buffer_decode(self, input, errors, final):
            return _decode(self._converter, name, input, errors, final)

        def reset(self):
            super().reset()
            self._converter.reset()

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

    return (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
            StreamReader, getregentry)
