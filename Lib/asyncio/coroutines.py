"""Coroutine helpers."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

import collections.abc
import inspect
import os
import sys
import types


def _is_debug_mode():
    # PYTHONASYNCIODEBUG switches debug on, unless -E hides the environment.
    return sys.flags.dev_mode or (not sys.flags.ignore_environment and
                                  bool(os.environ.get('PYTHONASYNCIODEBUG')))


def iscoroutinefunction(func):
    """Return True if func is a coroutine function (deprecated alias of
    inspect.iscoroutinefunction)."""
    import warnings
    warnings.warn("'asyncio.iscoroutinefunction' is deprecated and slated "
                  "for removal in Python 3.16; use "
                  "inspect.iscoroutinefunction() instead",
                  DeprecationWarning, stacklevel=2)
    return _iscoroutinefunction(func)


def _iscoroutinefunction(func):
    return (inspect.iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


_is_coroutine = object()

# Types that are known coroutines; a cache of other types that passed.
_COROUTINE_TYPES = (types.CoroutineType, collections.abc.Coroutine)
_iscoroutine_typecache = set()


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    if type(obj) in _iscoroutine_typecache:
        return True
    if isinstance(obj, _COROUTINE_TYPES):
        # Bound the cache so a stream of throwaway classes cannot grow it.
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(type(obj))
        return True
    return False


def _coroutine_name(coro):
    # Coroutine-likes (Cython's, async_gen.asend()) may lack the names.
    name = (getattr(coro, '__qualname__', None) or
            getattr(coro, '__name__', None))
    if not name:
        name = f'<{type(coro).__name__} without __name__>'
    return f'{name}()'


def _coroutine_running(coro):
    running = getattr(coro, 'cr_running', None)
    if running is None:
        running = getattr(coro, 'gi_running', False)
    return bool(running)


def _format_coroutine(coro):
    """Describe coro for reprs: its name, and where it runs (its frame's
    line) or was defined (once finished).  Coroutine-likes without a code
    object only say whether they run."""
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    name = _coroutine_name(coro)
    if not code:
        return f'{name} running' if _coroutine_running(coro) else name
    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame',
                                                       None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        lineno = frame.f_lineno
        if lineno is None:
            lineno = code.co_firstlineno
        return f'{name} running at {filename}:{lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'
