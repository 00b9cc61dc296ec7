# While only one thread state has ever existed, the free-threaded build
# skips the locks that only guard against other threads (the collector's
# list mutexes, leaf critical sections such as a list item store, a list
# owner's test for lock-free readers), and takes them for good from the
# second state on (Doc/internals/locking.md, "One thread state only").
# Objects tracked in the single-thread phase are untracked by other
# threads while the first thread keeps tracking new ones; a list stored
# into without locks is then stored into by several threads at once.
import gc
import threading

cells = [0.0] * 64
for i in range(64):
    cells[i] = cells[i] + i * 0.5   # unlocked leaf sections: one thread


class Node:
    def __init__(self, i):
        self.i = i
        self.peer = self        # a cycle: only the collector frees it


def build(n, start):
    return [[Node(start + i), {"k": i}, [i]] for i in range(n)]


early = build(3000, 0)          # tracked before any other thread exists
print("single-thread objects:", len(early))


def drop_half(items, out, index):
    # Untracks (frees) objects the main thread tracked unlocked.
    kept = 0
    while items:
        try:
            row = items.pop()
        except IndexError:
            break
        if row[0].i % 2:
            kept += 1
        del row
    out[index] = kept


shares = [early[0::2], early[1::2]]
del early
results = [None, None]
workers = [threading.Thread(target=drop_half, args=(shares[k], results, k))
           for k in range(2)]
for w in workers:
    w.start()
late = build(3000, 10_000)      # tracked by the main thread meanwhile
for w in workers:
    w.join()
print("odd rows seen by the workers:", sorted(results))
del shares
gc.collect()


def churn(k, out):
    total = 0
    for round_ in range(20):
        rows = build(200, k * 100_000 + round_ * 1000)
        total += sum(row[0].i % 7 for row in rows)
        del rows
        if round_ % 5 == 0:
            gc.collect()
    out[k] = total


sums = [None, None, None]
threads = [threading.Thread(target=churn, args=(k, sums)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("churn sums:", sums)


def store(k, rounds):
    for r in range(rounds):
        for i in range(k, 64, 3):
            cells[i] = cells[i] + 1.0   # locked leaf sections now


storers = [threading.Thread(target=store, args=(k, 200)) for k in range(3)]
for t in storers:
    t.start()
seen = 0.0
for _ in range(200):
    seen = max(seen, cells[63])     # the owner reads while others store
for t in storers:
    t.join()
print("cells:", sum(cells), cells[0], cells[63], seen <= cells[63])
print("late objects:", len(late), sum(row[0].i for row in late))
del late
print("collected something:", gc.collect() > 0)
print("uncollectable:", gc.garbage)
