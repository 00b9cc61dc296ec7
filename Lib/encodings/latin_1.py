""" Python 'iso8859-1' Codec: ISO 8859-1 (latin-1): the first 256 code points as bytes.
"""

import codecs

encode = codecs.latin_1_encode


def decode(input, errors='strict'):
    return codecs.latin_1_decode(input, errors)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.latin_1_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.latin_1_decode(input, self.errors)[0]


class StreamWriter(codecs.StreamWriter):
    encode = codecs.latin_1_encode


class StreamReader(codecs.StreamReader):
    decode = codecs.latin_1_decode


def getregentry():
    return codecs.CodecInfo(
        name='iso8859-1',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
