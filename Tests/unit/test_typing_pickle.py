"""Instances of Generic and Protocol subclasses pickle at every
protocol; protocols 0 and 1 go through copyreg._reduce_ex, which must
look past typing.Generic (a built-in type that adds no state)."""

import copyreg
import pickle
import typing
import unittest

T = typing.TypeVar('T')


class Box(typing.Generic[T]):
    pass


class Shape(typing.Protocol):
    def area(self) -> float: ...


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class Counted(int, typing.Generic[T]):
    pass


class GenericPickleTest(unittest.TestCase):

    def test_generic_instance_all_protocols(self):
        box = Box()
        box.x, box.y = 1, [2]
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(proto=proto):
                copy = pickle.loads(pickle.dumps(box, proto))
                self.assertIs(type(copy), Box)
                self.assertEqual((copy.x, copy.y), (1, [2]))

    def test_protocol_subclass_all_protocols(self):
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(proto=proto):
                copy = pickle.loads(pickle.dumps(Square(3), proto))
                self.assertEqual(copy.area(), 9)

    def test_state_of_a_real_base_still_kept(self):
        # int holds state: it stays the base copyreg rebuilds from.
        for proto in (0, 1):
            copy = pickle.loads(pickle.dumps(Counted(7), proto))
            self.assertEqual((type(copy), copy), (Counted, 7))

    def test_reduce_ex_skips_generic(self):
        self.assertEqual(copyreg._reduce_ex(Box(), 1)[1][1], object)



class GenericAliasPickleTest(unittest.TestCase):

    def test_class_alias_all_protocols(self):
        for alias in (Box[int], Box[list[str]], Box[T]):
            for proto in range(pickle.HIGHEST_PROTOCOL + 1):
                with self.subTest(alias=alias, proto=proto):
                    copy = pickle.loads(pickle.dumps(alias, proto))
                    self.assertEqual(copy, alias)
                    self.assertIs(copy.__origin__, Box)

    def test_annotated_class_alias(self):
        alias = typing.Annotated[Box[int], 'decoration']
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(proto=proto):
                self.assertEqual(pickle.loads(pickle.dumps(alias, proto)),
                                 alias)

    def test_reduces_to_subscription(self):
        import operator
        self.assertEqual(Box[int].__reduce__(),
                         (operator.getitem, (Box, int)))


if __name__ == '__main__':
    unittest.main()
