"""Client-side HTTP cookie handling.

CookieJar stores the cookies servers set (Set-Cookie, and Set-Cookie2
when RFC 2965 is enabled) and adds the matching ones to later requests,
under the rules of a CookiePolicy.  FileCookieJar subclasses save them
to and load them from files: MozillaCookieJar in the Netscape
cookies.txt format, LWPCookieJar in libwww-perl's Set-Cookie3 format.

Requests and responses are those of urllib.request (any object with the
same methods works).
"""

__all__ = ['Cookie', 'CookieJar', 'CookiePolicy', 'DefaultCookiePolicy',
           'FileCookieJar', 'LWPCookieJar', 'LoadError', 'MozillaCookieJar']

import calendar
import copy
import datetime
import os
import re
import threading
import time
import urllib.parse
from http.client import HTTP_PORT

debug = False
logger = None


def _debug(*args):
    if not debug:
        return
    global logger
    if not logger:
        import logging
        logger = logging.getLogger('http.cookiejar')
    return logger.debug(*args)


DEFAULT_HTTP_PORT = str(HTTP_PORT)
NETSCAPE_MAGIC_RGX = re.compile('#( Netscape)? HTTP Cookie File')
MISSING_FILENAME_TEXT = ('a filename was not supplied (nor was the CookieJar '
                         'instance initialised with one)')
NETSCAPE_HEADER_TEXT = """\
# Netscape HTTP Cookie File
# http://curl.haxx.se/rfc/cookie_spec.html
# This is a generated file!  Do not edit.

"""


class LoadError(OSError):
    """A cookie file could not be read."""


# -- dates -----------------------------------------------------------------

EPOCH_YEAR = 1970
DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
          'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
MONTHS_LOWER = [m.lower() for m in MONTHS]


def time2isoz(t=None):
    """t (default now) as 'YYYY-MM-DD hh:mm:ssZ' in UTC."""
    if t is None:
        dt = datetime.datetime.now(datetime.timezone.utc)
    else:
        dt = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
    return '%04d-%02d-%02d %02d:%02d:%02dZ' % (
        dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second)


def time2netscape(t=None):
    """t (default now) as 'Wdy, DD-Mon-YYYY HH:MM:SS GMT'."""
    if t is None:
        dt = datetime.datetime.now(datetime.timezone.utc)
    else:
        dt = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
    return '%s, %02d-%s-%04d %02d:%02d:%02d GMT' % (
        DAYS[dt.weekday()], dt.day, MONTHS[dt.month - 1],
        dt.year, dt.hour, dt.minute, dt.second)


_UTC_NAMES = ('GMT', 'UTC', 'UT', 'Z')
_NUMERIC_ZONE = re.compile(r'([-+]?)(\d{1,2}):?(\d\d)?', re.ASCII)


def offset_from_tz_string(tz):
    """Seconds east of UTC for 'GMT'/'UTC'/'UT'/'Z' or '[+-]hh[[:]mm]',
    or None."""
    if tz.upper() in _UTC_NAMES:
        return 0
    m = _NUMERIC_ZONE.fullmatch(tz)
    if m is None:
        return None
    seconds = int(m.group(2)) * 3600 + int(m.group(3) or 0) * 60
    return -seconds if m.group(1) == '-' else seconds


def _full_year(year):
    """A two-digit year taken as the one nearest to now (within 50
    years); longer years unchanged."""
    if year >= 100:
        return year
    this_year = time.gmtime().tm_year
    candidate = this_year - this_year % 100 + year
    if candidate > this_year + 50:
        candidate -= 100
    elif candidate < this_year - 50:
        candidate += 100
    return candidate


def _month_number(text):
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    try:
        return MONTHS_LOWER.index(text[:3].lower()) + 1
    except ValueError:
        return None


def _to_timestamp(day, month, year, hour, minute, second, zone):
    """Seconds since the epoch for the parsed fields (strings or None),
    or None when they make no valid date."""
    month = _month_number(month)
    if month is None:
        return None
    year = _full_year(int(year))
    if year > datetime.MAXYEAR:
        return None
    fields = (year, month, int(day), int(hour or 0), int(minute or 0),
              int(second or 0))
    if not (year >= EPOCH_YEAR and 1 <= fields[2] <= 31 and
            fields[3] <= 24 and fields[4] <= 59 and fields[5] <= 61):
        return None
    offset = offset_from_tz_string(zone) if zone else 0
    if offset is None:
        return None
    return calendar.timegm(fields) - offset


# The RFC 1123 form servers should send: "Wed, 09 Feb 1994 22:23:32 GMT".
_RFC1123_DATE = re.compile(
    r'[A-Z][a-z]{2}, (\d\d) ([A-Z][a-z]{2}) (\d{4}) '
    r'(\d\d):(\d\d):(\d\d) GMT', re.ASCII)
_LEADING_WEEKDAY = re.compile(
    r'(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*', re.I | re.ASCII)
# Everything else browsers accept: day, month (name or number) and year
# separated by blanks, '-' or '/', an optional clock, an optional zone
# (number or name, but not AM/PM) and an optional "(zone)" comment.
_LOOSE_DATE = re.compile(
    r'(\d{1,2})(?:\s+|[-/])(\w+)(?:\s+|[-/])(\d+)'
    r'(?:(?:\s+|:)(\d{1,2}):(\d\d)(?::(\d\d))?)?\s*'
    r'(?:([-+]?\d{2,4}|(?![APap][Mm]\b)[A-Za-z]+)\s*)?'
    r'(?:\(\w+\)\s*)?', re.ASCII)


