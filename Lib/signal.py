"""Set handlers for asynchronous events (signals).

The names come from the _signal extension module; this wrapper turns the
signal numbers, the SIG_DFL/SIG_IGN handlers and the SIG_BLOCK-style
mask operations into the IntEnum classes Signals, Handlers and Sigmasks.
"""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum


def _wraps(wrapped):
    """Give the decorated wrapper the C function's name and docstring."""
    def decorate(wrapper):
        wrapper.__name__ = wrapped.__name__
        wrapper.__qualname__ = wrapped.__name__
        wrapper.__doc__ = wrapped.__doc__
        wrapper.__wrapped__ = wrapped
        return wrapper
    return decorate


def _is_signal_name(name):
    return name.isupper() and name.startswith('SIG') and not name.startswith('SIG_')


_IntEnum._convert_('Signals', __name__, _is_signal_name)
_IntEnum._convert_('Handlers', __name__,
                   lambda name: name in ('SIG_DFL', 'SIG_IGN'))
if 'pthread_sigmask' in globals():
    _IntEnum._convert_('Sigmasks', __name__,
                       lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK',
                                             'SIG_SETMASK'))


def _to_enum(value, enum_class):
    """value as a member of enum_class when it names one, else unchanged."""
    try:
        return enum_class(value)
    except ValueError:
        return value


def _handler_to_enum(handler):
    if isinstance(handler, int) and not isinstance(handler, bool):
        return _to_enum(handler, Handlers)
    return handler


@_wraps(_signal.signal)
def signal(signalnum, handler):
    return _handler_to_enum(_signal.signal(signalnum, handler))


@_wraps(_signal.getsignal)
def getsignal(signalnum):
    return _handler_to_enum(_signal.getsignal(signalnum))


if 'pthread_sigmask' in globals():
    @_wraps(_signal.pthread_sigmask)
    def pthread_sigmask(how, mask):
        return {_to_enum(num, Signals)
                for num in _signal.pthread_sigmask(how, mask)}


if 'sigpending' in globals():
    @_wraps(_signal.sigpending)
    def sigpending():
        return {_to_enum(num, Signals) for num in _signal.sigpending()}


if 'sigwait' in globals():
    @_wraps(_signal.sigwait)
    def sigwait(sigset):
        return _to_enum(_signal.sigwait(sigset), Signals)


if 'valid_signals' in globals():
    @_wraps(_signal.valid_signals)
    def valid_signals():
        return {_to_enum(num, Signals) for num in _signal.valid_signals()}


del _is_signal_name
