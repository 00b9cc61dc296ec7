# str.split() without a separator and str.splitlines(): the one-byte fast
# paths must agree with the general ones (Latin-1 spaces and line breaks,
# maxsplit, subclasses, strings that need no splitting).
class S(str):
    pass

cases = ["", " ", "a", " a ", "a b  c", "\t a\n\x0bb\x0c c\r\x1cd\x1fe ",
         "x\xa0y\x85z\xe9", "caf\xe9 \xe9t\xe9", "a\u2003b \u4e00 c", "\U0001f600 x",
         "no_space_at_all", "  lead", "trail  "]
for text in cases:
    print(repr(text), text.split(), [text.split(maxsplit=n) for n in (0, 1, 2)],
          text.rsplit(maxsplit=1))
for text in cases + ["a\nb\r\nc\rd\x1ce\x1df\x1eg\x85h\x0bi\x0cj\u2028k\u2029l",
                     "x\n", "\n\n", "\r\n\r", "caf\xe9\r\n"]:
    print(repr(text), text.splitlines(), text.splitlines(True))

word = "solitary"
print(word.split()[0] is word, word.splitlines()[0] is word)
sub = S("sub word")
parts = sub.split()
print(parts, [type(p).__name__ for p in parts])
single = S("single")
print(type(single.split()[0]).__name__, single.split()[0] is single,
      type(single.splitlines()[0]).__name__)
print(" ".join("a b c".split()), len(("w " * 1000).split()))

# isalpha()/isalnum(): the ASCII shortcut against the Unicode tables.
for text in ["", "a", "Z", "az09", "abc", "ab c", "@", "[", "`", "{", "_", "0", "9/",
             "\xe9", "\xb2", "\u0661", "a\u0300", "\u2167", S("sub")]:
    print(repr(text), text.isalpha(), text.isalnum())
print("".join(chr(c) for c in range(128) if chr(c).isalpha()))
print("".join(chr(c) for c in range(128) if chr(c).isalnum()))
