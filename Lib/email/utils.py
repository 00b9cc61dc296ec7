"""Helpers for addresses, dates, message ids and RFC 2231 parameters."""

__all__ = [
    'collapse_rfc2231_value', 'decode_params', 'decode_rfc2231',
    'encode_rfc2231', 'formataddr', 'formatdate', 'format_datetime',
    'getaddresses', 'make_msgid', 'mktime_tz', 'parseaddr', 'parsedate',
    'parsedate_tz', 'parsedate_to_datetime', 'quote', 'unquote', 'localtime',
]

import datetime
import os
import random
import re
import socket
import time
import urllib.parse

from email.charset import Charset

COMMASPACE = ', '
EMPTYSTRING = ''
UEMPTYSTRING = ''
CRLF = '\r\n'
TICK = "'"

_SPECIALS = re.compile(r'[][\\()<>@,:;".]')
_ESCAPED = re.compile(r'[\\"]')


def _has_surrogates(s):
    """Whether s holds bytes smuggled in by the surrogateescape handler."""
    try:
        s.encode()
        return False
    except UnicodeEncodeError:
        return True


def _sanitize(string):
    return string.encode('utf-8', 'surrogateescape').decode('utf-8', 'replace')


def quote(str):
    """Escape backslashes and double quotes for a quoted-string."""
    return str.replace('\\', '\\\\').replace('"', '\\"')


def unquote(str):
    """Remove one level of quotes (or angle brackets) from str."""
    if len(str) > 1:
        if str.startswith('"') and str.endswith('"'):
            return str[1:-1].replace('\\\\', '\\').replace('\\"', '"')
        if str.startswith('<') and str.endswith('>'):
            return str[1:-1]
    return str


# -- addresses ---------------------------------------------------------

def formataddr(pair, charset='utf-8'):
    """'Name <addr>' from the pair (name, addr), quoting or RFC 2047
    encoding the name as needed."""
    name, address = pair
    address.encode('ascii')
    if not name:
        return address
    try:
        name.encode('ascii')
    except UnicodeEncodeError:
        if isinstance(charset, str):
            charset = Charset(charset)
        return '%s <%s>' % (charset.header_encode(name), address)
    if _SPECIALS.search(name):
        return '"%s" <%s>' % (_ESCAPED.sub(r'\\\g<0>', name), address)
    return '%s <%s>' % (name, address)


class _AddressScanner:
    """A tokenizer for RFC 5322 address lists.

    Tokens are (kind, text): kind is 'atom', 'quoted', 'comment',
    'angle' (the inside of <...>), or one of the characters ',:;@.'.
    """

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def _delimited(self, opener, closer):
        depth = 0
        start = self.pos
        chars = []
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            self.pos += 1
            if ch == '\\' and self.pos < len(self.text):
                chars.append(self.text[self.pos])
                self.pos += 1
                continue
            if ch == opener and opener != closer:
                depth += 1
                if depth == 1:
                    continue
            elif ch == closer and (depth > 0 or opener == closer):
                if opener == closer:
                    if self.pos - 1 == start:
                        continue
                    return ''.join(chars), True
                depth -= 1
                if depth == 0:
                    return ''.join(chars), True
            chars.append(ch)
        return ''.join(chars), False

    def tokens(self):
        """(kind, text, spaced) tokens; spaced says whether whitespace
        came before the token."""
        out = []
        text = self.text
        spaced = False
        while self.pos < len(text):
            ch = text[self.pos]
            if ch in ' \t\r\n':
                self.pos += 1
                spaced = True
                continue
            if ch == '"':
                value, closed = self._delimited('"', '"')
                token = ('quoted', value)
            elif ch == '(':
                value, closed = self._delimited('(', ')')
                token = ('comment', value)
            elif ch == '<':
                end = text.find('>', self.pos)
                if end < 0:
                    token = ('angle', text[self.pos + 1:].strip())
                    self.pos = len(text)
                else:
                    token = ('angle', text[self.pos + 1:end].strip())
                    self.pos = end + 1
            elif ch in ',:;@.':
                token = (ch, ch)
                self.pos += 1
            else:
                match = _ATOM_OR_LITERAL.match(text, self.pos)
                token = ('atom', match.group())
                self.pos = match.end()
            out.append(token + (spaced,))
            spaced = False
        return out


