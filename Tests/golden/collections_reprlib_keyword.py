import keyword
import reprlib
from collections import deque

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print(keyword.iskeyword('def'), keyword.iskeyword('match'), keyword.issoftkeyword('match'),
      keyword.issoftkeyword('lazy'), keyword.iskeyword('print'))

r = reprlib.Repr()
print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr(10 ** 50))
print(reprlib.repr(set(range(20))), reprlib.repr({i: i for i in range(10)}), reprlib.repr((1,)))
print(reprlib.repr(deque(range(10))), reprlib.repr([[[[[[[1]]]]]]]), reprlib.repr(frozenset()))
r.maxlist = 2
r.fillvalue = '<more>'
print(r.repr([1, 2, 3]), r.repr([]))
r2 = reprlib.Repr(maxlevel=2, indent=2)
print(r2.repr([1, [2, [3]]]))

class Node:
    def __init__(self):
        self.children = [self]
    @reprlib.recursive_repr()
    def __repr__(self):
        return f'Node({self.children})'
print(Node(), Node.__repr__.__name__)
