"""cProfile, profile and pstats: counts (with recursion), callers and
callees, saving and loading, sorting and the report format."""

import cProfile
import io
import os
import profile
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import unittest


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    return [fib(5) for _ in range(3)], sorted([3, 1, 2])


def by_name(stats):
    return {key[2]: value for key, value in stats.stats.items()}


class Collecting(unittest.TestCase):

    def test_counts_and_recursion(self):
        prof = cProfile.Profile()
        prof.runcall(work)
        rows = by_name(pstats.Stats(prof))
        primitive, total = rows["fib"][0], rows["fib"][1]
        self.assertEqual((primitive, total), (3, 45))
        self.assertEqual(rows["work"][:2], (1, 1))
        self.assertIn("<built-in method builtins.sorted>", rows)
        self.assertIn("<method 'disable' of '_lsprof.Profiler' objects>", rows)
        callers = rows["fib"][4]
        self.assertEqual({key[2] for key in callers}, {"work", "fib"})

    def test_times_are_consistent(self):
        prof = cProfile.Profile()
        prof.runcall(work)
        for cc, nc, tt, ct, callers in pstats.Stats(prof).stats.values():
            self.assertGreaterEqual(tt, 0.0)
            self.assertGreaterEqual(ct + 1e-9, tt)

    def test_builtins_off(self):
        prof = cProfile.Profile()
        prof.enable(builtins=False)
        sorted([2, 1])
        fib(3)
        prof.disable()
        names = set(by_name(pstats.Stats(prof)))
        self.assertIn("fib", names)
        self.assertNotIn("<built-in method builtins.sorted>", names)

    def test_another_profiler_active(self):
        sys.setprofile(lambda *args: None)
        try:
            with self.assertRaises(ValueError):
                cProfile.Profile().enable()
        finally:
            sys.setprofile(None)


class Reporting(unittest.TestCase):

    def setUp(self):
        self.prof = cProfile.Profile()
        self.prof.runcall(work)

    def report(self, method, *args, sort="cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(self.prof, stream=out).strip_dirs().sort_stats(sort)
        getattr(stats, method)(*args)
        return out.getvalue()

    def test_print_stats(self):
        text = self.report("print_stats", 3)
        self.assertRegex(text, r"\d+ function calls \(\d+ primitive calls\) in \d+\.\d{3} seconds")
        self.assertIn("Ordered by: cumulative time", text)
        self.assertRegex(text, r"List reduced from \d+ to 3 due to restriction <3>")
        self.assertIn("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)", text)
        self.assertRegex(text, r"\n\s+45/3\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+ test_profile\.py:\d+\(fib\)")

    def test_callers_and_callees(self):
        self.assertRegex(self.report("print_callers", "fib"),
                         r"test_profile\.py:\d+\(fib\)\s+<-\s+42/6")
        self.assertRegex(self.report("print_callees", r"\(work\)"),
                         r"test_profile\.py:\d+\(work\)\s+->\s+3\s")

    def test_sort_keys(self):
        self.assertEqual(pstats.SortKey("ncalls"), pstats.SortKey.CALLS)
        for key in ("calls", "cumulative", "filename", "line", "name", "nfl",
                    "pcalls", "stdname", "time", "tottime", "cumu",
                    pstats.SortKey.TIME):
            self.assertIn("Ordered by", self.report("print_stats", sort=key))
        for bad in ("no-such-key", "cum"):     # "cum" is ambiguous
            with self.assertRaises(KeyError):
                self.report("print_stats", sort=bad)

    def test_dump_and_load(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        path = os.path.join(directory, "out.prof")
        self.prof.dump_stats(path)
        loaded = pstats.Stats(path)
        self.assertEqual(by_name(loaded)["fib"][:2], (3, 45))
        twice = pstats.Stats(path).add(path)
        self.assertEqual(by_name(twice)["fib"][:2], (6, 90))
        profile_rows = loaded.get_stats_profile().func_profiles
        self.assertEqual(profile_rows["fib"].ncalls, "45/3")

    def test_profiling_tracing_is_cprofile(self):
        import profiling.tracing
        self.assertIs(profiling.tracing.Profile, cProfile.Profile)
        self.assertIs(profiling.tracing.run, cProfile.run)

    def test_profile_module(self):
        prof = profile.Profile()
        prof.runcall(fib, 4)
        self.assertEqual(by_name(pstats.Stats(prof))["fib"][:2], (1, 9))

    def test_command_line(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        script = os.path.join(directory, "script.py")
        with open(script, "w") as f:
            f.write("def f(n):\n    return n if n < 2 else f(n-1) + f(n-2)\n"
                    "print(f(10))\n")
        out = subprocess.run([sys.executable, "-m", "cProfile", "-s", "calls", script],
                             capture_output=True, text=True, check=True).stdout
        self.assertTrue(out.startswith("55\n"))
        self.assertRegex(out, r"177/1\s.*script\.py:1\(f\)")


if __name__ == "__main__":
    unittest.main()
