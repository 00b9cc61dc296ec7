"""wsgiref: util, headers, handlers, validate and the simple server."""

import io
import threading
import unittest
import urllib.request
import warnings

from wsgiref import util
from wsgiref.handlers import BaseCGIHandler, SimpleHandler, format_date_time
from wsgiref.headers import Headers
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from wsgiref.validate import WSGIWarning, validator


def hello_app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello ", environ["PATH_INFO"].encode("latin-1")]


def environ_for(**extra):
    environ = {}
    util.setup_testing_defaults(environ)
    environ.update(extra)
    return environ


class UtilTest(unittest.TestCase):

    def test_testing_defaults(self):
        environ = environ_for()
        self.assertEqual(environ["SERVER_NAME"], "127.0.0.1")
        self.assertEqual(environ["SERVER_PORT"], "80")
        self.assertEqual(environ["PATH_INFO"], "/")
        self.assertEqual(environ["wsgi.url_scheme"], "http")
        self.assertEqual(environ["wsgi.version"], (1, 0))
        https = {"HTTPS": "on"}
        util.setup_testing_defaults(https)
        self.assertEqual((https["wsgi.url_scheme"], https["SERVER_PORT"]),
                         ("https", "443"))

    def test_uris(self):
        environ = {"wsgi.url_scheme": "http", "SERVER_NAME": "example.com",
                   "SERVER_PORT": "8080", "SCRIPT_NAME": "/app",
                   "PATH_INFO": "/a b", "QUERY_STRING": "x=1"}
        self.assertEqual(util.application_uri(environ),
                         "http://example.com:8080/app")
        self.assertEqual(util.request_uri(environ),
                         "http://example.com:8080/app/a%20b?x=1")
        self.assertEqual(util.request_uri(environ, include_query=False),
                         "http://example.com:8080/app/a%20b")
        environ.update(HTTP_HOST="host:1", SCRIPT_NAME="")
        self.assertEqual(util.request_uri(environ), "http://host:1/a%20b?x=1")

    def test_shift_path_info(self):
        environ = {"SCRIPT_NAME": "/base", "PATH_INFO": "/a/./b//c"}
        self.assertEqual(util.shift_path_info(environ), "a")
        self.assertEqual((environ["SCRIPT_NAME"], environ["PATH_INFO"]),
                         ("/base/a", "/b/c"))
        environ = {"SCRIPT_NAME": "/x", "PATH_INFO": "/"}
        self.assertEqual(util.shift_path_info(environ), "")
        self.assertEqual((environ["SCRIPT_NAME"], environ["PATH_INFO"]),
                         ("/x/", ""))
        self.assertIsNone(util.shift_path_info(environ))

    def test_hop_by_hop_and_file_wrapper(self):
        self.assertTrue(util.is_hop_by_hop("Keep-Alive"))
        self.assertFalse(util.is_hop_by_hop("Content-Type"))
        wrapper = util.FileWrapper(io.BytesIO(b"abcdefg"), 3)
        self.assertEqual(list(wrapper), [b"abc", b"def", b"g"])
        self.assertTrue(callable(wrapper.close))


class HeadersTest(unittest.TestCase):

    def test_mapping_behaviour(self):
        headers = Headers([("Content-Type", "text/plain")])
        headers["X-One"] = "1"
        headers.add_header("Set-Cookie", "a=1")
        headers.add_header("Set-Cookie", "b=2")
        self.assertEqual(headers["content-type"], "text/plain")
        self.assertEqual(headers.get_all("set-cookie"), ["a=1", "b=2"])
        self.assertIsNone(headers["missing"])
        self.assertIn("x-one", headers)
        del headers["SET-COOKIE"]
        self.assertEqual(headers.keys(), ["Content-Type", "X-One"])
        self.assertEqual(headers.setdefault("X-One", "9"), "1")
        self.assertEqual(headers.setdefault("X-Two", "2"), "2")
        self.assertEqual(len(headers), 3)
        self.assertEqual(str(headers),
                         "Content-Type: text/plain\r\nX-One: 1\r\nX-Two: 2\r\n\r\n")
        self.assertEqual(bytes(headers), str(headers).encode("latin-1"))

    def test_add_header_parameters(self):
        headers = Headers()
        headers.add_header("Content-Disposition", "attachment",
                           filename="a b.txt", size_hint="3", inline=None)
        self.assertEqual(headers["Content-Disposition"],
                         'attachment; filename="a b.txt"; size-hint="3"; inline')

    def test_type_checks(self):
        with self.assertRaises(TypeError):
            Headers((("a", "b"),))
        with self.assertRaises(AssertionError):
            Headers([("a", b"b")])


