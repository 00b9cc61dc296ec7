"""shutil.rmtree walks without recursion (any depth, as CPython 3.13) and
reports a failed close() of a directory to onexc, closing each
descriptor once."""

import os
import shutil
import sys
import tempfile
import unittest
from unittest import mock


class RmtreeWalk(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def test_deeper_than_recursion_limit(self):
        top = os.path.join(self.tmp, "top")
        os.makedirs(os.path.join(top, *["d"] * 60))
        with open(os.path.join(top, "d", "f"), "w") as f:
            f.write("x")
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(50)
        try:
            shutil.rmtree(top)
        finally:
            sys.setrecursionlimit(old)
        self.assertFalse(os.path.exists(top))

    def test_close_failure_goes_to_onexc(self):
        dir1 = os.path.join(self.tmp, "dir1")
        dir2 = os.path.join(dir1, "dir2")
        os.makedirs(dir2)
        real_close = os.close
        closed = []

        def failing_close(fd):
            real_close(fd)
            closed.append(fd)
            raise OSError("close failed")

        errors = []
        with mock.patch.object(os, "close", failing_close):
            shutil.rmtree(dir1, onexc=lambda *args: errors.append(args[:2]))
        self.assertEqual(errors, [(failing_close, dir2),
                                  (failing_close, dir1)])
        self.assertEqual(len(closed), 2)
        self.assertFalse(os.path.exists(dir1))

    def test_close_failure_raises_without_handler(self):
        dir1 = os.path.join(self.tmp, "dir1")
        os.makedirs(os.path.join(dir1, "dir2"))
        real_close = os.close
        closed = []

        def failing_close(fd):
            real_close(fd)
            closed.append(fd)
            raise OSError("close failed")

        with mock.patch.object(os, "close", failing_close):
            with self.assertRaises(OSError):
                shutil.rmtree(dir1)
        self.assertEqual(len(closed), 2)
        self.assertEqual(len(set(closed)), 2)


if __name__ == "__main__":
    unittest.main()
