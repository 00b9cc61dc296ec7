"""A small WSGI server on http.server, for development and tests.

make_server(host, port, app) returns a WSGIServer that serves app one
request at a time.  Not meant for production use.
"""

import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from platform import python_implementation

from .handlers import SimpleHandler

__version__ = "0.2"
__all__ = ["WSGIServer", "WSGIRequestHandler", "demo_app", "make_server"]

server_version = "WSGIServer/" + __version__
sys_version = python_implementation() + "/" + sys.version.split()[0]
software_version = server_version + " " + sys_version


class ServerHandler(SimpleHandler):

    server_software = software_version

    def close(self):
        try:
            self.request_handler.log_request(self.status.split(" ", 1)[0],
                                             self.bytes_sent)
        finally:
            SimpleHandler.close(self)


class WSGIServer(HTTPServer):
    """An HTTP server that calls one WSGI application."""

    application = None

    def server_bind(self):
        HTTPServer.server_bind(self)
        self.setup_environ()

    def setup_environ(self):
        """The environ entries shared by every request."""
        self.base_environ = {
            "SERVER_NAME": self.server_name,
            "GATEWAY_INTERFACE": "CGI/1.1",
            "SERVER_PORT": str(self.server_port),
            "REMOTE_HOST": "",
            "CONTENT_LENGTH": "",
            "SCRIPT_NAME": "",
        }

    def get_app(self):
        return self.application

    def set_app(self, application):
        self.application = application


class WSGIRequestHandler(BaseHTTPRequestHandler):

    server_version = "WSGIServer/" + __version__

    def get_environ(self):
        """The request's CGI variables on top of the server's."""
        environ = self.server.base_environ.copy()
        environ["SERVER_PROTOCOL"] = self.request_version
        environ["SERVER_SOFTWARE"] = self.server_version
        environ["REQUEST_METHOD"] = self.command
        path, _, query = self.path.partition("?")
        environ["PATH_INFO"] = urllib.parse.unquote(path, "iso-8859-1")
        environ["QUERY_STRING"] = query
        host = self.address_string()
        if host != self.client_address[0]:
            environ["REMOTE_HOST"] = host
        environ["REMOTE_ADDR"] = self.client_address[0]
        content_type = self.headers.get("content-type")
        environ["CONTENT_TYPE"] = (self.headers.get_content_type()
                                   if content_type is None else content_type)
        length = self.headers.get("content-length")
        if length:
            environ["CONTENT_LENGTH"] = length
        for name, value in self.headers.items():
            key = name.replace("-", "_").upper()
            value = value.strip()
            if key in environ:
                continue  # CONTENT_TYPE and CONTENT_LENGTH are done
            key = "HTTP_" + key
            if key in environ:
                environ[key] += "," + value
            else:
                environ[key] = value
        return environ

    def get_stderr(self):
        return sys.stderr

    def handle(self):
        """Read one request and run the application on it."""
        self.raw_requestline = self.rfile.readline(65537)
        if len(self.raw_requestline) > 65536:
            self.requestline = ""
            self.request_version = ""
            self.command = ""
            self.send_error(414)
            return
        if not self.parse_request():
            return
        handler = ServerHandler(self.rfile, self.wfile, self.get_stderr(),
                                self.get_environ(), multithread=False)
        handler.request_handler = self
        handler.run(self.server.get_app())


def demo_app(environ, start_response):
    """A WSGI application that prints "Hello world!" and the environ."""
    lines = ["Hello world!", ""]
    lines += ["%s = %r" % item for item in sorted(environ.items())]
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [("\n".join(lines) + "\n").encode("utf-8")]


def make_server(host, port, app, server_class=WSGIServer,
                handler_class=WSGIRequestHandler):
    """A server for app listening on (host, port)."""
    server = server_class((host, port), handler_class)
    server.set_app(app)
    return server


if __name__ == "__main__":
    with make_server("", 8000, demo_app) as httpd:
        address = httpd.socket.getsockname()
        print("Serving HTTP on", address[0], "port", address[1], "...")
        import webbrowser
        webbrowser.open("http://localhost:8000/xyz?abc")
        httpd.handle_request()
