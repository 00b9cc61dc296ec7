"""Event loop on top of the selectors module, with socket transports.

A self-pipe wakes select() when another thread adds a callback (and when
a signal arrives, see unix_events).  Each registered fd carries a
(reader_handle, writer_handle) pair as its selector data.
"""

__all__ = ('BaseSelectorEventLoop',)

import collections
import errno
import os
import functools
import itertools
import selectors
import socket
import warnings
import weakref

from . import base_events
from . import constants
from . import events
from . import futures
from . import protocols
from . import transports
from . import trsock
from .constants import ACCEPT_RETRY_DELAY, LOG_THRESHOLD_FOR_CONNLOST_WRITES
from .log import logger

# Stream transports copy writes below this size into their buffer's
# bytearray tail; larger ones are queued as views.
_SMALL_CHUNK = 16 * 1024

# Stream transports send their buffered chunks with one sendmsg() call
# (scatter/gather), at most SC_IOV_MAX of them at a time.
_HAS_SENDMSG = hasattr(socket.socket, 'sendmsg')
if _HAS_SENDMSG:
    try:
        SC_IOV_MAX = os.sysconf('SC_IOV_MAX')
    except (OSError, ValueError, AttributeError):
        # Portable minimum (POSIX _XOPEN_IOV_MAX).
        SC_IOV_MAX = 16


def _test_selector_event(selector, fd, event):
    try:
        key = selector.get_key(fd)
    except KeyError:
        return False
    return bool(key.events & event)


def _fileno(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f'Invalid file object: {fileobj!r}') from None
    if fd < 0:
        raise ValueError(f'Invalid file descriptor: {fd}')
    return fd


