# heapq keeps CPython's heap layouts (the _heapq C code and the Python
# fallback sift the same way), visible whenever a program prints a heap.
import heapq
import random

rng = random.Random(2024)
h = [rng.randrange(100) for _ in range(25)]
heapq.heapify(h)
print(h)
for _ in range(5):
    print(heapq.heappop(h), h[:8])
print(heapq.heapreplace(h, 50), h[:8])
print(heapq.heappushpop(h, 1), heapq.heappushpop(h, 99), h[:8])
for x in (7, 3, 42):
    heapq.heappush(h, x)
print(h)
pairs = [(rng.randrange(5), c) for c in "abcdefghij"]
heapq.heapify(pairs)
print(pairs)
print([heapq.heappop(pairs) for _ in range(len(pairs))])
print(heapq.nsmallest(4, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, "heapq"))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
