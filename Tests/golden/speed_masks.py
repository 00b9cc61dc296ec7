# BINARY_OP_INT_WORD's `big & mask` form (session 11): a mask below 2**60
# that is >= 0 and a non-negative int of any size on the other side, as in
# a linear congruential generator's `(s * a + c) & m`.  Each site is
# specialized on the form first, then sees every edge: both sides of the
# operator, operands just around the two-digit limit (2**60), big ints
# whose second and third digits matter, negative operands and masks (the
# generic path's two's complement answers), int subclasses and floats.
import threading


def and_(a, b):
    return a & b


def iand(a, b):
    a &= b
    return a


def lcg(state, n):
    out = 0
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out = (out * 31 + (state >> 8) % 1000) % 1_000_000_007
    return state, out


class Big(int):
    def __and__(self, other):
        return ("Big.__and__", int(self) & other)

    def __rand__(self, other):
        return ("Big.__rand__", other & int(self))


BIGS = [0, 1, 2**30 - 1, 2**30, 2**45 + 5, 2**60 - 1, 2**60, 2**60 + 7,
        2**61 + 3, 2**62 - 1, 2**63, 2**64 + 2**31, 2**90 + 2**59 + 2**29,
        10**20, 10**40 + 12345, 7 * 3**80]
MASKS = [0, 1, 0xFF, 0x7FFFFFFF, 2**30, 2**31 - 1, 2**45 - 1, 2**59,
         2**60 - 1, 2**60, 2**61 - 1, -1, -2**30, -(2**60 - 1)]


def warm(f):
    for i in range(200):
        f(2**62 + i * 2**35 + i, 0x7FFFFFFF)


def outcome(f, a, b):
    try:
        return f(a, b)
    except TypeError as e:
        return type(e).__name__


for f in (and_, iand):
    warm(f)
    rows = []
    for big in BIGS + [-b for b in BIGS[1:]]:
        rows.append([outcome(f, big, m) for m in MASKS]
                    + [outcome(f, m, big) for m in MASKS])
        warm(f)
    print(f.__name__, len(rows), sum(sum(r) for r in rows) % (2**61 - 1))
    print(" ", rows[12][:9])
    print(" ", rows[-3][:9])
    print(" ", [outcome(f, Big(2**70 + 5), 0xFF), outcome(f, 0xFF, Big(2**70 + 5)),
                outcome(f, 2**70 + 5, True), outcome(f, True, 2**70 + 3),
                outcome(f, 2.0**70, 0xFF), outcome(f, 2**70, 1.0),
                outcome(f, 2**70, "x"), outcome(f, None, 2**70)])
    r, five = f(2**64 + 300, 0xFFFF), 5
    print(" ", r, type(r).__name__, r is f(2**64 + 300, 0xFFFF),
          f(2**64 + 5, 0xFF) is five)

print(lcg(99, 3000), lcg(2**31 - 1, 10))


# Threads share one specialized site with masks, big ints and negatives.
def worker(k, results):
    total = 0
    for i in range(3000):
        big = (i + 1) * 1103515245 * (k + 3) * 2**20 + i
        mask = 0xFFFFFF if i % 7 else -16
        total += and_(big, mask) + and_(mask, big) + and_(i, k + 1)
    results[k] = total


results = [None] * 4
threads = [threading.Thread(target=worker, args=(k, results)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
