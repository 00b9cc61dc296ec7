# random: one Random shared by threads keeps a consistent state, and
# binomialvariate matches CPython's algorithm.
import random
import threading

shared = random.Random(99)
reference = random.Random(99)
results = []


def worker():
    local = [shared.getrandbits(32) for _ in range(2000)]
    local += [shared.random() for _ in range(500)]
    results.append(len(local))


threads = [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
# 4 * (2000 words + 500 * 2 words) drawn: the shared state must be
# exactly 12000 words further along than a fresh generator.
for _ in range(12000):
    reference.getrandbits(32)
print(shared.getstate() == reference.getstate())

r = random.Random(5)
print([r.binomialvariate(1, 0.3) for _ in range(5)])
print([r.binomialvariate(20, 0.2) for _ in range(5)])
print([r.binomialvariate(1000, 0.4) for _ in range(5)])
print([r.binomialvariate(50, 0.9) for _ in range(3)], r.binomialvariate(7, 0.0),
      r.binomialvariate(7, 1.0))
