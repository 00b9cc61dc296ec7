from collections import deque
for ml in (None, 0, 1, 2, 3, 4, 5, 7, 10):
    for n in (-1, 0, 1, 2, 3, 5):
        for src in ([], [1], [1, 2, 3], [1, 2, 3, 4]):
            d = deque(src, ml)
            a = d * n
            d *= n
            print(ml, n, src, a, d, a == d)
d = deque([1, 2]); d += d; print(d)
d = deque([1, 2]); d.extendleft(d); print(d)
d = deque(); d.__init__([5], 2); d.__init__([6, 7, 8]); print(d)
