import heapq
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 3, 8, 2]
heapq.heapify(data)
print(data[0], sorted(data) == [1, 2, 3, 4, 7, 8, 9])
print(heapq.heapreplace(data, 10), data[0])
print(heapq.heappushpop(data, 0), heapq.heappushpop(data, 5), data[0])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print("IndexError", e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print("TypeError")
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge(["a", "BB", "ccc"], ["A", "bbb"], key=len)))
print(list(heapq.merge()))
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]))
print(heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]))
print(heapq.nlargest(2, ["aa", "b", "cc", "ddd"], key=len))
print(heapq.nsmallest(2, [(1, "x"), (0, "y"), (1, "z"), (0, "w")], key=lambda t: t[0]))
print(heapq.nlargest(0, [1, 2]), heapq.nsmallest(10, [3, 1, 2]))
for f, args in ((heapq.heappush, ((), 1)), (heapq.heapify, (None,)), (heapq.heappop, ("x",)),
                (heapq.heapreplace, ({}, 1)), (heapq.heappushpop, (1, 1))):
    try:
        f(*args)
    except TypeError as e:
        print(e)