_ATOM_OR_LITERAL = re.compile(r'[^\s"(),:;<>@.\[\]]+|\[[^\]]*\]?|.')


def _addr_spec_text(tokens):
    parts = []
    for kind, text, _ in tokens:
        if kind == 'quoted':
            parts.append('"%s"' % quote(text))
        elif kind != 'comment':
            parts.append(text)
    return ''.join(parts)


def _phrase_text(tokens):
    """The display name from phrase tokens: words joined by single
    spaces where the source had whitespace ('J. Doe' stays so)."""
    out = ''
    for kind, text, spaced in tokens:
        if out and spaced:
            out += ' '
        out += text
    return out


def _one_mailbox(tokens, comments_as_name=True):
    """(name, address) for the tokens of one mailbox, or None.  The
    legacy API takes a comment for the name when there is no phrase;
    RFC 5322 parsing (comments_as_name false) ignores comments."""
    if not tokens:
        return None
    angle = [t for t in tokens if t[0] == 'angle']
    comments = [t[1] for t in tokens if t[0] == 'comment']
    if angle:
        before = tokens[:tokens.index(angle[0])]
        phrase = [t for t in before if t[0] in ('atom', 'quoted', '.')]
        name = _phrase_text(phrase)
        before_comments = [t[1] for t in before if t[0] == 'comment']
        if not comments_as_name:
            pass
        elif name and before_comments:
            name += ' (%s)' % ' '.join(before_comments)
        elif not name and comments:
            name = comments[0]
        address = angle[0][1]
        # Drop a source route ("@a,@b:user@host") down to the address.
        if ':' in address and address.startswith('@'):
            address = address.split(':', 1)[1]
        return name, address
    address = _addr_spec_text(tokens)
    name = comments[-1] if comments and comments_as_name else ''
    return name, address


def _split_addresses(text):
    """The (name, address) pairs of an address list, and whether every
    display and group name is a proper phrase.  Group names are dropped
    and their members kept; an empty group, an empty slot between
    commas and a mailbox with no address each give ('', '')."""
    tokens = _AddressScanner(text).tokens()
    slots = []              # (tokens, is a whole empty group)
    current = []
    phrases_ok = True
    in_group = False
    group_closed = False    # only whitespace since a group's ';'
    for token in tokens:
        kind = token[0]
        if kind == ',' and group_closed and not current:
            group_closed = False    # the group was this entry
        elif kind == ',':
            slots.append((current, False))
            current = []
        elif kind == ':' and not in_group and not any(
                t[0] == 'angle' for t in current):
            # "Group name:" - what came before was the group's name.
            phrases_ok = phrases_ok and _is_phrase(current)
            current = []
            in_group = True
            group_start = len(slots)
        elif kind == ';' and in_group:
            slots.append((current, False))
            current = []
            in_group = False
            if all(not t for t, _ in slots[group_start:]):
                # No member at all: the group counts as one empty entry.
                del slots[group_start:]
                slots.append(([], True))
            group_closed = True
            continue
        else:
            current.append(token)
        group_closed = False
    if current or in_group:
        slots.append((current, in_group and not current))
    result = []
    for i, (group, empty_group) in enumerate(slots):
        angle = [t for t in group if t[0] == 'angle']
        if angle:
            phrases_ok = phrases_ok and _is_phrase(
                group[:group.index(angle[0])])
        mailbox = _one_mailbox(group)
        if mailbox is None or not mailbox[1] and not angle:
            if empty_group or i < len(slots) - 1 or group:
                result.append(('', ''))
            continue
        result.append(mailbox)
    return result, phrases_ok


