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

    def test_big5_eten_block(self):
        # Kana, Cyrillic and numbers at C6A1..C7FC, as CPython reads them;
        # the C library's private-use characters there are not Big5.
        for encoding in ("big5", "cp950"):
            self.check(encoding, "\u3042\u30ab\u0401\u0436\u2460\u247d",
                       b"\xc6\xa6\xc7C\xc7\xb3\xc7\xcf\xc7\xe9\xc7\xfc")
            self.assertEqual(b"a\xc6\xa1\xc8\xfeb".decode(encoding, "replace"),
                             "a\u30fe\ufffd\ufffdb")
            with self.assertRaises(UnicodeEncodeError):
                "\uf6b1".encode(encoding)
        self.check("big5", "\u2022\uff0f\xa5", b"\xa1E\xa2A\xa2D")
        for data in (b"\xa3\xe1", b"\xf9\xd6"):
            with self.assertRaises(UnicodeDecodeError):
                data.decode("big5")
        self.assertEqual("\u2022".encode("cp950"), b"\xa1E")
        self.assertEqual(b"\xa1E".decode("cp950"), "\u2027")

    def test_cp932_nec_selected_rows(self):
        # Characters with both an NEC-selected (ED/EE) and an IBM (FA..FC)
        # code are written with the first, as CPython does.
        self.check("cp932", "\u2170\u9ad9", b"\xee\xef\xee\xe0")
        self.assertEqual(b"\xfa\x40\xfb\xfc".decode("cp932"), "\u2170\u9ad9")
        self.assertEqual("\uffe2".encode("cp932"), b"\x81\xca")
        with self.assertRaises(UnicodeEncodeError):
            "\u2014".encode("cp932")

    def test_jisx0213_symbols_and_editions(self):
        self.check("shift_jis_2004", "\u2015\u2985\u2986",
                   b"\x81\\\x81\xd4\x81\xd5")
        self.assertEqual(b"\x81\xb0".decode("shift_jisx0213"), "~")
        self.check("euc_jis_2004", "\u2015\u2985", b"\xa1\xbd\xa2\xd6")
        for encoding in ("shift_jis_2004", "euc_jis_2004", "euc_jisx0213"):
            with self.assertRaises(UnicodeEncodeError):
                "\u2014".encode(encoding)
        # The 2000 editions lack the codes added in 2004.
        self.check("euc_jis_2004", "\u4ff1", b"\xae\xa1")
        self.check("shift_jisx0213", "\u9b1d", b"\xfcZ")
        for encoding, data in (("euc_jisx0213", b"\xae\xa1"),
                               ("shift_jisx0213", b"\x87\x9f")):
            with self.assertRaises(UnicodeEncodeError):
                "\u4ff1".encode(encoding)
            with self.assertRaises(UnicodeDecodeError):
                data.decode(encoding)

    def test_euc_jisx0213_reads_jisx0212(self):
        # JIS X 0212 in the rows plane 2 leaves free, as in euc_jp.
        for encoding in ("euc_jis_2004", "euc_jisx0213"):
            self.check(encoding, "a\u010a\u0110", b"a\x8f\xaa\xaf\x8f\xa9\xa2")
            self.assertEqual(b"\x8f\xa2\xa1".decode(encoding, "replace"),
                             "\ufffd\u25c6")
        self.assertEqual(b"\x8f\xa2\xb7".decode("euc_jp"), "~")
        self.assertEqual("\u010a".encode("iso2022_jp_2004", "replace"), b"?")

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


