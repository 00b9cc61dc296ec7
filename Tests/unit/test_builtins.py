"""Built-in functions: results and exact error messages (was golden
lang_builtins).  Each row is (call, thunk, outcome): the outcome is the
repr of the result ("<typename>" for results whose repr holds an
address), or "ExceptionName: message"."""

import contextlib
import io
import unittest


def outcome(thunk):
    try:
        r = thunk()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    text = repr(r)
    return "<%s>" % type(r).__name__ if " at 0x" in text else text


CASES = [
    ('abs(-5)', lambda: abs(-5), '5'),
    ('abs(-2.5)', lambda: abs(-2.5), '2.5'),
    ('abs(3 + 4j)', lambda: abs(3 + 4j), '5.0'),
    ("abs('x')", lambda: abs('x'), "TypeError: bad operand type for abs(): 'str'"),
    ('abs(True)', lambda: abs(True), '1'),
    ('all([])', lambda: all([]), 'True'),
    ('all([1, 0])', lambda: all([1, 0]), 'False'),
    ('any([])', lambda: any([]), 'False'),
    ("any([0, '', 3])", lambda: any([0, '', 3]), 'True'),
    ("ascii('héllo\\n€')", lambda: ascii('héllo\n€'), '"\'h\\\\xe9llo\\\\n\\\\u20ac\'"'),
    ("ascii([1, 'ü'])", lambda: ascii([1, 'ü']), '"[1, \'\\\\xfc\']"'),
    ('bin(10)', lambda: bin(10), "'0b1010'"),
    ('bin(-10)', lambda: bin(-10), "'-0b1010'"),
    ('bin(0)', lambda: bin(0), "'0b0'"),
    ('bin(1.5)', lambda: bin(1.5), "TypeError: 'float' object cannot be interpreted as an integer"),
    ('bool()', lambda: bool(), 'False'),
    ('bool([])', lambda: bool([]), 'False'),
    ('bool([0])', lambda: bool([0]), 'True'),
    ('callable(len)', lambda: callable(len), 'True'),
    ('callable(1)', lambda: callable(1), 'False'),
    ('callable(type)', lambda: callable(type), 'True'),
    ('chr(65)', lambda: chr(65), "'A'"),
    ('chr(128512)', lambda: chr(128512), "'😀'"),
    ('chr(-1)', lambda: chr(-1), 'ValueError: chr() arg not in range(0x110000)'),
    ('chr(1114112)', lambda: chr(1114112), 'ValueError: chr() arg not in range(0x110000)'),
    ('divmod(7, 2)', lambda: divmod(7, 2), '(3, 1)'),
    ('divmod(-7, 2)', lambda: divmod(-7, 2), '(-4, 1)'),
    ('divmod(7, -2)', lambda: divmod(7, -2), '(-4, -1)'),
    ('divmod(-7.5, 2)', lambda: divmod(-7.5, 2), '(-4.0, 0.5)'),
    ('divmod(1, 0)', lambda: divmod(1, 0), 'ZeroDivisionError: division by zero'),
    ('enumerate(5)', lambda: enumerate(5), "TypeError: 'int' object is not iterable"),
    ("filter(None, [0, 1, 2, '', 'a'])", lambda: filter(None, [0, 1, 2, '', 'a']), '<filter>'),
    ("float('1e3')", lambda: float('1e3'), '1000.0'),
    ("float(' -inf ')", lambda: float(' -inf '), '-inf'),
    ("float('nan')", lambda: float('nan'), 'nan'),
    ("float('x1')", lambda: float('x1'), "ValueError: could not convert string to float: 'x1'"),
    ("float('1_000.5')", lambda: float('1_000.5'), '1000.5'),
    ("format(3.14159, '.2f')", lambda: format(3.14159, '.2f'), "'3.14'"),
    ("format(42, '08b')", lambda: format(42, '08b'), "'00101010'"),
    ("format('s', '^5')", lambda: format('s', '^5'), "'  s  '"),
    ("getattr(1, 'real')", lambda: getattr(1, 'real'), '1'),
    ("getattr(1, 'nope')", lambda: getattr(1, 'nope'), "AttributeError: 'int' object has no attribute 'nope'"),
    ("getattr(1, 'nope', None)", lambda: getattr(1, 'nope', None), 'None'),
    ("hasattr([], 'append')", lambda: hasattr([], 'append'), 'True'),
    ('hash([])', lambda: hash([]), "TypeError: unhashable type: 'list'"),
    ('hash(1)', lambda: hash(1), '1'),
    ('hash(-1)', lambda: hash(-1), '-2'),
    ('hash(2 ** 61 - 1)', lambda: hash(2 ** 61 - 1), '0'),
    ('hash(2 ** 61)', lambda: hash(2 ** 61), '1'),
    ('hash(1.0)', lambda: hash(1.0), '1'),
    ('hash(0.5)', lambda: hash(0.5), '1152921504606846976'),
    ('hex(255)', lambda: hex(255), "'0xff'"),
    ('hex(-255)', lambda: hex(-255), "'-0xff'"),
    ("int('12')", lambda: int('12'), '12'),
    ("int(' 0x1f ', 16)", lambda: int(' 0x1f ', 16), '31'),
    ("int('0b101', 0)", lambda: int('0b101', 0), '5'),
    ("int('z', 36)", lambda: int('z', 36), '35'),
    ("int('1.5')", lambda: int('1.5'), "ValueError: invalid literal for int() with base 10: '1.5'"),
    ('int(3.99)', lambda: int(3.99), '3'),
    ('int(-3.99)', lambda: int(-3.99), '-3'),
    ("int('12', 1)", lambda: int('12', 1), 'ValueError: int() base must be >= 2 and <= 36, or 0'),
    ("int('1_000')", lambda: int('1_000'), '1000'),
    ("int('')", lambda: int(''), "ValueError: invalid literal for int() with base 10: ''"),
    ('isinstance(1, int)', lambda: isinstance(1, int), 'True'),
    ('issubclass(bool, int)', lambda: issubclass(bool, int), 'True'),
    ('issubclass(1, int)', lambda: issubclass(1, int), 'TypeError: issubclass() arg 1 must be a class'),
    ('iter(5)', lambda: iter(5), "TypeError: 'int' object is not iterable"),
    ('next(iter([]))', lambda: next(iter([])), 'StopIteration: '),
    ("len('abc')", lambda: len('abc'), '3'),
    ('len(5)', lambda: len(5), "TypeError: object of type 'int' has no len()"),
    ('len({1: 2})', lambda: len({1: 2}), '1'),
    ("list('ab')", lambda: list('ab'), "['a', 'b']"),
    ('list(1)', lambda: list(1), "TypeError: 'int' object is not iterable"),
    ('map(None)', lambda: map(None), 'TypeError: map() must have at least two arguments.'),
    ('max([1, 3, 2])', lambda: max([1, 3, 2]), '3'),
    ('max([])', lambda: max([]), 'ValueError: max() iterable argument is empty'),
    ('max([], default=0)', lambda: max([], default=0), '0'),
    ('max(1, 2, key=lambda x: -x)', lambda: max(1, 2, key=lambda x: -x), '1'),
    ("max('abc')", lambda: max('abc'), "'c'"),
    ('min([3, 1, 2])', lambda: min([3, 1, 2]), '1'),
    ('min(5)', lambda: min(5), "TypeError: 'int' object is not iterable"),
    ('oct(8)', lambda: oct(8), "'0o10'"),
    ('oct(-8)', lambda: oct(-8), "'-0o10'"),
    ("ord('a')", lambda: ord('a'), '97'),
    ("ord('ab')", lambda: ord('ab'), 'TypeError: ord() expected a character, but string of length 2 found'),
    ("ord('€')", lambda: ord('€'), '8364'),
    ('pow(2, 10)', lambda: pow(2, 10), '1024'),
    ('pow(2, -1)', lambda: pow(2, -1), '0.5'),
    ('pow(2, 10, 1000)', lambda: pow(2, 10, 1000), '24'),
    ('pow(3, -1, 7)', lambda: pow(3, -1, 7), '5'),
    ('pow(0, -1)', lambda: pow(0, -1), 'ZeroDivisionError: zero to a negative power'),
    ('range(5)', lambda: range(5), 'range(0, 5)'),
    ('range(1, 10, 3)', lambda: range(1, 10, 3), 'range(1, 10, 3)'),
    ('range(0, 1, 0)', lambda: range(0, 1, 0), 'ValueError: range() arg 3 must not be zero'),
    ('repr("a\'b")', lambda: repr("a'b"), '\'"a\\\'b"\''),
    ('repr(\'a"b\')', lambda: repr('a"b'), '\'\\\'a"b\\\'\''),
    ('repr(\'a\\\'b"c\')', lambda: repr('a\'b"c'), '\'\\\'a\\\\\\\'b"c\\\'\''),
    ("repr('\\x00\\tሴ')", lambda: repr('\x00\tሴ'), '"\'\\\\x00\\\\tሴ\'"'),
    ('reversed([1, 2])', lambda: reversed([1, 2]), '<list_reverseiterator>'),
    ('round(2.5)', lambda: round(2.5), '2'),
    ('round(3.5)', lambda: round(3.5), '4'),
    ('round(-0.5)', lambda: round(-0.5), '0'),
    ('round(2.675, 2)', lambda: round(2.675, 2), '2.67'),
    ('round(1234, -2)', lambda: round(1234, -2), '1200'),
    ('round(1.5, None)', lambda: round(1.5, None), '2'),
    ('round(5, 0)', lambda: round(5, 0), '5'),
    ("setattr(1, 'x', 2)", lambda: setattr(1, 'x', 2), "AttributeError: 'int' object has no attribute 'x' and no __dict__ for setting new attributes"),
    ('slice(1, 2)', lambda: slice(1, 2), 'slice(1, 2, None)'),
    ('sorted([3, 1, 2])', lambda: sorted([3, 1, 2]), '[1, 2, 3]'),
    ("sorted([1, 'a'])", lambda: sorted([1, 'a']), "TypeError: '<' not supported between instances of 'str' and 'int'"),
    ("str(b'x')", lambda: str(b'x'), '"b\'x\'"'),
    ("str(b'x', 'ascii')", lambda: str(b'x', 'ascii'), "'x'"),
    ('sum([1, 2, 3])', lambda: sum([1, 2, 3]), '6'),
    ('sum([1.5, 2])', lambda: sum([1.5, 2]), '3.5'),
    ('sum([[1], [2]], [])', lambda: sum([[1], [2]], []), '[1, 2]'),
    ("sum(['a'], '')", lambda: sum(['a'], ''), "TypeError: sum() can't sum strings [use ''.join(seq) instead]"),
    ('tuple([1])', lambda: tuple([1]), '(1,)'),
    ('type(1)', lambda: type(1), "<class 'int'>"),
    ("type('N', (), {'a': 1})", lambda: type('N', (), {'a': 1}), f"<class '{__name__}.N'>"),
    ('vars(1)', lambda: vars(1), 'TypeError: vars() argument must have __dict__ attribute'),
    ("zip([1, 2], 'ab')", lambda: zip([1, 2], 'ab'), '<zip>'),
    ("(lambda: list(zip([1, 2], 'a', strict=True)))()", lambda: (lambda: list(zip([1, 2], 'a', strict=True)))(), 'ValueError: zip() argument 2 is shorter than argument 1'),
    ("(lambda: list(zip([1], 'ab', strict=True)))()", lambda: (lambda: list(zip([1], 'ab', strict=True)))(), 'ValueError: zip() argument 2 is longer than argument 1'),
    ('bytes(3)', lambda: bytes(3), "b'\\x00\\x00\\x00'"),
    ('bytes([65, 66])', lambda: bytes([65, 66]), "b'AB'"),
    ("bytes('x')", lambda: bytes('x'), 'TypeError: string argument without an encoding'),
    ("bytearray(b'ab')", lambda: bytearray(b'ab'), "bytearray(b'ab')"),
    ("complex('1+2j')", lambda: complex('1+2j'), '(1+2j)'),
    ('complex(1, 2)', lambda: complex(1, 2), '(1+2j)'),
    ("complex('x')", lambda: complex('x'), 'ValueError: complex() arg is a malformed string'),
    ('frozenset([1, 1])', lambda: frozenset([1, 1]), 'frozenset({1})'),
    ('dict([(1, 2)])', lambda: dict([(1, 2)]), '{1: 2}'),
    ('dict([1])', lambda: dict([1]), 'TypeError: cannot convert dictionary update sequence element #0 to a sequence'),
    ("eval('1 + 2')", lambda: eval('1 + 2'), '3'),
    ("eval('x + 1', {'x': 4})", lambda: eval('x + 1', {'x': 4}), '5'),
    ("compile('1+', '<s>', 'eval')", lambda: compile('1+', '<s>', 'eval'), 'SyntaxError: invalid syntax (<s>, line 1)'),
]


