"""pwd, grp, resource and fcntl: lookups, errors as CPython words them,
limits, and advisory locks seen from a second process."""

import fcntl
import grp
import os
import pwd
import resource
import tempfile
import unittest


class Pwd(unittest.TestCase):

    def test_lookups_agree(self):
        me = pwd.getpwuid(os.getuid())
        self.assertIsInstance(me, pwd.struct_passwd)
        self.assertEqual(len(me), 7)
        self.assertEqual(me.pw_uid, os.getuid())
        self.assertEqual(pwd.getpwnam(me.pw_name), me)
        self.assertIn(me, pwd.getpwall())
        self.assertEqual(me[0], me.pw_name)

    def test_errors(self):
        with self.assertRaises(KeyError) as caught:
            pwd.getpwnam("no-such-user-weft")
        self.assertEqual(caught.exception.args[0],
                         "getpwnam(): name not found: 'no-such-user-weft'")
        with self.assertRaises(KeyError) as caught:
            pwd.getpwuid(2**31 - 7)
        self.assertEqual(caught.exception.args[0],
                         "getpwuid(): uid not found: 2147483641")
        with self.assertRaises(KeyError):
            pwd.getpwuid(-5)
        with self.assertRaisesRegex(TypeError, "uid should be integer, not str"):
            pwd.getpwuid("0")
        with self.assertRaises(ValueError):
            pwd.getpwnam("a\0b")


class Grp(unittest.TestCase):

    def test_lookups_agree(self):
        group = grp.getgrgid(os.getgid())
        self.assertEqual(len(group), 4)
        self.assertIsInstance(group.gr_mem, list)
        self.assertEqual(grp.getgrnam(group.gr_name).gr_gid, group.gr_gid)
        self.assertEqual(grp.getgrgid(id=group.gr_gid), group)
        self.assertIn(group, grp.getgrall())

    def test_errors(self):
        with self.assertRaises(KeyError) as caught:
            grp.getgrnam("no-such-group-weft")
        self.assertEqual(caught.exception.args[0],
                         "getgrnam(): name not found: 'no-such-group-weft'")
        with self.assertRaisesRegex(TypeError, "gid should be integer, not float"):
            grp.getgrgid(1.5)


class Resource(unittest.TestCase):

    def test_usage(self):
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.assertEqual(len(usage), 16)
        self.assertIsInstance(usage.ru_utime, float)
        self.assertGreater(usage.ru_maxrss, 0)
        with self.assertRaisesRegex(ValueError, "invalid who parameter"):
            resource.getrusage(5)

    def test_limits(self):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        self.assertEqual(resource.prlimit(0, resource.RLIMIT_NOFILE),
                         (soft, hard))
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
        with self.assertRaisesRegex(ValueError, "invalid resource specified"):
            resource.getrlimit(999)
        with self.assertRaisesRegex(ValueError, "expected a tuple of 2 integers"):
            resource.setrlimit(resource.RLIMIT_NOFILE, (1,))
        if hard != resource.RLIM_INFINITY:
            with self.assertRaisesRegex(ValueError,
                                        "current limit exceeds maximum limit"):
                resource.setrlimit(resource.RLIMIT_NOFILE, (hard + 1, hard))
        self.assertEqual(resource.RLIM_INFINITY, -1)
        self.assertIs(resource.error, OSError)
        self.assertEqual(resource.getpagesize() % 4096, 0)


class Fcntl(unittest.TestCase):

    def setUp(self):
        self.read_end, self.write_end = os.pipe()
        self.addCleanup(os.close, self.read_end)
        self.addCleanup(os.close, self.write_end)

    def test_flags(self):
        flags = fcntl.fcntl(self.read_end, fcntl.F_GETFL)
        fcntl.fcntl(self.read_end, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        self.assertFalse(os.get_blocking(self.read_end))
        self.assertEqual(fcntl.fcntl(self.read_end, fcntl.F_GETFD) & fcntl.FD_CLOEXEC,
                         fcntl.FD_CLOEXEC)

    def test_buffer_argument(self):
        result = fcntl.fcntl(self.read_end, fcntl.F_GETFD, b"\0" * 8)
        self.assertEqual(result, b"\0" * 8)
        with self.assertRaisesRegex(ValueError, "fcntl string arg too long"):
            fcntl.fcntl(self.read_end, fcntl.F_GETFD, b"\0" * 2000)
        with self.assertRaises(TypeError):
            fcntl.fcntl(self.read_end, fcntl.F_SETFD, 1.5)

    def test_descriptor_conversion(self):
        with tempfile.TemporaryFile() as f:
            fcntl.fcntl(f, fcntl.F_GETFD)
        with self.assertRaisesRegex(ValueError, "cannot be a negative integer"):
            fcntl.fcntl(-1, fcntl.F_GETFD)
        with self.assertRaisesRegex(TypeError, "fileno"):
            fcntl.fcntl(object(), fcntl.F_GETFD)
        with self.assertRaises(OSError):
            fcntl.fcntl(self._closed_fd(), fcntl.F_GETFD)

    def _closed_fd(self):
        r, w = os.pipe()
        os.close(r)
        os.close(w)
        return r

    def test_ioctl_fionread(self):
        FIONREAD = 0x541B
        os.write(self.write_end, b"hello")
        buffer = bytearray(4)
        self.assertEqual(fcntl.ioctl(self.read_end, FIONREAD, buffer), 0)
        self.assertEqual(int.from_bytes(buffer, "little"), 5)
        self.assertEqual(int.from_bytes(
            fcntl.ioctl(self.read_end, FIONREAD, b"\0" * 4), "little"), 5)

    def test_locks_seen_by_another_process(self):
        with tempfile.TemporaryFile() as f:
            fcntl.lockf(f, fcntl.LOCK_EX, 10)
            fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
            pid = os.fork()
            if pid == 0:
                # Another process: the record lock is held by the parent.
                status = 0
                try:
                    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 10)
                except OSError:
                    status = 7
                os._exit(status)
            _, status = os.waitpid(pid, 0)
            self.assertEqual(os.waitstatus_to_exitcode(status), 7)
            fcntl.lockf(f, fcntl.LOCK_UN)
            fcntl.flock(f, fcntl.LOCK_UN)
        with self.assertRaisesRegex(ValueError, "unrecognized lockf argument"):
            fcntl.lockf(self.read_end, 0)


if __name__ == "__main__":
    unittest.main()
