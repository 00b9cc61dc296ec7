"""compression.zstd (PEP 784) on the C module _zstd; skipped when the
interpreter was built without libzstd."""

import io
import os
import shutil
import tempfile
import threading
import unittest

try:
    import _zstd  # noqa: F401
except ImportError:
    _zstd = None

if _zstd is not None:
    from compression import zstd
    from compression.zstd import (
        CompressionParameter, DecompressionParameter, Strategy, ZstdCompressor,
        ZstdDecompressor, ZstdDict, ZstdError, ZstdFile)

DATA = b"".join(b"line %d: the quick brown fox\n" % i for i in range(2000))
# A frame zstd 1.x writes for b"abc" at level 3 with the content size in
# its header: magic, frame header, one raw block.
ABC_FRAME = bytes.fromhex("28b52ffd2003190000616263")


@unittest.skipIf(_zstd is None, "built without libzstd")
class OneShot(unittest.TestCase):

    def test_round_trip(self):
        for level in (None, 1, 3, 19, -5):
            with self.subTest(level=level):
                packed = zstd.compress(DATA, level=level)
                self.assertLess(len(packed), len(DATA) // 5)
                self.assertEqual(zstd.decompress(packed), DATA)

    def test_known_frame(self):
        self.assertEqual(zstd.decompress(ABC_FRAME), b"abc")
        self.assertEqual(zstd.compress(b"abc"), ABC_FRAME)

    def test_empty(self):
        packed = zstd.compress(b"")
        self.assertEqual(zstd.decompress(packed), b"")
        self.assertEqual(zstd.get_frame_info(packed).decompressed_size, 0)

    def test_concatenated_frames(self):
        both = zstd.compress(b"first ") + zstd.compress(b"second")
        self.assertEqual(zstd.decompress(both), b"first second")

    def test_truncated_and_garbage(self):
        packed = zstd.compress(DATA)
        with self.assertRaisesRegex(ZstdError, "ended before"):
            zstd.decompress(packed[:-5])
        with self.assertRaises(ZstdError):
            zstd.decompress(b"not a zstd frame")

    def test_frame_info(self):
        info = zstd.get_frame_info(ABC_FRAME)
        self.assertEqual(info, zstd.FrameInfo(3, 0))
        self.assertEqual(repr(info),
                         "FrameInfo(decompressed_size=3, dictionary_id=0)")
        comp = ZstdCompressor()
        streamed = comp.compress(b"abc") + comp.flush()
        self.assertIsNone(zstd.get_frame_info(streamed).decompressed_size)
        with self.assertRaises(ZstdError):
            zstd.get_frame_info(b"\x00\x01")
        self.assertEqual(zstd.get_frame_size(ABC_FRAME + b"tail"),
                         len(ABC_FRAME))

    def test_constants(self):
        self.assertEqual(zstd.COMPRESSION_LEVEL_DEFAULT, 3)
        self.assertEqual(len(zstd.zstd_version_info), 3)
        self.assertEqual(zstd.zstd_version,
                         ".".join(map(str, zstd.zstd_version_info)))
        self.assertEqual(ZstdCompressor.CONTINUE, 0)
        self.assertEqual(ZstdCompressor.FLUSH_BLOCK, 1)
        self.assertEqual(ZstdCompressor.FLUSH_FRAME, 2)
        for name in zstd.__all__:
            self.assertTrue(hasattr(zstd, name), name)


@unittest.skipIf(_zstd is None, "built without libzstd")
class Parameters(unittest.TestCase):

    def test_bounds(self):
        low, high = CompressionParameter.compression_level.bounds()
        self.assertLess(low, 0)
        self.assertGreaterEqual(high, 19)
        self.assertEqual(CompressionParameter.window_log.bounds()[0], 10)
        self.assertEqual(DecompressionParameter.window_log_max.bounds()[0], 10)

    def test_strategy(self):
        self.assertEqual([s.name for s in Strategy][:3],
                         ["fast", "dfast", "greedy"])
        self.assertEqual(Strategy.btultra2, 9)

    def test_options(self):
        options = {CompressionParameter.checksum_flag: 1,
                   CompressionParameter.strategy: Strategy.lazy2,
                   CompressionParameter.compression_level: 7}
        packed = zstd.compress(DATA, options=options)
        plain = zstd.compress(DATA, level=7)
        self.assertEqual(len(packed), len(plain) + 4)    # the checksum
        self.assertEqual(zstd.decompress(packed), DATA)
        no_size = zstd.compress(b"abc", options={
            CompressionParameter.content_size_flag: 0})
        self.assertIsNone(zstd.get_frame_info(no_size).decompressed_size)

    def test_bad_options(self):
        with self.assertRaisesRegex(TypeError, "Only one of level or options"):
            ZstdCompressor(level=3, options={})
        with self.assertRaisesRegex(TypeError, "DecompressionParameter"):
            ZstdCompressor(options={DecompressionParameter.window_log_max: 20})
        with self.assertRaisesRegex(TypeError, "CompressionParameter"):
            ZstdDecompressor(options={CompressionParameter.window_log: 20})
        with self.assertRaisesRegex(ZstdError, "window_log"):
            ZstdCompressor(options={CompressionParameter.window_log: 99})
        with self.assertRaises(ValueError):
            ZstdCompressor(level=1000)
        with self.assertRaises(TypeError):
            ZstdCompressor(level="3")

    def test_window_log_max(self):
        big = zstd.compress(DATA * 20, options={
            CompressionParameter.window_log: 20,
            CompressionParameter.content_size_flag: 0})
        with self.assertRaises(ZstdError):
            zstd.decompress(big, options={
                DecompressionParameter.window_log_max: 10})


@unittest.skipIf(_zstd is None, "built without libzstd")
class Streaming(unittest.TestCase):

    def test_modes(self):
        comp = ZstdCompressor()
        self.assertEqual(comp.last_mode, ZstdCompressor.FLUSH_FRAME)
        out = comp.compress(DATA[:1000])
        self.assertEqual(comp.last_mode, ZstdCompressor.CONTINUE)
        out += comp.compress(DATA[1000:], ZstdCompressor.FLUSH_BLOCK)
        self.assertEqual(comp.last_mode, ZstdCompressor.FLUSH_BLOCK)
        # After a block flush, everything so far can be decompressed.
        partial = ZstdDecompressor().decompress(out)
        self.assertEqual(partial, DATA)
        out += comp.flush()
        self.assertEqual(comp.last_mode, ZstdCompressor.FLUSH_FRAME)
        self.assertEqual(zstd.decompress(out), DATA)
        # The compressor goes on with a new frame.
        second = comp.compress(b"again", ZstdCompressor.FLUSH_FRAME)
        self.assertEqual(zstd.decompress(second), b"again")
        with self.assertRaises(ValueError):
            comp.compress(b"x", 7)
        with self.assertRaises(ValueError):
            comp.flush(ZstdCompressor.CONTINUE)

    def test_pledged_size(self):
        comp = ZstdCompressor()
        comp.set_pledged_input_size(len(DATA))
        out = comp.compress(DATA) + comp.flush()
        self.assertEqual(zstd.get_frame_info(out).decompressed_size, len(DATA))
        comp.compress(b"x")
        with self.assertRaisesRegex(ValueError, "last_mode == FLUSH_FRAME"):
            comp.set_pledged_input_size(5)
        comp.flush()
        comp.set_pledged_input_size(3)
        with self.assertRaisesRegex(ZstdError, "size"):
            comp.compress(b"too long")
        # The failed frame is dropped: the compressor starts afresh.
        self.assertEqual(comp.last_mode, ZstdCompressor.FLUSH_FRAME)
        self.assertEqual(zstd.decompress(comp.compress(b"ok", 2)), b"ok")

    def test_decompress_max_length(self):
        packed = zstd.compress(DATA)
        d = ZstdDecompressor()
        got = d.decompress(packed, max_length=100)
        self.assertEqual(len(got), 100)
        self.assertFalse(d.needs_input)
        self.assertFalse(d.eof)
        while not d.eof:
            got += d.decompress(b"", max_length=1000)
        self.assertEqual(got, DATA)
        self.assertEqual(d.unused_data, b"")
        with self.assertRaises(EOFError):
            d.decompress(b"")

    def test_byte_by_byte_and_unused(self):
        packed = zstd.compress(b"hello") + b"rest"
        d = ZstdDecompressor()
        got = b""
        for i in range(len(packed) - 4):
            got += d.decompress(packed[i:i + 1])
        self.assertTrue(d.eof)
        self.assertEqual(got, b"hello")
        d = ZstdDecompressor()
        self.assertEqual(d.decompress(packed), b"hello")
        self.assertEqual(d.unused_data, b"rest")

    def test_threads_share_a_compressor(self):
        comp = ZstdCompressor()
        chunks = []
        lock = threading.Lock()

        def work():
            for _ in range(50):
                with lock:
                    chunks.append(comp.compress(b"abc" * 100))

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        data = b"".join(chunks) + comp.flush()
        self.assertEqual(zstd.decompress(data), b"abc" * 100 * 200)

    def test_no_pickle(self):
        import pickle
        with self.assertRaises(TypeError):
            pickle.dumps(ZstdCompressor())


@unittest.skipIf(_zstd is None, "built without libzstd")
class Dictionaries(unittest.TestCase):

    SAMPLES = [b"{'id': %d, 'name': 'user%d', 'active': %s}"
               % (i, i * 7, b"True" if i % 3 else b"False")
               for i in range(400)]

    def test_train_and_use(self):
        d = zstd.train_dict(self.SAMPLES, 2048)
        self.assertIsInstance(d, ZstdDict)
        self.assertNotEqual(d.dict_id, 0)
        self.assertLessEqual(len(d), 2048)
        self.assertEqual(len(d.dict_content), len(d))
        sample = self.SAMPLES[10]
        for form in (d, d.as_digested_dict, d.as_undigested_dict):
            with self.subTest(form=form):
                packed = zstd.compress(sample, zstd_dict=form)
                self.assertEqual(zstd.get_frame_info(packed).dictionary_id,
                                 d.dict_id)
                self.assertEqual(zstd.decompress(packed, zstd_dict=d), sample)
        with_dict = zstd.compress(sample, zstd_dict=d)
        self.assertLess(len(with_dict), len(zstd.compress(sample)))
        with self.assertRaises(ZstdError):
            zstd.decompress(with_dict)

    def test_prefix(self):
        prefix = ZstdDict(b"a long shared prefix of text " * 4, is_raw=True)
        self.assertEqual(prefix.dict_id, 0)
        data = b"a long shared prefix of text, then more"
        packed = zstd.compress(data, zstd_dict=prefix.as_prefix)
        self.assertEqual(
            zstd.decompress(packed, zstd_dict=prefix.as_prefix), data)

    def test_finalize(self):
        raw = ZstdDict(b"".join(self.SAMPLES[:40]), is_raw=True)
        d = zstd.finalize_dict(raw, self.SAMPLES, 4096, 5)
        self.assertNotEqual(d.dict_id, 0)
        packed = zstd.compress(self.SAMPLES[7], level=5, zstd_dict=d)
        self.assertEqual(zstd.decompress(packed, zstd_dict=d), self.SAMPLES[7])

    def test_errors(self):
        with self.assertRaisesRegex(ValueError, "too short"):
            ZstdDict(b"abc")
        with self.assertRaisesRegex(ValueError, "is_raw"):
            ZstdDict(b"0123456789")
        with self.assertRaises(ValueError):
            zstd.train_dict([b"", b""], 1024)
        with self.assertRaises(TypeError):
            zstd.train_dict(self.SAMPLES, "1024")
        with self.assertRaises(TypeError):
            zstd.compress(b"x", zstd_dict=b"not a dict")


@unittest.skipIf(_zstd is None, "built without libzstd")
class Files(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.path = os.path.join(self.dir, "data.zst")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_write_read(self):
        with zstd.open(self.path, "wb", level=9) as f:
            self.assertEqual(f.write(DATA), len(DATA))
            self.assertEqual(f.mode, "wb")
            self.assertEqual(f.tell(), len(DATA))
        with zstd.open(self.path) as f:
            self.assertEqual(f.read(10), DATA[:10])
            self.assertEqual(f.readline(), DATA[10:DATA.index(b"\n") + 1])
            f.seek(0)
            self.assertEqual(f.read(), DATA)
        self.assertTrue(f.closed)

    def test_text_mode(self):
        with zstd.open(self.path, "wt", encoding="utf-8") as f:
            f.write("héllo\nwörld\n")
        with zstd.open(self.path, "rt", encoding="utf-8") as f:
            self.assertEqual(f.readlines(), ["héllo\n", "wörld\n"])
        with self.assertRaises(ValueError):
            zstd.open(self.path, "rb", encoding="utf-8")

    def test_append_and_flush(self):
        with ZstdFile(self.path, "w") as f:
            f.write(b"one ")
            f.flush()
            # A block flush makes the data so far readable, frame unended.
            with open(self.path, "rb") as raw:
                d = ZstdDecompressor()
                self.assertEqual(d.decompress(raw.read()), b"one ")
                self.assertFalse(d.eof)
            f.flush(ZstdFile.FLUSH_FRAME)
            with open(self.path, "rb") as raw:
                self.assertEqual(zstd.decompress(raw.read()), b"one ")
        with ZstdFile(self.path, "a") as f:
            f.write(b"two")
        with ZstdFile(self.path) as f:
            self.assertEqual(f.read(), b"one two")

    def test_empty_file(self):
        with ZstdFile(self.path, "w"):
            pass
        self.assertEqual(os.path.getsize(self.path), 0)
        # As for bz2 and lzma files, no frame at all is a truncated file.
        with ZstdFile(self.path) as f:
            with self.assertRaises(EOFError):
                f.read()

    def test_file_object_and_errors(self):
        buf = io.BytesIO()
        with ZstdFile(buf, "w") as f:
            f.write(b"in memory")
        self.assertFalse(buf.closed)
        self.assertEqual(zstd.decompress(buf.getvalue()), b"in memory")
        with self.assertRaises(TypeError):
            ZstdFile(self.path, "r", level=3)
        with self.assertRaises(ValueError):
            ZstdFile(self.path, "rw")
        with ZstdFile(io.BytesIO(b"garbage data here"), "r") as f:
            with self.assertRaises(ZstdError):
                f.read()


@unittest.skipIf(_zstd is None, "built without libzstd")
class Archives(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.src = os.path.join(self.dir, "src")
        os.mkdir(self.src)
        with open(os.path.join(self.src, "a.txt"), "w") as f:
            f.write("hello zstd\n" * 100)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_tarfile(self):
        import tarfile
        path = os.path.join(self.dir, "x.tar.zst")
        with tarfile.open(path, "w:zst", level=5) as tf:
            tf.add(self.src, arcname="src")
        with open(path, "rb") as f:
            self.assertEqual(f.read(4), b"\x28\xb5\x2f\xfd")
        for mode in ("r", "r:*", "r:zst"):
            with tarfile.open(path, mode) as tf:
                self.assertEqual(tf.getnames(), ["src", "src/a.txt"])
                self.assertEqual(tf.extractfile("src/a.txt").read(),
                                 b"hello zstd\n" * 100)
        stream = io.BytesIO()
        with tarfile.open(fileobj=stream, mode="w|zst") as tf:
            tf.add(self.src, arcname="s")
        stream.seek(0)
        with tarfile.open(fileobj=stream, mode="r|*") as tf:
            self.assertEqual([m.name for m in tf], ["s", "s/a.txt"])
        with self.assertRaisesRegex(tarfile.ReadError, "not a zstd file"):
            tarfile.open(os.path.join(self.src, "a.txt"), "r:zst")

    def test_zipfile(self):
        import zipfile
        path = os.path.join(self.dir, "x.zip")
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_ZSTANDARD,
                             compresslevel=9) as zf:
            zf.writestr("a.txt", "hello zstd\n" * 100)
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("a.txt")
            self.assertEqual(info.compress_type, 93)
            self.assertEqual(info.extract_version, 63)
            self.assertLess(info.compress_size, info.file_size)
            self.assertEqual(zf.read("a.txt"), b"hello zstd\n" * 100)
            self.assertIsNone(zf.testzip())

    def test_shutil(self):
        formats = dict(shutil.get_archive_formats())
        self.assertEqual(formats["zstdtar"], "zstd'ed tar-file")
        archive = shutil.make_archive(os.path.join(self.dir, "arch"),
                                      "zstdtar", root_dir=self.src)
        self.assertTrue(archive.endswith("arch.tar.zst"))
        target = os.path.join(self.dir, "out")
        shutil.unpack_archive(archive, target)
        self.assertEqual(os.listdir(target), ["a.txt"])


if __name__ == "__main__":
    unittest.main()
