"""Helpers shared by Future and Task reprs."""

import reprlib

from . import format_helpers

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """True for Future-like objects (they set _asyncio_future_blocking)."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(cb):
    count = len(cb)
    if not count:
        cb = ''

    def name(entry):
        return format_helpers._format_callback_source(entry[0], ())

    if count == 1:
        cb = name(cb[0])
    elif count == 2:
        cb = '{}, {}'.format(name(cb[0]), name(cb[1]))
    elif count > 2:
        cb = '{}, <{} more>, {}'.format(name(cb[0]), count - 2, name(cb[-1]))
    return f'cb=[{cb}]'


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={reprlib.repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    if future._source_traceback:
        frame = future._source_traceback[-1]
        info.append(f'created at {frame[0]}:{frame[1]}')
    return info


def _future_repr(future):
    info = ' '.join(_future_repr_info(future))
    return f'<{future.__class__.__name__} {info}>'
