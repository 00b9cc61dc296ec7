"""robots.txt parsing: may a user agent fetch a URL of a site?

RobotFileParser reads a robots.txt (from its URL or from lines given to
parse()) and answers can_fetch(), crawl_delay(), request_rate() and
site_maps().
"""

import collections
import time
import urllib.error
import urllib.parse
import urllib.request

__all__ = ['RobotFileParser']

RequestRate = collections.namedtuple('RequestRate', 'requests seconds')


def _normalize_path(path):
    """path with its escapes made canonical, so that equivalent spellings
    compare equal."""
    unquoted = urllib.parse.unquote(path, errors='surrogateescape')
    return urllib.parse.quote(unquoted, errors='surrogateescape')


class RobotFileParser:
    """The rules of one robots.txt file."""

    def __init__(self, url=''):
        self.entries = []
        self.sitemaps = []
        self.default_entry = None
        self.disallow_all = False
        self.allow_all = False
        self.set_url(url)
        self.last_checked = 0

    def mtime(self):
        """When robots.txt was last read (0 if never)."""
        return self.last_checked

    def modified(self):
        """Record that robots.txt was read now."""
        self.last_checked = time.time()

    def set_url(self, url):
        """The URL of the robots.txt file."""
        self.url = url
        self.host, self.path = urllib.parse.urlsplit(url)[1:3]

    def read(self):
        """Fetch and parse the robots.txt at self.url: a 401 or 403
        forbids everything, another 4xx allows everything."""
        try:
            f = urllib.request.urlopen(self.url)
        except urllib.error.HTTPError as err:
            if err.code in (401, 403):
                self.disallow_all = True
            elif 400 <= err.code < 500:
                self.allow_all = True
            err.close()
        else:
            raw = f.read()
            self.parse(raw.decode('utf-8', 'surrogateescape').splitlines())

    def _add_entry(self, entry):
        if '*' in entry.useragents:
            # The default entry is consulted last.
            if self.default_entry is None:
                self.default_entry = entry
        else:
            self.entries.append(entry)

    def parse(self, lines):
        """Parse robots.txt lines: groups of User-agent lines followed
        by Allow/Disallow/Crawl-delay/Request-rate lines."""
        # state 0: between groups; 1: reading user agents; 2: rules.
        state = 0
        entry = Entry()
        self.modified()
        for line in lines:
            if not line:
                if state == 1:
                    entry = Entry()
                    state = 0
                elif state == 2:
                    self._add_entry(entry)
                    entry = Entry()
                    state = 0
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            key, sep, value = line.partition(':')
            if not sep:
                continue
            key = key.strip().lower()
            value = value.strip()
            if key == 'user-agent':
                if state == 2:
                    self._add_entry(entry)
                    entry = Entry()
                entry.useragents.append(value)
                state = 1
            elif key in ('disallow', 'allow'):
                if state != 0:
                    entry.rulelines.append(RuleLine(value, key == 'allow'))
                    state = 2
            elif key == 'crawl-delay':
                if state != 0:
                    if value.strip().isdigit():
                        entry.delay = int(value)
                    state = 2
            elif key == 'request-rate':
                if state != 0:
                    numbers = value.split('/')
                    if (len(numbers) == 2 and numbers[0].strip().isdigit()
                            and numbers[1].strip().isdigit()):
                        entry.req_rate = RequestRate(int(numbers[0]),
                                                     int(numbers[1]))
                    state = 2
            elif key == 'sitemap':
                self.sitemaps.append(value)
        if state == 2:
            self._add_entry(entry)

    def can_fetch(self, useragent, url):
        """Whether useragent may fetch url."""
        if self.disallow_all:
            return False
        if self.allow_all:
            return True
        # Not read yet: assume nothing is allowed.
        if not self.last_checked:
            return False
        parsed = urllib.parse.urlsplit(url)
        url = urllib.parse.urlunsplit(('', '', parsed.path, parsed.query,
                                       parsed.fragment))
        url = _normalize_path(url) or '/'
        for entry in self.entries:
            if entry.applies_to(useragent):
                return entry.allowance(url)
        if self.default_entry:
            return self.default_entry.allowance(url)
        return True

    def _entry_for(self, useragent):
        for entry in self.entries:
            if entry.applies_to(useragent):
                return entry
        return self.default_entry

    def crawl_delay(self, useragent):
        """The Crawl-delay for useragent, or None."""
        if not self.mtime():
            return None
        entry = self._entry_for(useragent)
        return entry.delay if entry else None

    def request_rate(self, useragent):
        """The Request-rate for useragent as RequestRate, or None."""
        if not self.mtime():
            return None
        entry = self._entry_for(useragent)
        return entry.req_rate if entry else None

    def site_maps(self):
        """The Sitemap URLs, or None if there are none."""
        if not self.sitemaps:
            return None
        return self.sitemaps

    def __str__(self):
        entries = self.entries
        if self.default_entry is not None:
            entries = entries + [self.default_entry]
        return '\n\n'.join(map(str, entries))


class RuleLine:
    """One Allow or Disallow line; an empty Disallow allows all."""

    def __init__(self, path, allowance):
        if path == '' and not allowance:
            allowance = True
        path = urllib.parse.urlunsplit(urllib.parse.urlsplit(path))
        self.path = _normalize_path(path)
        self.allowance = allowance

    def applies_to(self, filename):
        return self.path == '*' or filename.startswith(self.path)

    def __str__(self):
        return ('Allow' if self.allowance else 'Disallow') + ': ' + self.path


class Entry:
    """The rules for a group of user agents."""

    def __init__(self):
        self.useragents = []
        self.rulelines = []
        self.delay = None
        self.req_rate = None

    def __str__(self):
        ret = []
        for agent in self.useragents:
            ret.append(f'User-agent: {agent}')
        if self.delay is not None:
            ret.append(f'Crawl-delay: {self.delay}')
        if self.req_rate is not None:
            rate = self.req_rate
            ret.append(f'Request-rate: {rate.requests}/{rate.seconds}')
        ret.extend(map(str, self.rulelines))
        return '\n'.join(ret)

    def applies_to(self, useragent):
        """Whether this group names useragent (matched by the product
        token, case-insensitively) or is the '*' group."""
        useragent = useragent.split('/')[0].lower()
        for agent in self.useragents:
            if agent == '*':
                return True
            if agent.lower() in useragent:
                return True
        return False

    def allowance(self, filename):
        """Whether filename is allowed: the first matching rule decides."""
        for line in self.rulelines:
            if line.applies_to(filename):
                return line.allowance
        return True
