"""Open URLs: urlopen() and the handler machinery behind it.

An OpenerDirector passes each Request through its handlers: first the
<scheme>_request pre-processors, then the first <scheme>_open that
returns a response, then the <scheme>_response post-processors.  HTTP
errors go to http_error_<code> handlers (redirects, authentication)
and finally to HTTPDefaultErrorHandler, which raises HTTPError.

Without the ssl module there is no HTTPSHandler: an https URL then
fails with URLError('unknown url type: https').
"""

import base64
import bisect
import contextlib
import email
import email.utils
import hashlib
import http.client
import io
import os
import re
import socket
import string
import sys
import tempfile
import time

from urllib.error import URLError, HTTPError, ContentTooShortError
from urllib.parse import (
    urlparse, urlsplit, urljoin, unwrap, quote, unquote,
    _splittype, _splithost, _splitport, _splituser, _splitpasswd,
    _splittag,
    unquote_to_bytes, urlunparse)
from urllib.response import addinfourl

try:
    import ssl
except ImportError:
    _have_ssl = False
else:
    _have_ssl = True

__all__ = [
    'Request', 'OpenerDirector', 'BaseHandler', 'HTTPDefaultErrorHandler',
    'HTTPRedirectHandler', 'HTTPCookieProcessor', 'ProxyHandler',
    'HTTPPasswordMgr', 'HTTPPasswordMgrWithDefaultRealm',
    'HTTPPasswordMgrWithPriorAuth', 'AbstractBasicAuthHandler',
    'HTTPBasicAuthHandler', 'ProxyBasicAuthHandler', 'AbstractDigestAuthHandler',
    'HTTPDigestAuthHandler', 'ProxyDigestAuthHandler', 'HTTPHandler',
    'FileHandler', 'FTPHandler', 'CacheFTPHandler', 'UnknownHandler',
    'HTTPErrorProcessor', 'DataHandler',
    'AbstractHTTPHandler',
    'urlopen', 'install_opener', 'build_opener',
    'pathname2url', 'url2pathname', 'getproxies',
    'urlretrieve', 'urlcleanup',
]

__version__ = '%d.%d' % sys.version_info[:2]

_opener = None


def urlopen(url, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, *,
            context=None):
    """Open url (a string or Request); data, if given, is the body of a
    POST.  Returns a response with read(), info(), geturl(), status."""
    # Two threads may both build the default opener on first use; either
    # one is equivalent, and the global is rebound atomically.
    global _opener
    if context is not None:
        if not _have_ssl:
            raise ValueError('SSL support is not available')
        opener = build_opener(HTTPSHandler(context=context))
    elif _opener is None:
        _opener = opener = build_opener()
    else:
        opener = _opener
    return opener.open(url, data, timeout)


def install_opener(opener):
    """Make opener the one urlopen() uses."""
    global _opener
    _opener = opener


_url_tempfiles = []


def urlretrieve(url, filename=None, reporthook=None, data=None):
    """Copy the resource at url to filename (a temporary file if not
    given); return (filename, headers).  reporthook(blocks, block size,
    total size) is called as data arrives."""
    url_type, path = _splittype(url)
    with contextlib.closing(urlopen(url, data)) as fp:
        headers = fp.info()
        # A local file needs no copy unless a filename was given.
        if url_type == 'file' and not filename:
            return os.path.normpath(path), headers
        if filename:
            tfp = open(filename, 'wb')
        else:
            tfp = tempfile.NamedTemporaryFile(delete=False)
            filename = tfp.name
            _url_tempfiles.append(filename)
        with tfp:
            result = filename, headers
            bs = 1024 * 8
            size = -1
            read = 0
            blocknum = 0
            if 'content-length' in headers:
                size = int(headers['Content-Length'])
            if reporthook:
                reporthook(blocknum, bs, size)
            while block := fp.read(bs):
                read += len(block)
                tfp.write(block)
                blocknum += 1
                if reporthook:
                    reporthook(blocknum, bs, size)
    if size >= 0 and read < size:
        raise ContentTooShortError(
            'retrieval incomplete: got only %i out of %i bytes'
            % (read, size), result)
    return result


def urlcleanup():
    """Remove the temporary files of urlretrieve() and forget the
    installed opener."""
    for temp_file in _url_tempfiles:
        try:
            os.unlink(temp_file)
        except OSError:
            pass
    del _url_tempfiles[:]
    global _opener
    if _opener:
        _opener = None


_cut_port_re = re.compile(r':\d+$', re.ASCII)


def request_host(request):
    """The host of request, lower case and without a port."""
    url = request.full_url
    host = urlparse(url)[1]
    if host == '':
        host = request.get_header('Host', '')
    host = _cut_port_re.sub('', host, 1)
    return host.lower()


