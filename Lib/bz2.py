"""Compression and decompression with the bzip2 algorithm.

BZ2File reads and writes .bz2 files, open() wraps it (optionally in a
text layer), compress() and decompress() work on whole byte strings,
and BZ2Compressor / BZ2Decompressor (from _bz2, over libbzip2) work
incrementally.
"""

__all__ = ["BZ2File", "BZ2Compressor", "BZ2Decompressor",
           "open", "compress", "decompress"]

import io
import os
from compression._common import _streams

from _bz2 import BZ2Compressor, BZ2Decompressor

_MODE_CLOSED = 0
_MODE_READ = 1
_MODE_WRITE = 3


def _parse_mode(mode):
    """'r', 'w', 'x' or 'a' (with an optional 'b') to (raw mode, kind)."""
    letters = mode.replace("b", "")
    if letters in ("", "r"):
        return "rb", _MODE_READ
    if letters in ("w", "x", "a"):
        return letters + "b", _MODE_WRITE
    raise ValueError("Invalid mode: %r" % (mode,))


class BZ2File(_streams.BaseStream):
    """A file object giving access to a bzip2-compressed file.

    BZ2File reads (mode 'r', the default), writes ('w'), creates ('x',
    failing if the file exists) or appends a new compressed stream
    ('a').  *filename* is a path or an existing binary file object;
    *compresslevel* (1 to 9) applies when writing.  A file being read
    may consist of several compressed streams, read as one.
    """

    def __init__(self, filename, mode="r", *, compresslevel=9):
        self._fp = None
        self._closefp = False
        self._mode = _MODE_CLOSED

        if not (1 <= compresslevel <= 9):
            raise ValueError("compresslevel must be between 1 and 9")

        raw_mode, self._mode = _parse_mode(mode)
        if self._mode == _MODE_WRITE:
            self._compressor = BZ2Compressor(compresslevel)
            self._pos = 0

        if isinstance(filename, (str, bytes, os.PathLike)):
            self._fp = io.open(filename, raw_mode)
            self._closefp = True
        elif hasattr(filename, "read") or hasattr(filename, "write"):
            self._fp = filename
        else:
            raise TypeError("filename must be a str, bytes, file or PathLike "
                            "object")

        if self._mode == _MODE_READ:
            raw = _streams.DecompressReader(self._fp, BZ2Decompressor,
                                            trailing_error=OSError)
            self._buffer = io.BufferedReader(raw)

    def close(self):
        """Flush and close the file.

        Closing an already closed file does nothing.  A file object
        passed in is closed only if BZ2File opened it itself.
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
                self._mode = _MODE_CLOSED
                self._buffer = None

    @property
    def closed(self):
        """True if this file is closed."""
        return self._mode == _MODE_CLOSED

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
        if not isinstance(size, int):
            if not hasattr(size, "__index__"):
                raise TypeError("Integer argument expected")
            size = size.__index__()
        self._check_can_read()
        return self._buffer.readline(size)

    def readlines(self, size=-1):
        """Read lines until the end of the file, or until their total
        length reaches *size* when it is non-negative."""
        if not isinstance(size, int):
            if not hasattr(size, "__index__"):
                raise TypeError("Integer argument expected")
            size = size.__index__()
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

    def writelines(self, seq):
        """Write each bytes-like object of *seq*; no separators are
        added."""
        return _streams.BaseStream.writelines(self, seq)

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


def open(filename, mode="rb", compresslevel=9,
         encoding=None, errors=None, newline=None):
    """Open a bzip2-compressed file in binary or text mode.

    *filename* is a path or a file object; *mode* is one of 'r', 'rb',
    'w', 'wb', 'x', 'xb', 'a', 'ab' (binary) or the same with 't' (text,
    where *encoding*, *errors* and *newline* apply as for io.TextIOWrapper).
    """
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

    binary_file = BZ2File(filename, mode.replace("t", ""),
                          compresslevel=compresslevel)
    if "t" in mode:
        encoding = io.text_encoding(encoding)
        return io.TextIOWrapper(binary_file, encoding, errors, newline)
    return binary_file


def compress(data, compresslevel=9):
    """Compress *data* in one call and return the compressed bytes."""
    comp = BZ2Compressor(compresslevel)
    return comp.compress(data) + comp.flush()


def decompress(data):
    """Decompress *data* in one call and return the uncompressed bytes.

    *data* may hold several concatenated compressed streams.
    """
    results = []
    while data:
        decomp = BZ2Decompressor()
        try:
            results.append(decomp.decompress(data))
        except OSError:
            if results:
                break  # Leftover data is not a valid bzip2 stream; ignore it.
            raise
        if not decomp.eof:
            raise ValueError("Compressed data ended before the "
                             "end-of-stream marker was reached")
        data = decomp.unused_data
    return b"".join(results)
