"""Split URLs into components, join them back, resolve relative URLs,
and quote or unquote their parts.

Functions accept either str or bytes (never a mix); a result has the type
of the arguments.  Byte arguments are decoded as ASCII for parsing, so
non-ASCII bytes raise UnicodeDecodeError: quote them first.
"""

import re
from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag",
           "urlsplit", "urlunsplit", "urlencode", "parse_qs",
           "parse_qsl", "quote", "quote_plus", "quote_from_bytes",
           "unquote", "unquote_plus", "unquote_to_bytes",
           "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

# Schemes whose URLs may be relative to a base URL.
uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap',
                 'wais', 'file', 'https', 'shttp', 'mms',
                 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp',
                 'svn', 'svn+ssh', 'ws', 'wss']

# Schemes whose URLs carry a network location after '//'.
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet',
               'imap', 'wais', 'file', 'mms', 'https', 'shttp',
               'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync',
               'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh',
               'ws', 'wss', 'itms-services']

# Schemes that allow ';params' on the last path segment.
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap',
               'https', 'shttp', 'rtsp', 'rtsps', 'rtspu', 'sip',
               'sips', 'mms', 'sftp', 'tel']

non_hierarchical = ['gopher', 'hdl', 'mailto', 'news',
                    'telnet', 'wais', 'imap', 'snews', 'sip', 'sips']

uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms',
              'gopher', 'rtsp', 'rtsps', 'rtspu', 'sip', 'sips']

uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news',
                 'nntp', 'wais', 'https', 'shttp', 'snews',
                 'file', 'prospero']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

# WHATWG URL parsing strips these from the start and end of a URL ...
_WHATWG_C0_CONTROL_OR_SPACE = ''.join(map(chr, range(33)))
# ... and removes these anywhere inside it.
_UNSAFE_URL_BYTES_TO_REMOVE = ['\t', '\r', '\n']


def clear_cache():
    """Kept for compatibility: parsing keeps no cache."""


# ---------------------------------------------------------------------------
# str/bytes coercion: work on str internally, hand back the caller's type.

_implicit_encoding = 'ascii'
_implicit_errors = 'strict'


def _noop(obj):
    return obj


def _encode_result(obj, encoding=_implicit_encoding,
                   errors=_implicit_errors):
    return obj.encode(encoding, errors)


def _decode_args(args, encoding=_implicit_encoding,
                 errors=_implicit_errors):
    return tuple(x.decode(encoding, errors) if x else
                 (None if x is None else '') for x in args)


def _coerce_args(*args):
    """Return the args as str plus a function turning a str result back
    into the type the caller used.  Empty/None values adapt to either."""
    first = next((arg for arg in args if arg is not None), '')
    str_input = isinstance(first, str)
    for arg in args:
        if arg and isinstance(arg, str) != str_input:
            raise TypeError("Cannot mix str and non-str arguments")
    if str_input:
        return args + (_noop,)
    return _decode_args(args) + (_encode_result,)


# ---------------------------------------------------------------------------
# Result types.

class _ResultMixinStr:
    __slots__ = ()

    def encode(self, encoding='ascii', errors='strict'):
        return self._encoded_counterpart(
            *(x.encode(encoding, errors) if x is not None else None
              for x in self))


class _ResultMixinBytes:
    __slots__ = ()

    def decode(self, encoding='ascii', errors='strict'):
        return self._decoded_counterpart(
            *(x.decode(encoding, errors) if x is not None else None
              for x in self))


class _NetlocResultMixinBase:
    """username, password, hostname and port, read from self.netloc."""
    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        hostname = self._hostinfo[0]
        if not hostname:
            return None
        # A zone id ('%eth0') after an IPv6 address is case sensitive.
        separator = '%' if isinstance(hostname, str) else b'%'
        hostname, percent, zone = hostname.partition(separator)
        return hostname.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo[1]
        if port is None:
            return None
        if isinstance(port, bytes):
            port = port.decode('ascii', 'replace')
        if not (port.isdigit() and port.isascii()):
            raise ValueError(
                f"Port could not be cast to integer value as {port!r}")
        port = int(port)
        if not 0 <= port <= 65535:
            raise ValueError("Port out of range 0-65535")
        return port

    __class_getitem__ = classmethod(lambda cls, item: _generic_alias(cls, item))