def http2time(text):
    """Seconds since the epoch for an HTTP date in any common format,
    or None."""
    m = _RFC1123_DATE.fullmatch(text)
    if m:
        # This form alone comes back as a float, as it always has.
        return float(_to_timestamp(*m.groups(), 'GMT'))
    text = _LEADING_WEEKDAY.sub('', text.lstrip(), 1)
    m = _LOOSE_DATE.fullmatch(text)
    if m is None:
        return None
    return _to_timestamp(*m.groups())


# ISO 8601 and its usual relaxations: "1994-02-09 22:23:32Z",
# "19940209T222332+0100", "1994/2/9".
_ISO_DATE = re.compile(
    r'(\d{4})[-/]?(\d{1,2})[-/]?(\d{1,2})'
    r'(?:(?:\s+|[-:Tt])(\d{1,2}):?(\d\d)(?::?(\d\d)(?:\.\d*)?)?)?\s*'
    r'([-+]\d{1,2}(?::?\d\d)?|[Zz])?\s*', re.ASCII)


def iso2time(text):
    """Seconds since the epoch for an ISO 8601 date, or None."""
    m = _ISO_DATE.fullmatch(text.lstrip())
    if m is None:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    return _to_timestamp(day, month, year, hour, minute, second, zone)


# -- header parsing ----------------------------------------------------

# One item of a header: a token, optionally '=' and a quoted string or a
# plain value; or a comma, which starts the next list.
_HEADER_ITEM = re.compile(r"""
    \s*(?:
        (?P<comma>,)
      | (?P<name>[^=\s;,]+)
        (?:\s*=\s*(?:"(?P<quoted>[^"\\]*(?:\\.[^"\\]*)*)"
                    |(?P<plain>[^\s;,]*)))?
      | (?P<junk>[=;\s]+|.)
    )""", re.VERBOSE)


def split_header_words(header_values):
    """Each header value as lists of (name, value) pairs; a value is
    None when the name has no '='.  Commas start a new list."""
    result = []
    for text in header_values:
        pairs = []
        for m in _HEADER_ITEM.finditer(text):
            if m.group('comma'):
                if pairs:
                    result.append(pairs)
                pairs = []
            elif m.group('name'):
                if m.group('quoted') is not None:
                    value = re.sub(r'\\(.)', r'\1', m.group('quoted'))
                elif m.group('plain') is not None:
                    value = m.group('plain').rstrip()
                else:
                    value = None
                pairs.append((m.group('name'), value))
        if pairs:
            result.append(pairs)
    return result


def join_header_words(lists):
    """The inverse of split_header_words(): values that are not single
    words are quoted."""
    headers = []
    for pairs in lists:
        items = []
        for name, value in pairs:
            if value is None:
                items.append(name)
            elif re.fullmatch(r'\w+', value):
                items.append('%s=%s' % (name, value))
            else:
                escaped = re.sub(r'(["\\])', r'\\\1', value)
                items.append('%s="%s"' % (name, escaped))
        if items:
            headers.append('; '.join(items))
    return ', '.join(headers)


def strip_quotes(text):
    if text.startswith('"'):
        text = text[1:]
    if text.endswith('"'):
        text = text[:-1]
    return text


_NS_KNOWN_ATTRS = frozenset({'expires', 'domain', 'path', 'secure',
                             'version', 'port', 'max-age'})


def parse_ns_headers(ns_headers):
    """Netscape Set-Cookie headers as lists of (name, value) pairs: the
    cookie itself first, then its attributes (known ones lower-cased,
    'expires' as a timestamp), with ('version', '0') added when the
    header has no version."""
    result = []
    for header in ns_headers:
        fields = [field.strip() for field in header.split(';')]
        name, sep, value = fields[0].partition('=')
        if not name.strip():
            continue
        pairs = [(name.strip(), value.strip() if sep else None)]
        has_version = False
        for field in fields[1:]:
            key, sep, val = field.partition('=')
            key = key.strip()
            if not key:
                continue
            val = val.strip() if sep else None
            if key.lower() in _NS_KNOWN_ATTRS:
                key = key.lower()
            if key == 'version':
                has_version = True
                if val is not None:
                    val = strip_quotes(val)
            elif key == 'expires' and val is not None:
                val = http2time(strip_quotes(val))
            pairs.append((key, val))
        if not has_version:
            pairs.append(('version', '0'))
        result.append(pairs)
    return result


# -- hosts and domains -------------------------------------------------

IPV4_RE = re.compile(r'\.\d+$', re.ASCII)


def is_HDN(text):
    """Whether text is a host domain name (not an IP address)."""
    if IPV4_RE.search(text):
        return False
    if text == '':
        return False
    if text[0] == '.' or text[-1] == '.':
        return False
    return True


def domain_match(A, B):
    """RFC 2965 domain matching (case-insensitive)."""
    A = A.lower()
    B = B.lower()
    if A == B:
        return True
    if not is_HDN(A):
        return False
    i = A.rfind(B)
    if i == -1 or i == 0:
        return False
    if not B.startswith('.'):
        return False
    if not is_HDN(B[1:]):
        return False
    return True


def liberal_is_HDN(text):
    return not IPV4_RE.search(text)


def user_domain_match(A, B):
    """Domain matching for user-given domain lists: '.b.com' matches
    b.com and its subdomains, 'b.com' only itself."""
    A = A.lower()
    B = B.lower()
    if not (liberal_is_HDN(A) and liberal_is_HDN(B)):
        return A == B
    initial_dot = B.startswith('.')
    if initial_dot and A.endswith(B):
        return True
    if not initial_dot and A == B:
        return True
    return False


