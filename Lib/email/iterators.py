"""Iterators over the parts and lines of a message tree."""

__all__ = ['body_line_iterator', 'typed_subpart_iterator', 'walk']

import sys
from io import StringIO


def walk(self):
    """The message and its sub-parts, depth first."""
    yield self
    if self.is_multipart():
        for subpart in self.get_payload():
            yield from walk(subpart)


def body_line_iterator(msg, decode=False):
    """The lines of every string payload in the tree."""
    for subpart in msg.walk():
        payload = subpart.get_payload(decode=decode)
        if isinstance(payload, bytes):
            payload = payload.decode('ascii', 'surrogateescape')
        if isinstance(payload, str):
            yield from StringIO(payload)


def typed_subpart_iterator(msg, maintype='text', subtype=None):
    """The parts whose type matches maintype (and subtype if given)."""
    for subpart in msg.walk():
        if subpart.get_content_maintype() == maintype:
            if subtype is None or subpart.get_content_subtype() == subtype:
                yield subpart


def _structure(msg, fp=None, level=0, include_default=False):
    """Print the content-type tree of msg (a debugging aid)."""
    if fp is None:
        fp = sys.stdout
    tab = ' ' * (level * 4)
    print(tab + msg.get_content_type(), end='', file=fp)
    if include_default:
        print(' [%s]' % msg.get_default_type(), file=fp)
    else:
        print(file=fp)
    if msg.is_multipart():
        for subpart in msg.get_payload():
            _structure(subpart, fp, level + 1, include_default)
