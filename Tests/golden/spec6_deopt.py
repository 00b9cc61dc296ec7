# Session 6 specializations (STORE_ATTR, FOR_ITER, UNPACK_SEQUENCE,
# TO_BOOL, CONTAINS_OP, STORE_SUBSCR, LOAD_ATTR of modules): every site
# runs long enough to specialize, then meets what its guards must reject.
import sys
import types

WARM = 40


# ---- STORE_ATTR --------------------------------------------------------------

class Point:
    def __init__(self, x):
        self.x = x


def set_x(obj, value):
    obj.x = value


p = Point(0)
for i in range(WARM):
    set_x(p, i)
print("store plain", p.x, p.__dict__)

# A property with a setter added to the class after the site specialized.
log = []
Point.x = property(lambda self: "prop", lambda self, v: log.append(v))
set_x(p, 99)
print("store after property", p.x, log, p.__dict__)
del Point.x
set_x(p, 7)
print("store after del property", p.x)

# __setattr__ added later.
class Watched:
    pass


w = Watched()
for i in range(WARM):
    set_x(w, i)
Watched.__setattr__ = lambda self, n, v: log.append((n, v))
set_x(w, "hooked")
print("store after __setattr__", w.x, log[-1])
del Watched.__setattr__
set_x(w, "plain again")
print("store after del __setattr__", w.x)

# Slots and dicts through one site.
class Slot:
    __slots__ = ("x",)


s = Slot()
for i in range(WARM):
    set_x(s, i)
print("store slot", s.x)
mixed = [Point(0), Slot(), Watched()]
for i in range(WARM):
    set_x(mixed[i % 3], i)
print("store mixed", [m.x for m in mixed])

class NoX:
    __slots__ = ("y",)


try:
    set_x(NoX(), 1)
except AttributeError as e:
    print("store missing slot:", e)

# The instance dict replaced, an attribute deleted then set again.
q = Point(1)
for i in range(WARM):
    set_x(q, i)
q.__dict__ = {"other": 1}
set_x(q, "new dict")
print("store new dict", q.__dict__)
del q.x
set_x(q, "again")
print("store after del", q.__dict__)
q.__dict__ = {}
for i in range(WARM):
    set_x(q, i)
print("store re-added", q.__dict__)


# Fresh objects: every store adds the name (a __init__ site).
class Many:
    def __init__(self, a, b):
        self.a = a
        self.b = b


objs = [Many(i, -i) for i in range(WARM)]
print("store in __init__", sum(o.a for o in objs), sum(o.b for o in objs),
      objs[5].__dict__)


# A slot left unset, then read.
def set_and_read(obj, v):
    obj.x = v
    return obj.x


print("slot set/read", [set_and_read(Slot(), i) for i in range(WARM)][-3:])


# ---- FOR_ITER ------------------------------------------------------------------

def total(iterable):
    t = 0
    for v in iterable:
        t += v
    return t


for i in range(WARM):
    total(range(10))
print("range", total(range(10)), total(range(10, 0, -3)), total(range(0)))
big = 2 ** 63
print("huge range", total(range(big - 2, big + 2)) - 4 * big)
print("long edge", list(range(sys.maxsize - 2, sys.maxsize)))
print("negative", list(range(-sys.maxsize - 1, -sys.maxsize + 1)))
print("tuple", total((1, 2, 3)), total(()))
print("list", total([4, 5, 6]))
print("gen", total(x for x in [7, 8]))


class MyList(list):
    def __iter__(self):
        return iter([100])


print("list subclass", total(MyList([1, 2, 3])))


def grow(lst):
    seen = []
    for v in lst:
        seen.append(v)
        if v < 5:
            lst.append(v + 1)
    return seen


for i in range(WARM):
    grow([0])
print("grown while iterating", grow([0]))


def shrink(lst):
    seen = []
    for v in lst:
        seen.append(v)
        lst.clear()
    return seen


for i in range(WARM):
    shrink([1, 2, 3])
print("cleared while iterating", shrink([1, 2, 3]))


def drain(it):
    return [v for v in it]


lst = [1, 2]
it = iter(lst)
for i in range(WARM):
    drain(iter([1]))
print("exhausted", drain(it), end=" ")
lst.append(3)
print(drain(it))
r = iter(range(3))
print("range iter", drain(r), drain(r))

# ---- UNPACK_SEQUENCE ------------------------------------------------------------


def pair(seq):
    a, b = seq
    return a - b


def triple(seq):
    a, b, c = seq
    return a + b * c


for i in range(WARM):
    pair((i, 1))
    triple((1, 2, i))
    triple([1, 2, i])
print("unpack", pair((5, 3)), pair([5, 3]), triple((1, 2, 3)), triple([1, 2, 3]))
for bad in [(1, 2, 3), (1,), [1, 2, 3], [1], "ab", "abc", iter([1])]:
    try:
        print("pair", repr(bad) if not hasattr(bad, "__next__") else "iter",
              pair(bad) if not isinstance(bad, str) else pair(bad) is None)
    except (ValueError, TypeError) as e:
        print("  ", type(e).__name__, e)
for bad in [(1, 2), [1, 2, 3, 4]]:
    try:
        triple(bad)
    except ValueError as e:
        print("triple", type(e).__name__, e)


class Tup(tuple):
    def __iter__(self):
        return iter((10, 1))


