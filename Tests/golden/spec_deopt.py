# Adaptive specialization: every specialized site must keep Python's
# semantics when its guards stop holding (deoptimization), and the
# visible bytecode must never show specialized instructions.
import dis
import io
import marshal


def hot(fn, *args, n=200):
    """Run fn enough times for its code to specialize; return the last result."""
    result = None
    for _ in range(n):
        result = fn(*args)
    return result


# ---- attribute loads: a class changed after the site specialized --------
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def get_x(p):
    return p.x


def call_norm(p):
    return p.norm1()


p = Point(3, -4)
print("x", hot(get_x, p), "norm", hot(call_norm, p))
Point.x = property(lambda self: "from property")
print("after property:", get_x(p))
del Point.x
print("property removed:", get_x(p))
Point.norm1 = lambda self: "replaced method"
print("after method swap:", call_norm(p))
p.norm1 = lambda: "instance attribute wins"
print("instance shadows method:", call_norm(p))
del p.norm1
print("shadow removed:", call_norm(p))


# ---- __getattribute__ set later -----------------------------------------
class Late:
    def __init__(self):
        self.a = 1


def get_a(o):
    return o.a


o = Late()
print("a", hot(get_a, o))
Late.__getattribute__ = lambda self, name: "intercepted " + name
print(get_a(o))
del Late.__getattribute__
print("restored", get_a(o))


# ---- polymorphic site -----------------------------------------------------
class A:
    def __init__(self):
        self.v = "A-instance"


class B:
    v = "B-class"


class C:
    __slots__ = ("v",)

    def __init__(self):
        self.v = "C-slot"


def get_v(o):
    return o.v


objs = [A(), B(), C()]
seen = []
for i in range(300):
    seen.append(get_v(objs[i % 3]))
print(sorted(set(seen)), len(seen))
c = C()
print("slot", hot(get_v, c))
del c.v
try:
    get_v(c)
except AttributeError as e:
    print("AttributeError:", e)


# ---- class attributes -------------------------------------------------------
class Config:
    LIMIT = 10

    def helper(x):
        return x * 2


def read_limit():
    return Config.LIMIT + Config.helper(1)


print("limit", hot(read_limit))
Config.LIMIT = 20
print("limit changed", read_limit())


# ---- globals and builtins ---------------------------------------------------
counter = 1


def use_global():
    return counter


def use_builtin(seq):
    return len(seq)


print("global", hot(use_global), "builtin", hot(use_builtin, [1, 2]))
counter = 2
print("global rebound", use_global())
del counter
try:
    use_global()
except NameError as e:
    print("NameError:", e)
counter = 3
print("global back", use_global())


def len(seq):  # noqa: shadows the builtin on purpose
    return "shadowed"


print("builtin shadowed:", use_builtin([1, 2]))
del len
print("builtin back:", use_builtin([1, 2, 3]))
import builtins
saved_len = builtins.len
builtins.len = lambda seq: "patched builtin"
print("builtins patched:", use_builtin([]))
builtins.len = saved_len
print("builtins restored:", use_builtin([1]))


# ---- binary operators ----------------------------------------------------------
def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def div(a, b):
    return a / b


print("int", hot(add, 2, 3), hot(sub, 2, 3), hot(mul, 6, 7))
print("overflow", add(2 ** 62, 2 ** 62), mul(2 ** 40, 2 ** 40), sub(-2 ** 63, 2 ** 63))
print("mixed", add(1, 2.5), sub(2.5, 1), mul(3, 0.5), add("a", "b"), add([1], [2]))
print("float", hot(add, 0.5, 0.25), hot(sub, 0.5, 0.25), hot(mul, 1.5, 2.0), hot(div, 1.0, 4.0))
try:
    div(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print("int/float mix", div(1, 4), div(7, 2.0))


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __lt__(self, other):
        return "MyInt.__lt__"


print("subclass", add(MyInt(1), 2), add(2, MyInt(1)))

x = 1.5
y = add(x, 0.0)
z = mul(x, 1.0)
print("floats kept", x, y, z, x is not y)


def chain(a, b, c):
    return a * b + c


print("float chain", hot(chain, 1.5, 2.0, 0.25))
big = 10 ** 30
print("big", hot(add, big, 1))


# ---- subscripts ------------------------------------------------------------------
def item(seq, i):
    return seq[i]


lst = [10, 20, 30]
tup = (1, 2, 3)
d = {"k": "v", 1: "one"}
print(hot(item, lst, 1), hot(item, tup, 2), hot(item, d, "k"))
print(item(lst, -1), item(tup, -3), item(d, 1), item("str", 0), item(lst, True))
for args in ((lst, 5), (tup, -4), (d, "missing"), (d, (1, 2)), (lst, 2 ** 70)):
    try:
        item(*args)
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)


class Missing(dict):
    def __missing__(self, key):
        return "missing " + str(key)


print(item(Missing(), "q"))


# ---- comparisons ---------------------------------------------------------------------
def less(a, b):
    return a < b


def equal(a, b):
    return a == b


print(hot(less, 1, 2), hot(less, 2.5, 1.5), hot(equal, "ab", "a" + "b"))
print(less(2 ** 64, 2 ** 65), less(1, 1.5), less(MyInt(3), 1), equal("a", 1))
nan = float("nan")
print(less(nan, 1.0), equal(nan, nan), hot(equal, 1.0, 1.0))
print(equal([1], [1]), less("a", "b"))


# ---- the visible bytecode stays unspecialized ----------------------------------------------
def sample(o, seq):
    total = 0
    for i in range(3):
        total = total + o.x + seq[i] + len(seq)
    return total


code_before = sample.__code__.co_code
dis_before = io.StringIO()
dis.dis(sample, file=dis_before)
marshal_before = marshal.dumps(sample.__code__)
print("sample", hot(sample, Point(1, 2), [1, 2, 3]))
dis_after = io.StringIO()
dis.dis(sample, file=dis_after)
print("co_code unchanged:", sample.__code__.co_code == code_before)
print("dis unchanged:", dis_before.getvalue() == dis_after.getvalue())
print("marshal unchanged:", marshal.dumps(sample.__code__) == marshal_before)
copy = marshal.loads(marshal_before)
print("equal and same hash:", copy == sample.__code__,
      hash(copy) == hash(sample.__code__))
names = {ins.opname for ins in dis.get_instructions(sample)}
print("base opnames only:", all(n in dis.opmap for n in names))
