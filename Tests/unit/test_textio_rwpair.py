"""TextIOWrapper over a BufferedRWPair (bpo-35928): a write between two
reads keeps the text already decoded, since the pair's reader and writer
are separate streams; C io and _pyio alike."""

import _pyio
import io
import unittest


class ReadWriteRead(unittest.TestCase):

    def check(self, module):
        pair = module.BufferedRWPair(module.BytesIO(b"foo\nbar\n"),
                                     module.BytesIO())
        f = module.TextIOWrapper(pair, encoding="utf-8")
        first = f.readline()
        self.assertEqual(first, "foo\n")
        f.write(first)
        self.assertEqual(f.readline(), "bar\n")

    def test_c_io(self):
        self.check(io)

    def test_pyio(self):
        self.check(_pyio)

    def test_seekable_stream_drops_read_ahead(self):
        f = io.TextIOWrapper(io.BytesIO(b"foo\nbar\n"), encoding="utf-8")
        self.assertEqual(f.readline(), "foo\n")
        f.write("XX")
        self.assertEqual(f.read(), "")


if __name__ == "__main__":
    unittest.main()
