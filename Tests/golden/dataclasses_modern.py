# dataclasses: 3.13+ behaviour -- __replace__/copy.replace, field docs,
# weakref_slot, slots classes using super(), lazy (PEP 649) annotations.
import abc
import copy
import pickle
import pprint
import weakref
from dataclasses import dataclass, field, fields, replace, InitVar


@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = 'x'


f = Frozen(1)
print(copy.replace(f, b='y'), f.__replace__(a=5), replace(f))


@dataclass
class Initvar:
    x: int
    y: InitVar[int]

    def __post_init__(self, y):
        self.x *= y


try:
    replace(Initvar(1, 10), x=3)
except TypeError as e:
    print('TypeError', e)
print(replace(Initvar(1, 10), x=3, y=5))


@dataclass
class Documented:
    a: int = field(default=1, doc='the a value', metadata={'unit': 'm'})


fa = fields(Documented)[0]
print(fa.doc, fa.metadata['unit'], repr(fa).split(',doc=')[1])
print(repr(fa).startswith("Field(name='a',type=<class 'int'>,default=1,"))


@dataclass(slots=True)
class DocSlots:
    a: int = field(doc='first')
    b: int = 0


print(DocSlots.__slots__, DocSlots(1))


@dataclass(slots=True, weakref_slot=True)
class Weak:
    a: int


w = Weak(1)
r = weakref.ref(w)
print(r() is w, Weak.__slots__)
try:
    @dataclass(weakref_slot=True)
    class Bad:
        a: int
except TypeError as e:
    print('TypeError', e)
try:
    @dataclass(slots=True)
    class Bad2:
        __slots__ = ('a',)
        a: int
except TypeError as e:
    print('TypeError', e)


@dataclass
class Base:
    a: int

    def describe(self):
        return f'Base({self.a})'


@dataclass(slots=True)
class Child(Base):
    b: int = 2

    def describe(self):
        return 'Child+' + super().describe()

    @property
    def cls_name(self):
        return __class__.__name__


c = Child(1)
print(c.describe(), c.cls_name, Child.__slots__, type(c).__qualname__)


@dataclass(frozen=True, slots=True)
class FrozenSlots:
    a: int
    b: list


fs = FrozenSlots(1, [2])
fs2 = pickle.loads(pickle.dumps(fs))
print(fs2, fs2 == fs, fs2 is not fs)


@dataclass
class Forward:
    left: 'Forward | None' = None
    other: Undefined = None  # noqa: F821 -- never defined


print(fields(Forward)[0].type, type(fields(Forward)[1].type).__name__)


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...


@dataclass
class Square(Shape):
    side: float

    def area(self):
        return self.side ** 2


print(Square(3).area(), Square.__abstractmethods__)


class Positive:
    def __set_name__(self, owner, name):
        self.name = '_' + name

    def __get__(self, obj, owner):
        return 7 if obj is None else getattr(obj, self.name)

    def __set__(self, obj, value):
        if value < 0:
            raise ValueError('negative')
        setattr(obj, self.name, value)


@dataclass
class UsesDescriptor:
    n: Positive = Positive()


print(UsesDescriptor(), UsesDescriptor(3).n)
try:
    UsesDescriptor(-1)
except ValueError as e:
    print('ValueError', e)


@dataclass
class Wide:
    alpha: list
    beta: dict
    gamma: str = 'g' * 30


pprint.pprint(Wide(list(range(12)), {'key%d' % i: i for i in range(4)}), width=40)


@dataclass
class WithSelf:
    self: int
    other: int = 0


print(WithSelf(1, other=2), WithSelf(self=5))


@dataclass(init=False, repr=False, eq=False)
class NothingGenerated:
    x: int = 1


@dataclass
class Empty:
    pass


@dataclass(frozen=True)
class Builtinish:
    object: int
    type: str = 't'
    name: str = 'n'


print(NothingGenerated().x, Empty(), Empty() == Empty(), Builtinish(1))
