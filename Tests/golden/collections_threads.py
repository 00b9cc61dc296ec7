# Four threads share one deque: two append, two pop.  No item may be lost
# or duplicated, and the deque must stay consistent.
import threading
from collections import deque

N = 4000
shared = deque()
consumed = [[], []]
start = threading.Barrier(4)

def producer(base, left):
    start.wait()
    put = shared.appendleft if left else shared.append
    for i in range(base, base + N):
        put(i)

def consumer(slot, left):
    start.wait()
    take = shared.popleft if left else shared.pop
    got = consumed[slot]
    while len(got) < N:
        try:
            got.append(take())
        except IndexError:
            pass

threads = [threading.Thread(target=producer, args=(0, False)),
           threading.Thread(target=producer, args=(N, True)),
           threading.Thread(target=consumer, args=(0, True)),
           threading.Thread(target=consumer, args=(1, False))]
for t in threads:
    t.start()
for t in threads:
    t.join()
everything = sorted(consumed[0] + consumed[1])
print(len(everything), everything == list(range(2 * N)), len(shared))

# Concurrent rotation, extension and bounded appends keep the invariants.
ring = deque(range(100))
bounded = deque(maxlen=50)
def rotator():
    for i in range(2000):
        ring.rotate(i % 7 - 3)
def appender(k):
    for i in range(2000):
        bounded.append(i)
        bounded.extend((k, k))
workers = [threading.Thread(target=rotator), threading.Thread(target=rotator),
           threading.Thread(target=appender, args=(1,)),
           threading.Thread(target=appender, args=(2,))]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(sorted(ring) == list(range(100)), len(bounded), bounded.maxlen)

# Iteration notices a concurrent mutation instead of crashing.
d = deque(range(10))
it = iter(d)
next(it)
d.append(10)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
