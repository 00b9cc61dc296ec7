# pprint: line breaking of every supported container, options, and the
# saferepr/isreadable/isrecursive helpers (outputs as CPython prints them).
import collections
import io
import pprint
import types

words = 'the quick brown fox jumped over the lazy dog'.split()
data = {
    'numbers': list(range(30)),
    'words': words,
    'nested': {'a': [1, 2, {'deep': ('x', 'y', 'z') * 5}], 'b': set(range(12))},
    'text': 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do '
            'eiusmod tempor incididunt ut labore et dolore magna aliqua.\n'
            'Second line of the text.',
    'blob': bytes(range(40)),
    'ba': bytearray(b'hello world, this is a long bytearray value!!'),
    'fs': frozenset(w + str(i) for i in range(3) for w in words),
    'tuple1': ('only',),
    (1, 2): 'tuple key',
}
pprint.pprint(data)
print(pprint.pformat(data, indent=4, width=60, depth=2))
print(pprint.pformat(data['numbers'], compact=True, width=40))
print(pprint.pformat(data, sort_dicts=False, width=100))
pprint.pp({'z': 1, 'a': {'y': 2, 'b': 3}})
print(pprint.pformat(10**20, underscore_numbers=True), pprint.pformat([12345678] * 3, underscore_numbers=True))

od = collections.OrderedDict((w, i) for i, w in enumerate(words))
dd = collections.defaultdict(list, {w: [i] * 3 for i, w in enumerate(words)})
ctr = collections.Counter('abracadabra simsalabim hocus pocus')
cm = collections.ChainMap({'one': 1, 'two': 2} , {'three': list(range(20))})
dq = collections.deque(range(40), maxlen=50)
dq2 = collections.deque(words * 2)
ud = collections.UserDict({w: len(w) for w in words})
ul = collections.UserList(words * 2)
us = collections.UserString('some user string ' * 6)
ns = types.SimpleNamespace(name='example', values=list(range(25)), inner=types.SimpleNamespace(x=1))
mp = types.MappingProxyType({w: w.upper() for w in words})
for obj in (od, dd, ctr, cm, dq, dq2, ud, ul, us, ns, mp):
    print(type(obj).__name__)
    pprint.pprint(obj, width=50)
    print(pprint.pformat(obj, width=30, indent=2))

print(pprint.pformat(['x' * 30, 'y' * 30, ['z' * 30, 'w' * 30]], width=40))
print(pprint.pformat({'key': 'a very long string value that will surely need to be split at spaces'}, width=40))
print(pprint.pformat(b'a' * 100, width=40))
print(pprint.pformat({'k': {}, 'l': [], 't': (), 's': set(), 'e': ''}, width=5, indent=3))

rec = [1, 2]
rec.append(rec)
d = {'self': None}
d['self'] = d
for obj in (rec, d):
    text = pprint.pformat(obj).replace(str(id(obj)), 'ID')
    print(text, pprint.saferepr(obj).replace(str(id(obj)), 'ID'))
    print(pprint.isreadable(obj), pprint.isrecursive(obj))
print(pprint.isreadable([1, 'a', (None,)]), pprint.isreadable(object), pprint.isrecursive([[1]]))
print(pprint.saferepr({'b': 1, 'a': [2, 3]}))

s = io.StringIO()
printer = pprint.PrettyPrinter(indent=2, width=20, depth=1, stream=s)
printer.pprint([[1, 2], {'a': 1}, (3, 4), 'text'])
print(s.getvalue(), end='')
print(printer.isreadable([1]), printer.isrecursive([1]), printer.format([1, [2]], {}, 1, 0))
for bad in ({'indent': -1}, {'depth': 0}, {'width': 0}):
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError:', e)

class Unsortable:
    def __repr__(self):
        return 'U'
print(pprint.pformat({Unsortable(): 1, 2: 'two'}) in ("{U: 1, 2: 'two'}", "{2: 'two', U: 1}"))
print(pprint.pformat({3, 1, 2}), pprint.pformat(frozenset()), pprint.pformat(set()))
