"""Connections: message-oriented byte streams over pipes and sockets, the
Listener/Client pair with an HMAC challenge, and wait().

Framing: each message is preceded by its length as a 4-byte big-endian
signed int; longer messages (2 GiB and up) by -1 and then an 8-byte
length."""

__all__ = ['Client', 'Listener', 'Pipe', 'wait']

import errno
import io
import itertools
import os
import selectors
import socket
import struct
import sys
import tempfile
import time

from . import util
from . import AuthenticationError, BufferTooShort
from .context import reduction

_ForkingPickler = reduction.ForkingPickler

BUFSIZE = 8192
CONNECTION_TIMEOUT = 20.

_mmap_counter = itertools.count()

default_family = 'AF_UNIX'
families = ['AF_INET', 'AF_UNIX']
if hasattr(socket, 'AF_INET6'):
    families.append('AF_INET6')


def _init_timeout(timeout=CONNECTION_TIMEOUT):
    return time.monotonic() + timeout


def _check_timeout(t):
    return time.monotonic() > t


def arbitrary_address(family):
    """An unused address of the given family."""
    if family == 'AF_INET':
        return ('localhost', 0)
    elif family == 'AF_UNIX':
        return tempfile.mktemp(prefix='sock-', dir=util.get_temp_dir())
    raise ValueError('unrecognized family')


def _validate_family(family):
    if family not in families:
        raise ValueError('Family %s is not recognized.' % family)


def address_type(address):
    """The family of an address: 'AF_INET', 'AF_UNIX' or 'AF_INET6'."""
    if type(address) == tuple:
        return 'AF_INET6' if ':' in str(address[0]) else 'AF_INET'
    elif type(address) is str or isinstance(address, (bytes, os.PathLike)):
        return 'AF_UNIX'
    raise ValueError('address type of %r unrecognized' % address)


# ---- Connection ----------------------------------------------------------

