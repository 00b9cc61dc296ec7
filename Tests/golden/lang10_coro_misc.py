# anext() on an async iterator whose __anext__ is a generator-based
# coroutine (types.coroutine), and frame.clear() on a coroutine that never
# ran (it finalizes the coroutine: "was never awaited").
import types, warnings

class Counter:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    @types.coroutine
    def __anext__(self):
        if False:
            yield 'never'
        if self.n >= 2:
            raise StopAsyncIteration
        self.n += 1
        return self.n

class Native:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n >= 1:
            raise StopAsyncIteration
        self.n += 1
        return 'native'

async def consume(it):
    got = [await anext(it), await anext(it)]
    got.append(await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration:
        got.append('stop')
    return got

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

print(run(consume(Counter())))
async def consume_native(it):
    return [await anext(it), await anext(it, 'default')]
print(run(consume_native(Native())))

async def never():
    pass
c = never()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    c.cr_frame.clear()
print([str(x.message) for x in w], [x.category.__name__ for x in w])
c.close()

# A generator that never started is closed by clearing its frame.
def gen():
    yield 1
g = gen()
g.gi_frame.clear()
print(next(g, 'exhausted'), g.gi_frame)
