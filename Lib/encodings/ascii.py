""" Python 'ascii' Codec: 7-bit ASCII.
"""

import codecs

encode = codecs.ascii_encode


def decode(input, errors='strict'):
    return codecs.ascii_decode(input, errors)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.ascii_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return codecs.ascii_decode(input, self.errors)[0]


class StreamWriter(codecs.StreamWriter):
    encode = codecs.ascii_encode


class StreamReader(codecs.StreamReader):
    decode = codecs.ascii_decode


def getregentry():
    return codecs.CodecInfo(
        name='ascii',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
