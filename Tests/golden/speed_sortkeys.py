# list.sort over tuple keys whose items after the first are compared with
# one three-way comparison when both are exact word-sized ints or exact
# 1-byte strs (session 11: report()'s `key=lambda item: (-item[1], item[0])`
# ties on the count and is decided by the word).  Every other pair of items
# goes through == then <: mixed kinds of str, big ints, bools, floats
# (NaN), str subclasses with their own comparisons, unorderable items.
import random


class Rev(str):
    """A str ordered backwards: never taken for an exact str."""

    def __lt__(self, other):
        return str.__gt__(self, other)

    def __eq__(self, other):
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def stable_check(items, key):
    """The sort is stable and agrees with a sort by comparisons alone."""
    got = sorted(items, key=key)
    indexed = sorted(range(len(items)), key=lambda i: key(items[i]))
    return got == [items[i] for i in indexed], got


rng = random.Random(5)
words = ["".join(rng.choice("abcde") for _ in range(rng.randint(0, 4)))
         for _ in range(400)]
counts = {w: rng.randint(1, 6) for w in words}
ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
print(len(ranked), ranked[:8], ranked[-4:])

# Second items: word ints (negative, zero, near 2**62), equal and tied.
ints = [(rng.randint(0, 3), rng.choice([-2**62, -5, -1, 0, 1, 7, 2**30, 2**62 - 1]))
        for _ in range(300)]
print(sorted(ints)[:6], sorted(ints)[-3:], sorted(ints, reverse=True)[:3])

# Mixed str kinds and big ints: the full protocol.
mixed = [(1, "é"), (1, "e"), (1, "€"), (1, "ab"), (1, ""), (1, "a\U0001F600"),
         (1, "z"), (1, "\xff"), (1, "\u0100")]
print(sorted(mixed))
big = [(0, 2**70), (0, -2**70), (0, 3), (0, 2**62), (0, -3), (0, 2**70 + 1)]
print(sorted(big))
print(sorted([(0, True), (0, 0), (0, False), (0, 1), (0, -1)]))
nan = float("nan")
print(sorted([(0, 2.5), (0, 1), (0, nan), (0, 0.5)], key=repr))
print(sorted([(0, 3), (0, 2.5), (0, 1), (0, 1.0), (0, True)]))

# A str subclass keeps its own order; exact strs beside it use the fast path.
print(sorted([(0, Rev("a")), (0, Rev("c")), (0, Rev("b"))]))
print(sorted([(0, "b", Rev("x")), (0, "a", 1), (0, "b", Rev("y"))]))

# Longer tuples: ties on two items, then the third decides.
triples = [(i % 3, "k" * (i % 2), i % 5) for i in range(30)]
ok, got = stable_check(triples, lambda t: t)
print(ok, got[:7])
ok, got = stable_check(list(counts.items()), lambda kv: (kv[1], kv[0]))
print(ok, got[:4])

# Unorderable items after a tie raise TypeError as before.
for case in ([(0, "a"), (0, 1)], [(0, 1), (0, None)], [(0, 1, "a"), (0, 1, 2)]):
    try:
        sorted(case)
        print("sorted")
    except TypeError as e:
        print("TypeError", e)
# Equal prefixes: the shorter tuple is smaller.
print(sorted([(1, "a", 2), (1, "a"), (1,), (1, "a", 1)]))
