"""Reading and writing gzip files (RFC 1952).

GzipFile is a file object over a .gz file, open() wraps it (optionally in
a text layer), and compress() / decompress() work on whole byte strings.
The deflate streams themselves come from zlib; files of several members
read as one.  `python -m gzip` compresses and decompresses files.
"""

import builtins
import io
import os
import sys
import time
import zlib
import _compression
from compression._common import _streams

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

READ = 'rb'
WRITE = 'wb'

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

READ_BUFFER_SIZE = 128 * 1024
_WRITE_BUFFER_SIZE = 4 * io.DEFAULT_BUFFER_SIZE

_MAGIC = b'\037\213'
_OS_UNKNOWN = 255
_TRUNCATED = ("Compressed file ended before the end-of-stream marker "
              "was reached")


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """Open a gzip-compressed file in binary or text mode.

    *filename* is a path or an existing file object; *mode* is 'r', 'w',
    'x' or 'a' with 'b' (binary, the default) or 't' (text, where
    *encoding*, *errors* and *newline* apply as for io.TextIOWrapper).
    """
    _compression.check_open_args(mode, encoding, errors, newline)
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")

    return _compression.wrap_text(binary_file, mode, encoding, errors,
                                  newline)


def _le32(value):
    return (value & 0xffffffff).to_bytes(4, "little")


def _header(mtime, compresslevel, fname=b""):
    """A gzip member header (no optional fields but the file name)."""
    if compresslevel == _COMPRESS_LEVEL_BEST:
        xfl = 2
    elif compresslevel == _COMPRESS_LEVEL_FAST:
        xfl = 4
    else:
        xfl = 0
    flags = FNAME if fname else 0
    head = _MAGIC + bytes([8, flags]) + _le32(int(mtime))
    head += bytes([xfl, _OS_UNKNOWN])
    if fname:
        head += fname + b"\0"
    return head


class BadGzipFile(OSError):
    """The data is not a valid gzip file (bad magic, CRC or length)."""


class _PaddedFile:
    """A read-only file with a few bytes pushed back in front of it.

    The decompressor often reads past the end of a member; the extra
    bytes are handed back with prepend() so the next read sees them.
    """

    def __init__(self, f, prepend=b''):
        self._buffer = prepend
        self.file = f

    def read(self, size):
        if not self._buffer:
            return self.file.read(size)
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        if len(data) < size:
            data += self.file.read(size - len(data))
        return data

    def prepend(self, prepend=b''):
        self._buffer = bytes(prepend) + self._buffer

    def seek(self, off):
        self._buffer = b''
        return self.file.seek(off)

    def seekable(self):
        # seek() only ever rewinds to the start, which works by reading.
        return True


def _read_exact(fp, n):
    """Exactly *n* bytes from *fp*, or EOFError."""
    data = fp.read(n)
    while len(data) < n:
        more = fp.read(n - len(data))
        if not more:
            raise EOFError(_TRUNCATED)
        data += more
    return data


def _skip_string(fp):
    """Skip a zero-terminated header field."""
    while True:
        c = fp.read(1)
        if not c:
            raise EOFError(_TRUNCATED)
        if c == b"\0":
            return


def _read_gzip_header(fp):
    """Read a member header from *fp*; return its mtime, or None at EOF."""
    magic = fp.read(2)
    if magic == b'':
        return None
    if magic != _MAGIC:
        raise BadGzipFile('Not a gzipped file (%r)' % magic)
    fixed = _read_exact(fp, 8)
    method, flag = fixed[0], fixed[1]
    last_mtime = int.from_bytes(fixed[2:6], "little")
    if method != 8:
        raise BadGzipFile('Unknown compression method')
    if flag & FEXTRA:
        extra_len = int.from_bytes(_read_exact(fp, 2), "little")
        _read_exact(fp, extra_len)
    if flag & FNAME:
        _skip_string(fp)
    if flag & FCOMMENT:
        _skip_string(fp)
    if flag & FHCRC:
        _read_exact(fp, 2)
    return last_mtime


def _check_trailer(trailer, crc, size, detail=True):
    crc32 = int.from_bytes(trailer[:4], "little")
    isize = int.from_bytes(trailer[4:8], "little")
    if crc32 != crc:
        if not detail:
            raise BadGzipFile("CRC check failed")
        raise BadGzipFile("CRC check failed %s != %s" % (hex(crc32),
                                                         hex(crc)))
    if isize != (size & 0xffffffff):
        raise BadGzipFile("Incorrect length of data produced")


