# Keyword calls (CALL_KW) on specialized sites: Python functions, bound
# methods, builtins, method descriptors and builtin classes; keywords in
# and out of parameter order, defaults, keyword-only and positional-only
# parameters; CPython's error messages; and falling back when the
# function, its code or its defaults change.
N = 40


def f(a, b, c=3, d=4):
    return (a, b, c, d)


def kw_sites(n):
    out = []
    for i in range(n):
        out = [
            f(i, b=1),
            f(i, 1, c=5),
            f(i, b=2, c=6),
            f(a=i, b=2, c=6, d=8),
            f(i, 2, d=9),              # skips c: not in order
            f(i, c=7, b=8),            # out of order
            f(b=i, a=0),
        ]
    return out


for row in kw_sites(N):
    print(row)


def kwonly(a, *, key, flag=False):
    return (a, key, flag)


def kwonly_sites(n):
    out = []
    for i in range(n):
        out = [kwonly(i, key=1), kwonly(i, key=2, flag=True),
               kwonly(i, flag=True, key=3)]
    return out


print(kwonly_sites(N))


def posonly(a, b, /, c=0):
    return a + b + c


print([posonly(1, 2, c=i) for i in range(N)][-1])


def errors():
    cases = [
        lambda: f(1, b=2, e=5),
        lambda: f(1, a=2),
        lambda: f(1, c=2),
        lambda: kwonly(1, flag=True),
        lambda: posonly(1, b=2),
        lambda: kwonly(1, 2, key=3),
    ]
    out = []
    for case in cases:
        try:
            case()
            out.append("no error")
        except TypeError as e:
            out.append(str(e))
    return out


for _ in range(N):
    msgs = errors()
for m in msgs:
    print(m)


# A site whose call fails only at the end (after it specialized).
def late_error(n):
    res = []
    for i in range(n):
        try:
            if i == n - 1:
                res.append(f(i, b=1, z=2))
            else:
                res.append(f(i, b=1)[0])
        except TypeError as e:
            res.append(str(e))
    return res[-2:]


print(late_error(N))


class K:
    def __init__(self, base):
        self.base = base

    def m(self, x, scale=1, shift=0):
        return (self.base + x) * scale + shift


def method_sites(n):
    k = K(10)
    bound = k.m
    out = []
    for i in range(n):
        out = [k.m(i, scale=2), k.m(x=i), k.m(i, shift=1, scale=3),
               bound(i, scale=2), bound(i, 1, shift=5)]
    return out


print(method_sites(N))


def builtin_sites(n):
    out = []
    data = [5, 3, 9, 1]
    for i in range(n):
        out = [
            sorted(data, key=lambda v: -v),
            sorted(data, reverse=True),
            int("17", base=8 + i % 2),
            "a,b,c".split(sep=",", maxsplit=1),
            dict(x=i, y=2),
            max(data, key=lambda v: v % 4),
            "x".center(5, "*"),
            str(b"ab", encoding="ascii"),
            (1, 2).index(2),
        ]
        lst = list(data)
        lst.sort(key=lambda v: v % 3)
        out.append(lst)
    return out


for item in builtin_sites(N):
    print(item)


def builtin_errors():
    out = []
    for call in (lambda: sorted([1], kye=1), lambda: int("1", bas=2),
                 lambda: "ab".split(sepp=","), lambda: dict(1, a=2)):
        try:
            call()
        except TypeError as e:
            out.append(str(e) if "iterable" in str(e)
                       else "TypeError naming %s" % [w for w in ("kye", "bas", "sepp")
                                                     if w in str(e)])
    return out


for _ in range(N):
    msgs = builtin_errors()
for m in msgs:
    print(m)


# The callee changes after the sites specialized.
def g(a, b=2):
    return ("g", a, b)


def call_g(i):
    return g(i, b=i)


for i in range(N):
    call_g(i)
print(call_g(1))
g.__defaults__ = None
print(call_g(2))


def h(a, b):
    return ("h", a, b)


def h2(x, y):
    return ("h2", x, y)


g.__code__ = h2.__code__
try:
    print(call_g(3))
except TypeError as e:
    print(e)
g.__code__ = h.__code__
print(call_g(4))
saved_g = g
g = len
try:
    call_g(5)
except TypeError as e:
    print(e)
g = lambda a, b=0: ("lambda", a, b)
print(call_g(6))
g = K(100).m
try:
    print(call_g(7))
except TypeError as e:
    print(e)


# One site, many kinds of callee.
def mixed(n):
    callees = [f, sorted, K(1).m, dict, kwonly]
    out = []
    for i in range(n):
        fn = callees[(i // 7) % len(callees)]
        if fn is sorted:
            out.append(fn([3, 1, 2], reverse=bool(i % 2)))
        elif fn is dict:
            out.append(fn(a=i))
        elif fn is kwonly:
            out.append(fn(i, key=i))
        else:
            out.append(fn(i, 2))
    return out[-5:]


print(mixed(200))


# Keyword arguments to a class: __init__ through the generic path.
class P:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


print([(P(i, y=i).y, P(x=i).x) for i in range(N)][-1])


# int(x) with one argument (CALL_INT_1) and its deoptimization.
class MyInt(int):
    pass


class HasInt:
    def __int__(self):
        return 42


class HasIndex:
    def __index__(self):
        return 7


def to_int(values):
    out = []
    for v in values:
        try:
            r = int(v)
            out.append((type(r).__name__, r))
        except (TypeError, ValueError, OverflowError) as e:
            out.append(str(e))
    return out


vals = [3.9, -2.5, "17", b"12", True, MyInt(5), HasInt(), HasIndex(), 10**30]
for _ in range(N):
    res = to_int(vals)
print(res)
print(to_int([None, "x", float("inf"), "  8  "]))
int_saved = int
int = lambda v: "shadowed"
print(to_int([1.5]))
del int
print(to_int([2.5]))
