"""get_type_hints checks what a string annotation evaluates to: a
module's or function's may not be ClassVar (a function's not Final
either), a class's may."""

import types
import unittest
from typing import ClassVar, Final, get_type_hints


def make_module(source):
    mod = types.ModuleType('lib6d_hints_mod')
    exec(source, mod.__dict__)
    return mod


class HintsClassVarTest(unittest.TestCase):

    def test_module_classvar_refused(self):
        mod = make_module('from __future__ import annotations\n'
                          'from typing import ClassVar\n'
                          'wrong: ClassVar[int] = 1\n')
        with self.assertRaisesRegex(
                TypeError, r'typing.ClassVar\[int\] is not valid as type argument'):
            get_type_hints(mod)

    def test_module_final_allowed(self):
        mod = make_module('from typing import Final\n'
                          "ok: 'Final[int]' = 1\n")
        self.assertEqual(get_type_hints(mod, include_extras=True),
                         {'ok': Final[int]})

    def test_function_final_refused(self):
        def f(x: 'Final[int]'): pass
        with self.assertRaises(TypeError):
            get_type_hints(f, globals())

    def test_class_classvar_allowed(self):
        class C:
            x: 'ClassVar[int]' = 1
        self.assertEqual(get_type_hints(C, globals()), {'x': ClassVar[int]})


if __name__ == '__main__':
    unittest.main()
