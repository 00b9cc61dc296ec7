# Objects created by one thread and read or freed by others: free lists
# are per thread, delayed frees switch on when the second thread starts,
# and readers never see a half-recycled object.
import threading
import weakref
import gc

# Before any thread: grow and shrink dicts and lists a lot (their old
# storage is freed at once while single-threaded).
d = {}
for i in range(5000):
    d[i] = (i, -i)
lst = []
for i in range(5000):
    lst.append(i * 0.5)
print("single-threaded:", len(d), sum(lst))

# A writer replaces values in a shared dict and list with fresh tuples
# and floats while readers check each one they see is whole.
shared = {k: (k, -k) for k in range(64)}
cells = [float(k) for k in range(64)]
stop = threading.Event()
errors = []

def writer(seed):
    n = 0
    while not stop.is_set() and n < 20000:
        k = (n * 7 + seed) % 64
        v = n + seed
        shared[k] = (v, -v)
        cells[k] = v + 0.25
        n += 1

def reader():
    seen = 0
    for _ in range(20000):
        for k in (3, 17, 42):
            a, b = shared[k]
            if a + b != 0:
                errors.append(("tuple", a, b))
            f = cells[k]
            if type(f) is not float or f != f:
                errors.append(("float", f))
            seen += 1
    return seen

threads = [threading.Thread(target=writer, args=(s,)) for s in (0, 1)]
threads += [threading.Thread(target=reader) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
print("readers saw whole objects:", errors == [])

# Objects made in one thread and dropped in another.
made = []
def maker():
    for i in range(3000):
        made.append((i, float(i), i + 100000, str(i)))
t = threading.Thread(target=maker)
t.start(); t.join()
total = 0
while made:
    i, f, n, s = made.pop()
    total += i + int(f) + n - int(s)
print("dropped in another thread:", total == 2 * sum(range(3000)) + 3000 * 100000)

# Many short-lived threads, each churning its own free lists.
counts = []
def short(i):
    acc = 0.0
    for j in range(200):
        t = (i, j, float(j))
        acc += t[2]
    counts.append(acc)
ts = [threading.Thread(target=short, args=(i,)) for i in range(40)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("short threads:", len(counts), set(counts) == {sum(range(200)) * 1.0})

# A generator suspended in one thread, advanced and closed from another.
def gen():
    try:
        for i in range(10):
            yield (i, i * 1.5)
    finally:
        log.append("closed")
log = []
g = gen()
first = next(g)
def finish():
    log.append(next(g))
    g.close()
t = threading.Thread(target=finish)
t.start(); t.join()
print("generator across threads:", first, log)

# Weak references to objects freed by another thread.
class Box:
    def __init__(self, v):
        self.v = v
boxes = [Box(i) for i in range(200)]
refs = [weakref.ref(b) for b in boxes]
def drop():
    del boxes[:]
    gc.collect()
t = threading.Thread(target=drop)
t.start(); t.join()
print("weakrefs cleared:", all(r() is None for r in refs))
keep = [Box(i) for i in range(100)]
refs = [weakref.ref(b) for b in keep]
got = []
def look():
    got.append(sum(r().v for r in refs))
t = threading.Thread(target=look)
t.start(); t.join()
print("weakrefs alive:", got == [sum(range(100))])
