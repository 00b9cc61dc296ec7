"""TLS through the standard library, all on loopback: urllib.request and
http.client against an http.server whose socket is wrapped, smtplib's
SMTP_SSL and starttls against a small SMTP server, and asyncio's TLS
transports (create_server/open_connection with ssl=, start_tls)."""

import asyncio
import http.client
import http.server
import os
import smtplib
import socket
import ssl
import tempfile
import threading
import unittest
import urllib.error
import urllib.request

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                    "data", "ssl")


def data(name):
    return os.path.join(DATA, name)


def server_context():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(data("server.pem"), data("server.key"))
    return context


def client_context():
    return ssl.create_default_context(cafile=data("ca.pem"))


class Handler(http.server.BaseHTTPRequestHandler):

    def do_GET(self):
        body = b"secure " + self.path.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class HTTPSTests(unittest.TestCase):

    def setUp(self):
        self.httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.socket = server_context().wrap_socket(
            self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.05})
        self.thread.start()

    def tearDown(self):
        self.httpd.shutdown()
        self.thread.join(10)
        self.httpd.server_close()

    def test_urlopen_with_context(self):
        url = f"https://localhost:{self.port}/page"
        with urllib.request.urlopen(url, context=client_context(),
                                    timeout=10) as response:
            self.assertEqual(response.status, 200)
            self.assertEqual(response.read(), b"secure /page")

    def test_https_handler(self):
        opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=client_context()))
        with opener.open(f"https://127.0.0.1:{self.port}/x",
                         timeout=10) as response:
            self.assertEqual(response.read(), b"secure /x")

    def test_untrusted_server_is_refused(self):
        with self.assertRaises(urllib.error.URLError) as cm:
            urllib.request.urlopen(f"https://localhost:{self.port}/",
                                   timeout=10)
        self.assertIsInstance(cm.exception.reason,
                              ssl.SSLCertVerificationError)

    def test_http_client(self):
        conn = http.client.HTTPSConnection("localhost", self.port,
                                           context=client_context(),
                                           timeout=10)
        self.assertEqual(conn.default_port, 443)
        conn.request("GET", "/direct")
        response = conn.getresponse()
        self.assertEqual(response.read(), b"secure /direct")
        conn.close()

    def test_default_https_context_alpn(self):
        context = http.client._create_https_context(11)
        self.assertTrue(context.check_hostname)
        self.assertTrue(context.post_handshake_auth)


class FakeSMTPServer:
    """Speaks just enough SMTP for EHLO, STARTTLS, NOOP and QUIT, over
    TLS from the start when implicit_tls is true."""

    def __init__(self, implicit_tls):
        self.context = server_context()
        self.implicit_tls = implicit_tls
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.commands = []
        self.error = None
        self.thread = threading.Thread(target=self.serve)
        self.thread.start()

    def serve(self):
        try:
            conn, _ = self.listener.accept()
            conn.settimeout(10)
            if self.implicit_tls:
                conn = self.context.wrap_socket(conn, server_side=True)
            self.talk(conn)
        except Exception as exc:
            self.error = exc
        finally:
            self.listener.close()

    def talk(self, conn):
        tls = self.implicit_tls
        reader = conn.makefile("rb")
        conn.sendall(b"220 fake ESMTP\r\n")
        while True:
            line = reader.readline()
            if not line:
                break
            command = line.strip().decode().upper()
            self.commands.append((command.split()[0], tls))
            if command.startswith("EHLO"):
                extra = b"" if tls else b"250-STARTTLS\r\n"
                conn.sendall(b"250-fake\r\n" + extra + b"250 8BITMIME\r\n")
            elif command == "STARTTLS":
                conn.sendall(b"220 go ahead\r\n")
                reader.close()
                conn = self.context.wrap_socket(conn, server_side=True)
                reader = conn.makefile("rb")
                tls = True
            elif command == "QUIT":
                conn.sendall(b"221 bye\r\n")
                break
            else:
                conn.sendall(b"250 ok\r\n")
        reader.close()
        conn.close()


class SMTPTests(unittest.TestCase):

    def test_starttls(self):
        server = FakeSMTPServer(implicit_tls=False)
        with smtplib.SMTP("localhost", server.port, timeout=10) as client:
            client.ehlo()
            self.assertTrue(client.has_extn("starttls"))
            code, _ = client.starttls(context=client_context())
            self.assertEqual(code, 220)
            self.assertIsInstance(client.sock, ssl.SSLSocket)
            # What the server said before TLS is forgotten.
            self.assertFalse(client.has_extn("8bitmime"))
            client.ehlo()
            self.assertTrue(client.has_extn("8bitmime"))
            self.assertFalse(client.has_extn("starttls"))
            self.assertEqual(client.noop()[0], 250)
        server.thread.join(10)
        self.assertIsNone(server.error)
        self.assertEqual(server.commands,
                         [("EHLO", False), ("STARTTLS", False),
                          ("EHLO", True), ("NOOP", True), ("QUIT", True)])

    def test_smtp_ssl(self):
        server = FakeSMTPServer(implicit_tls=True)
        with smtplib.SMTP_SSL("localhost", server.port, timeout=10,
                              context=client_context()) as client:
            self.assertEqual(client.default_port, 465)
            self.assertEqual(client.noop()[0], 250)
            self.assertEqual(client.sock.version(), "TLSv1.3")
        server.thread.join(10)
        self.assertIsNone(server.error)
        self.assertEqual(server.commands, [("NOOP", True), ("QUIT", True)])


