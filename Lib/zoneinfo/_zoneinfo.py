"""The ZoneInfo class: a tzinfo backed by a TZif file."""

import bisect
import collections
import threading
import weakref
from datetime import datetime, timedelta, tzinfo, date

from . import _common, _tzpath

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _wall_seconds(dt):
    """Seconds since 1970-01-01 00:00 of dt's fields, ignoring tzinfo."""
    return ((dt.toordinal() - _EPOCH_ORDINAL) * 86400
            + dt.hour * 3600 + dt.minute * 60 + dt.second)


class _TTInfo:
    """One local time type: offset, DST amount and abbreviation."""
    __slots__ = ("utcoff", "dstoff", "tzname")

    def __init__(self, utcoff, dstoff, tzname):
        self.utcoff = utcoff
        self.dstoff = dstoff
        self.tzname = tzname

    def __eq__(self, other):
        if not isinstance(other, _TTInfo):
            return NotImplemented
        return (self.utcoff, self.dstoff, self.tzname) == \
            (other.utcoff, other.dstoff, other.tzname)

    def __hash__(self):
        return hash((self.utcoff, self.dstoff, self.tzname))


_NO_TTINFO = _TTInfo(None, None, None)


def _seconds_ttinfo(utcoff, dstoff, name):
    return _TTInfo(timedelta(seconds=utcoff), timedelta(seconds=dstoff),
                   name)


# ---------------------------------------------------------------------------
# POSIX TZ strings (the TZif footer)

class _PosixRule:
    """Alternating standard and daylight time given by a POSIX TZ string.

    Transition instants are computed per year: DST starts at a wall time
    expressed in standard time and ends at one expressed in daylight time.
    """

    def __init__(self, std_off, std_name, dst_off, dst_name, start, end):
        self.std_off = std_off
        self.dst_off = dst_off
        self.std = _seconds_ttinfo(std_off, 0, std_name)
        self.dst = _seconds_ttinfo(dst_off, dst_off - std_off, dst_name)
        self.start = start      # (date rule, seconds after local midnight)
        self.end = end
        self._changes_cache = {}

    def _transitions_utc(self, year):
        """(DST start, DST end) as POSIX seconds for a year."""
        start = _rule_day(self.start[0], year) * 86400 + self.start[1]
        end = _rule_day(self.end[0], year) * 86400 + self.end[1]
        return start - self.std_off, end - self.dst_off

    def _changes(self, year):
        """[(POSIX seconds, time type set then)] from year - 1 to year + 1.

        Neighbouring years are included because a rule may spill over a
        year boundary (e.g. DST ending at J365/25, all-year DST).  The sort
        is stable, so when one year's end and the next year's start fall on
        the same instant, the later rule wins."""
        changes = self._changes_cache.get(year)
        if changes is not None:
            return changes
        changes = []
        for y in range(max(year - 1, 1), min(year + 1, 9999) + 1):
            start, end = self._transitions_utc(y)
            changes.append((start, self.dst))
            changes.append((end, self.std))
        changes.sort(key=lambda change: change[0])
        # Racing threads store equal lists; a dict store is atomic, and
        # the list is never mutated once published.
        if len(self._changes_cache) >= 64:
            self._changes_cache.clear()
        self._changes_cache[year] = changes
        return changes

    def _other(self, tti):
        return self.std if tti is self.dst else self.dst

    def find_local(self, seconds, year, fold):
        """The time type of wall time 'seconds' (fold as in PEP 495)."""
        # A change at POSIX time u between offsets a and b shows on the
        # wall at u + max(a, b) for fold=0 and u + min(a, b) for fold=1.
        pick = min if fold else max
        shift = pick(self.std_off, self.dst_off)
        changes = self._changes(year)
        current = self._other(changes[0][1])
        for instant, tti in changes:
            if instant + shift > seconds:
                break
            current = tti
        return current

    def find_utc(self, seconds, year):
        """(time type, fold) for POSIX time 'seconds'."""
        changes = self._changes(year)
        current = self._other(changes[0][1])
        previous, since = current, None
        for instant, tti in changes:
            if instant > seconds:
                break
            previous, current, since = current, tti, instant
        fold = 0
        # After a change that sets clocks back, the first seconds repeat
        # wall times the previous offset already showed: fold=1.
        if since is not None:
            shrink = (previous.utcoff - current.utcoff).total_seconds()
            if 0 <= seconds - since < shrink:
                fold = 1
        return current, fold


