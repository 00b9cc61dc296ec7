""" Python 'rot_13' Codec: a str-to-str transform that moves each ASCII
letter 13 places along the alphabet (applying it twice gives the input
back).  Not a text encoding: use codecs.encode(text, "rot13").
"""

import codecs


def _rotate(letter_range_start, letter):
    return chr((ord(letter) - letter_range_start + 13) % 26 + letter_range_start)


# Built once: maps every ASCII letter to its partner.
rot13_map = {ord(c): _rotate(ord('a'), c) for c in 'abcdefghijklmnopqrstuvwxyz'}
rot13_map.update({ord(c): _rotate(ord('A'), c)
                  for c in 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'})
del _rotate


def rot13(infile, outfile):
    outfile.write(codecs.encode(infile.read(), 'rot-13'))


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return (str.translate(input, rot13_map), len(input))

    def decode(self, input, errors='strict'):
        return (str.translate(input, rot13_map), len(input))


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return str.translate(input, rot13_map)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return str.translate(input, rot13_map)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='rot-13',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
        _is_text_encoding=False,
    )
