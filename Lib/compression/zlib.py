"""Re-exports the zlib module under the compression package."""
import zlib
__doc__ = zlib.__doc__
del zlib

from zlib import *
