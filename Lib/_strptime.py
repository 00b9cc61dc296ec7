"""Parsing of date and time strings for time.strptime and datetime.strptime.

Each format string is translated once into a regular expression with one
named group per directive; the matched groups are then turned into a time
tuple.  Names of days, months and AM/PM are those of the C locale.
"""

import re as _re
import time as _time
from threading import Lock as _Lock

__all__ = []

_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday")
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june",
                "july", "august", "september", "october", "november",
                "december")

# Composite directives of the C locale.
_COMPOSITES = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S",
               "D": "%m/%d/%y", "T": "%H:%M:%S", "R": "%H:%M",
               "F": "%Y-%m-%d", "r": "%I:%M:%S %p"}


def _alternatives(words):
    # Longest first so that 'may' never shadows a longer name.
    return "|".join(_re.escape(w) for w in sorted(words, key=len,
                                                   reverse=True))


def _timezone_names():
    names = {"utc", "gmt"}
    for name in _time.tzname:
        if name:
            names.add(name.lower())
    return names


def _directive_patterns():
    return {
        "d": r"3[01]|[12]\d|0[1-9]|[1-9]| [1-9]",
        "e": r"3[01]|[12]\d|0[1-9]|[1-9]| [1-9]",
        "f": r"[0-9]{1,6}",
        "H": r"2[0-3]|[0-1]\d|\d",
        "I": r"1[0-2]|0[1-9]|[1-9]| [1-9]",
        "G": r"\d\d\d\d",
        "j": r"36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]"
             r"|[1-9]",
        "m": r"1[0-2]|0[1-9]|[1-9]",
        "M": r"[0-5]\d|\d",
        "S": r"6[0-1]|[0-5]\d|\d",
        "U": r"5[0-3]|[0-4]\d|\d",
        "W": r"5[0-3]|[0-4]\d|\d",
        "w": r"[0-6]",
        "u": r"[1-7]",
        "V": r"5[0-3]|0[1-9]|[1-4]\d|\d",
        "y": r"\d\d",
        "Y": r"\d\d\d\d",
        "z": r"[+-]\d\d:?[0-5]\d(?::?[0-5]\d(?:\.\d{1,6})?)?|(?-i:Z)",
        "a": _alternatives(n[:3] for n in _DAY_NAMES),
        "A": _alternatives(_DAY_NAMES),
        "b": _alternatives(n[:3] for n in _MONTH_NAMES),
        "B": _alternatives(_MONTH_NAMES),
        "p": "am|pm",
        "Z": _alternatives(_timezone_names()),
    }


def _translate(fmt, patterns):
    """The regular expression text for a format string."""
    out = []
    seen = set()
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(r"\s+")
            continue
        if ch != "%":
            out.append(_re.escape(ch))
            continue
        if i >= n:
            # from None: CPython's exception hides its context (bpo-17572).
            raise ValueError(f"stray % in format '{fmt}'") from None
        code = fmt[i]
        i += 1
        if code == "%":
            out.append("%")
        elif code in ("n", "t"):
            # Like C's strptime, %n and %t match any run of whitespace.
            out.append(r"\s+")
        elif code in _COMPOSITES:
            out.append(_translate(_COMPOSITES[code], patterns))
        elif code == ":" and fmt[i:i + 1] == "z":
            i += 1
            out.append(_group("z", patterns, seen))
        elif code in patterns:
            out.append(_group(code, patterns, seen))
        else:
            raise ValueError(f"'{code}' is a bad directive in format "
                             f"'{fmt}'") from None
    return "".join(out)


def _group(code, patterns, seen):
    # A directive used twice must match the same text both times.
    if code in seen:
        return f"(?P={code})"
    seen.add(code)
    return f"(?P<{code}>{patterns[code]})"


_cache_lock = _Lock()        # guards _regex_cache and _cached_tznames
_regex_cache = {}
_cached_tznames = None
_CACHE_MAX = 100


