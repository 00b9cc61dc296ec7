# pickle.dumps writes CPython's exact bytes at every protocol (the hex
# strings in the .out file come from CPython), and loads reads them back.
import pickle


class Plain:
    def __init__(self):
        self.a = 1
        self.b = [1, 2]


class Slots:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1
        self.y = 'two'


class NewArgs:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.v = v
        return o

    def __getnewargs__(self):
        return (self.v,)


class State:
    def __init__(self):
        self.z = 3

    def __getstate__(self):
        return {'zz': self.z}

    def __setstate__(self, st):
        self.z = st['zz']


class Red:
    def __reduce__(self):
        return (Red, ())


class LSub(list):
    pass


class DSub(dict):
    pass


shared = [1, 2]
rec = []
rec.append(rec)
recd = {}
recd['self'] = recd
rect = ([],)
rect[0].append(rect)

values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -129, 2**31 - 1,
    2**31, -2**31, -2**31 - 1, 2**63, -2**64, 10**30,
    0.0, -0.0, 1.5, 1e300, 5e-324, float('inf'), -float('inf'), 1/3,
    '', 'a', 'h\xe9', 'snow\u2603', '\U0001f600', 'a\\b\nc\r\x00\x1a',
    b'', b'abc', b'\x00\xff\x80', bytearray(), bytearray(b'xyz'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2], {}, {1: 2},
    {'a': 1, 'b': 2}, set(), {1}, {1, 2, 3}, frozenset(), frozenset({4, 5}),
    (shared, shared), [shared, [shared]], rec, recd, rect,
    Plain(), Slots(), NewArgs(5), State(), Red(), LSub([1, 2, 3]),
    DSub(a=1), len, Plain, type(None), type(...), type(NotImplemented),
    NotImplemented, ..., int, object, ValueError, ValueError('x', 1),
    KeyError('k'), complex(1, 2), range(1, 10, 2), slice(1, 2, 3),
    OSError(2, 'nf'), ZeroDivisionError, ModuleNotFoundError, str, set,
    frozenset, bytearray, [True, None, 'x' * 300],
]


def same(a, b):
    if isinstance(a, BaseException):
        return type(a) is type(b) and a.args == b.args
    if type(a).__module__ == '__main__' and not isinstance(a, (list, dict, type)):
        return type(a) is type(b)
    if a is rec or a is recd or a is rect:
        return type(a) is type(b)
    return a == b or (a != a and b != b)


for index, value in enumerate(values):
    for proto in range(6):
        try:
            data = pickle.dumps(value, proto)
        except TypeError as e:
            print(index, proto, 'TypeError', e)
            continue
        back = pickle.loads(data)
        print(index, proto, data.hex(), '' if same(value, back) else 'changed')

# ('changed': ModuleNotFoundError is ImportError in protocols 0-2.)

# Shared and recursive structure survives.
r = pickle.loads(pickle.dumps(rec, 2))
d = pickle.loads(pickle.dumps(recd, 0))
t = pickle.loads(pickle.dumps(rect, 4))
s = pickle.loads(pickle.dumps((shared, shared), 1))
print(r[0] is r, d['self'] is d, t[0][0] is t, s[0] is s[1])

# Batches of 1000 and frames of 64 KiB: compared by size and a checksum.
big = [list(range(1001)), {i: -i for i in range(1000)},
       {i: i for i in range(1001)}, set(range(1000)), 'x' * 70000,
       b'y' * 70000, [b'z' * 40000, b'w' * 40000], list(range(22000))]
for index, value in enumerate(big):
    for proto in (1, 4):
        data = pickle.dumps(value, proto)
        checksum = sum(i * b for i, b in enumerate(data)) % 1000003
        print('big', index, proto, len(data), checksum,
              pickle.loads(data) == value)
