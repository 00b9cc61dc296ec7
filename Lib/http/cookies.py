"""HTTP cookie state: parse Cookie headers and build Set-Cookie headers.

A cookie jar here is a dict of Morsels: BaseCookie leaves values as
strings, SimpleCookie quotes values that need it.
"""

import re
import string
import time
import types

__all__ = ['CookieError', 'BaseCookie', 'SimpleCookie']

_nulljoin = ''.join
_semispacejoin = '; '.join
_spacejoin = ' '.join


class CookieError(Exception):
    pass


# Characters that may appear in an unquoted cookie value (RFC 2109 plus
# what browsers accept in practice).
_LegalChars = string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~:"
_UnescapedChars = _LegalChars + ' ()/<=>?@[]{}'

_Translator = {n: '\\%03o' % n
               for n in set(range(256)) - set(map(ord, _UnescapedChars))}
_Translator.update({ord('"'): '\\"', ord('\\'): '\\\\'})

_is_legal_key = re.compile('[%s]+' % re.escape(_LegalChars)).fullmatch


def _quote(str):
    """str as is if every character is legal, else a quoted string with
    special characters escaped in octal."""
    if str is None or _is_legal_key(str):
        return str
    return '"' + str.translate(_Translator) + '"'


_unquote_sub = re.compile(r'\\(?:([0-3][0-7][0-7])|(.))').sub


def _unquote_replace(m):
    if m[1]:
        return chr(int(m[1], 8))
    return m[2]


def _unquote(str):
    """Undo _quote(): strip the quotes and decode the escapes."""
    if str is None or len(str) < 2:
        return str
    if str[0] != '"' or str[-1] != '"':
        return str
    return _unquote_sub(_unquote_replace, str[1:-1])


_weekdayname = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_monthname = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
              'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def _getdate(future=0, weekdayname=_weekdayname, monthname=_monthname):
    """The cookie date string for 'now + future seconds'."""
    now = time.time()
    year, month, day, hh, mm, ss, wd, y, z = time.gmtime(now + future)
    return '%s, %02d %3s %4d %02d:%02d:%02d GMT' % (
        weekdayname[wd], day, monthname[month], year, hh, mm, ss)


class Morsel(dict):
    """One cookie: key, value, coded_value, and its attributes (the
    reserved keys, e.g. morsel['path'])."""

    _reserved = {
        'expires': 'expires',
        'path': 'Path',
        'comment': 'Comment',
        'domain': 'Domain',
        'max-age': 'Max-Age',
        'secure': 'Secure',
        'httponly': 'HttpOnly',
        'version': 'Version',
        'samesite': 'SameSite',
        'partitioned': 'Partitioned',
    }

    _reserved_defaults = dict.fromkeys(_reserved, '')

    _flags = {'secure', 'httponly', 'partitioned'}

    def __init__(self):
        self._key = self._value = self._coded_value = None
        for key in self._reserved:
            dict.__setitem__(self, key, '')

    @property
    def key(self):
        return self._key

    @property
    def value(self):
        return self._value

    @property
    def coded_value(self):
        return self._coded_value

    def __setitem__(self, K, V):
        K = K.lower()
        if K not in self._reserved:
            raise CookieError('Invalid attribute %r' % (K,))
        if _has_control_character(K, V):
            raise CookieError(f'Control characters are not allowed in '
                              f'cookies {K!r} {V!r}')
        dict.__setitem__(self, K, V)

    def setdefault(self, key, val=None):
        key = key.lower()
        if key not in self._reserved:
            raise CookieError('Invalid attribute %r' % (key,))
        if _has_control_character(key, val):
            raise CookieError(f'Control characters are not allowed in '
                              f'cookies {key!r} {val!r}')
        return dict.setdefault(self, key, val)

    def __eq__(self, morsel):
        if not isinstance(morsel, Morsel):
            return NotImplemented
        return (dict.__eq__(self, morsel) and
                self._value == morsel._value and
                self._key == morsel._key and
                self._coded_value == morsel._coded_value)

    __ne__ = object.__ne__

    def copy(self):
        morsel = Morsel()
        dict.update(morsel, self)
        morsel.__dict__.update(self.__dict__)
        return morsel

    def update(self, values):
        data = {}
        for key, val in dict(values).items():
            key = key.lower()
            if key not in self._reserved:
                raise CookieError('Invalid attribute %r' % (key,))
            data[key] = val
        dict.update(self, data)

    def isReservedKey(self, K):
        return K.lower() in self._reserved

    def set(self, key, val, coded_val):
        """Set the cookie's name, value and encoded value."""
        if key.lower() in self._reserved:
            raise CookieError('Attempt to set a reserved key %r' % (key,))
        if not _is_legal_key(key):
            raise CookieError('Illegal key %r' % (key,))
        # Only what is written to a header matters: a decoded value may
        # hold characters its coded form escapes.
        if _has_control_character(key, coded_val):
            raise CookieError(f'Control characters are not allowed in '
                              f'cookies {key!r} {val!r} {coded_val!r}')
        self._key = key
        self._value = val
        self._coded_value = coded_val

    def __getstate__(self):
        return {'key': self._key, 'value': self._value,
                'coded_value': self._coded_value}

    def __setstate__(self, state):
        self._key = state['key']
        self._value = state['value']
        self._coded_value = state['coded_value']

    def output(self, attrs=None, header='Set-Cookie:'):
        """A Set-Cookie header line (attrs limits the attributes)."""
        return '%s %s' % (header, self.OutputString(attrs))

    __str__ = output

    def __repr__(self):
        return '<%s: %s>' % (self.__class__.__name__, self.OutputString())

    def js_output(self, attrs=None):
        """A <script> setting the cookie with document.cookie."""
        return """
        <script type="text/javascript">
        <!-- begin hiding
        document.cookie = \"%s\";
        // end hiding -->
        </script>
        """ % (self.OutputString(attrs).replace('"', r'\"'))

    def OutputString(self, attrs=None):
        """'key=value; Attr=value...' without the header name."""
        result = ['%s=%s' % (self.key, self.coded_value)]
        for key, value in sorted(self.items()):
            if value == '':
                continue
            if attrs and key not in attrs:
                continue
            name = self._reserved[key]
            if key == 'expires' and isinstance(value, int):
                result.append('%s=%s' % (name, _getdate(value)))
            elif key == 'max-age' and isinstance(value, int):
                result.append('%s=%d' % (name, value))
            elif key == 'comment' and isinstance(value, str):
                result.append('%s=%s' % (name, _quote(value)))
            elif key in self._flags:
                if value:
                    result.append(str(name))
            else:
                result.append('%s=%s' % (name, value))
        return _semispacejoin(result)

    __class_getitem__ = classmethod(types.GenericAlias)


