# LOAD_ATTR_PROPERTY (speedb, session 9): a property whose getter is a
# Python function is entered as a frame.  Every guard miss must fall back
# to the generic path with the same results, errors and frames.
import sys
import traceback


def loop(obj, name, n=60):
    # One LOAD_ATTR site run often enough to specialize.
    out = []
    for _ in range(n):
        out.append(getattr(obj, name) if name != "v" else obj.v)
    return out


class A:
    def __init__(self, v):
        self._v = v

    @property
    def v(self):
        return self._v * 2


def read_v(obj):
    return obj.v


a = A(3)
print("plain", sum(read_v(a) for _ in range(100)))

# The same site on a subclass (another version) and an unrelated class.
class B(A):
    pass


class C:
    v = 7


objs = [A(1), B(2), C(), A(4)] * 30
print("poly", sum(read_v(o) for o in objs))

# The getter replaced by reassigning the property on the class.
for i in range(80):
    if i == 40:
        A.v = property(lambda self: -self._v)
    r = read_v(a)
print("reassigned", r)

# property.__init__ called again on the cached property object.
class D:
    @property
    def p(self):
        return "first"


def read_p(obj):
    return obj.p


d = D()
for _ in range(60):
    read_p(d)
prop = D.__dict__["p"]
prop.__init__(lambda self: "second")
print("reinit", read_p(d))
prop.__init__(len)   # a builtin getter: generic path
try:
    read_p(d)
except TypeError as e:
    print("builtin getter:", type(e).__name__)
prop.__init__(None)
try:
    read_p(d)
except AttributeError as e:
    print("no getter:", type(e).__name__)

# Getter with defaults, and its __defaults__ / __code__ replaced.
class E:
    def get(self, extra=10):
        return extra

    p = property(get)


def read_e(obj):
    return obj.p


e = E()
print("defaults", [read_e(e) for _ in range(60)][-1])
E.get.__defaults__ = (20,)
print("new defaults", read_e(e))
E.get.__defaults__ = None
try:
    read_e(e)
except TypeError as err:
    print("missing:", err)


def other(self):
    return "other code"


E.get.__code__ = other.__code__
print("new code", read_e(e))

# A getter that is a generator function: the generator is the value.
class G:
    @property
    def g(self):
        yield 1
        yield 2


def read_g(obj):
    return obj.g


gg = G()
print("generator", [list(read_g(gg)) for _ in range(60)][-1])

# Exceptions and tracebacks from the getter.
class F:
    @property
    def bad(self):
        return 1 // self.zero

    zero = 0


def read_bad(obj):
    return obj.bad


f = F()
for i in range(60):
    try:
        read_bad(f)
    except ZeroDivisionError as err:
        names = []
        tb = err.__traceback__
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
print("traceback frames", names)

# f_back from inside the getter is the reader's frame.
class H:
    @property
    def caller(self):
        return sys._getframe(1).f_code.co_name


def read_caller(obj):
    return obj.caller


print("caller", {read_caller(H()) for _ in range(60)})

# Instance dict entries never shadow a property (data descriptor).
h = A(5)
h.__dict__["v"] = "shadow"
print("shadow", loop(h, "v")[-1])

# The property deleted from the class: instance attribute wins again.
class K:
    def __init__(self):
        self.__dict__["q"] = "instance"

    @property
    def q(self):
        return "property"


def read_q(obj):
    return obj.q


k = K()
first = [read_q(k) for _ in range(60)][-1]
del K.q
print("deleted", first, read_q(k))

# __getattribute__ added later takes over.
class L:
    @property
    def r(self):
        return "prop"


def read_r(obj):
    return obj.r


ll = L()
before = [read_r(ll) for _ in range(60)][-1]
L.__getattribute__ = lambda self, name: "intercepted " + name
print("getattribute", before, read_r(ll))

# A property of a property subclass: generic path.
class MyProp(property):
    def __get__(self, obj, owner=None):
        return "sub " + str(super().__get__(obj, owner))


class M:
    @MyProp
    def s(self):
        return 5


def read_s(obj):
    return obj.s


print("subclass", [read_s(M()) for _ in range(60)][-1])

# Method form: obj.p() calls what the getter returned.
class N:
    @property
    def fn(self):
        return lambda x: x + 1


n = N()
print("method form", sum(n.fn(i) for i in range(60)))

# Recursion through a property hits the recursion limit cleanly.
class R:
    @property
    def deep(self):
        return self.deep


limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    R().deep
except RecursionError:
    print("recursion ok")
sys.setrecursionlimit(limit)

# Tracing sees the getter's call and return, also at a site that ran
# specialized before.
class T:
    @property
    def traced(self):
        return 1


def read_traced(obj):
    return obj.traced


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append(event)
    return tracer


tt = T()
for _ in range(60):
    read_traced(tt)
sys.settrace(tracer)
read_traced(tt)
sys.settrace(None)
print("trace", events)

# Class access returns the property itself.
print("class access", type(A.__dict__["v"]).__name__, isinstance(B.v, property))
