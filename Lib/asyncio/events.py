"""Event loop interface, callback handles and the current-loop functions."""

__all__ = ('AbstractEventLoop', 'AbstractServer', 'Handle', 'TimerHandle',
           'get_event_loop_policy', 'set_event_loop_policy',
           'get_event_loop', 'set_event_loop', 'new_event_loop',
           '_set_running_loop', 'get_running_loop', '_get_running_loop')

import contextvars
import os
import sys
import threading

from . import format_helpers


class Handle:
    """A callback scheduled with call_soon() and friends."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop',
                 '_source_traceback', '_repr', '__weakref__', '_context')

    def __init__(self, callback, args, loop, context=None):
        if context is None:
            context = contextvars.copy_context()
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        if self._loop.get_debug():
            self._source_traceback = format_helpers.extract_stack(
                sys._getframe(1))
        else:
            self._source_traceback = None

    def _repr_info(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(format_helpers._format_callback_source(
                self._callback, self._args,
                debug=self._loop.get_debug()))
        if self._source_traceback:
            frame = self._source_traceback[-1]
            info.append(f'created at {frame[0]}:{frame[1]}')
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        return '<{}>'.format(' '.join(self._repr_info()))

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            if self._loop.get_debug():
                # Keep the repr: the callback is dropped below.
                self._repr = repr(self)
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = format_helpers._format_callback_source(
                self._callback, self._args, debug=self._loop.get_debug())
            context = {
                'message': f'Exception in callback {cb}',
                'exception': exc,
                'handle': self,
            }
            if self._source_traceback:
                context['source_traceback'] = self._source_traceback
            self._loop.call_exception_handler(context)
        self = None  # Break the cycle through the exception's frames.


class TimerHandle(Handle):
    """A callback scheduled for a loop time with call_later()/call_at()."""

    __slots__ = ['_scheduled', '_when']

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        if self._source_traceback:
            del self._source_traceback[-1]
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = super()._repr_info()
        pos = 2 if self._cancelled else 1
        info.insert(pos, f'when={self._when}')
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and
                    self._callback == other._callback and
                    self._args == other._args and
                    self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        """The absolute loop time at which the callback is scheduled."""
        return self._when


class AbstractServer:
    """Interface of the server returned by create_server()."""

    def close(self):
        raise NotImplementedError

    def close_clients(self):
        raise NotImplementedError

    def abort_clients(self):
        raise NotImplementedError

    def get_loop(self):
        raise NotImplementedError

    def is_serving(self):
        raise NotImplementedError

    async def start_serving(self):
        raise NotImplementedError

    async def serve_forever(self):
        raise NotImplementedError

    async def wait_closed(self):
        raise NotImplementedError

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


def _abstract(name, is_async=False):
    if is_async:
        async def method(self, *args, **kwargs):
            raise NotImplementedError
    else:
        def method(self, *args, **kwargs):
            raise NotImplementedError
    method.__name__ = method.__qualname__ = name
    return method


class AbstractEventLoop:
    """The event loop interface; every method raises NotImplementedError."""


for _name in (
        'run_forever', 'run_until_complete', 'stop', 'is_running',
        'is_closed', 'close', 'call_soon', 'call_later', 'call_at', 'time',
        'create_future', 'create_task', 'call_soon_threadsafe',
        'run_in_executor', 'set_default_executor', 'add_reader',
        'remove_reader', 'add_writer', 'remove_writer',
        'add_signal_handler', 'remove_signal_handler', 'set_task_factory',
        'get_task_factory', 'get_exception_handler', 'set_exception_handler',
        'default_exception_handler', 'call_exception_handler', 'get_debug',
        'set_debug', '_timer_handle_cancelled'):
    setattr(AbstractEventLoop, _name, _abstract(_name))

for _name in (
        'shutdown_asyncgens', 'shutdown_default_executor', 'getaddrinfo',
        'getnameinfo', 'create_connection', 'create_server', 'sendfile',
        'start_tls', 'create_unix_connection', 'create_unix_server',
        'connect_accepted_socket', 'create_datagram_endpoint',
        'connect_read_pipe', 'connect_write_pipe', 'subprocess_shell',
        'subprocess_exec', 'sock_recv', 'sock_recv_into', 'sock_recvfrom',
        'sock_recvfrom_into', 'sock_sendall', 'sock_sendto', 'sock_connect',
        'sock_accept', 'sock_sendfile'):
    setattr(AbstractEventLoop, _name, _abstract(_name, True))
del _name


class _AbstractEventLoopPolicy:
    """Deprecated (removal in 3.16): chooses the loop of each thread."""

    def get_event_loop(self):
        raise NotImplementedError

    def set_event_loop(self, loop):
        raise NotImplementedError

    def new_event_loop(self):
        raise NotImplementedError


class _BaseDefaultEventLoopPolicy(_AbstractEventLoopPolicy):
    """One current loop per thread, set explicitly with set_event_loop();
    none is created implicitly (3.14+)."""

    _loop_factory = None

    class _Local(threading.local):
        _loop = None

    def __init__(self):
        self._local = self._Local()

    def get_event_loop(self):
        loop = self._local._loop
        if loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'
                               % threading.current_thread().name)
        return loop

    def set_event_loop(self, loop):
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop "
                            f"or None, not '{type(loop).__name__}'")
        self._local._loop = loop

    def new_event_loop(self):
        return self._loop_factory()


# The process-wide policy, created lazily; _policy_lock makes the lazy
# creation safe when several threads race (free-threaded build).
_event_loop_policy = None
_policy_lock = threading.Lock()


class _RunningLoop(threading.local):
    # (loop, pid): a forked child must not see its parent's running loop.
    loop_pid = (None, None)


_running_loop = _RunningLoop()


def get_running_loop():
    """Return the running event loop; raise RuntimeError if there is none."""
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def _get_running_loop():
    """Return the running event loop or None."""
    running_loop, pid = _running_loop.loop_pid
    if running_loop is not None and pid == os.getpid():
        return running_loop
    return None


def _set_running_loop(loop):
    """Record loop as this thread's running loop (None clears it)."""
    _running_loop.loop_pid = (loop, os.getpid())


