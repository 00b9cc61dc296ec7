"""Base classes for WSGI servers and gateways.

BaseHandler runs one application for one request: it builds the environ,
calls the application, checks and sends the status and headers, writes
the body, and turns an exception into a 500 response.  Subclasses say
where the input, output and CGI variables come from: SimpleHandler (given
streams), BaseCGIHandler (a CGI-like gateway, not an origin server),
CGIHandler (a real CGI script) and IISCGIHandler (IIS's CGI).
"""

import os
import sys
import time

from .headers import Headers
from .util import FileWrapper, guess_scheme, is_hop_by_hop

__all__ = [
    'BaseHandler', 'SimpleHandler', 'BaseCGIHandler', 'CGIHandler',
    'IISCGIHandler', 'read_environ'
]

_weekdayname = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_monthname = [None,
              "Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def format_date_time(timestamp):
    """An HTTP date: 'Sun, 06 Nov 1994 08:49:37 GMT'."""
    year, month, day, hh, mm, ss, wd, _, _ = time.gmtime(timestamp)
    return "%s, %02d %3s %4d %02d:%02d:%02d GMT" % (
        _weekdayname[wd], day, _monthname[month], year, hh, mm, ss)


_request_variables = frozenset({
    'SCRIPT_NAME', 'PATH_INFO', 'QUERY_STRING', 'REQUEST_METHOD',
    'AUTH_TYPE', 'CONTENT_TYPE', 'CONTENT_LENGTH', 'HTTPS', 'REMOTE_USER',
    'REMOTE_IDENT',
})


def _needs_transcode(k):
    return (k in _request_variables or k.startswith('HTTP_')
            or k.startswith('SSL_')
            or (k.startswith('REDIRECT_') and _needs_transcode(k[9:])))


def read_environ():
    """os.environ for a CGI gateway, with the variables that come from
    the HTTP request turned back into the latin-1 'bytes as str' WSGI
    wants (os.environ decoded them with the file-system encoding)."""
    enc = sys.getfilesystemencoding()
    esc = 'surrogateescape'
    environ = {}
    for k, v in os.environ.items():
        if _needs_transcode(k):
            v = v.encode(enc, esc).decode('iso-8859-1')
        environ[k] = v
    return environ


class BaseHandler:
    """Run a WSGI application for one request (see the module doc)."""

    # What the environ says about this server.
    wsgi_version = (1, 0)
    wsgi_multithread = True
    wsgi_multiprocess = True
    wsgi_run_once = False

    origin_server = True        # talking to the client directly
    http_version = "1.0"
    server_software = None      # the Server header, if any

    # The environment every request starts from.
    os_environ = read_environ()

    wsgi_file_wrapper = FileWrapper     # None: no wsgi.file_wrapper
    headers_class = Headers

    traceback_limit = None      # frames of an error's traceback logged
    error_status = "500 Internal Server Error"
    error_headers = [('Content-Type', 'text/plain')]
    error_body = b"A server error occurred.  Please contact the administrator."

    # The state of the request being handled.
    status = result = None
    headers_sent = False
    headers = None
    bytes_sent = 0

    def run(self, application):
        """Handle the request with application."""
        try:
            self.setup_environ()
            self.result = application(self.environ, self.start_response)
            self.finish_response()
        except (ConnectionAbortedError, BrokenPipeError,
                ConnectionResetError):
            # The client went away: nothing more can be sent.
            return
        except:
            try:
                self.handle_error()
            except:
                # An error in the error handling: give up on the request.
                self.close()
                raise

    def setup_environ(self):
        """Build self.environ: the base environment, the CGI variables,
        and the wsgi.* keys."""
        env = self.environ = self.os_environ.copy()
        self.add_cgi_vars()
        env['wsgi.input'] = self.get_stdin()
        env['wsgi.errors'] = self.get_stderr()
        env['wsgi.version'] = self.wsgi_version
        env['wsgi.run_once'] = self.wsgi_run_once
        env['wsgi.url_scheme'] = self.get_scheme()
        env['wsgi.multithread'] = self.wsgi_multithread
        env['wsgi.multiprocess'] = self.wsgi_multiprocess
        if self.wsgi_file_wrapper is not None:
            env['wsgi.file_wrapper'] = self.wsgi_file_wrapper
        if self.origin_server and self.server_software:
            env.setdefault('SERVER_SOFTWARE', self.server_software)

    def finish_response(self):
        """Send the application's result, then close it."""
        try:
            if not self.result_is_file() or not self.sendfile():
                for data in self.result:
                    self.write(data)
                self.finish_content()
        except:
            # The result is closed here; close() below would also reset
            # the state handle_error() still needs.
            if hasattr(self.result, 'close'):
                self.result.close()
            raise
        else:
            self.close()

    def get_scheme(self):
        """The URL scheme of the request."""
        return guess_scheme(self.environ)

    def set_content_length(self):
        """Set Content-Length when the result is one block."""
        try:
            blocks = len(self.result)
        except (TypeError, AttributeError, NotImplementedError):
            return
        if blocks == 1:
            self.headers['Content-Length'] = str(self.bytes_sent)

    def cleanup_headers(self):
        """Complete the headers before they are sent."""
        if 'Content-Length' not in self.headers:
            self.set_content_length()

    def start_response(self, status, headers, exc_info=None):
        """The start_response callable of WSGI."""
        if exc_info:
            try:
                if self.headers_sent:
                    # Too late to change the response: re-raise.
                    raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None     # no reference cycle through the frame
        elif self.headers is not None:
            raise AssertionError("Headers already set!")
        self.status = status
        self.headers = self.headers_class(headers)
        status = self._convert_string_type(status, "Status")
        self._validate_status(status)
        if __debug__:
            for name, val in headers:
                name = self._convert_string_type(name, "Header name")
                val = self._convert_string_type(val, "Header value")
                assert not is_hop_by_hop(name), \
                    f"Hop-by-hop header, '{name}: {val}', not allowed"
        return self.write

    def _validate_status(self, status):
        if len(status) < 4:
            raise AssertionError("Status must be at least 4 characters")
        if not status[:3].isdigit():
            raise AssertionError("Status message must begin w/3-digit code")
        if status[3] != " ":
            raise AssertionError("Status message must have a space after code")

    def _convert_string_type(self, value, title):
        if type(value) is str:
            return value
        raise AssertionError(
            "{0} must be of type str (got {1})".format(title, repr(value)))

    def send_preamble(self):
        """The status line (and Date and Server headers) of an origin
        server, or the Status header of a CGI gateway."""
        if self.origin_server:
            if self.client_is_modern():
                self._write(('HTTP/%s %s\r\n' % (self.http_version,
                                                 self.status))
                            .encode('iso-8859-1'))
                if 'Date' not in self.headers:
                    self._write(('Date: %s\r\n' % format_date_time(time.time()))
                                .encode('iso-8859-1'))
                if self.server_software and 'Server' not in self.headers:
                    self._write(('Server: %s\r\n' % self.server_software)
                                .encode('iso-8859-1'))
        else:
            self._write(('Status: %s\r\n' % self.status).encode('iso-8859-1'))

    def write(self, data):
        """The write callable of WSGI: the headers go out first."""
        assert type(data) is bytes, \
            "write() argument must be a bytes instance"
        if not self.status:
            raise AssertionError("write() before start_response()")
        if not self.headers_sent:
            self.bytes_sent = len(data)     # for set_content_length()
            self.send_headers()
        else:
            self.bytes_sent += len(data)
        self._write(data)
        self._flush()

    def sendfile(self):
        """Send a wsgi.file_wrapper result by a faster path: True if done.
        This base class has none."""
        return False

    def finish_content(self):
        """End the response: headers still unsent go out now."""
        if not self.headers_sent:
            # An empty body, unless the application gave a length (as for
            # a HEAD request).
            self.headers.setdefault('Content-Length', "0")
            self.send_headers()

    def close(self):
        """Close the result and forget the request."""
        try:
            if hasattr(self.result, 'close'):
                self.result.close()
        finally:
            self.result = self.headers = self.status = self.environ = None
            self.bytes_sent = 0
            self.headers_sent = False

    def send_headers(self):
        """Send the status and headers."""
        self.cleanup_headers()
        self.headers_sent = True
        if not self.origin_server or self.client_is_modern():
            self.send_preamble()
            self._write(bytes(self.headers))

    def result_is_file(self):
        """Whether the result is a wsgi.file_wrapper."""
        wrapper = self.wsgi_file_wrapper
        return wrapper is not None and isinstance(self.result, wrapper)

    def client_is_modern(self):
        """Whether the client understands status lines (not HTTP/0.9)."""
        return self.environ['SERVER_PROTOCOL'].upper() != 'HTTP/0.9'

    def log_exception(self, exc_info):
        """Print the traceback to the error stream."""
        try:
            from traceback import print_exception
            stderr = self.get_stderr()
            print_exception(exc_info[0], exc_info[1], exc_info[2],
                            self.traceback_limit, stderr)
            stderr.flush()
        finally:
            exc_info = None

    def handle_error(self):
        """Log the current exception and, if nothing was sent yet, send
        the error response."""
        self.log_exception(sys.exc_info())
        if not self.headers_sent:
            self.result = self.error_output(self.environ, self.start_response)
            self.finish_response()

    def error_output(self, environ, start_response):
        """The WSGI application that produces the error response."""
        start_response(self.error_status, self.error_headers[:],
                       sys.exc_info())
        return [self.error_body]

    # What subclasses must provide.

    def _write(self, data):
        """Write bytes to the client, buffered or not."""
        raise NotImplementedError

    def _flush(self):
        """Send the buffered output."""
        raise NotImplementedError

    def get_stdin(self):
        """The wsgi.input stream."""
        raise NotImplementedError

    def get_stderr(self):
        """The wsgi.errors stream."""
        raise NotImplementedError

    def add_cgi_vars(self):
        """Add the CGI variables of the request to self.environ."""
        raise NotImplementedError


class SimpleHandler(BaseHandler):
    """A handler over given input, output and error streams and a given
    environ."""

    def __init__(self, stdin, stdout, stderr, environ,
                 multithread=True, multiprocess=False):
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.base_env = environ
        self.wsgi_multithread = multithread
        self.wsgi_multiprocess = multiprocess

    def get_stdin(self):
        return self.stdin

    def get_stderr(self):
        return self.stderr

    def add_cgi_vars(self):
        self.environ.update(self.base_env)

    def _write(self, data):
        result = self.stdout.write(data)
        if result is None or result == len(data):
            return
        from warnings import warn
        warn("SimpleHandler.stdout.write() should not do partial writes",
             DeprecationWarning)
        while data := data[result:]:
            result = self.stdout.write(data)

    def _flush(self):
        self.stdout.flush()
        self._flush = self.stdout.flush


class BaseCGIHandler(SimpleHandler):
    """A gateway in front of a server (CGI-like): it sends a Status
    header, not a status line."""

    origin_server = False


class CGIHandler(BaseCGIHandler):
    """Run an application as a CGI script: CGIHandler().run(app)."""

    wsgi_run_once = True
    # The CGI variables come in through read_environ() below.
    os_environ = {}

    def __init__(self):
        BaseCGIHandler.__init__(self, sys.stdin.buffer, sys.stdout.buffer,
                                sys.stderr, read_environ(),
                                multithread=False, multiprocess=True)


class IISCGIHandler(BaseCGIHandler):
    """CGIHandler for IIS, whose PATH_INFO wrongly repeats SCRIPT_NAME."""

    wsgi_run_once = True
    os_environ = {}

    def __init__(self):
        environ = read_environ()
        path = environ.get('PATH_INFO', '')
        script = environ.get('SCRIPT_NAME', '')
        if (path + '/').startswith(script + '/'):
            environ['PATH_INFO'] = path[len(script):]
        BaseCGIHandler.__init__(self, sys.stdin.buffer, sys.stdout.buffer,
                                sys.stderr, environ,
                                multithread=False, multiprocess=True)
