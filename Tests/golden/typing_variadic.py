# TypeVarTuple unpacked in Generic[...] (PEP 646), by star and by Unpack,
# in annotations and in PEP 695 classes.
from typing import Generic, TypeVar, TypeVarTuple, Unpack

Ts = TypeVarTuple('Ts')
T = TypeVar('T')

class A(Generic[*Ts]):
    pass

class B(Generic[T, Unpack[Ts]]):
    pass

print(A.__parameters__, B.__parameters__)
print(A[int, str], B[int, str, float], B[int])

def f(*args: *Ts):
    pass

print(f.__annotations__)

class C[*Us]:
    pass

print(C.__type_params__, C[int, bytes])
for bad in ("Generic[*Ts, *Ts]", "Generic[int]"):
    try:
        eval(f"type('D', ({bad},), {{}})")
    except TypeError as exc:
        print("TypeError:", exc)
