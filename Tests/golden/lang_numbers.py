# Expected output: CPython 3.11 output, except sum([0.1] * 10), which is 1.0
# since 3.12 (compensated float summation; written by hand).
big = 2 ** 100
print(big, -big, big * big, big // 7, big % 7, -big // 7, -big % 7, big >> 3, 1 << 200)
print(10 ** 50 + 1, (10 ** 30) // (10 ** 15 + 7), divmod(10 ** 25, -3), divmod(-10 ** 25, 3))
print(2 ** 64 - 1, hex(2 ** 64), -(2 ** 63), int("9" * 40) + 1, str(3 ** 200)[:20], len(str(7 ** 500)))
print(abs(-big), bin(2 ** 70)[:12], (2 ** 70).bit_length(), (255).bit_count() if hasattr(1, "bit_count") else 8)
print((1024).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (-1).to_bytes(2, "big", signed=True))
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (7, 2.5)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(2.345, 2), round(1e20), round(12345, -3), round(-12355, -1))
print(round(3.14159, 3), round(10.0, -1), type(round(2.5)), type(round(2.5, 0)))
print(0.1 + 0.2 == 0.3, 1e308 * 10, -1e308 * 10, float("inf") - float("inf"), 2 ** 0.5, (-8) ** (1 / 3))
print(int(1e20), int(-2.9), float(2 ** 60), 2 ** -2, (-2) ** -3, 10 ** -1, 7 // 0.5)
print(1 == 1.0, hash(1) == hash(1.0), 2 ** 53 + 1 == float(2 ** 53 + 1), 1 < 1.5 < 2, 10 ** 400 > 1e308)
print(float("1.7976931348623157e308"), 5e-324, 5e-324 / 2, 1.1 * 3, 3.3 / 1.1)
print(True + True, True * 5, -True, ~True if False else 0, int(True), False ** 0)
c = 3 + 4j
print(c, c.real, c.imag, abs(c), c.conjugate(), c * c, c / (1 - 1j), -c, complex(1), complex(0, -1), 1j ** 2)
print(repr(complex(-0.0, 0.0)), complex(1, 2) == 1 + 2j, (1 + 2j) + 1, 2 * (1j), complex("  3-4j "))
print(0x10, 0o17, 0b101, 1_000_000, 0x_ff, 1e3, 1.5e-3, 10.)
print(7 & 3, 7 | 8, 7 ^ 2, ~7, -7 >> 1, -1 << 10, 5 & -2, (-5) | 2, (-5) ^ (-3))
for e in ["1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "2 ** -1 % 0", "1 << -1", "int('x')", "float('y')", "10 ** 10000 * 1.0", "[] * 1.5", "'a' + 1", "1 + 'a'", "None + 1"]:
    try:
        print(e, "->", eval(e))
    except Exception as ex:
        print(e, "->", type(ex).__name__)
print(int.__name__, (5).real, (5).imag, (5).numerator, (5).denominator, 2.5.as_integer_ratio(), (0.5).is_integer())
print((3.7).__floor__() if hasattr(3.7, "__floor__") else 3, (3.2).__ceil__() if hasattr(3.2, "__ceil__") else 4, (-3.5).__trunc__())
print(float.fromhex("0x1.8p1"), (1.5).hex(), (255).__format__("x"), float("-0"), -0.0 == 0.0)
print(max(1, 2.5), min(-1, -1.0), sum([0.1] * 10), sum(range(10 ** 5)), 10 ** 18 // 3 * 3)
print(pow(3, 1000, 10 ** 9 + 7), pow(2, -1, 5), pow(10, 20), pow(2.0, 3), pow(-2, 3), pow(4, 0.5))
n = 12345678901234567890
print(n * n % 1000007, n.bit_length(), n >> 40, n & 0xFFFF, -n // 3, -n % 1000, str(-n))
print(1 / 3 * 3 == 1.0, 0.1 * 3, 1 - 0.9, 123.456e5, 1e15 + 0.3, 9007199254740993.0)
print(int("  -42  "), int("+0"), int("0o777", 0), int("00"), float("  .5"), float("5."), float("-1e-3"))
