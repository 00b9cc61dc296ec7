"""The frozendict built-in (PEP 814): construction, immutability, hashing
independent of order, comparison with dict, the | operator, copying,
pickling, subclasses and the Mapping ABC."""

import collections.abc
import copy
import pickle
import unittest


class Construction(unittest.TestCase):

    def test_forms(self):
        self.assertEqual(frozendict(), {})
        self.assertEqual(frozendict({"a": 1}), {"a": 1})
        self.assertEqual(frozendict([("a", 1), ("b", 2)]), {"a": 1, "b": 2})
        self.assertEqual(frozendict({"a": 1}, b=2), {"a": 1, "b": 2})
        self.assertEqual(frozendict(x=1), {"x": 1})

    def test_same_object_for_an_exact_frozendict(self):
        fd = frozendict(x=1)
        self.assertIs(frozendict(fd), fd)
        self.assertIsNot(frozendict(fd, y=2), fd)

    def test_errors(self):
        with self.assertRaises(TypeError):
            frozendict(1, 2)
        with self.assertRaises(TypeError):
            frozendict(1)
        with self.assertRaises(TypeError):
            frozendict({[]: 1})

    def test_fromkeys(self):
        fd = frozendict.fromkeys("ab", 0)
        self.assertIs(type(fd), frozendict)
        self.assertEqual(fd, {"a": 0, "b": 0})

    def test_not_a_dict(self):
        self.assertFalse(issubclass(frozendict, dict))
        self.assertIs(frozendict.__base__, object)


class Immutability(unittest.TestCase):

    def test_no_item_assignment(self):
        fd = frozendict(x=1)
        with self.assertRaisesRegex(
                TypeError,
                "'frozendict' object does not support item assignment"):
            fd["y"] = 2
        with self.assertRaises(TypeError):
            del fd["x"]
        for name in ("update", "pop", "popitem", "clear", "setdefault"):
            self.assertFalse(hasattr(fd, name), name)

    def test_in_place_or_makes_a_new_object(self):
        fd = frozendict(x=1)
        alias = fd
        fd |= {"y": 2}
        self.assertEqual(fd, {"x": 1, "y": 2})
        self.assertEqual(alias, {"x": 1})


class HashAndCompare(unittest.TestCase):

    def test_order_does_not_matter(self):
        a = frozendict(x=1, y=2)
        b = frozendict(y=2, x=1)
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        self.assertEqual(list(a), ["x", "y"])
        self.assertEqual(list(b), ["y", "x"])

    def test_hash_is_the_hash_of_the_items_as_a_frozenset(self):
        fd = frozendict(a=1, b=(2, 3))
        self.assertEqual(hash(fd), hash(frozenset(fd.items())))
        self.assertEqual(hash(frozendict()), hash(frozenset()))

    def test_pairs_are_hashed_as_units(self):
        cases = [
            frozendict(a=False, b=True, c=True),
            frozendict(a=True, b=False, c=True),
            frozendict(a=True, b=True, c=False),
            frozendict({False: "a", "b": True, "c": True}),
            frozendict({"a": "b", False: True, True: "c"}),
        ]
        self.assertEqual(len({hash(fd) for fd in cases}), 5)

    def test_unhashable_value(self):
        with self.assertRaisesRegex(TypeError, "unhashable type: 'list'"):
            hash(frozendict(x=[1]))

    def test_compares_with_dict(self):
        self.assertEqual(frozendict(x=1), {"x": 1})
        self.assertEqual({"x": 1}, frozendict(x=1))
        self.assertNotEqual(frozendict(x=1), {"x": 2})
        self.assertNotEqual(frozendict(x=1), [("x", 1)])

    def test_usable_as_key(self):
        table = {frozendict(a=1): "one"}
        self.assertEqual(table[frozendict(a=1)], "one")


class Operators(unittest.TestCase):

    def test_or(self):
        self.assertEqual(frozendict(x=1) | frozendict(y=1),
                         frozendict(x=1, y=1))
        merged = frozendict(x=1, y=2) | {"y": 5}
        self.assertIs(type(merged), frozendict)
        self.assertEqual(merged, {"x": 1, "y": 5})
        left_dict = {"z": 3} | frozendict(x=1)
        self.assertIs(type(left_dict), dict)
        self.assertEqual(left_dict, {"z": 3, "x": 1})
        with self.assertRaises(TypeError):
            frozendict() | [("a", 1)]

    def test_hash_of_a_union_matches(self):
        union = frozendict(a=1) | frozendict(b=2)
        self.assertEqual(hash(union), hash(frozendict(a=1, b=2)))