def _compile(fmt):
    """A compiled regex for fmt, cached; the cache is reset when the local
    time zone names change (after time.tzset())."""
    global _cached_tznames
    with _cache_lock:
        if _cached_tznames != _time.tzname:
            _regex_cache.clear()
            _cached_tznames = _time.tzname
        regex = _regex_cache.get(fmt)
    if regex is not None:
        return regex
    regex = _re.compile(_translate(fmt, _directive_patterns()),
                        _re.IGNORECASE)
    with _cache_lock:
        if len(_regex_cache) >= _CACHE_MAX:
            _regex_cache.clear()
        _regex_cache[fmt] = regex
    return regex


def _parse_offset(text):
    """(seconds, microseconds) east of UTC for a %z match.

    Fields are taken by position, as CPython does: 'HH:MM' switches to the
    colon form, which then needs a colon before the seconds too.
    """
    if text in ("Z", "z"):
        return 0, 0
    sign = -1 if text[0] == "-" else 1
    digits = text
    if digits[3] == ":":
        digits = digits[:3] + digits[4:]
        if len(digits) > 5:
            if digits[5] != ":":
                raise ValueError(f"Inconsistent use of : in {text}")
            digits = digits[:5] + digits[6:]
    seconds = (int(digits[1:3]) * 3600 + int(digits[3:5]) * 60
               + int(digits[5:7] or 0))
    micro = int(digits[8:].ljust(6, "0"))
    return sign * seconds, sign * micro


def _week_to_julian(year, week, weekday, monday_first):
    """Day of the year for %U/%W week numbers (weekday: Monday == 0)."""
    import datetime
    first_weekday = datetime.date(year, 1, 1).weekday()
    if not monday_first:
        first_weekday = (first_weekday + 1) % 7
        weekday = (weekday + 1) % 7
    week0_length = (7 - first_weekday) % 7
    if week == 0:
        return 1 + weekday - first_weekday
    return 1 + week0_length + (week - 1) * 7 + weekday


