"""Compression and decompression with the bzip2 algorithm.

BZ2File reads and writes .bz2 files, open() wraps it (optionally in a
text layer), compress() and decompress() work on whole byte strings,
and BZ2Compressor / BZ2Decompressor (from _bz2, over libbzip2) work
incrementally.
"""

__all__ = ["BZ2File", "BZ2Compressor", "BZ2Decompressor",
           "open", "compress", "decompress"]

import _compression

from _bz2 import BZ2Compressor, BZ2Decompressor


def _parse_mode(mode):
    """'r', 'w', 'x' or 'a' (with an optional 'b') to (raw mode, writing)."""
    letters = mode.replace("b", "")
    if letters in ("", "r"):
        return "rb", False
    if letters in ("w", "x", "a"):
        return letters + "b", True
    raise ValueError("Invalid mode: %r" % (mode,))


class BZ2File(_compression.CompressedFile):
    """A file object giving access to a bzip2-compressed file.

    BZ2File reads (mode 'r', the default), writes ('w'), creates ('x',
    failing if the file exists) or appends a new compressed stream
    ('a').  *filename* is a path or an existing binary file object;
    *compresslevel* (1 to 9) applies when writing.  A file being read
    may consist of several compressed streams, read as one.
    """

    def __init__(self, filename, mode="r", *, compresslevel=9):
        if not (1 <= compresslevel <= 9):
            raise ValueError("compresslevel must be between 1 and 9")
        raw_mode, writing = _parse_mode(mode)
        if writing:
            self._compressor = BZ2Compressor(compresslevel)
            self._pos = 0
        self._open_file(filename, raw_mode, writing)
        if not writing:
            self._start_reading(BZ2Decompressor, OSError)


def open(filename, mode="rb", compresslevel=9,
         encoding=None, errors=None, newline=None):
    """Open a bzip2-compressed file in binary or text mode.

    *filename* is a path or a file object; *mode* is one of 'r', 'rb',
    'w', 'wb', 'x', 'xb', 'a', 'ab' (binary) or the same with 't' (text,
    where *encoding*, *errors* and *newline* apply as for io.TextIOWrapper).
    """
    _compression.check_open_args(mode, encoding, errors, newline)
    binary_file = BZ2File(filename, mode.replace("t", ""),
                          compresslevel=compresslevel)
    return _compression.wrap_text(binary_file, mode, encoding, errors,
                                  newline)


def compress(data, compresslevel=9):
    """Compress *data* in one call and return the compressed bytes."""
    comp = BZ2Compressor(compresslevel)
    return comp.compress(data) + comp.flush()


def decompress(data):
    """Decompress *data* in one call and return the uncompressed bytes.

    *data* may hold several concatenated compressed streams.
    """
    if not data:
        return b""
    return _compression.decompress_streams(data, BZ2Decompressor, OSError,
                                           ValueError)
