"""signal.pidfd_send_signal: signalling a child through a pid file
descriptor, and its argument checks."""

import os
import signal
import unittest


class PidfdSendSignal(unittest.TestCase):

    def test_terminates_a_child(self):
        pid = os.fork()
        if pid == 0:
            signal.pause()
            os._exit(0)
        fd = os.pidfd_open(pid)
        try:
            signal.pidfd_send_signal(fd, signal.SIGTERM)
            _, status = os.waitpid(pid, 0)
        finally:
            os.close(fd)
        self.assertTrue(os.WIFSIGNALED(status))
        self.assertEqual(os.WTERMSIG(status), signal.SIGTERM)

    def test_siginfo_must_be_none(self):
        with self.assertRaisesRegex(TypeError, "siginfo must be None"):
            signal.pidfd_send_signal(0, 0, 1)

    def test_bad_descriptor(self):
        r, w = os.pipe()
        os.close(r)
        os.close(w)
        with self.assertRaises(OSError) as caught:
            signal.pidfd_send_signal(r, 0)
        self.assertEqual(caught.exception.errno, 9)


if __name__ == "__main__":
    unittest.main()
