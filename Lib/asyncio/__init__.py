"""asyncio: asynchronous I/O, event loop, coroutines and tasks."""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .graph import *
from .locks import *
from .protocols import *
from .runners import *
from .queues import *
from .streams import *
from .subprocess import *
from .tasks import *
from .taskgroups import *
from .timeouts import *
from .threads import *
from .transports import *
from .unix_events import *

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           graph.__all__ +
           locks.__all__ +
           protocols.__all__ +
           runners.__all__ +
           queues.__all__ +
           streams.__all__ +
           subprocess.__all__ +
           tasks.__all__ +
           taskgroups.__all__ +
           threads.__all__ +
           timeouts.__all__ +
           transports.__all__ +
           unix_events.__all__)


def __getattr__(name):
    # Deprecated policy classes (removal in 3.16) warn when accessed.
    import warnings
    if name == 'AbstractEventLoopPolicy':
        value = events._AbstractEventLoopPolicy
    elif name == 'DefaultEventLoopPolicy':
        value = unix_events._DefaultEventLoopPolicy
    else:
        raise AttributeError(f"module {__name__!r} has no attribute "
                             f"{name!r}")
    warnings.warn(f"'asyncio.{name}' is deprecated and slated for removal "
                  f"in Python 3.16", DeprecationWarning, stacklevel=2)
    return value
