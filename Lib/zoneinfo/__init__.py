"""IANA time zone support: the ZoneInfo tzinfo and its search path."""

__all__ = [
    "ZoneInfo",
    "reset_tzpath",
    "available_timezones",
    "TZPATH",
    "ZoneInfoNotFoundError",
    "InvalidTZPathWarning",
]

from . import _tzpath
from ._common import ZoneInfoNotFoundError
from ._zoneinfo import ZoneInfo

reset_tzpath = _tzpath.reset_tzpath
available_timezones = _tzpath.available_timezones
InvalidTZPathWarning = _tzpath.InvalidTZPathWarning

_tzpath.reset_tzpath(stacklevel=4)


def __getattr__(name):
    # TZPATH is looked up on each access because reset_tzpath() replaces it.
    if name == "TZPATH":
        return _tzpath.TZPATH
    raise AttributeError(f"module 'zoneinfo' has no attribute '{name}'")


def __dir__():
    return sorted(list(globals()) + ["TZPATH"])
