"""ctypes: ctypes_tour.py, a program using ctypes the way scripts do, must
print exactly ctypes_tour.out (made with CPython and checked by hand).
It is a unit test rather than a golden program so that it can be skipped
when _ctypes is not built."""

import os
import subprocess
import sys
import unittest

try:
    import _ctypes  # noqa: F401
except ImportError as exc:
    raise unittest.SkipTest("ctypes is not available: %s" % exc)

HERE = os.path.dirname(os.path.abspath(__file__))


class Tour(unittest.TestCase):

    def test_tour_output(self):
        with open(os.path.join(HERE, "ctypes_tour.out"), encoding="utf-8") as f:
            expected = f.read()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONIOENCODING"] = "utf-8"
        proc = subprocess.run([sys.executable, "-B", os.path.join(HERE, "ctypes_tour.py")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        self.assertEqual(proc.stdout.decode("utf-8"), expected)


if __name__ == "__main__":
    unittest.main()
