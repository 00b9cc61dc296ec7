# Specialized CALL sites: deoptimization when what they cached changes.
import builtins


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def call_add(n):
    return add(n, 1)


# __code__ reassigned after the site specialized.
print([call_add(i) for i in range(20)][-3:])
add.__code__ = sub.__code__
print([call_add(i) for i in range(20)][-3:])


def three(a, b, c):
    return (a, b, c)


def call_two(f, x):
    return f(x, x)


try:
    add.__code__ = three.__code__
    print(call_two(add, 5))
except TypeError as e:
    print("TypeError:", e)


# __defaults__ reassigned.
def with_def(a, b=10, c=20):
    return a + b + c


def call_def(x):
    return with_def(x)


def call_def2(x):
    return with_def(x, x)


print([call_def(i) for i in range(30)][-2:], [call_def2(i) for i in range(30)][-2:])
with_def.__defaults__ = (100, 200)
print(call_def(1), call_def2(1))
with_def.__defaults__ = (1000,)
try:
    print(call_def(1))
except TypeError as e:
    print("TypeError:", e)
print(call_def2(1))
with_def.__defaults__ = None
try:
    print(call_def2(1))
except TypeError as e:
    print("TypeError:", e)


# kwdefaults and keyword-only parameters.
def kwonly(a, *, k=5):
    return a * k


def call_kwonly(x):
    return kwonly(x)


print([call_kwonly(i) for i in range(20)][-1])
kwonly.__kwdefaults__ = {"k": 7}
print(call_kwonly(3))


# *args / **kwargs mixes at one site.
def star(*args, **kw):
    return (args, sorted(kw.items()))


def mixed(f, *a, **k):
    return f(*a, **k)


def poly(f, x):
    return f(x)


funcs = [abs, str, len, lambda v: v, star, type, tuple]
out = []
for _ in range(30):
    for f in funcs:
        try:
            out.append(poly(f, "ab" if f in (len, tuple) else -3))
        except TypeError as e:
            out.append("TypeError")
print(out[-7:])
print(mixed(star, 1, 2, x=3), mixed(with_def, 1, 2, c=3) if with_def.__defaults__ else None)


# A builtin shadowed after the site specialized: in globals, then in builtins.
def lengths(xs):
    return [len(x) for x in xs]


data = ["a", "bb", "ccc"] * 10
print(lengths(data)[-3:])
len = lambda x: -1
print(lengths(data)[-3:])
del len
print(lengths(data)[-3:])
saved = builtins.isinstance
def checks(vals):
    return [isinstance(v, int) for v in vals]
print(checks([1, "x", 2.0, True] * 10)[-4:])
builtins.isinstance = lambda v, t: "patched"
print(checks([1, "x"])[-2:])
builtins.isinstance = saved
print(checks([1, "x"])[-2:])


# Bound methods, then the method replaced on the class.
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


c = Counter()
bump = c.bump
for i in range(30):
    bump(1)
print(c.n)
Counter.bump = lambda self, k: "replaced"
print(bump(1), c.bump(1))
bump.__func__.__code__ = (lambda self, k: ("code", k)).__code__
print(bump(2))


def call_method(obj, k):
    return obj.bump(k)


class Other:
    def bump(self, k, extra=1):
        return k + extra


for o in [Counter(), Other()] * 20:
    r = call_method(o, 3)
print(r, call_method(Counter(), 3))


# Method descriptors: list.append, str.join, wrong self types.
def appender(lst, n):
    for i in range(n):
        lst.append(i)
    return lst


print(appender([], 40)[-3:])


class MyList(list):
    def append(self, v):
        super().append(v * 10)


print(appender(MyList(), 40)[-3:])
app = list.append


def unbound(target, v):
    app(target, v)


t = []
for i in range(30):
    unbound(t, i)
try:
    unbound((), 1)
except TypeError as e:
    print("TypeError:", e)
print(len(t))
words = ["x", "y", "z"]
print([",".join(words) for _ in range(20)][-1], [" ".join(w * 2 for w in words) for _ in range(2)][-1])
upper = str.upper
print([upper("ab") for _ in range(20)][-1])
try:
    upper(5)
except TypeError as e:
    print("TypeError:", e)
print([str(i) for i in range(25)][-1], [tuple(range(i)) for i in range(25)][-1][-1],
      [type(i).__name__ for i in (1, "a", 2.5) * 10][-3:])
print([str(b"x") for _ in range(20)][-1], str(), tuple(), type("T", (), {}).__name__)


class S:
    def __str__(self):
        return "S!"


print([str(S()) for _ in range(20)][-1])


# C functions with errors and keyword use at a specialized site.
def sorter(xs, **kw):
    return sorted(xs, **kw)


print([sorter([3, 1, 2]) for _ in range(20)][-1], sorter([3, 1, 2], reverse=True))
def div(a, b):
    return divmod(a, b)
for i in range(1, 30):
    r = div(100, i)
try:
    div(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError")
print(r)


# Builtin classes: bool(x), range/list/dict/float constructors, a metaclass
# whose __call__ must still run.
class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        if self.v is None:
            raise ValueError("no truth")
        return self.v


def truths(vals):
    return [bool(v) for v in vals]


print(truths([0, 1, "", "x", Truth(True), Truth(False)] * 5)[-6:])
try:
    truths([Truth(None)])
except ValueError as e:
    print("ValueError:", e)


def build(kind, n):
    return kind(range(n))


print([build(list, i) for i in range(20)][-1][-2:], build(tuple, 3), build(set, 2))
print([len(range(i, 2 * i)) for i in range(30)][-1], [float(i) for i in range(20)][-1])
try:
    [range("x") for _ in range(3)]
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    def __call__(cls, *a):
        return ("meta", a)


class WithMeta(metaclass=Meta):
    pass


def make(cls, v):
    return cls(v)


print([make(list, "ab") for _ in range(20)][-1], make(WithMeta, 1))
