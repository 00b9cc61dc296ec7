l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.remove(3); print(l, l.pop(), l.pop(0), l)
l.sort(); print(l, l.index(2), l.count(1), l[1:3], l[::2], len(l))
l[1:3] = ["a", "b", "c"]; del l[0]; print(l)
d = {"a": 1, "b": 2}
d["c"] = 3; d.update(e=5); del d["a"]
print(d, list(d.keys()), list(d.values()), list(d.items()), d.get("z", 0), "b" in d, d.pop("b"), d)
print({**d, "x": 1}, dict(zip("xy", [1, 2])), dict.fromkeys("ab", 0), d.setdefault("q", 9), d)
s = {1, 2, 3}
s.add(4); s.discard(1)
print(s, s | {9}, s & {2, 3}, s - {2}, sorted(s ^ {3, 10}), frozenset([1, 1, 2]), 2 in s)
t = (1, 2, 3)
a, *rest = t
x, (y, z) = 1, (2, 3)
print(t, t[1], t + (4,), a, rest, x, y, z, t.count(2), (1,) * 3)
first, *mid, last = range(6)
print(first, mid, last)
m = [[i * j for j in range(3)] for i in range(3)]
print(m, [x for row in m for x in row if x], {x % 3 for x in range(10)})
print(list(range(10, 0, -3)), range(5)[2], list(range(3)) == [0, 1, 2], len(range(0, 100, 7)))
g = (i * 2 for i in range(4))
print(next(g), list(g), any(x > 2 for x in [1, 3]), all([]), sum(x for x in range(5)))
