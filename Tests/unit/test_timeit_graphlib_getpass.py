"""timeit, graphlib and getpass."""

import contextlib
import io
import os
import subprocess
import sys
import unittest
from graphlib import CycleError, TopologicalSorter

import getpass
import timeit


class Timeit(unittest.TestCase):

    def test_functions(self):
        self.assertGreaterEqual(timeit.timeit("x = 1", number=10), 0)
        self.assertEqual(len(timeit.repeat(lambda: None, repeat=3, number=5)), 3)
        self.assertGreaterEqual(timeit.timeit("z", globals={"z": 3}, number=2), 0)
        self.assertIs(timeit.default_timer, __import__("time").perf_counter)

    def test_setup_names_are_visible(self):
        timer = timeit.Timer("y = a + 1", setup="a = 2")
        self.assertGreaterEqual(timer.timeit(3), 0)
        calls = []
        timer = timeit.Timer(lambda: calls.append("stmt"),
                             setup=lambda: calls.append("setup"))
        timer.timeit(2)
        self.assertEqual(calls, ["setup", "stmt", "stmt"])

    def test_custom_timer_and_autorange(self):
        ticks = iter(range(0, 1000, 1))
        timer = timeit.Timer("pass", timer=lambda: next(ticks))
        self.assertEqual(timer.timeit(5), 1)
        trials = []
        number, taken = timeit.Timer("pass").autorange(
            lambda n, t: trials.append(n))
        self.assertEqual(trials[:3], [1, 2, 5][:len(trials[:3])])
        self.assertGreaterEqual(taken, 0.2)
        self.assertEqual(number, trials[-1])

    def test_errors(self):
        with self.assertRaisesRegex(ValueError, "stmt is neither a string nor callable"):
            timeit.Timer(5)
        with self.assertRaisesRegex(ValueError, "setup is neither a string nor callable"):
            timeit.Timer("pass", 5)
        with self.assertRaises(SyntaxError):
            timeit.Timer("x = ")
        timer = timeit.Timer("1/0")
        with self.assertRaises(ZeroDivisionError):
            timer.timeit(1)

    def test_command_line(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = timeit.main(["-n", "3", "-r", "2", "-s", "a = 1", "a + 1"])
        self.assertIsNone(status)
        self.assertRegex(out.getvalue(),
                         r"^3 loops, best of 2: [0-9.e+]+ (nsec|usec|msec|sec) per loop\n$")
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            self.assertEqual(timeit.main(["-u", "xsec", "pass"]), 2)
        self.assertIn("Unrecognized unit", err.getvalue())


class Graphlib(unittest.TestCase):

    def test_static_order(self):
        ts = TopologicalSorter({"D": {"B", "C"}, "C": {"A"}, "B": {"A"}})
        order = list(ts.static_order())
        self.assertEqual(order[0], "A")
        self.assertEqual(order[-1], "D")
        ts = TopologicalSorter()
        ts.add(3, 2, 1)
        ts.add(1, 0)
        self.assertEqual(list(ts.static_order()), [2, 0, 1, 3])

    def test_protocol(self):
        ts = TopologicalSorter({"a": ["b"]})
        ts.prepare()
        with self.assertRaisesRegex(ValueError, "cannot be added after"):
            ts.add("c")
        self.assertEqual(ts.get_ready(), ("b",))
        with self.assertRaisesRegex(ValueError, "was not passed out"):
            ts.done("a")
        ts.done("b")
        with self.assertRaisesRegex(ValueError, "already marked done"):
            ts.done("b")
        with self.assertRaisesRegex(ValueError, "was not added"):
            ts.done("zz")
        self.assertEqual(ts.get_ready(), ("a",))
        ts.done("a")
        self.assertFalse(ts.is_active())
        with self.assertRaisesRegex(ValueError, "prepare\\(\\) must be called first"):
            TopologicalSorter().get_ready()

    def test_cycles(self):
        with self.assertRaises(CycleError) as caught:
            TopologicalSorter({1: [2], 2: [3], 3: [1], 4: []}).prepare()
        cycle = caught.exception.args[1]
        self.assertEqual(cycle[0], cycle[-1])
        self.assertEqual(set(cycle), {1, 2, 3})
        self.assertTrue(issubclass(CycleError, ValueError))
        with self.assertRaises(CycleError) as caught:
            TopologicalSorter({"x": ["x"]}).prepare()
        self.assertEqual(caught.exception.args[1], ["x", "x"])

    def test_deep_chain(self):
        chain = TopologicalSorter({i: [i + 1] for i in range(50000)})
        order = list(chain.static_order())
        self.assertEqual(order[0], 50000)
        self.assertEqual(order[-1], 0)


class Getpass(unittest.TestCase):

    def test_getuser(self):
        self.assertIsInstance(getpass.getuser(), str)
        env = {key: value for key, value in os.environ.items()
               if key not in ("LOGNAME", "USER", "LNAME", "USERNAME")}
        out = subprocess.run(
            [sys.executable, "-c", "import getpass; print(getpass.getuser())"],
            env=env, capture_output=True, text=True, check=True).stdout
        import pwd
        self.assertEqual(out.strip(), pwd.getpwuid(os.getuid()).pw_name)

    def test_without_a_terminal(self):
        # No terminal: a visible read, with GetPassWarning on stderr.
        result = subprocess.run(
            [sys.executable, "-c",
             "import getpass; print(repr(getpass.getpass('Pw: ')))"],
            input="secret\n", capture_output=True, text=True,
            start_new_session=True)
        self.assertEqual(result.stdout, "'secret'\n")
        self.assertIn("GetPassWarning", result.stderr)
        self.assertIn("Pw: ", result.stderr)

    def test_echo_char_checks(self):
        with self.assertRaises(TypeError):
            getpass.getpass(echo_char=1)
        with self.assertRaises(ValueError):
            getpass.getpass(echo_char="ab")


if __name__ == "__main__":
    unittest.main()
