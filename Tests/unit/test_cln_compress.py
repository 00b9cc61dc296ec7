"""zlib, bz2 and lzma through their shared output buffer: max_length,
needs_input / unconsumed_tail, flush modes, 64 MiB outputs made and
read in chunks, empty input, truncated and corrupt data."""

import bz2
import lzma
import unittest
import zlib

# Compressible but not trivial: every byte value, runs and text.
SAMPLE = (bytes(range(256)) * 40 + b"weft " * 3000
          + b"\x00" * 20000 + bytes(range(255, -1, -1)) * 30)
HUGE = 64 << 20
CHUNK = 1 << 20


def all_zero(data):
    return not data.strip(b"\x00")


class CodecTests:
    """Tests every codec passes; a subclass names the codec's pieces."""

    eof_after_end = True        # decompress() after the end raises EOFError

    def compress(self, data):
        raise NotImplementedError

    def decompressor(self):
        raise NotImplementedError

    def test_round_trip(self):
        packed = self.compress(SAMPLE)
        self.assertLess(len(packed), len(SAMPLE) // 3)
        self.assertEqual(self.decompress(packed), SAMPLE)

    def test_incremental_compress(self):
        comp = self.compressor()
        parts = [comp.compress(SAMPLE[i:i + 777])
                 for i in range(0, len(SAMPLE), 777)]
        parts.append(comp.flush())
        self.assertEqual(self.decompress(b"".join(parts)), SAMPLE)

    def test_incremental_decompress_byte_by_byte(self):
        packed = self.compress(SAMPLE[:3000])
        d = self.decompressor()
        out = [d.decompress(packed[i:i + 1]) for i in range(len(packed))]
        self.assertEqual(b"".join(out), SAMPLE[:3000])
        self.assertTrue(d.eof)

    def test_max_length(self):
        packed = self.compress(SAMPLE)
        d = self.decompressor()
        first = d.decompress(packed, 100)
        self.assertEqual(first, SAMPLE[:100])
        self.assertFalse(d.needs_input)
        self.assertFalse(d.eof)
        out = [first]
        while not d.eof:
            piece = d.decompress(b"", 1000)
            self.assertLessEqual(len(piece), 1000)
            out.append(piece)
        self.assertEqual(b"".join(out), SAMPLE)
        self.assertEqual(d.unused_data, b"")

    def test_max_length_zero_and_negative(self):
        packed = self.compress(SAMPLE)
        d = self.decompressor()
        self.assertEqual(d.decompress(packed, 0), b"")
        self.assertFalse(d.eof)
        self.assertEqual(d.decompress(b"", -1), SAMPLE)
        self.assertTrue(d.eof)

    def test_needs_input(self):
        packed = self.compress(SAMPLE)
        d = self.decompressor()
        self.assertTrue(d.needs_input)
        half = len(packed) // 2
        d.decompress(packed[:half])
        self.assertTrue(d.needs_input)
        self.assertFalse(d.eof)
        d.decompress(packed[half:])
        self.assertTrue(d.eof)
        self.assertFalse(d.needs_input)

    def test_unused_data(self):
        packed = self.compress(b"abc")
        d = self.decompressor()
        self.assertEqual(d.decompress(packed + b"TRAILER"), b"abc")
        self.assertTrue(d.eof)
        self.assertEqual(d.unused_data, b"TRAILER")
        if self.eof_after_end:
            with self.assertRaises(EOFError):
                d.decompress(b"more")

    def test_empty_input(self):
        packed = self.compress(b"")
        self.assertEqual(self.decompress(packed), b"")
        d = self.decompressor()
        self.assertEqual(d.decompress(b""), b"")
        self.assertFalse(d.eof)
        self.assertTrue(d.needs_input)
        comp = self.compressor()
        self.assertEqual(self.decompress(comp.compress(b"") + comp.flush()),
                         b"")

    def test_truncated(self):
        packed = self.compress(SAMPLE)
        with self.assertRaises(self.truncated_error):
            self.decompress(packed[:-8])
        d = self.decompressor()
        out = d.decompress(packed[:-8])
        self.assertEqual(out, SAMPLE[:len(out)])
        self.assertFalse(d.eof)

    def test_corrupt(self):
        with self.assertRaises(self.corrupt_error):
            self.decompress(b"\x00not a compressed stream at all" * 4)
        packed = bytearray(self.compress(SAMPLE))
        for i in range(len(packed) // 3, len(packed) - 8):
            packed[i] ^= 0x55
        with self.assertRaises(self.corrupt_error):
            self.decompressor().decompress(bytes(packed))

    def test_huge_output_in_chunks(self):
        comp = self.compressor()
        zeros = bytes(CHUNK)
        packed = [comp.compress(zeros) for _ in range(HUGE // CHUNK)]
        packed.append(comp.flush())
        packed = b"".join(packed)
        self.assertLess(len(packed), HUGE // 100)
        d = self.decompressor()
        total = 0
        data = packed
        while not d.eof:
            piece = d.decompress(data, CHUNK)
            data = b""
            self.assertLessEqual(len(piece), CHUNK)
            self.assertTrue(all_zero(piece))
            total += len(piece)
        self.assertEqual(total, HUGE)
        whole = self.decompress(packed)
        self.assertEqual(len(whole), HUGE)
        self.assertTrue(all_zero(whole[-CHUNK:]))


class ZlibTests(CodecTests, unittest.TestCase):
    eof_after_end = False
    truncated_error = zlib.error
    corrupt_error = zlib.error

    def compress(self, data):
        return zlib.compress(data)

    def decompress(self, data):
        return zlib.decompress(data)

    def compressor(self):
        return zlib.compressobj()

    def decompressor(self):
        return _ZlibObj()

    def test_unconsumed_tail(self):
        packed = zlib.compress(SAMPLE)
        d = zlib.decompressobj()
        out = d.decompress(packed, 50)
        self.assertEqual(out, SAMPLE[:50])
        self.assertTrue(d.unconsumed_tail)
        pieces = [out]
        while d.unconsumed_tail:
            pieces.append(d.decompress(d.unconsumed_tail, 4096))
        pieces.append(d.flush())
        self.assertEqual(b"".join(pieces), SAMPLE)
        self.assertEqual(d.unconsumed_tail, b"")
        self.assertTrue(d.eof)

    def test_flush_modes(self):
        for mode in (zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH,
                     zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK):
            with self.subTest(mode=mode):
                comp = zlib.compressobj()
                head = comp.compress(SAMPLE[:5000]) + comp.flush(mode)
                d = zlib.decompressobj()
                got = d.decompress(head)
                if mode in (zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH):
                    self.assertEqual(got, SAMPLE[:5000])
                tail = comp.compress(SAMPLE[5000:]) + comp.flush()
                self.assertEqual(got + d.decompress(tail), SAMPLE)
                self.assertTrue(d.eof)
        comp = zlib.compressobj()
        head = comp.compress(b"abc")
        self.assertEqual(zlib.decompress(head + comp.flush(zlib.Z_FINISH)),
                         b"abc")

    def test_sync_flush_output_stands_alone(self):
        comp = zlib.compressobj()
        first = comp.compress(b"hello ") + comp.flush(zlib.Z_SYNC_FLUSH)
        self.assertEqual(first[-4:], b"\x00\x00\xff\xff")
        self.assertEqual(zlib.decompressobj().decompress(first), b"hello ")

    def test_decompressobj_flush_length(self):
        packed = zlib.compress(SAMPLE)
        d = zlib.decompressobj()
        out = d.decompress(packed, 10)
        rest = d.flush(1)
        self.assertEqual(out + rest, SAMPLE)
        with self.assertRaises(ValueError):
            d.flush(0)

    def test_bufsize(self):
        packed = zlib.compress(SAMPLE)
        for bufsize in (1, 2, 7, 100000):
            self.assertEqual(zlib.decompress(packed, bufsize=bufsize), SAMPLE)
        with self.assertRaises(ValueError):
            zlib.decompress(packed, bufsize=-1)

    @unittest.skipUnless(hasattr(zlib, "_ZlibDecompressor"), "3.12+")
    def test_zlib_decompressor_max_length(self):
        packed = zlib.compress(SAMPLE)
        d = zlib._ZlibDecompressor()
        out = [d.decompress(packed, 333)]
        self.assertFalse(d.needs_input)
        while not d.eof:
            out.append(d.decompress(b"", 333))
        self.assertEqual(b"".join(out), SAMPLE)
        with self.assertRaises(EOFError):
            d.decompress(b"x")

    def test_negative_max_length_rejected(self):
        with self.assertRaises(ValueError):
            zlib.decompressobj().decompress(b"", -1)

    def test_max_length_zero_and_negative(self):
        packed = zlib.compress(SAMPLE)
        d = zlib.decompressobj()
        self.assertEqual(d.decompress(packed, 0), SAMPLE)
        self.assertTrue(d.eof)


class _ZlibObj:
    """zlib.decompressobj() seen as a bz2/lzma-style decompressor:
    max_length, needs_input, and the unconsumed tail fed back."""

    def __init__(self):
        self._d = zlib.decompressobj()

    def decompress(self, data, max_length=-1):
        data = self._d.unconsumed_tail + data
        if max_length < 0:
            return self._d.decompress(data) + self._d.flush()
        return self._d.decompress(data, max_length)

    @property
    def eof(self):
        return self._d.eof

    @property
    def needs_input(self):
        return not self._d.eof and not self._d.unconsumed_tail

    @property
    def unused_data(self):
        return self._d.unused_data



class Bz2Tests(CodecTests, unittest.TestCase):
    truncated_error = ValueError
    corrupt_error = OSError

    def compress(self, data):
        return bz2.compress(data, 1)

    def decompress(self, data):
        return bz2.decompress(data)

    def compressor(self):
        return bz2.BZ2Compressor(1)

    def decompressor(self):
        return bz2.BZ2Decompressor()

    def test_flush_twice(self):
        comp = bz2.BZ2Compressor()
        comp.flush()
        with self.assertRaisesRegex(ValueError, "Repeated call to flush"):
            comp.flush()
        with self.assertRaisesRegex(ValueError, "Compressor has been flushed"):
            comp.compress(b"x")

    def test_empty_decompress_is_empty(self):
        self.assertEqual(bz2.decompress(b""), b"")

    def test_truncated_message(self):
        with self.assertRaisesRegex(ValueError, "end-of-stream marker"):
            bz2.decompress(bz2.compress(b"abc" * 100)[:-5])


class LzmaTests(CodecTests, unittest.TestCase):
    truncated_error = lzma.LZMAError
    corrupt_error = lzma.LZMAError

    def compress(self, data):
        return lzma.compress(data, preset=0)

    def decompress(self, data):
        return lzma.decompress(data)

    def compressor(self):
        return lzma.LZMACompressor(preset=0)

    def decompressor(self):
        return lzma.LZMADecompressor()

    def test_flush_twice(self):
        comp = lzma.LZMACompressor()
        comp.flush()
        with self.assertRaisesRegex(ValueError, "Repeated call to flush"):
            comp.flush()
        with self.assertRaisesRegex(ValueError, "Compressor has been flushed"):
            comp.compress(b"x")

    def test_empty_decompress_fails(self):
        with self.assertRaisesRegex(lzma.LZMAError, "end-of-stream marker"):
            lzma.decompress(b"")

    def test_formats(self):
        for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
            packed = lzma.compress(SAMPLE, format=fmt, preset=0)
            self.assertEqual(lzma.decompress(packed), SAMPLE)
            d = lzma.LZMADecompressor(format=fmt)
            first = d.decompress(packed, 64)
            self.assertEqual(first, SAMPLE[:64])
            self.assertEqual(first + d.decompress(b""), SAMPLE)
        filters = [{"id": lzma.FILTER_LZMA2, "preset": 0}]
        raw = lzma.compress(SAMPLE, format=lzma.FORMAT_RAW, filters=filters)
        self.assertEqual(lzma.decompress(raw, format=lzma.FORMAT_RAW,
                                         filters=filters), SAMPLE)


if __name__ == "__main__":
    unittest.main()