def _has_control_character(*values):
    for value in values:
        if isinstance(value, str) and any(
                ord(c) < 32 or ord(c) == 127 for c in value):
            return True
    return False


# One "key[=value]" item of a Cookie or Set-Cookie header.  A value is a
# quoted string, an expires-style date (which contains a comma and
# spaces), or a run of legal characters.
_LegalKeyChars = r"\w\d!#%&'~_`><@,:/\$\*\+\-\.\^\|\)\(\?\}\{\="
_LegalValueChars = _LegalKeyChars + r'\[\]'
_CookiePattern = re.compile(r"""
    \s*
    (?P<key>[""" + _LegalKeyChars + r"""]+?)
    (
      \s*=\s*
      (?P<val>
        "(?:[^\\"]|\\.)*"
      |
        \w{3},\s[\w\d\s-]{9,11}\s[\d:]{8}\s(GMT|[+-]\d{4})
      |
        [""" + _LegalValueChars + r"""]*
      )
    )?
    \s*
    (\s+|;|$)
    """, re.ASCII | re.VERBOSE)


class BaseCookie(dict):
    """A dict of Morsels keyed by cookie name; values are stored as
    given (subclasses encode them)."""

    def value_decode(self, val):
        """(real value, coded value) for a value read from a header."""
        return val, val

    def value_encode(self, val):
        """(real value, coded value) for a value set by a program."""
        strval = str(val)
        return strval, strval

    def __init__(self, input=None):
        if input:
            self.load(input)

    def __set(self, key, real_value, coded_value):
        M = self.get(key, Morsel())
        M.set(key, real_value, coded_value)
        dict.__setitem__(self, key, M)

    def __setitem__(self, key, value):
        if isinstance(value, Morsel):
            dict.__setitem__(self, key, value)
        else:
            rval, cval = self.value_encode(value)
            self.__set(key, rval, cval)

    def output(self, attrs=None, header='Set-Cookie:', sep='\r\n'):
        """The Set-Cookie lines of all cookies, sorted by name."""
        return sep.join(value.output(attrs, header)
                        for key, value in sorted(self.items()))

    __str__ = output

    def __repr__(self):
        items = ['%s=%s' % (key, repr(value.value))
                 for key, value in sorted(self.items())]
        return '<%s: %s>' % (self.__class__.__name__, _spacejoin(items))

    def js_output(self, attrs=None):
        return _nulljoin(value.js_output(attrs)
                         for key, value in sorted(self.items()))

    def load(self, rawdata):
        """Add cookies from a Cookie header string, or from a dict of
        name -> value."""
        if isinstance(rawdata, str):
            self.__parse_string(rawdata)
        else:
            for key, value in rawdata.items():
                self[key] = value

    def __parse_string(self, text, patt=_CookiePattern):
        # Parse everything first: a malformed header changes nothing.
        i = 0
        n = len(text)
        parsed = []
        morsel_seen = False
        TYPE_ATTRIBUTE = 1
        TYPE_KEYVALUE = 2
        while 0 <= i < n:
            match = patt.match(text, i)
            if not match:
                break
            key, value = match.group('key'), match.group('val')
            i = match.end(0)
            if key[0] == '$':
                if not morsel_seen:
                    # RFC 2109 "$Version" and the like before any cookie.
                    continue
                parsed.append((TYPE_ATTRIBUTE, key[1:], value))
            elif key.lower() in Morsel._reserved:
                if not morsel_seen:
                    return
                if value is None:
                    if key.lower() in Morsel._flags:
                        parsed.append((TYPE_ATTRIBUTE, key, True))
                    else:
                        return
                else:
                    parsed.append((TYPE_ATTRIBUTE, key, _unquote(value)))
            elif value is not None:
                parsed.append((TYPE_KEYVALUE, key, self.value_decode(value)))
                morsel_seen = True
            else:
                return
        M = None
        for tp, key, value in parsed:
            if tp == TYPE_ATTRIBUTE:
                assert M is not None
                M[key] = value
            else:
                rval, cval = value
                self.__set(key, rval, cval)
                M = self[key]


class SimpleCookie(BaseCookie):
    """Cookies whose values are quoted as needed on output and unquoted
    when read."""

    def value_decode(self, val):
        return _unquote(val), val

    def value_encode(self, val):
        strval = str(val)
        return strval, _quote(strval)
