# marshal.dumps is byte-identical to CPython's for every non-code type, in
# every format version.  Each value is held by the `values` list while it
# is dumped (so a shared object gets FLAG_REF, as in CPython), and the
# items inside containers are built at run time so that only their
# container refers to them.
import marshal


def fresh(text):
    # A new str object, not a compiler constant.
    return "".join(list(text))


def hexdump(data):
    return " ".join("%02x" % b for b in data)


big = 1
for _ in range(5):
    big = big * 1000003 + 7
values = [
    ("None", None),
    ("True", True),
    ("False", False),
    ("Ellipsis", ...),
    ("StopIteration", StopIteration),
    ("small int", 7),
    ("negative int", -1),
    ("int32 max", 2147483647),
    ("int32 min", -2147483648),
    ("2**31", 2147483648),
    ("-2**31-1", -2147483649),
    ("2**62", 2 ** 62),
    ("big", big),
    ("-big", -big),
    ("2**200", 2 ** 200),
    ("float", 1.5),
    ("float -0.0", -0.0),
    ("float inf", float("inf")),
    ("float 1e300", 1e300),
    ("float third", 1 / 3),
    ("complex", complex(2.5, -1.0)),
    ("bytes", b"ab\x00\xff"),
    ("empty bytes", b""),
    ("bytearray", bytearray(b"xyz")),
    ("ascii str", fresh("hello world")),
    ("empty str", fresh("")),
    ("long ascii", fresh("a") * 300),
    ("latin-1 str", fresh("caf\xe9")),
    ("bmp str", fresh("\u20ac sign")),
    ("astral str", fresh("\U0001f600!")),
    ("surrogate", fresh("x\udc80y")),
    ("tuple", (1, fresh("two"), float(fresh("3.0")))),
    ("empty tuple", ()),
    ("big tuple", tuple(range(300))),
    ("list", [None, [True], fresh("ss")]),
    ("dict", {fresh("kk"): [1], 2: fresh("vv")}),
    ("set", {3, 1, 2, 100, 50, -7, 256}),
    ("str set", {fresh("bb"), fresh("aa"), fresh("c b")}),
    ("frozenset", frozenset({tuple([1, 2]), tuple([3]), 9})),
    ("empty frozenset", frozenset()),
    ("nested", tuple([tuple([tuple([1])])])),
]

for version in range(5):
    print("== version", version)
    for label, value in values:
        print(label + ":", hexdump(marshal.dumps(value, version)))

# Sharing (version 3+): a value held twice is written once, then referred
# to by index.
shared = fresh("shared text")
pair = [shared, shared, (shared,)]
print("shared v4:", hexdump(marshal.dumps(pair, 4)))
print("shared v2:", hexdump(marshal.dumps(pair, 2)))
inner = [1]
outer = [inner, inner, {fresh("kk"): inner}]
print("shared list:", hexdump(marshal.dumps(outer)))

# Recursive containers need references.
rec = []
rec.append(rec)
print("recursive list:", hexdump(marshal.dumps(rec)))
d = {}
d[fresh("self")] = d
print("recursive dict:", hexdump(marshal.dumps(d)))

# Interned strings keep their interned form.
import sys
name = sys.intern(fresh("an_identifier"))
names = [name, name]
print("interned v4:", hexdump(marshal.dumps(names, 4)))
print("interned v3:", hexdump(marshal.dumps(names, 3)))
wide = sys.intern(fresh("\xe9t\xe9"))
wides = [wide, wide]
print("interned non-ascii v4:", hexdump(marshal.dumps(wides, 4)))
print("interned non-ascii v2:", hexdump(marshal.dumps(wides, 2)))

# Version 5 adds slices; earlier versions refuse them.
cut = slice(1, fresh("stop"), None)
print("slice v5:", hexdump(marshal.dumps(cut, 5)))
held = (slice(None, int(fresh("2")), -1), 5)
print("slice in tuple:", hexdump(marshal.dumps(held)))
try:
    marshal.dumps(cut, 4)
except ValueError as e:
    print("slice v4:", e)

# The module's version and the default.
print("version:", marshal.version)
print("default is latest:", marshal.dumps(values) == marshal.dumps(values, marshal.version))
