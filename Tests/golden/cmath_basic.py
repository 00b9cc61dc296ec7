# cmath over a grid of ordinary and special values (signed zeros,
# infinities, NaNs, huge and tiny numbers), printed to 12 digits.
import cmath
import math

inf, nan = float("inf"), float("nan")
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 1e-300, 1e300, inf, -inf, nan]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh",
         "exp", "log", "log10", "sin", "sinh", "sqrt", "tan", "tanh", "polar"]

def fmt(r):
    if isinstance(r, tuple):
        return "(" + ", ".join(fmt(x) for x in r) + ")"
    if isinstance(r, complex):
        return fmt((r.real, r.imag))
    if math.isnan(r):
        return "nan"
    if math.isinf(r) or r == 0:
        return repr(r)
    return "%.12g" % r

for n in names:
    f = getattr(cmath, n)
    for x in vals:
        row = []
        for y in vals:
            try:
                row.append(fmt(f(complex(x, y))))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__)
        print(n, x, " ".join(row))
for x in vals:
    row = []
    for y in vals:
        try:
            row.append(fmt(cmath.rect(x, y)))
        except ValueError as e:
            row.append("ValueError")
    print("rect", x, " ".join(row))
for z in [1, -1, 1j, 3 + 4j, -0.0, complex(-1, -0.0)]:
    print(z, fmt(cmath.phase(z)), fmt(cmath.polar(z)))
print(fmt(cmath.log(8, 2)), fmt(cmath.log(1j, 10)), fmt(cmath.log(-1)))
print(fmt(cmath.sqrt(-4)), fmt(cmath.sqrt(4)), fmt(cmath.exp(1j * cmath.pi)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.isfinite(1 + 2j), cmath.isfinite(complex(inf, 0)), cmath.isinf(complex(0, -inf)),
      cmath.isnan(complex(nan, 0)), cmath.isnan(1j))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.01),
      cmath.isclose(1, 1.01, rel_tol=0.1), cmath.isclose(0, 1e-10, abs_tol=1e-9),
      cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(inf, 0), 1e308),
      cmath.isclose(nan, nan))
for call in [lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.sqrt("x"),
             lambda: cmath.exp(1000), lambda: cmath.log(0), lambda: cmath.atanh(1),
             lambda: cmath.rect(1, inf), lambda: cmath.cosh(complex(1, inf)),
             lambda: cmath.polar(complex(1e308, 1e308))]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__ + ":", e)

class C:
    def __complex__(self):
        return 2j
class F:
    def __float__(self):
        return 0.25
print(fmt(cmath.sqrt(C())), fmt(cmath.acos(F())), fmt(cmath.exp(True)))
