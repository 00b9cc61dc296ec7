# Protocol and runtime_checkable, TypedDict, NamedTuple, get_type_hints.
from typing import *
import typing
T = TypeVar('T')

@runtime_checkable
class Closable(Protocol):
    def close(self): ...

class HasX(Protocol):
    x: int

@runtime_checkable
class RX(Protocol):
    x: int
    def meth(self): ...

class F:
    def close(self): pass

class G:
    x = 1
    def meth(self): pass

print(isinstance(F(), Closable), isinstance(1, Closable), issubclass(F, Closable), issubclass(int, Closable))
print(isinstance(G(), RX), isinstance(F(), RX))
for stmt in ['isinstance(G(), HasX)', 'issubclass(G, RX)', 'HasX()', 'runtime_checkable(int)', 'issubclass(1, Closable)']:
    try:
        print(eval(stmt))
    except TypeError as e:
        print(stmt, '->', e)
print(sorted(get_protocol_members(RX)), is_protocol(RX), is_protocol(int), is_protocol(Protocol))

class Box(Protocol[T]):
    def get(self) -> T: ...
print(Box.__parameters__, Box[int])

class Impl(Closable):
    def __init__(self, v): self.v = v
print(Impl(3).v, isinstance(Impl(1), Closable))

class Movie(TypedDict):
    name: str
    year: NotRequired[int]

class Movie2(Movie, total=False):
    rating: Required[float]
    tag: ReadOnly[str]
    extra: int

print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__))
print(sorted(Movie2.__required_keys__), sorted(Movie2.__optional_keys__))
print(sorted(Movie2.__readonly_keys__), sorted(Movie2.__mutable_keys__), Movie2.__total__)
m = Movie(name='x', year=1)
print(m, type(m), is_typeddict(Movie), is_typeddict(dict))
P2 = TypedDict('P2', {'x': int, 'y': NotRequired[int]})
print(P2.__annotations__, sorted(P2.__required_keys__), P2(x=1))
try:
    isinstance({}, Movie)
except TypeError as e:
    print(e)

class GTD(TypedDict, Generic[T]):
    item: T
print(GTD.__parameters__, GTD[int], GTD[int].__origin__ is GTD)

class Emp(NamedTuple):
    name: str
    id: int = 3
    def hello(self):
        return 'hi ' + self.name
e = Emp('a')
print(e, e.hello(), Emp._fields, Emp._field_defaults, Emp.__annotations__)
E2 = NamedTuple('E2', [('a', int), ('b', str)])
print(E2(1, 'x'), E2.__annotations__)
class GNT(NamedTuple, Generic[T]):
    val: T
print(GNT(1), GNT[int], GNT.__parameters__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: str
except TypeError as e:
    print(e)

class C:
    a: int
    b: 'List[int]'
    c: Annotated[int, 'meta']
    d: ClassVar[int] = 1
def f(x: 'int', y: Optional[str] = None) -> 'C': pass
print(get_type_hints(C))
print(get_type_hints(C, include_extras=True)['c'])
print(get_type_hints(f))
class D(C):
    e: 'D'
print(get_type_hints(D)['e'] is D, list(get_type_hints(D)))
print(evaluate_forward_ref(ForwardRef('List[int]'), globals=globals()))

# more Protocol rules
@runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int: ...
class NoLen:
    __len__ = None
print(isinstance([], Sized2), isinstance(NoLen(), Sized2), issubclass(NoLen, Sized2))
print(isinstance(3, SupportsInt), isinstance('3', SupportsFloat), isinstance(3, SupportsIndex))
print(issubclass(float, SupportsRound), issubclass(complex, SupportsComplex), isinstance(b'', SupportsBytes))
print(SupportsAbs[int], SupportsRound.__parameters__)
try:
    class Mixed(Protocol, int): pass
except TypeError as e:
    print(e)

class Child(RX, Protocol):
    y: str
print(sorted(get_protocol_members(Child)), Child._is_protocol)
class Concrete(Child):
    x = 1
    y = 'a'
    def meth(self): return 'm'
print(Concrete().meth(), Concrete._is_protocol)

# TypedDict extras
class Base(TypedDict, total=False):
    a: int
class Der(Base):
    b: str
print(sorted(Der.__required_keys__), sorted(Der.__optional_keys__), Der.__total__, list(Der.__annotations__))
print(Der.__mro__, Der.__orig_bases__ == (Base,))
try:
    class BadTD(TypedDict, int): pass
except TypeError as e:
    print(e)
try:
    Movie2.__mutable_keys__
    class RO(Movie2):
        name: ReadOnly[str]
except TypeError as e:
    print(e)
print(get_type_hints(Movie2))
print(get_type_hints(Movie2, include_extras=True)['tag'])

# NamedTuple extras
print(Emp.__mro__, issubclass(Emp, tuple), Emp('b', 4)._replace(id=9))
try:
    class Bad2(NamedTuple):
        _fields = ()
except AttributeError as e:
    print(e)
try:
    class Bad3(NamedTuple, int): pass
except TypeError as e:
    print(e)
print(get_type_hints(Emp))

# get_type_hints with a module-level forward reference and nested strings
def g(a: 'List["C"]', b: 'Optional[int]' = None): pass
print(get_type_hints(g))
def h(x: Annotated['int', 'meta']): pass
print(get_type_hints(h), get_type_hints(h, include_extras=True))
print(get_type_hints(g, globalns={'List': List, 'C': int, 'Optional': Optional}))
try:
    def bad(x: 'Undefined'): pass
    get_type_hints(bad)
except NameError as e:
    print(e)