class _GzipReader(_streams.DecompressReader):
    """The raw decompressed contents of a (multi-member) gzip file."""

    def __init__(self, fp):
        super().__init__(_PaddedFile(fp), zlib.decompressobj,
                         wbits=-zlib.MAX_WBITS)
        self._new_member = True
        # The member's deflate stream has ended; its trailer is checked on
        # the next read, so the data before it is returned first.
        self._trailer_pending = False
        self._last_mtime = None
        self._crc = zlib.crc32(b"")
        self._stream_size = 0

    def _init_read(self):
        self._crc = zlib.crc32(b"")
        self._stream_size = 0

    def _start_member(self):
        """Begin the next member; False at the end of the file."""
        self._init_read()
        mtime = _read_gzip_header(self._fp)
        if mtime is None:
            return False
        self._last_mtime = mtime
        self._decompressor = self._decomp_factory(**self._decomp_args)
        self._new_member = False
        return True

    def _finish_member(self):
        """Check the trailer and skip the zero padding after a member."""
        _check_trailer(_read_exact(self._fp, 8), self._crc,
                       self._stream_size)
        c = b"\x00"
        while c == b"\x00":
            c = self._fp.read(1)
        if c:
            self._fp.prepend(c)
        self._new_member = True

    def read(self, size=-1):
        if size < 0:
            return self.readall()
        if not size or self._eof:
            return b""
        while True:
            if self._trailer_pending:
                self._trailer_pending = False
                self._finish_member()
            if self._new_member and not self._start_member():
                self._eof = True
                self._size = self._pos
                return b""
            decomp = self._decompressor
            pending = decomp.unconsumed_tail
            raw = pending if pending else self._fp.read(READ_BUFFER_SIZE)
            data = decomp.decompress(raw, size)
            if decomp.eof:
                self._fp.prepend(decomp.unused_data)
            elif not raw and not data:
                raise EOFError(_TRUNCATED)
            if data:
                self._crc = zlib.crc32(data, self._crc)
                self._stream_size += len(data)
                self._pos += len(data)
            if data:
                self._trailer_pending = decomp.eof
                return data
            if decomp.eof:
                self._finish_member()

    def _rewind(self):
        super()._rewind()
        self._new_member = True
        self._trailer_pending = False


class GzipFile(_streams.BaseStream):
    """A file object over a gzip file, read or written like a binary file.

    Either *filename* or *fileobj* names the file (a *fileobj* given is
    used as is, and not closed).  *mode* is 'r', 'rb', 'a', 'ab', 'w',
    'wb', 'x' or 'xb'; by default the mode of *fileobj*, else 'rb'.
    *compresslevel* (0 to 9) and *mtime* (default: now) apply when
    writing; the file name without '.gz' is recorded in the header.
    """

    # The file this object opened itself (and so must close), if any.
    myfileobj = None

    def __init__(self, filename=None, mode=None,
                 compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and 'b' not in mode:
            mode += 'b'
        given_mode = mode
        if fileobj is None:
            fileobj = builtins.open(filename, mode or 'rb')
            self.myfileobj = fileobj
        if filename is None:
            filename = getattr(fileobj, 'name', '')
            if not isinstance(filename, (str, bytes)):
                filename = ''
        else:
            filename = os.fspath(filename)
        if mode is None:
            mode = getattr(fileobj, 'mode', 'rb')

        self.fileobj = fileobj
        self.name = filename
        self._buffer = None
        if mode.startswith('r'):
            self.mode = READ
            self._buffer = io.BufferedReader(_GzipReader(fileobj))
        elif mode.startswith(('w', 'a', 'x')):
            if given_mode is None:
                import warnings
                warnings.warn(
                    "GzipFile was opened for writing, but this will "
                    "change in future Python releases.  "
                    "Specify the mode argument for opening it for writing.",
                    FutureWarning, 2)
            self.mode = WRITE
            self.crc = zlib.crc32(b"")
            self.size = 0
            self.offset = 0     # uncompressed bytes written so far
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED,
                                             -zlib.MAX_WBITS,
                                             zlib.DEF_MEM_LEVEL, 0)
            self._write_header(compresslevel, mtime)
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))

    @property
    def mtime(self):
        """The modification time of the last member header read, or None."""
        if self._buffer is None:
            return None
        return self._buffer.raw._last_mtime

    def __repr__(self):
        inner = repr(self.fileobj)
        return '<gzip ' + inner[1:-1] + ' ' + hex(id(self)) + '>'

    def _write_header(self, compresslevel, mtime):
        fname = os.path.basename(self.name)
        if not isinstance(fname, bytes):
            fname = fname.encode('latin-1')
        if fname.endswith(b'.gz'):
            fname = fname[:-3]
        if mtime is None:
            mtime = time.time()
        self.fileobj.write(_header(mtime, compresslevel, fname))

    def _check_mode(self, wanted, what):
        self._check_not_closed()
        if self.mode != wanted:
            import errno
            kind = "read-only" if wanted == WRITE else "write-only"
            raise OSError(errno.EBADF,
                          "%s() on %s GzipFile object" % (what, kind))

    def write(self, data):
        """Compress *data* (a bytes-like object) into the file; return the
        number of uncompressed bytes written."""
        self._check_mode(WRITE, "write")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        if length:
            self.fileobj.write(self.compress.compress(data))
            self.crc = zlib.crc32(data, self.crc)
            self.size += length
            self.offset += length
        return length

    def read(self, size=-1):
        """Read up to *size* uncompressed bytes (all when negative)."""
        self._check_mode(READ, "read")
        return self._buffer.read(size)

    def read1(self, size=-1):
        """Read up to *size* bytes (a buffer's worth when negative) with
        at most one read of the underlying file."""
        self._check_mode(READ, "read1")
        if size < 0:
            size = io.DEFAULT_BUFFER_SIZE
        return self._buffer.read1(size)

    def readinto(self, b):
        self._check_mode(READ, "readinto")
        return self._buffer.readinto(b)

    def readinto1(self, b):
        self._check_mode(READ, "readinto1")
        return self._buffer.readinto1(b)

    def peek(self, n):
        self._check_mode(READ, "peek")
        return self._buffer.peek(n)

    def readline(self, size=-1):
        self._check_not_closed()
        return self._buffer.readline(size)

    @property
    def closed(self):
        return self.fileobj is None

    def close(self):
        """Finish the member being written (or stop reading) and close a
        file this object opened.  Closing twice does nothing."""
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self.compress.flush())
                fileobj.write(_le32(self.crc) + _le32(self.size))
            else:
                self._buffer.close()
        finally:
            own = self.myfileobj
            if own is not None:
                self.myfileobj = None
                own.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        """Write out what the compressor holds (*zlib_mode* says how far)."""
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        """The underlying file's descriptor (AttributeError if none)."""
        return self.fileobj.fileno()

    def rewind(self):
        """Go back to the start of the uncompressed data (reading only)."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._buffer.seek(0)

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        """Move in the uncompressed data.  Reading: anywhere (backwards
        decompresses again from the start).  Writing: forwards only, by
        writing zeros."""
        self._check_not_closed()
        if self.mode == READ:
            return self._buffer.seek(offset, whence)
        if whence == io.SEEK_CUR:
            offset += self.offset
        elif whence != io.SEEK_SET:
            raise ValueError('Seek from end not supported')
        if offset < self.offset:
            raise OSError('Negative seek in write mode')
        gap = offset - self.offset
        zeros = bytes(min(gap, 1024))
        while gap > 0:
            gap -= self.write(zeros[:gap])
        return self.offset

    def tell(self):
        self._check_not_closed()
        if self.mode == WRITE:
            return self.offset
        return self._buffer.tell()


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress *data* in one call and return a gzip member.

    *mtime* (seconds since the epoch) goes in the header; the default is
    the current time.
    """
    if mtime is None:
        mtime = time.time()
    comp = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS)
    body = comp.compress(data) + comp.flush()
    data = memoryview(data)
    return b"".join((_header(mtime, compresslevel), body,
                     _le32(zlib.crc32(data)), _le32(data.nbytes)))


