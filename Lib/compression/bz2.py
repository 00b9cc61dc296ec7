"""Re-exports the bz2 module under the compression package."""
import bz2
__doc__ = bz2.__doc__
del bz2

from bz2 import *
