# One program across the language: the data model (operators, containers,
# descriptors, context managers), generators (send/throw/close, yield
# from), async code run by a small hand-written event loop, structural
# pattern matching and exception groups with except*.
import functools

# ---- data model ----------------------------------------------------------
@functools.total_ordering
class Vec:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"
    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x, self.y + other.y)
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        return abs(self) < abs(other)
    def __hash__(self):
        return hash((self.x, self.y))
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    __match_args__ = ('x', 'y')

vs = [Vec(3, 4), Vec(1, 1), Vec(0, 0), Vec(-2, 5)]
print(sum(vs), sorted(vs), max(vs), [bool(v) for v in vs])
print(2 * Vec(1, 2), -Vec(1, 2), Vec(1, 2) >= Vec(2, 1), set(vs) == set(reversed(vs)))
print(list(Vec(7, 8)), dict.fromkeys(vs, 0)[Vec(1, 1)])
try:
    Vec(1, 2) + 3
except TypeError as e:
    print("TypeError:", e)
try:
    Vec(1, 2).z = 3
except AttributeError as e:
    print("AttributeError raised")

class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, not {type(value).__name__}")
        setattr(obj, self.name, value)

class Grid:
    width = Typed()
    height = Typed()
    def __init__(self, w, h):
        self.width, self.height = w, h
        self._cells = {}
    def __getitem__(self, key):
        match key:
            case (int(x), int(y)) if 0 <= x < self.width and 0 <= y < self.height:
                return self._cells.get(key, '.')
            case slice():
                return [self[i, 0] for i in range(self.width)[key]]
            case _:
                raise KeyError(key)
    def __setitem__(self, key, value):
        self[key]
        self._cells[key] = value
    def __len__(self):
        return self.width * self.height
    def __contains__(self, value):
        return value in self._cells.values()
    def __init_subclass__(cls, **kw):
        cls.tag = kw.get('tag', 'none')
        super().__init_subclass__()

class Board(Grid, tag='board'):
    def __repr__(self):
        return f"<{type(self).__name__} {self.width}x{self.height} tag={self.tag}>"

b = Board(3, 2)
b[1, 0] = '#'
print(b, len(b), b[0:3], '#' in b, 'x' in b)
for bad in ((5, 5), 'k'):
    try:
        b[bad]
    except KeyError as e:
        print("KeyError:", e)
try:
    b.width = 'wide'
except TypeError as e:
    print("TypeError:", e)

class Resource:
    log = []
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        self.log.append('enter ' + self.name)
        return self
    def __exit__(self, tp, val, tb):
        self.log.append(f'exit {self.name} {tp.__name__ if tp else None}')
        return tp is KeyError

with Resource('a') as ra, Resource('b'):
    pass
with Resource('c'):
    raise KeyError('swallowed')
try:
    with Resource('d'):
        1 / 0
except ZeroDivisionError:
    Resource.log.append('zde escaped')
print(Resource.log)

# ---- generators ------------------------------------------------------------
def averager():
    total = n = 0
    avg = None
    while True:
        try:
            value = yield avg
        except ValueError as e:
            avg = f'reset ({e})'
            total = n = 0
            continue
        if value is None:
            return (n, total)
        total += value
        n += 1
        avg = total / n

def delegate(results):
    while True:
        results.append((yield from averager()))

res = []
d = delegate(res)
next(d)
print([d.send(v) for v in (10, 20, 30)])
print(d.throw(ValueError('bad')), d.send(4))
d.send(None)
print(res)

def closing():
    try:
        yield 1
        yield 2
    finally:
        print('generator finalised')
c = closing()
print(next(c))
c.close()
print(list(x * y for x in range(3) if x for y in range(x)))
gen = (i for i in range(3))
print(next(gen), list(gen), next(gen, 'exhausted'))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 12)))

# ---- async code on a hand-written event loop ---------------------------------
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        return (yield ('sleep', self.ticks))

