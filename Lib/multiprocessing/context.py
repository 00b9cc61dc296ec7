"""Contexts: one per start method ('fork', 'spawn', 'forkserver'), each
making processes and the objects shared with them in its own way."""

import os
import sys
import threading

from . import process
from . import reduction

__all__ = ()


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class BaseContext(object):
    """The multiprocessing API bound to one start method."""

    ProcessError = ProcessError
    BufferTooShort = BufferTooShort
    TimeoutError = TimeoutError
    AuthenticationError = AuthenticationError

    current_process = staticmethod(process.current_process)
    parent_process = staticmethod(process.parent_process)
    active_children = staticmethod(process.active_children)

    def cpu_count(self):
        """The number of CPUs in the system."""
        num = os.cpu_count()
        if num is None:
            raise NotImplementedError('cannot determine number of cpus')
        return num

    def Manager(self):
        """A started SyncManager: shares objects through a server process."""
        from .managers import SyncManager
        m = SyncManager(ctx=self.get_context())
        m.start()
        return m

    def Pipe(self, duplex=True):
        """Two Connection objects joined by a pipe."""
        from .connection import Pipe
        return Pipe(duplex)

    def Lock(self):
        from .synchronize import Lock
        return Lock(ctx=self.get_context())

    def RLock(self):
        from .synchronize import RLock
        return RLock(ctx=self.get_context())

    def Condition(self, lock=None):
        from .synchronize import Condition
        return Condition(lock, ctx=self.get_context())

    def Semaphore(self, value=1):
        from .synchronize import Semaphore
        return Semaphore(value, ctx=self.get_context())

    def BoundedSemaphore(self, value=1):
        from .synchronize import BoundedSemaphore
        return BoundedSemaphore(value, ctx=self.get_context())

    def Event(self):
        from .synchronize import Event
        return Event(ctx=self.get_context())

    def Barrier(self, parties, action=None, timeout=None):
        from .synchronize import Barrier
        return Barrier(parties, action, timeout, ctx=self.get_context())

    def Queue(self, maxsize=0):
        from .queues import Queue
        return Queue(maxsize, ctx=self.get_context())

    def JoinableQueue(self, maxsize=0):
        from .queues import JoinableQueue
        return JoinableQueue(maxsize, ctx=self.get_context())

    def SimpleQueue(self):
        from .queues import SimpleQueue
        return SimpleQueue(ctx=self.get_context())

    def Pool(self, processes=None, initializer=None, initargs=(),
             maxtasksperchild=None):
        from .pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild,
                    context=self.get_context())

    def RawValue(self, typecode_or_type, *args):
        from .sharedctypes import RawValue
        return RawValue(typecode_or_type, *args)

    def RawArray(self, typecode_or_type, size_or_initializer):
        from .sharedctypes import RawArray
        return RawArray(typecode_or_type, size_or_initializer)

    def Value(self, typecode_or_type, *args, lock=True):
        from .sharedctypes import Value
        return Value(typecode_or_type, *args, lock=lock,
                     ctx=self.get_context())

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        from .sharedctypes import Array
        return Array(typecode_or_type, size_or_initializer, lock=lock,
                     ctx=self.get_context())

    def freeze_support(self):
        """Runs the child's side when a frozen executable was started as a
        spawned child; does nothing otherwise."""
        if getattr(sys, 'frozen', False):
            from .spawn import freeze_support
            freeze_support()

    def get_logger(self):
        from .util import get_logger
        return get_logger()

    def log_to_stderr(self, level=None):
        from .util import log_to_stderr
        return log_to_stderr(level)

    def allow_connection_pickling(self):
        """Connections are always picklable here: kept for compatibility."""
        from . import connection  # registers the reducers

    def set_executable(self, executable):
        """The interpreter that spawned children run."""
        from .spawn import set_executable
        set_executable(executable)

    def set_forkserver_preload(self, module_names):
        """Modules the fork server imports before forking children."""
        from .forkserver import set_forkserver_preload
        set_forkserver_preload(module_names)

    def get_context(self, method=None):
        if method is None:
            return self
        try:
            ctx = _concrete_contexts[method]
        except KeyError:
            raise ValueError('cannot find context for %r' % method) from None
        ctx._check_available()
        return ctx

    def get_start_method(self, allow_none=False):
        return self._name

    def set_start_method(self, method, force=False):
        raise ValueError('cannot set start method of concrete context')

    @property
    def reducer(self):
        """The module-like object that pickles for this context."""
        return globals().get('reduction')

    @reducer.setter
    def reducer(self, reduction):
        globals()['reduction'] = reduction

    def _check_available(self):
        pass


