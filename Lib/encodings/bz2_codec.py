"""Python 'bz2_codec' Codec: bytes to a bzip2 stream and back.  Not a
text encoding: use codecs.encode(data, 'bz2').  The incremental classes
keep one compression (or decompression) stream across calls."""

import bz2
import codecs
from encodings._transform_codec import build, _check_errors


class _IncrementalEncoder(codecs.IncrementalEncoder):
    def __init__(self, errors='strict'):
        _check_errors(errors)
        super().__init__(errors)
        self.compressobj = bz2.BZ2Compressor()

    def encode(self, input, final=False):
        data = self.compressobj.compress(input)
        if final:
            data += self.compressobj.flush()
            self.compressobj = bz2.BZ2Compressor()
        return data

    def reset(self):
        self.compressobj = bz2.BZ2Compressor()


class _IncrementalDecoder(codecs.IncrementalDecoder):
    def __init__(self, errors='strict'):
        _check_errors(errors)
        super().__init__(errors)
        self.decompressobj = bz2.BZ2Decompressor()

    def decode(self, input, final=False):
        try:
            return self.decompressobj.decompress(input)
        except EOFError:
            # Data after the end of the stream is ignored.
            return b''

    def reset(self):
        self.decompressobj = bz2.BZ2Decompressor()


(bz2_encode, bz2_decode, Codec, IncrementalEncoder, IncrementalDecoder,
 StreamWriter, StreamReader, getregentry) = build('bz2', bz2.compress, bz2.decompress,
                      _IncrementalEncoder, _IncrementalDecoder)
