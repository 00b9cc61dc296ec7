# 3.14 Placeholder support in partial (expected output written by hand).
from functools import partial, partialmethod, Placeholder

def f(*args, **kw):
    return args, kw

p = partial(f, Placeholder, 'b', Placeholder, 'd')
print(p('a', 'c'), p('a', 'c', 'e'))
print(p.args, repr(p).endswith("Placeholder, 'b', Placeholder, 'd')"))
try:
    p('a')
except TypeError as e:
    print('TypeError:', e)
try:
    partial(f, 1, Placeholder)
except TypeError as e:
    print('TypeError:', e)
try:
    partial(f, x=Placeholder)
except TypeError as e:
    print('TypeError:', e)
q = partial(p, 'A')
print(q.args, q('C'))
r = partial(p, 'A', 'C', 'E')
print(r.args, r())
print(Placeholder, type(Placeholder)() is Placeholder, repr(type(Placeholder)))
try:
    class Sub(type(Placeholder)):
        pass
except TypeError as e:
    print('TypeError')

class K:
    def method(self, *args):
        return args
    pm = partialmethod(method, Placeholder, 2)
print(K().pm(1), K().pm(1, 3))

# 3.14: partial objects bind like methods when stored on a class.
class B:
    meth = partial(f, 'first')
b = B()
args, kw = b.meth('x')
print(args[0], args[1] is b, args[2])
