import sys
class Task:
    def __init__(self, coro, name): self.coro = coro; self.name = name; self.result = None; self.done = False; self.waiters = []
class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        yield ("sleep", self.n)
class Join:
    def __init__(self, task): self.task = task
    def __await__(self):
        if not self.task.done:
            yield ("join", self.task)
        return self.task.result
class Loop:
    def __init__(self): self.now = 0; self.queue = []; self.seq = 0
    def schedule(self, t, task, value=None):
        self.seq += 1
        self.queue.append((t, self.seq, task, value))
        self.queue.sort(key=lambda e: (e[0], e[1]))
    def create(self, coro, name):
        task = Task(coro, name)
        self.schedule(self.now, task)
        return task
    def run(self):
        while self.queue:
            t, _, task, value = self.queue.pop(0)
            self.now = t
            try:
                if isinstance(value, BaseException):
                    req = task.coro.throw(value)
                else:
                    req = task.coro.send(value)
            except StopIteration as e:
                task.done = True; task.result = e.value
                print(f"[{self.now}] {task.name} -> {e.value!r}")
                for w in task.waiters: self.schedule(self.now, w, e.value)
                continue
            except Exception as e:
                task.done = True
                print(f"[{self.now}] {task.name} failed: {e!r}")
                for w in task.waiters: self.schedule(self.now, w, e)
                continue
            kind, arg = req
            if kind == "sleep": self.schedule(self.now + arg, task)
            elif kind == "join": arg.waiters.append(task)
loop = Loop()
async def worker(name, delays):
    total = 0
    for d in delays:
        await Sleep(d)
        total += d
        print(f"[{loop.now}] {name} slept {d}")
    if name == "bad":
        raise ValueError("worker failed")
    return total
async def ticker(n):
    for i in range(n):
        yield i
        await Sleep(1)
class Resource:
    async def __aenter__(self):
        print(f"[{loop.now}] acquire"); await Sleep(1); return self
    async def __aexit__(self, *exc):
        print(f"[{loop.now}] release", exc[0].__name__ if exc[0] else None); await Sleep(1)
async def main():
    a = loop.create(worker("a", [3, 1]), "a")
    b = loop.create(worker("b", [1, 1, 1]), "b")
    bad = loop.create(worker("bad", [2]), "bad")
    ra = await Join(a)
    rb = await Join(b)
    try:
        await Join(bad)
    except ValueError as e:
        print(f"[{loop.now}] main caught {e}")
    ticks = [t async for t in ticker(3)]
    async with Resource() as r:
        print(f"[{loop.now}] using", type(r).__name__)
    try:
        async with Resource():
            raise KeyError("inside")
    except KeyError as e:
        print("propagated", e)
    agen = ticker(10)
    print(await agen.__anext__(), await agen.__anext__())
    await agen.aclose()
    return ra + rb, ticks
loop.create(main(), "main")
loop.run()
async def g2():
    try:
        yield 1
    finally:
        print("agen finalizer ran")
async def drive():
    async for v in g2():
        print("got", v)
        break
c = drive()
try:
    while True:
        c.send(None)
except StopIteration:
    pass
print(sys.getrecursionlimit() > 0)
