# The regular-expression engine's fast paths: per-set bitmaps for the
# characters 0..255 (with the slow path above 255, case folding and the
# locale), the first-character skip of a search, and the ASCII shortcut of
# \w, \d and \b.  Each case compares the fast path with a case it must not
# change.
import re

def show(label, value):
    print(label, repr(value))

# Sets: members below 256, above 255, negated, case-insensitive.
show("set latin", re.findall(r"[a-c\xe9]+", "abc\xe9 d \xe9\xe9 cab"))
show("set wide", re.findall(r"[a\u0100-\u0102]+", "a\u0100\u0101 b \u0103 \u0102a"))
show("set negated", re.findall(r"[^a-z ]+", "ab12 cd\xe9\u20ac x!"))
show("set ignorecase", re.findall(r"(?i)[a-c]+", "ABCabc dD Cb"))
show("set ignorecase fold", re.findall(r"(?i)[k]", "kK\u212a x"))
show("set ignorecase sigma", re.findall(r"(?i)[\u03c3]", "\u03a3\u03c3\u03c2 s"))
show("set micro", re.findall(r"(?i)[\u03bc]", "\xb5 \u039c \u03bc m"))
show("set ascii ignorecase", re.findall(r"(?ai)[k]", "kK\u212a"))
show("set category word", re.findall(r"[\w.]+", "a.b \xe9t\xe9 \u0430\u0431 _x1 -"))
show("set category ascii word", re.findall(r"(?a)[\w]+", "ab \xe9t\xe9 x_1"))
show("set digits", re.findall(r"[\d]+", "12 \u0661\u0662 x3"))
show("set ascii digits", re.findall(r"(?a)[\d]+", "12 \u0661\u0662 x3"))
show("set spaces", re.split(r"[\s]+", "a \t b\u2003c\x1cd"))
show("set bytes", re.findall(rb"[\x80-\xff]+", b"ab\x80\xff cd \xfe"))
show("set bytes locale", re.findall(rb"(?L)[\w]+", b"ab cd_1 -"))
show("set 2-byte subject", re.findall(r"[a-z]+", "ab\u0100cd \u4e00ef"))
show("set 4-byte subject", re.findall(r"[a-z]+", "ab\U0001f600cd ef"))

# The first-character skip: a search starts only where the first
# consuming instruction can match, after zero-width marks and positions.
show("first set", [m.span() for m in re.finditer(r"\b(\d+)x", "a 12x 3x 45y 6x")])
show("first literal", re.search(r"(q)u", "aaaaqaqu").span())
show("first repeat", re.findall(r"[0-9]{2,}", "1 22 333 4"))
show("first optional", re.findall(r"x*y", "ayxyxxy"))
show("first empty", [m.span() for m in re.finditer(r"\d*", "a1b")])
show("first anchored", re.search(r"^y", "x" * 50))
show("first multiline", re.findall(r"(?m)^(\w)", "ab\ncd\n\nef"))
show("first lookbehind", re.findall(r"(?<=a)b", "abcbab"))
show("first alternation", re.findall(r"cat|dog", "hotdog catalog"))
show("first ignorecase", re.findall(r"(?i)Q\w", "aqb Qc qD"))
show("first at end", re.search(r"[a-z]", "123"))
show("first endpos", re.compile(r"[a-z]+").search("12abc", 0, 3))
show("first pos", re.compile(r"[a-z]").search("ab", 2))
show("first wide", re.search(r"\u0100+", "ab\u0100\u0100c").span())
show("first not literal", re.findall(r"[^x]y", "xyay"))
show("first any", re.findall(r".b", "\nbab"))

# \b and \w: ASCII below 128, the tables above.
show("boundary", re.findall(r"\b\w+\b", "h\xe9llo w\u00f6rld _x 42"))
show("boundary ascii", re.findall(r"(?a)\b\w+\b", "h\xe9llo w\u00f6rld"))
show("non-boundary", re.findall(r"\B\w", "ab c"))
show("word unicode digits", re.findall(r"\w+", "\u0661\u0662 \xb2 \u2167"))
show("digit unicode", re.findall(r"\d", "1\u0661\xb2\u2167"))
show("sub", re.sub(r"[aeiou]", "", "education \xe9a"))
show("split", re.split(r"\s+", " a  b\tc\n"))

# Case-insensitive literals and sets beyond Latin-1 keep working through
# the slow path.
show("wide ignorecase", re.findall(r"(?i)[\u0430-\u044f]+", "\u041f\u0440\u0438\u0432\u0435\u0442 abc"))
show("catastrophic", re.match(r"(a+)+b", "a" * 18) is None)
