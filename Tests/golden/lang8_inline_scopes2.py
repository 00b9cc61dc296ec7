# PEP 709 inlining with nested scopes: closures, nested comprehensions,
# nonlocal, class bodies, generators; same results as separate scopes.
def f1():
    items = [(lambda: i) for i in range(5)]
    i = 20
    return [x() for x in items], i
print(f1())
def f2():
    x = 1
    def g(): return x
    l = [x for x in range(3)]
    return g(), l, x
print(f2())
def outer():
    x = 'o'
    def f():
        l = [lambda: x for x in range(2)]
        return x, [g() for g in l]
    return f()
print(outer())
def f4():
    return [[(lambda: (a, b))() for b in range(2)] for a in range(2)]
print(f4())
def f5():
    return [(lambda: [y * x for y in range(2)])() for x in range(3)]
print(f5())
def f6(n):
    return {(lambda: k)(): [lambda: n + k for _ in '1'][0]() for k in range(n)}
print(f6(3))
class A:
    def m(self):
        return [lambda: __class__.__name__ for _ in '1'][0]()
print(A().m())
class B:
    y = 5
    r = [(lambda: y) for y in range(2)]
    vals = [f() for f in r]
print(B.vals, B.y)
def f7():
    x = 0
    def bump():
        nonlocal x
        x += 1
        return x
    return [bump() + x for x in range(3)], x
print(f7())
def f8():
    l = [x for x in range(3) if (lambda: x)() > 0]
    return l
print(f8())
def gen():
    yield [lambda: v for v in range(2)][1]()
print(list(gen()))
def f9():
    try:
        return [lambda: q for q in [1, 2]][0]()
    finally:
        pass
print(f9())
import sys
def f10():
    return [sys._getframe().f_code.co_name for _ in '1']
print(f10())
