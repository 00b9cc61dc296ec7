"""enum: a member-creating __new__ that calls super().__new__ gets
CPython's advice; a Flag may hold a None member that takes part in no
bit operation; a dataclass mixin written with repr=False keeps its own
__repr__ for the member values."""

import dataclasses
import enum
import unittest


class SuperNewTest(unittest.TestCase):

    def check(self, base):
        with self.assertRaisesRegex(
                TypeError, r'do not use `super\(\)\.__new__; call the '
                           r'appropriate __new__ directly'):
            class Bad(base):
                def __new__(cls, value):
                    return super().__new__(cls, value)
                ONE = 1

    def test_enum(self):
        self.check(enum.Enum)

    def test_int_flag(self):
        self.check(enum.IntFlag)

    def test_lookup_on_memberless_enum(self):
        class Empty(enum.Enum):
            pass
        with self.assertRaisesRegex(TypeError, 'has no members defined'):
            Empty.__new__(Empty, 1)
        self.assertNotIn('_creating_members_', vars(Empty))


class NoneFlagTest(unittest.TestCase):

    def setUp(self):
        class Opt(enum.Flag):
            A = 1
            B = 2
            OFF = None
        self.Opt = Opt

    def test_members(self):
        self.assertIsNone(self.Opt.OFF.value)
        self.assertEqual(list(self.Opt), [self.Opt.A, self.Opt.B])
        self.assertEqual(self.Opt.A | self.Opt.B, self.Opt(3))

    def test_operations_refused(self):
        Opt = self.Opt
        for op, func in (('|', lambda: Opt.A | Opt.OFF),
                         ('&', lambda: Opt.OFF & Opt.A),
                         (r'\^', lambda: Opt.A ^ Opt.OFF)):
            with self.subTest(op=op):
                with self.assertRaisesRegex(
                        TypeError, "'Opt.OFF' cannot be combined with "
                                   "other flags with " + op):
                    func()
        with self.assertRaisesRegex(TypeError, "'Opt.OFF' cannot be inverted"):
            ~Opt.OFF


class DataclassMixinReprTest(unittest.TestCase):

    def test_own_repr_kept(self):
        @dataclasses.dataclass(repr=False)
        class Point:
            x: int
            def __repr__(self):
                return 'pt'
        class Where(Point, enum.Enum):
            HERE = 1
        self.assertEqual(repr(Where.HERE), '<Where.HERE: pt>')

    def test_generated_repr_is_fields_only(self):
        @dataclasses.dataclass
        class Point:
            x: int
        class Where(Point, enum.Enum):
            HERE = 1
        self.assertEqual(repr(Where.HERE), '<Where.HERE: x=1>')


if __name__ == '__main__':
    unittest.main()
