"""Helpers for WSGI environments and applications."""

import posixpath

__all__ = [
    'FileWrapper', 'guess_scheme', 'application_uri', 'request_uri',
    'shift_path_info', 'setup_testing_defaults', 'is_hop_by_hop',
]


class FileWrapper:
    """Iterate over a file-like object in blocks of blksize; its close()
    becomes the wrapper's."""

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = blksize
        if hasattr(filelike, 'close'):
            self.close = filelike.close

    def __iter__(self):
        return self

    def __next__(self):
        data = self.filelike.read(self.blksize)
        if data:
            return data
        raise StopIteration


def guess_scheme(environ):
    """'https' when the HTTPS variable says so, else 'http'."""
    if environ.get("HTTPS") in ('yes', 'on', '1'):
        return 'https'
    return 'http'


def application_uri(environ):
    """The base URI of the application (no PATH_INFO or query)."""
    from urllib.parse import quote
    scheme = environ['wsgi.url_scheme']
    url = scheme + '://'
    if environ.get('HTTP_HOST'):
        url += environ['HTTP_HOST']
    else:
        url += environ['SERVER_NAME']
        default_port = '443' if scheme == 'https' else '80'
        if environ['SERVER_PORT'] != default_port:
            url += ':' + environ['SERVER_PORT']
    url += quote(environ.get('SCRIPT_NAME') or '/', encoding='latin1')
    return url


def request_uri(environ, include_query=True):
    """The full URI of the request, with the query string unless
    include_query is false."""
    from urllib.parse import quote
    url = application_uri(environ)
    path_info = quote(environ.get('PATH_INFO', ''), safe='/;=,',
                      encoding='latin1')
    if not environ.get('SCRIPT_NAME'):
        url += path_info[1:]        # application_uri() ends in '/'
    else:
        url += path_info
    if include_query and environ.get('QUERY_STRING'):
        url += '?' + environ['QUERY_STRING']
    return url


def shift_path_info(environ):
    """Move the first segment of PATH_INFO to the end of SCRIPT_NAME and
    return it; None when PATH_INFO is empty.  Empty and '.' segments in
    the middle of PATH_INFO are dropped."""
    path_info = environ.get('PATH_INFO', '')
    if not path_info:
        return None
    parts = path_info.split('/')
    parts[1:-1] = [p for p in parts[1:-1] if p and p != '.']
    name = parts[1]
    del parts[1]
    script_name = posixpath.normpath(environ.get('SCRIPT_NAME', '') + '/'
                                     + name)
    if script_name.endswith('/'):
        script_name = script_name[:-1]
    if not name and not script_name.endswith('/'):
        script_name += '/'
    environ['SCRIPT_NAME'] = script_name
    environ['PATH_INFO'] = '/'.join(parts)
    # A last segment of '.' is not a name: PATH_INFO becomes empty.
    if name == '.':
        name = None
    return name


def setup_testing_defaults(environ):
    """Fill in the variables WSGI requires, for tests: a GET of / on
    127.0.0.1 over HTTP/1.0, with empty input and a StringIO for
    errors."""
    from io import StringIO, BytesIO
    environ.setdefault('SERVER_NAME', '127.0.0.1')
    environ.setdefault('SERVER_PROTOCOL', 'HTTP/1.0')
    environ.setdefault('HTTP_HOST', environ['SERVER_NAME'])
    environ.setdefault('REQUEST_METHOD', 'GET')
    if 'SCRIPT_NAME' not in environ and 'PATH_INFO' not in environ:
        environ.setdefault('SCRIPT_NAME', '')
        environ.setdefault('PATH_INFO', '/')
    environ.setdefault('wsgi.version', (1, 0))
    environ.setdefault('wsgi.run_once', 0)
    environ.setdefault('wsgi.multithread', 0)
    environ.setdefault('wsgi.multiprocess', 0)
    environ.setdefault('wsgi.input', BytesIO())
    environ.setdefault('wsgi.errors', StringIO())
    environ.setdefault('wsgi.url_scheme', guess_scheme(environ))
    if environ['wsgi.url_scheme'] == 'http':
        environ.setdefault('SERVER_PORT', '80')
    elif environ['wsgi.url_scheme'] == 'https':
        environ.setdefault('SERVER_PORT', '443')


_hop_by_hop = frozenset({
    'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization',
    'te', 'trailers', 'transfer-encoding', 'upgrade',
})


def is_hop_by_hop(header_name):
    """Whether a header is an HTTP/1.1 hop-by-hop header, which a WSGI
    application may not send."""
    return header_name.lower() in _hop_by_hop
