"""http.client against canned raw responses on loopback: chunked bodies
with extensions and trailers, interim 100 responses, bodies ended by
close, truncation, malformed status lines, timeouts, CONNECT tunnels."""

import http.client
import socket
import threading
import unittest


class RawServer:
    """Accept connections on loopback; for each, read the request head
    (and store it), then send the next canned reply and close (or keep
    the socket silent when the reply is None)."""

    def __init__(self, replies):
        self.replies = list(replies)
        self.requests = []
        self.sock = socket.create_server(('127.0.0.1', 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _read_head(self, conn):
        data = b''
        while b'\r\n\r\n' not in data:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
        return data

    def _serve(self):
        for reply in self.replies:
            conn, _ = self.sock.accept()
            with conn:
                if isinstance(reply, list):
                    # A tunnel: each element answers one request head.
                    for part in reply:
                        self.requests.append(self._read_head(conn))
                        conn.sendall(part)
                    continue
                self.requests.append(self._read_head(conn))
                if reply is None:
                    conn.recv(1)
                    continue
                conn.sendall(reply)

    def close(self):
        self.thread.join(10)
        self.sock.close()


def fetch(server, method='GET', url='/', **kw):
    conn = http.client.HTTPConnection('127.0.0.1', server.port, timeout=5,
                                      **kw)
    conn.request(method, url)
    return conn, conn.getresponse()


class ResponseTest(unittest.TestCase):

    def run_one(self, reply, method='GET'):
        server = RawServer([reply])
        try:
            conn, resp = fetch(server, method)
            return conn, resp, server
        finally:
            server.close()

    def test_chunked_with_extensions_and_trailers(self):
        conn, resp, _ = self.run_one(
            b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
            b'5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n')
        self.assertTrue(resp.chunked)
        self.assertEqual(resp.read(), b'hello, world')
        self.assertTrue(resp.isclosed())
        conn.close()

    def test_interim_continue_skipped(self):
        conn, resp, _ = self.run_one(
            b'HTTP/1.1 100 Continue\r\nX-A: 1\r\n\r\n'
            b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')
        self.assertEqual((resp.status, resp.read()), (200, b'ok'))
        self.assertIsNone(resp.getheader('X-A'))
        conn.close()

    def test_http10_body_until_close(self):
        conn, resp, _ = self.run_one(b'HTTP/1.0 200 OK\r\n\r\nall of it')
        self.assertEqual(resp.version, 10)
        self.assertTrue(resp.will_close)
        self.assertEqual(resp.read(), b'all of it')
        conn.close()

    def test_incomplete_read(self):
        conn, resp, _ = self.run_one(
            b'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')
        with self.assertRaises(http.client.IncompleteRead) as cm:
            resp.read()
        self.assertEqual(cm.exception.partial, b'abc')
        self.assertEqual(cm.exception.expected, 7)
        self.assertEqual(repr(cm.exception),
                         'IncompleteRead(3 bytes read, 7 more expected)')
        conn.close()

    def test_bad_chunk_size(self):
        conn, resp, _ = self.run_one(
            b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')
        with self.assertRaises(http.client.IncompleteRead):
            resp.read()
        conn.close()

    def test_bad_status_line(self):
        server = RawServer([b'garbage\r\n\r\n'])
        try:
            conn = http.client.HTTPConnection('127.0.0.1', server.port,
                                              timeout=5)
            conn.request('GET', '/')
            with self.assertRaises(http.client.BadStatusLine) as cm:
                conn.getresponse()
            self.assertEqual(cm.exception.line, 'garbage\r\n')
            conn.close()
        finally:
            server.close()

    def test_remote_disconnected(self):
        server = RawServer([b''])
        try:
            conn = http.client.HTTPConnection('127.0.0.1', server.port,
                                              timeout=5)
            conn.request('GET', '/')
            with self.assertRaises(http.client.RemoteDisconnected) as cm:
                conn.getresponse()
            self.assertIsInstance(cm.exception, ConnectionResetError)
            self.assertEqual(str(cm.exception),
                             'Remote end closed connection without response')
        finally:
            server.close()

    def test_header_line_too_long(self):
        conn, resp, _ = None, None, None
        server = RawServer([b'HTTP/1.1 200 OK\r\nX: ' + b'a' * 70000 +
                            b'\r\n\r\n'])
        try:
            conn = http.client.HTTPConnection('127.0.0.1', server.port,
                                              timeout=5)
            conn.request('GET', '/')
            with self.assertRaises(http.client.LineTooLong):
                conn.getresponse()
            conn.close()
        finally:
            server.close()

    def test_head_has_no_body(self):
        conn, resp, server = self.run_one(
            b'HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n', method='HEAD')
        self.assertEqual(resp.read(), b'')
        self.assertTrue(server.requests[0].startswith(b'HEAD / HTTP/1.1\r\n'))
        conn.close()

    def test_request_head(self):
        conn, resp, server = self.run_one(
            b'HTTP/1.1 204 No Content\r\n\r\n')
        head = server.requests[0].decode()
        self.assertIn('Host: 127.0.0.1:%d\r\n' % server.port, head)
        self.assertIn('Accept-Encoding: identity\r\n', head)
        self.assertEqual(resp.read(), b'')
        conn.close()


class ConnectionTest(unittest.TestCase):

    def test_timeout(self):
        server = RawServer([None])
        try:
            conn = http.client.HTTPConnection('127.0.0.1', server.port,
                                              timeout=0.2)
            conn.request('GET', '/')
            with self.assertRaises(TimeoutError):
                conn.getresponse()
            conn.close()
        finally:
            server.close()

    def test_tunnel(self):
        server = RawServer([[
            b'HTTP/1.1 200 Connection established\r\nX-Proxy: p\r\n\r\n',
            b'HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\ninside',
        ]])
        try:
            conn = http.client.HTTPConnection('127.0.0.1', server.port,
                                              timeout=5)
            conn.set_tunnel('target.example', 8080,
                            headers={'Proxy-Authorization': 'Basic eA=='})
            conn.request('GET', '/page')
            resp = conn.getresponse()
            self.assertEqual(resp.read(), b'inside')
            self.assertEqual(conn.get_proxy_response_headers()['X-Proxy'],
                             'p')
            conn.close()
        finally:
            server.close()
        connect, request = (r.decode() for r in server.requests)
        self.assertTrue(connect.startswith(
            'CONNECT target.example:8080 HTTP/1.1\r\n'))
        self.assertIn('Proxy-Authorization: Basic eA==\r\n', connect)
        self.assertIn('Host: target.example:8080\r\n', connect)
        self.assertTrue(request.startswith('GET /page HTTP/1.1\r\n'))
        self.assertIn('Host: target.example:8080\r\n', request)

    def test_tunnel_refused(self):
        server = RawServer([[b'HTTP/1.1 407 Proxy Authentication Required'
                             b'\r\n\r\n']])
        try:
            conn = http.client.HTTPConnection('127.0.0.1', server.port,
                                              timeout=5)
            conn.set_tunnel('target.example')
            with self.assertRaises(OSError) as cm:
                conn.request('GET', '/')
            self.assertEqual(str(cm.exception), 'Tunnel connection failed: '
                             '407 Proxy Authentication Required')
        finally:
            server.close()

    def test_state_errors(self):
        conn = http.client.HTTPConnection('127.0.0.1', 9)
        with self.assertRaises(http.client.ResponseNotReady):
            conn.getresponse()
        with self.assertRaises(http.client.CannotSendHeader):
            conn.putheader('X', 'y')
        with self.assertRaises(http.client.InvalidURL):
            http.client.HTTPConnection('host:port')
        self.assertEqual(http.client.HTTPConnection('h:81').port, 81)
        self.assertEqual(http.client.HTTPConnection('[::1]:82').host, '::1')
        conn.putrequest('GET', '/')
        with self.assertRaises(ValueError):
            conn.putheader('Bad Name:', 'x')
        with self.assertRaises(ValueError):
            conn.putheader('X', 'a\r\nInjected: 1')
        with self.assertRaises(http.client.CannotSendRequest):
            conn.putrequest('GET', '/again')

    def test_constants(self):
        self.assertEqual(http.client.responses[404], 'Not Found')
        self.assertEqual(http.client.NOT_FOUND, 404)
        self.assertIs(http.client.error, http.client.HTTPException)


if __name__ == '__main__':
    unittest.main()
