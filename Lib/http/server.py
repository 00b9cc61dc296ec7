"""HTTP servers: HTTPServer and ThreadingHTTPServer, the request
handler base class BaseHTTPRequestHandler, and SimpleHTTPRequestHandler
which serves the files of a directory.

Run as a script (python -m http.server [port]) it serves the current
directory.
"""

__version__ = '0.6'

__all__ = ['HTTPServer', 'ThreadingHTTPServer', 'BaseHTTPRequestHandler',
           'SimpleHTTPRequestHandler']

import datetime
import email.utils
import html
import http.client
import io
import mimetypes
import os
import posixpath
import shutil
import socket
import socketserver
import sys
import time
import urllib.parse
from http import HTTPStatus

DEFAULT_ERROR_MESSAGE = """\
<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: %(code)d</p>
        <p>Message: %(message)s.</p>
        <p>Error code explanation: %(code)s - %(explain)s.</p>
    </body>
</html>
"""

DEFAULT_ERROR_CONTENT_TYPE = 'text/html;charset=utf-8'


class HTTPServer(socketserver.TCPServer):
    """A TCP server that remembers its host name and port."""

    allow_reuse_address = True
    allow_reuse_port = False

    def server_bind(self):
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = socket.getfqdn(host)
        self.server_port = port


class ThreadingHTTPServer(socketserver.ThreadingMixIn, HTTPServer):
    """An HTTPServer handling each request in its own (daemon) thread."""

    daemon_threads = True


# Control characters are escaped in log lines so that a request cannot
# forge terminal output.
_control_char_table = str.maketrans(
    {c: fr'\x{c:02x}' for c in [*range(0x20), *range(0x7f, 0xa0)]})
_control_char_table[ord('\\')] = r'\\'