def _generic_alias(cls, item):
    import types
    return types.GenericAlias(cls, item)


class _NetlocResultMixinStr(_NetlocResultMixinBase, _ResultMixinStr):
    __slots__ = ()

    @property
    def _userinfo(self):
        netloc = self.netloc or ''
        userinfo, have_info, _ = netloc.rpartition('@')
        if not have_info:
            return None, None
        username, have_password, password = userinfo.partition(':')
        return username, (password if have_password else None)

    @property
    def _hostinfo(self):
        netloc = self.netloc or ''
        hostinfo = netloc.rpartition('@')[2]
        _, have_open_br, bracketed = hostinfo.partition('[')
        if have_open_br:
            hostname, _, port = bracketed.partition(']')
            _, _, port = port.partition(':')
        else:
            hostname, _, port = hostinfo.partition(':')
        return hostname, (port or None)


class _NetlocResultMixinBytes(_NetlocResultMixinBase, _ResultMixinBytes):
    __slots__ = ()

    @property
    def _userinfo(self):
        netloc = self.netloc or b''
        userinfo, have_info, _ = netloc.rpartition(b'@')
        if not have_info:
            return None, None
        username, have_password, password = userinfo.partition(b':')
        return username, (password if have_password else None)

    @property
    def _hostinfo(self):
        netloc = self.netloc or b''
        hostinfo = netloc.rpartition(b'@')[2]
        _, have_open_br, bracketed = hostinfo.partition(b'[')
        if have_open_br:
            hostname, _, port = bracketed.partition(b']')
            _, _, port = port.partition(b':')
        else:
            hostname, _, port = hostinfo.partition(b':')
        return hostname, (port or None)


_DefragResultBase = namedtuple('_DefragResultBase', 'url fragment')
_SplitResultBase = namedtuple(
    '_SplitResultBase', 'scheme netloc path query fragment')
_ParseResultBase = namedtuple(
    '_ParseResultBase', 'scheme netloc path params query fragment')

_DefragResultBase.__doc__ = "A URL without its fragment, and the fragment."
_SplitResultBase.__doc__ = "The five components of a URL (urlsplit)."
_ParseResultBase.__doc__ = "The six components of a URL (urlparse)."


def _has_missing(result):
    return any(part is None for part in result)


# A result holds no flag saying it came from missing_as_none=True, so
# geturl() keeps empty components whenever some component is None.

