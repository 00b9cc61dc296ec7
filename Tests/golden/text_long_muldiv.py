# Big-integer multiplication (schoolbook rows over the shorter factor,
# Karatsuba, lopsided products) and long division (including quotient
# digits that are zero), checked by identities and by printed values.
state = 12345

def next_bits(bits):
    global state
    value = 0
    for _ in range((bits + 29) // 30):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        value = (value << 30) | (state >> 34)
    return value >> (-bits % 30)

sizes = [1, 2, 3, 30, 31, 60, 61, 62, 200, 2100, 2400, 4500, 20000]
digest = 0
for na in sizes:
    for nb in sizes:
        a = next_bits(na) | 1
        b = next_bits(nb) | 1
        for sa, sb in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
            x, y = sa * a, sb * b
            p = x * y
            assert p == y * x
            assert p // y == x and p % y == 0, (na, nb)
            q, r = divmod(x, y)
            assert q * y + r == x and (r == 0 or (r < 0) == (y < 0)), (na, nb)
            digest = (digest * 1000003 + p % 1000000007 + q % 998244353) % 2**61
print("digest", digest)

# Products with zero digits inside either factor.
print((2**300 + 1) * (2**600 + 2**30), (2**90) * (2**90 + 1) % 10**12)
print((10**50 + 1) * 7, 7 * (10**50 + 1), (10**50 * 3) * (10**40 + 5))
print(2**30 * (2**60 - 1), (2**30 - 1) * (2**30 - 1))
# Quotients whose leading digit estimate is zero, and small quotients of
# huge numbers (as in a spigot).
n = 3**500
print((n * 7 + 5) // n, (n * 7 + 5) % n == 5, (n - 1) // n, divmod(n + n // 2, n)[0])
print(divmod(10**100, 10**99 + 1))
print(divmod(-(10**100), 10**99 + 1)[0], divmod(10**100, -(10**99 + 1))[1] < 0)
print(str(3**1000)[:30], str(3**1000)[-30:], len(str(7**2000)))
