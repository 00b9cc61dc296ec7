"""os.fork() and os.forkpty() in a multi-threaded process warn in the parent
(DeprecationWarning, CPython 3.12+), and the warning can be made an error."""

import os
import threading
import unittest
import warnings


class ForkWithThreadsTest(unittest.TestCase):
    def setUp(self):
        self.release = threading.Event()
        self.thread = threading.Thread(target=self.release.wait)
        self.thread.start()
        self.addCleanup(self.thread.join)
        self.addCleanup(self.release.set)

    def reap(self, pid):
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)

    def test_fork_warns_in_parent(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pid = os.fork()
            if pid == 0:
                os._exit(0)
        self.reap(pid)
        messages = [str(w.message) for w in caught
                    if w.category is DeprecationWarning]
        self.assertEqual(len(messages), 1, messages)
        self.assertRegex(messages[0],
                         r"^This process \(pid=\d+\) is multi-threaded, use "
                         r"of fork\(\) may lead to deadlocks in the child\.$")
        self.assertIn(f"pid={os.getpid()})", messages[0])

    def test_forkpty_warns_in_parent(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pid, master = os.forkpty()
            if pid == 0:
                os._exit(0)
        # Closing the terminal first may hang the child up: only reap it.
        os.close(master)
        os.waitpid(pid, 0)
        self.assertTrue(any("use of forkpty()" in str(w.message)
                            for w in caught))

    def test_warning_as_error_raises_in_parent(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            with self.assertRaises(DeprecationWarning):
                # The child exits at once; only the parent sees the error.
                if os.fork() == 0:
                    os._exit(0)
        os.waitpid(-1, 0)


if __name__ == "__main__":
    unittest.main()
