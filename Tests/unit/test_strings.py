"""str and bytes basics, formatting, print() (was golden strings)."""

import io
import unittest

from unitsupport import TypedCase


class StrMethods(TypedCase):

    def test_case_slicing_split_join(self):
        s = "Hello, World"
        self.assertAllSame([
            (s.lower(), "hello, world"), (s.upper(), "HELLO, WORLD"),
            (s[::-1], "dlroW ,olleH"), (s[1:5], "ello"), (s[-3:], "rld"),
            (s.split(", "), ["Hello", "World"]), ("-".join(["a", "b", "c"]), "a-b-c"),
        ])

    def test_editing_methods(self):
        self.assertAllSame([
            ("abc".replace("b", "XX"), "aXXc"), ("  pad  ".strip(), "pad"),
            ("a,b,,c".split(","), ["a", "b", "", "c"]), ("x".center(5, "."), "..x.."),
            ("Ab".swapcase(), "aB"), ("abc" * 3, "abcabcabc"), ("abc".find("c"), 2),
            ("abc".index("a"), 0), ("hello world".title(), "Hello World"),
            ("12".zfill(5), "00012"),
        ])
        self.assertIn("b", "abc")

    def test_str_of_objects(self):
        self.assertAllSame([
            (str(123), "123"), (str(1.5), "1.5"), (str([1, "a"]), "[1, 'a']"),
            (repr({"k": (1,)}), "{'k': (1,)}"), (str(None), "None"),
        ])


