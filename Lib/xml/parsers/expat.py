"""The Expat XML parser: a thin alias of the built-in pyexpat module."""

import sys

from pyexpat import *

# The submodules are importable under this package's name as well.
sys.modules['xml.parsers.expat.model'] = model
sys.modules['xml.parsers.expat.errors'] = errors
