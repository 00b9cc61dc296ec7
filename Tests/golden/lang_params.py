# Expected output: CPython 3.11 output, except "too many values to unpack
# (expected 2, got 3)", which follows the 3.14+ message (written by hand).
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, kw)
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5, z=9))
print(f(1, 2, 3, 4, 5, 6, e=7, f=8, a=1))
def check(fn, *a, **k):
    try:
        print(fn(*a, **k))
    except TypeError as e:
        print("TypeError:", e)
check(f, 1)
check(f, 1, 2, 3)
check(f, a=1, b=2, c=3, e=4)
check(f, 1, 2, 3, c=3, e=4)
def g(x, y=2): return x, y
check(g)
check(g, 1, 2, 3)
check(g, 1, z=3)
check(g, 1, x=3)
check(g, y=1)
def h(*, k): return k
check(h, 1)
check(h)
def p(a, /): return a
check(p, a=1)
def none(): return 0
check(none, 1)
check(none, q=1)
def many(a, b, c): pass
check(many, 1)
check(many)
def kwo(*, a, b): pass
check(kwo)
def vararg(*args): return args
print(vararg(), vararg(*[1, 2], *(3,)), vararg(*"ab"))
def kwargs(**kw): return kw
print(kwargs(**{"a": 1}, b=2), kwargs(**{}))
try:
    check(kwargs, **{"a": 1}, a=2)
except TypeError as e:
    print(e)
check(check, **1) if False else None
try:
    check(*1)
except TypeError as e:
    print(e)
check(kwargs, *[1])
def defaults(a, L=[]):
    L.append(a)
    return L
print(defaults(1), defaults(2))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames)
def annotated(a: int, b: "str" = "x") -> list: pass
print(annotated.__annotations__ if hasattr(annotated, "__annotations__") else None)
class M:
    def meth(self, x): return x
    @staticmethod
    def st(x): return x
    @classmethod
    def cm(cls, x): return cls.__name__, x
check(M().meth)
check(M.meth, 1)
print(M.st(1), M().st(2), M.cm(3), M().cm(4))
check(M().meth, 1, 2)
print(len(*["abc"]), max(*[1, 5, 3]), dict(a=1, **{"b": 2}))
check(len)
check(len, 1, 2)
check(abs, x=1)
def unpack(a, b, *rest): return a, b, rest
print(unpack(*range(5)))
a, *b, c = range(6)
print(a, b, c)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    x, y, z = [1, 2]
except ValueError as e:
    print(e)
try:
    x, *y, z = [1]
except ValueError as e:
    print(e)
try:
    x, y = 5
except TypeError as e:
    print(e)
(a, b), c = (1, 2), 3
print(a, b, c)
print(*[1, 2], sep="-", end="!\n")
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
check(sorted, [1], [2])
def keyword_names(**kw): return list(kw)
print(keyword_names(z=1, a=2, m=3))
