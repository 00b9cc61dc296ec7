# PEP 695/696 syntax: generic functions, classes and type aliases.
from _typing import TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic, NoDefault

def error(f):
    try:
        f()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

def kinds(params):
    return [(type(p).__name__, repr(p)) for p in params]

# Generic functions get __type_params__; the syntax infers variance, so the
# reprs have no ~ prefix, and the parameters belong to module typing.
def first[T, *Ts, **P](x: T) -> T:
    return x

print(kinds(first.__type_params__))
T = first.__type_params__[0]
print(T.__infer_variance__, T.__covariant__, T.__module__, T.__bound__,
      T.has_default(), T.evaluate_bound, T.evaluate_default)
print(first(5), first.__annotations__["x"] is T)

def plain():
    pass
print(plain.__type_params__)

# Bounds and constraints are evaluated lazily, so they may refer to names
# defined later; evaluate_bound is the lazy function itself.
def late[B: Later, C: (Later, int)]():
    pass

B, C = late.__type_params__
error(lambda: B.__bound__)
class Later:
    pass
print(B.__bound__ is Later, C.__constraints__ == (Later, int), C.__bound__)
print(B.evaluate_bound(1) is Later, B.__bound__ is B.__bound__)

calls = []
def counted(x):
    calls.append(x)
    return x
def once[U: counted(int)]():
    pass
U = once.__type_params__[0]
print(len(calls))
print(U.__bound__, U.__bound__, len(calls))

# Defaults (PEP 696), also lazy.
def with_defaults[A, D = int, *Us = Later, **Q = [int, str]]():
    pass
A, D, Us, Q = with_defaults.__type_params__
print(A.has_default(), A.__default__ is NoDefault, D.has_default(), D.__default__)
print(Q.has_default(), Q.__default__, Us.has_default())
print(D.evaluate_default(1))

# Generic classes: __type_params__, __parameters__, Generic in the MRO.
class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get[R](self, f: "Callable[[T], R]") -> R:
        return f(self.item)

print(kinds(Box.__type_params__), Box.__parameters__)
print([c.__name__ for c in Box.__mro__])
print(Box.__orig_bases__, Box.__bases__)
b = Box(3)
print(b.item, b.get(lambda x: x * 2), kinds(Box.get.__type_params__))
print(Box[int], Box[int].__origin__ is Box, Box[int].__args__)
print(Box[int](5).item, Box[None].__args__)
print(isinstance(b, Generic), issubclass(Box, Generic))
error(lambda: Box[int, str])
class Plain:
    pass
class Sub(Box[int]):
    pass
print(Sub.__parameters__, [c.__name__ for c in Sub.__mro__])
error(lambda: Sub[int])

class Pair[K, V = str]:
    pass
print(Pair.__parameters__, Pair[int], Pair[int, bytes])
error(lambda: Pair[()])

class Derived[T](Box[T]):
    pass
print(Derived.__parameters__, [c.__name__ for c in Derived.__mro__], Derived[str])

class Callback[**P, R]:
    pass
print(Callback[[int, str], bool], Callback[..., None])

class Shape[*Ts]:
    pass
print(Shape.__parameters__, Shape[int, str].__args__)

# Generic written out by hand.
T2 = TypeVar("T2")
S2 = TypeVar("S2")
class Old(Generic[T2, S2]):
    pass
print(Old.__parameters__, Old[int, str])
class Mixed(Old[int, S2]):
    pass
print(Mixed.__parameters__)
class GenericFirst(Generic[S2], Old[int, S2]):
    pass
print(GenericFirst.__parameters__, [c.__name__ for c in GenericFirst.__mro__])
print(Generic[T2])
error(lambda: Generic[()])
error(lambda: Generic[int])
error(lambda: Generic[T2, T2])
def plain_generic():
    class Bad(Generic):
        pass
error(plain_generic)
def twice():
    class Bad(Generic[T2], Generic[S2]):
        pass
error(twice)
def unlisted():
    class Bad(Old[T2, S2], Generic[T2]):
        pass
error(unlisted)

# Type aliases: lazy __value__, __type_params__, subscription.
type Alias = list[int]
type Pairs[X] = list[tuple[X, X]]
type Forward = Undefined
print(Alias, type(Alias).__name__, Alias.__name__, Alias.__module__)
print(Alias.__value__, Alias.__type_params__, Alias.__parameters__)
print(Pairs.__value__, Pairs.__type_params__, Pairs[int])
print(Pairs[int].__origin__ is Pairs, Pairs[int].__args__)
error(lambda: Forward.__value__)
Undefined = bytes
print(Forward.__value__, Forward.evaluate_value(1))
error(lambda: Alias[int])
print(Alias | None, int | Alias)
print(Alias.__reduce__())

# TypeAliasType(name, value, *, type_params=())
V = TypeVar("V")
Manual = TypeAliasType("Manual", dict[str, V], type_params=(V,))
print(Manual, Manual.__value__, Manual.__type_params__, Manual.__module__)
print(Manual[int], Manual.evaluate_value(1))
error(lambda: TypeAliasType("Bad", int, type_params=[V]))
error(lambda: TypeAliasType("Bad", int, type_params=(int,)))
error(lambda: TypeAliasType(1, int))
error(lambda: TypeAliasType("Bad", int, type_params=(TypeVar("A1", default=int), TypeVar("A2"))))

# Subscription never edits the caller's tuple.
args = (None,)
print(Box[args], args)
class Two[**P, R]:
    pass
x = ([int, str], int)
print(Two[x], x, Two[x].__args__)
