"""Profiling of Python programs: how often each function is called and
how long it takes.

    import cProfile
    cProfile.run("main()", sort="cumulative")

or from the command line:

    python -m cProfile [-o output_file] [-s sort_order] (-m module | scriptfile) [arg] ...

The results are reported by, or saved for, the pstats module.
"""

import _lsprof
import importlib.machinery
import io
import sys

__all__ = ["run", "runctx", "Profile"]


def run(statement, filename=None, sort=-1):
    """Run statement (a string) under a profiler in __main__'s namespace;
    print the statistics ordered by sort, or save them to filename."""
    return _run(Profile(), statement, filename, sort,
                lambda prof: prof.run(statement))


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Like run(), in the namespaces globals and locals."""
    return _run(Profile(), statement, filename, sort,
                lambda prof: prof.runctx(statement, globals, locals))


def _run(prof, statement, filename, sort, runner):
    try:
        runner(prof)
    except SystemExit:
        pass
    finally:
        if filename is not None:
            prof.dump_stats(filename)
        else:
            prof.print_stats(sort)


def label(code):
    """The (filename, line, name) key of a code object or of a built-in's
    description, as pstats uses."""
    if isinstance(code, str):
        return ("~", 0, str(code))
    return (code.co_filename, code.co_firstlineno, code.co_name)


class Profile(_lsprof.Profiler):
    """Profile(timer=None, timeunit=0.0, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.  The
    default timer measures wall-clock time with time.perf_counter; a
    timer returning integers needs timeunit, the seconds per unit.
    Usable as a context manager, which enables it on entry and disables
    it on exit.
    """

    def print_stats(self, sort=-1):
        import pstats
        if not isinstance(sort, tuple):
            sort = (sort,)
        pstats.Stats(self).strip_dirs().sort_stats(*sort).print_stats()

    def dump_stats(self, file):
        import marshal
        with open(file, "wb") as f:
            self.create_stats()
            marshal.dump(self.stats, f)

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        """self.stats: {(file, line, name): (primitive calls, calls,
        own time, cumulative time, {caller: (the same four)})}."""
        entries = self.getstats()
        self.stats = {}
        callersdicts = {}
        # The functions first, each with an empty dict of callers ...
        for entry in entries:
            func = label(entry.code)
            nc = entry.callcount            # ncalls column of pstats
            cc = nc - entry.reccallcount    # ncalls column, primitive
            tt = entry.inlinetime           # tottime column
            ct = entry.totaltime            # cumtime column
            callers = {}
            callersdicts[id(entry.code)] = callers
            self.stats[func] = cc, nc, tt, ct, callers
        # ... then, from each function's callees, its callees' callers.
        for entry in entries:
            if entry.calls:
                func = label(entry.code)
                for subentry in entry.calls:
                    try:
                        callers = callersdicts[id(subentry.code)]
                    except KeyError:
                        continue
                    nc = subentry.callcount
                    cc = nc - subentry.reccallcount
                    tt = subentry.inlinetime
                    ct = subentry.totaltime
                    if func in callers:
                        prev = callers[func]
                        nc += prev[0]
                        cc += prev[1]
                        tt += prev[2]
                        ct += prev[3]
                    callers[func] = nc, cc, tt, ct

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        """func(*args, **kw) under the profiler; returns its result."""
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def main():
    """python -m cProfile [-o output_file] [-s sort] (-m module | script) [arg] ..."""
    import argparse
    import os
    import runpy
    import pstats
    parser = argparse.ArgumentParser(
        prog="python -m cProfile",
        usage="%(prog)s [-o output_file_path] [-s sort] "
              "[-m module | scriptfile] [arg] ...")
    parser.add_argument("-o", "--outfile", dest="outfile",
                        help="Save stats to <outfile>", default=None)
    parser.add_argument("-s", "--sort", dest="sort",
                        help="Sort order when printing to stdout, based on "
                             "pstats.Stats class", default=2,
                        choices=sorted(pstats.Stats.sort_arg_dict_default))
    parser.add_argument("-m", dest="module", action="store_true",
                        help="Profile a library module", default=False)
    parser.add_argument("target", nargs="?")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    if options.target is None:
        parser.print_usage()
        return 2
    # The output file is named relative to where we were started, before
    # the profiled program may change directory.
    if options.outfile is not None:
        options.outfile = os.path.abspath(options.outfile)
    sys.argv[:] = [options.target] + options.args
    if options.module:
        code = "run_module(modname, run_name='__main__', alter_sys=True)"
        globs = {"run_module": runpy.run_module, "modname": options.target}
    else:
        progname = options.target
        sys.path.insert(0, os.path.dirname(progname))
        with io.open_code(progname) as fp:
            source = fp.read()
        code = compile(source, progname, "exec")
        spec = importlib.machinery.ModuleSpec(name="__main__", loader=None,
                                              origin=progname)
        globs = {"__spec__": spec, "__file__": spec.origin,
                 "__name__": spec.name, "__package__": None,
                 "__cached__": None}
    try:
        runctx(code, globs, None, options.outfile, options.sort)
    except BrokenPipeError as exc:
        # The output was cut short (e.g. piped into head): not an error.
        sys.stdout = None
        sys.exit(exc.errno)
    return 0


if __name__ == "__main__":
    main()
