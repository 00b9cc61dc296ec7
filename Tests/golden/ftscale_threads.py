# Threads that read shared objects through borrowed call arguments and
# borrowed method selves while another thread keeps replacing the shared
# list's items and rebinding the shared attribute (session 8).
import threading


class Shape:
    def __init__(self, factor):
        self.factor = factor

    def scaled(self, value):
        return value * self.factor


class Box(list):
    pass


SHARED = Box(float(i) for i in range(100))
SHAPE = Shape(3)
ROUNDS = 3000


def reader(results, index, start):
    items = SHARED
    shape = SHAPE
    total = 0
    start.wait()
    for i in range(ROUNDS):
        total += len(items)
        total += isinstance(shape, Shape)
        total += shape.scaled(i & 3)
        total += items.count(-1.0)
        total += items[i % 100] >= 0.0
        total += max(items[0], 0.0) >= 0.0
    results[index] = total


def writer(start):
    start.wait()
    for i in range(ROUNDS):
        # Each replaced float dies here unless a reader holds it.
        SHARED[i % 100] = float(i)
        SHAPE.factor = 3


start = threading.Barrier(4)
results = [None] * 3
threads = [threading.Thread(target=reader, args=(results, k, start))
           for k in range(3)]
threads.append(threading.Thread(target=writer, args=(start,)))
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = ROUNDS * (100 + 1 + 0 + 1 + 1) + 3 * sum(i & 3 for i in range(ROUNDS))
print([r == expected for r in results])
print(len(SHARED), sorted(SHARED)[:3], SHAPE.factor)
