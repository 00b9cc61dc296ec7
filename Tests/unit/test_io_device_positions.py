"""Buffered streams over a raw stream whose position is always 0, as a
character device reports it (GH-95782): tell() and seek() never go
negative, in the C io and in _pyio.  Also a TextIOWrapper whose buffer
writes back to it while being flushed (gh-119506)."""

import _pyio
import io
import unittest


def device(base, data):
    """A raw stream over data whose seek() and tell() always say 0."""
    class Device(base):
        def seek(self, *args):
            return 0

        def tell(self):
            return 0

        def seekable(self):
            return True
    return Device(data)


class CharacterDeviceTest(unittest.TestCase):

    def check(self, module, buffered):
        buf = buffered(device(module.BytesIO, b"12"))
        self.assertEqual(buf.tell(), 0)
        self.assertEqual(buf.read(1), b"1")
        # Raw position 0, one byte unread: 0, not -1 nor 2 - 1.
        self.assertEqual(buf.tell(), 0)
        self.assertEqual(buf.seek(0, io.SEEK_CUR), 0)

    def test_c_reader(self):
        self.check(io, io.BufferedReader)

    def test_c_random(self):
        self.check(io, io.BufferedRandom)

    def test_py_reader(self):
        self.check(_pyio, _pyio.BufferedReader)

    def test_py_random(self):
        self.check(_pyio, _pyio.BufferedRandom)

    def test_tell_asks_the_raw_stream(self):
        # A position moved under the buffer is seen by the next tell().
        raw = io.BytesIO(b"abcdef")
        buf = io.BufferedReader(raw)
        self.assertEqual(buf.read(2), b"ab")
        self.assertEqual(buf.tell(), 2)


class ReentrantTextWriteTest(unittest.TestCase):

    def check(self, module):
        chunks = []

        class Raw(module.RawIOBase):
            written = False

            def writable(self):
                return True

            def write(self, data):
                if not self.written:
                    self.written = True
                    text.write("middle")
                chunks.append(bytes(data))
                return len(data)

        text = module.TextIOWrapper(module.BufferedWriter(Raw(), 1), "ascii")
        text._CHUNK_SIZE = 64
        text.write("abc")
        text.write("def")
        text.write("g" * 64)
        text.flush()
        self.assertEqual(chunks, [b"abcdef", b"middle", b"g" * 64])

    def test_c(self):
        self.check(io)


if __name__ == "__main__":
    unittest.main()
