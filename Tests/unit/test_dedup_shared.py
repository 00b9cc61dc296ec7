"""Behaviour of code that several modules now share: the stream
(de)compressor heads of _bz2, _lzma and _zstd, the database methods of
_dbm and _gdbm, and the state checks of BytesIO and StringIO."""

import io
import os
import pickle
import shutil
import tempfile
import unittest

import bz2
import lzma

try:
    from compression import zstd
except ImportError:
    zstd = None


PAYLOAD = b"".join(b"line %d of the payload\n" % i for i in range(3000))


class DecompressorHeadTests(unittest.TestCase):
    """The same input-keeping rules hold for every library."""

    def kinds(self):
        kinds = [("bz2", bz2.compress, bz2.BZ2Decompressor,
                  "End of stream already reached"),
                 ("lzma", lzma.compress, lzma.LZMADecompressor,
                  "Already at end of stream")]
        if zstd is not None:
            kinds.append(("zstd", zstd.compress, zstd.ZstdDecompressor,
                          "Already at the end of a Zstandard frame."))
        return kinds

    def test_small_steps_with_max_length(self):
        for name, compress, make, _ in self.kinds():
            with self.subTest(name):
                data = compress(PAYLOAD)
                d = make()
                self.assertTrue(d.needs_input)
                out = []
                # Feed 100 bytes at a time, take at most 1000 per call.
                pos = 0
                while not d.eof:
                    chunk = b""
                    if d.needs_input:
                        chunk = data[pos:pos + 100]
                        pos += 100
                    out.append(d.decompress(chunk, 1000))
                    self.assertLessEqual(len(out[-1]), 1000)
                self.assertEqual(b"".join(out), PAYLOAD)
                self.assertFalse(d.needs_input)
                self.assertEqual(d.unused_data, b"")

    def test_unused_data_and_eof_error(self):
        for name, compress, make, message in self.kinds():
            with self.subTest(name):
                d = make()
                self.assertEqual(d.decompress(compress(b"abc") + b"tail"),
                                 b"abc")
                self.assertTrue(d.eof)
                self.assertEqual(d.unused_data, b"tail")
                with self.assertRaises(EOFError) as cm:
                    d.decompress(b"x")
                self.assertEqual(str(cm.exception), message)

    def test_kept_input_is_joined_with_new_data(self):
        for name, compress, make, _ in self.kinds():
            with self.subTest(name):
                data = compress(PAYLOAD)
                d = make()
                first = d.decompress(data[:-1], 10)
                self.assertLessEqual(len(first), 10)
                rest = d.decompress(data[-1:])
                while not d.eof:
                    rest += d.decompress(b"")
                self.assertEqual(first + rest, PAYLOAD)

    def test_zero_max_length(self):
        for name, compress, make, _ in self.kinds():
            with self.subTest(name):
                d = make()
                self.assertEqual(d.decompress(compress(b"xyz"), 0), b"")
                self.assertFalse(d.eof)
                self.assertEqual(d.decompress(b""), b"xyz")
                self.assertTrue(d.eof)

    def test_bad_arguments(self):
        for name, _, make, _ in self.kinds():
            with self.subTest(name):
                d = make()
                self.assertRaises(TypeError, d.decompress, "text")
                self.assertRaises(TypeError, d.decompress)
                with self.assertRaises(TypeError) as cm:
                    pickle.dumps(d)
                self.assertIn("cannot pickle", str(cm.exception))


class CompressorHeadTests(unittest.TestCase):

    def test_flush_rules(self):
        for c in (bz2.BZ2Compressor(), lzma.LZMACompressor()):
            with self.subTest(type(c).__name__):
                data = c.compress(PAYLOAD) + c.flush()
                with self.assertRaises(ValueError) as cm:
                    c.flush()
                self.assertEqual(str(cm.exception), "Repeated call to flush()")
                with self.assertRaises(ValueError) as cm:
                    c.compress(b"more")
                self.assertEqual(str(cm.exception),
                                 "Compressor has been flushed")
                self.assertRaises(TypeError, pickle.dumps, c)
                back = (bz2.decompress(data) if isinstance(c, bz2.BZ2Compressor)
                        else lzma.decompress(data))
                self.assertEqual(back, PAYLOAD)

    def test_compress_needs_buffer(self):
        for c in (bz2.BZ2Compressor(), lzma.LZMACompressor()):
            self.assertRaises(TypeError, c.compress, "text")

    @unittest.skipIf(zstd is None, "no zstd")
    def test_zstd_options(self):
        c = zstd.ZstdCompressor(options={zstd.CompressionParameter.checksum_flag: 1})
        frame = c.compress(b"abc", zstd.ZstdCompressor.FLUSH_FRAME)
        self.assertEqual(zstd.decompress(frame), b"abc")
        with self.assertRaises(TypeError) as cm:
            zstd.ZstdCompressor(options={zstd.DecompressionParameter.window_log_max: 10})
        self.assertEqual(str(cm.exception),
                         "compression options dictionary key must not be a "
                         "DecompressionParameter attribute")
        with self.assertRaises(TypeError) as cm:
            zstd.ZstdDecompressor(options={zstd.CompressionParameter.window_log: 10})
        self.assertEqual(str(cm.exception),
                         "decompression options dictionary key must not be a "
                         "CompressionParameter attribute")
        with self.assertRaises(ValueError) as cm:
            zstd.ZstdDecompressor(options={12345: 1})
        self.assertEqual(str(cm.exception),
                         "invalid decompression parameter: 12345")
        with self.assertRaises(zstd.ZstdError) as cm:
            zstd.ZstdDecompressor(options={zstd.DecompressionParameter.window_log_max: 1})
        self.assertIn('decompression parameter "window_log_max"',
                      str(cm.exception))
        lo, hi = zstd.DecompressionParameter.window_log_max.bounds()
        self.assertLess(lo, hi)


