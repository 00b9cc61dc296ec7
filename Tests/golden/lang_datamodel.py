class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return "V(%r)" % (self.x,)
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, int): return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return V(o + self.x)
    def __iadd__(self, o):
        print("iadd")
        self.x += o.x if isinstance(o, V) else o
        return self
    def __sub__(self, o): return V(self.x - o.x)
    def __mul__(self, o): return V(self.x * o)
    __rmul__ = __mul__
    def __neg__(self): return V(-self.x)
    def __pos__(self): return self
    def __abs__(self): return V(abs(self.x))
    def __invert__(self): return V(~self.x)
    def __eq__(self, o):
        if not isinstance(o, V): return NotImplemented
        return self.x == o.x
    def __lt__(self, o):
        if not isinstance(o, V): return NotImplemented
        return self.x < o.x
    def __hash__(self): return hash(self.x)
    def __bool__(self): return self.x != 0
    def __index__(self): return self.x
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o): return ("rpow", o)
    def __floordiv__(self, o): return "fd"
    def __rtruediv__(self, o): return "rtd"
    def __lshift__(self, o): return "lsh"
    def __rand__(self, o): return "rand"

a, b = V(3), V(4)
print(a + b, a + 1, 1 + a, a - b, a * 2, 2 * a, -a, +a, abs(V(-5)), ~a)
c = a
c += b
print(c, a is c)
c += 5
print(c)
print(a == V(12), a == 12, a != V(1), a < b, b > a, sorted([V(3), V(1), V(2)]))
try:
    a < 3
except TypeError as e:
    print(e)
try:
    a <= b
except TypeError as e:
    print(e)
print(bool(V(0)), bool(V(2)), [10, 20, 30, 40][V(2)], hex(V(255)), bin(V(5)))
print(a @ 1, 1 @ a, pow(a, 2), pow(a, 2, 5), 2 ** a, a // 1, 1 / a, a << 1, 1 & a)
print({V(1), V(1), V(2)}.__len__())

class L:
    def __len__(self): return 0
print(bool(L()), not L())
class L2:
    def __len__(self): return -1
try:
    bool(L2())
except ValueError as e:
    print(type(e).__name__, e)
class Unh:
    def __eq__(self, o): return True
print(Unh.__hash__)
try:
    hash(Unh())
except TypeError as e:
    print(e)

class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 5 in Seq())
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(It()), sum(It()), max(It()))
class C:
    def __contains__(self, x): return x == 42
    def __call__(self, *a, **k): return (a, k)
    def __reversed__(self): return iter([3, 2, 1])
    def __length_hint__(self): return 7
print(42 in C(), 1 in C(), 1 not in C(), C()(1, 2, z=3), list(reversed(C())))
print(C().__length_hint__())

class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1)
print(d['a'], d['zz'], d.get('zz'), 'zz' in d)

class F:
    def __format__(self, spec): return "F<" + spec + ">"
print(format(F(), "abc"), f"{F():x>10}", "{:q}".format(F()))
try:
    format(object(), "x")
except TypeError as e:
    print(e)

class Del:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
x = Del(1)
del x
y = Del(2)
y = None
print("after del")

class CM:
    def __enter__(self): print("enter"); return "val"
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with CM() as v:
    print(v)
    raise KeyError("k")
print("suppressed")
with CM() as v, CM() as w:
    print(v, w)
