# An exception raised in C with no traceback and reported as unraisable
# (a generator that ignores GeneratorExit, a coroutine likewise) gets the
# frame running at the time, as in CPython.
import sys

seen = []
def hook(u):
    tb = u.exc_traceback
    seen.append((u.exc_type.__name__, str(u.exc_value),
                 tb.tb_frame.f_code.co_name if tb is not None else None,
                 tb.tb_next is None if tb is not None else None))

def gen():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def coro():
    try:
        await Awaitable()
    except GeneratorExit:
        await Awaitable()

class Awaitable:
    def __await__(self):
        yield

class Broken:
    def __del__(self):
        raise ValueError("del is broken")

def drop_generator():
    g = gen()
    next(g)
    del g

def drop_coroutine():
    c = coro()
    c.send(None)
    del c

def drop_broken():
    b = Broken()
    del b

sys.unraisablehook = hook
try:
    drop_generator()
    drop_coroutine()
    drop_broken()
finally:
    sys.unraisablehook = sys.__unraisablehook__
for entry in seen:
    print(entry)