print("tuple subclass", pair(Tup((1, 2))))


class Lst(list):
    def __iter__(self):
        return iter([20, 1])


print("list subclass", pair(Lst([1, 2])))


# ---- TO_BOOL ---------------------------------------------------------------------

def truth(v):
    return "T" if v else "F"


class Zero(int):
    def __bool__(self):
        return True


class Empty(str):
    def __len__(self):
        return 0


class Full(list):
    def __len__(self):
        return 3


for i in range(WARM):
    truth(i)
print("int", truth(0), truth(1), truth(-5), truth(2 ** 100), truth(Zero(0)),
      truth(True), truth(None), truth(""))
for i in range(WARM):
    truth("x" * (i % 2))
print("str", truth(""), truth("a"), truth(Empty("abc")), truth(0))
for i in range(WARM):
    truth([0] * (i % 2))
print("list", truth([]), truth([0]), truth(Full()), truth(()))
for i in range(WARM):
    truth(None)
print("none", truth(None), truth(0.0), truth({}), truth({1: 1}))
for i in range(WARM):
    truth(i % 2 == 0)
print("bool", truth(False), truth(True), truth(1), truth(object()))


class Bad:
    def __bool__(self):
        raise RuntimeError("no truth")


try:
    truth(Bad())
except RuntimeError as e:
    print("bool error", e)


# ---- CONTAINS_OP -------------------------------------------------------------------

def has(x, c):
    return x in c, x not in c


class D(dict):
    def __contains__(self, k):
        return True


class St(set):
    def __contains__(self, k):
        return k == "magic"


class Sx(str):
    def __contains__(self, k):
        return True


for i in range(WARM):
    has(i, {1: 2})
    has(i, {1, 2})
    has("a", "abc")
print("dict", has(1, {1: 2}), has(3, {1: 2}), has(3, D()))
print("set", has(1, {1}), has(1, frozenset([1])), has("magic", St()),
      has(set(), {frozenset()}))
print("str", has("b", "abc"), has("", "abc"), has("z", Sx()), has("x", ["x"]))
for bad in [([], {}), (1, "abc"), ([], set())]:
    try:
        has(*bad)
    except TypeError as e:
        print("contains error", e)


# ---- STORE_SUBSCR ----------------------------------------------------------------

def put(c, k, v):
    c[k] = v


class L(list):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)


class DD(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, -v)


lst = [0] * 5
dct = {}
for i in range(WARM):
    put(lst, i % 5, i)
    put(dct, i % 3, i)
print("store list", lst, "dict", dct)
put(lst, -1, "last")
put(lst, True, "bool")
print("store list", lst)
for bad in [5, 2 ** 70, -6]:
    try:
        put(lst, bad, 0)
    except IndexError as e:
        print("store list error", e)
try:
    put(lst, "a", 0)
except TypeError as e:
    print("store list error", e)
sub = L([0, 0])
put(sub, 1, 3)
dsub = DD()
put(dsub, "k", 4)
print("store subclasses", sub, dsub)
try:
    put({}, [], 1)
except TypeError as e:
    print("store dict error", e)


# ---- LOAD_ATTR of modules ----------------------------------------------------------

mod = types.ModuleType("m")
mod.value = 1


def get_value(m):
    return m.value


for i in range(WARM):
    get_value(mod)
mod.value = 2
print("module", get_value(mod))
del mod.value
mod.__getattr__ = lambda name: "from __getattr__ " + name
print("module", get_value(mod))
mod.value = 3
print("module", get_value(mod))


class Mod(types.ModuleType):
    @property
    def value(self):
        return "property"


mod2 = Mod("m2")
print("module subclass", get_value(mod2))
print("module methods", [sys.intern("a") for i in range(3)][0])
del mod.value
del mod.__getattr__
try:
    get_value(mod)
except AttributeError as e:
    print("module error", e)


# ---- tracing a specialized FOR_ITER (sys.monitoring branches, f_lineno) ------

mon = sys.monitoring
def loop(seq):
    t = 0
    for v in seq:
        t += v
    return t
for i in range(50):
    loop([1, 2, 3]); loop(range(3)); loop((1, 2))
events = []
TOOL = 2
mon.use_tool_id(TOOL, "spec6")
mon.register_callback(TOOL, mon.events.BRANCH_LEFT, lambda c, i, d: events.append("L"))
mon.register_callback(TOOL, mon.events.BRANCH_RIGHT, lambda c, i, d: events.append("R"))
mon.set_local_events(TOOL, loop.__code__, mon.events.BRANCH_LEFT | mon.events.BRANCH_RIGHT)
loop([1, 2, 3]); loop(range(2)); loop(())
mon.set_local_events(TOOL, loop.__code__, 0)
mon.free_tool_id(TOOL)
print("branch events", "".join(events))



def jumper(seq):
    out = []
    for v in seq:           # line +2
        out.append(v)       # line +3
    out.append("end")       # line +4
    return out


first = jumper.__code__.co_firstlineno
for i in range(50):
    jumper([1, 2])


def tracer(frame, event, arg):
    if frame.f_code is jumper.__code__:
        if event == "line" and frame.f_lineno == first + 3 and not done:
            done.append(1)
            frame.f_lineno = first + 4
        return tracer
    return None


done = []
sys.settrace(tracer)
res = jumper([1, 2, 3])
sys.settrace(None)
print("jump out of a specialized for", res)
