# collections.abc: the ABCs, their mixin methods, built-in registrations.
import collections.abc as cabc
import _collections_abc

print(cabc.__all__ == _collections_abc.__all__)
print(cabc.Sequence.__module__, repr(cabc.Mapping))

checks = [
    ([], ["Iterable", "Sized", "Container", "Collection", "Reversible",
          "Sequence", "MutableSequence", "Hashable"]),
    ((), ["Sequence", "MutableSequence", "Hashable"]),
    ("s", ["Sequence", "Hashable"]),
    (b"b", ["Sequence", "MutableSequence"]),
    (bytearray(), ["MutableSequence", "Hashable"]),
    (memoryview(b""), ["Sequence"]),
    (range(3), ["Sequence", "Reversible"]),
    ({}, ["Mapping", "MutableMapping", "Hashable", "Reversible"]),
    ({}.keys(), ["KeysView", "Set", "MappingView"]),
    ({}.items(), ["ItemsView", "Set"]),
    ({}.values(), ["ValuesView", "Collection", "Set"]),
    (set(), ["Set", "MutableSet", "Hashable"]),
    (frozenset(), ["Set", "MutableSet", "Hashable"]),
    (type.__dict__, ["Mapping", "MutableMapping"]),
    (iter([]), ["Iterator", "Iterable"]),
    (iter(range(10**30)), ["Iterator"]),
    (zip(), ["Iterator"]),
    ((x for x in ()), ["Generator", "Iterator"]),
    (len, ["Callable", "Hashable"]),
    (3, ["Hashable", "Iterable", "Callable"]),
    (None, ["Hashable", "Sized"]),
]
for obj, names in checks:
    print(type(obj).__name__, [(n, isinstance(obj, getattr(cabc, n))) for n in names])

async def coro_fn():
    pass
c = coro_fn()
print(isinstance(c, cabc.Coroutine), isinstance(c, cabc.Awaitable))
c.close()
async def agen_fn():
    yield 1
ag = agen_fn()
print(isinstance(ag, cabc.AsyncGenerator), isinstance(ag, cabc.AsyncIterator),
      isinstance(ag, cabc.AsyncIterable))

# Structural checks through __subclasshook__; None blocks a method.
class OnlyIter:
    def __iter__(self): return iter(())
class Blocked(OnlyIter):
    __iter__ = None
class Full:
    def __len__(self): return 0
    def __iter__(self): return iter(())
    def __contains__(self, x): return False
print(issubclass(OnlyIter, cabc.Iterable), issubclass(Blocked, cabc.Iterable),
      issubclass(Full, cabc.Collection), issubclass(OnlyIter, cabc.Collection))
class Unhashable:
    __hash__ = None
print(issubclass(Unhashable, cabc.Hashable), issubclass(list, cabc.Hashable))

# Set mixins.
class LSet(cabc.Set):
    def __init__(self, it=()): self.items = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
a, b = LSet([1, 2, 3]), LSet([3, 4])
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= LSet([1, 2, 3, 4]), a < a, a == LSet([3, 2, 1]), a != b, a >= LSet([1]),
      a > LSet([1]), a.isdisjoint(b), a.isdisjoint([9]))
print(sorted([5, 3] - a), sorted({1, 9} & a), a == {1, 2, 3}, type(a | b).__name__)
print(LSet([1, 2])._hash() == LSet([2, 1])._hash(), type(LSet()._hash()).__name__)

class MSet(cabc.MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
m = MSet([1, 2, 3])
m |= [4]; m -= [1]; m &= [2, 3, 4, 5]; m ^= [3, 6]
print(sorted(m), m.pop(), sorted(m))
m.remove(4)
try:
    m.remove(99)
except KeyError as e:
    print("KeyError", e)
m.clear()
print(len(m))
try:
    m.pop()
except KeyError:
    print("pop empty: KeyError")

# Mapping mixins.
class DMap(cabc.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
dm = DMap()
dm.update({"a": 1}, b=2)
dm.update([("c", 3)])
print(dm.get("a"), dm.get("zz", 0), "b" in dm, list(dm.keys()), list(dm.items()), list(dm.values()))
print(dm.setdefault("d", 4), dm.setdefault("a", 9), dm.pop("d"), dm.pop("nope", None))
try:
    dm.pop("nope")
except KeyError as e:
    print("KeyError", e)
print(dm.popitem(), dm == {"b": 2, "c": 3}, dm != {"b": 2})
print(repr(dm.keys()).startswith("KeysView(<__main__.DMap object at "), ("b", 2) in dm.items(), 3 in dm.values(), len(dm.values()))
print(dm.keys() & {"b", "x"}, dm.keys() | {"x"} == {"b", "c", "x"})
dm.clear()
print(len(dm), cabc.Mapping.__reversed__, isinstance(dm, cabc.Mapping))

# Sequence mixins.
class Seq(cabc.Sequence):
    def __init__(self, *items): self.items = list(items)
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
s = Seq(1, 2, 3, 2)
print(list(s), list(reversed(s)), 2 in s, 9 in s, s.index(2), s.index(2, 2),
      s.count(2), s.index(3, -3))
try:
    s.index(9)
except ValueError:
    print("index: ValueError")
try:
    s.index(1, 1, 3)
except ValueError:
    print("index stop: ValueError")

class MSeq(cabc.MutableSequence):
    def __init__(self): self.items = []
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __len__(self): return len(self.items)
    def insert(self, i, v): self.items.insert(i, v)
ms = MSeq()
ms.append(1); ms.extend([2, 3]); ms += [4]
ms.reverse()
print(ms.items, ms.pop(), ms.pop(0), ms.items)
ms.remove(3); ms.extend(ms)
print(ms.items)
ms.clear()
print(ms.items)

# Abstract classes refuse instantiation.
for name in ["Sequence", "Mapping", "Set", "Iterator", "Hashable", "Callable"]:
    try:
        getattr(cabc, name)()
        print(name, "instantiated?")
    except TypeError:
        print(name, "is abstract")

# Pattern matching uses the Sequence / Mapping flags.
def kind(x):
    match x:
        case [*_]:
            return "sequence"
        case {}:
            return "mapping"
        case _:
            return "other"
print(kind(s), kind(dm), kind(ms), kind("str"), kind(LSet()))
class SeqReg:
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
cabc.Sequence.register(SeqReg)
print(kind(SeqReg()))

# Generic aliases.
print(cabc.Iterable[int], cabc.Mapping[str, int], cabc.Callable[[int, str], bool])
print(cabc.Callable[..., int], cabc.Callable[[], None].__args__)
print(cabc.Callable[[int], str].__origin__ is cabc.Callable)
try:
    cabc.Callable[int]
except TypeError as e:
    print("TypeError:", e)

# Generator / Coroutine mixins.
class Gen(cabc.Generator):
    def __init__(self): self.n = 0
    def send(self, v):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
    def throw(self, typ, val=None, tb=None):
        raise typ
g = Gen()
print(list(g), isinstance(g, cabc.Iterator))
Gen().close()
class Bad(cabc.Generator):
    def send(self, v): return 1
    def throw(self, *a): return 2
try:
    Bad().close()
except RuntimeError as e:
    print("RuntimeError:", e)

# Buffer (3.12): the types implementing the buffer protocol.
class WithBuffer:
    def __buffer__(self, flags):
        return memoryview(b"x")
print("Buffer" in cabc.__all__, len(cabc.__all__),
      [isinstance(o, cabc.Buffer) for o in (b"", bytearray(), memoryview(b""), "", WithBuffer())])
