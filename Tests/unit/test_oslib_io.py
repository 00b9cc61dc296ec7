"""io and os fixes found by running CPython's own tests: pickling of the
in-memory streams (__getstate__/__setstate__), BytesIO.writelines on a
closed stream, FileIO leaving a caller's descriptor open when it refuses
it, _pyio's BytesIO growing under a getbuffer() view, and os's
negative-count checks."""

import _pyio
import copy
import errno
import io
import os
import pickle
import tempfile
import unittest


class BytesIOStateTest(unittest.TestCase):

    def test_round_trip_keeps_value_position_and_dict(self):
        b = io.BytesIO(b"hello world")
        b.seek(6)
        b.tag = "x"
        for clone in (pickle.loads(pickle.dumps(b)), copy.copy(b)):
            self.assertEqual(clone.getvalue(), b"hello world")
            self.assertEqual(clone.tell(), 6)
            self.assertEqual(clone.read(), b"world")
            self.assertEqual(clone.tag, "x")

    def test_setstate_replaces_contents(self):
        b = io.BytesIO(b"a long old value")
        b.__setstate__((bytearray(b"new"), 2, {"spam": 3}))
        self.assertEqual(b.getvalue(), b"new")
        self.assertEqual(b.tell(), 2)
        self.assertEqual(b.spam, 3)

    def test_setstate_validation(self):
        b = io.BytesIO()
        with self.assertRaisesRegex(ValueError, "position value cannot be negative"):
            b.__setstate__((b"", -1, None))
        with self.assertRaises(TypeError):
            b.__setstate__(("text", 0, None))
        with self.assertRaisesRegex(TypeError, "second item of state must be an integer"):
            b.__setstate__((b"", 0.0, None))
        with self.assertRaisesRegex(TypeError, "third item of state should be a dict"):
            b.__setstate__((b"", 0, 0))
        with self.assertRaisesRegex(TypeError, r"_io\.BytesIO\.__setstate__ argument should be 3-tuple, got tuple"):
            b.__setstate__((b"", 0))
        b.close()
        with self.assertRaises(ValueError):
            b.__setstate__((b"closed", 0, None))
        with self.assertRaises(ValueError):
            b.__getstate__()

    def test_setstate_refused_while_exported(self):
        b = io.BytesIO(b"abc")
        view = b.getbuffer()
        with self.assertRaises(BufferError):
            b.__setstate__((b"xyz", 0, None))
        view.release()
        self.assertEqual(b.getvalue(), b"abc")

    def test_writelines_on_closed(self):
        b = io.BytesIO()
        b.close()
        with self.assertRaises(ValueError):
            b.writelines([])


class StringIOStateTest(unittest.TestCase):

    def test_getstate_shape(self):
        s = io.StringIO("abc", newline="\r\n")
        s.seek(1)
        state = s.__getstate__()
        self.assertEqual(state[:3], ("abc", "\r\n", 1))
        self.assertIn(state[3], (None, {}))
        self.assertEqual(io.StringIO(newline=None).__getstate__()[1], None)
        self.assertEqual(io.StringIO(newline="").__getstate__()[1], "")
        self.assertEqual(io.StringIO().__getstate__()[1], "\n")

    def test_round_trip_each_newline_mode(self):
        for newline in (None, "", "\n", "\r", "\r\n"):
            with self.subTest(newline=newline):
                s = io.StringIO(newline=newline)
                s.write("one\ntwo\rthree\r\nfour")
                s.seek(3)
                s.flag = newline
                clone = pickle.loads(pickle.dumps(s))
                self.assertEqual(clone.getvalue(), s.getvalue())
                self.assertEqual(clone.tell(), 3)
                self.assertEqual(clone.flag, newline)
                s.seek(0)
                clone.seek(0)
                self.assertEqual(clone.readlines(), s.readlines())

    def test_setstate_keeps_text_untranslated(self):
        s = io.StringIO(newline=None)
        s.__setstate__(("a\r\nb", None, 0, None))
        self.assertEqual(s.getvalue(), "a\r\nb")

    def test_setstate_validation(self):
        s = io.StringIO()
        with self.assertRaises(ValueError):
            s.__setstate__(("", "f", 0, None))
        with self.assertRaisesRegex(ValueError, "position value cannot be negative"):
            s.__setstate__(("", "", -1, None))
        with self.assertRaises(TypeError):
            s.__setstate__((b"", "", 0, None))
        with self.assertRaises(TypeError):
            s.__setstate__(("", b"", 0, None))
        with self.assertRaisesRegex(TypeError, "third item of state must be an integer"):
            s.__setstate__(("", "", 0.0, None))
        with self.assertRaisesRegex(TypeError, "fourth item of state should be a dict"):
            s.__setstate__(("", "", 0, 0))
        with self.assertRaisesRegex(TypeError, "argument should be 4-tuple"):
            s.__setstate__(("len-test", 0))
        s.close()
        with self.assertRaises(ValueError):
            s.__setstate__(("closed", "", 0, None))