cut_port_re = re.compile(r':\d+$', re.ASCII)


def request_host(request):
    """The request's host name, lower case and without port."""
    url = request.get_full_url()
    host = urllib.parse.urlparse(url)[1]
    if host == '':
        host = request.get_header('Host', '')
    host = cut_port_re.sub('', host, 1)
    return host.lower()


def eff_request_host(request):
    """(request host, effective host: with '.local' if it has no dot)."""
    erhn = req_host = request_host(request)
    if '.' not in req_host:
        erhn = req_host + '.local'
    return req_host, erhn


def request_path(request):
    """The path of the request URL (at least '/')."""
    url = request.get_full_url()
    parts = urllib.parse.urlsplit(url)
    path = escape_path(parts.path)
    if not path.startswith('/'):
        path = '/' + path
    return path


def request_port(request):
    host = request.host
    i = host.find(':')
    if i >= 0:
        port = host[i + 1:]
        try:
            int(port)
        except ValueError:
            _debug("nonnumeric port: '%s'", port)
            return None
    else:
        port = DEFAULT_HTTP_PORT
    return port


HTTP_PATH_SAFE = "%/;:@&=+$,!~*'()"
ESCAPED_CHAR_RE = re.compile(r'%([0-9a-fA-F][0-9a-fA-F])')


def uppercase_escaped_char(match):
    return '%%%s' % match.group(1).upper()


def escape_path(path):
    """path with unsafe characters %-escaped and escapes upper-cased."""
    path = urllib.parse.quote(path, HTTP_PATH_SAFE)
    path = ESCAPED_CHAR_RE.sub(uppercase_escaped_char, path)
    return path


def reach(h):
    """The domain a host's cookies may reach (RFC 2965 section 1)."""
    i = h.find('.')
    if i >= 0:
        b = h[i + 1:]
        i = b.find('.')
        if is_HDN(h) and (i >= 0 or b == 'local'):
            return '.' + b
    return h


def is_third_party(request):
    """Whether the request is for a host its origin cannot reach."""
    req_host = request_host(request)
    return not domain_match(req_host, reach(request.origin_req_host))


class Cookie:
    """One cookie, with the attributes of RFC 2965 (most are public
    attributes: name, value, domain, path, expires, secure, ...)."""

    def __init__(self, version, name, value, port, port_specified,
                 domain, domain_specified, domain_initial_dot,
                 path, path_specified, secure, expires, discard,
                 comment, comment_url, rest, rfc2109=False):
        if version is not None:
            version = int(version)
        if expires is not None:
            expires = int(float(expires))
        if port is None and port_specified is True:
            raise ValueError('if port is None, port_specified must be false')
        self.version = version
        self.name = name
        self.value = value
        self.port = port
        self.port_specified = port_specified
        self.domain = domain.lower()
        self.domain_specified = domain_specified
        self.domain_initial_dot = domain_initial_dot
        self.path = path
        self.path_specified = path_specified
        self.secure = secure
        self.expires = expires
        self.discard = discard
        self.comment = comment
        self.comment_url = comment_url
        self.rfc2109 = rfc2109
        self._rest = copy.copy(rest)

    def has_nonstandard_attr(self, name):
        return name in self._rest

    def get_nonstandard_attr(self, name, default=None):
        return self._rest.get(name, default)

    def set_nonstandard_attr(self, name, value):
        self._rest[name] = value

    def is_expired(self, now=None):
        if now is None:
            now = time.time()
        return self.expires is not None and self.expires <= now

    def __str__(self):
        p = '' if self.port is None else ':' + self.port
        limit = self.domain + p + self.path
        if self.value is not None:
            namevalue = '%s=%s' % (self.name, self.value)
        else:
            namevalue = self.name
        return '<Cookie %s for %s>' % (namevalue, limit)

    def __repr__(self):
        args = []
        for name in ('version', 'name', 'value', 'port', 'port_specified',
                     'domain', 'domain_specified', 'domain_initial_dot',
                     'path', 'path_specified', 'secure', 'expires',
                     'discard', 'comment', 'comment_url'):
            args.append('%s=%s' % (name, repr(getattr(self, name))))
        args.append('rest=%s' % repr(self._rest))
        args.append('rfc2109=%s' % repr(self.rfc2109))
        return '%s(%s)' % (self.__class__.__name__, ', '.join(args))


class CookiePolicy:
    """The interface of cookie policies: which cookies to accept from
    servers (set_ok) and which to send back (return_ok)."""

    def set_ok(self, cookie, request):
        raise NotImplementedError()

    def return_ok(self, cookie, request):
        raise NotImplementedError()

    def domain_return_ok(self, domain, request):
        return True

    def path_return_ok(self, path, request):
        return True