class BuiltinFunctions(unittest.TestCase):

    def test_table(self):
        self.assertEqual(len(CASES), 136)
        for call, thunk, expected in CASES:
            with self.subTest(call=call):
                self.assertEqual(outcome(thunk), expected)

    def test_iteration_helpers(self):
        self.assertEqual(list(enumerate("ab", start=5)), [(5, "a"), (6, "b")])
        self.assertEqual(list(filter(None, [0, 1, "", "a"])), [1, "a"])
        self.assertEqual((next(iter([1])), next(iter([]), "d")), (1, "d"))
        self.assertEqual(list(map(pow, [2, 3], [3, 2])), [8, 9])
        self.assertEqual(list(map(str, range(3))), ["0", "1", "2"])
        self.assertEqual(list(reversed("abc")), ["c", "b", "a"])
        self.assertEqual(list(reversed(range(3))), [2, 1, 0])
        self.assertEqual(list(zip([1, 2, 3], "ab")), [(1, "a"), (2, "b")])
        self.assertEqual(list(zip()), [])

    def test_range_and_slice(self):
        self.assertEqual(list(range(10, 0, -3)), [10, 7, 4, 1])
        self.assertEqual(range(5)[1:3], range(1, 3))
        self.assertEqual(repr(range(5)[1:3]), "range(1, 3)")
        self.assertEqual(range(0, 10, 2)[-1], 8)
        self.assertEqual(len(range(0, -10, -3)), 4)
        self.assertIn(4, range(0, 10, 2))
        self.assertEqual(slice(1, 10, 2).indices(5), (1, 5, 2))

    def test_introspection(self):
        self.assertEqual(dir(object)[:5], ["__class__", "__delattr__", "__dir__", "__doc__",
                                           "__eq__"])
        self.assertIs(type(id(1)), int)
        self.assertIsInstance(print, type(len))
        self.assertEqual((len.__name__, print.__qualname__), ("len", "print"))

    def test_exec_prints_and_returns_none(self):
        namespace = {}
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            result = exec("y = 5\nprint(y)", namespace)
        self.assertIsNone(result)
        self.assertEqual(out.getvalue(), "5\n")
        self.assertEqual(namespace["y"], 5)



