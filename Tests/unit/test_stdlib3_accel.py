"""The C accelerators _heapq and _bisect: heapq and bisect use them, and
they give the same results (and heap layouts) as the Python code."""

import importlib
import random
import sys
import unittest


def pure_python(name):
    """A fresh copy of module `name` made without its C accelerator."""
    blocked = "_" + name
    saved = {k: sys.modules.pop(k) for k in (name, blocked)
             if k in sys.modules}
    sys.modules[blocked] = None
    try:
        return importlib.import_module(name)
    finally:
        del sys.modules[blocked]
        sys.modules.pop(name, None)
        sys.modules.update(saved)


class Heapq(unittest.TestCase):

    def setUp(self):
        import heapq
        self.c = heapq
        self.py = pure_python("heapq")

    def test_uses_c(self):
        import _heapq
        self.assertIs(self.c.heappush, _heapq.heappush)
        self.assertIs(self.c.heapify_max, _heapq.heapify_max)
        self.assertIsNot(self.py.heappush, _heapq.heappush)

    def test_known_layout(self):
        h = [5, 3, 8, 1, 9, 2, 7]
        self.c.heapify(h)
        self.assertEqual(h, [1, 3, 2, 5, 9, 8, 7])
        self.assertEqual(self.c.heappop(h), 1)
        self.assertEqual(h, [2, 3, 7, 5, 9, 8])
        m = [5, 3, 8, 1, 9, 2, 7]
        self.c.heapify_max(m)
        self.assertEqual(m, [9, 5, 8, 1, 3, 2, 7])

    def test_same_as_python(self):
        rng = random.Random(1234)
        for trial in range(200):
            data = [rng.randrange(40) for _ in range(rng.randrange(30))]
            for suffix in ("", "_max"):
                a, b = list(data), list(data)
                getattr(self.py, "heapify" + suffix)(a)
                getattr(self.c, "heapify" + suffix)(b)
                self.assertEqual(a, b)
                for step in range(25):
                    x = rng.randrange(50)
                    op = rng.choice(["heappush", "heappop", "heapreplace",
                                     "heappushpop"]) + suffix
                    args = () if op.startswith("heappop") else (x,)
                    if not a and op.startswith(("heappop", "heapreplace")):
                        continue
                    ra = getattr(self.py, op)(a, *args)
                    rb = getattr(self.c, op)(b, *args)
                    self.assertEqual((ra, a), (rb, b), (data, op, x))

    def test_errors(self):
        with self.assertRaisesRegex(TypeError,
                                    r"heappush\(\) argument 1 must be list, "
                                    "not tuple"):
            self.c.heappush((), 1)
        with self.assertRaisesRegex(TypeError,
                                    r"heappop\(\) argument must be list, "
                                    "not None"):
            self.c.heappop(None)
        with self.assertRaisesRegex(IndexError, "index out of range"):
            self.c.heappop([])
        with self.assertRaises(IndexError):
            self.c.heapreplace_max([], 1)
        self.assertEqual(self.c.heappushpop([], 4), 4)

    def test_list_changed_by_comparison(self):
        heap = []

        class Shrinker:
            def __lt__(self, other):
                heap.clear()
                return True

        heap.extend(Shrinker() for _ in range(5))
        with self.assertRaisesRegex(RuntimeError, "changed size"):
            self.c.heapify(heap)

    def test_comparison_error_propagates(self):
        h = [1, 2, 3]
        with self.assertRaises(TypeError):
            self.c.heappush(h, "x")


class Bisect(unittest.TestCase):

    def setUp(self):
        import bisect
        self.c = bisect
        self.py = pure_python("bisect")

    def test_uses_c(self):
        import _bisect
        self.assertIs(self.c.bisect_left, _bisect.bisect_left)
        self.assertIs(self.c.insort, _bisect.insort_right)

    def test_same_as_python(self):
        rng = random.Random(99)
        for trial in range(300):
            a = sorted(rng.randrange(20) for _ in range(rng.randrange(15)))
            x = rng.randrange(-1, 22)
            lo = rng.randrange(len(a) + 1)
            hi = rng.choice([None, rng.randrange(lo, len(a) + 1)])
            for name in ("bisect_left", "bisect_right"):
                self.assertEqual(getattr(self.c, name)(a, x, lo, hi),
                                 getattr(self.py, name)(a, x, lo, hi))
            key = lambda v: -v
            b = sorted(a, key=key)
            self.assertEqual(self.c.bisect_left(b, -x, key=key),
                             self.py.bisect_left(b, -x, key=key))

    def test_insort_other_sequences(self):
        class Seq(list):
            inserted = None

            def insert(self, i, x):
                self.inserted = (i, x)
                super().insert(i, x)

        s = Seq([1, 3])
        self.c.insort(s, 2)
        self.assertEqual((s, s.inserted), ([1, 2, 3], (1, 2)))
        recs = [(1, "a"), (3, "c")]
        self.c.insort_left(recs, (3, "b"), key=lambda r: r[0])
        self.assertEqual(recs, [(1, "a"), (3, "b"), (3, "c")])

    def test_errors(self):
        with self.assertRaisesRegex(ValueError, "lo must be non-negative"):
            self.c.bisect_left([1], 1, -1)
        with self.assertRaises(TypeError):
            self.c.bisect_right(None, 1)
        with self.assertRaises(TypeError):
            self.c.insort([1, 2], "x")


if __name__ == "__main__":
    unittest.main()
