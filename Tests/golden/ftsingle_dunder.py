# Operator dunders of Python classes: results and protocol order, run
# often enough (300 times per site) that the sites specialize.

N = 300

class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, (int, float)):
            return V(self.x + other)
        return NotImplemented
    def __sub__(self, other, scale=1):
        return V((self.x - other.x) * scale)
    def __mul__(self, k):
        return V(self.x * k)
    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.x == other.x
    def __lt__(self, other):
        if isinstance(other, V):
            return self.x < other.x
        return NotImplemented
    def __repr__(self):
        return "V(%r)" % (self.x,)

def add_loop(a, b):
    r = None
    for _ in range(N):
        r = a + b
    return r

def mul_loop(a, k):
    r = None
    for _ in range(N):
        r = a * k
    return r

def lt_loop(a, b):
    n = 0
    for _ in range(N):
        if a < b:
            n += 1
    return n

def eq_value(a, b):
    r = None
    for _ in range(N):
        r = (a == b)
    return r

print("add", add_loop(V(1), V(2)), add_loop(V(1), 5), add_loop(V(1), 0.5))
print("defaults", (V(5) - V(2)).x)
print("mul", mul_loop(V(3), 4), mul_loop(V(3), 1.5))
print("lt", lt_loop(V(1), V(2)), lt_loop(V(3), V(2)))
print("eq", eq_value(V(1), V(1)), eq_value(V(1), V(2)))

# NotImplemented from __eq__: identity decides, as without the dunder.
a = V(1)
print("eq NotImplemented", eq_value(a, 7), eq_value(a, a))
# NotImplemented from __lt__ against an int: int's reflected comparison,
# then TypeError.
try:
    lt_loop(V(1), 3)
except TypeError as e:
    print("TypeError:", e)

# NotImplemented from __add__ with a str on the right: str is not a
# specialized right type, still the generic message.
def add_any(a, b):
    try:
        return a + b
    except TypeError as e:
        return "TypeError: %s" % e
for _ in range(N):
    r = add_any(V(1), 2)
print("add int", r)
print("add str", add_any(V(1), "s"))

# The same site seeing NotImplemented only sometimes.
class Picky:
    def __init__(self, ok):
        self.ok = ok
    def __add__(self, other):
        return 10 if self.ok else NotImplemented
out = []
for i in range(N):
    try:
        out.append(Picky(i % 7 != 0) + Picky(True))
    except TypeError as e:
        out.append(str(e))
print("picky", out[:3], len(out), out.count(10))
# NotImplemented with an int on the right: int.__radd__ gets its turn,
# then the TypeError names both types.
def picky_int(p):
    try:
        return p + 1
    except TypeError as e:
        return str(e)
print([picky_int(Picky(i % 2 == 0)) for i in range(6)])

# Reflected operands: a subclass overriding __radd__ goes first.
class Base:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return "Base.__add__"
    def __radd__(self, other):
        return "Base.__radd__"
class Sub(Base):
    def __radd__(self, other):
        return "Sub.__radd__"
class Other:
    def __radd__(self, other):
        return "Other.__radd__"
class Base3(Base):
    def __add__(self, other):
        return NotImplemented
def add2(a, b):
    return a + b
res = []
for _ in range(N):
    res.append(add2(Base(1), Base(2)))
for _ in range(N):
    res.append(add2(Base(1), Sub(2)))
print("reflect", res[0], res[N], res[-1])
# A Python class on the right with __radd__: its turn after NotImplemented.
print("other", [add2(Base3(1), Other()) for _ in range(N)][-1], add2(3, Other()))
class Other2:
    def __radd__(self, other):
        return "Other2.__radd__"
class Base2:
    def __add__(self, other):
        return NotImplemented
def add3(a, b):
    return a + b
x = [add3(Base2(), Other2()) for _ in range(N)]
print("other radd", x[0], len(set(x)))

# In-place forms: no __iadd__ means __add__; an __iadd__ added later wins.
class Acc:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return Acc(self.n + other.n)
def accumulate(k):
    a = Acc(0)
    one = Acc(1)
    for _ in range(k):
        a += one
    return a
print("iadd via add", accumulate(N).n)
def iadd(self, other):
    self.n += 100 * other.n
    return self
Acc.__iadd__ = iadd
print("iadd added", accumulate(3).n)
del Acc.__iadd__
print("iadd removed", accumulate(3).n)
class Acc2:
    def __add__(self, other):
        return NotImplemented
def iadd_fail():
    a = Acc2()
    try:
        a += Acc2()
    except TypeError as e:
        return str(e)
