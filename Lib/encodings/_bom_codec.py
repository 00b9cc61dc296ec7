"""The UTF-16 and UTF-32 codecs with a byte order mark share one design:
encoding writes a BOM and the machine's byte order; decoding reads the
byte order from the BOM (little endian when there is none).  build()
makes the classes for one width.
"""

import codecs
import sys

from encodings._module_level import adopt


def build(bits):
    """The codec of "utf-<bits>" (16 or 32): (encode, decode,
    IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader,
    getregentry)."""
    name = "utf-%d" % bits
    unit = bits // 8                # bytes in a BOM
    bom_encode = getattr(codecs, "utf_%d_encode" % bits)
    bom_decode = getattr(codecs, "utf_%d_decode" % bits)
    ex_decode = getattr(codecs, "utf_%d_ex_decode" % bits)
    le_encode = getattr(codecs, "utf_%d_le_encode" % bits)
    be_encode = getattr(codecs, "utf_%d_be_encode" % bits)
    le_decode = getattr(codecs, "utf_%d_le_decode" % bits)
    be_decode = getattr(codecs, "utf_%d_be_decode" % bits)
    encode = bom_encode

    def decode(input, errors='strict'):
        return bom_decode(input, errors, True)

    def _fixed_encoder(byteorder):
        """The encoder for one byte order, once the BOM has been written."""
        if byteorder == 'little':
            return le_encode
        return be_encode


    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors='strict'):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.encoder = None     # set once the BOM has been written

        def encode(self, input, final=False):
            if self.encoder is None:
                result = bom_encode(input, self.errors)[0]
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
                ex_decode(input, errors, 0, final)
            if byteorder == -1:
                self.decoder = le_decode
            elif byteorder == 1:
                self.decoder = be_decode
            elif consumed >= unit:
                raise UnicodeDecodeError(name, input, 0, unit,
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
                           (self.decoder is be_decode))
            return (state, addstate)

        def setstate(self, state):
            codecs.BufferedIncrementalDecoder.setstate(self, state)
            addstate = state[1]
            if addstate == 0:
                self.decoder = (be_decode
                                if sys.byteorder == 'big'
                                else le_decode)
            elif addstate == 1:
                self.decoder = (le_decode
                                if sys.byteorder == 'big'
                                else be_decode)
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
                result = bom_encode(input, errors)
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
                ex_decode(input, errors, 0, False)
            if byteorder == -1:
                self.decode = le_decode
            elif byteorder == 1:
                self.decode = be_decode
            elif consumed >= unit:
                raise UnicodeDecodeError(name, input, 0, unit,
                                         "Stream does not start with BOM")
            return (object, consumed)

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=encode,
            decode=decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    adopt(encode=encode, decode=decode, IncrementalEncoder=IncrementalEncoder,
          IncrementalDecoder=IncrementalDecoder, StreamWriter=StreamWriter,
          StreamReader=StreamReader, getregentry=getregentry)
    return (encode, decode, IncrementalEncoder, IncrementalDecoder,
            StreamWriter, StreamReader, getregentry)
