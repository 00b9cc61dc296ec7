def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, e=7, z=8))
def g(*, key="default"):
    return key
print(g(), g(key="x"))
args = (1, 2)
kwargs = {"d": 0}
print(f(*args, **kwargs), f(*[9], **{"d": 1, "q": 2}))
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
c(); c(5)
print(c())
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    wrapper.__name__ = fn.__name__
    return wrapper
@deco
def hello(name):
    """Say hello."""
    return "hello " + name
print(hello("you"), hello.__name__)
def param_deco(n):
    def deco(fn):
        return lambda *a: fn(*a) * n
    return deco
@param_deco(3)
def two():
    return 2
print(two())
square = lambda x: x * x
print(square(7), (lambda *a, **k: (a, k))(1, x=2))
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2), defaults.__defaults__)
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(30))
def doc():
    "docstring here"
print(doc.__doc__, doc.__name__, doc.__qualname__, f.__kwdefaults__)
def annotated(x: int) -> str:
    return str(x)
print(annotated(5))
try:
    f()
except TypeError as e:
    print(e)
try:
    f(1, 2, 3, d=1, b=2)
except TypeError as e:
    print(e)
try:
    g(1)
except TypeError as e:
    print(e)
