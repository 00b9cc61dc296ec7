"""get_type_hints() evaluates string annotations of PEP 695 generics
with the type parameters in scope: they hide module names of the same
name, and a class body's own names hide them in that class's
annotations; a string 'None' is NoneType like None."""

from __future__ import annotations

import types
import typing
import unittest

Shadowed = int


class Local[T]:
    T = bytes
    x: T


class Clash[Shadowed, **P]:
    x: Shadowed
    y: P


def func[Shadowed](x: Shadowed) -> None: ...


class Holder:
    def meth[Shadowed](self, x: Shadowed) -> None: ...


def nested():
    Shadowed = memoryview

    class Inner[Shadowed]:
        x: Shadowed
    return Inner


class TypeParamHintsTest(unittest.TestCase):

    def test_class_body_name_hides_type_param(self):
        self.assertEqual(typing.get_type_hints(Local), {'x': bytes})

    def test_type_param_hides_module_name(self):
        hints = typing.get_type_hints(Clash)
        self.assertEqual(set(hints.values()), set(Clash.__type_params__))

    def test_function(self):
        (param,) = func.__type_params__
        self.assertEqual(typing.get_type_hints(func),
                         {'x': param, 'return': types.NoneType})

    def test_method(self):
        (param,) = Holder.meth.__type_params__
        self.assertEqual(typing.get_type_hints(Holder.meth),
                         {'x': param, 'return': types.NoneType})

    def test_nested_class(self):
        inner = nested()
        self.assertEqual(typing.get_type_hints(inner),
                         {'x': inner.__type_params__[0]})

    def test_namespaces_not_changed(self):
        glob = {'Shadowed': int}
        typing.get_type_hints(func, globalns=glob)
        self.assertEqual(glob, {'Shadowed': int})


if __name__ == '__main__':
    unittest.main()
