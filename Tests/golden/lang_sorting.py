# sorting stability, key errors, and list mutation during sort
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[0]))
print(sorted(data, key=lambda t: (t[1], t[0]), reverse=True))
l = [3, 1, 2]
try:
    l.sort(key=lambda v: (l.append(v), v)[1])
except ValueError as e:
    print(e)
print(sorted("Hello World", key=str.lower), sorted([[2, 1], [1, 2], [1]]), sorted([(1, None)] * 2) if False else "")
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v), min(K(1), K(0)))
try:
    sorted([K(1), 2])
except TypeError as e:
    print(e)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-3:], sorted(range(10), key=lambda v: v % 3))
print(sorted({3: "c", 1: "a"}), sorted({3: "c", 1: "a"}.items(), key=lambda kv: kv[1], reverse=True))
import sys
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), sorted(set(words)), sorted(words, key=lambda w: (-len(w), w)))
print(list(reversed(sorted(words)))[:3], sorted([0.5, -1, 2, float("inf"), -0.0]))