class DefaultCookiePolicy(CookiePolicy):
    """The usual rules of Netscape cookies and RFC 2965, with options
    to make them stricter and lists of blocked or allowed domains."""

    DomainStrictNoDots = 1
    DomainStrictNonDomain = 2
    DomainRFC2965Match = 4
    DomainLiberal = 0
    DomainStrict = DomainStrictNoDots | DomainStrictNonDomain

    def __init__(self, blocked_domains=None, allowed_domains=None,
                 netscape=True, rfc2965=False,
                 rfc2109_as_netscape=None,
                 hide_cookie2=False,
                 strict_domain=False,
                 strict_rfc2965_unverifiable=True,
                 strict_ns_unverifiable=False,
                 strict_ns_domain=DomainLiberal,
                 strict_ns_set_initial_dollar=False,
                 strict_ns_set_path=False,
                 secure_protocols=('https', 'wss')):
        self.netscape = netscape
        self.rfc2965 = rfc2965
        self.rfc2109_as_netscape = rfc2109_as_netscape
        self.hide_cookie2 = hide_cookie2
        self.strict_domain = strict_domain
        self.strict_rfc2965_unverifiable = strict_rfc2965_unverifiable
        self.strict_ns_unverifiable = strict_ns_unverifiable
        self.strict_ns_domain = strict_ns_domain
        self.strict_ns_set_initial_dollar = strict_ns_set_initial_dollar
        self.strict_ns_set_path = strict_ns_set_path
        self.secure_protocols = secure_protocols
        self._blocked_domains = tuple(blocked_domains or ())
        self._allowed_domains = None if allowed_domains is None \
            else tuple(allowed_domains)

    def blocked_domains(self):
        return self._blocked_domains

    def set_blocked_domains(self, blocked_domains):
        self._blocked_domains = tuple(blocked_domains)

    def is_blocked(self, domain):
        return any(user_domain_match(domain, blocked)
                   for blocked in self._blocked_domains)

    def allowed_domains(self):
        return self._allowed_domains

    def set_allowed_domains(self, allowed_domains):
        if allowed_domains is not None:
            allowed_domains = tuple(allowed_domains)
        self._allowed_domains = allowed_domains

    def is_not_allowed(self, domain):
        if self._allowed_domains is None:
            return False
        return not any(user_domain_match(domain, allowed)
                       for allowed in self._allowed_domains)

    # -- accepting cookies ---------------------------------------------

    def set_ok(self, cookie, request):
        """Whether to accept cookie, set by the response to request."""
        _debug(' - checking cookie %s=%s', cookie.name, cookie.value)
        assert cookie.name is not None
        for n in ('version', 'verifiability', 'name', 'path', 'domain',
                  'port'):
            if not getattr(self, 'set_ok_' + n)(cookie, request):
                return False
        return True

    def set_ok_version(self, cookie, request):
        if cookie.version is None:
            return False
        if cookie.version > 0 and not self.rfc2965:
            return False
        if cookie.version == 0 and not self.netscape:
            return False
        return True

    def set_ok_verifiability(self, cookie, request):
        if request.unverifiable and is_third_party(request):
            if cookie.version > 0 and self.strict_rfc2965_unverifiable:
                return False
            if cookie.version == 0 and self.strict_ns_unverifiable:
                return False
        return True

    def set_ok_name(self, cookie, request):
        if (cookie.version == 0 and self.strict_ns_set_initial_dollar and
                cookie.name.startswith('$')):
            return False
        return True

    def set_ok_path(self, cookie, request):
        if cookie.path_specified:
            req_path = request_path(request)
            if ((cookie.version > 0 or
                 (cookie.version == 0 and self.strict_ns_set_path)) and
                    not self.path_return_ok(cookie.path, request)):
                return False
        return True

    # Second-level labels under which registrations are public, as in
    # co.uk or com.au: strict_domain refuses cookies set for them.
    _public_second_levels = frozenset({
        'co', 'ac', 'com', 'edu', 'org', 'net', 'gov', 'mil', 'int', 'aero',
        'biz', 'cat', 'coop', 'info', 'jobs', 'mobi', 'museum', 'name',
        'pro', 'travel', 'eu'})

    def _is_public_suffix(self, domain):
        """Whether domain looks like '.co.uk': a known second-level label
        under a two-letter country code."""
        labels = domain.split('.')
        return (len(labels) == 3 and labels[0] == '' and
                labels[1].lower() in self._public_second_levels and
                len(labels[2]) == 2)

    def set_ok_domain(self, cookie, request):
        """A cookie's Domain must be a real domain (with an inner dot,
        unless the host is a .local one) that the request host is in."""
        if self.is_blocked(cookie.domain) or \
                self.is_not_allowed(cookie.domain):
            return False
        if not cookie.domain_specified:
            return True
        req_host, erhn = eff_request_host(request)
        domain = cookie.domain
        if self.strict_domain and self._is_public_suffix(domain):
            return False
        bare = domain[1:] if domain.startswith('.') else domain
        if '.' not in bare and not erhn.endswith('.local'):
            return False
        if cookie.version == 0:
            host_in_domain = (erhn.endswith(domain) or
                              erhn.endswith(bare + '.local') or
                              ('.' + erhn).endswith(domain))
            if not host_in_domain:
                return False
        rfc_rules = cookie.version > 0
        if (rfc_rules or self.strict_ns_domain & self.DomainRFC2965Match) \
                and not domain_match(erhn, domain):
            return False
        if rfc_rules or self.strict_ns_domain & self.DomainStrictNoDots:
            # RFC 2965: the host part left of the domain has no dots.
            prefix = req_host[:-len(domain)]
            if '.' in prefix and not IPV4_RE.search(req_host):
                return False
        return True

    def set_ok_port(self, cookie, request):
        if cookie.port_specified:
            req_port = request_port(request)
            if req_port is None:
                req_port = '80'
            else:
                req_port = str(req_port)
            for p in cookie.port.split(','):
                try:
                    int(p)
                except ValueError:
                    return False
                if p == req_port:
                    break
            else:
                return False
        return True

    # -- returning cookies ---------------------------------------------

    def return_ok(self, cookie, request):
        """Whether to send cookie with request."""
        for n in ('version', 'verifiability', 'secure', 'expires', 'port',
                  'domain'):
            if not getattr(self, 'return_ok_' + n)(cookie, request):
                return False
        return True

    def return_ok_version(self, cookie, request):
        if cookie.version > 0 and not self.rfc2965:
            return False
        if cookie.version == 0 and not self.netscape:
            return False
        return True

    def return_ok_verifiability(self, cookie, request):
        if request.unverifiable and is_third_party(request):
            if cookie.version > 0 and self.strict_rfc2965_unverifiable:
                return False
            if cookie.version == 0 and self.strict_ns_unverifiable:
                return False
        return True

    def return_ok_secure(self, cookie, request):
        if cookie.secure and request.type not in self.secure_protocols:
            return False
        return True

    def return_ok_expires(self, cookie, request):
        if cookie.is_expired(self._now):
            return False
        return True

    def return_ok_port(self, cookie, request):
        if cookie.port:
            req_port = request_port(request)
            if req_port is None:
                req_port = '80'
            for p in cookie.port.split(','):
                if p == req_port:
                    break
            else:
                return False
        return True

    def return_ok_domain(self, cookie, request):
        req_host, erhn = eff_request_host(request)
        domain = cookie.domain
        if domain and not domain.startswith('.'):
            dotdomain = '.' + domain
        else:
            dotdomain = domain
        if (cookie.version == 0 and
                (self.strict_ns_domain & self.DomainStrictNonDomain) and
                not cookie.domain_specified and domain != erhn):
            return False
        if cookie.version > 0 and not domain_match(erhn, domain):
            return False
        if cookie.version == 0 and not ('.' + erhn).endswith(dotdomain):
            return False
        return True

    def domain_return_ok(self, domain, request):
        req_host, erhn = eff_request_host(request)
        if not req_host.startswith('.'):
            req_host = '.' + req_host
        if not erhn.startswith('.'):
            erhn = '.' + erhn
        if domain and not domain.startswith('.'):
            dotdomain = '.' + domain
        else:
            dotdomain = domain
        if not (req_host.endswith(dotdomain) or erhn.endswith(dotdomain)):
            return False
        if self.is_blocked(domain):
            return False
        if self.is_not_allowed(domain):
            return False
        return True

    def path_return_ok(self, path, request):
        req_path = request_path(request)
        pathlen = len(path)
        if req_path == path:
            return True
        if (req_path.startswith(path) and
                (path.endswith('/') or req_path[pathlen:pathlen + 1] == '/')):
            return True
        return False


