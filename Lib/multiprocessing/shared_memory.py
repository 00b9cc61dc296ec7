"""Named blocks of shared memory (SharedMemory) and a list stored in one
(ShareableList), usable from any process that knows the name."""

__all__ = ['SharedMemory', 'ShareableList']

import errno
import mmap
import os
import secrets
import struct
import types

import _posixshmem

_O_CREX = os.O_CREAT | os.O_EXCL
# POSIX names: a slash and at most 14 more characters on some systems.
_SHM_SAFE_NAME_LENGTH = 14
_SHM_NAME_PREFIX = '/psm_'


def _make_filename():
    """A random name for a new segment."""
    nbytes = (_SHM_SAFE_NAME_LENGTH - len(_SHM_NAME_PREFIX)) // 2
    assert nbytes >= 2, '_SHM_NAME_PREFIX too long'
    name = _SHM_NAME_PREFIX + secrets.token_hex(nbytes)
    assert len(name) <= _SHM_SAFE_NAME_LENGTH
    return name


class SharedMemory:
    """A shared memory block: created (create=True, size bytes), or
    attached by name.  buf is a memoryview of it.  close() detaches this
    process; unlink() (once, by one process) removes the block.

    With track=True the creating (or attaching) process registers the
    block with the resource tracker, which removes it if no process
    unlinked it by the time they all ended."""

    # Defaults a failed __init__ leaves behind, so __del__ and close()
    # work on a half-made object.
    _path = None
    _fd = -1
    _mmap = None
    _buf = None
    _size = 0
    _track = False

    def __init__(self, name=None, create=False, size=0, *, track=True):
        if not size >= 0:
            raise ValueError("'size' must be a positive integer")
        if create and size == 0:
            raise ValueError("'size' must be a positive number different "
                             "from zero")
        if name is None and not create:
            raise ValueError("'name' can only be None if create=True")
        flags = os.O_RDWR | (os.O_CREAT | os.O_EXCL if create else 0)
        if name is None:
            self._path, self._fd = self._create_unnamed(flags)
        else:
            self._path = '/' + name
            self._fd = _posixshmem.shm_open(self._path, flags, mode=0o600)
        try:
            if create:
                os.ftruncate(self._fd, size)
            self._size = os.fstat(self._fd).st_size
            self._mmap = mmap.mmap(self._fd, self._size)
        except OSError:
            if create:
                _posixshmem.shm_unlink(self._path)
            self.close()
            raise
        self._buf = memoryview(self._mmap)
        self._track = track
        if track:
            from .resource_tracker import register
            register(self._path, "shared_memory")

    @staticmethod
    def _create_unnamed(flags):
        # Random names until one is free.
        while True:
            path = _make_filename()
            try:
                return path, _posixshmem.shm_open(path, flags, mode=0o600)
            except FileExistsError:
                continue

    def __del__(self):
        try:
            self.close()
        except OSError:
            pass

    def __reduce__(self):
        return (self.__class__, (self.name, False, self.size))

    def __repr__(self):
        return f'{self.__class__.__name__}({self.name!r}, size={self.size})'

    @property
    def buf(self):
        """A memoryview of the block."""
        return self._buf

    @property
    def name(self):
        """The name that attaches to the block (without the slash)."""
        return self._path[1:] if self._path else self._path

    @property
    def size(self):
        """The block's size in bytes."""
        return self._size

    def close(self):
        """Detaches this process from the block (it stays for the others)."""
        buf, self._buf = self._buf, None
        if buf is not None:
            buf.release()
        mapping, self._mmap = self._mmap, None
        if mapping is not None:
            mapping.close()
        fd, self._fd = self._fd, -1
        if fd >= 0:
            os.close(fd)

    def unlink(self):
        """Removes the block's name; it goes once every process closed it.
        Call once, from one process."""
        if self._path:
            _posixshmem.shm_unlink(self._path)
            if self._track:
                from .resource_tracker import unregister
                unregister(self._path, "shared_memory")


_ENCODING = "utf8"

# Item kinds and how each is stored in its slot.
_INT, _FLOAT, _BOOL, _STR, _BYTES, _NONE = range(6)
_KIND_OF_TYPE = {int: _INT, float: _FLOAT, bool: _BOOL, str: _STR,
                 bytes: _BYTES, type(None): _NONE}
_FIXED_FORMAT = {_INT: 'q', _FLOAT: 'd', _BOOL: '?'}
# What ShareableList.format reports for each kind.
_REPORTED_FORMAT = {_INT: 'q', _FLOAT: 'd', _BOOL: 'xxxxxxx?',
                    _NONE: 'xxxxxx?x'}