def _check_iso_directives(found, year_given):
    weekday_given = any(k in found for k in ("a", "A", "w", "u"))
    if "G" in found and not year_given:
        if "V" not in found or not weekday_given:
            raise ValueError("ISO year directive '%G' must be used with the "
                             "ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if "j" in found:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif "V" in found:
        if not year_given or not weekday_given:
            raise ValueError("ISO week directive '%V' must be used with the "
                             "ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the "
                         "year directive '%Y'. Use the ISO year '%G' "
                         "instead.")


def _warn_day_without_year(format, stacklevel):
    import warnings
    warnings.warn("Parsing dates involving a day of month without a year "
                  "specified is ambiguous and fails to parse leap day. "
                  "Add a specific year to the input and format "
                  f"({format!r}). See "
                  "https://github.com/python/cpython/issues/70647.",
                  DeprecationWarning, stacklevel=stacklevel + 1)


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y", stacklevel=3):
    """Parse data_string; return (9 time fields + tzname + gmtoff,
    fraction in microseconds, gmtoff fraction in microseconds).
    stacklevel locates the user's call for warnings."""
    for position, arg in enumerate((data_string, format), 1):
        if not isinstance(arg, str):
            raise TypeError(f"strptime() argument {position} must be str, "
                            f"not {type(arg).__name__}")
    match = _compile(format).match(data_string)
    if match is None:
        raise ValueError(f"time data {data_string!r} does not match format "
                         f"{format!r}")
    if match.end() != len(data_string):
        raise ValueError(f"unconverted data remains: "
                         f"{data_string[match.end():]}")
    found = {k: v for k, v in match.groupdict().items() if v is not None}
    if "d" in found and not any(k in found for k in ("Y", "y", "G")):
        _warn_day_without_year(format, stacklevel)
    _check_iso_directives(found, "Y" in found or "y" in found)

    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    weekday = julian = None
    gmtoff = None
    gmtoff_fraction = 0
    tzname = None
    isdst = -1
    if "y" in found:
        year = int(found["y"])
        year += 2000 if year <= 68 else 1900
    if "Y" in found:
        year = int(found["Y"])
    if "m" in found:
        month = int(found["m"])
    if "B" in found:
        month = _MONTH_NAMES.index(found["B"].lower()) + 1
    if "b" in found:
        month = [n[:3] for n in _MONTH_NAMES].index(found["b"].lower()) + 1
    for key in ("d", "e"):
        if key in found:
            day = int(found[key])
    if "H" in found:
        hour = int(found["H"])
    if "I" in found:
        hour = int(found["I"]) % 12
        if found.get("p", "").lower() == "pm":
            hour += 12
    if "M" in found:
        minute = int(found["M"])
    if "S" in found:
        second = int(found["S"])
    if "f" in found:
        fraction = int(found["f"].ljust(6, "0"))
    if "A" in found:
        weekday = _DAY_NAMES.index(found["A"].lower())
    if "a" in found:
        weekday = [n[:3] for n in _DAY_NAMES].index(found["a"].lower())
    if "w" in found:
        weekday = (int(found["w"]) - 1) % 7
    if "u" in found:
        weekday = int(found["u"]) - 1
    if "j" in found:
        julian = int(found["j"])
    if "z" in found:
        gmtoff, gmtoff_fraction = _parse_offset(found["z"])
    if "Z" in found:
        tzname = found["Z"]
        lowered = tzname.lower()
        if lowered in ("utc", "gmt"):
            isdst = 0
        elif _time.daylight and lowered == _time.tzname[1].lower() \
                and _time.tzname[0].lower() != _time.tzname[1].lower():
            isdst = 1
        elif lowered == _time.tzname[0].lower():
            isdst = 0

    import datetime
    date = datetime.date
    leap_fill = False
    if year is None:
        # Without a year Feb 29 is only valid in a leap year; compute with
        # 1904 and report the default 1900, as CPython does.
        if month == 2 and day == 29:
            year, leap_fill = 1904, True
        else:
            year = 1900
    if "G" in found and "V" in found:
        iso_year, iso_week = int(found["G"]), int(found["V"])
        start = date.fromisocalendar(iso_year, iso_week, weekday + 1)
        year, month, day = start.year, start.month, start.day
        julian = None
    elif julian is None and weekday is not None and \
            ("U" in found or "W" in found):
        week = int(found.get("U", found.get("W")))
        julian = _week_to_julian(year, week, weekday, "W" in found)
        if julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is not None:
        actual = date.fromordinal(julian - 1 + date(year, 1, 1).toordinal())
        year, month, day = actual.year, actual.month, actual.day
    else:
        julian = (date(year, month, day).toordinal()
                  - date(year, 1, 1).toordinal() + 1)
    if weekday is None:
        weekday = date(year, month, day).weekday()
    if leap_fill:
        year = 1900
    fields = (year, month, day, hour, minute, second, weekday, julian,
              isdst, tzname, gmtoff)
    return fields, fraction, gmtoff_fraction


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """time.strptime: a struct_time for data_string."""
    fields = _strptime(data_string, format)[0]
    # The two extra fields become tm_zone and tm_gmtoff.
    return _time.struct_time(fields)


def _tz_of(fields, gmtoff_fraction):
    import datetime
    tzname, gmtoff = fields[-2], fields[-1]
    if gmtoff is None:
        return None
    delta = datetime.timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
    if tzname:
        return datetime.timezone(delta, tzname)
    return datetime.timezone(delta)


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """datetime.strptime: an instance of cls for data_string."""
    fields, fraction, gmtoff_fraction = _strptime(data_string, format, 4)
    args = fields[:6] + (fraction,)
    tz = _tz_of(fields, gmtoff_fraction)
    if tz is not None:
        args += (tz,)
    return cls(*args)


def _strptime_datetime_date(cls, data_string, format):
    """date.strptime: an instance of cls from the date fields."""
    fields = _strptime(data_string, format, 4)[0]
    return cls(*fields[:3])


def _strptime_datetime_time(cls, data_string, format):
    """time.strptime (the class method): an instance of cls."""
    fields, fraction, gmtoff_fraction = _strptime(data_string, format, 4)
    args = fields[3:6] + (fraction,)
    tz = _tz_of(fields, gmtoff_fraction)
    if tz is not None:
        args += (tz,)
    return cls(*args)
