import sys
print(abs(-2), all([1, 1]), any([0, 0]), ascii("ü"), bin(10), bool("x"), callable(len))
print(chr(0x263A), divmod(-9, 4), list(enumerate("xy")), list(filter(lambda v: v > 1, [1, 2, 3])))
print(format(1234.5678, ",.2f"), format(255, "08b"), hex(-255), int("0b101", 0), isinstance(1, (str, int)))
print(len({1: 2}), list(map(pow, [2, 3], [3, 2])), max("abc"), min(3, 2, key=lambda v: -v), oct(64))
print(ord("€"), pow(2, -2), repr(1.0), round(3.14159, 3), round(-0.5), sorted({3: 1, 1: 2}))
print(sum([[1], [2]], []), tuple("ab"), type(1.5).__name__, list(zip(range(3), "abc", [True] * 3)))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
print(list(reversed(range(4))), slice(1, 5, 2), range(2, 9, 3), frozenset(), set("aab") == {"a", "b"})
class P:
    def __init__(self):
        self._v = 1
    def getv(self):
        return self._v
    def setv(self, v):
        self._v = v
    v = property(getv, setv)
p = P(); p.v = 7
print(p.v, hasattr(p, "nope"), getattr(p, "_v"), delattr(p, "_v") or hasattr(p, "_v"))
print(next(iter([]), "empty"), list(iter(lambda: None, None)), hash(1) == hash(1.0))
print(int.__name__, object().__class__.__name__, type(type).__name__, issubclass(type, object))
print("%5.1f|%-4s|%03d" % (2.25, "ab", 7), str(b"x", "ascii"), bytes(3), bytearray(2))
print(dict(a=1, **{"b": 2}), list(dict.fromkeys([3, 1, 3])), sys.maxsize > 2**31)
print("done", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