def _is_phrase(tokens):
    """Whether tokens (a display or group name) are words, comments and
    dots only: an unquoted special there means the text is not the
    address list it seems to be."""
    return all(kind in ('quoted', 'comment', '.') or
               kind == 'atom' and not _SPECIAL_CHAR.fullmatch(text)
               for kind, text, _ in tokens)


_SPECIAL_CHAR = re.compile(r'[][()<>@,:;\\"]')


def _parens_balanced(text):
    """Whether the comments of text open and close in pairs (quoted
    strings and backslash escapes are skipped)."""
    depth = 0
    quoted = escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == '\\':
            escaped = True
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif quoted:
            continue
        elif ch == '(':
            depth += 1
        elif ch == ')':
            if depth == 0:
                return False
            depth -= 1
    return depth == 0


def _expected_count(text):
    """1 + the commas of text outside quoted strings: the number of
    entries a well-formed address list has."""
    unquoted = re.sub(r'"(?:[^"\\]|\\.)*"', '', text)
    return 1 + unquoted.count(',')


def _looks_valid(address):
    return address.count('@') <= 1 and '<' not in address and \
        '>' not in address and '[' not in address


def parseaddr(addr, *, strict=True):
    """(realname, email address) for the address addr, or ('', '') if it
    cannot be parsed."""
    if not isinstance(addr, str):
        addr = getaddresses(addr, strict=strict)
        if len(addr) != 1:
            return '', ''
        return addr[0]
    if not strict:
        pairs, _ = _split_addresses(addr)
        return pairs[0] if pairs else ('', '')
    pairs = getaddresses([addr])
    return pairs[0] if len(pairs) == 1 else ('', '')


def getaddresses(fieldvalues, *, strict=True):
    """All (realname, email) pairs in a list of address field values.
    In strict mode (the default) a value that is not a well-formed
    address list (unbalanced comments, specials in a display name, more
    or fewer entries than its commas say) makes the result
    [('', '')] (CVE-2023-27043)."""
    result = []
    for value in fieldvalues:
        value = str(value)
        if not value.strip() and len(fieldvalues) > 1:
            # An empty field among others is one empty entry.
            result.append(('', ''))
            continue
        pairs, phrases_ok = _split_addresses(value)
        if strict and not (
                phrases_ok and _parens_balanced(value)
                and len(pairs) == _expected_count(value)
                and all(_looks_valid(a) for _, a in pairs)):
            return [('', '')]
        result.extend(pairs)
    if not result and any(str(v).strip() for v in fieldvalues):
        return [('', '')]
    return result


# -- dates ---------------------------------------------------------------

_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun',
           'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
_ZONES = {'UT': 0, 'UTC': 0, 'GMT': 0, 'Z': 0,
          'AST': -400, 'ADT': -300, 'EST': -500, 'EDT': -400,
          'CST': -600, 'CDT': -500, 'MST': -700, 'MDT': -600,
          'PST': -800, 'PDT': -700}


def _format_timetuple_and_zone(timetuple, zone):
    return '%s, %02d %s %04d %02d:%02d:%02d %s' % (
        _DAYS[timetuple[6]], timetuple[2],
        _MONTHS[timetuple[1] - 1].capitalize(), timetuple[0],
        timetuple[3], timetuple[4], timetuple[5], zone)


def formatdate(timeval=None, localtime=False, usegmt=False):
    """An RFC 2822 date string, e.g. 'Fri, 09 Nov 2001 01:08:47 -0000'."""
    if timeval is None:
        timeval = time.time()
    dt = datetime.datetime.fromtimestamp(timeval, datetime.timezone.utc)
    if localtime:
        dt = dt.astimezone()
        usegmt = False
    elif not usegmt:
        dt = dt.replace(tzinfo=None)
    return format_datetime(dt, usegmt)