def decompress(data):
    """Decompress a gzip byte string (possibly of several members)."""
    results = []
    data = bytes(data)
    while True:
        fp = io.BytesIO(data)
        if _read_gzip_header(fp) is None:
            return b"".join(results)
        decomp = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
        result = decomp.decompress(data[fp.tell():])
        if not decomp.eof or len(decomp.unused_data) < 8:
            raise EOFError(_TRUNCATED)
        _check_trailer(decomp.unused_data[:8], zlib.crc32(result),
                       len(result), detail=False)
        results.append(result)
        data = decomp.unused_data[8:].lstrip(b"\x00")


def _copy(src, dst):
    while chunk := src.read(READ_BUFFER_SIZE):
        dst.write(chunk)


def main():
    """`python -m gzip [--fast | --best | -d] [file ...]`: like gzip(1),
    but the input files are kept; '-' (the default) is stdin/stdout."""
    from argparse import ArgumentParser
    parser = ArgumentParser(description=
        "A simple command line interface for the gzip module: act like gzip, "
        "but do not delete the input file.")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument('--fast', action='store_true', help='compress faster')
    choice.add_argument('--best', action='store_true', help='compress better')
    choice.add_argument("-d", "--decompress", action="store_true",
                        help="act like gunzip instead of gzip")
    parser.add_argument("args", nargs="*", default=["-"], metavar='file')
    options = parser.parse_args()

    level = _COMPRESS_LEVEL_TRADEOFF
    if options.fast:
        level = _COMPRESS_LEVEL_FAST
    elif options.best:
        level = _COMPRESS_LEVEL_BEST

    for name in options.args:
        if options.decompress:
            if name == "-":
                src = GzipFile(filename="", mode="rb",
                               fileobj=sys.stdin.buffer)
                dst = sys.stdout.buffer
            else:
                if not name.endswith(".gz"):
                    sys.exit(f"filename doesn't end in .gz: {name!r}")
                src = open(name, "rb")
                dst = builtins.open(name[:-3], "wb")
        elif name == "-":
            src = sys.stdin.buffer
            dst = GzipFile(filename="", mode="wb", fileobj=sys.stdout.buffer,
                           compresslevel=level)
        else:
            src = builtins.open(name, "rb")
            dst = open(name + ".gz", "wb", compresslevel=level)
        _copy(src, dst)
        if dst is not sys.stdout.buffer:
            dst.close()
        else:
            dst.flush()
        if src is not sys.stdin.buffer:
            src.close()


if __name__ == '__main__':
    main()
