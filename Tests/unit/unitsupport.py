"""Helpers shared by the unittest modules in Tests/unit.

The golden programs these tests replace compared printed text, so an int
3 and a float 3.0 were told apart, and so were 0.0 and -0.0.  TypedCase
keeps those checks: assertSame compares the value and its exact type.
"""

import math
import sysconfig
import unittest

FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def _same_float(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


class TypedCase(unittest.TestCase):

    def assertSame(self, actual, expected, msg=None):
        """Equal value and exactly the same type; floats also by sign of
        zero and NaN-ness, complex numbers part by part."""
        self.assertIs(type(actual), type(expected), msg)
        if isinstance(expected, float):
            if not _same_float(actual, expected):
                self.fail(self._formatMessage(msg, f"{actual!r} != {expected!r}"))
        elif isinstance(expected, complex):
            if not (_same_float(actual.real, expected.real)
                    and _same_float(actual.imag, expected.imag)):
                self.fail(self._formatMessage(msg, f"{actual!r} != {expected!r}"))
        elif isinstance(expected, (tuple, list)):
            self.assertEqual(len(actual), len(expected), msg)
            for a, e in zip(actual, expected):
                self.assertSame(a, e, msg)
        else:
            self.assertEqual(actual, expected, msg)

    def assertAllSame(self, pairs):
        """assertSame over (actual, expected) pairs, one subTest each."""
        for index, (actual, expected) in enumerate(pairs):
            with self.subTest(index=index, expected=expected):
                self.assertSame(actual, expected)
