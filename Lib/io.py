"""The io module provides the Python interfaces to stream handling.

The builtin open function is defined in this module.

At the top of the I/O hierarchy is the abstract base class IOBase.  It
defines the basic interface to a stream.  RawIOBase deals with raw binary
streams (FileIO), BufferedIOBase with buffered binary streams
(BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair, BytesIO)
and TextIOBase with streams of text (TextIOWrapper, StringIO).

The implementations live in the C module _io; this module adds the
abstract base classes (with abc.ABCMeta, so that other classes can be
registered as virtual subclasses) and the Reader and Writer protocols.
"""

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding", "IncrementalNewlineDecoder",
           "Reader", "Writer"]

import _io
import abc
from _collections_abc import _check_methods

from _io import (DEFAULT_BUFFER_SIZE, BlockingIOError, UnsupportedOperation,
                 open, open_code, FileIO, BytesIO, StringIO, BufferedReader,
                 BufferedWriter, BufferedRWPair, BufferedRandom,
                 IncrementalNewlineDecoder, text_encoding, TextIOWrapper)

# Values for the whence argument of seek().
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

# Pickling and repr of the exception refer to the public module.
UnsupportedOperation.__module__ = "io"


class IOBase(_io._IOBase, metaclass=abc.ABCMeta):
    __doc__ = _io._IOBase.__doc__


class RawIOBase(_io._RawIOBase, IOBase):
    __doc__ = _io._RawIOBase.__doc__


class BufferedIOBase(_io._BufferedIOBase, IOBase):
    __doc__ = _io._BufferedIOBase.__doc__


class TextIOBase(_io._TextIOBase, IOBase):
    __doc__ = _io._TextIOBase.__doc__


RawIOBase.register(FileIO)

for _klass in (BytesIO, BufferedReader, BufferedWriter, BufferedRandom,
               BufferedRWPair):
    BufferedIOBase.register(_klass)

for _klass in (StringIO, TextIOWrapper):
    TextIOBase.register(_klass)
del _klass


_GenericAlias = type(list[int])


class Reader(metaclass=abc.ABCMeta):
    """Protocol for simple I/O reader instances.

    This protocol only supports blocking I/O.
    """

    __slots__ = ()
    __class_getitem__ = classmethod(_GenericAlias)

    @abc.abstractmethod
    def read(self, size=..., /):
        """Read data from the input stream and return it.

        If *size* is specified, at most *size* items (bytes/characters)
        will be read.
        """

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Reader:
            return _check_methods(C, "read")
        return NotImplemented


class Writer(metaclass=abc.ABCMeta):
    """Protocol for simple I/O writer instances.

    This protocol only supports blocking I/O.
    """

    __slots__ = ()
    __class_getitem__ = classmethod(_GenericAlias)

    @abc.abstractmethod
    def write(self, data, /):
        """Write *data* to the output stream and return the number of items
        written.
        """

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Writer:
            return _check_methods(C, "write")
        return NotImplemented
