"""Read and write ZIP archives (PKWARE's APPNOTE.TXT).

ZipFile opens an archive for reading ('r'), writing ('w', 'x') or
appending ('a'); ZipInfo describes one member.  Members may be stored or
compressed with deflate (zlib), bzip2, LZMA or Zstandard, archives may use the
ZIP64 extensions, and members encrypted with the traditional PKWARE
scheme can be read given the password.  zipfile.Path walks an archive
like pathlib.  `python -m zipfile` lists, tests, extracts and creates
archives.
"""

import importlib.util
import io
import os
import shutil
import stat
import struct
import sys
import threading
import time
import warnings

try:
    import zlib
except ImportError:
    zlib = None
try:
    import bz2
except ImportError:
    bz2 = None
try:
    import lzma
except ImportError:
    lzma = None
try:
    from compression import zstd
except ImportError:
    zstd = None

__all__ = ["BadZipFile", "BadZipfile", "error",
           "ZIP_STORED", "ZIP_DEFLATED", "ZIP_BZIP2", "ZIP_LZMA",
           "ZIP_ZSTANDARD",
           "is_zipfile", "ZipInfo", "ZipFile", "PyZipFile", "LargeZipFile",
           "Path"]


class BadZipFile(Exception):
    pass


class LargeZipFile(Exception):
    """Raised when writing a file would need ZIP64 extensions that are
    not enabled."""


error = BadZipfile = BadZipFile      # the pre-3.2 names

ZIP64_LIMIT = (1 << 31) - 1
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14
ZIP_ZSTANDARD = 93

DEFAULT_VERSION = 20
ZIP64_VERSION = 45
BZIP2_VERSION = 46
LZMA_VERSION = 63
ZSTANDARD_VERSION = 63
MAX_EXTRACT_VERSION = 63

_METHOD_NAMES = {
    0: 'store', 1: 'shrink', 2: 'reduce', 3: 'reduce', 4: 'reduce',
    5: 'reduce', 6: 'implode', 7: 'tokenize', 8: 'deflate',
    9: 'deflate64', 10: 'implode', 12: 'bzip2', 14: 'lzma', 18: 'terse',
    19: 'lz77', 93: 'zstd', 97: 'wavpack', 98: 'ppmd',
}

# Flag bits of the general purpose field.
_MASK_ENCRYPTED = 1 << 0
_MASK_COMPRESS_OPTION_1 = 1 << 1
_MASK_USE_DATA_DESCRIPTOR = 1 << 3
_MASK_COMPRESSED_PATCH = 1 << 5
_MASK_STRONG_ENCRYPTION = 1 << 6
_MASK_UTF_FILENAME = 1 << 11

# Record signatures and fixed sizes.
_SIG_LOCAL = b"PK\003\004"
_SIG_CENTRAL = b"PK\001\002"
_SIG_END = b"PK\005\006"
_SIG_END64 = b"PK\006\006"
_SIG_END64_LOCATOR = b"PK\006\007"
_SIG_DESCRIPTOR = b"PK\007\010"
sizeFileHeader = 30
sizeCentralDir = 46
sizeEndCentDir = 22
sizeEndCentDir64 = 56
sizeEndCentDir64Locator = 20

# Field widths (bytes, little-endian unsigned) of each record after its
# signature.
_LOCAL_FIELDS = (2, 2, 2, 2, 2, 4, 4, 4, 2, 2)
_CENTRAL_FIELDS = (1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 2, 2, 2, 2, 2, 4, 4)
_END_FIELDS = (2, 2, 2, 2, 4, 4, 2)
_END64_FIELDS = (8, 2, 2, 4, 4, 8, 8, 8, 8)
_LOCATOR_FIELDS = (4, 8, 4)

_EXTRA_ZIP64 = 0x0001
_EXTRA_UNICODE_PATH = 0x7075


def _unpack(widths, data, start=0):
    """The little-endian unsigned fields of *widths* from data[start:]."""
    values = []
    for width in widths:
        values.append(int.from_bytes(data[start:start + width], "little"))
        start += width
    return values


def _pack(widths, *values):
    """Little-endian unsigned fields; struct.error (as struct.pack would
    raise) when a value does not fit its field, e.g. a date after 2107."""
    out = []
    for width, value in zip(widths, values):
        if not 0 <= value < 1 << (8 * width):
            raise struct.error(f"{width}-byte field requires "
                               f"0 <= number <= {(1 << (8 * width)) - 1}")
        out.append(value.to_bytes(width, "little"))
    return b"".join(out)


def _strip_extra(extra, ids):
    """*extra* without the fields whose header id is in *ids*."""
    kept = []
    i = 0
    while i + 4 <= len(extra):
        tag, size = _unpack((2, 2), extra, i)
        end = i + 4 + size
        if tag not in ids:
            kept.append(extra[i:end])
        i = end
    # Up to three trailing bytes cannot hold a field header: keep them.
    kept.append(extra[i:])
    return b"".join(kept)


def _check_zipfile(fp):
    try:
        return _read_end_record(fp) is not None
    except OSError:
        return False


def is_zipfile(filename):
    """Whether *filename* (a path or a file object) looks like a ZIP file,
    judged by its end of central directory record."""
    try:
        if hasattr(filename, "read"):
            return _check_zipfile(filename)
        with open(filename, "rb") as fp:
            return _check_zipfile(fp)
    except OSError:
        return False


def _read_end_record_64(fp, end_offset, end):
    """Update the end record *end* from a ZIP64 locator before it."""
    if end_offset < sizeEndCentDir64Locator:
        return end
    fp.seek(end_offset - sizeEndCentDir64Locator)
    locator = fp.read(sizeEndCentDir64Locator)
    if len(locator) != sizeEndCentDir64Locator:
        return end
    if locator[:4] != _SIG_END64_LOCATOR:
        return end
    disk, rec_offset, disks = _unpack(_LOCATOR_FIELDS, locator, 4)
    if disk != 0 or disks > 1:
        raise BadZipFile("zipfiles that span multiple disks are not "
                         "supported")
    rec_pos = end_offset - sizeEndCentDir64Locator - sizeEndCentDir64
    if rec_pos < 0:
        raise BadZipFile("Corrupt zip64 end of central directory locator")
    fp.seek(rec_pos)
    record = fp.read(sizeEndCentDir64)
    if len(record) != sizeEndCentDir64 or record[:4] != _SIG_END64:
        raise BadZipFile("Corrupt zip64 end of central directory record")
    (_size, _made, _needed, disk_num, disk_dir, count_disk, count,
     dir_size, dir_offset) = _unpack(_END64_FIELDS, record, 4)
    end.update(disk=disk_num, disk_dir=disk_dir, count_disk=count_disk,
               count=count, dir_size=dir_size, dir_offset=dir_offset,
               zip64=True)
    return end


def _read_end_record(fp):
    """The end of central directory record as a dict (its fields, the
    comment and where it starts), or None when there is none."""
    try:
        fp.seek(0, 2)
    except OSError:
        return None
    filesize = fp.tell()
    start = max(filesize - sizeEndCentDir - ZIP_MAX_COMMENT, 0)
    fp.seek(start)
    tail = fp.read()
    pos = tail.rfind(_SIG_END)
    while pos >= 0:
        record = tail[pos:pos + sizeEndCentDir]
        if len(record) == sizeEndCentDir:
            fields = _unpack(_END_FIELDS, record, 4)
            comment_len = fields[6]
            comment = tail[pos + sizeEndCentDir:
                           pos + sizeEndCentDir + comment_len]
            if len(comment) == comment_len:
                end = dict(disk=fields[0], disk_dir=fields[1],
                           count_disk=fields[2], count=fields[3],
                           dir_size=fields[4], dir_offset=fields[5],
                           comment=comment, offset=start + pos, zip64=False)
                return _read_end_record_64(fp, start + pos, end)
        pos = tail.rfind(_SIG_END, 0, pos)
    return None


