# _pickle: the exact bytes of pickle.dumps for many objects at every
# protocol, as CPython's C pickler writes them.
import pickle
import hashlib
import io


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1
        self.b = [2]


class WithState:
    def __init__(self):
        self.v = 5

    def __getstate__(self):
        return {'v': self.v * 2}

    def __setstate__(self, state):
        self.v = state['v'] // 2


class NewArgs(int):
    def __new__(cls, value, extra):
        self = super().__new__(cls, value)
        self.extra = extra
        return self

    def __getnewargs__(self):
        return (int(self), self.extra)


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self.args = args
        self.kwargs = kwargs
        return self

    def __getnewargs_ex__(self):
        return self.args, self.kwargs


class ListLike(list):
    pass


class DictLike(dict):
    pass


def module_function():
    pass


shared = [1, 2]
rec_list = []
rec_list.append(rec_list)
rec_dict = {}
rec_dict['self'] = rec_dict
rec_tuple_holder = []
rec_tuple = (rec_tuple_holder,)
rec_tuple_holder.append(rec_tuple)

objects = [
    None, True, False,
    0, 1, 255, 256, 65535, 65536, -1, -255, -256, 2**31 - 1, -2**31,
    2**31, -2**31 - 1, 2**63, -2**63, 2**64 + 7, -(2**100), 2**2100,
    0.0, -0.0, 1.5, -2.25, 1e300, 3.141592653589793, float('inf'),
    '', 'a', 'hello world', 'caf\xe9', '\u20ac uro', '\U0001f600',
    'back\\slash\nnew\rline\x00nul\x1a', 'x' * 300,
    b'', b'abc', b'\x00\xff' * 200,
    bytearray(), bytearray(b'xyz'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((), ((),)),
    [], [1], [1, 2], list(range(1005)), [[], [[]]],
    {}, {'a': 1}, {'a': 1, 'b': 2}, {i: str(i) for i in range(1003)},
    set(), {1}, frozenset(), frozenset({7}),
    [shared, shared, (shared, shared)],
    ['same', 'same'],
    rec_list, rec_dict, rec_tuple,
    Point(1, 'two'), Slotted(), WithState(), NewArgs(7, 'x'),
    NewArgsEx(1, 2, k=3), ListLike([1, 2]), DictLike(a=1),
    len, module_function, Point, int, type(None), type(NotImplemented),
    type(...), io.BytesIO,
]

for i, obj in enumerate(objects):
    for proto in range(6):
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print(i, proto, 'error', type(e).__name__)
            continue
        if len(data) <= 120:
            text = data.hex()
        else:
            text = '%d:%s' % (len(data), hashlib.sha256(data).hexdigest()[:24])
        print(i, proto, text)

# Large payloads: frames around them at protocol 4+.
big_objects = [
    b'b' * 70000, 's' * 70000, bytearray(b'q' * 70000),
    [b'x' * 1000] * 100, ['%d' % i * 20 for i in range(5000)],
    {i: 'v' * (i % 50) for i in range(3000)},
    [b'p' * 70000, 'tail', b'c' * 10],
    list(range(2000)), {i: i for i in range(1000)}, set(range(2000)),
    frozenset(range(1500)),
]
for i, obj in enumerate(big_objects):
    for proto in range(6):
        data = pickle.dumps(obj, proto)
        print('big', i, proto, len(data),
              hashlib.sha256(data).hexdigest()[:24])

# dump() to a file gives the same bytes as dumps().
for proto in range(6):
    obj = [big_objects[1], objects[:60]]
    f = io.BytesIO()
    pickle.dump(obj, f, proto)
    print('file', proto, f.getvalue() == pickle.dumps(obj, proto))