class ISO2022Test(unittest.TestCase):
    """The ISO-2022 state machine (encodings/_iso2022.py).  Expected
    values are CPython's."""

    def test_designations_chosen(self):
        self.assertEqual("\xa5a".encode("iso2022_jp"), b"\x1b(J\\\x1b(Ba")
        self.assertEqual("\u8fd9".encode("iso2022_jp_2"), b"\x1b$(AUb\x1b(B")
        self.assertEqual("\uac00".encode("iso2022_jp_2"),
                         b"\x1b$(C0!\x1b(B")
        self.assertEqual("\uff71a".encode("iso2022_jp_ext"),
                         b"\x1b(I1\x1b(Ba")
        self.assertEqual("\u304b\u309a".encode("iso2022_jp_2004"),
                         b"\x1b$(Q$w\x1b(B")
        self.assertEqual("\u4ff1".encode("iso2022_jp_3", "replace"), b"?")
        self.assertEqual("\u2985".encode("iso2022_jp_2004"),
                         b"\x1b$(Q\"V\x1b(B")
        # Plane 2's 0x7D3B differs between the 2000 and 2004 editions.
        self.assertEqual("\u9b1d".encode("iso2022_jp_3"), b"\x1b$(P};\x1b(B")
        self.assertEqual("\u9b1c".encode("iso2022_jp_2004"),
                         b"\x1b$(P};\x1b(B")
        self.assertRaises(UnicodeEncodeError, "\u9b1c".encode, "iso2022_jp_3")

    def test_long_runs(self):
        # Runs go to the EUC codecs whole; mixed runs one by one.
        text = ("\u65e5\u672c\u8a9e\u306e\u6587" * 40 + "abc "
                + "\u65e5\uac00\u8fd9" * 10 + "\n")
        for name in ("iso2022_jp_2", "iso2022_jp"):
            try:
                data = text.encode(name)
            except UnicodeEncodeError:
                self.assertEqual(name, "iso2022_jp")
                continue
            self.assertEqual(data.decode(name), text)
            self.assertEqual(data.count(b"\x1b$B"), 11)

    def test_korean_header_only_when_needed(self):
        self.assertEqual("abc".encode("iso2022_kr"), b"abc")
        self.assertEqual("\uac00a".encode("iso2022_kr"),
                         b"\x1b$)C\x0e0!\x0fa")
        self.assertEqual("a\uc0b4".encode("iso2022_kr", "xmlcharrefreplace"),
                         b"a\x1b$)C\x0e;l\x0f")

    def test_decode_escapes(self):
        self.assertEqual(b"ab\x1bdef".decode("iso2022_jp", "replace"),
                         "ab\x1bdef")
        self.assertEqual(b"ab\x1b$def".decode("iso2022_jp", "replace"),
                         "ab\ufffd")
        self.assertEqual(b"ab\x1bNdef".decode("iso2022_jp_2", "replace"),
                         "abdef")
        self.assertEqual(b"ab\x1b.A\x1bNidef".decode("iso2022_jp_2"),
                         "ab\xe9def")
        self.assertEqual(b"\x1b&@\x1b$B$\"".decode("iso2022_jp_ext"),
                         "\u3042")
        self.assertEqual(b"\x1b$B$\"\n$\"".decode("iso2022_jp"),
                         "\u3042\n\u3042")
        self.assertEqual(b"ab\x0e!!\x0fcd".decode("iso2022_kr"), "ab!!cd")
        with self.assertRaises(UnicodeDecodeError) as cm:
            b"ab\x1b$(Dxx".decode("iso2022_jp")
        self.assertEqual((cm.exception.start, cm.exception.end), (2, 6))
        with self.assertRaises(UnicodeDecodeError) as cm:
            (b"ab\x1b(" + b"1" * 20).decode("iso2022_jp")
        self.assertEqual((cm.exception.start, cm.exception.end), (2, 3))

    def test_encoder_state(self):
        encoder = codecs.getincrementalencoder("iso2022_jp")()
        self.assertEqual(encoder.getstate(),
                         int.from_bytes(b"\x00BB", "little"))
        self.assertEqual(encoder.encode("z"), b"z")
        ascii_state = encoder.getstate()
        self.assertEqual(encoder.encode("\u3042"), b"\x1b$B$\"")
        jis_state = encoder.getstate()
        self.assertEqual(jis_state, int.from_bytes(b"\x00\xc2B", "little"))
        self.assertEqual(encoder.encode("z"), b"\x1b(Bz")
        encoder.setstate(jis_state)
        self.assertEqual(encoder.encode("\u3042"), b"$\"")
        encoder.setstate(ascii_state)
        self.assertEqual(encoder.encode("z"), b"z")

    def test_encoder_holds_pair_start(self):
        encoder = codecs.getincrementalencoder("iso2022_jp_2004")()
        self.assertEqual(encoder.encode("\u304b"), b"")
        self.assertEqual(encoder.getstate(), int.from_bytes(
            b"\x03\xe3\x81\x8bBB", "little"))
        self.assertEqual(encoder.encode("\u309a"), b"\x1b$(Q$w")
        self.assertEqual(encoder.encode("", True), b"\x1b(B")

    def test_decoder_state(self):
        decoder = codecs.getincrementaldecoder("iso2022_kr")()
        self.assertEqual(decoder.getstate(),
                         (b"", int.from_bytes(b"BBB", "little")))
        self.assertEqual(decoder.decode(b"\x1b$)C\x0e0"), "")
        state = decoder.getstate()
        self.assertEqual(state, (b"0", int.from_bytes(
            b"B\xc3B\x00\x01", "little")))
        self.assertEqual(decoder.decode(b"!"), "\uac00")
        decoder.setstate(state)
        self.assertEqual(decoder.decode(b"!\n!"), "\uac00\n!")

    def test_setstate_checks(self):
        encoder = codecs.getincrementalencoder("iso2022_jp")()
        with self.assertRaises(UnicodeError):
            encoder.setstate(int.from_bytes(b"\x09" + bytes(16), "little"))
        with self.assertRaises(UnicodeDecodeError):
            encoder.setstate(int.from_bytes(b"\x01\xff", "little"))
        decoder = codecs.getincrementaldecoder("iso2022_jp")()
        self.assertRaises(TypeError, decoder.setstate, 123)
        self.assertRaises(TypeError, decoder.setstate, ("x", 0))
        self.assertRaises(UnicodeError, decoder.setstate, (b"123456789", 0))

    def test_stream_reader_lines(self):
        for name, text in (("iso2022_jp_2", "Python \u306e\u958b\n\uac00 b\n"),
                           ("iso2022_kr", "\ud55c\uad6d\uc5b4\n\uac00 b\n")):
            data = text.encode(name)
            for size in (None, -1, 1, 3):
                reader = codecs.getreader(name)(io.BytesIO(data))
                lines = []
                while True:
                    line = reader.readline(size)
                    if not line:
                        break
                    lines.append(line)
                self.assertEqual("".join(lines), text, (name, size))


