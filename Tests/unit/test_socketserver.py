"""socketserver: TCP, UDP and Unix servers, synchronous, threading and
forking, served from a thread and shut down cleanly."""

import os
import shutil
import socket
import socketserver
import tempfile
import threading
import unittest


class EchoHandler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline()
        self.wfile.write(b"echo:" + line)


class DatagramEcho(socketserver.DatagramRequestHandler):
    def handle(self):
        self.wfile.write(b"got:" + self.rfile.read())


def serve_in_thread(test, server):
    thread = threading.Thread(target=server.serve_forever,
                              kwargs={"poll_interval": 0.05})
    thread.start()

    def stop():
        server.shutdown()
        thread.join()
        server.server_close()
    test.addCleanup(stop)


def stream_round_trip(family, address, message):
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(10)
        s.connect(address)
        s.sendall(message + b"\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(100)
            if not chunk:
                break
            data += chunk
        return data


class Servers(unittest.TestCase):

    def check_tcp(self, server_class):
        server = server_class(("127.0.0.1", 0), EchoHandler)
        serve_in_thread(self, server)
        for i in range(3):
            self.assertEqual(stream_round_trip(socket.AF_INET,
                                               server.server_address,
                                               b"hi%d" % i),
                             b"echo:hi%d\n" % i)

    def test_tcp(self):
        self.check_tcp(socketserver.TCPServer)

    def test_threading_tcp(self):
        self.check_tcp(socketserver.ThreadingTCPServer)

    def test_forking_tcp(self):
        self.check_tcp(socketserver.ForkingTCPServer)

    def test_udp(self):
        for server_class in (socketserver.UDPServer,
                             socketserver.ThreadingUDPServer):
            server = server_class(("127.0.0.1", 0), DatagramEcho)
            serve_in_thread(self, server)
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.settimeout(10)
                s.sendto(b"ping", server.server_address)
                self.assertEqual(s.recvfrom(100)[0], b"got:ping")

    def test_unix_stream(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        path = os.path.join(directory, "sock")
        server = socketserver.ThreadingUnixStreamServer(path, EchoHandler)
        serve_in_thread(self, server)
        self.assertEqual(stream_round_trip(socket.AF_UNIX, path, b"unix"),
                         b"echo:unix\n")

    def test_handle_request_timeout_and_context_manager(self):
        timeouts = []

        class Server(socketserver.TCPServer):
            timeout = 0.05

            def handle_timeout(self):
                timeouts.append(True)

        with Server(("127.0.0.1", 0), EchoHandler) as server:
            server.handle_request()
        self.assertEqual(timeouts, [True])
        self.assertEqual(server.socket.fileno(), -1)

    def test_errors_go_to_handle_error(self):
        errors = []

        class Failing(socketserver.BaseRequestHandler):
            def handle(self):
                raise ValueError("boom")

        class Server(socketserver.TCPServer):
            def handle_error(self, request, client_address):
                errors.append(client_address)

        server = Server(("127.0.0.1", 0), Failing)
        serve_in_thread(self, server)
        with socket.create_connection(server.server_address, timeout=10) as s:
            self.assertEqual(s.recv(10), b"")
        self.assertEqual(len(errors), 1)

    def test_bind_failure_closes_socket(self):
        with socketserver.TCPServer(("127.0.0.1", 0), EchoHandler) as first:
            with self.assertRaises(OSError):
                socketserver.TCPServer(first.server_address, EchoHandler)

    def test_no_bind(self):
        server = socketserver.TCPServer(("127.0.0.1", 0), EchoHandler,
                                        bind_and_activate=False)
        server.allow_reuse_address = True
        server.server_bind()
        server.server_activate()
        self.assertNotEqual(server.server_address[1], 0)
        server.server_close()


if __name__ == "__main__":
    unittest.main()
