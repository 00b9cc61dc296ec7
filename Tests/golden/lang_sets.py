# Set iteration order follows CPython's table layout (dummy-slot reuse,
# symmetric difference built from the right operand), and dict views
# combine with any iterable, including tuples.
s = {1, 3}; s.discard(1); s.add(9); print(s)
s = {1, 3}; s.symmetric_difference_update((1, 9)); print(s)
print({1, 3} ^ {1, 9}, {9, 3} ^ {3}, frozenset({1}) ^ {2, 3}, type({1} ^ frozenset({2})).__name__)
print({1, 2, 3}.symmetric_difference([3, 4, 5, 4]))
s = set(range(8))
for i in range(0, 8, 2):
    s.remove(i)
for i in range(16, 24):
    s.add(i)
print(s)
s = {"a"}; s.pop(); s.add("b"); print(s)
s = set(); s.add(8); s.add(16); s.discard(8); s.add(24); s.add(0); print(s)
d = {1: 2, 3: 4}
print(d.keys() | (3, 5), d.keys() & (1, 7), d.keys() - (1,), d.keys() ^ (1, 9), (1, 7) & d.keys())
print(d.items() | ((1, 2),), d.items() - {(1, 2)}, d.keys() - [3], sorted(d.keys() ^ [3, 8]))
print(d.keys() == {1, 3}, d.keys() < {1, 3, 5}, d.items() >= {(1, 2)}, d.keys().isdisjoint((7, 8)))
a = {5, 6, 7}; a -= {6}; a |= {1}; a &= {1, 5, 9}; a ^= {5, 2}; print(a)
print(set([3, 2, 1]) == frozenset([1, 2, 3]), {1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3], {3}))
print({1, 2, 3}.difference([1], (2,)), {1}.issubset([1, 2]), {1, 2}.issuperset((1,)))
fs = frozenset([1, 2])
print(hash(fs) == hash(frozenset([2, 1])), {fs: "v"}[frozenset([2, 1])], fs | {3}, fs.copy() is fs)
try:
    {[]}
except TypeError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
print(sorted({"b", "a", "c"}), len({1, 1.0, True}), {0, False, 0.0}, {None, ()}.__len__())
print(repr(set()), repr(frozenset()), str({1}), {(1, 2), (1, 2)})
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return self.v % 4
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return "K%d" % self.v
print({K(1), K(5), K(1), K(9), K(2)})
print(sorted(set("mississippi")), {c for c in "hello" if c != "l"} == {"h", "e", "o"})
