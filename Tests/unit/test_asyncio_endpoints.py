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


if __name__ == "__main__":
    unittest.main()
