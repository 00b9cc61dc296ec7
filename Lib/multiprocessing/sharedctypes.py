"""Value and Array in shared memory, described by array-module typecodes
('i', 'd', 'c', ...) or by ctypes types (their _type_ code is used; ctypes
itself is not needed).  Value/Array wrap the raw object with a lock."""

import struct
import sys
import weakref

from . import heap
from . import get_context
from .context import reduction, assert_spawning

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

# The codes a shared object may hold: struct formats of the same name,
# except 'c' (one byte, handled as bytes) and 'u' (one wchar_t).
_VALID_CODES = set('cbBhHiIlLqQfd?uPnN')
_DEFAULTS = {'c': b'\x00', 'u': '\x00', '?': False, 'f': 0.0, 'd': 0.0}


def _typecode(typecode_or_type):
    if isinstance(typecode_or_type, str):
        code = typecode_or_type
    else:
        code = getattr(typecode_or_type, '_type_', None)
        if not isinstance(code, str):
            raise TypeError('unsupported type for shared memory: %r'
                            % (typecode_or_type,))
    if len(code) != 1 or code not in _VALID_CODES:
        raise ValueError('bad typecode (must be one of %s): %r'
                         % (''.join(sorted(_VALID_CODES)), code))
    return code


def _itemsize(code):
    if code == 'u':
        return 4 if sys.platform != 'win32' else 2
    return struct.calcsize(code)


class _SharedBase:
    """Storage for `_length` items of `_typecode` in a shared block."""

    def __init__(self, code, length, wrapper):
        self._typecode = code
        self._length = length
        self._wrapper = wrapper
        self._view = wrapper.create_memoryview()
        self._size = _itemsize(code)

    def _get(self, i):
        off = i * self._size
        raw = self._view[off:off + self._size]
        if self._typecode == 'c':
            return bytes(raw)
        if self._typecode == 'u':
            return chr(int.from_bytes(raw, sys.byteorder))
        return struct.unpack(self._typecode, raw)[0]

    def _set(self, i, value):
        off = i * self._size
        code = self._typecode
        if code == 'c':
            if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
                raise TypeError('one character bytes, bytearray or integer '
                                'expected')
            data = bytes(value)
        elif code == 'u':
            if not isinstance(value, str) or len(value) != 1:
                raise TypeError('unicode string expected instead of %s '
                                'instance' % type(value).__name__)
            data = ord(value).to_bytes(self._size, sys.byteorder)
        else:
            try:
                data = struct.pack(code, value)
            except struct.error as e:
                raise TypeError(str(e)) from None
        self._view[off:off + self._size] = data

    def __reduce__(self):
        return (_rebuild, (type(self), self._typecode, self._length,
                           self._wrapper))


def _rebuild(cls, code, length, wrapper):
    obj = cls.__new__(cls)
    _SharedBase.__init__(obj, code, length, wrapper)
    return obj


class SharedValue(_SharedBase):
    """One item in shared memory (what RawValue returns)."""

    @property
    def value(self):
        return self._get(0)

    @value.setter
    def value(self, v):
        self._set(0, v)

    def __repr__(self):
        return 'c_%s(%r)' % (self._typecode, self.value)


class SharedArray(_SharedBase):
    """A fixed-length array in shared memory (what RawArray returns)."""

    def __len__(self):
        return self._length

    def _index(self, i):
        if not isinstance(i, int):
            i = i.__index__()
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            items = [self._get(j) for j in range(*i.indices(self._length))]
            if self._typecode == 'c':
                return b''.join(items)
            if self._typecode == 'u':
                return ''.join(items)
            return items
        return self._get(self._index(i))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            indices = range(*i.indices(self._length))
            values = list(value)
            if self._typecode == 'c' and isinstance(value, (bytes,
                                                            bytearray)):
                values = [bytes([b]) for b in value]
            if len(values) != len(indices):
                raise ValueError('Can only assign sequence of same size')
            for j, v in zip(indices, values):
                self._set(j, v)
        else:
            self._set(self._index(i), value)

    def __iter__(self):
        for i in range(self._length):
            yield self._get(i)

    # 'c' and 'u' arrays are strings: value stops at the first NUL.
    @property
    def value(self):
        if self._typecode == 'c':
            return bytes(self._view[:self._length]).split(b'\0', 1)[0]
        if self._typecode == 'u':
            return ''.join(self).split('\0', 1)[0]
        raise AttributeError("'%s' array has no attribute 'value'"
                             % self._typecode)

    @value.setter
    def value(self, v):
        if self._typecode not in 'cu':
            raise AttributeError("'%s' array has no attribute 'value'"
                                 % self._typecode)
        if len(v) > self._length:
            raise ValueError('%s too long' % type(v).__name__)
        if len(v) < self._length:
            v = v + (b'\0' if self._typecode == 'c' else '\0')
        self[:len(v)] = v

    @property
    def raw(self):
        if self._typecode != 'c':
            raise AttributeError("'%s' array has no attribute 'raw'"
                                 % self._typecode)
        return bytes(self._view[:self._length])

    @raw.setter
    def raw(self, v):
        if self._typecode != 'c':
            raise AttributeError("'%s' array has no attribute 'raw'"
                                 % self._typecode)
        if len(v) > self._length:
            raise ValueError('byte string too long')
        self._view[:len(v)] = v

    def __repr__(self):
        return 'c_%s_Array_%d(%r)' % (self._typecode, self._length,
                                      self[:])


def RawValue(typecode_or_type, *args):
    """A shared value with no lock."""
    code = _typecode(typecode_or_type)
    wrapper = heap.BufferWrapper(_itemsize(code))
    obj = SharedValue(code, 1, wrapper)
    if len(args) > 1:
        raise TypeError('too many initializers')
    obj.value = args[0] if args else _DEFAULTS.get(code, 0)
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    """A shared array with no lock: a length (zero-filled) or the initial
    items."""
    code = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        length = size_or_initializer
        init = None
    else:
        init = size_or_initializer
        if code == 'c' and isinstance(init, (bytes, bytearray)):
            init = [bytes([b]) for b in init]
        init = list(init)
        length = len(init)
    if length < 0:
        raise ValueError('array length must be >= 0')
    wrapper = heap.BufferWrapper(_itemsize(code) * length)
    obj = SharedArray(code, length, wrapper)
    obj._view[:] = bytes(len(obj._view))
    if init is not None:
        obj[:] = init
    return obj


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared value, synchronized by lock (a new RLock when True)."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared array, synchronized by lock (a new RLock when True)."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def copy(obj):
    """A new shared object with obj's contents."""
    if isinstance(obj, SynchronizedBase):
        obj = obj.get_obj()
    if isinstance(obj, SharedArray):
        return RawArray(obj._typecode, list(obj))
    return RawValue(obj._typecode, obj.value)


def synchronized(obj, lock=None, ctx=None):
    """obj wrapped so that each access holds lock."""
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    ctx = ctx or get_context()
    if isinstance(obj, SharedArray):
        if obj._typecode in 'cu':
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    return Synchronized(obj, lock, ctx)


class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or get_context()
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        """The raw shared object."""
        return self._obj

    def get_lock(self):
        """The lock guarding the object."""
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        with self:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self:
            self._obj.value = v

    @property
    def raw(self):
        with self:
            return self._obj.raw

    @raw.setter
    def raw(self, v):
        with self:
            self._obj.raw = v
