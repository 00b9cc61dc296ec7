# PEP 695 with Protocol, TypedDict and NamedTuple; PEP 728 TypedDict
# options; a few more introspection cases.
from typing import *
import typing
import annotationlib

@runtime_checkable
class Getter[T](Protocol):
    def get(self) -> T: ...
class Impl:
    def get(self): return 1
print(Getter.__parameters__, Getter[int], isinstance(Impl(), Getter), is_protocol(Getter))

class TD[T](TypedDict):
    item: T
    rest: list[T]
print(TD.__parameters__, TD[int], TD(item=1, rest=[]), sorted(TD.__required_keys__))

class NT[T](NamedTuple):
    first: T
    second: int = 0
print(NT.__parameters__, NT[str], NT('a'), NT('a', 2).second)

class Implicit(TypedDict):
    a: int
class Closed(TypedDict, closed=True):
    a: int
class Extra(TypedDict, extra_items=int):
    a: str
print(Implicit.__closed__, Closed.__closed__, Implicit.__extra_items__, Extra.__extra_items__)
print(Extra.__annotations__, sorted(Extra.__required_keys__), typing.NoExtraItems)
try:
    class Both(TypedDict, closed=True, extra_items=int): pass
except TypeError as e:
    print(e)
F = TypedDict('F', {'x': int}, total=False, closed=False)
print(F.__closed__, F.__total__, sorted(F.__optional_keys__))

print(get_args(Callable[..., int]), get_args(Callable[[], None]), get_origin(Callable[..., int]))
print(Callable[[int], str] | None, Callable[..., None] == Callable[..., None])
print(List[int].append is list.append, Dict.fromkeys('ab'))
print(Literal[1, 2] | Literal[3])
print(Annotated[int, 'a'] | None)
print(typing.Protocol, typing.Generic, typing.NamedTuple.__name__, typing.TypedDict.__name__)
print(isinstance(3, typing.SupportsAbs), issubclass(int, typing.Hashable))

class WithClassVar:
    a: ClassVar[int] = 1
    b: Final = 2
    c: 'Final[int]' = 3
print(get_type_hints(WithClassVar))

import sys
mod = type(sys)('fake_mod')
exec('x: int = 1\ny: "list[x]"\n', mod.__dict__)
try:
    print(get_type_hints(mod))
except TypeError as e:
    print('TypeError', e)
print(evaluate_forward_ref(ForwardRef('Missing'), format=annotationlib.Format.FORWARDREF))
print(evaluate_forward_ref(ForwardRef('int | str')))
