"""Re-exports the gzip module under the compression package."""
import gzip
__doc__ = gzip.__doc__
del gzip

from gzip import *
