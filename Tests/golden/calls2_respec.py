# Sites whose types change for good after they specialized (they
# respecialize for the new types), sites that keep alternating, and
# tracing and profiling of specialized class instantiations and keyword
# calls.
import sys

N = 200


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Other:
    def __init__(self, x, y):
        self.x = y
        self.y = x

    def norm1(self):
        return self.x - self.y


def phase(values, make):
    total = 0
    for a, b in values:
        v = make(a, b)
        total += v.norm1() + v.x
    return total


ints = [(i, -i) for i in range(N)]
floats = [(i / 2, i / 4) for i in range(N)]
strs = [(str(i), str(i % 7)) for i in range(N)]

print(phase(ints, Vec), phase(floats, Vec), phase(ints, Other))
print(phase(floats, Other), phase(ints, Vec))


def add(a, b):
    return a + b


def accumulate(pairs):
    acc = None
    for a, b in pairs:
        r = add(a, b)
        acc = r if acc is None else acc + r
    return acc


print(accumulate(ints), accumulate(floats), len(accumulate(strs)))
print(accumulate([([i], [i]) for i in range(50)])[-4:])


# Attribute sites on objects whose class changes phase by phase.
class P1:
    def __init__(self):
        self.a = 1


class P2:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 2


class P3:
    a = 3


def read_a(objs):
    return sum(o.a for o in objs)


for cls in (P1, P2, P3, P1, P2):
    print(cls.__name__, read_a([cls() for _ in range(N)]))


# A keyword call site whose callee changes for good.
def k1(x, scale=1):
    return x * scale


def k2(x, scale=1, extra=5):
    return x * scale + extra


def kw_phase(fn):
    return sum(fn(i, scale=3) for i in range(N))


print(kw_phase(k1), kw_phase(k2), kw_phase(k1), kw_phase(lambda x, scale: -x))


# Tracing and profiling see the same events for a specialized site as
# for a generic one.
class Traced:
    def __init__(self, v):
        self.v = v


def kwcallee(a, b=0):
    return a + b


def site():
    t = Traced(1)
    return kwcallee(t.v, b=2)


for _ in range(N):
    site()

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("site", "__init__", "kwcallee"):
        events.append((event, frame.f_code.co_name))
    return tracer


sys.settrace(tracer)
site()
sys.settrace(None)
print([e for e in events if e[0] != "line"])

prof = []


def profiler(frame, event, arg):
    if event in ("call", "return"):
        prof.append((event, frame.f_code.co_name))


sys.setprofile(profiler)
site()
sys.setprofile(None)
print([p for p in prof if p[1] in ("site", "__init__", "kwcallee")])
print(site())


# Module dicts have interned keys (PyObject_SetAttrString interns), so a
# global load specialized on a builtin finds it by identity at its hint.
import builtins
import math
print(all(k is sys.intern(k) for k in builtins.__dict__),
      all(k is sys.intern(k) for k in math.__dict__))


def uses_builtins(n):
    t = 0
    for i in range(n):
        t = max(t, len(str(i))) + min(i, 1) + abs(-1) + sum((1, 2))
    return t


print(uses_builtins(N))
