"""socket, time and subprocess fixes found with CPython's own tests:
Linux abstract-namespace AF_UNIX names, socket(fileno=) of a non-socket,
the CMSG_LEN/CMSG_SPACE bounds, struct tm range checks, and the
subprocess hooks tests swap (_PopenSelector, _fork_exec)."""

import errno
import os
import re
import selectors
import socket
import subprocess
import sys
import tempfile
import time
import unittest


@unittest.skipUnless(sys.platform.startswith("linux"), "Linux abstract namespace")
class AbstractNamespaceTest(unittest.TestCase):

    def unix_socket(self):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.addCleanup(s.close)
        return s

    def test_str_name_keeps_nul_bytes(self):
        s = self.unix_socket()
        name = "\x00weft-oslib-%d\x00x" % os.getpid()
        s.bind(name)
        self.assertEqual(s.getsockname(), name.encode())

    def test_longest_name(self):
        s = self.unix_socket()
        name = b"\x00" + (b"w%d" % os.getpid()).ljust(107, b"h")
        s.bind(name)
        self.assertEqual(s.getsockname(), name)
        too_long = self.unix_socket()
        with self.assertRaisesRegex(OSError, "AF_UNIX path too long"):
            too_long.bind(name + b"h")

    def test_autobind(self):
        s = self.unix_socket()
        s.bind("")
        self.assertRegex(s.getsockname(), re.compile(b"^\x00[0-9a-f]{5}$"))

    def test_connect_by_abstract_name(self):
        server = self.unix_socket()
        server.bind("")
        server.listen()
        client = self.unix_socket()
        client.connect(server.getsockname())
        conn, _ = server.accept()
        self.addCleanup(conn.close)
        client.sendall(b"ping")
        self.assertEqual(conn.recv(4), b"ping")


class SocketMiscTest(unittest.TestCase):

    def test_fileno_must_be_a_socket(self):
        with tempfile.TemporaryFile() as f:
            for kwargs in ({}, {"family": socket.AF_INET, "type": socket.SOCK_STREAM}):
                with self.subTest(**kwargs):
                    with self.assertRaises(OSError) as cm:
                        socket.socket(fileno=f.fileno(), **kwargs)
                    self.assertEqual(cm.exception.errno, errno.ENOTSOCK)
            os.fstat(f.fileno())   # still open

    def test_fileno_family_from_the_socket(self):
        a, b = socket.socketpair()
        self.addCleanup(b.close)
        c = socket.socket(fileno=a.detach())
        self.addCleanup(c.close)
        self.assertEqual(c.family, socket.AF_UNIX)
        self.assertEqual(c.type, socket.SOCK_STREAM)

    def test_cmsg_bounds(self):
        limit = 2**31 - 1
        largest = limit - socket.CMSG_SPACE(1)
        self.assertLessEqual(socket.CMSG_SPACE(largest), limit)
        with self.assertRaises(OverflowError):
            socket.CMSG_SPACE(largest + 1)
        largest = limit - socket.CMSG_LEN(0)
        self.assertEqual(socket.CMSG_LEN(largest), limit)
        with self.assertRaises(OverflowError):
            socket.CMSG_LEN(largest + 1)
        for fn in (socket.CMSG_LEN, socket.CMSG_SPACE):
            with self.assertRaises(OverflowError):
                fn(-1)
            with self.assertRaises(OverflowError):
                fn(sys.maxsize)


class TimeTupleTest(unittest.TestCase):

    def test_day_of_week_bounds(self):
        base = (1900, 1, 1, 0, 0, 0, 0, 1, -1)
        sunday = time.asctime(base[:6] + (6,) + base[7:])
        self.assertEqual(time.asctime(base[:6] + (-1,) + base[7:]), sunday)
        for fn in (time.asctime, lambda t: time.strftime("", t)):
            with self.assertRaisesRegex(ValueError, "day of week out of range"):
                fn(base[:6] + (-2,) + base[7:])

    def test_struct_tm_items(self):
        self.assertEqual(time._STRUCT_TM_ITEMS, 11)
        self.assertEqual(time.struct_time.n_fields, time._STRUCT_TM_ITEMS)


class SubprocessHooksTest(unittest.TestCase):

    def test_select_selector_can_be_swapped_in(self):
        saved = subprocess._PopenSelector
        subprocess._PopenSelector = selectors.SelectSelector
        try:
            out = subprocess.run([sys.executable, "-c",
                                  "import sys; sys.stdout.write(sys.stdin.read().upper())"],
                                 input=b"abc", capture_output=True).stdout
        finally:
            subprocess._PopenSelector = saved
        self.assertEqual(out, b"ABC")

    def test_fork_exec_hook(self):
        calls = []

        def refusing_fork_exec(*args):
            calls.append(len(args))
            raise RuntimeError("refused")

        saved = subprocess._fork_exec
        subprocess._fork_exec = refusing_fork_exec
        try:
            with self.assertRaisesRegex(RuntimeError, "refused"):
                subprocess.Popen([sys.executable, "-c", "pass"])
        finally:
            subprocess._fork_exec = saved
        self.assertEqual(len(calls), 1)


class SendfileParamsTest(unittest.TestCase):

    def test_sendfile_paths_check_their_arguments(self):
        with tempfile.TemporaryFile() as f:
            f.write(b"data")
            f.seek(0)
            with socket.socket(type=socket.SOCK_DGRAM) as s:
                for meth in (s.sendfile, s._sendfile_use_sendfile, s._sendfile_use_send):
                    with self.assertRaisesRegex(ValueError, "SOCK_STREAM"):
                        meth(f)
            with socket.socket() as s:
                for meth in (s.sendfile, s._sendfile_use_sendfile, s._sendfile_use_send):
                    with self.assertRaisesRegex(TypeError, "positive integer"):
                        meth(f, count="2")
                    with self.assertRaisesRegex(ValueError, "positive integer"):
                        meth(f, count=0)


class SubprocessArgumentsTest(unittest.TestCase):

    def test_extra_groups_out_of_range(self):
        with self.assertRaisesRegex(ValueError, "cannot be negative"):
            subprocess.check_call(["true"], extra_groups=[-1])
        with self.assertRaisesRegex(ValueError, "invalid group id"):
            subprocess.check_call(["true"], extra_groups=[2**64])

    def test_encoding_warning_blames_the_caller(self):
        code = ("from subprocess import *\n"
                "run('true', shell=True, text=True)\n"
                "check_output('true', shell=True, text=True)\n")
        err = subprocess.run([sys.executable, "-X", "warn_default_encoding", "-c", code],
                             capture_output=True).stderr.splitlines()
        self.assertEqual(len(err), 2, err)
        self.assertTrue(err[0].startswith(b"<string>:2: EncodingWarning: "), err)
        self.assertTrue(err[1].startswith(b"<string>:3: EncodingWarning: "), err)


if __name__ == "__main__":
    unittest.main()