class PyBytesIOTest(unittest.TestCase):

    def test_growing_write_refused_untouched_under_view(self):
        b = _pyio.BytesIO(b"1234567890")
        b.seek(5)
        view = b.getbuffer()
        with self.assertRaises(BufferError):
            b.write(b"x" * 100)
        self.assertEqual(bytes(view), b"1234567890")
        view.release()
        self.assertEqual(b.tell(), 5)

    def test_gap_is_zero_filled(self):
        b = _pyio.BytesIO(b"ab")
        b.seek(4)
        b.write(b"cd")
        self.assertEqual(b.getvalue(), b"ab\0\0cd")

    def test_blocking_io_error_published(self):
        self.assertIs(_pyio.BlockingIOError, BlockingIOError)


class FileIODescriptorTest(unittest.TestCase):

    def test_refused_directory_descriptor_stays_open(self):
        with tempfile.TemporaryDirectory() as d:
            fd = os.open(d, os.O_RDONLY)
            try:
                with self.assertRaises(OSError) as cm:
                    io.FileIO(fd, "r")
                self.assertEqual(cm.exception.errno, errno.EISDIR)
                os.fstat(fd)
            finally:
                os.close(fd)

    def test_failing_subclass_init_leaves_descriptor_open(self):
        class Blocked(io.FileIO):
            def __setattr__(self, name, value):
                if name == "name":
                    raise KeyError(name)
                super().__setattr__(name, value)
        r, w = os.pipe()
        try:
            with self.assertRaises(KeyError):
                Blocked(r)
            os.fstat(r)
        finally:
            os.close(r)
            os.close(w)


class OsCountTest(unittest.TestCase):

    def test_negative_counts(self):
        for name in ("copy_file_range", "splice"):
            fn = getattr(os, name, None)
            if fn is None:
                continue
            with self.subTest(name=name):
                with self.assertRaisesRegex(ValueError, "count cannot be negative"):
                    fn(0, 1, -10)

    def test_execvpe_joins_bytes(self):
        calls = []

        def fake_execve(path, args, env):
            calls.append(path)
            raise FileNotFoundError(errno.ENOENT, "no", path)

        saved = os.execve
        os.execve = fake_execve
        try:
            with self.assertRaises(FileNotFoundError):
                os._execvpe("prog", ["prog"], {"PATH": "/nowhere:/else"})
        finally:
            os.execve = saved
        self.assertEqual(calls, [b"/nowhere/prog", b"/else/prog"])


class NonBlockingRaw(io.RawIOBase):
    """Accepts at most `room` more bytes, then returns None (would block)."""

    def __init__(self, room):
        self.room = room
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        if self.room == 0:
            return None
        n = min(len(b), self.room)
        self.data += bytes(b[:n])
        self.room -= n
        return n


