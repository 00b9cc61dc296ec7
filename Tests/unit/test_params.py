"""Parameter kinds, argument binding errors, unpacking (was golden
lang_params)."""

import unittest


def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, kw)


def g(x, y=2): return x, y
def h(*, k): return k
def p(a, /): return a
def none(): return 0
def many(a, b, c): pass
def kwo(*, a, b): pass
def vararg(*args): return args
def kwargs(**kw): return kw
def keyword_names(**kw): return list(kw)
def unpack(a, b, *rest): return a, b, rest


def annotated(a: int, b: "str" = "x") -> list: pass


def forward(fn, *a, **k):
    return fn(*a, **k)


class M:
    def meth(self, x): return x

    @staticmethod
    def st(x): return x

    @classmethod
    def cm(cls, x): return cls.__name__, x


def outcome(fn, *a, **k):
    """The result of the call, or "TypeError: message"."""
    try:
        return fn(*a, **k)
    except TypeError as e:
        return "TypeError: %s" % e


class Binding(unittest.TestCase):

    def test_successful_calls(self):
        self.assertEqual(f(1, 2, 3, e=5), (1, 2, 3, 4, (), 5, 6, {}))
        self.assertEqual(f(1, 2, c=3, e=5, z=9), (1, 2, 3, 4, (), 5, 6, {"z": 9}))
        self.assertEqual(f(1, 2, 3, 4, 5, 6, e=7, f=8, a=1), (1, 2, 3, 4, (5, 6), 7, 8, {"a": 1}))
        self.assertEqual((vararg(), vararg(*[1, 2], *(3,)), vararg(*"ab")),
                         ((), (1, 2, 3), ("a", "b")))
        self.assertEqual((kwargs(**{"a": 1}, b=2), kwargs(**{})), ({"a": 1, "b": 2}, {}))
        self.assertEqual((M.st(1), M().st(2), M.cm(3), M().cm(4)), (1, 2, ("M", 3), ("M", 4)))
        self.assertEqual((len(*["abc"]), max(*[1, 5, 3]), dict(a=1, **{"b": 2})),
                         (3, 5, {"a": 1, "b": 2}))
        self.assertEqual(unpack(*range(5)), (0, 1, (2, 3, 4)))
        self.assertEqual(keyword_names(z=1, a=2, m=3), ["z", "a", "m"])
        self.assertEqual(sorted(["b", "A", "c"], key=str.lower), ["A", "b", "c"])

    def test_binding_errors(self):
        cases = [
            ((f, 1), {}, "f() missing 2 required positional arguments: 'b' and 'c'"),
            ((f, 1, 2, 3), {}, "f() missing 1 required keyword-only argument: 'e'"),
            ((f,), dict(a=1, b=2, c=3, e=4),
             "f() missing 2 required positional arguments: 'a' and 'b'"),
            ((f, 1, 2, 3), dict(c=3, e=4), "f() got multiple values for argument 'c'"),
            ((g,), {}, "g() missing 1 required positional argument: 'x'"),
            ((g, 1, 2, 3), {}, "g() takes from 1 to 2 positional arguments but 3 were given"),
            ((g, 1), dict(z=3), "g() got an unexpected keyword argument 'z'"),
            ((g, 1), dict(x=3), "g() got multiple values for argument 'x'"),
            ((g,), dict(y=1), "g() missing 1 required positional argument: 'x'"),
            ((h, 1), {}, "h() takes 0 positional arguments but 1 was given"),
            ((h,), {}, "h() missing 1 required keyword-only argument: 'k'"),
            ((p,), dict(a=1),
             "p() got some positional-only arguments passed as keyword arguments: 'a'"),
            ((none, 1), {}, "none() takes 0 positional arguments but 1 was given"),
            ((none,), dict(q=1), "none() got an unexpected keyword argument 'q'"),
            ((many, 1), {}, "many() missing 2 required positional arguments: 'b' and 'c'"),
            ((many,), {}, "many() missing 3 required positional arguments: 'a', 'b', and 'c'"),
            ((kwo,), {}, "kwo() missing 2 required keyword-only arguments: 'a' and 'b'"),
            ((kwargs, 1), {}, "kwargs() takes 0 positional arguments but 1 was given"),
            ((M().meth,), {}, "M.meth() missing 1 required positional argument: 'x'"),
            ((M.meth, 1), {}, "M.meth() missing 1 required positional argument: 'x'"),
            ((M().meth, 1, 2), {}, "M.meth() takes 2 positional arguments but 3 were given"),
            ((len,), {}, "len() takes exactly one argument (0 given)"),
            ((len, 1, 2), {}, "len() takes exactly one argument (2 given)"),
            ((abs,), dict(x=1), "abs() takes no keyword arguments"),
            ((sorted, [1], [2]), {}, "sorted expected 1 argument, got 2"),
        ]
        for args, kw, message in cases:
            with self.subTest(message=message):
                self.assertEqual(outcome(*args, **kw), "TypeError: " + message)

    def test_call_site_unpacking_errors(self):
        with self.assertRaises(TypeError) as caught:
            forward(kwargs, **{"a": 1}, a=2)
        self.assertEqual(str(caught.exception),
                         f"{__name__}.forward() got multiple values for keyword argument 'a'")
        with self.assertRaises(TypeError) as caught:
            forward(*1)
        self.assertEqual(str(caught.exception),
                         f"{__name__}.forward() argument after * must be an iterable, not int")

    def test_mutable_default_is_shared(self):
        def defaults(a, L=[]):
            L.append(a)
            return L
        first = defaults(1)
        self.assertIs(defaults(2), first)
        self.assertEqual(first, [1, 2])

    def test_code_and_function_metadata(self):
        self.assertEqual((f.__defaults__, f.__kwdefaults__), ((4,), {"f": 6}))
        code = f.__code__
        self.assertEqual((code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount),
                         (4, 2, 2))
        self.assertEqual(code.co_varnames, ("a", "b", "c", "d", "e", "f", "args", "kw"))
        self.assertEqual(annotated.__annotations__, {"a": int, "b": "str", "return": list})


class Unpacking(unittest.TestCase):

    def test_starred_and_nested_targets(self):
        a, *b, c = range(6)
        self.assertEqual((a, b, c), (0, [1, 2, 3, 4], 5))
        (a, b), c = (1, 2), 3
        self.assertEqual((a, b, c), (1, 2, 3))

    def test_unpacking_errors(self):
        def two(v):
            x, y = v

        def three(v):
            x, y, z = v

        def starred(v):
            x, *y, z = v
        cases = [
            (ValueError, "too many values to unpack (expected 2, got 3)", two, [1, 2, 3]),
            (ValueError, "not enough values to unpack (expected 3, got 2)", three, [1, 2]),
            (ValueError, "not enough values to unpack (expected at least 2, got 1)", starred, [1]),
            (TypeError, "cannot unpack non-iterable int object", two, 5),
        ]
        for error, message, fn, value in cases:
            with self.subTest(message=message):
                with self.assertRaises(error) as caught:
                    fn(value)
                self.assertEqual(str(caught.exception), message)


if __name__ == "__main__":
    unittest.main()
