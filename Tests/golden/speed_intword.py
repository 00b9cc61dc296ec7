# BINARY_OP_INT_WORD: %, //, &, |, ^, << and >> on ints of at most two
# digits computed in 64-bit arithmetic.  Every site runs long enough to be
# specialized, then sees the edges: negative operands (floor division and
# arithmetic shifts), the two-digit limit (2**60) on either side, left
# shifts that leave 63 bits, zero divisors and negative shift counts (the
# generic path raises), int subclasses, bools, floats and big ints at a
# specialized site, in-place forms, and threads sharing the sites.
import threading


def mod(a, b): return a % b
def floordiv(a, b): return a // b
def and_(a, b): return a & b
def or_(a, b): return a | b
def xor(a, b): return a ^ b
def lshift(a, b): return a << b
def rshift(a, b): return a >> b


def imod(a, b):
    a %= b
    return a


def ifloordiv(a, b):
    a //= b
    return a


def iand(a, b):
    a &= b
    return a


def ior(a, b):
    a |= b
    return a


def ixor(a, b):
    a ^= b
    return a


def ilshift(a, b):
    a <<= b
    return a


def irshift(a, b):
    a >>= b
    return a


BINARY = [mod, floordiv, and_, or_, xor, lshift, rshift]
INPLACE = [imod, ifloordiv, iand, ior, ixor, ilshift, irshift]
SHIFTS = {lshift, rshift, ilshift, irshift}

VALUES = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 255, 256, 257, -5, -6,
          2**30 - 1, 2**30, -2**30, 2**30 + 1, 2**31 + 5, -(2**31 + 5),
          1103515245 * 12345, 2**59, 2**60 - 1, -(2**60 - 1), 2**60, -2**60,
          2**61 + 3, 2**63, -2**63, 2**64, 10**20, -10**20]
COUNTS = [0, 1, 2, 5, 29, 30, 31, 32, 33, 58, 59, 61, 62, 63, 64, 65, 100,
          -1, -63, 2**60, -2**60]


def outcome(f, a, b):
    try:
        return f(a, b)
    except (ZeroDivisionError, ValueError, OverflowError, TypeError) as e:
        return type(e).__name__


def warm(f):
    for i in range(200):
        f(i + 1000, (i % 7) + 1)


def table(f):
    warm(f)
    rights = COUNTS if f in SHIFTS else VALUES
    rows = []
    for a in VALUES:
        if f in (lshift, ilshift):
            row = [outcome(f, a, b) if b < 2**10 else outcome(f, 0, b)
                   for b in rights]
        else:
            row = [outcome(f, a, b) for b in rights]
        rows.append(row)
        warm(f)     # back to specialized between the edge cases
    return rows


ERRORS = {"ZeroDivisionError": -1, "ValueError": -2, "OverflowError": -3,
          "TypeError": -4}


def digest(row):
    """A checksum of one row of results (errors by kind), exact ints."""
    total = 0
    for i, r in enumerate(row):
        total = (total * 1000003 + ERRORS.get(r, r)) % (2**127 - 1)
    return total


for f in BINARY + INPLACE:
    rows = table(f)
    print(f.__name__, len(rows), rows == table(f))
    print(" ", rows[4][:12])
    print(" ", [digest(row) % 10**9 for row in rows])

# Results are exact ints, never a reused operand.
warm(mod)
r = mod(10**6 + 7, 10**6)
print(r, type(r).__name__, r is mod(10**6 + 7, 10**6))
print([type(f(12345, 3)).__name__ for f in BINARY])


# Other types at a specialized site: the generic path's answers.
class MyInt(int):
    def __mod__(self, other):
        return "MyInt.__mod__"

    def __rand__(self, other):
        return "MyInt.__rand__"

    def __rshift__(self, other):
        return ("MyInt.__rshift__", int(self) >> other)


for f in (mod, and_, rshift, floordiv):
    warm(f)
    print(f.__name__,
          outcome(f, MyInt(100), 7), outcome(f, 100, MyInt(7)),
          outcome(f, True, 3), outcome(f, 100, True), outcome(f, False, True),
          outcome(f, 7.5, 2), outcome(f, 100, 2.0), outcome(f, "a", 1),
          outcome(f, 100, None))
    print(" ", [f(a, 3) for a in (10, -10, 2**70, -2**70, 2**60, 7)])

print(outcome(mod, "%d-%s", (5, "x")), outcome(floordiv, 2**100, 2**99))
print(outcome(lshift, 1, 2**70), outcome(rshift, -1, 2**70),
      outcome(rshift, 5, 2**70), outcome(lshift, 0, 2**70))
print(outcome(lshift, -1, 62), outcome(lshift, -1, 63), outcome(lshift, 1, 62),
      outcome(lshift, 1, 63), outcome(lshift, 3, 61), outcome(lshift, -3, 61),
      outcome(lshift, -(2**30), 33), outcome(lshift, -(2**30), 32))


# A loop whose operands cross the two-digit limit while it runs.
def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0xFFFFFFFFFFFFFFFF
        out.append((seed >> 8) % 1009 ^ (seed // 3 | 1))
    return out


print(sum(lcg(99, 500)), lcg(7, 5)[-1])


# Threads share the sites with ints of both sizes and with floats.
def worker(k, results):
    total = 0
    for i in range(3000):
        a = i * (k + 1) + (2**62 if i % 97 == 0 else 0)
        b = (i % 13) + 1
        total += mod(a, b) + floordiv(a, b) + (and_(a, 0xFFFF) ^ or_(i, k))
        total += rshift(a, b) + lshift(i, b)
        if i % 50 == 0:
            total += int(mod(float(i), 7.0))
    results[k] = total


results = [None] * 4
threads = [threading.Thread(target=worker, args=(k, results)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
