# singledispatch/singledispatchmethod registration from annotations:
# string annotations (PEP 563) are evaluated, an undefined name is an
# unresolved forward reference, classmethod/staticmethod registrations
# read the wrapped function's annotations.
from __future__ import annotations

import collections.abc
import functools


@functools.singledispatch
def describe(arg):
    return 'object'


@describe.register
def _(arg: int):
    return 'int'


@describe.register
def _(arg: str | None):
    return 'str or None'


@describe.register
def _(arg: collections.abc.Sequence):
    return 'sequence'


print(describe(1), describe('s'), describe(None), describe([1]), describe(1.5))

try:
    @describe.register
    def _(arg: Undefined):
        pass
except TypeError as e:
    print(e)

try:
    @describe.register
    def _(arg: list[int]):
        pass
except TypeError as e:
    print(e)

try:
    describe.register(3)
except TypeError as e:
    print(e)


class Shapes:
    @functools.singledispatchmethod
    def area(self, arg):
        return 'unknown'

    @area.register
    def _(self, arg: int):
        return 'int side'

    @area.register
    @classmethod
    def _(cls, arg: float):
        return 'float side (class)'

    @area.register
    @staticmethod
    def _(arg: complex):
        return 'complex (static)'


s = Shapes()
print(s.area(2), s.area(2.0), s.area(2j), s.area('x'))
print(sorted(t.__name__ for t in describe.registry))
