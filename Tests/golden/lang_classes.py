class A:
    def who(self): return "A"
    def chain(self): return ["A"]
class B(A):
    def who(self): return "B" + super().who()
    def chain(self): return ["B"] + super().chain()
class C(A):
    def who(self): return "C" + super().who()
    def chain(self): return ["C"] + super().chain()
class D(B, C):
    def chain(self): return ["D"] + super().chain()
print(D().who(), D().chain(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
try:
    class X(A, B): pass
except TypeError as e:
    print(" ".join(str(e).split()))
print(super(B, D()).who(), super(D, D).chain(D()))
class Cnt:
    count = 0
    def __init__(self):
        Cnt.count += 1
        self.count = "inst"
Cnt(); Cnt()
print(Cnt.count, Cnt().count, vars(Cnt()))
class WithClassAttr:
    items = []
    def add(self, x): self.items.append(x)
w1, w2 = WithClassAttr(), WithClassAttr()
w1.add(1); w2.add(2); print(WithClassAttr.items)
class Stat:
    @staticmethod
    def s(): return "static"
    @classmethod
    def c(cls): return cls.__name__
class SubStat(Stat): pass
print(Stat.s(), SubStat.c(), SubStat().c(), type(Stat.__dict__["s"]).__name__, type(Stat.__dict__["c"]).__name__)
print(repr(A.who)[:21], A().who.__self__.__class__.__name__, A.who.__name__, A().who.__func__ is A.who)
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return type(o) is Eq and o.v == self.v
print(Eq(1) == Eq(1), Eq(1) != Eq(1), Eq(1) != Eq(2), Eq.__hash__ is None, Eq(1) in [Eq(1)])
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print("lt", self.v, o.v); return self.v < o.v
    def __gt__(self, o): print("gt", self.v, o.v); return self.v > o.v
print(Ord(1) < Ord(2), Ord(1) > Ord(2))
class Sub(Ord):
    def __gt__(self, o): print("sub gt"); return True
print(Ord(1) < Sub(2))
class Num(int):
    def __add__(self, o): return "Num.add"
print(Num(1) + 1, 1 + Num(1), Num(5) * 2, type(Num(5) * 2).__name__, Num(7), repr(Num(7)), isinstance(Num(1), int))
class MyList(list):
    def __repr__(self): return "MyList" + super().__repr__()
m = MyList([1, 2]); m.append(3)
print(m, len(m), m[0], type(m[:1]).__name__, m + [4], type(m + [4]).__name__)
class MyStr(str):
    pass
print(MyStr("x") + "y", type(MyStr("x") + "y").__name__, MyStr("ab").upper(), MyStr("z") == "z")
class MyDict(dict):
    def __getitem__(self, k): return "override"
md = MyDict(a=1)
print(md["a"], md.get("a"), dict(md), list(md.items()))
print(type(A), type(type), type(A()).__name__, A.__bases__, object.__bases__, type.__mro__)
print(A.__dict__["who"].__qualname__, "who" in A.__dict__, "who" in B.__dict__, "who" in D.__dict__)
N = type("N", (A,), {"x": 5, "who": lambda self: "N"})
print(N().who(), N.x, N.__name__, N.__mro__[1].__name__)
class Abstractish:
    def method(self): raise NotImplementedError("subclass must implement")
try:
    Abstractish().method()
except NotImplementedError as e:
    print(type(e).__name__, e)
class Repr:
    pass
r = repr(Repr())
print(r.startswith("<__main__.Repr object at 0x"), str(Repr) , repr(A.who)[:20])
class Prop:
    def __init__(self): self._v = 1
    v = property(lambda self: self._v, doc="the v")
print(Prop().v, Prop.v.__doc__, type(Prop.v).__name__)
class CallCount:
    def __init__(self, f): self.f = f; self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)
@CallCount
def sq(x): return x * x
print(sq(3), sq(4), sq.n)
def deco(tag):
    def wrap(f):
        def inner(*a): return tag + str(f(*a))
        return inner
    return wrap
@deco("<")
@deco(">")
def val(): return 1
print(val())
class Slotted:
    __slots__ = ("x",)
print(Slotted.__slots__, type(Slotted.x).__name__)
print(object.__eq__(1, 1), object.__eq__(1, 2), object().__ne__(object()), (1).__eq__("a"))
