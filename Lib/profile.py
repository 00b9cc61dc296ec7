"""Profiling of Python programs, the pure-Python interface.

The same reports as cProfile (see pstats); Weft's profilers share one
implementation, so the two modules differ only in their constructors:
profile.Profile takes timer and bias, where bias (seconds) is subtracted
from each call's time to discount the profiler's own overhead.

    python -m profile [-o output_file] [-s sort] (-m module | script) [arg] ...
"""

import sys

import cProfile

__all__ = ["run", "runctx", "Profile"]


class Profile(cProfile.Profile):
    """Profile(timer=None, bias=None)"""

    bias = 0.0      # the default overhead discounted per call (seconds)

    def __init__(self, timer=None, bias=None):
        super().__init__(timer)
        if bias is not None:
            self.bias = bias

    def snapshot_stats(self):
        super().snapshot_stats()
        if not self.bias:
            return
        # Each call's own time loses the overhead, never below zero.
        adjusted = {}
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            tt = max(0.0, tt - nc * self.bias)
            ct = max(0.0, ct - nc * self.bias)
            adjusted[func] = (cc, nc, tt, ct, callers)
        self.stats = adjusted

    def calibrate(self, m, verbose=0):
        """The overhead per profiled call, in seconds, measured over m
        calls: a value for bias."""
        def f(m):
            for _ in range(m):
                pass

        timer = self._timer
        start = timer()
        f(m)
        plain = timer() - start
        profiled = Profile(timer)
        start = timer()
        profiled.runcall(f, m)
        with_profile = timer() - start
        per_call = (with_profile - plain) / max(m, 1)
        if verbose:
            print("elapsed time without profiling =", plain)
            print("elapsed time with profiling =", with_profile)
            print("mean overhead per call =", per_call)
        return per_call


def run(statement, filename=None, sort=-1):
    """Run statement under profile.Profile; see cProfile.run."""
    return cProfile._run(Profile(), statement, filename, sort,
                         lambda prof: prof.run(statement))


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Like run(), in the namespaces globals and locals."""
    return cProfile._run(Profile(), statement, filename, sort,
                         lambda prof: prof.runctx(statement, globals, locals))


def main():
    return cProfile.main()


if __name__ == "__main__":
    main()
