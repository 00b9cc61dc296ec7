"""TLS for asyncio transports: an ssl.SSLObject over two MemoryBIOs.

SSLProtocol is the protocol of the plain socket transport: it feeds the
bytes it receives to the incoming BIO, drives the handshake and the
decryption, and hands plain data to the application's protocol.  The
application sees an _SSLProtocolTransport, whose writes are encrypted
into the outgoing BIO and passed down to the socket transport.

States: UNWRAPPED (before connection_made) -> DO_HANDSHAKE -> WRAPPED
-> SHUTDOWN (close_notify sent, waiting for the socket to close) ->
UNWRAPPED once the connection is lost.  Everything runs in the event
loop's thread.
"""

import collections
import enum
import warnings

try:
    import ssl
except ImportError:          # pragma: no cover - ssl is built in
    ssl = None

from . import constants
from . import exceptions
from . import protocols
from . import transports
from .constants import (LOG_THRESHOLD_FOR_CONNLOST_WRITES,
                        SSL_HANDSHAKE_TIMEOUT, SSL_SHUTDOWN_TIMEOUT)
from .log import logger
_READ_SIZE = 256 * 1024


class SSLProtocolState(enum.Enum):
    UNWRAPPED = "UNWRAPPED"
    DO_HANDSHAKE = "DO_HANDSHAKE"
    WRAPPED = "WRAPPED"
    FLUSHING = "FLUSHING"
    SHUTDOWN = "SHUTDOWN"


class AppProtocolState(enum.Enum):
    STATE_INIT = "STATE_INIT"
    STATE_CON_MADE = "STATE_CON_MADE"
    STATE_EOF = "STATE_EOF"
    STATE_CON_LOST = "STATE_CON_LOST"


def _create_transport_context(server_side, server_hostname):
    if server_side:
        raise ValueError('Server side SSL needs a valid SSLContext')
    context = ssl.create_default_context()
    if not server_hostname:
        context.check_hostname = False
    return context


def _check_timeout(value, name, default):
    if value is None:
        return default
    if value <= 0:
        raise ValueError(f"{name} should be a positive number, got {value}")
    return value


