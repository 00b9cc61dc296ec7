# Built-in types: behaviours fixed by the conformance pass (session 6).
import gc
import pickle


def show(label, func):
    try:
        result = func()
    except Exception as exc:
        print(label, "->", type(exc).__name__, exc)
    else:
        print(label, "->", repr(result))


# A key's finalizer may clear the other dict while the two are compared.
class X:
    def __del__(self):
        dict_b.clear()

    def __eq__(self, other):
        dict_a.clear()
        return True

    def __hash__(self):
        return 13


dict_a = {X(): 0}
dict_b = {X(): X()}
show("dict eq with clearing finalizer", lambda: dict_a == dict_b)

# Deeply nested filter objects are freed without exhausting the C stack.
chain = filter(bool, range(10))
for _ in range(200000):
    chain = filter(bool, chain)
del chain
gc.collect()
print("nested filters freed")

# Repeating by zero must not write into the shared empty bytes.
show("bytes * 0", lambda: (b"abc" * 0, b"abc" * -3, b"" * 5))
show("bytes after repeat", lambda: len(b"xyz" * 0) + len(bytes(b"q")))

# Whitespace split with maxsplit keeps the rest as it is.
for value in ("  a    b   ", b"  a    b   ", bytearray(b" x  y  z ")):
    show("split", lambda: value.split(None, 1))
    show("rsplit", lambda: value.rsplit(None, 1))
show("str.split bad sep", lambda: "abc".split(1))


class StrWithBytes(str):
    def __bytes__(self):
        return b"from __bytes__"


show("bytes(str subclass)", lambda: bytes(StrWithBytes("x")))
show("bytes(str, errors=)", lambda: bytes("", errors="ignore"))
show("bytes(int, errors=)", lambda: bytes(1, errors="ignore"))
show("bytes(encoding=)", lambda: bytes(encoding="ascii"))
show("bytes(str, enc)", lambda: bytes("é", "utf-8", "strict"))

# An exhausted bytearray iterator stays exhausted.
ba = bytearray(b"ab")
it = iter(ba)
list(it)
ba.append(9)
show("exhausted bytearray iterator", lambda: list(it))

# Built-in iterators pickle their position.
def roundtrip(make):
    it = make()
    next(it)
    return list(pickle.loads(pickle.dumps(it)))


makers = {
    "list": lambda: iter([1, 2, 3]),
    "reversed list": lambda: reversed([1, 2, 3]),
    "tuple": lambda: iter((1, 2, 3)),
    "set": lambda: iter({1, 2, 3}),
    "frozenset": lambda: iter(frozenset({4, 5})),
    "bytes": lambda: iter(b"abc"),
    "bytearray": lambda: iter(bytearray(b"abc")),
    "range": lambda: iter(range(0, 10, 3)),
    "reversed range": lambda: reversed(range(4)),
    "long range": lambda: iter(range(2**70, 2**70 + 6, 2)),
    "str": lambda: iter("a\U0001f600c"),
    "dict keys": lambda: iter({1: "a", 2: "b", 3: "c"}),
    "dict values": lambda: iter({1: "a", 2: "b"}.values()),
    "dict items": lambda: iter({1: "a", 2: "b"}.items()),
    "reversed dict": lambda: reversed({1: "a", 2: "b", 3: "c"}),
    "enumerate": lambda: enumerate("xyz"),
    "zip": lambda: zip("ab", "cd"),
    "map": lambda: map(abs, [-1, -2, -3]),
}
for name, make in makers.items():
    show(name, lambda: sorted(roundtrip(make)) if "set" in name else roundtrip(make))

exhausted = iter([1])
list(exhausted)
show("exhausted list iterator", lambda: list(pickle.loads(pickle.dumps(exhausted))))
show("list iterator reduce", lambda: iter([5, 6]).__reduce__())
positioned = iter([10, 20, 30])
positioned.__setstate__(2)
show("list iterator setstate", lambda: list(positioned))
positioned = iter("hello")
positioned.__setstate__(99)
show("str iterator setstate past end", lambda: list(positioned))
positioned = iter(range(10))
positioned.__setstate__(7)
show("range iterator setstate", lambda: list(positioned))