class StrMethodsInDepth(TypedCase):
    """Was golden lang_strings."""

    S = "Hello, World"

    def check_message(self, error, message, fn):
        with self.assertRaises(error) as caught:
            fn()
        self.assertEqual(str(caught.exception), message)

    def test_case_mapping(self):
        s = self.S
        self.assertAllSame([
            (s.lower(), "hello, world"), (s.upper(), "HELLO, WORLD"),
            (s.casefold(), "hello, world"), (s.capitalize(), "Hello, world"),
            (s.swapcase(), "hELLO, wORLD"), (s.title(), "Hello, World"),
            ("Straße".upper(), "STRASSE"), ("ß".casefold(), "ss"), ("ﬁ".upper(), "FI"),
            (len("ﬁ".upper()), 2), ("abc".upper().lower(), "abc"), ("MiXeD".swapcase(), "mIxEd"),
            ("hello world".title(), "Hello World"), ("they're".title(), "They'Re"),
            (str.upper("x"), "X"),
        ])
        self.assertTrue("İ".lower() == "i̇")

    def test_searching(self):
        s = self.S
        self.assertAllSame([
            (s.find("o"), 4), (s.rfind("o"), 8), (s.find("z"), -1), (s.index("W"), 7),
            (s.count("l"), 3), (s.count(""), 13), (s.startswith(("He", "x")), True),
            (s.endswith("ld", 0, 12), True), ("abc".index("c", 1), 2),
            ("abcabc".rindex("a"), 3), ("abc".find("c", -1), 2), ("aaa".count("aa"), 1),
            ("a" in "abc", True), ("" in "abc", True), ("ac" in "abc", False),
            ("abc".__contains__("b"), True), ("aAbB".lower().count("a"), 2),
        ])
        self.check_message(ValueError, "substring not found", lambda: s.index("z"))

    def test_splitting_and_joining(self):
        s = self.S
        self.assertAllSame([
            (s.split(), ["Hello,", "World"]), (s.split(","), ["Hello", " World"]),
            (s.split("l", 1), ["He", "lo, World"]), (s.rsplit("l", 1), ["Hello, Wor", "d"]),
            ("a  b ".split(" "), ["a", "", "b", ""]), ("".split(), []), ("".split(","), [""]),
            ("a\nb\r\nc\rd".splitlines(), ["a", "b", "c", "d"]),
            ("a\nb\n".splitlines(True), ["a\n", "b\n"]),
            ("x".join(["1", "2", "3"]), "1x2x3"), ("".join([]), ""),
            ("a,b,,c".split(","), ["a", "b", "", "c"]), ("a b  c".split(None, 1), ["a", "b  c"]),
            ("1,2,3".rsplit(",", maxsplit=1), ["1,2", "3"]),
            ("k=v=w".partition("="), ("k", "=", "v=w")),
            (s.partition(", "), ("Hello", ", ", "World")),
            (s.rpartition("o"), ("Hello, W", "o", "rld")),
            (s.partition("zz"), ("Hello, World", "", "")),
            ("x".join("abc"), "axbxc"), ("-".join(str(i) for i in range(5)), "0-1-2-3-4"),
        ])
        self.check_message(TypeError, "sequence item 0: expected str instance, int found",
                           lambda: ",".join([1, 2]))

    def test_replacing_stripping_padding(self):
        s = self.S
        self.assertAllSame([
            (s.replace("l", "L"), "HeLLo, WorLd"), (s.replace("l", "L", 2), "HeLLo, World"),
            (s.replace("", "-")[:10], "-H-e-l-l-o"), ("aaa".replace("a", "b", -1), "bbb"),
            ("  pad ".strip(), "pad"), ("xxhixx".strip("x"), "hi"), ("  l".lstrip(), "l"),
            ("r  ".rstrip() + "|", "r|"), ("abc".removeprefix("a"), "bc"),
            ("abc".removesuffix("c"), "ab"), ("ab".center(7, "-"), "---ab--"),
            ("x".zfill(3), "00x"), ("Ab".ljust(4, "."), "Ab.."),
            ("ab".expandtabs(), "ab"), ("\tx".expandtabs(2), "  x"),
            ("a\tb".expandtabs(), "a       b"),
            ("The quick brown fox".translate(str.maketrans("aeiou", "AEIOU")),
             "ThE qUIck brOwn fOx"),
            (str.maketrans({"a": "1"}), {97: "1"}), ("abc".translate({97: None}), "bc"),
        ])

    def test_predicates(self):
        self.assertAllSame([
            ("abc".isalpha(), True), ("ab1".isalnum(), True), ("123".isdigit(), True),
            ("½".isnumeric(), True), ("  ".isspace(), True), ("Ab".istitle(), True),
            ("ab".islower(), True), ("_x1".isidentifier(), True), ("1x".isidentifier(), False),
            ("".isalpha(), False),
        ])

    def test_encoding(self):
        self.assertAllSame([
            ("é€".encode(), b"\xc3\xa9\xe2\x82\xac"), ("é".encode("latin-1"), b"\xe9"),
            (b"\xc3\xa9".decode(), "é"), ("abc".encode("ascii"), b"abc"),
            (b"\xff".decode("utf-8", "replace"), "\ufffd"),
            ("é".encode("ascii", "ignore"), b""), ("é".encode("ascii", "replace"), b"?"),
            ("€".encode("ascii", "backslashreplace"), b"\\u20ac"),
            (len("中文"), 2), ("中文".encode(), b"\xe4\xb8\xad\xe6\x96\x87"),
        ])
        self.check_message(
            UnicodeEncodeError,
            "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)",
            lambda: "é".encode("ascii"))
        self.check_message(
            UnicodeDecodeError,
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
            lambda: b"\xff".decode())

    def test_indexing_comparison_immutability(self):
        s = self.S
        self.assertAllSame([
            (s[0], "H"), (s[-1], "d"), (s[2:5], "llo"), (s[::-1], "dlroW ,olleH"),
            (s[::3], "Hl r"), (s[100:], ""), (len(s), 12), ("ab" * 3, "ababab"),
            ("a" < "b", True), ("Z" < "a", True), ("abc" < "abd", True), ("ab" < "abc", True),
            (sorted("hello"), ["e", "h", "l", "l", "o"]),
            (sorted(["b", "B", "a", "A"]), ["A", "B", "a", "b"]), (max("abc"), "c"),
            (min("cab"), "a"), (list(map(ord, "ab")), [97, 98]),
            ("".join(reversed("abc")), "cba"),
        ])
        self.check_message(IndexError, "string index out of range", lambda: s[50])

        def assign():
            s[0] = "h"
        self.check_message(TypeError, "'str' object does not support item assignment", assign)

    def test_characters_and_escapes(self):
        self.assertAllSame([
            (ord("A"), 65), (chr(97), "a"), ("%c" % 128512, "\U0001f600"),
            ("\u00e9" == "é", True), ("\x41", "A"), ("\101\x42\u0043", "ABC"),
            (len("line1\\nline2"), 12), (r"raw\n", "raw" + "\\" + "n"),
            (len(b"raw\\x00"), 7), (rb"\d", b"\\d"), (f"{'q'!a}", "'q'"),
        ])

    def test_str_and_repr(self):
        self.assertAllSame([
            (str(123), "123"), (str(-0.0), "-0.0"), (str(None), "None"), (str(b"ab"), "b'ab'"),
            (repr("multi\nline"), "'multi\\nline'"), (str([1, "a"]), "[1, 'a']"),
            (repr("'"), "\"'\""), (repr('"'), "'\"'"), (repr("'\""), "'\\'\"'"),
            (repr("\\n"), "'\\\\n'"), (ascii("ü"), "'\\xfc'"), (repr("\x1b"), "'\\x1b'"),
            (repr(" \u200b"), "' \\u200b'"), (repr("\U0001f600"), "'\U0001f600'"),
        ])

    def test_formatting(self):
        self.assertAllSame([
            ("{:>10}|{:<10}|{:^10}".format("€uro", "ü", "中文"),
             "      €uro|ü         |    中文    "),
            ("%s|%5.1f|%-4d|%x" % ("s", 2.25, 7, 255), "s|  2.2|7   |ff"),
            ("%r %a %s" % ("é", "é", "é"), "'é' '\\xe9' é"), ("%.3s" % "abcdef", "abc"),
            ("%5s|%-5s|" % ("ab", "cd"), "   ab|cd   |"),
        ])

    def test_word_count(self):
        counts = {}
        for w in "the cat sat on the mat the end".split():
            counts[w] = counts.get(w, 0) + 1
        self.assertEqual(list(counts.items()), [("the", 3), ("cat", 1), ("sat", 1), ("on", 1),
                                                ("mat", 1), ("end", 1)])
        self.assertEqual(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])),
                         [("the", 3), ("cat", 1), ("end", 1), ("mat", 1), ("on", 1), ("sat", 1)])


