"""asyncio's loop.sock_sendfile() and loop.sendfile(): os.sendfile() where
the loop and the file allow it, the read-and-write fallback otherwise,
CPython's argument checks and file positions."""

import asyncio
import os
import socket
import tempfile
import unittest
from asyncio import constants

DATA = bytes(range(256)) * 400      # 100 KiB


class Receiver(asyncio.Protocol):
    """Server side: collects what arrives until the peer closes."""

    def __init__(self, loop):
        self.data = bytearray()
        self.transport = None
        self.closed = loop.create_future()

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.data.extend(data)

    def connection_lost(self, exc):
        self.closed.set_result(None)


class SendfileTests(unittest.TestCase):

    def setUp(self):
        fd, self.path = tempfile.mkstemp()
        os.write(fd, DATA)
        os.close(fd)
        self.addCleanup(os.unlink, self.path)
        self.file = open(self.path, "rb")
        self.addCleanup(self.file.close)
        self.loop = asyncio.new_event_loop()
        self.addCleanup(self.loop.close)

    def run_loop(self, coro):
        return self.loop.run_until_complete(coro)

    def serve(self):
        """A listening server and its receiving protocol."""
        receiver = Receiver(self.loop)
        server = self.run_loop(self.loop.create_server(
            lambda: receiver, "127.0.0.1", 0))
        self.addCleanup(lambda: self.run_loop(server.wait_closed()))
        self.addCleanup(server.close)
        return server.sockets[0].getsockname(), receiver

    def connected_socket(self):
        addr, receiver = self.serve()
        sock = socket.socket()
        sock.setblocking(False)
        self.addCleanup(sock.close)
        self.run_loop(self.loop.sock_connect(sock, addr))
        return sock, receiver

    def finish(self, sock, receiver):
        sock.close()
        self.run_loop(receiver.closed)
        return bytes(receiver.data)

    def test_sock_sendfile_native_without_fallback(self):
        sock, receiver = self.connected_socket()
        sent = self.run_loop(self.loop.sock_sendfile(
            sock, self.file, 1000, 5000, fallback=False))
        self.assertEqual(sent, 5000)
        self.assertEqual(self.file.tell(), 6000)
        self.assertEqual(self.finish(sock, receiver), DATA[1000:6000])

    def test_sock_sendfile_falls_back_for_a_buffer(self):
        import io
        sock, receiver = self.connected_socket()
        buffer = io.BytesIO(DATA)
        with self.assertRaisesRegex(asyncio.SendfileNotAvailableError,
                                    "not a regular file"):
            self.run_loop(self.loop.sock_sendfile(sock, buffer,
                                                  fallback=False))
        sent = self.run_loop(self.loop.sock_sendfile(sock, buffer, 10))
        self.assertEqual((sent, buffer.tell()), (len(DATA) - 10, len(DATA)))
        self.assertEqual(self.finish(sock, receiver), DATA[10:])

    def test_sock_sendfile_argument_checks(self):
        sock, _ = self.connected_socket()
        cases = [
            (TypeError, "offset must be a non-negative integer",
             dict(offset="0")),
            (ValueError, "offset must be a non-negative integer",
             dict(offset=-1)),
            (TypeError, "count must be a positive integer", dict(count=1.5)),
            (ValueError, "count must be a positive integer", dict(count=0)),
        ]
        for error, message, kwargs in cases:
            with self.subTest(kwargs=kwargs):
                with self.assertRaisesRegex(error, message):
                    self.run_loop(self.loop.sock_sendfile(sock, self.file,
                                                          **kwargs))
        with open(self.path, encoding="latin-1") as text:
            with self.assertRaisesRegex(ValueError, "binary mode"):
                self.run_loop(self.loop.sock_sendfile(sock, text))
        with socket.socket(type=socket.SOCK_DGRAM) as udp:
            udp.setblocking(False)
            with self.assertRaisesRegex(ValueError, "only SOCK_STREAM"):
                self.run_loop(self.loop.sock_sendfile(udp, self.file))

    def test_transport_sendfile_native_then_write(self):
        addr, receiver = self.serve()
        transport, _ = self.run_loop(self.loop.create_connection(
            asyncio.Protocol, *addr))
        self.assertIs(transport._sendfile_compatible,
                      constants._SendfileMode.TRY_NATIVE)
        transport.write(b"head:")
        sent = self.run_loop(self.loop.sendfile(transport, self.file,
                                                count=3000, fallback=False))
        transport.write(b":tail")
        transport.close()
        self.run_loop(receiver.closed)
        self.assertEqual((sent, self.file.tell()), (3000, 3000))
        self.assertEqual(bytes(receiver.data), b"head:" + DATA[:3000] + b":tail")

    def test_transport_sendfile_fallback_restores_protocol(self):
        addr, receiver = self.serve()
        transport, proto = self.run_loop(self.loop.create_connection(
            asyncio.Protocol, *addr))

        async def fallback():
            return await self.loop._sendfile_fallback(transport, self.file,
                                                      7, None)

        sent = self.run_loop(fallback())
        self.assertIs(transport.get_protocol(), proto)
        self.assertTrue(transport.is_reading())
        transport.close()
        self.run_loop(receiver.closed)
        self.assertEqual((sent, self.file.tell()), (len(DATA) - 7, len(DATA)))
        self.assertEqual(bytes(receiver.data), DATA[7:])

    def test_transport_sendfile_unsupported(self):
        rfd, wfd = os.pipe()
        self.addCleanup(os.close, rfd)
        pipe = open(wfd, "wb", buffering=0)
        transport, _ = self.run_loop(self.loop.connect_write_pipe(
            asyncio.Protocol, pipe))
        self.addCleanup(self.run_loop, asyncio.sleep(0))
        self.addCleanup(transport.close)
        with self.assertRaisesRegex(RuntimeError,
                                    "sendfile is not supported for transport"):
            self.run_loop(self.loop.sendfile(transport, self.file))


if __name__ == "__main__":
    unittest.main()
