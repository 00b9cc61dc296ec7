"""Python 'base64_codec' Codec: bytes to MIME base64 (lines of at most
76 characters, each ending in a newline) and back.  Not a text encoding:
use codecs.encode(data, 'base64')."""

import base64
from encodings._transform_codec import build

(base64_encode, base64_decode, Codec, IncrementalEncoder, IncrementalDecoder,
 StreamWriter, StreamReader, getregentry) = build('base64', base64.encodebytes, base64.decodebytes)
