"""os argument checks as CPython 3.13: bool file descriptors warn,
__fspath__ = None opts out of the path protocol, dev_t arguments are range
checked with -1 as NODEV, and fork() is refused during finalization."""

import os
import subprocess
import sys
import tempfile
import unittest
import warnings


class BoolFileDescriptor(unittest.TestCase):

    def assert_bool_warns(self, func):
        for fd in (False, True):
            with warnings.catch_warnings():
                warnings.simplefilter("error", RuntimeWarning)
                with self.assertRaisesRegex(RuntimeWarning,
                                            "bool is used as a file descriptor"):
                    func(fd)

    def test_fildes_functions(self):
        for name in ("fsync", "fdatasync", "fchdir"):
            with self.subTest(name=name):
                self.assert_bool_warns(getattr(os, name))

    def test_dir_fd(self):
        for fd in (False, True):
            with self.assertWarnsRegex(RuntimeWarning,
                                       "bool is used as a file descriptor"):
                with self.assertRaises(OSError):
                    os.stat("weft-nonexisting", dir_fd=fd)

    def test_fileno_object_still_accepted(self):
        with tempfile.TemporaryFile() as f:
            os.fsync(f)
            self.assertIsNone(os.fdatasync(f.fileno()))


class FspathNone(unittest.TestCase):

    class Foo:
        __fspath__ = None

    class Bar:
        def __fspath__(self):
            return "bar"

    class Baz(Bar):
        __fspath__ = None

    def check(self, fspath):
        msg = "expected str, bytes or os.PathLike object, not {}"
        with self.assertRaisesRegex(TypeError, msg.format("Foo")):
            fspath(self.Foo())
        self.assertEqual(fspath(self.Bar()), "bar")
        with self.assertRaisesRegex(TypeError, msg.format("Baz")):
            fspath(self.Baz())

    def test_c_fspath(self):
        self.check(os.fspath)

    def test_pure_python_fspath(self):
        self.check(os._fspath)

    def test_open_and_path_arguments(self):
        with self.assertRaisesRegex(TypeError, "not Foo"):
            open(self.Foo())
        with self.assertRaisesRegex(TypeError, "not Foo"):
            os.stat(self.Foo())


class DeviceNumbers(unittest.TestCase):

    def test_round_trip(self):
        dev = os.makedev(8, 17)
        self.assertEqual((os.major(dev), os.minor(dev)), (8, 17))

    def test_nodev(self):
        self.assertEqual(os.major(-1), -1)
        self.assertEqual(os.minor(-1), -1)
        self.assertEqual(os.makedev(-1, -1), -1)

    def test_out_of_range(self):
        for x in (-2, 2**64, -2**63 - 1):
            with self.subTest(x=x):
                self.assertRaises(OverflowError, os.major, x)
                self.assertRaises(OverflowError, os.minor, x)
        for x in (-2, 2**32, 2**64):
            with self.subTest(x=x):
                self.assertRaises(OverflowError, os.makedev, x, 0)
                self.assertRaises(OverflowError, os.makedev, 0, x)

    def test_type_errors(self):
        self.assertRaises(TypeError, os.major, 1.0)
        self.assertRaises(TypeError, os.makedev, 1.0, 0)


class ForkAtFinalization(unittest.TestCase):

    def test_refused(self):
        code = ("import os\n"
                "class AtFinalization:\n"
                "    def __del__(self):\n"
                "        print('OK')\n"
                "        pid = os.fork()\n"
                "        if pid != 0:\n"
                "            print('should not be printed')\n"
                "at_finalization = AtFinalization()\n")
        proc = subprocess.run([sys.executable, "-c", code],
                              capture_output=True, timeout=60)
        self.assertEqual(proc.stdout, b"OK\n")
        self.assertIn(b"can't fork at interpreter shutdown", proc.stderr)
        self.assertIn(b"PythonFinalizationError", proc.stderr)

    def test_preexec_fn_refused(self):
        # subprocess with preexec_fn would run Python in the child of an
        # interpreter being torn down; without preexec_fn it still works.
        code = ("import subprocess, sys\n"
                "class AtFinalization:\n"
                "    def __del__(self):\n"
                "        print('OK', flush=True)\n"
                "        subprocess.run([sys.executable, '-c', 'pass'])\n"
                "        print('plain', flush=True)\n"
                "        subprocess.Popen([sys.executable, '-c', 'pass'],\n"
                "                         preexec_fn=lambda: None)\n"
                "        print('should not be printed')\n"
                "at_finalization = AtFinalization()\n")
        proc = subprocess.run([sys.executable, "-c", code],
                              capture_output=True, timeout=60)
        self.assertEqual(proc.stdout, b"OK\nplain\n")
        self.assertIn(b"preexec_fn not supported at interpreter shutdown",
                      proc.stderr)


if __name__ == "__main__":
    unittest.main()
