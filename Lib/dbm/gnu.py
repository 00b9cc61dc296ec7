"""GNU dbm databases (the C module _gdbm, on the system libgdbm)."""

from _gdbm import *  # noqa: F401,F403
