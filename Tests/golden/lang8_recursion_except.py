# A RecursionError caught and followed by more calls keeps the limit
# exact (the depth count is not given back twice); throw() of a class
# whose constructor does not make an exception raises TypeError inside
# the generator.
import sys

calls = 0


def both(d):
    global calls
    calls += 1
    try:
        both(d + 1)
    except RecursionError:
        both(d + 1)


def depth():
    n, f = 0, sys._getframe()
    while f:
        n, f = n + 1, f.f_back
    return n


limit = depth() + 8
old = sys.getrecursionlimit()
sys.setrecursionlimit(limit)
try:
    both(0)
except RecursionError:
    pass
sys.setrecursionlimit(old)
print(calls)


class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


def boring():
    yield


g = boring()
next(g)
try:
    g.throw(E)
except TypeError as e:
    print("TypeError", str(e).split(" should")[1])
print(next(g, "finished"))


def catching():
    try:
        yield
    except TypeError as e:
        yield "caught inside"


g = catching()
next(g)
print(g.throw(E))
