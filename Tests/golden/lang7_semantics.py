# Evaluation order (augmented assignment, targets, chained comparisons),
# super() and __class__, nonlocal in nested classes, unpacking errors.
class Log:
    def __init__(self, name): self.name = name
    def __getitem__(self, k): print('getitem', self.name, k); return 10
    def __setitem__(self, k, v): print('setitem', self.name, k, v)
    def __getattr__(self, k): print('getattr', self.name, k); return 1
    def __setattr__(self, k, v):
        if k == 'name': object.__setattr__(self, k, v); return
        print('setattr', self.name, k, v)
def L(name, v):
    print('eval', name); return v
d = Log('d')
L('obj', d)[L('key', 'k')] += L('val', 1)
L('obj', d).attr += L('val', 2)
x = [1, 2]
x[L('i', 0)], x[L('j', 1)] = L('a', 5), L('b', 6)
print(x)
def cmp(n, v):
    print('cmp', n); return v
print(cmp('a', 1) < cmp('b', 2) < cmp('c', 0) < cmp('d', 5))
print(1 < 2 == 2 > 1 is not None in [None])
a = b = c = L('chain', [])
print(a is b is c)
# __class__ cell and super
class Base:
    def who(self): return 'Base'
    @classmethod
    def cm(cls): return 'cm ' + cls.__name__
class Der(Base):
    def who(self): return 'Der>' + super().who()
    @classmethod
    def cm(cls): return 'Der ' + super().cm()
    def cls(self): return __class__.__name__
    def lam(self): return (lambda: super().who())()
    def gen(self): yield super().who()
    def comp(self): return [super().who() for _ in range(1)]
print(Der().who(), Der.cm(), Der().cls(), next(Der().gen()))
def nosuper():
    super()
try: nosuper()
except RuntimeError as e: print('RE', e)
class S:
    def m(self):
        del self
        return super().__repr__
try:
    class T:
        def f(): return super().x
    T.f()
except RuntimeError as e: print('RE', e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print('classcell' , '__classcell__' in ns)
        return super().__new__(mcls, name, bases, ns)
class WithCell(metaclass=Meta):
    def f(self): return __class__
print(WithCell().f() is WithCell)
# nonlocal in nested classes
def outer():
    v = 1
    class A:
        nonlocal v
        v = 2
        w = v
    class B:
        v = 10
        def m(self):
            return v
    return v, A.w, B().m()
print(outer())
def outer2():
    x = 'outer'
    class C:
        x = 'class'
        y = [x for _ in range(1)]
        z = (lambda: x)()
    return C.y, C.z
print(outer2())
# star unpacking
try:
    a, *b, c, d = [1, 2]
except ValueError as e: print('VE', e)
try:
    (a, b), c = [1, 2], 3, 4
except ValueError as e: print('VE', e)
print([*range(3), *'ab'], {**{'a': 1}, 'b': 2}, (*[1],))
first, *rest = 'hello'
print(first, rest)
try:
    a, b = None
except TypeError as e: print('TE', e)
try:
    [*None]
except TypeError as e: print('TE', e)
try:
    {**None}
except TypeError as e: print('TE', e)
try:
    print(*1)
except TypeError as e: print('TE', e)
try:
    print(**[])
except TypeError as e: print('TE', e)
def kw(**k): return k
try: kw(**{'a': 1}, a=2)
except TypeError as e: print('TE', e)
# walrus
print([y := 5, y ** 2])
print([(z := i) for i in range(3)], z)
# global/nonlocal
g_counter = 0
def inc():
    global g_counter
    g_counter += 1
inc(); inc(); print(g_counter)
def mk():
    n = 0
    def f():
        nonlocal n
        n += 1
        return n
    return f
f = mk(); f(); print(f())
# lambda defaults, closures in loop
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
# conditional expression & boolean ops returning operands
print(0 or '' or [] or 'x', 1 and 2 and 0, not [])
# exceptions: finally return overrides
def fr():
    try:
        return 1
    finally:
        print('finally')
print(fr())
def exc_var():
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except NameError as ne:
        return 'NE ' + str(ne)
print(exc_var())
# while/else, for/else
for i in range(2):
    pass
else:
    print('for-else', i)
while False:
    pass
else:
    print('while-else')
# slicing
s = list(range(10))
s[2:5] = ['a']
print(s, s[::-3], s[-2:], 'abc'[::-1])
del s[::2]
print(s)
# integer ops
print(7 // -2, -7 % 3, divmod(-7, 2), 2 ** -1, (-8) ** (1/3) if False else 0, 10**20 // 7, round(2.5), round(-0.5), int('1_000'))
print(True + True, 3 * 'ab', [0] * 3, -0.0, 1e300 * 1e10, float('nan') == float('nan'))
