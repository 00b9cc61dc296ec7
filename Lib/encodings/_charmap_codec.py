"""The codec classes shared by the table-driven single-byte encodings.

Each generated module (cp1252.py, koi8_r.py, ...) holds only its decoding
table and calls build() for the classes the codec registry expects.
"""

import codecs

from encodings._module_level import adopt


def build(name, decoding_table):
    """The codec of a 256-entry decoding table: (Codec, IncrementalEncoder,
    IncrementalDecoder, StreamWriter, StreamReader, encoding_table,
    getregentry)."""
    encoding_table = codecs.charmap_build(decoding_table)

    class Codec(codecs.Codec):

        def encode(self, input, errors='strict'):
            return codecs.charmap_encode(input, errors, encoding_table)

        def decode(self, input, errors='strict'):
            return codecs.charmap_decode(input, errors, decoding_table)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return codecs.charmap_encode(input, self.errors, encoding_table)[0]

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            return codecs.charmap_decode(input, self.errors, decoding_table)[0]

    class StreamWriter(Codec, codecs.StreamWriter):
        pass

    class StreamReader(Codec, codecs.StreamReader):
        pass

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=Codec().encode,
            decode=Codec().decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    adopt(Codec=Codec, IncrementalEncoder=IncrementalEncoder,
          IncrementalDecoder=IncrementalDecoder, StreamWriter=StreamWriter,
          StreamReader=StreamReader, getregentry=getregentry)
    return (Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter,
            StreamReader, encoding_table, getregentry)
