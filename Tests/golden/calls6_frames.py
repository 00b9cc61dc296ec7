# Frames of inlined (specialized) calls: recursion limits, tracebacks,
# sys._getframe chains, generators, exceptions and tracing.
import sys
import traceback


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


for _ in range(20):
    depth(10)
print(depth(500))

old = sys.getrecursionlimit()
sys.setrecursionlimit(100000)
try:
    print(depth(50000))
except RecursionError:
    print("RecursionError at 50000")


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", "maximum recursion depth exceeded" in str(e))
sys.setrecursionlimit(200)
try:
    depth(1000)
except RecursionError:
    print("RecursionError at limit 200")
print(depth(100))
sys.setrecursionlimit(old)


class Node:
    def __init__(self, nxt):
        self.nxt = nxt

    def walk(self, k):
        if self.nxt is None:
            return k
        return self.nxt.walk(k + 1)


chain = None
for _ in range(300):
    chain = Node(chain)
print([chain.walk(0) for _ in range(5)][-1])


# sys._getframe and f_back through inlined calls.
def leaf():
    f = sys._getframe()
    names = []
    while f is not None and len(names) < 4:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def mid():
    return leaf()


def top():
    return mid()


for _ in range(20):
    r = top()
print(r)


def keep_frame():
    return sys._getframe()


frames = []
for _ in range(20):
    frames.append(keep_frame())
print(frames[-1].f_code.co_name, frames[-1].f_back.f_code.co_name, frames[-1].f_locals)


# Exceptions through inlined frames and their tracebacks.
def fail(k):
    if k == 0:
        raise ValueError("bottom")
    return fail(k - 1)


def catcher():
    try:
        fail(3)
    except ValueError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno > 0))
            tb = tb.tb_next
        return names


for _ in range(20):
    r = catcher()
print(r)
try:
    for i in range(20):
        fail(2 if i < 19 else 0)
except ValueError as e:
    lines = traceback.format_exception(e)
    print(lines[0].strip(), lines[-1].strip())


# Generators and coroutines created at specialized sites.
def gen(n):
    for i in range(n):
        yield i * i


def use_gen():
    return sum(gen(5))


print([use_gen() for _ in range(20)][-1])


class Box:
    def items(self, n):
        yield from range(n)


b = Box()
print([list(b.items(3)) for _ in range(20)][-1])


# sys.settrace sees every call and return, specialized or not.
def small(x):
    return x + 1


def driver(n):
    t = 0
    for i in range(n):
        t = small(t)
    return t


driver(50)
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("small", "driver"):
        events.append((event, frame.f_code.co_name))
    return tracer


sys.settrace(tracer)
driver(3)
sys.settrace(None)
print([e for e in events if e[0] in ("call", "return")])
print(driver(50))
calls = []
sys.setprofile(lambda f, e, a: calls.append((e, f.f_code.co_name)) if e in ("call", "return", "c_call") and f.f_code.co_name != "<lambda>" else None)
driver(2)
sys.setprofile(None)
print([c for c in calls if c[1] in ("small", "driver")])