class HandlerTest(unittest.TestCase):

    def run_app(self, app, handler_class=SimpleHandler, **environ):
        out, err = io.BytesIO(), io.StringIO()
        handler = handler_class(io.BytesIO(), out, err, environ_for(**environ))
        handler.run(app)
        return out.getvalue(), err.getvalue()

    def test_simple_response(self):
        out, _ = self.run_app(hello_app, PATH_INFO="/x")
        head, _, body = out.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        self.assertEqual(lines[0], b"HTTP/1.0 200 OK")
        self.assertTrue(lines[1].startswith(b"Date: "))
        self.assertIn(b"Content-Type: text/plain", lines)
        self.assertEqual(body, b"hello /x")

    def test_single_block_gets_content_length(self):
        def app(environ, start_response):
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"12345"]
        out, _ = self.run_app(app)
        self.assertIn(b"Content-Length: 5\r\n", out)

    def test_cgi_handler_sends_status_header(self):
        out, _ = self.run_app(hello_app, BaseCGIHandler)
        self.assertTrue(out.startswith(b"Status: 200 OK\r\n"))

    def test_error_becomes_500(self):
        def broken(environ, start_response):
            raise ValueError("boom")
        out, err = self.run_app(broken)
        self.assertTrue(out.startswith(b"HTTP/1.0 500 Internal Server Error\r\n"))
        self.assertTrue(out.endswith(b"A server error occurred.  "
                                     b"Please contact the administrator."))
        self.assertIn("ValueError: boom", err)

    def test_hop_by_hop_header_rejected(self):
        def app(environ, start_response):
            start_response("200 OK", [("Connection", "close")])
            return [b""]
        out, err = self.run_app(app)
        self.assertIn("Hop-by-hop header, 'Connection: close', not allowed", err)

    def test_bad_status(self):
        def app(environ, start_response):
            start_response("20 OK", [])
            return []
        _, err = self.run_app(app)
        self.assertIn("Status message must begin w/3-digit code", err)

    def test_format_date_time(self):
        self.assertEqual(format_date_time(784111777),
                         "Sun, 06 Nov 1994 08:49:37 GMT")


class ValidatorTest(unittest.TestCase):

    def call(self, app, **environ):
        environ = environ_for(QUERY_STRING="", **environ)
        statuses = []

        def start_response(status, headers, exc_info=None):
            statuses.append(status)
            return lambda data: None

        result = validator(app)(environ, start_response)
        try:
            return b"".join(result), statuses
        finally:
            result.close()

    def test_good_application(self):
        self.assertEqual(self.call(hello_app), (b"hello /", ["200 OK"]))

    def test_missing_content_type(self):
        def app(environ, start_response):
            start_response("200 OK", [])
            return [b""]
        with self.assertRaisesRegex(AssertionError, "No Content-Type header"):
            self.call(app)

    def test_string_body_rejected(self):
        def app(environ, start_response):
            start_response("200 OK", [("Content-Type", "text/plain")])
            return "text"
        with self.assertRaisesRegex(AssertionError, "should not return a string"):
            self.call(app)

    def test_unknown_method_warns(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            self.call(hello_app, REQUEST_METHOD="BREW")
        self.assertTrue(any(issubclass(w.category, WSGIWarning) for w in caught))

    def test_input_close_forbidden(self):
        def app(environ, start_response):
            environ["wsgi.input"].close()
        with self.assertRaisesRegex(AssertionError, "must not be called"):
            self.call(app)


class QuietHandler(WSGIRequestHandler):

    def log_message(self, format, *args):
        pass


class SimpleServerTest(unittest.TestCase):

    def test_round_trip(self):
        seen = {}

        def app(environ, start_response):
            seen.update(environ)
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [environ["QUERY_STRING"].encode()]

        with make_server("127.0.0.1", 0, app, WSGIServer, QuietHandler) as server:
            thread = threading.Thread(target=server.handle_request)
            thread.start()
            url = "http://127.0.0.1:%d/p%%20q?a=1" % server.server_port
            request = urllib.request.Request(url, headers={"X-Test": "yes"})
            with urllib.request.urlopen(request, timeout=5) as response:
                body = response.read()
                server_header = response.headers["Server"]
            thread.join(5)
        self.assertEqual(body, b"a=1")
        self.assertEqual(seen["PATH_INFO"], "/p q")
        self.assertEqual(seen["HTTP_X_TEST"], "yes")
        self.assertEqual(seen["REQUEST_METHOD"], "GET")
        self.assertRegex(server_header, r"^WSGIServer/0\.2 \w+/3\.\d+")


if __name__ == "__main__":
    unittest.main()
