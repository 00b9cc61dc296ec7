# Expected output: CPython 3.11 output, except the two "no __dict__ for setting
# new attributes" AttributeError messages, which follow 3.13+ (written by hand).
class GA:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith("no"): raise AttributeError(name)
        return "ga:" + name
g = GA()
print(g.real, g.foo, hasattr(g, "nope"), getattr(g, "nope", "dflt"))

class GAB:
    def __getattribute__(self, name):
        if name == "secret": return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return "fallback " + name
print(GAB().secret, GAB().other)

class SA:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
s = SA()
s.a = 5
print(s.a)
del s.a
print(hasattr(s, "a"))
try:
    del s.a
except AttributeError as e:
    print("AttributeError", e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    print(object().zz)
except AttributeError as e:
    print(e)

class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
class User:
    d = Desc()
    e = Desc()
u = User()
print(u.d, type(User.d).__name__)
u.d = 10
print(u.d, u.__dict__)
del u.d

class NonData:
    def __get__(self, obj, t=None): return "nondata"
class H:
    nd = NonData()
h = H()
print(h.nd)
h.__dict__['nd'] = "inst"
print(h.nd)

class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v + 1
    @x.deleter
    def x(self): print("deleting x")
    @property
    def ro(self): return "ro"
p = P()
p.x = 5
print(p.x)
del p.x
try:
    p.ro = 1
except AttributeError as e:
    print("AttributeError")

class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = S()
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError", e)
class S2(S):
    __slots__ = ("c",)
s2 = S2(); s2.c = 9; s2.b = 8
print(s2.a, s2.b, s2.c)

class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class A1(Base): pass
class A2(Base, tag="t2"): pass
print(Base.subs)

class CG:
    def __class_getitem__(cls, item): return ("cg", cls.__name__, item)
print(CG[int], CG[1, 2])
print(list[int], dict[str, int], tuple[int, ...])

class ME:
    def __mro_entries__(self, bases): return (dict,)
class FromME(ME()): pass
print(FromME.__bases__, FromME.__orig_bases__[0].__class__.__name__)

class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__(*a)
class WithMeta(metaclass=Meta, flag=True):
    x = 1
    def m(self): pass
w = WithMeta()
print(type(WithMeta).__name__, WithMeta.injected, isinstance(w, WithMeta))

class IC(type):
    def __instancecheck__(cls, inst): return inst == 7
    def __subclasscheck__(cls, sub): return sub is int
class Any(metaclass=IC): pass
print(isinstance(7, Any), isinstance(8, Any), issubclass(int, Any), issubclass(str, Any))
print(isinstance(1, (str, int)), issubclass(bool, (str, int)))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)

class Sing:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v): self.v = v
print(Sing(1) is Sing(2), Sing(3).v)
print(A2.__mro__ == (A2, Base, object), A2.__name__, A2.__qualname__)
class Outer:
    class Inner:
        def meth(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__)
