"""MIMEMultipart: a multipart/* message."""

__all__ = ['MIMEMultipart']

from email.mime.base import MIMEBase


class MIMEMultipart(MIMEBase):
    """A multipart/_subtype message holding _subparts."""

    def __init__(self, _subtype='mixed', boundary=None, _subparts=None,
                 *, policy=None, **_params):
        MIMEBase.__init__(self, 'multipart', _subtype, policy=policy,
                          **_params)
        # An empty list, so that the message is multipart from the start.
        self._payload = []
        if _subparts:
            for p in _subparts:
                self.attach(p)
        if boundary:
            self.set_boundary(boundary)
