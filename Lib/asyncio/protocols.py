"""Protocol interfaces: the callbacks a transport makes."""

__all__ = ('BaseProtocol', 'Protocol', 'DatagramProtocol',
           'SubprocessProtocol', 'BufferedProtocol')


class BaseProtocol:
    """Connection and flow-control callbacks common to all protocols."""

    __slots__ = ()

    def connection_made(self, transport):
        """The connection is up; transport is its transport."""

    def connection_lost(self, exc):
        """The connection is closed; exc is None on a regular EOF/close."""

    def pause_writing(self):
        """The transport's write buffer went over its high-water mark."""

    def resume_writing(self):
        """The transport's write buffer drained below its low-water mark."""


class Protocol(BaseProtocol):
    """Stream protocol: data_received() and eof_received()."""

    __slots__ = ()

    def data_received(self, data):
        """Some bytes arrived."""

    def eof_received(self):
        """The peer will send no more data.  Return a true value to keep
        the transport open for writing; by default it closes."""


class BufferedProtocol(BaseProtocol):
    """Stream protocol that supplies its own receive buffer."""

    __slots__ = ()

    def get_buffer(self, sizehint):
        """Return a writable buffer for the next read."""

    def buffer_updated(self, nbytes):
        """nbytes were written into the buffer from get_buffer()."""

    def eof_received(self):
        """The peer will send no more data."""


class DatagramProtocol(BaseProtocol):
    """Datagram protocol."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """A datagram arrived from addr."""

    def error_received(self, exc):
        """A previous send or receive failed with OSError exc."""


class SubprocessProtocol(BaseProtocol):
    """Protocol for a child process and its pipes."""

    __slots__ = ()

    def pipe_data_received(self, fd, data):
        """The child wrote data to its stdout (fd 1) or stderr (fd 2)."""

    def pipe_connection_lost(self, fd, exc):
        """One of the child's pipes was closed."""

    def process_exited(self):
        """The child process has exited."""


def _feed_data_to_buffered_proto(proto, data):
    data_len = len(data)
    while data_len:
        buf = proto.get_buffer(data_len)
        buf_len = len(buf)
        if not buf_len:
            raise RuntimeError('get_buffer() returned an empty buffer')
        if buf_len >= data_len:
            buf[:data_len] = data
            proto.buffer_updated(data_len)
            return
        buf[:buf_len] = data[:buf_len]
        proto.buffer_updated(buf_len)
        data = data[buf_len:]
        data_len = len(data)
