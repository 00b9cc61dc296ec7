"""The alias C[int] of a user generic class (typing._GenericAlias) refuses
isinstance/issubclass with typing's message, and its dir() shows C's plain
names but not C's own dunders."""

import typing
import unittest

T = typing.TypeVar('T')


class Foo(typing.Generic[T]):
    def bar(self):
        pass
    baz = 3
    __magic__ = 4


class PG(typing.Protocol[T]):
    def meth(self):
        pass


MSG = "Subscripted generics cannot be used with class and instance checks"


class ClassAliasChecksTest(unittest.TestCase):

    def test_isinstance_refused(self):
        for alias in (Foo[int], PG[T], PG[int]):
            with self.subTest(alias=alias):
                with self.assertRaisesRegex(TypeError, MSG):
                    isinstance(1, alias)
                with self.assertRaisesRegex(TypeError, MSG):
                    issubclass(int, alias)

    def test_plain_generic_alias_message_unchanged(self):
        with self.assertRaisesRegex(TypeError, "parameterized generic"):
            isinstance([], list[int])

    def test_dir(self):
        names = dir(Foo[int])
        for name in ('bar', 'baz', '__args__', '__parameters__',
                     '__origin__', '__mro_entries__'):
            with self.subTest(name=name):
                self.assertIn(name, names)
        self.assertNotIn('__magic__', names)
        self.assertEqual(names, sorted(set(names)))


if __name__ == '__main__':
    unittest.main()
