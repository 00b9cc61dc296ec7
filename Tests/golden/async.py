class Sleep:
    def __await__(self):
        yield "tick"
        return "slept"
async def worker(name, n):
    total = 0
    for i in range(n):
        r = await Sleep()
        total += i
    return f"{name}:{total}:{r}"
async def agen(n):
    for i in range(n):
        await Sleep()
        yield i * i
async def main():
    results = [await worker("a", 3), await worker("b", 2)]
    squares = [v async for v in agen(4)]
    class ACM:
        async def __aenter__(self):
            print("aenter")
            return self
        async def __aexit__(self, *exc):
            print("aexit", exc[0])
    async with ACM():
        print("in async with")
    try:
        async with ACM():
            raise KeyError("x")
    except KeyError:
        print("caught after aexit")
    return results, squares
def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
print(run(main()))
c = worker("c", 1)
print(type(c).__name__, c.__name__)
c.close()
