# pickle: Pickler/Unpickler hooks (persistent ids, reducer_override,
# dispatch_table, fast, find_class), the reduce protocol's optional parts,
# Python 2 strings, copyreg extensions, out-of-band buffers, errors.
import copyreg
import io
import pickle


print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.format_version)
print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Store(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Point):
            return 'point:%d:%d' % (obj.x, obj.y)
        return None


class Load(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, x, y = pid.split(':')
        return Point(int(x) * 10, int(y) * 10)


for proto in (0, 2, 5):
    f = io.BytesIO()
    Store(f, proto).dump([Point(1, 2), 'text'])
    data = f.getvalue()
    print(proto, data.hex(), Load(io.BytesIO(data)).load())
try:
    pickle.loads(b'\x80\x02X\x01\x00\x00\x00aQ.')
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)


class Str0(pickle.Pickler):
    def persistent_id(self, obj):
        return 'caf\xe9' if obj == 'x' else None


try:
    Str0(io.BytesIO(), 0).dump('x')
except pickle.PicklingError as e:
    print('PicklingError', e)


class Override(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Point:
            return (str, ('Point class',))
        if isinstance(obj, Point):
            return (complex, (obj.x, obj.y))
        return NotImplemented


f = io.BytesIO()
Override(f, 4).dump([Point(3, 4), Point, 7])
print('override', f.getvalue().hex(), pickle.loads(f.getvalue()))

f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Point] = lambda pt: (tuple, ([pt.x, pt.y],))
p.dump(Point(5, 6))
print('dispatch_table', f.getvalue().hex(), pickle.loads(f.getvalue()))

item = [1]
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = 1
p.dump([item, item])
print('fast', f.getvalue().hex(), pickle.loads(f.getvalue()))

# A Pickler reused: the memo persists until clear_memo().
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump(item)
p.dump(item)
p.clear_memo()
p.dump(item)
f.seek(0)
u = pickle.Unpickler(f)
print('reuse', f.getvalue().hex(), u.load(), u.load(), u.load())


class Safe(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ('builtins', '__builtin__') and name in ('set', 'frozenset'):
            return super().find_class(module, name)
        raise pickle.UnpicklingError('global %s.%s is forbidden' % (module, name))


print(Safe(io.BytesIO(pickle.dumps({1, 2}, 2))).load())
try:
    Safe(io.BytesIO(pickle.dumps(Point(1, 2)))).load()
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)


# The optional items of __reduce__: list items, dict items, state setter.
class Bag(list):
    def __reduce__(self):
        return (Bag, (), {'tag': 'b'}, iter(self), None)


class Table(dict):
    def __reduce__(self):
        return (Table, (), None, None, iter(self.items()))


def set_state(obj, state):
    obj.restored = state


class Setter:
    def __reduce__(self):
        return (Setter, (), 'the state', None, None, set_state)


for proto in (0, 1, 2, 4):
    b = pickle.loads(pickle.dumps(Bag([1, 2, 3]), proto))
    t = pickle.loads(pickle.dumps(Table(a=1, b=2), proto))
    s = pickle.loads(pickle.dumps(Setter(), proto))
    print(proto, type(b).__name__, b, b.tag, type(t).__name__, t, s.restored)
print(pickle.dumps(Bag([7]), 2).hex())
print(pickle.dumps(Setter(), 4).hex())


class KwOnly:
    def __new__(cls, *, size):
        self = object.__new__(cls)
        self.n = size
        return self

    def __getnewargs_ex__(self):
        return ((), {'size': self.n})


print(pickle.dumps(KwOnly(size=3), 4).hex())
for proto in (2, 3, 4, 5):
    print('kwonly', proto, pickle.loads(pickle.dumps(KwOnly(size=3), proto)).n)

# Python 2 pickles: STRING / BINSTRING with encoding and errors.
py2_text = b"S'caf\\xe9'\np0\n."
print(pickle.loads(py2_text, encoding='latin1'))
print(pickle.loads(py2_text, encoding='bytes'))
try:
    pickle.loads(py2_text)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e.encoding)
