# `raise SomeClass` (a class, instantiated by the VM) must not drop a
# reference to the class: raised many times, the class stays alive.
import sys

class E(Exception):
    pass

def g(timeout=None):
    raise E

def h(**kw):
    try:
        g(**kw)
    except E:
        pass

for _ in range(2000):
    h()
    h(timeout=1)
try:
    raise E from ValueError
except E as exc:
    print(type(exc.__cause__).__name__)
try:
    raise E from None
except E as exc:
    print(exc.__suppress_context__)
class NotAnException:
    pass
try:
    raise NotAnException
except TypeError as exc:
    print(exc)
print(E.__name__, issubclass(E, Exception))
