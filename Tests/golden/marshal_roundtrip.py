# marshal.loads(marshal.dumps(x)) == x for every supported type and
# version; sharing and recursion survive; code objects come back whole
# and run; dump/load work on file objects.
import marshal


def same(a, b):
    return type(a) is type(b) and (a == b or (a != a and b != b))


big = 3 ** 200
samples = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 255, 256, -5, 2 ** 31 - 1, -2 ** 31, 2 ** 31, -2 ** 31 - 1,
    2 ** 63, -2 ** 64, big, -big, 2 ** 15, 2 ** 30, 2 ** 45 - 1,
    0.0, -0.0, 1.5, 1e-310, 1e308, float("inf"), float("-inf"), float("nan"),
    1 / 3, complex(1, -2), complex(0.0, -0.0),
    b"", b"bytes\x00\xff", "", "text", "x" * 1000, "caf\xe9", "\u20ac" * 300,
    "\U0001f600", "lone \udcff surrogate",
    (), (1,), tuple(range(256)), tuple(range(257)),
    [], [1, [2, [3]]], {}, {"a": 1, 2: [3], (4, 5): None},
    set(), {1, 2, 3}, frozenset(), frozenset({"a", (1, 2)}),
    slice(None), slice(1, 2), slice("a", None, 3.5),
]
failures = 0
for version in range(6):
    for value in samples:
        if isinstance(value, slice) and version < 5:
            continue
        back = marshal.loads(marshal.dumps(value, version))
        if not same(back, value):
            failures += 1
            print("mismatch at version", version, repr(value)[:60])
print("round trips:", len(samples), "samples, failures:", failures)

# bytes-like values come back as bytes.
print(marshal.loads(marshal.dumps(bytearray(b"ba"))))
print(marshal.loads(marshal.dumps(memoryview(b"mv"))))

# Extra bytes after the value are ignored.
print(marshal.loads(marshal.dumps(42) + b"junk"))

# Shared objects stay shared (version 3+), and are copied before.
inner = [1, 2]
outer = marshal.loads(marshal.dumps([inner, inner]))
print("shared v4:", outer[0] is outer[1], outer)
outer = marshal.loads(marshal.dumps([inner, inner], 2))
print("shared v2:", outer[0] is outer[1], outer)

# Recursive structures.
rec = [1]
rec.append(rec)
back = marshal.loads(marshal.dumps(rec))
print("recursive list:", back[1] is back, back)
d = {}
d["me"] = d
back = marshal.loads(marshal.dumps(d))
print("recursive dict:", back["me"] is back)

# Interned strings come back interned.
import sys
s = marshal.loads(marshal.dumps(sys.intern("".join(["inter", "ned"]))))
print("interned:", s is sys.intern("interned"))

# Code objects: every field survives and the function still runs.
src = '''
import sys as _sys
GLOBAL = 10

def outer(a, b=2, /, c=3, *args, d, e=5, **kw):
    """doc"""
    total = a + b + c + d + e + sum(args) + sum(kw.values())
    def inner(x):
        return x + total + GLOBAL
    return inner

class K:
    def m(self):
        try:
            return [i * 2 for i in range(3)]
        finally:
            pass

async def coro():
    return 1

def gen():
    yield from range(3)
'''
code = compile(src, "<marshal-test>", "exec")
copy = marshal.loads(marshal.dumps(code))
print("code equal:", copy == code)
# A loaded code object dumps to the same bytes as its own copy.
again = marshal.loads(marshal.dumps(copy))
print("stable:", marshal.dumps(again) == marshal.dumps(copy))
fields = ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
          "co_nlocals", "co_stacksize", "co_flags", "co_code", "co_consts",
          "co_names", "co_varnames", "co_freevars", "co_cellvars",
          "co_filename", "co_name", "co_qualname", "co_firstlineno",
          "co_linetable", "co_exceptiontable"]


def compare(a, b, path):
    bad = []
    for f in fields:
        x, y = getattr(a, f), getattr(b, f)
        if f == "co_consts":
            if len(x) != len(y):
                bad.append(path + "." + f)
            for i, (p, q) in enumerate(zip(x, y)):
                if hasattr(p, "co_code"):
                    bad += compare(p, q, path + "." + p.co_name)
                elif not same(p, q):
                    bad.append(path + ".co_consts[%d]" % i)
        elif x != y:
            bad.append(path + "." + f)
    return bad


print("field differences:", compare(code, copy, "<module>"))
print("positions equal:", list(code.co_positions()) == list(copy.co_positions()))
ns = {}
exec(copy, ns)
print(ns["outer"](1, 2, 3, 4, d=5, e=6, z=7)(100))
print(ns["outer"].__doc__, ns["outer"].__qualname__, ns["K"].m.__qualname__)
print(ns["K"]().m(), list(ns["gen"]()))


# allow_code=False refuses code objects in both directions.
try:
    marshal.dumps(code, allow_code=False)
except ValueError as e:
    print("dumps:", e)
try:
    marshal.loads(marshal.dumps((1, code)), allow_code=False)
except ValueError as e:
    print("loads:", e)
print(marshal.loads(marshal.dumps([1]), allow_code=False))


# dump/load with a minimal file object (write, read, readinto).
class Buffer:
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0

    def write(self, b):
        self.data += b
        return len(b)

    def read(self, n=-1):
        if n < 0:
            n = len(self.data) - self.pos
        chunk = bytes(self.data[self.pos:self.pos + n])
        self.pos += len(chunk)
        return chunk


class IntoBuffer(Buffer):
    def readinto(self, view):
        chunk = self.read(len(view))
        view[:len(chunk)] = chunk
        return len(chunk)


for cls in Buffer, IntoBuffer:
    f = cls()
    marshal.dump({"k": [1, 2.5]}, f)
    marshal.dump("second", f, 2)
    marshal.dump(code, f)
    f.pos = 0
    first = marshal.load(f)
    second = marshal.load(f)
    third = marshal.load(f)
    print(cls.__name__, first, second, third == code, f.pos == len(f.data))
    try:
        marshal.load(f)
    except EOFError as e:
        print("at end:", e)