class DefragResult(_DefragResultBase, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        if self.fragment is None:
            return self.url
        if self.fragment or _has_missing(self):
            return self.url + '#' + self.fragment
        return self.url


class SplitResult(_SplitResultBase, _NetlocResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self, keep_empty=_has_missing(self))


class ParseResult(_ParseResultBase, _NetlocResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self, keep_empty=_has_missing(self))


class DefragResultBytes(_DefragResultBase, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        if self.fragment is None:
            return self.url
        if self.fragment or _has_missing(self):
            return self.url + b'#' + self.fragment
        return self.url


class SplitResultBytes(_SplitResultBase, _NetlocResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self, keep_empty=_has_missing(self))


class ParseResultBytes(_ParseResultBase, _NetlocResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self, keep_empty=_has_missing(self))


for _str_cls, _bytes_cls in ((DefragResult, DefragResultBytes),
                             (SplitResult, SplitResultBytes),
                             (ParseResult, ParseResultBytes)):
    _str_cls._encoded_counterpart = _bytes_cls
    _bytes_cls._decoded_counterpart = _str_cls
del _str_cls, _bytes_cls


# ---------------------------------------------------------------------------
# Splitting.

def _splitnetloc(url, start=0):
    """The netloc runs from start to the first '/', '?' or '#'."""
    end = len(url)
    for delim in '/?#':
        pos = url.find(delim, start)
        if pos >= 0:
            end = min(end, pos)
    return url[start:end], url[end:]


def _checknetloc(netloc):
    # A netloc that NFKC normalisation would change into one containing
    # URL delimiters could smuggle another host past a naive check.
    if not netloc or netloc.isascii():
        return
    try:
        import unicodedata
    except ImportError:
        return
    bare = netloc.replace('@', '').replace(':', '')
    bare = bare.replace('#', '').replace('?', '')
    normalized = unicodedata.normalize('NFKC', bare)
    if normalized == bare:
        return
    for c in '/?#@:':
        if c in normalized:
            raise ValueError(f"netloc {netloc!r} contains invalid "
                             f"characters under NFKC normalization")


def _check_bracketed_host(hostname):
    if hostname.startswith('v'):
        if not re.fullmatch(r'v[a-fA-F0-9]+\..+', hostname):
            raise ValueError("IPvFuture address is invalid")
        return
    import ipaddress
    address = ipaddress.ip_address(hostname)
    if isinstance(address, ipaddress.IPv4Address):
        raise ValueError("An IPv4 address cannot be in brackets")


def _check_bracketed_netloc(netloc):
    hostinfo = netloc.rpartition('@')[2]
    before, _, bracketed = hostinfo.partition('[')
    if before:
        raise ValueError("Invalid IPv6 URL")
    hostname, _, port = bracketed.partition(']')
    if port and not port.startswith(':'):
        raise ValueError("Invalid IPv6 URL")
    _check_bracketed_host(hostname)


def _clean_url(url):
    url = url.lstrip(_WHATWG_C0_CONTROL_OR_SPACE)
    for c in _UNSAFE_URL_BYTES_TO_REMOVE:
        url = url.replace(c, '')
    return url


def _split_scheme(url):
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha():
        candidate = url[:colon]
        if all(c in scheme_chars for c in candidate):
            return candidate.lower(), url[colon + 1:]
    return None, url


def _urlsplit(url, scheme, allow_fragments):
    """Split a str URL; missing components are None."""
    url = _clean_url(url)
    if scheme is not None:
        # The default scheme gets the same cleaning as the URL itself.
        scheme = _clean_url(scheme).rstrip(_WHATWG_C0_CONTROL_OR_SPACE)
    found_scheme, url = _split_scheme(url)
    if found_scheme is not None:
        scheme = found_scheme
    netloc = query = fragment = None
    if url[:2] == '//':
        netloc, url = _splitnetloc(url, 2)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
        if '[' in netloc:
            _check_bracketed_netloc(netloc)
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    _checknetloc(netloc)
    return scheme, netloc, url, query, fragment


def _blank_missing(parts):
    return tuple('' if part is None else part for part in parts)


def urlsplit(url, scheme=None, allow_fragments=True, *,
             missing_as_none=False):
    """Split a URL into (scheme, netloc, path, query, fragment).

    Missing components are '' unless missing_as_none is true, then None.
    scheme is the default used when the URL has none.
    """
    if scheme is None:
        url, _coerce_result = _coerce_args(url)
        default = None
    else:
        url, default, _coerce_result = _coerce_args(url, scheme)
    parts = _urlsplit(url, default, allow_fragments)
    if not missing_as_none:
        parts = _blank_missing(parts)
    result = SplitResult(*parts)
    return result if _coerce_result is _noop else result.encode()


def _splitparams(url, missing_as_none):
    if '/' in url:
        slash = url.rfind('/')
        semicolon = url.find(';', slash)
    else:
        semicolon = url.find(';')
    if semicolon < 0:
        return url, (None if missing_as_none else '')
    return url[:semicolon], url[semicolon + 1:]


def urlparse(url, scheme=None, allow_fragments=True, *,
             missing_as_none=False):
    """Split a URL into (scheme, netloc, path, params, query, fragment).

    params (';' on the last path segment) are split off only for the
    schemes listed in uses_params.
    """
    split = urlsplit(url, scheme, allow_fragments,
                     missing_as_none=missing_as_none)
    if isinstance(split, SplitResultBytes):
        split = split.decode()
        as_bytes = True
    else:
        as_bytes = False
    sch, netloc, path, query, fragment = split
    if (sch or '') in uses_params and ';' in path:
        path, params = _splitparams(path, missing_as_none)
    else:
        params = None if missing_as_none else ''
    result = ParseResult(sch, netloc, path, params, query, fragment)
    return result.encode() if as_bytes else result


def urlunsplit(components, *, keep_empty=False):
    """Join (scheme, netloc, path, query, fragment) into a URL.

    A None component is left out with its delimiter; an empty one is
    left out too unless keep_empty is true.
    """
    scheme, netloc, url, query, fragment, _coerce_result = (
        _coerce_args(*components))
    if netloc is not None and (netloc or keep_empty):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + netloc + url
    elif url[:2] == '//':
        url = '//' + url
    elif (scheme and scheme in uses_netloc and (not url or url[:1] == '/')
          and not (keep_empty and netloc is None)):
        url = '//' + url
    if scheme:
        url = scheme + ':' + url
    if query is not None and (query or keep_empty):
        url = url + '?' + query
    if fragment is not None and (fragment or keep_empty):
        url = url + '#' + fragment
    return _coerce_result(url)


def urlunparse(components, *, keep_empty=False):
    """Join (scheme, netloc, path, params, query, fragment) into a URL."""
    scheme, netloc, url, params, query, fragment, _coerce_result = (
        _coerce_args(*components))
    if params is not None and (params or keep_empty):
        url = f'{url};{params}'
    return _coerce_result(urlunsplit((scheme, netloc, url, query, fragment),
                                     keep_empty=keep_empty))


def urldefrag(url, *, missing_as_none=False):
    """Split off the fragment: return (url without fragment, fragment)."""
    url, _coerce_result = _coerce_args(url)
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url, missing_as_none=missing_as_none)
        defrag = urlunparse((s, n, p, a, q, None), keep_empty=missing_as_none)
    else:
        frag = None if missing_as_none else ''
        defrag = url
    result = DefragResult(defrag, frag)
    return result if _coerce_result is _noop else result.encode()


# ---------------------------------------------------------------------------
# Resolving relative URLs (RFC 3986 section 5.2).

def _remove_dot_segments(segments):
    """Resolve '.' and '..' in a list of path segments; '..' at the top
    is dropped, as browsers do."""
    resolved = []
    for seg in segments:
        if seg == '..':
            if resolved:
                resolved.pop()
        elif seg != '.':
            resolved.append(seg)
    if segments[-1] in ('.', '..'):
        # 'a/b/..' ends with a directory: keep its trailing slash.
        resolved.append('')
    return resolved


def urljoin(base, url, allow_fragments=True):
    """Resolve url relative to base, the way a browser follows a link."""
    if not base:
        return url
    if not url:
        return base
    base, url, _coerce_result = _coerce_args(base, url)
    bscheme, bnetloc, bpath, bquery, _ = _urlsplit(
        base, None, allow_fragments)
    scheme, netloc, path, query, fragment = _urlsplit(
        url, bscheme, allow_fragments)
    bscheme = bscheme or ''
    scheme = scheme or ''

    if scheme != bscheme or scheme not in uses_relative:
        return _coerce_result(url)
    if scheme in uses_netloc:
        if netloc is not None:
            return _coerce_result(urlunsplit(
                (scheme, netloc, path, query, fragment), keep_empty=True))
        netloc = bnetloc

    if not path:
        path = bpath
        if query is None:
            query = bquery
        return _coerce_result(urlunsplit(
            (scheme, netloc, path, query, fragment), keep_empty=True))

    base_parts = bpath.split('/')
    if base_parts[-1] != '':
        # The last base segment is a file name: the reference replaces it.
        del base_parts[-1]
    if path[:1] == '/':
        segments = path.split('/')
    else:
        segments = base_parts + path.split('/')
        # Collapse empty segments introduced by the join, keeping the
        # leading and trailing ones.
        segments[1:-1] = [s for s in segments[1:-1] if s]

    path = '/'.join(_remove_dot_segments(segments)) or '/'
    return _coerce_result(urlunsplit(
        (scheme, netloc, path, query, fragment), keep_empty=True))


# ---------------------------------------------------------------------------
# Query strings.

def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding='utf-8', errors='replace', max_num_fields=None,
             separator='&'):
    """Parse a query string into a dict mapping names to lists of values."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing,
                                 encoding=encoding, errors=errors,
                                 max_num_fields=max_num_fields,
                                 separator=separator):
        result.setdefault(name, []).append(value)
    return result


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding='utf-8', errors='replace', max_num_fields=None,
              separator='&'):
    """Parse a query string into a list of (name, value) pairs."""
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if not qs:
        return []
    if isinstance(qs, str):
        if not isinstance(separator, str):
            separator = separator.decode('ascii')
        eq, plus = '=', '+'

        def unquote_field(s):
            return unquote(s.replace(plus, ' '), encoding=encoding,
                           errors=errors)
    else:
        try:
            qs = bytes(memoryview(qs))
        except TypeError:
            raise TypeError(f"expected str, bytes or bytearray, "
                            f"not {type(qs).__name__}") from None
        if isinstance(separator, str):
            separator = separator.encode('ascii')
        eq, plus = b'=', b'+'

        def unquote_field(s):
            return unquote_to_bytes(s.replace(plus, b' '))

    if max_num_fields is not None:
        if 1 + qs.count(separator) > max_num_fields:
            raise ValueError('Max number of fields exceeded')

    pairs = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name, has_eq, value = field.partition(eq)
        if not has_eq and strict_parsing:
            raise ValueError(f"bad query field: {field!r}")
        if value or keep_blank_values:
            pairs.append((unquote_field(name), unquote_field(value)))
    return pairs


# ---------------------------------------------------------------------------
# Quoting.

_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')
_ALWAYS_SAFE_BYTES = bytes(_ALWAYS_SAFE)

_HEXDIG = '0123456789ABCDEFabcdef'
_hextobyte = {(a + b).encode(): bytes.fromhex(a + b)
              for a in _HEXDIG for b in _HEXDIG}


def unquote_to_bytes(string):
    """Replace %xx escapes by the bytes they stand for."""
    if not string:
        string.split        # a str or bytes-like object, not some other falsy
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    pieces = string.split(b'%')
    if len(pieces) == 1:
        return bytes(string)
    out = [pieces[0]]
    for piece in pieces[1:]:
        byte = _hextobyte.get(bytes(piece[:2]))
        if byte is None:
            out.append(b'%')
            out.append(piece)
        else:
            out.append(byte)
            out.append(piece[2:])
    return b''.join(out)


_escape_run = re.compile(r'(?:%[0-9A-Fa-f]{2})+')


def unquote(string, encoding='utf-8', errors='replace'):
    """Replace %xx escapes by their characters; each run of escapes is
    decoded as one byte string with the given encoding."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split        # reject non-str containers early
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    return _escape_run.sub(
        lambda m: unquote_to_bytes(m.group()).decode(encoding, errors),
        string)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """unquote() that also turns '+' into a space (form encoding)."""
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode every character of string except letters, digits,
    '_.-~' and those in safe.  str is encoded first (UTF-8 by default)."""
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote() for HTML form values: spaces become '+'."""
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    string = quote(string, safe + space, encoding, errors)
    return string.replace(' ', '+')


