# Threads reading shared objects through their own locals (borrowed stack
# slots) while another thread replaces what the globals name.
import sys
import threading


class Shape:
    def __init__(self, factor):
        self.factor = factor

    def scaled(self, value):
        return value * self.factor


TABLE = {f"k{i}": i for i in range(64)}
KEYS = list(TABLE)
ITEMS = [i * 3 for i in range(100)]
SHAPE = Shape(2)
current = [list(ITEMS)]


def reader(results, slot, rounds):
    table = TABLE
    keys = KEYS
    items = ITEMS
    shape = SHAPE
    total = 0
    for r in range(rounds):
        for i in range(0, 100, 7):
            total += items[i] + table[keys[i % 64]]
            if shape.factor == 2 and keys:
                total += shape.scaled(1)
        total += (r % 50) in items
    results[slot] = total


def swapper(rounds):
    # Replaces the list other threads may be reading through `current`.
    for r in range(rounds):
        fresh = [r] * 10
        current[0] = fresh
        local = current[0]
        if local[0] != r or len(local) != 10:
            raise AssertionError("torn read")


def churn_reader(rounds, out):
    seen = 0
    for _ in range(rounds):
        local = current[0]
        seen += local[0] >= 0 and len(local) > 0
    out.append(seen)


counts_before = (sys.getrefcount(TABLE), sys.getrefcount(ITEMS),
                 sys.getrefcount(SHAPE))
results = [None] * 4
threads = [threading.Thread(target=reader, args=(results, n, 200))
           for n in range(4)]
seen = []
threads.append(threading.Thread(target=swapper, args=(2000,)))
threads += [threading.Thread(target=churn_reader, args=(2000, seen))
            for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = [None]
reader(expected, 0, 200)
print("readers agree:", results == expected * 4, expected[0])
print("churn readers:", seen)
counts_after = (sys.getrefcount(TABLE), sys.getrefcount(ITEMS),
                sys.getrefcount(SHAPE))
print("counts unchanged:", counts_before == counts_after)
