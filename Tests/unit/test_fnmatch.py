"""fnmatch: matching, case, filter, bytes, and translate()'s exact
regular expressions (was golden fnmatch_basic)."""

import fnmatch
import re
import unittest

# (name, pattern, matches): fnmatch and fnmatchcase agree on all of them.
MATCH_CASES = [
    ('abc', 'abc', True),
    ('abc', '?*?', True),
    ('abc', '???*', True),
    ('abc', '*???', True),
    ('abc', '???', True),
    ('abc', '*', True),
    ('abc', 'ab[cd]', True),
    ('abc', 'ab[!de]', True),
    ('abc', 'ab[de]', False),
    ('a', '??', False),
    ('a', 'b', False),
    ('\\', '[\\]', True),
    ('a', '[!\\]', True),
    ('\\', '[!\\]', False),
    ('foo\nbar', 'foo*', True),
    ('foo\nbar\n', 'foo*', True),
    ('\nfoo', '*foo', True),
    ('\n', '*', True),
    ('a.txt', '*.txt', True),
    ('a.txtx', '*.txt', False),
    ('[', '[', True),
    ('[abc', '[abc', True),
    (']', '[]]', True),
    ('a', '[]a]', True),
    ('-', '[a-]', True),
    ('b', '[a-c]', True),
    ('d', '[a-c]', False),
    ('b', '[!a-c]', False),
    ('d', '[!a-c]', True),
    ('b', '[z-a]', False),
    ('x', '[!]', False),
    ('[!]', '[!]', True),
    ('a', '[a-c-e]', True),
    ('-', '[a-c-e]', True),
    ('d', '[a-c-e]', False),
    ('e', '[a-c-e]', True),
    ('&', '[&&]', True),
    ('^', '[^]', True),
    ('aXbYc', 'a*b*c', True),
    ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '*a*a*a*a*a*a*a*a*a*a*b', False),
]

TRANSLATIONS = [
    ('*.txt', '(?s:.*\\.txt)\\z'),
    ('a*b*c', '(?s:a(?>.*?b).*c)\\z'),
    ('*a*b*', '(?s:(?>.*?a)(?>.*?b).*)\\z'),
    ('[abc]', '(?s:[abc])\\z'),
    ('[!a-c]', '(?s:[^a-c])\\z'),
    ('[a-]', '(?s:[a\\-])\\z'),
    ('[]]', '(?s:[]])\\z'),
    ('[!]]', '(?s:[^]])\\z'),
    ('[z-a]', '(?s:(?!))\\z'),
    ('[a-c-e]', '(?s:[a-c\\-e])\\z'),
    ('x[', '(?s:x\\[)\\z'),
    ('**', '(?s:.*)\\z'),
    ('?', '(?s:.)\\z'),
    ('[\\]', '(?s:[\\\\])\\z'),
    ('[&&]', '(?s:[\\&\\&])\\z'),
    ('[^x]', '(?s:[\\^x])\\z'),
    ('[[]', '(?s:[\\[])\\z'),
    ('[!]', '(?s:\\[!\\])\\z'),
    ('[a-z--/]', '(?s:[a-z\\--/])\\z'),
    ('[!-a]', '(?s:[^\\-a])\\z'),
    ('[--a]', '(?s:[\\--a])\\z'),
    ('[a-c-]', '(?s:[a-c\\-])\\z'),
    ('[b-a-c]', '(?s:[\\-c])\\z'),
    ('[c-a-e]', '(?s:[\\-e])\\z'),
    ('a**?**b', '(?s:a(?>.*?.).*b)\\z'),
    ('[||~~]', '(?s:[\\|\\|\\~\\~])\\z'),
    ('\t #.+', '(?s:\\\t\\ \\#\\.\\+)\\z'),
    ('', '(?s:)\\z'),
    ('abc', '(?s:abc)\\z'),
]


class FnmatchTests(unittest.TestCase):

    def test_match_cases(self):
        for name, pattern, expected in MATCH_CASES:
            with self.subTest(name=name, pattern=pattern):
                self.assertIs(fnmatch.fnmatch(name, pattern), expected)
                self.assertIs(fnmatch.fnmatchcase(name, pattern), expected)

    def test_case_and_bytes(self):
        # Case folding follows os.path.normcase: none on POSIX.
        self.assertIs(fnmatch.fnmatch("ABC", "abc"), False)
        self.assertIs(fnmatch.fnmatchcase("ABC", "abc"), False)
        self.assertIs(fnmatch.fnmatchcase(b"abc", b"a?c"), True)
        self.assertIs(fnmatch.fnmatchcase(b"\xff", b"[\xfe-\xff]"), True)
        with self.assertRaises(TypeError):
            fnmatch.fnmatchcase("abc", b"abc")

    def test_filter(self):
        self.assertEqual(fnmatch.filter(["a.py", "b.txt", "c.py", ".py"], "*.py"),
                         ["a.py", "c.py", ".py"])
        self.assertEqual(fnmatch.filter(iter([b"x1", b"y2"]), b"x?"), [b"x1"])
        self.assertEqual(fnmatch.filter([], "*"), [])

    def test_translate(self):
        for pattern, expected in TRANSLATIONS:
            with self.subTest(pattern=pattern):
                regex = fnmatch.translate(pattern)
                self.assertEqual(regex, expected)
                self.assertIsNotNone(re.compile(regex))


if __name__ == "__main__":
    unittest.main()
