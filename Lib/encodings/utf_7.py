"""The 'utf-7' codec (RFC 2152): Unicode in 7-bit ASCII, characters outside
the directly encoded set written in modified base64 between '+' and '-'."""

import codecs

encode = codecs.utf_7_encode


def decode(input, errors='strict'):
    return codecs.utf_7_decode(input, errors, True)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.utf_7_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    # An unfinished base64 run stays buffered until its end arrives.
    _buffer_decode = codecs.utf_7_decode


class StreamWriter(codecs.StreamWriter):
    encode = codecs.utf_7_encode


class StreamReader(codecs.StreamReader):
    def decode(self, input, errors='strict'):
        return codecs.utf_7_decode(input, errors, False)


def getregentry():
    return codecs.CodecInfo(
        name='utf-7',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
