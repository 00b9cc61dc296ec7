"""BaseEventLoop: the scheduling core shared by concrete event loops.

The loop keeps two queues: _ready, a deque of handles to run on the next
iteration, and _scheduled, a heap of TimerHandles ordered by deadline.
Each iteration waits for I/O (in _process_events of the subclass) no
longer than the earliest deadline, moves due timers to _ready and runs
what _ready held at the start of the iteration.
"""

__all__ = ('BaseEventLoop', 'Server')

import collections
import collections.abc
import concurrent.futures
import errno
import functools
import heapq
import itertools
import os
import socket
import sys
import threading
import time
import traceback
import warnings
import weakref

from . import constants
from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import staggered
from . import tasks
from . import timeouts
from .log import logger

# When more than this share of the timer heap is cancelled handles, and
# there are at least _MIN_SCHEDULED_TIMER_HANDLES of them, rebuild the heap.
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5

# The longest select() timeout: a guard against overflow in the selector.
MAXIMUM_SELECT_TIMEOUT = 24 * 3600

_HAS_IPv6 = True


def _format_handle(handle):
    cb = handle._callback
    if isinstance(getattr(cb, '__self__', None), tasks.Task):
        return repr(cb.__self__)
    return str(handle)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            # run_until_complete() re-raises these itself.
            return
    futures._get_loop(fut).stop()


class Server(events.AbstractServer):
    """Listening sockets created by create_server() and friends."""

    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog,
                 ssl_handshake_timeout=None, ssl_shutdown_timeout=None):
        self._loop = loop
        self._sockets = sockets
        # Transports of accepted connections still open.
        self._clients = weakref.WeakSet()
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._ssl_context = ssl_context
        self._ssl_handshake_timeout = ssl_handshake_timeout
        self._ssl_shutdown_timeout = ssl_shutdown_timeout
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self, transport):
        assert self._sockets is not None
        self._clients.add(transport)

    def _detach(self, transport):
        self._clients.discard(transport)
        if len(self._clients) == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._start_serving(
                self._protocol_factory, sock, self._ssl_context,
                self, self._backlog, self._ssl_handshake_timeout,
                self._ssl_shutdown_timeout)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        from . import trsock
        return tuple(trsock.TransportSocket(s) for s in self._sockets)

    def close(self):
        """Stop listening; connections already accepted stay open."""
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if len(self._clients) == 0:
            self._wakeup()

    def close_clients(self):
        for transport in list(self._clients):
            transport.close()

    def abort_clients(self):
        for transport in list(self._clients):
            transport.abort()

    async def start_serving(self):
        self._start_serving()
        # Let the loop register the listening sockets.
        await tasks.sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on '
                f'serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        """Wait until the server is closed and its connections are gone."""
        if self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


