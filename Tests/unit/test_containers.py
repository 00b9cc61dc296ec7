"""list, dict, set, tuple, range and sorting (was golden containers,
lang_sets, lang_sorting).

Set iteration order is checked on purpose: it follows CPython's table
layout (dummy-slot reuse, symmetric difference built from the right
operand), which programs can observe.
"""

import unittest

from unitsupport import TypedCase


class Key:
    """Hashes into few buckets, to force collisions."""

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v % 4

    def __eq__(self, other):
        return isinstance(other, Key) and other.v == self.v


class Ordered:
    """Orders by v with __lt__ only."""

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v


class Lists(TypedCase):

    def test_mutators(self):
        l = [3, 1, 2]
        l.append(4)
        l.extend([5, 6])
        l.insert(0, 0)
        l.remove(3)
        self.assertEqual(l, [0, 1, 2, 4, 5, 6])
        self.assertSame(l.pop(), 6)
        self.assertSame(l.pop(0), 0)
        self.assertEqual(l, [1, 2, 4, 5])
        l.sort()
        self.assertAllSame([
            (l, [1, 2, 4, 5]), (l.index(2), 1), (l.count(1), 1), (l[1:3], [2, 4]),
            (l[::2], [1, 4]), (len(l), 4),
        ])
        l[1:3] = ["a", "b", "c"]
        del l[0]
        self.assertEqual(l, ["a", "b", "c", 5])

    def test_comprehensions_and_generators(self):
        m = [[i * j for j in range(3)] for i in range(3)]
        self.assertEqual(m, [[0, 0, 0], [0, 1, 2], [0, 2, 4]])
        self.assertEqual([x for row in m for x in row if x], [1, 2, 2, 4])
        self.assertEqual({x % 3 for x in range(10)}, {0, 1, 2})
        g = (i * 2 for i in range(4))
        self.assertEqual(next(g), 0)
        self.assertEqual(list(g), [2, 4, 6])
        self.assertTrue(any(x > 2 for x in [1, 3]))
        self.assertTrue(all([]))
        self.assertEqual(sum(x for x in range(5)), 10)

    def test_ranges(self):
        self.assertEqual(list(range(10, 0, -3)), [10, 7, 4, 1])
        self.assertEqual(range(5)[2], 2)
        self.assertTrue(list(range(3)) == [0, 1, 2])
        self.assertEqual(len(range(0, 100, 7)), 15)


class Dicts(TypedCase):

    def test_methods_keep_insertion_order(self):
        d = {"a": 1, "b": 2}
        d["c"] = 3
        d.update(e=5)
        del d["a"]
        self.assertEqual(list(d.keys()), ["b", "c", "e"])
        self.assertEqual(list(d.values()), [2, 3, 5])
        self.assertEqual(list(d.items()), [("b", 2), ("c", 3), ("e", 5)])
        self.assertEqual(d.get("z", 0), 0)
        self.assertIn("b", d)
        self.assertEqual(d.pop("b"), 2)
        self.assertEqual(list(d.items()), [("c", 3), ("e", 5)])
        self.assertEqual(list({**d, "x": 1}.items()), [("c", 3), ("e", 5), ("x", 1)])
        self.assertEqual(list(dict(zip("xy", [1, 2])).items()), [("x", 1), ("y", 2)])
        self.assertEqual(list(dict.fromkeys("ab", 0).items()), [("a", 0), ("b", 0)])
        self.assertEqual(d.setdefault("q", 9), 9)
        self.assertEqual(list(d.items()), [("c", 3), ("e", 5), ("q", 9)])

    def test_views_combine_with_iterables(self):
        d = {1: 2, 3: 4}
        self.assertEqual(list(d.keys() | (3, 5)), [1, 3, 5])
        self.assertEqual(d.keys() & (1, 7), {1})
        self.assertEqual(d.keys() - (1,), {3})
        self.assertEqual(list(d.keys() ^ (1, 9)), [9, 3])
        self.assertEqual((1, 7) & d.keys(), {1})
        self.assertEqual(list(d.items() | ((1, 2),)), [(1, 2), (3, 4)])
        self.assertEqual(d.items() - {(1, 2)}, {(3, 4)})
        self.assertEqual(d.keys() - [3], {1})
        self.assertEqual(sorted(d.keys() ^ [3, 8]), [1, 8])
        self.assertTrue(d.keys() == {1, 3})
        self.assertTrue(d.keys() < {1, 3, 5})
        self.assertTrue(d.items() >= {(1, 2)})
        self.assertTrue(d.keys().isdisjoint((7, 8)))


