"""The multibyte (CJK) codecs: known encodings, error handlers,
incremental and stream use.  Expected bytes are CPython's."""

import codecs
import io
import unittest


class KnownValuesTest(unittest.TestCase):

    def check(self, encoding, text, expected):
        self.assertEqual(text.encode(encoding), expected)
        self.assertEqual(expected.decode(encoding), text)

    def test_japanese(self):
        self.check("shift_jis", "日本語テキスト、カタカナ",
                   b"\x93\xfa\x96{\x8c\xea\x83e\x83L\x83X\x83g\x81A"
                   b"\x83J\x83^\x83J\x83i")
        self.check("cp932", "日本語", b"\x93\xfa\x96{\x8c\xea")
        self.check("euc_jp", "日本語", b"\xc6\xfc\xcb\xdc\xb8\xec")
        self.check("iso2022_jp", "日本語", b"\x1b$BF|K\\8l\x1b(B")
        self.check("iso2022_jp", "日a本",
                   b"\x1b$BF|\x1b(Ba\x1b$BK\\\x1b(B")

    def test_chinese(self):
        self.check("gbk", "中文测试", b"\xd6\xd0\xce\xc4\xb2\xe2\xca\xd4")
        self.check("gb2312", "中文", b"\xd6\xd0\xce\xc4")
        self.check("gb18030", "中文\U0001f600", b"\xd6\xd0\xce\xc4\x949\xfc6")
        self.check("big5", "中文測試", b"\xa4\xa4\xa4\xe5\xb4\xfa\xb8\xd5")

    def test_korean(self):
        self.check("euc_kr", "한국어", b"\xc7\xd1\xb1\xb9\xbe\xee")
        self.check("cp949", "한국어", b"\xc7\xd1\xb1\xb9\xbe\xee")

    def test_ascii_stays_ascii(self):
        # The C library's Shift JIS reads 0x5C and 0x7E as yen sign and
        # overline; CPython's, and so Weft's, as backslash and tilde.
        self.check("shift_jis", "C:\\dir~1", b"C:\\dir~1")
        self.check("johab", "a\\b", b"a\\b")
        self.assertEqual(b"\x81_\x81a".decode("shift_jisx0213"), "\\‖")
        self.assertEqual("\\".encode("shift_jisx0213"), b"\x81_")

    def test_vendor_bytes(self):
        self.check("cp932", "\x80\uf8f0", b"\x80\xa0")
        for encoding in ("euc_kr", "euc_jp", "big5"):
            with self.assertRaises(UnicodeDecodeError):
                b"a\x85".decode(encoding)
        self.assertEqual(b"\x81\x80".decode("gbk"), "亐")
        with self.assertRaises(UnicodeDecodeError):
            b"\x80".decode("gbk")
        with self.assertRaises(UnicodeEncodeError):
            "\u20ac".encode("gbk")

    def test_euc_kr_makeup_sequences(self):
        # Syllables outside KS X 1001 take eight bytes (annex 3).
        self.check("euc_kr", "가쓔a", b"\xb0\xa1\xa4\xd4\xa4\xb6\xa4\xd0\xa4\xd4a")
        self.check("euc_kr", "뷁", b"\xa4\xd4\xa4\xb2\xa4\xce\xa4\xaa")
        self.assertEqual(b"\xa4\xd4\xa4\xb6".decode("euc_kr", "replace"), "\ufffd")

    def test_hz(self):
        self.check("hz", "a中b~\n中", b"a~{VP~}b~~\n~{VP~}")
        self.assertEqual(b"a~{VP~}b~~c~\nd".decode("hz"), "a中b~cd")
        self.assertEqual(b"~{VP".decode("hz"), "中")
        for bad in (b"~x", b"~}", b"\x80", b"~{VP\n"):
            with self.assertRaises(UnicodeDecodeError):
                bad.decode("hz")
        encoder = codecs.getincrementalencoder("hz")()
        self.assertEqual([encoder.encode("中"), encoder.encode("a"),
                          encoder.encode("文"), encoder.encode("", True)],
                         [b"~{VP", b"~}a", b"~{ND", b"~}"])
        self.assertEqual("a€中".encode("hz", "replace"), b"a?~{VP~}")

    def test_aliases(self):
        for alias, name in (("sjis", "shift_jis"), ("SJIS", "shift_jis"),
                            ("eucjp", "euc_jp"), ("cp936", "gbk"),
                            ("euc-cn", "gb2312"), ("ms949", "cp949"),
                            ("csiso2022jp", "iso2022_jp"), ("big5-tw", "big5"),
                            ("hz-gb-2312", "hz")):
            self.assertEqual(codecs.lookup(alias).name, name, alias)


