"""Shared machinery of the compressed-file classes (bz2.BZ2File,
lzma.LZMAFile, gzip.GzipFile): a base class with the mode checks and a
raw reader that runs a decompressor over a file object."""

import io
import sys

# How much compressed data a reader asks its file for at a time.
BUFFER_SIZE = io.DEFAULT_BUFFER_SIZE


class BaseStream(io.BufferedIOBase):
    """The mode checks every compressed file class needs."""

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _check_can_read(self):
        if not self.readable():
            raise io.UnsupportedOperation("File not open for reading")

    def _check_can_write(self):
        if not self.writable():
            raise io.UnsupportedOperation("File not open for writing")

    def _check_can_seek(self):
        if not self.readable():
            raise io.UnsupportedOperation("Seeking is only supported "
                                          "on files open for reading")
        if not self.seekable():
            raise io.UnsupportedOperation("The underlying file object "
                                          "does not support seeking")


class DecompressReader(io.RawIOBase):
    """A raw reader of the decompressed contents of file object *fp*.

    *decomp_factory(**decomp_args)* makes a decompressor (an object with
    decompress(data, max_length), eof, needs_input and unused_data).  A
    file may hold several compressed streams one after another: when one
    ends, a new decompressor takes the bytes that follow.  Bytes after the
    last stream that make *decomp_factory*'s decompressor raise one of
    *trailing_error* are ignored.  Seeking backwards starts again from the
    beginning of *fp*.
    """

    def __init__(self, fp, decomp_factory, trailing_error=(), **decomp_args):
        self._fp = fp
        self._decomp_factory = decomp_factory
        self._decomp_args = decomp_args
        self._trailing_error = trailing_error
        self._decompressor = decomp_factory(**decomp_args)
        self._eof = False
        self._pos = 0           # offset in the decompressed data
        self._size = -1         # length of the decompressed data, once known

    def readable(self):
        return True

    def seekable(self):
        return self._fp.seekable()

    def close(self):
        self._decompressor = None
        return super().close()

    def readinto(self, b):
        with memoryview(b) as view, view.cast("B") as target:
            data = self.read(len(target))
            target[:len(data)] = data
        return len(data)

    def _next_chunk(self, size):
        """Up to *size* decompressed bytes; b'' only at the real end."""
        while True:
            decomp = self._decompressor
            if decomp.eof:
                # One stream is done; whatever follows starts another.
                raw = decomp.unused_data or self._fp.read(BUFFER_SIZE)
                if not raw:
                    return b""
                self._decompressor = self._decomp_factory(
                    **self._decomp_args)
                try:
                    data = self._decompressor.decompress(raw, size)
                except self._trailing_error:
                    return b""
            else:
                raw = b""
                if decomp.needs_input:
                    raw = self._fp.read(BUFFER_SIZE)
                    if not raw:
                        raise EOFError("Compressed file ended before the "
                                       "end-of-stream marker was reached")
                data = decomp.decompress(raw, size)
            if data:
                return data

    def read(self, size=-1):
        if size < 0:
            return self.readall()
        if size == 0 or self._eof:
            return b""
        data = self._next_chunk(size)
        if not data:
            self._eof = True
            self._size = self._pos
            return b""
        self._pos += len(data)
        return data

    def readall(self):
        # sys.maxsize lets each decompress() call use all the input it has.
        parts = []
        while True:
            data = self.read(sys.maxsize)
            if not data:
                return b"".join(parts)
            parts.append(data)

    def _rewind(self):
        self._fp.seek(0)
        self._decompressor = self._decomp_factory(**self._decomp_args)
        self._eof = False
        self._pos = 0

    def seek(self, offset, whence=io.SEEK_SET):
        if whence == io.SEEK_CUR:
            offset += self._pos
        elif whence == io.SEEK_END:
            if self._size < 0:
                while self.read(io.DEFAULT_BUFFER_SIZE):
                    pass
            offset += self._size
        elif whence != io.SEEK_SET:
            raise ValueError("Invalid value for whence: {}".format(whence))

        if offset < self._pos:
            self._rewind()
        skip = offset - self._pos
        while skip > 0:
            data = self.read(min(io.DEFAULT_BUFFER_SIZE, skip))
            if not data:
                break
            skip -= len(data)
        return self._pos

    def tell(self):
        """Return the current file position."""
        return self._pos
