# match statement semantics and its TypeErrors (3.15 message for a class
# pattern naming a non-class).
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int
class Q:
    __match_args__ = ('a',)
    def __init__(self, a): self.a = a
def m(v):
    match v:
        case 0 | 1 as n: return f'small {n}'
        case [1, *rest]: return f'list1 {rest}'
        case (a, b) if a > b: return f'pair desc {a} {b}'
        case {'k': val, **others}: return f'map {val} {others}'
        case P(x=0, y=yy): return f'P on y {yy}'
        case P(xx, yy): return f'P {xx} {yy}'
        case Q(3): return 'Q3'
        case str() as s if len(s) > 2: return 'long str'
        case str(s): return f'str {s}'
        case float() | complex(): return 'num'
        case None: return 'None'
        case True: return 'True'
        case _: return 'other'
for v in [0, 1, [1, 2, 3], (3, 1), (1, 3), {'k': 5, 'z': 1}, P(0, 2), P(1, 2), Q(3), Q(4), 'hello', 'hi', 1.5, None, True, False, 2]:
    print(type(v).__name__, '->', m(v))
class Bad:
    __match_args__ = ('a', 'a')
try:
    match Bad():
        case Bad(1, 2): pass
except TypeError as e: print('TE', e)
try:
    match 5:
        case int(1, 2): pass
except TypeError as e: print('TE', e)
class NoArgs: pass
try:
    match NoArgs():
        case NoArgs(1): pass
except TypeError as e: print('TE', e)
try:
    match 1:
        case len(): pass
except TypeError as e: print('TE', e)
import collections
match collections.OrderedDict(a=1):
    case {'a': 1}: print('odict ok')
match 'abc':
    case [*_]: print('str is seq?')
    case _: print('str not seq')
match b'ab':
    case [*_]: print('bytes seq?')
    case _: print('bytes not seq')
match range(3):
    case [0, *r]: print('range', r)
