"""The SAX exception classes."""

__all__ = ["SAXException", "SAXNotRecognizedException",
           "SAXNotSupportedException", "SAXParseException",
           "SAXReaderNotAvailable"]


class SAXException(Exception):
    """A SAX error or warning, optionally wrapping another exception."""

    def __init__(self, msg, exception=None):
        self._msg = msg
        self._exception = exception
        Exception.__init__(self, msg)

    def getMessage(self):
        return self._msg

    def getException(self):
        return self._exception

    def __str__(self):
        return self._msg

    def __getitem__(self, ix):
        raise AttributeError("__getitem__")


class SAXParseException(SAXException):
    """A parse error, located by the parser's Locator at the time."""

    def __init__(self, msg, exception, locator):
        SAXException.__init__(self, msg, exception)
        self._locator = locator
        self._systemId = locator.getSystemId()
        self._colnum = locator.getColumnNumber()
        self._linenum = locator.getLineNumber()

    def getColumnNumber(self):
        return self._colnum

    def getLineNumber(self):
        return self._linenum

    def getPublicId(self):
        return self._locator.getPublicId()

    def getSystemId(self):
        return self._systemId

    def __str__(self):
        system_id = self.getSystemId()
        if system_id is None:
            system_id = "<unknown>"
        line = self.getLineNumber()
        if line is None:
            line = "?"
        column = self.getColumnNumber()
        if column is None:
            column = "?"
        return "%s:%s:%s: %s" % (system_id, line, column, self._msg)


class SAXNotRecognizedException(SAXException):
    """An unknown feature or property name."""


class SAXNotSupportedException(SAXException):
    """A known feature or property that cannot be set as asked."""


class SAXReaderNotAvailable(SAXNotSupportedException):
    """No driver for the requested parser is installed."""
