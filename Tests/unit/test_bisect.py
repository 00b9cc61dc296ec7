"""bisect (was golden bisect_basic)."""

import bisect
import unittest


class Bisect(unittest.TestCase):

    A = [1, 2, 2, 2, 3, 5, 8]

    def test_positions(self):
        # x: (bisect_left, bisect_right); bisect is bisect_right.
        expected = {0: (0, 0), 2: (1, 4), 4: (5, 5), 8: (6, 7), 9: (7, 7)}
        for x, (left, right) in expected.items():
            with self.subTest(x=x):
                self.assertEqual(bisect.bisect_left(self.A, x), left)
                self.assertEqual(bisect.bisect_right(self.A, x), right)
                self.assertEqual(bisect.bisect(self.A, x), right)

    def test_lo_hi(self):
        self.assertEqual(bisect.bisect_left(self.A, 2, 2), 2)
        self.assertEqual(bisect.bisect_right(self.A, 2, 0, 3), 3)
        self.assertEqual(bisect.bisect_left(self.A, 2, hi=None), 1)

    def test_insort(self):
        b = []
        for x in [5, 1, 4, 1, 3]:
            bisect.insort(b, x)
        self.assertEqual(b, [1, 1, 3, 4, 5])
        bisect.insort_left(b, 4.0)
        bisect.insort_right(b, 4.0)
        self.assertEqual(b, [1, 1, 3, 4.0, 4, 4.0, 5])
        self.assertEqual([type(v) for v in b[3:6]], [float, int, float])

    def test_key(self):
        recs = [("a", 1), ("b", 3), ("c", 5)]
        self.assertEqual(bisect.bisect_left(recs, 3, key=lambda r: r[1]), 1)
        self.assertEqual(bisect.bisect_right(recs, 3, key=lambda r: r[1]), 2)
        bisect.insort(recs, ("d", 4), key=lambda r: r[1])
        bisect.insort_left(recs, ("e", 3), key=lambda r: r[1])
        self.assertEqual(recs, [("a", 1), ("e", 3), ("b", 3), ("d", 4), ("c", 5)])

    def test_errors(self):
        with self.assertRaisesRegex(ValueError, "^lo must be non-negative$"):
            bisect.bisect(self.A, 1, -1)
        with self.assertRaises(TypeError):
            bisect.bisect(None, 1)


if __name__ == "__main__":
    unittest.main()
