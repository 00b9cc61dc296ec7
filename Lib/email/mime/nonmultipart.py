"""MIMENonMultipart: a MIME message that cannot hold sub-parts."""

__all__ = ['MIMENonMultipart']

from email import errors
from email.mime.base import MIMEBase


class MIMENonMultipart(MIMEBase):
    """A MIMEBase whose attach() raises MultipartConversionError."""

    def attach(self, payload):
        raise errors.MultipartConversionError(
            'Cannot attach additional subparts to non-multipart/*')
