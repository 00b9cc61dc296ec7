"""get_type_hints gives *tuple[...] annotations as Unpack[tuple[...]], as
typing evaluates any starred alias, real or in a string."""

import unittest
from typing import TypeVarTuple, Unpack, get_type_hints

Ts = TypeVarTuple('Ts')


def starred(*args: *tuple[int, str]): pass
def starred_str(*args: '*tuple[int, str]'): pass
def starred_tvt(*args: *Ts): pass


class UnpackHintsTest(unittest.TestCase):

    def test_starred_tuple(self):
        self.assertEqual(get_type_hints(starred),
                         {'args': Unpack[tuple[int, str]]})

    def test_starred_tuple_string(self):
        self.assertEqual(get_type_hints(starred_str),
                         {'args': Unpack[tuple[int, str]]})

    def test_starred_typevartuple(self):
        self.assertEqual(get_type_hints(starred_tvt), {'args': Unpack[Ts]})

    def test_raw_annotation_unchanged(self):
        self.assertEqual(repr(starred.__annotations__['args']),
                         '*tuple[int, str]')


if __name__ == '__main__':
    unittest.main()
