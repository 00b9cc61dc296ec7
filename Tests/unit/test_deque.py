"""collections.deque (was golden collections_deque)."""

import unittest
from collections import deque
from collections.abc import MutableSequence


class S(deque):
    pass


class DequeWithSlots(deque):
    __slots__ = ("x", "__dict__")


class Deque(unittest.TestCase):

    def test_bounded_append(self):
        d = deque([1, 2], maxlen=3)
        self.assertEqual([repr(d), repr(deque()), repr(deque("abc"))],
                         ["deque([1, 2], maxlen=3)", "deque([])", "deque(['a', 'b', 'c'])"])
        d.append(3)
        d.append(4)
        self.assertEqual((repr(d), d.maxlen, len(d)), ("deque([2, 3, 4], maxlen=3)", 3, 3))
        d.appendleft(0)
        self.assertEqual(repr(d), "deque([0, 2, 3], maxlen=3)")
        reduced = d.__reduce__()
        self.assertIs(reduced[0], deque)
        self.assertEqual(reduced[1:3], (((), 3), None))
        self.assertEqual((d.maxlen, deque().maxlen), (3, None))
        self.assertEqual(list(deque(range(20), maxlen=4)), [16, 17, 18, 19])
        self.assertEqual(repr(deque("ab", maxlen=0)), "deque([], maxlen=0)")

    def test_rotate_index_edit(self):
        d2 = deque(range(10))
        d2.rotate(3)
        self.assertEqual(list(d2), [7, 8, 9, 0, 1, 2, 3, 4, 5, 6])
        d2.rotate(-5)
        self.assertEqual(list(d2), [2, 3, 4, 5, 6, 7, 8, 9, 0, 1])
        self.assertEqual((d2[0], d2[-1], d2.index(5), d2.count(5)), (2, 1, 3, 1))
        self.assertIn(5, d2)
        self.assertNotIn(42, d2)
        del d2[2]
        self.assertEqual(list(d2), [2, 3, 5, 6, 7, 8, 9, 0, 1])
        d2.insert(1, "x")
        self.assertEqual(list(d2), [2, "x", 3, 5, 6, 7, 8, 9, 0, 1])
        d2.remove("x")
        self.assertEqual(list(d2), [2, 3, 5, 6, 7, 8, 9, 0, 1])
        d2.reverse()
        self.assertEqual(list(d2), [1, 0, 9, 8, 7, 6, 5, 3, 2])
        self.assertEqual(list(reversed(d2)), [2, 3, 5, 6, 7, 8, 9, 0, 1])
        self.assertTrue(d2 == deque(d2))
        self.assertTrue(d2 < deque([100]))
        self.assertEqual(repr(d2 + deque([1])), "deque([1, 0, 9, 8, 7, 6, 5, 3, 2, 1])")
        self.assertEqual(repr(deque([1, 2]) * 3), "deque([1, 2, 1, 2, 1, 2])")

    def test_more_indexing(self):
        f = deque(range(10))
        self.assertEqual((f.index(4, 2), f.index(8, -3), f[-2]), (4, 8, 8))
        f[0] = "z"
        self.assertEqual(list(f), ["z", 1, 2, 3, 4, 5, 6, 7, 8, 9])
        f.rotate()
        self.assertEqual(list(f), [9, "z", 1, 2, 3, 4, 5, 6, 7, 8])
        f.rotate(-12)
        self.assertEqual(list(f), [1, 2, 3, 4, 5, 6, 7, 8, 9, "z"])
        g = deque("abcdef")
        del g[4]
        del g[1]
        self.assertEqual(repr(g), "deque(['a', 'c', 'd', 'f'])")
        self.assertTrue(g.copy() == g)
        self.assertIsNot(g.copy(), g)

    def test_extend_and_in_place(self):
        d3 = deque([1])
        d3.extend(d3)
        d3.extendleft("ab")
        self.assertEqual(list(d3), ["b", "a", 1, 1])
        d3 += [9]
        self.assertEqual(list(d3), ["b", "a", 1, 1, 9])
        d3 *= 2
        self.assertEqual(list(d3), ["b", "a", 1, 1, 9, "b", "a", 1, 1, 9])
        r = deque()
        r.append(r)
        self.assertEqual(repr(r), "deque([[...]])")
        self.assertEqual(repr(deque([1, 2, 3], 2) * 3), "deque([2, 3], maxlen=2)")
        self.assertEqual(repr(deque([0]) * 0), "deque([])")

    def test_pop_clear(self):
        e = deque(range(5))
        self.assertEqual((e.pop(), e.popleft(), list(e)), (4, 0, [1, 2, 3]))
        e.clear()
        self.assertEqual((repr(e), len(e), bool(e)), ("deque([])", 0, False))

    def test_subclass(self):
        self.assertEqual(repr(S([1])), "S([1])")
        self.assertEqual(repr(S([1], 2).copy()), "S([1], maxlen=2)")
        self.assertIs(type(S([1]).copy()), S)

    def test_protocols(self):
        self.assertEqual(repr(deque[int]), "collections.deque[int]")
        self.assertIsInstance(deque(), MutableSequence)
        self.assertEqual(sorted(deque([3, 1, 2])), [1, 2, 3])
        self.assertEqual(list(deque(reversed(deque([1, 2, 3])))), [3, 2, 1])
        self.assertEqual(sum(deque(range(100))), 4950)
        self.assertTrue(deque([1, 2]) == deque([1, 2]))
        self.assertTrue(deque([1]) != deque([2]))
        self.assertFalse(deque([1]) == [1])
        self.assertEqual(list(iter(deque())), [])
        self.assertEqual(next(reversed(deque("xy"))), "y")

    def test_errors(self):
        d2 = deque(range(5))
        it = iter(d2)
        next(it)
        d2.append(1)
        cases = [
            (IndexError, "pop from an empty deque", lambda: deque().pop()),
            (RuntimeError, "deque mutated during iteration", lambda: next(it)),
            (TypeError, "sequence index must be integer, not 'slice'", lambda: d2[1:2]),
            (IndexError, "deque already at its maximum size",
             lambda: deque([1, 2, 3], 3).insert(0, 1)),
            (ValueError, "maxlen must be non-negative", lambda: deque(maxlen=-1)),
            (ValueError, "7 is not in deque", lambda: deque([1]).remove(7)),
            (ValueError, "7 is not in deque", lambda: deque([1]).index(7)),
            (IndexError, "deque index out of range", lambda: deque([1])[5]),
            (TypeError, 'can only concatenate deque (not "list") to deque',
             lambda: deque() + [1]),
            (TypeError, "unhashable type: 'collections.deque'", lambda: hash(deque())),
        ]
        for error, message, thunk in cases:
            with self.subTest(message=message):
                with self.assertRaises(error) as caught:
                    thunk()
                self.assertEqual(str(caught.exception), message)