class Formatting(TypedCase):

    def test_fstring_specs(self):
        name, n, f = "weft", 42, 3.14159
        self.assertEqual(
            f"{name!r} has {n:5d} items costing {f:.2f} ({n:#x}) {n:>8} {name:*^10}",
            "'weft' has    42 items costing 3.14 (0x2a)       42 ***weft***")
        self.assertEqual(f"{'nested'}", "nested")
        self.assertEqual(f"{1+1=}", "1+1=2")

    def test_percent_and_format(self):
        self.assertEqual("%s is %d years and %.1f%%" % ("x", 10, 99.5),
                         "x is 10 years and 99.5%")
        self.assertEqual("{} {}".format(1, "two"), "1 two")
        self.assertEqual("{0}{1}{0}".format("a", "b"), "aba")


class Bytes(TypedCase):

    def test_bytes_and_bytearray(self):
        self.assertAllSame([
            (b"bytes" + b"!", b"bytes!"), (bytes([65, 66]), b"AB"),
            (bytearray(b"ab"), bytearray(b"ab")), ("é".encode(), b"\xc3\xa9"),
            (b"\xc3\xa9".decode(), "é"), (repr(bytearray(b"ab")), "bytearray(b'ab')"),
            (repr("é".encode()), "b'\\xc3\\xa9'"),
        ])


class PrintAndIterationBuiltins(TypedCase):

    def capture(self, *args, **kwargs):
        out = io.StringIO()
        print(*args, file=out, **kwargs)
        return out.getvalue()

    def test_print_sep_and_end(self):
        out = io.StringIO()
        for i, ch in enumerate("ab"):
            print(i, ch, end=";", file=out)
        print(file=out)
        self.assertEqual(out.getvalue(), "0 a;1 b;\n")
        self.assertEqual(self.capture(*[1, 2, 3], sep=" | ", end=" <end>\n"),
                         "1 | 2 | 3 <end>\n")
        self.assertEqual(self.capture(1, "a", None), "1 a None\n")

    def test_sorted_reversed_map_filter_zip(self):
        self.assertAllSame([
            (sorted("banana"), ["a", "a", "a", "b", "n", "n"]),
            (sorted([3, 1, 2], reverse=True), [3, 2, 1]),
            (sorted(["bb", "a", "ccc"], key=len), ["a", "bb", "ccc"]),
            (list(reversed([1, 2, 3])), [3, 2, 1]), (list(map(str, [1, 2])), ["1", "2"]),
            (list(filter(None, [0, 1, 2])), [1, 2]),
            (list(zip("ab", [1, 2])), [("a", 1), ("b", 2)]),
            (list(enumerate("ab")), [(0, "a"), (1, "b")]),
        ])


if __name__ == "__main__":
    unittest.main()
