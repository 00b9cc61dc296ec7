# Protocol member rules (3.12+: properties are looked up statically).
from typing import *
import typing
@runtime_checkable
class HasProp(Protocol):
    @property
    def p(self) -> int: ...
class A:
    p = 3
class B:
    @property
    def p(self): raise AttributeError('no')
print(isinstance(A(), HasProp), isinstance(B(), HasProp))
try: issubclass(A, HasProp)
except TypeError as e: print(e)
@runtime_checkable
class M(Protocol):
    def m(self): ...
    def n(self): ...
class C1:
    def m(self): pass
class C2(C1):
    def n(self): pass
class C3(C2):
    n = None
print(isinstance(C1(), M), isinstance(C2(), M), issubclass(C2, M), issubclass(C3, M), isinstance(C3(), M))
class Explicit(M):
    pass
print(isinstance(Explicit(), M), issubclass(Explicit, M))
try: Explicit()
except TypeError as e: print('inst', e)
class P2(Protocol):
    def __init__(self, x): self.x = x
class Q2(P2):
    pass
print(Q2(5).x)
print(typing.Protocol.__mro__)
@runtime_checkable
class Empty(Protocol): pass
print(isinstance(1, Empty), issubclass(str, Empty))
class Ann(Protocol):
    a: int
    def f(self) -> None: ...
print(sorted(typing._get_protocol_attrs(Ann)))
print(get_type_hints(Ann))
class NotProto(Ann): 
    a = 1
    def f(self): pass
print(NotProto._is_protocol, isinstance(NotProto(), NotProto))
try:
    class Bad(Protocol[int]): pass
except TypeError as e: print(e)