class AsyncioTLSTests(unittest.TestCase):

    def run_async(self, coro):
        return asyncio.run(asyncio.wait_for(coro, 20))

    def test_streams_echo(self):
        async def handle(reader, writer):
            line = await reader.readline()
            writer.write(line.upper())
            await writer.drain()
            writer.close()
            await writer.wait_closed()

        async def main():
            server = await asyncio.start_server(handle, "127.0.0.1", 0,
                                                ssl=server_context())
            port = server.sockets[0].getsockname()[1]
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, ssl=client_context(),
                server_hostname="localhost")
            peercert = writer.get_extra_info("peercert")
            ssl_object = writer.get_extra_info("ssl_object")
            writer.write(b"async tls\n")
            await writer.drain()
            line = await reader.readline()
            rest = await reader.read()
            writer.close()
            await writer.wait_closed()
            server.close()
            await server.wait_closed()
            return peercert, ssl_object.version(), line, rest

        peercert, version, line, rest = self.run_async(main())
        self.assertEqual(peercert["subject"][-1],
                         (("commonName", "localhost"),))
        self.assertEqual(version, "TLSv1.3")
        self.assertEqual(line, b"ASYNC TLS\n")
        self.assertEqual(rest, b"")

    def test_verification_failure(self):
        async def handle(reader, writer):
            writer.close()

        async def main():
            server = await asyncio.start_server(handle, "127.0.0.1", 0,
                                                ssl=server_context())
            port = server.sockets[0].getsockname()[1]
            try:
                await asyncio.open_connection(
                    "127.0.0.1", port, ssl=client_context(),
                    server_hostname="other.test")
            finally:
                server.close()
                await server.wait_closed()

        with self.assertRaises(ssl.SSLCertVerificationError) as cm:
            self.run_async(main())
        self.assertEqual(cm.exception.verify_message,
                         "Hostname mismatch, certificate is not valid for "
                         "'other.test'.")

    def test_start_tls(self):
        async def handle(reader, writer):
            await reader.readline()
            writer.write(b"ready\n")
            await writer.drain()
            await writer.start_tls(server_context())
            line = await reader.readline()
            writer.write(b"tls:" + line)
            await writer.drain()
            writer.close()

        async def main():
            server = await asyncio.start_server(handle, "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            self.assertIsNone(writer.get_extra_info("sslcontext"))
            writer.write(b"STARTTLS\n")
            await writer.drain()
            first = await reader.readline()
            await writer.start_tls(client_context(),
                                   server_hostname="localhost")
            self.assertIsNotNone(writer.get_extra_info("ssl_object"))
            writer.write(b"secret\n")
            await writer.drain()
            second = await reader.readline()
            writer.close()
            await writer.wait_closed()
            server.close()
            await server.wait_closed()
            return first, second

        self.assertEqual(self.run_async(main()), (b"ready\n", b"tls:secret\n"))

    def test_unix_socket(self):
        async def handle(reader, writer):
            writer.write(await reader.readline())
            await writer.drain()
            writer.close()

        async def main(path):
            server = await asyncio.start_unix_server(handle, path,
                                                     ssl=server_context())
            reader, writer = await asyncio.open_unix_connection(
                path, ssl=client_context(), server_hostname="localhost")
            writer.write(b"over a unix socket\n")
            line = await reader.readline()
            writer.close()
            await writer.wait_closed()
            server.close()
            await server.wait_closed()
            return line

        with tempfile.TemporaryDirectory() as tmp:
            line = self.run_async(main(os.path.join(tmp, "tls.sock")))
        self.assertEqual(line, b"over a unix socket\n")

    def test_ssl_argument_checks(self):
        async def main():
            loop = asyncio.get_running_loop()
            with self.assertRaisesRegex(TypeError, "SSLContext or None"):
                await loop.create_server(asyncio.Protocol, "127.0.0.1", 0,
                                         ssl=True)
            with self.assertRaisesRegex(ValueError, "only meaningful"):
                await loop.create_connection(asyncio.Protocol, "127.0.0.1",
                                             1, server_hostname="x")
            with self.assertRaisesRegex(TypeError, "sslcontext is expected"):
                await loop.start_tls(None, None, object())

        self.run_async(main())


if __name__ == "__main__":
    unittest.main()
