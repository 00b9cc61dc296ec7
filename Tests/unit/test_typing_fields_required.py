"""NamedTuple() and TypedDict() called as functions need their fields
(3.15 ended the 3.13 deprecation): leaving them out or passing None is a
TypeError; an empty list or dict still makes a class with no fields."""

import unittest
from typing import NamedTuple, TypedDict


class FieldsRequiredTest(unittest.TestCase):

    def test_missing(self):
        for factory in (NamedTuple, TypedDict):
            with self.subTest(factory=factory.__name__):
                with self.assertRaisesRegex(
                        TypeError, "missing 1 required positional argument: "
                                   "'fields'"):
                    factory('Empty')

    def test_none(self):
        for factory in (NamedTuple, TypedDict):
            with self.subTest(factory=factory.__name__):
                with self.assertRaises(TypeError):
                    factory('Empty', None)

    def test_keywords_refused(self):
        with self.assertRaises(TypeError):
            NamedTuple('NT', x=int)

    def test_empty_allowed(self):
        NT = NamedTuple('NT', [])
        self.assertEqual(NT._fields, ())
        self.assertEqual(NT(), ())
        TD = TypedDict('TD', {})
        self.assertEqual(TD.__required_keys__, frozenset())
        self.assertEqual(TD(), {})

        class Cls(NamedTuple):
            pass
        self.assertEqual(Cls._fields, ())


if __name__ == '__main__':
    unittest.main()
