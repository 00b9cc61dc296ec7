"""Calling a generic class's alias C[args]() records the alias on the
instance as __orig_class__ when it can, and otherwise still returns the
instance, whatever the instance's __setattr__ raises (gh-115165)."""

import typing
import unittest


class Immutable[T]:
    def __setattr__(self, name, value):
        raise RuntimeError('immutable')


class Plain[T]:
    pass


class Slotted(typing.Generic[typing.TypeVar('T')]):
    __slots__ = ()


class GenericCallTest(unittest.TestCase):

    def test_raising_setattr_ignored(self):
        obj = Immutable[int]()
        self.assertIsInstance(obj, Immutable)
        self.assertNotIn('__orig_class__', vars(obj))

    def test_orig_class_recorded(self):
        alias = Plain[int]
        self.assertIs(alias().__orig_class__, alias)

    def test_slots_refuse_quietly(self):
        self.assertIsInstance(Slotted[int](), Slotted)

    def test_constructor_errors_propagate(self):
        class Picky[T]:
            def __init__(self):
                raise ValueError('no')
        with self.assertRaisesRegex(ValueError, 'no'):
            Picky[int]()

    def test_interrupts_propagate(self):
        class Stops[T]:
            def __setattr__(self, name, value):
                raise KeyboardInterrupt
        with self.assertRaises(KeyboardInterrupt):
            Stops[int]()


if __name__ == '__main__':
    unittest.main()
