"""Coroutines started one after another, the first to succeed winning
(asyncio.staggered): the connection race of Happy Eyeballs (RFC 8305)
behind loop.create_connection(happy_eyeballs_delay=...)."""

__all__ = 'staggered_race',

from . import events
from . import exceptions as exceptions_mod
from . import tasks


async def staggered_race(coro_fns, delay, *, loop=None):
    """Run the coroutines that the functions of coro_fns (an iterable of
    callables without arguments) make, one at a time: the next starts
    when the last one started has failed, or after `delay` seconds if it
    is still running (never, for delay None).  The first coroutine to
    return wins and the others are cancelled.

    Returns (winner_result, winner_index, exceptions): exceptions holds
    for each started coroutine its exception (CancelledError for a loser
    cancelled here), None for the winner.  With no winner, winner_result
    and winner_index are None.  Runs in the event loop's thread only.
    """
    loop = loop or events.get_running_loop()
    coro_fns = iter(coro_fns)
    started = []
    exceptions = []
    winner = None
    try:
        next_fn = next(coro_fns, None)
        while winner is None:
            if next_fn is not None:
                started.append(loop.create_task(next_fn()))
                exceptions.append(None)
                next_fn = next(coro_fns, None)
            pending = [t for t in started if not t.done()]
            if not pending:
                if next_fn is None:
                    break
                continue
            done, _ = await tasks.wait(
                pending, timeout=delay if next_fn is not None else None,
                return_when=tasks.FIRST_COMPLETED)
            winner = _first_success(started, done, exceptions)
    finally:
        await _cancel_losers(started, exceptions, winner)
    if winner is None:
        return None, None, exceptions
    return winner[0], winner[1], exceptions


def _first_success(started, done, exceptions):
    """(result, index) of the earliest started task of done that
    returned, or None; the failures are recorded in exceptions."""
    winner = None
    for index, task in enumerate(started):
        if task not in done:
            continue
        if task.cancelled():
            exceptions[index] = exceptions_mod.CancelledError()
        elif task.exception() is not None:
            exceptions[index] = task.exception()
        elif winner is None:
            winner = (task.result(), index)
    return winner


async def _cancel_losers(started, exceptions, winner):
    """Cancel every started task other than the winner and wait for them
    all, so that none outlives the race (a connection attempt closes its
    socket as it is cancelled)."""
    losers = [t for i, t in enumerate(started)
              if not t.done() and (winner is None or i != winner[1])]
    for task in losers:
        task.cancel()
    if losers:
        await tasks.wait(losers)
    for index, task in enumerate(started):
        if task in losers:
            exceptions[index] = (exceptions_mod.CancelledError()
                                 if task.cancelled() else task.exception())
