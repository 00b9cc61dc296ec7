"""Time small pieces of Python code.

From the command line:

    python -m timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [--] [statement ...]

  -n/--number N   run the statement N times per measurement; without -n,
                  N is the first of 1, 2, 5, 10, 20, 50, ... for which a
                  measurement takes at least 0.2 seconds
  -r/--repeat N   take N measurements (default 5) and report the best
  -s/--setup S    code run once before timing (default 'pass'); may be
                  given several times, one line each
  -p/--process    measure process time (time.process_time) instead of
                  wall time (time.perf_counter)
  -u/--unit U     report in nsec, usec, msec or sec
  -v/--verbose    also print each raw measurement; repeat for more digits
  -h/--help       print this help and exit
  --              end of options, for a statement starting with '-'

Each argument after the options is one line of the statement (default
'pass'); quote arguments to keep their leading spaces for indentation.

From Python: timeit(), repeat() and the Timer class.
"""

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals

# The code timed is compiled into one function, so that a statement's
# names are fast locals and the loop costs as little as possible.  Its
# parts are indented into place by Timer.
_TEMPLATE = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def reindent(src, indent):
    """Indent every line of src after the first by `indent` spaces."""
    return src.replace("\n", "\n" + " " * indent)


def _part(code, name, local_ns, indent):
    """A string part of the template for code (a str or a callable); a
    callable is stored in local_ns as `_` + name and called."""
    if isinstance(code, str):
        # Checked on its own first, so a syntax error points at the user's
        # code and not at the template around it.
        compile(code, dummy_src_name, "exec")
        return reindent(code, indent), code
    if callable(code):
        local_ns["_" + name] = code
        return "_%s()" % name, None
    raise ValueError("%s is neither a string nor callable" % name)


class Timer:
    """Times a statement (source text or a callable), after running a
    setup (the same kinds) once per measurement.

    Source text runs in `globals` (default: this module's namespace) as
    the body of one function, so its names are fast locals; it may span
    several lines but not contain a multi-line string literal.  timer is
    the clock, time.perf_counter by default.
    """

    def __init__(self, stmt="pass", setup="pass", timer=default_timer,
                 globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _globals() if globals is None else globals
        init = ""
        if isinstance(setup, str):
            stmt_part, stmt_src = _part(stmt, "stmt", local_ns, 8)
            # The setup and the statement are compiled together, so that
            # names the setup binds are locals of the statement too.
            compile(setup + "\n" + (stmt_src or ""), dummy_src_name, "exec")
            setup_part = reindent(setup, 4)
        elif callable(setup):
            local_ns["_setup"] = setup
            init = ", _setup=_setup"
            setup_part = "_setup()"
            stmt_part, stmt_src = _part(stmt, "stmt", local_ns, 8)
        else:
            raise ValueError("setup is neither a string nor callable")
        if callable(stmt) and not isinstance(stmt, str):
            init += ", _stmt=_stmt"
        src = _TEMPLATE.format(stmt=stmt_part, setup=setup_part, init=init)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        """Print the traceback of the exception being handled, with the
        lines of the timed code shown (they live in no file).  Call it
        from an except clause around timeit() or repeat(); output goes to
        file, sys.stderr by default."""
        import linecache
        import traceback
        if self.src is not None:
            linecache.cache[dummy_src_name] = (len(self.src), None,
                                               self.src.split("\n"),
                                               dummy_src_name)
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Run the setup once, then the statement `number` times; return
        the time the loop took (seconds with the default timer).  The
        garbage collector is off while the loop runs."""
        it = itertools.repeat(None, number)
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            timing = self.inner(it, self.timer)
        finally:
            if gc_was_enabled:
                gc.enable()
        return timing

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` results of timeit(number)."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """(number, time) for the first number in 1, 2, 5, 10, 20, 50,
        ... whose timeit() takes at least 0.2 seconds; callback, if given,
        is called with (number, time) after each try."""
        scale = 1
        while True:
            for step in (1, 2, 5):
                number = scale * step
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            scale *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)"""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)"""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


_UNITS = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}


def _format_time(dt, unit, precision):
    if unit is None:
        # The largest unit in which the time is at least 1.
        for unit, scale in sorted(_UNITS.items(), key=lambda item: item[1],
                                  reverse=True):
            if dt >= scale:
                break
    return "%.*g %s" % (precision, dt / _UNITS[unit], unit)


def main(args=None, *, _wrap_timer=None):
    """The command line (args, default sys.argv[1:]); returns an exit
    status for sys.exit(): None on success, 1 when the timed code raised
    (its traceback is printed), 2 for a bad option.  _wrap_timer, if given,
    wraps the clock (for tests)."""
    import getopt
    import os
    if args is None:
        args = sys.argv[1:]
    try:
        opts, args = getopt.getopt(args, "n:u:s:r:pvh",
                                   ["number=", "setup=", "repeat=",
                                    "process", "verbose", "unit=", "help"])
    except getopt.error as err:
        print(err)
        print("use -h/--help for command line help")
        return 2

    timer = default_timer
    stmt = "\n".join(args) or "pass"
    number = 0
    setup = []
    repeat = default_repeat
    verbose = 0
    time_unit = None
    precision = 3
    for o, a in opts:
        if o in ("-n", "--number"):
            number = int(a)
        if o in ("-s", "--setup"):
            setup.append(a)
        if o in ("-u", "--unit"):
            if a in _UNITS:
                time_unit = a
            else:
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.",
                      file=sys.stderr)
                return 2
        if o in ("-r", "--repeat"):
            repeat = int(a)
            if repeat <= 0:
                repeat = 1
        if o in ("-p", "--process"):
            timer = time.process_time
        if o in ("-v", "--verbose"):
            if verbose:
                precision += 1
            verbose += 1
        if o in ("-h", "--help"):
            print(__doc__, end=" ")
            return 0
    setup = "\n".join(setup) or "pass"

    # Code run as `python -m timeit` imports from the current directory,
    # as the statement's author expects.
    path = os.curdir
    if path not in sys.path:
        sys.path.insert(0, path)
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)

    t = Timer(stmt, setup, timer)
    if number == 0:
        callback = None
        if verbose:
            def callback(number, time_taken):
                msg = "{num} loop{s} -> {secs:.{prec}g} secs"
                plural = (number != 1)
                print(msg.format(num=number, s="s" if plural else "",
                                 secs=time_taken, prec=precision))
        try:
            number, _ = t.autorange(callback)
        except:
            t.print_exc()
            return 1
        if verbose:
            print()

    try:
        raw_timings = t.repeat(repeat, number)
    except:
        t.print_exc()
        return 1

    timings = [dt / number for dt in raw_timings]
    if verbose:
        print("raw times: %s" % ", ".join(_format_time(dt, time_unit, precision)
                                          for dt in raw_timings))
        print()

    best = min(timings)
    print("%d loop%s, best of %d: %s per loop"
          % (number, "s" if number != 1 else "", repeat,
             _format_time(best, time_unit, precision)))

    worst = max(timings)
    if worst >= best * 4:
        import warnings
        warnings.warn_explicit("The test results are likely unreliable. "
                               "The worst time (%s) was more than four times "
                               "slower than the best time (%s)."
                               % (_format_time(worst, time_unit, precision),
                                  _format_time(best, time_unit, precision)),
                               UserWarning, "", 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
