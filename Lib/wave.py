"""Read and write WAV files: PCM audio in a RIFF container.

    with wave.open("tone.wav", "wb") as out:
        out.setnchannels(1); out.setsampwidth(2); out.setframerate(8000)
        out.writeframes(samples)

open() gives a Wave_read for mode 'rb' and a Wave_write for 'wb'.  Only
uncompressed PCM is supported (WAVE_FORMAT_PCM, and WAVE_FORMAT_EXTENSIBLE
with the PCM sub-format when reading).
"""

import builtins
import struct
import sys
from collections import namedtuple

__all__ = ["open", "Error", "Wave_read", "Wave_write"]


class Error(Exception):
    """A malformed WAV file, or parameters that cannot be written."""


WAVE_FORMAT_PCM = 0x0001
WAVE_FORMAT_EXTENSIBLE = 0xFFFE
KSDATAFORMAT_SUBTYPE_PCM = (b'\x01\x00\x00\x00\x00\x00\x10\x00'
                            b'\x80\x00\x00\xaa\x00\x38\x9b\x71')

_wave_params = namedtuple('_wave_params',
                          'nchannels sampwidth framerate nframes comptype '
                          'compname')

_HEADER_SIZE = 44          # RIFF header, 16-byte fmt chunk, data header


def _swap_samples(data, width):
    """WAV samples are little endian; on a big-endian machine each sample's
    bytes are reversed."""
    if width == 1 or sys.byteorder == 'little':
        return data
    out = bytearray(data)
    for start in range(0, len(out) - width + 1, width):
        out[start:start + width] = out[start:start + width][::-1]
    return bytes(out)


def _read_exactly(file, size):
    data = file.read(size)
    if len(data) < size:
        raise EOFError
    return data