class HeldTextTest(unittest.TestCase):
    """Incremental encoders of the C library's converters report and take
    CPython's held-text state."""

    def test_pair_start_held_and_reported(self):
        encoder = codecs.getincrementalencoder("euc_jis_2004")()
        self.assertEqual(encoder.getstate(), 0)
        self.assertEqual(encoder.encode("\u00e6"), b"")
        self.assertEqual(encoder.getstate(),
                         int.from_bytes(b"\x02\xc3\xa6", "little"))
        partial = encoder.getstate()
        self.assertEqual(encoder.encode("\u0300"), b"\xab\xc4")
        self.assertEqual(encoder.getstate(), 0)
        encoder.setstate(partial)
        self.assertEqual(encoder.encode("\u0300"), b"\xab\xc4")

    def test_failed_call_keeps_held_text(self):
        encoder = codecs.getincrementalencoder("euc_jisx0213")()
        self.assertEqual(encoder.encode("\u00e6"), b"")
        self.assertRaises(UnicodeEncodeError, encoder.encode, "\u0123")
        self.assertEqual(encoder.encode("\u0300\u00e6"), b"\xab\xc4")
        self.assertEqual(encoder.encode("", True), b"\xa9\xdc")

    def test_setstate_checks(self):
        encoder = codecs.getincrementalencoder("euc_jp")()
        with self.assertRaises(UnicodeError):
            encoder.setstate(int.from_bytes(b"\x09" + bytes(16), "little"))
        with self.assertRaises(UnicodeDecodeError):
            encoder.setstate(int.from_bytes(b"\x01\xff", "little"))
        decoder = codecs.getincrementaldecoder("euc_jp")()
        decoder.setstate((b"abc", 123456789))
        self.assertEqual(decoder.getstate(), (b"abc", 123456789))

    def test_stream_ending_inside_a_character(self):
        reader = codecs.getreader("cp949")(io.BytesIO(b"\xa1"))
        self.assertRaises(UnicodeDecodeError, reader.read, 2)

    def test_empty_input_needs_no_codec(self):
        for name in ("gb2312", "iso2022_jp", "euc_jis_2004"):
            self.assertEqual(str(b"", name), "")
            self.assertEqual(str(bytearray(), name), "")


if __name__ == "__main__":
    unittest.main()