class BaseHTTPRequestHandler(socketserver.StreamRequestHandler):
    """Parse HTTP requests and dispatch them to do_<METHOD> methods.

    After parse_request() the handler has command, path,
    request_version and headers; rfile holds the request body and
    responses are written to wfile after send_response(),
    send_header()* and end_headers().
    """

    sys_version = 'Python/' + sys.version.split()[0]
    server_version = 'BaseHTTP/' + __version__
    error_message_format = DEFAULT_ERROR_MESSAGE
    error_content_type = DEFAULT_ERROR_CONTENT_TYPE
    default_request_version = 'HTTP/0.9'
    protocol_version = 'HTTP/1.0'
    MessageClass = http.client.HTTPMessage
    responses = {v: (v.phrase, v.description)
                 for v in HTTPStatus.__members__.values()}

    weekdayname = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
    monthname = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
                 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

    def parse_request(self):
        """Parse self.raw_requestline and the headers; on failure send
        an error and return False."""
        self.command = None
        self.request_version = version = self.default_request_version
        self.close_connection = True
        requestline = str(self.raw_requestline, 'iso-8859-1')
        requestline = requestline.rstrip('\r\n')
        self.requestline = requestline
        words = requestline.split()
        if len(words) == 0:
            return False
        if len(words) >= 3:
            version = words[-1]
            try:
                if not version.startswith('HTTP/'):
                    raise ValueError
                base_version_number = version.split('/', 1)[1]
                version_number = base_version_number.split('.')
                if len(version_number) != 2:
                    raise ValueError
                if any(not component.isdigit()
                       for component in version_number):
                    raise ValueError('non digit in http version')
                if any(len(component) > 10 for component in version_number):
                    raise ValueError('unreasonable length http version')
                version_number = int(version_number[0]), int(version_number[1])
            except (ValueError, IndexError):
                self.send_error(HTTPStatus.BAD_REQUEST,
                                'Bad request version (%r)' % version)
                return False
            if version_number >= (1, 1) and \
                    self.protocol_version >= 'HTTP/1.1':
                self.close_connection = False
            if version_number >= (2, 0):
                self.send_error(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED,
                                'Invalid HTTP version (%s)'
                                % base_version_number)
                return False
            self.request_version = version
        if not 2 <= len(words) <= 3:
            self.send_error(HTTPStatus.BAD_REQUEST,
                            'Bad request syntax (%r)' % requestline)
            return False
        command, path = words[:2]
        if len(words) == 2:
            self.close_connection = True
            if command != 'GET':
                self.send_error(HTTPStatus.BAD_REQUEST,
                                'Bad HTTP/0.9 request type (%r)' % command)
                return False
        self.command, self.path = command, path
        # A path starting with '//' would be taken for a network path by
        # code that joins it to a base URL.
        if self.path.startswith('//'):
            self.path = '/' + self.path.lstrip('/')
        try:
            self.headers = http.client.parse_headers(
                self.rfile, _class=self.MessageClass)
        except http.client.LineTooLong as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            'Line too long', str(err))
            return False
        except http.client.HTTPException as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            'Too many headers', str(err))
            return False
        conntype = self.headers.get('Connection', '')
        if conntype.lower() == 'close':
            self.close_connection = True
        elif (conntype.lower() == 'keep-alive' and
              self.protocol_version >= 'HTTP/1.1'):
            self.close_connection = False
        expect = self.headers.get('Expect', '')
        if (expect.lower() == '100-continue' and
                self.protocol_version >= 'HTTP/1.1' and
                self.request_version >= 'HTTP/1.1'):
            if not self.handle_expect_100():
                return False
        return True

    def handle_expect_100(self):
        """Answer 'Expect: 100-continue' with a 100 response; return
        False to refuse the request body."""
        self.send_response_only(HTTPStatus.CONTINUE)
        self.end_headers()
        return True

    def handle_one_request(self):
        """Read, parse and dispatch one request."""
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.requestline = ''
                self.request_version = ''
                self.command = ''
                self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
                return
            if not self.raw_requestline:
                self.close_connection = True
                return
            if not self.parse_request():
                return
            mname = 'do_' + self.command
            if not hasattr(self, mname):
                self.send_error(HTTPStatus.NOT_IMPLEMENTED,
                                'Unsupported method (%r)' % self.command)
                return
            method = getattr(self, mname)
            method()
            self.wfile.flush()
        except TimeoutError as e:
            self.log_error('Request timed out: %r', e)
            self.close_connection = True
            return

    def handle(self):
        """Handle requests until the connection is to be closed."""
        self.close_connection = True
        self.handle_one_request()
        while not self.close_connection:
            self.handle_one_request()

    def send_error(self, code, message=None, explain=None):
        """Send an error response with an HTML body explaining it."""
        try:
            shortmsg, longmsg = self.responses[code]
        except KeyError:
            shortmsg, longmsg = '???', '???'
        if message is None:
            message = shortmsg
        if explain is None:
            explain = longmsg
        self.log_error('code %d, message %s', code, message)
        self.send_response(code, message)
        self.send_header('Connection', 'close')
        body = None
        if (code >= 200 and
                code not in (HTTPStatus.NO_CONTENT, HTTPStatus.RESET_CONTENT,
                             HTTPStatus.NOT_MODIFIED)):
            content = (self.error_message_format % {
                'code': code,
                'message': html.escape(message, quote=False),
                'explain': html.escape(explain, quote=False),
            })
            body = content.encode('UTF-8', 'replace')
            self.send_header('Content-Type', self.error_content_type)
            self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD' and body:
            self.wfile.write(body)

    def send_response(self, code, message=None):
        """Log the request and buffer the status line plus the Server
        and Date headers."""
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header('Server', self.version_string())
        self.send_header('Date', self.date_time_string())

    def send_response_only(self, code, message=None):
        """Buffer the status line only."""
        if self.request_version != 'HTTP/0.9':
            if message is None:
                if code in self.responses:
                    message = self.responses[code][0]
                else:
                    message = ''
            if not hasattr(self, '_headers_buffer'):
                self._headers_buffer = []
            self._headers_buffer.append(('%s %d %s\r\n' % (
                self.protocol_version, code, message)).encode(
                    'latin-1', 'strict'))

    def send_header(self, keyword, value):
        """Buffer one header line."""
        if self.request_version != 'HTTP/0.9':
            if not hasattr(self, '_headers_buffer'):
                self._headers_buffer = []
            self._headers_buffer.append(
                ('%s: %s\r\n' % (keyword, value)).encode('latin-1', 'strict'))
        if keyword.lower() == 'connection':
            if value.lower() == 'close':
                self.close_connection = True
            elif value.lower() == 'keep-alive':
                self.close_connection = False

    def end_headers(self):
        """End the header block and send everything buffered."""
        if self.request_version != 'HTTP/0.9':
            self._headers_buffer.append(b'\r\n')
            self.flush_headers()

    def flush_headers(self):
        if hasattr(self, '_headers_buffer'):
            self.wfile.write(b''.join(self._headers_buffer))
            self._headers_buffer = []

    def log_request(self, code='-', size='-'):
        """Log an accepted request."""
        if isinstance(code, HTTPStatus):
            code = code.value
        self.log_message('"%s" %s %s', self.requestline, str(code), str(size))

    def log_error(self, format, *args):
        """Log an error (like log_message)."""
        self.log_message(format, *args)

    def log_message(self, format, *args):
        """Write 'client - - [date] message' to sys.stderr."""
        message = format % args
        sys.stderr.write('%s - - [%s] %s\n' % (
            self.address_string(), self.log_date_time_string(),
            message.translate(_control_char_table)))

    def version_string(self):
        """The Server header value."""
        return self.server_version + ' ' + self.sys_version

    def date_time_string(self, timestamp=None):
        """An HTTP date (RFC 9110), now or for timestamp."""
        if timestamp is None:
            timestamp = time.time()
        return email.utils.formatdate(timestamp, usegmt=True)

    def log_date_time_string(self):
        """The current time for log lines."""
        now = time.time()
        year, month, day, hh, mm, ss, x, y, z = time.localtime(now)
        return '%02d/%3s/%04d %02d:%02d:%02d' % (
            day, self.monthname[month], year, hh, mm, ss)

    def address_string(self):
        """The client's address for log lines."""
        return self.client_address[0]


