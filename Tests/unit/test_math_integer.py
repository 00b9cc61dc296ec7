"""math.integer (PEP 791, 3.15): the exact integer functions as a
submodule of math."""

import importlib
import math
import math.integer
import sys
import unittest


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


class MathInteger(unittest.TestCase):

    def test_module(self):
        self.assertIs(sys.modules["math.integer"], math.integer)
        self.assertIs(importlib.import_module("math.integer"), math.integer)
        self.assertEqual(math.integer.__name__, "math.integer")
        self.assertEqual(math.integer.__spec__.origin, "built-in")
        self.assertIn("math.integer", sys.builtin_module_names)

    def test_functions(self):
        mi = math.integer
        self.assertEqual(mi.gcd(), 0)
        self.assertEqual(mi.gcd(12, -18, 30), 6)
        self.assertEqual(mi.lcm(4, 6, 10), 60)
        self.assertEqual(mi.isqrt(10**40 + 1), 10**20)
        self.assertEqual(mi.factorial(20), 2432902008176640000)
        self.assertEqual(mi.comb(10, 3), 120)
        self.assertEqual(mi.comb(3, 10), 0)
        self.assertEqual(mi.perm(5), 120)
        self.assertEqual(mi.perm(5, 2), 20)
        self.assertEqual(mi.gcd(Index(8), 12), 4)

    def test_errors(self):
        mi = math.integer
        with self.assertRaises(ValueError):
            mi.isqrt(-1)
        with self.assertRaises(ValueError):
            mi.factorial(-1)
        with self.assertRaises(ValueError):
            mi.comb(-1, 2)
        with self.assertRaises(TypeError):
            mi.gcd(1.5)
        with self.assertRaises(TypeError):
            mi.factorial(5.0)

    def test_same_results_as_math(self):
        for n in range(0, 30, 7):
            self.assertEqual(math.integer.factorial(n), math.factorial(n))
            self.assertEqual(math.integer.comb(30, n), math.comb(30, n))


if __name__ == "__main__":
    unittest.main()
