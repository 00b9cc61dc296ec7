"""DB-API 2.0 names of sqlite3: everything of _sqlite3 plus the PEP 249
type constructors and the (deprecated) default adapters and converters
for datetime.date and datetime.datetime."""

import datetime
import time
import collections.abc
import warnings

from _sqlite3 import *

paramstyle = "qmark"
apilevel = "2.0"

Date = datetime.date
Time = datetime.time
Timestamp = datetime.datetime


def DateFromTicks(ticks):
    return Date(*time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return Time(*time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return Timestamp(*time.localtime(ticks)[:6])


sqlite_version_info = tuple(int(part) for part in sqlite_version.split("."))

Binary = memoryview
collections.abc.Sequence.register(Row)

def _register_default_adapters_and_converters():
    # Since 3.12 each default adapter and converter warns when it is used:
    # applications are expected to register their own.
    def adapt_date(val):
        warnings.warn(_message("date adapter"), DeprecationWarning,
                      stacklevel=2)
        return val.isoformat()

    def adapt_datetime(val):
        warnings.warn(_message("datetime adapter"), DeprecationWarning,
                      stacklevel=2)
        return val.isoformat(" ")

    def convert_date(val):
        warnings.warn(_message("date converter"), DeprecationWarning,
                      stacklevel=2)
        return datetime.date(*map(int, val.split(b"-")))

    def convert_timestamp(val):
        warnings.warn(_message("timestamp converter"), DeprecationWarning,
                      stacklevel=2)
        day, _, clock = val.partition(b" ")
        year, month, dom = (int(part) for part in day.split(b"-"))
        whole, _, fraction = clock.partition(b".")
        hour, minute, second = (int(part) for part in whole.split(b":"))
        micro = int(fraction[:6].ljust(6, b"0")) if fraction else 0
        return datetime.datetime(year, month, dom, hour, minute, second,
                                 micro)

    register_adapter(datetime.date, adapt_date)
    register_adapter(datetime.datetime, adapt_datetime)
    register_converter("date", convert_date)
    register_converter("timestamp", convert_timestamp)


def _message(what):
    return (f"The default {what} is deprecated as of Python 3.12; "
            "see the sqlite3 documentation for suggested replacement recipes")


_register_default_adapters_and_converters()
del _register_default_adapters_and_converters
