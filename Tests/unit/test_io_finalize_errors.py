"""A close() error while a file object is finalized goes to
sys.unraisablehook (CPython 3.13+; before, only in development mode), for
the C io and for _pyio."""

import _pyio
import gc
import io
import sys
import unittest


def failing_raw(base):
    class CloseFailure(base):
        closed_once = False

        def readable(self):
            return True

        def close(self):
            if not self.closed_once:
                self.closed_once = True
                raise OSError("close failed")
    return CloseFailure()


class FinalizeErrors(unittest.TestCase):

    def check(self, module):
        seen = []
        old = sys.unraisablehook
        sys.unraisablehook = lambda u: seen.append(u.exc_type)
        try:
            module.BufferedReader(failing_raw(module.RawIOBase))
            gc.collect()
        finally:
            sys.unraisablehook = old
        self.assertIn(OSError, seen)

    def test_c_io(self):
        self.check(io)

    def test_pyio(self):
        self.check(_pyio)


if __name__ == "__main__":
    unittest.main()
