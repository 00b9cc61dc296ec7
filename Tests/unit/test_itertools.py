"""itertools (was golden itertools_basic)."""

import itertools as it
import operator as op
import unittest
from itertools import islice


class InfiniteIterators(unittest.TestCase):

    def test_count(self):
        self.assertEqual(list(islice(it.count(), 5)), [0, 1, 2, 3, 4])
        self.assertEqual(list(islice(it.count(10, -3), 4)), [10, 7, 4, 1])
        self.assertEqual(list(islice(it.count(0.5, 0.25), 3)), [0.5, 0.75, 1.0])
        self.assertEqual(list(islice(it.count(start=2, step=3), 3)), [2, 5, 8])
        c = it.count(5)
        next(c)
        self.assertEqual([repr(c), repr(it.count(2, 3)), repr(it.count(1.0)),
                          repr(it.count(-1, 1))],
                         ["count(6)", "count(2, 3)", "count(1.0)", "count(-1)"])

    def test_cycle(self):
        self.assertEqual(list(islice(it.cycle("abc"), 8)),
                         ["a", "b", "c", "a", "b", "c", "a", "b"])
        self.assertEqual(list(it.cycle([])), [])

    def test_repeat(self):
        r = it.repeat("x", 3)
        self.assertEqual(repr(r), "repeat('x', 3)")
        self.assertEqual(r.__length_hint__(), 3)
        self.assertEqual(list(r), ["x", "x", "x"])
        self.assertEqual(r.__length_hint__(), 0)
        self.assertEqual(repr(r), "repeat('x', 0)")
        self.assertEqual(repr(it.repeat(7)), "repeat(7)")
        self.assertEqual(list(it.repeat(1, -2)), [])
        self.assertEqual(list(it.repeat(None, times=2)), [None, None])
        with self.assertRaises(TypeError) as caught:
            it.repeat(1).__length_hint__()
        self.assertEqual(str(caught.exception), "len() of unsized object")


class FiniteIterators(unittest.TestCase):

    def test_accumulate(self):
        self.assertEqual(list(it.accumulate([1, 2, 3, 4, 5])), [1, 3, 6, 10, 15])
        self.assertEqual(list(it.accumulate([3, 1, 4, 1, 5], max)), [3, 3, 4, 4, 5])
        self.assertEqual(list(it.accumulate([1, 2, 3], op.mul, initial=10)), [10, 10, 20, 60])
        self.assertEqual(list(it.accumulate([], initial=7)), [7])
        self.assertEqual(list(it.accumulate("abc")), ["a", "ab", "abc"])
        self.assertEqual(list(it.accumulate([])), [])

    def test_chain_compress_filters(self):
        self.assertEqual(list(it.chain("ab", [1, 2], ())), ["a", "b", 1, 2])
        self.assertEqual(list(it.chain.from_iterable(["xy", "z"])), ["x", "y", "z"])
        self.assertEqual(list(it.chain()), [])
        self.assertEqual(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])), ["A", "C", "E", "F"])
        self.assertEqual(list(it.compress("AB", [1, 1, 1])), ["A", "B"])
        self.assertEqual(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])), [6, 3, 8])
        self.assertEqual(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])), [1, 4])
        self.assertEqual(list(it.filterfalse(lambda x: x % 2, range(10))), [0, 2, 4, 6, 8])
        self.assertEqual(list(it.filterfalse(None, [0, 1, "", "a"])), [0, ""])

    def test_starmap_pairwise_zip_longest(self):
        self.assertEqual(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), [32, 9, 1000])
        self.assertEqual(list(it.starmap(max, ["ab", "zy"])), ["b", "z"])
        self.assertEqual(list(it.pairwise("ABCDE")),
                         [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E")])
        self.assertEqual(list(it.pairwise("A")), [])
        self.assertEqual(list(it.pairwise([])), [])
        self.assertEqual(list(it.zip_longest("ABCD", "xy", fillvalue="-")),
                         [("A", "x"), ("B", "y"), ("C", "-"), ("D", "-")])
        self.assertEqual(list(it.zip_longest()), [])
        self.assertEqual(list(it.zip_longest([1], [])), [(1, None)])

    def test_islice(self):
        s = "ABCDEFG"
        self.assertEqual(list(islice(s, 2)), ["A", "B"])
        self.assertEqual(list(islice(s, 2, 4)), ["C", "D"])
        self.assertEqual(list(islice(s, 2, None)), ["C", "D", "E", "F", "G"])
        self.assertEqual(list(islice(s, 0, None, 2)), ["A", "C", "E", "G"])
        self.assertEqual(list(islice(s, 1, 6, 3)), ["B", "E"])
        self.assertEqual(list(islice("AB", 5, 9)), [])
        self.assertEqual(list(islice(range(10), None)), list(range(10)))
        self.assertEqual(list(islice(range(10), None, None, None)), list(range(10)))

    def test_islice_consumes_exactly(self):
        src = iter(range(10))
        self.assertEqual(list(islice(src, 3)), [0, 1, 2])
        self.assertEqual(next(src), 3)
        src = iter(range(10))
        self.assertEqual(list(islice(src, 2, 4)), [2, 3])
        self.assertEqual(next(src), 4)


class GroupbyAndTee(unittest.TestCase):

    def test_groupby(self):
        self.assertEqual([(k, "".join(g)) for k, g in it.groupby("AAAABBBCCDAABBB")],
                         [("A", "AAAA"), ("B", "BBB"), ("C", "CC"), ("D", "D"), ("A", "AA"),
                          ("B", "BBB")])
        self.assertEqual([k for k, g in it.groupby("AAAABBBCCD")], ["A", "B", "C", "D"])
        self.assertEqual([(k, list(g)) for k, g in it.groupby([1, 3, 2, 4, 5, 7],
                                                                key=lambda x: x % 2)],
                         [(1, [1, 3]), (0, [2, 4]), (1, [5, 7])])

    def test_groupby_invalidates_earlier_groups(self):
        groups = list(it.groupby("aabbc"))
        self.assertEqual([(k, list(g)) for k, g in groups], [("a", []), ("b", []), ("c", [])])
        g = it.groupby("aaabbb")
        k1, g1 = next(g)
        self.assertEqual((k1, next(g1)), ("a", "a"))
        k2, g2 = next(g)
        self.assertEqual((k2, list(g1), list(g2)), ("b", [], ["b", "b", "b"]))

    def test_tee(self):
        a, b, c = it.tee(iter([1, 2, 3, 4]), 3)
        self.assertEqual((next(a), next(a)), (1, 2))
        self.assertEqual(list(b), [1, 2, 3, 4])
        self.assertEqual(list(a), [3, 4])
        self.assertEqual(list(c), [1, 2, 3, 4])
        self.assertEqual(len(it.tee("ab", 0)), 0)
        self.assertEqual(len(it.tee("ab")), 2)

    def test_tee_copies(self):
        t1, t2 = it.tee("abc")
        self.assertEqual(type(t1).__name__, "_tee")
        self.assertEqual(list(t1.__copy__()), ["a", "b", "c"])
        self.assertEqual(list(t2), ["a", "b", "c"])
        self.assertEqual(list(t1), ["a", "b", "c"])
        t3 = it.tee(range(200))[0]
        t4 = t3.__copy__()
        self.assertEqual((sum(t3), sum(t4)), (19900, 19900))
        u, v = it.tee(t3)
        self.assertEqual((list(u), list(v)), ([], []))


if __name__ == "__main__":
    unittest.main()