def _get_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        with _policy_lock:
            if _event_loop_policy is None:
                from . import unix_events
                _event_loop_policy = unix_events._DefaultEventLoopPolicy()
    return _event_loop_policy


def _set_event_loop_policy(policy):
    global _event_loop_policy
    if policy is not None and not isinstance(policy,
                                             _AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of "
                        f"AbstractEventLoopPolicy or None, "
                        f"not '{type(policy).__name__}'")
    _event_loop_policy = policy


def _warn_policy_deprecated(name):
    import warnings
    warnings.warn(f"'asyncio.{name}' is deprecated and slated for removal "
                  f"in Python 3.16", DeprecationWarning, stacklevel=3)


def get_event_loop_policy():
    """Deprecated: return the current event loop policy."""
    _warn_policy_deprecated('get_event_loop_policy')
    return _get_event_loop_policy()


def set_event_loop_policy(policy):
    """Deprecated: set the event loop policy (None: the default)."""
    _warn_policy_deprecated('set_event_loop_policy')
    _set_event_loop_policy(policy)


def get_event_loop():
    """Return the running loop, else the loop set for this thread;
    RuntimeError if there is neither."""
    loop = _get_running_loop()
    if loop is not None:
        return loop
    return _get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    """Set loop as the current event loop of this thread."""
    _get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    """Create and return a new event loop."""
    return _get_event_loop_policy().new_event_loop()


# The pure-Python loop lookups under the _py_ names CPython gives them
# (there, the C accelerator _asyncio takes the plain names; Weft has no
# accelerator, so both names are the same functions).
_py__get_running_loop = _get_running_loop
_py__set_running_loop = _set_running_loop
_py_get_running_loop = get_running_loop
_py_get_event_loop = get_event_loop


if hasattr(os, 'fork'):
    def _on_fork():
        # The forked child starts with no current or running loop and no
        # signal wakeup fd: the parent's loop (and its self-pipe) stay the
        # parent's.  Runs in the child's only thread.
        import signal
        if isinstance(_event_loop_policy, _BaseDefaultEventLoopPolicy):
            _event_loop_policy._local = _BaseDefaultEventLoopPolicy._Local()
        _set_running_loop(None)
        signal.set_wakeup_fd(-1)

    os.register_at_fork(after_in_child=_on_fork)