def deepvalues(mapping):
    """The leaves of nested dicts, depth first in key order."""
    values = sorted(mapping.items())
    for k, obj in values:
        if isinstance(obj, dict):
            yield from deepvalues(obj)
        else:
            yield obj


class Absent:
    pass


class CookieJar:
    """A store of cookies: extract_cookies() takes them from responses,
    add_cookie_header() puts the matching ones on requests.

    The jar is safe to share between threads: a lock protects the
    cookie table.
    """

    non_word_re = re.compile(r'\W')
    quote_re = re.compile(r'([\"\\])')
    strict_domain_re = re.compile(r'^\.?[^.]*')
    domain_re = re.compile(r'[^.]*')
    dots_re = re.compile(r'^\.+')

    magic_re = re.compile(r'^\#LWP-Cookies-(\d+\.\d+)', re.ASCII)

    def __init__(self, policy=None):
        if policy is None:
            policy = DefaultCookiePolicy()
        self._policy = policy
        self._cookies_lock = threading.RLock()
        self._cookies = {}

    def set_policy(self, policy):
        self._policy = policy

    def _cookies_for_domain(self, domain, request):
        cookies = []
        if not self._policy.domain_return_ok(domain, request):
            return []
        cookies_by_path = self._cookies[domain]
        for path in cookies_by_path.keys():
            if not self._policy.path_return_ok(path, request):
                continue
            cookies_by_name = cookies_by_path[path]
            for cookie in cookies_by_name.values():
                if not self._policy.return_ok(cookie, request):
                    continue
                cookies.append(cookie)
        return cookies

    def _cookies_for_request(self, request):
        cookies = []
        for domain in self._cookies.keys():
            cookies.extend(self._cookies_for_domain(domain, request))
        return cookies

    def _cookie_attrs(self, cookies):
        """The Cookie header attributes for cookies (most specific path
        first)."""
        cookies.sort(key=lambda a: len(a.path), reverse=True)
        version_set = False
        attrs = []
        for cookie in cookies:
            version = cookie.version
            if not version_set:
                version_set = True
                if version > 0:
                    attrs.append('$Version=%s' % version)
            if ((cookie.value is not None) and
                    self.non_word_re.search(cookie.value) and version > 0):
                value = self.quote_re.sub(r'\\\1', cookie.value)
            else:
                value = cookie.value
            if cookie.value is None:
                attrs.append(cookie.name)
            else:
                attrs.append('%s=%s' % (cookie.name, value))
            if version > 0:
                if cookie.path_specified:
                    attrs.append('$Path="%s"' % cookie.path)
                if cookie.domain.startswith('.'):
                    domain = cookie.domain
                    if (not cookie.domain_initial_dot and
                            domain.startswith('.')):
                        domain = domain[1:]
                    attrs.append('$Domain="%s"' % domain)
                if cookie.port is not None:
                    p = '$Port'
                    if cookie.port_specified:
                        p = p + ('="%s"' % cookie.port)
                    attrs.append(p)
        return attrs

    def add_cookie_header(self, request):
        """Add a Cookie header with the cookies due to request."""
        with self._cookies_lock:
            self._policy._now = self._now = int(time.time())
            cookies = self._cookies_for_request(request)
            attrs = self._cookie_attrs(cookies)
            if attrs:
                if not request.has_header('Cookie'):
                    request.add_unredirected_header('Cookie', '; '.join(attrs))
            if (self._policy.rfc2965 and not self._policy.hide_cookie2 and
                    not request.has_header('Cookie2')):
                for cookie in cookies:
                    if cookie.version != 1:
                        request.add_unredirected_header('Cookie2',
                                                        '$Version="1"')
                        break
        self.clear_expired_cookies()

    def _normalized_cookie_tuples(self, attrs_set):
        """(name, value, standard attrs, other attrs) for each parsed
        cookie, with attribute values checked and normalized."""
        cookie_tuples = []
        boolean_attrs = 'discard', 'secure'
        value_attrs = ('version', 'expires', 'max-age', 'domain', 'path',
                       'port', 'comment', 'commenturl')
        for cookie_attrs in attrs_set:
            name, value = cookie_attrs[0]
            max_age_set = False
            bad_cookie = False
            standard = {}
            rest = {}
            for k, v in cookie_attrs[1:]:
                lc = k.lower()
                if lc in value_attrs or lc in boolean_attrs:
                    k = lc
                if k in boolean_attrs and v is None:
                    v = True
                if k in standard:
                    continue
                if k == 'domain':
                    if v is None:
                        bad_cookie = True
                        break
                    v = v.lower()
                if k == 'expires':
                    if max_age_set:
                        continue
                    if v is None:
                        continue
                if k == 'max-age':
                    max_age_set = True
                    try:
                        v = int(v)
                    except ValueError:
                        bad_cookie = True
                        break
                    k = 'expires'
                    v = self._now + v
                if (k in value_attrs) or (k in boolean_attrs):
                    if (v is None and
                            k not in ('port', 'comment', 'commenturl')):
                        bad_cookie = True
                        break
                    standard[k] = v
                else:
                    rest[k] = v
            if bad_cookie:
                continue
            cookie_tuples.append((name, value, standard, rest))
        return cookie_tuples

    def _cookie_from_cookie_tuple(self, tup, request):
        name, value, standard, rest = tup
        domain = standard.get('domain', Absent)
        path = standard.get('path', Absent)
        port = standard.get('port', Absent)
        expires = standard.get('expires', Absent)
        version = standard.get('version', None)
        if version is not None:
            try:
                version = int(version)
            except ValueError:
                return None
        secure = standard.get('secure', False)
        discard = standard.get('discard', False)
        comment = standard.get('comment', None)
        comment_url = standard.get('commenturl', None)
        if path is not Absent and path != '':
            path_specified = True
            path = escape_path(path)
        else:
            path_specified = False
            path = request_path(request)
            i = path.rfind('/')
            if i != -1:
                if version == 0:
                    path = path[:i]
                else:
                    path = path[:i + 1]
            if len(path) == 0:
                path = '/'
        domain_specified = domain is not Absent
        domain_initial_dot = False
        if domain_specified:
            domain_initial_dot = bool(domain.startswith('.'))
        if domain is Absent:
            req_host, erhn = eff_request_host(request)
            domain = erhn
        elif not domain.startswith('.'):
            domain = '.' + domain
        port_specified = False
        if port is not Absent:
            if port is None:
                port = request_port(request)
            else:
                port_specified = True
                port = re.sub(r'\s+', '', port)
        else:
            port = None
        if expires is Absent:
            expires = None
            discard = True
        elif expires <= self._now:
            # An expired cookie deletes the one it names.
            try:
                self.clear(domain, path, name)
            except KeyError:
                pass
            _debug("Expiring cookie, domain='%s', path='%s', name='%s'",
                   domain, path, name)
            return None
        return Cookie(version, name, value, port, port_specified,
                      domain, domain_specified, domain_initial_dot,
                      path, path_specified, secure, expires, discard,
                      comment, comment_url, rest)

    def _cookies_from_attrs_set(self, attrs_set, request):
        cookie_tuples = self._normalized_cookie_tuples(attrs_set)
        cookies = []
        for tup in cookie_tuples:
            cookie = self._cookie_from_cookie_tuple(tup, request)
            if cookie:
                cookies.append(cookie)
        return cookies

    def _process_rfc2109_cookies(self, cookies):
        rfc2109_as_ns = getattr(self._policy, 'rfc2109_as_netscape', None)
        if rfc2109_as_ns is None:
            rfc2109_as_ns = not self._policy.rfc2965
        for cookie in cookies:
            if cookie.version == 1:
                cookie.rfc2109 = True
                if rfc2109_as_ns:
                    cookie.version = 0

    def make_cookies(self, response, request):
        """The Cookie objects set by response (without policy checks)."""
        headers = response.info()
        rfc2965_hdrs = headers.get_all('Set-Cookie2', [])
        ns_hdrs = headers.get_all('Set-Cookie', [])
        self._policy._now = self._now = int(time.time())
        rfc2965 = self._policy.rfc2965
        netscape = self._policy.netscape
        if ((not rfc2965_hdrs and not ns_hdrs) or
                (not ns_hdrs and not rfc2965) or
                (not rfc2965_hdrs and not netscape) or
                (not netscape and not rfc2965)):
            return []
        try:
            cookies = self._cookies_from_attrs_set(
                split_header_words(rfc2965_hdrs), request)
        except Exception:
            cookies = []
        if ns_hdrs and netscape:
            try:
                ns_cookies = self._cookies_from_attrs_set(
                    parse_ns_headers(ns_hdrs), request)
            except Exception:
                ns_cookies = []
            self._process_rfc2109_cookies(ns_cookies)
            if rfc2965:
                # A Set-Cookie2 cookie wins over a Netscape one.
                lookup = {(c.domain, c.path, c.name) for c in cookies}
                ns_cookies = [c for c in ns_cookies
                              if (c.domain, c.path, c.name) not in lookup]
            if ns_cookies:
                cookies.extend(ns_cookies)
        return cookies

    def set_cookie_if_ok(self, cookie, request):
        """Store cookie if the policy accepts it."""
        with self._cookies_lock:
            self._policy._now = self._now = int(time.time())
            if self._policy.set_ok(cookie, request):
                self.set_cookie(cookie)

    def set_cookie(self, cookie):
        """Store cookie unconditionally."""
        c = self._cookies
        with self._cookies_lock:
            if cookie.domain not in c:
                c[cookie.domain] = {}
            c2 = c[cookie.domain]
            if cookie.path not in c2:
                c2[cookie.path] = {}
            c3 = c2[cookie.path]
            c3[cookie.name] = cookie

    def extract_cookies(self, response, request):
        """Store the cookies response sets that the policy accepts."""
        _debug('extract_cookies: %s', response.info())
        with self._cookies_lock:
            for cookie in self.make_cookies(response, request):
                if self._policy.set_ok(cookie, request):
                    _debug(' setting cookie: %s', cookie)
                    self.set_cookie(cookie)

    def clear(self, domain=None, path=None, name=None):
        """Remove cookies: all, or those of domain (and path, and name).
        KeyError if nothing matches."""
        with self._cookies_lock:
            if name is not None:
                if (domain is None) or (path is None):
                    raise ValueError(
                        'domain and path must be given to remove a cookie '
                        'by name')
                del self._cookies[domain][path][name]
            elif path is not None:
                if domain is None:
                    raise ValueError(
                        'domain must be given to remove cookies by path')
                del self._cookies[domain][path]
            elif domain is not None:
                del self._cookies[domain]
            else:
                self._cookies = {}

    def clear_session_cookies(self):
        """Remove the cookies that last only as long as the session."""
        with self._cookies_lock:
            for cookie in list(self):
                if cookie.discard:
                    self.clear(cookie.domain, cookie.path, cookie.name)

    def clear_expired_cookies(self):
        """Remove the expired cookies."""
        with self._cookies_lock:
            now = time.time()
            for cookie in list(self):
                if cookie.is_expired(now):
                    self.clear(cookie.domain, cookie.path, cookie.name)

    def __iter__(self):
        return deepvalues(self._cookies)

    def __len__(self):
        return sum(1 for _ in self)

    def __repr__(self):
        r = [repr(cookie) for cookie in self]
        return '<%s[%s]>' % (self.__class__.__name__, ', '.join(r))

    def __str__(self):
        r = [str(cookie) for cookie in self]
        return '<%s[%s]>' % (self.__class__.__name__, ', '.join(r))