print(pickle.loads(py2_text, errors='replace'))
print(pickle.loads(b'U\x03abcq\x00.', encoding='utf-8'))
print(pickle.loads(b'T\x02\x00\x00\x00hi.'))
print(pickle.loads(b'c__builtin__\nxrange\n(I1\nI5\ntR.'))
print(pickle.loads(b'c__builtin__\nset\n((lp0\nI1\naI2\natp1\nRp2\n.'))
print(pickle.loads(b'cexceptions\nValueError\n(S\'bad\'\ntR.'))
print(pickle.loads(b"(dp0\nS'a'\nI1\nsS'b'\nL12345678901234567890L\ns.", encoding='ascii'))
print(pickle.loads(b'I01\n.'), pickle.loads(b'I00\n.'), pickle.loads(b'F1.25\n.'))
print(pickle.dumps(range(3), 2, fix_imports=False).hex())

# copyreg extension codes.
copyreg.add_extension('__main__', 'Point', 240)
try:
    data = pickle.dumps(Point, 2)
    print('ext', data.hex(), pickle.loads(data) is Point)
finally:
    copyreg.remove_extension('__main__', 'Point', 240)

# Out-of-band buffers (protocol 5).
buf = pickle.PickleBuffer(bytearray(b'abcdef'))
print(bytes(buf.raw()), buf.raw().readonly)
print(pickle.dumps(buf, 5).hex())
print(pickle.dumps(pickle.PickleBuffer(b'xyz'), 5).hex())
collected = []
data = pickle.dumps([buf, 1], 5, buffer_callback=collected.append)
print(data.hex(), len(collected))
back = pickle.loads(data, buffers=[memoryview(b'OUT')])
print(bytes(back[0]), back[0].readonly, back[1])
ro = pickle.dumps(pickle.PickleBuffer(b'ro'), 5, buffer_callback=lambda b: False)
print(ro.hex(), bytes(pickle.loads(ro, buffers=[bytearray(b'RO')])))
try:
    pickle.loads(data)
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)
for dumps in (pickle.dumps, pickle._dumps):     # C, then pure Python
    try:
        dumps(buf, 4)
    except pickle.PicklingError as e:
        print('PicklingError', e)
try:
    pickle.dumps(1, 4, buffer_callback=print)
except ValueError as e:
    print('ValueError', e)

# Errors.
for bad in (6, 100):
    try:
        pickle.dumps(1, bad)
    except ValueError as e:
        print('ValueError', e)
print(pickle.dumps(1, -1).hex())


def local():
    def inner():
        pass
    return inner


for obj in (lambda: 0, local()):
    try:
        pickle.dumps(obj)
    except (pickle.PicklingError, AttributeError) as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])


class BadReduce:
    def __init__(self, rv):
        self.rv = rv

    def __reduce__(self):
        return self.rv


for rv in (5, (1,), (len, ()), (len, 5), (5, ())):
    try:
        pickle.dumps(BadReduce(rv))
        print('ok', rv)
    except pickle.PicklingError as e:
        print('PicklingError', e)
for data in (b'', b'\x80\x05', b'\x80\x06N.', b'x', b'\xff', b'N', b'(.', b'a.', b'h\x05.'):
    try:
        print(pickle.loads(data))
    except Exception as e:
        print(type(e).__name__, e)
try:
    pickle.loads('text')
except TypeError as e:
    print('TypeError', e)
try:
    pickle.Pickler(5)
except TypeError as e:
    print('TypeError', e)

# dump/load through a file.
f = io.BytesIO()
pickle.dump({'k': (1, 2.5, 'v')}, f, protocol=3)
f.seek(0)
print(pickle.load(f))

# A reducer_override set to something that is not callable is called all
# the same (gh-103035), in both picklers.
for base in (pickle.Pickler, pickle._Pickler):
    class Sub(base):
        pass
    for bad in (None, 10):
        p = Sub(io.BytesIO())
        p.reducer_override = bad
        try:
            p.dump(object())
        except TypeError as e:
            print(base.__module__, 'TypeError', e)

# The C unpickler: an empty text argument is truncated data, and INST
# checks its mark before it reads the class's names (as CPython).
for data in (b'I\n.', b'L\n.', b'F\n.', b'N(g\n.', b'Np\n.', b'c\nlog\n.',
             b'cmath\n\n.', b'imath\n\n.', b'(imath\n\n.',
             b'(ibuiltins\nlist\n.'):
    try:
        print(data, pickle.loads(data))
    except pickle.UnpicklingError as e:
        print(data, 'UnpicklingError', e)
