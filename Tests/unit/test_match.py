"""Structural pattern matching (was golden lang_match)."""

import unittest


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Color:
    RED = "red"
    GREEN = "green"


def describe(v):
    match v:
        case None: return "none"
        case True: return "true"
        case 0 | 0.0: return "zero"
        case -1: return "minus one"
        case 1 + 2j: return "complex"
        case "hello" "world": return "concat str"
        case b"by": return "bytes"
        case Color.RED: return "value pattern red"
        case int(n) if n > 100: return "big int %d" % n
        case int() | float() as num: return "number %r" % (num,)
        case str(s) if len(s) == 1: return "char " + s
        case []: return "empty seq"
        case [x]: return "one %r" % (x,)
        case [1, *rest]: return "starts 1 rest %r" % (rest,)
        case [x, y, *_, z]: return "long %r %r %r" % (x, y, z)
        case (a, b): return "pair %r %r" % (a, b)
        case {"type": "circle", "r": r}: return "circle %r" % (r,)
        case {"type": t, **others}: return "typed %s %r" % (t, sorted(others))
        case {}: return "some mapping"
        case Point(0, 0): return "origin"
        case Point(x=0, y=yy): return "on y axis %r" % (yy,)
        case Point(xx, 0): return "on x axis %r" % (xx,)
        case Point(x, y) if x == y: return "diagonal"
        case Point(): return "point"
        case str() as s: return "string %r" % (s,)
        case _: return "other %s" % type(v).__name__


class PatternMatching(unittest.TestCase):

    def test_pattern_kinds(self):
        cases = [
            (None, "none"), (True, "true"), (False, "zero"), (0, "zero"), (0.0, "zero"),
            (-1, "minus one"), (1 + 2j, "complex"), ("helloworld", "concat str"),
            (b"by", "bytes"), ("red", "value pattern red"), (101, "big int 101"),
            (5, "number 5"), (2.5, "number 2.5"), ("c", "char c"), ([], "empty seq"),
            ([9], "one 9"), ((9,), "one 9"), ([1, 2, 3], "starts 1 rest [2, 3]"),
            ([4, 5, 6, 7], "long 4 5 7"), ((4, 5), "pair 4 5"),
            ({"type": "circle", "r": 2}, "circle 2"),
            ({"type": "sq", "a": 1, "b": 2}, "typed sq ['a', 'b']"),
            ({"x": 1}, "some mapping"), (Point(0, 0), "origin"),
            (Point(0, 5), "on y axis 5"), (Point(3, 0), "on x axis 3"),
            (Point(2, 2), "diagonal"), (Point(1, 2), "point"),
            ("long string", "string 'long string'"), (set(), "other set"),
            ("ab", "string 'ab'"),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(describe(value), expected)

    def test_or_as_nested_deep(self):
        match "xyz":
            case "abc" | "xyz" as which:
                self.assertEqual(which, "xyz")
            case _:
                self.fail("or-pattern with as did not match")
        match [1, [2, 3]]:
            case [a, [b, c]]:
                self.assertEqual((a, b, c), (1, 2, 3))
            case _:
                self.fail("nested sequence did not match")
        match {"k": [1, {"z": 2}]}:
            case {"k": [_, {"z": zz}]}:
                self.assertEqual(zz, 2)
            case _:
                self.fail("deep mapping did not match")

    def test_sequence_kinds(self):
        matched = None
        match range(3):
            case [0, 1, 2]:
                matched = "range is a sequence"
        self.assertEqual(matched, "range is a sequence")
        match "abc":
            case [*_]:
                matched = "str is seq?"
            case _:
                matched = "str not sequence"
        self.assertEqual(matched, "str not sequence")
        match [1, 2, 3]:
            case (1, *mid, 3):
                matched = mid
        self.assertEqual(matched, [2])

    def test_capture_guard_self_match_partial_mapping(self):
        match 5:
            case x:
                self.assertEqual(x, 5)
        matched = []
        match 3:
            case int(3):
                matched.append("self-match int")
        match {"a": 1, "b": 2}:
            case {"a": 1}:
                matched.append("mapping partial")
        limit = 10
        match 10:
            case y if y == limit:
                matched.append(("guard ok", y))

        class D(dict):
            pass
        match D(q=1):
            case {"q": qq}:
                matched.append(("dict subclass", qq))
        self.assertEqual(matched, ["self-match int", "mapping partial", ("guard ok", 10),
                                   ("dict subclass", 1)])

    def test_positional_sub_pattern_errors(self):
        class NoArgs:
            pass
        with self.assertRaises(TypeError) as caught:
            match NoArgs():
                case NoArgs(1):
                    pass
        self.assertEqual(str(caught.exception),
                         "NoArgs() accepts 0 positional sub-patterns (1 given)")

        class TooMany:
            __match_args__ = ("a",)
            a = 1
        with self.assertRaises(TypeError) as caught:
            match TooMany():
                case TooMany(1, 2):
                    pass
        self.assertEqual(str(caught.exception),
                         "TooMany() accepts 1 positional sub-pattern (2 given)")
        self.assertEqual(Point.__match_args__, ("x", "y"))


if __name__ == "__main__":
    unittest.main()
