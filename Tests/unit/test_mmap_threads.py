"""mmap in 3.13+ (seekable, seek's result) and shared by threads."""

import mmap
import threading
import unittest


class MmapThreads(unittest.TestCase):

    def test_seek_returns_position(self):
        with mmap.mmap(-1, 8) as m:
            self.assertTrue(m.seekable())
            self.assertEqual(m.seek(3), 3)
            self.assertEqual(m.seek(-1, 2), 7)

    def test_threads_write_disjoint_regions(self):
        size = 4096
        with mmap.mmap(-1, size * 4) as m:
            def fill(i):
                for _ in range(50):
                    m[i * size:(i + 1) * size] = bytes([i + 1]) * size

            threads = [threading.Thread(target=fill, args=(i,)) for i in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            for i in range(4):
                self.assertEqual(m[i * size:(i + 1) * size], bytes([i + 1]) * size)

    def test_threads_share_the_position(self):
        with mmap.mmap(-1, 4000) as m:
            def write():
                for _ in range(250):
                    m.write(b"ab")

            threads = [threading.Thread(target=write) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            # Each write is atomic: the position advanced by exactly 2000
            # pairs and every pair is intact.
            self.assertEqual(m.tell(), 2000)
            self.assertEqual(m[:2000], b"ab" * 1000)


if __name__ == "__main__":
    unittest.main()
