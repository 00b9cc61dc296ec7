# Pickling and copying set/frozenset subclasses keeps their __slots__
# values and instance dict (the state is object.__getstate__'s).
import pickle, copy
class S(set):
    __slots__ = ('x', '__dict__')
class F(frozenset):
    __slots__ = ('x',)
class P(set):
    pass
for cls in (S, F, P):
    o = cls([1, 2])
    o.x = 'slot'
    if cls is S:
        o.y = 'dict'
    for proto in (0, 2, 4):
        r = pickle.loads(pickle.dumps(o, proto))
        print(cls.__name__, proto, type(r).__name__, sorted(r), r.x, getattr(r, 'y', None))
    c = copy.copy(o)
    print(sorted(c), c.x)
print(set([1]).__reduce__())
