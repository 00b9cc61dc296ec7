"""Python 'zlib_codec' Codec: bytes to a zlib stream and back.  Not a
text encoding: use codecs.encode(data, 'zlib').  The incremental classes
keep one compression (or decompression) stream across calls."""

import codecs
import zlib
from encodings._transform_codec import build, _check_errors


class _IncrementalEncoder(codecs.IncrementalEncoder):
    def __init__(self, errors='strict'):
        _check_errors(errors)
        super().__init__(errors)
        self.compressobj = zlib.compressobj()

    def encode(self, input, final=False):
        data = self.compressobj.compress(input)
        if final:
            data += self.compressobj.flush()
        return data

    def reset(self):
        self.compressobj = zlib.compressobj()


class _IncrementalDecoder(codecs.IncrementalDecoder):
    def __init__(self, errors='strict'):
        _check_errors(errors)
        super().__init__(errors)
        self.decompressobj = zlib.decompressobj()

    def decode(self, input, final=False):
        data = self.decompressobj.decompress(input)
        if final:
            data += self.decompressobj.flush()
        return data

    def reset(self):
        self.decompressobj = zlib.decompressobj()


(zlib_encode, zlib_decode, Codec, IncrementalEncoder, IncrementalDecoder,
 StreamWriter, StreamReader, getregentry) = build('zlib', zlib.compress, zlib.decompress,
                      _IncrementalEncoder, _IncrementalDecoder)
