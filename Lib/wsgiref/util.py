"""Helpers for WSGI environ dictionaries (PEP 3333)."""

import posixpath

__all__ = ["FileWrapper", "guess_scheme", "application_uri", "request_uri",
           "shift_path_info", "setup_testing_defaults", "is_hop_by_hop"]


class FileWrapper:
    """Iterate over a file-like object in blocks of blksize bytes."""

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = blksize
        if hasattr(filelike, "close"):
            self.close = filelike.close

    def __iter__(self):
        return self

    def __next__(self):
        data = self.filelike.read(self.blksize)
        if data:
            return data
        raise StopIteration


def guess_scheme(environ):
    """"https" when the HTTPS variable says so, else "http"."""
    if environ.get("HTTPS") in ("yes", "on", "1"):
        return "https"
    return "http"


def _default_port(scheme):
    return "443" if scheme == "https" else "80"


def application_uri(environ):
    """The URI of the application: scheme, host, port and SCRIPT_NAME."""
    from urllib.parse import quote
    scheme = environ["wsgi.url_scheme"]
    url = scheme + "://"
    if environ.get("HTTP_HOST"):
        url += environ["HTTP_HOST"]
    else:
        url += environ["SERVER_NAME"]
        if environ["SERVER_PORT"] != _default_port(scheme):
            url += ":" + environ["SERVER_PORT"]
    url += quote(environ.get("SCRIPT_NAME") or "/", encoding="latin1")
    return url


def request_uri(environ, include_query=True):
    """The full URI of the request, with the query string unless told not."""
    from urllib.parse import quote
    url = application_uri(environ)
    path_info = quote(environ.get("PATH_INFO", ""), safe="/;=,", encoding="latin1")
    # application_uri ends in "/" when SCRIPT_NAME is empty.
    url += path_info if environ.get("SCRIPT_NAME") else path_info[1:]
    if include_query and environ.get("QUERY_STRING"):
        url += "?" + environ["QUERY_STRING"]
    return url


def shift_path_info(environ):
    """Move the first segment of PATH_INFO to the end of SCRIPT_NAME.

    Returns the segment, None when PATH_INFO is empty; "." and empty
    segments in the middle of the path are dropped first.
    """
    path_info = environ.get("PATH_INFO", "")
    if not path_info:
        return None
    parts = path_info.split("/")
    parts[1:-1] = [part for part in parts[1:-1] if part and part != "."]
    name = parts.pop(1)
    script_name = posixpath.normpath(environ.get("SCRIPT_NAME", "") + "/" + name)
    if script_name.endswith("/"):
        script_name = script_name[:-1]
    if not name and not script_name.endswith("/"):
        script_name += "/"
    environ["SCRIPT_NAME"] = script_name
    environ["PATH_INFO"] = "/".join(parts)
    return None if name == "." else name


def setup_testing_defaults(environ):
    """Fill in what a WSGI environ needs, for tests; existing keys are kept."""
    from io import BytesIO, StringIO
    environ.setdefault("SERVER_NAME", "127.0.0.1")
    environ.setdefault("SERVER_PROTOCOL", "HTTP/1.0")
    environ.setdefault("HTTP_HOST", environ["SERVER_NAME"])
    environ.setdefault("REQUEST_METHOD", "GET")
    if "SCRIPT_NAME" not in environ and "PATH_INFO" not in environ:
        environ.setdefault("SCRIPT_NAME", "")
        environ.setdefault("PATH_INFO", "/")
    environ.setdefault("wsgi.version", (1, 0))
    environ.setdefault("wsgi.run_once", 0)
    environ.setdefault("wsgi.multithread", 0)
    environ.setdefault("wsgi.multiprocess", 0)
    environ.setdefault("wsgi.input", BytesIO())
    environ.setdefault("wsgi.errors", StringIO())
    environ.setdefault("wsgi.url_scheme", guess_scheme(environ))
    if environ["wsgi.url_scheme"] in ("http", "https"):
        environ.setdefault("SERVER_PORT", _default_port(environ["wsgi.url_scheme"]))


# RFC 2616 section 13.5.1: headers meaningful for one connection only,
# which a WSGI application must not set.
_HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate",
                         "proxy-authorization", "te", "trailers",
                         "transfer-encoding", "upgrade"})


def is_hop_by_hop(header_name):
    """True for a hop-by-hop header name (any case)."""
    return header_name.lower() in _HOP_BY_HOP
