"""os functions carry CPython's __text_signature__ (inspect.signature and
getfullargspec work), and each signature matches the argument parsing."""

import inspect
import os
import tempfile
import unittest


class Signatures(unittest.TestCase):

    def test_stat(self):
        spec = inspect.getfullargspec(os.stat)
        self.assertEqual(spec.args, ["path"])
        self.assertEqual(spec.kwonlyargs, ["dir_fd", "follow_symlinks"])
        self.assertEqual(spec.kwonlydefaults,
                         {"dir_fd": None, "follow_symlinks": True})

    def test_signatures(self):
        expected = {
            "stat": "(path, *, dir_fd=None, follow_symlinks=True)",
            "lstat": "(path, *, dir_fd=None)",
            "fstat": "(fd)",
            "statvfs": "(path)",
            "open": "(path, flags, mode=511, *, dir_fd=None)",
            "close": "(fd)",
            "closerange": "(fd_low, fd_high, /)",
            "read": "(fd, length, /)",
            "write": "(fd, data, /)",
        }
        for name, sig in expected.items():
            with self.subTest(name=name):
                self.assertEqual(str(inspect.signature(getattr(os, name))),
                                 sig)

    def test_keywords_as_signed(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "f")
            fd = os.open(path=path, flags=os.O_CREAT | os.O_RDWR, mode=0o600)
            self.assertEqual(os.fstat(fd=fd).st_size, 0)
            self.assertEqual(os.stat(path=path).st_mode & 0o777, 0o600)
            os.lstat(path=path)
            os.statvfs(path=tmp)
            with self.assertRaises(TypeError):
                os.read(fd=fd, length=1)
            with self.assertRaises(TypeError):
                os.write(fd=fd, data=b"x")
            os.close(fd=fd)


if __name__ == "__main__":
    unittest.main()
