"""Exceptions raised by urllib.request (and by users of urllib.parse).

URLError is an OSError carrying a ``reason``; HTTPError is both an error
and a response-like object whose body can still be read.
"""

import io

__all__ = ['URLError', 'HTTPError', 'ContentTooShortError']


class URLError(OSError):
    """A problem reaching a URL; ``reason`` says why."""

    def __init__(self, reason, filename=None):
        self.args = (reason,)
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return f'<urlopen error {self.reason}>'


class _ResponseBody:
    """The file-like part of an HTTPError: read methods plus headers."""

    def __init__(self, fp, headers, url, code):
        self.fp = fp
        self.headers = headers
        self.url = url
        self.code = code

    def read(self, *args):
        return self.fp.read(*args)

    def readline(self, *args):
        return self.fp.readline(*args)

    def readlines(self, *args):
        return self.fp.readlines(*args)

    def close(self):
        self.fp.close()

    def __iter__(self):
        return iter(self.fp)

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.code

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class HTTPError(URLError, _ResponseBody):
    """An HTTP response with an error status, usable as a response."""

    def __init__(self, url, code, msg, hdrs, fp):
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.filename = url
        if fp is None:
            fp = io.BytesIO()
        _ResponseBody.__init__(self, fp, hdrs, url, code)
        self.args = (url, code, msg, hdrs, fp)

    def __str__(self):
        return f'HTTP Error {self.code}: {self.msg}'

    def __repr__(self):
        return f'<HTTPError {self.code}: {self.msg!r}>'

    @property
    def reason(self):
        return self.msg

    @property
    def headers(self):
        return self.hdrs

    @headers.setter
    def headers(self, value):
        self.hdrs = value

    @property
    def status(self):
        return self.code


class ContentTooShortError(URLError):
    """A download ended before the announced Content-Length."""

    def __init__(self, message, content):
        URLError.__init__(self, message)
        self.content = content