class ErrorHandlingTest(unittest.TestCase):

    def test_encode_errors(self):
        with self.assertRaises(UnicodeEncodeError) as caught:
            "x\U0001f600y".encode("gbk")
        error = caught.exception
        self.assertEqual((error.encoding, error.start, error.end, error.reason),
                         ("gbk", 1, 2, "illegal multibyte sequence"))
        self.assertEqual("a€b".encode("shift_jis", "replace"), b"a?b")
        self.assertEqual("a€b".encode("shift_jis", "ignore"), b"ab")
        self.assertEqual("a€b".encode("shift_jis", "backslashreplace"),
                         b"a\\u20acb")
        self.assertEqual("a€b".encode("shift_jis", "xmlcharrefreplace"),
                         b"a&#8364;b")
        self.assertEqual("\udcff".encode("shift_jis", "surrogateescape"), b"\xff")
        self.assertEqual("a€日".encode("iso2022_jp", "replace"),
                         b"a?\x1b$BF|\x1b(B")

    def test_decode_errors(self):
        with self.assertRaises(UnicodeDecodeError) as caught:
            b"\xff".decode("shift_jis")
        error = caught.exception
        self.assertEqual((error.start, error.end, error.reason),
                         (0, 1, "illegal multibyte sequence"))
        with self.assertRaises(UnicodeDecodeError) as caught:
            b"a\x81".decode("shift_jis")
        self.assertEqual((caught.exception.start, caught.exception.end,
                          caught.exception.reason),
                         (1, 2, "incomplete multibyte sequence"))
        self.assertEqual(b"a\xff".decode("shift_jis", "replace"), "a\ufffd")
        self.assertEqual(b"\x93\xfa\x81".decode("shift_jis", "replace"),
                         "日\ufffd")
        self.assertEqual(b"a\xffb".decode("shift_jis", "ignore"), "ab")
        self.assertEqual(b"a\xffb".decode("shift_jis", "surrogateescape"),
                         "a\udcffb")

    def test_custom_handler(self):
        def handler(error):
            return ("<%d>" % error.start, error.end)
        codecs.register_error("test_cjk.mark", handler)
        self.assertEqual(b"a\xffb".decode("euc_kr", "test_cjk.mark"), "a<1>b")
        self.assertEqual("a\U0001f600b".encode("euc_kr", "test_cjk.mark"), b"a<1>b")


class IncrementalTest(unittest.TestCase):

    def test_decoder_keeps_partial_sequence(self):
        decoder = codecs.getincrementaldecoder("shift_jis")()
        self.assertEqual(decoder.decode(b"\x93"), "")
        self.assertEqual(decoder.decode(b"\xfa"), "日")
        self.assertEqual(decoder.decode(b"\x96", final=False), "")
        with self.assertRaises(UnicodeDecodeError):
            decoder.decode(b"", final=True)

    def test_encoder_keeps_shift_state(self):
        encoder = codecs.getincrementalencoder("iso2022_jp")()
        self.assertEqual(encoder.encode("日"), b"\x1b$BF|")
        self.assertEqual(encoder.encode("本"), b"K\\")
        self.assertEqual(encoder.encode("", final=True), b"\x1b(B")

    def test_byte_at_a_time(self):
        data = "中文測試 mixed text".encode("big5")
        decoder = codecs.getincrementaldecoder("big5")()
        text = "".join(decoder.decode(data[i:i + 1]) for i in range(len(data)))
        self.assertEqual(text + decoder.decode(b"", True), "中文測試 mixed text")

    def test_stream_reader_and_text_file(self):
        raw = "日本語のテキスト\n二行目\n".encode("euc_jp")
        reader = codecs.getreader("euc_jp")(io.BytesIO(raw))
        self.assertEqual(reader.read(1), "日")
        self.assertEqual(reader.readline(), "本語のテキスト\n")
        wrapper = io.TextIOWrapper(io.BytesIO(raw), encoding="euc_jp")
        self.assertEqual(wrapper.readlines(), ["日本語のテキスト\n", "二行目\n"])

    def test_stream_writer(self):
        target = io.BytesIO()
        writer = codecs.getwriter("gbk")(target)
        writer.write("中")
        writer.write("文")
        self.assertEqual(target.getvalue(), b"\xd6\xd0\xce\xc4")


if __name__ == "__main__":
    unittest.main()
