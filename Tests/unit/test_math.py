"""math (was golden math_basic).  Expected floats are exact: the values
CPython prints on this platform's libm."""

import math
import unittest

from unitsupport import TypedCase

INF = math.inf
NAN = math.nan


class Constants(TypedCase):

    def test_constants(self):
        self.assertAllSame([
            (math.pi, 3.141592653589793), (math.e, 2.718281828459045),
            (math.tau, 6.283185307179586), (math.inf, INF), (-math.inf, -INF), (math.nan, NAN),
        ])
        self.assertEqual([repr(math.inf), repr(-math.inf), repr(math.nan)], ["inf", "-inf", "nan"])


class UnaryFunctions(TypedCase):

    EXPECTED = {
        "sqrt": [0.7071067811865476, 1.0, 1.4142135623730951, 3.1622776601683795],
        "exp": [1.6487212707001282, 2.718281828459045, 7.38905609893065, 22026.465794806718],
        "log": [-0.6931471805599453, 0.0, 0.6931471805599453, 2.302585092994046],
        "log2": [-1.0, 0.0, 1.0, 3.321928094887362],
        "log10": [-0.3010299956639812, 0.0, 0.3010299956639812, 1.0],
        "log1p": [0.4054651081081644, 0.6931471805599453, 1.0986122886681096, 2.3978952727983707],
        "expm1": [0.6487212707001282, 1.718281828459045, 6.38905609893065, 22025.465794806718],
        "sin": [0.479425538604203, 0.8414709848078965, 0.9092974268256817, -0.5440211108893698],
        "cos": [0.8775825618903728, 0.5403023058681398, -0.4161468365471424, -0.8390715290764524],
        "tan": [0.5463024898437905, 1.5574077246549023, -2.185039863261519, 0.6483608274590866],
        "asinh": [0.48121182505960347, 0.881373587019543, 1.4436354751788103, 2.99822295029797],
        "atan": [0.4636476090008061, 0.7853981633974483, 1.1071487177940904, 1.4711276743037347],
        "sinh": [0.5210953054937474, 1.1752011936438014, 3.626860407847019, 11013.232874703393],
        "cosh": [1.1276259652063807, 1.5430806348152437, 3.7621956910836314, 11013.232920103324],
        "tanh": [0.46211715726000974, 0.7615941559557649, 0.9640275800758169, 0.9999999958776927],
        "erf": [0.5204998778130465, 0.8427007929497149, 0.9953222650189527, 1.0],
        "erfc": [0.4795001221869535, 0.15729920705028513, 0.004677734981047265, 2.088487583762545e-45],
        "fabs": [0.5, 1.0, 2.0, 10.0],
        "cbrt": [0.7937005259840998, 1.0, 1.2599210498948734, 2.1544346900318834],
    }

    def test_table(self):
        for name, expected in self.EXPECTED.items():
            f = getattr(math, name)
            with self.subTest(name=name):
                self.assertEqual(f.__name__, name)
                self.assertSame([f(x) for x in (0.5, 1, 2.0, 10)], expected)

    def test_inverse_trig_and_hyperbolic(self):
        self.assertSame([math.asin(x) for x in (-1, 0, 0.5, 1)],
                        [-1.5707963267948966, 0.0, 0.5235987755982989, 1.5707963267948966])
        self.assertSame([math.acos(x) for x in (-1, 0, 0.5, 1)],
                        [3.141592653589793, 1.5707963267948966, 1.0471975511965979, 0.0])
        self.assertAllSame([
            (math.acosh(1), 0.0), (math.acosh(10), 2.993222846126381),
            (math.atanh(0.5), 0.5493061443340548), (math.atanh(-0.25), -0.25541281188299536),
        ])

    def test_edge_values(self):
        self.assertAllSame([
            (math.exp(-1000), 0.0), (math.sinh(0.0), 0.0), (math.expm1(1e-10), 1.00000000005e-10),
            (math.tanh(1000), 1.0), (math.erf(-INF), -1.0),
        ])


class TwoArgumentFunctions(TypedCase):

    def test_atan2_hypot_dist(self):
        self.assertAllSame([
            (math.atan2(1, 1), 0.7853981633974483), (math.atan2(-0.0, -1), -3.141592653589793),
            (math.atan2(0.0, -0.0), 3.141592653589793), (math.hypot(3, 4), 5.0),
            (math.hypot(), 0.0), (math.hypot(-5), 5.0), (math.hypot(1, 2, 2), 3.0),
            (math.hypot(1e300, 1e300), 1.4142135623730952e+300),
            (math.hypot(1e-300, 1e-300), 1.414213562373095e-300),
            (math.hypot(NAN, INF), INF), (math.dist((1, 2), (4, 6)), 5.0),
            (math.dist([0, 0, 0], [1, 1, 1]), 1.7320508075688772), (math.dist((), ()), 0.0),
        ])

    def test_angles_signs_remainders(self):
        self.assertAllSame([
            (math.degrees(math.pi), 180.0), (math.radians(180), 3.141592653589793),
            (math.copysign(3, -0.0), -3.0), (math.copysign(-2, 1), 2.0),
            (math.fmod(7, 3), 1.0), (math.fmod(-7, 3), -1.0), (math.fmod(5, INF), 5.0),
            (math.remainder(7, 3), 1.0), (math.remainder(5, 2), 1.0),
        ])

    def test_decomposition(self):
        self.assertAllSame([
            (math.modf(3.25), (0.25, 3.0)), (math.modf(-2.5), (-0.5, -2.0)),
            (math.modf(INF), (0.0, INF)), (math.frexp(8.0), (0.5, 4)), (math.frexp(0.0), (0.0, 0)),
            (math.frexp(-3), (-0.75, 2)), (math.ldexp(0.5, 4), 8.0), (math.ldexp(1, -1080), 0.0),
            (math.ldexp(3, 0), 3.0), (math.ldexp(1.5, -10 ** 30), 0.0),
        ])

    def test_powers(self):
        self.assertAllSame([
            (math.pow(2, 10), 1024.0), (math.pow(2, -1), 0.5), (math.pow(0, 0), 1.0),
            (math.pow(-2, 3), -8.0), (math.pow(1, NAN), 1.0), (math.exp2(10), 1024.0),
            (math.exp2(-1), 0.5), (math.cbrt(-27), -3.0000000000000004), (math.cbrt(8), 2.0),
        ])


