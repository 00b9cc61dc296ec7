"""ndbm databases (the C module _dbm, on gdbm's ndbm compatibility
library)."""

from _dbm import *  # noqa: F401,F403
