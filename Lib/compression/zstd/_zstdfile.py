"""ZstdFile and open(): reading and writing .zst files."""

import io

import _compression
from _zstd import ZstdCompressor, ZstdDecompressor, ZstdError

__all__ = ("ZstdFile", "open")


class ZstdFile(_compression.CompressedFile):
    """A file object giving access to a Zstandard-compressed file.

    *file* is a path (str, bytes or path-like) or an existing binary
    file object.  *mode* is 'r' (the default), 'w' (overwrite), 'x'
    (exclusive creation) or 'a' (append a new frame), with an optional
    'b'.  When writing, *level* or *options* (not both) set the
    compression; when reading, *options* holds decompression parameters
    and *level* must be None.  *zstd_dict* is a ZstdDict used either way.
    A file of several concatenated frames reads as one.
    """

    FLUSH_BLOCK = ZstdCompressor.FLUSH_BLOCK
    FLUSH_FRAME = ZstdCompressor.FLUSH_FRAME

    def __init__(self, file, /, mode="r", *,
                 level=None, options=None, zstd_dict=None):
        if not isinstance(mode, str):
            raise ValueError("mode must be a str")
        if options is not None and not isinstance(options, dict):
            raise TypeError("options must be a dict or None")
        bare = mode.removesuffix("b")
        if bare == "r":
            if level is not None:
                raise TypeError("level is illegal in read mode")
            writing = False
        elif bare in ("w", "a", "x"):
            if level is not None and not isinstance(level, int):
                raise TypeError("level must be int or None")
            self._compressor = ZstdCompressor(level=level, options=options,
                                              zstd_dict=zstd_dict)
            self._pos = 0
            writing = True
        else:
            raise ValueError(f"Invalid mode: {mode!r}")
        self._open_file(file, bare + "b", writing)
        if not writing:
            self._start_reading(ZstdDecompressor, ZstdError,
                                zstd_dict=zstd_dict, options=options)

    def close(self):
        """End the frame being written, then close the file.

        Closing an already closed file does nothing.  A file object
        passed in is closed only if this object opened it itself.
        """
        if self.closed:
            return
        try:
            if self._mode == _compression._MODE_WRITE:
                self.flush(self.FLUSH_FRAME)
                self._compressor = None
            elif self._mode == _compression._MODE_READ:
                self._buffer.close()
        finally:
            try:
                if self._closefp:
                    self._fp.close()
            finally:
                self._fp = None
                self._closefp = False
                self._mode = _compression._MODE_CLOSED
                self._buffer = None

    def flush(self, mode=FLUSH_BLOCK):
        """Write the compressed data held back so far to the file.

        FLUSH_BLOCK (the default) ends the current block, so that what
        was written can be decompressed; FLUSH_FRAME ends the frame.
        Does nothing for a file open for reading.
        """
        if self._mode == _compression._MODE_READ:
            return
        self._check_not_closed()
        if mode not in (self.FLUSH_BLOCK, self.FLUSH_FRAME):
            raise ValueError("Invalid mode argument, expected either "
                             "ZstdFile.FLUSH_FRAME or "
                             "ZstdFile.FLUSH_BLOCK")
        if self._compressor.last_mode == mode:
            return
        self._fp.write(self._compressor.flush(mode))
        if hasattr(self._fp, "flush"):
            self._fp.flush()

    def peek(self, size=-1):
        """Return buffered data without advancing the position (at least
        one byte unless at the end of the file)."""
        self._check_can_read()
        return self._buffer.peek(size)

    def readinto1(self, b):
        """Read bytes into *b* with at most one read of the underlying
        file; return how many."""
        self._check_can_read()
        return self._buffer.readinto1(b)


def open(file, /, mode="rb", *, level=None, options=None, zstd_dict=None,
         encoding=None, errors=None, newline=None):
    """Open a Zstandard-compressed file in binary or text mode.

    *mode* is 'r', 'w', 'a' or 'x' with 'b' (binary, the default) or
    't' (text).  *level*, *options* and *zstd_dict* go to ZstdFile;
    *encoding*, *errors* and *newline* to io.TextIOWrapper in text mode.
    """
    _compression.check_open_args(mode, encoding, errors, newline)
    binary_file = ZstdFile(file, mode.replace("t", ""), level=level,
                           options=options, zstd_dict=zstd_dict)
    return _compression.wrap_text(binary_file, mode, encoding, errors,
                                  newline)