class Tuples(TypedCase):

    def test_tuples_and_unpacking(self):
        t = (1, 2, 3)
        a, *rest = t
        x, (y, z) = 1, (2, 3)
        self.assertAllSame([
            (t[1], 2), (t + (4,), (1, 2, 3, 4)), (a, 1), (rest, [2, 3]),
            ((x, y, z), (1, 2, 3)), (t.count(2), 1), ((1,) * 3, (1, 1, 1)),
        ])
        first, *mid, last = range(6)
        self.assertAllSame([(first, 0), (mid, [1, 2, 3, 4]), (last, 5)])


class Sets(TypedCase):

    def test_operators(self):
        s = {1, 2, 3}
        s.add(4)
        s.discard(1)
        self.assertEqual(s, {2, 3, 4})
        self.assertEqual(list(s | {9}), [9, 2, 3, 4])
        self.assertEqual(s & {2, 3}, {2, 3})
        self.assertEqual(s - {2}, {3, 4})
        self.assertEqual(sorted(s ^ {3, 10}), [2, 4, 10])
        self.assertSame(frozenset([1, 1, 2]), frozenset({1, 2}))
        self.assertIn(2, s)

    def test_iteration_order_follows_table_layout(self):
        s = {1, 3}
        s.discard(1)
        s.add(9)
        self.assertEqual(list(s), [9, 3])
        s = {1, 3}
        s.symmetric_difference_update((1, 9))
        self.assertEqual(list(s), [9, 3])
        self.assertEqual(list({1, 3} ^ {1, 9}), [3, 9])
        self.assertEqual(list({9, 3} ^ {3}), [9])
        self.assertEqual(list({1, 2, 3}.symmetric_difference([3, 4, 5, 4])), [1, 2, 4, 5])
        s = set(range(8))
        for i in range(0, 8, 2):
            s.remove(i)
        for i in range(16, 24):
            s.add(i)
        self.assertEqual(list(s), [1, 3, 5, 7, 16, 17, 18, 19, 20, 21, 22, 23])
        s = {"a"}
        s.pop()
        s.add("b")
        self.assertEqual(list(s), ["b"])
        s = set()
        s.add(8)
        s.add(16)
        s.discard(8)
        s.add(24)
        s.add(0)
        self.assertEqual(list(s), [24, 16, 0])
        colliding = {Key(1), Key(5), Key(1), Key(9), Key(2)}
        self.assertEqual([k.v for k in colliding], [1, 2, 5, 9])

    def test_result_types(self):
        self.assertSame(frozenset({1}) ^ {2, 3}, frozenset({1, 2, 3}))
        self.assertEqual(type({1} ^ frozenset({2})).__name__, "set")
        self.assertTrue(set([3, 2, 1]) == frozenset([1, 2, 3]))

    def test_in_place_operators(self):
        a = {5, 6, 7}
        a -= {6}
        a |= {1}
        a &= {1, 5, 9}
        a ^= {5, 2}
        self.assertEqual(list(a), [1, 2])

    def test_methods_take_iterables(self):
        self.assertEqual({1, 2}.union([3], (4,)), {1, 2, 3, 4})
        self.assertEqual({1, 2, 3}.intersection([2, 3], {3}), {3})
        self.assertEqual({1, 2, 3}.difference([1], (2,)), {3})
        self.assertTrue({1}.issubset([1, 2]))
        self.assertTrue({1, 2}.issuperset((1,)))

    def test_frozenset_hashing(self):
        fs = frozenset([1, 2])
        self.assertEqual(hash(fs), hash(frozenset([2, 1])))
        self.assertEqual({fs: "v"}[frozenset([2, 1])], "v")
        self.assertSame(fs | {3}, frozenset({1, 2, 3}))
        self.assertIs(fs.copy(), fs)

    def test_errors(self):
        with self.assertRaises(TypeError) as caught:
            {[]}
        self.assertEqual(str(caught.exception), "unhashable type: 'list'")
        with self.assertRaises(KeyError) as caught:
            set().pop()
        self.assertEqual(caught.exception.args, ("pop from an empty set",))

    def test_equal_elements_and_reprs(self):
        self.assertEqual(sorted({"b", "a", "c"}), ["a", "b", "c"])
        self.assertEqual(len({1, 1.0, True}), 1)
        zeros = {0, False, 0.0}
        self.assertEqual(len(zeros), 1)
        self.assertIs(type(next(iter(zeros))), int)
        self.assertEqual({None, ()}.__len__(), 2)
        self.assertEqual(repr(set()), "set()")
        self.assertEqual(repr(frozenset()), "frozenset()")
        self.assertEqual(str({1}), "{1}")
        self.assertEqual(repr({2, 3, 4}), "{2, 3, 4}")
        self.assertEqual(repr(frozenset([1, 2])), "frozenset({1, 2})")
        self.assertEqual({(1, 2), (1, 2)}, {(1, 2)})
        self.assertEqual(sorted(set("mississippi")), ["i", "m", "p", "s"])
        self.assertTrue({c for c in "hello" if c != "l"} == {"h", "e", "o"})


