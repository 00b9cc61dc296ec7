"""mmap argument checks as CPython 3.13 (its test_mmap): trackfd=False
maps cannot report their size or resize, madvise() bounds, and a bad
index is reported before a bad value."""

import errno
import mmap
import os
import sys
import tempfile
import unittest

PAGESIZE = mmap.PAGESIZE


class Trackfd(unittest.TestCase):

    def test_anonymous(self):
        with mmap.mmap(-1, 64, trackfd=False) as m:
            with self.assertRaises(OSError) as cm:
                m.size()
            self.assertEqual(cm.exception.errno, errno.EBADF)
            with self.assertRaisesRegex(ValueError, "trackfd=False"):
                m.resize(32)
            m[0] = ord("a")
            self.assertEqual(m[0], ord("a"))

    def test_file(self):
        with tempfile.TemporaryFile() as f:
            f.write(b"a" * 64)
            f.flush()
            with mmap.mmap(f.fileno(), 64, trackfd=False) as m:
                with self.assertRaises(OSError) as cm:
                    m.size()
                self.assertEqual(cm.exception.errno, errno.EBADF)
                with self.assertRaisesRegex(ValueError, "trackfd=False"):
                    m.resize(128)
            self.assertEqual(os.fstat(f.fileno()).st_size, 64)


class Madvise(unittest.TestCase):

    def test_bounds(self):
        size = 2 * PAGESIZE
        with mmap.mmap(-1, size) as m:
            with self.assertRaisesRegex(ValueError, "start out of bounds"):
                m.madvise(mmap.MADV_NORMAL, size)
            with self.assertRaisesRegex(ValueError, "length invalid"):
                m.madvise(mmap.MADV_NORMAL, 0, -1)
            with self.assertRaisesRegex(OverflowError, "length too large"):
                m.madvise(mmap.MADV_NORMAL, PAGESIZE, sys.maxsize)
            self.assertIsNone(m.madvise(mmap.MADV_NORMAL, PAGESIZE))
            self.assertIsNone(m.madvise(mmap.MADV_NORMAL, 0, size * 4))


class ItemAssignment(unittest.TestCase):

    def test_index_checked_before_value(self):
        with mmap.mmap(-1, 8) as m:
            with self.assertRaises(IndexError):
                m[8] = b"x"
            with self.assertRaises(TypeError):
                m[0] = b"x"
            with self.assertRaises(ValueError):
                m[0] = 256
            m[-1] = 7
            self.assertEqual(m[7], 7)


if __name__ == "__main__":
    unittest.main()
