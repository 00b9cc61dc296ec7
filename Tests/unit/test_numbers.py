"""int, float, complex and bool arithmetic (was golden arith, lang_numbers)."""

import math
import unittest

from unitsupport import TypedCase

INF = float("inf")
NAN = float("nan")
BIG = 2 ** 100


class IntArithmetic(TypedCase):

    def test_operators(self):
        self.assertAllSame([
            (1 + 2, 3), (7 - 10, -3), (6 * 7, 42), (7 / 2, 3.5), (7 // 2, 3),
            (-7 // 2, -4), (7 % 3, 1), (-7 % 3, 2), (2 ** 10, 1024), (2 ** -1, 0.5),
            (10 ** 30, 1000000000000000000000000000000),
            (-(2 ** 65) // 3, -12297829382473034411),
            (divmod(17, 5), (3, 2)), (divmod(-17, 5), (-4, 3)), (abs(-3.5), 3.5),
            (round(2.675, 2), 2.67), (round(7.5), 8),
            (1 << 40, 1099511627776), (1234 >> 3, 154), (6 & 3, 2), (6 | 3, 7),
            (6 ^ 3, 5), (~5, -6), (int("ff", 16), 255), (int(3.99), 3),
            (pow(3, 4, 5), 1), (sum(range(101)), 5050), (sum([1, 2], 10), 13),
            (True + True, 2), (bool(0), False), (bool([]), False), (not None, True),
        ])

    def test_augmented_assignment(self):
        x = 5
        x += 3
        self.assertEqual(x, 8)
        x *= 2
        x -= 1
        self.assertEqual(x, 15)
        x //= 2
        x **= 2
        self.assertSame(x, 49)

    def test_comparisons_and_predicates(self):
        self.assertTrue(1 < 2 < 3)
        self.assertFalse(3 > 2 > 5)
        self.assertTrue(1 == 1.0 != 2)
        self.assertTrue("a" < "b")
        self.assertTrue([1, 2] < [1, 3])
        self.assertTrue((1, 2) == (1, 2))
        self.assertTrue(3 == 3.0)
        self.assertTrue(isinstance(3, int))
        self.assertTrue(isinstance(True, int))
        self.assertTrue(issubclass(bool, int))
        self.assertTrue(callable(print))
        self.assertSame(len("abc"), 3)

    def test_builtin_min_max_and_conversions(self):
        self.assertAllSame([
            (max(3, 1, 4), 4), (min([5, 2, 8]), 2), (max([], default="empty"), "empty"),
            (min("hello", key=ord), "e"), (hex(255), "0xff"), (oct(8), "0o10"),
            (bin(5), "0b101"), (chr(65), "A"), (ord("a"), 97), (ascii("é"), "'\\xe9'"),
            (repr("it's"), '"it\'s"'),
        ])

    def test_big_ints(self):
        self.assertAllSame([
            (BIG, 1267650600228229401496703205376),
            (-BIG, -1267650600228229401496703205376),
            (BIG * BIG, 1606938044258990275541962092341162602522202993782792835301376),
            (BIG // 7, 181092942889747057356671886482), (BIG % 7, 2),
            (-BIG // 7, -181092942889747057356671886483), (-BIG % 7, 5),
            (BIG >> 3, 158456325028528675187087900672),
            (1 << 200, 1606938044258990275541962092341162602522202993782792835301376),
            (10 ** 50 + 1, 100000000000000000000000000000000000000000000000001),
            ((10 ** 30) // (10 ** 15 + 7), 999999999999993),
            (divmod(10 ** 25, -3), (-3333333333333333333333334, -2)),
            (divmod(-10 ** 25, 3), (-3333333333333333333333334, 2)),
            (2 ** 64 - 1, 18446744073709551615), (hex(2 ** 64), "0x10000000000000000"),
            (-(2 ** 63), -9223372036854775808),
            (int("9" * 40) + 1, 10000000000000000000000000000000000000000),
            (str(3 ** 200)[:20], "26561398887587476933"), (len(str(7 ** 500)), 423),
            (abs(-BIG), BIG), (bin(2 ** 70)[:12], "0b1000000000"),
            ((2 ** 70).bit_length(), 71), ((255).bit_count(), 8),
            ((1024).to_bytes(2, "big"), b"\x04\x00"),
            (int.from_bytes(b"\x01\x00", "little"), 1),
            ((-1).to_bytes(2, "big", signed=True), b"\xff\xff"),
            (sum(range(10 ** 5)), 4999950000), (10 ** 18 // 3 * 3, 999999999999999999),
            (pow(3, 1000, 10 ** 9 + 7), 56888193), (pow(2, -1, 5), 3),
            (pow(10, 20), 100000000000000000000), (pow(2.0, 3), 8.0), (pow(-2, 3), -8),
            (pow(4, 0.5), 2.0),
        ])

    def test_twenty_digit_int(self):
        n = 12345678901234567890
        self.assertAllSame([
            (n * n % 1000007, 283462), (n.bit_length(), 64), (n >> 40, 11228329),
            (n & 0xFFFF, 2770), (-n // 3, -4115226300411522630), (-n % 1000, 110),
            (str(-n), "-12345678901234567890"),
        ])

    def test_floor_division_and_modulo_signs(self):
        table = [
            (7, 2, 3, 1, 3.5), (-7, 2, -4, 1, -3.5), (7, -2, -4, -1, -3.5),
            (-7, -2, 3, -1, 3.5), (7.5, 2, 3.0, 1.5, 3.75), (-7.5, 2, -4.0, 0.5, -3.75),
            (7, 2.5, 2.0, 2.0, 2.8),
        ]
        for a, b, quotient, remainder, true_quotient in table:
            with self.subTest(a=a, b=b):
                self.assertSame(a // b, quotient)
                self.assertSame(a % b, remainder)
                self.assertSame(divmod(a, b), (quotient, remainder))
                self.assertSame(a / b, true_quotient)

    def test_bit_operations(self):
        self.assertAllSame([
            (7 & 3, 3), (7 | 8, 15), (7 ^ 2, 5), (~7, -8), (-7 >> 1, -4),
            (-1 << 10, -1024), (5 & -2, 4), ((-5) | 2, -5), ((-5) ^ (-3), 6),
        ])

    def test_literals(self):
        self.assertAllSame([
            (0x10, 16), (0o17, 15), (0b101, 5), (1_000_000, 1000000), (0x_ff, 255),
            (1e3, 1000.0), (1.5e-3, 0.0015), (10., 10.0),
        ])

    def test_int_attributes_and_parsing(self):
        self.assertAllSame([
            (int.__name__, "int"), ((5).real, 5), ((5).imag, 0), ((5).numerator, 5),
            ((5).denominator, 1), (2.5.as_integer_ratio(), (5, 2)),
            ((0.5).is_integer(), False), ((3.7).__floor__(), 3), ((3.2).__ceil__(), 4),
            ((-3.5).__trunc__(), -3), ((255).__format__("x"), "ff"),
            (int("  -42  "), -42), (int("+0"), 0), (int("0o777", 0), 511), (int("00"), 0),
            (float("  .5"), 0.5), (float("5."), 5.0), (float("-1e-3"), -0.001),
        ])

    def test_bools_as_ints(self):
        self.assertAllSame([
            (True + True, 2), (True * 5, 5), (-True, -1), (int(True), 1), (False ** 0, 1),
        ])


class FloatArithmetic(TypedCase):

    def test_values(self):
        self.assertAllSame([
            (0.1 + 0.2, 0.30000000000000004), (1e300 * 10, 1e301),
            (sum([0.1] * 10), 1.0),  # compensated summation since 3.12
            (1e308 * 10, INF), (-1e308 * 10, -INF), (INF - INF, NAN),
            (2 ** 0.5, 1.4142135623730951),
            ((-8) ** (1 / 3), (1.0000000000000002 + 1.7320508075688772j)),
            (int(1e20), 100000000000000000000), (int(-2.9), -2),
            (float(2 ** 60), 1.152921504606847e+18), (2 ** -2, 0.25), ((-2) ** -3, -0.125),
            (10 ** -1, 0.1), (7 // 0.5, 14.0),
            (float("1.7976931348623157e308"), 1.7976931348623157e+308),
            (5e-324 / 2, 0.0), (1.1 * 3, 3.3000000000000003), (3.3 / 1.1, 2.9999999999999996),
            (float.fromhex("0x1.8p1"), 3.0), ((1.5).hex(), "0x1.8000000000000p+0"),
            (float("-0"), -0.0), (max(1, 2.5), 2.5), (min(-1, -1.0), -1),
            (0.1 * 3, 0.30000000000000004), (1 - 0.9, 0.09999999999999998),
            (123.456e5, 12345600.0), (1e15 + 0.3, 1000000000000000.2),
            (9007199254740993.0, 9007199254740992.0),
        ])

    def test_reprs_of_computed_values(self):
        self.assertAllSame([
            (repr(0.1 + 0.2), "0.30000000000000004"), (repr(1e300 * 10), "1e+301"),
            (repr(float(2 ** 60)), "1.152921504606847e+18"), (repr(5e-324), "5e-324"),
            (repr(1e308 * 10), "inf"), (repr(-1e308 * 10), "-inf"), (repr(INF - INF), "nan"),
            (repr(1e15 + 0.3), "1000000000000000.2"), (repr(float("-0")), "-0.0"),
        ])

    def test_rounding(self):
        self.assertAllSame([
            (round(0.5), 0), (round(1.5), 2), (round(2.5), 2), (round(-1.5), -2),
            (round(2.345, 2), 2.35), (round(1e20), 100000000000000000000),
            (round(12345, -3), 12000), (round(-12355, -1), -12360),
            (round(3.14159, 3), 3.142), (round(10.0, -1), 10.0),
        ])
        self.assertIs(type(round(2.5)), int)
        self.assertIs(type(round(2.5, 0)), float)

    def test_comparisons(self):
        self.assertFalse(0.1 + 0.2 == 0.3)
        self.assertTrue(NAN != NAN)
        self.assertTrue(1 == 1.0)
        self.assertTrue(hash(1) == hash(1.0))
        self.assertFalse(2 ** 53 + 1 == float(2 ** 53 + 1))
        self.assertTrue(1 < 1.5 < 2)
        self.assertTrue(10 ** 400 > 1e308)
        self.assertTrue(-0.0 == 0.0)
        self.assertTrue(1 / 3 * 3 == 1.0)


class ComplexArithmetic(TypedCase):

    def test_values(self):
        c = 3 + 4j
        self.assertAllSame([
            (complex(1, 2) * complex(3, -1), 5 + 5j), (c.real, 3.0), (c.imag, 4.0),
            (abs(c), 5.0), (c.conjugate(), 3 - 4j), (c * c, -7 + 24j),
            (c / (1 - 1j), -0.5 + 3.5j), (-c, complex(-3.0, -4.0)), (complex(1), 1 + 0j),
            (complex(0, -1), complex(0.0, -1.0)), (1j ** 2, complex(-1.0, 0.0)),
            ((1 + 2j) + 1, 2 + 2j), (2 * (1j), 2j), (complex("  3-4j "), 3 - 4j),
        ])
        self.assertTrue(complex(1, 2) == 1 + 2j)

    def test_reprs(self):
        self.assertAllSame([
            (repr(complex(-0.0, 0.0)), "(-0+0j)"), (repr(3 + 4j), "(3+4j)"),
            (repr(complex(0, -1)), "-1j"), (repr(-(3 + 4j)), "(-3-4j)"),
            (repr(1j ** 2), "(-1+0j)"), (repr((-8) ** (1 / 3)),
                                        "(1.0000000000000002+1.7320508075688772j)"),
        ])


class ArithmeticErrors(unittest.TestCase):

    def test_exception_types(self):
        cases = [
            ("1 / 0", ZeroDivisionError), ("1 // 0", ZeroDivisionError),
            ("1 % 0", ZeroDivisionError), ("1.0 / 0", ZeroDivisionError),
            ("2 ** -1 % 0", ZeroDivisionError), ("1 << -1", ValueError),
            ("int('x')", ValueError), ("float('y')", ValueError),
            ("10 ** 10000 * 1.0", OverflowError), ("[] * 1.5", TypeError),
            ("'a' + 1", TypeError), ("1 + 'a'", TypeError), ("None + 1", TypeError),
        ]
        for source, error in cases:
            with self.subTest(source=source):
                with self.assertRaises(error) as caught:
                    eval(source)
                self.assertIs(type(caught.exception), error)


if __name__ == "__main__":
    unittest.main()