class Rounding(TypedCase):

    def test_ceil_floor_trunc(self):
        self.assertAllSame([
            (math.ceil(2.1), 3), (math.ceil(-2.1), -2), (math.floor(2.9), 2),
            (math.floor(-2.9), -3), (math.trunc(-2.9), -2), (math.trunc(7), 7),
            (math.ceil(2.0), 2), (math.ceil(10 ** 30), 1000000000000000000000000000000),
            (math.floor(True), 1),
        ])

    def test_special_methods(self):
        class C:
            def __ceil__(self): return "ceil!"
            def __floor__(self): return "floor!"
            def __trunc__(self): return "trunc!"
            def __float__(self): return 1.5

        class F:
            def __float__(self): return 2.5

        class I:
            def __index__(self): return 4
        self.assertAllSame([
            (math.ceil(C()), "ceil!"), (math.floor(C()), "floor!"), (math.trunc(C()), "trunc!"),
            (math.sqrt(C()), 1.224744871391589), (math.ceil(F()), 3), (math.floor(F()), 2),
            (math.sqrt(I()), 2.0), (math.factorial(I()), 24),
        ])


class Classification(TypedCase):

    def test_predicates(self):
        self.assertAllSame([
            (math.isfinite(1.0), True), (math.isfinite(INF), False), (math.isinf(-INF), True),
            (math.isinf(1e308), False), (math.isnan(NAN), True), (math.isnan(0), False),
        ])

    def test_isclose(self):
        self.assertAllSame([
            (math.isclose(1.0, 1.0 + 1e-10), True), (math.isclose(1.0, 1.1), False),
            (math.isclose(1.0, 1.1, rel_tol=0.2), True), (math.isclose(0.0, 1e-12), False),
            (math.isclose(0.0, 1e-12, abs_tol=1e-9), True), (math.isclose(INF, INF), True),
            (math.isclose(NAN, NAN), False), (math.isclose(a=1, b=1), True),
        ])

    def test_nextafter_ulp(self):
        self.assertAllSame([
            (math.nextafter(1.0, 2.0), 1.0000000000000002),
            (math.nextafter(1.0, 0.0), 0.9999999999999999),
            (math.nextafter(0.0, -1.0), -5e-324), (math.nextafter(2.0, 2.0), 2.0),
            (math.ulp(1.0), 2.220446049250313e-16), (math.ulp(0.0), 5e-324),
            (math.ulp(-1e300), 1.487016908477783e+284), (math.ulp(INF), INF),
            (math.ulp(2 ** 52), 1.0), (math.ulp(1.7976931348623157e308), 1.99584030953472e+292),
        ])


class Logarithms(TypedCase):

    def test_logs_of_big_ints(self):
        self.assertAllSame([
            (math.log(8, 2), 3.0), (math.log(100, 10), 2.0),
            (math.log(10 ** 400), 921.0340371976182), (math.log2(2 ** 1000), 1000.0),
            (math.log10(10 ** 500), 500.0), (math.log(2 ** 3000, 2), 2999.9999999999995),
            (math.log(1), 0.0), (math.log(math.e), 1.0), (math.log2(1024), 10.0),
            (math.log10(0.001), -3.0), (math.log1p(1e-20), 1e-20),
        ])

    def test_gamma(self):
        self.assertAllSame([
            (math.gamma(1), 1.0), (math.gamma(6), 120.0), (math.gamma(21), 2.43290200817664e+18),
            (math.lgamma(1), 0.0), (math.lgamma(2), 0.0), (math.lgamma(INF), INF),
            (math.lgamma(-INF), INF),
        ])
        self.assertTrue(math.isclose(math.gamma(0.5) ** 2, math.pi))
        self.assertTrue(math.isclose(math.gamma(-2.5), -0.9453087204829419))
        self.assertTrue(math.isclose(math.lgamma(10.5), math.log(math.gamma(10.5))))
        self.assertTrue(math.isclose(math.gamma(171), 7.257415615307999e+306))


if __name__ == "__main__":
    unittest.main()
