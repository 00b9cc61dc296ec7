"""typing aliases as bases: List[T] leaves Generic out when a later base
brings it in through __mro_entries__ (Seq[T] of a generic Sequence
subclass is a plain types.GenericAlias), so Generic appears once."""

import collections.abc
import typing
import unittest
from typing import Generic, List, TypeVar

T = TypeVar('T')


class BaseSeq(typing.Sequence[T]):
    pass


class GenericMroTest(unittest.TestCase):

    def test_alias_then_generic_alias(self):
        class MySeq(List[T], BaseSeq[T]):
            pass
        self.assertEqual(MySeq.__mro__, (
            MySeq, list, BaseSeq, collections.abc.Sequence,
            collections.abc.Reversible, collections.abc.Collection,
            collections.abc.Sized, collections.abc.Iterable,
            collections.abc.Container, Generic, object))
        self.assertEqual(MySeq.__parameters__, (T,))

    def test_alias_alone_adds_generic(self):
        class Plain(List[T]):
            pass
        self.assertEqual(Plain.__mro__, (Plain, list, Generic, object))

    def test_later_plain_class(self):
        class Other:
            pass

        class Mixed(List[T], Other):
            pass
        self.assertEqual(Mixed.__mro__, (Mixed, list, Generic, Other, object))


if __name__ == '__main__':
    unittest.main()
