# Class instantiation entered inline (CALL_ALLOC_AND_ENTER_INIT): results,
# defaults, inherited __init__, errors raised by and about __init__,
# recursion through __init__, frames and tracebacks, and every way the
# specialized site must fall back (class or __init__ changed afterwards).
import sys
import traceback

N = 40      # enough runs for a site to warm up, specialize and hit


class Point:
    def __init__(self, x, y, z=0.0, tag="p"):
        self.x = x
        self.y = y
        self.z = z
        self.tag = tag


def make_points(n):
    out = []
    for i in range(n):
        out.append(Point(i, i * 2))
        out.append(Point(i, i, i / 2))
        out.append(Point(i, 1, 2, "q"))
    return out


pts = make_points(N)
print(len(pts), pts[-3].x, pts[-3].y, pts[-3].z, pts[-3].tag)
print(pts[-2].z, pts[-1].tag, type(pts[0]).__name__)


# An inherited __init__, subclasses at one site.
class Base:
    def __init__(self, a):
        self.a = a


class Child(Base):
    pass


class Grandchild(Child):
    def extra(self):
        return self.a * 10


def build(cls, n):
    return [cls(i) for i in range(n)]


for cls in (Base, Child, Grandchild, Base):
    objs = build(cls, N)
    print(cls.__name__, sum(o.a for o in objs), type(objs[-1]).__name__)
print(build(Grandchild, 3)[2].extra())


# __init__ returning something other than None.
class Bad:
    def __init__(self, value):
        self.value = value
        if value > 30:
            return value


def make_bad(n):
    made = 0
    for i in range(n):
        try:
            Bad(i)
            made += 1
        except TypeError as e:
            return made, str(e)
    return made, None


print(make_bad(N))


class BadStr:
    def __init__(self):
        return "nope"


for _ in range(N):
    try:
        BadStr()
    except TypeError as e:
        msg = str(e)
print(msg)


# __init__ that is a generator function: its call returns a generator.
class GenInit:
    def __init__(self):
        yield 1


for _ in range(N):
    try:
        GenInit()
    except TypeError as e:
        msg = str(e)
print(msg)


# Exceptions raised inside __init__ propagate with the right traceback.
class Fails:
    def __init__(self, n):
        if n % 7 == 6:
            raise ValueError("bad n %d" % n)
        self.n = n


def make_fails(n):
    ok = 0
    errors = []
    for i in range(n):
        try:
            Fails(i)
            ok += 1
        except ValueError as e:
            errors.append(str(e))
            tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return ok, errors[:2], names


print(make_fails(N))


# Wrong argument counts: the messages of the generic path.
class Two:
    def __init__(self, a, b):
        self.s = a + b


def make_two(args):
    return Two(*args) if len(args) != 2 else Two(args[0], args[1])


for _ in range(N):
    Two(1, 2)
for args in [(1,), (1, 2, 3)]:
    try:
        make_two(args)
    except TypeError as e:
        print(e)


def two_site(n):
    results = []
    for i in range(n):
        try:
            if i < n - 1:
                results.append(Two(i, i).s)
            else:
                results.append(Two(i).s)
        except TypeError as e:
            results.append(str(e))
    return results[-2:]


print(two_site(N))


# Recursion through __init__: the limit holds, and is reported.
class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n > 0 else None


def chain_len(c):
    k = 0
    while c is not None:
        k += 1
        c = c.next
    return k


for _ in range(N):
    Chain(3)
print(chain_len(Chain(200)))
old_limit = sys.getrecursionlimit()
sys.setrecursionlimit(150)
try:
    Chain(10000)
except RecursionError:
    print("RecursionError through __init__")
print(chain_len(Chain(50)))
sys.setrecursionlimit(old_limit)


# Frames: __init__'s caller is the frame that made the instance.
class Where:
    def __init__(self):
        f = sys._getframe(1)
        self.caller = f.f_code.co_name
        self.depth = 0
        while f is not None:
            self.depth += 1
            f = f.f_back


def maker():
    return Where()


for _ in range(N):
    w = maker()
print(w.caller, w.depth == Where().depth + 1)


class Deep:
    def __init__(self, fail):
        if fail:
            1 / 0


def deep_site(n):
    for i in range(n):
        try:
            Deep(i == n - 1)
        except ZeroDivisionError:
            lines = traceback.format_exc().splitlines()
            return [ln.strip() for ln in lines if ln.strip().startswith(("Deep(", "1 / 0"))]


print(deep_site(N))


# `del self` and rebinding self in __init__: the call still returns the
# instance that was made.
class Rebinds:
    def __init__(self, v):
        self.v = v
        self = None
        del self


print([Rebinds(i).v for i in range(N)][-1])


# Deoptimization: the class and __init__ change after the site warmed up.
class Mutable:
    def __init__(self, v):
        self.v = v


def mk(v):
    return Mutable(v)


def show(tag):
    try:
        obj = mk(5)
        print(tag, type(obj).__name__, getattr(obj, "v", None),
              getattr(obj, "w", None))
    except TypeError as e:
        print(tag, "TypeError:", e)


for i in range(N):
    mk(i)
show("start")


def new_init(self, v):
    self.w = v * 2


new_init_code = new_init.__code__
Mutable.__init__ = new_init
show("init replaced")
Mutable.__init__.__defaults__ = (7,)
for i in range(N):
    mk(i)
show("defaults added")


def two_args(self, v, extra):
    self.v = (v, extra)


Mutable.__init__.__code__ = two_args.__code__
show("code replaced")
Mutable.__init__.__code__ = new_init_code
show("code restored")
del Mutable.__init__
show("init deleted")
Mutable.__init__ = lambda self, v: setattr(self, "v", -v)
for i in range(N):
    mk(i)
show("lambda init")


def custom_new(cls, v):
    obj = object.__new__(cls)
    obj.w = "from __new__"
    return obj


Mutable.__new__ = custom_new
show("new added")


class Meta(type):
    def __call__(cls, *args):
        return ("meta", args)


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print([WithMeta(i) for i in range(N)][-1])

import abc


class Abstract(abc.ABC):
    def __init__(self, v):
        self.v = v


class Concrete(Abstract):
    pass


def mk_abstract(cls):
    try:
        return cls(1).v
    except TypeError as e:
        return str(e)


for _ in range(N):
    mk_abstract(Concrete)
print(mk_abstract(Concrete))
Concrete.run = abc.abstractmethod(lambda self: None)
Concrete.__abstractmethods__ = frozenset({"run"})
print(mk_abstract(Concrete))
Concrete.__abstractmethods__ = frozenset()
print(mk_abstract(Concrete))


# Keyword-only or *args __init__: the site stays generic but correct.
class Star:
    def __init__(self, *args, key=None):
        self.args = args
        self.key = key


print([Star(i, i).args for i in range(N)][-1])


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b=2):
        self.a = a
        self.b = b


print(sum(Slotted(i).a + Slotted(i, 1).b for i in range(N)))


# A site alternating between classes, and a class instantiated from a
# generator.
class A1:
    def __init__(self, v):
        self.v = v


class A2:
    def __init__(self, v):
        self.v = v * 10


def alternate(n):
    total = 0
    for i in range(n):
        cls = A1 if (i // 5) % 2 else A2
        total += cls(i).v
    return total


print(alternate(200))


def gen(n):
    for i in range(n):
        yield Point(i, -i)


print(sum(p.y for p in gen(N)))
