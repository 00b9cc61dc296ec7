# Shared lists, dicts and the cycle collector under threads.  The
# owning thread (main) reads a list and an instance's attributes while
# other threads replace what it reads, so every value it sees must be a
# live object the container held at some moment; meanwhile other threads
# allocate cycles so that collections (young and full) stop the world in
# the middle of all this.
import gc
import threading
import weakref

ROUNDS = 3000
WRITERS = 3


class Box:
    __slots__ = ("value", "__weakref__")

    def __init__(self, value):
        self.value = value


class Holder:
    pass


shared = [Box(i) for i in range(64)]
holder = Holder()
holder.x = Box(-1)
holder.y = Box(-2)
start = threading.Barrier(WRITERS + 3)
stop = threading.Event()
errors = []


def writer(seed):
    start.wait()
    n = seed
    for _ in range(ROUNDS):
        n = (n * 1103515245 + 12345) & 0x7FFFFFFF
        i = n % 64
        shared[i] = Box(i)              # the old box may die right here
        holder.x = Box(-1)
        holder.y = Box(-2)
        if n % 7 == 0:
            shared.append(Box(64))
            shared.pop()


def cycle_maker(results):
    start.wait()
    refs = []
    for i in range(4000):
        a = Holder()
        b = Holder()
        a.b = b
        b.a = a
        if i % 100 == 0:
            refs.append(weakref.ref(a))
    # A manual collection waits for one that another thread is running,
    # then runs its own (Doc/internals/gc.md): one call is enough.
    gc.collect()
    alive = sum(r() is not None for r in refs)
    results.append(alive)


def owner_reads():
    """The main thread created `shared` and `holder`: its reads take the
    owner's inline paths while writers race with them."""
    seen = 0
    while True:                         # at least one pass, however late
        for i in range(64):
            box = shared[i]
            if type(box) is not Box or box.value != i:
                errors.append(("list", i, box))
        for box in shared:
            if type(box) is not Box:
                errors.append(("iter", box))
        x = holder.x
        y = holder.y
        if x.value != -1 or y.value != -2:
            errors.append(("attr", x, y))
        seen += 1
        if stop.is_set():
            return seen


def reader():
    start.wait()
    while not stop.is_set():
        total = 0
        for box in shared:
            total += box.value >= 0
        if shared[5].value != 5 or holder.x.value != -1:
            errors.append("reader")


results = []
threads = [threading.Thread(target=writer, args=(s,)) for s in range(WRITERS)]
threads.append(threading.Thread(target=cycle_maker, args=(results,)))
threads.append(threading.Thread(target=reader))
for t in threads:
    t.start()
start.wait()
done = [t for t in threads[:WRITERS + 1]]
seen = 0
while True:
    stop.clear()
    timer = threading.Timer(0.01, stop.set)
    timer.start()
    seen += owner_reads()
    timer.join()
    if not any(t.is_alive() for t in done):
        break
stop.set()
for t in threads:
    t.join()

print("errors:", errors[:5])
print("list:", len(shared), all(type(b) is Box and b.value == i
                                 for i, b in enumerate(shared)))
print("attrs:", holder.x.value, holder.y.value)
print("cycles left alive:", results)
print("reads happened:", seen > 0)

# Several threads churning cycles at once, with automatic collection.
def churn(out):
    refs = []
    for i in range(6000):
        a = Holder()
        a.self = a
        a.payload = [a, {"k": a}]
        if i % 500 == 0:
            refs.append(weakref.ref(a))
    out.append(refs)

outs = []
workers = [threading.Thread(target=churn, args=(outs,)) for _ in range(4)]
for t in workers:
    t.start()
for t in workers:
    t.join()
gc.collect()
print("churn:", len(outs), sum(r() is None for refs in outs for r in refs))
