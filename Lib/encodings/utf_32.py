""" Python 'utf-32' Codec: UTF-32 with a byte order mark.

Encoding writes a BOM and the machine's byte order; decoding reads the
byte order from the BOM (little endian when there is none).
"""

import codecs
import sys

encode = codecs.utf_32_encode


def decode(input, errors='strict'):
    return codecs.utf_32_decode(input, errors, True)


def _fixed_encoder(byteorder):
    """The encoder for one byte order, once the BOM has been written."""
    if byteorder == 'little':
        return codecs.utf_32_le_encode
    return codecs.utf_32_be_encode


class IncrementalEncoder(codecs.IncrementalEncoder):
    def __init__(self, errors='strict'):
        codecs.IncrementalEncoder.__init__(self, errors)
        self.encoder = None     # set once the BOM has been written

    def encode(self, input, final=False):
        if self.encoder is None:
            result = codecs.utf_32_encode(input, self.errors)[0]
            self.encoder = _fixed_encoder(sys.byteorder)
            return result
        return self.encoder(input, self.errors)[0]

    def reset(self):
        codecs.IncrementalEncoder.reset(self)
        self.encoder = None

    def getstate(self):
        # 2: the BOM is still to be written; 0: it has been.
        return 2 if self.encoder is None else 0

    def setstate(self, state):
        if state:
            self.encoder = None
        else:
            self.encoder = _fixed_encoder(sys.byteorder)


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def __init__(self, errors='strict'):
        codecs.BufferedIncrementalDecoder.__init__(self, errors)
        self.decoder = None     # set once the byte order is known

    def _buffer_decode(self, input, errors, final):
        if self.decoder is not None:
            return self.decoder(input, errors, final)
        (output, consumed, byteorder) = \
            codecs.utf_32_ex_decode(input, errors, 0, final)
        if byteorder == -1:
            self.decoder = codecs.utf_32_le_decode
        elif byteorder == 1:
            self.decoder = codecs.utf_32_be_decode
        elif consumed >= 4:
            raise UnicodeDecodeError("utf-32", input, 0, 4,
                                     "Stream does not start with BOM")
        return (output, consumed)

    def reset(self):
        codecs.BufferedIncrementalDecoder.reset(self)
        self.decoder = None

    def getstate(self):
        # The additional state says which byte order was detected:
        # 0 little endian, 1 big endian, 2 not known yet.
        state = codecs.BufferedIncrementalDecoder.getstate(self)[0]
        if self.decoder is None:
            return (state, 2)
        addstate = int((sys.byteorder == 'big') !=
                       (self.decoder is codecs.utf_32_be_decode))
        return (state, addstate)

    def setstate(self, state):
        codecs.BufferedIncrementalDecoder.setstate(self, state)
        addstate = state[1]
        if addstate == 0:
            self.decoder = (codecs.utf_32_be_decode
                            if sys.byteorder == 'big'
                            else codecs.utf_32_le_decode)
        elif addstate == 1:
            self.decoder = (codecs.utf_32_le_decode
                            if sys.byteorder == 'big'
                            else codecs.utf_32_be_decode)
        else:
            self.decoder = None


class StreamWriter(codecs.StreamWriter):
    def __init__(self, stream, errors='strict'):
        codecs.StreamWriter.__init__(self, stream, errors)
        self.encoder = None

    def reset(self):
        codecs.StreamWriter.reset(self)
        self.encoder = None

    def encode(self, input, errors='strict'):
        if self.encoder is None:
            result = codecs.utf_32_encode(input, errors)
            self.encoder = _fixed_encoder(sys.byteorder)
            return result
        return self.encoder(input, errors)


class StreamReader(codecs.StreamReader):

    def reset(self):
        codecs.StreamReader.reset(self)
        try:
            del self.decode     # back to detecting the byte order
        except AttributeError:
            pass

    def decode(self, input, errors='strict'):
        (object, consumed, byteorder) = \
            codecs.utf_32_ex_decode(input, errors, 0, False)
        if byteorder == -1:
            self.decode = codecs.utf_32_le_decode
        elif byteorder == 1:
            self.decode = codecs.utf_32_be_decode
        elif consumed >= 4:
            raise UnicodeDecodeError("utf-32", input, 0, 4,
                                     "Stream does not start with BOM")
        return (object, consumed)


def getregentry():
    return codecs.CodecInfo(
        name='utf-32',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
