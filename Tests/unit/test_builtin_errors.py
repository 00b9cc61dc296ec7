"""Exact messages of the errors built-in functions, methods and operators
raise on bad arguments (was golden lang_errors).  Each row is (expression,
thunk, outcome): the outcome is the repr of the result or
"ExceptionName: message"."""

import unittest


def outcome(thunk):
    try:
        return repr(thunk())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


# The lambdas are at module level on purpose: super() and vars() inside
# them behave as in a plain module-level function.
CASES = [
    ('"abc".center()', lambda: "abc".center(), 'TypeError: center expected at least 1 argument, got 0'),
    ('"abc".center(5, "xy")', lambda: "abc".center(5, "xy"), 'TypeError: The fill character must be exactly one character long'),
    ('"a".join("b", "c")', lambda: "a".join("b", "c"), 'TypeError: str.join() takes exactly one argument (2 given)'),
    ('"abc".split("")', lambda: "abc".split(""), 'ValueError: empty separator'),
    ('"x".startswith(1)', lambda: "x".startswith(1), 'TypeError: startswith first arg must be str or a tuple of str, not int'),
    ('"abc"[::0]', lambda: "abc"[::0], 'ValueError: slice step cannot be zero'),
    ('[1, 2][::0]', lambda: [1, 2][::0], 'ValueError: slice step cannot be zero'),
    ('list.index([1], 2)', lambda: list.index([1], 2), 'ValueError: 2 is not in list'),
    ('[].remove(1)', lambda: [].remove(1), 'ValueError: list.remove(x): x not in list'),
    ('{}.pop(1)', lambda: {}.pop(1), 'KeyError: 1'),
    ('dict(1)', lambda: dict(1), "TypeError: 'int' object is not iterable"),
    ('dict([(1, 2, 3)])', lambda: dict([(1, 2, 3)]), 'ValueError: dictionary update sequence element #0 has length 3; 2 is required'),
    ('int("1", base=40)', lambda: int("1", base=40), 'ValueError: int() base must be >= 2 and <= 36, or 0'),
    ('int(None)', lambda: int(None), "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"),
    ('float([])', lambda: float([]), "TypeError: float() argument must be a string or a real number, not 'list'"),
    ('str(1, 2)', lambda: str(1, 2), "TypeError: str() argument 'encoding' must be str, not int"),
    ('tuple(1)', lambda: tuple(1), "TypeError: 'int' object is not iterable"),
    ('set([[]])', lambda: set([[]]), "TypeError: unhashable type: 'list'"),
    ('sum(["a", "b"])', lambda: sum(["a", "b"]), "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
    ('sorted([1], key=1)', lambda: sorted([1], key=1), "TypeError: 'int' object is not callable"),
    ('min()', lambda: min(), 'TypeError: min expected at least 1 argument, got 0'),
    ('max(1)', lambda: max(1), "TypeError: 'int' object is not iterable"),
    ('range(1.5)', lambda: range(1.5), "TypeError: 'float' object cannot be interpreted as an integer"),
    ('chr("a")', lambda: chr("a"), "TypeError: 'str' object cannot be interpreted as an integer"),
    ('ord(1)', lambda: ord(1), 'TypeError: ord() expected string of length 1, but int found'),
    ('divmod(1, "a")', lambda: divmod(1, "a"), "TypeError: unsupported operand type(s) for divmod(): 'int' and 'str'"),
    ('abs(None)', lambda: abs(None), "TypeError: bad operand type for abs(): 'NoneType'"),
    ('round("x")', lambda: round("x"), "TypeError: type str doesn't define __round__ method"),
    ('round(1.5, "x")', lambda: round(1.5, "x"), "TypeError: 'str' object cannot be interpreted as an integer"),
    ('hash({})', lambda: hash({}), "TypeError: unhashable type: 'dict'"),
    ('iter(1, 2)', lambda: iter(1, 2), 'TypeError: iter(v, w): v must be callable'),
    ('next([])', lambda: next([]), "TypeError: 'list' object is not an iterator"),
    ('getattr(1)', lambda: getattr(1), 'TypeError: getattr expected at least 2 arguments, got 1'),
    ('setattr(1, 2, 3)', lambda: setattr(1, 2, 3), "TypeError: attribute name must be string, not 'int'"),
    ('isinstance(1, (int, 1))', lambda: isinstance(1, (int, 1)), 'True'),
    ('issubclass(int, 1)', lambda: issubclass(int, 1), 'TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union'),
    ('zip(1)', lambda: zip(1), "TypeError: 'int' object is not iterable"),
    ('map(len)', lambda: map(len), 'TypeError: map() must have at least two arguments.'),
    ('enumerate()', lambda: enumerate(), "TypeError: enumerate() missing required argument 'iterable'"),
    ('format(1, 2)', lambda: format(1, 2), 'TypeError: format() argument 2 must be str, not int'),
    ('bytes("x")', lambda: bytes("x"), 'TypeError: string argument without an encoding'),
    ('bytes(-1)', lambda: bytes(-1), 'ValueError: negative count'),
    ('bytearray(1.5)', lambda: bytearray(1.5), "TypeError: cannot convert 'float' object to bytearray"),
    ('"%d" % None', lambda: "%d" % None, 'TypeError: %d format: a real number is required, not NoneType'),
    ('"%s %s" % "a"', lambda: "%s %s" % "a", 'TypeError: not enough arguments for format string'),
    ('"{0}{}".format(1, 2)', lambda: "{0}{}".format(1, 2), 'ValueError: cannot switch from manual field specification to automatic field numbering'),
    ('"{:>>}".format(1)', lambda: "{:>>}".format(1), "'1'"),
    ('(1).__add__()', lambda: (1).__add__(), 'TypeError: expected 1 argument, got 0'),
    ('object.__init__(1, 2)', lambda: object.__init__(1, 2), 'None'),
    ('object(1)', lambda: object(1), 'TypeError: object() takes no arguments'),
    ('type(1, 2)', lambda: type(1, 2), 'TypeError: type() takes 1 or 3 arguments'),
    ('type("X", (1,), {})', lambda: type("X", (1,), {}), 'TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases'),
    ('super()', lambda: super(), 'RuntimeError: super(): no arguments'),
    ('vars()', lambda: vars(), '{}'),
    ('[1][1:2:0]', lambda: [1][1:2:0], 'ValueError: slice step cannot be zero'),
    ('"a" < 1', lambda: "a" < 1, "TypeError: '<' not supported between instances of 'str' and 'int'"),
    ('[1] < "a"', lambda: [1] < "a", "TypeError: '<' not supported between instances of 'list' and 'str'"),
    ('None < None', lambda: None < None, "TypeError: '<' not supported between instances of 'NoneType' and 'NoneType'"),
    ('1 + None', lambda: 1 + None, "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'"),
    ('{} + {}', lambda: {} + {}, "TypeError: unsupported operand type(s) for +: 'dict' and 'dict'"),
    ('{1} + {2}', lambda: {1} + {2}, "TypeError: unsupported operand type(s) for +: 'set' and 'set'"),
    ('2 ** "a"', lambda: 2 ** "a", "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'"),
    ('"a" - "b"', lambda: "a" - "b", "TypeError: unsupported operand type(s) for -: 'str' and 'str'"),
    ('~1.5', lambda: ~1.5, "TypeError: bad operand type for unary ~: 'float'"),
    ('1 @ 2', lambda: 1 @ 2, "TypeError: unsupported operand type(s) for @: 'int' and 'int'"),
    ('1 .x', lambda: 1 .x, "AttributeError: 'int' object has no attribute 'x'"),
    ('(1, 2)[5]', lambda: (1, 2)[5], 'IndexError: tuple index out of range'),
    ('"ab"[5]', lambda: "ab"[5], 'IndexError: string index out of range'),
    ('{}["k"]', lambda: {}["k"], "KeyError: 'k'"),
    ('b"a" + "b"', lambda: b"a" + "b", "TypeError: can't concat str to bytes"),
    ('[].sort(1)', lambda: [].sort(1), 'TypeError: sort() takes no positional arguments'),
    ('[3, 1].sort(reverse=None)', lambda: [3, 1].sort(reverse=None), "TypeError: 'NoneType' object cannot be interpreted as an integer"),
]


class BuiltinErrorMessages(unittest.TestCase):

    def test_table(self):
        self.assertEqual(len(CASES), 72)
        for expression, thunk, expected in CASES:
            with self.subTest(expression=expression):
                self.assertEqual(outcome(thunk), expected)

    def test_str_from_bytes(self):
        self.assertEqual([str(b"ab", "ascii"), str(b"a\xff", encoding="latin-1"),
                          str(b"\xff", "utf-8", "replace"), str(), str(1)],
                         ["ab", "a\xff", "\ufffd", "", "1"])
        with self.assertRaises(TypeError) as caught:
            str(b"x", errors=5)
        self.assertEqual(str(caught.exception), "str() argument 'errors' must be str, not int")

    def test_bytearray_extend_not_iterable_reports_nothing(self):
        # The probe for __iter__ used to run with the TypeError pending,
        # which was reported as "Exception ignored" on stderr.
        import sys
        reported = []
        saved, sys.unraisablehook = sys.unraisablehook, reported.append
        try:
            with self.assertRaises(TypeError) as caught:
                bytearray().extend(5)
        finally:
            sys.unraisablehook = saved
        self.assertEqual(str(caught.exception), "can't extend bytearray with int")
        self.assertEqual(reported, [])
        with self.assertRaises(TypeError) as caught:
            bytearray().extend([1, "x"])
        self.assertEqual(str(caught.exception),
                         "'str' object cannot be interpreted as an integer")

    def test_enumerate_start_and_keyword(self):
        self.assertEqual(list(enumerate("ab", 1)), [(1, "a"), (2, "b")])
        self.assertEqual(list(enumerate(iterable="x")), [(0, "x")])


if __name__ == "__main__":
    unittest.main()
