"""The codec classes shared by the bytes-to-bytes transform codecs
(base64_codec, hex_codec, quopri_codec, uu_codec, zlib_codec, bz2_codec).

These are not text encodings: str.encode() and bytes.decode() refuse
them, and codecs.encode()/codecs.decode() apply them to bytes-like
objects.  Only the 'strict' error handler is supported.
"""

import codecs

from encodings._module_level import adopt


def _check_errors(errors):
    if errors != 'strict':
        raise ValueError(f"unsupported error handling: {errors!r} "
                         f"(transform codecs accept only 'strict')")


def _whole_input(function):
    """function (bytes -> bytes) as a codec function (input, errors) ->
    (output, length consumed)."""
    def convert(input, errors='strict'):
        _check_errors(errors)
        return function(input), len(input)
    return convert


def build(name, encode, decode, incremental_encoder=None,
          incremental_decoder=None, whole=None):
    """The codec of two whole-input functions bytes -> bytes:
    (NAME_encode, NAME_decode, Codec, IncrementalEncoder,
    IncrementalDecoder, StreamWriter, StreamReader, getregentry), the
    first two being codec functions (input, errors) -> (output, length)
    unless the module has its own (`whole`).  A stateful incremental class
    may be given; the default one transforms each chunk on its own."""
    encode_whole, decode_whole = whole or (_whole_input(encode),
                                           _whole_input(decode))

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            return encode_whole(input, errors)

        def decode(self, input, errors='strict'):
            return decode_whole(input, errors)

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
            encode=encode_whole,
            decode=decode_whole,
            incrementalencoder=encoder_class,
            incrementaldecoder=decoder_class,
            streamwriter=StreamWriter,
            streamreader=StreamReader,
            _is_text_encoding=False,
        )

    # CPython's names: base64_encode, hex_decode, ...
    adopt(**{name + '_encode': encode_whole, name + '_decode': decode_whole},
          Codec=Codec, IncrementalEncoder=encoder_class,
          IncrementalDecoder=decoder_class, StreamWriter=StreamWriter,
          StreamReader=StreamReader, getregentry=getregentry)
    return (encode_whole, decode_whole, Codec, encoder_class, decoder_class,
            StreamWriter, StreamReader, getregentry)
