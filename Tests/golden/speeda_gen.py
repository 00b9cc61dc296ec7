# Generators and coroutines resumed inside the evaluation loop by FOR_ITER
# and SEND: values, return values, exceptions, the handled-exception
# state, frames, re-entrance, tracing, close/throw after inline resumes.
import sys

def count(n):
    for i in range(n):
        yield i
    return "done"

print(list(count(4)), [x * 2 for x in count(3)], sum(count(10)))
total = 0
for x in count(5):
    total += x
print(total)

def delegate(n):
    result = yield from count(n)
    print("  delegate got", result)
    yield result

print(list(delegate(2)))

def tree(depth):
    if depth:
        yield from tree(depth - 1)
        yield depth
        yield from tree(depth - 1)

print(list(tree(4)))

def raises_stop():
    yield 1
    raise StopIteration("inner")

try:
    for v in raises_stop():
        print("  got", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def boom(n):
    yield n
    1 / 0

def catcher():
    try:
        for v in boom(7):
            print("  boom gave", v)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("ZeroDivisionError through", names)

catcher()

# the caller's handled exception is seen inside, the generator's own is
# kept across its suspension and does not leak out
def exc_state():
    print("  inside sees", repr(sys.exc_info()[1]))
    try:
        raise KeyError("gen")
    except KeyError:
        yield 1
        print("  after yield sees", repr(sys.exc_info()[1]))
    yield 2
    print("  at end sees", repr(sys.exc_info()[1]))

try:
    raise ValueError("caller")
except ValueError:
    for v in exc_state():
        print("  caller sees", repr(sys.exc_info()[1]), v)
print("after:", repr(sys.exc_info()[1]))

# frames: f_back while running, gi_running, gi_frame after the end
def frames():
    f = sys._getframe()
    print("  back:", f.f_back.f_code.co_name, "running:", me.gi_running)
    yield 1
    print("  back again:", sys._getframe(1).f_code.co_name)

def driver():
    global me
    me = frames()
    for _ in me:
        print("  suspended:", me.gi_running, me.gi_frame is not None)
    print("  finished frame:", me.gi_frame)

driver()

# re-entrance: a generator that advances itself
def reentrant():
    yield 1
    try:
        next(self_gen)
    except ValueError as e:
        print("ValueError:", e)
    yield 2

self_gen = reentrant()
print(list(self_gen))

# a generator started by next() and finished by a for loop, closed and
# thrown into after inline resumes
g = count(6)
print(next(g), next(g))
print([x for x in g])
g = count(6)
for x in g:
    if x == 2:
        break
print(g.gi_running, next(g))
g.close()
print(list(g))

def closer():
    try:
        while True:
            yield
    finally:
        print("  finally ran")

c = closer()
for _ in range(3):
    next(c)
for _ in c:
    break
c.close()

def thrower():
    while True:
        try:
            yield
        except KeyError as e:
            print("  caught", e)
            yield "handled"

t = thrower()
for _ in t:
    break
print(t.throw(KeyError("k")))

# deep recursion through generators
def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"

print(list(deep(50)))
try:
    list(deep(100000))
except RecursionError:
    print("RecursionError")

# coroutines awaited inside coroutines
class Pause:
    def __await__(self):
        value = yield "paused"
        return value

async def leaf(x):
    got = await Pause()
    return x + (got or 0)

async def middle(x):
    a = await leaf(x)
    b = await leaf(a)
    if b > 100:
        raise OverflowError(b)
    return b

def run(coro, sends):
    out = []
    try:
        out.append(coro.send(None))
        for s in sends:
            out.append(coro.send(s))
    except StopIteration as e:
        out.append(("return", e.value))
    except OverflowError as e:
        out.append(("error", e.args))
    return out

print(run(middle(1), [10, 20]))
print(run(middle(50), [30, 40]))
c = middle(1)
c.send(None)
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

async def awaits_twice():
    inner = leaf(1)
    await Pause()
    r = await inner
    try:
        await inner
    except RuntimeError as e:
        print("  RuntimeError:", e)
    return r

print(run(awaits_twice(), [None, 5, None]))

# tracing sees the generator's lines
def traced_gen():
    yield 1
    yield 2

lines = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_gen":
        lines.append((event, frame.f_lineno - traced_gen.__code__.co_firstlineno))
    return tracer

sys.settrace(tracer)
print(list(traced_gen()))
sys.settrace(None)
print(lines)
print(list(traced_gen()), [x for x in traced_gen()])
