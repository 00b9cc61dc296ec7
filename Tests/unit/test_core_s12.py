"""Core behaviours checked against CPython 3.13 in session 12."""
import pickle
import unittest


class ListCompareShrinkTest(unittest.TestCase):
    def test_comparison_that_empties_both_lists(self):
        # Both __eq__ give up after emptying the other list: the lists are
        # then compared by size, as CPython does (bpo-38588).
        class X:
            def __eq__(self, other):
                right.clear()
                return NotImplemented

        class Y:
            def __eq__(self, other):
                left.clear()
                return NotImplemented

        left, right = [X()], [Y()]
        self.assertTrue(left == right)
        self.assertEqual(left, [])

    def test_difference_still_decides(self):
        self.assertFalse([1, 2] == [1, 3])
        self.assertTrue([1, 2] < [1, 3])


class ReversedListIteratorPickleTest(unittest.TestCase):
    def test_exhausted_stays_reversed(self):
        it = reversed([1, 2])
        list(it)
        self.assertEqual(it.__reduce__(), (reversed, ([],)))
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            copy = pickle.loads(pickle.dumps(it, proto))
            self.assertIs(type(copy), type(it))
            self.assertEqual(list(copy), [])


class StrArgumentCountTest(unittest.TestCase):
    def test_positional_overflow_message(self):
        with self.assertRaisesRegex(
                TypeError, r"^str expected at most 3 arguments, got 4$"):
            str(1, 2, 3, 4)

    def test_subclass_and_keywords_keep_parser_message(self):
        class S(str):
            pass
        with self.assertRaisesRegex(
                TypeError, r"^str\(\) takes at most 3 arguments \(4 given\)$"):
            S(1, 2, 3, 4)
        with self.assertRaisesRegex(
                TypeError, r"^str\(\) takes at most 3 arguments \(5 given\)$"):
            str(1, 2, 3, 4, errors="x")


class PercentIntegerConversionTest(unittest.TestCase):
    class RaisingNumber:
        def __int__(self):
            raise RuntimeError("int")

        def __index__(self):
            raise RuntimeError("index")

    class FloatOnly:
        def __float__(self):
            return 2.5

    def test_d_uses_int_before_index(self):
        number = self.RaisingNumber()
        for fmt in ("%d", "%i", "%u"):
            with self.assertRaisesRegex(RuntimeError, "^int$"):
                fmt % number
            with self.assertRaisesRegex(RuntimeError, "^int$"):
                fmt.encode() % number

    def test_x_uses_index(self):
        number = self.RaisingNumber()
        for fmt in ("%x", "%X", "%o"):
            with self.assertRaisesRegex(RuntimeError, "^index$"):
                fmt % number

    def test_int_type_error_becomes_format_error(self):
        with self.assertRaisesRegex(
                TypeError, "^%d format: a real number is required, not FloatOnly$"):
            "%d" % self.FloatOnly()
        self.assertEqual("%d" % 3.9, "3")


class SliceDeepcopyTest(unittest.TestCase):
    def test_mutable_bounds_are_copied(self):
        import copy
        s = slice([1, 2], [3, 4], [5, 6])
        c = copy.deepcopy(s)
        self.assertIsNot(c, s)
        self.assertEqual(c, s)
        self.assertIsNot(c.start, s.start)
        self.assertIsNot(c.step, s.step)
        self.assertIs(copy.copy(s), s)
        self.assertEqual(copy.deepcopy(slice(1, 10, 2)), slice(1, 10, 2))


class LongRangeIteratorStateTest(unittest.TestCase):
    def test_setstate_skips_and_clamps(self):
        it = iter(range(-2**65, 20, 2))
        it.__setstate__(2**64 + 7)
        self.assertEqual(list(it), [14, 16, 18])
        it = reversed(range(10, 2**65, 2))
        it.__setstate__(2**64 - 7)
        self.assertEqual(list(it), [12, 10])
        it = iter(range(-2**65, 20, 2))
        it.__setstate__(-5)
        self.assertEqual(next(it), -2**65)
        it.__setstate__(2**70)
        self.assertEqual(list(it), [])

    def test_pickle_round_trip(self):
        import pickle
        it = iter(range(2**64, 2**64 + 10, 3))
        next(it)
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            copy = pickle.loads(pickle.dumps(it, proto))
            self.assertEqual(list(copy), [2**64 + 3, 2**64 + 6, 2**64 + 9])


class PropertyNameAndSlotsDocTest(unittest.TestCase):
    def test_name_falls_back_to_property_error(self):
        def setter(self, value):
            pass
        for prop in (property(None, setter), property(1)):
            with self.assertRaisesRegex(
                    AttributeError,
                    "^'property' object has no attribute '__name__'$"):
                prop.__name__

    def test_getter_name_errors_other_than_attribute_error_pass(self):
        class Err:
            def __getattr__(self, attr):
                raise RuntimeError("fail")
        with self.assertRaisesRegex(RuntimeError, "fail"):
            property(Err()).__name__

    def test_slots_subclass_drops_explicit_doc_only(self):
        class slotted_prop(property):
            __slots__ = ("foo",)
        self.assertIsNone(slotted_prop(doc="what's up").__doc__)

        def documented_getter():
            """getter doc."""
        with self.assertRaises(AttributeError):
            slotted_prop(documented_getter)


class StarPatternGroupTest(unittest.TestCase):
    def test_parenthesized_star_alone_is_invalid(self):
        with self.assertRaisesRegex(SyntaxError, "invalid syntax"):
            compile("match x:\n    case (*y):\n        pass\n", "<s>", "exec")
        compile("match x:\n    case (*y,):\n        pass\n", "<s>", "exec")


class BytesLiteralEscapeWarningTest(unittest.TestCase):
    def compile_warnings(self, source):
        import warnings
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            value = eval(source)
        return value, [str(w.message) for w in caught
                       if w.category is SyntaxWarning]

    def test_octal_above_377_warns_in_bytes(self):
        value, messages = self.compile_warnings(r"b'\407'")
        self.assertEqual(value, b"\x07")
        self.assertEqual(len(messages), 1)
        self.assertTrue(messages[0].startswith(
            '"\\407" is an invalid octal escape sequence.'), messages[0])

    def test_first_invalid_escape_only(self):
        value, messages = self.compile_warnings(r"b'\z\q\101'")
        self.assertEqual(value, b"\\z\\qA")
        self.assertEqual(len(messages), 1)
        self.assertTrue(messages[0].startswith('"\\z" is an invalid escape'))


if __name__ == "__main__":
    unittest.main()
