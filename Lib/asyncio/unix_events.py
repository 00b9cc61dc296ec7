"""The Unix event loop: signals, pipes, subprocesses, Unix sockets."""

__all__ = ('SelectorEventLoop', 'EventLoop')

import errno
import io
import os
import selectors
import signal
import socket
import stat
import subprocess
import sys
import threading
import warnings

from . import base_events
from . import base_subprocess
from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import selector_events
from . import tasks
from . import transports
from .log import logger


def _is_finalizing():
    is_finalizing = getattr(sys, 'is_finalizing', None)
    return is_finalizing() if is_finalizing is not None else False


def _sighandler_noop(signum, frame):
    """Python-level handler; the work is done via the wakeup fd."""


def waitstatus_to_exitcode(status):
    try:
        return os.waitstatus_to_exitcode(status)
    except ValueError:
        # Not an exit or a kill (e.g. stopped): report the raw status.
        return status


class _UnixSelectorEventLoop(selector_events.BaseSelectorEventLoop):
    """Selector event loop with Unix signals, pipes and subprocesses."""

    def __init__(self, selector=None):
        super().__init__(selector)
        self._signal_handlers = {}
        # listening socket -> inode of its path, to unlink it on close.
        self._unix_server_sockets = {}

    def close(self):
        super().close()
        if not _is_finalizing():
            for sig in list(self._signal_handlers):
                self.remove_signal_handler(sig)
        elif self._signal_handlers:
            warnings.warn(f'Closing the loop {self!r} on interpreter '
                          f'shutdown stage, skipping signal handlers '
                          f'removal', ResourceWarning, source=self)
            self._signal_handlers.clear()

    def _process_self_data(self, data):
        # Zero bytes are plain wakeups; others are signal numbers written
        # by the C signal handler through signal.set_wakeup_fd().
        for signum in data:
            if not signum:
                continue
            self._handle_signal(signum)

    def add_signal_handler(self, sig, callback, *args):
        """Call callback(*args) on the loop when signal sig arrives.
        Main thread only."""
        if (coroutines.iscoroutine(callback) or
                coroutines._iscoroutinefunction(callback)):
            raise TypeError('coroutines cannot be used with '
                            'add_signal_handler()')
        self._check_signal(sig)
        self._check_closed()
        try:
            signal.set_wakeup_fd(self._csock.fileno())
        except (ValueError, OSError) as exc:
            raise RuntimeError(str(exc))
        handle = events.Handle(callback, args, self, None)
        self._signal_handlers[sig] = handle
        try:
            signal.signal(sig, _sighandler_noop)
            signal.siginterrupt(sig, False)
        except OSError as exc:
            del self._signal_handlers[sig]
            if not self._signal_handlers:
                try:
                    signal.set_wakeup_fd(-1)
                except (ValueError, OSError) as nexc:
                    logger.info('set_wakeup_fd(-1) failed: %s', nexc)
            if exc.errno == errno.EINVAL:
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            raise

    def _handle_signal(self, sig):
        handle = self._signal_handlers.get(sig)
        if handle is None:
            return
        if handle._cancelled:
            self.remove_signal_handler(sig)
        else:
            self._add_callback_signalsafe(handle)

    def remove_signal_handler(self, sig):
        """Remove the handler for sig; return True if there was one."""
        self._check_signal(sig)
        try:
            del self._signal_handlers[sig]
        except KeyError:
            return False
        if sig == signal.SIGINT:
            handler = signal.default_int_handler
        else:
            handler = signal.SIG_DFL
        try:
            signal.signal(sig, handler)
        except OSError as exc:
            if exc.errno == errno.EINVAL:
                raise RuntimeError(f'sig {sig:d} cannot be caught')
            raise
        if not self._signal_handlers:
            try:
                signal.set_wakeup_fd(-1)
            except (ValueError, OSError) as exc:
                logger.info('set_wakeup_fd(-1) failed: %s', exc)
        return True

    def _check_signal(self, sig):
        if not isinstance(sig, int):
            raise TypeError(f'sig must be an int, not {sig!r}')
        if sig not in signal.valid_signals():
            raise ValueError(f'invalid signal number {sig}')

    def _make_read_pipe_transport(self, pipe, protocol, waiter=None,
                                  extra=None):
        return _UnixReadPipeTransport(self, pipe, protocol, waiter, extra)

    def _make_write_pipe_transport(self, pipe, protocol, waiter=None,
                                   extra=None):
        return _UnixWritePipeTransport(self, pipe, protocol, waiter, extra)

    async def _make_subprocess_transport(self, protocol, args, shell,
                                         stdin, stdout, stderr, bufsize,
                                         extra=None, **kwargs):
        waiter = self.create_future()
        transp = _UnixSubprocessTransport(self, protocol, args, shell,
                                          stdin, stdout, stderr, bufsize,
                                          waiter=waiter, extra=extra,
                                          **kwargs)
        _watch_child(self, transp.get_pid(), self._child_watcher_callback,
                     transp)
        try:
            await waiter
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:
            transp.close()
            await transp._wait()
            raise
        return transp

    async def _sock_sendfile_native(self, sock, file, offset, count):
        """os.sendfile() from file's descriptor to sock, one call per
        writable event; SendfileNotAvailableError when the file has no
        descriptor or the OS has no sendfile."""
        try:
            os.sendfile
        except AttributeError:
            raise exceptions.SendfileNotAvailableError(
                'os.sendfile() is not available')
        try:
            fileno = file.fileno()
        except (AttributeError, io.UnsupportedOperation):
            raise exceptions.SendfileNotAvailableError('not a regular file')
        try:
            fsize = os.fstat(fileno).st_size
        except OSError:
            raise exceptions.SendfileNotAvailableError('not a regular file')
        blocksize = count if count else fsize
        if not blocksize:
            return 0
        fut = self.create_future()
        self._sock_sendfile_native_impl(fut, None, sock, fileno,
                                        offset, count, blocksize, 0)
        return await fut

    def _sock_sendfile_native_impl(self, fut, registered_fd, sock, fileno,
                                   offset, count, blocksize, total_sent):
        """One os.sendfile() step.  registered_fd is the socket's fd when
        this runs as its writer callback (None on the first call); the
        writer is re-armed until count bytes (or EOF) are sent, and the
        file position ends just after the last byte sent."""
        fd = sock.fileno()
        if registered_fd is not None:
            self.remove_writer(registered_fd)
        if fut.cancelled():
            self._sock_sendfile_update_filepos(fileno, offset, total_sent)
            return
        if count:
            blocksize = count - total_sent
            if blocksize <= 0:
                self._sock_sendfile_update_filepos(fileno, offset, total_sent)
                fut.set_result(total_sent)
                return
        try:
            sent = os.sendfile(fd, fileno, offset, blocksize)
        except (BlockingIOError, InterruptedError):
            sent = None
        except OSError as exc:
            self._sock_sendfile_update_filepos(fileno, offset, total_sent)
            fut.set_exception(
                self._sock_sendfile_error(exc, registered_fd, total_sent))
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._sock_sendfile_update_filepos(fileno, offset, total_sent)
            fut.set_exception(exc)
            return
        if sent == 0:
            # End of file.
            self._sock_sendfile_update_filepos(fileno, offset, total_sent)
            fut.set_result(total_sent)
            return
        if sent is not None:
            offset += sent
            total_sent += sent
        if registered_fd is None:
            self._sock_add_cancellation_callback(fut, sock)
        self.add_writer(fd, self._sock_sendfile_native_impl, fut, fd, sock,
                        fileno, offset, count, blocksize, total_sent)

    @staticmethod
    def _sock_sendfile_error(exc, registered_fd, total_sent):
        """The exception an os.sendfile() OSError becomes: nothing sent
        yet means the fallback may still do the job."""
        if (registered_fd is not None and exc.errno == errno.ENOTCONN
                and type(exc) is not ConnectionError):
            # sendfile() reports a peer gone mid-transfer as ENOTCONN.
            new_exc = ConnectionError('socket is not connected',
                                      errno.ENOTCONN)
            new_exc.__cause__ = exc
            exc = new_exc
        if total_sent == 0:
            err = exceptions.SendfileNotAvailableError(
                'os.sendfile call failed')
            err.__cause__ = exc
            return err
        return exc

    def _sock_sendfile_update_filepos(self, fileno, offset, total_sent):
        if total_sent > 0:
            os.lseek(fileno, offset, os.SEEK_SET)

    def _sock_add_cancellation_callback(self, fut, sock):
        def cb(fut):
            if fut.cancelled():
                fd = sock.fileno()
                if fd != -1:
                    self.remove_writer(fd)
        fut.add_done_callback(cb)

    def _child_watcher_callback(self, pid, returncode, transp):
        transp._process_exited(returncode)

    async def create_unix_connection(
            self, protocol_factory, path=None, *, ssl=None, sock=None,
            server_hostname=None, ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None):
        if ssl:
            # A Unix socket has no host name to check the certificate of.
            if server_hostname is None:
                raise ValueError('you have to pass server_hostname when '
                                 'using ssl')
        else:
            if server_hostname is not None:
                raise ValueError('server_hostname is only meaningful with '
                                 'ssl')
            if ssl_handshake_timeout is not None:
                raise ValueError(
                    'ssl_handshake_timeout is only meaningful with ssl')
            if ssl_shutdown_timeout is not None:
                raise ValueError(
                    'ssl_shutdown_timeout is only meaningful with ssl')
        if path is not None:
            if sock is not None:
                raise ValueError(
                    'path and sock can not be specified at the same time')
            path = os.fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM, 0)
            try:
                sock.setblocking(False)
                await self.sock_connect(sock, path)
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError('no path and sock were specified')
            if (sock.family != socket.AF_UNIX or
                    sock.type != socket.SOCK_STREAM):
                raise ValueError(f'A UNIX Domain Stream Socket was '
                                 f'expected, got {sock!r}')
            sock.setblocking(False)
        return await self._create_connection_transport(
            sock, protocol_factory, ssl, server_hostname,
            ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout)

    async def create_unix_server(
            self, protocol_factory, path=None, *, sock=None, backlog=100,
            ssl=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None,
            start_serving=True, cleanup_socket=True):
        if isinstance(ssl, bool):
            raise TypeError('ssl argument must be an SSLContext or None')
        if ssl_handshake_timeout is not None and not ssl:
            raise ValueError(
                'ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and not ssl:
            raise ValueError(
                'ssl_shutdown_timeout is only meaningful with ssl')
        if path is not None:
            if sock is not None:
                raise ValueError(
                    'path and sock can not be specified at the same time')
            path = os.fspath(path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            # A stale socket file from an earlier server blocks bind().
            if path[0] not in (0, '\x00'):
                base_events._remove_stale_unix_socket(path)
            try:
                sock.bind(path)
            except OSError as exc:
                sock.close()
                if exc.errno == errno.EADDRINUSE:
                    raise OSError(errno.EADDRINUSE, f'Address {path!r} is '
                                  f'already in use') from None
                raise
            except:
                sock.close()
                raise
        else:
            if sock is None:
                raise ValueError(
                    'path was not specified, and no sock specified')
            if (sock.family != socket.AF_UNIX or
                    sock.type != socket.SOCK_STREAM):
                raise ValueError(f'A UNIX Domain Stream Socket was '
                                 f'expected, got {sock!r}')
        if cleanup_socket:
            path = sock.getsockname()
            try:
                self._unix_server_sockets[sock] = os.stat(path).st_ino
            except (FileNotFoundError, TypeError, ValueError):
                pass
        sock.setblocking(False)
        server = base_events.Server(self, [sock], protocol_factory, ssl,
                                    backlog, ssl_handshake_timeout,
                                    ssl_shutdown_timeout)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)
        return server

    def _stop_serving(self, sock):
        path = None
        if sock in self._unix_server_sockets:
            path = sock.getsockname()
        super()._stop_serving(sock)
        if path is not None:
            prev_ino = self._unix_server_sockets.pop(sock)
            try:
                # Only unlink the file if it is still our socket.
                if os.stat(path).st_ino == prev_ino:
                    os.unlink(path)
            except FileNotFoundError:
                pass
            except OSError as err:
                logger.error('Unable to clean up listening UNIX socket '
                             '%r: %r', path, err)


def can_use_pidfd():
    """Whether this system lets asyncio watch children through pidfds
    (os.pidfd_open exists and a security policy does not refuse it)."""
    if not hasattr(os, 'pidfd_open'):
        return False
    try:
        os.close(os.pidfd_open(os.getpid(), 0))
    except OSError:
        return False
    return True


# Computed on first use; threads racing to set it compute the same value.
_pidfd_usable = None


def _watch_child(loop, pid, callback, *args):
    """Have callback(pid, returncode, *args) called on loop once pid
    exits: through a pidfd the loop polls where the system has them,
    else from a waiting thread."""
    global _pidfd_usable
    if _pidfd_usable is None:
        _pidfd_usable = can_use_pidfd()
    if _pidfd_usable:
        try:
            pidfd = os.pidfd_open(pid, 0)
        except OSError:
            pass
        else:
            loop._add_reader(pidfd, _pidfd_ready, loop, pid, pidfd,
                             callback, args)
            return
    _wait_in_thread(loop, pid, callback, *args)


def _reap(pid):
    """waitpid() pid (which has exited or is about to); its return code,
    255 if someone else reaped it."""
    while True:
        try:
            _, status = os.waitpid(pid, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            logger.warning('Unknown child process pid %d, will report '
                           'returncode 255', pid)
            return 255
        return waitstatus_to_exitcode(status)


def _pidfd_ready(loop, pid, pidfd, callback, args):
    # Loop thread: the pidfd turned readable, so pid has exited.
    loop._remove_reader(pidfd)
    try:
        returncode = _reap(pid)
    finally:
        os.close(pidfd)
    callback(pid, returncode, *args)


def _wait_in_thread(loop, pid, callback, *args):
    """Wait for pid in a daemon thread; report (pid, returncode) on loop.

    The thread only calls waitpid() and call_soon_threadsafe(), so it never
    touches loop state directly.
    """
    def waiter():
        returncode = _reap(pid)
        if loop.is_closed():
            logger.warning('Loop %r that handles pid %r is closed', loop,
                           pid)
        else:
            try:
                loop.call_soon_threadsafe(callback, pid, returncode, *args)
            except RuntimeError:
                pass

    thread = threading.Thread(target=waiter,
                              name=f'asyncio-waitpid-{pid}', daemon=True)
    thread.start()


def _pipe_state(transport, event):
    """The repr word for a pipe transport: 'polling' or 'idle' (whether
    the loop's selector watches its fd for event), 'open' once the loop
    has no selector, 'closed' once the pipe is gone."""
    if transport._pipe is None:
        return 'closed'
    selector = getattr(transport._loop, '_selector', None)
    if selector is None:
        return 'open'
    polling = selector_events._test_selector_event(
        selector, transport._fileno, event)
    return 'polling' if polling else 'idle'


class _UnixReadPipeTransport(transports.ReadTransport):
    """Reads a pipe, FIFO or character device without blocking."""

    max_size = 256 * 1024

    _fileno = None
    _pipe = None

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None):
        super().__init__(extra)
        self._extra['pipe'] = pipe
        self._loop = loop
        self._pipe = pipe
        self._fileno = pipe.fileno()
        self._protocol = protocol
        self._closing = False
        self._paused = False
        mode = os.fstat(self._fileno).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or
                stat.S_ISCHR(mode)):
            self._pipe = None
            self._fileno = None
            self._protocol = None
            raise ValueError('Pipe transport is for pipes/sockets only.')
        os.set_blocking(self._fileno, False)
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._fileno,
                             self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled,
                                 waiter, None)

    def _add_reader(self, fd, callback):
        if not self.is_reading():
            return
        self._loop._add_reader(fd, callback)

    def is_reading(self):
        return not self._paused and not self._closing

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._pipe is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._fileno}')
        info.append(_pipe_state(self, selectors.EVENT_READ))
        return '<{}>'.format(' '.join(info))

    def _read_ready(self):
        try:
            data = os.read(self._fileno, self.max_size)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._fatal_error(exc, 'Fatal read error on pipe transport')
        else:
            if data:
                self._protocol.data_received(data)
            else:
                self._closing = True
                self._loop._remove_reader(self._fileno)
                self._loop.call_soon(self._protocol.eof_received)
                self._loop.call_soon(self._call_connection_lost, None)

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop._remove_reader(self._fileno)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._loop._add_reader(self._fileno, self._read_ready)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if not self._closing:
            self._close(None)

    def __del__(self, _warn=warnings.warn):
        if self._pipe is not None:
            _warn(f'unclosed transport {self!r}', ResourceWarning,
                  source=self)
            self._pipe.close()

    def _fatal_error(self, exc, message='Fatal error on pipe transport'):
        # EIO is how a pty reports that its other side closed: not worth
        # the exception handler (logged in debug mode only).
        if isinstance(exc, OSError) and exc.errno == errno.EIO:
            if self._loop.get_debug():
                logger.debug("%r: %s", self, message, exc_info=True)
        else:
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._close(exc)

    def _close(self, exc):
        self._closing = True
        self._loop._remove_reader(self._fileno)
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close()
            self._pipe = None
            self._protocol = None
            self._loop = None


