""" Python 'unicode-escape' Codec: Python string literal escapes.
"""

import codecs

encode = codecs.unicode_escape_encode


def decode(input, errors='strict'):
    return codecs.unicode_escape_decode(input, errors, True)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.unicode_escape_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    _buffer_decode = codecs.unicode_escape_decode


class StreamWriter(codecs.StreamWriter):
    encode = codecs.unicode_escape_encode


class StreamReader(codecs.StreamReader):
    def decode(self, input, errors='strict'):
        return codecs.unicode_escape_decode(input, errors, False)


def getregentry():
    return codecs.CodecInfo(
        name='unicode-escape',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
