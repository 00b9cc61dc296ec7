s = "Hello, World"
print(s.lower(), s.upper(), s.casefold(), s.capitalize(), s.swapcase(), s.title())
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("W"), s.count("l"), s.count(""), s.startswith(("He", "x")), s.endswith("ld", 0, 12))
try:
    s.index("z")
except ValueError as e:
    print(e)
print(s.split(), s.split(","), s.split("l", 1), s.rsplit("l", 1), "a  b ".split(" "), "".split(), "".split(","))
print("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(True), "x".join(["1", "2", "3"]), "".join([]))
try:
    ",".join([1, 2])
except TypeError as e:
    print(e)
print(s.replace("l", "L"), s.replace("l", "L", 2), s.replace("", "-")[:10], "aaa".replace("a", "b", -1))
print("  pad ".strip(), "xxhixx".strip("x"), "  l".lstrip(), "r  ".rstrip() + "|", "abc".removeprefix("a"), "abc".removesuffix("c"))
print(s.partition(", "), s.rpartition("o"), s.partition("zz"))
print("abc".isalpha(), "ab1".isalnum(), "123".isdigit(), "½".isnumeric(), "  ".isspace(), "Ab".istitle(), "ab".islower(), "_x1".isidentifier(), "1x".isidentifier(), "".isalpha())
print("é€".encode(), "é".encode("latin-1"), b"\xc3\xa9".decode(), "abc".encode("ascii"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
print(b"\xff".decode("utf-8", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "replace"), "€".encode("ascii", "backslashreplace"))
print(s[0], s[-1], s[2:5], s[::-1], s[::3], s[100:], len(s), "ab" * 3, "a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc")
try:
    s[50]
except IndexError as e:
    print(e)
try:
    s[0] = "h"
except TypeError as e:
    print(e)
print(ord("A"), chr(97), "%c" % 128512, "\N{GREEK SMALL LETTER ALPHA}" if False else "α", "\u00e9" == "é", "\x41")
print(str(123), str(-0.0), str(None), str(b"ab"), repr("multi\nline"), str([1, "a"]), "tab\t|")
print("{:>10}|{:<10}|{:^10}".format("€uro", "ü", "中文"), len("中文"), "中文".encode())
print("The quick brown fox".translate(str.maketrans("aeiou", "AEIOU")), str.maketrans({"a": "1"}), "abc".translate({97: None}))
print("a,b,,c".split(","), "a b  c".split(None, 1), "1,2,3".rsplit(",", maxsplit=1), "k=v=w".partition("="))
print("%s|%5.1f|%-4d|%x" % ("s", 2.25, 7, 255), "ab".center(7, "-"), "x".zfill(3), "Ab".ljust(4, "."))
print("a" in "abc", "" in "abc", "ac" in "abc", "abc".__contains__("b"), "aAbB".lower().count("a"))
print(sorted("hello"), sorted(["b", "B", "a", "A"]), max("abc"), min("cab"), list(map(ord, "ab")), "".join(reversed("abc")))
print(repr("'"), repr('"'), repr("'\""), repr("\\n"), ascii("ü"), repr("\x1b"), repr(" \u200b"), repr("\U0001f600"))
print("line1\\nline2", r"raw\n", b"raw\\x00", rb"\d", f"{'q'!a}", "\101\x42\u0043")
words = "the cat sat on the mat the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print("x".join("abc"), "-".join(str(i) for i in range(5)), "abc".upper().lower(), "MiXeD".swapcase())
print("ab".expandtabs(), "\tx".expandtabs(2), "a\tb".expandtabs(), "hello world".title(), "they're".title())
print(str.upper("x"), "abc".index("c", 1), "abcabc".rindex("a"), "abc".find("c", -1), "aaa".count("aa"))
print("%r %a %s" % ("é", "é", "é"), "%.3s" % "abcdef", "%5s|%-5s|" % ("ab", "cd"), "%%")
print("Straße".upper(), "İ".lower() == "i̇", "ß".casefold(), "ﬁ".upper(), len("ﬁ".upper()))
