"""collections: namedtuple, Counter, defaultdict, OrderedDict, ChainMap,
User* wrappers (was golden collections_types)."""

import unittest
from collections import (ChainMap, Counter, OrderedDict, UserDict, UserList, UserString,
                         defaultdict, namedtuple)

P = namedtuple("P", "x y", defaults=[5])


class NamedTuple(unittest.TestCase):

    def test_basics(self):
        p = P(1)
        self.assertEqual(repr(p), "P(x=1, y=5)")
        self.assertEqual((p.x, p.y, p[0]), (1, 5, 1))
        self.assertEqual(p._asdict(), {"x": 1, "y": 5})
        self.assertEqual(repr(p._replace(x=3)), "P(x=3, y=5)")
        self.assertEqual((P._fields, P._field_defaults), (("x", "y"), {"y": 5}))
        self.assertEqual(repr(P._make([7, 8])), "P(x=7, y=8)")
        self.assertEqual((P.__doc__, P.x.__doc__), ("P(x, y)", "Alias for field number 0"))
        self.assertEqual(P.__match_args__, ("x", "y"))
        self.assertTrue(p == (1, 5))
        self.assertEqual(repr(P(y=2, x=1)), "P(x=1, y=2)")
        self.assertIsInstance(p, tuple)
        self.assertEqual((len(p), P.__module__, P.__name__), (2, __name__, "P"))
        match p:
            case P(a, b):
                self.assertEqual((a, b), (1, 5))
            case _:
                self.fail("class pattern did not match")

    def test_rename_and_module(self):
        R = namedtuple("R", ["a", "def", "a", "_b"], rename=True)
        self.assertEqual(R._fields, ("a", "_1", "_2", "_3"))
        M = namedtuple("M", "v", module="mymod")
        self.assertEqual((M.__module__, repr(M(1))), ("mymod", "M(v=1)"))

    def test_errors(self):
        cases = [
            (("P", "x x"), "Encountered duplicate field name: 'x'"),
            (("P", "_x"), "Field names cannot start with an underscore: '_x'"),
            (("P", "def"), "Type names and field names cannot be a keyword: 'def'"),
            (("1P", "x"), "Type names and field names must be valid identifiers: '1P'"),
            (("P", "a-b"), "Type names and field names must be valid identifiers: 'a-b'"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                with self.assertRaises(ValueError) as caught:
                    namedtuple(*args)
                self.assertEqual(str(caught.exception), message)
        with self.assertRaises(TypeError) as caught:
            P._make([1, 2, 3])
        self.assertEqual(str(caught.exception), "Expected 2 arguments, got 3")
        with self.assertRaises(TypeError) as caught:
            P(1)._replace(z=1)
        self.assertEqual(str(caught.exception), "Got unexpected field names: ['z']")
        with self.assertRaises(AttributeError):
            P(1).x = 3


class CounterTests(unittest.TestCase):

    def test_counting(self):
        c = Counter("abracadabra")
        self.assertEqual(repr(c), "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})")
        self.assertEqual((c["a"], c["zzz"], c.most_common(2), c.total()),
                         (5, 0, [("a", 5), ("b", 2)], 11))
        self.assertEqual(sorted(c.elements())[:6], ["a", "a", "a", "a", "a", "b"])
        c.update("aaz")
        c.subtract({"b": 5})
        self.assertEqual(repr(c), "Counter({'a': 7, 'r': 2, 'c': 1, 'd': 1, 'z': 1, 'b': -3})")
        del c["q"]
        del c["a"]
        self.assertEqual(repr(c), "Counter({'r': 2, 'c': 1, 'd': 1, 'z': 1, 'b': -3})")

    def test_arithmetic(self):
        a, b = Counter(a=3, b=1), Counter(a=1, b=2)
        self.assertEqual([repr(a + b), repr(a - b), repr(a | b), repr(a & b)],
                         ["Counter({'a': 4, 'b': 3})", "Counter({'a': 2})",
                          "Counter({'a': 3, 'b': 2})", "Counter({'a': 1, 'b': 1})"])
        self.assertEqual([repr(+Counter(a=2, b=-1)), repr(-Counter(a=2, b=-1)), repr(Counter())],
                         ["Counter({'a': 2})", "Counter({'b': 1})", "Counter()"])
        self.assertTrue(Counter(a=0) == Counter())
        self.assertTrue(Counter(a=1) <= Counter(a=2))
        self.assertFalse(Counter(a=2) < Counter(a=2))
        with self.assertRaises(NotImplementedError):
            Counter.fromkeys("ab")

    def test_symmetric_difference(self):
        # 3.15: the larger count minus the smaller, positive results only.
        a, b = Counter(a=3, b=1, d=2), Counter(a=1, b=2, c=4, d=2)
        self.assertEqual(a ^ b, Counter(a=2, b=1, c=4))
        self.assertEqual(b ^ a, a ^ b)
        self.assertEqual(Counter(a=-2) ^ Counter(a=1), Counter(a=3))
        self.assertEqual(Counter() ^ Counter(a=-3), Counter(a=3))
        in_place = Counter(a=3, z=0)
        alias = in_place
        in_place ^= Counter(a=5, b=1)
        self.assertIs(in_place, alias)
        self.assertEqual(in_place, Counter(a=2, b=1))
        self.assertNotIn("z", in_place)
        negative = Counter(a=-2)
        negative ^= Counter()
        self.assertEqual(negative, Counter(a=-2) ^ Counter())
        with self.assertRaises(TypeError):
            Counter() ^ {"a": 1}


class DefaultDict(unittest.TestCase):

    def test_factory(self):
        dd = defaultdict(list)
        dd["k"].append(1)
        dd["j"]
        self.assertEqual(repr(dd), "defaultdict(<class 'list'>, {'k': [1], 'j': []})")
        self.assertIs(dd.default_factory, list)
        self.assertEqual(dict(dd), {"k": [1], "j": []})
        self.assertTrue(dd == {"k": [1], "j": []})
        self.assertEqual(repr(dd.copy()), repr(dd))
        self.assertIsNot(dd.copy(), dd)

    def test_union_and_errors(self):
        self.assertEqual(repr(defaultdict()), "defaultdict(None, {})")
        self.assertEqual(repr(defaultdict(int, a=1) | {"b": 2}),
                         "defaultdict(<class 'int'>, {'a': 1, 'b': 2})")
        self.assertIs(type(defaultdict(int) | {}), defaultdict)
        with self.assertRaises(KeyError) as caught:
            defaultdict(None)["x"]
        self.assertEqual(caught.exception.args, ("x",))
        with self.assertRaises(TypeError) as caught:
            defaultdict(1)
        self.assertEqual(str(caught.exception), "first argument must be callable or None")


class OrderedDictTests(unittest.TestCase):

    def test_reordering(self):
        od = OrderedDict.fromkeys("abcde")
        od.move_to_end("b")
        od.move_to_end("d", last=False)
        self.assertEqual(list(od), ["d", "a", "c", "e", "b"])
        self.assertEqual(od.popitem(), ("b", None))
        self.assertEqual(od.popitem(last=False), ("d", None))
        self.assertEqual(repr(od), "OrderedDict({'a': None, 'c': None, 'e': None})")
        self.assertEqual(list(reversed(od)), ["e", "c", "a"])
        self.assertEqual(repr(od | {"z": 1}),
                         "OrderedDict({'a': None, 'c': None, 'e': None, 'z': 1})")
        self.assertEqual(type(od | {}).__name__, "OrderedDict")
        self.assertEqual((od.setdefault("q", 9), od.pop("q")), (9, 9))

    def test_equality_and_errors(self):
        self.assertEqual(repr(OrderedDict()), "OrderedDict()")
        self.assertTrue(OrderedDict(a=1) == OrderedDict(a=1))
        self.assertFalse(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))
        self.assertTrue(OrderedDict(a=1, b=2) == dict(b=2, a=1))
        with self.assertRaises(KeyError) as caught:
            OrderedDict().popitem()
        self.assertEqual(caught.exception.args, ("dictionary is empty",))
        with self.assertRaises(KeyError) as caught:
            OrderedDict(a=1).move_to_end("zz")
        self.assertEqual(caught.exception.args, ("zz",))
        r = OrderedDict()
        r["self"] = r
        self.assertEqual(repr(r), "OrderedDict({'self': ...})")


class ChainMapTests(unittest.TestCase):

    def test_lookup_and_writes(self):
        cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
        self.assertEqual(repr(cm), "ChainMap({'a': 1}, {'a': 2, 'b': 3})")
        self.assertEqual((cm["a"], cm["b"], len(cm), sorted(cm), cm.get("c", 0)),
                         (1, 3, 2, ["a", "b"], 0))
        self.assertIn("b", cm)
        cm["b"] = 4
        self.assertEqual(cm.maps, [{"a": 1, "b": 4}, {"a": 2, "b": 3}])
        self.assertEqual(repr(cm.parents), "ChainMap({'a': 2, 'b': 3})")
        self.assertEqual(repr(cm.new_child({"z": 0})),
                         "ChainMap({'z': 0}, {'a': 1, 'b': 4}, {'a': 2, 'b': 3})")
        with self.assertRaises(KeyError) as caught:
            del cm["zz"]
        self.assertEqual(caught.exception.args, ("Key not found in the first mapping: 'zz'",))


class UserWrappers(unittest.TestCase):

    def test_user_dict_list_string(self):
        ud = UserDict(a=1)
        ud["b"] = 2
        self.assertEqual((repr(ud), len(ud), ud.data), ("{'a': 1, 'b': 2}", 2, {"a": 1, "b": 2}))
        self.assertIn("a", ud)
        self.assertEqual(repr(ud | {"c": 3}), "{'a': 1, 'b': 2, 'c': 3}")
        ul = UserList([3, 1, 2])
        ul.sort()
        ul.append(4)
        self.assertEqual([repr(ul), repr(ul[1:]), repr(ul + [5]), repr(ul * 2)],
                         ["[1, 2, 3, 4]", "[2, 3, 4]", "[1, 2, 3, 4, 5]", "[1, 2, 3, 4, 1, 2, 3, 4]"])
        self.assertTrue(ul == [1, 2, 3, 4])
        us = UserString("hello")
        self.assertEqual([us.upper(), us[1:3], us + "!", len(us), "ell" in us, us.split("l")],
                         ["HELLO", "el", "hello!", 5, True, ["he", "", "o"]])


if __name__ == "__main__":
    unittest.main()