def _dos_datetime(date_time):
    year, month, day, hour, minute, second = date_time[:6]
    dos_date = (year - 1980) << 9 | month << 5 | day
    dos_time = hour << 11 | minute << 5 | (second // 2)
    return dos_date, dos_time


class ZipInfo:
    """Information about one member of an archive."""

    __slots__ = (
        'orig_filename', 'filename', 'date_time', 'compress_type',
        'compress_level', 'comment', 'extra', 'create_system',
        'create_version', 'extract_version', 'reserved', 'flag_bits',
        'volume', 'internal_attr', 'external_attr', 'header_offset',
        'CRC', 'compress_size', 'file_size', '_raw_time', '_end_offset',
    )

    def __init__(self, filename="NoName", date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        # A NUL ends the name; '/' is the separator inside archives.
        null = filename.find(chr(0))
        if null >= 0:
            filename = filename[:null]
        if os.sep != "/" and os.sep in filename:
            filename = filename.replace(os.sep, "/")
        if os.altsep and os.altsep != "/" and os.altsep in filename:
            filename = filename.replace(os.altsep, "/")
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError('ZIP does not support timestamps before 1980')
        self.compress_type = ZIP_STORED
        self.compress_level = None
        self.comment = b""
        self.extra = b""
        self.create_system = 0 if sys.platform == 'win32' else 3
        self.create_version = DEFAULT_VERSION
        self.extract_version = DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.header_offset = 0
        self.CRC = 0
        self.compress_size = 0
        self.file_size = 0
        self._raw_time = 0
        # Where the next member (or the central directory) starts, for
        # a member read from an archive; None otherwise.
        self._end_offset = None

    # The pre-3.13 name of compress_level.
    @property
    def _compresslevel(self):
        return self.compress_level

    @_compresslevel.setter
    def _compresslevel(self, value):
        self.compress_level = value

    def __repr__(self):
        parts = ['<%s filename=%r' % (type(self).__name__, self.filename)]
        if self.compress_type != ZIP_STORED:
            parts.append(' compress_type=%s' % _METHOD_NAMES.get(
                self.compress_type, self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            parts.append(' filemode=%r' % stat.filemode(hi))
        if lo:
            parts.append(' external_attr=%#x' % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            parts.append(' file_size=%r' % self.file_size)
        if ((not isdir or self.compress_size)
                and (self.compress_type != ZIP_STORED
                     or self.file_size != self.compress_size)):
            parts.append(' compress_size=%r' % self.compress_size)
        parts.append('>')
        return ''.join(parts)

    def _encoded_name(self):
        try:
            return self.filename.encode('ascii'), self.flag_bits
        except UnicodeEncodeError:
            return (self.filename.encode('utf-8'),
                    self.flag_bits | _MASK_UTF_FILENAME)

    def FileHeader(self, zip64=None):
        """The local file header of this member, as bytes."""
        dos_date, dos_time = _dos_datetime(self.date_time)
        if self.flag_bits & _MASK_USE_DATA_DESCRIPTOR:
            crc = compress_size = file_size = 0
        else:
            crc = self.CRC
            compress_size = self.compress_size
            file_size = self.file_size
        extra = self.extra
        min_version = 0
        if zip64 is None:
            zip64 = file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT
        if zip64:
            extra = extra + _pack((2, 2, 8, 8), _EXTRA_ZIP64, 16,
                                  file_size, compress_size)
            file_size = compress_size = 0xffffffff
            min_version = ZIP64_VERSION
        if self.compress_type == ZIP_BZIP2:
            min_version = max(BZIP2_VERSION, min_version)
        elif self.compress_type == ZIP_LZMA:
            min_version = max(LZMA_VERSION, min_version)
        elif self.compress_type == ZIP_ZSTANDARD:
            min_version = max(ZSTANDARD_VERSION, min_version)
        self.extract_version = max(min_version, self.extract_version)
        self.create_version = max(min_version, self.create_version)
        name, flag_bits = self._encoded_name()
        header = _SIG_LOCAL + _pack(
            _LOCAL_FIELDS, self.extract_version | self.reserved << 8,
            flag_bits, self.compress_type, dos_time, dos_date, crc,
            compress_size, file_size, len(name), len(extra))
        return header + name + extra

    # The fields a ZIP64 extra record may carry, in their fixed order: a
    # field is present there exactly when its header value is a marker.
    _ZIP64_FIELDS = (
        ('file_size', (0xFFFFFFFFFFFFFFFF, 0xFFFFFFFF), 'File size'),
        ('compress_size', (0xFFFFFFFF,), 'Compress size'),
        ('header_offset', (0xFFFFFFFF,), 'Header offset'),
    )

    def _apply_zip64(self, data):
        """Take the true sizes and offset from a ZIP64 extra record's data;
        BadZipFile names the first marked field the record is too short
        to hold."""
        pos = 0
        for field, markers, title in self._ZIP64_FIELDS:
            if getattr(self, field) not in markers:
                continue
            if pos + 8 > len(data):
                raise BadZipFile("Corrupt zip64 extra field. "
                                 "%s not found." % title)
            setattr(self, field, _unpack((8,), data, pos)[0])
            pos += 8

    def _decodeExtra(self, filename_crc=None):
        """Apply the ZIP64 extra field: it holds the true sizes and
        offset for those fields that are 0xFFFFFFFF."""
        extra = self.extra
        i = 0
        while i + 4 <= len(extra):
            tag, size = _unpack((2, 2), extra, i)
            if i + 4 + size > len(extra):
                raise BadZipFile("Corrupt extra field %04x (size=%d)"
                                 % (tag, size))
            if tag == _EXTRA_ZIP64:
                self._apply_zip64(extra[i + 4:i + 4 + size])
            elif tag == _EXTRA_UNICODE_PATH and filename_crc is not None:
                # Info-ZIP's UTF-8 name, valid while it still matches the
                # (legacy-encoded) name it was made for.
                data = extra[i + 4:i + 4 + size]
                if len(data) < 5:
                    raise BadZipFile('Corrupt unicode path extra field '
                                     '(0x7075)')
                if data[0] == 1 and _unpack((4,), data, 1)[0] == filename_crc:
                    try:
                        name = data[5:].decode('utf-8')
                    except UnicodeDecodeError:
                        raise BadZipFile('Corrupt unicode path extra field '
                                         '(0x7075): invalid utf-8 bytes'
                                         ) from None
                    if name:
                        self.filename = name
                    else:
                        warnings.warn('Empty unicode path extra field '
                                      '(0x7075)', stacklevel=2)
            i += 4 + size

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        """A ZipInfo for the file or directory *filename*, named *arcname*
        (default: *filename* without drive and leading separators)."""
        if isinstance(filename, os.PathLike):
            filename = os.fspath(filename)
        st = os.stat(filename)
        isdir = stat.S_ISDIR(st.st_mode)
        date_time = time.localtime(st.st_mtime)[0:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        elif not strict_timestamps and date_time[0] > 2107:
            date_time = (2107, 12, 31, 23, 59, 59)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        while arcname[0] in (os.sep, os.altsep):
            arcname = arcname[1:]
        if isdir:
            arcname += '/'
        zinfo = cls(arcname, date_time)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            zinfo.file_size = st.st_size
        return zinfo

    def is_dir(self):
        """Whether this member is a directory (its name ends with '/')."""
        return self.filename.endswith('/')


# ---- traditional PKWARE encryption (reading only) ------------------------

def _make_crc_table():
    table = []
    for i in range(256):
        crc = i
        for _ in range(8):
            crc = (crc >> 1) ^ 0xEDB88320 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_crc_table = None


def _zip_decrypter(pwd):
    """A function decrypting bytes with the traditional PKWARE cipher
    keyed by *pwd*; its state carries over between calls."""
    global _crc_table
    if _crc_table is None:
        _crc_table = _make_crc_table()
    table = _crc_table

    def crc32(ch, crc):
        return (crc >> 8) ^ table[(crc ^ ch) & 0xFF]

    keys = [305419896, 591751049, 878082192]

    def update_keys(c):
        keys[0] = crc32(c, keys[0])
        keys[1] = (keys[1] + (keys[0] & 0xFF)) & 0xFFFFFFFF
        keys[1] = (keys[1] * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc32(keys[1] >> 24, keys[2])

    for p in pwd:
        update_keys(p)

    def decrypt(data):
        out = bytearray(len(data))
        for i, c in enumerate(data):
            k = keys[2] | 2
            c ^= ((k * (k ^ 1)) >> 8) & 0xFF
            update_keys(c)
            out[i] = c
        return bytes(out)

    return decrypt


# ---- compressors ---------------------------------------------------------

class _LZMACompressor:
    """Compression for ZIP's LZMA method: a 4-byte version and properties
    header, then a raw LZMA1 stream with an end marker."""

    def __init__(self):
        self._comp = None

    def _init(self):
        props = lzma._encode_filter_properties({'id': lzma.FILTER_LZMA1})
        self._comp = lzma.LZMACompressor(lzma.FORMAT_RAW, filters=[
            lzma._decode_filter_properties(lzma.FILTER_LZMA1, props)])
        return bytes([9, 4]) + _pack((2,), len(props)) + props

    def compress(self, data):
        if self._comp is None:
            return self._init() + self._comp.compress(data)
        return self._comp.compress(data)

    def flush(self):
        if self._comp is None:
            return self._init() + self._comp.flush()
        return self._comp.flush()


class _LZMADecompressor:
    def __init__(self):
        self._decomp = None
        self._unconsumed = b''
        self.eof = False

    def decompress(self, data):
        if self._decomp is None:
            self._unconsumed += data
            if len(self._unconsumed) <= 4:
                return b''
            psize = _unpack((2,), self._unconsumed, 2)[0]
            if len(self._unconsumed) <= 4 + psize:
                return b''
            self._decomp = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[
                lzma._decode_filter_properties(
                    lzma.FILTER_LZMA1, self._unconsumed[4:4 + psize])])
            data = self._unconsumed[4 + psize:]
            del self._unconsumed
        result = self._decomp.decompress(data)
        self.eof = self._decomp.eof
        return result


def _check_compression(compression):
    if compression == ZIP_STORED:
        return
    needs = {ZIP_DEFLATED: (zlib, "zlib"), ZIP_BZIP2: (bz2, "bz2"),
             ZIP_LZMA: (lzma, "lzma"), ZIP_ZSTANDARD: (zstd, "zstd")}
    if compression not in needs:
        raise NotImplementedError("That compression method is not supported")
    module, name = needs[compression]
    if module is None:
        raise RuntimeError("Compression requires the (missing) %s module"
                           % name)


def _get_compressor(compress_type, compresslevel=None):
    if compress_type == ZIP_DEFLATED:
        level = zlib.Z_DEFAULT_COMPRESSION if compresslevel is None \
            else compresslevel
        return zlib.compressobj(level, zlib.DEFLATED, -15)
    if compress_type == ZIP_BZIP2:
        return bz2.BZ2Compressor(9 if compresslevel is None
                                 else compresslevel)
    if compress_type == ZIP_LZMA:
        return _LZMACompressor()
    if compress_type == ZIP_ZSTANDARD:
        return zstd.ZstdCompressor(level=compresslevel)
    return None


def _get_decompressor(compress_type):
    _check_compression(compress_type)
    if compress_type == ZIP_STORED:
        return None
    if compress_type == ZIP_DEFLATED:
        return zlib.decompressobj(-15)
    if compress_type == ZIP_BZIP2:
        return bz2.BZ2Decompressor()
    if compress_type == ZIP_ZSTANDARD:
        return zstd.ZstdDecompressor()
    return _LZMADecompressor()


# ---- reading members -----------------------------------------------------

class _SharedFile:
    """A view of the archive's file for one open member.

    Several members may be read at once (also from several threads):
    each view remembers its own position and seeks there, under the
    archive's lock, before every read.
    """

    def __init__(self, file, pos, close, lock, writing):
        self._file = file
        self._pos = pos
        self._close = close
        self._lock = lock
        self._writing = writing
        self.seekable = file.seekable

    def tell(self):
        return self._pos

    def seek(self, offset, whence=0):
        with self._lock:
            if self._writing():
                raise ValueError("Can't reposition in the ZIP file while "
                                 "there is an open writing handle on it. "
                                 "Close the writing handle before trying "
                                 "to read.")
            if whence == 1:
                offset += self._pos
                whence = 0
            self._file.seek(offset, whence)
            self._pos = self._file.tell()
            return self._pos

    def read(self, n=-1):
        with self._lock:
            if self._writing():
                raise ValueError("Can't read from the ZIP file while there "
                                 "is an open writing handle on it. "
                                 "Close the writing handle before trying "
                                 "to read.")
            self._file.seek(self._pos)
            data = self._file.read(n)
            self._pos = self._file.tell()
            return data

    def close(self):
        if self._file is not None:
            file, self._file = self._file, None
            self._close(file)


class ZipExtFile(io.BufferedIOBase):
    """A readable file object for one member, returned by ZipFile.open().

    Compressed bytes come from the archive in chunks of at most CHUNK,
    are decrypted if needed and decompressed into `_buf` (never more
    than CHUNK bytes of output per step, so a small member that inflates
    enormously cannot exhaust memory).  The CRC-32 of everything produced
    is checked when the member's last byte has been decompressed.
    Seeking backwards starts again from the member's first byte.
    """

    CHUNK = 1 << 16

    def __init__(self, fileobj, mode, zipinfo, pwd=None,
                 close_fileobj=False):
        self._fileobj = fileobj
        self._close_fileobj = close_fileobj
        self._zinfo = zipinfo
        self._pwd = pwd
        self.mode = mode
        self.name = zipinfo.filename
        self.newlines = None
        self._compress_type = zipinfo.compress_type
        self._check_crc = True
        try:
            self._seekable = bool(fileobj.seekable())
            self._data_start = fileobj.tell()
        except (AttributeError, OSError):
            self._seekable = False
            self._data_start = None
        self._start()

    def _start(self):
        """(Re)start decompressing at the member's first data byte."""
        zinfo = self._zinfo
        self._raw_left = zinfo.compress_size
        self._left = zinfo.file_size
        self._decomp = _get_decompressor(self._compress_type)
        self._pending = b''          # compressed input not yet consumed
        self._buf = b''
        self._bufpos = 0
        self._pos = 0                # uncompressed offset of the reader
        self._crc = zlib.crc32(b'') if zlib else 0
        self._done = False
        self._decrypt = None
        if self._pwd:
            self._decrypt = _zip_decrypter(self._pwd)
            header = self._fileobj.read(12)
            self._raw_left -= 12
            if zinfo.flag_bits & _MASK_USE_DATA_DESCRIPTOR:
                check_byte = (zinfo._raw_time >> 8) & 0xff
            else:
                check_byte = (zinfo.CRC >> 24) & 0xff
            if len(header) != 12 or self._decrypt(header)[11] != check_byte:
                raise RuntimeError("Bad password for file %r" % self.name)

    def __repr__(self):
        cls = self.__class__
        text = '<%s.%s' % (cls.__module__, cls.__qualname__)
        if self.closed:
            return text + ' [closed]>'
        text += ' name=%r' % (self.name,)
        if self._compress_type != ZIP_STORED:
            text += ' compress_type=%s' % _METHOD_NAMES.get(
                self._compress_type, self._compress_type)
        return text + ' mode=%r>' % (self.mode,)

    # -- producing decompressed bytes --

    def _raw_chunk(self):
        """The next compressed (decrypted) bytes; b'' when none are left."""
        if self._raw_left <= 0:
            return b''
        data = self._fileobj.read(min(self.CHUNK, self._raw_left))
        if not data:
            raise EOFError
        self._raw_left -= len(data)
        if self._decrypt is not None:
            data = self._decrypt(data)
        return data

    def _decompress_step(self):
        """Up to CHUNK more bytes of output (maybe none yet)."""
        decomp = self._decomp
        if decomp is None:
            data = self._raw_chunk()
            if not data:
                self._done = True
            return data
        if self._compress_type == ZIP_DEFLATED:
            data = decomp.unconsumed_tail or self._raw_chunk()
            out = decomp.decompress(data, self.CHUNK)
            if decomp.eof or (not data and not decomp.unconsumed_tail):
                out += decomp.flush()
                self._done = True
            return out
        data = self._raw_chunk()
        out = decomp.decompress(data)
        if decomp.eof or not data:
            self._done = True
        return out

    def _fill(self):
        """Refill the empty buffer; False at the end of the member."""
        while not self._done and self._left > 0:
            out = self._decompress_step()[:self._left]
            if out:
                self._left -= len(out)
                self._account(out)
                self._buf, self._bufpos = out, 0
                return True
        self._done = True
        self._account(b'')
        return False

    def _account(self, out):
        if self._check_crc:
            self._crc = zlib.crc32(out, self._crc)
            if (self._left <= 0 or self._done) and self._crc != self._zinfo.CRC:
                self._check_crc = False
                raise BadZipFile("Bad CRC-32 for file %r" % self.name)
            if self._left <= 0 or self._done:
                self._check_crc = False

    def _take(self, n):
        """Up to n bytes from the buffer (n < 0: all of it)."""
        end = len(self._buf) if n < 0 else min(len(self._buf),
                                               self._bufpos + n)
        data = self._buf[self._bufpos:end]
        self._bufpos = end
        self._pos += len(data)
        return data

    # -- the file API --

    def readable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return True

    def read(self, n=-1):
        """Read up to *n* bytes (all that is left when None or negative)."""
        if self.closed:
            raise ValueError("read from closed file.")
        if n is None:
            n = -1
        parts = []
        while n != 0:
            if self._bufpos >= len(self._buf) and not self._fill():
                break
            part = self._take(n)
            parts.append(part)
            if n > 0:
                n -= len(part)
        return b''.join(parts)

    def read1(self, n=-1):
        """Read up to *n* bytes, decompressing at most one chunk."""
        if self.closed:
            raise ValueError("read from closed file.")
        if self._bufpos >= len(self._buf) and not self._fill():
            return b''
        return self._take(-1 if n is None else n)

    def peek(self, n=1):
        """Buffered bytes at the current position, without moving."""
        if self._bufpos >= len(self._buf):
            self._fill()
        return self._buf[self._bufpos:self._bufpos + max(n, 512)]

    def readline(self, limit=-1):
        """Read one line (at most *limit* bytes when non-negative)."""
        if self.closed:
            raise ValueError("read from closed file.")
        parts = []
        while limit != 0:
            if self._bufpos >= len(self._buf) and not self._fill():
                break
            nl = self._buf.find(b'\n', self._bufpos)
            want = len(self._buf) - self._bufpos if nl < 0 \
                else nl + 1 - self._bufpos
            if limit > 0:
                want = min(want, limit)
                limit -= want
            parts.append(self._take(want))
            if nl >= 0 and parts[-1].endswith(b'\n'):
                break
        return b''.join(parts)

    def close(self):
        try:
            if self._close_fileobj:
                self._fileobj.close()
        finally:
            super().close()

    def seekable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self._seekable

    def seek(self, offset, whence=os.SEEK_SET):
        if self.closed:
            raise ValueError("seek on closed file.")
        if not self._seekable:
            raise io.UnsupportedOperation("underlying stream is not "
                                          "seekable")
        if whence == os.SEEK_CUR:
            offset += self._pos
        elif whence == os.SEEK_END:
            offset += self._zinfo.file_size
        elif whence != os.SEEK_SET:
            raise ValueError("whence must be os.SEEK_SET (0), "
                             "os.SEEK_CUR (1), or os.SEEK_END (2)")
        target = max(0, min(offset, self._zinfo.file_size))
        if target < self._pos - self._bufpos:
            # Before the buffer: decompress again from the start.
            self._fileobj.seek(self._data_start)
            self._start()
        else:
            # Inside or after the buffer: move in it, then read forward.
            buf_start = self._pos - self._bufpos
            self._bufpos = min(target - buf_start, len(self._buf))
            self._pos = buf_start + self._bufpos
        while self._pos < target:
            if not self.read(min(target - self._pos, 1 << 20)):
                break
        return self._pos

    def tell(self):
        if self.closed:
            raise ValueError("tell on closed file.")
        if not self._seekable:
            raise io.UnsupportedOperation("underlying stream is not "
                                          "seekable")
        return self._pos


# ---- writing members -----------------------------------------------------

class _ZipWriteFile(io.BufferedIOBase):
    """A writable file object for one new member (ZipFile.open(..., 'w'))."""

    def __init__(self, zf, zinfo, zip64):
        self._zinfo = zinfo
        self._zip64 = zip64
        self._zipfile = zf
        self._compressor = _get_compressor(zinfo.compress_type,
                                           zinfo.compress_level)
        self._file_size = 0
        self._compress_size = 0
        self._crc = 0

    @property
    def _fileobj(self):
        return self._zipfile.fp

    @property
    def name(self):
        return self._zinfo.filename

    @property
    def mode(self):
        return 'wb'

    def writable(self):
        return True

    def write(self, data):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if isinstance(data, (bytes, bytearray)):
            nbytes = len(data)
        else:
            data = memoryview(data)
            nbytes = data.nbytes
        self._file_size += nbytes
        self._crc = zlib.crc32(data, self._crc)
        if self._compressor:
            data = self._compressor.compress(data)
            self._compress_size += len(data)
        self._fileobj.write(data)
        return nbytes

    def close(self):
        if self.closed:
            return
        try:
            super().close()
            if self._compressor:
                tail = self._compressor.flush()
                self._compress_size += len(tail)
                self._fileobj.write(tail)
                self._zinfo.compress_size = self._compress_size
            else:
                self._zinfo.compress_size = self._file_size
            self._zinfo.CRC = self._crc
            self._zinfo.file_size = self._file_size
            self._finish_header()
        finally:
            self._zipfile._writing = False

    def _finish_header(self):
        zinfo = self._zinfo
        if not self._zip64:
            if self._file_size > ZIP64_LIMIT:
                raise RuntimeError("File size too large, try using "
                                   "force_zip64")
            if self._compress_size > ZIP64_LIMIT:
                raise RuntimeError("Compressed size too large, try using "
                                   "force_zip64")
        if zinfo.flag_bits & _MASK_USE_DATA_DESCRIPTOR:
            widths = (4, 8, 8) if self._zip64 else (4, 4, 4)
            self._fileobj.write(_SIG_DESCRIPTOR + _pack(
                widths, zinfo.CRC, zinfo.compress_size, zinfo.file_size))
            self._zipfile.start_dir = self._fileobj.tell()
        else:
            # Seek back and rewrite the header with the real values.
            self._zipfile.start_dir = self._fileobj.tell()
            self._fileobj.seek(zinfo.header_offset)
            self._fileobj.write(zinfo.FileHeader(self._zip64))
            self._fileobj.seek(self._zipfile.start_dir)
        self._zipfile.filelist.append(zinfo)
        self._zipfile.NameToInfo[zinfo.filename] = zinfo


class _Tellable:
    """A write-only stream that counts what is written, for files that
    cannot tell() (pipes, sockets)."""

    def __init__(self, fp):
        self.fp = fp
        self.offset = 0

    def write(self, data):
        n = self.fp.write(data)
        self.offset += n
        return n

    def tell(self):
        return self.offset

    def flush(self):
        self.fp.flush()

    def close(self):
        self.fp.close()


# ---- the archive ---------------------------------------------------------

class ZipFile:
    """A ZIP archive.

    *file* is a path or a file object; *mode* is 'r' (read), 'w' (write
    a new archive), 'x' (create, failing if it exists) or 'a' (append to
    an archive, or add one to the end of any other file).  *compression*
    (ZIP_STORED, ZIP_DEFLATED, ZIP_BZIP2, ZIP_LZMA, ZIP_ZSTANDARD) and *compresslevel*
    are the defaults for new members; *allowZip64* permits archives over
    2 GiB and more than 65535 members.  *metadata_encoding* decodes member
    names not flagged as UTF-8 (default cp437), when reading.
    """

    fp = None
    _windows_illegal_name_trans_table = None

    def __init__(self, file, mode="r", compression=ZIP_STORED,
                 allowZip64=True, compresslevel=None, *,
                 strict_timestamps=True, metadata_encoding=None):
        if mode not in ('r', 'w', 'x', 'a'):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)

        self._allowZip64 = allowZip64
        self._didModify = False
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.pwd = None
        self._comment = b''
        self._strict_timestamps = strict_timestamps
        self.metadata_encoding = metadata_encoding
        self._writing = False
        self._lock = threading.RLock()
        self._seekable = True
        self._data_offset = None

        if metadata_encoding and mode != 'r':
            raise ValueError(
                "metadata_encoding is only supported for reading files")

        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = 0
            self.filename = file
            modes = {'r': 'rb', 'w': 'w+b', 'x': 'x+b', 'a': 'r+b'}
            filemode = modes[mode]
            while True:
                try:
                    self.fp = io.open(file, filemode)
                except OSError:
                    if filemode in ('r+b', 'w+b'):
                        # Not readable back (or missing): write only.
                        filemode = {'r+b': 'w+b', 'w+b': 'wb'}[filemode]
                        continue
                    raise
                break
        else:
            self._filePassed = 1
            self.fp = file
            self.filename = getattr(file, 'name', None)
        self._fileRefCnt = 1

        try:
            if mode == 'r':
                self._RealGetContents()
            elif mode in ('w', 'x'):
                self._didModify = True
                self._start_writing_at_current()
            else:
                self._open_for_append()
        except:
            fp = self.fp
            self.fp = None
            self._fpclose(fp)
            raise

    def _start_writing_at_current(self):
        try:
            self.start_dir = self.fp.tell()
            self._data_offset = self.start_dir
        except (AttributeError, OSError):
            self.fp = _Tellable(self.fp)
            self.start_dir = 0
            self._seekable = False
        else:
            try:
                self.fp.seek(self.start_dir)
            except (AttributeError, OSError):
                self._seekable = False

    def _open_for_append(self):
        try:
            self._RealGetContents()
            # New members overwrite the old central directory.
            self.fp.seek(self.start_dir)
        except BadZipFile:
            # Not an archive: a new one goes after its contents.
            self.fp.seek(0, 2)
            self._didModify = True
            self.start_dir = self._data_offset = self.fp.tell()

    @property
    def data_offset(self):
        """Where the archive starts in its file (bytes before it are not
        part of it), or None when that is unknown."""
        return self._data_offset

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        result = ['<%s.%s' % (self.__class__.__module__,
                              self.__class__.__qualname__)]
        if self.fp is not None:
            if self._filePassed:
                result.append(' file=%r' % self.fp)
            elif self.filename is not None:
                result.append(' filename=%r' % self.filename)
            result.append(' mode=%r' % self.mode)
        else:
            result.append(' [closed]')
        result.append('>')
        return ''.join(result)

    def _decode_name(self, raw, flags):
        if flags & _MASK_UTF_FILENAME:
            return raw.decode('utf-8')
        return raw.decode(self.metadata_encoding or 'cp437')

    def _RealGetContents(self):
        """Read the central directory into filelist and NameToInfo."""
        fp = self.fp
        try:
            end = _read_end_record(fp)
        except OSError:
            raise BadZipFile("File is not a zip file")
        if end is None:
            raise BadZipFile("File is not a zip file")
        if end['disk'] != 0 or end['disk_dir'] != 0:
            raise BadZipFile("zipfiles that span multiple disks are not "
                             "supported")
        self._comment = end['comment']
        size_cd = end['dir_size']
        offset_cd = end['dir_offset']
        location = end['offset']
        if end['zip64']:
            location -= sizeEndCentDir64 + sizeEndCentDir64Locator
        # Bytes before the archive (a self-extractor stub, say) shift
        # every recorded offset by `concat`.
        concat = location - size_cd - offset_cd
        if concat < 0:
            raise BadZipFile("Bad offset for central directory")
        self._data_offset = concat
        self.start_dir = offset_cd + concat
        fp.seek(self.start_dir)
        data = fp.read(size_cd)
        if len(data) != size_cd:
            raise BadZipFile("Truncated central directory")
        pos = 0
        while pos < size_cd:
            if data[pos:pos + 4] != _SIG_CENTRAL:
                raise BadZipFile("Bad magic number for central directory")
            fields = _unpack(_CENTRAL_FIELDS, data, pos + 4)
            if len(data) < pos + sizeCentralDir:
                raise BadZipFile("Truncated central directory")
            (create_version, create_system, extract_version, reserved,
             flags, compress_type, dos_time, dos_date, crc, csize, usize,
             name_len, extra_len, comment_len, _disk, internal_attr,
             external_attr, header_offset) = fields
            pos += sizeCentralDir
            raw_name = data[pos:pos + name_len]
            pos += name_len
            x = ZipInfo(self._decode_name(raw_name, flags))
            x.extra = data[pos:pos + extra_len]
            pos += extra_len
            x.comment = data[pos:pos + comment_len]
            pos += comment_len
            x.header_offset = header_offset
            x.create_version = create_version
            x.create_system = create_system
            x.extract_version = extract_version
            x.reserved = reserved
            x.flag_bits = flags
            x.compress_type = compress_type
            x.CRC = crc
            x.compress_size = csize
            x.file_size = usize
            x.internal_attr = internal_attr
            x.external_attr = external_attr
            if x.extract_version > MAX_EXTRACT_VERSION:
                raise NotImplementedError("zip file version %.1f" %
                                          (x.extract_version / 10))
            x._raw_time = dos_time
            x.date_time = ((dos_date >> 9) + 1980, (dos_date >> 5) & 0xF,
                           dos_date & 0x1F, dos_time >> 11,
                           (dos_time >> 5) & 0x3F, (dos_time & 0x1F) * 2)
            # As in CPython, the Info-ZIP UTF-8 name field is checked
            # (a corrupt or empty one reported) whatever the name's flag.
            x._decodeExtra(None if zlib is None else zlib.crc32(raw_name))
            x.header_offset += concat
            self.filelist.append(x)
            self.NameToInfo[x.filename] = x
        self._set_end_offsets()

    def _set_end_offsets(self):
        """Bound each member's data by the start of the next member (or
        of the central directory): data running past it overlaps another
        entry, the mark of a zip bomb built from overlapping members."""
        end = self.start_dir
        for zinfo in sorted(self.filelist, key=lambda z: z.header_offset,
                            reverse=True):
            zinfo._end_offset = end
            end = zinfo.header_offset

    def namelist(self):
        """The names of the members, in archive order."""
        return [data.filename for data in self.filelist]

    def infolist(self):
        """The ZipInfo objects of the members, in archive order."""
        return self.filelist

    def printdir(self, file=None):
        """Print a table of the members to *file* (default stdout)."""
        print("%-46s %19s %12s" % ("File Name", "Modified    ", "Size"),
              file=file)
        for zinfo in self.filelist:
            date = "%d-%02d-%02d %02d:%02d:%02d" % zinfo.date_time[:6]
            print("%-46s %s %12d" % (zinfo.filename, date, zinfo.file_size),
                  file=file)

    def testzip(self):
        """Read every member; return the name of the first bad one, or
        None."""
        chunk_size = 2 ** 20
        for zinfo in self.filelist:
            try:
                with self.open(zinfo.filename, "r") as f:
                    while f.read(chunk_size):
                        pass
            except BadZipFile:
                return zinfo.filename
        return None

    def getinfo(self, name):
        """The ZipInfo of member *name* (KeyError if there is none)."""
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError(
                'There is no item named %r in the archive' % name)
        return info

    def setpassword(self, pwd):
        """Set the default password for encrypted members."""
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s"
                            % type(pwd).__name__)
        self.pwd = pwd or None

    @property
    def comment(self):
        """The archive's comment (bytes)."""
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError("comment: expected bytes, got %s"
                            % type(comment).__name__)
        if len(comment) > ZIP_MAX_COMMENT:
            import warnings
            warnings.warn('Archive comment is too long; truncating to %d '
                          'bytes' % ZIP_MAX_COMMENT, stacklevel=2)
            comment = comment[:ZIP_MAX_COMMENT]
        self._comment = comment
        self._didModify = True

    def read(self, name, pwd=None):
        """The contents of member *name* (a name or a ZipInfo)."""
        with self.open(name, "r", pwd) as fp:
            return fp.read()

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        """A file object for member *name* (a name or a ZipInfo): readable
        (mode 'r') or, for a new member, writable (mode 'w').

        *pwd* decrypts an encrypted member; *force_zip64* writes ZIP64
        fields for a member whose size may exceed 2 GiB.
        """
        if mode not in {"r", "w"}:
            raise ValueError('open() requires mode "r" or "w"')
        if pwd and mode == "w":
            raise ValueError("pwd is only supported for reading files")
        if pwd and not isinstance(pwd, bytes):
            raise TypeError("pwd: expected bytes, got %s"
                            % type(pwd).__name__)
        if not self.fp:
            raise ValueError(
                "Attempt to use ZIP archive that was already closed")

        if isinstance(name, ZipInfo):
            zinfo = name
        elif mode == 'w':
            zinfo = ZipInfo(name)
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
        else:
            zinfo = self.getinfo(name)

        if mode == 'w':
            return self._open_to_write(zinfo, force_zip64=force_zip64)

        if self._writing:
            raise ValueError("Can't open %s for reading while there is an "
                             "open writing handle on it. Close the writing "
                             "handle before trying to read." % (name,))

        self._fileRefCnt += 1
        zef_file = _SharedFile(self.fp, zinfo.header_offset, self._fpclose,
                               self._lock, lambda: self._writing)
        try:
            self._check_local_header(zef_file, zinfo)
            if (zinfo._end_offset is not None
                    and zef_file.tell() + zinfo.compress_size
                    > zinfo._end_offset):
                raise BadZipFile(f"Overlapped entries: "
                                 f"{zinfo.orig_filename!r} "
                                 f"(possible zip bomb)")
            if zinfo.flag_bits & _MASK_ENCRYPTED:
                if not pwd:
                    pwd = self.pwd
                if pwd and not isinstance(pwd, bytes):
                    raise TypeError("pwd: expected bytes, got %s"
                                    % type(pwd).__name__)
                if not pwd:
                    raise RuntimeError("File %r is encrypted, password "
                                       "required for extraction" % name)
            else:
                pwd = None
            return ZipExtFile(zef_file, mode + 'b', zinfo, pwd, True)
        except:
            zef_file.close()
            raise

    def _check_local_header(self, fp, zinfo):
        """Read the member's local header, leaving fp at its data."""
        header = fp.read(sizeFileHeader)
        if len(header) != sizeFileHeader:
            raise BadZipFile("Truncated file header")
        if header[:4] != _SIG_LOCAL:
            raise BadZipFile("Bad magic number for file header")
        fields = _unpack(_LOCAL_FIELDS, header, 4)
        flags, name_len, extra_len = fields[1], fields[8], fields[9]
        fname = fp.read(name_len)
        if extra_len:
            fp.read(extra_len)
        if zinfo.flag_bits & _MASK_COMPRESSED_PATCH:
            raise NotImplementedError("compressed patched data (flag bit 5)")
        if zinfo.flag_bits & _MASK_STRONG_ENCRYPTION:
            raise NotImplementedError("strong encryption (flag bit 6)")
        if flags & _MASK_UTF_FILENAME:
            fname_str = fname.decode("utf-8")
        else:
            fname_str = fname.decode(self.metadata_encoding or "cp437")
        if fname_str != zinfo.orig_filename:
            raise BadZipFile(
                'File name in directory %r and header %r differ.'
                % (zinfo.orig_filename, fname))

    def _open_to_write(self, zinfo, force_zip64=False):
        if force_zip64 and not self._allowZip64:
            raise ValueError(
                "force_zip64 is True, but allowZip64 was False when "
                "opening the ZIP file.")
        if self._writing:
            raise ValueError("Can't write to the ZIP file while there is "
                             "another write handle open on it. Close the "
                             "first handle before opening another.")
        self._ensure_writable()

        # The sizes are filled in when the member is closed.
        zinfo.compress_size = 0
        zinfo.CRC = 0
        zinfo.flag_bits = 0
        if zinfo.compress_type == ZIP_LZMA:
            zinfo.flag_bits |= _MASK_COMPRESS_OPTION_1
        if not self._seekable:
            zinfo.flag_bits |= _MASK_USE_DATA_DESCRIPTOR
        if not zinfo.external_attr:
            zinfo.external_attr = 0o600 << 16

        zip64 = force_zip64 or (zinfo.file_size * 1.05 > ZIP64_LIMIT)
        if not self._allowZip64 and zip64:
            raise LargeZipFile("Filesize would require ZIP64 extensions")

        if self._seekable:
            self.fp.seek(self.start_dir)
        zinfo.header_offset = self.fp.tell()
        self._writecheck(zinfo)
        self._didModify = True
        self.fp.write(zinfo.FileHeader(zip64))
        self._writing = True
        return _ZipWriteFile(self, zinfo, zip64)

    def _ensure_writable(self):
        if self.mode not in ('w', 'x', 'a'):
            raise ValueError("write() requires mode 'w', 'x', or 'a'")
        if not self.fp:
            raise ValueError(
                "Attempt to write to ZIP archive that was already closed")

    def _writecheck(self, zinfo):
        """Refuse a member that cannot be written as configured."""
        if zinfo.filename in self.NameToInfo:
            import warnings
            warnings.warn('Duplicate name: %r' % zinfo.filename,
                          stacklevel=3)
        self._ensure_writable()
        _check_compression(zinfo.compress_type)
        if not self._allowZip64:
            requires_zip64 = None
            if len(self.filelist) >= ZIP_FILECOUNT_LIMIT:
                requires_zip64 = "Files count"
            elif zinfo.file_size > ZIP64_LIMIT:
                requires_zip64 = "Filesize"
            elif zinfo.header_offset > ZIP64_LIMIT:
                requires_zip64 = "Zipfile size"
            if requires_zip64:
                raise LargeZipFile(requires_zip64 +
                                   " would require ZIP64 extensions")

    def extract(self, member, path=None, pwd=None):
        """Extract *member* (a name or ZipInfo) below *path* (default: the
        current directory) and return the path created.  Absolute paths
        and '..' components in the member name are neutralised."""
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path, pwd)

    def extractall(self, path=None, members=None, pwd=None):
        """Extract every member (or those in *members*) below *path*."""
        if members is None:
            members = self.namelist()
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        for zipinfo in members:
            self._extract_member(zipinfo, path, pwd)

    @classmethod
    def _sanitize_windows_name(cls, arcname, pathsep):
        """Replace characters Windows forbids in names, and trailing dots
        and spaces."""
        table = cls._windows_illegal_name_trans_table
        if not table:
            illegal = ':<>|"?*'
            table = str.maketrans(illegal, '_' * len(illegal))
            cls._windows_illegal_name_trans_table = table
        arcname = arcname.translate(table)
        arcname = (x.rstrip(' .') for x in arcname.split(pathsep))
        return pathsep.join(x for x in arcname if x)

    def _extract_member(self, member, targetpath, pwd):
        if not isinstance(member, ZipInfo):
            member = self.getinfo(member)

        arcname = member.filename.replace('/', os.path.sep)
        if os.path.altsep:
            arcname = arcname.replace(os.path.altsep, os.path.sep)
        # Drop any drive, root and '.'/'..' components, so the member
        # lands below targetpath whatever its name says.
        arcname = os.path.splitdrive(arcname)[1]
        invalid = ('', os.path.curdir, os.path.pardir)
        arcname = os.path.sep.join(x for x in arcname.split(os.path.sep)
                                   if x not in invalid)
        if os.path.sep == '\\':
            arcname = self._sanitize_windows_name(arcname, os.path.sep)

        if not arcname and not member.is_dir():
            raise ValueError("Empty filename.")

        targetpath = os.path.join(targetpath, arcname)
        targetpath = os.path.normpath(targetpath)

        upperdirs = os.path.dirname(targetpath)
        if upperdirs and not os.path.exists(upperdirs):
            os.makedirs(upperdirs, exist_ok=True)

        if member.is_dir():
            if not os.path.isdir(targetpath):
                try:
                    os.mkdir(targetpath)
                except FileExistsError:
                    if not os.path.isdir(targetpath):
                        raise
            return targetpath

        with self.open(member, pwd=pwd) as source, \
                open(targetpath, "wb") as target:
            shutil.copyfileobj(source, target)
        return targetpath

    def write(self, filename, arcname=None, compress_type=None,
              compresslevel=None):
        """Add the file or directory *filename* as member *arcname*."""
        if not self.fp:
            raise ValueError(
                "Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError(
                "Can't write to ZIP archive while an open writing handle "
                "exists")

        zinfo = ZipInfo.from_file(filename, arcname,
                                  strict_timestamps=self._strict_timestamps)

        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            self.mkdir(zinfo)
            return
        zinfo.compress_type = (self.compression if compress_type is None
                               else compress_type)
        zinfo.compress_level = (self.compresslevel if compresslevel is None
                                else compresslevel)
        with open(filename, "rb") as src, self.open(zinfo, 'w') as dest:
            shutil.copyfileobj(src, dest, 1024 * 8)

    def writestr(self, zinfo_or_arcname, data, compress_type=None,
                 compresslevel=None):
        """Add a member with contents *data* (str is encoded as UTF-8).

        *zinfo_or_arcname* is the member's name or a ZipInfo (whose
        date, attributes and compression are used).
        """
        if isinstance(data, str):
            data = data.encode("utf-8")
        if isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = zinfo_or_arcname
        else:
            zinfo = ZipInfo(filename=zinfo_or_arcname,
                            date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
            if zinfo.filename.endswith('/'):
                zinfo.external_attr = 0o40775 << 16   # drwxrwxr-x
                zinfo.external_attr |= 0x10           # MS-DOS directory
            else:
                zinfo.external_attr = 0o600 << 16     # ?rw-------

        if not self.fp:
            raise ValueError(
                "Attempt to write to ZIP archive that was already closed")
        if self._writing:
            raise ValueError(
                "Can't write to ZIP archive while an open writing handle "
                "exists.")

        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo.compress_level = compresslevel

        zinfo.file_size = len(data)
        with self._lock:
            with self.open(zinfo, mode='w') as dest:
                dest.write(data)

    def mkdir(self, zinfo_or_directory_name, mode=511):
        """Add a directory member (a name or a ZipInfo) with *mode*."""
        if isinstance(zinfo_or_directory_name, ZipInfo):
            zinfo = zinfo_or_directory_name
            if not zinfo.is_dir():
                raise ValueError("The given ZipInfo does not describe a "
                                 "directory")
        elif isinstance(zinfo_or_directory_name, str):
            directory_name = zinfo_or_directory_name
            if not directory_name.endswith("/"):
                directory_name += "/"
            zinfo = ZipInfo(directory_name)
            zinfo.compress_size = 0
            zinfo.CRC = 0
            zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            raise TypeError("Expected type str or ZipInfo")

        with self._lock:
            if self._writing:
                raise ValueError("Can't write to ZIP archive while an open "
                                 "writing handle exists.")
            self._writecheck(zinfo)
            self._didModify = True
            if self._seekable:
                self.fp.seek(self.start_dir)
            zinfo.header_offset = self.fp.tell()
            if zinfo.compress_type == ZIP_LZMA:
                zinfo.flag_bits |= _MASK_COMPRESS_OPTION_1
            self.filelist.append(zinfo)
            self.NameToInfo[zinfo.filename] = zinfo
            self.fp.write(zinfo.FileHeader(False))
            self.start_dir = self.fp.tell()

    def __del__(self):
        self.close()

    def close(self):
        """Write the central directory (when modified) and close the file
        if this object opened it."""
        if self.fp is None:
            return
        if self._writing:
            raise ValueError("Can't close the ZIP file while there is "
                             "an open writing handle on it. "
                             "Close the writing handle before closing "
                             "the zip.")
        try:
            if self.mode in ('w', 'x', 'a') and self._didModify:
                with self._lock:
                    if self._seekable:
                        self.fp.seek(self.start_dir)
                    self._write_end_record()
        finally:
            fp = self.fp
            self.fp = None
            self._fpclose(fp)

    def _central_entry(self, zinfo):
        dos_date, dos_time = _dos_datetime(zinfo.date_time)
        extra = []
        if zinfo.file_size > ZIP64_LIMIT or zinfo.compress_size > ZIP64_LIMIT:
            extra.append(zinfo.file_size)
            extra.append(zinfo.compress_size)
            file_size = compress_size = 0xffffffff
        else:
            file_size = zinfo.file_size
            compress_size = zinfo.compress_size
        # Offsets are recorded relative to the archive's start, so that an
        # archive appended to other data also reads on its own.
        header_offset = zinfo.header_offset - (self._data_offset or 0)
        if header_offset > ZIP64_LIMIT:
            extra.append(header_offset)
            header_offset = 0xffffffff

        extra_data = zinfo.extra
        min_version = 0
        if extra:
            extra_data = _strip_extra(extra_data, (_EXTRA_ZIP64,))
            extra_data = (_pack((2, 2), _EXTRA_ZIP64, 8 * len(extra))
                          + _pack((8,) * len(extra), *extra) + extra_data)
            min_version = ZIP64_VERSION
        if zinfo.compress_type == ZIP_BZIP2:
            min_version = max(BZIP2_VERSION, min_version)
        elif zinfo.compress_type == ZIP_LZMA:
            min_version = max(LZMA_VERSION, min_version)
        elif zinfo.compress_type == ZIP_ZSTANDARD:
            min_version = max(ZSTANDARD_VERSION, min_version)
        extract_version = max(min_version, zinfo.extract_version)
        create_version = max(min_version, zinfo.create_version)
        name, flag_bits = zinfo._encoded_name()
        return (_SIG_CENTRAL + _pack(
            _CENTRAL_FIELDS, create_version, zinfo.create_system,
            extract_version, zinfo.reserved, flag_bits, zinfo.compress_type,
            dos_time, dos_date, zinfo.CRC, compress_size, file_size,
            len(name), len(extra_data), len(zinfo.comment), 0,
            zinfo.internal_attr, zinfo.external_attr, header_offset)
            + name + extra_data + zinfo.comment)

    def _write_end_record(self):
        for zinfo in self.filelist:
            self.fp.write(self._central_entry(zinfo))

        pos2 = self.fp.tell()
        base = self._data_offset or 0      # see _central_entry
        count = len(self.filelist)
        dir_size = pos2 - self.start_dir
        dir_offset = self.start_dir - base
        needs_zip64 = None
        if count > ZIP_FILECOUNT_LIMIT:
            needs_zip64 = "Files count"
        elif dir_offset > ZIP64_LIMIT:
            needs_zip64 = "Central directory offset"
        elif dir_size > ZIP64_LIMIT:
            needs_zip64 = "Central directory size"
        if needs_zip64:
            if not self._allowZip64:
                raise LargeZipFile(needs_zip64 +
                                   " would require ZIP64 extensions")
            self.fp.write(_SIG_END64 + _pack(
                _END64_FIELDS, 44, 45, 45, 0, 0, count, count, dir_size,
                dir_offset))
            self.fp.write(_SIG_END64_LOCATOR + _pack(
                _LOCATOR_FIELDS, 0, pos2 - base, 1))
            count = min(count, 0xFFFF)
            dir_size = min(dir_size, 0xFFFFFFFF)
            dir_offset = min(dir_offset, 0xFFFFFFFF)

        self.fp.write(_SIG_END + _pack(
            _END_FIELDS, 0, 0, count, count, dir_size, dir_offset,
            len(self._comment)) + self._comment)
        if self.mode == "a":
            self.fp.truncate()
        self.fp.flush()

    def _fpclose(self, fp):
        assert self._fileRefCnt > 0
        self._fileRefCnt -= 1
        if not self._fileRefCnt and not self._filePassed:
            fp.close()


class PyZipFile(ZipFile):
    """A ZipFile that can add Python modules and packages (as .pyc files,
    compiled when needed) with writepy()."""

    def __init__(self, file, mode="r", compression=ZIP_STORED,
                 allowZip64=True, optimize=-1):
        ZipFile.__init__(self, file, mode=mode, compression=compression,
                         allowZip64=allowZip64)
        self._optimize = optimize

    def writepy(self, pathname, basename="", filterfunc=None):
        """Add the module file, package directory or plain directory of
        modules *pathname*; *filterfunc(path)* can veto each path."""
        pathname = os.fspath(pathname)
        if filterfunc and not filterfunc(pathname):
            if self.debug:
                label = 'path' if os.path.isdir(pathname) else 'file'
                print('%s %r skipped by filterfunc' % (label, pathname))
            return
        dir, name = os.path.split(pathname)
        if os.path.isdir(pathname):
            is_package = os.path.isfile(os.path.join(pathname,
                                                     "__init__.py"))
            if is_package:
                basename = "%s/%s" % (basename, name) if basename else name
                fname, arcname = self._get_codename(
                    os.path.join(pathname, "__init__"), basename)
                self.write(fname, arcname)
            for filename in sorted(os.listdir(pathname)):
                path = os.path.join(pathname, filename)
                root, ext = os.path.splitext(filename)
                if os.path.isdir(path):
                    if is_package and os.path.isfile(
                            os.path.join(path, "__init__.py")):
                        self.writepy(path, basename, filterfunc=filterfunc)
                elif ext == ".py" and filename != "__init__.py":
                    if filterfunc and not filterfunc(path):
                        continue
                    fname, arcname = self._get_codename(path[0:-3], basename)
                    self.write(fname, arcname)
        else:
            if pathname[-3:] != ".py":
                raise RuntimeError(
                    'Files added with writepy() must end with ".py"')
            fname, arcname = self._get_codename(pathname[0:-3], basename)
            self.write(fname, arcname)

    def _get_codename(self, pathname, basename):
        """Compile pathname + '.py' and return the .pyc path and its
        archive name."""
        import py_compile
        file_py = pathname + ".py"
        if self._optimize == -1:
            optimization = ''
        else:
            optimization = self._optimize or ''
        file_pyc = importlib.util.cache_from_source(
            file_py, optimization=optimization)
        try:
            py_compile.compile(file_py, file_pyc, doraise=True,
                               optimize=self._optimize)
        except py_compile.PyCompileError as err:
            # A module that does not compile is stored as source.
            print(err.msg)
            file_pyc = file_py
        archivename = os.path.split(file_pyc)[1]
        if file_pyc != file_py:
            archivename = os.path.split(pathname)[1] + ".pyc"
        if basename:
            archivename = "%s/%s" % (basename, archivename)
        return file_pyc, archivename


def main(args=None):
    """`python -m zipfile`: -l/--list, -e/--extract, -c/--create,
    -t/--test an archive."""
    import argparse

    description = 'A simple command-line interface for zipfile module.'
    parser = argparse.ArgumentParser(description=description)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument('-l', '--list', metavar='<zipfile>',
                       help='Show listing of a zipfile')
    group.add_argument('-e', '--extract', nargs=2,
                       metavar=('<zipfile>', '<output_dir>'),
                       help='Extract zipfile into target dir')
    group.add_argument('-c', '--create', nargs='+',
                       metavar=('<name>', '<file>'),
                       help='Create zipfile from sources')
    group.add_argument('-t', '--test', metavar='<zipfile>',
                       help='Test if a zipfile is valid')
    parser.add_argument('--metadata-encoding', metavar='<encoding>',
                        help='Specify encoding of member names for -l, -e '
                             'and -t')
    args = parser.parse_args(args)

    encoding = args.metadata_encoding

    if args.test is not None:
        with ZipFile(args.test, 'r', metadata_encoding=encoding) as zf:
            badfile = zf.testzip()
        if badfile:
            print("The following enclosed file is corrupted: {!r}"
                  .format(badfile))
        print("Done testing")

    elif args.list is not None:
        with ZipFile(args.list, 'r', metadata_encoding=encoding) as zf:
            zf.printdir()

    elif args.extract is not None:
        src, curdir = args.extract
        with ZipFile(src, 'r', metadata_encoding=encoding) as zf:
            zf.extractall(curdir)

    elif args.create is not None:
        if encoding:
            print("Non-conforming encodings not supported with -c.",
                  file=sys.stderr)
            sys.exit(1)

        zip_name = args.create.pop(0)
        files = args.create

        def add_to_zip(zf, path, zippath):
            if os.path.isfile(path):
                zf.write(path, zippath, ZIP_DEFLATED)
            elif os.path.isdir(path):
                if zippath:
                    zf.write(path, zippath)
                for name in sorted(os.listdir(path)):
                    add_to_zip(zf, os.path.join(path, name),
                               os.path.join(zippath, name))
            # Anything else (sockets, devices) is skipped.

        with ZipFile(zip_name, 'w') as zf:
            for path in files:
                zippath = os.path.basename(path)
                if not zippath:
                    zippath = os.path.basename(os.path.dirname(path))
                if zippath in ('', os.curdir, os.pardir):
                    zippath = ''
                add_to_zip(zf, path, zippath)


# Path lives in its own module, which imports this one; hence the end.
from ._path import Path, CompleteDirs  # noqa: E402,F401
