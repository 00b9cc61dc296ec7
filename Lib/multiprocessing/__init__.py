"""Process-based parallelism with an API like threading's.

The names here are the default context's methods: they follow
set_start_method() ('forkserver' by default on Linux).  See
get_context() for a context bound to one start method."""

import sys
from . import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name))
                 for name in __all__)

# The spawn bootstrap re-imports the main module as __mp_main__: make both
# names point to the same module here.
SUBDEBUG = 5
SUBWARNING = 25

if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']
