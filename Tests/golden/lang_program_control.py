import sys
def gen():
    try:
        x = yield 1
        print("got", x)
        y = yield x * 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("gen finally")
g = gen(); print(next(g), g.send(5), g.throw(ValueError("boom")))
try: next(g)
except StopIteration: print("done")
g2 = gen(); next(g2); g2.close(); print(g2.gi_frame, g2.gi_running)
def sub():
    r = yield from [1, 2]
    v = yield "sub"
    return v
def outer():
    res = yield from sub()
    print("sub returned", res)
    return "outer-ret"
o = outer(); print(next(o), next(o), next(o));
try: o.send("VAL")
except StopIteration as e: print("stop", e.value)
def bad():
    raise StopIteration
    yield
try: list(bad())
except RuntimeError as e: print("RE", e, type(e.__cause__).__name__)
ge = (i*i for i in range(5) if i % 2); print(list(ge), list(ge))
def counter():
    n = 0
    while True:
        n += yield n
c = counter(); next(c); print([c.send(i) for i in range(5)])
# pattern matching
def m(x):
    match x:
        case 0 | 1: return "small"
        case int(n) if n < 0: return f"neg {n}"
        case [a, b, *rest]: return f"seq {a} {b} {rest}"
        case {"k": v, **kw}: return f"map {v} {kw}"
        case str() as s: return f"str {s}"
        case (1.5 | 2.5) as f: return f"float {f}"
        case P(x=0, y=yy): return f"P on y {yy}"
        case P(xx, yy): return f"P {xx} {yy}"
        case None: return "none"
        case _: return "other"
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
for val in [0, 1, -3, [1,2,3,4], (5,6), {"k": 1, "z": 2}, "hi", 2.5, P(0, 7), P(3, 4), None, 99, [1]]:
    print(m(val))
match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [1, {"b": (x, y)}]}: print("deep", x, y)
# exception groups
def eg():
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
try:
    eg()
except* ValueError as e:
    print("VE", repr(e), [repr(x) for x in e.exceptions])
except* (TypeError, KeyError) as e:
    print("TK", e.message, len(e.exceptions))
g = ExceptionGroup("m", [ValueError("a"), TypeError("b")])
match_, rest = g.split(ValueError); print(repr(match_), repr(rest))
print(repr(g.subgroup(lambda e: isinstance(e, TypeError))), g.derive([KeyError()]).message)
try:
    try: raise ValueError("inner")
    except ValueError as e: raise TypeError("outer") from e
except TypeError as e: print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try: raise ValueError("inner")
    except ValueError: raise TypeError("outer")
except TypeError as e: print(repr(e.__context__), e.__suppress_context__)
e = ValueError("x"); e.add_note("note1"); e.add_note("note2"); print(e.__notes__)
try: raise KeyError("k")
except KeyError: print(sys.exception(), sys.exc_info()[0].__name__)
print(sys.exception())
try:
    raise ExceptionGroup("x", [ValueError(1)])
except* ValueError:
    try: raise
    except ExceptionGroup as eg2: print("reraised", repr(eg2))
# hand-written event loop
class Future:
    def __init__(self): self.done = False; self.result = None; self.cbs = []
    def set(self, v): self.done = True; self.result = v; [cb() for cb in self.cbs]
    def __await__(self):
        if not self.done: yield self
        return self.result
class Loop:
    def __init__(self): self.ready = []; self.time = 0; self.timers = []
    def spawn(self, coro): self.ready.append((coro, None))
    def sleep(self, t):
        f = Future(); self.n = getattr(self, "n", 0) + 1; self.timers.append((self.time + t, self.n, f)); return f
    def run(self):
        while self.ready or self.timers:
            while self.ready:
                coro, val = self.ready.pop(0)
                try: fut = coro.send(val)
                except StopIteration as e: print("task done", e.value); continue
                fut.cbs.append(lambda c=coro, f=fut: self.ready.append((c, f.result)))
            if self.timers:
                self.timers.sort(); t, _, f = self.timers.pop(0); self.time = t; f.set(t)
loop = Loop()
async def worker(name, delays):
    total = 0
    for d in delays:
        t = await loop.sleep(d); total += d
        print(name, "woke at", t)
    return (name, total)
loop.spawn(worker("a", [3, 1])); loop.spawn(worker("b", [2, 2, 1])); loop.run()
async def agen():
    for i in range(3):
        yield i
        await loop.sleep(1)
async def consume():
    return [x async for x in agen()] + [x async for x in agen() if x]
loop.spawn(consume()); loop.run()
ag = agen(); print(type(ag).__name__, ag.__aiter__() is ag)
print((lambda *a, k=1, **kw: (a, k, kw))(1, 2, k=3, z=4), (y := 5) + y)
first, *mid, last = range(6); print(first, mid, last, [*range(2), *"ab"], {**{"a": 1}, "b": 2}, {*range(3)})
def f(a, /, b, *, c): return a, b, c
print(f(1, b=2, c=3))
try: f(a=1, b=2, c=3)
except TypeError as e: print(e)
print(f"{'nested' + f'{1+1}'!r:>12}", f"{3=}", f"{'a' 'b'=}")
x = 10
def outer_fn():
    x = 20
    def inner():
        nonlocal x; x += 1; return x
    return inner() , x
print(outer_fn(), x)
class Z:
    def m(self): return __class__.__name__, super().__repr__()[:10]
print(Z().m())
