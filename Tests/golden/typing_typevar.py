# The typing objects built by their constructors (exposed by _typing).
import _typing
from _typing import (TypeVar, ParamSpec, ParamSpecArgs, ParamSpecKwargs,
                     TypeVarTuple, TypeAliasType, Generic, NoDefault)

def error(f):
    try:
        f()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

print([t.__module__ + "." + t.__name__ for t in
       (TypeVar, ParamSpec, ParamSpecArgs, ParamSpecKwargs, TypeVarTuple,
        TypeAliasType, Generic)])
print(_typing._idfunc(42), _typing.Union is type(int | str))

# TypeVar(name, *constraints, bound=None, covariant=False,
#         contravariant=False, infer_variance=False, default=NoDefault)
T = TypeVar("T")
print(repr(T), T.__name__, T.__module__, T.__bound__, T.__constraints__)
print(T.__covariant__, T.__contravariant__, T.__infer_variance__)
print(T.__default__, T.has_default(), T.evaluate_bound, T.evaluate_default)
print(repr(TypeVar("T_co", covariant=True)), repr(TypeVar("T_contra", contravariant=True)),
      repr(TypeVar("T_inf", infer_variance=True)))
B = TypeVar("B", bound=int)
print(B.__bound__, B.evaluate_bound(1), B.evaluate_bound(4))
S = TypeVar("S", str, bytes)
print(S.__constraints__, S.__bound__, S.evaluate_constraints(1))
D = TypeVar("D", default=int)
print(D.__default__, D.has_default(), D.evaluate_default(1))
print(TypeVar(name="N"))
error(lambda: TypeVar("X", covariant=True, contravariant=True))
error(lambda: TypeVar("X", covariant=True, infer_variance=True))
error(lambda: TypeVar("X", int))
error(lambda: TypeVar("X", int, str, bound=int))
error(lambda: TypeVar("X", bound=42))
error(lambda: TypeVar(42))
T.custom = "attributes are allowed"
print(T.custom)
error(lambda: setattr(T, "__name__", "U"))

# | builds unions (typing.Union is types.UnionType).
print(T | int, int | T, T | None, (T | B).__args__)
print(type(T | int) is type(int | str))

# Pickling is by name; __reduce__ returns it.
print(T.__reduce__(), S.__reduce__())

# Type parameters cannot be base classes.
def subclass(base):
    class X(base):
        pass
for obj in (T, ParamSpec("P"), TypeVarTuple("Ts")):
    error(lambda: subclass(obj))
error(lambda: type("Sub", (TypeVar,), {}))

# Substitution hooks used by generic aliases.
print(T.__typing_subst__(int), T.__typing_subst__(None))
error(lambda: T.__typing_subst__((int, str)))
print(repr(T.__typing_subst__(3)))
print(list[T][str], dict[str, T][int], (T | int)[str])
print(list[D].__parameters__, list[T, D].__parameters__)

# ParamSpec(name, *, bound=None, covariant=False, contravariant=False,
#           infer_variance=False, default=NoDefault)
P = ParamSpec("P")
print(repr(P), P.__name__, P.__module__, P.__bound__, P.__default__, P.has_default())
print(repr(ParamSpec("P_co", covariant=True)), repr(ParamSpec("P_in", infer_variance=True)))
print(P.args, P.kwargs, type(P.args).__name__, type(P.kwargs).__name__)
print(P.args.__origin__ is P, P.args == P.args, P.args == ParamSpec("P").args,
      P.args == P.kwargs)
print(ParamSpecArgs(P), ParamSpecKwargs(P), ParamSpecArgs(P) == P.args)
print(ParamSpec("PD", default=...).__default__)
print(P.__typing_subst__([int, str]), P.__typing_subst__(...), P.__typing_subst__(P))
error(lambda: P.__typing_subst__(3))
error(lambda: ParamSpec(1))
error(lambda: ParamSpec("P", covariant=True, contravariant=True))

# TypeVarTuple(name, *, default=NoDefault)
Ts = TypeVarTuple("Ts")
print(repr(Ts), Ts.__name__, Ts.__module__, Ts.__default__, Ts.has_default())
print(TypeVarTuple("Ts2", default=int).__default__)
error(lambda: Ts.__typing_subst__(int))
error(lambda: TypeVarTuple(b"Ts"))

# NoDefault
print(NoDefault, type(NoDefault).__name__, type(NoDefault)() is NoDefault,
      NoDefault.__reduce__())
error(lambda: type(NoDefault)(1))