class _UnixWritePipeTransport(transports._FlowControlMixin,
                              transports.WriteTransport):
    """Writes a pipe without blocking, buffering what does not fit."""

    _pipe = None

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None):
        super().__init__(extra, loop)
        self._extra['pipe'] = pipe
        self._pipe = pipe
        self._fileno = pipe.fileno()
        self._protocol = protocol
        self._buffer = bytearray()
        self._conn_lost = 0
        self._closing = False
        mode = os.fstat(self._fileno).st_mode
        is_char = stat.S_ISCHR(mode)
        is_fifo = stat.S_ISFIFO(mode)
        is_socket = stat.S_ISSOCK(mode)
        if not (is_char or is_fifo or is_socket):
            self._pipe = None
            self._fileno = None
            self._protocol = None
            raise ValueError('Pipe transport is only for pipes, sockets and '
                             'character devices')
        os.set_blocking(self._fileno, False)
        self._loop.call_soon(self._protocol.connection_made, self)
        # Watching the pipe for reading tells us when the reader goes
        # away (the fd becomes readable at EOF / error).
        if is_socket or (is_fifo and not sys.platform.startswith('aix')):
            self._loop.call_soon(self._loop._add_reader, self._fileno,
                                 self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled,
                                 waiter, None)

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._pipe is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._fileno}')
        state = _pipe_state(self, selectors.EVENT_WRITE)
        info.append(state)
        if state in ('polling', 'idle'):
            info.append(f'bufsize={self.get_write_buffer_size()}')
        return '<{}>'.format(' '.join(info))

    def get_write_buffer_size(self):
        return len(self._buffer)

    def _read_ready(self):
        if self._buffer:
            self._close(BrokenPipeError())
        else:
            self._close()

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes, bytearray, or '
                            f'memoryview object, not '
                            f'{type(data).__name__!r}')
        if isinstance(data, bytearray):
            data = memoryview(data)
        if not data:
            return
        if self._conn_lost or self._closing:
            if self._conn_lost >= \
                    selector_events.LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                logger.warning('pipe closed by peer or '
                               'os.write(pipe, data) raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = os.write(self._fileno, data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._conn_lost += 1
                self._fatal_error(exc, 'Fatal write error on pipe transport')
                return
            if n == len(data):
                return
            elif n > 0:
                data = memoryview(data)[n:]
            self._loop._add_writer(self._fileno, self._write_ready)
        self._buffer += data
        self._maybe_pause_protocol()

    def _write_ready(self):
        assert self._buffer, 'Data should not be empty'
        try:
            n = os.write(self._fileno, self._buffer)
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._buffer.clear()
            self._conn_lost += 1
            self._loop._remove_writer(self._fileno)
            self._fatal_error(exc, 'Fatal write error on pipe transport')
        else:
            if n == len(self._buffer):
                self._buffer.clear()
                self._loop._remove_writer(self._fileno)
                self._maybe_resume_protocol()
                if self._closing:
                    self._loop._remove_reader(self._fileno)
                    self._call_connection_lost(None)
                return
            elif n > 0:
                del self._buffer[:n]

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing:
            return
        assert self._pipe
        self._closing = True
        if not self._buffer:
            self._loop._remove_reader(self._fileno)
            self._loop.call_soon(self._call_connection_lost, None)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if self._pipe is not None and not self._closing:
            self.write_eof()

    def __del__(self, _warn=warnings.warn):
        if self._pipe is not None:
            _warn(f'unclosed transport {self!r}', ResourceWarning,
                  source=self)
            self._pipe.close()

    def abort(self):
        self._close(None)

    def _fatal_error(self, exc, message='Fatal error on pipe transport'):
        # An OSError (a reader gone: EPIPE...) is the peer's doing, logged
        # in debug mode only.
        if isinstance(exc, OSError):
            if self._loop.get_debug():
                logger.debug("%r: %s", self, message, exc_info=True)
        else:
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._close(exc)

    def _close(self, exc=None):
        self._closing = True
        if self._buffer:
            self._loop._remove_writer(self._fileno)
        self._buffer.clear()
        self._loop._remove_reader(self._fileno)
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close()
            self._pipe = None
            self._protocol = None
            self._loop = None


class _UnixSubprocessTransport(base_subprocess.BaseSubprocessTransport):

    def _start(self, args, shell, stdin, stdout, stderr, bufsize, **kwargs):
        self._proc = subprocess.Popen(
            args, shell=shell, stdin=stdin, stdout=stdout, stderr=stderr,
            universal_newlines=False, bufsize=bufsize, **kwargs)


class _UnixDefaultEventLoopPolicy(events._BaseDefaultEventLoopPolicy):
    _loop_factory = _UnixSelectorEventLoop


SelectorEventLoop = _UnixSelectorEventLoop
_DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
EventLoop = SelectorEventLoop
