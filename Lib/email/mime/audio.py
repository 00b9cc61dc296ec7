"""MIMEAudio: an audio/* message."""

__all__ = ['MIMEAudio']

from email import encoders
from email.mime.nonmultipart import MIMENonMultipart


def _what(data):
    """The audio subtype recognized from data's first bytes, or None."""
    head = data[:32]
    if head[:4] == b'RIFF' and head[8:12] == b'WAVE':
        return 'x-wav'
    if head[:4] == b'FORM' and head[8:12] in (b'AIFF', b'AIFC'):
        return 'x-aiff'
    if head[:4] in (b'.snd', b'\0ds.', b'dns.'):
        return 'basic'
    return None


class MIMEAudio(MIMENonMultipart):
    """Audio data; the subtype is guessed from the data when not given."""

    def __init__(self, _audiodata, _subtype=None,
                 _encoder=encoders.encode_base64, *, policy=None, **_params):
        if _subtype is None:
            _subtype = _what(_audiodata)
        if _subtype is None:
            raise TypeError('Could not find audio MIME subtype')
        MIMENonMultipart.__init__(self, 'audio', _subtype, policy=policy,
                                  **_params)
        self.set_payload(_audiodata)
        _encoder(self)