class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []          # (wake time, seq, coroutine, value)
        self.seq = 0
        self.results = {}
    def spawn(self, coro, at=0):
        self.ready.append((self.now + at, self.seq, coro, None))
        self.seq += 1
    def run(self):
        while self.ready:
            self.ready.sort(key=lambda t: (t[0], t[1]))
            when, _, coro, value = self.ready.pop(0)
            self.now = max(self.now, when)
            try:
                cmd = coro.send(value)
            except StopIteration as stop:
                self.results[coro.__name__] = stop.value
                continue
            except Exception as exc:
                self.results[coro.__name__] = f'{type(exc).__name__}: {exc}'
                continue
            kind, arg = cmd
            self.ready.append((self.now + arg, self.seq, coro, self.now))
            self.seq += 1

trace = []
async def worker(name, delays):
    for dly in delays:
        woke = await Sleep(dly)
        trace.append((woke, name))
    return name.upper()

class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Sleep(1)
        return self.n

class Session:
    async def __aenter__(self):
        trace.append('open')
        return self
    async def __aexit__(self, *exc):
        await Sleep(0)
        trace.append('close')

async def agen(n):
    for i in range(n):
        await Sleep(2)
        yield i * i

async def consumer():
    got = []
    async with Session():
        async for v in Ticker(3):
            got.append(v)
    got.append([x async for x in agen(3)])
    return got

async def failing():
    await Sleep(3)
    raise RuntimeError('boom')

loop = Loop()
for coro in (worker('a', [2, 1]), worker('b', [1, 3]), consumer(), failing()):
    loop.spawn(coro)
loop.run()
print(trace)
print(sorted(loop.results.items()), loop.now)

# ---- pattern matching ------------------------------------------------------------
def describe(obj):
    match obj:
        case None:
            return 'nothing'
        case Vec(0, 0):
            return 'origin'
        case Vec(x, 0) | Vec(0, x):
            return f'on an axis at {x}'
        case Vec(x=x, y=y) if x == y:
            return f'diagonal {x}'
        case [Vec() as v, *rest]:
            return f'vectors from {v} and {len(rest)} more'
        case {'op': 'add', 'args': [a, b]}:
            return f'add {a + b}'
        case {'op': str(op), **others}:
            return f'op {op} with {sorted(others)}'
        case int() | float() as n if n < 0:
            return 'negative'
        case str(s) if s.isdigit():
            return f'digits {int(s)}'
        case (1, 2, *_):
            return 'starts 1, 2'
        case _:
            return f'other {type(obj).__name__}'

for o in (None, Vec(0, 0), Vec(0, 5), Vec(3, 3), Vec(1, 2), [Vec(1, 2), 3, 4],
          {'op': 'add', 'args': [2, 3]}, {'op': 'neg', 'x': 1, 'y': 2}, -1.5,
          '042', (1, 2, 3), [1, 2], 'word'):
    print(describe(o))

# ---- exception groups ---------------------------------------------------------------
def raise_group():
    errors = []
    for i, f in enumerate([lambda: 1 / 0, lambda: [][1], lambda: {}['k'],
                           lambda: int('x')]):
        try:
            f()
        except Exception as e:
            e.add_note(f'task {i}')
            errors.append(e)
    raise ExceptionGroup('tasks failed', errors)

try:
    try:
        raise_group()
    except* ZeroDivisionError as g:
        print('zde:', [str(e) for e in g.exceptions], g.exceptions[0].__notes__)
    except* LookupError as g:
        print('lookup:', sorted(type(e).__name__ for e in g.exceptions))
except ExceptionGroup as rest:
    print('rest:', rest.message, [type(e).__name__ for e in rest.exceptions])

eg = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)])])
match_, rest = eg.split(ValueError)
print(repr(match_), repr(rest))
print(eg.subgroup(lambda e: isinstance(e, TypeError)))
print(BaseExceptionGroup('b', [KeyboardInterrupt()]).__class__.__name__,
      BaseExceptionGroup('e', [ValueError()]).__class__.__name__)
try:
    ExceptionGroup('bad', [KeyboardInterrupt()])
except TypeError as e:
    print('TypeError:', e)

try:
    try:
        raise ExceptionGroup('g', [OSError('disk')])
    except* OSError:
        raise ValueError('during handling')
except ValueError as e:
    print(type(e).__name__, e, type(e.__context__).__name__,
          [type(x).__name__ for x in e.__context__.exceptions])
