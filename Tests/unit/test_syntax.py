"""Assorted syntax: match edge cases, unpacking targets, chained
assignment, boolean operators, loops with else (was golden lang_syntax)."""

import io
import sys
import unittest


def m(v):
    match v:
        case {"a": 1, **rest} if rest: return f"rest={rest}"
        case {"a": 1}: return "just a"
        case [int() as first, *others] if len(others) > 1: return f"ints {first} {others}"
        case (str() | bytes()) as sb: return f"sb {sb!r}"
        case float(f) if f != f: return "nan"
        case {1: x} | [_, x]: return f"alt {x}"
        case _: return "nothing"


def star(*a, **k): return a, k
def nothing(): pass


def doc():
    "docstring here"


global_var = 1


def use_global():
    return global_var


class MatchEdgeCases(unittest.TestCase):

    def test_patterns(self):
        cases = [
            ({"a": 1, "b": 2}, "rest={'b': 2}"), ({"a": 1}, "just a"), ([1, 2, 3], "ints 1 [2, 3]"),
            ([1, 2], "alt 2"), ("s", "sb 's'"), (b"b", "sb b'b'"), (float("nan"), "nan"),
            ({1: "one"}, "alt one"), ((9, 8), "alt 8"), (4.5, "nothing"),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(m(value), expected)

    def test_subjects(self):
        matched = []
        match sys.version_info[:1]:
            case (3,): matched.append("py3")
        match 1, 2:
            case a, b: matched.append(a + b)
        match [1, 2, 3]:
            case [*all_]: matched.append(all_)
        self.assertEqual(matched, ["py3", 3, [1, 2, 3]])


class Assignment(unittest.TestCase):

    def test_unpacking_targets(self):
        self.assertEqual(star(*(1, 2), *[3], **{"x": 1}, y=2), ((1, 2, 3), {"x": 1, "y": 2}))
        a, (b, *c), d = 1, (2, 3, 4), 5
        self.assertEqual((a, b, c, d), (1, 2, [3, 4], 5))
        first, *_, last = "hello"
        self.assertEqual((first, last), ("h", "o"))
        self.assertEqual([(i, j, k) for i, (j, k) in enumerate([(1, 2), (3, 4)])],
                         [(0, 1, 2), (1, 3, 4)])

    def test_chained_and_swaps(self):
        d = {}
        d["x"] = d.get("x", 0) + 1
        x = y = z = 0
        x += 1
        self.assertEqual((x, y, z, d), (1, 0, 0, {"x": 1}))
        l = [0, 1, 2]
        l[0], l[1] = l[1], l[0]
        self.assertEqual(l, [1, 0, 2])
        i = 0
        l[i], i = 9, 2  # targets are assigned left to right
        self.assertEqual((l, i), ([9, 0, 2], 2))


class Expressions(unittest.TestCase):

    def test_conditionals_and_boolean_operators(self):
        self.assertEqual(1 if 0 else 2 if 0 else 3, 3)
        self.assertEqual(not 1 or 2, 2)
        self.assertEqual(0 and 1, 0)
        self.assertEqual([] or {}, {})
        self.assertIs(1 < 2 < 3 > 0, True)
        with self.assertWarns(SyntaxWarning):  # "is not" with a literal
            value = eval("1 == 1 is not None")
        self.assertIs(value, True)
        self.assertEqual([0 or None, None or 0, "" or "default", [0] and "truthy"],
                         [None, 0, "default", "truthy"])

    def test_lambda_parameters_and_print_sep(self):
        self.assertEqual((lambda x, /, y=2, *, z=3: (x, y, z))(1, z=4), (1, 2, 4))
        out = io.StringIO()
        print(*range(3), sep=", ", file=out)
        self.assertEqual(out.getvalue(), "0, 1, 2\n")

    def test_constants_and_slices(self):
        self.assertEqual(type(...).__name__, "ellipsis")
        self.assertEqual((repr(...), repr(NotImplemented)), ("Ellipsis", "NotImplemented"))
        self.assertIs(Ellipsis, ...)
        s = "abc"
        self.assertEqual((s[1:], s[:-1], s[::2], s[-1::-1]), ("bc", "ab", "ac", "cba"))
        self.assertEqual(chr(0x41) + "\x42" + "\u0043" + "\N{DIGIT ONE}", "ABC1")
        self.assertIsInstance(True, int)
        self.assertTrue(True == 1)
        self.assertIs(type(True + 0), int)

    def test_comprehension_filters(self):
        self.assertEqual([i for i in range(10) if i % 2 if i % 3], [1, 5, 7])
        self.assertEqual([(i, j) for i in range(2) for j in range(i)], [(1, 0)])
        self.assertEqual({i: [j for j in range(i)] for i in range(3)}, {0: [], 1: [0], 2: [0, 1]})


class Statements(unittest.TestCase):

    def test_loop_else_and_finally(self):
        log = []
        while True:
            break
        else:
            log.append("not printed")
        for _ in []:
            pass
        else:
            log.append("for-else ran")
        n = 0
        while n < 3:
            n += 1
        else:
            log.append(("while-else", n))
        try:
            pass
        finally:
            log.append("fin")
        self.assertEqual(log, ["for-else ran", ("while-else", 3), "fin"])

    def test_function_defaults(self):
        self.assertEqual((nothing(), nothing.__doc__, nothing.__module__, nothing.__defaults__),
                         (None, None, __name__, None))
        self.assertEqual(doc.__doc__, "docstring here")
        self.assertEqual(use_global(), 1)


if __name__ == "__main__":
    unittest.main()
