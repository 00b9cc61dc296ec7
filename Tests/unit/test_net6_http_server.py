"""http.server over raw sockets: request-line errors, unsupported
methods, keep-alive, conditional GET, path handling and listings."""

import email.utils
import http.server
import os
import shutil
import socket
import tempfile
import threading
import unittest


class Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass


class ServerTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp()
        os.mkdir(os.path.join(cls.root, 'dir'))
        with open(os.path.join(cls.root, 'a.txt'), 'w') as f:
            f.write('alpha\n')
        with open(os.path.join(cls.root, 'dir', 'index.html'), 'w') as f:
            f.write('<p>index</p>\n')
        with open(os.path.join(cls.root, 'x&y <z>.bin'), 'wb') as f:
            f.write(b'\x00')
        root = cls.root

        class Handler(Quiet):
            def __init__(self, *args, **kw):
                super().__init__(*args, directory=root, **kw)

        cls.server = http.server.ThreadingHTTPServer(('127.0.0.1', 0),
                                                     Handler)
        cls.thread = threading.Thread(target=cls.server.serve_forever, args=(0.05,))
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.thread.join()
        cls.server.server_close()
        shutil.rmtree(cls.root)

    def exchange(self, raw, read_all=True):
        with socket.create_connection(self.server.server_address,
                                      timeout=5) as s:
            s.sendall(raw)
            if not read_all:
                return s.recv(65536)
            data = b''
            while chunk := s.recv(65536):
                data += chunk
            return data

    def status_line(self, raw):
        return self.exchange(raw).split(b'\r\n', 1)[0]

    def test_request_line_errors(self):
        # The version is unknown, so the reply is HTTP/0.9 style: no
        # status line or headers, only the error page.
        data = self.exchange(b'GET / HTTP/x.y\r\n\r\n')
        self.assertTrue(data.startswith(b'<!DOCTYPE HTML>'))
        self.assertIn(b'Error code: 400', data)
        data = self.exchange(b'GET / HTTP/2.0\r\n\r\n')
        self.assertTrue(data.startswith(b'<!DOCTYPE HTML>'))
        self.assertIn(b'Error code: 505', data)
        self.assertIn(b'Message: Invalid HTTP version (2.0).', data)
        self.assertEqual(
            self.status_line(b'GET / extra HTTP/1.1\r\n\r\n'),
            b"HTTP/1.1 400 Bad request syntax ('GET / extra HTTP/1.1')")
        self.assertEqual(self.status_line(b'BREW /pot HTTP/1.1\r\n\r\n'),
                         b"HTTP/1.1 501 Unsupported method ('BREW')")
        self.assertEqual(self.status_line(b'GET /' + b'a' * 70000 +
                                          b' HTTP/1.1\r\n\r\n'),
                         b'HTTP/1.1 414 URI Too Long')

    def test_error_body(self):
        data = self.exchange(b'GET /none HTTP/1.1\r\nHost: x\r\n\r\n')
        head, body = data.split(b'\r\n\r\n', 1)
        self.assertIn(b'Content-Type: text/html;charset=utf-8', head)
        self.assertIn(b'Connection: close', head)
        self.assertIn(b'<p>Error code: 404</p>', body)
        self.assertIn(b'<p>Message: File not found.</p>', body)

    def test_keep_alive(self):
        two = (b'GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n'
               b'GET /a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
        data = self.exchange(two)
        self.assertEqual(data.count(b'HTTP/1.1 200 OK'), 2)
        self.assertEqual(data.count(b'alpha\n'), 2)

    def test_conditional_get(self):
        mtime = os.stat(os.path.join(self.root, 'a.txt')).st_mtime
        later = email.utils.formatdate(mtime + 60, usegmt=True)
        earlier = email.utils.formatdate(mtime - 60, usegmt=True)
        req = ('GET /a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n'
               'If-Modified-Since: %s\r\n\r\n')
        self.assertEqual(self.status_line((req % later).encode()),
                         b'HTTP/1.1 304 Not Modified')
        self.assertEqual(self.status_line((req % earlier).encode()),
                         b'HTTP/1.1 200 OK')

    def test_paths(self):
        close = b' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'
        data = self.exchange(b'GET /../../a.txt' + close)
        self.assertTrue(data.endswith(b'alpha\n'))
        data = self.exchange(b'GET /dir?q=1' + close)
        self.assertIn(b'Location: /dir/?q=1\r\n', data)
        data = self.exchange(b'GET /dir/' + close)
        self.assertTrue(data.endswith(b'<p>index</p>\n'))
        data = self.exchange(b'GET /a.txt/' + close)
        self.assertTrue(data.startswith(b'HTTP/1.1 404'))
        listing = self.exchange(b'GET /' + close)
        self.assertIn(b'<a href="x%26y%20%3Cz%3E.bin">x&amp;y &lt;z&gt;.bin'
                      b'</a>', listing)
        self.assertIn(b'<title>Directory listing for /</title>', listing)
        head = self.exchange(b'HEAD /a.txt' + close)
        self.assertIn(b'Content-Length: 6\r\n', head)
        self.assertTrue(head.endswith(b'\r\n\r\n'))

    def test_handler_helpers(self):
        handler = Quiet.__new__(Quiet)
        handler.directory = '/srv'
        self.assertEqual(handler.translate_path('/a/../b/%7Ec?x#y'),
                         '/srv/b/~c')
        self.assertEqual(handler.translate_path('/d/'), '/srv/d/')
        self.assertEqual(handler.guess_type('f.tar.gz'), 'application/gzip')
        self.assertEqual(handler.guess_type('f.HTML'), 'text/html')
        self.assertEqual(handler.guess_type('f.unknownext'),
                         'application/octet-stream')
        self.assertEqual(handler.date_time_string(0),
                         'Thu, 01 Jan 1970 00:00:00 GMT')


if __name__ == '__main__':
    unittest.main()