class _SSLProtocolTransport(transports.Transport):
    """What the application's protocol writes to: plain data in, TLS
    records out through the SSLProtocol."""

    _start_tls_compatible = True
    _sendfile_compatible = constants._SendfileMode.FALLBACK

    def __init__(self, loop, ssl_protocol):
        super().__init__()
        self._loop = loop
        self._ssl_protocol = ssl_protocol
        self._closed = False

    def get_extra_info(self, name, default=None):
        return self._ssl_protocol._get_extra_info(name, default)

    def set_protocol(self, protocol):
        self._ssl_protocol._set_app_protocol(protocol)

    def get_protocol(self):
        return self._ssl_protocol._app_protocol

    def is_closing(self):
        return self._closed

    def close(self):
        """Send close_notify, then close the connection once buffered
        data is flushed."""
        if not self._closed:
            self._closed = True
            self._ssl_protocol._start_shutdown()

    def __del__(self, _warn=warnings.warn):
        if not self._closed:
            self._closed = True
            _warn(f"unclosed transport {self!r}", ResourceWarning,
                  source=self)

    def is_reading(self):
        return not self._ssl_protocol._app_reading_paused

    def pause_reading(self):
        self._ssl_protocol._pause_reading()

    def resume_reading(self):
        self._ssl_protocol._resume_reading()

    def set_write_buffer_limits(self, high=None, low=None):
        self._ssl_protocol._set_write_buffer_limits(high, low)

    def get_write_buffer_limits(self):
        transport = self._ssl_protocol._transport
        if transport is None:
            return (0, 0)
        return transport.get_write_buffer_limits()

    def get_write_buffer_size(self):
        return self._ssl_protocol._get_write_buffer_size()

    @property
    def _protocol_paused(self):
        transport = self._ssl_protocol._transport
        return bool(transport is not None
                    and getattr(transport, '_protocol_paused', False))

    def write(self, data):
        """Encrypt and send data (bytes-like)."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data: expecting a bytes-like instance, "
                            f"got {type(data).__name__}")
        if not data:
            return
        self._ssl_protocol._write_appdata((data,))

    def writelines(self, list_of_data):
        self._ssl_protocol._write_appdata(list_of_data)

    def write_eof(self):
        raise NotImplementedError("SSL doesn't support half-closes")

    def can_write_eof(self):
        return False

    def abort(self):
        """Close at once, dropping buffered data."""
        self._closed = True
        if self._ssl_protocol is not None:
            self._ssl_protocol._abort(None)

    def _force_close(self, exc):
        self._closed = True
        self._ssl_protocol._abort(exc)


class SSLProtocol(protocols.Protocol):
    """The socket transport's protocol while TLS runs over it."""

    def __init__(self, loop, app_protocol, sslcontext, waiter,
                 server_side=False, server_hostname=None,
                 call_connection_made=True, ssl_handshake_timeout=None,
                 ssl_shutdown_timeout=None):
        if ssl is None:
            raise RuntimeError("stdlib ssl module not available")
        self._ssl_handshake_timeout = _check_timeout(
            ssl_handshake_timeout, "ssl_handshake_timeout",
            SSL_HANDSHAKE_TIMEOUT)
        self._ssl_shutdown_timeout = _check_timeout(
            ssl_shutdown_timeout, "ssl_shutdown_timeout",
            SSL_SHUTDOWN_TIMEOUT)
        if not sslcontext:
            sslcontext = _create_transport_context(server_side,
                                                   server_hostname)
        self._server_side = server_side
        self._server_hostname = (server_hostname
                                 if server_hostname and not server_side
                                 else None)
        self._sslcontext = sslcontext
        self._extra = dict(sslcontext=sslcontext)
        self._loop = loop
        self._waiter = waiter
        self._app_protocol = None
        self._app_protocol_is_buffered = False
        self._set_app_protocol(app_protocol)
        self._app_transport = _SSLProtocolTransport(loop, self)
        self._call_connection_made = call_connection_made
        self._transport = None
        self._sslobj = None
        self._incoming = ssl.MemoryBIO()
        self._outgoing = ssl.MemoryBIO()
        self._state = SSLProtocolState.UNWRAPPED
        self._app_state = AppProtocolState.STATE_INIT
        self._backlog = collections.deque()   # app writes before WRAPPED
        self._handshake_timeout_handle = None
        self._shutdown_timeout_handle = None
        self._app_reading_paused = False
        self._conn_lost = 0

    def _set_app_protocol(self, app_protocol):
        self._app_protocol = app_protocol
        self._app_protocol_is_buffered = isinstance(
            app_protocol, protocols.BufferedProtocol)

    def _wakeup_waiter(self, exc=None):
        if self._waiter is None:
            return
        if not self._waiter.cancelled():
            if exc is not None:
                self._waiter.set_exception(exc)
            else:
                self._waiter.set_result(None)
        self._waiter = None

    def _get_extra_info(self, name, default=None):
        if name in self._extra:
            return self._extra[name]
        if self._transport is not None:
            return self._transport.get_extra_info(name, default)
        return default

    # ---- the socket transport's callbacks ---------------------------------

    def connection_made(self, transport):
        self._transport = transport
        self._sslobj = self._sslcontext.wrap_bio(
            self._incoming, self._outgoing, server_side=self._server_side,
            server_hostname=self._server_hostname)
        self._extra['ssl_object'] = self._sslobj
        self._state = SSLProtocolState.DO_HANDSHAKE
        self._handshake_timeout_handle = self._loop.call_later(
            self._ssl_handshake_timeout, self._check_handshake_timeout)
        self._do_handshake()

    def connection_lost(self, exc):
        if (self._state == SSLProtocolState.SHUTDOWN
                and isinstance(exc, ConnectionError)):
            # The peer went away while our close_notify was on its way:
            # the connection ended as both sides asked.
            exc = None
        self._backlog.clear()
        self._outgoing.read()
        self._conn_lost += 1
        if self._app_transport is not None:
            self._app_transport._closed = True
        if self._state != SSLProtocolState.DO_HANDSHAKE:
            if self._app_state in (AppProtocolState.STATE_CON_MADE,
                                   AppProtocolState.STATE_EOF):
                self._app_state = AppProtocolState.STATE_CON_LOST
                self._loop.call_soon(self._app_protocol.connection_lost, exc)
        self._state = SSLProtocolState.UNWRAPPED
        self._transport = None
        self._cancel_timers()
        if self._waiter is not None:
            self._wakeup_waiter(exc or ConnectionResetError(
                "Connection lost during the TLS handshake"))

    def data_received(self, data):
        self._incoming.write(data)
        self._advance()

    def eof_received(self):
        try:
            if self._loop.get_debug():
                logger.debug("%r received EOF", self)
            if self._state == SSLProtocolState.DO_HANDSHAKE:
                self._on_handshake_complete(ConnectionResetError(
                    "Connection closed during the TLS handshake"))
            elif self._state == SSLProtocolState.WRAPPED:
                self._incoming.write_eof()
                self._do_read()
                self._deliver_eof()
            elif self._state == SSLProtocolState.SHUTDOWN:
                self._finish_shutdown()
        except Exception:
            self._transport.close()
            raise
        return False

    def pause_writing(self):
        self._app_protocol.pause_writing()

    def resume_writing(self):
        self._app_protocol.resume_writing()

    def _advance(self):
        if self._state == SSLProtocolState.DO_HANDSHAKE:
            self._do_handshake()
        elif self._state == SSLProtocolState.WRAPPED:
            self._do_read()
        elif self._state == SSLProtocolState.SHUTDOWN:
            self._do_shutdown()

    # ---- handshake ---------------------------------------------------------

    def _check_handshake_timeout(self):
        if self._state == SSLProtocolState.DO_HANDSHAKE:
            msg = (f"SSL handshake is taking longer than "
                   f"{self._ssl_handshake_timeout} seconds: aborting the "
                   f"connection")
            self._fatal_error(ConnectionAbortedError(msg))

    def _do_handshake(self):
        try:
            self._sslobj.do_handshake()
        except ssl.SSLWantReadError:
            self._flush_outgoing()
            return
        except ssl.SSLError as exc:
            self._flush_outgoing()
            self._on_handshake_complete(exc)
            return
        self._flush_outgoing()
        self._on_handshake_complete(None)

    def _on_handshake_complete(self, handshake_exc):
        if self._handshake_timeout_handle is not None:
            self._handshake_timeout_handle.cancel()
            self._handshake_timeout_handle = None
        sslobj = self._sslobj
        try:
            if handshake_exc is not None:
                raise handshake_exc
            peercert = sslobj.getpeercert()
        except Exception as exc:
            self._state = SSLProtocolState.UNWRAPPED
            if isinstance(exc, ssl.CertificateError):
                msg = 'SSL handshake failed on verifying the certificate'
            else:
                msg = 'SSL handshake failed'
            self._fatal_error(exc, msg)
            self._wakeup_waiter(exc)
            return
        self._extra.update(peercert=peercert, cipher=sslobj.cipher(),
                           compression=sslobj.compression())
        self._state = SSLProtocolState.WRAPPED
        if self._call_connection_made:
            self._app_state = AppProtocolState.STATE_CON_MADE
            self._app_protocol.connection_made(self._app_transport)
        else:
            self._app_state = AppProtocolState.STATE_CON_MADE
        self._wakeup_waiter()
        if self._backlog:
            pending = list(self._backlog)
            self._backlog.clear()
            self._write_appdata(pending)
        # Application data may have come with the last handshake flight.
        self._loop.call_soon(self._do_read)

    # ---- application data --------------------------------------------------

    def _write_appdata(self, list_of_data):
        if self._state in (SSLProtocolState.FLUSHING,
                           SSLProtocolState.SHUTDOWN,
                           SSLProtocolState.UNWRAPPED) \
                or self._transport is None:
            if self._conn_lost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                logger.warning('SSL connection is closed')
            self._conn_lost += 1
            return
        if self._state == SSLProtocolState.DO_HANDSHAKE:
            self._backlog.extend(bytes(d) for d in list_of_data)
            return
        try:
            for data in list_of_data:
                if data:
                    self._sslobj.write(data)
        except ssl.SSLError as exc:
            self._fatal_error(exc, 'Fatal error on SSL protocol')
            return
        self._flush_outgoing()

    def _do_read(self):
        if self._state != SSLProtocolState.WRAPPED or self._app_reading_paused:
            return
        try:
            while True:
                data = self._sslobj.read(_READ_SIZE)
                if not data:
                    self._deliver_eof()
                    break
                self._deliver(data)
                if self._app_reading_paused \
                        or self._state != SSLProtocolState.WRAPPED:
                    break
        except ssl.SSLWantReadError:
            pass
        except ssl.SSLZeroReturnError:
            self._deliver_eof()
        except ssl.SSLError as exc:
            if (isinstance(exc, ssl.SSLEOFError)
                    or getattr(exc, 'reason', None)
                    == 'UNEXPECTED_EOF_WHILE_READING'):
                self._deliver_eof()
            else:
                self._fatal_error(exc, 'Fatal error on SSL protocol')
                return
        # Reading may produce protocol messages to send (TLS 1.3 key
        # updates).
        self._flush_outgoing()

    def _deliver(self, data):
        if self._app_protocol_is_buffered:
            protocols._feed_data_to_buffered_proto(self._app_protocol, data)
        else:
            self._app_protocol.data_received(data)

    def _deliver_eof(self):
        if self._app_state != AppProtocolState.STATE_CON_MADE:
            return
        self._app_state = AppProtocolState.STATE_EOF
        keep_open = self._app_protocol.eof_received()
        if keep_open:
            logger.warning('returning true from eof_received() has no '
                           'effect when using ssl')
        self._app_transport.close()

    def _pause_reading(self):
        self._app_reading_paused = True

    def _resume_reading(self):
        if self._app_reading_paused:
            self._app_reading_paused = False
            self._loop.call_soon(self._do_read)

    def _set_write_buffer_limits(self, high=None, low=None):
        if self._transport is not None:
            self._transport.set_write_buffer_limits(high, low)

    def _get_write_buffer_size(self):
        size = self._outgoing.pending
        if self._transport is not None:
            size += self._transport.get_write_buffer_size()
        return size

    def _flush_outgoing(self):
        if self._outgoing.pending and self._transport is not None:
            self._transport.write(self._outgoing.read())

    # ---- shutdown ----------------------------------------------------------

    def _start_shutdown(self):
        if self._state in (SSLProtocolState.SHUTDOWN,
                           SSLProtocolState.UNWRAPPED):
            return
        if self._state == SSLProtocolState.DO_HANDSHAKE:
            self._abort(None)
            return
        self._state = SSLProtocolState.SHUTDOWN
        self._shutdown_timeout_handle = self._loop.call_later(
            self._ssl_shutdown_timeout, self._check_shutdown_timeout)
        self._do_shutdown()

    def _check_shutdown_timeout(self):
        if self._state == SSLProtocolState.SHUTDOWN:
            self._transport._force_close(exceptions.TimeoutError(
                'SSL shutdown timed out'))

    def _do_shutdown(self):
        try:
            self._sslobj.unwrap()
        except ssl.SSLWantReadError:
            # Our close_notify is out; the peer's may never come, and we
            # need not wait for it: the socket closes once flushed.
            pass
        except ssl.SSLError as exc:
            self._flush_outgoing()
            self._abort(exc)
            return
        self._flush_outgoing()
        self._finish_shutdown()

    def _finish_shutdown(self):
        if self._shutdown_timeout_handle is not None:
            self._shutdown_timeout_handle.cancel()
            self._shutdown_timeout_handle = None
        if self._transport is not None:
            self._transport.close()

    def _abort(self, exc):
        self._cancel_timers()
        if self._transport is not None:
            self._transport._force_close(exc)

    def _cancel_timers(self):
        for name in ('_handshake_timeout_handle', '_shutdown_timeout_handle'):
            handle = getattr(self, name)
            if handle is not None:
                handle.cancel()
                setattr(self, name, None)

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if self._transport is not None:
            self._transport._force_close(exc)
        if isinstance(exc, OSError):
            if self._loop.get_debug():
                logger.debug("%r: %s", self, message, exc_info=True)
        elif not isinstance(exc, exceptions.CancelledError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self._transport,
                'protocol': self,
            })