def _rule_day(rule, year):
    """Days since 1970-01-01 of a date rule in a given year."""
    kind = rule[0]
    if kind == "J":
        # 1..365, February 29 is never counted.
        n = rule[1]
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        if leap and n >= 60:
            n += 1
        return date(year, 1, 1).toordinal() + n - 1 - _EPOCH_ORDINAL
    if kind == "N":
        return date(year, 1, 1).toordinal() + rule[1] - _EPOCH_ORDINAL
    month, week, weekday = rule[1], rule[2], rule[3]
    first = date(year, month, 1)
    first_weekday = (first.weekday() + 1) % 7        # Sunday == 0
    day = 1 + (weekday - first_weekday) % 7 + (week - 1) * 7
    if month == 12:
        days_in_month = 31
    else:
        days_in_month = (date(year, month + 1, 1) - first).days
    while day > days_in_month:
        day -= 7
    return first.toordinal() + day - 1 - _EPOCH_ORDINAL


class _TZStringParser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self):
        return ValueError(f"{self.text} is not a valid TZ string")

    def peek(self):
        return self.text[self.pos:self.pos + 1]

    def name(self):
        if self.peek() == "<":
            end = self.text.find(">", self.pos)
            if end == -1:
                raise self.error()
            value = self.text[self.pos + 1:end]
            self.pos = end + 1
        else:
            start = self.pos
            while self.peek().isalpha():
                self.pos += 1
            value = self.text[start:self.pos]
        if len(value) < 3:
            raise self.error()
        return value

    def number(self, max_digits, min_digits=1):
        start = self.pos
        while self.peek().isdigit() and self.pos - start < max_digits:
            self.pos += 1
        if self.pos - start < min_digits:
            raise self.error()
        return int(self.text[start:self.pos])

    def hms(self, max_hours_digits, max_hours):
        """Signed seconds of '[+-]h[h[h]][:mm[:ss]]'."""
        sign = 1
        if self.peek() in ("+", "-"):
            sign = -1 if self.peek() == "-" else 1
            self.pos += 1
        hours = self.number(max_hours_digits)
        if hours > max_hours:
            raise self.error()
        seconds = hours * 3600
        for scale in (60, 1):
            if self.peek() != ":":
                break
            self.pos += 1
            part = self.number(2, min_digits=2)
            if part > 59:
                raise self.error()
            seconds += part * scale
        return sign * seconds

    def date_rule(self):
        if self.peek() == "M":
            self.pos += 1
            month = self.number(2)
            parts = [month]
            for _ in range(2):
                if self.peek() != ".":
                    raise self.error()
                self.pos += 1
                parts.append(self.number(1))
            month, week, weekday = parts
            if not (1 <= month <= 12 and 1 <= week <= 5
                    and 0 <= weekday <= 6):
                raise self.error()
            rule = ("M", month, week, weekday)
        elif self.peek() == "J":
            self.pos += 1
            n = self.number(3)
            if not 1 <= n <= 365:
                raise self.error()
            rule = ("J", n)
        else:
            n = self.number(3)
            if not 0 <= n <= 365:
                raise self.error()
            rule = ("N", n)
        seconds = 7200
        if self.peek() == "/":
            self.pos += 1
            seconds = self.hms(3, 167)   # POSIX allows -167..167 hours
        return rule, seconds


def _parse_tz_string(text):
    """A _TTInfo (fixed offset) or _PosixRule for a POSIX TZ string."""
    parser = _TZStringParser(text)
    std_name = parser.name()
    # POSIX offsets count hours west of Greenwich.
    std_off = -parser.hms(2, 24)
    if not parser.peek():
        return _seconds_ttinfo(std_off, 0, std_name)
    dst_name = parser.name()
    dst_off = std_off + 3600
    if parser.peek() not in (",", ""):
        dst_off = -parser.hms(2, 24)
    if parser.peek() != ",":
        raise parser.error()
    parser.pos += 1
    start = parser.date_rule()
    if parser.peek() != ",":
        raise parser.error()
    parser.pos += 1
    end = parser.date_rule()
    if parser.peek():
        raise parser.error()
    return _PosixRule(std_off, std_name, dst_off, dst_name, start, end)