class Wave_read:
    """A WAV file open for reading."""

    def __init__(self, f):
        self._owned_file = None
        if isinstance(f, str):
            f = builtins.open(f, 'rb')
            self._owned_file = f
        try:
            self.initfp(f)
        except BaseException:
            if self._owned_file is not None:
                self._owned_file.close()
                self._owned_file = None
            raise

    def initfp(self, file):
        self._file = file
        self._position = 0          # in frames
        self._needs_seek = False
        try:
            riff, _, form = struct.unpack('<4sL4s', _read_exactly(file, 12))
        except EOFError:
            raise EOFError from None
        if riff != b'RIFF':
            raise Error('file does not start with RIFF id')
        if form != b'WAVE':
            raise Error('not a WAVE file')
        self._scan_chunks(file)

    def _scan_chunks(self, file):
        """Read chunk headers up to the data chunk, taking in the format."""
        have_format = False
        while True:
            header = file.read(8)
            if len(header) < 8:
                raise Error('fmt chunk and/or data chunk missing')
            name, size = struct.unpack('<4sL', header)
            if name == b'fmt ':
                self._read_format(_read_exactly(file, size))
                have_format = True
                if size & 1:
                    file.read(1)
            elif name == b'data':
                if not have_format:
                    raise Error('data chunk before fmt chunk')
                self._data_size = size
                self._nframes = size // self._framesize
                try:
                    self._data_start = file.tell()
                except (AttributeError, OSError):
                    self._data_start = None
                self._data_read = 0
                return
            else:
                self._skip(file, size + (size & 1))

    @staticmethod
    def _skip(file, count):
        try:
            file.seek(count, 1)
        except (AttributeError, OSError):
            while count > 0:
                piece = file.read(min(count, 65536))
                if not piece:
                    raise EOFError
                count -= len(piece)

    def _read_format(self, data):
        if len(data) < 16:
            raise EOFError
        (tag, self._nchannels, self._framerate, _, _,
         bits) = struct.unpack_from('<HHLLHH', data)
        if tag == WAVE_FORMAT_EXTENSIBLE:
            if len(data) < 40:
                raise EOFError
            subformat = data[24:40]
            if subformat != KSDATAFORMAT_SUBTYPE_PCM:
                try:
                    import uuid
                    name = uuid.UUID(bytes_le=subformat)
                except Exception:
                    name = subformat.hex()
                raise Error(f'unknown extended format: {name}')
        elif tag != WAVE_FORMAT_PCM:
            raise Error('unknown format: %r' % (tag,))
        self._sampwidth = (bits + 7) // 8
        if not self._sampwidth:
            raise Error('bad sample width')
        if not self._nchannels:
            raise Error('bad # of channels')
        self._framesize = self._nchannels * self._sampwidth

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __del__(self):
        self.close()

    def getfp(self):
        return self._file

    def close(self):
        self._file = None
        owned, self._owned_file = self._owned_file, None
        if owned is not None:
            owned.close()

    def rewind(self):
        self.setpos(0)

    def tell(self):
        return self._position

    def setpos(self, pos):
        if pos < 0 or pos > self._nframes:
            raise Error('position not in range')
        self._position = pos
        self._needs_seek = True

    def getnchannels(self):
        return self._nchannels

    def getsampwidth(self):
        return self._sampwidth

    def getframerate(self):
        return self._framerate

    def getnframes(self):
        return self._nframes

    def getcomptype(self):
        return 'NONE'

    def getcompname(self):
        return 'not compressed'

    def getparams(self):
        return _wave_params(self._nchannels, self._sampwidth, self._framerate,
                            self._nframes, 'NONE', 'not compressed')

    def readframes(self, nframes):
        """Up to `nframes` frames as bytes; fewer at the end of the data."""
        if self._needs_seek:
            if self._data_start is None:
                raise Error('cannot seek in an unseekable file')
            offset = self._position * self._framesize
            self._file.seek(self._data_start + offset)
            self._data_read = offset
            self._needs_seek = False
        wanted = min(nframes * self._framesize,
                     self._data_size - self._data_read)
        if wanted <= 0:
            return b''
        data = self._file.read(wanted)
        data = data[:len(data) - len(data) % self._framesize]
        self._data_read += len(data)
        self._position += len(data) // self._framesize
        return _swap_samples(data, self._sampwidth)


