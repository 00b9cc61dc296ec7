# Objects recycled through the per-thread free lists (floats, ints,
# tuples, bound methods, slices) must come back as fresh, correct objects:
# right value, right size, a hash computed from the new contents, and no
# trace of the dead object they replace.
import gc
import weakref

# Tuples of every free-listed size, churned so that later ones reuse the
# memory of earlier ones; their hash must match a freshly built equal tuple.
ok = True
for rounds in range(3):
    for size in range(1, 25):
        for k in range(50):
            t = tuple(range(k, k + size))
            h = hash(t)
            del t
            u = tuple(x * 2 for x in range(k, k + size))
            if len(u) != size or u[-1] != 2 * (k + size - 1):
                ok = False
            if hash(u) != hash(tuple(list(u))):
                ok = False
            if hash(u) == h and u != tuple(range(k, k + size)):
                pass  # a collision is allowed, but must not be systematic
print("tuple sizes and hashes:", ok)

# A reused tuple must not keep its old hash.
hashes = set()
for i in range(200):
    t = (i, i + 1)
    hashes.add(hash(t) == hash((i, i + 1)))
print("hash recomputed:", hashes == {True})

# Floats and ints: values survive heavy churn.
total = 0.0
for i in range(20000):
    x = i * 0.5
    y = x + 1.25
    total += y - x
print("float churn:", total)
acc = 0
for i in range(20000):
    a = i + 1000
    b = a * 3
    acc += b - a
print("int churn:", acc)

# Identity: distinct live objects have distinct ids, even when their
# memory came from a free list.
live = [float(i) + 0.5 for i in range(500)]
live += [(i, str(i)) for i in range(500)]
live += [i + 10**6 for i in range(500)]
print("distinct ids:", len({id(o) for o in live}) == len(live))
del live

# Subclass instances never go on the exact type's list.
class F(float):
    pass
class I(int):
    pass
class T(tuple):
    pass
for i in range(300):
    f, n, t = F(i + 0.5), I(i + 1000), T((i, i))
    assert type(f) is F and type(n) is I and type(t) is T
    del f, n, t
print("subclasses:", type(1.5 + 1.0) is float, type(3 + 4000) is int,
      type((1, 2)) is tuple)

# Bound methods: each new one binds the right self and function.
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
results = []
for i in range(300):
    m = C(i).get
    results.append(m())
    del m
print("bound methods:", results == list(range(300)))
m1, m2 = C(1).get, C(2).get
print("bound method identity:", m1 is not m2, m1() + m2())

# A weak reference to a bound method dies with it; a new method reusing
# its memory is not the referent.
r = weakref.ref(C(5).get)
gc.collect()
m3 = C(6).get
print("weakref to dead method:", r() is None, m3())

# Slices are rebuilt with their own bounds.
data = list(range(100))
print("slices:", [len(data[i:i + 7:2]) for i in range(0, 100, 25)],
      data[slice(3, 9, 3)], slice(1, 2, 3) == slice(1, 2, 3))

# Tuples made while the collector is running and collected cycles through
# tuples come back clean.
class Node:
    pass
for i in range(2000):
    n = Node()
    n.t = (n, i)
    del n
print("collected:", gc.collect() >= 0, gc.is_tracked((1, [])),
      gc.is_tracked(tuple([[]])))
