# lru_cache statistics and contents stay consistent when threads share
# one cached function.
import threading
from functools import lru_cache

@lru_cache(maxsize=32)
def bounded(x):
    return x * 3

@lru_cache(maxsize=None)
def unbounded(x):
    return -x

ROUNDS = 300
errors = []
start = threading.Barrier(4)

def worker(offset):
    start.wait()
    for i in range(ROUNDS):
        k = (i * 7 + offset) % 50
        if bounded(k) != k * 3 or unbounded(k) != -k:
            errors.append(k)

threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()

for fn in (bounded, unbounded):
    info = fn.cache_info()
    print(info.hits + info.misses == 4 * ROUNDS, info.misses >= 50,
          info.currsize, info.maxsize)
print('errors:', errors)
bounded.cache_clear()
print(bounded.cache_info())
