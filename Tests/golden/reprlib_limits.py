import reprlib
from collections import deque

r = reprlib.Repr()
print(r.repr(list(range(20))))
print(r.repr(tuple(range(3))), r.repr((1,)), r.repr(()))
print(r.repr(set(range(10))), r.repr(frozenset(range(3))), r.repr(set()))
print(r.repr({i: str(i) for i in range(10)}))
print(r.repr('x' * 100))
print(r.repr(2 ** 200))
print(r.repr(deque(range(10))))
print(r.repr([[[[[[[1]]]]]]]))
print(r.repr({'a': {'b': {'c': {'d': {'e': {'f': {'g': 1}}}}}}}))
print(reprlib.repr(list(range(100))))
print(reprlib.aRepr.maxlist, reprlib.aRepr.maxstring, reprlib.aRepr.maxlevel)

r2 = reprlib.Repr()
r2.maxlist = 2
r2.maxstring = 10
print(r2.repr([1, 2, 3, 4]), r2.repr('abcdefghijklmnop'))

class Big:
    def __repr__(self):
        return 'B' * 100

class Broken:
    def __repr__(self):
        raise RuntimeError('no')

print(r.repr(Big()))
print(r.repr(Broken()).startswith('<Broken instance at 0x'))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f'Node({self.name}, {self.children})'

n = Node('a')
n.children.append(n)
print(repr(n))
print(Node.__repr__.__name__, Node.__repr__.__qualname__)


class Odd(list):
    @reprlib.recursive_repr('<loop>')
    def __repr__(self):
        return 'Odd' + super().__repr__()

o = Odd([1])
o.append(o)
print(repr(o))
