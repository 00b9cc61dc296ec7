"""Concrete date/time and related types.

Dates use the proleptic Gregorian calendar; times carry an optional tzinfo
object describing their offset from UTC.  Everything is computed with exact
integer arithmetic on ordinals (day 1 is 0001-01-01) and microseconds.
"""

import time as _time
import math as _math
from operator import index as _index

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999

_MAX_ORDINAL = 3652059          # date.max.toordinal()
_MAX_DELTA_DAYS = 999999999
_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND

# Days in each month of a common year; index 0 is unused.
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Days in a common year before the first of each month; index 0 is unused.
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304,
                      334)
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
               "Sep", "Oct", "Nov", "Dec")


# ---------------------------------------------------------------------------
# Calendar arithmetic

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _MONTH_DAYS[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    extra = 1 if month > 2 and _is_leap(year) else 0
    return _DAYS_BEFORE_MONTH[month] + extra


def _ymd_to_ordinal(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ordinal_to_ymd(n):
    """Inverse of _ymd_to_ordinal, by whole 400/100/4/1-year cycles."""
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        # The last day of a 4-year or 400-year cycle: December 31.
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and leap else 0)
    if before > n:
        month -= 1
        before -= _MONTH_DAYS[month] + (1 if month == 2 and leap else 0)
    return year, month, n - before + 1


def _iso_week1_monday(year):
    first = _days_before_year(year) + 1
    first_weekday = (first + 6) % 7
    monday = first - first_weekday
    if first_weekday > 3:
        monday += 7
    return monday


def _iso_to_ordinal(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    if not 0 < week < 53:
        valid = False
        if week == 53:
            # Week 53 exists only in years starting on Thursday, or leap
            # years starting on Wednesday.
            first_weekday = _ymd_to_ordinal(year, 1, 1) % 7
            valid = first_weekday == 4 or (first_weekday == 3
                                           and _is_leap(year))
        if not valid:
            raise ValueError(f"Invalid week: {week}")
    if not 0 < day < 8:
        raise ValueError(f"Invalid day: {day} (range is [1, 7])")
    return _iso_week1_monday(year) + (week - 1) * 7 + day - 1


def _round_half_even(num, den):
    """Round the rational num/den (den > 0) to the nearest integer."""
    q, r = divmod(num, den)
    twice = 2 * r
    if twice > den or (twice == den and q % 2 == 1):
        q += 1
    return q


def _exact_ratio(value):
    """An exact (numerator, denominator) pair for an int or float."""
    if isinstance(value, int):
        return value, 1
    if value != value:
        raise ValueError("cannot convert float NaN to integer")
    if value in (_math.inf, -_math.inf):
        raise OverflowError("cannot convert float infinity to integer")
    return value.as_integer_ratio()


# ---------------------------------------------------------------------------
# Argument checks

def _check_date_fields(year, month, day):
    if month is None:
        raise TypeError("function missing required argument 'month' (pos 2)")
    if day is None:
        raise TypeError("function missing required argument 'day' (pos 3)")
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year must be in {MINYEAR}..{MAXYEAR}, not {year}")
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    dim = _days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError(f"day {day} must be in range 1..{dim} for month "
                         f"{month} in year {year}")
    return year, month, day


def _check_ordinal(n):
    n = _index(n)
    if n < 1:
        raise ValueError("ordinal must be >= 1")
    if n > _MAX_ORDINAL:
        raise ValueError(f"year {_ordinal_to_ymd(n)[0]} is out of range")
    return n


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute = _index(hour), _index(minute)
    second, microsecond = _index(second), _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError(f"hour must be in 0..23, not {hour}")
    if not 0 <= minute <= 59:
        raise ValueError(f"minute must be in 0..59, not {minute}")
    if not 0 <= second <= 59:
        raise ValueError(f"second must be in 0..59, not {second}")
    if not 0 <= microsecond <= 999999:
        raise ValueError(f"microsecond must be in 0..999999, not "
                         f"{microsecond}")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_state_tzinfo(tz):
    """The tzinfo given with a pickled state (the constructors' fast
    unpickling path)."""
    if tz is not None and not isinstance(tz, _tzinfo_class):
        raise TypeError("bad tzinfo state arg")


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        f"subclass, not type '{type(tz).__name__}'")


def _check_offset(kind, offset):
    """Validate what tzinfo.utcoffset() or dst() returned."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{kind}() must return None or timedelta, "
                        f"not '{type(offset).__name__}'")
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError(f"offset must be a timedelta strictly between "
                         f"-timedelta(hours=24) and timedelta(hours=24), "
                         f"not {offset!r}.")
    return offset


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, "
                        f"not '{type(name).__name__}'")
    return name


def _type_name(obj):
    """The name CPython's reprs use: qualified for the module's own types."""
    cls = type(obj)
    if cls.__module__ == __name__:
        return f"{__name__}.{cls.__qualname__}"
    return cls.__name__


def _format_offset(off, sep):
    """'+HH:MM[:SS[.ffffff]]' for a timedelta, '' for None."""
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    hh, rest = divmod(off.seconds, 3600)
    mm, ss = divmod(rest, 60)
    text = f"{sign}{hh:02d}{sep}{mm:02d}"
    if ss or off.microseconds:
        text += f"{sep}{ss:02d}"
        if off.microseconds:
            text += f".{off.microseconds:06d}"
    return text


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return f"{hh:02d}"
    if timespec == "minutes":
        return f"{hh:02d}:{mm:02d}"
    if timespec == "seconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}"
    if timespec == "milliseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}"
    if timespec == "microseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}"
    raise ValueError("Unknown timespec value")


def _check_format_arg(fmt, what="strftime() argument 1"):
    if not isinstance(fmt, str):
        raise TypeError(f"{what} must be str, not {type(fmt).__name__}")


def _strftime(obj, fmt, timetuple):
    """Expand the directives Python defines itself, then call time.strftime.

    %f, %z, %:z and %Z come from the object; %Y, %G and %F show the year
    with at least four digits (and %C the century with two) everywhere.  Everything else is the C library's.
    """
    _check_format_arg(fmt)
    out = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != "%" or i >= n:
            out.append(ch)
            continue
        code = fmt[i]
        i += 1
        if code == "f":
            out.append(f"{getattr(obj, 'microsecond', 0):06d}")
        elif code == "z":
            out.append(_format_offset(_utcoffset_of(obj), ""))
        elif code == ":" and i < n and fmt[i] == "z":
            i += 1
            out.append(_format_offset(_utcoffset_of(obj), ":"))
        elif code == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            out.append("" if name is None else name.replace("%", "%%"))
        elif code == "Y" and timetuple[0] < 1000:
            out.append(f"{timetuple[0]:04d}")
        elif code == "F" and timetuple[0] < 1000:
            out.append(f"{timetuple[0]:04d}-%m-%d")
        elif code == "C" and timetuple[0] < 1000:
            out.append(f"{timetuple[0] // 100:02d}")
        elif code == "G" and timetuple[0] < 1001:
            iso_year = date(*timetuple[:3]).isocalendar()[0]
            out.append(f"{iso_year:04d}")
        else:
            out.append("%" + code)
    return _time.strftime("".join(out), timetuple)


def _utcoffset_of(obj):
    if hasattr(obj, "utcoffset"):
        return obj.utcoffset()
    return None


# ---------------------------------------------------------------------------
# ISO 8601 parsing

_DIGITS = "0123456789"


def _digits(s, start, count):
    """The integer in s[start:start+count]; ASCII digits only."""
    part = s[start:start + count]
    if len(part) != count:
        raise ValueError
    for ch in part:
        if ch not in _DIGITS:
            raise ValueError
    return int(part)


def _parse_iso_date(s, exact=True):
    """(year, month, day) from one of the six ISO 8601 calendar/week forms;
    with exact false, text after a complete date is ignored."""
    year = _digits(s, 0, 4)
    extended = len(s) > 4 and s[4] == "-"
    pos = 5 if extended else 4
    if len(s) > pos and s[pos] == "W":
        week = _digits(s, pos + 1, 2)
        pos += 3
        weekday = 1
        if len(s) > pos:
            if extended:
                if s[pos] != "-":
                    raise ValueError
                pos += 1
            weekday = _digits(s, pos, 1)
            pos += 1
        if exact and pos != len(s):
            raise ValueError
        return _ordinal_to_ymd(_iso_to_ordinal(year, week, weekday))
    month = _digits(s, pos, 2)
    pos += 2
    if extended:
        if s[pos:pos + 1] != "-":
            raise ValueError
        pos += 1
    day = _digits(s, pos, 2)
    if exact and pos + 2 != len(s):
        raise ValueError
    return year, month, day


def _iso_date_length(s):
    """How many leading characters of a datetime string are its date."""
    if len(s) > 4 and s[4] == "-":
        if len(s) > 5 and s[5] == "W":
            if len(s) > 9 and s[8] == "-" and s[9] in _DIGITS:
                return 10
            return 8
        return 10
    if len(s) > 4 and s[4] == "W":
        # YYYYWww or YYYYWwwD, and the separator may be a digit: a basic
        # time has an even number of digits, so the digit run from index
        # 7 tells whether index 7 is the weekday or the separator.
        end = 7
        while end < len(s) and s[end] in _DIGITS:
            end += 1
        if end < 9:
            return end
        return 7 if end % 2 == 0 else 8
    return 8


def _parse_hms(s, allow_fraction):
    """[hour, minute, second, microsecond] of 'HH[:MM[:SS]][.fff]' and the
    basic forms.  Like CPython, a fraction may follow the last component
    given and always counts as fractional seconds."""
    fields = [0, 0, 0, 0]
    pos = 0
    extended = None
    for index in range(3):
        if index:
            if pos == len(s) or s[pos] in ".,":
                break
            colon = s[pos] == ":"
            if extended is None:
                extended = colon
            elif colon != extended:
                raise ValueError
            if colon:
                pos += 1
        fields[index] = _digits(s, pos, 2)
        pos += 2
    if pos < len(s):
        if not allow_fraction or s[pos] not in ".," or len(s) - pos < 2:
            raise ValueError
        frac = s[pos + 1:]
        for ch in frac:
            if ch not in _DIGITS:
                raise ValueError
        fields[3] = int((frac + "00000")[:6])
    return fields


def _parse_iso_offset(s):
    """A timedelta for 'Z' or '+HH[:MM[:SS[.ffffff]]]' (basic forms too)."""
    if s == "Z":
        return timedelta(0)
    sign = -1 if s[0] == "-" else 1
    hh, mm, ss, us = _parse_hms(s[1:], True)
    return sign * timedelta(hours=hh, minutes=mm, seconds=ss,
                            microseconds=us)


def _iso_timezone(offset):
    if offset is None:
        return None
    return timezone(offset)


def _parse_iso_time(s):
    """(hour, minute, second, microsecond, offset) from an ISO 8601 time;
    offset is a timedelta or None."""
    cut = len(s)
    for mark in "+-Z":
        at = s.find(mark)
        if at != -1 and at < cut:
            cut = at
    tz = None
    if cut < len(s):
        tz = _parse_iso_offset(s[cut:])
    if cut == 0:
        raise ValueError
    hh, mm, ss, us = _parse_hms(s[:cut], True)
    return hh, mm, ss, us, tz


def _iso_error(s):
    return ValueError(f"Invalid isoformat string: {s!r}")


# ---------------------------------------------------------------------------
# Local time (the C library's idea of it)

def _local_offset(seconds):
    """Seconds east of UTC in effect locally at the POSIX time 'seconds'."""
    tm = _time.localtime(seconds)
    gmtoff = getattr(tm, "tm_gmtoff", None)
    if gmtoff is not None:
        return gmtoff
    local = (_ymd_to_ordinal(tm[0], tm[1], tm[2]) - _EPOCH_ORDINAL) * 86400
    return local + tm[3] * 3600 + tm[4] * 60 + tm[5] - seconds


def _local_to_posix(local_seconds, fold):
    """The POSIX time at which local wall time reads 'local_seconds'.

    Candidates come from the offsets in effect a day either side.  Two
    matching candidates mean a repeated hour (fold picks which); none means
    a skipped hour, resolved with the offset from before the transition for
    fold=0 and from after it for fold=1 (PEP 495).
    """
    offsets = {_local_offset(local_seconds - 86400),
               _local_offset(local_seconds),
               _local_offset(local_seconds + 86400)}
    candidates = sorted({local_seconds - off for off in offsets})
    valid = [u for u in candidates if u + _local_offset(u) == local_seconds]
    if valid:
        return valid[-1] if fold and len(valid) > 1 else valid[0]
    before = _local_offset(local_seconds - 86400)
    after = _local_offset(local_seconds + 86400)
    options = (local_seconds - before, local_seconds - after)
    return min(options) if fold else max(options)


def _posix_to_local_fields(seconds):
    """(y, m, d, hh, mm, ss, fold) of local time at a whole POSIX second."""
    tm = _time.localtime(seconds)
    fields = tuple(tm[:6])
    local = seconds + _local_offset(seconds)
    earlier = local - _local_offset(seconds - 86400)
    fold = 0
    if earlier < seconds and earlier + _local_offset(earlier) == local:
        fold = 1
    return fields + (fold,)


_TIME_T_LIMIT = 2 ** 63


def _timestamp_value(t):
    """t as a float or int within the platform's time_t range."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
    else:
        t = _index(t)
    if not -_TIME_T_LIMIT <= t < _TIME_T_LIMIT:
        raise OverflowError("timestamp out of range for platform time_t")
    return t


def _split_timestamp(t):
    """(seconds, microseconds) of a timestamp, rounded half to even."""
    t = _timestamp_value(t)
    if isinstance(t, float):
        num, den = t.as_integer_ratio()
    else:
        num, den = t, 1
    us = _round_half_even(num * _US_PER_SECOND, den)
    return divmod(us, _US_PER_SECOND)


# ---------------------------------------------------------------------------
# timedelta

# The units of timedelta's arguments in microseconds, smallest first.
_TD_UNITS = (("microseconds", 1), ("milliseconds", 1000),
             ("seconds", _US_PER_SECOND), ("minutes", 60 * _US_PER_SECOND),
             ("hours", 3600 * _US_PER_SECOND), ("days", _US_PER_DAY),
             ("weeks", 7 * _US_PER_DAY))


class timedelta:
    """Difference between two datetime values.

    timedelta(days=0, seconds=0, microseconds=0, milliseconds=0,
              minutes=0, hours=0, weeks=0)

    Stored normalized: 0 <= seconds < 86400, 0 <= microseconds < 10**6.
    """
    # The three fields are read-only members, as in CPython: reads are
    # plain slot loads; __setattr__/__delattr__ refuse to change them and
    # only _timedelta_from_us stores them (through the slots' own __set__).
    __slots__ = {
        "days": "Number of days.",
        "seconds": "Number of seconds (>= 0 and less than 1 day).",
        "microseconds": "Number of microseconds (>= 0 and less than 1 second).",
        "_hashcode": None,
    }

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        values = dict(zip(("days", "seconds", "microseconds", "milliseconds",
                           "minutes", "hours", "weeks"),
                          (days, seconds, microseconds, milliseconds, minutes,
                           hours, weeks)))
        # As CPython computes it: whole microseconds exactly, the fractions
        # of float arguments in floating point (unit by unit, smallest
        # first), their sum rounded half to even at the end.
        total = 0
        leftover = 0.0
        for name, scale in _TD_UNITS:
            value = values[name]
            if isinstance(value, int):
                total += value * scale
            elif isinstance(value, float):
                frac, whole = _math.modf(value)
                total += int(whole) * scale
                if frac:
                    frac, whole = _math.modf(frac * scale)
                    total += int(whole)
                    leftover += frac
            else:
                raise TypeError(f"unsupported type for timedelta {name} "
                                f"component: {type(value).__name__}")
        if leftover:
            whole = round(leftover)
            if abs(whole - leftover) == 0.5:
                # A tie: the neighbour that makes the total even.
                whole = _math.floor(leftover)
                if (total + whole) % 2:
                    whole += 1
            total += int(whole)
        return _timedelta_from_us(cls, total)

    def __setattr__(self, name, value):
        if name in _TD_FIELDS:
            raise AttributeError("readonly attribute")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in _TD_FIELDS:
            raise AttributeError("readonly attribute")
        object.__delattr__(self, name)

    def _to_us(self):
        return ((self.days * 86400 + self.seconds) * _US_PER_SECOND
                + self.microseconds)

    def total_seconds(self):
        """The whole duration in seconds, as a float."""
        return self._to_us() / _US_PER_SECOND

    def __repr__(self):
        parts = []
        if self.days:
            parts.append(f"days={self.days}")
        if self.seconds:
            parts.append(f"seconds={self.seconds}")
        if self.microseconds:
            parts.append(f"microseconds={self.microseconds}")
        return f"{_type_name(self)}({', '.join(parts) or '0'})"

    def __str__(self):
        mm, ss = divmod(self.seconds, 60)
        hh, mm = divmod(mm, 60)
        text = f"{hh}:{mm:02d}:{ss:02d}"
        if self.days:
            plural = "s" if abs(self.days) != 1 else ""
            text = f"{self.days} day{plural}, {text}"
        if self.microseconds:
            text += f".{self.microseconds:06d}"
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _timedelta_from_us(timedelta,
                                      self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _timedelta_from_us(timedelta,
                                      self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return _timedelta_from_us(timedelta, -self._to_us())

    def __pos__(self):
        return _timedelta_from_us(timedelta, self._to_us())

    def __abs__(self):
        return -self if self.days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return _timedelta_from_us(timedelta, self._to_us() * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return _timedelta_from_us(
                timedelta, _round_half_even(self._to_us() * num, den))
        return NotImplemented

    __rmul__ = __mul__

    # Only timedelta operands divide a timedelta; these exist so that the
    # reflected slots are present as on CPython's type.
    def __rtruediv__(self, other):
        return NotImplemented

    def __rfloordiv__(self, other):
        return NotImplemented

    def __rmod__(self, other):
        return NotImplemented

    def __rdivmod__(self, other):
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return _timedelta_from_us(timedelta, self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, (int, float)):
            num, den = (other, 1) if isinstance(other, int) \
                else other.as_integer_ratio()
            if num == 0:
                raise ZeroDivisionError("division by zero")
            if num < 0:
                num, den = -num, -den
            return _timedelta_from_us(
                timedelta, _round_half_even(self._to_us() * den, num))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _timedelta_from_us(timedelta,
                                      self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, _timedelta_from_us(timedelta, r)
        return NotImplemented

    def _key(self):
        return (self.days, self.seconds, self.microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            _td_set_hashcode(self, hash(self._key()))
        return self._hashcode

    def __bool__(self):
        return bool(self.days or self.seconds or self.microseconds)

    def __reduce__(self):
        return type(self), self._key()


def _timedelta_from_us(cls, us):
    days, rest = divmod(us, _US_PER_DAY)
    seconds, microseconds = divmod(rest, _US_PER_SECOND)
    if not -_MAX_DELTA_DAYS <= days <= _MAX_DELTA_DAYS:
        raise OverflowError(f"days={days}; must have magnitude <= "
                            f"{_MAX_DELTA_DAYS}")
    self = object.__new__(cls)
    _td_set_days(self, days)
    _td_set_seconds(self, seconds)
    _td_set_microseconds(self, microseconds)
    _td_set_hashcode(self, -1)
    return self


_TD_FIELDS = frozenset(("days", "seconds", "microseconds"))
# The slots' own setters: they store past timedelta.__setattr__.
_td_set_days = timedelta.days.__set__
_td_set_seconds = timedelta.seconds.__set__
_td_set_microseconds = timedelta.microseconds.__set__
_td_set_hashcode = timedelta._hashcode.__set__


timedelta.min = timedelta(-_MAX_DELTA_DAYS)
timedelta.max = timedelta(_MAX_DELTA_DAYS, 86399, 999999)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# date

def _is_state(value, length, check):
    """Whether a constructor's first argument is a pickled byte state."""
    if isinstance(value, str) and len(value) == length:
        try:
            value = value.encode("latin1")
        except UnicodeEncodeError:
            raise ValueError(
                "Failed to encode latin1 string when unpickling a "
                "date or datetime object. Pickle.load(data, "
                "encoding='latin1') is assumed.") from None
    if isinstance(value, (bytes, bytearray)) and len(value) == length \
            and check(value):
        return bytes(value)
    return None


class IsoCalendarDate(tuple):
    """The (year, week, weekday) named tuple date.isocalendar() returns."""
    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        # Pickles as a plain tuple so that unpickling needs no private name.
        return tuple, (tuple(self),)

    def __repr__(self):
        return (f"{_type_name(self)}(year={self[0]}, week={self[1]}, "
                f"weekday={self[2]})")


class date:
    """A calendar date in the proleptic Gregorian calendar:
    date(year, month, day)."""
    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        if month is None:
            state = _is_state(year, 4, lambda b: 1 <= b[2] <= 12)
            if state is not None:
                self = object.__new__(cls)
                self._setstate(state)
                return self
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hashcode = -1
        return self

    # Alternate constructors

    @classmethod
    def fromtimestamp(cls, t):
        """The local date at a POSIX timestamp."""
        t = _timestamp_value(t)
        seconds = _math.floor(t) if isinstance(t, float) else t
        y, m, d = _time.localtime(seconds)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        """The current local date (or datetime, for datetime)."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """The date whose ordinal (0001-01-01 is 1) is n."""
        return cls(*_ordinal_to_ymd(_check_ordinal(n)))

    @classmethod
    def fromisoformat(cls, date_string):
        """Parse the ISO 8601 calendar or week date forms."""
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(date_string) not in (7, 8, 10):
            raise _iso_error(date_string)
        try:
            # Like CPython, characters after a complete date are ignored.
            fields = _parse_iso_date(date_string, exact=False)
        except ValueError:
            raise _iso_error(date_string) from None
        return cls(*fields)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """The date of an ISO (year, week, weekday) triple."""
        return cls(*_ordinal_to_ymd(_iso_to_ordinal(year, week, day)))

    @classmethod
    def strptime(cls, date_string, format):
        """Parse date_string with strptime directives."""
        import _strptime
        return _strptime._strptime_datetime_date(cls, date_string, format)

    # Read-only fields

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    # Conversions

    def __repr__(self):
        return f"{_type_name(self)}({self._year}, {self._month}, {self._day})"

    def isoformat(self):
        """The date as YYYY-MM-DD."""
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    __str__ = isoformat

    def ctime(self):
        """The date in the style of time.ctime()."""
        weekday = _DAY_ABBR[self.toordinal() % 7 - 1]
        return (f"{weekday} {_MONTH_ABBR[self._month]} {self._day:2d} "
                f"00:00:00 {self._year:04d}")

    def strftime(self, format):
        """Format with strftime directives (see the time module)."""
        return _strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        _check_format_arg(fmt, "__format__() argument 1")
        return self.strftime(fmt) if fmt else str(self)

    def timetuple(self):
        """A time.struct_time for midnight of this date."""
        return _build_struct_time(self._year, self._month, self._day,
                                  0, 0, 0, -1)

    def toordinal(self):
        """Days since 0001-12-31 (so 0001-01-01 is 1)."""
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        """Weekday number: 0 for Monday up to 6 for Sunday."""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """ISO weekday number: 1 for Monday up to 7 for Sunday."""
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        """The ISO 8601 (year, week, weekday) of this date."""
        year = self._year
        ordinal = self.toordinal()
        monday = _iso_week1_monday(year)
        if ordinal < monday:
            year -= 1
            monday = _iso_week1_monday(year)
        elif year < MAXYEAR and ordinal >= _iso_week1_monday(year + 1):
            year += 1
            monday = _iso_week1_monday(year)
        week, day = divmod(ordinal - monday, 7)
        return IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        """A copy with the given fields changed."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def __replace__(self, /, **changes):
        return self.replace(**changes)

    # Comparisons: a date never compares with a datetime.

    def _comparable(self, other):
        return (isinstance(other, date) and not isinstance(other, datetime)
                and not isinstance(self, datetime))

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if self._comparable(other):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if self._comparable(other):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    # Arithmetic

    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = self.toordinal() + other.days
            if not 1 <= ordinal <= _MAX_ORDINAL:
                raise OverflowError("date value out of range")
            return type(self)(*_ordinal_to_ymd(ordinal))
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    # Pickle support

    def _getstate(self):
        yhi, ylo = divmod(self._year, 256)
        return bytes((yhi, ylo, self._month, self._day))

    def _setstate(self, state):
        self._year = state[0] * 256 + state[1]
        self._month = state[2]
        self._day = state[3]
        self._hashcode = -1

    def __reduce__(self):
        return type(self), (self._getstate(),)


def _build_struct_time(y, m, d, hh, mm, ss, dst):
    weekday = (_ymd_to_ordinal(y, m, d) + 6) % 7
    yday = _days_before_month(y, m) + d
    return _time.struct_time((y, m, d, hh, mm, ss, weekday, yday, dst))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---------------------------------------------------------------------------
# tzinfo and timezone

_OMITTED = object()     # marks an argument the caller left out


class tzinfo:
    """Base class for time zone descriptions; subclasses supply the
    offsets."""
    __slots__ = ()

    def tzname(self, dt):
        """The zone's name at dt."""
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        """The offset from UTC at dt (east is positive)."""
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        """The daylight saving adjustment in effect at dt."""
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """Map dt, whose fields hold UTC, to this zone's local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        standard = offset - dst
        if standard:
            dt += standard
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent "
                                 "results; cannot convert")
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs is not None else ()
        return type(self), args, self.__getstate__()


class timezone(tzinfo):
    """A tzinfo for a constant offset from UTC, optionally named."""
    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=_OMITTED):
        if not isinstance(offset, timedelta):
            raise TypeError(f"timezone() argument 1 must be "
                            f"datetime.timedelta, not "
                            f"{type(offset).__name__}")
        if name is _OMITTED:
            if not offset:
                return timezone.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError(f"timezone() argument 2 must be str, not "
                            f"{type(name).__name__}")
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), "
                             f"not {offset!r}.")
        return _new_timezone(offset, name)

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable "
                        "base type")

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return type(self), self.__getinitargs__()

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return f"datetime.timezone({self._offset!r})"
        return f"datetime.timezone({self._offset!r}, {self._name!r})"

    def __str__(self):
        return self.tzname(None)

    @staticmethod
    def _check_dt(method, dt):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError(f"{method}(dt) argument must be a datetime "
                            f"instance or None, not {type(dt).__name__}")

    def utcoffset(self, dt):
        """The constant offset."""
        self._check_dt("utcoffset", dt)
        return self._offset

    def tzname(self, dt):
        """The given name, else 'UTC' followed by the signed offset."""
        self._check_dt("tzname", dt)
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset, ":")

    def dst(self, dt):
        """Always None: a fixed offset has no daylight saving."""
        self._check_dt("dst", dt)
        return None

    def fromutc(self, dt):
        """Map dt, whose fields hold UTC, to this zone's local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset


def _new_timezone(offset, name):
    self = object.__new__(timezone)
    self._offset = offset
    self._name = name
    return self


timezone.utc = _new_timezone(timedelta(0), None)
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# ---------------------------------------------------------------------------
# time

# The constructors below take a parameter named tzinfo.
_tzinfo_class = tzinfo


class time:
    """A time of day, optionally with a tzinfo:
    time(hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0)
    """
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo",
                 "_hashcode", "_fold")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        if isinstance(hour, (bytes, bytearray, str)) and len(hour) == 6:
            state = _is_state(hour, 6, lambda b: (b[0] & 0x7F) < 24)
            if state is not None:
                # Unpickling: time(state[, tzinfo]).
                plain_minute = isinstance(minute, int) and minute == 0
                tz = tzinfo if plain_minute else minute
                _check_state_tzinfo(tz)
                self = object.__new__(cls)
                self._setstate(state, tz)
                return self
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour, self._minute = hour, minute
        self._second, self._microsecond = second, microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def fromisoformat(cls, time_string):
        """Parse an ISO 8601 time of day, with optional offset."""
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        text = time_string[1:] if time_string[:1] == "T" else time_string
        try:
            hh, mm, ss, us, offset = _parse_iso_time(text)
        except ValueError:
            raise _iso_error(time_string) from None
        return cls(hh, mm, ss, us, _iso_timezone(offset))

    @classmethod
    def strptime(cls, date_string, format):
        """Parse date_string with strptime directives."""
        import _strptime
        return _strptime._strptime_datetime_time(cls, date_string, format)

    # Offsets

    def utcoffset(self):
        """The tzinfo's offset from UTC, or None when naive."""
        if self._tzinfo is None:
            return None
        return _check_offset("utcoffset", self._tzinfo.utcoffset(None))

    def dst(self):
        """The tzinfo's daylight saving adjustment, or None."""
        if self._tzinfo is None:
            return None
        return _check_offset("dst", self._tzinfo.dst(None))

    def tzname(self):
        """The tzinfo's zone name, or None."""
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(None))

    # Comparisons

    def _fields(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _compare(self, other, equality):
        """-1/0/1, or None when one side is naive and the other aware."""
        if self._tzinfo is other._tzinfo:
            a, b = self._fields(), other._fields()
        else:
            off1, off2 = self.utcoffset(), other.utcoffset()
            if (off1 is None) != (off2 is None):
                if equality:
                    return None
                raise TypeError("can't compare offset-naive and "
                                "offset-aware times")
            a, b = self._utc_key(off1), other._utc_key(off2)
        return (a > b) - (a < b)

    def _utc_key(self, offset):
        us = ((self._hour * 60 + self._minute) * 60 + self._second) \
            * _US_PER_SECOND + self._microsecond
        if offset is not None:
            us -= offset._to_us()
        return (us,)

    def __eq__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._compare(other, True) == 0

    def __lt__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._compare(other, False) < 0

    def __le__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._compare(other, False) <= 0

    def __gt__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._compare(other, False) > 0

    def __ge__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        return self._compare(other, False) >= 0

    def __hash__(self):
        if self._hashcode == -1:
            base = self.replace(fold=0) if self._fold else self
            offset = base.utcoffset()
            if offset is None:
                self._hashcode = hash(self._fields())
            else:
                self._hashcode = hash(self._utc_key(offset))
        return self._hashcode

    # Conversions

    def isoformat(self, timespec="auto"):
        """The time as HH:MM:SS[.ffffff][+HH:MM]; timespec ('auto', 'hours',
        'minutes', 'seconds', 'milliseconds' or 'microseconds') picks how
        much of it is shown."""
        text = _format_time(self._hour, self._minute, self._second,
                            self._microsecond, timespec)
        return text + _format_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        args = f"{self._hour}, {self._minute}"
        if self._microsecond:
            args += f", {self._second}, {self._microsecond}"
        elif self._second:
            args += f", {self._second}"
        if self._tzinfo is not None:
            args += f", tzinfo={self._tzinfo!r}"
        if self._fold:
            args += ", fold=1"
        return f"{_type_name(self)}({args})"

    def strftime(self, format):
        """Format with strftime directives; date fields read as 1900-01-01."""
        tt = _time.struct_time((1900, 1, 1, self._hour, self._minute,
                                self._second, 0, 1, -1))
        return _strftime(self, format, tt)

    def __format__(self, fmt):
        _check_format_arg(fmt, "__format__() argument 1")
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        """A copy with the given fields changed."""
        return type(self)(
            self._hour if hour is None else hour,
            self._minute if minute is None else minute,
            self._second if second is None else second,
            self._microsecond if microsecond is None else microsecond,
            self._tzinfo if tzinfo is True else tzinfo,
            fold=self._fold if fold is None else fold)

    def __replace__(self, /, **changes):
        return self.replace(**changes)

    def __bool__(self):
        return True

    # Pickle support

    def _getstate(self, protocol=3):
        us1, rest = divmod(self._microsecond, 65536)
        us2, us3 = divmod(rest, 256)
        hour = self._hour + 128 if self._fold and protocol > 3 else self._hour
        state = bytes((hour, self._minute, self._second, us1, us2, us3))
        if self._tzinfo is None:
            return (state,)
        return (state, self._tzinfo)

    def _setstate(self, state, tz):
        self._hour = state[0] & 0x7F
        self._fold = state[0] >> 7
        self._minute, self._second = state[1], state[2]
        self._microsecond = (state[3] << 16) | (state[4] << 8) | state[5]
        self._tzinfo = tz
        self._hashcode = -1

    def __reduce_ex__(self, protocol):
        return type(self), self._getstate(protocol)

    def __reduce__(self):
        return self.__reduce_ex__(2)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# datetime

class datetime(date):
    """A date and a time of day, optionally with a tzinfo:
    datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0,
             tzinfo=None, *, fold=0)
    """
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo",
                 "_fold")

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        if day is None:
            state = _is_state(year, 10, lambda b: 1 <= (b[2] & 0x7F) <= 12)
            if state is not None:
                # Unpickling: datetime(state[, tzinfo]).
                tz = month
                _check_state_tzinfo(tz)
                self = object.__new__(cls)
                self._setstate(state, tz)
                return self
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute = hour, minute
        self._second, self._microsecond = second, microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    # Alternate constructors

    @classmethod
    def _from_posix(cls, t, utc, tz):
        seconds, us = _split_timestamp(t)
        if utc:
            days, secs = divmod(seconds, 86400)
            ordinal = _EPOCH_ORDINAL + days
            if not 1 <= ordinal <= _MAX_ORDINAL:
                year = _ordinal_to_ymd(ordinal)[0]
                raise ValueError(f"year {year} is out of range")
            y, m, d = _ordinal_to_ymd(ordinal)
            hh, rest = divmod(secs, 3600)
            mm, ss = divmod(rest, 60)
            fold = 0
        else:
            y, m, d, hh, mm, ss, fold = _posix_to_local_fields(seconds)
        if fold:
            return cls(y, m, d, hh, mm, ss, us, tz, fold=1)
        return cls(y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def fromtimestamp(cls, timestamp, tz=None):
        """The local time (of tz, or of the system) at a POSIX timestamp."""
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_posix(timestamp, False, None)
        result = cls._from_posix(timestamp, True, tz)
        return tz.fromutc(result)

    @classmethod
    def utcfromtimestamp(cls, t):
        """A naive datetime holding UTC at a POSIX timestamp (deprecated)."""
        import warnings
        warnings.warn("datetime.datetime.utcfromtimestamp() is deprecated "
                      "and scheduled for removal in a future version. Use "
                      "timezone-aware objects to represent datetimes in "
                      "UTC: datetime.datetime.fromtimestamp(timestamp, "
                      "datetime.UTC).", DeprecationWarning, stacklevel=2)
        return cls._from_posix(t, True, None)

    @classmethod
    def now(cls, tz=None):
        """The current time in tz, or naive local time when tz is None."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """A naive datetime holding the current UTC time (deprecated)."""
        import warnings
        warnings.warn("datetime.datetime.utcnow() is deprecated and "
                      "scheduled for removal in a future version. Use "
                      "timezone-aware objects to represent datetimes in "
                      "UTC: datetime.datetime.now(datetime.UTC).",
                      DeprecationWarning, stacklevel=2)
        return cls._from_posix(_time.time(), True, None)

    @classmethod
    def fromordinal(cls, n):
        """Midnight of the day whose ordinal (0001-01-01 is 1) is n."""
        return cls(*_ordinal_to_ymd(_check_ordinal(n)))

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """Join a date and a time (tzinfo defaults to the time's)."""
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, "
                            f"not {type(date).__name__}")
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, "
                            f"not {type(time).__name__}")
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute,
                   time.second, time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """Parse an ISO 8601 date, optionally followed by a time."""
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        s = date_string
        if len(s) < 7:
            raise _iso_error(s)
        try:
            cut = _iso_date_length(s)
            y, m, d = _parse_iso_date(s[:cut])
            hh = mm = ss = us = 0
            offset = None
            if len(s) > cut:
                if len(s) == cut + 1:
                    raise ValueError
                hh, mm, ss, us, offset = _parse_iso_time(s[cut + 1:])
        except ValueError:
            raise _iso_error(date_string) from None
        # 24:00 is the midnight that ends the day (ISO 8601).
        next_day = hh == 24 and not (mm or ss or us)
        if next_day:
            hh = 0
        result = cls(y, m, d, hh, mm, ss, us, _iso_timezone(offset))
        if next_day:
            result += timedelta(days=1)
        return result

    @classmethod
    def strptime(cls, date_string, format):
        """Parse date_string with strptime directives."""
        import _strptime
        return _strptime._strptime_datetime(cls, date_string, format)

    # Offsets

    def utcoffset(self):
        """The tzinfo's offset from UTC, or None when naive."""
        if self._tzinfo is None:
            return None
        return _check_offset("utcoffset", self._tzinfo.utcoffset(self))

    def dst(self):
        """The tzinfo's daylight saving adjustment, or None."""
        if self._tzinfo is None:
            return None
        return _check_offset("dst", self._tzinfo.dst(self))

    def tzname(self):
        """The tzinfo's zone name, or None."""
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(self))

    # Conversions

    def timetuple(self):
        """A time.struct_time of the fields; tm_isdst follows dst()."""
        dst = self.dst()
        isdst = -1 if dst is None else (1 if dst else 0)
        return _build_struct_time(self._year, self._month, self._day,
                                  self._hour, self._minute, self._second,
                                  isdst)

    def utctimetuple(self):
        """A time.struct_time of the time converted to UTC."""
        offset = self.utcoffset()
        utc = self - offset if offset else self
        return _build_struct_time(utc._year, utc._month, utc._day, utc._hour,
                                  utc._minute, utc._second, 0)

    def _to_us(self):
        """Microseconds since 0001-01-01 minus one day, ignoring tzinfo."""
        return (self.toordinal() * _US_PER_DAY
                + ((self._hour * 60 + self._minute) * 60 + self._second)
                * _US_PER_SECOND + self._microsecond)

    def _local_seconds(self):
        """The wall time as seconds since 1970-01-01 00:00 (no zone)."""
        return (self.toordinal() - _EPOCH_ORDINAL) * 86400 \
            + (self._hour * 60 + self._minute) * 60 + self._second

    def _local_posix(self):
        return _local_to_posix(self._local_seconds(), self._fold)

    def timestamp(self):
        """Seconds since the POSIX epoch, as a float."""
        if self.utcoffset() is None:
            return self._local_posix() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        """The date part."""
        return date(self._year, self._month, self._day)

    def time(self):
        """The time part, without tzinfo."""
        return time(self._hour, self._minute, self._second,
                    self._microsecond, fold=self._fold)

    def timetz(self):
        """The time part, with the same tzinfo."""
        return time(self._hour, self._minute, self._second,
                    self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None,
                minute=None, second=None, microsecond=None, tzinfo=True,
                *, fold=None):
        """A copy with the given fields changed."""
        return type(self)(
            self._year if year is None else year,
            self._month if month is None else month,
            self._day if day is None else day,
            self._hour if hour is None else hour,
            self._minute if minute is None else minute,
            self._second if second is None else second,
            self._microsecond if microsecond is None else microsecond,
            self._tzinfo if tzinfo is True else tzinfo,
            fold=self._fold if fold is None else fold)

    def _local_timezone(self):
        """The fixed zone this naive local time is in: its offset is the
        one timestamp() used, so that astimezone() names the same instant
        (in a skipped hour that is the offset from before the transition
        for fold=0, gh-83861), not the offset in effect at that instant."""
        posix = self._local_posix()
        offset = self._local_seconds() - posix
        delta = timedelta(seconds=offset)
        if _local_offset(posix) == offset:
            # The zone's own abbreviation, when it is the one in effect.
            name = getattr(_time.localtime(posix), "tm_zone", None)
            if name:
                return timezone(delta, name)
        return timezone(delta)

    def astimezone(self, tz=None):
        """The same instant in tz (the system's local zone if None)."""
        _check_tzinfo(tz)
        mine = self._tzinfo
        if mine is None:
            mine = self._local_timezone()
            offset = mine.utcoffset(self)
        else:
            if tz is mine:
                return self
            offset = self.utcoffset()
            if offset is None:
                mine = self.replace(tzinfo=None)._local_timezone()
                offset = mine.utcoffset(self)
        if tz is None:
            utc_posix = (self - offset).replace(tzinfo=None) - _EPOCH_NAIVE
            seconds = utc_posix // timedelta(seconds=1)
            tm = _time.localtime(seconds)
            tz = timezone(timedelta(seconds=_local_offset(seconds)),
                          getattr(tm, "tm_zone", None) or None)
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        """The date and time in the style of time.ctime()."""
        weekday = _DAY_ABBR[self.toordinal() % 7 - 1]
        return (f"{weekday} {_MONTH_ABBR[self._month]} {self._day:2d} "
                f"{self._hour:02d}:{self._minute:02d}:{self._second:02d} "
                f"{self._year:04d}")

    def isoformat(self, sep="T", timespec="auto"):
        """The datetime as YYYY-MM-DD<sep>HH:MM:SS[.ffffff][+HH:MM]; timespec
        works as for time.isoformat()."""
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode "
                            "character, not " + type(sep).__name__)
        text = (f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}"
                + _format_time(self._hour, self._minute, self._second,
                               self._microsecond, timespec))
        return text + _format_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        args = (f"{self._year}, {self._month}, {self._day}, "
                f"{self._hour}, {self._minute}")
        if self._microsecond:
            args += f", {self._second}, {self._microsecond}"
        elif self._second:
            args += f", {self._second}"
        # Unlike time's repr, datetime's shows fold before tzinfo.
        if self._fold:
            args += ", fold=1"
        if self._tzinfo is not None:
            args += f", tzinfo={self._tzinfo!r}"
        return f"{_type_name(self)}({args})"

    def strftime(self, format):
        """Format with strftime directives (see the time module)."""
        return _strftime(self, format, self.timetuple())

    # Comparisons

    def _compare(self, other, equality):
        """-1/0/1; None for 'unequal' results of mixed naive/aware or
        fold-dependent comparisons under ==."""
        a, b = self._to_us(), other._to_us()
        if self._tzinfo is other._tzinfo:
            return (a > b) - (a < b)
        off1, off2 = self.utcoffset(), other.utcoffset()
        if (off1 is None) != (off2 is None):
            if equality:
                return None
            raise TypeError("can't compare offset-naive and offset-aware "
                            "datetimes")
        if off1 != off2:
            # Times whose offset depends on fold are never equal to a time
            # in another zone (PEP 495).
            if equality and (
                    off1 != self.replace(fold=1 - self._fold).utcoffset()
                    or off2 != other.replace(fold=1 - other._fold)
                    .utcoffset()):
                return None
            a -= off1._to_us()
            b -= off2._to_us()
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) == 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, False) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, False) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, False) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, False) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            base = self.replace(fold=0) if self._fold else self
            offset = base.utcoffset()
            us = self._to_us()
            if offset is not None:
                us -= offset._to_us()
            self._hashcode = hash(us)
        return self._hashcode

    # Arithmetic

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._to_us() + other._to_us()
        days, rest = divmod(us, _US_PER_DAY)
        if not 1 <= days <= _MAX_ORDINAL:
            raise OverflowError("date value out of range")
        y, m, d = _ordinal_to_ymd(days)
        secs, micro = divmod(rest, _US_PER_SECOND)
        hh, rest = divmod(secs, 3600)
        mm, ss = divmod(rest, 60)
        return type(self)(y, m, d, hh, mm, ss, micro, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        diff = self._to_us() - other._to_us()
        if self._tzinfo is not other._tzinfo:
            off1, off2 = self.utcoffset(), other.utcoffset()
            if (off1 is None) != (off2 is None):
                raise TypeError("can't subtract offset-naive and "
                                "offset-aware datetimes")
            if off1 is not None:
                diff -= off1._to_us() - off2._to_us()
        return _timedelta_from_us(timedelta, diff)

    # Pickle support

    def _getstate(self, protocol=3):
        yhi, ylo = divmod(self._year, 256)
        us1, rest = divmod(self._microsecond, 65536)
        us2, us3 = divmod(rest, 256)
        month = self._month + 128 if self._fold and protocol > 3 \
            else self._month
        state = bytes((yhi, ylo, month, self._day, self._hour,
                       self._minute, self._second, us1, us2, us3))
        if self._tzinfo is None:
            return (state,)
        return (state, self._tzinfo)

    def _setstate(self, state, tz):
        self._year = state[0] * 256 + state[1]
        self._month = state[2] & 0x7F
        self._fold = state[2] >> 7
        self._day = state[3]
        self._hour, self._minute, self._second = state[4], state[5], state[6]
        self._microsecond = (state[7] << 16) | (state[8] << 8) | state[9]
        self._tzinfo = tz
        self._hashcode = -1

    def __reduce_ex__(self, protocol):
        return type(self), self._getstate(protocol)

    def __reduce__(self):
        return self.__reduce_ex__(2)


# Aliases for methods whose parameters shadow the class names.
_date_class = date
_time_class = time
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_EPOCH_ORDINAL = _ymd_to_ordinal(1970, 1, 1)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_EPOCH_NAIVE = datetime(1970, 1, 1)

