"""The Python implementation of the decimal module.

CPython keeps two implementations, the C module _decimal and this one,
and decimal re-exports whichever it could import.  Here the only
implementation is written in Python (the package _decimal_impl), so
decimal and _pydecimal are the same: the same classes, contexts and
constants under both names.
"""

import decimal as _decimal
from decimal import *  # noqa: F401,F403

__all__ = list(_decimal.__all__)


def __getattr__(name):
    # Deprecated module attributes (__version__) warn as decimal's do.
    if name.startswith("__") and name.endswith("__"):
        return getattr(_decimal, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
