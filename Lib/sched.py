"""An event scheduler: actions queued for given times and run in time
and priority order, with pluggable clock and delay functions (real time
with time.monotonic and time.sleep by default, or a simulated clock).

Events are named tuples (time, priority, sequence, action, argument,
kwargs); a lower priority number runs first among events due at the same
time, and sequence keeps equal events in the order they were entered.
"""

import heapq
import threading
from collections import namedtuple
from itertools import count
from time import monotonic as _time

__all__ = ["scheduler"]

Event = namedtuple("Event", "time, priority, sequence, action, argument, kwargs")
Event.time.__doc__ = "When the event is due, in the scheduler's clock."
Event.priority.__doc__ = "Among events due at the same time, lower runs first."
Event.sequence.__doc__ = "Entry order, breaking ties of time and priority."
Event.action.__doc__ = "The callable run as action(*argument, **kwargs)."
Event.argument.__doc__ = "The positional arguments of the action."
Event.kwargs.__doc__ = "The keyword arguments of the action."

_sentinel = object()


class scheduler:

    def __init__(self, timefunc=_time, delayfunc=__import__("time").sleep):
        """timefunc gives the current time; delayfunc(seconds) waits."""
        self._queue = []
        # Guards _queue: events may be added or cancelled from other
        # threads while run() waits.
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence_generator = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        """Queue action(*argument, **kwargs) for absolute time `time`;
        returns the event, which cancel() accepts."""
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence_generator),
                          action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event    # The ID

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        """Like enterabs(), `delay` after the current time."""
        time = self.timefunc() + delay
        return self.enterabs(time, priority, action, argument, kwargs)

    def cancel(self, event):
        """Remove a queued event; ValueError if it is not queued."""
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        """Whether no event is queued."""
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Run events as they fall due until the queue is empty.

        With blocking false, run only the events already due and return
        the time until the next one (None when the queue is empty).
        Actions and the delay function may change the queue or raise; an
        exception leaves the scheduler consistent, and run() may be
        called again.  After each action delayfunc(0) gives other
        threads a turn.
        """
        lock = self._lock
        q = self._queue
        delayfunc = self.delayfunc
        timefunc = self.timefunc
        pop = heapq.heappop
        while True:
            with lock:
                if not q:
                    break
                (time, priority, sequence, action,
                 argument, kwargs) = q[0]
                now = timefunc()
                if time > now:
                    delay = True
                else:
                    delay = False
                    pop(q)
            if delay:
                if not blocking:
                    return time - now
                delayfunc(time - now)
            else:
                action(*argument, **kwargs)
                delayfunc(0)   # Let other threads run

    @property
    def queue(self):
        """The queued events, as a list in the order they will run."""
        # A sorted copy: the heap's own order is not sorted.
        with self._lock:
            events = self._queue[:]
        return list(map(heapq.heappop, [events] * len(events)))
