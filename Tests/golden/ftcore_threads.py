# ftcore (session 13) under threads.  Generators: while one thread state
# has ever existed a resume marks the generator executing with a plain
# store, afterwards with a compare-and-swap.  A generator that was claimed
# by the plain store and is still running when the first extra thread
# starts must look executing to that thread; afterwards, threads racing
# on one generator, on one coroutine driven by send() and on a `yield
# from` chain each see every value exactly once.  Lock-free reads of
# owned objects: at the end.
import threading

def probe_from_thread(gen):
    seen = []
    def worker():
        try:
            next(gen)
        except ValueError as e:
            seen.append(str(e))
    t = threading.Thread(target=worker)
    t.start()
    t.join()
    return seen

def running_gen():
    # The first resume happens before any thread starts.
    seen = probe_from_thread(me[0])
    yield seen
    yield "second"

me = [None]
g = running_gen()
me[0] = g
print("claimed before threads:", next(g))
print("resumed after:", next(g))

N = 2000
WORKERS = 4

def numbers():
    for i in range(N):
        yield i

def chain():
    yield from numbers()

def drain(source, out):
    while True:
        try:
            for x in source:
                out.append(x)
            return
        except ValueError as e:
            if "already executing" not in str(e):
                raise

def race(source):
    outs = [[] for _ in range(WORKERS)]
    threads = [threading.Thread(target=drain, args=(source, outs[i]))
               for i in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    values = sorted(x for out in outs for x in out)
    return values == list(range(N))

print("generator race:", race(numbers()))
print("yield from race:", race(chain()))

class Counter:
    def __await__(self):
        for i in range(N):
            yield i
        return "done"

async def counting():
    return await Counter()

def send_all(coro, out):
    while True:
        try:
            out.append(coro.send(None))
        except ValueError as e:
            if "already executing" not in str(e):
                raise
        except StopIteration as stop:
            out.append(stop.value)
        except RuntimeError as e:
            if "cannot reuse already awaited coroutine" not in str(e):
                raise
            return

def coroutine_race():
    # The threads share one coroutine; a send racing another gets
    # "already executing" and retries, a send after the end gets
    # RuntimeError.
    coro = counting()
    outs = [[] for _ in range(WORKERS)]
    threads = [threading.Thread(target=send_all, args=(coro, outs[i]))
               for i in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    values = [x for out in outs for x in out]
    done = values.count("done")
    numbers_seen = sorted(x for x in values if x != "done")
    return numbers_seen == list(range(N)), done

print("coroutine race:", coroutine_race())

# Lock-free reads of objects the reading thread owns take them without a
# re-check (ftcore, session 13): the main thread reads its own list's
# items and its own class's method and instance attribute while other
# threads replace them.  Objects made after the first thread started
# keep ordinary counts (they are not made immortal), so the owned path
# runs; every value read must be one that was stored.
ROUNDS = 3000

def list_race():
    items = [float(i) for i in range(8)]
    allowed = set(items) | {-1.0 - i for i in range(8)}
    stop = threading.Event()
    def writer(k):
        i = 0
        while not stop.is_set():
            items[(i + k) % 8] = -1.0 - ((i + k) % 8)
            items[(i + k) % 8] = float((i + k) % 8)
            i += 1
    threads = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    bad = 0
    for _ in range(ROUNDS):
        for j in range(8):
            if items[j] not in allowed:
                bad += 1
        for x in items:
            if x not in allowed:
                bad += 1
    stop.set()
    for t in threads:
        t.join()
    return bad

def method_race():
    class Shape:
        def __init__(self):
            self.size = 1.5
        def area(self):
            return "first"
    def second(self):
        return "second"
    first = Shape.area
    shape = Shape()
    stop = threading.Event()
    def writer():
        flip = False
        while not stop.is_set():
            Shape.area = second if flip else first
            shape.size = 2.5 if flip else 1.5
            flip = not flip
    t = threading.Thread(target=writer)
    t.start()
    seen = set()
    sizes = set()
    for _ in range(ROUNDS * 4):
        seen.add(shape.area())
        sizes.add(shape.size)
    stop.set()
    t.join()
    return seen <= {"first", "second"}, sizes <= {1.5, 2.5}

print("owned list reads, bad values:", list_race())
print("owned method and attribute reads:", method_race())
