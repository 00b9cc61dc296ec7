"""Compression and decompression with the LZMA algorithm.

LZMAFile reads and writes .xz and legacy .lzma files (and raw LZMA
streams), open() wraps it (optionally in a text layer), compress() and
decompress() work on whole byte strings, and LZMACompressor /
LZMADecompressor (from _lzma, over liblzma) work incrementally.
"""

__all__ = [
    "CHECK_NONE", "CHECK_CRC32", "CHECK_CRC64", "CHECK_SHA256",
    "CHECK_ID_MAX", "CHECK_UNKNOWN",
    "FILTER_LZMA1", "FILTER_LZMA2", "FILTER_DELTA", "FILTER_X86", "FILTER_IA64",
    "FILTER_ARM", "FILTER_ARMTHUMB", "FILTER_POWERPC", "FILTER_SPARC",
    "FORMAT_AUTO", "FORMAT_XZ", "FORMAT_ALONE", "FORMAT_RAW",
    "MF_HC3", "MF_HC4", "MF_BT2", "MF_BT3", "MF_BT4",
    "MODE_FAST", "MODE_NORMAL", "PRESET_DEFAULT", "PRESET_EXTREME",

    "LZMACompressor", "LZMADecompressor", "LZMAFile", "LZMAError",
    "open", "compress", "decompress", "is_check_supported",
]

import _compression

from _lzma import *
from _lzma import _encode_filter_properties, _decode_filter_properties  # noqa: F401

class LZMAFile(_compression.CompressedFile):
    """A file object giving access to an LZMA-compressed file.

    *filename* is a path or an existing binary file object.  *mode* is
    'r' (the default), 'w', 'x' or 'a' (appending a new stream), with an
    optional 'b'.  When reading, *format* defaults to FORMAT_AUTO and
    files of several concatenated streams read as one; *check*, *preset*
    and *filters* are for writing, as for LZMACompressor.
    """

    def __init__(self, filename=None, mode="r", *,
                 format=None, check=-1, preset=None, filters=None):
        if mode in ("r", "rb"):
            if check != -1:
                raise ValueError("Cannot specify an integrity check "
                                 "when opening a file for reading")
            if preset is not None:
                raise ValueError("Cannot specify a preset compression "
                                 "level when opening a file for reading")
            if format is None:
                format = FORMAT_AUTO
            writing = False
        elif mode in ("w", "wb", "a", "ab", "x", "xb"):
            if format is None:
                format = FORMAT_XZ
            writing = True
            self._compressor = LZMACompressor(format=format, check=check,
                                              preset=preset, filters=filters)
            self._pos = 0
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        if "b" not in mode:
            mode += "b"
        self._open_file(filename, mode, writing)
        if not writing:
            self._start_reading(LZMADecompressor, LZMAError, format=format,
                                filters=filters)

    def peek(self, size=-1):
        """Return buffered data without advancing the position (at least
        one byte unless at the end of the file)."""
        self._check_can_read()
        return self._buffer.peek(size)


def open(filename, mode="rb", *,
         format=None, check=-1, preset=None, filters=None,
         encoding=None, errors=None, newline=None):
    """Open an LZMA-compressed file in binary or text mode.

    *filename* is a path or a file object.  *mode* is 'r', 'w', 'x' or 'a'
    with 'b' (binary, the default) or 't' (text); *format*, *check*,
    *preset* and *filters* go to LZMAFile, and *encoding*, *errors* and
    *newline* to io.TextIOWrapper in text mode.
    """
    _compression.check_open_args(mode, encoding, errors, newline)
    binary_file = LZMAFile(filename, mode.replace("t", ""),
                           format=format, check=check, preset=preset,
                           filters=filters)
    return _compression.wrap_text(binary_file, mode, encoding, errors,
                                  newline)


def compress(data, format=FORMAT_XZ, check=-1, preset=None, filters=None):
    """Compress *data* in one call and return the compressed bytes.

    The arguments after *data* are those of LZMACompressor.
    """
    comp = LZMACompressor(format, check, preset, filters)
    return comp.compress(data) + comp.flush()


def decompress(data, format=FORMAT_AUTO, memlimit=None, filters=None):
    """Decompress *data* in one call and return the uncompressed bytes.

    The arguments after *data* are those of LZMADecompressor.  *data*
    may hold several concatenated streams.
    """
    def make_decompressor():
        return LZMADecompressor(format, memlimit, filters)
    return _compression.decompress_streams(data, make_decompressor,
                                           LZMAError, LZMAError)
