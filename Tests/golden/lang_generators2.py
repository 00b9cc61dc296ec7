# generators/async odds
def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in g():
    print(x)
    break
print("after break")
gen = g(); next(gen); del gen
print("after del")
def counter():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset": i = 0
        else: i += 1
c = counter(); next(c)
print(c.send(None), c.send(None), c.send("reset"), c.send(None))
def yf():
    r = yield from g()
    return r
print(list(yf()))
def inner_ret():
    return 42
    yield
def outer():
    v = yield from inner_ret()
    yield v
print(list(outer()))
print(list(x for x in range(3)), [*(y * 2 for y in range(3))])
ge = (1 / x for x in [1, 0])
print(next(ge))
try:
    next(ge)
except ZeroDivisionError as e:
    print("zde in genexp")
print(next(ge, "exhausted"))
def gen_exc_state():
    try:
        raise KeyError("a")
    except KeyError:
        yield 1
        import sys
        yield repr(sys.exception())
print(list(gen_exc_state()))
def stop_in_gen():
    yield 1
    return "r"
it = stop_in_gen()
next(it)
try:
    next(it)
except StopIteration as si:
    print("value", si.value)
try:
    next(it)
except StopIteration as si:
    print("value again", si.value)
print(type(g).__name__, type(g()).__name__, g().gi_code.co_name, g.__code__.co_flags & 0x20 != 0)
async def ag():
    yield 1
    yield 2
async def consume():
    out = []
    async for v in ag():
        out.append(v)
    return out
co = consume()
try:
    co.send(None)
except StopIteration as si:
    print("async result", si.value)
async def gen_in_async():
    return [i async for i in ag()] + [j for j in range(2)]
co = gen_in_async()
try:
    co.send(None)
except StopIteration as si:
    print(si.value)
def lazy_eval():
    print("lazy start")
    yield "x"
lg = lazy_eval()
print("created")
print(next(lg))