print([iadd_fail() for _ in range(N)][-1])
def iadd_int(a):
    try:
        a -= 1
    except TypeError as e:
        return str(e)
print([iadd_int(Acc2()) for _ in range(N)][-1])

# Exceptions from the dunder: traceback goes through it.
class Boom:
    def __init__(self, n):
        self.n = n
    def __mul__(self, other):
        if self.n == 0:
            raise ValueError("boom %d" % other.n)
        return Boom(self.n - 1)
def mul2(a, b):
    return a * b
count = 0
for i in range(N):
    try:
        mul2(Boom(i % 5), Boom(i))
    except ValueError as e:
        count += 1
        last = e
import traceback
print("boom", count, last, [f.name for f in traceback.extract_tb(last.__traceback__)])

# Methods replaced at run time: the new method runs.
class R:
    def __add__(self, other):
        return "first"
def addr(a, b):
    return a + b
print([addr(R(), R()) for _ in range(N)][-1], end=" ")
R.__add__ = lambda self, other: "second"
print(addr(R(), R()), end=" ")
def third(self, other, *args):
    return "third"
R.__add__ = third
print(addr(R(), R()), end=" ")
class M:
    def __call__(self, other):
        return "callable object"
R.__add__ = M()
print(addr(R(), R()), end=" ")
del R.__add__
try:
    addr(R(), R())
except TypeError as e:
    print("|", e)

# The function's __code__ and __defaults__ replaced without the class
# changing.
class C:
    def __sub__(self, other):
        return "sub1"
def subc(a, b):
    return a - b
print([subc(C(), C()) for _ in range(N)][-1], end=" ")
def sub2(self, other, extra="x"):
    return "sub2" + extra
C.__sub__.__code__ = sub2.__code__
C.__sub__.__defaults__ = ("y",)
print(subc(C(), C()), end=" ")
def sub3(self):
    return "sub3"
C.__sub__.__code__ = sub3.__code__
try:
    subc(C(), C())
except TypeError as e:
    print("|", e)

# A base class method changed.
class P:
    def __lt__(self, other):
        return True
class Q(P):
    pass
def ltq(a, b):
    return a < b
print([ltq(Q(), Q()) for _ in range(N)][-1], end=" ")
P.__lt__ = lambda self, other: "changed"
print(ltq(Q(), Q()))

# Comparisons feeding branches convert any result to bool; bool() of
# the result may raise.
class Weird:
    def __init__(self, r):
        self.r = r
    def __gt__(self, other):
        return self.r
class NoBool:
    def __bool__(self):
        raise RuntimeError("no bool")
def branch(a, b):
    if a > b:
        return "yes"
    return "no"
print([branch(Weird([1]), Weird(0)) for _ in range(N)][-1],
      branch(Weird([]), Weird(0)), branch(Weird("x"), 1.0))
try:
    branch(Weird(NoBool()), Weird(0))
except RuntimeError as e:
    print("RuntimeError:", e)
print("value", [Weird([1]) > Weird(0) for _ in range(N)][-1])

# Recursion through a dunder still hits the recursion limit.
import sys
class Deep:
    def __add__(self, other):
        return self + other
try:
    Deep() + Deep()
except RecursionError:
    print("RecursionError")

# sys._getframe and f_back from inside a dunder.
class F:
    def __add__(self, other):
        f = sys._getframe()
        return (f.f_code.co_name, f.f_back.f_code.co_name)
def caller():
    return F() + F()
print([caller() for _ in range(N)][-1])

# Subclass on the left with its own __add__; slots; matmul and friends.
class S(V):
    __slots__ = ()
    def __add__(self, other):
        return "S.__add__"
print([add2(S(1), V(1)) for _ in range(N)][-1], [add2(V(1), V(1)) for _ in range(N)][-1])
class Ops:
    def __matmul__(s, o): return "@"
    def __floordiv__(s, o): return "//"
    def __truediv__(s, o): return "/"
    def __mod__(s, o): return "%"
    def __lshift__(s, o): return "<<"
    def __rshift__(s, o): return ">>"
    def __and__(s, o): return "&"
    def __or__(s, o): return "|"
    def __xor__(s, o): return "^"
    def __le__(s, o): return "<="
    def __ge__(s, o): return ">="
    def __ne__(s, o): return "!="
def all_ops(a, b):
    return [a @ b, a // b, a / b, a % b, a << b, a >> b, a & b, a | b,
            a ^ b, a <= b, a >= b, a != b]
print([all_ops(Ops(), Ops()) for _ in range(N)][-1])
print([all_ops(Ops(), 2) for _ in range(N)][-1])
