# Special forms, their reprs, origins and arguments, and subscription errors.
from typing import *
import typing

T = TypeVar('T')
P = ParamSpec('P')

print(Any, Never, NoReturn, Self, LiteralString, TypeAlias)
print(ClassVar, Final, Optional, Literal, Annotated, Concatenate, Unpack)
print(TypeGuard, TypeIs, Required, NotRequired)
print(ClassVar[int], Final[int], TypeGuard[int], TypeIs[list[int]])
print(Required[int], NotRequired[str], ReadOnly[int])
print(typing.TYPE_CHECKING, typing.Text is str)

# Literal
print(Literal[1, 2, 1], Literal[1, Literal[2, 3]], Literal['a', None, True])
print(Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True], Literal[0] == Literal[False])
print(hash(Literal[1, 2]) == hash(Literal[2, 1]), Literal[1, 2].__args__)
print(get_origin(Literal[1]), get_args(Literal[1, 'x']))

# Annotated
a = Annotated[Annotated[int, 'a'], 'b', 3]
print(a, a.__metadata__, a.__origin__, get_origin(a) is Annotated, get_args(a))
print(Annotated[int, 'x'] == Annotated[int, 'x'], Annotated[int, 'x'] == Annotated[int, 'y'])
print(Annotated[list[T], 'm'][int])
print(Annotated[ClassVar[int], 'x'])

# Callable and Concatenate
print(Callable[[int], str], Callable[..., T], Callable[P, T], Callable[[], None])
c = Callable[Concatenate[int, P], T]
print(c, c.__args__, c.__parameters__)
print(get_args(Callable[[int, str], bool]), get_origin(Callable[[int], str]))
print(Callable[P, T][[int, str], bool], Callable[[T], T][int], Callable[P, int][..., ])
print(Callable[P, int][int, str], c[[str], bool], Concatenate[int, P])
print(isinstance(len, Callable), Callable[[int], str].__origin__)

# NewType
UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__)

# get_origin / get_args
print(get_origin(List[int]), get_origin(ClassVar[int]), get_origin(int), get_origin(Generic))
print(get_args(Dict[int, str]), get_args(int), get_args(Tuple[int, ...]), get_args(Tuple[()]))
print(get_origin(P.args), get_origin(P.kwargs))

# functions
print(cast(int, 'x'), cast('List[int]', 3), assert_type(5, int))
try:
    assert_never(42)
except AssertionError as e:
    print(e)

class Base:
    @final
    def f(self): pass
    @override
    def g(self): pass

@final
class Leaf: pass
print(Base.f.__final__, Base.g.__override__, Leaf.__final__)

@no_type_check
def untyped(x: 'junk') -> 'more junk': pass
print(untyped.__no_type_check__, get_type_hints(untyped))

@dataclass_transform(kw_only_default=True)
def make(cls): return cls
print(sorted(make.__dataclass_transform__.items()))

errors = [
    'Optional[int, str]', 'ClassVar[int, str]', 'Final[int, str]',
    'TypeGuard[int, str]', 'Required[int, str]',
    'Callable[int]', 'Callable[int, str]', 'Callable[[int], 3]',
    'Concatenate[int, str]', 'Concatenate[()]',
    'Annotated[int]', 'Optional[3]', 'List[ClassVar[int]]', 'List[Generic]',
    'NoReturn[int]', 'Never[int]', 'Any()', 'ClassVar()', 'isinstance(1, Any)',
    'isinstance(1, ClassVar)', 'issubclass(int, Literal)', 'isinstance(1, Literal[1])',
    'isinstance(1, Optional)',
]
for src in errors:
    try:
        eval(src)
    except TypeError as e:
        print(src, '->', e)
    else:
        print(src, '-> no error')

for src in ['class X(ClassVar): pass',
            'class X(UserId): pass', 'class X(Literal[1]): pass']:
    try:
        exec(src)
    except TypeError as e:
        print(src, '->', e)