class BaseSelectorEventLoop(base_events.BaseEventLoop):
    """Selector-based loop: fd callbacks, sock_* coroutines and socket
    transports."""

    def __init__(self, selector=None):
        super().__init__()
        if selector is None:
            selector = selectors.DefaultSelector()
        logger.debug('Using selector: %s', selector.__class__.__name__)
        self._selector = selector
        self._make_self_pipe()
        # fd -> transport, to refuse add_reader() on a transport's fd.
        self._transports = weakref.WeakValueDictionary()

    def _make_socket_transport(self, sock, protocol, waiter=None, *,
                               extra=None, server=None):
        self._ensure_fd_no_transport(sock)
        return _SelectorSocketTransport(self, sock, protocol, waiter,
                                        extra, server)

    def _make_ssl_transport(
            self, rawsock, protocol, sslcontext, waiter=None, *,
            server_side=False, server_hostname=None, extra=None,
            server=None, ssl_handshake_timeout=None,
            ssl_shutdown_timeout=None):
        """A socket transport running TLS (sslproto.SSLProtocol) under
        protocol; returns the transport the protocol sees."""
        from . import sslproto
        self._ensure_fd_no_transport(rawsock)
        ssl_protocol = sslproto.SSLProtocol(
            self, protocol, sslcontext, waiter, server_side, server_hostname,
            ssl_handshake_timeout=ssl_handshake_timeout,
            ssl_shutdown_timeout=ssl_shutdown_timeout)
        _SelectorSocketTransport(self, rawsock, ssl_protocol, extra=extra,
                                 server=server)
        return ssl_protocol._app_transport

    def _make_datagram_transport(self, sock, protocol, address=None,
                                 waiter=None, extra=None):
        self._ensure_fd_no_transport(sock)
        return _SelectorDatagramTransport(self, sock, protocol, address,
                                          waiter, extra)

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self.is_closed():
            return
        self._close_self_pipe()
        super().close()
        if self._selector is not None:
            self._selector.close()
            self._selector = None

    def _make_self_pipe(self):
        # A socket pair (as CPython: it also serves as the signal wakeup
        # fd); both ends non-blocking, a full buffer already means "wake
        # up".
        self._ssock, self._csock = socket.socketpair()
        self._ssock.setblocking(False)
        self._csock.setblocking(False)
        self._internal_fds += 1
        self._add_reader(self._ssock.fileno(), self._read_from_self)

    def _close_self_pipe(self):
        self._remove_reader(self._ssock.fileno())
        ssock, csock = self._ssock, self._csock
        self._ssock = None
        # Other threads read _csock without a lock; None tells them the
        # pair is gone (a send on a closed socket fails harmlessly).
        self._csock = None
        ssock.close()
        csock.close()
        self._internal_fds -= 1

    def _process_self_data(self, data):
        pass

    def _read_from_self(self):
        while True:
            try:
                data = self._ssock.recv(4096)
                if not data:
                    break
                self._process_self_data(data)
            except InterruptedError:
                continue
            except BlockingIOError:
                break

    def _write_to_self(self):
        # Any thread: _csock is read once (close() may clear it).
        csock = self._csock
        if csock is None:
            return
        try:
            csock.send(b'\0')
        except OSError:
            if self._debug:
                logger.debug('Fail to write a null byte into the self-pipe',
                             exc_info=True)

    def _start_serving(self, protocol_factory, sock, sslcontext=None,
                       server=None, backlog=100, ssl_handshake_timeout=None,
                       ssl_shutdown_timeout=None):
        self._add_reader(sock.fileno(), self._accept_connection,
                         protocol_factory, sock, sslcontext, server, backlog,
                         ssl_handshake_timeout, ssl_shutdown_timeout)

    def _accept_connection(self, protocol_factory, sock, sslcontext=None,
                           server=None, backlog=100,
                           ssl_handshake_timeout=None,
                           ssl_shutdown_timeout=None):
        # Accept up to backlog connections per wakeup.
        for _ in range(backlog):
            try:
                conn, addr = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as exc:
                if exc.errno in (errno.EMFILE, errno.ENFILE,
                                 errno.ENOBUFS, errno.ENOMEM):
                    self.call_exception_handler({
                        'message': 'socket.accept() out of system resource',
                        'exception': exc,
                        'socket': trsock.TransportSocket(sock),
                    })
                    self._remove_reader(sock.fileno())
                    self.call_later(ACCEPT_RETRY_DELAY, self._start_serving,
                                    protocol_factory, sock, sslcontext,
                                    server, backlog, ssl_handshake_timeout,
                                    ssl_shutdown_timeout)
                else:
                    raise
            else:
                extra = {'peername': addr}
                accept = self._accept_connection2(
                    protocol_factory, conn, extra, sslcontext, server,
                    ssl_handshake_timeout, ssl_shutdown_timeout)
                self.create_task(accept)

    async def _accept_connection2(self, protocol_factory, conn, extra,
                                  sslcontext=None, server=None,
                                  ssl_handshake_timeout=None,
                                  ssl_shutdown_timeout=None):
        protocol = None
        transport = None
        try:
            protocol = protocol_factory()
            waiter = self.create_future()
            if sslcontext:
                transport = self._make_ssl_transport(
                    conn, protocol, sslcontext, waiter=waiter,
                    server_side=True, extra=extra, server=server,
                    ssl_handshake_timeout=ssl_handshake_timeout,
                    ssl_shutdown_timeout=ssl_shutdown_timeout)
            else:
                transport = self._make_socket_transport(
                    conn, protocol, waiter=waiter, extra=extra,
                    server=server)
            try:
                await waiter
            except BaseException:
                transport.close()
                waiter = None
                raise
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if self._debug:
                context = {
                    'message': 'Error on transport creation for incoming '
                               'connection',
                    'exception': exc,
                }
                if protocol is not None:
                    context['protocol'] = protocol
                if transport is not None:
                    context['transport'] = transport
                self.call_exception_handler(context)

    def _ensure_fd_no_transport(self, fd):
        fileno = _fileno(fd)
        transport = self._transports.get(fileno)
        if transport is not None and not transport.is_closing():
            raise RuntimeError(f'File descriptor {fd!r} is used by '
                               f'transport {transport!r}')

    def _add_reader(self, fd, callback, *args):
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        key = self._selector.get_map().get(fd)
        if key is None:
            self._selector.register(fd, selectors.EVENT_READ,
                                    (handle, None))
        else:
            mask, (reader, writer) = key.events, key.data
            self._selector.modify(fd, mask | selectors.EVENT_READ,
                                  (handle, writer))
            if reader is not None:
                reader.cancel()
        return handle

    def _remove_reader(self, fd):
        if self.is_closed():
            return False
        key = self._selector.get_map().get(fd)
        if key is None:
            return False
        mask, (reader, writer) = key.events, key.data
        mask &= ~selectors.EVENT_READ
        if not mask:
            self._selector.unregister(fd)
        else:
            self._selector.modify(fd, mask, (None, writer))
        if reader is not None:
            reader.cancel()
            return True
        return False

    def _add_writer(self, fd, callback, *args):
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        key = self._selector.get_map().get(fd)
        if key is None:
            self._selector.register(fd, selectors.EVENT_WRITE,
                                    (None, handle))
        else:
            mask, (reader, writer) = key.events, key.data
            self._selector.modify(fd, mask | selectors.EVENT_WRITE,
                                  (reader, handle))
            if writer is not None:
                writer.cancel()
        return handle

    def _remove_writer(self, fd):
        if self.is_closed():
            return False
        key = self._selector.get_map().get(fd)
        if key is None:
            return False
        mask, (reader, writer) = key.events, key.data
        mask &= ~selectors.EVENT_WRITE
        if not mask:
            self._selector.unregister(fd)
        else:
            self._selector.modify(fd, mask, (reader, None))
        if writer is not None:
            writer.cancel()
            return True
        return False

    def add_reader(self, fd, callback, *args):
        """Call callback(*args) whenever fd is readable."""
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        """Stop watching fd for reading; True if it was watched."""
        self._ensure_fd_no_transport(fd)
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        """Call callback(*args) whenever fd is writable."""
        self._ensure_fd_no_transport(fd)
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        """Stop watching fd for writing; True if it was watched."""
        self._ensure_fd_no_transport(fd)
        return self._remove_writer(fd)

    def _check_nonblocking(self, sock):
        base_events._check_ssl_socket(sock)
        if self._debug and sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')

    def _wait_readable(self, sock, fut, callback, *args):
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        handle = self._add_reader(fd, callback, fut, sock, *args)
        fut.add_done_callback(
            functools.partial(self._sock_read_done, fd, handle=handle))

    def _wait_writable(self, sock, fut, callback, *args):
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        handle = self._add_writer(fd, callback, fut, sock, *args)
        fut.add_done_callback(
            functools.partial(self._sock_write_done, fd, handle=handle))

    def _sock_read_done(self, fd, fut, handle=None):
        if handle is None or not handle.cancelled():
            self.remove_reader(fd)

    def _sock_write_done(self, fd, fut, handle=None):
        if handle is None or not handle.cancelled():
            self.remove_writer(fd)

    def _sock_io_ready(self, fut, sock, op, *args):
        """Retry sock.<op>(*args) now that the socket is ready.  The
        method is looked up on every try, as CPython does (a socket
        wrapper may replace it meanwhile)."""
        if fut.done():
            return
        try:
            result = getattr(sock, op)(*args)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(result)

    async def _sock_read_op(self, sock, op, *args):
        """Run sock.<op>(*args) (op is a method name), waiting for the
        socket to become readable while it would block."""
        self._check_nonblocking(sock)
        try:
            return getattr(sock, op)(*args)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        self._wait_readable(sock, fut, self._sock_io_ready, op, *args)
        try:
            return await fut
        finally:
            fut = None

    async def sock_recv(self, sock, n):
        """Receive up to n bytes from the non-blocking socket sock."""
        return await self._sock_read_op(sock, 'recv', n)

    async def sock_recv_into(self, sock, buf):
        return await self._sock_read_op(sock, 'recv_into', buf)

    async def sock_recvfrom(self, sock, bufsize):
        return await self._sock_read_op(sock, 'recvfrom', bufsize)

    async def sock_recvfrom_into(self, sock, buf, nbytes=0):
        if not nbytes:
            nbytes = len(buf)
        return await self._sock_read_op(sock, 'recvfrom_into', buf,
                                        nbytes)

    async def sock_sendall(self, sock, data):
        """Send all of data; return None once it is all handed to the
        kernel."""
        self._check_nonblocking(sock)
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0
        if n == len(data):
            return
        fut = self.create_future()
        pos = [n]
        self._wait_writable(sock, fut, self._sock_sendall, memoryview(data),
                            pos)
        try:
            return await fut
        finally:
            fut = None

    def _sock_sendall(self, fut, sock, view, pos):
        if fut.done():
            return
        start = pos[0]
        try:
            n = sock.send(view[start:])
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
            return
        start += n
        if start == len(view):
            fut.set_result(None)
        else:
            pos[0] = start

    async def sock_sendto(self, sock, data, address):
        self._check_nonblocking(sock)
        try:
            return sock.sendto(data, address)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        self._wait_writable(sock, fut, self._sock_io_ready, 'sendto',
                            data, address)
        try:
            return await fut
        finally:
            fut = None

    async def sock_connect(self, sock, address):
        """Connect sock to address (resolving host names first)."""
        self._check_nonblocking(sock)
        if sock.family != getattr(socket, 'AF_UNIX', None):
            resolved = await self._ensure_resolved(
                address, family=sock.family, type=sock.type,
                proto=sock.proto)
            _, _, _, _, address = resolved[0]
        fut = self.create_future()
        self._sock_connect(fut, sock, address)
        try:
            return await fut
        finally:
            fut = None

    def _sock_connect(self, fut, sock, address):
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            self._wait_writable(sock, fut, self._sock_connect_cb, address)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)
        finally:
            fut = None

    def _sock_connect_cb(self, fut, sock, address):
        if fut.done():
            return
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                raise OSError(err, f'Connect call failed {address}')
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)
        finally:
            fut = None

    async def sock_accept(self, sock):
        """Accept a connection; return (conn, address), conn non-blocking."""
        self._check_nonblocking(sock)
        fut = self.create_future()
        self._sock_accept(fut, sock)
        return await fut

    def _sock_accept(self, fut, sock):
        if fut.done():
            return
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            fd = sock.fileno()
            self._ensure_fd_no_transport(fd)
            handle = self._add_reader(fd, self._sock_accept, fut, sock)
            fut.add_done_callback(
                functools.partial(self._sock_read_done, fd, handle=handle))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    async def _sendfile_native(self, transp, file, offset, count):
        """loop.sendfile() over a socket transport: the transport steps
        aside (no reading, empty write buffer, unregistered) while
        sock_sendfile() drives its socket."""
        del self._transports[transp._sock_fd]
        resume_reading = transp.is_reading()
        transp.pause_reading()
        await transp._make_empty_waiter()
        try:
            return await self.sock_sendfile(transp._sock, file, offset, count,
                                            fallback=False)
        finally:
            transp._reset_empty_waiter()
            if resume_reading:
                transp.resume_reading()
            self._transports[transp._sock_fd] = transp

    def _process_events(self, event_list):
        for key, mask in event_list:
            fileobj, (reader, writer) = key.fileobj, key.data
            if mask & selectors.EVENT_READ and reader is not None:
                if reader._cancelled:
                    self._remove_reader(fileobj)
                else:
                    self._add_callback(reader)
            if mask & selectors.EVENT_WRITE and writer is not None:
                if writer._cancelled:
                    self._remove_writer(fileobj)
                else:
                    self._add_callback(writer)

    def _stop_serving(self, sock):
        self._remove_reader(sock.fileno())
        sock.close()


