import sys
l = [3, 1, 2]
l.append(l)
print(l, repr(l))
d = {"a": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
s = {1: [1]}
s[1].append(s)
print(s)
class R:
    def __repr__(self): return "R<%r>" % (self.inner,)
r = R(); r.inner = [1]
print([r, r])
nested = []
cur = nested
for i in range(30):
    cur.append([i])
    cur = cur[-1]
print(nested)
print([[[[[]]]]], ((((),),),), {"a": {"b": {"c": {}}}}, [{1, 2}, frozenset(), set(), ()])
deep = []
for i in range(100000):
    deep = [deep]
try:
    repr(deep)
    print("repr deep ok")
except RecursionError as e:
    print("RecursionError repr")
def rec(n): return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
lst = [5, 2, 8, 1, 9, 3]
print(sorted(lst), sorted(lst, reverse=True), sorted(lst, key=lambda v: (v % 3, v)))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
words = ["banana", "Apple", "cherry", "apple"]
words.sort(key=str.lower); print(words)
try:
    [3, "a", 1].sort()
except TypeError as e:
    print(e)
l = list(range(10))
print(l[::2], l[::-1], l[-3:], l[2:8:3], l[100:], l[-100:2], l[5:2], l[::-3])
l[2:5] = ["x"]; print(l)
l[::2] = "ABCD"; print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(e)
del l[::3]; print(l)
l = [1, 2, 3]
l += (4,); l *= 2; print(l, l.index(3), l.count(1), [0] * 3, 3 * [None])
try:
    l.index(99)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1][5]
except IndexError as e:
    print(e)
l.insert(-100, "first"); l.insert(100, "last"); l.remove(3); print(l, l.pop(0), l.pop())
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [], [1] == (1,), (1, 2) + (3,), (1,) * 3)
d = dict.fromkeys("abc", 0)
d.update(b=5, z=9); d.setdefault("q", []).append(1); print(d, d.pop("a"), d.pop("nope", "dd"), d.popitem())
print(list(d.keys()), list(d.values()), list(d.items()), len(d), "b" in d, d.get("x", 1))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print(e)
print({**{"a": 1}, "b": 2, **{"a": 3}}, {1: "a"} | {2: "b"}, dict(zip("ab", "xy")))
d = {1: 1, 2: 2}; del d[1]; d[1] = 1; print(d, list(reversed(d)))
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print(e)
s = {3, 1, 2}
print(s, s | {4}, s & {1, 9}, s - {1}, s ^ {1, 5}, s <= {1, 2, 3, 4}, s.isdisjoint({7}), {1, 2} > {1})
print(set(), frozenset({1}), {frozenset()}, set("aab") == {"a", "b"}, sorted({"z", "y"}))
try:
    {}.remove if False else set().remove(1)
except KeyError as e:
    print("KeyError", e)
print(tuple(), (1,), (1, 2), tuple("ab"), ().count(1), (1, 2, 1).index(1, 1), hash((1, 2)) == hash((1, 2)))
print(list(map(list, zip(*[[1, 2, 3], [4, 5, 6]]))), [x * y for x in range(3) for y in range(3) if x != y])
print({x: x ** 2 for x in range(4)}, {x % 3 for x in range(10)}, [*range(3), *"ab"], (*[1], 2))
a = [[0] * 2] * 2; a[0][0] = 1; print(a)
print(str([1.0, "s", None, True, b"b", 2j]), repr(("x",)), str({"k": ("v",)}))
print(bytearray(b"abc"), bytes(range(5)), b"a\x00\xff'", b'"', list(b"hi"), b"abc"[1], b"abc"[1:])
print(list(range(0)), list(range(-3)), range(3) == range(0, 3), range(0) == range(5, 5))
