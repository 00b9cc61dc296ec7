class Meta(type):
    def __repr__(cls): return "<Meta %s>" % cls.__name__
    def __len__(cls): return 3
    def __iter__(cls): return iter("abc")
    def __getitem__(cls, k): return k * 2
class U(metaclass=Meta): pass
print(U, len(U), list(U), U[4], type(U).__name__)
class Base:
    def __init_subclass__(cls, /, **kw):
        cls.kw = kw
class Sub(Base, a=1): pass
print(Sub.kw)
try:
    class Bad(object, foo=1): pass
except TypeError as e:
    print(e)
class Desc:
    def __set_name__(self, owner, name): self.n = name
    def __get__(self, o, t): return self.n
class Holder: a = Desc(); b = Desc()
print(Holder.a, Holder().b)
class WithSlots:
    __slots__ = ("x", "__dict__")
w = WithSlots(); w.x = 1; w.y = 2
print(w.x, w.y, w.__dict__)
import sys
class Tracker:
    def __del__(self): print("del tracker")
def make():
    t = Tracker()
    return 1
make()
print("after make")
lst = [Tracker()]
lst.clear()
print("after clear")
class Ctx:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self
    def __exit__(self, *exc): print("exit", self.n, exc[0].__name__ if exc[0] else None); return False
try:
    with Ctx(1), Ctx(2) as c2:
        raise ValueError
except ValueError:
    print("propagated")
with (Ctx(3) as a3,
      Ctx(4) as a4):
    print(a3.n + a4.n)
class Idx:
    def __index__(self): return 2
print("abcd"[Idx()], [1, 2, 3][Idx():], range(10)[Idx()], bin(Idx()), (5).__pow__(Idx()), round(3.14159, Idx()))
try:
    "ab"[float(1)]
except TypeError as e:
    print(e)
try:
    [1][None:"x"]
except TypeError as e:
    print(e)
class Hashy:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v
d = {Hashy(1): "a", Hashy(2): "b", Hashy(1): "c"}
print(len(d), [v for v in d.values()])
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i
print(list(reversed(Rev())), list(Rev()), 2 in Rev())
class NoRev:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try:
    reversed(NoRev())
except TypeError as e:
    print(e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class Callable:
    def __call__(self, x): return x + 1
print(Callable()(1), callable(Callable()), callable(Callable))
try:
    five = 5
    five()
except TypeError as e:
    print(e)
try:
    "s".foo()
except AttributeError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    len()
except TypeError as e:
    print(e)
try:
    [].append()
except TypeError as e:
    print(e)
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
try:
    1 < "a"
except TypeError as e:
    print(e)
try:
    -"a"
except TypeError as e:
    print(e)
try:
    [] + ()
except TypeError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    {}[[]]
except TypeError as e:
    print(e)
try:
    object.__setattr__(1, "x", 1)
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
