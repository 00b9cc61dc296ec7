"""Registered error handlers with the built-in codecs: where they may
resume, what their replacements may hold, a replaced exc.object; and the
-X dev check of encoding and error handler names.  Expected values are
CPython's."""

import codecs
import io
import subprocess
import sys
import unittest


def register(name, function):
    codecs.register_error(name, function)
    return name


class ResumePosition:
    """Replaces with "<?>" and resumes at `pos` the first time, at the
    end of the input afterwards (so that going back cannot loop)."""

    def __init__(self, pos):
        self.pos = pos

    def __call__(self, exc):
        pos = self.pos
        self.pos = len(exc.object)
        return ("<?>", pos)


class EncodeHandlerTest(unittest.TestCase):

    def test_resume_anywhere(self):
        for encoding in ("ascii", "latin-1", "utf-8"):
            text = "\udcff0" if encoding == "utf-8" else "\u20ac0"
            for pos, expected in ((-1, b"<?>0"), (-2, b"<?><?>"),
                                  (1, b"<?>0"), (2, b"<?>")):
                name = register("lib5a.resume", ResumePosition(pos))
                with self.subTest(encoding=encoding, pos=pos):
                    self.assertEqual(text.encode(encoding, name), expected)
            for pos in (-3, 3):
                name = register("lib5a.resume", ResumePosition(pos))
                self.assertRaises(IndexError, text.encode, encoding, name)

    def test_partial_code_units_refused(self):
        for encoding, replacement in (("utf-16-le", b"a"), ("utf-16-be", b"abc"),
                                      ("utf-32-le", b"ab"),
                                      ("utf-32-be", b"abcde")):
            name = register("lib5a.bytes", lambda exc, r=replacement:
                            (r, exc.end))
            with self.assertRaises(UnicodeEncodeError) as cm:
                "[\udc80]".encode(encoding, name)
            self.assertEqual((cm.exception.start, cm.exception.end), (1, 2))
        name = register("lib5a.bytes", lambda exc: (b"ab", exc.end))
        self.assertEqual("[\udc80]".encode("utf-16-le", name),
                         "[".encode("utf-16-le") + b"ab"
                         + "]".encode("utf-16-le"))

    def test_utf_replacement_must_be_ascii(self):
        name = register("lib5a.snake", lambda exc: ("\U0001f40d", exc.end))
        for encoding in ("utf-8", "utf-16", "utf-32"):
            with self.assertRaises(UnicodeEncodeError) as cm:
                "[\udc80]".encode(encoding, name)
            self.assertEqual((cm.exception.start, cm.exception.end), (1, 2))
        name = register("lib5a.ascii", lambda exc: ("?!", exc.end))
        self.assertEqual("[\udc80]".encode("utf-8", name), b"[?!]")

    def test_charmap_maps_str_replacement(self):
        name = register("lib5a.ligatures", lambda exc: ("\u0153\u0178", exc.end))
        self.assertEqual("[\xa4]".encode("iso-8859-15", name), b"[\xbd\xbe]")
        name = register("lib5a.half", lambda exc: ("\xbd", exc.end))
        with self.assertRaises(UnicodeEncodeError) as cm:
            "[\xa4]".encode("iso-8859-15", name)
        self.assertEqual((cm.exception.start, cm.exception.end), (1, 2))
        name = register("lib5a.raw", lambda exc: (b"\xff", exc.end))
        self.assertEqual("[\xa4]".encode("iso-8859-15", name), b"[\xff]")
        self.assertRaises(UnicodeEncodeError, codecs.charmap_encode, "\xff",
                          register("lib5a.resume", ResumePosition(0)),
                          {0xFF: None})


class DecodeHandlerTest(unittest.TestCase):

    def test_replaced_object_is_decoded(self):
        def longer_input(exc):
            exc.object = b"\x00" * 8
            return ("\ufffd", exc.start)
        name = register("lib5a.longer", longer_input)
        self.assertEqual(b"\x00".decode("utf-16", name),
                         "\ufffd\x00\x00\x00\x00")
        self.assertEqual(b"\x00".decode("utf-32", name), "\ufffd\x00\x00")

    def test_emptied_object_ends_decoding(self):
        def emptied(exc):
            exc.object = b""
            return ("\u4242", 0)
        name = register("lib5a.emptied", emptied)
        for encoding, data in (("ascii", b"\xff"), ("utf-7", b"++"),
                               ("utf-8", b"\xff"), ("utf-16", b"\xff"),
                               ("utf-32", b"\xff"),
                               ("unicode-escape", b"\\u123g"),
                               ("raw-unicode-escape", b"\\u123g")):
            with self.subTest(encoding=encoding):
                self.assertEqual(data.decode(encoding, name), "\u4242")

    def test_replaced_object_must_be_bytes(self):
        def not_bytes(exc):
            exc.object = bytearray(b"abc")
            return ("", exc.start)
        name = register("lib5a.notbytes", not_bytes)
        self.assertRaises(TypeError, b"\xff".decode, "utf-8", name)


class StreamReaderTest(unittest.TestCase):

    def test_readline_negative_size_reads_a_line(self):
        data = "first line\nsecond\n".encode("utf-16")
        reader = codecs.getreader("utf-16")(io.BytesIO(data))
        self.assertEqual(reader.readline(-1), "first line\n")
        self.assertEqual(reader.readline(-1), "second\n")
        self.assertEqual(reader.readline(-1), "")


class DevModeNamesTest(unittest.TestCase):

    def run_python(self, *options, code):
        return subprocess.run([sys.executable, *options, "-c", code],
                              capture_output=True, text=True)

    def test_names_checked_only_in_dev_mode(self):
        code = ("for data in (b'', b'x'):\n"
                "    for kw in ({'encoding': 'Boom'}, {'errors': 'Boom'},\n"
                "               {'encoding': 'gb2312'}):\n"
                "        try:\n"
                "            print(repr(str(data, **kw)))\n"
                "        except LookupError:\n"
                "            print('LookupError')\n")
        dev = self.run_python("-X", "dev", code=code)
        self.assertEqual(dev.stdout.split(), [
            "LookupError", "LookupError", "''",
            "LookupError", "LookupError", "'x'"])
        plain = self.run_python(code=code)
        self.assertEqual(plain.stdout.split(), [
            "''", "''", "''", "LookupError", "'x'", "'x'"])


if __name__ == "__main__":
    unittest.main()
