"""asyncio's endpoints as CPython handles them: create_server() with an
empty resolver answer, reuse_port where SO_REUSEPORT is missing, a stale
AF_UNIX datagram socket file, the state words of pipe transports' reprs."""

import asyncio
import os
import socket
import tempfile
import unittest
from unittest import mock


class Endpoints(unittest.TestCase):

    def setUp(self):
        self.loop = asyncio.new_event_loop()
        self.addCleanup(self.loop.close)

    def run_loop(self, coro):
        return self.loop.run_until_complete(coro)

    def test_create_server_empty_getaddrinfo(self):
        async def nothing(*args, **kwargs):
            return []

        self.loop.getaddrinfo = nothing
        with self.assertRaisesRegex(
                OSError, r"getaddrinfo\('example\.invalid'\) returned empty"):
            self.run_loop(self.loop.create_server(
                asyncio.Protocol, "example.invalid", 0))

    def test_reuse_port_unsupported(self):
        real = socket.socket
        fake = mock.MagicMock(spec=[n for n in dir(socket)
                                    if n != "SO_REUSEPORT"])
        fake.socket = real
        for name in ("AF_INET", "SOCK_DGRAM", "SOCK_STREAM", "SOL_SOCKET",
                     "SO_REUSEADDR", "getaddrinfo", "AF_UNSPEC",
                     "IPPROTO_TCP", "IPPROTO_UDP", "inet_pton", "AF_INET6"):
            setattr(fake, name, getattr(socket, name))
        with mock.patch("asyncio.base_events.socket", fake):
            with self.assertRaisesRegex(ValueError, "reuse_port not supported"):
                self.run_loop(self.loop.create_datagram_endpoint(
                    asyncio.DatagramProtocol, local_addr=("127.0.0.1", 0),
                    reuse_port=True))

    def test_datagram_endpoint_replaces_stale_unix_socket(self):
        path = os.path.join(tempfile.mkdtemp(), "dgram.sock")
        self.addCleanup(os.rmdir, os.path.dirname(path))
        stale = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        stale.bind(path)
        stale.close()
        self.addCleanup(lambda: os.path.exists(path) and os.unlink(path))
        transport, _ = self.run_loop(self.loop.create_datagram_endpoint(
            asyncio.DatagramProtocol, path, family=socket.AF_UNIX))
        self.assertEqual(transport.get_extra_info("sockname"), path)
        transport.close()
        self.run_loop(asyncio.sleep(0))

    def test_datagram_endpoint_keeps_a_regular_file(self):
        fd, path = tempfile.mkstemp()
        os.close(fd)
        self.addCleanup(os.unlink, path)
        with self.assertRaises(OSError):
            self.run_loop(self.loop.create_datagram_endpoint(
                asyncio.DatagramProtocol, path, family=socket.AF_UNIX))
        self.assertTrue(os.path.isfile(path))


class TransportSocketMethods(unittest.TestCase):

    def test_getsockbyname_forwards_to_the_wrapped_socket(self):
        inner = mock.Mock()
        inner.getsockbyname.return_value = ('1.2.3.4', 80)
        trsock = asyncio.trsock.TransportSocket(inner)
        self.assertEqual(trsock.getsockbyname(), ('1.2.3.4', 80))
        with socket.socket() as sock:
            with self.assertRaises(AttributeError):
                asyncio.trsock.TransportSocket(sock).getsockbyname()


class PipeTransportRepr(unittest.TestCase):

    def test_states(self):
        loop = asyncio.new_event_loop()
        rfd, wfd = os.pipe()
        rpipe, wpipe = open(rfd, "rb", 0), open(wfd, "wb", 0)
        self.addCleanup(rpipe.close)
        self.addCleanup(wpipe.close)

        async def connect():
            r, _ = await loop.connect_read_pipe(asyncio.Protocol, rpipe)
            w, _ = await loop.connect_write_pipe(asyncio.Protocol, wpipe)
            return r, w

        rt, wt = loop.run_until_complete(connect())
        self.assertEqual(repr(rt), f"<_UnixReadPipeTransport fd={rfd} polling>")
        self.assertEqual(repr(wt),
                         f"<_UnixWritePipeTransport fd={wfd} idle bufsize=0>")
        rt.pause_reading()
        self.assertEqual(repr(rt), f"<_UnixReadPipeTransport fd={rfd} idle>")
        loop.close()
        self.assertEqual(repr(rt), f"<_UnixReadPipeTransport fd={rfd} open>")
        self.assertEqual(repr(wt), f"<_UnixWritePipeTransport fd={wfd} open>")
        rt._pipe = wt._pipe = None      # the pipes are closed above


class ReadPipeErrors(unittest.TestCase):

    def read_error(self, errno_value):
        """The contexts the exception handler got when reading the pipe
        failed with errno_value."""
        loop = asyncio.new_event_loop()
        self.addCleanup(loop.close)
        seen = []
        loop.set_exception_handler(lambda loop, context: seen.append(context))
        rfd, wfd = os.pipe()
        self.addCleanup(os.close, wfd)
        transport, _ = loop.run_until_complete(loop.connect_read_pipe(
            asyncio.Protocol, open(rfd, "rb", 0)))
        with mock.patch("os.read", side_effect=OSError(errno_value, "x")):
            transport._read_ready()
        loop.run_until_complete(asyncio.sleep(0))
        self.assertTrue(transport.is_closing())
        return seen

    def test_oserror_reaches_exception_handler(self):
        import errno
        seen = self.read_error(errno.EBADF)
        self.assertEqual([c["message"] for c in seen],
                         ["Fatal read error on pipe transport"])
        self.assertEqual(seen[0]["exception"].errno, errno.EBADF)

    def test_eio_is_quiet(self):
        import errno
        self.assertEqual(self.read_error(errno.EIO), [])


class SockSendtoRetry(unittest.TestCase):

    def test_method_looked_up_on_retry(self):
        loop = asyncio.new_event_loop()
        self.addCleanup(loop.close)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server, \
                socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
            server.bind(("127.0.0.1", 0))
            client.setblocking(False)
            wrapper = mock.Mock(spec=["fileno", "gettimeout", "sendto"])
            wrapper.fileno = client.fileno
            wrapper.gettimeout = client.gettimeout
            wrapper.sendto.side_effect = BlockingIOError

            async def send():
                loop.call_soon(setattr, wrapper, "sendto", client.sendto)
                return await asyncio.wait_for(loop.sock_sendto(
                    wrapper, b"ping", server.getsockname()), 5)

            self.assertEqual(loop.run_until_complete(send()), 4)
            self.assertEqual(server.recv(10), b"ping")


if __name__ == "__main__":
    unittest.main()