class FileCookieJar(CookieJar):
    """A CookieJar that can be saved to and loaded from a file."""

    def __init__(self, filename=None, delayload=False, policy=None):
        CookieJar.__init__(self, policy)
        if filename is not None:
            filename = os.fspath(filename)
        self.filename = filename
        self.delayload = bool(delayload)

    def save(self, filename=None, ignore_discard=False, ignore_expires=False):
        """Write the cookies to filename (default: self.filename)."""
        raise NotImplementedError()

    def load(self, filename=None, ignore_discard=False, ignore_expires=False):
        """Add the cookies in filename (default: self.filename)."""
        if filename is None:
            if self.filename is not None:
                filename = self.filename
            else:
                raise ValueError(MISSING_FILENAME_TEXT)
        with open(filename) as f:
            self._really_load(f, filename, ignore_discard, ignore_expires)

    def revert(self, filename=None,
               ignore_discard=False, ignore_expires=False):
        """Replace the cookies by those of the file; unchanged on error."""
        if filename is None:
            if self.filename is not None:
                filename = self.filename
            else:
                raise ValueError(MISSING_FILENAME_TEXT)
        with self._cookies_lock:
            old_state = copy.deepcopy(self._cookies)
            self._cookies = {}
            try:
                self.load(filename, ignore_discard, ignore_expires)
            except OSError:
                self._cookies = old_state
                raise


