# Generator and coroutine deaths in every state (the finalizer runs only
# when it has work: a suspended frame to close or a coroutine never
# awaited), generators resumed inline by for loops and await while the
# caller holds the only reference, and exception fields set and read.
import gc
import sys
import warnings
import weakref

log = []


def tracked(tag):
    try:
        log.append(tag + " start")
        yield 1
        yield 2
    finally:
        log.append(tag + " finally")


# Finished: no finalizer work, finally already ran once.
g = tracked("done")
print(list(g))
del g
# Never started: nothing to close, the finally never runs.
g = tracked("created")
del g
# Suspended: the finalizer closes it and the finally runs now.
g = tracked("suspended")
next(g)
del g
print(log)


# A weak reference sees each death; its callback runs once.
def watched():
    yield 1


for start in (False, True, None):
    g = watched()
    if start:
        next(g)
    elif start is None:
        list(g)
    seen = []
    r = weakref.ref(g, lambda ref: seen.append(ref() is None))
    del g
    print("weakref", start, seen, r())


# A finalizer that resurrects: the generator survives its first death,
# and it keeps working.
saved = []


def resurrecting():
    try:
        yield 1
    except GeneratorExit:
        saved.append(sys._getframe())
        raise


g = resurrecting()
next(g)
del g
gc.collect()
print("frames saved:", len(saved), saved[0].f_code.co_name)
saved.clear()


# A coroutine never awaited warns; one awaited to completion does not.
async def work(n):
    return n * 2


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    c = work(1)
    del c
    gc.collect()
    c = work(2)
    try:
        c.send(None)
    except StopIteration as stop:
        print("coroutine returned", stop.value)
    del c
    gc.collect()
print([str(w.message) for w in caught])


# Inline resumption: the for loop's iterator is the generator's only
# reference, and the generator drops every other one while it runs.
holder = {}


def lonely(n):
    holder.clear()
    for i in range(n):
        yield i
    gc.collect()
    yield n


holder["g"] = lonely(3)
total = 0
for value in holder["g"]:
    total += value
print("lonely total", total)


# A generator raising from inside an inline resumption, caught outside.
def failing():
    yield 1
    raise KeyError("inner")


try:
    for value in failing():
        pass
except KeyError as exc:
    print("caught", repr(exc))


# await chains: each coroutine is awaited once, dies finished.
class Pause:
    def __await__(self):
        yield self


async def leaf(n):
    await Pause()
    return n


async def chain(n):
    total = 0
    for i in range(n):
        total += await leaf(i)
    return total


c = chain(50)
steps = 0
while True:
    try:
        c.send(None)
        steps += 1
    except StopIteration as stop:
        print("chain", stop.value, "steps", steps)
        break
del c


# Exception fields (args, traceback, context, cause) set and read back.
try:
    try:
        raise ValueError("first")
    except ValueError as first:
        raise TypeError("second") from first
except TypeError as exc:
    exc.args = ("changed", 1)
    print(exc.args, type(exc.__cause__).__name__,
          type(exc.__context__).__name__, exc.__traceback__ is not None)
    exc.__traceback__ = None
    exc.__context__ = None
    print(exc.__traceback__, exc.__context__, exc.__suppress_context__)
stop = StopIteration(5)
print(stop.value, stop.args)
