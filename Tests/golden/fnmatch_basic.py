# fnmatch: matching, case, filter, bytes, and translate()'s exact regexes.
import fnmatch
import re

cases = [
    ("abc", "abc"), ("abc", "?*?"), ("abc", "???*"), ("abc", "*???"),
    ("abc", "???"), ("abc", "*"), ("abc", "ab[cd]"), ("abc", "ab[!de]"),
    ("abc", "ab[de]"), ("a", "??"), ("a", "b"), ("\\", "[\\]"),
    ("a", "[!\\]"), ("\\", "[!\\]"), ("foo\nbar", "foo*"), ("foo\nbar\n", "foo*"),
    ("\nfoo", "*foo"), ("\n", "*"), ("a.txt", "*.txt"), ("a.txtx", "*.txt"),
    ("[", "["), ("[abc", "[abc"), ("]", "[]]"), ("a", "[]a]"), ("-", "[a-]"),
    ("b", "[a-c]"), ("d", "[a-c]"), ("b", "[!a-c]"), ("d", "[!a-c]"),
    ("b", "[z-a]"), ("x", "[!]"), ("[!]", "[!]"), ("a", "[a-c-e]"),
    ("-", "[a-c-e]"), ("d", "[a-c-e]"), ("e", "[a-c-e]"), ("&", "[&&]"),
    ("^", "[^]"), ("aXbYc", "a*b*c"), ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "*a*a*a*a*a*a*a*a*a*a*b"),
]
for name, pat in cases:
    print(repr(name), repr(pat), fnmatch.fnmatch(name, pat), fnmatch.fnmatchcase(name, pat))

print(fnmatch.fnmatch("ABC", "abc"), fnmatch.fnmatchcase("ABC", "abc"))
print(fnmatch.fnmatchcase(b"abc", b"a?c"), fnmatch.fnmatchcase(b"\xff", b"[\xfe-\xff]"))
print(fnmatch.filter(["a.py", "b.txt", "c.py", ".py"], "*.py"))
print(fnmatch.filter(iter([b"x1", b"y2"]), b"x?"))
print(fnmatch.filter([], "*"))
try:
    fnmatch.fnmatchcase("abc", b"abc")
except TypeError:
    print("TypeError")

for pat in ["*.txt", "a*b*c", "*a*b*", "[abc]", "[!a-c]", "[a-]", "[]]",
            "[!]]", "[z-a]", "[a-c-e]", "x[", "**", "?", "[\\]", "[&&]",
            "[^x]", "[[]", "[!]", "[a-z--/]", "[!-a]", "[--a]", "[a-c-]",
            "[b-a-c]", "[c-a-e]", "a**?**b", "[||~~]", "\t #.+", "", "abc"]:
    regex = fnmatch.translate(pat)
    print(repr(pat), repr(regex), re.compile(regex) is not None)
