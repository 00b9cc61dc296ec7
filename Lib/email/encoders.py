"""Encoders that set a message's payload transfer encoding and its
Content-Transfer-Encoding header."""

__all__ = ['encode_7or8bit', 'encode_base64', 'encode_noop', 'encode_quopri']

import base64
import binascii


def _payload_bytes(msg):
    return msg.get_payload(decode=True)


def encode_base64(msg):
    """Encode the payload in base64."""
    data = _payload_bytes(msg)
    msg.set_payload(base64.encodebytes(data).decode('ascii'))
    msg['Content-Transfer-Encoding'] = 'base64'


def encode_quopri(msg):
    """Encode the payload in quoted-printable (spaces kept)."""
    data = _payload_bytes(msg)
    encoded = binascii.b2a_qp(data, quotetabs=True)
    msg.set_payload(encoded.decode('ascii').replace(' ', '=20'))
    msg['Content-Transfer-Encoding'] = 'quoted-printable'


def encode_7or8bit(msg):
    """Set Content-Transfer-Encoding to 7bit or 8bit as the payload needs."""
    data = msg.get_payload(decode=True)
    if data is None:
        msg['Content-Transfer-Encoding'] = '7bit'
        return
    try:
        data.decode('ascii')
    except UnicodeError:
        msg['Content-Transfer-Encoding'] = '8bit'
    else:
        msg['Content-Transfer-Encoding'] = '7bit'
    if not isinstance(msg.get_payload(), str):
        msg.set_payload(data)


def encode_noop(msg):
    """Leave the payload and headers alone."""
