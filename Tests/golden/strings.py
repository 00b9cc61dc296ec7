s = "Hello, World"
print(s.lower(), s.upper(), s[::-1], s[1:5], s[-3:], s.split(", "), "-".join(["a", "b", "c"]))
name, n, f = "weft", 42, 3.14159
print(f"{name!r} has {n:5d} items costing {f:.2f} ({n:#x}) {n:>8} {name:*^10}")
print("%s is %d years and %.1f%%" % ("x", 10, 99.5), "{} {}".format(1, "two"), "{0}{1}{0}".format("a", "b"))
print("abc".replace("b", "XX"), "  pad  ".strip(), "a,b,,c".split(","), "x".center(5, "."), "Ab".swapcase())
print("abc" * 3, "b" in "abc", "abc".find("c"), "abc".index("a"), "hello world".title(), "12".zfill(5))
print(str(123), str(1.5), str([1, "a"]), repr({"k": (1,)}), str(None), f"{'nested'}", f"{1+1=}")
print(b"bytes" + b"!", bytes([65, 66]), bytearray(b"ab"), "é".encode(), b"\xc3\xa9".decode())
for i, ch in enumerate("ab"):
    print(i, ch, end=";")
print()
print(*[1, 2, 3], sep=" | ", end=" <end>\n")
print(sorted("banana"), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(list(reversed([1, 2, 3])), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), list(zip("ab", [1, 2])))
