"""Python 'hex_codec' Codec: bytes to two lower-case hexadecimal digits
per byte and back.  Not a text encoding: use codecs.encode(data, 'hex')."""

import binascii
from encodings._transform_codec import build

(hex_encode, hex_decode, Codec, IncrementalEncoder, IncrementalDecoder,
 StreamWriter, StreamReader, getregentry) = build('hex', binascii.b2a_hex, binascii.a2b_hex)