_quoters = {}


def _byte_quoter(safe):
    """A table from byte value to its quoted text, cached per safe set."""
    table = _quoters.get(safe)
    if table is None:
        allowed = _ALWAYS_SAFE.union(safe)
        table = tuple(chr(b) if b in allowed else f'%{b:02X}'
                      for b in range(256))
        _quoters[safe] = table
    return table


def quote_from_bytes(bs, safe='/'):
    """Like quote(), for bytes: quote_from_bytes(b'a&\\xef') == 'a%26%EF'."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes(c for c in safe if c < 128)
    if not bs.rstrip(_ALWAYS_SAFE_BYTES + safe):
        return bs.decode()
    table = _byte_quoter(safe)
    return ''.join([table[b] for b in bs])


def urlencode(query, doseq=False, safe='', encoding=None, errors=None,
              quote_via=quote_plus):
    """Encode a mapping or a sequence of pairs as a query string.

    With doseq true, a sequence value produces one name=value per item.
    """
    if hasattr(query, 'items'):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as exc:
            raise TypeError("not a valid non-string sequence "
                            "or mapping object") from exc

    def quote_part(value):
        if isinstance(value, bytes):
            return quote_via(value, safe)
        return quote_via(value if isinstance(value, str) else str(value),
                         safe, encoding, errors)

    fields = []
    for name, value in query:
        name = quote_part(name)
        if not doseq or isinstance(value, (str, bytes)):
            fields.append(name + '=' + quote_part(value))
            continue
        try:
            len(value)
        except TypeError:
            fields.append(name + '=' + quote_part(value))
            continue
        for item in value:
            fields.append(name + '=' + quote_part(item))
    return '&'.join(fields)


# ---------------------------------------------------------------------------
# Legacy helpers still used by some callers.

def unwrap(url):
    """Strip '<URL:...>' or '<...>' wrapping and surrounding whitespace."""
    url = str(url).strip()
    if url[:1] == '<' and url[-1:] == '>':
        url = url[1:-1].strip()
    if url[:4] == 'URL:':
        url = url[4:].strip()
    return url


# Splitting helpers kept for urllib.request, http.client and older code.

def _to_bytes(url):
    """Check that url is ASCII-only (str input stays str)."""
    if isinstance(url, str):
        try:
            url.encode('ascii')
        except UnicodeError:
            raise UnicodeError(f"URL {url!r} contains non-ASCII characters")
    return url


def _splittype(url):
    """'type:opaquestring' -> ('type', 'opaquestring'); (None, url) if none."""
    match = re.match(r'([^/:]+):(.*)', url, re.DOTALL)
    if match:
        scheme, data = match.groups()
        return scheme.lower(), data
    return None, url


def _splithost(url):
    """'//host[:port]/path' -> ('host[:port]', '/path'); (None, url) if none."""
    match = re.match(r'//([^/#?]*)(.*)', url, re.DOTALL)
    if match:
        host, path = match.groups()
        if path and path[0] != '/':
            path = '/' + path
        return host, path
    return None, url


def _splituser(host):
    """'user[:passwd]@host[:port]' -> ('user[:passwd]', 'host[:port]')."""
    user, delim, host = host.rpartition('@')
    return (user if delim else None), host


def _splitpasswd(user):
    """'user:passwd' -> ('user', 'passwd'); the password may be None."""
    user, delim, passwd = user.partition(':')
    return user, (passwd if delim else None)


def _splitport(host):
    """'host:port' -> ('host', 'port'); port None when absent or empty."""
    match = re.fullmatch(r'(.*):([0-9]*)', host, re.DOTALL)
    if match:
        host, port = match.groups()
        if port:
            return host, port
    return host, None


def _splitnport(host, defport=-1):
    """'host:port' -> ('host', int port); defport when there is no port,
    None when the port is not a number."""
    host, delim, port = host.rpartition(':')
    if not delim:
        return port, defport
    if port:
        if port.isdigit() and port.isascii():
            return host, int(port)
        return host, None
    return host, defport


def _splitquery(url):
    """'/path?query' -> ('/path', 'query'); query None when absent."""
    path, delim, query = url.rpartition('?')
    return (path, query) if delim else (url, None)


def _splittag(url):
    """'/path#tag' -> ('/path', 'tag'); tag None when absent."""
    path, delim, tag = url.rpartition('#')
    return (path, tag) if delim else (url, None)


def _splitattr(url):
    """'/path;attr1=value1;attr2' -> ('/path', ['attr1=value1', 'attr2'])."""
    path, *attrs = url.split(';')
    return path, attrs


def _splitvalue(attr):
    """'attr=value' -> ('attr', 'value'); value None when there is no '='."""
    attr, delim, value = attr.partition('=')
    return attr, (value if delim else None)