class _ConnectionBase:
    _handle = None

    def __init__(self, handle, readable=True, writable=True):
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError(
                "at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    def _bad_message_length(self):
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    @property
    def closed(self):
        """Whether close() was called."""
        return self._handle is None

    @property
    def readable(self):
        """Whether this end can receive."""
        return self._readable

    @property
    def writable(self):
        """Whether this end can send."""
        return self._writable

    def fileno(self):
        """The connection's descriptor."""
        self._check_closed()
        return self._handle

    def close(self):
        """Closes the descriptor."""
        if self._handle is not None:
            try:
                self._close()
            finally:
                self._handle = None

    def send_bytes(self, buf, offset=0, size=None):
        """Sends buf[offset:offset + size] as one message."""
        self._check_closed()
        self._check_writable()
        m = memoryview(buf)
        if m.itemsize > 1:
            m = m.cast('B')
        n = m.nbytes
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send_bytes(m[offset:offset + size])

    def send(self, obj):
        """Sends obj, pickled, as one message."""
        self._check_closed()
        self._check_writable()
        self._send_bytes(_ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """The next message's bytes (OSError if longer than maxlength)."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self._bad_message_length()
        return buf.getvalue()

    def recv_bytes_into(self, buf, offset=0):
        """Reads the next message into buf at offset; returns its length
        (BufferTooShort, holding the message, if it does not fit)."""
        self._check_closed()
        self._check_readable()
        with memoryview(buf) as m:
            itemsize = m.itemsize
            bytesize = itemsize * len(m)
            if offset < 0:
                raise ValueError("negative offset")
            elif offset > bytesize:
                raise ValueError("offset too large")
            result = self._recv_bytes()
            size = result.tell()
            if bytesize < offset + size:
                raise BufferTooShort(result.getvalue())
            result.seek(0)
            result.readinto(m[offset // itemsize:
                              (offset + size) // itemsize])
            return size

    def recv(self):
        """The next message, unpickled."""
        self._check_closed()
        self._check_readable()
        buf = self._recv_bytes()
        return _ForkingPickler.loads(buf.getbuffer())

    def poll(self, timeout=0.0):
        """Whether a message arrives within timeout seconds (None: waits)."""
        self._check_closed()
        self._check_readable()
        return self._poll(timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


class Connection(_ConnectionBase):
    """A connection over a file descriptor (a pipe end or a socket)."""

    def _close(self, _close=os.close):
        _close(self._handle)

    def _send(self, buf, write=os.write):
        remaining = len(buf)
        while True:
            n = write(self._handle, buf)
            remaining -= n
            if remaining == 0:
                break
            buf = buf[n:]

    def _recv(self, size, read=os.read):
        buf = io.BytesIO()
        handle = self._handle
        remaining = size
        while remaining > 0:
            chunk = read(handle, remaining)
            n = len(chunk)
            if n == 0:
                if remaining == size:
                    raise EOFError
                raise OSError("got end of file during message")
            buf.write(chunk)
            remaining -= n
        return buf

    def _send_bytes(self, buf):
        n = len(buf)
        if n > 0x7fffffff:
            self._send(struct.pack("!i", -1))
            self._send(struct.pack("!Q", n))
            self._send(buf)
        else:
            # Small messages go out with their header in one write, so
            # that a reader never waits between the two.
            header = struct.pack("!i", n)
            if n > 16384:
                self._send(header)
                self._send(buf)
            else:
                self._send(header + bytes(buf))

    def _recv_bytes(self, maxsize=None):
        buf = self._recv(4)
        size, = struct.unpack("!i", buf.getvalue())
        if size == -1:
            buf = self._recv(8)
            size, = struct.unpack("!Q", buf.getvalue())
        if maxsize is not None and size > maxsize:
            return None
        return self._recv(size)

    def _poll(self, timeout):
        r = wait([self], timeout)
        return bool(r)


# ---- listeners and clients -------------------------------------------------

class Listener(object):
    """A bound socket accepting Connections, authenticated with authkey
    when it is given."""

    def __init__(self, address=None, family=None, backlog=1, authkey=None):
        family = family or (address and address_type(address)) \
            or default_family
        address = address or arbitrary_address(family)
        _validate_family(family)
        self._listener = SocketListener(address, family, backlog)
        if authkey is not None and not isinstance(authkey, bytes):
            raise TypeError('authkey should be a byte string')
        self._authkey = authkey

    def accept(self):
        """Waits for a client; returns the Connection to it (after the
        challenge both ways when there is an authkey)."""
        if self._listener is None:
            raise OSError('listener is closed')
        c = self._listener.accept()
        if self._authkey is not None:
            deliver_challenge(c, self._authkey)
            answer_challenge(c, self._authkey)
        return c

    def close(self):
        """Stops listening (and removes a Unix socket's file)."""
        listener = self._listener
        if listener is not None:
            self._listener = None
            listener.close()

    @property
    def address(self):
        return self._listener._address

    @property
    def last_accepted(self):
        return self._listener._last_accepted

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Client(address, family=None, authkey=None):
    """A Connection to the Listener at address."""
    family = family or address_type(address)
    _validate_family(family)
    c = SocketClient(address)
    if authkey is not None and not isinstance(authkey, bytes):
        raise TypeError('authkey should be a byte string')
    if authkey is not None:
        answer_challenge(c, authkey)
        deliver_challenge(c, authkey)
    return c


# ---- the xmlrpclib serializer of managers -----------------------------------

class ConnectionWrapper(object):
    """A Connection whose send() and recv() carry objects through the given
    dumps/loads pair instead of pickle; everything else is the wrapped
    connection's."""

    def __init__(self, conn, dumps, loads):
        self._conn = conn
        self._dumps = dumps
        self._loads = loads
        for name in ('fileno', 'close', 'poll', 'recv_bytes', 'send_bytes'):
            setattr(self, name, getattr(conn, name))

    def send(self, obj):
        self._conn.send_bytes(self._dumps(obj))

    def recv(self):
        return self._loads(self._conn.recv_bytes())

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self._conn.close()


def _xml_dumps(obj):
    import xmlrpc.client
    return xmlrpc.client.dumps((obj,), None, None, None, True).encode('utf-8')


def _xml_loads(data):
    import xmlrpc.client
    (obj,), _method = xmlrpc.client.loads(data.decode('utf-8'))
    return obj


class XmlListener(Listener):
    """A Listener whose connections speak XML-RPC marshalling: only what
    xmlrpc.client can marshal (None, bool, int, float, str, bytes, lists,
    dicts with str keys, datetimes) crosses; tuples arrive as lists, bytes
    as xmlrpc.client.Binary and datetimes as xmlrpc.client.DateTime."""

    def accept(self):
        return ConnectionWrapper(Listener.accept(self), _xml_dumps, _xml_loads)


def XmlClient(*args, **kwds):
    """Client() for an XmlListener."""
    return ConnectionWrapper(Client(*args, **kwds), _xml_dumps, _xml_loads)


def Pipe(duplex=True):
    """Two Connections joined together; the first only receives and
    the second only sends unless duplex."""
    if duplex:
        s1, s2 = socket.socketpair()
        s1.setblocking(True)
        s2.setblocking(True)
        c1 = Connection(s1.detach())
        c2 = Connection(s2.detach())
    else:
        fd1, fd2 = os.pipe()
        c1 = Connection(fd1, writable=False)
        c2 = Connection(fd2, readable=False)
    return c1, c2


class SocketListener(object):
    """A listening socket (for Listener)."""

    def __init__(self, address, family, backlog=1):
        self._socket = socket.socket(getattr(socket, family))
        try:
            if os.name == 'posix':
                self._socket.setsockopt(socket.SOL_SOCKET,
                                        socket.SO_REUSEADDR, 1)
            self._socket.setblocking(True)
            self._socket.bind(address)
            self._socket.listen(backlog)
            self._address = self._socket.getsockname()
        except OSError:
            self._socket.close()
            raise
        self._family = family
        self._last_accepted = None
        if family == 'AF_UNIX' and not util.is_abstract_socket_namespace(
                address):
            # The socket file goes when the listener does.
            self._unlink = util.Finalize(self, os.unlink, args=(address,),
                                         exitpriority=0)
        else:
            self._unlink = None

    def accept(self):
        s, self._last_accepted = self._socket.accept()
        s.setblocking(True)
        return Connection(s.detach())

    def close(self):
        try:
            self._socket.close()
        finally:
            unlink = self._unlink
            if unlink is not None:
                self._unlink = None
                unlink()


def SocketClient(address):
    """A Connection to a listening socket."""
    family = address_type(address)
    with socket.socket(getattr(socket, family)) as s:
        s.setblocking(True)
        s.connect(address)
        return Connection(s.detach())


# ---- authentication ------------------------------------------------------

MESSAGE_LENGTH = 40
_CHALLENGE = b'#CHALLENGE#'
_WELCOME = b'#WELCOME#'
_FAILURE = b'#FAILURE#'
_DIGEST = b'{sha256}'


def _create_response(authkey, message):
    import hmac
    return _DIGEST + hmac.new(authkey, message, 'sha256').digest()


def _verify_response(authkey, message, response):
    import hmac
    if not response.startswith(_DIGEST):
        raise AuthenticationError('unsupported message digest')
    expected = hmac.new(authkey, message, 'sha256').digest()
    if not hmac.compare_digest(response[len(_DIGEST):], expected):
        raise AuthenticationError('digest received was wrong')


def deliver_challenge(connection, authkey, digest_name='sha256'):
    """Sends a random challenge; the peer must answer with its HMAC."""
    if not isinstance(authkey, bytes):
        raise ValueError(
            "Authkey must be bytes, not {0!s}".format(type(authkey)))
    assert MESSAGE_LENGTH > 32
    message = _DIGEST + os.urandom(MESSAGE_LENGTH)
    connection.send_bytes(_CHALLENGE + message)
    response = connection.recv_bytes(256)
    try:
        _verify_response(authkey, message, response)
    except AuthenticationError:
        connection.send_bytes(_FAILURE)
        raise
    else:
        connection.send_bytes(_WELCOME)


def answer_challenge(connection, authkey):
    """Answers the peer's challenge with the HMAC of authkey."""
    if not isinstance(authkey, bytes):
        raise ValueError(
            "Authkey must be bytes, not {0!s}".format(type(authkey)))
    message = connection.recv_bytes(256)
    if not message.startswith(_CHALLENGE):
        raise AuthenticationError(
            f'Protocol error, expected challenge: {message=}')
    message = message[len(_CHALLENGE):]
    if len(message) < MESSAGE_LENGTH:
        raise AuthenticationError(f'challenge too short: {len(message)} bytes')
    connection.send_bytes(_create_response(authkey, message))
    response = connection.recv_bytes(256)
    if response != _WELCOME:
        raise AuthenticationError('digest sent was rejected')


# ---- wait ------------------------------------------------------------

if hasattr(selectors, 'PollSelector'):
    _WaitSelector = selectors.PollSelector
else:
    _WaitSelector = selectors.SelectSelector


def wait(object_list, timeout=None):
    """Waits until at least one of object_list is ready (readable, or its
    process ended); returns those that are.  Items are Connections,
    sockets, descriptors or sentinels."""
    with _WaitSelector() as selector:
        for obj in object_list:
            selector.register(obj, selectors.EVENT_READ)
        if timeout is not None:
            deadline = time.monotonic() + timeout
        while True:
            ready = selector.select(timeout)
            if ready:
                return [key.fileobj for (key, events) in ready]
            if timeout is not None:
                timeout = deadline - time.monotonic()
                if timeout < 0:
                    return []


# ---- pickling connections and sockets --------------------------------------

def reduce_connection(conn):
    df = reduction.DupFd(conn.fileno())
    return rebuild_connection, (df, conn.readable, conn.writable)


def rebuild_connection(df, readable, writable):
    fd = df.detach()
    return Connection(fd, readable, writable)


reduction.register(Connection, reduce_connection)