class Process(process.BaseProcess):
    """A process started by the default context's current method."""
    _start_method = None

    @staticmethod
    def _Popen(process_obj):
        return _default_context.get_context().Process._Popen(process_obj)

    @staticmethod
    def _after_fork():
        return _default_context.get_context().Process._after_fork()


class DefaultContext(BaseContext):
    """The module-level API: follows set_start_method().  _actual_context
    is one reference, replaced whole: threads racing to set it see one
    of the contexts, as they would with a lock."""
    Process = Process

    def __init__(self, context):
        self._default_context = context
        self._actual_context = None

    def get_context(self, method=None):
        if method is None:
            if self._actual_context is None:
                self._actual_context = self._default_context
            return self._actual_context
        return super().get_context(method)

    def set_start_method(self, method, force=False):
        """Sets the start method, once (unless force)."""
        if self._actual_context is not None and not force:
            raise RuntimeError('context has already been set')
        if method is None and force:
            self._actual_context = None
            return
        self._actual_context = self.get_context(method)

    def get_start_method(self, allow_none=False):
        if self._actual_context is None:
            if allow_none:
                return None
            self._actual_context = self._default_context
        return self._actual_context._name

    def get_all_start_methods(self):
        """The available start methods, the default first."""
        default = self._default_context.get_start_method()
        return [default] + [m for m in ('fork', 'spawn', 'forkserver')
                            if m != default]


# ---- the concrete contexts ------------------------------------------------

class ForkProcess(process.BaseProcess):
    _start_method = 'fork'

    @staticmethod
    def _Popen(process_obj):
        from .popen_fork import Popen
        return Popen(process_obj)


class SpawnProcess(process.BaseProcess):
    _start_method = 'spawn'

    @staticmethod
    def _Popen(process_obj):
        from .popen_spawn_posix import Popen
        return Popen(process_obj)

    @staticmethod
    def _after_fork():
        # A spawned child starts with nothing to reset.
        pass


class ForkServerProcess(process.BaseProcess):
    _start_method = 'forkserver'

    @staticmethod
    def _Popen(process_obj):
        from .popen_forkserver import Popen
        return Popen(process_obj)


class ForkContext(BaseContext):
    _name = 'fork'
    Process = ForkProcess


class SpawnContext(BaseContext):
    _name = 'spawn'
    Process = SpawnProcess


class ForkServerContext(BaseContext):
    _name = 'forkserver'
    Process = ForkServerProcess

    def _check_available(self):
        from . import reduction
        if not reduction.HAVE_SEND_HANDLE:
            raise ValueError('forkserver start method not available')


_concrete_contexts = {
    'fork': ForkContext(),
    'spawn': SpawnContext(),
    'forkserver': ForkServerContext(),
}
# Since 3.14 the default on POSIX (but macOS) is forkserver.
if sys.platform == 'darwin':
    _default_context = DefaultContext(_concrete_contexts['spawn'])
else:
    _default_context = DefaultContext(_concrete_contexts['forkserver'])


def _force_start_method(method):
    _default_context._actual_context = _concrete_contexts[method]


# ---- the process being spawned (for pickling decisions) ------------------

_tls = threading.local()


def get_spawning_popen():
    """The Popen object pickling a process for its start, or None."""
    return getattr(_tls, 'spawning_popen', None)


def set_spawning_popen(popen):
    _tls.spawning_popen = popen


def assert_spawning(obj):
    """Raises RuntimeError unless a child process is being started."""
    if get_spawning_popen() is None:
        raise RuntimeError(
            '%s objects should only be shared between processes'
            ' through inheritance' % type(obj).__name__)
