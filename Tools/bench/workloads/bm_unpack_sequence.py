"""Unpacking sequences: tuple and list unpacking, swaps and starred targets in loops."""


def unpack_tuples(rounds):
    a, b, c, d = 1, 2, 3, 4
    total = 0
    for _ in range(rounds):
        a, b, c, d = b, c, d, a
        w, x, y, z = (a, b, c, d)
        a, b = b, a
        total += w - z + x * y
    return total


def unpack_lists(rounds):
    items = [3, 1, 4, 1, 5, 9, 2, 6]
    total = 0
    for i in range(rounds):
        first, second, *middle, last = items
        head, *tail = middle
        p, q, r, s, t, u, v, w = items
        items[i & 7] = (first + last + head) & 0xFF
        total += second + len(tail) + p * w - q + r + s - t + u + v
    return total


def unpack_pairs(count):
    pairs = [(i, i * 2) for i in range(count)]
    nested = [((i, -i), (i & 3, i >> 2)) for i in range(count)]
    total = 0
    for _ in range(10):
        for key, value in pairs:
            total += key ^ value
        for (x, y), (low, high) in nested:
            total += x + y + low - high
    return total


def run(scale=1.0):
    n = max(10, int(300_000 * scale))
    return f"{unpack_tuples(n)} {unpack_lists(n)} {unpack_pairs(n // 10)}"