class Wave_write:
    """A WAV file open for writing.  The header goes out with the first
    frames; its sizes are corrected by writeframes() and close()."""

    _file = None

    def __init__(self, f):
        self._owned_file = None
        if isinstance(f, str):
            f = builtins.open(f, 'wb')
            self._owned_file = f
        self.initfp(f)

    def initfp(self, file):
        self._file = file
        self._nchannels = 0
        self._sampwidth = 0
        self._framerate = 0
        self._nframes = 0
        self._comptype = 'NONE'
        self._compname = 'not compressed'
        self._frames_written = 0
        self._bytes_written = 0
        self._header_bytes = None       # data size the header states
        self._header_at = None          # where the RIFF size field is

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __del__(self):
        self.close()

    def _check_not_started(self):
        if self._bytes_written:
            raise Error('cannot change parameters after starting to write')

    def setnchannels(self, nchannels):
        self._check_not_started()
        if nchannels < 1:
            raise Error('bad # of channels')
        self._nchannels = nchannels

    def getnchannels(self):
        if not self._nchannels:
            raise Error('number of channels not set')
        return self._nchannels

    def setsampwidth(self, sampwidth):
        self._check_not_started()
        if not 1 <= sampwidth <= 4:
            raise Error('bad sample width')
        self._sampwidth = sampwidth

    def getsampwidth(self):
        if not self._sampwidth:
            raise Error('sample width not set')
        return self._sampwidth

    def setframerate(self, framerate):
        self._check_not_started()
        if framerate <= 0:
            raise Error('bad frame rate')
        self._framerate = int(round(framerate))

    def getframerate(self):
        if not self._framerate:
            raise Error('frame rate not set')
        return self._framerate

    def setnframes(self, nframes):
        self._check_not_started()
        self._nframes = nframes

    def getnframes(self):
        return self._frames_written

    def setcomptype(self, comptype, compname):
        self._check_not_started()
        if comptype != 'NONE':
            raise Error('unsupported compression type')
        self._comptype = comptype
        self._compname = compname

    def getcomptype(self):
        return self._comptype

    def getcompname(self):
        return self._compname

    def setparams(self, params):
        self._check_not_started()
        nchannels, sampwidth, framerate, nframes, comptype, compname = params
        self.setnchannels(nchannels)
        self.setsampwidth(sampwidth)
        self.setframerate(framerate)
        self.setnframes(nframes)
        self.setcomptype(comptype, compname)

    def getparams(self):
        if not (self._nchannels and self._sampwidth and self._framerate):
            raise Error('not all parameters set')
        return _wave_params(self._nchannels, self._sampwidth, self._framerate,
                            self._nframes, self._comptype, self._compname)

    def tell(self):
        return self._frames_written

    def writeframesraw(self, data):
        """Append frames, leaving the header's sizes as they are."""
        if not isinstance(data, (bytes, bytearray)):
            data = memoryview(data).cast('B')
        self._write_header_once(len(data))
        self._file.write(_swap_samples(bytes(data), self._sampwidth))
        self._bytes_written += len(data)
        self._frames_written += len(data) // (self._sampwidth * self._nchannels)

    def writeframes(self, data):
        """Append frames and make the header's sizes true."""
        self.writeframesraw(data)
        if self._header_bytes != self._bytes_written:
            self._patch_header()

    def close(self):
        try:
            if self._file is not None:
                self._write_header_once(0)
                if self._header_bytes != self._bytes_written:
                    self._patch_header()
                self._file.flush()
        finally:
            self._file = None
            owned, self._owned_file = self._owned_file, None
            if owned is not None:
                owned.close()

    def _write_header_once(self, first_write):
        if self._header_bytes is not None:
            return
        if not self._nchannels:
            raise Error('# channels not specified')
        if not self._sampwidth:
            raise Error('sample width not specified')
        if not self._framerate:
            raise Error('sampling rate not specified')
        framesize = self._nchannels * self._sampwidth
        if not self._nframes:
            self._nframes = first_write // framesize
        self._header_bytes = self._nframes * framesize
        try:
            self._header_at = self._file.tell()
        except (AttributeError, OSError):
            self._header_at = None
        self._file.write(struct.pack(
            '<4sL4s4sLHHLLHH4sL',
            b'RIFF', _HEADER_SIZE - 8 + self._header_bytes, b'WAVE',
            b'fmt ', 16, WAVE_FORMAT_PCM, self._nchannels, self._framerate,
            self._framerate * framesize, framesize, self._sampwidth * 8,
            b'data', self._header_bytes))

    def _patch_header(self):
        """Rewrite the two size fields for the bytes actually written."""
        if self._header_at is None:
            raise Error('cannot seek to fix the header of an unseekable file')
        end = self._file.tell()
        self._file.seek(self._header_at + 4)
        self._file.write(struct.pack('<L', _HEADER_SIZE - 8 + self._bytes_written))
        self._file.seek(self._header_at + _HEADER_SIZE - 4)
        self._file.write(struct.pack('<L', self._bytes_written))
        self._file.seek(end)
        self._header_bytes = self._bytes_written


def open(f, mode=None):
    """Open a WAV file (a name or a file object) for reading ('rb', the
    default, or the file object's own mode) or writing ('wb')."""
    if mode is None:
        mode = getattr(f, 'mode', 'rb')
    if mode in ('r', 'rb'):
        return Wave_read(f)
    if mode in ('w', 'wb'):
        return Wave_write(f)
    raise Error("mode must be 'r', 'rb', 'w', or 'wb'")
