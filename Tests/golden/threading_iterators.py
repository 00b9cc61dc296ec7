import threading
def gen(n):
    for i in range(n):
        yield i
it = threading.serialize_iterator(gen(20000))
seen = []
lock = threading.Lock()
def consume():
    local = []
    for x in it:
        local.append(x)
    with lock:
        seen.extend(local)
ts = [threading.Thread(target=consume) for _ in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(seen) == list(range(20000)))
a, b, c = threading.concurrent_tee(gen(5), 3)
print(list(a), list(b), next(c), list(c))
print(threading.concurrent_tee([1], 0))
@threading.synchronized_iterator
def g2():
    x = yield 1
    yield x
s = g2()
print(type(s).__name__, next(s), s.send(42))
try:
    threading.concurrent_tee([], -1)
except ValueError as e:
    print(e)
try:
    threading.serialize_iterator(iter([1])).send(1)
except AttributeError as e:
    print(e)
