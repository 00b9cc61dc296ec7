"""A TypedDict key declared again by a later base is required or not as
that base says, like its annotation (the last base wins)."""

import unittest
from typing import NotRequired, Required, TypedDict


class Base1(TypedDict):
    a: NotRequired[int]


class Base2(TypedDict):
    a: Required[str]


class TypedDictSameKeyTest(unittest.TestCase):

    def test_later_required_wins(self):
        class Child(Base1, Base2):
            pass
        self.assertEqual(Child.__annotations__, {'a': Required[str]})
        self.assertEqual(Child.__required_keys__, frozenset({'a'}))
        self.assertEqual(Child.__optional_keys__, frozenset())

    def test_later_not_required_wins(self):
        class Child(Base2, Base1):
            pass
        self.assertEqual(Child.__annotations__, {'a': NotRequired[int]})
        self.assertEqual(Child.__required_keys__, frozenset())
        self.assertEqual(Child.__optional_keys__, frozenset({'a'}))

    def test_own_annotation_still_wins(self):
        class Child(Base1, Base2, total=False):
            a: int
        self.assertEqual(Child.__required_keys__, frozenset())
        self.assertEqual(Child.__optional_keys__, frozenset({'a'}))


if __name__ == '__main__':
    unittest.main()