class Prop:
    def __init__(self):
        self._v = 1

    def getv(self):
        return self._v

    def setv(self, v):
        self._v = v
    v = property(getv, setv)


class MoreBuiltins(unittest.TestCase):
    """Was golden builtins_misc."""

    def test_values(self):
        self.assertEqual(
            [abs(-2), all([1, 1]), any([0, 0]), ascii("ü"), bin(10), bool("x"), callable(len)],
            [2, True, False, "'\\xfc'", "0b1010", True, True])
        self.assertEqual([chr(0x263A), divmod(-9, 4), list(enumerate("xy")),
                          list(filter(lambda v: v > 1, [1, 2, 3]))],
                         ["\u263a", (-3, 3), [(0, "x"), (1, "y")], [2, 3]])
        self.assertEqual([format(1234.5678, ",.2f"), format(255, "08b"), hex(-255),
                          int("0b101", 0), isinstance(1, (str, int))],
                         ["1,234.57", "11111111", "-0xff", 5, True])
        self.assertEqual([len({1: 2}), list(map(pow, [2, 3], [3, 2])), max("abc"),
                          min(3, 2, key=lambda v: -v), oct(64)],
                         [1, [8, 9], "c", 3, "0o100"])
        self.assertEqual([ord("€"), pow(2, -2), repr(1.0), round(3.14159, 3), round(-0.5),
                          sorted({3: 1, 1: 2})],
                         [8364, 0.25, "1.0", 3.142, 0, [1, 3]])
        self.assertEqual([sum([[1], [2]], []), tuple("ab"), type(1.5).__name__,
                          list(zip(range(3), "abc", [True] * 3))],
                         [[1, 2], ("a", "b"), "float",
                          [(0, "a", True), (1, "b", True), (2, "c", True)]])
        self.assertEqual([list(reversed(range(4))), repr(slice(1, 5, 2)), repr(range(2, 9, 3)),
                          repr(frozenset()), set("aab") == {"a", "b"}],
                         [[3, 2, 1, 0], "slice(1, 5, 2)", "range(2, 9, 3)", "frozenset()", True])
        self.assertEqual([next(iter([]), "empty"), list(iter(lambda: None, None)),
                          hash(1) == hash(1.0)], ["empty", [], True])
        self.assertEqual([int.__name__, object().__class__.__name__, type(type).__name__,
                          issubclass(type, object)], ["int", "object", "type", True])
        self.assertEqual(["%5.1f|%-4s|%03d" % (2.25, "ab", 7), str(b"x", "ascii"), bytes(3),
                          bytearray(2)],
                         ["  2.2|ab  |007", "x", b"\x00\x00\x00", bytearray(b"\x00\x00")])
        self.assertEqual([dict(a=1, **{"b": 2}), list(dict.fromkeys([3, 1, 3]))],
                         [{"a": 1, "b": 2}, [3, 1]])
        import sys
        self.assertTrue(sys.maxsize > 2 ** 31)

    def test_strict_zip(self):
        with self.assertRaises(ValueError) as caught:
            list(zip([1, 2], [1], strict=True))
        self.assertEqual(str(caught.exception), "zip() argument 2 is shorter than argument 1")

    def test_attribute_builtins_with_property(self):
        p = Prop()
        p.v = 7
        self.assertEqual(p.v, 7)
        self.assertFalse(hasattr(p, "nope"))
        self.assertEqual(getattr(p, "_v"), 7)
        self.assertIsNone(delattr(p, "_v"))
        self.assertFalse(hasattr(p, "_v"))

    def test_print_to_files(self):
        import contextlib
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            import sys
            print("done", file=sys.stdout, flush=True)
            print("to stderr", file=sys.stderr)
        self.assertEqual((out.getvalue(), err.getvalue()), ("done\n", "to stderr\n"))

if __name__ == "__main__":
    unittest.main()
