# formatting and number reprs deeper
vals = [0.0, -0.0, 1.0, 1.5, 1e-10, 1.23e45, 3.141592653589793, 1/3, 2/3, 1e16, 1e15, 123456789.123, 0.1, 100.0, 5e-324, 1.7976931348623157e308, float("inf"), float("nan")]
for v in vals:
    print(repr(v), str(v), "%s" % v, "%r" % v, "%g" % v, "%.3g" % v, "{:e}".format(v), "{}".format(v), f"{v:.2}", f"{v:n}" if v == v else "")
for v in [0, 1, -1, 255, 2**31, -2**63, 10**20]:
    print(f"{v:x} {v:X} {v:o} {v:b} {v:,} {v:_x} {v:+} {v:#010x} {v:e} {v:.2f} {v:%}")
print(f"{12345.6789:,.2f}", f"{-1234.5:=+12,.1f}", f"{0.000123:.2e}", f"{1234:*>+10}", f"{'s':#<5}")
print(format(1e300 * 1e300, ""), format(-0.0, "+"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(round(0.125, 2), round(0.375, 2), round(1.005, 2), round(-2.5), round(7.5), round(1e300), round(123.456, -1))
print(complex(1, 0), complex(0, 0), complex(-0.0, -0.0), 1j, -1j, (1+1j) ** 2, complex(1.5, -2.25), 1e300j * 1e10)
print(format(1 + 2j, ".2f"), "{:>12}".format(3 - 4j), repr(1 + 0j), str(2j), complex("inf+nanj"))
print(divmod(5.5, -2), -5.5 // 2, 5.5 % -2, -5 % 3, 5 % -3, -5 // 3, 2 ** 100 % 7, (-2) ** 101 // 3)
print(int("-0"), int("0" * 10), int("1" * 50) % 97, float("1e-400"), float("1e400"), float("-nan"))
print(7 / 2, 8 / 2, -7 / 2, 1 / 3 + 1 / 3, 10 / 3 * 3, 2 ** 0.5, 10 ** -2, 3 ** -1)
print(hash(-1) == hash(-2), hash(float("inf")), hash(1.5), hash(complex(1, 1)) == hash(1 + 1j), hash(True), hash("") == 0)
import sys
print(sys.maxsize, sys.maxsize + 1)
print(bool(0.0), bool(-0.0), bool(0j), bool(float("nan")), 0.0 == -0.0, float("nan") == float("nan"))
print(int.bit_length(0), (-1).bit_length(), (2**100).bit_length(), int("ff", 16), int("Z", 36), int(" 1 "))
print(max(float("nan"), 1), max(1, float("nan")), min([3, 1.0, 1]), sorted([3, 1.5, 2, -0.0, 0]))
try:
    s = str(10 ** 5000)
    print(len(s))
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(len(hex(10 ** 5000)), len(str(10 ** 4000)))
