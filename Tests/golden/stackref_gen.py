# Generators and coroutines suspended while borrowed copies of their
# locals are on their value stack; exceptions unwinding such values.
import gc
import sys
import weakref


class Box:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return Box(self.value + other)

    def __repr__(self):
        return f"Box({self.value})"


def adder():
    x = Box(1)
    # x is on the stack (borrowed) while the generator is suspended.
    result = x + (yield "first")
    yield result
    yield x + (yield "third")


g = adder()
print(next(g))
print(g.send(10))
print(next(g))
print(g.send(5))

# Rebinding the suspended frame's local through gi_frame.f_locals.
g = adder()
next(g)
frame = g.gi_frame
old = weakref.ref(frame.f_locals["x"])
frame.f_locals["x"] = Box(1000)
gc.collect()
print("old still alive while suspended:", old() is not None)
print(g.send(2))
print(next(g))
print(g.send(3))
del frame, g
gc.collect()
print("old freed with the generator:", old() is None)

# Closing, throwing into and dropping suspended generators.
g = adder()
next(g)
g.close()
print("closed:", g.gi_frame)

g = adder()
next(g)
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("thrown:", e)

g = adder()
next(g)
wr = weakref.ref(g)
del g
gc.collect()
print("dropped:", wr() is None)


# A generator in a reference cycle collected while suspended.
def cyclic():
    me = yield
    items = [me, 1, 2]
    total = len(items) + (yield items[1])
    yield total


g = cyclic()
next(g)
g.send(g)
wr = weakref.ref(g)
del g
gc.collect()
print("cycle collected:", wr() is None)


# Exceptions raised while borrowed values are on the stack.
def fails(data, index):
    try:
        return data[index] + data[index + 1]
    except (IndexError, KeyError) as exc:
        return type(exc).__name__


box_list = [10, 20]
before = sys.getrefcount(box_list)
results = [fails(box_list, i) for i in range(3)]
print(results)
print("list count kept:", sys.getrefcount(box_list) == before)


def nested_failures(n):
    d = {"k": 1}
    s = "text"
    caught = 0
    for i in range(n):
        try:
            d["k"] + s
        except TypeError:
            caught += 1
        try:
            s[100]
        except IndexError:
            caught += 1
        try:
            d[s]
        except KeyError:
            caught += 1
    # d's count is its local's alone: getrefcount's argument is borrowed.
    return caught, sys.getrefcount(d), sys.getrefcount(s) > 1


print(nested_failures(50))


async def coro(x):
    y = x
    return y + await helper()


async def helper():
    return 5


c = coro(Box(7))
try:
    c.send(None)
except StopIteration as stop:
    print("coroutine:", stop.value)


def genexpr_over(local):
    return sum(v * 2 for v in local if v)


print("genexpr:", genexpr_over([0, 1, 2, 3]))