_HEADER = struct.Struct('q')          # the item count
_ENTRY = struct.Struct('qqqb7x')      # offset, capacity, length, kind


def _kind(value):
    try:
        return _KIND_OF_TYPE[type(value)]
    except KeyError:
        raise TypeError(f'ShareableList cannot hold {type(value).__name__} '
                        f'items') from None


def _capacity(kind, value):
    # str and bytes get their length rounded up past a multiple of 8
    # (so there is room to grow a little); the others one 8-byte word.
    if kind == _STR:
        value = value.encode(_ENCODING)
    if kind in (_STR, _BYTES):
        return 8 * (len(value) // 8 + 1)
    return 8


class ShareableList:
    """A fixed-length list of int, float, bool, str, bytes and None in a
    SharedMemory block, visible to every process that attaches by name.
    Items can be replaced, a str or bytes only by one that fits the space
    reserved for the item at creation; the length is fixed.

    Block layout: the item count; a table with one entry per item (its
    data's offset, the bytes reserved, the data's length, its kind); then
    the data area."""

    def __init__(self, sequence=None, *, name=None):
        if name is None or sequence is not None:
            items = list(sequence or ())
            kinds = [_kind(v) for v in items]
            capacities = [_capacity(k, v) for k, v in zip(kinds, items)]
            size = (_HEADER.size + _ENTRY.size * len(items) +
                    sum(capacities))
            self.shm = SharedMemory(name, create=True, size=max(size, 1))
            buf = self.shm.buf
            _HEADER.pack_into(buf, 0, len(items))
            offset = _HEADER.size + _ENTRY.size * len(items)
            for i, capacity in enumerate(capacities):
                _ENTRY.pack_into(buf, _HEADER.size + i * _ENTRY.size,
                                 offset, capacity, 0, _NONE)
                offset += capacity
            for i, value in enumerate(items):
                self._store(i, value)
        else:
            self.shm = SharedMemory(name)

    def _entry(self, position):
        return _ENTRY.unpack_from(self.shm.buf,
                                  _HEADER.size + position * _ENTRY.size)

    def _position(self, position):
        n = len(self)
        if position < 0:
            position += n
        if not 0 <= position < n:
            raise IndexError("index out of range")
        return position

    def _store(self, position, value):
        kind = _kind(value)
        offset, capacity, _, _ = self._entry(position)
        buf = self.shm.buf
        if kind in (_STR, _BYTES):
            data = value.encode(_ENCODING) if kind == _STR else value
            if len(data) > capacity:
                raise ValueError("bytes/str item exceeds available storage")
            buf[offset:offset + len(data)] = data
            length = len(data)
        else:
            if kind in _FIXED_FORMAT:
                struct.pack_into(_FIXED_FORMAT[kind], buf, offset, value)
            length = 0
        _ENTRY.pack_into(buf, _HEADER.size + position * _ENTRY.size,
                         offset, capacity, length, kind)

    def __getitem__(self, position):
        position = self._position(position)
        offset, capacity, length, kind = self._entry(position)
        buf = self.shm.buf
        if kind == _STR:
            return bytes(buf[offset:offset + length]).decode(_ENCODING)
        if kind == _BYTES:
            return bytes(buf[offset:offset + length])
        if kind == _NONE:
            return None
        return struct.unpack_from(_FIXED_FORMAT[kind], buf, offset)[0]

    def __setitem__(self, position, value):
        try:
            position = self._position(position)
        except IndexError:
            raise IndexError("assignment index out of range") from None
        self._store(position, value)

    def __reduce__(self):
        return partial(self.__class__, name=self.shm.name), ()

    def __len__(self):
        return _HEADER.unpack_from(self.shm.buf, 0)[0]

    def __repr__(self):
        return (f'{self.__class__.__name__}({list(self)}, '
                f'name={self.shm.name!r})')

    @property
    def format(self):
        """The struct format describing the items' slots."""
        parts = []
        for i in range(len(self)):
            offset, capacity, length, kind = self._entry(i)
            parts.append('%ds' % capacity if kind in (_STR, _BYTES)
                         else _REPORTED_FORMAT[kind])
        return ''.join(parts)

    def count(self, value):
        """The number of items equal to value."""
        return sum(value == entry for entry in self)

    def index(self, value):
        """The position of the first item equal to value."""
        for position, entry in enumerate(self):
            if value == entry:
                return position
        raise ValueError("ShareableList.index(x): x not in list")

    __class_getitem__ = classmethod(types.GenericAlias)


from functools import partial
