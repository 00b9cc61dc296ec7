"""The Python implementation of the decimal module.

CPython keeps two implementations, the C module _decimal and this one,
and decimal re-exports whichever it could import.  Here the only
implementation is written in Python (the package _decimal_impl), so
decimal and _pydecimal are the same: the same classes, contexts and
constants under both names.
"""

import decimal as _decimal_module
from decimal import *  # noqa: F401,F403

__all__ = list(_decimal_module.__all__)
__version__ = _decimal_module.__version__
__libmpdec_version__ = getattr(_decimal_module, "__libmpdec_version__", None)
if __libmpdec_version__ is None:
    del __libmpdec_version__

del _decimal_module
