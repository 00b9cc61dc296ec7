# _pickle: round trips through dump/load and dumps/loads, the Pickler and
# Unpickler hooks (persistent_id, persistent_load, find_class,
# reducer_override, dispatch_table), memo proxies and out-of-band buffers.
import copyreg
import io
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def show(label, value):
    print(label, repr(value))


# Round trips at every protocol.
data = {'ints': [0, -1, 2**40, -2**70], 'floats': [0.5, -1e-300],
        'text': ['', 'abc', 'caf\xe9', '\U0001f600', 'a\nb\\c'],
        'bytes': [b'', b'\x00\x01'], 'ba': bytearray(b'zz'),
        'tuple': (1, (2, 3), ()), 'set': {3}, 'fs': frozenset([4]),
        'none': None, 'bools': [True, False], 'point': Point(1, [2])}
for proto in range(6):
    out = pickle.loads(pickle.dumps(data, proto))
    show('rt%d' % proto, sorted(out.items(), key=lambda kv: kv[0]))

# Identity: shared and recursive structures.
for proto in range(6):
    a = [1]
    b = [a, a, {'k': a}]
    b.append(b)
    c = pickle.loads(pickle.dumps(b, proto))
    print('shared', proto, c[0] is c[1] is c[2]['k'], c[3] is c)
    t = ([],)
    t[0].append(t)
    u = pickle.loads(pickle.dumps(t, proto))
    print('rectuple', proto, u[0][0] is u)

# Several pickles in one file; load() leaves the file just past each one.
f = io.BytesIO()
for proto in range(6):
    pickle.dump(('item', proto), f, proto)
f.write(b'TRAILER')
f.seek(0)
for proto in range(6):
    print('seq', pickle.load(f), f.tell())
print('rest', f.read())


class ReadOnly:
    # A file with read() and readline() only (no peek, no readinto).
    def __init__(self, data):
        self._f = io.BytesIO(data)

    def read(self, n=-1):
        return self._f.read(n)

    def readline(self):
        return self._f.readline()


for proto in range(6):
    blob = pickle.dumps(data, proto) + pickle.dumps([proto] * 3, proto)
    r = ReadOnly(blob)
    first = pickle.load(r)
    print('readonly', proto, first['text'], pickle.load(r))


# persistent_id as a method override and as an attribute.
class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Point):
            return 'Point:%d' % obj.x
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, x = pid.split(':')
        return Point(int(x), 'loaded')


for proto in range(6):
    f = io.BytesIO()
    DBPickler(f, proto).dump([Point(3, 4), 'x'])
    f.seek(0)
    print('pers', proto, DBUnpickler(f).load())

f = io.BytesIO()
p = pickle.Pickler(f, 0)
p.persistent_id = lambda obj: 'ID%d' % obj if isinstance(obj, int) else None
p.dump(['a', 5])
print('pers-attr', f.getvalue())
u = pickle.Unpickler(io.BytesIO(f.getvalue()))
u.persistent_load = lambda pid: 'got ' + pid
print('pers-attr-load', u.load())
try:
    pickle.loads(f.getvalue())
except pickle.UnpicklingError as e:
    print('UnpicklingError', type(e).__name__)


# find_class override.
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ('builtins', '__builtin__') and name in ('set', 'frozenset'):
            return super().find_class(module, name)
        raise pickle.UnpicklingError('forbidden %s.%s' % (module, name))


for proto in (1, 2, 4):
    blob = pickle.dumps([set([1]), Point(1, 2)], proto)
    try:
        Restricted(io.BytesIO(blob)).load()
    except pickle.UnpicklingError as e:
        print('restricted', proto, e)
print('restricted-ok', Restricted(io.BytesIO(pickle.dumps(set([9]), 2))).load())


# reducer_override and dispatch_table.
class Override(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Point:
            return 'Point'
        if isinstance(obj, Point):
            return (Point, ('over', 'ride'))
        return NotImplemented


f = io.BytesIO()
Override(f, 4).dump([Point(0, 0), 7])
print('override', pickle.loads(f.getvalue()))


def reduce_point(p):
    return (Point, (p.y, p.x))


f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Point] = reduce_point
p.dump(Point('a', 'b'))
print('dispatch', pickle.loads(f.getvalue()))


class TablePickler(pickle.Pickler):
    dispatch_table = {Point: lambda p: (Point, (p.x * 10, 0))}


f = io.BytesIO()
TablePickler(f, 3).dump([Point(2, 9)])
print('dispatch-class', pickle.loads(f.getvalue()))

# Memo proxies and clear_memo().
f = io.BytesIO()
p = pickle.Pickler(f, 2)
item = ['shared']
p.dump(item)
memo = p.memo.copy()
print('memo', len(memo), sorted(v[0] for v in memo.values()))
p.dump(item)
print('memo-get', f.getvalue()[-4:])
p.clear_memo()
print('memo-cleared', len(p.memo.copy()))
u = pickle.Unpickler(io.BytesIO(pickle.dumps([['a'], 'b'], 2)))
u.load()
print('umemo', sorted(u.memo.copy().items()))
print('bin', p.bin, pickle.Pickler(io.BytesIO(), 0).bin)

# Out-of-band buffers (protocol 5).
buffers = []
ba = bytearray(b'mutable')
payload = [pickle.PickleBuffer(b'readonly'), pickle.PickleBuffer(ba)]
blob = pickle.dumps(payload, 5, buffer_callback=buffers.append)
print('oob', blob.hex(), len(buffers))
raws = [b.raw() for b in buffers]
out = pickle.loads(blob, buffers=raws)
print('oob-load', [bytes(m) for m in out], [m.readonly for m in out])
blob = pickle.dumps(payload, 5)
print('inband', blob.hex())
print('inband-load', pickle.loads(blob))
try:
    pickle.loads(pickle.dumps(payload, 5, buffer_callback=lambda b: False))
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)
try:
    pickle.dumps(pickle.PickleBuffer(b'x'), 4)
except pickle.PicklingError as e:
    print('PicklingError', type(e).__name__)

# Python 2 compatibility: fix_imports and encodings.
print('py2', pickle.dumps(range(3), 2).hex())
print('py2-map', pickle.loads(b'c__builtin__\nxrange\np0\n.'))
print('py2-str', pickle.loads(b"S'caf\\xc3\\xa9'\np0\n.", encoding='utf-8'))
print('py2-bytes', pickle.loads(b"U\x03abcq\x00.", encoding='bytes'))
print('py2-latin1', pickle.loads(b"T\x02\x00\x00\x00\xe9\xe8.", encoding='latin1'))
print('noimports', pickle.dumps(ValueError, 2, fix_imports=False).hex())