class DbmTests(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def modules(self):
        mods = []
        for name in ("dbm.gnu", "dbm.ndbm"):
            try:
                mods.append(__import__(name, fromlist=["open"]))
            except ImportError:
                pass
        return mods

    def test_shared_methods(self):
        mods = self.modules()
        self.assertTrue(mods)
        for mod in mods:
            with self.subTest(mod.__name__):
                path = os.path.join(self.dir, mod.__name__)
                with mod.open(path, "c") as db:
                    db[b"a"] = b"1"
                    db["b"] = "2"
                    self.assertEqual(db.get(b"a"), b"1")
                    self.assertIsNone(db.get(b"zz"))
                    self.assertEqual(db.get(b"zz", 7), 7)
                    self.assertEqual(db.setdefault(b"c", b"3"), b"3")
                    self.assertEqual(db.setdefault(b"c", b"9"), b"3")
                    self.assertEqual(sorted(db.keys()), [b"a", b"b", b"c"])
                    self.assertIn("b", db)
                    self.assertEqual(len(db), 3)
                    with self.assertRaises(TypeError) as cm:
                        db[1] = b"x"
                    prefix = "gdbm" if mod.__name__ == "dbm.gnu" else "dbm"
                    self.assertEqual(str(cm.exception),
                                     f"{prefix} key must be bytes or string, "
                                     "not int")
                    with self.assertRaises(TypeError) as cm:
                        db[b"k"] = 1.5
                    self.assertEqual(str(cm.exception),
                                     f"{prefix} value must be bytes or "
                                     "string, not float")
                    self.assertRaises(TypeError, db.get)
                    db.clear()
                    self.assertEqual(db.keys(), [])
                with self.assertRaises(mod.error) as cm:
                    db[b"a"]
                self.assertIn("object has already been closed",
                              str(cm.exception))
                db.close()
                self.assertTrue(issubclass(mod.error, OSError))


class MemoryIOStateTests(unittest.TestCase):

    def test_bytesio_setstate(self):
        b = io.BytesIO()
        with self.assertRaises(TypeError) as cm:
            b.__setstate__((b"x", 0))
        self.assertEqual(str(cm.exception),
                         "_io.BytesIO.__setstate__ argument should be "
                         "3-tuple, got tuple")
        with self.assertRaises(TypeError) as cm:
            b.__setstate__((b"x", "0", None))
        self.assertEqual(str(cm.exception),
                         "second item of state must be an integer, not str")
        with self.assertRaises(ValueError):
            b.__setstate__((b"x", -1, None))
        with self.assertRaises(TypeError) as cm:
            b.__setstate__((b"x", 0, []))
        self.assertEqual(str(cm.exception),
                         "third item of state should be a dict, got a list")
        b.__setstate__((b"hello", 2, {"k": 1}))
        self.assertEqual((b.getvalue(), b.tell(), b.k), (b"hello", 2, 1))

    def test_stringio_setstate(self):
        s = io.StringIO()
        with self.assertRaises(TypeError) as cm:
            s.__setstate__(("x", "\n", 0))
        self.assertEqual(str(cm.exception),
                         "_io.StringIO.__setstate__ argument should be "
                         "4-tuple, got tuple")
        with self.assertRaises(TypeError) as cm:
            s.__setstate__(("x", "\n", 1.0, None))
        self.assertEqual(str(cm.exception),
                         "third item of state must be an integer, got float")
        with self.assertRaises(TypeError) as cm:
            s.__setstate__(("x", "\n", 0, 5))
        self.assertEqual(str(cm.exception),
                         "fourth item of state should be a dict, got a int")
        s.__setstate__(("a\r\nb", None, 1, {"k": 2}))
        self.assertEqual((s.getvalue(), s.tell(), s.k), ("a\r\nb", 1, 2))

    def test_truncate_argument(self):
        for f in (io.BytesIO(b"abcdef"), io.StringIO("abcdef")):
            with self.subTest(type(f).__name__):
                f.seek(4)
                self.assertEqual(f.truncate(), 4)
                self.assertEqual(f.truncate(None), 4)
                self.assertEqual(f.truncate(2), 2)
                self.assertRaises(TypeError, f.truncate, "1")
                self.assertRaises(TypeError, f.truncate, 1, 2)
                self.assertRaises(ValueError, f.truncate, -1)


if __name__ == "__main__":
    unittest.main()
