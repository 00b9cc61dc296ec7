import math
print(math.fsum([0.1] * 10), math.fsum([]), math.fsum(iter([1, 2, 3])))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([2.0**53, -0.5, -2.0**-54]), math.fsum([2.0**53, 1.0, 2.0**-100]))
print(math.fsum([1.7e308, -1.7e308, 5]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, -math.inf]), math.fsum([math.nan, 1.0]))
print(math.fsum([-0.0, -0.0]), math.fsum([0.1, 0.2, 0.3, -0.6]), math.fsum(x / 7 for x in range(100)))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([1, -1e-17, 0.5, 0.25]))
vals = [(-1) ** i * 10.0 ** (i % 30) / 3 for i in range(200)]
print(math.fsum(vals), math.fsum(sorted(vals)) == math.fsum(vals))
