"""Shared memory blocks for Value, Array and Barrier.

Blocks are carved out of arenas: anonymous files (removed from the file
system at once) mapped with mmap, so a forked child shares them, and a
spawned child maps the same file through a passed descriptor.  An arena
is bump-allocated and dropped when all its blocks are freed.  _lock
protects the heap's fields: blocks are allocated from any thread and freed
by finalizers."""

import itertools
import mmap
import os
import sys
import tempfile
import threading

from .context import reduction, assert_spawning
from . import util

__all__ = ['BufferWrapper']

_ALIGNMENT = 16
_ARENA_SIZE = 1 << 20


def _round_up(n, alignment=_ALIGNMENT):
    return (n + alignment - 1) & ~(alignment - 1)


class Arena(object):
    """A shared mapping of `size` bytes over an unlinked file."""

    _dir_candidates = ['/dev/shm']

    def __init__(self, size, fd=-1):
        self.size = size
        self.fd = fd
        if fd == -1:
            self.fd, name = tempfile.mkstemp(
                prefix='pym-%d-' % os.getpid(),
                dir=self._choose_dir(size))
            os.unlink(name)
            os.ftruncate(self.fd, size)
        util.Finalize(self, os.close, (self.fd,))
        self.buffer = mmap.mmap(self.fd, self.size)

    def _choose_dir(self, size):
        for d in self._dir_candidates:
            try:
                st = os.statvfs(d)
            except OSError:
                continue
            if st.f_bavail * st.f_frsize > size:
                return d
        return util.get_temp_dir()


def reduce_arena(a):
    if a.fd == -1:
        raise ValueError('Arena is unpicklable because '
                         'forking was enabled when it was created')
    return rebuild_arena, (a.size, reduction.DupFd(a.fd))


def rebuild_arena(size, dupfd):
    return Arena(size, dupfd.detach())


reduction.register(Arena, reduce_arena)


class Heap(object):

    def __init__(self, size=_ARENA_SIZE):
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._size = size
        self._current = None       # the arena being bump-allocated
        self._used = 0             # bytes handed out from _current
        self._live = {}            # id(arena) -> [arena, live blocks]

    def _reset_after_fork(self):
        # The child starts its own arenas: the parent's stay the parent's.
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._current = None
        self._used = 0
        self._live = {}

    def malloc(self, size):
        """A block (arena, start, stop) of at least size bytes."""
        if size < 0:
            raise ValueError("Size {0:n} out of range".format(size))
        if os.getpid() != self._pid:
            self._reset_after_fork()
        size = _round_up(max(1, size))
        with self._lock:
            if size > self._size // 4:
                arena = Arena(_round_up(size, mmap.PAGESIZE))
                start = 0
                self._live[id(arena)] = [arena, 0]
            else:
                if self._current is None or \
                        self._used + size > self._current.size:
                    self._current = Arena(self._size)
                    self._used = 0
                    self._live[id(self._current)] = [self._current, 0]
                arena = self._current
                start = self._used
                self._used += size
            self._live[id(arena)][1] += 1
            return (arena, start, start + size)

    def free(self, block):
        """Returns a block; its arena goes when none of its blocks live."""
        if os.getpid() != self._pid:
            return
        arena = block[0]
        with self._lock:
            entry = self._live.get(id(arena))
            if entry is None:
                return
            entry[1] -= 1
            if entry[1] == 0 and arena is not self._current:
                del self._live[id(arena)]


class BufferWrapper(object):
    """size bytes of shared memory; picklable for a child being started."""

    _heap = Heap()

    def __init__(self, size):
        if size < 0:
            raise ValueError("Size {0:n} out of range".format(size))
        if sys.maxsize <= size:
            raise OverflowError("Size {0:n} too large".format(size))
        block = BufferWrapper._heap.malloc(size)
        self._state = (block, size)
        util.Finalize(self, BufferWrapper._heap.free, args=(block,))

    def create_memoryview(self):
        (arena, start, stop), size = self._state
        return memoryview(arena.buffer)[start:start + size]

    def __reduce__(self):
        (arena, start, stop), size = self._state
        return _rebuild_wrapper, (arena, start, size)


class _RebuiltWrapper(BufferWrapper):
    """A BufferWrapper unpickled in a child: the parent owns the block."""

    def __init__(self, arena, start, size):
        self._state = ((arena, start, start + size), size)


def _rebuild_wrapper(arena, start, size):
    return _RebuiltWrapper(arena, start, size)
