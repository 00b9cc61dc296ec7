"""The idna and punycode codecs report errors as CPython 3.13: a
UnicodeEncodeError/UnicodeDecodeError named "idna" whose object is the
whole input and whose range is the offending label or character."""

import codecs
import unittest

from encodings.idna import nameprep


class IdnaErrors(unittest.TestCase):

    def assert_error(self, cm, cls, obj, start, end):
        exc = cm.exception
        self.assertIs(type(exc), cls)
        self.assertEqual((exc.encoding, exc.object, exc.start, exc.end),
                         ("idna", obj, start, end))

    def test_decode_positions(self):
        for data, start in ((b"pyt\xffhon.org", 3), (b"python.org\xff", 10),
                            (b"xn--pythn-m&ua.org", 11),
                            (b"a.xn--pythn-mua&.org", 15)):
            with self.subTest(data=data):
                with self.assertRaises(UnicodeDecodeError) as cm:
                    data.decode("idna")
                self.assert_error(cm, UnicodeDecodeError, data, start,
                                  start + 1)

    def test_incremental_decode_reports_bad_byte_at_once(self):
        decoder = codecs.getincrementaldecoder("idna")()
        self.assertEqual(decoder.decode(b"python."), "python.")
        with self.assertRaises(UnicodeDecodeError) as cm:
            decoder.decode(b"o\xff")
        self.assert_error(cm, UnicodeDecodeError, b"o\xff", 1, 2)

    def test_label_length(self):
        with self.assertRaisesRegex(UnicodeDecodeError, "way too long"):
            (b"xn--016c" + b"a" * 1100).decode("idna")
        text = "foo." + "\xff" * 60
        with self.assertRaises(UnicodeEncodeError) as cm:
            text.encode("idna")
        self.assert_error(cm, UnicodeEncodeError, text, 4, 64)
        with self.assertRaisesRegex(UnicodeEncodeError, "label empty"):
            "a..b".encode("idna")

    def test_ace_prefix_is_case_insensitive(self):
        self.assertEqual(b"XN--pythn-mua.org.".decode("idna"), "pyth\xf6n.org.")

    def test_nameprep_positions(self):
        with self.assertRaises(UnicodeEncodeError) as cm:
            nameprep("ab\u1680c")
        self.assert_error(cm, UnicodeEncodeError, "ab\u1680c", 2, 3)
        with self.assertRaises(UnicodeEncodeError) as cm:
            nameprep("\u0627a")
        self.assertEqual((cm.exception.start, cm.exception.reason),
                         (1, "Violation of BIDI requirement 2"))

    def test_punycode_non_ascii_base(self):
        data = b"Pro\xffprostnemluvesky-uyb24dma41a"
        with self.assertRaises(UnicodeDecodeError) as cm:
            data.decode("punycode")
        self.assertEqual((cm.exception.encoding, cm.exception.object,
                          cm.exception.start), ("ascii", data, 3))


if __name__ == "__main__":
    unittest.main()
