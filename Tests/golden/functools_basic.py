import functools
from functools import *

def f(a, b=2, *c, **k):
    return (a, b, c, k)

p = partial(f, 1, x=3)
print(p(5), p.func is f, p.args, p.keywords)
print(repr(p).replace(hex(id(f)), 'ADDR'))
q = partial(p, 7, y=4)
print(q.func is f, q.args, q.keywords, q(8), q(x=0))
class MyPartial(partial):
    pass
print(repr(MyPartial(len, 'ab')).startswith('__main__.MyPartial(<built-in function len>'), MyPartial(len, 'ab')())
try:
    partial(3)
except TypeError as e:
    print('TypeError:', e)
print(reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a * b, [], 1),
      reduce(lambda a, b: a - b, range(5), 100))
try:
    reduce(max, [])
except TypeError as e:
    print('TypeError:', e)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) > K(0))

@lru_cache(maxsize=2)
def sq(x):
    return x * x
for i in [1, 2, 1, 3, 2, 1]:
    sq(i)
print(sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__(4))
sq.cache_clear()
print(sq.cache_info())

@lru_cache
def plain(x):
    return x
plain(1); plain(1); plain(1.0)
print(plain.cache_info())

@lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed.cache_info())
try:
    lru_cache('x')
except TypeError as e:
    print('TypeError:', e)

@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(3), V.__gt__.__name__)
try:
    total_ordering(type('E', (), {}))
except ValueError as e:
    print('ValueError:', e)

@singledispatch
def g(x):
    return 'obj'
@g.register
def _(x: int):
    return 'int'
@g.register(list)
def _(x):
    return 'list'
from collections.abc import Mapping, Sequence
@g.register(Mapping)
def _(x):
    return 'mapping'
print(g(1), g(True), g([]), g('s'), g({}), g.dispatch(bool).__name__, len(g.registry))
@g.register(int | float)
def _(x):
    return 'number'
print(g(1), g(1.5))
try:
    g()
except TypeError as e:
    print('TypeError:', e)

class C:
    @cached_property
    def val(self):
        print('computing')
        return 42
    @singledispatchmethod
    def m(self, a):
        return 'base'
    @m.register
    def _(self, a: str):
        return 'str'
    pm = partialmethod(f, 9)
c = C()
print(c.val, c.val, c.__dict__, c.m(1), c.m('x'), c.pm(1)[1:])
try:
    type('S', (), {'__slots__': (), 'v': cached_property(lambda s: 1)})().v
except TypeError as e:
    print('TypeError:', e)

def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner
@deco
def named(x: int):
    "doc"
print(named.__name__, named.__qualname__, named.__doc__, named.__wrapped__.__name__)
print(WRAPPER_UPDATES, named.__annotations__)
p2 = partial(f, 1)
try:
    p2.func = len
except AttributeError as e:
    print('AttributeError:', e)
p2.note = 'kept'
import copy
p3 = copy.copy(p2)
print(p3.args, p3.func is f, p3.note, p3(2))