def lwp_cookie_str(cookie):
    """One cookie in the Set-Cookie3 format (without the header name)."""
    h = [(cookie.name, cookie.value),
         ('path', cookie.path),
         ('domain', cookie.domain)]
    if cookie.port is not None:
        h.append(('port', cookie.port))
    if cookie.path_specified:
        h.append(('path_spec', None))
    if cookie.port_specified:
        h.append(('port_spec', None))
    if cookie.domain_initial_dot:
        h.append(('domain_dot', None))
    if cookie.secure:
        h.append(('secure', None))
    if cookie.expires:
        h.append(('expires', time2isoz(float(cookie.expires))))
    if cookie.discard:
        h.append(('discard', None))
    if cookie.comment:
        h.append(('comment', cookie.comment))
    if cookie.comment_url:
        h.append(('commenturl', cookie.comment_url))
    keys = sorted(cookie._rest.keys())
    for k in keys:
        h.append((k, str(cookie._rest[k])))
    h.append(('version', str(cookie.version)))
    return join_header_words([h])


class LWPCookieJar(FileCookieJar):
    """Cookies saved in libwww-perl's Set-Cookie3 format."""

    def as_lwp_str(self, ignore_discard=True, ignore_expires=True):
        now = time.time()
        r = []
        for cookie in self:
            if not ignore_discard and cookie.discard:
                continue
            if not ignore_expires and cookie.is_expired(now):
                continue
            r.append('Set-Cookie3: %s' % lwp_cookie_str(cookie))
        return '\n'.join(r + [''])

    def save(self, filename=None, ignore_discard=False, ignore_expires=False):
        if filename is None:
            if self.filename is not None:
                filename = self.filename
            else:
                raise ValueError(MISSING_FILENAME_TEXT)
        with os.fdopen(os.open(filename, os.O_CREAT | os.O_WRONLY |
                               os.O_TRUNC, 0o600), 'w') as f:
            f.write('#LWP-Cookies-2.0\n')
            f.write(self.as_lwp_str(ignore_discard, ignore_expires))

    def _really_load(self, f, filename, ignore_discard, ignore_expires):
        magic = f.readline()
        if not self.magic_re.search(magic):
            raise LoadError('%r does not look like a Set-Cookie3 (LWP) '
                            'format file' % filename)
        now = time.time()
        header = 'Set-Cookie3:'
        boolean_attrs = ('port_spec', 'path_spec', 'domain_dot',
                         'secure', 'discard')
        value_attrs = ('version', 'port', 'path', 'domain', 'expires',
                       'comment', 'commenturl')
        try:
            while (line := f.readline()) != '':
                if not line.startswith(header):
                    continue
                line = line[len(header):].strip()
                for data in split_header_words([line]):
                    name, value = data[0]
                    standard = {}
                    rest = {}
                    for k in boolean_attrs:
                        standard[k] = False
                    for k, v in data[1:]:
                        lc = k.lower() if k is not None else None
                        if (lc in value_attrs) or (lc in boolean_attrs):
                            k = lc
                        if k in boolean_attrs:
                            if v is None:
                                v = True
                            standard[k] = v
                        elif k in value_attrs:
                            standard[k] = v
                        else:
                            rest[k] = v
                    h = standard.get
                    expires = h('expires')
                    discard = h('discard')
                    if expires is not None:
                        expires = iso2time(expires)
                    if expires is None:
                        discard = True
                    domain = h('domain')
                    domain_specified = domain.startswith('.')
                    c = Cookie(h('version'), name, value,
                               h('port'), h('port_spec'),
                               domain, domain_specified, h('domain_dot'),
                               h('path'), h('path_spec'),
                               h('secure'),
                               expires,
                               discard,
                               h('comment'),
                               h('commenturl'),
                               rest)
                    if not ignore_discard and c.discard:
                        continue
                    if not ignore_expires and c.is_expired(now):
                        continue
                    self.set_cookie(c)
        except OSError:
            raise
        except Exception as exc:
            raise LoadError('invalid Set-Cookie3 format file %r: %r' %
                            (filename, line)) from exc