class Sorting(TypedCase):

    DATA = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
    WORDS = "the quick brown fox jumps over the lazy dog".split()

    def test_stability(self):
        self.assertEqual(sorted(self.DATA, key=lambda t: t[1]),
                         [("c", 1), ("a", 1), ("b", 1), ("b", 2), ("a", 2)])
        self.assertEqual(sorted(self.DATA, key=lambda t: t[0]),
                         [("a", 2), ("a", 1), ("b", 2), ("b", 1), ("c", 1)])
        self.assertEqual(sorted(self.DATA, key=lambda t: (t[1], t[0]), reverse=True),
                         [("b", 2), ("a", 2), ("c", 1), ("b", 1), ("a", 1)])
        self.assertEqual(sorted(range(10), key=lambda v: v % 3),
                         [0, 3, 6, 9, 1, 4, 7, 2, 5, 8])
        self.assertEqual(sorted(self.WORDS, key=len),
                         ["the", "fox", "the", "dog", "over", "lazy", "quick", "brown",
                          "jumps"])

    def test_mutation_during_sort(self):
        l = [3, 1, 2]
        with self.assertRaisesRegex(ValueError, "^list modified during sort$"):
            l.sort(key=lambda v: (l.append(v), v)[1])

    def test_keys_and_mixed_values(self):
        self.assertEqual(sorted("Hello World", key=str.lower),
                         [" ", "d", "e", "H", "l", "l", "l", "o", "o", "r", "W"])
        self.assertEqual(sorted([[2, 1], [1, 2], [1]]), [[1], [1, 2], [2, 1]])
        self.assertSame(sorted([0.5, -1, 2, float("inf"), -0.0]),
                        [-1, -0.0, 0.5, 2, float("inf")])
        self.assertEqual(sorted({3: "c", 1: "a"}), [1, 3])
        self.assertEqual(sorted({3: "c", 1: "a"}.items(), key=lambda kv: kv[1], reverse=True),
                         [(3, "c"), (1, "a")])
        self.assertEqual(sorted(set(self.WORDS)),
                         ["brown", "dog", "fox", "jumps", "lazy", "over", "quick", "the"])
        self.assertEqual(sorted(self.WORDS, key=lambda w: (-len(w), w)),
                         ["brown", "jumps", "quick", "lazy", "over", "dog", "fox", "the",
                          "the"])
        self.assertEqual(list(reversed(sorted(self.WORDS)))[:3], ["the", "the", "quick"])

    def test_user_ordering(self):
        self.assertEqual([k.v for k in sorted([Ordered(3), Ordered(1), Ordered(2)])],
                         [1, 2, 3])
        self.assertEqual(max([Ordered(3), Ordered(5)], key=lambda k: k.v).v, 5)
        self.assertEqual(min(Ordered(1), Ordered(0)).v, 0)
        with self.assertRaises(TypeError) as caught:
            sorted([Ordered(1), 2])
        self.assertEqual(str(caught.exception),
                         "'<' not supported between instances of 'int' and 'Ordered'")

    def test_large_reversed_input(self):
        big = list(range(1000, 0, -1))
        big.sort()
        self.assertEqual(big[:5], [1, 2, 3, 4, 5])
        self.assertEqual(big[-3:], [998, 999, 1000])
        self.assertEqual(big, list(range(1, 1001)))


if __name__ == "__main__":
    unittest.main()
