"""operator and heapq (was golden operator_basic, heapq_basic)."""

import heapq
import operator
import unittest
from operator import (add, and_, attrgetter, call, concat, contains, countOf, delitem,
                      eq, floordiv, ge, getitem, gt, iadd, iand, iconcat, ifloordiv,
                      ilshift, imod, imul, index, indexOf, inv, invert, ior, ipow, irshift,
                      is_, is_none, is_not, is_not_none, isub, itemgetter, itruediv, ixor,
                      le, length_hint, lshift, lt, methodcaller, mod, mul, ne, neg, not_,
                      or_, pos, pow, rshift, setitem, sub, truediv, truth, xor)

from unitsupport import TypedCase


class Holder:
    pass


class OperatorFunctions(TypedCase):

    def test_arithmetic_and_bits(self):
        self.assertAllSame([
            (add(1, 2), 3), (sub(5, 3), 2), (mul(3, 4), 12), (truediv(7, 2), 3.5),
            (floordiv(7, 2), 3), (mod(7, 3), 1), (pow(2, 10), 1024), (neg(3), -3),
            (pos(-3), -3), (operator.abs(-4), 4), (inv(5), -6), (invert(5), -6),
            (lshift(1, 4), 16), (rshift(16, 2), 4), (and_(12, 10), 8), (or_(12, 10), 14),
            (xor(12, 10), 6), (not_(0), True), (truth([]), False), (index(7), 7),
        ])

    def test_comparisons_and_identity(self):
        self.assertAllSame([
            (lt(1, 2), True), (le(2, 2), True), (eq(1, 1), True), (ne(1, 2), True),
            (ge(1, 2), False), (gt(3, 2), True), (is_(None, None), True),
            (is_not(1, None), True), (is_none(None), True), (is_not_none(0), True),
        ])

    def test_sequences(self):
        self.assertAllSame([
            (concat([1], [2]), [1, 2]), (contains([1, 2], 2), True),
            (countOf([1, 2, 1], 1), 2), (indexOf("abc", "c"), 2),
            (length_hint([1, 2]), 2), (length_hint(iter(range(5))), 5),
            (length_hint(object(), 7), 7), (call(max, 3, 9), 9), (operator.__add__(1, 1), 2),
        ])
        self.assertIs(operator.__lt__, lt)
        l = [1, 2, 3]
        setitem(l, 0, 9)
        delitem(l, 1)
        self.assertEqual(l, [9, 3])
        self.assertEqual(getitem(l, 1), 3)
        with self.assertRaises(TypeError) as caught:
            concat(1, 2)
        self.assertEqual(str(caught.exception), "'int' object can't be concatenated")
        with self.assertRaises(ValueError) as caught:
            indexOf([1], 5)
        self.assertEqual(str(caught.exception), "sequence.index(x): x not in sequence")

    def test_in_place(self):
        x = [1]
        self.assertIs(iadd(x, [2]), x)
        self.assertEqual(x, [1, 2])
        self.assertIs(iconcat(x, [3]), x)
        self.assertEqual(x, [1, 2, 3])
        self.assertAllSame([
            (imul([0], 3), [0, 0, 0]), (ipow(2, 3), 8), (isub(5, 1), 4), (imod(7, 4), 3),
            (ifloordiv(9, 2), 4), (itruediv(9, 2), 4.5), (ilshift(1, 2), 4), (irshift(8, 1), 4),
            (iand(6, 3), 2), (ior(6, 3), 7), (ixor(6, 3), 5),
        ])


