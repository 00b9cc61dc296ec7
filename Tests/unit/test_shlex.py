"""shlex: split in POSIX and compatibility modes, quote, join, the shlex
lexer (was golden shlex_basic)."""

import shlex
import unittest

SPLIT_CASES = [
    # (text, split(), split(comments=True), split(posix=False))
    ('a "b c"', ['a', 'b c'], ['a', 'b c'], ['a', '"b c"']),
    ("a 'b c' d", ['a', 'b c', 'd'], ['a', 'b c', 'd'], ['a', "'b c'", 'd']),
    ('a\\ b c', ['a b', 'c'], ['a b', 'c'], ['a\\', 'b', 'c']),
    ('"a \\" b"', ['a " b'], ['a " b'], ['"a \\"', 'b"']),
    ("'a \\' b", ['a \\', 'b'], ['a \\', 'b'], ["'a \\'", 'b']),
    ('x#y z', ['x#y', 'z'], ['x'], ['x#y', 'z']),
    ('a # comment', ['a', '#', 'comment'], ['a'], ['a', '#', 'comment']),
    ('', [], [], []),
    ('  ', [], [], []),
    ('"\\\\"', ['\\'], ['\\'], ['"\\\\"']),
    ('a\\\\b', ['a\\b'], ['a\\b'], ['a\\\\b']),
    ('foo="bar baz"', ['foo=bar baz'], ['foo=bar baz'], ['foo="bar', 'baz"']),
    ("a'b'c", ['abc'], ['abc'], ["a'b'c"]),
    ('"a"\'b\'c', ['abc'], ['abc'], ['"a"', "'b'", 'c']),
    ('"\\$x\\n"', ['\\$x\\n'], ['\\$x\\n'], ['"\\$x\\n"']),
    ('ab;cd|ef', ['ab;cd|ef'], ['ab;cd|ef'], ['ab;cd|ef']),
]

QUOTES = [
    ("", "''"), ("abc", "abc"), ("a b", "'a b'"), ("it's", "'it'\"'\"'s'"), ("x$y", "'x$y'"),
    ("ü", "'ü'"), ("-f", "-f"), ("a@b%c+d=e:f,g./h-", "a@b%c+d=e:f,g./h-"),
]


class Split(unittest.TestCase):

    def test_modes(self):
        for text, posix, comments, compat in SPLIT_CASES:
            with self.subTest(text=text):
                self.assertEqual(shlex.split(text), posix)
                self.assertEqual(shlex.split(text, comments=True), comments)
                self.assertEqual(shlex.split(text, posix=False), compat)

    def test_errors(self):
        for text, message in [('"unterminated', "No closing quotation"),
                              ("a\\", "No escaped character")]:
            with self.subTest(text=text):
                with self.assertRaises(ValueError) as caught:
                    shlex.split(text)
                self.assertEqual(str(caught.exception), message)
        with self.assertRaises(ValueError) as caught:
            shlex.split(None)
        self.assertEqual(str(caught.exception), "s argument must not be None")


class QuoteAndJoin(unittest.TestCase):

    def test_quote(self):
        for text, expected in QUOTES:
            with self.subTest(text=text):
                self.assertEqual(shlex.quote(text), expected)
        with self.assertRaises(TypeError) as caught:
            shlex.quote(3)
        self.assertEqual(str(caught.exception), "expected string object, got 'int'")

    def test_join(self):
        self.assertEqual(shlex.join(["a b", "c'd", "e"]), "'a b' 'c'\"'\"'d' e")


class Lexer(unittest.TestCase):

    def test_punctuation_chars(self):
        self.assertEqual(list(shlex.shlex("a && b || c; (d)", punctuation_chars=True)),
                         ["a", "&&", "b", "||", "c", ";", "(", "d", ")"])
        lexer = shlex.shlex('echo "hi there" ~/x.txt -f=3', posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        self.assertEqual(list(lexer), ["echo", "hi there", "~/x.txt", "-f=3"])

    def test_default_lexer(self):
        self.assertEqual(list(shlex.shlex("a = b, c")), ["a", "=", "b", ",", "c"])


if __name__ == "__main__":
    unittest.main()
