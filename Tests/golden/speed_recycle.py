# enumerate, zip (1 to 4 iterables) and dict items iterators refill the
# tuple they handed out last when the caller dropped it (session 11), as
# CPython does.  What must
# not change: results that are kept stay intact, a refilled tuple hashes
# its new items, the collector still sees what it holds, finalizers of the
# old items may re-enter the iterator, and threads sharing one iterator
# get every item exactly once.
import gc
import threading

# Kept results are distinct tuples with their own items.
print(list(enumerate("abc", 5)), list(zip("ab", [1, 2], (3.5, 4.5))))
print(list(zip(range(3), "xyz", [7, 8, 9], (0, 1, 2), "pqr")))
e = enumerate("xyz")
first, second = next(e), next(e)
print(first, second, first is second)

# Dropped results are refilled: the hash follows the new items.
z = zip([1, 2, 3], [4, 5, 6])
print([hash(next(z)) == hash(t) for t in [(1, 4), (2, 5), (3, 6)]])
e = enumerate(["a", "b", "c"])
print([hash(next(e)) == hash(t) for t in [(0, "a"), (1, "b"), (2, "c")]])
seen = {}
for pair in zip("abcd", "efgh"):
    seen[pair] = seen.get(pair, 0) + 1
print(sorted(seen.items()))

# Unpacking loops see every pair.
total = 0
for i, (a, b) in enumerate(zip(range(100), range(100, 200))):
    total += i * a + b
print(total)


# The collector sees the containers in a refilled tuple.
class Node:
    pass


def cycle_through_enumerate():
    node = Node()
    e = enumerate([node])
    for _, item in e:
        item.back = e          # item -> enumerate -> tuple -> item
    return gc.is_tracked(next(enumerate([[]])))


print(cycle_through_enumerate(), gc.collect() >= 0)


# A finalizer of a dropped item re-enters the iterator being refilled.
class Reenter:
    log = []

    def __init__(self, name):
        self.name = name

    def __del__(self):
        if self.name == "a" and Reenter.it is not None:
            it, Reenter.it = Reenter.it, None
            Reenter.log.append(("inner", next(it)[0]))


def objects():
    yield Reenter("a")
    yield Reenter("b")
    yield Reenter("c")
    yield Reenter("d")


Reenter.it = en = enumerate(objects())
for index, obj in en:
    Reenter.log.append((index, obj.name))
    del obj
print(Reenter.log)

# dict items: kept, dropped, hashed, reversed, and failing.
d = {"a": 1, "b": [2], "c": (3,)}
print(list(d.items()), list(reversed(d.items())), dict(d.items()) == d)
it = iter(d.items())
print([hash(next(it)) == hash(t) for t in [("a", 1)]], next(it), next(it))
print(sum(k * v for k, v in {i: i + 1 for i in range(50)}.items()))
pairs = []
for pair in {k: [k] for k in "abcd"}.items():
    pairs.append(pair)          # kept: never refilled
print(pairs, len({id(p) for p in pairs}))
try:
    grow = {1: 1, 2: 2}
    for k, v in grow.items():
        grow[k + 10] = v
except RuntimeError as err:
    print("RuntimeError", err)
it = iter({1: 2}.items())
print(it.__reduce__()[1], list(it), list(it))

# strict zip and zip over exhausted or failing iterators.
try:
    for pair in zip("ab", "abc", strict=True):
        pass
except ValueError as err:
    print("ValueError", err)


def boom():
    yield 1
    raise KeyError("boom")


try:
    for a, b in zip("xy", boom()):
        pass
except KeyError as err:
    print("KeyError", err, a, b)
print(list(zip()), list(zip("a", "")), list(enumerate([])))


class MyEnum(enumerate):
    pass


print(list(MyEnum("hi", -1)), type(next(MyEnum("q"))).__name__)


# Threads: iterators made by another thread (never refilled in the
# free-threaded build: the tuple's owner is the maker) and by the thread
# itself; tuples kept every third step stay as they were handed out.
def consume(it, out):
    kept = []
    count = 0
    for k, pair in enumerate(it):
        if k % 3 == 0:
            kept.append((pair, pair[0], pair[1]))
        count += 1
    out.append((count, all(p[0] is a and p[1] is b for p, a, b in kept)))


def own_iterators(out):
    consume(enumerate(range(3000)), out)
    consume(zip(range(3000), range(3000, 6000)), out)
    consume(iter({i: str(i) for i in range(3000)}.items()), out)


outs = []
big = {i: -i for i in range(3000)}
made = ([enumerate(range(3000)) for _ in range(2)]
        + [zip("ab" * 1500, range(3000)) for _ in range(2)]
        + [iter(big.items()) for _ in range(2)])
threads = [threading.Thread(target=consume, args=(it, outs)) for it in made]
threads += [threading.Thread(target=own_iterators, args=(outs,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(outs))


# Threads sharing one iterator: no crash, every result a well-formed pair
# (which items go together is not promised, as in CPython).
def drain(it, out):
    for pair in it:
        out.append(type(pair) is tuple and len(pair) == 2)


shared = [enumerate(list(range(5000))), zip(list(range(5000)), "x" * 5000),
          iter({i: i for i in range(5000)}.items())]
flags = []
threads = [threading.Thread(target=drain, args=(shared[k % 3], flags)) for k in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(flags), len(flags) >= 5000)
