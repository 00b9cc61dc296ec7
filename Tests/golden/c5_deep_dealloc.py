# Destroying long chains of objects must neither overflow the C stack nor
# free a class twice: tuple/list/dict subclasses with instance dicts,
# slotted nodes, exception contexts, finalizers along the chain, and
# unittest.mock.call (whose attribute chain inspect.unwrap walks).
import gc
import inspect
from unittest.mock import call

class T(tuple):
    pass

prev = T((1, 2, 3))
for i in range(20000):
    node = T(('a', (), {}))
    node.parent = prev
    prev = node
del node, prev
print('tuple subclass chain freed')

class Node:
    __slots__ = ('next',)

head = None
for i in range(200000):
    n = Node()
    n.next = head
    head = n
del head, n
print('slotted chain freed')

class MyError(Exception):
    pass

err = None
for i in range(50000):
    e = MyError(i)
    e.__context__ = err
    err = e
del err, e
print('exception chain freed')

finalized = []

class Final:
    def __del__(self):
        finalized.append(1)

head = None
for i in range(5000):
    f = Final()
    f.next = head
    head = f
del head, f
print('finalizers run:', len(finalized))

class Resurrect:
    def __del__(self):
        global saved
        saved = self

r = Resurrect()
del r
print('resurrected:', type(saved).__name__)
del saved

class L(list):
    pass

x = L()
for i in range(50000):
    x = L([x])
del x

class D(dict):
    pass

y = D()
for i in range(50000):
    y = D(inner=y)
del y

try:
    inspect.unwrap(call)
except ValueError as exc:
    print('ValueError:', exc)

chain = call
for i in range(3000):
    chain = chain.__wrapped__
del chain
gc.collect()
print(MyError.__name__, T.__name__, Node.__name__, 'still usable')
