"""typing.get_type_hints on a TypedDict whose base, defined in another
module with postponed annotations, names a type only that module has."""

import sys
import types
import typing
import unittest

HELPER = '''
from __future__ import annotations
from typing import Generic, Optional, TypedDict, TypeVar

OptionalIntType = Optional[int]
T = TypeVar("T")

class Foo(TypedDict):
    a: OptionalIntType

class FooGeneric(TypedDict, Generic[T]):
    a: Optional[T]
'''


def load_helper():
    module = types.ModuleType('weft_typeddict_helper')
    sys.modules[module.__name__] = module
    exec(compile(HELPER, '<helper>', 'exec'), module.__dict__)
    return module


class CrossModuleTypedDictTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.helper = load_helper()

    @classmethod
    def tearDownClass(cls):
        del sys.modules['weft_typeddict_helper']

    def test_inherited_forward_reference(self):
        class Bar(self.helper.Foo, total=False):
            b: int
        self.assertEqual(typing.get_type_hints(Bar),
                         {'a': typing.Optional[int], 'b': int})

    def test_inherited_generic_forward_reference(self):
        T = self.helper.T

        class BarGeneric(self.helper.FooGeneric[T], total=False):
            b: int
        self.assertEqual(typing.get_type_hints(BarGeneric),
                         {'a': typing.Optional[T], 'b': int})


if __name__ == '__main__':
    unittest.main()