# ---------------------------------------------------------------------------
# ZoneInfo

class ZoneInfo(tzinfo):
    """An IANA time zone read from the system time zone database."""

    _strong_cache_size = 8

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Every subclass keeps its own cache, so that ZoneInfo(key) and
        # Sub(key) are distinct objects.
        cls._cache_lock = threading.RLock()
        cls._weak_cache = weakref.WeakValueDictionary()
        cls._strong_cache = collections.OrderedDict()

    def __new__(cls, key):
        # The lock makes lookup-or-create atomic, so concurrent callers
        # with one key always get the same object.
        with cls._cache_lock:
            instance = cls._weak_cache.get(key)
            if instance is None:
                instance = cls._new_instance(key)
                instance._from_cache = True
                cls._weak_cache[key] = instance
            cls._strong_cache[key] = instance
            cls._strong_cache.move_to_end(key)
            while len(cls._strong_cache) > cls._strong_cache_size:
                cls._strong_cache.popitem(last=False)
        return instance

    @classmethod
    def no_cache(cls, key):
        """A new instance for key, bypassing (and not filling) the cache."""
        instance = cls._new_instance(key)
        instance._from_cache = False
        return instance

    @classmethod
    def _new_instance(cls, key):
        instance = super().__new__(cls)
        instance._key = key
        instance._file_path = _tzpath.find_tzfile(key)
        if instance._file_path is None:
            opened = _common.load_tzdata(key)
        else:
            try:
                opened = open(instance._file_path, "rb")
            except OSError as exc:
                raise _common.ZoneInfoNotFoundError(
                    f"No time zone found with key {key}") from exc
        with opened as f:
            instance._load(f)
        return instance

    @classmethod
    def from_file(cls, file_obj, /, key=None):
        """A new instance read from a TZif file object (never cached)."""
        instance = super().__new__(cls)
        instance._key = key
        instance._file_path = None
        instance._load(file_obj)
        instance._file_repr = repr(file_obj)
        instance._from_cache = False
        return instance

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        """Drop cached instances: all of them, or those of only_keys."""
        with cls._cache_lock:
            if only_keys is None:
                cls._weak_cache.clear()
                cls._strong_cache.clear()
                return
            for key in only_keys:
                cls._weak_cache.pop(key, None)
                cls._strong_cache.pop(key, None)

    @property
    def key(self):
        return self._key

    # Loading

    def _load(self, fobj):
        times, indices, raw_types, tz_string = _common.load_data(fobj)
        dstoffs = _dst_amounts(indices, raw_types)
        types = [_seconds_ttinfo(utcoff, dstoff, abbr)
                 for (utcoff, _isdst, abbr), dstoff
                 in zip(raw_types, dstoffs)]
        self._trans_utc = times
        self._ttinfos = [types[i] for i in indices]
        self._tti_before = types[0] if types else None
        after = None
        if tz_string:
            after = _parse_tz_string(tz_string)
        elif self._ttinfos:
            after = self._ttinfos[-1]
        elif types:
            after = types[0]
        if after is None:
            raise ValueError("Invalid TZif file: no time types")
        self._tz_after = after
        if self._tti_before is None:
            self._tti_before = after if isinstance(after, _TTInfo) \
                else after.std
        # Fixed offset: every time type in use is the footer's, so the
        # answer never depends on the datetime (time objects use it too).
        self._fixed_offset = (isinstance(after, _TTInfo)
                              and self._tti_before == after
                              and all(t == after for t in self._ttinfos))
        # Wall-clock transition times for fold=0 and fold=1: a change from
        # offset a to b at POSIX time u shows at u + max(a, b) for fold=0
        # and u + min(a, b) for fold=1 (PEP 495).
        offsets = [int(self._tti_before.utcoff.total_seconds())]
        offsets += [int(t.utcoff.total_seconds()) for t in self._ttinfos]
        wall0, wall1 = [], []
        for i, utc in enumerate(times):
            before, after_off = offsets[i], offsets[i + 1]
            wall0.append(utc + max(before, after_off))
            wall1.append(utc + min(before, after_off))
        self._trans_local = (wall0, wall1)

    # tzinfo interface

    def _find_local(self, dt):
        if dt is None:
            return self._tz_after if self._fixed_offset else _NO_TTINFO
        seconds = _wall_seconds(dt)
        walls = self._trans_local[dt.fold]
        if walls and seconds < walls[0]:
            return self._tti_before
        if not walls or seconds >= walls[-1]:
            after = self._tz_after
            if isinstance(after, _TTInfo):
                return after
            return after.find_local(seconds, dt.year, dt.fold)
        index = bisect.bisect_right(walls, seconds)
        return self._ttinfos[index - 1]

    def utcoffset(self, dt):
        return self._find_local(dt).utcoff

    def dst(self, dt):
        return self._find_local(dt).dstoff

    def tzname(self, dt):
        return self._find_local(dt).tzname

    def fromutc(self, dt):
        """Convert a UTC datetime with tzinfo=self to local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        seconds = _wall_seconds(dt)
        times = self._trans_utc
        fold = 0
        if times and seconds < times[0]:
            tti = self._tti_before
        elif not times or seconds >= times[-1]:
            after = self._tz_after
            if isinstance(after, _TTInfo):
                tti = after
                if times:
                    fold = self._fold_at(len(times) - 1, seconds)
            else:
                tti, fold = after.find_utc(seconds, dt.year)
                if times and not fold:
                    fold = self._fold_at(len(times) - 1, seconds)
        else:
            index = bisect.bisect_right(times, seconds) - 1
            tti = self._ttinfos[index]
            fold = self._fold_at(index, seconds)
        result = dt + tti.utcoff
        if fold:
            return result.replace(fold=1)
        return result

    def _fold_at(self, index, seconds):
        """1 if POSIX time 'seconds', just after table transition 'index',
        shows a wall time that the previous offset already showed."""
        before = self._tti_before if index == 0 else self._ttinfos[index - 1]
        after = self._ttinfos[index]
        shrink = (before.utcoff - after.utcoff).total_seconds()
        return 1 if 0 <= seconds - self._trans_utc[index] < shrink else 0

    # Representation and pickling

    def __str__(self):
        if self._key is not None:
            return str(self._key)
        return repr(self)

    def __repr__(self):
        cls = self.__class__
        # Named like CPython's C type: qualified only for ZoneInfo itself.
        name = "zoneinfo.ZoneInfo" if cls is ZoneInfo else cls.__name__
        if self._key is not None:
            return f"{name}(key={self._key!r})"
        return f"{name}.from_file({self._file_repr})"

    def __reduce__(self):
        if self._key is None or getattr(self, "_file_repr", None):
            import pickle
            raise pickle.PicklingError("Cannot pickle a ZoneInfo file "
                                       "from a file stream.")
        return self.__class__._unpickle, (self._key, self._from_cache)

    @classmethod
    def _unpickle(cls, key, from_cache, /):
        if from_cache:
            return cls(key)
        return cls.no_cache(key)


ZoneInfo.__module__ = "zoneinfo"
ZoneInfo._cache_lock = threading.RLock()
ZoneInfo._weak_cache = weakref.WeakValueDictionary()
ZoneInfo._strong_cache = collections.OrderedDict()


def _dst_amounts(indices, types):
    """The DST amount (seconds) of every type; TZif files only flag DST,
    so the amount is the offset minus that of a neighbouring standard
    type in the transition sequence, or one hour if there is none."""
    amounts = [0] * len(types)
    for pos, index in enumerate(indices):
        utcoff, isdst, _ = types[index]
        if not isdst or amounts[index]:
            continue
        for neighbour in (pos - 1, pos + 1):
            if 0 <= neighbour < len(indices):
                other = types[indices[neighbour]]
                if not other[1] and utcoff != other[0]:
                    amounts[index] = utcoff - other[0]
                    break
    for index, (_, isdst, _) in enumerate(types):
        if isdst and not amounts[index]:
            amounts[index] = 3600
    return amounts