class MozillaCookieJar(FileCookieJar):
    """Cookies saved in the Netscape/Mozilla cookies.txt format:
    tab-separated domain, domain-specified flag, path, secure flag,
    expiry, name and value; '#HttpOnly_' marks HttpOnly cookies."""

    def _really_load(self, f, filename, ignore_discard, ignore_expires):
        now = time.time()
        if not NETSCAPE_MAGIC_RGX.match(f.readline()):
            raise LoadError('%r does not look like a Netscape format cookies '
                            'file' % filename)
        try:
            while (line := f.readline()) != '':
                rest = {}
                if line.startswith('#HttpOnly_'):
                    rest = {'HttpOnly': ''}
                    line = line[len('#HttpOnly_'):]
                if line.endswith('\n'):
                    line = line[:-1]
                if line.strip().startswith(('#', '$')) or line.strip() == '':
                    continue
                domain, domain_specified, path, secure, expires, name, value \
                    = line.split('\t')
                secure = (secure == 'TRUE')
                domain_specified = (domain_specified == 'TRUE')
                if name == '':
                    # A cookie with only a value: Netscape writes it with
                    # an empty name.
                    name = value
                    value = None
                initial_dot = domain.startswith('.')
                assert domain_specified == initial_dot
                discard = False
                if expires == '':
                    expires = None
                    discard = True
                c = Cookie(0, name, value,
                           None, False,
                           domain, domain_specified, initial_dot,
                           path, False,
                           secure,
                           expires,
                           discard,
                           None,
                           None,
                           rest)
                if not ignore_discard and c.discard:
                    continue
                if not ignore_expires and c.is_expired(now):
                    continue
                self.set_cookie(c)
        except OSError:
            raise
        except Exception as exc:
            raise LoadError('invalid Netscape format cookies file %r: %r' %
                            (filename, line)) from exc

    def save(self, filename=None, ignore_discard=False, ignore_expires=False):
        if filename is None:
            if self.filename is not None:
                filename = self.filename
            else:
                raise ValueError(MISSING_FILENAME_TEXT)
        with os.fdopen(os.open(filename, os.O_CREAT | os.O_WRONLY |
                               os.O_TRUNC, 0o600), 'w') as f:
            f.write(NETSCAPE_HEADER_TEXT)
            now = time.time()
            for cookie in self:
                domain = cookie.domain
                if not ignore_discard and cookie.discard:
                    continue
                if not ignore_expires and cookie.is_expired(now):
                    continue
                secure = 'TRUE' if cookie.secure else 'FALSE'
                initial_dot = 'TRUE' if domain.startswith('.') else 'FALSE'
                if cookie.expires is not None:
                    expires = str(cookie.expires)
                else:
                    expires = ''
                if cookie.value is None:
                    name = ''
                    value = cookie.name
                else:
                    name = cookie.name
                    value = cookie.value
                if cookie.has_nonstandard_attr('HttpOnly'):
                    domain = '#HttpOnly_' + domain
                f.write('\t'.join([domain, initial_dot, cookie.path,
                                   secure, expires, name, value]) + '\n')
