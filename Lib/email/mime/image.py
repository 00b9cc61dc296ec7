"""MIMEImage: an image/* message."""

__all__ = ['MIMEImage']

from email import encoders
from email.mime.nonmultipart import MIMENonMultipart


def _what(data):
    """The image subtype recognized from data's first bytes, or None."""
    head = data[:32]
    if head.startswith(b'\x89PNG\r\n\x1a\n'):
        return 'png'
    if head[:3] == b'\xff\xd8\xff' or head[6:10] in (b'JFIF', b'Exif'):
        return 'jpeg'
    if head[:6] in (b'GIF87a', b'GIF89a'):
        return 'gif'
    if head[:2] in (b'MM', b'II'):
        return 'tiff'
    if head[:2] == b'BM':
        return 'bmp'
    if head[:4] == b'RIFF' and head[8:12] == b'WEBP':
        return 'webp'
    if head[4:12] in (b'ftypavif', b'ftypavis'):
        return 'avif'
    if head[4:12] in (b'ftypheic', b'ftypheix', b'ftypmif1'):
        return 'heic'
    if head[:4] == b'\x00\x00\x01\x00':
        return 'x-icon'
    if head[:2] == b'#d' and b'#define' in head:
        return 'xbm'
    if head[:1] == b'P' and head[1:2] in b'123456' and head[2:3] in b' \t\n\r':
        # CPython's subtypes: the netpbm file extensions.
        return {b'1': 'pbm', b'4': 'pbm', b'2': 'pgm', b'5': 'pgm',
                b'3': 'ppm', b'6': 'ppm'}[head[1:2]]
    if head[:4] == b'\x59\xa6\x6a\x95':
        return 'rast'
    if head[:2] == b'\x01\xda':
        return 'rgb'
    if head[:4] == b'\x76\x2f\x31\x01':
        return 'exr'
    return None


class MIMEImage(MIMENonMultipart):
    """Image data; the subtype is guessed from the data when not given."""

    def __init__(self, _imagedata, _subtype=None,
                 _encoder=encoders.encode_base64, *, policy=None, **_params):
        _subtype = _what(_imagedata) if _subtype is None else _subtype
        if _subtype is None:
            raise TypeError('Could not guess image MIME subtype')
        MIMENonMultipart.__init__(self, 'image', _subtype, policy=policy,
                                  **_params)
        self.set_payload(_imagedata)
        _encoder(self)
