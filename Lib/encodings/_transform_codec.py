"""The codec classes shared by the bytes-to-bytes transform codecs
(base64_codec, hex_codec, quopri_codec, uu_codec, zlib_codec, bz2_codec).

These are not text encodings: str.encode() and bytes.decode() refuse
them, and codecs.encode()/codecs.decode() apply them to bytes-like
objects.  Only the 'strict' error handler is supported.
"""

import codecs


def _check_errors(errors):
    if errors != 'strict':
        raise ValueError(f"unsupported error handling: {errors!r} "
                         f"(transform codecs accept only 'strict')")


def build(name, encode, decode, incremental_encoder=None,
          incremental_decoder=None):
    """The codec of two whole-input functions bytes -> bytes:
    (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
    StreamReader, getregentry).  A stateful incremental class may be
    given; the default one transforms each chunk on its own."""

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            _check_errors(errors)
            return encode(input), len(input)

        def decode(self, input, errors='strict'):
            _check_errors(errors)
            return decode(input), len(input)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors='strict'):
            _check_errors(errors)
            super().__init__(errors)

        def encode(self, input, final=False):
            return encode(input)

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def __init__(self, errors='strict'):
            _check_errors(errors)
            super().__init__(errors)

        def decode(self, input, final=False):
            return decode(input)

    class StreamWriter(Codec, codecs.StreamWriter):
        charbuffertype = bytes

    class StreamReader(Codec, codecs.StreamReader):
        charbuffertype = bytes

    encoder_class = incremental_encoder or IncrementalEncoder
    decoder_class = incremental_decoder or IncrementalDecoder

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=Codec().encode,
            decode=Codec().decode,
            incrementalencoder=encoder_class,
            incrementaldecoder=decoder_class,
            streamwriter=StreamWriter,
            streamreader=StreamReader,
            _is_text_encoding=False,
        )

    return (Codec, encoder_class, decoder_class, StreamWriter, StreamReader,
            getregentry)