class BaseEventLoop(events.AbstractEventLoop):
    """Scheduling, executor, exception handling and the generic parts of
    networking.  Subclasses supply _process_events, _write_to_self and the
    transport constructors.

    Everything except call_soon_threadsafe() must run on the loop's thread;
    _thread_id records that thread while the loop runs.
    """

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = collections.deque()
        self._scheduled = []
        self._default_executor = None
        self._internal_fds = 0
        self._thread_id = None
        self._clock_resolution = time.get_clock_info('monotonic').resolution
        self._exception_handler = None
        self.set_debug(coroutines._is_debug_mode())
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._task_factory = None
        self._coroutine_origin_tracking_enabled = False
        self._coroutine_origin_tracking_saved_depth = None
        self._asyncgens = weakref.WeakSet()
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def create_future(self):
        """Create a Future attached to this loop."""
        return futures.Future(loop=self)

    def create_task(self, coro, **kwargs):
        """Schedule a coroutine as a Task; kwargs go to the task factory
        (name, context, eager_start...)."""
        self._check_closed()
        if self._task_factory is not None:
            return self._task_factory(self, coro, **kwargs)
        task = tasks.Task(coro, loop=self, **kwargs)
        if task._source_traceback:
            del task._source_traceback[-1]
        try:
            return task
        finally:
            # Do not keep the task alive through this frame on error.
            del task

    def set_task_factory(self, factory):
        """Set the callable create_task() uses; None restores Task."""
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def _make_socket_transport(self, sock, protocol, waiter=None, *,
                               extra=None, server=None):
        raise NotImplementedError

    def _make_ssl_transport(
            self, rawsock, protocol, sslcontext, waiter=None,
            *, server_side=False, server_hostname=None,
            extra=None, server=None,
            ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None,
            call_connection_made=True):
        raise NotImplementedError

    def _make_datagram_transport(self, sock, protocol,
                                 address=None, waiter=None, extra=None):
        raise NotImplementedError

    def _make_read_pipe_transport(self, pipe, protocol, waiter=None,
                                  extra=None):
        raise NotImplementedError

    def _make_write_pipe_transport(self, pipe, protocol, waiter=None,
                                   extra=None):
        raise NotImplementedError

    async def _make_subprocess_transport(self, protocol, args, shell,
                                         stdin, stdout, stderr, bufsize,
                                         extra=None, **kwargs):
        raise NotImplementedError

    def _write_to_self(self):
        raise NotImplementedError

    def _process_events(self, event_list):
        raise NotImplementedError

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_default_executor(self):
        if self._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')

    def _asyncgen_finalizer_hook(self, agen):
        self._asyncgens.discard(agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_shutdown_called:
            warnings.warn(
                f'asynchronous generator {agen!r} was scheduled after '
                f'loop.shutdown_asyncgens() call',
                ResourceWarning, source=self)
        self._asyncgens.add(agen)

    async def shutdown_asyncgens(self):
        """Close the async generators still open on this loop."""
        self._asyncgens_shutdown_called = True
        if not len(self._asyncgens):
            return
        closing = list(self._asyncgens)
        self._asyncgens.clear()
        results = await tasks.gather(
            *[ag.aclose() for ag in closing], return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })

    async def shutdown_default_executor(self, timeout=None):
        """Shut the default executor down, waiting up to timeout seconds
        for its threads."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        future = self.create_future()
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            async with timeouts.timeout(timeout):
                await future
        except TimeoutError:
            warnings.warn('The executor did not finishing joining its '
                          f'threads within {timeout} seconds.',
                          RuntimeWarning, stacklevel=2)
            self._default_executor.shutdown(wait=False)
        else:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(
                    futures._set_result_unless_cancelled, future, None)
        except Exception as ex:
            if not self.is_closed() and not future.cancelled():
                self.call_soon_threadsafe(future.set_exception, ex)

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError(
                'Cannot run the event loop while another loop is running')

    def _run_forever_setup(self):
        self._check_closed()
        self._check_running()
        self._set_coroutine_origin_tracking(self._debug)
        self._thread_id = threading.get_ident()
        # The hooks let the loop close async generators it started.
        if hasattr(sys, 'get_asyncgen_hooks'):
            self._old_agen_hooks = sys.get_asyncgen_hooks()
            sys.set_asyncgen_hooks(
                firstiter=self._asyncgen_firstiter_hook,
                finalizer=self._asyncgen_finalizer_hook)
        events._set_running_loop(self)

    def _run_forever_cleanup(self):
        self._stopping = False
        self._thread_id = None
        events._set_running_loop(None)
        self._set_coroutine_origin_tracking(False)
        # A KeyboardInterrupt may stop the loop before setup finished.
        old_hooks = self.__dict__.pop('_old_agen_hooks', None)
        if old_hooks is not None:
            sys.set_asyncgen_hooks(*old_hooks)

    def run_forever(self):
        """Run until stop() is called."""
        self._run_forever_setup()
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._run_forever_cleanup()

    def run_until_complete(self, future):
        """Run until future is done and return its result (or raise)."""
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            # We own this task: its exception is re-raised below.
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        """Stop after the callbacks of the current iteration have run."""
        self._stopping = True

    def close(self):
        """Close the loop: drop pending callbacks, shut the executor down
        without waiting.  The loop must not be running."""
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        if self._debug:
            logger.debug('Close %r', self)
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def is_closed(self):
        return self._closed

    def __del__(self, _warn=warnings.warn):
        if not self.is_closed():
            _warn(f'unclosed event loop {self!r}', ResourceWarning,
                  source=self)
            if not self.is_running():
                self.close()

    def is_running(self):
        return self._thread_id is not None

    def time(self):
        """The loop's clock: time.monotonic()."""
        return time.monotonic()

    def call_later(self, delay, callback, *args, context=None):
        """Run callback(*args) after delay seconds; return a TimerHandle."""
        if delay is None:
            raise TypeError('delay must not be None')
        timer = self.call_at(self.time() + delay, callback, *args,
                             context=context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        return timer

    def call_at(self, when, callback, *args, context=None):
        """Run callback(*args) at loop time when; return a TimerHandle."""
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = events.TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon(self, callback, *args, context=None):
        """Run callback(*args) on the next iteration, in FIFO order."""
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_soon')
        handle = self._call_soon(callback, args, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        return handle

    def _check_callback(self, callback, method):
        if (coroutines.iscoroutine(callback) or
                coroutines._iscoroutinefunction(callback)):
            raise TypeError(
                f'coroutines cannot be used with {method}()')
        if not callable(callback):
            raise TypeError(
                f'a callable object was expected by {method}(), '
                f'got {callback!r}')

    def _call_soon(self, callback, args, context):
        handle = events.Handle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)
        return handle

    def _check_thread(self):
        """In debug mode, reject non-threadsafe calls from other threads."""
        if self._thread_id is None:
            return
        thread_id = threading.get_ident()
        if thread_id != self._thread_id:
            raise RuntimeError(
                'Non-thread-safe operation invoked on an event loop other '
                'than the current one')

    def call_soon_threadsafe(self, callback, *args, context=None):
        """Like call_soon(), callable from any thread; wakes the loop."""
        self._check_closed()
        if self._debug:
            self._check_callback(callback, 'call_soon_threadsafe')
        handle = events.Handle(callback, args, self, context)
        # deque.append is atomic in both builds; the self-pipe write wakes
        # a loop blocked in select().
        self._ready.append(handle)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._write_to_self()
        return handle

    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in executor (default: a ThreadPoolExecutor);
        return an asyncio Future for its result."""
        self._check_closed()
        if self._debug:
            self._check_callback(func, 'run_in_executor')
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(
                    thread_name_prefix='asyncio')
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor instance')
        self._default_executor = executor

    def _getaddrinfo_debug(self, host, port, family, type, proto, flags):
        return socket.getaddrinfo(host, port, family, type, proto, flags)

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0,
                          flags=0):
        return await self.run_in_executor(
            None, socket.getaddrinfo, host, port, family, type, proto, flags)

    async def getnameinfo(self, sockaddr, flags=0):
        return await self.run_in_executor(
            None, socket.getnameinfo, sockaddr, flags)

    async def _ensure_resolved(self, address, *, family=0, type=0, proto=0,
                               flags=0):
        host, port = address[:2]
        info = _ipaddr_info(host, port, family, type, proto, *address[2:])
        if info is not None:
            return [info]
        return await self.getaddrinfo(host, port, family=family, type=type,
                                      proto=proto, flags=flags)

    async def create_connection(
            self, protocol_factory, host=None, port=None, *, ssl=None,
            family=0, proto=0, flags=0, sock=None, local_addr=None,
            server_hostname=None, ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None, happy_eyeballs_delay=None,
            interleave=None, all_errors=False):
        """Open a stream connection to host:port (or use sock); return
        (transport, protocol)."""
        if server_hostname is not None and not ssl:
            raise ValueError('server_hostname is only meaningful with ssl')
        if server_hostname is None and ssl:
            # The host name to check the certificate against is the
            # host connected to, unless given; a bare socket has none.
            if not host:
                raise ValueError('You must set server_hostname '
                                 'when using ssl without a host')
            server_hostname = host
        if ssl_handshake_timeout is not None and not ssl:
            raise ValueError(
                'ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and not ssl:
            raise ValueError(
                'ssl_shutdown_timeout is only meaningful with ssl')
        if sock is not None:
            _check_ssl_socket(sock)
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError(
                    'host/port and sock can not be specified at the same '
                    'time')
            infos = await self._ensure_resolved(
                (host, port), family=family, type=socket.SOCK_STREAM,
                proto=proto, flags=flags)
            if not infos:
                raise OSError('getaddrinfo() returned empty list')
            laddr_infos = None
            if local_addr is not None:
                laddr_infos = await self._ensure_resolved(
                    local_addr, family=family, type=socket.SOCK_STREAM,
                    proto=proto, flags=flags)
                if not laddr_infos:
                    raise OSError('getaddrinfo() returned empty list')
            if happy_eyeballs_delay is not None and interleave is None:
                interleave = 1   # RFC 8305's default
            if interleave:
                infos = _interleave_addrinfos(infos, interleave)
            # One list of errors per attempt (attempts may overlap).
            exceptions_seen = []
            if happy_eyeballs_delay is None:
                for addrinfo in infos:
                    try:
                        sock = await self._connect_sock(exceptions_seen,
                                                        addrinfo, laddr_infos)
                        break
                    except OSError:
                        continue
            else:
                sock, _, _ = await staggered.staggered_race(
                    (functools.partial(self._connect_sock, exceptions_seen,
                                       addrinfo, laddr_infos)
                     for addrinfo in infos),
                    happy_eyeballs_delay, loop=self)
            if sock is None:
                exceptions_seen = [exc for attempt in exceptions_seen
                                   for exc in attempt]
                if all_errors:
                    raise ExceptionGroup('create_connection failed',
                                         exceptions_seen)
                if len(exceptions_seen) == 1:
                    raise exceptions_seen[0]
                model = str(exceptions_seen[0])
                if all(str(exc) == model for exc in exceptions_seen):
                    raise exceptions_seen[0]
                raise OSError('Multiple exceptions: {}'.format(
                    ', '.join(str(exc) for exc in exceptions_seen)))
        else:
            if sock is None:
                raise ValueError(
                    'host and port was not specified and no sock specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(
                    f'A Stream Socket was expected, got {sock!r}')
        transport, protocol = await self._create_connection_transport(
            sock, protocol_factory, ssl, server_hostname,
            ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout)
        return transport, protocol

    async def _connect_sock(self, exceptions_seen, addr_info,
                            local_addr_infos=None):
        """Create, bind and connect one socket.  The attempt adds its own
        list to exceptions_seen and records there its failures (failed
        binds, then the error it raises)."""
        my_exceptions = []
        exceptions_seen.append(my_exceptions)
        family, type_, proto, _, address = addr_info
        sock = None
        try:
            sock = socket.socket(family=family, type=type_, proto=proto)
            sock.setblocking(False)
            if local_addr_infos is not None:
                for lfamily, _, _, _, laddr in local_addr_infos:
                    if lfamily != family:
                        continue
                    try:
                        sock.bind(laddr)
                        break
                    except OSError as exc:
                        msg = (f'error while attempting to bind on address '
                               f'{laddr!r}: {exc.strerror.lower()}')
                        my_exceptions.append(OSError(exc.errno, msg))
                else:
                    if my_exceptions:
                        raise my_exceptions.pop()
                    raise OSError(f'no matching local address with '
                                  f'family={family} found')
            await self.sock_connect(sock, address)
            return sock
        except OSError as exc:
            my_exceptions.append(exc)
            if sock is not None:
                sock.close()
            raise
        except:
            if sock is not None:
                sock.close()
            raise

    async def _create_connection_transport(self, sock, protocol_factory,
                                           ssl, server_hostname,
                                           server_side=False,
                                           ssl_handshake_timeout=None,
                                           ssl_shutdown_timeout=None):
        sock.setblocking(False)
        protocol = protocol_factory()
        waiter = self.create_future()
        if ssl:
            # ssl=True means a default client context (made by sslproto).
            sslcontext = None if isinstance(ssl, bool) else ssl
            transport = self._make_ssl_transport(
                sock, protocol, sslcontext, waiter, server_side=server_side,
                server_hostname=server_hostname,
                ssl_handshake_timeout=ssl_handshake_timeout,
                ssl_shutdown_timeout=ssl_shutdown_timeout)
        else:
            transport = self._make_socket_transport(sock, protocol, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def create_server(
            self, protocol_factory, host=None, port=None, *, family=0,
            flags=None, sock=None, backlog=100, ssl=None,
            reuse_address=None, reuse_port=None, keep_alive=None,
            ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
            start_serving=True):
        """Listen on host:port (all interfaces if host is None or '');
        return a Server."""
        if isinstance(ssl, bool):
            raise TypeError('ssl argument must be an SSLContext or None')
        if ssl_handshake_timeout is not None and ssl is None:
            raise ValueError(
                'ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and ssl is None:
            raise ValueError(
                'ssl_shutdown_timeout is only meaningful with ssl')
        if sock is not None:
            _check_ssl_socket(sock)
        if flags is None:
            flags = socket.AI_PASSIVE
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError(
                    'host/port and sock can not be specified at the same '
                    'time')
            if reuse_address is None:
                reuse_address = os.name == 'posix' and \
                    sys.platform != 'cygwin'
            sockets = []
            if host == '':
                hosts = [None]
            elif isinstance(host, str) or \
                    not isinstance(host, collections.abc.Iterable):
                hosts = [host]
            else:
                hosts = host
            # The hosts are resolved concurrently.
            resolved = await tasks.gather(*[
                self._create_server_getaddrinfo(h, port, family, flags)
                for h in hosts])
            infos = list(dict.fromkeys(itertools.chain.from_iterable(resolved)))
            completed = False
            try:
                for af, socktype, proto, canonname, sa in infos:
                    try:
                        sock = socket.socket(af, socktype, proto)
                    except OSError:
                        continue
                    sockets.append(sock)
                    if reuse_address:
                        sock.setsockopt(socket.SOL_SOCKET,
                                        socket.SO_REUSEADDR, True)
                    if reuse_port:
                        _set_reuseport(sock)
                    if keep_alive:
                        sock.setsockopt(socket.SOL_SOCKET,
                                        socket.SO_KEEPALIVE, True)
                    if (_HAS_IPv6 and af == getattr(socket, 'AF_INET6', -1)
                            and hasattr(socket, 'IPPROTO_IPV6')):
                        sock.setsockopt(socket.IPPROTO_IPV6,
                                        socket.IPV6_V6ONLY, True)
                    try:
                        sock.bind(sa)
                    except OSError as err:
                        msg = (f'error while attempting to bind on address '
                               f'{sa!r}: {str(err.strerror).lower()}')
                        if err.errno == errno.EADDRNOTAVAIL:
                            sockets.pop()
                            sock.close()
                            continue
                        raise OSError(err.errno, msg) from None
                if not sockets:
                    raise OSError('could not bind on any address out of %r'
                                  % ([info[4] for info in infos],))
                completed = True
            finally:
                if not completed:
                    for sock in sockets:
                        sock.close()
        else:
            if sock is None:
                raise ValueError('Neither host/port nor sock were specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(
                    f'A Stream Socket was expected, got {sock!r}')
            sockets = [sock]
        for sock in sockets:
            sock.setblocking(False)
        server = Server(self, sockets, protocol_factory, ssl, backlog,
                        ssl_handshake_timeout, ssl_shutdown_timeout)
        if start_serving:
            server._start_serving()
            # Let the loop register the listening sockets.
            await tasks.sleep(0)
        return server

    async def connect_accepted_socket(self, protocol_factory, sock, *,
                                      ssl=None, ssl_handshake_timeout=None,
                                      ssl_shutdown_timeout=None):
        if sock.type != socket.SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        if ssl_handshake_timeout is not None and not ssl:
            raise ValueError(
                'ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and not ssl:
            raise ValueError(
                'ssl_shutdown_timeout is only meaningful with ssl')
        _check_ssl_socket(sock)
        return await self._create_connection_transport(
            sock, protocol_factory, ssl, '', server_side=True,
            ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout)

    async def create_datagram_endpoint(self, protocol_factory,
                                       local_addr=None, remote_addr=None, *,
                                       family=0, proto=0, flags=0,
                                       reuse_port=None,
                                       allow_broadcast=None, sock=None):
        """Create a datagram connection; return (transport, protocol)."""
        if sock is not None:
            if sock.type == socket.SOCK_STREAM:
                raise ValueError(
                    f'A datagram socket was expected, got {sock!r}')
            if (local_addr or remote_addr or family or proto or flags or
                    reuse_port or allow_broadcast):
                opts = dict(local_addr=local_addr, remote_addr=remote_addr,
                            family=family, proto=proto, flags=flags,
                            reuse_port=reuse_port,
                            allow_broadcast=allow_broadcast)
                problems = ', '.join(f'{k}={v}' for k, v in opts.items()
                                     if v)
                raise ValueError(
                    f'socket modifier keyword arguments can not be used '
                    f'when sock is specified. ({problems})')
            sock.setblocking(False)
            r_addr = None
        else:
            if not (local_addr or remote_addr):
                if family == 0:
                    raise ValueError('unexpected address family')
                addr_pairs_info = (((family, proto), (None, None)),)
            elif (hasattr(socket, 'AF_UNIX') and
                  family == socket.AF_UNIX):
                for addr in (local_addr, remote_addr):
                    if addr is not None and not isinstance(addr, str):
                        raise TypeError('string is expected')
                if local_addr and local_addr[0] not in (0, '\x00'):
                    _remove_stale_unix_socket(local_addr)
                addr_pairs_info = (((family, proto),
                                    (local_addr, remote_addr)),)
            else:
                addr_infos = {}
                for idx, addr in ((0, local_addr), (1, remote_addr)):
                    if addr is None:
                        continue
                    if not (isinstance(addr, tuple) and len(addr) == 2):
                        raise TypeError('2-tuple is expected')
                    infos = await self._ensure_resolved(
                        addr, family=family, type=socket.SOCK_DGRAM,
                        proto=proto, flags=flags)
                    if not infos:
                        raise OSError('getaddrinfo() returned empty list')
                    for fam, _, pro, _, address in infos:
                        key = (fam, pro)
                        if key not in addr_infos:
                            addr_infos[key] = [None, None]
                        addr_infos[key][idx] = address
                addr_pairs_info = [
                    (key, addr_pair) for key, addr_pair in addr_infos.items()
                    if not ((local_addr and addr_pair[0] is None) or
                            (remote_addr and addr_pair[1] is None))]
                if not addr_pairs_info:
                    raise ValueError('can not get address information')
            exceptions_seen = []
            for ((family, proto),
                 (local_address, remote_address)) in addr_pairs_info:
                sock = None
                r_addr = None
                try:
                    sock = socket.socket(family=family,
                                         type=socket.SOCK_DGRAM, proto=proto)
                    if reuse_port:
                        _set_reuseport(sock)
                    if allow_broadcast:
                        sock.setsockopt(socket.SOL_SOCKET,
                                        socket.SO_BROADCAST, 1)
                    sock.setblocking(False)
                    if local_addr:
                        sock.bind(local_address)
                    if remote_addr:
                        if not allow_broadcast:
                            await self.sock_connect(sock, remote_address)
                        r_addr = remote_address
                except OSError as exc:
                    if sock is not None:
                        sock.close()
                    exceptions_seen.append(exc)
                except:
                    if sock is not None:
                        sock.close()
                    raise
                else:
                    break
            else:
                raise exceptions_seen[0]
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_datagram_transport(sock, protocol, r_addr,
                                                  waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def start_tls(self, transport, protocol, sslcontext, *,
                        server_side=False, server_hostname=None,
                        ssl_handshake_timeout=None,
                        ssl_shutdown_timeout=None):
        """Upgrade a connection to TLS: returns the transport that
        protocol now writes to, once the handshake is done."""
        import ssl
        from . import sslproto
        if not isinstance(sslcontext, ssl.SSLContext):
            raise TypeError(f'sslcontext is expected to be an instance of '
                            f'ssl.SSLContext, got {sslcontext!r}')
        if not getattr(transport, '_start_tls_compatible', False):
            raise TypeError(
                f'transport {transport!r} is not supported by start_tls()')
        waiter = self.create_future()
        ssl_protocol = sslproto.SSLProtocol(
            self, protocol, sslcontext, waiter, server_side, server_hostname,
            ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout,
            call_connection_made=False)
        # Nothing may be read in plain text once the upgrade has begun.
        transport.pause_reading()
        transport.set_protocol(ssl_protocol)
        conmade_cb = self.call_soon(ssl_protocol.connection_made, transport)
        resume_cb = self.call_soon(transport.resume_reading)
        try:
            await waiter
        except BaseException:
            transport.close()
            conmade_cb.cancel()
            resume_cb.cancel()
            raise
        return ssl_protocol._app_transport

    async def _create_server_getaddrinfo(self, host, port, family, flags):
        infos = await self._ensure_resolved((host, port), family=family,
                                            type=socket.SOCK_STREAM,
                                            flags=flags)
        if not infos:
            raise OSError(f'getaddrinfo({host!r}) returned empty list')
        return infos

    async def sendfile(self, transport, file, offset=0, count=None, *,
                       fallback=True):
        """Send file over transport; return the number of bytes sent.

        The transport's _sendfile_compatible says whether the OS sendfile
        may be tried (TRY_NATIVE), only the read-and-write fallback works
        (FALLBACK), or neither (UNSUPPORTED, the default)."""
        if transport.is_closing():
            raise RuntimeError('Transport is closing')
        mode = getattr(transport, '_sendfile_compatible',
                       constants._SendfileMode.UNSUPPORTED)
        if mode is constants._SendfileMode.UNSUPPORTED:
            raise RuntimeError(
                f'sendfile is not supported for transport {transport!r}')
        if mode is constants._SendfileMode.TRY_NATIVE:
            try:
                return await self._sendfile_native(transport, file,
                                                   offset, count)
            except exceptions.SendfileNotAvailableError:
                if not fallback:
                    raise
        if not fallback:
            raise RuntimeError(
                f'fallback is disabled and native sendfile is not '
                f'supported for transport {transport!r}')
        return await self._sendfile_fallback(transport, file, offset, count)

    async def _sendfile_native(self, transp, file, offset, count):
        raise exceptions.SendfileNotAvailableError(
            'sendfile syscall is not supported')

    async def _sendfile_fallback(self, transp, file, offset, count):
        """Copy the file through transp.write() in blocks, waiting for the
        transport's write buffer to drain between blocks."""
        if offset:
            file.seek(offset)
        total_sent = 0
        proto = _SendfileFallbackProtocol(transp)
        try:
            async for block in self._file_blocks(file, count, 16384):
                await proto.drain()
                transp.write(block)
                total_sent += len(block)
            return total_sent
        finally:
            if total_sent > 0 and hasattr(file, 'seek'):
                file.seek(offset + total_sent)
            await proto.restore()

    async def _file_blocks(self, file, count, bufsize):
        """Yield views of successive blocks read from file (in the default
        executor) until EOF or until count bytes (None: no limit) were
        read.  Each view is valid until the next one is requested."""
        blocksize = min(count, bufsize) if count else bufsize
        buf = bytearray(blocksize)
        produced = 0
        while True:
            if count:
                blocksize = min(count - produced, blocksize)
                if blocksize <= 0:
                    return
            view = memoryview(buf)[:blocksize]
            read = await self.run_in_executor(None, file.readinto, view)
            if not read:
                return
            produced += read
            yield view[:read]

    async def sock_sendfile(self, sock, file, offset=0, count=None, *,
                            fallback=True):
        """Send file over the non-blocking stream socket sock; return the
        number of bytes sent.  os.sendfile() is used where the loop and
        the file allow it, else (if fallback) the file is read and sent
        in blocks."""
        if self._debug and sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')
        _check_ssl_socket(sock)
        self._check_sendfile_params(sock, file, offset, count)
        try:
            return await self._sock_sendfile_native(sock, file,
                                                    offset, count)
        except exceptions.SendfileNotAvailableError:
            if not fallback:
                raise
        return await self._sock_sendfile_fallback(sock, file,
                                                  offset, count)

    async def _sock_sendfile_native(self, sock, file, offset, count):
        # Loops with an OS sendfile override this.
        raise exceptions.SendfileNotAvailableError(
            f'syscall sendfile is not available for socket {sock!r} '
            f'and file {file!r} combination')

    async def _sock_sendfile_fallback(self, sock, file, offset, count):
        if offset:
            file.seek(offset)
        total_sent = 0
        try:
            async for block in self._file_blocks(
                    file, count, constants.SENDFILE_FALLBACK_READBUFFER_SIZE):
                await self.sock_sendall(sock, block)
                total_sent += len(block)
            return total_sent
        finally:
            if total_sent > 0 and hasattr(file, 'seek'):
                file.seek(offset + total_sent)

    def _check_sendfile_params(self, sock, file, offset, count):
        if 'b' not in getattr(file, 'mode', 'b'):
            raise ValueError('file should be opened in binary mode')
        if not sock.type == socket.SOCK_STREAM:
            raise ValueError('only SOCK_STREAM type sockets are supported')
        if count is not None:
            if not isinstance(count, int):
                raise TypeError(
                    f'count must be a positive integer (got {count!r})')
            if count <= 0:
                raise ValueError(
                    f'count must be a positive integer (got {count!r})')
        if not isinstance(offset, int):
            raise TypeError(
                f'offset must be a non-negative integer (got {offset!r})')
        if offset < 0:
            raise ValueError(
                f'offset must be a non-negative integer (got {offset!r})')

    async def connect_read_pipe(self, protocol_factory, pipe):
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_read_pipe_transport(pipe, protocol, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def connect_write_pipe(self, protocol_factory, pipe):
        protocol = protocol_factory()
        waiter = self.create_future()
        transport = self._make_write_pipe_transport(pipe, protocol, waiter)
        try:
            await waiter
        except:
            transport.close()
            raise
        return transport, protocol

    async def subprocess_shell(self, protocol_factory, cmd, *,
                               stdin=-1, stdout=-1, stderr=-1,
                               universal_newlines=False, shell=True,
                               bufsize=0, encoding=None, errors=None,
                               text=None, **kwargs):
        if not isinstance(cmd, (bytes, str)):
            raise ValueError('cmd must be a string')
        if universal_newlines:
            raise ValueError('universal_newlines must be False')
        if not shell:
            raise ValueError('shell must be True')
        if bufsize != 0:
            raise ValueError('bufsize must be 0')
        if text:
            raise ValueError('text must be False')
        if encoding is not None:
            raise ValueError('encoding must be None')
        if errors is not None:
            raise ValueError('errors must be None')
        protocol = protocol_factory()
        transport = await self._make_subprocess_transport(
            protocol, cmd, True, stdin, stdout, stderr, bufsize, **kwargs)
        return transport, protocol

    async def subprocess_exec(self, protocol_factory, program, *args,
                              stdin=-1, stdout=-1, stderr=-1,
                              universal_newlines=False, shell=False,
                              bufsize=0, encoding=None, errors=None,
                              text=None, **kwargs):
        if universal_newlines:
            raise ValueError('universal_newlines must be False')
        if shell:
            raise ValueError('shell must be False')
        if bufsize != 0:
            raise ValueError('bufsize must be 0')
        if text:
            raise ValueError('text must be False')
        if encoding is not None:
            raise ValueError('encoding must be None')
        if errors is not None:
            raise ValueError('errors must be None')
        popen_args = (program,) + args
        protocol = protocol_factory()
        transport = await self._make_subprocess_transport(
            protocol, popen_args, False, stdin, stdout, stderr, bufsize,
            **kwargs)
        return transport, protocol

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        """Set handler(loop, context) for call_exception_handler(); None
        restores the default."""
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, '
                            f'got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Log context['message'] and the other context fields, with the
        traceback of context['exception'] if any."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        if exception is not None:
            exc_info = (type(exception), exception, exception.__traceback__)
        else:
            exc_info = False
        if ('source_traceback' not in context and
                self._current_handle is not None and
                self._current_handle._source_traceback):
            context['handle_traceback'] = \
                self._current_handle._source_traceback
        log_lines = [message]
        for key in sorted(context):
            if key in {'message', 'exception'}:
                continue
            value = context[key]
            if key == 'source_traceback':
                tb = ''.join(traceback.format_list(value))
                value = 'Object created at (most recent call last):\n'
                value += tb.rstrip()
            elif key == 'handle_traceback':
                tb = ''.join(traceback.format_list(value))
                value = 'Handle created at (most recent call last):\n'
                value += tb.rstrip()
            else:
                value = repr(value)
            log_lines.append(f'{key}: {value}')
        logger.error('\n'.join(log_lines), exc_info=exc_info)

    def call_exception_handler(self, context):
        """Report an error the loop cannot raise anywhere."""
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                # The default handler failed: a last resort to stderr.
                logger.error('Exception in default exception handler',
                             exc_info=True)
        else:
            try:
                ctx = None
                thing = context.get('task')
                if thing is None:
                    thing = context.get('future')
                if thing is None:
                    thing = context.get('handle')
                if thing is not None and hasattr(thing, 'get_context'):
                    ctx = thing.get_context()
                if ctx is not None and hasattr(ctx, 'run'):
                    ctx.run(self._exception_handler, self, context)
                else:
                    self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    logger.error('Exception in default exception handler '
                                 'while handling an unexpected error '
                                 'in custom exception handler',
                                 exc_info=True)

    def _add_callback(self, handle):
        assert isinstance(handle, events.Handle), 'A Handle is required here'
        if handle._cancelled:
            return
        assert not isinstance(handle, events.TimerHandle)
        self._ready.append(handle)

    def _add_callback_signalsafe(self, handle):
        self._add_callback(handle)
        self._write_to_self()

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def _run_once(self):
        """One iteration: poll for I/O, collect due timers, run the ready
        callbacks."""
        sched_count = len(self._scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count >
                _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            live = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    live.append(handle)
            heapq.heapify(live)
            self._scheduled = live
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            when = self._scheduled[0]._when
            timeout = min(max(0, when - self.time()), MAXIMUM_SELECT_TIMEOUT)

        event_list = self._selector.select(timeout)
        self._process_events(event_list)
        event_list = None

        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)

        # Callbacks added while these run wait for the next iteration.
        ntodo = len(self._ready)
        for _ in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                continue
            if self._debug:
                try:
                    self._current_handle = handle
                    t0 = self.time()
                    handle._run()
                    dt = self.time() - t0
                    if dt >= self.slow_callback_duration:
                        logger.warning('Executing %s took %.3f seconds',
                                       _format_handle(handle), dt)
                finally:
                    self._current_handle = None
            else:
                handle._run()
        handle = None

    def _set_coroutine_origin_tracking(self, enabled):
        if bool(enabled) == bool(self._coroutine_origin_tracking_enabled):
            return
        get_depth = getattr(sys, 'get_coroutine_origin_tracking_depth', None)
        set_depth = getattr(sys, 'set_coroutine_origin_tracking_depth', None)
        if get_depth is None or set_depth is None:
            return
        if enabled:
            self._coroutine_origin_tracking_saved_depth = get_depth()
            set_depth(10)
        else:
            set_depth(self._coroutine_origin_tracking_saved_depth)
        self._coroutine_origin_tracking_enabled = enabled

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled
        if self.is_running():
            self.call_soon_threadsafe(self._set_coroutine_origin_tracking,
                                      enabled)


def _interleave_addrinfos(addrinfos, first_address_family_count=1):
    """addrinfos reordered for Happy Eyeballs (RFC 8305, section 4): the
    first first_address_family_count entries of the first family, then
    one entry of each family in turn, each family keeping its order."""
    by_family = {}
    for info in addrinfos:
        by_family.setdefault(info[0], []).append(info)
    queues = list(by_family.values())
    reordered = []
    if queues and first_address_family_count > 1:
        reordered.extend(queues[0][:first_address_family_count - 1])
        del queues[0][:first_address_family_count - 1]
    for row in itertools.zip_longest(*queues):
        reordered.extend(info for info in row if info is not None)
    return reordered


class _SendfileFallbackProtocol:
    """Stands in for a transport's protocol while loop.sendfile() writes
    through it: reading is paused, pause_writing()/resume_writing() gate
    drain(), and connection_lost() reaches the real protocol.  restore()
    gives the transport back to the real protocol."""

    def __init__(self, transp):
        self._transport = transp
        self._proto = transp.get_protocol()
        self._should_resume_reading = transp.is_reading()
        self._should_resume_writing = transp._protocol_paused
        transp.pause_reading()
        transp.set_protocol(self)
        if self._should_resume_writing:
            self._write_ready_fut = self._transport._loop.create_future()
        else:
            self._write_ready_fut = None

    async def drain(self):
        if self._transport.is_closing():
            raise ConnectionError('Connection closed by peer')
        fut = self._write_ready_fut
        if fut is not None:
            await fut

    def connection_made(self, transport):
        raise RuntimeError('Invalid state: connection should have been '
                           'established already.')

    def connection_lost(self, exc):
        if self._write_ready_fut is not None:
            self._write_ready_fut.set_exception(
                exc if exc is not None
                else ConnectionError('Connection is closed by peer'))
        self._proto.connection_lost(exc)

    def pause_writing(self):
        if self._write_ready_fut is None:
            self._write_ready_fut = self._transport._loop.create_future()

    def resume_writing(self):
        if self._write_ready_fut is not None:
            self._write_ready_fut.set_result(False)
            self._write_ready_fut = None

    def data_received(self, data):
        raise RuntimeError('Invalid state: reading should be paused')

    def eof_received(self):
        raise RuntimeError('Invalid state: reading should be paused')

    async def restore(self):
        self._transport.set_protocol(self._proto)
        if self._should_resume_reading:
            self._transport.resume_reading()
        if self._write_ready_fut is not None:
            # Nobody waits on it any more: the real protocol is back.
            self._write_ready_fut.cancel()
        if self._should_resume_writing:
            self._proto.resume_writing()


def _check_ssl_socket(sock):
    ssl_mod = sys.modules.get('ssl')
    if ssl_mod is not None and isinstance(sock, ssl_mod.SSLSocket):
        raise TypeError('Socket cannot be of type SSLSocket')


def _remove_stale_unix_socket(path):
    """Unlink a socket file left at path by an earlier process, so that
    binding there works; anything but a socket is left alone."""
    import stat
    try:
        if stat.S_ISSOCK(os.stat(path).st_mode):
            os.remove(path)
    except FileNotFoundError:
        pass
    except OSError as err:
        # The directory may allow creating the socket but not this check.
        logger.error('Unable to check or remove stale UNIX socket %r: %r',
                     path, err)


def _set_reuseport(sock):
    """SO_REUSEPORT on, or ValueError where the platform lacks it."""
    if not hasattr(socket, 'SO_REUSEPORT'):
        raise ValueError('reuse_port not supported by socket module')
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    except OSError:
        raise ValueError('reuse_port not supported by socket module, '
                         'SO_REUSEPORT defined but not implemented.')


def _set_nodelay(sock):
    """Turn Nagle's algorithm off on a TCP socket (stream transports send
    small writes at once)."""
    if (hasattr(socket, 'TCP_NODELAY') and
            sock.family in (socket.AF_INET, getattr(socket, 'AF_INET6', -1))
            and sock.type == socket.SOCK_STREAM and
            sock.proto == socket.IPPROTO_TCP):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass


def _ipaddr_info(host, port, family, type, proto, flowinfo=0, scopeid=0):
    """Return an addrinfo tuple when host is already a numeric address,
    so no resolver thread is needed; else None."""
    if not hasattr(socket, 'inet_pton'):
        return None
    if proto not in {0, socket.IPPROTO_TCP, socket.IPPROTO_UDP} or \
            host is None:
        return None
    if type == socket.SOCK_STREAM:
        proto = socket.IPPROTO_TCP
    elif type == socket.SOCK_DGRAM:
        proto = socket.IPPROTO_UDP
    else:
        return None
    if port is None:
        port = 0
    elif isinstance(port, bytes) and port == b'':
        port = 0
    elif isinstance(port, str) and port == '':
        port = 0
    else:
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None
    if family == socket.AF_UNSPEC:
        afs = [socket.AF_INET]
        if _HAS_IPv6 and hasattr(socket, 'AF_INET6'):
            afs.append(socket.AF_INET6)
    else:
        afs = [family]
    if isinstance(host, bytes):
        host = host.decode('idna')
    if '%' in host:
        return None
    for af in afs:
        try:
            socket.inet_pton(af, host)
            if _HAS_IPv6 and af == getattr(socket, 'AF_INET6', None):
                return af, type, proto, '', (host, port, flowinfo, scopeid)
            return af, type, proto, '', (host, port)
        except (OSError, ValueError):
            pass
    return None
