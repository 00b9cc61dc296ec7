"""copy.copy, copy.deepcopy, copy.replace (was golden copy_basic)."""

import copy
import unittest
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

P = namedtuple("P", "x y")


class Holder:
    def __init__(self):
        self.l = [1, [2]]
        self.t = (1, [3])


class Slots:
    __slots__ = ("a", "b")


class Custom:
    def __copy__(self):
        return "copied"

    def __deepcopy__(self, memo):
        return "deep"


class Copy(unittest.TestCase):

    def test_shallow_and_deep_instances(self):
        a = Holder()
        b = copy.copy(a)
        c = copy.deepcopy(a)
        self.assertIs(b.l, a.l)
        self.assertIsNot(c.l, a.l)
        self.assertEqual(c.l, a.l)
        self.assertEqual(c.t, a.t)
        self.assertIsNot(c.t, a.t)

    def test_self_reference(self):
        l = [1]
        l.append(l)
        m = copy.deepcopy(l)
        self.assertIs(m[1], m)
        self.assertIsNot(m, l)

    def test_collections(self):
        d = deque([[1], [2]], 5)
        e = copy.deepcopy(d)
        self.assertEqual(repr(e), "deque([[1], [2]], maxlen=5)")
        self.assertEqual(e.maxlen, 5)
        self.assertIsNot(e[0], d[0])
        self.assertIs(copy.copy(d)[0], d[0])
        self.assertTrue(copy.deepcopy(OrderedDict(a=[1])) == OrderedDict(a=[1]))
        counter = copy.copy(Counter("aab"))
        self.assertIs(type(counter), Counter)
        self.assertEqual(repr(counter), "Counter({'a': 2, 'b': 1})")
        dd = defaultdict(list, x=[1])
        ee = copy.deepcopy(dd)
        self.assertEqual(repr(ee), "defaultdict(<class 'list'>, {'x': [1]})")
        self.assertIsNot(ee["x"], dd["x"])
        self.assertIs(copy.copy(dd).default_factory, list)

    def test_replace(self):
        replaced = copy.replace(P(1, 2), y=5)
        self.assertIs(type(replaced), P)
        self.assertEqual(replaced, (1, 5))
        self.assertEqual(repr(copy.deepcopy(P([1], 2))), "P(x=[1], y=2)")
        with self.assertRaises(TypeError) as caught:
            copy.replace([1], x=2)
        self.assertEqual(str(caught.exception), "replace() does not support list objects")

    def test_slots_and_hooks(self):
        s = Slots()
        s.a = 1
        s.b = [2]
        t = copy.deepcopy(s)
        self.assertEqual((t.a, t.b), (1, [2]))
        self.assertIsNot(t.b, s.b)
        self.assertEqual(copy.copy(Custom()), "copied")
        self.assertEqual(copy.deepcopy(Custom()), "deep")

    def test_atomic_and_builtin_containers(self):
        self.assertIs(copy.copy(len), len)
        self.assertEqual(copy.deepcopy({1: {2: 3}}), {1: {2: 3}})
        self.assertEqual(copy.copy({1, 2}), {1, 2})
        self.assertEqual(copy.deepcopy(frozenset({1})), frozenset({1}))
        self.assertIs(copy.Error, copy.error)


if __name__ == "__main__":
    unittest.main()