class BufferedWriterBehaviourTest(unittest.TestCase):

    def test_blocked_write_reports_characters_written(self):
        for module in (io, _pyio):
            with self.subTest(module=module.__name__):
                raw = NonBlockingRaw(room=5)
                w = module.BufferedWriter(raw, 8)
                self.assertEqual(w.write(b"abc"), 3)       # buffered
                with self.assertRaises(BlockingIOError) as cm:
                    w.write(b"0123456789ABCDEF")
                # "abc" and 2 more bytes went out; the buffer (8) took 8.
                self.assertEqual(cm.exception.errno, errno.EAGAIN)
                self.assertEqual(cm.exception.characters_written, 10)
                self.assertEqual(bytes(raw.data), b"abc01")
                raw.room = 100
                w.flush()
                self.assertEqual(bytes(raw.data), b"abc0123456789")

    def test_full_buffer_is_not_flushed_early(self):
        raw = io.BytesIO()
        w = io.BufferedWriter(raw, 4)
        w.write(b"abcd")
        self.assertEqual(raw.getvalue(), b"")
        w.write(b"e")
        self.assertEqual(raw.getvalue(), b"abcd")

    def test_close_calls_the_overridden_flush(self):
        for tp in (io.BufferedWriter, io.TextIOWrapper):
            with self.subTest(tp=tp.__name__):
                record = []
                raw = io.BytesIO()
                target = raw if tp is io.BufferedWriter else io.BufferedWriter(raw)

                class Recording(tp):
                    def flush(self):
                        record.append("flush")
                        super().flush()

                Recording(target).close()
                self.assertEqual(record, ["flush"])

    def test_close_chains_flush_and_close_errors(self):
        class BadRaw(io.BytesIO):
            def close(self):
                raise OSError("close")
        w = io.BufferedWriter(BadRaw())

        def bad_flush():
            raise NameError("flush")
        w.flush = bad_flush
        with self.assertRaises(OSError) as cm:
            w.close()
        self.assertEqual(cm.exception.args, ("close",))
        self.assertIsInstance(cm.exception.__context__, NameError)


class UnclosedFileWarningTest(unittest.TestCase):

    def collect_warnings(self, make):
        import gc
        import warnings
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "f")
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                obj = make(path)
                del obj
                gc.collect()
        return [str(w.message) for w in caught if w.category is ResourceWarning]

    def test_raw_buffered_and_text(self):
        messages = self.collect_warnings(lambda p: io.FileIO(p, "wb"))
        self.assertEqual(len(messages), 1, messages)
        self.assertRegex(messages[0],
                         r"^unclosed file <_io\.FileIO name='.*/f' mode='wb' closefd=True>$")
        for mode, kind in (("wb", "BufferedWriter"), ("rb+", "BufferedRandom"),
                           ("w", "TextIOWrapper")):
            with self.subTest(mode=mode):
                def make(path, mode=mode):
                    if "r" in mode:
                        open(path, "wb").close()
                    return open(path, mode)
                messages = self.collect_warnings(make)
                self.assertEqual(len(messages), 1, messages)
                self.assertTrue(messages[0].startswith("unclosed file <_io.%s name=" % kind),
                                messages)

    def test_no_warning_when_closed_or_not_owned(self):
        self.assertEqual(self.collect_warnings(lambda p: open(p, "wb").close()), [])
        r, w = os.pipe()
        try:
            self.assertEqual(self.collect_warnings(
                lambda p: io.FileIO(r, "rb", closefd=False)), [])
        finally:
            os.close(r)
            os.close(w)


class TextOverRawTest(unittest.TestCase):

    def test_text_wrapper_reads_a_raw_stream(self):
        r, w = os.pipe()
        os.write(w, b"one\ntwo\n")
        os.close(w)
        raw = io.FileIO(r, "rb")
        self.assertFalse(hasattr(raw, "read1"))
        with io.TextIOWrapper(raw, encoding="ascii") as text:
            self.assertEqual(text.readline(), "one\n")
            self.assertEqual(text.read(), "two\n")

    def test_non_bytes_from_read_is_a_type_error(self):
        text = io.TextIOWrapper(io.StringIO("a"), encoding="utf-8")
        with self.assertRaisesRegex(TypeError, r"underlying read\(\) should have returned a bytes-like object"):
            text.read(1)


class CountingRaw(io.RawIOBase):
    """Serves its chunks one per readinto() call and counts the calls."""

    def __init__(self, chunks):
        self.chunks = list(chunks)
        self.reads = 0

    def readable(self):
        return True

    def writable(self):
        return True

    def readinto(self, b):
        self.reads += 1
        if not self.chunks:
            return 0
        data = self.chunks.pop(0)
        b[:len(data)] = data
        return len(data)


