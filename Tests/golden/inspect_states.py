# inspect 3.12+: async generator states and locals, generator states.
import inspect
async def ag():
    yield 1
    yield 2
a = ag()
print(inspect.getasyncgenstate(a), inspect.getasyncgenlocals(a))
x = a.asend(None)
try: x.send(None)
except StopIteration as e: print('yielded', e.value)
print(inspect.getasyncgenstate(a))
try: a.aclose().send(None)
except StopIteration: pass
print(inspect.getasyncgenstate(a))
def gen():
    z = 5
    yield inspect.getgeneratorstate(g)
g = gen()
print(next(g))
try: inspect.getgeneratorlocals(1)
except TypeError as e: print(e)
