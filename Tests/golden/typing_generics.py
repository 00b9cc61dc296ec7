# Type parameters re-exported from _typing, PEP 695 syntax, Unpack and
# TypeVarTuple, ParamSpec in generic classes, overloads and other helpers.
import sys
import typing
import warnings
from typing import *

T = TypeVar('T')
S = TypeVar('S', bound=int)
P = ParamSpec('P')
Ts = TypeVarTuple('Ts')
print(T, S.__bound__, P, Ts, P.args, P.kwargs, T.__module__)
print(TypeVar is typing.TypeVar, Generic.__module__, NoDefault, AnyStr.__constraints__)
print(typing.TypeAliasType.__name__, typing.ParamSpecArgs, typing.ParamSpecKwargs)

# PEP 695
class Box[X]:
    def get(self) -> X: ...
type Alias[K] = list[K]
type IntList = List[int]
def ident[V](v: V) -> V: return v
print(Box.__type_params__, Box[int], Alias, Alias[int], IntList.__value__)
print(ident.__type_params__, Optional[Box[str]], List[Alias[int]])
print(get_origin(Alias[int]) is Alias, get_args(Alias[int]))

# TypeVarTuple and Unpack
class Arr[*Shape]: pass
print(Arr[int, str], Arr.__parameters__, [*Ts], Unpack[Ts], Unpack[Ts].__args__)
def va(*args: *Ts): pass
print(va.__annotations__['args'], get_origin(va.__annotations__['args']) is Unpack)
print(Tuple[int, *Ts], Tuple[int, *Ts][str, bytes], tuple[*Ts][int])
print(Unpack[Tuple[int, str]].__typing_unpacked_tuple_args__,
      Unpack[Ts].__typing_is_unpacked_typevartuple__)

# ParamSpec in a generic class
class Fn(Generic[P, T]):
    pass
print(Fn[[int, str], bool], Fn[..., int], Fn.__parameters__)
class One(Generic[P]): pass
print(One[int, str], One[[int]])

# Generic classes
class Pair(Generic[T, S]):
    pass
print(Pair[str, int], Pair.__parameters__, Pair[T, int][str])
class Sub(Pair[int, T]): pass
print(Sub.__parameters__, Sub[bool], Sub.__orig_bases__)
for src in ['Pair[int]', 'Pair[int, int, int]', 'Generic[T, T]', 'Sub[int][int]'
            ]:
    try:
        eval(src)
    except TypeError as e:
        print(src, '->', e)
try:
    class G2(Generic[T], Generic[S]): pass
except TypeError as e:
    print(e)
try:
    class G3(List[T], Generic[S]): pass
except TypeError as e:
    print(e)

class LG(List[T]): pass
print(LG.__mro__[:2], LG.__parameters__, LG[int], LG[int]())

# overloads
@overload
def area(x: int) -> int: ...
@overload
def area(x: str) -> str: ...
def area(x): return x
print(len(get_overloads(area)), area(3))
try:
    @overload
    def lonely(x: int) -> int: ...
    lonely(1)
except NotImplementedError as e:
    print(type(e).__name__)
clear_overloads()
print(get_overloads(area))

# reveal_type writes to stderr and returns its argument
print(reveal_type(42))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    deco = no_type_check_decorator(lambda f: f)
print(len(caught), caught[0].category.__name__ if caught else None)

# NewType
UserId = NewType('UserId', int)
print(UserId(3) + 1, UserId | None, Optional[UserId], List[UserId])
print(get_type_hints(ident), get_type_hints(Box.get))
class SelfRef:
    def clone(self) -> Self: ...
print(get_type_hints(SelfRef.clone))
print(Self, LiteralString, Never, get_type_hints(area))