class Request:
    """A URL request: the URL, an optional body (data), headers, and
    the method (POST when there is data, GET otherwise, by default).

    Headers added with add_header() follow redirects; those added with
    add_unredirected_header() do not.
    """

    def __init__(self, url, data=None, headers={},
                 origin_req_host=None, unverifiable=False,
                 method=None):
        self.full_url = url
        self.headers = {}
        self.unredirected_hdrs = {}
        self._data = None
        self.data = data
        self._tunnel_host = None
        for key, value in headers.items():
            self.add_header(key, value)
        if origin_req_host is None:
            origin_req_host = request_host(self)
        self.origin_req_host = origin_req_host
        self.unverifiable = unverifiable
        if method:
            self.method = method

    @property
    def full_url(self):
        if self.fragment:
            return '{}#{}'.format(self._full_url, self.fragment)
        return self._full_url

    @full_url.setter
    def full_url(self, url):
        self._full_url = unwrap(url)
        self._full_url, self.fragment = _splittag(self._full_url)
        self._parse()

    @full_url.deleter
    def full_url(self):
        self._full_url = None
        self.fragment = None
        self.selector = ''

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, data):
        if data != self._data:
            self._data = data
            # A new body needs a new length.
            if self.has_header('Content-length'):
                self.remove_header('Content-length')

    @data.deleter
    def data(self):
        self.data = None

    def _parse(self):
        self.type, rest = _splittype(self._full_url)
        if self.type is None:
            raise ValueError('unknown url type: %r' % self.full_url)
        self.host, self.selector = _splithost(rest)
        if self.host:
            self.host = unquote(self.host)

    def get_method(self):
        """The method: the method attribute if set, else POST with data
        and GET without."""
        default_method = 'POST' if self.data is not None else 'GET'
        return getattr(self, 'method', default_method)

    def get_full_url(self):
        return self.full_url

    def set_proxy(self, host, type):
        """Send the request to the proxy host (of scheme type)."""
        if self.type == 'https' and not self._tunnel_host:
            self._tunnel_host = self.host
        else:
            self.type = type
            self.selector = self.full_url
        self.host = host

    def has_proxy(self):
        return self.selector == self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(self, header_name):
        return (header_name in self.headers or
                header_name in self.unredirected_hdrs)

    def get_header(self, header_name, default=None):
        return self.headers.get(
            header_name,
            self.unredirected_hdrs.get(header_name, default))

    def remove_header(self, header_name):
        self.headers.pop(header_name, None)
        self.unredirected_hdrs.pop(header_name, None)

    def header_items(self):
        hdrs = {**self.unredirected_hdrs, **self.headers}
        return list(hdrs.items())


