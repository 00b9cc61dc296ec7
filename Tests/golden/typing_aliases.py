# The deprecated aliases of builtin and collections.abc classes, Union and
# Optional (3.14: both are types.UnionType), TypeVar substitution.
import collections
import collections.abc
import typing
from typing import *

T = TypeVar('T')
KT = TypeVar('KT')

print(List, Dict, Set, FrozenSet, Tuple, Type, DefaultDict, OrderedDict)
print(Counter, ChainMap, Deque, Iterable, Iterator, Generator, AsyncIterator)
print(Sequence, Mapping, MutableMapping, Awaitable, Coroutine, AsyncGenerator)
print(Hashable, Sized, Container, Collection, Reversible, AbstractSet, MutableSet)
print(KeysView, ItemsView, ValuesView, MappingView, MutableSequence, AsyncIterable)
print(List[int], Dict[str, T][int], Set[bytes], FrozenSet[int], Type[int])
print(Tuple[int, ...], Tuple[()], Tuple[int, str], Tuple[T, ...][int])
print(Tuple[()].__args__, Tuple[int, ...].__args__)
print(DefaultDict[str, int], OrderedDict[str, int], Counter[str], ChainMap[str, int])
print(Deque[int], Iterable[int], Iterator[T], Generator[int, None, str])
print(Sequence[int].__origin__, Mapping[str, int].__args__, Iterable[T].__parameters__)
print(Dict[KT, List[T]].__parameters__, Dict[KT, List[T]][str, int])
print(Callable[[T], List[T]][int])
print(Generator[int], AsyncGenerator[int])
print(typing.Pattern, typing.Match, typing.Pattern[str], typing.ContextManager[int])
print(typing.AsyncContextManager, typing.ContextManager)

# isinstance and issubclass with the unsubscripted aliases
print(isinstance([], List), isinstance((), Tuple), isinstance({}, Dict), isinstance(1, List))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Hashable))
print(isinstance([], Iterable), isinstance(iter([]), Iterator), isinstance(3, Sized))
print(isinstance(collections.deque(), Deque), issubclass(collections.OrderedDict, Dict))
print(issubclass(List, Sequence) if False else 'skip')

# calling
d = DefaultDict[str, int](int)
d['a'] += 1
print(d, type(d))
print(Deque[int]([1, 2]), Counter[str]('abca'), OrderedDict[str, int](a=1))
print(List.__name__, Dict[str, int].__name__, Iterable.__name__)
print(List[int] == List[int], List[int] == List[str], List[int] == list[int])
print(hash(Dict[str, int]) == hash(Dict[str, int]))
print(Sequence.__doc__)

# Union and Optional
print(Union, Union[int, str], Union[int], Union[int, int], Union[int, None])
print(Optional[int], Optional[Union[int, str]], Optional[None])
print(Union[int, str] == Union[str, int], Union[int, str] == (int | str))
print(Union[int, List[int]], Union[int, Union[str, bytes]].__args__)
print(get_origin(Union[int, str]) is Union, get_args(Optional[int]))
print(isinstance(1, Union[int, str]), isinstance(None, Optional[int]))
print(List | None, List[int] | None, int | List[str], Literal[1] | None)
print(Union[T, int][str], Optional[T][int])

class Node(Generic[T]):
    def __init__(self, v):
        self.v = v
n = Node[int](3)
print(Node[int], Node[int].__origin__, n.__orig_class__, n.v)
print(Node[List[T]][int], Node[int] == Node[int])

errors = [
    'List[int, str]', 'Dict[int]', 'List()', 'Dict()', 'Tuple()', 'Type()',
    'isinstance([], List[int])', 'issubclass(list, Sequence[int])',
    'List[int][str]', 'Union[()]', 'Dict[str, int][int]', 'Hashable[int]',
    'Tuple[int, 3]', 'List[3]', 'Generator[int, int, int, int]',
]
for src in errors:
    try:
        eval(src)
    except TypeError as e:
        print(src, '->', e)
    else:
        print(src, '-> no error')
