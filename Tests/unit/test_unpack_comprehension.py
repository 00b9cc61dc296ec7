"""PEP 798 (3.15): unpacking in comprehensions (was golden
lang_unpack_comp).  Expected values follow the 3.15 semantics."""

import unittest


class UnpackingInComprehensions(unittest.TestCase):

    def test_each_display_kind(self):
        y = [{1: 2}, {3: 4}]
        self.assertEqual({**x for x in y}, {1: 2, 3: 4})
        self.assertEqual([*x for x in [[1], [2, 3]]], [1, 2, 3])
        self.assertEqual({*x for x in ["ab", "bc"]}, {"a", "b", "c"})
        self.assertEqual(list((*x for x in [(1, 2), (3,)])), [1, 2, 3])

    def test_inside_function(self):
        def f(ys):
            return [*y for y in ys], {**d for d in [{"k": v} for v in ys]}
        self.assertEqual(f(["ab", "c"]), (["a", "b", "c"], {"k": "c"}))

    def test_errors(self):
        with self.assertRaises(TypeError) as caught:
            [*x for x in [1]]
        self.assertEqual(str(caught.exception), "Value after * must be an iterable, not int")
        with self.assertRaises(TypeError) as caught:
            {**x for x in [1]}
        self.assertEqual(str(caught.exception), "'int' object is not a mapping")


if __name__ == "__main__":
    unittest.main()