class BufferedReaderBehaviourTest(unittest.TestCase):

    def test_readinto1_reads_raw_once_into_a_big_target(self):
        raw = CountingRaw([b"abc", b"defghijklmnop"])
        r = io.BufferedReader(raw, buffer_size=4)
        self.assertEqual(r.peek(1)[:3], b"abc")
        self.assertEqual(raw.reads, 1)
        target = bytearray(16)
        # The 3 buffered bytes, then one raw read straight into target.
        self.assertEqual(r.readinto1(target), 16)
        self.assertEqual(bytes(target), b"abcdefghijklmnop")
        self.assertEqual(raw.reads, 2)

    def test_readinto1_small_target_stops_after_buffered_bytes(self):
        raw = CountingRaw([b"abc", b"de"])
        r = io.BufferedReader(raw, buffer_size=10)
        r.peek(1)
        target = bytearray(5)
        self.assertEqual(r.readinto1(target), 3)
        self.assertEqual(raw.reads, 1)

    def test_bad_raw_readinto_result(self):
        inner = io.BufferedReader(io.BytesIO(b"12"))
        inner.readinto = lambda buf: b""
        r = io.BufferedReader(inner)
        with self.assertRaisesRegex(OSError, r"raw readinto\(\) failed") as cm:
            r.readline()
        self.assertIsInstance(cm.exception.__cause__, TypeError)

    def test_reader_is_not_writable_nor_writer_readable(self):
        raw = CountingRaw([])
        self.assertFalse(io.BufferedReader(raw).writable())
        self.assertFalse(io.BufferedWriter(raw).readable())
        self.assertTrue(io.BufferedRandom(io.BytesIO()).readable())
        self.assertTrue(io.BufferedRandom(io.BytesIO()).writable())
        with self.assertRaises(io.UnsupportedOperation):
            io.BufferedReader(raw).truncate(0)


class CodecsStreamTest(unittest.TestCase):

    def test_readline_with_size_counts_characters(self):
        import codecs
        text = "foo\nbar\r\nbaz\rspam\u2028eggs"
        for encoding in ("utf-8", "utf-16", "utf-32", "utf-32-be"):
            for size in (None, 1, 10):
                with self.subTest(encoding=encoding, size=size):
                    reader = codecs.getreader(encoding)(io.BytesIO(text.encode(encoding)))
                    lines = []
                    while True:
                        line = reader.readline(size=size)
                        if not line:
                            break
                        lines.append(line)
                    if size == 1:
                        self.assertEqual("".join(lines), text)
                    else:
                        self.assertEqual(lines, ["foo\n", "bar\r\n", "baz\r", "spam\u2028", "eggs"])

    def test_encode_decode_keywords(self):
        import codecs
        self.assertEqual(codecs.encode(obj="\xe4", encoding="latin-1"), b"\xe4")
        self.assertEqual(codecs.decode(obj=b"\xe4", encoding="latin-1"), "\xe4")
        self.assertEqual(codecs.encode("[\xff]", "ascii", errors="ignore"), b"[]")
        with self.assertRaises(TypeError):
            codecs.encode()


class TextBomTest(unittest.TestCase):

    def test_append_after_seeks_writes_no_second_bom(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "f")
            for charset in ("utf-8-sig", "utf-16", "utf-32"):
                with self.subTest(charset=charset):
                    with open(path, "w", encoding=charset) as f:
                        f.write("aaa")
                    with open(path, "a", encoding=charset) as f:
                        f.seek(0)
                        f.seek(0, os.SEEK_END)
                        f.write("xxx")
                    with open(path, "rb") as f:
                        self.assertEqual(f.read(), "aaaxxx".encode(charset))

    def test_reconfigure_mid_stream_writes_no_bom(self):
        raw = io.BytesIO()
        text = io.TextIOWrapper(raw, encoding="ascii", newline="\n")
        text.write("abc\n")
        text.reconfigure(encoding="utf-8-sig")
        text.write("d\xe9f\n")
        text.flush()
        self.assertEqual(raw.getvalue(), b"abc\nd\xc3\xa9f\n")

    def test_bom_at_start_after_seek_zero(self):
        raw = io.BytesIO()
        text = io.TextIOWrapper(raw, encoding="utf-8-sig")
        text.write("a")
        text.seek(0)
        text.write("b")
        text.flush()
        self.assertEqual(raw.getvalue(), b"\xef\xbb\xbfb")


class TextReprTest(unittest.TestCase):

    def test_uninitialized_has_no_repr_detached_has_one(self):
        t = io.TextIOWrapper.__new__(io.TextIOWrapper)
        with self.assertRaisesRegex(ValueError, "uninitialized"):
            repr(t)
        t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        self.assertTrue(repr(t).startswith("<_io.TextIOWrapper encoding='utf-8'"))
        t.detach()
        self.assertEqual(repr(t), "<_io.TextIOWrapper encoding='utf-8'>")


if __name__ == "__main__":
    unittest.main()
