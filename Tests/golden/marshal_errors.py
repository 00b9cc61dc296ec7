# Bad input to marshal raises EOFError, ValueError or TypeError with
# CPython's messages, and never crashes; unsupported values and deep
# nesting are refused.
import marshal


def show(data):
    try:
        value = marshal.loads(data)
    except (EOFError, ValueError, TypeError) as e:
        print(repr(data)[:40], "->", type(e).__name__ + ":", e)
    else:
        print(repr(data)[:40], "->", repr(value)[:50])


for data in [
    b"",
    b"i",
    b"i\x01\x00",
    b"s\x05\x00\x00\x00ab",
    b"s\xff\xff\xff\xff",
    b"?",
    b"\x01",
    b"(\x02\x00\x00\x00i\x01\x00\x00\x00",
    b"(\xff\xff\xff\x7fN",
    b"(\xff\xff\xff\xff",
    b"[\xff\xff\xff\xff",
    b")\x03N",
    b")",
    b"r\x00\x00\x00\x00",
    # A tuple referring to itself: CPython builds it; Weft refuses it,
    # since a reference to an unfinished tuple (NULL items) could be
    # hashed or compared before the tuple is complete.
    b"\xa9\x01r\x00\x00\x00\x00",
    b"\xdb\x01\x00\x00\x00r\x00\x00\x00\x00",
    b"l\x01\x00\x00\x00\x00\x80",
    b"l\x02\x00\x00\x00\x01\x00\x00\x00",
    b"l\x00\x00\x00\x80",
    b"l\x05\x00\x00\x00\x01\x00",
    b"l\xfe\xff\xff\xff\x01\x00\x01\x00",
    b"<\xff\xff\xff\xff",
    b"<\x01\x00\x00\x00[\x00\x00\x00\x00",
    b")\x010",
    b"[\x01\x00\x00\x000",
    b"<\x01\x00\x00\x000",
    b"{N0",
    b"{i\x01\x00\x00\x00",
    b"{[\x00\x00\x00\x00N0",
    b"u\x02\x00\x00\x00\xff\xfe",
    b"a\xff\xff\xff\xff",
    b"z\x05ab",
    b"z",
    b"z\x03\xe9t\xe9",
    b"f\x03abc",
    b"f",
    b"f\x031.5",
    b"g\x01",
    b"y\x00\x00\x00\x00\x00\x00\xf0?",
    b"I\x01\x00\x00\x00\x00\x00\x00\x80",
    b"0",
    b"NN",
    b"\xceN",
    b"c",
    b"c\x00\x00\x00\x00",
]:
    show(data)

# Nesting: 2000 levels are fine, deeper is refused on both sides.
ok = b"[\x01\x00\x00\x00" * 1999 + b"N"
depth = 0
value = marshal.loads(ok)
while isinstance(value, list):
    value = value[0]
    depth += 1
print("nesting 1999 ok:", depth)
try:
    marshal.loads(b"[\x01\x00\x00\x00" * 2100 + b"N")
except ValueError as e:
    print("deep load:", e)
deep = []
for _ in range(2100):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print("deep dump:", e)
# Set items are sorted by their own marshalled form, computed by a nested
# writer: nesting is bounded across both, and is fast (CPython 3.11 takes
# exponential time here).
chain = frozenset()
for _ in range(2100):
    chain = frozenset([chain])
try:
    marshal.dumps(chain)
except ValueError as e:
    print("deep frozenset:", e)
wide = frozenset()
for _ in range(400):
    wide = frozenset([wide, (wide,)])
print("shared nested frozensets:", len(marshal.loads(marshal.dumps(wide))))


class MyInt(int):
    pass


class MyStr(str):
    pass


for value in [object(), MyInt(3), MyStr("s"), {1: object()}, [len],
              (1, {2: (3, type)}), range(3), 1 .__add__]:
    try:
        marshal.dumps(value)
    except ValueError as e:
        print(type(value).__name__, "->", e)


class MyBytes(bytes):
    pass


print(marshal.dumps(MyBytes(b"ok")))

# Unhashable set members and dict keys in the data raise TypeError.
for data in [b"<\x01\x00\x00\x00[\x00\x00\x00\x00",
             b"{[\x00\x00\x00\x00N0"]:
    try:
        marshal.loads(data)
    except TypeError as e:
        print("unhashable:", type(e).__name__)

# Arguments.
try:
    marshal.loads("text")
except TypeError:
    print("loads(str): TypeError")
try:
    marshal.dumps(1, "4")
except TypeError:
    print("dumps(version='4'): TypeError")

# Every truncation and thousands of one-byte corruptions of a stream
# holding all kinds of values fail cleanly or give some value: no crash.
def sample_function(a, *b, c=(1, 2.5, "s"), **d):
    try:
        return {a: [b, {c}, frozenset(d)], "k": slice(1, 2)}
    except Exception as e:
        return e


payload = marshal.dumps([sample_function.__code__, 10 ** 30, -1.5,
                         "caf\xe9", b"b", {1, 2}, {"k": (None, True)}])
outcomes = {}
for n in range(len(payload)):
    try:
        marshal.loads(payload[:n])
        kind = "value"
    except (EOFError, ValueError, TypeError) as e:
        kind = type(e).__name__
    outcomes[kind] = outcomes.get(kind, 0) + 1
print("truncations: all failed:", "value" not in outcomes)

seed = 12345
survived = 0
for trial in range(3000):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    pos = seed % len(payload)
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    corrupt = bytearray(payload)
    corrupt[pos] = seed % 256
    try:
        marshal.loads(bytes(corrupt))
    except (EOFError, ValueError, TypeError):
        pass
    survived += 1
print("corruptions survived:", survived)