def format_datetime(dt, usegmt=False):
    """The RFC 2822 form of the datetime dt; a naive dt gets '-0000'."""
    now = dt.timetuple()
    if usegmt:
        if dt.tzinfo is None or dt.tzinfo != datetime.timezone.utc:
            raise ValueError('usegmt option requires a UTC datetime')
        zone = 'GMT'
    elif dt.tzinfo is None:
        zone = '-0000'
    else:
        zone = dt.strftime('%z')
    return _format_timetuple_and_zone(now, zone)


def _parse_zone(text):
    if text is None:
        return None
    upper = text.upper()
    if upper in _ZONES:
        offset = _ZONES[upper]
    else:
        match = re.fullmatch(r'([+-])(\d\d):?(\d\d)', text)
        if not match:
            return None
        offset = int(match.group(2)) * 100 + int(match.group(3))
        if match.group(1) == '-':
            # '-0000' means "no information", unlike '+0000'.
            if offset == 0:
                return None
            offset = -offset
    sign = -1 if offset < 0 else 1
    offset = abs(offset)
    return sign * ((offset // 100) * 3600 + (offset % 100) * 60)


def _date_words(data):
    """The words of a date after the day name, trailing commas removed
    and an RFC 850 "19-Nov-82" day cut in three; None when a comma
    stands alone or a part of the RFC 850 day is empty."""
    if not data:
        return None
    words = data.split()
    if not words:
        return None
    first = words[0]
    if ',' in first[:-1]:
        words[0] = first[first.rfind(',') + 1:]      # "Wed,3"
    elif first.endswith(',') or first.rstrip('.').lower()[:3] in \
            [d.lower() for d in _DAYS]:
        del words[0]
    if len(words) == 3 and words[0].count('-') == 2:
        parts = words[0].split('-')
        if not all(parts):
            return None
        words[:1] = parts
    stripped = [w[:-1] if w.endswith(',') else w for w in words]
    if not all(stripped):
        return None
    return stripped


def _parsedate_tz(data):
    words = _date_words(data)
    if words is None or len(words) < 3:
        return None
    # Accept "Nov 9 2001" as well as "9 Nov 2001".
    if words[0].lower()[:3] in _MONTHS and words[1].isdigit():
        words[0], words[1] = words[1], words[0]
    if len(words) == 3 and '-' in words[0]:
        return None
    day, month, year = words[:3]
    rest = words[3:]
    month = month.lower()[:3]
    if month not in _MONTHS:
        # The year and the time swapped ("9 Nov 01:08:47 2001")?
        return None
    month_number = _MONTHS.index(month) + 1
    if ':' in year and rest:
        year, rest[0] = rest[0], year
    if not day.isdigit() or not year.isdigit():
        return None
    clock = rest[0] if rest else '00:00:00'
    zone = rest[1] if len(rest) > 1 else None
    if zone is None and clock and clock[-1:].isalpha() is False and \
            re.search(r'[+-]\d{4}$', clock):
        clock, zone = clock[:-5], clock[-5:]
    # Some mailers separate the time's fields with dots.
    parts = clock.split(':') if ':' in clock else clock.split('.')
    if len(parts) == 2:
        parts.append('0')
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    hour, minute, second = (int(p) for p in parts)
    year = int(year)
    if year < 100:
        year += 2000 if year < 50 else 1900
    offset = _parse_zone(zone)
    return [year, month_number, int(day), hour, minute, second,
            0, 1, -1, offset]


def parsedate_tz(data):
    """A 10-tuple (9 time fields and the UTC offset in seconds, or None)
    for an RFC 2822 date, or None if data is not one."""
    parsed = _parsedate_tz(data)
    if parsed is None:
        return None
    return tuple(parsed)


def parsedate(data):
    """A 9-tuple for an RFC 2822 date (the zone is ignored), or None."""
    parsed = parsedate_tz(data)
    if parsed is None:
        return None
    return parsed[:9]


def mktime_tz(data):
    """A UTC timestamp from a parsedate_tz() 10-tuple."""
    if data[9] is None:
        return time.mktime(data[:8] + (-1,))
    import calendar
    return calendar.timegm(data) - data[9]


def parsedate_to_datetime(data):
    """An aware datetime (naive for a '-0000' zone) from an RFC 2822 date."""
    parsed = _parsedate_tz(data)
    if parsed is None:
        raise ValueError('Invalid date value or format "%s"' % str(data))
    *fields, offset = parsed
    if offset is None:
        return datetime.datetime(*fields[:6])
    zone = datetime.timezone(datetime.timedelta(seconds=offset))
    return datetime.datetime(*fields[:6], tzinfo=zone)


def localtime(dt=None):
    """dt (default: now) as an aware datetime in the local time zone."""
    if dt is None:
        dt = datetime.datetime.now()
    return dt.astimezone()


def make_msgid(idstring=None, domain=None):
    """A unique Message-ID such as '<142480216486.20800.16526388040877946887@host>'."""
    stamp = int(time.time() * 100)
    pid = os.getpid()
    rand = random.getrandbits(64)
    idstring = '' if idstring is None else '.' + idstring
    if domain is None:
        domain = socket.getfqdn()
    return '<%d.%d.%d%s@%s>' % (stamp, pid, rand, idstring, domain)


# -- RFC 2231 ------------------------------------------------------------

def decode_rfc2231(s):
    """(charset, language, text) from "charset'language'text"."""
    parts = s.split(TICK, 2)
    if len(parts) <= 2:
        return None, None, s
    return parts


def encode_rfc2231(s, charset=None, language=None):
    """s percent-encoded per RFC 2231, prefixed by charset and language
    when charset is given."""
    s = urllib.parse.quote(s, safe='', encoding=charset or 'ascii')
    if charset is None and language is None:
        return s
    if language is None:
        language = ''
    return "%s'%s'%s" % (charset, language, s)


_CONTINUATION = re.compile(r'^(?P<name>\w+)\*((?P<num>[0-9]+)\*?)?$',
                           re.ASCII)


def decode_params(params):
    """Join RFC 2231 continuations in a list of (name, value) params.

    The first pair is kept as is; an encoded parameter's value becomes
    a (charset, language, quoted-text) triple.
    """
    new_params = [params[0]]
    continued = {}
    order = []
    for name, value in params[1:]:
        encoded = name.endswith('*')
        value = unquote(value)
        match = _CONTINUATION.match(name)
        if match:
            name = match.group('name')
            num = int(match.group('num') or 0)
            if name not in continued:
                continued[name] = []
                order.append(name)
            continued[name].append((num, value, encoded))
        else:
            new_params.append((name, '"%s"' % quote(value)))
    for name in order:
        pieces = sorted(continued[name], key=lambda item: item[0])
        texts = []
        any_encoded = False
        for num, value, encoded in pieces:
            if encoded:
                value = urllib.parse.unquote(value, encoding='latin-1')
                any_encoded = True
            texts.append(value)
        value = quote(EMPTYSTRING.join(texts))
        if any_encoded:
            charset, language, value = decode_rfc2231(value)
            new_params.append((name, (charset, language, '"%s"' % value)))
        else:
            new_params.append((name, '"%s"' % value))
    return new_params


def collapse_rfc2231_value(value, errors='replace',
                           fallback_charset='us-ascii'):
    """A plain str from a parameter value that may be an RFC 2231 triple."""
    if not isinstance(value, tuple) or len(value) != 3:
        return unquote(value)
    charset, language, text = value
    if charset is None:
        charset = fallback_charset
    rawbytes = bytes(unquote(text), 'raw-unicode-escape')
    try:
        return str(rawbytes, charset, errors)
    except LookupError:
        return unquote(text)
