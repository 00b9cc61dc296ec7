import math
print(math.fma(2.0, 3.0, 4.0), math.fma(0.1, 10, -1), math.fma(2, 3, math.inf), math.fma(math.nan, 0, 1))
for args in ((math.inf, 0.0, 1.0), (1e308, 10.0, 0.0), (math.inf, 1.0, -math.inf)):
    try:
        print(math.fma(*args))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([], []), math.sumprod([0.1] * 10, [1.0] * 10))
print(math.sumprod([1.5, 2.5], [2, 4]), math.sumprod(iter([1, 2]), (3, 4)), math.sumprod([2**70], [3]))
print(math.sumprod([1e20, 1.0, -1e20], [1.0, 1.0, 1.0]))
try:
    math.sumprod([1, 2], [3])
except ValueError as e:
    print("ValueError:", e)
print(math.nextafter(1.0, 2.0, steps=0), math.nextafter(1.0, 2.0, steps=1) == math.nextafter(1.0, 2.0))
print(math.nextafter(0.0, 1.0, steps=5) == 5 * 5e-324, math.nextafter(1.0, 2.0, steps=10**30), math.nextafter(-0.0, 1.0, steps=2) == 1e-323)
print(math.nextafter(5e-324, -1.0, steps=2) == -5e-324, math.nextafter(1.0, 1.0, steps=4), math.nextafter(math.nan, 1.0, steps=3))
try:
    math.nextafter(1.0, 2.0, steps=-1)
except ValueError as e:
    print("ValueError:", e)
print(math.isnormal(1.0), math.isnormal(0.0), math.isnormal(5e-324), math.isnormal(math.inf), math.isnormal(math.nan), math.isnormal(2.2250738585072014e-308))
print(math.issubnormal(5e-324), math.issubnormal(1e-310), math.issubnormal(0.0), math.issubnormal(1.0), math.issubnormal(-1e-320), math.issubnormal(math.nan))
print(math.sumprod([0.1] * 10, [1] * 10), math.sumprod([2**60], [0.5]), type(math.sumprod([1, 2], [3, 4])).__name__)
print(math.sumprod([1.0, 2], [3, 4]), math.sumprod((True, False), (5, 6)))
print(math.fmax(1.0, 2), math.fmax(math.nan, 3.0), math.fmax(-1.0, math.nan), math.fmax(math.nan, math.nan), math.fmax(-math.inf, -5))
print(math.fmin(1.0, 2), math.fmin(math.nan, 3.0), math.fmin(-1.0, math.nan), math.fmin(math.nan, math.nan), math.fmin(math.inf, 5))
print(math.signbit(-0.0), math.signbit(0.0), math.signbit(-3), math.signbit(2.5), math.signbit(-math.inf), math.signbit(-math.nan), math.signbit(math.nan))