class _SelectorTransport(transports._FlowControlMixin,
                         transports.Transport):
    """State shared by the socket transports.  Loop thread only."""

    max_size = 256 * 1024

    # Attribute defaults so that __del__ works after a failed __init__.
    _sock = None

    def __init__(self, loop, sock, protocol, extra=None, server=None):
        super().__init__(extra, loop)
        self._extra['socket'] = trsock.TransportSocket(sock)
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol_connected = False
        self.set_protocol(protocol)
        self._server = server
        # Write buffer: a deque of chunks (memoryviews for stream sockets)
        # and the bytes it holds, kept up to date by every change so that
        # the flow control's size check is O(1).
        self._buffer = collections.deque()
        self._buffer_size = 0
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        if self._server is not None:
            self._server._attach(self)
        loop._transports[self._sock_fd] = self

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        if self._loop is not None and not self._loop.is_closed():
            polling = _test_selector_event(self._loop._selector,
                                           self._sock_fd,
                                           selectors.EVENT_READ)
            info.append('read=polling' if polling else 'read=idle')
            polling = _test_selector_event(self._loop._selector,
                                           self._sock_fd,
                                           selectors.EVENT_WRITE)
            state = 'polling' if polling else 'idle'
            info.append(f'write=<{state}, bufsize='
                        f'{self.get_write_buffer_size()}>')
        return '<{}>'.format(' '.join(info))

    def abort(self):
        self._force_close(None)

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop._remove_reader(self._sock_fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._sock_fd, self._read_ready)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._loop._remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop._remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def __del__(self, _warn=warnings.warn):
        if self._sock is not None:
            _warn(f'unclosed transport {self!r}', ResourceWarning,
                  source=self)
            self._sock.close()
            if self._server is not None:
                self._server._detach(self)

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._buffer_size = 0
            self._loop._remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop._remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach(self)
                self._server = None

    def get_write_buffer_size(self):
        return self._buffer_size

    def _add_reader(self, fd, callback, *args):
        if not self.is_reading():
            return
        self._loop._add_reader(fd, callback, *args)


