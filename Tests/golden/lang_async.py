# Expected output: CPython 3.11 output, except the last line, which follows
# the 3.14+ message "'int' object can't be awaited" (written by hand).
import sys
class Future:
    def __init__(self): self.done = False; self.result = None
    def __await__(self):
        if not self.done:
            yield self
        return self.result

class Loop:
    def __init__(self): self.ready = []; self.log = []
    def spawn(self, coro): self.ready.append((coro, None))
    def run(self):
        while self.ready:
            coro, val = self.ready.pop(0)
            try:
                fut = coro.send(val)
            except StopIteration as e:
                print("task done", e.value)
                continue
            fut.done = True
            fut.result = "r%d" % len(self.log)
            self.log.append(fut.result)
            self.ready.append((coro, fut.result))

async def sleep0():
    return await Future()

async def worker(name, n):
    out = []
    for i in range(n):
        v = await sleep0()
        out.append("%s%d:%s" % (name, i, v))
    return out

loop = Loop()
loop.spawn(worker("a", 2))
loop.spawn(worker("b", 3))
loop.run()

class AIter:
    def __init__(self, n): self.i = 0; self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        await sleep0()
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        return self.i

class ACM:
    async def __aenter__(self):
        print("aenter"); await sleep0(); return "acm"
    async def __aexit__(self, t, v, tb):
        print("aexit", t.__name__ if t else None); return True

async def agen(n):
    for i in range(n):
        await sleep0()
        yield i * 10
    print("agen end")

async def main():
    async for x in AIter(3):
        print("ait", x)
    async with ACM() as v:
        print("inside", v)
        raise ValueError("swallowed")
    r = [x async for x in agen(3)]
    print("acomp", r)
    r2 = [x + 1 async for x in AIter(4) if x % 2]
    print("acomp2", r2)
    r3 = {x: await sleep0() for x in range(2)}
    print("await in comp", sorted(r3))
    g = agen(5)
    print(await g.__anext__(), await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed agen")
    async def inner():
        raise KeyError("k")
    try:
        await inner()
    except KeyError as e:
        print("caught", repr(e))
    return "main-result"

loop.spawn(main())
loop.run()

async def simple(): return 5
c = simple()
print(type(c).__name__, simple.__name__)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
c2 = simple()
c2.close()
print(type(agen(1)).__name__)
async def nothing(): pass
co = nothing()
co.close()
try:
    next(iter([]))
except StopIteration:
    print("plain stop")
async def uses_await_on_bad():
    await 5
try:
    uses_await_on_bad().send(None)
except TypeError as e:
    print(e)
