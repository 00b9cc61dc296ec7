"""Polymorphic attribute and method sites (ftattr, session 12).

A LOAD_ATTR site that sees objects of several classes keeps one cached
payload per class (up to four ways) instead of going generic.  Every loop
below checks each result, so a way consulted for the wrong class (a stale
version, another class's values position, another class's method) shows
as a wrong value, a wrong method or a missing AttributeError.
"""


class A:
    def __init__(self, n):
        self.x = n
        self.y = n + 1

    def who(self):
        return "A"


class B:
    def __init__(self, n):
        self.y = n + 1      # another order: x has another position in B
        self.x = n

    def who(self):
        return "B"


class C(A):
    def who(self):
        return "C"


class D:
    def __init__(self, n):
        self.pad = None
        self.x = n
        self.y = n + 1

    def who(self):
        return "D"


class E:
    __slots__ = ("x", "y")

    def __init__(self, n):
        self.x = n
        self.y = n + 1

    def who(self):
        return "E"


class F(B):
    pass


def read_x(obj):
    return obj.x


def call_who(obj):
    return obj.who()


def check(label, objs, rounds=200):
    bad = []
    for i in range(rounds):
        obj = objs[i % len(objs)]
        x, who = read_x(obj), call_who(obj)
        if x != obj.expected_x or who != obj.expected_who:
            bad.append((i, type(obj).__name__, x, who))
    print(label, "ok" if not bad else bad[:3])


def make(cls, n):
    obj = cls(n)
    if not isinstance(obj, E):
        obj.expected_x = n
        obj.expected_who = cls.__name__ if cls is not F else "B"
    return obj


class ESub(E):
    __slots__ = ("expected_x", "expected_who")


def e(n):
    obj = ESub(n)
    obj.expected_x = n
    obj.expected_who = "E"
    return obj


# Two, three, four classes at one site.
check("two", [make(A, 1), make(B, 2)])
check("three", [make(A, 3), make(B, 4), make(C, 5)])
check("four", [make(A, 6), make(B, 7), make(C, 8), make(D, 9)])
# More classes than ways: some always miss, all stay right.
check("six", [make(A, 10), make(B, 11), make(C, 12), make(D, 13),
              make(F, 14), e(15)])
# Phases: a site that saw four classes moves on to four others.
check("phase", [make(F, 16), e(17), make(D, 18), make(C, 19)])

# A class changes while the site caches it: the way goes stale.
objs = [make(A, 20), make(B, 21), make(C, 22)]
check("before change", objs)
A.who = lambda self: "A2"
for obj in objs:
    if type(obj) in (A,):
        obj.expected_who = "A2"
check("method replaced", objs)
del A.who
try:
    call_who(objs[0])
except AttributeError as exc:
    print("deleted:", exc)
A.who = lambda self: "A"
objs[0].expected_who = "A"
check("method restored", objs)

# An instance attribute shadows the method on one object only.
objs = [make(A, 30), make(B, 31), make(D, 32)]
check("unshadowed", objs)
objs[1].who = lambda: "own"
objs[1].expected_who = "own"
check("shadowed", objs)
del objs[1].who
objs[1].expected_who = "B"
check("unshadowed again", objs)

# An object whose attributes moved into a dict, at a site that read
# values positions for its class.
objs = [make(A, 40), make(B, 41), make(D, 42)]
check("values", objs)
vars(objs[0])
objs[0].__dict__["x"] = 43
objs[0].expected_x = 43
check("materialized", objs)

# An attribute deleted on one object: the generic path raises.
objs = [make(A, 50), make(B, 51), make(D, 52)]
check("present", objs)
del objs[2].x
for obj in objs:
    try:
        print(type(obj).__name__, read_x(obj))
    except AttributeError as exc:
        print(type(obj).__name__, "AttributeError:", exc)
objs[2].x = 52
check("set again", objs)

# A class attribute and __getattr__ at a polymorphic site.
class G:
    x = "class x"
    expected_x = "class x"
    expected_who = "G"

    def who(self):
        return "G"


class H:
    expected_x = "from getattr"
    expected_who = "H"

    def __getattr__(self, name):
        if name == "x":
            return "from getattr"
        if name == "who":
            return lambda: "H"
        raise AttributeError(name)


check("mixed kinds", [make(A, 60), G(), make(B, 61), H(), make(D, 62)])

# Many sites, each with its own polymorphic payload.
def many(objs):
    total = 0
    for obj in objs:
        total += obj.x + obj.y
    return total


objs = [make(cls, n) for n, cls in enumerate((A, B, C, D) * 50)]
print("sums", [many(objs) for _ in range(3)])