class OpenerDirector:
    """Run requests through a chain of handlers (see the module
    docstring)."""

    def __init__(self):
        client_version = 'Python-urllib/%s' % __version__
        self.addheaders = [('User-agent', client_version)]
        self.handlers = []
        self.handle_open = {}
        self.handle_error = {}
        self.process_response = {}
        self.process_request = {}

    def add_handler(self, handler):
        """Register the methods of handler by their names:
        <scheme>_open, <scheme>_request, <scheme>_response and
        <scheme>_error_<code> (or _error_default)."""
        if not hasattr(handler, 'add_parent'):
            raise TypeError('expected BaseHandler instance, got %r' %
                            type(handler))
        registered = False
        for name in dir(handler):
            table, key = self._table_for(name)
            if table is None:
                continue
            bisect.insort(table.setdefault(key, []), handler)
            registered = True
        if registered:
            bisect.insort(self.handlers, handler)
            handler.add_parent(self)

    _not_hooks = frozenset({'redirect_request', 'do_open', 'proxy_open'})

    def _table_for(self, name):
        """(dispatch table, key) for a handler method name, or
        (None, None) when the name is no hook."""
        scheme, sep, role = name.partition('_')
        if not sep or name in self._not_hooks:
            return None, None
        if role.startswith('error'):
            # "http_error_404" -> key 404; "http_error_default" -> 'default'.
            kind = role.partition('_')[2]
            if kind.isdigit():
                kind = int(kind)
            return self.handle_error.setdefault(scheme, {}), kind
        tables = {'open': self.handle_open,
                  'request': self.process_request,
                  'response': self.process_response}
        if role in tables:
            return tables[role], scheme
        return None, None

    def close(self):
        pass

    def _call_chain(self, chain, kind, meth_name, *args):
        """The first non-None result of meth_name of the handlers for
        kind, in handler order."""
        handlers = chain.get(kind, ())
        for handler in handlers:
            func = getattr(handler, meth_name)
            result = func(*args)
            if result is not None:
                return result
        return None

    def open(self, fullurl, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
        """Open fullurl (a string or Request) and return the response."""
        if isinstance(fullurl, str):
            req = Request(fullurl, data)
        else:
            req = fullurl
            if data is not None:
                req.data = data
        req.timeout = timeout
        protocol = req.type
        meth_name = protocol + '_request'
        for processor in self.process_request.get(protocol, []):
            meth = getattr(processor, meth_name)
            req = meth(req)
        sys.audit('urllib.Request', req.full_url, req.data, req.headers,
                  req.get_method())
        response = self._open(req, data)
        meth_name = protocol + '_response'
        for processor in self.process_response.get(protocol, []):
            meth = getattr(processor, meth_name)
            response = meth(req, response)
        return response

    def _open(self, req, data=None):
        result = self._call_chain(self.handle_open, 'default',
                                  'default_open', req)
        if result:
            return result
        protocol = req.type
        result = self._call_chain(self.handle_open, protocol,
                                  protocol + '_open', req)
        if result:
            return result
        return self._call_chain(self.handle_open, 'unknown',
                                'unknown_open', req)

    def error(self, proto, *args):
        """Pass an error to the http_error_<code> handlers, then to
        http_error_default."""
        if proto in ('http', 'https'):
            dict = self.handle_error['http']
            proto = args[2]
            meth_name = 'http_error_%s' % proto
            http_err = 1
            orig_args = args
        else:
            dict = self.handle_error
            meth_name = proto + '_error'
            http_err = 0
        args = (dict, proto, meth_name) + args
        result = self._call_chain(*args)
        if result:
            return result
        if http_err:
            args = (dict, 'default', 'http_error_default') + orig_args
            return self._call_chain(*args)


def build_opener(*handlers):
    """An OpenerDirector with the default handlers, where a given
    handler (class or instance) replaces the default of its class."""
    opener = OpenerDirector()
    default_classes = [ProxyHandler, UnknownHandler, HTTPHandler,
                       HTTPDefaultErrorHandler, HTTPRedirectHandler,
                       FTPHandler, FileHandler, HTTPErrorProcessor,
                       DataHandler]
    if hasattr(http.client, 'HTTPSConnection'):
        default_classes.append(HTTPSHandler)
    skip = set()
    for klass in default_classes:
        for check in handlers:
            if isinstance(check, type):
                if issubclass(check, klass):
                    skip.add(klass)
            elif isinstance(check, klass):
                skip.add(klass)
    for klass in skip:
        default_classes.remove(klass)
    for klass in default_classes:
        opener.add_handler(klass())
    for h in handlers:
        if isinstance(h, type):
            h = h()
        opener.add_handler(h)
    return opener


class BaseHandler:
    """Base class of handlers; lower handler_order runs first."""

    handler_order = 500

    def add_parent(self, parent):
        self.parent = parent

    def close(self):
        pass

    def __lt__(self, other):
        if not hasattr(other, 'handler_order'):
            return True
        return self.handler_order < other.handler_order


class HTTPErrorProcessor(BaseHandler):
    """Send non-2xx responses to the error handlers."""

    handler_order = 1000

    def http_response(self, request, response):
        code, msg, hdrs = response.code, response.msg, response.info()
        if not (200 <= code < 300):
            response = self.parent.error(
                'http', request, response, code, msg, hdrs)
        return response

    https_response = http_response


class HTTPDefaultErrorHandler(BaseHandler):
    """Raise HTTPError for every HTTP error left unhandled."""

    def http_error_default(self, req, fp, code, msg, hdrs):
        raise HTTPError(req.full_url, code, msg, hdrs, fp)


class HTTPRedirectHandler(BaseHandler):
    """Follow 301, 302, 303, 307 and 308 redirects."""

    max_repeats = 4
    max_redirections = 10

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        """The Request to send for a redirect to newurl, or None to not
        follow it.

        GET and HEAD follow every redirect code; POST follows 301, 302
        and 303 as a GET without its body (as browsers do).  Anything
        else raises HTTPError: a 307 or 308 to a POST needs the user's
        consent (RFC 9110).
        """
        m = req.get_method()
        follow = (m in ('GET', 'HEAD') and code in (301, 302, 303, 307, 308)
                  or m == 'POST' and code in (301, 302, 303))
        if not follow:
            raise HTTPError(req.full_url, code, msg, headers, fp)
        newurl = newurl.replace(' ', '%20')
        body_headers = ('content-length', 'content-type')
        newheaders = {k: v for k, v in req.headers.items()
                      if k.lower() not in body_headers}
        return Request(newurl,
                       method='HEAD' if m == 'HEAD' else 'GET',
                       headers=newheaders,
                       origin_req_host=req.origin_req_host,
                       unverifiable=True)

    def http_error_302(self, req, fp, code, msg, headers):
        if 'location' in headers:
            newurl = headers['location']
        elif 'uri' in headers:
            newurl = headers['uri']
        else:
            return
        urlparts = urlparse(newurl)
        # A relative Location counts from the request URL.
        if not urlparts.path and urlparts.netloc:
            urlparts = list(urlparts)
            urlparts[2] = '/'
        newurl = urlunparse(urlparts)
        newurl = quote(newurl, encoding='iso-8859-1',
                       safe=string.punctuation)
        newurl = urljoin(req.full_url, newurl)
        urlparts = urlparse(newurl)
        if urlparts.scheme not in ('http', 'https', 'ftp', ''):
            raise HTTPError(
                newurl, code,
                "%s - Redirection to url '%s' is not allowed" % (msg, newurl),
                headers, fp)
        new = self.redirect_request(req, fp, code, msg, headers, newurl)
        if new is None:
            return
        # Count visits to detect loops: the redirect_dict is shared by
        # the requests of one redirect chain.
        if hasattr(req, 'redirect_dict'):
            visited = new.redirect_dict = req.redirect_dict
            if (visited.get(newurl, 0) >= self.max_repeats or
                    len(visited) >= self.max_redirections):
                raise HTTPError(req.full_url, code,
                                self.inf_msg + msg, headers, fp)
        else:
            visited = new.redirect_dict = req.redirect_dict = {}
        visited[newurl] = visited.get(newurl, 0) + 1
        fp.read()
        fp.close()
        return self.parent.open(new, timeout=req.timeout)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = \
        http_error_302

    inf_msg = ('The HTTP server returned a redirect error that would '
               'lead to an infinite loop.\n'
               'The last 30x error message was:\n')


def _parse_proxy(proxy):
    """(scheme, user, password, host:port) of a proxy URL or
    'host:port'."""
    scheme, r_scheme = _splittype(proxy)
    if not r_scheme.startswith('/'):
        scheme = None
        authority = proxy
    else:
        if not r_scheme.startswith('//'):
            raise ValueError('proxy URL with no authority: %r' % proxy)
        end = r_scheme.find('/', 2)
        if end == -1:
            end = None
        authority = r_scheme[2:end]
    userinfo, hostport = _splituser(authority)
    if userinfo is not None:
        user, password = _splitpasswd(userinfo)
    else:
        user = password = None
    return scheme, user, password, hostport


class ProxyHandler(BaseHandler):
    """Route requests through proxies: a dict scheme -> proxy URL,
    from the environment (getproxies()) by default."""

    handler_order = 100

    def __init__(self, proxies=None):
        if proxies is None:
            proxies = getproxies()
        assert hasattr(proxies, 'keys'), 'proxies must be a mapping'
        self.proxies = proxies
        for type, url in proxies.items():
            type = type.lower()
            setattr(self, '%s_open' % type,
                    lambda r, proxy=url, type=type, meth=self.proxy_open:
                        meth(r, proxy, type))

    def proxy_open(self, req, proxy, type):
        orig_type = req.type
        proxy_type, user, password, hostport = _parse_proxy(proxy)
        if proxy_type is None:
            proxy_type = orig_type
        if req.host and proxy_bypass(req.host):
            return None
        if user and password:
            user_pass = '%s:%s' % (unquote(user), unquote(password))
            creds = base64.b64encode(user_pass.encode()).decode('ascii')
            req.add_header('Proxy-authorization', 'Basic ' + creds)
        hostport = unquote(hostport)
        req.set_proxy(hostport, proxy_type)
        if orig_type == proxy_type or orig_type == 'https':
            return None
        # A proxy of another scheme: let that scheme's handler open it.
        return self.parent.open(req, timeout=req.timeout)


class HTTPPasswordMgr:
    """Passwords by realm and URI: add_password(), find_user_password()."""

    def __init__(self):
        self.passwd = {}

    def add_password(self, realm, uri, user, passwd):
        if isinstance(uri, str):
            uri = [uri]
        if realm not in self.passwd:
            self.passwd[realm] = {}
        for default_port in True, False:
            reduced_uri = tuple(
                self.reduce_uri(u, default_port) for u in uri)
            self.passwd[realm][reduced_uri] = (user, passwd)

    def find_user_password(self, realm, authuri):
        domains = self.passwd.get(realm, {})
        for default_port in True, False:
            reduced_authuri = self.reduce_uri(authuri, default_port)
            for uris, authinfo in domains.items():
                for uri in uris:
                    if self.is_suburi(uri, reduced_authuri):
                        return authinfo
        return None, None

    def reduce_uri(self, uri, default_port=True):
        """(authority, path) of uri; default_port adds :80 or :443."""
        parts = urlsplit(uri)
        if parts[1]:
            scheme = parts[0]
            authority = parts[1]
            path = parts[2] or '/'
        else:
            scheme = None
            authority = uri
            path = '/'
        host, port = _splitport(authority)
        if default_port and port is None and scheme is not None:
            dport = {'http': 80, 'https': 443}.get(scheme)
            if dport is not None:
                authority = '%s:%d' % (host, dport)
        return authority, path

    def is_suburi(self, base, test):
        """Whether test is at or below base (both reduced)."""
        if base == test:
            return True
        if base[0] != test[0]:
            return False
        prefix = base[1]
        if prefix[-1:] != '/':
            prefix += '/'
        return test[1].startswith(prefix)


class HTTPPasswordMgrWithDefaultRealm(HTTPPasswordMgr):
    """Also look under the realm None."""

    def find_user_password(self, realm, authuri):
        user, password = HTTPPasswordMgr.find_user_password(self, realm,
                                                            authuri)
        if user is not None:
            return user, password
        return HTTPPasswordMgr.find_user_password(self, None, authuri)


class HTTPPasswordMgrWithPriorAuth(HTTPPasswordMgrWithDefaultRealm):
    """Also remember which URIs to authenticate without being asked."""

    def __init__(self):
        self.authenticated = {}
        super().__init__()

    def add_password(self, realm, uri, user, passwd, is_authenticated=False):
        self.update_authenticated(uri, is_authenticated)
        if realm is not None:
            super().add_password(None, uri, user, passwd)
        super().add_password(realm, uri, user, passwd)

    def update_authenticated(self, uri, is_authenticated=False):
        if isinstance(uri, str):
            uri = [uri]
        for default_port in True, False:
            for u in uri:
                reduced_uri = self.reduce_uri(u, default_port)
                self.authenticated[reduced_uri] = is_authenticated

    def is_authenticated(self, authuri):
        for default_port in True, False:
            reduced_authuri = self.reduce_uri(authuri, default_port)
            for uri in self.authenticated:
                if self.is_suburi(uri, reduced_authuri):
                    return self.authenticated[uri]


class AbstractBasicAuthHandler:
    """Answer 'WWW-Authenticate: Basic realm=...' challenges."""

    # One challenge of a WWW-Authenticate value: a scheme token, then a
    # realm parameter (quoted, or not quoted as some servers send it).
    rx = re.compile(r'(?:^|,)\s*([^\s,]+)\s+realm=(["\']?)([^"\']*)\2',
                    re.I)

    def __init__(self, password_mgr=None):
        if password_mgr is None:
            password_mgr = HTTPPasswordMgr()
        self.passwd = password_mgr
        self.add_password = self.passwd.add_password

    def _parse_realm(self, header):
        found_challenge = False
        for mo in AbstractBasicAuthHandler.rx.finditer(header):
            scheme, quote, realm = mo.groups()
            if quote not in ['"', "'"]:
                import warnings
                warnings.warn('Basic Auth Realm was unquoted',
                              UserWarning, 3)
            yield scheme, realm
            found_challenge = True
        if not found_challenge:
            scheme = header.split()[0] if header.split() else ''
            yield scheme, None

    def http_error_auth_reqed(self, authreq, host, req, headers):
        headers = headers.get_all(authreq)
        if not headers:
            return
        unsupported = None
        for header in headers:
            for scheme, realm in self._parse_realm(header):
                if scheme.lower() != 'basic':
                    unsupported = scheme
                    continue
                if realm is not None:
                    return self.retry_http_basic_auth(host, req, realm)
        if unsupported is not None:
            raise ValueError('AbstractBasicAuthHandler does not '
                             'support the following scheme: %r'
                             % (unsupported,))

    def retry_http_basic_auth(self, host, req, realm):
        user, pw = self.passwd.find_user_password(realm, host)
        if pw is not None:
            raw = '%s:%s' % (user, pw)
            auth = 'Basic ' + base64.b64encode(raw.encode()).decode('ascii')
            if req.get_header(self.auth_header, None) == auth:
                return None
            req.add_unredirected_header(self.auth_header, auth)
            return self.parent.open(req, timeout=req.timeout)
        return None

    def http_request(self, req):
        if (not hasattr(self.passwd, 'is_authenticated') or
                not self.passwd.is_authenticated(req.full_url)):
            return req
        if not req.has_header('Authorization'):
            user, passwd = self.passwd.find_user_password(None, req.full_url)
            credentials = '{0}:{1}'.format(user, passwd).encode()
            auth_str = base64.standard_b64encode(credentials).decode()
            req.add_unredirected_header('Authorization',
                                        'Basic {}'.format(auth_str.strip()))
        return req

    def http_response(self, req, response):
        if hasattr(self.passwd, 'is_authenticated'):
            if 200 <= response.code < 300:
                self.passwd.update_authenticated(req.full_url, True)
            else:
                self.passwd.update_authenticated(req.full_url, False)
        return response

    https_request = http_request
    https_response = http_response


class HTTPBasicAuthHandler(AbstractBasicAuthHandler, BaseHandler):

    auth_header = 'Authorization'

    def http_error_401(self, req, fp, code, msg, headers):
        url = req.full_url
        response = self.http_error_auth_reqed('www-authenticate',
                                              url, req, headers)
        return response


class ProxyBasicAuthHandler(AbstractBasicAuthHandler, BaseHandler):

    auth_header = 'Proxy-authorization'

    def http_error_407(self, req, fp, code, msg, headers):
        # The proxy is the request's host once set_proxy() ran.
        authority = req.host
        response = self.http_error_auth_reqed('proxy-authenticate',
                                              authority, req, headers)
        return response


_randombytes = os.urandom


class AbstractDigestAuthHandler:
    """Answer 'WWW-Authenticate: Digest ...' challenges (RFC 2617)."""

    def __init__(self, passwd=None):
        if passwd is None:
            passwd = HTTPPasswordMgr()
        self.passwd = passwd
        self.add_password = self.passwd.add_password
        self.retried = 0
        self.nonce_count = 0
        self.last_nonce = None

    def reset_retry_count(self):
        self.retried = 0

    def http_error_auth_reqed(self, auth_header, host, req, headers):
        authreq = headers.get(auth_header, None)
        if self.retried > 5:
            # Don't fail endlessly: the credentials must be wrong.
            raise HTTPError(req.full_url, 401, 'digest auth failed',
                            headers, None)
        else:
            self.retried += 1
        if authreq:
            scheme = authreq.split()[0]
            if scheme.lower() == 'digest':
                return self.retry_http_digest_auth(req, authreq)
            elif scheme.lower() != 'basic':
                raise ValueError("AbstractDigestAuthHandler does not support"
                                 " the following scheme: '%s'" % scheme)

    def retry_http_digest_auth(self, req, auth):
        token, challenge = auth.split(' ', 1)
        chal = parse_keqv_list(filter(None, parse_http_list(challenge)))
        auth = self.get_authorization(req, chal)
        if auth:
            auth_val = 'Digest %s' % auth
            if req.headers.get(self.auth_header, None) == auth_val:
                return None
            req.add_unredirected_header(self.auth_header, auth_val)
            resp = self.parent.open(req, timeout=req.timeout)
            return resp

    def get_cnonce(self, nonce):
        s = '%s:%s:%s:' % (self.nonce_count, nonce, time.ctime())
        b = s.encode('ascii') + _randombytes(8)
        dig = hashlib.sha1(b).hexdigest()
        return dig[:16]

    def get_authorization(self, req, chal):
        try:
            realm = chal['realm']
            nonce = chal['nonce']
            qop = chal.get('qop')
            algorithm = chal.get('algorithm', 'MD5')
            opaque = chal.get('opaque', None)
        except KeyError:
            return None
        H, KD = self.get_algorithm_impls(algorithm)
        if H is None:
            return None
        user, pw = self.passwd.find_user_password(realm, req.full_url)
        if user is None:
            return None
        if req.data is not None:
            entdig = self.get_entity_digest(req.data, chal)
        else:
            entdig = None
        A1 = '%s:%s:%s' % (user, realm, pw)
        A2 = '%s:%s' % (req.get_method(), req.selector)
        if qop is None:
            respdig = KD(H(A1), '%s:%s' % (nonce, H(A2)))
        elif 'auth' in qop.split(','):
            if nonce == self.last_nonce:
                self.nonce_count += 1
            else:
                self.nonce_count = 1
                self.last_nonce = nonce
            ncvalue = '%08x' % self.nonce_count
            cnonce = self.get_cnonce(nonce)
            noncebit = '%s:%s:%s:%s:%s' % (nonce, ncvalue, cnonce, 'auth',
                                           H(A2))
            respdig = KD(H(A1), noncebit)
        else:
            raise URLError("qop '%s' is not supported." % qop)
        base = ('username="%s", realm="%s", nonce="%s", uri="%s", '
                'response="%s"' % (user, realm, nonce, req.selector,
                                   respdig))
        if opaque:
            base += ', opaque="%s"' % opaque
        if entdig:
            base += ', digest="%s"' % entdig
        base += ', algorithm="%s"' % algorithm
        if qop:
            base += ', qop=auth, nc=%s, cnonce="%s"' % (ncvalue, cnonce)
        return base

    def get_algorithm_impls(self, algorithm):
        algorithms = {'MD5': hashlib.md5, 'SHA': hashlib.sha1,
                      'SHA-256': hashlib.sha256}
        if algorithm not in algorithms:
            raise ValueError("Unsupported digest authentication "
                             "algorithm %r" % algorithm)

        def H(x):
            return algorithms[algorithm](x.encode()).hexdigest()

        def KD(s, d):
            return H('%s:%s' % (s, d))
        return H, KD

    def get_entity_digest(self, data, chal):
        return None


class HTTPDigestAuthHandler(BaseHandler, AbstractDigestAuthHandler):

    auth_header = 'Authorization'
    handler_order = 490

    def http_error_401(self, req, fp, code, msg, headers):
        host = urlparse(req.full_url)[1]
        retry = self.http_error_auth_reqed('www-authenticate',
                                           host, req, headers)
        self.reset_retry_count()
        return retry


class ProxyDigestAuthHandler(BaseHandler, AbstractDigestAuthHandler):

    auth_header = 'Proxy-Authorization'
    handler_order = 490

    def http_error_407(self, req, fp, code, msg, headers):
        host = req.host
        retry = self.http_error_auth_reqed('proxy-authenticate',
                                           host, req, headers)
        self.reset_retry_count()
        return retry


class AbstractHTTPHandler(BaseHandler):
    """Send HTTP requests with http.client connections."""

    def __init__(self, debuglevel=None):
        self._debuglevel = debuglevel if debuglevel is not None \
            else http.client.HTTPConnection.debuglevel

    def set_http_debuglevel(self, level):
        self._debuglevel = level

    def _get_content_length(self, request):
        return http.client.HTTPConnection._get_content_length(
            request.data, request.get_method())

    def do_request_(self, request):
        """Add the default headers: Content-type and Content-length (or
        chunked Transfer-encoding) for a body, Host, and the opener's
        addheaders."""
        host = request.host
        if not host:
            raise URLError('no host given')
        if request.data is not None:
            data = request.data
            if isinstance(data, str):
                msg = ('POST data should be bytes, an iterable of bytes, '
                       'or a file object. It cannot be of type str.')
                raise TypeError(msg)
            if not request.has_header('Content-type'):
                request.add_unredirected_header(
                    'Content-type',
                    'application/x-www-form-urlencoded')
            if (not request.has_header('Content-length')
                    and not request.has_header('Transfer-encoding')):
                content_length = self._get_content_length(request)
                if content_length is not None:
                    request.add_unredirected_header(
                        'Content-length', str(content_length))
                else:
                    request.add_unredirected_header(
                        'Transfer-encoding', 'chunked')
        sel_host = host
        if request.has_proxy():
            scheme, sel = _splittype(request.selector)
            sel_host, sel_path = _splithost(sel)
        if not request.has_header('Host'):
            request.add_unredirected_header('Host', sel_host)
        for name, value in self.parent.addheaders:
            name = name.capitalize()
            if not request.has_header(name):
                request.add_unredirected_header(name, value)
        return request

    def do_open(self, http_class, req, **http_conn_args):
        """Send req on a new http_class connection; return the response
        (an http.client.HTTPResponse with msg set to the reason)."""
        host = req.host
        if not host:
            raise URLError('no host given')
        h = http_class(host, timeout=req.timeout, **http_conn_args)
        h.set_debuglevel(self._debuglevel)
        headers = dict(req.unredirected_hdrs)
        headers.update({k: v for k, v in req.headers.items()
                        if k not in headers})
        # One request per connection: ask the server to close it.
        headers['Connection'] = 'close'
        headers = {name.title(): val for name, val in headers.items()}
        if req._tunnel_host:
            tunnel_headers = {}
            proxy_auth_hdr = 'Proxy-Authorization'
            if proxy_auth_hdr in headers:
                tunnel_headers[proxy_auth_hdr] = headers[proxy_auth_hdr]
                del headers[proxy_auth_hdr]
            h.set_tunnel(req._tunnel_host, headers=tunnel_headers)
        try:
            try:
                h.request(req.get_method(), req.selector, req.data, headers,
                          encode_chunked=req.has_header('Transfer-encoding'))
            except OSError as err:
                raise URLError(err)
            r = h.getresponse()
        except:
            h.close()
            raise
        if h.sock:
            h.sock.close()
            h.sock = None
        r.url = req.get_full_url()
        r.msg = r.reason
        return r


class HTTPHandler(AbstractHTTPHandler):

    def http_open(self, req):
        return self.do_open(http.client.HTTPConnection, req)

    http_request = AbstractHTTPHandler.do_request_


if hasattr(http.client, 'HTTPSConnection'):

    class HTTPSHandler(AbstractHTTPHandler):

        def __init__(self, debuglevel=None, context=None,
                     check_hostname=None):
            super().__init__(debuglevel)
            if context is None:
                context = http.client._create_https_context(
                    http.client.HTTPSConnection._http_vsn)
            if check_hostname is not None:
                context.check_hostname = check_hostname
            self._context = context

        def https_open(self, req):
            return self.do_open(http.client.HTTPSConnection, req,
                                context=self._context)

        https_request = AbstractHTTPHandler.do_request_

    __all__.append('HTTPSHandler')


class HTTPCookieProcessor(BaseHandler):
    """Send the cookies of cookiejar with requests and store the ones
    responses set."""

    def __init__(self, cookiejar=None):
        import http.cookiejar
        if cookiejar is None:
            cookiejar = http.cookiejar.CookieJar()
        self.cookiejar = cookiejar

    def http_request(self, request):
        self.cookiejar.add_cookie_header(request)
        return request

    def http_response(self, request, response):
        self.cookiejar.extract_cookies(response, request)
        return response

    https_request = http_request
    https_response = http_response


class UnknownHandler(BaseHandler):
    """The last resort: refuse URL types nothing else opened."""

    def unknown_open(self, req):
        type = req.type
        raise URLError('unknown url type: %s' % type)


def parse_keqv_list(l):
    """A dict from a list of 'key=value' strings (values unquoted)."""
    parsed = {}
    for elt in l:
        k, v = elt.split('=', 1)
        if v[0] == '"' and v[-1] == '"':
            v = v[1:-1]
        parsed[k] = v
    return parsed


def parse_http_list(s):
    """Split a comma-separated header value into stripped items; commas
    inside quoted strings do not split (RFC 9110 lists)."""
    items = []
    start = 0
    quoted = False
    i = 0
    while i < len(s):
        ch = s[i]
        if quoted and ch == '\\':
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == ',' and not quoted:
            items.append(s[start:i])
            start = i + 1
        i += 1
    if s[start:]:
        items.append(s[start:])
    return [_unescape_quoted(item).strip() for item in items]


def _unescape_quoted(item):
    # Backslash escapes inside quoted strings stand for the character.
    return re.sub(r'\\(.)', r'\1', item)


class FileHandler(BaseHandler):
    """Open file: URLs of the local host."""

    def file_open(self, req):
        url = req.selector
        if url[:2] == '//' and url[2:3] != '/' and \
                (req.host and req.host != 'localhost'):
            if not req.host in self.get_names():
                raise URLError('file:// scheme is supported only on '
                               'localhost')
        return self.open_local_file(req)

    names = None

    def get_names(self):
        """The names and addresses of this host."""
        if FileHandler.names is None:
            try:
                FileHandler.names = tuple(
                    socket.gethostbyname_ex('localhost')[2] +
                    socket.gethostbyname_ex(socket.gethostname())[2])
            except socket.gaierror:
                FileHandler.names = (socket.gethostbyname('localhost'),)
        return FileHandler.names

    def open_local_file(self, req):
        import mimetypes
        host = req.host
        filename = req.selector
        localfile = url2pathname(filename)
        try:
            stats = os.stat(localfile)
            size = stats.st_size
            modified = email.utils.formatdate(stats.st_mtime, usegmt=True)
            mtype = mimetypes.guess_file_type(filename)[0]
            headers = email.message_from_string(
                'Content-type: %s\nContent-length: %d\nLast-modified: %s\n' %
                (mtype or 'text/plain', size, modified))
            if host:
                host, port = _splitport(host)
            if not host or \
                    (not port and _safe_gethostbyname(host) in
                     self.get_names()):
                origurl = 'file://' + host + filename if host else \
                    'file://' + filename
                return addinfourl(open(localfile, 'rb'), headers, origurl)
        except OSError as exp:
            raise URLError(exp, exp.filename)
        raise URLError('file not on local host')


def _safe_gethostbyname(host):
    try:
        return socket.gethostbyname(host)
    except socket.gaierror:
        return None


class FTPHandler(BaseHandler):
    """ftp: URLs.  Weft has no ftplib, so opening one fails with
    URLError (as an FTP error would)."""

    def ftp_open(self, req):
        raise URLError('ftp error: ftp URLs are not supported (no ftplib)')


class CacheFTPHandler(FTPHandler):
    """An FTPHandler that would keep connections open for reuse."""

    def __init__(self):
        self.cache = {}
        self.timeout = {}
        self.soonest = 0
        self.delay = 60
        self.max_conns = 16

    def setTimeout(self, t):
        self.delay = t

    def setMaxConns(self, m):
        self.max_conns = m

    def clear_cache(self):
        self.cache.clear()
        self.timeout.clear()
        self.soonest = 0


class DataHandler(BaseHandler):
    """Open data: URLs (RFC 2397)."""

    def data_open(self, req):
        url = req.full_url
        scheme, data = url.split(':', 1)
        mediatype, data = data.split(',', 1)
        if mediatype.endswith(';base64'):
            data = base64.decodebytes(unquote_to_bytes(data))
            mediatype = mediatype[:-7]
        else:
            data = unquote_to_bytes(data)
        if not mediatype:
            mediatype = 'text/plain;charset=US-ASCII'
        headers = email.message_from_string(
            'Content-type: %s\nContent-length: %d\n' % (mediatype, len(data)))
        return addinfourl(io.BytesIO(data), headers, url)


# -- local paths ------------------------------------------------------------

def url2pathname(url, *, require_scheme=False, resolve_host=False):
    """The local path of a file: URL given without its scheme (or with
    it, required, when require_scheme is true).

    An empty or 'localhost' authority is dropped (and, with
    resolve_host, one resolving to a local address); another raises
    URLError.  Query and fragment are discarded.
    """
    if require_scheme:
        scheme, url = _splittype(url)
        if scheme != 'file':
            raise URLError('URL is missing a required file: scheme')
    url = url.partition('#')[0].partition('?')[0]
    if url[:2] == '//':
        authority, slash, rest = url[2:].partition('/')
        if authority and authority.lower() != 'localhost':
            if not resolve_host or \
                    _safe_gethostbyname(authority) not in _local_addresses():
                raise URLError('file:// scheme is supported only on '
                               'localhost')
        url = slash + rest
    encoding = sys.getfilesystemencoding()
    errors = sys.getfilesystemencodeerrors()
    return unquote(url, encoding=encoding, errors=errors)


def _local_addresses():
    return FileHandler().get_names()


def pathname2url(pathname, *, add_scheme=False):
    """The percent-encoded URL for a local path, without the 'file:'
    prefix unless add_scheme is true.  An absolute path gets an empty
    authority: '/etc/hosts' becomes '///etc/hosts'."""
    encoding = sys.getfilesystemencoding()
    errors = sys.getfilesystemencodeerrors()
    url = quote(pathname, encoding=encoding, errors=errors)
    if pathname.startswith('/'):
        url = '//' + url
    if add_scheme:
        return 'file:' + url
    return url


# -- proxies ----------------------------------------------------------------

def getproxies_environment():
    """scheme -> proxy URL from the <scheme>_proxy environment variables.

    A lower-case variable wins over its upper-case twin (and an empty
    one removes it); HTTP_PROXY is ignored when REQUEST_METHOD is set,
    since a CGI client can inject it with a "Proxy:" header.
    """
    proxies = {}
    cgi = 'REQUEST_METHOD' in os.environ
    upper_first = sorted(os.environ.items(),
                         key=lambda item: item[0] == item[0].lower())
    for name, value in upper_first:
        lname = name.lower()
        if len(lname) <= 6 or not lname.endswith('_proxy'):
            continue
        if cgi and name == 'HTTP_PROXY':
            continue
        scheme = lname[:-6]
        if value:
            proxies[scheme] = value
        elif name == lname:
            proxies.pop(scheme, None)
    return proxies


def proxy_bypass_environment(host, proxies=None):
    """Whether host is listed in no_proxy ('*' matches everything)."""
    if proxies is None:
        proxies = getproxies_environment()
    try:
        no_proxy = proxies['no']
    except KeyError:
        return False
    if no_proxy == '*':
        return True
    host = host.lower()
    hostonly, port = _splitport(host)
    for name in no_proxy.split(','):
        name = name.strip()
        if name:
            name = name.lstrip('.')
            name = name.lower()
            if hostonly == name or host == name:
                return True
            name = '.' + name
            if hostonly.endswith(name) or host.endswith(name):
                return True
    return False


def getproxies():
    return getproxies_environment()


def proxy_bypass(host):
    return proxy_bypass_environment(host)
