# LOAD_SUPER_ATTR without a super object (speedb, session 9): the MRO
# look-up after the class, for the builtin super and an instance; every
# other case runs the generic path.  Results and messages must agree.


class Base:
    tag = "base-tag"

    def __init__(self, x):
        self.x = x

    def m(self, n=1):
        return ("Base.m", self.x, n)

    @classmethod
    def cm(cls):
        return ("Base.cm", cls.__name__)

    @staticmethod
    def sm(v):
        return ("Base.sm", v)

    @property
    def p(self):
        return ("Base.p", self.x)

    def __repr__(self):
        return "<Base-ish>"


class Left(Base):
    def m(self, n=1):
        return ("Left.m",) + super().m(n + 1)


class Right(Base):
    def m(self, n=1):
        return ("Right.m",) + super().m(n + 10)


class Child(Left, Right):
    def __init__(self):
        super().__init__(42)

    def m(self, n=1):
        return ("Child.m",) + super().m(n)

    def all_kinds(self):
        return (super().tag, super().cm(), super().sm(5), super().p,
                super().m, super().__class__.__name__)

    @classmethod
    def from_class(cls):
        return super().cm()

    def two_arg(self):
        return super(Left, self).m(0)


c = Child()
for _ in range(60):
    r = c.m()
print("mro", r)
for _ in range(3):
    kinds = c.all_kinds()
print("kinds", kinds[:4], kinds[4].__func__.__qualname__, kinds[5])
print("bound self", kinds[4].__self__ is c)
print("classmethod", [Child.from_class() for _ in range(60)][-1])
print("two-arg", [c.two_arg() for _ in range(60)][-1])
print("repr", repr(super(Base, c)) .startswith("<super"), super(Left, c).__repr__())

# Missing attributes: the super object's message.
class NoAttr(Base):
    def get(self):
        return super().missing


try:
    NoAttr(1).get()
except AttributeError as e:
    print("missing:", e)

# self not an instance of the class.
class Other:
    pass


try:
    super(Base, Other()).m()
except TypeError as e:
    print("not instance:", type(e).__name__)

# A class's own __getattr__ is not consulted by super().
class WithGetattr(Base):
    def __getattr__(self, name):
        return "getattr " + name

    def get(self):
        return super().nothing


try:
    WithGetattr(1).get()
except AttributeError as e:
    print("getattr ignored:", e)

# Builtin base class methods through super().
class MyList(list):
    def append(self, v):
        super().append(v * 2)


ml = MyList()
for i in range(60):
    ml.append(i)
print("list base", ml[:3], len(ml))


class MyDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) + 1

    def get(self, k, d=None):
        return ("mine", super().get(k, d))


md = MyDict(a=1)
print("dict base", [md["a"] for _ in range(60)][-1], md.get("b", 7))

# A rebound name `super` in the globals takes its own path.
import builtins


def fake_super(*args):
    return Base(99)


class UsesFake(Base):
    def m(self, n=1):
        return super().m(n)


super = fake_super
print("rebound", UsesFake(1).m())
del super
print("restored", UsesFake(1).m())

# The method replaced on the base after the site ran.
class Site(Base):
    def m(self, n=1):
        return super().m(n)


s = Site(3)
for _ in range(60):
    s.m()
Base.m = lambda self, n=1: ("patched", n)
print("patched", s.m(5))
del Base.m
try:
    s.m()
except AttributeError as e:
    print("deleted:", e)
Base.m = lambda self, n=1: ("restored Base.m", self.x, n)

# super() in __init_subclass__ and in a class whose instances lie about
# __class__.
class Registry:
    seen = []

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Registry.seen.append(cls.__name__)


class Reg1(Registry):
    pass


print("init_subclass", Registry.seen)


class Liar(Base):
    @property
    def __class__(self):
        return int

    def m(self, n=1):
        return super().m(n)


print("liar", Liar(7).m(2))

# Unbound super objects and super(type, type).
print("unbound", type(super(Base)).__name__,
      super(Left, Child).m.__qualname__)
print("none obj", super(type(None), None).__self__)

# Errors raised inside the looked-up method keep their traceback.
class Raiser(Base):
    def m(self, n=1):
        return super().m(n)


Base.m = lambda self, n=1: 1 // 0
try:
    Raiser(1).m()
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback", names)
