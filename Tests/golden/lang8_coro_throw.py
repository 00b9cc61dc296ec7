# throw() into a chain of coroutines keeps the outer frames on the stack
# (the stack seen from inside is as deep as with send()); 'async for'
# over an __anext__ result that cannot be awaited chains the reason.
import traceback
import types


async def a():
    return await b()


async def b():
    return await c()


@types.coroutine
def c():
    try:
        yield [f.name for f in traceback.extract_stack()][-4:]
    except ZeroDivisionError:
        yield [f.name for f in traceback.extract_stack()][-4:]


coro = a()
print(coro.send(None))
print(coro.throw(ZeroDivisionError))
coro.close()


def gen_outer():
    yield from gen_inner()


def gen_inner():
    try:
        yield 1
    except KeyError:
        yield [f.name for f in traceback.extract_stack()][-3:]


g = gen_outer()
next(g)
print(g.throw(KeyError))


class F:
    def __aiter__(self):
        return self

    def __anext__(self):
        return self

    def __await__(self):
        1 / 0


async def main():
    async for _ in F():
        pass


try:
    main().send(None)
except TypeError as e:
    print(e, '|', type(e.__cause__).__name__)
