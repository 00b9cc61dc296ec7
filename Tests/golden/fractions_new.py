# Behaviour added after 3.11 (expected output written from the docs).
from fractions import Fraction as F
from decimal import Decimal
print(F(4).is_integer(), F(1, 3).is_integer(), F(-6, 3).is_integer())
print(repr(F.from_number(3)), repr(F.from_number(0.25)), repr(F.from_number(Decimal('-1.5'))), repr(F.from_number(F(2, 6))))
for bad in ['1/2', None]:
    try: F.from_number(bad)
    except TypeError as e: print(e)
class Ratio:
    def as_integer_ratio(self): return (3, 2)
print(repr(F(Ratio())))
try: F([])
except TypeError as e: print(e)
try: F(0) ** -2
except ZeroDivisionError as e: print(e)
x = F(-1234567, 3)
for spec in ['', '>14', '<14', '^14', '_', ',', '#', '+', ' ', '*>16,', '=+14']:
    print(repr(spec), repr(format(x, spec)), repr(format(F(5), spec)), repr(format(F(1, 7), spec)))
for spec in ['f', '.2f', 'e', '.3e', 'E', 'g', '.3g', 'G', '%', '.1%', '+.2f', '010.2f', '011,.2f', '>12.3f', '#.0f', '#g', 'z.1f', '_.3f', '.0e', '^20,.4f', '.30f']:
    print(spec, [format(v, spec) for v in (F(22, 7), F(-1, 3), F(0), F(123456789, 100), F(1, 10**8), F(5, 2), F(10**20, 3))])
for spec in ['n', '.2d', 'x', '#f0']:
    try: format(F(1, 3), spec)
    except ValueError as e: print(e)
for spec in ['010', '0', '0=14', '0=16,.2f', '._f', '.4_e', '.,f', '_.2_f', '._3f', '.f']:
    try: print(repr(spec), repr(format(F(-1234567, 3), spec)))
    except ValueError as e: print(e)
