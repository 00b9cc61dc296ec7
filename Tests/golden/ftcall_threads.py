# Generators and exceptions shared between threads: one generator resumed
# inline by several threads' for loops (a thread that finds it executing
# gets ValueError and retries, no value is lost or repeated), generators
# created in one thread and dropped in another (finished ones skip the
# finalizer, suspended ones are closed), and exception fields written and
# read concurrently.
import threading

THREADS = 4
ITEMS = 4000


def numbers(n):
    for i in range(n):
        yield i


shared = numbers(ITEMS)
taken = [[] for _ in range(THREADS)]
busy = [0] * THREADS


def consume(slot):
    while True:
        try:
            for value in shared:
                taken[slot].append(value)
            return
        except ValueError:
            busy[slot] += 1


threads = [threading.Thread(target=consume, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
everything = sorted(v for part in taken for v in part)
print("shared generator:", everything == list(range(ITEMS)))


closed = []


def guarded(tag):
    try:
        yield tag
        yield tag
    finally:
        closed.append(tag)


def make(count, out):
    for i in range(count):
        g = guarded(i)
        if i % 3 == 0:
            next(g)          # suspended: dies with work for the finalizer
        elif i % 3 == 1:
            list(g)          # finished
        out.append(g)        # i % 3 == 2: never started


batches = [[] for _ in range(THREADS)]
makers = [threading.Thread(target=make, args=(300, batches[i]))
          for i in range(THREADS)]
for t in makers:
    t.start()
for t in makers:
    t.join()


def drop(batch):
    while batch:
        batch.pop()


droppers = [threading.Thread(target=drop, args=(b,)) for b in batches]
for t in droppers:
    t.start()
for t in droppers:
    t.join()
# Finished generators ran their finally once (in list()), suspended ones
# when dropped; never-started ones never.
print("finally ran:", len(closed), "expected:", THREADS * 200)


error = ValueError("start")
stop = threading.Event()


def writer(slot):
    for i in range(2000):
        error.args = (slot, i)
        try:
            raise KeyError(i)
        except KeyError as exc:
            error.__context__ = exc
            error.__traceback__ = exc.__traceback__


def reader(out):
    seen = 0
    while True:             # at least one pass, however late it starts
        done = stop.is_set()
        args = error.args
        if len(args) in (1, 2):
            seen += 1
        ctx = error.__context__
        if ctx is not None and not isinstance(ctx, KeyError):
            out.append("bad context")
        error.__traceback__
        if done:
            break
    out.append(seen > 0)


results = []
readers = [threading.Thread(target=reader, args=(results,)) for _ in range(2)]
writers = [threading.Thread(target=writer, args=(i,)) for i in range(2)]
for t in readers + writers:
    t.start()
for t in writers:
    t.join()
stop.set()
for t in readers:
    t.join()
print("exception fields:", results, type(error.__context__).__name__)
