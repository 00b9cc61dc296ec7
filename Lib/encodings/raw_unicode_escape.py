""" Python 'raw-unicode-escape' Codec: only \\uXXXX and \\UXXXXXXXX escapes.
"""

import codecs

encode = codecs.raw_unicode_escape_encode


def decode(input, errors='strict'):
    return codecs.raw_unicode_escape_decode(input, errors, True)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.raw_unicode_escape_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    _buffer_decode = codecs.raw_unicode_escape_decode


class StreamWriter(codecs.StreamWriter):
    encode = codecs.raw_unicode_escape_encode


class StreamReader(codecs.StreamReader):
    def decode(self, input, errors='strict'):
        return codecs.raw_unicode_escape_decode(input, errors, False)


def getregentry():
    return codecs.CodecInfo(
        name='raw-unicode-escape',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
