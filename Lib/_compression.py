"""Internal classes used by the compression modules.

BaseStream and DecompressReader live in compression._common._streams
(re-exported here under their pre-3.14 home).  CompressedFile is the file
object that bz2.BZ2File and lzma.LZMAFile share: they differ only in how
they make their compressor and decompressor.  The open() helpers are the
text-mode handling of bz2.open, lzma.open and gzip.open.
"""

import builtins
import io
import os

from compression._common._streams import (  # noqa: F401
    BUFFER_SIZE, BaseStream, DecompressReader)

_MODE_CLOSED = 0
_MODE_READ = 1
_MODE_WRITE = 3


def _check_size(size):
    """*size* as an int, accepting objects with __index__."""
    if not isinstance(size, int):
        if not hasattr(size, "__index__"):
            raise TypeError("Integer argument expected")
        size = size.__index__()
    return size


class CompressedFile(BaseStream):
    """A binary file over a compressed stream, read or written.

    A subclass's __init__ calls _open_file() with the raw file mode and
    then either sets _compressor (writing) or calls _start_reading() with
    its decompressor factory.  Reading goes through an io.BufferedReader
    over a DecompressReader, so it may be seeked (backwards by
    decompressing again from the start).
    """

    _fp = None
    _closefp = False
    _mode = _MODE_CLOSED
    _buffer = None
    _compressor = None
    _pos = 0

    def _open_file(self, filename, mode, writing):
        """Open *filename* (a path, or a file object used as is) with the
        binary *mode*; *writing* says which way the data goes."""
        if isinstance(filename, (str, bytes, os.PathLike)):
            self._fp = builtins.open(filename, mode)
            self._closefp = True
        elif hasattr(filename, "read") or hasattr(filename, "write"):
            self._fp = filename
        else:
            raise TypeError("filename must be a str, bytes, file or PathLike "
                            "object")
        self._mode = _MODE_WRITE if writing else _MODE_READ

    def _start_reading(self, decomp_factory, trailing_error, **decomp_args):
        raw = DecompressReader(self._fp, decomp_factory,
                               trailing_error=trailing_error, **decomp_args)
        self._buffer = io.BufferedReader(raw)

    def close(self):
        """Flush and close the file.

        Closing an already closed file does nothing.  A file object
        passed in is closed only if this object opened it itself.
        """
        if self.closed:
            return
        try:
            if self._mode == _MODE_READ:
                self._buffer.close()
            elif self._mode == _MODE_WRITE:
                self._fp.write(self._compressor.flush())
                self._compressor = None
        finally:
            try:
                if self._closefp:
                    self._fp.close()
            finally:
                self._fp = None
                self._closefp = False
                self._buffer = None

    @property
    def closed(self):
        """True if this file is closed.  The mode stays what it was, so
        that a closed file still reports 'rb' or 'wb'."""
        return self._fp is None

    @property
    def name(self):
        self._check_not_closed()
        return self._fp.name

    @property
    def mode(self):
        return 'wb' if self._mode == _MODE_WRITE else 'rb'

    def fileno(self):
        """Return the file descriptor for the underlying file."""
        self._check_not_closed()
        return self._fp.fileno()

    def seekable(self):
        """Return whether the file supports seeking."""
        return self.readable() and self._buffer.seekable()

    def readable(self):
        """Return whether the file was opened for reading."""
        self._check_not_closed()
        return self._mode == _MODE_READ

    def writable(self):
        """Return whether the file was opened for writing."""
        self._check_not_closed()
        return self._mode == _MODE_WRITE

    def peek(self, n=0):
        """Return buffered data without advancing the position.

        At least one byte is returned unless at the end of the file; the
        amount may differ from *n*.
        """
        self._check_can_read()
        return self._buffer.peek(n)

    def read(self, size=-1):
        """Read up to *size* uncompressed bytes (all when negative).

        Returns b'' at the end of the file.
        """
        self._check_can_read()
        return self._buffer.read(size)

    def read1(self, size=-1):
        """Read up to *size* uncompressed bytes with at most one read of
        the underlying file.  Returns b'' at the end of the file."""
        self._check_can_read()
        if size < 0:
            size = io.DEFAULT_BUFFER_SIZE
        return self._buffer.read1(size)

    def readinto(self, b):
        """Read bytes into the writable buffer *b*; return how many."""
        self._check_can_read()
        return self._buffer.readinto(b)

    def readline(self, size=-1):
        """Read one line of uncompressed bytes (at most *size* bytes if
        non-negative), including its b'\\n'."""
        size = _check_size(size)
        self._check_can_read()
        return self._buffer.readline(size)

    def readlines(self, size=-1):
        """Read lines until the end of the file, or until their total
        length reaches *size* when it is non-negative."""
        size = _check_size(size)
        self._check_can_read()
        return self._buffer.readlines(size)

    def write(self, data):
        """Compress *data* (a bytes-like object) into the file.

        Returns the number of uncompressed bytes written.  Compressed
        output may stay buffered until the file is closed.
        """
        self._check_can_write()
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        self._fp.write(self._compressor.compress(data))
        self._pos += length
        return length

    def seek(self, offset, whence=io.SEEK_SET):
        """Move to uncompressed position *offset* relative to *whence*
        (SEEK_SET, SEEK_CUR or SEEK_END) and return the new position.

        Only files opened for reading can seek; moving backwards
        decompresses again from the start, so it may be slow.
        """
        self._check_can_seek()
        return self._buffer.seek(offset, whence)

    def tell(self):
        """Return the current uncompressed position in the file."""
        self._check_not_closed()
        if self._mode == _MODE_READ:
            return self._buffer.tell()
        return self._pos


def check_open_args(mode, encoding, errors, newline):
    """The argument checks of a compression module's open(): 't' and 'b'
    exclude each other, and the text arguments need 't'."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")


def wrap_text(binary_file, mode, encoding, errors, newline):
    """*binary_file*, in a TextIOWrapper when *mode* asks for text."""
    if "t" in mode:
        encoding = io.text_encoding(encoding)
        return io.TextIOWrapper(binary_file, encoding, errors, newline)
    return binary_file


def decompress_streams(data, make_decompressor, stream_error, truncated):
    """Decompress *data*, made of one or more concatenated streams.

    Bytes after the last stream that make a fresh decompressor raise
    *stream_error* are ignored; a stream cut short raises *truncated*.
    """
    results = []
    while True:
        decomp = make_decompressor()
        try:
            results.append(decomp.decompress(data))
        except stream_error:
            if results:
                break  # Trailing bytes are not a stream; ignore them.
            raise
        if not decomp.eof:
            raise truncated("Compressed data ended before the "
                            "end-of-stream marker was reached")
        data = decomp.unused_data
        if not data:
            break
    return b"".join(results)