class SimpleHTTPRequestHandler(BaseHTTPRequestHandler):
    """Serve GET and HEAD requests from a directory (the current one by
    default), with HTML listings for directories without an index."""

    server_version = 'SimpleHTTP/' + __version__
    index_pages = ('index.html', 'index.htm')
    extensions_map = {
        '.gz': 'application/gzip',
        '.Z': 'application/octet-stream',
        '.bz2': 'application/x-bzip2',
        '.xz': 'application/x-xz',
    }

    def __init__(self, *args, directory=None, **kwargs):
        if directory is None:
            directory = os.getcwd()
        self.directory = os.fspath(directory)
        super().__init__(*args, **kwargs)

    def do_GET(self):
        """Serve a GET request."""
        f = self.send_head()
        if f:
            try:
                self.copyfile(f, self.wfile)
            finally:
                f.close()

    def do_HEAD(self):
        """Serve a HEAD request."""
        f = self.send_head()
        if f:
            f.close()

    def send_head(self):
        """Send the status and headers for GET/HEAD; return the open
        file to copy as the body, or None."""
        path = self.translate_path(self.path)
        f = None
        if os.path.isdir(path):
            parts = urllib.parse.urlsplit(self.path)
            if not parts.path.endswith(('/', '%2f', '%2F')):
                # Redirect so that relative links in the listing work.
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                new_parts = (parts[0], parts[1], parts[2] + '/',
                             parts[3], parts[4])
                new_url = urllib.parse.urlunsplit(new_parts)
                self.send_header('Location', new_url)
                self.send_header('Content-Length', '0')
                self.end_headers()
                return None
            for index in self.index_pages:
                index = os.path.join(path, index)
                if os.path.isfile(index):
                    path = index
                    break
            else:
                return self.list_directory(path)
        ctype = self.guess_type(path)
        # A file name never ends with '/': such a request names nothing.
        if path.endswith('/'):
            self.send_error(HTTPStatus.NOT_FOUND, 'File not found')
            return None
        try:
            f = open(path, 'rb')
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, 'File not found')
            return None
        try:
            fs = os.fstat(f.fileno())
            if ('If-Modified-Since' in self.headers
                    and 'If-None-Match' not in self.headers):
                try:
                    ims = email.utils.parsedate_to_datetime(
                        self.headers['If-Modified-Since'])
                except (TypeError, IndexError, OverflowError, ValueError):
                    pass
                else:
                    if ims.tzinfo is None:
                        ims = ims.replace(tzinfo=datetime.timezone.utc)
                    if ims.tzinfo is datetime.timezone.utc:
                        last_modif = datetime.datetime.fromtimestamp(
                            fs.st_mtime, datetime.timezone.utc)
                        last_modif = last_modif.replace(microsecond=0)
                        if last_modif <= ims:
                            self.send_response(HTTPStatus.NOT_MODIFIED)
                            self.end_headers()
                            f.close()
                            return None
            self.send_response(HTTPStatus.OK)
            self.send_header('Content-type', ctype)
            self.send_header('Content-Length', str(fs[6]))
            self.send_header('Last-Modified',
                             self.date_time_string(fs.st_mtime))
            self.end_headers()
            return f
        except:
            f.close()
            raise

    def list_directory(self, path):
        """Send an HTML listing of the directory path; return it as an
        open file (or None after an error)."""
        try:
            names = os.listdir(path)
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND,
                            'No permission to list directory')
            return None
        names.sort(key=lambda a: a.lower())
        try:
            displaypath = urllib.parse.unquote(self.path,
                                               errors='surrogatepass')
        except UnicodeDecodeError:
            displaypath = urllib.parse.unquote(self.path)
        displaypath = html.escape(displaypath, quote=False)
        enc = sys.getfilesystemencoding()
        title = f'Directory listing for {displaypath}'
        lines = ['<!DOCTYPE HTML>',
                 '<html lang="en">',
                 '<head>',
                 f'<meta charset="{enc}">',
                 '<style type="text/css">\n:root {\ncolor-scheme: light dark;'
                 '\n}\n</style>',
                 f'<title>{title}</title>\n</head>',
                 f'<body>\n<h1>{title}</h1>',
                 '<hr>\n<ul>']
        for name in names:
            fullname = os.path.join(path, name)
            displayname = linkname = name
            if os.path.isdir(fullname):
                displayname = name + '/'
                linkname = name + '/'
            if os.path.islink(fullname):
                displayname = name + '@'
            lines.append('<li><a href="%s">%s</a></li>' % (
                urllib.parse.quote(linkname, errors='surrogatepass'),
                html.escape(displayname, quote=False)))
        lines.append('</ul>\n<hr>\n</body>\n</html>\n')
        encoded = '\n'.join(lines).encode(enc, 'surrogateescape')
        f = io.BytesIO()
        f.write(encoded)
        f.seek(0)
        self.send_response(HTTPStatus.OK)
        self.send_header('Content-type', 'text/html; charset=%s' % enc)
        self.send_header('Content-Length', str(len(encoded)))
        self.end_headers()
        return f

    def translate_path(self, path):
        """The file system path for the URL path, inside self.directory
        ('..' and other special components are dropped)."""
        path = path.split('#', 1)[0]
        path = path.split('?', 1)[0]
        trailing_slash = path.rstrip().endswith('/')
        try:
            path = urllib.parse.unquote(path, errors='surrogatepass')
        except UnicodeDecodeError:
            path = urllib.parse.unquote(path)
        path = posixpath.normpath(path)
        words = filter(None, path.split('/'))
        path = self.directory
        for word in words:
            if os.path.dirname(word) or word in (os.curdir, os.pardir):
                continue
            path = os.path.join(path, word)
        if trailing_slash:
            path += '/'
        return path

    def copyfile(self, source, outputfile):
        """Copy the open file source to outputfile."""
        shutil.copyfileobj(source, outputfile)

    def guess_type(self, path):
        """The Content-Type for path: by extensions_map, then mimetypes,
        else application/octet-stream."""
        base, ext = posixpath.splitext(path)
        if ext in self.extensions_map:
            return self.extensions_map[ext]
        ext = ext.lower()
        if ext in self.extensions_map:
            return self.extensions_map[ext]
        guess, _ = mimetypes.guess_file_type(path)
        if guess:
            return guess
        return 'application/octet-stream'


