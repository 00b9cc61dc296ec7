# del obj.__dict__ on a class's instance (allowed, as in CPython); object's
# reduce protocol: __slotnames__ (or copyreg._slotnames) names the slots,
# read with getattr, and __getnewargs(_ex)__ is a special-method lookup.
import pickle, copyreg
class C: pass
a = C(); a.x = 1
del a.__dict__
print(a.__dict__, hasattr(a, 'x'))
a.y = 2
print(a.__dict__)
del a.__dict__
a.__dict__ = {'z': 3}
print(a.z)
import types
m = types.SimpleNamespace(q=1)
try:
    del m.__dict__
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)

class S(str): pass
class A:
    __slotnames__ = [S('spam')]
    def __getattr__(self, attr):
        if attr == 'spam':
            return 42
        raise AttributeError(attr)
print(A().__reduce_ex__(2)[2])
class P:
    __slots__ = ('a', '__b')
    def __init__(self): self.a = 1; self._P__b = 2
print(P().__reduce_ex__(2)[2], P.__slotnames__)
p2 = pickle.loads(pickle.dumps(P()))
print(p2.a, p2._P__b)
class Picky:
    def __getstate__(self): return {}
    def __getattr__(self, attr):
        if attr in ("__getnewargs__", "__getnewargs_ex__"):
            raise AssertionError(attr)
        return None
print(Picky().__reduce_ex__(2)[1:3])
class Bad:
    __slotnames__ = 5
try: Bad().__reduce_ex__(2)
except TypeError as e: print(e)

# __getattr__ replacing the names of __slotnames__ while they are read.
class Mutating:
    __slotnames__ = [S('spam')]
    def __getattr__(self, attr):
        if attr == 'spam':
            Mutating.__slotnames__[:] = [S('spam')]
            return 42
        raise AttributeError(attr)
print(Mutating().__reduce_ex__(2)[2])
