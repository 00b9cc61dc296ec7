class Base:
    @property
    def p(self): return "base"
class Der(Base):
    @Base.p.getter
    def p(self): return "der+" + super().p
print(Der().p)
class A:
    def __init__(self): self.__dict__["x"] = 1
    def __getattribute__(self, n):
        if n == "boom": raise AttributeError("custom")
        return super().__getattribute__(n)
    def __getattr__(self, n): return "fallback:" + n
print(A().x, A().boom, A().zzz)
class Lazy:
    def __init__(self, f): self.f = f; self.name = f.__name__
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.f(obj); obj.__dict__[self.name] = v; return v
class UsesLazy:
    calls = 0
    @Lazy
    def value(self):
        UsesLazy.calls += 1
        return 42
u = UsesLazy()
print(u.value, u.value, UsesLazy.calls)
class Typed:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, cls): return obj.__dict__.get(self.name) if obj else self
    def __set__(self, obj, value):
        if not isinstance(value, int): raise TypeError(f"{self.name} must be int")
        obj.__dict__[self.name] = value
class Pt:
    x = Typed(); y = Typed()
    def __init__(self, x, y): self.x = x; self.y = y
p = Pt(1, 2)
print(p.x, p.y)
try:
    p.x = "s"
except TypeError as e:
    print(e)
class Meta(type):
    def __new__(m, name, bases, ns):
        ns["created_by"] = m.__name__
        return super().__new__(m, name, bases, ns)
    @property
    def upper(cls): return cls.__name__.upper()
class WithMeta(metaclass=Meta): pass
class Child(WithMeta): pass
print(WithMeta.created_by, Child.created_by, Child.upper, type(Child).__name__)
try:
    WithMeta().upper
except AttributeError as e:
    print(e)
class Counter:
    def __init__(self): self.n = 0
    def __iadd__(self, k): self.n += k; return self
    def __isub__(self, k): return NotImplemented
    def __sub__(self, k): r = Counter(); r.n = self.n - k; return r
c = Counter(); c += 5; c -= 2
print(c.n, type(c).__name__)
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print("eq called"); return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != Cmp(1))
x = Cmp(1)
print(x == x, x in [x], [x].count(x))
class R:
    def __radd__(self, o): return "radd"
    def __rsub__(self, o): return "rsub"
    def __rlshift__(self, o): return "rlshift"
print(1 + R(), [] + R() if False else "skip", 5 - R(), 1 << R(), sum([R()], 0) if False else "")
class Bad:
    def __len__(self): return "x"
try:
    len(Bad())
except TypeError as e:
    print(e)
class Big:
    def __len__(self): return 2 ** 100
try:
    len(Big())
except OverflowError as e:
    print(e)
class H:
    def __hash__(self): return "x"
try:
    hash(H())
except TypeError as e:
    print(e)
class BoolBad:
    def __bool__(self): return 1
try:
    bool(BoolBad())
except TypeError as e:
    print(e)
class ReprBad:
    def __repr__(self): return 5
try:
    repr(ReprBad())
except TypeError as e:
    print(e)
class StrBad:
    def __str__(self): return None
try:
    str(StrBad())
except TypeError as e:
    print(e)
class IdxBad:
    def __index__(self): return 1.5
try:
    [1][IdxBad()]
except TypeError as e:
    print(e)
class IterBad:
    def __iter__(self): return iter([1])
    def __next__(self): return 1
print(list(IterBad()))
class NextBad:
    def __iter__(self): return self
try:
    list(NextBad())
except TypeError as e:
    print(e)