def _get_best_family(*address):
    infos = socket.getaddrinfo(*address, type=socket.SOCK_STREAM,
                               flags=socket.AI_PASSIVE)
    family, type, proto, canonname, sockaddr = next(iter(infos))
    return family, sockaddr


def test(HandlerClass=BaseHTTPRequestHandler,
         ServerClass=ThreadingHTTPServer,
         protocol='HTTP/1.0', port=8000, bind=None):
    """Serve HandlerClass on port (and address bind) until interrupted."""
    ServerClass.address_family, addr = _get_best_family(bind, port)
    HandlerClass.protocol_version = protocol
    with ServerClass(addr, HandlerClass) as httpd:
        host, port = httpd.socket.getsockname()[:2]
        url_host = f'[{host}]' if ':' in host else host
        print(f'Serving HTTP on {host} port {port} '
              f'(http://{url_host}:{port}/) ...', flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            print('\nKeyboard interrupt received, exiting.')
            sys.exit(0)


def _main(args=None):
    import argparse
    import contextlib

    parser = argparse.ArgumentParser(prog='python -m http.server')
    parser.add_argument('-b', '--bind', metavar='ADDRESS',
                        help='bind to this address '
                             '(default: all interfaces)')
    parser.add_argument('-d', '--directory', default=os.getcwd(),
                        help='serve this directory '
                             '(default: current directory)')
    parser.add_argument('-p', '--protocol', metavar='VERSION',
                        default='HTTP/1.0',
                        help='conform to this HTTP version '
                             '(default: %(default)s)')
    parser.add_argument('port', default=8000, type=int, nargs='?',
                        help='bind to this port '
                             '(default: %(default)s)')
    args = parser.parse_args(args)

    class DualStackServer(ThreadingHTTPServer):
        """Accept IPv4 too on an IPv6 socket, and serve args.directory."""

        def server_bind(self):
            with contextlib.suppress(Exception):
                self.socket.setsockopt(socket.IPPROTO_IPV6,
                                       socket.IPV6_V6ONLY, 0)
            return super().server_bind()

        def finish_request(self, request, client_address):
            self.RequestHandlerClass(request, client_address, self,
                                     directory=args.directory)

    test(HandlerClass=SimpleHTTPRequestHandler, ServerClass=DualStackServer,
         port=args.port, bind=args.bind, protocol=args.protocol)


if __name__ == '__main__':
    _main()
