from collections import OrderedDict, Counter, defaultdict, namedtuple, ChainMap
from collections import UserDict, UserList, UserString

# namedtuple
P = namedtuple('P', 'x y', defaults=[5])
p = P(1)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=3), P._fields, P._field_defaults)
print(P._make([7, 8]), P.__doc__, P.x.__doc__, P.__match_args__, p == (1, 5))
print(P(y=2, x=1), isinstance(p, tuple), len(p), P.__module__, P.__name__)
R = namedtuple('R', ['a', 'def', 'a', '_b'], rename=True); print(R._fields)
M = namedtuple('M', 'v', module='mymod'); print(M.__module__, M(1))
for bad in [('P', 'x x'), ('P', '_x'), ('P', 'def'), ('1P', 'x'), ('P', 'a-b')]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print('ValueError:', e)
try: P._make([1, 2, 3])
except TypeError as e: print('TypeError:', e)
try: p._replace(z=1)
except Exception as e: print(type(e).__name__ + ':', e)
try: p.x = 3
except AttributeError as e: print('AttributeError')
match p:
    case P(a, b): print('matched', a, b)

# Counter
c = Counter('abracadabra')
print(c, c['a'], c['zzz'], c.most_common(2), c.total(), sorted(c.elements())[:6])
c.update('aaz'); c.subtract({'b': 5}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1), -Counter(a=2, b=-1), Counter(), Counter(a=0) == Counter())
print(Counter(a=1) <= Counter(a=2), Counter(a=2) < Counter(a=2))
del c['q']; del c['a']; print(c)
try: Counter.fromkeys('ab')
except NotImplementedError as e: print('NotImplementedError')

# defaultdict
dd = defaultdict(list)
dd['k'].append(1); dd['j']
print(dd, dd.default_factory, dict(dd), dd == {'k': [1], 'j': []})
print(defaultdict(), defaultdict(int, a=1) | {'b': 2}, type(defaultdict(int) | {}))
try: defaultdict(None)['x']
except KeyError as e: print('KeyError', e)
try: defaultdict(1)
except TypeError as e: print('TypeError:', e)
print(dd.copy(), dd.copy() is dd)

# OrderedDict (3.12+ repr)
od = OrderedDict.fromkeys('abcde')
od.move_to_end('b'); od.move_to_end('d', last=False)
print(od, list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict(a=1) == OrderedDict(a=1), list(reversed(od)))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
try: OrderedDict().popitem()
except KeyError as e: print('KeyError', e)
try: od.move_to_end('zz')
except KeyError as e: print('KeyError', e)
r = OrderedDict(); r['self'] = r; print(r)
print(od | {'z': 1}, type(od | {}).__name__, od.setdefault('q', 9), od.pop('q'))

# ChainMap
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm, cm['a'], cm['b'], len(cm), sorted(cm), cm.get('c', 0), 'b' in cm)
cm['b'] = 4; print(cm.maps, cm.parents, cm.new_child({'z': 0}))
try: del cm['zz']
except KeyError as e: print('KeyError', e)

# User* wrappers
ud = UserDict(a=1); ud['b'] = 2; print(ud, len(ud), ud.data, 'a' in ud, ud | {'c': 3})
ul = UserList([3, 1, 2]); ul.sort(); ul.append(4); print(ul, ul[1:], ul + [5], ul * 2, ul == [1, 2, 3, 4])
us = UserString('hello'); print(us.upper(), us[1:3], us + '!', len(us), 'ell' in us, us.split('l'))
