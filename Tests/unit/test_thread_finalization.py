"""No new thread once finalization has begun: _thread.start_new_thread
and threading.Thread.start raise PythonFinalizationError, as CPython."""

import subprocess
import sys
import unittest

CHILD = """
import _thread, threading
def f():
    print("should not be printed")
class AtFinalization:
    def __del__(self):
        print("OK")
        for start in (lambda: _thread.start_new_thread(f, ()),
                      lambda: threading.Thread(target=f).start()):
            try:
                start()
            except PythonFinalizationError as e:
                print(e)
at_finalization = AtFinalization()
"""


class StartAtFinalization(unittest.TestCase):

    def test_refused(self):
        proc = subprocess.run([sys.executable, "-c", CHILD],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout,
                         "OK\n" + "can't create new thread at interpreter "
                         "shutdown\n" * 2)


if __name__ == "__main__":
    unittest.main()
