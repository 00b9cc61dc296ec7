# PEP 696: a TypeVarTuple default written with a star.
class A[*Us = *tuple[int, str]]:
    pass
(Us,) = A.__type_params__
print(Us.__name__, Us.has_default(), Us.__default__)
type Alias[*Ts = *tuple[()]] = tuple[*Ts]
print(Alias.__type_params__[0].__default__)
def f[*Ts = *tuple[bytes, ...]](): pass
print(f.__type_params__[0].__default__)
