# Substitution of type variables into aliases, compared with CPython.
from typing import *
import typing
T = TypeVar('T'); S = TypeVar('S'); P = ParamSpec('P')
exprs = ['Dict[T, List[T]][int]', 'Tuple[T, ...][int]', 'Annotated[T, "x"][int]',
 'ClassVar[List[T]][int]', 'Final[T][int]', 'List[Tuple[T, S]][int, str]',
 'Callable[[T, S], T][int, str]', 'Callable[Concatenate[T, P], S][int, [str], bool]',
 'Callable[Concatenate[int, P], T][..., str]', 'Type[T][int]', 'Iterable[Tuple[T, T]][int]',
 'get_args(Callable[Concatenate[int, P], T])', 'Literal[1][int]', 'Callable[[], int].__parameters__',
 'List[T].__parameters__', 'Dict[T, S][int, str, bytes]', 'List[int]()', 'Annotated[int, 1].__args__',
 'TypeGuard[T][int]', 'Union[List[T], Set[T]]', 'Concatenate[int, ...]', 'Callable[Concatenate[int, ...], str]',
 'Tuple[int, ...] == Tuple[int, ...]', 'Tuple[int] == tuple[int]', 'List[int] != List[str]',
 'Counter[T][int]', 'type(Literal[1])', 'type(List[int])', 'type(List)', 'type(Callable[..., int])',
 'typing.Callable[[int], str].__name__', 'typing.Annotated[int, 1].__name__', 'Optional[List[int]]',
 'get_type_hints(typing.NamedTuple("X", [("a", "int")]))',
]
for e in exprs:
    try:
        print(e, '=>', eval(e))
    except Exception as ex:
        print(e, '=>', type(ex).__name__, ex)

# TypeVarTuple substitution (3.12+: Unpack reprs as typing.Unpack[...]).
T = TypeVar('T'); S = TypeVar('S'); Ts = TypeVarTuple('Ts')
exprs2 = ['Tuple[T, *Ts][int]', 'Tuple[T, *Ts][int, str, bytes]', 'Tuple[*Ts, T][int, str]',
 'Tuple[*Ts][()]', 'Callable[[*Ts], T][int, str, bool]', 'Tuple[T, *Ts, S][int, str]', 'List[Tuple[*Ts]][int, str]',
 'Tuple[*Ts][int, *Tuple[str, ...]]', 'Tuple[T, *Ts].__parameters__', 'Tuple[*Ts][*Tuple[int, str]]',
 'Tuple[T, *Ts][()]', 'Tuple[*Ts, T][*Tuple[int, ...]]']
for e in exprs2:
    try:
        print(e, '=>', eval(e))
    except Exception as ex:
        print(e, '=>', type(ex).__name__, ex)