class _SelectorSocketTransport(_SelectorTransport):
    """Stream transport over a connected socket, with a write buffer."""

    _start_tls_compatible = True
    _sendfile_compatible = constants._SendfileMode.TRY_NATIVE

    def __init__(self, loop, sock, protocol, waiter=None, extra=None,
                 server=None):
        self._read_ready_cb = None
        super().__init__(loop, sock, protocol, extra, server)
        self._eof = False
        self._empty_waiter = None
        base_events._set_nodelay(self._sock)
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd,
                             self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled,
                                 waiter, None)

    def set_protocol(self, protocol):
        if isinstance(protocol, protocols.BufferedProtocol):
            self._read_ready_cb = self._read_ready__get_buffer
        else:
            self._read_ready_cb = self._read_ready__data_received
        super().set_protocol(protocol)

    def _read_ready(self):
        self._read_ready_cb()

    def _read_ready__get_buffer(self):
        if self._conn_lost:
            return
        try:
            buf = self._protocol.get_buffer(-1)
            if not len(buf):
                raise RuntimeError('get_buffer() returned an empty buffer')
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(
                exc, 'Fatal error: protocol.get_buffer() call failed.')
            return
        try:
            nbytes = self._sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not nbytes:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.buffer_updated(nbytes)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(
                exc, 'Fatal error: protocol.buffer_updated() call failed.')

    def _read_ready__data_received(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(
                exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(
                exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            # Half-closed: we may still write, but stop polling for reads.
            self._loop._remove_reader(self._sock_fd)
        else:
            self.close()

    def write(self, data):
        """Send data, buffering what the socket does not take now."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes, bytearray, or '
                            f'memoryview object, not '
                            f'{type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if self._empty_waiter is not None:
            raise RuntimeError('unable to write; sendfile is in progress')
        if not data:
            return
        if self._conn_lost:
            if self._conn_lost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                logger.warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            # Nothing queued: try to send now.
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc,
                                  'Fatal write error on socket transport')
                return
            else:
                # n counts bytes: slice a byte view, whatever the format.
                data = memoryview(data).cast('B')[n:]
                if not data:
                    return
            self._loop._add_writer(self._sock_fd, self._write_ready)
        self._queue(data)
        self._maybe_pause_protocol()

    def _queue(self, data):
        """Append data to the buffer.  Small data is copied into a
        bytearray at the tail (extended by the next small writes, so a
        stream of small writes makes few chunks); larger data is queued
        as a view, sent without a copy when it is immutable."""
        size = data.nbytes if type(data) is memoryview else len(data)
        buffer = self._buffer
        if size < _SMALL_CHUNK:
            tail = buffer[-1] if buffer else None
            if type(tail) is bytearray:
                tail += data
            else:
                buffer.append(bytearray(data))
        else:
            buffer.append(self._own_chunk(data))
        self._buffer_size += size

    @staticmethod
    def _own_chunk(data):
        """A memoryview the caller cannot change behind our back: views
        of mutable buffers are copied, bytes are shared."""
        view = memoryview(data)
        if (view.readonly and view.format == 'B' and view.ndim == 1 and
                view.c_contiguous):
            return view
        return memoryview(bytes(view))

    def _write_ready(self):
        # The writer callback; CPython picks the sendmsg() variant where
        # the socket has it.  Tests may rebind this per instance.
        if _HAS_SENDMSG:
            self._write_sendmsg()
        else:
            self._write_send()

    def _write_send(self):
        """Send the first buffered chunk (writer callback)."""
        self._write_buffered(False)

    def _write_sendmsg(self):
        """Send as many buffered chunks as one sendmsg() takes (writer
        callback)."""
        self._write_buffered(True)

    def _write_buffered(self, gather):
        """One send of buffered data: the first chunk, or with gather up
        to SC_IOV_MAX chunks in one sendmsg()."""
        assert self._buffer, 'Data should not be empty'
        if self._conn_lost:
            return
        try:
            if gather:
                n = self._sock.sendmsg(itertools.islice(self._buffer,
                                                        SC_IOV_MAX))
            else:
                n = self._sock.send(self._buffer[0])
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._write_failed(exc)
            return
        self._adjust_leftover_buffer(n)
        self._write_progressed()

    def _adjust_leftover_buffer(self, nbytes):
        """Drop nbytes sent from the front of the buffer."""
        self._buffer_size -= nbytes
        buffer = self._buffer
        while nbytes:
            chunk = buffer.popleft()
            size = len(chunk)
            if size > nbytes:
                if type(chunk) is bytearray:
                    # Ours, and no view of it outlives a send: trim it.
                    del chunk[:nbytes]
                else:
                    chunk = memoryview(chunk)[nbytes:]
                buffer.appendleft(chunk)
                break
            nbytes -= size

    def _write_failed(self, exc):
        self._loop._remove_writer(self._sock_fd)
        self._buffer.clear()
        self._buffer_size = 0
        self._fatal_error(exc, 'Fatal write error on socket transport')
        if self._empty_waiter is not None:
            self._empty_waiter.set_exception(exc)

    def _write_progressed(self):
        # resume_writing() may write more: the buffer is checked after it.
        self._maybe_resume_protocol()
        if self._buffer:
            return
        self._loop._remove_writer(self._sock_fd)
        if self._empty_waiter is not None:
            self._empty_waiter.set_result(None)
        if self._closing:
            self._call_connection_lost(None)
        elif self._eof:
            self._sock.shutdown(socket.SHUT_WR)

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown(socket.SHUT_WR)

    def writelines(self, list_of_data):
        """Queue every chunk, then send what the socket takes now in one
        call (sendmsg() where available)."""
        if self._eof:
            raise RuntimeError('Cannot call writelines() after write_eof()')
        if self._empty_waiter is not None:
            raise RuntimeError('unable to writelines; sendfile is in '
                               'progress')
        # One pass checks the types and sorts the chunks into groups:
        # runs of small chunks (joined into one copy, at C speed) and
        # large chunks (queued as they are).
        groups = []
        small = []
        for data in list_of_data:
            kind = type(data)
            if kind is memoryview:
                size = data.nbytes
            elif (kind is bytes or kind is bytearray or
                  isinstance(data, (bytes, bytearray))):
                size = len(data)
            else:
                raise TypeError(f'data argument must be a bytes, bytearray,'
                                f' or memoryview object, not '
                                f'{type(data).__name__!r}')
            if not size:
                continue
            if size < _SMALL_CHUNK:
                small.append(data)
                continue
            if small:
                groups.append(small)
                small = []
            groups.append(data)
        if small:
            groups.append(small)
        if not groups:
            return
        if self._conn_lost:
            if self._conn_lost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                logger.warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        was_idle = not self._buffer
        for group in groups:
            self._queue(b''.join(group) if type(group) is list else group)
        if was_idle:
            self._write_ready()
            if self._buffer:
                self._loop._add_writer(self._sock_fd, self._write_ready)
        self._maybe_pause_protocol()

    def can_write_eof(self):
        return True

    def _call_connection_lost(self, exc):
        try:
            super()._call_connection_lost(exc)
        finally:
            if self._empty_waiter is not None:
                self._empty_waiter.set_exception(
                    ConnectionError('Connection is closed by peer'))

    def _make_empty_waiter(self):
        if self._empty_waiter is not None:
            raise RuntimeError('Empty waiter is already set')
        self._empty_waiter = self._loop.create_future()
        if not self._buffer:
            self._empty_waiter.set_result(None)
        return self._empty_waiter

    def _reset_empty_waiter(self):
        self._empty_waiter = None


class _SelectorDatagramTransport(_SelectorTransport,
                                 transports.DatagramTransport):
    """Datagram transport; the buffer holds (data, addr) pairs."""

    def __init__(self, loop, sock, protocol, address=None, waiter=None,
                 extra=None):
        super().__init__(loop, sock, protocol, extra)
        self._address = address
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd,
                             self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled,
                                 waiter, None)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(self.max_size)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(
                    f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            if self._conn_lost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                logger.warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
                return
            except (BlockingIOError, InterruptedError):
                self._loop._add_writer(self._sock_fd, self._sendto_ready)
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(
                    exc, 'Fatal write error on datagram transport')
                return
        self._buffer.append((bytes(data), addr))
        self._buffer_size += len(data)
        self._maybe_pause_protocol()

    def _sendto_ready(self):
        while self._buffer:
            data, addr = self._buffer.popleft()
            self._buffer_size -= len(data)
            try:
                if self._extra['peername']:
                    self._sock.send(data)
                else:
                    self._sock.sendto(data, addr)
            except (BlockingIOError, InterruptedError):
                self._buffer.appendleft((data, addr))
                self._buffer_size += len(data)
                break
            except OSError as exc:
                self._protocol.error_received(exc)
                return
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(
                    exc, 'Fatal write error on datagram transport')
                return
        self._maybe_resume_protocol()
        if not self._buffer:
            self._loop._remove_writer(self._sock_fd)
            if self._closing:
                self._call_connection_lost(None)
