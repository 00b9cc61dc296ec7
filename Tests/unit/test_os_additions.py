"""Newer os and sys functions: os.reload_environ (3.14), the timerfd
family (3.13) and sys._is_interned (3.13)."""

import errno
import os
import sys
import time
import unittest


class ReloadEnviron(unittest.TestCase):

    def tearDown(self):
        os.unsetenv("WEFT_RELOAD_TEST")
        os.environ.pop("WEFT_RELOAD_TEST", None)

    def test_picks_up_putenv_and_unsetenv(self):
        os.putenv("WEFT_RELOAD_TEST", "one")
        self.assertNotIn("WEFT_RELOAD_TEST", os.environ)
        os.reload_environ()
        self.assertEqual(os.environ["WEFT_RELOAD_TEST"], "one")
        self.assertEqual(os.environb[b"WEFT_RELOAD_TEST"], b"one")
        os.unsetenv("WEFT_RELOAD_TEST")
        os.reload_environ()
        self.assertNotIn("WEFT_RELOAD_TEST", os.environ)

    def test_is_public(self):
        self.assertIn("reload_environ", os.__all__)


class TimerFd(unittest.TestCase):

    def setUp(self):
        self.fd = os.timerfd_create(time.CLOCK_MONOTONIC,
                                    flags=os.TFD_NONBLOCK | os.TFD_CLOEXEC)
        self.addCleanup(os.close, self.fd)

    def test_flags(self):
        self.assertFalse(os.get_inheritable(self.fd))
        self.assertFalse(os.get_blocking(self.fd))

    def test_disarmed_at_creation(self):
        self.assertEqual(os.timerfd_gettime(self.fd), (0.0, 0.0))
        self.assertEqual(os.timerfd_gettime_ns(self.fd), (0, 0))
        with self.assertRaises(BlockingIOError):
            os.read(self.fd, 8)

    def test_settime_returns_the_old_setting(self):
        self.assertEqual(os.timerfd_settime(self.fd, initial=100.0,
                                            interval=0.25), (0.0, 0.0))
        next_expiration, interval = os.timerfd_settime_ns(self.fd)
        self.assertEqual(interval, 250_000_000)
        self.assertTrue(0 < next_expiration <= 100 * 10**9)
        self.assertEqual(os.timerfd_gettime(self.fd), (0.0, 0.0))

    def test_expiry_count_is_read(self):
        os.timerfd_settime_ns(self.fd, initial=1_000_000)
        time.sleep(0.02)
        self.assertEqual(int.from_bytes(os.read(self.fd, 8), "little"), 1)

    def test_negative_values_reach_the_kernel(self):
        # As CPython: no Python-side check, the kernel answers EINVAL.
        for initial, interval in ((-1.0, 0.0), (1.0, -0.1), (-0.1, -0.1)):
            with self.assertRaises(OSError) as cm:
                os.timerfd_settime(self.fd, initial=initial, interval=interval)
            self.assertEqual(cm.exception.errno, errno.EINVAL)
        with self.assertRaises(OSError) as cm:
            os.timerfd_settime_ns(self.fd, interval=-1)
        self.assertEqual(cm.exception.errno, errno.EINVAL)
        with self.assertRaisesRegex(ValueError, "NaN"):
            os.timerfd_settime(self.fd, initial=float("nan"))

    def test_always_non_inheritable(self):
        fd = os.timerfd_create(time.CLOCK_MONOTONIC)
        self.addCleanup(os.close, fd)
        self.assertFalse(os.get_inheritable(fd))

    def test_arguments_are_keyword_only(self):
        with self.assertRaises(TypeError):
            os.timerfd_settime(self.fd, 0, 1.0)

    def test_bad_descriptor(self):
        r, w = os.pipe()
        os.close(r)
        os.close(w)
        with self.assertRaises(OSError):
            os.timerfd_gettime(r)


class IsInterned(unittest.TestCase):

    def test_values(self):
        self.assertTrue(sys._is_interned("abc"))
        built = "".join(["not", "-", "interned", "-", str(id(self))])
        self.assertFalse(sys._is_interned(built))
        self.assertTrue(sys._is_interned(sys.intern(built)))

    def test_type_error(self):
        with self.assertRaises(TypeError):
            sys._is_interned(b"abc")


if __name__ == "__main__":
    unittest.main()
