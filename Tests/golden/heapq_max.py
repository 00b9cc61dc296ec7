import heapq
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush_max(h, x)
print(h[0], [heapq.heappop_max(h) for _ in range(len(h))])
d = [3, 1, 4, 1, 5, 9, 2, 6]
heapq.heapify_max(d)
print(d[0])
print(heapq.heapreplace_max(d, 0), d[0])
print(heapq.heappushpop_max(d, 100), heapq.heappushpop_max(d, 1), d[0])
out = []
while d:
    out.append(heapq.heappop_max(d))
print(out)