# A class losing __next__ in the middle of a for loop gives a TypeError.
class LosesNext:
    def __iter__(self):
        return self

    def __next__(self):
        del LosesNext.__next__
        return 1


def loop_over_loses_next():
    for _ in LosesNext():
        pass


show("__next__ deleted mid-loop", loop_over_loses_next)
show("next() without __next__", lambda: next(LosesNext()))
show("iter() of an object without __next__", lambda: iter(LosesNext()))

# A callable iterator exhausted by its own callable stops.
def reentrant():
    if reentrant.again:
        return "stop"
    reentrant.again = True
    list(reentrant.iterator)
    return "value"


reentrant.again = False
reentrant.iterator = iter(reentrant, "stop")
show("callable iterator exhausted re-entrantly", lambda: next(reentrant.iterator))


def exhausted(it):
    list(it)
    return it


show("exhausted iterators reduce",
     lambda: [exhausted(iter(seq)).__reduce__()[1]
              for seq in ([1], (1,), b"a", "a")])

# f_locals of a function frame compares equal to a dict of its variables.
import sys


def frame_locals():
    x = 1
    proxy = sys._getframe().f_locals
    print("proxy == dict:", proxy == {"x": 1, "proxy": proxy}, proxy != {"x": 1})
    print("proxy | dict:", sorted(proxy | {"z": 3}), type(proxy | {}).__name__)
    proxy.update({"x": 10})
    print("after update:", x, proxy.setdefault("x", 0), proxy.setdefault("extra", 5))
    proxy |= {"x": 20}
    print("after |=:", x)


frame_locals()

# Hashes of tuples, frozensets, slices and ranges are CPython's, so sets of
# them iterate (and print) in the same order.
for value in [(), (1,), (1, 2), ((1, 2), 3), (1.5, -2, 2**70), (True, 0.25j),
              frozenset(), frozenset({1}), frozenset({1, 2, 3}),
              frozenset({(1, 2), frozenset({3})}), slice(1, 2, 3),
              range(5), range(0, 10, 2), range(7, 8)]:
    print("hash", value, hash(value))
print({(1, 2), (3, 4), (5, 6), (7, 8), (2, 1)})
print({frozenset({1}), frozenset({2}), frozenset({1, 2})})
print(set(zip(range(6), range(10, 16))))
print({(i, -i) for i in range(8)})

# Subclasses that keep the constructor take no keyword arguments.
class ListSub(list):
    pass


class TupleSub(tuple):
    pass


show("list subclass keyword", lambda: ListSub(sequence=()))
show("tuple subclass keyword", lambda: TupleSub(iterable=()))

# memoryview: reversed() and the sequence protocol; code run by __index__
# or a value's conversion may release the view, which is then refused.
view = memoryview(b"abc")
show("reversed(memoryview)", lambda: list(reversed(view)))
show("memoryview slices of slices", lambda: view[(slice(0, 1), slice(0, 1))])
writable = memoryview(bytearray(b"abc"))


def assign_multislice():
    writable[(slice(0, 1), slice(0, 1))] = b"x"


show("memoryview multislice assignment", assign_multislice)


def use_after_release(action):
    holder = [bytearray(b"\xff" * 16)]
    mv = memoryview(holder[0])

    class Releasing:
        def __index__(self):
            mv.release()
            return 4

        def __float__(self):
            mv.release()
            return 1.5

    return action(mv, Releasing())


def store(mv, value):
    mv[0] = value


show("index releases view", lambda: use_after_release(lambda mv, r: mv[r]))
show("slice bound releases view", lambda: use_after_release(lambda mv, r: list(mv[:r])))
show("stored value releases view", lambda: use_after_release(store))

# str.format: how a replacement field is delimited, and its error messages.
for text in ["{0!}", "{0!}}", "{0!", "{0!r", "{0!rx}", "{0!r:", "{!}", "{0!:}",
             "{0:{}", "{:{:{}}}", "{0[}", "{0[0]x}", "{0.}", "{a{}", "{0[{]}",
             "{0[}]}", "{a}}", "{0:{a{}}}", "{0:<{1}}", "{0!s:>{1}}"]:
    show(f"{text!r}.format", lambda: text.format({"{": "L", "}": "R", 0: "z"}, 5, a=1))
