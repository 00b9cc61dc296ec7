"""Python 'quopri_codec' Codec: bytes to MIME quoted-printable (with
spaces and tabs quoted) and back.  Not a text encoding: use
codecs.encode(data, 'quopri')."""

import binascii
from encodings._transform_codec import build


def _encode(data):
    return binascii.b2a_qp(bytes(data), quotetabs=True)


def _decode(data):
    return binascii.a2b_qp(bytes(data))


(quopri_encode, quopri_decode, Codec, IncrementalEncoder, IncrementalDecoder,
 StreamWriter, StreamReader, getregentry) = build('quopri', _encode, _decode)