class DequeReduce(unittest.TestCase):

    def test_iterator_pickle_resumes(self):
        import pickle
        orig = deque(range(6))
        for make in (iter, reversed):
            it = make(orig)
            next(it)
            next(it)
            copy, d = pickle.loads(pickle.dumps((it, orig)))
            self.assertIs(type(copy), type(it))
            self.assertEqual(list(copy), list(it))
            self.assertEqual(d, orig)

    def test_iterator_types_constructible(self):
        d = deque("abcd")
        fwd, rev = type(iter(d)), type(reversed(d))
        self.assertEqual(list(fwd(d)), list("abcd"))
        self.assertEqual(list(rev(d, 1)), list("cba"))
        self.assertEqual(list(fwd(d, 10)), [])
        with self.assertRaises(TypeError):
            fwd([1, 2])

    def test_remove_mutated_raises_index_error(self):
        d = deque()

        class Clears:
            def __eq__(self, other):
                d.clear()
                return False

        d.extend([Clears(), 1])
        with self.assertRaisesRegex(IndexError, "deque mutated during iteration"):
            d.remove(1)
        self.assertEqual(d, deque())

    def test_reduce_keeps_slots(self):
        import pickle
        d = DequeWithSlots("ab", maxlen=3)
        d.x = 1
        d.y = 2
        e = pickle.loads(pickle.dumps(d))
        self.assertEqual((e.x, e.y, list(e), e.maxlen), (1, 2, ["a", "b"], 3))


if __name__ == "__main__":
    unittest.main()
