from fractions import Fraction as F
from decimal import Decimal
import math, copy, pickle, numbers
print(F(3, 4), repr(F(-6, 8)), F(' -3/7 '), F('1.5e-3'), F('1_000.000_1'), F('.5'), F('7e2'), F('-2.'), F('3E+2'))
print(F(3.25), F(Decimal('1.25')), F(F(1, 7), F(2, 3)), F(0.1), F(Decimal('-1E+3')), F(True))
for bad in ['', '1/', '3/-4', '1.2/3', 'abc', '1__0', ' 1 / 2 x', '_1', '1_', '1e', 'inf', 'nan', '1/0_']:
    try: print(F(bad))
    except (ValueError, ZeroDivisionError) as e: print(type(e).__name__, e)
for bad in [(1, 0), (F(1), 0), ('1/0',)]:
    try: F(*bad)
    except ZeroDivisionError as e: print('ZDE', e)
for bad in [(1.5, 2), (1, '2')]:
    try: F(*bad)
    except TypeError as e: print('TE', e)
for v in [float('inf'), float('nan'), Decimal('inf'), Decimal('nan')]:
    try: F(v)
    except (ValueError, OverflowError) as e: print(type(e).__name__, e)
print(F.from_float(0.3), F.from_decimal(Decimal('-0.25')), F.from_float(5), F.from_decimal(3))
for f in [lambda: F.from_float('x'), lambda: F.from_decimal(1.5)]:
    try: f()
    except TypeError as e: print(e)
pi = F('3.141592653589793')
print(pi.limit_denominator(10), pi.limit_denominator(100), pi.limit_denominator(1), F(1, 3).limit_denominator(), F(-17, 23).limit_denominator(5), F(3, 7).limit_denominator(7))
try: pi.limit_denominator(0)
except ValueError as e: print(e)
a, b = F(1, 3), F(-5, 7)
for x, y in [(a, b), (a, 2), (2, a), (a, 1.5), (1.5, a), (b, F(1, 7)), (F(7, 2), -2)]:
    print(x + y, x - y, x * y, x / y, x // y, x % y, divmod(x, y))
print(a + 1j, 1j * a, a - 2j)
for f in [lambda: a + Decimal(1), lambda: Decimal(1) * a, lambda: a // 1j]:
    try: f()
    except TypeError as e: print('TE', e)
print(a ** 2, a ** -2, b ** -3, a ** F(1, 2), 2 ** F(2), 2 ** F(-2), F(4) ** F(1, 2), F(-8) ** 3, 2.0 ** F(1, 2), a ** 0.5)
try: F(0) ** -1
except ZeroDivisionError as e: print(e)
try: a / 0
except ZeroDivisionError as e: print(e)
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1234567, 1000), 2), round(F(1234567, 1000), -2), round(F(1, 3), 0), repr(round(F(25, 10), 0)))
print(math.floor(b), math.ceil(b), math.trunc(b), int(b), float(b), complex(a), bool(F(0)), abs(b), -b, +b, int(F(-7, 2)))
print(hash(F(1, 2)) == hash(0.5), hash(F(5)) == hash(5), hash(F(1, 3)), hash(F(-1)), hash(F(1, 2**61 - 1)), hash(F(1, 3)) == hash(Decimal(1) / 3))
print(F(1, 2) == 0.5, F(1, 2) < 0.6, F(1, 2) > float('nan'), F(1, 2) < float('inf'), F(1, 2) == 0.5 + 0j, F(1) == 1, F(1, 2) <= F(1, 2), F(1, 2) != F(1, 3), F(1, 3) > Decimal('0.3'))
print(a.as_integer_ratio(), a.numerator, a.denominator, F(-6, 4).numerator, F(-6, 4).denominator)
print(copy.copy(a) is a, copy.deepcopy(a) is a, pickle.loads(pickle.dumps(a)) == a, isinstance(a, numbers.Rational))
class G(F): pass
print(repr(G(1, 2)), type(G(1, 2) + 1).__name__, repr(G.from_float(0.5)))
print(sorted([F(1, 2), F(1, 3), 0.4, 1, Decimal('0.35')]))
