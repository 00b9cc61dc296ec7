# Borrowed call arguments (session 8): locals passed to calls, and a
# method's self, are not counted; the callee or a callback must not be
# able to free them while the call still uses them.
import sys
import weakref


class Box(list):
    """A list subclass: weakref-able, and list's C methods still apply."""


def counts_stay(label, func, *objects):
    before = [sys.getrefcount(o) for o in objects]
    for _ in range(200):
        func()
    after = [sys.getrefcount(o) for o in objects]
    print(label, [a - b for a, b in zip(after, before)])


# --- reference counts are unchanged by borrowed arguments -----------------

class Shape:
    def __init__(self, factor):
        self.factor = factor

    def scaled(self, value):
        return value * self.factor

    def pair(self, a, b=2, *, c=3):
        return a + b + c


def c_calls(items, obj, key):
    n = len(items)
    ok = isinstance(obj, Shape)
    items.append(key)
    items.pop()
    found = items.count(key)
    t = type(obj)
    return n, ok, found, t is Shape, str(key), max(n, 3, key=abs)


def py_calls(shape, value):
    return shape.scaled(value) + shape.pair(value) + shape.pair(value, c=value)


items = [1, 2, 3]
shape = Shape(3)
key = "k" + str(len(items))
print(c_calls(items, shape, key))
print(py_calls(shape, 40))
counts_stay("c calls", lambda: c_calls(items, shape, key), items, shape, key)
big = 10 ** 30
counts_stay("py calls", lambda: py_calls(shape, big), shape, big)

# Many arguments (more than the C call's buffer), some borrowed.
def many(a, b, c, d, e, f, g, h, i, j):
    return max(a, b, c, d, e, f, g, h, i, j), min(a, b, c, d, e, f, g, h, i, j)

print(many(*range(10, 0, -1)))
counts_stay("many", lambda: many(big, 1, 2, 3, 4, 5, 6, 7, 8, big), big)
vals = [big, big + 1, big + 2]
def many_c(a, b, c):
    return sorted([a, b, c, a, b, c, a, b, c, a]) == sorted((a, b, c) * 3 + (a,))
print(many_c(*vals))
counts_stay("many c", lambda: many_c(*vals), *vals)


# --- the caller's local rebound by a callback -----------------------------

def sort_and_drop():
    box = Box([5, 3, 9, 1])
    ref = weakref.ref(box)
    calls = 0

    def key(v):
        nonlocal calls
        calls += 1
        # Rebind the caller's only reference while list.sort still runs
        # on it (self was borrowed from this local).
        sys._getframe(1).f_locals["box"] = None
        return -v
    box.sort(key=key)
    print("sorted", calls, "calls, box is", box)
    alive = ref()
    # Still alive or already freed: both are right; never corrupted.
    print("result ok", alive is None or list(alive) == [9, 5, 3, 1])

sort_and_drop()


def rebind_in_arguments():
    s = Shape(7)
    # The argument expression rebinds s: self must be the old object.
    print("walrus", s.scaled((s := Shape(100)).factor))
    print("after", s.factor)

rebind_in_arguments()


def len_of_replaced():
    data = Box(range(6))

    class Probe:
        def __index__(self):
            sys._getframe(1).f_locals["data"] = []
            return 2
    print("pop", data.pop(Probe()), "data now", data)

len_of_replaced()


# --- generators: a borrowed argument held across a yield --------------------

def gen(x):
    yield len(x), (yield "suspended"), len(x)

g = gen([1, 2, 3])
print(next(g))
g.gi_frame.f_locals["x"] = []
print(g.send("sent"))


def gen_method(box):
    result = box.index((yield "first"))
    yield result

g = gen_method(Box("abc"))
print(next(g))
g.gi_frame.f_locals["box"] = Box("zzz")
print(g.send("c"))


# --- exceptions while arguments are on the stack ----------------------------

def raise_in_args(obj, value):
    try:
        return obj.pair(value, 1 // 0)
    except ZeroDivisionError as exc:
        return "caught " + type(exc).__name__

def raise_in_c(items, probe):
    try:
        return items.index(probe)
    except ValueError:
        return "not found"

print(raise_in_args(shape, 1))
print(raise_in_c(items, "nope"))
counts_stay("raise", lambda: raise_in_args(shape, big), shape, big)
counts_stay("raise c", lambda: raise_in_c(items, key), items, key)


def bad_call(obj, value):
    try:
        obj.scaled(value, value)
    except TypeError as exc:
        return str(exc)

print(bad_call(shape, 1))
counts_stay("bad call", lambda: bad_call(shape, big), shape, big)
