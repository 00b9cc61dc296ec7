"""python -m unittest: discover or load the named tests and run them."""

import sys

if sys.argv[0].endswith("__main__.py"):
    import os.path
    # Usage messages should name the command the user typed.
    sys.argv[0] = os.path.basename(sys.executable) + " -m unittest"
    del os

__unittest = True

from .main import main

main(module=None)
