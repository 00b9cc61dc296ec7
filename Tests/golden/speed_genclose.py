# close() of a generator left at a plain yield with no handler of its own
# finishes it without running its frame again; every other shape (try,
# with, except, yield from, tracing) still throws GeneratorExit in.  The
# results, the cleanup of locals and what runs must be the same either way.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def plain(n):
    keep = Noisy("plain local")
    for i in range(n):
        yield i
    print("plain finished")


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit with", exc[0].__name__ if exc[0] else None)
        return False


def with_block():
    with Manager():
        yield 1


def in_except():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield "after"


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
        raise


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "ignored"


def delegating():
    yield from with_finally()


g = plain(5)
print(next(g), next(g))
print(g.close(), g.gi_frame, g.gi_running, g.gi_suspended if hasattr(g, "gi_suspended") else "")
print(list(g), g.close())

for make in (with_finally, with_block, in_except, catches_exit, delegating):
    g = make()
    print(make.__name__, next(g))
    print(" close:", g.close(), list(g))

g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# Unstarted, finished and running generators.
g = plain(2)
print(g.close(), list(g))
g = plain(1)
print(list(g), g.close())


def closes_itself():
    yield me.close()


me = closes_itself()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# Dropped unfinished: the finalizer closes them.
g = plain(3)
next(g)
del g
print("dropped")

# Generator expressions stopped early, many times.
data = list(range(20))
print(sum(all(x < k for x in data) for k in range(25)),
      sum(any(x > k for x in data) for k in range(25)))
print(next(x for x in data if x > 7))


# Traced: the throw runs, with its events.
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("plain", "with_finally"):
        events.append((frame.f_code.co_name, event))
    return tracer


events = []
g = plain(3)
h = with_finally()
next(g)
next(h)
sys.settrace(tracer)
g.close()
h.close()
sys.settrace(None)
print(events)
