# dataclasses: generated methods, field options, helpers and errors.
import dataclasses
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         make_dataclass, is_dataclass, InitVar, KW_ONLY,
                         FrozenInstanceError, MISSING)
from typing import ClassVar
from collections import namedtuple, defaultdict
import inspect


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    count: ClassVar[int] = 0


p = Point(1)
print(p, p == Point(1), p == Point(2), p != Point(1, 0), Point.__doc__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__)
print([f.name for f in fields(Point)], [f.name for f in fields(p)])
print(Point.__match_args__, Point.__hash__, Point.count)
print(inspect.signature(Point))
try:
    Point()
except TypeError as e:
    print('TypeError', e)
try:
    Point(1, 2, [], 4)
except TypeError as e:
    print('TypeError', e)
print(Point(1).tags is not Point(1).tags)
match Point(3, 4):
    case Point(a, b):
        print('matched', a, b)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)


v = Version(1, 2, 'x')
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v.minor
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(sorted([Version(2), Version(1, 5), Version(1, 2, 'z')]))
print(Version(1) < Version(1, 1), Version(1, 2, 'a') == Version(1, 2, 'b'),
      hash(Version(1, 2, 'a')) == hash(Version(1, 2, 'b')))
print(replace(v, minor=9), v)


@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default=None, hash=False)


print(hash(H(1)) == hash(H(1, [1])), H.__hash__ is not None)


@dataclass(eq=False)
class NoEq:
    a: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list, repr=False)
    parent: object = field(default=None, compare=False, repr=False)


n = Node(1, [Node(2), Node(3)])
print(n, asdict(n))
print(astuple(n))

Pair = namedtuple('Pair', 'a b')


@dataclass
class Box:
    pair: Pair
    mapping: dict
    dd: defaultdict
    inner: Point


b = Box(Pair(1, Point(5)), {'k': Point(6)}, defaultdict(list, {'z': [1]}), Point(7))
d = asdict(b)
print(d, type(d['pair']).__name__, type(d['dd']).__name__)
print(astuple(b))
print(asdict(Point(1), dict_factory=lambda kv: sorted(kv)))


@dataclass
class WithInitVar:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)

    def __post_init__(self, scale):
        self.b = self.a * scale


print(WithInitVar(3), WithInitVar(3, 10), [f.name for f in fields(WithInitVar)])


@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2


@dataclass
class KW2:
    a: int
    _: KW_ONLY
    b: int
    c: int = 0
    d: int = field(default=5, kw_only=False)


print(KW(a=1), KW2(1, 4, b=2), KW2.__match_args__, inspect.signature(KW2))
try:
    KW(1)
except TypeError as e:
    print('TypeError', e)


@dataclass
class Base:
    x: int = 1
    y: int = 2


@dataclass
class Derived(Base):
    z: int = 3
    x: int = 10


print(Derived(), [f.name for f in fields(Derived)])

C = make_dataclass('C', [('x', int), 'y', ('z', int, field(default=5))],
                   namespace={'total': lambda self: self.x + self.z},
                   bases=(), frozen=True)
c = C(1, 2)
print(c, c.total(), C.__module__, is_dataclass(C), is_dataclass(c),
      is_dataclass(int), is_dataclass(Point(1)))


@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 3

    def total(self):
        return self.a + self.b


s = Slotted(1)
print(Slotted.__slots__, s, s.total(), hasattr(s, '__dict__'))
try:
    s.other = 1
except AttributeError:
    print('AttributeError on new attribute')


@dataclass
class R:
    child: object = None


r = R()
r.child = r
print(r)
print(repr(InitVar[int]), repr(InitVar[list[int]]))

errors = []
for source in [
    "@dataclass\nclass E:\n    a: int = 1\n    b: int",
    "@dataclass\nclass E:\n    a: list = []",
    "@dataclass\nclass E:\n    a = field()",
    "@dataclass(order=True, eq=False)\nclass E:\n    a: int",
    "@dataclass(order=True)\nclass E:\n    a: int\n    def __lt__(self, o): pass",
    "@dataclass(frozen=True)\nclass E:\n    a: int\n    def __setattr__(self, n, v): pass",
    "@dataclass\nclass E:\n    x: ClassVar[int] = field(default_factory=list)",
    "@dataclass\nclass F:\n    a: int\n@dataclass(frozen=True)\nclass E(F):\n    b: int",
    "@dataclass(frozen=True)\nclass F:\n    a: int\n@dataclass\nclass E(F):\n    b: int",
    "@dataclass(unsafe_hash=True)\nclass E:\n    a: int\n    def __hash__(self): return 1",
    "@dataclass\nclass E:\n    a: int\n    _: KW_ONLY\n    __: KW_ONLY",
    "field(default=1, default_factory=list)",
    "make_dataclass('E', ['a', 'a'])",
    "make_dataclass('E', ['class'])",
    "make_dataclass('E', [1])",
    "fields(1)",
    "asdict(Point)",
    "astuple(1)",
    "replace(1)",
    "replace(WithInitVar(1), b=2)",
]:
    try:
        exec(source, globals())
        print('no error:', source.splitlines()[-1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(repr(MISSING).startswith('<dataclasses._MISSING_TYPE object'))
print(sorted(dataclasses.__all__))
