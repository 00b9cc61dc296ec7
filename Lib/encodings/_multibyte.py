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

from _iconv_codec import DONE, ILLEGAL, INCOMPLETE, Converter

_ILLEGAL_REASON = "illegal multibyte sequence"
_INCOMPLETE_REASON = "incomplete multibyte sequence"


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
        replacement, resume = handler(error)
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
    data = bytes(data)
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
        end = position + 1 if reason == ILLEGAL else len(data)
        error = UnicodeDecodeError(
            name, data, position, end,
            _ILLEGAL_REASON if reason == ILLEGAL else _INCOMPLETE_REASON)
        if handler is None:
            handler = codecs.lookup_error(errors)
        replacement, resume = handler(error)
        pieces.append(replacement)
        position = _handler_position(resume, len(data))
        if not 0 <= position <= len(data):
            raise IndexError("position %d from error handler out of range"
                             % resume)
    return "".join(pieces), position


def build(name, iconv_name):
    """The classes of the codec `name` over the C library's `iconv_name`:
    (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
    StreamReader, getregentry)."""
    return build_with_converter(
        name, lambda decode: Converter(iconv_name, decode=decode))


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

        def __init__(self, errors="strict"):
            super().__init__(errors)
            self._converter = encoder()

        def encode(self, input, final=False):
            return _encode(self._converter, name, input, self.errors, final)

        def reset(self):
            self._converter.reset()

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):

        def __init__(self, errors="strict"):
            super().__init__(errors)
            self._converter = decoder()

        def _buffer_decode(self, input, errors, final):
            return _decode(self._converter, name, input, errors, final)

        def reset(self):
            super().reset()
            self._converter.reset()

    class StreamWriter(Codec, codecs.StreamWriter):

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

        def __init__(self, stream, errors="strict"):
            super().__init__(stream, errors)
            self._converter = decoder()

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
