# Threads on the sequence and generator fast paths: one generator shared
# by several for loops (a resumption racing another gets "already
# executing" and retries), slices read while other threads replace the
# list's contents, and slice assignment between two lists in both
# directions at once.
import threading

N = 3000
shared = iter(())

def make_gen():
    for i in range(N):
        yield i

got = [[] for _ in range(4)]
def consume(index):
    out = got[index]
    while True:
        try:
            for x in shared:
                out.append(x)
            return
        except ValueError as e:
            if "already executing" not in str(e):
                raise

shared = make_gen()
threads = [threading.Thread(target=consume, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
every = sorted(x for part in got for x in part)
print(len(every), every == list(range(N)))
print(all(part == sorted(part) for part in got))

a = list(range(10))
b = list(range(100, 110))
errors = []
def writer():
    for i in range(1000):
        a[:] = b if i % 2 else list(range(10))
        a[3:6] = a[6:9]

def reader():
    for _ in range(1000):
        s = a[2:5]
        if len(s) != 3:
            errors.append(s)
        t = tuple(a)[-4:]
        if len(t) != 4:
            errors.append(t)

def swapper(x, y):
    for _ in range(1000):
        x[1:3] = y
        x[:] = y[:10]

threads = [threading.Thread(target=writer)] + [
    threading.Thread(target=reader) for _ in range(2)]
c = list(range(20))
d = list(range(20, 40))
threads += [threading.Thread(target=swapper, args=(c, d)),
            threading.Thread(target=swapper, args=(d, c))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)
print(len(a), len(c) >= 10, len(d) >= 10)
