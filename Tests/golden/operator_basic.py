import operator
from operator import *

print(add(1, 2), sub(5, 3), mul(3, 4), truediv(7, 2), floordiv(7, 2), mod(7, 3), pow(2, 10))
print(neg(3), pos(-3), abs(-4), inv(5), invert(5), lshift(1, 4), rshift(16, 2))
print(and_(12, 10), or_(12, 10), xor(12, 10), not_(0), truth([]), index(7))
print(lt(1, 2), le(2, 2), eq(1, 1), ne(1, 2), ge(1, 2), gt(3, 2))
print(is_(None, None), is_not(1, None), is_none(None), is_not_none(0))
print(concat([1], [2]), contains([1, 2], 2), countOf([1, 2, 1], 1), indexOf('abc', 'c'))
l = [1, 2, 3]; setitem(l, 0, 9); delitem(l, 1); print(l, getitem(l, 1))
print(length_hint([1, 2]), length_hint(iter(range(5))), length_hint(object(), 7))
print(call(max, 3, 9), operator.__add__(1, 1), operator.__lt__ is lt)
x = [1]; print(iadd(x, [2]), x, iconcat(x, [3]), imul([0], 3), ipow(2, 3))
print(isub(5, 1), imod(7, 4), ifloordiv(9, 2), itruediv(9, 2), ilshift(1, 2), irshift(8, 1))
print(iand(6, 3), ior(6, 3), ixor(6, 3))
try:
    concat(1, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    indexOf([1], 5)
except ValueError as e:
    print('ValueError:', e)

g = itemgetter(1)
print(g([5, 6]), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 'v'}), repr(itemgetter(1, 'a')))
class Obj:
    pass
o = Obj(); o.a = Obj(); o.a.b = 5; o.c = 'C'
print(attrgetter('c')(o), attrgetter('a.b', 'c')(o), repr(attrgetter('a.b', 'c')))
m = methodcaller('split', ',', maxsplit=1)
print(m('a,b,c'), repr(m), methodcaller('upper')('x'))
try:
    attrgetter(1)
except TypeError as e:
    print('TypeError:', e)
try:
    methodcaller(1)
except TypeError as e:
    print('TypeError:', e)
try:
    attrgetter('zz')(o)
except AttributeError as e:
    print('AttributeError')
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)))
