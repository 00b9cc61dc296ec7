"""MIMEMessage: a message/* part holding another message."""

__all__ = ['MIMEMessage']

from email import message
from email.mime.nonmultipart import MIMENonMultipart


class MIMEMessage(MIMENonMultipart):
    """A message/_subtype part whose payload is the message _msg."""

    def __init__(self, _msg, _subtype='rfc822', *, policy=None):
        MIMENonMultipart.__init__(self, 'message', _subtype, policy=policy)
        if not isinstance(_msg, message.Message):
            raise TypeError('Argument is not an instance of Message')
        # The payload is a list of one message, set directly because
        # attach() is disabled for non-multipart parts.
        message.Message.attach(self, _msg)
        self.set_default_type('message/rfc822')
