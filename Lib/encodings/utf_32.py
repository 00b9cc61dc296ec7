""" Python 'utf-32' Codec: UTF-32 with a byte order mark (see _bom_codec). """

from encodings._bom_codec import build

(encode, decode, IncrementalEncoder, IncrementalDecoder, StreamWriter,
 StreamReader, getregentry) = build(32)
