"""SAX (the Simple API for XML): event-driven parsing through a driver
(Expat by default) that calls a ContentHandler's methods."""

import io
import os
import sys

from .xmlreader import InputSource
from .handler import ContentHandler, ErrorHandler
from ._exceptions import (SAXException, SAXNotRecognizedException,
                          SAXParseException, SAXNotSupportedException,
                          SAXReaderNotAvailable)

__all__ = ["ContentHandler", "ErrorHandler", "InputSource", "SAXException",
           "SAXNotRecognizedException", "SAXNotSupportedException",
           "SAXParseException", "SAXReaderNotAvailable",
           "default_parser_list", "make_parser", "parse", "parseString"]


def parse(source, handler, errorHandler=ErrorHandler()):
    """Parse a file name, URL or file object, sending events to `handler`."""
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.setErrorHandler(errorHandler)
    parser.parse(source)


def parseString(string, handler, errorHandler=ErrorHandler()):
    """Parse a document given as str or bytes."""
    if errorHandler is None:
        errorHandler = ErrorHandler()
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.setErrorHandler(errorHandler)
    source = InputSource()
    if isinstance(string, str):
        source.setCharacterStream(io.StringIO(string))
    else:
        source.setByteStream(io.BytesIO(string))
    parser.parse(source)


default_parser_list = ["xml.sax.expatreader"]

if "PY_SAX_PARSER" in os.environ and not sys.flags.ignore_environment:
    default_parser_list = os.environ["PY_SAX_PARSER"].split(",")


def make_parser(parser_list=()):
    """A SAX XMLReader from the first driver module of `parser_list`, then
    of default_parser_list, that can be imported."""
    for name in list(parser_list) + default_parser_list:
        try:
            module = __import__(name, {}, {}, ["create_parser"])
        except ImportError:
            if name in sys.modules:
                raise
            continue
        except SAXReaderNotAvailable:
            continue
        return module.create_parser()
    raise SAXReaderNotAvailable("No parsers found", None)
