import copy
from collections import deque, OrderedDict, Counter, defaultdict, namedtuple
class A:
    def __init__(s): s.l = [1, [2]]; s.t = (1, [3])
a = A(); b = copy.copy(a); c = copy.deepcopy(a)
print(b.l is a.l, c.l is a.l, c.l == a.l, c.t == a.t, c.t is a.t)
l = [1]; l.append(l); m = copy.deepcopy(l); print(m[1] is m, m is l)
d = deque([[1], [2]], 5); e = copy.deepcopy(d); print(e, e.maxlen, e[0] is d[0], copy.copy(d)[0] is d[0])
print(copy.deepcopy(OrderedDict(a=[1])) == OrderedDict(a=[1]), copy.copy(Counter('aab')))
dd = defaultdict(list, x=[1]); ee = copy.deepcopy(dd); print(ee, ee['x'] is dd['x'], copy.copy(dd).default_factory)
P = namedtuple('P', 'x y'); print(copy.replace(P(1, 2), y=5), copy.deepcopy(P([1], 2)))
try: copy.replace([1], x=2)
except TypeError as e: print(e)
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1; s.b = [2]; t = copy.deepcopy(s); print(t.a, t.b, t.b is s.b)
class Cu:
    def __copy__(self): return 'copied'
    def __deepcopy__(self, memo): return 'deep'
print(copy.copy(Cu()), copy.deepcopy(Cu()), copy.copy(len) is len, copy.deepcopy({1: {2: 3}}))
print(copy.copy({1, 2}), copy.deepcopy(frozenset({1})), copy.Error is copy.error)
