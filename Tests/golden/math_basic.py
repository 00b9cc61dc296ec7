import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for f in (math.sqrt, math.exp, math.log, math.log2, math.log10, math.log1p, math.expm1,
          math.sin, math.cos, math.tan, math.asinh, math.atan, math.sinh, math.cosh,
          math.tanh, math.erf, math.erfc, math.fabs, math.cbrt):
    print(f.__name__, [f(x) for x in (0.5, 1, 2.0, 10)])
print([math.asin(x) for x in (-1, 0, 0.5, 1)], [math.acos(x) for x in (-1, 0, 0.5, 1)])
print(math.acosh(1), math.acosh(10), math.atanh(0.5), math.atanh(-0.25))
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(0.0, -0.0), math.hypot(3, 4), math.hypot(), math.hypot(-5))
print(math.hypot(1, 2, 2), math.hypot(1e300, 1e300), math.hypot(1e-300, 1e-300), math.hypot(math.nan, math.inf))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]), math.dist((), ()))
print(math.degrees(math.pi), math.radians(180), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(5, math.inf), math.remainder(7, 3), math.remainder(5, 2))
print(math.modf(3.25), math.modf(-2.5), math.modf(math.inf), math.frexp(8.0), math.frexp(0.0), math.frexp(-3))
print(math.ldexp(0.5, 4), math.ldexp(1, -1080), math.ldexp(3, 0), math.ldexp(1.5, -10**30))
print(math.pow(2, 10), math.pow(2, -1), math.pow(0, 0), math.pow(-2, 3), math.pow(1, math.nan))
print(math.exp2(10), math.exp2(-1), math.cbrt(-27), math.cbrt(8))
print(math.ceil(2.1), math.ceil(-2.1), math.floor(2.9), math.floor(-2.9), math.trunc(-2.9), math.trunc(7))
print(type(math.ceil(2.0)).__name__, math.ceil(10**30), math.floor(True))
class C:
    def __ceil__(self): return "ceil!"
    def __floor__(self): return "floor!"
    def __trunc__(self): return "trunc!"
    def __float__(self): return 1.5
print(math.ceil(C()), math.floor(C()), math.trunc(C()), math.sqrt(C()))
class F:
    def __float__(self): return 2.5
print(math.ceil(F()), math.floor(F()))
class I:
    def __index__(self): return 4
print(math.sqrt(I()), math.factorial(I()))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isnan(math.nan), math.isnan(0))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2),
      math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf),
      math.isclose(math.nan, math.nan), math.isclose(a=1, b=1))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(2.0, 2.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(-1e300), math.ulp(math.inf), math.ulp(2**52), math.ulp(1.7976931348623157e308))
print(math.log(8, 2), math.log(100, 10), math.log(10**400), math.log2(2**1000), math.log10(10**500), math.log(2**3000, 2))
print(math.log(1), math.log(math.e), math.log2(1024), math.log10(0.001), math.log1p(1e-20))
print(math.gamma(1), math.gamma(6), math.gamma(21), math.lgamma(1), math.lgamma(2), math.lgamma(math.inf), math.lgamma(-math.inf), math.erf(-math.inf))
print(math.isclose(math.gamma(0.5) ** 2, math.pi), math.isclose(math.gamma(-2.5), -0.9453087204829419), math.isclose(math.lgamma(10.5), math.log(math.gamma(10.5))), math.isclose(math.gamma(171), 7.257415615307999e+306))
print(math.exp(-1000), math.sinh(0.0), math.expm1(1e-10), math.tanh(1000))