class OperatorCallables(unittest.TestCase):

    def test_itemgetter(self):
        self.assertEqual(itemgetter(1)([5, 6]), 6)
        self.assertEqual(itemgetter(0, 2)("abc"), ("a", "c"))
        self.assertEqual(itemgetter("k")({"k": "v"}), "v")
        self.assertEqual(repr(itemgetter(1, "a")), "operator.itemgetter(1, 'a')")
        self.assertEqual(sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1)),
                         [(2, "a"), (1, "b"), (0, "c")])

    def test_attrgetter(self):
        o = Holder()
        o.a = Holder()
        o.a.b = 5
        o.c = "C"
        self.assertEqual(attrgetter("c")(o), "C")
        self.assertEqual(attrgetter("a.b", "c")(o), (5, "C"))
        self.assertEqual(repr(attrgetter("a.b", "c")), "operator.attrgetter('a.b', 'c')")
        with self.assertRaises(TypeError) as caught:
            attrgetter(1)
        self.assertEqual(str(caught.exception), "attribute name must be a string")
        with self.assertRaises(AttributeError):
            attrgetter("zz")(o)

    def test_methodcaller(self):
        m = methodcaller("split", ",", maxsplit=1)
        self.assertEqual(m("a,b,c"), ["a", "b,c"])
        self.assertEqual(repr(m), "operator.methodcaller('split', ',', maxsplit=1)")
        self.assertEqual(methodcaller("upper")("x"), "X")
        with self.assertRaises(TypeError) as caught:
            methodcaller(1)
        self.assertEqual(str(caught.exception), "method name must be a string")


class Heapq(unittest.TestCase):

    def test_push_pop_heapify(self):
        h = []
        for x in [5, 3, 8, 1, 9, 2, 7]:
            heapq.heappush(h, x)
        self.assertEqual(h[0], 1)
        self.assertEqual([heapq.heappop(h) for _ in range(len(h))], [1, 2, 3, 5, 7, 8, 9])
        data = [9, 4, 7, 1, 3, 8, 2]
        heapq.heapify(data)
        self.assertEqual(data[0], 1)
        self.assertEqual(sorted(data), [1, 2, 3, 4, 7, 8, 9])
        self.assertEqual(heapq.heapreplace(data, 10), 1)
        self.assertEqual(data[0], 2)
        self.assertEqual(heapq.heappushpop(data, 0), 0)
        self.assertEqual(heapq.heappushpop(data, 5), 2)
        self.assertEqual(data[0], 3)

    def test_empty_heap_errors(self):
        for fn, args in ((heapq.heappop, ([],)), (heapq.heapreplace, ([], 1))):
            with self.subTest(fn=fn.__name__):
                with self.assertRaises(IndexError) as caught:
                    fn(*args)
                self.assertEqual(str(caught.exception), "index out of range")

    def test_argument_type_errors(self):
        cases = [
            (heapq.heappush, ((), 1), "heappush() argument 1 must be list, not tuple"),
            (heapq.heapify, (None,), "heapify() argument must be list, not None"),
            (heapq.heappop, ("x",), "heappop() argument must be list, not str"),
            (heapq.heapreplace, ({}, 1), "heapreplace() argument 1 must be list, not dict"),
            (heapq.heappushpop, (1, 1), "heappushpop() argument 1 must be list, not int"),
        ]
        for fn, args, message in cases:
            with self.subTest(fn=fn.__name__):
                with self.assertRaises(TypeError) as caught:
                    fn(*args)
                self.assertEqual(str(caught.exception), message)

    def test_merge(self):
        self.assertEqual(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])),
                         [1, 2, 3, 4, 5, 6, 7, 8, 9])
        self.assertEqual(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)),
                         [8, 7, 5, 4, 2, 1])
        self.assertEqual(list(heapq.merge(["a", "BB", "ccc"], ["A", "bbb"], key=len)),
                         ["a", "A", "BB", "ccc", "bbb"])
        self.assertEqual(list(heapq.merge()), [])

    def test_nlargest_nsmallest(self):
        self.assertEqual(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), [9, 8, 5])
        self.assertEqual(heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]), [1, 2, 3])
        self.assertEqual(heapq.nlargest(2, ["aa", "b", "cc", "ddd"], key=len), ["ddd", "aa"])
        self.assertEqual(heapq.nsmallest(2, [(1, "x"), (0, "y"), (1, "z"), (0, "w")],
                                         key=lambda t: t[0]), [(0, "y"), (0, "w")])
        self.assertEqual(heapq.nlargest(0, [1, 2]), [])
        self.assertEqual(heapq.nsmallest(10, [3, 1, 2]), [1, 2, 3])


if __name__ == "__main__":
    unittest.main()
