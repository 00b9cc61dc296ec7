"""Regular expressions and converters for TOML numbers and dates
(TOML 1.1: seconds are optional in times)."""

import re

# Hours and minutes, then optional seconds (TOML 1.1) with an optional
# fraction (kept to microsecond precision; further digits are dropped).
_TIME_RE_STR = (r"([01][0-9]|2[0-3]):([0-5][0-9])"
                r"(?::([0-5][0-9])(?:\.([0-9]{1,6})[0-9]*)?)?")

RE_NUMBER = re.compile(r"""
0
(?:
    x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*
    |
    b[01](?:_?[01])*
    |
    o[0-7](?:_?[0-7])*
)
|
[+-]?(?:0|[1-9](?:_?[0-9])*)
(?P<floatpart>
    (?:\.[0-9](?:_?[0-9])*)?
    (?:[eE][+-]?[0-9](?:_?[0-9])*)?
)
""", flags=re.VERBOSE)

RE_LOCALTIME = re.compile(_TIME_RE_STR)

RE_DATETIME = re.compile(rf"""
([0-9]{{4}})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])
(?:
    [Tt ]
    {_TIME_RE_STR}
    (?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?
)?
""", flags=re.VERBOSE)


def _micros(fraction):
    return int(fraction.ljust(6, "0")) if fraction else 0


def match_to_datetime(match):
    """A date or datetime for a RE_DATETIME match (ValueError if the
    date does not exist, e.g. February 30th)."""
    import datetime
    (year, month, day, hour, minute, sec, fraction,
     zulu, offset_sign, offset_hour, offset_minute) = match.groups()
    if hour is None:
        return datetime.date(int(year), int(month), int(day))
    if zulu:
        tz = datetime.timezone.utc
    elif offset_sign:
        delta = datetime.timedelta(hours=int(offset_hour),
                                   minutes=int(offset_minute))
        tz = datetime.timezone(-delta if offset_sign == "-" else delta)
    else:
        # A local date-time: no offset known.
        tz = None
    return datetime.datetime(int(year), int(month), int(day), int(hour),
                             int(minute), int(sec or 0), _micros(fraction),
                             tzinfo=tz)


def match_to_localtime(match):
    import datetime
    hour, minute, sec, fraction = match.groups()
    return datetime.time(int(hour), int(minute), int(sec or 0),
                         _micros(fraction))


def match_to_number(match, parse_float):
    text = match.group()
    if match.group("floatpart"):
        return parse_float(text.replace("_", ""))
    return int(text.replace("_", ""), 0)
