"""The deterministic profiler behind cProfile and profile.

Profiler hooks the calling thread with sys.setprofile and records, per
function (a code object, or a built-in callable), how often it was called
and how long it took: its own time and its time including callees, and
the same per caller.  getstats() reports them as profiler_entry objects.

Only the thread that called enable() is profiled, as with CPython's
_lsprof: profile functions are per thread.
"""

import sys
from collections import namedtuple
from time import perf_counter

__all__ = ["Profiler", "profiler_entry", "profiler_subentry"]

profiler_entry = namedtuple(
    "profiler_entry",
    "code callcount reccallcount totaltime inlinetime calls")
profiler_entry.__doc__ = (
    "One profiled function: code (a code object, or a built-in's "
    "description), callcount, reccallcount (recursive calls), totaltime "
    "(including callees), inlinetime (excluding them), and calls (a list "
    "of profiler_subentry for its callees, or None).")

profiler_subentry = namedtuple(
    "profiler_subentry", "code callcount reccallcount totaltime inlinetime")
profiler_subentry.__doc__ = "The calls from one function to one callee."


class _Counts:
    """Calls of one function, or from one caller to one callee."""

    __slots__ = ("callcount", "reccallcount", "totaltime", "inlinetime",
                 "recursion")

    def __init__(self):
        self.callcount = 0
        self.reccallcount = 0
        self.totaltime = 0.0
        self.inlinetime = 0.0
        self.recursion = 0      # activations now on the stack


class _Frame:
    """One profiled activation on the profiler's own stack."""

    __slots__ = ("key", "entry", "subentry", "start", "subtime")

    def __init__(self, key, entry, subentry, start):
        self.key = key
        self.entry = entry
        self.subentry = subentry
        self.start = start
        self.subtime = 0.0      # time spent in profiled callees


def _builtin_label(func):
    """How a built-in callable is shown: '<built-in method ...>' or
    "<method 'name' of 'type' objects>"."""
    self = getattr(func, "__self__", None)
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", "?")
    if self is None or isinstance(self, type(sys)):
        module = getattr(func, "__module__", None)
        if module:
            return "<built-in method %s.%s>" % (module, name)
        return "<built-in method %s>" % name
    if isinstance(self, type):
        return "<built-in method %s of type object at %#x>" % (name, id(self))
    owner = type(self)
    short = getattr(func, "__name__", name)
    return "<method '%s' of '%s' objects>" % (short, _type_name(owner))


def _type_name(cls):
    module = cls.__module__
    if module in ("builtins", None):
        return cls.__qualname__
    return "%s.%s" % (module, cls.__qualname__)


class Profiler:
    """Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.  The
    default timer is a fast built-in one based on real time.  For custom
    timer functions returning integers, timeunit can be a float specifying
    a scale (i.e. how long each integer unit is, in seconds).
    """

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        if timer is None:
            self._timer = perf_counter
            self._unit = 1.0
        else:
            self._timer = timer
            self._unit = timeunit if timeunit else 1.0
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        self._entries = {}      # key -> (code-like, _Counts, {key: _Counts})
        self._stack = []
        self._enabled = False

    # ---- the profile hook ----------------------------------------------

    def _now(self):
        return self._timer() * self._unit

    def _hook(self, frame, event, arg):
        now = self._now()
        if event == "call":
            code = frame.f_code
            self._enter(code, code, now)
        elif event == "c_call":
            if self._builtins:
                key = arg
                self._enter(key, _BuiltinCode(arg), now)
        elif event in ("return", "c_return", "c_exception"):
            if event != "return" and not self._builtins:
                return
            self._leave(now)

    def _enter(self, key, code, now):
        record = self._entries.get(key)
        if record is None:
            record = self._entries[key] = (code, _Counts(), {})
        entry = record[1]
        subentry = None
        if self._subcalls and self._stack:
            caller_calls = self._entries[self._stack[-1].key][2]
            subentry = caller_calls.get(key)
            if subentry is None:
                subentry = caller_calls[key] = _Counts()
            subentry.recursion += 1
        entry.recursion += 1
        self._stack.append(_Frame(key, entry, subentry, now))

    def _leave(self, now):
        if not self._stack:
            return
        top = self._stack.pop()
        elapsed = now - top.start
        inline = elapsed - top.subtime
        entry = top.entry
        entry.recursion -= 1
        entry.callcount += 1
        entry.inlinetime += inline
        if entry.recursion == 0:
            entry.totaltime += elapsed
        else:
            entry.reccallcount += 1
        sub = top.subentry
        if sub is not None:
            sub.recursion -= 1
            sub.callcount += 1
            sub.inlinetime += inline
            if sub.recursion == 0:
                sub.totaltime += elapsed
            else:
                sub.reccallcount += 1
        if self._stack:
            self._stack[-1].subtime += elapsed

    # ---- the API ---------------------------------------------------------

    def enable(self, subcalls=True, builtins=True):
        """Start collecting profiling information in this thread."""
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        if sys.getprofile() is not None and not self._enabled:
            raise ValueError("Another profiling tool is already active")
        self._enabled = True
        sys.setprofile(self._hook)

    def disable(self):
        """Stop collecting profiling information."""
        if not self._enabled:
            return
        sys.setprofile(None)
        self._enabled = False
        # The stack ends with this call and the sys.setprofile call just
        # made: the profiler's own work, not the program's.  Like
        # CPython's built-in disable(), the call counts once, as a
        # built-in taking no time.
        own_code = Profiler.disable.__code__
        while self._stack and (self._stack[-1].key is sys.setprofile
                               or self._stack[-1].key is own_code
                               or getattr(self._stack[-1].key, "co_name", None)
                               == "disable"):
            self._discard(self._stack.pop())
        now = self._now()
        self._enter(_DISABLE_KEY, _DISABLE_LABEL, now)
        self._leave(now)
        # Activations still open (the callers that enabled profiling)
        # end here, as if they returned now.
        while self._stack:
            self._leave(now)

    def _discard(self, frame):
        frame.entry.recursion -= 1
        if frame.subentry is not None:
            frame.subentry.recursion -= 1
        record = self._entries.get(frame.key)
        if record is not None and record[1].callcount == 0 \
                and record[1].recursion == 0:
            del self._entries[frame.key]
            for code, entry, calls in self._entries.values():
                sub = calls.get(frame.key)
                if sub is not None and sub.callcount == 0:
                    del calls[frame.key]

    def clear(self):
        """Clear all profiling information collected so far."""
        self._entries = {}
        self._stack = []

    def getstats(self):
        """A list of profiler_entry objects, one per function seen."""
        result = []
        for key, (code, entry, calls) in self._entries.items():
            if entry.callcount == 0 and entry.recursion == 0:
                continue
            subentries = None
            if self._subcalls:
                subentries = [
                    profiler_subentry(self._entries[callee][0], sub.callcount,
                                      sub.reccallcount, sub.totaltime,
                                      sub.inlinetime)
                    for callee, sub in calls.items() if sub.callcount]
            result.append(profiler_entry(code, entry.callcount,
                                         entry.reccallcount, entry.totaltime,
                                         entry.inlinetime, subentries))
        return result


# How a call of disable() is reported.
_DISABLE_KEY = object()
_DISABLE_LABEL = "<method 'disable' of '_lsprof.Profiler' objects>"


class _BuiltinCode(str):
    """The 'code' of a built-in callable: its description, a str, as
    _lsprof reports it."""

    def __new__(cls, func):
        return super().__new__(cls, _builtin_label(func))