class ReadApi(unittest.TestCase):

    def test_mapping_methods(self):
        fd = frozendict(x=1, y=2)
        self.assertEqual(fd["x"], 1)
        self.assertEqual(fd.get("z", 0), 0)
        self.assertIn("x", fd)
        self.assertEqual(len(fd), 2)
        self.assertEqual(list(fd.keys()), ["x", "y"])
        self.assertEqual(list(fd.values()), [1, 2])
        self.assertEqual(list(fd.items()), [("x", 1), ("y", 2)])
        self.assertEqual(list(reversed(fd)), ["y", "x"])
        with self.assertRaises(KeyError):
            fd["z"]

    def test_repr(self):
        self.assertEqual(repr(frozendict(x=1)), "frozendict({'x': 1})")
        self.assertEqual(repr(frozendict()), "frozendict()")

    def test_abc_and_generic(self):
        self.assertIsInstance(frozendict(), collections.abc.Mapping)
        self.assertNotIsInstance(frozendict(), collections.abc.MutableMapping)
        self.assertIsInstance(frozendict(), collections.abc.Hashable)
        self.assertEqual(repr(frozendict[str, int]), "frozendict[str, int]")

    def test_dict_and_maketrans_accept_it(self):
        fd = frozendict(a="b")
        self.assertEqual(dict(fd), {"a": "b"})
        self.assertEqual(str.maketrans(fd), {97: "b"})


class CopyAndPickle(unittest.TestCase):

    def test_copy(self):
        fd = frozendict(x=[1])
        self.assertIs(copy.copy(fd), fd)
        self.assertIs(fd.copy(), fd)
        deep = copy.deepcopy(fd)
        self.assertEqual(deep, fd)
        self.assertIsNot(deep["x"], fd["x"])
        plain = frozendict(x=1)
        self.assertIs(copy.deepcopy(plain), plain)

    def test_pickle(self):
        fd = frozendict(a=1, b=[2])
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(fd, protocol))
            self.assertIs(type(back), frozendict)
            self.assertEqual(back, fd)


class Json(unittest.TestCase):

    def test_encodes_like_a_dict(self):
        import json
        import json.encoder
        fd = frozendict(b=[1, frozendict(c=None)], a=1)
        self.assertEqual(json.dumps(fd), '{"b": [1, {"c": null}], "a": 1}')
        self.assertEqual(json.dumps(fd, sort_keys=True),
                         '{"a": 1, "b": [1, {"c": null}]}')
        # The pure-Python encoder agrees with the C one.
        saved = json.encoder.c_make_encoder
        json.encoder.c_make_encoder = None
        try:
            self.assertEqual(json.dumps(fd, indent=0, sort_keys=True),
                             '{\n"a": 1,\n"b": [\n1,\n{\n"c": null\n}\n]\n}')
        finally:
            json.encoder.c_make_encoder = saved


class AsNamespace(unittest.TestCase):

    def test_eval_and_exec_globals(self):
        self.assertEqual(eval("x + 1", frozendict(x=1)), 2)
        self.assertEqual(eval("len([x])", frozendict(x=1)), 1)
        namespace = {}
        exec("def f():\n    return x * 2", frozendict(x=21), namespace)
        self.assertEqual(namespace["f"](), 42)
        self.assertIs(type(namespace["f"].__globals__), frozendict)
        with self.assertRaisesRegex(TypeError, "does not support item assignment"):
            exec("y = 1", frozendict())
        with self.assertRaises(TypeError):
            eval("1", [])

    def test_type_namespace(self):
        T = type("T", (), frozendict(z=1, f=lambda self: 7))
        self.assertEqual((T.z, T().f()), (1, 7))
        with self.assertRaisesRegex(TypeError, "argument 3 must be dict, not list"):
            type("T", (), [])


class Subclass(unittest.TestCase):

    def test_missing_and_repr(self):
        class Defaulting(frozendict):
            def __missing__(self, key):
                return key * 2

        fd = Defaulting(a=1)
        self.assertEqual(fd["a"], 1)
        self.assertEqual(fd["zz"], "zzzz")
        self.assertEqual(repr(fd), "Defaulting({'a': 1})")
        self.assertIs(type(fd.copy()), frozendict)


if __name__ == "__main__":
    unittest.main()
